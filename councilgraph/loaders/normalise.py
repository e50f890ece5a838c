"""Normalise minutes text before segmentation: undo what scraping and PDF conversion do to layout.

Scraped minutes lose line breaks mid-sentence ("…the Director of\nChildren's Services"), lose the
space where a break was ("forEducation"), glue numbering to the text ("(1)RESOLVED", "3.The"),
hyphenate words at line ends and carry page headers, footers and "Page 3 of 12". `normalise` undoes
these and nothing else: it never changes a word, so text that is already clean keeps its meaning and
its lines (a real paragraph or point boundary is never joined away).
"""

from __future__ import annotations

import operator
import re
from collections import Counter
from itertools import islice, repeat

from councilgraph.extract.prefilter import Guarded

# Every space-like character becomes a plain space; zero-width ones go. (Patterns, not str.translate:
# translating a long document character by character is many times slower.)
_SPACE_LIKE = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]")
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# Bullets as word processors and PDF converters write them (private-use Symbol/Wingdings glyphs
# included); all become "·" so the segmenter knows one bullet.
_BULLETS = "·•*▪◦‣∙●○■□➢➤►▸▹▶❖◆◇♦✓✔✗➔→⁃⦁\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8\uf02d\uf097\uf0e0"
# (Both line patterns below open on the line break before the line, not on ^ in multi-line mode: a pattern opening on
# a literal character is searched for quickly, one opening on ^ is tried at every position. They read the text with a
# line break put first, so that its first line has one too.)
_BULLET = re.compile(rf"\n([^\S\n]*)(?:[{re.escape(_BULLETS)}]|o(?=[^\S\n]))[^\S\n]*(?=\S)")


def _bullet(m: re.Match[str]) -> str:
    """_BULLET's replacement, r"\\n\\1· ": a function is quicker than a template (which Python 3.11 expands in Python, a
    call a match, and most pages have many bullets)."""
    return "\n" + m[1] + "· "


# Page furniture on a line of its own: "Page 3 of 12", "Page 3", "- 3 -", "3 | Page".
_PAGE = re.compile(r"^\s*(?:(?:Page|PAGE|Pg\.?)\s+\d{1,4}(?:\s+(?:of|OF)\s+\d{1,4})?|[-–—]\s*\d{1,4}\s*[-–—]|"
                   r"\d{1,4}\s*\|\s*Page|\d{1,4}\s*/\s*\d{1,4})\s*$")
# _PAGE on the line after a line break, to the next (its spaces never one): a page number's line found in a whole text
# (what follows the line break's spaces tested first, as _GLUED_MARK's is: "P", a dash or a digit opens every way)
_PAGE_LINE = re.compile("\n(?=[^\\S\\n]*[P\\-–—\\d])" + _PAGE.pattern.replace(r"\s", r"[^\S\n]").removeprefix("^").removesuffix("$") + r"(?=\n)")
# Numbering glued to its text at the start of a line: "(1)RESOLVED", "3.The", "26.1Resolved",
# "16(ii)That", "a)That", "(b)the". A bare number needs a capitalised word after it ("113Children's").
# (What follows the line break's spaces is tested first, (?=…[(\da-z]), as every way opens so: most lines, blank or
# opening on a capital, are then passed over without the alternatives tried one by one.)
_GLUED_MARK = re.compile(
    r"\n(?=[^\S\n]*[(\da-z])([^\S\n]*(?:\(?\d{1,3}(?:\.\d{1,3})*(?:\([a-z]{1,4}\))?[.)]|\(\d{1,3}\)|\([a-z]{1,4}\)|[a-z]\)|"
    r"\(?[ivx]{1,5}\)|[ivx]{1,5}\.|[a-h]\.(?=[A-Z]))|[^\S\n]*\d{1,3}(?:\.\d{1,3})*(?=[A-Z][a-z]|[A-Z]{2,})|"
    r"[^\S\n]*\d{1,3}(?:\.\d{1,3})+(?=[AI][^\S\n]))(?=[A-Za-z‘“\"'(])")
