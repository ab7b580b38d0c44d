"""The content checks (vbhc.check.content_*): for every rule a document that must trigger it
and one that must not; what the seeds give; the generator's output passes."""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CORPUS, ROOT, seed_path

import vbhc
from vbhc.check.content_checks import CHECKS
from vbhc.check.document import CheckedDocument, blocks_of
from vbhc.check.finding import Finding, Severity
from vbhc.check.rules import rules
from vbhc.parse import parse_source
from vbhc.readers.source import Source

DOSSIER = ROOT / "tests" / "data" / "generate" / "ho-so-xa-tan-loi.json"
GOLD_DIR = ROOT.parent / "shared" / "gold"

BASE = """ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
{issuer}                      Độc lập - Tự do - Hạnh phúc
Số: {number}                      {place}, ngày {day} tháng {month} năm {year}

{kind}
Phát động phong trào thi đua cải cách hành chính năm {year}

Thực hiện Nghị định số {decree} của Chính phủ.

I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
a) Nâng cao hiệu quả cải cách hành chính.
b) Biểu dương tập thể, cá nhân.
2. Yêu cầu
Thi đua thiết thực, hiệu quả.
II. HÌNH THỨC KHEN THƯỞNG
{body}
{third}. TỔ CHỨC THỰC HIỆN
Giao Sở Nội vụ theo dõi, hướng dẫn thực hiện Kế hoạch này{closing}

Nơi nhận:                                  {authority}
- Sở Nội vụ;                               {title}
{last}

                                           {name}
"""


def make(**kw: str) -> str:
    """A small, correct Kế hoạch of a UBND tỉnh; keywords change one thing."""
    values = dict(issuer="TỈNH ĐỒNG NAI", number="05/KH-UBND", place="Đồng Nai", day="05", month="3", year="2024",
                  kind="KẾ HOẠCH", decree="98/2023/NĐ-CP", body="Giấy khen của Chủ tịch UBND tỉnh.", third="III",
                  closing="./.", authority="TM. ỦY BAN NHÂN DÂN", title="CHỦ TỊCH", last="- Lưu: VT, NV.",
                  name="Nguyễn Văn An")
    values.update(kw)
    return BASE.format(**values)


def _content(findings: list[Finding]) -> list[Finding]:
    ours = {rid for rid, r in rules().items() if r.scope == "any"}
    return [f for f in findings if f.rule_id in ours]


def _run(doc: CheckedDocument) -> list[Finding]:
    """The content checks on ``doc``, through the engine when it can be imported (it also
    loads the format checks), else directly."""
    try:
        from vbhc.check.engine import check_document

        return _content(check_document(doc))
    except ImportError:
        out: list[Finding] = []
        for check in CHECKS:
            out.extend(check(doc))
        return out


def check(text: str) -> list[Finding]:
    source = Source("t.txt", "text", raw=text)
    return _run(CheckedDocument("t.txt", "text", blocks_of(source), parse_source(source)))


def check_path(path: Path) -> list[Finding]:
    from vbhc.readers import read_source
    from vbhc.readers.docx import docx_source, open_docx

    source = docx_source(open_docx(path), str(path)) if path.suffix == ".docx" else read_source(path)
    return _run(CheckedDocument(str(path), source.kind, blocks_of(source), parse_source(source)))


def ids(findings: list[Finding]) -> list[str]:
    return [f.rule_id for f in findings]


def one(findings: list[Finding], rule_id: str) -> Finding:
    found = [f for f in findings if f.rule_id == rule_id]
    assert len(found) == 1, (rule_id, [(f.rule_id, f.message) for f in findings])
    return found[0]


def test_the_correct_document_has_no_content_finding() -> None:
    assert check(make()) == []


def test_every_content_rule_is_well_formed() -> None:
    ours = [r for r in rules().values() if r.id.startswith(("nd30.so.", "nd30.ngay.", "nd30.muc.", "nd30.thanh-phan.",
                                                            "nd30.chu-ky.tm", "nd30.noi-nhan.luu-cuoi", "nd30.noi-dung.ket-thuc", "tdkt."))]
    assert len(ours) >= 20
    assert all(r.scope == "any" for r in ours)


# ------------------------------------------------------------------ Số, ký hiệu


