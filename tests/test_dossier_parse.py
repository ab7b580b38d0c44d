"""Award dossiers read back: addressees, award, nominees, meeting and report.

The five documents the generator renders (Tờ trình, Biên bản, Báo cáo thành tích tập thể
and cá nhân, Quyết định) are parsed back to the data they were made from; plain-text
parts written the way clerks write them (no dash, "|" rows, labels without diacritics,
columns side by side) are read too; a Kế hoạch gets none of these fields.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import CORPUS, ROOT
from docx import Document

import vbhc
from vbhc.generate.render import render_docx_bytes
from vbhc.model import Meeting, Nominee, PastAward, Person, Plan, Reference, Report, Signer
from vbhc.readers import read_source
from vbhc.readers.docx import CELL_SEPARATOR, read_docx

DATA = json.loads((ROOT / "tests" / "data" / "generate" / "ho-so-xa-tan-loi.json").read_text(encoding="utf-8"))
KINDS = ["to-trinh", "bien-ban", "bao-cao-tap-the", "bao-cao-ca-nhan", "quyet-dinh"]
INDIVIDUAL = Nominee("individual", "Trần Văn Bình", "Chánh Văn phòng", "Văn phòng HĐND và UBND xã Tân Lợi")


def _plan(kind: str) -> Plan:
    """The dossier's data as a Plan, as the generator takes it for ``kind``."""
    d = DATA
    m, r = d["meeting"], d["report"]
    plan = Plan(
        issuer=d["issuer"], parent_issuer=d["parent_issuer"], place=d["place"], issue_date=d["issue_date"],
        signer=Signer(**d["signer"]), addressees=list(d["addressees"]), award=d["award"], recipients=list(d["recipients"]),
        references=[Reference(doc_type=None, **ref) for ref in d["references"]],
        nominees=[Nominee(**n) for n in d["nominees"]],
        meeting=Meeting(start=m["start"], end=m["end"], venue=m["venue"], members_total=m["members_total"],
                        members_present=m["members_present"], chair=Person(**m["chair"]), secretary=Person(**m["secretary"])),
        report=Report(subject=Nominee(**r["subject"]), founded=r["founded"], achievements=list(r["achievements"]),
                      past_awards=[PastAward(**a) for a in r["past_awards"]]),
    )
    symbol = {"to-trinh": "TTr", "bien-ban": "BB", "quyet-dinh": "QĐ"}.get(kind)
    plan.number = f"27/{symbol}-UBND" if symbol else None
    if kind == "bao-cao-ca-nhan":
        plan.report = Report(subject=INDIVIDUAL, gender="Nam", birth_date="1984-02-05", hometown="xã Tân Lợi, tỉnh Đồng Nai",
                             qualification="Cử nhân Luật", achievements=list(r["achievements"]),
                             past_awards=[PastAward(**a) for a in r["past_awards"]])
        plan.award = "Chiến sĩ thi đua cơ sở"
    return plan


@pytest.fixture(scope="module")
def parsed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Plan]:
    """Each kind rendered to .docx from the data and parsed back."""
    folder = tmp_path_factory.mktemp("ho-so")
    out = {}
    for kind in KINDS:
        data, _ = render_docx_bytes(_plan(kind), kind)
        path = folder / f"{kind}.docx"
        path.write_bytes(data)
        out[kind] = vbhc.parse_file(path)
    return out


def _nominees(*, votes: bool = False, reward: bool = False) -> list[Nominee]:
    """The data's nominees as a document that prints votes or rewards gives them back."""
    out = []
    for n in DATA["nominees"]:
        n = dict(n)
        if not votes:
            n.pop("votes", None)
        if not reward:
            n.pop("reward", None)
        out.append(Nominee(**n))
    return out


