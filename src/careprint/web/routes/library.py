"""The library page: every self-massage point with its diagram and its texts."""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from careprint.app import bodymap, readability
from careprint.web.pages import context_of, render
from careprint.web.texts import REGIONS


async def index(request: Request) -> Response:
    ws = context_of(request).ws()
    query = request.query_params.get("q", "")[:100]
    entries = bodymap.search(ws, query, REGIONS)
    groups: dict[str, list[object]] = {}
    for entry in entries:
        groups.setdefault(entry.region, []).append(entry)
    readable = readability.overviews(ws, [entry.id for entry in entries])
    return render(
        request, "library.html", groups=groups, q=query, readable=readable, active="library"
    )


async def entry(request: Request) -> Response:
    ws = context_of(request).ws()
    key = str(request.path_params["point"])
    loaded = ws.library.get(key)
    if loaded is None:
        raise HTTPException(404)
    figure = bodymap.figure(ws, loaded.model)
    readable = readability.overviews(ws, [key])[key]
    return render(
        request,
        "point.html",
        entry=loaded.model,
        figure=figure,
        readable=readable,
        active="library",
    )


routes = [Route("/library", index), Route("/library/{point}", entry)]
