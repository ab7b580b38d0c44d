"""vbhc corpus: build, incremental rebuilds, search, stats, export, DataFrames (issue 8).

The expected values come from the parser run on the same files (the corpus must hold
what ``vbhc parse`` reads), not from the files' wording.
"""
from __future__ import annotations

import json
import shutil
import sqlite3
import time
import unicodedata
from pathlib import Path

import pytest
from conftest import CORPUS, run_vbhc

import vbhc
import vbhc.corpus
from vbhc.corpus.build import build, build_lock
from vbhc.corpus.place import conferrer_tier, issuer_standing
from vbhc.corpus.search import fts_query, search
from vbhc.corpus.store import CorpusBusyError, CorpusError
from vbhc.corpus.tables import CHILD_TABLES, TABLES

STRIPPED = """UY BAN NHAN DAN CONG HOA XA HOI CHU NGHIA VIET NAM
HUYEN LOC NINH Doc lap - Tu do - Hanh phuc
So: 12/KH-UBND Loc Ninh, ngay 03 thang 3 nam 2023
KE HOACH
Phat dong phong trao thi dua yeu nuoc nam 2023
I. MUC DICH, YEU CAU
Day manh phong trao thi dua trong can bo, cong chuc.
"""


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled plans, copied so tests may change them."""
    root = tmp_path_factory.mktemp("plans")
    shutil.copytree(CORPUS, root / "plans")
    return root / "plans"


@pytest.fixture(scope="module")
def db(folder: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("db") / "corpus.sqlite"
    summary = build(folder, path, workers=2)
    assert summary.parsed == summary.files == len(list(folder.glob("*.txt")))
    return path


def rows(db: Path, sql: str, params: tuple = ()) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


# --- what is stored -------------------------------------------------------------------------------------------


def test_documents_hold_what_the_parser_reads(folder: Path, db: Path) -> None:
    for path in sorted(folder.glob("*.txt")):
        plan = vbhc.parse_file(path, restore=True)
        ((number, title, issuer, date, plan_json, year),) = rows(
            db, "SELECT number, title, issuer, issue_date, plan_json, year FROM documents WHERE path = ?", (str(path.resolve()),))
        assert (number, title, issuer, date) == (plan.number, plan.title, plan.issuer, plan.issue_date)
        stored = json.loads(plan_json)
        assert stored["quotas"] == plan.to_dict()["quotas"] and stored["references"] == plan.to_dict()["references"]
        if plan.issue_date:
            assert year == int(plan.issue_date[:4])
        doc_id = rows(db, "SELECT id FROM documents WHERE path = ?", (str(path.resolve()),))[0][0]
        for table, items in (("quotas", plan.quotas), ("deadlines", plan.deadlines), ("citations", plan.references),
                             ("recipients", plan.recipients), ("criteria", plan.criteria)):
            assert rows(db, f"SELECT COUNT(*) FROM {table} WHERE doc_id = ?", (doc_id,))[0][0] == len(items), table
        def count(sections: list) -> int:
            return sum(1 + count(s.children) for s in sections)
        assert rows(db, "SELECT COUNT(*) FROM sections WHERE doc_id = ?", (doc_id,))[0][0] == count(plan.sections)


def test_text_is_nfc_and_keeps_its_marks(db: Path) -> None:
    for (title,) in rows(db, "SELECT title FROM documents WHERE title IS NOT NULL"):
        assert unicodedata.is_normalized("NFC", title)
    assert rows(db, "SELECT COUNT(*) FROM documents WHERE title LIKE '%thi đua%'")[0][0] >= 1


def test_sections_keep_their_tree(db: Path) -> None:
    for doc_id, ord_, parent, depth in rows(db, "SELECT doc_id, ord, parent_ord, depth FROM sections"):
        if parent is None:
            assert depth == 1
        else:
            ((parent_depth,),) = rows(db, "SELECT depth FROM sections WHERE doc_id = ? AND ord = ?", (doc_id, parent))
            assert parent < ord_ and parent_depth == depth - 1


def test_schema_is_documented_for_every_column(db: Path) -> None:
    for table in TABLES:
        stored = [r[1] for r in rows(db, f"PRAGMA table_info({table})")]
        assert stored == [c[0] for c in vbhc.corpus.tables.SCHEMA_DOC[table]]
    result = run_vbhc("corpus", "schema", "--format", "json")
    assert result.returncode == 0
    described = json.loads(result.stdout)
    assert set(described) == set(TABLES) and all(c["description"] for cols in described.values() for c in cols)


# --- where an issuer stands ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("issuer", "parent", "date", "tier", "province"), [
    ("ỦY BAN NHÂN DÂN HUYỆN LỘC NINH", None, "2024-07-19", "huyen", "Bình Phước"),
    ("UY BAN NHAN DAN HUYEN LOC NINH", None, None, "huyen", "Bình Phước"),
    ("ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ", None, "2021-12-29", "tinh", "Cần Thơ"),
    ("UBND TỈNH ĐỒNG NAI", None, "2023-01-05", "tinh", "Đồng Nai"),
    ("SỞ NỘI VỤ", "UBND TỈNH BÌNH PHƯỚC", "2022-03-01", "tinh", "Bình Phước"),
    ("BỘ NỘI VỤ", None, "2022-03-01", "trung_uong", None),
    ("ỦY BAN NHÂN DÂN XÃ BÌNH MINH", None, "2025-09-01", "xa", None),
    ("ỦY BAN NHÂN DÂN TỈNH", None, None, "tinh", None),  # the name fell off the header
    ("ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI ĐÃ", None, "2025-03-01", "tinh", "Hà Nội"),  # a word of the body ran on
    ("NGÂN HÀNG NHÀ NƯỚC VIỆT NAM", None, "2024-05-01", "trung_uong", None),
    ("ỦY BAN NHÂN DÂN PHƯỜNG TIẾN THÀNH", None, "2023-02-01", "xa", "Bình Phước"),  # the legacy unit of that date
    ("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "UBND TỈNH ĐỒNG NAI", "2024-01-01", "tinh", "Đồng Nai"),  # "xã hội" is no xã
    ("BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP", "ỦY BAN NHÂN DÂN TỈNH BÌNH DƯƠNG", "2024-01-01", "tinh", "Bình Dương"),
    ("BỘ CHỈ HUY QUÂN SỰ TỈNH ĐỒNG NAI", None, "2024-01-01", "tinh", "Đồng Nai"),  # a "Bộ" that is not a ministry
    ("UBND TP. HỒ CHÍ MINH", None, "2024-01-01", "tinh", "Hồ Chí Minh"),
    ("UBND XÃ HÒA BÌNH, HUYỆN XUYÊN MỘC", None, "2024-01-01", "xa", "Bà Rịa - Vũng Tàu"),  # the district says which
    ("CƠ QUAN THƯỜNG TRÚ", None, "2024-01-01", None, None),
])
def test_issuer_standing(issuer: str, parent: str | None, date: str | None, tier: str | None, province: str | None) -> None:
    standing = issuer_standing(issuer, parent, None, date)
    assert standing.tier == tier
    if province or tier == "trung_uong":
        assert standing.province == province


@pytest.mark.parametrize(("conferrer", "award", "issuer_tier", "tier"), [
    ("Chủ tịch UBND tỉnh", "Bằng khen", "huyen", "tinh"),
    ("Chu tich UBND huyen", "Giấy khen", "huyen", "huyen"),
    ("Chủ tịch UBND thành phố", "Giấy khen", "xa", "huyen"),
    ("Chủ tịch UBND thành phố", "Bằng khen", "tinh", "tinh"),
    ("Thủ tướng Chính phủ", "Bằng khen của Thủ tướng Chính phủ", "tinh", "trung_uong"),
    ("Chủ tịch UBND thành phố Hồ Chí Minh", "Bằng khen", "xa", "tinh"),  # a named city is what the gazetteer says
    (None, "Chiến sĩ thi đua cấp tỉnh", "xa", "tinh"),
    (None, "Giấy khen", "xa", None),
    (None, "Huân chương Lao động", "tinh", "trung_uong"),  # the President's, whoever proposes it
    (None, "Tập thể lao động xuất sắc", "huyen", "tinh"),
])
def test_conferrer_tier(conferrer: str | None, award: str, issuer_tier: str, tier: str | None) -> None:
    assert conferrer_tier(conferrer, award, issuer_tier) == tier


@pytest.mark.parametrize(("plan", "year"), [
    ({"issue_date": "2024-07-19", "title": "Phát động phong trào thi đua năm 2023"}, 2024),
    ({"issue_date": None, "campaign_period": {"start": "2021-03"}, "title": "x"}, 2021),
    ({"issue_date": None, "title": "Phát động phong trào thi đua năm 2021"}, 2021),
    ({"issue_date": None, "title": "Phat dong phong trao thi dua giai doan 2021 - 2025"}, 2021),
    ({"issue_date": None, "title": "Quy hoạch khu kinh tế đến năm 2030"}, None),  # a horizon, not the year
])
def test_year_of_a_document(plan: dict, year: int | None) -> None:
    from vbhc.corpus.tables import rows_of

    assert rows_of(plan).document["year"] == year


# --- incremental builds, bad files, the lock ------------------------------------------------------------------


def test_rebuild_skips_unchanged_reparses_changed_and_forgets_removed(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    shutil.copytree(CORPUS, plans)
    db = tmp_path / "c.sqlite"
    first = build(plans, db, workers=1)
    assert (first.parsed, first.unchanged, first.errors) == (5, 0, 0)
    again = build(plans, db, workers=1)
    assert (again.parsed, again.unchanged) == (0, 5)

    files = sorted(plans.glob("*.txt"))
    text = files[0].read_text(encoding="utf-8")
    files[0].write_text(text.replace("KẾ HOẠCH", "KẾ HOẠCH", 1) + "\n", encoding="utf-8")
    files[1].unlink()
    (plans / "blank.txt").write_text("   \n", encoding="utf-8")
    third = build(plans, db, workers=1)
    assert (third.parsed, third.unchanged, third.failed, third.removed) == (1, 3, 1, 1)
    assert (third.documents, third.errors) == (4, 1)
    assert rows(db, "SELECT COUNT(*) FROM documents")[0][0] == 4
    assert rows(db, "SELECT COUNT(*) FROM search")[0][0] == 4
    ((kind, message),) = rows(db, "SELECT error_kind, message FROM errors")
    assert kind == "EmptyInputError" and "blank.txt" in message
    # A file changed back from broken to good leaves the errors table.
    (plans / "blank.txt").write_text(text, encoding="utf-8")
    fourth = build(plans, db, workers=1)
    assert (fourth.parsed, fourth.errors, fourth.documents) == (1, 0, 5)
    assert rows(db, "SELECT COUNT(*) FROM errors")[0][0] == 0
    assert rows(db, "PRAGMA integrity_check")[0][0] == "ok"
    assert rows(db, "PRAGMA foreign_key_check") == []


def test_list_rows_go_with_their_document(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    shutil.copytree(CORPUS, plans)
    db = tmp_path / "c.sqlite"
    build(plans, db, workers=1)
    before = {t: rows(db, f"SELECT COUNT(*) FROM {t}")[0][0] for t in CHILD_TABLES}
    for f in plans.glob("*.txt"):
        f.write_text(f.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    build(plans, db, workers=1)
    assert {t: rows(db, f"SELECT COUNT(*) FROM {t}")[0][0] for t in CHILD_TABLES} == before


def test_a_second_build_on_the_same_database_stops_cleanly(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    shutil.copytree(CORPUS, plans)
    db = tmp_path / "c.sqlite"
    with build_lock(db, wait=False):
        with pytest.raises(CorpusBusyError):
            build(plans, db, workers=1)
        result = run_vbhc("corpus", "build", str(plans), "--db", str(db))
    assert result.returncode == 5
    assert "đang ghi" in result.stderr and "Traceback" not in result.stderr
    assert run_vbhc("corpus", "build", str(plans), "--db", str(db)).returncode == 0


def test_bad_inputs_get_clear_messages(tmp_path: Path) -> None:
    missing = run_vbhc("corpus", "build", str(tmp_path / "nowhere"), "--db", str(tmp_path / "c.sqlite"))
    assert missing.returncode == 3 and "nowhere" in missing.stderr and "Traceback" not in missing.stderr
    not_db = tmp_path / "notes.sqlite"
    not_db.write_text("ghi chú, không phải cơ sở dữ liệu\n" * 100, encoding="utf-8")
    for args in (("build", str(CORPUS)), ("stats",), ("search", "thi đua")):
        result = run_vbhc("corpus", *args, "--db", str(not_db))
        assert result.returncode == 3 and "notes.sqlite" in result.stderr and "Traceback" not in result.stderr, args
    assert not_db.read_text(encoding="utf-8").startswith("ghi chú")  # the user's file is untouched
    absent = run_vbhc("corpus", "stats", "--db", str(tmp_path / "absent.sqlite"))
    assert absent.returncode == 3 and "vbhc corpus build" in absent.stderr
    assert not (tmp_path / "absent.sqlite").exists()
    with pytest.raises(CorpusError):
        vbhc.corpus.open(tmp_path / "absent.sqlite")


def test_cli_build_reports_errors_in_its_exit_status(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    shutil.copytree(CORPUS, plans)
    (plans / "hỏng.docx").write_bytes(b"PK\x03\x04 not really a zip" * 10)
    db = tmp_path / "c.sqlite"
    result = run_vbhc("corpus", "build", str(plans), "--db", str(db), "--workers", "2")
    assert result.returncode == 3
    assert "hỏng.docx" in result.stderr and "5 văn bản, 1 tệp lỗi" in result.stderr
    stats = json.loads(run_vbhc("corpus", "stats", "--db", str(db), "--format", "json").stdout)
    assert (stats["documents"], stats["errors"]) == (5, 1)


def test_build_defaults_to_the_bundled_corpus(tmp_path: Path) -> None:
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "vbhc", "corpus", "build"], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert rows(tmp_path / "corpus.sqlite", "SELECT COUNT(*) FROM documents")[0][0] == len(list(CORPUS.glob("*.txt")))


# --- search --------------------------------------------------------------------------------------------------


def test_search_matches_with_and_without_diacritics(db: Path) -> None:
    marked = {h.path for h in search(db, "thi đua")}
    bare = {h.path for h in search(db, "thi dua")}
    assert marked and marked <= bare
    assert {h.path for h in search(db, "THI ĐUA")} == marked
    # old and new tone placement are one word
    assert {h.path for h in search(db, "hoà")} == {h.path for h in search(db, "hòa")} != set()
    hit = search(db, "thi dua")[0]
    assert "«" in hit.snippet and "»" in hit.snippet and hit.title


def test_a_word_with_marks_matches_only_those_marks(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "mat-dau.txt").write_text(STRIPPED, encoding="utf-8")
    db = tmp_path / "c.sqlite"
    build(plans, db, workers=1, restore=False)
    assert [Path(h.path).name for h in search(db, "phong trao thi dua")] == ["mat-dau.txt"]
    assert search(db, "thi đua") == []  # not restored: the marks the query asks for are not there
    assert search(db, '"thi dua yeu nuoc"') and not search(db, '"thi dua nuoc yeu"')
    assert search(db, "nuo*") and not search(db, "nuo")


def test_fts_query_routes_each_term() -> None:
    assert fts_query("thi đua") == '{title_folded body_folded} : "thi" AND {title body} : "đua"'
    assert fts_query('"Bằng khen" giay*') == '{title body} : "bằng khen" AND {title_folded body_folded} : "giay"*'.replace("bằng khen", "Bằng khen")
    with pytest.raises(ValueError):
        fts_query(" ,; ")


def test_cli_search_json(db: Path) -> None:
    result = run_vbhc("corpus", "search", "cải cách hành chính", "--db", str(db), "--format", "json", "--limit", "3")
    assert result.returncode == 0, result.stderr
    hits = json.loads(result.stdout)
    assert 1 <= len(hits) <= 3
    assert all({"path", "number", "title", "snippet"} <= set(h) for h in hits)
    assert all("«" in h["snippet"] for h in hits)


# --- stats, export, DataFrames ----------------------------------------------------------------------------------


def test_stats_add_up(db: Path) -> None:
    result = run_vbhc("corpus", "stats", "--db", str(db), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    n = rows(db, "SELECT COUNT(*) FROM documents")[0][0]
    assert data["documents"] == n and data["errors"] == 0
    for key in ("by_year", "by_era", "by_issuer_level", "by_province", "by_doc_type"):
        assert sum(r["documents"] for r in data[key]) == n, key
    assert sum(r["quotas"] for r in data["quotas"]) == rows(db, "SELECT COUNT(*) FROM quotas")[0][0]
    assert sum(r["deadlines"] for r in data["deadlines_by_month"]) == rows(db, "SELECT COUNT(*) FROM deadlines")[0][0]
    top = data["top_citations"][0]
    assert top["documents"] == max(r["documents"] for r in data["top_citations"]) and top["citation"]
    text = run_vbhc("corpus", "stats", "--db", str(db)).stdout
    assert "Văn bản theo năm" in text and "Chỉ tiêu khen thưởng" in text


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet", "xlsx"])
def test_export_writes_every_table(db: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / ("corpus.xlsx" if fmt == "xlsx" else "out")
    result = run_vbhc("corpus", "export", "--db", str(db), "--format", fmt, "--out", str(out))
    assert result.returncode == 0, result.stderr
    counts = {t: rows(db, f"SELECT COUNT(*) FROM {t}")[0][0] for t in TABLES}
    if fmt == "xlsx":
        from openpyxl import load_workbook

        book = load_workbook(out, read_only=True)
        assert book.sheetnames == list(TABLES)
        assert {t: sum(1 for _ in book[t].iter_rows(min_row=2)) for t in TABLES} == counts
        titles = [r[0] for r in rows(db, "SELECT title FROM documents ORDER BY id")]
        header = [c.value for c in next(book["documents"].iter_rows(max_row=1))]
        column = header.index("title")
        assert [r[column] for r in book["documents"].iter_rows(min_row=2, values_only=True)] == titles
        return
    files = sorted(p.name for p in out.iterdir())
    assert files == sorted(f"{t}.{fmt}" for t in TABLES)  # and no temporary files left behind
    if fmt == "csv":
        import csv

        for t in TABLES:
            with open(out / f"{t}.csv", encoding="utf-8", newline="") as fh:
                assert sum(1 for _ in csv.reader(fh)) - 1 == counts[t]
    elif fmt == "jsonl":
        docs = [json.loads(line) for line in (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
        assert len(docs) == counts["documents"] and all(d["plan"]["title"] == d["title"] for d in docs)
    else:
        import pyarrow.parquet as pq

        assert {t: pq.read_table(out / f"{t}.parquet").num_rows for t in TABLES} == counts


def test_open_gives_dataframes(db: Path) -> None:
    corpus = vbhc.corpus.open(db)
    docs = corpus.documents
    assert len(docs) == rows(db, "SELECT COUNT(*) FROM documents")[0][0]
    assert "plan_json" not in docs.columns and str(docs["issue_date"].dtype).startswith("datetime64")
    assert len(corpus.quotas) == rows(db, "SELECT COUNT(*) FROM quotas")[0][0]
    joined = corpus.quotas.merge(docs, left_on="doc_id", right_index=True)
    assert len(joined) == len(corpus.quotas)
    doc_id = int(docs.index[0])
    assert corpus.plan(doc_id)["title"] == docs.loc[doc_id, "title"]
    assert set(corpus.search("thi dua")["path"]) <= set(docs["path"])
    assert list(corpus.sql("SELECT COUNT(*) AS n FROM citations")["n"]) == [len(corpus.citations)]
    corpus.close()


# --- what the review found ---------------------------------------------------------------------------------


def test_building_the_databases_own_folder_forgets_removed_files(tmp_path: Path) -> None:
    import subprocess
    import sys

    shutil.copytree(CORPUS, tmp_path / "plans")
    shutil.copytree(CORPUS, tmp_path / "plans2")  # a sibling whose name starts the same
    cmd = [sys.executable, "-m", "vbhc", "corpus", "build"]
    for folder in ("plans", "plans2"):
        assert subprocess.run([*cmd, folder], cwd=tmp_path, capture_output=True, timeout=120).returncode == 0
    db = tmp_path / "corpus.sqlite"
    assert rows(db, "SELECT COUNT(*) FROM documents")[0][0] == 10
    next((tmp_path / "plans").glob("*.txt")).unlink()
    result = subprocess.run([*cmd, "plans"], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and "1 đã gỡ" in result.stderr
    assert rows(db, "SELECT COUNT(*) FROM documents")[0][0] == 9  # plans2 untouched
    # the database's own folder, spelled "."
    inner = tmp_path / "plans2"
    assert subprocess.run([*cmd, ".", "--db", "c.sqlite"], cwd=inner, capture_output=True, timeout=120).returncode == 0
    next(inner.glob("*.txt")).unlink()
    result = subprocess.run([*cmd, ".", "--db", "c.sqlite"], cwd=inner, capture_output=True, text=True, timeout=120)
    assert "1 đã gỡ" in result.stderr and rows(inner / "c.sqlite", "SELECT COUNT(*) FROM documents")[0][0] == 4


def test_changing_parse_options_parses_again(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "mat-dau.txt").write_text(STRIPPED, encoding="utf-8")
    db = tmp_path / "c.sqlite"
    assert build(plans, db, workers=1).parsed == 1
    ((restored, title),) = rows(db, "SELECT restored, title FROM documents")
    assert restored == 1 and title != title.encode("ascii", "ignore").decode()  # marks came back
    again = build(plans, db, workers=1, restore=False)
    assert (again.parsed, again.unchanged) == (1, 0)
    assert rows(db, "SELECT restored, title, parse_options FROM documents")[0] == (0, "Phat dong phong trao thi dua yeu nuoc nam 2023", "no-restore")
    assert build(plans, db, workers=1, restore=False).unchanged == 1


def test_a_worker_that_dies_costs_one_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker killed mid-file (out of memory, a crash in a PDF library) must not hang or
    stop the build: that file becomes an internal error, the others are parsed."""
    import importlib
    import os as _os

    build_module = importlib.import_module("vbhc.corpus.build")  # the module: vbhc.corpus.build is the function

    real = build_module.parse_record

    def crashing(path: str, known: str | None = None, restore: bool = True, source: str | None = None):  # type: ignore[no-untyped-def]
        if "crash" in path:
            _os._exit(1)  # what a segfault or the OOM killer looks like from the pool
        return real(path, known, restore, source)

    monkeypatch.setattr(build_module, "parse_record", crashing)  # the forked workers inherit it
    plans = tmp_path / "plans"
    shutil.copytree(CORPUS, plans)
    for k in range(60):
        (plans / f"copy-{k:02d}.txt").write_text(next(CORPUS.glob("003_*.txt")).read_text(encoding="utf-8") + "\n" * (k + 1), encoding="utf-8")
    for name in ("crash-a.txt", "crash-b.txt", "zz-crash.txt"):  # in different chunks
        (plans / name).write_text("KẾ HOẠCH\nx\n", encoding="utf-8")

    def slow(done: int, total: int, path: str) -> None:
        time.sleep(0.01)  # the writer lags: deaths are then found when the pool is refilled

    db = tmp_path / "c.sqlite"
    summary = build(plans, db, workers=2, progress=slow)
    assert (summary.documents, summary.errors) == (65, 3)
    found = rows(db, "SELECT path, error_kind, message FROM errors ORDER BY path")
    assert [Path(p).name for p, _, _ in found] == ["crash-a.txt", "crash-b.txt", "zz-crash.txt"]
    assert all(kind == "internal" and "dừng đột ngột" in message for _, kind, message in found)
    assert rows(db, "SELECT COUNT(*), COUNT(DISTINCT path) FROM documents")[0] == (65, 65)


