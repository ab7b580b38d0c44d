"""A synthetic corpus of Kế hoạch (emulation campaign plans) as text, made with vbhc's own generator.

Usage: python benchmarks/synth_corpus.py OUT_DIR N [--seed S] [--bases B] [--broken K]

``vbhc corpus build`` has to be measured, and tested, on folders of thousands of files,
while the bundled corpus holds a handful. This script makes as many as needed:

1. ``bases`` distinct plans are drawn with ``random.Random(seed)``: an issuer (Ủy ban nhân
   dân of a province, district or commune from :func:`vbhc.gazetteer.units`, of the era in
   force on the issue date: three tiers before 1 July 2025, two after; now and then its
   Hội đồng Thi đua - Khen thưởng), a number, an issue date in 2019–2026, a title
   ("Phát động phong trào thi đua … năm YYYY"), the campaign period, award quotas fit
   for the issuer's tier, deadlines, the law and decree in force on the date
   (:mod:`vbhc.award_law`), recipients and a signer. About a third are given as fields only
   and laid out by the generator in its standard sections; the rest carry full paragraphs
   (mục đích, nội dung, tiêu chuẩn, tổ chức thực hiện) that the generator prints as given.
2. Each is rendered to .docx by :func:`vbhc.generate.render.render_docx_bytes` (the slow
   part, once per base) and read back to text in memory with :mod:`vbhc.readers.docx`.
3. ``n`` text files (UTF-8, NFC) are written, ``out_dir/000/plan_00000.txt`` … in folders of
   1,000: each a base with its number's sequence and the day of its issue date redrawn, so
   that no two files have the same content and each stays a valid plan.
4. ``broken`` unreadable files are added among them (empty, binary junk, a .docx that is
   no zip or a cut-off one, a cut-off PDF): each makes :func:`vbhc.parse_file` raise an
   :class:`vbhc.errors.InputError`.

The result is deterministic for a given (n, seed, bases, broken).
"""
from __future__ import annotations

import argparse
import datetime as dt
import io
import random
import re
import sys
import time
import unicodedata
import zipfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import docx

from vbhc.award_law import decree_in_force, form_for
from vbhc.gazetteer import Unit, units
from vbhc.generate.context import quota_text
from vbhc.generate.inputs import plan_from_dict
from vbhc.generate.render import render_docx_bytes
from vbhc.model import Quota
from vbhc.readers.docx import docx_source
from vbhc.vn.formatting import format_count, format_date_short, format_number_line, format_place_date

__all__ = ["make_corpus"]

#: Files per subfolder of ``out_dir``.
FOLDER_SIZE = 1000
#: Number sequences a variant may take (1 … MAX_SEQ) and days of the month (1 … 28, valid in every month).
MAX_SEQ = 999
DAYS = 28
#: The day the 1 July 2025 reorganisation took effect: two tiers of local government from then on.
REFORM = dt.date(2025, 7, 1)

# ------------------------------------------------------------------ vocabulary

_SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
             "Dương", "Lý"]
_MIDDLE = ["Văn", "Thị", "Hữu", "Minh", "Thanh", "Quốc", "Đức", "Ngọc", "Thành", "Xuân", "Hoàng", "Kim"]
_GIVEN = ["An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hùng", "Hương", "Lan", "Long", "Mai", "Nam", "Phong", "Phúc",
          "Quang", "Sơn", "Tâm", "Thắng", "Thảo", "Trung", "Tuấn", "Việt", "Vinh", "Yến"]

