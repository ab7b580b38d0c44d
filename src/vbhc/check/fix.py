"""Apply the safe, mechanical fixes of findings to a copy of a document.

Only these kinds are applied (any other is skipped, with the reason):

* ``("margins", {"top"|"bottom"|"left"|"right": mm, …})`` — every section of a Word file;
* ``("page_size", {"width": mm, "height": mm})`` — every section (A4 is 210 × 297 mm);
* ``("font", {"name": "Times New Roman"})`` — the document defaults, every style that names
  a font and every run that does (ascii, hAnsi, cs, eastAsia; theme fonts that would win
  over them are dropped);
* ``("replace", {"old": s, "new": s})`` — in the paragraph or table cell paragraph (Word)
  or the line (text file) of the finding's location, at its span. The new text takes the
  formatting of the run where the old text began; when the old text runs over several
  runs, the first is edited and the others trimmed. Text that is not where the finding
  says is never replaced elsewhere: the fix is skipped.

Word files are edited with python-docx; text files (.txt, .md) line by line, in the
encoding they were written in (line ends and BOM kept). PDFs, scans and other kinds get
every fix skipped. Findings without a fix are ignored. The result goes to ``target``
through a temporary file and a rename, and only when something was fixed; ``target`` may
be the source only with ``in_place=True``.
"""
from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from ..fileio import write_atomic
from .finding import Finding, Location

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

__all__ = ["SAFE_KINDS", "FixResult", "apply_fixes"]

#: The kinds of fix applied; others are skipped.
SAFE_KINDS = ("margins", "page_size", "font", "replace")
_TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
_SIDES = ("top", "bottom", "left", "right")
_ATOMS = "w:br | w:cr | w:noBreakHyphen | w:ptab | w:t | w:tab"
_THEME_ATTRS = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")
_FONT_ATTRS = ("ascii", "hAnsi", "cs", "eastAsia")


@dataclass
class FixResult:
    """What :func:`apply_fixes` did: the findings fixed, those skipped with the reason
    (Vietnamese), and the file written (None when nothing was fixed)."""

    applied: list[Finding] = field(default_factory=list)
    skipped: list[tuple[Finding, str]] = field(default_factory=list)
    written: Path | None = None


# ------------------------------------------------------------------ Word: locations (shared with annotate.py)


def _q(tag: str) -> str:
    from docx.oxml.ns import qn

    return qn(tag)


def _wrap(p: Any, document: DocxDocument) -> Any:
    from docx.text.paragraph import Paragraph

    return Paragraph(p, document._body)


def _nth(items: Sequence[Any], k: int) -> Any | None:
    """The ``k``-th item (1-based), None when there is no such item."""
    return items[k - 1] if 1 <= k <= len(items) else None


def paragraphs_at(document: DocxDocument, loc: Location) -> list[Any] | None:
    """The python-docx paragraphs a location names, in document order: one for a
    paragraph, every paragraph of a cell or of a row (nested tables included); None for
    the whole document; [] when the place does not exist (or is a text line)."""
    try:
        if loc.table is not None:
            table = _nth(document.tables, loc.table)
            node = table._tbl if table is not None else None
            # table → row (w:tr) → cell (w:tc) → paragraph: stop where the location stops
            for children, k in (("tr_lst", loc.row), ("tc_lst", loc.cell), ("p_lst", loc.paragraph)):
                if node is None:
                    return []
                if k is None:
                    return [_wrap(p, document) for p in node.iter(_q("w:p"))]
                node = _nth(getattr(node, children), k)
            return [_wrap(node, document)] if node is not None else []
        if loc.paragraph is not None:
            node = _nth(document.element.body.p_lst, loc.paragraph)
            return [_wrap(node, document)] if node is not None else []
    except (AttributeError, IndexError):  # a malformed table: nothing to point at
        return []
    if loc.line is not None or loc.page is not None:
        return []
    return None


def is_single_paragraph(loc: Location) -> bool:
    """True when a location names one paragraph, so that its span counts in that paragraph."""
    return loc.paragraph is not None and (loc.table is None or (loc.row is not None and loc.cell is not None))


@dataclass
class Atom:
    """One piece of a paragraph's text: a ``w:t``, or a tab, a break … of a run."""

    element: Any
    run: Any
    start: int
    text: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def is_text(self) -> bool:
        return bool(self.element.tag == _q("w:t"))


def atoms_of(p: Any) -> list[Atom]:
    """The text pieces of a ``w:p``, at their offsets in python-docx's ``Paragraph.text``."""
    out: list[Atom] = []
    at = 0
    for r in p.xpath("w:r | w:hyperlink/w:r"):
        for e in r.xpath(_ATOMS):
            text = str(e)
            out.append(Atom(e, r, at, text))
            at += len(text)
    return out


