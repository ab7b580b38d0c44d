"""Write the committed docxtpl templates in ``templates/`` (one .docx per kind).

Run ``python -m vbhc.generate.build_templates templates/`` after changing the layout
figures (``data/layout.toml``) or the wording below; a test rebuilds them and compares.
Clerks may then edit the .docx in Word: the generator reads the committed files, not
this script. Every template receives the context :mod:`vbhc.generate.context` builds;
``templates/README.md`` lists its variables.
"""
from __future__ import annotations

import datetime as _dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docx import Document
from docx.enum.text import WD_BREAK

from .layout import STYLES, add_page_number_header, add_rule, borderless, grid, layout, setup_document

if TYPE_CHECKING:
    from docx.document import Document as DocumentObject

__all__ = ["KIND_BUILDERS", "build_all", "build_template"]

S = STYLES
_FIXED_TIME = _dt.datetime(2026, 1, 1)


def _p(container: Any, text: str, role: str) -> Any:
    return container.add_paragraph(text, style=S[role])


def _tag(container: Any, tag: str) -> None:
    """A paragraph holding only a docxtpl ``{%p … %}`` tag (it vanishes on render)."""
    container.add_paragraph(f"{{%p {tag} %}}", style=S["body"])


def _loop(container: Any, var: str, items: str, text: str, role: str) -> None:
    _tag(container, f"for {var} in {items}")
    _p(container, text, role)
    _tag(container, "endfor")


def _first_cell_paragraph(cell: Any, text: str, role: str) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.style = S[role]
    paragraph.text = text


def _header(document: DocumentObject, *, number: bool = True, date_line: bool = True) -> None:
    """Ô 1–4: cơ quan chủ quản / cơ quan ban hành ‖ Quốc hiệu, Tiêu ngữ; Số ‖ địa danh, ngày."""
    rows = 2 if (number or date_line) else 1
    table = document.add_table(rows=rows, cols=2)
    borderless(table, layout()["table"]["header_widths"])
    left, right = table.rows[0].cells
    _first_cell_paragraph(left, "{%p if parent_issuer %}", "agency_parent")
    _p(left, "{{ parent_issuer }}", "agency_parent")
    _tag(left, "endif")
    _loop(left, "line", "issuer_lines", "{{ line }}", "agency")
    add_rule(left, 22)
    _first_cell_paragraph(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "national")
    _p(right, "Độc lập - Tự do - Hạnh phúc", "motto")
    add_rule(right, 18)
    if rows == 2:
        left, right = table.rows[1].cells
        _first_cell_paragraph(left, "{{ number_line }}" if number else "", "number")
        _first_cell_paragraph(right, "{{ place_date }}" if date_line else "", "place_date")


def _heading(document: DocumentObject, label: str = "{{ doc_type_label }}", title: str = "{{ title }}") -> None:
    """Ô 5a: tên loại and trích yếu, with the short rule under the trích yếu."""
    _p(document, label, "doc_type")
    _p(document, title, "title")
    add_rule(document, 55)


def _body_loop(document: DocumentObject, items: str = "body") -> None:
    """Paragraphs whose role comes with the data: headings I./1./a) as literal text."""
    _tag(document, f"for b in {items}")
    _tag(document, 'if b.style == "heading1"')
    _p(document, "{{ b.text }}", "heading1")
    _tag(document, 'elif b.style == "heading2"')
    _p(document, "{{ b.text }}", "heading2")
    _tag(document, 'elif b.style == "heading3"')
    _p(document, "{{ b.text }}", "heading3")
    _tag(document, 'elif b.style == "center_bold"')
    _p(document, "{{ b.text }}", "center_bold")
    _tag(document, "else")
    _p(document, "{{ b.text }}", "body")
    _tag(document, "endif")
    _tag(document, "endfor")


def _signature(document: DocumentObject, *, recipients: bool = True) -> None:
    """Ô 9b beside ô 7a–7c: Nơi nhận on the left, quyền hạn, chức vụ and name on the right."""
    table = document.add_table(rows=1, cols=2)
    borderless(table, layout()["table"]["signature_widths"])
    left, right = table.rows[0].cells
    if recipients:
        _first_cell_paragraph(left, "{%p if recipients %}", "recipients")
        _p(left, "Nơi nhận:", "recipients_label")
        _loop(left, "r", "recipients", "{{ r }}", "recipients")
        _tag(left, "endif")
        _p(left, "", "recipients")
    _first_cell_paragraph(right, "{%p for line in sign_lines %}", "sign")
    _p(right, "{{ line }}", "sign")
    _tag(right, "endfor")
    for _ in range(4):
        _p(right, "", "sign")
    _p(right, "{{ signer_name }}", "sign")


