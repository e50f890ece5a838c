"""Loaders: one per format, in a registry keyed by file suffix; each returns a Document."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

from councilgraph.errors import LoaderError
from councilgraph.loaders.decode import decode
from councilgraph.loaders.manifest import Manifest
from councilgraph.loaders.records import Document, Meta
from councilgraph.loaders.segment import segment

#: Default largest document, in bytes (COUNCILGRAPH_MAX_SIZE_MB or `ingest --max-size` change it).
MAX_BYTES = 20 * 2**20
# Words every page of minutes uses somewhere; text with none of them is not minutes.
_MINUTES_WORDS = re.compile(r"\b(?:minutes?|agenda|meeting|committee|council|councillors?|cllr|cabinet|board|panel|"
                            r"resolved|resolution|decisions?|agreed|item|report|apologies|chair(?:man|person)?|"
                            r"members?|director|officer|forum|partnership|trust|scrutiny)\b", re.I)


def _from_text(path: Path, text: str) -> Document:
    if not _MINUTES_WORDS.search(text):
        raise LoaderError(path, "no agenda item found (the text does not read as council minutes)")
    items, meta = segment(text)
    if not any(it.title or it.blocks for it in items):
        raise LoaderError(path, "no agenda item found")
    return Document(path.name, items, meta, text)


def load_text(path: Path) -> Document:
    """A ModernGov page saved as text (agenda item, agenda and minutes, issue, decision)."""
    return _from_text(path, decode(path.read_bytes(), path))


def load_html(path: Path) -> Document:
    """A ModernGov page saved as HTML: its visible text, one block element a line."""
    from councilgraph.loaders.html import html_to_text

    return _from_text(path, html_to_text(decode(path.read_bytes(), path)))


def load_pdf(path: Path) -> Document:
    """Minutes published as PDF: the text layer of each page."""
    from councilgraph.loaders.pdf import pdf_to_text

    return _from_text(path, pdf_to_text(path))


LOADERS: dict[str, Callable[[Path], Document]] = {
    ".txt": load_text, ".text": load_text, "": load_text,
    ".html": load_html, ".htm": load_html,
    ".pdf": load_pdf,
}


def max_bytes() -> int:
    """The largest document read, in bytes: COUNCILGRAPH_MAX_SIZE_MB, else MAX_BYTES."""
    env = os.environ.get("COUNCILGRAPH_MAX_SIZE_MB")
    try:
        return int(float(env) * 2**20) if env else MAX_BYTES
    except ValueError:
        return MAX_BYTES


def _check_file(path: Path, limit: int) -> None:
    """Only regular files are read (a FIFO would hang, /dev/zero never end), and none over the limit."""
    st = path.stat()
    if not stat.S_ISREG(st.st_mode):
        raise LoaderError(path, "not a regular file (devices, FIFOs and sockets are not read)")
    if st.st_size > limit:
        raise LoaderError(path, f"{st.st_size / 2**20:.1f} MB is over the limit of {limit / 2**20:g} MB a document "
                                f"(--max-size or COUNCILGRAPH_MAX_SIZE_MB raise it)")


def load(path: Path, meta: Meta | None = None, limit: int | None = None) -> Document:
    """Read one document; LoaderError (naming the file) when it cannot be read. `limit` is the
    largest size read, in bytes (default `max_bytes()`)."""
    loader = LOADERS.get(path.suffix.lower())
    if loader is None:
        raise LoaderError(path, f"unsupported file type '{path.suffix}' (supported: .txt, .html, .pdf)")
    try:
        _check_file(path, limit or max_bytes())
        doc = loader(path)
    except LoaderError:
        raise
    except OSError as e:
        raise LoaderError(path, e.strerror or str(e)) from e
    except Exception as e:  # a parser's own failure on malformed input
        raise LoaderError(path, f"cannot be read ({type(e).__name__}: {e})") from e
    if meta is not None:
        doc.meta = doc.meta.over(meta)  # what the page says wins; the options and manifest fill the gaps
    return doc


def discover(paths: list[Path]) -> Iterator[tuple[Path, Meta]]:
    """Documents named by files and folders, each with the metadata its folder's manifest gives."""
    for p in paths:
        if p.is_dir():
            manifest = Manifest.read(p)
            for f in sorted(p.rglob("*")):
                if f.is_file() and f.suffix.lower() in LOADERS and f.suffix and not f.name.startswith(".") \
                        and f.name.lower() != "manifest.csv" and f.suffix.lower() != ".md":
                    yield f, manifest.get(f.name)
        elif p.exists():
            yield p, Manifest.read(p.parent).get(p.name)
        else:
            raise LoaderError(p, "no such file or directory")
