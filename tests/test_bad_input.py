"""Bad input gets a one-line error naming the file and the cause; a batch goes on."""
from __future__ import annotations

import json
import unicodedata

import pytest
from conftest import CORPUS, run_vbhc

import vbhc


def test_empty_file(tmp_text):
    path = tmp_text("rong.txt", "   \n\n ")
    with pytest.raises(vbhc.EmptyInputError) as exc:
        vbhc.parse(path)
    assert exc.value.path == str(path)
    assert "rỗng" in str(exc.value)


def test_binary_file(tmp_text):
    path = tmp_text("du-lieu.txt", bytes(range(256)) * 16)
    with pytest.raises(vbhc.BinaryInputError):
        vbhc.parse(path)


def test_a_lying_extension_is_read_by_content(tmp_text):
    """A broken PNG named .txt is read as an image, and the error says so."""
    path = tmp_text("anh.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    with pytest.raises(vbhc.InputError) as exc:
        vbhc.parse(path)
    assert "ảnh" in exc.value.reason or "Tesseract" in exc.value.reason


def test_huge_text_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "lon.txt"
    with path.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # 50 MB, sparse: the parser must refuse it from its size
    with pytest.raises(vbhc.InputTooLargeError) as exc:
        vbhc.parse(path)
    assert "50.0 MB" in exc.value.reason


def test_text_with_no_trace_of_a_document(tmp_text):
    path = tmp_text("tho.txt", "Hôm nay trời đẹp.\nChúng tôi đi chơi công viên và ăn kem.\n")
    with pytest.raises(vbhc.NotADocumentError) as exc:
        vbhc.parse(path)
    assert "không phải văn bản hành chính" in exc.value.reason


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(vbhc.UnreadableInputError):
        vbhc.parse_file(tmp_path / "khong-co.txt")
    with pytest.raises(vbhc.UnreadableInputError):
        vbhc.parse_file(tmp_path)


def test_corrupt_zip_named_docx(tmp_text):
    path = tmp_text("ke-hoach.docx", b"PK\x03\x04 not really a docx")
    with pytest.raises(vbhc.InputError) as exc:
        vbhc.parse_file(path)
    assert "nén" in exc.value.reason


def _cp1258(text: str) -> bytes:
    """Encode as Windows-1258 writes Vietnamese: base letter, then a combining tone mark."""
    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            decomposed = unicodedata.normalize("NFD", ch)
            try:
                out += decomposed.encode("cp1258")
            except UnicodeEncodeError:
                out += (unicodedata.normalize("NFC", decomposed[:2]) + decomposed[2:]).encode("cp1258")
    return out


def test_windows_1258_text_is_decoded(tmp_text):
    text = "Số: 12/KH-UBND\nKẾ HOẠCH\nThi đua năm 2025\n"
    path = tmp_text("cp1258.txt", _cp1258(text))
    plan = vbhc.parse(path)
    assert plan.number == "12/KH-UBND" and plan.doc_type == "KE_HOACH"


def test_utf16_with_bom_is_decoded(tmp_text):
    path = tmp_text("utf16.txt", "Số: 12/KH-UBND\nKẾ HOẠCH\nThi đua năm 2025\n".encode("utf-16"))
    assert vbhc.parse(path).number == "12/KH-UBND"


def test_batch_goes_on_past_bad_files(tmp_text):
    empty = tmp_text("rong.txt", "")
    binary = tmp_text("nhi-phan.txt", b"\x00\x01\x02" * 100)
    good = sorted(CORPUS.glob("*.txt"))[:2]
    run = run_vbhc("parse", "--format", "json", str(empty), str(good[0]), str(binary), str(good[1]))
    assert run.returncode == 3
    plans = json.loads(run.stdout)
    assert [p["source"] for p in plans] == [str(good[0]), str(good[1])]
    assert "Traceback" not in run.stderr
    errors = [line for line in run.stderr.splitlines() if "lỗi" in line and ".txt" in line]
    assert any(str(empty) in line for line in errors) and any(str(binary) in line for line in errors)
    assert "2 đọc được, 2 lỗi" in run.stderr


def test_single_bad_file_gives_one_line_and_no_traceback(tmp_text):
    path = tmp_text("rong.txt", "")
    run = run_vbhc("parse", str(path))
    assert run.returncode == 3
    assert run.stdout == ""
    lines = [line for line in run.stderr.splitlines() if line.strip()]
    assert lines[0].startswith("vbhc: lỗi: ") and str(path) in lines[0]
    assert "Traceback" not in run.stderr
