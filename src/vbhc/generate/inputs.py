"""The generator's input: a plan as data, read from JSON, YAML, an Excel workbook or a CSV list.

The data has the shape of :meth:`vbhc.model.Plan.to_dict` (what ``vbhc parse --format json``
prints), with conveniences for people who type it by hand:

* ``signer_name``, ``signer_title`` and ``signing_authority`` at the top stand for
  ``signer.name``, ``signer.title`` and ``signer.authority``;
* dates may be ISO (``2026-02-05``), printed (``05/02/2026``, ``ngày 05 tháng 02 năm 2026``)
  or date objects from YAML and Excel; the campaign period, a birth date and a founding date
  may also be a month (``02/2026``) or a year; meeting times are ``2025-11-25 08:00``,
  ``2025-11-25T08:00``, ``25/11/2025 08:00`` or datetime objects, and come out as
  ``YYYY-MM-DDTHH:MM``;
* ``references`` items may be plain strings (the number is taken from the string);
  ``recipients``, ``addressees``, ``references`` and ``meeting.attendees`` may be one string
  with items separated by ";" or line breaks;
* a person (``meeting.chair`` …) may be the string "Nguyễn Văn An, Chủ tịch UBND xã";
* ``nominees`` may name an .xlsx or .csv list, relative to the data file's folder.

A nominee's kind, when not given, is inferred: under a group heading row ("I. TẬP THỂ",
"II. CÁ NHÂN") it is that group's; otherwise a row with a position (chức vụ) is an
individual's, and so is a name that starts with a personal title ("Ông", "Bà", stripped
from the name); any other row is a collective's. Column headers, kind values, group
headings and the labels of the "Thông tin" sheet are data: ``vbhc/data/nominee_columns.toml``.

``schema_version``, ``provenance``, ``warnings`` and ``text_quality`` (what the parser
reports about its own reading) are accepted and dropped. Any other key that is not a field
raises :class:`~vbhc.errors.DataError`, as does a value of the wrong type; its message names
the file and the dotted field (``nominees[3].votes``).
"""
from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import difflib
import json
import re
import types
import typing
import zipfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from .. import vocab
from ..errors import DataError
from ..model import Deadline, Meeting, Nominee, Period, Person, Plan, QuotaPart, Reference, Report, Signer
from ..vn.dates import find_dates
from ..vn.text import fold, nfc, squash

__all__ = ["load_data", "plan_from_dict"]

#: Keys of the parser's own diagnostics: accepted, not carried into the plan.
_IGNORED = frozenset({"schema_version", "provenance", "warnings", "text_quality"})
#: Flat signer keys (the truth files use them) → the field of :class:`Signer`.
_FLAT_SIGNER = {"signer_name": "name", "signer_title": "title", "signing_authority": "authority"}
#: List fields that may be given as one string: field name → the separators it splits on.
_SPLIT = {"recipients": r"[;\n]", "addressees": r"[;\n]", "references": r"[;\n]", "attendees": r"[;\n]"}
_SPLIT.update(dict.fromkeys(("block", "text", "preamble", "achievements"), r"\n"))  # lines, paragraphs
#: Date fields: (class, field) → what they accept ("day", "partial", "deadline", "datetime").
_DATES: dict[tuple[type, str], str] = {
    (Plan, "issue_date"): "day",
    (Reference, "date"): "day",
    (Deadline, "date"): "deadline",
    (Period, "start"): "partial",
    (Period, "end"): "partial",
    (Report, "birth_date"): "partial",
    (Report, "founded"): "partial",
    (Meeting, "start"): "datetime",
    (Meeting, "end"): "datetime",
}
#: Required fields that may be left out, and the value they then take.
_LENIENT = {(Deadline, "text"): "", (QuotaPart, "text"): ""}
_SUFFIXES = ".json, .yaml, .yml, .xlsx, .csv"


@dataclass(frozen=True)
class _Ctx:
    """Where the data came from: ``source`` for messages, ``base`` for relative file names."""

    source: str
    base: Path

    def fail(self, where: str, reason: str) -> DataError:
        return DataError(self.source, f"{where}: {reason}" if where else reason)


# ------------------------------------------------------------------------------ public API


