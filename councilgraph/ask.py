"""who-owns: rank actions by the words of a question and tell who owns each, with the evidence."""

from __future__ import annotations

import bisect
import re

from councilgraph.graph import action_words
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


def _indexed_candidates(store: Store, question: list[str], limit: int) -> list[tuple[str, list[str]]]:
    """The names scoring at least 0.5, found by the embedded store's word index (graph/action_words.py),
    best first, with the first `limit` ids of as many names as the answer can show (the ranking needs no
    more): like `candidates`, but a lookup of the question's words rather than a scan of every action."""
    ranked = sorted(action_words.names(store, question), key=lambda n: (-_score(question, n), n))
    found: list[tuple[str, list[str]]] = []
    have = 0
    while have < limit and len(found) < len(ranked):
        # The best name first (it often has enough actions), then as many names as ids are still wanted (a
        # name has an action, but one whose last action went since the last load: rarely a third round).
        batch = ranked[len(found):len(found) + (1 if not found else limit - have)]
        ids = action_words.first_ids(store, batch, limit)
        for name in batch:
            found.append((name, ids[name]))
            have += len(ids[name])
    return found


_COUNT = "MATCH (a:Action) RETURN count(*)"


def _index_query(kind: str) -> str:
    cut = "ids[..$cap]" if kind == "neo4j" else "list_slice(ids, 1, $cap)"
    return f"MATCH (a:Action) WITH a.name AS name, collect(a.id) AS ids, count(*) AS n RETURN name, {cut}, n"


class ActionIndex:
    """The store's action names in memory, by word, for a process that asks many questions of one
    store that does not change under it (a read-only store held by a notebook, a server, the benchmark): `who_owns`
    with it reads no candidates from the store, so its time does not grow with the store. Built by one
    query over every action (once); at most `cap` ids a name are kept (a larger limit asks the store)."""

    def __init__(self, store: Store, cap: int = 100):
        self.cap = cap
        rows = store.query(_index_query(store.kind), {"cap": cap}).rows
        self.names = [(str(name), list(ids)) for name, ids, _ in rows]  # type: ignore[arg-type]
        self.actions = sum(int(n) for _, _, n in rows)  # type: ignore[call-overload]
        postings: dict[str, list[int]] = {}
        for n, (name, _) in enumerate(self.names):
            for w in set(words(name)):
                postings.setdefault(w, []).append(n)
        self.vocabulary = sorted(postings)
        self.postings = postings

    def candidates(self, question: list[str], limit: int) -> list[tuple[str, list[str]]]:
        """The names scoring at least 0.5 (`_score`: a question word counts when a word of the name
        starts with it), as (name, ids), at most `limit` ids a name, like `candidates`."""
        hits: dict[int, int] = {}
        for w in question:
            names: set[int] = set()
            at = bisect.bisect_left(self.vocabulary, w)
            while at < len(self.vocabulary) and self.vocabulary[at].startswith(w):
                names.update(self.postings[self.vocabulary[at]])
                at += 1
            for n in names:
                hits[n] = hits.get(n, 0) + 1
        return [(self.names[n][0], self.names[n][1][:limit]) for n, h in hits.items() if 2 * h >= len(question)]


# After the candidates, every query starts from the chosen actions (or their owners), never from a
# whole-table match of strings, and no OPTIONAL MATCH: each edge is its own row, combined in Python.
# Neo4j finds `WHERE a.id IN $ids` by its id index. LadybugDB (0.19.1) looks a node up by its key only
# for a literal or parameter (`{id: $id}`, or `UNWIND $ids AS x MATCH (a:Action {id: x})` with nothing
# after the match), and otherwise scans the table and hash-joins: `a.id IN $ids` compares every id
# string (~8 ms at 96,000 actions), `UNWIND` then an edge hash-joins the whole edge table (~30 ms), one
# UNION branch an id (`{id: $i0}` then the edges) ~1.2 ms an id whatever the size of the store. So the
# embedded store looks the actions up by key, taking their table offsets, and matches the edges from
# `offset(id(a)) IN $at`: a scan of bare offsets (~40 ns an action: 4 ms at 96,000, 20 ms at 480,000)
# whose semi-join mask reads the adjacency lists of those actions only; or, where the index says the
# table is large enough for that to cost more, one branch an action.
_NODES = {"neo4j": "MATCH ({v}:{label}) WHERE {v}.id IN $ids RETURN {v}.id AS id, null AS at, ",
          "embedded": "UNWIND $ids AS x MATCH ({v}:{label} {{id: x}}) RETURN {v}.id AS id, offset(id({v})) AS at, "}
