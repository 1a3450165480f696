"""Plain functions that keep error pages and markup out of the database."""

import pytest

from crawler.parsing.errors import error_page_reason
from crawler.text.markup import strip_markup


@pytest.mark.parametrize(
    "page",
    [
        "<html><body><h1>404 - Không tìm thấy trang</h1></body></html>",
        "<html><head><title>Lỗi 404</title></head><body><p>x</p></body></html>",
        '<div id="x"><h2 class="news-title">Trang bạn yêu cầu không tồn tại</h2></div>',
        "<h3>Bài viết không tồn tại hoặc đã bị xóa</h3>",
        "<h1>Page not found</h1>",
    ],
)
def test_error_pages_are_recognised_by_their_heading(page):
    assert error_page_reason(page).startswith("not found: the page says")


@pytest.mark.parametrize(
    "page",
    [
        "<h2>Quyết định 404/QĐ-UBND về thu hồi đất</h2><p>Nội dung</p>",
        "<h2>Hội nghị tổng kết</h2><p>Hộ kinh doanh không tồn tại trên thực tế bị xóa tên.</p>",
        "<h2>Hội nghị</h2><p>Người dân báo không tìm thấy trang thông tin cũ.</p>",
        "",
    ],
)
def test_articles_that_mention_the_words_are_not_error_pages(page):
    assert error_page_reason(page) is None


def test_markup_is_removed_and_paragraphs_kept():
    text = "Tiêu đề <b>đậm</b>\n\n<script>alert('x')</script>\n\n<!-- c -->Đoạn <a href='/'>hai</a>"
    assert strip_markup(text) == "Tiêu đề đậm\n\nĐoạn hai"


@pytest.mark.parametrize("text", ["a < b và c > d", "Giá 5<10 triệu", "Mũi tên -> kết quả", None])
def test_text_without_markup_is_unchanged(text):
    assert strip_markup(text) == text
