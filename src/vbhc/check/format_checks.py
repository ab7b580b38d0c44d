"""Format checks for Word (.docx) files: Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I.

Each check takes a :class:`~.document.CheckedDocument` whose ``docx`` is a
:class:`~.docx_model.DocxModel` and yields findings of the rules in
``data/rules_format.toml``; the figures (margins in mm, sizes in pt, indents in cm) are
``data/layout.toml`` ``[check.*]``, the same file the generator builds its templates from.

Roles are found by their text, with the vocabulary of ``data/header.toml``,
``signing.toml`` and ``doc_types.toml`` and the fields the parser read (``doc.plan``),
never by style names, so a document written by hand is judged as one vbhc generated.
A problem that repeats over paragraphs of one role is one finding at the first of them,
its message counting the others, so a clerk is not flooded.
"""
from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache
from itertools import pairwise
from typing import Any

from ..vn.text import fold
from ..vocab import doc_types, load
from .document import CheckedDocument
from .docx_model import DocxModel, Paragraph, Run, Table
from .finding import Finding
from .rules import finding, rule

__all__ = ["CHECKS"]


@cache
def _cfg() -> dict[str, Any]:
    return load("layout")["check"]


def _g(x: float) -> str:
    """A number as a clerk writes it: no trailing zeros (``12``, ``12.5``)."""
    return f"{round(x, 2):g}"


def _vi(x: float) -> str:
    """A number with a decimal comma (``1,27``)."""
    return _g(x).replace(".", ",")


def _more(count: int, what: str = "đoạn", what_en: str = "paragraphs") -> dict[str, str]:
    if count <= 1:
        return {"more": "", "more_en": ""}
    return {"more": f" (cùng lỗi ở {count - 1} {what} khác)", "more_en": f" (and {count - 1} more {what_en})"}


_PROBLEMS = {
    "not_bold": ("không đậm", "not bold"),
    "bold": ("đang in đậm", "bold"),
    "not_upper": ("không in hoa", "not upper case"),
    "italic": ("đang in nghiêng", "italic"),
    "not_italic": ("không in nghiêng", "not italic"),
    "not_center": ("không canh giữa", "not centred"),
}


def _problems(p: Paragraph, *, bold: bool | None = None, upper: bool = False, upright: bool = True,
              center: bool = False) -> list[str]:
    out = []
    if bold is True and not p.bold:
        out.append("not_bold")
    if bold is False and any(r.bold for r in p.text_runs):
        out.append("bold")
    if upper and not p.upper:
        out.append("not_upper")
    if upright and any(r.italic for r in p.text_runs):
        out.append("italic")
    if center and p.alignment != "center":
        out.append("not_center")
    return out


def _style_finding(rule_id: str, paragraphs: Iterable[Paragraph], **want: Any) -> Iterator[Finding]:
    """One finding of ``rule_id`` at the first paragraph with a problem, naming every problem."""
    first: Paragraph | None = None
    kinds: list[str] = []
    for p in paragraphs:
        found = _problems(p, **want)
        if found and first is None:
            first = p
        kinds.extend(k for k in found if k not in kinds)
    if first is not None:
        yield finding(rule_id, first.location, problem=", ".join(_PROBLEMS[k][0] for k in kinds),
                      problem_en=", ".join(_PROBLEMS[k][1] for k in kinds))


def _size_finding(role: str, paragraphs: Iterable[Paragraph]) -> Iterator[Finding]:
    """One ``nd30.co-chu.<role>`` finding when a run of these paragraphs has a size out of range."""
    spec = _cfg()["sizes"][role]
    low, high = spec["range"]
    tol = _cfg()["sizes"]["tolerance"]
    bad = [(p, s) for p in paragraphs for s in sorted(p.sizes) if not low - tol <= s <= high + tol]
    if not bad:
        return
    first, size = bad[0]
    count = len({id(p) for p, _ in bad})
    expected = _g(low) if low == high else f"{_g(low)}–{_g(high)}"
    yield finding(f"nd30.co-chu.{role}", first.location, size=_vi(size), expected=expected, **_more(count))


_DASHES = ("-", "–", "—", "+", "•")


def _letters(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(text))


def _container(p: Paragraph) -> tuple[int, ...]:
    return p.anchor[:-1] if len(p.anchor) in (1, 4) else p.anchor


