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

__all__ = ["CorpusBusyError", "CorpusError", "check_target", "close_for_readers", "connect", "known_files", "remove_paths", "stored_files", "write_record"]


class CorpusError(VbhcError):
    """The corpus database cannot be used (wrong file, other schema version)."""

    def __init__(self, path: str | os.PathLike[str], problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{path}: {problem}")


class CorpusBusyError(CorpusError):
    """Another build holds the database."""


def _read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot change the file (it may lie on read-only media)."""
    return sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True, timeout=60, isolation_level=None)


def check_target(db: str | os.PathLike[str], *, create: bool = False) -> Path:
    """Check, without changing anything, that ``db`` is a corpus database of this schema
    (or, with ``create``, a place one can be made); return its path."""
    path = Path(db)
    if path.is_dir():
        raise CorpusError(path, "là một thư mục, không phải tệp cơ sở dữ liệu (đặt tên tệp, vd. --db corpus.sqlite)")
    if path.exists() and not path.is_file():
        raise CorpusError(path, "không phải tệp thường (thiết bị, ống …), không dùng làm cơ sở dữ liệu được")
    if not path.is_file():
        if not create:
            raise CorpusError(path, "không có cơ sở dữ liệu này; tạo bằng: vbhc corpus build THƯ_MỤC --db " + str(path))
        if not path.parent.is_dir():
            raise CorpusError(path, "thư mục chứa cơ sở dữ liệu không tồn tại")
        return path
    if path.stat().st_size == 0:
        if create:
            return path
        raise CorpusError(path, "cơ sở dữ liệu rỗng; tạo bằng vbhc corpus build")
    try:
        conn = _read_only(path)
    except sqlite3.Error as exc:
        raise CorpusError(path, f"không mở được tệp ({exc})") from None
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        version = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() if "meta" in tables else None
    except sqlite3.DatabaseError as exc:
        raise CorpusError(path, f"không phải cơ sở dữ liệu SQLite ({exc})") from None
    finally:
        conn.close()
    if "meta" in tables:
        if version is None or version[0] != str(SCHEMA_VERSION):
            raise CorpusError(path, f"cơ sở dữ liệu theo lược đồ phiên bản {version[0] if version else '?'}, "
                                    f"vbhc này dùng phiên bản {SCHEMA_VERSION}: xóa tệp và chạy lại vbhc corpus build")
    elif tables:
        raise CorpusError(path, "không phải cơ sở dữ liệu của vbhc corpus (không ghi gì vào đó)")
    elif not create:
        raise CorpusError(path, "cơ sở dữ liệu rỗng; tạo bằng vbhc corpus build")
    return path


def connect(db: str | os.PathLike[str], *, create: bool = False) -> sqlite3.Connection:
    """Open a corpus database for reading, or with ``create`` open (making it if need be)
    for writing; the file is checked to be one of ours before anything is written."""
    path = check_target(db, create=create)
    try:
        if not create:
            conn = _read_only(path)
            conn.execute("PRAGMA query_only = ON")
            return conn
        conn = sqlite3.connect(path, timeout=60, isolation_level=None)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'meta'").fetchone() is None:
            with transaction(conn):
                for statement in create_sql().split(";\n"):
                    conn.execute(statement)
                conn.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
                conn.execute("INSERT OR REPLACE INTO meta VALUES ('created_by', ?)", (f"vbhc {__version__}",))
    except sqlite3.Error as exc:
        raise CorpusError(path, f"không mở được cơ sở dữ liệu ({exc})") from None
    return conn


def close_for_readers(conn: sqlite3.Connection) -> None:
    """End a build: fold the write-ahead log into the file and leave it in rollback-journal
    mode, so that it is one file readers can open even on read-only media. While a reader
    holds the database open (a notebook) that cannot be done; it then stays in WAL mode, as
    sound, until a later build. Never raises: it runs after errors too."""
    try:
        conn.execute("PRAGMA busy_timeout = 0")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode = DELETE")
    except sqlite3.Error:
        pass
    finally:
        conn.close()


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


def stored_files(conn: sqlite3.Connection) -> dict[str, tuple[str, str, str]]:
    """Stored path → (SHA-256, parse options, vbhc version) of every file the database holds."""
    out: dict[str, tuple[str, str, str]] = {}
    for table in ("documents", "errors"):
        for path, sha, options, version in conn.execute(f"SELECT path, sha256, parse_options, vbhc_version FROM {table}"):
            out[path] = (sha, options, version)
    return out


def known_files(conn: sqlite3.Connection, options: str | None = None) -> dict[str, str]:
    """Stored path → SHA-256, for files parsed (or failed) by this version of vbhc with the
    same parse ``options`` (any options when None): the files a build may skip."""
    return {path: sha for path, (sha, opts, version) in stored_files(conn).items()
            if version == __version__ and (options is None or opts == options)}


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
        values = {"path": key, "sha256": record.sha256, "size": record.size, "parsed_at": now, "vbhc_version": record.vbhc_version,
                  "parse_options": record.options, "error_kind": record.error_kind, "message": record.error}
        conn.execute(_ERR_INSERT, [values[c] for c in _ERR_COLUMNS])
        return
    plan = record.plan()
    rows = rows_of(plan, record.plan_json)
    values = {"path": key, "sha256": record.sha256, "size": record.size, "parsed_at": now, "vbhc_version": record.vbhc_version,
              "parse_options": record.options, **rows.document}
    doc_id = conn.execute(_DOC_INSERT, [values[c] for c in _DOC_COLUMNS]).lastrowid
    for table, items in rows.lists.items():
        if items:
            conn.executemany(_LIST_INSERT[table], [(doc_id, k, *item) for k, item in enumerate(items)])
    conn.execute("INSERT INTO search (rowid, title, body, title_folded, body_folded) VALUES (?, ?, ?, ?, ?)",
                 (doc_id, *search_texts(plan.get("title"), record.text or "")))
