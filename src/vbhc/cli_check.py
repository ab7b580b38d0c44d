"""The checker's commands: ``vbhc check`` and ``vbhc rules``.

Thin front ends over :mod:`vbhc.check` and :mod:`vbhc.report`. Exit status (issue 7):
3 if any file could not be read, else 1 if a finding is at or above ``--min-severity``,
else 0; 2 for a usage error; 4 when a check failed inside vbhc (a bug, reported).
"""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from .fileio import write_atomic
from .progress import ProgressBar as _Progress

__all__ = ["add_commands"]

OK, FINDINGS, USAGE, UNREADABLE, INTERNAL = 0, 1, 2, 3, 4
_FIXABLE = {".docx", ".txt", ".md", ".markdown", ".text"}


def _err(message: str) -> None:
    print(f"vbhc: {message}", file=sys.stderr)


def _selector(select: str | None, ignore: str | None) -> Callable[[str], bool] | None:
    """Rule ids chosen by prefix: ``--select nd30.ngay,tdkt`` keeps those, ``--ignore`` drops."""
    keep = tuple(s.strip() for s in select.split(",") if s.strip()) if select else ()
    drop = tuple(s.strip() for s in ignore.split(",") if s.strip()) if ignore else ()
    if not keep and not drop:
        return None
    return lambda rid: (not keep or rid.startswith(keep)) and not (drop and rid.startswith(drop))


def _free_name(path: Path) -> Path:
    """``path`` if nothing is there, else ``stem-2``, ``stem-3`` …: never overwrite."""
    if not path.exists():
        return path
    for k in range(2, 10_000):
        candidate = path.with_name(f"{path.stem}-{k}{path.suffix}")
        if not candidate.exists():
            return candidate
    raise FileExistsError(17, "quá nhiều tệp trùng tên", str(path))


def _copy_path(source: str, tag: str, out_dir: str | None) -> Path:
    p = Path(source)
    folder = Path(out_dir) if out_dir else p.parent
    folder.mkdir(parents=True, exist_ok=True)
    return _free_name(folder / f"{p.stem}-{tag}{p.suffix}")


def _fix_and_annotate(report: Any, args: argparse.Namespace, shown: list[Any]) -> None:
    """Write the fixed copy and the annotated copy of one file, as asked; say where."""
    from .check.annotate import annotate_docx
    from .check.fix import apply_fixes

    path = Path(report.path)
    suffix = path.suffix.lower()
    if args.fix:
        fixable = [f for f in report.findings if f.fix is not None]
        if fixable and suffix in _FIXABLE:
            target = path if args.in_place else _copy_path(report.path, "da-sua", args.out_dir)
            result = apply_fixes(path, fixable, target, in_place=args.in_place)
            if result.applied:
                _err(f"{report.path}: đã sửa {len(result.applied)} chỗ → {target}")
            for finding, reason in result.skipped:
                _err(f"{report.path}: không sửa được {finding.rule_id} ({finding.location.where}): {reason}")
        elif fixable:
            _err(f"{report.path}: không tự sửa được loại tệp này ({suffix or 'không đuôi'}); chỉ sửa .docx, .txt, .md")
    if args.annotate:
        if suffix == ".docx" and shown:
            target = _copy_path(report.path, "nhan-xet", args.out_dir)
            count = annotate_docx(path, shown, target, lang=args.lang)
            _err(f"{report.path}: {count} nhận xét → {target}")
        elif suffix != ".docx" and shown:
            _err(f"{report.path}: chỉ ghi nhận xét vào tệp .docx; xem báo cáo cho tệp này")


def _cmd_check(args: argparse.Namespace) -> int:
    from .check import Severity, check_file, check_text
    from .cli import _expand_inputs, _read_stdin

    try:
        threshold = Severity.parse(args.min_severity)
    except ValueError as exc:
        _err(f"lỗi: {exc}")
        return USAGE
    if args.in_place and not args.fix:
        _err("lỗi: --in-place chỉ dùng cùng --fix")
        return USAGE
    if args.format == "xlsx" and not args.out:
        _err("lỗi: --format xlsx cần --out TỆP.xlsx")
        return USAGE
    inputs = _expand_inputs(args.paths)
    if not inputs:
        _err("lỗi: không có tệp nào để kiểm tra")
        return USAGE
    select = _selector(args.select, args.ignore)
    progress = _Progress(len(inputs), not args.quiet)
    reports = []
    for k, name in enumerate(inputs, 1):
        progress.step(k, name)
        if name == "-":
            report = check_text(_read_stdin(), "<stdin>", restore=args.restore, select=select)
        else:
            report = check_file(name, restore=args.restore, select=select)
        reports.append(report)
        if report.error is None and (args.fix or args.annotate) and name != "-":
            progress.close()
            _fix_and_annotate(report, args, report.at_least(threshold))
    progress.close()
    _write_report(reports, args, threshold)
    return _status(reports, threshold)


