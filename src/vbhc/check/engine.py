"""Run the checks over files: one :class:`FileReport` per file, a batch never stopped by
one bad file.

A Word file is opened once: its lines go to the parser (content checks) and its layout to
:mod:`.docx_model` (format checks). Every other input the parser reads (text, Markdown,
PDF, scans, .doc/.odt) gets the content checks only.
"""
from __future__ import annotations

import os
import warnings
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError, VbhcWarning
from ..parse import parse_source
from ..readers import read_source
from ..readers.docx import docx_source, open_docx
from ..readers.sniff import sniff
from ..readers.source import Source
from .document import CheckedDocument, blocks_of
from .finding import Finding, Severity

__all__ = ["Check", "FileReport", "check_document", "check_file", "check_paths", "check_text"]

#: A check: a document in, findings out. It must not raise on a malformed document.
Check = Callable[[CheckedDocument], Iterable[Finding]]


@dataclass
class FileReport:
    """What the checker found in one file; ``error`` is set (and ``findings`` empty) when
    the file could not be read at all."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    kind: str | None = None
    internal: list[str] = field(default_factory=list)   # checks that failed: a bug in vbhc, reported, never raised

    def at_least(self, severity: Severity) -> list[Finding]:
        return [f for f in self.findings if f.severity >= severity]

    def to_dict(self, lang: str = "vi", min_severity: Severity = Severity.INFO) -> dict[str, Any]:
        out: dict[str, Any] = {"path": self.path, "findings": [f.to_dict(lang) for f in self.at_least(min_severity)]}
        if self.error:
            out["error"] = self.error
        return out


def _checks(docx: bool) -> list[Check]:
    from . import content_checks, format_checks

    return [*content_checks.CHECKS, *(format_checks.CHECKS if docx else ())]


def _sorted(findings: list[Finding], doc: CheckedDocument) -> list[Finding]:
    """In reading order: whole-document findings first, then by the block they point at,
    errors before warnings at the same place."""
    order: dict[str, int] = {}
    for k, block in enumerate(doc.blocks):
        order.setdefault(block.location.where, k)
        if block.location.paragraph is not None and block.location.table is not None:
            order.setdefault(block.location.where.rsplit(", đoạn", 1)[0], k)

    def key(f: Finding) -> tuple[int, int, int]:
        loc = f.location
        if loc.paragraph is None and loc.table is None and loc.line is None:
            return (-1, 0, -int(f.severity))
        return (order.get(loc.where, len(order)), loc.start or 0, -int(f.severity))

    return sorted(findings, key=key)


def check_document(doc: CheckedDocument, select: Callable[[str], bool] | None = None,
                   internal: list[str] | None = None) -> list[Finding]:
    """Every finding of every check on ``doc``, de-duplicated and in reading order.

    A check that raises is a bug in vbhc: the others still run, and the failure is noted
    in ``internal`` (when given) and as a :class:`~vbhc.errors.VbhcWarning`.
    """
    seen: set[tuple[str, str, int | None]] = set()
    out: list[Finding] = []
    for check in _checks(doc.docx is not None):
        try:
            found = list(check(doc))
        except Exception as exc:  # a bug in a check must not stop the batch
            note = f"{check.__module__}.{check.__name__}: {type(exc).__name__}: {exc}"
            if internal is not None:
                internal.append(note)
            warnings.warn(f"{doc.path}: phép kiểm lỗi nội bộ {note}", VbhcWarning, stacklevel=2)
            continue
        for f in found:
            if select is not None and not select(f.rule_id):
                continue
            key = (f.rule_id, f.location.where, f.location.start)
            if key not in seen:
                seen.add(key)
                out.append(f)
    return _sorted(out, doc)


def _open(path: Path) -> tuple[Source, Any]:
    """The file's lines and, for a Word file, its python-docx Document."""
    try:
        kind = sniff(path)
    except OSError as exc:
        raise InputError(str(path), f"không đọc được tệp ({exc.strerror or exc})") from None
    if kind == "docx" and path.stat().st_size > 0:
        document = open_docx(path)
        return docx_source(document, str(path)), document
    return read_source(path), None


def check_file(path: str | os.PathLike[str], *, restore: bool = False,
               select: Callable[[str], bool] | None = None) -> FileReport:
    """Check one file; a file that cannot be read gives a report with ``error`` set."""
    name = str(path)
    p = Path(path)
    try:
        if not p.is_file():
            raise InputError(name, "là một thư mục, không phải tệp" if p.is_dir() else "không tìm thấy tệp")
        source, document = _open(p)
        plan = parse_source(source, restore=restore)
    except InputError as exc:
        return FileReport(name, error=str(exc))
    model = None
    if document is not None:
        from .docx_model import read_model

        try:
            model = read_model(document)
        except Exception as exc:  # the layout model is lenient; if it still fails, content checks go on
            warnings.warn(f"{name}: không đọc được bố cục Word ({type(exc).__name__}: {exc})", VbhcWarning, stacklevel=2)
    doc = CheckedDocument(name, source.kind, blocks_of(source), plan, model)
    report = FileReport(name, kind=source.kind)
    report.findings = check_document(doc, select, report.internal)
    return report


def check_text(text: str, name: str = "<stdin>", *, restore: bool = False,
               select: Callable[[str], bool] | None = None) -> FileReport:
    """Check a document given as text (content rules only)."""
    source = Source(name, "text", raw=text)
    try:
        plan = parse_source(source, restore=restore)
    except InputError as exc:
        return FileReport(name, error=str(exc))
    doc = CheckedDocument(name, "text", blocks_of(source), plan)
    report = FileReport(name, kind="text")
    report.findings = check_document(doc, select, report.internal)
    return report


def check_paths(paths: Iterable[str | os.PathLike[str]], *, restore: bool = False,
                select: Callable[[str], bool] | None = None) -> Iterator[FileReport]:
    """Check files one after another (folders must be expanded by the caller)."""
    for path in paths:
        yield check_file(path, restore=restore, select=select)
