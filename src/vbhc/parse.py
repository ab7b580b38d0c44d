"""The public parsing entry points: a path or a string in, a :class:`~vbhc.model.Plan` out."""
from __future__ import annotations

import os
from pathlib import Path

from .errors import EmptyInputError
from .model import Plan, TextQualityInfo
from .pipeline.extract import extract
from .pipeline.normalise import normalise as _normalise
from .pipeline.segment import segment
from .readers import Source, read_source
from .readers.ocr import Progress
from .restore import assess, restore_text
from .vn.legacy import convert_legacy, detect_legacy

__all__ = ["SUFFIXES", "documents_in", "normalise", "parse", "parse_file", "parse_file_with_text", "parse_source", "parse_text"]

#: Suffixes a folder walk picks up (a single file is read whatever its name).
SUFFIXES = frozenset({
    ".txt", ".md", ".markdown", ".text", ".docx", ".doc", ".odt", ".rtf", ".pdf",
    ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".gif",
})


def documents_in(folder: str | os.PathLike[str], unreadable: list[str] | None = None) -> list[Path]:
    """The files under ``folder`` the parser reads (by suffix), in name order; hidden files
    and folders skipped. Folders that cannot be listed are added to ``unreadable`` when given."""

    def failed(exc: OSError) -> None:
        if unreadable is not None:
            unreadable.append(str(exc.filename or exc))

    found = []
    for dirpath, dirnames, filenames in os.walk(folder, onerror=failed):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        found.extend(Path(dirpath) / name for name in filenames
                     if not name.startswith(".") and Path(name).suffix.lower() in SUFFIXES)
    return sorted(found)


def normalise(text: str) -> str:
    """The normalised text that :attr:`Provenance.span` offsets refer to."""
    return _normalise(text).text


def _unlegacy(text: str) -> tuple[str, str | None]:
    """Text set in a legacy Vietnamese font encoding (TCVN3, VNI), converted to Unicode."""
    encoding = detect_legacy(text)
    return (convert_legacy(text, encoding), encoding) if encoding else (text, None)


def _legacy_warning(plan: Plan, encoding: str | None) -> None:
    if encoding:
        plan.warn("text.legacy_encoding", f"văn bản dùng bảng mã cũ {encoding.upper()}; đã chuyển sang Unicode (kiểm tra chữ hoa ở tiêu đề)")


def _prepare(text: str, restore: bool) -> tuple[str, str | None, TextQualityInfo]:
    """Legacy encodings converted; quality judged; diacritics restored when asked for."""
    text, encoding = _unlegacy(text)
    quality = assess(text)
    info = TextQualityInfo(quality.verdict, quality.marked, quality.garbled, False)
    if restore and quality.verdict != "clean":
        text = restore_text(text, garbled=quality.verdict == "garbled")
        info.restored = True
    return text, encoding, info


def _quality_warning(plan: Plan, info: TextQualityInfo) -> None:
    plan.text_quality = info
    if info.verdict == "stripped":
        plan.warn("text.stripped", "văn bản mất dấu tiếng Việt" + ("; đã khôi phục dấu, cần kiểm tra lại" if info.restored else "; dùng restore=True (--restore) để khôi phục dấu"), "text_quality")
    elif info.verdict == "garbled":
        plan.warn("text.garbled", "văn bản nhận dạng (OCR) sai dấu tiếng Việt; nên quét lại" + ("; đã khôi phục dấu, cần kiểm tra lại" if info.restored else ""), "text_quality")


def parse_text(text: str, source: str | None = None, restore: bool = False) -> Plan:
    """Parse a document given as a string. ``source`` names it in errors and output.

    With ``restore``, a text that lost its diacritics (or was OCR'd without Vietnamese
    data) has them restored before it is read, so fields come back with their marks.
    """
    name = source or "<văn bản>"
    if not text.strip():
        raise EmptyInputError(name, "văn bản rỗng, không có nội dung")
    text, encoding, info = _prepare(text, restore)
    plan = extract(segment(_normalise(text)), source)
    _legacy_warning(plan, encoding)
    _quality_warning(plan, info)
    return plan


def parse_source(source: Source, restore: bool = False) -> Plan:
    """Parse what a reader returned; provenance gains the page and box of paged input."""
    return _parse_source(source, restore)[0]


def parse_file_with_text(path: str | os.PathLike[str], restore: bool = False) -> tuple[Plan, str]:
    """The plan of a file and the text it was read from (Unicode, restored when asked):
    what the corpus builder indexes for full-text search."""
    return _parse_source(read_source(path), restore)


def _parse_source(source: Source, restore: bool) -> tuple[Plan, str]:
    if not source.text.strip():
        raise EmptyInputError(source.name, "không có chữ nào đọc được trong tệp")
    text, encoding, info = _prepare(source.text, restore)
    nt = _normalise(text)
    plan = extract(segment(nt), source.name)
    _legacy_warning(plan, encoding)
    _quality_warning(plan, info)
    for code, message in source.warnings:
        plan.warn(code, message)
    if source.kind not in ("text",) and len(nt.origins) and max(nt.origins) < len(source.lines):
        for prov in plan.provenance.values():
            if prov.span is None:
                continue
            line = source.lines[nt.origins[nt.line_at(prov.span[0])]]
            prov.page = line.page
            prov.bbox = list(line.bbox) if line.bbox else None
    return plan, text


def parse_file(path: str | os.PathLike[str], progress: Progress | None = None, restore: bool = False) -> Plan:
    """Parse a file of any kind vbhc reads: text, Markdown, Word, PDF, scans, images.

    The reader is chosen by the file's content. ``progress(done, total)`` is called as
    scanned pages are recognised.
    """
    return parse_source(read_source(path, progress), restore)


def parse(path_or_text: str | os.PathLike[str], restore: bool = False) -> Plan:
    """Parse a document from a path, or from its text.

    A :class:`os.PathLike` is always a path. A string is a path when it is one line
    naming an existing file; otherwise it is the document's text.
    """
    if isinstance(path_or_text, os.PathLike):
        return parse_file(path_or_text, restore=restore)
    s = str(path_or_text)
    if "\n" not in s and len(s) < 4096 and os.path.isfile(s):
        return parse_file(s, restore=restore)
    return parse_text(s, restore=restore)
