"""Apply the safe, mechanical fixes of a check to a copy of the document.

Only these kinds of :class:`~vbhc.check.finding.Fix` are applied: ``margins`` (mm, any
of top/bottom/left/right, every section), ``page_size`` (mm), ``font`` (the whole
document: defaults, styles and runs) and ``replace`` (``old`` → ``new`` in the paragraph,
cell paragraph or line the finding points at, keeping the runs' formatting). A fix that
cannot be applied where it points is skipped with a reason, never applied elsewhere.
The source is never written unless ``in_place``; every write is a temporary file and a
rename.
"""
from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..fileio import write_atomic
from ..vn.text import nfc
from .finding import Finding, Location

__all__ = ["FixResult", "apply_fixes"]

_TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}


@dataclass
class FixResult:
    """What was applied, and what was skipped with the reason why."""

    applied: list[Finding] = field(default_factory=list)
    skipped: list[tuple[Finding, str]] = field(default_factory=list)


def _replace_span(text: str, loc: Location, old: str, new: str) -> str | None:
    """``text`` with ``old`` replaced by ``new`` at the location's span (or, without a
    span, at its only occurrence); None when ``old`` is not where it should be."""
    if loc.start is not None and text[loc.start:loc.start + len(old)] == old:
        return text[:loc.start] + new + text[loc.start + len(old):]
    if loc.start is None and text.count(old) == 1:
        return text.replace(old, new)
    if loc.start is not None:  # the span counted NFC characters of a decomposed paragraph, or moved
        at = text.find(old, max(0, loc.start - 8))
        if at >= 0 and abs(at - loc.start) <= 8:
            return text[:at] + new + text[at + len(old):]
    return None


# ------------------------------------------------------------------ text files


def _fix_text(source: Path, findings: Sequence[Finding], result: FixResult) -> str:
    lines = source.read_text(encoding="utf-8-sig").split("\n")
    order = sorted(findings, key=lambda f: -(f.location.start or 0))
    for f in order:
        assert f.fix is not None
        loc = f.location
        if f.fix.kind != "replace":
            result.skipped.append((f, "tệp văn bản không có bố cục trang, phông chữ để sửa"))
            continue
        if loc.line is None or not 1 <= loc.line <= len(lines):
            result.skipped.append((f, "không xác định được dòng cần sửa"))
            continue
        line = nfc(lines[loc.line - 1])
        fixed = _replace_span(line, loc, f.fix.params["old"], f.fix.params["new"])
        if fixed is None:
            result.skipped.append((f, f"không thấy “{f.fix.params['old']}” ở {loc.where}"))
            continue
        lines[loc.line - 1] = fixed
        result.applied.append(f)
    return "\n".join(lines)


# ------------------------------------------------------------------ Word files


def _paragraph(document: Any, loc: Location) -> Any | None:
    """The python-docx paragraph a Word location names (1-based, as the reader counts)."""
    try:
        if loc.table is None:
            return document.paragraphs[loc.paragraph - 1] if loc.paragraph else None
        if loc.cell is None or loc.paragraph is None:
            return None
        from docx.table import _Cell

        tbl = document.tables[loc.table - 1]._tbl
        tc = tbl.tr_lst[loc.row - 1].tc_lst[loc.cell - 1]
        return _Cell(tc, document.tables[loc.table - 1]).paragraphs[loc.paragraph - 1]
    except (IndexError, TypeError):
        return None


def _replace_in_runs(paragraph: Any, loc: Location, old: str, new: str) -> bool:
    """Replace in the runs, keeping formatting: the first run the match touches gets the
    new text, the others lose their share of the old."""
    runs = paragraph.runs
    texts = [r.text for r in runs]
    whole = "".join(texts)
    fixed = _replace_span(whole, loc, old, new)
    if fixed is None:
        return False
    start = next(k for k in range(len(whole) + 1) if whole[:k] + new + whole[k + len(old):] == fixed)
    end = start + len(old)
    pos = 0
    placed = False
    for run, text in zip(runs, texts, strict=True):
        a, b = pos, pos + len(text)
        pos = b
        if b <= start or a >= end:
            continue
        head = text[: max(0, start - a)]
        tail = text[max(0, end - a):] if end < b else ""
        run.text = head + ("" if placed else new) + tail
        placed = True
    return placed


