"""vbhc corpus build under load: a thousand files with broken ones among them, a build
killed with SIGKILL and resumed, two builds racing for one database (issue 8).

The plans are made by the project's generator (benchmarks/synth_corpus.py).
"""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from synth_corpus import make_corpus

pytestmark = pytest.mark.slow


def vbhc_build(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "vbhc", "corpus", "build", *args, "-q"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def count(db: Path, sql: str) -> int:
    conn = sqlite3.connect(db, timeout=30)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


def assert_whole(db: Path, files: list[Path]) -> None:
    """Every file once, in documents or errors, with its rows; nothing twice; the file sound."""
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        paths = [p for (p,) in conn.execute("SELECT path FROM documents UNION ALL SELECT path FROM errors")]
        assert len(paths) == len(set(paths)) == len(files)
        assert set(paths) == {str(f.resolve()) for f in files}
        docs = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        assert conn.execute("SELECT COUNT(*) FROM search").fetchone()[0] == docs
        # every parsed plan with quotas has its quota rows, none orphaned
        orphans = conn.execute("SELECT COUNT(*) FROM quotas WHERE doc_id NOT IN (SELECT id FROM documents)").fetchone()[0]
        assert orphans == 0
    finally:
        conn.close()


@pytest.fixture(scope="module")
def thousand(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path]]:
    root = tmp_path_factory.mktemp("thousand") / "plans"
    files = make_corpus(root, 990, seed=8, broken=10)
    return root, files


def test_a_thousand_files_ten_broken(thousand: tuple[Path, list[Path]], tmp_path: Path) -> None:
    root, files = thousand
    assert len(files) == 1000
    db = tmp_path / "c.sqlite"
    proc = vbhc_build(str(root), "--db", str(db), "--workers", "2")
    _, err = proc.communicate(timeout=600)
    assert proc.returncode == 3, err
    assert "990 văn bản, 10 tệp lỗi" in err and "Traceback" not in err
    assert count(db, "SELECT COUNT(*) FROM documents") == 990
    assert count(db, "SELECT COUNT(*) FROM errors") == 10
    assert count(db, "SELECT COUNT(*) FROM documents WHERE number IS NOT NULL AND title IS NOT NULL") == 990
    assert count(db, "SELECT COUNT(DISTINCT error_kind) FROM errors") >= 2
    assert_whole(db, files)


def test_killed_build_resumes_without_loss_or_duplicates(thousand: tuple[Path, list[Path]], tmp_path: Path) -> None:
    root, files = thousand
    db = tmp_path / "c.sqlite"
    for _ in range(2):  # kill it twice, at different points
        proc = vbhc_build(str(root), "--db", str(db), "--workers", "2")
        deadline = time.monotonic() + 120
        start = count(db, "SELECT COUNT(*) FROM documents") if db.exists() else 0
        while time.monotonic() < deadline:
            time.sleep(0.05)
            if db.exists() and count(db, "SELECT COUNT(*) FROM documents") > start:
                break
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        # the workers die with their parent's pool; give them a moment
        time.sleep(0.5)
        stored = count(db, "SELECT COUNT(*) FROM documents") + count(db, "SELECT COUNT(*) FROM errors")
        assert 0 < stored < len(files)
    proc = vbhc_build(str(root), "--db", str(db), "--workers", "2")
    _, err = proc.communicate(timeout=600)
    assert proc.returncode == 3, err  # the ten broken files
    assert "không đổi" in err
    assert_whole(db, files)
    assert count(db, "SELECT COUNT(*) FROM documents") == 990


def test_two_builds_at_once_do_not_corrupt(thousand: tuple[Path, list[Path]], tmp_path: Path) -> None:
    root, files = thousand
    db = tmp_path / "c.sqlite"
    first = vbhc_build(str(root), "--db", str(db), "--workers", "1")
    time.sleep(1.0)
    second = vbhc_build(str(root), "--db", str(db), "--workers", "1")
    _, err2 = second.communicate(timeout=600)
    assert second.returncode == 5 and "--wait" in err2
    waiting = vbhc_build(str(root), "--db", str(db), "--workers", "1", "--wait")
    _, err1 = first.communicate(timeout=600)
    _, err3 = waiting.communicate(timeout=600)
    assert first.returncode == 3, err1
    assert waiting.returncode == 3 and "1000 không đổi" in err3, err3
    assert_whole(db, files)


def test_ctrl_c_stops_at_once_and_keeps_what_was_parsed(thousand: tuple[Path, list[Path]], tmp_path: Path) -> None:
    root, files = thousand
    db = tmp_path / "c.sqlite"
    proc = vbhc_build(str(root), "--db", str(db), "--workers", "2")
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not (db.exists() and count(db, "SELECT COUNT(*) FROM documents") > 0):
        time.sleep(0.05)
    time.sleep(0.3)
    proc.send_signal(signal.SIGINT)
    stopped = time.monotonic()
    _, err = proc.communicate(timeout=30)
    assert time.monotonic() - stopped < 5, "Ctrl-C must not wait for the workers' files"
    assert proc.returncode == 130 and "chạy lại" in err and "Traceback" not in err
    kept = count(db, "SELECT COUNT(*) FROM documents") + count(db, "SELECT COUNT(*) FROM errors")
    assert 0 < kept < len(files)
    time.sleep(0.5)
    lingering = subprocess.run(["pgrep", "-f", str(db)], capture_output=True, text=True).stdout.split()
    assert lingering == [], "no worker may outlive the build"
    resumed = vbhc_build(str(root), "--db", str(db), "--workers", "2")
    _, err = resumed.communicate(timeout=600)
    assert resumed.returncode == 3 and f"{kept} không đổi" in err
    assert_whole(db, files)