def _segments(text: str) -> list[tuple[int, str]]:
    """The pieces of a paragraph's text between line breaks (the reader's lines, in which
    spans count), with their offsets."""
    out: list[tuple[int, str]] = []
    at = 0
    for piece in text.split("\n"):
        out.append((at, piece))
        at += len(piece) + 1
    return out


def _collapsed(text: str) -> str:
    return " ".join(text.split())


def resolve_span(text: str, loc: Location) -> tuple[int, int] | None:
    """The span of ``loc`` as offsets in the paragraph's whole ``text``; None without a
    span or when it does not fit."""
    if loc.start is None:
        return None
    start, end = loc.start, loc.end if loc.end is not None else loc.start
    excerpt = (loc.text or "").rstrip("…").strip()
    fitting = [(off, seg) for off, seg in _segments(text) if start < len(seg)]
    if not fitting:
        return None
    if excerpt:
        for off, seg in fitting:
            if _collapsed(seg[start:end]).startswith(_collapsed(excerpt)):
                return off + start, off + min(end, len(seg))
    off, seg = fitting[0]
    return off + start, off + min(end, len(seg))


def find_old(text: str, old: str, loc: Location) -> int | None:
    """Where ``old`` is in ``text`` at the finding's span: exactly at its start, else
    overlapping it (nearest first); the first occurrence when the location has no span.
    None when it is not there."""
    if not old:
        return None
    found: list[int] = []
    at = text.find(old)
    while at >= 0:
        found.append(at)
        at = text.find(old, at + 1)
    if not found:
        return None
    if loc.start is None:
        return found[0]
    start, end = loc.start, max(loc.end if loc.end is not None else loc.start, loc.start + 1)
    windows = [(off + start, off + end) for off, _ in _segments(text)]
    for a, _ in windows:
        if a in found:
            return a
    near = [(abs(pos - a), pos) for pos in found for a, b in windows if pos < b and pos + len(old) > a]
    return min(near)[1] if near else None


def _preserve(t: Any) -> None:
    t.set(_q("xml:space"), "preserve")


def replace_in_paragraph(p: Any, pos: int, old: str, new: str) -> str | None:
    """Replace ``old`` at ``pos`` of the ``w:p`` ``p`` by ``new``, keeping the runs'
    formatting; the reason when it cannot be done, None when done."""
    atoms = atoms_of(p)
    text = "".join(a.text for a in atoms)
    end = pos + len(old)
    touched = [a for a in atoms if a.text and a.start < end and a.end > pos]
    if text[pos:end] != old or not touched:
        return f"không thấy «{old}» ở chỗ cần sửa"
    if not all(a.is_text for a in touched):
        return "chỗ cần sửa có dấu tab hoặc ngắt dòng; không tự sửa"
    first, last = touched[0], touched[-1]
    head = first.text[: pos - first.start]
    if first is last:
        first.element.text = head + new + first.text[end - first.start:]
        _preserve(first.element)
        return None
    first.element.text = head + new
    _preserve(first.element)
    for a in touched[1:-1]:
        a.element.getparent().remove(a.element)
    rest = last.text[end - last.start:]
    if rest:
        last.element.text = rest
        _preserve(last.element)
    else:
        last.element.getparent().remove(last.element)
    return None


# ------------------------------------------------------------------ Word: the fixes


def _mm(value: Any) -> float | None:
    try:
        v = float(value)
    except (TypeError, ValueError):
        return None
    return v if math.isfinite(v) and 0 <= v <= 1000 else None


def _fix_margins(document: DocxDocument, params: dict[str, Any]) -> str | None:
    from docx.shared import Mm

    sides = {k: _mm(params[k]) for k in _SIDES if k in params}
    if not sides or any(v is None for v in sides.values()):
        return f"tham số lề không hợp lệ: {params!r}"
    for section in document.sections:
        for side, mm in sides.items():
            setattr(section, f"{side}_margin", Mm(mm))
    return None


def _fix_page_size(document: DocxDocument, params: dict[str, Any]) -> str | None:
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    width, height = _mm(params.get("width")), _mm(params.get("height"))
    if not width or not height:
        return f"tham số khổ giấy không hợp lệ: {params!r}"
    for section in document.sections:
        section.page_width, section.page_height = Mm(width), Mm(height)
        section.orientation = WD_ORIENT.PORTRAIT if width <= height else WD_ORIENT.LANDSCAPE
    return None


