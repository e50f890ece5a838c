"""A researcher's answers (issue 10): parameters matched as typed, council/meeting/evidence/source in
every row, CSV out, connection as a route, schema and sources, on the real seeds and corpus."""

from __future__ import annotations

import csv
import io
import json
import os

import pytest

from councilgraph.graph.search import node_search, search_key
from councilgraph.queries import catalogue
from tests.conftest import CORPUS, SEEDS, cli

#: A value for every canned query's parameters, typed as a person types (straight quotes, hyphens).
TYPED = {"who": "Director of Children's Services", "words": "course on understanding children's data",
         "body": "Children and Young People's Overview and Scrutiny Board", "name": "department for education",
         "person": "russell", "due": "7 january", "owner": "Cabinet Member", "requester": "committee",
         "a": "Department for Education", "b": "council", "council": "", "status": "", }
#: Where one value cannot serve every query that takes the parameter.
TYPED_FOR = {"actions": {"owner": "Director of Children's Services", "requester": "Overview and Scrutiny", "due": ""},
             "people": {"name": "Nigel Richardson"}, "decisions-of-body": {"body": "committee"},
             "promise-trail": {"words": "number of referrals"}, "reports-to-chain": {"name": "Children's Commissioner"}}


def typed(q) -> dict[str, str]:
    values = {**TYPED, **TYPED_FOR.get(q.name, {})}
    return {k: values[k] for k in q.params if values.get(k) or not q.optional(k)}


#: Facts carry their sentence and document; every row says where (council) it comes from.
PLACE = {"council"}
FACT = {"evidence"}
SOURCE = {"source", "sources"}
AGGREGATES = {"open-actions-per-council", "councils", "overdue-actions"}  # counts, not facts


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory):
    from typer.testing import CliRunner

    store = tmp_path_factory.mktemp("corpus") / "cg.db"
    r = cli(CliRunner(), store, "ingest", str(CORPUS))
    assert r.exit_code == 0, r.output
    return store


def run(runner, store, query_name, **params):
    args = ["query", query_name, "--json"]
    for k, v in params.items():
        args += ["--param", f"{k}={v}"]
    r = cli(runner, store, *args)
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


def test_search_key_folds_what_people_type_differently():
    curly = "Director of Children’s  Services – Torbay"
    assert search_key(curly) == search_key("director of childrens services - TORBAY") == search_key(
        "Director of Children's Services Torbay")
    assert search_key("“Looked-after” children") == search_key('"looked after" children')
    assert node_search("Department for Education", ["DfE", "DFE"]) == "department for education|dfe"  # (stores: name only)


def test_readme_example_returns_the_directors_actions_on_the_seeds(runner, seeded_store):
    rows = run(runner, seeded_store, "actions-owned-by", who="Director of Children's Services")
    assert rows and all(search_key("Director of Children's Services") in search_key(r["owner"]) for r in rows)
    torbay = [r for r in rows if r["council"] == "Torbay Council"]
    assert any("re-run a course" in r["action"] for r in torbay)
    assert all(r["evidence"] and r["source"] for r in rows)


@pytest.mark.parametrize("name", sorted(catalogue()))
def test_every_canned_query_typed_plainly_gets_rows_with_where_and_evidence(runner, seeded_store, name):
    q = catalogue()[name]
    params = typed(q)
    rows = run(runner, seeded_store, name, **params)
    assert rows, f"{name} {params}"
    cols = set(rows[0])
    assert PLACE <= cols, name
    if name not in AGGREGATES:
        assert FACT <= cols and cols & SOURCE, name
        for r in rows:
            assert r["evidence"], (name, r)
            assert r.get("source") or r.get("sources"), (name, r)


def test_curly_and_straight_apostrophes_give_the_same_rows(runner, seeded_store):
    for name, key, typed in (("actions-owned-by", "who", "Director of Children’s Services"),
                             ("body-requests", "body", "Children and Young People’s Overview")):
        straight = run(runner, seeded_store, name, **{key: typed.replace("’", "'")})
        curly = run(runner, seeded_store, name, **{key: typed})
        upper = run(runner, seeded_store, name, **{key: typed.upper().replace("’", "'")})
        assert straight == curly == upper and straight


