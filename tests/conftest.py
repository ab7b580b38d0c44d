"""Shared paths and helpers for the test suite."""
from __future__ import annotations

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
