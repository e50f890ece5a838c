"""Split the text of a ModernGov page (agenda item, agenda and minutes, issue, decision) into items
and blocks: numbered paragraphs, bullets, resolutions and their points."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from datetime import date, datetime
from functools import lru_cache

from councilgraph.extract import vocab
from councilgraph.extract.grammar import alt
from councilgraph.extract.prefilter import Guarded, occurrences
from councilgraph.loaders import action_table, glued
from councilgraph.loaders.glued import END_LABELS
from councilgraph.loaders.records import Block, Item, Meta

_ADDITIONAL = re.compile(r"\bAdditional documents:\s*(?=Minutes:)")
_INLINE_MINUTES = re.compile(r"\S\s+Minutes:(?:\s|$)")
_SPACES = re.compile(r"[ \t\u00a0\u2002\u2003\u2009\u200b]+")
_MINUTES = re.compile(r"^(?:Minutes|MINUTES|Decision|DECISION)\s*:\s*(.*)$")
_END = re.compile(rf"^{END_LABELS}", re.I)
_END_FIRSTS = frozenset("SsAaBb\u017f")  # what _END's match opens with (case ignored: "ſ" is an "s")
_ITEMS_HEADING = re.compile(r"^(?:(?:Note )?No\.? ?\|? ?Item ?\|?|Items)$")  # a page's table of items ("No. Item")
_ITEM_NO = re.compile(r"^(?:Item\s+)?([A-Z]{0,3}\d{1,3}[a-z]?)\.?$")
_PARA = re.compile(r"^(\d{1,3}(?:\.\d{1,3})+)\.?\s+(\S.*)$")
_BULLET = re.compile(r"^[·•*▪◦‣∙●○■□➢✓\-–—]\s*(\S.*)$")
_BULLET_FIRSTS = frozenset("·•*▪◦‣∙●○■□➢✓-–—")  # the characters _BULLET's match opens with
_NUM_POINT = re.compile(r"^\(?(\d{1,2})[.)]\s+(\S.*)$")
_LETTER_POINT = re.compile(r"^\(?([a-z]|[ivx]{1,5})\)\.?\s+(\S.*)$")
_UPPER_POINT = re.compile(r"^\(?([A-H])[.)]\s+(\S.*)$")  # "A. That …" inside a resolution only
_RESOLVED = re.compile(
    r"^(?:(?:[Ii]t was|and) (?=[A-Z]{6}))?(RESOLVED|Resolved|RESOLUTION|Resolution|DECIDED|Decided|AGREED|Agreed|DECISION|Decision)"
    r"(?![Ss](?![a-z]))"  # (a heading in the plural, "DECISIONS", is not a resolution's marker)
    # how the vote went, between the marker and its words: "RESOLVED (unanimously) that", "Resolved unanimously –"
    rf"(?:\s*\(?(?i:{alt(vocab.VOTE_QUALIFIERS)})\)?(?=\s*(?:[:–—\-]|that\b|That\b|THAT\b)))?"
    # ("Resolved, that …", "Resolved, proposed Cllr X, seconded Cllr Y, that …"; not "Decision, if any, …")
    r"((?:\s*(?:[:–—\-]|,(?=\s*(?:that|That|THAT|proposed|Proposed|moved|Moved)\b)|that\b|That\b|THAT\b))*)\s*(.*)$")
# (Each mark's spaces, (?<=…)[ \t]+(?=…), written to open on the first space, the look-behind after it: a pattern that
# opens on a look-behind is tried at every position of a line, one that opens on a space only at spaces.)
_MIDLINE_MARK = re.compile(r"[ \t](?:(?<=\S[ \t])[ \t]*(?=(?:[Ii]t was |and )(?:RESOLVED|AGREED)\b)|"
                           r"(?<=\S[ \t])[ \t]*(?=(?:Resolved|Agreed)\s*[:–—-]\s*(?:That|that)\b)|"
                           r"(?<=\S[ \t])(?<!\bwas[ \t])(?<!\band[ \t])[ \t]*(?=(?:RESOLVED|AGREED)\b)|"
                           r"(?<=[.;:][ \t])[ \t]*(?=(?:\d{1,3}\.\d{1,2}\s+)?(?:Resolved|Agreed|RESOLVED|AGREED)\s*(?:[:–—-]|that\b|That\b))|"
                           # "… for future reports. That the report be noted.": a resolution whose line break was lost
                           # (not after a point's own mark: "a.    That Councillor … be appointed")
                           r"(?<=[a-z)][.:][ \t])(?<!^[a-z]\.[ \t])(?<![\s(][a-z]\.[ \t])(?<!^[ivx]{2}\.[ \t])(?<![\s(][ivx]{2}\.[ \t])"
                           r"(?<!^[ivx]{3}\.[ \t])(?<![\s(][ivx]{3}\.[ \t])[ \t]*"
                           r"(?=That\s[^.;]{0,300}?\bbe\s+(?:noted|agreed|approved|endorsed|confirmed|appointed|adopted|received)\b))")
_BODY_RESOLVED = re.compile(rf"^(?:The |the )?(?:{alt(vocab.RESOLVING_BODIES)}) (?:(?i:{alt(vocab.VOTE_QUALIFIERS)}) )?"
                            r"(?:resolved|RESOLVED)(?:\s*[:–—\-]\s*(?:that\b)?|\s+that\b|\s+(?=to [a-z]))\s*(.*)$")
_FOOTNOTE = re.compile(r"^Note:\s*\*")  # the page's footnote to an asterisked paper
_DATED_TITLE = re.compile(r"^\d{1,2}/\d{1,2}/\d{4}\s*[-–]\s")  # "20/01/2021 - Response to …"
_DECIDER_HEADING = re.compile(rf"^(?:\d{{1,3}}(?:\.\d{{1,3}})*\s+)?(?:That\s+)?(?:[Tt]he\s+)?(?:{alt(vocab.RESOLVING_BODIES)})\s*:?$")
_DECISION_PAGE_LABEL = re.compile(r"^(?:Decision [Mm]aker|Decision status|Is Key decision\?)\s*:")
_RECOMMEND_HEADING = re.compile(r"^to (?:RECOMMEND|[Rr]ecommend)\b[^.;:]{0,40}:?\s*(?:\([^()]{1,40}\))?\s*$")
_REPEAT_MIN = 80  # characters: a resolution this long printed twice in one item is one decision
_INTRO_MAX = 300  # characters: "For the reasons set out in the report: -" introduces points; a longer line is text
_FLAT_LINE = 1000  # characters: a "line" this long is a page or a section whose line breaks were lost
_MIDLINE_WORDS = ("RESOLVED", "AGREED", "Resolved", "Agreed", "That")  # every marker _MIDLINE_MARK reads has one
_DOT_LETTER_POINT = re.compile(r"^([a-h])\.\s+(\S.*)$")  # "a. The Chair write …" inside a resolution only
_FIRST_POINTS = ("1", "a", "i", "A")  # a list’s first point
_LIST_OPENS = (":", ":-", " –", " —", " -")  # a point that ends so introduces its own list
_ENTRY_MAX = 150  # characters: a longer line after a point's list is text again
_ROMAN_POINT = re.compile(r"^\(?[ivx]{1,4}[.)]\s")
_ENTRY = re.compile(r" [–—-] ")  # an entry of a point's own list: "Schools – Councillor A"
_LIST_GOES_ON = (",", ";", " and", "; and")  # an entry that ends so has another after it
#: A line in capitals alone is a heading ("REASONS", "ALTERNATIVE OPTIONS"): it does not go on the paragraph before it.
_CAPS_HEADING = re.compile(r"^[A-Z][A-Z &’'-]{3,40}$")
# A subjunctive clause: "That X be noted", "That the Chair write to …", "that Cllr Y is duly elected", "That it be
# requested that …" ("That it was …" is narrative).
_THAT = re.compile(r"^(?:That|that|THAT)\s+(?!is\b|was\b|it\b(?! be\b))\S.*?\b(?:be|is duly|are duly|would)\b", re.S)
_BE_RESOLVED = rf"\bbe\s+{alt(vocab.RESOLUTION_PARTICIPLES)}"
_NOT_AFTER_MODAL = "".join(rf"(?<!\b{w} )" for w in vocab.MODAL_WORDS)  # "… would be noted" is narrative
# A "That …" paragraph standing alone as a resolution: its verb is a resolution's ("be noted").
_THAT_RESOLUTION = re.compile(rf"^(?:That|that)\s.*{_BE_RESOLVED}")
# A list's first point that is a resolution's clause though its heading was lost in the scrape: "(a) subject to …,
# the work programme … be approved;" (a subjunctive: "… would be noted" is narrative).
_BARE_RESOLUTION = re.compile(rf"^(?:[^;:]{{0,200}},\s*)?(?i:{alt(vocab.DETERMINERS)}|that)\b[^;:]{{0,300}}?"
                              rf"{_NOT_AFTER_MODAL}{_BE_RESOLVED}")
_AGREED = (r"(?:That |It was )?(?:the )?(?:Committee|Board|Panel|Cabinet|Council|Sub-Committee|Members|Forum|Group)?\s*"
           r"(?:agree[ds]?|resolve[ds]?|RESOLVED|AGREED|decided)(?: that)?\s*:?\s*[:–-]\s*")
_AGREED_HEADING = re.compile(rf"^{_AGREED}$", re.I)
_AGREED_ENDING = re.compile(rf"(?:^|(?<=[.;:]\s)|(?<=\s)(?=That\b|It\b)){_AGREED}$", re.I)  # the heading, its line lost


def _agreed_ending(text: str) -> re.Match[str] | None:
    """`_AGREED_ENDING.search(text)`, tried only on a text that ends as its match must, in a colon or dash (spaces
    after: what \\s matches is what str.rstrip strips): most do not, and the pattern is tried at every position."""
    return _AGREED_ENDING.search(text) if text.rstrip().endswith((":", "–", "-")) else None


#: The labels of a ModernGov issue or decision page ("Decision Maker: Cabinet", "Report author: …"): noise, and where a
#: paragraph before them ends (a decision's last point goes on to no label).
_PAGE_LABELS = (r"(?:Decision [Mm]aker|Decision status|Is Key decision\?|Is subject to call in\?|Publication date|"
                r"Date of decision|Decided at meeting|Effective from|Wards affected|Lead officer|Report author|Decision due|"
                r"Accompanying Documents)")
_PAGE_LABEL = re.compile(rf"^{_PAGE_LABELS}\s*:", re.I)
_NOISE = re.compile(
    r"^(?:Agenda item|Issue - meetings|Issue - decisions|skip navigation.*|Agenda and minutes|Meeting documents|Items|No\.? Item|Media|"
    r"Return to Agenda|Venue:.*|Contact:.*|Webcast:.*|View the .*|Decision details|Minutes:?|"
    r"Attendance details|Purpose of item|Decisions?|Agenda and draft minutes|Draft minutes|"
    r"(?:Note )?No\.? ?\|? ?Item ?\|?|Note:.*|[-|: ]+|"
    rf"{_PAGE_LABELS}\s*:.*)$", re.I)
_PDF_NOISE = re.compile(r"\s*(?:pdf icon\s*)?PDF\s+\d+\s*[KM]B\s*$", re.I)
MONTHS = ("january february march april may june july august september october november december").split()
# (the patterns the functions below try, compiled once: they are asked of many lines)
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
_WORDED_DATE = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(" + "|".join(MONTHS) + r"),?\s+(\d{4})\b", re.I)
_FORMAL = re.compile(r"\b(?:RESOLVED|Resolved|resolved|AGREED|[Aa]greed|DECIDED|[Dd]ecided|DECISION)\b")
_THAT_WORD = re.compile(r"[Tt]hat\b")
_NUMBERED_TITLE = re.compile(r"^(\d{1,3}[a-z]?)\.?\s+(?=[A-Z])(.*)$")  # "113 Children's Trust …"
_TIME_OR_PERCENT = re.compile(r"^\d+\.\d+\s*(?:am|pm|a\.m\.|p\.m\.|%)")  # "10.30 am", "2.5%": no paragraph's number


def normalise(text: str) -> list[str]:
    """Lines with tidy spaces; a line of only spaces becomes empty."""
    return list(_lines(text))


def _midline_break(m: re.Match[str]) -> str:
    """A line break before a marker inside a line, except after the heading and the subject it opens: "RESOLVED:
    Cabinet AGREED the 2020/21 Youth Justice Strategic Plan." is one resolution of the Cabinet."""
    return m[0] if _HEADED_SUBJECT.search(m.string, max(0, m.start() - _HEADED_REACH), m.start()) else "\n"


