"""Report shapes learned from held-out part 20 and later, one test per rule; each failed on the
commit before its fix. The sentences are ours, in the shapes real Vietnamese reports use."""

from tests.conftest import indicator_rows, indicator_values


def test_a_place_ending_in_bang_is_no_comparison_before_a_target_verb():
    rows = indicator_values(
        "Theo Chi cục Trồng trọt, vụ đông năm 2026 toàn tỉnh Cao Bằng phấn đấu gieo trồng "
        "hơn 12.500 ha cây vụ đông."
    )
    assert rows[12500.0][1:3] == ("target", 2026)
    # a comparison before a target noun still reads as one
    rows = indicator_values("Thu ngân sách ước đạt 820 tỷ đồng, bằng kế hoạch giao.")
    assert rows[820e9][1] == "actual"


def test_a_lead_in_without_a_year_keeps_the_year_the_text_stated():
    rows = indicator_values(
        "Vụ đông năm 2026, toàn tỉnh phấn đấu gieo trồng 12.500 ha.\n\n"
        "Diện tích dự kiến:\n- Ngô 4.100 ha; khoai lang 960 ha.\n- Lạc 320 ha."
    )
    assert rows[4100.0][1:3] == ("target", 2026)
    assert rows[320.0][1:3] == ("target", 2026)
    # a dated lead-in still gives its own year, and the next undated one does not inherit it
    rows = indicator_values(
        "Năm 2025, xã đạt nhiều kết quả.\n\nKế hoạch năm 2026:\n- Thu ngân sách 9 tỷ đồng.\n\n"
        "Các chỉ tiêu xã hội:\n- Tỷ lệ hộ nghèo dưới 1,5%."
    )
    assert rows[9e9][1:3] == ("target", 2026)


def test_a_january_cut_off_settles_the_year_just_ended():
    rows = indicator_values(
        "Năm 2025, xã giải ngân 31 tỷ đồng vốn đầu tư công, bằng 52% kế hoạch; ước đến ngày "
        "31/01/2026 giải ngân đạt 97,5% kế hoạch vốn.\n\n"
        "Về an sinh xã hội, xã xây dựng 64 căn nhà đại đoàn kết."
    )
    assert rows[97.5][2] == 2025
    assert rows[64.0][2] == 2025
    # any other cut-off dates its figure
    rows = indicator_values("Tính đến ngày 30/6/2026, toàn xã có 412 hộ kinh doanh.")
    assert rows[412.0][2] == 2026


def test_things_of_every_kind_are_no_ordinal():
    rows = indicator_values("Diện tích rau các loại 3.200 ha, hoa mọi loại 45 ha.")
    assert rows[3200.0][0] == "ha"
    assert rows[45.0][0] == "ha"
    assert indicator_values("Xã có 12 cơ sở sản xuất loại 3 được cấp phép.").keys() == {12.0}


def test_a_name_is_what_is_aimed_at_not_who_aims():
    rows = indicator_values(
        "Để hoàn thành mục tiêu năm 2026, UBND xã giao chỉ tiêu cho từng thôn, phấn đấu tổng "
        "thu ngân sách đạt 14,5 tỷ đồng."
    )
    assert rows[14.5e9][3] == "tổng thu ngân sách"
    # a quantity that aims to change keeps its name
    rows = indicator_values("Tỷ lệ hộ nghèo phấn đấu giảm còn 1,2%.")
    assert rows[1.2][3] == "tỷ lệ hộ nghèo"


def test_a_plan_beaten_by_100_percent_or_more_is_the_share_reached():
    rows = indicator_values("Thu ngân sách năm 2025 của phường vượt hơn 180% dự toán.")
    assert rows[180.0][0] == "% kế hoạch"
    # under 100, "vượt" is what the plan was beaten by
    rows = indicator_values("Thu ngân sách năm 2025 vượt 24% dự toán.")
    assert rows[124.0][0] == "% kế hoạch"


def test_a_list_of_targets_shares_the_horizon_one_item_states():
    rows = indicator_values(
        "Các chỉ tiêu của kịch bản:\n"
        "- Tăng trưởng GRDP bình quân giai đoạn 2026-2030 từ 10%/năm trở lên.\n"
        "- Công nghiệp - xây dựng tăng bình quân 14,2%/năm; dịch vụ tăng 9,8%/năm."
    )
    assert rows[14.2][1:3] == ("target", 2030)
    assert rows[9.8][1:3] == ("target", 2030)


def test_a_round_figure_of_the_lead_that_the_body_states_exactly_is_not_counted_twice():
    text = (
        "Tỉnh thu hút vốn đầu tư tăng mạnh\n\n"
        "Mười tháng năm 2025, tỉnh có gần 3.200 doanh nghiệp thành lập mới.\n\n"
        "Theo Sở Tài chính, 3.168 doanh nghiệp thành lập mới, tăng 21% so với cùng kỳ."
    )
    assert 3200.0 not in indicator_values(text)
    assert indicator_values(text)[3168.0][2] == 2025
    # a lead figure close to a later one but as precise is a figure of its own
    text = text.replace("gần 3.200 doanh nghiệp", "3.100 doanh nghiệp").replace("3.168", "3.150")
    assert {3100.0, 3150.0} <= indicator_values(text).keys()


def test_vehicles_are_counted():
    rows = indicator_values("Trong tháng 8, hơn 52.000 phương tiện chở hàng qua cửa khẩu.")
    assert rows[52000.0][0] == "phương tiện"