#: Campaign themes: the title's phrase and the contents (nội dung thi đua) of the plan.
_THEMES: list[tuple[str, list[str]]] = [
    ("thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội", [
        "Thi đua hoàn thành vượt mức các chỉ tiêu phát triển kinh tế - xã hội, quốc phòng, an ninh được giao",
        "Đẩy mạnh thu ngân sách, thực hành tiết kiệm, chống lãng phí",
        "Chăm lo đời sống vật chất, tinh thần của Nhân dân, thực hiện tốt các chính sách an sinh xã hội"]),
    ("đẩy mạnh cải cách hành chính", [
        "Nâng cao chất lượng giải quyết thủ tục hành chính, không để hồ sơ trễ hạn",
        "Thực hiện tốt cơ chế một cửa, một cửa liên thông; tăng tỷ lệ hồ sơ trực tuyến toàn trình",
        "Siết chặt kỷ luật, kỷ cương hành chính, nâng cao đạo đức công vụ"]),
    ("chung sức xây dựng nông thôn mới", [
        "Huy động các nguồn lực xây dựng kết cấu hạ tầng nông thôn",
        "Phát triển sản xuất, nâng cao thu nhập cho người dân nông thôn",
        "Giữ gìn cảnh quan, môi trường xanh - sạch - đẹp"]),
    ("chuyển đổi số và xây dựng chính quyền số", [
        "Đẩy mạnh ứng dụng công nghệ thông tin trong hoạt động của cơ quan nhà nước",
        "Phổ cập kỹ năng số cho người dân thông qua các Tổ công nghệ số cộng đồng",
        "Tăng tỷ lệ thanh toán không dùng tiền mặt và sử dụng dịch vụ công trực tuyến"]),
    ("cả nước chung tay vì người nghèo - không để ai bị bỏ lại phía sau", [
        "Hỗ trợ hộ nghèo, hộ cận nghèo phát triển sinh kế, thoát nghèo bền vững",
        "Vận động xây dựng, sửa chữa nhà ở cho hộ nghèo, gia đình chính sách",
        "Thực hiện đầy đủ, kịp thời các chính sách giảm nghèo"]),
    ("toàn dân bảo vệ an ninh Tổ quốc", [
        "Xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc vững mạnh",
        "Phòng ngừa, đấu tranh với các loại tội phạm và tệ nạn xã hội",
        "Xây dựng khu dân cư an toàn về an ninh, trật tự"]),
    ("bảo đảm trật tự, an toàn giao thông", [
        "Tuyên truyền, phổ biến pháp luật về trật tự, an toàn giao thông",
        "Giảm số vụ tai nạn giao thông trên cả ba tiêu chí",
        "Xử lý nghiêm các hành vi vi phạm về trật tự, an toàn giao thông"]),
    ("toàn dân đoàn kết xây dựng đời sống văn hóa", [
        "Xây dựng gia đình văn hóa, khu dân cư văn hóa, cơ quan đạt chuẩn văn hóa",
        "Thực hiện nếp sống văn minh trong việc cưới, việc tang và lễ hội",
        "Phát triển phong trào thể dục, thể thao quần chúng"]),
    ("dạy tốt - học tốt", [
        "Đổi mới phương pháp dạy học, nâng cao chất lượng giáo dục toàn diện",
        "Xây dựng trường học xanh - sạch - đẹp - an toàn",
        "Huy động trẻ em trong độ tuổi ra lớp, giảm tỷ lệ học sinh bỏ học"]),
    ("xây dựng đô thị văn minh", [
        "Chỉnh trang đô thị, giữ gìn vệ sinh môi trường, trật tự lòng đường, vỉa hè",
        "Phát triển mảng xanh, công viên, khu vui chơi công cộng",
        "Xây dựng tuyến phố văn minh, khu phố kiểu mẫu"]),
    ("lao động giỏi, lao động sáng tạo", [
        "Phát huy sáng kiến, cải tiến kỹ thuật, hợp lý hóa sản xuất",
        "Nâng cao năng suất, chất lượng, hiệu quả công việc",
        "Bảo đảm an toàn, vệ sinh lao động"]),
    ("cao điểm lập thành tích chào mừng Đại hội Đảng bộ các cấp", [
        "Hoàn thành sớm các chỉ tiêu, nhiệm vụ trọng tâm trước kỳ Đại hội",
        "Khởi công, hoàn thành các công trình, dự án chào mừng Đại hội",
        "Tuyên truyền sâu rộng về Đại hội trong cán bộ, đảng viên và Nhân dân"]),
]

