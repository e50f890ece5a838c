"""HTML pages to text through lxml's HTML parser: one line per block element, as the ModernGov
pages read when copied as text, so that one segmenter serves text, HTML and the web service."""

from __future__ import annotations

import lxml.html
from lxml import etree

_BLOCKS = frozenset(("p", "div", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol",
                     "dl", "dt", "dd", "section", "article", "blockquote", "caption", "pre", "address", "main"))
_DROP = ("script", "style", "nav", "header", "footer", "noscript", "form", "head", "button", "select", "iframe")


def parse(html: str | bytes) -> etree._Element:
    """The document tree; an empty or markup-free page gives an empty <html>."""
    if isinstance(html, str):
        html = html.encode("utf-8")  # lxml refuses str with an encoding declaration
    if not html.strip():
        return lxml.html.fromstring("<html></html>")
    return lxml.html.document_fromstring(html, parser=lxml.html.HTMLParser(encoding="utf-8", remove_comments=True))


def content_root(root: etree._Element) -> etree._Element:
    """The page's own content: ModernGov's #modgov container, else <main>, else <body>."""
    for xpath in ('//*[@id="modgov"]', "//main", "//body"):
        found = root.xpath(xpath)
        if found:
            return found[0]
    return root


def element_text(el: etree._Element) -> str:
    """The visible text of an element, one line per block element, bullets marked with '·'."""
    for bad in el.xpath(" | ".join(f".//{t}" for t in _DROP)):
        bad.drop_tree()
    out: list[str] = []

    def walk(node: etree._Element) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        block = tag in _BLOCKS
        if block:
            out.append("\n")
        if tag == "br":
            out.append("\n")
        if tag == "li" and node.getparent() is not None and node.getparent().tag == "ul":
            out.append("· ")
        if node.text and tag:
            out.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                out.append(child.tail)
        if block:
            out.append("\n")

    walk(el)
    return "".join(out)


def html_to_text(html: str | bytes) -> str:
    """The text of an HTML page's content."""
    return element_text(content_root(parse(html)))


def fragment_text(html: str) -> str:
    """The text of an HTML fragment (an item's minutes from the web service)."""
    if not html.strip():
        return ""
    return element_text(content_root(parse(f"<html><body>{html}</body></html>")))
