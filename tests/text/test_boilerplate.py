import json
from pathlib import Path

import pytest

from crawler.text.boilerplate import (
    TemplateLearner,
    classify_line,
    mask_digits,
    strip_boilerplate,
)
from crawler.text.normalize import normalize_text

FIXTURES = Path(__file__).parents[1] / "fixtures"


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Lượt xem: 24", "view_counter"),
        ("271 lượt xem", "view_counter"),
        ("Số lượt xem: 1.234", "view_counter"),
        ("Lượt đọc: 3", "view_counter"),
        ("Lượt xem", "view_counter"),
        ("402 người đang online", "site_counter"),
        ("Đang truy cập: 1", "site_counter"),
        ("Hôm nay: 4", "site_counter"),
        ("Tất cả: 12,943", "site_counter"),
        ("Lượt truy cập: 1087015", "site_counter"),
        ("Trực tuyến: 95", "site_counter"),
        ("Thống kê truy cập", "site_counter"),
        ("Tin mới nhất", "related_heading"),
        ("Tin liên quan:", "related_heading"),
        ("Tin khác", "related_heading"),
        ("Các tin đã đưa", "related_heading"),
        ("Đánh giá cho bài viết:", "rating"),
        ("0 điểm ( 0 đánh giá )", "rating"),
        ("A- 100% A+", "font_size"),
        ("100%", "font_size"),
        ("In bài viết", "share_print"),
        ("Chia sẻ", "share_print"),
        ("Gửi email", "share_print"),
        ("In bài viết | Chia sẻ | Gửi email", "share_print"),
        ("Ý kiến bạn đọc", "comment_form"),
        ("Gửi ý kiến", "comment_form"),
        ("Họ và tên:", "comment_form"),
        ("Mã xác nhận *", "comment_form"),
        ("Trưởng Ban Biên tập: Chủ tịch Lưu Hữu Nhặn", "footer"),
        ("Chịu trách nhiệm: Chánh Văn phòng HĐND và UBND huyện", "footer"),
        ("Địa chỉ: Xã Quang Thành - Thị Xã Kinh Môn - Tỉnh Hải Dương", "footer"),
        ("Điện thoại: 098108571.", "footer"),
        ("Email: .....nhanquangtrung@gmail.com", "footer"),
        ("Fax: 0220.3821.456", "footer"),
        ("Bản quyền thuộc Huyện Yên Mô", "footer"),
        ("Cơ quan chủ quản: Ủy ban nhân dân huyện Kim Động", "footer"),
        ("Ghi rõ nguồn Cổng thông tin điện tử huyện khi phát hành lại thông tin", "footer"),
        ("Kết quả giải quyết TTHC", "tthc_widget"),
        ("Số hồ sơ xử lý: 2787", "tthc_widget"),
        ("Trước & đúng hạn: 2787", "tthc_widget"),
        ("Trễ hạn: 0", "tthc_widget"),
        ("Tỉ lệ trễ hạn: 0%", "tthc_widget"),
        ("( Cập nhật lúc:30/11/2023 07:04:41)", "tthc_widget"),
        ("Đến tháng 11 đã giải quyết:", "tthc_widget"),
        ("Tình hình giải quyết hồ sơ", "tthc_widget"),
        ("Một cửa điện tử", "portal_link"),
        ("Văn bản điện tử", "portal_link"),
        ("Công khai gửi nhận văn bản", "portal_link"),
        ("Bình chọn", "poll"),
        ("Bạn quan tâm mục gì nhất trong Website của chúng tôi?", "poll"),
        ("https://ncov.moh.gov.vn/", "url"),
        ("www.yenmo.ninhbinh.gov.vn", "url"),
        ("22/06/2023 12:00:00", "date"),
        ("Thứ tư, 03/07/2024", "date"),
        ("Đăng ngày 18 - 06 - 2020", "date"),
        ("(07/11/2020 8:51 SA)", "date"),
        ("Chào mừng bạn đến với Trang thông tin điện tử huyện yên mô", "welcome"),
        ("TRANG THÔNG TIN ĐIỆN TỬ XÃ QUANG THÀNH - THỊ XÃ KINH MÔN", "site_title"),
        ("°", "no_text"),
        (".", "no_text"),
        ("\u00a0", "empty"),
    ],
)
def test_rules(line, reason):
    assert classify_line(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "Hội nghị đã biểu quyết thông qua nghị quyết theo hình thức trực tuyến với 27 điểm cầu.",
        "Cổng dịch vụ công trở thành địa chỉ tin cậy của người dân khi làm thủ tục hành chính.",
        "Hôm nay, UBND huyện tổ chức lễ ra quân làm thủy lợi nội đồng vụ Đông Xuân.",
        "Tỷ lệ hộ nghèo giảm còn 0,42%; thu nhập bình quân đầu người đạt 65 triệu đồng/năm.",
        "Tỉ lệ hồ sơ trễ hạn giảm mạnh so với cùng kỳ, đạt 0,5%.",
        "Bài viết đã thu hút 1.234 lượt xem chỉ trong một ngày đăng tải trên trang.",
        "Người dân có thể gửi ý kiến qua địa chỉ thư điện tử hoặc điện thoại đường dây nóng.",
        "Thu Xuân",
        "Ảnh: Đồng chí Bí thư Huyện ủy phát biểu tại hội nghị",
        "Kết quả bình chọn cho thấy 95% người dân hài lòng với sự phục vụ của cơ quan hành chính.",
        "Tin mới nhất về tình hình bão số 3 được Ban Chỉ huy cập nhật liên tục trên hệ thống.",
        "Chia sẻ tại hội nghị, đồng chí Chủ tịch UBND xã nhấn mạnh vai trò của Mặt trận.",
        "Trực tuyến từ điểm cầu huyện, các đại biểu theo dõi phiên khai mạc kỳ họp.",
    ],
)
def test_prose_is_kept(line):
    assert classify_line(line) is None


