"""Print a .docx to PDF with LibreOffice headless (fonts-liberation2 stands in for Times)."""
from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from ..errors import ToolMissingError, VbhcError
from ..fileio import write_atomic
from ..readers.office import convert, soffice

__all__ = ["PDF_TIMEOUT", "docx_to_pdf"]

PDF_TIMEOUT = 240  # seconds


def docx_to_pdf(docx: Path, out: Path) -> Path:
    """Write the PDF of ``docx`` to ``out`` (through a temporary file, then renamed)."""
    if soffice() is None:
        raise ToolMissingError(
            "LibreOffice", "cần LibreOffice để xuất PDF (Debian: apt-get install libreoffice-writer-nogui fonts-liberation2)"
        )
    with tempfile.TemporaryDirectory(prefix="vbhc-pdf-") as tmp:
        try:
            produced = convert(Path(docx), "pdf", Path(tmp), PDF_TIMEOUT)
        except subprocess.TimeoutExpired:
            raise VbhcError(f"{docx}: LibreOffice xuất PDF quá {PDF_TIMEOUT} giây") from None
        if produced is None:
            raise VbhcError(f"{docx}: LibreOffice không xuất được PDF")
        write_atomic(out, produced.read_bytes(), make_parents=True)
    return out
