"""Neo4j Browser in headless Chromium: load councilgraph's style, run a canned query, and check the
graph view shows the expected nodes in the style's colours. The screenshot is kept in artifacts/."""

from __future__ import annotations

import os
import shutil

import pytest

from councilgraph.browser.serve import serve
from councilgraph.queries import get
from tests.conftest import ARTIFACTS, _server

pytestmark = [pytest.mark.neo4j, pytest.mark.browser]

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"]


@pytest.fixture
def browser_url() -> str:
    return _server("COUNCILGRAPH_TEST_BROWSER", "Neo4j Browser")


def test_browser_shows_who_owns_the_course_in_councilgraph_style(neo4j_store, neo4j_uri, browser_url, seed_graphs):
    from playwright.sync_api import sync_playwright

    neo4j_store.load(list(seed_graphs.values()))
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    assert chromium, "Debian's chromium is needed (scripts/test.sh installs it)"
    srv, _ = serve(0)
    port = srv.server_address[1]
    query = get("action-graph").text_for("neo4j")
    ARTIFACTS.mkdir(exist_ok=True)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.goto(f"{browser_url}?dbms={neo4j_uri}&preselectAuthMethod=NO_AUTH", wait_until="networkidle")
            page.get_by_text("Connected to Neo4j").wait_for(timeout=60_000)

            def run(command: str) -> None:
                page.locator(".monaco-editor textarea").first.click()
                page.keyboard.insert_text(command)
                page.keyboard.press("Enter")

            run(f":style http://localhost:{port}/councilgraph.grass")
            page.get_by_text("caption: \"{name}\"").first.wait_for(timeout=30_000)
            run(":param words => 'understanding children'")
            page.wait_for_timeout(1000)
            run(query.replace("\n", " "))
            page.locator("svg g.node").first.wait_for(timeout=30_000)
            page.wait_for_timeout(2000)
            page.screenshot(path=str(ARTIFACTS / "browser-action-graph.png"))
            overview = page.locator("text=Displaying").first.inner_text()
            captions = [t.text_content() or "" for t in page.locator("svg g.node text").all()]
            fills = {c.get_attribute("fill") for c in page.locator("svg g.node circle").all()}
            browser.close()
    finally:
        srv.shutdown()
    # the action, the Director who owns it and the Board that agreed it
    assert "Displaying 3 nodes, 2 relationships" in overview
    words = " ".join(c.strip() for c in captions)
    assert "Director" in words and "re-run" in words
    assert {"#FFC454", "#F16667"} <= fills  # Role and Action colours from councilgraph.grass
    assert os.path.getsize(ARTIFACTS / "browser-action-graph.png") > 10_000
