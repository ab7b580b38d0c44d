"""JSON Schema of the plan model, derived from the dataclasses in :mod:`vbhc.model`.

Derived, never written by hand, so it cannot drift from the model; the test suite
validates real parser output against it.
"""
from __future__ import annotations

import dataclasses
import types
import typing
from typing import Any

from . import model

__all__ = ["plan_schema"]

_SCALARS = {str: "string", int: "integer", float: "number", bool: "boolean", type(None): "null"}
_DESCRIPTIONS = {
    "doc_type": "Code of the document type: its name without diacritics, upper case, words joined by '_' (KE_HOACH, QUYET_DINH, CONG_VAN …).",
    "doc_type_label": "The type heading as printed (KẾ HOẠCH).",
    "number": "Số and ký hiệu without spaces (263/KH-UBND); '/KH-UBND' when the number is left blank.",
    "number_seq": "The sequence number (263), or null when blank.",
    "symbol": "The ký hiệu (KH-UBND).",
    "issue_date": "ISO date of issue; null when the day or month is blank or the date is impossible.",
    "place": "Địa danh of the date line (Cần Thơ).",
    "issuer": "Cơ quan ban hành: its header lines joined by one space, as printed.",
    "issuer_printed": "False when the header is missing and the issuer was inferred from the body and the signature.",
    "parent_issuer": "Cơ quan chủ quản printed above the issuer, or null.",
    "title": "Trích yếu on one line, hard wraps joined, final period dropped.",
    "recipients": "Nơi nhận entries in order, without the leading dash and the final ';' or '.'.",
    "sections": "The heading tree of the body, each heading with the paragraphs under it.",
    "preamble": "Body paragraphs before the first heading: the căn cứ lines and the opening sentence.",
    "references": "Documents cited with an explicit number, each once, in order of first citation.",
    "campaign_period": "The campaign period at the precision printed (YYYY-MM-DD, YYYY-MM or YYYY).",
    "targets": "Who competes (đối tượng).",
    "criteria": "Standards to meet (tiêu chuẩn, tiêu chí).",
    "quotas": "One entry per award form, conferrer and scope; counts null when the text gives none.",
    "deadlines": "Dated obligations: ISO date, --MM-DD when yearly, null when relative.",
    "dossier": "Papers of the award dossier.",
    "addressees": "Kính gửi (ô 9a) entries in order, without the dash and final punctuation.",
    "award": "The award form a Tờ trình proposes or a Quyết định confers (Giấy khen của Chủ tịch UBND huyện).",
    "nominees": "Rows of the danh sách: collectives and individuals proposed or awarded.",
    "meeting": "The council meeting a Biên bản records.",
    "report": "What a Báo cáo thành tích is about: its subject, form and the awards already received.",
    "text_quality": "Whether the text lost its diacritics or was OCR'd without Vietnamese data, and whether they were restored.",
    "warnings": "What looked wrong or was guessed.",
    "provenance": "Where each value came from, keyed by field name.",
}


def _schema_for(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(tp)
    if tp in _SCALARS:
        return {"type": _SCALARS[tp]}
    if origin in (typing.Union, types.UnionType):
        options = [_schema_for(arg, defs) for arg in typing.get_args(tp)]
        if all(set(o) == {"type"} for o in options):
            return {"type": [o["type"] for o in options]}
        return {"anyOf": options}
    if origin is list:
        (item,) = typing.get_args(tp)
        return {"type": "array", "items": _schema_for(item, defs)}
    if origin is dict:
        _, value = typing.get_args(tp)
        return {"type": "object", "additionalProperties": _schema_for(value, defs)}
    if dataclasses.is_dataclass(tp):
        name = tp.__name__
        if name not in defs:
            defs[name] = {}  # placeholder: Section refers to itself
            defs[name] = _object_schema(tp, defs)
        return {"$ref": f"#/$defs/{name}"}
    raise TypeError(f"no JSON Schema for {tp!r}")


def _object_schema(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls, vars(model))
    props: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        prop = _schema_for(hints[f.name], defs)
        if cls is model.Plan and f.name in _DESCRIPTIONS:
            prop = {**prop, "description": _DESCRIPTIONS[f.name]}
        props[f.name] = prop
    out: dict[str, Any] = {
        "type": "object",
        "properties": props,
        "required": [f.name for f in dataclasses.fields(cls)],
        "additionalProperties": False,
    }
    doc = (cls.__doc__ or "").strip().split("\n\n")[0]
    if doc:
        out["description"] = " ".join(doc.split())
    return out


def plan_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of ``Plan.to_dict()``."""
    defs: dict[str, Any] = {}
    root = _object_schema(model.Plan, defs)
    root["properties"]["schema_version"] = {"const": model.SCHEMA_VERSION}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://vbhc.invalid/schema/plan-v{model.SCHEMA_VERSION}.json",
        "title": "vbhc Plan",
        **root,
        "$defs": defs,
    }
