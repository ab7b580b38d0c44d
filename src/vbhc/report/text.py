"""The text report: findings grouped by file, in Vietnamese (English with ``lang="en"``).

::

    ke-hoach.docx: 2 lỗi, 1 cảnh báo
      [lỗi] đoạn 3, ký tự 7–14 «tháng 05»: Tháng … — NĐ 30/2020, Phụ lục I, mục II.4 [nd30.ngay.so-0; sửa được]
    Đã kiểm tra 1 tệp: 2 lỗi, 1 cảnh báo, 0 thông tin

A renderer prints findings; it never decides anything.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..check.finding import Location, Severity

if TYPE_CHECKING:
    from ..check.engine import FileReport

__all__ = ["category_label", "count_label", "place", "render_text", "severity_label", "where"]

_EN_SEVERITY = {Severity.INFO: "info", Severity.WARNING: "warning", Severity.ERROR: "error"}
_EN_PLURAL = {Severity.INFO: "info", Severity.WARNING: "warnings", Severity.ERROR: "errors"}
_COLOR = {Severity.ERROR: "\x1b[31m", Severity.WARNING: "\x1b[33m", Severity.INFO: "\x1b[36m"}
_BOLD, _DIM, _RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"
_WHOLE_VI = "toàn văn bản"


def severity_label(severity: Severity, lang: str = "vi") -> str:
    """"lỗi", "cảnh báo", "thông tin" (English "error", "warning", "info")."""
    return _EN_SEVERITY[severity] if lang == "en" else severity.label_vi


def count_label(n: int, severity: Severity, lang: str = "vi") -> str:
    """"2 lỗi", "1 cảnh báo" (English "2 errors", "1 warning")."""
    if lang == "en":
        return f"{n} {_EN_SEVERITY[severity] if n == 1 else _EN_PLURAL[severity]}"
    return f"{n} {severity.label_vi}"


def category_label(category: str, lang: str = "vi") -> str:
    """The category's label from data/rules.toml; the key itself when it has none."""
    from ..check.rules import categories

    labels = categories().get(category)
    if not labels:
        return category
    return labels.get("en" if lang == "en" else "vi", category)


def where(location: Location, lang: str = "vi") -> str:
    """Where a finding is, in words: ``location.where`` (Vietnamese as the check wrote it),
    or the same place said in English from its numbers."""
    if lang != "en":
        return location.where
    loc = location
    parts: list[str] = []
    if loc.table is not None:
        parts.append(f"table {loc.table}")
        if loc.row is not None:
            parts.append(f"row {loc.row}")
        if loc.cell is not None:
            parts.append(f"cell {loc.cell}")
        if loc.paragraph is not None:
            parts.append(f"paragraph {loc.paragraph}")
    elif loc.paragraph is not None:
        parts.append(f"paragraph {loc.paragraph}")
    elif loc.line is not None:
        if loc.page is not None:
            parts.append(f"page {loc.page}")
        parts.append(f"line {loc.line}")
    if parts:
        return ", ".join(parts)
    return "whole document" if loc.where == _WHOLE_VI else loc.where


def span_label(location: Location, lang: str = "vi") -> str:
    """"ký tự 7–14" (1-based, inclusive, as a clerk counts), or "" without a span."""
    if location.start is None:
        return ""
    first = location.start + 1
    last = max(first, location.end if location.end is not None else first)
    word = "characters" if lang == "en" else "ký tự"
    return f"{word} {first}–{last}" if last != first else f"{word[:-1] if lang == 'en' else word} {first}"


def place(location: Location, lang: str = "vi") -> str:
    """Where, the span and the excerpt: ``đoạn 3, ký tự 7–14 «tháng 05»``."""
    out = where(location, lang)
    span = span_label(location, lang)
    if span:
        out += f", {span}"
    if location.text:
        out += f" «{' '.join(location.text.split())}»"
    return out


def _paint(text: str, code: str, color: bool) -> str:
    return f"{code}{text}{_RESET}" if color else text


def _file_counts(shown: Sequence[Severity], lang: str) -> str:
    counts = [count_label(shown.count(sev), sev, lang) for sev in sorted(Severity, reverse=True) if shown.count(sev)]
    if counts:
        return ", ".join(counts)
    return "no findings" if lang == "en" else "không có phát hiện nào"


def render_text(
    reports: Sequence[FileReport],
    *,
    lang: str = "vi",
    min_severity: Severity = Severity.INFO,
    color: bool = False,
) -> str:
    """The report as text: per file a heading (path and counts) and one line per finding
    at or above ``min_severity`` (where, severity, message, clause, rule id, "sửa được"
    when a safe fix exists); an unreadable file shows its error; a summary line ends it.
    ``color`` adds ANSI colours (for a terminal)."""
    en = lang == "en"
    lines: list[str] = []
    totals = dict.fromkeys(Severity, 0)
    unreadable = 0
    for report in reports:
        if report.error:
            unreadable += 1
            label = "could not be read" if en else "không đọc được"
            error = report.error.removeprefix(f"{report.path}: ")
            lines.append(f"{_paint(report.path, _BOLD, color)}: {_paint(label, _COLOR[Severity.ERROR], color)} — {error}")
            lines.append("")
            continue
        shown = report.at_least(min_severity)
        severities = [f.severity for f in shown]
        for sev in severities:
            totals[sev] += 1
        lines.append(f"{_paint(report.path, _BOLD, color)}: {_file_counts(severities, lang)}")
        for f in shown:
            tag = _paint(f"[{severity_label(f.severity, lang)}]", _COLOR[f.severity], color)
            message = f.message_en if en else f.message
            notes = [f.rule_id]
            if f.fix is not None:
                notes.append("fixable" if en else "sửa được")
            clause = f" — {f.clause}" if f.clause else ""
            lines.append(f"  {tag} {place(f.location, lang)}: {message}{clause} {_paint('[' + '; '.join(notes) + ']', _DIM, color)}")
        lines.append("")
    shown_sevs = [sev for sev in sorted(Severity, reverse=True) if sev >= min_severity]
    counts = ", ".join(count_label(totals[sev], sev, lang) for sev in shown_sevs)
    n = len(reports)
    if en:
        summary = f"Checked {n} file{'s' if n != 1 else ''}: {counts}"
        if unreadable:
            summary += f"; {unreadable} file{'s' if unreadable != 1 else ''} could not be read"
    else:
        summary = f"Đã kiểm tra {n} tệp: {counts}"
        if unreadable:
            summary += f"; {unreadable} tệp không đọc được"
    lines.append(summary)
    return "\n".join(lines) + "\n"
