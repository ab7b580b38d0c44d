"""Check documents against Nghị định 30/2020/NĐ-CP and for content errors.

>>> from vbhc.check import check_file            # doctest: +SKIP
>>> report = check_file("ke-hoach.docx")          # doctest: +SKIP
>>> [f.rule_id for f in report.findings]          # doctest: +SKIP

Rules are data (``data/rules_*.toml``); checks live in :mod:`.format_checks` (Word
layout) and :mod:`.content_checks` (any input); :mod:`.engine` runs them over files.
"""
from __future__ import annotations

from .engine import FileReport, check_file, check_paths, check_text
from .finding import Finding, Fix, Location, Severity
from .rules import Rule
from .rules import rules as all_rules

__all__ = [
    "FileReport",
    "Finding",
    "Fix",
    "Location",
    "Rule",
    "Severity",
    "all_rules",
    "check_file",
    "check_paths",
    "check_text",
]