# (searched in the characters before the break, to its end: a page whose line breaks were lost is one line)
_HEADED_SUBJECT = re.compile(r"(?:^|(?<=[\s.:;]))(?:RESOLVED|Resolved|DECISION|Decision)\s*[:–—-]?\s*(?:[Tt]hat\s+)?"
                             r"(?:[Tt]he\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}$")
_HEADED_REACH = 80  # characters


@lru_cache(maxsize=2)  # the loader asks twice for a document's lines (segmentation, attendance)
def _lines(text: str) -> tuple[str, ...]:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    # "… on the Board it was AGREED that …": a formal marker in capitals opens a resolution mid-line
    # (Only on lines with a marker's word: the pattern is tried at every space, costly on a long document.)
    lines = text.split("\n")
    for k in _lines_holding(text, _MIDLINE_WORDS):
        lines[k] = _MIDLINE_MARK.sub(_midline_break, lines[k])
    text = "\n".join(lines)
    text = glued.break_glued(text)
    # (a page without the rarer spaces, most, has its lines tidied by the quicker test: found in one look at the page)
    tidy = _tidy_spaces if any(map(text.__contains__, _ODD_SPACES)) else _tidy_plain
    if tidy is _tidy_plain and "|" not in text:  # (most pages: no table, no rarer space)
        return tuple(_plain_lines(text.split("\n"), "Additional documents" in text, "ACTION" in text or "Action" in text))
    return tuple(_read_lines(_join_table_rows(text.split("\n")) if "|" in text else text.split("\n"), tidy))


