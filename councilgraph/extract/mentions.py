"""Find the actors a sentence names: people, posts, councils, bodies and organisations.

Each stage masks what it found, so that later, looser patterns cannot re-read it: known
organisations first, then people, posts, councils, bodies, organisations by their suffix,
and last the generic references ("the Committee", "the Council", "the Trust").
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter

from councilgraph.extract import vocab
from councilgraph.extract.prefilter import Guarded, Literals, opening, trie
from councilgraph.extract.quick import quick
from councilgraph.graph.model import Label


@dataclass
class Mention:
    """A span of a sentence that names an actor; `generic` marks "the Committee"-like references."""

    start: int
    end: int
    label: Label
    name: str
    surface: str
    honorific: str | None = None
    first: str | None = None
    kind: str | None = None
    generic: bool = False
    inner: list[Mention] = field(default_factory=list)  # a body or council named inside a post title
    acronym: str | None = None
    node: str | None = None  # the node id, set by the resolver


def _alt(words) -> str:
    """The words as one alternation, written as a trie ("Sub(?:\\ Board|\\-Board)"): the engine tries one branch where a
    word can start, not each word in turn. It matches what the longest-first alternation does, in the same order:
    the words that match at one place are prefixes of each other, and the trie tries the longer first."""
    return trie(set(words))


_Q = "’'"
HON = rf"(?:{_alt(vocab.HONORIFICS)})\.?"
_STOP_WORDS = set(vocab.HONORIFICS) | set(vocab.MONTHS_AND_DAYS) | {
    "The", "This", "These", "That", "Members", "Member", "Officers", "Councillors", "Resolved", "RESOLVED",
    "Minutes", "Meeting", "Report", "Inspection", "Previous", "Present", "Apologies"}
_HEAD_WORDS = set(vocab.ROLE_HEADS) - {"Head", "Lead", "Principal", "Officer", "Inspector", "Clerk"}
STOP = rf"(?:{_alt(_STOP_WORDS | _HEAD_WORDS)})(?![\w{_Q}\-])"
W = rf"(?=[A-Z\d])(?!{STOP})(?:[A-Z][A-Za-z0-9{_Q}\-]*[A-Za-z0-9]|[A-Z]|\d+[A-Za-z]+)"  # a capitalised word or acronym
# Runs are bounded (a name has at most 7 capitalised words a part, 5 parts) so that no pattern rescans a long run of
# capitalised words from every start: extraction stays linear in the length of the text.
SEQ = rf"{W}(?: {W}){{0,6}}"
ROLE_HEADS_RE = _alt(vocab.ROLE_HEADS)
_ROLE_OR_PLURAL = _alt([*vocab.ROLE_HEADS, *vocab.PLURAL_HEADS])
LSEQ = rf"{SEQ}(?!\s+(?:{ROLE_HEADS_RE})\b)"
PHRASE = rf"{SEQ}(?:(?:, {SEQ}){{0,4}},? (?:and|&) {LSEQ}|(?: & | and | of the | of | for | with ){LSEQ}){{0,4}}"
NAMEW = rf"[A-Z][a-z]*(?:(?:[{_Q}\-][A-Z]?)+[a-z]+|[A-Z][a-z]+)*[a-z]"  # Anne-Marie, McGregor, Fitzgerald-O’Connor
_NON_SURNAME = (set(vocab.ORG_SUFFIXES) | {h.split()[-1] for h in vocab.ROLE_HEADS} | {h.split()[-1] for h in vocab.BODY_HEADS}
                | {"Council", "Park", "Centre", "Primary", "Street", "Road", "Way", "Lane", "Avenue", "Close", "Gardens",
                   "House", "Hall", "Court", "Square", "Place", "Green", "Hill", "School", "Services", "Service", "Plan",
                   "Programme", "Project", "Team", "Model", "Hub", "Policy", "Strategy", "Report", "Update",
                   "Present", "Apologies", "Absent", "Attending", "Substitute", "Room"})
_GENERIC_ORG_WORDS = {"Local", "Authority", "Government", "Foundation", "Trust", "Trade", "Union", "Civic", "Office", "Health", "Area",
                      "Service", "Services", "Partnership", "Police", "Children's", "Children’s", "Forum", "Network"}

# After an honorific, a word that is also a surname is one ("Cllr Hall", "Councillor Emma Green"; "May" too).
_NOT_AFTER_HONORIFIC = (_NON_SURNAME | set(vocab.HONORIFICS) - {"Lord", "Lady"} | vocab.NOT_NAMES) - {*vocab.ALSO_NAMES, "May"}
# (a name's second and third words are no heading word either: "Councillor B Thompson Declarations of interest:")
_NOT_AFTER_SURNAME = _NOT_AFTER_HONORIFIC | (set(vocab.NOT_NAME_WORDS) - set(vocab.ALSO_NAMES))
# (The plain form opens on \b((?:{HON} )+): this one on the first honorific's first letter, the look-behind after it, so
# that the engine skips to those letters, where a look-ahead for them was tried at every position.)
_FIRST_HON = opening(vocab.HONORIFICS, r"\w", negative=True)
PERSON_HON = Guarded(re.compile(rf"((?:{_FIRST_HON})\.? (?:{HON} )*)((?:[A-Z]\.? ?)*)((?!(?:{_alt(_NOT_AFTER_HONORIFIC)})\b){NAMEW} ?"
                                rf"(?:(?!(?:{_alt(_NOT_AFTER_SURNAME)})\b){NAMEW} ?){{0,2}})"))
_NAME = rf"(?:{NAMEW}|Mc[A-Z][a-z]+|O[{_Q}][A-Z][a-z]+)(?:-{NAMEW})?"
#: Initials and a surname before a bracket or in a list: "K. Coldwell (Corporate Core)", "A. Davy & F. Campbell".
# A pattern that opens on a look-behind is tried at every position of a sentence; this one opens on its first capital
# instead, with the look-behind just after it, so the engine skips to the capitals (the same matches, twice as fast;
# tests/test_prefilter.py checks it against the plain form).
PERSON_INITIALS = re.compile(rf"((?:[A-Z](?<![\w{_Q}\-][A-Z])\. ?)(?:[A-Z]\. ?){{0,2}})({NAMEW})(?= \(| & | and |, [A-Z]\. |\s*$)")
_AN_INITIAL = re.compile(r"\.(?<=[A-Z]\.)")  # what every match of PERSON_INITIALS opens with
#: Two or three name-like words: a person when the sentence's structure says so (see Finder.people).
_NAMEW_REST = NAMEW.removeprefix("[A-Z]")
assert _NAMEW_REST != NAMEW
# The plain form is (?<![\w’'\-])({_NAME}(?: {_NAME}){1,2})(?![\w’'\-]); written to open on its first capital (the
# look-behind and the three kinds of first name after it), so that the engine skips to the capitals.
PERSON_BARE = re.compile(rf"([A-Z](?<![\w{_Q}\-].)(?:{_NAMEW_REST}|(?<=M)c[A-Z][a-z]+|(?<=O)[{_Q}][A-Z][a-z]+)(?:-{NAMEW})?"
                         rf"(?: {_NAME}){{1,2}})(?![\w{_Q}\-])")
# (The plain form opens on the look-behind, (?<=[a-z,;] )({NAMEW}): this one on the capital, as PERSON_BARE.)
_ONE_VERBS = _alt(v for v in vocab.PERSON_VERBS if not v.startswith("to "))
PERSON_ONE = Guarded(re.compile(rf"([A-Z](?<=[a-z,;] [A-Z]){_NAMEW_REST})(?= (?:{_ONE_VERBS})\b)"))
# Where a match of PERSON_ONE can end: a space and a verb. A match is one word (NAMEW holds no space) opening after a
# space, so each ends at one of these and opens after the space before it (see _people_one).
_ONE_VERB = re.compile(rf" (?:{_ONE_VERBS})\b")
_CAPITALS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
assert PERSON_ONE.pattern.pattern.endswith(f"(?={_ONE_VERB.pattern})")
_ROLE_AFTER = re.compile(rf"^(?:, ?\(?|\s*[–—-]|\s*\()? ?(?:the |our |an? )?(?:(?:[A-Z][\w{_Q}\-]*|and|of|for|&) ){{0,5}}?"
                         rf"(?:{_alt(vocab.ROLE_HEADS)})\b")
# The last of a list of names, their post after them in the plural: "Karl Jones and Kaitlin Sutton Co-opted Members".
_POSTS_AFTER = re.compile(rf"^ (?:{_alt(vocab.MEMBER_QUALIFIERS)}) (?:{_alt(vocab.ROLE_HEADS)})s\b")
_ROLE_JUST_BEFORE = re.compile(rf"(?:{_alt(vocab.ROLE_HEADS)})(?:(?: (?:for|of|and|&|the))* [A-Z][\w{_Q}\-]*)* $")
# (it ends on a capitalised word, so it is sought only where _PREV_CAPITAL finds one: every post must end so)
assert all(re.search(rf"[A-Z][\w{_Q}\-]*$", h) for h in vocab.ROLE_HEADS), "a post that ends in a lower-case word"
_ROLE_BEFORE = re.compile(rf"(?:{_alt(vocab.ROLE_HEADS)})\b[^.;()]{{0,80}}?(?:, | \(| [–—-] )$")
# "Dave Pickard (DP)", "Laura Colman (Co-opted Member)", "Alyson Grice (01905 844962)", "Fiona Abbott on 01823 …"
_BRACKET_AFTER = re.compile(r"^ (?:\((?:[A-Z]{2,4}\)|[A-Z][a-z]|\d)|on \d)")
_OBJECT_BEFORE = Guarded(re.compile(rf"\b(?:{_alt(vocab.PERSON_OBJECT_VERBS)})\s+$"))
_LABEL_BEFORE = Guarded(quick(re.compile(r"(?:^|\b)(?:Contact|Officer|Author|Clerk|Report author|Lead officer|Present|Apologies|"
                           r"In attendance|Also present|Presented [Bb]y)\s*:\s*$")))
#: What stands between two names of a list ("A, B and C", "A & B"), the longer first.
_GAPS = (", and ", ", ", " and ", " & ")
_GAP = "|".join(map(re.escape, _GAPS))
_LIST_GAP = rf"(?: \([^()]{{1,60}}\))?(?:{_GAP})"
_PERSON_BESIDE = re.compile(rf"^{_LIST_GAP}\x00|\x00{_LIST_GAP}$")
# What a text holds wherever _PERSON_BESIDE can match near a name in it: a mention taken (\x00) with a list's gap, or
# its bracket, on one side of it.
_BESIDE_MARKS = ("\x00 (", *(f"\x00{g}" for g in _GAPS), *(f"{g}\x00" for g in _GAPS))
_VERB_AFTER = re.compile(rf"^ (?:{_alt(vocab.PERSON_VERBS)})\b")
_PLURAL_BEFORE = tuple(f"{h} " for h in vocab.PLURAL_HONORIFICS)  # "Councillors Mrs. J.E. Charles, …": honorifics in a list
_PLURAL_HON = Guarded(quick(re.compile(r"\b(?:County Councillors|Councillors|Cllrs\.?)\s+")))
# (the last name ends the list at a stop or a lower-case word: "Councillors Leadbetter and Samuel attended"; a post
# in brackets after a name is read by the post finder: "C Patel (Vice-Chairman) and D Brown")
_LIST_ITEM = re.compile(rf"((?:(?:{_alt(vocab.LIST_HONORIFICS)})\.? )?(?:[A-Z]\.? ?){{0,3}})({_NAME}(?: {_NAME})?)(?: \([^()]{{1,80}}\))?"
                        r"(?:,? and |, | & |$|(?=[.;:,)]| [a-z]))")
#: After one honorific, more names: "Councillor Mills and Barnby respectively", "Councillor Mrs Shields, Cussons and …".
_MORE_NAMES = re.compile(_GAP)
_NOT_NAME = set(vocab.NOT_NAME_WORDS) | vocab.NOT_NAMES | set(vocab.MONTHS_AND_DAYS) | set(vocab.HONORIFICS)
# A name placed by a strong cue (a post beside it, "Contact:") may be words that are also common ("Mark Elliott",
# "Michelle Rose", "Ann Little"): only words of posts, bodies and organisations are refused there.
_NOT_NAME_PLACED = _NOT_NAME - set(vocab.ALSO_NAMES)


def _capital_not_opening(words: Iterable[str], then: str = "") -> str:
    """A capital that does not begin one of these words followed by a space (and after which `then` holds): one branch
    a letter, each led by the letter, so that a pattern opening on it still skips to the capitals."""
    rests: dict[str, list[str]] = {c: [] for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}
    for w in words:
        if w[:1] in rests:
            rests[w[0]].append(w[1:])
    return "(?:" + "|".join(f"{c}{then}(?!{trie(r)} )" if r else c + then for c, r in rests.items()) + ")"


# PERSON_BARE's candidates for Finder.people: a run whose first word is a word of minutes ("Services Carol Cammiss")
# is no name, and the engine goes on to the next capital itself, where a loop in Python would search again from it.
# Each match's first word is of NAMEW's characters and a capital follows it after a space: a look-ahead for that, tried
# first, passes over most capitals ("The report", "Minutes.") before the words of minutes are tried there.
_TWO_WORDS_AHEAD = rf"(?=[A-Za-z{_Q}\-]* [A-Z])"
_PERSON_CANDIDATE = re.compile(PERSON_BARE.pattern.replace(
    "([A-Z](?<!", f"({_capital_not_opening((w for w in _NOT_NAME_PLACED if len(w.split()) == 1), _TWO_WORDS_AHEAD)}(?<!", 1))
assert _PERSON_CANDIDATE.pattern != PERSON_BARE.pattern
# PERSON_BARE behind the same look-ahead, for the names of a list beside a person (Finder.people_named_more_fully).
_PERSON_BARE_AHEAD = re.compile(PERSON_BARE.pattern.replace("([A-Z](?<!", f"([A-Z]{_TWO_WORDS_AHEAD}(?<!", 1))
assert _PERSON_BARE_AHEAD.pattern != PERSON_BARE.pattern


_BRANCH = re.compile(rf" (?!(?:{_alt(_NON_SURNAME | vocab.NOT_NAMES)})\b)[A-Z][a-z]+(?: [A-Z][a-z]+)?\b(?! [A-Z])")
# (Cues: a word of the list between word boundaries, written to open on its first letter, the look-behind after it,
# so that one scan skips from capital to capital: the plain form is \b(?:words)\b, behind a prefilter of its words.)
_ROLE_CUE = Guarded(re.compile(opening([h.split()[-1] for h in vocab.ROLE_HEADS] + list(vocab.PLURAL_HEADS), r"\w", negative=True)
                       + r"\b"))
_CAPITAL_CUE = re.compile(r"[A-Z][a-z’'\-]*[a-z]|[A-Z]\.")
_A_CAPITAL = re.compile(r"[A-Z]")

_BODY_CUE = Guarded(re.compile(opening(vocab.BODY_HEADS, r"\w", negative=True) + r"\b"))
_ORG_SUFFIX_CUE = Guarded(re.compile(_alt(vocab.ORG_SUFFIXES)))
_LEGAL_REFERENCE = quick(re.compile(r"\b(?:Schedule|Section|Part|Paragraph|Regulation|Act)\b|\d"))  # "Schedule 12A of the …"
_PREV_CAPITAL = re.compile(r"([A-Z][\w’'\-]*)\s+$")
_ENDS_IN_BODY_HEAD = quick(re.compile(rf"\b(?:{_alt(vocab.BODY_HEADS)})$"))
_PART_OF_A_TRUST = re.compile(r" (?:Foundation )?Trust\b")
_CABINET_POST = re.compile(r"\s*(?:Member|Lead|Portfolio)")
_THE_EXECUTIVE = re.compile(r"(?<![\w-])[Tt]he Executive(?=\s+[a-z]|\s*[^\w\s]|\s*$)")  # not "the Executive Director"
# Tests of a name's or a title's surroundings, compiled once (not looked up in re's cache at each use).
_OPENS_ASIDE = re.compile(r"^(?:,|\s*[–—-]|\s*\()")
_ENDS_NAME = re.compile(r"^(?:\s*$|[^\w\s]| [a-z])")
_HEADING_AFTER = re.compile(r"^\s*(?:\(|,|$)")
_OWNER_BEFORE_POST = re.compile(rf"^(?:.*\b)?(?:Committee|Council|Board|Panel|Trust)[{_Q}]s\s*")
_TAIL_AFTER_COMMA = re.compile(r"^(?:,| [–—-]|:)")
_POSSESSIVE_END = re.compile(rf"[{_Q}]s$")
_OF_TAIL = re.compile(r"(?:,? (?:of|for) (?:the )?|(?:,| [–—-]|:) )(.*)$")
_COUNCIL_WORD = re.compile(r"(?:(?:County|City|Borough|District) )?Council")
_LEADING_THE = re.compile(r"^(?:The|the) ")
_OWNER_BEFORE_BODY = re.compile(rf"^(?:(?:Committee|Board|Panel|Council){_Q[0]}s|(?:Committee|Board|Panel|Council)'s) ")
_THREE_WORDS = re.compile(r"(?:[A-Z][a-z]+ ){2,}[A-Z][a-z]+")
_BODY_WORD = re.compile(r"Scrutiny|Committee|Board|Panel|Cabinet")
_WINDOW = 160  # characters either side of a name in which its cues are read
_JOINERS = {"and", "of", "for", "the", "&", "in", "on", "at", "to", "with", "from", "by"}


_WORD_CHAR = re.compile(r"[\w\-]")
_AFTER_ACRONYM = re.compile(r"(?![\w\-])")
_AFTER_GIVEN_NAME = re.compile(rf"(?![\w\-{_Q}]| [A-Z])")


class _Words:
    r"""Where a document’s own words (given names, acronyms) stand: the matches of (?<![\w\-])(?:w1|w2|…)(after), the
    longest word first, found with str.find at the words' first letters, not with a pattern compiled for each
    document (compiling one costs more than reading every sentence with it)."""

    def __init__(self, words: tuple[str, ...], after: re.Pattern[str]):
        self.after = after
        self.by_first: dict[str, list[str]] = {}
        for w in sorted(words, key=len, reverse=True):
            self.by_first.setdefault(w[:1], []).append(w)
        # (An empty word matches everywhere: the pattern itself then, as the plain form.)
        self.plain = re.compile(rf"(?<![\w\-])(?:{'|'.join(map(re.escape, sorted(words, key=len, reverse=True)))})"
                                rf"{after.pattern}") if "" in self.by_first else None

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, word) of each match, in order, as `finditer` gives them."""
        if self.plain is not None:
            return [(m.start(), m.end(), m[0]) for m in self.plain.finditer(text)]
        out: list[tuple[int, int, str]] = []
        pos = 0
        for p in _starts(text, self.by_first):
            if p < pos or p and _WORD_CHAR.match(text, p - 1):
                continue
            for w in self.by_first[text[p]]:
                if text.startswith(w, p) and self.after.match(text, p + len(w)):
                    out.append((p, p + len(w), w))
                    pos = p + len(w)
                    break
        return out


