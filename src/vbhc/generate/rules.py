"""Size the short solid rules of a rendered document to its text (Phụ lục I, Phần I).

The rule under the issuer's name and under the trích yếu spans 1/3 to 1/2 of the text
line; the one under the Tiêu ngữ is as long as it. The template cannot know how long the
rendered text is, so after rendering each empty "rule" paragraph is indented to the width
of the text above it, measured with the metrics of Liberation Serif (metric-compatible with
Times New Roman), or estimated when that font is not installed.
"""
from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docx.oxml.ns import qn
from docx.shared import Mm

from .layout import STYLES, layout

if TYPE_CHECKING:
    from docx.document import Document as DocumentObject

__all__ = ["fit_rules", "text_width_mm"]

_FONT_DIRS = ("/usr/share/fonts/truetype/liberation2", "/usr/share/fonts/truetype/liberation")
_CELL_PADDING_MM = 1.9 * 2  # Word's default left and right cell margins
_PT_TO_MM = 25.4 / 72


@cache
def _font(bold: bool, size: float) -> Any:
    try:
        from PIL import ImageFont
    except ImportError:  # pragma: no cover - Pillow comes with pytesseract
        return None
    name = "LiberationSerif-Bold.ttf" if bold else "LiberationSerif-Regular.ttf"
    for folder in _FONT_DIRS:
        path = Path(folder) / name
        if path.exists():
            return ImageFont.truetype(str(path), size=int(size * 10))
    return None


def text_width_mm(text: str, size_pt: float, bold: bool = True) -> float:
    """Printed width of ``text`` in Times New Roman (Liberation Serif metrics), in mm."""
    font = _font(bold, size_pt)
    if font is None:
        return len(text) * size_pt * (0.62 if bold else 0.5) * _PT_TO_MM
    return font.getlength(text) / 10 * _PT_TO_MM


def _fit(rule: Any, texts: list[tuple[str, float]], available_mm: float, share: float) -> None:
    """Indent the rule paragraph ``rule`` (a w:p) so it spans ``share`` of the widest text."""
    texts = [(t, size) for t, size in texts if t]
    if not texts:
        return
    widest = max(text_width_mm(t, size) for t, size in texts)
    length = min(widest, available_mm) * share
    indent = Mm(max(0.0, (available_mm - length) / 2))
    p_pr = rule.get_or_add_pPr()
    ind = p_pr.get_or_add_ind()
    ind.set(qn("w:left"), str(int(indent.twips)))
    ind.set(qn("w:right"), str(int(indent.twips)))


def _style_of(p: Any) -> str | None:
    p_pr = p.pPr
    return p_pr.pStyle.val if p_pr is not None and p_pr.pStyle is not None else None


def _text_of(p: Any) -> str:
    return "".join(t.text or "" for t in p.iter(qn("w:t"))).strip()


def _style_table(document: DocumentObject) -> tuple[dict[str, str], dict[str, float]]:
    """Style name → id, and id → font size in pt, read from styles.xml in one pass."""
    body_size = float(layout()["font"]["body_size"])
    ids: dict[str, str] = {}
    sizes: dict[str, float] = {}
    for style in document.styles.element.iterchildren(qn("w:style")):
        sid = style.get(qn("w:styleId"))
        name = style.find(qn("w:name"))
        if name is not None:
            ids[name.get(qn("w:val"))] = sid
        size = style.find(f"{qn('w:rPr')}/{qn('w:sz')}")
        sizes[sid] = int(size.get(qn("w:val"))) / 2 if size is not None else body_size  # half-points
    return ids, sizes


def fit_rules(document: DocumentObject) -> None:
    """Re-indent every rule paragraph of ``document`` to the decree's length.

    Works on the XML elements directly (python-docx's style lookup costs an XPath query
    per paragraph, which would double the render time of a long plan)."""
    shares = layout()["rules"]
    page = layout()["page"]
    text_width = page["width"] - page["left"] - page["right"]
    ids, sizes = _style_table(document)
    rule_id = ids[STYLES["rule"]]
    roles = {ids[STYLES["motto"]]: "motto_share", ids[STYLES["agency"]]: "agency_share", ids[STYLES["title"]]: "title_share"}

    def scan(paragraphs: list[Any], available: float) -> None:
        for k, p in enumerate(paragraphs):
            if _style_of(p) != rule_id:
                continue
            above: list[tuple[str, str | None]] = []
            for prev in reversed(paragraphs[:k]):
                style = _style_of(prev)
                if style == rule_id:
                    break
                above.insert(0, (_text_of(prev), style))
            present = {style for _, style in above}
            role = next((sid for sid in roles if sid in present), None)
            chosen = [(t, sizes.get(st, 14.0)) for t, st in above if st == role] if role else [(t, sizes.get(st, 14.0)) for t, st in above[-1:]]
            _fit(p, chosen, available, shares[roles[role]] if role else shares["title_share"])

    body = document.element.body
    scan(list(body.iterchildren(qn("w:p"))), text_width)
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                scan(list(cell._tc.iterchildren(qn("w:p"))), cell.width.mm - _CELL_PADDING_MM if cell.width else text_width / 2)
