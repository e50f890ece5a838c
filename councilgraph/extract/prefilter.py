"""Literal prefilters for regular expressions: words a text must contain for a pattern to match anywhere in it.

A pattern's required literals are read from its parse tree (the `re` module's own parser), so they follow the
pattern as it is edited: nothing is spelled twice. `Prefilter.may_match(text)` is False only when no match is
possible (every literal of one required set is absent), so testing it before `finditer`/`search` changes no
result; it is worth it where a costly pattern is tried on many sentences that mostly lack its words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from ahocorasick_rs import AhoCorasick, Implementation, MatchKind

try:  # Python 3.11+
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser as _p  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - older layouts
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

_LIMIT = 64  # most strings an exact set holds before it is given up (a product of alternations grows fast)
_NONE: frozenset[str] = frozenset()
_MEMO_MAX = 100_000  # combinations of words remembered before the memo starts again
_CLASS_MAX = 4  # most characters of a class taken as alternatives ("[Tt]"), not a range ("[A-Z]")
# Characters that match other characters under IGNORECASE than their two cases, or lower to something else
# ("İ" → "i̇"): text is folded with these first, so a lower-case literal is found wherever the pattern matches.
_FOLD = {0x130: "i", 0x131: "i", 0x17F: "s", 0x212A: "k"}


def fold(text: str) -> str:
    """Text as an IGNORECASE pattern's literals are sought in: lower case, the odd letters mapped."""
    if not text.isascii() and any(chr(c) in text for c in _FOLD):
        text = text.translate(_FOLD)
    return text.lower()


@dataclass
class _Info:
    exact: frozenset[str] | None  # every string the node can match, when few
    req: list[frozenset[str]]  # sets of which the match holds one string each


_ANY = _Info(None, [])
_EMPTY = _Info(frozenset({""}), [])


def _char(c: int, folded: bool) -> str | None:
    ch = chr(c)
    if not folded:
        return ch
    if ch.isascii() or not (ch.isalpha() or ch.lower() != ch.upper()):
        return ch.lower()
    return None  # a non-ASCII letter in folded text: its case partners are not worth the risk


def _best(info: _Info) -> frozenset[str] | None:
    sets = [s for s in ([info.exact] if info.exact is not None else []) + info.req if "" not in s]
    return max(sets, key=_score, default=None)


def _score(s: frozenset[str]) -> tuple[int, int]:
    # Words of four letters or more are rare enough alike; then fewer words are tested sooner.
    return min(min(map(len, s)), 4), -len(s)


def _seq(items, folded: bool) -> _Info:
    req: list[frozenset[str]] = []
    cur: set[str] | None = {""}
    whole = True  # every element exact and the product small: the sequence is exact
    for op, av in items:
        el = _node(op, av, folded)
        req.extend(el.req)
        if el.exact is not None and "" not in el.exact:
            req.append(el.exact)  # needed on its own too, and a smaller set to test than a product
        if el.exact is not None and cur is not None and len(cur) * len(el.exact) <= _LIMIT:
            cur = {a + b for a in cur for b in el.exact}
            continue
        whole = False
        if cur is not None:
            req.append(frozenset(cur))
        cur = set(el.exact) if el.exact is not None else None
    if cur is not None:
        if whole:
            return _Info(frozenset(cur), req)
        req.append(frozenset(cur))
    return _Info(None, req)


def _node(op, av, folded: bool) -> _Info:
    if op is _c.LITERAL:
        ch = _char(av, folded)
        return _Info(frozenset({ch}), []) if ch is not None else _ANY
    if op is _c.IN:
        chars: set[str] = set()
        for iop, iav in av:
            if iop is _c.LITERAL:
                ch = _char(iav, folded)
            elif iop is _c.RANGE and iav[1] - iav[0] < _CLASS_MAX:
                for c in range(iav[0], iav[1] + 1):
                    if (ch := _char(c, folded)) is None:
                        return _ANY
                    chars.add(ch)
                continue
            else:
                return _ANY  # a negated class, a category, a wide range
            if ch is None:
                return _ANY
            chars.add(ch)
        return _Info(frozenset(chars), []) if 0 < len(chars) <= _CLASS_MAX else _ANY
    if op is _c.ASSERT:  # a look-ahead or look-behind: adds nothing to the match, but its words are in the text
        sub = _seq(av[1], folded)
        best = _best(sub)
        return _Info(frozenset({""}), [best] if best is not None else [])
    if op in (_c.AT, _c.ASSERT_NOT):
        return _EMPTY  # zero width: adds no characters to the match
    if op is _c.SUBPATTERN:
        return _seq(av[3], folded)
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _seq(av, folded)
    if op is _c.BRANCH:
        alts = [_seq(a, folded) for a in av[1]]
        if all(a.exact is not None for a in alts):
            union = frozenset().union(*(a.exact for a in alts))  # type: ignore[arg-type]
            if len(union) <= _LIMIT:
                return _Info(union, [])
        best = [_best(a) for a in alts]
        if any(b is None for b in best):
            return _ANY
        return _Info(None, [frozenset().union(*best)])  # type: ignore[arg-type]
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", _c.MAX_REPEAT)):
        lo, hi, sub = av
        inner = _seq(sub, folded)
        if lo == 0:
            if hi == 1 and inner.exact is not None:
                return _Info(inner.exact | {""}, [])
            return _ANY
        req = inner.req + ([inner.exact] if inner.exact is not None else [])
        return _Info(inner.exact if lo == hi == 1 else None, req)
    return _ANY  # any character, a back-reference, a conditional group


