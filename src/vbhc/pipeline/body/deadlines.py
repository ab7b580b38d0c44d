"""Deadlines: dated obligations ("trước ngày", "chậm nhất", "hạn").

"… gửi về Sở Nội vụ trước ngày 10 tháng 02 năm liền kề" → ``date: --02-10`` (yearly);
"trước ngày 25/5/2021" → ``2021-05-25``; "chậm nhất 10 ngày trước khi tổ chức Hội nghị"
→ a relative deadline, ``date: null``. The end of the campaign period is the period, not
also a deadline; a ceremony "dự kiến tổ chức vào tháng 5/2021" is an event.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import cache

from ... import vocab
from ...model import Deadline
from ...vn.dates import find_dates
from ...vn.fuzzy import fuzzy_pattern
from ...vn.text import squash
from .outline import Outline

__all__ = ["DeadlineIssue", "read_deadlines"]

_SAME_TASK = 0.75       # similarity of two "what" texts that are the same task repeated
_DATE_GAP = 6           # characters allowed between a trigger and its date
_RELATIVE = re.compile(r"^\s*(?P<n>\d{1,3})\s*ngay(?:\s+lam\s+viec)?\s+(?:truoc|sau|ke tu)")


@dataclass(frozen=True)
class DeadlineIssue:
    code: str
    message: str


@cache
def _triggers() -> re.Pattern[str]:
    words = sorted(vocab.load("deadlines")["triggers"], key=len, reverse=True)
    return re.compile(r"(?<![a-z])(?:" + "|".join(fuzzy_pattern(w, vocab.ocr_letters()) for w in words) + r")(?![a-z])")


def _what(text: str, folded: str, begin: int, at: int) -> str:
    """The task a deadline belongs to: the clause before the trigger."""
    clause = folded[begin:at]
    cut = max(clause.rfind(". "), clause.rfind("; "), clause.rfind(": "))
    start = begin + (cut + 2 if cut >= 0 else 0)
    what = squash(text[start:at]).strip(" ,;:-")
    return re.sub(r"^(?:[a-zđ]\)|\d+\.|-|\+)\s*", "", what)


def _what_after(text: str, folded: str, start: int, stop: int) -> str:
    """"Trước ngày 31/12/2025, các sở gửi báo cáo …": the task after the date."""
    clause = folded[start:stop]
    cut = re.search(r"[.;]\s|[.;]$", clause)
    end = start + (cut.start() if cut else len(clause))
    return squash(text[start:end]).strip(" ,;:-")


def read_deadlines(
    outline: Outline, period_span: tuple[int, int] | None, issued: str | None = None
) -> tuple[list[Deadline], list[DeadlineIssue]]:
    """Deadlines in the body; a repeated task counted once; impossible dates left out.

    ``issued`` is the document's date (ISO) or year: a fixed date before it is a condition
    ("đất được giao trước ngày 01/7/2014"), not an obligation, and is left out.
    """
    text, folded = outline.layout.nt.text, outline.layout.nt.folded
    recurring_words = vocab.load("deadlines")["recurring"]
    events = vocab.load("deadlines")["events"]
    out: list[Deadline] = []
    issues: list[DeadlineIssue] = []
    for item in outline.items:
        for m in _triggers().finditer(folded, item.start, item.end):
            if period_span and period_span[0] <= m.start() < period_span[1]:
                continue
            begin = item.start
            what = _what(text, folded, begin, m.start())
            if any(e in folded[begin:m.start()][-60:] for e in events):
                continue
            after = folded[m.end():item.end]
            # The trigger may end with "ngày", which the date expression also reads.
            dates = [d for d in find_dates(folded, m.start(), min(item.end, m.end() + 60)) if d.end > m.end() and d.start - m.end() <= _DATE_GAP]
            if dates:
                d = dates[0]
                tail = folded[d.end:d.end + 24]
                lead = len(tail) - len(tail.lstrip(" ,"))
                word = next((w for w in recurring_words if tail[lead:].startswith(w)), None)
                recurring = d.precision == "day_month" or word is not None
                if d.parts.problem:
                    issues.append(DeadlineIssue("deadline.invalid_date", f"Hạn không hợp lệ ({d.parts.problem}): …{squash(text[m.start():d.end])}…"))
                    continue
                if d.precision not in ("day", "day_month"):
                    continue
                value = f"--{d.parts.month:02d}-{d.parts.day:02d}" if recurring else d.value()
                if value and not recurring and issued and value[: len(issued)] < issued[: len(value)]:
                    continue
                end = d.end + (lead + len(word) if word else 0)
                if not what:
                    what = _what_after(text, folded, end, item.end)
                out.append(Deadline(value, recurring, what, squash(text[m.start():end])))
            elif _RELATIVE.match(after) or after.lstrip().startswith(("khi", "to chuc", "hop", "ngay to chuc", "ngay hop")):
                end = min(item.end, m.end() + 80)
                clause_end = re.search(r"[.;]", folded[m.end():end])
                end = m.end() + clause_end.start() if clause_end else end
                out.append(Deadline(None, False, what, squash(text[m.start():end])))
    return _dedupe(out), issues


def _dedupe(deadlines: list[Deadline]) -> list[Deadline]:
    kept: list[Deadline] = []
    for d in deadlines:
        if any(k.date == d.date and difflib.SequenceMatcher(None, k.what.lower(), d.what.lower()).ratio() >= _SAME_TASK for k in kept):
            continue
        kept.append(d)
    return kept
