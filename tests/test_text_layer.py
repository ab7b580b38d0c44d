"""The Vietnamese text layer (vbhc.vn) and the normaliser."""
from __future__ import annotations

import re
import unicodedata

import pytest
from conftest import CORPUS

from vbhc.pipeline.anchors import anchors
from vbhc.pipeline.normalise import normalise
from vbhc.vn.text import fold, new_tone_placement


@pytest.mark.parametrize(
    ("old", "new"),
    [("hoà", "hòa"), ("HOÀ", "HÒA"), ("Uỷ ban", "Ủy ban"), ("UỶ BAN", "ỦY BAN"), ("khoẻ", "khỏe"), ("thuỷ lợi", "thủy lợi"), ("Thuỵ", "Thụy")],
)
def test_old_tone_placement_becomes_new(old, new):
    assert new_tone_placement(old) == new


@pytest.mark.parametrize("word", ["hoàn thành", "quý", "Quý", "khuya", "thuyết", "hòa", "oai", "Hoàng"])
def test_words_written_alike_in_both_styles_are_left_alone(word):
    assert new_tone_placement(word) == word


def test_fold_keeps_length_on_every_character_of_the_corpus():
    text = "".join(p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt")))
    text = unicodedata.normalize("NFC", text)
    folded = fold(text)
    assert len(folded) == len(text)
    assert "đ" not in folded and "ư" not in folded and folded == folded.lower()


@pytest.mark.parametrize(
    ("ocr", "anchor"),
    [
        ("Noi nhin:", "noi_nhan"),
        ("Nơi nhận:", "noi_nhan"),
        ("CONG HOA XA HQI CHU NGHIA VIET NAM", "quoc_hieu"),
        ("Péc lap - Tw do - Hanh phiic", "tieu_ngu"),
        ("Độc lập – Tự do – Hạnh phúc", "tieu_ngu"),
    ],
)
def test_anchors_tolerate_ocr_confusions(ocr, anchor):
    assert getattr(anchors(), anchor).search(fold(ocr))


def test_number_anchor_reads_ocr_and_blank_numbers():
    a = anchors()
    m = a.number.match(fold("S6: 50 /KH-UBND Ngd Nam, ngay 23 thang 05 nam 2022"))
    assert m and m.group("seq") == "50"
    m = a.number.match(fold("Số:          /KH-UBND"))
    assert m and m.group("seq") is None
    assert a.number.match(fold("Số lượng: 02 bộ")) is None


def test_markdown_marks_are_removed_but_star_bullets_kept():
    nt = normalise("#### I. MỤC ĐÍCH\n**Nơi nhận:**\n*Lê Thị Anh Tuyết*\n* Trình cấp thành phố:\n")
    assert list(nt.lines) == ["I. MỤC ĐÍCH", "Nơi nhận:", "Lê Thị Anh Tuyết", "* Trình cấp thành phố:"]


def test_double_spaced_export_is_closed_up_and_wraps_joined():
    lines = ["Thực hiện Kế hoạch số 24/KH-UBND ngày 27/01/2021 của UBND thị xã", "về việc thực hiện nhiệm vụ năm 2021."]
    lines += [f"{k}. Mục {k}" for k in range(1, 10)]
    nt = normalise("\n\n".join(lines))
    assert nt.lines[0] == "Thực hiện Kế hoạch số 24/KH-UBND ngày 27/01/2021 của UBND thị xã về việc thực hiện nhiệm vụ năm 2021."
    assert nt.lines[1] == "1. Mục 1"


def test_stray_page_numbers_are_dropped():
    nt = normalise("Căn cứ Luật A;\n2\n- 3 -\nTrang 4\nĐiều 1. Nội dung\n")
    assert list(nt.lines) == ["Căn cứ Luật A;", "Điều 1. Nội dung"]


def test_column_spacing_inside_lines_is_kept():
    nt = normalise("ỦY BAN NHÂN DÂN        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n")
    assert re.search(r"DÂN\s{8}CỘNG", nt.text)
