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

import json
import multiprocessing
import os
import signal
import sqlite3
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..parse import documents_in
from .record import Record, died_record, parse_options, parse_record
from .store import (
    CorpusBusyError,
    CorpusError,
    check_target,
    close_for_readers,
    connect,
    known_files,
    remove_paths,
    stored_files,
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
    """What one build did. ``documents`` and ``errors`` count the files of this folder (or
    these partitions) that the database holds parsed or failed, this run's and earlier
    ones' still unchanged. ``notes`` are warnings for the user (a folder that could not be
    read, records made against another database)."""

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
    notes: list[str] = field(default_factory=list)


def walk(root: str | os.PathLike[str], unreadable: list[str] | None = None) -> list[Path]:
    """The documents under ``root`` (a folder, or one file), in name order (see
    :func:`vbhc.parse.documents_in`)."""
    root = Path(root)
    if root.is_file():
        return [root]
    if not root.is_dir():
        raise CorpusError(root, "không có thư mục này")
    return documents_in(root, unreadable)


def _absolute(path: str | os.PathLike[str]) -> str:
    """The path made absolute with its folder's links resolved but not its own name: one
    name for a file however its folder is reached, and a linked file stays where the user
    put it (so it is forgotten when the link goes)."""
    absolute = os.path.abspath(path)
    return os.path.join(os.path.realpath(os.path.dirname(absolute)), os.path.basename(absolute))


def storage_key(path: str | os.PathLike[str], db_dir: str | os.PathLike[str]) -> str:
    """How a file is named in the database: relative to the database's folder when it lies
    under it (the two can move together), else absolute."""
    absolute, folder = _absolute(path), os.path.realpath(db_dir)
    if absolute.startswith(folder.rstrip(os.sep) + os.sep):
        return Path(os.path.relpath(absolute, folder)).as_posix()
    return Path(absolute).as_posix()


def _under(key: str, root: str, db_dir: str) -> bool:
    """True when the stored ``key`` names a file at or under the absolute path ``root``."""
    absolute = key if os.path.isabs(key) else os.path.join(db_dir, key)
    return absolute == root or absolute.startswith(root.rstrip(os.sep) + os.sep)


@contextmanager
def build_lock(db: str | os.PathLike[str], wait: bool) -> Iterator[int | None]:
    """Hold the build lock of ``db``; raise :class:`CorpusBusyError` if another build holds
    it and ``wait`` is false. The lock dies with its process, so a killed build never
    leaves the database locked. Yields the lock's file descriptor, which worker
    processes close (they must not keep the lock alive after their parent is gone)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX: SQLite's own locking still keeps the file whole
        yield None
        return
    real = os.path.realpath(db)  # one lock whatever name the database is reached by
    fd = os.open(f"{real}.lock", os.O_RDWR | os.O_CREAT, 0o666)
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


#: (path, known SHA-256, restore, name for the plan's ``source``)
Task = tuple[str, str | None, bool, str]


def _work(task: Task) -> Record:
    return parse_record(*task)


def _work_chunk(chunk: list[Task]) -> list[Record]:
    return [parse_record(*task) for task in chunk]


def _pool(workers: int, lock_fd: int | None) -> ProcessPoolExecutor:
    context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
    return ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker, initargs=(lock_fd,))


def _terminate(pool: ProcessPoolExecutor) -> None:
    """Stop a pool's workers now, not when their files are done (Ctrl-C, an error)."""
    for process in list(getattr(pool, "_processes", {}).values()):  # no public way before Python 3.14
        process.terminate()
    pool.shutdown(wait=False, cancel_futures=True)


# The lanes of work: whole chunks; single files retried after a worker died, one per worker;
# suspects, one at a time, so that a death names its file.
_SUSPECTS, _RETRIED, _CHUNKS = 0, 1, 2


def parse_in_parallel(tasks: list[Task], workers: int, lock_fd: int | None = None) -> Iterator[Record]:
    """``parse_record(*task)`` for each task on ``workers`` processes, in the order they finish.

    A worker that dies (killed for memory, a crash in a PDF or OCR library) does not stop
    the batch. The files that were in flight are tried again one per worker in a new pool;
    if a worker dies again, the few files then in flight are tried one at a time, and the
    one that kills its worker is recorded as an internal error. Closing the iterator (Ctrl-C)
    stops the workers at once.
    """
    if workers <= 1 or len(tasks) <= 1:
        yield from map(_work, tasks)
        return
    size = max(1, min(16, len(tasks) // (workers * 8)))
    lanes: list[deque[list[Task]]] = [deque(), deque(), deque(tasks[k:k + size] for k in range(0, len(tasks), size))]
    limits = {_SUSPECTS: 1, _RETRIED: workers, _CHUNKS: workers * 4}

    def demote(lane: int, chunk: list[Task]) -> Iterator[Record]:
        if lane == _SUSPECTS:
            yield died_record(chunk[0][0], parse_options(chunk[0][2]))
        else:
            lanes[lane - 1].extend([task] for task in chunk)

    while any(lanes):
        lane = next(k for k, queue in enumerate(lanes) if queue)
        queue, pool = lanes[lane], _pool(workers, lock_fd)
        in_flight: dict[Future[list[Record]], list[Task]] = {}
        broken = False
        try:
            while (queue or in_flight) and not broken:
                while queue and len(in_flight) < limits[lane]:
                    chunk = queue.popleft()
                    try:
                        in_flight[pool.submit(_work_chunk, chunk)] = chunk
                    except BrokenProcessPool:
                        queue.appendleft(chunk)
                        broken = True
                        break
                if not in_flight:
                    break
                done, _ = wait(in_flight, return_when=FIRST_COMPLETED)
                for future in done:
                    chunk = in_flight.pop(future)
                    try:
                        records = future.result()
                    except BrokenProcessPool:
                        broken = True
                        yield from demote(lane, chunk)
                        continue
                    yield from records
            for future, chunk in in_flight.items():  # only after a death
                if future.done() and not future.cancelled() and future.exception() is None:
                    yield from future.result()
                else:
                    yield from demote(lane, chunk)
        except BaseException:
            _terminate(pool)
            raise
        pool.shutdown(wait=not broken, cancel_futures=True)


def _write_all(conn: sqlite3.Connection, records: Iterable[Record], key_of: Callable[[Record], str],
               summary: BuildSummary, total: int, progress: Progress | None) -> None:
    """Write records in batched transactions; on Ctrl-C what was parsed is written first."""
    batch: list[Record] = []
    last = time.monotonic()

    def flush() -> None:
        with transaction(conn):
            for record in batch:
                write_record(conn, record, key_of(record))
        batch.clear()

    done = 0
    try:
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
    finally:
        if batch:
            flush()


def _count(conn: sqlite3.Connection, keys: set[str]) -> tuple[int, int]:
    documents = sum(1 for (p,) in conn.execute("SELECT path FROM documents") if p in keys)
    errors = sum(1 for (p,) in conn.execute("SELECT path FROM errors") if p in keys)
    return documents, errors


def build(root: str | os.PathLike[str], db: str | os.PathLike[str] = "corpus.sqlite", *, workers: int | None = None,
          restore: bool = True, wait: bool = False, prune: bool = True, progress: Progress | None = None) -> BuildSummary:
    """Parse every document under ``root`` into the database ``db`` (made if missing).

    ``workers`` processes parse in parallel (default: one per core). Files unchanged since
    they were parsed with the same options and vbhc version are skipped; files gone from
    ``root`` are forgotten unless ``prune`` is false. Stripped or garbled text has its
    diacritics restored before it is read unless ``restore`` is false.
    """
    started = time.monotonic()
    db = check_target(db, create=True)
    db_dir = os.path.dirname(os.path.realpath(db))  # the database's own folder, however it is named
    unreadable: list[str] = []
    files = walk(root, unreadable)
    summary = BuildSummary(str(db), files=len(files))
    for folder in unreadable:
        summary.notes.append(f"{folder}: không đọc được thư mục; các tệp trong đó được giữ nguyên trong kho")
    options = parse_options(restore)
    with build_lock(db, wait) as lock_fd:
        conn = connect(db, create=True)
        try:
            key_by_path = {_absolute(f): storage_key(f, db_dir) for f in files}
            keys = set(key_by_path.values())
            if prune and not unreadable:
                root_abs = os.path.realpath(root) if os.path.isdir(root) else _absolute(root)
                gone = [k for k in stored_files(conn) if k not in keys and _under(k, root_abs, db_dir)]
                if gone:
                    with transaction(conn):
                        remove_paths(conn, gone)
                summary.removed = len(gone)
            known = known_files(conn, options)
            # Workers get absolute paths: the plan's ``source`` is then the same as a cluster's.
            tasks = [(path, known.get(key), restore, key) for path, key in key_by_path.items()]
            _write_all(conn, parse_in_parallel(tasks, workers or os.cpu_count() or 1, lock_fd), lambda r: key_by_path[r.path],
                       summary, len(tasks), progress)
            summary.documents, summary.errors = _count(conn, keys)
        finally:
            close_for_readers(conn)
    summary.seconds = time.monotonic() - started
    return summary


def ingest_records(records: Iterable[Record], db: str | os.PathLike[str] = "corpus.sqlite", *, wait: bool = False,
                   total: int = 0, progress: Progress | None = None) -> BuildSummary:
    """Store records made elsewhere (a cluster's Parquet partitions) in ``db``. A record
    whose file the database holds with the same hash, options and version is skipped; a
    record marked unchanged against another database is reported in ``notes``."""
    started = time.monotonic()
    db = check_target(db, create=True)
    db_dir = os.path.dirname(os.path.realpath(db))
    summary = BuildSummary(str(db))
    with build_lock(db, wait):
        conn = connect(db, create=True)
        try:
            stored = stored_files(conn)
            keys: set[str] = set()
            strangers = 0

            def fresh() -> Iterator[Record]:
                nonlocal strangers
                for record in records:
                    summary.files += 1
                    key = storage_key(record.path, db_dir)
                    keys.add(key)
                    if record.unchanged and key not in stored:
                        strangers += 1
                        continue
                    if stored.get(key) == (record.sha256, record.options, record.vbhc_version) and record.sha256:
                        record = Record(record.path, record.sha256, record.size, unchanged=True)
                    elif record.ok and key != record.path:  # the plan names its file as the database does
                        plan = record.plan()
                        plan["source"] = key
                        record = replace(record, plan_json=json.dumps(plan, ensure_ascii=False, separators=(",", ":")))
                    yield record

            _write_all(conn, fresh(), lambda r: storage_key(r.path, db_dir), summary, total, progress)
            if strangers:
                summary.notes.append(f"{strangers} tệp được đánh dấu không đổi so với một cơ sở dữ liệu khác, "
                                     "không có trong cơ sở dữ liệu này: chạy lại vbhc corpus dask với --db trỏ tới nó, hoặc không có --db")
            summary.documents, summary.errors = _count(conn, keys)
        finally:
            close_for_readers(conn)
    summary.seconds = time.monotonic() - started
    return summary
