"""The vbhc command as a clerk or a script uses it."""
from __future__ import annotations

import json

import jsonschema
from conftest import CORPUS, run_vbhc

SEEDS = sorted(str(p) for p in CORPUS.glob("*.txt"))


def test_one_file_gives_one_object_on_stdout():
    run = run_vbhc("parse", "--format", "json", SEEDS[4])
    assert run.returncode == 0, run.stderr
    plan = json.loads(run.stdout)
    assert isinstance(plan, dict) and plan["number"] == "263/KH-UBND"


def test_several_files_give_a_list_and_a_summary_on_stderr():
    run = run_vbhc("parse", "--format", "json", *SEEDS)
    assert run.returncode == 0
    plans = json.loads(run.stdout)
    assert [p["source"] for p in plans] == SEEDS
    assert "5 đọc được, 0 lỗi" in run.stderr


def test_a_folder_is_walked():
    run = run_vbhc("parse", "--format", "jsonl", str(CORPUS))
    assert run.returncode == 0
    lines = run.stdout.splitlines()
    assert len(lines) == len(SEEDS) and all(json.loads(line)["doc_type"] == "KE_HOACH" for line in lines)


def test_table_format_is_readable():
    run = run_vbhc("parse", "--format", "table", SEEDS[3])
    assert run.returncode == 0
    assert "158/KH-UBND" in run.stdout and "Lê Thị Anh Tuyết" in run.stdout


def test_stdin(tmp_path):
    run = run_vbhc("parse", "-", stdin="Số: 09/TB-UBND\nTHÔNG BÁO\nKết luận của Chủ tịch\n")
    assert run.returncode == 0
    assert json.loads(run.stdout)["doc_type"] == "THONG_BAO"


def test_out_file_replaces_atomically_and_out_dir_writes_one_file_each(tmp_path):
    target = tmp_path / "ket-qua.json"
    target.write_text("cũ", encoding="utf-8")
    run = run_vbhc("parse", SEEDS[0], "--out", str(target))
    assert run.returncode == 0 and run.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8"))["place"] == "Phước Long"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    out_dir = tmp_path / "plans"
    out_dir.mkdir()
    run = run_vbhc("parse", *SEEDS, "--out", str(out_dir) + "/")
    assert run.returncode == 0
    assert sorted(p.stem for p in out_dir.glob("*.json")) == sorted(p.split("/")[-1][:-4] for p in SEEDS)


def test_a_failed_batch_leaves_an_existing_out_file_whole(tmp_path):
    target = tmp_path / "ket-qua.json"
    target.write_text('{"giữ": true}', encoding="utf-8")
    run = run_vbhc("parse", str(tmp_path / "khong-co.txt"), "--out", str(tmp_path / "khong-co-thu-muc" / "x" / ".." / ".." / "ket-qua.json"))
    assert run.returncode == 3
    assert json.loads(target.read_text(encoding="utf-8")) in ({"giữ": True}, [])


def test_schema_command_describes_the_output():
    schema = json.loads(run_vbhc("schema").stdout)
    for path in SEEDS:
        plan = json.loads(run_vbhc("parse", path).stdout)
        jsonschema.validate(plan, schema)
    assert schema["properties"]["schema_version"] == {"const": 1}


def test_usage_errors():
    assert run_vbhc().returncode == 2
    assert run_vbhc("parse").returncode == 2
    assert run_vbhc("parse", "--format", "xml", SEEDS[0]).returncode == 2
    version = run_vbhc("--version")
    assert version.returncode == 0 and version.stdout.startswith("vbhc ")
