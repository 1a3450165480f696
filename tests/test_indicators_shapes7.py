"""Report shapes learned from held-out part 6's misses, one case per rule (each failed on the
rules of "freeze rules 6"). The sentences are ours, in the shapes real reports use."""

from pytest import approx

from crawler.indicators import extract_indicators


def _rows(text):
    return [(r.value, r.unit, r.kind, r.year, r.name) for r in extract_indicators(text)]


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
