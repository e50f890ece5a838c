"""Behaviour of the fast paths (issue 11): unchanged documents skipped by content hash, every document
all-or-nothing when many load in one transaction, extraction in worker processes giving the same graph,
and the neo4j-admin export importing into the bundled server as the same graph the loader makes.
Speed itself is measured by scripts/benchmark.py, not here."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
from pathlib import Path

import pytest

from councilgraph import ingest as ingest_module
from councilgraph.extract.pipeline import extract
from councilgraph.graph.export import GraphData, to_json
from councilgraph.graph.ladybug_store import LadybugStore
from councilgraph.graph.model import DocumentGraph, Label, Node, Rel, RelType, merged_nodes, node_key
from councilgraph.ingest import document_key, ingest, plan
from councilgraph.loaders import load
from tests.conftest import CORPUS, ROOT, SEEDS, cli

NEO4J = os.environ.get("COUNCILGRAPH_TEST_NEO4J")


def _graphs(folder: Path):
    return [extract(load(p, m)).keyed(document_key(p)) for p, m in plan([folder])]


def _spoiled(g):
    """The document with a value no store can hold on its last fact."""
    last = list(g.rels.values())[-1]
    g.rels[last.key] = Rel(last.type, last.start, last.end, last.source, last.evidence, last.extractor, last.para,
                           {"date": {"not": "storable"}}, last.doc)
    return g


def _spoiled_embedded(g):
    """The document with a fact the embedded store's schema refuses (HOLDS to an agenda item), last."""
    person = next(n for n in g.nodes.values() if n.label.value == "Person")
    item = next(n for n in g.nodes.values() if n.label.value == "AgendaItem")
    last = list(g.rels.values())[-1]
    bad = Rel(RelType.HOLDS, person.id, item.id, last.source, last.evidence, last.extractor, last.para, {}, last.doc)
    g.rels[bad.key] = bad
    return g


def test_unchanged_documents_are_skipped_and_reported(runner, tmp_path):
    folder = tmp_path / "minutes"
    shutil.copytree(SEEDS, folder)
    store = tmp_path / "cg.db"
    first = cli(runner, store, "ingest", str(folder), "--json")
    assert first.exit_code == 0, first.output
    assert len(json.loads(first.stdout)["loaded"]) == 5
    before = to_json(LadybugStore(store, read_only=True).dump())

    again = cli(runner, store, "ingest", str(folder), "--json")
    out = json.loads(again.stdout)
    assert again.exit_code == 0 and out["loaded"] == [] and len(out["unchanged"]) == 5
    assert to_json(LadybugStore(store, read_only=True).dump()) == before

    changed = sorted(folder.glob("*.txt"))[2]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    out = json.loads(cli(runner, store, "ingest", str(folder), "--json").stdout)
    assert out["loaded"] == [document_key(changed)] and len(out["unchanged"]) == 4

    # other metadata is another graph: the option makes every document read again
    out = json.loads(cli(runner, store, "ingest", str(folder), "--council", "Torbay Council", "--json").stdout)
    assert len(out["loaded"]) == 5 and out["unchanged"] == []


def test_an_unchanged_document_is_not_even_read(tmp_path, monkeypatch):
    folder = tmp_path / "minutes"
    shutil.copytree(SEEDS, folder)
    store = LadybugStore(tmp_path / "cg.db")
    try:
        assert len(ingest(store, plan([folder])).loaded) == 5
        read = []
        real = ingest_module._read
        monkeypatch.setattr(ingest_module, "_read", lambda job: read.append(job.path) or real(job))
        report = ingest(store, plan([folder]))
        assert read == [] and report.loaded == [] and len(report.unchanged) == 5
    finally:
        store.close()
    # a new store (or one that lost the document) has no hash for it: read again
    other = LadybugStore(tmp_path / "other.db")
    try:
        assert len(ingest(other, plan([folder])).loaded) == 5
    finally:
        other.close()


def test_a_spoiled_document_in_a_batch_leaves_the_others_whole_embedded(tmp_path):
    graphs = _graphs(SEEDS)
    store = LadybugStore(tmp_path / "cg.db")
    try:
        assert not store.load([graphs[1]]).failed  # an old version of the document to be spoiled
        old = to_json(store.dump())
        fresh = _graphs(SEEDS)
        report = store.load([*fresh[:1], _spoiled_embedded(fresh[1]), *fresh[2:]])
        assert list(report.failed) == [graphs[1].document]
        assert sorted(report.documents) == sorted(g.document for i, g in enumerate(graphs) if i != 1)
        store.close()
        whole = LadybugStore(tmp_path / "whole.db")
        assert not whole.load([graphs[1]]).failed and not whole.load([g for i, g in enumerate(graphs) if i != 1]).failed
        expected = to_json(whole.dump())
        whole.close()
        store = LadybugStore(tmp_path / "cg.db", read_only=True)
        assert to_json(store.dump()) == expected  # the spoiled one is as it was, the others complete
        assert old != expected
    finally:
        store.close()