def test_a_lead_in_of_tasks_carried_out_and_results_reached_frames_actuals():
    rows = indicator_values(
        "Năm 2025, xã triển khai đồng bộ các nhiệm vụ và đạt nhiều kết quả tích cực:\n"
        "- Thu ngân sách xã 96,4 tỷ đồng, bằng 131% dự toán;\n"
        "- Thu nhập bình quân đầu người 68,5 triệu đồng."
    )
    assert rows[96.4e9][1:3] == ("actual", 2025)
    assert rows[68.5e6][1:3] == ("actual", 2025)


def test_a_share_of_plan_reached_every_year_takes_no_one_year():
    rows = indicator_values(
        "Nhiệm kỳ 2020 - 2025, kinh tế của xã phát triển. Thu nhập bình quân đầu người năm "
        "2025 đạt 51 triệu đồng. Thu ngân sách hằng năm đều vượt chỉ tiêu, đạt 180% kế hoạch."
    )
    assert rows[180.0][0] == "% kế hoạch"
    assert rows[180.0][2] is None
    assert rows[51e6][2] == 2025


def test_prose_after_a_list_of_results_goes_on_in_their_year():
    rows = indicator_values(
        "Kỳ họp bàn nhiệm vụ năm 2026.\n\n"
        "Năm 2025, xã đạt nhiều kết quả tích cực:\n- Thu ngân sách 12 tỷ đồng;\n"
        "- Thu nhập bình quân đầu người 61 triệu đồng.\n\n"
        "Công tác xây dựng nông thôn mới được nâng chất, toàn xã có 4 thôn đạt chuẩn nông thôn "
        "mới kiểu mẫu."
    )
    assert rows[4.0][1:3] == ("actual", 2025)


def test_a_count_after_a_label_that_says_what_it_counts_is_named_by_it():
    rows = indicator_values(
        "Chương trình nông thôn mới tiếp tục được nâng chất: toàn xã có 4 thôn đạt chuẩn nông "
        "thôn mới kiểu mẫu."
    )
    assert rows[4.0][3] == "thôn đạt chuẩn nông thôn mới kiểu mẫu"
    # a "label: value" line keeps its label
    assert indicator_values("Sản lượng lúa: 2.961 tấn.")[2961.0][3] == "sản lượng lúa"


def test_a_subheading_that_announces_a_figure_its_section_states_is_not_counted_twice():
    text = (
        "Kinh tế tỉnh 9 tháng năm 2025\n\nGRDP 9 tháng tăng 8,1%.\n\nXuất siêu 5,2 tỷ USD\n\n"
        "Kim ngạch xuất khẩu ước 20,4 tỷ USD. Cán cân thương mại xuất siêu 5,2 tỷ USD."
    )
    assert [row for row in indicator_rows(text) if row[0] == 5.2e9] == [
        (5.2e9, "USD", "actual", 2025, "cán cân thương mại xuất siêu")
    ]
    # a short line whose figure nothing later repeats is a figure of its own
    text = text.replace("Cán cân thương mại xuất siêu 5,2 tỷ USD.", "Nhập khẩu 15,2 tỷ USD.")
    assert 5.2e9 in indicator_values(text)


def test_a_multiple_of_the_national_average_is_no_figure_of_its_own():
    rows = indicator_values(
        "Năm 2025, GRDP bình quân đầu người ước 5.410 USD, gấp 1,12 lần bình quân cả nước."
    )
    assert 1.12 not in rows and rows[5410.0][2] == 2025
    # a multiple of the province's own past stays
    assert 1.6 in indicator_values("Năm 2025, quy mô GRDP gấp 1,6 lần năm 2020.")


def test_the_next_topic_of_a_list_of_targets_in_a_paragraph_of_its_own_is_a_target():
    rows = indicator_values(
        "Nghị quyết về kế hoạch 5 năm. Các chỉ tiêu kinh tế chủ yếu:\n"
        "- tăng trưởng GRDP bình quân giai đoạn 2026-2030 khoảng 10%;\n"
        "- khu vực dịch vụ tăng 11%/năm.\n\n"
        "Về xã hội, tỷ lệ lao động qua đào tạo đạt 88%; tỷ lệ hộ nghèo dưới 1%."
    )
    assert rows[88.0][1:3] == ("target", 2030)
    # a topic after a paragraph of results stays a result
    rows = indicator_values(
        "Năm 2025, GRDP tăng 8%.\n\nVề xã hội, tỷ lệ lao động qua đào tạo đạt 71%."
    )
    assert rows[71.0][1:3] == ("actual", 2025)


def test_a_lead_in_saying_targets_were_met_frames_actuals():
    rows = indicator_values(
        "Kỳ họp đánh giá 6 tháng đầu năm 2025. Báo cáo cho thấy các chỉ tiêu cơ bản đều đạt và "
        "vượt kế hoạch:\n- tổng thu ngân sách ước 9,1 tỷ đồng, đạt 71% dự toán;\n"
        "- xã đạt 17/19 tiêu chí nông thôn mới."
    )
    assert rows[9.1e9][1] == "actual"
    assert rows[17.0][1] == "actual"


def test_the_term_of_the_council_that_meets_does_not_stop_the_year_it_names():
    rows = indicator_values(
        "Chiều 12/8/2025, HĐND xã khóa I, nhiệm kỳ 2021-2026 tổ chức kỳ họp đánh giá 6 tháng "
        "đầu năm 2025.\n\nBáo cáo tại kỳ họp cho thấy:\n- tổng thu ngân sách ước 9,1 tỷ đồng;"
        "\n- các điểm di tích đón 62 nghìn lượt khách."
    )
    assert rows[9.1e9][2] == 2025


def test_a_meetings_day_dates_no_target_under_a_terms_heading():
    rows = indicator_values(
        "Chỉ tiêu nhiệm kỳ 2025-2030\n\nTại hội nghị chiều 24/11/2025, Bí thư nêu các chỉ "
        "tiêu Nghị quyết đề ra: tốc độ tăng tổng giá trị sản phẩm bình quân hằng năm từ 11% "
        "trở lên; thu nhập bình quân đầu người đến năm 2030 đạt 110 triệu đồng."
    )
    assert rows[11.0][1:3] == ("target", 2030)


