"""Headers, titles, signers and recipients are common to every type of the genre.

The documents in tests/data/docs follow Nghị định 30/2020 and real practice: a Quyết
định signed by the chairman in his own name, a Tờ trình of a Phòng under its UBND, a
Công văn with "V/v" and "Kính gửi", a Biên bản with two signatures and no date line,
and a Báo cáo laid out the way web page dumps flatten it.
"""
from __future__ import annotations

import pytest
from conftest import DOCS

import vbhc

CASES = {
    "quyet_dinh_khen_thuong.txt": dict(
        doc_type="QUYET_DINH", number="125/QĐ-UBND", number_seq=125, symbol="QĐ-UBND", issue_date="2025-12-08",
        place="Tân Phú", issuer="ỦY BAN NHÂN DÂN XÃ TÂN PHÚ", parent_issuer=None,
        title="Về việc khen thưởng các tập thể, cá nhân có thành tích xuất sắc trong phong trào thi đua cải cách hành chính năm 2025",
        signer=(None, "CHỦ TỊCH", "Nguyễn Văn Hùng"), recipients=["Như Điều 3", "TT. Đảng ủy, TT. HĐND xã", "Lưu: VT, VP"],
        sections=["Điều 1", "Điều 2", "Điều 3"],
    ),
    "to_trinh_de_nghi.txt": dict(
        doc_type="TO_TRINH", number="45/TTr-PNV", number_seq=45, symbol="TTr-PNV", issue_date="2024-03-15",
        place="Đức Linh", issuer="PHÒNG NỘI VỤ", parent_issuer="UBND HUYỆN ĐỨC LINH",
        title="Về việc đề nghị tặng Giấy khen cho tập thể, cá nhân có thành tích trong công tác cải cách hành chính năm 2023",
        signer=(None, "TRƯỞNG PHÒNG", "Trần Minh Tâm"), recipients=["Như trên", "Lưu: VT, NV"], sections=[],
    ),
    "cong_van_trien_khai.txt": dict(
        doc_type="CONG_VAN", number="3456/UBND-NC", number_seq=3456, symbol="UBND-NC", issue_date="2025-09-05",
        place="Đồng Nai", issuer="ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI", parent_issuer=None,
        title="V/v triển khai phong trào thi đua cải cách hành chính năm 2025",
        signer=("KT.", "PHÓ CHỦ TỊCH", "Lê Thị Hồng Nhung"),
        recipients=["Như trên", "Chủ tịch, các Phó Chủ tịch UBND tỉnh", "Lưu: VT, NC"], sections=[],
    ),
    "bien_ban_hop_xet.txt": dict(
        doc_type="BIEN_BAN", number="02/BB-HĐTĐKT", number_seq=2, symbol="BB-HĐTĐKT", issue_date=None,
        place=None, issuer="HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG PHƯỜNG BÌNH PHƯỚC", parent_issuer=None,
        title="Họp xét khen thưởng phong trào thi đua cải cách hành chính năm 2025",
        signer=(None, "CHỦ TỌA", "Phạm Văn Lộc"), recipients=["Ủy ban nhân dân phường", "Lưu: VT, Hồ sơ"], sections=[],
    ),
    "bao_cao_tvpl_style.txt": dict(
        doc_type="BAO_CAO", number="128/BC-CT", number_seq=128, symbol="BC-CT", issue_date="2025-12-02",
        place="Hà Nội", issuer="CỤC THUẾ", parent_issuer="BỘ TÀI CHÍNH",
        title="KẾT QUẢ THỰC HIỆN PHONG TRÀO THI ĐUA CẢI CÁCH HÀNH CHÍNH NĂM 2025",
        signer=("KT.", "PHÓ CỤC TRƯỞNG", "Nguyễn Thị Thanh Hà"),
        recipients=["Bộ Tài chính (để b/c)", "Vụ Thi đua - Khen thưởng", "Lưu: VT, TĐKT"], sections=["I", "II"],
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_document_type_fields(name):
    want = CASES[name]
    plan = vbhc.parse(DOCS / name)
    for field in ("doc_type", "number", "number_seq", "symbol", "issue_date", "place", "issuer", "parent_issuer", "title"):
        assert getattr(plan, field) == want[field], field
    assert (plan.signer.authority, plan.signer.title, plan.signer.name) == want["signer"]
    assert plan.recipients == want["recipients"]
    assert [s.label for s in plan.sections] == want["sections"]


def test_bien_ban_without_date_line_is_not_warned():
    plan = vbhc.parse(DOCS / "bien_ban_hop_xet.txt")
    assert not any(w.field == "issue_date" for w in plan.warnings)


def test_pipe_table_header_of_a_web_dump():
    text = (
        "CHÍNH PHỦ_______ Số: 172/2025/NĐ-CP | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc____ "
        "Hà Nội, ngày 30 tháng 6 năm 2025\n"
        "NGHỊ ĐỊNH\n"
        "Quy định chi tiết một số điều của Luật Thi đua, khen thưởng\n"
        "Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;\n"
        "Điều 1. Phạm vi điều chỉnh\n"
        "Nghị định này quy định chi tiết.\n"
        "TM. CHÍNH PHỦ KT. THỦ TƯỚNG PHÓ THỦ TƯỚNG Nguyễn Hòa Bình\n"
    )
    plan = vbhc.parse_text(text)
    assert plan.issuer == "CHÍNH PHỦ"
    assert (plan.number, plan.number_seq, plan.symbol) == ("172/2025/NĐ-CP", 172, "NĐ-CP")
    assert (plan.issue_date, plan.place) == ("2025-06-30", "Hà Nội")
    assert plan.doc_type == "NGHI_DINH"
    assert plan.title == "Quy định chi tiết một số điều của Luật Thi đua, khen thưởng"
    assert (plan.signer.authority, plan.signer.title, plan.signer.name) == ("KT.", "PHÓ THỦ TƯỚNG", "Nguyễn Hòa Bình")
    assert [(s.label, s.heading) for s in plan.sections] == [("Điều 1", "Phạm vi điều chỉnh")]


def test_sentence_case_copy_without_header():
    """Database copies start at the type: "Quyết định về việc …" then the authority line."""
    text = (
        "Quyết định về việc ban hành quy chế thi đua, khen thưởng tỉnh gia lai\n"
        "Ủy ban nhân dân tỉnh gia lai\n"
        "Căn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003;\n"
        "Điều 1. Ban hành kèm theo Quyết định này Quy chế thi đua, khen thưởng.\n"
    )
    plan = vbhc.parse_text(text)
    assert plan.doc_type == "QUYET_DINH"
    assert plan.title == "về việc ban hành quy chế thi đua, khen thưởng tỉnh gia lai"
    assert plan.issuer == "ỦY BAN NHÂN DÂN TỈNH GIA LAI" and plan.issuer_printed is False


def test_old_tone_placement_is_read_and_written_in_the_new_style():
    text = "UỶ BAN NHÂN DÂN\nTỈNH KHÁNH HOÀ\nSố: 05/KH-UBND\nKhánh Hoà, ngày 05 tháng 01 năm 2024\nKẾ HOẠCH\nThi đua năm 2024\n"
    plan = vbhc.parse_text(text)
    assert plan.issuer == "ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA"
    assert plan.place == "Khánh Hòa"
    assert plan.number == "05/KH-UBND"  # the leading zero is kept as printed


def test_type_from_symbol_when_heading_is_missing():
    plan = vbhc.parse_text("ỦY BAN NHÂN DÂN\nXÃ AN BÌNH\nSố: 07/KH-UBND\nAn Bình, ngày 03 tháng 3 năm 2025\nNội dung.\n")
    assert plan.doc_type == "KE_HOACH"
    assert plan.provenance["doc_type"].inferred
    assert any(w.code == "type.from_symbol" for w in plan.warnings)


def test_impossible_header_date_is_null_with_a_warning():
    plan = vbhc.parse_text("Số: 12/KH-UBND\nCần Thơ, ngày 31 tháng 02 năm 2023\nKẾ HOẠCH\nThi đua\n")
    assert plan.issue_date is None
    assert any(w.code == "date.invalid" for w in plan.warnings)
