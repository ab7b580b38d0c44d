"""The generator's input reader (vbhc.generate.inputs): JSON, YAML, .xlsx and .csv → Plan."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import unicodedata
from pathlib import Path

import pytest
from conftest import CORPUS, ROOT

import vbhc
from vbhc.errors import DataError, InputError
from vbhc.generate.inputs import load_data, plan_from_dict
from vbhc.model import Meeting, Nominee, Person, Plan, Reference, TextQualityInfo

openpyxl = pytest.importorskip("openpyxl")
yaml = pytest.importorskip("yaml")

SHARED_GOLD = ROOT.parent / "shared" / "gold"


def _xlsx(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    wb.save(path)
    return path


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


# ------------------------------------------------------------------ the truth files and the corpus


def test_all_five_gold_files_load_with_flat_signer_keys_and_quotas():
    if not SHARED_GOLD.is_dir():
        pytest.skip(f"{SHARED_GOLD} not present")
    files = sorted(SHARED_GOLD.glob("seed_*.json"))
    assert len(files) == 5
    plans = {f.stem: load_data(f) for f in files}
    for name, plan in plans.items():
        truth = json.loads((SHARED_GOLD / f"{name}.json").read_text(encoding="utf-8"))
        assert plan.signer.name == truth["signer_name"]
        assert plan.signer.title == truth["signer_title"]
        assert plan.signer.authority == truth["signing_authority"]
        assert [q.award for q in plan.quotas] == [q["award"] for q in truth["quotas"]]
        assert [(q.collectives, q.individuals) for q in plan.quotas] == [
            (q["collectives"], q["individuals"]) for q in truth["quotas"]
        ]
        assert plan.recipients == truth["recipients"]
        assert [s.heading for s in plan.sections] == [s["heading"] for s in truth["sections"]]
    assert plans["seed_000"].signer.name == "Phạm Thụy Luân"
    assert plans["seed_004"].signer.authority == "TM."
    cantho = plans["seed_004"].quotas[0]
    assert (cantho.award, cantho.collectives, cantho.individuals) == ("Bằng khen", 5, 12)
    # a reference without doc_type, a deadline without "recurring" (inferred from --MM-DD)
    assert plans["seed_000"].references[0] == Reference(doc_type=None, number="24/KH-UBND", date="2021-01-27")
    assert plans["seed_003"].deadlines[0].date == "--11-30"
    assert plans["seed_003"].deadlines[0].recurring is True
    assert plans["seed_000"].deadlines[0].recurring is False


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_round_trip_of_parsed_corpus_files(path):
    plan = vbhc.parse_file(path)
    data = json.loads(json.dumps(plan.to_dict(), ensure_ascii=False))
    back = plan_from_dict(data, str(path))
    # the parser's own diagnostics are not generator input: they are dropped
    assert back == dataclasses.replace(plan, provenance={}, warnings=[], text_quality=TextQualityInfo())


def test_json_list_output_of_vbhc_parse_is_read(tmp_path):
    plan = vbhc.parse_file(sorted(CORPUS.glob("004_*.txt"))[0])
    path = _write(tmp_path / "out.json", json.dumps([plan.to_dict()], ensure_ascii=False))
    assert load_data(path).number == "263/KH-UBND"


# ------------------------------------------------------------------ conveniences in JSON and YAML


def test_yaml_with_dates_times_people_references_and_split_lists(tmp_path):
    path = _write(
        tmp_path / "totrinh.yaml",
        """\
doc_type: Tờ trình
issuer: ỦY BAN NHÂN DÂN XÃ AN BÌNH
number: 12/TTr-UBND
issue_date: 05/02/2026
place: An Bình
signer_name: Nguyễn Văn An
signer_title: CHỦ TỊCH
signing_authority: TM.
award: Giấy khen của Chủ tịch UBND huyện
addressees: Hội đồng Thi đua - Khen thưởng huyện; Phòng Nội vụ huyện
recipients: |
  Như trên
  Lưu: VT
references:
  - Luật Thi đua, khen thưởng số 06/2022/QH15
  - Nghị định số 152/2025/NĐ-CP ngày 25/6/2025 của Chính phủ
  - Ý kiến của Hội đồng
campaign_period: {start: 2025, end: 02/2026}
meeting:
  start: 2025-11-25 08:00
  end: 2025-11-25T10:30
  venue: Hội trường UBND xã
  members_total: 9
  members_present: "7"
  chair: Nguyễn Văn An, Chủ tịch UBND xã
  secretary: {name: Trần Thị Bình, title: Công chức Văn phòng - Thống kê}
  attendees: Lê Văn Cường, Phó Chủ tịch; Bà Phạm Thị Dung - Chủ tịch Hội LHPN
