"""Vietnamese administrative units before and after the 1 July 2025 reorganisation.

The table ``data/gazetteer.tsv.gz`` is trimmed from the MIT-licensed ``vietnamadminunits``
package (its ``dataset.db``): for each unit its era ("legacy" before 1 July 2025, "2025"
after), its type (Tỉnh, Thành phố, Huyện, Quận, Thị xã, Xã, Phường, Thị trấn, Đặc khu),
its name, and the province it belongs to. ``python -m vbhc.gazetteer --build`` rebuilds it
from that package when it is installed.

Names are matched on folded keys ("Ngd Nam", OCR'd "Ngã Năm", folds to "ngd nam"; one
OCR-confused letter per syllable is tolerated), so place names in stripped or garbled
text get their marks back.
"""
from __future__ import annotations

import gzip
import sys
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from .vn.text import fold

__all__ = ["Unit", "find_units", "province_of", "units"]


@dataclass(frozen=True)
class Unit:
    """One administrative unit."""

    era: str        # "legacy" (to 30 June 2025) or "2025"
    kind: str       # "Tỉnh", "Thành phố", "Huyện", "Quận", "Thị xã", "Xã", "Phường", "Thị trấn", "Đặc khu"
    name: str       # "Ngã Năm"
    province: str   # "Sóc Trăng"
    level: str      # "tinh", "huyen" or "xa"


@cache
def units() -> tuple[Unit, ...]:
    """Every unit of both eras."""
    out = []
    with resources.files("vbhc.data").joinpath("gazetteer.tsv.gz").open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            era, level, kind, name, province = line.rstrip("\n").split("\t")
            out.append(Unit(era, kind, name, province, level))
    return tuple(out)


@cache
def _by_key() -> dict[str, tuple[Unit, ...]]:
    index: dict[str, list[Unit]] = {}
    for u in units():
        index.setdefault(fold(u.name), []).append(u)
    return {k: tuple(v) for k, v in index.items()}


def find_units(name: str, kind: str | None = None) -> tuple[Unit, ...]:
    """Units whose name folds like ``name`` (and of ``kind``, folded, when given)."""
    found = _by_key().get(fold(" ".join(name.split())), ())
    if kind:
        k = fold(kind)
        found = tuple(u for u in found if fold(u.kind) == k or (k == "thanh pho" and u.level != "xa" and fold(u.kind) == "thanh pho"))
    return found


def province_of(name: str) -> str | None:
    """The province a unit name belongs to, when that is unambiguous."""
    provinces = {u.province for u in find_units(name)}
    return provinces.pop() if len(provinces) == 1 else None


def _build(out: Path) -> int:
    """Rebuild the table from the vietnamadminunits package."""
    import sqlite3

    import vietnamadminunits

    db = Path(vietnamadminunits.__file__).parent / "data" / "dataset.db"
    con = sqlite3.connect(db)
    rows: set[tuple[str, str, str, str, str]] = set()
    kinds = ("Thành phố", "Tỉnh", "Thị xã", "Quận", "Huyện", "Thị trấn", "Phường", "Xã", "Đặc khu")

    def split(full: str) -> tuple[str, str]:
        for k in kinds:
            if full.startswith(k + " "):
                return k, full[len(k) + 1:]
        return "", full

    for era, table, district in (("2025", "admin_units", False), ("legacy", "admin_units_legacy", True)):
        cols = "province, provinceShort, ward" + (", district" if district else "")
        for rec in con.execute(f"select {cols} from {table}"):
            province, province_short, ward = rec[0], rec[1], rec[2]
            kind, _ = split(province)
            rows.add((era, "tinh", kind, province_short, province_short))
            if ward:
                kind, short = split(ward)
                rows.add((era, "xa", kind, short, province_short))
            if district and rec[3]:
                kind, short = split(rec[3])
                rows.add((era, "huyen", kind, short, province_short))
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("# era\tlevel\tkind\tname\tprovince — from vietnamadminunits (MIT), dataset.db\n")
        for row in sorted(rows):
            fh.write("\t".join(row) + "\n")
    print(f"{out}: {len(rows)} units, {out.stat().st_size / 1e3:.0f} kB", file=sys.stderr)
    return 0


if __name__ == "__main__" and "--build" in sys.argv:
    sys.exit(_build(Path(__file__).parent / "data" / "gazetteer.tsv.gz"))
