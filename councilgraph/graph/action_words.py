"""The embedded store's word index of action names, kept in the store itself, for `who-owns`.

`who-owns` ranks actions by how many of a question's words start some word of the action's name
(`ask._score`). Without an index the embedded store compares every action's search key with every word
of the question, so its time grows with the store. This index keeps, in tables of their own:

- `CgWord` (key: a word of some action name, or a prefix of one of at least three letters, the least a
  question word has), with `CG_PREFIX` from each prefix (a word is a prefix of itself) to the words
  that start with it: a question word is a primary key here, and its edges lead to every word it scores;
- `CgActionName` (key: an action name, shared by the actions that have it), with `CG_WORD_OF` from
  each word of the name, and `CG_NAMED` to each action so named (with the action's id).

So the names a question can score come from a lookup of its words, and the actions of a name from its
node, whatever the number of actions. The tables are no labels of the graph (model.ALL_LABELS), so
dumps, exports, counts, schema and checks never see them. They are written in the same transaction as
the actions (`index_actions`); deleting an action (DETACH DELETE) drops its `CG_NAMED` edge; a name
whose last action went is deleted by the load or removal that dropped it (`drop_unnamed`); words and
prefixes are never deleted (a word no name has any more leads nowhere). A store written before the index
gets it the first time a writer opens it (`ensure`); opened read-only it has none, and `who-owns`
searches as before (`present`).
"""

from __future__ import annotations

import weakref
from collections.abc import Container, Iterable

WORD, NAME = "CgWord", "CgActionName"
PREFIX, WORD_OF, NAMED = "CG_PREFIX", "CG_WORD_OF", "CG_NAMED"
TABLES = (WORD, NAME, PREFIX, WORD_OF, NAMED)
PRESENT = "CALL show_tables() RETURN name"  # which tables the store has
MIN_PREFIX = 3  # `ask.words` keeps no shorter word of a question
_CHUNK = 50_000  # actions indexed a statement when a store written before the index gets one

_DDL = (f"CREATE NODE TABLE IF NOT EXISTS {WORD}(key STRING, word BOOLEAN, PRIMARY KEY(key))",
        f"CREATE NODE TABLE IF NOT EXISTS {NAME}(name STRING, PRIMARY KEY(name))",
        f"CREATE REL TABLE IF NOT EXISTS {PREFIX}(FROM {WORD} TO {WORD})",
        f"CREATE REL TABLE IF NOT EXISTS {WORD_OF}(FROM {WORD} TO {NAME})",
        f"CREATE REL TABLE IF NOT EXISTS {NAMED}(FROM {NAME} TO Action, action STRING)")


def _words(name: str) -> set[str]:
    from councilgraph.ask import words  # the ranking's own tokeniser (imported late: ask imports the store)

    return set(words(name))


def _tables(conn) -> set[str]:
    return {r[0] for r in conn.execute(PRESENT).get_all()}


def ensure(conn) -> None:
    """Create the index's tables where they are missing, and fill them from the actions already stored
    (a store written before the index): one transaction, so a store never has a partial index."""
    if set(TABLES) <= _tables(conn):
        return
    conn.execute("BEGIN TRANSACTION")
    try:
        for stmt in _DDL:
            conn.execute(stmt)
        rows = [(str(i), n) for i, n in conn.execute("MATCH (a:Action) RETURN a.id, a.name").get_all() if n is not None]
        for k in range(0, len(rows), _CHUNK):  # bounded statements: the parameters are copied whole
            _add(conn, rows[k:k + _CHUNK])
        conn.execute("COMMIT")
    except BaseException:
        from councilgraph.graph.ladybug_store import _rollback  # (the store imports this module)

        _rollback(conn)
        raise


def index_actions(conn, nodes: dict, ids: Container[str], fresh: set[str], dropped: set[str]) -> None:
    """Index the actions a load batch writes (inside its transaction, after its nodes are written):
    new ones (not among the stored node `ids` the batch started from, or `dropped` by it) and those whose
    name it replaces (`fresh`: their old name's edge goes first). Others keep their stored name, so their
    index stands. When the batch dropped nodes, names left with no action are deleted."""
    from councilgraph.graph.model import Label

    acts = {i: row.get("name") for i, (label, row) in nodes.items() if label is Label.ACTION}
    renamed = sorted(i for i in acts if i in fresh and i in ids and i not in dropped)
    if renamed:
        conn.execute(f"UNWIND $ids AS i MATCH (:{NAME})-[e:{NAMED}]->(a:Action {{id: i}}) DELETE e", {"ids": renamed})
    new = [(i, n) for i, n in acts.items() if n is not None and (i not in ids or i in dropped or i in renamed)]
    _add(conn, new)
    if renamed or dropped:
        drop_unnamed(conn)


def drop_unnamed(conn) -> None:
    """Delete the names no action has any more (after actions were deleted): a scan of the names, so
    only when actions went."""
    conn.execute(f"MATCH (n:{NAME}) WHERE NOT EXISTS {{ MATCH (n)-[:{NAMED}]->(:Action) }} DETACH DELETE n")


