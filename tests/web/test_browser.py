"""A therapist's whole flow in a real browser (Debian's Chromium, driven by Playwright)
against a real `careprint serve`; screenshots in tests/results/web/. These tests never skip:
without Chromium they fail and say how to install it (tests/web/conftest.py)."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Page, expect

from tests.conftest import ROOT

SHOTS = ROOT / "tests" / "results" / "web"


def shot(page: Page, name: str, full: bool = False) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full)


def preview_key(page: Page) -> str:
    locator = page.locator("#preview .pages")
    expect(locator).to_have_count(1, timeout=15000)
    return str(locator.get_attribute("data-key"))


def wait_for_new_preview(page: Page, before: str) -> str:
    page.wait_for_function(
        "key => { const p = document.querySelector('#preview .pages');"
        " return p && p.dataset.key !== key; }",
        arg=before,
        timeout=15000,
    )
    return preview_key(page)


def test_a_therapist_makes_saves_and_emails_a_handout(
    page: Page, serving: str, served_workspace: Path
) -> None:
    page.goto(serving)
    expect(page.locator("h1")).to_have_text("Cliënten")
    shot(page, "clients")
    page.get_by_role("link", name="Nieuwe handout").first.click()
    expect(page.locator("h1")).to_have_text("Nieuwe handout")
    page.fill("#dossier", "dossier-0600")
    page.fill("#name", "Petra Jansen")
    page.fill("#email", "petra.jansen@example.org")
    # three points on the body map: a click, a click, and the keyboard
    page.locator("#mk-upper-trapezius circle.dot").first.click()
    expect(page.locator(".chosen-point")).to_have_count(1)
    page.locator("#mk-levator-scapulae circle.dot").first.click()
    expect(page.locator(".chosen-point")).to_have_count(2)
    page.locator("#mk-infraspinatus").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".chosen-point")).to_have_count(3)
    expect(page.locator("#mk-infraspinatus")).to_have_class(re.compile("chosen"))
    expect(page.locator("#mk-infraspinatus")).to_be_focused()  # the keyboard stays there
    first = preview_key(page)
    # change a side and a hold, type a note: the preview follows
    page.select_option("#points-1-side", "right")
    page.fill("#points-1-hold", "40")
    page.fill("#points-0-note", "Doe dit na het douchen.")
    page.locator("#points-0-note").blur()
    second = wait_for_new_preview(page, first)
    assert second != first
    expect(page.locator("#preview img").first).to_be_visible()
    page.locator("#map-heading").scroll_into_view_if_needed()
    page.evaluate("window.scrollBy(0, -30)")
    shot(page, "handout-new")
    # a field error beside its field, then gone again
    page.fill("#points-2-hold", "500")
    page.locator("#points-2-hold").blur()
    expect(page.locator("#err-points-2-hold")).to_contain_text(
        "Voor dit punt hoogstens 60", timeout=15000
    )
    expect(page.locator("#points-2-hold")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#preview-status")).to_contain_text("Vasthouden van punt 3")
    page.locator("#point-2").scroll_into_view_if_needed()
    shot(page, "handout-error")
    page.fill("#points-2-hold", "30")
    page.locator("#points-2-hold").blur()
    expect(page.locator("#err-points-2-hold")).to_be_empty(timeout=15000)
    # save: an ordinary client file
    page.get_by_role("button", name="Opslaan").last.click()
    expect(page.locator(".alert.success")).to_contain_text("clients/dossier-0600.yaml")
    saved = (served_workspace / "clients" / "dossier-0600.yaml").read_text()
    assert "Petra Jansen" in saved and "hold: 40" in saved and "side: right" in saved
    # email: a draft in the outbox, the list says drafted
    page.get_by_role("button", name="E-mail de handout").click()
    expect(page.locator("#email-result")).to_contain_text("staat klaar als concept")
    outbox = served_workspace / "out" / "outbox"
    assert len(list(outbox.glob("dossier-0600-*.eml"))) == 1
    shot(page, "handout-emailed")
    page.get_by_role("link", name="Cliënten").first.click()
    row = page.locator('tr[data-dossier="dossier-0600"]')
    expect(row).to_contain_text("Klaargezet als concept")
    shot(page, "clients-drafted")
    # email again: already sent, no second draft
    row.get_by_role("link", name="Openen").click()
    expect(page.locator("#deliver")).to_contain_text("Klaargezet als concept")
    page.get_by_role("button", name="E-mail de handout").dblclick()
    expect(page.locator("#email-result")).to_contain_text("al als concept klaargezet")
    expect(page.get_by_role("button", name="Toch opnieuw versturen")).to_be_visible()
    assert len(list(outbox.glob("dossier-0600-*.eml"))) == 1
    shot(page, "handout-again")


def test_an_arabic_clients_preview_reads_right_to_left(page: Page, serving: str) -> None:
    page.goto(serving + "handout/dossier-0388")
    pages = page.locator("#preview .pages")
    expect(pages).to_have_attribute("data-direction", "rtl")
    image = page.locator("#preview img").first
    expect(image).to_be_visible()
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=image.element_handle()
    )
    # the header reads from the right: the practice's name and logo on the right half
    ink = page.evaluate(
        """img => { const c = document.createElement('canvas');
        c.width = img.naturalWidth; c.height = img.naturalHeight;
        const g = c.getContext('2d'); g.drawImage(img, 0, 0);
        const d = g.getImageData(0, 0, c.width, Math.round(c.height * 0.08)).data;
        let left = 0, right = 0;
        for (let i = 0; i < d.length; i += 4) {
          const x = (i / 4) % c.width, dark = d[i] + d[i+1] + d[i+2] < 450;
          if (dark) { if (x < c.width / 2) left++; else right++; }
        }
        return [left, right]; }""",
        image.element_handle(),
    )
    left, right = ink
    assert right > left, ink
    shot(page, "handout-arabic")


def test_leaflets_are_built_and_downloaded(page: Page, serving: str) -> None:
    page.goto(serving + "leaflets")
    expect(page.locator("h1")).to_have_text("Folders")
    edition = page.locator('[data-edition="triggerpointtherapie-nl-trifold"]')
    expect(edition.locator("img")).to_be_visible()
    page.get_by_role("button", name="Alles maken").click()
    expect(page.locator("#build")).to_have_attribute("data-finished", "yes", timeout=120000)
    expect(page.locator("#build")).to_contain_text("Klaar: 40 gemaakt")
    with page.expect_navigation():
        page.get_by_role("link", name="Vernieuwen").click()
    link = edition.get_by_role("link", name="Drukkerij")
    expect(link).to_be_visible()
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == "triggerpointtherapie-nl-trifold-print.pdf"
    assert Path(download.value.path()).read_bytes().startswith(b"%PDF")
    shot(page, "leaflets")


def test_the_library_shows_points_with_their_diagrams(page: Page, serving: str) -> None:
    page.goto(serving + "library")
    page.get_by_role("link", name=re.compile("monnikskapspier")).click()
    expect(page.locator("svg[role=img] ellipse").first).to_be_visible()
    shot(page, "library")


def test_an_encrypted_email_shows_its_password_once_in_a_dialog(page: Page, serving: str) -> None:
    page.goto(serving + "handout/dossier-0213")
    page.get_by_label("Beveilig de PDF met een wachtwoord").check()
    page.get_by_role("button", name="E-mail de handout").click()
    dialog = page.locator("dialog.password-dialog")
    expect(dialog).to_be_visible()
    password = page.locator("#pdf-password").inner_text()
    assert re.fullmatch(r"[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}", password), password
    shot(page, "handout-password")
    dialog.get_by_role("button", name="Ik heb het wachtwoord genoteerd").click()
    expect(dialog).to_be_hidden()
    page.reload()
    assert password not in page.content()


def test_the_handout_form_works_without_javascript(
    browser: object, serving: str, served_workspace: Path
) -> None:
    """Search, add, preview and save with plain form posts (a browser without scripts)."""
    context = browser.new_context(java_script_enabled=False)  # type: ignore[attr-defined]
    page = context.new_page()
    try:
        page.goto(serving + "handout/new")
        page.fill("#dossier", "dossier-0700")
        page.fill("#name", "Zonder Script")
        page.fill("#point-q", "kuit")
        page.get_by_role("button", name="Zoeken", exact=True).click()
        page.get_by_role("button", name=re.compile("Toevoegen: .*kuit", re.I)).first.click()
        expect(page.locator(".chosen-point")).to_have_count(1)
        expect(page.locator("#name")).to_have_value("Zonder Script")  # nothing typed is lost
        expect(page.locator("#preview img").first).to_be_visible()
        page.get_by_role("button", name="Opslaan").last.click()
        expect(page.locator(".alert.success")).to_contain_text("clients/dossier-0700.yaml")
        assert (served_workspace / "clients" / "dossier-0700.yaml").is_file()
    finally:
        context.close()


def test_readability_is_shown_beside_the_leaflets_and_the_library(page: Page, serving: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(serving + "leaflets#readability")
    section = page.locator("#readability")
    expect(section.locator("h3")).to_have_count(2)
    rows = section.locator("table.readability").first.locator("tbody tr")
    expect(rows).to_have_count(5)  # nl, and the four translations
    expect(rows.first.locator("th")).to_have_text("Nederlands")
    expect(rows.first.locator("td").first).to_contain_text("Flesch-Douma")
    section.scroll_into_view_if_needed()
    shot(page, "readability-leaflets")
    page.goto(serving + "library")
    expect(page.locator("ul.library li").first.locator(".tag").first).to_be_visible()
    shot(page, "readability-library")
    page.goto(serving + "library/upper-trapezius")
    table = page.locator("table.readability")
    expect(table.locator("tbody tr")).to_have_count(5)
    expect(table.locator("tbody tr").nth(1).locator("td").first).to_have_text("geen score")  # ar
    table.scroll_into_view_if_needed()
    shot(page, "readability-point")
