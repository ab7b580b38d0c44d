"""Content checks of the document's structure: the numbering of mục, khoản and điểm, the
required components of Điều 8 khoản 2, the signature block, Nơi nhận and the closing "./."."""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from .. import vocab
from ..vn.fuzzy import fuzzy_pattern
from ..vn.text import fold, fold_char, is_upper_text
from .content_common import date_line, header_end, last_index_of, number_line, signature_start
from .document import CheckedDocument
from .finding import Finding, Location
from .rules import finding, rules

__all__ = ["CHECKS"]

# ------------------------------------------------------------------ numbering

_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_ROMAN_RE = re.compile(r"^(?P<label>[IVXLC1l]{1,6})\s*[.)]\s+(?P<rest>\S.*)$")
_KHOAN_RE = re.compile(r"^(?P<label>\d{1,2})\s*\.\s+(?!\d)(?P<rest>\S)")
_DIEM_RE = re.compile(r"^(?P<label>\S)\s*[).]\s+\S")
_DIEU_RE = re.compile(r"^(?:dieu|phan|chuong|muc)\s+[0-9ivxlc]+\b")
_PART_RE = re.compile(r"^(?:danh sach|phu luc|\(kem theo)")

#: Letters of the điểm in order (NĐ 30/2020, Phụ lục I, mục II.6: "a) b) c) d) đ) e) g) …").
_LETTERS = "a b c d đ e g h i k l m n o p q r s t u v x y".split()
_LETTER_INDEX = {c: i for i, c in enumerate(_LETTERS)}

_LEVELS = {
    "roman": ("mục", "section"),
    "khoan": ("khoản", "clause"),
    "diem": ("điểm", "point"),
}


@cache
def _ocr_roman() -> dict[str, str]:
    out: dict[str, str] = {}
    for canonical, variants in vocab.load("ocr")["roman"].items():
        for v in variants:
            out[v] = canonical
    return out


def _roman_value(label: str) -> int | None:
    label = _ocr_roman().get(label, label)
    if not label or any(c not in _ROMAN_VALUES for c in label):
        return None
    total = 0
    for a, b in zip(label, label[1:] + " ", strict=True):
        va, vb = _ROMAN_VALUES[a], _ROMAN_VALUES.get(b, 0)
        total += -va if va < vb else va
    return total if 0 < total < 40 else None


def _to_roman(n: int) -> str:
    out = ""
    for value, sym in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += sym
            n -= value
    return out


def _strip(text: str) -> tuple[str, int]:
    """The text without leading Markdown marks and spaces, and how much was cut."""
    stripped = text.lstrip(" \t#*>_")
    return stripped, len(text) - len(stripped)


class _Counter:
    """The last number seen at one level, reset when a higher level starts."""

    def __init__(self, level: str) -> None:
        self.level = level
        self.prev: int | None = None
        self.prev_label: str | None = None

    def reset(self) -> None:
        self.prev = None
        self.prev_label = None


def check_numbering(doc: CheckedDocument) -> Iterator[Finding]:
    """Mục La Mã, khoản and điểm in order: no gap (III → V), no duplicate, no step back."""
    ocr = doc.plan.text_quality.verdict != "clean"
    counters = {k: _Counter(k) for k in _LEVELS}
    start = header_end(doc) + 1
    for k in range(start, len(doc.blocks)):
        text, cut = _strip(doc.blocks[k].text)
        folded = doc.folded[k][cut:]
        if (_PART_RE.match(folded) and is_upper_text(text[:20])) or signature_start(doc) == k:
            for c in counters.values():
                c.reset()
            continue
        if _DIEU_RE.match(folded):
            counters["khoan"].reset()
            counters["diem"].reset()
            continue
        m = _ROMAN_RE.match(text)
        if m and is_upper_text(m["rest"]):
            value = _roman_value(m["label"])
            if value is not None:
                yield from _step(doc, k, cut, m, counters["roman"], value, _to_roman)
                counters["khoan"].reset()
                counters["diem"].reset()
                continue
        m = _KHOAN_RE.match(text)
        if m:
            yield from _step(doc, k, cut, m, counters["khoan"], int(m["label"]), str)
            counters["diem"].reset()
            continue
        m = _DIEM_RE.match(text)
        if m:
            ch = m["label"]
            if ch != "¢" and not (ch.isalpha() and ch.islower()):  # "¢": OCR's "c"
                continue
            letter = "đ" if ch == "đ" else fold_char(ch)
            if letter not in _LETTER_INDEX:
                continue
            counter = counters["diem"]
            value = _LETTER_INDEX[letter]
            if counter.prev == _LETTER_INDEX["d"]:
                if letter == "e":  # "d) e)": the common numbering without "đ)"
                    counter.prev, counter.prev_label = value, letter
                    continue
                if ocr and letter == "d":  # OCR reads "đ)" as "d)"
                    counter.prev, counter.prev_label = _LETTER_INDEX["đ"], "đ"
                    continue
            yield from _step(doc, k, cut, m, counter, value, lambda i: _LETTERS[i])


