"""Report shapes learned from held-out part 11, one test per rule; each failed on the commit
"freeze rules 11". The sentences are ours, in the shapes real Vietnamese reports use."""

from tests.conftest import indicator_rows, indicator_values


def test_quyet_tam_sets_a_target_like_phan_dau():
    rows = indicator_values(
        "Bước sang năm 2026, tỉnh quyết tâm tăng trưởng trên 10% và thu ngân sách nhà nước "
        "vượt mốc 25.000 tỷ đồng."
    )
    assert rows[10.0] == ("%", "target", 2026, "tăng trưởng")
    assert rows[25e12] == ("VND", "target", 2026, "thu ngân sách nhà nước")
    rows = indicator_values("Năm 2026, toàn huyện quyết tâm giảm tỷ lệ hộ nghèo xuống dưới 2%.")
    assert rows[2.0] == ("%", "target", 2026, "tỷ lệ hộ nghèo")


def test_a_quarters_figure_is_named_with_its_quarter():
    rows = indicator_values(
        "- Khu vực dịch vụ: giá trị tăng thêm 9 tháng ước tăng 8,74% (quý I tăng 8,58%; quý II "
        "tăng 8,80%; quý III tăng 8,83%)."
    )
    assert rows[8.74][3] == "giá trị tăng thêm khu vực dịch vụ"
    assert [rows[v][3].rsplit(" ", 2)[-2:] for v in (8.58, 8.8, 8.83)] == [
        ["quý", "i"],
        ["quý", "ii"],
        ["quý", "iii"],
    ]
    rows = indicator_values(
        "Năm 2026 tăng trưởng 10%; riêng quý I/2026, toàn tỉnh phấn đấu tăng 9,5%."
    )
    assert rows[9.5][3].endswith("quý i")


def test_a_sentence_about_a_year_told_in_passing_does_not_move_the_report_to_it():
    rows = indicator_values(
        "Công tác ngân sách năm 2025 đạt kết quả tốt.\n\nTổng thu ngân sách: 70.579 tỷ đồng, tăng "
        "7,1%. Năm 2024 là năm đầu tiên tỉnh thu vượt mốc nửa trăm nghìn tỷ. Trong đó:\n\n"
        "- Thu nội địa: 66.281 tỷ đồng;\n- Thu từ xuất nhập khẩu: 3.897 tỷ đồng.\n\n"
        "Chi ngân sách địa phương đạt 55.734 tỷ đồng, tăng 6%."
    )
    assert {year for _, _, year, _ in rows.values()} == {2025}


def test_votes_and_their_shares_are_not_figures():
    assert not indicator_rows(
        "Kỳ họp bầu bổ sung một Phó Chủ tịch UBND tỉnh với 35/39 phiếu đồng ý (bằng 89,74% tổng "
        "số đại biểu có mặt) và một Ủy viên UBND tỉnh với 39/39 phiếu tán thành (100%)."
    )
    # bonds are money, not votes
    bonds = indicator_values("Tỉnh phát hành 500 tỷ đồng trái phiếu chính quyền địa phương.")
    assert bonds[5e11][0] == "VND"


def test_the_field_of_a_rank_and_a_ranked_group_are_not_counts():
    assert list(
        indicator_values(
            "GRDP năm 2025 tăng 7,9%, đứng thứ ba trong 14 tỉnh vùng trung du và miền núi phía Bắc; "
            "chỉ số DTI thuộc nhóm 20 tỉnh, thành phố dẫn đầu cả nước."
        )
    ) == [7.9]
    assert (
        list(indicator_values("Năm 2025, tỉnh xếp thứ 5 trên 34 tỉnh, thành phố về thu hút FDI."))
        == []
    )


def test_the_make_up_of_an_elected_body_is_not_a_figure():
    assert not indicator_rows(
        "Ban Chấp hành Đảng bộ tỉnh nhiệm kỳ mới gồm 61 người, Ban Thường vụ gồm 15 thành viên."
    )
    rows = indicator_values(
        "Ban Chấp hành lãnh đạo hoàn thành 18/20 chỉ tiêu; dân số xã có 12.500 người."
    )
    assert set(rows) == {18.0, 12500.0}


def test_an_excess_over_a_plan_named_before_the_figure_is_a_share_of_that_plan():
    rows = indicator_values(
        "- Tổng thu ngân sách nhà nước trên địa bàn hằng năm vượt chỉ tiêu tỉnh giao từ 5 - 7%;"
    )
    assert rows[105.0][0] == "% kế hoạch"
    assert indicator_values("Thu ngân sách vượt kế hoạch 6%.")[106.0][0] == "% kế hoạch"
    # the plan's own level stays a level
    rows = indicator_values("Tỷ lệ trẻ suy dinh dưỡng giảm còn 11%, vượt mục tiêu đề ra là 12,5%.")
    assert rows[12.5][0] == "%"


def test_shares_of_a_structure_are_named_with_the_structure_in_every_form():
    rows = indicator_values(
        "Cơ cấu kinh tế: nông - lâm nghiệp chiếm 21,5%, công nghiệp - xây dựng 27,3%, dịch vụ 46%."
    )
    assert rows[21.5][3] == "tỷ trọng nông - lâm nghiệp trong cơ cấu kinh tế"
    assert rows[46.0][3] == "tỷ trọng dịch vụ trong cơ cấu kinh tế"
    rows = indicator_values(
        "Khu vực công nghiệp - xây dựng vẫn là động lực chính, chiếm hơn 58% trong cơ cấu kinh tế."
    )
    assert rows[58.0][3] == "khu vực công nghiệp - xây dựng trong cơ cấu kinh tế"
    rows = indicator_values("Kinh tế số đóng góp tối thiểu 25% GRDP.")
    assert rows[25.0][3] == "tỷ trọng kinh tế số trong grdp"


def test_trong_nam_opening_a_sentence_is_no_part_of_a_name():
    rows = indicator_values("Trong năm, ngân hàng cho vay hộ nghèo 1.250 tỷ đồng.")
    assert not rows[1.25e12][3].startswith("trong năm")


def test_a_year_a_new_term_has_reached_is_no_target_year():
    review = (
        "Đại hội đại biểu Đảng bộ tỉnh lần thứ I, nhiệm kỳ 2025 - 2030 khai mạc sáng 20/9.\n\n"
        "Trong nhiệm kỳ 2020 - 2025, kinh tế tỉnh tăng trưởng bình quân 7,1%/năm. Đến năm 2025, "
        "GRDP đạt 185.400 tỷ đồng, gấp 1,5 lần năm 2020; thu ngân sách gần 21.000 tỷ đồng."
    )
    rows = indicator_values(review)
    assert [rows[v][1:3] for v in (185.4e12, 1.5, 21e12)] == [("actual", 2025)] * 3
    # a congress opening the 2020-2025 term sets 2025 as a target; so does a cue of its own
    plan = review.replace("2025 - 2030", "2020 - 2025").replace(
        "Trong nhiệm kỳ 2020 - 2025", "Trong nhiệm kỳ 2015 - 2020"
    )
    assert indicator_values(plan)[185.4e12][1] == "target"
    own_cue = review.replace("Đến năm 2025, GRDP đạt", "Phấn đấu đến năm 2025, GRDP đạt")
    assert indicator_values(own_cue)[185.4e12][1] == "target"
