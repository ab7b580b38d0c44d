"""Stage 4a: the header fields — number, date, place, issuer and parent issuer."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .. import vocab
from ..vn.dates import DateParts, check_date
from ..vn.text import fold, is_upper_text, squash
from .anchors import anchors
from .segment import Layout, Piece

__all__ = ["Number", "read_date", "read_issuers", "read_number"]


@dataclass(frozen=True)
class Number:
    """Số and ký hiệu: ``text`` without spaces ("263/KH-UBND"), ``seq``, ``symbol``, ``year``."""

    text: str
    seq: int | None
    symbol: str
    year: int | None
    piece: Piece


def read_number(layout: Layout) -> Number | None:
    """The Số/ký hiệu of the header, or None."""
    a = anchors()
    for piece in layout.left:
        folded = layout.nt.folded[piece.start:piece.end]
        m = a.number.match(folded)
        if not m:
            continue
        seq = m.group("seq")
        symbol = re.sub(r"\s+", "", piece.text[m.start("sym"):m.end("sym")]).rstrip(".,;:")
        if m.group("sep") is None and not symbol.isupper():
            continue  # a bare "Số: xxx" is a number only when xxx looks like a ký hiệu
        year = None
        parts = symbol.split("/")
        if m.group("sep") in ("/", None) and len(parts) > 1 and parts[0].isdigit() and len(parts[0]) == 4:
            year, symbol = int(parts[0]), "/".join(parts[1:])
        prefix = seq or ""  # as printed, leading zero included ("05/KH-UBND")
        # "Số:- KH-UBND": a scan lost the slash of a blank number; "-" parts a number from
        # its symbol only after digits ("57-NQ/TW").
        sep = m.group("sep") if seq and m.group("sep") else "/"
        text = f"{prefix}{sep}{year}/{symbol}" if year else f"{prefix}{sep}{symbol}"
        return Number(text, int(seq) if seq else None, symbol, year, piece.cut(m.start(), m.end()))
    return None


def read_date(layout: Layout) -> tuple[str | None, DateParts | None, Piece | None]:
    """The địa danh and the date parts of the header's date line."""
    piece = layout.date_piece
    if piece is None:
        return None, None, None
    folded = layout.nt.folded[piece.start:piece.end]
    m = anchors().date_line.search(folded)
    if m is None:  # pragma: no cover - the segmenter found it with the same pattern
        return None, None, None
    place = squash(piece.text[:m.start()]).strip(" ,.")
    parts = check_date(m.group("d"), m.group("m"), m.group("y"))
    return place or None, parts, piece


def _name_groups(pieces: list[Piece], layout: Layout) -> list[list[Piece]]:
    """Group the header's name lines into organisations: a level word continues a name."""
    a = anchors()
    groups: list[list[Piece]] = []
    for piece in pieces:
        folded = layout.nt.folded[piece.start:piece.end].strip()
        # "HUYỆN ỦY LỘC NINH" under "ĐẢNG BỘ TỈNH …" begins with a level word but is a body.
        continues = groups and not a.party_committee.match(folded) and (a.level.match(folded) or not a.org_start.match(folded))
        if continues:
            groups[-1].append(piece)
        else:
            groups.append([piece])
    return groups


_STRONG_ORG = re.compile(
    r"\s(?=(?:cuc|tong cuc|chi cuc|so|phong|trung tam|truong|benh vien|van phong|thanh tra|kho bac|"
    r"cong an|ban|hoc vien|vien kiem sat|hoi dong|uy ban)\s)"
)


def _split_merged(name: str) -> list[str]:
    """Split "BỘ TÀI CHÍNH CỤC THUẾ" (parent and child on one line) at the child's first word.

    Never right after a level word ("HUYỆN PHONG ĐIỀN"), a title ("CHỦ TỊCH ỦY BAN …"),
    "và", or inside a two-word organisation word ("VĂN PHÒNG", "HỌC VIỆN").
    """
    folded = fold(name)
    a = anchors()
    levels = tuple(vocab.load("header")["levels"])
    for m in _STRONG_ORG.finditer(folded):
        before = folded[:m.start()]
        words = before.split()
        if len(words) < 2 or before.endswith(("uy", "nhan dan", " va", " van", " hoc")):
            continue
        if any(before.endswith(" " + lv) or before == lv for lv in levels):
            continue
        if a.sign_title.match(before) and len(words) <= 3:
            continue
        return [name[:m.start()].strip(), name[m.end():].strip()]
    return [name]


def _starts_with_unit_word(text: str) -> bool:
    """True when the line opens with a unit word as printed, marks and all ("PHƯỜNG AN PHÚ"):
    a place, though it folds like a type of document ("phuong an" = PHƯƠNG ÁN)."""
    first = text.split(maxsplit=1)[0].lower() if text.strip() else ""
    return first != fold(first) and first in _unit_words()


@cache
def _unit_words() -> frozenset[str]:
    return frozenset(w for name in vocab.load("header")["levels"].values() for w in name.split())


def read_issuers(layout: Layout) -> tuple[str | None, str | None, list[Piece]]:
    """The issuer and its parent (cơ quan chủ quản) from the header's left column."""
    a = anchors()
    names: list[Piece] = []
    for piece in layout.left:
        folded = layout.nt.folded[piece.start:piece.end].strip()
        if not folded or a.rule_line.match(folded) or a.markings.match(folded):
            continue
        if a.number.match(folded):
            break
        if not any(c.isalpha() for c in piece.text):
            continue  # a speck or a rule
        if is_upper_text(piece.text, 0.7) and (not a.doc_type_at(folded) or _starts_with_unit_word(piece.text)):
            names.append(piece)
        else:
            names = []  # a mixed-case line (an editorial preamble) ends any name above it
    if not names:
        return None, None, []
    groups = [" ".join(squash(p.text) for p in g) for g in _name_groups(names, layout)]
    if len(groups) == 1:
        groups = _split_merged(groups[0])
    issuer = groups[-1]
    parent = groups[-2] if len(groups) > 1 else None
    return issuer, parent, names
