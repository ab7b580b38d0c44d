"""Stage 1: bytes of a text or Markdown file → a Python string, or a clear InputError."""
from __future__ import annotations

import codecs
import os
import re
from pathlib import Path

from ..errors import BinaryInputError, EmptyInputError, InputTooLargeError, UnreadableInputError

__all__ = ["MAX_TEXT_BYTES", "decode_text", "read_text_file"]

#: A real administrative document is tens of kilobytes; anything far larger is not one.
MAX_TEXT_BYTES = 8 * 1024 * 1024

_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """Decode ``data``; return the text and the encoding used. Raise on binary or empty."""
    if not data.strip():
        raise EmptyInputError(name, "tệp rỗng, không có nội dung")
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16"
    head = data[:8192]
    if b"\x00" in head:
        raise BinaryInputError(name, "không phải tệp văn bản (có byte NUL; tệp nhị phân?)")
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        text, encoding = data.decode("cp1258", errors="replace"), "cp1258"
    sample = text[:8192]
    controls = len(_CONTROL.findall(sample))
    replaced = sample.count("\ufffd")
    if (controls + replaced) > max(8, len(sample) // 50):
        raise BinaryInputError(name, "không phải tệp văn bản (nhiều ký tự điều khiển; tệp nhị phân?)")
    return text, encoding


def read_text_file(path: str | os.PathLike[str], max_bytes: int = MAX_TEXT_BYTES) -> tuple[str, str]:
    """Read a .txt or .md file; return its text and encoding.

    Raises an :class:`~vbhc.errors.InputError` subclass naming the file and the cause.
    """
    p = Path(path)
    name = str(path)
    try:
        if p.is_dir():
            raise UnreadableInputError(name, "là một thư mục, không phải tệp")
        size = p.stat().st_size
    except FileNotFoundError:
        raise UnreadableInputError(name, "không tìm thấy tệp") from None
    except OSError as exc:
        raise UnreadableInputError(name, f"không đọc được tệp ({exc.strerror or exc})") from None
    if size > max_bytes:
        raise InputTooLargeError(
            name, f"tệp quá lớn ({size / 1_048_576:.1f} MB; giới hạn {max_bytes / 1_048_576:.0f} MB cho tệp văn bản)"
        )
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise UnreadableInputError(name, f"không đọc được tệp ({exc.strerror or exc})") from None
    return decode_text(data, name)
