"""The rule triggers' prefilter tests (extract/prefilter.py), answered with what the sentence's cue scan found.

A prefilter test of a few words is a few `in` tests of the template; one of many words (the verbs that ask, the
participles of delivery) is a pattern of them, searched at every letter of the template: most of the cost of trying
the rules on a sentence. Here each of those words is filed under its longest piece in lower case, which the cue scan
(extract/cues.py: token by token, once a sentence, for both tables) finds with the cue words; only the words filed
under a piece the sentence holds are sought in the template, with `in`. A word the template holds, outside its
markers, is the sentence's own words, so its piece is in the sentence's lower-case text: the answer is the prefilter's
(tests/test_quick_patterns.py checks it on the seed and corpus sentences), found sooner.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, lru_cache

from councilgraph.extract.action_rules import ACTION_RULES
from councilgraph.extract.prefilter import Prefilter, prefilters
from councilgraph.extract.quick import quick
from councilgraph.extract.relation_rules import MOTION_RULES, RELATION_RULES

try:  # Python 3.11+
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser as _p  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - older layouts
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

#: A test: does the template (first) hold one of the words, given the pieces its sentence holds (second)?
Gate = Callable[[str, frozenset[str]], bool]


def gate(prefilter: Prefilter) -> Gate:
    """The prefilter's test, as one expression (like Prefilter.may_match) over the template `T` and the pieces its
    sentence holds `H`."""
    if prefilter.folded:  # (its words are sought in folded text: a letter may fold to a piece's, not lower to it)
        return lambda template, held, may_match=prefilter.may_match: may_match(template)
    names: dict[str, object] = {}
    terms = []
    for i, (test, filed) in enumerate(_filed_tests(prefilter)):
        if isinstance(test, tuple):
            terms.append("(" + " or ".join(f"{w!r} in T" for w in test) + ")")
        elif filed is None:
            names[f"search{i}"] = test
            terms.append(f"search{i}(T) is not None")
        else:
            names[f"pieces{i}"], names[f"words{i}"] = frozenset(filed), filed
            terms.append(f"any(w in T for p in H & pieces{i} for w in words{i}[p])")
    source = "def test(T, H):\n    return " + (" and ".join(terms) or "True") + "\n"
    exec(source, names)  # noqa: S102 - the source is built of repr()s of literals and names of this module's objects
    return names["test"]  # type: ignore[return-value]


def pieces(prefilter: Prefilter) -> frozenset[str]:
    """The pieces the prefilter's gate files words under, which the cue scan must seek."""
    if prefilter.folded:
        return frozenset()
    return frozenset(p for _, filed in _filed_tests(prefilter) if filed for p in filed)


@cache
def demands(prefilter: Prefilter) -> tuple[tuple[frozenset[str], ...], bool]:
    """What the gate asks that the cue scan answers alone, before the template is read: the sets of pieces (of its
    word lists) the sentence must hold one of each, and whether the template must hold a marker (a test whose every
    word has "⟨": a sentence that names no one, and whose own words have none, has none). Where either fails, the gate
    does (a sentence's plan leaves its trigger out: extract/commitments.py, extract/relations.py)."""
    if prefilter.folded:
        return (), False
    tests = _filed_tests(prefilter)
    return (tuple(frozenset(filed) for _, filed in tests if filed),
            any(isinstance(t, tuple) and all("⟨" in w for w in t) for t, _ in tests))


def admits(prefilter: Prefilter, held: frozenset[str], marked: bool = True) -> bool:
    """Does the cue scan alone let the gate pass (`demands`): the sentence holds a piece of each of its sets, and its
    template holds a marker where the gate asks one (`marked`)? Where not, a sentence's plan leaves its trigger out
    (extract/commitments.py, extract/relations.py: their rules' and the motion patterns' plans ask it alike)."""
    sets, marker = demands(prefilter)
    return (marked or not marker) and all(not held.isdisjoint(p) for p in sets)


def words_held(prefilter: Prefilter, held: frozenset[str]) -> tuple[tuple[str, ...], ...] | None:
    """The gate's tests for a sentence whose cue scan holds these pieces, as lists of words of which the template must
    hold one each (a word list's: those filed under the pieces held): the gate's answer, with no set or generator
    made at each sentence (see `words_test`); None where a test is not of words (a pattern, or folded text)."""
    if prefilter.folded:
        return None
    out = []
    for test, filed in _filed_tests(prefilter):
        if isinstance(test, tuple):
            out.append(test)
        elif filed is None:
            return None
        else:
            out.append(tuple(w for p in sorted(held.intersection(filed)) for w in filed[p]))
    return tuple(out)


