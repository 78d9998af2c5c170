"""The app under test: Starlette's test client on a copy of the example practice."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import httpx2 as httpx
import pytest
from starlette.testclient import TestClient

from careprint.web.app import create_app

BASE = "http://127.0.0.1"


class Client(TestClient):
    """A test client that knows the form token of its session."""

    def csrf(self) -> str:
        page = self.get("/clients").text
        found = re.search(r'name="csrf" value="([^"]+)"', page)
        if found is None:  # the clients page has no form: take it from the page's headers
            found = re.search(r'"X-CSRF-Token": "([^"]+)"', page)
        assert found is not None
        return found.group(1)

    def post_form(
        self,
        url: str,
        data: dict[str, str] | list[tuple[str, str]],
        headers: dict[str, str] | None = None,
    ) -> httpx.Response:
        """Post ``data`` as a browser posts a form (fields may repeat), with the form token."""
        items = list(data.items()) if isinstance(data, dict) else list(data)
        if not any(k == "csrf" for k, _ in items):
            items.append(("csrf", self.csrf()))
        sent = {"content-type": "application/x-www-form-urlencoded", **(headers or {})}
        return self.post(url, content=urlencode(items), headers=sent)


@pytest.fixture
def client(workspace: Path) -> Iterator[Client]:
    with Client(create_app(workspace), base_url=BASE, follow_redirects=False) as test:
        yield test


def form_of(html: str, form_id: str = "handout-form") -> list[tuple[str, str]]:
    """The fields a browser would post from the form ``form_id`` of a page (no buttons)."""
    start = html.index(f'id="{form_id}"')
    end = html.index("</form>", start)
    part = html[start:end]
    fields: list[tuple[str, str]] = []
    for tag in re.finditer(r"<(input|select|textarea)\b([^>]*)>", part):
        kind, attrs = tag.group(1), tag.group(2)
        name = re.search(r'\bname="([^"]+)"', attrs)
        if name is None:
            continue
        if kind == "input":
            if re.search(r'type="(checkbox|submit)"', attrs):
                continue
            value = re.search(r'\bvalue="([^"]*)"', attrs)
            fields.append((name.group(1), _unescape(value.group(1) if value else "")))
        elif kind == "textarea":
            body = part[tag.end() : part.index("</textarea>", tag.end())]
            fields.append((name.group(1), _unescape(body)))
        else:
            body = part[tag.end() : part.index("</select>", tag.end())]
            chosen = re.search(r'<option(?: value="([^"]*)")? selected>([^<]*)', body) or re.search(
                r'<option(?: value="([^"]*)")?[^>]*>([^<]*)', body
            )
            assert chosen is not None
            value = chosen.group(1) if chosen.group(1) is not None else chosen.group(2)
            fields.append((name.group(1), _unescape(value)))
    return fields


def _unescape(text: str) -> str:
    import html

    return html.unescape(text)


def replace(fields: list[tuple[str, str]], **changes: str) -> list[tuple[str, str]]:
    """The fields with some values changed (names with '-' written with '__')."""
    wanted = {k.replace("__", "-"): v for k, v in changes.items()}
    done = [(k, wanted.get(k, v)) for k, v in fields]
    present = {k for k, _ in fields}
    return done + [(k, v) for k, v in wanted.items() if k not in present]


# -- a real server and a real browser ---------------------------------------------------------

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="session")
def served_workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.conftest import copy_workspace

    return copy_workspace(tmp_path_factory.mktemp("served") / "practice")


@pytest.fixture(scope="session")
def serving(served_workspace: Path) -> Iterator[str]:
    """`careprint serve` in a copy of the example practice, on a free loopback port."""
    import subprocess
    import sys
    import time

    port = free_port()
    log = served_workspace.parent / "serve.log"
    with log.open("w") as output:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "careprint",
                "-C",
                str(served_workspace),
                "serve",
                "--port",
                str(port),
            ],
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 30
        while "running at" not in log.read_text():
            assert process.poll() is None, log.read_text()
            assert time.monotonic() < deadline, "careprint serve did not start"
            time.sleep(0.1)
        assert url in log.read_text()
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)
    # the server's own log: requests by path, never a client's name
    assert "Petra" not in log.read_text() and "Jansen" not in log.read_text()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not CHROMIUM.is_file():
        pytest.fail(
            f"the browser tests need Debian's Chromium at {CHROMIUM}: apt-get install chromium "
            "(.ci/run installs it)",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    context = browser.new_context(  # type: ignore[attr-defined]
        viewport={"width": 1400, "height": 1000}, accept_downloads=True, locale="nl-NL"
    )
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "console",
        lambda message: errors.append(message.text) if message.type == "error" else None,
    )
    yield page
    context.close()
    assert not errors, errors  # no script error, no CSP violation
