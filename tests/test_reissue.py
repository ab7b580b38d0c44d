"""vbhc.generate.reissue: next year's plan drafted from last year's, on the real seed plans
(corpus/) and on small hand-built plans."""
from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

import vbhc
from vbhc.generate.reissue import Change, Reissue, plan_year, reissue
from vbhc.model import Criterion, Deadline, DossierItem, Period, Plan, Quota, Reference, Warning

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def seed(prefix: str) -> Plan:
    (path,) = CORPUS.glob(f"{prefix}_*.txt")
    return vbhc.parse_file(str(path))


def flat(value: Any, path: str = "") -> dict[str, Any]:
    """A plan's to_dict() as {"criteria[3].text": …}, the paths Change.field uses."""
    out: dict[str, Any] = {}
    if isinstance(value, dict):
        for k, v in value.items():
            out.update(flat(v, f"{path}.{k}" if path else k))
    elif isinstance(value, list) and value:
        for i, v in enumerate(value):
            out.update(flat(v, f"{path}[{i}]"))
    else:
        out[path] = value
    return out


def changed(result: Reissue) -> dict[str, Change]:
    return {c.field: c for c in result.changes}


def refs(plan: Plan) -> list[tuple[str, str | None]]:
    return [(r.number, r.date) for r in plan.references]


# ---------------------------------------------------------------- every seed


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
@pytest.mark.parametrize("year", [2025, 2026, 2031])
def test_seed_input_untouched_and_every_change_listed(prefix, year):
    plan = seed(prefix)
    before = copy.deepcopy(plan.to_dict())
    result = reissue(plan, year)
    assert plan.to_dict() == before  # never mutated
    assert result.plan is not plan and isinstance(result.plan, Plan)
    # blank number and date, the symbol kept
    assert result.plan.issue_date is None and result.plan.number_seq is None
    assert result.plan.number == "/KH-UBND"
    assert result.plan.warnings == [] and result.plan.provenance == {}
    assert result.plan.signer == plan.signer
    # each differing field (bar the reference list, checked below) has its Change, with the values
    old, new = flat(before), flat(result.plan.to_dict())
    fields = changed(result)
    for path in sorted(set(old) | set(new)):
        if old.get(path) == new.get(path) or path.startswith(("references", "warnings", "provenance")):
            continue
        assert path in fields, path
        c = fields[path]
        assert c.old == (None if old.get(path) is None else str(old[path]))
        assert c.new == (None if new.get(path) is None else str(new[path]))
    for c in result.changes:
        assert c.reason and "\n" not in c.reason
        if not c.field.startswith(("references", "warnings", "provenance")):
            assert str(old.get(c.field)) != str(new.get(c.field)), c.field


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_non_award_references_are_never_shifted(prefix):
    plan = seed(prefix)
    result = reissue(plan, 2026)
    award = {"91/2017/NĐ-CP", "98/2023/NĐ-CP"}
    assert [r for r in result.plan.references if r.number not in award and r.number != "152/2025/NĐ-CP"] == [
        r for r in plan.references if r.number not in award
    ]


# ---------------------------------------------------------------- seed 003 (Lộc Ninh, 19/7/2024, cites 98/2023)