def _step(doc: CheckedDocument, k: int, cut: int, m: re.Match[str], counter: _Counter, value: int,
          show: object) -> Iterator[Finding]:
    name, name_en = _LEVELS[counter.level]
    label = show(value)  # type: ignore[operator]
    loc = doc.blocks[k].location.with_span(cut + m.start("label"), cut + m.end("label"), m["label"])
    prev = counter.prev
    first = 0 if counter.level == "diem" else 1
    if prev is None:
        if value > first and counter.level == "roman":
            missing = ", ".join(show(i) for i in range(first, value))  # type: ignore[operator]
            yield finding("nd30.muc.thieu", loc, level=name, level_en=name_en, prev="đầu", cur=label, missing=missing)
    elif value == prev:
        yield finding("nd30.muc.trung", loc, level=name, level_en=name_en, level_cap=name.capitalize(), cur=label)
    elif value < prev:
        yield finding("nd30.muc.thu-tu", loc, level=name, level_en=name_en, prev=counter.prev_label, cur=label)
    elif value > prev + 1:
        skipped = [show(i) for i in range(prev + 1, value)]  # type: ignore[operator]
        if counter.level == "diem":
            skipped = [s for s in skipped if s != "đ"]
            if not skipped:
                counter.prev, counter.prev_label = value, label
                return
        yield finding("nd30.muc.thieu", loc, level=name, level_en=name_en, prev=counter.prev_label, cur=label,
                      missing=", ".join(skipped))
    counter.prev, counter.prev_label = value, label


# ------------------------------------------------------------------ required components


@cache
def _header_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    letters = vocab.ocr_letters()
    header = vocab.load("header")
    quoc_hieu = re.compile(fuzzy_pattern(header["quoc_hieu_head"], letters) + "|" + fuzzy_pattern("chu nghia viet nam", letters))
    tieu_ngu = re.compile(fuzzy_pattern("doc lap", letters) + "|" + fuzzy_pattern("tu do - hanh phuc", letters))
    return quoc_hieu, tieu_ngu


def _is_award_report(doc: CheckedDocument) -> bool:
    """A Báo cáo thành tích follows its own form (no Số, no Nơi nhận)."""
    plan = doc.plan
    return plan.report is not None or (plan.doc_type == "BAO_CAO" and "thanh tich" in fold(plan.doc_type_label or "") + " " + fold(plan.title or "")[:40])


def check_components(doc: CheckedDocument) -> Iterator[Finding]:
    """Điều 8 khoản 2: one finding for each required component the document lacks."""
    plan = doc.plan
    end = header_end(doc)
    quoc_hieu, tieu_ngu = _header_patterns()
    scan = doc.folded[: max(end, 1) + 1]
    missing: list[tuple[str, str, str]] = []
    has_qh = any(quoc_hieu.search(t) for t in scan)
    has_tn = any(tieu_ngu.search(t) for t in scan)
    if not has_qh and not has_tn:
        missing.append(("ô 1", "Quốc hiệu và Tiêu ngữ", "the national title and motto"))
    elif not has_qh:
        missing.append(("ô 1", "Quốc hiệu", "the national title"))
    elif not has_tn:
        missing.append(("ô 1", "Tiêu ngữ", "the motto"))
    if not plan.issuer or not plan.issuer_printed:
        missing.append(("ô 2", "tên cơ quan, tổ chức ban hành văn bản", "the name of the issuing body"))
    report = _is_award_report(doc)
    if not report and number_line(doc) is None and not plan.number:
        missing.append(("ô 3", "số, ký hiệu của văn bản", "the number and symbol"))
    if plan.doc_type != "BIEN_BAN" and date_line(doc) is None and not plan.issue_date:
        missing.append(("ô 4", "địa danh và thời gian ban hành văn bản", "the place and date of issue"))
    if not plan.doc_type:
        missing.append(("ô 5a", "tên loại văn bản", "the document type"))
    if not plan.title:
        missing.append(("ô 5", "trích yếu nội dung văn bản", "the subject line"))
    signer = plan.signer
    if not (signer.title or signer.name or signer.block):
        missing.append(("ô 7", "chức vụ, họ tên và chữ ký của người có thẩm quyền", "the signer's position, name and signature"))
    if not report and not plan.recipients and signature_start(doc) is None:
        missing.append(("ô 9b", "nơi nhận", "the recipients"))
    for box, vi, en in missing:
        # the box of the layout (Phụ lục I, Phần I, mục IV) where the component belongs: one
        # finding per component (the engine keeps one finding per rule and place)
        yield finding("nd30.thanh-phan.thieu", Location(f"{box} ({vi})"), component=vi, component_en=en)


