"""Render a kind's docxtpl template with a plan's data, safely, to .docx (and PDF).

Templates run in a Jinja2 :class:`~jinja2.sandbox.SandboxedEnvironment` with no loader, so
a template a user supplies can neither call into Python nor read files. A variable the
template uses and the context lacks is an error that names the template, the variable and
the paragraph where it is used. Output is written to a temporary file and renamed; an
existing file is only replaced when asked.
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
from docx import Document
from docxtpl import DocxTemplate
from jinja2.sandbox import SandboxedEnvironment

from ..errors import MissingFieldError, TemplateError
from ..fileio import write_atomic
from ..model import Plan
from .context import build_context, kind_spec
from .rules import fit_rules

__all__ = ["Rendered", "missing_fields", "render", "render_docx_bytes", "template_path", "templates_dir"]


@dataclass
class Rendered:
    """What :func:`render` wrote, and notes for the clerk (in Vietnamese)."""

    docx: Path
    pdf: Path | None = None
    notes: list[str] = field(default_factory=list)


def templates_dir() -> Path:
    """The folder of the shipped templates: ``vbhc/templates`` in a wheel, ``templates/`` in a checkout."""
    packaged = resources.files("vbhc").joinpath("templates")
    if packaged.is_dir() and packaged.joinpath("ke-hoach.docx").is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[3] / "templates"


def template_path(kind: str) -> Path:
    """The shipped template of ``kind``."""
    return templates_dir() / kind_spec(kind)["template"]


def _value(plan: Plan, dotted: str) -> Any:
    value: Any = plan
    for key in dotted.split("."):
        value = getattr(value, key, None)
        if value is None:
            return None
    return value


def missing_fields(plan: Plan, kind: str) -> list[str]:
    """The required fields of ``kind`` the plan leaves empty (dotted names)."""
    return [name for name in kind_spec(kind)["required"] if _value(plan, name) in (None, "", [], {})]


# ------------------------------------------------------------------ locating a variable


def _paragraph_texts(path: Path) -> list[tuple[str, str]]:
    """(where, text) of every paragraph of a .docx: body, table cells, headers and footers."""
    document = Document(str(path))
    out: list[tuple[str, str]] = []

    def walk(paragraphs: Any, tables: Any, where: str) -> None:
        for k, p in enumerate(paragraphs, 1):
            out.append((f"{where} đoạn {k}", p.text))
        for t, table in enumerate(tables, 1):
            for r, row in enumerate(table.rows, 1):
                for c, cell in enumerate(row.cells, 1):
                    walk(cell.paragraphs, cell.tables, f"bảng {t}, hàng {r}, ô {c},")

    walk(document.paragraphs, document.tables, "thân văn bản,")
    for section in document.sections:
        walk(section.header.paragraphs, section.header.tables, "đầu trang,")
        walk(section.footer.paragraphs, section.footer.tables, "chân trang,")
    return out


def _where_used(path: Path, name: str) -> str:
    attr = name.rsplit(".", 1)[-1]
    pattern = re.compile(r"(\{\{|\{%)[^}]*\b" + re.escape(attr) + r"\b")
    for where, text in _paragraph_texts(path):
        if pattern.search(text):
            return f"{where.rstrip(',')}: “{text.strip()[:80]}”"
    return "không tìm thấy vị trí"


def _undefined_name(error: Exception) -> str:
    message = str(error)
    m = re.search(r"has no attribute '([^']+)'", message) or re.search(r"'([^']+)' is undefined", message)
    return m.group(1) if m else message


# ------------------------------------------------------------------ rendering


@cache
def _environment() -> SandboxedEnvironment:
    """One sandbox for every render: no loader (no include/import), undefined is an error."""
    return SandboxedEnvironment(undefined=jinja2.StrictUndefined, autoescape=True, loader=None)


def render_docx_bytes(plan: Plan, kind: str, template: Path | None = None) -> tuple[bytes, list[str]]:
    """The rendered .docx of ``kind`` as bytes, and the notes for the clerk."""
    missing = missing_fields(plan, kind)
    if missing:
        raise MissingFieldError(plan.source or "<dữ liệu>", kind, missing)
    path = Path(template) if template else template_path(kind)
    if not path.is_file():
        raise TemplateError(str(path), None, "không tìm thấy tệp mẫu")
    context = build_context(plan, kind)
    try:
        doc = DocxTemplate(str(path))
        doc.render(context.values, jinja_env=_environment(), autoescape=True)
    except jinja2.exceptions.SecurityError as error:
        raise TemplateError(str(path), None, f"mẫu dùng thao tác không được phép: {error}") from None
    except jinja2.exceptions.UndefinedError as error:
        name = _undefined_name(error)
        raise TemplateError(str(path), name, f"biến '{name}' không có trong dữ liệu ({_where_used(path, name)})") from None
    except jinja2.exceptions.TemplateSyntaxError as error:
        raise TemplateError(str(path), None, f"lỗi cú pháp mẫu: {error.message}") from None
    except (TypeError, jinja2.exceptions.TemplateError) as error:
        raise TemplateError(str(path), None, f"mẫu dùng thao tác không được phép hoặc không hợp lệ ({error})") from None
    except (KeyError, ValueError, OSError) as error:
        raise TemplateError(str(path), None, f"không đọc được tệp mẫu .docx ({error})") from None
    buffer = io.BytesIO()
    fit_rules(doc.docx)
    doc.save(buffer)
    return buffer.getvalue(), context.notes


def _check_free(path: Path, force: bool) -> None:
    if path.exists() and not force:
        raise FileExistsError(f"{path}: tệp đã có; chọn tên khác hoặc thêm --force để ghi đè")


def render(plan: Plan, kind: str, out: Path, *, template: Path | None = None, pdf: bool = False, force: bool = False) -> Rendered:
    """Render ``plan`` as ``kind`` to ``out`` (.docx), and to PDF beside it when ``pdf``."""
    out = Path(out)
    _check_free(out, force)
    pdf_path = out.with_suffix(".pdf") if pdf else None
    if pdf_path is not None:
        _check_free(pdf_path, force)
    data, notes = render_docx_bytes(plan, kind, template)
    write_atomic(out, data, make_parents=True)
    result = Rendered(out, None, notes)
    if pdf_path is not None:
        from .pdf import docx_to_pdf

        result.pdf = docx_to_pdf(out, pdf_path)
    return result