def _read_lines(lines: list[str], tidy: Callable[[str], str]) -> list[str]:
    """The lines as `_lines` gives them: tables' rows and cells, labels, a whole item on one line, points and bullets
    run together, each a line; spaces tidied (`tidy`)."""
    out: list[str] = []
    columns: tuple[int, int, int | None, int] | None = None  # the open table of actions: its columns
    for ln in lines:
        if not ln:  # (a blank line, as most of a page's are: nothing below changes it, nor the open table)
            out.append("")
            continue
        if "Additional documents" in ln:  # a label, wherever a line break fell
            ln = _ADDITIONAL.sub("", ln)
        if "|" in ln:
            head, bar, row = ln.partition("|")
            if len(ln) > _FLAT_LINE and row.count("|") >= 3:  # a page on one line, a table in it: rows as cells
                out += [tidy(part) for part in _split_enumeration(head)]
                ln = bar + row
            if ln.lstrip().startswith("|"):  # a table row: each cell is a block of its own
                cells = [_SPACES.sub(" ", cell).strip() for cell in ln.strip().strip("|").split("|")]
                if columns is not None and len(cells) == columns[3]:  # a row of a table of actions: one sentence
                    if not all(re.fullmatch(r"[-–:=\s]*", c) for c in cells):  # (not a rule under the headings)
                        out += [action_table.row(cells, columns), ""]
                    continue
                columns = action_table.columns(cells)
                if columns is None:
                    for cell in cells:
                        out += [cell, ""]
                continue
        if columns is not None and ln.strip():  # (blank lines between its rows do not end a table)
            columns = None
        out += _line_parts(action_table.label(ln), tidy)  # (label: "Action – Officer: add the …")
    return out


def _line_parts(ln: str, tidy: Callable[[str], str]) -> list[str]:
    """A line, its labels read, as the lines it makes: a whole item on one line ("Title … Minutes: text") three, a
    resolution's points run together one each, with the bullets of each (a point may hold a list of its own); else the
    line, tidied (`tidy`)."""
    if "Minutes:" in ln and _INLINE_MINUTES.search(ln):
        head, _, body = ln.partition("Minutes:")
        return [_SPACES.sub(" ", head).strip(), "Minutes:", _SPACES.sub(" ", body).strip().rstrip("|").strip()]
    parts = _split_enumeration(ln)
    if len(parts) == 1 and ln.find("·", 1) < 0:  # (most lines: one part, no bullet in it)
        return [tidy(ln)]
    return [tidy(b) for part in parts for b in (glued.bullets(part, _agreed_ending) if part.find("·", 1) >= 0 else (part,))]


def _plain_lines(lines: list[str], additional: bool, action: bool) -> list[str]:
    """`_read_lines(lines, _tidy_plain)` of the lines of a page without a table's bar and without the rarer spaces,
    the steps written out for a plain line: one that holds no label, no "Minutes:", no bullet after its
    first character and none of the strings a point's mark holds (`_split_enumeration` keeps it whole) is only tidied.
    (`additional`, `action`: whether the page holds "Additional documents", "ACTION" or "Action" at all.)"""
    out: list[str] = []
    for ln in lines:
        if not ln:
            out.append("")
            continue
        if additional and "Additional documents" in ln:
            ln = _ADDITIONAL.sub("", ln)
        if action:
            ln = action_table.label(ln)
        # (a line without "Minutes:", a bullet after its first character and the strings every point mark holds makes
        # itself alone: `_split_enumeration` keeps it whole)
        if "Minutes:" in ln or "1." in ln or "a." in ln or ")" in ln or ln.find("·", 1) >= 0:
            out += _line_parts(ln, _tidy_plain)
        else:  # (_tidy_plain, its first test written out: most lines)
            out.append(ln.strip() if "  " not in ln and "\t" not in ln else _tidy_plain(ln))
    return out


def _lines_holding(text: str, words: tuple[str, ...]) -> set[int]:
    """The numbers of the lines (`text` split at its line breaks) that hold any of the words: found by searching the
    text for each word (quick), not each line for each word; a line's number is the count of line breaks before it,
    counted on from the last one found (few are found: quicker than the starts of every line)."""
    out: set[int] = set()
    line = last = 0
    for i in sorted(i for w in words for i in occurrences(text, w)):
        line += text.count("\n", last, i)
        last = i
        out.add(line)
    return out


def _tidy_spaces(part: str) -> str:
    """The part with each run of spaces one space, stripped (a line with no double space, no tab and none of the other
    spaces _SPACES takes has nothing to replace: only stripped)."""
    if "  " not in part and "\t" not in part and (part.isascii() or not _WIDE_SPACE.search(part)):
        return part.strip()
    if "\u200b" not in part and not _OTHER_SPACE.search(part):  # its whitespace is what _SPACES takes, and only that
        return " ".join(part.split())
    return _SPACES.sub(" ", part).strip()


def _tidy_plain(part: str) -> str:
    """`_tidy_spaces` of a part that holds none of _ODD_SPACES (its whitespace spaces and tabs alone): each run of spaces
    one space, stripped. (Without a tab, the runs of two spaces or more are replaced, "31.1     The Committee …":
    quicker than splitting the part into its words and joining them again.)"""
    if "\t" in part:
        return " ".join(part.split())
    return _SPACE_RUN.sub(" ", part).strip() if "  " in part else part.strip()


_SPACE_RUN = re.compile("  +")  # (opens on two spaces: searched for as a string)


_OTHER_SPACE = re.compile("[^\\S \t\u00a0\u2002\u2003\u2009]")  # whitespace _SPACES does not take
_WIDE_SPACE = re.compile("[\u00a0\u2002\u2003\u2009\u200b]")  # what _SPACES takes beyond a space and a tab
# What _tidy_spaces treats apart from a space and a tab: _WIDE_SPACE and _OTHER_SPACE but a line break (no line holds
# one). A part without them is tidied as _tidy_plain does.
_ODD_SPACES = "\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\u00a0\u1680" + "".join(map(chr, range(0x2000, 0x200c))) + \
    "\u2028\u2029\u202f\u205f\u3000"