def _lines(p: Paragraph) -> list[Paragraph]:
    """The paragraph, or one view per line when it holds line breaks (Shift+Enter): each
    with that line's text and runs, located by its span in the paragraph."""
    if "\n" not in p.text:
        return [p]
    out: list[Paragraph] = []
    start = 0
    runs: list[Run] = []
    pieces: list[str] = []

    def close(end: int) -> None:
        line = "".join(pieces)
        loc = p.location.with_span(start, end, line.strip()[:80])
        out.append(replace(p, text=line, runs=tuple(runs), location=loc))

    at = 0
    for run in p.runs:
        parts = run.text.split("\n")
        for k, part in enumerate(parts):
            if k:
                close(at)
                at += 1
                start, runs, pieces = at, [], []
            if part:
                runs.append(replace(run, text=part))
                pieces.append(part)
                at += len(part)
    close(at)
    return out


# ------------------------------------------------------------------ the roles, found once


@dataclass
class _Roles:
    """Where each component of the document is, found by its text."""

    quoc_hieu: list[Paragraph] = field(default_factory=list)
    tieu_ngu: Paragraph | None = None
    line_under_motto: bool = False
    chu_quan: list[Paragraph] = field(default_factory=list)
    co_quan: list[Paragraph] = field(default_factory=list)
    so: Paragraph | None = None
    ngay: Paragraph | None = None
    ten_loai: Paragraph | None = None
    trich_yeu: list[Paragraph] = field(default_factory=list)
    body: list[list[Paragraph]] = field(default_factory=list)   # runs of consecutive body paragraphs
    signature: list[list[Paragraph]] = field(default_factory=list)   # one list per signer's column
    noi_nhan: Paragraph | None = None
    noi_nhan_entries: list[Paragraph] = field(default_factory=list)


def _is_rule_line(p: Paragraph) -> bool:
    return not p.text.strip() and (p.border_bottom or p.border_top or p.has_drawing)


def _header_roles(doc: CheckedDocument, model: DocxModel, roles: _Roles) -> None:
    header = load("header")
    qh, qh_head, qh_tail = header["quoc_hieu"], header["quoc_hieu_head"], header["quoc_hieu_tail"]
    table = model.table(model.header_table)
    if table is not None:
        zone = [line for p in table.paragraphs for line in _lines(p)]
    else:  # no header table: the body paragraphs before the first table or the tên loại
        names = _type_names(doc)
        zone = []
        for block in model.body[:20]:
            if isinstance(block, Table) or block.folded in names:
                break
            zone.extend(_lines(block))
    motto = _letters(header["tieu_ngu"])
    for k, p in enumerate(zone):
        f = p.folded
        if not roles.quoc_hieu and (qh in f or f.startswith(qh_head)):
            roles.quoc_hieu.append(p)
            nxt = next((q for q in zone[k + 1:] if q.text.strip()), None)
            if nxt is not None and not f.endswith(qh_tail) and nxt.folded == qh_tail:
                roles.quoc_hieu.append(nxt)
        elif roles.tieu_ngu is None and f and _letters(p.text) == motto:
            roles.tieu_ngu = p
            after = zone[k + 1] if k + 1 < len(zone) and _container(zone[k + 1]) == _container(p) else None
            roles.line_under_motto = (
                p.border_bottom or p.has_drawing or any(r.underline for r in p.text_runs)
                or (after is not None and (after.border_top or after.border_bottom or after.has_drawing))
                or any(q.has_drawing for q in zone if _container(q) == _container(p))
            )
    so = re.compile(rf"^{re.escape(header['so_label'])}\s*:")
    words = header["date_words"]
    date = re.compile(rf"\b{words['day']}\b.*\b{words['month']}\b.*\b{words['year']}\b")
    for p in zone:
        f = p.folded
        if roles.so is None and so.match(f):
            roles.so = p
        elif roles.ngay is None and date.search(f):
            roles.ngay = p
    if table is not None and roles.quoc_hieu:
        _issuer_roles(doc, table, roles)