def _set_fonts(r_fonts: Any, name: str) -> None:
    for attr in _THEME_ATTRS:
        r_fonts.attrib.pop(_q(f"w:{attr}"), None)
    for attr in _FONT_ATTRS:
        r_fonts.set(_q(f"w:{attr}"), name)


def _child(parent: Any, tag: str) -> Any:
    from docx.oxml import OxmlElement

    node = parent.find(_q(tag))
    if node is None:
        node = OxmlElement(tag)
        parent.insert(0, node)
    return node


def _fix_font(document: DocxDocument, params: dict[str, Any]) -> str | None:
    name = params.get("name")
    if not isinstance(name, str) or not name.strip():
        return f"chỉ sửa được tên phông; tham số {params!r}"
    name = name.strip()
    styles = document.styles.element
    r_pr = _child(_child(_child(styles, "w:docDefaults"), "w:rPrDefault"), "w:rPr")
    if r_pr.find(_q("w:rFonts")) is None:
        from docx.oxml import OxmlElement

        r_style = r_pr.find(_q("w:rStyle"))
        r_fonts = OxmlElement("w:rFonts")
        if r_style is not None:
            r_style.addnext(r_fonts)
        else:
            r_pr.insert(0, r_fonts)
    for node in styles.iter(_q("w:rFonts")):
        _set_fonts(node, name)
    for part in document.part.package.iter_parts():
        partname = str(part.partname)
        if partname == "/word/document.xml" or partname.startswith(("/word/header", "/word/footer", "/word/footnotes", "/word/endnotes")):
            element = getattr(part, "element", None)
            if element is not None:
                for node in element.iter(_q("w:rFonts")):
                    _set_fonts(node, name)
    return None


_DOCUMENT_FIXES = {"margins": _fix_margins, "page_size": _fix_page_size, "font": _fix_font}


def _apply_edits(edits: list[tuple[int, str, str, Finding]], apply: Any, result: FixResult, what: str) -> bool:
    """Apply the edits of one paragraph or line from its end backwards; True if any was."""
    edits.sort(key=lambda e: (-e[0], e[3].rule_id))
    done: list[tuple[int, int, str, str]] = []
    changed = False
    for pos, old, new, f in edits:
        if any((pos, old, new) == (d[0], d[2], d[3]) for d in done):
            result.applied.append(f)   # the same edit, asked twice
            continue
        if any(pos < d[1] and pos + len(old) > d[0] for d in done):
            result.skipped.append((f, f"chồng lên một chỗ sửa khác trong cùng {what}"))
            continue
        reason = apply(pos, old, new)
        if reason:
            result.skipped.append((f, reason))
            continue
        done.append((pos, pos + len(old), old, new))
        result.applied.append(f)
        changed = True
    return changed


def _old_new(f: Finding) -> tuple[str, str] | None:
    params = f.fix.params if f.fix else {}
    old, new = params.get("old"), params.get("new")
    return (old, new) if isinstance(old, str) and isinstance(new, str) and old else None


def _fix_docx(source: Path, findings: Sequence[Finding], result: FixResult) -> bytes | None:
    from ..readers.docx import open_docx

    try:
        document = open_docx(source)
    except InputError as exc:
        result.skipped.extend((f, f"không mở được tệp Word: {exc.reason}") for f in findings)
        return None
    planned: dict[int, tuple[Any, list[tuple[int, str, str, Finding]]]] = {}
    for f in findings:
        assert f.fix is not None
        if f.fix.kind != "replace":
            reason = _DOCUMENT_FIXES[f.fix.kind](document, dict(f.fix.params))
            if reason:
                result.skipped.append((f, reason))
            else:
                result.applied.append(f)
            continue
        pair = _old_new(f)
        if pair is None:
            result.skipped.append((f, "thiếu chữ cần thay (old) hoặc chữ thay vào (new)"))
            continue
        old, new = pair
        paragraphs = paragraphs_at(document, f.location)
        if not paragraphs:
            result.skipped.append((f, f"không tìm thấy {f.location.where} trong tệp" if paragraphs == [] else "không rõ chỗ cần sửa (cả văn bản)"))
            continue
        single = is_single_paragraph(f.location)
        hits = [(par, pos) for par in paragraphs
                if (pos := find_old(par.text, old, f.location if single else Location(f.location.where))) is not None]
        if len(hits) != 1:
            why = f"không thấy «{old}» ở {f.location.where}" if not hits else f"«{old}» có ở nhiều đoạn của {f.location.where}; không rõ sửa chỗ nào"
            result.skipped.append((f, why))
            continue
        par, pos = hits[0]
        planned.setdefault(id(par._p), (par._p, []))[1].append((pos, old, new, f))
    for p, edits in planned.values():
        _apply_edits(edits, lambda pos, old, new, p=p: replace_in_paragraph(p, pos, old, new), result, "đoạn")
    if not result.applied:
        return None
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# ------------------------------------------------------------------ text files


