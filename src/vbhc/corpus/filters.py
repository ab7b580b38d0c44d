"""Which documents a search or the statistics look at: year, type, province, issuer level."""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from ..vn.text import fold

__all__ = ["Filters", "register_fold"]


def register_fold(conn: sqlite3.Connection) -> None:
    """Give ``conn`` the SQL function ``vbhc_fold(text)``: no marks, no case, single spaces."""
    conn.create_function("vbhc_fold", 1, lambda v: " ".join(fold(v).split()) if v else v, deterministic=True)


@dataclass(frozen=True)
class Filters:
    """Which documents a search looks in: issue year (or a span of years), document type
    (code "KE_HOACH" or name "kế hoạch"), province, issuer level (trung_uong, tinh, huyen,
    xa). Names compare without marks or case."""

    year: int | None = None
    year_to: int | None = None
    doc_type: str | None = None
    province: str | None = None
    level: str | None = None

    def __bool__(self) -> bool:
        return any(v is not None for v in (self.year, self.doc_type, self.province, self.level))

    def sql(self) -> tuple[str, list[Any]]:
        """`` AND …`` conditions on the documents table, aliased ``d``, and their parameters
        (the connection needs :func:`register_fold`)."""
        where, params = [], []
        if self.year is not None:
            where.append("d.year BETWEEN ? AND ?")
            params += [self.year, self.year_to if self.year_to is not None else self.year]
        if self.doc_type:
            where.append("d.doc_type = ?")
            params.append(_type_code(self.doc_type))
        if self.province:
            where.append("vbhc_fold(d.province) = ?")
            params.append(" ".join(fold(self.province).split()))
        if self.level:
            where.append("d.issuer_level = ?")
            params.append(fold(self.level).replace(" ", "_"))
        return "".join(f" AND {w}" for w in where), params


def _type_code(name: str) -> str:
    """"kế hoạch", "KE_HOACH", "KH" → "KE_HOACH"."""
    from ..vocab import doc_type_by_abbr, doc_types

    key = " ".join(fold(name).replace("_", " ").split())
    for t in doc_types():
        if key in (fold(t.name), fold(t.code).replace("_", " ")):
            return t.code
    found = doc_type_by_abbr().get(key)
    return found.code if found else name.upper()


