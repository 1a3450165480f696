"""Removal of portal furniture (counters, widgets, footers, related-news lists) from article
paragraphs.

Rules match whole short lines: a label with its value ("Lượt xem: 24"), a counter shape
("271 lượt xem") or a widget caption ("Ý kiến bạn đọc"). A keyword inside a sentence is
never enough, and long lines are always prose.
"""

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from crawler.text.normalize import normalize_text

# Lines longer than this are article prose whatever they contain.
MAX_BOILERPLATE_WORDS = 25
# A number after mask_digits: "1.234" → "0.0", "12,943" → "0,0".
_N = r"0(?:[.,]0)*"
_SEP = r"\s*[:：]?\s*"

_RULES: list[tuple[str, str]] = [
    ("view_counter", rf"(?:số )?lượt (?:xem|đọc){_SEP}(?:{_N})?(?: lượt)?"),
    ("view_counter", rf"(?:{_N}) (?:lượt|lần) (?:xem|đọc)"),
    ("view_counter", rf"(?:👁|👀|đã xem|số lần xem|lần xem|views?){_SEP}(?:{_N})(?: lượt)?"),
    ("view_counter", rf"(?:{_N}) views?"),
    ("site_counter", rf"(?:{_N} )?người đang (?:online|truy cập|trực tuyến)"),
    (
        "site_counter",
        r"(?:đang (?:truy cập|online)|trực tuyến|online|hôm nay|hôm qua|tuần này|tháng này"
        r"|tất cả|tổng(?: số)?(?: lượt)? truy cập|lượt truy cập|số lượt truy cập"
        rf"|lượt người truy cập){_SEP}(?:{_N})?",
    ),
    ("site_counter", r"thống kê(?: lượt)? truy cập"),
    (
        "related_heading",
        r"(?:tin mới nhất|tin mới|tin liên quan|tin khác|các tin khác|các tin đã đưa|tin đã đưa"
        r"|tin cùng chuyên mục|bài viết liên quan|các bài viết khác|xem thêm|tin tức khác"
        r"|tin bài liên quan|tin bài khác|bài liên quan|bài viết khác|bài viết cùng chuyên mục"
        r"|những tin mới hơn|những tin cũ hơn|các tin mới hơn|các tin cũ hơn|tin đã đăng"
        r"|theo dòng sự kiện|đọc thêm|các tin tức khác|tin cùng loại|có liên quan"
        r"|tin có liên quan|bài viết có liên quan)\s*:?",
    ),
    ("rating", r"đánh giá (?:cho )?bài viết.{0,40}"),
    ("rating", rf"(?:{_N}) điểm\s*\(\s*(?:{_N}) (?:đánh giá|lượt đánh giá)\s*\)"),
    ("font_size", rf"(?:a-\s*)?(?:{_N})\s*%(?:\s*a\+)?"),
    ("font_size", r"(?:cỡ chữ|phóng to|thu nhỏ|a-|a\+|a- a\+)"),
    (
        "share_print",
        r"(?:in bài viết|in trang|bản in|in bài|chia sẻ|gửi email|gửi e-mail|gửi bài viết"
        r"|gửi cho bạn bè|lưu bài viết|quay lại|trở về|về đầu trang|đầu trang|print|share"
        r"|tweet|like)(?:\s*[|/•·]\s*(?:in bài viết|chia sẻ|gửi email|quay lại|đầu trang))*",
    ),
    (
        "comment_form",
        r"(?:ý kiến bạn đọc|gửi ý kiến|ý kiến của bạn|bình luận|gửi bình luận|viết bình luận"
        r"|họ và tên|họ tên|mã xác nhận|mã bảo mật|nhập mã|nội dung ý kiến)\s*[:*]?\s*\*?",
    ),
    (
        "footer",
        r"(?:trưởng ban biên tập|phó trưởng ban biên tập|ban biên tập|tổng biên tập"
        r"|(?:người )?chịu trách nhiệm(?: chính| nội dung| xuất bản)?|địa chỉ|điện thoại|đt"
        r"|tel|hotline|e-?mail|fax|website|cơ quan chủ quản|đơn vị quản lý|giấy phép(?: số)?)"
        r"\s*[:：].{0,150}",
    ),
    ("footer", r"(?:bản quyền thuộc|bản quyền|©|copyright)\b.{0,150}"),
    ("footer", r"(?:cơ quan chủ quản|chịu trách nhiệm nội dung)\b.{0,150}"),
    ("footer", r".{0,120}ghi rõ nguồn.{0,120}"),
    ("tthc_widget", r"kết quả giải quyết (?:tthc|thủ tục hành chính)"),
    ("tthc_widget", r"tình hình giải quyết hồ sơ"),
    (
        "tthc_widget",
        r"(?:số hồ sơ(?: xử lý| tiếp nhận| đã giải quyết)?|trước (?:&|và) đúng hạn|đúng hạn"
        r"|trước hạn|trễ hạn|quá hạn|t[ỉỷ] lệ (?:trễ|đúng|quá) hạn|đã giải quyết|đang giải quyết"
        rf"|đã tiếp nhận){_SEP}(?:{_N})?\s*%?",
    ),
    ("tthc_widget", r"\(?\s*cập nhật lúc\s*:?.{0,40}\)?"),
    ("tthc_widget", rf"đến tháng {_N} đã giải quyết\s*:?"),
    (
        "portal_link",
        r"(?:một cửa điện tử|văn bản điện tử|văn bản mới|công khai gửi nhận văn bản"
        r"|dịch vụ công(?: trực tuyến)?|hỏi đáp|sơ đồ (?:trang|cổng)|liên hệ|trang chủ"
        r"|đăng nhập|chi tiết|thư điện tử công vụ|lịch công tác)",
    ),
    ("poll", r"(?:bình chọn|biểu quyết|thăm dò ý kiến|kết quả|xem kết quả)"),
    ("poll", r"bạn (?:quan tâm|thấy|đánh giá|biết).{0,100}\?"),
    ("url", r"(?:https?://|www\.)\S+"),
    (
        "date",
        r"\(?\s*(?:(?:đăng )?ngày(?: đăng)?\s*:?\s*)?(?:(?:thứ \w+|chủ nhật)\s*,?\s*)?"
        r"0\s*[/.-]\s*0\s*[/.-]\s*0(?:\s+0:0(?::0)?(?:\s*(?:sa|ch|am|pm))?)?\s*\)?",
    ),
    ("welcome", r"chào mừng (?:bạn|quý vị|quý khách) đến với\b.{0,120}"),
    ("attachment", r"(?:file|tệp|tập tin|tệp tin|tài liệu|văn bản) đính kèm\s*:?.{0,200}"),
    ("attachment", r"(?:file|tệp|tập tin|tệp tin)\s*:.{0,200}"),
    (
        "attachment",
        r"(?:tải về|tải xuống|download|tải file|tải tệp|xem file|xem tệp|xem trực tuyến)"
        r"(?:\s*[|/•·:-]?\s*(?:tải về|tải xuống|download|xem))*",
    ),
    # A file name alone, maybe with its size and a download word ("Bao-cao.pdf (120 KB) Tải về").
    (
        "attachment",
        r"[^.]{0,150}\.(?:pdf|docx?|xlsx?|pptx?|zip|rar|7z|odt|ods)"
        r"(?:\s*\(?\s*0(?:[.,]0)?\s*(?:kb|mb|bytes?)\s*\)?)?"
        r"(?:\s*[|:-]?\s*(?:tải về|tải xuống|download|xem))*",
    ),
    ("tags", r"(?:tags?|từ khóa|từ khoá)\s*:.{0,200}"),
]
# All rules in one pattern, tried in order by the regex engine: a line is matched once, not
# once per rule (a page of 20,000 tiny lines spent most of its time looping over rules).
# Each rule is a named group ``r<index>``; none of them captures.
_ANY_RULE = re.compile("|".join(f"(?P<r{i}>{pattern})" for i, (_, pattern) in enumerate(_RULES)))
_RULE_REASONS = {f"r{i}": reason for i, (reason, _) in enumerate(_RULES)}
# The same rules without the named groups, to tell most lines (which match none) at 60% of
# the cost: a branch that opens with a group is entered before its first letter is checked.
_SOME_RULE = re.compile("|".join(f"(?:{pattern})" for _, pattern in _RULES))
_SITE_TITLE = re.compile(r"(?:trang|cổng) thông tin điện tử\b")
_HAS_LETTER = re.compile(r"[^\W\d_]")
_HEADING_REASONS = {"related_heading"}
_VIEW_NUMBER = re.compile(r"\d[\d.,\s]*\d|\d")
# At most this many headlines follow a related heading inside the text.
_MAX_INNER_RELATED = 8


