"""Logging in with the practice password (when one is set) and out; failed attempts are
limited per address."""

from __future__ import annotations

import math

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from careprint.app import access
from careprint.web.pages import context_of, render
from careprint.web.security import COOKIE
from careprint.web.texts import texts


def _who(request: Request) -> str:
    return request.client.host if request.client else "-"


async def page(request: Request) -> Response:
    if not access.has_password(context_of(request).base):
        return RedirectResponse("/clients", status_code=303)
    return render(request, "login.html", message="", hide_nav=True)


async def login(request: Request) -> Response:
    context = context_of(request)
    t = texts()
    who = _who(request)
    wait = context.limiter.wait(who)
    if wait > 0:
        message = t["login_wait"].format(minutes=max(1, math.ceil(wait / 60)))
        return render(request, "login.html", status=429, message=message, hide_nav=True)
    password = str((await request.form()).get("password", ""))[:1000]
    ok = await run_in_threadpool(access.check_password, context.base, password)
    if not ok:
        context.limiter.failed(who)
        return render(request, "login.html", status=401, message=t["login_wrong"], hide_nav=True)
    context.limiter.passed(who)
    session = context.sessions.login(request.state.session)
    request.state.session = session
    return RedirectResponse("/clients", status_code=303)


async def logout(request: Request) -> Response:
    context_of(request).sessions.end(request.state.session)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(COOKIE, path="/")
    request.state.session = None
    return response


routes = [
    Route("/login", page),
    Route("/login", login, methods=["POST"]),
    Route("/logout", logout, methods=["POST"]),
]