nominees:
  - {kind: Tập thể, name: Trường Tiểu học An Bình, votes: 9}
  - {name: Ông Hoàng Văn Em, position: Trưởng ấp, unit: Ấp 3}
  - {kind: CN, name: Võ Thị Hoa, votes: 8.0}
report:
  subject: {name: Bà Đặng Thị Giang, position: Giáo viên}
  birth_date: 1980
  past_awards: [{year: 2023, award: Giấy khen, decision: "Quyết định số 5/QĐ-UBND"}]
deadlines:
  - {date: 30/11, what: nộp hồ sơ}
  - {date: 2026-03-01, what: tổng kết, text: trước ngày 01/3/2026}
""",
    )
    plan = load_data(path)
    assert plan.doc_type == "TO_TRINH"
    assert plan.issue_date == "2026-02-05"
    assert (plan.signer.authority, plan.signer.title, plan.signer.name) == ("TM.", "CHỦ TỊCH", "Nguyễn Văn An")
    assert plan.addressees == ["Hội đồng Thi đua - Khen thưởng huyện", "Phòng Nội vụ huyện"]
    assert plan.recipients == ["Như trên", "Lưu: VT"]
    assert plan.references[0] == Reference(
        doc_type=None, number="06/2022/QH15", text="Luật Thi đua, khen thưởng số 06/2022/QH15"
    )
    assert (plan.references[1].number, plan.references[1].date) == ("152/2025/NĐ-CP", "2025-06-25")
    assert plan.references[2].number == ""
    assert (plan.campaign_period.start, plan.campaign_period.end) == ("2025", "2026-02")
    assert plan.meeting == Meeting(
        start="2025-11-25T08:00",
        end="2025-11-25T10:30",
        venue="Hội trường UBND xã",
        members_total=9,
        members_present=7,
        chair=Person("Nguyễn Văn An", "Chủ tịch UBND xã"),
        secretary=Person("Trần Thị Bình", "Công chức Văn phòng - Thống kê"),
        attendees=[Person("Lê Văn Cường", "Phó Chủ tịch"), Person("Phạm Thị Dung", "Chủ tịch Hội LHPN")],
    )
    assert plan.nominees == [
        Nominee("collective", "Trường Tiểu học An Bình", votes=9),
        Nominee("individual", "Hoàng Văn Em", position="Trưởng ấp", unit="Ấp 3"),
        Nominee("individual", "Võ Thị Hoa", votes=8),
    ]
    assert plan.report.subject == Nominee("individual", "Đặng Thị Giang", position="Giáo viên")
    assert plan.report.birth_date == "1980"
    assert plan.report.past_awards[0].year == 2023
    assert (plan.deadlines[0].date, plan.deadlines[0].recurring) == ("--11-30", True)
    assert (plan.deadlines[1].date, plan.deadlines[1].recurring) == ("2026-03-01", False)


def test_yaml_date_and_datetime_objects(tmp_path):
    path = _write(
        tmp_path / "d.yml",
        "issue_date: 2026-02-05\nmeeting:\n  start: 2025-11-25 08:00:00\n",
    )
    plan = load_data(path)
    assert plan.issue_date == "2026-02-05"
    assert plan.meeting.start == "2025-11-25T08:00"


def test_text_is_nfc_and_stripped_and_keeps_diacritics(tmp_path):
    nfd = unicodedata.normalize("NFD", "  Ủy ban nhân dân xã Hòa Bình  ")
    path = _write(tmp_path / "d.json", json.dumps({"issuer": nfd, "recipients": [nfd]}))
    plan = load_data(path)
    assert plan.issuer == "Ủy ban nhân dân xã Hòa Bình"
    assert unicodedata.is_normalized("NFC", plan.issuer)
    assert plan.recipients == ["Ủy ban nhân dân xã Hòa Bình"]


def test_plan_from_dict_takes_objects_and_ignores_parser_diagnostics():
    plan = plan_from_dict(
        {"schema_version": 1, "warnings": [{"code": "x"}], "provenance": {"number": {}}, "text_quality": {},
         "number": 12, "issuer_printed": "không"},
        "<dữ liệu>",
    )
    assert isinstance(plan, Plan)
    assert (plan.number, plan.issuer_printed, plan.warnings, plan.provenance) == ("12", False, [], {})


# ------------------------------------------------------------------ Excel and CSV


def test_xlsx_with_title_rows_info_sheet_and_totals_row(tmp_path):
    path = _xlsx(
        tmp_path / "qd.xlsx",
        {
            "Thông tin": [
                ["Trường", "Giá trị"],
                ["Cơ quan ban hành", "ỦY BAN NHÂN DÂN XÃ AN BÌNH"],
                ["Cơ quan chủ quản", "ỦY BAN NHÂN DÂN HUYỆN X"],
                ["Loại văn bản", "QUYET_DINH"],
                ["Số", "25/QĐ-UBND"],
                ["Ngày", dt.datetime(2026, 2, 5)],
                ["Địa danh", "An Bình"],
                ["Trích yếu", "Về việc khen thưởng"],
                ["Người ký", "Nguyễn Văn An"],
                ["Chức vụ người ký", "CHỦ TỊCH"],
                ["Quyền hạn ký", "TM."],
                ["Kính gửi", "Hội đồng TĐKT huyện"],
                ["Nơi nhận", "Như Điều 3;\nLưu: VT"],
                ["Nơi nhận", "Phòng Nội vụ"],
                ["Hình thức khen thưởng (mức cao nhất)", "Giấy khen"],
                ["meeting.venue", "Hội trường"],
                ["Chủ trì", "Nguyễn Văn An, Chủ tịch"],
            ],
            "Danh sách": [
                ["DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG"],
                ["(Kèm theo Quyết định số 25/QĐ-UBND ngày 05/02/2026)"],
                [],
                ["STT", "Tập thể/Cá nhân", "Họ và tên\n(Tên tập thể)", "Chức vụ", "Đơn vị công tác", "Hình thức khen thưởng", "Số phiếu đồng ý (phiếu)"],
                ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"],
                [1, "Tập thể", "Trường Mầm non An Bình", None, None, "Giấy khen", 9],
                [2, "CN", "Nguyễn Thị Lan", "Hiệu trưởng", "Trường Mầm non An Bình", None, "8"],
                [None, None, None, None, None, None, None],
                [3, "cá nhân", "  Trần Văn Minh  ", None, "Ấp 2", None, 7.0],
                ["Tổng cộng", None, None, None, None, None, 24],
                [4, "Tập thể", "không đọc tới đây", None, None, None, None],
            ],
        },
    )
    plan = load_data(path)
    assert (plan.issuer, plan.parent_issuer, plan.doc_type, plan.number) == (
        "ỦY BAN NHÂN DÂN XÃ AN BÌNH", "ỦY BAN NHÂN DÂN HUYỆN X", "QUYET_DINH", "25/QĐ-UBND"
    )
    assert (plan.issue_date, plan.place, plan.title, plan.award) == ("2026-02-05", "An Bình", "Về việc khen thưởng", "Giấy khen")
    assert (plan.signer.name, plan.signer.title, plan.signer.authority) == ("Nguyễn Văn An", "CHỦ TỊCH", "TM.")
    assert plan.addressees == ["Hội đồng TĐKT huyện"]
    assert plan.recipients == ["Như Điều 3", "Lưu: VT", "Phòng Nội vụ"]
    assert plan.meeting.venue == "Hội trường"
    assert plan.meeting.chair == Person("Nguyễn Văn An", "Chủ tịch")
    assert plan.nominees == [
        Nominee("collective", "Trường Mầm non An Bình", award="Giấy khen", votes=9),
        Nominee("individual", "Nguyễn Thị Lan", position="Hiệu trưởng", unit="Trường Mầm non An Bình", votes=8),
        Nominee("individual", "Trần Văn Minh", unit="Ấp 2", votes=7),
    ]


def test_xlsx_english_headers_only_a_nominee_sheet(tmp_path):
    path = _xlsx(
        tmp_path / "list.xlsx",
        {"Sheet1": [["no", "kind", "name", "position", "unit", "award", "votes"],
                    [1, "collective", "Ban Chỉ huy Quân sự xã", None, None, None, 5],
                    [2, "individual", "Lê Thị Hạnh", "Kế toán", "UBND xã", "Giấy khen", 6]]},
    )
    plan = load_data(path)
    assert plan.nominees == [
        Nominee("collective", "Ban Chỉ huy Quân sự xã", votes=5),
        Nominee("individual", "Lê Thị Hạnh", position="Kế toán", unit="UBND xã", award="Giấy khen", votes=6),
    ]
    assert plan.issuer is None and plan.signer.name is None and plan.recipients == []


def test_xlsx_without_kind_column_infers_kind(tmp_path):
    path = _xlsx(
        tmp_path / "dskt.xlsx",
        {"DS": [["TT", "Tên tập thể/cá nhân", "Chức vụ", "Đơn vị"],
                [1, "Trường THCS An Bình", None, None],
                [2, "Ông Phạm Văn Tài", None, "Ấp 1"],
                [3, "Bà Lý Thị Mai", None, None],
                [4, "Nguyễn Hữu Phúc", "Phó Hiệu trưởng", "Trường THCS An Bình"],
                ["II", "CÁ NHÂN", None, None],
                [5, "Đinh Văn Quý", None, "Ấp 4"],
                ["Cộng", None, None, None]]},
    )
    assert load_data(path).nominees == [
        Nominee("collective", "Trường THCS An Bình"),
        Nominee("individual", "Phạm Văn Tài", unit="Ấp 1"),
        Nominee("individual", "Lý Thị Mai"),
        Nominee("individual", "Nguyễn Hữu Phúc", position="Phó Hiệu trưởng", unit="Trường THCS An Bình"),
        Nominee("individual", "Đinh Văn Quý", unit="Ấp 4"),
    ]


def test_nominees_named_as_xlsx_or_csv_file_beside_the_data(tmp_path):
    _xlsx(tmp_path / "ds.xlsx", {"Thông tin": [["Số", "không đọc"]],
                                 "DS": [["STT", "Họ tên", "Số phiếu"], [1, "Ông Lê Văn Tám", 7]]})
    (tmp_path / "ds.csv").write_text("STT;Họ và tên;Chức vụ;Số phiếu\n1;Cao Thị Yến;Kế toán;6\n2;Hội Nông dân xã;;\n",
                                     encoding="utf-8-sig")
    from_xlsx = load_data(_write(tmp_path / "a.json", json.dumps({"nominees": "ds.xlsx"})))
    assert from_xlsx.nominees == [Nominee("individual", "Lê Văn Tám", votes=7)]
    assert from_xlsx.number is None  # only the list is read from a nominee file
    from_csv = load_data(_write(tmp_path / "b.yaml", "nominees: ds.csv\n"))
    assert from_csv.nominees == [
        Nominee("individual", "Cao Thị Yến", position="Kế toán", votes=6),
        Nominee("collective", "Hội Nông dân xã"),
    ]
    assert load_data(tmp_path / "ds.csv").nominees == from_csv.nominees


# ------------------------------------------------------------------ bad input: one Vietnamese line naming file and field


def _error(path: Path) -> DataError:
    with pytest.raises(DataError) as info:
        load_data(path)
    err = info.value
    assert isinstance(err, InputError) and err.path == str(path)
    assert "\n" not in str(err) and str(err).startswith(str(path))
    return err


def test_missing_file_and_unsupported_suffix(tmp_path):
    assert "không tìm thấy" in str(_error(tmp_path / "khong_co.json"))
    assert ".yaml" in str(_error(_write(tmp_path / "x.txt", "a")))


def test_invalid_json_and_yaml_name_the_line(tmp_path):
    err = _error(_write(tmp_path / "bad.json", '{\n  "issuer": "A",\n  "number" "1"\n}'))
    assert "JSON không hợp lệ ở dòng 3" in str(err)
    err = _error(_write(tmp_path / "bad.yaml", "issuer: A\nnumber: [1, 2\ntitle: x\n"))
    assert "YAML không hợp lệ ở dòng" in str(err)


def test_xlsx_that_is_not_a_zip(tmp_path):
    err = _error(_write(tmp_path / "fake.xlsx", "không phải Excel"))
    assert "không phải tệp Excel" in str(err)


def test_xlsx_without_header_row_lists_accepted_headers(tmp_path):
    err = _error(_xlsx(tmp_path / "noheader.xlsx", {"DS": [["Cột A", "Cột B"], ["x", "y"]]}))
    assert "không tìm thấy hàng tiêu đề" in str(err)
    assert "'Họ và tên'" in str(err) and "'Số phiếu'" in str(err) and "'Tập thể/Cá nhân'" in str(err)


def test_xlsx_bad_cell_names_field_sheet_and_row(tmp_path):
    err = _error(_xlsx(tmp_path / "votes.xlsx", {"DS": [["STT", "Họ tên", "Số phiếu"], [1, "A", 3], [2, "B", "nhiều"]]}))
    assert "nominees[1].votes" in str(err) and "trang 'DS', dòng 3" in str(err) and "số nguyên" in str(err)
    err = _error(_xlsx(tmp_path / "kind.xlsx", {"DS": [["Loại", "Họ tên"], ["nhóm", "A"]]}))
    assert "nominees[0].kind" in str(err) and "Tập thể" in str(err)
    err = _error(_xlsx(tmp_path / "info.xlsx", {"Thông tin": [["Người kí", "A"]], "DS": [["STT", "Họ tên"]]}))
    assert "'Người kí'" in str(err) and "Người ký" in str(err)


def test_unknown_key_suggests_the_field(tmp_path):
    err = _error(_write(tmp_path / "k.json", json.dumps({"nominees": [{"name": "A", "vote": 3}]})))
    assert "nominees[0].vote" in str(err) and "có phải 'votes'" in str(err)
    err = _error(_write(tmp_path / "k2.json", json.dumps({"isuer": "A"})))
    assert "isuer" in str(err) and "'issuer'" in str(err)


def test_wrong_types_name_the_dotted_path(tmp_path):
    rows = [{"name": f"N{i}", "votes": i} for i in range(3)] + [{"name": "N3", "votes": "4.5"}]
    err = _error(_write(tmp_path / "v.json", json.dumps({"nominees": rows})))
    assert "nominees[3].votes" in str(err) and "số nguyên" in str(err)
    err = _error(_write(tmp_path / "q.json", json.dumps({"quotas": "Giấy khen"})))
    assert "quotas" in str(err) and "danh sách" in str(err)
    err = _error(_write(tmp_path / "c.json", json.dumps({"quotas": [{"award": "Giấy khen", "collectives": 2.5}]})))
    assert "quotas[0].collectives" in str(err)
    err = _error(_write(tmp_path / "s.json", json.dumps({"sections": [{"label": "I"}]})))
    assert "sections[0].heading" in str(err) and "thiếu" in str(err)


def test_bad_dates_and_times(tmp_path):
    err = _error(_write(tmp_path / "d.json", json.dumps({"issue_date": "31/02/2026"})))
    assert "issue_date" in str(err) and "không có thật" in str(err)
    err = _error(_write(tmp_path / "d2.json", json.dumps({"issue_date": "sớm"})))
    assert "issue_date" in str(err) and "05/02/2026" in str(err)
    err = _error(_write(tmp_path / "t.json", json.dumps({"meeting": {"start": "2025-11-25"}})))
    assert "meeting.start" in str(err) and "08:00" in str(err)


def test_missing_nominee_file_and_signer_conflict(tmp_path):
    err = _error(_write(tmp_path / "n.json", json.dumps({"nominees": "khong_co.xlsx"})))
    assert "nominees" in str(err) and "khong_co.xlsx" in str(err)
    err = _error(_write(tmp_path / "s.json", json.dumps({"signer_name": "A", "signer": {"name": "B"}})))
    assert "signer_name" in str(err) and "mâu thuẫn" in str(err)
    err = _error(_write(tmp_path / "top.json", json.dumps(["không phải đối tượng"])))
    assert "đối tượng" in str(err)


def test_group_headings_reward_column_and_totals_with_count(tmp_path):
    path = _xlsx(
        tmp_path / "groups.xlsx",
        {"Danh sách": [["STT", "Họ và tên", "Cơ quan, đơn vị", "Tiền thưởng (đồng)"],
                       ["I. TẬP THỂ"],
                       [1, "Phòng Văn hóa - Thông tin", None, "1.500.000"],
                       ["II. CÁ NHÂN"],
                       [1, "Lê Thị An", "Phòng Nội vụ", 750000],
                       ["Tổng cộng: 2", None, None, 2250000]]},
    )
    assert load_data(path).nominees == [
        Nominee("collective", "Phòng Văn hóa - Thông tin", reward=1500000),
        Nominee("individual", "Lê Thị An", unit="Phòng Nội vụ", reward=750000),
    ]


def test_csv_with_a_comma_inside_a_header_and_info_sheet_naming_the_list(tmp_path):
    (tmp_path / "ds.csv").write_text('STT,"Cơ quan, đơn vị",Họ và tên\n1,"UBND xã, Ấp 1",Bà Lê Thị Bé\n', encoding="utf-8")
    _xlsx(tmp_path / "info.xlsx", {"Thông tin": [["Trường", "Giá trị"], ["nominees", "ds.csv"], ["Issuer", "UBND XÃ A"]]})
    plan = load_data(tmp_path / "info.xlsx")
    assert plan.issuer == "UBND XÃ A"
    assert plan.nominees == [Nominee("individual", "Lê Thị Bé", unit="UBND xã, Ấp 1")]


def test_empty_data_files(tmp_path):
    assert "rỗng" in str(_error(_write(tmp_path / "e.json", "  \n")))
    assert "rỗng" in str(_error(_write(tmp_path / "e.yaml", "")))
    assert "đối tượng" in str(_error(_write(tmp_path / "s.yaml", "chỉ một chuỗi")))
