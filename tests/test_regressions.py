"""Regressions found by reading real documents: each case once went wrong."""
from __future__ import annotations

import time

import pytest

import vbhc

H = (
    "ỦY BAN NHÂN DÂN\nTỈNH BÌNH PHƯỚC\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "Số: 12/KH-UBND\nBình Phước, ngày 05 tháng 3 năm 2024\n"
)
F = "Nơi nhận:\n- Sở Nội vụ;\n- Lưu: VT.\n"


def test_title_ending_with_of_the_issuer_keeps_its_end():
    p = vbhc.parse_text(H + "KẾ HOẠCH\nThi đua, khen thưởng năm 2024 của Ủy ban nhân dân tỉnh Bình Phước\nCăn cứ x;\n")
    assert p.title == "Thi đua, khen thưởng năm 2024 của Ủy ban nhân dân tỉnh Bình Phước"


def test_authority_run_into_an_upper_case_title_is_cut():
    text = H.replace("KH-UBND", "QĐ-UBND") + "QUYẾT ĐỊNH\nVỀ VIỆC BAN HÀNH KẾ HOẠCH THI ĐUA NĂM 2024 ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC\nCăn cứ x;\n"
    assert vbhc.parse_text(text).title == "VỀ VIỆC BAN HÀNH KẾ HOẠCH THI ĐUA NĂM 2024"


def test_title_does_not_swallow_the_first_sentence():
    p = vbhc.parse_text(H + "KẾ HOẠCH\nPhát động phong trào thi đua năm 2024\nNăm 2023, công tác cải cách hành chính của tỉnh đạt nhiều kết quả.\n")
    assert p.title == "Phát động phong trào thi đua năm 2024"


def test_upper_case_title_wrapping_onto_an_opener_word():
    p = vbhc.parse_text(H.replace("KH-UBND", "QĐ-UBND") + "QUYẾT ĐỊNH\nVỀ VIỆC BAN HÀNH KẾ HOẠCH\nTHỰC HIỆN PHONG TRÀO THI ĐUA NĂM 2024\nCăn cứ x;\n")
    assert p.title == "VỀ VIỆC BAN HÀNH KẾ HOẠCH THỰC HIỆN PHONG TRÀO THI ĐUA NĂM 2024"


@pytest.mark.parametrize(
    ("block", "authority", "title", "name"),
    [
        ("KT.\nCHỦ TỊCH PHÓ CHỦ TỊCH Hoàng Xuân Tân", "KT.", "PHÓ CHỦ TỊCH", "Hoàng Xuân Tân"),
        ("T/M ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nLê Văn Bình", "TM.", "CHỦ TỊCH", "Lê Văn Bình"),
        ("KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nThượng tướng Lê Quốc Hùng", "KT.", "THỨ TRƯỞNG", "Lê Quốc Hùng"),
        ("CHỦ TỊCH\nNGUYỄN VĂN AN", None, "CHỦ TỊCH", "NGUYỄN VĂN AN"),
        ("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH THƯỜNG TRỰC\nTrần Văn Lộc", "KT.", "PHÓ CHỦ TỊCH THƯỜNG TRỰC", "Trần Văn Lộc"),
        ("TL. CỤC TRƯỞNG\nKT. TRƯỞNG BAN\nPHÓ TRƯỞNG BAN\nPhạm Thị Minh Hiền", "KT.", "PHÓ TRƯỞNG BAN", "Phạm Thị Minh Hiền"),
        ("TUQ. CHỦ TỊCH\nGIÁM ĐỐC SỞ NỘI VỤ\nĐỗ Văn Nam", "TUQ.", "GIÁM ĐỐC SỞ NỘI VỤ", "Đỗ Văn Nam"),
    ],
)
def test_signature_blocks(block, authority, title, name):
    p = vbhc.parse_text(H + "KẾ HOẠCH\nThi đua\nCăn cứ x;\n" + F + block)
    assert (p.signer.authority, p.signer.title, p.signer.name) == (authority, title, name)
    assert p.recipients == ["Sở Nội vụ", "Lưu: VT"]


