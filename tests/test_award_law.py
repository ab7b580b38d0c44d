"""vbhc.award_law: which award law and decree was in force on a date, and its dossier forms."""
from __future__ import annotations

from datetime import date, datetime

import pytest

from vbhc import award_law
from vbhc.award_law import (
    FORM_KEYS,
    Decree,
    FormRef,
    decree_by_number,
    decree_in_force,
    decrees,
    form_by_number,
    form_for,
    forms_of,
    replacement_for,
)

# ---------------------------------------------------------------- the chain


@pytest.mark.parametrize(
    ("on", "number"),
    [
        (date(2017, 9, 15), "91/2017/NĐ-CP"),
        (date(2021, 12, 29), "91/2017/NĐ-CP"),
        (date(2023, 12, 31), "91/2017/NĐ-CP"),
        (date(2024, 1, 1), "98/2023/NĐ-CP"),
        (date(2024, 7, 19), "98/2023/NĐ-CP"),
        (date(2025, 6, 30), "98/2023/NĐ-CP"),
        (date(2025, 7, 1), "152/2025/NĐ-CP"),
        (date(2026, 1, 1), "152/2025/NĐ-CP"),
        (datetime(2025, 6, 30, 23, 59), "98/2023/NĐ-CP"),
    ],
)
def test_decree_in_force_at_the_boundaries(on, number):
    assert decree_in_force(on).number == number


@pytest.mark.parametrize(
    ("on", "number"),
    [(date(2013, 5, 1), "15/2003/QH11"), (date(2023, 12, 31), "15/2003/QH11"), (date(2024, 1, 1), "06/2022/QH15")],
)
def test_law_in_force(on, number):
    assert decree_in_force(on, kind="luat").number == number


def test_before_the_first_decree_is_an_error_in_vietnamese():
    with pytest.raises(ValueError, match="chưa có nghị định"):
        decree_in_force(date(2017, 1, 1))
    with pytest.raises(ValueError, match="chưa có luật"):
        decree_in_force(date(2000, 1, 1), kind="luat")
    with pytest.raises(ValueError, match="không hợp lệ"):
        decree_in_force(date(2024, 1, 1), kind="thong_tu")


def test_decrees_listing_and_dates():
    assert [d.number for d in decrees("nghi_dinh")] == ["91/2017/NĐ-CP", "98/2023/NĐ-CP", "152/2025/NĐ-CP"]
    assert [d.number for d in decrees("luat")] == ["15/2003/QH11", "06/2022/QH15"]
    assert len(decrees()) == 5
    d91, d98, d152 = decrees("nghi_dinh")
    assert (d91.issued, d91.until) == (date(2017, 7, 31), date(2023, 12, 31))
    assert (d98.issued, d98.effective, d98.until) == (date(2023, 12, 31), date(2024, 1, 1), date(2025, 6, 30))
    assert (d152.issued, d152.effective, d152.until) == (date(2025, 6, 14), date(2025, 7, 1), None)
    # one day after a decree's last day is the next one's first
    assert d91.until.toordinal() + 1 == d98.effective.toordinal()
    assert d98.until.toordinal() + 1 == d152.effective.toordinal()


def test_effective_date_of_91_2017_is_marked_unconfirmed():
    d91 = decree_by_number("91/2017/NĐ-CP")
    assert d91 is not None and d91.effective_confirmed is False
    assert all(d.effective_confirmed for d in decrees("nghi_dinh") if d is not d91)
    assert decree_by_number("06/2022/QH15").effective_confirmed is True


def test_in_force_is_inclusive():
    d98 = decree_by_number("98/2023/NĐ-CP")
    assert d98.in_force(date(2024, 1, 1)) and d98.in_force(date(2025, 6, 30))
    assert not d98.in_force(date(2023, 12, 31)) and not d98.in_force(date(2025, 7, 1))
    assert isinstance(d98, Decree)


def test_cite_and_name():
    d152 = decree_by_number("152/2025/NĐ-CP")
    assert d152.cite() == "Nghị định số 152/2025/NĐ-CP ngày 14/6/2025 của Chính phủ"
    assert d152.name == "Nghị định 152/2025/NĐ-CP"
    assert decree_by_number("06/2022/QH15").name == "Luật Thi đua, khen thưởng số 06/2022/QH15"


# ---------------------------------------------------------------- forms


@pytest.mark.parametrize(
    ("decree", "key", "number", "confirmed"),
    [
        ("91/2017/NĐ-CP", "bao_cao_tap_the", "01", True),
        ("91/2017/NĐ-CP", "bao_cao_ca_nhan", "02", True),
        ("91/2017/NĐ-CP", "bao_cao_cong_hien", "03", True),
        ("91/2017/NĐ-CP", "bao_cao_dot_xuat", "06", True),
        ("91/2017/NĐ-CP", "bao_cao_chuyen_de", "07", True),
        ("91/2017/NĐ-CP", "to_trinh", None, False),
        ("98/2023/NĐ-CP", "to_trinh", "01", False),
        ("98/2023/NĐ-CP", "bao_cao_tap_the", "02", True),
        ("98/2023/NĐ-CP", "bao_cao_ca_nhan", "03", False),
        ("98/2023/NĐ-CP", "bao_cao_cong_hien", "04", False),
        ("98/2023/NĐ-CP", "bao_cao_anh_hung_tap_the", "05", True),
        ("98/2023/NĐ-CP", "bao_cao_dot_xuat", "07", False),
        ("98/2023/NĐ-CP", "bao_cao_chuyen_de", "08", True),
        ("152/2025/NĐ-CP", "to_trinh", "01", True),
        ("152/2025/NĐ-CP", "bao_cao_ca_nhan", "05", True),
        ("152/2025/NĐ-CP", "bao_cao_tap_the", None, False),
        ("152/2025/NĐ-CP", "bao_cao_chuyen_de", None, False),
        ("152/2025/NĐ-CP", "bao_cao_dot_xuat", None, False),
        ("152/2025/NĐ-CP", "bao_cao_cong_hien", None, False),
    ],
)
def test_form_numbers_and_flags_as_domain_md_gives_them(decree, key, number, confirmed):
    (ref,) = [f for f in forms_of(decree) if f.key == key]
    assert (ref.number, ref.confirmed) == (number, confirmed)
    assert ref.title


