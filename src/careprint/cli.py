"""The careprint command: the only place where errors become messages and exit codes."""

from __future__ import annotations

import gc
import logging
import os
import sys
import traceback
import typing
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

from careprint.errors import CareprintError, UsageError
from careprint.workspace import Workspace

if TYPE_CHECKING:
    from careprint.app.batch import LeafletJob
    from careprint.app.email import Delivered

log = logging.getLogger("careprint")


class _Echo(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        click.echo(f"{record.levelname.lower()}: {record.getMessage()}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "-C",
    "folder",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="The practice folder (holding practice.yaml). Default: this folder or one above it.",
)
@click.option("-v", "--verbose", is_flag=True, help="Tell each step.")
@click.version_option(package_name="careprint")
@click.pass_context
def cli(ctx: click.Context, folder: Path | None, verbose: bool) -> None:
    """Patient leaflets and home-care handouts, print-ready, from plain YAML files.

    \b
    Example:
      careprint build                     # every leaflet, office printer edition
      careprint build --print-shop        # also the edition for the print shop
      careprint check                     # check everything, write nothing
    """
    if not log.handlers:
        log.addHandler(_Echo())
    log.setLevel(logging.DEBUG if verbose else logging.INFO)
    ctx.obj = folder


def _workspace(ctx: click.Context) -> Workspace:
    folder = ctx.obj
    if folder is not None and not (folder / "practice.yaml").is_file():
        raise UsageError(
            f"{folder} holds no practice.yaml.",
            fix="After -C, name the folder that holds practice.yaml.",
        )
    return Workspace(folder) if folder is not None else Workspace.find(Path.cwd())


def _jobs(ws: Workspace, names: Sequence[str], layout: str | None) -> list[tuple[str, str]]:
    if layout is not None and layout not in ws.layout_names():
        ws.layout(layout)  # raises the error that lists the layouts there are
    jobs = []
    names = [_leaflet_name(ws, name) for name in names]
    for name in names or ws.leaflet_names():
        layouts = [layout] if layout else list(ws.leaflet(name).model.layouts)
        jobs += [(name, each) for each in layouts]
    if not jobs:
        raise UsageError("there are no leaflets in leaflets/.", fix="Add a leaflet file there.")
    return jobs


def _leaflet_name(ws: Workspace, given: str) -> str:
    """A leaflet named by its name or by its file (leaflets/x.yaml, from the practice folder);
    a file that is no leaflet is said to be what it is."""
    if "/" not in given and not given.endswith((".yaml", ".yml")):
        return given
    path = Path(given) if Path(given).is_absolute() else ws.root / given
    if path.is_file():
        ws.expect(path, "leaflet")
    return Path(given).stem


@contextmanager
def _progress(total: int, label: str) -> Iterator[Callable[[], None]]:
    """A progress bar on a terminal; silent when the output goes to a file or another program."""
    if not sys.stderr.isatty() or total < 2:
        yield lambda: None
        return
    from rich.progress import Progress

    with Progress(transient=True) as progress:
        task = progress.add_task(label, total=total)
        yield lambda: progress.advance(task)


LANG_HELP = (
    "Language of the leaflet (repeat for several); 'all' for every translation, 'complete' "
    "for every finished one. "
)


def _languages(ws: Workspace, asked: Sequence[str]) -> list[str | None]:
    """The languages asked for: None means each leaflet's own."""
    if not asked:
        return [None]
    known = ws.languages()
    chosen: list[str | None] = []
    for language in asked:
        if language in ("all", "complete"):
            from careprint.app.leaflets import complete_languages

            wanted = known if language == "all" else complete_languages(ws)
            chosen += [lang for lang in wanted if lang not in chosen]
        elif language in known:
            chosen.append(language)
        else:
            from careprint.content.i18n import code_of_name, language_hint

            start = f" Start one with: careprint translate export --lang {language}"
            raise UsageError(
                f"there is no translation into '{language}'.",
                fix=language_hint(language)
                + _choose_text("Languages here", language, known)
                + ("" if code_of_name(language) else start),
            )
    return chosen


def _choose_text(intro: str, given: str, names: list[str]) -> str:
    from careprint.workspace import _choose

    return _choose(intro, given, names)


@cli.command()
@click.argument("leaflets", nargs=-1)
@click.option("--layout", help="Build only this layout (e.g. trifold). Default: the leaflet's own.")
@click.option("--lang", "languages", multiple=True, help=LANG_HELP + "Default: the leaflet's own.")
@click.option(
    "--print-shop", is_flag=True, help="Also build the print-shop edition (bleed, marks, CMYK)."
)
@click.option(
    "--strict", is_flag=True, help="Fail when a translation is missing, instead of printing Dutch."
)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder for the PDFs. Default: out/leaflets in the practice folder.",
)
@click.pass_context
def build(
    ctx: click.Context,
    leaflets: tuple[str, ...],
    layout: str | None,
    languages: tuple[str, ...],
    print_shop: bool,
    strict: bool,
    out: Path | None,
) -> None:
    """Build leaflets as PDF (all of them when none is named).

    \b
    Example:
      careprint build triggerpointtherapie --layout trifold --print-shop
      careprint build --lang en --lang de
    """
    ws = _workspace(ctx)
    out_dir = out if out is not None else ws.root / "out" / "leaflets"
    work = _leaflet_jobs(ws, leaflets, layout, languages, print_shop, strict, out_dir)
    _make(ws, work, [], ws.root / "out" / "handouts")