def load_data(path: str | Path) -> Plan:
    """The plan in a data file: .json, .yaml/.yml, .xlsx (a nominee sheet and an optional
    "Thông tin" sheet) or .csv (a nominee list). Raises :class:`DataError` on bad input."""
    p = Path(path)
    name = str(path)
    if not p.exists():
        raise DataError(name, "không tìm thấy tệp dữ liệu")
    if p.is_dir():
        raise DataError(name, "là một thư mục, không phải tệp dữ liệu")
    suffix = p.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        info, nominees = _read_workbook(p, name)
        if nominees and info.get("nominees"):
            raise DataError(name, "nominees: trang 'Thông tin' chỉ tới một danh sách khác trong khi tệp đã có trang danh sách")
        if nominees or "nominees" not in info:
            info["nominees"] = nominees
        return plan_from_dict(info, name, base=p.parent)
    if suffix == ".csv":
        return plan_from_dict({"nominees": _read_csv(p, name)}, name, base=p.parent)
    if suffix == ".json":
        data = _read_json(p, name)
    elif suffix in (".yaml", ".yml"):
        data = _read_yaml(p, name)
    else:
        raise DataError(name, f"không đọc được dữ liệu dạng '{p.suffix or '(không đuôi)'}'; dùng {_SUFFIXES}")
    if isinstance(data, list):
        if not data:
            raise DataError(name, "danh sách rỗng: cần một đối tượng kế hoạch")
        data = data[0]
    if data is None:
        raise DataError(name, "tệp dữ liệu rỗng")
    return plan_from_dict(data, name, base=p.parent)


def plan_from_dict(data: Mapping[str, Any], source: str, *, base: str | Path | None = None) -> Plan:
    """A :class:`Plan` from plain data of the shape of ``Plan.to_dict()``, converted field by
    field (nested dataclasses too). ``source`` names the data in error messages; ``base`` is
    the folder a ``nominees`` file name is relative to (default: the folder of ``source``).

    >>> plan = plan_from_dict({"signer_name": "Nguyễn Văn An", "issue_date": "05/02/2026",
    ...                        "nominees": [{"name": "Ông Lê Văn Bình", "votes": "7"}]}, "<dữ liệu>")
    >>> plan.signer.name, plan.issue_date, plan.nominees[0].kind, plan.nominees[0].name
    ('Nguyễn Văn An', '2026-02-05', 'individual', 'Lê Văn Bình')
    """
    ctx = _Ctx(source, Path(base) if base is not None else Path(source).parent)
    if not isinstance(data, Mapping):
        raise ctx.fail("", f"dữ liệu phải là một đối tượng (các cặp trường: giá trị), không phải {_describe(data)}")
    fields = {_key(k, "", ctx): v for k, v in data.items()}
    for key in _IGNORED:
        fields.pop(key, None)
    flat = {attr: fields.pop(key) for key, attr in _FLAT_SIGNER.items() if key in fields}
    if flat:
        signer = fields.get("signer")
        if signer is None:
            signer = {}
        elif isinstance(signer, Signer):
            signer = dataclasses.asdict(signer)
        elif not isinstance(signer, Mapping):
            raise ctx.fail("signer", f"phải là một đối tượng, không phải {_describe(signer)}")
        signer = {_key(k, "signer", ctx): v for k, v in signer.items()}
        for attr, value in flat.items():
            given = signer.get(attr)
            if given is not None and value is not None and _text(given) != _text(value):
                flat_key = next(k for k, a in _FLAT_SIGNER.items() if a == attr)
                raise ctx.fail(flat_key, f"mâu thuẫn với signer.{attr} ('{_text(value)}' và '{_text(given)}')")
            if value is not None or attr not in signer:
                signer[attr] = value
        fields["signer"] = signer
    fields.setdefault("source", source)
    return _build(Plan, fields, "", ctx)


# ------------------------------------------------------------------------------ conversion


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _unwrap(tp: Any) -> tuple[Any, bool]:
    """``X | None`` → (X, True); anything else → (tp, False)."""
    if isinstance(tp, types.UnionType) or typing.get_origin(tp) is typing.Union:
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return args[0], len(args) < len(typing.get_args(tp))
    return tp, False


def _key(key: Any, where: str, ctx: _Ctx) -> str:
    if not isinstance(key, str):
        raise ctx.fail(where, f"tên trường phải là chuỗi, không phải {_describe(key)}")
    return nfc(key).strip()


def _join(where: str, name: str) -> str:
    return f"{where}.{name}" if where else name