def test_long_line_is_prose_even_with_label_shape():
    line = "Địa chỉ: " + "thôn Đông, xã Quang Thành, thị xã Kinh Môn, " * 6
    assert classify_line(line) is None


def test_mask_digits():
    assert mask_digits("Lượt  xem: 1087\u00a0") == mask_digits("lượt xem: 24") == "lượt xem: 0"
    assert mask_digits("Tất cả: 12,943") == "tất cả: 0,0"


def _gold_by_title() -> dict[str, dict]:
    records = {}
    for line in (FIXTURES / "portals" / "gold.jsonl").read_text("utf-8").splitlines():
        record = json.loads(line)
        if "body" in record:
            records[record["title"]] = record
    return records


@pytest.mark.parametrize(
    ("seed", "author_lines", "views"),
    [("kimdong-hungyen-2020.txt", [], 24), ("quangthanh-haiduong-2023.txt", ["Thu Xuân"], None)],
)
def test_seed_page_reduces_to_gold_body(seed, author_lines, views):
    """The seed pages hold the whole visible text; the gold record holds the article."""
    lines = (FIXTURES / "seeds" / seed).read_text("utf-8").split("\n")
    gold = next(record for title, record in _gold_by_title().items() if title in lines)
    result = strip_boilerplate(lines, gold["title"])
    # The author's signature stays: separating it is the article parser's job.
    assert result.kept == [normalize_text(p) for p in gold["body"]] + author_lines
    assert result.view_count == views
    assert gold["views"] == views


def test_summary_repeating_title_with_ellipsis_is_dropped():
    title = "Hội nghị đối thoại với nhân dân"
    paragraphs = [
        "HỘI NGHỊ ĐỐI THOẠI VỚI NHÂN DÂN...",
        "Sáng 13/2, UBND xã Quang Thành tổ chức hội nghị đối thoại với nhân dân.",
    ]
    result = strip_boilerplate(paragraphs, title)
    assert result.kept == paragraphs[1:]
    assert result.removed == [(paragraphs[0], "repeats_title")]


def test_summary_that_adds_to_title_is_kept():
    title = "Hội nghị đối thoại với nhân dân"
    paragraphs = ["Hội nghị đối thoại với nhân dân về công tác giải phóng mặt bằng năm 2023."]
    assert strip_boilerplate(paragraphs, title).kept == paragraphs


def test_view_count_with_thousands_separator():
    result = strip_boilerplate(["Số lượt xem: 1.234", "Nội dung bài viết."], None)
    assert result.view_count == 1234
    assert result.kept == ["Nội dung bài viết."]


def test_related_block_needs_headlines_after_heading():
    """A "Tin khác" line followed by prose is only a removed heading, not a cut point."""
    prose = "Ông cho biết thêm, năm nay huyện sẽ tập trung vào chuyển đổi số trong nông nghiệp."
    result = strip_boilerplate(["Đoạn mở đầu của bài viết.", "Tin khác", prose], None)
    assert result.kept == ["Đoạn mở đầu của bài viết.", prose]