@cli.command(name="all")
@click.pass_context
def all_(ctx: click.Context) -> None:
    """Build everything: every leaflet in each of its layouts and finished translations, with
    the print-shop editions, and the handout of every client file in clients/.

    \b
    Example:
      careprint all
    """
    ws = _workspace(ctx)
    work = _leaflet_jobs(ws, (), None, ("complete",), True, False, ws.root / "out" / "leaflets")
    clients = list(ws.yaml_files("clients").values())
    _make(ws, work, clients, ws.root / "out" / "handouts")


def _leaflet_jobs(
    ws: Workspace,
    leaflets: Sequence[str],
    layout: str | None,
    languages: Sequence[str],
    print_shop: bool,
    strict: bool,
    out_dir: Path,
) -> list[LeafletJob]:
    """One job per leaflet and language with all its layouts: they are written all, or none."""
    groups: dict[tuple[str, str | None], list[str]] = {}
    chosen = _languages(ws, languages)
    for name, each in _jobs(ws, leaflets, layout):
        for language in chosen:
            groups.setdefault((name, language), []).append(each)
    return [
        (name, language, layouts, print_shop, str(out_dir), strict)
        for (name, language), layouts in groups.items()
    ]


def _make(
    ws: Workspace,
    work: list[LeafletJob],
    clients: list[Path],
    out_dir: Path,
    strict: bool = False,
) -> None:
    """Leaflet jobs, then handouts, one process per core; each file told when written."""
    from careprint.app import batch as batches

    failed = 0
    total = len(work) + len(clients)
    workers = min(os.cpu_count() or 1, total) if total > 2 else 1
    with _progress(total, "Building") as step:
        made = batches.together(ws.root, work, clients, out_dir, workers, step, ws, strict)
        for result in made:
            if isinstance(result, batches.Done):
                error = _failed(ws, result)
                written = [] if result.written is None else [(result.written, result.size)]
            else:
                files, error = result
                batches.write(files)
                written = [(Path(path), len(data)) for path, data in files]
            if error:
                failed += 1
                click.echo(f"error: {error}", err=True)
            for path, size in written:
                click.echo(f"wrote {ws.display(path)} ({size // 1024} KB)")
    if failed:
        raise SystemExit(2)