def _starts(text: str, firsts: Iterable[str]) -> list[int]:
    """Where any of these first characters stands in the text, in order (str.find, not a pattern)."""
    starts = []
    for c in firsts:
        i = text.find(c)
        while i >= 0:
            starts.append(i)
            i = text.find(c, i + 1)
    return sorted(starts)


def _is_word_char(text: str, i: int) -> bool:
    """Is text[i] a character \\w matches (False off either end)?"""
    return 0 <= i < len(text) and (text[i].isalnum() or text[i] == "_")


class WordsBetweenBoundaries:
    r"""The words `re.compile(r"\b(?:w1|w2|…)\b").finditer(text)` matches, in order (at each place the first word in
    the given order that fits), found with str.find at the words' first characters: for a document's own names,
    where compiling the pattern costs more than reading every sentence with it."""

    def __init__(self, words: list[str]):
        self.words = [w for w in dict.fromkeys(words)]
        self.plain = re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b") if "" in self.words else None
        self.by_first: dict[str, list[str]] = {}  # first character -> the words it begins, in the given order
        for w in self.words:
            self.by_first.setdefault(w[:1], []).append(w)

    def find(self, text: str) -> list[str]:
        if self.plain is not None:  # (an empty word matches at every boundary: the pattern, as written)
            return [m[0] for m in self.plain.finditer(text)]
        out: list[str] = []
        pos = 0
        for p in _starts(text, self.by_first):
            if p < pos or _is_word_char(text, p - 1) == _is_word_char(text, p):
                continue
            for w in self.by_first[text[p]]:  # (only a word that begins with the character there can stand there)
                end = p + len(w)
                if text.startswith(w, p) and _is_word_char(text, end - 1) != _is_word_char(text, end):
                    out.append(w)
                    pos = end
                    break
        return out


