"""Loaders: one per format, in a registry keyed by file suffix; each returns a Document."""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

from councilgraph.errors import LoaderError
from councilgraph.loaders.decode import decode
from councilgraph.loaders.manifest import Manifest
from councilgraph.loaders.normalise import normalise as normalise_text
from councilgraph.loaders.records import Document, Meta
from councilgraph.loaders.segment import normalise, segment

#: Default largest document, in bytes (COUNCILGRAPH_MAX_SIZE_MB or `ingest --max-size` change it).
MAX_BYTES = 20 * 2**20
# Words every page of minutes uses somewhere; text with none of them is not minutes.
_MINUTES_WORDS = re.compile(r"\b(?:minutes?|agenda|meeting|committee|council|councillors?|cllr|cabinet|board|panel|"
                            r"resolved|resolution|decisions?|agreed|item|report|apologies|chair(?:man|person)?|"
                            r"members?|director|officer|forum|partnership|trust|scrutiny)\b", re.I)


#: A resolution's form: "That the report be noted", "RESOLVED", "AGREED".
_RESOLUTION_FORM = re.compile(r"\bThat\b[^.;]{0,300}?\bbe\b|\b(?:RESOLVED|AGREED|Resolved|Agreed)\b")


def reads_as_minutes(text: str, decision_page: bool = False) -> bool:
    """Does the text read as minutes: two of the words every page of minutes uses, or one and a resolution's form
    (a decision page may be one resolution: "That approval be given … subject to a further report …"), or on a page
    whose address says it is a decision's, one? A shopping list with "report" in it does not."""
    # (read only until two words are found, most often in the first lines: not the whole of a long text)
    words: set[str] = set()
    for m in _MINUTES_WORDS.finditer(text, 0, 200_000):
        words.add(m[0].lower())
        if len(words) >= 2:
            return True
    return bool(words) and (decision_page or bool(_RESOLUTION_FORM.search(text)))


def _from_text(path: Path, text: str, decision_page: bool = False) -> Document:
    from councilgraph.loaders.moderngov import attendance

    text = normalise_text(text)
    if not reads_as_minutes(text, decision_page):
        raise LoaderError(path, "no agenda item found (the text does not read as council minutes)")
    items, meta = segment(text, decision_page)
    if not any(it.title or it.blocks for it in items):
        raise LoaderError(path, "no agenda item found")
    return Document(path.name, items, meta, text, attendance(normalise(text)))


def load_text(path: Path, decision_page: bool = False, data: bytes | None = None) -> Document:
    """A ModernGov page saved as text (agenda item, agenda and minutes, issue, decision); `data`: the file's bytes,
    where they were read already."""
    return _from_text(path, decode(path.read_bytes() if data is None else data, path), decision_page)


def load_html(path: Path) -> Document:
    """A ModernGov page saved as HTML: items and attendance, read with lxml (loaders/moderngov.py)."""
    from councilgraph.loaders.moderngov import load_page

    doc = load_page(path, decode(path.read_bytes(), path))
    if not reads_as_minutes(doc.text):
        raise LoaderError(path, "no agenda item found (the page does not read as council minutes)")
    return doc


def load_pdf(path: Path, decision_page: bool = False) -> Document:
    """Minutes published as PDF: the text layer of each page, in reading order, furniture dropped."""
    from councilgraph.loaders.pdf import pdf_to_text

    return _from_text(path, pdf_to_text(path), decision_page)


def load_xml(path: Path) -> Document:
    """A saved answer of the ModernGov web service's GetMeeting."""
    from councilgraph.loaders.moderngov import load_getmeeting

    return load_getmeeting(path, path.read_bytes())


LOADERS: dict[str, Callable[[Path], Document]] = {
    ".txt": load_text, ".text": load_text, "": load_text,
    ".html": load_html, ".htm": load_html, ".aspx": load_html,
    ".pdf": load_pdf,
    ".xml": load_xml,
}


