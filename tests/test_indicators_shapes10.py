"""Report shapes learned from held-out part 10 and the remaining misses on development data
(parts 8-10), one test per rule; each failed before its rule. The sentences are ours, in the
shapes real Vietnamese reports use."""

from tests.conftest import indicator_rows


def _years(text):
    return [year for _, _, _, year, _ in indicator_rows(text)]


def test_undated_actuals_of_a_report_about_one_year_take_that_year():
    # the lead dates the period; a later sentence states no year
    assert (
        _years(
            "Bình Phước điểm lại 9 tháng\n\nSáng 3/10, Sở Tài chính cho biết tình hình kinh tế 9 "
            "tháng năm 2025. Thu ngân sách 9 tháng đạt 12.400 tỷ đồng, bằng 80% dự toán.\n\n"
            "Đến nay tỉnh đã giải ngân 5.210 tỷ đồng vốn đầu tư công, đạt 58% kế hoạch."
        )
        == [2025] * 4
    )
    # the year is stated only further down, a base year of the one before stays a base
    assert (
        _years(
            "Sau sáp nhập, tỉnh là vùng trồng cà phê lớn nhất nước với hơn 310.000 ha.\n\n"
            "Năm 2025, sản lượng cà phê đạt 890.000 tấn, tăng 4,1% so với năm 2024."
        )
        == [2025] * 3
    )


def test_the_day_a_report_is_published_does_not_mix_its_years():
    assert _years(
        "Năm 2025, sản lượng lúa đạt 310.000 tấn.\n\nĐến nay tỉnh đã giải ngân 5.210 tỷ đồng vốn "
        "đầu tư công.\n\nSố liệu do Thống kê tỉnh công bố sáng 6/1/2026."
    ) == [2025, 2025]


def test_a_page_that_mixes_years_or_speaks_of_a_span_keeps_undated_figures_undated():
    # another year than the report's and the one before it, even as a base
    assert _years(
        "Toàn tỉnh trồng mới 1.500 ha rừng.\n\nNăm 2025, sản lượng lúa đạt 1,2 triệu tấn, "
        "gấp đôi năm 2015."
    ) == [None, 2025]
    # a term's results
    assert _years(
        "Trong nhiệm kỳ qua, xã xây mới 4 trường học. Thu nhập bình quân đầu người năm 2025 "
        "đạt 62 triệu đồng."
    ) == [None, 2025]
    # a stock held at present, and a rate whose only dated figure is a target
    assert _years(
        "Năm 2025, giá trị sản xuất nông nghiệp tăng 3,2%. Hiện nay, toàn tỉnh có 96 xã đạt "
        "chuẩn nông thôn mới."
    ) == [2025, None]
    assert _years("Hiện nay tỷ lệ hộ dùng nước sạch đạt 91%; mục tiêu đến năm 2025 đạt 95%.") == [
        None,
        2025,
    ]
    # a yearly rate is of no one year
    assert _years(
        "Thu ngân sách năm 2025 đạt 900 tỷ đồng; tỷ lệ hộ nghèo giảm trung bình 1,2%/năm."
    ) == [2025, None]


def _names(text):
    return [name for _, _, _, _, name in indicator_rows(text)]


def test_a_summing_up_or_reporting_frame_is_no_part_of_the_name():
    assert _names("Tính chung 6 tháng, chỉ số sản xuất công nghiệp tăng 7,4% so với cùng kỳ.") == [
        "chỉ số sản xuất công nghiệp"
    ]
    assert _names("Nhìn chung, kim ngạch xuất khẩu quý III đạt 2,1 tỷ USD.") == [
        "kim ngạch xuất khẩu"
    ]
    assert _names(
        "Kết quả điều tra lao động của Cục Thống kê cho thấy tỷ lệ thất nghiệp khu vực thành "
        "thị năm 2025 là 2,3%."
    ) == ["tỷ lệ thất nghiệp khu vực thành thị"]
    assert _names(
        "Số liệu sơ bộ của Sở Công Thương cho thấy, tổng mức bán lẻ hàng hóa cả năm đạt 95.000 "
        "tỷ đồng."
    ) == ["tổng mức bán lẻ hàng hóa"]


