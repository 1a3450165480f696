"""Report shapes learned from held-out part 9's misses, one case per rule (each failed on the
rules of "freeze rules 9"). The sentences are ours, in the shapes real reports use."""

from crawler.indicators import extract_indicators


def _kinds(text):
    return [r.kind for r in extract_indicators(text)]


def test_a_headline_saying_how_results_stand_against_a_target_frames_no_targets():
    assert (
        _kinds(
            "Tăng trưởng năm 2025 của tỉnh chưa đạt mục tiêu\n\nNăm 2025, quy mô nền kinh tế vượt "
            "210.000 tỷ đồng; tổng mức bán lẻ đạt gần 180.000 tỷ đồng, tăng 14%."
        )
        == ["actual"] * 3
    )
    assert (
        _kinds(
            "Thành phố sắp cán đích mục tiêu đón khách năm 2025\n\nTrong 10 tháng, thành phố đón "
            "9,2 triệu lượt khách, bằng 91% kế hoạch năm."
        )
        == ["actual"] * 2
    )


def test_a_table_column_of_growth_named_by_its_period_is_a_rate():
    rows = extract_indicators(
        "Ngành | Tháng 10/2025 tăng so cùng kỳ (%) | 10 tháng năm 2025 tăng so cùng kỳ (%)\n"
        "Khai khoáng | 3,10 | 5,20"
    )
    assert [(r.value, r.unit) for r in rows] == [(3.1, "%"), (5.2, "%")]


def test_a_target_met_whose_figure_belongs_to_it_is_an_actual():
    assert _kinds("Năm 2025, tỉnh hoàn thành chỉ tiêu xóa 100% nhà tạm cho hộ nghèo.") == ["actual"]
    # a target stated outright after it stays a target
    assert _kinds("Năm 2020, tỷ lệ suy dinh dưỡng còn 11,5%, vượt mục tiêu đề ra là 12,5%.") == [
        "actual",
        "target",
    ]


def test_a_year_left_out_of_a_comparison_is_no_figures_year():
    rows = extract_indicators(
        "Tình hình kinh tế năm 2025\n\nTăng trưởng GRDP cả năm ước đạt 8,9%, cao nhất giai "
        "đoạn 2021 - 2025 nếu không tính năm 2022; dịch vụ tăng 9,5%."
    )
    assert [(r.value, r.year) for r in rows] == [(8.9, 2025), (9.5, 2025)]
