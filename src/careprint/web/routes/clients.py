"""The clients page: every client file with its consult, language, points and whether its
handout was emailed; a search by dossier id."""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from careprint.app import clients, sets
from careprint.web.pages import context_of, render


async def home(request: Request) -> Response:
    return RedirectResponse("/clients", status_code=303)


async def listing(request: Request) -> Response:
    ws = context_of(request).ws()
    query = request.query_params.get("q", "")[:80]
    rows = await run_in_threadpool(clients.listing, ws, query)
    return render(
        request, "clients.html", rows=rows, q=query, sets=sets.listing(ws), active="clients"
    )


routes = [Route("/", home), Route("/clients", listing)]
