"""The campaign period: from the clause on timing, else from the title.

"Thời gian thi đua: từ ngày ban hành Kế hoạch đến ngày 31 tháng 12 năm 2025" →
start = the issue date, end = 2025-12-31. Without such a clause, "giai đoạn 2021 - 2030"
in the title gives 2021 and 2030, and "năm 2021" gives 2021 and 2021.
"""
from __future__ import annotations

import re
from functools import cache

from ... import vocab
from ...model import Period
from ...vn.dates import find_dates
from ...vn.fuzzy import fuzzy_pattern
from ...vn.text import fold, squash
from .outline import Outline

__all__ = ["PeriodReading", "read_period"]

_STAGE = re.compile(r"giai\s*doan\s*(?:tu\s*(?:nam\s*)?)?(?P<a>(?:19|20)\d{2})\s*(?:-|–|den|đến)\s*(?:nam\s*)?(?P<b>(?:19|20)\d{2})")
_YEAR = re.compile(r"(?<![a-z])nam\s+(?P<y>(?:19|20)\d{2})(?!\d)")
_SPAN_YEARS = re.compile(r"(?<![a-z])(?:nam hoc|cac nam|nam)\s+(?P<a>(?:19|20)\d{2})\s*-\s*(?P<b>(?:19|20)\d{2})(?!\d)")
_FULL_DATE_YEAR = re.compile(r"thang\s+\d{1,2}\s+$")
_YEARS = re.compile(r"(?<![a-z])tu\s+(?:nam\s+)?(?P<a>(?:19|20)\d{2})\s+den\s+(?:het\s+)?(?:nam\s+)?(?P<b>(?:19|20)\d{2})(?!\d)")
_UNTIL = re.compile(r"(?<![a-z])den\s+(?:het\s+)?nam\s+(?P<y>(?:19|20)\d{2})(?!\d)")


class PeriodReading:
    """The period and the span of the clause it came from (to keep its end out of deadlines)."""

    def __init__(self, period: Period | None, span: tuple[int, int] | None, confidence: float) -> None:
        self.period, self.span, self.confidence = period, span, confidence


@cache
def _labels() -> re.Pattern[str]:
    labels = sorted(vocab.load("deadlines")["period_labels"], key=len, reverse=True)
    return re.compile(r"^\s*(?:" + "|".join(fuzzy_pattern(lb, vocab.ocr_letters()) for lb in labels) + r")(?![a-z])\s*(?:[:.-]\s*)?")


@cache
def _from_to() -> re.Pattern[str]:
    """"từ" or "đến" as words (OCR-tolerant: "Tw ngay …", "dén ngay …")."""
    letters = vocab.ocr_letters()
    return re.compile(r"(?<![a-z])(?:" + fuzzy_pattern("den", letters) + "|" + fuzzy_pattern("tu", letters) + r")(?![a-z])")


@cache
def _span() -> re.Pattern[str]:
    letters = vocab.ocr_letters()
    tu, den = fuzzy_pattern("tu", letters), fuzzy_pattern("den", letters)
    later = "|".join(fuzzy_pattern(w, letters) for w in ("het", "truoc", "ngay het"))
    return re.compile(
        r"(?<![a-z])(?:ke\s+)?" + tu + r"(?![a-z])(?P<from>.*?)(?<![a-z])" + den + r"(?![a-z])(?:\s+(?:" + later + r"))?(?P<to>.*)$"
    )


def _clause(outline: Outline) -> tuple[str, str, int] | None:
    """(text, folded, offset) of the timing clause: after its label, or the line under it."""
    for item in outline.items:
        m = _labels().match(item.folded)
        if not m:
            continue
        rest = item.folded[m.end():]
        if _from_to().search(rest) or (rest.strip() and find_dates(rest)):
            return item.text[m.end():], rest, item.start + m.end()
        following = outline.items[item.index + 1] if item.index + 1 < len(outline.items) else None
        if following is not None and following.parent == item.index and _from_to().search(following.folded):
            return following.text, following.folded, following.start
    return None


def _campaign_sentence(outline: Outline) -> tuple[str, str, int] | None:
    """No timing label: a sentence about the campaign that runs "từ … đến …" between dates
    ("Phong trào thi đua được triển khai từ tháng 3/2025 đến tháng 12/2025")."""
    for item in outline.items:
        f = item.folded
        if ("thi dua" in f or "phong trao" in f) and _span().search(f):
            m = _span().search(f)
            if find_dates(m.group("from")) and find_dates(m.group("to")):
                start = m.start()
                return item.text[start:], f[start:], item.start + start
    return None


def _value_at(folded: str, offset: int, issue_date: str | None) -> tuple[str | None, bool]:
    """The value a "từ …" or "đến …" part gives, and whether it said anything datable."""
    if any(w in folded for w in vocab.load("deadlines")["from_issue"]):
        return issue_date, True
    dates = find_dates(folded)
    if dates:
        return dates[0].value(), True
    return None, False


_CAMPAIGN_TYPES = frozenset({"KE_HOACH", "CHUONG_TRINH", "HUONG_DAN", "PHUONG_AN", "DE_AN"})


def read_period(outline: Outline, title: str | None, issue_date: str | None, doc_type: str | None = None) -> PeriodReading:
    """The campaign period, or a reading with no period. The title gives one only for a
    plan-like document or a title about a campaign ("phong trào thi đua … năm 2025")."""
    clause = _clause(outline) or _campaign_sentence(outline)
    if clause is not None:
        text, folded, offset = clause
        printed = squash(text).rstrip(" .;")
        span = (offset, offset + len(text))
        m = _span().search(folded)
        if m:
            start, _ = _value_at(m.group("from"), offset, issue_date)
            end, _ = _value_at(m.group("to"), offset, issue_date)
            return PeriodReading(Period(start, end, printed), span, 0.9)
        dates = find_dates(folded)
        if len(dates) >= 2 and re.search(r"\s[-–]\s|\bden\b", folded[dates[0].end:dates[1].start]):
            # "Từ ngày 15/4/2025 - 15/11/2025"
            return PeriodReading(Period(dates[0].value(), dates[1].value(), printed), span, 0.85)
        if len(dates) == 1 and len(folded.split()) <= 8:
            # "Thời gian thực hiện: Năm 2025" — one date, the whole period
            value = dates[0].value()
            return PeriodReading(Period(value, value, printed), span, 0.8)
    if title and (doc_type in _CAMPAIGN_TYPES or doc_type is None or re.search(r"thi\s*dua|phong\s*trao", fold(title))):
        f = fold(title)
        m = _STAGE.search(f) or _YEARS.search(f) or _SPAN_YEARS.search(f)
        if m:
            return PeriodReading(Period(m.group("a"), m.group("b"), squash(title[m.start():m.end()])), None, 0.7)
        m = _UNTIL.search(f)
        if m:  # "… đến năm 2035": an end, not a one-year campaign
            return PeriodReading(Period(None, m.group("y"), squash(title[m.start():m.end()])), None, 0.6)
        # "… ngày 15 tháng 3 năm 2024 của Ban Bí thư": the year of a cited date is no period.
        m = next((y for y in _YEAR.finditer(f) if not _FULL_DATE_YEAR.search(f[max(0, y.start() - 12):y.start()])), None)
        if m:
            return PeriodReading(Period(m.group("y"), m.group("y"), squash(title[m.start():m.end()])), None, 0.6)
    return PeriodReading(None, None, 0.0)


