"""The handout page: a new or saved client's handout, its point picker and live preview;
saving the client file, saved sets, emailing, downloading and printing the handout."""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field, replace
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from careprint.app import clients, email, handouts, sets
from careprint.app.preview import Preview, Problem
from careprint.errors import CareprintError
from careprint.web import forms
from careprint.web.context import Sent
from careprint.web.forms import HandoutForm
from careprint.web.pages import context_of, moment, render
from careprint.web.routes import returned
from careprint.web.texts import texts
from careprint.workspace import Workspace

KEY = re.compile(r"[0-9a-f]{64}")
PLACEHOLDER = "nieuw"  # the file name a form without a valid dossier id is previewed under


@dataclass
class Stale:
    text: str
    fields: str
    exists: bool
    overwrite: bool
    digest: str


@dataclass
class Deliver:
    token: str
    messages: list[tuple[str, str]] = field(default_factory=list)
    again: bool = False
    encrypt: bool = False
    password: str | None = None


def _dossier(request: Request) -> str:
    dossier = str(request.path_params["dossier"])
    if not clients.valid_dossier(dossier):
        raise HTTPException(404)
    return dossier


def _dossier_error(ws: Workspace, form: HandoutForm, saving: bool) -> str:
    t = texts()
    if not form.dossier:
        return t["dossier_bad"] if saving else ""
    if not clients.valid_dossier(form.dossier):
        return t["dossier_bad"]
    if form.mode == "new" and clients.read(ws, form.dossier) is not None:
        return t["dossier_taken"]
    return ""


def _check(
    request: Request, ws: Workspace, form: HandoutForm, saving: bool
) -> tuple[bytes, Preview | None]:
    """The client file the form would write, and its preview (None: nothing to show yet).
    While typing, an empty name or an empty choice is not yet a mistake."""
    # a file being edited keeps its comments when saved; its preview needs only the values
    original = clients.read(ws, form.dossier) if saving and form.mode == "edit" else None
    fields = form.fields
    if not saving:
        if not fields.points:
            return b"", None
        if not fields.name.strip():
            fields = replace(fields, name="…")
    data = clients.compose(ws, fields, original)
    stem = form.dossier if clients.valid_dossier(form.dossier) else PLACEHOLDER
    return data, context_of(request).previewer.preview(ws, clients.path_of(ws, stem), data)


def _page(
    request: Request,
    ws: Workspace,
    form: HandoutForm,
    status: int = 200,
    saving: bool = False,
    found: Preview | None = None,
    **values: Any,
) -> Response:
    if found is None and (form.fields.points or saving):
        _, found = _check(request, ws, form, saving)
    problem: Problem | None = found.problem if found else None
    errors, other = forms.errors_of(problem, ws, form)
    extra = values.pop("errors", None)
    if isinstance(extra, dict):
        errors.update(extra)
    dossier_error = _dossier_error(ws, form, saving)
    if dossier_error:
        errors["dossier"] = dossier_error
    deliver = values.pop("deliver", None)
    if form.mode == "edit" and deliver is None:
        deliver = _deliver_state(ws, form.dossier)
    if form.mode == "edit" and "returned" not in values:
        values["returned"] = returned.state(ws, form.dossier)
    return render(
        request,
        "handout.html",
        status=status,
        form=forms.view(ws, form, problem is not None),
        preview=found,
        errors=errors,
        other=other,
        messages=values.pop("messages", []),
        stale=values.pop("stale", None),
        set_message=values.pop("set_message", ""),
        deliver=deliver,
        oob=False,
        keep=False,
        note="",
        anchor="",
        active="new" if form.mode == "new" else "clients",
        **values,
    )


async def new(request: Request) -> Response:
    ws = context_of(request).ws()
    form = HandoutForm(fields=forms.new_fields(ws))
    messages = []
    stem = request.query_params.get("set", "")
    if stem:
        name, points = sets.load(ws, stem)
        form.fields.points = [forms.filled(ws, p) for p in points]
        messages.append(("info", texts()["set_started"].format(name=name)))
    return await run_in_threadpool(_page, request, ws, form, messages=messages)


