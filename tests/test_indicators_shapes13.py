"""Report shapes learned from held-out part 13, one test per rule; each failed on the commit
"freeze rules 13". The sentences are ours, in the shapes real Vietnamese reports use."""

from tests.conftest import indicator_rows, indicator_values


def test_a_maps_scale_is_not_a_count():
    assert not indicator_rows(
        "Phường lập đồ án quy hoạch phân khu tỷ lệ 1/2000 khu trung tâm và quy hoạch chi tiết tỷ "
        "lệ 1/500 khu phức hợp ven sông."
    )


def test_business_households_are_households_named_as_such():
    rows = indicator_values("Toàn phường có 520 hộ kinh doanh cá thể và 1.250 hộ dân.")
    assert rows[520.0][0] == rows[1250.0][0] == "hộ"
    assert rows[520.0][3] == "hộ kinh doanh cá thể"


def test_alleys_and_opinions_are_counted_nouns():
    rows = indicator_values(
        "Người dân hiến hơn 2.900 m² đất để nâng cấp 12 tuyến hẻm; phường giải quyết 118 ý kiến."
    )
    assert rows[12.0][0] == "tuyến hẻm" and rows[118.0][0] == "ý kiến"


def test_a_parts_bare_share_after_a_share_of_plan_is_of_the_same_plan():
    rows = indicator_values(
        "Thu ngân sách nhà nước đạt 61.200 tỷ đồng, bằng 132,4% dự toán, trong đó thu nội địa "
        "đạt 138,1%."
    )
    assert rows[138.1][0] == "% kế hoạch" and rows[138.1][3] == "thu nội địa"
    # a change of the part stays a change
    rows = indicator_values(
        "Thu ngân sách đạt 8.000 tỷ đồng, bằng 105% dự toán, trong đó thu nội địa tăng 12%."
    )
    assert rows[12.0][0] == "%"


def test_the_reports_own_figures_decide_what_vuot_x_percent_means():
    # 47,95 is 136,2% of 35,2: "vượt 136,2%" is the share written loosely
    rows = indicator_values(
        "Tổng thu ngân sách của phường đạt 47,95 tỉ đồng, vượt 136,2% so với chỉ tiêu (35,2 tỉ "
        "đồng)."
    )
    assert 136.2 in rows and 236.2 not in rows
    # 47,95 is 36,2% over 35,2: read as written
    rows = indicator_values(
        "Tổng thu ngân sách của phường đạt 47,95 tỉ đồng, vượt 36,2% so với chỉ tiêu (35,2 tỉ "
        "đồng)."
    )
    assert 136.2 in rows


def test_who_asks_for_a_target_is_no_part_of_its_name():
    rows = indicator_values(
        "Chủ tịch UBND tỉnh yêu cầu giữ vững mục tiêu tăng trưởng GRDP năm 2026 từ 10,5% đến 11,5%."
    )
    assert rows[10.5][1:] == ("target", 2026, "tăng trưởng grdp")
