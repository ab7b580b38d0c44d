"""Issue 7: ``vbhc check --fix`` and ``--annotate`` — the safe fixer and the Word comments.

Small Word files are built here with python-docx; findings are made by hand (the checks
that make them are tested in test_check_format.py and test_check_content.py).
"""
from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm
from docx.text.paragraph import Paragraph

from vbhc.check.annotate import annotate_docx, comment_text
from vbhc.check.finding import Finding, Fix, Location, Severity
from vbhc.check.fix import FixResult, apply_fixes


def _finding(fix: tuple[str, dict] | None = None, location: Location | None = None, *,
             rule_id: str = "nd30.test.rule", severity: Severity = Severity.ERROR,
             message: str = "Tháng 1, 2 viết có số 0; các tháng khác không") -> Finding:
    return Finding(
        rule_id, severity, "date", message, "Month written with a leading zero",
        "NĐ 30/2020, Phụ lục I, mục II.4", location or Location(),
        Fix(fix[0], "sửa theo quy định", fix[1]) if fix else None,
    )


def _docx(tmp_path: Path, name: str = "van-ban.docx") -> Path:
    """Body: p1 "CỘNG HÒA…", p2 "Hà Nội, ngày 07 tháng 05 năm 2026" in three runs (the
    middle one bold), p3 "Nội dung."; table 1 of 2×2 whose cell (1, 2) holds two paragraphs,
    the second "Số: 12/KH-UBND, tháng 05"; margins 15 mm, Arial on a run."""
    document = Document()
    document.add_paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    p = document.add_paragraph()
    p.add_run("Hà Nội, ngày 07 ")
    p.add_run("tháng 0").bold = True
    p.add_run("5 năm 2026")
    run = document.add_paragraph().add_run("Nội dung.")
    run.font.name = "Arial"
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "ỦY BAN NHÂN DÂN"
    cell = table.cell(0, 1)
    cell.text = "Độc lập"
    cell.add_paragraph("Số: 12/KH-UBND, tháng 05")
    table.cell(1, 0).text = "Nơi nhận"
    for section in document.sections:
        section.left_margin = section.right_margin = Mm(15)
        section.top_margin = Mm(15)
    path = tmp_path / name
    document.save(str(path))
    return path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


DATE = Location("đoạn 2", paragraph=2).with_span(16, 24, "tháng 05")


# ----------------------------------------------------------------------------- fix


def test_replace_across_runs_keeps_the_bold_and_leaves_the_source(tmp_path: Path) -> None:
    src = _docx(tmp_path)
    before = _digest(src)
    out = tmp_path / "da-sua.docx"
    f = _finding(("replace", {"old": "tháng 05", "new": "tháng 5"}), DATE)
    result = apply_fixes(src, [f], out)
    assert isinstance(result, FixResult)
    assert result.applied == [f] and result.skipped == [] and result.written == out
    assert _digest(src) == before, "the source is never touched"
    p = Document(str(out)).paragraphs[1]
    assert p.text == "Hà Nội, ngày 07 tháng 5 năm 2026"
    assert [(r.text, bool(r.bold)) for r in p.runs] == [("Hà Nội, ngày 07 ", False), ("tháng 5", True), (" năm 2026", False)]


def test_several_replaces_in_one_paragraph_keep_their_spans(tmp_path: Path) -> None:
    src = _docx(tmp_path)
    day = _finding(("replace", {"old": "07", "new": "7"}), Location("đoạn 2", paragraph=2).with_span(13, 15, "07"), rule_id="nd30.test.ngay")
    month = _finding(("replace", {"old": "tháng 05", "new": "tháng 5"}), DATE)
    result = apply_fixes(src, [day, month], tmp_path / "out.docx")
    assert len(result.applied) == 2
    assert Document(str(tmp_path / "out.docx")).paragraphs[1].text == "Hà Nội, ngày 7 tháng 5 năm 2026"


