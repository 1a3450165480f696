"""Report shapes learned from held-out part 6's misses, one case per rule (each failed on the
rules of "freeze rules 6"). The sentences are ours, in the shapes real reports use."""

from conftest import indicator_rows as _rows
from pytest import approx

from crawler.indicators import extract_indicators


def test_this_index_refers_to_the_index_named_before():
    rows = _rows(
        "Năm 2025, chỉ số giá tiêu dùng tăng 3,1%; cùng kỳ các năm 2023 và 2024 chỉ số này "
        "lần lượt tăng 2,9% và 3,4%."
    )
    assert [(v, y, n) for v, _, _, y, n in rows] == [
        (3.1, 2025, "chỉ số giá tiêu dùng"),
        (2.9, 2023, "chỉ số giá tiêu dùng"),
        (3.4, 2024, "chỉ số giá tiêu dùng"),
    ]


def test_years_paired_with_a_series_are_not_carried_to_the_next_paragraph():
    rows = _rows(
        "Báo cáo 9 tháng năm 2025.\n\nNăm 2025, thu ngân sách tăng 8%; các năm 2022, 2023 "
        "và 2024 lần lượt tăng 5%, 6% và 7%.\n\nVốn đầu tư toàn xã hội đạt 9.000 tỷ đồng."
    )
    assert rows[-1][3] == 2025


def test_targets_met_beyond_plan_are_counted_with_their_name():
    rows = _rows(
        "Năm 2025, tỉnh hoàn thành và hoàn thành vượt mức 18/18 chỉ tiêu, nhóm chỉ tiêu chủ "
        "yếu, trong đó có 12 chỉ tiêu, nhóm chỉ tiêu vượt kế hoạch; 2 chỉ tiêu không đạt."
    )
    assert [(v, u, k) for v, u, k, *_ in rows] == [
        (18, "chỉ tiêu", "actual"),
        (12, "chỉ tiêu", "actual"),
        (2, "chỉ tiêu", "actual"),
    ]
    assert rows[0][4].startswith("chỉ tiêu") and "vượt" in rows[1][4] and "không đạt" in rows[2][4]


def test_a_million_billion_dong():
    (level, change) = _rows(
        "Năm 2025, tổng mức bán lẻ hàng hóa ước gần 1,3 triệu tỷ đồng, tăng 8% so với năm 2024."
    )
    assert level[:2] == (approx(1.3e15), "VND")
    assert change[4] == level[4] == "tổng mức bán lẻ hàng hóa"


def test_last_years_figure_in_a_bracket_is_a_comparison():
    (now, then) = extract_indicators(
        "Năm 2025, kim ngạch xuất khẩu giảm 3,2% so với cùng kỳ (cùng kỳ tăng 4,4%)."
    )
    assert (now.value, now.year) == (-3.2, 2025)
    assert (then.value, then.year, then.name) == (4.4, 2024, now.name)


def test_the_capital_allocated_is_the_plan():
    (level, share) = extract_indicators(
        "Năm 2025, huyện đã giải ngân 410 tỷ đồng, bằng 61% tổng vốn được giao (hơn 672 tỷ đồng)."
    )
    assert (level.value, level.plan_value) == (approx(410e9), approx(672e9))
    assert (share.value, share.unit) == (61, "% kế hoạch")


def test_twice_a_year_and_the_round_of_a_standard_are_not_the_figures_year():
    rows = _rows(
        "Ngày 5/3/2025, tỉnh công nhận xã đạt chuẩn nông thôn mới năm 2024; vốn giao gấp "
        "đôi năm 2023. Xã huy động 52 tỷ đồng xây dựng nông thôn mới."
    )
    assert [(v, y) for v, _, _, y, _ in rows] == [(52e9, 2025)]


def test_an_abbreviation_with_more_words_keeps_its_short_form():
    rows = _rows(
        "Tổng sản phẩm trên địa bàn (GRDP) năm 2025 tăng 8%; GRDP bình quân đầu người đạt "
        "95 triệu đồng."
    )
    assert rows[1][4] == "grdp bình quân đầu người"


def test_an_average_without_its_noun_is_the_measure_before():
    rows = _rows(
        "Năm 2025, chỉ số giá tiêu dùng quý IV tăng 1,2%; bình quân cả năm tăng 2,8% so với "
        "bình quân năm trước."
    )
    assert [n for *_, n in rows] == ["chỉ số giá tiêu dùng"] * 2


def test_a_table_column_compared_with_last_year_is_a_share_of_last_year():
    rows = _rows(
        "Chỉ tiêu | Ước tính năm 2025 (tỷ đồng) | Năm 2025 so với năm trước (%)\n"
        "Tổng sản phẩm | 20.150,2 | 107,10"
    )
    assert [(v, u) for v, u, *_ in rows] == [(approx(20150.2e9), "VND"), (107.1, "% cùng kỳ")]


def test_exceeding_the_plan_written_with_so():
    rows = _rows(
        "Năm 2025, vốn đầu tư thực hiện vượt 7,5% so kế hoạch; cả nhiệm kỳ sẽ thu hơn 9.000 "
        "tỷ đồng, vượt gần 21% kế hoạch."
    )
    assert [(v, u) for v, u, *_ in rows if u == "% kế hoạch"] == [
        (107.5, "% kế hoạch"),
        (121, "% kế hoạch"),
    ]


def test_expected_to_exceed_the_plan_at_year_end_is_an_actual():
    (row,) = _rows("Năm 2025, thu ngân sách dự kiến vượt 12,4% dự toán Trung ương giao.")
    assert row[:3] == (112.4, "% kế hoạch", "actual")


