"""Word (.docx) → lines, with python-docx.

Body paragraphs and tables come in document order; a table is read cell by cell, so the
header table (cơ quan ban hành ‖ Quốc hiệu; Số ‖ địa danh, ngày) and the signature table
(Nơi nhận ‖ chữ ký) never interleave their columns. Page headers and footers are skipped.
The zip is checked before it is opened: a decompression bomb is refused.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

from docx.oxml.ns import qn

from ..errors import UnreadableInputError
from .source import Source, SourceLine

__all__ = ["MAX_UNZIPPED_BYTES", "read_docx"]

#: A Word file's parts together; real documents are well under 20 MB once unzipped.
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
_MAX_RATIO = 200  # a compression ratio higher than this is a zip bomb, not a document


def _check_zip(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
    except zipfile.BadZipFile:
        raise UnreadableInputError(str(path), "tệp Word (.docx) hỏng: không mở được tệp nén") from None
    total = sum(i.file_size for i in infos)
    if total > MAX_UNZIPPED_BYTES:
        raise UnreadableInputError(str(path), f"tệp Word bung ra quá lớn ({total / 1_048_576:.0f} MB); có thể là tệp độc hại")
    for info in infos:
        if info.compress_size and info.file_size / info.compress_size > _MAX_RATIO and info.file_size > 10 * 1024 * 1024:
            raise UnreadableInputError(str(path), f"tệp Word có phần nén bất thường ({info.filename}); có thể là tệp độc hại")


def _block_lines(element, parent) -> list[str]:  # type: ignore[no-untyped-def]
    """The lines of a body or a table cell: its paragraphs and tables, in order."""
    from docx.text.paragraph import Paragraph

    lines: list[str] = []
    for child in element.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.extend(Paragraph(child, parent).text.split("\n"))
        elif tag == "tbl":
            lines.extend(_table_lines(child, parent))
    return lines


def _table_lines(tbl, parent) -> list[str]:  # type: ignore[no-untyped-def]
    """A table cell by cell, row by row: each physical <w:tc> once (a horizontally merged
    cell is one element; the continuation of a vertical merge holds nothing to read)."""
    lines: list[str] = []
    for tr in tbl.iterchildren(qn("w:tr")):
        for tc in tr.iterchildren(qn("w:tc")):
            tc_pr = tc.find(qn("w:tcPr"))
            merge = tc_pr.find(qn("w:vMerge")) if tc_pr is not None else None
            if merge is not None and merge.get(qn("w:val")) in (None, "continue"):
                continue
            lines.extend(_block_lines(tc, parent))
            lines.append("")
    return lines


def read_docx(path: Path) -> Source:
    """Read a .docx file into lines (no page numbers: Word lays pages out at print time)."""
    _check_zip(path)
    try:
        import docx

        document = docx.Document(str(path))
        lines = _block_lines(document.element.body, document)
    except UnreadableInputError:
        raise
    except Exception as exc:
        raise UnreadableInputError(str(path), f"tệp Word (.docx) hỏng hoặc không đúng định dạng ({type(exc).__name__})") from None
    return Source(str(path), "docx", [SourceLine(text) for text in lines])