def test_corpus_rows_name_the_committee_date_and_url(runner, corpus_store):
    rows = run(runner, corpus_store, "actions", council="Cheshire East")
    assert rows and all(r["council"] == "Cheshire East Council" for r in rows)
    assert any(r["body"] and r["body"] != "Committee" and r["date"] and r["url"].startswith("https://") for r in rows)
    manifest = {r["file"]: r["source"] for r in csv.DictReader((CORPUS / "manifest.csv").open(encoding="utf-8"))}
    assert all(r["url"] == manifest[r["source"]] for r in rows if r["url"])
    assert all(r["url"] for r in rows if manifest[r["source"]].startswith("http"))


def test_actions_filters_by_owner_status_and_words(runner, corpus_store):
    every = run(runner, corpus_store, "actions")
    assert len({(r["action"], r["source"]) for r in every}) >= 70
    owned = run(runner, corpus_store, "actions", owner="director")
    assert owned and all("director" in search_key(r["owner"]) for r in owned)
    assert len(owned) < len(every)
    open_ = run(runner, corpus_store, "actions", status="open")
    assert open_ and all(r["status"] == "open" for r in open_)


def test_councils_and_people(runner, corpus_store):
    councils = {r["council"]: r for r in run(runner, corpus_store, "councils")}
    manifest = {r["council"] for r in csv.DictReader((CORPUS / "manifest.csv").open(encoding="utf-8"))}
    assert len(manifest & set(councils)) >= 30
    assert sum(r["actions"] for r in councils.values()) > 0 and sum(r["people"] for r in councils.values()) > 0
    people = run(runner, corpus_store, "people", council="barnsley")
    assert people and all(r["council"] == "Barnsley Metropolitan Borough Council" for r in people)


def test_connection_between_dfe_and_a_council_is_a_route_of_facts(runner, seeded_store):
    rows = run(runner, seeded_store, "connection", a="Department for Education", b="Torbay Council")
    assert rows
    for r in rows:
        assert r["from_actor"] == "Department for Education" and "Council" in r["to_actor"]
        assert len(r["steps"]) == len(r["evidence"]) == len(r["sources"]) == r["hops"] == len(r["route"]) - 1
        assert "MENTIONS" not in r["steps"] and all(r["evidence"]) and all(r["sources"])
    via = cli(runner, seeded_store, "query", "connection", "--via-mentions", "--json",
              "-p", "a=Department for Education", "-p", "b=Torbay Council")
    assert any("MENTIONS" in r["steps"] for r in json.loads(via.stdout))


def test_connection_endpoints_are_actors_only(runner, seeded_store):
    # "course" is in an action's text, and no actor's name: no endpoint, no route
    assert run(runner, seeded_store, "connection", a="course", b="council") == []


def test_csv_has_the_json_columns(runner, seeded_store):
    args = ["query", "actions-owned-by", "-p", "who=Director of Children's Services"]
    as_json = json.loads(cli(runner, seeded_store, *args, "--json").stdout)
    r = cli(runner, seeded_store, *args, "--csv")
    assert r.exit_code == 0
    table = list(csv.DictReader(io.StringIO(r.stdout)))
    assert list(table[0]) == list(as_json[0]) and len(table) == len(as_json)
    assert table[0]["evidence"] == as_json[0]["evidence"]
    who = list(csv.DictReader(io.StringIO(cli(runner, seeded_store, "who-owns", "task group", "--csv").stdout)))
    assert who and who[0]["evidence"] and "owners" in who[0]


def test_sources_csv_is_a_table_a_spreadsheet_reads(runner, seeded_store):
    r = cli(runner, seeded_store, "sources", "--csv")
    rows = list(csv.reader(io.StringIO(r.stdout)))
    assert rows[0] == ["document", "file", "council", "body", "date", "url", "items", "actions", "decisions", "facts"]
    assert len(rows) == 1 + 5 and all(len(row) == len(rows[0]) for row in rows)  # the five seeds, one row each
    assert sorted(row[1] for row in rows[1:]) == sorted(p.name for p in SEEDS.glob("*.txt"))


def test_export_csv_writes_a_file_per_label_and_type(runner, seeded_store, tmp_path):
    out = tmp_path / "csv"
    assert cli(runner, seeded_store, "export", "--format", "csv", "--output", str(out)).exit_code == 0
    stats = json.loads(cli(runner, seeded_store, "stats", "--json").stdout)
    for name, count in stats.items():
        prefix = "nodes" if name[0].islower() is False and not name.isupper() else "rels"
        f = out / f"{prefix}-{name}.csv"
        assert (count == 0) != f.exists(), name
        if count:
            rows = list(csv.DictReader(f.open(encoding="utf-8")))
            assert len(rows) == count and all(r["id"] for r in rows)
            if prefix == "rels":
                assert all(r["start"] and r["end"] and r["evidence"] for r in rows)


