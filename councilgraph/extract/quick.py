"""Patterns searched faster, with the same matches: a look-ahead for the characters a match can start with.

The `re` engine skips along a text to the places a pattern can start only when the pattern opens on a literal or a
class; one that opens on a look-behind, a word boundary or an optional part (a rule trigger's start of a clause,
`\\b`) is tried at every position of the text, each try walking its alternatives. A look-ahead for the characters its
matches can start with, put in front of it, fails at most positions at once. It is zero-width and holds wherever a
match starts (the first character a match takes is one of them), so the matches, their spans and groups are the same:
only how the pattern is run changes, not what it is.
"""

from __future__ import annotations

import re

try:  # Python 3.11+
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser as _p  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - older layouts
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

_RANGE_MAX = 128  # most characters a class may add to the opening characters (wider: any character may open)
_CATEGORIES = {_c.CATEGORY_DIGIT: r"\d", _c.CATEGORY_SPACE: r"\s"}  # (not \w: most characters are word characters)
_ZERO_WIDTH = (_c.AT, _c.ASSERT, _c.ASSERT_NOT)
_ANCHORS = (_c.AT_BEGINNING, _c.AT_BEGINNING_STRING)  # (an anchored pattern is tried at its start only)


def quick(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The pattern with a look-ahead for its opening characters, where the engine would try it at every position;
    else the pattern itself (it opens on a literal, is anchored, may match empty, or may open on any character)."""
    if pattern.flags & re.IGNORECASE:
        return pattern  # (its opening characters would be those of every case)
    items = _p.parse(pattern.pattern, pattern.flags)
    if not _tried_everywhere(items):
        return pattern
    chars, empty = _openings(items)
    if chars is None or empty:
        return pattern
    look = "".join(sorted(chars))
    try:
        fast = re.compile(f"(?=[{look}])(?:{pattern.pattern})", pattern.flags)
    except re.error:  # (global flags written inside the pattern must open it)
        return pattern
    return fast if fast.groupindex == pattern.groupindex and fast.groups == pattern.groups else pattern


def _tried_everywhere(items) -> bool:
    """Does the engine try the pattern at every position: it opens on neither a literal, a class, a branch of
    literals (which it skips to) nor a start anchor?"""
    while True:
        if not items:
            return False
        op, av = items[0]
        if op is _c.SUBPATTERN and not av[1] and not av[2]:
            items = av[3]
            continue
        if op in (_c.LITERAL, _c.IN):
            return False
        if op is _c.AT:
            return av not in _ANCHORS
        if op is _c.BRANCH:
            return not all(alt and alt[0][0] is _c.LITERAL for alt in av[1])
        return True


def _openings(items) -> tuple[set[str] | None, bool]:
    """The characters a match of a sequence can open with, as items of a class ("a", "\\(", "\\d"; None: any), and
    whether it can match empty."""
    out: set[str] = set()
    for op, av in items:
        chars, empty = _opening(op, av)
        if chars is None:
            return None, False
        out |= chars
        if not empty:
            return out, False
    return out, True


def _opening(op, av) -> tuple[set[str] | None, bool]:
    if op is _c.LITERAL:
        return {re.escape(chr(av))}, False
    if op is _c.IN:
        chars: set[str] = set()
        for iop, iav in av:
            if iop is _c.LITERAL:
                chars.add(re.escape(chr(iav)))
            elif iop is _c.RANGE and iav[1] - iav[0] < _RANGE_MAX:
                chars.add(f"{re.escape(chr(iav[0]))}-{re.escape(chr(iav[1]))}")
            elif iop is _c.CATEGORY and iav in _CATEGORIES:
                chars.add(_CATEGORIES[iav])  # (written as in the pattern: the same flags read it the same way)
            else:
                return None, False  # a negated class or category, a wide range
        return chars, False
    if op in _ZERO_WIDTH:
        return set(), True  # takes no character: the next item opens the match
    if op is _c.SUBPATTERN:
        return (None, False) if av[1] or av[2] else _openings(av[3])  # (flags inside: not followed)
    if op is _c.BRANCH:
        out: set[str] = set()
        empty = False
        for alt in av[1]:
            chars, alt_empty = _openings(alt)
            if chars is None:
                return None, False
            out |= chars
            empty = empty or alt_empty
        return out, empty
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
        low, _, sub = av
        chars, empty = _openings(sub)
        return (None, False) if chars is None else (chars, low == 0 or empty)
    return None, False  # any character, a back-reference, a conditional or atomic part
