"""vbhc.corpus.distributed: the corpus parse on a Dask cluster (two local worker processes),
its Parquet partitions ingested, and the database equal to a local ``build`` of the same folder."""
from __future__ import annotations

import shutil
import sqlite3
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import CORPUS

from vbhc.corpus import build, distributed, ingest_records
from vbhc.corpus.distributed import (
    build_parquet,
    count_parts,
    known_from_db,
    parse_partition,
    read_parts,
)
from vbhc.corpus.store import CorpusError
from vbhc.errors import ToolMissingError

pq = pytest.importorskip("pyarrow.parquet")


def _docs(folder: Path) -> Path:
    """corpus/ copied to ``folder`` with one broken file (random bytes named .docx)."""
    shutil.copytree(CORPUS, folder)
    (folder / "broken.docx").write_bytes(bytes(range(256)) * 4)
    return folder


def _rows(db: Path) -> tuple[set[tuple], set[tuple]]:
    conn = sqlite3.connect(db)
    try:
        documents = set(conn.execute("SELECT path, sha256, size, plan_json FROM documents"))
        errors = set(conn.execute("SELECT path, sha256, size, error_kind, message FROM errors"))
    finally:
        conn.close()
    return documents, errors


@pytest.fixture(scope="module")
def client():
    dd = pytest.importorskip("distributed")
    with dd.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with dd.Client(cluster) as c:
            yield c


@pytest.fixture(scope="module")
def built(client, tmp_path_factory):
    """One cluster build of corpus/ + a broken file into partitions of 2, both ingested and
    built locally; the task stream says which workers did the work."""
    from distributed import get_task_stream

    tmp = tmp_path_factory.mktemp("dist").resolve()
    docs = _docs(tmp / "docs")
    parts = tmp / "parts"
    parts.mkdir()
    (parts / "part-00099.parquet").write_bytes(b"stale partition of an earlier run")
    (parts / "notes.txt").write_text("not ours", encoding="utf-8")
    (tmp / "db").mkdir()
    with get_task_stream(client) as stream:
        written = build_parquet(docs, parts, partition_size=2, client=client)
    workers = {task["worker"] for task in stream.data}
    db, local = tmp / "db" / "cluster.sqlite", tmp / "db" / "local.sqlite"
    summary = ingest_records(read_parts(parts), db, total=count_parts(parts))
    local_summary = build(docs, local, workers=1)
    return SimpleNamespace(docs=docs, parts=parts, written=written, workers=workers, db=db, local=local,
                           summary=summary, local_summary=local_summary)


@pytest.mark.slow
def test_partitions_written_by_both_workers(built) -> None:
    files = sorted(str(p.resolve()) for p in built.docs.iterdir())
    assert len(files) == 6
    assert built.written == [built.parts / f"part-{i:05d}.parquet" for i in range(3)]
    assert sorted(p.name for p in built.parts.iterdir()) == ["notes.txt", *(p.name for p in built.written)]
    assert len(built.workers) == 2  # both worker processes parsed
    assert count_parts(built.parts) == 6
    assert pq.read_schema(built.written[0]).remove_metadata() == distributed.PARQUET_SCHEMA
    records = list(read_parts(built.parts))
    assert [r.path for r in records] == files  # absolute paths, partitions in order
    by_name = {Path(r.path).name: r for r in records}
    assert not by_name["broken.docx"].ok and by_name["broken.docx"].error_kind
    assert all(r.ok and r.text for name, r in by_name.items() if name != "broken.docx")
    assert not any(r.unchanged for r in records)


@pytest.mark.slow
def test_ingested_parts_equal_local_build(built) -> None:
    assert (built.summary.files, built.summary.parsed, built.summary.failed) == (6, 5, 1)
    assert (built.summary.documents, built.summary.errors) == (5, 1)
    assert (built.local_summary.parsed, built.local_summary.failed) == (5, 1)
    documents, errors = _rows(built.db)
    assert (documents, errors) == _rows(built.local)
    assert {Path(p).parent for p, *_ in documents} == {built.docs}  # outside the db's folder: absolute
    ((path, *_),) = errors
    assert path == str(built.docs / "broken.docx")


@pytest.mark.slow
def test_reingest_changes_nothing(built) -> None:
    before = _rows(built.db)
    again = ingest_records(read_parts(built.parts), built.db)
    assert (again.files, again.unchanged, again.parsed, again.failed) == (6, 6, 0, 0)
    assert (again.documents, again.errors) == (5, 1)
    assert _rows(built.db) == before