_PURPOSES = [
    "Phát huy tinh thần yêu nước, ý chí tự lực, tự cường của cán bộ, công chức, viên chức, người lao động và Nhân dân",
    "Động viên các tập thể, cá nhân hăng hái thi đua, hoàn thành xuất sắc nhiệm vụ được giao",
    "Kịp thời phát hiện, biểu dương, khen thưởng và nhân rộng các điển hình tiên tiến",
]
_REQUIREMENTS = [
    "Phong trào thi đua phải được tổ chức thiết thực, hiệu quả, tránh hình thức, phô trương",
    "Việc khen thưởng phải bảo đảm chính xác, công khai, công bằng, kịp thời, đúng quy định",
    "Gắn phong trào thi đua với việc thực hiện nhiệm vụ chính trị của từng cơ quan, đơn vị",
]


@dataclass(frozen=True)
class _Issuer:
    """Who issues a base plan, and the words its tier uses."""

    unit: Unit
    tier: str            # "tinh", "huyen" or "xa"
    issuer: str          # ỦY BAN NHÂN DÂN HUYỆN LỘC NINH
    parent: str | None   # the cơ quan chủ quản (over a Hội đồng Thi đua - Khen thưởng)
    short: str           # UBND huyện Lộc Ninh
    place: str           # Lộc Ninh
    symbol: str          # KH-UBND


@dataclass
class _Base:
    """A rendered base plan as text, cut around its number line and its place-date line."""

    head: str
    middle: str
    tail: str
    symbol: str
    place: str
    year: int
    month: int


# ------------------------------------------------------------------ drawing a plan


def _unit_word(unit: Unit) -> str:
    """The unit's kind in lower case as running text prints it ("tỉnh", "thành phố", "xã")."""
    return unit.kind.lower()


@dataclass(frozen=True)
class _Pools:
    """The gazetteer's units usable as issuers, by era and tier."""

    by: dict[tuple[str, str], tuple[Unit, ...]]


@cache
def _pools() -> _Pools:
    kinds = {"Tỉnh", "Thành phố", "Huyện", "Quận", "Thị xã", "Xã", "Phường", "Thị trấn"}
    by: dict[tuple[str, str], list[Unit]] = {}
    for u in units():
        if u.kind in kinds and u.name:
            by.setdefault((u.era, u.level), []).append(u)
    return _Pools({k: tuple(v) for k, v in by.items()})


def _draw_issuer(rng: random.Random, pools: _Pools, on: dt.date) -> _Issuer:
    era = "2025" if on >= REFORM else "legacy"
    tiers = ["tinh", "xa"] if era == "2025" else ["tinh", "huyen", "xa"]
    tier = rng.choice(tiers)
    unit = rng.choice(pools.by[(era, tier)])
    word = _unit_word(unit)
    name = f"{word} {unit.name}"
    if tier != "xa" and rng.random() < 0.15:
        issuer = f"HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG {name.upper()}"
        short = f"Hội đồng Thi đua - Khen thưởng {name}"
        return _Issuer(unit, tier, issuer, f"UBND {name.upper()}", short, unit.name, "KH-HĐTĐKT")
    return _Issuer(unit, tier, f"ỦY BAN NHÂN DÂN {name.upper()}", None, f"UBND {name}", unit.name, "KH-UBND")


def _person(rng: random.Random) -> str:
    return f"{rng.choice(_SURNAMES)} {rng.choice(_MIDDLE)} {rng.choice(_GIVEN)}"


