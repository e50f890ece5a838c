"""The relation rules: one table entry per construction that states a fact between actors, or between an actor and
the agenda item ("Cllr Russell, Cabinet Member for …", "Report of the Director of …", "appointed by the DfE").

Each entry names the rule (the `extractor` value in the graph), the relationship type, its triggers (patterns over
the sentence template; group `a` marks the start actors, group `b` the end actors, or there is no `b` when the end is
the item), the labels each end may have, and real sentences from two or more councils (tests/test_rules.py runs
them). extract/relations.py applies the table. Facts that are not read from a sentence's words are elsewhere: a
post's body named inside its title (ROLE_IN, extract/mentions.py), inspections (INSPECTED, relations.py), the
document's own council and body (pipeline.py), attendance lists (attendance.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from councilgraph.extract import vocab
from councilgraph.extract.grammar import ACTORS, MARK, alt, compiled, group
from councilgraph.graph.model import Label, RelType

P, R, B, ORG, C = Label.PERSON, Label.ROLE, Label.BODY, Label.ORGANISATION, Label.COUNCIL


@dataclass(frozen=True)
class RelationExample:
    """A real sentence a rule must read: the document ("seeds/001", "corpus/014"), words of the sentence, and
    words of the fact's start and end (end None: the agenda item)."""

    doc: str
    sentence: str
    start: str
    end: str | None = None


@dataclass(frozen=True)
class RelationRule:
    name: str
    type: RelType
    triggers: tuple[re.Pattern[str], ...]
    start: tuple[Label, ...]
    end: tuple[Label, ...]  # () = the agenda item the sentence belongs to
    examples: tuple[RelationExample, ...]
    cues: tuple[str, ...] = ()  # words (lower case) one of which a sentence must contain for the triggers to be tried
    either_order: bool = False  # apposition reads both ways: "Cllr X, Cabinet Member" and "the Director, Ms Y"
    people_first: bool = False  # of several starts, the people (else the posts) did it


A, Bx = group("a", ACTORS), group("b", ACTORS)
_ONE_A, _ONE_B = group("a", MARK), group("b", MARK)
_ITEM_WORDS, _INTRO_VERBS = alt(vocab.ITEM_WORDS), alt(vocab.INTRO_VERBS)
_AUTHOR_NOUNS = "(?:" + "|".join(sorted({re.escape(w) for n in vocab.AUTHORED_NOUNS for w in (n, n.capitalize(), n.title())},
                                           key=len, reverse=True)) + ")s?"  # (a plural too: no word boundary before "s")
_NOT_AFTER = r"(?<!\bby )(?<!\bto )(?<!\bfrom )(?<!\bof )(?<!\bwith )"

