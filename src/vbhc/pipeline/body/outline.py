"""The body as an outline: each line with its list marker, depth and enclosing lines.

Plans nest I. → 1. → a) → - → + → . ; a line without a marker belongs to the line above
it that has one. Field extractors walk this outline to know the context of a line: which
award, which scope, collectives or individuals.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from ...vn.text import is_upper_text
from ..segment import Layout

__all__ = ["Item", "Outline", "outline"]

# marker kind → depth. Plain lines sit one below the line that introduces them.
_DEPTH = {"attachment": -1, "division": 0, "roman": 1, "article": 1, "arabic": 2, "decimal": 3, "letter": 4, "star": 4, "dash": 5, "plus": 6, "dot": 7}
_MARKERS = [
    ("division", re.compile(r"^\s*(?:phan|chuong|muc)\s+[ivxl\d]+\b\.?\s*")),
    ("article", re.compile(r"^\s*dieu\s+\d{1,3}\s*[.:]?\s*")),
    ("roman", re.compile(r"^\s*(?:[ivxl]{1,5}|il)\s*[.)]\s+")),
    ("decimal", re.compile(r"^\s*\d{1,2}\.\d{1,2}\.?\s+")),
    ("arabic", re.compile(r"^\s*\d{1,2}\s*[.)]\s+")),
    ("letter", re.compile(r"^\s*[a-hk-nđ]\s*[).]\s+")),
    ("star", re.compile(r"^\s*\*\s*")),
    ("dash", re.compile(r"^\s*[-–—]\s*")),
    ("plus", re.compile(r"^\s*\+\s*")),
    ("dot", re.compile(r"^\s*[.•·]\s+")),
]


@dataclass
class Item:
    """One body line: ``text`` and ``folded`` without the marker; ``start`` its offset."""

    index: int
    line: int
    kind: str
    depth: int
    start: int
    end: int
    text: str
    folded: str
    parent: int | None

    @cached_property
    def heading_like(self) -> bool:
        t = self.text.strip()
        return bool(t) and (t.endswith(":") or (len(t) <= 120 and not t.endswith((".", ";", ","))))


class Outline:
    """The items of the body in order, with parent links."""

    def __init__(self, items: list[Item], layout: Layout) -> None:
        self.items = items
        self.layout = layout

    def ancestors(self, item: Item) -> list[Item]:
        """The enclosing items, nearest first."""
        out = []
        k = item.parent
        while k is not None:
            out.append(self.items[k])
            k = self.items[k].parent
        return out

    def children(self, item: Item) -> list[Item]:
        """Every item below ``item`` (its whole subtree, which is contiguous), in order."""
        out = []
        for other in self.items[item.index + 1:]:
            if not self._under(other, item):
                break
            out.append(other)
        return out

    def _under(self, other: Item, item: Item) -> bool:
        k = other.parent
        while k is not None and k >= item.index:
            if k == item.index:
                return True
            k = self.items[k].parent
        return False

    @cached_property
    def text(self) -> str:
        return self.layout.nt.text


def outline(layout: Layout, attachment: bool = False) -> Outline:
    """Build the outline of ``layout``'s body lines, and of what is attached after the
    signature when ``attachment`` is true (a Quy định or Kế hoạch "ban hành kèm theo")."""
    nt = layout.nt
    items: list[Item] = []
    stack: list[Item] = []
    lines = list(range(*layout.body))
    if attachment and layout.attachment_start is not None:
        lines += list(range(layout.attachment_start, len(nt.lines)))
    for i in lines:
        if attachment and i == layout.attachment_start:
            stack.clear()  # the attached document starts its own tree
        line = nt.lines[i]
        if not line.strip():
            continue
        start, end = nt.line_span(i)
        folded = nt.folded[start:end]
        kind, cut = "plain", 0
        for name, pattern in _MARKERS:
            m = pattern.match(folded)
            if m:
                if name == "roman" and not is_upper_text(line[m.end():], 0.6):
                    continue
                kind, cut = name, m.end()
                break
        if kind == "plain":
            depth = (stack[-1].depth + 1) if stack else 1
        else:
            depth = _DEPTH[kind]
        while stack and stack[-1].depth >= depth:
            stack.pop()
        item = Item(len(items), i, kind, depth, start + cut, end, line[cut:], folded[cut:], stack[-1].index if stack else None)
        items.append(item)
        if kind != "plain" or line.rstrip().endswith(":"):
            stack.append(item)
    return Outline(items, layout)
