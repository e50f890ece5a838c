"""`councilgraph show`: the HTML view is self-contained, coloured like the Browser's GRASS style, and draws
every node it should in headless Chromium (Debian's, no browser download). Screenshots go to artifacts/."""

from __future__ import annotations

import json
import os
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest

from councilgraph.graph.store import open_store
from councilgraph.show import select, styles
from tests.conftest import ARTIFACTS, cli

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"]
# Every arc the canvas draws, with the frame it belongs to: NVL draws each node as one filled circle per frame.
COUNT_ARCS = """
(() => {
  window.__cg = {frame: 0, arcs: []};
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (cb) => raf((t) => { window.__cg.frame++; return cb(t); });
  const arc = CanvasRenderingContext2D.prototype.arc;
  CanvasRenderingContext2D.prototype.arc = function (x, y, r, ...rest) {
    window.__cg.arcs.push([window.__cg.frame, Math.round(x), Math.round(y), Math.round(r), String(this.fillStyle)]);
    return arc.call(this, x, y, r, ...rest);
  };
})();
"""


def _dump(store_path: Path):
    store = open_store(store_path, read_only=True)
    try:
        return store.dump()
    finally:
        store.close()


@pytest.fixture(scope="module")
def chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        if os.environ.get("CI"):
            pytest.fail("Debian's chromium is needed (scripts/test.sh installs it)")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    return path


def test_view_is_self_contained_and_styled(runner, seeded_store, tmp_path):
    out = tmp_path / "view.html"
    r = cli(runner, seeded_store, "show", "course on understanding children's data", "--output", str(out))
    assert r.exit_code == 0, r.output
    page = out.read_text(encoding="utf-8")
    assert not re.search(r"<script[^>]+src=|<link[^>]+href=\"https?:", page)  # nothing fetched from anywhere
    sub, _ = select(_dump(seeded_store), "course on understanding children's data")
    assert f'content="{len(sub.nodes)}"' in page
    data = json.loads(re.search(r'<script type="application/json" id="neo4j-viz-data">(.*?)</script>', page, re.S)[1])
    drawn = {n["id"]: n["color"].lower() for n in data["nodes"]}
    assert drawn == {p["id"]: styles()[lab].color.lower() for lab, p in sub.nodes}  # the GRASS colour of each label
    assert len({c for c in drawn.values()}) == len({lab for lab, _ in sub.nodes})


def test_show_names_nothing(runner, seeded_store, tmp_path):
    r = cli(runner, seeded_store, "show", "zebra crossings in Narnia", "--output", str(tmp_path / "v.html"))
    assert r.exit_code != 0 and "Error:" in r.stderr and not (tmp_path / "v.html").exists()


def test_action_trail_is_an_action_with_owner_item_and_asker(seeded_store):
    sub, title = select(_dump(seeded_store), "course on understanding children's data")
    labels = Counter(lab for lab, _ in sub.nodes)
    assert title.startswith("Action: re-run a course") and labels["Action"] == 1 and labels["AgendaItem"] == 1
    types = {t for t, *_ in sub.rels}
    assert {"OWNS", "ARISES_FROM"} <= types


@pytest.mark.browser
@pytest.mark.parametrize(("what", "shot"), [
    ("course on understanding children's data", "show-action-trail.png"),
    ("Executive Director of Children, Young People and Learning", "show-actor-neighbourhood.png"),
])
def test_view_draws_every_node_in_chromium(chromium, runner, seeded_store, tmp_path, what, shot):
    from playwright.sync_api import sync_playwright

    out = tmp_path / "view.html"
    assert cli(runner, seeded_store, "show", what, "--output", str(out)).exit_code == 0
    sub, _ = select(_dump(seeded_store), what)
    style = styles()
    expected = Counter(style.get(lab, style[""]).color.lower() for lab, _ in sub.nodes)
    assert sum(expected.values()) >= 3
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 800})
            errors: list[str] = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.add_init_script(COUNT_ARCS)
            page.goto(out.as_uri())
            page.wait_for_timeout(3000)  # the layout settles
            page.evaluate("window.__cg.arcs = []")
            page.mouse.move(600, 400)
            page.mouse.wheel(0, -60)  # a redraw, counted from here
            page.wait_for_timeout(1500)
            arcs = page.evaluate("window.__cg.arcs")
            assert arcs and not errors, errors
            last = max(a[0] for a in arcs)
            frame = {tuple(a[1:]) for a in arcs if a[0] == last}
            assert Counter(a[3].lower() for a in frame) == expected
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / shot))
        finally:
            browser.close()
    assert (ARTIFACTS / shot).stat().st_size > 5000
