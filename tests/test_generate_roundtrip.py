"""Property: for every kind, parse(generate(data)) gives back every field the data holds.

Hypothesis draws plans and dossiers from the genre's own vocabulary (real unit names,
Vietnamese personal names, the award forms, document numbers and dates), renders them
to .docx, parses the file and compares field by field.
"""
from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import vbhc
from vbhc.generate.render import render_docx_bytes
from vbhc.model import Deadline, Meeting, Nominee, PastAward, Person, Plan, Quota, Reference, Report, Signer

UNITS = [
    ("XÃ", "Tân Lợi"), ("XÃ", "Phú Riềng"), ("PHƯỜNG", "Tiến Thành"), ("PHƯỜNG", "Ngã Năm"),
    ("XÃ", "Đắk Ơ"), ("HUYỆN", "Lộc Ninh"), ("THỊ XÃ", "Phước Long"), ("TỈNH", "Đồng Nai"),
    ("THÀNH PHỐ", "Cần Thơ"), ("XÃ", "Ea Kar"), ("PHƯỜNG", "Hòa Bình"), ("XÃ", "Quỳnh Lưu"),
]
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Đặng", "Bùi", "Đỗ", "Huỳnh"]
MIDDLE = ["Văn", "Thị", "Minh", "Quốc", "Thị Thu", "Hữu", "Ngọc"]
GIVEN = ["An", "Bình", "Hà", "Tuấn", "Mai", "Nhung", "Việt", "Hùng", "Lan", "Phong", "Tuyết"]
POSITIONS = ["Chánh Văn phòng", "Công chức Tư pháp - Hộ tịch", "Phó Trưởng phòng", "Kế toán", "Chuyên viên"]
COLLECTIVES = ["Văn phòng HĐND và UBND", "Phòng Kinh tế", "Phòng Văn hóa - Xã hội", "Trường Tiểu học Kim Đồng", "Trạm Y tế"]
AWARDS = ["Giấy khen", "Bằng khen", "Chiến sĩ thi đua cơ sở", "Lao động tiên tiến", "Tập thể lao động tiên tiến"]
RECIPIENTS = ["Sở Nội vụ", "TT. HĐND xã", "CT, các PCT UBND xã", "Các cơ quan, đơn vị", "Hội đồng TĐ-KT xã", "Thường trực Đảng ủy"]

names = st.builds(lambda s, m, g: f"{s} {m} {g}", st.sampled_from(SURNAMES), st.sampled_from(MIDDLE), st.sampled_from(GIVEN))
units = st.sampled_from(UNITS)
days = st.dates(min_value=dt.date(2021, 1, 1), max_value=dt.date(2030, 12, 31))


@st.composite
def header(draw, symbol: str) -> Plan:
    level, name = draw(units)
    issue = draw(st.one_of(st.none(), days))
    seq = draw(st.one_of(st.none(), st.integers(1, 999)))
    authority = draw(st.sampled_from([None, "TM.", "KT."]))
    title = {None: "CHỦ TỊCH", "TM.": "CHỦ TỊCH", "KT.": "PHÓ CHỦ TỊCH"}[authority]
    recipients = draw(st.lists(st.sampled_from(RECIPIENTS), min_size=1, max_size=4, unique=True))
    return Plan(
        issuer=f"ỦY BAN NHÂN DÂN {level} {name.upper()}",
        number=f"{seq if seq else ''}/{symbol}-UBND",
        issue_date=issue.isoformat() if issue else None,
        place=name,
        signer=Signer(authority, title, draw(names)),
        recipients=[*recipients, "Lưu: VT"],
    )


def _reparse(plan: Plan, kind: str) -> Plan:
    data, _ = render_docx_bytes(plan, kind)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{kind}.docx"
        path.write_bytes(data)
        return vbhc.parse_file(path)