# The words of share, print, font-size and back bars, as portals print them in one line
# ("Chia sẻ: Facebook Zalo In bài viết", "Like 0 Share Tweet", "Cỡ chữ: A- A A+ | In | Quay lại").
_SHARE_WORDS = re.compile(
    r"(?<!\w)(?:chia sẻ(?: bài viết| lên| qua)?|share(?: this)?|facebook|zalo|twitter|linkedin"
    r"|pinterest|telegram|messenger|tweet|like|thích|e-?mail|gửi (?:e-?mail|bài viết|cho bạn bè"
    r"|tin|bài)|in bài viết|in bài|in trang|in ra|bản in|print|lưu bài viết|lưu bài|lưu tin"
    r"|lưu|quay lại|trở về|trở lại|(?:về|lên) đầu trang|đầu trang|cỡ chữ|phóng to|thu nhỏ"
    r"|sao chép liên kết|copy link|in|a-|a\+|a|x|0\s*%|0)(?!\w)"
)
# Words that make a line a share bar on their own; "in", "a", "x" alone are not enough.
_SHARE_STRONG = re.compile(
    r"chia sẻ|share|facebook|zalo|twitter|tweet|e-?mail|in bài|in trang|bản in|print|lưu bài"
    r"|quay lại|đầu trang|cỡ chữ|a-|a\+"
)
_SHARE_REST = re.compile(r"[\s|/•·:,;()\[\]-]*")


