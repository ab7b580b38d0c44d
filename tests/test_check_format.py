"""Issue 7: the format rules for Word files (NĐ 30/2020, Phụ lục I), by example.

Every rule has a document that must trigger it (the generator's output with one property
changed, or a document built from nothing) and documents that must not (the generator's
output of every kind, which must pass with no finding at all).
"""
from __future__ import annotations

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from docx_build import (
    add_page_field,
    clear_page_fields,
    format_findings,
    generated,
    model,
    mutate,
    para,
    remove,
    runs_set,
    set_text,
    to_bytes,
)

from vbhc.check.finding import Severity
from vbhc.check.rules import rules
from vbhc.generate.context import kinds
from vbhc.vocab import load

FORMAT_RULES = sorted(r.id for r in rules().values() if r.scope == "docx")


def ids(data: bytes) -> list[str]:
    return [f.rule_id for f in format_findings(data)]


def only(data: bytes, rule_id: str):  # type: ignore[no-untyped-def]
    found = [f for f in format_findings(data) if f.rule_id == rule_id]
    assert len(found) == 1, (rule_id, [(f.rule_id, f.message) for f in format_findings(data)])
    return found[0]


# ------------------------------------------------------------------ what must not trigger


@pytest.mark.parametrize("kind", list(kinds()))
def test_generator_output_has_no_format_finding(kind: str) -> None:
    """What vbhc generates passes its own format rules: no finding at all, info included."""
    assert [(f.rule_id, f.message, f.location.where) for f in format_findings(generated(kind))] == []


@pytest.mark.parametrize("kind", list(kinds()))
def test_generator_output_passes_through_the_engine(tmp_path, kind: str) -> None:
    pytest.importorskip("vbhc.check.content_checks")
    from vbhc.check.engine import check_file

    path = tmp_path / f"{kind}.docx"
    path.write_bytes(generated(kind))
    report = check_file(path, select=lambda rid: rid in FORMAT_RULES)
    assert report.internal == []
    assert [f.rule_id for f in report.at_least(Severity.WARNING)] == []


def test_layout_figures_lie_inside_the_checked_ranges() -> None:
    """The generator is built from layout.toml's figures; the checker reads its ranges from
    the same file. The figures must pass the ranges."""
    layout = load("layout")
    page, check = layout["page"], layout["check"]
    assert (page["width"], page["height"]) == (check["page"]["width"], check["page"]["height"])
    for side in ("top", "bottom", "left", "right"):
        low, high = check["page"][side]
        assert low <= page[side] <= high, side
    assert layout["font"]["name"] == check["font"]["name"]
    for role, spec in check["sizes"].items():
        if role == "tolerance":
            continue
        style = layout["styles"][spec["style"]]
        low, high = spec["range"]
        assert low <= style.get("size", layout["font"]["body_size"]) <= high, role
    body = layout["styles"]["body"]
    assert body["align"] == check["body"]["align"]
    assert body["first_line_indent_cm"] in check["body"]["first_line_indent_cm"]
    assert body["space_after"] >= check["body"]["space_min_pt"]


def test_every_format_rule_is_tested_here() -> None:
    import inspect
    import sys

    source = inspect.getsource(sys.modules[__name__])
    sizes = [r for r in FORMAT_RULES if r.startswith("nd30.co-chu.")]
    assert {f"nd30.co-chu.{role}" for role, *_ in SIZE_CASES} == set(sizes)
    missing = [r for r in FORMAT_RULES if r not in sizes and f'"{r}"' not in source]
    assert missing == []


# ------------------------------------------------------------------ page


def test_paper_size_not_a4() -> None:
    data = mutate(generated("quyet-dinh"), lambda d: setattr(d.sections[0], "page_width", Mm(216)))
    f = only(data, "nd30.trang.kho-giay")
    assert f.severity is Severity.ERROR and f.fix is not None
    assert (f.fix.kind, f.fix.params) == ("page_size", {"width": 210, "height": 297})
    assert f.location.paragraph is None and f.location.where == "trang in (mục 1)"


