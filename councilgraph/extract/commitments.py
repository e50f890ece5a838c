"""Apply the action rules (extract/action_rules.py) to a sentence, and say who owns and who asked.

This is the one place that turns rule matches into actions with owners and requesters. An owner or requester is a
node id, or AUTHOR / HOME, which the pipeline turns into the item's report author or the minuting body.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from ahocorasick_rs import AhoCorasick

from councilgraph.extract import vocab
from councilgraph.extract.action_rules import ACTION_RULES, ActionRule, Where, Who
from councilgraph.extract.cues import QUERY_PIECES
from councilgraph.extract.gates import PREFILTERS, admits, demands, narrowed, run
from councilgraph.extract.grammar import ACTORS as ACTOR_MARKS
from councilgraph.extract.grammar import DELIVERABLE_WORDS, DELIVERED, DUE, MODAL, SAID, alt
from councilgraph.extract.prefilter import Guarded, Memo, trie
from councilgraph.extract.quick import quick
from councilgraph.extract.sentence import Sentence
from councilgraph.graph.model import ACTORS, Label

AUTHOR, HOME = "@author", "@home"
# (module names: a member looked up on its enum class is an attribute search, and these are asked at every sentence)
_PERSON, _ROLE = Label.PERSON, Label.ROLE
_MARK = re.compile(r"⟨(\d+)⟩(?![’']s )")  # a possessor ("⟨1⟩’s ⟨2⟩") is not who acts
# (quick: patterns tried at every position run behind a look-ahead for their first characters, extract/quick.py)
_AND_THAT = quick(re.compile(r",? and that |;\s*and\b "))
_PROCEDURAL = Guarded(re.compile(alt(vocab.PROCEDURAL), re.I))
_CONSENTS = re.compile(r"\b(?:agreed to|undertook to|offered to)\b")  # … yet a procedural sentence may commit
#: Does an action ask for something to be delivered: DELIVERABLE as a yes or no (its words as a trie: one branch tried
#: at each word's start, where the alternation tries every word, each letter in either case).
_INFO = re.compile(rf"\b(?:{trie(DELIVERABLE_WORDS)})\b", re.I)
_NEXT_POINT = Guarded(quick(re.compile(rf",?\s+and\s+(?:also\s+)?{alt(vocab.NEXT_POINT_VERBS)}.*$", re.S)))


@dataclass(slots=True)
class ActionFact:
    """One action read from a sentence: its words, owners, requesters, due and the rule that read it."""

    text: str
    owners: list[str] = field(default_factory=list)
    requesters: list[str] = field(default_factory=list)
    due: str | None = None
    extractor: str = ""
    takes_list: str | None = None  # "each": the list after its colon gives one action an item; "append": its words

@dataclass(slots=True)  # (slots: one is made for every sentence of the minutes)
class Context:
    """What a rule may need beyond its sentence."""

    in_resolution: bool = False
    previous_person: str | None = None
    home_body: str | None = None  # the minuting body's node: asking others, it does not ask itself
    previous_group: str | None = None  # the body or organisation the last sentence spoke of
    topic: str | None = None  # what a recent sentence of the item raised (see `topic_of`): "this" in "an update on this"


def due_of(text: str) -> str | None:
    """When the action is due, as the minutes say it ("7 January Committee meeting", "within six months")."""
    m = _DUE.search(text) if _DUE_WORDS.find_matches_as_strings(text) else None
    return next((g for g in (m["when"], m["later"], m["period"], m["meeting"]) if g), None) if m else None


#: A word every match of DUE holds: a month, a season, a period ("week" in "weeks") or one of every phrase of
#: DUE_MEETINGS and "the end of". DUE is tried at every position of a text, and most actions name no time: a text
#: without any of these words is not searched (the same result, only faster).
_DUE_ANCHORS = (*vocab.MONTHS, *vocab.SEASONS, *vocab.DUE_PERIODS, "meeting", "later", "future", "end of", "year",
                "report", "due course")
assert all(any(w in phrase for w in _DUE_ANCHORS) for phrase in vocab.DUE_MEETINGS), "a DUE_MEETINGS phrase unanchored"
_DUE_WORDS = AhoCorasick(_DUE_ANCHORS)  # (one pass for them all: quicker than a pattern of them, a trie)
_DUE = quick(DUE)


def _tidy(text: str) -> str:
    """One action's words: spaces tidied, a following resolution verb ("… and welcomes …") cut off."""
    text = _NEXT_POINT.sub("", text) if "and" in text else text  # (every match holds "and": most actions lack it)
    return " ".join(text.split()).rstrip(".;:,-– ").strip()  # (split: at the whitespace \s matches, as re.sub did)


