"""Vietnamese formatting as Nghị định 30/2020/NĐ-CP prints it: dates, numbers, counts, amounts.

The rules (Phụ lục I, Phần I, Mục II.3–4; ../shared/docs/domain.md §0, §1.4):

* a day below 10 takes a leading zero, and so do months 1 and 2 only
  ("ngày 05 tháng 02 năm 2026", "ngày 29 tháng 6 năm 2026");
* a document number below 10 takes a leading zero ("Số: 05/TTr-UBND");
* unsigned drafts leave the number and the date blank for the văn thư
  ("Số:      /KH-UBND", "ngày      tháng      năm 2026");
* amounts group thousands with "." and decimals with "," (Babel's ``vi`` locale).

Every function returns NFC text.

>>> format_place_date("Lộc Ninh", "2024-07-19")
'Lộc Ninh, ngày 19 tháng 7 năm 2024'
>>> format_number_line(5, "TTr-UBND")
'Số: 05/TTr-UBND'
>>> format_amount(2340000)
'2.340.000'
"""
from __future__ import annotations

import datetime as _dt
import re
from decimal import Decimal
from typing import Any

from babel.numbers import format_decimal

from .. import vocab
from .text import nfc

__all__ = [
    "BLANK_DATE",
    "format_amount",
    "format_count",
    "format_date_long",
    "format_date_short",
    "format_day",
    "format_month",
    "format_number_line",
    "format_place_date",
    "format_time",
]

#: The date line of a form whose year is not known either (NĐ 30, Mẫu 1.9: "ngày …. tháng …. năm …..").
BLANK_DATE = "ngày …. tháng …. năm ….."

#: The blank a clerk leaves for a number or a day and month the văn thư fills in after signing.
_BLANK = " " * 6

_ISO = re.compile(r"(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?")


def _padding() -> dict[str, Any]:
    """Where leading zeros go (``[padding]`` in data/layout.toml, shared with the checker)."""
    return vocab.load("layout")["padding"]


def format_day(day: int) -> str:
    """A day of the month as printed: a leading zero below 10 ("05", "19").

    >>> format_day(5), format_day(19)
    ('05', '19')
    """
    if not 1 <= day <= 31:
        raise ValueError(f"ngày {day} không hợp lệ")
    return f"{day:02d}" if day < _padding()["day_below"] else str(day)


def format_month(month: int) -> str:
    """A month as printed: a leading zero for months 1 and 2 only ("01", "02", "6", "12").

    >>> [format_month(m) for m in (1, 2, 3, 12)]
    ['01', '02', '3', '12']
    """
    if not 1 <= month <= 12:
        raise ValueError(f"tháng {month} không hợp lệ")
    return f"{month:02d}" if month in _padding()["months"] else str(month)


def _parts(d: _dt.date | str) -> tuple[int | None, int | None, int]:
    """(day, month, year) of a date or an ISO string at any precision ("2026", "2026-02", "2026-02-05")."""
    if isinstance(d, _dt.datetime):
        d = d.date()
    if isinstance(d, _dt.date):
        return d.day, d.month, d.year
    if isinstance(d, str):
        m = _ISO.fullmatch(d.strip())
        if m:
            y, mo, dd = int(m["y"]), m["m"], m["d"]
            try:
                if dd is not None:
                    _dt.date(y, int(mo), int(dd))
                elif mo is not None:
                    _dt.date(y, int(mo), 1)
            except ValueError:
                raise ValueError(f"ngày “{d}” không có thật") from None
            return (int(dd) if dd else None), (int(mo) if mo else None), y
        raise ValueError(f"“{d}” không phải ngày dạng ISO (YYYY-MM-DD)")
    raise TypeError(f"không định dạng được ngày kiểu {type(d).__name__}")


def format_date_long(d: _dt.date | str | None, *, year: int | None = None) -> str:
    """The date in words and digits, as the địa danh line and the căn cứ print it.

    ``d`` is a date or an ISO string; a year-only or year-month ISO string ("2026",
    "2026-02") leaves the missing parts blank. ``None`` gives the blank form clerks leave
    for the văn thư, with ``year`` when given, else the fully blank form of Mẫu 1.9.
    ``year`` is used only when ``d`` is None.

    >>> format_date_long("2026-02-05")
    'ngày 05 tháng 02 năm 2026'
    >>> format_date_long(_dt.date(2026, 6, 29))
    'ngày 29 tháng 6 năm 2026'
    >>> format_date_long(None, year=2026)
    'ngày      tháng      năm 2026'
    >>> format_date_long(None)
    'ngày …. tháng …. năm …..'
    """
    if d is None:
        if year is None:
            return BLANK_DATE
        return f"ngày{_BLANK}tháng{_BLANK}năm {year}"
    day, month, y = _parts(d)
    day_part = f"ngày {format_day(day)} " if day else f"ngày{_BLANK}"
    month_part = f"tháng {format_month(month)} " if month else f"tháng{_BLANK}"
    return f"{day_part}{month_part}năm {y}"


