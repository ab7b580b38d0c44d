"""What a file really is, from its first bytes (and, for zip files, its member names)."""
from __future__ import annotations

import zipfile
from pathlib import Path

__all__ = ["sniff"]

_MAGIC = [
    (b"%PDF-", "pdf"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "doc"),      # OLE2: Word 97-2003
    (b"\x89PNG\r\n\x1a\n", "image"),
    (b"\xff\xd8\xff", "image"),                           # JPEG
    (b"II*\x00", "image"),                                # TIFF, little endian
    (b"MM\x00*", "image"),                                # TIFF, big endian
    (b"GIF8", "image"),
    (b"BM", "image"),
    (b"{\\rtf", "rtf"),
]


def sniff(path: Path) -> str:
    """One of "pdf", "docx", "odt", "doc", "image", "zip", "rtf", "text"."""
    with path.open("rb") as fh:
        head = fh.read(16)
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            if kind == "image" and magic == b"BM" and path.suffix.lower() not in (".bmp", ".dib"):
                break  # "BM" also begins plain text
            return kind
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as z:
                names = set(z.namelist())
                if "word/document.xml" in names:
                    return "docx"
                if "mimetype" in names and z.read("mimetype").startswith(b"application/vnd.oasis.opendocument.text"):
                    return "odt"
        except (zipfile.BadZipFile, OSError, KeyError):
            return "zip"
        return "zip"
    return "text"
