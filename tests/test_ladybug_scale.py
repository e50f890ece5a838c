"""The embedded store's large-load behaviour: sources added to nodes already stored are written once
per write (`LadybugStore._flush_lists`), yet every reader, reload and the published store see them."""

from __future__ import annotations

import copy
import functools
from collections import Counter

import pytest

from councilgraph.errors import StoreError
from councilgraph.extract.pipeline import extract
from councilgraph.graph.export import GraphData, to_json
from councilgraph.graph.ladybug_store import LadybugStore
from councilgraph.graph.model import DocumentGraph
from councilgraph.loaders import discover, load
from tests.conftest import CORPUS


@functools.cache
def _corpus() -> list[DocumentGraph]:
    return [extract(load(p, m)) for p, m in discover([CORPUS])]


def _graphs() -> list[DocumentGraph]:
    return copy.deepcopy(_corpus())


def _hub(graphs: list[DocumentGraph]) -> str:
    """The node the most documents name (a council or a national body)."""
    counts = Counter(i for g in graphs for i in g.nodes)
    hub, n = counts.most_common(1)[0]
    assert n >= 4, "the corpus should have a node named by several documents"
    return hub


def _without(g: DocumentGraph, node_id: str) -> DocumentGraph:
    """A new version of a document that no longer names `node_id`."""
    g = copy.deepcopy(g)
    g.nodes.pop(node_id)
    g.rels = {k: r for k, r in g.rels.items() if node_id not in (r.start, r.end)}
    return g


def _sources(store: LadybugStore, node_id: str) -> list[str] | None:
    found = [p["sources"] for _, p in store.dump().nodes if p["id"] == node_id]
    return sorted(found[0]) if found else None


def test_sources_added_in_later_loads_reach_the_published_store(tmp_path):
    """Nothing reads the store between the loads: the sources a later load adds to a stored node are
    written when the writer closes, and a reader of the published store sees all of them."""
    graphs = _graphs()
    hub = _hub(graphs)
    third = len(graphs) // 3
    w = LadybugStore(tmp_path / "cg.db")
    for part in (graphs[:third], graphs[third:2 * third], graphs[2 * third:]):
        assert not w.load(part).failed
    w.close()
    r = LadybugStore(tmp_path / "cg.db", read_only=True)
    citing = sorted(g.document for g in graphs if hub in g.nodes)
    assert _sources(r, hub) == citing
    assert to_json(r.dump()) == to_json(GraphData.of(graphs))
    r.close()


def test_reloading_a_document_takes_its_old_sources_out(tmp_path):
    """New versions of two documents no longer name the hub: one loaded in the write's first load (the
    hub's stored sources hold it), one in a later load (its source is still waiting to be written).
    The hub keeps the other documents' sources, is not taken for an orphan, and the store equals a
    fresh load of the final versions."""
    graphs = _graphs()
    hub = _hub(graphs)
    citing = [i for i, g in enumerate(graphs) if hub in g.nodes]
    half = citing[len(citing) // 2]
    early, late = citing[0], citing[-1]  # in the first load and in the second
    w = LadybugStore(tmp_path / "cg.db")
    assert not w.load(graphs[:half]).failed
    assert not w.load(graphs[half:]).failed
    final = list(graphs)
    final[early], final[late] = _without(graphs[early], hub), _without(graphs[late], hub)
    assert not w.load([final[early], final[late]]).failed
    w.close()
    r = LadybugStore(tmp_path / "cg.db", read_only=True)
    kept = sorted(g.document for g in final if hub in g.nodes)
    assert graphs[early].document not in kept and graphs[late].document not in kept
    assert _sources(r, hub) == kept
    assert to_json(r.dump()) == to_json(GraphData.of(final))
    r.close()


def test_a_node_only_waiting_sources_hold_is_no_orphan(tmp_path):
    """A hub first named by one document, then by others in later loads of the same write: the first
    document's new version drops the hub, whose stored sources are then empty, but the later
    documents still name it."""
    graphs = _graphs()
    hub = _hub(graphs)
    citing = [g for g in graphs if hub in g.nodes]
    w = LadybugStore(tmp_path / "cg.db")
    assert not w.load([citing[0]]).failed
    for g in citing[1:]:
        assert not w.load([g]).failed
    assert not w.load([_without(citing[0], hub)]).failed
    assert _sources(w, hub) == sorted(g.document for g in citing[1:])
    w.close()


def test_a_full_buffer_pool_stops_the_load_instead_of_retrying_each_document(tmp_path, monkeypatch):
    """LadybugDB is unsound after it runs out of buffer pool mid-write (a native crash followed when the
    documents were retried one by one): the load stops with a StoreError and the store is unchanged."""
    graphs = _graphs()
    w = LadybugStore(tmp_path / "cg.db")
    assert not w.load(graphs[:5]).failed
    w.close()
    w = LadybugStore(tmp_path / "cg.db")
    real = w.conn.execute
    calls = Counter()

    def execute(q, params=None):
        if q.startswith("COPY"):
            calls["copy"] += 1
            raise RuntimeError("Buffer manager exception: Unable to allocate memory! The buffer pool is full "
                               "and no memory could be freed!")
        return real(q, params) if params is not None else real(q)

    monkeypatch.setattr(w.conn, "execute", execute)
    with pytest.raises(StoreError, match="buffer pool"):
        w.load(graphs[5:20])
    assert calls["copy"] == 1
    monkeypatch.undo()
    w.abandon()
    r = LadybugStore(tmp_path / "cg.db", read_only=True)
    assert sorted(r.sources()) == sorted(g.document for g in graphs[:5])
    r.close()


def test_a_later_write_fills_in_what_stored_nodes_lack(tmp_path):
    """Half the documents in one write, the rest in another: nodes stored by the first write get the
    values the second one's documents give them (and keep those they had), as one load would."""
    graphs = _graphs()
    half = len(graphs) // 2
    for part in (graphs[:half], graphs[half:]):
        w = LadybugStore(tmp_path / "cg.db")
        assert not w.load(part).failed
        w.close()
    r = LadybugStore(tmp_path / "cg.db", read_only=True)
    assert to_json(r.dump()) == to_json(GraphData.of(graphs))
    r.close()


def test_checkpoints_in_the_middle_of_a_write_change_nothing(tmp_path, monkeypatch):
    """A checkpoint after every load (as a long load makes once the engine's buffer pool fills)."""
    import councilgraph.graph.ladybug_store as ls

    monkeypatch.setattr(ls, "_POOL_CHECKPOINT", 0.0)
    graphs = _graphs()
    w = LadybugStore(tmp_path / "cg.db")
    wal = ls.work_path(tmp_path / "cg.db").with_name("cg.db.work.wal")
    for i in range(0, len(graphs), 10):
        assert not w.load(graphs[i:i + 10]).failed
        assert not wal.exists() or wal.stat().st_size == 0
    w.close()
    r = LadybugStore(tmp_path / "cg.db", read_only=True)
    assert to_json(r.dump()) == to_json(GraphData.of(graphs))
    r.close()
