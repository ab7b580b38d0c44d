"""The SARIF 2.1.0 report, for code-scanning viewers and CI.

One run; ``tool.driver`` is vbhc with the rules that were found (id, short description,
default level, clause and category as properties). A result points at its file (the path
as given, forward slashes, percent-encoded as a URI reference) and:

* in a text file, at ``region.startLine`` with ``startColumn``/``endColumn`` (1-based,
  end exclusive) from the span;
* in a Word file or on a page of a PDF, at a ``logicalLocation`` naming the paragraph,
  the table cell or the page line (Word has no line numbers), with ``region.snippet``
  holding the excerpt when there is one.

A safe fix is described in ``properties.fix``, not as a SARIF ``fix`` (which would need
byte offsets). An unreadable file is a ``toolExecutionNotification`` of the invocation.
"""
from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from ..check.finding import Finding, Location, Severity
from .text import category_label, where

if TYPE_CHECKING:
    from ..check.engine import FileReport

__all__ = ["SARIF_SCHEMA", "SARIF_VERSION", "artifact_uri", "render_sarif"]

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def artifact_uri(path: str) -> str:
    """The path as a URI reference: forward slashes, relative stays relative, non-ASCII
    and spaces percent-encoded; a Windows drive path becomes a ``file:///`` URI."""
    p = path.replace("\\", "/")
    if re.match(r"^[A-Za-z]:/", p):
        return "file:///" + p[:2] + quote(p[2:], safe="/")
    return quote(p, safe="/")


def _rule_descriptor(rule_id: str, example: Finding, lang: str) -> dict[str, Any]:
    from ..check.rules import rules

    r = rules().get(rule_id)
    if r is not None:
        template = r.message_en if lang == "en" else r.message
        short = " ".join(_PLACEHOLDER.sub("…", template).split())
        clause, category, level = r.clause, r.category, _LEVEL[r.severity]
    else:
        short = example.message_en if lang == "en" else example.message
        clause, category, level = example.clause, example.category, _LEVEL[example.severity]
    return {
        "id": rule_id,
        "shortDescription": {"text": short},
        "fullDescription": {"text": clause or short},
        "defaultConfiguration": {"level": level},
        "properties": {
            "clause": clause,
            "category": category,
            "categoryLabel": category_label(category, lang),
            "tags": [category],
        },
    }


def _logical_name(loc: Location) -> str:
    """A machine-readable path of the Word object: ``table[1]/row[2]/cell[1]/paragraph[1]``."""
    parts: list[str] = []
    for name in ("table", "row", "cell", "paragraph", "page", "line"):
        value = getattr(loc, name)
        if value is not None:
            parts.append(f"{name}[{value}]")
    return "/".join(parts)


def _location(path: str, kind: str | None, loc: Location, lang: str) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(path)}}
    region: dict[str, Any] = {}
    word_like = loc.paragraph is not None or loc.table is not None or loc.page is not None or kind == "docx"
    if loc.line is not None and not word_like:
        region["startLine"] = loc.line
        if loc.start is not None:
            region["startColumn"] = loc.start + 1
            region["endColumn"] = max(loc.start, loc.end if loc.end is not None else loc.start + 1) + 1
    if loc.text:
        region["snippet"] = {"text": loc.text}
    if region:
        physical["region"] = region
    out: dict[str, Any] = {"physicalLocation": physical}
    name = _logical_name(loc)
    if word_like and name:
        out["logicalLocations"] = [{"name": where(loc, lang), "fullyQualifiedName": name, "kind": "element"}]
    return out


def render_sarif(reports: Sequence[FileReport], *, lang: str = "vi", min_severity: Severity = Severity.INFO) -> str:
    """The report as SARIF 2.1.0 JSON text (one run), messages in ``lang``."""
    from .. import __version__

    rule_index: dict[str, int] = {}
    descriptors: list[dict[str, Any]] = []
    results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    for report in reports:
        if report.error:
            notifications.append({
                "level": "error",
                "message": {"text": report.error},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(report.path)}}}],
            })
            continue
        for f in report.at_least(min_severity):
            if f.rule_id not in rule_index:
                rule_index[f.rule_id] = len(descriptors)
                descriptors.append(_rule_descriptor(f.rule_id, f, lang))
            properties: dict[str, Any] = {"category": f.category, "clause": f.clause, "severity": f.severity.label}
            if f.fix is not None:
                properties["fix"] = f.fix.to_dict()
            location = f.location.to_dict()
            if location:
                properties["location"] = location
            results.append({
                "ruleId": f.rule_id,
                "ruleIndex": rule_index[f.rule_id],
                "level": _LEVEL[f.severity],
                "message": {"text": f.message_en if lang == "en" else f.message},
                "locations": [_location(report.path, report.kind, f.location, lang)],
                "properties": properties,
            })
    run: dict[str, Any] = {
        "tool": {"driver": {
            "name": "vbhc",
            "version": __version__,
            "semanticVersion": __version__,
            "rules": descriptors,
        }},
        "language": "en" if lang == "en" else "vi",
        "columnKind": "unicodeCodePoints",
        "invocations": [{"executionSuccessful": not notifications, "toolExecutionNotifications": notifications}],
        "results": results,
    }
    doc = {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
