"""Issue 6: plans and award dossiers rendered from data in the Nghị định 30/2020 layout.

The round trip is the contract: what the generator prints, the parser reads back.
"""
from __future__ import annotations

import itertools
import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import CLEAN, CORPUS, GOLD, ROOT, SCORER, _need, run_vbhc
from docx import Document

import vbhc
from vbhc.errors import MissingFieldError, TemplateError
from vbhc.generate.build_templates import build_all
from vbhc.generate.context import kinds
from vbhc.generate.inputs import load_data
from vbhc.generate.render import render, render_docx_bytes, template_path
from vbhc.model import Plan, Signer

DOSSIER = ROOT / "tests" / "data" / "generate" / "ho-so-xa-tan-loi.json"


def _reparse(tmp_path: Path, plan: Plan, kind: str, name: str = "out") -> Plan:
    data, _ = render_docx_bytes(plan, kind)
    path = tmp_path / f"{name}.docx"
    path.write_bytes(data)
    return vbhc.parse_file(path)


# ------------------------------------------------------------------ templates


def test_committed_templates_are_what_the_builder_writes(tmp_path: Path) -> None:
    """The .docx in templates/ match the builder (rebuild and compare the XML parts)."""
    built = build_all(tmp_path)
    assert {p.name for p in built} == {f"{k}.docx" for k in kinds()}
    for path in built:
        committed = ROOT / "templates" / path.name
        with zipfile.ZipFile(path) as new, zipfile.ZipFile(committed) as old:
            for part in ("word/document.xml", "word/styles.xml", "word/header1.xml"):
                if part in new.namelist():
                    assert new.read(part) == old.read(part), f"{path.name}:{part} differs; run python -m vbhc.generate.build_templates templates"


@pytest.mark.parametrize("kind", list(kinds()))
def test_template_layout_follows_the_decree(kind: str) -> None:
    """A4, margins in the decree's ranges, Times New Roman, page number from page 2, the
    borderless header table first, literal section numbers (no Word numbering)."""
    document = Document(str(template_path(kind)))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert 20 <= round(section.top_margin.mm) <= 25 and 20 <= round(section.bottom_margin.mm) <= 25
    assert 30 <= round(section.left_margin.mm) <= 35 and 15 <= round(section.right_margin.mm) <= 20
    assert document.styles["Normal"].font.name == "Times New Roman"
    assert section.different_first_page_header_footer
    assert "PAGE" in section.header._element.xml and "PAGE" not in section.first_page_header._element.xml
    header = document.tables[0]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in header.rows[0].cells[1].text
    assert 'w:val="nil"' in header._tbl.tblPr.xml
    assert "w:numPr" not in document.element.xml
    styles = {s.name: s for s in document.styles}
    assert styles["VB Nội dung"].font.size.pt in (13, 14)
    assert styles["VB Nội dung"].paragraph_format.first_line_indent.cm in (pytest.approx(1.27, abs=0.01), pytest.approx(1.0, abs=0.01))
    assert styles["VB Nội dung"].paragraph_format.space_after.pt >= 6
    assert styles["VB Nơi nhận"].font.bold and styles["VB Nơi nhận"].font.italic and styles["VB Nơi nhận"].font.size.pt == 12
    assert styles["VB Nơi nhận mục"].font.size.pt == 11
    assert styles["VB Quốc hiệu"].font.size.pt in (12, 13) and styles["VB Tiêu ngữ"].font.size.pt in (13, 14)
    assert styles["VB Cơ quan chủ quản"].font.bold is False and styles["VB Cơ quan ban hành"].font.bold


def test_rules_are_sized_to_their_text(tmp_path: Path) -> None:
    """The Tiêu ngữ rule spans the motto; the issuer's and the trích yếu's 1/3–1/2 of theirs."""
    from vbhc.generate.rules import text_width_mm

    plan = vbhc.parse_file(next(CORPUS.glob("004_*.txt")))
    data, _ = render_docx_bytes(plan, "ke-hoach")
    (tmp_path / "kh.docx").write_bytes(data)
    document = Document(str(tmp_path / "kh.docx"))
    cell = document.tables[0].rows[0].cells[1]
    rule = next(p for p in cell.paragraphs if p.style.name == "VB Gạch dưới")
    available = cell.width.mm - 3.8
    length = available - rule.paragraph_format.left_indent.mm - rule.paragraph_format.right_indent.mm
    assert length == pytest.approx(text_width_mm("Độc lập - Tự do - Hạnh phúc", 14), rel=0.02)
    left = document.tables[0].rows[0].cells[0]
    issuer_rule = next(p for p in left.paragraphs if p.style.name == "VB Gạch dưới")
    widest = max(text_width_mm(p.text, 12) for p in left.paragraphs if p.style.name == "VB Cơ quan ban hành")
    span = left.width.mm - 3.8 - issuer_rule.paragraph_format.left_indent.mm * 2
    assert widest / 3 <= span <= widest / 2


