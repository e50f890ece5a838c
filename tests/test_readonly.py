"""`councilgraph cypher` reads and nothing else, on both stores (issue 7, item 1)."""

from __future__ import annotations

import json

import pytest

from councilgraph.ask import query_texts
from councilgraph.errors import QueryError
from councilgraph.graph.guard import check_params, check_read_only
from councilgraph.graph.store import open_store
from councilgraph.queries import catalogue
from tests.conftest import cli

WRITES = [
    "COPY (RETURN 'x' AS a) TO '{out}'",
    "LOAD FROM '/etc/passwd' (header=false, file_format='csv', delim=':') RETURN *",
    "ATTACH '{dir}/other.db' AS other (dbtype lbug)",
    "EXPORT DATABASE '{dir}/exported'",
    "CHECKPOINT",
    "MATCH (n:Person) RETURN n.name; CHECKPOINT",
    "MATCH (n:Person) DETACH DELETE n",
    "MATCH (n:Person) SET n.name = 'x'",
    "MATCH (n:Person) WITH n LOAD FROM '/etc/passwd' (file_format='csv') RETURN *",
    "RETURN 1 AS x UNION ALL COPY (RETURN 1) TO '{out}'",
    "CALL threads=1",
    "PROFILE MATCH (n) RETURN n",
    "BEGIN TRANSACTION",
    "INSTALL json",
    "MATCH (n:Person) OPTIONAL COPY (RETURN 1) TO '{out}'",
    "RETURN 'unclosed",
]
NEO4J_WRITES = [
    "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
    "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
    "MATCH (n) WITH n LIMIT 1 LOAD CSV FROM $u AS line RETURN line",
    "SHOW USERS",
    "SHOW TRANSACTIONS",
    "CREATE DATABASE other",
    "CALL dbms.killQuery('x')",
    "CALL { CREATE (n:Person {id: 'x'}) } RETURN 1",
    "MATCH (n) CALL (n) { SET n.x = 1 } RETURN n",
    "USE system SHOW USERS",
    "MATCH (n) FOREACH (x IN [1] | SET n.a = x)",
    "RETURN apoc.cypher.runFirstColumnSingle('CALL apoc.load.json($u)', {}) AS x",
    "MATCH (n) WHERE n.name = apoc.load.json('file:///etc/passwd') RETURN n",
    "CALL apoc.load.json('file:///etc/passwd') YIELD value RETURN value",
]


@pytest.mark.parametrize("text", WRITES + NEO4J_WRITES)
def test_the_allow_list_refuses_what_does_not_read(text):
    for kind in ("embedded", "neo4j"):
        with pytest.raises(QueryError):
            check_read_only(text.replace("{out}", "/tmp/x.csv").replace("{dir}", "/tmp"), kind)


def test_the_allow_list_admits_every_query_councilgraph_itself_runs():
    for q in catalogue().values():
        for kind, text in q.cypher.items():
            check_read_only(text, "neo4j" if kind == "neo4j" else "embedded")
    for text in (*query_texts("embedded"), "CALL show_tables() RETURN *", "MATCH (a)-[* SHORTEST 1..3]-(b) RETURN a LIMIT 1",
                 "MATCH (n) RETURN n.name AS name ORDER BY name DESC SKIP 1 LIMIT 2",
                 "MATCH (n) WHERE n.name STARTS WITH 'A' AND NOT n.id IS NULL RETURN CASE WHEN n.x THEN 1 ELSE 0 END AS y",
                 "UNWIND [1, 2] AS x WITH x WHERE x > 1 RETURN x UNION MATCH (n) RETURN 3 AS x"):
        check_read_only(text, "embedded")
    for text in (*query_texts("neo4j"), "CALL db.index.fulltext.queryNodes('i', $q) YIELD node, score RETURN node",
                 "MATCH (n) WHERE EXISTS { MATCH (n)-->() } RETURN COUNT { MATCH (n)-->() } AS c, n {.name, .id}",
                 "MATCH (n) CALL (n) { MATCH (n)-->(m) RETURN m } RETURN m",
                 "MATCH (n) WHERE n.date > date.truncate('month', date()) RETURN n.x.y AS z, datetime.fromepoch(1, 0)"):
        check_read_only(text, "neo4j")


def test_a_parameter_named_but_not_given_is_an_error():
    check_params("MATCH (n) WHERE n.name = $who RETURN n", {"who": "x"})
    with pytest.raises(QueryError, match=r"\$who"):
        check_params("MATCH (n) WHERE n.name = $who RETURN n", {})
    check_params("MATCH (n) WHERE n.name = '$who' RETURN n", {})  # in a string it is text


@pytest.mark.parametrize("text", WRITES)
def test_cypher_on_the_embedded_store_neither_writes_files_nor_breaks_the_store(runner, store_copy, tmp_path, text):
    out = tmp_path / "manifest.csv"
    out.write_text("file,council\n", encoding="utf-8")
    r = cli(runner, store_copy, "cypher", text.replace("{out}", str(out)).replace("{dir}", str(tmp_path)))
    assert r.exit_code == 1 and r.stderr.startswith("Error:") and len(r.stderr.strip().splitlines()) == 1, r.output
    assert out.read_text(encoding="utf-8") == "file,council\n"
    assert not (tmp_path / "exported").exists()
    r = cli(runner, store_copy, "cypher", "MATCH (p:Person) RETURN count(p) AS n", "--json")
    assert r.exit_code == 0 and json.loads(r.stdout)[0]["n"] > 0, r.output


def test_an_unbound_parameter_returns_no_rows_but_an_error(runner, seeded_store):
    r = cli(runner, seeded_store, "cypher", "MATCH (p:Person) WHERE $flag RETURN p.name")
    assert r.exit_code == 1 and "$flag" in r.stderr and not r.stdout.strip()


def test_read_only_store_object_refuses_too(seeded_store):
    store = open_store(seeded_store, read_only=True)
    try:
        with pytest.raises(QueryError):
            store.query("CHECKPOINT")
    finally:
        store.close()
    store = open_store(seeded_store, read_only=True)  # and it still opens
    store.close()


@pytest.mark.neo4j
@pytest.mark.parametrize("text", NEO4J_WRITES)
def test_cypher_on_neo4j_refuses_admin_and_file_access(runner, neo4j_store, neo4j_uri, text):
    from councilgraph.cli import app

    r = runner.invoke(app, ["--neo4j", neo4j_uri, "cypher", text, "-p", "u=file:///etc/passwd"])
    assert r.exit_code == 1 and r.stderr.startswith("Error:") and "not allowed" in r.stderr, r.output
    assert neo4j_store.counts()["Person"] == 0


@pytest.mark.neo4j
def test_neo4j_unbound_parameter_is_an_error(runner, neo4j_store, neo4j_uri):
    from councilgraph.cli import app

    r = runner.invoke(app, ["--neo4j", neo4j_uri, "cypher", "MATCH (p:Person) WHERE $flag RETURN p.name"])
    assert r.exit_code == 1 and "$flag" in r.stderr
