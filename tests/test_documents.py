"""A document's identity and its replacement (issue 7, items 3 and 4): different files never share
facts or items, whatever their names, and a new version of a file replaces every value it gave, on
both stores alike."""

from __future__ import annotations

import json
import shutil

import pytest

from councilgraph.cli import app
from councilgraph.extract.pipeline import extract
from councilgraph.graph.export import to_json
from councilgraph.ingest import document_key
from councilgraph.loaders import load
from tests.conftest import cli, seed


def export(runner, store, tmp_path) -> dict:
    out = tmp_path / "out.json"
    assert cli(runner, store, "export", "-o", str(out)).exit_code == 0
    return json.loads(out.read_text(encoding="utf-8"))


def test_two_files_of_one_name_in_different_folders_are_two_documents(runner, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    a, b = tmp_path / "a" / "minutes.txt", tmp_path / "b" / "minutes.txt"
    shutil.copy(seed("003"), a)
    shutil.copy(seed("004"), b)
    store = tmp_path / "cg.db"
    assert cli(runner, store, "ingest", str(a)).exit_code == 0
    only_a = export(runner, store, tmp_path)
    r = cli(runner, store, "ingest", str(b))
    assert r.exit_code == 0 and "Warning:" in r.stderr and str(a.resolve()) in r.stderr
    both = export(runner, store, tmp_path)
    ids = {x["id"] for x in both["relationships"]}
    assert {x["id"] for x in only_a["relationships"]} < ids  # a's facts are all still there
    assert {x["properties"]["source"] for x in both["relationships"]} == {"minutes.txt"}  # SCHEMA.md's source
    assert all(n["properties"]["sources"] == ["minutes.txt"] for n in both["nodes"])
    items = [n for n in both["nodes"] if n["labels"] == ["AgendaItem"]]
    assert len(items) == len({n["id"] for n in items}) >= 2
    r = cli(runner, store, "sources")
    assert r.stdout.splitlines() == sorted([a.resolve().as_posix(), b.resolve().as_posix()])
    # a name two documents share is ambiguous for remove; a path is not
    r = cli(runner, store, "remove", "minutes.txt")
    assert r.exit_code == 1 and "2 documents have this name" in r.stderr
    assert cli(runner, store, "remove", str(b)).exit_code == 0
    assert export(runner, store, tmp_path) == only_a


@pytest.mark.parametrize("names", [("会议.txt", "议程.txt"), ("Minutes (draft).txt", "minutes-draft.txt"),
                                   ("x.txt", "x.text")])
def test_names_that_slug_alike_share_no_item_and_reingest_still_replaces(runner, tmp_path, names):
    first, second = (tmp_path / n for n in names)
    shutil.copy(seed("003"), first)
    # (a line end more: byte for byte the same file would be the same document, loaded once)
    second.write_text(seed("003").read_text(encoding="utf-8") + "\n", encoding="utf-8")
    store = tmp_path / "cg.db"
    assert cli(runner, store, "ingest", str(first), str(second)).exit_code == 0
    data = export(runner, store, tmp_path)
    items = [n for n in data["nodes"] if n["labels"] == ["AgendaItem"]]
    per_doc = {n["properties"]["source"]: 0 for n in items}
    for n in items:
        per_doc[n["properties"]["source"]] += 1
    assert set(per_doc) == set(names) and per_doc[names[0]] == per_doc[names[1]]
    # the second file, re-scraped shorter: its old facts go, the first file's stay
    text = second.read_text(encoding="utf-8")
    second.write_text(text[: len(text) // 2], encoding="utf-8")
    assert cli(runner, store, "ingest", str(second)).exit_code == 0
    after = export(runner, store, tmp_path)
    firsts = lambda d: {r["id"] for r in d["relationships"] if r["properties"]["source"] == names[0]}  # noqa: E731
    seconds = lambda d: {r["id"] for r in d["relationships"] if r["properties"]["source"] == names[1]}  # noqa: E731
    assert firsts(after) == firsts(data)
    expected = {r.id for r in extract(load(second)).keyed(document_key(second)).rels.values()}
    assert seconds(after) == expected and seconds(data) - expected


def _edit(tmp_path):
    doc = tmp_path / "minutes" / seed("004").name
    doc.parent.mkdir()
    shutil.copy(seed("004"), doc)
    return doc


def _retitle(doc):
    text = doc.read_text(encoding="utf-8")
    assert "Presentation attached." in text
    doc.write_text(text.replace("Presentation attached.", "Presentation attached and discussed.", 1), encoding="utf-8")


def test_an_edited_document_replaces_its_item_title_date_and_council(runner, tmp_path):
    doc = _edit(tmp_path)
    store = tmp_path / "cg.db"
    assert cli(runner, store, "ingest", str(doc), "--council", "Torbay Council", "--date", "2024-01-10").exit_code == 0
    _retitle(doc)
    assert cli(runner, store, "ingest", str(doc), "--council", "Devon County Council", "--date", "2024-02-20").exit_code == 0
    items = [n for n in export(runner, store, tmp_path)["nodes"] if n["labels"] == ["AgendaItem"]]
    assert [(n["properties"]["name"], n["properties"]["date"], n["properties"]["council"]) for n in items] == \
        [("Presentation attached and discussed.", "2024-02-20", "Devon County Council")]
    # and ingesting the old version again brings the old values back
    shutil.copy(seed("004"), doc)
    assert cli(runner, store, "ingest", str(doc), "--council", "Torbay Council", "--date", "2024-01-10").exit_code == 0
    items = [n for n in export(runner, store, tmp_path)["nodes"] if n["labels"] == ["AgendaItem"]]
    assert [(n["properties"]["name"], n["properties"]["date"]) for n in items] == [("Presentation attached.", "2024-01-10")]


@pytest.mark.neo4j
def test_an_edited_document_gives_the_same_graph_on_both_stores(runner, tmp_path, neo4j_store, neo4j_uri):
    from councilgraph.graph.ladybug_store import LadybugStore

    doc = _edit(tmp_path)
    other = tmp_path / "minutes" / seed("003").name
    shutil.copy(seed("003"), other)
    store = tmp_path / "cg.db"

    def both(*args):
        assert cli(runner, store, "ingest", *args).exit_code == 0
        assert runner.invoke(app, ["--neo4j", neo4j_uri, "ingest", *args]).exit_code == 0

    both(str(doc.parent), "--council", "Torbay Council", "--date", "2024-01-10")
    _retitle(doc)
    both(str(doc), "--council", "Devon County Council", "--date", "2024-02-20")
    embedded = LadybugStore(store, read_only=True)
    try:
        a, b = to_json(embedded.dump()), to_json(neo4j_store.dump())
    finally:
        embedded.close()
    assert a == b
    items = {n["properties"]["name"]: n["properties"] for n in a["nodes"] if n["labels"] == ["AgendaItem"]}
    assert items["Presentation attached and discussed."]["council"] == "Devon County Council"
    assert "Presentation attached." not in items


@pytest.mark.neo4j
def test_two_files_of_one_name_are_two_documents_on_neo4j(runner, tmp_path, neo4j_store, neo4j_uri):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    a, b = tmp_path / "a" / "minutes.txt", tmp_path / "b" / "minutes.txt"
    shutil.copy(seed("003"), a)
    shutil.copy(seed("004"), b)
    assert runner.invoke(app, ["--neo4j", neo4j_uri, "ingest", str(a)]).exit_code == 0
    only_a = to_json(neo4j_store.dump())
    assert runner.invoke(app, ["--neo4j", neo4j_uri, "ingest", str(b)]).exit_code == 0
    assert sorted(neo4j_store.sources()) == sorted([a.resolve().as_posix(), b.resolve().as_posix()])
    assert runner.invoke(app, ["--neo4j", neo4j_uri, "remove", str(b)]).exit_code == 0
    assert to_json(neo4j_store.dump()) == only_a


def test_a_store_from_before_document_keys_is_migrated_and_its_documents_replaced(runner, tmp_path, monkeypatch):
    """Stores written when documents were keyed by file name: no `doc` column, sources are names."""
    import ladybug

    from councilgraph.graph import ladybug_store as lb
    from councilgraph.graph.ladybug_store import LadybugStore

    store = tmp_path / "cg.db"
    old_props = {k: v for k, v in lb.REL_PROPS.items() if k != "doc"}
    monkeypatch.setattr(lb, "REL_PROPS", old_props)
    db = ladybug.Database(str(store))
    conn = ladybug.Connection(db)
    for stmt in lb._ddl():
        conn.execute(stmt)
    conn.close()
    db.close()
    monkeypatch.undo()
    doc = tmp_path / "minutes" / seed("004").name
    doc.parent.mkdir()
    shutil.copy(seed("004"), doc)
    s = LadybugStore(store)  # migrates: adds `doc`
    s.load([extract(load(doc))])  # as the old code stored it: keyed by the file name
    s.close()
    before = export(runner, store, tmp_path)
    r = cli(runner, store, "ingest", str(doc))
    assert r.exit_code == 0 and "replaces" in r.stderr
    after = export(runner, store, tmp_path)
    assert len([n for n in after["nodes"] if n["labels"] == ["AgendaItem"]]) == 1
    assert len(after["relationships"]) == len(before["relationships"])
    assert cli(runner, store, "sources").stdout == doc.resolve().as_posix() + "\n"
