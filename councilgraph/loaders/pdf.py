"""PDF minutes to text through pypdf's text layer; a scanned PDF without one is refused."""

from __future__ import annotations

from pathlib import Path

from councilgraph.errors import LoaderError


def pdf_to_text(path: Path) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(path)
        text = "\n".join(page.extract_text() or "" for page in reader.pages)
    except PdfReadError as e:
        raise LoaderError(path, f"not a readable PDF ({e})") from e
    if not text.strip():
        raise LoaderError(path, "the PDF has no text layer (scanned image?)")
    return text