def test_landscape_a4_is_a4() -> None:
    def turn(d):  # type: ignore[no-untyped-def]
        s = d.sections[0]
        s.page_width, s.page_height = Mm(297), Mm(210)

    assert "nd30.trang.kho-giay" not in ids(mutate(generated("quyet-dinh"), turn))


@pytest.mark.parametrize(("side", "rule_id", "value", "bound"), [
    ("top_margin", "nd30.trang.le-tren", 15, {"top": 20}),
    ("bottom_margin", "nd30.trang.le-duoi", 30, {"bottom": 25}),
    ("left_margin", "nd30.trang.le-trai", 25, {"left": 30}),
    ("right_margin", "nd30.trang.le-phai", 25, {"right": 20}),
])
def test_margin_out_of_range(side: str, rule_id: str, value: int, bound: dict[str, int]) -> None:
    data = mutate(generated("to-trinh"), lambda d: setattr(d.sections[0], side, Mm(value)))
    f = only(data, rule_id)
    assert f.fix is not None and (f.fix.kind, f.fix.params) == ("margins", bound)
    assert str(value) in f.message and str(value) in f.message_en
    assert [r for r in ids(data) if r.startswith("nd30.trang.")] == [rule_id]


def test_margins_at_the_bounds_pass() -> None:
    def bounds(d):  # type: ignore[no-untyped-def]
        s = d.sections[0]
        s.top_margin, s.bottom_margin, s.left_margin, s.right_margin = Mm(25), Mm(25), Mm(35), Mm(20)

    assert ids(mutate(generated("to-trinh"), bounds)) == []


def test_page_number_on_first_page() -> None:
    data = mutate(generated("ke-hoach"), lambda d: setattr(d.sections[0], "different_first_page_header_footer", False))
    assert model(data).sections[0].first_page_number
    assert only(data, "nd30.so-trang.trang-dau").severity is Severity.WARNING


def test_page_number_in_footer() -> None:
    def move(d):  # type: ignore[no-untyped-def]
        s = d.sections[0]
        clear_page_fields(s.header.paragraphs[0])
        add_page_field(s.footer.paragraphs[0])

    data = mutate(generated("ke-hoach"), move)
    assert only(data, "nd30.so-trang.vi-tri").severity is Severity.INFO
    assert "nd30.so-trang.trang-dau" not in ids(data)


def test_long_document_without_page_numbers() -> None:
    def strip(d):  # type: ignore[no-untyped-def]
        clear_page_fields(d.sections[0].header.paragraphs[0])
        anchor = para(d, "Điều 3.")
        for _ in range(30):
            anchor.insert_paragraph_before("Nội dung dài " * 12, style=anchor.style)

    data = mutate(generated("quyet-dinh"), strip)
    assert only(data, "nd30.so-trang.thieu").severity is Severity.INFO
    short = Document()
    for _ in range(5):
        short.add_paragraph("Nội dung ngắn " * 5)
    assert "nd30.so-trang.thieu" not in ids(to_bytes(short))


# ------------------------------------------------------------------ fonts


def test_font_set_in_a_style_is_found() -> None:
    """A style that says Arial is found though no run says so (resolved through styles)."""
    data = mutate(generated("quyet-dinh"), lambda d: setattr(d.styles["VB Nội dung"].font, "name", "Arial"))
    f = only(data, "nd30.phong.ten")
    assert "Arial" in f.message and "khác" in f.message
    assert f.fix is not None and (f.fix.kind, f.fix.params) == ("font", {"name": "Times New Roman"})
    assert f.location.paragraph is not None


def test_font_set_on_a_run_is_found() -> None:
    data = mutate(generated("to-trinh"), lambda d: runs_set(para(d, "Kính trình"), name="Calibri"))
    f = only(data, "nd30.phong.ten")
    assert "Calibri" in f.message and f.location.paragraph is not None


def test_theme_font_is_resolved() -> None:
    """python-docx's blank document takes its fonts from the theme: body text minorHAnsi
    (Cambria there), headings majorHAnsi (Calibri)."""
    document = Document()
    document.add_paragraph("Văn bản thử")
    document.add_heading("Tiêu đề", level=1)
    data = to_bytes(document)
    body, heading = model(data).paragraphs
    assert body.runs[0].font == "Cambria" and body.runs[0].font_other == "Cambria"
    assert heading.runs[0].font == "Calibri"
    assert "Cambria" in only(data, "nd30.phong.ten").message


