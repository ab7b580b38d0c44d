"""``vbhc corpus export``: every table of the corpus as CSV, Excel, Parquet or JSON Lines.

CSV, Parquet and JSON Lines write one file per table into a folder; Excel writes one
workbook with one sheet per table. Rows are streamed, so memory does not grow with the
corpus. ``documents.plan_json`` (the whole plan) goes to Parquet and JSON Lines (as the
object ``plan``) but not to CSV or Excel, where a cell cannot hold it.
"""
from __future__ import annotations

import csv
import json
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import ToolMissingError
from ..fileio import atomic_output
from .store import CorpusError, connect
from .tables import SCHEMA_DOC, TABLES

__all__ = ["FORMATS", "export"]

FORMATS = ("csv", "xlsx", "parquet", "jsonl")
_BATCH = 20_000
_EXCEL_ROWS = 1_048_576  # a sheet's rows, the header included


def _columns(table: str, fmt: str) -> list[str]:
    names = [n for n, _, _ in SCHEMA_DOC[table]]
    return [n for n in names if not (n == "plan_json" and fmt in ("csv", "xlsx"))]


def _batches(conn: sqlite3.Connection, table: str, columns: list[str]) -> Iterator[list[tuple[Any, ...]]]:
    order = "id" if table in ("documents", "errors") else "doc_id, ord"
    cursor = conn.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY {order}")
    while rows := cursor.fetchmany(_BATCH):
        yield rows


def _write_csv(conn: sqlite3.Connection, table: str, target: Path) -> None:
    columns = _columns(table, "csv")
    # UTF-8 with a byte-order mark: Excel then shows Vietnamese right; pandas and R skip it.
    with atomic_output(target) as tmp, open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(columns)
        for rows in _batches(conn, table, columns):
            writer.writerows(rows)


def _write_jsonl(conn: sqlite3.Connection, table: str, target: Path) -> None:
    columns = _columns(table, "jsonl")
    with atomic_output(target) as tmp, open(tmp, "w", encoding="utf-8", newline="\n") as fh:
        for rows in _batches(conn, table, columns):
            for row in rows:
                record = dict(zip(columns, row, strict=True))
                if "plan_json" in record:
                    record["plan"] = json.loads(record.pop("plan_json") or "null")
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")


def _arrow_schema(table: str) -> Any:
    import pyarrow as pa

    return pa.schema([(n, pa.int64() if t.startswith("INTEGER") else pa.string()) for n, t, _ in SCHEMA_DOC[table]])


def _write_parquet(conn: sqlite3.Connection, table: str, target: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _arrow_schema(table)
    columns = schema.names
    with atomic_output(target) as tmp:
        with pq.ParquetWriter(tmp, schema, compression="zstd") as writer:
            for rows in _batches(conn, table, columns):
                arrays = [pa.array(list(col), type=schema.field(k).type) for k, col in enumerate(zip(*rows, strict=True))]
                writer.write_table(pa.Table.from_arrays(arrays, schema=schema))


def _write_xlsx(conn: sqlite3.Connection, target: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    def cell(value: Any) -> Any:
        if isinstance(value, str):
            value = ILLEGAL_CHARACTERS_RE.sub("", value)
            return value[:32_000] + "…" if len(value) > 32_000 else value
        return value

    for table in TABLES:
        rows = conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
        if rows >= _EXCEL_ROWS:
            raise CorpusError(target, f"bảng {table} có {rows:,} dòng, quá giới hạn của Excel ({_EXCEL_ROWS - 1:,}); "
                                      "xuất ra csv hoặc parquet")
    book = Workbook(write_only=True)
    for table in TABLES:
        sheet = book.create_sheet(table)
        columns = _columns(table, "xlsx")
        sheet.append(columns)
        for rows in _batches(conn, table, columns):
            for row in rows:
                sheet.append([cell(v) for v in row])
    with atomic_output(target) as tmp:
        book.save(tmp)


def xlsx_target(out: str | os.PathLike[str]) -> Path:
    """Where an Excel export goes: ``out`` if it ends in .xlsx, ``out/corpus.xlsx`` if it is
    a folder, else ``out`` with .xlsx added (never in place of a suffix the user typed)."""
    out = Path(out)
    if out.is_dir():
        return out / "corpus.xlsx"
    return out if out.suffix.lower() == ".xlsx" else out.with_name(out.name + ".xlsx")


def export(db: str | os.PathLike[str], fmt: str, out: str | os.PathLike[str]) -> list[Path]:
    """Write every table of ``db`` in ``fmt`` to ``out`` (a folder, made if missing; for
    xlsx a workbook file, see :func:`xlsx_target`). Returns the files written."""
    if fmt not in FORMATS:
        raise ValueError(f"định dạng không hỗ trợ: {fmt} (chọn một trong {', '.join(FORMATS)})")
    if fmt == "parquet":
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            raise ToolMissingError("pyarrow", "cần pyarrow để ghi Parquet: pip install 'vbhc[corpus]'") from None
    conn = connect(db)
    conn.execute("BEGIN")  # every table from one snapshot, even while a build writes
    try:
        out = Path(out)
        if fmt == "xlsx":
            target = xlsx_target(out)
            if not target.parent.is_dir():
                raise CorpusError(target, "thư mục để ghi không tồn tại")
            _write_xlsx(conn, target)
            return [target]
        if out.exists() and not out.is_dir():
            raise CorpusError(out, "đã có một tệp tên này; xuất csv, parquet, jsonl cần một thư mục")
        out.mkdir(parents=True, exist_ok=True)
        writer = {"csv": _write_csv, "jsonl": _write_jsonl, "parquet": _write_parquet}[fmt]
        written = []
        for table in TABLES:
            target = out / f"{table}.{fmt}"
            writer(conn, table, target)
            written.append(target)
        return written
    finally:
        conn.close()
