"""Content checks of thi đua, khen thưởng: decrees in force on the document's date, units
that no longer exist (district level from 01/7/2025), who may confer a Bằng khen, quota
arithmetic and deadlines after the campaign ends."""
from __future__ import annotations

import calendar
import datetime as _dt
import re
from collections.abc import Iterator

from .. import award_law
from ..gazetteer import find_units
from ..vn.formatting import format_date_short
from ..vn.text import fold
from .content_common import date_range, flow, locate, original
from .document import CheckedDocument
from .finding import Finding, Location
from .rules import finding

__all__ = ["CHECKS"]

#: The day district-level units ceased to exist (domain.md §4.7).
_TWO_LEVELS = _dt.date(2025, 7, 1)

_BODY = r"(?:ubnd|uy\s+ban\s+nhan\s+dan)"
#: District-level words, and "thị trấn" (a commune-level unit that also ended on 01/7/2025).
_DISTRICT = r"(?P<lvl>huyen|quan|thi\s+xa|thi\s+tran)"
#: Levels below the province (district and commune), for the Bằng khen rule.
_LOWER = r"(?P<lvl>huyen|quan|thi\s+xa|thi\s+tran|xa|phuong|dac\s+khu)"
_STOP = r"(?:(?!chu\s+tich|ubnd|uy\s+ban|trinh|de\s+nghi|giay\s+khen|bang\s+khen)[^.;:!?])"

_AWARD_BY = re.compile(r"\bchu\s+tich\s+" + _BODY + r"\s+" + _LOWER + r"\b" + _STOP + r"{0,40}?\btang\s+(?:danh\s+hieu\s+)?bang\s+khen\b")
_AWARD_OF = re.compile(r"\bbang\s+khen\s+cua\s+(?:chu\s+tich\s+)?" + _BODY + r"\s+" + _LOWER + r"\b")
_CONFERS = re.compile(r"\bchu\s+tich\s+" + _BODY + r"\s+" + _DISTRICT + r"\b" + _STOP + r"{0,30}?\b(?:xet\s+)?(?:tang|khen\s+thuong)\b")

_DISTRICT_BODY = re.compile(r"\b" + _BODY + r"\s+" + _DISTRICT + r"\b")

_LEVEL_EN = {"huyen": "district", "quan": "urban district", "thi xa": "town", "thi tran": "township",
             "xa": "commune", "phuong": "ward", "dac khu": "special zone"}
_LEVEL_VI = {"huyen": "cấp huyện", "quan": "cấp huyện", "thi xa": "cấp huyện", "thi tran": "cấp xã",
             "xa": "cấp xã", "phuong": "cấp xã", "dac khu": "cấp xã"}


def _fmt(d: _dt.date) -> str:
    return format_date_short(d)


def _on(rng: tuple[_dt.date, _dt.date]) -> str:
    lo, hi = rng
    if lo == hi:
        return _fmt(lo)
    if lo.month == hi.month and lo.year == hi.year:
        return f"tháng {lo.month}/{lo.year}"
    return f"năm {lo.year}"


# ------------------------------------------------------------------ decrees


def check_decrees(doc: CheckedDocument) -> Iterator[Finding]:
    """A cited law or decree on thi đua, khen thưởng that had ceased to be in force on the
    document's date (the whole range, when the day or month is blank)."""
    rng = date_range(doc)
    if rng is None:
        return
    lo, hi = rng
    seen: set[str] = set()
    for ref in doc.plan.references:
        decree = award_law.decree_by_number(ref.number)
        if decree is None or decree.number in seen or decree.until is None or decree.until >= lo:
            continue
        seen.add(decree.number)
        replacement = award_law.replacement_for(ref.number, hi)
        if replacement is None:
            continue
        loc = doc.locate(ref.text) if ref.text else doc.locate(ref.number)
        if loc.start is None:
            loc = doc.locate(ref.number)
        yield finding("tdkt.van-ban.het-hieu-luc", loc, cited=decree.name, ended=_fmt(decree.until + _dt.timedelta(days=1)),
                      on=_on(rng), replacement=replacement.name)


# ------------------------------------------------------------------ units that no longer exist


_DISTRICT_WORDS = ("huyen ", "quan ", "thi xa ", "thi tran ")


def _district_unit(name: str) -> str | None:
    """The district-level (or thị trấn) unit a body's name ends with, folded; None otherwise.
    A "thành phố" counts when the gazetteer knows it only as a city of a province."""
    folded = " ".join(fold(name).split())
    for prefix in ("uy ban nhan dan ", "ubnd ", "hoi dong nhan dan ", "hdnd ", "chu tich "):
        if folded.startswith(prefix):
            folded = folded[len(prefix):]
            break
    else:
        return None
    if folded.startswith(_DISTRICT_WORDS):
        return folded
    if folded.startswith("thanh pho "):
        units = find_units(folded[len("thanh pho "):], "thanh pho")
        if units and all(u.level == "huyen" for u in units):
            return folded
    return None


def check_units(doc: CheckedDocument) -> Iterator[Finding]:
    """From 01/7/2025 no district-level unit (nor thị trấn) issues a document or confers an award."""
    rng = date_range(doc)
    if rng is None or rng[0] < _TWO_LEVELS:
        return
    plan = doc.plan
    on = _on(rng)
    for role, role_en, name in (("Cơ quan ban hành", "The issuing body", plan.issuer),
                                ("Cơ quan chủ quản", "The parent body", plan.parent_issuer)):
        if name and _district_unit(name):
            yield finding("tdkt.co-quan.khong-con", _header_loc(doc, name),
                          role=role, role_en=role_en, name=name, on=on)
    fl = flow(doc)
    flagged: set[str] = set()
    for m in _CONFERS.finditer(fl.text):
        loc = fl.location(doc, m.start(), m.end("lvl"))
        flagged.add(loc.where)
        yield finding("tdkt.co-quan.khong-con", loc, role="Người khen thưởng", role_en="The conferring authority",
                      name=original(doc, fl, m.start(), m.end("lvl")), on=on)
    for quota in plan.quotas:
        conferrer = " ".join(fold(quota.conferrer or "").split())
        if conferrer and _DISTRICT_BODY.search(conferrer):
            loc = locate(doc, quota.conferrer)
            if loc.where not in flagged:
                flagged.add(loc.where)
                yield finding("tdkt.co-quan.khong-con", loc, role="Người khen thưởng",
                              role_en="The conferring authority", name=quota.conferrer, on=on)


