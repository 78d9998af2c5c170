"""The handout page over HTTP: the form, its errors beside their fields, the live preview,
saving (comments kept, a stale save refused), saved sets, email once, download."""

from __future__ import annotations

import html
import re
from pathlib import Path

from careprint.app import clients
from careprint.workspace import Workspace
from tests.conftest import Run
from tests.web.conftest import Client, form_of, replace


def opened(client: Client, dossier: str = "dossier-0147") -> list[tuple[str, str]]:
    page = client.get(f"/handout/{dossier}")
    assert page.status_code == 200
    return form_of(page.text)


def error_beside(html: str, field: str) -> str:
    found = re.search(rf'<p class="field-error" id="err-{field}"[^>]*>([^<]*)</p>', html)
    assert found is not None, field
    return found.group(1)


def test_a_new_handout_form_starts_today_with_the_practice_therapist(client: Client) -> None:
    import datetime

    page = client.get("/handout/new").text
    fields = dict(form_of(page))
    assert fields["date"] == datetime.date.today().isoformat()
    assert fields["therapist"] == "Joris van Dam"
    assert fields["language"] == "nl"
    # every library point is a marker on the body map, named for hover and screen readers
    assert page.count('class="marker') == 23
    assert "<title>Bovenkant van je schouder (monnikskapspier)</title>" in page
    assert 'tabindex="0" role="button"' in page
    # the finished languages only
    assert re.findall(r'<option value="(\w\w)"', page)[:5] == ["nl", "ar", "de", "en", "tr"]


def test_points_are_added_moved_and_removed(client: Client) -> None:
    fields = form_of(client.get("/handout/new").text)
    for point in ("masseter", "temporalis", "upper-trapezius"):
        page = client.post_form("/handout", [*fields, ("op", f"add:{point}")]).text
        fields = form_of(page)
    ids = [v for k, v in fields if k.endswith("-id")]
    assert ids == ["masseter", "temporalis", "upper-trapezius"]
    # the library's dosage is filled in, with the maximum beside it
    assert dict(fields)["points-0-hold"] == "20"
    assert 'max="30"' in page
    page = client.post_form("/handout", [*fields, ("op", "up:2")]).text
    fields = form_of(page)
    assert [v for k, v in fields if k.endswith("-id")] == [
        "masseter",
        "upper-trapezius",
        "temporalis",
    ]
    fields = form_of(client.post_form("/handout", [*fields, ("op", "remove:0")]).text)
    assert [v for k, v in fields if k.endswith("-id")] == ["upper-trapezius", "temporalis"]


def test_a_point_to_practise_first_is_flagged(client: Client, workspace: Path) -> None:
    ws = Workspace(workspace)
    first = next(k for k, e in ws.library.items() if e.model.instruction_first)
    fields = form_of(client.get("/handout/new").text)
    page = client.post_form("/handout", [*fields, ("op", f"add:{first}")]).text
    assert "eerst in de praktijk" in page


def test_the_search_finds_points_by_muscle_complaint_and_region(client: Client) -> None:
    fields = form_of(client.get("/handout/new").text)
    for query, expected in (
        ("kuit", "gastrocnemius"),
        ("hoofdpijn", "suboccipitals"),
        ("nek", "levator-scapulae"),
    ):
        page = client.post_form("/handout", [*fields, ("q", query), ("op", "search")]).text
        results = page.split('id="search-results"')[1].split("</ul>")[0]
        assert f'value="add:{expected}"' in results, query


def test_errors_are_shown_beside_their_fields(client: Client) -> None:
    fields = opened(client)
    bad = replace(fields, email="not-an-address", points__1__hold="50", points__2__repeats="abc")
    page = client.post_form("/handout/preview", bad).text
    # the first mistake in the file, beside its field; the others stay empty
    assert "geen e-mailadres" in error_beside(page, "email")
    assert error_beside(page, "points-1-hold") == ""
    fixed = replace(bad, email="m@example.org")
    page = client.post_form("/handout/preview", fixed).text
    assert error_beside(page, "email") == ""
    assert "heel getal" in error_beside(page, "points-2-repeats")
    page = client.post_form("/handout/preview", replace(fixed, points__2__repeats="2")).text
    assert error_beside(page, "points-2-repeats") == ""
    told = html.unescape(error_beside(page, "points-1-hold"))
    assert told == "Voor dit punt hoogstens 45."
    # never a stack trace
    assert "Traceback" not in page