RELATION_RULES: tuple[RelationRule, ...] = (
    RelationRule(
        "role-apposition", RelType.HOLDS,
        # overlapping (a lookahead), and a comma gives way to a dash or bracket that follows: in "Su Smart, the
        # Strategic Lead – Hannah Baker" the Lead is Hannah Baker
        compiled(rf"{_ONE_A}(?=(?:,? (?:the |our |as )?|\s\((?:the )?| [–—-] (?:the )?|, \(){_ONE_B}(?=[,)\s.;:]|$)"
            rf"(?! [–—-] (?:the )?{MARK})(?! \({MARK}))",
            rf"{_ONE_A} {MARK} [–—-] (?:the )?{_ONE_B}(?=[,)\s.;:]|$)",  # "the Director … NHS Devon - Su Smart"
            # "Laura Colman and Claire Platt (Co-opted Members)": every person listed holds the post in brackets
            rf"(?P<a>(?:{MARK}, )*{MARK},? and {MARK}) \((?:non-voting |voting )?{_ONE_B}\)",
            # "Matthew Coffey, Director, Learning and Skills & Regional Director, South East": both posts
            rf"{_ONE_A},? (?:the )?{MARK} (?:&|and) (?:the )?{_ONE_B}(?=[,)\s.;:]|$)"),
        (P,), (R,), (
            RelationExample("seeds/000", "The item was introduced by Cllr Russell, Cabinet Member", "Russell",
                            "Cabinet Member for Children and Young People"),
            RelationExample("corpus/014", "Lorraine Langham, Chief Operating Officer", "Lorraine Langham",
                            "Chief Operating Officer"),
            RelationExample("corpus/053", "the Director of Children’s Services - Nancy Meehan", "Nancy Meehan",
                            "Director of Children’s Services"),
            RelationExample("corpus/051", "Mike Cook and Jo Morell (non-voting Co-opted Members)", "Jo Morell",
                            "Co-opted Member"),
        ), either_order=True),
    RelationRule(
        "contact-line", RelType.HOLDS,
        # a ModernGov page's "Contact:" line: the names (a telephone number each, perhaps), then their post
        compiled(rf"^Contact:\s*(?P<a>{MARK}(?: \([^)]*\))?(?:\s*/\s*{MARK}(?: \([^)]*\))?)*),?\s+{_ONE_B}(?=\s|$)"),
        (P,), (R,), (
            RelationExample("corpus/085", "Contact: Joe Suffield  Democratic Services Officer", "Joe Suffield",
                            "Democratic Services Officer"),
            RelationExample("corpus/059", "Contact: Alyson Grice (01905 844962)/Samantha Morris", "Samantha Morris",
                            "Overview & Scrutiny Officer"),
        ), cues=("contact",)),
    RelationRule(
        "holds-post", RelType.HOLDS,
        compiled(rf"{_ONE_A} (?:was|is|be) (?:duly |unanimously )?(?:elected|appointed|confirmed) as (?:the )?{_ONE_B}",
            rf"{_ONE_A} declared (?:an? )?(?:\w+ )?interests? as (?:the |a |an )?{_ONE_B}",
            rf"{_ONE_A},?(?: who [^⟨]*?,|,? who)? (?:is|was|remains|remained|became|has been) (?:the |our )?"
            rf"(?:{alt(vocab.TENURE_WORDS)} )?{_ONE_B}",
            rf"{_ONE_A},? the {alt(vocab.TENURE_WORDS)} {_ONE_B}",
            rf"{_ONE_A}[^⟨;]*? in (?:her|his|their) capacity as (?:a |an |the )?{_ONE_B}"),
        (P,), (R,), (
            RelationExample("corpus/056", "Cllr Linehan is duly elected as Chairman", "Linehan", "Chairman"),
            RelationExample("corpus/054", "declared a personal interest as the Chair of", "Mercer", "Chair of"),
            RelationExample("corpus/069", "was the Chair of the Improvement Board", "Rhodes-White",
                            "Chair of the Improvement Board"),
            RelationExample("corpus/062", "in her capacity as a Co-opted Member", "Mayes", "Co-opted Member"),
        ), cues=("elected", "appointed", "confirmed", "declared", " is ", " was ", "remain", "became", "has been", "previous", "former", "new ", "current", "outgoing", "incoming", "interim", "capacity")),
    RelationRule(
        "introduced-by", RelType.INTRODUCED,
        compiled(rf"\b(?:introduced|presented|outlined|led) by {A}",
            rf"\b(?:invited|asked) {A},?(?: [^,;]*,| \([^)]*\))? to (?:introduce|present|outline|take (?:the )?[Mm]embers through)",
            rf"\b(?:received|considered|heard) (?:a |the )?(?:presentation|update|briefing) from {A}",
            rf"\bon behalf of (?:the )?{MARK} by {A}"),
        (P, R), (), (
            RelationExample("seeds/000", "The item was introduced by Cllr Russell", "Russell"),
            RelationExample("corpus/023", "The Chair invited Sarah Forsyth, Scrutiny Officer, to introduce the report",
                            "Sarah Forsyth"),
            RelationExample("corpus/040", "The Chair invited Alison Jones, (Scrutiny Officer) to take Members through",
                            "Alison Jones"),
            RelationExample("seeds/002", "on behalf of the Cabinet Member for Children and Young People by the Assistant",
                            "Assistant Director for Children's Wellbeing and Partnership"),
        ), people_first=True, cues=("introduc", "present", "outlin", "led by", "invited", "asked", "update", "briefing", "on behalf")),
    RelationRule(
        "introduced-subject", RelType.INTRODUCED,
        compiled(rf"(?:^|(?<=[,;:] )|(?<=\band )|(?<=\b[Tt]he )){_NOT_AFTER}{A},?(?:(?: [^,;⟨]*?)?,)?(?: also| briefly| then)? "
            rf"(?:{_INTRO_VERBS}(?: {alt(vocab.INTRO_DETERMINERS)})?(?: \w+)? {_ITEM_WORDS}"
            rf"|(?:attended|was in attendance) to (?:present|introduce|provide)|updated (?:the )?(?:Committee|Board|Panel|Members))"),
        (P, R), (), (
            RelationExample("seeds/000", "Mr Clark, Children First Transformation Director, introduced the report",
                            "Clark"),
            RelationExample("corpus/045", "Viki Elliott-King presented the report", "Viki Elliott-King"),
            RelationExample("corpus/030", "Councillor Simmons, Chair of Corporate Parenting Panel was in attendance to present",
                            "Simmons"),
        ), people_first=True, cues=("introduc", "present", "outlin", "gave", "provided", "delivered", "made", "took members", "reported on", "attend", "updated")),
    RelationRule(
        "report-by", RelType.AUTHORED,
        compiled(rf"\b{_AUTHOR_NOUNS} (?:of|by|from) {A}",
            rf"^(?:Report )?[Aa]uthor:? {A}",
            rf"{_NOT_AFTER}{A} (?:has |had )?submitted (?:a |the )?report",
            rf"\bon behalf of {A}",
            rf"\bon behalf of (?:the )?{MARK} by {A}"),
        (P, R, ORG, B), (), (
            RelationExample("seeds/000", "Report by Executive Director of Children, Young People and Learning",
                            "Executive Director of Children, Young People and Learning"),
            RelationExample("corpus/049", "Briefing Note of the Deputy Chief Executive (People)", "Deputy Chief Executive"),
            RelationExample("corpus/026", "The Director: Governance and Partnerships submitted a report",
                            "Director: Governance and Partnerships"),
        ), cues=("report", "presentation", "briefing", "paper", "response", "note", "author", "on behalf")),
    RelationRule(
        "reports-to", RelType.REPORTS_TO,
        compiled(rf"{_ONE_A},?(?: who)? (?:would be |will be |is |was |are |were |had been |has been )?(?:writing reports?|reporting|"
            rf"reports?|reported|accountable|answerable|submitting reports?|submits reports?|would report|will report|"
            rf"would feed back|will feed back|feeds back)(?! back)(?: \w+){{0,2}}? to (?:the )?{_ONE_B}",
            rf"(?:the |this |all the )?(?:discussions and )?work (?:undertaken|done) (?:at|by) (?:this |the )?{_ONE_A} would be "
            rf"(?:fed back|reported) to (?:the )?{_ONE_B}"),
        (R, B, ORG), (R, B, ORG, C), (
            RelationExample("seeds/001", "would be writing reports to the Department for Education",
                            "West Sussex Children’s Commissioner", "Department for Education"),
            RelationExample("corpus/033", "undertaken at this Working Group would be fed back to the Committee",
                            "Working Group", "Committee"),
        ), cues=("report", "accountable", "answerable", "feed", "fed ")),
    RelationRule(
        "appointed-by", RelType.APPOINTED,
        compiled(rf"\bappointment of (?:a |an |the )?{_ONE_B} by (?:the )?{_ONE_A}",
            rf"{_ONE_A}[ -]appointed (?:a |an |the )?{_ONE_B}",
            rf"{_ONE_B},? (?:was |were |has been |had been |is |being )?appointed (?:as \w+ )?by (?:the )?{_ONE_A}",
            rf"{_ONE_A} (?:has |had |have )?appointed (?:a |an |the )?{_ONE_B}"),
        (ORG, B, R, C), (P, R), (
            RelationExample("seeds/003", "appointment of Children’s Commissioner by the Department for Education",
                            "Department for Education", "Children’s Commissioner"),
            RelationExample("corpus/015", "Intervention Advisor appointed by the Department for Education",
                            "Department for Education", "Intervention Advisor"),
        ), cues=("appoint",)),
    RelationRule(
        "part-of", RelType.PART_OF,
        compiled(rf"{_ONE_A},? (?:which is |is |was |are )?(?:run by|run|part of|a part of|hosted by|a sub-?group of|"
            rf"a sub-?committee of|reporting into) (?:the )?{_ONE_B}",
            rf"{_ONE_A} (?:of|at) (?:the )?{_ONE_B}",
            rf"{_ONE_A},? {_ONE_B}$"),
        (B, ORG), (ORG, C, B), (
            RelationExample("seeds/001", "Children and Adolescent Mental Health Services", "Children and Adolescent Mental Health",
                            "National Health Service"),
            RelationExample("corpus/033", "Working Group of the Committee would enable this scrutiny", "Working Group",
                            "Committee"),
        )),
    RelationRule(
        "post-at", RelType.ROLE_IN,
        compiled(rf"{_ONE_A} {_ONE_B}(?=\)|,| [–—-] |$)",
            rf"{_ONE_A},? {_ONE_B}$"),
        (R,), (ORG, B, C), (
            RelationExample("corpus/015", "Shirley Bailey (Senior HMI Ofsted)", "Senior HMI", "Ofsted"),
            RelationExample("corpus/053", "The Director of Women and Children’s Improvement NHS Devon",
                            "Director of Women and Children’s Improvement", "NHS Devon"),
            RelationExample("corpus/014", "Stephen Meek, Director General, Education Standards Directorate, Department",
                            "Director General", "Department for Education"),
        )),
)