@cli.command()
@click.option(
    "--strict",
    is_flag=True,
    help="Make every readability warning (a long sentence, a hard word) an error.",
)
@click.pass_context
def check(ctx: click.Context, strict: bool) -> None:
    """Check every file (leaflets, library, clients); fit every leaflet; report what is hard
    to read, in every language; write nothing.

    \b
    Example:
      careprint check
      careprint check --strict
    """
    from careprint.app.check import check as checked

    failed = 0
    for finding in checked(_workspace(ctx), strict):
        if finding.kind == "warning":
            click.echo(f"warning: {finding.text}", err=True)
        elif finding.kind == "readability":
            click.echo(f"readability: {finding.text}")
        elif finding.ok:
            click.echo(f"ok: {finding.text}")
        else:
            failed += 1
            click.echo(f"error: {finding.text}", err=True)
    if failed:
        raise SystemExit(2)


@cli.command()
@click.argument("clients", nargs=-1, type=click.Path(path_type=Path))
@click.option("--email", "by_email", is_flag=True, help="Also email the handout to the client.")
@click.option(
    "--encrypt",
    is_flag=True,
    help="With --email: protect the PDF with a password (AES-256), shown once here.",
)
@click.option("--again", is_flag=True, help="With --email: send it even if it was sent before.")
@click.option(
    "--strict", is_flag=True, help="Fail when a translation is missing, instead of printing Dutch."
)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder for the PDFs. Default: out/handouts in the practice folder.",
)
@click.pass_context
def handout(
    ctx: click.Context,
    clients: tuple[Path, ...],
    by_email: bool,
    encrypt: bool,
    again: bool,
    strict: bool,
    out: Path | None,
) -> None:
    """Make a client's personal self-massage handout (A4 PDF) from a client file.

    The PDF is named after the client file and the date, never after the client. With
    --email it goes to the client's address: as a draft in out/outbox/ to open in your mail
    program, or straight through the mail server named in practice.yaml. A handout is never
    emailed twice by accident.

    \b
    Example:
      careprint handout clients/dossier-0147.yaml
      careprint handout clients/dossier-0147.yaml --email --encrypt
    """
    if (encrypt or again) and not by_email:
        raise UsageError(
            f"{'--encrypt' if encrypt else '--again'} is about emailing.",
            fix="Add --email, e.g. careprint handout clients/dossier-0147.yaml --email --encrypt.",
        )
    ws = _workspace(ctx)
    out_dir = out if out is not None else ws.root / "out" / "handouts"
    base = ws.root if ctx.obj is not None else Path.cwd()  # like git -C: paths from that folder
    paths = [base / p for p in clients] or list(ws.yaml_files("clients").values())
    if not paths:
        raise UsageError(
            "no client file named, and there are none in clients/.",
            fix="Name a client file, e.g. careprint handout clients/dossier-0147.yaml.",
        )
    if not by_email and len(paths) > 2:  # several: one process per core
        _make(ws, [], paths, out_dir, strict)
        return
    from careprint.app.handouts import handout as make
    from careprint.app.handouts import write

    failed = 0
    with _progress(len(paths), "Handouts") as step:
        for path in paths:
            try:
                made = make(ws, path, out_dir, strict)
                write(made)
                click.echo(f"wrote {ws.display(made.path)} ({len(made.data) // 1024} KB)")
                if by_email:
                    from careprint.app.email import email_handout  # only then: SMTP, jinja2

                    _report(
                        ws, path, email_handout(ws, path, made.content, made.data, again, encrypt)
                    )
            except CareprintError as exc:
                failed += 1
                click.echo(f"error: {exc}", err=True)
            finally:
                step()
    if failed:
        raise SystemExit(2)