# ------------------------------------------------------------------ round trips


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_parsed_plan_renders_back_to_itself(tmp_path: Path, path: Path) -> None:
    """A parsed plan keeps its paragraphs; rendered and parsed again, every field is the same."""
    plan = vbhc.parse_file(path)
    again = _reparse(tmp_path, plan, "ke-hoach")
    for name in ("doc_type", "number", "issue_date", "place", "issuer", "parent_issuer", "title", "recipients",
                 "references", "campaign_period", "targets", "criteria", "deadlines", "dossier", "preamble"):
        assert getattr(again, name) == getattr(plan, name), name
    assert (again.signer.authority, again.signer.title, again.signer.name) == (plan.signer.authority, plan.signer.title, plan.signer.name)
    assert [(s.label, s.heading) for s in again.sections] == [(s.label, s.heading) for s in plan.sections]
    assert [q.award for q in again.quotas] == [q.award for q in plan.quotas]


def test_gold_plans_render_to_a_document_the_scorer_accepts(tmp_path: Path) -> None:
    """The four clean seeds' truth files (flat signer keys), rendered and parsed: micro-F1 ≥ 0.97."""
    pred = tmp_path / "pred"
    pred.mkdir()
    for name in CLEAN:
        plan = load_data(GOLD / f"{name}.json")
        parsed = _reparse(tmp_path, plan, "ke-hoach", name)
        (pred / f"{name}.json").write_text(json.dumps(parsed.to_dict(), ensure_ascii=False), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(SCORER), "--truth", str(GOLD), "--pred", str(pred), "--only", ",".join(CLEAN),
         "--min-f1", "0.97", "--show-misses"],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    f1 = float(result.stdout.strip().splitlines()[-1].split()[1])
    assert f1 >= 0.97


def test_header_only_plan_renders(tmp_path: Path) -> None:
    """Missing optional parts are left out; the blank number and date are kept for the văn thư."""
    plan = Plan(issuer="ỦY BAN NHÂN DÂN XÃ TÂN LỢI", title="Phát động phong trào thi đua năm 2026")
    again = _reparse(tmp_path, plan, "ke-hoach")
    assert again.issuer == plan.issuer and again.title == plan.title and again.doc_type == "KE_HOACH"
    assert again.number == "/KH-UBND" and again.issue_date is None
    text = "\n".join(p.text for p in Document(str(tmp_path / "out.docx")).paragraphs)
    assert "{{" not in text and "{%" not in text


def test_fields_only_plan_places_each_field_under_its_section(tmp_path: Path) -> None:
    plan = load_data(GOLD / "seed_004.json")
    again = _reparse(tmp_path, plan, "ke-hoach")
    assert [(q.award, q.collectives, q.individuals) for q in again.quotas] == [
        (q.award, q.collectives, q.individuals) for q in plan.quotas
    ]
    assert [d.date for d in again.deadlines] == [d.date for d in plan.deadlines]


# ------------------------------------------------------------------ errors and safety


def test_missing_required_field_is_named() -> None:
    with pytest.raises(MissingFieldError) as error:
        render_docx_bytes(Plan(title="Kế hoạch thi đua"), "ke-hoach")
    assert error.value.fields == ["issuer"]
    with pytest.raises(MissingFieldError) as error:
        render_docx_bytes(Plan(issuer="ỦY BAN NHÂN DÂN XÃ A"), "to-trinh")
    assert set(error.value.fields) == {"addressees", "award", "nominees"}


def _user_template(tmp_path: Path, text: str) -> Path:
    document = Document()
    document.add_paragraph("Mở đầu")
    document.add_paragraph(text)
    path = tmp_path / "mau.docx"
    document.save(str(path))
    return path


def test_undefined_variable_names_template_field_and_place(tmp_path: Path) -> None:
    template = _user_template(tmp_path, "Kính gửi: {{ kinh_gui_sai }}")
    plan = Plan(issuer="ỦY BAN NHÂN DÂN XÃ A", title="Thi đua")
    with pytest.raises(TemplateError) as error:
        render_docx_bytes(plan, "ke-hoach", template)
    message = str(error.value)
    assert error.value.field == "kinh_gui_sai"
    assert "mau.docx" in message and "kinh_gui_sai" in message and "đoạn 2" in message


@pytest.mark.parametrize("payload", [
    "{{ title.__class__.__mro__[1].__subclasses__() }}",
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "{% include '/etc/passwd' %}",
    "{% import 'os' as os %}",
])
def test_user_template_cannot_run_code_or_read_files(tmp_path: Path, payload: str) -> None:
    template = _user_template(tmp_path, payload)
    plan = Plan(issuer="ỦY BAN NHÂN DÂN XÃ A", title="Thi đua")
    with pytest.raises(TemplateError):
        data, _ = render_docx_bytes(plan, "ke-hoach", template)
        assert b"root:" not in data


