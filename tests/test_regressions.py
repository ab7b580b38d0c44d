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


@pytest.mark.parametrize("subject", ["Về hướng dẫn đánh giá trung tâm học tập cộng đồng", "V/v hướng dẫn đánh giá trung tâm học tập cộng đồng"])
def test_cong_van_subject_run_onto_the_number_line(subject):
    text = (
        "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH SỞ GIÁO DỤC VÀ ĐÀO TẠO\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc\n"
        f"Số: 5155/SGDĐT-GDTX {subject}\nThành phố Hồ Chí Minh, ngày 28 tháng 11 năm 2025\n"
        "Kính gửi: Ủy ban nhân dân phường, xã\nCăn cứ Luật Giáo dục;\n" + F + "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nTrương Hải Thanh"
    )
    p = vbhc.parse_text(text)
    assert (p.doc_type, p.number, p.title) == ("CONG_VAN", "5155/SGDĐT-GDTX", subject)


def test_head_of_the_issuer_run_into_an_upper_case_title_is_cut():
    text = (
        "BỘ TÀI CHÍNH CỤC HẢI QUAN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc\nSố: 37698/TB-CHQ\n"
        "Hà Nội, ngày 21 tháng 11 năm 2025\nTHÔNG BÁO VỀ KẾT QUẢ XÁC ĐỊNH TRƯỚC MÃ SỐ CỤC TRƯỞNG CỤC HẢI QUAN\n"
        "Căn cứ Luật Hải quan ngày 23/6/2014;\n" + F + "KT. CỤC TRƯỞNG\nPHÓ CỤC TRƯỞNG\nĐào Thu Hương"
    )
    p = vbhc.parse_text(text)
    assert (p.issuer, p.title) == ("CỤC HẢI QUAN", "VỀ KẾT QUẢ XÁC ĐỊNH TRƯỚC MÃ SỐ")


def test_title_ending_with_of_the_minister_keeps_its_end():
    text = (
        "BỘ TÀI CHÍNH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc\nSố: 112/2025/TT-BTC\n"
        "Hà Nội, ngày 28 tháng 11 năm 2025\nTHÔNG TƯ SỬA ĐỔI THÔNG TƯ SỐ 75/2024/TT-BTC NGÀY 31 THÁNG 10 NĂM 2024 CỦA BỘ TRƯỞNG BỘ TÀI CHÍNH\n"
        "Căn cứ Luật Ngân sách nhà nước số 83/2015/QH13;\n" + F + "KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nBùi Văn Khắng"
    )
    assert vbhc.parse_text(text).title.endswith("NĂM 2024 CỦA BỘ TRƯỞNG BỘ TÀI CHÍNH")


def test_chairman_and_issuer_run_into_a_decision_title_are_cut():
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc\nSố: 1612/QĐ-UBND\n"
        "Lai Châu, ngày 20 tháng 11 năm 2025\nQUYẾT ĐỊNH VỀ VIỆC CÔNG BỐ DANH MỤC THỦ TỤC HÀNH CHÍNH CỦA SỞ Y TẾ TỈNH LAI CHÂU "
        "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LAI CHÂU\nCăn cứ Luật Tổ chức chính quyền địa phương;\n" + F + "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nTống Thanh Hải"
    )
    assert vbhc.parse_text(text).title == "VỀ VIỆC CÔNG BỐ DANH MỤC THỦ TỤC HÀNH CHÍNH CỦA SỞ Y TẾ TỈNH LAI CHÂU"


def test_recipient_notes_in_brackets_stay_with_their_entry():
    footer = "Nơi nhận:\n- Văn phòng Chính phủ; (B/c)\n- Cục Kiểm tra văn bản - Bộ Tư pháp;\n(B/c)\n- Sở Tư pháp;\n- Lưu: VT.\n"
    p = vbhc.parse_text(H + "KẾ HOẠCH\nThi đua\nCăn cứ x;\n" + footer + "CHỦ TỊCH\nLê Văn Bình")
    assert p.recipients == ["Văn phòng Chính phủ (B/c)", "Cục Kiểm tra văn bản - Bộ Tư pháp (B/c)", "Sở Tư pháp", "Lưu: VT"]


@pytest.mark.parametrize("unit", ["PHƯỜNG AN PHÚ", "PHƯỜNG AN LẠC", "XÃ AN PHÚ"])
def test_a_ward_whose_name_folds_like_phuong_an_is_the_issuer(unit):
    """"phường An …" folds like the document type PHƯƠNG ÁN; printed with its marks it is a place."""
    text = (
        f"ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n{unit} Độc lập - Tự do - Hạnh phúc\n"
        "Số: 12/KH-UBND An Phú, ngày 03 tháng 3 năm 2023\nKẾ HOẠCH\nPhát động phong trào thi đua năm 2023\n"
        "I. MỤC ĐÍCH\nNội dung.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn An"
    )
    p = vbhc.parse_text(text)
    assert (p.issuer, p.issuer_printed, p.doc_type) == (f"ỦY BAN NHÂN DÂN {unit}", True, "KE_HOACH")