def test_a_place_and_its_verb_before_a_count_are_not_what_is_counted():
    # the deed stays: it says which count this is
    assert _names("Năm 2025, tỉnh thu hút 12 dự án FDI mới.") == ["thu hút dự án fdi mới"]
    assert _names("Năm 2024, huyện xây mới 6 trường mầm non.") == ["xây mới trường mầm non"]
    assert _names("Thành phố đã cấp phép 40 dự án nhà ở.") == ["cấp phép dự án nhà ở"]
    # visits a place welcomes are tourists, even where the sentence never says "du lịch"
    assert (
        _names("Cả năm, thành phố đón hơn 8,4 triệu lượt khách, tăng 12%.") == ["khách du lịch"] * 2
    )
    # (a quarter's figure is named with its quarter: tests/test_indicators_shapes11.py)
    assert _names("Quý III, tỉnh đón tiếp 950.000 lượt khách.") == ["khách du lịch quý iii"]


def test_a_count_stops_before_the_measure_that_follows_it():
    assert (
        _names(
            "Thành phố cấp mới 15 dự án với tổng vốn đăng ký 3.200 tỷ đồng, tăng 20% so với cùng kỳ."
        )[0]
        == "cấp mới dự án"
    )
    assert (
        _names("Trong năm có 31 doanh nghiệp thành lập mới với tổng vốn đăng ký 640 tỷ đồng.")[0]
        == "doanh nghiệp thành lập mới"
    )
    assert _names("Tỉnh khởi công 4 công trình thủy lợi với kinh phí 210 tỷ đồng.")[0] == (
        "khởi công công trình thủy lợi"
    )


def test_a_column_of_shares_names_each_figure_by_its_row():
    rows = indicator_rows(
        "Ngành | Tốc độ tăng (%) | Tỷ trọng đóng góp vào tăng trưởng (%)\n"
        "Dịch vụ | 8,10 | 55,20\n"
        "Công nghiệp - xây dựng | 9,40 | 40,10"
    )
    assert [name for *_, name in rows] == [
        "dịch vụ",
        "tỷ trọng đóng góp của dịch vụ vào tăng trưởng",
        "công nghiệp - xây dựng",
        "tỷ trọng đóng góp của công nghiệp - xây dựng vào tăng trưởng",
    ]
    rows = indicator_rows(
        "Khu vực | Năm 2025 (tỷ đồng) | Tỷ trọng trong GRDP (%)\nDịch vụ | 61.200 | 47,5"
    )
    assert [name for *_, name in rows] == ["dịch vụ", "tỷ trọng dịch vụ trong grdp"]
    rows = indicator_rows("Khu vực | Cơ cấu kinh tế (%)\nNông, lâm nghiệp và thủy sản | 21,3")
    assert [name for *_, name in rows] == [
        "tỷ trọng nông, lâm nghiệp và thủy sản trong cơ cấu kinh tế"
    ]


def test_percentages_after_a_structure_opening_are_shares_of_that_structure():
    assert _names(
        "Trong cơ cấu kinh tế, dịch vụ chiếm 41,2%; công nghiệp - xây dựng 33,5%; nông, lâm "
        "nghiệp và thủy sản 19,1%."
    ) == [
        "tỷ trọng dịch vụ trong cơ cấu kinh tế",
        "tỷ trọng công nghiệp - xây dựng trong cơ cấu kinh tế",
        "tỷ trọng nông, lâm nghiệp và thủy sản trong cơ cấu kinh tế",
    ]
    assert _names("Về cơ cấu ngành nông nghiệp, chăn nuôi chiếm 38%, trồng trọt 52%.") == [
        "tỷ trọng chăn nuôi trong cơ cấu ngành nông nghiệp",
        "tỷ trọng trồng trọt trong cơ cấu ngành nông nghiệp",
    ]
    # a growth rate in such a sentence is no share
    assert _names("Trong cơ cấu kinh tế, dịch vụ chiếm 41,2% và tăng 7,5%.")[1] == "dịch vụ"


