"""Positioned words (from a PDF's text layer or from OCR) → printed lines.

Words whose vertical extents overlap form a line; within a line a gap wider than
``COLUMN_GAP`` times the text height separates two columns and is written as a run of
spaces, the way the parser expects a two-column header or footer line
("ỦY BAN NHÂN DÂN        CỘNG HÒA XÃ HỘI …"). Coordinates are points from the top left.
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass
from statistics import median

from .source import SourceLine

__all__ = ["COLUMN_GAP", "Word", "words_to_lines"]

COLUMN_GAP = 2.2        # a gap wider than this many text heights splits two columns
_COLUMN_SPACES = " " * 8


@dataclass(frozen=True)
class Word:
    """A word or run of text and its box: x0, y0 (top), x1, y1 (bottom), in points."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def height(self) -> float:
        return max(self.y1 - self.y0, 0.1)


def _same_line(word: Word, top: float, bottom: float) -> bool:
    overlap = min(word.y1, bottom) - max(word.y0, top)
    return overlap >= 0.5 * min(word.height, bottom - top)


RIGHT_HALF = 0.45       # a line that starts past this share of the page width is indented
_INDENT = " " * 16      # … by this much, so that a lone right-column line ("VIỆT NAM" of a
                        # wrapped Quốc hiệu) is not read as the left column


def words_to_lines(words: list[Word], page: int, page_width: float | None = None) -> list[SourceLine]:
    """Group ``words`` into lines in reading order (top to bottom, left to right)."""
    words = [w for w in words if w.text.strip()]
    if not words:
        return []
    words.sort(key=lambda w: ((w.y0 + w.y1) / 2, w.x0))
    groups: list[list[Word]] = []
    top = bottom = 0.0
    for w in words:
        if groups and _same_line(w, top, bottom):
            groups[-1].append(w)
            top, bottom = min(top, w.y0), max(bottom, w.y1)
        else:
            groups.append([w])
            top, bottom = w.y0, w.y1
    lines = []
    for group in groups:
        group.sort(key=lambda w: w.x0)
        height = median(w.height for w in group)
        parts = [group[0].text]
        for prev, w in itertools.pairwise(group):
            gap = w.x0 - prev.x1
            if gap > COLUMN_GAP * height:
                parts.append(_COLUMN_SPACES)
            elif gap > 0.15 * height and not prev.text.endswith(" ") and not w.text.startswith(" "):
                parts.append(" ")
            parts.append(w.text)
        text = "".join(parts).strip()
        box = (min(w.x0 for w in group), min(w.y0 for w in group), max(w.x1 for w in group), max(w.y1 for w in group))
        if page_width and box[0] > RIGHT_HALF * page_width:
            text = _INDENT + text
        lines.append(SourceLine(text, page, box))
    return lines
