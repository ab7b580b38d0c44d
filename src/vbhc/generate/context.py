"""From a :class:`~vbhc.model.Plan` to the context a template renders.

Every value a template prints is formatted here, once, by :mod:`vbhc.vn.formatting`
(dates, "Số:", counts, amounts), so templates hold wording and layout only. Optional parts
the data lacks come out empty and the template leaves them out; ``templates/README.md``
lists the variables of each kind.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ..model import Nominee, PastAward, Person, Plan, Quota, Section, Signer
from ..vn.formatting import (
    format_amount,
    format_count,
    format_date_long,
    format_date_short,
    format_number_line,
    format_place_date,
    format_time,
)
from ..vn.text import fold, nfc
from ..vocab import doc_type_by_abbr, doc_type_by_code, load

__all__ = ["Context", "build_context", "kind_spec", "kinds"]


@dataclass
class Context:
    """The variables of one render, and what the clerk should know about them."""

    values: dict[str, Any]
    notes: list[str] = field(default_factory=list)


@cache
def _data() -> dict[str, Any]:
    return load("generate")


def kinds() -> dict[str, dict[str, Any]]:
    """The kinds of document the generator renders, by name (``ke-hoach``, ``to-trinh`` …)."""
    return _data()["kinds"]


def kind_spec(kind: str) -> dict[str, Any]:
    """The registry entry of ``kind``; KeyError names the kinds there are."""
    try:
        return kinds()[kind]
    except KeyError:
        raise KeyError(f"không có loại mẫu '{kind}'; các loại: {', '.join(kinds())}") from None


def _wording(key: str) -> Any:
    return _data()["wording"][key]


# ------------------------------------------------------------------ header and signature


def _year_of(plan: Plan) -> int:
    """The document's year (:func:`~vbhc.generate.reissue.plan_year`), else this year."""
    from .reissue import plan_year

    try:
        return plan_year(plan)
    except ValueError:
        return _dt.date.today().year


def _issuer_lines(issuer: str | None) -> list[str]:
    """The issuer's name in IN HOA on one or two lines, broken before its administrative level."""
    if not issuer:
        return []
    text = nfc(" ".join(issuer.split())).upper()
    folded = fold(text)
    levels = sorted(load("header")["levels"], key=len, reverse=True)
    for level in levels:
        m = re.search(rf" {re.escape(level)} ", folded)
        if m and m.start() >= 8:
            return [text[: m.start()], text[m.start() + 1 :]]
    return [text]


def _org_abbreviation(issuer: str | None) -> str:
    """The ký hiệu part for the issuer: UBND, HĐTĐKT …, or the initials of its name."""
    if not issuer:
        return ""
    folded = fold(issuer)
    for abbr, name in load("header")["org_abbreviations"].items():
        if folded.startswith(fold(name)):
            return abbr
    words = [w for w in re.split(r"[\s\-]+", issuer.upper()) if w]
    return "".join(w[0] for w in words[:4])


def _number_line(plan: Plan, doc_type: str) -> str:
    """ "Số: 05/TTr-UBND": the number as given (a year inside it kept, "12/2025/QĐ-UBND"), or
    the blank the văn thư fills in, before the ký hiệu of the type and the issuer. A number
    of another type (the Tờ trình's "27/TTr-UBND" in the data of its Biên bản) is not this
    document's: its issuer part is kept, the number left blank."""
    abbr = doc_type_by_code()[doc_type].abbr
    seq, _, rest = (plan.number or "").strip().partition("/")
    symbol = rest.rsplit("/", 1)[-1] if rest else (plan.symbol or "")
    printed_type, _, org = symbol.partition("-")
    if symbol and fold(printed_type) != fold(abbr):
        return format_number_line(None, f"{abbr}-{org}" if org else abbr)
    if not rest:
        org = _org_abbreviation(plan.issuer)
        rest = plan.symbol or (f"{abbr}-{org}" if org else abbr)
    return format_number_line(int(seq) if seq.isdigit() else None, rest)


def _head_title(plan: Plan) -> str:
    folded = fold(plan.issuer or "")
    heads = _data()["heads"]
    for start, title in heads.items():
        if start != "default" and folded.startswith(start):
            return title
    return heads["default"]