def narrowed(prefilter: Prefilter, held: frozenset[str], marked: bool, named: bool) -> Callable[[str], bool] | None:
    """The gate's test of the template of a sentence whose cue scan holds these pieces (`held`: at least those the
    gate files words under), as a sentence's plan keeps it: its word lists as `words_held` gives them, less a list
    that holds "⟨" alone where the template holds one (`marked`) and "⟩" alone where it names someone (`named`: a
    marker each); None where no list is left (the template passes). A gate whose tests are not all of words is asked
    with the pieces held."""
    words = words_held(prefilter, held)
    if words is None:
        test = run(prefilter.pattern)[1]
        return lambda template: test(template, held)
    return words_test(tuple(some for some in words if not (marked and "⟨" in some) and not (named and "⟩" in some)))


@lru_cache(maxsize=4096)
def words_test(words: tuple[tuple[str, ...], ...]) -> Callable[[str], bool] | None:
    """Does a template hold a word of each list? As one expression (None: no list, it does; a list with no word fails)."""
    if not words:
        return None
    source = "def test(T):\n    return " + " and ".join("(" + " or ".join(f"{w!r} in T" for w in some) + ")" if some else "False"
                                                      for some in words) + "\n"
    names: dict[str, object] = {}
    exec(source, names)  # noqa: S102 - the source is built of repr()s of the words
    return names["test"]  # type: ignore[return-value]


@cache
def _filed_tests(prefilter: Prefilter) -> list[tuple[object, dict[str, tuple[str, ...]] | None]]:
    """Each test of the prefilter, with its words by piece where it is a pattern of words that all have one."""
    return [(t, None if isinstance(t, tuple) else _filed(_words(t))) for t in prefilter.tests]


def _words(test) -> frozenset[str] | None:
    """The words of a prefilter's pattern of words (a trie, see prefilter.trie); None if it is not one."""
    pattern = getattr(getattr(test, "__self__", None), "pattern", None)
    if not isinstance(pattern, str):
        return None
    try:
        return frozenset(_expand(_p.parse(pattern)))
    except ValueError:
        return None


def _expand(items) -> set[str]:
    out = {""}
    for op, av in items:
        if op is _c.LITERAL:
            alts = {chr(av)}
        elif op is _c.SUBPATTERN and not av[1] and not av[2]:
            alts = _expand(av[3])
        elif op is _c.BRANCH:
            alts = set().union(*(_expand(alt) for alt in av[1]))
        elif op is _c.MAX_REPEAT and av[0] == 0 and av[1] == 1:
            alts = _expand(av[2]) | {""}
        else:
            raise ValueError(op)  # not a pattern of literal words
        out = {a + b for a in out for b in alts}
    return out


def _filed(words: frozenset[str] | None) -> dict[str, tuple[str, ...]] | None:
    """The words by the piece each is filed under; None if one has none (a marker in it, or no letter)."""
    if not words:
        return None
    filed: dict[str, list[str]] = {}
    for w in words:
        piece = _piece(w)
        if piece is None:
            return None
        filed.setdefault(piece, []).append(w)
    return {p: tuple(sorted(ws)) for p, ws in filed.items()}


def _piece(word: str) -> str | None:
    """The longest whitespace-free piece of the word in lower case that has a letter, where the word lies in the
    sentence's own words wherever the template holds it: no marker character ("⟨1⟩"), and no capital sigma (which
    lowers by what follows it)."""
    if "⟨" in word or "⟩" in word or "Σ" in word:
        return None
    pieces = [p for p in word.lower().split() if re.search(r"[^\W\d_]", p)]
    return max(pieces, key=len) if pieces else None


#: Every trigger's prefilter (those of the action rules, the relation rules and the motion patterns).
PREFILTERS = prefilters([*(t for r in ACTION_RULES for t in r.triggers), *(t for r in RELATION_RULES for t in r.triggers),
                         *(rx for *_, rx in MOTION_RULES)])
#: The pieces the cue scan seeks for the gates.
PIECES = frozenset().union(*map(pieces, PREFILTERS.values()))


@cache
def run(trigger: re.Pattern[str]) -> tuple[re.Pattern[str], Gate]:
    """A trigger as it is run: its quick pattern (extract/quick.py) and its gate, both made at its first use (a
    command that reads no minutes does not compile them)."""
    return quick(trigger), gate(PREFILTERS[trigger])