# Lines that begin something new, so the line before never runs on into them.
_STARTS = re.compile(
    r"^(?:[·|]|(?!\d{1,2}[.:]\d{2}\s*[ap]\.?m\b)(?:\(?\d{1,3}(?:\.\d{1,3})*[.)]|\d{1,3}(?:\.\d{1,3})*(?=\s+[A-Z(‘“\"']))\s"
    r"(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b)|\(?[a-z]{1,4}\)\s|[a-h]\.\s|[ivx]{1,5}\.\s|"
    r"(?:RESOLVED|Resolved|RESOLUTION|AGREED|DECISION|DECIDED|Minutes|MINUTES|Decision|Supporting documents|"
    r"Additional documents|Attachments|Present|Apologies|Meeting)\s*[:–—-]|(?:RESOLVED|AGREED|DECIDED)\b|"
    r"[A-Z][A-Za-z]*(?: [A-Za-z]+){0,3}\??:(?:\s|$))")  # a label: "Decision status: …", "Report author: …"
# The labels of a ModernGov decision page, run together when its line breaks were lost:
# "Decision Maker: Cabinet Decision status: Recommendations Approved Is Key decision?: Yes".
_LABEL_NAMES = (r"(?:Decision [Mm]aker|Decision status|Is [Kk]ey decision\?|Is subject to call in\?|"
                r"Report author|Publication date|Date of decision|Decided at meeting|Accompanying Documents|"
                r"Reasons? for (?:the )?decision|Alternative options considered|Wards affected|Lead officer|"
                r"Supporting documents|Background papers)")
_LABEL_WORDS = _LABEL_NAMES + r"[^\S\n]*:"
# What is replaced by a line break: the spaces before a label, after a word (the pattern says it; _break_before_labels
# does it, reading from each label back, instead of trying the pattern at every space of the document).
_LABEL_MID = re.compile(rf"(?<=\S)[ \t]+(?=[DIRPADWLSB])(?={_LABEL_WORDS})")
# A label's name ending where the search ends (the spaces before its colon skipped): each label is found from its colon,
# in the characters before it (_LABEL_REACH, as many as the longest name has: a test holds them to the pattern), where
# the labels' pattern would be tried at every capital of the document. (No label starts inside another: each is found so.)
_LABEL_NAME_END = re.compile(_LABEL_NAMES + r"\Z")
_LABEL_REACH = 30
_FILE_SIZE = re.compile(r"^(?:(?:pdf icon\s*)?PDF\s*)?\d{1,5}\s*[KM]B$|(?:^|\s)(?:pdf icon\s*)?PDF\s*\d{1,5}\s*[KM]B$")
_END_SENTENCE = re.compile(r"(?:[.:;!?|]|[.:;]\)|^\(?\w{1,4}\))['’\"”]?$|[-–—]$")
_CONTINUES = re.compile(
    r"\b(?:a|an|the|of|to|for|and|or|in|on|at|by|with|from|that|which|who|be|was|were|is|are|would|will|"
    r"should|could|had|has|have|as|this|these|its|their|his|her|not|it|"
    # a reference runs on into its number: "(paragraph" + "3.15 and …", "(Appendix" + "1 of the report)"
    r"paragraphs?|paras?|appendix|appendices|items?|pages?|sections?|minutes?|annex|table|figure|no\.|"
    r"recommendations?|part|schedule|options?|order)$|,$", re.I)
_WORD = re.compile(r"[A-Za-z][A-Za-z’']*")
_OTHER_SPACE = re.compile(r"[^\S \n]")  # a space character other than a space or a line break
# Every space character other than a space, a line break and a no-break space (the characters str.isspace is true of),
# and every character _SPACE_LIKE and _ZERO_WIDTH change
# (looked for one at a time, as strings: quicker than a class tried at every character of the text)
_UNUSUAL = ("\t\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\u1680" + "".join(map(chr, range(0x2000, 0x200e))) +
            "\u2028\u2029\u202f\u205f\u3000\u2060\ufeff\u00ad")
# "RESOLVEDThat" (\b before the word written after its first letter, as a look-behind: the pattern opens on the letter)
_RESOLVED_GLUED = Guarded(re.compile(r"(R(?<!\wR)ESOLVED|A(?<!\wA)GREED|D(?<!\wD)ECIDED)(?=[A-Z][a-z])"))
_PDF_GLUED = Guarded(re.compile(r"(?=PDF \d{1,5}[^\S\n]*[KM]B\b)(?<=\S)"))
# (A pattern that opens on a literal character is searched for quickly; one that opens on \b or a
# look-behind is tried at every position of the document: Guarded skips the documents without its words.)