def test_existing_output_is_never_overwritten_unless_forced(tmp_path: Path) -> None:
    out = tmp_path / "ke-hoach.docx"
    out.write_bytes(b"ban cu cua nguoi dung")
    plan = Plan(issuer="ỦY BAN NHÂN DÂN XÃ A", title="Thi đua năm 2026")
    with pytest.raises(FileExistsError):
        render(plan, "ke-hoach", out)
    assert out.read_bytes() == b"ban cu cua nguoi dung"
    render(plan, "ke-hoach", out, force=True)
    assert zipfile.is_zipfile(out)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


# ------------------------------------------------------------------ command line


def test_cli_parse_then_generate(tmp_path: Path) -> None:
    """`vbhc parse old.docx --format json > p.json; vbhc generate ke-hoach --data p.json` works."""
    source = next(CORPUS.glob("003_*.txt"))
    parsed = run_vbhc("parse", "--format", "json", str(source))
    assert parsed.returncode == 0
    data = tmp_path / "p.json"
    data.write_text(parsed.stdout, encoding="utf-8")
    out = tmp_path / "moi.docx"
    result = run_vbhc("generate", "ke-hoach", "--data", str(data), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(out)
    assert vbhc.parse_file(out).title == json.loads(parsed.stdout)["title"]
    again = run_vbhc("generate", "ke-hoach", "--data", str(data), "--out", str(out))
    assert again.returncode == 3 and "--force" in again.stderr


def test_cli_missing_field_and_bad_data_are_one_line_errors(tmp_path: Path) -> None:
    data = tmp_path / "thieu.json"
    data.write_text(json.dumps({"title": "Thi đua"}), encoding="utf-8")
    result = run_vbhc("generate", "ke-hoach", "--data", str(data), "--out", str(tmp_path / "x.docx"))
    assert result.returncode == 2 and "issuer" in result.stderr and "thieu.json" in result.stderr
    assert "Traceback" not in result.stderr
    broken = tmp_path / "hong.json"
    broken.write_text("{ khong phai json", encoding="utf-8")
    result = run_vbhc("generate", "to-trinh", "--data", str(broken))
    assert result.returncode == 3 and "hong.json" in result.stderr and "Traceback" not in result.stderr


def test_cli_templates_lists_every_kind_with_its_fields() -> None:
    result = run_vbhc("templates", "--format", "json")
    entries = {e["kind"]: e for e in json.loads(result.stdout)}
    assert set(entries) == {"ke-hoach", "to-trinh", "bien-ban", "bao-cao-tap-the", "bao-cao-ca-nhan", "quyet-dinh"}
    assert "nominees" in entries["quyet-dinh"]["required"] and "meeting.chair" in entries["bien-ban"]["required"]
    assert all(Path(e["template"]).is_file() for e in entries.values())


# ------------------------------------------------------------------ PDF


@pytest.mark.slow
def test_every_kind_prints_to_pdf_with_embedded_fonts_and_diacritics(tmp_path: Path) -> None:
    _need(bool(shutil.which("soffice")), "LibreOffice (soffice)")
    _need(bool(shutil.which("pdffonts")), "poppler-utils (pdffonts)")
    dossier = load_data(DOSSIER)
    for kind in kinds():
        plan = vbhc.parse_file(next(CORPUS.glob("004_*.txt"))) if kind == "ke-hoach" else dossier
        if kind == "bao-cao-ca-nhan":
            from vbhc.model import Nominee

            plan.report.subject = Nominee("individual", "Trần Văn Bình", "Chánh Văn phòng", "UBND xã Tân Lợi")
        result = render(plan, kind, tmp_path / f"{kind}.docx", pdf=True)
        assert result.pdf is not None and result.pdf.stat().st_size > 5000
        fonts = subprocess.run(["pdffonts", str(result.pdf)], capture_output=True, text=True, check=True).stdout
        rows = [line.split() for line in fonts.splitlines()[2:] if line.strip()]
        assert rows and all("yes" == row[-5] for row in rows), fonts  # emb column
        assert any("Serif" in row[0] or "Times" in row[0] for row in rows)
        text = subprocess.run(["pdftotext", "-layout", str(result.pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "Độc lập - Tự do - Hạnh phúc" in text
        issuer_line = plan.issuer.split()[-1] if plan.issuer else ""
        assert issuer_line in text


def test_pdf_without_libreoffice_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from vbhc.errors import ToolMissingError
    from vbhc.generate import pdf

    monkeypatch.setattr(pdf, "soffice", lambda: None)
    plan = Plan(issuer="ỦY BAN NHÂN DÂN XÃ A", title="Thi đua năm 2026")
    with pytest.raises(ToolMissingError, match="libreoffice-writer-nogui"):
        render(plan, "ke-hoach", tmp_path / "a.docx", pdf=True)
    assert (tmp_path / "a.docx").exists()  # the .docx is kept


def test_signature_lines_follow_the_authority() -> None:
    from vbhc.generate.context import sign_lines

    ubnd = "ỦY BAN NHÂN DÂN HUYỆN LỘC NINH"
    assert sign_lines(Plan(issuer=ubnd, signer=Signer("KT.", "PHÓ CHỦ TỊCH", "A"))) == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    assert sign_lines(Plan(issuer=ubnd, signer=Signer("TM.", "CHỦ TỊCH", "A"))) == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
    assert sign_lines(Plan(issuer="SỞ NỘI VỤ TỈNH ĐỒNG NAI", signer=Signer("KT.", "PHÓ GIÁM ĐỐC", "A"))) == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]
    assert sign_lines(Plan(issuer=ubnd, signer=Signer(None, "CHỦ TỊCH", "A"))) == ["CHỦ TỊCH"]


@pytest.mark.parametrize("kind", [k for k in kinds() if k != "ke-hoach"])
def test_no_two_tables_touch_after_rendering(tmp_path: Path, kind: str) -> None:
    """Word and LibreOffice merge adjacent tables (a bordered list would lose its borders
    to the signature table after it): a paragraph must stand between any two."""
    from docx.oxml.ns import qn

    from vbhc.model import Nominee

    plan = load_data(DOSSIER)
    if kind == "bao-cao-ca-nhan":
        plan.report.subject = Nominee("individual", "Trần Văn Bình", "Chánh Văn phòng", "UBND xã Tân Lợi")
    data, _ = render_docx_bytes(plan, kind)
    (tmp_path / "x.docx").write_bytes(data)
    children = [child.tag for child in Document(str(tmp_path / "x.docx")).element.body]
    assert children.count(qn("w:tbl")) >= 2
    assert not any(a == b == qn("w:tbl") for a, b in itertools.pairwise(children))


def test_cli_quyet_dinh_from_an_excel_list_of_nominees(tmp_path: Path) -> None:
    """The clerk's path: a workbook with a "Thông tin" sheet and the danh sách, to a Quyết
    định whose attached list reads back row for row."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Danh sách"
    sheet.append(["DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2025"])
    sheet.append(["STT", "Họ và tên", "Chức vụ", "Đơn vị công tác", "Tiền thưởng"])
    sheet.append(["", "I. TẬP THỂ"])
    sheet.append([1, "Trạm Y tế xã Tân Lợi", None, None, 1404000])
    sheet.append(["", "II. CÁ NHÂN"])
    sheet.append([1, "Ông Trần Văn Bình", "Chánh Văn phòng", "UBND xã Tân Lợi", 702000])
    sheet.append([2, "Lê Thị Thu Hà", "Công chức Tư pháp - Hộ tịch", "UBND xã Tân Lợi", 702000])
    info = book.create_sheet("Thông tin")
    for row in (["Trường", "Giá trị"], ["Cơ quan ban hành", "ỦY BAN NHÂN DÂN XÃ TÂN LỢI"], ["Số", "45/QĐ-UBND"],
                ["Ngày", "05/02/2026"], ["Địa danh", "Tân Lợi"], ["Hình thức khen thưởng", "Giấy khen của Chủ tịch UBND xã"],
                ["Người ký", "Đỗ Minh Tuấn"], ["Chức vụ người ký", "CHỦ TỊCH"], ["Quyền hạn ký", "TM."]):
        info.append(row)
    data = tmp_path / "danh-sach.xlsx"
    book.save(data)
    out = tmp_path / "qd.docx"
    result = run_vbhc("generate", "quyet-dinh", "--data", str(data), "--out", str(out))
    assert result.returncode == 0, result.stderr
    plan = vbhc.parse_file(out)
    assert (plan.doc_type, plan.number, plan.issue_date, plan.award) == ("QUYET_DINH", "45/QĐ-UBND", "2026-02-05", "Giấy khen của Chủ tịch UBND xã")
    assert [(n.kind, n.name, n.position, n.reward) for n in plan.nominees] == [
        ("collective", "Trạm Y tế xã Tân Lợi", None, 1404000),
        ("individual", "Trần Văn Bình", "Chánh Văn phòng", 702000),
        ("individual", "Lê Thị Thu Hà", "Công chức Tư pháp - Hộ tịch", 702000),
    ]
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "ngày 05 tháng 02 năm 2026" in text and "cho 01 tập thể và 02 cá nhân" in text and "2.808.000 đồng" in text
