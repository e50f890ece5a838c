"""Normalise minutes text before segmentation: undo what scraping and PDF conversion do to layout.

Scraped minutes lose line breaks mid-sentence ("…the Director of\nChildren's Services"), lose the
space where a break was ("forEducation"), glue numbering to the text ("(1)RESOLVED", "3.The"),
hyphenate words at line ends and carry page headers, footers and "Page 3 of 12". `normalise` undoes
these and nothing else: it never changes a word, so text that is already clean keeps its meaning and
its lines (a real paragraph or point boundary is never joined away).
"""

from __future__ import annotations

import re
from collections import Counter

# Every space-like character becomes a plain space; zero-width ones go.
_SPACE = str.maketrans({c: " " for c in "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
                        "\u200a\u202f\u205f\u3000\t"} | {c: None for c in "\u200b\u200c\u200d\u2060\ufeff\u00ad"})
# Bullets as word processors and PDF converters write them (private-use Symbol/Wingdings glyphs
# included); all become "·" so the segmenter knows one bullet.
_BULLETS = "·•*▪◦‣∙●○■□➢➤►▸▹▶❖◆◇♦✓✔✗➔→⁃⦁\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8\uf02d\uf097\uf0e0"
_BULLET = re.compile(rf"^(\s*)(?:[{re.escape(_BULLETS)}]|o(?=\s))\s*(?=\S)")
# Page furniture on a line of its own: "Page 3 of 12", "Page 3", "- 3 -", "3 | Page".
_PAGE = re.compile(r"^\s*(?:(?:Page|PAGE|Pg\.?)\s+\d{1,4}(?:\s+(?:of|OF)\s+\d{1,4})?|[-–—]\s*\d{1,4}\s*[-–—]|"
                   r"\d{1,4}\s*\|\s*Page|\d{1,4}\s*/\s*\d{1,4})\s*$")
# Numbering glued to its text at the start of a line: "(1)RESOLVED", "3.The", "26.1Resolved",
# "16(ii)That", "a)That", "(b)the". A bare number needs a capitalised word after it ("113Children's").
_GLUED_MARK = re.compile(
    r"^(\s*(?:\(?\d{1,3}(?:\.\d{1,3})*(?:\([a-z]{1,4}\))?[.)]|\(\d{1,3}\)|\([a-z]{1,4}\)|[a-z]\)|"
    r"\(?[ivx]{1,5}\)|[ivx]{1,5}\.|[a-h]\.(?=[A-Z]))|\s*\d{1,3}(?:\.\d{1,3})*(?=[A-Z][a-z]|[A-Z]{2,}))(?=[A-Za-z‘“\"'(])")
# Lines that begin something new, so the line before never runs on into them.
_STARTS = re.compile(
    r"^(?:[·|]|\(?\d{1,3}(?:\.\d{1,3})*[.)]?\s|\(?[a-z]{1,4}\)\s|[a-h]\.\s|[ivx]{1,5}\.\s|"
    r"(?:RESOLVED|Resolved|RESOLUTION|AGREED|DECISION|DECIDED|Minutes|MINUTES|Decision|Supporting documents|"
    r"Additional documents|Attachments|Present|Apologies|Meeting)\s*[:–—-]|(?:RESOLVED|AGREED|DECIDED)\b)")
_END_SENTENCE = re.compile(r"[.:;!?|)\]]['’\"”]?$|[-–—]$")
_CONTINUES = re.compile(
    r"\b(?:a|an|the|of|to|for|and|or|in|on|at|by|with|from|that|which|who|be|was|were|is|are|would|will|"
    r"should|could|had|has|have|as|this|these|its|their|his|her|not|it)$|,$", re.I)
_WORD = re.compile(r"[A-Za-z][A-Za-z’']*")