def _actors(s: Sentence, fragment: str | None, drop: str | None = None) -> list[str]:
    """The actor nodes a template fragment marks, people first (a person in apposition to a post is who acts)."""
    if not fragment:
        return []
    ms = [s.at(i) for i in _MARK.findall(fragment)]
    ms = [m for m in ms if m.node and m.label in ACTORS and m.node != drop]
    people = [m.node for m in ms if m.label is _PERSON]
    return list(dict.fromkeys(people + [m.node for m in ms if m.label is not _PERSON]))  # type: ignore[misc]


def _pick(rule: ActionRule, whos: tuple[Who, ...], m: re.Match[str], s: Sentence, ctx: Context, text: str) -> list[str]:
    groups = m.re.groupindex
    for who in whos:
        if who in (Who.OWNER, Who.ASKER, Who.AGENT) and who.value in groups:
            # A body asking someone to act does not ask itself: "the Committee" is then not an owner.
            found = _actors(s, m[who.value], ctx.home_body if whos is rule.owner and Who.HOME in rule.requester else None)
            if found:
                return found
        elif who is Who.HOME or (who is Who.HOME_IF_RESOLVED and ctx.in_resolution):
            return [HOME]
        elif who is Who.AUTHOR or (who is Who.AUTHOR_IF_INFO and _INFO.search(_what(m, s, text))):
            return [AUTHOR]
        elif who is Who.SUBJECT and (first := _OPENS_WITH.match(s.template)):
            return _actors(s, first[0])
        elif who is Who.PREVIOUS and ("pronoun" not in groups or m["pronoun"]):
            they = re.match(r"(?i)they\b", m[0])  # "they" is not the person last named, but a body
            found = ctx.previous_group if they else (_speaker(s, m) or ctx.previous_person)
            if found:
                return [found]
    return []


# ("Councillor Liz Grey indicated her support for this proposal and that she would raise it …": words of its own may
# come between the verb and the pronoun's clause, but no one else named)
_SPEAKER = re.compile(rf"(⟨\d+⟩),? (?:also |then |further )?{SAID}\b[^⟨;]{{0,80}}?(?:\bthat )?$")


def _speaker(s: Sentence, m: re.Match[str]) -> str | None:
    """Who says the pronoun's clause, in its own sentence: "Councillor Carter asked if … Councillor Jacobs said that
    he would talk to …" — he is Jacobs, not the person the sentence before named."""
    if "pronoun" not in m.re.groupindex or m["pronoun"] is None:
        return None
    said = _SPEAKER.search(s.template, 0, m.start("pronoun"))
    # (a person or a post: "The Committee agreed that he would …" does not make the Committee "he")
    return next(iter(_actors(s, said[1])), None) if said and s.is_(said[1][1:-1], Label.PERSON, Label.ROLE) else None


def _opens_with(words: int) -> re.Pattern[str]:
    """The actor a sentence opens with, after at most this many words: its subject."""
    return re.compile(rf"^(?:\W*\w+\W+){{0,{words}}}?⟨(\d+)⟩")


_OPENS_WITH = _opens_with(2)
_OPENS_WITH_POST = _opens_with(3)  # (a post's own words before it: "The Watford 2020 ⟨…⟩")


