"""The first load of an empty embedded store, staged on disk and copied once a table (graph/staging.py):
the same store as loading batch by batch (graph, content hashes, who-owns' word index), every document
all-or-nothing, unchanged documents skipped afterwards, nothing published before the write closes."""

from __future__ import annotations

import copy
import functools
import json
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from councilgraph import ingest as ingest_module
from councilgraph.graph import action_words, staging
from councilgraph.graph.check import check_embedded
from councilgraph.graph.export import GraphData, to_json
from councilgraph.graph.ladybug_store import LadybugStore, _leftovers, work_path
from councilgraph.graph.model import DocumentGraph, Label, Node, Rel, RelType, merged_nodes, node_key
from councilgraph.ingest import content_hash, ingest, plan
from tests.conftest import CORPUS, ROOT, SEEDS, cli
from tests.test_perf_behaviour import _awkward_graph, _graphs, _spoiled_embedded


@functools.cache
def _seeds_and_corpus() -> tuple[DocumentGraph, ...]:
    return tuple(_graphs(SEEDS) + _graphs(CORPUS))


def _docs() -> list[DocumentGraph]:
    return copy.deepcopy(list(_seeds_and_corpus()))


def _everything(store: LadybugStore) -> dict:
    """The graph as stored, with what the store keeps beside it: content hashes and the word index."""
    data = store.dump()
    out: dict = {"nodes": sorted(map(repr, data.nodes)), "rels": sorted(map(repr, data.rels)),
                 "docs": sorted(map(repr, store.query("MATCH (d:CgDocument) RETURN d.key, d.hash").rows))}
    out["words"] = sorted(map(repr, store.query(f"MATCH (w:{action_words.WORD}) RETURN w.key, w.word").rows))
    out["names"] = sorted(map(repr, store.query(f"MATCH (n:{action_words.NAME}) RETURN n.name").rows))
    for typ, a, b in ((action_words.PREFIX, "key", "key"), (action_words.WORD_OF, "key", "name"),
                      (action_words.NAMED, "name", "id")):
        out[typ] = sorted(map(repr, store.query(f"MATCH (a)-[r:{typ}]->(b) RETURN a.{a}, b.{b}").rows))
    out["named_ids"] = sorted(map(repr, store.query(f"MATCH ()-[r:{action_words.NAMED}]->(b) "
                                                    f"RETURN r.action = b.id").rows))
    return out


def _exported(path: Path) -> dict:
    """A store's graph as the JSON export gives it."""
    r = LadybugStore(path, read_only=True)
    try:
        return to_json(r.dump())
    finally:
        r.close()


def _read(path: Path) -> dict:
    r = LadybugStore(path, read_only=True)
    try:
        return _everything(r)
    finally:
        r.close()


@pytest.fixture
def stage_writes(monkeypatch) -> list[int]:
    """How many nodes each staged write copied (one entry a staged write)."""
    calls: list[int] = []
    real = staging.Stage.write
    monkeypatch.setattr(staging.Stage, "write", lambda self, conn: (calls.append(len(self.ids)), real(self, conn))[1])
    return calls


def _unstaged(monkeypatch) -> None:
    """Every write batch by batch, as a write into a store that holds documents already."""
    real = LadybugStore.begin
    monkeypatch.setattr(LadybugStore, "begin", lambda self, keys, stage=True: real(self, keys, stage=False))


def _batches(graphs: list[DocumentGraph], size: int) -> list[list[DocumentGraph]]:
    return [graphs[i:i + size] for i in range(0, len(graphs), size)]


