"""Vietnamese text primitives: NFC, tone placement, and the folded matching view.

Every function here preserves string length except :func:`nfc`, so that a span found
in :func:`fold` output is the same span in its input. That is what lets every matcher
work on a folded view while every value is cut from the original text.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["fold", "fold_char", "is_upper_text", "new_tone_placement", "nfc", "squash", "strip_marks"]

_COMBINING_TONES = {
    "\u0300",  # huyền
    "\u0301",  # sắc
    "\u0309",  # hỏi
    "\u0303",  # ngã
    "\u0323",  # nặng
}

# Old-style placement puts the tone on the second vowel of an open "oa", "oe", "uy"
# syllable (hoà, khoẻ, uỷ); the new style, used by the decree's body text and by our
# output, puts it on the first (hòa, khỏe, ủy). Only at the end of a syllable: "hoàn"
# and "quý" are written the same in both styles.
_OLD_TONE = re.compile(r"[oOuU][àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸỳýỷỹỵỲÝỶỸỴ](?![^\W\d_])")
_PAIRS = {("o", "a"), ("o", "e"), ("u", "y")}


def nfc(text: str) -> str:
    """Return ``text`` in Unicode NFC (composed) form."""
    return unicodedata.normalize("NFC", text)


def _move_tone(text: str, m: re.Match[str]) -> str:
    v1, v2 = m.group()
    if m.start() and text[m.start() - 1] in "qQ":  # "quý": u belongs to the consonant
        return m.group()
    decomposed = unicodedata.normalize("NFD", v2)
    base, marks = decomposed[0], decomposed[1:]
    if (v1.lower(), base.lower()) not in _PAIRS or not marks or marks[0] not in _COMBINING_TONES:
        return m.group()
    return unicodedata.normalize("NFC", v1 + marks) + base


def new_tone_placement(text: str) -> str:
    """Rewrite old-style tone placement (hoà, uỷ) in the new style (hòa, ủy); same length.

    >>> new_tone_placement("UỶ BAN NHÂN DÂN, CỘNG HOÀ, hoàn thành, quý")
    'ỦY BAN NHÂN DÂN, CỘNG HÒA, hoàn thành, quý'
    """
    return _OLD_TONE.sub(lambda m: _move_tone(text, m), text)


# Characters folded one-for-one beyond the removal of marks: dashes, quotes, and the
# OCR glyphs that only ever stand for a letter.
_EXTRA_FOLDS = {
    "đ": "d", "Đ": "d", "ð": "d", "Ð": "d",
    "–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-",
    "“": '"', "”": '"', "„": '"', "«": '"', "»": '"',
    "‘": "'", "’": "'", "´": "'", "`": "'",
    "€": "e", "¢": "c", "¥": "y", "£": "e",
    "\u00a0": " ", "\t": " ",
}


@lru_cache(maxsize=4096)
def fold_char(ch: str) -> str:
    """Fold one character: lower case, no marks, đ→d; always one character out."""
    if ch in _EXTRA_FOLDS:
        return _EXTRA_FOLDS[ch]
    if ch < "\u0080":
        return ch.lower()
    base = unicodedata.normalize("NFD", ch)[0].lower()
    return base if len(base) == 1 else ch


_TABLE_END = 0x2300  # past the Latin, Vietnamese, punctuation and math-sign blocks


def _build_fold_table() -> tuple[str, ...]:
    """A table indexed by code point (a tuple: str.translate looks it up faster than a
    dict); characters past its end raise IndexError, which translate leaves unchanged."""
    table = [chr(code) for code in range(_TABLE_END)]
    for code in list(range(0x80, 0x250)) + list(range(0x1E00, 0x1F00)) + list(range(0x2000, 0x2070)):
        table[code] = fold_char(chr(code))
    for ch, folded in _EXTRA_FOLDS.items():
        table[ord(ch)] = folded
    for code in range(ord("A"), ord("Z") + 1):
        table[code] = chr(code).lower()
    return tuple(table)


_FOLD_TABLE = _build_fold_table()


def fold(text: str) -> str:
    """The matching view of ``text``: lower case, no diacritics, đ→d, plain dashes and quotes.

    The result has exactly the length of ``text`` (one character for one), so offsets
    found in it are offsets in ``text``.

    >>> fold("Số: 263/KH-UBND – Cần Thơ")
    'so: 263/kh-ubnd - can tho'
    """
    return text.translate(_FOLD_TABLE)


def strip_marks(text: str) -> str:
    """Remove diacritics but keep case (Đ→D): ``"Ủy ban"`` → ``"Uy ban"``."""
    out = []
    for ch in text:
        if ch in "đĐ":
            out.append("d" if ch == "đ" else "D")
            continue
        base = unicodedata.normalize("NFD", ch)[0]
        out.append(base)
    return "".join(out)


def is_upper_text(text: str, threshold: float = 0.8) -> bool:
    """True when at least ``threshold`` of the letters in ``text`` are upper case
    (judged on its first characters: a paragraph does not turn into a heading)."""
    sample = text[:80]
    lower = sample.lower()
    if sample == lower:
        return False  # no capital at all (or no letter)
    if sample == sample.upper():
        return True   # every letter a capital
    letters = [c for c in sample if c.isalpha()]
    upper = sum(1 for c in letters if c.isupper())
    return upper / len(letters) >= threshold


def squash(text: str) -> str:
    """Collapse runs of white space to one space and strip the ends."""
    return " ".join(text.split())


def contains_any(text: str, words: tuple[str, ...]) -> bool:
    """True when one of ``words`` stands in ``text`` (a plain loop: ``any()`` over a
    generator costs several times more on the hot paths that call this per line)."""
    for word in words:
        if word in text:
            return True
    return False