def _same_header(got: Plan, want: Plan) -> None:
    for name in ("issuer", "place", "issue_date"):
        assert getattr(got, name) == getattr(want, name), name
    if want.number and want.number[0].isdigit():
        seq, symbol = want.number.split("/", 1)
        assert (got.number_seq, got.symbol) == (int(seq), symbol)
        assert got.number == f"{int(seq):02d}/{symbol}"  # "Số:" pads numbers below 10
    assert (got.signer.authority, got.signer.title, got.signer.name) == (want.signer.authority, want.signer.title, want.signer.name)
    assert got.recipients[-len(want.recipients):] == want.recipients


SETTINGS = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)


@SETTINGS
@given(st.data())
def test_ke_hoach_round_trip(data) -> None:
    plan = data.draw(header("KH"))
    year = int(plan.issue_date[:4]) if plan.issue_date else 2026
    plan.title = f"Phát động phong trào thi đua “Đẩy mạnh cải cách hành chính” năm {year}"
    plan.references = [
        Reference(None, f"{data.draw(st.integers(1, 500))}/KH-UBND", data.draw(days).isoformat()),
        Reference(None, "152/2025/NĐ-CP", "2025-06-14"),
    ]
    award = data.draw(st.sampled_from(["Giấy khen", "Bằng khen"]))
    plan.quotas = [Quota(award, "Chủ tịch UBND tỉnh", data.draw(st.integers(1, 20)), data.draw(st.integers(1, 30)), "hàng năm", data.draw(st.booleans()))]
    start = dt.date.fromisoformat(plan.issue_date) if plan.issue_date else dt.date(year, 1, 1)
    due = start + dt.timedelta(days=data.draw(st.integers(10, 300)))
    plan.deadlines = [Deadline(due.isoformat(), False, "Hồ sơ đề nghị khen thưởng gửi về Phòng Nội vụ", "")]
    got = _reparse(plan, "ke-hoach")
    _same_header(got, plan)
    assert got.title == plan.title and got.doc_type == "KE_HOACH"
    assert [(r.number, r.date) for r in got.references] == [(r.number, r.date) for r in plan.references]
    assert [(q.award, q.collectives, q.individuals, q.max) for q in got.quotas] == [
        (q.award, q.collectives, q.individuals, q.max) for q in plan.quotas
    ]
    assert [d.date for d in got.deadlines] == [due.isoformat()]


@st.composite
def nominees(draw, votes: bool = False, reward: bool = False) -> list[Nominee]:
    level, name = draw(units)
    out = [
        Nominee("collective", f"{c} {level.lower()} {name}", votes=draw(st.integers(5, 9)) if votes else None,
                reward=draw(st.sampled_from([1404000, 2340000])) if reward else None)
        for c in draw(st.lists(st.sampled_from(COLLECTIVES), min_size=0, max_size=3, unique=True))
    ]
    people = draw(st.lists(names, min_size=1, max_size=4, unique=True))
    out += [
        Nominee("individual", person, draw(st.sampled_from(POSITIONS)), f"UBND {level.lower()} {name}",
                votes=draw(st.integers(5, 9)) if votes else None, reward=702000 if reward else None)
        for person in people
    ]
    return out


def _same_nominees(got: list[Nominee], want: list[Nominee]) -> None:
    key = lambda n: (n.kind, n.name, n.position, n.unit, n.votes, n.reward)  # noqa: E731
    assert sorted(map(key, got), key=str) == sorted(map(key, want), key=str)


@SETTINGS
@given(st.data())
def test_to_trinh_round_trip(data) -> None:
    plan = data.draw(header("TTr"))
    plan.addressees = data.draw(st.lists(st.sampled_from(["Chủ tịch UBND tỉnh Đồng Nai", "Sở Nội vụ tỉnh Đồng Nai", "Ban Thi đua - Khen thưởng tỉnh"]), min_size=1, max_size=2, unique=True))
    plan.award = data.draw(st.sampled_from(["Giấy khen của Chủ tịch UBND xã", "Bằng khen của Chủ tịch UBND tỉnh"]))
    plan.nominees = data.draw(nominees())
    got = _reparse(plan, "to-trinh")
    _same_header(got, plan)
    assert got.doc_type == "TO_TRINH" and got.addressees == plan.addressees and got.award == plan.award
    _same_nominees(got.nominees, plan.nominees)