def _join_table_rows(lines: list[str]) -> list[str]:
    """A table row whose first and last cells are empty continues the row above (blank lines between), cell by
    cell, as a cell's text wrapped onto another line ("|Minutes |Nick Brook to circulate a note |Nick Brook |" then
    "| |and the process |  |"); a row with only its first cell empty is a row of its own."""
    out: list[str] = []
    for ln in lines:
        if not ln.lstrip().startswith("|"):  # not a table row: nothing to continue (most lines)
            out.append(ln)
            continue
        cells = ln.strip().strip("|").split("|")
        last = len(out) - 1
        while last >= 0 and not out[last].strip():
            last -= 1
        prev = out[last].strip().strip("|").split("|") if last >= 0 and out[last].lstrip().startswith("|") else None
        wrapped = cells and not cells[0].strip() and (len(cells) < 3 or not cells[-1].strip())  # first, last empty
        if wrapped and prev and len(cells) == len(prev) and any(c.strip() for c in cells):
            merged = [f"{a.rstrip()} {b.strip()}".strip() if b.strip() else a.strip()
                      for a, b in zip(prev, cells, strict=True)]
            del out[last + 1:]
            out[last] = "|" + "|".join(merged) + "|"
        else:
            out.append(ln)
    return out


_ENUM = re.compile(r"(?:^|(?<=\s))(\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})\)|\d{1,2}\.|[a-h]\.)\s+(?=\S)")
_GLUED_MIN = 100  # characters: a shorter line does not hold two points run together
_ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]


def _enum_key(mark: str) -> tuple[str, int] | None:
    """The list style and position of a point marker: "(2)" -> ("num", 2), "b)" -> ("letter", 2)."""
    core = mark.strip("().")
    if core.isdigit():
        return ("num" + ("." if mark.endswith(".") else ")"), int(core))
    if mark.endswith(".") and len(core) == 1:
        return ("letter.", ord(core) - ord("a") + 1)
    if core in _ROMAN and core not in ("v", "x"):
        return ("roman", _ROMAN.index(core) + 1)
    if len(core) == 1:
        return ("letter", ord(core) - ord("a") + 1)
    return None


# Where a run of points can begin: a first mark ("1)", "(a)", "i)", "1.", "a.") as _ENUM or glued.POINT_MARKS read one;
# "1." and "a." only where those can read them (at the start, after a space, or glued after a stop, a dash or a year:
# "…noted.1. That", "…that:a. The", "… 20191. That"), so that "31.1" and "agenda." are not taken for one. (One search,
# opening on the mark's first character, its look-behinds after it: most lines hold none, and are not read for points.)
_HAS_FIRST_MARK = re.compile(r"1(?:\)|(?<![^\s.;:\-–—0]1)\.|(?<=(?:19|20)\d\d1)\.)|a(?:\)|(?<![^\s:;]a)\.)|i\)").search


def _best_run(ln: str, found: list[re.Match[str]]) -> list[re.Match[str]]:
    """The longest run of point marks counted in order from the first, as `_split_enumeration` takes them apart."""
    if len(found) < 2:  # (a run is two marks or more: a line with one, as most numbered points, has none)
        return []
    marks = [(m, key) for m in found if (key := _enum_key(m[m.lastindex or 1])) is not None]
    best: list[re.Match[str]] = []
    for k, (first, key) in enumerate(marks):
        if key[1] != 1:
            continue
        run, last = [first], key
        for m, nxt in marks[k + 1:]:
            if nxt[0] == last[0] and nxt[1] in (last[1] + 1, 1 if last[1] == 1 else -1):
                run.append(m)
                last = nxt
        formal = _FORMAL.search(ln[max(0, first.start() - 300):first.start()]) or _agreed_ending(ln[:first.start()])
        if not formal:  # without a marker, a run whose first two points read "That …" (then the run goes on), or
            # most of whose points do, three or more ("a. That … b. The Councillor … be appointed c. That … d. That …")
            that = [bool(_THAT_WORD.match(ln, m.end())) for m in run]
            run = run if len(run) >= 2 and that[0] and that[1] or len(run) >= 3 and that[0] and 2 * sum(that) > len(run) \
                else run[:1] if that[0] else []
        if len(run) > max(1, len(best)):
            best = run
    return best


def _split_enumeration(ln: str) -> list[str]:
    """A resolution whose points lost their line breaks, split into one line a point again:
    "RESOLVED that (1) the report be noted; (2) the Director …" -> three lines. Only a run of
    markers counted in order from the first ((1), (2) …; a), b) …; i., ii. …) after a resolution
    marker, or whose points begin "That", is taken apart."""
    # A run starts at its first point (most lines have none): "1.", "a." or ")" looked for as strings first (each of
    # _HAS_FIRST_MARK's marks, "1)", "1.", "a)", "a.", "i)", holds one), which is quicker than the pattern.
    if not ("1." in ln or "a." in ln or ")" in ln) or not _HAS_FIRST_MARK(ln):
        return [ln]
    found = list(_ENUM.finditer(ln))
    best = _best_run(ln, found)
    if len(best) < 2 and len(ln) > _GLUED_MIN and glued.may_hold_point_marks(ln):
        # points run together: marks glued to the point before (rare, costly)
        best = _best_run(ln, sorted([*found, *glued.POINT_MARKS.finditer(ln)], key=lambda m: m.start())) or best
    if not best:
        return [ln]
    run, head = best, ln[:best[0].start()]
    cuts = [m.start() for m in run] + [len(ln)]
    heading = _agreed_ending(head)  # "… Trust Board That the Board agree: (1) …": the heading a line again
    parts = [p for p in ([head[:heading.start()], head[heading.start():]] if heading else [head]) if p.strip()]
    parts += [ln[a:b].strip() for a, b in zip(cuts, cuts[1:], strict=False)]
    return parts


def parse_date(text: str) -> str | None:
    """The first date in a text as ISO 8601 (dd/mm/yyyy, '9th March, 2016', '26 February 2008')."""
    m = _NUMERIC_DATE.search(text)
    if m:
        try:
            return date(int(m[3]), int(m[2]), int(m[1])).isoformat()
        except ValueError:
            return None
    m = _WORDED_DATE.search(text)
    if m:
        try:
            return datetime.strptime(f"{m[1]} {m[2]} {m[3]}", "%d %B %Y").date().isoformat()
        except ValueError:
            return None
    return None


_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_BODY_LINE = re.compile(r"^(?:[A-Z][\w’'&,\-]*\s+|(?:and|of|for|the|&)\s+){0,12}"
                        r"(?:Committee|Board|Panel|Cabinet|Group|Forum|Partnership|Sub-Committee|Commission)\s*$")