@pytest.mark.parametrize(
    ("left", "issuer", "parent"),
    [
        ("ỦY BAN NHÂN DÂN\nHUYỆN PHONG ĐIỀN", "ỦY BAN NHÂN DÂN HUYỆN PHONG ĐIỀN", None),
        ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC", None),
        ("BỘ NỘI VỤ HỌC VIỆN HÀNH CHÍNH QUỐC GIA", "HỌC VIỆN HÀNH CHÍNH QUỐC GIA", "BỘ NỘI VỤ"),
        ("UBND THÀNH PHỐ HÀ NỘI TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", "UBND THÀNH PHỐ HÀ NỘI"),
        ("ĐẢNG BỘ TỈNH BÌNH PHƯỚC\nHUYỆN ỦY LỘC NINH", "HUYỆN ỦY LỘC NINH", "ĐẢNG BỘ TỈNH BÌNH PHƯỚC"),
    ],
)
def test_issuer_and_parent(left, issuer, parent):
    p = vbhc.parse_text(left + "\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 12/KH-UBND\nHà Nội, ngày 05 tháng 3 năm 2024\nKẾ HOẠCH\nThi đua\n")
    assert (p.issuer, p.parent_issuer) == (issuer, parent)


def test_noi_nhan_ho_so_in_the_body_is_not_the_footer():
    p = vbhc.parse_text(H + "KẾ HOẠCH\nThi đua\nI. HỒ SƠ\nNơi nhận hồ sơ: Sở Nội vụ.\nII. TỔ CHỨC THỰC HIỆN\nGiao Sở Nội vụ./.\n" + F + "CHỦ TỊCH\nLê Văn Bình")
    assert [s.label for s in p.sections] == ["I", "II"]
    assert p.recipients == ["Sở Nội vụ", "Lưu: VT"]


def test_sentence_case_roman_headings_and_final_period():
    p = vbhc.parse_text(H + "KẾ HOẠCH\nThi đua\nCăn cứ x;\nI. Mục đích, yêu cầu\n1. Mục đích\nII. Tổ chức thực hiện.\n" + F)
    assert [(s.label, s.heading) for s in p.sections] == [("I", "Mục đích, yêu cầu"), ("II", "Tổ chức thực hiện")]


def test_wrapped_entry_in_a_two_column_footer_stays_with_the_recipients():
    footer = "Nơi nhận:                          TM. ỦY BAN NHÂN DÂN\n- Ban Thi đua - Khen thưởng         CHỦ TỊCH\ntỉnh;\n- Lưu: VT.                          Lê Văn Bình"
    p = vbhc.parse_text(H + "KẾ HOẠCH\nThi đua\nCăn cứ x;\n" + footer)
    assert p.recipients == ["Ban Thi đua - Khen thưởng tỉnh", "Lưu: VT"]
    assert (p.signer.authority, p.signer.title, p.signer.name) == ("TM.", "CHỦ TỊCH", "Lê Văn Bình")


def test_abbreviated_place_and_markdown_table_header():
    assert vbhc.parse_text(H.replace("Bình Phước, ngày", "TP. Hồ Chí Minh, ngày") + "KẾ HOẠCH\nx\n").place == "TP. Hồ Chí Minh"
    table = "| UBND TỈNH BÌNH PHƯỚC<br>**SỞ NỘI VỤ** | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM** |\n|---|---|\n| Số: 12/KH-SNV | *Bình Phước, ngày 05 tháng 3 năm 2024* |\nKẾ HOẠCH\nThi đua\n"
    p = vbhc.parse_text(table)
    assert (p.issuer, p.parent_issuer, p.number, p.issue_date) == ("SỞ NỘI VỤ", "UBND TỈNH BÌNH PHƯỚC", "12/KH-SNV", "2024-03-05")


def test_bidi_marks_do_not_reach_the_output():
    p = vbhc.parse_text(H.replace("TỈNH BÌNH PHƯỚC", "TỈNH \u200fBÌNH PHƯỚC\u202e") + "KẾ HOẠCH\nx\n")
    assert p.issuer == "ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC"


@pytest.mark.parametrize(
    "text",
    [
        "Số: 1/KH-UBND\nKẾ HOẠCH\nx\nNơi nhận:\n- " + "a; " * 20000 + "\nCHỦ TỊCH\nLê Văn A",
        "Số:" + " " * 20000 + "a\nKẾ HOẠCH\nabc\n",
        "Số: 1/KH-UBND\nKẾ HOẠCH\nTiêu đề\nCăn cứ\n" + "dòng tiếp theo\n" * 40000,
    ],
    ids=["many-semicolons", "long-blank-run", "long-paragraph"],
)
def test_pathological_inputs_stay_linear(text):
    t0 = time.perf_counter()
    vbhc.parse_text(text)
    assert time.perf_counter() - t0 < 3.0