def _province_word(unit: Unit, pools: _Pools) -> str:
    """"tỉnh" or "thành phố" for the province ``unit`` belongs to."""
    for u in pools.by.get((unit.era, "tinh"), ()):
        if u.name == unit.province:
            return _unit_word(u)
    return "tỉnh"


def _conferrers(who: _Issuer, pools: _Pools, on: dt.date) -> dict[str, str]:
    """The conferring authorities above and at the issuer's tier, by role."""
    province = f"Chủ tịch UBND {_province_word(who.unit, pools)}"
    own = f"Chủ tịch UBND {_unit_word(who.unit)}"
    out = {"province": province}
    if who.tier == "huyen":
        out["own"] = own
    elif who.tier == "xa":
        if on < REFORM:
            out["district"] = "Chủ tịch UBND huyện"
        if on >= dt.date(2024, 1, 1):  # Luật 2022: the commune's chairman confers Giấy khen
            out["own"] = own
    return out


def _quotas(rng: random.Random, who: _Issuer, pools: _Pools, on: dt.date, span: str | None) -> list[dict[str, Any]]:
    """One to four award quotas fit for the issuer's tier (and one for the whole period when it spans years)."""
    conf = _conferrers(who, pools, on)
    scope = rng.choice(["hàng năm", None, None])
    out: list[dict[str, Any]] = []
    if who.tier == "tinh":
        out.append({"award": "Cờ thi đua", "conferrer": f"UBND {_province_word(who.unit, pools)}",
                    "collectives": rng.randint(1, 3), "max": rng.random() < 0.5})
        out.append({"award": "Bằng khen", "conferrer": conf["province"], "collectives": rng.randint(3, 12),
                    "individuals": rng.randint(5, 25), "scope": scope})
        if rng.random() < 0.5:
            out.append({"award": "Bằng khen", "conferrer": "Thủ tướng Chính phủ", "collectives": rng.randint(1, 2),
                        "individuals": rng.randint(1, 3), "max": True})
    elif who.tier == "huyen":
        out.append({"award": "Bằng khen", "conferrer": conf["province"], "collectives": rng.randint(1, 3),
                    "individuals": rng.randint(1, 5), "max": rng.random() < 0.5})
        out.append({"award": "Giấy khen", "conferrer": conf["own"], "collectives": rng.randint(3, 10),
                    "individuals": rng.randint(5, 20), "scope": scope})
    else:
        if "district" in conf:
            out.append({"award": "Giấy khen", "conferrer": conf["district"], "collectives": rng.randint(1, 3),
                        "individuals": rng.randint(1, 5), "max": rng.random() < 0.5})
        else:
            out.append({"award": "Bằng khen", "conferrer": conf["province"], "collectives": rng.randint(1, 2),
                        "individuals": rng.randint(1, 3), "max": True})
        if "own" in conf:
            out.append({"award": "Giấy khen", "conferrer": conf["own"], "collectives": rng.randint(2, 6),
                        "individuals": rng.randint(3, 10), "scope": scope})
    if span:
        total = dict(out[-1])
        total.update(scope=f"tổng kết giai đoạn {span}", collectives=total.get("collectives", 1) * 2,
                     individuals=(total.get("individuals") or 2) * 2, max=False)
        out.append(total)
    return out


def _receiver(who: _Issuer, on: dt.date) -> str:
    if who.tier == "tinh":
        return "Sở Nội vụ" if on >= REFORM else "Sở Nội vụ (qua Ban Thi đua - Khen thưởng)"
    if who.tier == "huyen":
        return f"Phòng Nội vụ {_unit_word(who.unit)}"
    return f"Văn phòng HĐND và UBND {_unit_word(who.unit)}"