def normalise(text: str) -> str:
    """Clean minutes text: one paragraph, point or heading a line, as its author wrote it."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")  # (a no-break space: most common)
    # One scan finds whether the text holds any character the two substitutions change or any space character other
    # than a space and a line break (most texts hold none): two scans and a third, of the tokens, are then not needed.
    unusual = any(map(text.__contains__, _UNUSUAL))
    if unusual:
        text = _ZERO_WIDTH.sub("", _SPACE_LIKE.sub(" ", text))
    # The line patterns run once over the whole text (multi-line, never across a line break): a
    # call a line costs more than the matching on a long document.
    text = "\n".join(map(str.rstrip, _drop_furniture(text, "\f" in text)))
    text = _BULLET.sub(_bullet, _GLUED_MARK.sub(r"\n\1 ", "\n" + text))[1:]
    text = _break_before_labels(_RESOLVED_GLUED.sub(r"\1 ", text))
    joined = _PDF_GLUED.sub(" ", "\n".join(_join_lines(text.split("\n")))).split("\n")
    table = _tokens()
    vocab = _Vocab(joined, table)
    spaced = " ".join(joined)  # (every token of every line, and every line's start and end, as in the line)
    # The tokens _split_glued reads (split on spaces): the vocabulary's own (split on any space) where the lines hold
    # no other space character (the tokens split on spaces are those, and "" where two spaces meet: kept as it is).
    # (None of the steps above writes a space character other than a space or a line break.)
    distinct = set(spaced.split(" ")) if unusual and _OTHER_SPACE.search(spaced) else vocab.distinct
    # Each distinct token is decided once (`_split_token`); a line holding none that splits, no hyphenated word and no
    # honorific glued to an initial is kept as it is (most lines of clean text), without a token loop. What a token
    # can be is a property of the token, remembered across documents (table.decided), so most tokens are
    # settled without a call: only those read for the first time are looked at one by one.
    memo = vocab.memo
    for tok in vocab.fresh if distinct is vocab.distinct else distinct - table.decided:
        if "\u0000" in tok:
            continue
        if tok[1:].lower() == tok[1:] and tok[:1] not in ("", "-", "–", "—", "&", "+"):
            # No capital after the first letter: no glue _split_token's patterns see ("forEducation",
            # "SENDImprovement", "357KB"), so only two words run together can split, and only a word of five letters
            # or more ("Careto"): the rest are kept.
            core = tok.strip(_STRIP)
            if len(core) < 5 or not core.isalpha():
                table.keep(tok)
            else:
                table.add_five(tok, core)
            continue
        # Another token ("RESOLVED", "(MTFS)", "theCommittee"): kept where _split_token keeps it without asking
        # anything of the document ("RESOLVED"), else read again in each document that has it.
        try:
            split = _split_token(tok, _BLIND)
        except _Asked:
            table.add_glue(tok)
            core = tok.strip(_STRIP)
            if len(core) >= 5 and core.isalpha() and core[1:].islower():  # ("(Councillor": _split_pair asks of it)
                table.index_low(core.lower())  # (so that run_together answers it from the index)
            continue
        if split == tok:
            table.keep(tok)
        else:  # ("357KB": split alike in every document; rare)
            memo[tok] = split
    # (The document's words of five letters or more are all in the table now: only now is a split asked for.)
    for tok in distinct & table.glue:
        split = _split_token(tok, vocab)
        if split != tok:
            memo[tok] = split
    # A word of five letters or more splits only where two neighbouring words of the document make it, written once
    # ("Careto" where it writes "Care to"): only the tokens whose lower case is such a pair are looked at (through the
    # table's index of them by their lower case), not every token of the document.
    for low in vocab.five_run_together():
        for tok in table.five_by_low[low]:
            if tok in distinct and vocab.words[table.five[tok][0]] <= 1:
                split = _split_token(tok, vocab)
                if split != tok:
                    memo[tok] = split
    changed = set(memo)
    # (every other token of these lines is kept as it is: _split_glued does not ask again; a hyphenated word's is decided
    # there, once made whole)
    vocab.settled = distinct if "\u0000" not in spaced else {tok for tok in distinct if "\u0000" not in tok}
    # (A line's match is a match in the lines joined by spaces: where there is none, no line is searched.)
    # (The initial glued to a surname is a token of its own, which the table knows: a text with none is not searched.)
    honorific = (distinct is not vocab.distinct or not table.initials.isdisjoint(distinct)) \
        and _HONORIFIC_GLUED.search(spaced) is not None
    if not changed and "\u0000" not in spaced and not honorific:
        return "\n".join(joined)
    # (a line holds a changed token only if it holds it as a string: tested first where they are few)
    few = len(changed) <= 4
    out = "\n".join(_split_glued(ln, vocab) if "\u0000" in ln or honorific and _HONORIFIC_GLUED.search(ln)
                     else _split_known(ln, vocab) if (not few or any(map(ln.__contains__, changed)))
                     and not changed.isdisjoint(ln.split(" ")) else ln for ln in joined)
    # A label glued to the word before it ("… County Council.Publication date: …") is one only now
    return _break_before_labels(out) if changed else out


class _Tokens:
    """Properties of tokens, remembered across documents (the words of minutes recur): each token is read once a run,
    and a document's words and pairs are then counted with C loops (map, Counter) over its tokens. One table a process,
    read and grown by one document at a time: ingest reads documents in worker processes, never in threads sharing it."""

    def __init__(self) -> None:
        self.seen: set[str] = set()  # tokens (split on whitespace) read
        self.word: dict[str, str] = {}  # token -> its word (punctuation stripped), for tokens with a word
        self.lower: dict[str, str] = {}  # word -> the word in lower case, where that differs
        self.stem: dict[str, str] = {}  # word -> the stem of the possessive in lower case ("Council’s": "council")
        self.right: dict[str, str] = {}  # token -> its word in lower case: it may end a pair
        self.left: dict[str, str] = {}  # the same, for tokens that may begin a pair (no full stop after the word)
        self.five: dict[str, tuple[str, str]] = {}  # token -> its word and its lower case: a word of five letters or
        # more, kept unless the document runs two of its words into it
        self.five_by_low: dict[str, list[str]] = {}  # those tokens by their word's lower case (and the lower case of
        # other words _split_pair asks about, with no token: run_together answers them from this index)
        self.five_splits: set[tuple[str, str]] = set()  # each word of five_by_low cut in two, every way: (its first
        # letters, the rest), the pairs of words that written together make it
        self.glue: set[str] = set()  # other tokens, which _split_token splits or keeps by the document's words
        self.decided: set[str] = set()  # tokens (split on spaces) decided: those two, and those always kept as they are
        self.initials: set[str] = set()  # tokens that are an initial glued to a surname ("KVickers"), as _INITIAL_GLUED

    def keep(self, tok: str) -> None:
        self.decided.add(tok)  # (a token always kept as it is: in no other set)

    def add_five(self, tok: str, core: str) -> None:
        low = core.lower()
        self.five[tok] = (core, low)
        self.index_low(low).append(tok)
        self.decided.add(tok)

    def index_low(self, low: str) -> list[str]:
        """The tokens five_by_low holds under this lower case: its entry made where there is none, and its splits."""
        toks = self.five_by_low.get(low)
        if toks is None:
            toks = self.five_by_low[low] = []
            self.five_splits.update((low[:i], low[i:]) for i in range(1, len(low)))
        return toks

    def add_glue(self, tok: str) -> None:
        self.glue.add(tok)
        self.decided.add(tok)

    def size(self) -> int:
        return len(self.seen) + len(self.decided)

    def learn(self, toks: set[str]) -> None:
        for tok in toks - self.seen:
            self.seen.add(tok)
            if _INITIAL_GLUED.fullmatch(tok):
                self.initials.add(tok)
            w = tok.strip(_STRIP)
            if not w or "\u0000" in w:  # a word hyphenated at a line end is what is to be decided
                continue
            low = w.lower()
            self.word[tok] = w
            if low != w:
                self.lower[w] = low
            if w.endswith(("’s", "'s")):
                self.stem[w] = w[:-2].lower()
            self.right[tok] = low
            if tok == w or tok[-1] not in ".,;:!?)":
                self.left[tok] = low


_NO_WORD = "\u0000"  # (a hyphenated word's mark: no word the pairs are asked about holds it)
_TOKENS_MAX = 500_000  # tokens remembered before the table starts again
# or splits of words of five letters or more, some 240 bytes each: a table that fills with them starts again sooner, at
# some 70 MB of them, no more than a table full of tokens takes
_SPLITS_MAX = 300_000
_TOKENS = _Tokens()


def _tokens() -> _Tokens:
    """The table of token properties; a new one once it is full (a document holds on to the one it began with)."""
    global _TOKENS
    if _TOKENS.size() > _TOKENS_MAX or len(_TOKENS.five_splits) > _SPLITS_MAX:
        _TOKENS = _Tokens()
    return _TOKENS


def _break_before_labels(text: str) -> str:
    """`_LABEL_MID.sub("\\n", text)`: each run of spaces or tabs that ends at a label and follows a word (neither a
    space nor the start of the text) becomes a line break."""
    out: list[str] = []
    last = 0
    colon = text.find(":")
    while colon >= 0:
        name_end = colon
        while name_end and text[name_end - 1] != "\n" and text[name_end - 1].isspace():  # ([^\S\n]*)
            name_end -= 1
        m = _LABEL_NAME_END.search(text, max(0, name_end - _LABEL_REACH), name_end)
        colon = text.find(":", colon + 1)
        if m is None:
            continue
        end = start = m.start()
        while start and text[start - 1] in " \t":
            start -= 1
        if start < end and start and not text[start - 1].isspace():
            out += (text[last:start], "\n")
            last = end
    return "".join([*out, text[last:]]) if out else text


def _drop_furniture(text: str, form_feeds: bool = True) -> list[str]:
    """The text's lines without page numbers, and without running headers/footers: a line repeated next to
    page breaks (form feeds or page numbers) three times or more. (`form_feeds`: whether any line holds one.)"""
    lines = text.split("\n")
    pages = _page_lines(text)
    if not pages and not form_feeds:  # no page break: nothing to drop (most text)
        return lines
    breaks = [i for i, ln in enumerate(lines) if "\f" in ln or i in pages]
    bounds: list[list[int]] = []  # page boundaries: runs of break lines close together
    for i in breaks:
        if bounds and i - bounds[-1][-1] <= 2:
            bounds[-1].append(i)
        else:
            bounds.append([i])
    near: Counter[str] = Counter()
    for b in bounds:  # each line counted once a boundary
        seen = {lines[j].replace("\f", "").strip() for j in range(max(0, b[0] - 2), min(len(lines), b[-1] + 3))}
        near.update(x for x in seen if x and not _PAGE.match(x))
    furniture = {s for s, n in near.items() if n >= 3 and len(s) < 100}
    out = []
    for i, ln in enumerate(lines):
        s = ln.replace("\f", "").strip()
        if i in pages or s in furniture:
            continue
        out.append(ln.replace("\f", ""))
    return out


def _page_lines(text: str) -> set[int]:
    """The numbers of the lines (the text split at its line breaks) that _PAGE matches: found in one search of the
    text, with a line break put before and after it, for _PAGE_LINE (a pattern tried once a line, in C)."""
    found: set[int] = set()
    breaks, last = 0, 0
    padded = f"\n{text}\n"
    for m in _PAGE_LINE.finditer(padded):
        breaks += padded.count("\n", last, m.start())  # (the line breaks before this one: its line's number)
        last = m.start()
        found.add(breaks)
    return found


# Line ends and starts _joins reads, compiled once (it reads every pair of lines).
_HYPHENATED = re.compile(r"[a-z]-$")
_LINK_END = re.compile(r"\b(?:pdf icon|PDF)$")
_DASH_END = re.compile(r"[^:;.]\s[-–—]$")
_LIST_END = re.compile(r"(?:[,;]|\b(?:and|or))$")
_SECTION_HEADING = re.compile(r"(?:Minutes|Attachments|Decisions?|Resolved|Present|Apologies|Documents)\s*:?")


def _joins(a: str, b: str, whole: str) -> bool:
    """Does line b continue line a (a break made by re-wrapping, not by the author)? `whole` is
    the line a ends, with what was joined to it already."""
    a, b = a.strip(), b.strip()
    if b == "|":
        return True  # a table cell's closing bar
    if whole.lstrip().startswith("|") and not a.endswith("|"):
        return True  # a table row runs on until its closing bar
    if _HYPHENATED.search(a) and b[:1].islower():
        return True  # a word hyphenated at the line end
    if _FILE_SIZE.match(b) or _LINK_END.search(a):
        return True  # "… Plan 2011-2014 PDF" + "172 KB": a ModernGov link's size
    if _DASH_END.search(a) and not _STARTS.match(b):
        return True  # "Scrutiny Committee -" + "Wednesday, 6th July": a title runs on after its dash
    if _END_SENTENCE.search(a) or _FILE_SIZE.search(a) or whole.lstrip().startswith("|"):
        return False
    if _STARTS.match(b):  # only a sentence cut after "of", "the", "was" … runs on into a marker
        return bool(_CONTINUES.search(a)) and len(a) >= 30 and not b.startswith(("·", "|")) and \
            not _LIST_END.search(a)
    if b[:1].islower():
        return True
    if len(a) + 1 + len(b.split()[0]) <= 45:
        return False  # the next word would have fitted on the line: the author broke it
    if _SECTION_HEADING.fullmatch(b):
        return False  # a section heading of its own ("Minutes", "Attachments")
    return len(a) >= 35


def _join_lines(lines: list[str]) -> list[str]:
    """Lines broken mid-sentence joined again; a word hyphenated at a line end made whole."""
    out: list[str] = []
    last = ""  # the line as read before it was joined: its length tells a wrapped line
    for ln in lines:
        if out and out[-1].strip() and ln.strip() and _joins(last, ln, out[-1]):
            prev = out[-1]
            if _HYPHENATED.search(prev) and ln.strip()[:1].islower():
                out[-1] = prev[:-1] + "\u0000" + ln.strip()  # decided once the vocabulary is known
            else:
                out[-1] = prev + " " + ln.strip()
        else:
            out.append(ln)
        last = ln
    return out


_STRIP = ".,;:()[]‘’“”\"'!?"
_FUNCTION = frozenset("a an the of to for and or in on at by with from that this is was be as are were its their "
                      "his her he she it they we would will".split())
_HONORIFIC = frozenset("Cllr Councillor Mr Mrs Ms Miss Dr Prof Sir Dame".split())
_INITIAL_GLUED = re.compile(r"[A-Z][A-Z][a-z]{2,}[,.;:]?")  # "KVickers" after an honorific
# Where _split_glued could find one (an honorific token, then such a token): a quick test of a line.
# (The plain form, (?<![^ ])(?:Cllr|Councillor|…) …, is tried at every position; this one opens on the honorific's
# first letter, the look-behind just after it.)
_HONORIFIC_GLUED = re.compile("(?:" + "|".join(f"{c}(?<![^ ]{c})(?:{'|'.join(sorted(h[1:] for h in _HONORIFIC if h[0] == c))})"
                                               for c in sorted({h[0] for h in _HONORIFIC}))
                              + r") [A-Z][A-Z][a-z]{2,}[,.;:]?(?![^ ])")


class _Vocab:
    """The document's own words: how often each stands alone, and which pairs stand side by side (each counted when
    first asked: a document whose tokens the table settles never asks)."""

    def __init__(self, lines: list[str], table: _Tokens | None = None) -> None:
        self.memo: dict[str, str] = {}  # token -> the token split, where that differs (decided once)
        self.settled: set[str] = set()  # tokens decided to be kept as they are
        self._table = table = table or _Tokens()
        # Every line's tokens in one list, _NO_WORD between two lines (a token that is no word: no pair spans a break;
        # a blank line has no tokens, and is left out)
        self._toks = toks = f"\n{_NO_WORD}\n".join(filter(None, lines)).split()
        self.distinct = set(toks)
        # The tokens the table has not decided: the only ones it may not have read (a token without spaces is decided
        # only once read), and those `normalise` decides; one difference with the table, not one for each.
        self.fresh = self.distinct - table.decided
        table.learn(self.fresh)
        self._words: Counter[str] | None = None
        self._pairs: set[tuple[str, str]] | None = None
        self._joined: set[str] | None = None
        self._five_joined: set[str] | None = None
        self._ends: list[str] | None = None

    @property
    def words(self) -> Counter[str]:
        """How often each word stands alone. Each token counts once for its word, once for the word in lower case where
        that differs, and once for the stem of a possessive: the words counted in C over the tokens, then their lower
        cases and stems added (both depend on the word alone) for the few words that have them."""
        if self._words is None:
            table = self._table
            words: Counter[str] = Counter(map(table.word.get, self._toks))  # type: ignore[arg-type]
            del words[None]  # type: ignore[arg-type]
            added = [(extra[w], words[w]) for extra in (table.lower, table.stem) for w in words.keys() & extra.keys()]
            for w, n in added:  # (read before any is added: a word's own count, not what others gave it)
                words[w] += n
            self._words = words
        return self._words

    def _neighbours(self) -> tuple[map[str], islice[str]]:
        """Each token's word in lower case where it may begin a pair, and the next token's where it may end one; a
        token that may not stands as _NO_WORD, a character no word holds, so those pairs are kept (unfiltered:
        cheaper) but never match a pair of words looked up, nor their join a word."""
        return map(self._table.left.get, self._toks, repeat(_NO_WORD)), islice(self._pair_ends(), 1, None)

    def _pair_ends(self) -> list[str]:
        """Each token's word in lower case where it may end a pair, else _NO_WORD (made once a document)."""
        if self._ends is None:
            self._ends = list(map(self._table.right.get, self._toks, repeat(_NO_WORD)))
        return self._ends

    @property
    def pairs(self) -> set[tuple[str, str]]:
        """Neighbouring words in lower case."""
        if self._pairs is None:
            self._pairs = set(zip(*self._neighbours(), strict=False))
        return self._pairs

    def five_run_together(self) -> set[str]:
        """The words of five letters or more of the table (`_Tokens.five_by_low`) that a pair's two words written
        together make: only those joins are made (the pairs found among the table's splits, in C), not a set of every join. (Asked
        once the document's tokens are in the table: `run_together` is exact for the words the table then holds.)"""
        if self._five_joined is None:
            table = self._table
            # A pair makes such a word only if it is one of the word's splits: the pairs looked up, each a tuple that
            # zip fills again (no string made, no hash of one computed). First, quicker, each token's word as it may
            # end a pair on both sides (as it may begin one, it is that word or none): most documents have none of the
            # splits, and only those with one look up their pairs as they are.
            lows = self._pair_ends()
            if table.five_splits.isdisjoint(zip(lows, islice(lows, 1, None), strict=False)):
                self._five_joined = set()
            else:
                self._five_joined = {a + b for a, b in table.five_splits.intersection(zip(*self._neighbours(), strict=False))}
        return self._five_joined

    def run_together(self, low: str) -> bool:
        """Do two neighbouring words, written together, make this word (in lower case)?"""
        if low in self._table.five_by_low:
            return low in self.five_run_together()
        if self._joined is None:  # (a word the table does not hold: rare)
            self._joined = set(map(operator.concat, *self._neighbours()))
        return low in self._joined

    def known(self, word: str) -> bool:
        """Does the word stand on its own somewhere in the document?"""
        w = word.strip(_STRIP)
        if w.endswith(("’s", "'s")):
            w = w[:-2]
        return bool(w) and (self.words[w] > 0 or self.words[w.lower()] > 0)


