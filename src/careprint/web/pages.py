"""Pages rendered from the templates, with what every page shows (the practice's name, the
menu, the form token), and the pages that say something went wrong."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from babel.dates import format_date
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from careprint.errors import CareprintError
from careprint.web.security import HEADERS
from careprint.web.texts import LANGUAGES, REGIONS, texts

if TYPE_CHECKING:
    from careprint.web.context import Context


def day(value: datetime.date | None) -> str:
    """A date as the practice writes it, e.g. '24 nov. 2026'."""
    if value is None:
        return ""
    return str(format_date(value, "d MMM y", locale="nl"))


def moment(text: str) -> str:
    """A ledger time ('2026-12-04 10:30') as the practice says it: '4 december 2026, 10:30'."""
    try:
        when = datetime.datetime.strptime(text, "%Y-%m-%d %H:%M")
    except ValueError:
        return text
    return f"{format_date(when.date(), 'd MMMM y', locale='nl')}, {when:%H:%M}"


def context_of(request: Request) -> Context:
    return request.app.state.context  # type: ignore[no-any-return]


def render(
    request: Request,
    template: str,
    status: int = 200,
    headers: dict[str, str] | None = None,
    **values: Any,
) -> HTMLResponse:
    """A page (or, for htmx, a part of one) from ``template``."""
    context = context_of(request)
    session = getattr(request.state, "session", None)
    try:
        practice = context.base.fresh().practice.model.name
    except CareprintError:
        practice = ""
    common = {
        "t": texts(),
        "regions": REGIONS,
        "languages": LANGUAGES,
        "csrf": session.csrf if session is not None else "",
        "practice": practice,
        "logged_in": bool(session and session.user),
        "active": values.pop("active", ""),
        "hide_nav": values.pop("hide_nav", False),
    }
    html = context.env.get_template(template).render(**common, **values)
    return HTMLResponse(html, status_code=status, headers=headers)


def problem(request: Request, message: str, status: int) -> Response:
    """A page saying what went wrong: a located message, or a plain word for the status."""
    t = texts()
    if not message:
        message = {404: t["not_found"], 403: t["forbidden"], 405: t["not_found"]}.get(
            status, t["bug"]
        )
    response = render(request, "problem.html", status=status, message=message)
    for name, value in HEADERS.items():  # also when the guard did not run (a bug)
        response.headers.setdefault(name, value)
    response.headers["Cache-Control"] = "no-store"
    return response


def csrf_refused(request: Request) -> Response:
    return problem(request, texts()["forbidden"], 403)
