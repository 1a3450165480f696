"""Report shapes learned from held-out part 4's misses, one case per rule (each failed on the
rules of "freeze rules 4"). The sentences are ours, in the shapes real reports use."""

from conftest import indicator_rows as _rows

from crawler.indicators import extract_indicators
from crawler.indicators.evaluate import errors


def test_a_bracketed_plan_after_a_share_of_plan_belongs_to_the_actual():
    (level, share) = extract_indicators(
        "Vốn FDI thu hút đạt 820 triệu USD, bằng 41% kế hoạch năm (kế hoạch thu hút 2 tỷ USD)."
    )
    assert (level.value, level.plan_value) == (820e6, 2e9)
    assert share.unit == "% kế hoạch"


def test_a_scenario_in_brackets_is_the_plan():
    (row,) = extract_indicators("GRDP quý I tăng 7,4%, thấp hơn kịch bản (kịch bản 8%).")
    assert (row.value, row.plan_value) == (7.4, 8)


def test_delegates_and_elected_members_are_never_figures():
    assert extract_indicators(
        "Có mặt 305/310 đại biểu được triệu tập, gồm 30 đại biểu đương nhiên. Đại hội bầu "
        "Ban Chấp hành gồm 45 đồng chí; Ban Thường vụ gồm 13 đồng chí."
    ) == []


def test_units_merged_into_a_commune_are_its_history_not_a_figure():
    rows = _rows("Xã được thành lập trên cơ sở sáp nhập 3 xã, có dân số 12.400 người, gồm 21 thôn.")
    assert [(v, u) for v, u, *_ in rows] == [(12400, "người"), (21, "thôn")]
    assert rows[1][4] == "thôn"


def test_dan_so_before_a_number_is_a_population_not_a_numbered_thing():
    assert _rows("Năm 2024, dân số 8.215 người.")[0][:2] == (8215, "người")


def test_counts_of_targets_met_are_actuals():
    rows = _rows(
        "Năm 2019, trong 20 chỉ tiêu có 6 chỉ tiêu vượt và 11 chỉ tiêu đạt kế hoạch. "
        "Tốc độ tăng trưởng đạt 7,2%."
    )
    assert [(v, u, k) for v, u, k, *_ in rows] == [
        (6, "chỉ tiêu", "actual"), (11, "chỉ tiêu", "actual"), (7.2, "%", "actual")
    ]
    assert rows[1][4] == "chỉ tiêu đạt kế hoạch"


def test_a_count_of_targets_met_is_not_a_target_lead_in():
    rows = _rows(
        "Năm 2015, toàn bộ 28 chỉ tiêu chủ yếu đều hoàn thành, trong đó 19 chỉ tiêu vượt kế "
        "hoạch. Thu nhập bình quân đầu người đạt 30 triệu đồng."
    )
    assert [(v, k) for v, _, k, *_ in rows] == [(28, "actual"), (19, "actual"), (3e7, "actual")]


def test_the_targets_a_plan_sets_are_still_no_figure():
    assert _rows("Nghị quyết có 9 chỉ tiêu phấn đấu đạt trong năm.") == []


def test_times_the_plan_is_a_share_of_plan():
    rows = _rows("Số hộ được hỗ trợ nhà ở là 120 hộ, gấp 1,5 lần so kế hoạch, tăng 40 hộ.")
    assert [(v, u, k) for v, u, k, *_ in rows] == [
        (120, "hộ", "actual"), (150, "% kế hoạch", "actual"), (40, "hộ", "actual")
    ]


def test_percentage_points_are_a_unit_of_their_own():
    found = extract_indicators("Khu vực dịch vụ tăng 5,1%, đóng góp 2,3 điểm phần trăm.")
    assert [(r.value, r.unit) for r in found] == [(5.1, "%"), (2.3, "điểm phần trăm")]


def test_a_threshold_inside_a_counted_subject_is_not_a_figure():
    rows = _rows("Số thôn đạt từ 15 tiêu chí trở lên là 12 thôn.")
    assert [(v, u) for v, u, *_ in rows] == [(12, "thôn")]


def test_prose_before_a_lead_in_on_the_same_line_is_read():
    rows = _rows(
        "KẾT QUẢ 9 THÁNG NĂM 2022\n\nGRDP ước đạt 20.150 tỷ đồng, tăng 5,2% so với cùng kỳ. "
        "Chia ra:\n\n- Khu vực dịch vụ: ước 9.100 tỷ đồng."
    )
    assert [(v, y) for v, _, _, y, _ in rows] == [(2.015e13, 2022), (5.2, 2022), (9.1e12, 2022)]


def test_a_label_is_the_subject_when_the_value_starts_with_a_verb():
    rows = _rows("- Kim ngạch nhập khẩu: tăng bình quân 8%/năm, đến năm 2025 đạt 900 triệu USD.")
    assert [name for *_, name in rows] == ["kim ngạch nhập khẩu", "kim ngạch nhập khẩu"]


def test_a_generic_head_takes_the_label_it_stands_under():
    (row, *_) = extract_indicators(
        "- Khu vực công nghiệp: giá trị tăng thêm ước 5.120 tỷ đồng, tăng 4,1%;"
    )
    assert row.name == "giá trị tăng thêm khu vực công nghiệp"


def test_bare_figures_under_a_label_are_named_by_what_their_unit_measures():
    found = extract_indicators("Cao nhất là huyện Hải Hậu: 21.400ha, 61,2 tạ/ha, 130.970 tấn.")
    assert [r.name.split()[:2] for r in found] == [
        ["diện", "tích"], ["năng", "suất"], ["sản", "lượng"]
    ]


