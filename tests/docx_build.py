"""Small .docx files for the format-rule tests: the generator's output of a kind, changed
in one property with python-docx, or a document built from nothing.

Example::

    data = mutate(generated("quyet-dinh"), lambda d: bold(para(d, "CỘNG HÒA"), False))
    [f.rule_id for f in format_findings(data)]   # → ["nd30.quoc-hieu.kieu"]
"""
from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from vbhc.check.document import CheckedDocument, blocks_of
from vbhc.check.docx_model import DocxModel, read_model
from vbhc.check.finding import Finding
from vbhc.errors import InputError
from vbhc.generate.inputs import load_data
from vbhc.generate.render import render_docx_bytes
from vbhc.model import Nominee, Plan
from vbhc.parse import parse_source
from vbhc.readers.docx import docx_source

ROOT = Path(__file__).resolve().parents[1]
DOSSIER = ROOT / "tests" / "data" / "generate" / "ho-so-xa-tan-loi.json"


@cache
def generated(kind: str) -> bytes:
    """What ``vbhc generate <kind>`` writes for the test dossier (seed 004 for a kế hoạch)."""
    if kind == "ke-hoach":
        plan = load_data(ROOT / "tests" / "data" / "gold" / "seed_004.json")
    else:
        plan = load_data(DOSSIER)
        if kind == "bao-cao-ca-nhan":
            plan.report.subject = Nominee("individual", "Trần Văn Bình", "Chánh Văn phòng", "UBND xã Tân Lợi")
    data, _ = render_docx_bytes(plan, kind)
    return data


def open_bytes(data: bytes):  # type: ignore[no-untyped-def]
    return Document(io.BytesIO(data))


def to_bytes(document) -> bytes:  # type: ignore[no-untyped-def]
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def mutate(data: bytes, change: Callable[..., object]) -> bytes:
    """``data`` opened, changed by ``change(document)``, saved again."""
    document = open_bytes(data)
    change(document)
    return to_bytes(document)


def paragraphs(document) -> Iterator[Paragraph]:  # type: ignore[no-untyped-def]
    """Every paragraph of the body and of its tables (nested ones too), in order."""
    for el in document.element.body.iter(qn("w:p")):
        yield Paragraph(el, document)


def para(document, start: str, exact: bool = False) -> Paragraph:  # type: ignore[no-untyped-def]
    """The first paragraph whose text starts with (or is) ``start``."""
    for p in paragraphs(document):
        if (p.text == start) if exact else p.text.startswith(start):
            return p
    raise LookupError(start)


def runs_set(p: Paragraph, **props: object) -> Paragraph:
    """Set font properties (``size``, ``bold``, ``italic``, ``name``) on every run of ``p``."""
    for run in p.runs:
        for key, value in props.items():
            setattr(run.font, key, value)
    return p


def set_text(p: Paragraph, text: str) -> None:
    """Replace the text, keeping the first run's formatting."""
    first, *rest = p.runs
    first.text = text
    for run in rest:
        run._r.getparent().remove(run._r)


def remove(p: Paragraph) -> None:
    p._p.getparent().remove(p._p)


def add_page_field(paragraph: Paragraph) -> None:
    """A PAGE field, as Word writes it."""
    run = paragraph.add_run()
    for kind in ("begin", "instr", "end"):
        if kind == "instr":
            el = OxmlElement("w:instrText")
            el.text = " PAGE "
        else:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        run._r.append(el)


def clear_page_fields(paragraph: Paragraph) -> None:
    for r in list(paragraph._p.iter(qn("w:r"))):
        r.getparent().remove(r)


def checked(data: bytes, name: str = "test.docx") -> CheckedDocument:
    """The document the format checks see, built as the engine builds it."""
    document = open_bytes(data)
    source = docx_source(document, name)
    try:
        plan = parse_source(source)
    except InputError:  # a scrap built for one property: no plan, the layout is still checked
        plan = Plan(source=name)
    return CheckedDocument(name, "docx", blocks_of(source), plan, read_model(document))


def model(data: bytes) -> DocxModel:
    return read_model(open_bytes(data))


def format_findings(data: bytes) -> list[Finding]:
    """Every finding of the format checks on ``data``."""
    from vbhc.check.format_checks import CHECKS

    doc = checked(data)
    return [f for check in CHECKS for f in check(doc)]


#: (text, properties) of a short kế hoạch written without tables, as many clerks type one.
PLAIN_LINES: list[tuple[str, dict[str, object]]] = [
    ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", {"size": 12, "bold": True, "align": "center"}),
    ("Độc lập - Tự do - Hạnh phúc", {"size": 13, "bold": True, "align": "center", "underline": True}),
    ("ỦY BAN NHÂN DÂN XÃ TÂN LỢI", {"size": 12, "bold": True, "align": "center"}),
    ("Số: 15/KH-UBND", {"size": 13, "align": "center"}),
    ("Tân Lợi, ngày 10 tháng 3 năm 2025", {"size": 13, "italic": True, "align": "center"}),
    ("KẾ HOẠCH", {"size": 14, "bold": True, "align": "center"}),
    ("Phát động phong trào thi đua năm 2025", {"size": 14, "bold": True, "align": "center"}),
    ("I. MỤC ĐÍCH, YÊU CẦU", {"size": 14, "bold": True, "align": "justify", "indent": 1.0, "after": 6}),
    ("Động viên cán bộ, công chức thi đua hoàn thành tốt nhiệm vụ được giao trong năm 2025 "
     "và các năm tiếp theo./.", {"size": 14, "align": "justify", "indent": 1.0, "after": 6}),
    ("Nơi nhận:", {"size": 12, "bold": True, "italic": True}),
    ("- Như trên;", {"size": 11}),
    ("- Lưu: VT.", {"size": 11}),
    ("TM. ỦY BAN NHÂN DÂN", {"size": 14, "bold": True, "align": "center"}),
    ("CHỦ TỊCH", {"size": 14, "bold": True, "align": "center"}),
    ("Đỗ Minh Tuấn", {"size": 14, "bold": True, "align": "center"}),
]


def plain_document(lines: list[tuple[str, dict[str, object]]] = PLAIN_LINES) -> bytes:
    """A document built from nothing: A4, the decree's margins, Times New Roman in the
    Normal style, one paragraph per line with the given size (pt), weight, slant, alignment,
    first-line indent (cm) and space after (pt)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Mm, Pt

    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin, section.left_margin, section.right_margin = Mm(20), Mm(20), Mm(30), Mm(15)
    normal = document.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    for text, props in lines:
        p = document.add_paragraph()
        run = p.add_run(text)
        run.font.size = Pt(float(props.get("size", 14)))  # type: ignore[arg-type]
        run.font.bold = bool(props.get("bold", False))
        run.font.italic = bool(props.get("italic", False))
        run.font.underline = bool(props.get("underline", False))
        p.alignment = {"center": WD_ALIGN_PARAGRAPH.CENTER, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}.get(
            str(props.get("align")), WD_ALIGN_PARAGRAPH.LEFT)
        if "indent" in props:
            p.paragraph_format.first_line_indent = Cm(float(props["indent"]))  # type: ignore[arg-type]
        if "after" in props:
            p.paragraph_format.space_after = Pt(float(props["after"]))  # type: ignore[arg-type]
    return to_bytes(document)
