"""Draft next year's plan from last year's: shift the years, blank the number and date,
and bring the cited award law and decree up to date.

Clerks reissue a campaign plan (Kế hoạch) every year from the previous one. What
changes, and why, is returned as a list of :class:`Change`, one per modified field:

* the plan year is the year of ``issue_date``, else of the number's "/YYYY/", else the
  latest year of the title, else the campaign start; ``delta`` = new year − plan year;
* years of the plan in the title and the texts move by ``delta``; a multi-year period
  ("giai đoạn 2021 - 2025") that still holds the new year stays as it is, and one that
  has ended moves by whole periods (2021 - 2025 → 2026 - 2030), so phases stay aligned;
* fixed deadlines move by ``delta`` (29/02 becomes 28/02 in a common year); yearly ones
  ("--11-30") stay;
* references are history and keep their numbers and dates, except an award law or
  decree no longer in force on 1 January of the new year (see :mod:`vbhc.award_law`),
  which is replaced by the one in force, in the references and in every text citing it,
  with the dossier form (mẫu) renumbered where the form can be told;
* the number and the issue date are left blank for the văn thư; warnings and provenance
  of the old document are dropped.
"""
from __future__ import annotations

import calendar
import copy
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from ..award_law import Decree, decree_by_number, form_by_number, form_for, number_key, replacement_for
from ..model import Plan, Reference, Section
from ..vn.dates import find_dates
from ..vn.formatting import format_date_long, format_date_short
from ..vn.text import fold

__all__ = ["Change", "Reissue", "plan_year", "reissue"]


@dataclass(frozen=True)
class Change:
    """One modified field: ``field`` is its path in the plan ("deadlines[0].date",
    "references[2]"), ``old``/``new`` the values as text (None when absent), ``reason``
    one Vietnamese line saying why."""

    field: str
    old: str | None
    new: str | None
    reason: str


@dataclass
class Reissue:
    """The new plan (a deep copy; the input is never mutated) and what changed."""

    plan: Plan
    changes: list[Change] = field(default_factory=list)


# ---------------------------------------------------------------- the plan year

_YEAR = re.compile(r"(?<![\d/])(?:19|20)\d{2}(?![\d/])")
_NUMBER_YEAR = re.compile(r"/((?:19|20)\d{2})/")


def plan_year(plan: Plan) -> int:
    """The year a plan is of: its issue date's, else the "/YYYY/" of its number, else
    the latest year of its title, else its campaign start's. ValueError if none."""
    if plan.issue_date and re.match(r"\d{4}", plan.issue_date):
        return int(plan.issue_date[:4])
    if plan.number and (m := _NUMBER_YEAR.search(plan.number)):
        return int(m[1])
    if plan.title and (years := [int(y) for y in _YEAR.findall(fold(plan.title))]):
        return max(years)
    start = plan.campaign_period.start if plan.campaign_period else None
    if start and re.match(r"\d{4}", start):
        return int(start[:4])
    raise ValueError(
        "không xác định được năm của kế hoạch: không có ngày ban hành, năm trong số hiệu, "
        "năm trong tiêu đề hay thời gian bắt đầu thi đua"
    )


# ---------------------------------------------------------------- shifting years

# A span of years: "2021 - 2025", "2021-2030", "2021 đến năm 2025" (folded text).
_RANGE = re.compile(r"(?<![\d/.])((?:19|20)\d{2})\s*(?:-|den\s+(?:nam\s+)?)\s*((?:19|20)\d{2})(?![\d/])")
# A document number just before a date: the date is the document's, not the plan's.
_CITED = re.compile(r"\d+\s*/[\w/.\-]*[a-z][\w/.\-]*\s*,?\s*(?:ngay\s*)?$")
_DIGITS = re.compile(r"\d+")
_CLAMPED = "29/02 → 28/02 (năm {} không nhuận)"


def _ranges(folded: str) -> list[re.Match[str]]:
    return [m for m in _RANGE.finditer(folded) if int(m[1]) < int(m[2]) <= int(m[1]) + 30]


