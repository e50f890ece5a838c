"""Pieces of the language of minutes, as regular expressions over sentence templates.

A template is a sentence whose actor mentions are markers ⟨i⟩ (see extract/sentence.py). Every word list comes
from `vocab`; this module only says how the words combine, so a rule in extract/action_rules.py reads like the sentence
it matches: ``rf"{ASKER} {ASKED} {OWNERS} to {VP}"``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from councilgraph.extract import vocab
from councilgraph.extract.prefilter import CueWords, trie  # noqa: F401 - CueWords: rule tables import it from here


def alt(words: Iterable[str]) -> str:
    """A non-capturing alternation of literal words, longest first, on word boundaries."""
    ws = sorted(set(words), key=len, reverse=True)
    return r"(?:\b(?:" + "|".join(re.escape(w) for w in ws) + r")\b)"


MARK = r"⟨\d+⟩"
_THE = rf"(?:(?:the|The|our|its|their|his|her) (?:{alt(vocab.ACTOR_QUALIFIERS)} )?)?"  # "the relevant ⟨Panel⟩" acts
#: One or more actors joined by "and", ",", "&", each perhaps after "the" ("the Chair and Vice-Chair").
_ONE = rf"{_THE}(?:{MARK}[’']s )?{MARK}"  # "the Committee’s Business Planning Group": the group acts
ACTORS = rf"{_ONE}(?:(?:,| and| &|, and) {_ONE})*"


def compiled(*patterns: str) -> tuple[re.Pattern[str], ...]:
    """A rule's triggers, compiled."""
    return tuple(re.compile(p) for p in patterns)


def group(name: str, pattern: str) -> str:
    return f"(?P<{name}>{pattern})"


OWNERS = group("owner", ACTORS)
ASKER = group("asker", ACTORS)
AGENT = group("agent", ACTORS)
#: Where a subject may start: the start of a clause. (Every word it may follow ends in a space, tested first: a pattern
#: that opens on CLAUSE is tried at every position, and most positions then fail on one look-behind, not on ten.)
CLAUSE = (r"(?:^|(?<= )(?:(?<=[,;:–(] )|(?<=\bthat )|(?<=\band )|(?<=\bwhich )|(?<=\bthen )|(?<=\bso )|(?<=\bwhere )"
          r"|(?<=\b[Tt]he )|(?<=\bThat )|(?<=\bbut )))")
#: The action's words: a lower-case verb phrase to the end of the clause.
VP = group("vp", r"[a-z][^;]*")
#: A verb phrase that commits (not "would be …", "would like to thank …").
#: The rest of a commitment's clause: to its end, or to the next actor's commitment ("… within the next fortnight
#: otherwise ⟨the Chair⟩ would formally write …": two commitments, each its owner's).
_CLAUSE_REST = rf"(?:(?! {alt(vocab.NEXT_COMMITMENT_JOINERS)} (?:the )?{MARK} (?:would|will)\b)[^;])*"
# (a verb: "agreed to the following amendments" consents to something, commits no one)
COMMIT_PHRASE = rf"(?:(?!be \w+ing\b)(?!{alt(vocab.NOT_COMMITMENTS)})(?!{alt(vocab.NOUN_OPENERS)})[a-z]{_CLAUSE_REST}|be \w+ing\b{_CLAUSE_REST})"
COMMIT_VP = group("vp", COMMIT_PHRASE)
COMMIT = alt(vocab.COMMIT_VERBS)
ASKED = r"(?:also |further |then )?" + alt(vocab.ASK_VERBS)
RES_ASK = r"(?:also |further )?" + alt(vocab.RESOLUTION_ASK_VERBS)
ERRAND = alt(vocab.ERRAND_PARTICIPLES)
DELIVERED = alt(vocab.DELIVERY_PARTICIPLES)
SAID = alt(vocab.SPEECH_VERBS)
SUGGESTED = alt(vocab.SUGGEST_VERBS)
GENERIC_GROUP = alt(vocab.GENERIC_GROUPS)
DELIVERABLE_WORDS = (*vocab.DELIVERABLES, *(w + "s" for w in vocab.DELIVERABLES))  # "a report", "two reports"
DELIVERABLE = alt(DELIVERABLE_WORDS)
AGENDA = alt(vocab.AGENDA_WORDS)
PRONOUN = r"\b(?:[Hh]e|[Ss]he|[Tt]hey)\b"
MODAL = r"(?:would|will|could|should|is to|are to|was to|were to|shall|can|may)"
#: A thing in the passive: the clause's subject up to its verb ("a briefing note", "Details on this").
THING = group("thing", r"(?:(?!\b[Tt]hat\b)[^;])*?")
#: A bare subjunctive "be" ("that a report be brought"), not a modal's ("would be"). (The look-ahead first: after a lazy
#: THING the engine tries this at every character, and " be" fails at once where eight look-behinds would be read;
#: the same matches.)
SUBJUNCTIVE_BE = r"(?= be)(?<!\bwould)(?<!\bwill)(?<!\bcould)(?<!\bshould)(?<!\bmay)(?<!\bmight)(?<!\bcan)(?<!\bto) be"
#: "That" at the head of a resolution point, perhaps numbered.
THAT = r"(?:^|\bthat |\bThat |\bTHAT |\band (?=(?:a|an|the|further|any)\b))"  # "… be noted and a session be organised"
FORMALITY_VERB = alt(vocab.FORMALITY_VERBS)

_MONTH = alt(vocab.MONTHS)
DUE = re.compile(
    rf"\b(?:by|before|at|in|for|on|until|during|from|to) (?:the )?(?P<when>(?:(?:\d{{1,2}}(?:st|nd|rd|th)? )?{_MONTH}"
    rf"(?: and {_MONTH})?(?:,? \d{{4}})?(?: (?:Committee|Board|Panel|Cabinet) meeting| meeting)?"
    rf"|{alt(vocab.DUE_MEETINGS)}|the end of [A-Z]?\w+(?: \d{{4}})?|{alt(vocab.SEASONS)}(?: \d{{4}})?))"
    rf"|\b(?P<later>later (?:in|this) (?:the )?(?:year|month|autumn|spring|summer|winter))"
    rf"|\b(?P<period>(?:within|in|for) (?:the next )?(?!the\b)(?:\w+ )?{alt(vocab.DUE_PERIODS)}(?:[’'] time| time)?)"
    rf"|\b(?:the )?(?P<meeting>(?:\d{{1,2}}(?:st|nd|rd|th)? )?{_MONTH}(?: \d{{4}})? (?:Committee|Board|Panel|Cabinet) meeting)")
