"""Document frames and the report shapes of issue 11, each on text written after real reports."""

import pytest

from crawler.indicators import extract_indicators
from crawler.indicators.frames import frame_of, read_units


def rows(text):
    return [(r.name, r.value, r.unit, r.kind, r.year) for r in extract_indicators(text)]


TERM_LIST = """CÁC CHỈ TIÊU CHỦ YẾU NHIỆM KỲ 2020-2025

I. Về kinh tế

1. Thu nhập bình quân đầu người/năm đến năm 2025: 60 triệu đồng.
2. Tổng sản lượng lương thực bình quân hằng năm: 25.000 tấn.

II. Về xã hội

3. Tỷ lệ lao động qua đào tạo: 65%.
"""


def test_a_heading_frame_gives_kind_year_and_period_to_every_item_under_it():
    found = extract_indicators(TERM_LIST)
    assert [(r.name, r.kind, r.year, r.period) for r in found] == [
        ("thu nhập bình quân đầu người", "target", 2025, "nhiệm kỳ 2020-2025"),
        ("tổng sản lượng lương thực", "target", 2025, "bình quân hằng năm"),
        ("tỷ lệ lao động qua đào tạo", "target", 2025, "nhiệm kỳ 2020-2025"),
    ]
    assert [r.indicator for r in found] == ["income_per_capita", "food_output",
                                             "trained_labour_rate"]


def test_a_lead_in_frame_covers_its_list_and_ends_at_the_next_narrative_paragraph():
    text = ("Phương hướng, nhiệm vụ năm 2025:\n\n- Thu ngân sách đạt 6.500 triệu đồng.\n\n"
            "- Tỷ lệ hộ nghèo giảm còn dưới 1,5%.\n\n"
            "Trong năm 2024, xã đã hoàn thành 17/19 chỉ tiêu; thu nhập bình quân đầu người "
            "đạt 62,5 triệu đồng.")
    assert [(r.kind, r.year) for r in extract_indicators(text)] == [
        ("target", 2025), ("target", 2025), ("actual", 2024), ("actual", 2024)]


def test_a_heading_of_results_after_a_heading_of_targets_switches_the_kind():
    text = ("Điều 1. Kết quả thực hiện kế hoạch năm 2022\n\nTỷ lệ hộ nghèo giảm 3,8%.\n\n"
            "Điều 2. Các chỉ tiêu chủ yếu năm 2023\n\n1. Tỷ lệ hộ nghèo giảm 3%.")
    assert [(r.value, r.kind, r.year) for r in extract_indicators(text)] == [
        (-3.8, "actual", 2022), (-3.0, "target", 2023)]


def test_a_lead_in_without_a_year_continues_the_year_of_the_one_before():
    text = ("Các chỉ tiêu kinh tế năm 2024: thu ngân sách trên địa bàn 8.380 tỷ đồng.\n\n"
            "Các chỉ tiêu xã hội: tỷ lệ sinh con thứ 3 trở lên 2,8%.")
    assert [(r.kind, r.year) for r in extract_indicators(text)] == [("target", 2024)] * 2
    assert extract_indicators(text)[1].name == "tỷ lệ sinh con thứ 3"


@pytest.mark.parametrize("title, kind, year", [
    ("CÁC CHỈ TIÊU CHỦ YẾU NHIỆM KỲ 2020-2025", "target", 2025),
    ("Kết quả thực hiện các chỉ tiêu Nghị quyết giữa nhiệm kỳ", "actual", None),
    ("TÌNH HÌNH KINH TẾ - XÃ HỘI 6 THÁNG ĐẦU NĂM 2021", "actual", 2021),
    ("Tốc độ tăng giá trị sản xuất (giá so sánh năm 2010)", None, None),
    ("Kế hoạch năm 2024", "target", 2024),
])
def test_frame_of_a_title(title, kind, year):
    frame = frame_of(title)
    assert (frame.kind, frame.year) == (kind, year)


def test_hard_wrapped_lines_join_but_list_items_stay_apart():
    text = "Năm 2023, tổng diện tích gieo trồng\nđạt 23.400 ha.\n- Sản lượng lúa: 2.961 tấn."
    assert [u.sentence for u in read_units(text)] == [
        "Năm 2023, tổng diện tích gieo trồng đạt 23.400 ha.", "Sản lượng lúa: 2.961 tấn."]


