"""What every check sees: one document as blocks of text with their locations, the plan
the parser read from it, and (for Word files) the layout model of :mod:`.docx_model`."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..readers.source import Source
from ..vn.text import fold, nfc
from .finding import Location

if TYPE_CHECKING:
    from ..model import Plan
    from .docx_model import DocxModel

__all__ = ["Block", "CheckedDocument", "anchor_location", "blocks_of"]


@dataclass(frozen=True)
class Block:
    """One paragraph, table cell paragraph, table row or line of text, and where it is."""

    text: str
    location: Location


@dataclass
class CheckedDocument:
    """A document under check. ``kind`` is the reader's ("docx", "text", "pdf", "ocr" …)."""

    path: str
    kind: str
    blocks: list[Block]
    plan: Plan
    docx: DocxModel | None = None
    _folded: list[str] | None = field(default=None, repr=False)

    @property
    def folded(self) -> list[str]:
        """Each block's text folded (no diacritics, lower case, same length)."""
        if self._folded is None:
            self._folded = [fold(b.text) for b in self.blocks]
        return self._folded

    def locate(self, text: str | None, start: int = 0) -> Location:
        """Where ``text`` (compared folded, so "hoà"/"hòa" and OCR without marks match) first
        appears, from block ``start`` on; the span covers it. The whole document when it
        cannot be found."""
        if not text or not text.strip():
            return Location()
        needle = fold(" ".join(text.split()))[:60]
        for k in range(start, len(self.blocks)):
            hay = self.folded[k]
            at = hay.find(needle)
            if at < 0 and " " in hay:
                at = " ".join(hay.split()).find(needle)
                if at >= 0:  # spacing differs: point at the block as a whole
                    return self.blocks[k].location.with_span(0, len(hay), _excerpt(self.blocks[k].text))
            if at >= 0:
                end = at + len(needle)
                return self.blocks[k].location.with_span(at, end, _excerpt(self.blocks[k].text[at:end]))
        return Location()


def _excerpt(text: str, width: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def anchor_location(anchor: tuple[int, ...]) -> Location:
    """The location of a Word anchor: ``(p,)``, ``(t, r)``, ``(t, r, c)`` or ``(t, r, c, p)``, 1-based."""
    if len(anchor) == 1:
        return Location(f"đoạn {anchor[0]}", paragraph=anchor[0])
    if len(anchor) == 2:
        return Location(f"bảng {anchor[0]}, hàng {anchor[1]}", table=anchor[0], row=anchor[1])
    if len(anchor) == 3:
        return Location(f"bảng {anchor[0]}, hàng {anchor[1]}, ô {anchor[2]}", table=anchor[0], row=anchor[1], cell=anchor[2])
    t, r, c, p = anchor[:4]
    return Location(f"bảng {t}, hàng {r}, ô {c}, đoạn {p}", table=t, row=r, cell=c, paragraph=p)


def blocks_of(source: Source) -> list[Block]:
    """The blocks of what a reader returned: Word paragraphs and cells by their anchors,
    text files by line, PDF and scans by page and line; text in NFC (spans count NFC
    characters). Empty lines are left out."""
    if source.raw is not None:
        return [Block(nfc(t), Location(f"dòng {i}", line=i)) for i, t in enumerate(source.raw.split("\n"), 1) if t.strip()]
    blocks: list[Block] = []
    line_on_page: dict[int | None, int] = {}
    for i, line in enumerate(source.lines, 1):
        n = line_on_page[line.page] = line_on_page.get(line.page, 0) + 1
        if not line.text.strip():
            continue
        if line.anchor:
            loc = anchor_location(line.anchor)
        elif line.page is not None:
            loc = Location(f"trang {line.page}, dòng {n}", page=line.page, line=n)
        else:
            loc = Location(f"dòng {i}", line=i)
        blocks.append(Block(nfc(line.text), loc))
    return blocks
