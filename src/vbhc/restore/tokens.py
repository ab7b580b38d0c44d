"""Syllables in running text: runs of letters that only spaces separate."""
from __future__ import annotations

import re
from collections.abc import Iterator

from ..vn.text import new_tone_placement, nfc

__all__ = ["GARBLED_SYLLABLE", "SYLLABLE", "runs"]

SYLLABLE = re.compile(r"[^\W\d_]+")
# In OCR'd text a syllable may hold digits and symbols for letters ("S6", "c4", "K&",
# "hi€u"), as long as it has a letter: numbers and codes stay apart.
GARBLED_SYLLABLE = re.compile(r"(?:[^\W\d_]|[0-9&€¢¥@])*[^\W\d_](?:[^\W\d_]|[0-9&€¢¥@])*(?![0-9/])")
_BREAK = re.compile(r"[^\s]")


def runs(text: str) -> Iterator[list[str]]:
    """Runs of syllables (as printed) that only white space separates."""
    text = new_tone_placement(nfc(text))
    run: list[str] = []
    last_end = 0
    for m in SYLLABLE.finditer(text):
        if run and text[last_end:m.start()].strip():
            yield run
            run = []
        run.append(m.group())
        last_end = m.end()
    if run:
        yield run
