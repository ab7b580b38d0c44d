"""vbhc corpus: build, incremental rebuilds, search, stats, export, DataFrames (issue 8).

The expected values come from the parser run on the same files (the corpus must hold
what ``vbhc parse`` reads), not from the files' wording.
"""
from __future__ import annotations

import json
import shutil
import sqlite3
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
])
def test_issuer_standing(issuer: str, parent: str | None, date: str | None, tier: str, province: str | None) -> None:
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
    (None, "Chiến sĩ thi đua cấp tỉnh", "xa", "tinh"),
    (None, "Giấy khen", "xa", None),
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