def _recipients(rng: random.Random, who: _Issuer, pools: _Pools, on: dt.date) -> list[str]:
    province = f"UBND {_province_word(who.unit, pools)} {who.unit.province}"
    if who.tier == "tinh":
        lower = "UBND các xã, phường, đặc khu" if on >= REFORM else "UBND các huyện, thị xã, thành phố"
        items = ["Ban Thi đua - Khen thưởng Trung ương (b/c)", "Thường trực Tỉnh ủy (b/c)",
                 "Thường trực HĐND tỉnh (b/c)",
                 "Chủ tịch, các PCT UBND tỉnh", "Các sở, ban, ngành tỉnh", lower]
    elif who.tier == "huyen":
        items = ["Ban Thi đua - Khen thưởng tỉnh (b/c)", f"Sở Nội vụ {who.unit.province}",
                 "TT Huyện ủy, TT HĐND huyện (b/c)",
                 "CT, các PCT UBND huyện", "Các phòng, ban, ngành huyện", "UBND các xã, thị trấn"]
    else:
        upper = province if on >= REFORM else "UBND huyện (b/c)"
        word = _unit_word(who.unit)
        items = [upper, f"Đảng ủy, HĐND {word} (b/c)", f"CT, PCT UBND {word}", f"Các ban, ngành, đoàn thể {word}",
                 "Các thôn, ấp, khu phố"]
    keep = items[: rng.randint(3, len(items))]
    return [*keep, rng.choice(["Lưu: VT", "Lưu: VT, NV", "Lưu: VT, TĐKT"])]


def _signer(rng: random.Random) -> dict[str, Any]:
    if rng.random() < 0.5:
        return {"signer_name": _person(rng), "signer_title": "CHỦ TỊCH", "signing_authority": "TM."}
    return {"signer_name": _person(rng), "signer_title": "PHÓ CHỦ TỊCH", "signing_authority": "KT."}


def _references(rng: random.Random, who: _Issuer, pools: _Pools, on: dt.date) -> list[str]:
    """The căn cứ: the law and decree in force on ``on``, and a plan of the tier above."""
    law, decree = decree_in_force(on, "luat").cite(), decree_in_force(on, "nghi_dinh").cite()
    earlier = dt.date(on.year, rng.randint(1, on.month - 1), rng.randint(1, 28))
    if who.tier == "tinh":
        parent = (f"Kế hoạch số {rng.randint(10, 300)}/KH-BTĐKT ngày {format_date_short(earlier)} "
                  "của Ban Thi đua - Khen thưởng Trung ương")
    else:
        parent = (f"Kế hoạch số {rng.randint(10, 400)}/KH-UBND ngày {format_date_short(earlier)} "
                  f"của UBND {_province_word(who.unit, pools)} {who.unit.province}")
    return [law, decree, parent]


def _period_end(year: int, title_span: str | None) -> str:
    return f"{title_span.rsplit(' ', 1)[-1]}-12-31" if title_span else f"{year}-12-31"


