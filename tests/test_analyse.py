"""`councilgraph analyse`: per-council accountability numbers, the chain above a post, the actors linking councils
and the most central actors, on real minutes."""

from __future__ import annotations

import json

import pytest

from councilgraph.analyse import analyse, bridges, central, chain, per_council
from councilgraph.errors import QueryError
from councilgraph.extract.pipeline import extract
from councilgraph.followup import refresh
from councilgraph.graph.export import GraphData
from councilgraph.ingest import plan
from councilgraph.loaders import load
from tests.conftest import cli, corpus, seed
from tests.test_followup import CASES, WSCC, _build


@pytest.fixture(scope="module")
def seeds_and_gloucestershire() -> GraphData:
    """Torbay's seed 003 and Gloucestershire's corpus page 015 both name the Department for Education."""
    docs = plan([seed("000"), seed("001"), seed("003"), corpus("015"), corpus("016")])
    return GraphData.of([extract(load(p, m)) for p, m in docs])


def test_per_council_counts_and_shares_follow_the_store(tmp_path):
    store = _build(CASES[1], tmp_path)  # West Sussex: seed 000, the invented January report, seed 001
    try:
        refresh(store)
        data = store.dump()
        statuses = store.query("MATCH (a:Action) WHERE a.council = $c RETURN a.status, count(*)", {"c": WSCC}).rows
        owned = store.query("MATCH (o)-[:OWNS]->(a:Action) WHERE a.council = $c RETURN count(DISTINCT a)", {"c": WSCC}).rows
    finally:
        store.close()
    [row] = [r for r in per_council(data) if r["council"] == WSCC]
    by_status = {s: n for s, n in statuses}
    assert row["actions"] == sum(by_status.values()) and row["owned"] == owned[0][0]
    assert row["reported"] == by_status.get("reported", 0) == 1
    assert row["share_reported"] == round(1 / row["actions"], 3)
    assert row["people"] >= 2 and row["posts"] >= 2  # Cllr Russell, Mr Clark, Ms Butler; their posts


def test_accountability_chain_above_a_post(seeds_and_gloucestershire):
    steps = chain(seeds_and_gloucestershire, "West Sussex Children’s Commissioner")
    assert steps[0]["relationship"] == "REPORTS_TO" and steps[0]["to"] == "Department for Education"
    assert steps[0]["source"].startswith("001_")
    appointed = chain(seeds_and_gloucestershire, "Children’s Services Intervention Advisor")
    assert ("APPOINTED_BY", "Department for Education") in {(s["relationship"], s["to"]) for s in appointed}
    with pytest.raises(QueryError):
        chain(seeds_and_gloucestershire, "Lord High Admiral")


def test_chain_ends_on_a_cycle():
    nodes = [("Body", {"id": f"body:{x}", "name": x, "sources": ["d.txt"]}) for x in "ABC"]
    rels = [("PART_OF", "body:A", "body:B", {"evidence": "A in B"}), ("PART_OF", "body:B", "body:C", {"evidence": "B in C"}),
            ("REPORTS_TO", "body:C", "body:A", {"evidence": "C to A"})]
    steps = chain(GraphData(nodes, rels), "A")
    assert [(s["from"], s["to"]) for s in steps] == [("A", "B"), ("B", "C")]


def test_actors_linking_two_councils(seeds_and_gloucestershire):
    found = bridges(seeds_and_gloucestershire, ("Torbay", "Gloucestershire"))
    dfe = [b for b in found if b["actor"] == "Department for Education"]
    assert dfe and {"Torbay Council", "Gloucestershire County Council"} <= set(dfe[0]["councils"])
    assert all(len(b["councils"]) >= 2 for b in bridges(seeds_and_gloucestershire))
    assert not bridges(seeds_and_gloucestershire, ("Torbay", "Atlantis"))


def test_central_actor_of_a_star_is_its_centre():
    nodes = [("Role", {"id": "role:hub", "name": "Hub", "sources": ["d"]})]
    nodes += [("Person", {"id": f"person:{i}", "name": f"P{i}", "sources": ["d"]}) for i in range(5)]
    rels = [("HOLDS", f"person:{i}", "role:hub", {}) for i in range(5)]
    top = central(GraphData(nodes, rels), 3)
    assert top[0]["actor"] == "Hub" and top[0]["betweenness"] == 1.0 and top[0]["degree"] == 5
    assert [r["betweenness"] for r in top] == sorted((r["betweenness"] for r in top), reverse=True)


def test_cli_analyse_json_and_tables(runner, seeded_store):
    r = cli(runner, seeded_store, "analyse", "--json", "--top", "4", "--above", "Cabinet Member")
    assert r.exit_code == 0, r.output
    found = json.loads(r.stdout)
    assert set(found) == {"councils", "central", "bridges", "chain"} and len(found["central"]) == 4
    assert found["chain"] and found["chain"][0]["from"] == "Cabinet Member"
    text = cli(runner, seeded_store, "analyse", "--top", "3").stdout
    assert "Per council" in text and "Most central actors" in text
    bad = cli(runner, seeded_store, "analyse", "--between", "Torbay")
    assert bad.exit_code != 0 and "exactly two" in bad.stderr
    assert analyse(GraphData())["councils"] == []