def test_no_unknown_number_is_confirmed_and_152_has_only_two_numbers():
    for d in decrees("nghi_dinh"):
        for ref in forms_of(d):
            assert ref.number is not None or ref.confirmed is False
    assert sorted(f.number for f in forms_of("152/2025/NĐ-CP") if f.number) == ["01", "05"]


@pytest.mark.parametrize(
    ("on", "number", "decree"),
    [
        (date(2023, 12, 31), "07", "91/2017/NĐ-CP"),
        (date(2024, 1, 1), "08", "98/2023/NĐ-CP"),
        (date(2025, 6, 30), "08", "98/2023/NĐ-CP"),
        (date(2025, 7, 1), None, "152/2025/NĐ-CP"),
    ],
)
def test_form_for_follows_the_decree_in_force(on, number, decree):
    ref = form_for("bao_cao_chuyen_de", on)
    assert isinstance(ref, FormRef)
    assert (ref.number, ref.decree.number) == (number, decree)


def test_form_for_unknown_key_lists_the_keys():
    with pytest.raises(KeyError) as err:
        form_for("bao_cao_thang", date(2024, 1, 1))
    message = str(err.value)
    assert "không có mẫu" in message and all(k in message for k in FORM_KEYS)


def test_form_for_before_any_decree():
    with pytest.raises(ValueError):
        form_for("to_trinh", date(2010, 1, 1))


def test_citations():
    assert form_for("bao_cao_chuyen_de", date(2024, 7, 19)).citation() == (
        "Mẫu số 08 Phụ lục I ban hành kèm theo Nghị định số 98/2023/NĐ-CP"
    )
    # seed 004 cites 91/2017 forms without a Phụ lục
    assert form_for("bao_cao_chuyen_de", date(2021, 12, 29)).citation() == (
        "Mẫu số 07 ban hành kèm theo Nghị định số 91/2017/NĐ-CP"
    )
    assert form_for("bao_cao_ca_nhan", date(2025, 7, 1)).citation() == (
        "Mẫu số 05 Phụ lục ban hành kèm theo Nghị định số 152/2025/NĐ-CP"
    )
    unknown = form_for("bao_cao_chuyen_de", date(2026, 1, 1)).citation()
    assert unknown.startswith("mẫu báo cáo thành tích") and "Mẫu số" not in unknown
    assert unknown.endswith("ban hành kèm theo Nghị định số 152/2025/NĐ-CP")


def test_form_by_number():
    assert form_by_number("91/2017/NĐ-CP", "07").key == "bao_cao_chuyen_de"
    assert form_by_number("98/2023/NĐ-CP", 8).key == "bao_cao_chuyen_de"
    assert form_by_number("98/2023/NĐ-CP", "02").key == "bao_cao_tap_the"
    assert form_by_number("152/2025/NĐ-CP", "05").key == "bao_cao_ca_nhan"
    assert form_by_number("152/2025/NĐ-CP", "08") is None  # unknown, never guessed
    assert form_by_number("91/2017/NĐ-CP", "xx") is None


# ---------------------------------------------------------------- replacement


@pytest.mark.parametrize(
    "printed",
    ["91/2017/NĐ-CP", "91/2017/ND-CP", "91/2017/nđ-cp", "91 / 2017 / NĐ - CP", "91/2017/NÐ-CP", "091/2017/NĐ-CP"],
)
def test_replacement_for_folded_input(printed):
    assert replacement_for(printed, date(2026, 1, 1)).number == "152/2025/NĐ-CP"
    assert replacement_for(printed, date(2025, 1, 1)).number == "98/2023/NĐ-CP"


def test_replacement_for_none_when_in_force_or_unknown():
    assert replacement_for("91/2017/NĐ-CP", date(2021, 12, 29)) is None
    assert replacement_for("98/2023/NĐ-CP", date(2024, 7, 19)) is None
    assert replacement_for("152/2025/NĐ-CP", date(2026, 1, 1)) is None
    assert replacement_for("30/2020/NĐ-CP", date(2026, 1, 1)) is None  # not an award decree
    assert replacement_for("263/KH-UBND", date(2026, 1, 1)) is None
    assert replacement_for("98/2023/NĐ-CP", date(2010, 1, 1)) is None  # nothing in force then


def test_replacement_for_laws_keeps_the_kind():
    assert replacement_for("15/2003/QH11", date(2026, 1, 1)).number == "06/2022/QH15"
    assert replacement_for("39/2013/qh13", date(2024, 1, 1)).number == "06/2022/QH15"
    assert replacement_for("06/2022/QH15", date(2026, 1, 1)) is None


def test_data_is_loaded_through_vocab():
    data = award_law.vocab.load("award_decrees")
    assert {e["number"] for e in data["instrument"]} == {d.number for d in decrees()}
    assert set(data["forms"]) == {d.number for d in decrees("nghi_dinh")}
    for forms in data["forms"].values():
        assert set(forms) <= set(FORM_KEYS)
