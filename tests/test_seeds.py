"""The five real plans of corpus/ against the hand-written truth in tests/data/gold."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import CORPUS, GOLD, HEADER_FIELDS, SCORER, seed_path

import vbhc


def _score(only: str, *extra: str, fields: str | None = HEADER_FIELDS) -> dict:
    cmd = f"{sys.executable} -m vbhc parse --format json {{path}}"
    field_args = ["--fields", fields] if fields else []
    run = subprocess.run(
        [sys.executable, str(SCORER), "--truth", str(GOLD), "--docs", str(CORPUS), "--only", only,
         "--cmd", cmd, *field_args, "--json", *extra],
        capture_output=True, text=True, timeout=300,
    )
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def test_clean_seeds_header_fields_reach_the_target():
    """Issue 2 target: micro-F1 >= 0.95 on the four clean seeds for the foundation's fields."""
    result = _score("seed_000,seed_002,seed_003,seed_004")
    assert result["documents"] == 4
    assert not result["failures"]
    assert result["micro_f1"] >= 0.95, result["fields"]


def test_ocr_seed_number_date_and_type_are_right():
    """Seed 001 is OCR without diacritics ("S6: 50 /KH-UBND Ngd Nam, ngay 23 thang 05 nam 2022")."""
    plan = vbhc.parse(seed_path("seed_001"))
    gold = json.loads((GOLD / "seed_001.json").read_text(encoding="utf-8"))
    assert plan.number == gold["number"] == "50/KH-UBND"
    assert plan.issue_date == gold["issue_date"]
    assert plan.doc_type == gold["doc_type"]
    assert plan.signer.authority == "TM."
    assert plan.signer.name == gold["signer_name"]
    assert [s.label for s in plan.sections] == ["I", "II", "III", "IV"]  # "IL." read as II


def test_ocr_seed_loose_score():
    result = _score("seed_001", "--loose")
    assert result["micro_f1"] >= 0.85, result["fields"]


def test_all_fields_on_the_clean_seeds():
    """Issue 3 target: every field, body fields included, micro-F1 >= 0.95 on the clean seeds."""
    result = _score("seed_000,seed_002,seed_003,seed_004", fields=None)
    assert result["micro_f1"] >= 0.95, result["fields"]
    for field in ("references", "quotas", "deadlines", "campaign_period.start", "campaign_period.end"):
        assert result["fields"][field]["f1"] >= 0.9, (field, result["fields"][field])


def test_all_fields_on_the_ocr_seed_loose():
    """Issue 3 target on the garbled seed: all fields with --loose >= 0.80."""
    result = _score("seed_001", "--loose", fields=None)
    assert result["micro_f1"] >= 0.80, result["fields"]
    assert result["fields"]["quotas"]["f1"] == 1.0  # 03+03 yearly, 05+10 and 05+10 for the reviews


@pytest.mark.parametrize("name", ["seed_003", "seed_004"])
def test_headerless_copies_get_an_inferred_issuer(name):
    plan = vbhc.parse(seed_path(name))
    gold = json.loads((GOLD / f"{name}.json").read_text(encoding="utf-8"))
    assert plan.issuer == gold["issuer"]
    assert plan.issuer_printed is False
    assert plan.provenance["issuer"].inferred
    assert plan.provenance["issuer"].confidence < 1
    assert any(w.code == "issuer.inferred" for w in plan.warnings)


def test_seed_warnings_say_what_a_clerk_would_notice():
    codes = {name: {w.code for w in vbhc.parse(seed_path(name)).warnings} for name in ("seed_000", "seed_002", "seed_003")}
    assert {"number.blank", "date.blank"} <= codes["seed_000"]
    assert "text.bad_year" in codes["seed_002"]  # "năm 20233"
    assert "section.gap" in codes["seed_003"]    # III → V
    assert "signer.authority_inferred" in codes["seed_003"]  # "U. CHỦ TỊCH" over "PHÓ CHỦ TỊCH"


def test_values_are_cut_from_the_normalised_text():
    """Every provenance span points at text that holds the value it explains."""
    for path in sorted(CORPUS.glob("*.txt")):
        plan = vbhc.parse(path)
        text = vbhc.normalise(path.read_text(encoding="utf-8"))
        for field in ("number", "place", "signer.name"):
            prov = plan.provenance.get(field)
            value = plan.signer.name if field == "signer.name" else getattr(plan, field)
            if prov is None or prov.span is None or value is None:
                continue
            cut = " ".join(text[prov.span[0]:prov.span[1]].split())
            if field == "number":
                cut = cut.replace(" ", "")
                assert cut.endswith(value.split("/")[-1]), (path.name, cut, value)
            else:
                assert value in cut, (path.name, field, cut, value)


def test_diacritics_and_nfc_come_out_exactly():
    import unicodedata

    plan = vbhc.parse(seed_path("seed_000"))
    out = json.dumps(plan.to_dict(), ensure_ascii=False)
    assert unicodedata.is_normalized("NFC", out)
    assert plan.issuer == "ỦY BAN NHÂN DÂN THỊ XÃ PHƯỚC LONG"  # printed "UỶ": old tone placement
    assert plan.signer.name == "Phạm Thụy Luân"
