"""What guards the app: headers on every page, CSRF on every form, the login and its limit,
the Host header, paths that would leave the workspace, and client data kept out of URLs,
titles and logs."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
from starlette.routing import Route
from starlette.testclient import TestClient

from careprint.app import access
from careprint.web.app import create_app
from careprint.workspace import Workspace
from tests.web.conftest import BASE, Client, form_of

PAGES = [
    "/clients",
    "/clients?q=0147",
    "/handout/new",
    "/handout/dossier-0147",
    "/handout/new?set=nek-en-schouders-beeldschermwerk",
    "/leaflets",
    "/library",
    "/library/upper-trapezius",
    "/login",
]


@pytest.mark.parametrize("url", PAGES)
def test_every_page_has_the_safe_headers(client: Client, url: str) -> None:
    answer = client.get(url, follow_redirects=True)
    assert answer.status_code == 200
    headers = answer.headers
    assert headers["cache-control"] == "no-store"
    csp = headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert headers["referrer-policy"] == "no-referrer"
    assert headers["x-content-type-options"] == "nosniff"
    # no inline script: every <script> has a src, and no on...= handlers
    assert not re.search(r"<script(?![^>]*\bsrc=)", answer.text)
    assert not re.search(r"\son[a-z]+=", answer.text)


def test_the_session_cookie_is_httponly_and_strict(client: Client) -> None:
    cookie = client.get("/clients").headers["set-cookie"]
    assert "HttpOnly" in cookie
    assert "SameSite=strict" in cookie or "SameSite=Strict" in cookie
    assert "Secure" not in cookie  # plain http on loopback
    with TestClient(
        create_app(Path(client.app.state.context.base.root), secure=True),
        base_url="https://127.0.0.1",
    ) as tls:
        assert "Secure" in tls.get("/clients").headers["set-cookie"]


def post_routes(workspace: Path) -> list[str]:
    app = create_app(workspace)
    urls = []
    for route in app.routes:
        if isinstance(route, Route) and route.methods and "POST" in route.methods:
            urls.append(route.path.replace("{dossier}", "dossier-0147"))
    return urls


def test_every_post_without_the_form_token_is_refused(client: Client, workspace: Path) -> None:
    urls = post_routes(workspace)
    assert len(urls) >= 7
    fields = dict(form_of(client.get("/handout/dossier-0147").text))
    fields.pop("csrf")
    fields["action"] = "save"
    for url in urls:
        for token in (None, "wrong"):
            data = dict(fields) if token is None else {**fields, "csrf": token}
            answer = client.post(url, data=data)
            assert answer.status_code == 403, url
            assert "verlopen" in answer.text
    assert not (workspace / "out").exists()
    # the token of another session is worth nothing either
    other = Client(create_app(workspace), base_url=BASE)
    answer = other.post("/handout", data={**fields, "csrf": client.csrf()})
    assert answer.status_code == 403


def test_the_htmx_header_carries_the_token(client: Client) -> None:
    fields = dict(form_of(client.get("/handout/dossier-0147").text))
    token = fields.pop("csrf")
    answer = client.post("/handout/preview", data=fields, headers={"X-CSRF-Token": token})
    assert answer.status_code == 200


def test_an_unknown_host_name_is_refused_on_loopback(workspace: Path) -> None:
    """A web page elsewhere cannot read the app by pointing its own name at 127.0.0.1."""
    with TestClient(create_app(workspace), base_url="http://attacker.example:8740") as other:
        assert other.get("/clients").status_code == 400
    with TestClient(create_app(workspace), base_url="http://localhost:8740") as local:
        assert local.get("/clients").status_code == 200


def test_the_login_and_its_limit(workspace: Path) -> None:
    access.set_password(Workspace(workspace), "correct horse battery")
    client = Client(create_app(workspace), base_url=BASE, follow_redirects=False)
    answer = client.get("/clients")
    assert answer.status_code == 303 and answer.headers["location"] == "/login"
    assert client.get("/handout/dossier-0147/handout.pdf").status_code == 303
    assert client.get("/preview/" + "0" * 64 + "/1.png").status_code == 303
    assert client.get("/static/htmx.min.js").status_code == 200
    page = client.get("/login").text
    token = re.search(r'name="csrf" value="([^"]+)"', page)
    assert token is not None
    assert client.post("/login", data={"password": "correct horse battery"}).status_code == 403
    for _ in range(5):
        wrong = client.post("/login", data={"password": "wrong", "csrf": token.group(1)})
        assert wrong.status_code == 401
        assert "klopt niet" in wrong.text
    # the sixth attempt is not even tried, right or wrong
    limited = client.post(
        "/login", data={"password": "correct horse battery", "csrf": token.group(1)}
    )
    assert limited.status_code == 429
    assert "Te veel pogingen" in limited.text
    # elsewhere (here: an app that has not seen those attempts) the password logs in, and
    # the session gets a new id
    other = Client(create_app(workspace), base_url=BASE, follow_redirects=False)
    token = re.search(r'name="csrf" value="([^"]+)"', other.get("/login").text)
    assert token is not None
    before = other.cookies.get("careprint_session")
    ok = other.post("/login", data={"password": "correct horse battery", "csrf": token.group(1)})
    assert ok.status_code == 303
    assert other.cookies.get("careprint_session") != before
    page = other.get("/clients")
    assert page.status_code == 200
    csrf = re.search(r'name="csrf" value="([^"]+)"', page.text)
    assert csrf is not None
    assert other.post("/logout", data={"csrf": csrf.group(1)}).status_code == 303
    assert other.get("/clients").status_code == 303


def test_a_logged_in_session_works_and_htmx_is_sent_to_the_login(workspace: Path) -> None:
    access.set_password(Workspace(workspace), "correct horse battery")
    client = Client(create_app(workspace), base_url=BASE, follow_redirects=False)
    token = re.search(r'name="csrf" value="([^"]+)"', client.get("/login").text)
    assert token is not None
    answer = client.post("/handout/preview", headers={"hx-request": "true"})
    assert answer.status_code == 401 and answer.headers["hx-redirect"] == "/login"
    ok = client.post("/login", data={"password": "correct horse battery", "csrf": token.group(1)})
    assert ok.status_code == 303
    assert client.get("/clients").status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/handout/..%2Fpractice",
        "/handout/%2E%2E%2Fclients%2Fdossier-0147",
        "/handout/../practice.yaml",
        "/handout/%2Fetc%2Fpasswd",
        "/handout/Dossier-0147",
        "/handout/dossier-0147.yaml",
        "/handout/..%252Fpractice/handout.pdf",
        "/leaflets/file/..%2F..%2Fpractice.yaml",
        "/leaflets/file/%2Fetc%2Fpasswd",
        "/leaflets/file/../ledger.sqlite3",
        "/leaflets/thumb/..%2Fclients/nl/trifold.png",
        "/leaflets/thumb/triggerpointtherapie/..%2F..%2Fetc/trifold.png",
        "/library/..%2Fpractice",
        "/preview/..%2F..%2Fetc/1.png",
        "/static/..%2Fapp.py",
        "/static/%2E%2E/app.py",
        "/static/../../app/clients.py",
    ],
)
def test_nothing_outside_the_workspace_is_served(client: Client, url: str) -> None:
    answer = client.get(url)
    assert answer.status_code in (404, 422, 400), (url, answer.status_code)
    assert "name: " not in answer.text and "root:" not in answer.text
    assert "import " not in answer.text


def test_a_built_leaflet_is_downloaded_and_nothing_else(client: Client, workspace: Path) -> None:
    out = workspace / "out" / "leaflets"
    out.mkdir(parents=True)
    (out / "triggerpointtherapie-nl-trifold.pdf").write_bytes(b"%PDF-1.7 test")
    (workspace / "out" / "secret.pdf").write_bytes(b"%PDF secret")
    answer = client.get("/leaflets/file/triggerpointtherapie-nl-trifold.pdf")
    assert answer.status_code == 200 and answer.content == b"%PDF-1.7 test"
    assert client.get("/leaflets/file/..%2Fsecret.pdf").status_code == 404


def test_client_names_stay_out_of_urls_titles_and_logs(
    client: Client, workspace: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    names = []
    ws = Workspace(workspace)
    for path in sorted((workspace / "clients").glob("*.yaml")):
        model = ws.client(path).model
        names += [model.name, *(p for p in model.name.split() if len(p) > 3)]
        names += [model.email or ""]
    pages = []
    for url in [
        "/clients",
        *(f"/handout/{p.stem}" for p in (workspace / "clients").glob("*.yaml")),
    ]:
        answer = client.get(url)
        pages.append(answer.text)
        fields = form_of(answer.text) if "handout-form" in answer.text else []
        if fields:
            client.post_form("/handout/preview", fields)
    token = re.search(r'name="token" value="([^"]+)"', pages[-1])
    assert token is not None
    client.post_form(f"/handout/{url.rsplit('/', 1)[1]}/email", {"token": token.group(1)})
    logged = [record.getMessage() for record in caplog.records]
    assert any("GET /clients 200" in line for line in logged)
    for page in pages:
        title = re.search(r"<title>(.*?)</title>", page, re.S)
        assert title is not None
        hrefs = re.findall(r'(?:href|src|action|hx-post|hx-get)="([^"]+)"', page)
        for name in names:
            assert name not in title.group(1)
            assert not any(name in href for href in hrefs), name
            assert not any(name in line for line in logged), name
    assert any(name in page for page in pages for name in names)  # in the bodies, yes