@pytest.mark.slow
def test_known_files_come_back_unchanged(client, built, tmp_path) -> None:
    known = known_from_db(built.db)
    assert set(known) == {str(p) for p in built.docs.iterdir()}
    parts = build_parquet(built.docs, tmp_path / "parts", partition_size=4, known=known, client=client)
    assert len(parts) == 2
    records = list(read_parts(tmp_path / "parts"))
    assert len(records) == 6 and all(r.unchanged and r.plan_json is None and r.text is None for r in records)
    assert {r.path: r.sha256 for r in records} == known
    # only the files it names: the others are parsed
    first = min(known)
    parts = build_parquet(built.docs, tmp_path / "parts", partition_size=4, known={first: known[first]},
                          client=client)
    records = {r.path: r for r in read_parts(tmp_path / "parts")}
    assert records[first].unchanged and records[first].plan_json is None
    assert sum(r.unchanged for r in records.values()) == 1


@pytest.mark.slow
def test_scheduler_address(client, built, tmp_path) -> None:
    parts = build_parquet(built.docs, tmp_path / "parts", scheduler=client.scheduler.address, partition_size=6)
    assert parts == [(tmp_path / "parts").resolve() / "part-00000.parquet"]
    assert [(r.path, r.sha256, r.plan_json) for r in read_parts(parts[0].parent)] == \
        [(r.path, r.sha256, r.plan_json) for r in read_parts(built.parts)]


def test_parse_partition_writes_one_file(tmp_path) -> None:
    docs = _docs(tmp_path / "docs")
    paths = sorted(str(p) for p in docs.iterdir())[:3]
    out = tmp_path / "out"
    out.mkdir()
    written = parse_partition(paths, str(out), 7)
    assert written == str(out / "part-00007.parquet")
    assert [p.name for p in out.iterdir()] == ["part-00007.parquet"]  # no temporary file left
    assert [r.path for r in read_parts(out)] == paths


def test_read_parts_needs_partitions(tmp_path) -> None:
    (tmp_path / "other.parquet").write_bytes(b"")
    with pytest.raises(CorpusError, match="Parquet"):
        next(read_parts(tmp_path))
    with pytest.raises(CorpusError):
        count_parts(tmp_path)
    with pytest.raises(CorpusError):
        next(read_parts(tmp_path / "missing"))


def test_missing_dask_is_a_clear_error(tmp_path, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed now fails
    with pytest.raises(ToolMissingError, match=r"vbhc\[dask\]") as caught:
        build_parquet(CORPUS, tmp_path / "parts")
    assert caught.value.tool == "dask"
    assert not (tmp_path / "parts").exists()


@pytest.mark.slow
def test_cli_dask_then_build_from_parquet(tmp_path: Path) -> None:
    """The commands a researcher types: parse on a local cluster, then load the parts."""
    from conftest import run_vbhc

    docs = _docs(tmp_path / "docs")
    parts, db = tmp_path / "parts", tmp_path / "db" / "corpus.sqlite"
    db.parent.mkdir()
    result = run_vbhc("corpus", "dask", str(docs), "--parts", str(parts), "--workers", "2", "--partition-size", "3")
    assert result.returncode == 0, result.stderr
    assert "--from-parquet" in result.stderr and len(list(parts.glob("part-*.parquet"))) == 2
    loaded = run_vbhc("corpus", "build", "--from-parquet", str(parts), "--db", str(db))
    assert loaded.returncode == 3, loaded.stderr  # the broken file is an error row
    assert "5 văn bản, 1 tệp lỗi" in loaded.stderr
    local = tmp_path / "db" / "local.sqlite"
    assert run_vbhc("corpus", "build", str(docs), "--db", str(local)).returncode == 3
    assert _rows(db) == _rows(local)
    # with --db, the workers skip what the database already holds
    again = run_vbhc("corpus", "dask", str(docs), "--parts", str(parts), "--db", str(db), "--partition-size", "3")
    assert again.returncode == 0, again.stderr
    assert all(r.unchanged for r in read_parts(parts))
    # parts made against one database say nothing to another: loading them is an error, not silence
    other = run_vbhc("corpus", "build", "--from-parquet", str(parts), "--db", str(tmp_path / "db" / "other.sqlite"))
    assert other.returncode == 3 and "cơ sở dữ liệu khác" in other.stderr
    missing = run_vbhc("corpus", "build", "--from-parquet", str(tmp_path / "nowhere"), "--db", str(db))
    assert missing.returncode == 3 and "nowhere" in missing.stderr and "Traceback" not in missing.stderr
