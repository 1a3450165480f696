"""Rules of the indicator extractor, one case per rule."""

import json
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from crawler.indicators import Indicator, extract_indicators
from crawler.indicators.numbers import parse_number
from crawler.indicators.text import html_to_text, split_sentences


def only(text: str) -> Indicator:
    rows = extract_indicators(text)
    assert len(rows) == 1, rows
    return rows[0]


@pytest.mark.parametrize("token, value", [
    ("12.000", 12000.0), ("1.050,5", 1050.5), ("1874,8", 1874.8), ("98,7", 98.7), ("7", 7.0),
    ("25.507.800", 25507800.0),
])
def test_parse_number(token, value):
    assert parse_number(token) == value


@pytest.mark.parametrize("text, value, unit", [
    ("Mức hỗ trợ mỗi hộ là 25.507.800đ.", 25507800.0, "VND"),
    ("Tổng thu ngân sách ước đạt 958 tỷ đồng.", 958e9, "VND"),
    ("Tổng thu ngân sách ước đạt 1874,8 tỷ đồng.", 1.8748e12, "VND"),
    ("Kinh phí thực hiện là 1.050 triệu đồng.", 1.05e9, "VND"),
    ("Kinh phí thực hiện là 1.050,5 triệu VNĐ.", 1.0505e9, "VND"),
    ("Giá trị sản phẩm trên 1 ha đạt 115 triệu.", 115e6, "VND"),
    ("Thu nhập bình quân đầu người đạt 92 triệu đồng/năm.", 92e6, "VND"),
    ("Mỗi suất quà trị giá 500 nghìn đồng.", 500e3, "VND"),
    ("Toàn tỉnh có hơn 5 nghìn hộ nghèo.", 5000.0, "hộ"),
    ("Sản lượng thủy sản ước đạt 1.200 tấn.", 1200.0, "tấn"),
    ("Năng suất lúa đạt 65 tạ/ha.", 65.0, "tạ/ha"),
    ("Trong 5 năm tạo việc làm mới cho trên 12.000 lao động.", 12000.0, "lao động"),
    ("Phấn đấu hàng năm: tạo việc làm mới cho 2200 LĐ.", 2200.0, "lao động"),
    ("Tốc độ tăng trưởng ước đạt 10,5%/năm.", 10.5, "%"),
])
def test_numbers_and_units(text, value, unit):
    row = only(text)
    assert (row.value, row.unit) == (pytest.approx(value), unit)


@pytest.mark.parametrize("text, low, high", [
    ("Tốc độ tăng trưởng bình quân đạt 2,0 – 2,5%/năm.", 2.0, 2.5),
    ("Tỷ lệ hộ nghèo còn 5-6%.", 5.0, 6.0),
])
def test_ranges(text, low, high):
    row = only(text)
    assert (row.value, row.value_max, row.unit) == (low, high, "%")


def test_ratio_keeps_the_part_as_value_and_the_whole_as_total():
    row = only("Đến nay, toàn huyện có 23/23 xã đạt chuẩn nông thôn mới.")
    assert (row.value, row.total, row.value_max, row.unit) == (23.0, 23.0, None, "xã")


@pytest.mark.parametrize("text, kind", [
    ("Phấn đấu đến năm 2025 tỷ lệ đô thị hóa đạt 35%.", "target"),
    ("Mục tiêu năm 2025, tỷ lệ che phủ rừng đạt 45%.", "target"),
    ("Chỉ tiêu thu ngân sách năm 2024 là 120 tỷ đồng.", "target"),
    ("Đến năm 2025, tỷ lệ dân số đô thị đạt 40%.", "target"),
    ("Kế hoạch năm 2024 xây dựng mới 12 km đường giao thông.", "target"),
    ("Dự kiến năm 2024, sản lượng lương thực đạt 52.000 tấn.", "target"),
    ("Thu nhập bình quân đầu người đến năm 2020 ước đạt 55 triệu đồng.", "actual"),
    ("Tỷ lệ hộ nghèo giảm còn 1,8%.", "actual"),
    ("Tổng thu ngân sách vượt 74% mục tiêu.", "actual"),
    ("Giải ngân vốn đầu tư công đạt 85,6% kế hoạch vốn giao.", "actual"),
])
def test_target_or_actual(text, kind):
    assert only(text).kind == kind


def test_lead_in_makes_the_rest_of_the_paragraph_targets():
    text = ("Phấn đấu đến năm 2025: Thu NS đạt 1100 tỷ đồng, tỷ lệ đô thị hóa đạt 35%. "
            "Tỷ lệ hộ nghèo còn dưới 1%.\n\nNăm 2019, tỷ lệ hộ nghèo là 3%.")
    rows = extract_indicators(text)
    assert [(r.kind, r.year) for r in rows] == [("target", 2025)] * 3 + [("actual", 2019)]
    assert rows[2].qualifier == "<"


