"""Actions laid out rather than written: a table with headings ("Action | Lead | By when") or a label naming the
officer ("Action – Democratic Services Officer: add the item …"). Each is told as minutes tell an action list
("Scrutiny Officer to circulate the revised terms of reference by March 2025"), which the someone-to-do rule reads
(docs/EXTRACTION.md); the heading words are in extract/vocab.py."""

from __future__ import annotations

import re

from councilgraph.extract import vocab

# An action's label naming who does it: "Action – Democratic Services Officer: add the item to the work programme".
_LABEL = re.compile(r"^(?:ACTIONS?|Actions?)(?: [Bb]y)?\s*[:–—-]\s*(?P<who>[A-Z][^:;.|]{1,80}?)\s*[:–—]\s*"
                    r"(?P<what>[a-z].*)$")


def columns(cells: list[str]) -> tuple[int, int, int | None, int] | None:
    """A table of actions' heading row ("Action | Lead | By when"): where its action, lead and date are, and how
    many cells a row has; None for any other row."""
    names = [c.lower().strip(" :*?") for c in cells]
    action = next((i for i, n in enumerate(names) if n in vocab.ACTION_COLUMNS), None)
    lead = next((i for i, n in enumerate(names) if n in vocab.LEAD_COLUMNS), None)
    when = next((i for i, n in enumerate(names) if n in vocab.WHEN_COLUMNS), None)
    return None if action is None or lead is None else (action, lead, when, len(cells))


def row(cells: list[str], cols: tuple[int, int, int | None, int]) -> str:
    """A row of a table of actions told as minutes tell an action list: "Scrutiny Officer to circulate the
    revised terms of reference by March 2025"."""
    action, lead, when = (cells[i] if i is not None else "" for i in cols[:3])
    if not action or not lead or re.match(rf"{re.escape(lead)}\s+to\b", action, re.I):
        return action  # no one named, or the action names them already ("Nick Brook to circulate …")
    if re.match(r"[A-Z][a-z]+(?: |$)(?![A-Z])", action):  # "Circulate the notes": the verb, not a name
        action = action[0].lower() + action[1:]
    return f"{lead} to {action.rstrip('. ')}" + (f" by {when}" if when and when not in ("-", "–", "n/a") else "") + "."


def label(line: str) -> str:
    """An action's label line told as "Officer to add the item …"; any other line as it is."""
    m = _LABEL.match(line) if line.startswith(("ACTION", "Action")) else None  # (what _LABEL opens with)
    return f"{m['who']} to {m['what']}" if m else line