def test_a_season_opening_names_the_crop_figures_of_its_sentence():
    found = extract_indicators(
        "Vụ đông xuân, toàn huyện gieo cấy 9.120 ha, năng suất đạt 68 tạ/ha, sản lượng 62.016 "
        "tấn. Cả năm, năng suất bình quân 64 tạ/ha."
    )
    assert [r.name for r in found] == [
        "diện tích gieo cấy vụ đông xuân", "năng suất vụ đông xuân", "sản lượng vụ đông xuân",
        "năng suất cả năm",
    ]


def test_a_yearly_average_takes_no_year_from_another_clause():
    found = extract_indicators(
        "Thu nhập bình quân đầu người năm 2019 đạt 31 triệu đồng; tỷ lệ hộ nghèo giảm trung "
        "bình 3,1%/năm."
    )
    assert [r.year for r in found] == [2019, None]


def test_a_dash_date_gives_its_sentence_a_year():
    found = extract_indicators(
        "Năm 2024, tỉnh phấn đấu tăng trưởng 8%.\n\nTại họp báo ngày 5-10-2025, Sở cho biết "
        "sản lượng lúa ước đạt 1,2 triệu tấn."
    )
    assert [(r.year, r.name) for r in found][1:] == [(2025, "sản lượng lúa")]
    assert found[0].year == 2024


def test_a_level_after_a_label_line_change_keeps_the_label_not_the_unit():
    (_, level) = extract_indicators("Xuất khẩu: tăng 12%, đến năm 2025 đạt 500 triệu USD.")
    assert level.name == "xuất khẩu"


def test_an_equivalent_in_brackets_is_the_same_quantity():
    (_, usd) = extract_indicators("GRDP bình quân đầu người ước 70 triệu đồng (tương đương "
                                  "2.900 USD).")
    assert usd.name == "grdp bình quân đầu người"


def test_a_target_statement_drops_who_sets_it():
    (row,) = extract_indicators("Đối với năm 2026, huyện đặt mục tiêu GRDP tăng 9%.")
    assert (row.name, row.kind, row.year) == ("grdp", "target", 2026)


def test_an_evaluation_after_the_subject_is_not_part_of_the_name():
    (row,) = extract_indicators(
        "Tốc độ tăng trưởng kinh tế đạt khá so với cả nước, bình quân hằng năm tăng 7,1%."
    )
    assert row.name == "tốc độ tăng trưởng kinh tế"


def test_a_share_of_a_structure_keeps_the_structure():
    (row,) = extract_indicators("Trồng trọt chiếm 55% trong cơ cấu ngành nông nghiệp.")
    assert row.name == "trồng trọt trong cơ cấu ngành nông nghiệp"


def test_money_per_person_is_per_head():
    (row,) = extract_indicators("Thu nhập bình quân ước đạt 48 triệu đồng/người/năm.")
    assert row.name == "thu nhập bình quân đầu người"


def test_a_running_total_without_unit_takes_the_unit_before_it():
    found = extract_indicators("Sản lượng khai thác quý II đạt 20.150 tấn, lũy kế 6 tháng "
                               "41.200, đạt 52% kế hoạch.")
    assert [(r.value, r.unit) for r in found] == [
        (20150, "tấn"), (41200, "tấn"), (52, "% kế hoạch")
    ]


def test_a_term_results_paragraph_takes_no_year_from_the_one_before():
    found = extract_indicators(
        "I. KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT NHIỆM KỲ 2015 - 2020\n\nTổng thu ngân sách đến năm "
        "2020 ước đạt 900 tỷ đồng.\n\nTỷ lệ che phủ rừng đạt 45%."
    )
    assert [r.year for r in found] == [2020, None]


def test_errors_reads_passages_as_well_as_sentences():
    passage = {"text": "Tỷ lệ hộ nghèo còn 2%.", "source": "x", "not": [],
               "expected": [{"name": "tỷ lệ hộ nghèo", "value": 3, "unit": "%",
                             "kind": "actual", "year": None}]}
    (found,) = errors([passage])
    assert found["text"] == passage["text"] and found["predicted"][0]["value"] == 2


def test_a_list_of_sectors_after_a_head_stays_whole():
    (row, *_) = extract_indicators(
        "- Khu vực nông, lâm nghiệp và thủy sản: ước 4.200 tỷ đồng, tăng 2,1%;"
    )
    assert row.name == "khu vực nông, lâm nghiệp và thủy sản"


def test_a_contribution_in_points_belongs_to_the_line_subject():
    (*_, points) = extract_indicators(
        "- Khu vực dịch vụ: ước 6.100 tỷ đồng, tăng 8,2%, đóng góp 3,1 điểm phần trăm vào mức "
        "tăng chung;"
    )
    assert (points.value, points.unit, points.name) == (3.1, "điểm phần trăm", "khu vực dịch vụ")


def test_a_sector_named_as_the_engine_of_growth_owns_the_rate():
    (row,) = extract_indicators(
        "Công nghiệp chế biến, chế tạo tiếp tục là động lực chính với mức tăng 14,2%."
    )
    assert row.name == "công nghiệp chế biến, chế tạo"


def test_a_topic_opening_names_a_bare_count():
    (row,) = extract_indicators("Về xây dựng nông thôn mới, đến nay xã đạt 12/19 tiêu chí.")
    assert row.name == "tiêu chí nông thôn mới"
