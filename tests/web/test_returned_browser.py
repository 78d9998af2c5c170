"""Returned handouts in a real browser: a filled-in PDF dropped on the client's page, and one
chosen with the file field in a browser without scripts; the chart shows on the page.
Screenshots in tests/results/web/."""

from __future__ import annotations

import base64
from pathlib import Path

from playwright.sync_api import Page, expect

from tests.web.test_browser import SHOTS, shot
from tests.web.test_returned import returned_pdf

LATER = {
    "log.upper-trapezius.2026-11-27.1": "/Yes",
    "log.upper-trapezius.2026-11-27.2": "/Yes",
    "log.suboccipitals.2026-11-28.1": "/Yes",
    "pain.2026-11-27": "4",
    "pain.2026-11-28": "3",
}


def test_a_dropped_pdf_shows_its_chart(page: Page, serving: str, served_workspace: Path) -> None:
    data = base64.b64encode(returned_pdf(served_workspace)).decode()
    page.goto(serving + "handout/dossier-0147")
    expect(page.locator("#returned-heading")).to_have_text("Teruggestuurde weeklijsten")
    expect(page.locator("#drop-zone .drop-text")).to_be_visible()  # with scripts: drop here
    page.evaluate(
        """data => {
            const bytes = Uint8Array.from(atob(data), c => c.charCodeAt(0));
            const dt = new DataTransfer();
            dt.items.add(new File([bytes], "Zelfmassage.pdf", {type: "application/pdf"}));
            const zone = document.getElementById("drop-zone");
            const how = {dataTransfer: dt, bubbles: true, cancelable: true};
            zone.dispatchEvent(new DragEvent("dragover", how));
            zone.dispatchEvent(new DragEvent("drop", how));
        }""",
        data,
    )
    expect(page.locator("#returned .alert.success")).to_have_text(
        "Zelfmassage.pdf: 3 keer afgevinkt, 2 pijnscore(s) gelezen."
    )
    chart = page.locator(".progress-chart img")
    expect(chart).to_be_visible()
    assert page.evaluate("img => img.naturalWidth", chart.element_handle()) == 827
    page.locator("#returned").scroll_into_view_if_needed()
    shot(page, "returned-chart")
    page.locator("#returned").screenshot(path=str(SHOTS / "returned-section.png"))


def test_a_chosen_pdf_is_read_without_javascript(
    browser: object, serving: str, served_workspace: Path, tmp_path: Path
) -> None:
    path = tmp_path / "week 2.pdf"
    path.write_bytes(returned_pdf(served_workspace, LATER))
    context = browser.new_context(java_script_enabled=False)  # type: ignore[attr-defined]
    page = context.new_page()
    try:
        page.goto(serving + "handout/dossier-0147")
        expect(page.locator("#drop-zone .drop-text")).to_be_hidden()  # no dropping without scripts
        page.set_input_files("#returned-files", str(path))
        page.get_by_role("button", name="Lezen").click()
        expect(page.locator("#returned .alert.success")).to_have_text(
            "week 2.pdf: 3 keer afgevinkt, 2 pijnscore(s) gelezen."
        )
        expect(page.locator(".progress-chart img")).to_be_visible()
    finally:
        context.close()
