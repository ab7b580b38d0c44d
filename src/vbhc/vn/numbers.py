"""Counts as Vietnamese documents print them: "05", "06", or in words ("mười hai")."""
from __future__ import annotations

__all__ = ["COUNT", "parse_count"]

_UNITS = {"mot": 1, "mốt": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4, "nam": 5, "lam": 5, "nham": 5,
          "sau": 6, "bay": 7, "tam": 8, "chin": 9}

#: A count in the folded text: digits, or number words up to 99 ("muoi hai", "hai muoi lam").
COUNT = (
    r"(?:\d{1,4}|(?:(?:mot|hai|ba|bon|nam|sau|bay|tam|chin)\s+muoi|muoi)"
    r"(?:\s+(?:mot|hai|ba|bon|tu|nam|lam|nham|sau|bay|tam|chin))?"
    r"|mot|hai|ba|bon|nam|sau|bay|tam|chin)"
)


def parse_count(folded: str) -> int | None:
    """The integer a folded count stands for: "05" → 5, "muoi hai" → 12, "hai muoi lam" → 25."""
    s = folded.strip()
    if s.isdigit():
        return int(s)
    words = s.split()
    if not words:
        return None
    if "muoi" in words:
        k = words.index("muoi")
        tens = 1 if k == 0 else _UNITS.get(words[0])
        ones = _UNITS.get(words[k + 1], 0) if k + 1 < len(words) else 0
        return None if tens is None else tens * 10 + ones
    return _UNITS.get(words[0]) if len(words) == 1 else None

