"""Deterministic node ids: the same actor in the same council always gets the same id."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

from councilgraph.extract import vocab


@lru_cache(maxsize=65536)
def slug(text: str) -> str:
    """Lower-case ASCII words joined by '-' ("Children’s Trust" → "childrens-trust")."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = re.sub(r"['’]", "", text.lower().replace("&", " and "))
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


@lru_cache(maxsize=4096)  # (asked of each council named, and of the document's own at every document)
def council_scope(council: str) -> str:
    """The short key of a council ("West Sussex County Council" → "west-sussex")."""
    s = slug(council)
    s = re.sub(r"-(?:metropolitan-borough|county-borough|county|city|borough|district|town|parish)?-?council$", "", s)
    return s or slug(council)


_HEAD_SEPARATOR = re.compile(rf"\b({'|'.join(map(re.escape, sorted(vocab.ROLE_HEADS, key=len, reverse=True)))})"
                             r"(?:\s+[–—-]|,)\s+(?=[A-Z])")


@lru_cache(maxsize=16384)
def role_key(title: str) -> str:
    """A post title as a key: "for"/"of", "the" and apostrophes do not distinguish posts, nor a dash or comma
    after the post's head ("Director – Corporate Parenting" is the Director for Corporate Parenting, "Chief
    Commissioning Officer, Children's Services" the Chief Commissioning Officer – Children's Services)."""
    t = _HEAD_SEPARATOR.sub(r"\1 of ", title.replace("’", "'"), count=1)
    t = re.sub(r"\b(?:for|of|on)\b", "of", t)
    t = re.sub(r"\bthe\b", "", t, flags=re.I)
    return slug(t)


def short_hash(*parts: str) -> str:
    return hashlib.sha1("|".join(parts).encode()).hexdigest()[:12]
