"""Choose the reader by what a file is, not what it is called."""
from __future__ import annotations

from pathlib import Path

from ..errors import BinaryInputError, UnreadableInputError
from ..pipeline.read import read_text_file
from .docx import read_docx
from .ocr import Progress, read_image
from .office import read_office
from .pdf import read_pdf
from .sniff import sniff
from .source import Source

__all__ = ["read_source"]


def read_source(path: str | Path, progress: Progress | None = None) -> Source:
    """Read any supported file into a :class:`Source`; raise an InputError naming it."""
    p = Path(path)
    if not p.exists():
        raise UnreadableInputError(str(path), "không tìm thấy tệp")
    if p.is_dir():
        raise UnreadableInputError(str(path), "là một thư mục, không phải tệp")
    if p.stat().st_size == 0:
        from ..errors import EmptyInputError

        raise EmptyInputError(str(path), "tệp rỗng, không có nội dung")
    try:
        kind = sniff(p)
    except OSError as exc:
        raise UnreadableInputError(str(path), f"không đọc được tệp ({exc.strerror or exc})") from None
    if kind == "pdf":
        return read_pdf(p, progress)
    if kind == "docx":
        return read_docx(p)
    if kind in ("doc", "odt", "rtf"):
        return read_office(p, kind)
    if kind == "image":
        return read_image(p, progress)
    if kind == "zip":
        raise BinaryInputError(str(path), "là tệp nén (.zip), không phải văn bản; hãy giải nén trước")
    text, encoding = read_text_file(p)
    source = Source(str(path), "text", raw=text)
    if encoding == "cp1258":
        source.warnings.append(("text.cp1258", "tệp không phải UTF-8; đã đọc theo bảng mã Windows-1258"))
    return source
