"""who-owns in a constant number of queries (issue 11): the same answers as the plain way — every action
scored in Python, each owner's posts looked up on its own — on the real seeds and corpus, on both stores,
with and without the in-memory index of action names, and no rows multiplied when many documents repeat
the same action."""

from __future__ import annotations

from contextlib import closing

import pytest

from councilgraph import ask
from councilgraph.graph import action_words
from councilgraph.graph.ladybug_store import LadybugStore
from councilgraph.graph.transfer import documents_of
from tests.conftest import cli, seed

FIXED = ["course on understanding children's data", "task group", "report back", "further data", "committee report",
         "safeguarding training", "school places", "budget report", "recruitment of staff", "council tax",
         "children's services inspection", "home to school transport", "the director will circulate the figures"]


def _row_order(r: dict) -> tuple[str, ...]:
    """The order of the old one-row-per-combination answer's rows (owner, owner id, requester, evidence)."""
    return tuple(str(r[k] or "") for k in ("owner", "owner_id", "requester", "owner_evidence", "requester_evidence",
                                           "arising_evidence"))


def _questions(store) -> list[str]:
    """The fixed questions and, for every action, the first four words of its name."""
    names = [r[0] for r in store.query("MATCH (a:Action) RETURN a.name").rows]
    return FIXED + sorted({" ".join(ask.words(n)[:4]) for n in names} - {""})


# The plain way, as who-owns worked before issue 11: every action read and scored (the embedded store),
# one row per combination of optional matches, posts by an unlabelled lookup (right on both stores).
_DETAIL = """
MATCH (a:Action) WHERE a.id = $id
OPTIONAL MATCH (o)-[own:OWNS]->(a)
OPTIONAL MATCH (q)-[req:REQUESTED]->(a)
OPTIONAL MATCH (a)-[arise:ARISES_FROM]->()
OPTIONAL MATCH (i:AgendaItem) WHERE i.id = a.item
RETURN a.name AS action, a.due AS due, a.due_date AS due_date, a.status AS status,
       coalesce(a.council, i.council) AS council, a.source AS source, own.evidence AS owner_evidence,
       req.evidence AS requester_evidence, arise.evidence AS arising_evidence, o.id AS owner_id, o.name AS owner,
       q.name AS requester, i.name AS item, i.body AS body, i.date AS date, i.url AS url
"""
_TRAIL = """
MATCH (a:Action)-[f:FOLLOWED_UP_BY]->(i:AgendaItem) WHERE a.id = $id
RETURN i.name AS item, i.date AS date, i.source AS source, f.evidence AS evidence, f.score AS score,
       f.extractor AS extractor
ORDER BY date, item
"""
_ROLES = """
MATCH (x) WHERE x.id = $id
OPTIONAL MATCH (x)-[:HOLDS]->(r:Role)
OPTIONAL MATCH (p:Person)-[:HOLDS]->(x)
OPTIONAL MATCH (x)-[:ROLE_IN]->(b)
OPTIONAL MATCH (r)-[:ROLE_IN]->(rb)
RETURN r.name AS role, p.name AS holder, b.name AS role_in, rb.name AS role_role_in
"""


def plain_who_owns(store, question: str, limit: int = 10) -> list[dict]:
    q = list(dict.fromkeys(ask.words(question)))[:ask.MAX_TERMS]
    if not q:
        return []
    found = ([{"id": i, "name": name} for name, ids in ask.candidates(store, q, 500) for i in ids]
             if store.kind == "neo4j" else store.query("MATCH (a:Action) RETURN a.id AS id, a.name AS name").dicts())
    ranked = sorted((ask._score(q, c["name"]), c["name"], c["id"]) for c in found)  # (score, name, id)
    ranked.sort(key=lambda x: -x[0])  # best first; of one score by name, of one name by id
    out = []
    for score, _, aid in [r for r in ranked if r[0] >= 0.5][:limit]:
        rows = sorted(store.query(_DETAIL, {"id": aid}).dicts(), key=_row_order)
        owners, requesters = {}, []
        for r in rows:
            if r["owner_id"] and r["owner_id"] not in owners:
                posts = store.query(_ROLES, {"id": r["owner_id"]}).dicts()
                owners[r["owner_id"]] = {
                    "name": r["owner"], "roles": sorted({p["role"] for p in posts if p["role"]}),
                    "held_by": sorted({p["holder"] for p in posts if p["holder"]}),
                    "in": sorted({b for p in posts for b in (p["role_in"], p["role_role_in"]) if b})}
            if r["requester"] and r["requester"] not in requesters:
                requesters.append(r["requester"])
        first = rows[0]
        evidence = next((r[k] for k in ("owner_evidence", "requester_evidence", "arising_evidence") for r in rows
                         if r[k]), None)
        out.append({"score": round(score, 3), "action": first["action"], "owners": list(owners.values()),
                    "requested_by": requesters, "due": first["due"], "due_date": first["due_date"],
                    "status": first["status"], "followed_up_by": store.query(_TRAIL, {"id": aid}).dicts(),
                    "item": first["item"], "body": first["body"], "date": first["date"], "council": first["council"],
                    "source": first["source"], "url": first["url"], "evidence": evidence})
    return out


def _recording(store) -> list[tuple[str, list]]:
    """Every query the store answers from now on, with its rows, in order."""
    seen: list[tuple[str, list]] = []
    real = store.query
    store.query = lambda *a, **k: (r := real(*a, **k), seen.append((a[0], r.rows)))[0]
    return seen


def _agrees(store, index=None) -> int:
    answered = 0
    for question in _questions(store):
        got = ask.who_owns(store, question, limit=50, index=index)
        assert got == plain_who_owns(store, question, limit=50), question
        answered += bool(got)
    return answered