def test_extraction_in_worker_processes_gives_the_same_graph(tmp_path):
    docs = plan([CORPUS])
    assert len(docs) >= ingest_module.POOL_MIN
    one, many = LadybugStore(tmp_path / "one.db"), LadybugStore(tmp_path / "many.db")
    try:
        a = ingest(one, docs, jobs=1)
        b = ingest(many, docs, jobs=2)
        assert a.loaded == b.loaded and a.errors == b.errors and a.labels == b.labels
        assert to_json(one.dump()) == to_json(many.dump())
    finally:
        one.close()
        many.close()


def test_batches_bound_the_documents_held(tmp_path, monkeypatch):
    """Loads happen every BATCH documents, not once at the end."""
    monkeypatch.setattr(ingest_module, "BATCH", 2)
    store = LadybugStore(tmp_path / "cg.db")
    sizes = []
    real = store.load
    monkeypatch.setattr(store, "load", lambda graphs, **kw: sizes.append(len(graphs)) or real(graphs, **kw))
    try:
        report = ingest(store, plan([SEEDS]))
    finally:
        store.close()
    assert len(report.loaded) == 5 and sizes == [2, 2, 1]


@pytest.mark.skipif(not NEO4J, reason="COUNCILGRAPH_TEST_NEO4J not set (scripts/test.sh starts Neo4j)")
def test_a_spoiled_document_in_a_neo4j_transaction_leaves_the_others_whole():
    from councilgraph.graph import neo4j_store as module

    store = module.Neo4jStore(NEO4J)
    try:
        store.clear()
        graphs = _graphs(SEEDS)
        assert not store.load([graphs[1]]).failed
        fresh = _graphs(SEEDS)
        calls = []
        real = module._write_documents
        module._write_documents = lambda tx, gs, h, *made: calls.append(len(gs)) or real(tx, gs, h, *made)
        try:
            report = store.load([*fresh[:1], _spoiled(fresh[1]), *fresh[2:]], hashes={g.document: "h" for g in fresh})
        finally:
            module._write_documents = real
        assert calls[0] == 5 and calls[1:] == [1] * 5  # one transaction for all, then one a document
        assert list(report.failed) == [graphs[1].document]
        ref = LadybugStore(Path(os.environ.get("TMPDIR", "/tmp")) / f"cg-perf-{os.getpid()}.db")
        try:
            ref.load([graphs[1]])
            ref.load([g for i, g in enumerate(graphs) if i != 1])
            assert to_json(store.dump()) == to_json(ref.dump())
        finally:
            ref.abandon()
        hashes = store.hashes()
        assert hashes[graphs[1].document] == "" and hashes[graphs[0].document] == "h"
    finally:
        store.clear()
        store.close()


def _neo4j_lib() -> Path | None:
    for d in (os.environ.get("COUNCILGRAPH_TEST_NEO4J_LIB"), ROOT / ".neo4j-local" / "lib", ROOT / ".neo4j-perf" / "lib"):
        if d and (Path(d) / ".complete").exists():
            return Path(d)
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.skipif(not NEO4J or _neo4j_lib() is None,
                    reason="needs COUNCILGRAPH_TEST_NEO4J and the bundled server's jars (docker/neo4j-local.sh)")
