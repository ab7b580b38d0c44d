"""Where an issuer or a conferrer stands: its tier (trung ương, tỉnh, huyện, xã) and province.

The tier comes from the unit word printed before the place name ("UBND huyện Lộc Ninh");
a city ("thành phố") is looked up in the gazetteer, since Cần Thơ is a province and Thủ
Dầu Một was a district. A department with no unit word of its own (Sở Nội vụ) takes its
parent's tier. The words are data (``data/corpus.toml``).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from .. import vocab
from ..gazetteer import Unit, find_units, province_of
from ..vn.text import fold

__all__ = ["Standing", "conferrer_tier", "issuer_standing", "tier_label"]

#: The reorganisation of 1 July 2025 (two tiers of local government) divides the eras.
REORGANISATION = "2025-07-01"
_CITY = "thanh pho"


@dataclass(frozen=True)
class Standing:
    """An issuer's tier ("trung_uong", "tinh", "huyen", "xa" or None) and province."""

    tier: str | None = None
    province: str | None = None


@cache
def _words() -> tuple[dict[str, str], tuple[str, ...], tuple[str, ...]]:
    data = vocab.load("corpus")
    return data["unit_tiers"], tuple(data["central"]["words"]), tuple(data["central"]["prefixes"])


def tier_label(tier: str | None) -> str:
    """The Vietnamese label of a tier ("tỉnh"); "không rõ" for None."""
    return vocab.load("corpus")["tier_labels"].get(tier or "", "không rõ")


def _is_central(folded: str) -> bool:
    _, central, prefixes = _words()
    padded = f" {folded} "
    return any(f" {w} " in padded for w in central) or any(folded == p or folded.startswith(p + " ") for p in prefixes)


def _unit_word(folded: str) -> tuple[str, str] | None:
    """The last unit word of ``folded`` and the name after it: ("thi xa", "phuoc long")."""
    tiers, _, _ = _words()
    words = (*tiers, _CITY)
    tokens = folded.replace(",", " ").split()
    for i in range(len(tokens) - 1, -1, -1):
        for width in (2, 1):
            word = " ".join(tokens[i:i + width])
            if word in words:
                if width == 1 and i > 0 and f"{tokens[i - 1]} {word}" in words:
                    continue  # "xa" of "thi xa"
                return word, " ".join(tokens[i + width:])
    return None


def _era(issue_date: str | None) -> str:
    return "2025" if issue_date and issue_date >= REORGANISATION else "legacy"


def _units(name: str) -> tuple[Unit, ...]:
    """Units named ``name``, or its longest leading words a unit is named ("ha noi da" → Hà Nội)."""
    words = name.split()
    for end in range(len(words), 0, -1):
        found = find_units(" ".join(words[:end]))
        if found:
            return found
    return ()


def _preferred(units: tuple[Unit, ...], era: str, *tests: Callable[[Unit], bool]) -> tuple[Unit, ...]:
    """The units passing the first test that any pass, those of ``era`` first."""
    for test in (*tests, lambda u: True):
        passing = tuple(u for u in units if test(u))
        if passing:
            return tuple(u for u in passing if u.era == era) or passing
    return ()


def _one_province(units: tuple[Unit, ...]) -> str | None:
    provinces = {u.province for u in units}
    return provinces.pop() if len(provinces) == 1 else None


def _standing_of(text: str | None, issue_date: str | None) -> Standing | None:
    if not text:
        return None
    folded = " ".join(fold(text).split())
    if _is_central(folded):
        return Standing("trung_uong", None)
    found = _unit_word(folded)
    if not found:
        return None
    word, name = found
    units = _units(name)
    era = _era(issue_date)
    if word == _CITY:
        cities = _preferred(units, era, lambda u: fold(u.kind) == _CITY)
        if any(u.level == "tinh" for u in cities):
            return Standing("tinh", next(u.province for u in cities if u.level == "tinh"))
        return Standing("huyen" if cities else None, _one_province(cities))
    tier = _words()[0][word]
    return Standing(tier, _one_province(_preferred(units, era, lambda u: fold(u.kind) == word, lambda u: u.level == tier)))


def issuer_standing(issuer: str | None, parent_issuer: str | None, place: str | None, issue_date: str | None) -> Standing:
    """The issuer's tier and province, from its name, else its parent's, else the place."""
    own = _standing_of(issuer, issue_date)
    parent = _standing_of(parent_issuer, issue_date)
    tier = (own.tier if own else None) or (parent.tier if parent else None)
    province = (own.province if own else None) or (parent.province if parent else None)
    if province is None and tier != "trung_uong" and place:
        province = province_of(place)
    return Standing(tier, province)


def conferrer_tier(conferrer: str | None, award: str | None, issuer_tier: str | None) -> str | None:
    """The tier of whoever confers an award: from the conferrer as printed ("Chủ tịch UBND
    tỉnh"), else from the award's own name ("Chiến sĩ thi đua cấp tỉnh").

    A bare "thành phố" is the issuer's own tier when the issuer is a province or a district
    (a city plans for itself), else the district above a commune.
    """
    for text in (conferrer, award):
        if not text:
            continue
        folded = " ".join(fold(text).split())
        if _is_central(folded) or folded.endswith("toan quoc"):
            return "trung_uong"
        tokens = folded.split()
        tiers = _words()[0]
        for i in range(len(tokens) - 1, -1, -1):
            pair = " ".join(tokens[i:i + 2])
            if pair == _CITY:
                return issuer_tier if issuer_tier in ("tinh", "huyen") else "huyen"
            if pair in tiers and i + 1 < len(tokens):
                return tiers[pair]
            if tokens[i] in tiers and not (i > 0 and f"{tokens[i - 1]} {tokens[i]}" in tiers):
                return tiers[tokens[i]]
    return None