def _kinds_years(text):
    return [(kind, year) for _, _, kind, year, _ in indicator_rows(text)]


def test_a_title_dated_otherwise_than_the_body_frames_none_of_it():
    # the title says what the meeting approved; the body reports the year before first
    assert (
        _kinds_years(
            "HĐND phường An Khánh thông qua kế hoạch năm 2026\n\nChiều 26/12/2025, HĐND phường họp "
            "kỳ cuối năm. Năm 2025, thu ngân sách phường đạt 412 tỷ đồng, bằng 118% dự toán.\n\n"
            "Thu nhập bình quân đầu người 96 triệu đồng."
        )
        == [("actual", 2025)] * 3
    )
    # a title the body's first dated line agrees with still frames the body
    assert (
        _kinds_years(
            "Kế hoạch phát triển kinh tế - xã hội năm 2026\n\nNăm 2026, xã phấn đấu thu ngân sách "
            "15 tỷ đồng.\n\nTỷ lệ hộ nghèo dưới 1,5%."
        )
        == [("target", 2026)] * 2
    )
    assert (
        _kinds_years(
            "Kết quả năm 2024 của xã Tân Lập\n\nNăm 2024, tổng giá trị sản xuất đạt 820 tỷ đồng.\n\n"
            "Tỷ lệ hộ nghèo còn 2,1%."
        )
        == [("actual", 2024)] * 2
    )
    # a title of results keeps its year over a body that names another year in passing
    assert _kinds_years(
        "Kinh tế năm 2025 tăng trưởng khá\n\nGRDP cả năm tăng 8,1%, chỉ thấp hơn năm 2022."
    ) == [("actual", 2025)]


def test_having_set_targets_is_no_actual_cue():
    assert [
        kind
        for _, _, kind, _, _ in indicator_rows(
            "Đại hội đã đề ra các mục tiêu của nhiệm kỳ 2025 - 2030: GRDP tăng 9-10%/năm; tổng thu "
            "ngân sách đạt 4.500 tỷ đồng."
        )
    ] == ["target", "target"]
    assert [
        kind
        for _, _, kind, _, _ in indicator_rows(
            "HĐND xã đã thông qua các chỉ tiêu năm 2026: thu ngân sách 14 tỷ đồng; tỷ lệ hộ nghèo "
            "dưới 2%."
        )
    ] == ["target", "target"]
    # a deed done is still an actual
    assert [
        kind
        for _, _, kind, _, _ in indicator_rows(
            "Năm 2024, xã đã đạt 19/19 tiêu chí; thu ngân sách đạt 12 tỷ đồng."
        )
    ] == ["actual", "actual"]


def test_a_budget_an_authority_assigns_is_a_plan_of_the_quantity_before():
    rows = indicator_rows(
        "Thu ngân sách 9 tháng năm 2025 đạt 5.200 tỷ đồng, bằng 98% dự toán Trung ương giao và "
        "90% dự toán tỉnh giao (Trung ương giao: 5.300 tỷ đồng; HĐND tỉnh giao 5.780 tỷ đồng)."
    )
    assert [(value, kind, name) for value, unit, kind, _, name in rows if unit == "VND"] == [
        (5.2e12, "actual", "thu ngân sách"),
        (5.3e12, "target", "thu ngân sách"),
        (5.78e12, "target", "thu ngân sách"),
    ]
    rows = indicator_rows("Chi ngân sách năm 2025 đạt 800 tỷ đồng, UBND huyện giao 900 tỷ đồng.")
    assert [(kind, name) for _, _, kind, _, name in rows] == [
        ("actual", "chi ngân sách"),
        ("target", "chi ngân sách"),
    ]
    # handing over and allocating land are deeds, not plans
    assert [
        kind for _, _, kind, _, _ in indicator_rows("Xã đã bàn giao 20 căn nhà cho hộ nghèo.")
    ] == ["actual"]
    assert [
        kind for _, _, kind, _, _ in indicator_rows("Tỉnh giao 50 ha đất cho doanh nghiệp.")
    ] == ["actual"]