def test_a_staged_first_ingest_is_the_store_the_per_batch_path_makes(tmp_path, monkeypatch, stage_writes):
    """The seeds and the corpus in batches of 7 documents into a new store: one staged write, and the
    same nodes, facts, content hashes and word index as when every batch is written as it comes."""
    docs = plan([SEEDS, CORPUS])
    monkeypatch.setattr(ingest_module, "BATCH", 7)
    staged = LadybugStore(tmp_path / "staged.db")
    try:
        report = ingest(staged, docs, jobs=1)
    finally:
        staged.close()
    assert len(report.loaded) == len(docs) and not report.errors
    assert len(stage_writes) == 1 and stage_writes[0] > 1000
    with monkeypatch.context() as m:
        _unstaged(m)
        batched = LadybugStore(tmp_path / "batched.db")
        try:
            again = ingest(batched, docs, jobs=1)
        finally:
            batched.close()
    assert len(stage_writes) == 1
    assert (report.nodes, report.relationships, report.labels) == (again.nodes, again.relationships, again.labels)
    got, want = _read(tmp_path / "staged.db"), _read(tmp_path / "batched.db")
    assert got == want
    assert len(got["docs"]) == len(docs) and got["names"] and got[action_words.NAMED]
    assert set(got["named_ids"]) == {"[True]"}
    hashes = {k: h for k, h in (eval(r) for r in got["docs"])}  # noqa: S307 - our own repr of two strings
    assert hashes == {ingest_module.document_key(p): content_hash(p, m) for p, m in docs}


def test_seeds_then_corpus_export_as_without_staging(tmp_path, runner, monkeypatch, stage_writes):
    """`ingest` of the seeds into a new store (staged), then of the corpus into it (batch by batch: the
    store holds documents), exports the JSON that both ingests batch by batch export; and `check` finds
    the store whole."""
    store, plain = tmp_path / "cg.db", tmp_path / "plain.db"
    for folder in (SEEDS, CORPUS):
        assert cli(runner, store, "ingest", str(folder)).exit_code == 0
    assert len(stage_writes) == 1  # the seeds' ingest only
    with monkeypatch.context() as m:
        _unstaged(m)
        for folder in (SEEDS, CORPUS):
            assert cli(runner, plain, "ingest", str(folder)).exit_code == 0
    out = {}
    for db in (store, plain):
        target = tmp_path / f"{db.stem}.json"
        assert cli(runner, db, "export", "--format", "json", "--output", str(target)).exit_code == 0
        out[db.stem] = json.loads(target.read_text(encoding="utf-8"))
    assert out["cg"] == out["plain"] and len(out["cg"]["nodes"]) > 1000
    assert _read(store) == _read(plain)
    report = check_embedded(store)
    assert report.ok and report.documents == len(plan([SEEDS, CORPUS]))


def test_a_document_refused_in_a_staged_batch_leaves_nothing_of_itself(tmp_path):
    """One document of a staged batch has a fact the schema refuses: it is reported and none of its
    facts, nodes of its own or content hash reach the store; the others are whole."""
    graphs = _graphs(SEEDS)
    bad = _spoiled_embedded(copy.deepcopy(graphs[1]))
    w = LadybugStore(tmp_path / "cg.db")
    w.begin([g.document for g in graphs])
    report = w.load([graphs[0], bad, *graphs[2:]], hashes={g.document: "h" for g in graphs})
    assert list(report.failed) == [bad.document]
    assert sorted(report.documents) == sorted(g.document for i, g in enumerate(graphs) if i != 1)
    w.close()
    others = [g for i, g in enumerate(graphs) if i != 1]
    ref = LadybugStore(tmp_path / "ref.db")
    assert not ref.load(others, hashes={g.document: "h" for g in others}).failed
    ref.close()
    got = _read(tmp_path / "cg.db")
    assert got == _read(tmp_path / "ref.db")
    r = LadybugStore(tmp_path / "cg.db", read_only=True)
    try:
        assert bad.document not in r.sources() and bad.document not in r.hashes()
        assert to_json(r.dump()) == to_json(GraphData.of(others))
        assert not [p for _, _, _, p in r.dump().rels if p["doc"] == bad.document]
    finally:
        r.close()


def test_unchanged_documents_are_skipped_after_a_staged_load(tmp_path, monkeypatch, stage_writes):
    docs = plan([SEEDS])
    store = LadybugStore(tmp_path / "cg.db")
    try:
        assert len(ingest(store, docs).loaded) == len(docs)
    finally:
        store.close()
    assert len(stage_writes) == 1
    read: list[Path] = []
    real = ingest_module._read
    monkeypatch.setattr(ingest_module, "_read", lambda job: read.append(job.path) or real(job))
    store = LadybugStore(tmp_path / "cg.db")
    try:
        report = ingest(store, docs)
        assert read == [] and report.loaded == [] and len(report.unchanged) == len(docs)
        assert store.hashes() == {ingest_module.document_key(p): content_hash(p, m) for p, m in docs}
    finally:
        store.close()
    assert len(stage_writes) == 1


