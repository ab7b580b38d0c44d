"""The parser over the real documents of ../shared/train (present beside the repository in CI)."""
from __future__ import annotations

import pytest
from conftest import TRAIN

import vbhc

pytestmark = [pytest.mark.slow, pytest.mark.corpus]


def _documents(name: str) -> list[str]:
    path = TRAIN / name
    if not path.exists():
        pytest.skip(f"{path} not present")
    return [d for d in path.read_text(encoding="utf-8").split("\n\n=====\n\n") if d.strip()]


@pytest.mark.parametrize("name", ["tvpl_docs_2025.txt", "tvpl_full_texts.txt", "vbpl_local_docs.txt", "admin_prose.txt"])
def test_no_crash_on_any_real_document(name):
    for k, doc in enumerate(_documents(name)):
        try:
            vbhc.parse_text(doc, f"{name}#{k}")
        except vbhc.InputError:
            pass  # a clear refusal is fine; anything else fails the test


def test_headers_of_official_full_texts_are_found():
    """The 2025 full texts all carry a header: number, date and issuer must nearly always be found."""
    docs = _documents("tvpl_docs_2025.txt")
    plans = [vbhc.parse_text(d) for d in docs]
    n = len(plans)
    assert sum(p.number is not None for p in plans) / n >= 0.97
    assert sum(p.issue_date is not None for p in plans) / n >= 0.95
    assert sum(p.issuer is not None for p in plans) / n >= 0.97
    assert sum(p.signer.name is not None for p in plans) / n >= 0.9
