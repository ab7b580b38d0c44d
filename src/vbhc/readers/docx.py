"""Word (.docx) → lines, with python-docx.

Body paragraphs and tables come in document order. A table of one or two columns is read
cell by cell, so the header table (cơ quan ban hành ‖ Quốc hiệu; Số ‖ địa danh, ngày) and
the signature table (Nơi nhận ‖ chữ ký) never interleave their columns; so is a layout
table with a spacer column (one or two rows whose cells hold several lines). A table of
three columns or more that holds data (a danh sách, the vote table of a Biên bản, the
awards already received) is read row by row: one line per row, its cells joined by
:data:`CELL_SEPARATOR`, an empty cell kept as an empty field (the normaliser never
joins such rows as wrapped lines). Page headers and footers are skipped. The zip is checked before it is opened: a decompression bomb is refused.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

from docx.oxml.ns import qn

from ..errors import UnreadableInputError
from .source import Source, SourceLine

__all__ = ["CELL_SEPARATOR", "MAX_UNZIPPED_BYTES", "docx_source", "open_docx", "read_docx"]

#: A Word file's parts together; real documents are well under 20 MB once unzipped.
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
_MAX_RATIO = 200  # a compression ratio higher than this is a zip bomb, not a document
#: Between the cells of a row of a table of three columns or more (plain text writes rows so too).
CELL_SEPARATOR = " | "
_ROW_TABLE_COLUMNS = 3  # tables this wide are read row by row


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


Line = tuple[str, tuple[int, ...] | None]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R, _HYPERLINK, _T, _BR = f"{_W}r", f"{_W}hyperlink", f"{_W}t", f"{_W}br"
#: What a run's children print, as python-docx's ``Run.text`` reads them.
_RUN_TEXT = {f"{_W}tab": "\t", f"{_W}ptab": "\t", f"{_W}cr": "\n", f"{_W}noBreakHyphen": "-"}


def paragraph_text(p) -> str:  # type: ignore[no-untyped-def]
    """A ``w:p``'s text exactly as python-docx's ``Paragraph.text`` gives it (runs and
    hyperlinks; tabs, line breaks, non-breaking hyphens), read straight from the tree
    without XPath: the checker reads every paragraph of every file of a batch."""
    parts: list[str] = []
    for child in p.iterchildren(_R, _HYPERLINK):
        for run in (child,) if child.tag == _R else child.iterchildren(_R):
            for el in run:
                tag = el.tag
                if tag == _T:
                    parts.append(el.text or "")
                elif tag == _BR:
                    if el.get(f"{_W}type", "textWrapping") == "textWrapping":
                        parts.append("\n")
                elif tag in _RUN_TEXT:
                    parts.append(_RUN_TEXT[tag])
    return "".join(parts)


def _block_lines(element, parent, where: tuple[int, ...] = ()) -> list[Line]:  # type: ignore[no-untyped-def]
    """The lines of a body (``where`` empty) or a table cell (``where`` = table, row, cell):
    its paragraphs and tables, in order, each with its anchor (see :class:`SourceLine`)."""
    lines: list[Line] = []
    paragraphs = tables = 0
    for child in element.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraphs += 1
            anchor = (*where, paragraphs)
            lines.extend((text, anchor) for text in paragraph_text(child).split("\n"))
        elif tag == "tbl":
            tables += 1
            # a nested table's lines keep the anchor of the cell that holds it
            lines.extend(_table_lines(child, parent, (tables,) if not where else None, where))
    return lines


def _table_lines(tbl, parent, table: tuple[int] | None, outer: tuple[int, ...] = ()) -> list[Line]:  # type: ignore[no-untyped-def]
    """A table's lines: cell by cell when it has one or two columns (or lays out a header
    or a signature in three), row by row when it holds data in three or more."""
    rows = list(tbl.iterchildren(qn("w:tr")))
    cells: list[list[list[Line]]] = []
    for r, tr in enumerate(rows, 1):
        row = []
        for c, tc in enumerate(tr.iterchildren(qn("w:tc")), 1):
            cell_where = (*table, r, c) if table else outer
            lines = [] if _continues_merge(tc) else _block_lines(tc, parent, cell_where)
            row.append(lines if table else [(t, outer or None) for t, _ in lines])
        cells.append(row)
    texts = [[[t for t, _ in cell] for cell in row] for row in cells]
    if max((_row_width(tr) for tr in rows), default=0) >= _ROW_TABLE_COLUMNS and not _lays_out(texts):
        return _row_lines(rows, texts, table or outer)
    out: list[Line] = []
    for tr, row in zip(rows, cells, strict=True):
        for tc, cell in zip(tr.iterchildren(qn("w:tc")), row, strict=True):
            if _continues_merge(tc):
                continue
            out.extend(cell)
            out.append(("", None))
    return out


def _lays_out(cells: list[list[list[str]]]) -> bool:
    """True for a layout table of one or two rows whose cells hold several lines each (a
    header or a signature with a spacer column), not a list of data."""
    filled = [row for row in cells if any(line.strip() for cell in row for line in cell)]
    return len(filled) <= 2 and any(sum(1 for line in cell if line.strip()) >= 2 for row in filled for cell in row)


def _continues_merge(tc) -> bool:  # type: ignore[no-untyped-def]
    """True for the continuation of a vertical merge (it holds nothing to read)."""
    tc_pr = tc.find(qn("w:tcPr"))
    merge = tc_pr.find(qn("w:vMerge")) if tc_pr is not None else None
    return merge is not None and merge.get(qn("w:val")) in (None, "continue")


def _span(tc) -> int:  # type: ignore[no-untyped-def]
    """How many grid columns a cell covers (``w:gridSpan``)."""
    tc_pr = tc.find(qn("w:tcPr"))
    span = tc_pr.find(qn("w:gridSpan")) if tc_pr is not None else None
    try:
        return max(1, int(span.get(qn("w:val")))) if span is not None else 1
    except (TypeError, ValueError):
        return 1


def _skipped(tr, tag: str) -> int:  # type: ignore[no-untyped-def]
    """Grid columns a row leaves out before or after its cells (``w:gridBefore``/``w:gridAfter``)."""
    tr_pr = tr.find(qn("w:trPr"))
    node = tr_pr.find(qn(tag)) if tr_pr is not None else None
    try:
        return max(0, int(node.get(qn("w:val")))) if node is not None else 0
    except (TypeError, ValueError):
        return 0


def _row_width(tr) -> int:  # type: ignore[no-untyped-def]
    """The grid columns a row covers."""
    return _skipped(tr, "w:gridBefore") + sum(_span(tc) for tc in tr.iterchildren(qn("w:tc"))) + _skipped(tr, "w:gridAfter")


def _row_lines(rows, cells: list[list[list[str]]], table: tuple[int, ...]) -> list[Line]:  # type: ignore[no-untyped-def]
    """One line per row, cells joined by the separator; a merged cell stands once, with an
    empty field for each further grid column it covers (so the fields stay under their
    headers). A row that is one cell across the table (a group heading) is its text alone."""
    lines: list[Line] = []
    for r, (tr, row) in enumerate(zip(rows, cells, strict=True), 1):
        tcs = list(tr.iterchildren(qn("w:tc")))
        fields = [""] * _skipped(tr, "w:gridBefore")
        for tc, cell in zip(tcs, row, strict=True):
            fields.extend([" ".join(" ".join(cell).split())] + [""] * (_span(tc) - 1))
        if not any(fields):
            continue
        text = next(f for f in fields if f) if len(tcs) == 1 else CELL_SEPARATOR.join(fields).strip()
        lines.append((text, (*table[:1], r) if len(table) == 1 else table or None))
        lines.append(("", None))
    return lines


def read_docx(path: Path) -> Source:
    """Read a .docx file into lines (no page numbers: Word lays pages out at print time)."""
    return docx_source(open_docx(path), str(path))


def open_docx(path: Path):  # type: ignore[no-untyped-def]
    """The python-docx ``Document`` of a .docx file, after the zip is checked; an
    UnreadableInputError naming the file if it cannot be opened."""
    _check_zip(path)
    try:
        import docx

        return docx.Document(str(path))
    except Exception as exc:
        raise UnreadableInputError(str(path), f"tệp Word (.docx) hỏng hoặc không đúng định dạng ({type(exc).__name__})") from None


def docx_source(document, name: str) -> Source:  # type: ignore[no-untyped-def]
    """The lines of an opened ``Document``, each with its anchor."""
    try:
        lines = _block_lines(document.element.body, document)
    except Exception as exc:
        raise UnreadableInputError(name, f"tệp Word (.docx) hỏng hoặc không đúng định dạng ({type(exc).__name__})") from None
    return Source(name, "docx", [SourceLine(text, anchor=anchor) for text, anchor in lines])
