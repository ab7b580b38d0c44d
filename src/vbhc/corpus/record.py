"""One file's outcome: what a worker sends back, on this machine or on a cluster.

:func:`parse_record` is the one parse function of corpus building: ``vbhc corpus build``
runs it in a process pool, :mod:`vbhc.corpus.distributed` runs it unchanged on Dask
workers and stores its records as Parquet partitions, which ``build`` ingests.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass, fields
from typing import Any

from .. import __version__
from ..errors import InputError
from ..parse import parse_file_with_text

__all__ = ["RECORD_FIELDS", "Record", "died_record", "file_sha256", "parse_options", "parse_record"]


@dataclass
class Record:
    """A parsed (``plan_json`` and ``text`` set) or failed (``error_kind`` set) file, or one
    found ``unchanged`` since it was last parsed (nothing else set)."""

    path: str
    sha256: str
    size: int
    plan_json: str | None = None
    text: str | None = None
    error_kind: str | None = None
    error: str | None = None
    unchanged: bool = False
    options: str = "restore"
    vbhc_version: str = __version__

    @property
    def ok(self) -> bool:
        return self.plan_json is not None

    def plan(self) -> dict[str, Any]:
        """The parsed plan as a dict (``Plan.to_dict()``)."""
        return json.loads(self.plan_json or "null")

    def as_row(self) -> dict[str, Any]:
        return asdict(self)


#: Column order of a record in a Parquet partition.
RECORD_FIELDS = tuple(f.name for f in fields(Record))


def file_sha256(path: str | os.PathLike[str]) -> tuple[str, int]:
    """The SHA-256 of a file's bytes and its size."""
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def parse_record(path: str, known_sha256: str | None = None, restore: bool = True, source: str | None = None) -> Record:
    """Hash and parse one file; never raises for a bad file.

    When the file's hash equals ``known_sha256`` (what the database holds for it) it is
    not parsed again. A file vbhc cannot read becomes an error record naming the problem;
    a crash of the parser itself becomes an ``internal`` error record. ``source`` is how
    the plan names its file (the database's name for it; default ``path``).
    """
    options = parse_options(restore)
    try:
        sha, size = file_sha256(path)
    except OSError as exc:
        return Record(path, "", 0, error_kind=type(exc).__name__, error=f"{path}: {_os_problem(exc)}", options=options)
    if sha == known_sha256:
        return Record(path, sha, size, unchanged=True, options=options)
    try:
        plan, text = parse_file_with_text(path, restore=restore)
    except InputError as exc:
        return Record(path, sha, size, error_kind=type(exc).__name__, error=str(exc), options=options)
    except Exception as exc:  # a parser bug must not stop a batch of thousands
        return Record(path, sha, size, error_kind="internal", error=f"{path}: lỗi nội bộ của vbhc ({type(exc).__name__}: {exc}); xin báo lỗi kèm tệp này", options=options)
    plan.source = source or path
    return Record(path, sha, size, json.dumps(plan.to_dict(), ensure_ascii=False, separators=(",", ":")), text, options=options)


def parse_options(restore: bool) -> str:
    """How the options that change a parse are recorded: "restore" or "no-restore"."""
    return "restore" if restore else "no-restore"


def _os_problem(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "tệp không còn (bị xóa, đổi tên, hoặc là liên kết hỏng)"
    if isinstance(exc, PermissionError):
        return "không có quyền đọc tệp"
    if isinstance(exc, IsADirectoryError):
        return "là một thư mục"
    return f"không đọc được tệp (mã lỗi {exc.errno})"


def died_record(path: str, options: str) -> Record:
    """The record of a file whose worker process died reading it (killed for memory, or a
    crash in a PDF or OCR library): an internal error, so the batch goes on."""
    try:
        sha, size = file_sha256(path)
    except OSError:
        sha, size = "", 0
    return Record(path, sha, size, error_kind="internal", options=options,
                  error=f"{path}: tiến trình phân tích dừng đột ngột khi đọc tệp này (hết bộ nhớ, hoặc lỗi của thư viện đọc PDF/OCR)")
