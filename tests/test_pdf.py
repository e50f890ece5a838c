"""PDF minutes: made at test time from the corpus texts, read back in order without page furniture."""

from __future__ import annotations

import difflib
import io
import re

import fpdf  # a dev dependency: the PDFs are made at test time
import pytest

from councilgraph.errors import LoaderError
from councilgraph.loaders import load
from councilgraph.loaders.pdf import drop_furniture
from tests.conftest import CORPUS, SEEDS

HEADER = "Children and Young People Scrutiny Committee - 14 January 2025"
_LATIN = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " ", "…": "...",
                        "•": "\xb7", "\u200b": ""})


def latin(text: str) -> str:
    """The text in the PDF core fonts' alphabet, so that no font file is needed."""
    return text.translate(_LATIN).encode("latin-1", "replace").decode("latin-1")


def paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", latin(text)) if p.strip()]


def make_pdf(text: str, columns: int = 1) -> bytes:
    """Minutes as a council's word processor prints them: a running header, "Page N of M" footers."""

    class Minutes(fpdf.FPDF):
        def header(self):
            self.set_font("Helvetica", "B", 9)
            self.cell(0, 6, HEADER, align="R")
            self.ln(10)

        def footer(self):
            self.set_y(-15)
            self.set_font("Helvetica", "", 8)
            self.cell(0, 6, f"Page {self.page_no()} of {{nb}}", align="C")

    pdf = Minutes(format=(148, 210))  # A5
    pdf.alias_nb_pages()
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    if columns == 1:
        for p in paragraphs(text):
            pdf.multi_cell(0, 5.5, p)
            pdf.ln(3)
    else:
        with pdf.text_columns(ncols=columns) as cols:
            for p in paragraphs(text):
                cols.write(p + "\n\n")
    return bytes(pdf.output())


def agreement(text: str, source: str) -> float:
    """How much of the source's word sequence a reading keeps, in order (1.0: all of it)."""
    a, b = latin(source).split(), text.split()
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def _long_pages(n: int) -> list:
    """Minutes long enough to run over several pages: the seeds, then the longest corpus pages."""
    return (sorted(SEEDS.glob("*.txt")) + sorted(CORPUS.glob("*.txt"), key=lambda p: -p.stat().st_size))[:n]


@pytest.mark.parametrize("src", _long_pages(5), ids=lambda p: p.name[:3])
def test_pdf_minutes_read_in_order_without_furniture(tmp_path, src):
    import pypdf

    pdf = tmp_path / "minutes.pdf"
    pdf.write_bytes(make_pdf(src.read_text(encoding="utf-8")))
    assert len(pypdf.PdfReader(pdf).pages) >= 2
    doc = load(pdf)
    assert "Page 1 of" not in doc.text and HEADER not in doc.text
    assert agreement(doc.text, src.read_text(encoding="utf-8")) > 0.99
    # A PDF is read by what it is, whatever it is called.
    renamed = tmp_path / "minutes.txt"
    renamed.write_bytes(pdf.read_bytes())
    assert load(renamed).text == doc.text


def test_pypdf_reads_two_columns_better_than_pdfplumber():
    """The measurement behind the choice of pypdf (loaders/pdf.py)."""
    import pdfplumber
    import pypdf
    ours, theirs = [], []
    for src in _long_pages(5):
        text = src.read_text(encoding="utf-8")
        data = make_pdf(text, columns=2)
        a = drop_furniture([p.extract_text() or "" for p in pypdf.PdfReader(io.BytesIO(data)).pages])
        with pdfplumber.open(io.BytesIO(data)) as pl:
            b = drop_furniture([p.extract_text() or "" for p in pl.pages])
        ours.append(agreement("\n".join(a), text))
        theirs.append(agreement("\n".join(b), text))
    assert min(ours) > 0.99
    assert sum(ours) / len(ours) > sum(theirs) / len(theirs)


def test_running_headers_and_page_numbers_are_furniture():
    pages = ["Minutes of the Board\n1. Apologies\nNone were received.\n- 1 -",
             "Minutes of the Board\n2. Declarations\nNone.\n- 2 -",
             "Minutes of the Board\n3. Any other business\nThe Board noted the date of the next meeting.\nPage 3"]
    kept = "\n".join(drop_furniture(pages))
    assert "Minutes of the Board" not in kept and "- 2 -" not in kept and "Page 3" not in kept
    assert "1. Apologies" in kept and "The Board noted the date of the next meeting." in kept


def test_a_pdf_without_text_is_a_one_line_error(tmp_path):
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 60, style="F")  # a scanned page: marks, no text
    path = tmp_path / "scan.pdf"
    path.write_bytes(bytes(pdf.output()))
    with pytest.raises(LoaderError) as e:
        load(path)
    assert "scan.pdf: the PDF has no text layer" in str(e.value) and "\n" not in str(e.value)