def _collective(plan: Plan) -> str:
    lines = _issuer_lines(plan.issuer)
    return lines[0] if lines else "CƠ QUAN"


def sign_lines(plan: Plan) -> list[str]:
    """Ô 7a: the quyền hạn and chức vụ lines above the signature, in IN HOA."""
    signer: Signer = plan.signer
    lines = [line for line in signer.block if line != signer.name]
    prefixes = tuple(load("signing")["prefixes"].values())
    if lines and all(line.isupper() for line in lines) and (
        (signer.authority is None and len(lines) == 1) or lines[0].startswith(prefixes)
    ):
        return lines
    title = (signer.title or "").upper()
    authority = signer.authority
    collective_regime = fold(plan.issuer or "").startswith(("uy ban nhan dan", "hoi dong"))
    if authority == "TM.":
        return [f"TM. {_collective(plan)}", title] if title else [f"TM. {_collective(plan)}"]
    if authority in ("KT.", "TL.", "TUQ.", "Q."):
        head = title[4:] if title.startswith("PHÓ ") and authority == "KT." else _head_title(plan)
        lines = [f"TM. {_collective(plan)}"] if collective_regime and authority in ("KT.", "Q.") else []
        if authority == "Q.":
            return [*lines, f"Q. {title or head}"]
        return [*lines, f"{authority} {head}", title] if title else [*lines, f"{authority} {head}"]
    return [title] if title else []


def _recipients(items: list[str], *, first: str | None = None, archive: str | None = None) -> list[str]:
    """Ô 9b entries: "- X;" each, the last "- Lưu: VT…." (added when missing)."""
    entries = [nfc(e).strip().lstrip("-–• ").rstrip(";.,") for e in items if e and e.strip()]
    if first and not any(fold(e).startswith(fold(first)) for e in entries):
        entries.insert(0, first)
    archive = archive or _wording("archive")
    if not entries or not fold(entries[-1]).startswith("luu"):
        entries.append(archive)
    return [f"- {e};" if k < len(entries) - 1 else f"- {e}." for k, e in enumerate(entries)]


def _common(plan: Plan, kind: str, spec: dict[str, Any]) -> dict[str, Any]:
    doc_type = spec["doc_type"]
    year = _year_of(plan)
    return {
        "parent_issuer": (plan.parent_issuer or "").upper(),
        "issuer_lines": _issuer_lines(plan.issuer),
        "number_line": _number_line(plan, doc_type),
        "place_date": format_place_date(plan.place, plan.issue_date, year=year),
        "doc_type_label": doc_type_by_code()[doc_type].name,
        "title": plan.title or "",
        "sign_lines": sign_lines(plan),
        "signer_name": plan.signer.name or "",
        "recipients": _recipients(plan.recipients),
        "basis": [],
        "body": [],
        "closing": "",
    }


# ------------------------------------------------------------------ citations


def citation(number: str, date: str | None = None, issuer: str | None = None, text: str | None = None) -> str:
    """How a cited document is named: "Nghị định số 98/2023/NĐ-CP ngày 31/12/2023"."""
    if text:
        return text
    name = None
    symbol = number.rsplit("/", 1)[-1]
    abbr = symbol.split("-", 1)[0]
    if re.fullmatch(r"QH\d+", symbol):
        name = "Luật"
    else:
        found = doc_type_by_abbr().get(fold(abbr))
        name = found.name.capitalize() if found else None
    out = f"{name} số {number}" if name else f"Văn bản số {number}"
    if date:
        out += f" ngày {format_date_short(date)}"
    if issuer:
        out += f" của {issuer}"
    return out


def _basis(plan: Plan, verb: str = "Căn cứ") -> list[str]:
    lines = [f"{verb} {citation(r.number, r.date, r.issuer, r.text)}" for r in plan.references if r.number or r.text]
    if not lines and plan.preamble:
        return list(plan.preamble)
    return [line + (";" if k < len(lines) - 1 else ".") for k, line in enumerate(lines)]


# ------------------------------------------------------------------ Kế hoạch body


def _p(text: str, style: str = "body") -> dict[str, str]:
    return {"style": style, "text": text}


def _slot_of(section: Section) -> str | None:
    from ..pipeline.sections import slot_of

    return section.slot or slot_of(section.heading)