def _draw(rng: random.Random, pools: _Pools) -> tuple[dict[str, Any], _Issuer]:
    """The data of one base plan (the shape of ``Plan.to_dict()``) and its issuer."""
    year = rng.randint(2019, 2026)
    month = rng.randint(2, 9)
    on = dt.date(year, month, rng.randint(1, DAYS))
    who = _draw_issuer(rng, pools, on)
    theme, contents = rng.choice(_THEMES)
    span = None
    if year % 5 == 1 and rng.random() < 0.5:  # 2021 - 2025, 2026 - 2030
        span = f"{year} - {year + 4}"
    when = f"giai đoạn {span}" if span else f"năm {year}"
    where = f" trên địa bàn {_unit_word(who.unit)} {who.unit.name}" if rng.random() < 0.5 else ""
    title = f"Phát động phong trào thi đua {theme}{where} {when}"
    receiver = _receiver(who, on)
    recurring = rng.random() < 0.3
    deadline = (
        {"what": f"các cơ quan, đơn vị gửi hồ sơ đề nghị khen thưởng về {receiver}", "date": "--11-30",
         "text": "trước ngày 30 tháng 11 hàng năm"}
        if recurring else
        {"what": f"các cơ quan, đơn vị gửi hồ sơ đề nghị khen thưởng về {receiver}",
         "date": dt.date(year, rng.randint(month + 2, 12), rng.randint(1, 28)).isoformat()}
    )
    data: dict[str, Any] = {
        "doc_type": "KE_HOACH",
        "number": f"{rng.randint(1, MAX_SEQ)}/{who.symbol}",
        "issue_date": on.isoformat(),
        "place": who.place,
        "issuer": who.issuer,
        "parent_issuer": who.parent,
        "title": title,
        **_signer(rng),
        "references": _references(rng, who, pools, on),
        "campaign_period": {"start": f"{year}-{month:02d}", "end": _period_end(year, span)},
        "quotas": _quotas(rng, who, pools, on, span),
        "deadlines": [deadline],
        "recipients": _recipients(rng, who, pools, on),
        "targets": [
            {"kind": "collective", "text": f"Các cơ quan, đơn vị, địa phương thuộc {who.short}"},
            {"kind": "individual", "text": "Cán bộ, công chức, viên chức, người lao động và Nhân dân trên địa bàn"},
        ],
        "criteria": [
            {"applies_to": "collective", "scope": None,
             "text": "Hoàn thành xuất sắc các chỉ tiêu, nhiệm vụ của phong trào thi đua"},
            {"applies_to": "individual", "scope": None,
             "text": "Có thành tích tiêu biểu, xuất sắc, được tập thể suy tôn"},
        ],
        "dossier": [
            {"item": "Tờ trình đề nghị khen thưởng", "copies": 1},
            {"item": "Báo cáo thành tích", "copies": rng.choice([1, 2, 3]),
             "form_ref": form_for("bao_cao_chuyen_de", on).citation()},
        ],
    }
    if rng.random() < 2 / 3:
        _write_out(data, rng, who, contents, theme)
    return data, who


def _write_out(data: dict[str, Any], rng: random.Random, who: _Issuer, contents: list[str], theme: str) -> None:
    """Give the plan full paragraphs (preamble and section texts): the generator prints them as given."""
    verb = rng.choice(["Căn cứ", "Thực hiện"])
    refs = data.pop("references")
    preamble = [f"{verb if k < 2 else 'Thực hiện'} {r};" for k, r in enumerate(refs)]
    body = who.short[0].upper() + who.short[1:]
    preamble.append(f"{body} xây dựng Kế hoạch {data['title'][:1].lower()}{data['title'][1:]}, cụ thể như sau:")
    year = data["issue_date"][:4]
    end = format_date_short(data["campaign_period"]["end"])
    quotas = [quota_text(Quota(**{k: v for k, v in q.items()})) for q in data["quotas"]]
    d = data["deadlines"][0]
    deadline = d.get("text") or f"trước ngày {format_date_short(d['date'])}"
    forms = data["dossier"][1]["form_ref"]
    sections = [
        {"label": "I", "heading": "MỤC ĐÍCH, YÊU CẦU", "children": [
            {"label": "1", "heading": "Mục đích", "text": [f"- {p};" for p in rng.sample(_PURPOSES, 2)]},
            {"label": "2", "heading": "Yêu cầu", "text": [f"- {p}." for p in rng.sample(_REQUIREMENTS, 2)]},
        ]},
        {"label": "II", "heading": "ĐỐI TƯỢNG, NỘI DUNG VÀ THỜI GIAN THI ĐUA", "children": [
            {"label": "1", "heading": "Đối tượng thi đua", "text": [f"- {t['text']};" for t in data["targets"]]},
            {"label": "2", "heading": "Nội dung thi đua", "text": [f"- {c};" for c in contents]},
            {"label": "3", "heading": "Thời gian thi đua",
             "text": [f"Thời gian thi đua: từ ngày ban hành Kế hoạch đến hết ngày {end}."]},
        ]},
        {"label": "III", "heading": "TIÊU CHUẨN, HÌNH THỨC VÀ SỐ LƯỢNG KHEN THƯỞNG", "children": [
            {"label": "1", "heading": "Tiêu chuẩn khen thưởng", "text": [f"- {c['text']};" for c in data["criteria"]]},
            {"label": "2", "heading": "Hình thức và số lượng khen thưởng", "text": [f"- {q}" for q in quotas]},
        ]},
        {"label": "IV", "heading": "HỒ SƠ VÀ THỜI HẠN ĐỀ NGHỊ KHEN THƯỞNG", "text": [
            f"- Tờ trình đề nghị khen thưởng: {format_count(1, 'bản')};",
            f"- Báo cáo thành tích ({forms}): {format_count(data['dossier'][1]['copies'], 'bản')};",
            f"- {d['what'][:1].upper()}{d['what'][1:]} {deadline}.",
        ]},
        {"label": "V", "heading": "TỔ CHỨC THỰC HIỆN", "text": [
            f"- {_receiver(who, dt.date.fromisoformat(data['issue_date']))} chủ trì, phối hợp các cơ quan, đơn vị "
            f"hướng dẫn, theo dõi, đôn đốc việc triển khai phong trào thi đua {theme} năm {year}; tổng hợp, "
            "tham mưu sơ kết, tổng kết và đề xuất khen thưởng.",
            "- Các cơ quan, đơn vị căn cứ Kế hoạch này xây dựng kế hoạch cụ thể, tổ chức phát động phong trào thi đua "
            "sâu rộng, thiết thực và báo cáo kết quả đúng thời gian quy định./.",
        ]},
    ]
    data["preamble"] = preamble
    data["sections"] = sections


