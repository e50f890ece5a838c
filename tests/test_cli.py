"""The command line end to end on the embedded store: ingest, who-owns, query, cypher, export, remove."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys

import pytest
import rdflib
from rdflib.compare import isomorphic

from councilgraph.cli import app
from councilgraph.graph.export import to_rdf
from councilgraph.graph.store import open_store
from councilgraph.queries import catalogue
from tests.conftest import CORPUS, GOLD, ROOT, SEEDS, SHARED, cli, seed


def counts(store) -> dict:
    s = open_store(store, read_only=True)
    try:
        return s.counts()
    finally:
        s.close()


def test_who_owns_names_the_director_of_childrens_services_of_torbay(runner, seeded_store):
    r = cli(runner, seeded_store, "who-owns", "course on understanding children's data", "--json")
    assert r.exit_code == 0, r.output
    best = json.loads(r.stdout)[0]
    assert best["action"].startswith("re-run a course on understanding children’s data")
    (owner,) = best["owners"]
    assert owner["name"] == "Director of Children’s Services"
    assert owner["held_by"] == ["Nancy Meehan"] and owner["in"] == ["Torbay Council"]
    assert best["council"] == "Torbay Council" and best["source"] == seed("003").name
    assert "it was agreed that the Director of Children’s Services would re-run a course" in best["evidence"]


def test_who_owns_task_group_names_the_committee_of_document_004(runner, seeded_store):
    r = cli(runner, seeded_store, "who-owns", "task group", "--json")
    best = json.loads(r.stdout)[0]
    assert [o["name"] for o in best["owners"]] == ["Committee"] and best["source"] == seed("004").name


def test_who_owns_table_output(runner, seeded_store):
    r = cli(runner, seeded_store, "who-owns", "course on understanding children's data", "--limit", "1")
    assert r.exit_code == 0
    assert "Nancy Meehan" in r.stdout and "Torbay Council" in r.stdout and "Evidence" in r.stdout


def test_ingesting_twice_changes_nothing(runner, store_copy):
    before = counts(store_copy)
    assert cli(runner, store_copy, "ingest", str(SEEDS)).exit_code == 0
    assert counts(store_copy) == before


@pytest.mark.parametrize("content, problem", [(b"", "the file is empty"), (bytes(range(256)) * 8, "not a text file")])
def test_bad_file_gives_one_line_error_and_leaves_the_store_unchanged(runner, store_copy, tmp_path, content, problem):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    before = counts(store_copy)
    r = cli(runner, store_copy, "ingest", str(bad))
    assert r.exit_code == 1
    lines = r.stderr.strip().splitlines()
    assert lines == [f"Error: {bad}: {problem}" + (" (binary content)" if "binary" in problem or "text" in problem else "")]
    assert "Traceback" not in r.output
    assert counts(store_copy) == before


def test_windows_1252_document_ingests(runner, tmp_path):
    f = tmp_path / "cp1252.txt"
    f.write_bytes(seed("003").read_text(encoding="utf-8").encode("cp1252"))
    store = tmp_path / "cg.db"
    assert cli(runner, store, "ingest", str(f)).exit_code == 0
    r = cli(runner, store, "who-owns", "course on understanding children's data", "--json")
    assert json.loads(r.stdout)[0]["owners"][0]["held_by"] == ["Nancy Meehan"]


def test_undecodable_text_is_refused(runner, tmp_path):
    f = tmp_path / "mixed.txt"
    f.write_bytes(b"Agenda item\n\n" + bytes([0x81, 0x8d, 0x8f, 0x90, 0x9d] * 200))
    r = cli(runner, tmp_path / "cg.db", "ingest", str(f))
    assert r.exit_code == 1 and r.stderr.startswith(f"Error: {f}: ")


def test_a_changed_document_replaces_its_facts_and_remove_takes_it_out(runner, tmp_path):
    doc = tmp_path / seed("004").name
    shutil.copy(seed("004"), doc)
    store = tmp_path / "cg.db"
    assert cli(runner, store, "ingest", str(doc)).exit_code == 0
    first = counts(store)
    assert first["Decision"] == 4
    text = doc.read_text(encoding="utf-8")
    doc.write_text(re.sub(r"\n\(d\).*?(?=\n\S|\Z)", "\n", text, flags=re.S), encoding="utf-8")  # re-scraped without (d)
    assert cli(runner, store, "ingest", str(doc)).exit_code == 0
    second = counts(store)
    assert second["Decision"] == 3 and second["MOVED"] == 3
    r = cli(runner, store, "who-owns", "task group", "--json")
    assert json.loads(r.stdout) == []
    assert cli(runner, store, "remove", doc.name).exit_code == 0
    assert sum(counts(store).values()) == 0
    r = cli(runner, store, "remove", doc.name)
    assert r.exit_code == 1 and "not in the graph" in r.stderr


def test_council_option_scopes_ids(runner, tmp_path):
    store = tmp_path / "cg.db"
    assert cli(runner, store, "ingest", str(seed("000")), "--council", "West Sussex County Council").exit_code == 0
    r = cli(runner, store, "cypher", "MATCH (p:Person) RETURN p.id AS id ORDER BY id", "--json")
    assert {"id": "person:west-sussex/russell"} in json.loads(r.stdout)


def test_query_list_and_every_canned_query_runs(runner, seeded_store):
    r = cli(runner, seeded_store, "query", "--list", "--json")
    listed = json.loads(r.stdout)
    assert len(listed) >= 10 and all(q["answers"] for q in listed)
    sample = {"who": "director", "words": "report", "body": "committee", "name": "commissioner", "person": "russell",
              "due": "january", "owner": "cabinet", "requester": "committee", "a": "russell", "b": "ofsted"}
    for q in catalogue().values():
        args = [a for k in q.params if k in sample for a in ("--param", f"{k}={sample[k]}")]
        r = cli(runner, seeded_store, "query", q.name, *args, "--json")
        assert r.exit_code == 0, (q.name, r.output)
        assert isinstance(json.loads(r.stdout), list)


def test_canned_query_answers(runner, seeded_store):
    r = cli(runner, seeded_store, "query", "roles-of-person", "--param", "person=Meehan", "--json")
    rows = json.loads(r.stdout)
    assert [{k: x[k] for k in ("person", "role", "role_in")} for x in rows] == [
        {"person": "Nancy Meehan", "role": "Director of Children’s Services", "role_in": "Torbay Council"}]
    assert rows[0]["council"] == "Torbay Council" and "Nancy Meehan" in rows[0]["evidence"]
    r = cli(runner, seeded_store, "query", "reporting-to", "-p", "name=Department for Education", "--json")
    assert [x["reporter"] for x in json.loads(r.stdout)] == ["West Sussex Children’s Commissioner"]


def test_query_parameter_errors_are_one_line(runner, seeded_store):
    r = cli(runner, seeded_store, "query", "roles-of-person")
    assert r.exit_code == 1 and r.stderr.strip() == \
        "Error: query 'roles-of-person' needs --param person=… (part of the person's name, any case)"
    r = cli(runner, seeded_store, "query", "no-such-query")
    assert r.exit_code == 1 and "no canned query 'no-such-query'" in r.stderr
    # a parameter of fixed values refuses another (it would match nothing, silently)
    r = cli(runner, seeded_store, "query", "actions", "-p", "status=closed")
    assert r.exit_code == 1 and r.stderr.strip() == \
        "Error: query 'actions': --param status is one of open, overdue, reported, no-date (not 'closed')"
    assert cli(runner, seeded_store, "query", "actions", "-p", "status=open", "--json").exit_code == 0


def test_cypher_is_read_only_and_parameterised(runner, store_copy):
    before = counts(store_copy)
    r = cli(runner, store_copy, "cypher", "MATCH (n:Person) DETACH DELETE n")
    assert r.exit_code == 1 and r.stderr.startswith("Error:") and "read-only" in r.stderr
    assert counts(store_copy) == before
    r = cli(runner, store_copy, "cypher", "MATCH (p:Person) WHERE p.name = $n RETURN DISTINCT p.honorific AS h", "-p", "n=Russell",
            "--json")
    assert json.loads(r.stdout) == [{"h": "Cllr"}]


def test_export_json_scores_above_the_bar_on_the_seeds(runner, seeded_store, tmp_path):
    out = tmp_path / "out.json"
    assert cli(runner, seeded_store, "export", "--format", "json", "--output", str(out)).exit_code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert {"nodes", "relationships"} == set(data)
    rel = data["relationships"][0]
    assert set(rel) == {"id", "type", "start", "end", "properties"}
    assert {"source", "evidence", "extractor"} <= set(rel["properties"])
    res = subprocess.run([sys.executable, str(SHARED / "tools" / "score.py"), "--gold", str(GOLD), "--export", str(out),
                          "--json"], capture_output=True, text=True, check=True)
    summary = json.loads(res.stdout)["summary"]
    assert summary["entity_f1"] >= 0.85 and summary["relation_f1"] >= 0.70 and summary["action_f1"] >= 0.75
    assert summary["owner_e2e"] >= 0.75 and summary["decision_f1"] >= 0.90


def test_rdf_and_graphml_exports_round_trip(runner, seeded_store, tmp_path):
    ttl, gml = tmp_path / "g.ttl", tmp_path / "g.graphml"
    assert cli(runner, seeded_store, "export", "-f", "turtle", "-o", str(ttl)).exit_code == 0
    assert cli(runner, seeded_store, "export", "-f", "graphml", "-o", str(gml)).exit_code == 0
    store = open_store(seeded_store, read_only=True)
    try:
        expected = to_rdf(store.dump())
        n = len(store.dump().nodes)
    finally:
        store.close()
    assert isomorphic(rdflib.Graph().parse(ttl, format="turtle"), expected)
    import networkx as nx

    assert nx.read_graphml(gml).number_of_nodes() == n


def test_sources_stats_and_analyse(runner, seeded_store):
    r = cli(runner, seeded_store, "sources", "--json")
    assert [x["document"] for x in json.loads(r.stdout)] == sorted(p.resolve().as_posix() for p in SEEDS.glob("*.txt"))
    r = cli(runner, seeded_store, "stats", "--json")
    assert json.loads(r.stdout)["Decision"] == 16
    r = cli(runner, seeded_store, "analyse", "--top", "3", "--json")
    assert r.exit_code == 0 and len(json.loads(r.stdout)["central"]) == 3


def test_whole_corpus_ingests_without_an_error(runner, tmp_path):
    r = cli(runner, tmp_path / "cg.db", "ingest", str(CORPUS), "--json")
    assert r.exit_code == 0, r.stderr
    report = json.loads(r.stdout)
    assert report["errors"] == [] and len(report["loaded"]) == len(list(CORPUS.glob("*.txt")))


def test_missing_store_and_missing_path_are_one_line_errors(runner, tmp_path):
    r = cli(runner, tmp_path / "nothing.db", "who-owns", "anything")
    assert r.exit_code == 1 and r.stderr.count("\n") == 1 and "no councilgraph store here yet" in r.stderr
    r = cli(runner, tmp_path / "cg.db", "ingest", str(tmp_path / "nope.txt"))
    assert r.exit_code == 1 and "no such file or directory" in r.stderr


def test_every_command_has_help_and_is_in_the_readme(runner):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    import typer.main

    commands = list(typer.main.get_command(app).commands)
    assert {"ingest", "who-owns", "query", "cypher", "export", "remove", "push", "schema"} <= set(commands)
    for name in commands:
        r = runner.invoke(app, [name, "--help"])
        assert r.exit_code == 0 and "Usage" in r.output, name
        assert f"councilgraph {name}" in readme or f"`{name}`" in readme, name


def test_help_and_version_start_without_the_heavy_modules():
    """Start-up (issue 11): `--help` and `--version` import neither rich, pydantic, the database engines nor the
    extractor; each command imports what it uses. Run in a fresh interpreter, since this one has them all."""
    probe = ("import sys\nfrom councilgraph.cli import main\nsys.argv = ['councilgraph', sys.argv[1]]\n"
             "try:\n    main()\nexcept SystemExit:\n    pass\n"
             "heavy = ('rich', 'pydantic', 'ladybug', 'neo4j', 'rdflib', 'networkx', 'councilgraph.extract')\n"
             "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy or m.startswith(heavy)))")
    for flag, shown in (("--help", "Usage: councilgraph"), ("--version", "councilgraph ")):
        r = subprocess.run([sys.executable, "-c", probe, flag], capture_output=True, text=True, timeout=60)
        assert r.returncode == 0, r.stderr
        assert shown in r.stdout and r.stdout.rstrip().splitlines()[-1] == "[]", (flag, r.stdout[-400:])


def test_changed_and_new_documents_in_one_ingest(runner, tmp_path):
    """Deleting a changed document's old facts and bulk-inserting others in the same run."""
    folder = tmp_path / "minutes"
    folder.mkdir()
    for p in ("000", "004"):
        shutil.copy(seed(p), folder / seed(p).name)
    store = tmp_path / "cg.db"
    assert cli(runner, store, "ingest", str(folder)).exit_code == 0
    doc = folder / seed("004").name
    doc.write_text(re.sub(r"\n\(d\).*?(?=\n\S|\Z)", "\n", doc.read_text(encoding="utf-8"), flags=re.S), encoding="utf-8")
    for p in ("001", "002", "003"):
        shutil.copy(seed(p), folder / seed(p).name)
    r = cli(runner, store, "ingest", str(folder), "--json")
    assert r.exit_code == 0, r.output
    out = json.loads(r.stdout)  # 000 is unchanged: skipped by its content hash (issue 11)
    assert len(out["loaded"]) == 4 and [k.rsplit("/", 1)[-1] for k in out["unchanged"]] == [seed("000").name]
    c = counts(store)
    assert c["Decision"] == 15 and c["MOVED"] == 3
    fresh = tmp_path / "fresh.db"
    assert cli(runner, fresh, "ingest", str(folder)).exit_code == 0
    assert counts(fresh) == c


def test_what_the_page_says_wins_over_options(runner, tmp_path):
    from tests.conftest import corpus

    store = tmp_path / "cg.db"
    r = cli(runner, store, "ingest", str(corpus("001")), "--date", "2020-01-01", "--council", "Cheshire East Council")
    assert r.exit_code == 0
    r = cli(runner, store, "cypher", "MATCH (b:Body)-[:HELD]->(m:Meeting) RETURN b.name AS body, m.date AS date", "--json")
    assert json.loads(r.stdout) == [{"body": "Children and Families Scrutiny Committee", "date": "2010-01-18"}]