# ------------------------------------------------------------------ sizes per role

#: role, kind, the paragraph (its start; exact text when the last item is True), a bad size
SIZE_CASES = [
    ("quoc-hieu", "quyet-dinh", "CỘNG HÒA", 14, False),
    ("tieu-ngu", "quyet-dinh", "Độc lập", 12, False),
    ("chu-quan", "quyet-dinh", "ỦY BAN NHÂN DÂN TỈNH", 14, False),
    ("co-quan", "quyet-dinh", "XÃ TÂN LỢI", 11, False),
    ("so", "quyet-dinh", "Số:", 14, False),
    ("ngay-thang", "quyet-dinh", "Tân Lợi, ngày", 12, False),
    ("ten-loai", "quyet-dinh", "QUYẾT ĐỊNH", 16, True),
    ("trich-yeu", "quyet-dinh", "Về việc tặng", 12, False),
    ("noi-dung", "quyet-dinh", "Điều 2.", 12, False),
    ("chu-ky", "quyet-dinh", "Nguyễn Thị Hồng Nhung", 12, False),
    ("noi-nhan", "quyet-dinh", "Nơi nhận", 14, False),
    ("noi-nhan-muc", "quyet-dinh", "- Như trên", 13, False),
]


@pytest.mark.parametrize(("role", "kind", "start", "size", "exact"), SIZE_CASES)
def test_size_out_of_range(role: str, kind: str, start: str, size: int, exact: bool) -> None:
    data = mutate(generated(kind), lambda d: runs_set(para(d, start, exact), size=Pt(size)))
    f = only(data, f"nd30.co-chu.{role}")
    assert f"{size} pt" in f.message and f.location.paragraph is not None
    assert [r for r in ids(data) if r.startswith("nd30.co-chu.")] == [f"nd30.co-chu.{role}"]


def test_size_set_in_a_style_counts_every_paragraph() -> None:
    data = mutate(generated("ke-hoach"), lambda d: setattr(d.styles["VB Nội dung"].font, "size", Pt(12)))
    f = only(data, "nd30.co-chu.noi-dung")
    assert "12 pt" in f.message and "khác" in f.message and "more" in f.message_en


# ------------------------------------------------------------------ header


def test_quoc_hieu_not_bold() -> None:
    f = only(mutate(generated("quyet-dinh"), lambda d: runs_set(para(d, "CỘNG HÒA"), bold=False)), "nd30.quoc-hieu.kieu")
    assert "không đậm" in f.message and "not bold" in f.message_en


def test_quoc_hieu_not_upper() -> None:
    data = mutate(generated("quyet-dinh"), lambda d: set_text(para(d, "CỘNG HÒA"), "Cộng hòa xã hội chủ nghĩa Việt Nam"))
    assert "không in hoa" in only(data, "nd30.quoc-hieu.kieu").message


def test_quoc_hieu_in_caps_formatting_passes() -> None:
    def caps(d):  # type: ignore[no-untyped-def]
        p = para(d, "CỘNG HÒA")
        set_text(p, "Cộng hòa xã hội chủ nghĩa Việt Nam")
        runs_set(p, all_caps=True)

    assert "nd30.quoc-hieu.kieu" not in ids(mutate(generated("quyet-dinh"), caps))


@pytest.mark.parametrize("wrong", ["Độc lập-Tự do-Hạnh phúc", "Độc Lập - Tự Do - Hạnh Phúc", "Độc lập – Tự do - Hạnh  phúc"])
def test_tieu_ngu_wording(wrong: str) -> None:
    f = only(mutate(generated("to-trinh"), lambda d: set_text(para(d, "Độc lập"), wrong)), "nd30.tieu-ngu.chu")
    assert f.severity is Severity.ERROR
    assert f.fix is not None and f.fix.kind == "replace"
    assert f.fix.params == {"old": wrong, "new": "Độc lập - Tự do - Hạnh phúc"}
    assert (f.location.start, f.location.end) == (0, len(wrong))