def test_target_with_its_actuals_in_brackets():
    text = ("Hạ tỷ lệ trẻ em suy dinh dưỡng xuống dưới 8% (Thực hiện: năm 2020 là 8,1%, "
            "năm 2021 là 8%).")
    assert rows(text) == [
        ("tỷ lệ trẻ em suy dinh dưỡng", 8.0, "%", "target", None),
        ("tỷ lệ trẻ em suy dinh dưỡng", 8.1, "%", "actual", 2020),
        ("tỷ lệ trẻ em suy dinh dưỡng", 8.0, "%", "actual", 2021),
    ]


@pytest.mark.parametrize("text, value, unit, plan, plan_max", [
    ("Năm 2022, diện tích lúa nước đạt 53,5/52 ha.", 53.5, "ha", 52.0, None),
    ("Thu nhập bình quân đầu người đạt 22/23 triệu đồng.", 22e6, "VND", 23e6, None),
    ("Tỷ lệ thu quỹ BHYT: 23,4%/KH 24,5-25,5%.", 23.4, "%", 24.5, 25.5),
    ("Sản lượng lương thực đạt 38.198 tấn/KH 41.000-42.000 tấn.", 38198, "tấn", 41000, 42000),
])
def test_plan_notation_keeps_the_plan_beside_the_actual(text, value, unit, plan, plan_max):
    (row,) = extract_indicators(text)
    assert (row.value, row.unit, row.kind, row.plan_value, row.plan_value_max) == (
        value, unit, "actual", plan, plan_max)


def test_a_count_out_of_a_total_is_not_a_plan():
    (row,) = extract_indicators("Toàn xã có 3/4 trường đạt chuẩn quốc gia.")
    assert (row.value, row.total, row.plan_value, row.name) == (
        3, 4, None, "trường đạt chuẩn quốc gia")


@pytest.mark.parametrize("text, value", [
    ("Tổng thu ngân sách đạt 101,6% kế hoạch.", 101.6),
    ("Tổng thu ngân sách bằng 117,31% dự toán tỉnh giao.", 117.31),
    ("Tổng thu ngân sách vượt 74% mục tiêu.", 174.0),
    ("Tổng thu ngân sách tăng 4,1% so với kế hoạch.", 104.1),
])
def test_a_share_of_plan_is_never_the_level(text, value):
    (row,) = extract_indicators(text)
    assert (row.name, row.value, row.unit, row.kind, row.indicator) == (
        "tổng thu ngân sách", value, "% kế hoạch", "actual", "budget_revenue")


def test_points_above_a_planned_rate_stay_points():
    found = extract_indicators("Tốc độ tăng trưởng đạt 8,6%, cao hơn 1,2% so với kế hoạch.")
    assert [(r.value, r.unit) for r in found] == [(8.6, "%"), (1.2, "%")]


@pytest.mark.parametrize("text, value", [
    ("Tổng vốn đầu tư hạ tầng đạt 16 tỷ 434 triệu đồng.", 16.434e9),
    ("Huy động xã hội hóa được 1 tỷ 500 triệu đồng.", 1.5e9),
])
def test_compound_money(text, value):
    assert [r.value for r in extract_indicators(text)] == [value]


def test_comparisons_are_named_after_the_quantity_that_changed():
    found = extract_indicators("Năm 2023, tổng diện tích gieo trồng đạt 23.400 ha, đạt 98,6% "
                               "kế hoạch, tăng 4,5% so cùng kỳ.")
    assert {r.name for r in found} == {"tổng diện tích gieo trồng"}
    assert [(r.unit, r.kind, r.change) for r in found] == [
        ("ha", "actual", False), ("% kế hoạch", "actual", False), ("%", "actual", True)]


def test_base_year_prices_are_never_the_year():
    found = extract_indicators("Tổng sản phẩm trên địa bàn năm 2021 theo giá so sánh năm 2010 "
                               "ước tăng 8,6% so với cùng kỳ.")
    assert [r.year for r in found] == [2021]
    assert extract_indicators("GRDP (giá so sánh 2010) tăng 7%.")[0].year is None


@pytest.mark.parametrize("text, name", [
    ("Lượng khách ước đạt 2.380 nghìn lượt, đạt 51,6% kế hoạch.", "lượng khách"),
    ("Tỷ lệ hộ nghèo: 2,1%/KH 2,5%.", "tỷ lệ hộ nghèo"),
    ("Tỷ lệ dân số tham gia BHYT đạt 95% trở lên.", "tỷ lệ dân số tham gia bảo hiểm y tế"),
    ("Trồng mới 2.400 ha rừng.", "trồng mới rừng"),
    ("Đảng bộ xã hoàn thành 23/27 chỉ tiêu Nghị quyết đề ra.", "chỉ tiêu nghị quyết đề ra"),
    ("Năm 2022, cây sắn đạt 82/60 ha, tăng 48,1%.", "cây sắn"),
])
def test_names_an_analyst_can_chart(text, name):
    assert {r.name for r in extract_indicators(text)} == {name}


