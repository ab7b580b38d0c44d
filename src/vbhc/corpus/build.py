"""``vbhc corpus build``: a folder of documents into the corpus database, in parallel,
incrementally, and safe to kill at any moment.

Every file is hashed; one whose hash (and vbhc version) matches what the database holds
is skipped, a new or changed one is parsed again. Each file's rows are written in one
transaction and transactions are committed every few hundred files, so a build killed
with ``kill -9`` loses at most the uncommitted files, which the next run parses again;
a path is unique, so nothing is ever stored twice. A lock file beside the database
(``corpus.sqlite.lock``) keeps two builds apart: the second one waits or stops cleanly.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ..parse import SUFFIXES
from .record import Record, parse_record
from .store import (
    CorpusBusyError,
    CorpusError,
    connect,
    known_files,
    remove_paths,
    stored_paths,
    transaction,
    write_record,
)

__all__ = ["BuildSummary", "Progress", "build", "build_lock", "ingest_records", "parse_in_parallel", "storage_key", "walk"]

#: ``progress(done, total, path)`` after each file.
Progress = Callable[[int, int, str], None]

_COMMIT_EVERY = 256
_COMMIT_SECONDS = 2.0


@dataclass
class BuildSummary:
    """What one build did. ``errors`` counts the files of this folder the database holds
    as failed (this run's and earlier ones' still unchanged)."""

    db: str
    files: int = 0
    parsed: int = 0
    unchanged: int = 0
    failed: int = 0
    removed: int = 0
    documents: int = 0
    errors: int = 0
    seconds: float = 0.0
    failures: list[tuple[str, str]] = field(default_factory=list)


def walk(root: str | os.PathLike[str]) -> list[Path]:
    """The documents under ``root`` (a folder, or one file), in name order; hidden files skipped."""
    root = Path(root)
    if root.is_file():
        return [root]
    if not root.is_dir():
        raise CorpusError(root, "không có thư mục này")
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            if not name.startswith(".") and Path(name).suffix.lower() in SUFFIXES:
                found.append(Path(dirpath) / name)
    return sorted(found)


def storage_key(path: Path, db_dir: Path) -> str:
    """How a file is named in the database: relative to the database's folder when it lies
    under it (the two can move together), else absolute."""
    resolved = path.resolve()
    try:
        return resolved.relative_to(db_dir).as_posix()
    except ValueError:
        return resolved.as_posix()


@contextmanager
def build_lock(db: Path, wait: bool) -> Iterator[int | None]:
    """Hold the build lock of ``db``; raise :class:`CorpusBusyError` if another build holds
    it and ``wait`` is false. The lock dies with its process, so a killed build never
    leaves the database locked. Yields the lock's file descriptor, which worker
    processes close (they must not keep the lock alive after their parent is gone)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX: SQLite's own locking still keeps the file whole
        yield None
        return
    fd = os.open(f"{db}.lock", os.O_RDWR | os.O_CREAT, 0o666)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            raise CorpusBusyError(db, "một lệnh vbhc corpus build khác đang ghi vào cơ sở dữ liệu này; "
                                      "chờ nó xong hoặc chạy với --wait") from None
        yield fd
    finally:
        os.close(fd)