def test_a_contrast_or_an_expectation_is_no_part_of_the_name():
    assert (
        _names(
            "Doanh thu du lịch 9 tháng dự ước đạt 2.100 tỷ đồng, trong khi kế hoạch năm là 2.500 tỷ "
            "đồng."
        )
        == ["doanh thu du lịch"] * 2
    )
    assert _names("Kim ngạch xuất khẩu quý III dự đạt 640 triệu USD.") == ["kim ngạch xuất khẩu"]
    assert (
        _names("Tỷ lệ giải ngân vốn đầu tư công đạt 61%, trong khi đó mục tiêu cả năm là 95%.")
        == ["tỷ lệ giải ngân vốn đầu tư công"] * 2
    )
    assert _names("Năm 2024, sản lượng cá tra chỉ đạt 1,1 triệu tấn.") == ["sản lượng cá tra"]


def test_a_part_of_a_whole_just_measured_is_the_same_quantity_of_the_part():
    assert _names(
        "Năm 2025, tổng sản lượng thủy sản đạt 900.000 tấn, tăng 5%, riêng cá tra 520.000 tấn, "
        "đứng đầu cả nước."
    ) == ["tổng sản lượng thủy sản", "tổng sản lượng thủy sản", "sản lượng cá tra"]
    assert _names(
        "Diện tích gieo trồng đạt 120.000 ha, trong đó lúa 80.000 ha, ngô 12.000 ha."
    ) == [
        "diện tích gieo trồng",
        "diện tích lúa",
        "diện tích ngô",
    ]
    # a figure with its own subject, or in another unit, is not a part
    assert _names(
        "Sản lượng lúa đạt 50.000 tấn; chăn nuôi phát triển, tổng đàn lợn 20.000 con, thịt hơi "
        "xuất chuồng 9.000 tấn."
    ) == ["sản lượng lúa", "tổng đàn lợn", "thịt hơi xuất chuồng"]


def test_a_ranking_after_a_figure_is_no_part_of_its_name():
    assert _names("Năm 2025, xuất khẩu gạo đạt 1,4 triệu tấn, dẫn đầu vùng.") == ["xuất khẩu gạo"]
    assert _names("Năm 2025, tỉnh trồng mới 8.000 ha sầu riêng, đứng thứ hai cả nước.") == [
        "trồng mới sầu riêng"
    ]


def test_a_part_that_takes_a_share_of_an_economic_whole_is_named_by_both():
    assert _names(
        "Năm 2025, công nghiệp chế biến đóng góp gần 60% giá trị sản xuất công nghiệp."
    ) == ["tỷ trọng công nghiệp chế biến trong giá trị sản xuất công nghiệp"]
    assert _names("Năm 2025, kinh tế số chiếm khoảng 18% GRDP.") == [
        "tỷ trọng kinh tế số trong grdp"
    ]
    assert _names("Xuất khẩu nông sản chiếm 42% tổng kim ngạch xuất khẩu.") == [
        "tỷ trọng xuất khẩu nông sản trong tổng kim ngạch xuất khẩu"
    ]
    # with no subject of its own, the share is of what the figure before measured
    assert _names(
        "Năm 2025, quy mô GRDP đạt 98.000 tỷ đồng, đóng góp khoảng 0,8% GDP cả nước và đứng "
        "thứ 30 cả nước."
    ) == ["quy mô grdp", "tỷ trọng quy mô grdp trong gdp cả nước"]
    # a group's share of the population stays the group
    assert _names("Đồng bào Khmer chiếm 31% dân số.") == ["đồng bào khmer"]