def test_no_number_no_indicator():
    assert extract_indicators("Hội nghị phấn đấu hoàn thành thắng lợi các chỉ tiêu đề ra.") == []


def test_share_of_the_budget_estimate_is_a_share_of_plan_named_after_its_subject():
    rows = extract_indicators("Năm 2019, tổng thu ngân sách ước đạt 1874,8 tỷ đồng, "
                              "bằng 123% dự toán giao.")
    assert [(r.value, r.unit, r.year) for r in rows] == [(1.8748e12, "VND", 2019),
                                                        (123.0, "% kế hoạch", 2019)]
    assert rows[1].name == "tổng thu ngân sách"
    assert {r.indicator for r in rows} == {"budget_revenue"}


@pytest.mark.parametrize("text, years, values", [
    ("Năm 2020 là 8,1%, năm 2021 là 8% và năm 2022 là 9,7%.", [2020, 2021, 2022], [8.1, 8, 9.7]),
    ("Tỷ lệ hộ nghèo năm 2020 và 2021 là 1%.", [2020, 2021], [1, 1]),
    ("Năm 2021 và năm 2022, xuất khẩu lần lượt đạt 12 triệu USD và 15 triệu USD.",
     [2021, 2022], [12e6, 15e6]),
    ("Tỷ lệ làng văn hoá đạt 98,7%, tăng 6,2% so với năm 2015.", [None, None], [98.7, 6.2]),
])
def test_years(text, years, values):
    rows = extract_indicators(text)
    assert [r.year for r in rows] == years
    assert [r.value for r in rows] == values


@pytest.mark.parametrize("text", [
    "Thực hiện Chỉ thị số 39 ngày 21/5/2004 của Ban Bí thư.",
    "Quán triệt Nghị quyết số 12-NQ/TW của Trung ương.",
    "Sáng 7/11, UBND huyện tổ chức hội nghị.",
    "Sáng 7/11 hội nghị khai mạc.",
    "A- 100% A+",
    "Đại hội đã diễn ra trong 3 ngày 14, 15 và 16/6/2020.",
    "Đại hội Đảng bộ thị xã lần thứ XXV, lần thứ 25, khóa XIII.",
    "Đại hội nhiệm kỳ 2020-2025 thành công tốt đẹp.",
    "Ông Nguyễn Văn A, 60 tuổi, trú tại thôn 3.",
    "Điện thoại: 098108571.",
    "Công tác phòng, chống dịch Covid-19 được triển khai.",
    "Xây dựng thị xã đạt đô thị loại 3, tiêu chí đô thị loại III.",
    "Năm 2020 là năm bản lề.",
    "Kỷ niệm 90 năm ngày truyền thống (07/11/2020 8:51 SA).",
    "Bế giảng lớp Trung cấp hệ không tập trung K85 (2019-2020).",
    "Tổng kết 5 năm thực hiện Nghị quyết.",
    "Ban chấp hành tập trung thực hiện hiệu quả 4 nhiệm vụ đột phá.",
    "Dự hội nghị có lãnh đạo các phòng, ban, ngành và 27 xã, thị trấn.",
    "Tỷ lệ bác sỹ trên 01 vạn dân thấp; giá trị thu được trên 1ha canh tác còn thấp.",
    "Tỷ lệ sinh con thứ 3 còn cao.",
])
def test_never_indicators(text):
    assert extract_indicators(text) == []


@pytest.mark.parametrize("text, value, change", [
    ("Tỷ lệ hộ nghèo giảm còn 1,8%.", 1.8, False),
    ("Tỷ lệ trẻ em suy dinh dưỡng giảm 1,5%.", -1.5, True),
    ("Giá trị sản xuất tăng 10,2% so với cùng kỳ.", 10.2, True),
    ("Diện tích gieo cấy giảm 45 ha so với cùng kỳ.", -45.0, True),
    ("Tỷ lệ che phủ rừng tăng lên 45%.", 45.0, False),
    ("Tổng thu ngân sách tăng gấp 2,5 lần so với nhiệm kỳ trước.", 2.5, True),
])
def test_change_and_sign(text, value, change):
    row = only(text)
    assert (row.value, row.change) == (value, change)


