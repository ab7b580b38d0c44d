"""Quotas: how many of each award form, from which conferrer, in which scope.

A plan states them in nested lists, and a line seldom says everything: the award is named
in a heading ("b. Đối với Giấy khen của Chủ tịch UBND thị xã:"), the scope in another
("2. Khen thưởng sơ kết giai đoạn 2021-2025"), collectives or individuals in a label
("- Đối với tập thể:"), and the number in the line itself ("Tặng 03 Giấy khen"). This
module walks the outline keeping that context by depth, and reads each line's counts:

* a line with counts states a total for its (award, conferrer, scope);
* deeper lines under a total ("… 05 tập thể và 12 cá nhân, gồm:") are its breakdown;
* "01 UBND xã, phường và 02 phòng, ban" is 3 collectives, with the split kept;
* "không vượt quá 06" is 6 with ``max``; no number ("do UBND tỉnh phân bổ") is null.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from functools import cache

from ... import vocab
from ...model import Quota, QuotaPart
from ...vn.fuzzy import fuzzy_pattern
from ...vn.numbers import COUNT, parse_count
from ...vn.text import contains_any, fold, squash
from .outline import Item, Outline

__all__ = ["QuotaIssue", "read_quotas"]

_SAME_CONFERRER = 0.8   # similarity of two printings of one conferrer (OCR noise)


@dataclass(frozen=True)
class QuotaIssue:
    code: str
    message: str


@dataclass(frozen=True)
class _Award:
    name: str
    start: int
    end: int


@cache
def _vocab() -> dict:
    return vocab.load("awards")


def _fz(phrase: str, exact: int = 0) -> str:
    return fuzzy_pattern(phrase, vocab.ocr_letters(), exact_letters=exact)


@cache
def _award_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    groups, names = [], {}
    pairs = [(syn, name) for name, syns in _vocab()["forms"].items() for syn in syns]
    for k, (syn, name) in enumerate(sorted(pairs, key=lambda p: len(p[0]), reverse=True)):
        groups.append(f"(?P<a{k}>{_fz(syn)})")
        names[f"a{k}"] = name
    return re.compile(r"(?<![a-z])(?:" + "|".join(groups) + r")(?![a-z])"), names


@cache
def _count_pattern() -> re.Pattern[str]:
    units = _vocab()["units"]
    # Unit nouns are matched exactly (folded): with OCR slack, short ones match anything.
    coll = "|".join(re.escape(u).replace(r"\ ", r"\s+") for u in sorted(units["collective"], key=len, reverse=True))
    indiv = "|".join(re.escape(u).replace(r"\ ", r"\s+") for u in sorted(units["individual"], key=len, reverse=True))
    award, _ = _award_pattern()
    maximum = "|".join(_fz(m, 1) for m in _vocab()["counts"]["maximum"])
    return re.compile(
        r"(?<![\w/.,])(?P<max>(?:" + maximum + r")\s+)?(?P<n>" + COUNT + r")\s+"
        r"(?:(?P<ind>" + indiv + r")|(?P<aw>" + award.pattern.replace("?P<a", "?P<b") + r")|(?P<col>" + coll + r"))(?![a-z])"
    )


@cache
def _kind_label() -> re.Pattern[str]:
    kinds = _vocab()["kinds"]
    col = "|".join(_fz(k) for k in sorted(kinds["collective"], key=len, reverse=True))
    ind = "|".join(_fz(k) for k in sorted(kinds["individual"], key=len, reverse=True))
    return re.compile(r"^\s*(?:(?P<col>" + col + r")|(?P<ind>" + ind + r"))\s*:")


@cache
def _conferrer_pattern() -> re.Pattern[str]:
    titles = "|".join(_fz(t, 1) for t in sorted(_vocab()["conferrers"]["titles"], key=len, reverse=True))
    levels = "|".join(_fz(lv, 1) for lv in sorted(vocab.load("header")["levels"], key=len, reverse=True))
    return re.compile(
        r"(?<![a-z])(?P<title>" + titles + r")\s+(?:(?P<org>" + _fz("ubnd", 1) + "|" + _fz("uy ban nhan dan", 1) + r")\s+)?(?P<level>" + levels + r")?(?![a-z])"
    )


@cache
def _scope_pattern() -> re.Pattern[str]:
    scopes = _vocab()["scopes"]
    yearly = "|".join(_fz(y, 1) for y in scopes["yearly"])
    rounds = "|".join(_fz(r, 1) for r in scopes["rounds"])
    levels = "|".join(_fz(lv, 1) for lv in sorted(vocab.load("header")["levels"], key=len, reverse=True))
    return re.compile(
        r"(?<![a-z])(?:(?P<round>(?:" + rounds + r")\s+)?(?P<stage>" + _fz("giai doan", 1) + r"\s*(?:19|20)\d{2}\s*-\s*(?:19|20)\d{2})"
        r"|(?P<yearly>" + yearly + r")|(?P<lvl>" + _fz("cap", 1) + r"\s+(?:" + levels + r")))(?![a-z])"
    )


# Cheap tests that rule a line out before the large OCR-tolerant patterns run. They use
# substring tests and literal-led patterns: Python's re scans an alternation that has no
# literal start position by position, which costs more than the match itself. ("khen
# thưởng" and "thi đua" stand in almost every line of a plan, so the award test looks for
# "khen" not followed by "thưởng", or the words that begin a title.)
_AWARD_STEM = re.compile(r"khen(?!\s*th)|chuong|chwong|tien tien|lao dong xuat|co thi|si thi|sy thi")
_AWARD_WINDOW = 45      # characters around a stem in which the award's full name stands
_COUNT_WINDOW = (24, 48)  # characters before and after a number where its phrase stands
_TITLE_WORDS = ("tich", "doc", "truong", "tuong")
_SPELLED_UNITS = ("ca nhan", "tap the", "don vi", "co quan", "giay khen", "bang khen")
_NUMBER_WORDS = frozenset(("mot", "hai", "ba", "bon", "tu", "nam", "lam", "sau", "bay", "tam", "chin", "muoi"))
_SCOPE_WORDS = (" hang", "(hang", "moi n", "doan", "cap ")  # " hang": "tháng" holds "hang" too
_GOES_ON = ("so luong", "chi tieu", "co cau")  # a sibling that carries the award named before it
_SPLIT = re.compile(r"\(|trong\s+do|\bgom\b|\bcu the\b")
# "năm (05) tập thể", "03 (ba) cá nhân": a count restated in brackets is blanked out (same
# length, so offsets still hold).
_RESTATED_GATE = re.compile(r"\(\s*(?:[0-9]|mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi)")
_RESTATED = re.compile(r"(?P<a>" + COUNT + r")\s*\(\s*" + COUNT + r"\s*\)")


_AWARD_SUBSTRINGS = ("khen", "chuong", "chwong", "tien tien", "lao dong", "co thi", "si thi", "sy thi")
_SHORT_NUMBER = re.compile(r"[0-9]{1,3}(?= +[a-z])")  # the preceding character is checked apart: a lookbehind here triples the scan time


def _award_windows(folded: str) -> list[tuple[int, int]]:
    """Spans of ``folded`` around each award stem, merged; empty when there is none."""
    spans: list[tuple[int, int]] = []
    if not contains_any(folded, _AWARD_SUBSTRINGS):
        return spans
    for m in _AWARD_STEM.finditer(folded):
        a, b = max(0, m.start() - _AWARD_WINDOW), m.end() + _AWARD_WINDOW
        if spans and a <= spans[-1][1]:
            spans[-1] = (spans[-1][0], b)
        else:
            spans.append((a, b))
    return spans


def _spelled_count(folded: str) -> bool:
    """True when a count in words ("mười hai cá nhân") stands before a unit noun."""
    if "muoi" in folded:
        return True
    for unit in _SPELLED_UNITS:
        at = folded.find(unit)
        while at > 0:
            before = folded[max(0, at - 8):at].split()
            if before and before[-1] in _NUMBER_WORDS and folded[at - 1].isspace():
                return True
            at = folded.find(unit, at + 1)
    return False


def _counts(folded: str, spelled_in_document: bool = True) -> list[re.Match[str]]:
    """Count phrases ("không vượt quá 06 tập thể"), searched only near a short number
    (or everywhere when number words may be in use: ``spelled_in_document`` says whether
    the plan has any count in words at all, so that most plans skip the per-line test)."""
    pattern = _count_pattern()
    if "(" in folded and _RESTATED_GATE.search(folded):
        folded = _RESTATED.sub(lambda m: m.group("a") + " " * (m.end() - m.end("a")), folded)
    if spelled_in_document and _spelled_count(folded):
        return list(pattern.finditer(folded))
    out: list[re.Match[str]] = []
    last = 0
    for d in _SHORT_NUMBER.finditer(folded):
        if d.start() < last or (d.start() and folded[d.start() - 1] in "0123456789/.,"):
            continue
        for m in pattern.finditer(folded, max(last, d.start() - _COUNT_WINDOW[0]), d.end() + _COUNT_WINDOW[1]):
            if m.start("n") <= d.start() < m.end("n"):
                out.append(m)
                last = m.end()
                break
    return out


_QUOTED_TITLE = re.compile(r"danh\s+hieu\s*(?:thi dua\s*)?\"(?P<name>[^\"]{3,80})\"")


def _awards_in(item: Item) -> list[_Award]:
    out = []
    if "danh hieu" in item.folded:
        # A title conferred by its own name: danh hiệu “Công dân Thủ đô ưu tú”.
        for m in _QUOTED_TITLE.finditer(item.folded):
            out.append(_Award(squash(item.text[m.start("name"):m.end("name")]), m.start(), m.end()))
    windows = _award_windows(item.folded)
    if not windows:
        return sorted(out, key=lambda a: a.start)
    pattern, names = _award_pattern()
    for m in (m for a, b in windows for m in pattern.finditer(item.folded, a, b)):
        out.append(_Award(names[str(m.lastgroup)], m.start(), m.end()))  # each form is one group
    return sorted(out, key=lambda a: a.start) if len(out) > 1 else out


def _conferrer(item: Item, before: int | None = None, nearest: bool = False) -> str | None:
    """The conferrer named on the line (before ``before``): the first, or the ``nearest``."""
    found = None
    for m in _conferrer_pattern().finditer(item.folded, 0, before if before is not None else len(item.folded)):
        if m.group("org") or m.group("level") or "chinh phu" in m.group("title"):
            text = squash(item.text[m.start():m.end()])
            found = re.sub(r"(?i)ủy ban nhân dân|uỷ ban nhân dân", "UBND", text)
            if not nearest:
                return found
    return found


def _conferrers(item: Item) -> list[str]:
    if not contains_any(item.folded, _TITLE_WORDS):
        return []
    out = []
    for m in _conferrer_pattern().finditer(item.folded):
        if m.group("org") or m.group("level") or "chinh phu" in m.group("title"):
            out.append(re.sub(r"(?i)ủy ban nhân dân", "UBND", squash(item.text[m.start():m.end()])))
    return out


def _scope(item: Item) -> str | None:
    if not (item.folded.startswith("hang") or contains_any(item.folded, _SCOPE_WORDS)):
        return None
    m = _scope_pattern().search(item.folded)
    if not m:
        return None
    if m.group("yearly"):
        return _vocab()["scopes"]["yearly_printed"]
    return squash(item.text[m.start():m.end()])


@dataclass
class _Context:
    """What the lines above say, by depth: award, conferrers, scope, kind."""

    by_depth: dict[int, dict[str, object]] = field(default_factory=dict)

    def enter(self, depth: int, keep_siblings: bool = False) -> None:
        """Forget what deeper lines said, and what earlier siblings said unless this line
        goes on from them ("a. Hình thức: Giấy khen …" then "b. Số lượng: …")."""
        for d in [d for d in self.by_depth if d > depth or (d == depth and not keep_siblings)]:
            del self.by_depth[d]

    def set(self, depth: int, key: str, value: object) -> None:
        self.by_depth.setdefault(depth, {})[key] = value

    def get(self, key: str) -> object | None:
        for d in sorted(self.by_depth, reverse=True):
            if key in self.by_depth[d]:
                return self.by_depth[d][key]
        return None


def _pick_conferrer(candidates: list[str], scope: str | None) -> str | None:
    """Of several conferrers ("… của Chủ tịch UBND thành phố và Chủ tịch UBND phường"),
    the one whose level matches a "cấp …" scope."""
    if not candidates:
        return None
    if scope and len(candidates) > 1:
        level = fold(scope).replace("cap ", "").strip()
        same_tier = {"xa": ("xa", "phuong", "thi tran", "dac khu"), "huyen": ("huyen", "quan", "thi xa")}
        wanted = same_tier.get(level, (level,))
        for c in candidates:
            if fold(c).endswith(wanted):
                return c
    return candidates[0]


def read_quotas(outline: Outline) -> tuple[list[Quota], list[QuotaIssue]]:
    """The quotas of the plan, in order of first mention."""
    ctx = _Context()
    quotas: list[Quota] = []
    issues: list[QuotaIssue] = []
    open_total: tuple[int, Quota] | None = None       # (depth, quota) whose breakdown follows
    allocated = tuple(_vocab()["counts"]["allocated_elsewhere"])
    spelled = _spelled_count(outline.layout.nt.folded)  # the whole text: a superset is enough for a gate
    for item in outline.items:
        ctx.enter(item.depth, keep_siblings=contains_any(item.folded, _GOES_ON))
        if open_total and item.depth <= open_total[0]:
            open_total = None
        awards = _awards_in(item)
        kind_here = _kind_of(item)
        counts = _counts(item.folded, spelled)
        # A scope is set by a heading ("1. Khen thưởng hàng năm") or stated beside a count.
        scope_here = _scope(item) if awards or counts or (item.heading_like and len(item.text) <= 120) else None
        # Conferrers matter where an award or a count is named ("Giấy khen của Chủ tịch UBND
        # xã"); "thành tích", "trưởng" elsewhere would only cost time.
        conferrers_here = _conferrers(item) if awards or counts else []
        if awards:
            ctx.set(item.depth, "award", awards[0].name)
        if conferrers_here:
            ctx.set(item.depth, "conferrers", conferrers_here)
        if scope_here:
            ctx.set(item.depth, "scope", scope_here)
        award = ctx.get("award")
        if not counts:
            if award and awards and contains_any(item.folded, allocated) and "so luong" in item.folded:
                quota = Quota(str(awards[0].name), _conferrer(item) or _pick_conferrer(list(ctx.get("conferrers") or []), ctx.get("scope")), None, None, ctx.get("scope"), False, [], squash(item.text))
                if not any(q.award == quota.award and q.conferrer == quota.conferrer and q.scope == quota.scope for q in quotas):
                    quotas.append(quota)
            continue
        if award is None:
            if re.search(r"\b(?:tang|khen thuong|so luong)\b", item.folded):
                issues.append(QuotaIssue("quota.no_award", f"Có số lượng nhưng không rõ hình thức khen thưởng: “{squash(item.text)[:120]}”"))
            continue
        # "Đối với tập thể:" governs the lines under it, not its siblings.
        kind_ctx = kind_here or next((k for k in map(_kind_of, outline.ancestors(item)) if k), None)
        # Every award group of the line is read against the total open before the line, so
        # that a second award on the same line is not taken as the first one's breakdown.
        totals = [
            _statement(item, owner or str(award), group, kind_ctx, open_total, quotas, ctx, outline, scope_here)
            for owner, group in _by_award(counts, awards, item)
        ]
        if open_total is None:
            open_total = next((t for t in reversed(totals) if t), None)
    return quotas, issues


def _label_scope(item: Item, before: int) -> str | None:
    """"Cơ quan Trung ương trên địa bàn thành phố: Xét tối đa 2 tập thể …" → the label."""
    colon = item.text.find(":", 0, before)
    if 3 <= colon <= 160:
        label = squash(item.text[:colon])
        if not _kind_label().match(item.folded) and not any(a.start < colon for a in _awards_in(item)):
            return label
    return None


def _parent_label(outline: Outline, item: Item) -> str | None:
    """"3. Ủy ban nhân dân xã, phường:" over the line that gives the counts."""
    if item.parent is None:
        return None
    parent = outline.items[item.parent]
    text = squash(parent.text)
    if text.endswith(":") and len(text) <= 160 and not _kind_label().match(parent.folded) and not _awards_in(parent):
        return text.rstrip(":").strip()
    return None


def _by_award(counts: list[re.Match[str]], awards: list[_Award], item: Item) -> list[tuple[str | None, list[re.Match[str]]]]:
    """Counts grouped by the award named nearest before them on the line ("tặng Cờ thi đua
    cho 02 tập thể; tặng Bằng khen cho 15 tập thể …"); a count of the award itself ("03
    Giấy khen") belongs to that award."""
    groups: list[tuple[str | None, int, list[re.Match[str]]]] = []
    for m in counts:
        inside = next((a for a in awards if a.start >= m.start() and a.end <= m.end()), None)
        before = [a for a in awards if a.end <= m.start()]
        owner = inside or (before[-1] if before else None)
        key = owner.start if owner else -1
        name = owner.name if owner else None
        if groups and (groups[-1][1] == key or (inside and groups[-1][0] == name)):
            groups[-1][2].append(m)
        else:
            groups.append((name, key, [m]))
    return [(name, ms) for name, _, ms in groups]


def _statement(
    item: Item, award: str, counts: list[re.Match[str]], kind_ctx: str | None, open_total, quotas: list[Quota], ctx, outline: Outline, scope_here: str | None  # type: ignore[no-untyped-def]
):
    """Add one award's counts on a line to its quota (or to the open total's breakdown);
    return the total that deeper lines may break down."""
    parts: list[QuotaPart] = []
    split: list[QuotaPart] = []
    is_max = False
    first_end: dict[str, int] = {}
    for m in counts:
        n = parse_count(m.group("n"))
        if n is None:
            continue
        if m.group("ind"):
            kind = "individual"
        elif m.group("col"):
            kind = "collective"
        else:
            named = next((a for a in _awards_in_text(item, m.start("aw"), m.end("aw"))), None)
            kind = _vocab()["form_kinds"].get(named, kind_ctx) if named else kind_ctx
        if kind is None or (kind_ctx and kind != kind_ctx):
            continue
        is_max = is_max or bool(m.group("max"))
        part = QuotaPart(str(kind), n, squash(item.text[m.start("n"):m.end()]))
        # "03 tập thể (01 ấp, 02 cơ quan)", "…, trong đó: 01 ấp …": the later counts split the total.
        if kind in first_end and _SPLIT.search(item.folded, first_end[kind], m.start()):
            split.append(part)
            continue
        first_end.setdefault(kind, m.end())
        parts.append(part)
    if not parts:
        return open_total
    if open_total is not None:
        open_total[1].breakdown.extend(parts + split)
        return open_total
    scope = scope_here or ctx.get("scope") or _label_scope(item, counts[0].start()) or _parent_label(outline, item)
    conferrer = _conferrer(item, counts[0].start(), nearest=True) or _pick_conferrer(list(ctx.get("conferrers") or []), scope)
    quota = _quota_for(quotas, award, conferrer, scope, parts)
    quota.max = quota.max or is_max
    quota.text = squash((quota.text + " " if quota.text else "") + item.text)
    for kind in ("collective", "individual"):
        these = [p for p in parts if p.kind == kind]
        if not these:
            continue
        total = sum(p.count for p in these)
        if kind == "collective":
            quota.collectives = total
        else:
            quota.individuals = total
        if len(these) > 1:
            quota.breakdown.extend(these)
    quota.breakdown.extend(split)
    return (item.depth, quota)


def _kind_of(item: Item) -> str | None:
    label = _kind_label().match(item.folded)
    if not label:
        return None
    return "collective" if label.group("col") else "individual"


def _awards_in_text(item: Item, start: int, end: int) -> list[str]:
    return [a.name for a in _awards_in(item) if a.start >= start and a.end <= end]


def _same_conferrer(a: str | None, b: str | None) -> bool:
    """Equal, one unknown, or the same words through OCR noise ("Chi tich UBND thi xd")."""
    if a is None or b is None:
        return True
    fa, fb = fold(a), fold(b)
    return fa == fb or difflib.SequenceMatcher(None, fa, fb).ratio() >= _SAME_CONFERRER


def _quota_for(quotas: list[Quota], award: str, conferrer: str | None, scope: str | None, parts: list[QuotaPart]) -> Quota:
    """The quota these counts add to: same award, conferrer and scope, and the kinds still empty."""
    kinds = {p.kind for p in parts}
    for q in quotas:
        if q.award == award and q.scope == scope and _same_conferrer(q.conferrer, conferrer):
            free = ("collective" not in kinds or q.collectives is None) and ("individual" not in kinds or q.individuals is None)
            if free:
                q.conferrer = q.conferrer or conferrer
                return q
    quota = Quota(award, conferrer, None, None, scope)
    quotas.append(quota)
    return quota
