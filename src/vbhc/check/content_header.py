"""Content checks of the number line (ô 3), the place-date line (ô 4) and every date.

Leading zeros follow ``[padding]`` of data/layout.toml and apply to the header's
place-date line only; a blank number or day is normal on an unsigned draft, and a
finding only when the block already carries the signer's name.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from .. import vocab
from ..vn.dates import DateParts, check_date, find_dates
from ..vn.text import fold
from .content_common import date_line, number_line, padding
from .document import CheckedDocument
from .finding import Finding
from .rules import finding

__all__ = ["CHECKS"]


def _signed_name(doc: CheckedDocument) -> str | None:
    name = doc.plan.signer.name
    return name.strip() if name and name.strip() else None


def check_number(doc: CheckedDocument) -> Iterator[Finding]:
    """Số: a number below 10 takes a leading zero; the ký hiệu names the document's type;
    no spaces inside the ký hiệu; a blank number on a document with a signer's name."""
    line = number_line(doc)
    if line is None:
        return
    m = line.match
    block = doc.blocks[line.block]
    whole = line.original(doc)
    loc = block.location.with_span(m.start(), m.end(), whole)
    digits = m["n"]
    if digits is None:
        name = _signed_name(doc)
        if name:
            yield finding("nd30.so.trong-khi-da-ky", loc, number=" ".join(whole.split()), name=name)
    elif int(digits) < padding()["number_below"] and len(digits) == 1:
        at = m.start("n") - m.start()
        new = whole[:at] + f"{int(digits):02d}" + whole[at + len(digits):]
        yield finding("nd30.so.so-0", loc, fix=("replace", {"old": whole, "new": new}), number=whole, digits=digits,
                      padded=f"{int(digits):02d}")
    symbol = line.original(doc, "sym")
    if m["colon"] is None or " " in symbol:
        yield finding("nd30.so.dinh-dang", loc, number=" ".join(whole.split()))
    code = doc.plan.doc_type
    types = vocab.doc_type_by_code()
    if code in types and types[code].abbr:
        want = types[code].abbr
        got = symbol.split("-")[0].strip()
        if fold(got) != fold(want):
            yield finding("nd30.so.ky-hieu", block.location.with_span(m.start("sym"), m.start("sym") + len(got), got),
                          got=got, want=want, type=types[code].name)


def check_date_line(doc: CheckedDocument) -> Iterator[Finding]:
    """The place-date line: leading zeros per the decree, a valid date, and no blank day or
    month once the signer's name is printed."""
    line = date_line(doc)
    if line is None:
        return
    m = line.match
    block = doc.blocks[line.block]
    text = block.text
    pad = padding()
    whole = block.location.with_span(m.start("wd"), m.end(), " ".join(text[m.start("wd"):m.end()].split()))
    if line.day and line.day.isdigit() and len(line.day) == 1 and int(line.day) < pad["day_below"] and int(line.day) >= 1:
        old = text[m.start("wd"):m.end("d")]
        new = old[: -len(line.day)] + f"{int(line.day):02d}"
        yield finding("nd30.ngay.so-0-ngay", block.location.with_span(m.start("wd"), m.end("d"), old),
                      fix=("replace", {"old": old, "new": new}), old=old, new=new)
    if line.month and line.month.isdigit():
        month = int(line.month)
        old = text[m.start("wm"):m.end("m")]
        span = block.location.with_span(m.start("wm"), m.end("m"), old)
        if month in pad["months"] and len(line.month) == 1:
            new = old[: -len(line.month)] + f"{month:02d}"
            yield finding("nd30.ngay.so-0-thang", span, fix=("replace", {"old": old, "new": new}), old=old, new=new)
        elif 1 <= month <= 12 and month not in pad["months"] and line.month.startswith("0"):
            new = old[: -len(line.month)] + str(month)
            yield finding("nd30.ngay.thang-thua-0", span, fix=("replace", {"old": old, "new": new}), old=old, new=new)
    parts = check_date(line.day, line.month, line.year)
    if parts.problem or (line.year and len(line.year) != 4):
        vi, en = _describe(parts, line.day, line.month, line.year)
        yield finding("nd30.ngay.khong-hop-le", whole, problem=vi, problem_en=en, text=whole.text)
    name = _signed_name(doc)
    blanks = [w for w, v in (("ngày", line.day), ("tháng", line.month)) if not v]
    if name and blanks and doc.plan.doc_type != "BIEN_BAN":
        yield finding("nd30.ngay.trong-khi-da-ky", whole, blank=" và ".join(blanks),
                      blank_en=" and ".join({"ngày": "day", "tháng": "month"}[b] for b in blanks), name=name, text=whole.text)


def _describe(parts: DateParts, day: str | None, month: str | None, year: str | None) -> tuple[str, str]:
    """What is wrong with a date, in Vietnamese and English, naming the printed parts."""
    if year is not None and (parts.year is None or not 1945 <= parts.year <= 2100 or len(year) != 4):
        return f"Năm “{year}” không hợp lệ", f"Year “{year}” is not valid"
    if month is not None and parts.month is not None and not 1 <= parts.month <= 12:
        return f"Tháng “{month}” không hợp lệ", f"Month “{month}” is not valid"
    if day is not None and month is not None and year is not None:
        return f"Ngày {day}/{month}/{year} không có thật", f"{day}/{month}/{year} is not a real date"
    if day is not None and month is not None:
        return f"Ngày {day}/{month} không có thật", f"{day}/{month} is not a real date"
    return f"Ngày “{day}” không hợp lệ", f"Day “{day}” is not valid"


_DIGIT = re.compile(r"\d")


def check_dates(doc: CheckedDocument) -> Iterator[Finding]:
    """Every date of the body: impossible dates and years such as "20233"."""
    line = date_line(doc)
    for k, folded in enumerate(doc.folded):
        if not _DIGIT.search(folded):
            continue
        for expr in find_dates(folded):
            if expr.parts.problem is None:
                continue
            if line is not None and k == line.block and expr.start < line.match.end() and line.match.start() < expr.end:
                continue  # the date line has its own check
            printed = doc.blocks[k].text[expr.start:expr.end]
            p = expr.parts
            year = str(p.year) if p.year is not None else None
            vi, en = _describe(p, str(p.day) if p.day is not None else None, str(p.month) if p.month is not None else None, year)
            loc = doc.blocks[k].location.with_span(expr.start, expr.end, " ".join(printed.split()))
            yield finding("nd30.ngay.khong-hop-le", loc, problem=vi, problem_en=en, text=" ".join(printed.split()))


CHECKS = (check_number, check_date_line, check_dates)