def _two_signatures(document: DocumentObject, left_lines: str, left_name: str, right_lines: str, right_name: str) -> None:
    """Two signature blocks side by side (Biên bản: thư ký ‖ chủ tọa; reports: xác nhận ‖ người báo cáo)."""
    table = document.add_table(rows=1, cols=2)
    borderless(table, [82, 83])
    for cell, lines, name in zip(table.rows[0].cells, (left_lines, right_lines), (left_name, right_name), strict=True):
        _first_cell_paragraph(cell, f"{{%p for line in {lines} %}}", "sign")
        _p(cell, "{{ line }}", "sign")
        _tag(cell, "endfor")
        for _ in range(4):
            _p(cell, "", "sign")
        _p(cell, f"{{{{ {name} }}}}", "sign")


def _recipients_alone(document: DocumentObject) -> None:
    _tag(document, "if recipients")
    _p(document, "Nơi nhận:", "recipients_label")
    _loop(document, "r", "recipients", "{{ r }}", "recipients")
    _tag(document, "endif")


def _page_break(document: DocumentObject) -> None:
    document.add_paragraph(style=S["body"]).add_run().add_break(WD_BREAK.PAGE)


def _table(document: DocumentObject, widths: list[float], heads: list[str], items: str, cells: list[str]) -> None:
    """A bordered table: a header row, then one row per item (``{%tr for %}`` rows)."""
    table = document.add_table(rows=4, cols=len(heads))
    grid(table, widths)
    for cell, head in zip(table.rows[0].cells, heads, strict=True):
        _first_cell_paragraph(cell, head, "table_head")
    _first_cell_paragraph(table.rows[1].cells[0], f"{{%tr for n in {items} %}}", "table_cell")
    for k, (cell, text) in enumerate(zip(table.rows[2].cells, cells, strict=True)):
        _first_cell_paragraph(cell, text, "table_center" if k == 0 else "table_cell")
    _first_cell_paragraph(table.rows[3].cells[0], "{%tr endfor %}", "table_cell")
    # Word and LibreOffice merge two tables with nothing between them into one (the next
    # may be the borderless signature table): keep a paragraph after every table.
    _p(document, "", "table_cell")


def _nominee_tables(document: DocumentObject, prefix: str, heads: list[str], cells: list[str], widths: list[float]) -> None:
    """Collectives, then individuals, each under its own heading and in its own table."""
    for group, label in (("collectives", "collective_label"), ("individuals", "individual_label")):
        _tag(document, f"if {prefix}{group}")
        _p(document, f"{{{{ {prefix}{label} }}}}", "heading1")
        _table(document, widths, heads, f"{prefix}{group}", cells)
        _tag(document, "endif")


def _nominee_list(document: DocumentObject, *, reward: bool = False) -> None:
    """The attached danh sách: collectives, then individuals, each a numbered table
    (with a tiền thưởng column in a Quyết định)."""
    _tag(document, "if collectives or individuals")
    _page_break(document)
    _p(document, "{{ list_title }}", "center_bold")
    _p(document, "{{ list_caption }}", "center_italic")
    widths = layout()["table"]["reward_list_widths" if reward else "list_widths"]
    heads = ["STT", "{{ name_head }}", "Chức vụ", "Đơn vị", "Hình thức khen thưởng"]
    cells = ["{{ n.no }}", "{{ n.name }}", "{{ n.position }}", "{{ n.unit }}", "{{ n.award }}"]
    if reward:
        heads.append("Tiền thưởng (đồng)")
        cells.append("{{ n.reward }}")
    _nominee_tables(document, "", heads, cells, widths)
    _tag(document, "endif")


def build_ke_hoach(document: DocumentObject) -> None:
    _header(document)
    _heading(document)
    _loop(document, "line", "basis", "{{ line }}", "body")
    _body_loop(document)
    _tag(document, "if closing")
    _p(document, "{{ closing }}", "body")
    _tag(document, "endif")
    _signature(document)


