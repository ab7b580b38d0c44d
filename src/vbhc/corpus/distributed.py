"""Corpus building on a Dask cluster: the same parse, many machines, Parquet in between.

The workers run :func:`vbhc.corpus.record.parse_record` unchanged, one partition of files
per task, and each task writes its records as one Parquet file ``part-NNNNN.parquet``
(written under a temporary name, then renamed, so a partition is there whole or not at
all). The database is then filled on one machine from those partitions::

    from vbhc.corpus import ingest_records
    from vbhc.corpus.distributed import build_parquet, count_parts, read_parts

    build_parquet("/shared/docs", "/shared/parts", scheduler="tcp://scheduler:8786")
    ingest_records(read_parts("/shared/parts"), "corpus.sqlite", total=count_parts("/shared/parts"))

Without ``scheduler`` (and without a ``client``) a :class:`distributed.LocalCluster` of
``n_workers`` processes is started for the call and closed after. On a real cluster the
documents and ``parts_dir`` must lie on a file system every worker sees at the same path,
and every worker needs vbhc installed. A script that starts a local cluster must do so
under ``if __name__ == "__main__":`` (the worker processes import it again). Each worker runs OCR with one Tesseract thread
(``OMP_THREAD_LIMIT=1``), so a cluster gives one worker thread per core.

For an incremental run pass ``known=known_from_db("corpus.sqlite")``: files whose hash the
database already holds come back as ``unchanged`` records, not parsed again.

dask, distributed and pyarrow are the optional extra ``vbhc[dask]``
(``pip install 'vbhc[dask]'``); without them these functions raise
:class:`vbhc.errors.ToolMissingError` saying so, and importing this module still works.
"""
from __future__ import annotations

import functools
import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ToolMissingError
from .build import walk
from .record import RECORD_FIELDS, Record, parse_options, parse_record
from .store import CorpusError, connect, known_files

if TYPE_CHECKING:  # pragma: no cover
    import pyarrow

__all__ = ["PARQUET_SCHEMA", "build_parquet", "count_parts", "known_from_db", "parse_partition", "read_parts"]

#: The columns of a partition, one per :data:`~vbhc.corpus.record.RECORD_FIELDS` (made on
#: first use by the module's ``__getattr__``, so importing this module needs no pyarrow).
PARQUET_SCHEMA: pyarrow.Schema

_PART_GLOB = "part-*.parquet"
_INSTALL = "pip install 'vbhc[dask]'"


def _need(module: str) -> Any:
    """Import ``module`` (dask, distributed, pyarrow …) or say how to install it."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        package = module.split(".")[0]
        tool = "dask" if package in ("dask", "distributed") else package
        raise ToolMissingError(tool, f"chưa cài gói {package}, cần để phân tích kho văn bản trên cụm Dask; "
                                     f"cài bằng: {_INSTALL}") from None


@functools.cache
def _schema() -> pyarrow.Schema:
    pa = _need("pyarrow")
    types = {"size": pa.int64(), "unchanged": pa.bool_()}
    required = {"path", "sha256", "size", "unchanged"}
    return pa.schema([pa.field(name, types.get(name, pa.string()), nullable=name not in required)
                      for name in RECORD_FIELDS])


def __getattr__(name: str) -> Any:
    # PARQUET_SCHEMA is built on first use, so importing this module needs no pyarrow.
    if name == "PARQUET_SCHEMA":
        return _schema()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def parse_partition(paths: list[str], out_dir: str, index: int, known: dict[str, str] | None = None,
                    restore: bool = True) -> str:
    """Parse ``paths`` (``known`` maps a path to the hash the database holds for it) and
    write their records as one Parquet file ``out_dir/part-{index:05d}.parquet``, atomically;
    return its path. Unchanged files are written too, as records without a plan."""
    pq = _need("pyarrow.parquet")
    pa = _need("pyarrow")
    known = known or {}
    rows = [parse_record(p, known.get(p), restore).as_row() for p in paths]
    table = pa.Table.from_pylist(rows, schema=_schema())
    final = os.path.join(out_dir, f"part-{index:05d}.parquet")
    temp = os.path.join(out_dir, f".part-{index:05d}.{uuid.uuid4().hex}.tmp")
    try:
        pq.write_table(table, temp)
        os.replace(temp, final)
    except BaseException:
        if os.path.exists(temp):
            os.remove(temp)
        raise
    return final


def _set_one_ocr_thread() -> Any:
    """A worker plugin that gives each worker's Tesseract one thread (``OMP_THREAD_LIMIT=1``)."""
    plugin = _need("distributed.diagnostics.plugin")

    class OneOcrThread(plugin.WorkerPlugin):
        def setup(self, worker: Any) -> None:
            os.environ["OMP_THREAD_LIMIT"] = "1"

    return OneOcrThread()