def _header_and_signer(plan: Plan, kind: str) -> None:
    assert (plan.issuer, plan.parent_issuer) == (DATA["issuer"], DATA["parent_issuer"])
    if kind != "bien-ban":
        assert (plan.place, plan.issue_date) == (DATA["place"], DATA["issue_date"])
    assert not any(w.code.startswith(("signer.", "title.")) for w in plan.warnings), plan.warnings


# ------------------------------------------------------------------ the five rendered kinds


def test_to_trinh_reads_back(parsed: dict[str, Plan]) -> None:
    plan = parsed["to-trinh"]
    _header_and_signer(plan, "to-trinh")
    assert (plan.doc_type, plan.number, plan.title) == ("TO_TRINH", "27/TTr-UBND", "Về việc đề nghị tặng Giấy khen của Chủ tịch UBND xã")
    assert plan.addressees == DATA["addressees"]
    assert plan.award == DATA["award"]
    assert plan.nominees == _nominees()
    assert (plan.signer.authority, plan.signer.title, plan.signer.name) == ("KT.", "PHÓ CHỦ TỊCH", "Nguyễn Thị Hồng Nhung")
    assert plan.recipients == DATA["recipients"]
    assert [r.number for r in plan.references] == [r["number"] for r in DATA["references"]]
    assert plan.meeting is None and plan.report is None
    # the Kính gửi lines are ô 9a, not the body's first paragraphs
    assert not any("Kính gửi" in line or line.startswith("- ") for line in plan.preamble)


def test_bien_ban_reads_back(parsed: dict[str, Plan]) -> None:
    plan = parsed["bien-ban"]
    _header_and_signer(plan, "bien-ban")
    assert (plan.doc_type, plan.number, plan.issue_date, plan.place) == ("BIEN_BAN", "27/BB-UBND", None, None)
    assert plan.title == f"Họp Hội đồng Thi đua - Khen thưởng xét đề nghị tặng {plan.award}"
    assert plan.award == "Giấy khen của Chủ tịch UBND xã"
    m = DATA["meeting"]
    assert plan.meeting == Meeting(
        start=m["start"], end=m["end"], venue=m["venue"], members_total=9, members_present=9,
        chair=Person(**m["chair"]), secretary=Person(**m["secretary"]),
    )
    assert plan.nominees == _nominees(votes=True)
    # the vote table names one award for every row: it is the document's
    assert plan.award == DATA["award"]
    assert (plan.signer.title, plan.signer.name) == ("CHỦ TỌA", "Đỗ Minh Tuấn")
    assert plan.recipients == DATA["recipients"]
    assert plan.addressees == [] and plan.report is None


def test_bao_cao_tap_the_reads_back(parsed: dict[str, Plan]) -> None:
    plan = parsed["bao-cao-tap-the"]
    _header_and_signer(plan, "bao-cao-tap-the")
    assert (plan.doc_type, plan.doc_type_label) == ("BAO_CAO", "BÁO CÁO THÀNH TÍCH")
    assert plan.title == "Đề nghị tặng Giấy khen của Chủ tịch UBND xã"
    assert plan.award == DATA["award"]
    r = DATA["report"]
    assert plan.report == Report(
        subject=Nominee(**r["subject"]), founded="2025", achievements=r["achievements"],
        past_awards=[PastAward(**a) for a in r["past_awards"]],
    )
    assert (plan.signer.title, plan.signer.name) == ("THỦ TRƯỞNG ĐƠN VỊ", "Nguyễn Thị Hồng Nhung")
    assert plan.nominees == [] and plan.meeting is None and plan.addressees == []


