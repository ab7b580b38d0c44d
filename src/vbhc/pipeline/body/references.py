"""References: every document the body cites with an explicit number, once each.

"Thực hiện Kế hoạch số 24/KH-UBND ngày 27/01/2021 của UBND thị xã …" →
``{doc_type: KE_HOACH, number: 24/KH-UBND, date: 2021-01-27, issuer: UBND thị xã}``.
A law cited only by its name has no number and is not a reference.
"""
from __future__ import annotations

import re
from functools import cache

from ... import vocab
from ...model import Reference
from ...vn.dates import find_dates
from ...vn.fuzzy import fuzzy_pattern
from ...vn.text import fold, squash
from ..segment import Layout

__all__ = ["read_references"]

# (spaces inside a number are blanks or tabs, never a line break: "… số 48/NQ-CP" then "- Tập …")
_NUMBER = r"(?P<num>\d{1,6}(?:[ \t]?/[ \t]?\d{4})?[ \t]?/[ \t]?[a-z0-9][a-z0-9&.]*(?:[ \t]?-[ \t]?[a-z0-9&.]*[a-z0-9])*|\d{1,6}-[a-z]{1,5}/[a-z]{1,6})"
_ALSO = re.compile(r"\s*(?:,|;|\bva\b)\s*(?:cac\s+)?so\s*:?\s*" + _NUMBER + r"(?![\w/])")
_DATE_WINDOW = 14      # characters between a number and the date that belongs to it
_ISSUER_MAX = 90


_NUMBER_START = re.compile(r"[0-9]{1,6}(?:\s?/\s?[0-9]{4})?\s?[/-]\s?[a-z]")  # digit-led: scans fast
_LOOKBACK = 110        # characters before a number in which its type name must stand
_NAMED_TYPES = frozenset({"LUAT", "BO_LUAT", "PHAP_LENH", "HIEN_PHAP"})


@cache
def _pattern() -> re.Pattern[str]:
    letters = vocab.ocr_letters()
    names = sorted({t.folded for t in vocab.doc_types()} | {"van ban", "cong van"}, key=len, reverse=True)
    types = "|".join(fuzzy_pattern(n, letters) for n in names)
    so = fuzzy_pattern("so", letters, exact_letters=0)
    laws = "|".join(fuzzy_pattern(t.folded, letters) for t in vocab.doc_types() if t.code in _NAMED_TYPES)
    # "Nghị định số 91/2017/NĐ-CP", "Kế hoạch 24/KH-UBND", and a law cited by its name with
    # the number after "số": "Luật Thi đua, khen thưởng số 06/2022/QH15".
    # A law's name may not run across another type name ("Luật … và Nghị định số 98/…").
    gap = r"(?:(?!(?:" + types + r")(?![a-z]))[^\d\n;:]){1,90}?"
    return re.compile(
        r"(?<![a-z])(?:(?P<type>" + types + r")(?:\s*:)?(?:\s+" + so + r")?\s*:?\s*"
        r"|(?P<law>" + laws + r")\s+" + gap + r"\s+" + so + r"\s*:?\s*"
        r"|(?P<named>" + types + r")(?P<words>(?:\s+[a-z]+){1,6}?)\s+" + so + r"\s*:?\s*)" + _NUMBER + r"(?![\w/])"
    )


def _citations(text: str, folded: str, start: int, stop: int):
    """Matches of the citation pattern, found from each number back to its type name.

    A cited type name is capitalised ("theo Quyết định số …"); "theo quy định tại …" is
    not a citation of a Quy định.
    """
    pattern = _pattern()
    last_end = start
    for n in _NUMBER_START.finditer(folded, start, stop):
        if n.start() < last_end or (n.start() and (folded[n.start() - 1].isalnum() or folded[n.start() - 1] in "/_")):
            continue
        at = max(last_end, n.start() - _LOOKBACK)
        while True:
            m = pattern.search(folded, at, min(stop, n.start() + 60))
            if m is None or m.start("num") > n.start():
                break
            name = next(g for g in ("type", "law", "named") if m.group(g) is not None)
            head = m.start(name)
            # "Kế hoạch hành động số …": the words between a type and "số" are lower case
            plain = name != "named" or not any(c.isupper() for c in text[m.start("words"):m.end("words")])
            if m.start("num") == n.start() and text[head].isupper() and plain:
                last_end = m.end()
                yield m
                break
            at = m.start() + 1


@cache
def _issuer_word() -> re.Pattern[str]:
    words = vocab.load("references")["issuer_words"]
    return re.compile(r"\s*,?\s*(?:" + "|".join(fuzzy_pattern(w, vocab.ocr_letters()) for w in words) + r")\s+")