def test_saving_with_an_error_writes_nothing_and_says_where(
    client: Client, workspace: Path
) -> None:
    path = workspace / "clients" / "dossier-0147.yaml"
    before = path.read_bytes()
    answer = client.post_form("/handout", replace(opened(client), name="", action="save"))
    assert answer.status_code == 422
    assert "Vul dit in" in error_beside(answer.text, "name")
    assert path.read_bytes() == before


def test_a_bad_dossier_id_is_refused_beside_its_field(client: Client, workspace: Path) -> None:
    fields = form_of(client.get("/handout/new").text)
    fields = form_of(client.post_form("/handout", [*fields, ("op", "add:masseter")]).text)
    for bad in ("../practice", "/etc/passwd", "Dossier 1", "..%2Fpractice", "a/b"):
        answer = client.post_form("/handout", replace(fields, dossier=bad, name="X", action="save"))
        assert answer.status_code == 422, bad
        assert "kleine letters" in error_beside(answer.text, "dossier"), bad
    assert sorted(p.name for p in (workspace / "clients").iterdir()) == [
        "dossier-0147.yaml",
        "dossier-0213.yaml",
        "dossier-0302.yaml",
        "dossier-0388.yaml",
    ]


def test_a_new_handout_is_saved_as_an_ordinary_client_file(
    client: Client, workspace: Path, run: Run
) -> None:
    fields = form_of(client.get("/handout/new").text)
    for point in ("masseter", "levator-scapulae"):
        fields = form_of(client.post_form("/handout", [*fields, ("op", f"add:{point}")]).text)
    fields = replace(
        fields,
        dossier="dossier-0500",
        name="Test Persoon",
        email="test@example.org",
        points__1__side="left",
        points__1__hold="40",
        points__0__note="Rustig aan.",
        notes="Twee regels.\nTweede regel.",
        action="save",
    )
    answer = client.post_form("/handout", fields)
    assert answer.status_code == 303
    assert answer.headers["location"] == "/handout/dossier-0500?saved=1"
    path = workspace / "clients" / "dossier-0500.yaml"
    assert path.stat().st_mode & 0o777 == 0o600
    client_model = Workspace(workspace).client(path).model
    assert client_model.name == "Test Persoon"
    assert [(c.id, c.side, c.hold) for c in client_model.points] == [
        ("masseter", "both", None),  # the library's dosage is not copied into the file
        ("levator-scapulae", "left", 40),
    ]
    assert client_model.points[0].note == "Rustig aan."
    result = run("-C", str(workspace), "handout", "clients/dossier-0500.yaml")
    assert result.code == 0, result.err
    assert (workspace / "out" / "handouts" / f"dossier-0500-{client_model.date}.pdf").is_file()
    # the page after saving says so, and the file is not offered as new again
    page = client.get(answer.headers["location"]).text
    assert "Opgeslagen in clients/dossier-0500.yaml" in page


def test_an_edited_file_keeps_its_comments_and_key_order(client: Client, workspace: Path) -> None:
    path = workspace / "clients" / "dossier-0147.yaml"
    before = path.read_text()
    fields = replace(opened(client), points__1__hold="40", action="save")
    assert client.post_form("/handout", fields).status_code == 303
    after = path.read_text()
    assert after.splitlines()[:2] == before.splitlines()[:2]  # the comments on top
    assert after == before.replace("hold: 45", "hold: 40")
    # saved again unchanged: the same bytes
    assert client.post_form("/handout", replace(opened(client), action="save")).status_code == 303
    assert path.read_text() == after


def test_a_save_over_a_file_changed_on_disk_is_refused(client: Client, workspace: Path) -> None:
    path = workspace / "clients" / "dossier-0147.yaml"
    fields = opened(client)
    changed_on_disk = path.read_text().replace("Joris van Dam", "Sanne Bakker")
    path.write_text(changed_on_disk)
    answer = client.post_form("/handout", replace(fields, name="Marieke de Wit", action="save"))
    assert answer.status_code == 409
    assert "veranderd sinds u het opende" in answer.text
    assert "therapeut" in answer.text  # what changed on disk
    assert path.read_text() == changed_on_disk  # nothing lost on disk
    assert 'value="Marieke de Wit"' in answer.text  # nor in the form
    # saving over it on purpose
    digest = re.search(r'name="overwrite" value="([0-9a-f]+)"', answer.text)
    assert digest is not None
    again = replace(form_of(answer.text), overwrite=digest.group(1))
    assert client.post_form("/handout", again).status_code == 303
    assert "Marieke de Wit" in path.read_text()