def _build(cls: type, data: Mapping[str, Any], where: str, ctx: _Ctx) -> Any:
    """An instance of dataclass ``cls`` from ``data``; unknown keys raise with a suggestion."""
    hints = _hints(cls)
    known = [f.name for f in dataclasses.fields(cls)]
    kwargs: dict[str, Any] = {}
    for raw_key, value in data.items():
        key = _key(raw_key, where, ctx)
        if key not in hints:
            candidates = known + (list(_FLAT_SIGNER) if cls is Plan else [])
            close = difflib.get_close_matches(key, candidates, n=1, cutoff=0.6)
            hint = f" (có phải '{close[0]}'?)" if close else ""
            raise ctx.fail(_join(where, key), f"trường không có trong {cls.__name__}{hint}")
        kwargs[key] = _field(cls, key, value, hints[key], _join(where, key), ctx)
    for f in dataclasses.fields(cls):
        if f.name in kwargs or f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING:
            continue
        kwargs[f.name] = _missing(cls, f.name, hints[f.name], kwargs, _join(where, f.name), ctx)
    if cls is Nominee:
        _settle_nominee(kwargs, None, where, ctx)
    elif cls is Person:
        kwargs["name"] = _strip_personal_title(kwargs["name"])[0]
        if not kwargs["name"]:
            raise ctx.fail(_join(where, "name"), "thiếu họ tên")
    return cls(**kwargs)


def _missing(cls: type, name: str, tp: Any, got: dict[str, Any], where: str, ctx: _Ctx) -> Any:
    """The value of a required field left out, where one can be reasoned; else raise."""
    if (cls, name) in _LENIENT:
        return _LENIENT[cls, name]
    if cls is Deadline and name == "recurring":
        return str(got.get("date") or "").startswith("--")
    if cls is Nominee and name == "kind":
        return None  # inferred by _settle_nominee
    if _unwrap(tp)[1]:
        return None
    raise ctx.fail(where, "thiếu trường bắt buộc")


def _field(cls: type, name: str, value: Any, tp: Any, where: str, ctx: _Ctx) -> Any:
    """One field's value, with the conveniences of its field (dates, kinds, files, splits)."""
    if (cls, name) in _DATES:
        optional = _unwrap(tp)[1]
        if value is None or (isinstance(value, str) and not value.strip()):
            if optional:
                return None
            raise ctx.fail(where, "thiếu ngày")
        if _DATES[cls, name] == "datetime":
            return _datetime(value, where, ctx)
        return _date(value, _DATES[cls, name], where, ctx)
    if cls is Plan and name == "nominees" and isinstance(value, str):
        return _nominee_file(value, where, ctx)
    if name == "doc_type" and cls in (Plan, Reference) and value is not None:
        return _doc_type(value, where, ctx)
    if cls is Nominee and name == "reward" and value is not None:
        return _money(value, where, ctx)
    return _convert(value, tp, where, ctx, split=_SPLIT.get(name))


def _convert(value: Any, tp: Any, where: str, ctx: _Ctx, split: str | None = None) -> Any:
    inner, optional = _unwrap(tp)
    origin = typing.get_origin(inner)
    if value is None:
        if optional:
            return None
        if origin is list:
            return []
        raise ctx.fail(where, "thiếu giá trị (null)")
    if origin is list:
        (item_tp,) = typing.get_args(inner)
        if isinstance(value, str) and split:
            value = [part for part in re.split(split, value) if part.strip()]
        if not isinstance(value, (list, tuple)):
            raise ctx.fail(where, f"phải là một danh sách, không phải {_describe(value)}")
        return [_convert(item, item_tp, f"{where}[{i}]", ctx) for i, item in enumerate(value)]
    if dataclasses.is_dataclass(inner):
        if isinstance(value, inner):
            return value
        if isinstance(value, str) and inner is Person:
            return _person(value, where, ctx)
        if isinstance(value, str) and inner is Reference:
            return _reference(value)
        if not isinstance(value, Mapping):
            raise ctx.fail(where, f"phải là một đối tượng {inner.__name__}, không phải {_describe(value)}")
        return _build(inner, value, where, ctx)
    if inner is str:
        return _as_str(value, where, ctx)
    if inner is bool:
        return _as_bool(value, where, ctx)
    if inner is int:
        return _as_int(value, where, ctx)
    if inner is float:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
        try:
            return float(str(value).strip().replace(",", "."))
        except ValueError:
            raise ctx.fail(where, f"phải là một số, không phải {_describe(value)}") from None
    return value  # Any / dict: not a field the generator reads


