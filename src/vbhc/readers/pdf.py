"""PDF → lines. Text PDFs through pypdfium2's text layer; pages without usable text
(scans, or fonts without a Unicode map that extract as garbage) go to OCR.

Text runs with their boxes are laid out by :mod:`.layout`, so the header's two columns stay
apart. Pages are read one at a time; a document of more than ``MAX_PDF_PAGES`` pages is
read up to that page, with a warning.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..errors import UnreadableInputError
from . import ocr
from .layout import Word, words_to_lines
from .source import Source, SourceLine

__all__ = ["MAX_PDF_PAGES", "read_pdf"]

MAX_PDF_PAGES = 300
_MIN_LETTERS = 40          # a page with fewer letters than this has no usable text layer
_MAX_GARBAGE = 0.2         # share of replacement or private-use characters that means garbage
_FOOTER_PAGES = 2          # last pages laid out by position, for the signature table


def _open(path: Path):  # type: ignore[no-untyped-def]
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        message = str(exc).lower()
        if "password" in message:
            raise UnreadableInputError(str(path), "tệp PDF có mật khẩu (đã mã hóa); hãy gỡ mật khẩu rồi thử lại") from None
        raise UnreadableInputError(str(path), f"tệp PDF hỏng hoặc không đúng định dạng ({exc})") from None


_LETTER = re.compile(r"[^\W\d_]")
_GARBAGE = re.compile(r"[\ufffd\ue000-\uf8ff]")


def _usable(text: str) -> bool:
    letters = len(_LETTER.findall(text))
    garbage = len(_GARBAGE.findall(text))
    return letters >= _MIN_LETTERS and garbage <= _MAX_GARBAGE * max(letters, 1) and "(cid:" not in text


def _page_lines(page, number: int, columns: bool) -> tuple[list[SourceLine], str]:  # type: ignore[no-untyped-def]
    """One page's text layer as lines, and its raw text.

    With ``columns`` (the pages that hold the header and the signature tables), text runs
    are placed by their boxes so that two columns on one line stay apart; each run's text
    is sliced from the page text at the run's first character. Other pages keep pdfium's
    own lines, which read a single column in order at a fraction of the cost.
    """
    textpage = page.get_textpage()
    try:
        raw = textpage.get_text_range()
        if not columns:
            return [SourceLine(line, number) for line in raw.replace("\r\n", "\n").split("\n")], raw
        height = page.get_height()
        rects = [textpage.get_rect(k) for k in range(textpage.count_rects())]
        starts = [textpage.get_index(left + 0.5, (bottom + top) / 2, 1.0, (top - bottom) / 2) for left, bottom, _, top in rects]
        words = []
        for k, (left, bottom, right, top) in enumerate(rects):
            start = starts[k]
            end = next((s for s in starts[k + 1:] if s > start), len(raw))
            if start < 0:
                continue
            text = raw[start:end].replace("\r", " ").replace("\n", " ").strip()
            if text:
                words.append(Word(text, left, height - top, right, height - bottom))
        return words_to_lines(words, number, page.get_width()), raw
    finally:
        textpage.close()


def read_pdf(path: Path, progress: ocr.Progress | None = None) -> Source:
    """Read a PDF: its text layer, or OCR for the pages that have none."""
    document = _open(path)
    source = Source(str(path), "pdf")
    try:
        count = len(document)
        source.pages = count
        if count > MAX_PDF_PAGES:
            source.warnings.append(("pdf.truncated", f"PDF có {count} trang; chỉ đọc {MAX_PDF_PAGES} trang đầu"))
            count = MAX_PDF_PAGES
        pages: list[list[SourceLine] | None] = []
        for i in range(count):
            page = document[i]
            try:
                # The header sits on page 1; Nơi nhận and the signature on the last pages.
                lines, raw = _page_lines(page, i + 1, columns=i == 0 or i >= count - _FOOTER_PAGES)
            finally:
                page.close()
            pages.append(lines if _usable(raw) else None)
        scanned = [i for i, lines in enumerate(pages) if lines is None]
        if scanned:
            source.kind = "ocr" if len(scanned) == count else "pdf+ocr"

            def render(k: int):  # type: ignore[no-untyped-def]
                page = document[scanned[k]]
                try:
                    return page.render(scale=ocr.DPI / 72, grayscale=True).to_pil()
                finally:
                    page.close()

            for k, lines in enumerate(ocr.ocr_pages(len(scanned), render, str(path), progress)):
                # ocr_pages numbers pages 1..n of the scanned subset; put back the real numbers
                pages[scanned[k]] = [SourceLine(line.text, scanned[k] + 1, line.bbox) for line in lines]
        for lines in pages:
            source.lines.extend(lines or [])
    finally:
        document.close()
    return source
