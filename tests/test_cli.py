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


def test_stdin_bytes_are_checked_like_files():
    import subprocess
    import sys

    run = subprocess.run([sys.executable, "-m", "vbhc", "parse", "-"], input=b"\x00\x01\x02" * 50, capture_output=True, timeout=60)
    assert run.returncode == 3 and b"Traceback" not in run.stderr
    utf16 = "Số: 12/KH-UBND\nKẾ HOẠCH\nThi đua năm 2026\n".encode("utf-16")
    run = subprocess.run([sys.executable, "-m", "vbhc", "parse", "-"], input=utf16, capture_output=True, timeout=60)
    assert run.returncode == 0 and json.loads(run.stdout)["number"] == "12/KH-UBND"


def test_out_into_a_missing_folder_is_an_error_not_a_new_folder(tmp_path):
    run = run_vbhc("parse", SEEDS[0], "--out", str(tmp_path / "khong-co" / "ket-qua.json"))
    assert run.returncode == 3 and "Traceback" not in run.stderr
    assert not (tmp_path / "khong-co").exists()


def test_out_files_get_ordinary_permissions(tmp_path):
    import os
    import stat

    target = tmp_path / "ket-qua.json"
    assert run_vbhc("parse", SEEDS[0], "--out", str(target)).returncode == 0
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~mask


def test_two_inputs_with_one_stem_do_not_overwrite_each_other(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    text = "Số: 12/KH-UBND\nKẾ HOẠCH\nThi đua năm 2026\n"
    (a / "x.txt").write_text(text, encoding="utf-8")
    (b / "x.txt").write_text(text.replace("12/", "13/"), encoding="utf-8")
    out = tmp_path / "out"
    run = run_vbhc("parse", str(a / "x.txt"), str(b / "x.txt"), "--out", str(out) + "/")
    assert run.returncode == 0
    numbers = sorted(json.loads(p.read_text(encoding="utf-8"))["number"] for p in out.glob("*.json"))
    assert numbers == ["12/KH-UBND", "13/KH-UBND"]