_WEEKDAY_LINE = re.compile(rf"^{_WEEKDAY},?\s")
# ("Cabinet - Expired": ModernGov marks so a committee that no longer meets; the body is the Cabinet)
_EXPIRED = r"(?:\s+-\s+Expired)?"
# "Meeting: 07/04/2010 - Executive Board (Item 215)": its date, body and item number
_MEETING = rf":\s*(\d{{1,2}}/\d{{1,2}}/\d{{4}})\s*-\s*(.+?){_EXPIRED}(?:\s*\(Item\s*(\w+)\))?$"
_MEETING_LINE = re.compile(rf"^(?:Meeting|Decided at meeting){_MEETING}")
_ISSUE_MEETING_LINE = re.compile(rf"^Meeting{_MEETING}")  # an issue page's, above the item it numbers
_MAKER_LINE = re.compile(r"^Decision [Mm]aker\s*:-?\s*(.+)$")  # ("Decision Maker: Cabinet", "Decision Maker :-Cabinet")
# (Tried on each of a page's first lines: only lines that name a weekday can match, the rest are not scanned.)
_BODY_DATE_LINE = Guarded(re.compile(r"^(.+?(?:Committee|Board|Panel|Cabinet|Council|Group|Forum|Partnership))\s*(?:[-–]\s*)?"
                                     rf"{_WEEKDAY},?\s*(.+)$"))
_DATE_LINE = re.compile(r"^(?:Date of decision:|Meeting date:)", re.I)
_DATE_FIRSTS = frozenset("DdMm")  # what _DATE_LINE's match opens with (case ignored)


#: The heading minutes that are not a ModernGov page open with: "Minutes of the Cabinet of Torbay Council held on 5
#: March 2024", "MINUTES of a meeting of the Licensing Committee held on Tuesday, 5th March 2024 at 7pm".
_MINUTES_HEADING = re.compile(r"^minutes of (?:the |a )?(?:meeting of (?:the )?)?(?P<body>[A-Z][^,]{1,100}?)"
                              r"(?: of [A-Z][^,]{1,60}?(?:Council|Authority))? held on (?P<date>.+)$", re.I)
_EARLIER = re.compile(r"\b(?:previous|previously|last|circulated)\b", re.I)  # an item confirming earlier minutes
# (what names no body: "MINUTES of the meeting held on 26 February 2008 …", a council's own meeting)
_NO_BODY = re.compile(r"^meeting$|\b(?:Council|Authority)$", re.I)
# (the first date the heading writes, in any form: `parse_date` reads a numeric one before a worded one anywhere)
_DATE_WORDS = re.compile(r"(?:[A-Za-z]+day,?\s+)?\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]+\.?,?\s+\d{4}|\d{1,2}[/.]\d{1,2}[/.]\d{4}"
                         r"|\d{4}-\d{1,2}-\d{1,2}")


def _opening_heading(first: str) -> Meta:
    """The body and date the first line of minutes names, where it is such a heading (not "Minutes of the previous
    meeting held on …", an item's, which names an earlier meeting)."""
    m = _MINUTES_HEADING.match(first)
    if not m or _EARLIER.search(first):
        return Meta()
    body, when = m["body"].strip(), _DATE_WORDS.search(m["date"])
    return Meta(None, None if _NO_BODY.search(body) else body, parse_date(when[0]) if when else None)


def page_meta(lines: list[str]) -> Meta:
    """Council-independent metadata a ModernGov page states: the meeting's body and date (or the heading minutes of
    another kind open with)."""
    filled = [ln for ln in lines[:80] if ln]
    meta = _opening_heading(filled[0]) if filled else Meta()
    for ln, nxt in zip(filled, filled[1:], strict=False):  # "Children's Services Scrutiny Committee" over "Tuesday, 13 May 2008"
        if not meta.body and _WEEKDAY_LINE.match(nxt) and _BODY_LINE.match(ln):
            meta.body, meta.date = ln.strip(), parse_date(nxt)
    # (blank lines match none of the patterns; each pattern is tried only on a line opening as its match must, or, for
    # the body and date, holding "day", as every weekday's name does)
    for ln in filled:
        m = _MEETING_LINE.match(ln) if ln.startswith(("Meeting", "Decided at meeting")) else None
        if m:
            return Meta(None, m[2].strip(), parse_date(m[1]))
        m = _MAKER_LINE.match(ln) if ln.startswith("Decision ") else None
        if m and not meta.body:
            meta.body = m[1].strip()
        m = _BODY_DATE_LINE.match(ln) if "day" in ln else None
        if m:
            meta.body, meta.date = m[1].strip(), parse_date(m[2])
        if not meta.date and ln[:1] in _DATE_FIRSTS and _DATE_LINE.match(ln):
            meta.date = parse_date(ln)
    return meta


def _header(lines: list[str], number: str | None) -> Item:
    """An item from its header lines: number, title, description, and an issue page's meeting line."""
    item = Item(title="", number=number)
    rest: list[str] = []
    for ln in lines:
        m = _ISSUE_MEETING_LINE.match(ln)
        if m:
            item.date, item.body = parse_date(m[1]), m[2].strip()
            item.number = item.number or m[3]
            continue
        if _NOISE.match(ln):
            continue
        ln = _PDF_NOISE.sub("", ln)
        if not item.title:
            numbered = _NUMBERED_TITLE.match(ln)  # "113 Children's Trust …"
            if numbered and not item.number:
                item.number, ln = numbered[1], numbered[2]
            item.title = ln
        elif ln != item.title:
            rest.append(ln)
    item.description = " ".join(rest)
    return item


def _resolution_start(ln: str) -> tuple[bool, str] | None:
    """A line that opens a resolution, and the text of its first point on the same line.

    "RESOLVED that …", "Resolved – That …", "AGREED:", "DECISION:", "Resolved: Noted …",
    "RESOLVED" alone, "Resolved to approve …", "Resolved, that …", "The Committee resolved that …". A capitalised
    word after a lower-case marker with no separator is narrative ("Decision making is…", "Agreed targets were…")."""
    if ln[:1] not in _RESOLUTION_FIRSTS:  # (no match opens so: most lines, not matched twice)
        return None
    r = _RESOLVED.match(ln)
    if not r:
        body = _BODY_RESOLVED.match(ln)  # "The Committee (unanimously) resolved that …" / "… resolved to endorse …"
        rest = body[1].lstrip(" ,") if body else ""
        return None if not body else (True, "" if rest.rstrip(" -–—").endswith(":") else rest)
    word, sep, rest = r[1], r[2].strip(), r[3].strip(" |")  # ("RESOLVED: |": a table's empty cell after it)
    if sep or word.isupper() or not rest or rest.startswith("to "):
        # "Resolved to RECOMMEND:  (to Council)" heads the points after it, as "RESOLVED that:" does
        heading = rest.rstrip(" -–—").endswith(":") or _RECOMMEND_HEADING.match(rest)
        return True, "" if heading else rest
    return None


# What _RESOLVED's and _BODY_RESOLVED's matches open with: "It was", "and", a marker's word, "The", a body's name
_RESOLUTION_FIRSTS = frozenset("IiaRDATt" + "".join(body[0] for body in vocab.RESOLVING_BODIES))


