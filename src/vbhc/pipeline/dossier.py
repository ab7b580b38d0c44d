"""Stage 4f: the parts of an award dossier (hồ sơ khen thưởng) → addressees, award,
nominees, meeting and report.

* ``addressees`` (ô 9a): "Kính gửi: X." on one line, or "Kính gửi:" and "- A;" / "- B." lines.
* ``award``: the award form named by the trích yếu ("Về việc đề nghị tặng Giấy khen …"),
  else by Điều 1 of a Quyết định ("Tặng Giấy khen … cho …"), else the one award every row
  of the nominee tables shares.
* ``nominees``: the rows of the danh sách and vote tables, whose rows the readers give as
  "a | b | c" lines (see :mod:`vbhc.readers.docx`); the kind comes from the group heading
  above the table ("I. TẬP THỂ"), else from a kind column, else from the row itself.
* ``meeting``: the fields of a Biên bản (Mẫu 1.9): start and end, venue, attendance,
  attendees, chair and secretary.
* ``report``: the profile of a Báo cáo thành tích, its achievements (part II) and the
  tables of awards already received (part III).

The two-signature documents (Biên bản: THƯ KÝ ‖ CHỦ TỌA; Báo cáo thành tích: XÁC NHẬN … ‖
NGƯỜI BÁO CÁO THÀNH TÍCH) get the presiding block as their signer, and a Báo cáo thành
tích its trích yếu from the line under "BÁO CÁO THÀNH TÍCH". Table rows read here leave
the section texts and the preamble. Labels and headers are data (``data/dossier.toml``,
``data/nominee_columns.toml``), matched on the folded text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from .. import vocab
from ..model import Meeting, Nominee, PastAward, Person, Plan, Provenance, Report, Section, Signer
from ..vn.dates import find_dates
from ..vn.names import is_person_name, starts_with_surname, trailing_name_start
from ..vn.text import fold, is_upper_text, squash
from .anchors import anchors
from .segment import Layout, Piece
from .signature import read_signer

__all__ = ["read_dossier_parts"]

_BULLET = r"^\s*(?:[-+•*–—]\s*|\d{1,2}\s*[.)]\s*|[a-zđ]\s*\)\s*)?"
_LABEL_TAIL = r"\s*(?:\([^()\n]{0,160}\)\s*)?:"
_SEPARATOR = "|"
_NUMBERING = re.compile(r"^\s*(?:[ivxl]{1,5}|[a-z]|\d{1,2})\s*[.)\-:]\s*")
_HEADING = re.compile(r"^\s*(?:[ivxl]{1,5}|\d{1,2})\s*[.)]\s")
_PLACEHOLDER = re.compile(r"^[\s.…_]*$")
_GROUP_MAX = 80  # longest line read as a group heading
_MONEY = re.compile(r"\d{1,3}(?:(?P<sep>[.,\s])\d{3})(?:(?P=sep)\d{3})*|\d+")


# ------------------------------------------------------------------ vocabulary


@cache
def _data() -> dict[str, Any]:
    return vocab.load("dossier")


def _key(text: str) -> str:
    """A header or label as matched: folded, squashed, without a trailing "(…)" or ":"."""
    key = squash(fold(text))
    while True:
        cut = re.sub(r"\s*(?:\([^()]*\)|:)\s*$", "", key)
        if cut == key:
            return key
        key = cut


def _alt(phrases: list[str]) -> str:
    """A regex alternation of the folded ``phrases``, longest first; a space matches any run."""
    keys = sorted({squash(fold(p)) for p in phrases if p.strip()}, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in keys) + ")"


@cache
def _label(group: str, name: str) -> re.Pattern[str]:
    """A label of ``[group]`` at the start of a line (after a dash or a number), with its colon."""
    section: dict[str, Any] = _data()
    for part in group.split("."):
        section = section[part]
    return re.compile(_BULLET + r"(?P<label>" + _alt(section[name]) + r")(?![a-z0-9])" + _LABEL_TAIL)


@cache
def _words(group: str, name: str) -> str:
    section: dict[str, Any] = _data()
    for part in group.split("."):
        section = section[part]
    return _alt(section[name])


@cache
def _columns() -> tuple[dict[str, str], dict[str, str]]:
    """Header keys → field, for nominee tables and for tables of awards received."""
    nominee: dict[str, str] = {}
    own = _data()["nominees"]["columns"]
    shared = vocab.load("nominee_columns").get("columns", {})
    for source in (own, shared):
        for name, headers in source.items():
            for header in headers:
                nominee.setdefault(_key(header), name)
    ignored = [*vocab.load("nominee_columns").get("columns", {}).get("ignore", []), *vocab.load("nominee_columns").get("ignore", []), *_data()["nominees"]["ignore"]]
    for header in ignored:
        nominee.setdefault(_key(header), "ignore")
    past = {_key(h): name for name, headers in _data()["report"]["past_award_columns"].items() for h in headers}
    return nominee, past


@cache
def _kind_values() -> dict[str, str]:
    kinds = vocab.load("nominee_columns").get("kinds", {})
    return {_key(v): kind for kind, values in kinds.items() for v in values}


@cache
def _group_headings() -> dict[str, str]:
    headings = vocab.load("nominee_columns").get("group_headings", {})
    return {_key(v): kind for kind, values in headings.items() for v in values}


@cache
def _stop_words() -> frozenset[str]:
    return frozenset(_key(w) for w in vocab.load("nominee_columns").get("rows", {}).get("stop", []))


@cache
def _personal_titles() -> re.Pattern[str]:
    titles = vocab.load("nominee_columns").get("rows", {}).get("personal_titles", [])
    return re.compile(r"^\s*(?:" + _alt(titles) + r")\.?\s+(?=\S+\s+\S)") if titles else re.compile(r"(?!)")


# ------------------------------------------------------------------ lines


@dataclass(frozen=True)
class _Line:
    index: int
    start: int
    text: str
    folded: str

    @property
    def value(self) -> str:
        return squash(self.text)


def _line(layout: Layout, i: int) -> _Line:
    start, end = layout.nt.line_span(i)
    return _Line(i, start, layout.nt.text[start:end], layout.nt.folded[start:end])


def _lines(layout: Layout, start: int = 0, stop: int | None = None) -> list[_Line]:
    count = len(layout.nt.lines)
    stop = count if stop is None else min(stop, count)
    return [_line(layout, i) for i in range(max(0, start), stop)]


def _clean(text: str) -> str | None:
    """A value as printed, without the final punctuation or a dotted placeholder."""
    value = squash(text).strip(" :;,")
    value = re.sub(r"[\s.…_]+$", "", value) if not value.endswith("./.") else value[:-3]
    value = value.strip(" :;,")
    return None if not value or _PLACEHOLDER.match(value) else value


# ------------------------------------------------------------------ entry point


@dataclass
class _State:
    """Lines consumed by the fields read here, to be taken out of the section texts."""

    consumed: set[int] = field(default_factory=set)


@cache
def _kinh_gui_anywhere() -> re.Pattern[str]:
    """The "Kính gửi:" label at the start of any line of the folded text."""
    return re.compile(anchors().kinh_gui.pattern, re.MULTILINE)


def read_dossier_parts(plan: Plan, layout: Layout) -> None:
    """Fill ``plan``'s addressees, award, nominees, meeting and report from ``layout``."""
    state = _State()
    if _kinh_gui_anywhere().search(layout.nt.folded):  # cheap gates: most plans have neither
        _fill_addressees(plan, layout, state)
    report_title = _fix_report_title(plan, layout, state)
    _fill_award(plan, layout)
    past = _fill_tables(plan, layout, state) if "|" in layout.nt.text else []
    if plan.doc_type == "BIEN_BAN" or _looks_like_minutes(layout):
        _fill_meeting(plan, layout, state)
    if plan.doc_type in ("BAO_CAO", None) and (report_title or _has_profile(layout)):
        _fill_report(plan, layout, state, past)
    if plan.doc_type == "BIEN_BAN" or plan.report is not None:
        _fill_two_signatures(plan, layout, state)
    _drop_consumed(plan, layout, state)
    if plan.report is not None:
        plan.report.achievements = _achievements(plan.sections, layout)