def _text(value: Any) -> str:
    return nfc(str(value)).strip()


def _as_str(value: Any, where: str, ctx: _Ctx) -> str:
    if isinstance(value, str):
        return nfc(value).strip()
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ctx.fail(where, f"phải là chuỗi, không phải {_describe(value)}")
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def _as_int(value: Any, where: str, ctx: _Ctx) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and re.fullmatch(r"\s*[+-]?\d+\s*", value):
        return int(value)
    raise ctx.fail(where, f"phải là số nguyên, không phải {_describe(value)}")


def _money(value: Any, where: str, ctx: _Ctx) -> int:
    """An amount in đồng: 1500000, "1.500.000", "1,500,000 đồng"."""
    if isinstance(value, str):
        folded = squash(fold(nfc(value)))
        for word in sorted((fold(w) for w in _columns_data()["rows"]["currency"]), key=len, reverse=True):
            if folded.endswith(word):
                folded = folded[: -len(word)].strip()
                break
        if re.fullmatch(r"\d{1,3}(?:([.,\s])\d{3})(?:\1\d{3})*|\d+", folded):
            return int(re.sub(r"\D", "", folded))
        raise ctx.fail(where, f"phải là số tiền (1.500.000 hoặc 1500000), không phải {_describe(value)}")
    return _as_int(value, where, ctx)


def _as_bool(value: Any, where: str, ctx: _Ctx) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        folded = fold(value.strip())
        if folded in ("true", "co", "x", "1", "yes"):
            return True
        if folded in ("false", "khong", "0", "no"):
            return False
    raise ctx.fail(where, f"phải là true hoặc false, không phải {_describe(value)}")