def test_number_below_ten_needs_a_leading_zero_with_a_safe_fix() -> None:
    text = make(number="5/KH-UBND")
    f = one(check(text), "nd30.so.so-0")
    assert f.severity is Severity.ERROR and "5/KH-UBND" in f.message
    assert f.fix is not None and f.fix.kind == "replace"
    assert f.fix.params == {"old": "Số: 5/KH-UBND", "new": "Số: 05/KH-UBND"}
    line = text.split("\n")[f.location.line - 1]
    assert line[f.location.start:f.location.end] == f.fix.params["old"]
    assert "nd30.so.so-0" not in ids(check(make(number="05/KH-UBND")))
    assert "nd30.so.so-0" not in ids(check(make(number="15/KH-UBND")))


def test_symbol_must_match_the_document_type() -> None:
    f = one(check(make(number="05/TTr-UBND")), "nd30.so.ky-hieu")
    assert "TTr" in f.message and "KH" in f.message and f.severity is Severity.ERROR
    assert "nd30.so.ky-hieu" not in ids(check(make(kind="TỜ TRÌNH", number="05/TTr-UBND")))


def test_spaces_inside_the_symbol() -> None:
    assert "nd30.so.dinh-dang" in ids(check(make(number="05/KH - UBND")))
    assert "nd30.so.dinh-dang" not in ids(check(make()))


def test_blank_number_is_fine_on_a_draft_but_not_once_signed() -> None:
    draft = make(number="     /KH-UBND", name="")
    assert "nd30.so.trong-khi-da-ky" not in ids(check(draft))
    f = one(check(make(number="     /KH-UBND")), "nd30.so.trong-khi-da-ky")
    assert "Nguyễn Văn An" in f.message


# ------------------------------------------------------------------ dates


def test_day_below_ten_needs_a_leading_zero_in_the_date_line_only() -> None:
    text = make(day="5")
    f = one(check(text), "nd30.ngay.so-0-ngay")
    assert f.fix is not None and f.fix.params == {"old": "ngày 5", "new": "ngày 05"}
    line = text.split("\n")[f.location.line - 1]
    assert line[f.location.start:f.location.end] == "ngày 5"
    body = make(body="Hồ sơ gửi trước ngày 5 tháng 6 năm 2024 và ngày 5/6/2024.")
    assert "nd30.ngay.so-0-ngay" not in ids(check(body))


def test_months_one_and_two_need_a_leading_zero() -> None:
    f = one(check(make(month="1")), "nd30.ngay.so-0-thang")
    assert f.fix is not None and f.fix.params == {"old": "tháng 1", "new": "tháng 01"}
    assert "nd30.ngay.so-0-thang" not in ids(check(make(month="01")))
    assert "nd30.ngay.so-0-thang" not in ids(check(make(body="Hạn chót ngày 10 tháng 2 năm 2024.")))


def test_month_from_three_takes_no_leading_zero() -> None:
    text = make(month="05")
    f = one(check(text), "nd30.ngay.thang-thua-0")
    assert f.severity is Severity.WARNING and "tháng 05" in f.message
    assert f.fix is not None and f.fix.params == {"old": "tháng 05", "new": "tháng 5"}
    line = text.split("\n")[f.location.line - 1]
    assert line[f.location.start:f.location.end] == "tháng 05"
    assert "nd30.ngay.thang-thua-0" not in ids(check(make(month="5")))
    assert "nd30.ngay.thang-thua-0" not in ids(check(make(body="Tổng kết vào tháng 05/2024.")))


def test_padding_rules_come_from_the_layout_data(monkeypatch: pytest.MonkeyPatch) -> None:
    from vbhc.check import content_common

    monkeypatch.setattr(content_common, "padding", lambda: {"number_below": 10, "day_below": 10, "months": [1, 2, 5]})
    from vbhc.check import content_header

    monkeypatch.setattr(content_header, "padding", content_common.padding)
    assert "nd30.ngay.thang-thua-0" not in ids(check(make(month="05")))
    assert "nd30.ngay.so-0-thang" in ids(check(make(month="5")))