@SETTINGS
@given(st.data())
def test_quyet_dinh_round_trip(data) -> None:
    plan = data.draw(header("QĐ"))
    plan.award = data.draw(st.sampled_from(["Giấy khen của Chủ tịch UBND xã", "Giấy khen của Chủ tịch UBND huyện"]))
    plan.nominees = data.draw(nominees(reward=True))
    plan.references = [Reference(None, "06/2022/QH15", None, None, "Luật Thi đua, khen thưởng số 06/2022/QH15")]
    got = _reparse(plan, "quyet-dinh")
    _same_header(got, plan)
    assert got.doc_type == "QUYET_DINH" and got.award == plan.award
    assert [r.number for r in got.references] == ["06/2022/QH15"]
    _same_nominees(got.nominees, plan.nominees)


@SETTINGS
@given(st.data())
def test_bien_ban_round_trip(data) -> None:
    plan = data.draw(header("BB"))
    plan.issue_date = None  # Mẫu 1.9 has no date line
    day = data.draw(days)
    total = data.draw(st.integers(7, 15))
    plan.meeting = Meeting(
        start=f"{day.isoformat()}T{data.draw(st.integers(7, 9)):02d}:{data.draw(st.sampled_from([0, 30])):02d}",
        end=f"{day.isoformat()}T{data.draw(st.integers(10, 16)):02d}:00",
        venue=f"Hội trường UBND {plan.place}",
        members_total=total, members_present=data.draw(st.integers(5, total)),
        chair=Person(data.draw(names), "Chủ tịch Hội đồng"), secretary=Person(data.draw(names), "Công chức Văn phòng - Thống kê"),
    )
    plan.award = "Giấy khen của Chủ tịch UBND xã"
    plan.nominees = data.draw(nominees(votes=True))
    got = _reparse(plan, "bien-ban")
    assert got.doc_type == "BIEN_BAN" and got.issuer == plan.issuer
    assert got.meeting == plan.meeting
    _same_nominees(got.nominees, plan.nominees)


@SETTINGS
@given(st.data(), st.sampled_from(["bao-cao-tap-the", "bao-cao-ca-nhan"]))
def test_bao_cao_round_trip(data, kind: str) -> None:
    plan = data.draw(header("BC"))
    plan.number = None
    plan.signer = Signer(None, None, data.draw(names))
    level, name = data.draw(units)
    if kind == "bao-cao-tap-the":
        subject = Nominee("collective", f"Văn phòng HĐND và UBND {level.lower()} {name}", unit=f"UBND {level.lower()} {name}")
        report = Report(subject, founded=str(data.draw(st.integers(1976, 2025))))
    else:
        subject = Nominee("individual", data.draw(names), data.draw(st.sampled_from(POSITIONS)), f"UBND {level.lower()} {name}")
        report = Report(subject, birth_date=data.draw(st.dates(dt.date(1965, 1, 1), dt.date(2000, 12, 31))).isoformat(),
                        gender=data.draw(st.sampled_from(["Nam", "Nữ"])), hometown=f"{level.lower()} {name}", qualification="Cử nhân Luật")
    report.achievements = ["Hoàn thành xuất sắc nhiệm vụ được giao; giải quyết 100% hồ sơ thủ tục hành chính đúng hạn."]
    report.past_awards = [PastAward(data.draw(st.integers(2019, 2024)), data.draw(st.sampled_from(AWARDS)), "Quyết định số 215/QĐ-UBND ngày 15/12/2023 của UBND huyện Tân Phú")]
    plan.report = report
    plan.award = "Giấy khen của Chủ tịch UBND xã"
    got = _reparse(plan, kind)
    assert got.doc_type == "BAO_CAO" and got.award == plan.award and got.place == plan.place
    assert got.report is not None
    want = plan.report
    assert (got.report.subject.kind, got.report.subject.name, got.report.subject.position, got.report.subject.unit) == (
        want.subject.kind, want.subject.name, want.subject.position, want.subject.unit)
    for field in ("birth_date", "gender", "hometown", "qualification", "founded", "achievements", "past_awards"):
        assert getattr(got.report, field) == getattr(want, field), field
