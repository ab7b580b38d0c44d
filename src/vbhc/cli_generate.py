"""The generator's commands: ``vbhc generate``, ``vbhc templates``, ``vbhc reissue``.

Thin front ends over :mod:`vbhc.generate`; messages in Vietnamese, one line each, naming
the file. Exit status as in :mod:`vbhc.cli`: 0 done, 2 usage (missing fields), 3 a file
that cannot be read or written, 4 internal error.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from .errors import InputError, MissingFieldError, TemplateError, ToolMissingError, VbhcError
from .fileio import write_atomic

__all__ = ["add_commands"]

USAGE, UNREADABLE = 2, 3


def _err(message: str) -> None:
    print(f"vbhc: {message}", file=sys.stderr)


def _default_out(data: str, kind: str) -> Path:
    stem = "du-lieu" if data == "-" else Path(data).stem
    return Path.cwd() / f"{stem}-{kind}.docx"


def _report(result: Any) -> None:
    for note in result.notes:
        _err(f"lưu ý: {note}")
    print(result.docx)
    if result.pdf is not None:
        print(result.pdf)


def _run_render(plan: Any, kind: str, out: Path, args: argparse.Namespace) -> int:
    from .generate.render import render

    try:
        result = render(plan, kind, out, template=Path(args.template) if args.template else None, pdf=args.pdf, force=args.force)
    except MissingFieldError as exc:
        _err(f"lỗi: {exc}")
        _err(f"gợi ý: 'vbhc templates' liệt kê các trường của từng mẫu; bổ sung {', '.join(exc.fields)} vào tệp dữ liệu")
        return USAGE
    except (TemplateError, ToolMissingError, FileExistsError, VbhcError) as exc:
        _err(f"lỗi: {exc}")
        return UNREADABLE
    _report(result)
    return 0


def _cmd_generate(args: argparse.Namespace) -> int:
    from .generate.inputs import load_data, plan_from_dict

    try:
        if args.data == "-":
            try:
                raw = json.loads(sys.stdin.read())
            except json.JSONDecodeError as exc:
                _err(f"lỗi: <stdin>: không phải JSON hợp lệ (dòng {exc.lineno}: {exc.msg})")
                return UNREADABLE
            plan = plan_from_dict(raw[0] if isinstance(raw, list) and raw else raw, "<stdin>", base=Path.cwd())
        else:
            plan = load_data(args.data)
    except InputError as exc:
        _err(f"lỗi: {exc}")
        return UNREADABLE
    out = Path(args.out) if args.out else _default_out(args.data, args.kind)
    return _run_render(plan, args.kind, out, args)


def _cmd_templates(args: argparse.Namespace) -> int:
    from .generate.context import kinds
    from .generate.render import template_path

    entries = [
        {"kind": name, "label": spec["label"], "template": str(template_path(name)),
         "required": spec["required"], "optional": spec["optional"]}
        for name, spec in kinds().items()
    ]
    if args.format == "json":
        print(json.dumps(entries, ensure_ascii=False, indent=1))
        return 0
    for e in entries:
        print(f"{e['kind']}: {e['label']}")
        print(f"  mẫu: {e['template']}")
        print(f"  bắt buộc: {', '.join(e['required'])}")
        print(f"  tùy chọn: {', '.join(e['optional'])}")
    return 0


def _cmd_reissue(args: argparse.Namespace) -> int:
    from .generate.inputs import load_data
    from .generate.reissue import reissue
    from .parse import parse_file

    source = args.plan
    try:
        plan = load_data(source) if source.lower().endswith((".json", ".yaml", ".yml")) else parse_file(source)
    except InputError as exc:
        _err(f"lỗi: {exc}")
        return UNREADABLE
    try:
        result = reissue(plan, args.year)
    except ValueError as exc:
        _err(f"lỗi: {source}: {exc}")
        return USAGE
    print(f"Những chỗ đã thay đổi so với {Path(source).name} ({len(result.changes)}):")
    for change in result.changes:
        old = "(trống)" if change.old in (None, "") else change.old
        new = "(để trống)" if change.new in (None, "") else change.new
        print(f"- {change.field}: {old} → {new} — {change.reason}")
    if args.json:
        write_atomic(Path(args.json), json.dumps(result.plan.to_dict(), ensure_ascii=False, indent=1) + "\n")
    out = Path(args.out) if args.out else Path.cwd() / f"{Path(source).stem}-{args.year}.docx"
    return _run_render(result.plan, "ke-hoach", out, args)


def _output_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--pdf", action="store_true", help="xuất thêm PDF bên cạnh tệp .docx (cần LibreOffice)")
    p.add_argument("--template", metavar="FILE.docx", help="dùng mẫu .docx riêng thay cho mẫu có sẵn")
    p.add_argument("--force", action="store_true", help="ghi đè tệp đã có")


def add_commands(sub: Any) -> None:
    """Register ``generate``, ``templates`` and ``reissue`` on the ``vbhc`` subparsers."""
    from .generate.context import kinds

    g = sub.add_parser("generate", help="soạn văn bản .docx (và PDF) theo mẫu Nghị định 30/2020 từ dữ liệu")
    g.add_argument("kind", choices=list(kinds()), metavar="KIND", help=f"loại mẫu: {', '.join(kinds())}")
    g.add_argument("--data", required=True, metavar="FILE", help="dữ liệu .json, .yaml hoặc danh sách .xlsx; '-' đọc JSON từ đầu vào chuẩn")
    g.add_argument("--out", metavar="FILE.docx", help="tệp kết quả (mặc định <tên dữ liệu>-<loại>.docx)")
    _output_options(g)
    g.set_defaults(func=_cmd_generate)
    t = sub.add_parser("templates", help="liệt kê các mẫu và trường dữ liệu của từng mẫu")
    t.add_argument("--format", choices=("text", "json"), default="text")
    t.set_defaults(func=_cmd_templates)
    r = sub.add_parser("reissue", help="soạn dự thảo kế hoạch năm mới từ kế hoạch năm trước")
    r.add_argument("plan", metavar="OLD_PLAN", help="kế hoạch cũ (mọi định dạng đọc được, hoặc .json)")
    r.add_argument("--year", type=int, required=True, help="năm của kế hoạch mới")
    r.add_argument("--out", metavar="FILE.docx", help="tệp dự thảo (mặc định <tên cũ>-<năm>.docx)")
    r.add_argument("--json", metavar="FILE.json", help="ghi thêm dữ liệu của kế hoạch mới ra JSON")
    _output_options(r)
    r.set_defaults(func=_cmd_reissue)
