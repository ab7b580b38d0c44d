"""What the content checks share: the header region, the place-date and number lines, the
document's date (or the range it may fall in), and the body as one flowing text.

Everything here is computed once per document and kept on it (the checks run on every
file of a batch: no block is parsed twice, every regular expression is compiled once).
"""
from __future__ import annotations

import calendar
import datetime as _dt
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from .. import vocab
from ..vn.dates import check_date
from ..vn.fuzzy import fuzzy_pattern
from ..vn.text import fold
from .document import CheckedDocument
from .finding import Location

__all__ = [
    "DateLine", "Flow", "NumberLine", "date_line", "date_range", "flow", "header_end", "last_index_of", "locate",
    "number_line", "original", "padding", "signature_start",
]

#: How many blocks the header may take when the document has no tên loại line.
_HEADER_MAX = 15
_GAP = r"[\s.…_]*"


def _memo(doc: CheckedDocument, key: str, make: Any) -> Any:
    """A value computed once per document, kept on it (CheckedDocument is a plain dataclass)."""
    store = doc.__dict__.setdefault("_content_memo", {})
    if key not in store:
        store[key] = make()
    return store[key]


@cache
def padding() -> dict[str, Any]:
    """Where leading zeros go (``[padding]`` of data/layout.toml, shared with the generator)."""
    return vocab.load("layout")["padding"]


@cache
def _words() -> tuple[str, str, str]:
    letters = vocab.ocr_letters()
    words = vocab.load("header")["date_words"]
    return tuple(fuzzy_pattern(words[k], letters) for k in ("day", "month", "year"))  # type: ignore[return-value]


@cache
def _date_line_re() -> re.Pattern[str]:
    day, month, year = _words()
    return re.compile(
        r"(?:,|(?<=\s))\s*(?P<wd>(?<![a-z])" + day + r")" + _GAP + r"(?P<d>\d{1,3})?" + _GAP
        + r"(?P<wm>" + month + r")" + _GAP + r"(?P<m>\d{1,3})?" + _GAP
        + year + _GAP + r"(?P<y>\d{1,6})?"
    )


_NUMBER_RE = re.compile(
    r"(?:^|(?<=[\s*#|]))(?P<label>s[o6])(?P<colon>\s*:)?\s*(?P<n>\d{1,5})?\s*/\s*"
    r"(?:(?:19|20)\d{2}\s*/\s*)?"  # "Số: 12/2024/QĐ-UBND": the year of a legal document
    r"(?P<sym>[a-z0-9đ&]+(?:\s*-\s*[a-z0-9đ&]+)*)"
)
#: What begins the body when no tên loại line is found (căn cứ, a first heading).
_BODY_START = re.compile(r"^[\s#*]*(?:can cu|thuc hien|theo|i\s*\.\s|phan\s+i\b|chuong\s+i\b|dieu\s+1\b)")
#: A citation ("Quyết định số 12/QĐ-UBND ngày …"), not the place-date line.
_CITATION = re.compile(r"\bs[o6]\s+\d")


def _strip_marks(text: str) -> str:
    return text.strip().strip("#*_ ").strip()


def header_end(doc: CheckedDocument) -> int:
    """Index of the block with the tên loại (KẾ HOẠCH, TỜ TRÌNH …), where the header ends;
    the first blocks when there is none."""

    def make() -> int:
        label = doc.plan.doc_type_label
        limit = min(len(doc.blocks), 40)
        if label:
            want = " ".join(fold(label).split())
            for k in range(limit):
                if " ".join(_strip_marks(doc.folded[k]).split()) == want:
                    return k
        limit = min(len(doc.blocks), _HEADER_MAX)
        for k in range(limit):
            if _BODY_START.match(doc.folded[k]):
                return k
        return limit

    return _memo(doc, "header_end", make)


@dataclass(frozen=True)
class DateLine:
    """The place-date line (ô 4) as printed: the block, the match, the parts as strings."""

    block: int
    match: re.Match[str]
    day: str | None
    month: str | None
    year: str | None

    @property
    def text(self) -> str:
        return self.match.string[self.match.start("wd"):self.match.end()].strip()


def date_line(doc: CheckedDocument) -> DateLine | None:
    """The header's place-date line, or None when the header has none."""

    def make() -> DateLine | None:
        pattern = _date_line_re()
        for k in range(header_end(doc)):
            for m in pattern.finditer(doc.folded[k]):
                before = doc.folded[k][: m.start()]
                if not m.group(0).startswith(",") and (before.strip() and _CITATION.search(before)):
                    continue  # "… số 12/QĐ-UBND ngày …": a citation, not ô 4
                return DateLine(k, m, m["d"], m["m"], m["y"])
        return None

    return _memo(doc, "date_line", make)


