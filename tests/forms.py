"""Build the other forms of a document for the reader tests: Word, PDF, degraded scan.

* :func:`text_to_docx` lays a document's text out as a clerk's Word file does under
  Nghị định 30/2020: the header as a borderless two-column table (cơ quan ‖ Quốc hiệu,
  Số ‖ địa danh, ngày), type and title centred, the body as paragraphs, and Nơi nhận beside
  the signature in a second table. Parts the text lacks (seeds 003 and 004 have no header
  names) are left out, as in the original.
* :func:`docx_to_pdf` prints it with LibreOffice (fonts-liberation2 stands in for Times).
* :func:`pdf_to_scan` turns a PDF into an image-only PDF that looks scanned: 200 dpi,
  a slight rotation, blur, noise and JPEG artefacts.
"""
from __future__ import annotations

import random
import subprocess
import tempfile
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from vbhc.pipeline.normalise import normalise
from vbhc.pipeline.segment import segment


def _font(document) -> None:  # type: ignore[no-untyped-def]
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(13)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "Times New Roman")
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)


def _cell(cell, lines: list[str], bold_first: bool = False, center: bool = True) -> None:  # type: ignore[no-untyped-def]
    cell.paragraphs[0].text = ""
    for k, line in enumerate(lines):
        paragraph = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
        run = paragraph.add_run(line)
        run.bold = bold_first and k == 0
        if center:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _table(document, left: list[str], right: list[str]) -> None:  # type: ignore[no-untyped-def]
    table = document.add_table(rows=1, cols=2)
    _cell(table.rows[0].cells[0], left or [""])
    _cell(table.rows[0].cells[1], right or [""])


def text_to_docx(text: str, path: Path) -> Path:
    """Write ``text`` as a Word document laid out the Nghị định 30 way."""
    nt = normalise(text)
    layout = segment(nt)
    document = Document()
    _font(document)
    left = [p.value for p in layout.left]
    right = [p.value for p in layout.right]
    if left or right:
        _table(document, left, right)
    if layout.type_piece is not None:
        heading = document.add_paragraph()
        heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
        heading.add_run(layout.type_piece.value).bold = True
    for piece in layout.title:
        title = document.add_paragraph()
        title.alignment = WD_ALIGN_PARAGRAPH.CENTER
        title.add_run(piece.value).bold = True
    body_start, body_end = layout.body
    for line in nt.lines[body_start:body_end]:
        if line.strip():
            document.add_paragraph(line.strip())
    recipients = [p.value for p in layout.recipients]
    signature = [p.value for p in layout.signature]
    if layout.recipients_label is not None or signature:
        names = ["Nơi nhận:", *recipients] if layout.recipients_label is not None else recipients
        _table(document, names, [*signature[:-1], "", "", signature[-1]] if signature else [])
    if layout.attachment_start is not None:
        for line in nt.lines[layout.attachment_start:]:
            if line.strip():
                document.add_paragraph(line.strip())
    document.save(str(path))
    return path


def docx_to_pdf(docx: Path, outdir: Path) -> Path:
    """Print ``docx`` to PDF with LibreOffice headless, as ``vbhc generate --pdf`` does."""
    from vbhc.generate.pdf import docx_to_pdf as print_pdf

    return print_pdf(docx, outdir / f"{docx.stem}.pdf")


def pdf_to_scan(pdf: Path, out: Path, dpi: int = 200, seed: int = 7) -> Path:
    """An image-only PDF that looks scanned: rotation up to ±1.5°, blur, noise, JPEG."""
    from PIL import Image, ImageFilter

    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(pdf), f"{tmp}/p"], check=True, timeout=240)
        pages = []
        for png in sorted(Path(tmp).glob("p-*.png")):
            image = Image.open(png).convert("L")
            image = image.rotate(rng.uniform(-1.5, 1.5), resample=Image.BICUBIC, expand=False, fillcolor=255)
            image = image.filter(ImageFilter.GaussianBlur(radius=0.6))
            noise = Image.effect_noise(image.size, 18).point(lambda v: (v - 128) // 4 + 128)
            image = Image.blend(image, noise, 0.12)
            jpeg = Path(tmp) / f"{png.stem}.jpg"
            image.save(jpeg, quality=55)
            pages.append(Image.open(jpeg).convert("L"))
        pages[0].save(out, save_all=True, append_images=pages[1:], resolution=dpi)
    return out