def _point_mark(ln: str) -> re.Match[str] | None:
    """A line's point mark and text, however the point is marked: "1)", "(a)", "(ii)", "A.", "a." (the last two are
    points only inside a resolution, or when they open one with "That …": `blocks` decides)."""
    # (no mark opens otherwise: most lines, not matched four times; a character not ASCII opens one only as a digit,
    # what \d matches, which str.isdecimal tells: a bullet "·" is none)
    if ln[:1] not in _POINT_FIRSTS and not ln[:1].isdecimal():
        return None
    return _NUM_POINT.match(ln) or _LETTER_POINT.match(ln) or _UPPER_POINT.match(ln) or _DOT_LETTER_POINT.match(ln)


# What a mark opens with: "(", a digit, a letter (\d takes other digits too: `_point_mark` asks str.isdecimal of them)
_POINT_FIRSTS = frozenset("(0123456789abcdefghijklmnopqrstuvwxyzABCDEFGH")


def _that_point(text: str) -> bool:
    """A resolution point written as a subjunctive clause: "That the report be noted.",
    "That Councillor Gough be appointed …", "that the Chair write to …"."""
    return bool(_THAT.match(text))


_CELL_TAIL = re.compile(r"(?:\s*\|)+\s*$")
_PARA_NUMBER = re.compile(r"\d{1,3}(?:\.\d{1,3})+\.?")


def blocks(lines: list[str], decision: bool = False) -> list[Block]:
    """Blocks of an item's minutes, with paragraph numbers and resolution points.

    `decision` marks the text under a decision page's "Decision:" label: its first paragraph is
    a resolution point even without a "Resolved" heading."""
    out: list[Block] = []
    para: str | None = None
    res: int | None = None  # index of the open resolution
    res_para: str | None = None
    style: str | None = None  # num | letter | bullet | that: how the open resolution's points are written
    n_res = -1
    prev_blank = True
    expect = False  # a heading was just read: the next paragraph is its first point
    entries = False  # the last point's own list is open ("… be appointed as follows –" then a line an entry)
    sub: str | None = None  # how the last point's own marked list is written ("(3) … the following:" then "(a) …")
    para_of_points = ""  # the number before the dot of points numbered as paragraphs ("2" of "2.1")

    def open_resolution() -> None:
        nonlocal n_res, res, res_para, style, expect, entries, sub
        n_res += 1
        res, res_para, style, expect, entries, sub = n_res, para, None, True, False, None

    def point(text: str, number: str | None) -> None:
        nonlocal expect, entries, sub
        out.append(Block(text, para, "point", number, res))
        expect = entries = False
        sub = None

    if decision:
        open_resolution()
    for ln in lines:
        if not ln or ln.startswith("Note:") and _FOOTNOTE.match(ln):  # ("Note: *Report previously circulated, …")
            prev_blank = True
            continue
        # (a paragraph's number opens on a digit, what \d matches: the two patterns are tried only on such a line)
        numbered = ln[0].isdecimal()
        if numbered and _PARA_NUMBER.fullmatch(ln):  # a paragraph number on a line of its own
            para, res = ln.rstrip("."), None
            prev_blank = True
            continue
        m = _PARA.match(ln) if numbered else None
        if m and not _TIME_OR_PERCENT.match(ln):
            if res is not None and (expect or style == "para" and m[1].split(".")[0] == para_of_points):
                # "RESOLVED that the Cabinet:" then "2.1 Agreed …", "2.2 Adopted …": its points carry the numbers
                # of the report's recommendations (a "3.1" after them is the minutes' next paragraph)
                style, para_of_points = "para", m[1].split(".")[0]
                point(m[2], m[1])
                prev_blank = False
                continue
            para, ln = m[1], m[2]
            res = None
        # "That the Board agree:", "It was agreed that: -" (the heading ends on its colon or dash: one test first)
        if ln.rstrip().endswith((":", "–", "-")) and _AGREED_HEADING.match(ln):
            out.append(Block(ln, para, "text", None, None))
            open_resolution()
            prev_blank = True
            continue
        start = _resolution_start(ln)
        if start:
            open_resolution()
            if start[1]:
                point(start[1], None)
                style = "inline"
            prev_blank = True
            continue
        pm = _point_mark(ln)
        if pm and res is None and pm.re in (_UPPER_POINT, _DOT_LETTER_POINT) and not _that_point(pm[2]):
            pm = None  # "A. …", "a. …" are points of a resolution, or open one with "That …"
        if pm and not (ln[:1].isdecimal() and _PARA.match(ln)):
            this = "num" if pm.re is _NUM_POINT else "letter"
            if res is not None and style not in (None, "inline", this) and (sub == this or sub is None and out and (
                    out[-1].kind == "point" and out[-1].resolution == res and out[-1].text.endswith(_LIST_OPENS))):
                # "(3) That the Monitoring Officer seek the views of the following:" then "(a) all District
                # Councillors;" …: the point's own list, an entry a line, after which "(4) That …" goes on
                sub = this
                out.append(Block(pm[2], para, "text", pm[1], None))
                prev_blank = False
                continue
            if res is not None and (style not in (None, "inline", this) or style == "inline" and not (
                    _that_point(pm[2]) or _BARE_RESOLUTION.match(pm[2]))):
                # "b) Next heading" after "1. 2." points, "(c) Matters Arising -" after "AGREED - That …" on one line:
                # the resolution is over
                res = None
            if res is None and (_that_point(pm[2]) or (pm[1] in _FIRST_POINTS and _BARE_RESOLUTION.match(pm[2]))) \
                    and not (out and out[-1].point and out[-1].resolution is None):
                # "1) That …" on a decision page, "(a) … the work programme … be approved;" whose "RESOLVED –"
                # the scrape lost: a resolution without its heading
                open_resolution()
            if res is not None:
                style = this
                number = pm[1]
                if this == "num":  # lists exported as "1. 1. 1.": number them in order
                    last = max((int(b.point.rsplit(".", 1)[-1]) for b in out if b.resolution == res and b.point
                                and b.point.rsplit(".", 1)[-1].isdigit()), default=0)
                    number = str(int(number) if int(number) > last else last + 1)
                point(pm[2], (f"{res_para or ''}({number})" if this == "letter" else
                              f"{res_para}.{number}" if res_para else number))
            else:
                out.append(Block(pm[2], para, "text", pm[1], None))
            prev_blank = False
            continue
        b = _BULLET.match(ln) if ln[:1] in _BULLET_FIRSTS else None  # (what its match opens with: most lines, none)
        if b and res is not None and style not in ("bullet", None, "inline") and out and out[-1].kind == "point" \
                and out[-1].resolution == res:
            out[-1].text += " " + b[1]  # a point's own list ("Areas for consideration to include: · …")
        elif b and res is not None and (style == "bullet" or expect):
            style = "bullet"  # "Resolved that: · … · …": each bullet is a resolution point
            point(b[1], None)
        elif b:
            if res is not None and style in ("inline", "that"):
                res = None
            out.append(Block(b[1], para, "bullet", None, res))
        elif out and not prev_blank and not m and not (_THAT_RESOLUTION.match(ln) and out[-1].resolution is None) \
                and not _CAPS_HEADING.match(ln) and not _PAGE_LABEL.match(ln):
            out[-1].text += " " + ln
        elif res is not None and not m and len(ln) < _ENTRY_MAX and (
                entries and (_ENTRY.search(ln) or _ROMAN_POINT.match(ln) or out[-1].text.endswith(_LIST_GOES_ON))
                or out and out[-1].kind == "point" and out[-1].resolution == res and out[-1].text.endswith(_LIST_OPENS)):
            # a point's own list, an entry a line: "(b) … be appointed … Groups –", "Schools – Councillor A", …,
            # "Planning – Councillor C, and" (a full stop ends it); the resolution's points go on after it
            if _ROMAN_POINT.match(ln):  # "i.  Three Elected Members …": an item of its own, as lists are read
                out.append(Block(ln, para, "text", None, None))
            else:
                out[-1].text += " " + ln
            entries = not ln.endswith(".")
            prev_blank = False
            continue
        elif res is not None and expect and ln.rstrip(" -–—").endswith(":") and len(ln) < _INTRO_MAX:
            out.append(Block(ln, para, "text", None, res))  # "For the reasons set out in the report: -"
            prev_blank = True
            continue
        elif res is not None and not m and (expect or (style in ("that", "inline") and _that_point(ln))):
            style = "that" if style in (None, "inline") else style
            point(ln, None)  # "RESOLVED:" then "That the report be noted."
        elif res is None and not m and _that_point(ln) and _THAT_RESOLUTION.match(ln):
            open_resolution()  # a lone "That the minutes … be agreed as a correct record."
            style = "that"
            point(ln, None)
        else:
            if res is not None and out and out[-1].resolution == res and not m and style is not None:
                res = None  # plain text after a resolution's points closes it
            out.append(Block(ln, para, "text", None, res if (res is not None and style is None and not m) else None))
        prev_blank = False
    for b in out:  # a table's empty cells at the end of a paragraph are layout, not words
        if "|" in b.text:  # (the pattern needs a bar: not tried on the others)
            b.text = _CELL_TAIL.sub("", b.text)
    _repeated_resolutions_as_text(out)
    return [b for b in out if b.text]


