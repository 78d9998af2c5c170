"""The practice's own look: its colours as a style sheet and its logo."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from careprint.errors import CareprintError
from careprint.web.pages import context_of

FALLBACK = {"primary": "#1F6F78", "accent": "#B4502F", "tint": "#E8F2F1", "text": "#1D2B2D"}


async def theme(request: Request) -> Response:
    """The practice's colours (practice.yaml) for the app's style sheet."""
    ws = context_of(request).ws()
    try:
        colours = ws.practice.model.colours
        found = {role: getattr(colours, role).rgb for role in FALLBACK}
    except CareprintError:
        found = FALLBACK
    lines = [f"  --{role}: {value};" for role, value in found.items()]
    css = ":root {\n" + "\n".join(lines) + "\n}\n"
    return Response(css, media_type="text/css", headers={"Cache-Control": "no-cache"})


async def logo(request: Request) -> Response:
    ws = context_of(request).ws()
    try:
        practice = ws.practice
        path = ws.resolve(practice.doc, ("logo",), practice.model.logo)
    except CareprintError:
        return Response(status_code=404)
    if path.suffix.lower() != ".svg":
        return Response(status_code=404)
    return Response(ws.read(path).data, media_type="image/svg+xml")


routes = [Route("/theme.css", theme), Route("/logo.svg", logo)]
