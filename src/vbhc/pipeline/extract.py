"""Stage 4–5: the parts of a segmented document → one :class:`~vbhc.model.Plan`.

Each field's value is cut from the normalised text; its span and confidence go to
``Plan.provenance``; what looked wrong or was guessed goes to ``Plan.warnings``.
"""
from __future__ import annotations

import re

from .. import vocab
from ..errors import NotADocumentError
from ..model import Plan, Provenance, Signer
from ..vn.text import fold, squash
from .body.deadlines import read_deadlines
from .body.dossier import read_dossier
from .body.outline import outline
from .body.period import read_period
from .body.quotas import read_quotas
from .body.references import read_references
from .body.targets import read_criteria, read_targets
from .dossier import read_dossier_parts
from .header import read_date, read_issuers, read_number
from .issuer import infer_issuer
from .recipients import read_recipients
from .sections import read_sections
from .segment import Layout, Piece
from .signature import read_signer

__all__ = ["extract"]

# A year of five digits or more ("năm 20233"); literal-led so that it scans fast.
_JOINING_WORDS = frozenset({"cua", "thuoc", "va", "tai", "cho", "voi", "tren", "o"})
_BAD_YEAR = re.compile(r"(?P<y>(?:19|20)\d{3,})(?!\d)")
_YEAR_BEFORE = re.compile(r"(?:nam\s+|(?<![\d/])\d{1,2}/\d{1,2}/)$")


def _prov(piece: Piece | None, confidence: float = 1.0, inferred: bool = False) -> Provenance:
    return Provenance(span=[piece.start, piece.end] if piece else None, confidence=confidence, inferred=inferred)


def _fill_number(plan: Plan, layout: Layout) -> int | None:
    """Fill the number fields; return the year the number prints ("158/2025/NĐ-CP"), if any."""
    number = read_number(layout)
    if number is None:
        plan.warn("number.missing", "Không tìm thấy dòng “Số:” và ký hiệu văn bản", "number")
        return None
    plan.number, plan.number_seq, plan.symbol = number.text, number.seq, number.symbol
    plan.provenance["number"] = _prov(number.piece)
    if number.seq is None:
        plan.warn("number.blank", "Số văn bản để trống (bản chưa ký hoặc chưa vào sổ)", "number")
    return number.year


def _fill_date(plan: Plan, layout: Layout) -> None:
    place, parts, piece = read_date(layout)
    if piece is None:
        if layout.doc_type is not None and layout.doc_type.code == "BIEN_BAN":
            return  # Mẫu 1.9: a Biên bản has no place-date line in its header
        plan.warn("date.missing", "Không tìm thấy dòng địa danh, ngày tháng năm ban hành", "issue_date")
        return
    plan.place = place
    plan.provenance["place"] = _prov(piece.cut(0, len(place)) if place else None, 0.9 if place else 0.0)
    if parts is None:
        return
    plan.issue_date = parts.iso
    plan.provenance["issue_date"] = _prov(piece, 1.0 if parts.iso else 0.0)
    if parts.problem:
        plan.warn("date.invalid", f"Ngày ban hành không hợp lệ: {parts.problem}", "issue_date")
    elif parts.day is None or parts.month is None:
        plan.warn("date.blank", "Ngày hoặc tháng ban hành để trống", "issue_date")


def _fill_type(plan: Plan, layout: Layout) -> None:
    if layout.doc_type is not None:
        plan.doc_type = layout.doc_type.code
        plan.doc_type_label = squash(layout.type_piece.text) if layout.type_piece else layout.doc_type.name
        plan.provenance["doc_type"] = _prov(layout.type_piece)
        symbol_type = (plan.symbol or "").split("-")[0]
        by_abbr = vocab.doc_type_by_abbr()
        if symbol_type and fold(symbol_type) in by_abbr and by_abbr[fold(symbol_type)].code != plan.doc_type:
            plan.warn(
                "type.symbol_mismatch",
                f"Ký hiệu “{plan.symbol}” không khớp tên loại “{plan.doc_type_label}”",
                "doc_type",
            )
        return
    by_abbr = vocab.doc_type_by_abbr()
    symbol_type = (plan.symbol or "").split("-")[0].split("/")[0]
    if (layout.title and fold(layout.title[0].text).startswith(("v/v", "ve viec"))) or (plan.symbol and fold(symbol_type) not in by_abbr):
        plan.doc_type = "CONG_VAN"
        plan.provenance["doc_type"] = Provenance(confidence=0.8, inferred=True)
    elif plan.symbol and fold(symbol_type) in by_abbr:
        plan.doc_type = by_abbr[fold(symbol_type)].code
        plan.provenance["doc_type"] = Provenance(confidence=0.6, inferred=True)
        plan.warn("type.from_symbol", f"Không có dòng tên loại; suy ra từ ký hiệu “{plan.symbol}”", "doc_type")


