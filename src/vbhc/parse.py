"""The public parsing entry points: a path or a string in, a :class:`~vbhc.model.Plan` out."""
from __future__ import annotations

import os
from pathlib import Path

from .errors import EmptyInputError, UnreadableInputError
from .model import Plan
from .pipeline.extract import extract
from .pipeline.normalise import normalise as _normalise
from .pipeline.read import read_text_file
from .pipeline.segment import segment

__all__ = ["TEXT_SUFFIXES", "normalise", "parse", "parse_file", "parse_text"]

#: Suffixes read as plain text or Markdown.
TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text", ""})


def normalise(text: str) -> str:
    """The normalised text that :attr:`Provenance.span` offsets refer to."""
    return _normalise(text).text


def parse_text(text: str, source: str | None = None) -> Plan:
    """Parse a document given as a string. ``source`` names it in errors and output."""
    name = source or "<văn bản>"
    if not text.strip():
        raise EmptyInputError(name, "văn bản rỗng, không có nội dung")
    return extract(segment(_normalise(text)), source)


def parse_file(path: str | os.PathLike[str]) -> Plan:
    """Parse a .txt or .md file."""
    p = Path(path)
    if p.suffix.lower() not in TEXT_SUFFIXES and p.exists() and not p.is_dir():
        raise UnreadableInputError(
            str(path), f"chưa hỗ trợ định dạng “{p.suffix}” (hiện đọc được .txt và .md)"
        )
    text, _ = read_text_file(p)
    return parse_text(text, str(path))


def parse(path_or_text: str | os.PathLike[str]) -> Plan:
    """Parse a document from a path, or from its text.

    A :class:`os.PathLike` is always a path. A string is a path when it is one line
    naming an existing file; otherwise it is the document's text.
    """
    if isinstance(path_or_text, os.PathLike):
        return parse_file(path_or_text)
    s = str(path_or_text)
    if "\n" not in s and len(s) < 4096 and os.path.isfile(s):
        return parse_file(s)
    return parse_text(s)