# ------------------------------------------------------------------ rendering and cutting

_NUMBER_LINE = re.compile(r"^Số: \d+/(?P<symbol>\S+)$", re.M)
_DATE_LINE = re.compile(r"^(?P<place>.+), ngày \d+ tháng \d+ năm (?P<year>\d{4})$", re.M)


def _render_text(data: dict[str, Any]) -> str:
    """The plan rendered as a Kế hoạch .docx and read back as text (NFC), all in memory."""
    plan = plan_from_dict(data, "<synth>")
    blob, _ = render_docx_bytes(plan, "ke-hoach")
    source = docx_source(docx.Document(io.BytesIO(blob)), "<synth>.docx")
    return unicodedata.normalize("NFC", source.text.rstrip() + "\n")


def _cut(text: str, month: int) -> _Base:
    """Split a base text around its number line and its place-date line."""
    numbers, dates = list(_NUMBER_LINE.finditer(text)), list(_DATE_LINE.finditer(text))
    if len(numbers) != 1 or len(dates) != 1 or numbers[0].end() > dates[0].start():
        raise RuntimeError("rendered plan lacks one number line followed by one place-date line")
    n, d = numbers[0], dates[0]
    head, middle, tail = text[: n.start()], text[n.end(): d.start()], text[d.end():]
    return _Base(head, middle, tail, n["symbol"], d["place"], int(d["year"]), month)


def _variant(base: _Base, seq: int, day: int) -> str:
    number = format_number_line(seq, base.symbol)
    when = format_place_date(base.place, dt.date(base.year, base.month, day))
    return f"{base.head}{number}{base.middle}{when}{base.tail}"


def _bases(rng: random.Random, count: int) -> list[_Base]:
    pools = _pools()
    seen: set[tuple[str, str, str]] = set()
    out: list[_Base] = []
    while len(out) < count:
        data, _ = _draw(rng, pools)
        key = (data["issuer"], data["title"], data["issue_date"][:7])
        if key in seen:
            continue
        seen.add(key)
        out.append(_cut(_render_text(data), int(data["issue_date"][5:7])))
    return out


# ------------------------------------------------------------------ broken files