def _fill_title(plan: Plan, layout: Layout) -> None:
    if not layout.title:
        if plan.doc_type and plan.doc_type != "CONG_VAN":
            plan.warn("title.missing", "Không tìm thấy trích yếu nội dung", "title")
        return
    title = squash(" ".join(p.text for p in layout.title))
    if plan.issuer and plan.doc_type != "CONG_VAN":
        # "… NĂM 2026 ỦY BAN NHÂN DÂN TỈNH BẮC NINH": the QĐ's authority run into the title.
        tail = plan.issuer
        head = fold(title)[: -len(tail)].rstrip()
        joined = head.rsplit(" ", 1)[-1] in _JOINING_WORDS  # "… năm 2024 của Ủy ban nhân dân tỉnh X"
        if fold(title).endswith(" " + fold(tail)) and len(title) > len(tail) + 10 and not joined:
            cut = title[: -len(tail)].rstrip()
            # and the head of the issuer before it: "… MÃ SỐ CỤC TRƯỞNG CỤC HẢI QUAN", unless
            # the title itself ends so: "… NĂM 2024 CỦA BỘ TRƯỞNG BỘ TÀI CHÍNH"
            folded = fold(cut)
            lead = next((h for h in vocab.load("body")["authority_starts"] if folded.endswith(" " + h)), None)
            if lead and folded[: -len(lead)].rstrip().rsplit(" ", 1)[-1] in _JOINING_WORDS:
                cut = title
            elif lead and cut[-len(lead):].isupper() and len(cut) > len(lead) + 10:
                cut = cut[: -len(lead)].rstrip()
            title = cut
    title = re.sub(r"\s*\.$", "", title)
    plan.title = title or None
    first, last = layout.title[0], layout.title[-1]
    plan.provenance["title"] = Provenance(span=[first.start, last.end])


def _fill_issuer(plan: Plan, layout: Layout, signer_org: str | None) -> None:
    issuer, parent, pieces = read_issuers(layout)
    if issuer:
        plan.issuer, plan.parent_issuer = issuer, parent
        plan.provenance["issuer"] = Provenance(span=[pieces[0].start, pieces[-1].end])
        if parent:
            plan.provenance["parent_issuer"] = Provenance(span=[pieces[0].start, pieces[0].end], confidence=0.9)
        return
    plan.issuer_printed = False
    if layout.authority_line is not None:
        # The QĐ's authority line under the title names the issuer when the header is missing.
        plan.issuer = squash(layout.authority_line.text).upper()
        plan.provenance["issuer"] = _prov(layout.authority_line, 0.8, inferred=True)
        plan.warn("issuer.inferred", f"Không có phần tên cơ quan ban hành; lấy “{plan.issuer}” từ dòng thẩm quyền ban hành dưới trích yếu", "issuer")
        return
    inferred = infer_issuer(layout, plan.place, signer_org, plan.symbol)
    if inferred is None:
        plan.warn("issuer.missing", "Không có tên cơ quan ban hành và không suy ra được từ nội dung", "issuer")
        return
    plan.issuer = inferred.name
    plan.provenance["issuer"] = Provenance(span=list(inferred.span) if inferred.span else None, confidence=inferred.confidence, inferred=True)
    plan.warn("issuer.inferred", f"Không có phần tên cơ quan ban hành; đã suy ra “{inferred.name}” từ nội dung, chữ ký và ký hiệu", "issuer")


def _signature_org(layout: Layout, block: list[str]) -> str | None:
    """The body named after "TM." in the signature block ("TM. ỦY BAN NHÂN DÂN")."""
    for line in block:
        m = re.match(r"^\s*T\s*/?\s*M\s*\.\s*(?P<org>.+?)(?:\s+(?:KT|TL|TUQ|Q)\s*\..*)?$", line)
        if m:
            return squash(m.group("org"))
    return None