class _Asked(Exception):
    """A vocabulary that knows nothing was asked about the document's words."""


class _Blind:
    """A vocabulary that knows nothing: `_split_token(tok, _BLIND)` returns only where the token's split (or that it
    is kept) does not depend on the document, and raises _Asked where it does."""

    @property
    def words(self) -> Counter[str]:
        raise _Asked

    @property
    def pairs(self) -> set[tuple[str, str]]:
        raise _Asked

    def known(self, word: str) -> bool:
        raise _Asked

    def run_together(self, low: str) -> bool:
        raise _Asked


_BLIND: _Vocab = _Blind()  # type: ignore[assignment]


def _split_glued(line: str, vocab: _Vocab) -> str:
    """Words run together at a lost line break split again where the boundary is visible and the
    document's own words confirm it: "forEducation" (a function word, then a capital), "TrustBoard"
    where the document writes "Trust Board", "meeting.The", "Cllr KVickers", "Careto" where the
    document writes "Care to"."""
    out: list[str] = []
    for tok in line.split(" "):
        if "\u0000" in tok:  # a word hyphenated at a line end
            left, right = tok.split("\u0000", 1)
            whole = left + right
            tok = whole if vocab.known(whole) or not vocab.known(f"{left}-{right}") else f"{left}-{right}"
        if out and out[-1] in _HONORIFIC and _INITIAL_GLUED.fullmatch(tok):
            tok = tok[0] + " " + tok[1:]  # "Cllr KVickers": an initial glued to the surname
        split = vocab.memo.get(tok)
        if split is None:  # tokens recur: each is decided once a document
            split = tok if tok in vocab.settled else vocab.memo.setdefault(tok, _split_token(tok, vocab))
        out.append(split)
    return " ".join(out)


