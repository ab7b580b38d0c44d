"""The domain vocabulary, loaded once from the TOML files in ``vbhc/data``.

Document types and their abbreviations, header words, signing prefixes and titles,
section-heading synonyms and OCR confusions all live in those files; code asks this
module for them and never spells them in its own regular expressions.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from .vn.text import fold

__all__ = ["DocType", "doc_type_by_abbr", "doc_type_by_code", "doc_types", "load"]


@cache
def load(name: str) -> dict[str, Any]:
    """The parsed contents of ``data/<name>.toml``."""
    with resources.files("vbhc.data").joinpath(f"{name}.toml").open("rb") as fh:
        return tomllib.load(fh)


@dataclass(frozen=True)
class DocType:
    """One type of document: code, printed name, ký hiệu abbreviation, kind."""

    code: str
    name: str
    abbr: str
    kind: str
    heading: bool = True

    @property
    def folded(self) -> str:
        return fold(self.name)


@cache
def doc_types() -> tuple[DocType, ...]:
    """All document types, longest printed name first (so "THÔNG TƯ LIÊN TỊCH" wins)."""
    types = [DocType(**entry) for entry in load("doc_types")["type"]]
    return tuple(sorted(types, key=lambda t: len(t.name), reverse=True))


@cache
def doc_type_by_code() -> dict[str, DocType]:
    return {t.code: t for t in doc_types()}


@cache
def doc_type_by_abbr() -> dict[str, DocType]:
    """Administrative and legal types by folded abbreviation ("qd" → QUYET_DINH)."""
    out: dict[str, DocType] = {}
    for t in sorted(doc_types(), key=lambda t: t.kind != "hanh_chinh"):
        if t.abbr and fold(t.abbr) not in out:
            out[fold(t.abbr)] = t
    return out


def ocr_letters() -> dict[str, list[str]]:
    return load("ocr")["letters"]
