"""Report shapes learned from held-out part 14, one test per rule; each failed on the commit
"freeze rules 14". The sentences are ours, in the shapes real Vietnamese reports use."""

from tests.conftest import indicator_rows


def _kinds(text):
    return {value: kind for value, _, kind, _, _ in indicator_rows(text)}


def test_a_news_headline_frames_no_kind_a_section_title_does():
    body = (
        "\n\nNgày 4/12/2025, Tỉnh ủy tổng kết năm 2025 và bàn nhiệm vụ năm 2026.\n\n"
        "Theo báo cáo, năm 2025 kinh tế tỉnh khởi sắc: GRDP ước tăng 7,6%; GRDP bình quân đầu "
        "người đạt 78 triệu đồng. Kim ngạch xuất khẩu đạt 2,4 tỷ USD (tăng 5,9%); thu ngân sách "
        "vượt 18% dự toán."
    )
    headline = "Bạc Liêu phấn đấu tăng trưởng hai con số trong năm 2026" + body
    assert set(_kinds(headline).values()) == {"actual"}
    section = "Kế hoạch năm 2026\n\nThu nhập bình quân đầu người đạt 85 triệu đồng."
    assert set(_kinds(section).values()) == {"target"}


def test_a_heading_of_targets_met_is_a_heading_of_results():
    text = (
        "Đạt và vượt nhiều chỉ tiêu Nghị quyết\n\nNhiệm kỳ 2020 - 2025, tốc độ tăng trưởng GRDP "
        "đạt 6,2%; tỷ lệ hộ nghèo giảm còn 1,9%."
    )
    assert set(_kinds(text).values()) == {"actual"}


def test_a_year_the_document_has_reached_by_its_reported_days_is_no_target_year():
    ward = (
        "Phường được thành lập ngày 1/7/2025 trên cơ sở sáp nhập hai phường.\n\n"
        "Nhiệm kỳ 2020 - 2025, kinh tế tăng trưởng khá. Đến năm 2025, tỷ trọng dịch vụ 41%."
    )
    assert _kinds(ward)[41.0] == "actual"
    congress = (
        "Ngày 6/10/2025, Đại hội đại biểu Đảng bộ tỉnh khai mạc.\n\n"
        "Nhiệm kỳ 2020 - 2025, GRDP tăng bình quân 6,5%/năm; năm 2025 dự kiến tăng 8,2%."
    )
    assert _kinds(congress)[8.2] == "actual"
    # a deadline is no day reported, and a plan written before its year stays a plan
    plan = "Hoàn thành trước ngày 31/12/2025.\n\nĐến năm 2025, tỷ trọng dịch vụ 41%."
    assert _kinds(plan)[41.0] == "target"