def quota_text(quota: Quota) -> str:
    """A quota as a plan prints it: "Giấy khen của Chủ tịch UBND huyện: hàng năm không quá 06 tập thể"."""
    if quota.text:
        return quota.text
    award = quota.award + (f" của {quota.conferrer}" if quota.conferrer else "")
    counts = []
    if quota.collectives is not None:
        counts.append(format_count(quota.collectives, "tập thể"))
    if quota.individuals is not None:
        counts.append(format_count(quota.individuals, "cá nhân"))
    scope = f"{quota.scope} " if quota.scope else ""
    if not counts:
        return f"{award}: {scope}số lượng theo chỉ tiêu được giao."
    ceiling = "không quá " if quota.max else ""
    return f"{award}: {scope}khen thưởng {ceiling}{' và '.join(counts)}."


def _period_text(plan: Plan) -> str | None:
    period = plan.campaign_period
    if period is None:
        return None
    if period.text:
        return f"Thời gian thực hiện: {period.text}."
    start, end = period.start, period.end
    if start and end and len(start) == 10 and len(end) == 10:
        return f"Thời gian thực hiện: từ ngày {format_date_short(start)} đến ngày {format_date_short(end)}."
    if start and end and len(start) == 4 and len(end) == 4:
        return f"Thời gian thực hiện: năm {start}." if start == end else f"Thời gian thực hiện: giai đoạn {start} - {end}."
    parts = ([f"từ {_short(start)}"] if start else []) + ([f"đến {_short(end)}"] if end else [])
    return f"Thời gian thực hiện: {' '.join(parts)}." if parts else None


def _short(iso: str) -> str:
    if len(iso) == 10:
        return f"ngày {format_date_short(iso)}"
    if len(iso) == 7:
        return f"tháng {int(iso[5:7])}/{iso[:4]}"
    return f"năm {iso}"


def _deadline_text(what: str, text: str | None, date: str | None) -> str:
    if not text and date:
        if date.startswith("--"):
            text = f"trước ngày {int(date[5:7]):02d}/{int(date[2:4])} hàng năm"
        else:
            text = f"trước ngày {format_date_short(date)}"
    sentence = " ".join(part for part in (what, text) if part)
    return f"- {sentence[:1].upper()}{sentence[1:]}."


def _slot_content(plan: Plan) -> dict[str, list[dict[str, str]]]:
    """The paragraphs each kind of section holds, from the plan's fields."""
    content: dict[str, list[dict[str, str]]] = {}
    if plan.targets:
        content["DOI_TUONG"] = [_p(f"- {t.text};") for t in plan.targets]
    period = _period_text(plan)
    if period:
        content["THOI_GIAN"] = [_p(period)]
    if plan.criteria:
        paragraphs = []
        groups = [("collective", "Đối với tập thể:"), ("individual", "Đối với cá nhân:"), (None, None)]
        letters = iter("abcdefgh")
        kinds_present = {c.applies_to for c in plan.criteria}
        for kind, label in groups:
            items = [c for c in plan.criteria if c.applies_to == kind]
            if not items:
                continue
            if label and len(kinds_present) > 1:
                paragraphs.append(_p(f"{next(letters)}) {label}", "heading3"))
            paragraphs.extend(_p(f"- {c.text};") for c in items)
        content["TIEU_CHUAN"] = paragraphs
    if plan.quotas:
        content["HINH_THUC"] = [_p(f"- {quota_text(q)}") for q in plan.quotas]
    dossier = [
        _p(f"- {d.item}" + (f": {format_count(d.copies, 'bản')}" if d.copies else "") + (f" ({d.form_ref})" if d.form_ref else "") + ";")
        for d in plan.dossier
    ]
    deadlines = [_p(_deadline_text(d.what, d.text, d.date)) for d in plan.deadlines]
    if dossier or deadlines:
        content["HO_SO"] = dossier + deadlines
    return content