def trie(words: Iterable[str]) -> str:
    """A pattern matching exactly the words, as a trie: "ab|ac" → "a(?:b|c)"."""
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)


def opening(words: Iterable[str], behind: str, negative: bool = False) -> str:
    """The words as a trie whose first letter is followed by the look-behind `behind` + that letter: the same matches
    as (?<=behind)(?:words) (or (?<!behind)(?:words), `negative`; with behind \\w, \\b(?:words) for words that begin
    with a letter), but a pattern that opens on it is searched by skipping to the words' first letters, where one
    that opens on a look-behind or \\b is tried at every position of the text."""
    rests: dict[str, list[str]] = {}
    for w in sorted(set(words)):
        rests.setdefault(w[0], []).append(w[1:])
    look = "?<!" if negative else "?<="
    return "(?:" + "|".join(f"{re.escape(c)}({look}{behind}{re.escape(c)}){trie(r)}" for c, r in rests.items()) + ")"


class Prefilter:
    """Required literal sets of one pattern; `may_match(text)` is False only where the pattern cannot match."""

    may_match: Callable[[str], bool]  # could the pattern match somewhere in the text?

    def __init__(self, pattern: re.Pattern[str], most: int = 2):
        self.pattern = pattern
        # A pattern with IGNORECASE anywhere is read, and its text searched, folded to lower case (sound for
        # its case-sensitive parts too: a literal found as written is found folded).
        self.folded = bool(pattern.flags & re.IGNORECASE) or re.search(r"\(\?[a-zA-Z-]*i", pattern.pattern) is not None
        info = _seq(_p.parse(pattern.pattern, pattern.flags), self.folded)
        sets = [s for s in ([info.exact] if info.exact is not None else []) + info.req if "" not in s]
        # A word holding another of its set ("also asked " holds "asked ") is found whenever the other is: dropped.
        sets = [frozenset(w for w in s if not any(v != w and v in w for v in s)) for s in sets]
        sets = sorted(set(sets), key=_score, reverse=True)
        # A set every word of another contains ("agreed" in "agreed to") tells nothing the other does not.
        sets = [a for a in sets if not any(b is not a and all(any(w in x for w in a) for x in b) for b in sets[:8])][:most]
        self.sets = tuple(sets)  # a text may match only if it holds a word of each set (folded, if `folded`)
        # A few words are sought with `in`; more with one pattern of them as a trie (the engine skips to the
        # characters that start a word, and tries one branch there, not one a word).
        self.tests = [tuple(sorted(s)) if len(s) <= 4 else re.compile(trie(s)).search for s in sets]
        self.may_match = self._compile()

    def _compile(self) -> Callable[[str], bool]:
        """`may_match` as one expression of `in` tests (a generator a test costs more than the tests)."""
        names: dict[str, object] = {"fold": fold}
        terms = []
        for i, t in enumerate(self.tests):
            if isinstance(t, tuple):
                terms.append("(" + " or ".join(f"{w!r} in text" for w in t) + ")")
            else:
                names[f"search{i}"] = t
                terms.append(f"search{i}(text) is not None")
        if not terms:
            return lambda text: True
        body = ("    text = fold(text)\n" if self.folded else "") + "    return " + " and ".join(terms) + "\n"
        exec("def may_match(text):\n" + body, names)  # noqa: S102 - the source is built of repr()s of literals
        return names["may_match"]  # type: ignore[return-value]


class Memo(dict):
    """Answers worked out once a key (`make(key)`), kept for up to `most` keys and then started again: a dict, so a
    known key is looked up in C, and an unknown one is made in `__missing__`. For answers asked of every sentence and
    keyed on a few of its words, which recur."""

    def __init__(self, make: Callable, most: int = _MEMO_MAX):
        super().__init__()
        self.make, self.most = make, most

    def __missing__(self, key):
        if len(self) > self.most:
            self.clear()
        value = self[key] = self.make(key)
        return value


def occurrences(text: str, word: str, stop: int | None = None) -> Iterator[int]:
    """Where the word begins in text[:stop], in order (str.find)."""
    stop = len(text) if stop is None else stop
    i = text.find(word, 0, stop)
    while i >= 0:
        yield i
        i = text.find(word, i + 1, stop)


def literal_matches(pattern: re.Pattern[str], words: Iterable[str], text: str,
                    stop: int | None = None) -> Iterator[re.Match[str]]:
    """The matches of `pattern.finditer(text, 0, stop)` for a pattern each match of which begins with one of the
    words: tried only where a word stands (found with str.find), where the pattern's own search (one opening on \\b
    or a look-behind, or on letters common in text) would try it at every position it could start."""
    stop = len(text) if stop is None else stop
    end = 0  # (as finditer: a match is sought again only after the last one)
    for i in sorted({i for w in words for i in occurrences(text, w, stop)}):
        if i >= end and (m := pattern.match(text, i, stop)):
            end = m.end()
            yield m


