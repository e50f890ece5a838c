"""What a loader produces: a document split into items and blocks of text."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Block:
    """A paragraph, bullet or resolution point of an item's minutes.

    `para` is the paragraph number as printed ("31.1") or None; `point` the point inside a
    resolution ("1", "(a)"); `resolution` marks text under a "Resolved" heading.
    """

    text: str
    para: str | None = None
    kind: str = "text"  # text | bullet | point | heading
    point: str | None = None
    resolution: int | None = None  # index of the resolution block it belongs to


@dataclass
class Item:
    """One agenda item: the unit the extractor reads."""

    title: str
    number: str | None = None
    description: str = ""
    blocks: list[Block] = field(default_factory=list)
    date: str | None = None
    body: str | None = None


@dataclass
class Meta:
    """Council, body and date of a document: from the text, the options or manifest.csv."""

    council: str | None = None
    body: str | None = None
    date: str | None = None

    def over(self, other: Meta) -> Meta:
        """These values where set, else the other's."""
        return Meta(self.council or other.council, self.body or other.body, self.date or other.date)


@dataclass
class Document:
    source: str
    items: list[Item]
    meta: Meta = field(default_factory=Meta)
    text: str = ""
