"""who-owns' word index in the embedded store (graph/action_words.py, issue 11): written with the actions
on ingest of the real minutes, the same answers as the search it replaces, kept right when a document
changes or goes, built for a store written before it, and invisible to exports, counts and checks."""

from __future__ import annotations

import json
import re
import shutil
from contextlib import closing

from councilgraph import ask
from councilgraph.graph import action_words
from councilgraph.graph.ladybug_store import LadybugStore
from tests.conftest import SEEDS, cli

LIMITS = (1, 3, 10, 50)


def _no_index(monkeypatch) -> None:
    """Load as councilgraph did before the index (a store written before it)."""
    monkeypatch.setattr(action_words, "ensure", lambda conn: None)
    monkeypatch.setattr(action_words, "index_actions", lambda *a, **k: None)
    monkeypatch.setattr(action_words, "drop_unnamed", lambda conn: None)


def _searched(store, question: str, limit: int) -> list[dict]:
    """who-owns as without the index: every action's search key compared in the store."""
    action_words._present[store] = False
    try:
        return ask.who_owns(store, question, limit)
    finally:
        del action_words._present[store]


def _questions(store) -> list[str]:
    """Fixed questions, the first and last words of every action's name, and their first four letters."""
    names = [str(r[0]) for r in store.query("MATCH (a:Action) RETURN DISTINCT a.name").rows]
    qs = {" ".join(ask.words(n)[:4]) for n in names} | {" ".join(ask.words(n)[-3:]) for n in names}
    qs |= {" ".join(w[:4] for w in ask.words(n)[:2]) for n in names}
    return ["who owns the report", "children's services", "Children’s services", "chi", "rep", "xyzzy nothing",
            "safeguarding training", "the director will circulate the figures", *sorted(qs - {""})]


def _agrees(store) -> int:
    """who-owns through the index gives the search's answers to every question, at every limit."""
    assert action_words.present(store)
    answered = 0
    for question in _questions(store):
        for limit in LIMITS:
            got = ask.who_owns(store, question, limit)
            assert got == _searched(store, question, limit), (question, limit)
            answered += bool(got)
    return answered


def _check_index(store) -> None:
    """The index holds every stored action under its name, each name under its words, each word under
    its prefixes, and no name that no action has."""
    actions = {(str(i), str(n)) for i, n in store.query("MATCH (a:Action) RETURN a.id, a.name").rows if n is not None}
    named = store.query(f"MATCH (n:{action_words.NAME})-[e:{action_words.NAMED}]->(a:Action) "
                        "RETURN a.id, n.name, e.action").rows
    assert {(i, n) for i, n, _ in named} == actions
    assert len(named) == len(actions) and all(i == e for i, _, e in named)
    names = {n for _, n in actions}
    assert {r[0] for r in store.query(f"MATCH (n:{action_words.NAME}) RETURN n.name").rows} == names
    word_of = {(w, n) for w, n in store.query(f"MATCH (w:{action_words.WORD})-[:{action_words.WORD_OF}]->"
                                               f"(n:{action_words.NAME}) RETURN w.key, n.name").rows}
    assert word_of == {(w, n) for n in names for w in ask.words(n)}
    prefix = store.query(f"MATCH (p:{action_words.WORD})-[:{action_words.PREFIX}]->(w:{action_words.WORD}) "
                         "RETURN p.key, w.key, w.word").rows
    assert all(w.startswith(p) and len(p) >= 3 and is_word for p, w, is_word in prefix)
    vocab = {w for w, _ in word_of}
    assert {(w[:k], w) for w in vocab for k in range(3, len(w) + 1)} <= {(p, w) for p, w, _ in prefix}


def test_the_index_is_written_on_ingest_of_the_real_minutes(real_store):
    with closing(LadybugStore(real_store, read_only=True)) as store:
        assert len(store.query("MATCH (a:Action) RETURN a.id").rows) > 50
        _check_index(store)


def test_answers_through_the_index_are_the_searchs(real_store):
    with closing(LadybugStore(real_store, read_only=True)) as store:
        assert _agrees(store) > 100


def test_who_owns_through_the_index_reads_few_rows(real_store):
    """The candidates are the names that can score, found by their words (not every action read), then
    the first ids of as many of those names as the answer needs; and few queries are sent."""
    with closing(LadybugStore(real_store, read_only=True)) as store:
        names = {str(r[0]) for r in store.query("MATCH (a:Action) RETURN a.name").rows}
        action_words.present(store)
        seen: list[tuple[str, int]] = []
        real = store.query
        store.query = lambda *a, **k: (r := real(*a, **k), seen.append((a[0], len(r.rows))))[0]
        for question in ["course on understanding children's data", "report back", "committee report", "chi"]:
            q = list(dict.fromkeys(ask.words(question)))
            scoring = {n for n in names if ask._score(q, n) >= 0.5}
            for limit in (1, 10, 50):
                seen.clear()
                assert ask.who_owns(store, question, limit)
                assert len(seen) <= 8, (question, limit, seen)
                assert seen[0] == (action_words.NAMES, len(scoring)) and len(scoring) < len(names)
                fetched = [n for text, n in seen if text.startswith(action_words.ids_query(1)[:40])]
                assert 1 <= len(fetched) <= 2 and sum(fetched) <= 2 * limit, (question, limit, seen)