def _issuer_roles(doc: CheckedDocument, table: Table, roles: _Roles) -> None:
    """The cơ quan chủ quản and ban hành lines: the other cell of the Quốc hiệu's row."""
    header = load("header")
    _, r, c = roles.quoc_hieu[0].anchor[:3]
    row = table.rows[r - 1]
    markings = set(header["markings"])
    so = re.compile(rf"^{re.escape(header['so_label'])}\s*:")
    lines: list[Paragraph] = []
    for k, cell in enumerate(row, 1):
        if k == c:
            continue
        for p in (line for q in cell for line in _lines(q)):
            if _is_rule_line(p) or so.match(p.folded):
                break
            if p.text.strip() and p.folded.rstrip(".:") not in markings:
                lines.append(p)
        if lines:
            break
    parent = " ".join(fold(doc.plan.parent_issuer or "").split())
    taken = ""
    k = 0
    while parent and k < len(lines):
        joined = f"{taken} {lines[k].folded}".strip()
        if not parent.startswith(joined):
            break
        taken = joined
        k += 1
    if taken != parent or k == len(lines):
        k = 0  # the printed lines do not spell the parent body: all of them are the issuer's
    roles.chu_quan, roles.co_quan = lines[:k], lines[k:]


def _type_names(doc: CheckedDocument) -> set[str]:
    """The printed names of the document types, folded, and the one the parser read."""
    names = {t.folded for t in doc_types()}
    if doc.plan.doc_type_label:
        names.add(" ".join(fold(doc.plan.doc_type_label).split()))
    return names


def _title_roles(doc: CheckedDocument, model: DocxModel, roles: _Roles) -> int:
    """The tên loại and trích yếu among the body paragraphs; the index in ``model.body``
    where the nội dung begins."""
    names = _type_names(doc)
    start = 0
    if model.header_table is not None:
        start = next(k for k, b in enumerate(model.body) if isinstance(b, Table) and b.index == model.header_table) + 1
    else:  # a header written as paragraphs: the nội dung starts after its last line
        header = {id(p) for p in (*roles.quoc_hieu, roles.tieu_ngu, roles.so, roles.ngay) if p is not None}
        start = max((k + 1 for k, b in enumerate(model.body) if id(b) in header), default=0)
    seen = 0
    for k in range(start, len(model.body)):
        block = model.body[k]
        if isinstance(block, Table) or seen > 8:
            break
        if not block.text.strip():
            continue
        seen += 1
        if block.folded in names:
            roles.ten_loai = block
            start = k + 1
            break
    if roles.ten_loai is None:
        return start
    title = " ".join(fold(doc.plan.title or "").split())
    k = start
    while k < len(model.body) and len(roles.trich_yeu) < 4:
        block = model.body[k]
        if isinstance(block, Table) or _is_rule_line(block) or (not block.text.strip() and roles.trich_yeu):
            break
        k += 1
        if not block.text.strip():
            continue
        if roles.trich_yeu and (not title or block.folded not in title):
            k -= 1
            break
        roles.trich_yeu.append(block)
    while k < len(model.body) and isinstance(model.body[k], Paragraph) and _is_rule_line(model.body[k]):  # type: ignore[arg-type]
        k += 1
    return k


def _signer_tables(doc: CheckedDocument, model: DocxModel) -> set[int]:
    """The tables that hold a signature: the one with "Nơi nhận", and any holding the signer."""
    out = {model.signature_table} if model.signature_table else set()
    name = " ".join(fold(doc.plan.signer.name or "").split())
    if name:
        for t in model.tables:
            if any(p.folded == name for p in t.paragraphs):
                out.add(t.index)
    return out


def _body_and_signature(doc: CheckedDocument, model: DocxModel, roles: _Roles, start: int) -> None:
    signing = load("signing")
    label, kinh_gui = signing["labels"]["noi_nhan"], signing["labels"]["kinh_gui"]
    sign_tables = _signer_tables(doc, model)
    block_lines = {" ".join(fold(x).split()) for x in doc.plan.signer.block}
    current: list[Paragraph] = []
    in_kinh_gui = False
    for block in model.body[start:]:
        if isinstance(block, Table):
            if current:
                roles.body.append(current)
                current = []
            if block.index in sign_tables:
                break
            continue
        f = block.folded
        if f.startswith(label) or (block_lines and f in block_lines and block.alignment != "justify"):
            break
        if f.startswith(kinh_gui):
            in_kinh_gui = True
            continue
        if in_kinh_gui and block.text.lstrip().startswith(_DASHES):
            continue
        in_kinh_gui = False
        if block.text.strip():
            current.append(block)
    if current:
        roles.body.append(current)
    # the signature: the signer tables' cells that are not the Nơi nhận cell
    for t in sorted(sign_tables):
        table = model.table(t)
        for row in table.rows if table else ():
            for cell in row:
                lines = [line for p in cell for line in _lines(p) if line.text.strip()]
                if lines and not any(p.folded.startswith(label) for p in lines):
                    roles.signature.append(lines)
    if not roles.signature and block_lines:
        lines = [line for p in model.paragraphs if len(p.anchor) == 1 for line in _lines(p) if line.folded in block_lines]
        if lines:
            roles.signature.append(lines)
    # Nơi nhận and its entries, in the same container
    views = [line for p in model.paragraphs for line in _lines(p)]
    for k, p in enumerate(views):
        f = p.folded
        if f.startswith(label) and len(f) <= len(label) + 2:
            roles.noi_nhan = p
            for q in views[k + 1:]:
                if _container(q) != _container(p) or (not q.text.strip() and roles.noi_nhan_entries):
                    break
                if q.text.strip():
                    if not q.text.lstrip().startswith(_DASHES):  # the entries are "- …" lines
                        break
                    roles.noi_nhan_entries.append(q)
            break


