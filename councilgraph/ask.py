"""who-owns: rank actions by the words of a question and tell who owns each, with the evidence."""

from __future__ import annotations

import re

from councilgraph.graph.store import Store

_STOP = set("""the and for that with this from would will have been were was are its their they them all any
some into also more further not but has had can could should which who what when where there these those
than then each about our over who owns own action actions""".split())


MAX_TERMS = 64  # words of a question sent to the full-text index


def words(text: str) -> list[str]:
    """Content words of a question, apostrophes folded ("children's" → "childrens")."""
    text = text.lower().replace("’", "'").replace("'", "")
    return [w for w in re.findall(r"[a-z0-9]+", text) if len(w) >= 3 and w not in _STOP]


def _score(question: list[str], text: str) -> float:
    have = set(words(text))
    hits = sum(w in have or any(h.startswith(w) for h in have) for w in question)
    return hits / len(question) if question else 0.0


def candidates(store: Store, question: list[str], limit: int) -> list[tuple[str, list[str]]]:
    """Actions that might answer, as (name, ids) in the order the store gives them: the Neo4j full-text
    index where there is one, else the actions whose search key holds at least half the question's
    words (an action with fewer cannot score 0.5), grouped by name in the store and at most `limit`
    ids a name (no more are ever shown), so that a word in thousands of actions sends few rows."""
    if store.kind == "neo4j":
        from councilgraph.graph.neo4j_store import FULLTEXT_INDEX

        lucene = " OR ".join(list(dict.fromkeys(question))[:MAX_TERMS])  # Lucene allows 1024 clauses
        q = (f"CALL db.index.fulltext.queryNodes('{FULLTEXT_INDEX}', $q) YIELD node, score "
             "WHERE node:Action RETURN node.id AS id, node.name AS name LIMIT 500")
        named: dict[str, list[str]] = {}
        for r in store.query(q, {"q": lucene}).rows:
            named.setdefault(str(r[1]), []).append(str(r[0]))
        return list(named.items())
    # Every word `_score` reads in a name is a substring of the name's search key (graph/search.py folds
    # case and drops apostrophes the same way), so a word it counts as a hit is one the key CONTAINS and
    # the ranking is unchanged. A store written before actions had a search key has nulls there; those
    # actions are all candidates, as every action was before. `collect` keeps the store's order of ids.
    params: dict[str, object] = {f"w{i}": w for i, w in enumerate(question)}
    params.update(need=(len(question) + 1) // 2, limit=limit)
    hits = " + ".join(f"CASE WHEN a.search CONTAINS $w{i} THEN 1 ELSE 0 END" for i in range(len(question)))
    rows = store.query(f"MATCH (a:Action) WHERE a.search IS NULL OR {hits} >= $need "
                       "WITH a.name AS name, collect(a.id) AS ids RETURN name, list_slice(ids, 1, $limit)",
                       params).rows
    return [(str(name), list(ids)) for name, ids in rows]  # type: ignore[arg-type]


_DETAIL = """
MATCH (a:Action) WHERE a.id IN $ids
OPTIONAL MATCH (o)-[own:OWNS]->(a)
OPTIONAL MATCH (q)-[req:REQUESTED]->(a)
OPTIONAL MATCH (a)-[arise:ARISES_FROM]->()
OPTIONAL MATCH (i:AgendaItem) WHERE i.id = a.item
RETURN a.id AS id, a.name AS action, a.due AS due, a.due_date AS due_date, a.status AS status,
       coalesce(a.council, i.council) AS council, a.source AS source, own.evidence AS owner_evidence,
       req.evidence AS requester_evidence, arise.evidence AS arising_evidence, o.id AS owner_id, o.name AS owner,
       q.name AS requester, i.name AS item, i.body AS body, i.date AS date, i.url AS url
"""
_TRAIL = """
MATCH (a:Action)-[f:FOLLOWED_UP_BY]->(i:AgendaItem) WHERE a.id IN $ids
RETURN a.id AS id, i.name AS item, i.date AS date, i.source AS source, f.evidence AS evidence, f.score AS score,
       f.extractor AS extractor
ORDER BY id, date, item
"""
# The owners' posts, the people holding them and the bodies they sit in, one UNION branch each: started
# from the actions (found by their id index on Neo4j) and never optional, so that duplicate HOLDS or
# ROLE_IN edges (one a document) are not multiplied together, and UNION drops the repeats in the store.
# Not one labelled start with OPTIONAL MATCHes: LadybugDB 0.19.1 returns rows of edges that do not exist
# for that, and on Neo4j an unlabelled start scans every node (docs/MODEL.md).
_POSTS = """
MATCH (a:Action)<-[:OWNS]-(x)-[:HOLDS]->(r:Role) WHERE a.id IN $ids
RETURN x.id AS id, 'role' AS what, r.name AS name
UNION
MATCH (a:Action)<-[:OWNS]-(x)<-[:HOLDS]-(p:Person) WHERE a.id IN $ids
RETURN x.id AS id, 'holder' AS what, p.name AS name
UNION
MATCH (a:Action)<-[:OWNS]-(x)-[:ROLE_IN]->(b) WHERE a.id IN $ids
RETURN x.id AS id, 'in' AS what, b.name AS name
UNION
MATCH (a:Action)<-[:OWNS]-(x)-[:HOLDS]->(r:Role)-[:ROLE_IN]->(b) WHERE a.id IN $ids
RETURN x.id AS id, 'in' AS what, b.name AS name
"""


def who_owns(store: Store, question: str, limit: int = 10) -> list[dict]:
    """Actions best matching the question, each with owner, owner's post and body, requester, due,
    item, body, meeting date, council, source, url, status and follow-ups, and the evidence sentence (an
    action without an owner shows the sentence it was requested or recorded in); best first.

    Four queries whatever the number of actions: candidates, their details, follow-ups, owners' posts."""
    q = list(dict.fromkeys(words(question)))[:MAX_TERMS]  # a pasted page asks no more than its first words
    if not q:
        return []
    # Best score first, then by name, then in the store's order: one stable sort of the names.
    ranked = sorted(((_score(q, name), name, ids) for name, ids in candidates(store, q, limit)),
                    key=lambda x: (-x[0], x[1]))
    chosen = [(score, aid) for score, _, ids in ranked if score >= 0.5 for aid in ids][:limit]
    if not chosen:
        return []
    rows: dict[str, list[dict]] = {}
    for r in store.query(_DETAIL, {"ids": [aid for _, aid in chosen]}).dicts():
        rows.setdefault(r["id"], []).append(r)
    owned = [aid for aid, rs in rows.items() if any(r["owner_id"] for r in rs)]
    described = _describe_all(store, owned) if owned else {}
    trails: dict[str, list[dict]] = {}
    for r in store.query(_TRAIL, {"ids": [aid for _, aid in chosen]}).dicts():
        trails.setdefault(r.pop("id"), []).append(r)
    out = []
    for score, aid in chosen:
        found = rows.get(aid)
        if not found:
            continue
        found.sort(key=_row_order)  # the store's row order is not fixed: owners and requesters by name
        first = found[0]
        owners, requesters = {}, []
        for r in found:
            if r["owner_id"] and r["owner_id"] not in owners:
                owners[r["owner_id"]] = {"name": r["owner"], **described.get(r["owner_id"], _NOBODY)}
            if r["requester"] and r["requester"] not in requesters:
                requesters.append(r["requester"])
        evidence = next((r[k] for k in ("owner_evidence", "requester_evidence", "arising_evidence") for r in found
                         if r[k]), None)
        out.append({"score": round(score, 3), "action": first["action"], "owners": list(owners.values()),
                    "requested_by": requesters, "due": first["due"], "due_date": first["due_date"],
                    "status": first["status"], "followed_up_by": trails.get(aid, []), "item": first["item"],
                    "body": first["body"], "date": first["date"], "council": first["council"],
                    "source": first["source"], "url": first["url"], "evidence": evidence})
    return out


def _row_order(r: dict) -> tuple[str, ...]:
    return tuple(str(r[k] or "") for k in ("owner", "owner_id", "requester", "owner_evidence", "requester_evidence",
                                           "arising_evidence"))


_NOBODY = {"roles": [], "held_by": [], "in": []}
_KEYS = {"role": "roles", "holder": "held_by", "in": "in"}


def _describe_all(store: Store, action_ids: list[str]) -> dict[str, dict]:
    """The owners of these actions, each with the posts it holds (or the people holding it) and where
    the post sits, in one query."""
    found: dict[str, dict[str, set]] = {}
    for r in store.query(_POSTS, {"ids": action_ids}).dicts():
        if r["name"]:
            found.setdefault(r["id"], {k: set() for k in _NOBODY})[_KEYS[r["what"]]].add(r["name"])
    return {i: {k: sorted(v) for k, v in d.items()} for i, d in found.items()}
