"""Serve the Browser assets on localhost, so that Neo4j Browser can load them with
`:style http://localhost:PORT/councilgraph.grass` and `:play http://localhost:PORT/guide.html`
(Browser's default allowlist admits localhost; the answer carries the CORS headers it needs)."""

from __future__ import annotations

import functools
import http.server
import socket
import tempfile
import threading
from pathlib import Path

from councilgraph.browser import favorites_cypher, grass, guide_html


def write_assets(folder: Path) -> list[Path]:
    """councilgraph.grass, guide.html and queries.cypher into a folder."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {"councilgraph.grass": grass(), "guide.html": guide_html(), "queries.cypher": favorites_cypher()}
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return [folder / n for n in files]


class _Handler(http.server.SimpleHTTPRequestHandler):
    def end_headers(self) -> None:
        self.send_header("Access-Control-Allow-Origin", "*")
        super().end_headers()

    def do_OPTIONS(self) -> None:  # Browser's fetch sends a CORS preflight
        self.send_response(204)
        self.send_header("Access-Control-Allow-Headers", "*")
        self.send_header("Access-Control-Allow-Methods", "GET, OPTIONS")
        self.send_header("Access-Control-Allow-Private-Network", "true")
        self.end_headers()

    def log_message(self, *args) -> None:
        pass


class _DualStack(http.server.ThreadingHTTPServer):
    """Listens on ::1 and 127.0.0.1 alike, since "localhost" may resolve to either."""

    address_family = socket.AF_INET6

    def server_bind(self) -> None:
        self.socket.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
        super().server_bind()


def serve(port: int = 0, folder: Path | None = None) -> tuple[http.server.ThreadingHTTPServer, Path]:
    """Start serving the assets in a background thread; returns the server and the folder."""
    folder = folder or Path(tempfile.mkdtemp(prefix="councilgraph-browser-"))
    write_assets(folder)
    try:
        srv: http.server.ThreadingHTTPServer = _DualStack(("::", port), functools.partial(_Handler, directory=str(folder)))
    except OSError:
        srv = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(_Handler, directory=str(folder)))
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return srv, folder