_FALLBACK = {
    "DOI_TUONG": ("NOI_DUNG", "MUC_DICH_YEU_CAU"),
    "THOI_GIAN": ("NOI_DUNG", "DOI_TUONG"),
    "TIEU_CHUAN": ("HINH_THUC", "NOI_DUNG"),
    "HINH_THUC": ("SO_LUONG", "TIEU_CHUAN", "HO_SO", "NOI_DUNG"),
    "HO_SO": ("HINH_THUC", "SO_LUONG", "TO_CHUC_THUC_HIEN", "NOI_DUNG"),
}
_NEW_HEADINGS = {
    "DOI_TUONG": "ĐỐI TƯỢNG THI ĐUA",
    "THOI_GIAN": "THỜI GIAN THI ĐUA",
    "TIEU_CHUAN": "TIÊU CHUẨN KHEN THƯỞNG",
    "HINH_THUC": "HÌNH THỨC VÀ SỐ LƯỢNG KHEN THƯỞNG",
    "HO_SO": "HỒ SƠ VÀ THỜI HẠN ĐỀ NGHỊ KHEN THƯỞNG",
}
_ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


def _has_text(sections: list[Section]) -> bool:
    return any(s.text or _has_text(s.children) for s in sections)


def _verbatim_body(plan: Plan) -> list[dict[str, str]]:
    """A parsed plan's body as printed: each heading, then its paragraphs."""
    body = [_p(line) for line in plan.preamble]
    for top in plan.sections:
        body.append(_p(f"{top.label}. {top.heading.upper()}", "heading1"))
        body.extend(_p(line) for line in top.text)
        for child in top.children:
            body.append(_p(f"{child.label}. {child.heading}", "heading2"))
            body.extend(_p(line) for line in child.text)
    return body


def plan_body(plan: Plan) -> list[dict[str, str]]:
    """The body of a Kế hoạch. A parsed plan keeps its paragraphs as printed; data without
    them (a JSON file of fields) gets its sections (literal numbering), or the standard
    ones, each with the fields it holds: đối tượng, thời gian, tiêu chuẩn, hình thức and
    quotas, hồ sơ and deadlines."""
    if plan.preamble or _has_text(plan.sections):
        return _verbatim_body(plan)
    content = _slot_content(plan)
    sections = plan.sections
    if not sections:
        sections = [Section(_ROMAN[k], _NEW_HEADINGS[slot], slot=slot) for k, slot in enumerate(s for s in _NEW_HEADINGS if s in content)]
    placed: dict[int, list[dict[str, str]]] = {}
    flat: list[tuple[Section, str | None]] = []
    for top in sections:
        flat.append((top, _slot_of(top)))
        flat.extend((child, _slot_of(child)) for child in top.children)
    for slot in list(content):
        candidates = [slot, *_FALLBACK.get(slot, ())]
        target = next((id(s) for want in candidates for s, got in flat if got == want), None)
        if target is None:
            target = id(next((s for s, got in reversed(flat) if got != "TO_CHUC_THUC_HIEN"), flat[-1][0]))
        placed.setdefault(target, []).extend(content.pop(slot))
    body: list[dict[str, str]] = []
    for top in sections:
        body.append(_p(f"{top.label}. {top.heading.upper()}", "heading1"))
        body.extend(placed.get(id(top), []))
        for child in top.children:
            body.append(_p(f"{child.label}. {child.heading}", "heading2"))
            body.extend(placed.get(id(child), []) or [_p(_PLACEHOLDER)])
        if not top.children and id(top) not in placed:
            body.append(_p(_PLACEHOLDER))
    return body


#: What a heading without data gets: a line for the clerk to fill in.
_PLACEHOLDER = "…"


def _ke_hoach(plan: Plan, values: dict[str, Any], notes: list[str]) -> None:
    values["basis"] = [] if plan.preamble else _basis(plan, "Thực hiện")
    values["body"] = plan_body(plan)
    verbatim = bool(plan.preamble or _has_text(plan.sections))
    if values["body"] and not verbatim and values["body"][-1]["style"] == "body" and values["body"][-1]["text"] != _PLACEHOLDER:
        last = values["body"][-1]
        last["text"] = last["text"].rstrip(";.") + "./."


# ------------------------------------------------------------------ award dossiers


def _counts_phrase(nominees: list[Nominee]) -> str:
    collectives = sum(1 for n in nominees if n.kind == "collective")
    individuals = sum(1 for n in nominees if n.kind != "collective")
    parts = []
    if collectives:
        parts.append(format_count(collectives, "tập thể"))
    if individuals:
        parts.append(format_count(individuals, "cá nhân"))
    return " và ".join(parts)


