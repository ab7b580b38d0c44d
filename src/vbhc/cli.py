"""The ``vbhc`` command: thin argparse front end over the Python API.

Exit status (:class:`ExitStatus`): 0 all good, 1 ``check`` found something at or above
``--min-severity``, 2 usage error, 3 some input could not be read at all, 4 internal
error, 5 another ``corpus build`` holds the database, 130 interrupted.
"""
from __future__ import annotations

import argparse
import enum
import json
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, TextIO

from . import __version__
from .errors import InputError
from .fileio import write_atomic
from .model import Plan
from .parse import documents_in, parse_file, parse_text
from .pipeline.read import decode_text
from .schema import plan_schema

__all__ = ["ExitStatus", "main"]


class ExitStatus(enum.IntEnum):
    OK = 0
    FINDINGS = 1
    USAGE = 2
    UNREADABLE = 3
    INTERNAL = 4
    BUSY = 5
    INTERRUPTED = 130


def _err(message: str) -> None:
    print(f"vbhc: {message}", file=sys.stderr)


def _expand_inputs(paths: Sequence[str]) -> list[str]:
    """Files as given; folders walked for text files in name order."""
    out: list[str] = []
    for p in paths:
        path = Path(p)
        if p != "-" and path.is_dir():
            found = [str(f) for f in documents_in(path)]
            if not found:
                _err(f"cảnh báo: {p}: thư mục không có tệp văn bản nào (.txt, .md, .docx, .pdf, ảnh …)")
            out.extend(found)
        else:
            out.append(p)
    return out


def _page_progress(done: int, total: int) -> None:
    """A progress line on a terminal while scanned pages are recognised."""
    if total > 1 and sys.stderr is not None and sys.stderr.isatty():
        end = "\n" if done == total else ""
        print(f"\r  nhận dạng chữ: trang {done}/{total}", end=end, file=sys.stderr, flush=True)


def _read_stdin() -> str:
    data = sys.stdin.buffer.read() if sys.stdin is not None else b""
    text, _ = decode_text(data, "<stdin>")
    return text


def _parse_one(name: str, restore: bool = False) -> Plan:
    if name == "-":
        return parse_text(_read_stdin(), "<stdin>", restore=restore)
    return parse_file(name, progress=_page_progress, restore=restore)


def _table(plans: Iterable[tuple[str, Plan]]) -> str:
    columns = [("tệp", 28), ("loại", 10), ("số", 16), ("ngày", 10), ("cơ quan ban hành", 34), ("trích yếu", 48), ("người ký", 22)]

    def cell(text: Any, width: int) -> str:
        s = "" if text is None else str(text)
        return (s[: width - 1] + "…") if len(s) > width else s.ljust(width)

    lines = ["  ".join(cell(h, w) for h, w in columns).rstrip()]
    lines.append("  ".join("-" * w for _, w in columns))
    for name, plan in plans:
        row = [Path(name).name, plan.doc_type, plan.number, plan.issue_date, plan.issuer, plan.title, plan.signer.name]
        lines.append("  ".join(cell(v, w) for v, (_, w) in zip(row, columns, strict=True)).rstrip())
    return "\n".join(lines) + "\n"


def _output_name(out_dir: Path, source: str, written: set[str]) -> Path:
    """``DIR/<stem>.json``; when two inputs share a stem (a/x.txt, b/x.md), the later one
    keeps its suffix (``x.md.json``) and then a counter, so nothing is overwritten."""
    p = Path(source)
    candidates = [f"{p.stem}.json", f"{p.name}.json"] + [f"{p.stem}-{k}.json" for k in range(2, 10_000)]
    name = next(c for c in candidates if c not in written)
    if name != candidates[0]:
        _err(f"cảnh báo: {source}: trùng tên, ghi ra {name}")
    written.add(name)
    return out_dir / name


def _dump(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=1)


def _render(results: list[tuple[str, Plan]], fmt: str, single: bool) -> str:
    if fmt == "table":
        return _table(results)
    if fmt == "jsonl":
        return "".join(json.dumps(p.to_dict(), ensure_ascii=False) + "\n" for _, p in results)
    if single and len(results) == 1:
        return _dump(results[0][1].to_dict()) + "\n"
    return _dump([p.to_dict() for _, p in results]) + "\n"


