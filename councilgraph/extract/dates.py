"""When an action is due, as a date: the minutes' words ("by 31 March 2025", "in six months", "the 7 January
Committee meeting") read against the date of the meeting that made the promise.

Pure. UK order only: "7/1/2025" is 7 January, never July. Words naming a meeting that is not dated ("the next
meeting") give None here; the follow-up pass resolves them against the body's meetings in the store.
"""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import date

from dateutil import parser
from dateutil.relativedelta import relativedelta

from councilgraph.extract import vocab

_NUMBERS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())}
_NUMBERS.update(a=1, an=1, eighteen=18, twenty=20, thirty=30, few=3, couple=2)
_MONTHS = [m.lower() for m in vocab.MONTHS]
_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_SEASON_END = {"spring": (5, 31), "summer": (8, 31), "autumn": (11, 30), "fall": (11, 30), "winter": (2, 28)}

_PERIOD = re.compile(r"\b(?:in|within|after|over)\s+(?:the\s+next\s+)?(?P<n>\d+|[a-z]+)\s+(?P<unit>day|week|month|year)s?\b", re.I)
_HALF_YEAR = re.compile(r"\b(?:in|within)\s+(?:six|6)\s+months'?\s+time|\bhalf[- ]year", re.I)
_NUMERIC = re.compile(r"\b(?P<d>\d{1,2})[/.](?P<m>\d{1,2})[/.](?P<y>\d{2}|\d{4})\b")
_DAY_MONTH = re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{_MONTH})\b(?:,?\s+(?P<y>\d{{4}}))?", re.I)
_MONTH_DAY = re.compile(rf"\b(?P<m>{_MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})\b", re.I)
_MONTH_ONLY = re.compile(rf"\b(?:(?P<edge>end|beginning|start|early|late|mid)(?:\s+of)?\s+)?(?P<m>{_MONTH})\b(?:\s+(?P<y>\d{{4}}))?", re.I)
_SEASON = re.compile(r"\b(?P<s>spring|summer|autumn|fall|winter)\b(?:\s+(?:of\s+)?(?P<y>\d{4}))?", re.I)
_YEAR_END = re.compile(r"\b(?:end\s+of\s+(?:the\s+)?(?P<kind>municipal|financial|calendar|academic|school)?\s*year|later\s+in\s+the\s+year|in\s+the\s+year)\b", re.I)
_QUARTER = re.compile(r"\b(?:end\s+of\s+(?:the\s+)?)?(?:q(?P<q>[1-4])|(?P<w>first|second|third|fourth)\s+quarter)\b", re.I)
_UNDATED_MEETING = re.compile(r"\bnext\s+(?:meeting|committee|board|panel)\b", re.I)


def _num(word: str) -> int | None:
    return int(word) if word.isdigit() else _NUMBERS.get(word.lower())


def _month(word: str) -> int:
    w = word.lower()[:3]
    return next(i for i, m in enumerate(_MONTHS, 1) if m.startswith(w))


def _end_of_month(y: int, m: int) -> date:
    return date(y, m, monthrange(y, m)[1])


def _after(made: date, month: int, day: int | None) -> date:
    """The first such day (or month's end) on or after the meeting: "in March" said in November is next March."""
    for y in (made.year, made.year + 1):
        d = date(y, month, min(day, monthrange(y, month)[1])) if day else _end_of_month(y, month)
        if d >= made:
            return d
    return d


def next_meeting(due: str | None) -> bool:
    """Whether the words name the body's next meeting, which only the store can date."""
    return bool(due and _UNDATED_MEETING.search(due))


def due_date(due: str | None, made: str | None) -> str | None:
    """The ISO date by which the action is due, or None where the words give none.

    `made` is the ISO date of the meeting that recorded the action; without it only a fully dated phrase
    ("17 October 2019") resolves. A month or season alone means its end; a meeting's date means that day.
    """
    if not due:
        return None
    base = date.fromisoformat(made[:10]) if made else None
    text = due.strip()
    if m := _NUMERIC.search(text):
        y = int(m["y"]) + (2000 if len(m["y"]) == 2 else 0)
        try:
            return date(y, int(m["m"]), int(m["d"])).isoformat()  # day first, always
        except ValueError:
            return None
    if m := (_DAY_MONTH.search(text) or _MONTH_DAY.search(text)):
        if m["y"]:
            try:  # dateutil, told the UK order, for the fully dated phrase
                return parser.parse(f"{m['d']} {m['m']} {m['y']}", dayfirst=True).date().isoformat()
            except (ValueError, OverflowError):
                return None
        return _after(base, _month(m["m"]), int(m["d"])).isoformat() if base else None
    if (m := _PERIOD.search(text)) and _num(m["n"]) is not None:
        n = _num(m["n"])
        if base is None:
            return None
        unit = m["unit"].lower() + "s"
        return (base + relativedelta(**{unit: n})).isoformat()
    if _HALF_YEAR.search(text) and base:
        return (base + relativedelta(months=6)).isoformat()
    if m := _YEAR_END.search(text):
        if base is None:
            return None
        kind = (m["kind"] or "").lower()
        # The municipal year ends at the annual meeting in May; the financial year on 31 March; the academic in July.
        month_day = {"municipal": (5, 31), "financial": (3, 31), "academic": (7, 31), "school": (7, 31)}.get(kind)
        if month_day:
            return _after(base, month_day[0], month_day[1]).isoformat()
        return date(base.year, 12, 31).isoformat()
    if m := _QUARTER.search(text):
        q = int(m["q"]) if m["q"] else ["first", "second", "third", "fourth"].index(m["w"].lower()) + 1
        if base is None:
            return None
        # Council quarters are of the financial year: Q1 ends in June, Q4 in March.
        return _after(base, {1: 6, 2: 9, 3: 12, 4: 3}[q], None).isoformat()
    if m := _SEASON.search(text):
        month, day = _SEASON_END[m["s"].lower()]
        if m["y"]:
            y = int(m["y"]) + (1 if month == 2 else 0)
            return date(y, month, monthrange(y, month)[1] if month == 2 else day).isoformat()
        return _after(base, month, None).isoformat() if base else None
    if (m := _MONTH_ONLY.search(text)) and m["m"] != "may":  # "may" lower-case is the verb
        month = _month(m["m"])
        edge = (m["edge"] or "").lower()
        day = 1 if edge in ("beginning", "start") else 10 if edge == "early" else 15 if edge == "mid" else None
        if m["y"]:
            y = int(m["y"])
            return (date(y, month, day) if day else _end_of_month(y, month)).isoformat()
        return _after(base, month, day).isoformat() if base else None
    return None