async def edit(request: Request) -> Response:
    ws = context_of(request).ws()
    dossier = _dossier(request)
    data = clients.read(ws, dossier)
    if data is None:
        raise HTTPException(404)
    form = forms.opened(ws, dossier, data)
    form.fields.points = [forms.filled(ws, p) for p in form.fields.points]
    messages = []
    if request.query_params.get("saved"):
        messages.append(("success", texts()["saved"].format(file=f"clients/{dossier}.yaml")))
    return await run_in_threadpool(_page, request, ws, form, messages=messages)


async def post(request: Request) -> Response:
    """Every button of the form: a change to the points, a search, save, save as a set."""
    ws = context_of(request).ws()
    form = forms.parse(await request.form())
    if form.overwrite:
        form.action = "save"
    forms.apply(ws, form)
    if form.action == "save":
        return await run_in_threadpool(_save, request, ws, form)
    if form.action == "save-set":
        return await run_in_threadpool(_save_set, request, ws, form)
    headers = (
        {"HX-Trigger": "refresh-preview"}
        if form.op.startswith(("add", "remove", "up", "down"))
        else None
    )
    response = await run_in_threadpool(_page, request, ws, form)
    if headers:
        response.headers.update(headers)
    return response


def _save(request: Request, ws: Workspace, form: HandoutForm) -> Response:
    t = texts()
    data, found = _check(request, ws, form, saving=True)
    if _dossier_error(ws, form, True) and not (form.overwrite and form.mode == "new"):
        return _page(request, ws, form, 422, True, found, messages=[("error", t["not_saved"])])
    if found is None or found.problem is not None:
        return _page(request, ws, form, 422, True, found, messages=[("error", t["not_saved"])])
    opened = form.overwrite or form.opened
    stale = clients.save(ws, form.dossier, data, opened, form.original_bytes())
    if stale is not None:
        names = ", ".join(t.get(f"field_{name}", name) for name in stale.changed)
        told = Stale(
            text=t["stale"] if stale.exists else t["stale_gone"],
            fields=t["stale_fields"].format(fields=names) if names else "",
            exists=stale.exists,
            overwrite=True,
            digest=stale.digest,
        )
        if form.mode == "new" and stale.exists:
            told = Stale(t["dossier_taken"], "", True, False, stale.digest)
        return _page(request, ws, form, 409, True, found, stale=told)
    return RedirectResponse(f"/handout/{form.dossier}?saved=1", status_code=303)


def _save_set(request: Request, ws: Workspace, form: HandoutForm) -> Response:
    t = texts()
    if not sets.slug(form.set_name):
        return _page(request, ws, form, 422, errors={"set_name": t["set_name_missing"]})
    if not form.fields.points:
        return _page(request, ws, form, 422, errors={"set_name": t["set_no_points"]})
    try:
        saved = sets.save(ws, form.set_name, form.fields.points)
    except CareprintError as exc:
        return _page(
            request, ws, form, 422, errors={"set_name": str(exc.message) + " " + (exc.fix or "")}
        )
    message = texts()["set_saved"].format(name=saved.name)
    form.set_name = ""
    return _page(request, ws, form, set_message=message)


async def live(request: Request) -> Response:
    """The preview part of the page, and the error beside each field (htmx swaps them in)."""
    ws = context_of(request).ws()
    form = forms.parse(await request.form())

    def make() -> Response:
        t = texts()
        _, found = _check(request, ws, form, saving=False)
        problem = found.problem if found else None
        errors, other = forms.errors_of(problem, ws, form)
        dossier_error = _dossier_error(ws, form, False)
        if dossier_error:
            errors["dossier"] = dossier_error
        note, anchor = "", ""
        if problem is not None:  # the last good pages stay; a line says why they do
            key = next(iter(errors), "")
            note = t["preview_stale"].format(field=forms.field_label(key, t))
            anchor = key
            if other:
                note, anchor = t["preview_other"], "other-problem"
        response = render(
            request,
            "_preview.html",
            form=forms.Slots(forms.slots(form), problem is not None),
            preview=found,
            errors=errors,
            other=other,
            oob=True,
            keep=problem is not None,
            note=note,
            anchor=anchor,
        )
        if problem is not None:
            response.headers["HX-Reswap"] = "none"
        return response

    return await run_in_threadpool(make)


async def page_png(request: Request) -> Response:
    key = str(request.path_params["key"])
    page = int(request.path_params["page"])
    if not KEY.fullmatch(key) or not 1 <= page <= 99:
        raise HTTPException(404)
    data = await run_in_threadpool(context_of(request).previewer.png, key, page)
    if not data:
        raise HTTPException(404)
    return Response(data, media_type="image/png")


