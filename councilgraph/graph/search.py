"""The normalised search key: what a name or text looks like to someone typing it.

Minutes use curly apostrophes and quotes, en dashes and odd spacing; people type straight ones, hyphens
and whatever case. `search_key` folds all of these away, and the same function is used when a node is
written (its `search` property) and when a canned query's parameters are bound, so that both stores
compare like with like and no store-specific string function is needed in Cypher.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# Apostrophes and quotes vanish ("Children’s" = "Children's" = "Childrens"); they never separate words.
_DROP = dict.fromkeys(map(ord, "'’‘‛`´ʼ\"“”„‟«»"), None)
# Everything else that is not a letter or digit (dashes, commas, slashes, any whitespace) is one space.
_SPACE = re.compile(r"[\W_]+")
#: Joins a node's name and aliases in its key; a normalised parameter never contains it.
SEP = "|"


def search_key(text: object) -> str:
    """Lower-case words separated by single spaces: "Director of Children’s  Services – Torbay" →
    "director of childrens services torbay"."""
    if text is None:
        return ""
    t = unicodedata.normalize("NFKC", str(text)).casefold().translate(_DROP)
    return _SPACE.sub(" ", t).strip()


def node_search(name: object, aliases: Iterable[object] = ()) -> str:
    """A node's `search` property: the keys of its name and every alias, joined by SEP, so that
    `n.search CONTAINS $key` matches any of them and never straddles two."""
    keys = [search_key(name), *(search_key(a) for a in aliases or ())]
    return SEP.join(dict.fromkeys(k for k in keys if k))