_ACTION = ("a.name AS action, a.due AS due, a.due_date AS due_date, a.status AS status, a.council AS council, "
           "a.source AS source, a.item AS item")
_ITEM = "i.name AS item, i.body AS body, i.date AS date, i.url AS url, i.council AS council"
# Neo4j: the actions with their items in one round trip (each found by its id index).
_ACTIONS_NEO4J = ("MATCH (a:Action) WHERE a.id IN $ids OPTIONAL MATCH (i:AgendaItem) WHERE i.id = a.item "
                  "RETURN a.id AS id, null AS at, " + _ACTION + ", i.id AS i_id, " +
                  _ITEM.replace(" AS ", " AS i_"))
# OWNS and REQUESTED come into an action, ARISES_FROM and FOLLOWED_UP_BY go out of one, none joins two
# actions: one undirected step reads all four.
_EDGES = """
MATCH (a:Action{key})-[e:OWNS|REQUESTED|ARISES_FROM|FOLLOWED_UP_BY]-(o) {where}
RETURN a.id AS id, {type}(e) AS type, o.id AS other, {label} AS label, {at} AS at, o.name AS name,
       o.date AS date, o.source AS source, e.evidence AS evidence, e.score AS score, e.extractor AS extractor
"""
_BRANCH = 30_000  # one branch an action costs about as much as scanning this many actions' offsets
_START = {"neo4j": "{v}.id IN ${key}", "embedded": "offset(id({v})) IN ${key}"}
# An owner's posts (a person's roles, a role's holders) and where the post sits; UNION drops the repeats
# that duplicate HOLDS or ROLE_IN edges (one a document) make in the store.
_POSTS = {"persons": ("MATCH (x:Person)-[:HOLDS]->(r:Role) WHERE {start} RETURN x.id AS id, 'role' AS what, "
                      "r.name AS name",
                      "MATCH (x:Person)-[:HOLDS]->(:Role)-[:ROLE_IN]->(b) WHERE {start} RETURN x.id AS id, "
                      "'in' AS what, b.name AS name"),
          "roles": ("MATCH (x:Role)<-[:HOLDS]-(p:Person) WHERE {start} RETURN x.id AS id, 'holder' AS what, "
                    "p.name AS name",
                    "MATCH (x:Role)-[:ROLE_IN]->(b) WHERE {start} RETURN x.id AS id, 'in' AS what, b.name AS name")}


def _nodes(store: Store, label: str, v: str, fields: str, ids: list[str]) -> dict[str, dict]:
    """These nodes by id (with their table offset on the embedded store)."""
    if not ids:
        return {}
    q = _NODES[store.kind].format(v=v, label=label) + fields
    return {r["id"]: r for r in store.query(q, {"ids": ids}).dicts()}


def _edges_query(kind: str, branches: int | None = None) -> str:
    """The edges of the actions at `$at` (ids on Neo4j, offsets here), or of `$i0`…: one branch each."""
    neo = kind == "neo4j"
    fmt = {"type": "type" if neo else "label", "label": "labels(o)[0]" if neo else "label(o)",
           "at": "null" if neo else "offset(id(o))"}
    if branches is not None:
        return " UNION ALL ".join(_EDGES.format(key=f" {{id: $i{n}}}", where="", **fmt) for n in range(branches))
    return _EDGES.format(key="", where="WHERE " + _START[kind].format(v="a", key="at"), **fmt)