def test_readers_change_nothing(db: Path, tmp_path: Path) -> None:
    import hashlib

    before = hashlib.sha256(db.read_bytes()).hexdigest()
    siblings = sorted(p.name for p in db.parent.iterdir())
    search(db, "thi đua")
    vbhc.corpus.stats(db)
    assert len(vbhc.corpus.open(db).documents) > 0
    vbhc.corpus.export(db, "csv", tmp_path / "out")
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in db.parent.iterdir()) == siblings  # no -wal, -shm or lock files left


def test_someone_elses_files_are_left_alone(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.commit()
    conn.close()
    before = other.read_bytes()
    for args in (("build", str(CORPUS)), ("stats",)):
        result = run_vbhc("corpus", *args, "--db", str(other))
        assert result.returncode == 3 and "không phải cơ sở dữ liệu của vbhc" in result.stderr
    assert other.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["other.db"]
    folder = run_vbhc("corpus", "build", str(CORPUS), "--db", str(tmp_path))
    assert folder.returncode == 3 and "thư mục" in folder.stderr and "Traceback" not in folder.stderr
    nowhere = run_vbhc("corpus", "build", str(CORPUS), "--db", str(tmp_path / "no" / "c.sqlite"))
    assert nowhere.returncode == 3 and "không tồn tại" in nowhere.stderr and not (tmp_path / "no").exists()
    for bad in (("build", "--workers", "0"), ("search", "x", "--limit", "-1"), ("dask", ".", "--parts", "p", "--partition-size", "0")):
        result = run_vbhc("corpus", *bad)
        assert result.returncode == 2 and "Traceback" not in result.stderr, bad


def test_the_lock_holds_whatever_the_database_is_called(tmp_path: Path) -> None:
    db = tmp_path / "c.sqlite"
    build(CORPUS, db, workers=1)
    (tmp_path / "alias.sqlite").symlink_to(db)
    with build_lock(db, wait=False), pytest.raises(CorpusBusyError):
        build(CORPUS, tmp_path / "alias.sqlite", workers=1)


def test_excel_export_paths(db: Path, tmp_path: Path) -> None:
    missing = run_vbhc("corpus", "export", "--db", str(db), "--format", "xlsx", "--out", str(tmp_path / "no" / "x.xlsx"))
    assert missing.returncode == 3 and "không tồn tại" in missing.stderr and len(missing.stderr.splitlines()) == 1
    typed = run_vbhc("corpus", "export", "--db", str(db), "--format", "xlsx", "--out", str(tmp_path / "bao-cao.2024"))
    assert typed.returncode == 0 and (tmp_path / "bao-cao.2024.xlsx").is_file() and "bao-cao.2024.xlsx" in typed.stderr
    (tmp_path / "folder").mkdir()
    into = run_vbhc("corpus", "export", "--db", str(db), "--format", "xlsx", "--out", str(tmp_path / "folder"))
    assert into.returncode == 0 and (tmp_path / "folder" / "corpus.xlsx").is_file()


@pytest.mark.slow
def test_build_reads_every_kind_of_file(forms: dict[str, Path], tmp_path: Path) -> None:
    """Word files, text PDFs and scans (OCR) in one folder, with the award dossier's kinds."""
    from docx_build import generated

    folder = tmp_path / "mixed"
    folder.mkdir()
    for kind in ("docx", "pdf", "scan"):
        for f in sorted(forms[kind].iterdir())[:1]:
            shutil.copy(f, folder / f"{kind}-{f.name}")
    for kind in ("to-trinh", "quyet-dinh"):
        (folder / f"{kind}.docx").write_bytes(generated(kind))
    db = tmp_path / "c.sqlite"
    summary = build(folder, db, workers=2)
    assert (summary.documents, summary.errors) == (5, 0)
    for f in sorted(folder.iterdir()):
        plan = vbhc.parse_file(f, restore=True)
        stored = rows(db, "SELECT number, doc_type, title FROM documents WHERE path = ?", (f"mixed/{f.name}",))
        assert stored == [(plan.number, plan.doc_type, plan.title)], f.name
    assert rows(db, "SELECT COUNT(DISTINCT doc_type) FROM documents")[0][0] == 3
    assert rows(db, "SELECT COUNT(*) FROM nominees")[0][0] > 0  # the award documents' danh sách


def test_search_filters(db: Path) -> None:
    from vbhc.corpus.search import Filters

    everything = search(db, "thi dua", limit=50)
    years = {h.path: y for h, (y,) in ((h, rows(db, "SELECT year FROM documents WHERE path = ?", (h.path,))[0]) for h in everything)}
    some_year = sorted(set(years.values()))[0]
    in_year = search(db, "thi dua", limit=50, filters=Filters(year=some_year))
    assert in_year and {h.path for h in in_year} == {p for p, y in years.items() if y == some_year}
    span = search(db, "thi dua", limit=50, filters=Filters(year=2000, year_to=2100))
    assert len(span) == len(everything)
    ((province,),) = rows(db, "SELECT province FROM documents WHERE province IS NOT NULL LIMIT 1")
    from vbhc.vn.text import strip_marks

    by_province = search(db, "thi dua", limit=50, filters=Filters(province=strip_marks(province).lower()))
    assert by_province and all(rows(db, "SELECT province FROM documents WHERE path = ?", (h.path,))[0][0] == province
                               for h in by_province)
    assert search(db, "thi dua", filters=Filters(doc_type="kế hoạch")) == search(db, "thi dua", filters=Filters(doc_type="KE_HOACH"))
    assert search(db, "thi dua", filters=Filters(doc_type="tờ trình")) == []
    result = run_vbhc("corpus", "search", "thi", "dua", "--db", str(db), "--year", str(some_year), "--format", "json")
    assert result.returncode == 0 and len(json.loads(result.stdout)) == len(in_year)
    assert run_vbhc("corpus", "search", "x", "--db", str(db), "--year", "năm ngoái").returncode == 2


def test_a_reader_holding_the_database_does_not_stop_a_build(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    shutil.copytree(CORPUS, plans)
    db = tmp_path / "c.sqlite"
    build(plans, db, workers=1)
    corpus = vbhc.corpus.open(db)
    assert len(corpus.documents) == 5  # a notebook with the corpus open
    for f in plans.glob("*.txt"):
        f.write_text(f.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    summary = build(plans, db, workers=1)
    assert (summary.parsed, summary.documents) == (5, 5)
    assert len(corpus.sql("SELECT * FROM documents")) == 5
    corpus.close()
    assert build(plans, db, workers=1).unchanged == 5
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("c.sqlite")) == ["c.sqlite", "c.sqlite.lock"]


def test_one_database_by_two_names_holds_each_file_once(tmp_path: Path) -> None:
    (tmp_path / "proj").mkdir()
    (tmp_path / "other").mkdir()
    shutil.copytree(CORPUS, tmp_path / "proj" / "docs")
    db = tmp_path / "proj" / "c.sqlite"
    build(tmp_path / "proj" / "docs", db, workers=1)
    (tmp_path / "other" / "link.sqlite").symlink_to(db)
    (tmp_path / "docs-link").symlink_to(tmp_path / "proj" / "docs")
    again = build(tmp_path / "docs-link", tmp_path / "other" / "link.sqlite", workers=1)
    assert (again.unchanged, again.removed) == (5, 0)
    assert rows(db, "SELECT COUNT(*) FROM documents")[0][0] == 5
    source = json.loads(rows(db, "SELECT plan_json FROM documents LIMIT 1")[0][0])["source"]
    assert source.startswith("docs/")  # the plan names its file as the database does: movable together


def test_odd_arguments(tmp_path: Path) -> None:
    assert run_vbhc("corpus", "search", "x", "--year", "2025-2021").returncode == 2
    devnull = run_vbhc("corpus", "build", str(CORPUS), "--db", "/dev/null")
    assert devnull.returncode == 3 and "không phải tệp thường" in devnull.stderr
    assert not Path("/dev/null.lock").exists()


def test_stats_filters(db: Path) -> None:
    ((year, n_year),) = rows(db, "SELECT year, COUNT(*) FROM documents GROUP BY year ORDER BY COUNT(*) DESC, year LIMIT 1")
    result = run_vbhc("corpus", "stats", "--db", str(db), "--year", str(year), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["documents"] == n_year and [r["year"] for r in data["by_year"]] == [year]
    in_year = rows(db, "SELECT COUNT(*) FROM quotas q JOIN documents d ON d.id = q.doc_id WHERE d.year = ?", (year,))[0][0]
    assert sum(r["quotas"] for r in data["quotas"]) == in_year
    assert data["errors"] == rows(db, "SELECT COUNT(*) FROM errors")[0][0]  # failed files have no year: all of them
    nobody = vbhc.corpus.open(db).stats(province="Không Có Tỉnh Này")
    assert nobody["documents"] == 0 and nobody["quotas"] == [] and nobody["top_citations"] == []
    text = run_vbhc("corpus", "stats", "--db", str(db), "--level", "tinh").stdout
    assert "lọc: level=tinh" in text
    assert run_vbhc("corpus", "stats", "--db", str(db), "--year", "2025-2021").returncode == 2
