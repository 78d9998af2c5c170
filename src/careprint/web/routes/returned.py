"""Returned handouts on a client's page: PDFs the client filled in, dropped or chosen, read
with the same use case as `careprint progress`; the client's chart of progress shown there."""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from careprint.app import clients, progress
from careprint.errors import CareprintError
from careprint.web.pages import context_of, moment
from careprint.web.security import MAX_FILES
from careprint.web.texts import texts
from careprint.workspace import Workspace

LIMIT = 20 * 1024 * 1024  # a handout is well under 1 MB


@dataclass
class Returned:
    """What the returned-handouts part of a client's page shows."""

    chart: bool  # there is a chart to show
    version: str = ""  # changes when the chart does (the image is never cached stale)
    messages: list[tuple[str, str]] = field(default_factory=list)


def state(ws: Workspace, dossier: str, messages: list[tuple[str, str]] | None = None) -> Returned:
    found = progress.chart_png(ws, dossier)
    version = str(found.stat().st_mtime_ns) if found else ""
    return Returned(found is not None, version, messages or [])


def _dossier(request: Request) -> str:
    dossier = str(request.path_params["dossier"])
    if not clients.valid_dossier(dossier):
        raise HTTPException(404)
    return dossier


def _safe_name(name: str) -> str:
    """An uploaded file's name as shown in a message: its last part, plain characters only."""
    last = re.split(r"[\\/]", name or "")[-1]
    return re.sub(r"[^\w .()-]", "_", last)[:80] or "handout.pdf"


async def add(request: Request) -> Response:
    """Read the returned handouts posted for this client; the client's page again."""
    from careprint.web.routes.handout import reopened

    context = context_of(request)
    dossier = _dossier(request)
    t = texts()
    uploads: list[tuple[str, bytes]] = []
    too_big: list[str] = []
    async with request.form(max_files=MAX_FILES) as form:
        for item in form.getlist("returned"):
            if not isinstance(item, UploadFile) or not item.filename:
                continue
            data = await item.read(LIMIT + 1)
            name = _safe_name(item.filename)
            if len(data) > LIMIT:
                too_big.append(name)
            else:
                uploads.append((name, data))

    def work() -> Response:
        ws = context.ws()
        if clients.read(ws, dossier) is None:
            raise HTTPException(404)
        messages = [("error", t["returned_too_big"].format(file=name)) for name in too_big]
        if not uploads and not too_big:
            messages.append(("error", t["returned_none"]))
        if uploads:
            messages += _read(ws, dossier, uploads)
        return reopened(request, ws, dossier, returned=state(ws, dossier, messages))

    return await run_in_threadpool(work)


def _read(ws: Workspace, dossier: str, uploads: list[tuple[str, bytes]]) -> list[tuple[str, str]]:
    """The uploads read (in a private scratch folder, gone after), as messages."""
    t = texts()
    messages: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory(prefix="careprint-") as scratch:
        files = []
        for index, (name, data) in enumerate(uploads):
            path = Path(scratch) / f"{index}.pdf"  # never the client's file name on disk
            path.write_bytes(data)
            files.append((path, name))
        try:
            reads, _ = progress.progress(ws, files, expect=dossier)
        except CareprintError as exc:
            return [("error", str(exc))]
    for read, (_, name) in zip(reads, files, strict=True):
        if read.before is not None:
            when = moment(read.before.strftime("%Y-%m-%d %H:%M"))
            messages.append(("info", t["returned_before"].format(file=name, when=when)))
        else:
            text = t["returned_read"].format(file=name, ticked=read.ticked, scores=read.scores)
            messages.append(("success", text))
        for what in read.left_out:
            messages.append(("warning", t["returned_left_out"].format(file=name, what=what)))
        if read.questions:
            messages.append(("info", t["returned_questions"].format(file=name)))
    return messages


async def chart(request: Request) -> Response:
    """The client's chart (PNG, or ?pdf=1 the PDF)."""
    dossier = _dossier(request)
    ws = context_of(request).ws()
    found = progress.chart_png(ws, dossier)
    if found is None:
        raise HTTPException(404)
    if request.query_params.get("pdf"):
        pdf = found.with_suffix(".pdf")
        headers = {"Content-Disposition": f'inline; filename="{dossier}-voortgang.pdf"'}
        return Response(pdf.read_bytes(), media_type="application/pdf", headers=headers)
    return Response(found.read_bytes(), media_type="image/png")


routes = [
    Route("/handout/{dossier}/returned", add, methods=["POST"]),
    Route("/handout/{dossier}/progress.png", chart),
]
