"""The action rules: one table entry per construction that minutes use to commit someone or ask someone to act.

Each entry names the rule (the `extractor` value a user sees in the graph), says where it applies (running text,
resolution points, or both), what triggers it (patterns over the sentence template, built from extract/grammar.py;
one construction may have a few surface forms), how it picks the owner and the requester, and real sentences from
two or more councils that it must read: tests/test_rules.py runs every rule on its examples, in their documents.
extract/commitments.py applies the table in order (an earlier rule wins a sentence part); nothing else decides who
owns an action.

A trigger's groups say what the words are: `vp` the verb phrase to do; else `thing` (and `rest`) the clause from its
subject. Who may own or request an action:
  OWNER / ASKER / AGENT  the actors the trigger's group of that name marks
  SUBJECT                the actor the sentence opens with ("The Chair stressed … and has also asked …")
  HOME                   the body whose minutes these are ("the Committee")
  HOME_IF_RESOLVED       that body, when the sentence is a resolution point
  AUTHOR                 the item's report author or presenter (requests for more information go to them)
  AUTHOR_IF_INFO         the report author when the action asks for information, else no one
  PREVIOUS               the person last named before the sentence ("she would …"); for "they", the body
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from councilgraph.extract import vocab
from councilgraph.extract.grammar import (
    AGENDA,
    AGENT,
    ASKED,
    ASKER,
    CLAUSE,
    COMMIT,
    COMMIT_PHRASE,
    COMMIT_VP,
    DELIVERABLE,
    DELIVERED,
    ERRAND,
    FORMALITY_VERB,
    GENERIC_GROUP,
    MARK,
    MODAL,
    OWNERS,
    PRONOUN,
    RES_ASK,
    SAID,
    SUBJUNCTIVE_BE,
    SUGGESTED,
    THAT,
    THING,
    VP,
    alt,
    compiled,
    group,
)


class Who(StrEnum):
    OWNER = "owner"
    ASKER = "asker"
    AGENT = "agent"
    SUBJECT = "subject"
    HOME = "home"
    HOME_IF_RESOLVED = "home-if-resolved"
    AUTHOR = "author"
    AUTHOR_IF_INFO = "author-if-info"
    PREVIOUS = "previous"


class Where(StrEnum):
    NARRATIVE = "narrative"
    RESOLUTION = "resolution"
    ANY = "any"


@dataclass(frozen=True)
class Example:
    """A real sentence a rule must read: the document ("seeds/000", "corpus/014": a file name prefix under
    ../shared), words of the sentence, words of the action it gives, and words of its owner (None: no owner)."""

    doc: str
    sentence: str
    action: str
    owner: str | None = None


@dataclass(frozen=True)
class ActionRule:
    name: str
    where: Where
    triggers: tuple[re.Pattern[str], ...]
    owner: tuple[Who, ...]  # tried in order: the first that names someone wins
    requester: tuple[Who, ...]
    examples: tuple[Example, ...]
    cues: tuple[str, ...] = ()  # words (lower case) one of which a sentence must contain for the triggers to be tried
    needs_actor: bool = False  # every trigger marks an actor: a sentence that names none is not tried


#: What a body asks to be kept informed of ("asked to be kept updated on …", "hoped to hear more updates …").
_WISHED = group("vp", r"(?:be kept|be provided|be given|be updated|be sent|be informed|receive|hear|have sight)\b[^;]*")
#: A verb a resolution point's subject does ("the Cabinet Member writes to …"), not a noting, a past or a participle.
_ACTS = group("vp", rf"(?!{FORMALITY_VERB})(?![a-z]+(?:ed|ing|ly)\b)(?!(?:of|for|in|on|at|to|with|and|or|will|would|"
                    r"shall|should|may|can|could|must|also|then|not)\b)[a-z]+\b[^;]*")
#: An aside between who is given an errand and the errand, in commas ("…, in consultation with the Leader, …"); not
#: a clause of its own ("That the Cabinet, having considered the report, agrees that the Director be asked to …").
_ASIDE = r"(?:,(?:(?!\bthat\b| be\b)[^;])*?,?)"
#: An aside after the delegate, in commas or brackets ("…, in consultation with the Leader, …", "(… Legal Services)"),
#: and what the delegate is to do.
_DELEGATE_ASIDE = r",[^;]*?,| \([^)]*\)"
_TO_DO = rf"(?:to|in order to) {VP}"
#: An aside in a delegation with no commas round it: "Authorises X in consultation with the Portfolio Holder to …".
_CONSULTING = r" (?:in|following|after) consultation with [^;]*?"
#: Who the delegate is, in a clause of its own: "To authorise the relevant Corporate Director who holds the budget for
#: the service area to award the contract …".
_WHO_CLAUSE = r" who [^;⟨]*?"
#: Made a standing item of a body's agenda ("would now be a standard item on the agenda").
_STANDING_ITEM = rf"(?:a |an )?{alt(vocab.STANDING_WORDS)} (?:agenda )?item\b"
_NOT_FORMALITY = r"(?!the (?:report|presentation|minutes|update)\b)"
COMMIT_CUES = ("would", "will", "shall", "agreed to", "undertook", "offered", "promised", "committed", "volunteered",
               " is to ", " are to ", "going to")

ACTION_RULES: tuple[ActionRule, ...] = (
    ActionRule(
        "agreed-that", Where.NARRATIVE,
        compiled(rf"\b[Ii]t (?:was|had been|has been|is|were) (?:also |further |then )?(?:agreed|AGREED|resolved|RESOLVED|decided) "
            rf"(?:that )?{OWNERS} (?:would|will|should|is to|are to) {COMMIT_VP}"),
        (Who.OWNER,), (Who.HOME,), (
            Example("seeds/003", "it was agreed that the Director of Children’s Services would", "re-run a course",
                    "Director of Children’s Services"),
            Example("corpus/008", "It was agreed that the Director of Children’s Social Care would look at",
                    "look at strengthening", "Director of Children’s Social Care"),
        ), cues=("agreed", "resolved", "decided"), needs_actor=True),
    ActionRule(
        "commitment", Where.ANY,
        compiled(rf"{CLAUSE}{OWNERS}(?: [Mm]embers)?,?(?: who [^,;]*,)? (?:also |then |now |still )?{COMMIT} (?:also |then |now )?"
            rf"{COMMIT_VP}",
            # after an opening clause with no comma: "As Fiona was absent from the meeting Rebecca will contact her"
            rf"(?<=[a-z] )(?<!\bof )(?<!\bto )(?<!\bby )(?<!\bfor )(?<!\bwith )(?<!\bfrom )(?<!\bin )(?<!\bat )"
            rf"(?<!\bon )(?<!\bthe )(?<!\band ){OWNERS} (?:will|would) {COMMIT_VP}"),
        (Who.OWNER,), (), (
            Example("seeds/000", "Mr Clark would look at giving the Committee the opportunity",
                    "look at giving the Committee", "Clark"),
            Example("corpus/069", "the Director would present an update to the Board", "present an update to the Board",
                    "Director"),
            Example("corpus/017", "Continuous Improvement Executive Group would ensure tighter focus",
                    "ensure tighter focus", "Continuous Improvement Executive Group"),
            Example("corpus/078", "As Fiona was absent from the meeting Rebecca will contact her",
                    "contact her to confirm", "Rebecca"),
        ), cues=COMMIT_CUES, needs_actor=True),
    ActionRule(
        "commitment-pronoun", Where.NARRATIVE,
        compiled(rf"{group('pronoun', PRONOUN)} (?:also |then )?{COMMIT} (?:also )?{COMMIT_VP}"),
        (Who.PREVIOUS,), (), (
            Example("corpus/030", "she would provide a progress update in the next annual report",
                    "provide a progress update in the next annual report", "Simmons"),
            Example("corpus/040", "She would update Members when confirmed", "update Members when confirmed", "Jones"),
            Example("corpus/030", "They would continue to meet with young children", "meet with young children",
                    "Corporate Parenting Panel"),
        ), cues=COMMIT_CUES),
    ActionRule(
        "someone-to-do", Where.ANY,
        compiled(rf"^(?:ACTIONS?|Actions?)?\s*[:–—-]*\s*{OWNERS} to {VP}",
            rf"\b(?:[Aa]grees?|[Aa]greed|AGREED|[Aa]rranged|[Hh]appy|[Cc]ontent) for {OWNERS} to {COMMIT_VP}"),
        (Who.OWNER,), (Who.HOME_IF_RESOLVED,), (
            Example("corpus/014", "Nick Brook to circulate a note to Board members", "circulate a note to Board members",
                    "Nick Brook"),
            Example("seeds/001", "agrees for the Chairman to speak with Service officers", "speak with Service officers",
                    "Chairman"),
        ), cues=(" to ",), needs_actor=True),
    ActionRule(
        "asked-to", Where.ANY,
        compiled(rf"(?:{CLAUSE}{ASKER},? (?:has |had |have )?|\b){ASKED} {OWNERS} to {VP}",
            rf"{ASKER} (?:also )?(?:asked|enquired|queried) (?:if|whether) {OWNERS} (?:could|would|might) {VP}",
            rf"{RES_ASK}(?: that)? {OWNERS},?(?: [^,;]*,)? (?:to |should |will |would |be asked to |be invited to )"
            rf"{COMMIT_VP}",
            # "Members were invited to contact the Chair": members own nothing; the body asked ("Members are invited
            # to …", in the present, is the agenda's framing of the item: no one is asked anything yet)
            rf"{CLAUSE}{GENERIC_GROUP} (?:were|was|would be|will be) (?:also )?{alt(vocab.ASK_VERBS)} "
            rf"to {VP}"),
        (Who.OWNER,), (Who.ASKER, Who.SUBJECT, Who.HOME), (
            Example("corpus/022", "has also asked the Scrutiny Manager to arrange a meeting", "arrange a meeting",
                    "Scrutiny Manager"),
            Example("corpus/028", "The Chairman asked Cllr Lord to express the Committee’s thanks",
                    "express the Committee’s thanks", "Lord"),
            Example("corpus/037", "The Chair asked if Luke could provide an update", "provide an update for the Panel",
                    "Luke"),
            Example("seeds/004", "invites the Cabinet Member to report back at a later stage",
                    "report back at a later stage", "Cabinet Member"),
            Example("corpus/022", "Members were invited to contact the Chair and Vice Chair", "contact the Chair"),
        ), cues=(*vocab.ASK_VERBS, *vocab.RESOLUTION_ASK_VERBS, "enquired", "queried")),
    ActionRule(
        "given-errand", Where.ANY,
        # (an aside, "in consultation with …", may stand before or after "be authorised")
        compiled(rf"{THAT}{OWNERS}{_ASIDE}? be (?:also )?{ERRAND}{_ASIDE}? to {VP}",
            rf"{CLAUSE}{OWNERS} (?:was|were|has been|have been|would be|will be) (?:also )?{alt(vocab.ASKED_PARTICIPLES)} to "
            rf"(?!{FORMALITY_VERB}){VP}",
            rf"\b(?:[Aa]uthority|[Rr]esponsibility|[Pp]owers?|[Dd]elegated authority)s? (?:be|is|are|was|were|has been|had been) "
            rf"(?:also )?(?:delegated|granted|given) to {OWNERS}(?:{_DELEGATE_ASIDE})? {_TO_DO}",
            rf"\b(?:[Dd]elegates?|[Gg]ives?|[Gg]ave|[Gg]rants?|[Gg]ranted) (?:delegated )?(?:authority |powers? )?to {OWNERS}"
            rf"(?:{_DELEGATE_ASIDE})? {_TO_DO}",
            # "To authorise the Managing Director, following consultation with …, to agree …", "Authorises X to …"
            rf"\b(?:[Aa]uthori[sz]es?|[Aa]uthori[sz]ed|[Ee]mpowers?) {OWNERS}(?:{_DELEGATE_ASIDE}|{_CONSULTING}|{_WHO_CLAUSE})? "
            rf"{_TO_DO}"),
        (Who.OWNER,), (Who.HOME,), (
            Example("corpus/029", "That the Director of Children’s Services be commissioned to lead the implementation",
                    "lead the implementation", "Director of Children’s Services"),
            Example("corpus/035", "That authority be delegated to the Director of Children’s Services",
                    "finalise the Children", "Director of Children’s Services"),
        ), cues=(*vocab.ERRAND_PARTICIPLES, "delegat", "authority", "power", "authoris", "authoriz", "empower"),
        needs_actor=True),
    ActionRule(
        "done-by-agent", Where.ANY,
        compiled(rf"{CLAUSE}{THING} {MODAL} (?:also )?be {DELIVERED}\b[^;⟨]*? by {AGENT}[^;]*"),
        (Who.AGENT,), (), (
            Example("corpus/082", "Details on this could be provided by Ian Heggs", "provide details on the reduction in school funding",
                    "Ian Heggs"),
            Example("corpus/010", "Minor changes would be made to the text of the plan by the corporate director",
                    "make minor changes to the text of the plan", "corporate director"),
        ), cues=(" by ",), needs_actor=True),
    ActionRule(
        "it-was-agreed-to", Where.NARRATIVE,
        compiled(r"\b[Ii]t (?:was|had been|has been|is|were) (?:also |further |then )?(?:agreed|AGREED|requested|REQUESTED) "
            r"(?:to (?P<vp>[^;⟨]*(?:⟨\d+⟩[^;⟨]*)*)|that (?P<thing>[^;]*\b(?:would|will|should|be)\b[^;]*))"),
        (Who.AUTHOR_IF_INFO,), (Who.HOME,), (
            Example("seeds/000", "It was agreed to share information on the app", "share information on the app",
                    "Executive Director of Children, Young People and Learning"),
            Example("corpus/079", "it was agreed to seek two nominations", "seek two nominations"),
        ), cues=("agreed", "requested")),
    ActionRule(
        "said-would-be-done", Where.NARRATIVE,
        compiled(rf"{CLAUSE}{ASKER},? {SAID} (?:that )?(?=(?:the|a|an|this|these|further|more|any) ){THING} "
            rf"(?:would|will|could|should) (?:now |also )?be (?:{DELIVERED}\b|{_STANDING_ITEM})[^;]*",
            rf"{CLAUSE}{ASKER},? {SAID} (?:that )?there (?:was|were|is|are|would be) (?P<thing>[^;⟨]*?) which "
            rf"(?:could|would|will|can) (?:also )?be {DELIVERED}\b[^;]*",
            # "The Chair congratulated … and stated that an agenda item … would now be a standard item"
            rf"\band {SAID} (?:that )?(?=(?:the|a|an|this|these|further|more|any) ){THING} "
            rf"(?:would|will|could|should) (?:now |also )?be (?:{DELIVERED}\b|{_STANDING_ITEM})[^;]*"),
        (Who.ASKER, Who.SUBJECT), (), (
            Example("corpus/028", "the Director of Law and Assurance said the wording would be adjusted",
                    "adjust the wording on the number of representatives", "Director of Law and Assurance"),
            Example("corpus/033", "The Chairman advised that an email would be sent out for nominations",
                    "send out an email for nominations", "Chairman"),
            Example("corpus/067", "there was information on the pathway of children", "information on the pathway",
                    "Specialist Commissioner"),
            Example("corpus/025", "stated that an agenda item on Items Raised by", "would now be a standard item", "Chair"),
        ), cues=(" be ",)),
    ActionRule(
        "on-the-agenda", Where.ANY,
        compiled(rf"{CLAUSE}(?P<thing>(?:[Tt]he|[Tt]his|[Tt]hat|[Tt]hese|[Aa]n?)\b[^⟨;]*?) (?:would|will|should|is to|are to) "
            rf"(?:now |also )?be {DELIVERED}\b[^;]*?{AGENDA}[^;]*",
            rf"{CLAUSE}(?:[Tt]he |[Ii]ts |[Tt]his |[Tt]heir )?[^;⟨]*?{AGENDA} (?:would|will|should) (?:also )?"
            rf"(?P<vp>include\b[^;]*)"),
        (Who.HOME,), (), (
            Example("corpus/071", "this issue would be covered in more detail in the Restorative Panels Pilot item",
                    "cover this issue in more detail", "Scrutiny Committee"),
            Example("corpus/064", "That the 23 January 2020 agenda would include consideration of the issue",
                    "include consideration of the issue of child exploitation", "Panel"),
        ), cues=vocab.AGENDA_WORDS),
    ActionRule(
        "will-be-done", Where.ANY,
        compiled(rf"{CLAUSE}(?P<thing>(?:[Aa]n?|[Tt]he|[Ff]urther|[Mm]ore|[Aa]ny|[Aa]ll|[Tt]his|[Tt]hese)\b[^⟨;]*?) "
            rf"(?:would|will|should|is to|are to) (?:now |also )?be (?:{DELIVERED}\b|{_STANDING_ITEM})[^;]*"),
        (Who.AUTHOR_IF_INFO,), (Who.HOME_IF_RESOLVED,), (
            Example("corpus/010", "An accessible version of the plan would be produced", "produce an accessible version of the plan"),
            Example("corpus/034", "a report will be presented to Cabinet in the Spring 2023",
                    "present a report to Cabinet"),
            Example("corpus/044", "this would be a standing item on future Safeguarding Sub Committee agendas",
                    "this would be a standing item", "Director of Community and Children’s Services"),
        ), cues=(" be ",)),
    ActionRule(
        "body-undertakes", Where.RESOLUTION,
        compiled(r"^(?:That )?(?:the (?:Committee|Board|Panel|Cabinet) )?(?P<vp>(?:[Ww]rites?|[Ss]ets up|[Ee]stablishes|"
            r"[Aa]rranges|[Ss]eeks|[Rr]efers)\b[^;]*)",
            rf"(?:{OWNERS} )?\b(?:[Aa]grees?|[Rr]esolves?|[Dd]ecides?|[Cc]ommits?|[Uu]ndertakes?) to (?!the\b|a\b|an\b){VP}",
            rf"(?:{OWNERS} )?\b[Aa]grees? to the requests? (?:from|of) {ASKER} to {VP}",
            rf"^To (?!{alt(vocab.DECIDED_AT_ONCE)})(?P<vp>[a-z]+\b.*)"),
        (Who.OWNER, Who.HOME), (Who.ASKER,), (
            Example("seeds/000", "Writes to the Chairman of the Corporate Parenting Panel", "Writes to the Chairman"),
            Example("seeds/004", "agrees to set up a future task group", "set up a future task group"),
            Example("corpus/006", "To re-constitute the Children and Young People’s Trust Board",
                    "re-constitute the Children and Young People’s Trust Board", "Board"),
        ), cues=("write", "sets up", "establish", "arrange", "seek", "refer", "agree", "resolve", "decide", "commit", "undertake", "to ")),
    ActionRule(
        "suggested-that", Where.ANY,
        compiled(rf"(?:{ASKER}|{group('pronoun', PRONOUN)}|[Mm]embers|[Ii]t was) (?:also )?{SUGGESTED} that "
            rf"{THING}(?:{SUBJUNCTIVE_BE}| would be| should be| could be) {DELIVERED}\b[^;]*",
            rf"\b(?:suggests?|suggesting|recommending|proposes?) that (?P<thing>{OWNERS} {COMMIT_PHRASE})"),
        (Who.OWNER, Who.ASKER, Who.PREVIOUS, Who.AUTHOR_IF_INFO), (Who.HOME_IF_RESOLVED,), (
            Example("corpus/003", "She suggested that a report be brought back to the Committee in six months",
                    "bring back a report to the Committee in six months", "Diane Taylor"),
            Example("corpus/037", "It was suggested that a letter of thanks from the CICC be e-mailed",
                    "e-mail a letter of thanks from the CICC"),
            Example("seeds/000", "to suggest that the Panel provides their view", "Panel provides their view",
                    "Corporate Parenting Panel"),
        ), cues=("suggest", "propos", "recommend", "request", "ask", "require", "agreed", "resolved", "direct", "instruct")),
    ActionRule(
        "asked-to-be-informed", Where.ANY,
        compiled(rf"(?:{ASKER}(?: [Mm]embers)?|{GENERIC_GROUP}|^|\band)(?: [a-z]+)?,? (?:expressed a wish|asks|asked|requested|"
            rf"requests|hoped|said they hoped|wished|would like|were keen|was keen|wanted) to {_WISHED}",
            # "Committee members would receive an email update on this": someone will send it
            rf"{CLAUSE}(?:{ASKER}(?: [Mm]embers)?|{GENERIC_GROUP}) (?:would|will) (?P<vp>receive\b[^;]*)"),
        (Who.AUTHOR,), (Who.HOME,), (
            Example("seeds/001", "The Committee Members said they hoped to hear more updates",
                    "hear more updates on social work practice", "Executive Director"),
            Example("corpus/063", "Committee members would receive an email update", "receive an email update on the number of children"),
        ), cues=(" to be ", "receive", " to hear", " to see", " to have sight")),
    ActionRule(
        "requests-that", Where.RESOLUTION,
        compiled(rf"(?<!\bthe )(?<!\ba )(?<!\bthis )(?<!\bany )(?<!\bits )\b(?:[Rr]equests?|[Aa]sks?|REQUESTS?)(?: for| that)? "
            rf"(?!{MARK}|from\b|(?:had|have|has|were|was|are|is|would|will|made|received|to what|whether|if|why|how|what|"
            rf"when|about)\b)(?P<vp>[^;]*)"),
        (Who.AUTHOR,), (Who.HOME,), (
            Example("seeds/000", "Requests that updates on staff engagement work are included", "staff engagement work",
                    "Executive Director"),
            Example("seeds/004", "asks for future performance reports to provide further narrative",
                    "future performance reports to provide further narrative"),
            Example("corpus/073", "to request that the decision be deferred", "the decision be deferred"),
        ), cues=("request", "ask")),
    ActionRule(
        "information-requested", Where.ANY,
        compiled(rf"^(?:[-–•·]\s*)?(?P<thing>[A-Z][^⟨;]*?{DELIVERABLE}[^⟨;]*?) (?:was|were) (?:requested|asked for)\b(?P<rest>[^;]*)",
            rf"\b(?:required|requires|requested|asked)(?: that)? {THING}{SUBJUNCTIVE_BE} (?:also )?{DELIVERED}\b[^;]*",
            r"\b(?:[Tt]o receive|receives?|be provided with|is provided with|be given|is given|be sent|is sent)\s+"
            rf"(?P<vp>(?:a |an )?(?:{alt(vocab.REPORT_QUALIFIERS)} )+"
            rf"(?:{'|'.join(vocab.RECEIVED_DELIVERABLES)})s?\b.*)"),
        (Who.AUTHOR,), (Who.SUBJECT, Who.HOME), (
            Example("seeds/004", "Further narrative was requested on the data", "Further narrative on the data"),
            Example("corpus/045", "required that an action plan be submitted by 17 October 2019",
                    "submit an action plan"),
            Example("corpus/006", "To receive a further report in respect of the necessary transitional arrangements",
                    "a further report in respect of the necessary transitional arrangements"),
        ), cues=("request", "ask", "required", "receive", "provided with", "given", "sent")),
    ActionRule(
        "resolution-subject-acts", Where.RESOLUTION,
        compiled(rf"^(?:That )?{OWNERS} {_ACTS}",
            rf"{THAT}(?:the )?(?:[Oo]fficers|[Ss]taff) (?:be asked to |to |should |will )?{VP}"),
        (Who.OWNER,), (Who.HOME,), (
            Example("corpus/009", "the Cabinet Member writes to the schools", "writes to the schools",
                    "Cabinet Member"),
            Example("corpus/018", "That officers report back to the July corporate parenting committee",
                    "report back to the July corporate parenting committee"),
        )),
    ActionRule(
        "resolution-subjunctive", Where.RESOLUTION,
        compiled(rf"{THAT}{_NOT_FORMALITY}{THING}{SUBJUNCTIVE_BE} (?:also )?{DELIVERED}\b(?: (?:by|to) {AGENT})?[^;]*"),
        (Who.AGENT, Who.AUTHOR_IF_INFO), (Who.HOME,), (
            Example("seeds/001", "be considered by the Committee’s Business Planning Group", "areas of focus for future",
                    "Business Planning Group"),
            Example("corpus/002", "That an update report be brought to this Board later in the year",
                    "bring an update report to this Board"),
        ), cues=(" be ",)),
)