def test_impossible_dates_and_years() -> None:
    f = one(check(make(body="Kết quả năm 20233 của cơ quan, đơn vị.")), "nd30.ngay.khong-hop-le")
    assert "“20233”" in f.message and f.severity is Severity.ERROR
    f = one(check(make(day="30", month="02")), "nd30.ngay.khong-hop-le")
    assert "30/02/2024" in f.message
    assert "nd30.ngay.khong-hop-le" in ids(check(make(body="Nộp trước ngày 31/4/2024.")))
    assert "nd30.ngay.khong-hop-le" not in ids(check(make(body="Nộp trước ngày 29/02/2024; kết quả năm 2023.")))


def test_blank_day_is_fine_on_a_draft_but_not_once_signed() -> None:
    assert "nd30.ngay.trong-khi-da-ky" not in ids(check(make(day="    ", month="    ", name="")))
    f = one(check(make(day="    ")), "nd30.ngay.trong-khi-da-ky")
    assert "Nguyễn Văn An" in f.message and "ngày" in f.message


# ------------------------------------------------------------------ numbering


def test_missing_roman_section() -> None:
    f = one(check(make(third="IV")), "nd30.muc.thieu")
    assert "III" in f.message and "IV" in f.message
    assert "nd30.muc.thieu" not in ids(check(make()))


def test_duplicate_and_out_of_order_numbers() -> None:
    assert "nd30.muc.trung" in ids(check(make(third="II")))
    body = "1. Hình thức\n2. Số lượng\n2. Hồ sơ"
    assert "nd30.muc.trung" in ids(check(make(body=body)))
    body = "1. Hình thức\n3. Số lượng\n2. Hồ sơ"
    found = ids(check(make(body=body)))
    assert "nd30.muc.thieu" in found and "nd30.muc.thu-tu" in found
    assert not {"nd30.muc.trung", "nd30.muc.thu-tu"} & set(ids(check(make(body="1. Hình thức\n2. Số lượng"))))


def test_point_letters_in_order() -> None:
    good = "1. Nội dung\na) Một.\nb) Hai.\nc) Ba.\nd) Bốn.\nđ) Năm.\ne) Sáu.\ng) Bảy.\n2. Khác\na) Một.\nb) Hai."
    assert not [i for i in ids(check(make(body=good))) if i.startswith("nd30.muc.")]
    without_dd = "1. Nội dung\na) Một.\nb) Hai.\nc) Ba.\nd) Bốn.\ne) Năm.\ng) Sáu."
    assert not [i for i in ids(check(make(body=without_dd))) if i.startswith("nd30.muc.")]
    f = one(check(make(body="1. Nội dung\na) Một.\nb) Hai.\nd) Bốn.")), "nd30.muc.thieu")
    assert "điểm" in f.message and "c" in f.message
    found = ids(check(make(body="1. Nội dung\na) Một.\nc) Ba.\nb) Hai.")))
    assert "nd30.muc.thu-tu" in found
    assert "nd30.muc.trung" in ids(check(make(body="1. Nội dung\na) Một.\nb) Hai.\nb) Hai nữa.")))


# ------------------------------------------------------------------ components, signature, recipients, closing


def test_missing_required_components_one_finding_each() -> None:
    bare = make().split("\n", 3)[3]  # no header: no Quốc hiệu, no issuer, no Số, no date line
    found = [f for f in check(bare) if f.rule_id == "nd30.thanh-phan.thieu"]
    messages = " ".join(f.message for f in found)
    assert len(found) >= 3
    assert "Quốc hiệu" in messages and "cơ quan" in messages and "số, ký hiệu" in messages
    assert len({f.location.where for f in found}) == len(found)  # the engine keeps them all
    assert "nd30.thanh-phan.thieu" not in ids(check(make()))


def test_ubnd_chairman_signs_on_behalf_of_the_committee() -> None:
    f = one(check(make(authority="")), "nd30.chu-ky.tm")
    assert f.severity is Severity.WARNING and "TM." in f.message
    assert "nd30.chu-ky.tm" in ids(check(make(authority="KT. CHỦ TỊCH", title="PHÓ CHỦ TỊCH")))
    assert "nd30.chu-ky.tm" not in ids(check(make()))