def _only_share_words(masked: str) -> bool:
    """A line made only of share/print/font-size/back words and separators."""
    if not _SHARE_STRONG.search(masked):
        return False
    return _SHARE_REST.fullmatch(_SHARE_WORDS.sub(" ", masked)) is not None


def mask_digits(line: str) -> str:
    """Line with every digit run as "0", spaces collapsed, lower-cased and NFC, so that
    "Lượt xem: 24" and "Lượt xem: 1.087" compare equal."""
    line = unicodedata.normalize("NFC", line).lower()
    # str.split() splits on what \s matches: the spaces collapsed without a second regex.
    return " ".join(_DIGITS.sub("0", line).split())


_DIGITS = re.compile(r"\d+")


@lru_cache(maxsize=8192)
def classify_line(line: str) -> str | None:
    """Reason why a line is not article text, or None when it may be.

    Cached: the parsers, the fallback and the boilerplate pipeline ask about each line of
    a page several times, and furniture lines recur on every page of a portal."""
    if len(line.split()) > MAX_BOILERPLATE_WORDS:
        return None  # prose: masking keeps the word count, so no need to mask it
    return _classify_masked(mask_digits(line))


@lru_cache(maxsize=4096)
def _classify_masked(masked: str) -> str | None:
    """classify_line of a masked line; cached, as furniture lines repeat on every page."""
    if not masked:
        return "empty"
    words = masked.split()
    if len(words) > MAX_BOILERPLATE_WORDS:
        return None
    if _SOME_RULE.fullmatch(masked) and (matched := _ANY_RULE.fullmatch(masked)):
        return _RULE_REASONS[matched.lastgroup]
    if _only_share_words(masked):
        return "share_print"
    if not _HAS_LETTER.search(masked):
        return "no_text"
    if _SITE_TITLE.match(masked) and len(words) <= 14 and not masked.endswith("."):
        return "site_title"
    return None


@dataclass
class StripResult:
    """Paragraphs kept as article text, those removed with their reason, and the view count
    read from a removed counter line."""

    kept: list[str]
    removed: list[tuple[str, str]] = field(default_factory=list)
    view_count: int | None = None


def _comparable(text: str) -> str:
    """Text reduced to its lower-case words, for "same as the title" checks."""
    text = unicodedata.normalize("NFC", text).lower()
    return " ".join(re.findall(r"\w+", text))


def _is_normal(paragraph: str) -> bool:
    """``paragraph`` is as normalize_text leaves it: printable (no line break, tab, control
    or space but U+0020), single-spaced, stripped, NFC. Parsers' paragraphs are: the check
    costs a tenth of normalising each of a page's thousands of lines again."""
    return (
        paragraph.isprintable()
        and "  " not in paragraph
        and paragraph[:1] != " "
        and paragraph[-1:] != " "
        and unicodedata.is_normalized("NFC", paragraph)
    )


def _is_headline_like(line: str) -> bool:
    """A line in a "related news" list: short and not ending like a sentence."""
    stripped = line.rstrip()
    ends_sentence = stripped.endswith((".", "!", "?", ":", ";")) and not stripped.endswith(
        ("...", "…")
    )
    # No more characters than that is no more words: most lines need no split.
    return not ends_sentence and (len(stripped) <= 35 or len(stripped.split()) <= 35)