def test_a_budget_estimate_a_council_approves_frames_targets():
    rows = indicator_values(
        "Kỳ họp đã thông qua nghị quyết về dự toán thu, chi ngân sách địa phương năm 2026:\n"
        "- tổng thu ngân sách nhà nước trên địa bàn 74.000 tỷ đồng;\n"
        "- chi ngân sách địa phương 43.210 tỷ đồng."
    )
    assert rows[43.21e12][1:3] == ("target", 2026)
    # results against an estimate stay results
    rows = indicator_values(
        "Kết quả thực hiện dự toán năm 2025:\n- tổng thu ngân sách 80.100 tỷ đồng."
    )
    assert rows[80.1e12][1:3] == ("actual", 2025)


def test_a_party_committees_make_up_is_no_figure_but_those_it_admitted_are():
    rows = indicator_values(
        "Đảng bộ phường hiện có 52 tổ chức cơ sở đảng với 1.410 đảng viên. Năm 2025, Đảng bộ "
        "kết nạp 64 đảng viên mới; xã có 31 tổ chức đảng trực thuộc."
    )
    assert set(rows) == {64.0}


def test_ten_thousands_of_a_unit_are_scaled():
    rows = indicator_values("Năm 2025, sản lượng lúa vụ xuân đạt 36,39 vạn tấn.")
    assert rows[363900.0][0] == "tấn"
    # "1 vạn dân" is still a denominator
    assert set(indicator_values("Năm 2025 có 12 bác sĩ/1 vạn dân.")) == {12.0}


def test_a_resolution_to_go_on_carrying_out_tasks_frames_targets():
    rows = indicator_values(
        "Kỳ họp thông qua Nghị quyết về tiếp tục thực hiện nhiệm vụ phát triển kinh tế - xã "
        "hội 6 tháng cuối năm 2025 với 18 chỉ tiêu chủ yếu, trong đó năm 2025:\n"
        "1. Thu nhập bình quân đầu người đạt 70 triệu đồng.\n"
        "2. Tỷ lệ lao động qua đào tạo đạt 80%."
    )
    assert rows[70e6][1:3] == ("target", 2025)
    assert rows[80.0][1:3] == ("target", 2025)


def test_a_year_singled_out_of_a_term_is_only_its_figures():
    rows = indicator_values(
        "Trong nhiệm kỳ 2020-2025, xã hoàn thành nhiều chỉ tiêu. Tốc độ tăng trưởng bình quân "
        "đạt 6,1%/năm; riêng năm 2025 ước đạt 6,9%. Giá trị sản xuất đạt hơn 310 tỷ đồng."
    )
    assert rows[6.9][2] == 2025
    assert rows[310e9][2] is None


def test_a_year_one_clause_of_a_term_states_is_that_clauses():
    rows = indicator_values(
        "Giai đoạn 2020 - 2025, tăng trưởng bình quân đạt 8,1%/năm; thu nhập bình quân đầu "
        "người năm 2025 ước 68 triệu đồng; tổng vốn đầu tư toàn xã hội khoảng 6.100 tỷ đồng."
    )
    assert rows[68e6][2] == 2025
    assert rows[6.1e12][2] is None


def test_a_collection_task_assigned_is_a_plan():
    rows = indicator_values("Năm 2025, phường thu ngân sách đạt 152,4% nhiệm vụ thu được giao.")
    assert rows[152.4][0] == "% kế hoạch"


def test_a_numbered_programme_or_project_is_no_figure():
    rows = indicator_values(
        "Năm 2025, 640 hộ tham gia vùng lúa phát thải thấp theo Đề án 1 triệu ha và Chương "
        "trình 135."
    )
    assert set(rows) == {640.0}


def test_a_projects_progress_is_no_figure():
    rows = indicator_values(
        "Năm 2025, chỉ số sản xuất công nghiệp tăng 8,2%; nhà máy nhiệt điện đạt hơn 96% tiến "
        "độ."
    )
    assert set(rows) == {8.2}


def test_the_headline_stands_over_the_section_titles_under_it():
    rows = indicator_values(
        "Đảng ủy xã tổng kết năm 2025\n\nChiều 30/12/2025, Đảng ủy xã tổng kết năm 2025 và "
        "triển khai nhiệm vụ năm 2026.\n\nCông tác xây dựng Đảng\n\nTrong năm, xã tổ chức "
        "thành công đại hội Đảng bộ xã lần thứ I, nhiệm kỳ 2025 - 2030. Đảng bộ kết nạp 41 đảng "
        "viên, đạt 105% kế hoạch."
    )
    assert rows[41.0][2] == 2025


def test_results_that_followed_the_targets_set_are_results():
    rows = indicator_values(
        "Kết quả năm 2025\n\nBám sát nhiệm vụ, chỉ tiêu đề ra, tốc độ tăng trưởng kinh tế của xã "
        "đạt 10,5%; tỷ lệ hộ nghèo giảm còn 0,4%."
    )
    assert rows[10.5][1:3] == ("actual", 2025)
    assert rows[0.4][1:3] == ("actual", 2025)


def test_indicators_of_months_gone_by_are_results():
    rows = indicator_values(
        "Một số chỉ tiêu 10 tháng năm 2025 của tỉnh:\n- Tổng thu ngân sách 21.400 tỷ đồng.\n"
        "- Thu hút 38 dự án đầu tư."
    )
    assert rows[21.4e12][1:3] == ("actual", 2025)
    # targets for the months left stay targets
    rows = indicator_values("Chỉ tiêu 3 tháng cuối năm 2025:\n- Thu ngân sách 6.000 tỷ đồng.")
    assert rows[6e12][1] == "target"


