"""``vbhc corpus``: build, search, count and export a corpus database (issue 8).

Exit status: 0 good; 3 when files of the folder could not be parsed (they are recorded in
the ``errors`` table) or the database cannot be used; 5 when another build holds the
database; 2 for a usage error; 130 when interrupted (what was written is kept: run again
to go on).
"""
from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from importlib import resources
from pathlib import Path
from typing import Any

from .cli import ExitStatus, _err
from .errors import VbhcError
from .fileio import write_atomic
from .progress import ProgressBar

__all__ = ["add_commands", "bundled_corpus"]

OK, USAGE, UNREADABLE, BUSY, INTERRUPTED = (ExitStatus.OK, ExitStatus.USAGE, ExitStatus.UNREADABLE, ExitStatus.BUSY,
                                            ExitStatus.INTERRUPTED)
_DEFAULT_DB = "corpus.sqlite"
#: What a corpus command reports as a message: the database's own errors (CorpusError and
#: CorpusBusyError derive from VbhcError), SQLite's, a missing optional package.
_EXPECTED = (VbhcError, sqlite3.Error)
_SHOW_FAILURES = 20


def bundled_corpus() -> Path:
    """The plans that ship with vbhc: ``corpus/`` of a checkout, else the installed copy."""
    checkout = Path(__file__).resolve().parents[2] / "corpus"
    if checkout.is_dir():
        return checkout
    return Path(str(resources.files("vbhc.data").joinpath("sample_corpus")))


def _failed(exc: Exception, db: str | None) -> int:
    """Report an error the corpus commands expect (never a traceback); its exit status."""
    from .corpus.store import CorpusBusyError

    if isinstance(exc, sqlite3.Error):
        _err(f"lỗi: {db}: lỗi cơ sở dữ liệu ({exc})")
        return UNREADABLE
    _err(f"lỗi: {exc}")
    return BUSY if isinstance(exc, CorpusBusyError) else UNREADABLE


def _out(text: str, target: str | None) -> None:
    if target:
        write_atomic(Path(target), text)
    elif sys.stdout is not None:
        sys.stdout.write(text)


def _cmd_build(args: argparse.Namespace) -> int:
    from .corpus import build, ingest_records

    bar: ProgressBar | None = None

    def progress(done: int, total: int, name: str) -> None:
        nonlocal bar
        if bar is None:
            bar = ProgressBar(total, not args.quiet)
        bar.step(done, name)

    try:
        if args.from_parquet:
            from .corpus.distributed import count_parts, read_parts

            summary = ingest_records(read_parts(args.from_parquet), args.db, wait=args.wait,
                                     total=count_parts(args.from_parquet), progress=progress)
            source = args.from_parquet
        else:
            source = args.folder or str(bundled_corpus())
            summary = build(source, args.db, workers=args.workers, restore=not args.no_restore, wait=args.wait,
                            prune=not args.keep_missing, progress=progress)
    except _EXPECTED as exc:
        return _failed(exc, args.db)
    except KeyboardInterrupt:
        _err("đã dừng; các tệp đã ghi vẫn được giữ, chạy lại lệnh để làm tiếp")
        return INTERRUPTED
    finally:
        if bar is not None:
            bar.close()
    for path, message in sorted(summary.failures)[:_SHOW_FAILURES]:
        _err(f"lỗi: {message if message.startswith(path) else f'{path}: {message}'}")
    if len(summary.failures) > _SHOW_FAILURES:
        _err(f"… và {len(summary.failures) - _SHOW_FAILURES} tệp lỗi khác (xem bảng errors)")
    for note in summary.notes:
        _err(f"cảnh báo: {note}")
    _err(f"{source}: {summary.files} tệp — {summary.parsed} phân tích mới, {summary.unchanged} không đổi, "
         f"{summary.failed} lỗi" + (f", {summary.removed} đã gỡ (tệp không còn)" if summary.removed else "")
         + f"; {summary.seconds:.1f} giây")
    _err(f"{summary.db}: các tệp này có {summary.documents} văn bản, {summary.errors} tệp lỗi")
    return UNREADABLE if summary.errors or summary.notes else OK


def _cmd_search(args: argparse.Namespace) -> int:
    from .corpus.search import search

    try:
        hits = search(args.db, " ".join(args.query), limit=args.limit, filters=_filters(args))
    except ValueError as exc:
        _err(f"lỗi: {exc}")
        return USAGE
    except _EXPECTED as exc:
        return _failed(exc, args.db)
    if args.format == "json":
        _out(json.dumps([h.to_dict() for h in hits], ensure_ascii=False, indent=1) + "\n", args.out)
        return OK
    lines = []
    for k, h in enumerate(hits, 1):
        head = " · ".join(x for x in (h.number, h.issue_date, h.issuer) if x)
        lines += [f"{k}. {h.path}", f"   {head}" if head else "", f"   {h.title or ''}".rstrip(), f"   {h.snippet}", ""]
    lines.append(f"{len(hits)} kết quả" + (f" (giới hạn {args.limit}; thêm --limit để xem nhiều hơn)" if len(hits) == args.limit else ""))
    _out("\n".join(line for line in lines if line is not None) + "\n", args.out)
    return OK


