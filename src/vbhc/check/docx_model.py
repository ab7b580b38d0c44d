"""The layout of a Word (.docx) file as the format checks see it: page setup per section,
every paragraph with its EFFECTIVE formatting, and which tables are the header and the
signature tables.

Effective means resolved the way Word resolves it: direct formatting → character style
(``w:rStyle``, its ``basedOn`` chain) → paragraph style (``w:pStyle``, its ``basedOn``
chain, else the default paragraph style) → table style (for cell paragraphs) →
``w:docDefaults``; a theme font (``w:asciiTheme="minorHAnsi"``) is read from the theme
part. Toggle properties (bold, italic, caps) are taken from the nearest level that sets
them, which is what Word does for every document vbhc and ordinary editors write.

Units, everywhere in this module: lengths of the page in **millimetres**, indents in
**centimetres** (negative first-line indent = hanging), paragraph spacing and font sizes
in **points**, line spacing either a **multiple of single spacing** (``line_rule ==
"auto"``) or **points** (``"exact"`` / ``"atLeast"``). Word stores twips (1/20 pt,
1/1440 inch) and half-points; the conversions live here and nowhere else.

The tree is walked with lxml directly (no python-docx proxy objects), and each style is
resolved once, so reading the model costs a fraction of opening the file. It never
raises on a malformed document: a missing style, an odd value or a broken relationship
falls back to Word's defaults and the walk goes on.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..vn.text import fold
from ..vocab import load
from .document import anchor_location
from .finding import Location

__all__ = ["DocxModel", "Paragraph", "Run", "Section", "Table", "read_model"]

_TWIPS_PER_MM = 1440 / 25.4
_TWIPS_PER_CM = 1440 / 2.54
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"

_P, _R, _T, _TBL, _TR, _TC, _PPR, _RPR = (f"{_W}{n}" for n in ("p", "r", "t", "tbl", "tr", "tc", "pPr", "rPr"))
_HYPERLINK, _VAL = f"{_W}hyperlink", f"{_W}val"
_TEXT_TAGS = {f"{_W}t": None, f"{_W}tab": "\t", f"{_W}ptab": "\t", f"{_W}cr": "\n", f"{_W}noBreakHyphen": "-"}
_BR = f"{_W}br"
_PLAIN_CHILDREN = {_PPR, _R, _HYPERLINK, f"{_W}bookmarkStart", f"{_W}bookmarkEnd", f"{_W}proofErr"}
_DRAWING_TAGS = {f"{_W}drawing", f"{_W}pict", f"{_W}object", f"{_MC}AlternateContent"}
_ALIGN = {
    "both": "justify", "justify": "justify", "distribute": "justify", "thaiDistribute": "justify",
    "lowKashida": "justify", "mediumKashida": "justify", "highKashida": "justify",
    "left": "left", "start": "left", "center": "center", "right": "right", "end": "right",
}
_FALSE = {"0", "false", "off", "none"}
_PAGE_FIELD = re.compile(r"^\s*PAGE\b")
#: Word's own fallbacks when nothing in the file says otherwise.
_WORD_FONT = "Times New Roman"
_WORD_SIZE = 10.0


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of text of one formatting (consecutive ``w:r`` of equal formatting merged).

    ``font`` is the font of ASCII letters (``w:ascii``), ``font_other`` that of the other
    Latin letters, which is what Vietnamese letters with marks use (``w:hAnsi``). ``size``
    is in points; ``bold``/``italic``/``caps``/``underline`` are effective values.
    """

    text: str
    font: str
    font_other: str
    size: float
    bold: bool
    italic: bool
    caps: bool
    underline: bool

    @property
    def fonts(self) -> set[str]:
        """The fonts this run's text is actually drawn in."""
        out: set[str] = set()
        if any(c.isascii() and not c.isspace() for c in self.text):
            out.add(self.font)
        if any(not c.isascii() for c in self.text):
            out.add(self.font_other)
        return out


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of the body or of a table cell.

    ``anchor`` follows :mod:`vbhc.readers.docx` (``(p,)`` body, ``(t, r, c, p)`` cell,
    ``(t, r, c)`` inside a nested table), ``location`` is its :class:`Location`.
    ``alignment`` is "left", "center", "right" or "justify"; ``first_line_indent`` and
    ``left_indent`` are in cm; ``space_before``/``space_after`` in pt; ``line_spacing`` a
    multiple of single when ``line_rule`` is "auto", else points. ``border_bottom`` /
    ``border_top``: a paragraph border line; ``has_drawing``: holds a shape or picture.
    """

    anchor: tuple[int, ...]
    location: Location
    text: str
    style: str
    alignment: str
    first_line_indent: float
    left_indent: float
    space_before: float
    space_after: float
    line_spacing: float
    line_rule: str
    border_bottom: bool
    border_top: bool
    has_drawing: bool
    runs: tuple[Run, ...]

    @property
    def table(self) -> int | None:
        return self.anchor[0] if len(self.anchor) > 1 else None

    @property
    def folded(self) -> str:
        """The text without marks, lower case, spaces collapsed."""
        return " ".join(fold(self.text).split())

    @property
    def text_runs(self) -> tuple[Run, ...]:
        """The runs that print something (not only spaces)."""
        return tuple(r for r in self.runs if r.text.strip())

    @property
    def bold(self) -> bool:
        runs = self.text_runs
        return bool(runs) and all(r.bold for r in runs)

    @property
    def italic(self) -> bool:
        runs = self.text_runs
        return bool(runs) and all(r.italic for r in runs)

    @property
    def upper(self) -> bool:
        """Printed in capitals: its letters are capitals or its runs are set to caps."""
        runs = self.text_runs
        return bool(runs) and all(r.caps or r.text == r.text.upper() for r in runs)

    @property
    def sizes(self) -> set[float]:
        return {r.size for r in self.text_runs}


@dataclass(frozen=True, slots=True)
class Section:
    """One ``w:sectPr``: page size and margins in mm (None where the file does not say),
    ``title_pg`` (a different first page), and where a PAGE field is: in the default
    header or footer (``header_page_number`` / ``footer_page_number``) and whether the
    first page of the section prints one (``first_page_number``)."""

    index: int
    width: float | None
    height: float | None
    top: float | None
    bottom: float | None
    left: float | None
    right: float | None
    title_pg: bool
    header_page_number: bool
    footer_page_number: bool
    first_page_number: bool

    @property
    def location(self) -> Location:
        return Location(f"trang in (mục {self.index})")


@dataclass(frozen=True, slots=True)
class Table:
    """A body-level table: ``index`` (1-based, as ``Document.tables``), and its cells'
    paragraphs as ``rows[r][c]`` (0-based lists of the 1-based anchors)."""

    index: int
    rows: tuple[tuple[tuple[Paragraph, ...], ...], ...]

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [p for row in self.rows for cell in row for p in cell]


@dataclass(frozen=True, slots=True)
class DocxModel:
    """The layout of one Word file.

    ``body`` holds the body-level blocks in document order, each a :class:`Paragraph` or a
    :class:`Table`; ``paragraphs`` every paragraph, body and cells, in order.
    ``header_table`` / ``signature_table`` are the indexes (1-based) of the table that
    holds the Quốc hiệu and of the table that holds "Nơi nhận", or None.
    """

    sections: tuple[Section, ...]
    body: tuple[Paragraph | Table, ...]
    paragraphs: tuple[Paragraph, ...]
    tables: tuple[Table, ...]
    header_table: int | None
    signature_table: int | None

    def table(self, index: int | None) -> Table | None:
        if index is None or not 1 <= index <= len(self.tables):
            return None
        return self.tables[index - 1]


# ------------------------------------------------------------------ small readers


def _on(el: Any) -> bool:
    return el.get(_VAL) not in _FALSE if el is not None else False


def _num(value: str | None) -> float | None:
    if value is None:
        return None
    try:
        return float(value)
    except ValueError:
        return None


def _parse_ppr(ppr: Any) -> dict[str, Any]:
    """The paragraph properties one ``w:pPr`` sets (twips, raw values)."""
    out: dict[str, Any] = {}
    if ppr is None:
        return out
    for child in ppr:
        tag = child.tag
        if tag == f"{_W}jc":
            val = child.get(_VAL)
            if val:
                out["jc"] = _ALIGN.get(val, "left")
        elif tag == f"{_W}ind":
            first, hanging = _num(child.get(f"{_W}firstLine")), _num(child.get(f"{_W}hanging"))
            if hanging is not None:
                out["first"] = -hanging
            elif first is not None:
                out["first"] = first
            left = _num(child.get(f"{_W}left"))
            if left is None:
                left = _num(child.get(f"{_W}start"))
            if left is not None:
                out["left"] = left
        elif tag == f"{_W}spacing":
            for key in ("before", "after", "line"):
                v = _num(child.get(f"{_W}{key}"))
                if v is not None:
                    out[key] = v
            rule = child.get(f"{_W}lineRule")
            if rule:
                out["lineRule"] = rule
        elif tag == f"{_W}pBdr":
            for side in ("bottom", "top"):
                edge = child.find(f"{_W}{side}")
                if edge is not None:
                    out[f"border_{side}"] = edge.get(_VAL) not in (None, "nil", "none")
        elif tag == f"{_W}pStyle":
            out["_style"] = child.get(_VAL)
    return out


class _Theme:
    def __init__(self, document: Any) -> None:
        self.major = self.minor = None
        try:
            from lxml import etree

            for rel in document.part.rels.values():
                if rel.reltype.endswith("/theme") and not rel.is_external:
                    root = etree.fromstring(rel.target_part.blob)
                    for which in ("major", "minor"):
                        latin = root.find(f".//{_A}{which}Font/{_A}latin")
                        if latin is not None and latin.get("typeface"):
                            setattr(self, which, latin.get("typeface"))
                    break
        except Exception:  # a broken theme: theme fonts stay unknown
            pass

    def font(self, name: str) -> str | None:
        return self.major if name.startswith("major") else self.minor if name.startswith("minor") else None


def _parse_rpr(rpr: Any, theme: _Theme) -> dict[str, Any]:
    """The run properties one ``w:rPr`` sets: font slots, size (pt), toggles."""
    out: dict[str, Any] = {}
    if rpr is None:
        return out
    for child in rpr:
        tag = child.tag
        if tag == f"{_W}rFonts":
            for slot, key in (("ascii", "font"), ("hAnsi", "font_other")):
                themed = child.get(f"{_W}{slot}Theme")
                name = theme.font(themed) if themed else None
                if name is None:
                    name = child.get(f"{_W}{slot}")
                if name:
                    out[key] = name
        elif tag == f"{_W}sz":
            v = _num(child.get(_VAL))
            if v is not None and v > 0:
                out["size"] = v / 2
        elif tag == f"{_W}b":
            out["bold"] = _on(child)
        elif tag == f"{_W}i":
            out["italic"] = _on(child)
        elif tag == f"{_W}caps":
            out["caps"] = _on(child)
        elif tag == f"{_W}u":
            out["underline"] = child.get(_VAL, "single") not in _FALSE
        elif tag == f"{_W}rStyle":
            out["_style"] = child.get(_VAL)
    return out


class _Styles:
    """The styles part, each style resolved once (``basedOn`` chain, cycles cut)."""

    def __init__(self, document: Any, theme: _Theme) -> None:
        self.theme = theme
        self.by_id: dict[str, Any] = {}
        self.default: dict[str, str] = {}
        self.default_ppr: dict[str, Any] = {}
        self.default_rpr: dict[str, Any] = {}
        self._ppr: dict[str | None, dict[str, Any]] = {}
        self._rpr: dict[str | None, dict[str, Any]] = {}
        self._names: dict[str | None, str] = {}
        try:
            root = document.part._styles_part.element
        except Exception:
            return
        for style in root.iterchildren(f"{_W}style"):
            sid = style.get(f"{_W}styleId")
            if sid:
                self.by_id[sid] = style
                if style.get(f"{_W}default") in ("1", "true", "on"):
                    self.default.setdefault(style.get(f"{_W}type") or "paragraph", sid)
        defaults = root.find(f"{_W}docDefaults")
        if defaults is not None:
            self.default_rpr = _parse_rpr(defaults.find(f"{_W}rPrDefault/{_W}rPr"), theme)
            self.default_ppr = _parse_ppr(defaults.find(f"{_W}pPrDefault/{_W}pPr"))

    def name(self, sid: str | None) -> str:
        """The name Word shows for a style (its id when it has none)."""
        if sid not in self._names:
            style = self.by_id.get(sid or "")
            node = style.find(f"{_W}name") if style is not None else None
            self._names[sid] = (node.get(_VAL) if node is not None else None) or sid or ""
        return self._names[sid]

    def _chain(self, sid: str | None) -> list[Any]:
        chain, seen = [], set()
        while sid and sid not in seen and sid in self.by_id:
            seen.add(sid)
            style = self.by_id[sid]
            chain.append(style)
            based = style.find(f"{_W}basedOn")
            sid = based.get(_VAL) if based is not None else None
        return chain[::-1]

    def ppr(self, sid: str | None) -> dict[str, Any]:
        """The paragraph properties a style gives, its ancestors' included."""
        if sid not in self._ppr:
            out: dict[str, Any] = {}
            for style in self._chain(sid):
                out.update(_parse_ppr(style.find(_PPR)))
            out.pop("_style", None)
            self._ppr[sid] = out
        return self._ppr[sid]

    def rpr(self, sid: str | None) -> dict[str, Any]:
        """The run properties a style gives, its ancestors' included."""
        if sid not in self._rpr:
            out: dict[str, Any] = {}
            for style in self._chain(sid):
                out.update(_parse_rpr(style.find(_RPR), self.theme))
            out.pop("_style", None)
            self._rpr[sid] = out
        return self._rpr[sid]