def _roles(doc: CheckedDocument) -> _Roles:
    model = doc.docx
    assert model is not None
    cached = getattr(doc, "_format_roles", None)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    roles = _Roles()
    _header_roles(doc, model, roles)
    start = _title_roles(doc, model, roles)
    _body_and_signature(doc, model, roles, start)
    doc._format_roles = roles  # type: ignore[attr-defined]
    return roles


# ------------------------------------------------------------------ checks


def check_page(doc: CheckedDocument) -> Iterator[Finding]:
    """Paper size (A4, either orientation) and margins, per section."""
    assert doc.docx is not None
    page = _cfg()["page"]
    tol, size_tol = page["tolerance"], page["size_tolerance"]
    for sec in doc.docx.sections:
        if sec.width is not None and sec.height is not None:
            dims = sorted((sec.width, sec.height))
            if abs(dims[0] - page["width"]) > size_tol or abs(dims[1] - page["height"]) > size_tol:
                yield finding("nd30.trang.kho-giay", sec.location, fix=("page_size", {"width": page["width"], "height": page["height"]}),
                              width=_vi(sec.width), height=_vi(sec.height))
        for side, rid in (("top", "le-tren"), ("bottom", "le-duoi"), ("left", "le-trai"), ("right", "le-phai")):
            value = getattr(sec, side)
            low, high = page[side]
            if value is None or low - tol <= value <= high + tol:
                continue
            bound = low if value < low else high
            yield finding(f"nd30.trang.{rid}", sec.location, fix=("margins", {side: bound}),
                          value=_vi(round(value, 1)), low=_g(low), high=_g(high))


def check_page_numbers(doc: CheckedDocument) -> Iterator[Finding]:
    """A page number from page 2 on, in the header; none on page 1."""
    model = doc.docx
    assert model is not None
    if not model.sections:
        return
    first = model.sections[0]
    where = first.location
    if first.first_page_number:
        yield finding("nd30.so-trang.trang-dau", where)
    in_header = any(s.header_page_number for s in model.sections)
    in_footer = any(s.footer_page_number for s in model.sections)
    if in_footer and not in_header:
        yield finding("nd30.so-trang.vi-tri", where)
    if not in_header and not in_footer:
        spec = _cfg()["page_number"]
        lines = sum(max(1, math.ceil(len(p.text) / spec["chars_per_line"])) for p in model.paragraphs if p.text.strip())
        if lines > spec["lines_per_page"]:
            yield finding("nd30.so-trang.thieu", where, lines=lines)


def check_font(doc: CheckedDocument) -> Iterator[Finding]:
    """Times New Roman everywhere, as Word resolves it through the styles."""
    assert doc.docx is not None
    want = _cfg()["font"]["name"].casefold()
    bad: list[Paragraph] = []
    names: list[str] = []
    for p in doc.docx.paragraphs:
        wrong = {f for r in p.text_runs for f in r.fonts if f.casefold() != want}
        if wrong:
            bad.append(p)
            names.extend(n for n in sorted(wrong) if n not in names)
    if bad:
        yield finding("nd30.phong.ten", bad[0].location, fix=("font", {"name": _cfg()["font"]["name"]}),
                      font=", ".join(names[:3]), **_more(len(bad)))