def test_2024_plan_citing_98_2023_reissued_for_2026_cites_152_2025():
    plan = seed("003")
    result = reissue(plan, 2026)
    new = result.plan
    assert refs(plan)[:3] == refs(new)[:3] == [
        ("230/KH-UBND", "2024-07-10"),
        ("7629/QĐ-UBND", "2021-12-06"),
        ("4247/QĐ-UBND", "2022-09-28"),
    ]
    last = new.references[3]
    assert (last.doc_type, last.number, last.date, last.issuer) == ("NGHI_DINH", "152/2025/NĐ-CP", "2025-06-14", "Chính phủ")
    assert last.text == "Nghị định số 152/2025/NĐ-CP ngày 14/6/2025 của Chính phủ"
    c = changed(result)["references[3]"]
    assert c.old == "Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ"
    assert c.reason == "Nghị định 98/2023/NĐ-CP hết hiệu lực từ 01/7/2025; thay bằng Nghị định 152/2025/NĐ-CP"
    # the dossier's form: Mẫu 08 (chuyên đề) has no known number under 152/2025
    item = new.dossier[2].item
    assert "98/2023" not in item and "mẫu số 08" not in item
    assert (
        "mẫu báo cáo thành tích đề nghị khen thưởng thi đua theo chuyên đề tại Phụ lục ban hành kèm theo "
        "Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định về phân cấp"
    ) in item
    assert item.startswith("Báo cáo thành tích của tập thể đề nghị khen thưởng (nêu rõ thành tích")
    assert new.dossier[2].form_ref.endswith("… Nghị định số 152/2025/NĐ-CP")
    assert "số mẫu chưa xác minh — kiểm tra lại" in changed(result)["dossier[2].item"].reason
    # "giai đoạn 2024 - 2025" has ended by 2026: one whole period on
    assert new.title.endswith("huyện Lộc Ninh giai đoạn 2026 - 2027")
    assert new.campaign_period.end == "2027-11-30"
    assert new.campaign_period.text == "Kể từ ngày ban hành Quyết định này đến ngày 30 tháng 11 năm 2027"
    # "kể từ ngày ban hành": the start was the old issue date, now blank
    assert plan.campaign_period.start == "2024-07-19" and new.campaign_period.start is None
    # yearly deadlines stay
    assert [d.date for d in new.deadlines] == [d.date for d in plan.deadlines] == ["--11-30", None, "--11-30"]


def test_2024_plan_reissued_inside_its_period_keeps_title_and_98_2023():
    plan = seed("003")
    result = reissue(plan, 2025)
    fields = changed(result)
    assert result.plan.title == plan.title and "title" not in fields
    assert result.plan.campaign_period.end == "2025-11-30" and "campaign_period.end" not in fields
    assert refs(result.plan) == refs(plan)  # 98/2023 was in force on 01/01/2025
    assert result.plan.dossier == plan.dossier


# ---------------------------------------------------------------- seed 004 (Cần Thơ, 29/12/2021, cites 91/2017 Mẫu 07)


def test_2021_plan_citing_91_2017_reissued_for_2026():
    plan = seed("004")
    result = reissue(plan, 2026)
    new, fields = result.plan, changed(result)
    assert fields["number"] == Change("number", "263/KH-UBND", "/KH-UBND", fields["number"].reason)
    assert fields["issue_date"].old == "2021-12-29" and fields["issue_date"].new is None
    assert refs(new) == [("4168/QĐ-UBND", "2021-12-27"), ("152/2025/NĐ-CP", "2025-06-14")]
    assert fields["references[1]"].reason.startswith("Nghị định 91/2017/NĐ-CP hết hiệu lực từ 01/01/2024")
    assert new.title.endswith("thành phố Cần Thơ giai đoạn 2026 - 2030")
    assert new.campaign_period.end == "2030-12-31"
    assert [q.scope for q in new.quotas] == ["hàng năm", "tổng kết giai đoạn 2026 - 2030"]
    assert new.criteria[8].scope == "tổng kết giai đoạn 2026 - 2030"
    assert "giai đoạn 2026 - 2030, trong thời gian đó" in new.criteria[8].text
    assert "giai đoạn 2021 - 2025 → 2026 - 2030" in fields["criteria[8].text"].reason
    assert [d.date for d in new.deadlines] == ["--02-10", "--02-25"]
    assert new.dossier[2].item.startswith(
        "Báo cáo thành tích của tập thể, cá nhân đề nghị khen thưởng (Mẫu báo cáo thành tích đề nghị khen thưởng "
        "thi đua theo chuyên đề tại Phụ lục ban hành kèm theo Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025"
    )
    assert "91/2017" not in new.dossier[2].item and "ngày 31 tháng 7 năm 2017" not in new.dossier[2].item


def test_2021_plan_citing_91_2017_reissued_for_2025_gets_98_2023_mau_08():
    result = reissue(seed("004"), 2025)
    new, fields = result.plan, changed(result)
    assert new.dossier[2].item == (
        "Báo cáo thành tích của tập thể, cá nhân đề nghị khen thưởng (Mẫu số 08 Phụ lục I ban hành kèm theo "
        "Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số "
        "điều của Luật Thi đua, khen thưởng)"
    )
    assert new.dossier[2].form_ref == "Mẫu số 08 … Nghị định số 98/2023/NĐ-CP"
    assert "mẫu số 07 → mẫu số 08" in fields["dossier[2].form_ref"].reason
    assert "chưa xác minh" not in fields["dossier[2].form_ref"].reason  # 98/2023 Mẫu 08 is seed-confirmed
    assert new.references[1].text == "Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ"
    # 2025 still lies in "giai đoạn 2021 - 2025": title and period stay, with no change recorded
    assert "title" not in fields and "campaign_period.end" not in fields
    assert new.campaign_period.end == "2025-12-31"


