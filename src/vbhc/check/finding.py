"""What the checker reports: a :class:`Finding` at a :class:`Location`, maybe with a :class:`Fix`.

Findings are data. The checks decide them; the renderers in :mod:`vbhc.report` only print
them. Everything here is frozen and turns into JSON-ready dicts with ``to_dict()``.
"""
from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Finding", "Fix", "Location", "Severity"]


class Severity(enum.IntEnum):
    """How bad a finding is; ordered, so ``severity >= Severity.WARNING`` works."""

    INFO = 0
    WARNING = 1
    ERROR = 2

    @classmethod
    def parse(cls, name: str) -> Severity:
        """``"info"``, ``"warning"`` or ``"error"`` (Vietnamese ``"thông tin"``, ``"cảnh báo"``, ``"lỗi"`` too)."""
        key = name.strip().lower()
        for sev in cls:
            if key in (sev.name.lower(), sev.label_vi):
                return sev
        raise ValueError(f"mức độ không hợp lệ: {name!r} (info, warning, error)")

    @property
    def label_vi(self) -> str:
        return ("thông tin", "cảnh báo", "lỗi")[self.value]

    @property
    def label(self) -> str:
        return self.name.lower()


@dataclass(frozen=True)
class Location:
    """Where a finding is.

    ``where`` says it in words ("đoạn 12", "bảng 1, hàng 2, ô 1, đoạn 1", "dòng 14",
    "trang 2, dòng 5", "trang in (mục 1)"). The numbers are 1-based as a clerk counts, and
    for Word files name the python-docx objects: ``paragraph`` is the index+1 of
    ``Document.paragraphs`` (body paragraphs only); ``table``/``row``/``cell`` the index+1
    of ``Document.tables``, of its ``w:tr`` and of the row's ``w:tc``, with ``paragraph``
    then counting inside the cell. ``line`` counts lines of a text file (or of a page,
    with ``page``). ``start``/``end`` are the character span inside that paragraph or
    line (0-based, end exclusive); None when the finding is about the whole of it.
    ``text`` is a short excerpt of what was found.
    """

    where: str = "toàn văn bản"
    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    cell: int | None = None
    line: int | None = None
    page: int | None = None
    start: int | None = None
    end: int | None = None
    text: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v is not None}

    def with_span(self, start: int, end: int, text: str | None = None) -> Location:
        """The same place, narrowed to a span of its text."""
        return Location(self.where, self.paragraph, self.table, self.row, self.cell, self.line, self.page, start, end, text)


@dataclass(frozen=True)
class Fix:
    """A safe, mechanical repair: ``kind`` says what (``"margins"``, ``"font"``,
    ``"replace"``), ``description`` says it in Vietnamese, ``params`` holds what the fixer
    needs (``{"top": 20}``; for ``"replace"``: ``{"old": "tháng 05", "new": "tháng 5"}``
    applied at the finding's location)."""

    kind: str
    description: str
    params: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "description": self.description, "params": dict(self.params)}


@dataclass(frozen=True)
class Finding:
    """One thing wrong (or worth knowing) in one document.

    ``message`` is Vietnamese, ``message_en`` English; ``clause`` cites the rule's source
    ("NĐ 30/2020, Phụ lục I, mục II.4"); ``category`` groups rules ("page", "font",
    "header", "date", "authority" …; labels in data/rules.toml).
    """

    rule_id: str
    severity: Severity
    category: str
    message: str
    message_en: str
    clause: str
    location: Location = field(default_factory=Location)
    fix: Fix | None = None

    def to_dict(self, lang: str = "vi") -> dict[str, Any]:
        """The JSON form of schema version 1 (``message`` in ``lang``)."""
        return {
            "rule_id": self.rule_id,
            "severity": self.severity.label,
            "category": self.category,
            "message": self.message_en if lang == "en" else self.message,
            "clause": self.clause,
            "location": self.location.to_dict(),
            "fix": self.fix.to_dict() if self.fix else None,
        }
