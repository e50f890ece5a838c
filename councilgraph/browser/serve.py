"""Serve the Browser assets on the loopback interface, so that Neo4j Browser can load them with
`:style http://localhost:PORT/councilgraph.grass` and `:play http://localhost:PORT/guide.html`
(Browser's default allowlist admits localhost; the answer carries the CORS headers it needs).

Only the three assets are served, from memory, and only on 127.0.0.1 and ::1: nothing else on the
machine is reachable through it, and nothing from another machine can reach it."""

from __future__ import annotations

import http.server
import socket
import tempfile
import threading
from pathlib import Path

from councilgraph.browser import favorites_cypher, grass, guide_html

TYPES = {".grass": "text/plain; charset=utf-8", ".html": "text/html; charset=utf-8",
         ".cypher": "text/plain; charset=utf-8"}


def assets() -> dict[str, str]:
    return {"councilgraph.grass": grass(), "guide.html": guide_html(), "queries.cypher": favorites_cypher()}


def write_assets(folder: Path) -> list[Path]:
    """councilgraph.grass, guide.html and queries.cypher into a folder."""
    folder.mkdir(parents=True, exist_ok=True)
    files = assets()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return [folder / n for n in files]


class _Handler(http.server.BaseHTTPRequestHandler):
    files: dict[str, bytes] = {}

    def _answer(self, body: bool) -> None:
        name = self.path.split("?", 1)[0].lstrip("/")
        data = self.files.get(name)
        if data is None:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", TYPES.get(Path(name).suffix, "text/plain; charset=utf-8"))
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Access-Control-Allow-Origin", "*")  # public assets only: Browser fetches them cross-origin
        self.end_headers()
        if body:
            self.wfile.write(data)

    def do_GET(self) -> None:
        self._answer(True)

    def do_HEAD(self) -> None:
        self._answer(False)

    def do_OPTIONS(self) -> None:  # Browser's fetch sends a CORS preflight
        self.send_response(204)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Headers", "*")
        self.send_header("Access-Control-Allow-Methods", "GET, OPTIONS")
        self.send_header("Access-Control-Allow-Private-Network", "true")
        self.end_headers()

    def log_message(self, *args) -> None:
        pass


class _V6(http.server.ThreadingHTTPServer):
    address_family = socket.AF_INET6


class _Loopback(http.server.ThreadingHTTPServer):
    """127.0.0.1, with a twin on ::1 at the same port where IPv6 is there, since "localhost" may
    resolve to either."""

    twin: http.server.ThreadingHTTPServer | None = None

    def shutdown(self) -> None:
        if self.twin is not None:
            self.twin.shutdown()
            self.twin.server_close()
        super().shutdown()
        self.server_close()


def serve(port: int = 0, folder: Path | None = None) -> tuple[http.server.ThreadingHTTPServer, Path]:
    """Start serving the assets in a background thread; returns the server and the folder the
    assets were also written to."""
    folder = folder or Path(tempfile.mkdtemp(prefix="councilgraph-browser-"))
    write_assets(folder)
    handler = type("Handler", (_Handler,), {"files": {k: v.encode("utf-8") for k, v in assets().items()}})
    srv = _Loopback(("127.0.0.1", port), handler)
    try:
        srv.twin = _V6(("::1", srv.server_address[1]), handler)
    except OSError:
        srv.twin = None
    for s in (srv, srv.twin):
        if s is not None:
            threading.Thread(target=s.serve_forever, daemon=True).start()
    return srv, folder

