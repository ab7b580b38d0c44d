"""``vbhc corpus stats``: the counts a researcher looks at first."""
from __future__ import annotations

import os
import sqlite3
from dataclasses import asdict
from typing import Any

from ..vocab import doc_type_by_code
from .filters import Filters, register_fold
from .place import tier_label
from .store import connect

__all__ = ["render_stats", "stats"]


def _rows(conn: sqlite3.Connection, sql: str, names: tuple[str, ...], params: list[Any] | None = None) -> list[dict[str, Any]]:
    return [dict(zip(names, row, strict=True)) for row in conn.execute(sql, params or [])]


def _type_name(code: str | None) -> str | None:
    found = doc_type_by_code().get(code) if code else None
    return found.name.capitalize() if found else code


def stats(db: str | os.PathLike[str], *, top: int = 20, filters: Filters | None = None) -> dict[str, Any]:
    """Counts of the corpus: documents by year, era, issuer level, province and type;
    quotas by award form and level; the most-cited documents; deadlines by month; errors.

    With ``filters`` every count is of the documents they choose (``errors`` stays the
    count of all failed files: a file that failed has no year or province).
    """
    where, params = (filters or Filters()).sql()

    def chosen(alias: str) -> str:
        """The join that keeps a list table's rows of the chosen documents; none unfiltered."""
        return f" JOIN documents d ON d.id = {alias}.doc_id WHERE 1 = 1{where}" if where else ""

    conn = connect(db)
    register_fold(conn)
    conn.execute("BEGIN")  # one snapshot: a build going on meanwhile does not skew the counts
    try:
        out: dict[str, Any] = {
            "documents": conn.execute(f"SELECT COUNT(*) FROM documents d WHERE 1 = 1{where}", params).fetchone()[0],
            "errors": conn.execute("SELECT COUNT(*) FROM errors").fetchone()[0],
            "filters": {k: v for k, v in asdict(filters).items() if v is not None} if filters else {},
        }
        for key, column in (("by_year", "year"), ("by_era", "era"), ("by_issuer_level", "issuer_level"),
                            ("by_province", "province"), ("by_doc_type", "doc_type"), ("by_text_quality", "text_quality")):
            order = f"{column} IS NULL, {column}" if column in ("year", "era") else "documents DESC, " + column
            out[key] = _rows(conn, f"SELECT d.{column}, COUNT(*) AS documents FROM documents d WHERE 1 = 1{where} "
                                   f"GROUP BY d.{column} ORDER BY {order}", (column, "documents"), params)
        out["quotas"] = _rows(conn, f"""
            SELECT q.award, q.level, COUNT(*) AS quotas, COUNT(DISTINCT q.doc_id) AS documents,
                   SUM(q.collectives) AS collectives, SUM(q.individuals) AS individuals
            FROM quotas q{chosen('q')}
            GROUP BY q.award, q.level ORDER BY quotas DESC, q.award, q.level""",
            ("award", "level", "quotas", "documents", "collectives", "individuals"), params)
        cited = _rows(conn, f"""
            SELECT c.number_key, COUNT(DISTINCT c.doc_id) AS documents, COUNT(*) AS citations,
                   (SELECT doc_type FROM citations c2 WHERE c2.number_key = c.number_key
                    GROUP BY doc_type ORDER BY COUNT(*) DESC LIMIT 1) AS doc_type,
                   (SELECT number FROM citations c2 WHERE c2.number_key = c.number_key
                    GROUP BY number ORDER BY COUNT(*) DESC LIMIT 1) AS number
            FROM citations c{chosen('c')}
            GROUP BY c.number_key ORDER BY documents DESC, citations DESC, c.number_key LIMIT {int(top)}""",
            ("number_key", "documents", "citations", "doc_type", "number"), params)
        for row in cited:
            row["citation"] = " ".join(x for x in (_type_name(row["doc_type"]), row["number"]) if x)
        out["top_citations"] = cited
        out["deadlines_by_month"] = _rows(conn, f"""
            SELECT t.month, COUNT(*) AS deadlines, COUNT(DISTINCT t.doc_id) AS documents
            FROM deadlines t{chosen('t')}
            GROUP BY t.month ORDER BY t.month IS NULL, t.month""", ("month", "deadlines", "documents"), params)
        out["errors_by_kind"] = _rows(conn, "SELECT error_kind, COUNT(*) AS files FROM errors GROUP BY error_kind ORDER BY files DESC",
                                      ("error_kind", "files"))
    finally:
        conn.close()
    return out


