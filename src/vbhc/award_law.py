"""Which award law and decree was in force on a date, and the dossier forms each prescribes.

The chain (data in ``data/award_decrees.toml``, from ../shared/docs/domain.md §2):

* laws: Luật Thi đua, khen thưởng 2003 (amended 2005, 2013) until 31/12/2023, then Luật
  06/2022/QH15 from 01/01/2024;
* decrees: Nghị định 91/2017/NĐ-CP until 31/12/2023 → 98/2023/NĐ-CP from 01/01/2024 until
  30/6/2025 → 152/2025/NĐ-CP from 01/7/2025.

A form (mẫu) is named by a stable key (``to_trinh``, ``bao_cao_tap_the``,
``bao_cao_ca_nhan``, ``bao_cao_chuyen_de``, ``bao_cao_dot_xuat``, ``bao_cao_cong_hien``,
``bao_cao_anh_hung_tap_the``, ``bao_cao_anh_hung_ca_nhan``); its number under each decree
is known, inferred (``confirmed`` false) or unknown (``number`` None).

>>> form_for("bao_cao_chuyen_de", date(2024, 7, 19)).citation()
'Mẫu số 08 Phụ lục I ban hành kèm theo Nghị định số 98/2023/NĐ-CP'
>>> replacement_for("91/2017/ND-CP", date(2026, 1, 1)).number
'152/2025/NĐ-CP'
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from . import vocab
from .vn.formatting import format_date_short
from .vn.text import fold, nfc

__all__ = [
    "FORM_KEYS",
    "KINDS",
    "Decree",
    "FormRef",
    "decree_by_number",
    "decree_in_force",
    "decrees",
    "form_by_number",
    "form_for",
    "forms_of",
    "number_key",
    "replacement_for",
]

#: Kinds of instrument: a law of the Quốc hội, a decree of the Chính phủ.
KINDS = ("luat", "nghi_dinh")

#: The form keys, in the order of the dossier.
FORM_KEYS = (
    "to_trinh",
    "bao_cao_tap_the",
    "bao_cao_ca_nhan",
    "bao_cao_chuyen_de",
    "bao_cao_dot_xuat",
    "bao_cao_cong_hien",
    "bao_cao_anh_hung_tap_the",
    "bao_cao_anh_hung_ca_nhan",
)

_KIND_NAMES = {"luat": "Luật", "nghi_dinh": "Nghị định"}


@dataclass(frozen=True)
class Decree:
    """A law or decree on thi đua, khen thưởng.

    ``until`` is the last day in force (None while in force); ``effective_confirmed`` is
    false where the effective date is a belief, not a sourced fact. ``appendix`` is how
    its forms are cited ("Phụ lục I"), None where they are cited without one; ``aliases``
    are numbers of amending laws that stand for the same instrument.
    """

    number: str
    kind: str
    title: str
    issued: date
    effective: date
    effective_confirmed: bool
    until: date | None
    issuer: str = ""
    appendix: str | None = None
    aliases: tuple[str, ...] = ()

    def in_force(self, on: date) -> bool:
        """Whether it was in force on ``on`` (both ends inclusive)."""
        on = _day(on)
        return self.effective <= on and (self.until is None or on <= self.until)

    @property
    def name(self) -> str:
        """How reasons and messages name it: "Nghị định 98/2023/NĐ-CP", "Luật Thi đua, khen thưởng số 06/2022/QH15"."""
        if self.kind == "luat":
            return f"{self.title} số {self.number}"
        return f"{_KIND_NAMES[self.kind]} {self.number}"

    def cite(self) -> str:
        """A first citation as a căn cứ prints it: "Nghị định số 152/2025/NĐ-CP ngày 14/6/2025 của Chính phủ"."""
        head = f"{self.title} số {self.number}" if self.kind == "luat" else f"Nghị định số {self.number}"
        tail = f" của {self.issuer}" if self.issuer else ""
        return f"{head} ngày {format_date_short(self.issued)}{tail}"


@dataclass(frozen=True)
class FormRef:
    """A form of the award dossier as one decree prescribes it.

    ``number`` is the mẫu number as printed ("08"), None when unknown; ``confirmed`` is
    false when the number is inferred or unknown.
    """

    decree: Decree
    key: str
    number: str | None
    title: str
    confirmed: bool

    def citation(self) -> str:
        """How a plan cites the form: "Mẫu số 08 Phụ lục I ban hành kèm theo Nghị định số 98/2023/NĐ-CP";
        with no known number, the form's title instead ("mẫu báo cáo thành tích … tại Phụ lục …")."""
        where = f"Nghị định số {self.decree.number}"
        appendix = self.decree.appendix
        if self.number:
            return f"Mẫu số {self.number}{' ' + appendix if appendix else ''} ban hành kèm theo {where}"
        title = self.title[:1].lower() + self.title[1:]
        return f"mẫu {title}{' tại ' + appendix if appendix else ''} ban hành kèm theo {where}"


def _day(on: date) -> date:
    if isinstance(on, _dt.datetime):
        return on.date()
    if not isinstance(on, date):
        raise TypeError(f"cần một ngày (datetime.date), không phải {type(on).__name__}")
    return on


_NUMBER = re.compile(r"0*(\d{1,4})/((?:19|20)\d{2})/([a-z]+\d*)")