def test_replace_in_a_table_cell_paragraph(tmp_path: Path) -> None:
    src = _docx(tmp_path)
    loc = Location("bảng 1, hàng 1, ô 2, đoạn 2", table=1, row=1, cell=2, paragraph=2).with_span(16, 24, "tháng 05")
    result = apply_fixes(src, [_finding(("replace", {"old": "tháng 05", "new": "tháng 5"}), loc)], tmp_path / "out.docx")
    assert result.applied and not result.skipped
    cell = Document(str(tmp_path / "out.docx")).tables[0].cell(0, 1)
    assert [p.text for p in cell.paragraphs] == ["Độc lập", "Số: 12/KH-UBND, tháng 5"]


def test_replace_not_found_where_expected_is_skipped_never_applied_elsewhere(tmp_path: Path) -> None:
    src = _docx(tmp_path)
    # "tháng 05" is in paragraph 2, not in paragraph 3; and not at span 0 of paragraph 2
    elsewhere = _finding(("replace", {"old": "tháng 05", "new": "tháng 5"}), Location("đoạn 3", paragraph=3).with_span(0, 8))
    wrong_span = _finding(("replace", {"old": "tháng 05", "new": "tháng 5"}), Location("đoạn 2", paragraph=2).with_span(0, 5), rule_id="nd30.test.b")
    missing = _finding(("replace", {"old": "tháng 13", "new": "tháng 12"}), Location("đoạn 2", paragraph=2), rule_id="nd30.test.c")
    no_such = _finding(("replace", {"old": "x", "new": "y"}), Location("đoạn 40", paragraph=40), rule_id="nd30.test.d")
    out = tmp_path / "out.docx"
    result = apply_fixes(src, [elsewhere, wrong_span, missing, no_such], out)
    assert result.applied == [] and len(result.skipped) == 4
    assert all(reason for _, reason in result.skipped)
    assert not out.exists(), "nothing fixed, nothing written"


def test_margins_page_size_and_font(tmp_path: Path) -> None:
    src = _docx(tmp_path)
    fixes = [
        _finding(("margins", {"left": 30, "right": 15, "top": 20}), rule_id="nd30.test.le"),
        _finding(("page_size", {"width": 210, "height": 297}), rule_id="nd30.test.kho"),
        _finding(("font", {"name": "Times New Roman"}), rule_id="nd30.test.phong"),
    ]
    out = tmp_path / "out.docx"
    result = apply_fixes(src, fixes, out)
    assert result.applied == fixes
    document = Document(str(out))
    section = document.sections[0]
    assert round(section.left_margin.mm) == 30 and round(section.right_margin.mm) == 15
    assert round(section.top_margin.mm) == 20
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert document.paragraphs[2].runs[0].font.name == "Times New Roman"
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:rFonts"))
    assert {defaults.get(qn(f"w:{a}")) for a in ("ascii", "hAnsi", "cs", "eastAsia")} == {"Times New Roman"}
    assert defaults.get(qn("w:asciiTheme")) is None, "a theme font would win over the name"
    for r_fonts in styles.iter(qn("w:rFonts")):
        assert r_fonts.get(qn("w:ascii")) == "Times New Roman"


def test_target_is_never_the_source_unless_in_place(tmp_path: Path) -> None:
    src = _docx(tmp_path)
    f = _finding(("margins", {"left": 30}))
    with pytest.raises(ValueError):
        apply_fixes(src, [f], src)
    with pytest.raises(ValueError):
        apply_fixes(src, [f], tmp_path / "." / src.name)
    result = apply_fixes(src, [f], src, in_place=True)
    assert result.applied == [f]
    assert round(Document(str(src)).sections[0].left_margin.mm) == 30
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")], "no temporary file left"