def test_bao_cao_ca_nhan_reads_back(parsed: dict[str, Plan]) -> None:
    plan = parsed["bao-cao-ca-nhan"]
    _header_and_signer(plan, "bao-cao-ca-nhan")
    assert (plan.doc_type, plan.title, plan.award) == ("BAO_CAO", "Đề nghị tặng Chiến sĩ thi đua cơ sở", "Chiến sĩ thi đua cơ sở")
    report = plan.report
    assert report is not None
    assert report.subject == INDIVIDUAL
    assert (report.gender, report.birth_date, report.hometown, report.qualification) == (
        "Nam", "1984-02-05", "xã Tân Lợi, tỉnh Đồng Nai", "Cử nhân Luật")
    assert report.form == "Mẫu số 05 Phụ lục ban hành kèm theo Nghị định số 152/2025/NĐ-CP"
    assert report.achievements == DATA["report"]["achievements"]
    assert report.past_awards == [PastAward(**a) for a in DATA["report"]["past_awards"]]
    # two signatures: the reporting person signs; the head of the unit only confirms
    assert (plan.signer.title, plan.signer.name) == ("NGƯỜI BÁO CÁO THÀNH TÍCH", "Trần Văn Bình")


def test_quyet_dinh_reads_back(parsed: dict[str, Plan]) -> None:
    plan = parsed["quyet-dinh"]
    _header_and_signer(plan, "quyet-dinh")
    assert (plan.doc_type, plan.number, plan.title) == ("QUYET_DINH", "27/QĐ-UBND", "Về việc tặng Giấy khen của Chủ tịch UBND xã")
    assert plan.award == DATA["award"]
    assert plan.nominees == _nominees(reward=True)
    assert [(r.number, r.date) for r in plan.references] == [
        ("06/2022/QH15", "2022-06-15"), ("152/2025/NĐ-CP", "2025-06-14"), ("15/KH-UBND", "2025-03-10")]
    assert [s.label for s in plan.sections] == ["Điều 1", "Điều 2", "Điều 3"]
    assert (plan.signer.authority, plan.signer.title, plan.signer.name) == ("KT.", "PHÓ CHỦ TỊCH", "Nguyễn Thị Hồng Nhung")
    assert plan.recipients == DATA["recipients"] and plan.addressees == []


@pytest.mark.parametrize("kind", KINDS)
def test_rows_stay_out_of_the_other_fields(parsed: dict[str, Plan], kind: str) -> None:
    """Table rows are nominees or awards received, never section text, targets or quotas."""
    plan = parsed[kind]

    def texts(sections):
        for s in sections:
            yield s.heading
            yield from s.text
            yield from texts(s.children)

    assert not any(CELL_SEPARATOR.strip() in t for t in [*plan.preamble, *texts(plan.sections)])
    assert not plan.targets
    names = {n["name"] for n in DATA["nominees"]}
    assert not any(name in q.text for q in plan.quotas for name in names)
    assert all(CELL_SEPARATOR.strip() not in (r.text + (r.issuer or "")) for r in plan.references)


# ------------------------------------------------------------------ the Word reader