def test_communes_a_new_one_was_made_from_are_no_figure():
    rows = indicator_values(
        "Phường được lập từ 7 xã, phường cũ. Năm 2025, thu ngân sách đạt 95 tỷ đồng."
    )
    assert set(rows) == {95e9}


def test_a_gap_to_the_plan_in_points_is_no_figure():
    rows = indicator_values(
        "GRDP 9 tháng năm 2025 ước tăng 6,8%, thấp hơn kịch bản đề ra 2,2 điểm phần trăm. "
        "GRDP cả năm tăng 9,6%, vượt 1,1 điểm phần trăm so với chỉ tiêu Chính phủ giao."
    )
    assert set(rows) == {6.8, 9.6}
    # points a sector contributes stay
    rows = indicator_values("Năm 2025, khu vực dịch vụ đóng góp 4,58 điểm vào mức tăng chung.")
    assert rows[4.58][0] == "điểm phần trăm"


def test_what_piled_up_since_january_is_a_result_under_any_heading():
    rows = indicator_values(
        "Một số chỉ tiêu chủ yếu:\n- Thu ngân sách nhà nước từ đầu năm đạt 2.310 tỷ đồng, "
        "tăng 31% so với cùng kỳ.\n- Tổng mức bán lẻ lũy kế 8.100 tỷ đồng, đạt 84% kế hoạch."
    )
    assert rows[2.31e12][1] == "actual"
    assert rows[8.1e12][1] == "actual"
    assert rows[84.0][1] == "actual"


def test_a_lead_ins_own_figures_are_read():
    rows = indicator_values(
        "Năm 2025 xã đạt và vượt 12/12 chỉ tiêu phát triển kinh tế - xã hội:\n"
        "- tổng thu ngân sách 8,1 tỷ đồng."
    )
    assert rows[12.0][0:3] == ("chỉ tiêu", "actual", 2025)
    rows = indicator_values(
        "Để hoàn thành mục tiêu tăng trưởng cả năm 2025 là 8,5%, tỉnh phát động thi đua:\n"
        "- giải ngân vốn đầu tư công đạt 44% kế hoạch."
    )
    assert rows[8.5][1:3] == ("target", 2025)


def test_a_score_in_points_is_read():
    rows = indicator_values("Bộ chỉ số phục vụ người dân năm 2025 của xã đạt 94,89 điểm.")
    assert rows[94.89][0] == "điểm"


def test_a_table_row_stores_a_counted_noun_in_the_unit_prose_uses():
    rows = indicator_values(
        "Chỉ tiêu | Đơn vị | Năm 2025\nHộ kinh doanh | hộ kinh doanh | 560\n"
        "Nhà đại đoàn kết | căn nhà | 75"
    )
    assert rows[560.0][0] == "hộ"
    assert rows[75.0][0] == "căn"


def test_members_of_the_committees_under_a_party_committee_are_its_make_up():
    rows = indicator_values(
        "Năm 2025, Đảng bộ xã hiện có 41 chi, đảng bộ trực thuộc với 790 đảng viên."
    )
    assert 790.0 not in rows


def test_a_rate_a_quarter_must_reach_is_a_target():
    rows = indicator_values("Để về đích, quý IV năm 2025 tỉnh phải tăng trưởng từ 12% trở lên.")
    assert rows[12.0][1] == "target"


def test_disbursement_to_the_start_of_january_is_the_year_just_ended():
    rows = indicator_values(
        "Tính đến đầu tháng 1/2026, giải ngân vốn đầu tư công của thành phố hơn 80.100 tỷ "
        "đồng, khoảng 71% kế hoạch vốn."
    )
    assert rows[80.1e12][2] == 2025
    assert rows[71.0][2] == 2025


def test_what_the_statistics_office_reports_is_a_result_in_a_sentence_of_aims():
    rows = indicator_values(
        "Chủ tịch yêu cầu phấn đấu tăng trưởng cả năm 2025 đạt 8,5%; theo Thống kê thành "
        "phố, GRDP 9 tháng mới tăng gần 7,4%."
    )
    assert rows[8.5][1] == "target"
    assert rows[7.4][1] == "actual"


def test_economic_zones_are_counted_by_their_noun():
    rows = indicator_values("Đến cuối năm 2025, tỉnh có 1 khu kinh tế và 23 khu công nghiệp.")
    assert rows[1.0][0] == "khu kinh tế"
    assert rows[23.0][0] == "khu công nghiệp"


def test_indicators_ranked_among_the_best_are_no_targets():
    rows = indicator_values(
        "Năm 2025, nhiều chỉ tiêu của tỉnh nằm trong nhóm dẫn đầu cả nước: tăng trưởng GRDP "
        "đạt 10,27%; GRDP bình quân đầu người gần 5.600 USD."
    )
    assert rows[10.27][1:3] == ("actual", 2025)
    assert rows[5600.0][1:3] == ("actual", 2025)


def test_a_bare_figure_in_brackets_after_a_plan_is_the_plans_level():
    rows = indicator_values(
        "GRDP 9 tháng năm 2025 ước tăng 10,22%, cao hơn kịch bản tăng trưởng đề ra (9,96%)."
    )
    assert rows[10.22][1] == "actual"
    assert rows[9.96][1] == "target"


def test_the_units_a_new_one_was_made_from_are_no_figure():
    rows = indicator_values(
        "Phường được lập từ 5 phường cũ cùng một phần của 2 phường khác. Năm 2025, thu ngân "
        "sách đạt 310 tỷ đồng."
    )
    assert set(rows) == {310e9}


