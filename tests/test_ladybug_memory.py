"""The embedded writer's memory measures (`LadybugStore._checkpoint`, `_give_back`): a long write
checkpoints before it writes the sources it held, and returns freed memory to the system; neither
changes what is stored."""

from __future__ import annotations

import copy
import functools

from councilgraph.extract.pipeline import extract
from councilgraph.graph import ladybug_store as ls
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


def _published(tmp_path) -> str:
    r = LadybugStore(tmp_path / "cg.db", read_only=True)
    try:
        return to_json(r.dump())
    finally:
        r.close()


def test_a_long_write_checkpoints_before_writing_held_sources(tmp_path, monkeypatch):
    """With more held sources than one statement writes, `close` checkpoints and reopens the copy first,
    then writes them: the published store is the graph of all the documents, as with one load."""
    monkeypatch.setattr(ls, "_CHUNK_STRINGS", 1)
    calls: list[bool] = []
    real = LadybugStore._checkpoint

    def spy(self, reopen):
        calls.append(bool(self._more))
        real(self, reopen)

    monkeypatch.setattr(LadybugStore, "_checkpoint", spy)
    graphs = _graphs()
    w = LadybugStore(tmp_path / "cg.db")
    third = len(graphs) // 3
    for part in (graphs[:third], graphs[third:2 * third], graphs[2 * third:]):
        assert not w.load(part).failed
    assert ls._held(w._more) > 1  # later loads named nodes stored by earlier ones
    w.close()
    # two checkpoints at close: the first with the sources still held, the last after they were written
    assert calls[-2:] == [True, False]
    assert _published(tmp_path) == to_json(GraphData.of(graphs))


def test_a_read_during_a_long_write_checkpoints_before_writing_held_sources(tmp_path, monkeypatch):
    """`councilgraph ingest` reads the store (follow-ups) before it closes: the held sources are written
    then, after the same checkpoint, and the reader sees them all."""
    monkeypatch.setattr(ls, "_CHUNK_STRINGS", 1)
    calls: list[bool] = []
    real = LadybugStore._checkpoint
    monkeypatch.setattr(LadybugStore, "_checkpoint", lambda self, reopen: (calls.append(bool(self._more)),
                                                                          real(self, reopen)))
    graphs = _graphs()
    half = len(graphs) // 2
    w = LadybugStore(tmp_path / "cg.db")
    for part in (graphs[:half], graphs[half:]):
        assert not w.load(part).failed
    n = w.query("MATCH (n) WHERE size(n.sources) > 0 RETURN count(n)").rows[0][0]
    assert calls == [True] and not w._more
    assert n == len({i for g in graphs for i in g.nodes})
    w.close()
    assert calls == [True, False]
    assert _published(tmp_path) == to_json(GraphData.of(graphs))


def test_a_short_write_checkpoints_once(tmp_path, monkeypatch):
    calls: list[bool] = []
    real = LadybugStore._checkpoint
    monkeypatch.setattr(LadybugStore, "_checkpoint", lambda self, reopen: (calls.append(reopen), real(self, reopen)))
    graphs = _graphs()
    w = LadybugStore(tmp_path / "cg.db")
    assert not w.load(graphs[:5]).failed
    assert not w.load(graphs[5:10]).failed
    w.close()
    assert calls == [False]
    assert _published(tmp_path) == to_json(GraphData.of(graphs[:10]))


def test_freed_memory_is_given_back_at_every_reopen(tmp_path, monkeypatch):
    """A checkpoint after every load (the pool share set to 0): each one returns the freed memory
    before the checkpoint and after closing the database, and the store is unchanged by it."""
    monkeypatch.setattr(ls, "_POOL_CHECKPOINT", 0.0)
    given: list[int] = []
    real = ls._give_back
    monkeypatch.setattr(ls, "_give_back", lambda: (given.append(1), real()))
    graphs = _graphs()
    w = LadybugStore(tmp_path / "cg.db")
    loads = 0
    for i in range(0, len(graphs), 20):
        assert not w.load(graphs[i:i + 20]).failed
        loads += 1
    assert len(given) >= 2 * loads
    w.close()
    assert _published(tmp_path) == to_json(GraphData.of(graphs))


def test_give_back_is_harmless_to_call_any_time():
    ls._give_back()
    ls._give_back()
    assert ls._TRIM is not None