def _split_known(line: str, vocab: _Vocab) -> str:
    """`_split_glued(line, vocab)` of a line that holds no word hyphenated at a line end and no initial glued to a
    surname after an honorific: each token is then either split as the vocabulary's memo says or kept as it is (every
    other token of the document is settled, and the empty token between two spaces stays empty), so the tokens are
    looked up, not decided one by one."""
    toks = line.split(" ")
    return " ".join(map(vocab.memo.get, toks, toks))


# (the patterns _boundary and _split_token try, compiled once: they are asked of many tokens)
_CAPITALISED = re.compile(r"[A-Z][a-z]")
_NUMERIC = re.compile(r"[\d.,:/£$%()-]+")
_CAPITALISED_WORD = re.compile(r"[A-Z][a-z]{2,}")
_ORDINAL_END = re.compile(r"\d(?:st|nd|rd|th)$")
_LOWER_WORD = re.compile(r"[a-z]{3,}")
_LOWER_PAIR = re.compile(r"[a-z]{2}")
_NAME_WORD = re.compile(r"[A-Z][a-z]{2,}(?:[’']s)?")
_ACRONYM_GLUED = re.compile(r"^([(‘“\"']?[A-Z]{2,})([A-Z][a-z]{2,}.*)$")
_FILE_SIZE_GLUED = re.compile(r"\d+[KM]B")
_GLUE = re.compile(r"(?<=[a-z’'.,;:)%\d–—])(?=[A-Z][A-Za-z’']+)|^[-–—&+](?=[A-Z][a-z])")