# ------------------------------------------------------------------ the walk


class _Reader:
    def __init__(self, document: Any) -> None:
        self.document = document
        self.theme = _Theme(document)
        self.styles = _Styles(document, self.theme)
        self._base: dict[tuple[str | None, str | None], tuple[dict[str, Any], dict[str, Any]]] = {}
        self._run_cache: dict[tuple[Any, ...], tuple[Any, ...]] = {}
        self.paragraphs: list[Paragraph] = []

    def _bases(self, psid: str | None, tsid: str | None) -> tuple[dict[str, Any], dict[str, Any]]:
        key = (psid, tsid)
        if key not in self._base:
            s = self.styles
            ppr = {**s.default_ppr, **(s.ppr(tsid) if tsid else {}), **s.ppr(psid)}
            rpr = {"font": _WORD_FONT, "font_other": _WORD_FONT, "size": _WORD_SIZE, "bold": False,
                   "italic": False, "caps": False, "underline": False,
                   **s.default_rpr, **(s.rpr(tsid) if tsid else {}), **s.rpr(psid)}
            self._base[key] = (ppr, rpr)
        return self._base[key]

    def paragraph(self, p: Any, anchor: tuple[int, ...], tsid: str | None) -> Paragraph:
        direct = _parse_ppr(p.find(_PPR))
        psid = direct.get("_style")
        if psid not in self.styles.by_id:
            psid = self.styles.default.get("paragraph")
        base_p, base_r = self._bases(psid, tsid)
        props = {**base_p, **direct}
        runs: list[tuple[str, tuple[Any, ...]]] = []
        texts: list[str] = []
        drawing = False
        for r in p.iterchildren(_R, _HYPERLINK):
            for run in ([r] if r.tag == _R else r.iterchildren(_R)):
                text, run_props, drew = self._run(run, base_r)
                drawing = drawing or drew
                texts.append(text)
                if not text:
                    continue
                if runs and runs[-1][1] == run_props:
                    runs[-1] = (runs[-1][0] + text, run_props)
                else:
                    runs.append((text, run_props))
        if not drawing:  # a shape outside the runs (inside w:ins, w:smartTag …)
            drawing = any(child.tag not in _PLAIN_CHILDREN and any(el.tag in _DRAWING_TAGS for el in child.iter())
                          for child in p)
        rule = props.get("lineRule", "auto")
        line = props.get("line")
        if rule == "auto":
            spacing = line / 240 if line else 1.0
        else:
            spacing = line / 20 if line else 0.0
        para = Paragraph(
            anchor, anchor_location(anchor), "".join(texts), self.styles.name(psid),
            props.get("jc", "left"), props.get("first", 0.0) / _TWIPS_PER_CM, props.get("left", 0.0) / _TWIPS_PER_CM,
            props.get("before", 0.0) / 20, props.get("after", 0.0) / 20, spacing, rule if rule in ("exact", "atLeast") else "auto",
            bool(props.get("border_bottom")), bool(props.get("border_top")), drawing,
            tuple(Run(t, *rp) for t, rp in runs),
        )
        self.paragraphs.append(para)
        return para

    def _run(self, r: Any, base_r: dict[str, Any]) -> tuple[str, tuple[Any, ...], bool]:
        parts: list[str] = []
        rpr_el = None
        drew = False
        for child in r:
            tag = child.tag
            if tag == _RPR:
                rpr_el = child
            elif tag in _TEXT_TAGS:
                parts.append(child.text or "" if tag == _T else _TEXT_TAGS[tag])  # type: ignore[operator]
            elif tag == _BR:
                if child.get(f"{_W}type", "textWrapping") == "textWrapping":
                    parts.append("\n")
            elif tag in _DRAWING_TAGS:
                drew = True
        text = "".join(parts)
        if not text:
            return "", (), drew
        key_direct = tuple((c.tag, tuple(c.attrib.items())) for c in rpr_el) if rpr_el is not None else ()
        key = (id(base_r), key_direct)
        props = self._run_cache.get(key)
        if props is None:
            direct = _parse_rpr(rpr_el, self.theme)
            char = self.styles.rpr(direct.pop("_style", None)) if "_style" in direct else {}
            merged = {**base_r, **char, **direct}
            props = (str(merged["font"]), str(merged["font_other"]), float(merged["size"]), bool(merged["bold"]),
                     bool(merged["italic"]), bool(merged["caps"]), bool(merged["underline"]))
            self._run_cache[key] = props
        return text, props, drew

    def cell(self, tc: Any, where: tuple[int, ...], tsid: str | None, nested: bool) -> list[Paragraph]:
        out: list[Paragraph] = []
        count = 0
        for child in tc:
            if child.tag == _P:
                count += 1
                out.append(self.paragraph(child, where if nested else (*where, count), tsid))
            elif child.tag == _TBL:
                for tr in child.iterchildren(_TR):
                    for inner in tr.iterchildren(_TC):
                        out.extend(self.cell(inner, where, _table_style(child) or tsid, True))
        return out

    def table(self, tbl: Any, index: int) -> Table:
        tsid = _table_style(tbl) or self.styles.default.get("table")
        rows = []
        for r, tr in enumerate(tbl.iterchildren(_TR), 1):
            rows.append(tuple(tuple(self.cell(tc, (index, r, c), tsid, False)) for c, tc in enumerate(tr.iterchildren(_TC), 1)))
        return Table(index, tuple(rows))


