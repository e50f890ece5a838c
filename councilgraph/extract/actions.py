"""Commitments and requests: who must do what, who asked, and by when.

Two families of rules: narrative ones ("Mr Clark would look at …", "it was agreed that …",
"Members asked to be kept updated …") and resolution ones ("requests that …", "invites the
Cabinet Member to …", "agrees to set up …", "that X be considered by Y"). An owner may be
AUTHOR (the item's report author, who answers requests for more information) or HOME (the body
whose minutes these are); the pipeline turns those into nodes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from councilgraph.extract.sentence import M, Sentence
from councilgraph.graph.model import Label

AUTHOR, HOME = "@author", "@home"
ACTORS = (Label.PERSON, Label.ROLE, Label.BODY, Label.ORGANISATION, Label.COUNCIL)


@dataclass
class ActionFact:
    text: str
    owners: list[str] = field(default_factory=list)
    requesters: list[str] = field(default_factory=list)
    due: str | None = None
    extractor: str = ""


_MODAL = r"(?:would|will|shall|agreed to|has agreed to|had agreed to|undertook to|offered to|promised to|" \
         r"committed to|was asked to|were asked to|would be asked to|will be asked to|volunteered to|is to|are to)"
_VP = r"(?!be\b(?! \w+ing\b))(?!have\b|not\b|like to thank\b|welcome\b|also\b(?= be\b)|note\b|receive\b|thank\b)([a-z].*)"
_SUBJECT = r"(?:^|(?<=[,;:–(] )|(?<=\bthat )|(?<=\band )|(?<=\bwhich )|(?<=\bthen )|(?<=\bso )|(?<=\bthe )|(?<=\bThe ))"
_COMMIT = re.compile(rf"{_SUBJECT}{M}(?:,? (?:the |our )?{M},?)?(?: and (?:the )?{M})? (?:also )?{_MODAL} {_VP}")
_PRONOUN = re.compile(rf"\b(?:[Hh]e|[Ss]he) (?:also )?(?:would|will|agreed to|undertook to|offered to|promised to|committed to) {_VP}")
_AGREED = re.compile(r"\b[Ii]t (?:was|had been|has been|is|were) (?:also |further )?(?:agreed|AGREED|requested|REQUESTED) "
                     r"(?:that (.+)|to (.+))")
_MEMBERS_WISH = re.compile(
    rf"(?:{M}|[Mm]embers|[Cc]ouncillors)(?: [a-z]+)?,? (?:expressed a wish|asked|requested|hoped|said they hoped|wished|"
    rf"would like|were keen|was keen|wanted) to ((?:be kept|be provided|be given|be updated|be sent|be informed|receive|"
    rf"hear|see|have sight)\b.+)")
_PASSIVE_REQUEST = re.compile(r"^(?:[-–•·]\s*)?([A-Z][^⟨]*?\b(?:narrative|information|report|update|data|details?|briefing|"
                              r"breakdown|figures|analysis|paper|clarification|evidence)\b[^⟨]*?) "
                              r"(?:was|were) (?:requested|asked for)\b(.*)")
_ASKED_FOR = re.compile(rf"(?:{M}|[Mm]embers) (?:asked|requested)(?: for| that)? (.+)")
_DELIVERABLE = (r"(?:report|update|information|briefing|note|email|e-mail|letter|figures|data|details|paper|session|"
                r"training|item|presentation|response|breakdown|analysis|list|copy|link|feedback|summary|plan)s?")
_PASSIVE_FUTURE = re.compile(  # "a briefing note would be circulated to Members"
    rf"(?:^|\bthat )(?:[-–•·]\s*)?((?:[Aa]n?|[Tt]he|[Ff]urther|[Mm]ore|[Aa]ny)\b[^⟨;]*?\b{_DELIVERABLE}\b[^⟨;]*?) "
    rf"(?:would|will|is to|are to) be (?:circulated|provided|shared|sent|brought back|brought|reported back|included|"
    rf"made available|arranged|added to the work programme|scheduled|presented|submitted|organised|organized)\b"
    rf"(?: (?:out|back))?(?: (?:to|by) (?:the )?(?:⟨\d+⟩[’']s )?{M})?[^;]*")
_FUTURE = re.compile(r"\b(?:future|next meeting|circulat|be provided|report back|in due course|at a later|"
                     r"be shared|be sent|come back|be brought|provide|share|send|bring|update)", re.I)
_SUGGESTED_PASSIVE = re.compile(  # "She suggested that a report be brought back to the Committee in six months"
    rf"(?:{M}|\b([Ss]he|[Hh]e|[Mm]embers|[Ii]t was))\s+(?:also\s+)?(?:suggested|proposed|recommended|requested|asked)\s+that\s+"
    rf"((?:a|an|the|further|more)\b[^⟨;]*?\s(?:be|would be|should be)\s(?:brought|submitted|provided|circulated|presented|"
    rf"reported|added|scheduled|shared|sent)\b.*)")
_ACTION_LINE = re.compile(rf"^(?:ACTIONS?|Action)?\s*[:–—-]*\s*{M}(?: and {M})? to ([a-z].+)")
_NOT_ACTION = re.compile(r"\b(?:minutes|correct record|be noted|noted|be received|apologies)\b", re.I)

# Resolution points
_ASK_WHO = re.compile(
    rf"\b(?:[Rr]equests?|[Aa]sks?|[Ii]nvites?|[Uu]rges?|[Ee]ncourages?|[Cc]alls? (?:up)?on|[Rr]ecommends?|[Ii]nstructs?|[Dd]irects?)"
    rf"(?: that)? (?:the )?{M}(?:,? (?:the )?{M},?)? (?:to |should |will |would |be asked to |be invited to )?{_VP}")
_ASK_WHAT = re.compile(r"\b(?:[Rr]equests?|[Aa]sks?)(?: for| that)? (.+)")
_AGREE_WHO = re.compile(rf"\b[Aa]grees? (?:for|that) (?:the )?{M} (?:to |should |will |would )?{_VP}")
_AGREE_TO = re.compile(r"\b(?:[Aa]grees?|[Rr]esolves?|[Dd]ecides?|[Cc]ommits?|[Uu]ndertakes?) to ([a-z].+)")
_HOME_VERB = re.compile(r"^(?:That )?(?:the (?:Committee|Board|Panel) )?((?:[Ww]rites?|[Ww]ill \w+|[Ss]ets up|[Ee]stablishes|"
                        r"[Aa]rranges|[Ss]eeks|[Rr]efers)\b.+)")
_SUGGEST = re.compile(rf"\b(?:suggests?|suggesting|recommending|proposes?) that (?:the )?{M} {_VP}")
_SUBJUNCTIVE = re.compile(rf"(?:^|\bthat |\band |; )(?!the (?:report|presentation|minutes|update)\b)((?:(?! be )[^;])*?) be "
                          rf"(?!noted|received|approved|endorsed|welcomed|accepted|adopted|confirmed|supported|signed|"
                          rf"ratified|agreed|authorised|authorized|thanked|commended|made aware|given|appointed|"
                          rf"re-appointed|elected|co-opted|deferred|refused|rejected)([a-z]+ed)\b"
                          rf"(?: (?:by|to) (?:the )?(?:⟨\d+⟩[’']s )?{M})?([^;]*)")
_TO_DO = re.compile(r"^To (?!note|receive|approve|endorse|agree|accept|welcome|thank|support|confirm|consider)([a-z]+\b.*)")
_RECEIVE = re.compile(
    r"\b(?:[Tt]o receive|receives?|be provided with|is provided with|be given|is given|be sent|is sent)\s+"
    r"((?:a |an )?(?:further |follow[- ]up |progress |update |annual |six[- ]monthly |quarterly |final )+"
    r"(?:report|update|briefing|information|presentation)s?\b.*)")
_DELEGATED = re.compile(rf"\b(?:authority|responsibility|power)s? (?:be|is|are) delegated to (?:the )?{M}.*?\bto ([a-z].+)")
_DUE = re.compile(
    r"\b(?:by|before|at|in|for|on) (?:the )?((?:\d{1,2}(?:st|nd|rd|th)? )?(?:January|February|March|April|May|June|July|"
    r"August|September|October|November|December)(?: and (?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December))?(?: \d{4})?(?: (?:Committee|Board|Panel|Cabinet) meeting)?|next meeting|"
    r"(?:a|the) later (?:stage|date|meeting)|(?:a|the) future meeting|the end of [A-Z]?\w+(?: \d{4})?|"
    r"(?:autumn|spring|summer|winter|Autumn|Spring|Summer|Winter)(?: \d{4})?)"
    r"|\b((?:within|in) (?:the next )?(?:\w+ )?(?:weeks?|months?)(?:[’'] time| time)?)\b")


_NEXT_RESOLUTION_VERB = re.compile(
    r"\s+and\s+(?:also\s+)?(?:welcomes|notes|agrees|asks|requests|raises|supports|thanks|endorses|approves|resolves|"
    r"recommends|invites|highlights|acknowledges|recognises|commends)\b.*$", re.S)


def _tidy(text: str) -> str:
    """One action's words: spaces tidied, a following resolution verb ("… and welcomes …") cut off."""
    text = _NEXT_RESOLUTION_VERB.sub("", text)
    return re.sub(r"\s+", " ", text).strip().rstrip(".;:,").strip()