def format_place_date(place: str | None, d: _dt.date | str | None, *, year: int | None = None) -> str:
    """The địa danh and date line (ô 4): "Lộc Ninh, ngày 19 tháng 7 năm 2024".

    A missing place prints as "…", as in the decree's blank forms.

    >>> format_place_date(None, None, year=2026)
    '…, ngày      tháng      năm 2026'
    """
    where = nfc(place.strip()) if place and place.strip() else "…"
    return f"{where}, {format_date_long(d, year=year)}"


def format_date_short(d: _dt.date | str | None) -> str:
    """The date as running text cites it ("ngày 27/01/2021"): "05/02/2026", "19/7/2024".

    Same zero rule as the long form. ``None`` gives the blank "…/…/…".

    >>> format_date_short("2021-01-27"), format_date_short(_dt.date(2024, 7, 19))
    ('27/01/2021', '19/7/2024')
    """
    if d is None:
        return "…/…/…"
    day, month, y = _parts(d)
    if day is None or month is None:
        raise ValueError(f"ngày “{d}” thiếu ngày hoặc tháng; dạng ngắn cần đủ ngày/tháng/năm")
    return f"{format_day(day)}/{format_month(month)}/{y}"


def format_number_line(seq: int | None, symbol: str) -> str:
    """The Số, ký hiệu line (ô 3): "Số: 263/KH-UBND"; a number below 10 takes a leading zero.

    ``seq`` None leaves the six-space blank unsigned drafts print: "Số:      /KH-UBND".
    A leading "/" on ``symbol`` is ignored.

    >>> format_number_line(None, "KH-UBND")
    'Số:      /KH-UBND'
    """
    sym = nfc(symbol.strip()).lstrip("/")
    if not sym:
        raise ValueError("thiếu ký hiệu văn bản")
    if seq is None:
        return f"Số:{_BLANK}/{sym}"
    if seq < 1:
        raise ValueError(f"số văn bản {seq} không hợp lệ (số bắt đầu từ 01)")
    return f"Số: {seq:02d}/{sym}" if seq < _padding()["number_below"] else f"Số: {seq}/{sym}"


def format_count(n: int, noun: str | None = None) -> str:
    """A count as plans print it: a leading zero below 10 ("05 tập thể"), "0" for none,
    thousands grouped with "." ("1.200 cá nhân").

    >>> format_count(5), format_count(5, "tập thể"), format_count(12, "cá nhân"), format_count(0)
    ('05', '05 tập thể', '12 cá nhân', '0')
    """
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError("số lượng phải là số nguyên")
    if n < 0:
        raise ValueError(f"số lượng {n} không hợp lệ (âm)")
    digits = "0" if n == 0 else f"{n:02d}" if n < 10 else format_amount(n)
    return f"{digits} {nfc(noun.strip())}" if noun and noun.strip() else digits


def format_amount(n: int | float | Decimal) -> str:
    """An amount with Vietnamese grouping, through Babel's ``vi`` locale: "." between
    thousands, "," before decimals; decimals printed as given, never rounded.

    >>> format_amount(1404000), format_amount(1.5), format_amount(Decimal("4.5"))
    ('1.404.000', '1,5', '4,5')
    """
    if isinstance(n, bool):
        raise TypeError("số tiền không được là giá trị đúng/sai")
    if isinstance(n, float):
        n = Decimal(repr(n))
    return format_decimal(n, locale="vi", decimal_quantization=False)


def format_time(hh: int, mm: int) -> str:
    """A time of day as a Biên bản prints it: "08 giờ 00 phút", "14 giờ 30 phút".

    >>> format_time(8, 0), format_time(14, 30)
    ('08 giờ 00 phút', '14 giờ 30 phút')
    """
    if not 0 <= hh <= 23:
        raise ValueError(f"giờ {hh} không hợp lệ")
    if not 0 <= mm <= 59:
        raise ValueError(f"phút {mm} không hợp lệ")
    return f"{hh:02d} giờ {mm:02d} phút"
