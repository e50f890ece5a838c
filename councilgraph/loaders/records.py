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
    url: str | None = None  # the page it was read from, where known
    actions_text: str | None = None  # a web service's "Actions" field (commenttext2), as written


@dataclass
class Attendee:
    """One person an attendance list names: `attended_as` is member, substitute, officer, guest or apologies."""

    name: str  # without honorific: "A Smith"
    attended_as: str
    honorific: str | None = None  # "Councillor", "Mr"
    post: str | None = None  # "Chairman", "Director of Children's Services"
    evidence: str = ""  # the line or entry naming them


@dataclass
class Meta:
    """Council, body and date of a document: from the text, the options or manifest.csv."""

    council: str | None = None
    body: str | None = None
    date: str | None = None
    url: str | None = None  # where the document was fetched from (manifest.csv's `url` column)
    problem: str | None = None  # what is wrong with the document's manifest row: it is not loaded, the others are

    def over(self, other: Meta) -> Meta:
        """These values where set, else the other's."""
        return Meta(self.council or other.council, self.body or other.body, self.date or other.date,
                    self.url or other.url, self.problem or other.problem)


@dataclass
class Document:
    source: str
    items: list[Item]
    meta: Meta = field(default_factory=Meta)
    text: str = ""
    attendance: list[Attendee] = field(default_factory=list)  # of the meeting the document minutes
    url: str | None = None
