"""Compiled matchers for the fixed parts of a document, built from the vocabulary.

Every pattern here runs on the *folded* view of a line (lower case, no marks, đ→d; see
:func:`vbhc.vn.text.fold`) and tolerates the OCR confusions in ``data/ocr.toml``. Match
offsets are offsets in the normalised line, from which the caller cuts the value.
"""
from __future__ import annotations

import re
from functools import cache

from .. import vocab
from ..vn.fuzzy import fuzzy_pattern

__all__ = ["Anchors", "anchors"]


def _fz(phrase: str, exact: int = 1) -> str:
    return fuzzy_pattern(phrase, vocab.ocr_letters(), exact_letters=exact)


def _alternation(phrases: list[str], exact: int = 1) -> str:
    return "(?:" + "|".join(_fz(p, exact) for p in sorted(set(phrases), key=len, reverse=True)) + ")"


class Anchors:
    """The compiled patterns. Built once; see :func:`anchors`."""

    def __init__(self) -> None:
        header = vocab.load("header")
        signing = vocab.load("signing")
        body = vocab.load("body")
        words = header["date_words"]

        self.quoc_hieu = re.compile(_fz(header["quoc_hieu"], exact=0) + "|" + _fz(header["quoc_hieu_head"], exact=0))
        self.quoc_hieu_tail = re.compile(r"^[\s.,:;'’`\-]*" + _fz(header["quoc_hieu_tail"], exact=0) + r"[\s.,:;]*$")
        self.tieu_ngu = re.compile(_fz(header["tieu_ngu"], exact=0) + "|" + _fz(header["dang"], exact=1))
        self.party_committee = re.compile(r"^\s*(?:tinh|huyen|thanh|thi|quan|dang)\s+uy(?![a-z])")
        # "Số: 263 /KH-UBND", "So: ..../QĐ-UBND", "Số: 12/2025/QĐ-UBND", "Số 57-NQ/TW".
        self.number = re.compile(
            # (possessive quantifiers: "Số:" and 20,000 spaces must not backtrack)
            r"^\s*+" + _fz(header["so_label"], exact=0) + r"\s*+[:;.]?\s*+"
            r"(?P<seq>\d{1,6}(?=\s*[/-]))?[\s._…]*+(?:-+\s*(?=/))?"
            # "/KH-UBND"; or, a blank number whose slash a scan lost, "Số:- KH-UBND"
            r"(?:(?P<sep>[/-])\s*|(?<![\d])-?\s*(?=[a-z]{1,6}-))(?P<sym>[^\W_][\w&.]*(?:\s?[/-]\s?[\w&.]+)*)"
        )
        blank = r"[\s._…]*+"
        self.date_line = re.compile(
            _fz(words["day"]) + blank + r"(?P<d>\d{1,2})?" + blank
            + _fz(words["month"]) + blank + r"(?P<m>\d{1,2})?" + blank
            + _fz(words["year"]) + blank + r"(?P<y>\d{2,5})?"
        )
        types = [t for t in vocab.doc_types() if t.heading]
        self._types_by_pattern = [(re.compile(r"^\s*" + _fz(t.folded) + r"(?![a-z])"), t) for t in types]
        self.cong_van_subject = re.compile(r"(?<![a-z])(?:" + "|".join(_fz(s) for s in header["cong_van_subject"]) + r")\s*[:.]?\s*")
        self.markings = re.compile(r"^\s*(?:" + "|".join(re.escape(m) for m in header["markings"]) + r")\s*$")
        self.org_start = re.compile(r"^\s*(?:" + "|".join(re.escape(o) for o in header["org_starts"]) + r")(?![a-z])")
        self.level = re.compile(r"^\s*(?:" + "|".join(re.escape(k) for k in header["levels"]) + r")(?![a-z])")
        # "Nơi nhận:" ends its words: "Nơi nhận hồ sơ: Sở Nội vụ" in a body is not ô 9b.
        self.noi_nhan = re.compile(r"^\s*" + _fz(signing["labels"]["noi_nhan"]) + r"\s*(?:[:;.]|$|(?=\s+[-+•])|(?=\s{2,}))")
        self.kinh_gui = re.compile(r"^\s*" + _fz(signing["labels"]["kinh_gui"]) + r"\s*:")
        self.luu = re.compile(r"^\s*" + _fz(signing["labels"]["luu"]) + r"\s*:")
        self.prefix = re.compile(r"^\s*(?P<p>t\s*/\s*m|" + "|".join(signing["prefixes"]) + r")\s*\.\s*")
        self.garbled_prefix = re.compile(r"^\s*(?P<p>[a-z]{1,3})\s*\.\s+")
        known = sorted({*signing["prefixes"], *signing["prefix_variants"]}, key=len, reverse=True)
        self.prefix_anywhere = re.compile(
            r"(?<![a-z0-9])(?P<p>" + "|".join(re.escape(k) for k in known) + r")(?:\s*\.\s*|\s+(?=[a-z]))"
        )
        self.sign_title = re.compile(r"^\s*" + _alternation(signing["titles"]["words"]) + r"(?![a-z])")
        self.sign_title_at = re.compile(_alternation(signing["titles"]["words"]) + r"(?![a-z])")
        self.noise = re.compile(r"^\s*[(\[]?\s*(?:" + "|".join(re.escape(n) for n in signing["block"]["noise"]) + r")")
        self.openers_hard = re.compile(r"^\s*(?:can cu|kinh gui|dieu\s+\d)")
        self.openers = re.compile(r"^\s*(?:" + "|".join(_fz(o) for o in body["openers"]) + r")(?![a-z])")
        self.authority = re.compile(r"^\s*(?:" + "|".join(re.escape(a) for a in body["authority_starts"]) + r")(?![a-z])")
        self.stamp_time = re.compile(r"\d{1,2}[-/.]\d{1,2}[-/.]\d{4}\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[+-]\d{2}:?\d{2})?")
        self.rule_line = re.compile(r"^[\s\-_=*.~+•·]*$")

    def doc_type_at(self, folded_line: str) -> tuple[vocab.DocType, int] | None:
        """The document type a heading line starts with, and where its name ends."""
        for pattern, doc_type in self._types_by_pattern:
            m = pattern.match(folded_line)
            if m:
                return doc_type, m.end()
        return None


@cache
def anchors() -> Anchors:
    """The shared, compiled :class:`Anchors`."""
    return Anchors()