def _person(person: Person | None) -> str:
    if person is None:
        return ""
    return person.name + (f", {person.title}" if person.title else "")


def _rows(nominees: list[Nominee], kind: str, default_award: str | None) -> list[dict[str, str]]:
    rows = []
    for n in (n for n in nominees if (n.kind == "collective") == (kind == "collective")):
        rows.append({
            "no": str(len(rows) + 1),
            "name": n.name,
            "position": n.position or "",
            "unit": n.unit or "",
            "award": n.award or default_award or "",
            "reward": format_amount(n.reward) if n.reward is not None else "",
            "votes": format_count(n.votes) if n.votes is not None else "",
            "share": "",
        })
    return rows


def _group_labels(values: dict[str, Any], prefix: str) -> None:
    numerals = iter(_ROMAN)
    values[f"{prefix}collective_label"] = f"{next(numerals)}. {_wording('collectives')}" if values[f"{prefix}collectives"] else ""
    values[f"{prefix}individual_label"] = f"{next(numerals)}. {_wording('individuals')}" if values[f"{prefix}individuals"] else ""


def _list(plan: Plan, values: dict[str, Any], title_key: str) -> None:
    values["list_title"] = _wording(title_key)
    caption_doc = values["doc_type_label"].capitalize()
    number = values["number_line"].removeprefix("Số:").strip()
    date = format_date_long(plan.issue_date, year=_year_of(plan))
    values["list_caption"] = f"(Kèm theo {caption_doc} số {number} {date}{' của ' + _issuer_name(plan) if plan.issuer else ''})"
    values["name_head"] = _wording("name_head")
    values["collectives"] = _rows(plan.nominees, "collective", plan.award)
    values["individuals"] = _rows(plan.nominees, "individual", plan.award)
    _group_labels(values, "")


def _issuer_name(plan: Plan) -> str:
    """The issuer as running text names it: "ỦY BAN NHÂN DÂN / XÃ TÂN LỢI" → "UBND xã Tân Lợi"."""
    lines = _issuer_lines(plan.issuer)
    if not lines:
        return ""
    for abbr, name in load("header")["org_abbreviations"].items():
        if fold(lines[0]) == fold(name) and len(lines) > 1:
            return f"{abbr} {_place_case(lines[1])}"
    return _place_case(" ".join(lines))


def _place_case(upper: str) -> str:
    """ "HUYỆN LỘC NINH" → "huyện Lộc Ninh": the level word in lower case, the name capitalised."""
    words = upper.split()
    folded = fold(upper)
    for level, printed in sorted(load("header")["levels"].items(), key=lambda kv: len(kv[0]), reverse=True):
        if folded.startswith(level + " "):
            rest = words[len(level.split()):]
            return " ".join([printed, *(w.capitalize() for w in rest)])
    return " ".join(w.capitalize() for w in words)


def _to_trinh(plan: Plan, values: dict[str, Any], notes: list[str]) -> None:
    addressees = [nfc(a).strip().lstrip("-– ").rstrip(";.,") for a in plan.addressees]
    if len(addressees) == 1:
        values["addressee_lines"] = [f"Kính gửi: {addressees[0]}."]
    else:
        values["addressee_lines"] = ["Kính gửi:"] + [
            f"- {a};" if k < len(addressees) - 1 else f"- {a}." for k, a in enumerate(addressees)
        ]
    if not values["title"]:
        values["title"] = f"Về việc đề nghị tặng {plan.award}"
    values["basis"] = _basis(plan)
    to = addressees[0] if addressees else ""
    issuer = _issuer_name(plan)
    values["body"] = [
        _p(f"{issuer} kính trình {to} xem xét, đề nghị tặng {plan.award} cho {_counts_phrase(plan.nominees)} "
           f"đã có thành tích xuất sắc. {_wording('attached_list')}"),
    ]
    values["closing"] = f"Kính trình {to} xem xét, quyết định./."
    values["recipients"] = _recipients(plan.recipients, first=_wording("as_above"))
    _list(plan, values, "list_title_proposal")


