import pytest

from crawler.dates import find_dates, parse_iso_date, parse_vn_date, refine_with


@pytest.mark.parametrize(
    ("text", "iso", "has_time"),
    [
        ("Đăng ngày 18 - 06 - 2020", "2020-06-18T00:00:00+07:00", False),
        ("Thứ ba, 31/10/2023", "2023-10-31T00:00:00+07:00", False),
        ("22/06/2023 12:00:00", "2023-06-22T12:00:00+07:00", True),
        ("(07/11/2020 8:51 SA)", "2020-11-07T08:51:00+07:00", True),
        ("(09/10/2020 2:52 CH)", "2020-10-09T14:52:00+07:00", True),
        ("(16/09/2020 12:10 CH)", "2020-09-16T12:10:00+07:00", True),
        ("(16/09/2020 12:10 SA)", "2020-09-16T00:10:00+07:00", True),
        ("Cập nhật: 10:30 | 18/06/2020", "2020-06-18T10:30:00+07:00", True),
        ("ngày 18 tháng 6 năm 2020", "2020-06-18T00:00:00+07:00", False),
        ("Ngày 2.5.2024, 14h30", "2024-05-02T14:30:00+07:00", True),
        ("Chủ nhật, 27/10/2024 438 lượt xem", "2024-10-27T00:00:00+07:00", False),
        # Shapes the strict patterns leave to dateparser.
        ("31 tháng 10, 2023", "2023-10-31T00:00:00+07:00", False),
        ("Thứ ba, 31 tháng mười 2023", "2023-10-31T00:00:00+07:00", False),
        ("Thứ ba, 31 tháng 10, 2023 08:15", "2023-10-31T08:15:00+07:00", True),
    ],
)
def test_vietnamese_dates(text, iso, has_time):
    parsed = parse_vn_date(text)
    assert parsed.isoformat() == iso
    assert parsed.has_time is has_time


@pytest.mark.parametrize(
    "text",
    ["31/02/2020", "Nghị quyết số 12/2020/NQ-HĐND", "Sáng 7/11", "14/10", "", "Lượt xem: 24",
     # Relative dates would date the article by the crawl; a year alone is no date.
     "2 giờ trước", "hôm qua", "năm 2023", "Lượt xem: 2023"],
)
def test_text_without_a_full_valid_date(text):
    assert parse_vn_date(text) is None


def test_all_dates_in_order():
    found = find_dates("(14/10/1930-14/10/2020)")
    assert [d.value.year for d in found] == [1930, 2020]


def test_machine_dates_default_to_vietnam_time():
    assert parse_iso_date("2024-03-02T00:45:00Z").isoformat() == "2024-03-02T07:45:00+07:00"
    assert parse_iso_date("2024-03-02").isoformat() == "2024-03-02T00:00:00+07:00"
    assert parse_iso_date("yesterday") is None


def test_listing_time_refines_a_page_date_of_the_same_day_only():
    page = parse_vn_date("Đăng ngày 07 - 11 - 2020")
    same_day = parse_vn_date("(07/11/2020 8:51 SA)")
    other_day = parse_vn_date("(08/11/2020 8:51 SA)")
    assert refine_with(page, same_day) == same_day
    assert refine_with(page, other_day) == page
    assert refine_with(None, other_day) == other_day
