"""Body fields (issue 3): references, campaign period, targets, criteria, quotas, deadlines, dossier.

Each test is a short plan written the way real ones are, with a rule of the genre in it.
"""
from __future__ import annotations

import pytest
from conftest import DOCS

import vbhc

HEAD = (
    "ỦY BAN NHÂN DÂN\nXÃ AN BÌNH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "Số: 15/KH-UBND\nAn Bình, ngày 10 tháng 3 năm 2026\nKẾ HOẠCH\nPhát động phong trào thi đua năm 2026\n"
)
FOOT = "Nơi nhận:\n- UBND tỉnh;\n- Lưu: VT.\nCHỦ TỊCH\nNguyễn Văn Bình\n"


def plan(body: str) -> vbhc.Plan:
    return vbhc.parse_text(HEAD + body + FOOT)


# ---------------------------------------------------------------- references


def test_references_each_once_with_date_issuer_and_type():
    p = plan(
        "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;\n"
        "Căn cứ Nghị định số 152/2025/NĐ-CP của Chính phủ;\n"
        "Thực hiện Kế hoạch số 24/KH-UBND ngày 27/01/2026 của UBND tỉnh về thi đua;\n"
        "Ngày 30/8/2025, Sở Nội vụ có Công văn số 2328/SNV-TCCC về việc hướng dẫn khen thưởng.\n"
        "Hồ sơ theo Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 và Luật Cán bộ, công chức.\n"
    )
    refs = {r.number: r for r in p.references}
    assert list(refs) == ["06/2022/QH15", "152/2025/NĐ-CP", "24/KH-UBND", "2328/SNV-TCCC"]
    assert refs["06/2022/QH15"].doc_type == "LUAT" and refs["06/2022/QH15"].date == "2022-06-15"
    assert refs["152/2025/NĐ-CP"].date == "2025-06-14"  # from the first citation that prints one
    assert refs["152/2025/NĐ-CP"].issuer == "Chính phủ"
    assert refs["24/KH-UBND"].doc_type == "KE_HOACH" and refs["24/KH-UBND"].issuer == "UBND tỉnh"
    assert refs["2328/SNV-TCCC"].doc_type == "CONG_VAN" and refs["2328/SNV-TCCC"].date == "2025-08-30"


def test_own_number_and_lowercase_quy_dinh_are_not_references():
    p = plan("Thực hiện theo quy định tại Quyết định số 12/QĐ-UBND.\nKế hoạch số 15/KH-UBND này thay thế kế hoạch cũ.\n")
    assert [(r.doc_type, r.number) for r in p.references] == [("QUYET_DINH", "12/QĐ-UBND")]


# ---------------------------------------------------------------- period


@pytest.mark.parametrize(
    ("clause", "start", "end"),
    [
        ("Thời gian thi đua: từ ngày ban hành Kế hoạch đến ngày 31 tháng 12 năm 2026.", "2026-03-10", "2026-12-31"),
        ("Thời gian thi đua: từ tháng 10 năm 2025 đến hết tháng 3 năm 2026.", "2025-10", "2026-03"),
        ("Thời gian thi đua: từ năm 2026 đến năm 2030.", "2026", "2030"),
        ("Thời gian thi đua: từ ngày ban hành đến Đại hội Đảng bộ xã lần thứ II.", "2026-03-10", None),
    ],
)
def test_period_at_the_precision_printed(clause, start, end):
    p = plan(f"I. NỘI DUNG\n1. {clause}\n")
    assert (p.campaign_period.start, p.campaign_period.end) == (start, end)
    assert p.campaign_period.text


def test_period_from_the_title_when_no_clause():
    p = vbhc.parse_text(HEAD.replace("năm 2026\n", "giai đoạn 2026 - 2030\n") + "Nội dung.\n" + FOOT)
    assert (p.campaign_period.start, p.campaign_period.end) == ("2026", "2030")
    assert p.provenance["campaign_period"].inferred


def test_period_from_issue_date_left_blank_is_null_with_warning():
    text = HEAD.replace("ngày 10 tháng 3 năm 2026", "ngày    tháng 3 năm 2026") + "1. Tổ chức thi đua: Kể từ ngày ban hành đến ngày 20 tháng 12 năm 2026.\n" + FOOT
    p = vbhc.parse_text(text)
    assert (p.campaign_period.start, p.campaign_period.end) == (None, "2026-12-20")
    assert any(w.code == "period.start_blank" for w in p.warnings)


# ---------------------------------------------------------------- quotas