def _posts_query(kind: str, keys: list[str]) -> str:
    """The posts of the owners in these parameters ("persons", "roles")."""
    return " UNION ".join(t.format(start=_START[kind].format(v="x", key=k)) for k in keys for t in _POSTS[k])


def query_texts(kind: str) -> list[str]:
    """Every query text `who_owns` and `ActionIndex` send to a store of this kind but the candidates'
    (for the read-only guard's tests)."""
    nodes = ([_ACTIONS_NEO4J] if kind == "neo4j" else
             [_NODES[kind].format(v="a", label="Action") + _ACTION, _NODES[kind].format(v="i", label="AgendaItem") + _ITEM])
    words_index = [] if kind == "neo4j" else [action_words.PRESENT, action_words.NAMES, action_words.ids_query(2),
                                              _COUNT]
    return [*nodes, _edges_query(kind), *([_edges_query(kind, 2)] if kind != "neo4j" else []),
            _posts_query(kind, list(_POSTS)), _index_query(kind), *words_index]


def _edges(store: Store, actions: dict[str, dict], size: int | None = None) -> list[dict]:
    """Every OWNS, REQUESTED, ARISES_FROM and FOLLOWED_UP_BY edge of these actions, with the other end
    (`size`: the number of actions in the store, where known)."""
    if not actions:
        return []
    if store.kind != "neo4j" and size is not None and len(actions) * _BRANCH < size:
        return store.query(_edges_query(store.kind, len(actions)),
                           {f"i{n}": aid for n, aid in enumerate(actions)}).dicts()
    neo = store.kind == "neo4j"
    return store.query(_edges_query(store.kind), {"at": [a["id"] if neo else a["at"] for a in actions.values()]}).dicts()


def _describe_all(store: Store, owners: list[dict]) -> dict[str, dict]:
    """These owners (edge rows), each with the posts it holds (or the people holding it) and where the
    post sits, in one query."""
    keys = {"persons": "Person", "roles": "Role"}
    params = {k: sorted({o["other"] if store.kind == "neo4j" else o["at"] for o in owners if o["label"] == label})
              for k, label in keys.items()}
    found: dict[str, dict[str, set]] = {}
    if any(params.values()):
        q = _posts_query(store.kind, [k for k in keys if params[k]])
        for r in store.query(q, {k: v for k, v in params.items() if v}).dicts():
            if r["name"]:
                found.setdefault(r["id"], {k: set() for k in _NOBODY})[_KEYS[r["what"]]].add(r["name"])
    return {i: {k: sorted(v) for k, v in d.items()} for i, d in found.items()}