def test_the_plans_capital_disbursed_is_a_result():
    rows = indicator_values(
        "Đến nay toàn tỉnh đã giải ngân hơn 9.100 tỷ đồng vốn đầu tư công. Trong đó:\n"
        "- giải ngân vốn kế hoạch năm 2025: 8.870 tỷ đồng."
    )
    assert rows[8.87e12][1] == "actual"


def test_a_gap_to_the_plan_or_a_milestone_passed_is_no_figure():
    rows = indicator_values(
        "Năm 2025, tổng diện tích gieo trồng đạt hơn 771.000 ha, cao hơn kế hoạch trên 6.000 ha."
        " Thu ngân sách đạt 641.710 tỷ đồng, lần đầu vượt ngưỡng 600 nghìn tỷ đồng."
    )
    assert set(rows) == {771000.0, 641.71e12}
    # a milestone aimed at, with no amount before it, is the target
    rows = indicator_values("Năm 2026, tỉnh phấn đấu thu ngân sách vượt mốc 25.000 tỷ đồng.")
    assert rows[25e12][1] == "target"


def test_growing_area_codes_are_counted():
    rows = indicator_values("Năm 2025, toàn tỉnh có 309 mã số vùng trồng.")
    assert rows[309.0][0] == "mã số"


def test_a_list_of_a_years_parts_after_that_years_targets_is_targets():
    rows = indicator_values(
        "Năm 2026 tỉnh đặt mục tiêu tăng trưởng GRDP 10,7%.\n\n"
        "Phần việc của khu vực I năm 2026:\n- giá trị sản xuất nông nghiệp hơn 31.500 tỷ đồng;"
        "\n- tổng sản lượng lúa khoảng 8,8 triệu tấn."
    )
    assert rows[31.5e12][1:3] == ("target", 2026)
    assert rows[8.8e6][1:3] == ("target", 2026)


def test_life_expectancy_is_a_figure_in_years_of_age():
    rows = indicator_values("Đến năm 2030, tuổi thọ trung bình đạt 75,5 tuổi.")
    assert rows[75.5][:3] == ("tuổi", "target", 2030)


def test_a_precise_lead_figure_near_a_part_of_it_is_a_figure_of_its_own():
    text = (
        "Tỉnh giải ngân vốn đầu tư công tăng mạnh\n\n"
        "Năm 2025, toàn tỉnh đã giải ngân hơn 9.549 tỷ đồng vốn đầu tư công.\n\n"
        "Riêng vốn năm 2025 đã giải ngân 9.276,11 tỷ đồng."
    )
    assert {9549e9, 9276.11e9} <= indicator_values(text).keys()


def test_a_lead_in_stands_over_the_section_titles_under_it():
    rows = indicator_values(
        "Đại hội xác định các mục tiêu lớn. Các chỉ tiêu chủ yếu đến năm 2030:\n\nVề kinh tế\n"
        "- GRDP bình quân đầu người 8.500 USD/người;\n- tỷ trọng kinh tế số đạt 35% GRDP."
    )
    assert rows[8500.0][1:3] == ("target", 2030)
    assert rows[35.0][1:3] == ("target", 2030)


def test_a_bracket_naming_a_titles_source_does_not_make_it_prose():
    rows = indicator_values(
        "Mục tiêu nhiệm kỳ 2025 - 2030 (Nghị quyết Đại hội Đảng bộ phường lần thứ I)\n"
        "- kim ngạch xuất khẩu: 9 triệu USD;\n- tỷ lệ dân số tham gia bảo hiểm y tế: 97%."
    )
    assert rows[9e6][1:3] == ("target", 2030)
    assert rows[97.0][1:3] == ("target", 2030)


def test_indicators_compared_with_the_same_period_of_a_year_are_results_of_the_next():
    rows = indicator_values(
        "Phiên họp tháng 8 năm 2025 của UBND tỉnh.\n\nSo với cùng kỳ năm 2024, nhiều chỉ "
        "tiêu tăng:\n- thu ngân sách nhà nước tăng 57%;\n- doanh thu vận tải tăng 11%."
    )
    assert rows[57.0][1:3] == ("actual", 2025)
    assert rows[11.0][1:3] == ("actual", 2025)


def test_a_title_dated_by_its_month_gives_its_year():
    rows = indicator_values(
        "Giai đoạn 2021 - 2025\nKhu vực nông nghiệp tăng bình quân 4,1%/năm.\n\n"
        "Nông thôn mới đến tháng 7/2025\nTrước khi vận hành chính quyền hai cấp (1/7/2025), "
        "toàn tỉnh có:\n- 26 xã đạt chuẩn nông thôn mới;\n- 267 thôn, bản đạt chuẩn."
    )
    assert rows[26.0][2] == 2025


def test_communes_a_meeting_reaches_online_are_no_figure():
    rows = indicator_values(
        "Ngày 27/8/2025, UBND tỉnh họp trực tiếp kết hợp trực tuyến tới 38 xã, phường. Thu "
        "ngân sách tăng 57%."
    )
    assert set(rows) == {57.0}


def test_a_five_year_plans_title_heads_its_section_however_lines_are_broken():
    text = (
        "Kết quả năm 2025\n- GRDP tăng hơn 10%.\n\nKế hoạch 5 năm 2026 - 2030\n"
        "Theo nghị quyết, tỉnh phấn đấu tăng trưởng GRDP bình quân từ 9%/năm trở lên."
    )
    for variant in (text, text.replace("\n", "\n\n")):
        assert indicator_values(variant)[9.0][1:3] == ("target", 2030)


def test_a_dated_title_line_dates_its_story_however_lines_are_broken():
    text = (
        "Xã Nà Hỳ (tin ngày 21/8/2025)\nXã Nà Hỳ mới có 31,53 km đường biên giới và diện tích "
        "tự nhiên 275,64 km2."
    )
    for variant in (text, text.replace("\n", "\n\n")):
        assert indicator_values(variant)[31.53][2] == 2025


