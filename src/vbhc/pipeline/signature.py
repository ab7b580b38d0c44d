"""Stage 4b: the signature block (ô 7a–7c) → authority, title and name of the signer.

The authority is the prefix that governs the signer's own line: in "TM. ỦY BAN NHÂN DÂN
/ KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" the Phó Chủ tịch signs "KT.", so that is the authority.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import vocab
from ..vn.names import starts_with_surname, trailing_name_start, without_rank
from ..vn.text import fold, is_upper_text, squash
from .anchors import anchors
from .segment import Layout, Piece

__all__ = ["SignerReading", "read_signer"]

_DA_KY = re.compile(r"[(\[]\s*(?:đã ký|da ky|đã ky)\s*[)\]]|^\s*(?:đã ký|da ky)\s*$", re.IGNORECASE)


@dataclass
class SignerReading:
    """What the block says, with the pieces each value was cut from."""

    authority: str | None = None
    title: str | None = None
    name: str | None = None
    block: list[str] = field(default_factory=list)
    title_piece: Piece | None = None
    name_piece: Piece | None = None
    authority_inferred: bool = False


@dataclass
class _Segment:
    prefix: str | None      # folded canonical prefix ("kt"), "?" for a garbled one, or None
    piece: Piece


def _clean(layout: Layout) -> list[Piece]:
    a = anchors()
    out = []
    for piece in layout.signature:
        text = _DA_KY.sub(lambda m: " " * len(m.group()), piece.text)
        piece = Piece(text, piece.start, piece.end, piece.line).stripped()
        folded = layout.nt.folded[piece.start:piece.end]
        letters = sum(c.isalpha() for c in piece.text)
        if letters < 2 or letters < len(piece.text.replace(" ", "")) / 2:
            continue  # OCR noise: ")", "¢", "…"
        if a.noise.match(folded) and not a.prefix.match(folded):
            continue
        out.append(piece)
    return out


def _canonical_prefix(folded: str) -> str:
    variants = vocab.load("signing")["prefix_variants"]
    key = re.sub(r"[\s.]+$", "", folded).strip()
    return variants.get(key, key)


def _segments(pieces: list[Piece], layout: Layout) -> list[_Segment]:
    """Split the upper-case lines at every prefix: "TM. UBND KT. CHỦ TỊCH" → two segments."""
    a = anchors()
    out: list[_Segment] = []
    for piece in pieces:
        folded = layout.nt.folded[piece.start:piece.end]
        cuts = [(m.start(), m.end(), _canonical_prefix(m.group("p"))) for m in a.prefix_anywhere.finditer(folded)]
        garbled = a.garbled_prefix.match(folded)
        if not cuts and garbled and is_upper_text(piece.text):
            cuts = [(garbled.start(), garbled.end(), "?")]
        if not cuts or cuts[0][0] > 0:
            head = piece.cut(0, cuts[0][0] if cuts else len(piece.text)).stripped()
            if head.text:
                out.append(_Segment(None, head))
        for k, (_, end, prefix) in enumerate(cuts):
            stop = cuts[k + 1][0] if k + 1 < len(cuts) else len(piece.text)
            out.append(_Segment(prefix, piece.cut(end, stop).stripped()))
    return out


def _last_title(piece: Piece, layout: Layout) -> Piece:
    """The last official title in a run of them: "CHỦ TỊCH PHÓ CHỦ TỊCH" → "PHÓ CHỦ TỊCH"."""
    a = anchors()
    folded = layout.nt.folded[piece.start:piece.end]
    starts = []
    pos = 0
    for word in re.finditer(r"\S+", folded):
        if word.start() < pos:
            continue
        m = a.sign_title_at.match(folded, word.start())
        if m:
            starts.append(word.start())
            pos = m.end()
    if starts and starts[-1] > 0:
        return piece.cut(starts[-1]).stripped()
    return piece


def _upper_name(piece: Piece, titled: list[Piece]) -> bool:
    """An all-capitals name ("NGUYỄN VĂN AN") on its own line after a title line."""
    words = piece.text.split()
    return bool(titled) and 2 <= len(words) <= 5 and all(w.isalpha() for w in words) and starts_with_surname(piece.text) and not anchors().sign_title.match(fold(piece.text))


def read_signer(layout: Layout) -> SignerReading:
    """Read the signer from the footer pieces of ``layout``."""
    reading = SignerReading()
    pieces = _clean(layout)
    reading.block = [p.value for p in pieces]
    if not pieces:
        return reading
    titled: list[Piece] = []
    for piece in pieces:
        at = trailing_name_start(piece.text)
        head = piece.cut(0, at).stripped() if at is not None else piece
        if reading.name is not None:
            break
        head = without_rank(head)
        if at is None and _upper_name(piece, titled):
            at, head = 0, piece.cut(0, 0)  # "NGUYỄN VĂN AN" under the title lines
        if head.text and is_upper_text(head.text, 0.7):
            titled.append(head)
        if at is not None and (not head.text or is_upper_text(head.text, 0.75)):
            reading.name_piece = piece.cut(at).stripped()
            reading.name = squash(reading.name_piece.text)
    segments = []
    carried: str | None = None
    for seg in _segments(titled, layout):
        if not seg.piece.text:
            carried = seg.prefix or carried  # "KT." alone on its line governs the next one
            continue
        if carried and seg.prefix is None:
            seg = _Segment(carried, seg.piece)
        carried = None
        segments.append(seg)
    if not segments:
        return reading
    prefixed = [k for k, s in enumerate(segments) if s.prefix]
    last_prefix = prefixed[-1] if prefixed else None
    after = segments[last_prefix + 1:] if last_prefix is not None else segments
    title_piece = _last_title(after[-1].piece if after else segments[last_prefix].piece, layout)
    reading.title_piece = title_piece
    reading.title = squash(title_piece.text)
    prefixes = vocab.load("signing")["prefixes"]
    if last_prefix is not None and segments[last_prefix].prefix in prefixes:
        reading.authority = prefixes[segments[last_prefix].prefix]
    deputy = any(layout.nt.folded[title_piece.start:title_piece.end].startswith(d) for d in vocab.load("signing")["titles"]["deputy_starts"])
    if reading.authority in (None, "TM.") and deputy and len(segments) > 1:
        # A deputy signing under the head's title signs "KT." (NĐ 30/2020, Phụ lục I, II.7);
        # a garbled or missing prefix above "PHÓ …" is read as that.
        reading.authority = "KT."
        reading.authority_inferred = True
    return reading
