"""OCR-tolerant patterns over the folded view of a text.

:func:`fuzzy_pattern` turns a folded phrase ("noi nhan") into a regular expression that
also accepts what OCR without Vietnamese data prints for it ("noi nhin", "N6i nhan"
folded), using a table of letter confusions kept as data (``data/ocr.toml``).
"""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

__all__ = ["fuzzy_pattern"]


def _letter_class(ch: str, confusions: Mapping[str, Sequence[str]]) -> str:
    alternatives = [ch, *confusions.get(ch, ())]
    if "" in alternatives:  # OCR may drop this letter: the class becomes optional
        return "(?:" + _letter_class(ch, {ch: [a for a in alternatives[1:] if a]}) + ")?"
    singles = sorted({a for a in alternatives if len(a) == 1})
    multis = sorted({a for a in alternatives if len(a) > 1}, key=len, reverse=True)
    parts = [re.escape(m) for m in multis]
    if singles:
        parts.append("[" + "".join(re.escape(s) for s in singles) + "]" if len(singles) > 1 else re.escape(singles[0]))
    return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"


def fuzzy_pattern(
    phrase: str,
    confusions: Mapping[str, Sequence[str]],
    *,
    exact_letters: int = 1,
    space: str = r"\s*",
) -> str:
    """Regex source matching the folded ``phrase`` with OCR letter confusions.

    The first ``exact_letters`` letters must be read right: anchors rarely lose their
    first letter, and demanding it keeps the pattern from matching everywhere. Spaces
    in the phrase match ``space`` (OCR drops and doubles them). Punctuation must match
    as written, with optional spaces around hyphens.
    """
    out: list[str] = []
    letters_seen = 0
    for ch in phrase:
        if ch == " ":
            out.append(space)
        elif ch == "-":
            out.append(r"\s*-\s*")
        elif ch.isalpha():
            letters_seen += 1
            out.append(re.escape(ch) if letters_seen <= exact_letters else _letter_class(ch, confusions))
        else:
            out.append(re.escape(ch))
    return "".join(out)