@pytest.mark.parametrize("right", ["Độc lập – Tự do – Hạnh phúc", "Độc lập — Tự do — Hạnh phúc"])
def test_tieu_ngu_with_other_dashes_passes(right: str) -> None:
    assert ids(mutate(generated("to-trinh"), lambda d: set_text(para(d, "Độc lập"), right))) == []


def test_tieu_ngu_not_bold() -> None:
    assert "không đậm" in only(mutate(generated("to-trinh"), lambda d: runs_set(para(d, "Độc lập"), bold=False)),
                               "nd30.tieu-ngu.kieu").message


def test_tieu_ngu_without_line_under_it() -> None:
    def drop(d):  # type: ignore[no-untyped-def]
        motto = para(d, "Độc lập")
        line = motto._p.getnext()
        line.getparent().remove(line)

    f = only(mutate(generated("to-trinh"), drop), "nd30.tieu-ngu.gach-duoi")
    assert f.location.table == 1 and f.location.cell == 2


def test_tieu_ngu_underlined_counts_as_a_line() -> None:
    def underline(d):  # type: ignore[no-untyped-def]
        motto = para(d, "Độc lập")
        line = motto._p.getnext()
        line.getparent().remove(line)
        runs_set(motto, underline=True)

    assert "nd30.tieu-ngu.gach-duoi" not in ids(mutate(generated("to-trinh"), underline))


def test_chu_quan_bold() -> None:
    f = only(mutate(generated("quyet-dinh"), lambda d: runs_set(para(d, "ỦY BAN NHÂN DÂN TỈNH"), bold=True)), "nd30.chu-quan.kieu")
    assert "đậm" in f.message


def test_co_quan_not_bold() -> None:
    f = only(mutate(generated("quyet-dinh"), lambda d: runs_set(para(d, "XÃ TÂN LỢI"), bold=False)), "nd30.co-quan.kieu")
    assert f.location.row == 1 and f.location.cell == 1


def test_without_parent_every_line_is_the_issuer() -> None:
    """The kế hoạch prints no cơ quan chủ quản: both lines are the issuer's, bold."""
    data = mutate(generated("ke-hoach"), lambda d: runs_set(para(d, "ỦY BAN NHÂN DÂN", exact=True), bold=False))
    assert only(data, "nd30.co-quan.kieu")
    assert "nd30.chu-quan.kieu" not in ids(data)


def test_date_line_not_italic() -> None:
    f = only(mutate(generated("quyet-dinh"), lambda d: runs_set(para(d, "Tân Lợi, ngày"), italic=False)), "nd30.ngay-thang.nghieng")
    assert f.location.row == 2


# ------------------------------------------------------------------ tên loại, trích yếu


def test_ten_loai_not_centred() -> None:
    def left(d):  # type: ignore[no-untyped-def]
        para(d, "TỜ TRÌNH", exact=True).alignment = WD_ALIGN_PARAGRAPH.LEFT

    assert "canh giữa" in only(mutate(generated("to-trinh"), left), "nd30.ten-loai.kieu").message


def test_trich_yeu_not_bold() -> None:
    f = only(mutate(generated("to-trinh"), lambda d: runs_set(para(d, "Về việc đề nghị"), bold=False)), "nd30.trich-yeu.kieu")
    assert f.location.paragraph == 2 and f.location.table is None


# ------------------------------------------------------------------ nội dung


def test_body_not_justified() -> None:
    def left(d):  # type: ignore[no-untyped-def]
        for start in ("Điều 1.", "Điều 2."):
            para(d, start).alignment = WD_ALIGN_PARAGRAPH.LEFT

    f = only(mutate(generated("quyet-dinh"), left), "nd30.noi-dung.can-deu")
    assert "1 đoạn khác" in f.message


def test_body_indent_wrong_in_style() -> None:
    data = mutate(generated("ke-hoach"), lambda d: setattr(d.styles["VB Nội dung"].paragraph_format, "first_line_indent", Cm(0.5)))
    f = only(data, "nd30.noi-dung.thut-dau-dong")
    assert "0,5 cm" in f.message and "0.5 cm" in f.message_en and "khác" in f.message