def check_header(doc: CheckedDocument) -> Iterator[Finding]:
    """Quốc hiệu, Tiêu ngữ (wording, weight, the line under it), cơ quan chủ quản and ban
    hành, Số and the place-date line."""
    roles = _roles(doc)
    if roles.quoc_hieu:
        yield from _style_finding("nd30.quoc-hieu.kieu", roles.quoc_hieu, bold=True, upper=True)
        yield from _size_finding("quoc-hieu", roles.quoc_hieu)
    if roles.tieu_ngu is not None:
        p = roles.tieu_ngu
        yield from _motto_wording(p)
        yield from _style_finding("nd30.tieu-ngu.kieu", [p], bold=True)
        yield from _size_finding("tieu-ngu", [p])
        if not roles.line_under_motto:
            yield finding("nd30.tieu-ngu.gach-duoi", p.location)
    if roles.chu_quan:
        yield from _style_finding("nd30.chu-quan.kieu", roles.chu_quan, bold=False, upper=True)
        yield from _size_finding("chu-quan", roles.chu_quan)
    if roles.co_quan:
        yield from _style_finding("nd30.co-quan.kieu", roles.co_quan, bold=True, upper=True)
        yield from _size_finding("co-quan", roles.co_quan)
    if roles.so is not None:
        yield from _size_finding("so", [roles.so])
    if roles.ngay is not None:
        if not roles.ngay.italic:
            yield finding("nd30.ngay-thang.nghieng", roles.ngay.location)
        yield from _size_finding("ngay-thang", [roles.ngay])


def _motto_wording(p: Paragraph) -> Iterator[Finding]:
    params = rule("nd30.tieu-ngu.chu").params
    expected, dashes = params["expected"], params["dashes"]
    phrases = [re.escape(x) for x in expected.split(" - ")]
    ok = re.compile(r"\s*" + rf" [{re.escape(dashes)}] ".join(phrases) + r"\s*")
    if ok.fullmatch(p.text):
        return
    found = p.text.strip()
    at = p.text.find(found) + (p.location.start or 0)  # a line view's span starts inside its paragraph
    yield finding("nd30.tieu-ngu.chu", p.location.with_span(at, at + len(found), found),
                  fix=("replace", {"old": found, "new": expected}), found=found, expected=expected)


def check_title(doc: CheckedDocument) -> Iterator[Finding]:
    """Tên loại in hoa, đậm, canh giữa; trích yếu đậm, canh giữa; their sizes."""
    roles = _roles(doc)
    if roles.ten_loai is not None:
        yield from _style_finding("nd30.ten-loai.kieu", [roles.ten_loai], bold=True, upper=True, center=True)
        yield from _size_finding("ten-loai", [roles.ten_loai])
    if roles.trich_yeu:
        yield from _style_finding("nd30.trich-yeu.kieu", roles.trich_yeu, bold=True, center=True)
        yield from _size_finding("trich-yeu", roles.trich_yeu)


def _first_and_count(bad: list[Paragraph], rule_id: str, **values: Any) -> Iterator[Finding]:
    if bad:
        yield finding(rule_id, bad[0].location, **values, **_more(len(bad)))


def check_body(doc: CheckedDocument) -> Iterator[Finding]:
    """The nội dung: justified, first-line indent, paragraph and line spacing, size."""
    roles = _roles(doc)
    spec = _cfg()["body"]
    flat = [p for run in roles.body for p in run]
    yield from _size_finding("noi-dung", flat)
    # headings and closing lines set centred (Phần, Chương, "QUYẾT ĐỊNH:") are not judged as text
    text = [p for p in flat if p.alignment not in ("center", "right")]
    unjustified = [p for p in text if p.alignment != spec["align"] and len(p.text.strip()) >= spec["justify_min_chars"]]
    if unjustified:
        align = {"left": ("trái", "left-aligned")}.get(unjustified[0].alignment, (unjustified[0].alignment,) * 2)
        yield from _first_and_count(unjustified, "nd30.noi-dung.can-deu", align=align[0], align_en=align[1])
    allowed, tol = spec["first_line_indent_cm"], spec["indent_tolerance_cm"]
    unindented = [p for p in text if not any(abs(p.first_line_indent - a) <= tol for a in allowed)]
    if unindented:
        x = unindented[0].first_line_indent
        yield from _first_and_count(unindented, "nd30.noi-dung.thut-dau-dong", indent=_vi(x), indent_en=_g(x))
    minimum = spec["space_min_pt"]
    tight: list[Paragraph] = []
    gaps: list[float] = []
    for run in roles.body:
        for a, b in pairwise(run):
            gap = a.space_after + b.space_before
            if gap < minimum - 0.05:
                tight.append(a)
                gaps.append(gap)
    if tight:
        yield from _first_and_count(tight, "nd30.noi-dung.gian-doan", space=_vi(gaps[0]), space_en=_g(gaps[0]), minimum=_g(minimum))
    yield from _line_spacing(flat, spec)