def _repeated_resolutions_as_text(out: list[Block]) -> None:
    """A resolution the page prints twice in one item, word for word (an issue page's decision above its minutes),
    is one decision: the second is plain text. A short one ("That the report be noted.") may well be said twice, of
    two items whose headings the page lost."""
    points: dict[int, list[Block]] = {}
    for b in out:
        if b.kind == "point" and b.resolution is not None:
            points.setdefault(b.resolution, []).append(b)
    seen: set[tuple[str, ...]] = set()
    for blocks_ in points.values():
        words = tuple(b.text for b in blocks_)
        if words in seen and sum(map(len, words)) >= _REPEAT_MIN:
            for b in blocks_:
                b.kind, b.point, b.resolution = "text", None, None
        seen.add(words)


_DESCRIPTION = re.compile(r"^(?:Report|Presentation|Briefing|Joint report|To (?:receive|consider|note|approve|agree)|"
                          r"Purpose|Update|Verbal)\b", re.I)


def number_points(item: Item) -> None:
    """Decision numbers as minutes cite them: the item's number joined to a point that has no
    paragraph number ("215(a)", "6.1", "16(ii)"), and a resolution's only unnumbered point
    numbered by its paragraph or item ("14")."""
    by_res: dict[int, list[Block]] = {}
    for b in item.blocks:
        if b.kind == "point" and b.resolution is not None:
            by_res.setdefault(b.resolution, []).append(b)
    lone: list[Block] = []
    for pts in by_res.values():
        for b in pts:
            if b.point is None:
                if len(pts) == 1:
                    lone.append(b)
            elif item.number and not b.para and not b.point.startswith(item.number):
                b.point = f"{item.number}{b.point}" if b.point.startswith("(") else f"{item.number}.{b.point}"
    taken = Counter(b.para or item.number for b in lone)
    for b in lone:  # two resolutions in one paragraph keep no number rather than share one
        if taken[b.para or item.number] == 1:
            b.point = b.para or item.number


def _header_start(lines: list[str], lo: int, hi: int) -> int:
    """Where the next item's header begins, when no item number marks it: its title line, and
    the line before when the last one reads as a description ("Report by …", "To consider …")."""
    filled = [i for i in range(lo, hi) if lines[i]]
    if not filled:
        return hi
    start = filled[-1]
    if _resolves(lines[start]):
        return hi  # "That the minutes … be agreed": a resolution point, not the next item's title
    if _DESCRIPTION.match(lines[start]) and len(filled) >= 2 and not _resolves(lines[filled[-2]]):
        start = filled[-2]  # (not "Resolved: Councillor Toby Wells was elected as Chair." before "To note the …")
    return start if start > (filled[0] if len(filled) > 1 else lo - 1) else hi


def _resolves(line: str) -> bool:
    """Is the line a resolution's ("1.4 Resolved – That …": a numbered paragraph; "That the minutes … be agreed")?"""
    numbered = _PARA.match(line)
    text = numbered[2] if numbered else line
    return bool(_THAT.match(text) or _resolution_start(text))


def _split_at_titles(item: Item) -> list[Item]:
    """A meeting page whose items are marked only by their titles, each a link to its papers ("Annual Report …
    pdf icon PDF 83 KB"): an item a title, with the blocks that follow it."""
    cut = [i for i, b in enumerate(item.blocks) if b.kind == "text" and _PDF_NOISE.search(b.text)]
    if len(cut) < 2:
        return [item]
    return _cut_into_items(item, cut, lambda b: (_PDF_NOISE.sub("", b.text).strip(), None),
                           lambda b: not re.match(r"^Additional documents:\s*$", b.text))


def _cut_into_items(item: Item, cut: list[int], heading: Callable[[Block], tuple[str, str | None]],
                    keep: Callable[[Block], bool] = lambda b: True) -> list[Item]:
    """The item cut at these blocks: its blocks before the first stay its own, and each cut block heads an item
    (`heading`: its title and number) of the blocks up to the next that `keep` keeps."""
    out = [Item(item.title, item.number, item.description, item.blocks[:cut[0]], item.date, item.body)]
    for k, i in enumerate(cut):
        end = cut[k + 1] if k + 1 < len(cut) else len(item.blocks)
        title, number = heading(item.blocks[i])
        out.append(Item(title, number, "", [b for b in item.blocks[i + 1:end] if keep(b)], item.date, item.body))
    return [it for it in out if it.title or it.blocks]


_HEADING_MAX = 90  # characters: an item's heading ("13. Children's Services Update"); a longer numbered line is text


def _numbered_heading(b: Block) -> bool:
    """A numbered line that reads as an item's heading: "12. Apologies for absence" (no sentence, no resolution)."""
    return (b.kind == "text" and b.resolution is None and bool(b.point) and b.point.isdigit()  # type: ignore[union-attr]
            and len(b.text) <= _HEADING_MAX and b.text[:1].isupper() and not b.text.endswith((".", ";", ":", ","))
            and not _that_point(b.text))