def _table(title: str, heads: list[str], rows: list[list[Any]]) -> list[str]:
    cells = [[("" if v is None else str(v)) for v in row] for row in rows]
    widths = [max([len(h)] + [len(r[k]) for r in cells]) for k, h in enumerate(heads)]
    numeric = [all(r[k].lstrip("-").isdigit() or not r[k] for r in cells) and k > 0 for k in range(len(heads))]

    def line(values: list[str]) -> str:
        return "  ".join(v.rjust(w) if num else v.ljust(w) for v, w, num in zip(values, widths, numeric, strict=True)).rstrip()

    out = [title, line(heads), line(["-" * w for w in widths])]
    out += [line(r) for r in cells] or ["(không có)"]
    return [*out, ""]


def render_stats(data: dict[str, Any]) -> str:
    """The statistics as Vietnamese text tables."""
    unknown = "(không rõ)"
    chosen = ", ".join(f"{k}={v}" for k, v in data.get("filters", {}).items())
    lines = [f"Văn bản: {data['documents']}" + (f" (lọc: {chosen})" if chosen else "") + f"   Tệp lỗi (cả kho): {data['errors']}", ""]
    lines += _table("Văn bản theo năm", ["năm", "văn bản"], [[r["year"] or unknown, r["documents"]] for r in data["by_year"]])
    lines += _table("Theo giai đoạn (trước/sau sắp xếp đơn vị hành chính 01/7/2025)", ["giai đoạn", "văn bản"],
                    [["từ 01/7/2025" if r["era"] == "2025" else "trước 01/7/2025", r["documents"]] for r in data["by_era"]])
    lines += _table("Theo cấp cơ quan ban hành", ["cấp", "văn bản"],
                    [[tier_label(r["issuer_level"]), r["documents"]] for r in data["by_issuer_level"]])
    lines += _table("Theo tỉnh, thành phố", ["tỉnh, thành phố", "văn bản"],
                    [[r["province"] or unknown, r["documents"]] for r in data["by_province"]])
    lines += _table("Theo loại văn bản", ["loại", "văn bản"],
                    [[_type_name(r["doc_type"]) or unknown, r["documents"]] for r in data["by_doc_type"]])
    lines += _table("Chỉ tiêu khen thưởng theo hình thức và cấp", ["hình thức", "cấp", "chỉ tiêu", "văn bản", "tập thể", "cá nhân"],
                    [[r["award"], tier_label(r["level"]), r["quotas"], r["documents"], r["collectives"], r["individuals"]]
                     for r in data["quotas"]])
    lines += _table("Văn bản được dẫn nhiều nhất", ["văn bản được dẫn", "số văn bản dẫn", "lần dẫn"],
                    [[r["citation"], r["documents"], r["citations"]] for r in data["top_citations"]])
    lines += _table("Thời hạn theo tháng", ["tháng", "thời hạn", "văn bản"],
                    [[r["month"] or "(không ghi ngày)", r["deadlines"], r["documents"]] for r in data["deadlines_by_month"]])
    if data["errors_by_kind"]:
        lines += _table("Tệp lỗi theo loại lỗi", ["loại lỗi", "tệp"], [[r["error_kind"], r["files"]] for r in data["errors_by_kind"]])
    return "\n".join(lines)
