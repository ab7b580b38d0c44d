"""What a reader returns: lines of text, each with where it was printed."""
from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Source", "SourceLine"]


@dataclass(frozen=True)
class SourceLine:
    """One printed line. ``page`` counts from 1; ``bbox`` is (x0, y0, x1, y1) in points
    from the page's top left (PDF and scans), or None (text, Word). ``anchor`` says where
    a Word line came from, 1-based: ``(paragraph,)`` for a body paragraph (its place in
    ``Document.paragraphs``), ``(table, row, cell, paragraph)`` for a paragraph of a table
    cell, ``(table, row)`` for a row read as one line; None for other readers."""

    text: str
    page: int | None = None
    bbox: tuple[float, float, float, float] | None = None
    anchor: tuple[int, ...] | None = None


@dataclass
class Source:
    """A document as read: its lines, the reader that read it, and what went wrong."""

    name: str
    kind: str                                   # "text", "docx", "pdf", "ocr", "doc", "odt"
    lines: list[SourceLine] = field(default_factory=list)
    pages: int | None = None
    warnings: list[tuple[str, str]] = field(default_factory=list)   # (code, Vietnamese message)
    raw: str | None = None                      # plain text as read, when there are no positions

    @property
    def text(self) -> str:
        return self.raw if self.raw is not None else "\n".join(line.text for line in self.lines)
