"""The OCR channel: what a garbled token ("ngdy", "S6", "chirc", "Qiéy") may stand for.

``data/ocr.toml`` lists, for each letter, the glyphs OCR without Vietnamese data prints for
it. Read backwards, it says what a glyph may have been. A token that is not a syllable is
rewritten with up to two such substitutions; the rewrites that are known syllables (folded
keys of the model) are its candidates, fewest substitutions first.
"""
from __future__ import annotations

from functools import cache

from .. import vocab

__all__ = ["channel_keys"]

_MAX_EDITS = 2
_MAX_KEYS = 6


@cache
def _reverse() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """glyph sequence → letters it may stand for, longest glyph first."""
    table: dict[str, set[str]] = {}
    for letter, glyphs in vocab.ocr_letters().items():
        for g in glyphs:
            if g:  # a dropped letter is not searched for: it would try every position
                table.setdefault(g.lower(), set()).add(letter)
    # the extra glyph folds of vbhc.vn.text.fold (€→e, ¢→c) already happened
    return tuple(sorted(((g, tuple(sorted(v))) for g, v in table.items()), key=lambda gv: -len(gv[0])))


def _edits(key: str) -> set[str]:
    """Keys one substitution away from ``key``."""
    out = set()
    for glyph, letters in _reverse():
        start = key.find(glyph)
        while start >= 0:
            for letter in letters:
                out.add(key[:start] + letter + key[start + len(glyph):])
            start = key.find(glyph, start + 1)
    return out


def channel_keys(key: str, known: dict[str, tuple[str, ...]]) -> list[tuple[str, int]]:
    """Known keys a garbled folded token may stand for, with their number of substitutions."""
    return list(_channel_keys(key, id(known), _Known(known)))


class _Known:
    """Wraps the model's key table so that the search below can be cached per key."""

    def __init__(self, table: dict[str, tuple[str, ...]]) -> None:
        self.table = table

    def __hash__(self) -> int:
        return id(self.table)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Known) and other.table is self.table


@cache
def _channel_keys(key: str, _table_id: int, wrapped: _Known) -> tuple[tuple[str, int], ...]:
    known = wrapped.table
    found: dict[str, int] = {}
    frontier = {key}
    seen = {key}
    for edits in range(1, _MAX_EDITS + 1):
        nxt = set()
        for k in frontier:
            for e in _edits(k):
                if e in seen:
                    continue
                seen.add(e)
                nxt.add(e)
                if e in known:
                    found.setdefault(e, edits)
        frontier = nxt
        if len(frontier) > 4000:
            break
    return tuple(sorted(found.items(), key=lambda ke: ke[1])[: _MAX_KEYS * 2])