@lru_cache(maxsize=256)
def _words(words: tuple[str, ...], after: re.Pattern[str]) -> _Words:
    return _Words(words, after)


class LowerCaseWords:
    """The words a text writes in lower case ("programme", "children’s"), as `in` asks of them: read from the text the
    first time one is asked for (most documents never ask: only a name without a strong cue is tested against them)."""

    def __init__(self, text: str):
        self.text = text
        self._words: frozenset[str] | None = None
        self._asked = 0

    def __contains__(self, word: object) -> bool:
        if self._words is None:
            if isinstance(word, str) and word not in self.text:
                return False  # (each word read is a piece of the text: most names are nowhere in lower case)
            self._asked += 1
            where = self._where(word) if isinstance(word, str) and self._asked <= _ASKED_MOST else None
            if where is not None:
                return where
            self._words = frozenset(_LOWER_CASE_WORD.findall(self.text))
        return word in self._words

    def _where(self, word: str) -> bool | None:
        """Is the word one of the text's, read only from the runs of lower-case letters it stands in (None: it stands
        in too many)? No match of _LOWER_CASE_WORD spans a character outside such a run, and the search reaches each
        run's first letter afresh, so a run's matches are those of the run alone, read with a character either side
        (its boundaries)."""
        if not _A_LOWER_CASE_WORD.fullmatch(word):
            return False
        text = self.text
        at = text.find(word)
        for _ in range(_OCCURRENCES_MOST):
            if at < 0:
                return False
            start, end = at, at + len(word)
            while start and text[start - 1] in _LOWER_RUN:
                start -= 1
            while end < len(text) and text[end] in _LOWER_RUN:
                end += 1
            if word in _LOWER_CASE_WORD.findall(text, max(0, start - 1), end + 1):
                return True
            at = text.find(word, end)  # (a later run: this one's matches are read)
        return None