def _cmd_parse(args: argparse.Namespace) -> int:
    inputs = _expand_inputs(args.files)
    if not inputs:
        _err("lỗi: không có tệp nào để phân tích")
        return ExitStatus.USAGE
    out_dir = None
    written: set[str] = set()
    if args.out and (Path(args.out).is_dir() or args.out.endswith(("/", os.sep))):
        out_dir = Path(args.out)
        out_dir.mkdir(parents=True, exist_ok=True)
    results: list[tuple[str, Plan]] = []
    failed = 0
    internal = False
    show_progress = len(inputs) > 1 and sys.stderr.isatty()
    for k, name in enumerate(inputs, 1):
        if show_progress:
            print(f"\r[{k}/{len(inputs)}] {Path(name).name[:60]:60}", end="", file=sys.stderr, flush=True)
        try:
            plan = _parse_one(name, args.restore)
        except InputError as exc:
            failed += 1
            _err(f"{'' if not show_progress else chr(10)}lỗi: {exc}")
            continue
        except (RecursionError, MemoryError, Exception) as exc:
            failed += 1
            internal = True
            _err(f"lỗi nội bộ khi đọc {name}: {type(exc).__name__}: {exc} (xin báo lỗi kèm tệp này)")
            if args.debug:
                raise
            continue
        results.append((name, plan))
        if out_dir is not None:
            target = _output_name(out_dir, name, written)
            write_atomic(target, _dump(plan.to_dict()) + "\n")
    if show_progress:
        print(file=sys.stderr)
    if out_dir is None:
        text = _render(results, args.format, single=len(inputs) == 1)
        if args.out:
            write_atomic(Path(args.out), text)
        elif (results or args.format != "json" or len(inputs) > 1) and sys.stdout is not None:
            sys.stdout.write(text)
    if len(inputs) > 1 or failed:
        _err(f"đã phân tích {len(inputs)} tệp: {len(results)} đọc được, {failed} lỗi")
    if internal:
        return ExitStatus.INTERNAL
    return ExitStatus.UNREADABLE if failed else ExitStatus.OK


def _cmd_restore(args: argparse.Namespace) -> int:
    """Print (or write) the text with its diacritics restored."""
    from .readers import read_source
    from .restore import assess, restore_text

    try:
        text = _read_stdin() if args.file == "-" else read_source(args.file, _page_progress).text
    except InputError as exc:
        _err(f"lỗi: {exc}")
        return ExitStatus.UNREADABLE
    quality = assess(text)
    garbled = True if args.garbled else (None if not args.stripped else False)
    restored = restore_text(text, garbled=garbled)
    _err(f"chất lượng văn bản: {quality.verdict} (âm tiết có dấu {quality.marked:.0%}, từ lỗi nhận dạng {quality.garbled:.1%})")
    if args.out:
        write_atomic(Path(args.out), restored if restored.endswith("\n") else restored + "\n")
    elif sys.stdout is not None:
        sys.stdout.write(restored if restored.endswith("\n") else restored + "\n")
    return ExitStatus.OK


def _cmd_schema(args: argparse.Namespace) -> int:
    text = _dump(plan_schema()) + "\n"
    if args.out:
        write_atomic(Path(args.out), text)
    elif sys.stdout is not None:
        sys.stdout.write(text)
    return ExitStatus.OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="vbhc",
        description="Bộ công cụ văn bản hành chính: phân tích kế hoạch, tờ trình, quyết định… thành dữ liệu có cấu trúc.",
    )
    parser.add_argument("--version", action="version", version=f"vbhc {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="LỆNH")
    p = sub.add_parser("parse", help="phân tích văn bản (.txt, .md, .docx, .doc, .odt, .pdf, ảnh quét) thành dữ liệu JSON")
    p.add_argument("files", nargs="+", metavar="FILE", help="tệp hoặc thư mục; '-' đọc từ đầu vào chuẩn")
    p.add_argument("--format", choices=("json", "jsonl", "table"), default="json", help="định dạng đầu ra (mặc định json)")
    p.add_argument("--out", metavar="PATH", help="ghi ra tệp; nếu là thư mục (kết thúc bằng /) thì ghi mỗi văn bản một tệp .json")
    p.add_argument("--restore", action="store_true", help="khôi phục dấu tiếng Việt cho văn bản mất dấu hoặc OCR sai trước khi phân tích")
    p.add_argument("--debug", action="store_true", help=argparse.SUPPRESS)
    p.set_defaults(func=_cmd_parse)
    r = sub.add_parser("restore", help="khôi phục dấu tiếng Việt cho văn bản mất dấu hoặc OCR sai")
    r.add_argument("file", nargs="?", default="-", metavar="FILE", help="tệp (mọi định dạng đọc được) hoặc '-' cho đầu vào chuẩn")
    mode = r.add_mutually_exclusive_group()
    mode.add_argument("--garbled", action="store_true", help="coi là văn bản OCR không có dữ liệu tiếng Việt (mặc định: tự nhận biết)")
    mode.add_argument("--stripped", action="store_true", help="coi là văn bản chỉ mất dấu")
    r.add_argument("--out", metavar="PATH", help="ghi ra tệp")
    r.set_defaults(func=_cmd_restore)
    s = sub.add_parser("schema", help="in JSON Schema của mô hình dữ liệu")
    s.add_argument("--out", metavar="PATH", help="ghi ra tệp")
    s.set_defaults(func=_cmd_schema)
    from . import cli_check, cli_corpus, cli_generate

    cli_generate.add_commands(sub)
    cli_check.add_commands(sub)
    cli_corpus.add_commands(sub)
    return parser


def main(argv: Sequence[str] | None = None, stdout: TextIO | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return ExitStatus.USAGE
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        _err("đã dừng")
        return ExitStatus.INTERRUPTED
    except BrokenPipeError:
        return ExitStatus.OK
    except OSError as exc:
        _err(f"lỗi: không ghi được {exc.filename or ''}: {exc.strerror or exc}")
        return ExitStatus.UNREADABLE


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
