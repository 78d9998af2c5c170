"""careprint against the engines a practice could pick instead, measured in one run.

    python bench/run.py            # full run (several minutes)
    python bench/run.py --quick    # the same figures with fewer repetitions (under 2 minutes)

Measures, on this machine and in this run: careprint's handout warm (ms per page, median of
rounds), and with each part of the fast path switched on in turn, from plain ReportLab; the peer
harness in ../shared/bench-peers (ReportLab platypus, a pre-broken ReportLab canvas, typst,
WeasyPrint, fpdf2); `python generate.py` cold and one handout cold (fresh processes); 1,000
personalized handouts written to disk with every core; KB per page and peak memory. The last
line is the RESULT line (see bench/README.md).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PEERS = Path(os.environ.get("CAREPRINT_PEERS", ROOT.parent / "shared" / "bench-peers"))
PEER_PYTHON = Path(os.environ.get("CAREPRINT_PEER_PYTHON", "/tmp/peerbench/venv/bin/python"))
NAMES = ["Marieke de Vries", "Ahmet Yılmaz", "Sanne Bakker", "Pieter Jansen", "Fatima El Idrissi"]
LANGUAGES = ["nl", "nl", "nl", "en", "de", "tr", "ar"]


def say(text: str) -> None:
    sys.stderr.write(text + "\n")
    sys.stderr.flush()


def copy_workspace(target: Path) -> Path:
    from careprint.workspace import Workspace

    return Workspace(ROOT).copy(target)


def client_stream(count: int, ids: list[str], most: dict[str, int] | None = None) -> list[str]:
    """``count`` client files (YAML text): a deterministic walk over the library; a hold is
    never above the point's maximum (``most``, by id)."""
    files = []
    for i in range(count):
        chosen: list[str] = []
        step = 0
        while len(chosen) < 2 + i % 3:
            candidate = ids[(i * 7 + step * 5 + 3) % len(ids)]
            if candidate not in chosen:
                chosen.append(candidate)
            step += 1
        points = "\n".join(
            f"  - id: {point}\n    side: {['both', 'left', 'right'][(i + n) % 3]}"
            + (
                f"\n    hold: {min(20 + (i % 5) * 5, (most or {}).get(point, 120))}"
                if n == 0
                else ""
            )
            for n, point in enumerate(chosen)
        )
        files.append(
            f"name: {NAMES[i % len(NAMES)]}\n"
            f"email: client{i}@example.org\n"
            f"language: {LANGUAGES[i % len(LANGUAGES)]}\n"
            f"date: 2026-{1 + i % 12:02d}-{1 + i % 28:02d}\n"
            "therapist: Joris van Dam\n"
            f"points:\n{points}\n"
        )
    return files


def pages_of(pdf: bytes) -> int:
    """The number of pages (read with pikepdf: a tagged PDF keeps its objects in streams)."""
    import io

    import pikepdf

    with pikepdf.open(io.BytesIO(pdf)) as doc:
        return len(doc.pages)


# -- careprint, warm ---------------------------------------------------------------------------


def warm(rounds: int, repeat: int, fast: bool = True) -> dict[str, object]:
    """The example clients' handouts, rendered again and again in this process, to memory."""
    from careprint.app import handouts
    from careprint.workspace import Workspace

    ws = Workspace(ROOT, fast=fast)
    clients = sorted((ROOT / "clients").glob("*.yaml"))
    out = Path(tempfile.gettempdir())
    sizes = [handouts.handout(ws, path, out) for path in clients]  # warm-up: caches filled
    pages = sum(pages_of(made.data) for made in sizes)
    kb = sum(len(made.data) for made in sizes) / 1024
    per_page = []
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(repeat):
            for path in clients:
                handouts.handout(ws, path, out)
        per_page.append((time.perf_counter() - start) * 1000 / (pages * repeat))
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "ms_per_page": statistics.median(per_page),
        "range": (min(per_page), max(per_page)),
        "pages_per_round": pages * repeat,
        "kb_per_page": kb / pages,
        "rss_mb": rss,
    }


# -- the parts of the fast path ---------------------------------------------------------------

PARTS = [
    ("plain ReportLab (CAREPRINT_PLAIN=1)", "plain"),
    ("+ parts laid out once per process", "kept"),
    ("+ parts drawn once, copied into seeded PDFs", "replay"),
    ("+ font subsets made once (the whole fast path)", "fast"),
]


def part(config: str, rounds: int, repeat: int) -> float:
    """Warm ms per page with the fast path up to ``config`` (in this process: run it alone)."""
    from careprint.render import compat, replay

    if config in ("kept", "replay"):
        compat.keep_subsets = lambda font: None  # each subset made per document again
    if config == "kept":
        replay.Replay.draw = lambda self, canvas, draw: draw(canvas)  # drawn every time
    return float(warm(rounds, repeat, fast=config != "plain")["ms_per_page"])


