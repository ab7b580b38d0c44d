"""Legacy font encodings (TCVN3 / ABC, VNI): detection and conversion to Unicode."""
from __future__ import annotations

import tomllib
import unicodedata
from importlib import resources

import pytest
from conftest import CORPUS

from vbhc.vn.legacy import ENCODINGS, convert_legacy, detect_legacy

SENTENCES = [
    "Kế hoạch phát động phong trào thi đua cải cách hành chính năm 2025",
    "Ủy ban nhân dân tỉnh Cần Thơ",
    "Cộng hòa xã hội chủ nghĩa Việt Nam",
    "Độc lập - Tự do - Hạnh phúc",
    "Quyết định về việc khen thưởng tập thể và cá nhân có thành tích xuất sắc",
    "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022; Nghị định số 98/2023/NĐ-CP",
    "Ông Nguyễn Văn Ước, Phó Chủ tịch Ủy ban nhân dân huyện Ứng Hòa, được tặng Bằng khen",
    "những người lính ở thượng nguồn sông Hương khuyên giữ gìn ruộng vườn, quyển sổ ấy",
]

PARAGRAPH = (
    "Thực hiện Quyết định số 4168/QĐ-UBND ngày 27 tháng 12 năm 2021 về ban hành Kế hoạch cải cách\n"
    "hành chính thành phố giai đoạn 2021 - 2025, Ủy ban nhân dân thành phố ban hành Kế hoạch phát động\n"
    "phong trào thi đua đẩy mạnh công tác cải cách hành chính nhà nước trên địa bàn như sau:\n"
    "1. Mục đích: tạo chuyển biến mạnh mẽ về kỷ luật, kỷ cương hành chính của cán bộ, công chức.\n"
)


def _table(name: str) -> dict:
    with resources.files("vbhc.data").joinpath(f"legacy_{name}.toml").open("rb") as fh:
        return tomllib.load(fh)


def _inverse_tcvn3() -> dict[str, str]:
    data = _table("tcvn3")
    inverse = {uni: legacy for legacy, uni in data["lower"].items()}
    # A capital with marks has no slot of its own: an H font shows the lower-case slot.
    inverse.update({uni.upper(): legacy for legacy, uni in data["lower"].items() if uni.upper() not in data["upper"].values()})
    inverse.update({uni: legacy for legacy, uni in data["upper"].items()})
    return inverse


def _inverse_vni() -> dict[str, str]:
    return {uni: legacy for legacy, uni in _table("vni")["map"].items()}


def to_tcvn3(text: str) -> str:
    inverse = _inverse_tcvn3()
    return "".join(inverse.get(c, c) for c in unicodedata.normalize("NFC", text))


def to_vni(text: str) -> str:
    inverse = _inverse_vni()
    return "".join(inverse.get(c, c) for c in unicodedata.normalize("NFC", text))


def tcvn3_reading(text: str) -> str:
    """What TCVN3 keeps of ``text``: capitals with marks (other than Ă Â Ê Ô Ơ Ư Đ) turn lower case."""
    keep = set("ĂÂÊÔƠƯĐ")
    return "".join(
        c.lower() if c.isupper() and not c.isascii() and c not in keep else c
        for c in unicodedata.normalize("NFC", text)
    )


# --- the tables ---------------------------------------------------------------


def test_tables_cover_every_vietnamese_letter():
    tcvn3, vni = _table("tcvn3"), _table("vni")["map"]
    assert len(tcvn3["lower"]) == 67 and len(tcvn3["upper"]) == 7
    assert sorted(tcvn3["upper"].values()) == sorted("ĂÂĐÊÔƠƯ")
    # 67 lower-case letters with marks (incl. đ) + 7 capitals; VNI: all 134 but ì í Ì Í (same in both).
    assert len(set(tcvn3["lower"].values())) == 67
    assert len(vni) == 130 and len(set(vni.values())) == 130
    for value in [*tcvn3["lower"].values(), *tcvn3["upper"].values(), *vni.values()]:
        assert unicodedata.is_normalized("NFC", value) and len(value) == 1


