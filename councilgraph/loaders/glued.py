"""Paragraph breaks a scrape lost, put back where the glue is unambiguous: an HTML page's text taken without its
block breaks runs its paragraphs together ("… be notedb)    That the proposals …", "… 2018 pdf icon PDF 136
KBRESOLVED – That …"). The segmenter (loaders/segment.py) calls these before it reads lines and points."""

from __future__ import annotations

import re
from collections.abc import Callable

#: Labels that end an item's minutes on a ModernGov page.
END_LABELS = r"(?:Supporting documents|Additional documents|Accompanying Documents|Background papers)\s*:"

# A number with a decimal point ("10.4"), which the two numbered-paragraph breaks below need: looked for from its point
# (a literal: quick), before they are tried at every stop of the page
_DECIMAL = re.compile(r"\.(?<=\d\.)\d")
# A decimal number right after a stop (".17.2"): looked for from its point, the look-behinds after it
_STOP_DECIMAL = re.compile(r"\.(?:(?<=[.;:]\d\.)|(?<=[.;:]\d\d\.)|(?<=[.;:]\d\d\d\.))\d")
_STOPPED_NUMBER = re.compile(r"[.;:][ \t]*\d{1,3}\.\d{1,2}\Z")  # a stop, then a decimal number (read to a given end)
_DIGIT_WORD = re.compile(r"[A-Z](?<=\d[A-Z])[a-z]{2}")  # a digit, then a capitalised word of three letters or more
# Where a page still shows a lost break, and the break that goes back there. (Each pattern opens on a literal or a
# character class: it is tried at every position of a long page.)
BREAKS = (  # (words a text must hold for the break to be looked for, or a test it must pass; the glue, the break)
    # the page's label before its heading ("Agenda and minutesChildren's Services Scrutiny Committee …")
    # (not an issue or decision page's label: what follows it, "Meeting: … - Cabinet (Item 6)", is read as a whole)
    ("", re.compile(r"\A(Agenda and (?:draft )?minutes|Meeting documents|Agenda item)(?=[ \t]*\S)"), r"\1\n\n"),
    # a number run into the next word ("report CSD19096The Committee …", "… -1The Cabinet …"; not a name's digit,
    # "Together4Children"); (the plain form, \d(?<![A-Za-z]\d)\d?(?=…)|\d{3,}(?=…), has its digit written once, first:
    # a pattern opening on alternatives is tried at every position, one opening on a digit only at digits)
    # (tried only where a digit stands before a capitalised word: found from the capital, rarer than a digit)
    (_DIGIT_WORD.search, re.compile(r"\d(?:(?<![A-Za-z]\d)\d?(?=[A-Z][a-z]{2})|\d{2,}(?=[A-Z][a-z]{2}))"), r"\g<0> "),
    # a label that ends an item's minutes ("… be noted. Supporting documents:")
    (lambda text: "ocuments:" in text and _label_after_stop(text), re.compile(rf"([.;:)])[ \t]*(?={END_LABELS})"),
     r"\1\n\n"),
    # a ModernGov file-size link glued to what follows it ("… 2018 pdf icon PDF 136 KBRESOLVED – That …")
    ("PDF ", re.compile(r"PDF (\d{1,5} ?[KM]B)(?=[A-Z])"), r"PDF \1\n\n"),
    # an item's title, a link to its papers, run into the last sentence of the item before
    ("pdf icon", re.compile(r"\.(?<=[a-z)]\.)[ \t]*(?=(?:\d{1,3}\.? ?)?[A-Z][^.:;|\n]{3,200}? pdf icon PDF \d{1,5} ?[KM]B)"), ".\n\n"),
    # the item's minutes after their "Additional documents:" label
    ("Additional documents:", re.compile(r"(Additional documents:)[ \t]*(?=[A-Z]|\d{1,3}\.\d)(?!Minutes:)"), r"\1\n\n"),
    # a numbered paragraph that resolves, run into the one before ("… via Zoom.10.4RESOLVED: That …")
    # (tried only where a resolution's word follows a digit, spaces or tabs between: most pages have none)
    (lambda text: _DECIMAL.search(text) is not None and _number_before_resolution(text), re.compile(r"([.;:])(?<=[a-z\d)][.;:])(?<!Minutes:)[ \t]*(\d{1,3}\.\d{1,2})[ \t]*(?=(?:RESOLVED|Resolved|AGREED|Agreed)\b)"),
     r"\1\n\n\2 "),
    # any numbered paragraph after a sentence ("… the signed minutes).17.2     On page 56 …")
    # (tried only where a decimal number follows a stop: most pages' numbered paragraphs open their lines)
    (_STOP_DECIMAL.search, re.compile(r"([.;:])(?<=[a-z)][.;:])(?<!Minutes:)(\d{1,3}\.\d{1,2})(?![.\d])[ \t]+(?=[A-Z])"), r"\1\n\n\2 "),
)
_BULLET = re.compile(r"(?<=[.;:\-–—])[ \t]?(?=·[ \t])")  # a bullet glued to the end of the line before it