def _bien_ban(plan: Plan, values: dict[str, Any], notes: list[str]) -> None:
    meeting = plan.meeting
    assert meeting is not None
    if not values["title"]:
        values["title"] = "Họp Hội đồng Thi đua - Khen thưởng xét đề nghị " + (f"tặng {plan.award}" if plan.award else "khen thưởng")
    lines = []
    if meeting.start:
        lines.append(f"Thời gian bắt đầu: {_moment(meeting.start)}.")
    if meeting.venue:
        lines.append(f"Địa điểm: {meeting.venue}.")
    total = meeting.members_total
    present = meeting.members_present if meeting.members_present is not None else total
    attendance = f"Thành phần tham dự: {format_count(present)}/{format_count(total)} thành viên Hội đồng"
    lines.append(attendance + (", gồm:" if meeting.attendees else "."))
    lines.extend(
        f"- {_person(a)};" if k < len(meeting.attendees) - 1 else f"- {_person(a)}." for k, a in enumerate(meeting.attendees)
    )
    lines.append(f"Chủ trì (chủ tọa): {_person(meeting.chair)}.")
    lines.append(f"Thư ký (người ghi biên bản): {_person(meeting.secretary)}.")
    lines.append("Nội dung:")
    values["meeting_lines"] = lines
    values["body"] = [_p(
        f"Hội đồng đã xem xét hồ sơ đề nghị khen thưởng và bỏ phiếu kín; kết quả: "
        f"{_counts_phrase([n for n in plan.nominees if n.votes is not None]) or 'không có tập thể, cá nhân nào'} "
        f"được đề nghị khen thưởng như sau:"
    )]
    for group in ("collective", "individual"):
        rows = _rows(plan.nominees, group, plan.award)
        voters = [n for n in plan.nominees if (n.kind == "collective") == (group == "collective")]
        for row, n in zip(rows, voters, strict=True):
            if n.votes is not None and total:
                row["share"] = format_amount(round(100 * n.votes / total, 1))
        values[f"vote_{group}s"] = rows
    _group_labels(values, "vote_")
    values["name_head"] = _wording("name_head")
    values["votes_caption"] = f"Tổng số thành viên Hội đồng: {format_count(total)}."
    values["end_line"] = f"Cuộc họp kết thúc vào {_moment(meeting.end)}./." if meeting.end else ""
    values["secretary_lines"] = ["THƯ KÝ"]
    values["secretary_name"] = meeting.secretary.name if meeting.secretary else ""
    values["chair_lines"] = ["CHỦ TỌA"]
    values["chair_name"] = meeting.chair.name if meeting.chair else ""
    values["recipients"] = _recipients(plan.recipients, archive="Lưu: VT, Hồ sơ")


def _moment(iso: str) -> str:
    """ "2025-11-25T08:00" → "08 giờ 00 phút, ngày 25 tháng 11 năm 2025"."""
    date, _, time = iso.partition("T")
    out = format_date_long(date)
    if time:
        hh, mm = time.split(":")[:2]
        out = f"{format_time(int(hh), int(mm))}, {out}"
    return out


def _split_awards(past: list[PastAward]) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """Danh hiệu thi đua (titles: Lao động tiên tiến, Chiến sĩ thi đua …) apart from hình thức khen thưởng."""
    title_words = tuple(fold(t) for t in load("generate")["titles"]["words"])
    titles, awards = [], []
    for row in past:
        entry = {"year": str(row.year), "award": row.award, "decision": row.decision or ""}
        (titles if fold(row.award).startswith(title_words) else awards).append(entry)
    return titles, awards