def due_of(text: str) -> str | None:
    """When the action is due, as the minutes say it ("7 January Committee meeting", "within six months")."""
    m = _DUE.search(text)
    return (m[1] or m[2]) if m else None


def _owners(s: Sentence, *idx: str | None) -> list[str]:
    """The actors among these mentions; people first, since a person in apposition to a post is who acts."""
    found = [i for i in idx if i is not None and s.is_(i, *ACTORS)]
    people = [s.at(i).node for i in found if s.is_(i, Label.PERSON)]
    return [x for x in (people or [s.at(i).node for i in found]) if x]


def narrative(s: Sentence, last_person: str | None) -> Iterator[ActionFact]:
    """Commitments and requests in the running text of the minutes."""
    t = s.template
    if _NOT_ACTION.search(t) and not re.search(r"\bagreed to|undertook to|offered to|would\b", t):
        return
    for m in _COMMIT.finditer(t):
        owners = _owners(s, m[1], m[2], m[3])
        if owners:
            vp = s.surface(m[4])
            yield ActionFact(_tidy(vp), owners, [], due_of(vp), "commitment")
    for m in _PRONOUN.finditer(t):
        if last_person:
            vp = s.surface(m[1])
            yield ActionFact(_tidy(vp), [last_person], [], due_of(vp), "commitment-pronoun")
    for m in _AGREED.finditer(t):
        body = s.surface(m[1] or m[2])
        if re.search(r"\bminutes\b|correct record", body, re.I):
            continue
        info = re.search(r"\b(?:report|update|feedback|information|briefing|data|narrative)", body, re.I)
        requested = "request" in m[0].lower()
        yield ActionFact(_tidy(body), [AUTHOR] if info else [], [HOME] if requested or info else [], due_of(body),
                         "it-was-agreed")
    for m in _MEMBERS_WISH.finditer(t):
        vp = s.surface(m[2])
        yield ActionFact(_tidy(vp), [AUTHOR], [HOME], due_of(vp), "members-asked")
    m = _PASSIVE_REQUEST.match(t)
    if m:
        text = s.surface(m[1] + m[2])
        yield ActionFact(_tidy(text), [AUTHOR], [HOME], due_of(text), "was-requested")
    for m in _ASKED_FOR.finditer(t):
        what = s.surface(m[2])
        if _FUTURE.search(what):
            yield ActionFact(_tidy(what), [AUTHOR], [HOME], due_of(what), "members-asked")
    m = _PASSIVE_FUTURE.search(t)
    if m and not _PASSIVE_REQUEST.match(t):
        agent = m[2] if m[2] and re.search(r"\bby (?:the )?(?:⟨\d+⟩[’']s )?⟨\d+⟩", m[0]) else None
        text = s.surface(m[0].removeprefix("that "))
        yield ActionFact(_tidy(text), _owners(s, agent) if agent else [AUTHOR], [], due_of(text), "will-be-done")
    for m in _SUGGESTED_PASSIVE.finditer(t):
        text = s.surface(m[3])
        if m[1] is not None and s.is_(m[1], Label.PERSON, Label.ROLE):
            yield ActionFact(_tidy(text), _owners(s, m[1]), [], due_of(text), "suggested-that")
        elif m[2] in ("She", "she", "He", "he") and last_person:
            yield ActionFact(_tidy(text), [last_person], [], due_of(text), "suggested-that")
        else:
            yield ActionFact(_tidy(text), [AUTHOR], [HOME], due_of(text), "suggested-that")
    m = _ACTION_LINE.match(t)
    if m:
        vp = s.surface(m[3])
        yield ActionFact(_tidy(vp), _owners(s, m[1], m[2]), [], due_of(vp), "action-line")