def test_sources_list_file_council_date_url_and_counts(runner, corpus_store):
    rows = json.loads(cli(runner, corpus_store, "sources", "--json").stdout)
    assert len(rows) == len(list(CORPUS.glob("*.txt")))
    manifest = {r["file"]: r for r in csv.DictReader((CORPUS / "manifest.csv").open(encoding="utf-8"))}
    for r in rows:
        given = manifest[r["file"]]["source"]
        assert r["url"] == (given if given.startswith("http") else None) and r["facts"] > 0


def test_who_owns_gives_evidence_for_every_action(runner, seeded_store):
    for question in ("task group", "report back", "course on understanding children's data", "further data"):
        for a in json.loads(cli(runner, seeded_store, "who-owns", question, "--json", "--limit", "10").stdout):
            assert a["evidence"] and a["source"], a


def test_who_owns_uses_a_constant_number_of_queries(seeded_store):
    from councilgraph.ask import who_owns
    from councilgraph.graph.ladybug_store import LadybugStore

    store = LadybugStore(seeded_store, read_only=True)
    calls = []
    real = store.query
    store.query = lambda *a, **k: calls.append(a[0]) or real(*a, **k)  # type: ignore[method-assign]
    try:
        found = who_owns(store, "committee report", limit=20)
    finally:
        store.close()
    # candidates (from the store's word index: whether there is one, the names, the ids of the best name and
    # of the next ones, the count of actions), actions, their items, edges, owners' posts
    assert len(found) > 3 and len(calls) <= 9


def test_schema_lists_every_label_property_and_type_in_the_store(runner, seeded_store):
    r = cli(runner, seeded_store, "schema")
    assert r.exit_code == 0
    data = json.loads(cli(runner, seeded_store, "export", "--format", "json", "--output", "/dev/stdout").stdout
                      or "{}") if False else None
    described = json.loads(cli(runner, seeded_store, "schema", "--json").stdout)
    stats = json.loads(cli(runner, seeded_store, "stats", "--json").stdout)
    present = {k for k, v in stats.items() if v}
    assert {e["label"] for e in described["labels"]} | {e["type"] for e in described["relationships"]} == present
    for name in present:
        assert name in r.stdout
    for e in described["labels"] + described["relationships"]:
        assert e["properties"] and all(p in r.stdout for p in e["properties"])
    assert "label(" in r.stdout and "labels(" in r.stdout
    assert data is None


def test_query_show_needs_no_parameters_or_store(runner, tmp_path):
    r = cli(runner, tmp_path / "none.db", "query", "actions-owned-by", "--show")
    assert r.exit_code == 0 and "$who" in r.stdout


def test_ingest_reports_store_counts_and_warns_where_thin(runner, tmp_path):
    store = tmp_path / "cg.db"
    r = cli(runner, store, "ingest", str(SEEDS), "--json")
    assert r.exit_code == 0
    report = json.loads(r.stdout)
    stats = json.loads(cli(runner, store, "stats", "--json").stdout)
    assert report["nodes_by_label"] == {k: v for k, v in stats.items() if v and k in report["nodes_by_label"]}
    assert report["nodes"] == sum(report["nodes_by_label"].values())
    # the seeds come without a manifest: where the text names no council, ingest says so, file by file
    assert any("nothing is known of its council" in w for w in report["warnings"])
    assert "Warning: " in r.stderr
    given = cli(runner, tmp_path / "cg2.db", "ingest", str(SEEDS), "--council", "Torbay Council", "--json")
    assert not any("council" in w for w in json.loads(given.stdout)["warnings"])


@pytest.mark.neo4j
def test_new_queries_agree_on_both_stores(neo4j_store, seed_graphs, tmp_path):
    from councilgraph.graph.ladybug_store import LadybugStore

    embedded = LadybugStore(tmp_path / "cg.db")
    graphs = list(seed_graphs.values())
    embedded.load(graphs)
    neo4j_store.load(graphs)
    try:
        for q in catalogue().values():
            params = q.bind(typed(q))
            a = embedded.query(q.text_for("embedded"), params).rows
            b = neo4j_store.query(q.text_for("neo4j"), params).rows
            assert a == b, q.name
    finally:
        embedded.close()


_ = os
