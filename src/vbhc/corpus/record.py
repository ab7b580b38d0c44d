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

from ..errors import InputError
from ..parse import parse_file_with_text

__all__ = ["RECORD_FIELDS", "Record", "file_sha256", "parse_record"]


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


def parse_record(path: str, known_sha256: str | None = None, restore: bool = True) -> Record:
    """Hash and parse one file; never raises for a bad file.

    When the file's hash equals ``known_sha256`` (what the database holds for it) it is
    not parsed again. A file vbhc cannot read becomes an error record naming the problem;
    a crash of the parser itself becomes an ``internal`` error record.
    """
    try:
        sha, size = file_sha256(path)
    except OSError as exc:
        return Record(path, "", 0, error_kind="OSError", error=f"{path}: không đọc được tệp: {exc.strerror or exc}")
    if sha == known_sha256:
        return Record(path, sha, size, unchanged=True)
    try:
        plan, text = parse_file_with_text(path, restore=restore)
    except InputError as exc:
        return Record(path, sha, size, error_kind=type(exc).__name__, error=str(exc))
    except Exception as exc:  # a parser bug must not stop a batch of thousands
        return Record(path, sha, size, error_kind="internal", error=f"{type(exc).__name__}: {exc}")
    plan.source = path
    return Record(path, sha, size, json.dumps(plan.to_dict(), ensure_ascii=False, separators=(",", ":")), text)