def test_results_of_six_months_compared_with_last_year_however_lines_are_broken():
    text = (
        "Kết quả 6 tháng đầu năm 2025\nTheo báo cáo, các chỉ tiêu kinh tế chủ yếu đều tăng so "
        "với cùng kỳ:\n- sản xuất công nghiệp tăng hơn 8%;\n- sản lượng lúa gần 3 triệu tấn."
    )
    for variant in (text, text.replace("\n", "\n\n")):
        assert indicator_values(variant)[8.0][1:3] == ("actual", 2025)


def test_indicators_estimated_as_achieved_are_results():
    rows = indicator_values(
        "Kinh tế tỉnh giữ đà tăng\n\nNăm 2025 là năm đầu tiên sau hợp nhất.\n\n"
        "Một số chỉ tiêu ước thực hiện năm 2025\n- Tăng trưởng GRDP: 6,33%.\n"
        "- Thu ngân sách nhà nước trên địa bàn: hơn 26.500 tỷ đồng."
    )
    assert rows[6.33][1:3] == ("actual", 2025)
    assert rows[26.5e12][1:3] == ("actual", 2025)


def test_a_tables_title_gives_its_plain_columns_their_unit_and_year():
    text = (
        "Tốc độ tăng theo quý năm 2025 so với cùng kỳ (%)\n"
        "Quý | GRDP | Khu vực dịch vụ\nQuý I | 7,52 | 8,58\nQuý II | 8,0 | 8,80"
    )
    rows = indicator_rows(text)
    assert (7.52, "%", "actual", 2025, "grdp") in rows
    assert (8.8, "%", "actual", 2025, "khu vực dịch vụ") in rows


def test_a_column_of_counts_says_what_it_counts():
    rows = indicator_values(
        "Sản phẩm OCOP của thành phố năm 2025\nHạng | Số sản phẩm\n4 sao | 1.576\n"
        "3 sao | 1.859"
    )
    assert rows[1576.0][0] == "sản phẩm"
    assert rows[1859.0][3] == "3 sao"


def test_a_same_period_column_of_small_values_holds_growth_rates():
    rows = indicator_rows(
        "Tháng 8 năm 2025, tổng mức bán lẻ tăng mạnh.\n"
        "Nhóm | Tháng 8/2025 (nghìn tỷ đồng) | So với tháng trước (%) | So với cùng kỳ (%)\n"
        "Bán lẻ hàng hóa | 49,7 | 4,1 | 11,5"
    )
    assert {(value, unit) for value, unit, *_ in rows} >= {(4.1, "%"), (11.5, "%")}
    # a column of indexes (the same period as 100) stays one
    rows = indicator_values(
        "Năm 2025\nChỉ tiêu | So với cùng kỳ (%)\nBán lẻ hàng hóa | 108,9"
    )
    assert rows[108.9][0] == "% cùng kỳ"


def test_a_table_cell_that_says_its_unit_is_read():
    rows = indicator_values(
        "Kết quả tháng 10/2025\nChỉ tiêu | Ước thực hiện | So với cùng kỳ (%)\n"
        "Tổng lượng khách | hơn 2,27 triệu lượt | 8,9\n"
        "Tổng thu từ khách du lịch | 9,93 nghìn tỷ đồng | 11,9"
    )
    assert rows[2.27e6][:3] == ("lượt", "actual", 2025)
    assert rows[9.93e12][0] == "VND"


def test_targets_of_a_congress_without_a_year_are_for_the_end_of_its_term():
    rows = indicator_values(
        "Ngày 9/8/2025, Đảng bộ xã Phước Hải tổ chức đại hội lần thứ nhất, nhiệm kỳ 2025 - 2030."
        "\n\nĐại hội đề ra nhiều chỉ tiêu, trong đó:\n"
        "- tổng giá trị sản phẩm tăng bình quân 11,5%/năm;\n"
        "- thu nhập bình quân đầu người đạt 95 triệu đồng."
    )
    assert rows[11.5][1:3] == ("target", 2030)
    assert rows[95e6][1:3] == ("target", 2030)
    # the council's own term names who speaks, not the year of its targets
    rows = indicator_values(
        "HĐND xã khóa I, nhiệm kỳ 2021 - 2026 họp kỳ thứ ba.\n\n"
        "Xã phấn đấu thu nhập bình quân đầu người đạt 95 triệu đồng."
    )
    assert rows[95e6][1:3] == ("target", None)


def test_a_national_target_programme_is_a_name_not_a_target():
    rows = indicator_values(
        "Ngày 9/8/2025, Đảng bộ xã Yên Lạc tổ chức đại hội, nhiệm kỳ 2025 - 2030.\n\n"
        "Kết quả nhiệm kỳ 2020 - 2025\n"
        "- Chương trình mục tiêu quốc gia giúp tỷ lệ hộ nghèo giảm từ 5,2% xuống còn 2,1%."
    )
    assert rows[2.1][1] == "actual"
    assert rows[2.1][2] != 2030


def test_a_news_item_dated_only_by_its_dateline_is_of_that_year():
    text = (
        "Xuất khẩu của thành phố tăng sau hợp nhất\n\n"
        "Tin ngày 20/9/2025. Sở Công Thương cho biết từ đầu năm 2025 đến nay, doanh nghiệp đã "
        "mở thêm thị trường mới, giúp kim ngạch tăng so với cùng kỳ năm 2024.\n\n"
        "Kim ngạch xuất khẩu hàng hóa đạt 2.150 triệu USD, tăng 9,4%."
    )
    rows = indicator_values(text)
    assert rows[2150e6][1:3] == ("actual", 2025)
    # a dateline among other years leaves an undated figure undated
    rows = indicator_values(text + "\n\nSo với năm 2019, kim ngạch đã gấp 2 lần.")
    assert rows[2150e6][2] is None


