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
from ...vn.dates import DateExpr, day_month_at, find_dates
from ...vn.fuzzy import fuzzy_pattern
from ...vn.text import fold, squash
from .outline import Outline

__all__ = ["DeadlineIssue", "read_deadlines"]

_SAME_TASK = 0.75       # similarity of two "what" texts that are the same task repeated
_DATE_GAP = 32          # characters allowed between a trigger and its date (no sentence end between)
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
    what = squash(text[start:at]).strip(" ,;:-(")
    if not what and cut >= 0:
        # "Thời gian nộp hồ sơ: trước ngày …": the label names the task
        label_start = max(clause.rfind(". ", 0, cut), clause.rfind("; ", 0, cut))
        what = squash(text[begin + label_start + 2 if label_start >= 0 else begin:begin + cut]).strip(" ,;:-(")
    return re.sub(r"^(?:[a-zđ]\)|\d+\.|-|\+)\s*", "", what)


def _joined(folded: str, first: DateExpr, stop: int):  # type: ignore[no-untyped-def]
    """Dates that follow ``first`` joined by "và" or ","; after a day and month
    ("ngày 01/6 và 15/11"), a bare "15/11" is one too."""
    at = first.end
    while True:
        link = re.match(r"\s*(?:,|va|;)\s*(?:ngay\s*)?", folded[at:stop])
        if not link:
            return
        nxt = [d for d in find_dates(folded, at + link.end(), min(stop, at + link.end() + 24)) if d.start == at + link.end() or d.start - (at + link.end()) <= 1]
        if not nxt and first.precision == "day_month":
            bare = day_month_at(folded, at + link.end(), stop)
            nxt = [bare] if bare else []
        if not nxt:
            return
        yield nxt[0]
        at = nxt[0].end


_DIGIT = re.compile(r"[0-9]")
# "trước khi …", "chậm nhất trước ngày họp …": due before an event ("hợp đồng" is no event)
_BEFORE_EVENT = re.compile(r"\s*(?:khi|to chuc|hop(?!\s+dong)|ngay to chuc|ngay hop)(?![a-z])")


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
        consumed = item.start
        for m in _triggers().finditer(folded, item.start, item.end):
            if m.start() < consumed or (period_span and period_span[0] <= m.start() < period_span[1]):
                continue  # inside a deadline already read ("chậm nhất 10 ngày trước khi …")
            bare = m.group().strip() == "truoc"  # "trước" alone counts only with a date after it
            if bare and not _DIGIT.search(folded, m.end(), m.end() + _DATE_GAP + 6):
                continue  # "trước khi", "trước đây": cheap exit, most "trước" are these
            begin = item.start
            if any(e in folded[begin:m.start()][-60:] for e in events):
                continue
            what = _what(text, folded, begin, m.start())
            after = folded[m.end():item.end]
            if _RELATIVE.match(after):
                dates = []  # "chậm nhất 10 ngày trước khi …": relative, whatever date follows
            else:
                # The trigger may end with "ngày", which the date expression also reads; a few
                # words may stand between ("hạn cuối nộp hồ sơ: 15/12/2025", "trước 17 giờ 00 ngày …").
                dates = [
                    d for d in find_dates(folded, m.start(), min(item.end, m.end() + 60))
                    if d.end > m.end() and d.start - m.end() <= _DATE_GAP and not re.search(r"[.;]\s", folded[m.end():d.start])
                ]
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
                # "trước ngày 01/6 và 15/11 hằng năm": every date of the list, alike
                for more in _joined(folded, dates[0], item.end):
                    if more.parts.problem or more.precision not in ("day", "day_month"):
                        break
                    v = f"--{more.parts.month:02d}-{more.parts.day:02d}" if recurring else more.value()
                    out.append(Deadline(v, recurring, what, squash(text[m.start():max(end, more.end)])))
            elif not bare and (_RELATIVE.match(after) or _BEFORE_EVENT.match(after)):
                end = min(item.end, m.end() + 80)
                clause_end = re.search(r"[.;]", folded[m.end():end])
                end = m.end() + clause_end.start() if clause_end else end
                if len(what.split()) <= 2:
                    # "Trong thời hạn 05 ngày làm việc kể từ …, Ủy ban nhân dân … có trách nhiệm …"
                    sentence = re.search(r"[.;](?:\s|$)", folded[m.end():item.end])
                    comma = folded.find(", ", m.end(), m.end() + sentence.start() if sentence else item.end)
                    what = _what_after(text, folded, comma + 2, item.end) if comma > 0 else what
                out.append(Deadline(None, False, what, squash(text[m.start():end])))
                consumed = end
    return _dedupe(out), issues


def _same_task(a: str, b: str) -> bool:
    a, b = fold(a), fold(b)
    return not a or not b or a in b or b in a or difflib.SequenceMatcher(None, a, b).ratio() >= _SAME_TASK or _shared_object(a, b)


def _shared_object(a: str, b: str) -> bool:
    """Both send the same papers ("hồ sơ đề nghị khen thưởng") to someone: one task said twice."""
    return "ho so" in a and "ho so" in b and ("gui" in a or "nop" in a) and ("gui" in b or "nop" in b)


def _dedupe(deadlines: list[Deadline]) -> list[Deadline]:
    kept: list[Deadline] = []
    for d in deadlines:
        if d.date is not None and any(k.date == d.date and _same_task(k.what, d.what) for k in kept):
            continue
        kept.append(d)
    return kept