# ------------------------------------------------------------------ addressees (ô 9a)


def _entry(text: str) -> str | None:
    value = re.sub(r"^\s*[-+•–—]\s*", "", text)
    return _clean(value)


def _fill_addressees(plan: Plan, layout: Layout, state: _State) -> None:
    stop = layout.body[1] if layout.body[1] > layout.body[0] else len(layout.nt.lines)
    lines = _lines(layout, 0, stop)
    label = anchors().kinh_gui
    at = next((k for k, line in enumerate(lines) if label.match(line.folded)), None)
    if at is None:
        return
    first = lines[at]
    m = label.match(first.folded)
    assert m is not None
    entries: list[str] = []
    used = [first]
    rest = first.text[m.end():]
    for part in re.split(r"(?<=;)\s*(?=\S)", rest):
        value = _entry(part)
        if value:
            entries.append(value)
    for line in lines[at + 1:]:
        if not line.text.strip():
            if entries:
                break
            continue
        if not re.match(r"^\s*[-+•–—]\s*\S", line.text):
            break
        value = _entry(line.text)
        if value:
            entries.append(value)
        used.append(line)
        if line.text.rstrip().endswith("."):
            break
    if not entries:
        plan.warn("addressees.empty", "Có “Kính gửi:” nhưng không đọc được nơi nhận", "addressees")
        return
    plan.addressees = entries
    plan.provenance["addressees"] = Provenance(span=[used[0].start, used[-1].start + len(used[-1].text)])
    state.consumed.update(line.index for line in used)


# ------------------------------------------------------------------ award


@cache
def _title_award() -> re.Pattern[str]:
    award = _data()["award"]
    return re.compile(
        r"^\s*(?:" + _alt(award["title_prefixes"]) + r"(?![a-z])\s*:?\s*)?(?P<lead>" + _alt(award["title_leads"]) + r")(?![a-z])\s*:?\s*"
    )