def subject_post(s: Sentence) -> str | None:
    """The post a sentence opens with, named without its holder ("The Watford 2020 Programme Manager explained …")."""
    if not any(m.label is _ROLE and m.node for m in s.mentions):
        return None  # (no post to open with: the pattern is not tried)
    first = _OPENS_WITH_POST.match(s.template)
    return s.at(first[1]).node if first and s.is_(first[1], _ROLE) else None


def _subject(m: re.Match[str], s: Sentence) -> str | None:
    """The words of what is to be delivered, where the trigger marks them ("a breakdown of …" would be circulated)."""
    return s.surface(m["thing"]) if "thing" in m.re.groupindex and m["thing"] else None


def _what(m: re.Match[str], s: Sentence, text: str) -> str:
    """What is to be delivered: the trigger's subject, or the whole action when that is only "this" or "it"."""
    subject = _subject(m, s)
    return text if not subject or subject.lower() in ("this", "it", "these", "that") else subject


def _text(m: re.Match[str], s: Sentence) -> str:
    """The action's words: the verb phrase, else the clause from its subject (`thing`, perhaps with `rest`)."""
    groups = m.re.groupindex
    if "vp" in groups and m["vp"] is not None:  # a clause ("requests that the decision be deferred") reads as one
        return s.surface(active(m["vp"]) if _NOUN_PHRASE.match(m["vp"]) else m["vp"])
    if "rest" in groups:
        return s.surface(m["thing"] + m["rest"])
    start = m.start("thing") if "thing" in groups and m["thing"] is not None else m.start()
    return s.surface(active(s.template[start:m.end()]))


_PASSIVE = re.compile(rf"^(?P<thing>.+?)(?<!\bto)(?<!\bnot),? (?:{MODAL} (?:also |now |then |continue to )?be|be) (?:also |now |then )?"
                      rf"(?:(?P<adv>[a-z]+ly) )?(?P<part>{DELIVERED})\b(?P<rest>.*)$", re.S)
_NOUN_PHRASE = re.compile(rf"(?:{alt(vocab.DETERMINERS)})\b", re.I)
_AGENT = re.compile(rf",? by {ACTOR_MARKS}")
_OBJECT = {"they": "them", "he": "him", "she": "her", "we": "us"}


def active(clause: str) -> str:
    """A commitment told in the passive, told as the verb phrase of what is to be done, as actions are written:
    "Details on this could be provided by ⟨1⟩" → "provide details on this" (the agent owns it; it is not what
    is done); "they will be submitted in a more timely manner" → "submit them in a more timely manner"."""
    # (every match holds " be ": the pattern's literal spaces stand either side of its "be"; most clauses lack it, and
    # the lazy subject is tried at each of a clause's characters)
    m = _PASSIVE.match(clause) if " be " in clause else None
    if not m:
        return clause
    thing = re.sub(r"^[Tt]hat ", "", m["thing"])
    thing = _OBJECT.get(thing.lower(), thing)
    if thing[:1].isupper() and thing[1:2].islower():  # "Details on this" opens the sentence: not a name
        thing = thing[0].lower() + thing[1:]
    adv = f"{m['adv']} " if m["adv"] else ""
    return f"{adv}{vocab.DELIVERY_VERBS[m['part']]} {thing}{_AGENT.sub('', m['rest'], count=1)}"


_TOPIC = Guarded(re.compile(rf"(?i:{alt(vocab.QUERY_NOUNS)})(?: (?:was|were|had been|has been|have been))?"
                            rf"(?: {alt(vocab.QUERY_VERBS)})? {alt(vocab.TOPIC_PREPOSITIONS)} (?P<topic>[^;]+)"))