_LOWER_CASE_WORD = re.compile(r"\b[a-z][a-z’'\-]+\b")
_A_LOWER_CASE_WORD = re.compile(r"[a-z][a-z’'\-]+")  # what each of its matches is
_LOWER_RUN = frozenset("abcdefghijklmnopqrstuvwxyz’'-")
_ASKED_MOST = 8  # words asked before the text's words are read all at once
_OCCURRENCES_MOST = 8  # runs a word is sought in before they are


def _namelike(words: list[str], common: Container[str]) -> bool:
    """Could these capitalised words be a person's name? None a word of minutes, nor one the document writes in
    lower case elsewhere ("Programme" … "programme")."""
    return all(w not in _NOT_NAME and w.lower() not in common for w in words)


ROLE = quick(re.compile(
    rf"(?<![\w{_Q}\-])((?:{SEQ}(?: (?:and|&) {SEQ})* )?)({_ROLE_OR_PLURAL})(?![\w\-])"
    rf"((?:,? (?:of|for|with responsibility for) (?:the )?{PHRASE}|(?:,| [–—-]|:) (?!(?:the|The|a|an|and)\b){PHRASE}(?=[;.),]|$| \(| (?:and )?[a-z]))?)"))
#: Posts written in lower case, as some councils minute them; only titles of two words or more, after "the".
LOWER_ROLE = Guarded(re.compile(rf"(({opening((h.lower() for h in vocab.ROLE_HEADS if ' ' in h), '[Tt]he ')})"
                                rf"(?: (?:of|for) (?:the )?[a-z{_Q}]+(?: (?:and|&) [a-z{_Q}]+)?)?)\b(?! [A-Z])"))
# What any such match holds: "he ", a head's first word and a space. Sought first (a search led by a literal, cheaper
# than the prefilter's search for every head): where it is absent, LOWER_ROLE cannot match.
_LOWER_ROLE_CUE = Guarded(re.compile(rf"he (?:{_alt({h.lower().split()[0] for h in vocab.ROLE_HEADS if ' ' in h})}) "))
COUNCIL_NAMED = Guarded(quick(re.compile(
    rf"\b((?:London|Royal) Borough of {SEQ}|City of {SEQ} Council|{SEQ} (?:(?:{_alt(vocab.COUNCIL_KINDS)}) )?Council)\b(?! [A-Z])")))
COUNCIL_GENERIC = quick(re.compile(rf"\b(?:[Tt]he|[Tt]his|[Oo]ur|[Ww]ith) ((?:(?:{_alt(vocab.COUNCIL_KINDS)}) )?Council|[Ll]ocal [Aa]uthority"
                             rf"|council)\b(?![{_Q}\w]| [A-Z]| [a-z]+ (?:meeting|chamber|tax)\b)"
                             rf"|\b((?:County|City|Borough|District) Council)\b(?! [A-Z])"))
BODY = quick(re.compile(rf"\b((?:{PHRASE} )?)({_alt(vocab.BODY_HEADS)})\b(?![{_Q}]s)"))
BODY_MEETING = Guarded(re.compile(rf"\b({PHRASE}) meeting\b"))
ORG_SUFFIX = re.compile(rf"\b({PHRASE} )({_alt(vocab.ORG_SUFFIXES)})\b")
ORG_PREFIXED = Guarded(quick(re.compile(rf"\b((?:{_alt(vocab.ORG_PREFIXES)}) {SEQ})")))
ORG_DESCRIBED = Guarded(re.compile(rf"\b(?:{_alt(vocab.ORG_DESCRIPTORS)}),? ({SEQ})"))
GENERIC_BODY = Guarded(quick(re.compile(rf"\b(?:[Tt]he|[Tt]his|[Ii]ts|[Oo]ur) ({_alt(vocab.GENERIC_BODIES)})\b|\b(Committee|Board|Panel)(?= [Mm]embers?\b)")))
BODY_COUNCIL = Guarded(quick(re.compile(rf"\b((?:Children in Care|Youth|Schools?|Pupil|Student|Young People[{_Q}]s) Council)\b")))
_GENERIC_LOWER_BODY = Guarded(quick(re.compile(r"\b(?:[Mm]embers of the|[Tt]he) (committee|board|panel)\b")))
GENERIC_TRUST = Guarded(quick(re.compile(r"\b[Tt]he (Trust|Partnership)\b")))
ACRONYM_AFTER = re.compile(r" \(([A-Z][A-Za-z0-9&]{1,9})\)")
assert ACRONYM_AFTER.pattern.startswith(r" \("), "Finder.take tries it only where ' (' follows"


