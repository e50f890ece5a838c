"""The action rules: one table entry per form of commitment or request that minutes use.

Each entry names the rule (the `extractor` value a user sees in the graph), says where it applies (running text,
resolution points, or both), what triggers it (a pattern over the sentence template, built from extract/grammar.py),
how it picks the owner and the requester, and gives real sentences from two or more councils that it must read
(tests/test_rules.py runs every rule on its examples, in their documents). extract/commitments.py applies the
table; nothing else decides who owns an action.

Who may own or request an action:
  OWNER / ASKER / AGENT  the actors the pattern's group of that name marks
  HOME                   the body whose minutes these are ("the Committee")
  AUTHOR                 the item's report author (requests for more information go to them)
  AUTHOR_IF_INFO         the report author when the action asks for information, else no one
  PREVIOUS               the person last named before the sentence ("she would …")
  SUBJECT                the actor the sentence opens with ("The Chair stressed … and has also asked …")
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from councilgraph.extract.grammar import (
    AGENT, ASKED, ASKER, CLAUSE, COMMIT, COMMIT_VP, DELIVERABLE, DELIVERED, ERRAND, FORMALITY_VERB, GENERIC_GROUP, MARK, MODAL, POINT_HEAD, SUBJUNCTIVE_BE,
    OWNERS, PRONOUN, RES_ASK, SAID, SUGGESTED, THAT, THING, VP, group)


class Who(StrEnum):
    OWNER = "owner"
    ASKER = "asker"
    AGENT = "agent"
    HOME = "home"
    AUTHOR = "author"
    AUTHOR_IF_INFO = "author-if-info"
    PREVIOUS = "previous"
    SUBJECT = "subject"


class Where(StrEnum):
    NARRATIVE = "narrative"
    RESOLUTION = "resolution"
    ANY = "any"


@dataclass(frozen=True)
class Example:
    """A real sentence a rule must read: the document (file name prefix under ../shared/seeds or corpus), words of
    the sentence, words of the action it gives, and words of its owner (None: no owner is named)."""

    doc: str
    sentence: str
    action: str
    owner: str | None = None


@dataclass(frozen=True)
class ActionRule:
    name: str
    where: Where
    trigger: re.Pattern[str]
    owner: tuple[Who, ...]  # tried in order: the first that names someone wins
    requester: tuple[Who, ...]
    examples: tuple[Example, ...]
    text: str = "vp"  # the group that gives the action's words; "clause": from `thing` to the end; "thing+rest"


_WISHED = group("vp", r"(?:be kept|be provided|be given|be updated|be sent|be informed|receive|hear|see|have sight)\b[^;]*")
_SUBJECT_VP = group("vp", r"[a-z]+\b[^;]*")
_TO_VP = group("vp", r"[a-z]+\b.*")


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


ACTION_RULES: tuple[ActionRule, ...] = (
    ActionRule(
        "commitment", Where.ANY,
        _rx(rf"{CLAUSE}{OWNERS}(?: [Mm]embers)?,?(?: who [^,;]*,)? (?:also |then |now |still )?{COMMIT} (?:also |then |now )?"
            rf"{COMMIT_VP}"),
        (Who.OWNER,), (), (
            Example("000", "Mr Clark would look at giving the Committee the opportunity", "look at giving the Committee",
                    "Clark"),
            Example("069", "the Director would present an update to the Board", "present an update to the Board",
                    "Director"),
        )),
    ActionRule(
        "commitment-pronoun", Where.NARRATIVE,
        _rx(rf"{PRONOUN} (?:also |then )?{COMMIT} (?:also )?{COMMIT_VP}"),
        (Who.PREVIOUS,), (), (
            Example("030", "she would provide a progress update in the next annual report",
                    "provide a progress update in the next annual report", "Simmons"),
            Example("040", "She would update Members when confirmed", "update Members when confirmed", "Jones"),
        )),
    ActionRule(
        "action-line", Where.ANY,
        _rx(rf"^(?:ACTIONS?|Actions?)?\s*[:–—-]*\s*{OWNERS} to {VP}"),
        (Who.OWNER,), (), (
            Example("014", "Nick Brook to circulate a note to Board members", "circulate a note to Board members",
                    "Nick Brook"),
            Example("014", "Jacky Tiotto to meet with Paul Snell", "meet with Paul Snell", "Jacky Tiotto"),
        )),
    ActionRule(
        "asked-to", Where.ANY,
        _rx(rf"(?:{CLAUSE}{ASKER},? (?:has |had |have )?|\b){ASKED} {OWNERS} to {VP}"),
        (Who.OWNER,), (Who.ASKER, Who.SUBJECT), (
            Example("028", "The Chairman asked Cllr Lord to express the Committee’s thanks", "express the Committee",
                    "Lord"),
            Example("022", "has also asked the Scrutiny Manager to arrange a meeting", "arrange a meeting",
                    "Scrutiny Manager"),
        )),
    ActionRule(
        "was-asked-to", Where.ANY,
        _rx(rf"{CLAUSE}{OWNERS} (?:was|were|had been|has been|have been|would be|will be) (?:also )?{ERRAND} to {VP}"),
        (Who.OWNER,), (Who.HOME,), ()),
    ActionRule(
        "members-invited", Where.ANY,
        _rx(rf"{CLAUSE}{GENERIC_GROUP} (?:were|was|are|would be|will be) (?:also )?(?:invited|asked|requested|encouraged) "
            rf"to {VP}"),
        (), (Who.HOME,), ()),
    ActionRule(
        "asked-if-could", Where.NARRATIVE,
        _rx(rf"{ASKER} (?:also )?(?:asked|enquired|queried) (?:if|whether) {OWNERS} (?:could|would|might) {VP}"),
        (Who.OWNER,), (Who.ASKER,), ()),
    ActionRule(
        "resolution-request", Where.ANY,
        _rx(rf"{RES_ASK}(?: that)? {OWNERS},?(?: [^,;]*,)? (?:to |should |will |would |be asked to |be invited to )"
            rf"{COMMIT_VP}"),
        (Who.OWNER,), (Who.HOME,), (
            Example("004", "invites the Cabinet Member to report back at a later stage", "report back at a later stage",
                    "Cabinet Member"),
        )),
    ActionRule(
        "given-errand", Where.ANY,
        _rx(rf"{THAT}{OWNERS} be (?:also )?{ERRAND} to {VP}"),
        (Who.OWNER,), (Who.HOME,), (
            Example("029", "That the Director of Children’s Services be commissioned to lead the implementation",
                    "lead the implementation", "Director of Children’s Services"),
            Example("002", "that the Member Management Committee be requested to approve appointments",
                    "approve appointments", "Member Management Committee"),
        )),
    ActionRule(
        "delegation", Where.ANY,
        _rx(rf"\b(?:[Aa]uthority|[Rr]esponsibility|[Pp]owers?|[Dd]elegated authority)s? (?:be|is|are|was|were|has been|had been) "
            rf"(?:also )?delegated to {OWNERS}(?:,[^;]*?,| \([^)]*\))? (?:to|in order to) {VP}"),
        (Who.OWNER,), (Who.HOME,), (
            Example("035", "That authority be delegated to the Director of Children’s Services", "finalise the Children",
                    "Director of Children’s Services"),
            Example("011", "That authority be delegated to the Director of Children’s Services", "finalise the Children",
                    "Director of Children’s Services"),
        )),
    ActionRule(
        "given-authority", Where.ANY,
        _rx(rf"\b(?:[Dd]elegates?|[Dd]elegated|[Gg]ives?|[Gg]ave|[Gg]rants?|[Gg]ranted|[Gg]iven) (?:delegated )?(?:authority |"
            rf"powers? )?to {OWNERS}(?:,[^;]*?,| \([^)]*\))? (?:to|in order to) {VP}"),
        (Who.OWNER,), (Who.HOME,), ()),
    ActionRule(
        "passive-with-agent", Where.ANY,
        _rx(rf"{CLAUSE}{THING} {MODAL} (?:also )?be {DELIVERED}\b[^;⟨]*? by {AGENT}[^;]*"),
        (Who.AGENT,), (), (
            Example("082", "Details on this could be provided by Ian Heggs", "Details on this could be provided",
                    "Ian Heggs"),
            Example("010", "Minor changes would be made to the text of the plan by the corporate director",
                    "Minor changes would be made to the text of the plan", "corporate director"),
        ), text="clause"),
    ActionRule(
        "it-was-agreed", Where.NARRATIVE,
        _rx(rf"\b[Ii]t (?:was|had been|has been|is|were) (?:also |further |then )?(?:agreed|AGREED|resolved|RESOLVED|decided) "
            rf"(?:that )?{OWNERS} (?:would|will|should|is to|are to) {COMMIT_VP}"),
        (Who.OWNER,), (Who.HOME,), (
            Example("003", "It was agreed that the Director of Children’s Services would", "re-run a course",
                    "Director of Children’s Services"),
            Example("008", "It was agreed that the Director of Children’s Social Care would look at",
                    "look at strengthening", "Director of Children’s Social Care"),
        )),
    ActionRule(
        "it-was-agreed-to", Where.NARRATIVE,
        _rx(rf"\b[Ii]t (?:was|had been|has been|is|were) (?:also |further |then )?(?:agreed|AGREED|requested|REQUESTED) "
            rf"(?:that |to )(?P<vp>[^;⟨]*(?:⟨\d+⟩[^;⟨]*)*)"),
        (Who.AUTHOR_IF_INFO,), (Who.HOME,), ()),
    ActionRule(
        "said-would-be-done", Where.NARRATIVE,
        _rx(rf"{CLAUSE}{ASKER},? {SAID} (?:that )?(?=(?:the|a|an|this|these|further|more|any) ){THING} (?:would|will|could|should) "
            rf"(?:also )?be {DELIVERED}\b[^;]*"),
        (Who.ASKER,), (), (), text="clause"),
    ActionRule(
        "will-be-done", Where.ANY,
        _rx(rf"{CLAUSE}(?P<thing>(?:[Aa]n?|[Tt]he|[Ff]urther|[Mm]ore|[Aa]ny)\b[^⟨;]*?\b{group('what', r'[a-z]+')}[^⟨;]*?) "
            rf"(?:would|will|is to|are to) (?:also )?be {DELIVERED}\b[^;]*"),
        (Who.AUTHOR_IF_INFO,), (), (), text="clause"),
    ActionRule(
        "suggested-that", Where.ANY,
        _rx(rf"(?:{ASKER}|{group('pronoun', PRONOUN)}|[Mm]embers|[Ii]t was) (?:also )?{SUGGESTED} that "
            rf"{THING} (?:be|would be|should be|could be) {DELIVERED}\b[^;]*"),
        (Who.ASKER, Who.PREVIOUS, Who.AUTHOR_IF_INFO), (), (
            Example("003", "She suggested that a report be brought back to the Committee in six months",
                    "report be brought back to the Committee in six months", "Diane Taylor"),
        ), text="clause"),
    ActionRule(
        "asked-to-be-informed", Where.ANY,
        _rx(rf"(?:{ASKER}(?: [Mm]embers)?|{GENERIC_GROUP}|^|\band)(?: [a-z]+)?,? (?:expressed a wish|asks|asked|requested|"
            rf"requests|hoped|said they hoped|wished|would like|were keen|was keen|wanted) to {_WISHED}"),
        (Who.AUTHOR,), (Who.HOME,), ()),
    ActionRule(
        "requests-that", Where.RESOLUTION,
        _rx(rf"(?<!\bthe )(?<!\ba )(?<!\bthis )(?<!\bany )(?<!\bits )\b(?:[Rr]equests?|[Aa]sks?|REQUESTS?)(?: for| that)? "
            rf"(?!{MARK}|from\b)(?P<vp>[^;]*)"),
        (Who.AUTHOR,), (Who.HOME,), (
            Example("000", "Requests that updates on staff engagement work are included", "staff engagement work"),
        )),
    ActionRule(
        "was-requested", Where.NARRATIVE,
        _rx(rf"^(?:[-–•·]\s*)?(?P<thing>[A-Z][^⟨;]*?{DELIVERABLE}[^⟨;]*?) (?:was|were) (?:requested|asked for)\b(?P<rest>[^;]*)"),
        (Who.AUTHOR,), (Who.HOME,), (
            Example("004", "Further narrative was requested on the data", "Further narrative on the data"),
        ), text="thing+rest"),
    ActionRule(
        "body-undertakes", Where.RESOLUTION,
        _rx(rf"^(?:That )?(?:the (?:Committee|Board|Panel|Cabinet) )?(?P<vp>(?:[Ww]rites?|[Ww]ill \w+|[Ss]ets up|[Ee]stablishes|"
            rf"[Aa]rranges|[Ss]eeks|[Rr]efers)\b[^;]*)"),
        (Who.HOME,), (), (
            Example("000", "Writes to the Chairman of the Corporate Parenting Panel", "Writes to the Chairman"),
        )),
    ActionRule(
        "agrees-for", Where.RESOLUTION,
        _rx(rf"\b[Aa]grees? (?:for|that) {OWNERS} (?:to |should |will |would ){COMMIT_VP}"),
        (Who.OWNER,), (Who.HOME,), (
            Example("001", "agrees for the Chairman to speak with Service officers", "speak with Service officers",
                    "Chairman"),
        )),
    ActionRule(
        "suggests-that", Where.RESOLUTION,
        _rx(rf"\b(?:suggests?|suggesting|recommending|proposes?) that (?P<thing>{OWNERS} {COMMIT_VP})"),
        (Who.OWNER,), (Who.HOME,), (
            Example("000", "to suggest that the Panel provides their view", "Panel provides their view",
                    "Corporate Parenting Panel"),
        ), text="clause"),
    ActionRule(
        "resolution-agrees-to", Where.RESOLUTION,
        _rx(rf"\b(?:[Aa]grees?|[Rr]esolves?|[Dd]ecides?|[Cc]ommits?|[Uu]ndertakes?) to {VP}"),
        (Who.HOME,), (), ()),
    ActionRule(
        "resolution-subject-acts", Where.RESOLUTION,
        _rx(rf"^(?:That )?{OWNERS} (?!{FORMALITY_VERB})(?![a-z]+ed\b){_SUBJECT_VP}"),
        (Who.OWNER,), (Who.HOME,), ()),
    ActionRule(
        "resolution-to-do", Where.RESOLUTION,
        _rx(rf"^To (?!note|receive|approve|endorse|agree|accept|welcome|thank|support|confirm|consider){_TO_VP}"),
        (Who.HOME,), (), ()),
    ActionRule(
        "resolution-receive", Where.RESOLUTION,
        _rx(r"\b(?:[Tt]o receive|receives?|be provided with|is provided with|be given|is given|be sent|is sent)\s+"
            r"(?P<vp>(?:a |an )?(?:further |follow[- ]up |progress |update |annual |six[- ]monthly |quarterly |final )+"
            r"(?:report|update|briefing|information|presentation)s?\b.*)"),
        (Who.AUTHOR,), (Who.HOME,), ()),
    ActionRule(
        "resolution-subjunctive", Where.RESOLUTION,
        _rx(rf"{THAT}(?!the (?:report|presentation|minutes|update)\b){THING}{SUBJUNCTIVE_BE} (?:also )?{DELIVERED}\b"
            rf"(?: (?:by|to) {AGENT})?[^;]*"),
        (Who.AGENT, Who.AUTHOR_IF_INFO), (Who.HOME,), (), text="clause"),
    ActionRule(
        "point-subjunctive", Where.NARRATIVE,
        _rx(rf"{POINT_HEAD}(?!the (?:report|presentation|minutes|update)\b){THING}{SUBJUNCTIVE_BE} (?:also )?{DELIVERED}\b"
            rf"(?: (?:by|to) {AGENT})?[^;]*"),
        (Who.AGENT, Who.AUTHOR_IF_INFO), (Who.HOME,), (), text="clause"),
    ActionRule(
        "requested-that-be", Where.NARRATIVE,
        _rx(rf"\b{SUGGESTED} that {THING}{SUBJUNCTIVE_BE} (?:also )?{DELIVERED}\b(?: (?:by|to) {AGENT})?[^;]*"),
        (Who.AGENT, Who.AUTHOR_IF_INFO), (Who.HOME,), (), text="clause"),
    ActionRule(
        "officers-to", Where.RESOLUTION,
        _rx(rf"{THAT}(?:the )?(?:[Oo]fficers|[Ss]taff) (?:be asked to |to |should |will )?{VP}"),
        (), (Who.HOME,), ()),
)

RULES_BY_NAME = {r.name: r for r in ACTION_RULES}
