"""Issue 7: the checker's reports — text, JSON (with its schema), SARIF, Excel.

Findings are made by hand; renderers only print them."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from openpyxl import load_workbook

from vbhc.check import FileReport, Finding, Fix, Location, Severity
from vbhc.report import check_schema, render_json, render_sarif, render_text, write_xlsx


def _f(rule_id: str, severity: Severity, loc: Location, fix: Fix | None = None) -> Finding:
    return Finding(rule_id, severity, "date", f"Thông điệp {rule_id}", f"Message {rule_id}", "NĐ 30/2020, Phụ lục I", loc, fix)


def _reports() -> list[FileReport]:
    cell = Location("bảng 1, hàng 1, ô 2, đoạn 2", table=1, row=1, cell=2, paragraph=2).with_span(16, 24, "tháng 05")
    line = Location("dòng 3", line=3).with_span(4, 9, "=SUM(")
    return [
        FileReport("ho so\\to-trinh.docx", [_f("nd30.test.a", Severity.ERROR, cell, Fix("replace", "bỏ số 0", {"old": "tháng 05", "new": "tháng 5"})),
                                          _f("nd30.test.b", Severity.WARNING, Location())], kind="docx"),
        FileReport("ke-hoach.txt", [_f("nd30.test.c", Severity.INFO, line)], kind="text"),
        FileReport("hong.docx", error="hong.docx: tệp Word (.docx) hỏng"),
    ]


def test_json_validates_and_round_trips() -> None:
    out = json.loads(render_json(_reports()))
    jsonschema.validate(out, check_schema())
    assert out["schema_version"] == 1
    first = out["files"][0]["findings"][0]
    assert first["location"] == {"where": "bảng 1, hàng 1, ô 2, đoạn 2", "table": 1, "row": 1, "cell": 2, "paragraph": 2,
                                 "start": 16, "end": 24, "text": "tháng 05"}
    assert first["fix"]["params"] == {"old": "tháng 05", "new": "tháng 5"}
    assert out["files"][2] == {"path": "hong.docx", "findings": [], "error": "hong.docx: tệp Word (.docx) hỏng"}
    assert out["summary"] == {"files": 3, "unreadable": 1, "error": 1, "warning": 1, "info": 1}
    only_errors = json.loads(render_json(_reports(), lang="en", min_severity=Severity.ERROR))
    jsonschema.validate(only_errors, check_schema())
    assert [len(f["findings"]) for f in only_errors["files"]] == [1, 0, 0]
    assert only_errors["files"][0]["findings"][0]["message"] == "Message nd30.test.a"


def test_text_groups_by_file_in_vietnamese_and_english() -> None:
    vi = render_text(_reports())
    lines = vi.splitlines()
    assert lines[0] == "ho so\\to-trinh.docx: 1 lỗi, 1 cảnh báo"
    assert lines[1].startswith("  [lỗi] bảng 1, hàng 1, ô 2, đoạn 2, ký tự 17–24 «tháng 05»: Thông điệp nd30.test.a")
    assert "[nd30.test.a; sửa được]" in lines[1] and "NĐ 30/2020, Phụ lục I" in lines[1]
    assert lines[2].startswith("  [cảnh báo] toàn văn bản:")
    assert "hong.docx: không đọc được — tệp Word (.docx) hỏng" in vi
    assert lines[-1] == "Đã kiểm tra 3 tệp: 1 lỗi, 1 cảnh báo, 1 thông tin; 1 tệp không đọc được"
    en = render_text(_reports(), lang="en", min_severity=Severity.WARNING)
    assert "table 1, row 1, cell 2, paragraph 2" in en and "fixable" in en and "Message nd30.test.a" in en
    assert "ke-hoach.txt: no findings" in en
    assert en.splitlines()[-1] == "Checked 3 files: 1 error, 1 warning; 1 file could not be read"
    assert "\x1b[31m" in render_text(_reports(), color=True) and "\x1b[" not in vi


def test_sarif_levels_regions_and_notifications() -> None:
    sarif = json.loads(render_sarif(_reports()))
    assert sarif["version"] == "2.1.0"
    run = sarif["runs"][0]
    assert run["tool"]["driver"]["name"] == "vbhc"
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == ["nd30.test.a", "nd30.test.b", "nd30.test.c"]
    assert [r["level"] for r in run["results"]] == ["error", "warning", "note"]
    word = run["results"][0]["locations"][0]
    assert word["physicalLocation"]["artifactLocation"]["uri"] == "ho%20so/to-trinh.docx"
    assert "startLine" not in word["physicalLocation"]["region"]
    assert word["physicalLocation"]["region"]["snippet"]["text"] == "tháng 05"
    assert word["logicalLocations"][0]["fullyQualifiedName"] == "table[1]/row[1]/cell[2]/paragraph[2]"
    assert run["results"][0]["properties"]["fix"]["kind"] == "replace"
    text = run["results"][2]["locations"][0]["physicalLocation"]["region"]
    assert (text["startLine"], text["startColumn"], text["endColumn"]) == (3, 5, 10)
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert notes[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "hong.docx"


def test_xlsx_rows_and_summary(tmp_path: Path) -> None:
    out = tmp_path / "bao-cao.xlsx"
    write_xlsx(_reports(), out)
    book = load_workbook(out)
    assert book.sheetnames == ["Phát hiện", "Tổng hợp"]
    ws = book["Phát hiện"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == ("Tệp", "Vị trí", "Mức độ", "Nhóm", "Quy tắc", "Nội dung", "Căn cứ", "Đoạn trích", "Cách sửa")
    assert len(rows) == 4 and rows[1][2] == "lỗi" and rows[1][4] == "nd30.test.a" and rows[1][8] == "bỏ số 0"
    assert rows[3][7] == "=SUM(" and ws.cell(4, 8).data_type == "s", "never a formula"
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref and ws["A1"].font.bold
    summary = list(book["Tổng hợp"].iter_rows(values_only=True))
    assert summary[1][:5] == ("ho so\\to-trinh.docx", 1, 1, 0, 2)
    assert "tệp Word (.docx) hỏng" in summary[3][5]
    assert ("nd30.test.a", "Ngày tháng", "lỗi", 1, "NĐ 30/2020, Phụ lục I") in [row[:5] for row in summary]
    write_xlsx(_reports(), tmp_path / "en.xlsx", lang="en")
    assert load_workbook(tmp_path / "en.xlsx").sheetnames == ["Findings", "Summary"]
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
