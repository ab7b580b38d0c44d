"""vbhc — a toolkit for Vietnamese administrative documents (văn bản hành chính).

The public surface is what ``__all__`` lists; anything else may change.

>>> import vbhc
>>> plan = vbhc.parse("Số: 12/KH-UBND\\nKẾ HOẠCH\\nPhát động phong trào thi đua năm 2026")
>>> plan.number, plan.doc_type
('12/KH-UBND', 'KE_HOACH')
"""
from __future__ import annotations

__version__ = "0.1.0"

from .errors import (
    BinaryInputError,
    DataError,
    EmptyInputError,
    InputError,
    InputTooLargeError,
    MissingFieldError,
    NotADocumentError,
    TemplateError,
    ToolMissingError,
    UnreadableInputError,
    VbhcError,
    VbhcWarning,
)
from .model import SCHEMA_VERSION, Plan, Provenance, Section, Signer
from .parse import normalise, parse, parse_file, parse_text
from .schema import plan_schema

#: Generator and checker functions, imported on first use (docxtpl and Jinja2 are not needed to parse).
_LAZY = {
    "check_file": ("vbhc.check", "check_file"),
    "check_text": ("vbhc.check", "check_text"),
    "load_data": ("vbhc.generate.inputs", "load_data"),
    "render": ("vbhc.generate.render", "render"),
    "reissue": ("vbhc.generate.reissue", "reissue"),
}


def __getattr__(name: str):  # type: ignore[no-untyped-def]
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        return getattr(importlib.import_module(module), attr)
    raise AttributeError(f"module 'vbhc' has no attribute {name!r}")


__all__ = [
    "SCHEMA_VERSION",
    "BinaryInputError",
    "DataError",
    "EmptyInputError",
    "InputError",
    "InputTooLargeError",
    "MissingFieldError",
    "NotADocumentError",
    "Plan",
    "Provenance",
    "Section",
    "Signer",
    "TemplateError",
    "ToolMissingError",
    "UnreadableInputError",
    "VbhcError",
    "VbhcWarning",
    "__version__",
    "check_file",
    "check_text",
    "load_data",
    "normalise",
    "parse",
    "parse_file",
    "parse_text",
    "plan_schema",
    "reissue",
    "render",
]