def test_a_statement_of_the_present_does_not_take_an_earlier_year():
    found = extract_indicators("Tỷ lệ suy dinh dưỡng giảm từ 17,5% năm 2010 xuống còn 11,5% năm "
                               "2020. Riêng tại tỉnh, tỷ lệ suy dinh dưỡng thể thấp còi hiện nay "
                               "là 21,3%.")
    assert [r.year for r in found] == [2010, 2020, None]


def test_an_agency_name_is_not_a_target_cue():
    (row,) = extract_indicators("Theo Bộ Kế hoạch và Đầu tư, tỷ lệ hộ nghèo năm 2023 còn 2,93%.")
    assert (row.kind, row.year) == ("actual", 2023)


@pytest.mark.parametrize("text, value, unit, year, plan", [
    ("Lũy kế 9 tháng thu trên 12 nghìn tỷ đồng.", 12e12, "VND", None, None),
    ("Quý I/2024, tốc độ tăng trưởng kinh tế đạt 4,55%.", 4.55, "%", 2024, None),
    ("Tốc độ tăng trưởng kinh tế ước đạt 5,45% (NQ 6,5%).", 5.45, "%", None, 6.5),
    ("Tổng vốn đầu tư toàn xã hội 18.690/23.500 tỷ đồng.", 18690e9, "VND", None, 23500e9),
])
def test_more_report_shapes(text, value, unit, year, plan):
    (row,) = extract_indicators(text)
    assert (row.value, row.unit, row.year, row.plan_value) == (value, unit, year, plan)


def test_a_decrease_of_at_least_is_a_change():
    (row,) = extract_indicators("Phấn đấu tỷ lệ hộ nghèo giảm từ 3% trở lên.")
    assert (row.value, row.change, row.kind, row.name) == (-3.0, True, "target", "tỷ lệ hộ nghèo")


def test_a_year_that_opens_the_next_clause_belongs_to_the_next_figure():
    found = extract_indicators("Năm 2023 phấn đấu GRDP bình quân đầu người đạt 103 triệu đồng, "
                               "đến năm 2025 đạt 126 triệu đồng.")
    assert [(r.value, r.year) for r in found] == [(103e6, 2023), (126e6, 2025)]


def test_quy_keeps_its_spelling_in_names():
    (row,) = extract_indicators("GRDP quý IV tăng 6,8%.")
    assert row.name == "grdp"


def test_a_plan_in_brackets_after_a_comparison_is_the_plan_not_a_figure():
    found = extract_indicators("Năm 2017, tốc độ tăng trưởng ước tăng 10,5% so với năm 2016 "
                               "(kế hoạch tăng 10,6%); nông nghiệp giảm 4,2% (kế hoạch tăng 3,5%).")
    assert [(r.value, r.plan_value, r.year) for r in found] == [(10.5, 10.6, 2017),
                                                              (-4.2, 3.5, 2017)]


def test_a_target_cue_opening_a_sentence_governs_its_clauses():
    found = extract_indicators("Trong nhiệm kỳ 2025-2030, tỉnh phấn đấu tốc độ tăng trưởng GRDP "
                               "đạt 10%/năm; thu ngân sách bình quân tăng 12%/năm.")
    assert [(r.kind, r.year) for r in found] == [("target", 2030), ("target", 2030)]


def test_a_fulfilment_count_is_an_actual_even_when_expected():
    (row,) = extract_indicators("Năm 2023, dự kiến có 26/29 chỉ tiêu đạt và vượt kế hoạch.")
    assert (row.value, row.total, row.kind, row.name) == (26, 29, "actual", "chỉ tiêu")


def test_a_base_year_a_few_words_after_so_voi():
    found = extract_indicators("Năng suất lúa đông xuân năm 2024 đạt 68,8 tạ/ha, tăng 0,4 tạ/ha so "
                               "với vụ đông xuân năm 2023. Sản lượng đạt 20,32 triệu tấn.")
    assert [r.year for r in found] == [2024, 2024, 2024]


def test_a_plan_reference_before_trong_do_is_not_a_target_lead_in():
    found = extract_indicators("Cả tỉnh gieo trồng được 31.394 ha, đạt 101,9% kế hoạch, tăng 1,4% "
                               "so cùng kỳ; trong đó diện tích lúa đạt 17.332 ha.")
    assert {r.kind for r in found} == {"actual"}