def test_body_indent_of_one_cm_passes() -> None:
    data = mutate(generated("ke-hoach"), lambda d: setattr(d.styles["VB Nội dung"].paragraph_format, "first_line_indent", Cm(1)))
    assert ids(data) == []


def test_body_paragraph_spacing_too_small() -> None:
    data = mutate(generated("quyet-dinh"), lambda d: setattr(d.styles["VB Nội dung"].paragraph_format, "space_after", Pt(0)))
    f = only(data, "nd30.noi-dung.gian-doan")
    assert "0 pt" in f.message


def test_body_line_spacing_double() -> None:
    data = mutate(generated("quyet-dinh"), lambda d: setattr(para(d, "Điều 1.").paragraph_format, "line_spacing", 2.0))
    assert "2 dòng" in only(data, "nd30.noi-dung.gian-dong").message


def test_body_line_spacing_exact_points() -> None:
    ok = mutate(generated("quyet-dinh"), lambda d: setattr(para(d, "Điều 1.").paragraph_format, "line_spacing", Pt(20)))
    assert "nd30.noi-dung.gian-dong" not in ids(ok)
    wide = mutate(generated("quyet-dinh"), lambda d: setattr(para(d, "Điều 1.").paragraph_format, "line_spacing", Pt(30)))
    assert "30 pt" in only(wide, "nd30.noi-dung.gian-dong").message


# ------------------------------------------------------------------ chữ ký, nơi nhận


def test_signer_name_not_bold() -> None:
    f = only(mutate(generated("quyet-dinh"), lambda d: runs_set(para(d, "Nguyễn Thị Hồng Nhung"), bold=False)), "nd30.chu-ky.kieu")
    assert "Nguyễn Thị Hồng Nhung" in f.message and f.location.table == 2


def test_signer_title_not_upper() -> None:
    data = mutate(generated("ke-hoach"), lambda d: set_text(para(d, "CHỦ TỊCH", exact=True), "Chủ tịch"))
    assert "không in hoa" in only(data, "nd30.chu-ky.kieu").message


def test_both_signers_of_a_bien_ban_are_checked() -> None:
    data = mutate(generated("bien-ban"), lambda d: runs_set(para(d, "THƯ KÝ"), bold=False))
    assert "THƯ KÝ" in only(data, "nd30.chu-ky.kieu").message


def test_noi_nhan_label_not_italic() -> None:
    f = only(mutate(generated("to-trinh"), lambda d: runs_set(para(d, "Nơi nhận"), italic=False)), "nd30.noi-nhan.nhan")
    assert "nghiêng" in f.message and "italic" in f.message_en


def test_noi_nhan_without_luu() -> None:
    data = mutate(generated("to-trinh"), lambda d: remove(para(d, "- Lưu:")))
    f = only(data, "nd30.noi-nhan.luu")
    assert f.location.where.startswith("bảng 2")


def test_noi_nhan_outside_a_table_is_checked() -> None:
    """The biên bản prints Nơi nhận below its two signatures, as body paragraphs."""
    data = mutate(generated("bien-ban"), lambda d: runs_set(para(d, "Nơi nhận"), bold=False))
    assert only(data, "nd30.noi-nhan.nhan").location.table is None


# ------------------------------------------------------------------ the model


def test_model_units_match_the_layout() -> None:
    m = model(generated("ke-hoach"))
    (sec,) = m.sections
    assert (round(sec.width), round(sec.height), round(sec.top), round(sec.left), round(sec.right)) == (210, 297, 20, 30, 15)
    assert sec.title_pg and sec.header_page_number and not sec.first_page_number
    body = next(p for p in m.paragraphs if p.style == "VB Nội dung" and p.text.strip())
    assert (body.alignment, round(body.first_line_indent, 2), body.space_after, body.line_spacing) == ("justify", 1.27, 6.0, 1.0)
    assert m.header_table == 1 and m.signature_table == 2


