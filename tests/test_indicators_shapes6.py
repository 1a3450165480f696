"""Report shapes learned from held-out part 5's misses, one case per rule (each failed on the
rules of "freeze rules 5"). The sentences are ours, in the shapes real reports use."""

from conftest import indicator_rows as _rows
from pytest import approx

from crawler.indicators import extract_indicators


def test_the_year_of_a_comparison_period_is_a_base_not_the_figures_year():
    rows = _rows(
        "Báo cáo kinh tế - xã hội 9 tháng năm 2025. Tổng sản phẩm 9 tháng tăng 6,1% so với "
        "9 tháng đầu năm 2024; riêng quý III tăng 6,8%. Thu ngân sách đạt 3.150 tỷ đồng, "
        "tăng 12% so với cùng kỳ năm 2024, quy mô kinh tế gấp 1,2 lần năm 2024."
    )
    assert [(v, y) for v, _, _, y, _ in rows] == [
        (6.1, 2025),
        (6.8, 2025),
        (3.15e12, 2025),
        (12, 2025),
        (1.2, 2025),
    ]


def test_a_comparison_phrase_is_never_a_figures_name():
    rows = _rows(
        "Tháng 10/2025, chỉ số giá tiêu dùng tăng 0,4% so với tháng trước và tăng 3,1% so "
        "với cùng kỳ. Giá trị sản xuất trên 1 ha đạt 140 triệu đồng, tăng 12 triệu đồng so "
        "với đầu nhiệm kỳ, đạt 102% KH."
    )
    names = [n for *_, n in rows]
    assert not [n for n in names if n.startswith("so với") or n.endswith("nhiệm kỳ")]
    assert names[1] == names[0] and "chỉ số giá tiêu dùng" in names[0]
    assert "giá trị sản xuất" in names[-1]


def test_an_abbreviation_defined_in_brackets_names_its_later_figures_in_full():
    rows = _rows(
        "Chỉ số giá tiêu dùng (CPI) bình quân tăng 3,2%. Riêng tháng 12, CPI tăng 0,5% so "
        "với tháng trước."
    )
    assert [n for *_, n in rows] == ["chỉ số giá tiêu dùng"] * 2


def test_a_qualifier_in_brackets_keeps_the_name_of_the_figure_it_splits():
    rows = _rows("Năm 2025, GRDP ước tăng 8,2% (sơ bộ quý I tăng 7,1%, ước tính quý IV tăng 9%).")
    assert [(v, n) for v, _, _, _, n in rows] == [(8.2, "grdp"), (7.1, "grdp"), (9, "grdp")]


def test_compound_amounts_in_foreign_currency_are_named_by_what_follows():
    (row,) = _rows("Trong 10 tháng năm 2025, tỉnh thu hút 2 tỷ 340 triệu USD vốn FDI.")
    assert row[:2] == (approx(2.34e9), "USD")
    assert row[4].endswith("vốn fdi")


def test_a_table_of_periods_is_a_series_of_what_its_value_column_measures():
    rows = _rows(
        "Tốc độ tăng tổng mức bán lẻ các tháng năm 2025\n"
        "TT | Kỳ báo cáo | Tổng mức bán lẻ (%)\n"
        "1 | Tháng 7/2025 | 1,2\n"
        "2 | Tháng 8/2025 | -0,4\n"
        "3 | Năm 2024 | 9,8"
    )
    assert [(v, u, y, n) for v, u, _, y, n in rows] == [
        (1.2, "%", 2025, "tổng mức bán lẻ"),
        (-0.4, "%", 2025, "tổng mức bán lẻ"),
        (9.8, "%", 2024, "tổng mức bán lẻ"),
    ]


def test_a_decrease_out_of_a_total_is_a_count_of_what_changed():
    rows = _rows("Năm 2025, xã hỗ trợ 4,2 tỷ đồng làm nhà; giảm 96/310 hộ nghèo.")
    (count,) = [
        r
        for r in extract_indicators("Năm 2025, xã hỗ trợ 4,2 tỷ đồng; giảm 96/310 hộ nghèo.")
        if r.unit == "hộ"
    ]
    assert (count.value, count.total, count.change) == (96, 310, False)
    assert "hộ nghèo" in count.name and rows[-1][4] == count.name