def _describe(value: Any) -> str:
    """The value as a message names it ("chuỗi 'abc'", "số 3.5", "danh sách")."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"giá trị {str(value).lower()}"
    if isinstance(value, str):
        short = value if len(value) <= 40 else value[:39] + "…"
        return f"chuỗi '{short}'"
    if isinstance(value, (int, float)):
        return f"số {value}"
    if isinstance(value, (list, tuple)):
        return "một danh sách"
    if isinstance(value, Mapping):
        return "một đối tượng"
    if isinstance(value, (dt.date, dt.datetime)):
        return f"ngày {value.isoformat()}"
    return type(value).__name__


# ------------------------------------------------------------------------------ dates


_ISO = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_DMY = re.compile(r"(?:(\d{1,2})[/.-])?(\d{1,2})[/.-](\d{4})")
_YEARLY = re.compile(r"--(\d{1,2})-(\d{1,2})|(\d{1,2})/(\d{1,2})")
_TIME_AFTER = re.compile(r"(?P<date>.+?)(?:[tT]|\s+)(?P<h>\d{1,2})\s*[:h]\s*(?P<m>\d{2})(?::\d{2}(?:\.\d+)?)?")
_TIME_BEFORE = re.compile(r"(?P<h>\d{1,2})\s*[:h]\s*(?P<m>\d{2})\s*,?\s+(?P<date>.+)")


def _iso(year: int, month: int | None, day: int | None, where: str, ctx: _Ctx, printed: str) -> str:
    """ISO at the precision given, after checking the date exists."""
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError:
        raise ctx.fail(where, f"ngày không có thật: '{printed}'") from None
    if not 1900 <= year <= 2100:
        raise ctx.fail(where, f"năm {year} không hợp lệ: '{printed}'")
    if day is not None and month is not None:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return f"{year:04d}-{month:02d}" if month is not None else f"{year:04d}"


def _date(value: Any, accepts: str, where: str, ctx: _Ctx) -> str:
    """An ISO date from a date object or a printed date. ``accepts``: "day" (a full date),
    "partial" (also a month or a year), "deadline" (also a yearly ``--MM-DD``)."""
    partial = accepts == "partial"
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool) and partial:
        return _iso(value, None, None, where, ctx, str(value))
    if not isinstance(value, str):
        raise ctx.fail(where, f"phải là một ngày, không phải {_describe(value)}")
    text = nfc(value).strip()
    if m := _ISO.fullmatch(text):
        y, mo, d = (int(g) if g else None for g in m.groups())
        if partial or d is not None:
            return _iso(y, mo, d, where, ctx, text)  # type: ignore[arg-type]
    elif m := _DMY.fullmatch(text):
        d, mo, y = (int(g) if g else None for g in m.groups())
        if partial or d is not None:
            return _iso(y, mo, d, where, ctx, text)  # type: ignore[arg-type]
    elif accepts == "deadline" and (m := _YEARLY.fullmatch(text)):
        mo, d = (int(m[1]), int(m[2])) if m[1] else (int(m[4]), int(m[3]))
        try:
            dt.date(2000, mo, d)
        except ValueError:
            raise ctx.fail(where, f"ngày không có thật: '{text}'") from None
        return f"--{mo:02d}-{d:02d}"
    else:
        found = find_dates(fold(text))
        if len(found) == 1 and found[0].start == 0 and found[0].end == len(text.rstrip(".")):
            parts = found[0].parts
            if parts.year is not None and (partial or parts.day is not None) and (parts.day is None or parts.month):
                if parts.problem and parts.day is not None:
                    raise ctx.fail(where, f"ngày không có thật: '{text}'")
                return _iso(parts.year, parts.month, parts.day, where, ctx, text)
    shapes = "2026-02-05, 05/02/2026" + (", 02/2026 hoặc 2026" if partial else "")
    raise ctx.fail(where, f"không đọc được ngày '{text}' (viết dạng {shapes})")


def _datetime(value: Any, where: str, ctx: _Ctx) -> str:
    """``YYYY-MM-DDTHH:MM`` from a datetime or a printed date and time."""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%dT%H:%M")
    if isinstance(value, str):
        text = nfc(value).strip()
        m = _TIME_AFTER.fullmatch(text) or _TIME_BEFORE.fullmatch(text)
        if m:
            hour, minute = int(m["h"]), int(m["m"])
            if hour > 23 or minute > 59:
                raise ctx.fail(where, f"giờ không có thật: '{text}'")
            day = _date(m["date"].strip(), "day", where, ctx)
            return f"{day}T{hour:02d}:{minute:02d}"
        raise ctx.fail(where, f"không đọc được ngày giờ '{text}' (viết dạng 2025-11-25 08:00 hoặc 25/11/2025 08:00)")
    raise ctx.fail(where, f"phải là ngày và giờ (2025-11-25 08:00), không phải {_describe(value)}")


# ------------------------------------------------------------------------------ strings for objects


_REF_NUMBER = re.compile(r"(?<![\w/])(\d{1,6}(?:/\d{4})?/(?=[\w&.-]*[^\W\d_])[\w&.]+(?:-[\w&.]+)*)(?![\w/])")


def _reference(text: str) -> Reference:
    """A citation typed as a string: the number (and the date printed after it) taken out."""
    text = nfc(text).strip()
    m = _REF_NUMBER.search(text)
    date = None
    if m:
        for found in find_dates(fold(text), m.end()):
            if found.precision == "day" and found.parts.iso:
                date = found.parts.iso
                break
    return Reference(doc_type=None, number=m[1] if m else "", date=date, text=text)


def _person(text: str, where: str, ctx: _Ctx) -> Person:
    """ "Nguyễn Văn An, Chủ tịch UBND xã" → Person(name, title); a personal title is dropped."""
    text = nfc(text).strip()
    name, title = _split_person(text)
    name = _strip_personal_title(name)[0]
    if not name:
        raise ctx.fail(where, f"thiếu họ tên trong '{text}'")
    return Person(name=name, title=title or None)


def _split_person(text: str) -> tuple[str, str]:
    """Name and title, split at the first comma or spaced dash."""
    m = re.search(r"\s*,\s*|\s+[-–—]\s+", text)
    if not m:
        return text, ""
    return text[: m.start()].strip(), text[m.end():].strip()


def _strip_personal_title(name: str) -> tuple[str, bool]:
    """The name without a leading "Ông"/"Bà"/"Đồng chí", and whether one was there."""
    folded = fold(name)
    for title in _personal_titles():
        if folded.startswith(title) and len(name) > len(title) and not name[len(title)].isalnum():
            return name[len(title):].lstrip(" .:"), True
    return name, False


@cache
def _personal_titles() -> tuple[str, ...]:
    titles = {fold(t) for t in _columns_data()["rows"]["personal_titles"]}
    return tuple(sorted(titles, key=len, reverse=True))


# ------------------------------------------------------------------------------ kinds and types


@cache
def _columns_data() -> dict[str, Any]:
    return vocab.load("nominee_columns")


def _label_key(text: str) -> str:
    """A header or label as matched: folded, white space squashed, no trailing "(…)" or ":"."""
    key = squash(fold(nfc(text)))
    key = re.sub(r"\s*\([^()]*\)$", "", key)
    return key.rstrip(" :.*")


@cache
def _kind_values() -> dict[str, str]:
    return {_label_key(v): kind for kind, values in _columns_data()["kinds"].items() for v in values}


@cache
def _group_headings() -> dict[str, str]:
    return {_label_key(v): kind for kind, values in _columns_data()["group_headings"].items() for v in values}


def _kind(value: Any, where: str, ctx: _Ctx) -> str:
    kind = _kind_values().get(_label_key(value)) if isinstance(value, str) else None
    if kind is None:
        accepted = ", ".join(v for values in _columns_data()["kinds"].values() for v in values)
        raise ctx.fail(where, f"loại không rõ {_describe(value)} (dùng: {accepted})")
    return kind


def _settle_nominee(fields: dict[str, Any], group: str | None, where: str, ctx: _Ctx) -> None:
    """Normalise ``kind`` or infer it (group heading, position, personal title; else
    collective), and drop a personal title from an individual's name."""
    name, had_title = _strip_personal_title(fields.get("name") or "")
    if fields.get("kind") is not None:
        fields["kind"] = _kind(fields["kind"], _join(where, "kind"), ctx)
    elif group is not None:
        fields["kind"] = group
    else:
        fields["kind"] = "individual" if fields.get("position") or had_title else "collective"
    if fields["kind"] == "individual" and had_title:
        fields["name"] = name
    if not fields.get("name"):
        raise ctx.fail(_join(where, "name"), "thiếu tên tập thể hoặc họ tên cá nhân")