def _range_shift(a: int, b: int, old_year: int, year: int) -> int:
    """How far a period [a, b] moves for a plan of ``old_year`` reissued for ``year``:
    not at all while it holds ``year`` (or lies ahead, or ended before the plan), else
    by whole periods until it does."""
    if a <= year <= b or year < a or b < old_year:
        return 0
    length = b - a + 1
    return -(-(year - b) // length) * length


def _shift_date_parts(y: int, m: int | None, d: int | None, s: int) -> tuple[int, int | None, int | None, bool]:
    """(year, month, day) moved by ``s`` years; 29/02 → 28/02 in a common year (clamped=True)."""
    ny = y + s
    if m == 2 and d == 29 and not calendar.isleap(ny):
        return ny, m, 28, True
    return ny, m, d, False


def _shift_iso(iso: str, s: int) -> tuple[str, bool]:
    """An ISO date at any precision ("2025", "2025-07", "2025-07-19") moved by ``s`` years;
    "--MM-DD" (yearly) stays."""
    if not s or iso.startswith("--"):
        return iso, False
    parts = iso.split("-")
    y = int(parts[0])
    m = int(parts[1]) if len(parts) > 1 else None
    d = int(parts[2]) if len(parts) > 2 else None
    ny, _, nd, clamped = _shift_date_parts(y, m, d, s)
    out = [f"{ny:04d}", *parts[1:]]
    if d is not None and nd is not None:
        out[2] = f"{nd:02d}"
    return "-".join(out), clamped


def _shift_text(text: str, single: Callable[[int], int], span: Callable[[int, int], int]) -> tuple[str, list[str]]:
    """Move the years of ``text``: ``span(a, b)`` says how far a span of years moves,
    ``single(y)`` how far a date or "năm YYYY" of year y moves. Dates that follow a
    document number (a citation) never move. Returns (text, notes on spans and 29/02)."""
    folded = fold(text)
    edits: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []
    notes: list[str] = []
    for m in _ranges(folded):
        taken.append(m.span())
        a, b = int(m[1]), int(m[2])
        s = span(a, b)
        if s:
            edits += [(m.start(1), m.end(1), str(a + s)), (m.start(2), m.end(2), str(b + s))]
            note = f"giai đoạn {a} - {b} → {a + s} - {b + s}"
            if note not in notes:
                notes.append(note)
    for expr in find_dates(folded):
        p = expr.parts
        if p.year is None or p.problem or any(a < expr.end and expr.start < b for a, b in taken):
            continue
        if expr.precision == "day" and _CITED.search(folded, max(0, expr.start - 60), expr.start):
            continue
        s = single(p.year)
        if not s:
            continue
        ny, _, nd, was_clamped = _shift_date_parts(p.year, p.month, p.day, s)
        groups = list(_DIGITS.finditer(folded, expr.start, expr.end))
        yg = groups[-1]
        edits.append((yg.start(), yg.end(), str(ny)))
        if was_clamped and expr.precision == "day":
            dg = groups[0]
            edits.append((dg.start(), dg.end(), f"{nd:0{len(dg[0])}d}"))
            notes.append(_CLAMPED.format(ny))
    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    return text, notes


# ---------------------------------------------------------------- award law citations

_DOC_NUMBER = re.compile(r"(?<![\w/])\d{1,4}\s*/\s*(?:19|20)\d{2}\s*/\s*(?:nd\s*-\s*cp|qh\s*\d{1,2})(?!\w)")
_DECREE_WORD = re.compile(r"nghi\s+dinh\s+(?:so\s*:?\s*)?$")
_FORM_BEFORE = re.compile(
    r"mau\s+so\s+(?P<n>\d{1,2})"
    r"(?P<conn>\s*,?\s*(?:(?:tai|thuoc)\s+)?(?:phu\s+luc(?:\s+[ivx]+\b)?\s*)?"
    r"(?:(?:ban\s+hanh\s+)?kem\s+theo\s*|cua\s*)?(?:…\s*|\.\.\.\s*)?)$"
)
_AFTER_NUMBER = re.compile(r"\s*,?\s*")
_ISSUER = re.compile(r"\s*(?:cua\s+(?:chinh\s+phu|quoc\s+hoi)\s*)?")


def _superseded(number: str, on: date) -> tuple[Decree, Decree] | None:
    """(old, new) when ``number`` is an award law or decree repealed before ``on``; one not
    yet in force (a draft citing a decree about to take effect) is left alone."""
    old = decree_by_number(number)
    new = replacement_for(number, on)
    if old is None or new is None or old.until is None or old.until >= on:
        return None
    return old, new


def _gone_reason(old: Decree, new: Decree) -> str:
    gone = old.until + timedelta(days=1) if old.until else new.effective
    return f"{old.name} hết hiệu lực từ {format_date_short(gone)}; thay bằng {new.name}"


def _rewrite_citations(text: str, on: date) -> tuple[str, list[str]]:
    """Replace every award law or decree cited in ``text`` that is not in force on ``on``
    by the one that is: its number, the date printed after it, its trích yếu when
    printed, and the mẫu cited before it. Returns (text, reasons)."""
    folded = fold(text)
    edits: list[tuple[int, int, str]] = []
    reasons: list[str] = []
    last_end = 0
    for m in _DOC_NUMBER.finditer(folded):
        pair = _superseded(m[0], on)
        if pair is None:
            continue
        old, new = pair
        start, end = m.span()
        mine: list[tuple[int, int, str]] = [(start, end, new.number)]
        why = [_gone_reason(old, new)]
        # the date printed after the number: "ngày 31 tháng 7 năm 2017", "ngày 31/7/2017"
        gap = _AFTER_NUMBER.match(folded, end).end()
        after = [e for e in find_dates(folded, gap, min(len(folded), gap + 45)) if e.precision == "day"]
        tail = end
        if after and re.fullmatch(r"\s*,?\s*(?:ngay\s*)?", folded[end : after[0].start]):
            e = after[0]
            long_form = "thang" in folded[e.start : e.end]
            mine.append((e.start, e.end, format_date_long(new.issued) if long_form else format_date_short(new.issued)))
            tail = e.end
        # the trích yếu printed after "của Chính phủ"
        at = _ISSUER.match(folded, tail).end()
        old_title, new_title = fold(old.title), fold(new.title)
        if old_title != new_title and folded.startswith(old_title, at):
            first = text[at]
            title = (new.title[0].upper() if first.isupper() else new.title[0].lower()) + new.title[1:]
            mine.append((at, at + len(old_title), title))
            tail = at + len(old_title)
        # the mẫu cited before "Nghị định số …"
        word = _DECREE_WORD.search(folded, max(last_end, start - 40), start)
        form = _FORM_BEFORE.search(folded, max(last_end, start - 160), word.start()) if word else None
        if form and old.kind == "nghi_dinh":
            old_ref = form_by_number(old, form["n"])
            if old_ref is None:
                why.append(f"mẫu số {form['n']} của {old.name} chưa rõ tương ứng với mẫu nào — kiểm tra lại")
            else:
                ref = form_for(old_ref.key, on)
                cap = "M" if text[form.start()] == "M" else "m"
                conn = folded[form.start("conn") : form.end("conn")]
                ellipsis = "…" in conn or "..." in conn
                if ref.number:
                    head = f"{cap}ẫu số {ref.number}"
                    joint = f" {new.appendix} ban hành kèm theo " if new.appendix else " ban hành kèm theo "
                else:
                    head = f"{cap}ẫu {ref.title[:1].lower()}{ref.title[1:]}"
                    joint = f" tại {new.appendix} ban hành kèm theo " if new.appendix else " ban hành kèm theo "
                if ellipsis:
                    joint = text[form.start("conn") : form.end("conn")]
                mine.append((form.start(), word.start(), head + joint))
                to = f"mẫu số {ref.number}" if ref.number else "mẫu chưa rõ số"
                note = f"mẫu số {form['n']} → {to}"
                if not ref.number or not ref.confirmed:
                    note += " (số mẫu chưa xác minh — kiểm tra lại)"
                why.append(note)
        edits += mine
        reasons.append("; ".join(why))
        last_end = tail
    for s, e, new_text in sorted(edits, reverse=True):
        text = text[:s] + new_text + text[e:]
    return text, reasons


# ---------------------------------------------------------------- the reissue


_DOC_TYPE = {"nghi_dinh": "NGHI_DINH", "luat": "LUAT"}


@dataclass
class _Line:
    """One paragraph of a list, so the field-shifting code can treat it as an attribute."""

    value: str


class _Reissuer:
    def __init__(self, plan: Plan, year: int) -> None:
        self.old_year = plan_year(plan)
        self.year = year
        self.delta = year - self.old_year
        self.on = date(year, 1, 1)
        self.changes: list[Change] = []
        self.year_reason = f"năm của kế hoạch {self.old_year} → {year}"
        self.old_issue = plan.issue_date

    # -- recording

    def set(self, obj: object, attr: str, name: str, new: object, reason: str) -> None:
        old = getattr(obj, attr)
        if new == old:
            return
        setattr(obj, attr, new)
        self.changes.append(Change(name, None if old is None else str(old), None if new is None else str(new), reason))

    def text(self, obj: object, attr: str, name: str, *, title: bool = False, years: set[int] | None = None) -> None:
        """Shift the years of a text field and bring its award-law citations up to date."""
        old = getattr(obj, attr)
        if not old:
            return
        reasons: list[str] = []
        new, notes = self.shift(old, title=title, years=years)
        if new != old:
            reasons += [self.year_reason, *notes]
        new, cited = _rewrite_citations(new, self.on)
        reasons += cited
        if new != old:
            self.set(obj, attr, name, new, "; ".join(reasons))

    def shift(self, text: str, *, title: bool = False, years: set[int] | None = None) -> tuple[str, list[str]]:
        old_year, year, delta = self.old_year, self.year, self.delta
        if title and any(int(m[1]) <= year <= int(m[2]) for m in _ranges(fold(text))):
            return text, []  # still inside the plan's multi-year period
        wanted = years or {old_year}

        def single(y: int) -> int:
            return delta if (y >= old_year if title else y in wanted) else 0

        return _shift_text(text, single, lambda a, b: _range_shift(a, b, old_year, year))

    # -- the fields

    def run(self, plan: Plan) -> None:
        self.header(plan)
        self.text(plan, "title", "title", title=True)
        self.period(plan)
        for i, t in enumerate(plan.targets):
            self.text(t, "text", f"targets[{i}].text")
        for i, c in enumerate(plan.criteria):
            self.text(c, "scope", f"criteria[{i}].scope")
            self.text(c, "text", f"criteria[{i}].text")
        for i, q in enumerate(plan.quotas):
            self.text(q, "scope", f"quotas[{i}].scope")
            self.text(q, "text", f"quotas[{i}].text")
        self.deadlines(plan)
        for i, d in enumerate(plan.dossier):
            self.text(d, "item", f"dossier[{i}].item")
            self.text(d, "form_ref", f"dossier[{i}].form_ref")
        self.sections(plan.sections, "sections")
        body_years = self.body_years(plan)
        self.paragraphs(plan.preamble, "preamble", body_years)
        self.section_texts(plan.sections, "sections", body_years)
        if plan.report is not None:
            self.text(plan.report, "form", "report.form")
        self.references(plan)
        if plan.warnings:
            self.changes.append(Change("warnings", f"{len(plan.warnings)} cảnh báo", None, "cảnh báo của văn bản cũ không áp dụng cho bản mới"))
            plan.warnings = []
        if plan.provenance:
            self.changes.append(Change("provenance", f"{len(plan.provenance)} trường", None, "vị trí trong văn bản cũ không áp dụng cho bản mới"))
            plan.provenance = {}

    def header(self, plan: Plan) -> None:
        # what follows the sequence number: "KH-UBND", or "2021/QĐ-UBND" whose year moves
        rest = plan.number.split("/", 1)[1] if plan.number and "/" in plan.number else plan.symbol
        if rest:
            rest = re.sub(r"^(?:19|20)\d{2}(?=/)", str(self.year), rest.strip())
            self.set(plan, "number", "number", f"/{rest}", "để trống số văn bản; văn thư cấp số khi ký ban hành")
        self.set(plan, "number_seq", "number_seq", None, "để trống số văn bản; văn thư cấp số khi ký ban hành")
        self.set(plan, "issue_date", "issue_date", None, "để trống ngày ban hành; văn thư ghi ngày khi ký ban hành")

    def period(self, plan: Plan) -> None:
        period = plan.campaign_period
        if period is None:
            return
        ys = [int(v[:4]) for v in (period.start, period.end) if v and re.match(r"\d{4}", v)]
        shift = _range_shift(min(ys), max(ys), self.old_year, self.year) if ys else 0
        if ys and not shift and self.year > max(ys):
            shift = self.delta  # a period that ended before the plan: move with the plan
        multi = bool(ys) and max(ys) > min(ys)
        reason = f"giai đoạn {min(ys)} - {max(ys)} → {min(ys) + shift} - {max(ys) + shift}" if multi else self.year_reason
        # "Kể từ ngày ban hành": the start was the old issue date, and the new one is blank
        from_issue = bool(period.start) and period.start == self.old_issue and "ban hanh" in fold(period.text or "")
        for attr in ("start", "end"):
            value = getattr(period, attr)
            if attr == "start" and from_issue:
                self.set(period, "start", "campaign_period.start", None, "thời gian thi đua tính từ ngày ban hành, mà ngày ban hành để trống")
            elif value and shift:
                new, clamped = _shift_iso(value, shift)
                extra = "; " + _CLAMPED.format(new[:4]) if clamped else ""
                self.set(period, attr, f"campaign_period.{attr}", new, reason + extra)
        if period.text and shift:
            new, _ = _shift_text(
                period.text,
                lambda y: shift if y in ys else 0,
                lambda a, b: shift if a in ys or b in ys else 0,
            )
            self.set(period, "text", "campaign_period.text", new, reason)

    def deadlines(self, plan: Plan) -> None:
        for i, d in enumerate(plan.deadlines):
            if d.date and not d.recurring and re.match(r"\d{4}", d.date):
                old_iso = d.date
                new, clamped = _shift_iso(old_iso, self.delta)
                extra = "; " + _CLAMPED.format(new[:4]) if clamped else ""
                self.set(d, "date", f"deadlines[{i}].date", new, self.year_reason + extra)
                self.text(d, "text", f"deadlines[{i}].text", years={self.old_year, int(old_iso[:4])})
            else:
                self.text(d, "text", f"deadlines[{i}].text")
            self.text(d, "what", f"deadlines[{i}].what")

    def body_years(self, plan: Plan) -> set[int]:
        """The years a paragraph of the body may move: the plan's and its period's ends."""
        years = {self.old_year}
        period = plan.campaign_period
        for value in (period.start, period.end) if period else ():
            if value and re.match(r"\d{4}", value):
                years.add(int(value[:4]))
        return years

    def paragraphs(self, items: list[str], name: str, years: set[int]) -> None:
        """Shift years and update citations in each printed paragraph of ``items`` (in place)."""
        for i, line in enumerate(items):
            holder = _Line(line)
            self.text(holder, "value", f"{name}[{i}]", years=years)
            items[i] = holder.value

    def section_texts(self, sections: list[Section], path: str, years: set[int]) -> None:
        for i, s in enumerate(sections):
            self.paragraphs(s.text, f"{path}[{i}].text", years)
            self.section_texts(s.children, f"{path}[{i}].children", years)

    def sections(self, sections: list[Section], path: str) -> None:
        for i, s in enumerate(sections):
            self.text(s, "heading", f"{path}[{i}].heading")
            self.sections(s.children, f"{path}[{i}].children")

    def references(self, plan: Plan) -> None:
        kept: list[Reference] = []
        seen = {number_key(r.number) for r in plan.references if _superseded(r.number, self.on) is None}
        for i, ref in enumerate(plan.references):
            pair = _superseded(ref.number, self.on)
            if pair is None:
                kept.append(ref)
                continue
            old, new = pair
            reason = _gone_reason(old, new)
            printed = ref.text or ref.number
            if number_key(new.number) in seen:
                self.changes.append(Change(f"references[{i}]", printed, None, f"{reason}; trùng căn cứ đã có, bỏ"))
                continue
            seen.add(number_key(new.number))
            fresh = Reference(_DOC_TYPE[new.kind], new.number, new.issued.isoformat(), new.issuer, new.cite())
            self.changes.append(Change(f"references[{i}]", printed, fresh.text, reason))
            kept.append(fresh)
        plan.references = kept


def reissue(plan: Plan, year: int) -> Reissue:
    """Draft ``plan`` again for ``year``: a new Plan and the list of changes.

    Raises ValueError (in Vietnamese) when the plan's year cannot be told or ``year``
    is not after it.
    """
    if isinstance(year, bool) or not isinstance(year, int):
        raise TypeError("năm phải là số nguyên")
    r = _Reissuer(plan, year)
    if r.delta <= 0:
        raise ValueError(f"năm ban hành lại ({year}) phải sau năm của kế hoạch cũ ({r.old_year})")
    new = copy.deepcopy(plan)
    r.run(new)
    return Reissue(new, r.changes)