def who_owns(store: Store, question: str, limit: int = 10, index: ActionIndex | None = None) -> list[dict]:
    """Actions best matching the question, each with owner, owner's post and body, requester, due,
    item, body, meeting date, council, source, url, status and follow-ups, and the evidence sentence (an
    action without an owner shows the sentence it was requested or recorded in); best first.

    A constant number of queries whatever the number of actions and the limit: candidates (none with an
    `index` of the store's actions; on the embedded store, from its word index where it has one: the names,
    the ids of the best and then of the next ones, the count of actions), the actions, their items (with
    the actions on Neo4j), their edges, the owners' posts."""
    q = list(dict.fromkeys(words(question)))[:MAX_TERMS]  # a pasted page asks no more than its first words
    if not q:
        return []
    size = index.actions if index is not None else None
    indexed = False
    if index is not None and limit <= index.cap:
        found = index.candidates(q, limit)
    elif indexed := store.kind != "neo4j" and action_words.present(store):
        found = _indexed_candidates(store, q, limit)
    else:
        found = candidates(store, q, limit)
    # Best score first, then by name, then by id: actions of one name (two pages printing one decision) come in
    # the same order from either store, whatever order each store keeps them in.
    ranked = sorted(((_score(q, name), name, ids) for name, ids in found), key=lambda x: (-x[0], x[1]))
    chosen = [(score, aid) for score, _, ids in ranked if score >= 0.5 for aid in sorted(ids)][:limit]
    if not chosen:
        return []
    if indexed:  # the store's count of actions (no scan) picks how the edges are read, as the index's does
        size = int(store.query(_COUNT).rows[0][0])  # type: ignore[call-overload]
    ids = list(dict.fromkeys(aid for _, aid in chosen))
    if store.kind == "neo4j":
        actions = {r["id"]: r for r in store.query(_ACTIONS_NEO4J, {"ids": ids}).dicts()}
        items = {r["i_id"]: {k: r[f"i_{k}"] for k in ("item", "body", "date", "url", "council")}
                 for r in actions.values() if r["i_id"] is not None}
    else:
        actions = _nodes(store, "Action", "a", _ACTION, ids)
        items = _nodes(store, "AgendaItem", "i", _ITEM, sorted({a["item"] for a in actions.values() if a["item"]}))
    edges: dict[str, dict[str, list[dict]]] = {aid: {} for aid in actions}
    for r in _edges(store, actions, size):
        edges[r["id"]].setdefault(r["type"], []).append(r)
    described = _describe_all(store, [r for e in edges.values() for r in e.get("OWNS", ()) if r["other"]])
    out = []
    for score, aid in chosen:
        a = actions.get(aid)
        if a is None:
            continue
        e = edges[aid]
        item = items.get(a["item"]) if a["item"] else None
        owns = sorted(e.get("OWNS", ()), key=lambda r: (str(r["name"] or ""), str(r["other"] or "")))
        owners: dict[str, dict] = {}
        for r in owns:
            if r["other"] and r["other"] not in owners:
                owners[r["other"]] = {"name": r["name"], **described.get(r["other"], _NOBODY)}
        asked = e.get("REQUESTED", ())
        requesters = sorted({r["name"] for r in asked if r["name"]}, key=str)
        # The sentence the old one-row-per-combination answer showed first: its rows were sorted by owner,
        # owner id, requester and then the evidence, so the least owner's least sentence, and so on.
        evidence = (_least([(str(r["name"] or ""), str(r["other"] or ""), r["evidence"]) for r in owns])
                    or _least([(str(r["name"] or ""), r["evidence"]) for r in asked])
                    or _least([(r["evidence"],) for r in e.get("ARISES_FROM", ())]))
        trail = sorted(e.get("FOLLOWED_UP_BY", ()), key=lambda r: (_last(r["date"]), _last(r["name"])))
        out.append({"score": round(score, 3), "action": a["action"], "owners": list(owners.values()),
                    "requested_by": requesters, "due": a["due"], "due_date": a["due_date"],
                    "status": a["status"],
                    "followed_up_by": [{"item": r["name"], "date": r["date"], "source": r["source"],
                                        "evidence": r["evidence"], "score": r["score"], "extractor": r["extractor"]}
                                       for r in trail],
                    "item": item and item["item"], "body": item and item["body"], "date": item and item["date"],
                    "council": a["council"] if a["council"] is not None else item and item["council"],
                    "source": a["source"], "url": item and item["url"], "evidence": evidence})
    return out


def _least(keyed: list[tuple]) -> str | None:
    """The evidence (last of each tuple) of the least tuple whose evidence is not empty."""
    have = [k for k in keyed if k[-1]]
    return min(have, key=lambda k: (*k[:-1], str(k[-1])))[-1] if have else None


def _last(v: object) -> tuple[bool, str]:
    """Sort key putting nulls last, as ORDER BY does."""
    return (v is None, str(v) if v is not None else "")


_NOBODY = {"roles": [], "held_by": [], "in": []}
_KEYS = {"role": "roles", "holder": "held_by", "in": "in"}
