"""The practice's app as an ASGI application (Starlette): its routes, its guard and the state
it keeps while it runs.

Why Starlette: it is small, well kept and ASGI, it comes with a test client, and an app of
server-rendered pages with htmx partials needs nothing FastAPI adds (models for JSON APIs,
OpenAPI documents). uvicorn serves it (web/server.py).
"""

from __future__ import annotations

import contextlib
import logging
import traceback
from collections.abc import AsyncIterator
from pathlib import Path

import jinja2
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles

from careprint.app import access
from careprint.app.preview import Previewer
from careprint.errors import CareprintError
from careprint.web import pages
from careprint.web.context import Context
from careprint.web.routes import assets, auth, clients, handout, leaflets, library, returned
from careprint.web.security import Guard, Policy
from careprint.workspace import Workspace

HERE = Path(__file__).parent
log = logging.getLogger("careprint.web")


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["day"] = pages.day
    env.filters["moment"] = pages.moment
    return env


def create_app(
    root: Path, secure: bool = False, hosts: set[str] | None = None, preview_workers: int = 0
) -> Starlette:
    """The app for the practice folder ``root``. ``hosts``: the Host names accepted (default:
    the loopback names); ``secure``: served over TLS; ``preview_workers``: processes that
    draw the live previews (0: the request's own thread)."""
    base = Workspace(root)
    policy = Policy(secure=secure, password=lambda: access.has_password(base))
    if hosts is not None:
        policy.hosts = hosts
    context = Context(base, environment(), policy, Previewer(base, preview_workers))

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        context.previewer.close()

    routes = [
        *auth.routes,
        *clients.routes,
        *handout.routes,
        *returned.routes,
        *leaflets.routes,
        *library.routes,
        *assets.routes,
        Mount("/static", app=StaticFiles(directory=HERE / "static"), name="static"),
    ]
    app = Starlette(
        routes=routes,
        lifespan=lifespan,
        middleware=[
            Middleware(Guard, policy=policy, sessions=context.sessions, refuse=pages.csrf_refused)
        ],
        exception_handlers={
            CareprintError: _careprint_error,
            HTTPException: _http_error,
            Exception: _bug,
        },
    )
    app.state.context = context
    return app


async def _careprint_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, CareprintError)
    return pages.problem(request, str(exc), 422)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    return pages.problem(request, "", exc.status_code)


async def _bug(request: Request, exc: Exception) -> Response:
    """A problem of careprint's own: the details go to a log file in .careprint/ (the
    traceback names code, not clients); the page says sorry."""
    context: Context = request.app.state.context
    path = access.state_folder(context.base) / "errors.log"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as file:
            details = "".join(traceback.format_exception(exc))
            file.write(f"{request.method} {request.url.path}\n{details}\n")
    except OSError:
        pass
    log.error(
        "a problem of careprint's own on %s %s; details in %s",
        request.method,
        request.url.path,
        path,
    )
    return pages.problem(request, "", 500)
