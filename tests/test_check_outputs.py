"""Issue 7: what the checker writes — JSON, text, SARIF, Excel, Word comments, fixed copies."""
from __future__ import annotations

import json
import zipfile
from pathlib import Path

import jsonschema
import pytest
from docx import Document
from docx.shared import Mm
from openpyxl import load_workbook

from vbhc.check import FileReport, Finding, Fix, Location, Severity, check_file
from vbhc.check.annotate import annotate_docx
from vbhc.check.fix import apply_fixes
from vbhc.report import check_schema, render_json, render_sarif, render_text, write_xlsx


def _finding(severity: Severity, where: Location, fix: Fix | None = None) -> Finding:
    return Finding("nd30.thu.quy-tac", severity, "date", "Tháng 05 không cần số 0", "Month 05 needs no zero",
                   "NĐ 30/2020, Phụ lục I, mục II.4.b", where, fix)


def _reports() -> list[FileReport]:
    line = Location("dòng 4", line=4, start=10, end=18, text="tháng 05")
    cell = Location("bảng 1, hàng 2, ô 2, đoạn 1", paragraph=1, table=1, row=2, cell=2, start=0, end=4)
    return [
        FileReport("a/ke-hoach.txt", [_finding(Severity.WARNING, line), _finding(Severity.INFO, Location())], kind="text"),
        FileReport("b/to-trinh.docx", [_finding(Severity.ERROR, cell)], kind="docx"),
        FileReport("hong.docx", error="hong.docx: tệp Word (.docx) hỏng"),
    ]


def test_json_follows_its_schema_and_the_threshold() -> None:
    out = json.loads(render_json(_reports()))
    jsonschema.validate(out, check_schema())
    assert out["schema_version"] == 1
    assert [len(f["findings"]) for f in out["files"]] == [2, 1, 0]
    assert out["files"][2]["error"].startswith("hong.docx")
    f = out["files"][1]["findings"][0]
    assert f["location"] == {"where": "bảng 1, hàng 2, ô 2, đoạn 1", "paragraph": 1, "table": 1, "row": 2, "cell": 2, "start": 0, "end": 4}
    errors_only = json.loads(render_json(_reports(), min_severity=Severity.ERROR))
    assert [len(f["findings"]) for f in errors_only["files"]] == [0, 1, 0]
    assert json.loads(render_json(_reports(), lang="en"))["files"][0]["findings"][0]["message"] == "Month 05 needs no zero"


def test_text_groups_by_file_in_vietnamese_or_english() -> None:
    vi = render_text(_reports())
    assert vi.index("a/ke-hoach.txt") < vi.index("b/to-trinh.docx") < vi.index("hong.docx")
    assert "[cảnh báo]" in vi and "[lỗi]" in vi and "Tháng 05 không cần số 0" in vi
    en = render_text(_reports(), lang="en")
    assert "Month 05 needs no zero" in en and "[warning]" in en.lower()


