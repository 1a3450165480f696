"""Report shapes learned from held-out part 8's misses, one case per rule (each failed on the
rules of "freeze rules 8"). The sentences are ours, in the shapes real reports use."""

from conftest import indicator_rows as _rows

from crawler.indicators import extract_indicators


def test_a_growth_scenario_abbreviated_in_brackets_is_the_plan():
    rows = extract_indicators(
        "Năm 2025, khu vực dịch vụ ước tăng 6,8% (KBTT: 7,2%); khu vực công nghiệp tăng 9,1% "
        "(kịch bản tăng trưởng 9,5%)."
    )
    assert [(r.value, r.plan_value) for r in rows] == [(6.8, 7.2), (9.1, 9.5)]


def test_a_table_column_of_growth_over_last_year_is_a_rate():
    rows = _rows(
        "Khu vực | Tăng so với cùng kỳ (%)\nCông nghiệp - xây dựng | 11,40\nDịch vụ | 7,05"
    )
    assert [(v, u) for v, u, *_ in rows] == [(11.4, "%"), (7.05, "%")]


def test_exceeding_the_plan_after_a_growth_rate_is_a_share_of_plan():
    rows = _rows("Năm 2025, kim ngạch xuất khẩu đạt 150 triệu USD, tăng 2,1%, vượt 1,4% kế hoạch.")
    assert [(v, u) for v, u, *_ in rows][1:] == [(2.1, "%"), (101.4, "% kế hoạch")]
    # after a level rate it stays points above the planned rate
    (_, points) = _rows("Năm 2025, tỷ lệ tham gia bảo hiểm y tế đạt 93,1%, vượt 0,4% kế hoạch.")
    assert points[:2] == (0.4, "%")


def test_an_amount_then_a_bare_share_is_a_share_of_plan():
    rows = _rows("Thu ngân sách năm 2025 đạt 91,4 tỷ đồng, đạt 104%.")
    assert [(v, u) for v, u, *_ in rows] == [(91.4e9, "VND"), (104, "% kế hoạch")]


def test_sentences_after_a_sentence_of_targets_go_on_with_them():
    rows = _rows(
        "Nghị quyết Đại hội đặt mục tiêu tổng thu ngân sách đến năm 2030 hơn 150 tỷ đồng; tổng "
        "vốn đầu tư giai đoạn 2026 - 2030 từ 8.000 tỷ đồng. Thu nhập bình quân đầu người đạt "
        "trên 80 triệu đồng; tỷ lệ hộ nghèo dưới 1%.\n\n"
        "Đến năm 2030, tỷ lệ lao động qua đào tạo đạt 75%; hằng năm tạo việc làm cho 1.200 "
        "lao động."
    )
    assert [k for _, _, k, *_ in rows] == ["target"] * 6
    assert rows[0][4] == "tổng thu ngân sách"


def test_a_figure_its_sentence_does_not_name_takes_the_paragraphs_last_name():
    rows = _rows(
        "Tổng vốn đầu tư toàn xã hội 9 tháng ước đạt 40.100 tỷ đồng. Cả năm ước đạt 58.000 tỷ "
        "đồng, tăng 6,5% so với năm 2024."
    )
    assert [n for *_, n in rows] == ["tổng vốn đầu tư toàn xã hội"] * 3


def test_what_a_bracket_names_is_not_what_the_sentence_goes_on_about():
    rows = _rows(
        "Năm 2025, tổng thu ngân sách đạt 12.900 tỷ đồng, bằng 102% dự toán (Trung ương giao: "
        "12.600 tỷ đồng; HĐND tỉnh giao 14.000 tỷ đồng), tăng 21% so cùng kỳ."
    )
    assert rows[-1][:2] == (21, "%") and rows[-1][4] == "tổng thu ngân sách"


def test_a_bracket_inside_a_bracket_leaves_the_outer_one_open():
    (row,) = extract_indicators(
        "Năm 2025, tăng trưởng GRDP 9 tháng ước đạt 6,9% (kịch bản tăng trưởng (KBTT): 7,87%)."
    )
    assert (row.value, row.plan_value) == (6.9, 7.87)
