"""The corpus database: opening it, and writing one file's record into it atomically."""
from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from .. import __version__
from ..errors import VbhcError
from .record import Record
from .tables import CHILD_TABLES, SCHEMA_VERSION, column_names, create_sql, rows_of, search_texts

__all__ = ["CorpusBusyError", "CorpusError", "connect", "known_files", "remove_paths", "write_record"]


class CorpusError(VbhcError):
    """The corpus database cannot be used (wrong file, other schema version)."""

    def __init__(self, path: str | os.PathLike[str], problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{path}: {problem}")


class CorpusBusyError(CorpusError):
    """Another build holds the database."""


def connect(db: str | os.PathLike[str], *, create: bool = False) -> sqlite3.Connection:
    """Open (or, with ``create``, make) a corpus database, checking it is one of ours."""
    path = Path(db)
    if not create and not path.is_file():
        raise CorpusError(path, "không có cơ sở dữ liệu này; tạo bằng: vbhc corpus build THƯ_MỤC --db " + str(path))
    if create and not path.parent.is_dir():
        raise CorpusError(path, "thư mục chứa cơ sở dữ liệu không tồn tại")
    conn = sqlite3.connect(path, timeout=60, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise CorpusError(path, f"không phải cơ sở dữ liệu SQLite ({exc})") from None
    if "meta" in tables:
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if row is None or int(row[0]) != SCHEMA_VERSION:
            conn.close()
            raise CorpusError(path, f"cơ sở dữ liệu theo lược đồ phiên bản {row[0] if row else '?'}, "
                                    f"vbhc này dùng phiên bản {SCHEMA_VERSION}: xóa tệp và chạy lại vbhc corpus build")
    elif tables:
        conn.close()
        raise CorpusError(path, "không phải cơ sở dữ liệu của vbhc corpus")
    elif not create:
        conn.close()
        raise CorpusError(path, "cơ sở dữ liệu rỗng; tạo bằng vbhc corpus build")
    else:
        with transaction(conn):
            for statement in create_sql().split(";\n"):
                conn.execute(statement)
            conn.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
            conn.execute("INSERT OR REPLACE INTO meta VALUES ('created_by', ?)", (f"vbhc {__version__}",))
    return conn


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """``BEGIN IMMEDIATE`` … ``COMMIT``, rolled back on any error."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def known_files(conn: sqlite3.Connection) -> dict[str, str]:
    """Stored path → SHA-256, for files parsed (or failed) by this version of vbhc."""
    out: dict[str, str] = {}
    for table in ("documents", "errors"):
        for path, sha in conn.execute(f"SELECT path, sha256 FROM {table} WHERE vbhc_version = ?", (__version__,)):
            out[path] = sha
    return out


def stored_paths(conn: sqlite3.Connection) -> set[str]:
    """Every path the database holds, whatever version parsed it."""
    return {p for table in ("documents", "errors") for (p,) in conn.execute(f"SELECT path FROM {table}")}


def remove_paths(conn: sqlite3.Connection, paths: list[str]) -> None:
    """Forget files (their rows in every table); call inside a transaction."""
    for path in paths:
        row = conn.execute("SELECT id FROM documents WHERE path = ?", (path,)).fetchone()
        if row:
            conn.execute("DELETE FROM search WHERE rowid = ?", row)
            conn.execute("DELETE FROM documents WHERE id = ?", row)  # list rows go by ON DELETE CASCADE
        conn.execute("DELETE FROM errors WHERE path = ?", (path,))


def _insert_sql(table: str, names: list[str]) -> str:
    return f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"


_DOC_COLUMNS = [c for c in column_names("documents") if c != "id"]
_ERR_COLUMNS = [c for c in column_names("errors") if c != "id"]
_DOC_INSERT = _insert_sql("documents", _DOC_COLUMNS)
_ERR_INSERT = _insert_sql("errors", _ERR_COLUMNS)
_LIST_INSERT = {t: _insert_sql(t, column_names(t)) for t in CHILD_TABLES}


def write_record(conn: sqlite3.Connection, record: Record, key: str) -> None:
    """Replace whatever the database holds for ``key`` by this record; call inside a
    transaction so that a file's rows land all together or not at all."""
    remove_paths(conn, [key])
    now = datetime.now(UTC).isoformat(timespec="seconds")
    if not record.ok:
        values = {"path": key, "sha256": record.sha256, "size": record.size, "parsed_at": now, "vbhc_version": __version__,
                  "error_kind": record.error_kind, "message": record.error}
        conn.execute(_ERR_INSERT, [values[c] for c in _ERR_COLUMNS])
        return
    plan = record.plan()
    rows = rows_of(plan, record.plan_json)
    values = {"path": key, "sha256": record.sha256, "size": record.size, "parsed_at": now, "vbhc_version": __version__,
              **rows.document}
    doc_id = conn.execute(_DOC_INSERT, [values[c] for c in _DOC_COLUMNS]).lastrowid
    for table, items in rows.lists.items():
        if items:
            conn.executemany(_LIST_INSERT[table], [(doc_id, k, *item) for k, item in enumerate(items)])
    conn.execute("INSERT INTO search (rowid, title, body, title_folded, body_folded) VALUES (?, ?, ?, ?, ?)",
                 (doc_id, *search_texts(plan.get("title"), record.text or "")))
