"""Stage 4c: Nơi nhận (ô 9b) → the list of recipients, in order."""
from __future__ import annotations

import re

from ..vn.text import squash
from .anchors import anchors
from .segment import Layout, Piece

__all__ = ["read_recipients"]

_ENTRY = re.compile(r"^\s*[-+•–—]\s*")
_MERGED = re.compile(r"(?<=[;.])\s*(?=[-+•]\s*\S)")
_TERMINATED = re.compile(r"[;.]\s*$")
_NOTE = re.compile(r"^\([^()]{1,30}\)\s*[;.]?$")               # "(B/c)" on a line of its own
_NOTE_AFTER = re.compile(r"\s*;\s*(\([^()]{1,30}\))$")         # "Văn phòng Chính phủ; (B/c)"


def _entries(pieces: list[Piece]) -> list[Piece]:
    """Split merged lines ("- Như trên; - UBND tỉnh; - Lưu: VT.") and join wrapped ones."""
    out: list[Piece] = []
    for piece in pieces:
        parts, at = [], 0
        for m in _MERGED.finditer(piece.text):
            if m.start() > at:
                parts.append(piece.cut(at, m.start()))
            at = m.end()
        parts.append(piece.cut(at))
        for part in parts:
            part = part.stripped()
            if not part.text:
                continue
            if out and not _ENTRY.match(part.text) and (not _TERMINATED.search(out[-1].text) or _NOTE.match(part.text)):
                prev = out[-1]
                out[-1] = Piece(prev.text + " " + part.text, prev.start, part.end, prev.line)
            else:
                out.append(part)
    return out


def _clean_entry(piece: Piece, layout: Layout) -> str | None:
    text = _ENTRY.sub("", piece.text)
    folded = layout.nt.folded[piece.end - len(text):piece.end]
    m = anchors().luu.match(folded)
    if m:
        # "Lưu: VT, LhT." ends at its period; what follows is a drafter's mark ("rf").
        end = re.search(r"[.;](?:\s|$)", text[m.end():])
        if end:
            text = text[:m.end() + end.start()]
    text = squash(text)
    text = re.sub(r"\s*[;.,]$", "", text)
    text = _NOTE_AFTER.sub(r" \1", text)  # the brace's note ("để báo cáo") belongs to the entry
    return text or None


def read_recipients(layout: Layout) -> tuple[list[str], list[Piece]]:
    """The Nơi nhận entries: leading dash and one final ';' or '.' removed, wraps joined."""
    values, pieces = [], []
    for piece in _entries(layout.recipients):
        value = _clean_entry(piece, layout)
        if value and any(c.isalnum() for c in value):
            values.append(value)
            pieces.append(piece)
    return values, pieces
