"""vbhc.vn.formatting: the NĐ 30/2020 printing rules for dates, numbers, counts and amounts."""
from __future__ import annotations

import unicodedata
from datetime import date, datetime
from decimal import Decimal

import pytest

from vbhc.vn.dates import find_dates
from vbhc.vn.formatting import (
    BLANK_DATE,
    format_amount,
    format_count,
    format_date_long,
    format_date_short,
    format_day,
    format_month,
    format_number_line,
    format_place_date,
    format_time,
)
from vbhc.vn.text import fold

# ---------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (date(2026, 2, 5), "ngày 05 tháng 02 năm 2026"),
        (date(2020, 1, 5), "ngày 05 tháng 01 năm 2020"),  # the decree's own example
        (date(2026, 6, 29), "ngày 29 tháng 6 năm 2026"),
        (date(2026, 12, 10), "ngày 10 tháng 12 năm 2026"),
        (date(2026, 3, 9), "ngày 09 tháng 3 năm 2026"),
        (date(2026, 10, 1), "ngày 01 tháng 10 năm 2026"),
        ("2026-02-05", "ngày 05 tháng 02 năm 2026"),
        (datetime(2024, 7, 19, 8, 30), "ngày 19 tháng 7 năm 2024"),
    ],
)
def test_date_long(d, expected):
    assert format_date_long(d) == expected


@pytest.mark.parametrize("month", range(1, 13))
def test_month_zero_only_for_january_and_february(month):
    text = format_date_long(date(2026, month, 15))
    assert (f"tháng 0{month} " in text) == (month <= 2)
    assert f"tháng {month:02d} " in text if month <= 2 else f"tháng {month} " in text


@pytest.mark.parametrize("day", range(1, 32))
def test_day_zero_below_ten(day):
    assert format_day(day) == (f"0{day}" if day < 10 else str(day))
    assert format_date_long(date(2026, 1, day)).startswith(f"ngày {day:02d} " if day < 10 else f"ngày {day} ")


def test_blank_date_with_and_without_year():
    assert format_date_long(None, year=2026) == "ngày      tháng      năm 2026"
    assert format_date_long(None) == BLANK_DATE == "ngày …. tháng …. năm ….."
    # the year argument never overrides a date that is given
    assert format_date_long("2025-07-01", year=2026) == "ngày 01 tháng 7 năm 2025"


def test_partial_iso_leaves_parts_blank():
    assert format_date_long("2026") == "ngày      tháng      năm 2026"
    assert format_date_long("2026-02") == "ngày      tháng 02 năm 2026"


def test_long_date_round_trips_through_the_parser():
    for d in (date(2026, 2, 5), date(2024, 7, 19), date(2021, 12, 29)):
        (expr,) = find_dates(fold(format_date_long(d)))
        assert expr.value() == d.isoformat()


@pytest.mark.parametrize("bad", ["2026-02-30", "2026-13-01", "05/02/2026", "hôm nay"])
def test_bad_dates_raise_in_vietnamese(bad):
    with pytest.raises(ValueError, match=r"ngày|ISO"):
        format_date_long(bad)


def test_place_date():
    assert format_place_date("Lộc Ninh", "2024-07-19") == "Lộc Ninh, ngày 19 tháng 7 năm 2024"
    assert format_place_date("Cần Thơ", date(2021, 12, 29)) == "Cần Thơ, ngày 29 tháng 12 năm 2021"
    assert format_place_date("Phước Long", None, year=2026) == "Phước Long, ngày      tháng      năm 2026"
    assert format_place_date(None, "2026-02-05") == "…, ngày 05 tháng 02 năm 2026"


def test_place_is_nfc():
    decomposed = unicodedata.normalize("NFD", "Lộc Ninh")
    out = format_place_date(decomposed, "2024-07-19")
    assert out.startswith("Lộc Ninh,") and unicodedata.is_normalized("NFC", out)


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        ("2026-02-05", "05/02/2026"),
        (date(2024, 7, 19), "19/7/2024"),
        ("2021-01-27", "27/01/2021"),
        (date(2025, 6, 14), "14/6/2025"),
        (date(2025, 11, 3), "03/11/2025"),
        (None, "…/…/…"),
    ],
)
def test_date_short(d, expected):
    assert format_date_short(d) == expected


def test_date_short_needs_day_and_month():
    with pytest.raises(ValueError, match="thiếu ngày"):
        format_date_short("2026-02")


def test_short_date_round_trips_through_the_parser():
    (expr,) = find_dates(fold("ngày " + format_date_short(date(2021, 1, 27))))
    assert expr.value() == "2021-01-27"


# ---------------------------------------------------------------- numbers and counts


@pytest.mark.parametrize(
    ("seq", "symbol", "expected"),
    [
        (5, "TTr-UBND", "Số: 05/TTr-UBND"),
        (263, "KH-UBND", "Số: 263/KH-UBND"),
        (10, "BB-HĐTĐKT", "Số: 10/BB-HĐTĐKT"),
        (None, "KH-UBND", "Số:      /KH-UBND"),
        (None, "/KH-UBND", "Số:      /KH-UBND"),
    ],
)
def test_number_line(seq, symbol, expected):
    assert format_number_line(seq, symbol) == expected


def test_number_line_rejects_nonsense():
    with pytest.raises(ValueError, match="số văn bản"):
        format_number_line(0, "KH-UBND")
    with pytest.raises(ValueError, match="ký hiệu"):
        format_number_line(3, "  ")


@pytest.mark.parametrize(
    ("n", "noun", "expected"),
    [
        (5, None, "05"),
        (5, "tập thể", "05 tập thể"),
        (12, "cá nhân", "12 cá nhân"),
        (1, "bản", "01 bản"),
        (0, None, "0"),
        (0, "cá nhân", "0 cá nhân"),
        (100, None, "100"),
        (1200, "cá nhân", "1.200 cá nhân"),
    ],
)
def test_count(n, noun, expected):
    assert format_count(n, noun) == expected


def test_count_rejects_negative_and_non_integers():
    with pytest.raises(ValueError):
        format_count(-1)
    with pytest.raises(TypeError):
        format_count(2.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        format_count(True)


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (2340000, "2.340.000"),
        (1404000, "1.404.000"),
        (1.5, "1,5"),
        (Decimal("4.5"), "4,5"),
        (999, "999"),
        (1000, "1.000"),
        (Decimal("2340000.25"), "2.340.000,25"),
        (1.23456, "1,23456"),  # never rounded
    ],
)
def test_amount_uses_vietnamese_grouping(n, expected):
    assert format_amount(n) == expected


def test_month_helper_bounds():
    assert [format_month(m) for m in (1, 2, 3, 11)] == ["01", "02", "3", "11"]
    with pytest.raises(ValueError, match="tháng"):
        format_month(13)


# ---------------------------------------------------------------- time


@pytest.mark.parametrize(
    ("hh", "mm", "expected"),
    [(8, 0, "08 giờ 00 phút"), (14, 30, "14 giờ 30 phút"), (0, 5, "00 giờ 05 phút")],
)
def test_time(hh, mm, expected):
    assert format_time(hh, mm) == expected


def test_time_bounds():
    with pytest.raises(ValueError, match="giờ"):
        format_time(24, 0)
    with pytest.raises(ValueError, match="phút"):
        format_time(8, 60)
