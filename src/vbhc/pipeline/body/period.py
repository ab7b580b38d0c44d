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
        if _from_to().search(rest):
            return item.text[m.end():], rest, item.start + m.end()
        following = outline.items[item.index + 1] if item.index + 1 < len(outline.items) else None
        if following is not None and following.parent == item.index and _from_to().search(following.folded):
            return following.text, following.folded, following.start
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
    clause = _clause(outline)
    if clause is not None:
        text, folded, offset = clause
        m = _span().search(folded)
        if m:
            start, _ = _value_at(m.group("from"), offset, issue_date)
            end, _ = _value_at(m.group("to"), offset, issue_date)
            printed = squash(text).rstrip(" .;")
            return PeriodReading(Period(start, end, printed), (offset, offset + len(text)), 0.9)
    if title and (doc_type in _CAMPAIGN_TYPES or doc_type is None or re.search(r"thi\s*dua|phong\s*trao", fold(title))):
        f = fold(title)
        m = _STAGE.search(f) or _YEARS.search(f)
        if m:
            return PeriodReading(Period(m.group("a"), m.group("b"), squash(title[m.start():m.end()])), None, 0.7)
        m = _UNTIL.search(f)
        if m:  # "… đến năm 2035": an end, not a one-year campaign
            return PeriodReading(Period(None, m.group("y"), squash(title[m.start():m.end()])), None, 0.6)
        m = _YEAR.search(f)
        if m:
            return PeriodReading(Period(m.group("y"), m.group("y"), squash(title[m.start():m.end()])), None, 0.6)
    return PeriodReading(None, None, 0.0)