@pytest.mark.parametrize("text, name", [
    ("Tỷ lệ hộ nghèo giảm còn 1,8%.", "tỷ lệ hộ nghèo"),
    ("Thu nhập bình quân đầu người tăng liên tục hàng năm, đến năm 2020 ước đạt 55 triệu đồng.",
     "thu nhập bình quân đầu người"),
    ("Trong 5 năm tạo việc làm mới cho trên 12.000 lao động.", "tạo việc làm mới"),
    ("100% các xã trong huyện đạt chuẩn nông thôn mới.",
     "tỷ lệ xã trong huyện đạt chuẩn nông thôn mới"),
])
def test_names(text, name):
    assert only(text).name == name


@pytest.mark.parametrize("text, qualifier", [
    ("Tỷ lệ hộ nghèo dưới 1%.", "<"), ("Tạo việc làm cho trên 12.000 lao động.", ">"),
    ("Tạo việc làm cho khoảng 2.500 lao động.", "≈"), ("Tỷ lệ hộ nghèo là 1%.", None),
])
def test_qualifier(text, qualifier):
    assert only(text).qualifier == qualifier


def test_sentence_splitting_keeps_decimals_and_abbreviations():
    paragraph = ("Tại TP. Hưng Yên tỷ lệ đạt 98,7%. Các hoạt động, v.v. được tổ chức. "
                 "Năm 2023 đạt 12.000 tấn.")
    assert split_sentences(paragraph) == [
        "Tại TP. Hưng Yên tỷ lệ đạt 98,7%.", "Các hoạt động, v.v. được tổ chức.",
        "Năm 2023 đạt 12.000 tấn."]


def test_output_is_nfc_and_serialisable():
    decomposed = unicodedata.normalize("NFD", "Tỷ lệ hộ nghèo giảm còn 1,8%.")
    row = only(decomposed)
    assert row.name == unicodedata.normalize("NFC", "tỷ lệ hộ nghèo")
    assert unicodedata.is_normalized("NFC", row.sentence)
    assert json.loads(json.dumps(row.to_dict()))["unit"] == "%"


def test_html_is_reduced_to_text_without_scripts():
    html = ("<html><head><style>p{}</style><script>var x = '99%';</script></head>"
            "<body><p>Tỷ lệ hộ nghèo giảm còn 1,8%.</p><p>Điện thoại: 098108571</p></body></html>")
    text = html_to_text(html)
    assert "var x" not in text
    assert [r.value for r in extract_indicators(text)] == [1.8]


def _cli(*args, stdin=""):
    return subprocess.run([sys.executable, "-m", "crawler.indicators", *args], input=stdin,
                          capture_output=True, text=True, encoding="utf-8",
                          cwd=Path(__file__).resolve().parents[1])


def test_cli_prints_json_lines_from_stdin():
    result = _cli("-", stdin="Tỷ lệ hộ nghèo giảm còn 1,8%.\n\nNăm 2023 đạt 12 tỷ đồng doanh thu.")
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.returncode == 0
    assert lines[0]["name"] == "tỷ lệ hộ nghèo" and "tỷ lệ" in result.stdout


def test_cli_reports_a_missing_file(tmp_path):
    result = _cli(str(tmp_path / "missing.txt"))
    assert result.returncode != 0
    assert result.stderr.count("\n") == 1 and "missing.txt" in result.stderr


def test_every_row_of_a_year_list_keeps_the_subject_of_the_list():
    rows = extract_indicators(
        "Tốc độ tăng trưởng năm 2020 là 8,1%, năm 2021 là 8% và năm 2022 là 9,7%."
    )
    assert [(r.name, r.value, r.year) for r in rows] == [
        ("tốc độ tăng trưởng", 8.1, 2020),
        ("tốc độ tăng trưởng", 8.0, 2021),
        ("tốc độ tăng trưởng", 9.7, 2022),
    ]


def test_every_blocked_number_match_contains_one_of_its_cues():
    """The cue pre-check may skip a pattern only when it cannot match: fuzzed text over
    the characters the patterns use never yields a match without one of its cues."""
    import random

    from crawler.indicators.extract import _BLOCKED

    pieces = ["1", "2", "12", "2020", " ", "/", "-", ":", "h", ".0", ".", ",", "ngày ", "tháng ",
              "quý ", "covid", "sars-cov-2", "nq", "tw", "ct", "đ", "và", "đến"]
    rng = random.Random(7)
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))) for _ in range(20000)]
    texts += ["ngày 16/6/2020", "18 - 06 - 2020", "lúc 8:51", "8h30", "12-NQ/TW".lower(),
              "covid-19", "công nghiệp 4.0", "quý 3", "tháng 11"]
    for pattern, cues in _BLOCKED:
        if not cues:
            continue
        for text in texts:
            for match in pattern.finditer(text):
                assert any(cue in match.group() for cue in cues), (pattern.pattern, text)
