"""The leaflets page: every leaflet in every layout and language with a thumbnail, building
them (in the background, with progress) and downloading them; the check of every file;
how far each translation is."""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, RedirectResponse, Response
from starlette.routing import Route

from careprint.app import check, editions, readability, translate
from careprint.errors import CareprintError
from careprint.web.jobs import Job
from careprint.web.pages import context_of, render


def _page(request: Request) -> Response:
    context = context_of(request)
    ws = context.ws()
    grid = editions.grid(ws)
    complete = editions.finished_languages(ws)
    status = translate.status(ws, ws.languages()[1:])
    groups: dict[tuple[str, str], list[editions.Edition]] = {}
    for edition in grid:
        groups.setdefault((edition.leaflet, edition.layout), []).append(edition)
    try:
        readable = readability.overviews(ws, ws.leaflet_names())
    except CareprintError:
        readable = {}  # the check shows what is wrong
    return render(
        request,
        "leaflets.html",
        groups=groups,
        readable=readable,
        complete=complete,
        translations=status,
        build=context.jobs.latest("build"),
        checking=context.jobs.latest("check"),
        active="leaflets",
    )


async def page(request: Request) -> Response:
    return await run_in_threadpool(_page, request)


async def build(request: Request) -> Response:
    """Build every edition (or the one named) with the print-shop editions, in a thread."""
    context = context_of(request)
    ws = context.ws()
    asked = str((await request.form()).get("edition", ""))
    wanted = [(e.leaflet, e.language, e.layout) for e in editions.grid(ws)]
    if asked:
        wanted = [w for w in wanted if "|".join(w) == asked]
        if not wanted:
            raise HTTPException(404)

    def work(job: Job) -> None:
        editions.build(context.ws(), wanted, lambda o: job.step(not o.error, o.error or o.edition))

    job = context.jobs.start("build", len(wanted), work)
    return _job_answer(request, job)


async def run_check(request: Request) -> Response:
    context = context_of(request)

    def work(job: Job) -> None:
        for finding in check.check(context.ws()):
            job.step(None if finding.kind == "warning" else finding.ok, finding.text)

    job = context.jobs.start("check", 0, work)
    return _job_answer(request, job)


def _job_answer(request: Request, job: Job) -> Response:
    if "hx-request" in request.headers:
        return render(request, f"_{job.kind}.html", job=job)
    return RedirectResponse(f"/leaflets#{job.kind}", status_code=303)


async def job_status(request: Request) -> Response:
    job = context_of(request).jobs.get(str(request.path_params["job"]))
    if job is None:
        raise HTTPException(404)
    return render(request, f"_{job.kind}.html", job=job)


async def thumbnail(request: Request) -> Response:
    ws = context_of(request).ws()
    name, language, layout = (str(request.path_params[k]) for k in ("name", "language", "layout"))
    known = {(e.leaflet, e.language, e.layout) for e in editions.grid(ws)}
    if (name, language, layout) not in known:
        raise HTTPException(404)
    try:
        data = await run_in_threadpool(editions.thumbnail, ws, name, language, layout)
    except CareprintError:
        raise HTTPException(404) from None
    return Response(data, media_type="image/png")


async def download(request: Request) -> Response:
    ws = context_of(request).ws()
    name = str(request.path_params["file"])
    path = editions.built_file(ws, name)
    if path is None:
        raise HTTPException(404)
    return FileResponse(path, media_type="application/pdf", filename=path.name)


routes = [
    Route("/leaflets", page),
    Route("/leaflets/build", build, methods=["POST"]),
    Route("/leaflets/check", run_check, methods=["POST"]),
    Route("/jobs/{job}", job_status),
    Route("/leaflets/thumb/{name}/{language}/{layout}.png", thumbnail),
    Route("/leaflets/file/{file}", download),
]