def _header_loc(doc: CheckedDocument, name: str) -> Location:
    """Where the issuer's name is printed: its last line (the unit's name) in the header."""
    words = name.split()
    for n in (len(words), 2):
        loc = doc.locate(" ".join(words[-n:]))
        if loc.start is not None:
            return loc
    return Location()


# ------------------------------------------------------------------ Bằng khen


def check_award_authority(doc: CheckedDocument) -> Iterator[Finding]:
    """A Bằng khen conferred by the chairman of a district or commune (read in the sentence)."""
    fl = flow(doc)
    for pattern in (_AWARD_BY, _AWARD_OF):
        for m in pattern.finditer(fl.text):
            lvl = " ".join(m["lvl"].split())
            loc = fl.location(doc, m.start(), m.end())
            yield finding("tdkt.tham-quyen.bang-khen", loc, text=original(doc, fl, m.start(), m.end()), level=f"Chủ tịch UBND {_LEVEL_VI[lvl]}",
                          level_en=f"a {_LEVEL_EN[lvl]} chairman")


# ------------------------------------------------------------------ quotas

_PER_GROUP = re.compile(r"\b(?:moi|tung|cua\s+khoi|cac\s+khoi|moi\s+khoi)\b")


def check_quotas(doc: CheckedDocument) -> Iterator[Finding]:
    """A total ("05 tập thể và 12 cá nhân, gồm:") whose listed items do not add up."""
    plan = doc.plan
    index = {b.location.where: k for k, b in enumerate(doc.blocks)}
    located: list[Location] = []
    after = 0
    for q in plan.quotas:  # in reading order: two quotas may begin with the same words
        loc = locate(doc, q.text, after)
        located.append(loc)
        if loc.where in index:
            after = index[loc.where] + 1
    for n, quota in enumerate(plan.quotas):
        if not quota.breakdown:
            continue
        k = index.get(located[n].where)
        for kind, total, what, what_en in (("collective", quota.collectives, "tập thể", "collectives"),
                                           ("individual", quota.individuals, "cá nhân", "individuals")):
            parts = [p for p in quota.breakdown if p.kind == kind]
            if not parts or total is None:
                continue
            summed = sum(p.count for p in parts)
            if summed == total or (quota.max and summed < total):
                continue
            items = " + ".join(p.text for p in parts)
            values = {"award": quota.award, "total": f"{total:02d}", "what": what, "what_en": what_en,
                      "parts": f"{summed:02d}", "items": items}
            rule = "tdkt.chi-tieu.tong"
            if k is not None and _per_group(doc, k, [index.get(loc.where) for loc in located[n + 1:]]):
                rule = "tdkt.chi-tieu.theo-khoi"
            yield finding(rule, _total_loc(doc, k, located[n], total, what), **values)


def _total_loc(doc: CheckedDocument, k: int | None, loc: Location, total: int, what: str) -> Location:
    """The span of the total ("05 tập thể") in the quota's block, else the quota's place."""
    if k is None:
        return loc
    m = re.search(r"(?<!\d)0*" + str(total) + r"[*_\s]*" + fold(what).replace(" ", r"\s+"), doc.folded[k])
    if m is None:
        return loc
    block = doc.blocks[k]
    return block.location.with_span(m.start(), m.end(), block.text[m.start():m.end()])


def _per_group(doc: CheckedDocument, k: int, later: list[int | None]) -> bool:
    """Whether the lines of a quota's breakdown (from block ``k`` to the next quota's, at
    most 20) count per group ("01 đơn vị … của khối", "06 cá nhân … của mỗi khối")."""
    stop = min(next((j for j in later if j is not None and j > k), len(doc.blocks)), k + 20)
    return any(_PER_GROUP.search(doc.folded[i]) for i in range(k, stop))


# ------------------------------------------------------------------ deadlines


def _end_of(value: str | None) -> _dt.date | None:
    """The last day of a period end printed as YYYY, YYYY-MM or YYYY-MM-DD."""
    if not value:
        return None
    try:
        parts = [int(p) for p in value.split("-")]
        if len(parts) == 1:
            return _dt.date(parts[0], 12, 31)
        if len(parts) == 2:
            return _dt.date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
        return _dt.date(parts[0], parts[1], parts[2])
    except (ValueError, TypeError):
        return None


def check_deadlines(doc: CheckedDocument) -> Iterator[Finding]:
    """A fixed deadline that falls after the campaign period ends."""
    period = doc.plan.campaign_period
    end = _end_of(period.end) if period else None
    if end is None:
        return
    for deadline in doc.plan.deadlines:
        if deadline.recurring or not deadline.date:
            continue
        try:
            when = _dt.date.fromisoformat(deadline.date)
        except ValueError:
            continue
        if when > end:
            yield finding("tdkt.thoi-han.sau-ket-thuc", locate(doc, deadline.text), text=" ".join(deadline.text.split()),
                          date=_fmt(when), end=_fmt(end))


CHECKS = (check_decrees, check_units, check_award_authority, check_quotas, check_deadlines)
