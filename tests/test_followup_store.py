"""`followup.refresh` reads the store a group of councils at a time; what it writes must be what the pure pass
(`follow` over the whole dump) gives, however the councils are grouped, on both stores, and after an ingest that
refreshes only the councils it touched.

The store mixes the real corpus (its manifest's councils), seeds of no known council (actions of no council), and
the follow-up cases of tests/test_followup.py (real minutes with their invented successors)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from councilgraph import followup
from councilgraph.followup import follow, refresh
from councilgraph.graph.export import GraphData
from councilgraph.graph.ladybug_store import LadybugStore
from councilgraph.ingest import ingest, plan
from councilgraph.loaders.records import Meta
from tests.conftest import CORPUS, seed
from tests.test_followup import CASES, TORBAY, WSCC, Case

FUB = "FOLLOWED_UP_BY"
# West Sussex with its January report (a follow-up by the owner), Torbay's re-run course (one by the owner's post).
MIXED = [CASES[1], CASES[-1]]
LATE = CASES[6].docs[1]  # West Sussex: another officer answers the request, ingested after the rest


def _docs(case: Case, tmp: Path) -> list[tuple[Path, Meta]]:
    out = []
    for d in case.docs:
        path = d.path
        if path is None:
            path = tmp / d.name
            path.write_text(d.text, encoding="utf-8")
        out.append((path, d.meta))
    return out


def _fill(store, tmp: Path) -> None:
    """The corpus, two seeds of no known council, then the cases (their real minutes with the cases' metadata)."""
    assert not ingest(store, [*plan([CORPUS]), *[(seed(n), Meta()) for n in ("002", "004")]]).errors
    for case in MIXED:
        for path, meta in _docs(case, tmp):
            assert not ingest(store, [(path, Meta())], meta).errors


@pytest.fixture(scope="module")
def mixed(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("mixed")
    store = LadybugStore(tmp / "cg.db")
    try:
        _fill(store, tmp)
    finally:
        store.close()
    return tmp / "cg.db"


@pytest.fixture
def embedded(mixed, tmp_path):
    shutil.copy(mixed, tmp_path / "cg.db")
    store = LadybugStore(tmp_path / "cg.db")
    yield store
    store.close()


def _written(store) -> tuple[list[tuple], dict[str, tuple]]:
    """The follow-ups (action, item, evidence, extractor, score, source) and each action's (status, due date)."""
    data = store.dump()
    fub = sorted((s, e, p["evidence"], p["extractor"], p["score"], p["source"]) for t, s, e, p in data.rels if t == FUB)
    return fub, {p["id"]: (p["status"], p["due_date"]) for lab, p in data.nodes if lab == "Action"}


def _pure(store) -> tuple[list[tuple], dict[str, tuple]]:
    """What `follow` gives over the whole dump, its own follow-ups left out."""
    data = store.dump()
    out = follow(GraphData(data.nodes, [r for r in data.rels if r[0] != FUB]))
    fub = sorted((f.action, f.item, f.evidence, f.extractor, f.score, f.source) for f in out.followups)
    return fub, {a: (s, out.due_date[a]) for a, s in out.status.items()}


def _councils(store, fub: list[tuple]) -> set[str]:
    rows = store.query("MATCH (a:Action) WHERE a.id IN $ids RETURN DISTINCT a.council", {"ids": [f[0] for f in fub]})
    return {r[0] for r in rows.rows}


@pytest.mark.parametrize("group,page", [(followup.GROUP, followup.PAGE), (1, 2)], ids=["default", "one-council-each"])
def test_refresh_in_pieces_writes_what_the_pure_pass_gives(embedded, monkeypatch, group, page):
    monkeypatch.setattr(followup, "GROUP", group)
    monkeypatch.setattr(followup, "PAGE", page)
    done = refresh(embedded)
    fub, status = _written(embedded)
    assert (fub, status) == _pure(embedded)
    assert _councils(embedded, fub) == {WSCC, TORBAY}  # follow-ups in two councils, by owner and by post
    assert {f[3] for f in fub} == {followup.EXTRACTOR_OWNER}
    nowhere = embedded.query("MATCH (a:Action) WHERE a.council IS NULL RETURN count(a)").rows[0][0]
    assert nowhere > 2  # actions of no council (read in several pages when the page is small)
    assert done.actions == len(status) and done.followups == len(fub)
    assert done.groups > 20 if group == 1 else done.groups == 1
    assert set(status.values()) >= {("reported", None), ("no-date", None)}
    assert refresh(embedded) == done and _written(embedded) == (fub, status)  # idempotent


def test_a_new_document_refreshes_its_council_only_and_alike(embedded, tmp_path, monkeypatch):
    """After the full refresh, a later West Sussex document: the ingest names West Sussex alone, and refreshing it
    alone gives what a full recompute gives (the other councils' follow-ups and statuses stand)."""
    monkeypatch.setattr(followup, "GROUP", 1)
    refresh(embedded)
    before, _ = _written(embedded)
    path = tmp_path / LATE.name
    path.write_text(LATE.text, encoding="utf-8")
    report = ingest(embedded, [(path, Meta())], LATE.meta)
    assert report.councils == {WSCC} and report.loaded
    done = refresh(embedded, report.councils)
    assert done.groups == 1
    fub, status = _written(embedded)
    assert (fub, status) == _pure(embedded)
    added = set(fub) - set(before)
    assert [f[3] for f in added] == [followup.EXTRACTOR_REQUESTED] and set(before) <= set(fub)


def test_reingesting_a_changed_document_asks_for_every_council(embedded, tmp_path):
    path = tmp_path / LATE.name
    path.write_text(LATE.text, encoding="utf-8")
    assert ingest(embedded, [(path, Meta())], LATE.meta).councils == {WSCC}
    path.write_text(LATE.text + "\nA further sentence.\n", encoding="utf-8")
    assert ingest(embedded, [(path, Meta())], Meta(TORBAY)).councils is None  # its old version was West Sussex's
    assert ingest(embedded, [(path, Meta())], Meta(TORBAY)).councils == set()  # unchanged: nothing loaded


@pytest.mark.neo4j
def test_neo4j_refresh_in_pieces_writes_what_the_embedded_store_does(neo4j_store, tmp_path, monkeypatch):
    from councilgraph.graph.export import to_json

    monkeypatch.setattr(followup, "GROUP", 1)
    monkeypatch.setattr(followup, "PAGE", 2)
    embedded = LadybugStore(tmp_path / "cg.db")  # the same files, so the same document keys
    try:
        for store in (neo4j_store, embedded):
            _fill(store, tmp_path)
            refresh(store)
        written = _written(neo4j_store)
        assert written == _pure(neo4j_store)
        assert _councils(neo4j_store, written[0]) == {WSCC, TORBAY}
        assert written == _written(embedded)
        assert to_json(neo4j_store.dump()) == to_json(embedded.dump())
    finally:
        embedded.close()
