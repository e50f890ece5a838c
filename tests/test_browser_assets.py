"""The Neo4j Browser assets, without a browser: a style rule and caption for every label, and the
guide and Favorites file carry every canned query."""

from __future__ import annotations

import re
import urllib.request

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