def _years(text: str) -> tuple[int, int]:
    """"2024" → (2024, 2024); "2021-2025" → (2021, 2025)."""
    parts = [p.strip() for p in text.split("-")]
    if not all(p.isdigit() and len(p) == 4 for p in parts) or len(parts) > 2:
        raise ValueError(f"--year cần một năm (2024) hoặc một khoảng năm (2021-2025), không phải {text!r}")
    first, last = int(parts[0]), int(parts[-1])
    if first > last:
        raise ValueError(f"--year: khoảng năm ngược ({text}); viết năm nhỏ trước, vd. {last}-{first}")
    return first, last


def _filters(args: argparse.Namespace) -> Any:
    from .corpus.filters import Filters

    years = _years(args.year) if args.year else (None, None)
    return Filters(years[0], years[1], args.type, args.province, args.level)


def _filter_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--year", metavar="YYYY[-YYYY]", help="chỉ văn bản của năm (hoặc khoảng năm) này")
    p.add_argument("--type", metavar="LOẠI", help="chỉ loại văn bản này (KE_HOACH, 'kế hoạch', KH …)")
    p.add_argument("--province", metavar="TỈNH", help="chỉ văn bản của tỉnh, thành phố này (không cần dấu)")
    p.add_argument("--level", choices=("trung_uong", "tinh", "huyen", "xa"), help="chỉ cơ quan ban hành cấp này")


def _cmd_stats(args: argparse.Namespace) -> int:
    from .corpus.stats import render_stats, stats

    try:
        data = stats(args.db, top=args.top, filters=_filters(args))
    except ValueError as exc:
        _err(f"lỗi: {exc}")
        return USAGE
    except _EXPECTED as exc:
        return _failed(exc, args.db)
    _out(json.dumps(data, ensure_ascii=False, indent=1) + "\n" if args.format == "json" else render_stats(data), args.out)
    return OK


def _cmd_export(args: argparse.Namespace) -> int:
    from .corpus.export import export

    out = args.out or ("corpus.xlsx" if args.format == "xlsx" else f"corpus-{args.format}")
    try:
        written = export(args.db, args.format, out)
    except _EXPECTED as exc:
        return _failed(exc, args.db)
    _err(f"đã ghi {written[0]}" if len(written) == 1 else f"đã ghi {len(written)} tệp vào {out}")
    return OK


def _cmd_schema(args: argparse.Namespace) -> int:
    from .corpus.tables import SCHEMA_DOC, create_sql

    if args.format == "sql":
        _out(create_sql() + "\n", None)
    elif args.format == "json":
        data = {t: [{"name": n, "type": ty.split()[0], "description": d} for n, ty, d in cols] for t, cols in SCHEMA_DOC.items()}
        _out(json.dumps(data, ensure_ascii=False, indent=1) + "\n", None)
    else:
        lines = []
        for table, cols in SCHEMA_DOC.items():
            lines.append(table)
            width = max(len(n) for n, _, _ in cols)
            lines += [f"  {n.ljust(width)}  {ty.split()[0]:<7}  {d}" for n, ty, d in cols]
            lines.append("")
        lines += [
            "search (chỉ mục toàn văn FTS5; rowid = documents.id)",
            "  title, body                văn bản như in (NFC, dấu đặt kiểu mới: hoà → hòa, khoảng trắng gộp)",
            "  title_folded, body_folded  bản không dấu (đ → d), cùng độ dài: tìm không dấu",
            "",
            "meta",
            "  key, value                 schema_version, created_by",
            "",
        ]
        _out("\n".join(lines), None)
    return OK


def _cmd_dask(args: argparse.Namespace) -> int:

    try:
        from .corpus.distributed import build_parquet, known_from_db

        known = known_from_db(args.db, restore=not args.no_restore) if args.db and Path(args.db).is_file() else None
        parts = build_parquet(args.folder, args.parts, scheduler=args.scheduler, n_workers=args.workers,
                              partition_size=args.partition_size, known=known, restore=not args.no_restore)
    except _EXPECTED as exc:
        return _failed(exc, args.db)
    _err(f"đã ghi {len(parts)} phần Parquet vào {args.parts}; nạp vào kho bằng: vbhc corpus build --from-parquet {args.parts} --db {args.db or _DEFAULT_DB}")
    return OK