def _junk(rng: random.Random, size: int) -> bytes:
    """Binary bytes that no reader takes for text: NUL first, so no magic number matches."""
    return b"\x00" + rng.randbytes(size - 1)


def _fixed_zip(blob: bytes) -> bytes:
    """The same .docx with every member dated 2025-01-01, so that its bytes depend on the seed only."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(blob)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(zipfile.ZipInfo(info.filename, date_time=(2025, 1, 1, 0, 0, 0)), src.read(info))
    return out.getvalue()


def _broken(rng: random.Random, k: int, docx_bytes: bytes) -> tuple[str, bytes]:
    """The suffix and content of the ``k``-th unreadable file (the kinds take turns)."""
    kind = k % 5
    if kind == 0:
        return ".txt", b""                                                   # empty
    if kind == 1:
        return ".docx", _junk(rng, rng.randint(2_000, 20_000))               # not a zip at all
    if kind == 2:
        head = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
        return ".pdf", head + rng.randbytes(rng.randint(500, 5_000))         # cut off, no xref, no trailer
    if kind == 3:
        return ".txt", _junk(rng, rng.randint(1_000, 10_000))                # binary junk
    return ".docx", docx_bytes[: len(docx_bytes) // 3]                       # a zip cut off in the middle


# ------------------------------------------------------------------ public API


def make_corpus(out_dir: Path, n: int, *, seed: int = 0, bases: int = 40, broken: int = 0) -> list[Path]:
    """Write ``n`` distinct plan texts (and ``broken`` unreadable files) under ``out_dir``.

    Good files are ``out_dir/NNN/plan_XXXXX.txt`` (1,000 a folder), broken ones
    ``bad_XXXXX.<ext>`` spread over the same folders. Returns the good paths, then the broken.
    """
    if n < 0 or broken < 0 or bases < 1:
        raise ValueError("n and broken must be ≥ 0, bases ≥ 1")
    if n > bases * MAX_SEQ * DAYS:
        raise ValueError(f"{n} files need more than {bases} bases ({MAX_SEQ * DAYS} variants each)")
    rng = random.Random(seed)
    made = _bases(rng, min(bases, max(n, 1)))
    out_dir = Path(out_dir)
    owners = [i % len(made) for i in range(n)]
    rng.shuffle(owners)
    counts = Counter(owners)
    picks = [iter(rng.sample(range(MAX_SEQ * DAYS), counts[b])) for b in range(len(made))]
    folders = max(1, -(-n // FOLDER_SIZE))
    for f in range(folders):
        (out_dir / f"{f:03d}").mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for i, b in enumerate(owners):
        seq, day = divmod(next(picks[b]), DAYS)
        path = out_dir / f"{i // FOLDER_SIZE:03d}" / f"plan_{i:05d}.txt"
        path.write_bytes(_variant(made[b], seq + 1, day + 1).encode("utf-8"))
        written.append(path)
    if broken:
        sample = _fixed_zip(render_docx_bytes(plan_from_dict(_draw(rng, _pools())[0], "<synth>"), "ke-hoach")[0])
        for k in range(broken):
            suffix, content = _broken(rng, k, sample)
            path = out_dir / f"{k % folders:03d}" / f"bad_{k:05d}{suffix}"
            path.write_bytes(content)
            written.append(path)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    """The command line: write the corpus, print how many files and how long it took."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("n", type=int, help="number of good plan texts")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--bases", type=int, default=40, help="distinct plans rendered with the generator")
    ap.add_argument("--broken", type=int, default=0, help="unreadable files to add")
    args = ap.parse_args(argv)
    start = time.perf_counter()
    paths = make_corpus(args.out_dir, args.n, seed=args.seed, bases=args.bases, broken=args.broken)
    took = time.perf_counter() - start
    print(f"{len(paths)} files ({args.n} plans, {args.broken} broken) in {args.out_dir} in {took:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
