"""Issue 7: ``vbhc check`` end to end — batches, exit status, outputs, copies.

The rules themselves are tested by example in test_check_format.py and
test_check_content.py; here the command is driven the way a clerk drives it.
"""
from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest
from conftest import CORPUS, ROOT, run_vbhc
from docx import Document
from docx_build import generated

from vbhc.check import Severity, check_file
from vbhc.check.rules import categories, rules
from vbhc.generate.context import kinds


def _generated(folder: Path, kind: str) -> Path:
    path = folder / f"{kind}.docx"
    path.write_bytes(generated(kind))
    return path


def _seed(number: str) -> Path:
    (path,) = CORPUS.glob(f"{number}_*.txt")
    return path


@pytest.mark.parametrize("kind", list(kinds()))
def test_generator_output_passes_every_check(tmp_path: Path, kind: str) -> None:
    """What vbhc generates, vbhc accepts: no warning and no error, format and content."""
    report = check_file(_generated(tmp_path, kind))
    assert report.error is None and not report.internal
    assert [f"{f.rule_id}: {f.message} ({f.location.where})" for f in report.at_least(Severity.WARNING)] == []


def test_batch_reports_every_file_and_goes_on_past_a_bad_one(tmp_path: Path) -> None:
    folder = tmp_path / "ho-so"
    folder.mkdir()
    _generated(folder, "to-trinh")
    (folder / "hong.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (folder / "ke-hoach-000.txt").write_text(_seed("000").read_text(encoding="utf-8"), encoding="utf-8")
    run = run_vbhc("check", str(folder), "--format", "json")
    assert run.returncode == 3, run.stderr
    out = json.loads(run.stdout)
    assert out["schema_version"] == 1
    by_name = {Path(f["path"]).name: f for f in out["files"]}
    assert set(by_name) == {"to-trinh.docx", "hong.docx", "ke-hoach-000.txt"}
    assert "hong.docx" in by_name["hong.docx"]["error"] and by_name["hong.docx"]["findings"] == []
    assert by_name["ke-hoach-000.txt"]["findings"], "the seed's findings are still reported"
    assert "Traceback" not in run.stderr


def test_exit_status_follows_the_threshold(tmp_path: Path) -> None:
    clean = _generated(tmp_path, "quyet-dinh")
    assert run_vbhc("check", str(clean), "--min-severity", "warning").returncode == 0
    seed = _seed("002")
    assert run_vbhc("check", str(seed), "--min-severity", "error").returncode == 1
    assert run_vbhc("check", str(seed), "--min-severity", "nonsense").returncode == 2
    assert run_vbhc("check", str(tmp_path / "khong-co.docx")).returncode == 3


def test_text_report_is_vietnamese_grouped_by_file_and_english_on_request(tmp_path: Path) -> None:
    seed = _seed("002")
    vi = run_vbhc("check", str(seed))
    assert vi.returncode == 1
    assert seed.name in vi.stdout and "20233" in vi.stdout
    assert "lỗi" in vi.stdout
    en = run_vbhc("check", str(seed), "--lang", "en")
    assert "20233" in en.stdout and "error" in en.stdout.lower()
    assert en.stdout != vi.stdout


def test_stdin_is_checked_as_text() -> None:
    text = _seed("001").read_text(encoding="utf-8")
    run = run_vbhc("check", "-", "--format", "json", stdin=text)
    out = json.loads(run.stdout)
    assert out["files"][0]["path"] == "<stdin>"
    assert any(f["rule_id"].startswith("nd30.ngay") for f in out["files"][0]["findings"])


def test_select_and_ignore_pick_rules_by_prefix() -> None:
    seed = str(_seed("002"))
    only_dates = json.loads(run_vbhc("check", seed, "--format", "json", "--select", "nd30.ngay").stdout)
    ids = {f["rule_id"] for f in only_dates["files"][0]["findings"]}
    assert ids and all(i.startswith("nd30.ngay") for i in ids)
    no_dates = json.loads(run_vbhc("check", seed, "--format", "json", "--ignore", "nd30.ngay").stdout)
    assert not any(f["rule_id"].startswith("nd30.ngay") for f in no_dates["files"][0]["findings"])


def test_sarif_and_xlsx_outputs(tmp_path: Path) -> None:
    seed = str(_seed("000"))
    sarif = json.loads(run_vbhc("check", seed, "--format", "sarif").stdout)
    assert sarif["version"] == "2.1.0" and sarif["runs"][0]["results"]
    assert run_vbhc("check", seed, "--format", "xlsx").returncode == 2, "xlsx needs --out"
    out = tmp_path / "bao-cao.xlsx"
    run = run_vbhc("check", seed, "--format", "xlsx", "--out", str(out))
    assert run.returncode == 1, run.stderr
    from openpyxl import load_workbook

    book = load_workbook(out)
    assert len(book.worksheets) >= 2 and book.worksheets[0].max_row >= 2


def _bad_margins_and_padding(tmp_path: Path) -> Path:
    """A generated Tờ trình with a 15 mm left margin and "tháng 05" in its date line."""
    from docx.shared import Mm

    path = _generated(tmp_path, "to-trinh")
    document = Document(str(path))
    document.sections[0].left_margin = Mm(15)
    for table in document.tables:
        for cell in table._cells:
            for p in cell.paragraphs:
                for run in p.runs:
                    if "tháng 11" in run.text:
                        run.text = run.text.replace("tháng 11", "tháng 05")
    document.save(str(path))
    assert "tháng 05" in "".join(c.text for t in document.tables for c in t._cells)
    return path


def test_fix_writes_a_repaired_copy_and_leaves_the_original(tmp_path: Path) -> None:
    path = _bad_margins_and_padding(tmp_path)
    before = path.read_bytes()
    run = run_vbhc("check", str(path), "--fix", "--format", "json")
    assert run.returncode == 1
    assert path.read_bytes() == before, "the original is never touched without --in-place"
    fixed = tmp_path / "to-trinh-da-sua.docx"
    assert fixed.exists(), run.stderr
    again = check_file(fixed)
    ids = {f.rule_id for f in again.findings}
    assert not any(i.startswith("nd30.trang.le") for i in ids)
    assert "tháng 05" not in "".join(c.text for t in Document(str(fixed)).tables for c in t._cells)
    # a second run never overwrites the first copy
    run_vbhc("check", str(path), "--fix")
    assert (tmp_path / "to-trinh-da-sua-2.docx").exists()
    assert run_vbhc("check", str(path), "--in-place").returncode == 2


def test_fix_in_place_only_when_asked(tmp_path: Path) -> None:
    path = _bad_margins_and_padding(tmp_path)
    run_vbhc("check", str(path), "--fix", "--in-place")
    assert not any(f.rule_id.startswith("nd30.trang.le") for f in check_file(path).findings)


def test_annotate_writes_a_copy_with_a_comment_per_finding(tmp_path: Path) -> None:
    path = _bad_margins_and_padding(tmp_path)
    run = run_vbhc("check", str(path), "--annotate", "--format", "json")
    findings = json.loads(run.stdout)["files"][0]["findings"]
    copy = tmp_path / "to-trinh-nhan-xet.docx"
    assert copy.exists(), run.stderr
    with zipfile.ZipFile(copy) as z:
        comments = z.read("word/comments.xml").decode("utf-8")
    assert len(re.findall(r"<w:comment ", comments)) == len(findings)
    assert findings[0]["message"].split('"')[0][:20] in comments


def test_rules_command_lists_every_rule_with_clause_and_category() -> None:
    run = run_vbhc("rules", "--format", "json")
    listed = json.loads(run.stdout)
    assert {r["id"] for r in listed} == set(rules())
    assert all(r["clause"] and r["message"] and r["message_en"] and r["category"] in categories() for r in listed)


def test_every_rule_has_a_test_by_example() -> None:
    """Each rule id appears in the checker's tests, where a document triggers it and
    another must not (test_check_format.py, test_check_content.py)."""
    text = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "tests").glob("test_check_*.py"))

    def tested(rid: str) -> bool:
        prefix, last = rid.rsplit(".", 1)
        # a parametrised family: f"nd30.co-chu.{role}" with the role "quoc-hieu" among the cases
        return rid in text or (f'"{prefix}.{{' in text and f'"{last}"' in text)

    assert [rid for rid in rules() if not tested(rid)] == []
