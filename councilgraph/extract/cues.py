"""The cue words of both rule tables (extract/action_rules.py, extract/relation_rules.py), found once a sentence (with
the pieces of words the triggers' gates ask for, extract/gates.py).

Each table's rules are tried only on sentences that hold one of their cue words; extract/commitments.py and
extract/relations.py ask of the same sentence, so one table of every cue word answers both: a Sentence
(extract/sentence.py) scans its text once, when it is made, and keeps what it holds (`Sentence.held`) for the relation
rules, the motion patterns, the query test and the action rules. One Aho-Corasick pass finds them all, those with a space (" to ",
"agreed to") too: what a sentence holds says exactly which rules' cues it holds, so a sentence's plan of rules
(cached on those words) needs no test of its own text."""

from __future__ import annotations

from councilgraph.extract import vocab
from councilgraph.extract.action_rules import ACTION_RULES
from councilgraph.extract.gates import PIECES
from councilgraph.extract.prefilter import CueWords
from councilgraph.extract.relation_rules import RELATION_RULES

#: The query nouns' longest pieces in lower case ("query" of "a query"; "question" for "questions" too): a sentence
#: without one raises no query (extract/commitments.py, topic_of).
_QUERY = {max(noun.lower().split(), key=len) for noun in vocab.QUERY_NOUNS}
QUERY_PIECES = frozenset(p for p in _QUERY if not any(q != p and q in p for q in _QUERY))
#: The cue words, with the pieces the triggers' gates file their words under (extract/gates.py) and the query nouns'
#: pieces: one scan finds them all.
RULE_CUES = CueWords([*(w for table in (ACTION_RULES, RELATION_RULES) for rule in table for w in rule.cues),
                      *sorted(PIECES | QUERY_PIECES)])
