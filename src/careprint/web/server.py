"""Running the app: uvicorn on loopback by default; any other address only with a practice
password and TLS. uvicorn's access log is off: the app logs each request itself, with its
path and never a query string or a name (web/security.py)."""

from __future__ import annotations

import ipaddress
import logging
import os
import threading
import webbrowser
from collections.abc import Callable
from pathlib import Path

from careprint.app import access
from careprint.app.preview import Previewer
from careprint.errors import UsageError
from careprint.workspace import Workspace

DEFAULT_PORT = 8740


def loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def url(host: str, port: int, tls: bool) -> str:
    shown = f"[{host}]" if ":" in host and not host.startswith("[") else host
    return f"{'https' if tls else 'http'}://{shown}:{port}/"


def allowed(ws: Workspace, host: str, cert: Path | None, key: Path | None) -> None:
    """Refuse what would expose client data: another address than loopback without a
    practice password and TLS; a certificate without its key."""
    if (cert is None) != (key is None):
        raise UsageError(
            "TLS needs both a certificate and its key.",
            fix="Give both: --cert FILE --key FILE.",
        )
    for given in (cert, key):
        if given is not None and not given.is_file():
            raise UsageError(f"there is no file {given}.", fix="Check the path after --cert/--key.")
    if loopback(host):
        return
    missing = []
    if not access.has_password(ws):
        missing.append("a practice password (careprint serve --set-password)")
    if cert is None:
        missing.append("a TLS certificate and key (--cert FILE --key FILE)")
    if missing:
        raise UsageError(
            f"the app would be reachable from other computers at {host}, and it shows health "
            "data: that needs " + " and ".join(missing) + ".",
            fix="Set what is missing, or leave out --host to use the app on this computer only.",
        )


def _warm(previewer: Previewer, ws: Workspace) -> None:
    """Let the preview workers load the practice: one client file of each language."""
    seen: dict[bytes, Path] = {}
    for path in sorted((ws.root / "clients").glob("*.yaml"))[:50]:
        for line in path.read_bytes().splitlines():
            if line.startswith(b"language:"):
                seen.setdefault(line, path)
    try:
        previewer.warm(list(seen.values()))
    except Exception:  # a broken file or a worker that stopped: the previews still work
        logging.getLogger("careprint.web").debug("warming the previews failed", exc_info=True)


def run(
    root: Path,
    host: str = "127.0.0.1",
    port: int = DEFAULT_PORT,
    open_browser: bool = False,
    cert: Path | None = None,
    key: Path | None = None,
    told: Callable[[str], None] = lambda address: None,
) -> None:
    """Serve the app for the practice folder ``root`` until stopped (Ctrl+C)."""
    import uvicorn

    from careprint.web.app import create_app

    ws = Workspace(root)
    allowed(ws, host, cert, key)
    tls = cert is not None
    hosts = {"127.0.0.1", "localhost", "::1", "[::1]"} if loopback(host) else None
    workers = min(2, os.cpu_count() or 1)  # previews side by side, one a core
    app = create_app(ws.root, secure=tls, hosts=hosts, preview_workers=workers)
    logging.getLogger("careprint.web").setLevel(logging.INFO)
    config = uvicorn.Config(
        app,
        host=host.strip("[]"),
        port=port,
        access_log=False,
        server_header=False,
        date_header=False,
        ssl_certfile=str(cert) if cert else None,
        ssl_keyfile=str(key) if key else None,
        log_level="warning",
        timeout_graceful_shutdown=3,
    )
    server = uvicorn.Server(config)
    address = url(host, port, tls)

    def announce() -> None:
        while not server.started and not server.should_exit:
            threading.Event().wait(0.05)
        if server.started:
            told(address)
            if open_browser:
                webbrowser.open(address)
            _warm(app.state.context.previewer, ws)

    threading.Thread(target=announce, name="careprint-announce", daemon=True).start()
    server.run()
