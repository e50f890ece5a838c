"""The embedded store on its own: bulk loads into a growing graph, replacement, removal, transfer."""

from __future__ import annotations

import copy
import functools

from councilgraph.extract.pipeline import extract
from councilgraph.graph.export import GraphData, to_json
from councilgraph.graph.ladybug_store import LadybugStore
from councilgraph.graph.transfer import documents_of
from councilgraph.loaders import discover, load
from tests.conftest import CORPUS


@functools.cache
def _corpus():
    return [extract(load(p, m)) for p, m in discover([CORPUS])]


def _graphs():
    return copy.deepcopy(_corpus())


def test_one_document_at_a_time_equals_all_at_once(tmp_path):
    """Many COPYs into tables whose nodes already have relationships (Ofsted, DfE, councils)."""
    graphs = _graphs()
    a = LadybugStore(tmp_path / "a.db")
    for g in graphs:
        assert not a.load([g]).failed
    b = LadybugStore(tmp_path / "b.db")
    assert not b.load(graphs).failed
    assert to_json(a.dump()) == to_json(b.dump()) == to_json(GraphData.of(graphs))
    a.close()
    b.close()


def test_remove_then_load_in_one_session(tmp_path):
    graphs = _graphs()
    s = LadybugStore(tmp_path / "cg.db")
    s.load(graphs[:40])
    for g in graphs[:10]:
        assert s.remove(g.source)
    assert not s.load(graphs[40:]).failed
    assert not s.load(graphs[:10]).failed
    assert to_json(s.dump()) == to_json(GraphData.of(graphs))
    s.close()


def test_reloading_unchanged_documents_rewrites_no_fact(tmp_path):
    graphs = _graphs()
    s = LadybugStore(tmp_path / "cg.db")
    s.load(graphs)
    ids = sorted(p["id"] for *_, p in s.dump().rels)
    s.load(graphs)
    assert sorted(p["id"] for *_, p in s.dump().rels) == ids
    s.close()


def test_documents_of_a_dump_rebuild_the_same_graph(tmp_path):
    graphs = _graphs()
    s = LadybugStore(tmp_path / "a.db")
    s.load(graphs)
    dump = s.dump()
    s.close()
    t = LadybugStore(tmp_path / "b.db")
    t.load(documents_of(dump))
    assert to_json(t.dump()) == to_json(dump)
    t.close()
