"""The exceptions and warnings vbhc raises.

Exception tree::

    VbhcError                      base of everything vbhc raises on purpose
    └── InputError (ValueError)    a file or text that cannot be parsed; .path, .reason
        ├── EmptyInputError        nothing in it, or only white space
        ├── BinaryInputError       not text (NUL bytes, an image, an archive …)
        ├── InputTooLargeError     larger than the limit for its kind
        ├── UnreadableInputError   missing, unreadable, or a folder
        ├── NotADocumentError      text with no trace of an administrative document
        └── DataError              a data file for the generator is malformed
    ├── MissingFieldError (ValueError)  data lacks a field the kind of document needs; .fields
    ├── TemplateError              a template that cannot be rendered; .template, .field
    ├── ToolMissingError           an outside program (LibreOffice, Tesseract) is not installed
    └── RuleConfigError (ValueError)  a rule file of the checker is malformed; .rule_id

    VbhcWarning (UserWarning)      something looked wrong but parsing went on

Messages are in Vietnamese, the language of the users; ``str(error)`` is one line that
names the file and the cause.
"""
from __future__ import annotations

__all__ = [
    "BinaryInputError",
    "DataError",
    "EmptyInputError",
    "InputError",
    "InputTooLargeError",
    "MissingFieldError",
    "NotADocumentError",
    "RuleConfigError",
    "TemplateError",
    "ToolMissingError",
    "UnreadableInputError",
    "VbhcError",
    "VbhcWarning",
]


class VbhcError(Exception):
    """Base class of every error vbhc raises on purpose."""


class InputError(VbhcError, ValueError):
    """An input that cannot be parsed. ``path`` names it ("<văn bản>" for a string)."""

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


class EmptyInputError(InputError):
    """The input is empty or holds only white space."""


class BinaryInputError(InputError):
    """The input is not text."""


class InputTooLargeError(InputError):
    """The input is over the size limit."""


class UnreadableInputError(InputError):
    """The input cannot be opened or read."""


class NotADocumentError(InputError):
    """Text with no number, no type heading, no Quốc hiệu and no signature."""


class MissingFieldError(VbhcError, ValueError):
    """The data given to the generator lacks fields its kind of document requires."""

    def __init__(self, path: str, kind: str, fields: list[str]) -> None:
        self.path, self.kind, self.fields = path, kind, fields
        super().__init__(f"{path}: thiếu trường bắt buộc cho mẫu {kind}: {', '.join(fields)}")


class TemplateError(VbhcError):
    """A template that cannot be rendered: ``template`` names the file, ``field`` the
    variable at fault (or None) and the message says where in the document it is used."""

    def __init__(self, template: str, field: str | None, reason: str) -> None:
        self.template, self.field, self.reason = template, field, reason
        super().__init__(f"{template}: {reason}")


class ToolMissingError(VbhcError):
    """An outside program vbhc needs for this job is not installed; the message says how to get it."""

    def __init__(self, tool: str, reason: str) -> None:
        self.tool = tool
        super().__init__(reason)


class RuleConfigError(VbhcError, ValueError):
    """A rule of the checker (data/rules*.toml) that is malformed: a bug in vbhc, not in
    the document; ``rule_id`` names the rule."""

    def __init__(self, rule_id: str, reason: str) -> None:
        self.rule_id = rule_id
        super().__init__(f"quy tắc {rule_id}: {reason}")


class DataError(InputError):
    """A data file for the generator (JSON, YAML, .xlsx, .csv) is malformed."""


class VbhcWarning(UserWarning):
    """Something looked wrong, and parsing went on."""