def _parse_view_count(line: str) -> int | None:
    match = _VIEW_NUMBER.search(line)
    if not match:
        return None
    return int(re.sub(r"[.,\s]", "", match.group()))


def _related_block_start(paragraphs: list[str], reasons: list[str | None]) -> int | None:
    """Index of the first "Tin mới nhất"-like heading after which only headlines and
    furniture follow, or None. ``reasons`` are the paragraphs' classify_line; one pass from
    the end, so a page of many headings costs its length, not its length squared."""
    start = None
    for index in range(len(paragraphs) - 1, -1, -1):
        if reasons[index] in _HEADING_REASONS and index + 1 < len(paragraphs):
            start = index
        if not (reasons[index] or _is_headline_like(paragraphs[index])):
            break  # no heading before this line has only headlines after it
    return start


def _inner_related_blocks(paragraphs: list[str], reasons: list[str | None]) -> set[int]:
    """Indexes of "Tin liên quan" boxes inside the text: a related heading and the run of
    headlines after it (prose follows them, so they are not the trailing block)."""
    dropped: set[int] = set()
    for index, reason in enumerate(reasons):
        if reason not in _HEADING_REASONS:
            continue
        run = index + 1
        while run < len(paragraphs) and run - index <= _MAX_INNER_RELATED:
            if reasons[run] in _HEADING_REASONS or not _is_headline_like(paragraphs[run]):
                break
            run += 1
        if run > index + 1:
            dropped.update(range(index, run))
    return dropped


def strip_boilerplate(paragraphs: list[str], title: str | None) -> StripResult:
    """Separate article paragraphs from portal furniture.

    Also drops the paragraphs up to a leading copy of the title (category label, title,
    summary that repeats it) and a trailing related-news block."""
    paragraphs = [p if _is_normal(p) else normalize_text(p) for p in paragraphs]
    paragraphs = [p for p in paragraphs if p]
    result = StripResult(kept=[])

    if title:
        wanted = _comparable(title)
        last_copy = None
        for index, paragraph in enumerate(paragraphs[:4]):
            if _comparable(paragraph) == wanted:
                last_copy = index
        if last_copy is not None:
            for paragraph in paragraphs[: last_copy + 1]:
                reason = "repeats_title" if _comparable(paragraph) == wanted else "before_title"
                result.removed.append((paragraph, reason))
            paragraphs = paragraphs[last_copy + 1 :]

    reasons = [classify_line(paragraph) for paragraph in paragraphs]
    block_start = _related_block_start(paragraphs, reasons)
    end = block_start if block_start is not None else len(paragraphs)
    tail = paragraphs[end:]
    body, reasons = paragraphs[:end], reasons[:end]
    inner = _inner_related_blocks(body, reasons)
    result.removed.extend((body[i], "related_block") for i in sorted(inner))

    for index, (paragraph, reason) in enumerate(zip(body, reasons, strict=True)):
        if index in inner:
            continue
        if reason is None:
            result.kept.append(paragraph)
            continue
        result.removed.append((paragraph, reason))
        if reason == "view_counter" and result.view_count is None:
            result.view_count = _parse_view_count(paragraph)
    result.removed.extend((paragraph, "related_block") for paragraph in tail)
    return result


class TemplateLearner:
    """Learns the lines a host repeats on most of its pages (menus, footers, widgets that no
    rule knows yet).

    Each host keeps at most `max_lines_per_host` distinct masked lines; when full, lines
    seen least often are forgotten first, which keeps memory bounded without losing the
    frequent ones."""

    def __init__(self, min_share: float = 0.5, min_pages: int = 3, max_lines_per_host: int = 5000):
        self.min_share = min_share
        self.min_pages = min_pages
        self.max_lines_per_host = max_lines_per_host
        self._pages: Counter[str] = Counter()
        self._lines: dict[str, Counter[str]] = {}

    def add_page(self, host: str, paragraphs: list[str]) -> None:
        counts = self._lines.setdefault(host, Counter())
        self._pages[host] += 1
        for line in {mask_digits(p) for p in paragraphs}:
            if line:
                counts[line] += 1
        if len(counts) > self.max_lines_per_host:
            self._prune(counts)

    def _prune(self, counts: Counter[str]) -> None:
        keep = self.max_lines_per_host // 2
        for line, _ in counts.most_common()[keep:]:
            del counts[line]

    def is_template(self, host: str, line: str) -> bool:
        pages = self._pages[host]
        if pages < self.min_pages:
            return False
        seen = self._lines.get(host, Counter())[mask_digits(line)]
        return seen / pages >= self.min_share