def parts(quick: bool) -> list[tuple[str, float]]:
    """Each configuration of PARTS in a process of its own: warm ms per page."""
    found = []
    for label, config in PARTS:
        done = subprocess.run(
            [sys.executable, __file__, "--part", config] + (["--quick"] if quick else []),
            check=True,
            capture_output=True,
            text=True,
        )
        found.append((label, float(done.stdout.strip())))
    return found


def handout_cold(times: int) -> float:
    """`careprint handout clients/dossier-0147.yaml` in fresh processes: median seconds."""
    walls = []
    with tempfile.TemporaryDirectory() as scratch:
        ws = copy_workspace(Path(scratch) / "practice")
        for _ in range(times):
            start = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "careprint", "handout", "clients/dossier-0147.yaml"],
                cwd=ws,
                check=True,
                stdout=subprocess.DEVNULL,
            )
            walls.append(time.perf_counter() - start)
    return statistics.median(walls)


# -- the app's live preview ----------------------------------------------------------------


def serve_preview(users: int, edits: int) -> tuple[float, float]:
    """The app's preview of a handout being edited (careprint serve), server side: each edit
    (a new hold time, side or note, as a therapist types) checked, drawn and its first page
    rasterised to PNG, by ``users`` threads at once, as the app runs them (one workspace, the
    previews drawn in its worker processes, one a core, at most two). p50 and p95 in ms."""
    from concurrent.futures import ThreadPoolExecutor

    from careprint.app import clientfile, preview
    from careprint.workspace import Workspace

    ws = Workspace(ROOT)
    clients = sorted((ROOT / "clients").glob("*.yaml"))
    previewer = preview.Previewer(ws, workers=min(2, os.cpu_count() or 1))
    previewer.warm(clients)

    def one(user: int, n: int) -> float:
        path = clients[user % len(clients)]
        original = path.read_bytes()
        fields = clientfile.fields_of(original)
        point = fields.points[n % len(fields.points)]
        most = ws.library[point.id].model.maximum.hold
        point.hold = str(min(most, 10 + (n * 7 + user) % 20))
        point.note = f"Bewerking {user}-{n}."
        data = clientfile.compose(fields, original)
        start = time.perf_counter()
        made = previewer.preview(ws.fresh(), path, data)
        assert made.problem is None, made.problem
        assert previewer.png(made.key, 1)
        return (time.perf_counter() - start) * 1000

    for user in range(users):  # warm: the practice, fonts and library loaded once
        one(user, -1)
    with ThreadPoolExecutor(users) as pool:
        futures = [pool.submit(one, user, n) for n in range(edits) for user in range(users)]
        times = sorted(future.result() for future in futures)
    previewer.close()
    return statistics.median(times), times[min(len(times) - 1, int(len(times) * 0.95))]


# -- peers -----------------------------------------------------------------------------------


def peers(quick: bool) -> dict[str, dict[str, float]]:
    """ms per page (warm) of each engine in the peer harness, from its results.json."""
    if not (PEERS / "bench.py").is_file() or not PEER_PYTHON.is_file():
        say(f"peers: not found ({PEERS}, {PEER_PYTHON}); run setup.sh there first")
        return {}
    out = Path(tempfile.mkdtemp(prefix="careprint-peers-"))
    command = [str(PEER_PYTHON), str(PEERS / "bench.py"), "--out", str(out)]
    command += ["--quick"] if quick else ["-n", "100", "--reps", "5", "--cold-reps", "3"]
    say("peers: " + " ".join(command))
    subprocess.run(command, cwd=PEERS, check=True, stdout=subprocess.DEVNULL)
    data = json.loads((out / "results.json").read_text())
    found: dict[str, dict[str, float]] = {}
    for name, result in _engines(data).items():
        pages = 2.0  # the peer handout has two pages
        warm_ms = result.get("warm_ms_median") or result.get("ms_per_doc")
        if warm_ms:
            found[name] = {"ms_per_page": float(warm_ms) / pages}
    return found


def _engines(data: dict[str, object]) -> dict[str, dict[str, float]]:
    engines = data.get("summary") or data.get("engines") or {}
    if isinstance(engines, list):
        return {str(e.get("engine") or e.get("name")): e for e in engines}
    return engines  # type: ignore[return-value]


# -- cold, batch -----------------------------------------------------------------------------


def cold(times: int) -> float:
    """``python generate.py`` in fresh processes, in a copy of the example; median seconds.

    Python keeps the compiled form of each module and reuses it from the second run on; where
    PYTHONDONTWRITEBYTECODE forbids that (as on some build machines), an editable install would
    compile careprint's modules again in every run. They are compiled once here, as any second
    run elsewhere finds them."""
    import careprint

    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(Path(careprint.__file__).parent)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    walls = []
    with tempfile.TemporaryDirectory() as scratch:
        ws = copy_workspace(Path(scratch) / "practice")
        shutil.copy2(ROOT / "generate.py", ws / "generate.py")
        for _ in range(times):
            start = time.perf_counter()
            subprocess.run(
                [sys.executable, str(ws / "generate.py")], check=True, stdout=subprocess.DEVNULL
            )
            walls.append(time.perf_counter() - start)
    return statistics.median(walls)