def test_recipients_end_with_luu() -> None:
    f = one(check(make(last="- Các phòng, ban.")), "nd30.noi-nhan.luu-cuoi")
    assert "Các phòng, ban" in f.message
    assert "nd30.noi-nhan.luu-cuoi" not in ids(check(make()))


def test_body_ends_with_slash_dot_is_a_note() -> None:
    f = one(check(make(closing=".")), "nd30.noi-dung.ket-thuc")
    assert f.severity is Severity.INFO
    assert "nd30.noi-dung.ket-thuc" not in ids(check(make()))


# ------------------------------------------------------------------ thi đua, khen thưởng


def test_decree_no_longer_in_force_names_the_replacement() -> None:
    f = one(check(make(decree="91/2017/NĐ-CP", year="2024")), "tdkt.van-ban.het-hieu-luc")
    assert "91/2017" in f.message and "98/2023" in f.message and f.fix is None
    f = one(check(make(decree="98/2023/NĐ-CP", year="2025", month="8")), "tdkt.van-ban.het-hieu-luc")
    assert "152/2025" in f.message
    assert "tdkt.van-ban.het-hieu-luc" not in ids(check(make(decree="91/2017/NĐ-CP", year="2023")))
    assert "tdkt.van-ban.het-hieu-luc" not in ids(check(make(decree="98/2023/NĐ-CP", year="2025", month="6")))


def test_decree_check_uses_the_month_of_a_blank_day() -> None:
    text = make(decree="91/2017/NĐ-CP", year="2024", day="    ", name="")
    assert "tdkt.van-ban.het-hieu-luc" in ids(check(text))


def test_district_level_issuer_after_july_2025() -> None:
    after = make(issuer="HUYỆN LỘC NINH", place="Lộc Ninh", year="2025", month="8", decree="152/2025/NĐ-CP")
    f = one(check(after), "tdkt.co-quan.khong-con")
    assert "HUYỆN LỘC NINH" in f.message and f.severity is Severity.ERROR
    before = make(issuer="HUYỆN LỘC NINH", place="Lộc Ninh", year="2025", month="6")
    assert "tdkt.co-quan.khong-con" not in ids(check(before))
    commune = make(issuer="XÃ TÂN LỢI", place="Tân Lợi", year="2025", month="8", decree="152/2025/NĐ-CP")
    assert "tdkt.co-quan.khong-con" not in ids(check(commune))


def test_district_chairman_as_conferrer_after_july_2025() -> None:
    body = "Đề nghị Chủ tịch UBND huyện tặng Giấy khen cho 02 tập thể."
    commune = make(issuer="XÃ TÂN LỢI", place="Tân Lợi", year="2025", month="9", decree="152/2025/NĐ-CP", body=body)
    assert "tdkt.co-quan.khong-con" in ids(check(commune))
    past = make(issuer="XÃ TÂN LỢI", place="Tân Lợi", year="2025", month="9", decree="152/2025/NĐ-CP",
                body="Năm 2024 được tặng Giấy khen của Chủ tịch UBND huyện.")
    assert "tdkt.co-quan.khong-con" not in ids(check(past))


def test_bang_khen_only_from_the_province_read_in_the_sentence() -> None:
    body = ("a) Đối với Bằng khen của Chủ tịch UBND tỉnh: tập thể có thành tích tốt nhất sẽ được đề nghị Chủ\n"
            "tịch UBND thị xã tặng Bằng khen.")
    f = one(check(make(body=body)), "tdkt.tham-quyen.bang-khen")
    assert "Chủ tịch UBND thị xã tặng Bằng khen" in f.message and f.severity is Severity.ERROR
    assert "tdkt.tham-quyen.bang-khen" in ids(check(make(body="Tặng Bằng khen của Chủ tịch UBND huyện cho 02 tập thể.")))
    fine = ("Đề nghị Chủ tịch UBND tỉnh tặng Bằng khen và Chủ tịch UBND thị xã tặng Giấy khen. "
            "Chủ tịch UBND huyện trình Chủ tịch UBND tỉnh tặng Bằng khen.")
    assert "tdkt.tham-quyen.bang-khen" not in ids(check(make(body=fine)))


def test_bang_khen_rule_reads_text_without_diacritics() -> None:
    body = "De nghi Chu tich UBND thi xa tang Bang khen cho 01 tap the."
    assert "tdkt.tham-quyen.bang-khen" in ids(check(make(body=body)))


