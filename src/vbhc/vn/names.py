"""Telling a person's name from the words around it.

A signer's name is printed in title case ("Lê Thị Anh Tuyết") under, or at the end of,
the upper-case title lines; OCR and page dumps often run them together.
"""
from __future__ import annotations

import re
from functools import cache

from .. import vocab
from .text import fold

__all__ = ["is_person_name", "starts_with_surname", "trailing_name_start"]

_TOKEN = re.compile(r"\S+")


@cache
def _surnames() -> frozenset[str]:
    return frozenset(vocab.load("signing")["names"]["surnames"])


@cache
def _ranks() -> re.Pattern[str]:
    words = sorted(vocab.load("signing")["ranks"]["words"], key=len, reverse=True)
    return re.compile(r"^(?:" + "|".join(re.escape(w) for w in words) + r")(?:\s+|$)")


def _title_case(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    if not letters or len(letters) != len(word):
        return False
    if not letters[0].isupper():
        return False
    return len(letters) == 1 or any(c.islower() for c in letters[1:])


def starts_with_surname(text: str) -> bool:
    """True when the first word of ``text`` is a common Vietnamese family name."""
    words = fold(text).split()
    return bool(words) and words[0] in _surnames()


def is_person_name(text: str) -> bool:
    """True for 2–6 title-case words ("Kim Thai Phong", "Nguyễn Văn A")."""
    words = text.split()
    return 2 <= len(words) <= 6 and all(_title_case(w) for w in words)


def trailing_name_start(text: str) -> int | None:
    """Offset in ``text`` where a trailing person's name begins, or None.

    "KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Lộc Hà" → the offset of "Nguyễn". A rank or
    degree before the name ("Thượng tướng Võ Minh Lương") is left out of it.
    """
    tokens = list(_TOKEN.finditer(text))
    k = len(tokens)
    while k > 0 and _title_case(tokens[k - 1].group()):
        k -= 1
    name_tokens = tokens[k:]
    if len(name_tokens) > 6:
        name_tokens = name_tokens[-6:]
    # Drop a leading rank ("Thượng tướng") if one stands before the name.
    while name_tokens:
        rest = fold(text[name_tokens[0].start():])
        m = _ranks().match(rest)
        if not m or len(name_tokens) <= 2:
            break
        consumed = len(m.group().split())
        name_tokens = name_tokens[consumed:]
    if len(name_tokens) > 6:
        name_tokens = name_tokens[-6:]
    if not 2 <= len(name_tokens) <= 6:
        return None
    return name_tokens[0].start()


def strip_rank(text: str) -> str:
    """``text`` without a trailing rank or degree ("THỨ TRƯỞNG Thượng tướng" → "THỨ TRƯỞNG")."""
    folded = fold(text).rstrip()
    for m in re.finditer(r"\S+", folded):
        rest = folded[m.start():]
        hit = _ranks().match(rest)
        if hit and len(hit.group().rstrip()) == len(rest):
            return text[:m.start()].rstrip()
    return text


def without_rank(piece):  # type: ignore[no-untyped-def]
    """``piece`` (anything with ``text`` and ``cut``) without a trailing rank or degree."""
    kept = strip_rank(piece.text)
    return piece if len(kept) == len(piece.text) else piece.cut(0, len(kept)).stripped()