def test_neo4j_admin_files_import_into_the_bundled_server_as_the_loaders_graph(runner, tmp_path):
    from councilgraph.graph.neo4j_store import Neo4jStore

    lib = _neo4j_lib()
    store = tmp_path / "cg.db"
    assert cli(runner, store, "ingest", str(SEEDS)).exit_code == 0
    out = tmp_path / "admin"
    r = cli(runner, store, "export", "--format", "neo4j-admin", "--output", str(out))
    assert r.exit_code == 0, r.output
    assert (out / "import.sh").exists() and (out / "nodes-Person.header.csv").exists()

    home = tmp_path / "neo4j"
    (home / "lib").parent.mkdir(parents=True)
    (home / "lib").symlink_to(lib)
    bolt, http = _free_port(), _free_port()
    env = {**os.environ, "NEO4J_HOME_DIR": str(home), "NEO4J_BOLT_PORT": str(bolt), "NEO4J_HTTP_PORT": str(http),
           "NEO4J_HEAP": "512m"}
    env.pop("NEO4J_PASSWORD", None)
    script = ROOT / "docker" / "neo4j-local.sh"
    # the server's own configuration (the script writes it on start): the import goes where it reads
    (home / "conf").mkdir()
    (home / "conf" / "neo4j.conf").write_text(f"server.directories.data={home}/data\n", encoding="utf-8")
    java = [str(Path(os.environ["JAVA_HOME"]) / "bin" / "java") if os.environ.get("JAVA_HOME") else "java"]
    imp = subprocess.run(["sh", str(out / "import.sh")], capture_output=True, text=True, timeout=300,
                         env={**env, "NEO4J_HOME": str(home), "NEO4J_CONF": str(home / "conf"),
                              "NEO4J_ADMIN": _admin_wrapper(tmp_path, java, lib)})
    assert imp.returncode == 0, imp.stdout[-2000:] + imp.stderr[-2000:]
    started = subprocess.run(["bash", str(script), "start"], env=env, capture_output=True, text=True, timeout=300)
    try:
        assert started.returncode == 0, started.stderr[-2000:]
        imported = Neo4jStore(f"bolt://127.0.0.1:{bolt}")
        try:
            imported.schema()
            got = to_json(imported.dump())
        finally:
            imported.close()
    finally:
        subprocess.run(["bash", str(script), "stop"], env=env, capture_output=True, timeout=120)
    loader = Neo4jStore(NEO4J)
    try:
        loader.clear()
        from councilgraph.cli import app

        assert runner.invoke(app, ["--neo4j", NEO4J, "ingest", str(SEEDS)]).exit_code == 0
        assert got == to_json(loader.dump())
        assert got == to_json(LadybugStore(store, read_only=True).dump())
    finally:
        loader.clear()
        loader.close()


def _admin_wrapper(tmp: Path, java: list[str], lib: Path) -> str:
    """A `neo4j-admin` for the bundled jars (the Maven artefacts have no launcher script)."""
    w = tmp / "neo4j-admin"
    w.write_text(f'#!/bin/sh\nexec {" ".join(java)} -cp "{lib}/*" org.neo4j.cli.AdminTool "$@"\n', encoding="utf-8")
    w.chmod(0o755)
    return str(w)


def _awkward_graph(name: str, key: str) -> DocumentGraph:
    """A document whose nodes hold every value a CSV file could spoil: commas, quotes, brackets,
    newlines, backslashes, numbers and booleans as text, empty strings, the list separator itself."""
    g = DocumentGraph(name, key=key)
    awkward = ['Smith, "Jo"', "[Cllr] O'Neil\\", "line\nbreak\r\nand more", "2", "007", "true", "1e3", " spaced ",
               "semi;colon|pipe", "sep\x1finside"]
    for i, text in enumerate(awkward):
        g.add_node(Node(node_key(Label.PERSON, "awk", f"p{i}"), Label.PERSON, text,
                        {"aliases": [text, f"{text} alias", "x, y"], "honorific": text, "council": "2"}))
    g.add_node(Node(node_key(Label.PERSON, "awk", "empty"), Label.PERSON, "Empty Props",
                    {"honorific": "", "aliases": []}))
    item = g.add_node(Node(node_key(Label.AGENDA_ITEM, f"{name}", "1"), Label.AGENDA_ITEM, "Item 1",
                           {"number": "1", "source": name, "date": "2020-01-02"}))
    for i, text in enumerate(awkward):  # facts too: CSV files read in parallel only without line ends
        g.add_rel(Rel(RelType.INTRODUCED, node_key(Label.PERSON, "awk", f"p{i}"), item.id, name, text, "test", "2"))
    return g


def test_node_values_survive_the_bulk_path_unchanged(tmp_path):
    """New nodes and facts go in through CSV files: every awkward value comes back as given, whether
    the node is new, named again by a later document, or loaded in the same batch as others."""
    graphs = [_awkward_graph(f"doc{i}.txt", f"/minutes/doc{i}.txt") for i in range(3)]
    expected = to_json(GraphData.of(graphs))
    one = LadybugStore(tmp_path / "one.db")
    for g in graphs:
        assert not one.load([g]).failed
    together = LadybugStore(tmp_path / "together.db")
    assert not together.load(graphs).failed
    assert to_json(one.dump()) == to_json(together.dump()) == expected
    one.close()
    together.close()


def test_merged_nodes_is_the_merge_rule_on_real_minutes():
    """`merged_nodes` merges a repeated node without building its row: the result is the rule applied
    row by row (lists accumulate, every other property keeps its first value)."""
    graphs = _graphs(CORPUS) + _graphs(SEEDS)
    expected: dict = {}
    for g in graphs:
        for n in g.nodes.values():
            row = n.row()
            have = expected.setdefault(n.id, (n.label, row))[1]
            if have is row:
                continue
            for k, v in row.items():
                if k in ("sources", "aliases"):
                    have[k] = sorted({*have[k], *v})
                elif have[k] is None:
                    have[k] = v
    assert any(len(row["sources"]) > 5 for _, row in expected.values())  # nodes named by many documents
    assert merged_nodes(graphs) == expected