def _set_font(document: Any, name: str) -> None:
    from docx.oxml.ns import qn

    def fonts(rpr: Any) -> None:
        rfonts = rpr.find(qn("w:rFonts"))
        if rfonts is None:
            rfonts = rpr.makeelement(qn("w:rFonts"), {})
            rpr.insert(0, rfonts)
        for attr in ("ascii", "hAnsi", "cs", "eastAsia"):
            rfonts.set(qn(f"w:{attr}"), name)
        for attr in ("asciiTheme", "hAnsiTheme", "cstheme", "eastAsiaTheme"):
            rfonts.attrib.pop(qn(f"w:{attr}"), None)

    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is not None:
        rpr_default = defaults.find(qn("w:rPrDefault"))
        if rpr_default is not None:
            rpr = rpr_default.find(qn("w:rPr"))
            if rpr is None:
                rpr = rpr_default.makeelement(qn("w:rPr"), {})
                rpr_default.append(rpr)
            fonts(rpr)
    for style in styles.iter(qn("w:style")):
        rpr = style.find(qn("w:rPr"))
        if rpr is not None and rpr.find(qn("w:rFonts")) is not None:
            fonts(rpr)
    for part in [document.part, *(s.header.part for s in document.sections), *(s.footer.part for s in document.sections)]:
        for rpr in part.element.iter(qn("w:rPr")):
            if rpr.find(qn("w:rFonts")) is not None:
                fonts(rpr)


def _fix_docx(source: Path, findings: Sequence[Finding], result: FixResult) -> bytes:
    import docx
    from docx.shared import Mm

    document = docx.Document(str(source))
    replaces = sorted((f for f in findings if f.fix and f.fix.kind == "replace"), key=lambda f: -(f.location.start or 0))
    for f in findings:
        assert f.fix is not None
        kind, params = f.fix.kind, f.fix.params
        if kind == "margins":
            for section in document.sections:
                for side in ("top", "bottom", "left", "right"):
                    if side in params:
                        setattr(section, f"{side}_margin", Mm(params[side]))
            result.applied.append(f)
        elif kind == "page_size":
            for section in document.sections:
                section.page_width, section.page_height = Mm(params["width"]), Mm(params["height"])
            result.applied.append(f)
        elif kind == "font":
            _set_font(document, params["name"])
            result.applied.append(f)
        elif kind != "replace":
            result.skipped.append((f, f"không có cách sửa tự động loại “{kind}”"))
    for f in replaces:
        assert f.fix is not None
        paragraph = _paragraph(document, f.location)
        if paragraph is None:
            result.skipped.append((f, f"không tìm thấy đoạn {f.location.where}"))
        elif _replace_in_runs(paragraph, f.location, f.fix.params["old"], f.fix.params["new"]):
            result.applied.append(f)
        else:
            result.skipped.append((f, f"không thấy “{f.fix.params['old']}” ở {f.location.where}"))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def apply_fixes(source: Path, findings: Sequence[Finding], target: Path, *, in_place: bool = False) -> FixResult:
    """Write ``target``: ``source`` with the safe fixes of ``findings`` applied.

    ``target`` must differ from ``source`` unless ``in_place``. Findings without a fix are
    ignored. A PDF or a scan cannot be fixed: every fix is skipped with the reason.
    """
    source, target = Path(source), Path(target)
    if not in_place and target.resolve() == source.resolve():
        raise ValueError(f"{source}: không ghi đè tệp gốc; dùng in_place=True (--in-place) nếu thật sự muốn")
    fixable = [f for f in findings if f.fix is not None]
    result = FixResult()
    suffix = source.suffix.lower()
    if suffix == ".docx":
        data: str | bytes = _fix_docx(source, fixable, result)
    elif suffix in _TEXT_SUFFIXES:
        data = _fix_text(source, fixable, result)
    else:
        result.skipped.extend((f, f"không tự sửa được tệp {suffix or 'này'}; chỉ sửa .docx, .txt, .md") for f in fixable)
        return result
    if result.applied:
        write_atomic(target, data)
    return result