def test_a_new_handout_never_overwrites_an_existing_file(client: Client, workspace: Path) -> None:
    path = workspace / "clients" / "dossier-0147.yaml"
    before = path.read_bytes()
    fields = form_of(client.get("/handout/new").text)
    fields = form_of(client.post_form("/handout", [*fields, ("op", "add:masseter")]).text)
    answer = client.post_form(
        "/handout", replace(fields, dossier="dossier-0147", name="X", action="save")
    )
    assert answer.status_code == 422
    assert "al een handout met dit dossiernummer" in answer.text
    assert path.read_bytes() == before


def test_the_preview_is_the_handout_as_pages(client: Client) -> None:
    fields = opened(client)
    page = client.post_form("/handout/preview", fields).text
    key = re.search(r'data-key="([0-9a-f]{64})"', page)
    assert key is not None
    image = client.get(f"/preview/{key.group(1)}/1.png")
    assert image.status_code == 200
    assert image.headers["content-type"] == "image/png"
    assert image.headers["cache-control"] == "no-store"
    assert image.content.startswith(b"\x89PNG")
    # the same form state is drawn once: the same key
    again = client.post_form("/handout/preview", fields).text
    assert f'data-key="{key.group(1)}"' in again
    changed = client.post_form("/handout/preview", replace(fields, points__0__side="left")).text
    assert f'data-key="{key.group(1)}"' not in changed
    assert client.get(f"/preview/{'0' * 64}/1.png").status_code == 404


def test_an_arabic_preview_reads_right_to_left(client: Client) -> None:
    page = client.post_form("/handout/preview", opened(client, "dossier-0388")).text
    assert 'data-direction="rtl"' in page


def test_an_edit_on_disk_shows_in_the_next_preview(client: Client, workspace: Path) -> None:
    """The app's workspace sees practice.yaml, a library entry and labels as they are now."""
    fields = opened(client)
    first = re.search(r'data-key="(\w+)"', client.post_form("/handout/preview", fields).text)
    entry = workspace / "self-massage" / "suboccipitals.yaml"
    entry.write_text(entry.read_text().replace("hold: 30", "hold: 25", 1))
    second = re.search(r'data-key="(\w+)"', client.post_form("/handout/preview", fields).text)
    practice = workspace / "practice.yaml"
    practice.write_text(practice.read_text().replace("033 000 12 34", "033 999 99 99"))
    third = re.search(r'data-key="(\w+)"', client.post_form("/handout/preview", fields).text)
    assert first and second and third
    assert len({first.group(1), second.group(1), third.group(1)}) == 3
    import io

    from pypdf import PdfReader

    pdf = client.get("/handout/dossier-0147/handout.pdf").content
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "033 999 99 99" in text


def test_sets_are_saved_and_start_a_handout(client: Client, workspace: Path) -> None:
    fields = opened(client)
    page = client.post_form(
        "/handout", replace(fields, set_name="Kaak en slaap", action="save-set")
    ).text
    assert "De set &#39;Kaak en slaap&#39; is bewaard." in page
    saved = workspace / "sets" / "kaak-en-slaap.yaml"
    assert saved.read_text().startswith("name: Kaak en slaap\npoints:\n")
    listing = client.get("/clients").text
    assert "/handout/new?set=kaak-en-slaap" in listing
    started = client.get("/handout/new?set=kaak-en-slaap").text
    ids = [v for k, v in form_of(started) if k.endswith("-id")]
    assert ids == ["upper-trapezius", "levator-scapulae", "suboccipitals"]
    assert dict(form_of(started))["points-1-hold"] == "45"
    assert dict(form_of(started))["name"] == ""
    assert client.get("/handout/new?set=../clients/dossier-0147").status_code == 422
    # a set without a name is refused beside its field
    page = client.post_form("/handout", replace(fields, set_name="  ", action="save-set")).text
    assert "Geef de set een naam" in error_beside(page, "set_name")