def _deliver_state(ws: Workspace, dossier: str) -> Deliver:
    t = texts()
    state, when = clients.delivered(ws, clients.path_of(ws, dossier))
    done = Deliver(secrets.token_urlsafe(16))
    if state in ("drafted", "sent", "sending"):
        done.messages.append(("info", t[f"state_{state}"].format(when=moment(when))))
    elif state == "no-email":
        done.messages.append(("info", t["email_no_address"]))
    return done


async def send(request: Request) -> Response:
    """Email the saved handout, once per form token (a double click sends one email)."""
    context = context_of(request)
    dossier = _dossier(request)
    posted = await request.form()
    token = str(posted.get("token", ""))[:64]
    again = posted.get("again") == "1"
    encrypt = posted.get("encrypt") == "1"

    def work() -> Response:
        t = texts()
        ws = context.ws()
        path = clients.path_of(ws, dossier)
        if clients.read(ws, dossier) is None:
            raise HTTPException(404)
        done = Deliver(secrets.token_urlsafe(16), encrypt=encrypt)
        with context.mail_lock:
            before = context.sent.get(token) if token else None
            if before is not None:
                done.messages.append(("info", t["email_twice"]))
                if before.encrypted:
                    done.messages.append(("warning", t["email_twice_password"]))
                    done.again = True
            else:
                try:
                    made = handouts.handout(ws, path, ws.root / "out" / "handouts")
                    handouts.write(made)
                    sent = email.email_handout(ws, path, made.content, made.data, again, encrypt)
                except CareprintError as exc:
                    if made_no_address(exc):
                        done.messages.append(("error", t["email_no_address"]))
                    else:
                        done.messages.append(("error", str(exc)))
                else:
                    _told(done, sent, ws)
                    if token:
                        context.sent[token] = _summary(sent, encrypt)
                        while len(context.sent) > 500:
                            context.sent.popitem(last=False)
        return reopened(request, ws, dossier, deliver=done)

    return await run_in_threadpool(work)


def reopened(request: Request, ws: Workspace, dossier: str, **values: Any) -> Response:
    """A saved client's page, as saved, with ``values`` (what an action says)."""
    form = forms.opened(ws, dossier, clients.read(ws, dossier) or b"")
    form.fields.points = [forms.filled(ws, p) for p in form.fields.points]
    return _page(request, ws, form, **values)


def made_no_address(exc: CareprintError) -> bool:
    return "no email address" in exc.message


def _told(done: Deliver, sent: email.Delivered, ws: Workspace) -> None:
    t = texts()
    if sent.channel == "skipped":
        assert sent.before is not None
        key = "email_before_sent" if sent.before.state == "sent" else "email_before_drafted"
        done.messages.append(("warning", t[key].format(when=moment(sent.before.when()))))
        done.again = True
        return
    if sent.channel == "outbox":
        assert sent.draft is not None
        done.messages.append(("success", t["email_drafted"].format(file=ws.display(sent.draft))))
    else:
        done.messages.append(("success", t["email_sent"]))
    done.password = sent.password


def _summary(sent: email.Delivered, encrypted: bool) -> Sent:
    return Sent(sent.channel, "", encrypted)


async def pdf(request: Request) -> Response:
    """The saved handout as PDF: to download, or (inline) to print from the browser."""
    context = context_of(request)
    dossier = _dossier(request)
    ws = context.ws()
    if clients.read(ws, dossier) is None:
        raise HTTPException(404)
    path = clients.path_of(ws, dossier)
    made = await run_in_threadpool(handouts.handout, ws, path, ws.root / "out" / "handouts")
    how = "inline" if request.query_params.get("inline") else "attachment"
    return Response(
        made.data,
        media_type="application/pdf",
        headers={"Content-Disposition": f'{how}; filename="{made.path.name}"'},
    )


routes = [
    Route("/handout/new", new),
    Route("/handout", post, methods=["POST"]),
    Route("/handout/preview", live, methods=["POST"]),
    Route("/preview/{key}/{page:int}.png", page_png),
    Route("/handout/{dossier}", edit),
    Route("/handout/{dossier}/email", send, methods=["POST"]),
    Route("/handout/{dossier}/handout.pdf", pdf),
]
