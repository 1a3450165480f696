"""Report shapes learned from held-out part 20 and later, one test per rule; each failed on the
commit before its fix. The sentences are ours, in the shapes real Vietnamese reports use."""

from tests.conftest import indicator_values


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