def test_2021_plan_reissued_for_2024_stays_in_its_period():
    plan = seed("004")
    result = reissue(plan, 2024)
    assert result.plan.title == plan.title
    assert [q.scope for q in result.plan.quotas] == [q.scope for q in plan.quotas]
    assert not any(c.field.startswith(("title", "criteria", "quotas")) for c in result.changes)


# ---------------------------------------------------------------- seeds 000, 001, 002


def test_2021_plan_with_blank_number_and_date_reissued_for_2022():
    plan = seed("000")
    assert plan_year(plan) == 2021  # from the title: the number and date are blank
    result = reissue(plan, 2022)
    new, fields = result.plan, changed(result)
    assert "number" not in fields and "issue_date" not in fields  # already blank
    assert new.title.endswith("thị xã Phước Long năm 2022")
    assert (new.campaign_period.start, new.campaign_period.end, new.campaign_period.text) == ("2022", "2022", "năm 2022")
    assert (new.deadlines[0].date, new.deadlines[0].text) == ("2022-05-25", "trước ngày 25/5/2022")
    assert new.deadlines[1].text.endswith("chỉ số cải cách hành chính năm 2022 của thị xã")
    assert "tặng giấy khen hàng năm 2022 cho 01 UBND" in new.quotas[1].text
    # the earlier plan it cites keeps its number and date
    assert refs(new) == [("24/KH-UBND", "2021-01-27")]
    assert new.references[0].text == "Kế hoạch số 24/KH-UBND ngày 27/01/2021 của UBND thị xã"


def test_2023_plan_citing_91_2017_without_a_form_number():
    plan = seed("002")
    result = reissue(plan, 2026)
    new = result.plan
    assert refs(new) == [("04/KH-UBND", "2023-01-20"), ("16/UBND", "2023-02-15"), ("152/2025/NĐ-CP", "2025-06-14")]
    assert new.dossier[2].item == (
        "Báo cáo thành tích của tập thể, cá nhân đề nghị khen thưởng theo quy định tại "
        "Nghị định số 152/2025/NĐ-CP của Chính phủ"
    )
    assert new.title == "Phát động phong trào thi đua cải cách hành chính năm 2026"
    assert new.campaign_period.end == "2026-12-20"
    assert new.criteria[0].text == "Hoàn thành xuất sắc nhiệm vụ được giao năm 2026"
    assert new.criteria[2].text == plan.criteria[2].text  # "năm 20233" is a typing error, left alone


def test_ocr_plan_of_a_ten_year_period():
    plan = seed("001")
    result = reissue(plan, 2026)
    new = result.plan
    assert plan_year(plan) == 2022
    assert new.title == plan.title  # "giai đoạn 2021 - 2030" still holds 2026
    assert (new.campaign_period.start, new.campaign_period.end) == ("2021", "2030")
    scopes = [q.scope for q in new.quotas]
    assert scopes[1].endswith("giai doan 2026-2030") and scopes[2].endswith("giai doan 2021-2030")


# ---------------------------------------------------------------- hand-built plans