@dataclass(frozen=True)
class NumberLine:
    """The "Số: …/…" line (ô 3): the block, the match in the folded text."""

    block: int
    match: re.Match[str]

    def original(self, doc: CheckedDocument, group: int | str = 0) -> str:
        return doc.blocks[self.block].text[self.match.start(group):self.match.end(group)]


def number_line(doc: CheckedDocument) -> NumberLine | None:
    def make() -> NumberLine | None:
        for k in range(header_end(doc)):
            text = doc.folded[k]
            for m in _NUMBER_RE.finditer(text):
                if m["colon"] or not text[: m.start()].strip(" \t*#|"):
                    return NumberLine(k, m)  # "Số:" anywhere, or "Số" opening the line
        return None

    return _memo(doc, "number_line", make)


def _iso(text: str) -> _dt.date | None:
    try:
        return _dt.date.fromisoformat(text)
    except (TypeError, ValueError):
        return None


def date_range(doc: CheckedDocument) -> tuple[_dt.date, _dt.date] | None:
    """The first and last day the document may be dated: its issue date, or, with a blank
    day or month, the month or year its date line gives. None when nothing is known."""

    def make() -> tuple[_dt.date, _dt.date] | None:
        iso = _iso(doc.plan.issue_date or "")
        if iso:
            return iso, iso
        line = date_line(doc)
        if line is None or not line.year:
            return None
        parts = check_date(line.day, line.month, line.year)
        if parts.problem or parts.year is None:
            return None
        y = parts.year
        if parts.month:
            if parts.day:
                d = _dt.date(y, parts.month, parts.day)
                return d, d
            last = calendar.monthrange(y, parts.month)[1]
            return _dt.date(y, parts.month, 1), _dt.date(y, parts.month, last)
        return _dt.date(y, 1, 1), _dt.date(y, 12, 31)

    return _memo(doc, "date_range", make)


@dataclass
class Flow:
    """The folded blocks joined by one space, and where each block starts in it."""

    text: str
    starts: list[int]

    def location(self, doc: CheckedDocument, start: int, end: int) -> Location:
        """The block where ``start`` lies, its span narrowed to [start, end) cut at the block's end."""
        import bisect

        k = bisect.bisect_right(self.starts, start) - 1
        a = start - self.starts[k]
        block = doc.blocks[k]
        b = min(end - self.starts[k], len(block.text))
        excerpt = " ".join(self.text[start:end].split())
        original = block.text[a:b] if b > a else excerpt
        return block.location.with_span(a, b, " ".join(original.split())[:80] or excerpt[:80])


def original(doc: CheckedDocument, fl: Flow, start: int, end: int) -> str:
    """The printed words of a span of the flow, across blocks."""
    import bisect

    k = bisect.bisect_right(fl.starts, start) - 1
    parts = []
    pos = start
    while pos < end and k < len(doc.blocks):
        a = pos - fl.starts[k]
        b = min(end - fl.starts[k], len(doc.blocks[k].text))
        parts.append(doc.blocks[k].text[a:b])
        k += 1
        pos = fl.starts[k] if k < len(fl.starts) else end
    return " ".join(" ".join(parts).split())


def flow(doc: CheckedDocument) -> Flow:
    def make() -> Flow:
        starts: list[int] = []
        pos = 0
        for text in doc.folded:
            starts.append(pos)
            pos += len(text) + 1
        return Flow(" ".join(doc.folded), starts)

    return _memo(doc, "flow", make)


def locate(doc: CheckedDocument, text: str | None, start: int = 0) -> Location:
    """Like :meth:`CheckedDocument.locate`, falling back to shorter prefixes of ``text``
    (a parsed value loses the Markdown marks and line breaks the block still has)."""
    if not text:
        return Location()
    words = text.split()
    for n in (len(words), 6, 3):
        loc = doc.locate(" ".join(words[:n]), start)
        if loc.start is not None or loc.paragraph is not None or loc.line is not None:
            return loc
    return Location()


def last_index_of(doc: CheckedDocument, needle: str, start: int = 0) -> int | None:
    """The last block from ``start`` on whose folded text contains ``needle`` (folded)."""
    if not needle:
        return None
    want = fold(" ".join(needle.split()))
    for k in range(len(doc.blocks) - 1, start - 1, -1):
        if want in " ".join(doc.folded[k].split()):
            return k
    return None


_NOI_NHAN = re.compile(r"^[\s*_#]*" + fuzzy_pattern("noi nhan", vocab.ocr_letters()) + r"\s*:")


def signature_start(doc: CheckedDocument) -> int | None:
    """The block of the "Nơi nhận:" label (ô 9b), where the body has ended; None without one."""

    def make() -> int | None:
        for k in range(header_end(doc), len(doc.blocks)):
            if _NOI_NHAN.search(doc.folded[k]):
                return k
        return None

    return _memo(doc, "noi_nhan", make)
