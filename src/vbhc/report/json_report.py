"""The JSON report, schema version 1 (``check_schema.json`` describes it)::

    {"schema_version": 1,
     "files": [{"path": "...", "findings": [{"rule_id", "severity", "category", "message",
                                              "clause", "location", "fix"}]}],
     "summary": {"files": 1, "unreadable": 0, "error": 2, "warning": 1, "info": 0}}

An unreadable file has ``"error"`` and no findings. ``location`` names the paragraph, the
table cell or the line and the character span (0-based, end exclusive); ``fix`` is null or
``{"kind", "description", "params"}``. Adding a key is a new schema version.
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from ..check.finding import Severity

if TYPE_CHECKING:
    from ..check.engine import FileReport

__all__ = ["SCHEMA_VERSION", "check_schema", "render_json", "report_dict", "summary"]

#: The version of the JSON report's shape; bumped when a key changes or is added.
SCHEMA_VERSION = 1


@cache
def _schema_text() -> str:
    return resources.files("vbhc.report").joinpath("check_schema.json").read_text(encoding="utf-8")


def check_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of :func:`render_json`'s output."""
    return json.loads(_schema_text())


def summary(reports: Sequence[FileReport], min_severity: Severity = Severity.INFO) -> dict[str, int]:
    """Counts of what is shown: files, unreadable files, findings by severity (at or above
    ``min_severity``; the others count 0)."""
    out = {"files": len(reports), "unreadable": sum(1 for r in reports if r.error)}
    for sev in sorted(Severity, reverse=True):
        out[sev.label] = 0
    for r in reports:
        for f in r.at_least(min_severity):
            out[f.severity.label] += 1
    return out


def report_dict(reports: Sequence[FileReport], *, lang: str = "vi", min_severity: Severity = Severity.INFO) -> dict[str, Any]:
    """The report as a JSON-ready dict (see the module docstring)."""
    return {
        "schema_version": SCHEMA_VERSION,
        "files": [r.to_dict(lang, min_severity) for r in reports],
        "summary": summary(reports, min_severity),
    }


def render_json(reports: Sequence[FileReport], *, lang: str = "vi", min_severity: Severity = Severity.INFO) -> str:
    """The report as JSON text (UTF-8, not escaped, indented), messages in ``lang``."""
    return json.dumps(report_dict(reports, lang=lang, min_severity=min_severity), ensure_ascii=False, indent=2) + "\n"