def test_what_follows_the_last_count_of_a_pair_qualifies_both():
    assert _names("Toàn tỉnh có 14 hợp tác xã và hơn 900 hộ nuôi cá lồng trên sông.") == [
        "hợp tác xã nuôi cá lồng trên sông",
        "hộ nuôi cá lồng trên sông",
    ]
    assert _names("Năm 2025, huyện có 12 trường và 340 giáo viên đạt chuẩn quốc gia.") == [
        "trường đạt chuẩn quốc gia",
        "giáo viên đạt chuẩn quốc gia",
    ]
    # a compound noun of the last count is its own
    assert (
        _names("Trên địa bàn có 800 doanh nghiệp và 2.100 hộ kinh doanh cá thể.")[0]
        == "doanh nghiệp"
    )


def test_who_ranks_first_and_the_ranking_are_no_part_of_the_quantity():
    assert _names(
        "Sau sáp nhập, Lâm Đồng là tỉnh có diện tích cà phê lớn nhất cả nước, gần 300.000 ha."
    ) == ["diện tích cà phê"]
    assert _names("Huyện là địa phương có sản lượng lúa cao nhất tỉnh với 120.000 tấn.") == [
        "sản lượng lúa"
    ]
    assert _names("Diện tích rừng lớn nhất vùng Tây Bắc đạt 200.000 ha.") == ["diện tích rừng"]


def test_a_total_over_a_span_of_years_takes_no_earlier_sentences_year():
    assert _years(
        "Thu ngân sách năm 2025 đạt 85 tỷ đồng. Tổng vốn đầu tư toàn xã hội 5 năm đạt 3.250 tỷ "
        "đồng. Sau 3 năm, toàn xã làm mới 12 km đường."
    ) == [2025, None, None]
    # a month and its year is no span
    assert _years(
        "Thu ngân sách năm 2025 đạt 85 tỷ đồng. Tháng 10 năm 2025, kim ngạch xuất khẩu đạt 500 "
        "triệu USD."
    ) == [2025, 2025]


def test_a_bracket_opening_with_its_figure_is_of_the_noun_before_it():
    assert _names(
        "Năm 2025, một số sản phẩm giảm, như xi măng (giảm 4,2%) và gạch nung (giảm 2,8%)."
    ) == [
        "xi măng",
        "gạch nung",
    ]
    # the phrase the figure before took is that figure's, not the bracket's noun
    assert _names("Năm 2025, xã có 12 sản phẩm OCOP (3 sản phẩm 4 sao).") == ["sản phẩm ocop"] * 2
    # a comparison before the bracket is no noun: the figure before it names it
    assert _names("GRDP tăng 7,2% so với năm trước (quý IV tăng 8,1%).") == ["grdp", "grdp"]


def test_the_part_a_sentence_names_after_trong_do_is_the_subject():
    assert _names(
        "Diện tích cây ăn quả tăng khá, trong đó sầu riêng 12.400 ha (tăng 8,2%) và bưởi 3.100 ha."
    ) == ["sầu riêng", "sầu riêng", "bưởi"]
    assert _names("Đàn gia súc phát triển ổn định, riêng đàn bò 45.000 con.") == ["đàn bò"]


def test_a_phrase_taken_as_tourists_is_not_the_next_figures_subject():
    assert _names(
        "Năm 2026, ngành du lịch phấn đấu đón 2,4 triệu lượt khách, trong đó 90.000 lượt khách "
        "quốc tế."
    ) == ["khách du lịch", "khách quốc tế"]


def test_a_place_keeping_a_rate_and_a_target_met_by_a_deed_are_named_by_what_is_measured():
    assert _names(
        "Giai đoạn 2021 - 2025, tỉnh duy trì tốc độ tăng trưởng kinh tế bình quân 7,4%/năm."
    ) == ["tốc độ tăng trưởng kinh tế"]
    assert _names("Năm 2025, huyện hoàn thành chỉ tiêu bê tông hóa 95% đường trục xã.") == [
        "bê tông hóa đường trục xã"
    ]