def _line_spacing(paragraphs: list[Paragraph], spec: dict[str, Any]) -> Iterator[Finding]:
    low, high = spec["line_spacing"]
    bad: list[tuple[Paragraph, str, str]] = []
    for p in paragraphs:
        if p.line_rule == "auto":
            if not low - 0.01 <= p.line_spacing <= high + 0.01:
                bad.append((p, f"{_vi(p.line_spacing)} dòng", f"{_g(p.line_spacing)} lines"))
            continue
        size = max(p.sizes, default=14.0)
        lines = p.line_spacing / (spec["single_line_factor"] * size)
        too_loose = lines > high + 0.05
        too_tight = p.line_rule == "exact" and p.line_spacing < size - 0.05
        if too_loose or too_tight:
            word = "chính xác" if p.line_rule == "exact" else "tối thiểu"
            bad.append((p, f"{word} {_vi(p.line_spacing)} pt", f"{p.line_rule} {_g(p.line_spacing)} pt"))
    if bad:
        p, vi, en = bad[0]
        yield finding("nd30.noi-dung.gian-dong", p.location, spacing=vi, spacing_en=en, **_more(len(bad)))


def check_signature(doc: CheckedDocument) -> Iterator[Finding]:
    """Quyền hạn and chức vụ in hoa, đậm; the signer's name đậm; sizes 13–14."""
    roles = _roles(doc)
    noise = set(load("signing")["block"]["noise"])
    bad: list[tuple[Paragraph, list[str]]] = []
    judged: list[Paragraph] = []
    for lines in roles.signature:
        lines = [p for p in lines if not p.text.strip().startswith(("(", "[")) and p.folded not in noise]
        if not lines:
            continue
        *titles, name = lines
        for p in titles:
            found = _problems(p, bold=True, upper=True)
            if found:
                bad.append((p, found))
        found = _problems(name, bold=True)
        if found:
            bad.append((name, found))
        judged.extend(lines)
    if bad:
        p, kinds = bad[0]
        yield finding("nd30.chu-ky.kieu", p.location, line=" ".join(p.text.split())[:60],
                      problem=", ".join(_PROBLEMS[k][0] for k in kinds),
                      problem_en=", ".join(_PROBLEMS[k][1] for k in kinds), **_more(len(bad), "dòng", "lines"))
    yield from _size_finding("chu-ky", judged)


def check_recipients(doc: CheckedDocument) -> Iterator[Finding]:
    """"Nơi nhận:" 12 pt bold italic; entries 11 pt; the last entry "- Lưu: VT, …"."""
    roles = _roles(doc)
    label = roles.noi_nhan
    if label is None:
        return
    kinds = [k for k, bad in (("not_bold", not label.bold), ("not_italic", not label.italic)) if bad]
    if kinds:
        yield finding("nd30.noi-nhan.nhan", label.location, problem=", ".join(_PROBLEMS[k][0] for k in kinds),
                      problem_en=", ".join(_PROBLEMS[k][1] for k in kinds))
    yield from _size_finding("noi-nhan", [label])
    yield from _size_finding("noi-nhan-muc", roles.noi_nhan_entries)
    luu = load("signing")["labels"]["luu"]
    last = roles.noi_nhan_entries[-1] if roles.noi_nhan_entries else None
    archive = rule("nd30.noi-nhan.luu").params["archive"]
    pattern = re.compile(rf"{re.escape(luu)}\s*:?\s*{re.escape(archive)}\b")
    if last is None or not pattern.match(last.folded.lstrip("".join(_DASHES) + " ")):
        yield finding("nd30.noi-nhan.luu", (last or label).location)


#: Every format check, in report order.
CHECKS: tuple[Callable[[CheckedDocument], Iterable[Finding]], ...] = (
    check_page, check_page_numbers, check_font, check_header, check_title, check_body, check_signature,
    check_recipients,
)