def build_parquet(root: str | Path, parts_dir: str | Path, *, scheduler: str | None = None, n_workers: int = 2,
                  partition_size: int = 100, known: dict[str, str] | None = None, restore: bool = True,
                  client: Any = None) -> list[Path]:
    """Parse every document under ``root`` on a Dask cluster into Parquet partitions in
    ``parts_dir``; return their paths in order.

    The cluster is ``client`` if given, else the scheduler at ``scheduler``
    (``tcp://host:8786``), else a local cluster of ``n_workers`` processes started for this
    call. ``known`` maps an absolute file path to the hash the database holds for it
    (:func:`known_from_db`). Partitions of an earlier run in ``parts_dir`` are removed first.
    """
    if partition_size < 1:
        raise ValueError("partition_size must be at least 1")
    distributed = _need("distributed")
    _need("pyarrow.parquet")
    files = [os.path.abspath(p) for p in walk(root)]
    out = Path(parts_dir).resolve()
    out.mkdir(parents=True, exist_ok=True)
    for stale in out.glob(_PART_GLOB):
        if stale.is_file():
            stale.unlink()
    chunks = [files[i:i + partition_size] for i in range(0, len(files), partition_size)]
    if not chunks:
        return []
    known = known or {}
    cluster = None
    own_client = client is None
    if own_client:
        if scheduler:
            client = distributed.Client(scheduler)
        else:
            cluster = distributed.LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True,
                                               dashboard_address=None)
            client = distributed.Client(cluster)
    try:
        client.register_plugin(_set_one_ocr_thread(), name="vbhc-one-ocr-thread")
        futures = client.map(
            parse_partition,
            chunks,
            [str(out)] * len(chunks),
            range(len(chunks)),
            [{p: known[p] for p in chunk if p in known} for chunk in chunks],
            [restore] * len(chunks),
            pure=False,
        )
        return [Path(p) for p in client.gather(futures)]
    finally:
        if own_client:
            client.close()
        if cluster is not None:
            cluster.close()


def _parts(parts_dir: str | Path) -> list[Path]:
    folder = Path(parts_dir)
    if not folder.is_dir():
        raise CorpusError(folder, "không có thư mục này")
    parts = sorted(p for p in folder.glob(_PART_GLOB) if p.is_file())
    if not parts:
        raise CorpusError(folder, "không có phân vùng Parquet nào (part-*.parquet) ở đây; "
                                  "tạo bằng vbhc.corpus.distributed.build_parquet")
    return parts


def read_parts(parts_dir: str | Path) -> Iterator[Record]:
    """The records of every partition in ``parts_dir``, in name order, one batch in memory at a time."""
    pq = _need("pyarrow.parquet")
    for part in _parts(parts_dir):
        with pq.ParquetFile(part) as reader:
            for batch in reader.iter_batches(columns=list(RECORD_FIELDS)):
                for row in batch.to_pylist():
                    yield Record(**row)


def count_parts(parts_dir: str | Path) -> int:
    """How many records the partitions in ``parts_dir`` hold (from their metadata)."""
    pq = _need("pyarrow.parquet")
    total = 0
    for part in _parts(parts_dir):
        with pq.ParquetFile(part) as reader:
            total += reader.metadata.num_rows
    return total


def known_from_db(db: str | os.PathLike[str], restore: bool = True) -> dict[str, str]:
    """Absolute file path → SHA-256 of the files ``db`` holds parsed with the same options,
    as ``build_parquet``'s ``known``."""
    db_dir = Path(os.path.abspath(db)).parent
    conn = connect(db)
    try:
        stored = known_files(conn, parse_options(restore))
    finally:
        conn.close()
    return {str(db_dir / key): sha for key, sha in stored.items()}  # an absolute key stays as it is