def known_org(name: str) -> tuple[str, str] | None:
    """(canonical name, kind) of a national organisation by any of its names."""
    return _KNOWN_ORG_KEYS.get(name.replace("’", "'").lower())


# Each name of a national organisation, as known_org looks it up (the first organisation listed that has it).
_KNOWN_ORG_KEYS: dict[str, tuple[str, str]] = {}
for _canon, (_alts, _kind) in vocab.KNOWN_ORGS.items():
    for _n in (_canon, *_alts):
        _KNOWN_ORG_KEYS.setdefault(_n.replace("’", "'").lower(), (_canon, _kind))


def _known_org_re():
    names = [n for canon, (alts, _) in vocab.KNOWN_ORGS.items() for n in (canon, *alts)]
    names += [n.replace("'", "’") for n in names if "'" in n]
    # (The plain form opens on the look-behind, (?<![\w\-])({_alt(names)}): this one on the name's first letter.)
    return re.compile("(" + opening(names, r"[\w\-]", negative=True) + r")(?![\w\-])")


KNOWN_ORG = Guarded(_known_org_re())


_TOKEN_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789’'-")  # W's characters
_OPENING_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")  # what W opens with
_TOKEN_RUN = re.compile(r"[A-Za-z0-9’'\-]*")  # (the same characters, matched on a word reversed)


class RunBack:
    """Where a match of ROLE, BODY or ORG_SUFFIX can start at the earliest, given where the first of its head words
    stands. Such a match is its words up to the head word: capitalised words (W), the joining words of its pattern and
    the head's own first words, one space apart (after a comma, in a PHRASE). So a match that reaches the head word
    cannot start before a word, before it, that is none of these: the pattern is searched from that word on, not from
    every capital before it (each tried there reads a run of capitalised words and backtracks through it)."""

    def __init__(self, joins: Iterable[str], comma: bool, opens_after: str):
        self.joins = frozenset(joins)
        self.comma = comma  # (a PHRASE's words may end in a comma: "Adults, Health and Wellbeing Board")
        self._opens_after = re.compile(opens_after)  # a character a match may open after ("x-Foo" with \b)

    def start(self, text: str, cue: int) -> int:
        """A position no match of the pattern that reaches the head word at `cue` (or one after it) starts before."""
        i = cue
        while i and text[i - 1] in _TOKEN_CHARS:  # the word the head word is in
            i -= 1
        while i > 1 and text[i - 1] == " ":
            j = text.rfind(" ", 0, i - 1) + 1
            word = text[j:i - 1]
            if self.comma and word.endswith(","):
                word = word[:-1]
            if word in self.joins or word and word[0] in _OPENING_CHARS and _TOKEN_CHARS.issuperset(word):
                i = j  # a word a match can hold: it may start before it
                continue
            # Not one: a match may still open inside it, on the run of W's characters that ends it ("(Foo",
            # "&Children's"), or, where all are, after one it may open after ("x-Foo" with \b).
            run = len(word) - _TOKEN_RUN.match(word[::-1]).end()
            if run:
                return j + run
            after = self._opens_after.search(word)
            return j + after.end() if after else i
        return i

    def matches(self, pattern: re.Pattern[str], cue: re.Pattern[str], text: str,
                first: re.Match[str] | None) -> Iterator[re.Match[str]]:
        """pattern.finditer(text), for a pattern each match of which holds a head word found by `cue` (the first
        found: `first`), at or before which the run of words the match holds ends (see `start`)."""
        pos = 0
        while first is not None:
            m = pattern.search(text, max(pos, self.start(text, first.start())))
            if m is None:
                return
            yield m
            pos = m.end()  # (no match is empty: each holds its head word)
            first = cue.search(text, pos)


# ROLE: W words joined by "and", "&", up to the head, whose last word _ROLE_CUE finds ("Secretary of State": "of");
# no match opens after a character of a word ((?<![\w’'\-])).
_ROLE_RUN = RunBack(("and", "&", "of"), False, r"[^\w’'\-]")
# BODY, ORG_SUFFIX: a PHRASE ("of the", "for", "with", commas), up to the head _BODY_CUE or _ORG_SUFFIX_CUE finds at its
# start; a match opens at \b.
_PHRASE_RUN = RunBack(("and", "&", "of", "the", "for", "with"), True, r"\W")
assert all(w in _ROLE_RUN.joins or w[0] in _OPENING_CHARS and _TOKEN_CHARS.issuperset(w)
           for h in (*vocab.ROLE_HEADS, *vocab.PLURAL_HEADS) for w in h.split(" ")), "a post's word RunBack cannot pass"