def test_a_record_over_a_term_does_not_mix_the_years_of_a_report():
    rows = indicator_values(
        "Ngày 28/12/2025, tỉnh tổng kết năm.\n\nKinh tế năm 2025\n"
        "- Tăng trưởng GRDP ước 9,7%, cao nhất giai đoạn 2021-2025.\n\n"
        "Xuất khẩu\n- Kim ngạch xuất khẩu 3,2 tỷ USD, tăng 14%."
    )
    assert rows[3.2e9][2] == 2025


def test_percentage_points_are_a_unit_of_their_own_named_after_the_part():
    rows = indicator_rows(
        "Sáu tháng đầu năm 2025, GRDP tăng 8,1%. Khu vực dịch vụ tăng 8,7%, đóng góp 4,02 "
        "điểm phần trăm vào mức tăng chung; công nghiệp - xây dựng tăng 9,3%, đóng góp 3,1 "
        "điểm vào mức tăng chung."
    )
    assert (4.02, "điểm phần trăm", "actual", 2025, "khu vực dịch vụ") in rows
    assert (3.1, "điểm phần trăm", "actual", 2025, "công nghiệp - xây dựng") in rows
    rows = indicator_values(
        "Tăng trưởng GRDP năm 2025\nKhu vực | Tốc độ tăng (%) | Đóng góp (điểm phần trăm)\n"
        "Dịch vụ | 7,2 | 4,1"
    )
    assert rows[4.1][0] == "điểm phần trăm"


def test_a_share_written_over_the_plan_is_a_share_of_plan():
    rows = indicator_values(
        "Đến ngày 30/9/2025, giải ngân vốn đầu tư công đạt 3.110 tỷ đồng, bằng 47,5%/tổng kế "
        "hoạch và 52,1%/kế hoạch giao đầu năm."
    )
    assert rows[47.5][:3] == ("% kế hoạch", "actual", 2025)
    assert rows[52.1][:3] == ("% kế hoạch", "actual", 2025)
    # a level over its plan stays a level with its plan
    rows = indicator_rows("Năm 2025, tỷ lệ lao động qua đào tạo đạt 23,4%/KH 24,5%.")
    assert rows[0][:4] == (23.4, "%", "actual", 2025)


def test_what_a_dated_page_says_the_place_has_now_is_of_the_dateline_year():
    text = (
        "Đại hội Đảng bộ xã Tân Hòa lần thứ I\n\n"
        "Sáng 12/8/2025, Đảng bộ xã Tân Hòa tổ chức đại hội, nhiệm kỳ 2025 - 2030.\n\n"
        "Xã được lập trên cơ sở hợp nhất ba xã, có diện tích tự nhiên 98,4 km2 và dân số "
        "31.250 người. Trên địa bàn có 24 thôn và 410 hộ kinh doanh.\n\n"
        "Kết quả nhiệm kỳ 2020 - 2025\n- Thu nhập bình quân tăng bình quân 8,5%/năm."
    )
    rows = indicator_values(text)
    assert rows[98.4][1:3] == ("actual", 2025)
    assert rows[31250.0][1:3] == ("actual", 2025)
    assert rows[410.0][1:3] == ("actual", 2025)
    assert rows[8.5][2] is None  # a yearly rate over the term stays undated
    # a page without a dateline does not date them
    rows = indicator_values(text.replace("Sáng 12/8/2025, ", ""))
    assert rows[98.4][2] is None


def test_a_january_cut_off_dates_the_year_just_ended_only_for_what_january_settles():
    rows = indicator_values(
        "Tính đến ngày 20/01/2025, tiến độ gieo cấy lúa vụ Xuân đạt 41.200 ha, đạt 82,5% kế "
        "hoạch.\n\nSản lượng khai thác thủy sản trong tháng ước đạt 2.950 tấn, bằng 103,2% "
        "cùng kỳ năm 2024."
    )
    assert rows[41200.0][2] == 2025
    assert rows[2950.0][2] == 2025
    assert "sản lượng" in rows[103.2][3] and "cùng kỳ" not in rows[103.2][3]


def test_the_year_of_what_a_figure_is_compared_with_is_not_carried():
    rows = indicator_values(
        "Trong quý I/2025, GRDP của tỉnh tăng 6,1% so với cùng kỳ; mức tăng này cao hơn mức "
        "5,2% của quý I/2024.\n\nĐóng góp vào mức tăng chung:\n"
        "1. Dịch vụ tăng 8,4%, đóng góp 3,5 điểm phần trăm."
    )
    assert rows[5.2][2] == 2024
    assert rows[8.4][2] == 2025
    assert rows[3.5][2] == 2025


def test_a_month_compared_with_is_a_base_and_not_carried():
    rows = indicator_values(
        "Du lịch\n- Lượt khách lưu trú trong tháng 8/2024 ước 1,1 triệu lượt, tăng 40,5% so "
        "với tháng 8/2023.\n- Doanh thu lưu trú và ăn uống 8 tháng ước 17.950 tỷ đồng, tăng 21%."
    )
    assert rows[40.5][2] == 2024
    assert rows[17950e9][2] == 2024


