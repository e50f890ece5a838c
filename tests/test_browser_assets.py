"""The Neo4j Browser assets, without a browser: a style rule and caption for every label, and the
guide and Favorites file carry every canned query."""

from __future__ import annotations

import re
import urllib.error
import urllib.request

import pytest

from councilgraph.browser import favorites_cypher, grass, guide_html
from councilgraph.browser.serve import serve
from councilgraph.graph.model import ALL_LABELS
from councilgraph.queries import catalogue


def test_grass_colours_and_captions_every_label():
    text = grass()
    for label in ALL_LABELS:
        rule = re.search(rf"node\.{label.value} \{{(.*?)\n\}}", text, re.S)
        assert rule, label
        assert re.search(r"caption: '\{(?:name|caption)\}", rule[1]) and re.search(r"color: #[0-9A-F]{6}", rule[1])


def test_guide_and_favorites_hold_every_canned_query():
    guide, favs = guide_html(), favorites_cypher()
    for q in catalogue().values():
        assert f"<h3>{q.name}</h3>" in guide
        assert f"// {q.name}:" in favs


def test_assets_are_served_with_cors_for_browser():
    srv, _ = serve(0)
    try:
        port = srv.server_address[1]
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/councilgraph.grass") as r:
            assert r.headers["Access-Control-Allow-Origin"] == "*"
            assert r.read().decode() == grass()
        req = urllib.request.Request(f"http://127.0.0.1:{port}/guide.html", method="OPTIONS")
        with urllib.request.urlopen(req) as r:
            assert r.status == 204 and r.headers["Access-Control-Allow-Headers"] == "*"
    finally:
        srv.shutdown()


def test_serve_binds_loopback_only_and_serves_only_the_three_assets(tmp_path):
    import socket

    secret = tmp_path / "secret.txt"
    secret.write_text("not for the network", encoding="utf-8")
    srv, folder = serve(0, tmp_path)
    try:
        port = srv.server_address[1]
        assert srv.server_address[0] == "127.0.0.1"
        for s in (srv, srv.twin):
            if s is not None:
                assert s.server_address[0] in ("127.0.0.1", "::1")
        for name in ("secret.txt", "", "../secret.txt", "%2e%2e/secret.txt", "guide.html/../secret.txt"):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/{name}") as r:
                    status = r.status
            except urllib.error.HTTPError as e:
                status = e.code
            assert status == 404, name
        for name in ("councilgraph.grass", "guide.html", "queries.cypher"):
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/{name}") as r:
                assert r.status == 200 and r.read()
        # an address of this machine that is not loopback does not answer
        addrs = {a[4][0] for a in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)} - {"127.0.0.1"}
        for addr in {a for a in addrs if not a.startswith("127.")}:
            with pytest.raises(OSError):
                socket.create_connection((addr, port), timeout=2).close()
    finally:
        srv.shutdown()