def prefilters(patterns: Iterable[re.Pattern[str]]) -> dict[re.Pattern[str], Prefilter]:
    """A prefilter for each pattern, by pattern."""
    return {p: Prefilter(p) for p in patterns}


class Literals:
    """The required words of many guarded patterns, and which of the patterns a text holds the words for: found once a
    text, with one pass of an Aho-Corasick automaton (CueWords), where each pattern's own `may_match` would search the
    text again (a trie of many words is a costly search)."""

    def __init__(self, patterns: Iterable[Guarded]):
        self._sets: dict[Guarded, tuple[bool, tuple[frozenset[str], ...]]] = {}
        self._needing: dict[tuple[bool, str], list[Guarded]] = {}  # (folded, word) -> the patterns it may let match
        for g in patterns:
            f = g.prefilter
            # (a set with a word of one character, " " or ":", holds in nearly every text: a test that costs more than
            # it saves, and leaving a set out only lets more texts through to the pattern)
            sets = tuple(s for s in f.sets if min(map(len, s)) > 1)
            self._sets[g] = (f.folded, sets)
            for w in sets[0] if sets else ():
                self._needing.setdefault((f.folded, w), []).append(g)
        self._always = frozenset(g for g, (_, sets) in self._sets.items() if not sets)
        every = [(folded, w) for folded, sets in self._sets.values() for s in sets for w in s]
        self._plain = CueWords(w for folded, w in every if not folded)
        self._folded = CueWords(w for folded, w in every if folded)
        self._memo = Memo(lambda held: self._passing(*held))  # (a few words a sentence, in few combinations)
        # Where no pattern asks for the folded text nor for an empty word, the words are the automaton's answer alone
        # (asked of it directly: a call less a sentence).
        plain = self._plain
        self._find = plain._automaton.find_matches_as_strings \
            if plain._automaton is not None and not plain._empty and not self._folded.words else None

    def passing(self, text: str) -> frozenset[Guarded]:
        """The patterns that may match somewhere in the text: it holds a word of each of their sets. (A pattern is
        left out only where its own prefilter's `may_match(text)` is False.)"""
        if self._find is not None:
            return self._memo[frozenset(self._find(text, overlapping=True)), _NONE]
        return self._memo[self._plain.found(text), self._folded.found(fold(text)) if self._folded.words else _NONE]

    def _passing(self, plain: frozenset[str], folded: frozenset[str]) -> frozenset[Guarded]:
        out = set(self._always)
        for word in [(False, w) for w in plain] + [(True, w) for w in folded]:
            for g in self._needing.get(word, ()):
                is_folded, sets = self._sets[g]
                if all(not s.isdisjoint(folded if is_folded else plain) for s in sets[1:]):
                    out.add(g)
        return frozenset(out)


class Guarded:
    """A compiled pattern behind its prefilter: the same results, and no scan of a text that lacks its words."""

    def __init__(self, pattern: re.Pattern[str]):
        self.pattern = pattern
        self.prefilter = Prefilter(pattern)
        self.may_match = self.prefilter.may_match

    def search(self, text: str, *args) -> re.Match[str] | None:
        return self.pattern.search(text, *args) if self.may_match(text) else None

    def match(self, text: str, *args) -> re.Match[str] | None:
        return self.pattern.match(text, *args) if self.may_match(text) else None

    def finditer(self, text: str, *args):
        return self.pattern.finditer(text, *args) if self.may_match(text) else iter(())

    def sub(self, repl, text: str, count: int = 0) -> str:
        return self.pattern.sub(repl, text, count) if self.may_match(text) else text




class CueWords:
    """Every cue word of a rule table (literal words, one of which a sentence must hold for a rule to be tried), and
    which of them a text holds: found once a text, for all the rules, in one pass of an Aho-Corasick automaton
    (ahocorasick_rs, every occurrence of every word, overlapping ones included), not one search a word."""

    def __init__(self, words: Iterable[str]):
        self.words = tuple(dict.fromkeys(words))
        sought = [w for w in self.words if w]
        self._empty = frozenset({""}) if len(sought) < len(self.words) else frozenset()  # (held by every text)
        # (a DFA: a third fewer instructions a scan than the package's default automaton for these few hundred words,
        # the same matches; made once, at import)
        self._automaton = AhoCorasick(sought, matchkind=MatchKind.Standard, implementation=Implementation.DFA) if sought else None
        self.last: tuple[str | None, frozenset[str]] = (None, frozenset())  # one attribute: safe across threads

    def found(self, text: str) -> frozenset[str]:
        last = self.last
        if last[0] is text:  # (the action and relation rules ask of the same sentence)
            return last[1]
        words = self._empty
        if self._automaton is not None:
            words = frozenset(self._automaton.find_matches_as_strings(text, overlapping=True))
            if self._empty:
                words |= self._empty
        self.last = (text, words)
        return words