def _positive(text: str) -> int:
    """An argparse type: a whole number of at least 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"cần một số nguyên, không phải {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"cần một số từ 1 trở lên, không phải {value}")
    return value


def add_commands(sub: Any) -> None:
    """Register ``vbhc corpus`` and its subcommands."""
    c = sub.add_parser("corpus", help="kho văn bản cho nghiên cứu: xây dựng, tìm kiếm, thống kê, xuất dữ liệu")
    cs = c.add_subparsers(dest="corpus_command", metavar="LỆNH")
    c.set_defaults(func=lambda args: (c.print_help(sys.stderr), USAGE)[1])

    def db_option(p: argparse.ArgumentParser) -> None:
        p.add_argument("--db", default=_DEFAULT_DB, metavar="FILE", help=f"cơ sở dữ liệu SQLite (mặc định {_DEFAULT_DB})")

    b = cs.add_parser("build", help="phân tích mọi văn bản trong thư mục vào cơ sở dữ liệu (song song, chỉ làm lại tệp đã đổi)")
    b.add_argument("folder", nargs="?", metavar="DIR", help="thư mục văn bản (mặc định: kho mẫu corpus/ đi kèm vbhc)")
    db_option(b)
    b.add_argument("--workers", type=_positive, metavar="N", help="số tiến trình phân tích (mặc định: số nhân CPU)")
    b.add_argument("--no-restore", action="store_true", help="không khôi phục dấu cho văn bản mất dấu hoặc OCR sai")
    b.add_argument("--wait", action="store_true", help="nếu lệnh build khác đang ghi vào cùng cơ sở dữ liệu thì chờ (mặc định: dừng)")
    b.add_argument("--keep-missing", action="store_true", help="giữ dữ liệu của tệp đã xóa khỏi thư mục")
    b.add_argument("--from-parquet", metavar="DIR", help="nạp các phần Parquet do 'vbhc corpus dask' ghi thay vì phân tích thư mục")
    b.add_argument("-q", "--quiet", action="store_true", help="không hiện thanh tiến độ")
    b.set_defaults(func=_cmd_build)

    s = cs.add_parser("search", help="tìm toàn văn, có dấu hoặc không dấu ('thi dua' tìm được 'thi đua')")
    s.add_argument("query", nargs="+", metavar="QUERY", help="các từ cần tìm; cụm từ trong ngoặc kép; từ* để tìm theo tiền tố")
    db_option(s)
    s.add_argument("--limit", type=_positive, default=20, metavar="N", help="số kết quả tối đa (mặc định 20)")
    _filter_options(s)
    s.add_argument("--format", choices=("text", "json"), default="text")
    s.add_argument("--out", metavar="FILE", help="ghi ra tệp")
    s.set_defaults(func=_cmd_search)

    t = cs.add_parser("stats", help="thống kê: văn bản theo năm, cấp, tỉnh, loại; chỉ tiêu khen thưởng; văn bản được dẫn; thời hạn")
    db_option(t)
    t.add_argument("--format", choices=("text", "json"), default="text")
    _filter_options(t)
    t.add_argument("--top", type=_positive, default=20, metavar="N", help="số văn bản được dẫn nhiều nhất cần liệt kê (mặc định 20)")
    t.add_argument("--out", metavar="FILE", help="ghi ra tệp")
    t.set_defaults(func=_cmd_stats)

    e = cs.add_parser("export", help="xuất mọi bảng ra CSV, Excel, Parquet hoặc JSON Lines")
    db_option(e)
    e.add_argument("--format", choices=("csv", "xlsx", "parquet", "jsonl"), required=True)
    e.add_argument("--out", metavar="PATH", help="thư mục ghi (một tệp mỗi bảng); với xlsx là tệp .xlsx (mặc định corpus-<định dạng>/, corpus.xlsx)")
    e.set_defaults(func=_cmd_export)

    m = cs.add_parser("schema", help="mô tả các bảng và cột của cơ sở dữ liệu")
    m.add_argument("--format", choices=("text", "json", "sql"), default="text")
    m.set_defaults(func=_cmd_schema)

    d = cs.add_parser("dask", help="phân tích trên cụm Dask, ghi các phần Parquet để 'build --from-parquet' nạp")
    d.add_argument("folder", metavar="DIR", help="thư mục văn bản (các máy trong cụm phải đọc được cùng đường dẫn)")
    d.add_argument("--parts", required=True, metavar="DIR", help="thư mục ghi các phần Parquet")
    d.add_argument("--scheduler", metavar="ADDRESS", help="địa chỉ bộ lập lịch Dask (tcp://…); mặc định: cụm cục bộ")
    d.add_argument("--workers", type=_positive, default=2, metavar="N", help="số worker của cụm cục bộ (mặc định 2)")
    d.add_argument("--partition-size", type=_positive, default=100, metavar="N", help="số tệp mỗi phần (mặc định 100)")
    d.add_argument("--db", metavar="FILE", help="cơ sở dữ liệu đã có: bỏ qua tệp không đổi")
    d.add_argument("--no-restore", action="store_true", help="không khôi phục dấu")
    d.set_defaults(func=_cmd_dask)