def test_docx_reads_wide_tables_row_by_row(tmp_path: Path) -> None:
    """A table of 3+ columns: one line per row, empty cells kept; a 2-column table as before."""
    document = Document()
    head = document.add_table(rows=1, cols=2)
    head.rows[0].cells[0].text, head.rows[0].cells[1].text = "ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    table = document.add_table(rows=3, cols=4)
    for row, values in zip(table.rows, [["STT", "Họ và tên", "Chức vụ", "Số phiếu"], ["1", "Lê Văn Tám", "", "08"], ["2", "Trạm Y tế", "", ""]], strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    merged = document.add_table(rows=1, cols=3)
    merged.rows[0].cells[0].merge(merged.rows[0].cells[2]).text = "II. CÁ NHÂN"
    path = tmp_path / "bang.docx"
    document.save(str(path))
    lines = [line for line in read_docx(path).text.split("\n") if line]
    assert lines == [
        "ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "STT | Họ và tên | Chức vụ | Số phiếu", "1 | Lê Văn Tám |  | 08", "2 | Trạm Y tế |  |", "II. CÁ NHÂN",
    ]
    assert vbhc.normalise(read_source(path).text).count("\n1 | Lê Văn Tám |  | 08\n") == 1  # rows are not run together


def test_docx_layout_table_with_a_spacer_column_stays_cell_by_cell(tmp_path: Path) -> None:
    """Nơi nhận ‖ (spacer) ‖ chữ ký: three columns, but a layout, not a list."""
    document = Document()
    document.add_paragraph("QUYẾT ĐỊNH")
    footer = document.add_table(rows=1, cols=3)
    left, _, right = footer.rows[0].cells
    left.text = "Nơi nhận:\n- Như trên;\n- Lưu: VT."
    right.text = "CHỦ TỊCH\n\n\nNguyễn Văn An"
    path = tmp_path / "chu-ky.docx"
    document.save(str(path))
    lines = [line for line in read_docx(path).text.split("\n") if line]
    assert lines == ["QUYẾT ĐỊNH", "Nơi nhận:", "- Như trên;", "- Lưu: VT.", "CHỦ TỊCH", "Nguyễn Văn An"]


# ------------------------------------------------------------------ as clerks write them

TO_TRINH = """\
ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
XÃ AN BÌNH                                Độc lập - Tự do - Hạnh phúc

Số: 45/TTr-UBND                        An Bình, ngày 05 tháng 12 năm 2025

TỜ TRÌNH
Về việc đề nghị tặng Giấy khen của Chủ tịch UBND huyện

Kính gửi: Ủy ban nhân dân huyện Lộc Ninh

Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;
Ủy ban nhân dân xã An Bình kính trình xem xét, tặng Giấy khen cho các tập thể, cá nhân sau:
I. TẬP THỂ
STT | Tên tập thể | Hình thức khen thưởng
1 | Trường Tiểu học Kim Đồng | Giấy khen của Chủ tịch UBND huyện
2 | Trạm Y tế xã | Giấy khen của Chủ tịch UBND huyện
II. CÁ NHÂN
STT | Họ và tên | Chức vụ | Đơn vị | Hình thức khen thưởng
1 | Ông Nguyễn Văn An | Chủ tịch | UBND xã An Bình | Giấy khen của Chủ tịch UBND huyện
2 | Bà Lê Thị Hoa | Kế toán | UBND xã An Bình | Bằng khen của Chủ tịch UBND tỉnh
Kính trình Ủy ban nhân dân huyện xem xét, quyết định./.

Nơi nhận:                                              TM. ỦY BAN NHÂN DÂN
- Như trên;                                                  CHỦ TỊCH
- Lưu: VT.

                                                         Nguyễn Văn An
"""


def test_plain_to_trinh_with_one_addressee_and_pipe_rows() -> None:
    plan = vbhc.parse_text(TO_TRINH)
    assert (plan.doc_type, plan.title) == ("TO_TRINH", "Về việc đề nghị tặng Giấy khen của Chủ tịch UBND huyện")
    assert plan.addressees == ["Ủy ban nhân dân huyện Lộc Ninh"]
    assert plan.award == "Giấy khen của Chủ tịch UBND huyện"
    assert plan.nominees == [
        Nominee("collective", "Trường Tiểu học Kim Đồng"),
        Nominee("collective", "Trạm Y tế xã"),
        Nominee("individual", "Nguyễn Văn An", "Chủ tịch", "UBND xã An Bình"),
        Nominee("individual", "Lê Thị Hoa", "Kế toán", "UBND xã An Bình", award="Bằng khen của Chủ tịch UBND tỉnh"),
    ]
    assert (plan.signer.title, plan.signer.name, plan.recipients) == ("CHỦ TỊCH", "Nguyễn Văn An", ["Như trên", "Lưu: VT"])
    assert [r.number for r in plan.references] == ["06/2022/QH15"]


def test_rows_on_their_own_lines_or_run_together_read_the_same() -> None:
    """Plain text runs a row that starts with its number into the line above; Markdown
    tables and rows kept apart by blank lines read the same."""
    spaced = TO_TRINH.replace("\n1 |", "\n\n1 |").replace("\n2 |", "\n\n2 |")
    markdown = "\n".join(
        f"| {line} |" + ("\n|---|---|---|" if line.startswith("STT | Tên") else "") if line.count("|") >= 2 else line
        for line in TO_TRINH.split("\n")
    )
    want = vbhc.parse_text(TO_TRINH).nominees
    assert vbhc.parse_text(spaced).nominees == want
    assert vbhc.parse_text(markdown).nominees == want


def test_addressee_forms() -> None:
    head = "UBND HUYỆN LỘC NINH\nPHÒNG NỘI VỤ\nSố: 215/PNV-TĐKT\nLộc Ninh, ngày 03 tháng 11 năm 2025\nV/v hướng dẫn hồ sơ khen thưởng năm 2025\n\n"
    body = "\nThực hiện Kế hoạch số 24/KH-UBND ngày 27/01/2025 của UBND huyện, Phòng hướng dẫn như sau:\n1. Hồ sơ gồm Tờ trình.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nTRƯỞNG PHÒNG\nTrần Văn Hùng\n"
    want = ["Ủy ban nhân dân các xã, thị trấn", "Các cơ quan, đơn vị thuộc huyện"]
    for block in (
        "Kính gửi:\n- Ủy ban nhân dân các xã, thị trấn;\n- Các cơ quan, đơn vị thuộc huyện.",
        "Kính gửi: - Ủy ban nhân dân các xã, thị trấn;\n- Các cơ quan, đơn vị thuộc huyện.",
        "Kính gửi: Ủy ban nhân dân các xã, thị trấn; Các cơ quan, đơn vị thuộc huyện.",
        "Kinh gui:\n- Ủy ban nhân dân các xã, thị trấn;\n- Các cơ quan, đơn vị thuộc huyện.",
    ):
        plan = vbhc.parse_text(head + block + "\n" + body)
        assert plan.addressees == want, block
        assert (plan.doc_type, plan.title) == ("CONG_VAN", "V/v hướng dẫn hồ sơ khen thưởng năm 2025")
        assert plan.preamble[0].startswith("Thực hiện")
    single = vbhc.parse_text(head + "Kính gửi: Ban Thi đua - Khen thưởng tỉnh.\n" + body)
    assert single.addressees == ["Ban Thi đua - Khen thưởng tỉnh"]


BIEN_BAN = """\
UY BAN NHAN DAN XA AN BINH          CONG HOA XA HOI CHU NGHIA VIET NAM
HOI DONG THI DUA - KHEN THUONG            Doc lap - Tu do - Hanh phuc

So: 03/BB-HĐTĐKT

BIEN BAN
Hop xet de nghi khen thuong nam 2025

Thoi gian bat dau: 8 gio 30, ngay 20/11/2025.
Dia diem: Hoi truong UBND xa An Binh.
Thanh phan: co mat 7/9 thanh vien, gom:
- Ong Nguyen Van An - Chu tich UBND xa, Chu tich Hoi dong;
- Ba Tran Thi Binh, Pho Chu tich UBND xa;
- Ong Le Van Cuong, Cong chuc Van phong - Thong ke.
Chu toa: Ong Nguyen Van An - Chu tich UBND xa
Thu ky: Ba Tran Thi Binh
Noi dung:
Hoi dong da bo phieu kin, ket qua nhu sau:
STT | Ho va ten | Chuc vu | Hinh thuc de nghi | So phieu dong y | Ty le %
1 | Nguyen Van An | Chu tich | Giay khen | 07/07 | 100
2 | Le Thi Hoa | Ke toan | Giay khen | 6 | 85,7
Cuoc hop ket thuc luc 10h15 cung ngay.

THU KY                                        CHU TOA



Tran Thi Binh                                 Nguyen Van An
"""


def test_plain_bien_ban_without_diacritics() -> None:
    plan = vbhc.parse_text(BIEN_BAN)
    assert (plan.doc_type, plan.number) == ("BIEN_BAN", "03/BB-HĐTĐKT")
    assert plan.meeting == Meeting(
        start="2025-11-20T08:30", end="2025-11-20T10:15", venue="Hoi truong UBND xa An Binh",
        members_total=9, members_present=7,
        chair=Person("Nguyen Van An", "Chu tich UBND xa"), secretary=Person("Tran Thi Binh"),
        attendees=[Person("Nguyen Van An", "Chu tich UBND xa, Chu tich Hoi dong"), Person("Tran Thi Binh", "Pho Chu tich UBND xa"),
                   Person("Le Van Cuong", "Cong chuc Van phong - Thong ke")],
    )
    assert plan.award == "Giay khen"
    assert plan.nominees == [Nominee("individual", "Nguyen Van An", "Chu tich", votes=7), Nominee("individual", "Le Thi Hoa", "Ke toan", votes=6)]
    assert (plan.signer.title, plan.signer.name) == ("CHU TOA", "Nguyen Van An")


@pytest.mark.parametrize(("lines", "want"), [
    ("Thời gian bắt đầu: 08h00 ngày 25 tháng 11 năm 2025\nThành phần tham dự: 08 trên tổng số 09 thành viên Hội đồng",
     ("2025-11-25T08:00", 8, 9)),
    ("Vào lúc 14 giờ, ngày 03/12/2025, tại Hội trường xã, Hội đồng họp xét khen thưởng.\nThành phần tham dự: có mặt 08/09 thành viên",
     ("2025-12-03T14:00", 8, 9)),
    ("Thời gian bắt đầu: 7 giờ 45 phút, ngày 01/12/2025.\nThành phần tham dự: 07 thành viên, vắng 02.",
     ("2025-12-01T07:45", 7, 9)),
])
def test_meeting_time_and_attendance_forms(lines: str, want: tuple) -> None:
    text = f"Số: 01/BB-HĐ\nBIÊN BẢN\nHọp Hội đồng\n\n{lines}\nChủ trì: Nguyễn Văn An, Chủ tịch UBND xã\nNội dung: họp xét.\nTHƯ KÝ\nLê Văn Bình\nCHỦ TỌA\nNguyễn Văn An\n"
    meeting = vbhc.parse_text(text).meeting
    assert meeting is not None
    assert (meeting.start, meeting.members_present, meeting.members_total) == want
    assert meeting.chair == Person("Nguyễn Văn An", "Chủ tịch UBND xã")


BAO_CAO = """\
UBND XA AN BINH                        CONG HOA XA HOI CHU NGHIA VIET NAM
TRUONG TIEU HOC KIM DONG                   Doc lap - Tu do - Hanh phuc

                                         An Binh, ngay 10 thang 12 nam 2025

BAO CAO THANH TICH
DE NGHI TANG DANH HIEU CHIEN SI THI DUA CO SO
(Mau so 02 Phu luc I ban hanh kem theo Nghi dinh so 98/2023/ND-CP)

I. SO LUOC LY LICH
- Ho ten (ghi day du bang chu in thuong, khong viet tat): Nguyen Thi Lan
- Sinh ngay, thang, nam: 12/3/1985          Gioi tinh: Nu
- Que quan: xa An Binh, huyen Loc Ninh, tinh Binh Phuoc
- Don vi cong tac: Truong Tieu hoc Kim Dong
- Chuc vu (Dang, chinh quyen, doan the): Giao vien
- Trinh do chuyen mon, nghiep vu: Dai hoc Su pham
II. THANH TICH DAT DUOC
1. Quyen han, nhiem vu duoc giao:
Giang day lop 5, chu nhiem lop 5A.
2. Thanh tich dat duoc:
Hoan thanh xuat sac nhiem vu nam hoc 2024-2025.
III. CAC HINH THUC DA DUOC KHEN THUONG
1. Danh hieu thi dua:
Nam | Danh hieu thi dua | So, ngay, thang, nam cua quyet dinh cong nhan danh hieu thi dua; co quan ban hanh quyet dinh
2023 | Lao dong tien tien | Quyet dinh so 120/QD-UBND ngay 10/8/2023 cua UBND huyen Loc Ninh
2024 | Chien si thi dua co so | Quyet dinh so 98/QD-UBND ngay 05/8/2024 cua UBND huyen Loc Ninh

XAC NHAN CUA THU TRUONG DON VI              NGUOI BAO CAO THANH TICH
(Ky, dong dau)                                (Ky, ghi ro ho ten)



Tran Van Hung                                    Nguyen Thi Lan
"""


def test_plain_bao_cao_ca_nhan_without_diacritics() -> None:
    plan = vbhc.parse_text(BAO_CAO)
    assert (plan.doc_type, plan.title) == ("BAO_CAO", "DE NGHI TANG DANH HIEU CHIEN SI THI DUA CO SO")
    assert plan.award == "DANH HIEU CHIEN SI THI DUA CO SO"
    report = plan.report
    assert report is not None
    assert report.subject == Nominee("individual", "Nguyen Thi Lan", "Giao vien", "Truong Tieu hoc Kim Dong")
    assert (report.birth_date, report.gender, report.hometown, report.qualification) == (
        "1985-03-12", "Nu", "xa An Binh, huyen Loc Ninh, tinh Binh Phuoc", "Dai hoc Su pham")
    assert report.form == "Mau so 02 Phu luc I ban hanh kem theo Nghi dinh so 98/2023/ND-CP"
    assert report.achievements == [
        "1. Quyen han, nhiem vu duoc giao", "Giang day lop 5, chu nhiem lop 5A.",
        "2. Thanh tich dat duoc", "Hoan thanh xuat sac nhiem vu nam hoc 2024-2025.",
    ]
    assert report.past_awards == [
        PastAward(2023, "Lao dong tien tien", "Quyet dinh so 120/QD-UBND ngay 10/8/2023 cua UBND huyen Loc Ninh"),
        PastAward(2024, "Chien si thi dua co so", "Quyet dinh so 98/QD-UBND ngay 05/8/2024 cua UBND huyen Loc Ninh"),
    ]
    assert (plan.signer.title, plan.signer.name) == ("NGUOI BAO CAO THANH TICH", "Nguyen Thi Lan")
    assert [r.issuer for r in plan.references] == ["UBND huyen Loc Ninh", "UBND huyen Loc Ninh"]
    assert plan.nominees == [] and plan.meeting is None


QUYET_DINH = """\
ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
XÃ AN BÌNH                                Độc lập - Tự do - Hạnh phúc

Số: 88/QĐ-UBND                        An Bình, ngày 15 tháng 12 năm 2025

QUYẾT ĐỊNH
Về việc khen thưởng thành tích năm 2025

CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ AN BÌNH

Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;
Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14/6/2025 của Chính phủ;
Xét đề nghị của Hội đồng Thi đua - Khen thưởng xã.

QUYẾT ĐỊNH:
Điều 1. Tặng Giấy khen của Chủ tịch UBND xã cho 01 tập thể và 02 cá nhân có thành tích xuất sắc (có danh sách kèm theo).
Điều 2. Các tập thể và cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.

Nơi nhận:                                           CHỦ TỊCH
- Như Điều 2;
- Lưu: VT.
                                                     Nguyễn Văn An

DANH SÁCH ĐƯỢC KHEN THƯỞNG
| STT | Tên tập thể, cá nhân | Chức vụ | Tiền thưởng (đồng) |
|---|---|---|---|
| A | **Tập thể** | | |
| 1 | Trạm Y tế xã | | 1.404.000 |
| B | **Cá nhân** | | |
| 1 | Đồng chí Lê Văn Tám | Công an viên | 702.000 |
| 2 | Đ/c Nguyễn Thị Năm | Kế toán | 702.000 đồng |
| | Tổng cộng | | 2.808.000 |
"""


def test_plain_quyet_dinh_award_from_article_one() -> None:
    plan = vbhc.parse_text(QUYET_DINH)
    assert (plan.doc_type, plan.title) == ("QUYET_DINH", "Về việc khen thưởng thành tích năm 2025")
    assert plan.award == "Giấy khen của Chủ tịch UBND xã"
    assert plan.nominees == [
        Nominee("collective", "Trạm Y tế xã", reward=1404000),
        Nominee("individual", "Lê Văn Tám", "Công an viên", reward=702000),
        Nominee("individual", "Nguyễn Thị Năm", "Kế toán", reward=702000),
    ]
    assert [r.number for r in plan.references] == ["06/2022/QH15", "152/2025/NĐ-CP"]
    assert (plan.signer.title, plan.signer.name) == ("CHỦ TỊCH", "Nguyễn Văn An")


def test_collective_report_in_markdown() -> None:
    text = (
        "UBND XÃ AN BÌNH\nTRẠM Y TẾ XÃ\nAn Bình, ngày 10 tháng 12 năm 2025\n\nBÁO CÁO THÀNH TÍCH\n"
        "Đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh\n\nI. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH\n"
        "1. Tên tập thể: Trạm Y tế xã An Bình\n2. Đơn vị cấp trên trực tiếp: Ủy ban nhân dân xã An Bình\n"
        "3. Năm thành lập: 1998\nII. THÀNH TÍCH ĐẠT ĐƯỢC\nTiêm chủng đầy đủ cho 98% trẻ em.\n"
        "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG\n| Năm | Hình thức khen thưởng | Số, ngày, tháng, năm của quyết định |\n"
        "|---|---|---|\n| 2024 | Giấy khen của Chủ tịch UBND huyện | |\n\n"
        "THỦ TRƯỞNG ĐƠN VỊ\n\n\nNguyễn Thị Hoa\n"
    )
    plan = vbhc.parse_text(text)
    assert plan.award == "Bằng khen của Chủ tịch UBND tỉnh"
    assert plan.report == Report(
        subject=Nominee("collective", "Trạm Y tế xã An Bình", unit="Ủy ban nhân dân xã An Bình"), founded="1998",
        achievements=["Tiêm chủng đầy đủ cho 98% trẻ em."], past_awards=[PastAward(2024, "Giấy khen của Chủ tịch UBND huyện")],
    )


# ------------------------------------------------------------------ what must not be read


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_a_ke_hoach_has_no_dossier_parts(path: Path) -> None:
    plan = vbhc.parse_file(path)
    assert plan.doc_type == "KE_HOACH"
    assert (plan.addressees, plan.nominees, plan.meeting, plan.report, plan.award) == ([], [], None, None, None)


@pytest.mark.parametrize("text", [
    "Số: 1/BB-UBND\nBIÊN BẢN\nHọp\n\nThời gian bắt đầu:\nChủ trì (chủ tọa):\nSTT | Họ và tên | Số phiếu\n| | |\n1 | | x\nCuộc họp kết thúc vào",
    "Số: 2/TTr-UBND\nTỜ TRÌNH\nVề việc đề nghị tặng\n\nKính gửi:\n\nSTT | Họ và tên | Chức vụ\nTổng cộng | | ",
    "BÁO CÁO THÀNH TÍCH\n\n- Họ và tên:\n- Ngày, tháng, năm sinh: 31/02/1984\nNăm | Danh hiệu thi đua | Số quyết định\nabc | | \n",
    "Số: 3/QĐ-UBND\nQUYẾT ĐỊNH\nVề việc tặng Giấy khen\n\nĐiều 1. Tặng\n|||\n| | | |\nTHƯ KÝ   CHỦ TỌA\n",
])
def test_odd_dossiers_do_not_crash(text: str) -> None:
    plan = vbhc.parse_text(text)
    assert all(n.name for n in plan.nominees)