def small_plan() -> Plan:
    return Plan(
        doc_type="KE_HOACH",
        number="12/KH-UBND",
        number_seq=12,
        symbol="KH-UBND",
        issue_date="2024-01-15",
        place="Lộc Ninh",
        title="Phát động phong trào thi đua cải cách hành chính năm 2024",
        references=[
            Reference("KE_HOACH", "24/KH-UBND", "2024-01-10", "UBND tỉnh", "Kế hoạch số 24/KH-UBND ngày 10/01/2024 của UBND tỉnh"),
            Reference("LUAT", "15/2003/QH11", "2003-11-26", "Quốc hội", "Luật Thi đua, khen thưởng số 15/2003/QH11"),
            Reference("NGHI_DINH", "152/2025/NĐ-CP", "2025-06-14", "Chính phủ", "Nghị định số 152/2025/NĐ-CP"),
            Reference("NGHI_DINH", "98/2023/ND-CP", "2023-12-31", "Chính phủ", "Nghị định số 98/2023/NĐ-CP"),
        ],
        campaign_period=Period("2024-02-29", "2024-11", "từ ngày 29/02/2024 đến tháng 11 năm 2024"),
        criteria=[
            Criterion("collective", "năm 2024", "Thực hiện Kế hoạch số 24/KH-UBND ngày 10/01/2024 của UBND tỉnh trong năm 2024"),
            Criterion("individual", None, "Hoàn thành nhiệm vụ năm 2023 và năm 2024"),
        ],
        quotas=[Quota("Giấy khen", "Chủ tịch UBND huyện", 3, 5, "năm 2024", text="03 tập thể, 05 cá nhân năm 2024")],
        deadlines=[
            Deadline("2024-02-29", False, "nộp hồ sơ", "trước ngày 29/02/2024"),
            Deadline("2025-01-10", False, "tổng kết", "trước ngày 10 tháng 01 năm 2025"),
            Deadline("--11-30", True, "báo cáo", "trước ngày 30 tháng 11 hằng năm"),
        ],
        dossier=[
            DossierItem("Báo cáo thành tích tập thể", form_ref="Mẫu số 02 Phụ lục I ban hành kèm theo Nghị định số 98/2023/NĐ-CP"),
            DossierItem("Báo cáo thành tích cá nhân (Mẫu số 03 Phụ lục I ban hành kèm theo Nghị định số 98/2023/NĐ-CP)"),
        ],
        warnings=[Warning("x", "thử")],
    )


def test_hand_built_plan_for_2026():
    plan = small_plan()
    before = copy.deepcopy(plan)
    result = reissue(plan, 2026)
    new, fields = result.plan, changed(result)
    assert plan == before
    assert (new.number, new.number_seq, new.issue_date) == ("/KH-UBND", None, None)
    assert new.title == "Phát động phong trào thi đua cải cách hành chính năm 2026"
    assert (new.campaign_period.start, new.campaign_period.end) == ("2026-02-28", "2026-11")
    assert new.campaign_period.text == "từ ngày 28/02/2026 đến tháng 11 năm 2026"
    assert "29/02 → 28/02" in fields["campaign_period.start"].reason
    # references: the plan is history; the law and the decree are brought up to date
    assert [r.number for r in new.references] == ["24/KH-UBND", "06/2022/QH15", "152/2025/NĐ-CP"]
    assert new.references[0] == plan.references[0]
    assert new.references[1].text == "Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15/6/2022 của Quốc hội"
    assert (new.references[1].doc_type, new.references[1].date) == ("LUAT", "2022-06-15")
    assert fields["references[1]"].reason == (
        "Luật Thi đua, khen thưởng số 15/2003/QH11 hết hiệu lực từ 01/01/2024; "
        "thay bằng Luật Thi đua, khen thưởng số 06/2022/QH15"
    )
    assert new.references[2] == plan.references[2]  # already cited: kept as printed
    dropped = fields["references[3]"]
    assert dropped.new is None and "trùng căn cứ đã có" in dropped.reason
    # years of the plan move; the cited plan's date does not
    assert new.criteria[0].text == "Thực hiện Kế hoạch số 24/KH-UBND ngày 10/01/2024 của UBND tỉnh trong năm 2026"
    assert new.criteria[0].scope == "năm 2026"
    assert new.criteria[1].text == "Hoàn thành nhiệm vụ năm 2023 và năm 2026"
    assert (new.quotas[0].scope, new.quotas[0].text) == ("năm 2026", "03 tập thể, 05 cá nhân năm 2026")
    # fixed deadlines move by two years (29/02 clamped), the yearly one stays
    assert [(d.date, d.text) for d in new.deadlines] == [
        ("2026-02-28", "trước ngày 28/02/2026"),
        ("2027-01-10", "trước ngày 10 tháng 01 năm 2027"),
        ("--11-30", "trước ngày 30 tháng 11 hằng năm"),
    ]
    assert "29/02 → 28/02 (năm 2026 không nhuận)" in fields["deadlines[0].date"].reason
    assert "deadlines[2].date" not in fields and "deadlines[2].text" not in fields
    # forms: 98/2023 Mẫu 02 (tập thể) has no known number under 152/2025; Mẫu 03 (cá nhân) is Mẫu 05
    assert new.dossier[0].form_ref == (  # the printed capital M is kept
        "Mẫu báo cáo thành tích đề nghị khen thưởng công trạng cho tập thể tại Phụ lục ban hành kèm theo "
        "Nghị định số 152/2025/NĐ-CP"
    )
    assert "chưa xác minh" in fields["dossier[0].form_ref"].reason
    assert new.dossier[1].item == (
        "Báo cáo thành tích cá nhân (Mẫu số 05 Phụ lục ban hành kèm theo Nghị định số 152/2025/NĐ-CP)"
    )
    assert "mẫu số 03 → mẫu số 05" in fields["dossier[1].item"].reason
    assert "chưa xác minh" not in fields["dossier[1].item"].reason
    assert new.warnings == [] and fields["warnings"].old == "1 cảnh báo"