def _boundary(left: str, right: str, core: str, vocab: _Vocab) -> bool:
    """Is there a lost space between `left` and `right` (which starts with a capital)? `core`: the glued token's word;
    where it occurs only once (`once`), it is not a name the document spells that way."""
    rw = _WORD.findall(right)
    if not rw:
        return False
    r = rw[0]
    if not left[-1].isalpha():
        if left[-1].isdigit():  # "2024That", "21/06/2024The"; not "Together4Children", "6SL"
            return _CAPITALISED.match(right) is not None and _NUMERIC.fullmatch(left) is not None
        # "meeting.The", "impact of,Priority", "Plan –Establishment"; not "Vice-Chairman"
        return len(r) >= 2 and not (left[-1] == "-" and len(left) > 1)
    lw = _WORD.findall(left)
    if not lw:
        return False
    w = lw[-1]
    capitalised = _CAPITALISED_WORD.match(r) is not None
    # (The tests that read the token alone first: the document's words and pairs are counted only when one asks.)
    return (
        w.lower() in _FUNCTION  # "forEducation", "onHalton"
        or _ORDINAL_END.search(left) is not None  # "21stMarch"
        or w in _HONORIFIC or r in _HONORIFIC  # "MrProctor", "McGregorCllr"
        or _LOWER_WORD.fullmatch(w) is not None and capitalised  # "informedMembers", "underParagraph"
        or (w.lower(), r.lower()) in vocab.pairs  # "TrustBoard" where the document writes "Trust Board"
        or _LOWER_PAIR.fullmatch(w) is not None and len(r) >= 3 and vocab.known(r)
        or vocab.words[core] <= 1 and vocab.known(w) and vocab.known(r)  # (written once)
        # "LocalAuthority", "ChristineHarris"; not "McDonald", "MacLeod"
        or capitalised and _NAME_WORD.fullmatch(w) is not None
        and w not in ("Mac", "Fitz", "Van", "Von", "Della") and vocab.words[core] <= 1
    )


