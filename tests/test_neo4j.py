"""Neo4j as a store, against the real server scripts/test.sh starts: parity with the embedded
store, idempotent loading, all-or-nothing documents, read-only Cypher, clear errors."""

from __future__ import annotations

import json
import os

import pytest

from councilgraph.extract.pipeline import extract
from councilgraph.graph.export import to_json
from councilgraph.graph.ladybug_store import LadybugStore
from councilgraph.graph.model import Rel, RelType
from councilgraph.loaders import load
from councilgraph.queries import catalogue
from tests.conftest import SEEDS, cli, seed

pytestmark = pytest.mark.neo4j

SAMPLE = {"who": "director", "words": "course", "body": "committee", "name": "commissioner", "person": "russell",
          "due": "january", "owner": "cabinet", "requester": "committee", "a": "department for education", "b": "torbay"}


def ncli(runner, uri, *args):
    from councilgraph.cli import app

    return runner.invoke(app, ["--neo4j", uri, *args])


@pytest.fixture
def both(neo4j_store, seed_graphs, tmp_path):
    embedded = LadybugStore(tmp_path / "cg.db")
    graphs = list(seed_graphs.values())
    embedded.load(graphs)
    neo4j_store.load(graphs)
    yield embedded, neo4j_store
    embedded.close()


def test_every_canned_query_gives_the_same_rows_on_both_stores(both):
    embedded, neo4j = both
    nonempty = 0
    for q in catalogue().values():
        params = q.bind({k: SAMPLE[k] for k in q.params if k in SAMPLE})  # optional ones left out match anything
        a = embedded.query(q.text_for(embedded.kind), params).rows
        b = neo4j.query(q.text_for(neo4j.kind), params).rows
        assert a == b, q.name
        nonempty += bool(a)
    assert nonempty >= len(catalogue()) - 4  # each query gives rows on its own values: tests/test_queries_research.py


def test_whole_graph_is_the_same_on_both_stores(both):
    embedded, neo4j = both
    assert to_json(embedded.dump()) == to_json(neo4j.dump())


def test_ingest_twice_into_neo4j_changes_nothing(runner, neo4j_store, neo4j_uri):
    assert ncli(runner, neo4j_uri, "ingest", str(SEEDS)).exit_code == 0
    before = neo4j_store.counts()
    assert ncli(runner, neo4j_uri, "ingest", str(SEEDS)).exit_code == 0
    assert neo4j_store.counts() == before and before["Action"] > 0


def test_a_document_failing_halfway_leaves_nothing_of_itself(neo4j_store):
    good = extract(load(seed("004")))
    bad = extract(load(seed("003")))
    # a value Neo4j cannot store, on the last relationship: the nodes before it were already written
    last = list(bad.rels.values())[-1]
    bad.rels[last.id] = Rel(last.type, last.start, last.end, last.source, last.evidence, last.extractor, last.para,
                            {"date": {"not": "storable"}})
    report = neo4j_store.load([good, bad])
    assert report.documents == [good.source] and bad.source in report.failed
    left = neo4j_store.query("MATCH (n) WHERE $s IN n.sources RETURN count(n) AS c", {"s": bad.source}).rows
    rels = neo4j_store.query("MATCH ()-[r]->() WHERE r.source = $s RETURN count(r) AS c", {"s": bad.source}).rows
    assert left == [[0]] and rels == [[0]]
    assert neo4j_store.sources() == [good.source]


def test_failing_new_version_keeps_the_old_one(neo4j_store):
    doc = extract(load(seed("004")))
    neo4j_store.load([doc])
    before = neo4j_store.counts()
    broken = extract(load(seed("004")))
    r = next(iter(broken.rels.values()))
    broken.rels[r.id] = Rel(RelType(r.type), r.start, r.end, r.source, r.evidence, r.extractor, r.para,
                            {"outcome": {"x": 1}})
    assert neo4j_store.load([broken]).failed
    assert neo4j_store.counts() == before


def test_schema_has_id_constraints_and_the_full_text_index(neo4j_store):
    neo4j_store.schema()
    # SHOW is not a reading clause users may run; councilgraph itself may
    constraints = neo4j_store.query("SHOW CONSTRAINTS YIELD labelsOrTypes, properties RETURN labelsOrTypes, properties",
                                    read_only=False).rows
    assert sum(props == ["id"] for _, props in constraints) >= 9
    idx = neo4j_store.query("SHOW FULLTEXT INDEXES YIELD name RETURN name", read_only=False).rows
    assert ["councilgraph_text"] in idx


def test_who_owns_on_neo4j_uses_the_full_text_index_and_agrees(runner, neo4j_uri, seeded_store):
    assert ncli(runner, neo4j_uri, "ingest", str(SEEDS)).exit_code == 0
    for question in ("course on understanding children's data", "task group"):
        a = json.loads(ncli(runner, neo4j_uri, "who-owns", question, "--json").stdout)
        b = json.loads(cli(runner, seeded_store, "who-owns", question, "--json").stdout)
        assert a == b and a
    best = json.loads(ncli(runner, neo4j_uri, "who-owns", "course on understanding children's data", "--json").stdout)[0]
    assert best["owners"][0]["held_by"] == ["Nancy Meehan"]


def test_cypher_on_neo4j_runs_read_only(runner, neo4j_store, neo4j_uri):
    r = ncli(runner, neo4j_uri, "cypher", "CREATE (n:Person {id: 'x', name: 'Intruder'}) RETURN n")
    assert r.exit_code == 1 and r.stderr.startswith("Error: CREATE is not allowed: the store runs read-only Cypher")
    assert neo4j_store.counts()["Person"] == 0


