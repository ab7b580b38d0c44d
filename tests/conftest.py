"""Shared paths and helpers for the test suite."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
GOLD = ROOT / "tests" / "data" / "gold"
DOCS = ROOT / "tests" / "data" / "docs"
SCORER = ROOT / "tests" / "tools" / "score.py"
TRAIN = ROOT.parent / "shared" / "train"

#: The fields of the foundation issue, as the scorer names them.
HEADER_FIELDS = "doc_type,number,issue_date,place,issuer,parent_issuer,title,signer.name,signer.title,signer.authority,recipients,sections"


def seed_path(name: str) -> Path:
    """corpus/NNN_*.txt for a gold name seed_NNN."""
    (path,) = CORPUS.glob(f"{name[5:]}_*.txt")
    return path


def run_vbhc(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m vbhc ARGS`` the way a user would; capture everything."""
    return subprocess.run(
        [sys.executable, "-m", "vbhc", *args], input=stdin, capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def tmp_text(tmp_path: Path):
    """Write a text file under tmp_path and return its path."""

    def make(name: str, content: str | bytes) -> Path:
        p = tmp_path / name
        if isinstance(content, bytes):
            p.write_bytes(content)
        else:
            p.write_text(content, encoding="utf-8")
        return p

    return make


CLEAN = ["seed_000", "seed_002", "seed_003", "seed_004"]


def _need(ok: bool, what: str) -> None:
    if not ok:
        if os.environ.get("CI"):
            pytest.fail(f"{what} is missing: .ci/run must install it")
        pytest.skip(f"{what} is not installed")



@pytest.fixture(scope="session")
def forms(tmp_path_factory) -> dict[str, Path]:
    """The clean seeds as .docx, text PDF and degraded scan, named seed_NNN.<ext>."""
    from forms import docx_to_pdf, pdf_to_scan, text_to_docx

    _need(bool(shutil.which("soffice")), "LibreOffice (soffice)")
    _need(bool(shutil.which("pdftoppm")), "poppler-utils (pdftoppm)")
    root = tmp_path_factory.mktemp("forms")
    dirs = {kind: root / kind for kind in ("docx", "pdf", "scan")}
    for d in dirs.values():
        d.mkdir()
    for name in CLEAN:
        (source,) = CORPUS.glob(f"{name[5:]}_*.txt")
        docx = text_to_docx(source.read_text(encoding="utf-8"), dirs["docx"] / f"{name}.docx")
        pdf = docx_to_pdf(docx, dirs["pdf"])
        pdf_to_scan(pdf, dirs["scan"] / f"{name}.pdf")
    return dirs