def _die_with_parent() -> None:
    """Ask Linux to kill this worker when the build process dies (even by SIGKILL), so no
    orphan goes on parsing for nobody."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # pragma: no cover - not Linux
        pass


def _init_worker(lock_fd: int | None) -> None:
    os.environ["OMP_THREAD_LIMIT"] = "1"  # one Tesseract thread per process: one process per core
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    if lock_fd is not None:
        os.close(lock_fd)  # the lock is the parent's alone
    _die_with_parent()


def _work(task: tuple[str, str | None, bool]) -> Record:
    return parse_record(*task)


def parse_in_parallel(tasks: list[tuple[str, str | None, bool]], workers: int, lock_fd: int | None = None) -> Iterator[Record]:
    """``parse_record(*task)`` for each task on ``workers`` processes, in the order they finish."""
    if workers <= 1 or len(tasks) <= 1:
        yield from map(_work, tasks)
        return
    context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
    with context.Pool(workers, _init_worker, (lock_fd,)) as pool:
        yield from pool.imap_unordered(_work, tasks, chunksize=max(1, min(16, len(tasks) // (workers * 8))))


def _write_all(conn, records: Iterable[Record], key_of: Callable[[Record], str], summary: BuildSummary,
               total: int, progress: Progress | None) -> None:
    """Write records in batched transactions."""
    batch: list[Record] = []
    last = time.monotonic()

    def flush() -> None:
        with transaction(conn):
            for record in batch:
                write_record(conn, record, key_of(record))
        batch.clear()

    done = 0
    for record in records:
        done += 1
        if record.unchanged:
            summary.unchanged += 1
        else:
            batch.append(record)
            if record.ok:
                summary.parsed += 1
            else:
                summary.failed += 1
                summary.failures.append((record.path, record.error or record.error_kind or ""))
        if batch and (len(batch) >= _COMMIT_EVERY or time.monotonic() - last > _COMMIT_SECONDS):
            flush()
            last = time.monotonic()
        if progress:
            progress(done, total, record.path)
    if batch:
        flush()


def _count(conn, keys: set[str]) -> tuple[int, int]:
    documents = sum(1 for (p,) in conn.execute("SELECT path FROM documents") if p in keys)
    errors = sum(1 for (p,) in conn.execute("SELECT path FROM errors") if p in keys)
    return documents, errors


def build(root: str | os.PathLike[str], db: str | os.PathLike[str] = "corpus.sqlite", *, workers: int | None = None,
          restore: bool = True, wait: bool = False, prune: bool = True, progress: Progress | None = None) -> BuildSummary:
    """Parse every document under ``root`` into the database ``db`` (made if missing).

    ``workers`` processes parse in parallel (default: one per core). Unchanged files are
    skipped; files gone from ``root`` are forgotten unless ``prune`` is false. Stripped
    or garbled text has its diacritics restored before it is read unless ``restore`` is
    false.
    """
    started = time.monotonic()
    db = Path(db)
    db_dir = db.resolve().parent
    files = walk(root)
    summary = BuildSummary(str(db), files=len(files))
    with build_lock(db, wait) as lock_fd:
        conn = connect(db, create=True)
        try:
            keys = {storage_key(f, db_dir): f for f in files}
            if prune:
                root_key = storage_key(Path(root), db_dir)
                gone = [p for p in stored_paths(conn) if p not in keys and (p == root_key or p.startswith(root_key.rstrip("/") + "/"))]
                if gone:
                    with transaction(conn):
                        remove_paths(conn, gone)
                summary.removed = len(gone)
            known = known_files(conn)
            # Workers get absolute paths: the plan's ``source`` is then the same as a cluster's.
            key_by_path = {str(f.resolve()): k for k, f in keys.items()}
            tasks = [(path, known.get(k), restore) for path, k in key_by_path.items()]
            _write_all(conn, parse_in_parallel(tasks, workers or os.cpu_count() or 1, lock_fd), lambda r: key_by_path[r.path],
                       summary, len(tasks), progress)
            summary.documents, summary.errors = _count(conn, set(keys))
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # leave one file, not a large -wal beside it
        finally:
            conn.close()
    summary.seconds = time.monotonic() - started
    return summary


def ingest_records(records: Iterable[Record], db: str | os.PathLike[str] = "corpus.sqlite", *, wait: bool = False,
                   total: int = 0, progress: Progress | None = None) -> BuildSummary:
    """Store records made elsewhere (a cluster's Parquet partitions) in ``db``; a record
    whose file the database holds with the same hash is skipped."""
    started = time.monotonic()
    db = Path(db)
    db_dir = db.resolve().parent
    summary = BuildSummary(str(db))
    with build_lock(db, wait):
        conn = connect(db, create=True)
        try:
            known = known_files(conn)
            keys: set[str] = set()

            def fresh() -> Iterator[Record]:
                for record in records:
                    summary.files += 1
                    key = storage_key(Path(record.path), db_dir)
                    keys.add(key)
                    if known.get(key) == record.sha256 and record.sha256:
                        record = Record(record.path, record.sha256, record.size, unchanged=True)
                    yield record

            _write_all(conn, fresh(), lambda r: storage_key(Path(r.path), db_dir), summary, total, progress)
            summary.documents, summary.errors = _count(conn, keys)
        finally:
            conn.close()
    summary.seconds = time.monotonic() - started
    return summary