def _report(plan: Plan, values: dict[str, Any], notes: list[str], kind: str) -> None:
    from ..award_law import form_for

    report = plan.report
    assert report is not None and report.subject is not None
    subject = report.subject
    collective = kind == "bao-cao-tap-the"
    values["title"] = plan.title or f"Đề nghị tặng {plan.award}"
    form_line = ""
    if report.form:
        form_line = f"({report.form})"
    else:
        # the form of the decree in force on the report's date; an undated draft is written today
        on = _dt.date.fromisoformat(plan.issue_date) if plan.issue_date else _dt.date.today()
        ref = form_for(kind_spec(kind)["form"], on)
        form_line = f"({ref.citation()})" if ref.confirmed and ref.number else ""
        if not (ref.confirmed and ref.number):
            notes.append(
                f"số mẫu báo cáo thành tích theo Nghị định {ref.decree.number} chưa được xác minh; "
                "mẫu này theo bố cục chung, cần đối chiếu với phụ lục của nghị định"
            )
    values["form_line"] = form_line
    body = []
    if collective:
        body.append(_p("I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH", "heading1"))
        body.append(_p(f"- Tên tập thể: {subject.name}."))
        if subject.unit:
            body.append(_p(f"- Đơn vị cấp trên: {subject.unit}."))
        if report.founded:
            body.append(_p(f"- Năm thành lập: {report.founded}."))
    else:
        body.append(_p("I. SƠ LƯỢC LÝ LỊCH", "heading1"))
        body.append(_p(f"- Họ và tên: {subject.name}."))
        for label, value in (
            ("Giới tính", report.gender),
            ("Ngày, tháng, năm sinh", format_date_short(report.birth_date) if report.birth_date else None),
            ("Quê quán", report.hometown),
            ("Chức vụ", subject.position),
            ("Đơn vị công tác", subject.unit),
            ("Trình độ chuyên môn, nghiệp vụ", report.qualification),
        ):
            if value:
                body.append(_p(f"- {label}: {value}."))
    body.append(_p("II. THÀNH TÍCH ĐẠT ĐƯỢC", "heading1"))
    body.extend(_p(text) for text in report.achievements)
    titles, awards = _split_awards(report.past_awards)
    if titles or awards:
        body.append(_p("III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG", "heading1"))
    values["body"] = body
    numerals = iter(("1", "2"))
    values["titles"], values["awards"] = titles, awards
    values["titles_label"] = f"{next(numerals)}. Danh hiệu thi đua" if titles else ""
    values["awards_label"] = f"{next(numerals)}. Hình thức khen thưởng" if awards else ""
    side = "collective" if collective else "individual"
    values["left_sign_lines"] = list(_wording(f"report_left_{side}"))
    values["sign_lines"] = list(_wording(f"report_right_{side}"))
    if collective:
        values["left_sign_name"] = ""
        values["signer_name"] = plan.signer.name or ""
    else:
        values["left_sign_name"] = plan.signer.name or ""
        values["signer_name"] = subject.name
    if not plan.issuer:
        values["issuer_lines"] = _issuer_lines(subject.name if collective else subject.unit)


def _quyet_dinh(plan: Plan, values: dict[str, Any], notes: list[str]) -> None:
    if not values["title"]:
        values["title"] = f"Về việc tặng {plan.award}"
    head = _head_title(plan) if plan.signer.authority in ("KT.", "TL.", "TUQ.") else (plan.signer.title or _head_title(plan)).upper()
    if plan.signer.authority == "Q.":
        head = _head_title(plan)
    values["authority_line"] = f"{head} {' '.join(_issuer_lines(plan.issuer))}".strip()
    values["basis"] = _basis(plan)
    articles = [
        f"Tặng {plan.award} cho {_counts_phrase(plan.nominees)} (có danh sách kèm theo) đã có thành tích xuất sắc.",
    ]
    rewards = [n.reward for n in plan.nominees if n.reward is not None]
    if rewards:
        articles.append(f"Tổng số tiền thưởng kèm theo là {format_amount(sum(rewards))} đồng, mức thưởng của từng tập thể, cá nhân theo danh sách kèm theo.")
    articles.append("Thủ trưởng các cơ quan, đơn vị có liên quan và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.")
    values["articles"] = [{"no": str(k + 1), "text": text} for k, text in enumerate(articles)]
    _list(plan, values, "list_title_decision")


_BUILDERS = {
    "ke-hoach": _ke_hoach,
    "to-trinh": _to_trinh,
    "bien-ban": _bien_ban,
    "quyet-dinh": _quyet_dinh,
}


def build_context(plan: Plan, kind: str) -> Context:
    """The template variables of ``kind`` for ``plan`` (required fields already checked)."""
    spec = kind_spec(kind)
    values = _common(plan, kind, spec)
    notes: list[str] = []
    if kind.startswith("bao-cao"):
        _report(plan, values, notes, kind)
    else:
        _BUILDERS[kind](plan, values, notes)
    return Context(values, notes)