_KILLED = """
import os, signal, sys
from pathlib import Path
from councilgraph.graph.ladybug_store import LadybugStore
from councilgraph.ingest import document_key, plan
from councilgraph.extract.pipeline import extract
from councilgraph.loaders import load
docs = plan([Path(sys.argv[2])])
graphs = [extract(load(p, m)).keyed(document_key(p)) for p, m in docs]
w = LadybugStore(Path(sys.argv[1]))
w.begin([g.document for g in graphs])
assert w._stage is not None
assert not w.load(graphs[:2]).failed and not w.load(graphs[2:]).failed
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_staged_write_killed_before_it_closes_publishes_nothing(tmp_path):
    """Killed after staging every document: the store stays as it was (empty), its staged files are an
    interrupted write's leftovers, which `check` (or the next writer) removes."""
    store = tmp_path / "cg.db"
    LadybugStore(store).close()  # an empty store, as an ingest that stored nothing leaves
    p = subprocess.run([sys.executable, "-c", _KILLED, str(store), str(SEEDS)], cwd=ROOT, capture_output=True,
                       text=True)
    assert p.returncode == -signal.SIGKILL, p.stderr[-2000:]
    left = _leftovers(work_path(store))
    assert any(".stage." in f.name for f in left)
    r = LadybugStore(store, read_only=True)
    try:
        assert r.sources() == [] and not r.dump().nodes
    finally:
        r.close()
    report = check_embedded(store)
    assert report.notes and not _leftovers(work_path(store))
    assert sorted(report.reingest) == sorted(ingest_module.document_key(q) for q, _ in plan([SEEDS]))


def test_awkward_values_through_the_staged_files(tmp_path):
    """Commas, quotes, line ends, the list separator, empty strings: nodes named first in one document
    and again in later ones (merged through the staged files, or held in memory where a CSV file cannot
    carry them) come back as the per-batch path stores them."""
    graphs = [_awkward_graph(f"doc{i}.txt", f"/minutes/doc{i}.txt") for i in range(3)]
    # A node staged as a plain row that a later document makes unfit for a CSV file (an alias holding the
    # separator, an empty string filled in), and one whose missing values a later document fills in.
    plain = node_key(Label.PERSON, "awk", "plain")
    later = node_key(Label.PERSON, "awk", "later")
    graphs[0].add_node(Node(plain, Label.PERSON, "Plain Person", {"aliases": ["P, Person"]}))
    graphs[0].add_node(Node(later, Label.PERSON, "Later Person", {}))
    graphs[1].add_node(Node(plain, Label.PERSON, "Plain Person", {"aliases": ["odd\x1falias"], "honorific": ""}))
    graphs[2].add_node(Node(later, Label.PERSON, "Later Person", {"honorific": "Dr", "council": "x, \"y\"\nz"}))
    item = next(n.id for n in graphs[2].nodes.values() if n.label is Label.AGENDA_ITEM)
    graphs[2].add_rel(Rel(RelType.INTRODUCED, later, item, "doc2.txt", "said: \"so\",\nthen", "test", "",
                          doc="/minutes/doc2.txt"))
    expected = to_json(GraphData.of(graphs))
    staged = LadybugStore(tmp_path / "staged.db")
    staged.begin([g.document for g in graphs])
    for g in graphs:
        assert not staged.load([g]).failed
    staged.close()
    batched = LadybugStore(tmp_path / "batched.db")
    for g in graphs:
        assert not batched.load([g]).failed
    batched.close()
    got = _read(tmp_path / "staged.db")
    assert got == _read(tmp_path / "batched.db")
    r = LadybugStore(tmp_path / "staged.db", read_only=True)
    try:
        assert to_json(r.dump()) == expected
        rows = {p["id"]: p for _, p in r.dump().nodes}
        assert rows[plain]["aliases"] == sorted(["P, Person", "odd\x1falias"]) and rows[plain]["honorific"] == ""
        assert rows[later]["council"] == "x, \"y\"\nz"
    finally:
        r.close()