def _report(ws: Workspace, path: Path, done: Delivered) -> None:
    """Tell the therapist what happened to the email; the password once, never logged."""
    name = ws.display(path)
    if done.channel == "skipped":
        assert done.before is not None
        what = "sent" if done.before.state == "sent" else "put in the outbox as a draft"
        click.echo(
            f"{name}: this handout was already {what} on {done.before.when()}; nothing sent.\n"
            "  To send it once more, add --again."
        )
        return
    if done.channel == "outbox":
        assert done.draft is not None
        click.echo(
            f"drafted {ws.display(done.draft)}: open it in your mail program and press Send."
        )
    else:
        click.echo(f"sent the handout of {name} to the client's email address.")
    if done.password:
        click.echo(
            f"password of the PDF: {done.password}\n"
            "  Give it to the client by phone or text message, never in the same email.\n"
            "  careprint does not keep it: write it down now if you need it."
        )


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--password",
    default=None,
    help="The password of handouts the client sent back still protected (the one you gave).",
)
@click.pass_context
def progress(ctx: click.Context, files: tuple[Path, ...], password: str | None) -> None:
    """Read handouts a client filled in and sent back, and chart their progress.

    Each PDF is matched to its client file by the code under its week; its ticks and pain
    scores are kept in out/ledger.sqlite3 (a file read twice counts once), and
    out/progress/DOSSIER.pdf and .png show the sessions done against the plan, week by week,
    and the pain over time. The client's questions are not kept: open the PDF for them.

    \b
    Example:
      careprint progress ~/Downloads/zelfmassage-2026-11-24.pdf
    """
    from careprint.app.progress import progress as read_all

    ws = _workspace(ctx)
    base = ws.root if ctx.obj is not None else Path.cwd()
    named = [(p if p.is_absolute() else base / p, p.as_posix()) for p in files]
    reads, charts = read_all(ws, named, password)
    for read, given in zip(reads, files, strict=True):
        what = f"{read.ticked} session(s) ticked, {read.scores} pain score(s)"
        if read.before is not None:
            when = read.before.strftime("%Y-%m-%d %H:%M")
            click.echo(f"{given}: {read.dossier}, read before on {when}; counted once.")
        else:
            click.echo(f"{given}: {read.dossier}, {what}.")
        for note in read.left_out:
            click.echo(f"  left out: {note}.")
        if read.questions:
            click.echo("  The client wrote questions in it: open the PDF to read them.")
    for made in charts:
        click.echo(f"wrote {ws.display(made.pdf)} and {ws.display(made.png)}")


@cli.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path), required=False)
@click.option(
    "--jobs", type=click.IntRange(1, 64), default=None, help="Processes (default: one a core)."
)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder for the PDFs. Default: out/handouts in the practice folder.",
)
@click.pass_context
def batch(ctx: click.Context, folder: Path | None, jobs: int | None, out: Path | None) -> None:
    """Make the handouts of every client file in a folder, using every core.

    \b
    Example:
      careprint batch clients/
    """
    ws = _workspace(ctx)
    base = ws.root if ctx.obj is not None else Path.cwd()
    folder = base / folder if folder is not None else ws.root / "clients"
    paths = sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")]) if folder.is_dir() else []
    if not paths:
        raise UsageError(
            f"there are no client files in {ws.display(folder)}.",
            fix="Name the folder that holds the client files (*.yaml).",
        )
    out_dir = out if out is not None else ws.root / "out" / "handouts"
    from careprint.app import batch as batches

    failed = written = 0
    with _progress(len(paths), "Handouts") as step:
        for done in batches.run(ws.root, paths, out_dir, jobs, step, ws):
            if done.written is None:
                failed += 1
                click.echo(f"error: {_failed(ws, done)}", err=True)
            else:
                written += 1
    click.echo(
        f"wrote {written} handouts to {ws.display(out_dir)}"
        + (f"; {failed} failed" if failed else "")
    )
    if failed:
        raise SystemExit(2)


