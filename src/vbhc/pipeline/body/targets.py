"""Targets (đối tượng: who competes) and criteria (tiêu chuẩn, tiêu chí: what they must meet).

Both are read from the sections whose heading names them (``data/sections.toml``), item by
item; "Đối với tập thể:" / "b) Cá nhân:" labels say whom an item is for, and a scope
heading ("Khen thưởng tổng kết giai đoạn 2021 - 2025") says for which round.
"""
from __future__ import annotations

import re
from functools import cache

from ... import vocab
from ...model import Criterion, Target
from ...vn.fuzzy import fuzzy_pattern
from ...vn.text import squash
from .outline import Item, Outline
from .quotas import _kind_label, _scope

__all__ = ["read_criteria", "read_targets"]


@cache
def _heading(slot: str) -> re.Pattern[str]:
    words = vocab.load("sections")["slots"][slot]
    return re.compile(r"^\s*(?:" + "|".join(fuzzy_pattern(w, vocab.ocr_letters()) for w in words) + r")(?![a-z])")


def _kind(item: Item) -> tuple[str | None, int]:
    m = _kind_label().match(item.folded)
    if not m:
        return None, 0
    return ("collective" if m.group("col") else "individual"), m.end()


def _sections(outline: Outline, slot: str) -> list[Item]:
    """Heading-like items that open a section of ``slot``; the innermost where they nest
    ("II. ĐỐI TƯỢNG, TIÊU CHÍ" → its "1. Đối tượng:")."""
    found = [
        item for item in outline.items
        if item.kind != "plain" and item.heading_like and _heading(slot).match(item.folded)
    ]
    nested = {a.index for item in found for a in outline.ancestors(item)}
    return [item for item in found if item.index not in nested]


def _entries(outline: Outline, head: Item) -> list[tuple[str | None, str | None, str]]:
    """(kind, scope, text) for each item under ``head`` that says something."""
    out = []
    below = outline.children(head)
    parents = {other.parent for other in below}
    for item in below:
        if item.index in parents:
            continue  # a sub-heading ("a) Khen thưởng hàng năm", "- Đối với tập thể:")
        kind, cut = _kind(item)
        ancestors = [item, *outline.ancestors(item)]
        kind = kind or next((k for k, _ in map(_kind, ancestors) if k), None)
        scope = next((s for s in map(_scope, ancestors[1:]) if s and ancestors[1:]), None)
        text = squash(item.text[cut:] if cut else item.text).strip(" :;.")
        if len(text) < 8 or (item.text.rstrip().endswith(":") and len(text) < 60):
            continue
        out.append((kind, scope, text))
    return out


def read_targets(outline: Outline) -> list[Target]:
    """Who competes, item by item; an unlabelled item counts as collective."""
    out = []
    for head in _sections(outline, "DOI_TUONG"):
        for kind, _, text in _entries(outline, head):
            out.append(Target(kind or "collective", text))
    return out


def read_criteria(outline: Outline) -> list[Criterion]:
    """Standards to meet, with whom they apply to and the round they belong to."""
    out = []
    for head in _sections(outline, "TIEU_CHUAN"):
        for kind, scope, text in _entries(outline, head):
            out.append(Criterion(kind, scope, text))
    return out
