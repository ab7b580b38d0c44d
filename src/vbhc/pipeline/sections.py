"""Stage 4d: the heading tree of the body (Phần / Chương / I. / Điều / 1.)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .. import vocab
from ..model import Section
from ..vn.text import fold, is_upper_text, squash
from .segment import Layout

__all__ = ["SectionIssue", "read_sections", "slot_of"]

_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}
_ROMAN = re.compile(r"^\s*(?:(?P<div>phan|chuong|muc)\s+)?(?P<num>[ivxl1|]{1,6})\s*(?P<punct>[.:)\-])?\s*(?P<rest>.*)$")
_DIEU = re.compile(r"^\s*dieu\s+(?P<num>\d{1,3})\s*[.:]\s*(?P<rest>.*)$")
_ARABIC = re.compile(r"^\s*(?:(?P<div>muc)\s+)?(?P<num>\d{1,2})\s*[.)]\s+(?P<rest>\S.*)$")
_HEADING_MAX = 160
_HEADING_FIRST = frozenset("0123456789ivxl1|dpcm")


@dataclass(frozen=True)
class SectionIssue:
    """A numbering problem: a gap (III → V), a repeat or a step back."""

    code: str
    message: str


def _roman_value(numeral: str) -> int | None:
    total, prev = 0, 0
    for ch in reversed(numeral):
        v = _ROMAN_VALUES.get(ch)
        if v is None:
            return None
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total


def _to_roman(n: int) -> str:
    out = []
    for value, sym in ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


@cache
def _ocr_roman() -> dict[str, str]:
    out = {}
    for canonical, variants in vocab.load("ocr")["roman"].items():
        for v in variants:
            out[v] = canonical
    return out


@cache
def _slots() -> list[tuple[str, str]]:
    pairs = [(syn, slot) for slot, syns in vocab.load("sections")["slots"].items() for syn in syns]
    return sorted(pairs, key=lambda p: len(p[0]), reverse=True)


def _slot(folded_heading: str) -> str | None:
    best = None
    for syn, slot in _slots():
        at = folded_heading.find(syn)
        if at >= 0 and (best is None or at < best[0]):
            best = (at, slot)
    return best[1] if best else None


def slot_of(heading: str) -> str | None:
    """The canonical slot a printed heading names ("Hồ sơ đề nghị khen thưởng" → HO_SO)."""
    return _slot(fold(heading))


def _heading_text(text: str) -> str:
    return squash(text).rstrip(" :;,.").strip()


def _is_heading_like(text: str) -> bool:
    t = squash(text)
    if t.endswith(".") and len(t) <= 80:
        t = t[:-1]  # "IV. Tổ chức thực hiện."
    return (0 < len(t) <= _HEADING_MAX and not t.endswith((".", ";", ","))) or (t.endswith(":") and len(t) <= 100)


def _article_heading(rest: str) -> str:
    """An article's title ("Phạm vi điều chỉnh"), or the start of its first sentence."""
    text = squash(rest)
    text = re.split(r"(?<=[.;:])\s", text, maxsplit=1)[0]
    text = re.sub(r"[\s./:;]+$", "", text)
    if len(text) > _HEADING_MAX:
        text = text[:_HEADING_MAX].rsplit(" ", 1)[0] + " …"
    return text


def _roman_label(printed: str, expected: int) -> str | None:
    """Canonical numeral for a printed one ("IL" → "II" where II is due), or None."""
    value = _roman_value(printed)
    if value is not None and _to_roman(value) == printed:
        return printed
    canonical = _ocr_roman().get(printed)
    if canonical and (_roman_value(canonical) == expected or printed not in ("11", "111")):
        return canonical
    return None


def _attach(top: list[Section], preamble: list[str], text: str) -> None:
    """A body line that is not a heading goes to the innermost open section (or the preamble)."""
    target = top[-1].children[-1] if top and top[-1].children else (top[-1] if top else None)
    (target.text if target is not None else preamble).append(" ".join(text.split()))


def read_sections(layout: Layout, preamble: list[str] | None = None) -> tuple[list[Section], list[SectionIssue]]:
    """The heading tree of the body lines, and any numbering problems found. Lines that
    are not headings go to their section's ``text``, and those before the first heading
    to ``preamble`` when a list is given."""
    preamble = [] if preamble is None else preamble
    nt = layout.nt
    lines = nt.lines
    top: list[Section] = []
    issues: list[SectionIssue] = []
    divisions = vocab.load("sections")["divisions"]
    last_roman = 0
    pending_division: Section | None = None
    for i in range(*layout.body):
        text = lines[i]
        if not text.strip():
            continue
        start, end = nt.line_span(i)
        folded = nt.folded[start:end]
        if pending_division is not None:
            if is_upper_text(text) and not pending_division.heading:
                pending_division.heading = _heading_text(text)
                pending_division.slot = _slot(folded)
                pending_division = None
                continue
            pending_division = None
        first = folded.lstrip()[:1]
        if first not in _HEADING_FIRST:
            _attach(top, preamble, text)
            continue  # a heading starts with a numeral, "Điều", "Phần", "Chương" or "Mục"
        m = _DIEU.match(folded)
        if m:
            rest = text[m.start("rest"):]
            top.append(Section(f"{divisions['dieu']} {m.group('num')}", _article_heading(rest), "dieu", _slot(folded)))
            continue
        m = _ROMAN.match(folded)
        if m and (m.group("punct") or m.group("div")):
            printed = text[m.start("num"):m.end("num")]
            label = _roman_label(printed, last_roman + 1)
            rest = text[m.start("rest"):]
            div = m.group("div")
            value = _roman_value(label) if label else None
            # Upper case, or sentence case when it carries the numbering on ("I. Mục đích").
            cased = bool(rest.strip()) and (is_upper_text(rest, 0.6) or (value == last_roman + 1 and len(rest.strip()) <= 100))
            if label and (div or cased) and _is_heading_like(rest):
                value = _roman_value(label) or 0
                if div is None:
                    if value > last_roman + 1 and last_roman:
                        missing = ", ".join(_to_roman(v) for v in range(last_roman + 1, value))
                        issues.append(SectionIssue("section.gap", f"Mục La Mã nhảy từ {_to_roman(last_roman)} sang {label} (thiếu mục {missing})"))
                    elif value <= last_roman:
                        issues.append(SectionIssue("section.order", f"Mục La Mã {label} đứng sau mục {_to_roman(last_roman)}"))
                    last_roman = value
                full_label = f"{divisions[div]} {label}" if div else label
                section = Section(full_label, _heading_text(rest), div or "roman", _slot(fold_rest(folded, m)))
                top.append(section)
                if div and not section.heading:
                    pending_division = section
                continue
        m = _ARABIC.match(folded)
        if m and top and top[-1].kind in ("roman", "phan", "muc"):
            rest = text[m.start("rest"):]
            if _is_heading_like(rest) and len(rest.split()) <= 20 and not rest.lstrip().startswith(("-", "+")):
                top[-1].children.append(Section(m.group("num"), _heading_text(rest), "khoan", _slot(folded[m.start("rest"):])))
                continue
        _attach(top, preamble, text)
    return top, issues


def fold_rest(folded: str, m: re.Match[str]) -> str:
    return folded[m.start("rest"):]
