"""Word 97-2003 (.doc), OpenDocument (.odt) and RTF → .docx through LibreOffice, then read."""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import UnreadableInputError
from .docx import read_docx
from .source import Source

__all__ = ["convert", "read_office", "soffice"]

CONVERT_TIMEOUT = 180  # seconds


def soffice() -> str | None:
    """The LibreOffice program, or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(path: Path, target: str, outdir: Path, timeout: int = CONVERT_TIMEOUT) -> Path | None:
    """Convert ``path`` with LibreOffice headless (``target`` as for ``--convert-to``, e.g.
    "pdf") into ``outdir``, with a throw-away profile there. The file written, or None when
    LibreOffice wrote nothing. Raises FileNotFoundError without LibreOffice and
    subprocess.TimeoutExpired past ``timeout`` seconds."""
    program = soffice()
    if program is None:
        raise FileNotFoundError("soffice")
    command = [
        program, f"-env:UserInstallation=file://{outdir / 'profile'}", "--headless", "--norestore",
        "--convert-to", target, "--outdir", str(outdir), str(Path(path).resolve()),
    ]
    subprocess.run(command, capture_output=True, timeout=timeout, check=False)
    produced = outdir / f"{Path(path).stem}.{target.split(':', 1)[0]}"
    return produced if produced.exists() else None


def read_office(path: Path, kind: str) -> Source:
    """Convert ``path`` to .docx in a temporary folder with LibreOffice and read that."""
    if soffice() is None:
        raise UnreadableInputError(
            str(path), f"cần LibreOffice để đọc tệp .{kind} (Debian: apt-get install libreoffice-writer-nogui)"
        )
    with tempfile.TemporaryDirectory(prefix="vbhc-") as tmp:
        try:
            converted = convert(path, "docx:MS Word 2007 XML", Path(tmp))
        except subprocess.TimeoutExpired:
            raise UnreadableInputError(str(path), f"LibreOffice chuyển đổi quá {CONVERT_TIMEOUT} giây") from None
        if converted is None:
            raise UnreadableInputError(str(path), f"LibreOffice không chuyển được tệp .{kind} (tệp hỏng?)")
        source = read_docx(converted)
    source.name, source.kind = str(path), kind
    return source