def _write_report(reports: Sequence[Any], args: argparse.Namespace, threshold: Any) -> None:
    from . import report as rep

    if args.format == "xlsx":
        rep.write_xlsx(reports, Path(args.out), lang=args.lang, min_severity=threshold)
        _err(f"đã ghi báo cáo: {args.out}")
        return
    if args.format == "json":
        text = rep.render_json(reports, lang=args.lang, min_severity=threshold)
    elif args.format == "sarif":
        text = rep.render_sarif(reports, lang=args.lang, min_severity=threshold)
    else:
        color = not args.out and sys.stdout is not None and sys.stdout.isatty()
        text = rep.render_text(reports, lang=args.lang, min_severity=threshold, color=color)
    if not text.endswith("\n"):
        text += "\n"
    if args.out:
        write_atomic(Path(args.out), text)
    elif sys.stdout is not None:
        sys.stdout.write(text)


def _status(reports: Sequence[Any], threshold: Any) -> int:
    for r in reports:
        for note in r.internal:
            _err(f"lỗi nội bộ khi kiểm tra {r.path}: {note} (xin báo lỗi kèm tệp này)")
    if any(r.error for r in reports):
        return UNREADABLE
    if any(r.internal for r in reports):
        return INTERNAL
    return FINDINGS if any(r.at_least(threshold) for r in reports) else OK


def _cmd_rules(args: argparse.Namespace) -> int:
    from .check.rules import categories, rules

    entries = [r.to_dict() for r in rules().values()]
    if args.format == "json":
        print(json.dumps(entries, ensure_ascii=False, indent=1))
        return OK
    labels = categories()
    for cat, label in labels.items():
        mine = [e for e in entries if e["category"] == cat]
        if not mine:
            continue
        print(f"# {label['en' if args.lang == 'en' else 'vi']}")
        for e in mine:
            message = e["message_en"] if args.lang == "en" else e["message"]
            fix = " [sửa được]" if e["fix"] else ""
            print(f"{e['id']} ({e['severity']}, {'.docx' if e['scope'] == 'docx' else 'mọi tệp'}){fix}")
            print(f"    {message}")
            print(f"    căn cứ: {e['clause']}")
    return OK


def add_commands(sub: Any) -> None:
    """Register ``check`` and ``rules`` on the ``vbhc`` subparsers."""
    c = sub.add_parser("check", help="kiểm tra thể thức (Nghị định 30/2020) và nội dung văn bản, theo lô")
    c.add_argument("paths", nargs="+", metavar="PATH", help="tệp hoặc thư mục (.docx kiểm tra cả thể thức; tệp khác kiểm tra nội dung); '-' đọc từ đầu vào chuẩn")
    c.add_argument("--format", choices=("text", "json", "sarif", "xlsx"), default="text", help="định dạng báo cáo (mặc định text)")
    c.add_argument("--out", metavar="FILE", help="ghi báo cáo ra tệp (bắt buộc với xlsx)")
    c.add_argument("--min-severity", choices=("info", "warning", "error"), default="info", help="chỉ báo từ mức này: info, warning, error (mặc định info)")
    c.add_argument("--lang", choices=("vi", "en"), default="vi", help="ngôn ngữ thông báo (mặc định vi)")
    c.add_argument("--fix", action="store_true", help="sửa những lỗi sửa an toàn được (lề, phông, số 0 ở ngày và số) vào bản sao <tên>-da-sua")
    c.add_argument("--in-place", action="store_true", help="cùng --fix: sửa thẳng vào tệp gốc")
    c.add_argument("--annotate", action="store_true", help="ghi bản sao .docx <tên>-nhan-xet có chú thích (comment) Word ở từng chỗ sai")
    c.add_argument("--out-dir", metavar="DIR", help="thư mục ghi các bản sao (mặc định cạnh tệp gốc)")
    c.add_argument("--select", metavar="IDS", help="chỉ dùng các quy tắc có mã bắt đầu bằng (cách nhau dấu phẩy), vd. nd30.ngay,tdkt")
    c.add_argument("--ignore", metavar="IDS", help="bỏ các quy tắc có mã bắt đầu bằng (cách nhau dấu phẩy)")
    c.add_argument("--restore", action="store_true", help="khôi phục dấu cho văn bản mất dấu trước khi kiểm tra")
    c.add_argument("-q", "--quiet", action="store_true", help="không hiện thanh tiến độ")
    c.set_defaults(func=_cmd_check)
    r = sub.add_parser("rules", help="liệt kê các quy tắc kiểm tra")
    r.add_argument("--format", choices=("text", "json"), default="text")
    r.add_argument("--lang", choices=("vi", "en"), default="vi")
    r.set_defaults(func=_cmd_rules)