def test_template_learner_finds_repeated_lines():
    learner = TemplateLearner()
    host = "yenmo.ninhbinh.gov.vn"
    for number in range(4):
        learner.add_page(
            host,
            [
                f"Lượt truy cập: {1087015 + number}",
                "Bạn đang xem: Tin tức - Sự kiện",
                f"Bài viết số {number} có nội dung riêng về hội nghị thứ {number}.",
                f"Đoạn riêng thứ hai của bài số {number * 7}, không trùng ở trang nào.",
            ][: 3 + (number % 2)],
        )
    assert learner.is_template(host, "Lượt truy cập: 99")
    assert learner.is_template(host, "bạn đang xem:  tin tức - sự kiện")
    # Masked digits make the per-article line look alike, but not the varied wording.
    assert learner.is_template(host, "Bài viết số 9 có nội dung riêng về hội nghị thứ 9.")
    assert not learner.is_template(host, "Đoạn riêng thứ hai của bài số 7, không trùng.")
    assert not learner.is_template("kimson.ninhbinh.gov.vn", "Lượt truy cập: 99")


def test_template_learner_needs_enough_pages():
    learner = TemplateLearner(min_pages=3)
    learner.add_page("a.gov.vn", ["Bạn đang xem: Trang chủ"])
    learner.add_page("a.gov.vn", ["Bạn đang xem: Trang chủ"])
    assert not learner.is_template("a.gov.vn", "Bạn đang xem: Trang chủ")
    learner.add_page("a.gov.vn", ["Bạn đang xem: Trang chủ"])
    assert learner.is_template("a.gov.vn", "Bạn đang xem: Trang chủ")


def test_template_learner_memory_is_bounded():
    learner = TemplateLearner(max_lines_per_host=100)
    for page in range(300):
        learner.add_page("a.gov.vn", ["Menu chung của trang", f"dòng riêng {chr(0x4E00 + page)}"])
    assert len(learner._lines["a.gov.vn"]) <= 100
    assert learner.is_template("a.gov.vn", "Menu chung của trang")


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Chia sẻ: Facebook Zalo In bài viết", "share_print"),
        ("Like 0 Share Tweet", "share_print"),
        ("Cỡ chữ: A- A A+ | In | Quay lại", "share_print"),
        ("In bài viết Gửi email Quay lại Đầu trang", "share_print"),
        ("File đính kèm: Tải về", "attachment"),
        ("Tệp đính kèm: ke-hoach-so-12.pdf", "attachment"),
        ("Tập tin: Kế hoạch làm thủy lợi", "attachment"),
        ("Bao-cao-6-thang.docx (120 KB) Tải về", "attachment"),
        ("Tải về", "attachment"),
        ("Đã xem: 1.234", "view_counter"),
        ("👁 271", "view_counter"),
        ("Số lần xem: 5", "view_counter"),
        ("Tags: nông thôn mới, Kim Động", "tags"),
        ("Những tin cũ hơn", "related_heading"),
        ("Tin bài liên quan:", "related_heading"),
    ],
)
def test_rules_for_bars_attachments_counters(line, reason):
    assert classify_line(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "Chia sẻ kinh nghiệm nuôi bò sinh sản",
        "In",
        "Xem chi tiết tại file baocao.pdf.",
        "Số hồ sơ tiếp nhận | 1.250 | 1.102",
        "Quá hạn | 3 | 12",
    ],
)
def test_prose_and_table_rows_are_not_bars_or_widgets(line):
    assert classify_line(line) is None


def test_a_related_box_inside_the_text_goes_and_the_text_after_it_stays():
    paragraphs = [
        "Sáng 2/3, huyện tổ chức ra quân làm thủy lợi nội đồng.",
        "Tin liên quan:",
        "Huyện ra quân trồng cây đầu xuân (01/02/2024)",
        "Nạo vét kênh mương phục vụ sản xuất",
        "Toàn huyện nạo vét 120 km kênh mương trong đợt ra quân.",
    ]
    result = strip_boilerplate(paragraphs, "Ra quân làm thủy lợi")
    assert result.kept == [paragraphs[0], paragraphs[4]]
    assert [reason for _, reason in result.removed] == ["related_block"] * 3
