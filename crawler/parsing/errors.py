"""Recognise error pages that portals serve with HTTP 200 ("Không tìm thấy trang")."""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from crawler.parsing.html import parse_html, text_of

_NOT_FOUND = re.compile(
    r"không\s+tìm\s+thấy\s+(?:trang|nội\s+dung|bài\s+viết|tin\s+bài|dữ\s+liệu|đường\s+dẫn)"
    r"|(?:trang|bài\s+viết|tin\s+bài|nội\s+dung|đường\s+dẫn)(?:\s+bạn)?(?:\s+(?:yêu\s+cầu|"
    r"truy\s+cập|tìm|tìm\s+kiếm))?\s+(?:không\s+tồn\s+tại|đã\s+bị\s+xóa|đã\s+bị\s+xoá)"
    r"|page\s+not\s+found|^\W*(?:lỗi|error|http)?\W*404\b",
    re.IGNORECASE,
)
# Matched on the lower-cased page: an IGNORECASE scan of a whole page costs several times more.
_CANDIDATE = re.compile(r"không\s+tìm\s+thấy|không\s+tồn\s+tại|bị\s+xo|not\s+found|404")
# A heading longer than this is an article title that happens to use the words.
_MAX_HEADING = 120


def error_page_reason(page: str, root: HtmlElement | None = None) -> str | None:
    """Why ``page`` is an error page rather than content, or None; ``root`` is the page
    already parsed, if it was.

    Only the page title and headings are read: an article may quote "không tồn tại" in its
    text, but no article is titled "Trang bạn yêu cầu không tồn tại".
    """
    if not page or not _CANDIDATE.search(page.lower()):
        return None
    if root is None:
        root = parse_html(page)
    for element in root.iter("title", "h1", "h2", "h3", "h4"):
        heading = text_of(element)
        if heading and len(heading) <= _MAX_HEADING and _NOT_FOUND.search(heading):
            return f"not found: the page says {heading!r}"
    return None