def normalise(text: str) -> str:
    """Clean minutes text: one paragraph, point or heading a line, as its author wrote it."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_SPACE)
    lines = [ln.rstrip() for ln in _drop_furniture(text.split("\n"))]
    lines = [_BULLET.sub(r"\1· ", _GLUED_MARK.sub(r"\1 ", ln)) for ln in lines]
    joined = _join_lines(lines)
    vocab = _vocabulary(joined)
    return "\n".join(_split_glued(ln, vocab) for ln in joined)


def _drop_furniture(lines: list[str]) -> list[str]:
    """Lines without page numbers, and without running headers/footers: a line repeated next to
    page breaks (form feeds or page numbers) three times or more."""
    breaks = [i for i, ln in enumerate(lines) if "\f" in ln or _PAGE.match(ln)]
    near: Counter[str] = Counter()
    for i in breaks:
        for j in range(max(0, i - 2), min(len(lines), i + 3)):
            s = lines[j].replace("\f", "").strip()
            if s and not _PAGE.match(s):
                near[s] += 1
    furniture = {s for s, n in near.items() if n >= 3 and len(s) < 100}
    out = []
    for ln in lines:
        s = ln.replace("\f", "").strip()
        if _PAGE.match(ln) or s in furniture:
            continue
        out.append(ln.replace("\f", ""))
    return out


def _joins(a: str, b: str) -> bool:
    """Does line b continue line a (a break made by re-wrapping, not by the author)?"""
    a, b = a.strip(), b.strip()
    if re.search(r"[a-z]-$", a) and b[:1].islower():
        return True  # a word hyphenated at the line end
    if a.startswith("|") and not a.endswith("|"):
        return True  # a table row runs on until its closing bar
    if _END_SENTENCE.search(a) or a.startswith("|"):
        return False
    if _STARTS.match(b):
        return bool(_CONTINUES.search(a)) and len(a) >= 30 and not b.startswith(("·", "|"))
    if b[:1].islower():
        return True
    return len(a) >= 35


def _join_lines(lines: list[str]) -> list[str]:
    """Lines broken mid-sentence joined again; a word hyphenated at a line end made whole."""
    out: list[str] = []
    for ln in lines:
        if out and out[-1].strip() and ln.strip() and _joins(out[-1], ln):
            prev = out[-1]
            if re.search(r"[a-z]-$", prev) and ln.strip()[:1].islower():
                out[-1] = prev[:-1] + "\u0000" + ln.strip()  # decided once the vocabulary is known
            else:
                out[-1] = prev + " " + ln.strip()
        else:
            out.append(ln)
    return out


def _vocabulary(lines: list[str]) -> Counter[str]:
    """How often each word stands on its own in the document (exact case and lower case)."""
    words: Counter[str] = Counter()
    for ln in lines:
        for tok in ln.replace("\u0000", " ").split():
            w = tok.strip(".,;:()[]‘’“”\"'!?")
            if w:
                words[w] += 1
                if w.lower() != w:
                    words[w.lower()] += 1
    return words


def _known(word: str, vocab: Counter[str], exclude: str = "") -> bool:
    """Does the word stand on its own somewhere else in the document?"""
    w = word.strip(".,;:()[]‘’“”\"'!?")
    return bool(w) and (vocab[w] - (w == exclude) > 0 or vocab[w.lower()] - (w.lower() == exclude.lower()) > 0)


_GLUE = re.compile(r"(?<=[a-z’'.,;:)%\d])(?=[A-Z][a-z’']*)")


def _split_glued(line: str, vocab: Counter[str]) -> str:
    """Words run together at a lost line break split again where the document's own words show
    the boundary: "forEducation" when "for" and "Education" stand alone elsewhere and
    "forEducation" does not; "Careto" when the document writes "Care to"."""
    out = []
    for tok in line.split(" "):
        if "\u0000" in tok:  # a word hyphenated at a line end
            left, right = tok.split("\u0000", 1)
            whole = left + right
            tok = whole if _known(whole, vocab) or not _known(f"{left}-{right}", vocab) else f"{left}-{right}"
        out.append(_split_token(tok, vocab))
    return " ".join(out)


def _split_token(tok: str, vocab: Counter[str]) -> str:
    core = tok.strip(".,;:()[]‘’“”\"'!?")
    if len(core) < 4 or vocab[core] > 1 or "/" in tok or "@" in tok or "www" in tok.lower():
        return tok
    for m in _GLUE.finditer(tok):
        i = m.start()
        left, right = tok[:i], tok[i:]
        lw = _WORD.findall(left)
        rw = _WORD.findall(right)
        if not rw or len(rw[0]) < 2 and right[:1] != "I":
            continue
        left_ok = not left[-1:].isalpha() or (lw and _known(lw[-1], vocab, core))
        if left_ok and _known(rw[0], vocab, core):
            return left + " " + _split_token(right, vocab)
    return tok
