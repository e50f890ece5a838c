"""The cue words of both rule tables (extract/action_rules.py, extract/relation_rules.py), found once a sentence.

Each table's rules are tried only on sentences that hold one of their cue words; extract/commitments.py and
extract/relations.py ask of the same sentence, so one table of every cue word answers both (the second asking is the
last answer again, see CueWords.found)."""

from __future__ import annotations

from councilgraph.extract.action_rules import ACTION_RULES
from councilgraph.extract.prefilter import CueWords
from councilgraph.extract.relation_rules import RELATION_RULES

RULE_CUES = CueWords(w for table in (ACTION_RULES, RELATION_RULES) for rule in table for w in rule.cues)