def _doc_type(value: Any, where: str, ctx: _Ctx) -> str:
    """A document type code ("TO_TRINH") from the code or the printed name ("Tờ trình")."""
    text = _as_str(value, where, ctx)
    by_code = vocab.doc_type_by_code()
    if text.upper() in by_code:
        return text.upper()
    folded = squash(fold(text))
    for t in vocab.doc_types():
        if t.folded == folded:
            return t.code
    close = difflib.get_close_matches(text.upper(), list(by_code), n=1, cutoff=0.6)
    hint = f" (có phải '{close[0]}'?)" if close else ""
    raise ctx.fail(where, f"loại văn bản không có: '{text}'{hint}")


# ------------------------------------------------------------------------------ reading files


def _read_bytes(p: Path, name: str) -> str:
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise DataError(name, f"không đọc được tệp ({exc.strerror or exc})") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataError(name, f"tệp không phải văn bản UTF-8 (byte lạ ở vị trí {exc.start})") from None


def _read_json(p: Path, name: str) -> Any:
    text = _read_bytes(p, name)
    if not text.strip():
        raise DataError(name, "tệp dữ liệu rỗng")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataError(name, f"JSON không hợp lệ ở dòng {exc.lineno}, cột {exc.colno}: {exc.msg}") from None


def _read_yaml(p: Path, name: str) -> Any:
    import yaml

    text = _read_bytes(p, name)
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        where = f" ở dòng {mark.line + 1}, cột {mark.column + 1}" if mark is not None else ""
        raise DataError(name, f"YAML không hợp lệ{where}: {problem}") from None


def _nominee_file(value: str, where: str, ctx: _Ctx) -> list[Nominee]:
    """The nominees of the .xlsx or .csv list that ``nominees`` names."""
    relative = nfc(value).strip()
    p = ctx.base / relative
    if p.suffix.lower() not in (".xlsx", ".xlsm", ".csv"):
        raise ctx.fail(where, f"tệp danh sách '{relative}' phải là .xlsx hoặc .csv")
    if not p.is_file():
        raise ctx.fail(where, f"không tìm thấy tệp danh sách '{relative}' ({p})")
    if p.suffix.lower() == ".csv":
        return _read_csv(p, str(p))
    return _read_workbook(p, str(p), info=False)[1]


def _read_csv(p: Path, name: str) -> list[Nominee]:
    text = _read_bytes(p, name)
    lines = text.splitlines()

    def header_width(delimiter: str) -> int:
        for row in csv.reader(lines[:30], delimiter=delimiter):
            if (cols := _header_map([_cell(v) for v in row])) is not None:
                return len(cols)
        return 0

    delimiter = max(",;\t", key=header_width)  # the one that splits the header row best
    try:
        return _read_table(csv.reader(lines, delimiter=delimiter), name, "")
    except csv.Error as exc:
        raise DataError(name, f"CSV không hợp lệ: {exc}") from None


