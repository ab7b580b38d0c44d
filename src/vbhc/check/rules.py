"""The checker's rules, as data: ``data/rules.toml`` (categories) and ``data/rules_*.toml``.

Each ``[[rule]]`` has a stable dotted ``id``, a ``severity`` (info, warning, error), a
``category``, the ``clause`` it comes from, a Vietnamese ``message`` and an English
``message_en`` (``{placeholders}`` filled by the check), optionally ``fix`` (what the
safe repair does, same placeholders) and ``params`` (the rule's own thresholds). Code
holds the kinds of checks; these files hold the wording and the values. A malformed rule
raises :class:`~vbhc.errors.RuleConfigError`: it is a bug in vbhc, not in a document.
"""
from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from ..errors import RuleConfigError
from .finding import Finding, Fix, Location, Severity

__all__ = ["Rule", "categories", "finding", "rule", "rules"]

_ID = re.compile(r"^[a-z0-9]+(?:\.[a-z0-9-]+)+$")
_SCOPES = ("any", "docx")


@dataclass(frozen=True)
class Rule:
    """One rule. ``scope`` is "docx" for format rules (Word files only), "any" otherwise."""

    id: str
    severity: Severity
    category: str
    clause: str
    message: str
    message_en: str
    fix: str | None = None
    scope: str = "any"
    params: Mapping[str, Any] = field(default_factory=dict, hash=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "severity": self.severity.label, "category": self.category, "clause": self.clause,
            "message": self.message, "message_en": self.message_en, "fix": self.fix, "scope": self.scope,
        }


def _load(name: str) -> dict[str, Any]:
    with resources.files("vbhc.data").joinpath(name).open("rb") as fh:
        return tomllib.load(fh)


@cache
def categories() -> dict[str, dict[str, str]]:
    """Category key → {"vi": label, "en": label}, in report order."""
    return dict(_load("rules.toml")["categories"])


def _rule(entry: dict[str, Any], source: str) -> Rule:
    rid = str(entry.get("id", "?"))
    if not _ID.match(rid):
        raise RuleConfigError(rid, f"{source}: id phải có dạng chấm, chữ thường (vd. nd30.le-trang.tren)")
    missing = [k for k in ("severity", "category", "clause", "message", "message_en") if not entry.get(k)]
    if missing:
        raise RuleConfigError(rid, f"{source}: thiếu {', '.join(missing)}")
    try:
        severity = Severity.parse(entry["severity"])
    except ValueError as exc:
        raise RuleConfigError(rid, f"{source}: {exc}") from None
    if entry["category"] not in categories():
        raise RuleConfigError(rid, f"{source}: nhóm {entry['category']!r} không có trong rules.toml")
    scope = entry.get("scope", "any")
    if scope not in _SCOPES:
        raise RuleConfigError(rid, f"{source}: scope phải là any hoặc docx")
    unknown = set(entry) - {"id", "severity", "category", "clause", "message", "message_en", "fix", "scope", "params"}
    if unknown:
        raise RuleConfigError(rid, f"{source}: khoá lạ {', '.join(sorted(unknown))}")
    return Rule(rid, severity, entry["category"], entry["clause"], entry["message"], entry["message_en"],
                entry.get("fix"), scope, dict(entry.get("params", {})))


@cache
def rules() -> dict[str, Rule]:
    """Every rule, by id, from each ``data/rules_*.toml`` in name order."""
    out: dict[str, Rule] = {}
    files = sorted(f.name for f in resources.files("vbhc.data").iterdir() if f.name.startswith("rules_") and f.name.endswith(".toml"))
    for name in files:
        for entry in _load(name).get("rule", []):
            r = _rule(entry, name)
            if r.id in out:
                raise RuleConfigError(r.id, f"{name}: id trùng")
            out[r.id] = r
    return out


def rule(rule_id: str) -> Rule:
    """The rule with this id; RuleConfigError if there is none."""
    try:
        return rules()[rule_id]
    except KeyError:
        raise RuleConfigError(rule_id, "không có quy tắc này trong data/rules_*.toml") from None


def _fill(template: str, values: Mapping[str, Any], rid: str) -> str:
    try:
        return template.format_map(values)
    except (KeyError, IndexError, ValueError) as exc:
        raise RuleConfigError(rid, f"thông điệp cần giá trị {exc} mà phép kiểm không đưa") from None


def finding(
    rule_id: str,
    location: Location | None = None,
    *,
    fix: tuple[str, dict[str, Any]] | None = None,
    **values: Any,
) -> Finding:
    """A finding of ``rule_id`` at ``location``, its messages filled from ``values``.

    ``fix`` is ``(kind, params)`` for a safe repair; its description is the rule's ``fix``
    template filled from ``values`` and ``params``.
    """
    r = rule(rule_id)
    fix_obj = None
    if fix is not None:
        if not r.fix:
            raise RuleConfigError(rule_id, "phép kiểm đưa cách sửa mà quy tắc không có mục fix")
        kind, params = fix
        fix_obj = Fix(kind, _fill(r.fix, {**values, **params}, rule_id), dict(params))
    return Finding(
        r.id, r.severity, r.category, _fill(r.message, values, rule_id), _fill(r.message_en, values, rule_id),
        r.clause, location or Location(), fix_obj,
    )