def test_table_keys_are_latin1_readings():
    for key in [*_table("tcvn3")["lower"], *_table("tcvn3")["upper"], *_table("vni")["map"]]:
        assert all(ord(c) < 0x100 for c in key)
        assert not key.isascii()


# --- TCVN3 --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("legacy", "unicode"),
    [
        ("B¸o c¸o tµi chÝnh", "Báo cáo tài chính"),
        ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam"),
        ("§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc"),
        ("Ninh B×nh", "Ninh Bình"),
        ("B¶o Th¾ng", "Bảo Thắng"),
        ("B¸t X¸t", "Bát Xát"),
        ("M\u00adêng Kh\u00ad¬ng", "Mường Khương"),  # ư is the soft hyphen slot 0xAD
    ],
)
def test_tcvn3_literals(legacy: str, unicode: str):
    assert convert_legacy(legacy, "tcvn3") == unicode


@pytest.mark.parametrize("sentence", SENTENCES)
def test_tcvn3_round_trip(sentence: str):
    legacy = to_tcvn3(sentence)
    assert legacy != sentence
    assert legacy.isascii() is False and all(ord(c) < 0x100 for c in legacy)
    assert convert_legacy(legacy, "tcvn3") == tcvn3_reading(sentence)


def test_tcvn3_lower_case_sentences_round_trip_exactly():
    sentence = "kế hoạch phát động phong trào thi đua cải cách hành chính năm 2025 của tỉnh Cần Thơ"
    assert convert_legacy(to_tcvn3(sentence), "tcvn3") == sentence


def test_tcvn3_dedicated_capitals_keep_their_case():
    assert convert_legacy("§iÒu 1. ¡n ¢u £m ¤ng ¥n ¦u", "tcvn3") == "Điều 1. Ăn Âu Êm Ông Ơn Ưu"
    assert convert_legacy("®iÒu ¨n ©u ªm «ng ¬n \u00adu", "tcvn3") == "điều ăn âu êm ông ơn ưu"


def test_tcvn3_shared_slots_read_lower_case_unless_the_word_is_in_capitals():
    # "B¸o" may be "Báo" or an H-font "BÁO": undecidable, so the lower-case reading.
    assert convert_legacy("B¸o", "tcvn3") == "Báo"
    # Typed with capitals around the marked letter: only an H font shows that sensibly.
    assert convert_legacy("CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM", "tcvn3") == "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert convert_legacy("ñY BAN NH¢N D¢N", "tcvn3") == "ỦY BAN NHÂN DÂN"
    assert convert_legacy("QUYÕT §ÞNH", "tcvn3") == "QUYẾT ĐỊNH"
    # Upper-case ASCII elsewhere on the line is no evidence for a title-case word.
    assert convert_legacy("Sè: 263/KH-UBND", "tcvn3") == "Số: 263/KH-UBND"
    assert convert_legacy("UBND X· T©n H\u00adng", "tcvn3") == "UBND Xã Tân Hưng"


def test_tcvn3_all_caps_paragraph_round_trips():
    sentence = "ỦY BAN NHÂN DÂN TỈNH CẦN THƠ\nKẾ HOẠCH PHÁT ĐỘNG PHONG TRÀO THI ĐUA"
    assert convert_legacy(to_tcvn3(sentence), "tcvn3") == sentence


# --- VNI ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("legacy", "unicode"),
    [
        ("Vieät Nam", "Việt Nam"),
        ("Baùo caùo", "Báo cáo"),
        ("Xin chaøo caùc baïn", "Xin chào các bạn"),
        ("ñoàng chí Ñaëng", "đồng chí Đặng"),
        ("COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        ("Möôøng Khöông, Thöøa Thieân Hueá", "Mường Khương, Thừa Thiên Huế"),
    ],
)
def test_vni_literals(legacy: str, unicode: str):
    assert convert_legacy(legacy, "vni") == unicode