def _read_workbook(p: Path, name: str, info: bool = True) -> tuple[dict[str, Any], list[Nominee]]:
    """The "Thông tin" fields (as JSON keys) and the nominees of the first other sheet."""
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        wb = openpyxl.load_workbook(p, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException) as exc:
        raise DataError(name, f"không phải tệp Excel .xlsx hợp lệ ({type(exc).__name__}); hãy lưu lại dưới dạng .xlsx") from None
    except (OSError, KeyError, ValueError) as exc:
        raise DataError(name, f"không đọc được tệp Excel ({exc})") from None
    try:
        info_names = {_label_key(s) for s in _columns_data()["info"]["sheet"]}
        fields: dict[str, Any] = {}
        nominees: list[Nominee] = []
        found_list = False
        for ws in wb.worksheets:
            if _label_key(ws.title) in info_names:
                if info:
                    fields = _read_info(ws.iter_rows(values_only=True), name, ws.title)
            elif not found_list:
                found_list = True
                nominees = _read_table(ws.iter_rows(values_only=True), name, ws.title)
        return fields, nominees
    finally:
        wb.close()


# ------------------------------------------------------------------------------ the nominee table


@cache
def _header_fields() -> dict[str, str]:
    """Folded header → Nominee field; "" for a column read past (STT)."""
    columns = _columns_data()["columns"]
    return {_label_key(h): ("" if field == "ignore" else field) for field, headers in columns.items() for h in headers}


def _cell(value: Any) -> Any:
    """A cell's value: text NFC and stripped, empty text as None."""
    if isinstance(value, str):
        value = nfc(value).strip()
        return value or None
    return value


def _header_map(row: Sequence[Any]) -> dict[int, str] | None:
    """Column index → field ("" for STT) when at least two cells are known headers."""
    known = _header_fields()
    cols: dict[int, str] = {}
    for i, value in enumerate(row):
        if isinstance(value, str) and (field := known.get(_label_key(value))) is not None:
            if field and field in cols.values():
                continue  # a second "Tên" column: the first one holds the name
            cols[i] = field
    return cols if len(cols) >= 2 else None


def _accepted_headers() -> str:
    columns = _columns_data()["columns"]
    return "; ".join(f"{field}: " + ", ".join(f"'{h}'" for h in headers) for field, headers in columns.items() if field != "ignore")


def _read_table(rows: Iterable[Sequence[Any]], name: str, sheet: str) -> list[Nominee]:
    """The nominees of a sheet or CSV: one per row under the header row, to the totals row."""
    ctx = _Ctx(name, Path(name).parent)
    stops = {_label_key(s) for s in _columns_data()["rows"]["stop"]}
    place = f"trang '{sheet}', " if sheet else ""
    cols: dict[int, str] | None = None
    nominees: list[Nominee] = []
    group: str | None = None
    seen_text = False
    for r, raw in enumerate(rows, 1):
        row = [_cell(v) for v in raw]
        texts = [v for v in row if v is not None]
        if not texts:
            continue
        seen_text = True
        if cols is None:
            cols = _header_map(row)
            if cols is not None and "name" not in cols.values():
                raise DataError(name, f"{place}dòng {r}: hàng tiêu đề không có cột tên (ví dụ 'Họ và tên', 'Tên tập thể')")
            continue
        if isinstance(texts[0], str) and _label_key(texts[0]).split(":")[0].strip() in stops:
            break
        values: dict[str, Any] = {}
        for i, field in cols.items():
            if field and i < len(row) and row[i] is not None:
                values[field] = row[i]
        if heading := _group_heading(values, texts):
            group = heading
            continue
        if not values or _is_column_numbers(texts):
            continue
        where = f"nominees[{len(nominees)}]"
        try:
            fields = {k: v for k, v in values.items() if k not in ("votes", "kind", "reward")}
            for key in list(fields):
                fields[key] = _as_str(fields[key], f"{where}.{key}", ctx)
            if "reward" in values:
                fields["reward"] = _money(values["reward"], f"{where}.reward", ctx)
            if "kind" in values:
                fields["kind"] = _kind(_as_str(values["kind"], f"{where}.kind", ctx), f"{where}.kind", ctx)
            if "votes" in values:
                fields["votes"] = _as_int(values["votes"], f"{where}.votes", ctx)
            if not fields.get("name"):
                raise ctx.fail(f"{where}.name", "thiếu tên tập thể hoặc họ tên cá nhân")
            _settle_nominee(fields, group, where, ctx)
        except DataError as exc:
            field_path, _, reason = exc.reason.partition(": ")
            raise DataError(name, f"{field_path} ({place}dòng {r}): {reason}") from None
        nominees.append(Nominee(**fields))
    if cols is None and seen_text:
        raise DataError(name, f"{place}không tìm thấy hàng tiêu đề của danh sách; các tiêu đề cột được nhận: {_accepted_headers()}")
    return nominees


