"""The corpus database's tables and how one plan becomes rows of them.

``documents`` holds one row per parsed file (the plan's scalar fields, derived columns for
grouping, and the whole plan as JSON); each list of the plan has its own table keyed by
``(doc_id, ord)``; ``errors`` holds the files that could not be parsed; ``search`` is the
full-text index. ``SCHEMA_DOC`` describes every column (``vbhc corpus schema`` prints it).
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..award_law import number_key
from ..vn.text import fold, new_tone_placement, nfc
from .place import conferrer_tier, issuer_standing

__all__ = ["CHILD_TABLES", "SCHEMA_DOC", "SCHEMA_VERSION", "TABLES", "DocumentRows", "create_sql", "rows_of", "search_texts"]

#: Bumped when a table or column changes; a database of another version must be rebuilt.
SCHEMA_VERSION = 2

#: table → [(column, SQL type, description)]. The first three of a list table are its key.
_COLUMNS: dict[str, list[tuple[str, str, str]]] = {
    "documents": [
        ("id", "INTEGER PRIMARY KEY", "khóa của văn bản"),
        ("path", "TEXT NOT NULL UNIQUE", "đường dẫn tệp (tương đối với thư mục của cơ sở dữ liệu nếu nằm trong đó)"),
        ("sha256", "TEXT NOT NULL", "SHA-256 của nội dung tệp"),
        ("size", "INTEGER", "cỡ tệp (byte)"),
        ("parsed_at", "TEXT", "thời điểm phân tích (UTC, ISO 8601)"),
        ("vbhc_version", "TEXT", "phiên bản vbhc đã phân tích"),
        ("parse_options", "TEXT", "tùy chọn phân tích: restore (khôi phục dấu) hoặc no-restore"),
        ("doc_type", "TEXT", "mã loại văn bản (KE_HOACH, TO_TRINH, QUYET_DINH …)"),
        ("doc_type_label", "TEXT", "tên loại văn bản như in"),
        ("number", "TEXT", "số, ký hiệu (263/KH-UBND)"),
        ("number_seq", "INTEGER", "số thứ tự"),
        ("symbol", "TEXT", "ký hiệu (KH-UBND)"),
        ("issue_date", "TEXT", "ngày ban hành (YYYY-MM-DD)"),
        ("year", "INTEGER", "năm: của ngày ban hành, nếu không có thì của thời gian thi đua hoặc trích yếu"),
        ("era", "TEXT", "'2025' nếu ban hành từ 01/7/2025 (chính quyền hai cấp), 'legacy' nếu trước đó hoặc không rõ"),
        ("place", "TEXT", "địa danh"),
        ("province", "TEXT", "tỉnh, thành phố trực thuộc trung ương của cơ quan ban hành (theo danh mục đơn vị hành chính)"),
        ("issuer", "TEXT", "cơ quan ban hành"),
        ("issuer_level", "TEXT", "cấp cơ quan ban hành: trung_uong, tinh, huyen, xa"),
        ("parent_issuer", "TEXT", "cơ quan chủ quản"),
        ("title", "TEXT", "trích yếu"),
        ("signer_authority", "TEXT", "thẩm quyền ký (TM., KT., TL. …)"),
        ("signer_title", "TEXT", "chức vụ người ký"),
        ("signer_name", "TEXT", "họ tên người ký"),
        ("period_start", "TEXT", "thời gian thi đua: bắt đầu"),
        ("period_end", "TEXT", "thời gian thi đua: kết thúc"),
        ("period_text", "TEXT", "thời gian thi đua như in"),
        ("award", "TEXT", "hình thức khen thưởng (tờ trình, quyết định)"),
        ("text_quality", "TEXT", "clean, stripped (mất dấu) hoặc garbled (OCR sai)"),
        ("restored", "INTEGER", "1 nếu đã khôi phục dấu trước khi phân tích"),
        ("n_warnings", "INTEGER", "số cảnh báo của bộ phân tích"),
        ("plan_json", "TEXT", "toàn bộ mô hình văn bản (JSON, như vbhc parse)"),
    ],
    "errors": [
        ("id", "INTEGER PRIMARY KEY", "khóa"),
        ("path", "TEXT NOT NULL UNIQUE", "đường dẫn tệp"),
        ("sha256", "TEXT NOT NULL", "SHA-256 của nội dung tệp"),
        ("size", "INTEGER", "cỡ tệp (byte)"),
        ("parsed_at", "TEXT", "thời điểm thử phân tích"),
        ("vbhc_version", "TEXT", "phiên bản vbhc"),
        ("parse_options", "TEXT", "tùy chọn phân tích: restore hoặc no-restore"),
        ("error_kind", "TEXT", "loại lỗi (EmptyInputError, BinaryInputError … ; internal: lỗi của vbhc)"),
        ("message", "TEXT", "thông báo lỗi"),
    ],
    "quotas": [
        ("award", "TEXT", "hình thức khen thưởng"),
        ("conferrer", "TEXT", "cấp/người tặng như in"),
        ("level", "TEXT", "cấp khen thưởng: trung_uong, tinh, huyen, xa"),
        ("collectives", "INTEGER", "số tập thể"),
        ("individuals", "INTEGER", "số cá nhân"),
        ("scope", "TEXT", "phạm vi"),
        ("max", "INTEGER", "1 nếu là mức tối đa"),
        ("text", "TEXT", "câu như in"),
    ],
    "deadlines": [
        ("date", "TEXT", "ngày (YYYY-MM-DD; --MM-DD nếu hằng năm)"),
        ("month", "INTEGER", "tháng của hạn"),
        ("recurring", "INTEGER", "1 nếu hằng năm"),
        ("what", "TEXT", "việc phải làm"),
        ("text", "TEXT", "câu như in"),
    ],
    "citations": [
        ("doc_type", "TEXT", "loại văn bản được dẫn"),
        ("number", "TEXT", "số, ký hiệu như in"),
        ("number_key", "TEXT", "khóa so sánh của số (91/2017/ndcp): gom các cách viết"),
        ("date", "TEXT", "ngày"),
        ("issuer", "TEXT", "cơ quan ban hành"),
        ("text", "TEXT", "trích dẫn như in"),
    ],
    "criteria": [
        ("applies_to", "TEXT", "collective, individual hoặc trống (cả hai)"),
        ("scope", "TEXT", "phạm vi"),
        ("text", "TEXT", "tiêu chuẩn"),
    ],
    "targets": [
        ("kind", "TEXT", "collective hoặc individual"),
        ("text", "TEXT", "đối tượng"),
    ],
    "recipients": [
        ("text", "TEXT", "nơi nhận"),
    ],
    "sections": [
        ("parent_ord", "INTEGER", "ord của mục cha (trống nếu là mục cấp 1)"),
        ("depth", "INTEGER", "cấp (1 = cao nhất)"),
        ("label", "TEXT", "số mục (I, 2, Điều 3)"),
        ("kind", "TEXT", "loại mục (roman, dieu, khoan …)"),
        ("slot", "TEXT", "vai trò chuẩn của mục (MUC_DICH_YEU_CAU, TO_CHUC_THUC_HIEN …)"),
        ("heading", "TEXT", "tiêu đề mục"),
        ("text", "TEXT", "nội dung trước mục con đầu tiên"),
    ],
    "dossier": [
        ("item", "TEXT", "thành phần hồ sơ"),
        ("copies", "INTEGER", "số bản"),
        ("form_ref", "TEXT", "mẫu"),
    ],
    "nominees": [
        ("kind", "TEXT", "collective hoặc individual"),
        ("name", "TEXT", "tên tập thể, họ tên cá nhân"),
        ("position", "TEXT", "chức vụ"),
        ("unit", "TEXT", "đơn vị công tác"),
        ("award", "TEXT", "hình thức khen thưởng"),
        ("votes", "INTEGER", "số phiếu đồng ý"),
        ("reward", "INTEGER", "tiền thưởng (đồng)"),
    ],
    "warnings": [
        ("code", "TEXT", "mã cảnh báo"),
        ("field", "TEXT", "trường liên quan"),
        ("message", "TEXT", "nội dung"),
    ],
}

_KEY = [("doc_id", "INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE", "khóa của văn bản (documents.id)"),
        ("ord", "INTEGER NOT NULL", "thứ tự trong văn bản, từ 0")]

#: The list tables, each keyed by (doc_id, ord).
CHILD_TABLES = ("quotas", "deadlines", "citations", "criteria", "targets", "recipients", "sections", "dossier", "nominees", "warnings")
#: Every table a researcher reads, in export order.
TABLES = ("documents", *CHILD_TABLES, "errors")


def _columns(table: str) -> list[tuple[str, str, str]]:
    return _COLUMNS[table] if table in ("documents", "errors") else _KEY + _COLUMNS[table]


def column_names(table: str) -> list[str]:
    """The columns of ``table`` in order."""
    return [name for name, _, _ in _columns(table)]


SCHEMA_DOC: dict[str, list[tuple[str, str, str]]] = {t: _columns(t) for t in TABLES}

_INDEXES = [
    "documents(year)", "documents(issuer_level)", "documents(province)", "documents(doc_type)", "documents(sha256)",
    "quotas(award, level)", "citations(number_key)", "deadlines(month)",
]


def create_sql() -> str:
    """The DDL of every table, index and the full-text index."""
    parts = []
    for table in TABLES:
        cols = ",\n  ".join(f'"{n}" {t}' for n, t, _ in _columns(table))
        key = ",\n  PRIMARY KEY (doc_id, ord)" if table in CHILD_TABLES else ""
        parts.append(f"CREATE TABLE IF NOT EXISTS {table} (\n  {cols}{key}\n);")
    for k, idx in enumerate(_INDEXES):
        parts.append(f"CREATE INDEX IF NOT EXISTS ix_{k}_{idx.split('(')[0]} ON {idx};")
    # The full-text index: the text as printed (tone placement made uniform) and a folded
    # copy (no marks, đ→d) of the same length, so that "thi dua" finds "thi đua".
    parts.append(
        "CREATE VIRTUAL TABLE IF NOT EXISTS search USING fts5("
        "title, body, title_folded, body_folded, tokenize = 'unicode61 remove_diacritics 0');"
    )
    parts.append("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);")
    return "\n".join(parts)


@dataclass
class DocumentRows:
    """One plan as rows: the ``documents`` row (without its id) and each list table's rows
    (without doc_id)."""

    document: dict[str, Any]
    lists: dict[str, list[tuple[Any, ...]]]


# "năm 2023", "giai đoạn 2021 - 2025" in a title; not a horizon ("đến năm 2030").
_YEAR = re.compile(r"(?<!den )\b(?:nam|giai doan)\s+((?:19|20)\d\d)\b")


def _year(plan: dict[str, Any]) -> int | None:
    for value in (plan.get("issue_date"), (plan.get("campaign_period") or {}).get("start")):
        if value and value[:4].isdigit():
            return int(value[:4])
    m = _YEAR.search(fold(plan.get("title") or ""))
    return int(m[1]) if m else None


def _month(date: str | None) -> int | None:
    if not date:
        return None
    m = re.match(r"(?:\d{4}|-)-(\d\d)", date)
    return int(m[1]) if m else None


def _flatten_sections(sections: list[dict[str, Any]]) -> Iterator[tuple[Any, ...]]:
    counter = 0

    def walk(items: list[dict[str, Any]], parent: int | None, depth: int) -> Iterator[tuple[Any, ...]]:
        nonlocal counter
        for s in items:
            ord_ = counter
            counter += 1
            yield (parent, depth, s["label"], s["kind"], s.get("slot"), s["heading"], "\n".join(s.get("text") or []))
            yield from walk(s.get("children") or [], ord_, depth + 1)

    return walk(sections, None, 1)


def rows_of(plan: dict[str, Any], plan_json: str | None = None) -> DocumentRows:
    """The rows of one plan (the dict of :meth:`vbhc.model.Plan.to_dict`); ``plan_json``
    is its JSON when the caller has it already."""
    standing = issuer_standing(plan.get("issuer"), plan.get("parent_issuer"), plan.get("place"), plan.get("issue_date"))
    period = plan.get("campaign_period") or {}
    signer = plan.get("signer") or {}
    quality = plan.get("text_quality") or {}
    date = plan.get("issue_date")
    document = {
        "doc_type": plan.get("doc_type"), "doc_type_label": plan.get("doc_type_label"),
        "number": plan.get("number"), "number_seq": plan.get("number_seq"), "symbol": plan.get("symbol"),
        "issue_date": date, "year": _year(plan), "era": "2025" if date and date >= "2025-07-01" else "legacy",
        "place": plan.get("place"), "province": standing.province, "issuer": plan.get("issuer"),
        "issuer_level": standing.tier, "parent_issuer": plan.get("parent_issuer"), "title": plan.get("title"),
        "signer_authority": signer.get("authority"), "signer_title": signer.get("title"), "signer_name": signer.get("name"),
        "period_start": period.get("start"), "period_end": period.get("end"), "period_text": period.get("text"),
        "award": plan.get("award"), "text_quality": quality.get("verdict"), "restored": int(bool(quality.get("restored"))),
        "n_warnings": len(plan.get("warnings") or []),
        "plan_json": plan_json or json.dumps(plan, ensure_ascii=False, separators=(",", ":")),
    }
    lists: dict[str, list[tuple[Any, ...]]] = {
        "quotas": [
            (q["award"], q.get("conferrer"), conferrer_tier(q.get("conferrer"), q["award"], standing.tier),
             q.get("collectives"), q.get("individuals"), q.get("scope"), int(bool(q.get("max"))), q.get("text"))
            for q in plan.get("quotas") or []
        ],
        "deadlines": [
            (d.get("date"), _month(d.get("date")), int(bool(d.get("recurring"))), d.get("what"), d.get("text"))
            for d in plan.get("deadlines") or []
        ],
        "citations": [
            (r.get("doc_type"), r["number"], number_key(r["number"]) or fold(r["number"]), r.get("date"), r.get("issuer"), r.get("text"))
            for r in plan.get("references") or []
        ],
        "criteria": [(c.get("applies_to"), c.get("scope"), c["text"]) for c in plan.get("criteria") or []],
        "targets": [(t["kind"], t["text"]) for t in plan.get("targets") or []],
        "recipients": [(r,) for r in plan.get("recipients") or []],
        "sections": list(_flatten_sections(plan.get("sections") or [])),
        "dossier": [(d["item"], d.get("copies"), d.get("form_ref")) for d in plan.get("dossier") or []],
        "nominees": [
            (n["kind"], n["name"], n.get("position"), n.get("unit"), n.get("award"), n.get("votes"), n.get("reward"))
            for n in plan.get("nominees") or []
        ],
        "warnings": [(w["code"], w.get("field"), w["message"]) for w in plan.get("warnings") or []],
    }
    return DocumentRows(document, lists)


def index_form(text: str) -> str:
    """Text as indexed: NFC, new tone placement (hòa for hoà), whitespace runs made one space.
    :func:`vbhc.vn.text.fold` of it has the same length, so a match found in the folded
    copy is at the same offsets here."""
    return " ".join(new_tone_placement(nfc(text)).split())


def search_texts(title: str | None, body: str) -> tuple[str, str, str, str]:
    """The four columns of the ``search`` index for one document."""
    t, b = index_form(title or ""), index_form(body)
    return t, b, fold(t), fold(b)
