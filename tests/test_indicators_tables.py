"""Tables, yearly norms, estimates and open counts: shapes of real reports (issue 11)."""

import pytest

from crawler.indicators import extract_indicators

PLAN_TABLE = """Kết quả thực hiện các chỉ tiêu năm 2023:

TT | Chỉ tiêu | ĐVT | Kế hoạch năm 2023 | Thực hiện năm 2023 | % so KH

1 | Sản lượng lương thực | Tấn | 41.000 | 38.198 | 93,2

2 | Thu ngân sách trên địa bàn | Tỷ đồng | 1.250 | 1.312,5 | 105

3 | Tỷ lệ hộ nghèo | % | 2,5 | 2,1 | 84"""


def _rows(text):
    return [(r.name, r.value, r.unit, r.kind, r.year, r.plan_value) for r in extract_indicators(text)]


def test_a_table_is_read_by_its_header_kind_year_unit_and_plan_per_column():
    assert _rows(PLAN_TABLE) == [
        ("sản lượng lương thực", 41000, "tấn", "target", 2023, None),
        ("sản lượng lương thực", 38198, "tấn", "actual", 2023, 41000),
        ("sản lượng lương thực", 93.2, "% kế hoạch", "actual", 2023, None),
        ("thu ngân sách trên địa bàn", 1.25e12, "VND", "target", 2023, None),
        ("thu ngân sách trên địa bàn", 1.3125e12, "VND", "actual", 2023, 1.25e12),
        ("thu ngân sách trên địa bàn", 105, "% kế hoạch", "actual", 2023, None),
        ("tỷ lệ hộ nghèo", 2.5, "%", "target", 2023, None),
        ("tỷ lệ hộ nghèo", 2.1, "%", "actual", 2023, 2.5),
        ("tỷ lệ hộ nghèo", 84, "% kế hoạch", "actual", 2023, None),
    ]
    assert extract_indicators(PLAN_TABLE)[1].indicator == "food_output"


def test_a_table_of_years_with_period_titles_and_units_in_the_name_cell():
    text = ("Chỉ tiêu | 9 tháng năm 2023 | 9 tháng năm 2024 | So sánh 2024/2023 (%)\n\n"
            "Diện tích lúa (ha) | 48.215 | 47.930 | 99,4")
    assert _rows(text) == [
        ("diện tích lúa", 48215, "ha", "actual", 2023, None),
        ("diện tích lúa", 47930, "ha", "actual", 2024, None),
        ("diện tích lúa", 99.4, "% cùng kỳ", "actual", 2024, None),
    ]


@pytest.mark.parametrize("row", [
    "3 | Tỷ lệ hộ nghèo | % | 2,5 | 84",  # a cell dropped: the columns cannot be told apart
    "Tỷ lệ hộ nghèo | % | 2,5 | 2,1 | 84",  # no header above it
])
def test_rows_that_cannot_be_aligned_with_a_header_are_not_read_by_column(row):
    header = "TT | Chỉ tiêu | ĐVT | Kế hoạch năm 2023 | Thực hiện năm 2023 | % so KH\n\n"
    text = header + row if row.startswith("3") else row
    assert all(r.unit != "% kế hoạch" for r in extract_indicators(text))


def test_a_table_of_hundreds_of_rows_is_read_whole():
    header = "STT | Chỉ tiêu | ĐVT | Kế hoạch | Thực hiện | % so KH\n"
    body = "".join(f"{i} | Sản lượng cây trồng số {i} | Tấn | 1.000 | 990 | 99\n"
                   for i in range(1, 401))
    assert len(extract_indicators(header + body)) == 1200


def test_a_yearly_norm_among_targets_is_a_target_and_among_results_a_result():
    targets = ("Nhiệm kỳ 2025-2030, xã phấn đấu thu nhập bình quân đầu người đạt 85 triệu "
               "đồng. Hằng năm, tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ đạt 90%.")
    assert [(r.kind, r.year) for r in extract_indicators(targets)] == [
        ("target", 2030), ("target", 2030)]
    results = ("Nhiệm kỳ qua, xã đã hoàn thành 19/21 chỉ tiêu. Hằng năm, kết nạp bình quân "
               "14 đảng viên mới.")
    assert [r.kind for r in extract_indicators(results)] == ["actual", "actual"]


def test_an_expected_completion_is_an_estimate_outside_a_plan_frame():
    estimate = "Năm 2024, tổng thu ngân sách dự kiến cả năm đạt 312 tỷ đồng."
    assert [(r.kind, r.year) for r in extract_indicators(estimate)] == [("actual", 2024)]
    plan = "Kế hoạch năm 2025:\n\n- Dự kiến hoàn thành 3 tuyến đường giao thông nông thôn."
    assert [(r.kind, r.year) for r in extract_indicators(plan)] == [("target", 2025)]
    planned = "Tổng thu ngân sách năm 2025 dự kiến đạt 330 tỷ đồng."
    assert [r.kind for r in extract_indicators(planned)] == ["target"]


def test_a_count_over_a_total_names_any_noun_but_a_date_does_not():
    found = extract_indicators("Trong tháng có 23/27 ngành sản xuất tăng so với tháng trước.")
    assert [(r.value, r.total, r.unit) for r in found] == [(23, 27, "ngành")]
    found = extract_indicators("Có 14/16 phòng ban chuyên môn được xếp loại tốt.")
    assert [(r.value, r.total) for r in found] == [(14, 16)]
    assert extract_indicators("Hội nghị diễn ra 7/11 vừa qua tại hội trường.") == []


@pytest.mark.parametrize("text, name", [
    ("Toàn xã đã bê tông hóa được 42% tuyến đường liên thôn.",
     "tỷ lệ tuyến đường liên thôn được bê tông hóa"),
    ("Đảng bộ xã có 246 đảng viên, sinh hoạt ở 32 chi bộ.", "chi bộ"),
    ("Cả tỉnh gieo trồng được 31.394 ha.", "diện tích gieo trồng"),
    ("Xã đã huy động 194,6 tỷ đồng xây dựng hạ tầng.", "huy động xây dựng hạ tầng"),
    ("GRDP bình quân tăng 5,76%/năm.", "grdp"),
])
def test_names_of_verbs_counts_and_passive_shares(text, name):
    assert extract_indicators(text)[-1].name == name