def test_a_document_loaded_again_or_a_read_mid_write_ends_the_staging(tmp_path, stage_writes):
    """A read in the middle of a staged write (ingest's follow-ups) copies what is staged; later loads of the
    write, and a new version of a document staged before, go batch by batch: same store as without staging."""
    graphs = _docs()
    hub = max(graphs[:40], key=lambda g: len(g.nodes))
    edited = copy.deepcopy(hub)
    edited.rels.pop(next(iter(edited.rels)))
    stores = {}
    for name, stage in (("staged", True), ("batched", False)):
        w = LadybugStore(tmp_path / f"{name}.db")
        w.begin([g.document for g in graphs], stage=stage)
        assert not w.load(graphs[:40]).failed
        assert not w.load([edited]).failed  # loaded again in the same write: replaces the first version
        n = w.query("MATCH (n:AgendaItem) RETURN count(n)").rows[0][0]
        assert not w.load(graphs[40:]).failed
        w.close()
        stores[name] = (n, _read(tmp_path / f"{name}.db"))
    assert len(stage_writes) == 1
    assert stores["staged"] == stores["batched"]
    final = [edited if g.document == edited.document else g for g in graphs]
    assert _exported(tmp_path / "staged.db") == to_json(GraphData.of(final))


def test_a_store_that_holds_documents_is_not_staged(tmp_path, stage_writes):
    graphs = _graphs(SEEDS)
    w = LadybugStore(tmp_path / "cg.db")
    assert not w.load(graphs[:1]).failed
    w.close()
    w = LadybugStore(tmp_path / "cg.db")
    w.begin([g.document for g in graphs[1:]])
    assert w._stage is None
    assert not w.load(graphs[1:]).failed
    w.close()
    assert stage_writes == []
    assert _exported(tmp_path / "cg.db") == to_json(GraphData.of(graphs))


def test_only_rows_a_file_cannot_carry_are_held_in_memory(tmp_path):
    """The staged files carry every row but those with an empty string, a line end or a control
    character (which go in as query parameters): on the seeds and the corpus, a handful at most."""
    graphs = _docs()
    w = LadybugStore(tmp_path / "cg.db")
    w.begin([g.document for g in graphs])
    assert not w.load(graphs).failed
    stage = w._stage
    assert stage is not None

    def fits(v: object) -> bool:
        if isinstance(v, list):
            return all(fits(x) and "\x1f" not in x for x in v)
        return v != "" and not (isinstance(v, str) and any(c in v for c in "\n\r\x1d\x1e"))

    nodes = merged_nodes(graphs)
    unfit = {i for i, (_, row) in nodes.items() if not all(fits(v) for v in row.values())}
    assert set(stage._odd_nodes) == unfit and len(unfit) < len(nodes) // 20
    facts = [r for g in graphs for r in g.rels.values()]
    held = sum(len(v) for v in stage._odd_rels.values())
    assert held == sum(not all(fits(v) for v in r.row().values()) for r in facts) and held < len(facts) // 20
    w.close()
    assert _exported(tmp_path / "cg.db") == to_json(GraphData.of(graphs))


def test_checkpoints_between_the_tables_change_nothing(tmp_path, monkeypatch):
    """The staged write checkpoints and reopens the copy between tables as memory grows (at every table
    here): the same store as without."""
    monkeypatch.setattr(staging, "_SETTLE", -1)
    reopened: list[bool] = []
    real = LadybugStore._checkpoint
    monkeypatch.setattr(LadybugStore, "_checkpoint", lambda self, reopen: (reopened.append(reopen), real(self, reopen)))
    graphs = _docs()
    w = LadybugStore(tmp_path / "cg.db")
    w.begin([g.document for g in graphs])
    for batch in _batches(graphs, 20):
        assert not w.load(batch).failed
    w.close()
    assert reopened.count(True) > 20 and reopened[-1] is False
    ref = LadybugStore(tmp_path / "ref.db")
    for batch in _batches(graphs, 20):
        assert not ref.load(batch).failed
    ref.close()
    assert _read(tmp_path / "cg.db") == _read(tmp_path / "ref.db")
