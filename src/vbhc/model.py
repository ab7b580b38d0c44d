"""The plan model: what vbhc extracts from one document.

Field values are bare (``"number": "263/KH-UBND"``). Where each value came from — its
character span in the normalised text, and how sure the parser is — lives apart, in
:attr:`Plan.provenance`, keyed by field name. Later stages (generation, checking, corpus
mining) read this model only.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields, is_dataclass
from functools import cache
from typing import Any

__all__ = [
    "SCHEMA_VERSION",
    "Meeting",
    "Nominee",
    "PastAward",
    "Person",
    "Plan",
    "Provenance",
    "Report",
    "Section",
    "Signer",
    "Warning",
]

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
    when the heading names one; ``text`` the body paragraphs under the heading before its
    first child heading, as printed.
    """

    label: str
    heading: str
    kind: str = "roman"
    slot: str | None = None
    children: list[Section] = field(default_factory=list)
    text: list[str] = field(default_factory=list)


@dataclass
class Reference:
    """A document cited with an explicit number ("Nghị định số 91/2017/NĐ-CP …").

    ``date`` is ISO, from the first citation that prints one; ``issuer`` as printed after
    "của"; ``text`` the citation as printed.
    """

    doc_type: str | None
    number: str
    date: str | None = None
    issuer: str | None = None
    text: str = ""


@dataclass
class Period:
    """The campaign period, at the precision printed: ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``.

    An end that is an event ("đến Đại hội XIV") is null with ``text`` kept.
    """

    start: str | None = None
    end: str | None = None
    text: str | None = None


@dataclass
class Target:
    """Who competes (đối tượng): ``kind`` is "collective" or "individual"."""

    kind: str
    text: str


@dataclass
class Criterion:
    """A standard to meet (tiêu chuẩn, tiêu chí), for collectives, individuals or both (null)."""

    applies_to: str | None
    scope: str | None
    text: str


@dataclass
class QuotaPart:
    """One term of a quota's split: "01 UBND xã, phường" → collective, 1."""

    kind: str
    count: int
    text: str


@dataclass
class Quota:
    """How many of one award form, from one conferrer, in one scope.

    Counts are integers, or null when the text gives no number ("số lượng do UBND tỉnh
    phân bổ"); ``max`` is true for a ceiling ("không vượt quá 06").
    """

    award: str
    conferrer: str | None = None
    collectives: int | None = None
    individuals: int | None = None
    scope: str | None = None
    max: bool = False
    breakdown: list[QuotaPart] = field(default_factory=list)
    text: str = ""


@dataclass
class Deadline:
    """A dated obligation. ``date``: ISO for a fixed date, ``--MM-DD`` for a yearly one,
    null for a relative one ("10 ngày trước Hội nghị")."""

    date: str | None
    recurring: bool
    what: str
    text: str


@dataclass
class DossierItem:
    """A paper of the award dossier (hồ sơ đề nghị khen thưởng)."""

    item: str
    copies: int | None = None
    form_ref: str | None = None


@dataclass
class Person:
    """A named person with the position printed after the name ("Nguyễn Văn An, Chủ tịch UBND xã")."""

    name: str
    title: str | None = None


@dataclass
class Nominee:
    """One row of a danh sách đề nghị / được khen thưởng.

    ``kind`` is "collective" or "individual"; ``name`` the collective's name or the person's
    full name; ``position`` the person's chức vụ; ``unit`` the đơn vị công tác; ``award`` the
    hình thức when it differs per row; ``votes`` the votes in favour at the council meeting;
    ``reward`` the tiền thưởng in đồng.
    """

    kind: str
    name: str
    position: str | None = None
    unit: str | None = None
    award: str | None = None
    votes: int | None = None
    reward: int | None = None


@dataclass
class Meeting:
    """A council meeting recorded by a Biên bản (Mẫu 1.9): times as ISO ``YYYY-MM-DDTHH:MM``,
    membership counts, who chaired and who took the minutes."""

    start: str | None = None
    end: str | None = None
    venue: str | None = None
    members_total: int | None = None
    members_present: int | None = None
    chair: Person | None = None
    secretary: Person | None = None
    attendees: list[Person] = field(default_factory=list)


@dataclass
class PastAward:
    """A row of "Các hình thức đã được khen thưởng": the year, the title or award, and the
    decision that conferred it (số, ngày, cơ quan ban hành) as printed."""

    year: int
    award: str
    decision: str | None = None


@dataclass
class Report:
    """What a Báo cáo thành tích is about: the nominee (``subject``), the form it follows
    (``form``, e.g. "Mẫu số 02 … Nghị định số 152/2025/NĐ-CP") and the person's or
    collective's profile, the achievements (paragraphs of part II) and the awards already
    received."""

    subject: Nominee | None = None
    form: str | None = None
    birth_date: str | None = None
    gender: str | None = None
    hometown: str | None = None
    qualification: str | None = None
    founded: str | None = None
    achievements: list[str] = field(default_factory=list)
    past_awards: list[PastAward] = field(default_factory=list)


@dataclass
class TextQualityInfo:
    """How the text reads: "clean", "stripped" (diacritics lost) or "garbled" (OCR without
    Vietnamese data), with the shares of syllables with marks and of words with OCR glyphs,
    and whether the parser restored the diacritics before reading it."""

    verdict: str = "clean"
    marked: float = 1.0
    garbled: float = 0.0
    restored: bool = False


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
    preamble: list[str] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    campaign_period: Period | None = None
    targets: list[Target] = field(default_factory=list)
    criteria: list[Criterion] = field(default_factory=list)
    quotas: list[Quota] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    dossier: list[DossierItem] = field(default_factory=list)
    addressees: list[str] = field(default_factory=list)
    award: str | None = None
    nominees: list[Nominee] = field(default_factory=list)
    meeting: Meeting | None = None
    report: Report | None = None
    text_quality: TextQualityInfo = field(default_factory=TextQualityInfo)
    warnings: list[Warning] = field(default_factory=list)
    provenance: dict[str, Provenance] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The plan as plain JSON-ready data (lists and dicts of str, int, float, bool, None)."""
        return _plain(self)

    def warn(self, code: str, message: str, field_name: str | None = None) -> None:
        """Record a warning unless the same code was recorded for the same field."""
        if not any(w.code == code and w.field == field_name for w in self.warnings):
            self.warnings.append(Warning(code, message, field_name))


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def _plain(value: Any) -> Any:
    """``dataclasses.asdict`` for this model, without its deep copies (five times faster;
    the leaves are immutable str, int, float, bool and None)."""
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if is_dataclass(value) and not isinstance(value, type):
        return {name: _plain(getattr(value, name)) for name in _field_names(type(value))}
    return value