def test_unsafe_or_missing_fixes_are_skipped(tmp_path: Path) -> None:
    src = _docx(tmp_path)
    no_fix = _finding(None, rule_id="nd30.test.a")
    unsafe = _finding(("rewrite", {"text": "…"}), rule_id="nd30.test.b")
    bad = _finding(("margins", {"left": "rộng"}), rule_id="nd30.test.c")
    result = apply_fixes(src, [no_fix, unsafe, bad], tmp_path / "out.docx")
    assert result.applied == [] and [f for f, _ in result.skipped] == [unsafe, bad], "no fix: ignored"


def test_text_file_replace_line_wise(tmp_path: Path) -> None:
    src = tmp_path / "van-ban.txt"
    src.write_text("Số: 12/KH-UBND\r\nHà Nội, ngày 07 tháng 05 năm 2026\r\nNội dung tháng 05.\r\n", encoding="utf-8")
    before = src.read_bytes()
    line2 = Location("dòng 2", line=2).with_span(16, 24, "tháng 05")
    margins = _finding(("margins", {"left": 30}), rule_id="nd30.test.le")
    out = tmp_path / "out.txt"
    result = apply_fixes(src, [_finding(("replace", {"old": "tháng 05", "new": "tháng 5"}), line2), margins], out)
    assert len(result.applied) == 1 and [f for f, _ in result.skipped] == [margins]
    assert src.read_bytes() == before
    assert out.read_bytes() == "Số: 12/KH-UBND\r\nHà Nội, ngày 07 tháng 5 năm 2026\r\nNội dung tháng 05.\r\n".encode()


def test_other_kinds_of_file_skip_every_fix(tmp_path: Path) -> None:
    src = tmp_path / "scan.pdf"
    src.write_bytes(b"%PDF-1.4\n%...\n")
    f = _finding(("replace", {"old": "a", "new": "b"}), Location("trang 1, dòng 2", page=1, line=2))
    result = apply_fixes(src, [f], tmp_path / "out.pdf")
    assert result.applied == [] and result.skipped[0][0] == f
    assert not (tmp_path / "out.pdf").exists()


def test_fixed_date_is_no_longer_found_by_the_checker(tmp_path: Path) -> None:
    """Round trip with the real checker, when it reports a padded month."""
    from vbhc.check import check_file

    src = tmp_path / "to-trinh.txt"
    src.write_text("ỦY BAN NHÂN DÂN\nXÃ TÂN LỢI\nSố: 12/TTr-UBND\nTân Lợi, ngày 15 tháng 05 năm 2026\n"
                   "TỜ TRÌNH\nVề việc khen thưởng\nKính gửi: Ủy ban nhân dân huyện.\n", encoding="utf-8")
    fixable = [f for f in check_file(src).findings if f.fix is not None and f.fix.kind == "replace"]
    if not fixable:
        pytest.skip("no content check proposes a replace for this text yet")
    out = tmp_path / "out.txt"
    result = apply_fixes(src, fixable, out)
    assert result.applied
    after = {(f.rule_id, f.location.where) for f in check_file(out).findings if f.fix is not None and f.fix.kind == "replace"}
    assert not after & {(f.rule_id, f.location.where) for f in result.applied}


# ----------------------------------------------------------------------------- annotate


def _comments(path: Path) -> dict[int, tuple[str, str]]:
    """Comment id → (comment text, text of the anchored runs)."""
    document = Document(str(path))
    texts = {c.comment_id: c.text for c in document.comments}
    anchored: dict[int, str] = {}
    body = document.element.body
    for start in body.iter(qn("w:commentRangeStart")):
        cid = start.get(qn("w:id"))
        pieces: list[str] = []
        inside = False
        for node in body.iter(qn("w:commentRangeStart"), qn("w:commentRangeEnd"), qn("w:t")):
            if node.tag == qn("w:commentRangeStart") and node.get(qn("w:id")) == cid:
                inside = True
            elif node.tag == qn("w:commentRangeEnd") and node.get(qn("w:id")) == cid:
                break
            elif inside and node.tag == qn("w:t"):
                pieces.append(node.text or "")
        anchored[int(cid)] = "".join(pieces)
    return {cid: (texts[cid], anchored.get(cid, "")) for cid in texts}