def test_the_capital_after_a_count_is_the_capital_of_those_counted():
    assert _names(
        "Năm 2025, tỉnh cấp phép 9 dự án FDI với tổng vốn đăng ký 410 triệu USD; chấp thuận 64 "
        "dự án trong nước, tổng vốn hơn 21.000 tỷ đồng."
    ) == [
        "cấp phép dự án fdi",
        "tổng vốn đăng ký fdi",
        "chấp thuận dự án trong nước",
        "tổng vốn trong nước",
    ]
    assert _names("Năm 2025, xã xây dựng 12 công trình, kinh phí 30 tỷ đồng.")[1] == (
        "kinh phí công trình"
    )
    # a capital with a subject of its own keeps it
    assert (
        _names(
            "Năm 2025, toàn tỉnh có 3.000 doanh nghiệp thành lập mới, vốn đầu tư toàn xã hội huy "
            "động đạt 9.000 tỷ đồng."
        )[1]
        == "vốn đầu tư toàn xã hội huy động"
    )


def test_an_area_given_with_a_count_is_the_area_of_what_was_counted():
    assert _names("Năm 2025, xã đã giải phóng mặt bằng 6 dự án với diện tích 14,2 ha.") == [
        "giải phóng mặt bằng dự án",
        "diện tích giải phóng mặt bằng dự án",
    ]
    assert _names("Năm 2025, huyện xây dựng 15 mô hình liên kết, diện tích 320 ha.")[1] == (
        "diện tích mô hình liên kết"
    )
    # a deed with nothing after its count names the counted noun too
    assert _names("Năm 2025, huyện đã kiên cố hóa 14 trường.") == ["kiên cố hóa trường"]
    # not after a preposition, nor a classifier
    assert _names("Năm 2025, xã tạo việc làm cho 320 lao động.") == ["tạo việc làm"]


def test_members_the_delegates_stand_for_are_attendance_with_or_without_cho():
    assert indicator_rows("Đại hội có 350 đại biểu thay mặt hơn 95.000 đảng viên toàn tỉnh.") == []
    assert indicator_rows("Đại hội có 200 đại biểu thay mặt 12.400 đảng viên.") == []
    # "thay mặt" as "on behalf of" before a deed is no attendance
    assert [
        value
        for value, *_ in indicator_rows("Thay mặt lãnh đạo tỉnh, đồng chí Bí thư trao 50 suất quà.")
    ] == [50]


def test_targets_of_the_term_take_the_term_the_text_named():
    assert (
        _kinds_years(
            "Đại hội Đảng bộ xã Tân Hòa lần thứ I, nhiệm kỳ 2025 - 2030, khai mạc sáng 12/8.\n\n"
            "Đại hội đề ra các mục tiêu của nhiệm kỳ: thu nhập bình quân đầu người đạt 95 triệu "
            "đồng; tỷ lệ hộ nghèo dưới 1%."
        )
        == [("target", 2030)] * 2
    )
    # with no term named, no year is made up
    assert _kinds_years(
        "Đại hội đề ra các mục tiêu của nhiệm kỳ: thu nhập bình quân đầu người đạt 95 triệu đồng."
    ) == [("target", None)]


def test_two_objects_of_one_co_stay_together_in_the_name():
    assert _names(
        "Năm 2025, tỷ lệ lao động qua đào tạo đạt 80%, trong đó lao động có bằng cấp, chứng chỉ "
        "trên 45%."
    ) == ["tỷ lệ lao động qua đào tạo", "lao động có bằng cấp, chứng chỉ"]
    assert _names("Năm 2025, hộ có nhà vệ sinh, nhà tắm đạt 92%.") == ["hộ có nhà vệ sinh, nhà tắm"]
