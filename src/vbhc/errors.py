"""The exceptions and warnings vbhc raises.

Exception tree::

    VbhcError                      base of everything vbhc raises on purpose
    └── InputError (ValueError)    a file or text that cannot be parsed; .path, .reason
        ├── EmptyInputError        nothing in it, or only white space
        ├── BinaryInputError       not text (NUL bytes, an image, an archive …)
        ├── InputTooLargeError     larger than the limit for its kind
        ├── UnreadableInputError   missing, unreadable, or a folder
        └── NotADocumentError      text with no trace of an administrative document

    VbhcWarning (UserWarning)      something looked wrong but parsing went on

Messages are in Vietnamese, the language of the users; ``str(error)`` is one line that
names the file and the cause.
"""
from __future__ import annotations

__all__ = [
    "BinaryInputError",
    "EmptyInputError",
    "InputError",
    "InputTooLargeError",
    "NotADocumentError",
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


class VbhcWarning(UserWarning):
    """Something looked wrong, and parsing went on."""