def test_unconfirmed_form_number_is_flagged():
    plan = Plan(
        issue_date="2023-03-01",
        dossier=[DossierItem("Báo cáo thành tích cá nhân", form_ref="Mẫu số 02 ban hành kèm theo Nghị định số 91/2017/NĐ-CP")],
    )
    result = reissue(plan, 2025)
    assert result.plan.dossier[0].form_ref == "Mẫu số 03 Phụ lục I ban hành kèm theo Nghị định số 98/2023/NĐ-CP"
    assert "số mẫu chưa xác minh — kiểm tra lại" in result.changes[-1].reason


def test_unknown_old_form_number_is_flagged_not_renumbered():
    plan = Plan(issue_date="2023-03-01", dossier=[DossierItem("x", form_ref="Mẫu số 09 ban hành kèm theo Nghị định số 91/2017/NĐ-CP")])
    result = reissue(plan, 2026)
    assert result.plan.dossier[0].form_ref == "Mẫu số 09 ban hành kèm theo Nghị định số 152/2025/NĐ-CP"
    assert "chưa rõ tương ứng" in result.changes[-1].reason


@pytest.mark.parametrize(
    ("plan", "year"),
    [
        (Plan(issue_date="2024-05-01", number="05/2021/KH-UBND"), 2024),
        (Plan(number="05/2021/QĐ-UBND", title="năm 2019"), 2021),
        (Plan(title="Kế hoạch giai đoạn 2021 - 2025"), 2025),
        (Plan(campaign_period=Period("2022-03")), 2022),
    ],
)
def test_plan_year_rules(plan, year):
    assert plan_year(plan) == year


def test_a_decree_not_yet_in_force_is_not_replaced_by_an_older_one():
    # hypothetical: a plan already citing 152/2025, reissued for 2025. On 01/01/2025 152/2025 is
    # not in force yet (replacement_for gives 98/2023), but it is not repealed: it stays.
    plan = Plan(
        issue_date="2024-12-20",
        references=[Reference("NGHI_DINH", "152/2025/NĐ-CP", "2025-06-14", "Chính phủ", "Nghị định số 152/2025/NĐ-CP")],
        dossier=[DossierItem("x", form_ref="Mẫu số 05 Phụ lục ban hành kèm theo Nghị định số 152/2025/NĐ-CP")],
    )
    result = reissue(plan, 2025)
    assert result.plan.references == plan.references and result.plan.dossier == plan.dossier


def test_number_with_a_year_moves_with_the_plan():
    result = reissue(Plan(number="05/2021/QĐ-UBND", number_seq=5), 2022)
    assert result.plan.number == "/2022/QĐ-UBND"


def test_bad_target_years():
    with pytest.raises(ValueError, match="phải sau năm của kế hoạch cũ"):
        reissue(small_plan(), 2024)
    with pytest.raises(ValueError, match="phải sau năm của kế hoạch cũ"):
        reissue(small_plan(), 2020)
    with pytest.raises(ValueError, match="không xác định được năm của kế hoạch"):
        reissue(Plan(), 2026)


def test_nothing_to_change_but_the_year():
    plan = Plan(title="Kế hoạch năm 2025")
    result = reissue(plan, 2026)
    assert result.changes == [Change("title", "Kế hoạch năm 2025", "Kế hoạch năm 2026", "năm của kế hoạch 2025 → 2026")]