def _fix_text(source: Path, findings: Sequence[Finding], result: FixResult) -> bytes | None:
    from ..pipeline.read import read_text_file

    try:
        text, encoding = read_text_file(source)
    except InputError as exc:
        result.skipped.extend((f, f"không đọc được tệp: {exc.reason}") for f in findings)
        return None
    lines = text.split("\n")   # as the reader numbers them; "\r" stays at the end of a line
    planned: dict[int, list[tuple[int, str, str, Finding]]] = {}
    for f in findings:
        assert f.fix is not None
        if f.fix.kind != "replace":
            result.skipped.append((f, "tệp văn bản không có lề, khổ giấy hay phông chữ để sửa"))
            continue
        pair = _old_new(f)
        if pair is None:
            result.skipped.append((f, "thiếu chữ cần thay (old) hoặc chữ thay vào (new)"))
            continue
        old, new = pair
        n = f.location.line
        if n is None or f.location.page is not None or not 1 <= n <= len(lines):
            result.skipped.append((f, f"không tìm thấy {f.location.where} trong tệp"))
            continue
        pos = find_old(lines[n - 1], old, f.location)
        if pos is None:
            result.skipped.append((f, f"không thấy «{old}» ở {f.location.where}"))
            continue
        planned.setdefault(n, []).append((pos, old, new, f))
    changed = False
    for n, edits in planned.items():
        def edit(pos: int, old: str, new: str, n: int = n) -> None:
            lines[n - 1] = lines[n - 1][:pos] + new + lines[n - 1][pos + len(old):]

        changed |= _apply_edits(edits, edit, result, "dòng")
    if not changed:
        return None
    fixed = "\n".join(lines)
    try:
        if encoding == "utf-8-sig":
            return b"\xef\xbb\xbf" + fixed.encode("utf-8")
        return fixed.encode(encoding)
    except UnicodeEncodeError:
        reason = f"chữ thay vào không ghi được theo bảng mã {encoding} của tệp"
        result.skipped.extend((f, reason) for f in result.applied)
        result.applied.clear()
        return None


# ------------------------------------------------------------------


def _same_file(a: Path, b: Path) -> bool:
    try:
        if a.exists() and b.exists():
            return a.samefile(b)
    except OSError:
        pass
    return a.resolve() == b.resolve()


def _kind(source: Path) -> str:
    from ..readers.sniff import sniff

    try:
        kind = sniff(source)
    except OSError:
        return "missing"
    if kind == "text" and source.suffix.lower() in _TEXT_SUFFIXES:
        return "text"
    return kind


def apply_fixes(source: Path, findings: Sequence[Finding], target: Path, *, in_place: bool = False) -> FixResult:
    """Apply the safe fixes of ``findings`` to ``source`` and write the result to ``target``.

    Findings without a fix are ignored; a kind not in :data:`SAFE_KINDS`, a fix that is
    not where its finding points, and every fix of a file that is neither Word (.docx)
    nor text (.txt, .md) are skipped with the reason. ``target`` is written (atomically)
    only when at least one fix was applied. ``target`` being ``source`` is a ValueError
    unless ``in_place``.
    """
    source, target = Path(source), Path(target)
    if not in_place and _same_file(source, target):
        raise ValueError(f"{source}: không ghi đè tệp gốc; dùng in_place=True (--in-place) nếu thật sự muốn")
    result = FixResult()
    todo: list[Finding] = []
    for f in findings:
        if f.fix is None:
            continue
        if f.fix.kind not in SAFE_KINDS:
            result.skipped.append((f, f"không tự sửa loại «{f.fix.kind}» (chỉ sửa lề, khổ giấy, phông chữ, thay chữ)"))
        else:
            todo.append(f)
    if not todo:
        return result
    kind = _kind(source)
    if kind == "docx":
        data = _fix_docx(source, todo, result)
    elif kind == "text":
        data = _fix_text(source, todo, result)
    else:
        reason = "không tìm thấy tệp" if kind == "missing" else f"không tự sửa được tệp {source.suffix or 'này'}; chỉ sửa .docx, .txt, .md"
        result.skipped.extend((f, reason) for f in todo)
        data = None
    if data is not None:
        write_atomic(target, data)
        result.written = target
    return result