#: Where the topic ends: a clause of its own ("… as there were two figures"), or someone answering ("… and ⟨3⟩ said").
_TOPIC_END = re.compile(rf"(?:,? {alt(vocab.TOPIC_ENDS)}|,? and {ACTOR_MARKS},? (?:{SAID}|{MODAL})\b|[.;:]).*$", re.S)
_THIS = re.compile(r"(?<=\b(?:on|of) )(?:this|it)(?=[.,;:]?$)")
_BARE = re.compile(r"^[a-z-]+(?: [a-z]+)? the [a-z]+$")  # "adjust the wording": the words of what?


#: Letters IGNORECASE matches with ASCII ones that do not lower to them ("ſ" with "s"): where the text has one, the
#: query nouns' pieces may be missing from its lower-case text, and _TOPIC is asked.
_ODD_LETTERS = ("\u017f", "\u0131", "\u0130", "\u212a")  # ſ ı İ K (Kelvin)


#: The procedural words in lower case: a text whose lower-case text holds none (and no letter IGNORECASE folds to an
#: ASCII one, see _ODD_LETTERS) is no match of _PROCEDURAL, whose every match is one of them in some case.
_PROCEDURAL_WORDS = AhoCorasick(sorted({w.lower() for w in vocab.PROCEDURAL}))
# (IGNORECASE matches an ASCII word only as one of its cases, which lower as the text does: a non-ASCII word may not)
assert all(w.isascii() for w in vocab.PROCEDURAL), "a procedural word that is not ASCII: _procedural must ask _PROCEDURAL"


def _procedural(s: Sentence) -> bool:
    """Is the sentence a procedural formality, and commits no one to anything? (Most sentences with a trigger match
    hold no procedural word: one pass over the lower-case text answers them, not the pattern.)"""
    if not _PROCEDURAL_WORDS.find_matches_as_indexes(s.low) and (
            s.text.isascii() or not any(map(s.text.__contains__, _ODD_LETTERS))):
        return False
    return bool(_PROCEDURAL.search(s.text) and not _CONSENTS.search(s.text))


def _holds_no_query(s: Sentence) -> bool:
    """Does the sentence hold no query noun, so that _TOPIC cannot match? (Every match holds one, whose piece the cue
    scan finds in the lower-case text: most sentences hold none.)"""
    return s.held.isdisjoint(QUERY_PIECES) and (
        s.text.isascii() or not any(map(s.text.__contains__, _ODD_LETTERS)))


def topic_of(s: Sentence) -> str | None:
    """What a sentence raises: "Clarification was sought on the number of children … as there were two
    figures" → "the number of children …"; None when it raises nothing."""
    if _holds_no_query(s):
        return None
    m = _TOPIC.search(s.template)
    topic = s.surface(_TOPIC_END.sub("", m["topic"])) if m else ""
    return topic if len(topic.split()) >= 2 else None


def _about(text: str, topic: str | None) -> str:
    """An action that answers a query says what it is about, from the query a recent sentence raised: "an update
    on this" is an update on the number of children …; "the wording would be adjusted" adjusts the wording on it."""
    if not topic:
        return text
    if _BARE.match(text):
        return f"{text} on {topic}"
    return _THIS.sub(topic, text, count=1)


def _applies(rule: ActionRule, ctx: Context) -> bool:
    return rule.where is Where.ANY or (rule.where is Where.RESOLUTION) == ctx.in_resolution


def find_actions(s: Sentence, ctx: Context) -> list[ActionFact]:
    """Every action the sentence records, one per commitment, in rule order."""
    held = s.held  # (found once a sentence, with it)
    actors = bool(s.mentions)
    key = (held, bool(ctx.in_resolution), actors, actors or "⟨" in s.text)
    tried = _PLANS[key]
    if not tried:
        return []  # (most sentences hold no rule's cue)
    template = s.template
    procedural: bool | None = None  # asked at the first match: most sentences tried match no trigger
    found: list[ActionFact] = []
    words: list[set[str]] = []  # each found action's content words, read once for `_read` and `dedupe`
    for rule, trigger, test in tried:
        if test is not None and not test(template):
            continue
        for m in trigger.finditer(template):
            if procedural is None:
                procedural = _procedural(s)
            if procedural:
                return []
            _read(rule, m, s, ctx, found, words)
    return dedupe(found, words) if found else found