def test_a_label_with_a_gloss_in_brackets_keeps_its_figure_and_names_it():
    rows = indicator_rows(
        "Năm 2024:\n- Khu vực 1 (nông, lâm và thủy sản): 21.870 tỷ đồng, tăng 4,2%.\n"
        "- Chỉ số sản xuất công nghiệp (IIP): tăng 6,1%."
    )
    assert (21870e9, "VND", "actual", 2024, "khu vực 1") in rows
    assert (6.1, "%", "actual", 2024, "chỉ số sản xuất công nghiệp") in rows
    rows = indicator_rows("Năm 2025:\n- Tốc độ tăng tổng sản phẩm (GRDP) trên địa bàn: 8,5%.")
    assert rows[0][4] == "tổng sản phẩm trên địa bàn"  # a gloss inside the label
    # a count of targets under a place's label says what it counts
    rows = indicator_values("Xã Ia Mơ (cũ): đạt và vượt 19/24 chỉ tiêu Nghị quyết Đại hội.")
    assert rows[19.0][3] == "chỉ tiêu nghị quyết đại hội"


def test_a_table_whose_rows_are_bare_years_reads_each_year():
    rows = indicator_rows(
        "Tỷ trọng công nghiệp chế biến trong GRDP\nNăm | Tỷ trọng (%)\n2022 | 14,1\n"
        "2023 | 14,6\n2024 | 15,2"
    )
    assert (14.6, "%", "actual", 2023, "tỷ trọng công nghiệp chế biến trong grdp") in rows
    assert (15.2, "%", "actual", 2024, "tỷ trọng công nghiệp chế biến trong grdp") in rows
    rows = indicator_rows("Sản lượng lúa\nNăm | Sản lượng (tấn)\n2023 | 120.500\n2024 | 125.100")
    assert (125100.0, "tấn", "actual", 2024, "sản lượng lúa") in rows


def test_a_conscription_quota_met_is_no_figure():
    rows = indicator_rows(
        "Kết quả năm 2025:\n- Thu ngân sách đạt 100% chỉ tiêu giao;\n"
        "- Hoàn thành 100% chỉ tiêu tuyển quân;\n"
        "- hoàn thành 100% chỉ tiêu tuyển chọn, gọi công dân nhập ngũ;\n"
        "- công tác giao, nhận quân đạt 100% chỉ tiêu."
    )
    assert rows == [(100.0, "% kế hoạch", "actual", 2025, "thu ngân sách")]


def test_indicators_a_title_says_are_estimated_are_results():
    rows = indicator_values(
        "Ngày 3/1/2025, Cục Thống kê tỉnh họp báo.\n\nMột số chỉ tiêu ước tính năm 2024\n"
        "- Vốn đầu tư toàn xã hội: 48.300 tỷ đồng, đạt hơn 101% kế hoạch, tăng gần 9%."
    )
    assert rows[48300e9][1:3] == ("actual", 2024)
    assert rows[101.0][1] == "actual"


def test_a_year_in_a_concession_is_not_carried_and_last_years_figures_leave_the_report_in_its_year():
    text = (
        "Tỉnh vào nhóm 10 địa phương tăng trưởng cao nhất 9 tháng năm 2024\n\n"
        "Tin ngày 11/10/2024. Kinh tế tỉnh 9 tháng đầu năm 2024 tăng trưởng cao, dù năm 2023 "
        "thu nhập bình quân đầu người chỉ đạt 2,2 triệu đồng/tháng.\n\n"
        "Công nghiệp\nChỉ số sản xuất công nghiệp quý III tăng 25,4% so với cùng kỳ.\n\n"
        "Doanh nghiệp\nTrong 9 tháng, tỉnh có 131 doanh nghiệp thành lập mới."
    )
    rows = indicator_values(text)
    assert rows[2.2e6][2] == 2023
    assert rows[25.4][2] == 2024
    assert rows[131.0][2] == 2024
    # last year's figure beside this year's leaves the report in this year
    rows = indicator_values(
        "Tỉnh vào nhóm 10 địa phương tăng trưởng cao nhất 9 tháng năm 2024\n\n"
        "Tin ngày 11/10/2024. Theo Cục Thống kê, kinh tế tỉnh 9 tháng đầu năm 2024 tăng "
        "trưởng cao.\n\nCông nghiệp\nTính chung 9 tháng, chỉ số sản xuất công nghiệp tăng "
        "18,5% so với cùng kỳ, trong đó:\n"
        "- ngành khai khoáng: giảm 6,1%;\n"
        "- ngành sản xuất và phân phối điện: tăng 41,2% (9 tháng năm 2023 giảm 17%).\n\n"
        "Doanh nghiệp\nTrong 9 tháng, tỉnh có 131 doanh nghiệp thành lập mới."
    )
    assert rows[-17.0][2] == 2023
    assert rows[131.0][2] == 2024


def test_indicators_that_reached_the_plan_or_are_other_indicators_are_no_targets():
    rows = indicator_values(
        "Kết quả năm 2025\nTừ ngày 01/7/2025, phường vận hành mô hình mới; kinh tế phát triển "
        "ổn định, các chỉ tiêu chủ yếu đạt kế hoạch:\n- Tổng vốn đầu tư toàn xã hội đạt "
        "412.300 triệu đồng.\n- Thu ngân sách tăng 6,9%."
    )
    assert rows[412.3e9][1:3] == ("actual", 2025)
    assert rows[6.9][1] == "actual"
    rows = indicator_values(
        "Sáng 4/7/2024, Cục Thống kê họp báo công bố số liệu 6 tháng đầu năm 2024.\n\n"
        "Các chỉ tiêu khác\n- 712 doanh nghiệp thành lập mới;\n- kim ngạch xuất khẩu 880 triệu USD."
    )
    assert rows[712.0][1:3] == ("actual", 2024)
    assert rows[880e6][1] == "actual"
    # a plan's own list of indicators stays one of targets
    rows = indicator_values("Kế hoạch năm 2026\nCác chỉ tiêu chủ yếu:\n- Thu ngân sách 95 tỷ đồng.")
    assert rows[95e9][1:3] == ("target", 2026)
