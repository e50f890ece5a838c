"""Short captions for Neo4j Browser: an action shows its first words.

Stored as each node's `caption` property (the full text stays in `name`), so the GRASS style can show
`{caption}` and Browser's inspector still gives the whole sentence."""

from __future__ import annotations

ACTION_WORDS = 6  # enough to recognise an action, short enough to fit under a node


def short_text(text: str, words: int = ACTION_WORDS) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def caption(label: str, name: str, props: dict[str, object]) -> str:
    """The caption a node shows: actions and decisions by their first words, others by name. It depends
    on the name alone: the stores keep each property's first value, and a caption built from a council
    seen only in a later document would disagree with that council. Posts, people and bodies show their
    council through the GRASS style instead ('{name} · {council}')."""
    if label in ("Action", "Decision"):
        return short_text(name)
    return name