def number_key(number: str) -> str | None:
    """A comparison key for a document number in any spacing, case or diacritics:
    "91/2017/NĐ-CP", "91 / 2017 / nd-cp" → "91/2017/ndcp"; None if it is not one.

    >>> number_key("06/2022/QH15") == number_key("6/2022/qh15")
    True
    """
    compact = re.sub(r"[\s\-–.]", "", fold(nfc(number)))
    m = _NUMBER.search(compact)
    return f"{m[1]}/{m[2]}/{m[3]}" if m else None


@cache
def decrees(kind: str | None = None) -> tuple[Decree, ...]:
    """The known instruments of ``kind`` ("luat", "nghi_dinh"; None for all), oldest first."""
    if kind is not None:
        if kind not in KINDS:
            raise ValueError(f"loại văn bản “{kind}” không hợp lệ; chọn một trong: {', '.join(KINDS)}")
        return tuple(d for d in decrees() if d.kind == kind)
    out = [
        Decree(
            number=e["number"],
            kind=e["kind"],
            title=e["title"],
            issued=e["issued"],
            effective=e["effective"],
            effective_confirmed=e["effective_confirmed"],
            until=e.get("until"),
            issuer=e.get("issuer", ""),
            appendix=e.get("appendix"),
            aliases=tuple(e.get("aliases", ())),
        )
        for e in vocab.load("award_decrees")["instrument"]
    ]
    return tuple(sorted(out, key=lambda d: d.effective))


@cache
def _by_key() -> dict[str, Decree]:
    table: dict[str, Decree] = {}
    for d in decrees():
        for n in (d.number, *d.aliases):
            key = number_key(n)
            if key is None:
                raise ValueError(f"award_decrees.toml: số hiệu “{n}” không đọc được")
            table[key] = d
    return table


def decree_by_number(number: str) -> Decree | None:
    """The known law or decree with this number (any spacing or case; an amending law
    counts as the law it amends), else None."""
    key = number_key(number)
    return _by_key().get(key) if key else None


def decree_in_force(on: date, kind: str = "nghi_dinh") -> Decree:
    """The decree (or, with ``kind="luat"``, the law) in force on ``on``.

    Raises ValueError before the first one known took effect.
    """
    on = _day(on)
    chain = decrees(kind)
    found = [d for d in chain if d.in_force(on)]
    if found:
        return found[-1]
    what = "luật thi đua, khen thưởng" if kind == "luat" else "nghị định về thi đua, khen thưởng"
    first = chain[0]
    if on < first.effective:
        raise ValueError(
            f"ngày {format_date_short(on)}: chưa có {what} nào trong dữ liệu "
            f"({first.name} có hiệu lực từ {format_date_short(first.effective)})"
        )
    raise ValueError(f"ngày {format_date_short(on)}: không có {what} nào trong dữ liệu còn hiệu lực")


@cache
def _forms() -> dict[str, dict[str, dict]]:
    return vocab.load("award_decrees")["forms"]


def _form_ref(decree: Decree, key: str) -> FormRef:
    entry = _forms().get(decree.number, {}).get(key)
    if entry is None:  # a decree with no entry for a key: unknown form
        title = next((f[key]["title"] for f in _forms().values() if key in f), key)
        return FormRef(decree, key, None, title, False)
    return FormRef(decree, key, entry.get("number"), entry["title"], bool(entry.get("confirmed", False)))


def _check_key(key: str) -> None:
    if key not in FORM_KEYS:
        raise KeyError(f"không có mẫu “{key}”; các mẫu đã biết: {', '.join(FORM_KEYS)}")


def form_for(key: str, on: date) -> FormRef:
    """The form ``key`` as the decree in force on ``on`` prescribes it.

    Raises KeyError (listing the keys) for an unknown key and ValueError before the first decree.
    """
    _check_key(key)
    return _form_ref(decree_in_force(on), key)


def forms_of(decree: Decree | str) -> tuple[FormRef, ...]:
    """Every form of one decree, in the order of :data:`FORM_KEYS`."""
    d = decree_by_number(decree) if isinstance(decree, str) else decree
    if d is None or d.kind != "nghi_dinh":
        raise ValueError(f"“{decree}” không phải nghị định về thi đua, khen thưởng đã biết")
    return tuple(_form_ref(d, k) for k in FORM_KEYS)


def form_by_number(decree: Decree | str, number: str | int) -> FormRef | None:
    """The form printed as "Mẫu số ``number``" of ``decree`` ("07" of 91/2017 →
    ``bao_cao_chuyen_de``), None when the number is not one the data knows."""
    try:
        wanted = int(number)
    except (TypeError, ValueError):
        return None
    for ref in forms_of(decree):
        if ref.number is not None and int(ref.number) == wanted:
            return ref
    return None


def replacement_for(number: str, on: date) -> Decree | None:
    """For a known law or decree ``number`` (any spacing or case) that is NOT in force on
    ``on``, the one of the same kind that is; else None (unknown, still in force, or
    nothing in force that day)."""
    old = decree_by_number(number)
    if old is None or old.in_force(on):
        return None
    try:
        new = decree_in_force(on, old.kind)
    except ValueError:
        return None
    return None if new == old else new
