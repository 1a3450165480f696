"""Report shapes learned from held-out part 12, one test per rule; each failed on the commit
"freeze rules 12". The sentences are ours, in the shapes real Vietnamese reports use."""

from tests.conftest import indicator_rows, indicator_values


def test_the_term_of_the_committee_that_meets_is_no_span_of_its_figures():
    text = (
        "Phiên họp thường kỳ tháng 2 của UBND tỉnh\n\nNgày 26/2, UBND tỉnh khóa XVI, nhiệm kỳ "
        "2021 - 2026 họp đánh giá kết quả tháng 2 và nhiệm vụ tháng 3/2026.\n\n"
        "Kết quả chủ yếu của tháng 2:\n- Tổng mức bán lẻ hàng hóa ước 4.150 tỷ đồng;\n"
        "- Thu ngân sách trên địa bàn ước 295 tỷ đồng;\n"
        "- Vốn đầu tư công giải ngân đến ngày 25/2/2026 đạt 240 tỷ đồng."
    )
    assert {year for _, _, year, _ in indicator_values(text).values()} == {2026}
    # a term the figures are of still keeps them undated
    # (one whose opening states no year: what it does state carries to the list under it)
    spans = text.replace("UBND tỉnh khóa XVI, nhiệm kỳ 2021 - 2026 họp", "UBND tỉnh họp").replace(
        "tháng 3/2026", "tháng 3"
    ) + "\n\nTrong nhiệm kỳ 2021 - 2026, thu ngân sách tăng bình quân 9%/năm."
    assert indicator_values(spans)[4.15e12][2] is None


def test_a_share_of_the_growth_scenario_is_a_share_of_plan():
    rows = indicator_values(
        "Tổng mức bán lẻ hàng hóa đạt 210.500 tỷ đồng, tăng 14,2% so với cùng kỳ và bằng 81,6% "
        "kịch bản tăng trưởng năm."
    )
    assert rows[81.6][0] == "% kế hoạch"


def test_targets_met_are_counted_when_the_verb_comes_first():
    rows = indicator_values("Tỉnh đã hoàn thành và vượt 17 chỉ tiêu chủ yếu của nhiệm kỳ.")
    assert rows[17.0][:2] == ("chỉ tiêu", "actual")
    # the targets a plan has are still not a figure
    assert not indicator_rows("Nghị quyết đề ra 20 chỉ tiêu chủ yếu.")


def test_staff_and_facilities_of_a_sector_are_counted():
    rows = indicator_values(
        "Ngành hiện có 8 trung tâm tuyến tỉnh, 22 bệnh viện, 60 trạm y tế cùng 95 điểm trạm. Ở "
        "tuyến xã có 1.540 nhân viên y tế: 330 bác sĩ, 410 y sĩ, 215 hộ sinh, 208 dược sĩ."
    )
    assert {value: unit for value, (unit, *_rest) in rows.items()} == {
        8.0: "trung tâm",
        22.0: "bệnh viện",
        60.0: "trạm y tế",
        95.0: "điểm trạm",
        1540.0: "nhân viên y tế",
        330.0: "bác sĩ",
        410.0: "y sĩ",
        215.0: "hộ sinh",
        208.0: "dược sĩ",
    }
    rows = indicator_values(
        "Nông sản lên 30 sàn thương mại điện tử, xuất khẩu tới 19 quốc gia và vùng lãnh thổ."
    )
    assert (
        rows[30.0][0] == "sàn thương mại điện tử" and rows[19.0][0] == "quốc gia và vùng lãnh thổ"
    )


def test_a_stock_held_as_a_term_opens_is_of_its_first_year():
    text = (
        "Đại hội đại biểu Đảng bộ tỉnh lần thứ XVI, nhiệm kỳ 2025 - 2030 khai mạc.\n\n"
        "Hiện tỉnh đã quy hoạch 3 khu công nghiệp và 18 cụm công nghiệp."
    )
    assert {year for _, _, year, _ in indicator_values(text).values()} == {2025}
    # a council's own term says nothing of the present
    council = text.replace(
        "Đại hội đại biểu Đảng bộ tỉnh lần thứ XVI, nhiệm kỳ 2025 - 2030 khai mạc",
        "HĐND tỉnh khóa XVII, nhiệm kỳ 2021 - 2026 họp chuyên đề",
    )
    assert {year for _, _, year, _ in indicator_values(council).values()} == {None}