def _split_token(tok: str, vocab: _Vocab) -> str:
    """A token split where words were run together (recursively, for three glued words)."""
    core = tok.strip(_STRIP)
    if len(core) < 4 or "://" in tok or "@" in tok or "www" in tok.lower():
        return tok
    if tok.lower() == tok:  # no capital: no glue the patterns below see, only two lower-case words run together
        return _split_pair(tok, core, vocab)
    acronym = _ACRONYM_GLUED.match(tok)  # "SENDImprovement"
    if acronym and vocab.words[core] <= 1 and vocab.known(acronym[1]) and vocab.known(_WORD.findall(acronym[2])[0]):
        return acronym[1] + " " + _split_token(acronym[2], vocab)
    if _FILE_SIZE_GLUED.fullmatch(tok):
        return tok[:-2] + " " + tok[-2:]  # "357KB"
    for m in _GLUE.finditer(tok):
        i = m.start() or 1
        left, right = tok[:i], tok[i:]
        if _boundary(left, right, core, vocab):
            return left + " " + _split_token(right, vocab)
    return _split_pair(tok, core, vocab)


def _split_pair(tok: str, core: str, vocab: _Vocab) -> str:
    if len(core) >= 5 and core.isalpha() and core[1:].islower():
        low = core.lower()
        # (one lookup rules out every split point; asked before the word's count, which is costlier to make)
        if not vocab.run_together(low) or vocab.words[core] > 1:
            return tok
        for i in range(2, len(core) - 1):  # "Careto": two words the document writes side by side
            if (low[:i], low[i:]) in vocab.pairs:
                return tok.replace(core, core[:i] + " " + core[i:], 1)
    return tok