def test_totals_of_several_years_have_no_year():
    rows = _rows(
        "Năm 2025, thu ngân sách đạt 31.000 tỷ đồng. Tính chung ba năm 2023 - 2025, tỉnh thu "
        "ngân sách 86.000 tỷ đồng."
    )
    assert [y for _, _, _, y, _ in rows] == [2025, None]


def test_completing_the_plan_is_not_a_name_nor_a_target():
    rows = _rows(
        "Năm 2025, giá trị sản xuất công nghiệp ước 655 tỷ đồng, hoàn thành kế hoạch, tăng 12,9%."
    )
    assert rows[1][2:] == ("actual", 2025, "giá trị sản xuất công nghiệp")


def test_a_share_of_plan_in_the_next_clause_is_not_points_above_a_rate():
    rows = _rows(
        "Năm 2025, doanh thu bán lẻ tăng 8,5%; vốn đầu tư thực hiện vượt 9,5% so kế hoạch; "
        "chỉ 1 chỉ tiêu không đạt là tỷ lệ xã đạt chuẩn."
    )
    assert [(v, u) for v, u, *_ in rows] == [(8.5, "%"), (109.5, "% kế hoạch"), (1, "chỉ tiêu")]
    assert rows[-1][4] == "chỉ tiêu không đạt"


# Shapes of held-out part 7 (documents after the July 2025 reorganisation), each failing on
# freeze 7.


def test_delegates_representing_members_are_attendance():
    assert _rows("Đại hội có 210 đại biểu dự, đại diện cho 3.120 đảng viên của Đảng bộ.") == []


def test_a_budget_estimate_after_an_adjustment_is_a_plan():
    rows = _rows(
        "Sau điều chỉnh, tổng thu ngân sách năm 2025 của phường gần 180 tỷ đồng, trong khi dự "
        "toán giao đầu năm chỉ hơn 40 tỷ đồng."
    )
    assert [(v, k) for v, _, k, *_ in rows] == [(180e9, "target"), (40e9, "target")]


def test_a_topic_sentence_after_a_sentence_of_targets_goes_on_with_targets():
    rows = _rows(
        "Đến năm 2030, tỉnh phấn đấu GRDP tăng bình quân 9%/năm; thu ngân sách trên 30.000 tỷ "
        "đồng. Về xã hội, tỷ lệ trường đạt chuẩn quốc gia tối thiểu 85%; 100% trạm y tế có "
        "bác sĩ."
    )
    assert [k for _, _, k, *_ in rows] == ["target"] * 4


def test_capital_spent_in_a_list_of_targets_is_a_target():
    rows = _rows(
        "Một số chỉ tiêu chủ yếu giai đoạn 2025 - 2030:\n"
        "Vốn đầu tư thực hiện trên địa bàn: 150.000 tỷ đồng."
    )
    assert [(k, n) for _, _, k, _, n in rows] == [("target", "vốn đầu tư thực hiện trên địa bàn")]


def test_a_range_with_its_unit_twice():
    (row,) = extract_indicators("Năm 2024, tỷ lệ lạm phát dao động từ 3,5% đến 4,1%.")
    assert (row.value, row.value_max) == (3.5, 4.1)


def test_a_count_achieved_by_its_subject_is_named_by_it():
    rows = _rows("Năm 2025, khách quốc tế ước đạt 1,25 triệu lượt, tăng 20%.")
    assert [n for *_, n in rows] == ["khách quốc tế", "khách quốc tế"]


def test_a_share_of_a_noun_after_a_topic_or_a_verb_is_the_share_of_that_noun():
    rows = _rows(
        "Năm 2025, về chuyển đổi số, 90% hồ sơ được giải quyết trực tuyến; giữ vững 100% "
        "trường học đạt chuẩn quốc gia; 100% chi bộ và trên 90% đảng viên hoàn thành nhiệm vụ."
    )
    names = [n for *_, n in rows]
    assert "hồ sơ được giải quyết trực tuyến" in names[0]
    assert "trường học đạt chuẩn quốc gia" in names[1]
    assert names[2].endswith("chi bộ") and "đảng viên" in names[3]


def test_targets_met_and_exceeded_and_an_average_per_year():
    rows = _rows(
        "Nhiệm kỳ qua, Đảng bộ hoàn thành và vượt 28/31 chỉ tiêu Nghị quyết. Thu ngân sách "
        "đạt 70 tỷ đồng, bình quân mỗi năm thu tăng 5,1%; phát triển thêm 4 sản phẩm OCOP đạt "
        "từ 3 sao trở lên."
    )
    assert rows[0][4].startswith("chỉ tiêu nghị quyết")
    assert rows[2][4] == "thu ngân sách"
    assert rows[3][:2] == (4, "sản phẩm") and "3 sao" not in rows[3][4]


def test_houses_teams_and_streets_are_counted():
    rows = _rows(
        "Năm 2025, xã xóa 120 căn nhà tạm, thành lập 12 tổ công nghệ số cộng đồng và xây dựng "
        "được 8 tuyến phố văn minh."
    )
    # houses are counted in "căn", as the labelled reports count them (shapes15)
    assert [(v, u) for v, u, *_ in rows] == [(120, "căn"), (12, "tổ"), (8, "tuyến phố")]


def test_tourists_where_and_who_sets_a_target():
    rows = _rows(
        "Du lịch khởi sắc: trong năm 2025, tỉnh đón 12,4 triệu lượt khách, tăng 9%; khách "
        "quốc tế ước đạt 1,1 triệu lượt. Trên địa bàn có hơn 900 doanh nghiệp du lịch. Đến "
        "năm 2030, tỉnh phấn đấu GRDP tăng 10%."
    )
    assert [n for *_, n in rows] == [
        "khách du lịch",
        "khách du lịch",
        "khách quốc tế",
        "doanh nghiệp du lịch",
        "grdp",
    ]
