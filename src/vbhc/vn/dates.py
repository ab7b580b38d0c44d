"""Vietnamese dates: parsing the parts printed, validating them, ISO output."""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

__all__ = ["DateParts", "check_date"]

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
