"""Where an issuer or a conferrer stands: its tier (trung ương, tỉnh, huyện, xã) and province.

The tier comes from the first unit word printed before a place name the gazetteer knows
("UBND huyện Lộc Ninh", "Bộ Chỉ huy Quân sự tỉnh Đồng Nai"); a city ("thành phố") is a
province or a district as the gazetteer says (Cần Thơ, Thủ Dầu Một). A bare unit word
counts only after "nhân dân", "UBND" … ("ỦY BAN NHÂN DÂN TỈNH"), so "xã hội" or "cơ quan"
are not units. A body with no unit of its own (Sở Nội vụ) takes its parent's tier; one
named by the central words (Chính phủ, Bộ …) is central. The words are data
(``data/corpus.toml``).
"""
from __future__ import annotations

import re
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
_PUNCTUATION = re.compile(r"[.,;:()]")


@dataclass(frozen=True)
class Standing:
    """An issuer's tier ("trung_uong", "tinh", "huyen", "xa" or None) and province."""

    tier: str | None = None
    province: str | None = None


@dataclass(frozen=True)
class _Words:
    tiers: dict[str, str]
    abbreviations: dict[str, str]
    bare_after: tuple[str, ...]
    central: tuple[str, ...]
    central_prefixes: tuple[str, ...]


@cache
def _words() -> _Words:
    data = vocab.load("corpus")
    return _Words(data["unit_tiers"], data["unit_abbreviations"], tuple(data["unit_context"]["before_bare_unit"]),
                  tuple(data["central"]["words"]), tuple(data["central"]["prefixes"]))


def tier_label(tier: str | None) -> str:
    """The Vietnamese label of a tier ("tỉnh"); "không rõ" for None."""
    return vocab.load("corpus")["tier_labels"].get(tier or "", "không rõ")


def _tokens(text: str) -> list[str]:
    words = _words()
    out: list[str] = []
    for token in _PUNCTUATION.sub(" ", fold(text)).split():
        out.extend(words.abbreviations.get(token, token).split())
    return out


def _is_central(tokens: list[str]) -> bool:
    words = _words()
    padded = f" {' '.join(tokens)} "
    return any(f" {w} " in padded for w in words.central) or any(padded.startswith(f" {p} ") for p in words.central_prefixes)


def _era(issue_date: str | None) -> str:
    return "2025" if issue_date and issue_date >= REORGANISATION else "legacy"


def _units(rest: list[str]) -> tuple[Unit, ...]:
    """Units named by the leading words of ``rest`` (the longest that names one: "ha noi da"
    → Hà Nội); a one-word name only when nothing follows it."""
    for end in range(len(rest), 0, -1):
        if end == 1 and len(rest) > 1:
            break
        found = find_units(" ".join(rest[:end]))
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


def _placed(word: str, units: tuple[Unit, ...], era: str) -> Standing:
    if word == _CITY:
        cities = _preferred(units, era, lambda u: fold(u.kind) == _CITY)
        if any(u.level == "tinh" for u in cities):
            return Standing("tinh", next(u.province for u in cities if u.level == "tinh"))
        return Standing("huyen", _one_province(cities))
    tier = _words().tiers[word]
    return Standing(tier, _one_province(_preferred(units, era, lambda u: fold(u.kind) == word, lambda u: u.level == tier)))


def _standing_of(text: str | None, issue_date: str | None) -> Standing | None:
    """The standing named by ``text`` itself, or None when it names no unit and no central body."""
    if not text:
        return None
    words = _words()
    tokens = _tokens(text)
    unit_words = (*words.tiers, _CITY)
    era = _era(issue_date)
    for i in range(len(tokens)):
        for width in (2, 1):
            word = " ".join(tokens[i:i + width])
            if word not in unit_words or (width == 1 and i > 0 and f"{tokens[i - 1]} {word}" in unit_words):
                continue
            rest = tokens[i + width:]
            units = _units(rest)
            if units:
                placed = _placed(word, units, era)
                if placed.province is None and len(rest) > 1:
                    # "xã Hòa Bình, huyện Xuyên Mộc": the unit above says which Hòa Bình
                    above = _standing_of(" ".join(rest[1:]), issue_date)
                    if above and above.province in {u.province for u in units}:
                        return Standing(placed.tier, above.province)
                return placed
            head = " ".join(tokens[:i])
            if not rest and word != _CITY and any(head.endswith(w) for w in words.bare_after):
                return Standing(words.tiers[word], None)
            break
    if _is_central(tokens):
        return Standing("trung_uong", None)
    return None


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
    tỉnh", "Chủ tịch UBND thành phố Hồ Chí Minh"), else from the award's own name
    ("Chiến sĩ thi đua cấp tỉnh", "Bằng khen của Thủ tướng Chính phủ").

    A bare "thành phố" is the issuer's own tier when the issuer is a province or a district
    (a city plans for itself), else the district above a commune.
    """
    tiers = _words().tiers
    named = _standing_of(conferrer, None)
    if named and named.tier:
        return named.tier
    by_award = vocab.load("corpus")["award_tiers"].get(award or "")
    if by_award:
        return by_award
    for text in (conferrer, award):
        named = _standing_of(text, None)
        if named and named.tier:
            return named.tier
        if not text:
            continue
        tokens = _tokens(text)
        if tokens[-1:] == ["quoc"] and tokens[-2:-1] == ["toan"]:
            return "trung_uong"
        for i in range(len(tokens) - 1, -1, -1):
            pair = " ".join(tokens[i:i + 2])
            if pair == _CITY:
                return issuer_tier if issuer_tier in ("tinh", "huyen") else "huyen"
            if pair in tiers and i + 1 < len(tokens):
                return tiers[pair]
            if tokens[i] in tiers and not (i > 0 and f"{tokens[i - 1]} {tokens[i]}" in tiers):
                return tiers[tokens[i]]
    return None