def _read(rule: ActionRule, m: re.Match[str], s: Sentence, ctx: Context, found: list[ActionFact],
          content: list[set[str]]) -> None:
    """The actions one trigger match records, added to `found` (and their content words to `content`)."""
    words = _text(m, s)
    # (each pattern below is tried at every position, and holds a literal that most actions lack)
    for text in _AND_THAT.split(words) if "and" in words else (words,):  # "requests that X … and that Y …": two asks
        listed = _LIST_INTRO.search(text) if ":" in text else None
        text = _about(_tidy(text), ctx.topic)
        if len(cw := _content(text)) < 2 or _GRANT.match(text):
            continue
        owners = _pick(rule, rule.owner, m, s, ctx, text)
        requesters = [r for r in _pick(rule, rule.requester, m, s, ctx, text) if r not in owners]
        found.append(ActionFact(text, owners, requesters, due_of(text), rule.name))
        content.append(cw)
        if listed:  # "… the following be added:" / "approve appointments on the following basis:-"
            found[-1].takes_list = "each" if _FOLLOWING_SUBJECT.match(_subject(m, s) or text) else "append"


#: A trigger to try, as run, with its rule and its prefilter's test (extract/gates.py: a trigger whose literal words the
#: template lacks is not run; the result is the same, only faster).
_Tried = tuple[ActionRule, re.Pattern[str], Callable[[str], bool] | None]


#: The plans made, by all a sentence's cue scan holds (and its place, actors, marker): looked up with the scan's own set,
#: whose hash is kept, where `_rules_for` is asked with its part of it, a new set made and hashed at each sentence.
_PLANS = Memo(lambda key: _rules_for(key[0] & _KEYS, *key[1:]))


@lru_cache(maxsize=4096)
def _rules_for(cued: frozenset[str], in_resolution: bool, actors: bool, marked: bool) -> tuple[_Tried, ...]:
    """The triggers to try, each with its rule (in one sequence: one loop a sentence), of the rules that apply where a
    sentence stands (`_applies`), have an actor if they need one and find one of their cues among the cue words it
    holds: those whose gates may pass, given the pieces it holds and whether its template holds a marker (`marked`),
    each with its gate's test narrowed to those (extract/gates.py, `narrowed`; None: the template passes) (a few words,
    in few combinations: each asked once)."""
    return tuple((r, run(trigger)[0], narrowed(_PREFILTERS[trigger], cued, marked, actors)) for r in _BY_PLACE[in_resolution]
                 if (actors or not r.needs_actor) and (not r.cues or not cued.isdisjoint(r.cues))
                 for trigger in r.triggers if admits(_PREFILTERS[trigger], cued, marked))


_PREFILTERS = {t: PREFILTERS[t] for rule in ACTION_RULES for t in rule.triggers}


#: The words `_rules_for` reads (the cue words, and the pieces the triggers' gates file their words under): the cache
#: is keyed on these alone, not on the relation rules' words a sentence holds too (fewer keys: the rules planned less
#: often).
_KEYS = frozenset().union(*(r.cues for r in ACTION_RULES), *(p for f in _PREFILTERS.values() for p in demands(f)[0]))
_BY_PLACE = {place: tuple(r for r in ACTION_RULES if _applies(r, Context(in_resolution=place))) for place in (False, True)}
#: "approval be given to …" (told in the active: "give approval to …") grants; "… given for visits to be made" asks
_GRANT = re.compile(rf"^(?:{alt(vocab.FORMAL_GRANTS)} be given|give {alt(vocab.FORMAL_GRANTS)}) to\b", re.I)
_LIST_INTRO = quick(re.compile(r"\bfollowing\b[^;]*:\s*-?\s*$|:\s*-\s*$"))
_FOLLOWING_SUBJECT = re.compile(r"^(?:the )?following\b", re.I)
_LIST_MARK = re.compile(r"^\(?(?:[ivx]{1,4}|[a-h]|\d{1,2})[.)]\s+")