def _is_column_numbers(texts: list[Any]) -> bool:
    """The row of column numbers under a header: "(1) (2) (3)" or 1 2 3."""
    return len(texts) >= 3 and all(re.fullmatch(r"\(?\d{1,2}\)?", str(t).strip()) for t in texts)


def _group_heading(values: dict[str, Any], texts: list[Any]) -> str | None:
    """The kind a group heading row ("I. TẬP THỂ") sets, or None for an ordinary row."""
    if any(k in values for k in ("position", "unit", "award", "votes", "kind")):
        return None
    words = [str(t) for t in texts if not re.fullmatch(r"[IVXLC]+|[A-Z]|\d{1,3}\.?", str(t).strip())]
    text = re.sub(r"^(?:[IVXLC]+|[A-Z]|\d{1,3})\s*[.)/-]\s*", "", " ".join(words))
    return _group_headings().get(_label_key(text))


# ------------------------------------------------------------------------------ the "Thông tin" sheet


@cache
def _info_labels() -> dict[str, str]:
    return {_label_key(label): key for label, key in _columns_data()["info"]["labels"].items()}


def _field_type(key: str) -> Any | None:
    """The type hint at a dotted JSON key of a plan ("meeting.venue"), or None."""
    if key in _FLAT_SIGNER:
        return str | None
    cls: Any = Plan
    tp: Any = None
    for part in key.split("."):
        if not dataclasses.is_dataclass(cls) or part not in _hints(cls):
            return None
        tp = _hints(cls)[part]
        cls = _unwrap(tp)[0]
    return tp


def _read_info(rows: Iterator[Sequence[Any]], name: str, sheet: str) -> dict[str, Any]:
    """Header fields from a two-column sheet (field, value), keyed by JSON key (dotted keys
    nest). A list field may take several rows; each value may hold several items."""
    info = _columns_data()["info"]
    field_headers = {_label_key(h) for h in info["field_header"]}
    value_headers = {_label_key(h) for h in info["value_header"]}
    data: dict[str, Any] = {}
    for r, raw in enumerate(rows, 1):
        row = [_cell(v) for v in raw] + [None, None]
        label, value = row[0], row[1]
        if label is None:
            continue
        if not isinstance(label, str):
            label = str(label)
        lk = _label_key(label)
        if lk in field_headers and isinstance(value, str) and _label_key(value) in value_headers:
            continue
        json_key = label.strip().lower()
        key = _info_labels().get(lk) or (json_key if _field_type(json_key) is not None else None)
        if key is None:
            choices = list(info["labels"]) + [f.name for f in dataclasses.fields(Plan)] + list(_FLAT_SIGNER)
            close = difflib.get_close_matches(label, choices, n=1, cutoff=0.6)
            hint = f" (có phải '{close[0]}'?)" if close else ""
            raise DataError(name, f"trang '{sheet}', dòng {r}: trường không biết '{label}'{hint}")
        if value is None:
            continue
        tp = _unwrap(_field_type(key))[0]
        parts = key.split(".")
        target = data
        for part in parts[:-1]:
            target = target.setdefault(part, {})
        last = parts[-1]
        if typing.get_origin(tp) is list and key != "nominees":  # nominees: a file name
            items = re.split(r"[;\n]", value) if isinstance(value, str) else [value]
            target.setdefault(last, []).extend(i.strip() if isinstance(i, str) else i for i in items if not isinstance(i, str) or i.strip())
        elif last in target:
            raise DataError(name, f"trang '{sheet}', dòng {r}: trường '{label}' ghi hai lần")
        else:
            target[last] = value
    return data