@cli.command()
@click.argument("folder", type=click.Path(path_type=Path))
def init(folder: Path) -> None:
    """Start a practice folder of your own: practice.yaml to fill in, an example leaflet and an
    example client. A file already there is never overwritten.

    \b
    Example:
      careprint init mijn-praktijk
      cd mijn-praktijk
      careprint check
    """
    from careprint.app.starter import init as start

    for made in start(folder):
        shown = made.path.relative_to(folder).as_posix()
        click.echo(f"{'made' if made.made else 'kept (it was there)'}: {shown}")
    click.echo(
        f"\nYour practice folder is {folder}. Next:\n"
        f"  cd {folder}\n"
        "  edit practice.yaml (your name, address, colours) and put your logo in templates/brand/\n"
        "  careprint check                       checks everything\n"
        "  careprint build                       the leaflets, in out/leaflets/\n"
        "  careprint handout clients/voorbeeld.yaml   the example client's handout\n"
        "  careprint serve                       the practice's app, in your web browser"
    )


@cli.command()
@click.pass_context
def layouts(ctx: click.Context) -> None:
    """List the layouts a leaflet can be built in, each with what it is for.

    \b
    Example:
      careprint layouts
    """
    ws = _workspace(ctx)
    names = ws.layout_names()
    width = max((len(n) for n in names), default=0)
    for name in names:
        click.echo(f"{name:<{width}}  {ws.layout(name).model.description}")


@cli.command()
@click.pass_context
def points(ctx: click.Context) -> None:
    """List the self-massage library: the ids to use in client files, with their muscles.

    \b
    Example:
      careprint points
    """
    from careprint.content.models import Region

    ws = _workspace(ctx)
    entries = [loaded.model for loaded in ws.library.values()]
    if not entries:
        raise UsageError(
            "the library is empty.", fix="Add self-massage instructions to self-massage/."
        )
    width = max(len(e.id) for e in entries)
    regions = typing.get_args(Region)  # head to foot
    for region in sorted({e.region for e in entries}, key=regions.index):
        click.echo(f"{region}:")
        for e in sorted((e for e in entries if e.region == region), key=lambda e: e.id):
            click.echo(f"  {e.id:<{width}}  {e.muscle}  [{e.latin}]")


@cli.group()
def translate() -> None:
    """Translation files (PO) for translators: create or update them, see how far they are.

    \b
    Example:
      careprint translate export --lang en     # then translate translations/en/*.po
      careprint translate status
    """


@translate.command("export")
@click.option(
    "--lang", "languages", multiple=True, required=True, help="Language code, e.g. en, de, tr, ar."
)
@click.pass_context
def translate_export(ctx: click.Context, languages: tuple[str, ...]) -> None:
    """Create or update the PO files of a language from the Dutch texts.

    New texts are added, changed ones marked fuzzy (with the old text shown), texts no longer
    used kept at the end as obsolete; existing translations stay.

    \b
    Example:
      careprint translate export --lang de
    """
    from careprint.app.translate import export

    for done in export(_workspace(ctx), list(languages)):
        changes = done.changes
        click.echo(
            f"{done.file}: {done.texts} texts; {changes.added} new, "
            f"{changes.fuzzy} changed (fuzzy), {changes.obsolete} no longer used"
        )


@translate.command("status")
@click.option("--lang", "languages", multiple=True, help="Only these languages.")
@click.pass_context
def translate_status(ctx: click.Context, languages: tuple[str, ...]) -> None:
    """How far each language is: translated, fuzzy and missing texts per file.

    \b
    Example:
      careprint translate status
    """
    from careprint.app.translate import status

    ws = _workspace(ctx)
    chosen = list(languages) or ws.languages()[1:]
    if not chosen:
        click.echo("No translations yet. Start one with: careprint translate export --lang en")
        return
    table = status(ws, chosen)
    width = max(len(f"{domain}.po") for found in table.values() for domain in found)
    for language, found in table.items():
        click.echo(f"{language}:")
        click.echo(f"  {'file':<{width}}  translated  fuzzy  missing")
        for domain, st in found.items():
            click.echo(
                f"  {domain + '.po':<{width}}  {st.translated:>10}  {st.fuzzy:>5}  {st.missing:>7}"
            )