def test_email_once_then_already_sent_then_again(client: Client, workspace: Path) -> None:
    page = client.get("/handout/dossier-0147").text
    token = re.search(r'name="token" value="([^"]+)"', page)
    assert token is not None
    form = {"token": token.group(1)}
    first = client.post_form("/handout/dossier-0147/email", form)
    second = client.post_form("/handout/dossier-0147/email", form)  # a double click
    outbox = workspace / "out" / "outbox"
    assert len(list(outbox.glob("*.eml"))) == 1
    assert "staat klaar als concept" in first.text
    assert "dubbel geklikt" in second.text
    listing = client.get("/clients").text
    assert re.search(r'data-dossier="dossier-0147">.*?Klaargezet als concept op', listing, re.S)
    # a new form: the ledger says it went already; nothing is sent
    token = re.search(r'name="token" value="([^"]+)"', client.get("/handout/dossier-0147").text)
    assert token is not None
    third = client.post_form("/handout/dossier-0147/email", {"token": token.group(1)})
    assert "al als concept klaargezet op" in third.text
    again = re.search(
        r'name="token" value="([^"]+)">\s*<input type="hidden" name="again" value="1">', third.text
    )
    assert again is not None
    (outbox / "dossier-0147-2026-11-24.eml").unlink()
    fourth = client.post_form(
        "/handout/dossier-0147/email", {"token": again.group(1), "again": "1"}
    )
    assert "staat klaar als concept" in fourth.text
    assert len(list(outbox.glob("*.eml"))) == 1


def test_an_encrypted_email_shows_its_password_once(
    client: Client, workspace: Path, caplog: object
) -> None:
    page = client.get("/handout/dossier-0213").text
    token = re.search(r'name="token" value="([^"]+)"', page)
    assert token is not None
    first = client.post_form(
        "/handout/dossier-0213/email", {"token": token.group(1), "encrypt": "1"}
    )
    password = re.search(r'id="pdf-password">([^<]+)<', first.text)
    assert password is not None
    assert first.headers["cache-control"] == "no-store"
    second = client.post_form(
        "/handout/dossier-0213/email", {"token": token.group(1), "encrypt": "1"}
    )
    assert password.group(1) not in second.text
    assert "nieuw wachtwoord" in second.text
    assert password.group(1) not in client.get("/handout/dossier-0213").text
    for path in workspace.rglob("*"):
        if path.is_file() and path.suffix != ".eml":
            assert password.group(1).encode() not in path.read_bytes(), path


def test_download_and_print_the_pdf(client: Client) -> None:
    answer = client.get("/handout/dossier-0147/handout.pdf")
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "application/pdf"
    assert (
        answer.headers["content-disposition"]
        == 'attachment; filename="dossier-0147-2026-11-24.pdf"'
    )
    assert answer.headers["cache-control"] == "no-store"
    assert answer.content.startswith(b"%PDF")
    printed = client.get("/handout/dossier-0147/handout.pdf?inline=1")
    assert printed.headers["content-disposition"].startswith("inline;")
    assert client.get("/handout/dossier-9999/handout.pdf").status_code == 404


def test_a_client_file_without_email_cannot_be_emailed(client: Client, workspace: Path) -> None:
    path = workspace / "clients" / "dossier-0147.yaml"
    path.write_text(re.sub(r"email: .*\n", "", path.read_text()))
    page = client.get("/handout/dossier-0147").text
    token = re.search(r'name="token" value="([^"]+)"', page)
    assert token is not None
    answer = client.post_form("/handout/dossier-0147/email", {"token": token.group(1)})
    assert "geen e-mailadres" in answer.text
    assert not (workspace / "out" / "outbox").exists()


def test_the_saved_files_digest_is_the_files(workspace: Path) -> None:
    data = (workspace / "clients" / "dossier-0147.yaml").read_bytes()
    assert clients.digest(data) != clients.ABSENT
    assert clients.digest(None) == clients.ABSENT


def test_the_fillable_week_is_chosen_in_the_form(client: Client, workspace: Path) -> None:
    path = workspace / "clients" / "dossier-0147.yaml"
    page = client.get("/handout/dossier-0147").text
    assert '<option value="true" selected>Ja, invulbaar</option>' in page
    fields = replace(opened(client), fillable="false", action="save")
    assert client.post_form("/handout", fields).status_code == 303
    assert "fillable: false" in path.read_text()
    fields = replace(opened(client), fillable="", action="save")
    assert client.post_form("/handout", fields).status_code == 303
    assert "fillable" not in path.read_text()  # the practice's default
    page = client.get("/handout/dossier-0147").text
    assert '<option value="" selected>Zoals ingesteld voor de praktijk</option>' in page