QUOTA = """1. Hình thức
Bằng khen: Chủ tịch UBND tỉnh tặng Bằng khen cho 05 tập thể và 02 cá nhân, gồm:
+ Khối sở, ngành: tặng Bằng khen cho {a} tập thể;
+ Khối xã, phường: tặng Bằng khen cho 01 tập thể{per};
+ Tặng Bằng khen cho 02 cá nhân tiêu biểu."""


def test_quota_total_must_add_up() -> None:
    f = one(check(make(body=QUOTA.format(a="02", per=""))), "tdkt.chi-tieu.tong")
    assert "05" in f.message and "03" in f.message and f.severity is Severity.WARNING
    assert f.location.text is not None and "05" in f.location.text
    assert not {"tdkt.chi-tieu.tong", "tdkt.chi-tieu.theo-khoi"} & set(ids(check(make(body=QUOTA.format(a="04", per="")))))


def test_quota_counted_per_group_is_a_note() -> None:
    f = one(check(make(body=QUOTA.format(a="02", per=" của mỗi khối"))), "tdkt.chi-tieu.theo-khoi")
    assert f.severity is Severity.INFO
    assert "tdkt.chi-tieu.tong" not in ids(check(make(body=QUOTA.format(a="02", per=" của mỗi khối"))))


DEADLINE = """1. Thời gian
Thời gian thi đua: Từ ngày ban hành Kế hoạch đến ngày 30 tháng 11 năm 2024.
Hồ sơ đề nghị khen thưởng gửi về Sở Nội vụ trước ngày {when}."""


def test_deadline_after_the_campaign_ends() -> None:
    f = one(check(make(body=DEADLINE.format(when="15/12/2024"))), "tdkt.thoi-han.sau-ket-thuc")
    assert "15/12/2024" in f.message and "30/11/2024" in f.message
    assert "tdkt.thoi-han.sau-ket-thuc" not in ids(check(make(body=DEADLINE.format(when="15/11/2024"))))


# ------------------------------------------------------------------ the seeds


def _seed(name: str) -> list[Finding]:
    try:
        path = seed_path(name)
    except ValueError:
        pytest.skip(f"{name} is not in corpus/")
    return check_path(path)


def test_seed_000_bang_khen_by_the_town_chairman_and_unsigned_blanks() -> None:
    found = _seed("seed_000")
    f = one(found, "tdkt.tham-quyen.bang-khen")
    assert "thị xã" in f.message
    assert "nd30.chu-ky.tm" in ids(found)
    assert "nd30.ngay.trong-khi-da-ky" in ids(found)  # the signer's name is printed under a blank day
    assert not [f for f in found if f.rule_id.startswith("nd30.muc.")]


def test_seed_001_ocr_month_with_a_leading_zero() -> None:
    found = _seed("seed_001")
    f = one(found, "nd30.ngay.thang-thua-0")
    assert f.fix is not None and f.fix.params["new"].endswith(" 5")
    assert "nd30.thanh-phan.thieu" not in ids(found)  # the OCR header is all there
    assert not [f for f in found if f.rule_id.startswith("nd30.muc.")]


def test_seed_002_year_20233_and_chairman_without_tm() -> None:
    found = _seed("seed_002")
    f = one(found, "nd30.ngay.khong-hop-le")
    assert "20233" in f.message
    assert "nd30.chu-ky.tm" in ids(found)
    assert "nd30.ngay.trong-khi-da-ky" not in ids(found)  # an unsigned draft: no name under the title
    assert "tdkt.van-ban.het-hieu-luc" not in ids(found)  # 91/2017 was in force in 2023


def test_seed_003_missing_section_iv() -> None:
    found = _seed("seed_003")
    f = one(found, "nd30.muc.thieu")
    assert "IV" in f.message
    assert "tdkt.van-ban.het-hieu-luc" not in ids(found)


def test_seed_004_has_no_header_block() -> None:
    found = _seed("seed_004")
    assert "nd30.thanh-phan.thieu" in ids(found)
    assert "nd30.noi-dung.ket-thuc" in ids(found)  # "giải quyết. /"
    assert "tdkt.tham-quyen.bang-khen" not in ids(found)  # Cần Thơ is a city of the centre