def _action_word(store, doc: str) -> tuple[str, str]:
    """An action of this document and the longest word of its name that no other document's action has."""
    rows = store.query("MATCH (a:Action) RETURN a.name, a.sources").rows
    elsewhere = {w for n, srcs in rows if doc not in srcs for w in ask.words(n)}
    for name, srcs in sorted(rows, key=lambda r: str(r[0])):
        if srcs == [doc]:
            mine = sorted((w for w in ask.words(name) if w not in elsewhere and w.isalpha()), key=lambda w: (-len(w), w))
            if mine:
                return name, mine[0]
    raise AssertionError(f"no action of {doc} has a word of its own")


def test_reingesting_a_changed_document_drops_its_old_words(tmp_path, runner):
    folder = tmp_path / "minutes"
    shutil.copytree(SEEDS, folder)
    db = tmp_path / "cg.db"
    assert cli(runner, db, "ingest", str(folder)).exit_code == 0
    with closing(LadybugStore(db, read_only=True)) as store:
        doc = next(s for s in store.sources() if "003_" in s)
        old_name, word = _action_word(store, doc)
        old_ids = [r[0] for r in store.query("MATCH (a:Action) WHERE a.name = $n RETURN a.id", {"n": old_name}).rows]
        assert ask.who_owns(store, word)
    path = next(folder.glob("003_*.txt"))
    text = path.read_text(encoding="utf-8")
    changed = re.sub(rf"\b{word}\b", "zqxwelt", text, flags=re.IGNORECASE)
    assert changed != text
    path.write_text(changed, encoding="utf-8")
    assert cli(runner, db, "ingest", str(folder)).exit_code == 0
    with closing(LadybugStore(db, read_only=True)) as store:
        _check_index(store)
        # the old action, its edge and its name are gone; nothing answers its word any more
        named = store.query(f"MATCH (n:{action_words.NAME})-[e:{action_words.NAMED}]->(a:Action) RETURN e.action").rows
        assert not {r[0] for r in named} & set(old_ids)
        assert not store.query(f"MATCH (n:{action_words.NAME} {{name: $n}}) RETURN n.name", {"n": old_name}).rows
        assert ask.who_owns(store, word) == _searched(store, word, 10) == []
        assert ask.who_owns(store, "zqxwelt") == _searched(store, "zqxwelt", 10) != []
        assert _agrees(store) > 10
    # and taking the document out leaves no name of it either
    assert cli(runner, db, "remove", doc).exit_code == 0
    with closing(LadybugStore(db, read_only=True)) as store:
        _check_index(store)
        assert ask.who_owns(store, "zqxwelt") == []


def test_a_store_written_before_the_index(tmp_path, runner, monkeypatch):
    """Read-only it is searched as before; the first writer to open it builds the index."""
    db = tmp_path / "old.db"
    with monkeypatch.context() as m:
        _no_index(m)
        assert cli(runner, db, "ingest", str(SEEDS)).exit_code == 0
    with closing(LadybugStore(db, read_only=True)) as store:
        assert not action_words.present(store)
        before = {(q, n): ask.who_owns(store, q, n) for q in _questions(store) for n in (1, 10)}
        assert any(before.values())
    LadybugStore(db).close()  # a writer opens it (and writes nothing else)
    with closing(LadybugStore(db, read_only=True)) as store:
        assert action_words.present(store)
        _check_index(store)
        assert {(q, n): ask.who_owns(store, q, n) for q, n in before} == before


def test_exports_counts_and_checks_do_not_show_the_index(tmp_path, runner, monkeypatch):
    with_index, without = tmp_path / "with.db", tmp_path / "without.db"
    assert cli(runner, with_index, "ingest", str(SEEDS)).exit_code == 0
    with monkeypatch.context() as m:
        _no_index(m)
        assert cli(runner, without, "ingest", str(SEEDS)).exit_code == 0
    out: dict[str, dict[str, str]] = {}
    for db in (with_index, without):
        got = out.setdefault(db.name, {})
        for fmt in ("json", "graphml", "turtle"):
            target = tmp_path / f"{db.stem}.{fmt}"
            r = cli(runner, db, "export", "--format", fmt, "--output", str(target))
            assert r.exit_code == 0, r.output
            got[fmt] = target.read_text(encoding="utf-8")
        for command in ("stats", "schema", "check", "sources"):
            r = cli(runner, db, command, "--json")
            assert r.exit_code == 0, (command, r.output)
            got[command] = r.output
    assert out["with.db"] == out["without.db"]
    assert json.loads(out["with.db"]["json"])["nodes"]
    for name in action_words.TABLES:
        assert all(name not in text for text in out["with.db"].values()), name