@cli.command()
@click.option(
    "-C",
    "folder",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="The practice folder (as -C before the command).",
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=8740, show_default=True)
@click.option("--open", "open_browser", is_flag=True, help="Open the app in the browser.")
@click.option(
    "--set-password",
    is_flag=True,
    help="Set the practice password of the app (asked twice; kept as a hash in .careprint/).",
)
@click.option(
    "--cert",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="TLS certificate (PEM), with --key: needed for any --host but this computer.",
)
@click.option(
    "--key", type=click.Path(dir_okay=False, path_type=Path), default=None, help="TLS key (PEM)."
)
@click.pass_context
def serve(
    ctx: click.Context,
    folder: Path | None,
    host: str,
    port: int,
    open_browser: bool,
    set_password: bool,
    cert: Path | None,
    key: Path | None,
) -> None:
    """Start the practice's app: pick points on a body map, see the handout, send it.

    It runs on this computer only (127.0.0.1) unless --host says otherwise, which needs a
    practice password (--set-password) and a TLS certificate and key. Stop it with Ctrl+C.

    \b
    Example:
      careprint serve --open
      careprint serve --set-password
    """
    if folder is not None:
        ctx.obj = folder
    ws = _workspace(ctx)
    if set_password:
        from careprint.app.access import set_password as keep

        password = click.prompt("New practice password", hide_input=True, confirmation_prompt=True)
        path = keep(ws, password)
        click.echo(f"The practice password is set (its hash is in {ws.display(path)}).")
        return
    from careprint.web.server import run

    def told(address: str) -> None:
        click.echo(f"careprint is running at {address}  (stop it with Ctrl+C)")

    run(ws.root, host, port, open_browser, cert, key, told)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; user mistakes exit 2, bugs exit 1 with a short apology."""
    # what is loaded so far lives as long as the process: the collector need not look at it
    # again, and processes forked to build in parallel share it instead of copying it
    gc.freeze()
    try:
        cli.main(args=list(argv) if argv is not None else None, standalone_mode=False)
    except CareprintError as exc:
        click.echo(f"error: {exc}", err=True)
        return 2
    except click.exceptions.Abort:
        click.echo("Stopped.", err=True)
        return 1
    except click.ClickException as exc:
        exc.show()
        return 2
    except SystemExit as exc:
        return int(exc.code or 0)
    except Exception:
        return _bug()
    return 0


def _failed(ws: Workspace, done: typing.Any) -> str:
    """What to say of a handout a batch could not make."""
    if not done.bug:
        return str(done.error)
    path = _log(done.error)
    return (
        f"{ws.display(done.client)}: careprint ran into a problem of its own with this file "
        f"(a bug, not something you did); the others are made. The details are in {path}."
    )


def _log(details: str) -> Path | None:
    """Keep ``details`` in the user's own log folder (never a shared one: they may name a
    client's file); None when that cannot be written either."""
    try:
        from platformdirs import user_log_dir

        folder = Path(user_log_dir("careprint", appauthor=False))
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "error.log"
        path.write_text(details, encoding="utf-8")
        path.chmod(0o600)
        return path
    except Exception:  # the report of a problem must never become a problem itself
        return None


def _bug() -> int:
    """Keep the details in a log file; the user sees where it is, not a traceback."""
    path = _log(traceback.format_exc())
    where = (
        f"The details are in {path}; please send that file to whoever looks after careprint."
        if path is not None
        else "Its details could not be written down; please tell whoever looks after careprint "
        "what you did just now."
    )
    click.echo(
        f"careprint ran into a problem of its own (a bug, not something you did). Sorry.\n{where}",
        err=True,
    )
    return 1
