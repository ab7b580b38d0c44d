"""Readers: any file a clerk has → a :class:`~vbhc.readers.source.Source` of text lines.

The reader is chosen by the file's content (``sniff.py``), not by its name: a .txt that is
really a PDF is read as a PDF. Every reader returns lines in reading order with the two
columns of the header and the footer kept apart, and, where the input is paged, each
line's page and box, so that a parsed value can be traced back to where it was printed.
"""
from __future__ import annotations

from .dispatch import read_source
from .source import Source, SourceLine

__all__ = ["Source", "SourceLine", "read_source"]
