"""The plan model: what vbhc extracts from one document.

Field values are bare (``"number": "263/KH-UBND"``). Where each value came from — its
character span in the normalised text, and how sure the parser is — lives apart, in
:attr:`Plan.provenance`, keyed by field name. Later stages (generation, checking, corpus
mining) read this model only.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = ["SCHEMA_VERSION", "Plan", "Provenance", "Section", "Signer", "Warning"]

#: Bumped whenever a field is renamed or its meaning changes; new optional fields do not.
SCHEMA_VERSION = 1


@dataclass
class Provenance:
    """Where a value came from.

    ``span`` is ``[start, end)`` in characters of the normalised text (see
    :func:`vbhc.normalise`); ``page`` and ``bbox`` (points, from the top left) are set by
    readers of paged input. ``confidence`` is 0–1; ``inferred`` is true when the value
    is not printed where the standard puts it and was reasoned from elsewhere.
    """

    span: list[int] | None = None
    confidence: float = 1.0
    inferred: bool = False
    page: int | None = None
    bbox: list[float] | None = None


@dataclass
class Warning:
    """Something that looked wrong or was guessed. ``message`` is in Vietnamese."""

    code: str
    message: str
    field: str | None = None


@dataclass
class Signer:
    """The signature block (ô 7a–7c).

    ``authority`` is the prefix that governs the signer's own line (``TM.``, ``KT.``,
    ``TL.``, ``TUQ.``, ``Q.``) or None; ``title`` the signer's position (``PHÓ CHỦ
    TỊCH``); ``block`` every printed line of the block, in order.
    """

    authority: str | None = None
    title: str | None = None
    name: str | None = None
    block: list[str] = field(default_factory=list)


@dataclass
class Section:
    """A heading of the body and the headings under it.

    ``label`` is the numbering as printed without its punctuation ("I", "2", "Điều 3");
    ``kind`` says which division it is ("phan", "chuong", "muc", "roman", "dieu",
    "khoan"); ``slot`` is the canonical role of a plan section (``TO_CHUC_THUC_HIEN`` …)
    when the heading names one.
    """

    label: str
    heading: str
    kind: str = "roman"
    slot: str | None = None
    children: list[Section] = field(default_factory=list)


@dataclass
class Plan:
    """One parsed document. ``to_dict()`` gives the JSON form described by ``vbhc schema``."""

    schema_version: int = SCHEMA_VERSION
    source: str | None = None
    doc_type: str | None = None
    doc_type_label: str | None = None
    number: str | None = None
    number_seq: int | None = None
    symbol: str | None = None
    issue_date: str | None = None
    place: str | None = None
    issuer: str | None = None
    issuer_printed: bool = True
    parent_issuer: str | None = None
    title: str | None = None
    signer: Signer = field(default_factory=Signer)
    recipients: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)
    provenance: dict[str, Provenance] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The plan as plain JSON-ready data (lists and dicts of str, int, float, bool, None)."""
        return asdict(self)

    def warn(self, code: str, message: str, field_name: str | None = None) -> None:
        """Record a warning unless the same code was recorded for the same field."""
        if not any(w.code == code and w.field == field_name for w in self.warnings):
            self.warnings.append(Warning(code, message, field_name))
