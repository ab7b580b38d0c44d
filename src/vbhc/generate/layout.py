"""The Nghị định 30/2020 layout as python-docx building blocks (Phụ lục I, Phần I).

Used by :mod:`vbhc.generate.build_templates` to write the committed ``templates/*.docx``
and by :mod:`vbhc.generate.rules` to size the short rules after a render. Sizes are in
points, lengths in millimetres unless a name says otherwise; the figures themselves are
data in ``data/layout.toml``.
"""
from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from ..vocab import load

if TYPE_CHECKING:
    from docx.document import Document as DocumentObject
    from docx.table import Table
    from docx.text.paragraph import Paragraph

__all__ = ["STYLES", "add_page_number_header", "add_rule", "borderless", "layout", "setup_document"]

_ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}


@cache
def layout() -> dict[str, Any]:
    """The figures of ``data/layout.toml`` (page, margins, styles)."""
    return load("layout")


#: Names of the paragraph styles the templates use, by role.
STYLES: dict[str, str] = {role: spec["name"] for role, spec in layout()["styles"].items()}


def _set_font(font: Any, spec: dict[str, Any]) -> None:
    """Size, weight and slant from ``spec``; Times New Roman for every script (w:rFonts)."""
    name = layout()["font"]["name"]
    font.name = name
    font.size = Pt(spec.get("size", layout()["font"]["body_size"]))
    font.bold = spec.get("bold", False)
    font.italic = spec.get("italic", False)
    fonts = font.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), name)


def setup_document(document: DocumentObject) -> None:
    """A4 portrait, the decree's margins, Times New Roman, and the vbhc paragraph styles."""
    page = layout()["page"]
    section = document.sections[0]
    section.start_type = WD_SECTION.NEW_PAGE
    section.page_width, section.page_height = Mm(page["width"]), Mm(page["height"])
    section.top_margin, section.bottom_margin = Mm(page["top"]), Mm(page["bottom"])
    section.left_margin, section.right_margin = Mm(page["left"]), Mm(page["right"])
    section.header_distance, section.footer_distance = Mm(page["header_distance"]), Mm(page["footer_distance"])
    normal = document.styles["Normal"]
    _set_font(normal.font, {"size": layout()["font"]["body_size"]})
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    for spec in layout()["styles"].values():
        style = document.styles.add_style(spec["name"], WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.quick_style = True
        _set_font(style.font, spec)
        fmt = style.paragraph_format
        fmt.alignment = _ALIGN[spec.get("align", "left")]
        fmt.space_before = Pt(spec.get("space_before", 0))
        fmt.space_after = Pt(spec.get("space_after", 0))
        fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
        if "left_indent_mm" in spec:
            fmt.left_indent = Mm(spec["left_indent_mm"])
        if "first_line_indent_cm" in spec:
            fmt.first_line_indent = Cm(spec["first_line_indent_cm"])
        if spec.get("keep_with_next"):
            fmt.keep_with_next = True
        if spec.get("rule"):
            _bottom_border(style.element.get_or_add_pPr())


#: The pPr children that come after w:pBdr in the schema (ECMA-376 CT_PPrBase).
_AFTER_PBDR = (
    "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
    "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
    "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
    "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle",
    "w:rPr", "w:sectPr", "w:pPrChange",
)


def _bottom_border(p_pr: Any) -> None:
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    p_pr.insert_element_before(borders, *_AFTER_PBDR)


def add_rule(container: Any, indent_mm: float) -> Paragraph:
    """An empty paragraph in the "rule" style (a solid line under the text above it),
    indented ``indent_mm`` on both sides so the line has the length the decree asks for.
    :mod:`vbhc.generate.rules` re-sizes it to the rendered text."""
    paragraph = container.add_paragraph(style=STYLES["rule"])
    paragraph.paragraph_format.left_indent = Mm(indent_mm)
    paragraph.paragraph_format.right_indent = Mm(indent_mm)
    return paragraph


_AFTER_BORDERS = ("shd", "tblLayout", "tblCellMar", "tblLook", "tblCaption", "tblDescription")


def _set_borders(table: Table, value: str) -> None:
    """Give every edge of ``table`` the border ``value`` ("nil" or "single"), in schema order."""
    table.autofit = False  # adds w:tblLayout fixed
    tbl_pr = table._tbl.tblPr
    for old in tbl_pr.findall(qn("w:tblBorders")):
        tbl_pr.remove(old)
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), value)
        if value != "nil":
            for key, attr in (("w:sz", "4"), ("w:space", "0"), ("w:color", "000000")):
                element.set(qn(key), attr)
        borders.append(element)
    successor = next((child for child in tbl_pr if child.tag in {qn(f"w:{n}") for n in _AFTER_BORDERS}), None)
    if successor is not None:
        successor.addprevious(borders)
    else:
        tbl_pr.append(borders)


def _set_widths(table: Table, widths_mm: list[float]) -> None:
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(width)
    for col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths_mm, strict=True):
        col.set(qn("w:w"), str(int(Mm(width).twips)))


def borderless(table: Table, widths_mm: list[float]) -> None:
    """No borders, fixed column widths (mm), centred on the page."""
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _set_borders(table, "nil")
    _set_widths(table, widths_mm)


def grid(table: Table, widths_mm: list[float]) -> None:
    """Single borders on every cell (the danh sách tables), fixed column widths (mm)."""
    table.style = None
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _set_borders(table, "single")
    _set_widths(table, widths_mm)


def _field(paragraph: Paragraph, instruction: str) -> None:
    run = paragraph.add_run()
    for kind, text in (("begin", None), ("instr", instruction), ("separate", None), ("text", "2"), ("end", None)):
        if kind == "instr":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {text} "
        elif kind == "text":
            element = OxmlElement("w:t")
            element.text = text
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        run._r.append(element)


def add_page_number_header(document: DocumentObject) -> None:
    """A PAGE field centred in the top margin from page 2 on (first-page header empty)."""
    section = document.sections[0]
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.style = document.styles[STYLES["page_number"]]
    _field(paragraph, "PAGE")
    section.first_page_header.paragraphs[0].text = ""