def batch(count: int) -> tuple[float, float]:
    """``count`` handouts written to disk with every core: wall seconds, children's peak RSS."""
    from careprint.workspace import Workspace

    library = Workspace(ROOT).library
    ids = sorted(library)
    most = {key: entry.model.maximum.hold for key, entry in library.items()}
    with tempfile.TemporaryDirectory() as scratch:
        ws = copy_workspace(Path(scratch) / "practice")
        folder = ws / "batch"
        folder.mkdir()
        for i, text in enumerate(client_stream(count, ids, most)):
            (folder / f"c{i:05d}.yaml").write_text(text, encoding="utf-8")
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "careprint", "-C", str(ws), "batch", "batch"],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        wall = time.perf_counter() - start
        written = len(list((ws / "out" / "handouts").glob("*.pdf")))
        if written != count:
            raise SystemExit(f"batch wrote {written} handouts, not {count}")
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return wall, rss


def machine() -> float:
    """How fast this machine is right now (shared machines vary from minute to minute): the
    best of three runs of a plain Python loop, seconds."""
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        total = 0
        for i in range(10_000_000):
            total += i
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument("--no-peers", action="store_true", help="skip the peer engines")
    parser.add_argument("--part", help=argparse.SUPPRESS)  # one configuration of PARTS
    parser.add_argument(
        "--preview", action="store_true", help="only the app's preview (1 and 4 users)"
    )
    args = parser.parse_args()
    quick = args.quick
    if args.part:
        print(f"{part(args.part, rounds=3 if quick else 5, repeat=3 if quick else 6):.3f}")
        return
    if args.preview:
        for users in (1, 4):
            p50, p95 = serve_preview(users, 80 if users == 1 else 40)
            print(f"preview, {users} user(s): p50 {p50:.0f} ms, p95 {p95:.0f} ms")
        return

    say("machine ...")
    loop_s = machine()
    say("careprint warm ...")
    mine = warm(rounds=5 if quick else 9, repeat=3 if quick else 10)
    say(f"  {mine['ms_per_page']:.2f} ms/page")
    say("the parts of the fast path ...")
    steps = parts(quick)
    found = {} if args.no_peers else peers(quick)
    say("generate.py cold ...")
    generate_s = cold(3 if quick else 5)
    say("one handout cold ...")
    handout_s = handout_cold(5 if quick else 11)
    say("1,000 handouts ...")
    batch_s, batch_rss = batch(1000)
    say("the app's preview, 1 and 4 users ...")
    preview1 = serve_preview(1, 30 if quick else 80)
    preview4 = serve_preview(4, 15 if quick else 40)

    lo, hi = mine["range"]  # type: ignore[misc]
    rows = [("careprint handout", float(mine["ms_per_page"]), f"{lo:.2f}–{hi:.2f}")]  # type: ignore[arg-type]
    rows += [(name, peer["ms_per_page"], "") for name, peer in sorted(found.items())]
    print("| engine | ms/page (warm) | range |")
    print("|---|---:|---:|")
    for name, value, spread in rows:
        print(f"| {name} | {value:.2f} | {spread} |")
    print()
    print("| fast path, part by part | ms/page (warm) |")
    print("|---|---:|")
    for label, value in steps:
        print(f"| {label} | {value:.2f} |")
    print()
    print(f"machine: a pure-Python loop of 10 million additions took {loop_s:.2f} s")
    print(f"one handout cold (careprint handout clients/dossier-0147.yaml): {handout_s:.2f} s")
    print(f"generate.py cold: {generate_s:.2f} s (median of {3 if quick else 5})")
    print(f"1,000 handouts, {os.cpu_count()} cores: {batch_s:.2f} s")
    print(
        "the app's preview of an edited handout (check, draw, page 1 as PNG): "
        f"1 user p50 {preview1[0]:.0f} ms, p95 {preview1[1]:.0f} ms; "
        f"4 users p50 {preview4[0]:.0f} ms, p95 {preview4[1]:.0f} ms"
    )
    print(f"KB per page: {mine['kb_per_page']:.1f}")
    print(f"peak RSS: warm {mine['rss_mb']:.0f} MB, batch workers {batch_rss:.0f} MB")

    def peer(name: str) -> str:
        return f"{found[name]['ms_per_page']:.2f}" if name in found else "nan"

    print(
        f"RESULT handout_ms_per_page={float(mine['ms_per_page']):.2f} "  # type: ignore[arg-type]
        f"typst_ms_per_page={peer('typst')} reportlab_ms_per_page={peer('rl-platypus')} "
        f"generate_cold_s={generate_s:.2f} batch1000_s={batch_s:.2f} "
        f"kb_per_page={float(mine['kb_per_page']):.1f} "  # type: ignore[arg-type]
        f"rss_mb={max(float(mine['rss_mb']), batch_rss):.0f} "  # type: ignore[arg-type]
        f"handout_cold_s={handout_s:.2f} serve_preview_p95_ms={preview4[1]:.0f}"
    )


if __name__ == "__main__":
    main()