@pytest.mark.parametrize("sentence", [*SENTENCES, PARAGRAPH, PARAGRAPH.upper()])
def test_vni_round_trip_is_exact(sentence: str):
    legacy = to_vni(sentence)
    assert legacy != sentence and all(ord(c) < 0x100 for c in legacy)
    assert convert_legacy(legacy, "vni") == sentence


def test_vni_decomposed_input_is_read_as_composed():
    legacy = unicodedata.normalize("NFD", to_vni("Cần Thơ được khen thưởng"))
    assert convert_legacy(legacy, "vni") == "Cần Thơ được khen thưởng"


# --- conversion in general ----------------------------------------------------


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_output_is_nfc_and_unknown_characters_pass_through(encoding: str):
    text = "Số 12 – “ABC” ; 100% € ✓ 漢字"
    out = convert_legacy(text, encoding)
    assert unicodedata.is_normalized("NFC", out)
    assert out == unicodedata.normalize("NFC", text)


def test_encoding_name_is_checked():
    assert convert_legacy("B¸o c¸o", " TCVN3 ") == "Báo cáo"
    with pytest.raises(ValueError, match="unknown legacy encoding"):
        convert_legacy("B¸o c¸o", "viscii")


# --- detection ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Plain ASCII text about the annual report, 2025.",
        "The café serves crème brûlée; naïve Müller paid 5 € — © 2024 Straße, señor, año, où, à, très.",
        "Le ministère a publié un rapport détaillé sur l'économie française à Paris.",
        "Die Größe des Gebäudes überrascht München; Bürgermeister Jürgen Köhler äußerte sich.",
        "São Paulo não é a capital; a população está em crescimento, irmã, irmão, mãe, pão, coração.",
        "Ærøskøbing på Ærø er en lille by. Åse og Øystein bor i Tromsø. Þingvellir, Ísland, Reykjavík.",
        "Filter 5 µm and 10 µm, 20 µm pores; 10×20 cm, 5½ in, 25 °C, § 3, ± 5 %, « quoted », café·bar",
        "Nhà có cá, là bà và mè",  # Unicode Vietnamese with only Latin-1 letters
        *SENTENCES,
        PARAGRAPH,
        PARAGRAPH.upper(),
    ],
)
def test_detect_none(text: str):
    assert detect_legacy(text) is None


def test_detect_none_on_the_corpus():
    paths = sorted(CORPUS.glob("*.txt"))
    assert paths
    for path in paths:
        assert detect_legacy(path.read_text(encoding="utf-8")) is None, path.name


@pytest.mark.parametrize("text", [PARAGRAPH, PARAGRAPH.upper(), SENTENCES[0], SENTENCES[4], "\n".join(SENTENCES)])
def test_detect_tcvn3(text: str):
    assert detect_legacy(to_tcvn3(text)) == "tcvn3"


@pytest.mark.parametrize("text", [PARAGRAPH, PARAGRAPH.upper(), SENTENCES[0], SENTENCES[4], "\n".join(SENTENCES)])
def test_detect_vni(text: str):
    assert detect_legacy(to_vni(text)) == "vni"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("B¸o c¸o tµi chÝnh", "tcvn3"),
        ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "tcvn3"),
        ("Baùo caùo taøi chính", "vni"),
        ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "vni"),
    ],
)
def test_detect_literals(text: str, expected: str):
    assert detect_legacy(text) == expected


def test_detect_then_convert_a_legacy_document_with_a_unicode_heading():
    body = "\n".join([PARAGRAPH] * 3)
    text = "Cần Thơ, ngày 29 tháng 12 năm 2021\n" + to_tcvn3(body)
    assert detect_legacy(text) == "tcvn3"
    assert convert_legacy(to_tcvn3(body), "tcvn3") == tcvn3_reading(body)


def test_mostly_unicode_text_with_a_stray_legacy_phrase_is_unicode():
    text = PARAGRAPH + "Ghi chú: B¸o c¸o\n"
    assert detect_legacy(text) is None
