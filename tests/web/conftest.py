"""The app under test: Starlette's test client on a copy of the example practice."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

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

    def post_form(self, url: str, data: dict[str, str] | list[tuple[str, str]], **kw: object):  # type: ignore[no-untyped-def]
        items = list(data.items()) if isinstance(data, dict) else list(data)
        if not any(k == "csrf" for k, _ in items):
            items.append(("csrf", self.csrf()))
        from urllib.parse import urlencode

        headers = {"content-type": "application/x-www-form-urlencoded"}
        return self.post(url, content=urlencode(items), headers=headers, **kw)  # type: ignore[arg-type]


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
            fields.append((name.group(1), _unescape(chosen.group(1) or chosen.group(2))))
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