def build_to_trinh(document: DocumentObject) -> None:
    _header(document)
    _heading(document)
    _loop(document, "line", "addressee_lines", "{{ line }}", "addressee")
    _loop(document, "line", "basis", "{{ line }}", "body")
    _body_loop(document)
    _tag(document, "if closing")
    _p(document, "{{ closing }}", "body")
    _tag(document, "endif")
    _signature(document)
    _nominee_list(document)


def build_bien_ban(document: DocumentObject) -> None:
    _header(document, date_line=False)
    _heading(document)
    _loop(document, "line", "meeting_lines", "{{ line }}", "body")
    _body_loop(document)
    _tag(document, "if vote_collectives or vote_individuals")
    _p(document, "{{ votes_caption }}", "body")
    heads = ["STT", "{{ name_head }}", "Chức vụ", "Đơn vị", "Hình thức đề nghị", "Số phiếu đồng ý", "Tỷ lệ (%)"]
    cells = ["{{ n.no }}", "{{ n.name }}", "{{ n.position }}", "{{ n.unit }}", "{{ n.award }}", "{{ n.votes }}", "{{ n.share }}"]
    _nominee_tables(document, "vote_", heads, cells, layout()["table"]["vote_widths"])
    _tag(document, "endif")
    _tag(document, "if end_line")
    _p(document, "{{ end_line }}", "body")
    _tag(document, "endif")
    _two_signatures(document, "secretary_lines", "secretary_name", "chair_lines", "chair_name")
    _recipients_alone(document)


def _past_awards(document: DocumentObject) -> None:
    widths = layout()["table"]["award_widths"]
    for items, label, head in (
        ("titles", "titles_label", "Danh hiệu thi đua"),
        ("awards", "awards_label", "Hình thức khen thưởng"),
    ):
        _tag(document, f"if {items}")
        _p(document, f"{{{{ {label} }}}}", "heading2")
        heads = ["Năm", head, "Số, ngày, tháng, năm của quyết định; cơ quan ban hành quyết định"]
        _table(document, widths, heads, items, ["{{ n.year }}", "{{ n.award }}", "{{ n.decision }}"])
        _tag(document, "endif")


def _report(document: DocumentObject) -> None:
    _header(document, number=False)
    _heading(document, label="BÁO CÁO THÀNH TÍCH", title="{{ title }}")
    _tag(document, "if form_line")
    _p(document, "{{ form_line }}", "center_italic")
    _tag(document, "endif")
    _body_loop(document)
    _past_awards(document)
    _two_signatures(document, "left_sign_lines", "left_sign_name", "sign_lines", "signer_name")


def build_quyet_dinh(document: DocumentObject) -> None:
    _header(document)
    _heading(document)
    _p(document, "{{ authority_line }}", "center_bold")
    _loop(document, "line", "basis", "{{ line }}", "basis")
    _p(document, "QUYẾT ĐỊNH:", "center_bold")
    _tag(document, "for a in articles")
    paragraph = _p(document, "", "body")
    paragraph.add_run("Điều {{ a.no }}.").bold = True
    paragraph.add_run(" {{ a.text }}")
    _tag(document, "endfor")
    _signature(document)
    _nominee_list(document, reward=True)


KIND_BUILDERS = {
    "ke-hoach": build_ke_hoach,
    "to-trinh": build_to_trinh,
    "bien-ban": build_bien_ban,
    "bao-cao-tap-the": _report,
    "bao-cao-ca-nhan": _report,
    "quyet-dinh": build_quyet_dinh,
}


def build_template(kind: str, path: Path) -> Path:
    """Write the template of ``kind`` to ``path``."""
    document = Document()
    setup_document(document)
    add_page_number_header(document)
    body = document.element.body
    for paragraph in list(document.paragraphs):  # the default template's empty paragraph
        body.remove(paragraph._p)
    KIND_BUILDERS[kind](document)
    core = document.core_properties
    core.author, core.title, core.comments = "vbhc", kind, "Mẫu docxtpl theo Nghị định 30/2020/NĐ-CP"
    core.last_modified_by = "vbhc"
    core.revision = 1
    core.created = core.modified = _FIXED_TIME  # the same bytes on every build
    document.save(str(path))
    return path


def build_all(folder: Path) -> list[Path]:
    """Write every kind's template into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    return [build_template(kind, folder / f"{kind}.docx") for kind in KIND_BUILDERS]


if __name__ == "__main__":  # pragma: no cover
    for written in build_all(Path(sys.argv[1] if len(sys.argv) > 1 else "templates")):
        print(written)