def _table_style(tbl: Any) -> str | None:
    node = tbl.find(f"{_W}tblPr/{_W}tblStyle")
    return node.get(_VAL) if node is not None else None


def _has_page_field(part_element: Any) -> bool:
    if part_element is None:
        return False
    for node in part_element.iter(f"{_W}instrText", f"{_W}fldSimple"):
        instr = node.text if node.tag == f"{_W}instrText" else node.get(f"{_W}instr")
        if instr and _PAGE_FIELD.match(instr):
            return True
    return False


def _sections(document: Any) -> tuple[Section, ...]:
    body = document.element.body
    sect_prs = [p.find(f"{_PPR}/{_W}sectPr") for p in body.iterchildren(_P)]
    found = [s for s in sect_prs if s is not None]
    last = body.find(f"{_W}sectPr")
    if last is not None:
        found.append(last)
    related = document.part.related_parts
    inherited: dict[tuple[str, str], bool] = {}
    out = []
    for k, sect in enumerate(found, 1):
        pages: dict[tuple[str, str], bool] = {}
        for kind in ("header", "footer"):
            for ref in sect.iterchildren(f"{_W}{kind}Reference"):
                try:
                    element = related[ref.get(_R_ID)].element
                except Exception:
                    element = None
                pages[(kind, ref.get(f"{_W}type", "default"))] = _has_page_field(element)
        pages = {**inherited, **pages}
        inherited = pages
        size = sect.find(f"{_W}pgSz")
        margins = sect.find(f"{_W}pgMar")

        def mm(el: Any, attr: str) -> float | None:
            v = _num(el.get(f"{_W}{attr}")) if el is not None else None
            return round(abs(v) / _TWIPS_PER_MM, 2) if v is not None else None

        title_pg = _on(sect.find(f"{_W}titlePg"))
        first = "first" if title_pg else "default"
        out.append(Section(
            k, mm(size, "w"), mm(size, "h"), mm(margins, "top"), mm(margins, "bottom"), mm(margins, "left"),
            mm(margins, "right"), title_pg, pages.get(("header", "default"), False), pages.get(("footer", "default"), False),
            pages.get(("header", first), False) or pages.get(("footer", first), False),
        ))
    return tuple(out)