# ------------------------------------------------------------------ signature, recipients, closing

_COLLECTIVE = ("uy ban nhan dan", "ubnd")
_HEAD_TITLES = ("chu tich", "pho chu tich")


def check_signature(doc: CheckedDocument) -> Iterator[Finding]:
    """A UBND document signed by its chairman or a vice-chairman carries "TM. ỦY BAN NHÂN DÂN"."""
    plan = doc.plan
    signer = plan.signer
    if not plan.issuer or not signer.title or plan.doc_type == "BIEN_BAN":
        return
    issuer = " ".join(fold(plan.issuer).split())
    title = " ".join(fold(signer.title).split())
    if not issuer.startswith(_COLLECTIVE) or title not in _HEAD_TITLES:
        return
    start = header_end(doc)
    for k in range(start, min(start + 6, len(doc.blocks))):
        if doc.folded[k].strip(" *#").startswith(("chu tich uy ban nhan dan", "chu tich ubnd")):
            return  # a document in the chairman's own name (Quyết định of the Chủ tịch): no TM.
    prefixes = vocab.load("signing")
    tm = {"tm", *(k for k, v in prefixes["prefix_variants"].items() if v == "tm")}
    for line in signer.block:
        head = fold(line).strip().split(" ", 1)[0].rstrip(".")
        if head in tm or head.startswith("tm."):
            return
    k = last_index_of(doc, signer.title, header_end(doc))
    loc = Location()
    if k is not None:
        at = " ".join(doc.folded[k].split()).find(title)
        text = doc.blocks[k].text
        loc = doc.blocks[k].location.with_span(0, len(text), " ".join(text.split())[:80]) if at < 0 else \
            _span_of(doc, k, signer.title)
    yield finding("nd30.chu-ky.tm", loc, issuer=plan.issuer, title=signer.title)


def _span_of(doc: CheckedDocument, k: int, needle: str) -> Location:
    hay = doc.folded[k]
    want = fold(needle)
    at = hay.rfind(want)
    block = doc.blocks[k]
    if at < 0:
        return block.location.with_span(0, len(block.text), " ".join(block.text.split())[:80])
    return block.location.with_span(at, at + len(want), block.text[at:at + len(want)])


def check_recipients(doc: CheckedDocument) -> Iterator[Finding]:
    """The last entry of Nơi nhận is "- Lưu: VT, …"."""
    recipients = doc.plan.recipients
    if not recipients or (doc.docx is not None and "nd30.noi-nhan.luu" in rules()):
        return  # a Word file: the format rule nd30.noi-nhan.luu says it, with the layout
    last = recipients[-1].strip()
    if fold(last).lstrip("- ").startswith(("luu", "lu:", "lưu")):
        return
    start = signature_start(doc) or header_end(doc)
    k = last_index_of(doc, last, start)
    loc = _span_of(doc, k, last) if k is not None else Location()
    yield finding("nd30.noi-nhan.luu-cuoi", loc, last=last)


_CLOSING = re.compile(r"\./\.|\.\s*/\s*\.|/\.\s*$")


def check_closing(doc: CheckedDocument) -> Iterator[Finding]:
    """The body ends with "./." (Mẫu 1.4): a note when no paragraph before Nơi nhận does."""
    end = signature_start(doc)
    if end is None or _is_award_report(doc):
        return
    start = header_end(doc)
    last = None
    for k in range(end - 1, start, -1):
        text = doc.blocks[k].text.strip()
        if _CLOSING.search(text):
            return
        words = text.split()
        if not any(c.isalpha() for c in text) or is_upper_text(text) or (len(words) <= 5 and all(w[:1].isupper() for w in words)):
            continue  # a title or a name of the signature block (Biên bản puts Nơi nhận after it)
        last = k
        break
    if last is None:
        return
    text = doc.blocks[last].text
    excerpt = " ".join(text.split())
    excerpt = excerpt if len(excerpt) <= 60 else "…" + excerpt[-59:]
    yield finding("nd30.noi-dung.ket-thuc", doc.blocks[last].location.with_span(0, len(text), excerpt), text=excerpt)


CHECKS = (check_numbering, check_components, check_signature, check_recipients, check_closing)