def resolution(s: Sentence) -> Iterator[ActionFact]:
    """Actions a resolution point records: requests of others, and what the body itself will do."""
    t = s.template
    asked_whom = False
    for m in _ASK_WHO.finditer(t):
        owners = _owners(s, m[1], m[2])
        if owners and not (s.is_(m[1], Label.BODY) and s.at(m[1]).generic):  # not the minuting body itself
            asked_whom = True
            vp = s.surface(m[3])
            yield ActionFact(_tidy(vp), owners, [HOME], due_of(vp), "resolution-request")
    if not asked_whom:
        for m in _ASK_WHAT.finditer(t):
            for part in re.split(r"\band that\b|;\s*and\b", m[1]):
                text = s.surface(part)
                if len(text.split()) >= 3:
                    yield ActionFact(_tidy(text), [AUTHOR], [HOME], due_of(text), "resolution-request")
            break
    for m in _AGREE_WHO.finditer(t):
        vp = s.surface(m[2])
        yield ActionFact(_tidy(vp), _owners(s, m[1]), [HOME], due_of(vp), "resolution-agrees-for")
    for m in _AGREE_TO.finditer(t):
        vp = s.surface(m[1])
        yield ActionFact(_tidy(vp), [HOME], [], due_of(vp), "resolution-agrees-to")
    m = _HOME_VERB.match(t)
    if m:
        vp = s.surface(m[1])
        yield ActionFact(_tidy(vp), [HOME], [], due_of(vp), "resolution-undertakes")
    for m in _SUGGEST.finditer(t):
        vp = s.surface(f"⟨{m[1]}⟩ {m[2]}")
        yield ActionFact(_tidy(vp), _owners(s, m[1]), [HOME], due_of(vp), "resolution-suggests")
    for m in _SUBJUNCTIVE.finditer(t):
        text = s.surface(t[m.start(1):m.end()])
        subject = re.match(rf"^(?:That )?(?:the )?{M}$", m[1].strip())
        if m[3]:
            owners = _owners(s, m[3])
        elif subject and m[2] in ("asked", "requested", "invited", "commissioned", "instructed", "tasked", "required"):
            owners = _owners(s, subject[1])  # "that the Director be asked to …"
        else:
            owners = [AUTHOR]
        yield ActionFact(_tidy(text), owners, [HOME], due_of(text), "resolution-subjunctive")
    m = _TO_DO.match(t)
    if m:  # "That the Board agree: (1) To re-constitute …": the body will do it
        vp = s.surface(m[1])
        yield ActionFact(_tidy(vp), [HOME], [], due_of(vp), "resolution-to-do")
    for m in _RECEIVE.finditer(t):  # "To receive a further report …": the report's author provides it
        what = s.surface(m[1])
        yield ActionFact(_tidy(what), [AUTHOR], [HOME], due_of(what), "resolution-receive")
    for m in _DELEGATED.finditer(t):
        vp = s.surface(m[2])
        yield ActionFact(_tidy(vp), _owners(s, m[1]), [HOME], due_of(vp), "resolution-delegates")
    yield from narrative(s, None)


def content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]{3,}", text.lower())} - {"the", "and", "for", "that", "with", "this", "from"}


def dedupe(actions: list[ActionFact]) -> list[ActionFact]:
    """One action per commitment: drop a later reading whose words mostly repeat an earlier one."""
    out: list[ActionFact] = []
    for a in actions:
        cw = content_words(a.text)
        if len(cw) < 2:
            continue
        mine = {o for o in a.owners if not o.startswith("@")}
        dup = next((b for b in out if len(cw & content_words(b.text)) >= 0.6 * min(len(cw), len(content_words(b.text)))
                    and mine <= {o for o in b.owners if not o.startswith("@")}), None)
        if dup is None:
            out.append(a)
    return out
