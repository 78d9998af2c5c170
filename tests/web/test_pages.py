"""The other pages over HTTP: clients with their email state, leaflets (thumbnails, building
with progress, downloads, the check, translations), the library, the practice's look."""

from __future__ import annotations

import re
import time
from pathlib import Path

from tests.web.conftest import Client


def test_the_clients_list_and_its_search(client: Client) -> None:
    page = client.get("/clients").text
    rows = re.findall(r'data-dossier="([^"]+)"', page)
    assert rows == ["dossier-0213", "dossier-0388", "dossier-0147", "dossier-0302"]  # newest first
    assert "Nog niet gemaild" in page
    assert "Arabisch" in page
    found = client.get("/clients?q=0388").text
    assert re.findall(r'data-dossier="([^"]+)"', found) == ["dossier-0388"]
    assert "Geen dossier gevonden" in client.get("/clients?q=9999").text
    assert client.get("/", follow_redirects=False).headers["location"] == "/clients"


def test_a_broken_client_file_is_listed_with_its_message(client: Client, workspace: Path) -> None:
    (workspace / "clients" / "dossier-0999.yaml").write_text("name: X\nlanguage: nl\n")
    page = client.get("/clients").text
    assert 'data-dossier="dossier-0999"' in page
    assert "Fout in het bestand" in page and "is missing" in page


def test_an_unknown_dossier_is_not_found(client: Client) -> None:
    answer = client.get("/handout/dossier-9999")
    assert answer.status_code == 404
    assert "bestaat niet" in answer.text


def wait_for(client: Client, html: str, kind: str) -> str:
    job = re.search(r'hx-get="/jobs/([0-9a-f]+)"', html)
    deadline = time.monotonic() + 120
    while job is not None and time.monotonic() < deadline:
        html = client.get(f"/jobs/{job.group(1)}").text
        if 'data-finished="yes"' in html:
            return html
        time.sleep(0.2)
    return html


def test_leaflets_are_built_in_the_background_and_downloaded(
    client: Client, workspace: Path
) -> None:
    page = client.get("/leaflets").text
    assert page.count('class="edition"') == 2 * 4 * 5  # leaflets x layouts x languages
    assert "Nog niet gemaakt." in page
    thumb = client.get("/leaflets/thumb/triggerpointtherapie/ar/trifold.png")
    assert thumb.status_code == 200 and thumb.content.startswith(b"\x89PNG")
    assert client.get("/leaflets/thumb/nothing/ar/trifold.png").status_code == 404
    answer = client.post_form(
        "/leaflets/build",
        {"edition": "triggerpointtherapie|nl|trifold"},
        headers={"hx-request": "true"},
    )
    assert answer.status_code == 200
    assert "Bezig met maken" in answer.text or 'data-finished="yes"' in answer.text
    done = wait_for(client, answer.text, "build")
    assert "Klaar: 1 gemaakt" in done
    out = workspace / "out" / "leaflets"
    assert sorted(p.name for p in out.iterdir()) == [
        "triggerpointtherapie-nl-trifold-print.pdf",
        "triggerpointtherapie-nl-trifold.pdf",
    ]
    page = client.get("/leaflets").text
    assert 'href="/leaflets/file/triggerpointtherapie-nl-trifold-print.pdf"' in page
    pdf = client.get("/leaflets/file/triggerpointtherapie-nl-trifold-print.pdf")
    assert pdf.content.startswith(b"%PDF")
    assert "attachment" in pdf.headers["content-disposition"]
    # other pages answer while a build runs
    client.post_form("/leaflets/build", {}, headers={"hx-request": "true"})
    assert client.get("/clients").status_code == 200
    assert client.post_form("/leaflets/build", {"edition": "no|such|thing"}).status_code == 404


def test_a_leaflet_edited_on_disk_shows_in_its_thumbnail(client: Client, workspace: Path) -> None:
    url = "/leaflets/thumb/spanningshoofdpijn/nl/trifold.png"
    before = client.get(url).content
    leaflet = workspace / "leaflets" / "spanningshoofdpijn.yaml"
    text = leaflet.read_text()
    title = re.search(r"^title: (.*)$", text, re.M)
    assert title is not None
    leaflet.write_text(text.replace(title.group(0), "title: Hoofdpijn"))
    after = client.get(url).content
    assert after != before and after.startswith(b"\x89PNG")


def test_the_check_reports_every_finding(client: Client, workspace: Path) -> None:
    leaflet = workspace / "leaflets" / "spanningshoofdpijn.yaml"
    leaflet.write_text(leaflet.read_text().replace("kind: text", "kind: txt", 1))
    answer = client.post_form("/leaflets/check", {}, headers={"hx-request": "true"})
    done = wait_for(client, answer.text, "check")
    assert "controles vonden een fout" in done
    assert "unknown block kind" in done
    assert "✓" in done
    # without JavaScript: back to the page, which shows the last check
    answer = client.post_form("/leaflets/check", {})
    assert answer.status_code == 303


def test_translation_status_per_language(client: Client) -> None:
    page = client.get("/leaflets").text
    for language in ("Arabisch (ar)", "Duits (de)", "Engels (en)", "Turks (tr)"):
        assert language in page
    assert "self-massage.po" in page and "compleet" in page


def test_the_library_and_its_points(client: Client) -> None:
    page = client.get("/library").text
    assert page.count('href="/library/') == 23
    found = client.get("/library?q=kuit").text
    assert 'href="/library/gastrocnemius"' in found and found.count('href="/library/') < 23
    point = client.get("/library/upper-trapezius").text
    assert "monnikskapspier" in point and "<ellipse" in point and "Stop en bel" in point
    assert client.get("/library/nothing").status_code == 404


def test_the_practice_colours_and_logo(client: Client, workspace: Path) -> None:
    css = client.get("/theme.css").text
    assert "--primary: #1F6F78;" in css
    practice = workspace / "practice.yaml"
    practice.write_text(practice.read_text().replace("#1F6F78", "#2A4F8A"))
    assert "--primary: #2A4F8A;" in client.get("/theme.css").text
    logo = client.get("/logo.svg")
    assert logo.headers["content-type"].startswith("image/svg+xml")
    assert client.get("/static/htmx.min.js").status_code == 200
    assert client.get("/static/htmx-LICENSE.txt").status_code == 200


def test_a_broken_practice_file_is_told_not_crashed(client: Client, workspace: Path) -> None:
    practice = workspace / "practice.yaml"
    practice.write_text(practice.read_text().replace("name: Praktijk", "nmae: Praktijk"))
    answer = client.get("/handout/new")
    assert answer.status_code == 422
    assert "practice.yaml, line 2: &#39;name&#39; is missing" in answer.text
    assert "Traceback" not in answer.text