def _add(conn, actions: Iterable[tuple[str, str]]) -> None:
    """Edges to these (id, name) actions, with the names, words and prefixes not yet in the index."""
    actions = list(actions)
    if not actions:
        return
    names = sorted({n for _, n in actions})
    old_names = _existing(conn, NAME, "name", names)
    new_names = [n for n in names if n not in old_names]
    word_of = words_of(new_names)
    known = _existing(conn, WORD, "key", sorted({p for w, _ in word_of for p in _prefixes(w)}), "word")
    promoted, tables = rows(new_names, word_of, known)
    if promoted:
        conn.execute(f"UNWIND $v AS x MATCH (n:{WORD} {{key: x}}) SET n.word = true", {"v": promoted})
    for table, new in tables.items():
        _copy(conn, table, new)
    _copy(conn, NAMED, [[n, i, i] for i, n in actions])


def _prefixes(word: str) -> list[str]:
    """A word's keys in the index: its prefixes of `MIN_PREFIX` letters or more, itself the last."""
    return [word[:k] for k in range(MIN_PREFIX, len(word) + 1)]


def words_of(names: list[str]) -> list[tuple[str, str]]:
    """(word, name) for each word of these action names, name by name, each name's words sorted."""
    return [(w, n) for n in names for w in sorted(_words(n))]


def rows(names: list[str], word_of: list[tuple[str, str]],
         known: dict[str, object]) -> tuple[list[str], dict[str, list[list]]]:
    """The index's new rows for names not yet in it and their words (`words_of`), given the keys it holds (key ->
    whether it is a word; {} for an empty index): the keys held so far only as prefixes that become words, and each
    table's rows (WORD, NAME, PREFIX, WORD_OF; the NAMED edges are the caller's)."""
    # A word not yet indexed as one gets the edges from its prefixes (itself included); a key stored so
    # far only as a prefix of longer words becomes a word too.
    new_words = [w for w in sorted({w for w, _ in word_of}) if not known.get(w)]
    is_word = set(new_words)
    keys = sorted({p for w in new_words for p in _prefixes(w)} - set(known))
    return [w for w in new_words if w in known], {
        WORD: [[k, k in is_word] for k in keys],
        NAME: [[n] for n in names],
        PREFIX: [[p, w] for w in new_words for p in _prefixes(w)],
        WORD_OF: [list(p) for p in word_of]}


def _existing(conn, table: str, key: str, values: list[str], flag: str | None = None) -> dict[str, object]:
    """The stored keys among these values (by primary key), with the `flag` property where asked."""
    if not values:
        return {}
    res = conn.execute(f"UNWIND $v AS x MATCH (n:{table} {{{key}: x}}) RETURN n.{key}, "
                       f"{f'n.{flag}' if flag else 'null'}", {"v": values})
    return {r[0]: r[1] for r in res.get_all()}


def _copy(conn, table: str, rows: list[list]) -> None:
    if rows:  # maps, not lists: a list's elements take one type
        cols = ", ".join(f"r.c{k}" for k in range(len(rows[0])))
        conn.execute(f"COPY {table} FROM (UNWIND $rows AS r RETURN {cols})",
                     {"rows": [{f"c{k}": v for k, v in enumerate(row)} for row in rows]})


# ---- reading (through Store.query, so the read-only guard sees every text) ----------------------------
NAMES = (f"MATCH (p:{WORD})-[:{PREFIX}]->(:{WORD})-[:{WORD_OF}]->(n:{NAME}) WHERE p.key IN $words "
         "WITH n.name AS name, count(DISTINCT p.key) AS hits WHERE hits >= $need RETURN name")
# The action's id is on the edge too: reading it from the Action table would scan that table.
_IDS = (f"MATCH (n:{NAME} {{{{name: $n{{k}}}}}})-[e:{NAMED}]->(a:Action) WITH e.action AS id, offset(id(a)) AS at "
        "ORDER BY at LIMIT $limit RETURN {k} AS k, id, at")


def ids_query(count: int) -> str:
    """The first actions (in the store's order) of `count` names, one branch a name."""
    return " UNION ALL ".join(_IDS.format(k=k) for k in range(count))


_present: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def present(store) -> bool:
    """Whether this embedded store has the index (a store written before it, opened read-only, has not);
    asked once a store object (a reader keeps the file it opened, and a writer makes the index on opening)."""
    if store not in _present:
        _present[store] = NAMED in {str(r[0]) for r in store.query(PRESENT).rows}
    return _present[store]


def names(store, question: list[str]) -> list[str]:
    """The action names in which at least half the question's words start some word (score ≥ 0.5)."""
    rows = store.query(NAMES, {"words": question, "need": (len(question) + 1) // 2}).rows
    return [str(r[0]) for r in rows]


def first_ids(store, names: list[str], limit: int) -> dict[str, list[str]]:
    """The first `limit` action ids of each of these names, in the store's order (table offset)."""
    if not names:
        return {}
    rows = store.query(ids_query(len(names)), {**{f"n{k}": n for k, n in enumerate(names)}, "limit": limit}).rows
    out: dict[str, list[tuple[int, str]]] = {n: [] for n in names}
    for k, aid, at in rows:
        out[names[int(k)]].append((int(at), str(aid)))  # type: ignore[call-overload]
    return {n: [aid for _, aid in sorted(v)] for n, v in out.items()}