def _split_at_numbered_headings(item: Item) -> list[Item]:
    """Minutes that are not a ModernGov page number their items' headings in the text ("12. Apologies for absence",
    its paragraphs, "13. Children's Services Update", …): an item a heading, with the blocks that follow it, where
    two or more such headings, numbered in order, each have a paragraph after them."""
    at = [i for i, b in enumerate(item.blocks) if _numbered_heading(b) and i + 1 < len(item.blocks)
          and not _numbered_heading(item.blocks[i + 1])]
    numbers = [int(item.blocks[i].point) for i in at]  # type: ignore[arg-type]
    if len(at) < 2 or numbers != sorted(set(numbers)):
        return [item]
    return _cut_into_items(item, at, lambda b: (b.text, b.point))


def _decided(lines: list[str], decision_page: bool) -> list[Block]:
    """An item's blocks; on a decision page where no resolution was found, read again as the decision itself."""
    found = blocks(lines)
    if decision_page and not any(b.kind == "point" for b in found):
        # (the page's dated title and a heading that only names the decider, "2.1 Cabinet:", "That Cabinet", before
        # it are text, no part of the decision)
        k = 0
        while k < len(lines) and (not lines[k] or _DATED_TITLE.match(lines[k]) or _DECIDER_HEADING.match(lines[k])
                                  or _NOISE.match(lines[k])):
            k += 1
        # where the decision's points are marked, it begins at the first of them ("The Chair introduced …" then
        # "a. The Committee noted …", "b. That …")
        k = next((i for i in range(k, len(lines)) if _point_mark(lines[i])), k)
        return [Block(ln) for ln in lines[:k] if ln] + blocks(lines[k:], decision=True)
    return found


def _one_mark_an_item(lines: list[str], marks: list[int]) -> list[int]:
    """The "Minutes:" / "Decision:" lines that each open an item. An issue page may give one item both, the decision
    before its minutes or after them (North Hertfordshire, Medway): the second, with no item's number or paper link
    between, is a label inside the item, and a "Decision:" there heads a resolution (`_resolution_start`)."""
    kept: list[int] = []
    for i in marks:
        if kept and _kind(lines[kept[-1]]) != _kind(lines[i]) and not any(
                _ITEM_NO.match(ln) or _PDF_NOISE.search(ln) for ln in lines[kept[-1] + 1:i]):
            rest = _MINUTES.match(lines[i])[1].strip(" |")  # type: ignore[index]
            lines[i] = f"Decision: {rest}" if _kind(lines[i]) == "decision" else rest  # (a heading, as "RESOLVED:")
            continue
        kept.append(i)
    return kept


def _kind(mark: str) -> str:
    return "decision" if mark.upper().startswith("DECISION") else "minutes"


def segment(text: str, decision_page: bool = False) -> tuple[list[Item], Meta]:
    """Items of a page's text and what the page says of its meeting. On a decision page (`decision_page`, or one
    whose labels say so: "Decision Maker:", "Decision status:") with no resolution heading, the text is the decision:
    its paragraphs and points are the resolution's ("· Authorised a 6 week consultation …")."""
    lines = normalise(text)
    # (a label's line starts with one of its words: one string test before each pattern)
    decision_page = decision_page or any(_DECISION_PAGE_LABEL.match(ln) for ln in lines
                                         if ln.startswith(("Decision", "Is Key")))
    meta = page_meta(lines)
    marks = _one_mark_an_item(lines, [i for i, ln in enumerate(lines)
                                      if ln.startswith(("Minutes", "MINUTES", "Decision", "DECISION")) and _MINUTES.match(ln)])
    if not marks:  # pages without "Minutes:" lines mark each item's text with "Additional documents:"
        marks = [i for i, ln in enumerate(lines) if re.match(r"^Additional documents:\s*$", ln)]
        if len(marks) > 1:
            for i in marks:
                lines[i] = "Minutes:"
        else:
            marks = []
    if not marks:  # one item without a "Minutes:" line: title, perhaps a description, then the text
        filled = [i for i, ln in enumerate(lines) if ln and not _NOISE.match(ln)]
        if not filled:
            return [Item(title="")], meta
        first = lines[filled[0]]
        if _NUM_POINT.match(first) or _LETTER_POINT.match(first) or _PARA.match(first) or _BULLET.match(first) or (
                decision_page and (len(filled) == 1 or _resolves(first))):
            # the text starts at once; a decision page of one paragraph, or opening on "That …", is all decision
            return _split_at_numbered_headings(Item(title="", blocks=_decided(lines[filled[0]:], decision_page))), meta
        head = [first]
        if len(filled) > 1 and _DESCRIPTION.match(lines[filled[1]]):
            head.append(lines[filled[1]])
        item = _header(head, None)
        item.blocks = _decided(lines[filled[len(head) - 1] + 1:], decision_page)
        meeting = _header([b.text for b in item.blocks[:3] if b.text.startswith("Meeting:")], None)
        item.number, item.date, item.body = (item.number or meeting.number, item.date or meeting.date,
                                             item.body or meeting.body)  # an issue page's "Meeting: … (Item 14)"
        items = [part for it in _split_at_titles(item) for part in _split_at_numbered_headings(it)]
        for it in items:
            number_points(it)
        return items, meta
    items: list[Item] = []
    start = 0
    for k, mk in enumerate(marks):
        nxt = marks[k + 1] if k + 1 < len(marks) else len(lines)
        # The next item's header starts at the last lone item number before its "Minutes:" line.
        end = nxt
        if k + 1 < len(marks):
            nums = [i for i in range(mk + 1, nxt) if _ITEM_NO.match(lines[i])]
            if nums:
                end = nums[-1]
            else:
                end = _header_start(lines, mk + 1, nxt)
        if k == 0:  # a page's table of items starts after its "No. Item" heading
            start = max([i + 1 for i in range(mk) if lines[i].startswith(("No", "Items")) and _ITEMS_HEADING.match(lines[i])],
                        default=0)
        head = [ln for ln in lines[start:mk] if ln]
        number = None
        for i, ln in enumerate(head):
            nm = _ITEM_NO.match(ln)
            if nm:
                number, head = nm[1], head[i + 1:]
                break
        item = _header(head[-6:] if number is None and k > 0 else head, number)
        body = lines[mk:end]
        mark = body[0]
        body[0] = _MINUTES.match(mark)[1].strip(" |")  # type: ignore[index]
        stop = next((i for i, ln in enumerate(body) if ln[:1] in _END_FIRSTS and _END.match(ln)), len(body))
        # a decision page's "Decision:" label: what follows is the decision itself
        item.blocks = blocks(body[:stop], decision=mark.upper().startswith("DECISION"))
        number_points(item)
        items.append(item)
        start = end
    return items, meta