@cache
def _title_award_anywhere() -> re.Pattern[str]:
    return re.compile(r"(?<![a-z])(?P<lead>" + _alt(_data()["award"]["title_leads_anywhere"]) + r")(?![a-z])\s*:?\s*")


@cache
def _article_award() -> re.Pattern[str]:
    award = _data()["award"]
    article = re.escape(fold(award["article"])).replace(r"\ ", r"\s*")
    return re.compile(r"^\s*" + article + r"(?!\d)\s*[.:]?\s*(?P<lead>" + _alt(award["article_leads"]) + r")(?![a-z])\s*")


def _award_after(text: str, folded: str, start: int) -> str | None:
    ends = re.compile(r"\s+" + _words("award", "ends") + r"(?![a-z])|\s*;")
    m = ends.search(folded, start)
    return _clean(text[start:m.start() if m else len(text)])


@cache
def _award_starts() -> tuple[str, ...]:
    return tuple(fold(w) for w in vocab.load("dossier")["award"]["starts"])


def _is_award(text: str | None) -> bool:
    """Whether ``text`` names an award form (not "cường …" after "tăng")."""
    return bool(text) and fold(text).startswith(_award_starts())


def _fill_award(plan: Plan, layout: Layout) -> None:
    if plan.title:
        folded = fold(plan.title)
        m = _title_award().match(folded) or _title_award_anywhere().search(folded)
        if m:
            award = _award_after(plan.title, folded, m.end())
            if _is_award(award):
                plan.award = award
                prov = plan.provenance.get("title")
                plan.provenance["award"] = Provenance(span=prov.span if prov else None, confidence=0.9)
                return
    pattern = _article_award()
    for line in _lines(layout, *layout.body):
        m = pattern.match(line.folded)
        if m:
            award = _award_after(line.text, line.folded, m.end())
            if _is_award(award):
                plan.award = award
                plan.provenance["award"] = Provenance(span=[line.start + m.end(), line.start + m.end() + len(award)], confidence=0.9)
            return


# ------------------------------------------------------------------ tables


def _cells(line: _Line) -> list[str] | None:
    """The cells of a table row ("a | b | c", or Markdown "| a | b |"), or None."""
    text = line.text.strip()
    if text.count(_SEPARATOR) < 2:
        return None
    if text.startswith(_SEPARATOR) and text.endswith(_SEPARATOR) and len(text) > 1:
        text = text[1:-1]
    cells = [squash(c) for c in text.split(_SEPARATOR)]
    if all(re.fullmatch(r"[:\-\s=]*", c) for c in cells):
        return []  # a Markdown rule row "|---|---|"
    return cells


def _field_of(cell: str, keys: dict[str, str]) -> str | None:
    """The field a header cell names: its key, or the longest key of three words or more
    that it starts with ("Số, ngày, tháng, năm của quyết định; cơ quan ban hành …")."""
    key = _key(cell)
    if key in keys:
        return keys[key]
    best = max((k for k in keys if k.count(" ") >= 2 and key.startswith(k) and not key[len(k)].isalnum()), key=len, default=None)
    return keys[best] if best else None


