"""What guards the app, on by default: sessions (HttpOnly, SameSite=Strict, Secure under TLS),
a CSRF token on every form, the login when the practice has a password (attempts limited),
the Host header on loopback (no DNS rebinding), and headers that keep pages with client data
out of caches, frames and other sites (Cache-Control no-store, a CSP without inline script).

Nothing here logs client data: the access log says the method, the path (dossier ids only,
never a query string) and the status.
"""

from __future__ import annotations

import logging
import secrets
import threading
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from urllib.parse import parse_qs

from starlette.middleware.base import BaseHTTPMiddleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response

log = logging.getLogger("careprint.web")

COOKIE = "careprint_session"
IDLE = 8 * 3600  # a session not used for a working day ends
OPEN = ("/login", "/static/", "/theme.css")  # reachable before logging in
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}
LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}


@dataclass
class Session:
    id: str
    csrf: str
    user: bool = False  # logged in (when the practice has a password)
    seen: float = field(default_factory=time.monotonic)


class Sessions:
    """Sessions in this process's memory only: nothing about them is written anywhere."""

    def __init__(self) -> None:
        self._sessions: dict[str, Session] = {}
        self._lock = threading.Lock()

    def new(self) -> Session:
        session = Session(secrets.token_urlsafe(32), secrets.token_urlsafe(32))
        with self._lock:
            now = time.monotonic()
            for key in [k for k, s in self._sessions.items() if now - s.seen > IDLE]:
                del self._sessions[key]
            self._sessions[session.id] = session
        return session

    def get(self, sid: str | None) -> Session | None:
        with self._lock:
            session = self._sessions.get(sid or "")
            if session is None or time.monotonic() - session.seen > IDLE:
                return None
            session.seen = time.monotonic()
            return session

    def login(self, old: Session) -> Session:
        """A new session id at login (a session id known before it is worth nothing)."""
        with self._lock:
            self._sessions.pop(old.id, None)
        session = self.new()
        session.user = True
        return session

    def end(self, session: Session) -> None:
        with self._lock:
            self._sessions.pop(session.id, None)


class Limiter:
    """At most ``attempts`` failed logins per ``window`` seconds from one address."""

    def __init__(self, attempts: int = 5, window: float = 300) -> None:
        self.attempts, self.window = attempts, window
        self._failed: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def wait(self, who: str) -> float:
        """Seconds until ``who`` may try again (0: now)."""
        with self._lock:
            times = self._failed.get(who)
            if not times:
                return 0
            now = time.monotonic()
            while times and now - times[0] > self.window:
                times.popleft()
            if len(times) < self.attempts:
                return 0
            return self.window - (now - times[0])

    def failed(self, who: str) -> None:
        with self._lock:
            self._failed.setdefault(who, deque()).append(time.monotonic())

    def passed(self, who: str) -> None:
        with self._lock:
            self._failed.pop(who, None)


@dataclass
class Policy:
    """How the app is reached: under TLS (Secure cookies), and which Host names are accepted
    (None: any, behind a password and TLS)."""

    secure: bool = False
    hosts: set[str] | None = field(default_factory=lambda: set(LOOPBACK))
    password: Callable[[], bool] = lambda: False  # whether the practice has a password


def _host(request: Request) -> str:
    host = request.headers.get("host", "")
    if host.startswith("["):
        return host.split("]")[0] + "]"
    return host.rsplit(":", 1)[0] if ":" in host else host


def _open(path: str) -> bool:
    return any(path == p or (p.endswith("/") and path.startswith(p)) for p in OPEN)


class Guard(BaseHTTPMiddleware):
    """Every request passes here: host, session, login, CSRF; every response gets its
    headers and one line in the access log."""

    def __init__(
        self,
        app: object,
        policy: Policy,
        sessions: Sessions,
        refuse: Callable[[Request], Response],
    ) -> None:
        super().__init__(app)  # type: ignore[arg-type]
        self.policy, self.sessions, self.refuse = policy, sessions, refuse

    async def dispatch(
        self, request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await self._checked(request, call_next)
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        if self.policy.secure:
            response.headers.setdefault("Strict-Transport-Security", "max-age=31536000")
        if request.url.path.startswith("/static/"):
            response.headers.setdefault("Cache-Control", "no-cache")
        else:
            response.headers["Cache-Control"] = "no-store"
        session: Session | None = getattr(request.state, "session", None)
        if session is not None and request.cookies.get(COOKIE) != session.id:
            response.set_cookie(
                COOKIE,
                session.id,
                httponly=True,
                samesite="strict",
                secure=self.policy.secure,
                path="/",
            )
        log.info("%s %s %s", request.method, request.url.path, response.status_code)
        return response

    async def _checked(
        self, request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        hosts = self.policy.hosts
        if hosts is not None and _host(request) not in hosts:
            return PlainTextResponse("Unknown host name.", status_code=400)
        session = self.sessions.get(request.cookies.get(COOKIE))
        if session is None:
            session = self.sessions.new()
        request.state.session = session
        path = request.url.path
        if self.policy.password() and not session.user and not _open(path):
            if request.method == "GET" and "hx-request" not in request.headers:
                return RedirectResponse("/login", status_code=303)
            response = PlainTextResponse("Log in first.", status_code=401)
            response.headers["HX-Redirect"] = "/login"
            return response
        if request.method not in ("GET", "HEAD") and not await _csrf_ok(request, session):
            return self.refuse(request)
        return await call_next(request)


MAX_FILES = 20  # files in one form: returned handouts added at once


async def _csrf_ok(request: Request, session: Session) -> bool:
    """The session's token, in the X-CSRF-Token header (htmx) or the form's csrf field."""
    given = request.headers.get("x-csrf-token")
    if given is None:
        kind = request.headers.get("content-type", "")
        if kind.startswith("multipart/form-data"):  # files sent without scripts
            await request.body()  # kept for the route, which reads the form again
            async with request.form(max_files=MAX_FILES) as form:
                found = form.get("csrf")
            given = found if isinstance(found, str) else ""
            return secrets.compare_digest(given.encode(), session.csrf.encode())
        if not kind.startswith("application/x-www-form-urlencoded"):
            return False
        body = await request.body()  # kept for the route, which reads the form again
        given = (parse_qs(body.decode("utf-8", "replace")).get("csrf") or [""])[0]
    return secrets.compare_digest(given.encode(), session.csrf.encode())