def test_quotas_totals_breakdown_ceiling_and_unallocated():
    p = plan(
        "III. HÌNH THỨC VÀ SỐ LƯỢNG KHEN THƯỞNG\n"
        "1. Khen thưởng hàng năm\n"
        "a) Bằng khen của Chủ tịch UBND tỉnh: số lượng do UBND tỉnh phân bổ.\n"
        "b) Giấy khen của Chủ tịch UBND xã: tặng cho 03 tập thể và 05 cá nhân, gồm:\n"
        "- 01 thôn và 02 đoàn thể;\n"
        "- 05 cán bộ, công chức.\n"
        "2. Khen thưởng tổng kết giai đoạn 2026 - 2030\n"
        "Giấy khen của Chủ tịch UBND xã: không vượt quá 06 tập thể và mười hai cá nhân.\n"
    )
    q = {(x.award, x.scope): x for x in p.quotas}
    assert q[("Bằng khen", "hàng năm")].collectives is None and q[("Bằng khen", "hàng năm")].individuals is None
    yearly = q[("Giấy khen", "hàng năm")]
    assert (yearly.collectives, yearly.individuals, yearly.max) == (3, 5, False)
    assert yearly.conferrer == "Chủ tịch UBND xã"
    assert [(b.kind, b.count) for b in yearly.breakdown] == [("collective", 1), ("collective", 2), ("individual", 5)]
    final = q[("Giấy khen", "tổng kết giai đoạn 2026 - 2030")]
    assert (final.collectives, final.individuals, final.max) == (6, 12, True)


def test_quota_labels_and_award_counts():
    """Seed 001's shape: "- Đối với tập thể: Tặng 03 Giấy khen …", then its "+ 01 …" split."""
    p = plan(
        "III. HÌNH THỨC KHEN THƯỞNG\n1. Khen thưởng hàng năm\nTặng Giấy khen của Chủ tịch UBND xã\n"
        "- Đối với tập thể: Tặng 03 Giấy khen của Chủ tịch UBND xã.\n+ 01 Giấy khen cho thôn.\n+ 02 Giấy khen cho trường học.\n"
        "- Đối với cá nhân: Tặng 04 Giấy khen của Chủ tịch UBND xã.\n"
    )
    (q,) = p.quotas
    assert (q.award, q.collectives, q.individuals, q.scope) == ("Giấy khen", 3, 4, "hàng năm")
    assert sum(b.count for b in q.breakdown) == 3


def test_count_without_award_is_left_out_with_a_warning():
    p = plan("II. KHEN THƯỞNG\nTặng thưởng cho 05 tập thể tiêu biểu.\n")
    assert p.quotas == []
    assert any(w.code == "quota.no_award" for w in p.warnings)


def test_counts_that_are_not_quotas():
    p = plan("II. TIÊU CHUẨN\n- Có ít nhất 02 lần được tặng Bằng khen;\n- Thực hiện 04 nội dung thi đua.\n")
    assert [q for q in p.quotas if q.collectives or q.individuals] == []


# ---------------------------------------------------------------- deadlines


def test_deadlines_fixed_yearly_relative_and_repeated():
    p = plan(
        "IV. HỒ SƠ VÀ THỜI GIAN\n"
        "1. Hồ sơ gửi về Văn phòng UBND xã trước ngày 25/5/2026.\n"
        "2. Báo cáo kết quả gửi về UBND xã trước ngày 30 tháng 11 hàng năm.\n"
        "3. Hồ sơ đề nghị Bằng khen gửi Sở Nội vụ trước ngày 10 tháng 02 năm liền kề.\n"
        "4. Văn phòng trình khen thưởng chậm nhất 10 ngày trước khi tổ chức Hội nghị tổng kết.\n"
        "5. Hồ sơ gửi về Văn phòng UBND xã trước ngày 25/5/2026 (nhắc lại).\n"
        "6. Lễ phát động dự kiến tổ chức vào tháng 5/2026.\n"
    )
    dates = [(d.date, d.recurring) for d in p.deadlines]
    assert dates == [("2026-05-25", False), ("--11-30", True), ("--02-10", True), (None, False)]
    assert p.deadlines[0].what.startswith("Hồ sơ gửi về Văn phòng UBND xã")
    assert "hàng năm" in p.deadlines[1].text


def test_impossible_deadline_is_left_out_with_a_warning():
    p = plan("1. Gửi báo cáo trước ngày 31/02/2026.\n")
    assert p.deadlines == []
    assert any(w.code == "deadline.invalid_date" for w in p.warnings)