def test_push_copies_the_embedded_store(runner, neo4j_store, neo4j_uri, seeded_store):
    from councilgraph.graph.store import open_store

    r = runner.invoke(__import__("councilgraph.cli", fromlist=["app"]).app,
                      ["--store", str(seeded_store), "push", "--to", neo4j_uri])
    assert r.exit_code == 0, r.output
    src = open_store(seeded_store, read_only=True)
    try:
        assert to_json(src.dump()) == to_json(neo4j_store.dump())
    finally:
        src.close()


def test_server_down_is_a_one_line_error(runner, tmp_path):
    r = ncli(runner, "bolt://127.0.0.1:9", "stats")
    assert r.exit_code == 1
    assert r.stderr.strip() == ("Error: cannot reach Neo4j at bolt://127.0.0.1:9: is the server running? "
                                "(docker/neo4j-local.sh start, or docker compose up in docker/)")


def test_neo4j_uri_from_the_environment(runner, neo4j_store, neo4j_uri, monkeypatch):
    monkeypatch.setenv("NEO4J_URI", neo4j_uri)
    from councilgraph.cli import app

    assert runner.invoke(app, ["ingest", str(seed("000"))]).exit_code == 0
    assert neo4j_store.sources() == [seed("000").resolve().as_posix()]
    assert os.environ["NEO4J_URI"] == neo4j_uri


@pytest.fixture(scope="module")
def auth_server():
    from tests.conftest import _server

    return _server("COUNCILGRAPH_TEST_NEO4J_AUTH", "a Neo4j with a password"), os.environ["COUNCILGRAPH_TEST_NEO4J_PASSWORD"]


def test_the_right_password_is_used_from_the_environment(runner, auth_server, monkeypatch):
    uri, password = auth_server
    monkeypatch.setenv("NEO4J_PASSWORD", password)
    assert ncli(runner, uri, "ingest", str(seed("003"))).exit_code == 0
    r = ncli(runner, uri, "who-owns", "course on understanding children's data", "--json")
    assert json.loads(r.stdout)[0]["owners"][0]["held_by"] == ["Nancy Meehan"]
    assert ncli(runner, uri, "remove", seed("003").name).exit_code == 0


def test_a_refused_password_is_a_one_line_error(runner, auth_server, monkeypatch):
    uri, _ = auth_server
    monkeypatch.setenv("NEO4J_PASSWORD", "not-the-password")
    r = ncli(runner, uri, "stats")
    assert r.exit_code == 1
    assert r.stderr.strip() == (f"Error: Neo4j at {uri} refused user 'neo4j': check NEO4J_USERNAME and NEO4J_PASSWORD")


def test_removing_a_document_takes_out_nodes_it_gave_no_relationship(neo4j_store):
    from councilgraph.loaders import discover
    from tests.conftest import CORPUS, corpus

    path, meta = next((p, m) for p, m in discover([CORPUS]) if p == corpus("024"))
    g = extract(load(path, meta))
    ends = {x for r in g.rels.values() for x in (r.start, r.end)}
    assert [n for n in g.nodes if n not in ends]  # the council is named by nothing but the manifest
    neo4j_store.load([g])
    assert neo4j_store.remove(g.source)
    assert sum(neo4j_store.counts().values()) == 0


def test_who_owns_with_a_very_long_question_works_on_neo4j(runner, neo4j_store, neo4j_uri):
    assert ncli(runner, neo4j_uri, "ingest", str(seed("003"))).exit_code == 0
    question = "course understanding children data " + " ".join(f"word{i} course" for i in range(3000))
    r = ncli(runner, neo4j_uri, "who-owns", question, "--json")
    assert "Error" not in r.stderr, r.output
    found = json.loads(r.stdout)
    assert isinstance(found, list) and r.exit_code == (0 if found else 1)  # (1: no action matches, as on the embedded)


def test_neo4j_dying_mid_ingest_says_which_documents_were_stored(runner, neo4j_store, neo4j_uri, monkeypatch):
    from neo4j.exceptions import ServiceUnavailable

    from councilgraph.graph import neo4j_store as module

    real, calls = module._write_documents, []

    def dies_after_the_first(tx, graphs, hashes, *made):
        calls.append(graphs)
        if len(calls) > 1:
            raise ServiceUnavailable("the server went away")
        return real(tx, graphs, hashes, *made)

    monkeypatch.setattr(module, "_write_documents", dies_after_the_first)
    monkeypatch.setattr(module, "TX_ROWS", 1)  # one document a transaction (issue 11 batches them)
    monkeypatch.setenv("COUNCILGRAPH_NEO4J_RETRY_S", "0.5")
    r = ncli(runner, neo4j_uri, "ingest", str(SEEDS), "--json")
    assert r.exit_code == 1
    out = json.loads(r.stdout)
    assert len(out["loaded"]) == 1 and neo4j_store.sources() == out["loaded"]
    lost = [e for e in out["errors"] if "not stored" in e and "Neo4j connection lost" in e]
    assert len(lost) == 4
    assert all(ln.startswith(("Error: ", "Warning: ")) for ln in r.stderr.splitlines() if ln.strip())


def test_check_on_neo4j_finds_every_document_whole(runner, neo4j_store, neo4j_uri):
    assert ncli(runner, neo4j_uri, "ingest", str(SEEDS)).exit_code == 0
    r = ncli(runner, neo4j_uri, "check", "--json")
    assert r.exit_code == 0, r.output
    out = json.loads(r.stdout)
    assert out["ok"] and out["documents"] == 5 and out["reingest"] == []
