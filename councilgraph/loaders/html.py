"""HTML pages to text: one line per block element, scripts and navigation dropped."""

from __future__ import annotations

from bs4 import BeautifulSoup

_BLOCKS = ("p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "br", "table", "ul", "ol", "dt", "dd", "section")


def html_to_text(html: str) -> str:
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "nav", "header", "footer", "noscript", "form"]):
        tag.decompose()
    for li in soup.find_all("li"):
        if li.parent and li.parent.name == "ul":
            li.insert(0, "· ")
    for tag in soup.find_all(_BLOCKS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    main = soup.find(id="modgov") or soup.find("main") or soup.body or soup
    return main.get_text()