class Near:
    """pattern.finditer(text), searched only near the words each match ends in: for a pattern each match of which
    opens at most `before` characters ahead of its one such word (found by `anchor`) and reads at most `after`
    characters past it. Each search is bounded at both ends to a word's neighbourhood, where the pattern's own would
    try every letter a match may open with ("t" of "the") to the end of the sentence."""

    def __init__(self, anchor: re.Pattern[str], before: int, after: int):
        self.anchor, self.before, self.after = anchor, before, after

    def matches(self, pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
        pos = 0
        while word := self.anchor.search(text, pos):
            # (A match found that opens after the word may end in a later word, whose surroundings the bound cuts: it
            # is sought again from that word, whose search it is.)
            m = pattern.search(text, max(pos, word.start() - self.before), min(len(text), word.end() + self.after))
            if m is not None and m.start() <= word.start():
                yield m
                pos = m.end()
            else:
                pos = word.start() + 1


# GENERIC_BODY: "the"/"This"/"Its"/"our", a space and a body ("Sub-Board" ends in "Board"), or a body before
# " members"; nothing between a match's start and its body holds a body's word.
_GENERIC_BODY_WORDS = sorted({g.split("-")[-1] for g in vocab.GENERIC_BODIES} | {"Committee", "Board", "Panel"})
_GENERIC_BODY_NEAR = Near(re.compile(_alt(_GENERIC_BODY_WORDS)),
                          len("This ") + max(len(g) - len(g.split("-")[-1]) for g in vocab.GENERIC_BODIES),
                          len(" members") + 1)


#: Every pattern a sentence's words can rule out, and the cues tried before costly patterns: which of their required
#: words a sentence holds is found once (prefilter.Literals), and each is tried only where its words are.
_LITERALS = Literals((
    KNOWN_ORG, PERSON_HON, _PLURAL_HON, _LABEL_BEFORE, _OBJECT_BEFORE, PERSON_ONE, _ROLE_CUE, LOWER_ROLE, _LOWER_ROLE_CUE,
    BODY_COUNCIL, COUNCIL_NAMED, _BODY_CUE, BODY_MEETING, ORG_PREFIXED, _ORG_SUFFIX_CUE, ORG_DESCRIBED,
    GENERIC_BODY, _GENERIC_LOWER_BODY, GENERIC_TRUST))
# What Finder.orgs and Finder.generics try, each only where the sentence holds the words: a sentence that holds none's
# words skips the stage.
_ORG_STAGE = frozenset((ORG_PREFIXED, _ORG_SUFFIX_CUE, ORG_DESCRIBED))
_GENERIC_STAGE = frozenset((GENERIC_BODY, _GENERIC_LOWER_BODY, GENERIC_TRUST))
_START = attrgetter("start")


def _people_one(text: str) -> Iterator[re.Match[str]]:
    """PERSON_ONE.pattern.finditer(text), sought from the verbs its matches end at: the word before each is tried
    (matched from the space before it), where the pattern tried every capital and read its word before the verb's
    alternation. Matches are whole words, so none overlaps another: each verb's is the one finditer reaches there."""
    pos = 0
    while verb := _ONE_VERB.search(text, pos):
        at = verb.start()
        word = text.rfind(" ", 0, at) + 1
        # (most verbs follow a word in lower case, "it was noted": the pattern opens on a capital)
        m = PERSON_ONE.pattern.match(text, word) if text[word] in _CAPITALS else None
        if m is not None and m.end() == at:
            yield m
        pos = at + 1


class Finder:
    """Finds mentions in one sentence, masking what each stage takes."""

    def __init__(self, text: str, acronyms: dict[str, tuple[Label, str]], first_names: dict[str, str],
                 known: frozenset[str] = frozenset(), common: Container[str] = frozenset(),
                 ok: frozenset[Guarded] | None = None):
        self.text = text
        self.masked = text
        self.found: list[Mention] = []
        self.acronyms = acronyms
        self.first_names = first_names
        self.known = known  # people named in full elsewhere in the document
        self.common = common  # words the document writes in lower case
        # The patterns whose words the sentence holds (masking only takes words away); a piece of a sentence is given
        # the sentence's: those it holds are among them, and a pattern whose words it lacks finds nothing in it.
        self.ok = _LITERALS.passing(text) if ok is None else ok

    def holds(self, pattern: Guarded) -> bool:
        """Does the sentence hold the pattern's required words (else it cannot match, masked or not)?"""
        return pattern in self.ok

    def cue(self, pattern: Guarded) -> re.Match[str] | None:
        """Where the masked sentence first holds the cue a costly pattern needs (None: nowhere)."""
        return pattern.pattern.search(self.masked) if pattern in self.ok else None

    def scan(self, pattern: Guarded) -> Iterable[re.Match[str]]:
        """The pattern's matches in the masked sentence; none sought where its words are missing."""
        return pattern.pattern.finditer(self.masked) if pattern in self.ok else ()

    def take(self, m: Mention) -> Mention | None:
        if not self.free(m.start, m.end):
            return None
        after = ACRONYM_AFTER.match(self.text, m.end) if self.text.startswith(" (", m.end) else None  # (as it opens)
        if after and m.label is not Label.PERSON:
            m.acronym = after[1]
            self.acronyms.setdefault(after[1], (m.label, m.name))
            m.end = after.end()
            self.found = [x for x in self.found if not (m.start <= x.start and x.end <= m.end)]
        self.masked = self.masked[:m.start] + "\x00" * (m.end - m.start) + self.masked[m.end:]
        self.found.append(m)
        return m

    def free(self, a: int, b: int) -> bool:
        return "\x00" not in self.masked[a:b]

    def run(self) -> list[Mention]:
        # A stage none of whose patterns or cues the sentence holds the words for (nor a document's acronym) finds
        # nothing: not called (each stage's own first test would say so, at the cost of a call and its tests).
        ok = self.ok
        if KNOWN_ORG in ok or self.acronyms and any(map(self.masked.__contains__, self.acronyms)):
            self.known_orgs()
        self.people()
        if _ROLE_CUE in ok or _LOWER_ROLE_CUE in ok:
            self.roles()
        if "ouncil" in self.masked or "uthority" in self.masked:  # (councils' own first test)
            self.councils()
        if _BODY_CUE in ok:
            self.bodies()
        if not _ORG_STAGE.isdisjoint(ok):
            self.orgs()
        if not _GENERIC_STAGE.isdisjoint(ok):
            self.generics()
        found = self.found
        return sorted(found, key=_START) if len(found) > 1 else found

    def known_orgs(self) -> None:
        for m in self.scan(KNOWN_ORG):
            canon, kind = known_org(m[1])  # type: ignore[misc]
            if _PART_OF_A_TRUST.match(self.masked, m.end(1)):
                continue  # "Oxleas NHS Foundation Trust": a trust of its own, which `orgs` names whole
            branch = _BRANCH.match(self.masked, m.end(1)) if m[1] in vocab.ORG_BRANCHES else None
            if branch:  # "NHS Devon": the national body's branch for a place is an organisation of its own
                self.take(Mention(m.start(1), branch.end(), Label.ORGANISATION, self.text[m.start(1):branch.end()],
                                  self.text[m.start(1):branch.end()], kind=kind))
                continue
            self.take(Mention(m.start(1), m.end(1), Label.ORGANISATION, canon, m[1], kind=kind))
        if self.acronyms and any(map(self.masked.__contains__, self.acronyms)):  # (most sentences hold none)
            for a, b, word in _words(tuple(self.acronyms), _AFTER_ACRONYM).find(self.masked):
                label, name = self.acronyms[word]
                self.take(Mention(a, b, label, name, word))

    def people(self) -> None:
        masked = self.masked
        cue = _CAPITAL_CUE.search(masked)
        if not cue:  # every way of naming a person has a capitalised word
            return
        # (a third of sentences have one capital: "The report was noted."; the cue is at a capital, so a second is one
        # before it or one after its first letter)
        at = cue.start()
        if at and _A_CAPITAL.search(masked, 0, at) or _A_CAPITAL.search(masked, at + 1):
            self.people_named_more_fully()
        for m in _people_one(self.masked) if PERSON_ONE in self.ok else ():  # "Luke agreed", "As Fiona was absent"
            prev = self.masked[max(0, m.start() - _WINDOW):m.start()].split()[-1:]
            if _namelike([m[1]], self.common) and not m[1].isupper() and prev and prev[0] not in _JOINERS \
                    and not prev[0][:1].isupper():
                self.take(Mention(m.start(), m.end(), Label.PERSON, m[1], m[1]))
        if self.first_names and any(map(self.masked.__contains__, self.first_names)):
            for a, b, word in _words(tuple(self.first_names), _AFTER_GIVEN_NAME).find(self.masked):
                self.take(Mention(a, b, Label.PERSON, self.first_names[word], word, first=word))

    def people_named_more_fully(self) -> None:
        """People named with an honorific, with initials or by two or three words: each way writes two capitals."""
        for m in self.scan(PERSON_HON):
            hons = m[1].split()
            words = m[3].split()
            if not words or not self.free(m.start(), m.end()):
                continue
            first = words[0] if len(words) > 1 else None
            end = m.start(3) + len(m[3].rstrip())
            self.take(Mention(m.start(), end, Label.PERSON, " ".join(words), self.text[m.start():end],
                              honorific=hons[-1].rstrip("."), first=first))
            if len(words) == 1 and (more := _MORE_NAMES.match(self.masked, end)):
                # (after "Councillors Mrs. J.E. Charles" the list is of councillors, each with their own initials)
                plural = hons[0].rstrip(".") in vocab.PLURAL_HONORIFICS or self.masked.endswith(_PLURAL_BEFORE, 0, m.start())
                self.names_listed(more.end(), "Councillor" if plural else hons[-1].rstrip("."), surnames=not plural)
        for m in self.scan(_PLURAL_HON):  # "Councillors K. Coldwell, V. Carr and J. T. Hehir"
            self.names_listed(m.end(), "Councillor")
        pos = 0
        while m := _PERSON_CANDIDATE.search(self.masked, pos):
            words = m[1].split()
            pos = m.start() + len(words[0]) + 1  # candidates overlap: "Services Carol Cammiss" → "Carol Cammiss"
            while len(words) > 2 and words[-1] in _NOT_NAME:  # "Helen Phillips Email" (not _namelike: no common words)
                words.pop()
            if not _NOT_NAME_PLACED.isdisjoint(words):
                continue  # a word of minutes: no cue could make these words a name
            # Cues are read in a window around the name, so that a long run of names costs linear time.
            before = self.masked[max(0, m.start() - _WINDOW):m.start()]
            name = " ".join(words)
            after = self.masked[m.start() + len(name):m.start() + len(name) + _WINDOW]
            prev = _PREV_CAPITAL.search(before)
            # "the Executive Director for Childrens Services Carol Cammiss" (read only where a capital is just before)
            titled = _ROLE_JUST_BEFORE.search(before) if prev else None
            if prev and prev[1] not in vocab.NOT_NAMES and prev[1] not in vocab.HONORIFICS and not titled:
                continue  # "Front Door Design": part of a longer proper name
            role_after = _ROLE_AFTER.match(after) or before.endswith(" and ") and _POSTS_AFTER.match(after)
            if role_after and not _OPENS_ASIDE.match(after) and prev and not titled:
                role_after = None  # "Children First Transformation Director": the words are the title's
            strong = role_after or _ROLE_BEFORE.search(before) \
                or self.holds(_LABEL_BEFORE) and _LABEL_BEFORE.pattern.search(before) \
                or name in self.known or (titled and _ENDS_NAME.match(after))
            if not strong:  # (its words are no words of minutes, see above: a strong cue places it)
                # Weaker cues need a given name the document never writes in lower case ("Practice Quality …").
                weak = _VERB_AFTER.match(after) or _BRACKET_AFTER.match(after) \
                    or self.holds(_OBJECT_BEFORE) and _OBJECT_BEFORE.pattern.search(before) \
                    or (m.start() < _WINDOW and not before.strip(" -–•·*") and _HEADING_AFTER.match(after))
                if not (weak and _namelike(words, frozenset()) and _namelike(words[:1], self.common)):
                    continue
            self.take(Mention(m.start(), m.start() + len(name), Label.PERSON, name, name, first=words[0]))
            pos = m.start() + len(name)
        beside = "\x00" in self.masked and any(map(self.masked.__contains__, _BESIDE_MARKS))
        for m in _PERSON_BARE_AHEAD.finditer(self.masked) if beside else ():  # in a list beside a person:
            # "Laura Colman (…), Mike Cook and …"
            words = m[1].split()
            near = self.masked[max(0, m.start() - 70):m.start()], self.masked[m.end():m.end() + 70]
            if (_PERSON_BESIDE.search(near[0]) or _PERSON_BESIDE.match(near[1])) and _namelike(words, frozenset()):
                self.take(Mention(m.start(), m.end(), Label.PERSON, m[1], m[1], first=words[0]))
        initials = _AN_INITIAL.search(self.masked)  # (a stop after a capital, sought from the stops: rarer than capitals)
        for m in PERSON_INITIALS.finditer(self.masked) if initials else ():  # "K. Coldwell (Corporate Core)"
            if _namelike([m[2]], frozenset()):
                self.take(Mention(m.start(), m.end(), Label.PERSON, m[2], m[0]))

    def names_listed(self, pos: int, honorific: str, surnames: bool = False) -> None:
        """The names of a list that one honorific opens, from `pos`, to a stop or a lower-case word. After a singular
        honorific only surnames go on with it ("Councillor Mills and Barnby"; "Councillor Law and Nancy Meehan" names
        an officer, whom the other cues find)."""
        # (after initials, a word of minutes is a surname too: "P. Church")
        while (item := _LIST_ITEM.match(self.masked, pos)) and (item[1] or _NOT_NAME_PLACED.isdisjoint(item[2].split())) \
                and not (surnames and (" " in item[2] or item[1] or not _namelike(item[2].split(), self.common))):
            words = item[2].split()
            own = item[1].split(".")[0].split(" ")[0]  # "Mrs C Driver" in a list after "Mr D Barton" is a Mrs
            self.take(Mention(item.start(2) - len(item[1]), item.end(2), Label.PERSON, " ".join(words),
                              self.text[item.start(1):item.end(2)], honorific=own if own in vocab.LIST_HONORIFICS else honorific,
                              first=words[0] if len(words) > 1 else None))
            pos = item.end()

    def roles(self) -> None:
        cue = self.cue(_ROLE_CUE)  # (the pattern is costly: tried only from the words before a post's last word)
        for m in _ROLE_RUN.matches(ROLE, _ROLE_CUE.pattern, self.masked, cue) if cue else ():
            pre, head, tail = m[1].strip(), vocab.PLURAL_HEADS.get(m[2], m[2]), m[3]
            if head != m[2] and not pre or head == "Member" and not pre.endswith(vocab.MEMBER_QUALIFIERS):
                continue  # "Members" alone, "Committee Members", "Voting Member" are no post
            pre = _OWNER_BEFORE_POST.sub("", pre)
            if head == "Member":  # a seat's title is its qualifier: "Kaitlin Sutton Co-opted Members" names a person
                pre = next(q for q in sorted(vocab.MEMBER_QUALIFIERS, key=len, reverse=True) if pre.endswith(q))
            while pre.split(" ", 1)[0] in vocab.NOT_TITLE_WORDS:  # "Every Member", "the Expected Vice-Chair"
                pre = pre.split(" ", 1)[1] if " " in pre else ""
            if _TAIL_AFTER_COMMA.match(tail) and head not in vocab.TITLE_TAIL_HEADS:
                tail = ""  # "Chairman, Cllr …": only a director's or a head's title goes on after a comma
            if not pre and not tail and head not in vocab.BARE_HEADS_OK and " " not in head or head == "Head" and not tail \
                    or not pre and head in vocab.QUALIFIED_HEADS and not tail:
                continue
            start = m.start(2) - len(pre) - 1 if pre else m.start(2)
            end = m.end() if tail or not m[3] else m.end(2)
            name = _POSSESSIVE_END.sub("", " ".join(x for x in (pre, head) if x) + tail.lstrip(","))
            chair_of = head in vocab.CHAIR_HEADS and not tail and _ENDS_IN_BODY_HEAD.search(pre)
            if chair_of:  # "Corporate Parenting Panel Chair" is the Chair of the Corporate Parenting Panel
                name = f"{head} of the {pre}"
            role = Mention(start, end, Label.ROLE, name, self.text[start:end], kind=head)
            if chair_of:
                role.inner.append(Mention(start, start + len(pre), Label.BODY, pre, pre, kind=pre.split()[-1].lower()))
            of = _OF_TAIL.match(tail)
            if of:
                sub = Finder(of[1], self.acronyms, {}, ok=self.ok)
                sub.known_orgs(), sub.councils(), sub.bodies(), sub.orgs()
                off = m.end() - len(of[1])
                whole = [x for x in sub.found if x.end == len(of[1])]
                if _COUNCIL_WORD.fullmatch(of[1]):  # "Leader of the Council"
                    role.inner.append(Mention(off, m.end(), Label.COUNCIL, of[1], of[1], generic=True))
                elif of[1] in vocab.GENERIC_BODIES:  # "Vice-Chair of the Committee"
                    role.inner.append(Mention(off, m.end(), Label.BODY, of[1], of[1], generic=True, kind=of[1].lower()))
                for x in whole:
                    x.start += off
                    x.end += off
                    role.inner.append(x)
            self.take(role)

        lower = self.scan(LOWER_ROLE) if self.cue(_LOWER_ROLE_CUE) else ()
        for m in lower:  # "the corporate director", "the cabinet member children and families"
            self.take(Mention(m.start(1), m.end(1), Label.ROLE, m[1], m[1], kind=m[2]))

    def councils(self) -> None:
        if "ouncil" not in self.masked and "uthority" not in self.masked:
            return
        for m in self.scan(BODY_COUNCIL):  # councils of young people are bodies, not authorities
            self.take(Mention(m.start(1), m.end(1), Label.BODY, m[1], m[1], kind="council"))
        for m in self.scan(COUNCIL_NAMED):
            name = _LEADING_THE.sub("", m[1])
            if name.split()[0] in ("County", "City", "Borough", "District", "Council"):
                continue
            self.take(Mention(m.start(1), m.end(1), Label.COUNCIL, name, m[1]))
        # (behind the test of "ouncil" above, not of its own words: "the", "with" are in nearly every sentence)
        for m in COUNCIL_GENERIC.finditer(self.masked):
            g = 1 if m[1] else 2
            self.take(Mention(m.start(g), m.end(g), Label.COUNCIL, m[g], m[g], generic=True))

    def bodies(self) -> None:
        cue = self.cue(_BODY_CUE)
        if not cue:  # no body head word: nothing to find (the patterns are costly)
            return
        for m in _PHRASE_RUN.matches(BODY, _BODY_CUE.pattern, self.masked, cue):
            pre, head = m[1].strip(), m[2]
            pre = _OWNER_BEFORE_BODY.sub("", pre)
            if not pre and head != "Cabinet" and not (head == "Executive" and _THE_EXECUTIVE.match(self.masked, m.start(2) - 4)):
                continue  # (but "the Executive" is the council's executive: "recommendations to the Executive")
            if head == "Meeting" and not _THREE_WORDS.fullmatch(pre):
                continue  # "Previous Meeting", "Doncaster Meeting": an event, not a body
            if head == "Cabinet" and _CABINET_POST.match(self.masked, m.end()):
                continue
            start = m.end() - len(head) - (len(pre) + 1 if pre else 0)
            if pre and self.masked.endswith("Member ", 0, start):  # "Member Management Committee"
                start, pre = start - 7, f"Member {pre}"
            self.take(Mention(start, m.end(), Label.BODY, f"{pre} {head}".strip(), self.text[start:m.end()], kind=head.lower()))
        for m in self.scan(BODY_MEETING):  # (costly: only where it can match)
            if _BODY_WORD.search(m[1]):
                self.take(Mention(m.start(1), m.end(1), Label.BODY, m[1], m[1], kind="committee"))

    def orgs(self) -> None:
        # (No test of all their cue words first: each pattern below is behind its own, and any match holds one.)
        for m in self.scan(ORG_PREFIXED):  # before suffixes: "… Church of England" is not "… Church"
            kind = next(k for p, k in vocab.ORG_PREFIXES.items() if m[1].startswith(p))
            self.take(Mention(m.start(1), m.end(1), Label.ORGANISATION, m[1], m[1], kind=kind))
        cue = self.cue(_ORG_SUFFIX_CUE)
        for m in _PHRASE_RUN.matches(ORG_SUFFIX, _ORG_SUFFIX_CUE.pattern, self.masked, cue) if cue else ():
            pre, suffix = m[1].strip(), m[2]
            if pre in ("The", "This", "Multi", "Inter", "Lead") or not pre or set(f"{pre} {suffix}".split()) <= _GENERIC_ORG_WORDS \
                    or _LEGAL_REFERENCE.search(pre):
                continue
            known = known_org(f"{pre} {suffix}")
            name, kind = known or (f"{pre} {suffix}", vocab.ORG_SUFFIXES[suffix])
            self.take(Mention(m.start(1), m.end(2), Label.ORGANISATION, name, m[0], kind=kind))
        for m in self.scan(ORG_DESCRIBED):
            self.take(Mention(m.start(1), m.end(1), Label.ORGANISATION, m[1], m[1], kind="other"))

    def generics(self) -> None:
        for m in _GENERIC_BODY_NEAR.matches(GENERIC_BODY.pattern, self.masked) if GENERIC_BODY in self.ok else ():
            g = 1 if m[1] else 2
            self.take(Mention(m.start(g), m.end(g), Label.BODY, m[g], m[g], generic=True, kind=m[g].lower()))
        for m in self.scan(_GENERIC_LOWER_BODY):
            self.take(Mention(m.start(1), m.end(1), Label.BODY, m[1].title(), m[1], generic=True, kind=m[1]))
        for m in self.scan(GENERIC_TRUST):
            self.take(Mention(m.start(1), m.end(1), Label.ORGANISATION, m[1], m[1], generic=True))


def find_mentions(sentence: str, acronyms: dict[str, tuple[Label, str]] | None = None,
                  first_names: dict[str, str] | None = None, known: frozenset[str] = frozenset(),
                  common: Container[str] = frozenset()) -> list[Mention]:
    """The actors a sentence names, in order; `known` are people the document names in full elsewhere, `common`
    the words it writes in lower case."""
    return Finder(sentence, acronyms if acronyms is not None else {}, first_names or {}, known, common).run()
