"""Stage 4e: the issuer of a document whose header block is missing.

Copies that start at "Số:" still say who issued them: in the body ("Ủy ban nhân dân
huyện ban hành Kế hoạch …"), in the signature ("TM. ỦY BAN NHÂN DÂN") and in the ký
hiệu ("KH-UBND"). The name of a local body ends with the name of its unit, which is
the địa danh of the date line (Nghị định 30/2020, Phụ lục I, II.4).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .. import vocab
from ..vn.text import fold, squash
from .segment import Layout

__all__ = ["InferredIssuer", "infer_issuer"]

_BODY_LINES = 8


@dataclass(frozen=True)
class InferredIssuer:
    """An issuer reasoned from the body: ``name`` in upper case, ``span`` of the phrase used."""

    name: str
    span: tuple[int, int] | None
    confidence: float


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    header = vocab.load("header")
    body = vocab.load("body")
    orgs = sorted([*header["org_starts"], *(fold(k) for k in header["org_abbreviations"])], key=len, reverse=True)
    levels = sorted(header["levels"], key=len, reverse=True)
    verbs = "|".join(re.escape(v) for v in body["issuing_verbs"])
    types = "|".join(re.escape(t.folded) for t in vocab.doc_types())
    phrase = re.compile(
        r"(?<![a-z])(?P<org>" + "|".join(re.escape(o) for o in orgs) + r")(?:\s*\([^)]{1,20}\))?"
        r"(?:\s+(?P<level>" + "|".join(re.escape(lv) for lv in levels) + r"))?"
        r"(?P<name>(?:\s+[^\s,.;:()]+){0,4}?)\s+(?:" + verbs + r")\s+(?:" + types + r")(?![a-z])"
    )
    level_only = re.compile(r"(?<![a-z])(?P<level>" + "|".join(re.escape(lv) for lv in levels) + r")\s+$")
    return phrase, level_only


def _expand(org_printed: str) -> str:
    abbreviations = vocab.load("header")["org_abbreviations"]
    for abbr, full in abbreviations.items():
        if fold(org_printed) == fold(abbr):
            return full
    return org_printed.upper()


def _level_of_place(layout: Layout, place: str | None) -> str | None:
    """The level word printed before the place name in the title or body ("huyện Lộc Ninh")."""
    if not place:
        return None
    levels = vocab.load("header")["levels"]
    target = fold(place)
    text = layout.nt.folded
    for m in re.finditer(re.escape(target), text):
        before = text[max(0, m.start() - 12):m.start()]
        for key in sorted(levels, key=len, reverse=True):
            if before.endswith(key + " "):
                return key
    return None


def infer_issuer(layout: Layout, place: str | None, signature_org: str | None, symbol: str | None) -> InferredIssuer | None:
    """Reason the issuer from the body, the signature and the ký hiệu; None if nothing says."""
    phrase, _ = _patterns()
    nt = layout.nt
    start, stop = layout.body
    seen = 0
    for i in range(start, stop):
        if not nt.lines[i].strip():
            continue
        seen += 1
        if seen > _BODY_LINES:
            break
        a, b = nt.line_span(i)
        m = phrase.search(nt.folded, a, b)
        if not m:
            continue
        org = _expand(squash(nt.text[m.start("org"):m.end("org")]))
        level = m.group("level")
        name = squash(nt.text[m.start("name"):m.end("name")])
        if name and not name[0].isupper():
            name = ""
        parts = [org]
        if level:
            parts.append(vocab.load("header")["levels"][level].upper())
            if not name and place:
                name = place
        if name:
            parts.append(name.upper())
        confidence = 0.8 if level and name else 0.6
        return InferredIssuer(" ".join(parts), (m.start(), m.end("name") if name else m.end("org")), confidence)
    org = signature_org
    if not org and symbol:
        body_part = symbol.split("-")[-1] if "-" in symbol else symbol
        full = _expand(body_part)
        org = full if full != body_part.upper() else None
    if not org:
        return None
    level = _level_of_place(layout, place)
    parts = [_expand(org)]
    if level and place:
        parts += [vocab.load("header")["levels"][level].upper(), place.upper()]
    return InferredIssuer(" ".join(parts), None, 0.5 if level else 0.3)