def _fill_signer(plan: Plan, layout: Layout) -> None:
    reading = read_signer(layout)
    plan.signer = Signer(reading.authority, reading.title, reading.name, reading.block)
    if reading.name_piece:
        plan.provenance["signer.name"] = _prov(reading.name_piece, 0.9)
    if reading.title_piece:
        plan.provenance["signer.title"] = _prov(reading.title_piece)
    if reading.authority:
        plan.provenance["signer.authority"] = Provenance(confidence=0.6 if reading.authority_inferred else 1.0, inferred=reading.authority_inferred)
    if reading.authority_inferred:
        plan.warn("signer.authority_inferred", f"Quyền hạn ký không rõ hoặc thiếu; suy ra “{reading.authority}” vì người ký là cấp phó", "signer.authority")
    if not reading.block:
        plan.warn("signer.missing", "Không tìm thấy khối chữ ký (chức vụ, họ tên người ký)", "signer")
    elif reading.name is None:
        plan.warn("signer.name_missing", "Khối chữ ký không có họ tên người ký", "signer.name")


def _fill_body(plan: Plan, layout: Layout, number_year: int | None) -> None:
    plan.recipients, pieces = read_recipients(layout)
    if pieces:
        plan.provenance["recipients"] = Provenance(span=[pieces[0].start, pieces[-1].end])
    elif layout.recipients_label is None:
        plan.warn("recipients.missing", "Không có phần “Nơi nhận”", "recipients")
    plan.sections, issues = read_sections(layout, plan.preamble)
    for issue in issues:
        plan.warn(issue.code, issue.message, "sections")
    _fill_body_fields(plan, layout, number_year)
    read_dossier_parts(plan, layout)
    for m in _BAD_YEAR.finditer(layout.nt.folded):
        if (m.start() and layout.nt.folded[m.start() - 1].isdigit()) or not _YEAR_BEFORE.search(layout.nt.folded[max(0, m.start() - 8):m.start()]):
            continue
        snippet = squash(layout.nt.text[max(0, m.start() - 20):m.end() + 5])
        plan.warn("text.bad_year", f"Năm không hợp lệ “{m.group('y')}”: …{snippet}…", "text")


def _header_year(layout: Layout) -> str | None:
    """The year of the date line when the day or month is blank ("ngày … tháng … năm 2021")."""
    _, parts, _ = read_date(layout)
    return f"{parts.year:04d}" if parts and parts.year and not parts.problem else None


def _fill_body_fields(plan: Plan, layout: Layout, number_year: int | None) -> None:
    """References, period, targets, criteria, quotas, deadlines, dossier (issue 3).
    ``number_year`` (the year a number such as "158/2025/NĐ-CP" prints) stands in for the
    issue date when that is missing."""
    tree = outline(layout)
    # Quotas, deadlines and criteria also live in what a QĐ attaches ("Quy định … ban hành
    # kèm theo"); references are counted to the signature only.
    whole = outline(layout, attachment=True) if layout.attachment_start is not None else tree
    plan.references = read_references(layout, plan.number)
    period = read_period(whole, plan.title, plan.issue_date, plan.doc_type)
    plan.campaign_period = period.period
    if period.period is not None:
        plan.provenance["campaign_period"] = Provenance(
            span=list(period.span) if period.span else None, confidence=period.confidence, inferred=period.span is None
        )
        if period.span and period.period.start is None and plan.issue_date is None and "ban hành" in (period.period.text or "").lower():
            plan.warn("period.start_blank", "Thời gian thi đua tính từ ngày ban hành, nhưng ngày ban hành để trống", "campaign_period")
    plan.targets = read_targets(whole)
    plan.criteria = read_criteria(whole)
    plan.quotas, quota_issues = read_quotas(whole)
    for issue in quota_issues:
        plan.warn(issue.code, issue.message, "quotas")
    for k, quota in enumerate(plan.quotas):
        if quota.collectives is None and quota.individuals is None:
            plan.provenance[f"quotas[{k}]"] = Provenance(confidence=0.5)
    issued = plan.issue_date or _header_year(layout) or (f"{number_year:04d}" if number_year else None)
    plan.deadlines, deadline_issues = read_deadlines(whole, period.span, issued)
    for issue in deadline_issues:
        plan.warn(issue.code, issue.message, "deadlines")
    plan.dossier = read_dossier(whole)


def extract(layout: Layout, source: str | None = None) -> Plan:
    """Build the plan from a segmented document; raise NotADocumentError if it is not one."""
    plan = Plan(source=source)
    number_year = _fill_number(plan, layout)
    _fill_date(plan, layout)
    _fill_type(plan, layout)
    _fill_signer(plan, layout)
    _fill_issuer(plan, layout, _signature_org(layout, plan.signer.block))
    _fill_title(plan, layout)
    _fill_body(plan, layout, number_year)
    if not (plan.number or layout.doc_type or layout.quoc_hieu or plan.signer.title):
        raise NotADocumentError(
            source or "<văn bản>",
            "không phải văn bản hành chính (không có “Số:”, tên loại, Quốc hiệu hay chữ ký)",
        )
    return plan
