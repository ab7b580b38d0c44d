"""Vietnamese dates: parsing the parts printed, validating them, ISO output."""
from __future__ import annotations

import datetime as _dt
import re as _re
from dataclasses import dataclass
from functools import cache as _cache

from .fuzzy import fuzzy_pattern as _fuzzy

__all__ = ["DateExpr", "DateParts", "check_date", "day_month_at", "find_dates"]

#: Years outside this range are taken as typing errors ("năm 20233").
MIN_YEAR, MAX_YEAR = 1945, 2100


@dataclass(frozen=True)
class DateParts:
    """A date as printed: any part may be blank (None). ``problem`` says what is wrong."""

    day: int | None
    month: int | None
    year: int | None
    problem: str | None = None

    @property
    def iso(self) -> str | None:
        """ISO date when all parts are printed and valid, else None."""
        if self.problem or None in (self.day, self.month, self.year):
            return None
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


def check_date(day: str | None, month: str | None, year: str | None) -> DateParts:
    """Validate printed date parts (strings of digits or None); say what is wrong in Vietnamese."""
    d = int(day) if day else None
    m = int(month) if month else None
    y = int(year) if year else None
    problem = None
    if y is not None and not MIN_YEAR <= y <= MAX_YEAR:
        problem = f"năm {year} không hợp lệ"
    elif m is not None and not 1 <= m <= 12:
        problem = f"tháng {month} không hợp lệ"
    elif d is not None and m is not None and y is not None:
        try:
            _dt.date(y, m, d)
        except ValueError:
            problem = f"ngày {day}/{month}/{year} không có thật"
    elif d is not None and not 1 <= d <= 31:
        problem = f"ngày {day} không hợp lệ"
    return DateParts(d, m, y, problem)


# ---------------------------------------------------------------- date expressions in text


@dataclass(frozen=True)
class DateExpr:
    """A date printed in running text, with what it gives: ``precision`` is "day",
    "day_month" (no year), "month" or "year". Offsets are in the folded text searched."""

    start: int
    end: int
    parts: DateParts
    precision: str

    def value(self) -> str | None:
        """ISO at the precision printed; ``--MM-DD`` for a day and month without a year."""
        p = self.parts
        if p.problem:
            return None
        if self.precision == "day":
            return p.iso
        if self.precision == "day_month" and p.day and p.month:
            return f"--{p.month:02d}-{p.day:02d}"
        if self.precision == "month" and p.month and p.year:
            return f"{p.year:04d}-{p.month:02d}"
        if self.precision == "year" and p.year:
            return f"{p.year:04d}"
        return None


@_cache
def _date_patterns() -> list[tuple[_re.Pattern[str], str]]:
    from .. import vocab

    letters = vocab.ocr_letters()
    day, month, year = (_fuzzy(w, letters) for w in ("ngay", "thang", "nam"))
    blank = r"[\s.…]*+"
    return [
        (_re.compile(day + blank + r"(?P<d>\d{1,2})" + blank + month + blank + r"(?P<m>\d{1,2})" + blank + year + blank + r"(?P<y>\d{4,5})(?!\d)"), "day"),
        (_re.compile(r"(?<![\d/])(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4,5})(?![\d/])"), "day"),
        (_re.compile(r"(?<![\d/])(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})\s+(?P<y>(?:19|20)\d{2})(?!\d)"), "day"),
        (_re.compile(day + blank + r"(?P<d>\d{1,2})" + blank + month + blank + r"(?P<m>\d{1,2})(?!\d)"), "day_month"),
        (_re.compile(r"(?<![\d/])" + day + blank + r"(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})(?![\d/])"), "day_month"),
        (_re.compile(month + blank + r"(?P<m>\d{1,2})\s*(?:/|" + year + r")\s*(?P<y>\d{4,5})(?!\d)"), "month"),
        (_re.compile(r"(?<![a-z])" + year + r"\s+(?P<y>(?:19|20)\d{2,3})(?!\d)"), "year"),
    ]


def find_dates(folded: str, start: int = 0, end: int | None = None) -> list[DateExpr]:
    """Every date expression in ``folded[start:end]``, leftmost first, without overlaps."""
    end = len(folded) if end is None else end
    found: list[DateExpr] = []
    taken: list[tuple[int, int]] = []
    for pattern, precision in _date_patterns():
        for m in pattern.finditer(folded, start, end):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            g = m.groupdict()
            if precision == "day_month":
                parts = _day_month(g["d"], g["m"])
            else:
                parts = check_date(g.get("d"), g.get("m"), g.get("y"))
            found.append(DateExpr(m.start(), m.end(), parts, precision))
            taken.append((m.start(), m.end()))
    return sorted(found, key=lambda d: d.start)


def _day_month(day: str, month: str) -> DateParts:
    """A day and month with no year, checked against a leap year (29/02 is possible)."""
    parts = check_date(day, month, "2000")
    return DateParts(parts.day, parts.month, None, parts.problem)


_BARE_DAY_MONTH = _re.compile(r"(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})(?![\d/])")


def day_month_at(folded: str, start: int, end: int | None = None) -> DateExpr | None:
    """A bare "15/11" at ``start``: a date only where the context says so (it follows
    "ngày 01/6 và …"); find_dates does not read it, as it may be a fraction or a ratio."""
    m = _BARE_DAY_MONTH.match(folded, start, len(folded) if end is None else end)
    return DateExpr(m.start(), m.end(), _day_month(m["d"], m["m"]), "day_month") if m else None