def _anchor_paragraph(path: Path, cid: int) -> str:
    document = Document(str(path))
    for start in document.element.body.iter(qn("w:commentRangeStart")):
        if int(start.get(qn("w:id"))) == cid:
            return Paragraph(start.getparent(), document._body).text
    raise AssertionError(f"no range for comment {cid}")


def test_annotate_puts_each_comment_on_its_paragraph_and_cell(tmp_path: Path) -> None:
    src = _docx(tmp_path)
    before = _digest(src)
    on_span = _finding(("replace", {"old": "tháng 05", "new": "tháng 5"}), DATE)
    on_cell = _finding(None, Location("bảng 1, hàng 1, ô 2, đoạn 2", table=1, row=1, cell=2, paragraph=2),
                       rule_id="nd30.test.so", severity=Severity.WARNING, message="Số và ký hiệu viết sai")
    on_doc = _finding(None, rule_id="nd30.test.le", message="Lề trái 15 mm, phải từ 30 đến 35 mm")
    out = tmp_path / "nhan-xet.docx"
    assert annotate_docx(src, [on_span, on_cell, on_doc], out) == 3
    assert _digest(src) == before
    comments = _comments(out)
    assert len(comments) == 3
    by_text = {text.split(" — ")[-1].split("\n")[0]: (cid, text, anchored) for cid, (text, anchored) in comments.items()}
    cid, text, anchored = by_text["nd30.test.rule"]
    assert text.startswith("[lỗi] Tháng 1, 2 viết có số 0") and "(NĐ 30/2020, Phụ lục I, mục II.4)" in text
    assert "Cách sửa: sửa theo quy định" in text
    assert anchored == "tháng 05", "the runs are split at the span"
    assert _anchor_paragraph(out, cid) == "Hà Nội, ngày 07 tháng 05 năm 2026", "splitting keeps the text"
    cid, text, anchored = by_text["nd30.test.so"]
    assert text.startswith("[cảnh báo] Số và ký hiệu viết sai") and anchored == "Số: 12/KH-UBND, tháng 05"
    cid, text, anchored = by_text["nd30.test.le"]
    assert anchored == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    bold = [r for r in Document(str(out)).paragraphs[1].runs if r.bold]
    assert "".join(r.text for r in bold) == "tháng 0", "split runs keep their formatting"


def test_annotate_in_english_and_on_a_row(tmp_path: Path) -> None:
    src = _docx(tmp_path)
    row = _finding(None, Location("bảng 1, hàng 2", table=1, row=2))
    lost = _finding(None, Location("đoạn 99", paragraph=99), rule_id="nd30.test.mat")
    out = tmp_path / "en.docx"
    assert annotate_docx(src, [row, lost], out, lang="en", author="Văn thư") == 2
    comments = _comments(out)
    texts = sorted(t for t, _ in comments.values())
    assert texts[0].startswith("[error] Month written with a leading zero (NĐ 30/2020")
    assert any("đoạn 99" in t for t in texts), "a finding whose place is gone says where it was"
    assert any(anchored.startswith("Nơi nhận") for _, anchored in comments.values())
    with zipfile.ZipFile(out) as z:
        xml = z.read("word/comments.xml").decode("utf-8")
    assert 'w:author="Văn thư"' in xml


def test_annotate_never_writes_the_source(tmp_path: Path) -> None:
    src = _docx(tmp_path)
    with pytest.raises(ValueError):
        annotate_docx(src, [_finding()], src)


def test_comment_text_format() -> None:
    f = _finding(None)
    assert comment_text(f) == "[lỗi] Tháng 1, 2 viết có số 0; các tháng khác không (NĐ 30/2020, Phụ lục I, mục II.4) — nd30.test.rule"