#: Words of the motion a person moved or seconded (the decisions it applies to are found by the pipeline).
# "moved by X", "Cllr Cornell was proposed for the position of Chairman for one year by Cllr Smith and seconded by Cllr
# Mercer" (West Sussex); "Councillor Mrs Holl-Allen proposed Cllr Gough, and this was seconded by Cllr Davis"
# (Solihull); "Resolved, proposed Cllr Klimowicz, seconded Cllr Jolly, that …". The pipeline keeps only people.
def _cased(words: tuple[str, ...]) -> str:
    """The words as written in minutes: lower case, capitalised, or all capitals ("proposed", "Proposed", "PROPOSED")."""
    return alt(w for word in words for w in (word, word.capitalize(), word.upper()))


_PROPOSED, _SECONDED = _cased(vocab.PROPOSING_VERBS), _cased(vocab.SECONDING_VERBS)
MOTION_RULES: tuple[tuple[str, RelType, re.Pattern[str]], ...] = (
    # (words between only after a passive: "the proposed changes were welcomed by X" moves nothing)
    ("moved-seconded", RelType.MOVED, re.compile(rf"\b(?:{alt(vocab.PASSIVE_AUXILIARIES)} {_PROPOSED}(?:(?!{_SECONDED})[^.;]){{0,80}}?|"
                                                 rf"{_PROPOSED}) by {_ONE_A}")),
    ("moved-seconded", RelType.MOVED, re.compile(rf"{_ONE_A} {alt(vocab.PROPOSING_VERBS)} {MARK}")),
    ("moved-seconded", RelType.MOVED, re.compile(rf"(?:^|, ){_PROPOSED} {_ONE_A},")),
    ("moved-seconded", RelType.SECONDED, re.compile(rf"{_SECONDED}(?:(?!{_PROPOSED})[^.;]){{0,80}}? by {_ONE_A}")),
    ("moved-seconded", RelType.SECONDED, re.compile(rf"(?:^|, ){_SECONDED} {_ONE_A},")),
)