# ------------------------------------------------------------------ the generator's output

def _kinds() -> list[str]:
    from vbhc.generate.context import kinds

    return list(kinds())


@pytest.mark.parametrize("kind", _kinds())
def test_generator_output_passes_the_content_checks(tmp_path: Path, kind: str) -> None:
    from vbhc.generate.inputs import load_data
    from vbhc.generate.render import render_docx_bytes
    from vbhc.model import Nominee

    if kind == "ke-hoach":
        plan = vbhc.parse_file(next(CORPUS.glob("004_*.txt")))
    else:
        plan = load_data(DOSSIER)
    if kind == "bao-cao-ca-nhan":
        plan.report.subject = Nominee("individual", "Trần Văn Bình", "Chánh Văn phòng", "UBND xã Tân Lợi")
    data, _ = render_docx_bytes(plan, kind)
    path = tmp_path / f"{kind}.docx"
    path.write_bytes(data)
    bad = [(f.rule_id, f.message) for f in check_path(path) if f.severity >= Severity.WARNING]
    assert bad == []


@pytest.mark.parametrize("gold", sorted(GOLD_DIR.glob("seed_*.json")) if GOLD_DIR.is_dir() else [], ids=lambda p: p.stem)
def test_gold_plans_rendered_as_ke_hoach_have_no_date_or_number_error(tmp_path: Path, gold: Path) -> None:
    from vbhc.generate.inputs import load_data
    from vbhc.generate.render import render_docx_bytes

    plan = load_data(gold)
    data, _ = render_docx_bytes(plan, "ke-hoach")
    path = tmp_path / "k.docx"
    path.write_bytes(data)
    errors = [(f.rule_id, f.message) for f in check_path(path)
              if f.severity is Severity.ERROR and f.rule_id.startswith(("nd30.so.", "nd30.ngay."))]
    assert errors == []
    if not plan.signer.name:  # an unsigned draft: its blanks are not findings
        assert not [f for f in check_path(path) if f.rule_id.endswith("trong-khi-da-ky")]


# ------------------------------------------------------------------ what must not be misread

DECISION = """ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH ĐỒNG NAI                      Độc lập - Tự do - Hạnh phúc
Số: 12/2024/QĐ-UBND                Đồng Nai, ngày 05 tháng 3 năm 2024

QUYẾT ĐỊNH
Về việc tặng Bằng khen

CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI

Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15;
QUYẾT ĐỊNH:
Điều 1. Tặng Bằng khen của Chủ tịch UBND tỉnh cho 02 tập thể.
Điều 2. Quyết định có hiệu lực kể từ ngày ký./.

Nơi nhận:                                  CHỦ TỊCH
- Như Điều 2;
- Lưu: VT, NV.
                                           Nguyễn Văn An
"""


def test_a_decision_in_the_chairmans_own_name() -> None:
    found = ids(check(DECISION))
    assert "nd30.chu-ky.tm" not in found  # the Chủ tịch's own Quyết định: no TM.
    assert "nd30.so.ky-hieu" not in found  # "12/2024/QĐ-UBND": the year is not the ký hiệu
    assert found == []


def test_a_citation_is_not_the_date_or_number_line() -> None:
    text = "KẾ HOẠCH\nThi đua năm 2024\n\nCăn cứ Quyết định số 5/QĐ-UBND ngày 5 tháng 1 năm 2024 của UBND tỉnh.\nI. MỤC ĐÍCH"
    found = ids(check(text))
    assert not {"nd30.so.so-0", "nd30.ngay.so-0-ngay", "nd30.ngay.so-0-thang"} & set(found)
    assert "nd30.thanh-phan.thieu" in found


def test_a_city_of_a_province_is_district_level_but_a_city_of_the_centre_is_not() -> None:
    after = dict(year="2025", month="8", decree="152/2025/NĐ-CP")
    assert "tdkt.co-quan.khong-con" in ids(check(make(issuer="THÀNH PHỐ ĐỒNG XOÀI", place="Đồng Xoài", **after)))
    assert "tdkt.co-quan.khong-con" not in ids(check(make(issuer="THÀNH PHỐ CẦN THƠ", place="Cần Thơ", **after)))
