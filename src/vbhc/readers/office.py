"""Word 97-2003 (.doc), OpenDocument (.odt) and RTF → .docx through LibreOffice, then read."""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import UnreadableInputError
from .docx import read_docx
from .source import Source

__all__ = ["read_office", "soffice"]

CONVERT_TIMEOUT = 180  # seconds


def soffice() -> str | None:
    """The LibreOffice program, or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def read_office(path: Path, kind: str) -> Source:
    """Convert ``path`` to .docx in a temporary folder with LibreOffice and read that."""
    program = soffice()
    if program is None:
        raise UnreadableInputError(
            str(path), f"cần LibreOffice để đọc tệp .{kind} (Debian: apt-get install libreoffice-writer-nogui)"
        )
    with tempfile.TemporaryDirectory(prefix="vbhc-") as tmp:
        profile = Path(tmp) / "profile"
        command = [
            program, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
            "--convert-to", "docx:MS Word 2007 XML", "--outdir", tmp, str(path.resolve()),
        ]
        try:
            subprocess.run(command, capture_output=True, timeout=CONVERT_TIMEOUT, check=False)
        except subprocess.TimeoutExpired:
            raise UnreadableInputError(str(path), f"LibreOffice chuyển đổi quá {CONVERT_TIMEOUT} giây") from None
        converted = Path(tmp) / f"{path.stem}.docx"
        if not converted.exists():
            raise UnreadableInputError(str(path), f"LibreOffice không chuyển được tệp .{kind} (tệp hỏng?)")
        source = read_docx(converted)
    source.name, source.kind = str(path), kind
    return source
