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
    EmptyInputError,
    InputError,
    InputTooLargeError,
    NotADocumentError,
    UnreadableInputError,
    VbhcError,
    VbhcWarning,
)
from .model import SCHEMA_VERSION, Plan, Provenance, Section, Signer
from .parse import normalise, parse, parse_file, parse_text
from .schema import plan_schema

__all__ = [
    "SCHEMA_VERSION",
    "BinaryInputError",
    "EmptyInputError",
    "InputError",
    "InputTooLargeError",
    "NotADocumentError",
    "Plan",
    "Provenance",
    "Section",
    "Signer",
    "UnreadableInputError",
    "VbhcError",
    "VbhcWarning",
    "__version__",
    "normalise",
    "parse",
    "parse_file",
    "parse_text",
    "plan_schema",
]