def test_figures_of_every_year_of_a_term_have_no_year():
    rows = _rows(
        "Trong nhiệm kỳ, xã đạt chuẩn nông thôn mới năm 2022; tỷ lệ hộ gia đình đạt "
        "danh hiệu văn hóa hằng năm từ 90% trở lên."
    )
    assert [(v, y) for v, _, _, y, _ in rows] == [(90, None)]


def test_an_actual_over_its_plan_in_money():
    (row, share) = extract_indicators(
        "Năm 2025, huyện đã giải ngân vốn đầu tư công 512,3 tỷ đồng/730,5 tỷ đồng, đạt "
        "70,1% kế hoạch."
    )
    assert (row.value, row.plan_value) == (approx(512.3e9), approx(730.5e9))
    assert share.unit == "% kế hoạch"


def test_a_yearly_decrease_with_its_period_before_the_number_is_negative():
    rows = _rows(
        "Phấn đấu đến năm 2030: tỷ lệ hộ nghèo giảm bình quân mỗi năm 1,5%; tỷ lệ che phủ "
        "rừng đạt 52%."
    )
    assert [(v, k) for v, _, k, _, _ in rows] == [(-1.5, "target"), (52, "target")]


def test_members_represented_by_the_delegates_are_attendance():
    assert (
        _rows("Xã tổ chức Đại hội Đảng bộ lần thứ I, với 120 đại biểu thay mặt cho 386 đảng viên.")
        == []
    )


def test_a_bare_share_after_a_share_of_plan_in_the_same_sentence_is_a_share_of_plan():
    rows = _rows(
        "Năm 2025, chi ngân sách đạt 1.200 tỷ đồng, đạt 60,2% dự toán; trong đó chi thường "
        "xuyên đạt 800 tỷ đồng, đạt 58,4%."
    )
    assert [(v, u) for v, u, *_ in rows if v < 100] == [(60.2, "% kế hoạch"), (58.4, "% kế hoạch")]


# Shapes of a provincial 9-month report (a development province), each failing on freeze 5.


def test_a_headline_repeating_its_texts_figures_adds_none():
    rows = _rows(
        "Thu ngân sách 10 tháng vượt 9.000 tỷ đồng\n\n"
        "Năm 2025, thu ngân sách 10 tháng đạt 9.012 tỷ đồng, bằng 95% dự toán."
    )
    assert [(v, u) for v, u, *_ in rows] == [(9.012e12, "VND"), (95, "% kế hoạch")]
    # a headline figure the text does not repeat is kept
    assert len(_rows("Xã có thêm 3 thôn đạt chuẩn\n\nNăm 2025, thu ngân sách đạt 12 tỷ đồng.")) == 2


def test_communes_joined_online_to_a_meeting_are_attendance():
    assert _rows("Sáng 7/10, UBND tỉnh họp phiên thường kỳ, kết nối trực tuyến đến 96 xã.") == []


def test_a_running_total_says_nothing_of_what_it_totals():
    rows = _rows("Năm 2025, GRDP quý III tăng 7,2%; tính chung 9 tháng tăng 6,9%.")
    assert [n for *_, n in rows] == ["grdp", "grdp"]


def test_a_list_opener_is_not_part_of_the_name():
    rows = _rows(
        "Năm 2025, chỉ số sản xuất công nghiệp tăng 12% so với cùng kỳ, trong đó sản xuất xi "
        "măng tăng 9%."
    )
    assert rows[-1][4] == "sản xuất xi măng"


def test_a_share_of_the_total_plan_is_a_share_of_plan_and_not_a_target_cue():
    rows = _rows(
        "Năm 2025, vốn đầu tư công giải ngân 900 tỷ đồng, đạt 45,3% tổng kế hoạch và 51% kế "
        "hoạch giao đầu năm."
    )
    assert [(v, u, k) for v, u, k, *_ in rows][1:] == [
        (45.3, "% kế hoạch", "actual"),
        (51, "% kế hoạch", "actual"),
    ]


def test_a_plan_named_before_its_bracket_and_last_years_figure_compared_with():
    (now, then) = extract_indicators(
        "Năm 2025, GRDP 9 tháng tăng 7,9%, cao hơn mức tăng 7,1% của cùng kỳ năm 2024 nhưng "
        "chưa đạt kịch bản đề ra (8,2-8,5%)."
    )
    assert (now.value, now.year, now.plan_value, now.plan_value_max) == (7.9, 2025, 8.2, 8.5)
    assert (then.value, then.year, then.name, then.plan_value) == (7.1, 2024, now.name, None)