def _find_tables(tables: list[Table]) -> tuple[int | None, int | None]:
    header = load("header")
    qh, qh_head = header["quoc_hieu"], header["quoc_hieu_head"]
    label = load("signing")["labels"]["noi_nhan"]
    head = sign = None
    for t in tables:
        for p in t.paragraphs:
            f = p.folded
            if head is None and (qh in f or f.startswith(qh_head)):
                head = t.index
            if sign is None and f.startswith(label):
                sign = t.index
    return head, sign


def read_model(document: Any) -> DocxModel:
    """The layout model of an opened python-docx ``Document``. Never raises on an odd file
    (missing styles, odd values): what cannot be read falls back to Word's defaults."""
    reader = _Reader(document)
    body: list[Paragraph | Table] = []
    paragraphs = tables = 0
    table_list: list[Table] = []
    for child in document.element.body.iterchildren(_P, _TBL):
        if child.tag == _P:
            paragraphs += 1
            body.append(reader.paragraph(child, (paragraphs,), None))
        else:
            tables += 1
            t = reader.table(child, tables)
            table_list.append(t)
            body.append(t)
    try:
        sections = _sections(document)
    except Exception:
        sections = ()
    head, sign = _find_tables(table_list)
    return DocxModel(sections, tuple(body), tuple(reader.paragraphs), tuple(table_list), head, sign)