def test_campaign_end_is_not_also_a_deadline():
    p = plan("1. Thời gian thi đua: từ ngày ban hành đến trước ngày 20 tháng 12 năm 2026.\n")
    assert p.campaign_period.end == "2026-12-20"
    assert p.deadlines == []


# ---------------------------------------------------------------- dossier, targets, criteria


def test_dossier_items_copies_and_forms():
    p = plan(
        "IV. HỒ SƠ ĐỀ NGHỊ KHEN THƯỞNG\n"
        "- Tờ trình đề nghị khen thưởng (01 bản);\n"
        "- Biên bản họp Hội đồng Thi đua - Khen thưởng (01 bản);\n"
        "- Báo cáo thành tích của tập thể (Mẫu số 07 ban hành kèm theo Nghị định số 152/2025/NĐ-CP ngày 14/6/2025).\n"
    )
    assert [(d.item, d.copies) for d in p.dossier][:2] == [
        ("Tờ trình đề nghị khen thưởng", 1),
        ("Biên bản họp Hội đồng Thi đua - Khen thưởng", 1),
    ]
    assert p.dossier[2].form_ref == "Mẫu số 07 … Nghị định số 152/2025/NĐ-CP"


def test_targets_and_criteria_know_whom_they_apply_to():
    p = plan(
        "II. ĐỐI TƯỢNG, TIÊU CHUẨN\n1. Đối tượng\na) Tập thể: các thôn, trường học trên địa bàn xã.\n"
        "b) Cá nhân: cán bộ, công chức xã.\n2. Tiêu chuẩn\na) Khen thưởng hàng năm\n- Đối với tập thể:\n"
        "+ Hoàn thành xuất sắc nhiệm vụ được giao;\n- Đối với cá nhân:\n+ Có sáng kiến được công nhận.\n"
    )
    assert [(t.kind, t.text) for t in p.targets] == [
        ("collective", "các thôn, trường học trên địa bàn xã"),
        ("individual", "cán bộ, công chức xã"),
    ]
    assert [(c.applies_to, c.scope, c.text) for c in p.criteria] == [
        ("collective", "hàng năm", "Hoàn thành xuất sắc nhiệm vụ được giao"),
        ("individual", "hàng năm", "Có sáng kiến được công nhận"),
    ]


# ---------------------------------------------------------------- other document types


def test_proposal_in_a_to_trinh_and_award_in_a_quyet_dinh_are_quotas():
    to_trinh = vbhc.parse(DOCS / "to_trinh_de_nghi.txt")
    assert [(q.award, q.collectives, q.individuals) for q in to_trinh.quotas] == [("Giấy khen", 3, 7)]
    quyet_dinh = vbhc.parse(DOCS / "quyet_dinh_khen_thuong.txt")
    assert [(q.award, q.collectives, q.individuals) for q in quyet_dinh.quotas] == [("Giấy khen", 2, 5)]
    assert [r.number for r in quyet_dinh.references] == ["72/2025/QH15", "06/2022/QH15", "152/2025/NĐ-CP", "40/TTr-VP"]


@pytest.mark.parametrize(
    ("title", "start", "end"),
    [
        ("Thực hiện lộ trình đổi mới công nghệ đến năm 2035", None, "2035"),
        ("Phát động phong trào thi đua từ năm 2026 đến năm 2030", "2026", "2030"),
        ("Phát động phong trào thi đua năm 2026", "2026", "2026"),
    ],
)
def test_period_from_title_shapes(title, start, end):
    p = vbhc.parse_text(HEAD.replace("Phát động phong trào thi đua năm 2026", title) + "Nội dung.\n" + FOOT)
    assert (p.campaign_period.start, p.campaign_period.end) == (start, end)


# ---------------------------------------------------------------- review fixes (shapes met in the training corpus)


def test_count_restated_in_words_is_counted_once():
    p = plan("III. KHEN THƯỞNG\n1. Khen thưởng hàng năm\nGiấy khen của Chủ tịch UBND xã: tặng 05 (năm) tập thể và 03 (ba) cá nhân.\n")
    (q,) = p.quotas
    assert (q.award, q.collectives, q.individuals) == ("Giấy khen", 5, 3)