def _header(cells: list[str]) -> tuple[str, list[str | None]] | None:
    """The kind of table ("nominee" or "past") a header row opens, and each column's field."""
    nominee_keys, past_keys = _columns()
    for kind, keys, needed in (("nominee", nominee_keys, "name"), ("past", past_keys, "year")):
        fields = [_field_of(c, keys) if c else None for c in cells]
        matched = sum(1 for f in fields if f)
        unmatched = sum(1 for c, f in zip(cells, fields, strict=True) if c and not f)
        if needed in fields and matched >= 2 and unmatched <= max(0, matched // 3):
            return kind, fields
    return None


def _group_of(text: str) -> str | None:
    """The kind a group heading names ("I. TẬP THỂ", "Cá nhân (02 người):"), or None."""
    if len(text) > _GROUP_MAX:
        return None
    folded = fold(text)
    if not any(k in folded for k in _group_headings()):
        return None
    m = _NUMBERING.match(folded)
    key = _key(folded[m.end():] if m else folded)
    key = re.sub(r"\s*\(.*\)$", "", key)
    return _group_headings().get(key)


def _group_row(row: list[str]) -> str | None:
    """The kind a row across the table names ("| II. CÁ NHÂN | |", "| B | Cá nhân | |")."""
    filled = [c for c in row if c]
    if not filled or len(filled) > 2:
        return None
    if len(filled) == 2 and not re.fullmatch(r"[IVXLivxl]{1,5}|[A-Za-z]|\d{1,2}", filled[0].rstrip(".)")):
        return None
    return _group_of(filled[-1])


def _count(text: str) -> int | None:
    m = re.search(r"\d{1,5}", text)
    return int(m.group()) if m else None


def _money(text: str) -> int | None:
    folded = squash(fold(text))
    currency = sorted((_key(w) for w in _data()["nominees"]["currency"]), key=len, reverse=True)
    for word in currency:
        if folded.endswith(word) and (len(folded) == len(word) or not folded[-len(word) - 1].isalpha()):
            folded = folded[: -len(word)].strip()
            break
    m = _MONEY.fullmatch(folded)
    return int(re.sub(r"\D", "", m.group())) if m else None


def _strip_personal_title(name: str) -> tuple[str, bool]:
    m = _personal_titles().match(fold(name))
    return (name[m.end():].strip(), True) if m else (name, False)


def _nominee(fields: list[str | None], cells: list[str], group: str | None) -> Nominee | None:
    values: dict[str, str] = {}
    for f, cell in zip(fields, cells, strict=False):
        if f and f != "ignore" and cell and f not in values:
            values[f] = cell
    raw_name = values.get("name", "")
    if not any(c.isalpha() for c in raw_name):
        return None
    name, titled = _strip_personal_title(_clean(raw_name) or raw_name)
    position = _clean(values.get("position", "")) or None
    kind = group or _kind_values().get(_key(values.get("kind", "")))
    if kind is None:
        person = titled or position is not None or (is_person_name(name) and starts_with_surname(name))
        kind = "individual" if person else "collective"
    return Nominee(
        kind=kind,
        name=name,
        position=position,
        unit=_clean(values.get("unit", "")) or None,
        award=_clean(values.get("award", "")) or None,
        votes=_count(values["votes"]) if values.get("votes") else None,
        reward=_money(values["reward"]) if values.get("reward") else None,
    )


def _past_award(fields: list[str | None], cells: list[str]) -> PastAward | None:
    values = {f: c for f, c in zip(fields, cells, strict=False) if f and c}
    award = _clean(values.get("award", ""))
    decision = _clean(values.get("decision", "")) or None
    years = re.findall(r"(?<!\d)(?:19|20)\d{2}(?!\d)", values.get("year", ""))
    if not years and decision:
        dates = [d for d in find_dates(fold(decision)) if d.parts.year]
        years = [str(dates[0].parts.year)] if dates else []
    if not award or not years:
        return None
    return PastAward(int(years[0]), award, decision)


@dataclass
class _Table:
    kind: str
    fields: list[str | None]
    lines: list[int] = field(default_factory=list)


def _fill_tables(plan: Plan, layout: Layout, state: _State) -> list[PastAward]:
    """Read every nominee table into ``plan.nominees``; return the rows of awards received."""
    nominees: list[Nominee] = []
    past: list[PastAward] = []
    spans: list[int] = []
    table: _Table | None = None
    group: str | None = None
    fresh = False
    for line in _lines(layout):
        if not line.text.strip():
            continue
        cells = _cells(line)
        if cells is None:
            kind = _group_of(line.text)
            if kind is not None and (table is None or table.kind == "nominee"):
                group, fresh = kind, True
                continue
            table = None
            continue
        if not cells:
            state.consumed.add(line.index)
            continue
        header = _header(cells)
        if header:
            table = _Table(header[0], list(header[1]))
            if not fresh:
                group = None
            fresh = False
            state.consumed.add(line.index)
            continue
        if table is not None:
            more = _header_words(cells)
            if more:
                for k, f in enumerate(more):
                    if f and k < len(table.fields):
                        table.fields[k] = f
                state.consumed.add(line.index)
                continue
        if table is None:
            continue
        state.consumed.add(line.index)
        first = next((c for c in cells if c), "")
        if _key(first) in _stop_words():
            table = None
            continue
        heading = _group_row(cells)
        if heading:
            group, fresh = heading, False
        elif table.kind == "past":
            award = _past_award(table.fields, cells)
            if award:
                past.append(award)
        else:
            nominee = _nominee(table.fields, cells, group)
            if nominee is not None:
                nominees.append(nominee)
                spans.append(line.index)
    if nominees:
        plan.nominees = _merge(nominees)
        _settle_awards(plan)
        first, last = _line(layout, spans[0]), _line(layout, spans[-1])
        plan.provenance["nominees"] = Provenance(span=[first.start, last.start + len(last.text)])
    return past


def _header_words(cells: list[str]) -> list[str | None] | None:
    """A second header row (the parts of a merged header cell): its fields, or None."""
    nominee_keys, _ = _columns()
    fields = [_field_of(c, nominee_keys) if c else None for c in cells]
    if any(fields) and all(f for c, f in zip(cells, fields, strict=True) if c):
        return fields
    return None


def _merge(nominees: list[Nominee]) -> list[Nominee]:
    """One nominee per kind and name: a second table (the vote table and the danh sách of a
    Biên bản) fills what the first left empty."""
    out: dict[tuple[str, str], Nominee] = {}
    for n in nominees:
        key = (n.kind, squash(fold(n.name)))
        if key not in out:
            out[key] = n
            continue
        kept = out[key]
        for name in ("position", "unit", "award", "votes", "reward"):
            if getattr(kept, name) is None:
                setattr(kept, name, getattr(n, name))
    return list(out.values())


def _settle_awards(plan: Plan) -> None:
    """A row's award is kept only where it differs from the document's (a short form of it,
    "Giấy khen" under "Giấy khen của Chủ tịch UBND xã", does not); a document that names
    none takes the award all its rows share."""
    awards = {squash(fold(n.award)) for n in plan.nominees if n.award}
    if plan.award is None and len(awards) == 1 and all(n.award for n in plan.nominees):
        plan.award = plan.nominees[0].award
        plan.provenance["award"] = Provenance(confidence=0.8, inferred=True)
    if plan.award:
        same = squash(fold(plan.award))
        for n in plan.nominees:
            row = squash(fold(n.award or ""))
            if row and (row == same or same.startswith(row + " ")):  # "Giấy khen" under "Giấy khen của …"
                n.award = None


# ------------------------------------------------------------------ meeting (Biên bản)


def _looks_like_minutes(layout: Layout) -> bool:
    """A document without the BIÊN BẢN heading that still prints Mẫu 1.9's fields."""
    if layout.doc_type is not None:
        return False
    lines = _lines(layout, *layout.body)
    has_start = any(_meeting_label("start").match(line.folded) for line in lines)
    has_chair = any(_meeting_label("chair").match(line.folded) or _meeting_label("secretary").match(line.folded) for line in lines)
    return has_start and has_chair


def _meeting_label(name: str) -> re.Pattern[str]:
    return _label("meeting.labels", name)


@cache
def _time_pattern() -> re.Pattern[str]:
    hour, minute = _words("meeting.words", "hour"), _words("meeting.words", "minute")
    return re.compile(
        r"(?<![\d/.,])(?P<h>[01]?\d|2[0-3])\s*(?:" + hour + r"(?![a-z])|:(?=\s*\d{2}))\s*"
        r"(?:(?P<m>[0-5]?\d)(?![\d/])\s*(?:" + minute + r"(?![a-z]))?)?"
    )


def _moment(folded: str, start: int = 0) -> tuple[tuple[int, int] | None, str | None]:
    """The time of day and the ISO date printed in ``folded[start:]``."""
    t = _time_pattern().search(folded, start)
    clock = (int(t.group("h")), int(t.group("m") or 0)) if t else None
    date = next((d.value() for d in find_dates(folded, start) if d.precision == "day" and d.value()), None)
    return clock, date


def _iso(clock: tuple[int, int] | None, date: str | None) -> str | None:
    if clock is None or date is None:
        return None
    return f"{date}T{clock[0]:02d}:{clock[1]:02d}"


def _person(text: str) -> Person | None:
    """"Đỗ Minh Tuấn, Chủ tịch UBND xã" / "Ông Nguyễn Văn A - Chủ tịch UBND xã" → Person."""
    value = _clean(re.sub(r"^\s*[-+•–—]\s*", "", text))
    if not value:
        return None
    value, _ = _strip_personal_title(value)
    m = re.search(r"\s*,\s*|\s+[-–—]\s+|\s*\(", value)
    name = value[: m.start()].strip() if m else value
    title = _clean(value[m.end():].rstrip(")")) if m else None
    if not name or not any(c.isalpha() for c in name):
        return None
    return Person(name, title)


def _attendance(meeting: Meeting, folded: str) -> None:
    out_of = _words("meeting.words", "out_of")
    m = re.search(r"(?<![\d/])(?P<p>\d{1,3})\s*" + out_of + r"\s*(?P<t>\d{1,3})(?![\d/])", folded)
    if m:
        meeting.members_present, meeting.members_total = int(m.group("p")), int(m.group("t"))
        return
    members = _words("meeting.words", "members")
    m = re.search(r"(?<![\d/])(?P<p>\d{1,3})\s+" + members + r"(?![a-z])", folded)
    if m:
        meeting.members_present = int(m.group("p"))


def _fill_meeting(plan: Plan, layout: Layout, state: _State) -> None:
    meeting = Meeting()
    lines = _lines(layout, layout.body[0])
    found: list[_Line] = []
    start_date = end_date = None
    start_clock = end_clock = None
    attendees_from: int | None = None
    other_labels = [_meeting_label(n) for n in ("start", "venue", "attendance", "chair", "secretary", "total", "content")]
    for k, line in enumerate(lines):
        folded = line.folded
        if _cells(line) is not None:
            continue
        m = _meeting_label("start").match(folded)
        if m and start_clock is None:
            start_clock, start_date = _moment(folded, m.end())
            if start_clock is not None:
                found.append(line)
            continue
        m = re.match(_BULLET + _words("meeting.labels", "start_sentence") + r"(?![a-z])", folded)
        if m and start_clock is None:
            start_clock, start_date = _moment(folded, m.end())
            if start_clock is not None:
                found.append(line)
                at = re.search(r",?\s+" + _words("meeting.words", "at") + r"\s+", folded[m.end():])
                if at and meeting.venue is None:
                    begin = m.end() + at.end()
                    stop = re.search(r"[,;]|\.(?:\s|$)", folded[begin:])
                    meeting.venue = _clean(line.text[begin:(begin + stop.start()) if stop else len(folded)])
            continue
        labelled = next(
            ((name, m) for name in ("venue", "chair", "secretary")
             if getattr(meeting, name) is None and (m := _meeting_label(name).match(folded))),
            None,
        )
        if labelled:  # "Địa điểm: …", "Chủ trì (chủ tọa): …", "Thư ký (người ghi biên bản): …"
            name, m = labelled
            setattr(meeting, name, (_clean if name == "venue" else _person)(line.text[m.end():]))
            found.append(line)
            continue
        m = _meeting_label("attendance").match(folded)
        if m and attendees_from is None:
            _attendance(meeting, folded[m.end():])
            attendees_from = k + 1
            found.append(line)
            continue
        m = _meeting_label("total").match(folded)
        if m and meeting.members_total is None:
            meeting.members_total = _count(folded[m.end():])
            continue
        m = re.search(r"(?<![a-z])" + _words("meeting.words", "end") + r"(?![a-z])", folded)
        if m:
            clock, date = _moment(folded, m.end())
            if clock is not None:
                end_clock, end_date = clock, date
                found.append(line)
    if attendees_from is not None:
        for line in lines[attendees_from:]:
            if not line.text.strip():
                continue
            if not re.match(r"^\s*(?:[-+•–—]|\d{1,2}\s*[.)])\s*\S", line.text) or any(p.match(line.folded) for p in other_labels):
                break
            person = _person(re.sub(r"^\s*\d{1,2}\s*[.)]\s*", "", line.text))
            if person:
                meeting.attendees.append(person)
                found.append(line)
    meeting.start = _iso(start_clock, start_date or end_date)
    meeting.end = _iso(end_clock, end_date or start_date)
    if start_clock is not None and meeting.start is None:
        plan.warn("meeting.date_missing", "Biên bản có giờ họp nhưng không đọc được ngày họp", "meeting.start")
    if meeting.members_present is not None and meeting.members_total is None:
        absent = re.search(r"(?<![a-z])" + _words("meeting.words", "absent") + r"\s*:?\s*(?P<n>\d{1,3})", " ".join(line.folded for line in found))
        if absent:
            meeting.members_total = meeting.members_present + int(absent.group("n"))
    if meeting == Meeting():
        return
    plan.meeting = meeting
    found.sort(key=lambda line: line.index)
    plan.provenance["meeting"] = Provenance(span=[found[0].start, found[-1].start + len(found[-1].text)]) if found else Provenance(confidence=0.5)
    total = meeting.members_total
    if total:
        for n in plan.nominees:
            if n.votes is not None and n.votes > total:
                plan.warn("nominees.votes_over_total", f"Số phiếu đồng ý của “{n.name}” ({n.votes}) lớn hơn tổng số thành viên ({total})", "nominees")


# ------------------------------------------------------------------ report (Báo cáo thành tích)


@cache
def _profile_labels() -> tuple[re.Pattern[str], dict[str, str]]:
    """Every profile label (and the labels that only end a value), and each label's field."""
    labels = _data()["report"]["labels"]
    by_key = {squash(fold(v)): name for name, values in labels.items() for v in values}
    pattern = re.compile(r"(?<![a-z0-9])(?P<label>" + _alt(list(by_key)) + r")(?![a-z0-9])" + _LABEL_TAIL)
    return pattern, by_key


def _profile(line: _Line) -> list[tuple[str, str]]:
    """The (field, value) pairs of a profile line: "- Sinh ngày: 05/02/1984   Giới tính: Nam"."""
    pattern, by_key = _profile_labels()
    lead = re.match(_BULLET, line.folded)
    hits = [m for m in pattern.finditer(line.folded) if m.start() >= (lead.end() if lead else 0)]
    if not hits or hits[0].start() != (lead.end() if lead else 0):
        return []
    out = []
    for k, m in enumerate(hits):
        stop = hits[k + 1].start() if k + 1 < len(hits) else len(line.text)
        out.append((by_key[squash(m.group("label"))], line.text[m.end():stop]))
    return out


def _has_profile(layout: Layout) -> bool:
    for line in _lines(layout, *layout.body):
        if any(name in ("collective", "individual") for name, _ in _profile(line)):
            return True
    return False


def _fix_report_title(plan: Plan, layout: Layout, state: _State) -> bool:
    """"BÁO CÁO THÀNH TÍCH" / "Đề nghị tặng …": the type is the whole first line and the
    trích yếu the line under it. Return whether the document is a Báo cáo thành tích."""
    if plan.doc_type != "BAO_CAO" or layout.type_piece is None or layout.type_line is None:
        return False
    type_line = _line(layout, layout.type_line)
    at = layout.type_piece.end - type_line.start
    tail_of = re.compile(r"\s*" + _words("report", "type_tail") + r"(?![a-z])")
    tail = tail_of.match(type_line.folded, at)
    first = layout.type_line + 1
    pieces: list[_Line] = []
    if tail:
        plan.doc_type_label = squash(type_line.text[:tail.end()])
        rest = type_line.text[tail.end():]
    else:
        # "BÁO CÁO" / "THÀNH TÍCH CỦA …": the rest of the type on the next line
        following = next((line for line in _lines(layout, first, first + 2) if line.text.strip()), None)
        tail = tail_of.match(following.folded) if following and not type_line.text[at:].strip() else None
        if following is None or tail is None:
            return False
        plan.doc_type_label = squash(type_line.text[:at] + " " + following.text[:tail.end()])
        rest, first = following.text[tail.end():], following.index + 1
        pieces.append(following)
    parts: list[str] = [rest] if rest.strip() else []
    for line in _lines(layout, first, first + 8):
        if not line.text.strip():
            if parts:
                break
            continue
        if _HEADING.match(line.folded) or _profile(line) or line.text.lstrip().startswith("(") or _form(line) or anchors().kinh_gui.match(line.folded):
            break
        parts.append(line.text)
        pieces.append(line)
        if len(parts) == 3 or line.text.rstrip().endswith("."):
            break
    plan.title = _clean(" ".join(parts))
    if pieces:
        plan.provenance["title"] = Provenance(span=[pieces[0].start, pieces[-1].start + len(pieces[-1].text)])
        state.consumed.update(p.index for p in pieces)
    return True


def _form(line: _Line) -> str | None:
    """The form a report follows, from "(Mẫu số 05 Phụ lục … Nghị định số 152/2025/NĐ-CP)"."""
    text = line.value.strip()
    inner = text[1:].rstrip(". ")[:-1] if text.startswith("(") and text.rstrip(". ").endswith(")") else text
    folded = fold(inner)
    m = re.match(r"\s*" + _words("report", "form") + r"\s*:?\s*\d{1,2}[a-z.]?(?:\d{1,2})?(?![\d/])", folded)
    if not m:
        return None
    if not re.search(r"(?<![a-z])" + _words("report", "form_sources") + r"(?![a-z])", folded) and len(inner) > 20:
        return None
    return _clean(inner)


def _fill_report(plan: Plan, layout: Layout, state: _State, past: list[PastAward]) -> None:
    report = Report(past_awards=past)
    top = layout.type_line if layout.type_line is not None else 0
    for line in _lines(layout, 0, top + 8):
        form = _form(line)
        if form:
            report.form = form
            state.consumed.add(line.index)
            break
    values: dict[str, str] = {}
    kind: str | None = None
    found: list[_Line] = []
    for line in _lines(layout, *layout.body):
        pairs = _profile(line)
        if not pairs:
            continue
        found.append(line)
        for name, raw in pairs:
            value = _clean(raw)
            if value and name not in values:
                values[name] = value
                if name in ("collective", "individual") and kind is None:
                    kind = name
    if kind:
        name = values[kind]
        if kind == "individual":
            name, _ = _strip_personal_title(name)
        report.subject = Nominee(kind=kind, name=name, position=values.get("position"), unit=values.get("unit"))
    report.gender = values.get("gender")
    report.hometown = values.get("hometown")
    report.qualification = values.get("qualification")
    report.founded = values.get("founded")
    if "birth_date" in values:
        dates = find_dates(fold(values["birth_date"]))
        report.birth_date = dates[0].value() if dates else None
        if report.birth_date is None:
            years = re.findall(r"(?<!\d)(?:19|20)\d{2}(?!\d)", values["birth_date"])
            report.birth_date = years[0] if years else None
    plan.report = report
    if found:
        plan.provenance["report"] = Provenance(span=[found[0].start, found[-1].start + len(found[-1].text)])
    if report.subject is None:
        plan.warn("report.subject_missing", "Báo cáo thành tích không ghi tên tập thể hay họ tên cá nhân", "report.subject")


def _achievements(sections: list[Section], layout: Layout) -> list[str]:
    heads = sorted((_key(h) for h in _data()["report"]["achievements"]), key=len, reverse=True)
    rows = {squash(line.text) for line in _lines(layout, layout.body[0]) if _cells(line) is not None}

    def paragraphs(section: Section) -> list[str]:
        out = [t for t in section.text if t not in rows]
        for child in section.children:
            out.append(f"{child.label}. {child.heading}")
            out.extend(paragraphs(child))
        return out

    for section in sections:
        key = _key(section.heading)
        if any(key == h or key.startswith(h + " ") for h in heads):
            return paragraphs(section)
    return []


# ------------------------------------------------------------------ two signatures


@dataclass
class _Block:
    titles: list[_Line] = field(default_factory=list)
    name: _Line | None = None


def _is_note(line: _Line) -> bool:
    value = line.value
    notes = _words("signatures", "notes")
    return (value.startswith("(") and value.endswith(")")) or bool(re.match(r"\s*" + notes, line.folded))


def _is_name(value: str) -> bool:
    at = trailing_name_start(value)
    return (at == 0 and len(value.split()) <= 6) or (
        2 <= len(value.split()) <= 5 and value.isupper() and starts_with_surname(value) and not anchors().sign_title.match(fold(value))
    )


def _footer_lines(layout: Layout) -> list[_Line]:
    """The lines of the signature blocks: back from the end (or from a Nơi nhận that
    follows them) over titles, names, notes, date lines and blank lines."""
    stop = len(layout.nt.lines)
    label = layout.recipients_label
    if label is not None and label > layout.body[0]:
        before = [line for line in _lines(layout, layout.body[0], label) if line.text.strip()]
        if before and all(_in_block(part) for part in _parts(before[-1])):
            stop = label
    out: list[_Line] = []
    for line in reversed(_lines(layout, layout.body[0], stop)):
        if line.text.strip() and (_cells(line) is not None or _HEADING.match(line.folded) or not all(_in_block(p) for p in _parts(line))):
            break
        out.append(line)
    return list(reversed(out))


def _in_block(part: _Line) -> bool:
    """A piece of a signature block: a title in capitals, a name, a note or a date line."""
    value = part.value
    upper = is_upper_text(value) and len(value) <= 90 and not value.endswith((".", ";"))
    return upper or _is_name(value) or _is_note(part) or bool(anchors().date_line.search(part.folded))


_WIDE_GAP = re.compile(r"\S(\s{3,})(?=\S)")
_RIGHT_INDENT = 20  # leading spaces that put a lone footer line in the right column


def _parts(line: _Line) -> list[_Line]:
    """The pieces of a line between wide gaps (the columns of a plain-text footer)."""
    parts = []
    at = len(line.text) - len(line.text.lstrip())
    for gap in _WIDE_GAP.finditer(line.text, at):
        parts.append(_Line(line.index, line.start + at, line.text[at:gap.start(1)], line.folded[at:gap.start(1)]))
        at = gap.end(1)
    parts.append(_Line(line.index, line.start + at, line.text[at:].rstrip(), line.folded[at:len(line.text.rstrip())]))
    return [p for p in parts if p.text.strip()]


def _blocks(lines: list[_Line]) -> list[_Block]:
    """The signature blocks, left column first: each its title lines and its name. In a
    Word table the left cell's lines come before the right one's; plain text puts the two
    side by side, with wide gaps between."""
    two_columns = any(len(_parts(line)) >= 2 for line in lines)
    columns: list[list[_Block]] = [[], []]
    gaps = [False, False]
    for line in lines:
        parts = _parts(line)
        if not parts:
            gaps = [True, True]
            continue
        if two_columns and len(parts) >= 2:
            placed = [(0, parts[0]), (1, parts[-1])]
        else:
            indent = len(line.text) - len(line.text.lstrip())
            placed = [(1 if two_columns and indent >= _RIGHT_INDENT else 0, parts[0])]
        for col, part in placed:
            blocks, value = columns[col], part.value
            if _is_note(part) or anchors().date_line.search(part.folded):
                continue
            if _is_name(value) and blocks and blocks[-1].name is None and blocks[-1].titles:
                blocks[-1].name = part
            elif is_upper_text(value):
                if not blocks or blocks[-1].name is not None or gaps[col]:
                    blocks.append(_Block())
                blocks[-1].titles.append(part)
            gaps[col] = False
    return columns[0] + columns[1]


def _fill_two_signatures(plan: Plan, layout: Layout, state: _State) -> None:
    footer = _footer_lines(layout)
    blocks = [b for b in _blocks(footer) if b.titles]
    if len(blocks) < 2:
        return
    secondary = re.compile(r"^\s*" + _words("signatures", "secondary") + r"(?![a-z])")
    main = [b for b in blocks if not secondary.match(b.titles[0].folded)]
    signed = [b for b in main if b.name is not None] or main
    if not signed:
        return
    block = signed[-1]
    pieces = [Piece(p.text, p.start, p.start + len(p.text), p.index).stripped() for p in (*block.titles, *([block.name] if block.name else []))]
    reading = read_signer(Layout(layout.nt, signature=pieces))
    if not reading.title and not reading.name:
        return
    plan.signer = Signer(reading.authority, reading.title, reading.name, reading.block)
    if reading.name_piece:
        plan.provenance["signer.name"] = Provenance(span=[reading.name_piece.start, reading.name_piece.end], confidence=0.9)
    if reading.title_piece:
        plan.provenance["signer.title"] = Provenance(span=[reading.title_piece.start, reading.title_piece.end])
    plan.warnings = [w for w in plan.warnings if w.code not in ("signer.missing", "signer.name_missing")]
    state.consumed.update(line.index for line in footer if line.text.strip())


# ------------------------------------------------------------------ section texts


def _drop_consumed(plan: Plan, layout: Layout, state: _State) -> None:
    """Take the lines read into fields (table rows, addressees, the report's title and
    form) out of the preamble and the section texts, where read_sections put them."""
    if not state.consumed:
        return
    texts: dict[str, int] = {}
    for i in state.consumed:
        text = " ".join(layout.nt.lines[i].split())
        texts[text] = texts.get(text, 0) + 1

    def keep(lines: list[str]) -> list[str]:
        out = []
        for text in lines:
            if texts.get(text, 0) > 0:
                texts[text] -= 1
                continue
            out.append(text)
        return out

    plan.preamble[:] = keep(plan.preamble)

    def walk(sections: list[Section]) -> None:
        for section in sections:
            section.text = keep(section.text)
            walk(section.children)

    walk(plan.sections)