def test_every_word_who_owns_scores_is_in_the_actions_search_key(real_store):
    """The store narrows the candidates by `search CONTAINS word`: that finds every action `_score` would."""
    with closing(LadybugStore(real_store, read_only=True)) as store:
        rows = store.query("MATCH (a:Action) RETURN a.name, a.search").rows
    assert len(rows) > 50
    for name, key in rows:
        assert key and all(w in key for w in ask.words(name)), (name, key)


def test_who_owns_gives_the_plain_answers_on_seeds_and_corpus(real_store):
    with closing(LadybugStore(real_store, read_only=True)) as store:
        assert _agrees(store) > 50


def test_who_owns_with_the_index_gives_the_plain_answers(real_store):
    with closing(LadybugStore(real_store, read_only=True)) as store:
        assert _agrees(store, ask.ActionIndex(store)) > 50
        large = ask.ActionIndex(store)
        large.actions = 10**9  # as if the store were large: the edges by one key lookup an action
        assert _agrees(store, large) > 50
        small = ask.ActionIndex(store, cap=2)  # a limit above the index's cap asks the store instead
        for question in FIXED:
            for limit in (1, 2, 3, 10):
                assert (ask.who_owns(store, question, limit, small) == ask.who_owns(store, question, limit)
                        == plain_who_owns(store, question, limit)), (question, limit)


def test_who_owns_asks_a_constant_number_of_queries(real_store):
    """Candidates (none with the index), the actions, their items, their edges, the owners' posts,
    whatever the limit and the number of owners; with the index, no query reads every action."""
    with closing(LadybugStore(real_store, read_only=True)) as store:
        total = len(store.query("MATCH (a:Action) RETURN a.id").rows)
        index = ask.ActionIndex(store)
        counts = set()
        for question in FIXED:
            for limit in (1, 10, 50):
                plain = _recording(store)
                answer = ask.who_owns(store, question, limit)
                indexed = _recording(store)
                assert ask.who_owns(store, question, limit, index) == answer, question
                del store.query  # the store's own method again
                counts.add((len(plain) - len(indexed), len(indexed)))
                assert all(len(rows) < total for _, rows in indexed), question
    # the candidates from the store's word index (graph/action_words.py): whether it has one (once), the
    # names, the ids of the best name and of the next ones, the number of actions; then the same four
    assert max(n for n, _ in counts) == 8 and max(m for _, m in counts) == 4, counts


def test_who_owns_asks_the_store_for_few_candidates(real_store):
    with closing(LadybugStore(real_store, read_only=True)) as store:
        total = len(store.query("MATCH (a:Action) RETURN a.id").rows)
        seen = _recording(store)
        assert ask.who_owns(store, "course on understanding children's data")
    seen = [(q, rows) for q, rows in seen if q != action_words.PRESENT]
    assert 0 < len(seen[0][1]) < total / 10  # the candidates: not every action


def test_repeated_documents_do_not_multiply_rows(tmp_path, runner):
    """Twelve copies of one minutes file of one council give the owner's post (one node for the
    council) twelve HOLDS and twelve ROLE_IN edges: no query returns their product."""
    one, many = tmp_path / "one", tmp_path / "many"
    for folder, n in ((one, 1), (many, 12)):
        folder.mkdir()
        names = [f"copy{i}.txt" for i in range(n)]
        for i, name in enumerate(names):  # (line ends more at the end: the same bytes would be one document)
            (folder / name).write_text(seed("003").read_text(encoding="utf-8") + "\n" * i, encoding="utf-8")
        (folder / "manifest.csv").write_text("file,council\n" + "".join(f"{n},Torbay Council\n" for n in names),
                                             encoding="utf-8")
    answers, rows = {}, {}
    for folder in (one, many):
        assert cli(runner, tmp_path / f"{folder.name}.db", "ingest", str(folder)).exit_code == 0
        store = LadybugStore(tmp_path / f"{folder.name}.db", read_only=True)
        seen = _recording(store)
        try:
            answers[folder.name] = ask.who_owns(store, "course on understanding children's data")
            rows[folder.name] = list(seen)
            assert answers[folder.name] == plain_who_owns(store, "course on understanding children's data")
        finally:
            store.close()
    assert len(answers["one"]) == 1 and len(answers["many"]) == 10  # an action a copy (the limit is 10)
    assert all(a["owners"] == answers["one"][0]["owners"] for a in answers["many"])
    assert answers["many"][0]["owners"][0]["held_by"]  # the owner's post is held by someone
    for (_, r_one), (_, r_many) in zip(rows["one"], rows["many"], strict=True):
        assert len(r_many) <= 12 * max(1, len(r_one))  # linear in the copies, never their square


@pytest.mark.neo4j
def test_who_owns_on_neo4j_gives_the_plain_answers_on_seeds_and_corpus(real_store, neo4j_store):
    with closing(LadybugStore(real_store, read_only=True)) as src:
        data = src.dump()
    neo4j_store.load(documents_of(data))
    assert _agrees(neo4j_store) > 50


@pytest.mark.neo4j
def test_who_owns_on_neo4j_with_the_index_gives_the_embedded_answers(real_store, neo4j_store):
    """The index finds what `_score` accepts, as the embedded store's search does; Neo4j's full-text
    index does not find a word by its beginning ("report" in "reports"), so these are fuller."""
    with closing(LadybugStore(real_store, read_only=True)) as src:
        neo4j_store.load(documents_of(src.dump()))
        index = ask.ActionIndex(neo4j_store)
        answered = 0
        for question in _questions(src):
            got = ask.who_owns(neo4j_store, question, limit=50, index=index)
            assert got == ask.who_owns(src, question, limit=50), question
            answered += bool(got)
    assert answered > 50