@cache
def _type_codes() -> list[tuple[re.Pattern[str], str | None]]:
    letters = vocab.ocr_letters()
    out: list[tuple[re.Pattern[str], str | None]] = []
    for t in sorted(vocab.doc_types(), key=lambda t: (len(t.folded), t.kind == "hanh_chinh"), reverse=True):
        out.append((re.compile(fuzzy_pattern(t.folded, letters) + r"$"), t.code))
    out.append((re.compile(fuzzy_pattern("cong van", letters) + r"$"), "CONG_VAN"))
    return out


def _code_for(type_folded: str, symbol: str) -> str | None:
    """The cited type: from the name printed ("Nghị định"), checked against the ký hiệu."""
    abbr = fold(symbol.split("/")[-1].split("-")[0]) if "/" in symbol else ""
    by_abbr = vocab.doc_type_by_abbr()
    for pattern, code in _type_codes():
        if pattern.match(type_folded.strip()):
            if code in ("CHI_THI_DANG", "QUY_DINH_DANG"):
                continue
            return code
    return by_abbr[abbr].code if abbr in by_abbr else None


def _issuer(text: str, folded: str, at: int, limit: int) -> tuple[str | None, int]:
    """The issuer after "của" at ``at`` (skipping spaces), and where the phrase ends."""
    m = _issuer_word().match(folded[at:limit])
    if not m:
        return None, at
    start = at + m.end()
    stops = vocab.load("references")["issuer_stops"]
    end = min(limit, start + _ISSUER_MAX)
    window = folded[start:end]
    cut = len(window)
    for stop in stops:
        k = window.find(stop)
        if 0 < k < cut:
            cut = k
    punct = re.search(r"[,;:()|\n]|\.(?:\s|$)", window)  # "|": the citation's table cell ends
    if punct and punct.start() < cut:
        cut = punct.start()
    value = squash(text[start:start + cut]).rstrip(" .")
    return (value or None), start + cut


def read_references(layout: Layout, own_number: str | None) -> list[Reference]:
    """References from the start of the body to the signature, each number once."""
    nt = layout.nt
    start = nt.line_starts[layout.body[0]] if layout.body[0] < len(nt.line_starts) else len(nt.text)
    end_line = layout.body[1]
    stop = nt.line_starts[end_line] if end_line < len(nt.line_starts) else len(nt.text)
    folded, text = nt.folded, nt.text
    own = fold(own_number or "").replace(" ", "")
    found: dict[str, Reference] = {}
    for m in _citations(text, folded, start, stop):
        number = re.sub(r"\s+", "", text[m.start("num"):m.end("num")]).rstrip(".")
        key = fold(number)
        if key == own:
            continue
        line_end = folded.find("\n", m.end())
        line_end = stop if line_end < 0 else min(line_end, stop)
        date = None
        tail = m.end()
        after = [d for d in find_dates(folded, m.end(), min(line_end, m.end() + 60)) if d.start - m.end() <= _DATE_WINDOW]
        if after and after[0].precision == "day":
            date, tail = after[0].value(), after[0].end
        elif (before := _date_before(folded, m.start())) is not None:
            date = before
        issuer, tail = _issuer(text, folded, tail, line_end)
        cited = squash(text[m.start():max(tail, m.end())])
        if key in found:
            if found[key].date is None and date:
                found[key].date = date
            continue
        code = _code_for(m.group("type") or m.group("law") or m.group("named"), key)
        found[key] = Reference(code, number, date, issuer, cited)
        # "các Quyết định: số 36/QĐ-TTg …, số 1668/QĐ-TTg"; "Kế hoạch số 24/… và số 35/…"
        at = m.end()
        while (more := _ALSO.match(folded, at, line_end)) or (more := _ALSO.match(folded, _skip_date(folded, at, line_end), line_end)):
            extra = re.sub(r"\s+", "", text[more.start("num"):more.end("num")]).rstrip(".")
            after_extra = [d for d in find_dates(folded, more.end(), min(line_end, more.end() + 40)) if d.start - more.end() <= _DATE_WINDOW]
            found.setdefault(fold(extra), Reference(code, extra, after_extra[0].value() if after_extra and after_extra[0].precision == "day" else None, None, squash(text[more.start("num"):more.end()])))
            at = more.end()
    return list(found.values())


def _skip_date(folded: str, at: int, stop: int) -> int:
    """Past a date (and a short "của …" clause) that follows a citation, to a listed next number."""
    dates = [d for d in find_dates(folded, at, min(stop, at + 40)) if d.start - at <= _DATE_WINDOW]
    return dates[0].end if dates else stop


def _date_before(folded: str, at: int) -> str | None:
    """"Ngày 30/8/2024, Sở Nội vụ có Công văn số …": a date opening the same sentence."""
    begin = max(folded.rfind("\n", 0, at), folded.rfind(". ", 0, at), folded.rfind(";", 0, at)) + 1
    clause = folded[begin:at]
    dates = find_dates(folded, begin, at)
    if dates and dates[0].precision == "day" and clause.lstrip().startswith("ngay") and dates[0].start - begin <= 8:
        return dates[0].value()
    return None