def test_model_anchors_match_the_reader() -> None:
    from docx_build import checked

    doc = checked(generated("quyet-dinh"))
    assert doc.docx is not None
    where = {b.location.where: b.text for b in doc.blocks}
    for p in doc.docx.paragraphs:
        if p.text.strip() and "\n" not in p.text and (len(p.anchor) == 1 or p.anchor[0] in (1, 2)):
            assert where.get(p.location.where) == p.text, p.location.where


def test_model_survives_a_malformed_document() -> None:
    def break_it(d):  # type: ignore[no-untyped-def]
        p = para(d, "Điều 1.")
        p._p.get_or_add_pPr().get_or_add_pStyle().set(qn("w:val"), "NoSuchStyle")
        sz = p.runs[0]._r.get_or_add_rPr()
        bad = sz.makeelement(qn("w:sz"), {qn("w:val"): "abc"})
        sz.append(bad)
        sect = d.sections[0]._sectPr
        sect.remove(sect.find(qn("w:pgMar")))
        based = d.styles["VB Nội dung"].element.makeelement(qn("w:basedOn"), {qn("w:val"): "VBNidung"})
        d.styles["VB Nội dung"].element.append(based)  # a style based on itself

    data = mutate(generated("quyet-dinh"), break_it)
    m = model(data)
    assert m.sections[0].top is None
    format_findings(data)  # must not raise


# ------------------------------------------------------------------ a document typed without tables


def test_plain_document_without_tables_passes() -> None:
    """Header, signature and Nơi nhận as plain paragraphs: the roles are found by their text."""
    from docx_build import checked, plain_document

    from vbhc.check.format_checks import _roles

    data = plain_document()
    roles = _roles(checked(data))
    assert roles.quoc_hieu and roles.tieu_ngu and roles.so and roles.ngay and roles.ten_loai
    assert roles.body[0][0].text == "I. MỤC ĐÍCH, YÊU CẦU"
    assert roles.noi_nhan is not None and len(roles.noi_nhan_entries) == 2
    assert [(f.rule_id, f.message) for f in format_findings(data)] == []


def test_plain_document_problems_are_found() -> None:
    from docx_build import PLAIN_LINES, plain_document

    lines = [(t, dict(p)) for t, p in PLAIN_LINES]
    lines[1][1]["underline"] = False              # no line under the Tiêu ngữ
    lines[4][1]["italic"] = False                 # date upright
    lines[8][1]["indent"] = 0                     # body not indented
    found = set(ids(plain_document(lines)))
    assert {"nd30.tieu-ngu.gach-duoi", "nd30.ngay-thang.nghieng", "nd30.noi-dung.thut-dau-dong"} <= found


def test_lines_broken_with_shift_enter_are_judged_one_by_one() -> None:
    """Quốc hiệu and Tiêu ngữ in one paragraph, split by a line break: each line is its role."""
    def join(d):  # type: ignore[no-untyped-def]
        qh, motto = para(d, "CỘNG HÒA"), para(d, "Độc lập")
        run = qh.add_run()
        run.add_break()
        motto_run = qh.add_run("Độc lập-Tự do-Hạnh phúc")
        motto_run.font.size, motto_run.font.bold = Pt(13), True
        remove(motto)

    data = mutate(generated("quyet-dinh"), join)
    f = only(data, "nd30.tieu-ngu.chu")
    start = len("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n")
    assert (f.location.start, f.location.end) == (start, start + len("Độc lập-Tự do-Hạnh phúc"))
    assert "nd30.quoc-hieu.kieu" not in ids(data)


def test_noi_nhan_in_one_paragraph_with_line_breaks() -> None:
    document = Document()
    p = document.add_paragraph()
    label = p.add_run("Nơi nhận:")
    label.font.size, label.font.bold, label.font.italic = Pt(12), True, True
    for entry in ("- Như trên;", "- Lưu VP."):
        p.add_run().add_break()
        p.add_run(entry).font.size = Pt(11)
    data = to_bytes(document)
    f = only(data, "nd30.noi-nhan.luu")
    assert f.location.start == len("Nơi nhận:\n- Như trên;\n")
    assert "nd30.noi-nhan.nhan" not in ids(data) and "nd30.co-chu.noi-nhan-muc" not in ids(data)