def sniff(path: Path, data: bytes | None = None) -> Callable[[Path], Document] | None:
    """The loader a file's first bytes call for, whatever its name says (a PDF saved as .txt, an
    HTML page saved as .aspx, a web service answer without an extension); None when they do not say. (`data`: the
    file's bytes, where they were read already.)"""
    from councilgraph.loaders.moderngov import is_getmeeting

    if data is None:
        with path.open("rb") as f:
            head = f.read(4096)
    else:
        head = data[:4096]
    if head.startswith(b"%PDF-"):
        return load_pdf
    if is_getmeeting(head):
        return load_xml
    low = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if low.startswith((b"<!doctype html", b"<html")) or b"<body" in low or (low.startswith(b"<") and b"</div>" in low):
        return load_html
    return None


def max_bytes() -> int:
    """The largest document read, in bytes: COUNCILGRAPH_MAX_SIZE_MB, else MAX_BYTES."""
    env = os.environ.get("COUNCILGRAPH_MAX_SIZE_MB")
    try:
        return int(float(env) * 2**20) if env else MAX_BYTES
    except ValueError:
        return MAX_BYTES


def _check_file(path: Path, limit: int, st: os.stat_result | None = None) -> None:
    """Only regular files are read (a FIFO would hang, /dev/zero never end), and none over the limit. (`st`: the
    file's status where it was read already.)"""
    st = st or path.stat()
    if not stat.S_ISREG(st.st_mode):
        raise LoaderError(path, "not a regular file (devices, FIFOs and sockets are not read)")
    if st.st_size > limit:
        raise LoaderError(path, f"{st.st_size / 2**20:.1f} MB is over the limit of {limit / 2**20:g} MB a document "
                                f"(--max-size or COUNCILGRAPH_MAX_SIZE_MB raise it)")


# The errors Path.is_file answers False to (the file or a folder of its path is missing, a link loops), as pathlib has them
_NO_FILE_ERRNOS = (errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP)


def _regular_file(path: Path) -> os.stat_result | None:
    """The file's status where `path.is_file()` is true, else None (the other errors it raises, raised): one look at
    the file, which `_check_file` reads again."""
    try:
        st = path.stat()
    except OSError as e:
        if getattr(e, "errno", None) not in _NO_FILE_ERRNOS:
            raise
        return None
    except ValueError:  # (a path the system cannot take, as one holding a NUL)
        return None
    return st if stat.S_ISREG(st.st_mode) else None


def load(path: Path, meta: Meta | None = None, limit: int | None = None) -> Document:
    """Read one document; LoaderError (naming the file) when it cannot be read. `limit` is the
    largest size read, in bytes (default `max_bytes()`)."""
    if meta is not None and meta.problem:
        raise LoaderError(path, meta.problem)
    loader = LOADERS.get(path.suffix.lower())
    limit = limit or max_bytes()
    data = None  # a text file's bytes, read once (for the sniff and the loader), where it is within the limit
    try:
        st = _regular_file(path)
        if st is not None and loader is load_text and st.st_size <= limit:
            data = path.read_bytes()
        loader = (sniff(path, data) if st is not None else None) or loader
    except OSError as e:
        raise LoaderError(path, e.strerror or str(e)) from e
    if loader is None:
        raise LoaderError(path, f"unsupported file type '{path.suffix}' (supported: .txt, .html, .xml, .pdf)")
    try:
        _check_file(path, limit, st)
        # a text's address (the manifest's) may say it is a decision page: its text is then the decision
        decision_page = loader in (load_text, load_pdf) and bool(_DECISION_URL.search(meta.url or "") if meta else False)
        if loader is load_text and data is not None:
            doc = load_text(path, decision_page, data)
        else:
            doc = loader(path, decision_page=True) if decision_page else loader(path)
    except LoaderError:
        raise
    except OSError as e:
        raise LoaderError(path, e.strerror or str(e)) from e
    except Exception as e:  # a parser's own failure on malformed input
        raise LoaderError(path, f"cannot be read ({type(e).__name__}: {e})") from e
    if meta is not None:
        doc.meta = doc.meta.over(meta)  # what the page says wins; the options and manifest fill the gaps
    doc.url = doc.url or doc.meta.url
    return doc


_DECISION_URL = re.compile(r"DecisionDetails\.aspx", re.I)  # ModernGov's mgDecisionDetails / ieDecisionDetails


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