def test_sarif_levels_and_regions() -> None:
    sarif = json.loads(render_sarif(_reports()))
    run = sarif["runs"][0]
    levels = [r["level"] for r in run["results"]]
    assert levels == ["warning", "note", "error"]
    region = run["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] == 4 and region["startColumn"] == 11 and region["endColumn"] == 19


def test_xlsx_has_a_row_per_finding_and_a_summary(tmp_path: Path) -> None:
    out = tmp_path / "bao-cao.xlsx"
    write_xlsx(_reports(), out)
    book = load_workbook(out)
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    assert len(rows) == 1 + 3
    assert any("Tháng 05 không cần số 0" in str(c) for c in rows[1])
    summary = " ".join(str(c) for row in book.worksheets[1].iter_rows(values_only=True) for c in row if c is not None)
    assert "hong.docx" in summary


def _docx(tmp_path: Path) -> Path:
    document = Document()
    document.sections[0].left_margin = Mm(15)
    p = document.add_paragraph()
    p.add_run("Tân Lợi, ngày 28 tháng ")
    bold = p.add_run("0")
    bold.bold = True
    p.add_run("5 năm 2026")
    table = document.add_table(rows=2, cols=2)
    table.cell(1, 1).paragraphs[0].add_run("Số: 5/TTr-UBND")
    path = tmp_path / "x.docx"
    document.save(str(path))
    return path


def test_fix_repairs_a_copy_across_runs_and_keeps_formatting(tmp_path: Path) -> None:
    path = _docx(tmp_path)
    before = path.read_bytes()
    findings = [
        _finding(Severity.WARNING, Location("đoạn 1", paragraph=1, start=16, end=24), Fix("replace", "tháng 5", {"old": "tháng 05", "new": "tháng 5"})),
        _finding(Severity.ERROR, Location("bảng 1, hàng 2, ô 2, đoạn 1", paragraph=1, table=1, row=2, cell=2, start=0, end=6),
                 Fix("replace", "Số: 05", {"old": "Số: 5", "new": "Số: 05"})),
        _finding(Severity.WARNING, Location(), Fix("margins", "lề trái 30 mm", {"left": 30})),
        _finding(Severity.WARNING, Location(), Fix("font", "Times New Roman", {"name": "Times New Roman"})),
        _finding(Severity.WARNING, Location("đoạn 1", paragraph=1, start=0, end=3), Fix("replace", "x", {"old": "không có", "new": "y"})),
    ]
    target = tmp_path / "x-da-sua.docx"
    result = apply_fixes(path, findings, target)
    assert len(result.applied) == 4 and len(result.skipped) == 1
    assert path.read_bytes() == before
    fixed = Document(str(target))
    assert fixed.paragraphs[0].text == "Tân Lợi, ngày 28 tháng 5 năm 2026"
    assert fixed.tables[0].cell(1, 1).text == "Số: 05/TTr-UBND"
    assert round(fixed.sections[0].left_margin.mm) == 30
    assert 'w:ascii="Times New Roman"' in zipfile.ZipFile(target).read("word/styles.xml").decode()
    with pytest.raises(ValueError):
        apply_fixes(path, findings, path)


def test_fix_a_text_file_line_by_line(tmp_path: Path) -> None:
    path = tmp_path / "k.txt"
    path.write_text("KẾ HOẠCH\nTân Lợi, ngày 28 tháng 05 năm 2026\n", encoding="utf-8")
    f = _finding(Severity.WARNING, Location("dòng 2", line=2, start=17, end=25), Fix("replace", "tháng 5", {"old": "tháng 05", "new": "tháng 5"}))
    result = apply_fixes(path, [f], tmp_path / "k-da-sua.txt")
    assert result.applied == [f]
    assert (tmp_path / "k-da-sua.txt").read_text(encoding="utf-8").splitlines()[1] == "Tân Lợi, ngày 28 tháng 5 năm 2026"


def test_annotate_anchors_each_comment_on_its_paragraph(tmp_path: Path) -> None:
    path = _docx(tmp_path)
    findings = [
        _finding(Severity.WARNING, Location("đoạn 1", paragraph=1, start=16, end=24)),
        _finding(Severity.ERROR, Location("bảng 1, hàng 2, ô 2, đoạn 1", paragraph=1, table=1, row=2, cell=2)),
    ]
    target = tmp_path / "x-nhan-xet.docx"
    assert annotate_docx(path, findings, target) == 2
    xml = zipfile.ZipFile(target).read("word/document.xml").decode()
    assert xml.count("<w:commentRangeStart") == 2
    comments = zipfile.ZipFile(target).read("word/comments.xml").decode()
    assert "[cảnh báo] Tháng 05 không cần số 0" in comments and "[lỗi]" in comments
    # the table comment sits in the cell that holds the number
    cell_xml = Document(str(target)).tables[0].cell(1, 1)._tc.xml
    assert "commentRangeStart" in cell_xml


def test_fixing_a_real_check_leaves_nothing_to_fix(tmp_path: Path) -> None:
    path = _docx(tmp_path)
    report = check_file(path)
    fixable = [f for f in report.findings if f.fix is not None]
    assert {f.fix.kind for f in fixable} >= {"margins"}
    target = tmp_path / "x2.docx"
    apply_fixes(path, fixable, target)
    assert not [f for f in check_file(target).findings if f.fix is not None and f.fix.kind == "margins"]
