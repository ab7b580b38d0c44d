"""Is a text clean, stripped of its diacritics, or garbled by OCR without Vietnamese data?"""
from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["TextQuality", "assess"]

# It runs on every parse: counting uses str methods and single-class patterns only.
# OCR without Vietnamese data prints digits and symbols inside words ("S6", "c4", "nhi€m",
# "¢6") and marks Vietnamese never uses (ä, ë, ï, ö, ü, ñ, ç …).
_GLYPH = re.compile(r"[€¢¥£©®ﬂﬁäëïöüÿñçåøæßÄËÏÖÜÑÇÅØÆ]")
_LETTER_DIGIT = re.compile(r"[A-Za-z][0-9]")
_DIGIT_LETTER = re.compile(r"[0-9][A-Za-z]")
MARKED_CLEAN = 0.06     # share of marked characters: about 0.2 in Vietnamese, 0 stripped
GARBLED = 0.02          # OCR glyphs per word above which a text is garbled
_CLEARLY_MARKED = 0.14  # above this share of marked characters a text is Vietnamese as printed
_SAMPLE = 20_000        # characters judged: the first pages say how the whole text reads


@dataclass(frozen=True)
class TextQuality:
    """``verdict`` is "clean", "stripped" (diacritics lost) or "garbled" (OCR without
    Vietnamese data). ``marked`` is the share of visible characters that carry marks (about
    0.2 in ordinary Vietnamese, 0 when stripped), ``garbled`` the OCR glyphs per word."""

    verdict: str
    marked: float
    garbled: float
    words: int


def assess(text: str) -> TextQuality:
    """Judge ``text`` by the share of marked letters and the rate of OCR glyphs."""
    sample = text[:_SAMPLE]
    # Counted with str methods, at C speed: every character that is not ASCII is a
    # letter with a mark in Vietnamese text (quotes and dashes aside, a rounding error).
    visible = len(sample) - sum(sample.count(c) for c in " \n\t\r") or 1
    marked = (len(sample) - len(sample.encode("ascii", "ignore"))) / visible
    words = sample.count(" ") + sample.count("\n") + 1
    glyphs = len(_GLYPH.findall(sample))
    if marked < _CLEARLY_MARKED:  # digits inside words matter only where marks are scarce
        glyphs += len(_LETTER_DIGIT.findall(sample)) + len(_DIGIT_LETTER.findall(sample))
    garbled = glyphs / words
    if garbled >= GARBLED and marked < _CLEARLY_MARKED:
        verdict = "garbled"
    elif marked < MARKED_CLEAN:
        verdict = "stripped"
    else:
        verdict = "clean"
    return TextQuality(verdict, round(marked, 3), round(garbled, 3), words)