# A point's mark glued to the end of the point before, as a page scraped without its paragraph breaks reads
# ("… be notedb)    That the proposals …", "… by 9 March 2017.2) That authority …", "… Council.1. That the …",
# "… Focused Visit January 20191. That …"), followed by a new sentence. (Counting in order from the first decides.)
POINT_MARKS = re.compile("|".join((  # one pattern a way of gluing; m.lastindex is the mark's group
    r"(?<=[a-z.;:,)\-–—D])(\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})\))\s+(?=[Tt]hat\b|[A-Z])",  # (D: "RESOLVED(i) That …")
    r"(?<=[a-z)][.;:]|[.;:][-–—])(\d{1,2}\.)\s+(?=[Tt]hat\b|[A-Z])",
    r"(?<=[.;:] [-–—])(\d{1,2}\.)\s+(?=[Tt]hat\b|[A-Z])",  # "… in the report: -1. That …"
    r"(?<=[.;:,)\-–—])(\((?:\d{1,2}|[a-z]|[ivx]{1,4})\))\s+(?=[a-z])",  # "…:-(a) notes …;(b) agrees"
    r"(?<=\b(?:19|20)\d\d)(1[.)])\s+(?=That\b)",  # a title ending in a year, then "1."
    r"(?<=[:;])([a-h]\.)\s+(?=[Tt]hat\b|[Tt]he\b|[A-Z])",  # "RESOLVED that:a. The Chair …"
    r"(?<=; and)([b-h]\.|\((?:\d{1,2}|[b-z]|[ivx]{1,4})\))\s+(?=\S)")))  # "…; andb. the Log …"
# Where POINT_MARKS can match, as a quick test of a line: each of its marks ends in "." or ")" (or opens on "(") with
# what must stand round it, looked for from that character (the pattern is tried only at those characters; POINT_MARKS,
# opening on look-behinds, at every position): ")" then a space and "That" or a capital; a one- or two-digit "N." after
# ".;:" or a dash, or "1." after a year's digit ("… 20191. That"), then a space; "a." after ":;", then a space; "(" after
# ".;:,)" or a dash. (Its last way, after "; and", is tested as a string: `may_hold_point_marks`.)
_POINT_MARK_ENDS = re.compile(r"[.()](?:(?<=\))\s+(?:[Tt]hat|[A-Z])|(?<=[.;:\-–—]\d\.)\s|(?<=[.;:\-–—]\d\d\.)\s|"
                              r"(?<=\d1\.)\s+That|(?<=[:;][a-h]\.)\s|(?<=[.;:,)\-–—]\())")


def may_hold_point_marks(line: str) -> bool:
    """False only where POINT_MARKS finds nothing in the line."""
    return "; and" in line or _POINT_MARK_ENDS.search(line) is not None


def break_glued(text: str) -> str:
    """The text with a paragraph break back at each place `BREAKS` knows glue."""
    for words, glued, broken in BREAKS:
        if words in text if isinstance(words, str) else words(text):
            text = glued.sub(broken, text)
    return text


def _label_after_stop(text: str) -> bool:
    """Does an END_LABELS label follow a stop, spaces or tabs between (as the break before it needs)? Each label's
    occurrences are found as strings and the characters before them read (few: quicker than a pattern tried at every
    stop of the page)."""
    # (the three labels ending in "ocuments" found in one search for it, each then read before it: two searches of the
    # page, not four)
    for word, heads in (("ocuments", ("Supporting d", "Additional d", "Accompanying D")), ("Background papers", ("",))):
        i = text.find(word)
        while i >= 0:
            for head in heads:
                j = i - len(head)  # where the label starts, if it is this one
                if j < 0 or not text.startswith(head, j):
                    continue
                while j and text[j - 1] in " \t":
                    j -= 1
                if j and text[j - 1] in ".;:)":
                    return True
            i = text.find(word, i + 1)
    return False


def _number_before_resolution(text: str) -> bool:
    """Does a resolution's word ("RESOLVED", "Agreed") follow a stop and a decimal number, spaces or tabs between (as
    the break before a numbered paragraph that resolves needs: "… via Zoom.10.4RESOLVED")? Each word's occurrences are found as strings (few) and the characters
    before them read."""
    for word in ("RESOLVED", "Resolved", "AGREED", "Agreed"):
        i = text.find(word)
        while i >= 0:
            j = i
            while j and text[j - 1] in " \t":
                j -= 1
            # (a digit, what \d matches, then the stop and number before it, on its line)
            if j and text[j - 1].isdecimal() and _STOPPED_NUMBER.search(text, text.rfind("\n", 0, j) + 1, j):
                return True
            i = text.find(word, i + 1)
    return False


def bullets(part: str, heading: Callable[[str], re.Match[str] | None]) -> list[str]:
    """A line with bullets glued to it, a line a bullet again; the heading that introduces them ("… website. It
    was agreed that: -· The …"), as `heading` finds it at the end of the text before them, a line of its own."""
    parts = _BULLET.split(part)
    m = heading(parts[0]) if len(parts) > 1 else None
    if m and m.start() > 0:
        parts[:1] = [parts[0][:m.start()], parts[0][m.start():]]
    return parts