def test_two_awards_on_one_line_are_two_quotas():
    p = plan(
        "III. KHEN THƯỞNG\n1. Khen thưởng hàng năm\n"
        "Tặng Bằng khen của Chủ tịch UBND tỉnh cho 02 tập thể; Giấy khen của Chủ tịch UBND xã cho 04 tập thể và 06 cá nhân.\n"
    )
    got = {q.award: (q.collectives, q.individuals) for q in p.quotas}
    assert got == {"Bằng khen": (2, None), "Giấy khen": (4, 6)}


def test_a_sibling_line_does_not_inherit_the_award_above():
    p = plan(
        "III. KHEN THƯỞNG\n1. Giấy khen của Chủ tịch UBND xã cho 03 tập thể.\n"
        "2. Tổ chức 02 hội nghị sơ kết trong năm.\n"
    )
    assert [(q.award, q.collectives, q.individuals) for q in p.quotas] == [("Giấy khen", 3, None)]


def test_references_in_a_list_and_named_types():
    p = plan(
        "Căn cứ Nghị định số 98/2023/NĐ-CP và số 152/2025/NĐ-CP của Chính phủ;\n"
        "Thực hiện Thông tri số 05-TT/TU ngày 10/01/2026 của Tỉnh ủy;\n"
        "Căn cứ Thông tư số 15/2025/TT-BNV ngày 01/8/2025 của Bộ Nội vụ;\n"
    )
    refs = {r.number: r.doc_type for r in p.references}
    assert refs["98/2023/NĐ-CP"] == "NGHI_DINH" and refs["152/2025/NĐ-CP"] == "NGHI_DINH"
    assert refs["05-TT/TU"] == "THONG_TRI"
    assert refs["15/2025/TT-BNV"] == "THONG_TU"


def test_a_reference_number_does_not_run_across_a_line_break():
    p = plan("Căn cứ Quyết định số 12/QĐ-UBND\nngày 05/01/2026 của UBND xã về ban hành quy chế;\n")
    assert [r.number for r in p.references] == ["12/QĐ-UBND"]


@pytest.mark.parametrize(
    ("clause", "start", "end"),
    [
        ("Thời gian thi đua: Từ ngày 01/4/2026 - 30/9/2026.", "2026-04-01", "2026-09-30"),
        ("Thời gian thực hiện: Năm 2026.", "2026", "2026"),
    ],
)
def test_period_clause_variants(clause, start, end):
    p = plan(f"I. NỘI DUNG\n1. {clause}\n")
    assert (p.campaign_period.start, p.campaign_period.end) == (start, end)


def test_deadline_after_a_colon_and_a_list_of_yearly_dates():
    p = plan(
        "IV. TỔ CHỨC THỰC HIỆN\n"
        "1. Hạn cuối nộp hồ sơ: 15/12/2026.\n"
        "2. Các thôn gửi báo cáo trước ngày 01/6 và 15/11 hằng năm.\n"
    )
    got = {(d.date, d.recurring) for d in p.deadlines}
    assert ("2026-12-15", False) in got
    assert {("--06-01", True), ("--11-15", True)} <= got


def test_procedural_time_limit_names_the_task_after_a_long_clause():
    p = plan(
        "IV. TỔ CHỨC THỰC HIỆN\nTrong thời hạn 07 ngày làm việc kể từ ngày họp Hội đồng Thi đua - Khen thưởng "
        "xã xét duyệt danh sách đề nghị khen thưởng, Văn phòng UBND xã hoàn thiện hồ sơ trình Chủ tịch UBND xã.\n"
    )
    (d,) = p.deadlines
    assert d.date is None and d.what.startswith("Văn phòng UBND xã hoàn thiện hồ sơ")


def test_a_date_before_the_year_in_the_number_is_a_condition_not_a_deadline():
    text = (
        "CHÍNH PHỦ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 158/2025/NĐ-CP\n"
        "NGHỊ ĐỊNH\nQuy định chi tiết về bảo hiểm xã hội\n"
        "Điều 1. Người lao động có thời gian công tác trước ngày 01 tháng 01 năm 1998 được tính như sau.\n"
        "Điều 2. Các bộ gửi báo cáo trước ngày 31 tháng 12 năm 2025.\n" + FOOT
    )
    p = vbhc.parse_text(text)
    assert p.issue_date is None
    assert [d.date for d in p.deadlines] == ["2025-12-31"]


def test_a_contract_term_is_not_a_deadline():
    p = plan("II. NỘI DUNG\n1. Thời hạn hợp đồng được tính từ ngày ký đến hết thời hạn thuê.\n2. Các thôn nộp hồ sơ trước ngày 15/11/2026.\n")
    assert [d.date for d in p.deadlines] == ["2026-11-15"]
