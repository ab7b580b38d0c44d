"""The Excel report: one row per finding, and a summary sheet.

Sheet "Phát hiện" (English "Findings"): Tệp, Vị trí, Mức độ, Nhóm, Quy tắc, Nội dung,
Căn cứ, Đoạn trích, Cách sửa; a bold frozen header with an autofilter. Sheet "Tổng hợp"
("Summary"): per file the counts by severity (an unreadable file with its error), then
per rule how many times it was found. Every cell is text (a finding that begins with "="
is never a formula). The workbook is written through a temporary file and a rename.
"""
from __future__ import annotations

import dataclasses
import io
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..check.finding import Finding, Severity
from ..fileio import write_atomic
from .text import category_label, place, severity_label

if TYPE_CHECKING:
    from ..check.engine import FileReport

__all__ = ["write_xlsx"]

_HEADERS = {
    "vi": ["Tệp", "Vị trí", "Mức độ", "Nhóm", "Quy tắc", "Nội dung", "Căn cứ", "Đoạn trích", "Cách sửa"],
    "en": ["File", "Location", "Severity", "Category", "Rule", "Message", "Clause", "Excerpt", "Fix"],
}
_WIDTHS = [28, 30, 11, 22, 28, 60, 34, 36, 40]
_SHEETS = {"vi": ("Phát hiện", "Tổng hợp"), "en": ("Findings", "Summary")}
_SUMMARY_HEADERS = {
    "vi": ["Tệp", "Lỗi", "Cảnh báo", "Thông tin", "Tổng", "Ghi chú"],
    "en": ["File", "Errors", "Warnings", "Info", "Total", "Note"],
}
_RULE_HEADERS = {
    "vi": ["Quy tắc", "Nhóm", "Mức độ", "Số lần", "Căn cứ"],
    "en": ["Rule", "Category", "Severity", "Count", "Clause"],
}
_FILLS = {Severity.ERROR: "F8D7DA", Severity.WARNING: "FFF3CD", Severity.INFO: "D9EDF7"}
_MAX_CELL = 32_000  # Excel holds at most 32 767 characters in a cell


def _text(value: Any) -> Any:
    """A cell value: numbers as they are, text without the control characters Excel
    refuses and cut to what a cell holds."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if value is None or isinstance(value, int | float):
        return value
    text = ILLEGAL_CHARACTERS_RE.sub(" ", str(value))
    return text if len(text) <= _MAX_CELL else text[: _MAX_CELL - 1] + "…"


def _row(ws: Any, values: Sequence[Any]) -> int:
    """Append a row; every string stays a string (never a formula)."""
    ws.append([_text(v) for v in values])
    r = ws.max_row
    for cell in ws[r]:
        if isinstance(cell.value, str):
            cell.data_type = "s"
    return r


def _header(ws: Any, values: Sequence[str], row: int | None = None) -> int:
    from openpyxl.styles import Font, PatternFill

    r = _row(ws, values) if row is None else row
    for cell in ws[r]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDDDDD")
    return r


def _finding_row(path: str, f: Finding, lang: str) -> list[Any]:
    en = lang == "en"
    loc = f.location
    location = place(dataclasses.replace(loc, text=None), lang)
    return [
        path, location, severity_label(f.severity, lang), category_label(f.category, lang), f.rule_id,
        f.message_en if en else f.message, f.clause, loc.text or "", f.fix.description if f.fix else "",
    ]


def write_xlsx(
    reports: Sequence[FileReport],
    path: Path,
    *,
    lang: str = "vi",
    min_severity: Severity = Severity.INFO,
) -> None:
    """Write the report as an .xlsx workbook at ``path`` (its folder must exist)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, PatternFill
    from openpyxl.utils import get_column_letter

    lang = "en" if lang == "en" else "vi"
    book = Workbook()
    findings_ws = book.active
    findings_ws.title, summary_title = _SHEETS[lang]
    _header(findings_ws, _HEADERS[lang])
    wrap = Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")
    shown: list[tuple[FileReport, list[Finding]]] = []
    for report in reports:
        found = [] if report.error else report.at_least(min_severity)
        shown.append((report, found))
        for f in found:
            r = _row(findings_ws, _finding_row(report.path, f, lang))
            for k, cell in enumerate(findings_ws[r]):
                cell.alignment = wrap if k in (1, 5, 6, 7, 8) else top
            findings_ws.cell(r, 3).fill = PatternFill("solid", fgColor=_FILLS[f.severity])
    for k, width in enumerate(_WIDTHS, 1):
        findings_ws.column_dimensions[get_column_letter(k)].width = width
    findings_ws.freeze_panes = "A2"
    findings_ws.auto_filter.ref = f"A1:{get_column_letter(len(_WIDTHS))}{max(findings_ws.max_row, 1)}"

    ws = book.create_sheet(summary_title)
    _header(ws, _SUMMARY_HEADERS[lang])
    totals = Counter[Severity]()
    unreadable_note = "could not be read: " if lang == "en" else "không đọc được: "
    for report, found in shown:
        counts = Counter(f.severity for f in found)
        totals.update(counts)
        if report.error:
            _row(ws, [report.path, None, None, None, None, unreadable_note + report.error])
        else:
            _row(ws, [report.path, counts[Severity.ERROR], counts[Severity.WARNING], counts[Severity.INFO], len(found), ""])
    total_label = "Total" if lang == "en" else "Tổng cộng"
    r = _row(ws, [total_label, totals[Severity.ERROR], totals[Severity.WARNING], totals[Severity.INFO], sum(totals.values()),
                  f"{sum(1 for rep, _ in shown if rep.error)} " + ("unreadable" if lang == "en" else "tệp không đọc được")])
    _header(ws, [], row=r)
    _row(ws, [])
    _header(ws, _RULE_HEADERS[lang])
    per_rule: Counter[str] = Counter()
    example: dict[str, Finding] = {}
    for _, found in shown:
        for f in found:
            per_rule[f.rule_id] += 1
            example.setdefault(f.rule_id, f)
    for rule_id, n in sorted(per_rule.items(), key=lambda kv: (-int(example[kv[0]].severity), -kv[1], kv[0])):
        f = example[rule_id]
        _row(ws, [rule_id, category_label(f.category, lang), severity_label(f.severity, lang), n, f.clause])
    for k, width in enumerate([36, 22, 12, 12, 36, 50], 1):
        ws.column_dimensions[get_column_letter(k)].width = width
    ws.freeze_panes = "A2"

    buffer = io.BytesIO()
    book.save(buffer)
    write_atomic(Path(path), buffer.getvalue())