def follow_list(intro: list[ActionFact], sentence: str, item: str) -> list[ActionFact]:
    """What one item of a list adds to the actions of the sentence that introduced it: an action of its own, told
    with the introducing sentence ("Members requested the following be added: Re-visit to social workers"), or
    more words of the introducing action ("approve appointments on the following basis: three Elected Members …")."""
    item = _tidy(_LIST_MARK.sub("", item))
    out = []
    for a in intro:
        if a.takes_list == "each":
            text = f"{_tidy(sentence)}: {item}"
            out.append(ActionFact(text, list(a.owners), list(a.requesters), due_of(item) or a.due, a.extractor))
        else:
            a.text = f"{a.text}{';' if a.text.endswith(tuple('abcdefghijklmnopqrstuvwxyz0123456789)’')) and ':' in a.text else ':'} {item}"
    return out


def is_list_item(kind: str, text: str) -> bool:
    """Is this block an item of a list (a bullet, or a line numbered "i.", "a)", "(2)")?"""
    return kind == "bullet" or bool(_LIST_MARK.match(text))


_WORD = re.compile(r"[a-z]{3,}")
_FUNCTION_WORDS = frozenset({"the", "and", "for", "that", "with", "this", "from"})


def _content(text: str) -> set[str]:
    return set(_WORD.findall(text.lower())) - _FUNCTION_WORDS


def _named(a: ActionFact) -> list[str]:
    """The owners an action names (not the AUTHOR / HOME the pipeline fills in), in order."""
    return [o for o in a.owners if not o.startswith("@")]


def _shares(cw: set[str], bw: set[str], share: float) -> bool:
    """Do two actions' content words overlap by this share of the shorter's?"""
    return len(cw & bw) >= share * min(len(cw), len(bw))


def restated(a: ActionFact, earlier: list[ActionFact]) -> bool:
    """Is this a commitment the item recorded before, told again (the minutes' text, then its resolution: "Councillor
    Boeck would share the outcome …" / "RESOLVED that Councillor Boeck would share the outcome …")? The same named
    owners and nearly all the same words."""
    mine = set(_named(a))
    if not mine:
        return False
    cw: set[str] | None = None  # (read at the first earlier action of the same owners: most have none)
    for b in earlier:
        if mine == set(_named(b)):
            if cw is None and len(cw := _content(a.text)) < 2:
                return False
            if len(bw := _content(b.text)) >= 2 and _shares(cw, bw, _RESTATED):  # type: ignore[arg-type]
                return True
    return False


_RESTATED = 0.8  # share of the shorter action's content words
_REPEATS = 0.6  # … for a later reading of the same sentence (`dedupe`)


def dedupe(actions: list[ActionFact], content: list[set[str]] | None = None) -> list[ActionFact]:
    """One action per commitment: a later reading whose words mostly repeat an earlier one, and names no other
    owner, adds only what it knows more (rules come in order of precedence). `content`: the actions' content words,
    where the caller has read them."""
    out: list[ActionFact] = []
    words: list[set[str]] = []  # each kept action's content words (`out`'s, in order), read once
    for a, cw in zip(actions, content or map(_content, (a.text for a in actions)), strict=True):
        named = _named(a)
        dup = next((b for b, bw in zip(out, words, strict=True) if _shares(cw, bw, _REPEATS)
                    and set(named) <= set(_named(b)) | set(b.requesters)), None)
        if dup is None:
            out.append(a)
            words.append(cw)
        else:
            if named and not _named(dup):
                dup.owners = named
            dup.requesters = dup.requesters or a.requesters
            dup.due = dup.due or a.due
    return out
