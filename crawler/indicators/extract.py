"""Find quantitative socio-economic indicators in Vietnamese article text.

The extractor works sentence by sentence on NFC text. Decisions worth knowing:

* A number becomes an indicator only when a unit follows it: ``%``, money (``đồng``, ``đ``,
  ``VNĐ``, or ``triệu/tỷ`` after an income/value/budget subject), a physical unit (km, ha,
  kg …), ``lần`` or a counted noun from :mod:`.vocabulary`. Money is stored in đồng.
* Never indicators: dates and times, document numbers ("số 39", "12-NQ/TW"), ordinals
  ("lần thứ XXV", "khóa 12", "loại 3", "con thứ 3"), year ranges and terms ("nhiệm kỳ
  2020-2025"), bare years, durations and ages ("5 năm", "60 tuổi"), phone numbers, codes
  ("Covid-19", "K85"), denominators ("trên 1 ha", "/1 vạn dân"), counts of plan items
  ("4 nhiệm vụ đột phá", "9 chỉ tiêu") and meeting attendance ("Dự hội nghị có … 27 xã").
* A ratio "23/23 xã" is value 23 with ``total`` 23 and unit "xã"; it is also how a count of
  plan items ("15/18 chỉ tiêu") survives, because then it measures fulfilment.
* ``kind`` is "target" when a target cue (phấn đấu, mục tiêu, chỉ tiêu, kế hoạch, dự kiến,
  đến năm …) precedes the number in its clause, or when a lead-in such as "Phấn đấu đến năm
  2025:" opened a target block earlier in the paragraph; an actual cue (ước đạt, đã, hiện
  nay, đến nay) after the cue turns it back. Comparisons ("vượt kế hoạch", "bằng 123% dự
  toán") are not cues.
* ``change`` is true for "tăng/giảm X" (a decrease is negative); "giảm còn", "tăng lên" give
  a level. "tăng gấp 2,5 lần" is a change with unit "lần".
* ``year`` is the nearest stated year before the number (or after it, in its clause), not a
  comparison base ("so với năm 2015"); a list "năm 2020 và 2021 là 1%" yields one row per year,
  "năm 2020, 2021 lần lượt là 1% và 2%" pairs them.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from typing import NamedTuple

from .catalogue import canonical_name, catalogue_code
from .frames import (
    NO_FRAME,
    NOT_RANKED,
    TABLE_CELL_SEPARATOR,
    TERM,
    Frame,
    frame_of,
    read_units,
)
from .model import Indicator
from .numbers import MULTIPLIERS, NUMBER, parse_number, scale
from .text import normalise
from .vocabulary import (
    ADMINISTRATIVE_UNITS,
    COUNT_NOUNS,
    CURRENCY_WORDS,
    DENOMINATOR_UNITS,
    FOREIGN_CURRENCIES,
    MEASURE_UNITS,
    MONEY_CUES,
    PLAN_UNITS,
    QUALIFIERS,
    STORED_AS,
    SUBJECT_HEADS,
    TIME_UNITS,
    UNIT_ALIASES,
)


def _word_starting(*words: str, not_after: tuple[str, ...] = ()) -> str:
    r"""``(?:w1|w2|…)`` matching each word only where a word starts (``\b`` before it) and not
    right after the words ``not_after`` ("bộ "), written so that the regex engine skips
    straight to the words' first letters: a pattern that opens with ``\b`` or a look-behind
    is tried at every position, several times slower. A word may end in a regex tail after a
    "~" ("dự kiến~(?! vượt)")."""
    branches = []
    for word in words:
        literal, _, tail = word.partition("~")
        head = re.escape(literal)
        lookbehinds = "".join(rf"(?<!{re.escape(before)}{head})" for before in not_after)
        branches.append(rf"{head}(?<!\w{head}){lookbehinds}{tail}")
    return "(?:" + "|".join(branches) + ")"


def _number_not_after(marks: str) -> str:
    """NUMBER not preceded by a word character or one of ``marks``, the check made after its
    first digit so that the regex engine skips straight to digits (as _word_starting)."""
    marks = re.escape(marks)
    return rf"\d(?<![\w{marks}]\d)(?:\d{{0,2}}(?:\.\d{{3}})+(?:,\d+)?|\d*(?:,\d+)?)"

YEAR = r"(?:19|20)\d{2}"
_DIGIT = re.compile(r"\d")
_LETTERS = re.compile(r"[^\W\d_]{2}")

_TOKEN = re.compile(
    rf"(?P<a>{_number_not_after('.,/-')})(?:\s*(?:-|–|—|đến|tới)\s*(?P<b>{NUMBER})"
    rf"|%\s*(?:-|–|—|đến|tới)\s*(?P<c>{NUMBER})(?=\s*%))?(?!\d)"  # "từ 8,02% đến 10,12%"
)
_RATIO = re.compile(rf"({_number_not_after('/.,')})\s?/\s?({NUMBER})(?![\w/]|[.,]\d)")
# The plan written after an actual: "23,4%/KH 24,5-25,5%", "38.198 tấn (KH: 41.000 tấn)".
_PLAN_AFTER = re.compile(
    rf"\s*(?:/|\(|,)?\s*(?:kh|kế hoạch|nq|nghị quyết|chỉ tiêu)\s*:?\s*(?P<a>{NUMBER})"
    rf"(?:\s*[-–—]\s*(?P<b>{NUMBER}))?"
)
_OVER_PLAN = re.compile(rf"\s*/\s*({NUMBER})(?!\s*/)")
# A share of the plan: "đạt 101,6% kế hoạch", "bằng 117,31% dự toán", "vượt 74% mục tiêu".
PLAN_SHARE_UNIT = "% kế hoạch"
POINTS_UNIT = "điểm phần trăm"
_PLAN_REFERENCE = re.compile(
    r"\s*(?:/\s*)?(?:so với\s+|so\s+|của\s+)?(?:tổng\s+)?"  # "45,27%/tổng kế hoạch" too
    r"(?:kế hoạch|kh\b|dự toán|mục tiêu|chỉ tiêu|kịch bản|"
    r"(?:số\s+)?vốn\s+(?:được\s+)?giao|nhiệm vụ thu\b|"
    r"nghị quyết|nq\b)"
)
_REFERENCE_PHRASE = re.compile(r"(?:(?!\s(?:và|tăng|giảm|đạt|bằng|vượt)\b)[^,;.()\d])*")
_SHARE_VERB = re.compile(
    r"\b(vượt|tăng|giảm|thấp hơn|cao hơn)\s+(?:mức\s+|so với\s+)?"
    r"(?:gần\s+|hơn\s+|khoảng\s+|trên\s+)?$"
)
# "16 tỷ 434 triệu đồng", "1 tỷ 500 triệu", "2 triệu 500 nghìn đồng".
_COMPOUND = re.compile(
    rf"({_number_not_after('.,')})\s*(tỷ|tỉ|triệu)\s+({NUMBER})\s*(?=(?:triệu|nghìn|ngàn)\b)"
)
_MONEY_UNITS = frozenset({"VND", *FOREIGN_CURRENCIES.values()})
_ACTUALS_IN_BRACKET = re.compile(
    rf"\s*(?:thực hiện|th\b|kết quả|ước|đạt|đã|hiện nay|năm\s+{YEAR}\s*(?:là|đạt|:|,|giảm|tăng))"
)
# A plan in brackets after the actual: "(kế hoạch tăng 10,6%)", "(kịch bản 9%)", "(kế hoạch
# thu hút 3 tỷ USD)": the plan's word, then at most two words of what it plans.
_PLAN_IN_BRACKET = re.compile(
    r"\(\s*(?:kế hoạch|kh|nq|nghị quyết|chỉ tiêu|mục tiêu|kbtt"
    r"|kịch bản(?: tăng trưởng)?(?:\s*\(\s*kbtt\s*\))?)"  # "(kịch bản tăng trưởng (KBTT): 7,87%)"
    r"\s*(?:đề ra|giao)?\s*:?\s*"
    r"(?:tăng|giảm|đạt|là|[^\W\d_]+(?:\s+[^\W\d_]+)?)?\s*(?:trên|dưới|khoảng)?\s*"
)
# "chưa đạt kịch bản đề ra (8,96-9,61%)": the plan named before a bracket holding only it
_PLAN_BEFORE_BRACKET = re.compile(
    r"\b(?:kế hoạch|kh|nghị quyết|nq|mục tiêu|kịch bản|chỉ tiêu|vốn)"
    r"(?:\s+(?:đề ra|đặt ra|giao|được giao|năm))?\s*$"
)
_PLAN_NAMED_BEFORE_BRACKET = re.compile(
    r"\b(?:kế hoạch|kịch bản|mục tiêu|chỉ tiêu|dự toán)(?:\s+[^\W\d]+){0,4}\s*$"
)
_BARE_BRACKET = re.compile(r"\(\s*(?:trên|dưới|khoảng|hơn|gần)?\s*")
_PLAN_OWNER_REACH = 3  # figures back to the actual a bracketed plan belongs to
# A target cue opening a sentence of ";"-separated clauses governs all of them: "tỉnh phấn
# đấu tốc độ tăng trưởng … đạt 10%; thu ngân sách bình quân tăng 12%; …".
# "Bám sát nhiệm vụ, chỉ tiêu đề ra, tốc độ tăng trưởng đạt 11%; …": results that followed
# the targets set, not the targets.
_FOLLOWING_TARGETS_BEFORE = re.compile(r"\b(?:bám sát|căn cứ)\b[^;.]{0,30}$")
_GOVERNING_TARGET = re.compile(
    rf"\b(?:phấn đấu|mục tiêu|chỉ tiêu{NOT_RANKED}|đề ra)\b|^\s*đến năm {YEAR}\b"
)
_STATED_TARGET = re.compile(r"\s*(?:đề ra|đặt ra|được giao|giao)?\s*(?:là|đạt|:)?\s*")
_HAS = re.compile(r"\bcó\b")
_LABEL = re.compile(  # "Khu vực 1 (nông, lâm và thủy sản): 22.115 tỷ đồng": glosses in brackets
    r"^\s*(?:[-–+•*]\s*|\(?\d{1,2}[.)]\s*)?([^:;()\d](?:[^:;()]|\([^():;]{1,60}\)){2,90}?)"
    r"\s*:\s*\S"
)
# What a unit may carry after it and the figure still owns: "triệu đồng/người/năm".
_PER_SUFFIX = re.compile(r"(?:\s*/\s*(?:người|năm|tháng|hộ|khẩu|lao động|xã|thôn|ha))+")
# Sentences about a span or the present: an earlier sentence's year does not carry into them.
# "Tổng vốn đầu tư toàn xã hội 5 năm đạt …", "sau 3 năm": a span of years ("tháng 10 năm
# 2025" is none).
_SPAN_OF_YEARS = r"(?<!tháng )(?<!ngày )\b\d{1,2}\s+năm\b(?!\s*(?:19|20)\d\d)"
# Each pattern opens with literal text, which the regex engine skips to (a leading "\b" or
# look-behind is tried at every position); what precedes a match is checked after it.
_SPAN_OR_PRESENT = re.compile(
    _word_starting(
        "nhiệm kỳ", "giai đoạn", "thời kỳ", "từ năm", "hiện nay", "hiện tại", "đến nay",
        "những năm", "các năm", r"trong~ \d+ năm",
    )
    + r"\b"
)
# "HĐND xã khóa I, nhiệm kỳ 2021-2026 …": the term of the body that meets
_BODY_TERM_BEFORE = re.compile(r"\b(?:khóa|khoá)\s+[ivxlc\d]+\s*,?\s*$")
_TERM_OPENING = re.compile(rf"\s*(?:trong\s+)?{TERM}\s*,")
_SINGLED_OUT_BEFORE = re.compile(
    r"\b(?:riêng|dù|mặc dù|trong khi)\s+(?:trong\s+)?(?:năm\s+)?$"  # "…, dù năm 2023 …"
)
# totals of several years: "Tính chung ba năm 2021 - 2023, …"
_YEARS_TOTALLED = re.compile(rf"năm\s+(?:qua\s+)?\(?{YEAR}\s*[-–—]\s*{YEAR}")
_COUNT_OF_YEARS_BEFORE = re.compile(r"\b(?:hai|ba|bốn|năm|sáu|\d+)\s+$")
_YEARS_COUNTED = re.compile(r"\d\d?\s+năm\b(?!\s*(?:19|20)\d\d)")
# A target over a term is a target for its last year: "giai đoạn 2021 - 2025 đạt 9,2-10%".
# ", đến năm 2025 đạt 126 triệu đồng": a year that opens the next figure's clause.
_NEXT_TARGET_YEAR = re.compile(r"(?:đến|tới|trước|vào)\s+(?:cuối\s+)?(?:năm\s+)?$")
_AT_LEAST_CHANGE = re.compile(r"\b(tăng|giảm)\s+từ\s*$")
_YEAR_AFTER = re.compile(
    rf"\s*(?:(?:năm|vào năm|trong năm|cuối năm|(?:của|trong)\s+cùng kỳ(?:\s+năm)?"
    # "cao hơn mức 5,03% của quý I/2024", "… của năm 2024": the period compared with
    rf"|của\s+năm)\s+|của\s+(?:quý\s+[ivx]{{1,3}}|\d{{1,2}}\s+tháng(?:\s+đầu)?)(?:\s+năm\s+|\s*/\s*))"
    rf"({YEAR})(?!\d)"
)
# "cao hơn mức tăng 8,49% của cùng kỳ năm 2024": a figure only compared with, last year's
_LAST_YEAR_BRACKET = re.compile(
    r"\s*cùng kỳ(?:\s+năm trước)?\s*(?:tăng|giảm|đạt|là|:)?\s*(?:trên|dưới|khoảng|gần|hơn)?\s*"
)
_COMPARED_WITH = re.compile(r"\b(?:cao|thấp|nhiều|ít)\s+hơn\s+(?:mức\s+)?(?:tăng\s+|giảm\s+)?$")
_SHARE_BEFORE_CUE = re.compile(
    r"\d\s*(?:%|lần)\s*(?:/\s*)?(?:so với\s+|so\s+|của\s+)?(?:tổng\s+)?$"
)
# A term or span of years ("giai đoạn 2021-2025"): never a figure, and its years are no one's.
# "19"/"20" first, then the check that no digit precedes it (see _BLOCKED)
_YEAR_RANGE = re.compile(rf"((?:19|20)(?<!\d..)\d{{2}})\s*[-–—]\s*({YEAR})(?!\d)")
# Phone numbers and long codes: scanned only in sentences with eight digits in a row.
_LONG_DIGIT_RUN = re.compile(r"\d(?:[ .]?\d){7}")
_LONG_NUMBERS = [
    re.compile(r"(?<![\d,.])(?:\+84|0)\d(?:[ .]?\d){7,10}(?!\d)"),
    re.compile(r"\d{9,}"),
]
# Numbers that are not figures (dates, times, document numbers...), each with the
# substrings one of which every match contains: a sentence without them skips the scan.
_BLOCKED = [
    (re.compile(pattern), cues)
    for pattern, cues in (
        # each opens with a digit or a word the engine can skip to; the check of what comes
        # before it follows the first character (a leading look-behind or "\b" is tried at
        # every position)
        (r"\d(?<![\w/]\d)\d?/\d{1,2}/\d{2,4}(?!\d)", ("/",)),  # 16/6/2020
        (r"\d(?<![\w/.,]\d)\d?\s*-\s*\d{1,2}\s*-\s*\d{4}", ("-",)),  # 18 - 06 - 2020
        (
            r"ngày(?<!\wngày)\s+\d{1,2}(?:\s*(?:,|và|-|–|đến)\s*\d{1,2})*"
            r"(?:/\d{1,2}(?:/\d{2,4})?)?",
            ("ngày",),
        ),
        (r"tháng(?<!\wtháng)\s+\d{1,2}(?!\d|[.,]\d{3})", ("tháng",)),  # not "9 tháng 41.200 tấn"
        (r"quý(?<!\wquý)\s+\d", ("quý",)),
        (r"\d(?<!\d\d)\d?:\d{2}(?::\d{2})?", (":",)),  # 8:51
        (r"\d\d*[-/](?:[a-zđ]+[-/.]?)*[a-zđ]{2,}[\w/.-]*", ("-", "/")),  # 12-NQ/TW, 39/CT-TTg
        (r"covid\s*-?\s*19|sars-cov-2", ("covid", "sars")),
        # a map's scale, "tỷ lệ 1/500"
        (r"t(?<!\wt)[ỷỉ]\s*lệ\s+1\s*[/:]\s*\d[\d.]*", ("1/", "1 /")),
        # an exchange rate: "(tỷ giá quy đổi 23.500 đồng/USD)"
        (r"t(?<!\wt)[ỷỉ] giá[^,;.\d]{0,20}\d[\d.,]*", ("tỷ giá", "tỉ giá")),
        (r"\d(?<!\w\d)\.0\b(?!\s*%)", (".0",)),  # "công nghiệp 4.0"
        # a conscription quota met ("hoàn thành 100% chỉ tiêu tuyển quân", "giao, nhận quân
        # đạt 100% chỉ tiêu"): a defence duty, no socio-economic figure
        (
            r"\d[\d.,]*\s*%\s*chỉ tiêu\s+(?:tuyển|gọi|giao)[^;.]{0,40}?(?:quân|nhập ngũ)"
            r"|(?:giao|nhận|tuyển)\s*(?:,\s*nhận\s*)?quân[^,;.\d]{0,30}\d[\d.,]*\s*%",
            ("quân", "nhập ngũ"),
        ),
    )
]
# Numbers that are not figures, told by what touches them, checked at each number (a scan of
# the sentence per pattern cost more): clock times "8h30", ordinals and numbered things "lần
# thứ 3", "khóa 12", "số 39", "quốc lộ 5", "tổ 7" (but "dân số 19.883 người", "tổng số 120 hộ"
# are counts).
_CLOCK_AT = re.compile(r"\d{1,2}h\d{0,2}\b")
_ORDINAL_BEFORE = re.compile(
    _word_starting(
        "lần", "khóa", "khoá", "kỳ", "kì", "thứ", "số~(?<!dân số)(?<!tổng số)",
        "loại~(?<!các loại)(?<!mọi loại)", "hạng", "cấp độ", "mức độ", "đợt", "phiên", "điều",
        "khoản", "chương", "chương trình", "đề án", "lô", "thửa", "quốc lộ", "ql", "tỉnh lộ",
        "đt", "tổ", "xóm", "khu", "phố", "phòng", "đường", "mục", "bài", "trang", "tầng", "nhóm",
        "top", "tốp",
    )
    + r"\s+(?:thứ\s+)?$"
)
# the field of a rank: "đứng thứ ba trong 9 tỉnh vùng …", "xếp thứ 2 trên 34 tỉnh"
_RANK_FIELD_BEFORE = re.compile(
    r"\bthứ\s+(?:\d+|[^\W\d]+)\s+(?:trong|trên)\s+(?:số\s+)?(?:các\s+)?$"
)
_ORDINAL_REACH = 24


def _numbered_thing(low: str, position: int) -> bool:
    """Whether the number starting at ``position`` is a clock time or an ordinal."""
    start = max(0, position - _ORDINAL_REACH)
    return bool(
        _CLOCK_AT.match(low, position)
        or _ORDINAL_BEFORE.search(low, start, position)
        or (
            low.find("thứ", start, position) >= 0
            and _RANK_FIELD_BEFORE.search(low, start, position)
        )
    )


# Delegates and comrades counted are a meeting's or an elected body's make-up ("Có mặt 398/398
# đại biểu", "bầu 15 đồng chí vào Ban Chấp hành"), never a figure of the territory.
_MEETING_NOUNS = frozenset({"đại biểu", "đồng chí", "phiếu"})
# The make-up of an elected or appointed body ("Ban Chấp hành Đảng bộ tỉnh nhiệm kỳ mới gồm 65
# người, Ban Thường vụ gồm 17 thành viên") is the meeting's business, not the territory's.
_BODY_MAKEUP_BEFORE = re.compile(
    r"\b(?:ban chấp hành|ban thường vụ|ủy ban kiểm tra|uỷ ban kiểm tra|thường trực|"
    r"hội đồng nhân dân|hđnd|ủy ban nhân dân|ubnd|đoàn đại biểu)\b[^,;.()]{0,60}"
    r"\b(?:gồm|có|với)\s+(?:(?:tổng số\s+)?(?:hơn|gần|khoảng|trên)\s+)?$"
)
_MEMBERS = frozenset({"người", "thành viên", "ủy viên", "uỷ viên"})
# A party committee's make-up ("Đảng bộ phường hiện có 46 tổ chức cơ sở đảng với 1.298 đảng
# viên") is how the party is organised, not a figure of the territory; those it admitted or
# rated ("kết nạp 59 đảng viên") are.
_SUBDIVISIONS = frozenset(
    {"tỉnh", "huyện", "xã", "phường", "thị trấn", "thôn", "bản", "ấp", "tổ dân phố", "khu phố"}
)
_MADE_FROM = re.compile(r"\b(?:được\s+)?(?:thành\s+)?lập (?:từ|trên cơ sở)|sáp nhập|hợp nhất")
_PARTY_UNITS = frozenset({"tổ chức cơ sở đảng", "tổ chức đảng", "chi bộ", "đảng viên"})
_PARTY_MAKEUP_BEFORE = re.compile(
    r"\bđảng bộ\b[^,;.()]{0,40}?\b(?:hiện\s+)?(?:có|gồm)\s+(?:(?:hơn|gần|khoảng|trên)\s+)?$"
    r"|\b(?:tổ chức cơ sở đảng|tổ chức đảng|chi bộ|đảng bộ)(?:\s+trực thuộc)?\s+(?:với|và)\s+"
    r"(?:(?:hơn|gần|khoảng|trên)\s+)?$"
)

# Votes and their shares ("37/41 phiếu đồng ý (bằng 90,24% tổng số đại biểu có mặt)") are
# how a council decided, not a figure of the territory.
_VOTE = re.compile(
    r"\b(?:phiếu (?:đồng ý|tán thành|bầu|thuận|tín nhiệm|hợp lệ)|số phiếu|"
    r"(?:tổng số )?đại biểu (?:có mặt|dự họp|tham dự))"
)
# "thành lập trên cơ sở sáp nhập 4 xã": the units merged are the commune's history.
_THRESHOLD_AFTER = re.compile(
    r"[^,;.\d]{0,60}?\btrở lên\s+(?:là|có|đạt|gồm)\s+(?:[^\W\d_]+\s+){0,2}\d"
)
_MERGED_ENDINGS = ("nhập ", "nhất ", "từ ", "nhập", "nhất")
_MERGED_BEFORE = re.compile(
    r"\b(?:sáp nhập|hợp nhất|nhập|(?:được\s+)?(?:thành\s+)?lập|hình thành)\s*(?:từ\s*)?$"
)
_ATTENDANCE = re.compile(
    _word_starting(
        "tham dự", "về dự", "đến dự",
        "dự~ (?:hội nghị|lễ|buổi|đại hội|kỳ họp|hội thảo|chương trình)",
        # "155 đại biểu thay mặt (cho) 432 đảng viên": who they stand for
        r"thay mặt~(?= cho| hơn| gần| khoảng| trên| \d)", "đại diện cho",
        r"kết nối~ (?:trực tuyến\s+)?(?:đến|tới|với)",  # "họp … kết nối trực tuyến đến 130 xã"
        r"trực tuyến~ (?:đến|tới|với)",  # "họp trực tiếp kết hợp trực tuyến tới 38 xã, phường"
    )
)
# "dự kiến" plans ("dự kiến đạt 1.500 tỷ đồng năm 2025") except before a word of completion:
# year-end reports write the current year's expected outcome as "dự kiến hoàn thành 18/23 chỉ
# tiêu", "dự kiến cả năm đạt …", "dự kiến thực hiện …", "dự kiến vượt 22% dự toán", an
# estimate of the actual like "ước thực hiện" (a target still inside a target frame or
# lead-in: "Kế hoạch năm 2025: dự kiến hoàn thành 5 công trình").
_ESTIMATE_WORDS = r"(?:hoàn thành|cả năm|thực hiện|năm nay|vượt)"
# "giải ngân vốn kế hoạch năm 2025: 9.276 tỷ đồng": the plan's capital disbursed, no plan
_PLAN_NOT_DISBURSED = "kế hoạch~(?<!giải ngân kế hoạch)(?<!giải ngân vốn kế hoạch)"
_TARGET_CUE = re.compile(
    _word_starting(
        "phấn đấu", "mục tiêu~(?<!chương trình mục tiêu)", f"chỉ tiêu~{NOT_RANKED}",
        _PLAN_NOT_DISBURSED,
        rf"dự kiến~(?! {_ESTIMATE_WORDS}\b)",
        "định hướng", "dự toán", "sau~ (?:khi )?điều chỉnh", "dự báo", "kỳ vọng", "quyết tâm",
        "hướng tới", "phải~ (?:đạt|tăng|giảm|hoàn thành)", "sẽ", f"đến~ năm {YEAR}",
        f"tới~ năm {YEAR}", f"trước~ năm {YEAR}", "năm tới", "năm sau",
        not_after=("bộ ", "sở ", "phòng "),
    )
    + r"\b(?!\s+(?:số|và đầu tư))"
)
# "đã đề ra các mục tiêu: …" sets targets: the deed done is the setting, not the figures.
_SETTING_VERBS = r"(?:đề ra|đặt ra|xác định|thông qua|ban hành|phê duyệt|quyết nghị)"
_ACTUAL_CUE = re.compile(
    _word_starting(
        "ước đạt", "ước thực hiện", "ước tính", "ước", rf"đã~(?!\s+{_SETTING_VERBS})",
        "đạt được", "hiện nay", "hiện có", "hiện đã", "đến nay", "tính đến nay", "thực tế",
        "theo thống kê", "theo số liệu",
        f"dự kiến~ {_ESTIMATE_WORDS}",
    )
    + r"\b"
)
# A verb of aiming is never what a figure is compared with: "Cao Bằng phấn đấu …" is no
# "bằng <kế hoạch>".
_VERB_CUES = ("phấn đấu", "quyết tâm", "sẽ", "phải ", "hướng tới", "kỳ vọng")
_COMPARISON_BEFORE = re.compile(
    r"(?:so với|vượt|bằng|hoàn thành|theo|đạt|với|của|các|những|thực hiện)\s*$"
)
_LEAD_IN = re.compile(
    _word_starting(
        "phấn đấu", "mục tiêu~(?<!chương trình mục tiêu)", f"chỉ tiêu~{NOT_RANKED}",
        "định hướng", _PLAN_NOT_DISBURSED,
        "dự kiến",
    )
    + r"(?: chủ yếu)?\b[^.;:()]{0,40}(?::|[;,]\s*(?:trong đó|cụ thể|gồm)\b:?)"
)
_FULFILMENT = re.compile(r"\b(?:hoàn thành|đạt|vượt|đã)\b")
_YEAR_FRAME_START = re.compile(rf"^(?:năm|đến năm|trong năm|tính đến năm|đến hết năm)\s+{YEAR}")
_BASE_BEFORE = re.compile(
    r"(?:so với|so|cùng kỳ|kể từ|từ|hơn|gấp|giá so sánh|giá cố định|giá hiện hành|theo giá)\s+"
    r"(?:(?:thực hiện|kết quả|ước thực hiện)\s+)?(?:cuối\s+|đầu\s+)?(?:năm\s+)?$"
    r"|so(?<!\wso)(?: với)?\s+(?:(?:vụ|niên vụ|kỳ|cùng kỳ|mùa)\s+)(?:[^\W\d]+\s+){0,3}(?:năm\s+)?$"
    # "so với 6 tháng đầu năm 2023", "so với quý I/2023": the period compared with
    r"|so(?<!\wso)(?: với)?\s+(?:cùng kỳ\s+)?(?:\d+\s+tháng|quý\s+[ivx\d]+|tháng\s+\d+|học kỳ)"
    r"(?:\s+[^\W\d]+){0,3}(?:\s+năm|/)\s*$"
    # "gấp gần 1,13 lần năm 2023": the year it is a multiple of
    r"|gấp(?<!\wgấp)\s+(?:gần\s+|hơn\s+|khoảng\s+|trên\s+)?[\d.,]+\s+lần\s+"
    r"(?:so với\s+)?(?:năm\s+)?$"
    r"|gấp(?<!\wgấp)\s+(?:đôi|ba|rưỡi)\s+(?:so với\s+)?(?:năm\s+)?$"
    # "cao nhất giai đoạn … nếu không tính năm 2022": a year left out of a comparison
    rf"|{_word_starting('không tính', 'ngoại trừ', 'trừ')}\s+(?:năm\s+)?$"
    # "công nhận xã đạt chuẩn nông thôn mới năm 2024": the round of the standard
    r"|nông thôn mới(?<!\wnông thôn mới)(?:\s+(?:nâng cao|kiểu mẫu))?\s+năm\s+$"
)
_CHANGE_BEFORE = re.compile(
    r"(?<!tỷ lệ )(?<!tỉ lệ )(?<!tốc độ )(?<!mức )\b(tăng|giảm)"
    r"(?:\s+(?:thêm|được|bình quân|trung bình|gấp|mạnh|nhẹ|khoảng|gần|trên|hơn|tới|đến"
    r"|(?:mỗi|hằng|hàng) năm))*\s*$"
)
_CHANGE_OR_LINK = re.compile(r"(?:đạt|là|tăng|giảm|còn|bằng|vượt|duy trì|giữ)\b")
_VERB_IN_SEGMENT = re.compile(
    r"\b(?:đạt|là|tăng|giảm|còn|chiếm|bằng|có|vượt|mức|duy trì|ước|tạo|thu hút|giải quyết)\b"
)
_PERIOD = re.compile(
    rf"{TERM}|{YEAR}\s*[-–—]\s*{YEAR}"
    r"|bình quân(?: hàng năm| hằng năm| mỗi năm| \d+ năm)|trong \d+ năm"
)
# Verbs and links a subject never ends with ("tỷ lệ hộ nghèo giảm còn" → "tỷ lệ hộ nghèo").
_TRAILING_VERBS = (
    "ước đạt",
    "ước tính",
    "ước thực hiện",
    "dự đạt",
    "chỉ đạt",
    "chỉ bằng",
    "chỉ còn",
    "dự ước",
    "dự ước đạt",
    "ước",
    "đạt được",
    "đạt",
    "là",
    "chiếm",
    "bằng",
    "còn",
    "giảm còn",
    "giảm xuống còn",
    "giảm xuống",
    "tăng lên",
    "lên",
    "xuống",
    "tăng",
    "giảm",
    "thêm",
    "gấp",
    "vượt",
    "vượt mốc",
    "ở mức",
    "mức",
    "duy trì",
    "có",
    "đã có",
    "được",
    "với",
    "cho",
    "khoảng",
    "trên",
    "hơn",
    "dưới",
    "gần",
    "từ",
    "đến",
    "đều",
    "lần lượt là",
    "lần lượt",
    "ổn định",
    "tỷ lệ",
    "đạt tỷ lệ",
    "với tỷ lệ",
    "chưa đến",
    "không quá",
    "xấp xỉ",
    "hiện",
    "đã",
    "trong đó",
    "và",
    "hoàn thành",
    "tổng cộng",
    "tổng số",
    "phấn đấu",
    "liên tục",
    "đạt mức",
    "tối thiểu",
    "ít nhất",
    "gồm",
    "bao gồm",
    "tương đương",
    "tương đương với",
)
# The phrases by their last word, longest first: a name's last word picks the few to try.
_TRAILING_VERBS_BY_LAST_WORD: dict[str, list[str]] = {}
for _phrase in sorted(_TRAILING_VERBS, key=len, reverse=True):
    _TRAILING_VERBS_BY_LAST_WORD.setdefault(_phrase.rsplit(" ", 1)[-1], []).append(_phrase)
_LEADING_FILLERS = re.compile(
    r"^(?:[\s,;:–-]|và\b|trong đó\b|trong\s*,|riêng\b|đồng thời\b|ngoài ra\b|bên cạnh đó\b|"
    r"bước (?:sang|vào)\b|trong năm(?: qua| nay)?\s*,|giữ vững\b|cho\s*,|"
    r"để\s+(?:đạt|hoàn thành|thực hiện)(?:\s+được)?\s+(?:mục tiêu|kế hoạch|chỉ tiêu)\b|"
    r"phấn đấu\b|mục tiêu\b|dự kiến\b|kế hoạch\b|hiện nay\b|đến nay\b|hiện\b|qua đó\b|"
    r"trong khi(?: đó)?\b|như\b(?!\s+(?:vậy|thế|sau|trên|cũ))|với\b|"
    r"tính đến nay\b|cụ thể\b|theo đó\b|lũy kế\b|luỹ kế\b|đối với\b|tính chung\b|nhìn chung\b|"
    r"(?:bình quân|trung bình)\b(?!\s+(?:đầu người|mỗi|một|\d))|"
    r"(?:(?:tỉnh|huyện|xã|thành phố|thị xã|phường|nghị quyết(?:\s+đại hội)?|tỉnh ủy|thành ủy|"
    r"huyện ủy|đảng ủy|đảng bộ|đại hội)\s+)?"
    r"(?:đặt|đề ra)\s+mục tiêu\b|"
    r"(?:(?:toàn\s+)?(?:tỉnh|huyện|xã|thành phố|thị xã|phường)\s+)?(?:phấn đấu|quyết tâm)\b)+"
)
_RANKING = re.compile(r"\s(?:lớn|cao|nhiều|thấp|ít|dài|rộng|đông)\s+nhất\b")
_RANKED_HOLDER = re.compile(
    r"^.*?\blà\s+(?:tỉnh|thành phố|địa phương|huyện|xã|phường|vùng|đơn vị|nơi)\s+(?:có\s+)?"
)
# "UBND tỉnh cho biết kim ngạch xuất khẩu …": who reports it is not the subject.
_REPORTED_BY = re.compile(
    r"^.*?\b(?:cho biết|cho hay|cho thấy|thông tin|thông báo|yêu cầu|chỉ đạo|đề nghị)\s*,?\s+"
)
# Every branch opens with literal text or a digit (optional lead words are spelled out as
# branches of their own, in the same order), so that a branch that cannot start at a position
# is skipped at once: with "\b" or an optional group first, each was tried in full.
_YEARS_NAMED = rf"năm\s+{YEAR}(?:\s*(?:,|và)\s*{YEAR})*"
_DAY_NAMED = r"ngày\s+\d{1,2}/\d{1,2}(?:/\d{2,4})?"
_MONTH_NAMED = r"(?:cuối\s+)?tháng\s+\d{1,2}(?:/\d{4})?"
_TIME_IN_NAME = re.compile(
    "|".join(
        [
            *(
                rf"{lead}\s+{_YEARS_NAMED}"
                for lead in ("đến hết", "tính đến", "đến", "trong", "trước", "cuối", "đầu")
            ),
            _YEARS_NAMED,
            r"(?:trong|sau|qua)\s+\d+\s+năm(?:\s+qua)?",
            "hàng năm",
            "hằng năm",
            "mỗi năm",
            r"bình quân \d+ năm",
            rf"(?:giai đoạn|nhiệm kỳ|thời kỳ)\s+{YEAR}\s*[-–—]\s*{YEAR}",
            rf"{YEAR}\s*[-–—]\s*{YEAR}",
            "dịp này",
            "hiện nay",
            "đến nay",
            "năm qua",
            "vừa qua",
            *(rf"{lead}\s+{_DAY_NAMED}" for lead in ("đến", "tính đến", "trước", "đến hết")),
            _DAY_NAMED,
            *(rf"{lead}\s+{_MONTH_NAMED}" for lead in ("đến", "tính đến", "đến hết")),
            _MONTH_NAMED,
            r"quý(?<!\wquý)\s+(?:[ivx]{1,3}|\d)(?:\s*/\s*\d{4})?",
            r"cả năm(?<!\wcả năm)\b",
            r"lũy kế(?<!\wlũy kế)\b",
            r"luỹ kế(?<!\wluỹ kế)\b",
            r"\d(?<!\w\d)\d?\s+tháng(?:\s+(?:đầu|cuối)(?:\s+năm)?)?",
        ]
    )
)
# Every match of _TIME_IN_NAME holds a digit or one of these: names without skip the pattern.
_TIME_WORDS = ("năm", "nay", "qua", "ngày", "tháng", "quý", "kế", "dịp")
_LOCATION_PREFIX = re.compile(
    r"^(?:toàn|cả|trên địa bàn)\s+(?:huyện|xã|tỉnh|thị xã|thành phố|phường|thị trấn|quận|thôn)"
    r"(?:\s+(?:đã|có|hiện có|đã có))*\s*"
)
_FULL_DATE_YEAR = re.compile(
    rf"(?:(?<![\w/])\d{{1,2}}/(?:\d{{1,2}}/)?|\bquý\s+[ivx]{{1,3}}\s*/\s*)({YEAR})(?!\d)"
)
# "giải ngân đến ngày 31/01/2026 đạt 95,25% kế hoạch": a year's capital and budget plans are
# settled until the end of the next January, so that cut-off dates the year just ended.
_JANUARY_CUT_OFF = re.compile(
    rf"\bđến\s+(?:hết\s+|đầu\s+|cuối\s+)?(?:(?:ngày\s+)?\d{{1,2}}/|tháng\s+)0?1/({YEAR})(?!\d)"
)
# what is settled by then: capital disbursed, the budget collected and spent ("tiến độ gieo
# cấy lúa vụ Xuân" by 20/01/2025 is that January's sowing)
_SETTLED_IN_JANUARY = re.compile(r"giải ngân|vốn|ngân sách|dự toán|quyết toán")
_DASH_DATE_YEAR = re.compile(rf"\bngày\s+\d{{1,2}}\s*-\s*\d{{1,2}}\s*-\s*({YEAR})(?!\d)")
_VERB_THEN_SUBJECT = re.compile(
    r"\b(tăng|giảm)\s+(?:tỷ lệ|tỉ lệ|số|tổng|mức)\b(?:(?!xuống|còn|lên)[^,;])*?"
    r"(?:\s(?:từ|thêm|được|khoảng|bình quân))?\s*$"
)
_INNER_CHANGE = re.compile(
    r"(?<!tỷ lệ)(?<!tỉ lệ)(?<!tốc độ)(?<!mức)(?<!giá trị)\s(?:tăng|giảm)(?!\s*trưởng)\b"
)


# Units of a level (not of a count): "53,5/52 ha" is an actual and its plan, not 53,5 of 52.
_LEVEL_UNITS = frozenset(
    {"%", POINTS_UNIT, "VND", "USD", "EUR", "lần", *MEASURE_UNITS.values()}
)
# Patterns used inside the per-figure functions, compiled once.
_NOT_MULTIPLIER = re.compile(r"\s*(?:lệ|trọng)\b")
_TIMES = re.compile(r"lần\b(?!\s+thứ)")
_COMRADE = re.compile(r"đồng\s+(?:chí|bào|hương|nghiệp|đội|ruộng|lúa|thời|ý|loạt|bằng)\b")
_YEAR_ONLY = re.compile(YEAR)
_YEAR_WORD_BEFORE = re.compile(r"(?:năm|đến|từ|trước|sau)\s*$")
_PER_BEFORE = re.compile(r"(?:trên|mỗi|/)\s*$")
_YEAR_JOINER = re.compile(r"\s*(?:,|và|,\s*và)\s*(?:năm\s+)?")
_BRACKETED = re.compile(r"\([^)]*\)")
# Words that qualify how a quantity moved, not what it is: "… ổn định", "GRDP bình quân".
_STEADY_TAIL = re.compile(r"\s+(?:liên tục|ổn định|bình quân|trung bình)$")
_PHRASE_ARTICLE = re.compile(r"^\s*(?:các|những|số|tổng số)\s+")
_QUALIFIER_ALTERNATIVES = "|".join(map(re.escape, sorted(QUALIFIERS, key=len, reverse=True)))
# The longest qualifier the text ends with (as a whole word, or as any suffix).
_QUALIFIER_WORD_AT_END = re.compile(rf"(?<![^\W\d_])(?:{_QUALIFIER_ALTERNATIVES})$")
_QUALIFIER_AT_END = re.compile(rf"(?:{_QUALIFIER_ALTERNATIVES})$")
_QUALIFIER_REACH = max(map(len, QUALIFIERS))
# Plan items that count as an indicator when written as a fulfilment ratio ("15/18 chỉ tiêu").
_RATIO_PLAN_UNITS = frozenset({"chỉ tiêu", "nhóm chỉ tiêu", "nhiệm vụ", "danh mục"})
# A count of plan items that reports their fulfilment ("có 5 chỉ tiêu vượt và 14 chỉ tiêu đạt
# mục tiêu", "33 chỉ tiêu chủ yếu đều hoàn thành", "8 chỉ tiêu thành phần đạt") measures the
# plan's result: kept, actual. What is still to be done ("9 chỉ tiêu phấn đấu đạt") is not.
_RUNNING_TOTAL = re.compile(r"\blũy kế(?:\s+(?:\d{1,2}\s+tháng|cả năm|từ đầu năm))?\s*$")
_TARGET_UNITS = frozenset({"chỉ tiêu", "nhóm chỉ tiêu"})
_FULFILLED_PHRASE = re.compile(r"(?:(?!\s+và\s+\d|\s+là\s)[^,;.()’\d])*")
_GROUPED_TARGETS = re.compile(r"\s*,\s*nhóm chỉ tiêu")
_FULFILLED_AFTER = re.compile(
    r"(?:\s*,\s*nhóm chỉ tiêu)?"  # "12 chỉ tiêu, nhóm chỉ tiêu vượt kế hoạch"
    r"(?:\s+(?!phấn|cần|phải|sẽ|dự|chưa|không|đề|được|giao)[^\W\d_]+){0,2}?"
    r"\s+(?:đều\s+|cơ bản\s+)?(?:đạt|vượt|hoàn thành|(?:không|chưa)\s+(?:đạt|hoàn thành))\b"
)


class _Unit(NamedTuple):  # a tuple: made for every number, and a dataclass costs more
    unit: str
    end: int  # offset in the sentence where the unit text ends
    multiplier: str | None = None
    skip: bool = False  # a duration, age, plan item or denominator: never an indicator


@dataclass
class _Figure:
    start: int
    end: int
    number_start: int
    value: float
    value_max: float | None
    unit: str
    total: float | None = None
    plan: float | None = None  # "53,5/52 ha", "23,4%/KH 24,5-25,5%"
    plan_max: float | None = None
    plan_share: bool = False  # "đạt 101,6% kế hoạch": a share of plan, unit "% kế hoạch"
    points: float | None = None  # the figure as written, when read as "vượt/tăng X%" of plan
    compared: bool = False  # "cao hơn mức 8,49% của cùng kỳ": a figure of another period
    last_year: bool = False  # "(cùng kỳ tăng 5,1%)": of the year before the figure's own


class _YearMark(NamedTuple):
    start: int
    end: int
    year: int
    base: bool
    dated: bool = False  # the year of a date ("24/11/2025"): the day something happened


@dataclass
class _TargetBlock:
    year: int | None


# How far back a figure reads its clause for a verb, a qualifier or a money subject ("thu nhập
# bình quân đầu người của người dân trên địa bàn xã năm 2024 đạt 65 triệu" needs about 80).
_REACH = 200
_CLAUSE_MARK = re.compile(r"[;:]")
_OPEN_BRACKET = re.compile(r"\(")
_CLOSE_BRACKET = re.compile(r"\)")
_RESPECTIVELY = re.compile(r"lần lượt")
_TERM_RANGE = re.compile(rf"{YEAR}\s*[-–—]\s*({YEAR})")


def _bracket_pairs(low: str, opens: list[int]) -> tuple[list[int], list[int]]:
    """For each "(" of ``opens``: the index of the "(" enclosing it (-1: none) and the offset
    of its ")" (len(low) when never closed)."""
    parents, ends, stack = [-1] * len(opens), [len(low)] * len(opens), []
    index = 0
    for match in _ANY_BRACKET.finditer(low):
        if match.group() == "(":
            parents[index] = stack[-1] if stack else -1
            stack.append(index)
            index += 1
        elif stack:
            ends[stack.pop()] = match.start()
    return parents, ends


_ANY_BRACKET = re.compile(r"[()]")


_REACHED_BEFORE = re.compile(r"\b(?:hoàn thành|đạt|vượt|cán đích|về đích)\s+$")
_WORDS_BETWEEN = re.compile(r"[^\W\d_]{2,}(?<!trên)(?<!hơn)(?<!gần)")


class _Scanned(str):
    """The lower-cased sentence with what every figure looks up (clause marks, brackets, kind
    cues, periods, terms), found once: a figure then costs a few binary searches instead of a
    scan of the text before it, which made figure-dense text quadratic."""

    def __new__(cls, low: str) -> _Scanned:
        self = super().__new__(cls, low)
        marks = ";" in low or ":" in low
        self.clause_marks = [m.start() for m in _CLAUSE_MARK.finditer(low)] if marks else []
        self.semicolons = [p for p in self.clause_marks if low[p] == ";"]
        brackets = "(" in low
        self.opens = [m.start() for m in _OPEN_BRACKET.finditer(low)] if brackets else []
        self.closes = [m.start() for m in _CLOSE_BRACKET.finditer(low)] if brackets else []
        # each "(" 's enclosing "(" (index into opens, -1 for none) and its ")" (or the end)
        self.parents, self.ends = _bracket_pairs(low, self.opens) if brackets else ([], [])
        self._cues = None
        self._periods = None
        self._terms = None
        listed = "lần lượt" in low
        self.respectively = [m.start() for m in _RESPECTIVELY.finditer(low)] if listed else []
        return self

    def clause_start(self, position: int) -> int:
        index = bisect_left(self.clause_marks, position)
        return self.clause_marks[index - 1] + 1 if index else 0

    def clause_end(self, position: int) -> int:
        index = bisect_left(self.semicolons, position)
        return self.semicolons[index] if index < len(self.semicolons) else len(self)

    def bracket_open(self, position: int) -> int | None:
        """Offset of the innermost "(" that encloses ``position``, if any: after "(kịch bản
        tăng trưởng (KBTT): " the outer bracket is still open."""
        index = bisect_left(self.opens, position) - 1
        while index >= 0 and self.ends[index] < position:
            index = self.parents[index]
        return self.opens[index] if index >= 0 else None

    def next_bracket(self, position: int) -> int:
        index = bisect_left(self.opens, position)
        return self.opens[index] if index < len(self.opens) else -1

    def says_respectively(self, start: int, end: int) -> bool:
        index = bisect_left(self.respectively, start)
        return index < len(self.respectively) and self.respectively[index] + 8 <= end

    def last_cue(self, scope_start: int, position: int) -> tuple[int, str | None]:
        """Where the last target or actual cue in [scope_start, position) starts, and the kind
        it gives (None when there is none)."""
        if self._cues is None:
            self._cues = _kind_cues(self)
        target_ends, target_starts, plain, stated_ends, actual_ends, actual_starts = self._cues
        best: tuple[int, str | None] = (-1, None)
        count = bisect_right(target_ends, position)
        last_plain = plain[count - 1] if count else -1
        if last_plain >= 0 and target_starts[last_plain] >= scope_start:
            best = (target_starts[last_plain], "target")
        index = count - 1
        while index > last_plain and target_ends[index] >= position - 40:
            # a cue stated right before the figure counts even after a comparison word
            if (
                stated_ends[index] >= position - 12
                and target_starts[index] >= scope_start
                and (
                    # after "hoàn thành", "vượt": only a target stated outright ("vượt mục tiêu
                    # đề ra là 12,5%"), not one the figure belongs to ("hoàn thành chỉ tiêu
                    # xóa 100% nhà tạm")
                    not _REACHED_BEFORE.search(
                        self, max(0, target_starts[index] - 12), target_starts[index]
                    )
                    or not _WORDS_BETWEEN.search(self, stated_ends[index], position)
                )
                and "," not in self[stated_ends[index] : position]  # "hoàn thành kế hoạch, tăng"
            ):
                best = max(best, (target_starts[index], "target"))
                break
            index -= 1
        count = bisect_right(actual_ends, position)
        if count and actual_starts[count - 1] >= scope_start:
            best = max(best, (actual_starts[count - 1], "actual"))
        return best

    def last_period(self, position: int) -> str | None:
        if self._periods is None:
            matches = list(_PERIOD.finditer(self))
            self._periods = ([m.end() for m in matches], [m.group() for m in matches])
        ends, texts = self._periods
        count = bisect_right(ends, position)
        return texts[count - 1] if count else None

    def term_before(self, position: int) -> int | None:
        """The end year of the last "2021-2025" before ``position`` with no year after it."""
        if self._terms is None:
            terms = list(_TERM_RANGE.finditer(self))
            self._terms = (
                [m.end() for m in terms],
                [int(m.group(1)) for m in terms],
                [m.start() for m in _YEAR_ONLY.finditer(self)],
            )
        ends, years, year_starts = self._terms
        count = bisect_right(ends, position)
        if not count:
            return None
        later = bisect_left(year_starts, ends[count - 1])
        if later < len(year_starts) and year_starts[later] + 4 <= position:
            return None
        return years[count - 1]


def _kind_cues(low: str) -> tuple[list, list, list, list, list, list]:
    """Target cues (ends, starts, index of the last one that counts anywhere, end of a stated
    target after each) and actual cues (ends, starts) of the sentence."""
    target_ends, target_starts, plain, stated_ends = [], [], [], []
    last_plain = -1
    for match in _TARGET_CUE.finditer(low):
        if _SHARE_BEFORE_CUE.search(low, max(0, match.start() - 20), match.start()):
            continue  # "đạt 98,6% kế hoạch, tăng 4,5%": a reference, not a target cue
        if _FOLLOWING_TARGETS_BEFORE.search(low, max(0, match.start() - 40), match.start()):
            continue
        if match.group().startswith(_VERB_CUES) or not _COMPARISON_BEFORE.search(
            low[max(0, match.start() - 25) : match.start()]
        ):
            last_plain = len(target_ends)
        target_ends.append(match.end())
        target_starts.append(match.start())
        plain.append(last_plain)
        stated_ends.append(_STATED_TARGET.match(low, match.end()).end())
    actual = list(_ACTUAL_CUE.finditer(low))
    return (
        target_ends,
        target_starts,
        plain,
        stated_ends,
        [m.end() for m in actual],
        [m.start() for m in actual],
    )


class _Spans:
    """Disjoint sorted spans; ``covers`` is a binary search (a list scan per number made text
    with thousands of dates quadratic)."""

    def __init__(self, spans=()):
        self.starts: list[int] = []
        self.ends: list[int] = []
        for start, end in sorted(spans):
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        if end <= start:
            return
        index = bisect_right(self.starts, start)
        if index and self.ends[index - 1] >= start:
            index -= 1
            start = self.starts[index]
            end = max(end, self.ends[index])
            del self.starts[index], self.ends[index]
        while index < len(self.starts) and self.starts[index] <= end:
            end = max(end, self.ends[index])
            del self.starts[index], self.ends[index]
        self.starts.insert(index, start)
        self.ends.insert(index, end)

    def covers(self, position: int) -> bool:
        index = bisect_right(self.starts, position)
        return bool(index) and position < self.ends[index - 1]


logger = logging.getLogger(__name__)
_NO_TARGETS = object()
_ANNUAL = re.compile(r"\s*(?:[-–+•*]\s*)?(?:hằng năm|hàng năm|mỗi năm)\b", re.IGNORECASE)
_NUMBER_RUN = re.compile(r"\d\d*(?:[.,]\d+)*")  # "\d+" first would not let the engine skip


class NumberAllowance:
    """How many numbers the text has earned the right to have read: ``BURST`` at the start,
    then one per ``CHARS_PER_NUMBER`` characters, never more than ``BURST`` in hand.

    Reading a figure costs tens of microseconds whatever the text around it, so text made only
    of figures ("1,5% 1,5% …", 5 characters each) would cost 20 s of CPU per MB. Report prose
    is dense but not that dense: the labelled passages hold one number per 19 to 38
    characters, so a dense statistics release is read whole up to about 50 KB of sustained
    figures, and an article of ordinary density has no limit. A sentence that would overdraw
    the allowance is not read, and is counted and logged (``report``). Table rows read by
    their header are cheap and not counted."""

    BURST = 1000
    CHARS_PER_NUMBER = 40

    def __init__(self) -> None:
        self.credit = float(self.BURST)
        self.skipped_numbers = 0
        self.skipped_sentences = 0
        self.first_skipped = ""

    def admits(self, sentence: str) -> bool:
        self.credit = min(self.BURST, self.credit + len(sentence) / self.CHARS_PER_NUMBER)
        numbers = len(_NUMBER_RUN.findall(sentence))
        if numbers <= self.credit:
            self.credit -= numbers
            return True
        self.skipped_numbers += numbers
        self.skipped_sentences += 1
        self.first_skipped = self.first_skipped or sentence[:80]
        return False

    def report(self) -> None:
        if self.skipped_sentences:
            logger.warning(
                "indicators: %d numbers in %d sentences not read: text denser in numbers than "
                "prose or a table (over %d numbers, then more than one per %d characters), "
                "first: %r",
                self.skipped_numbers,
                self.skipped_sentences,
                self.BURST,
                self.CHARS_PER_NUMBER,
                self.first_skipped,
            )


def extract_indicators(text: str) -> list[Indicator]:
    """Every quantitative indicator of ``text`` (plain text; paragraphs split by blank lines,
    list items and headings by line breaks), read within its document frames (.frames)."""
    rows: list[Indicator] = []
    allowance = NumberAllowance()
    table: _Table | None = None  # the header of the table whose rows are being read
    targets_year: int | None | object = _NO_TARGETS  # the year of a sentence of targets before
    paragraph = None
    last_name = ""
    frame = None
    block: _TargetBlock | None = None
    carried: list[int | None] = [None]  # the last year the text stated, until a frame changes
    named_term: int | None = None  # the last year of the term the text last named
    # the last year of the latest term a congress named ("đại hội …, nhiệm kỳ 2025 - 2030"):
    # the year of its targets that state none (a council's own "khóa I, nhiệm kỳ …" excluded)
    latest_term: int | None = None
    horizon: int | None = None  # the year of the last target in an undated frame of targets
    text = normalise(text)  # once: every step below reads the normalised text
    headline = _headline(text)
    if headline is not None:  # its own paragraph, even when one line break follows it
        first, _, rest = text.lstrip().partition("\n")
        text = f"{first}\n\n{rest}"
    for unit in read_units(text, normalised=True):
        if unit.paragraph != paragraph:
            if not (
                _TOPIC_GOES_ON.match(unit.sentence)
                or (
                    unit.frame.kind is None
                    and unit.frame.year is not None
                    and unit.frame.year == targets_year
                )
            ):
                # "…; khu vực dịch vụ tăng 11%/năm." then "Về xã hội, tỷ lệ …": the next
                # topic of a list of targets is one of them, in a paragraph of its own too; so
                # is a list of that year's parts ("năm 2026 tỉnh đặt mục tiêu tăng trưởng
                # 10,71%." then "Phần việc của khu vực I năm 2026: - …")
                targets_year = _NO_TARGETS
            paragraph, block, last_name = unit.paragraph, None, ""
            if unit.frame.year is not None or unit.frame.period is not None:
                # items of a dated list do not take a sibling's year; under a term's results
                # ("KẾT QUẢ … NHIỆM KỲ 2015 - 2020") a paragraph speaks of the term unless it
                # states a year
                carried = [None]
        if unit.frame != frame:
            horizon = None
            if unit.frame == NO_FRAME and frame is not None and frame.kind == "actual":
                # "Năm 2025, xã đạt nhiều kết quả:" over a list, then "Toàn xã có 7 thôn …":
                # the prose after a list of results goes on in their year
                carried = [frame.year]
            elif (
                unit.frame.year is not None
                or unit.frame.period is not None
                or (frame is not None and frame.year is not None)
            ):
                carried = [None]  # a dated frame, or leaving one: the year is the frame's
            frame = unit.frame
        if unit.cells:
            if _Table.is_header(unit.cells):
                table = _Table(unit.cells, unit.above)
                continue
            if table is not None and len(unit.cells) == table.width:
                rows.extend(table.read(unit.cells, unit.sentence, unit.frame, carried[0]))
                continue
        else:
            table = None
        if _DIGIT.search(unit.sentence) and not allowance.admits(unit.sentence):
            continue
        given = block
        if (
            block is None
            and targets_year is not _NO_TARGETS
            and (
                _ANNUAL.match(unit.sentence)
                or _TOPIC_GOES_ON.match(unit.sentence)
                or _continues_targets(unit.sentence, targets_year)
            )
        ):
            # "…phấn đấu … đạt 10%/năm. Hằng năm, tỷ lệ … đạt 80% trở lên.": a yearly norm
            # among targets is one of them (a norm among results stays a result); so is the
            # next topic of the same list ("… Về xã hội, tỷ lệ trường đạt chuẩn 80%")
            given = _TargetBlock(targets_year)
        if "hiệm kỳ" in unit.sentence:
            term = _TERM_NAMED.search(unit.sentence)
            named_term = int(term.group(2)) if term else named_term
            if term and not _BODY_TERM_BEFORE.search(unit.sentence.lower(), 0, term.start()):
                latest_term = max(latest_term or 0, int(term.group(2)))
        found, returned = _extract_sentence(
            unit.sentence, given, unit.frame, carried, last_name, named_term
        )
        block = block if returned is given and given is not block else returned
        if found and unit.frame.kind == "target" and unit.frame.year is None:
            # "Các chỉ tiêu của kịch bản:" over "- Tăng trưởng GRDP giai đoạn 2026-2030 trên
            # 10,5%/năm." and "- Dịch vụ tăng 11,1%/năm.": a list of targets shares the
            # horizon one of its items states
            found = [
                replace(row, year=horizon) if row.kind == "target" and row.year is None else row
                for row in found
            ]
            horizon = next(
                (row.year for row in reversed(found) if row.kind == "target" and row.year),
                horizon,
            )
        if found and latest_term is not None and unit.frame.kind != "actual":
            found = [
                replace(row, year=latest_term) if row.kind == "target" and row.year is None else row
                for row in found
            ]
        if found:
            targets = all(row.kind == "target" for row in found)
            targets_year = found[-1].year if targets else _NO_TARGETS
            last_name = found[-1].name
        rows.extend(found)
    allowance.report()
    lines = [line for line in text.split("\n") if line]  # the text's lines, blank ones dropped
    if headline is not None:
        rows = _without_lead_roundings(lines, _without_headline_repeats(headline, rows))
    rows = _dated_by_its_one_year(text, _without_subheading_repeats(lines, rows))
    rows = _present_stocks_of_the_dateline(text, rows)
    if any(row.unit == PLAN_SHARE_UNIT and row.value > 100 for row in rows):
        rows = _shares_as_the_figures_say(rows)
    if any(
        (row.kind == "target" and row.year is not None)
        or (row.year is None and row.sentence[:5].lower().startswith("hiện"))
        for row in rows
    ):
        rows = _as_of_the_documents_present(text, rows)
    return _spelled_out(text, rows) if "(" in text else rows


def _shares_as_the_figures_say(rows: list[Indicator]) -> list[Indicator]:
    """ "đạt 55,188 tỉ đồng, vượt 142,38% so với chỉ tiêu (38,760 tỉ đồng)": read as written,
    "vượt 142,38%" is 242,38% of the plan, but the amount is 142,38% of the plan it states;
    when the report's own figures say so, the share is what they give."""
    fixed = list(rows)
    for index in range(1, len(rows)):
        amount, share = rows[index - 1], rows[index]
        if (
            share.unit == PLAN_SHARE_UNIT
            and share.value > 100
            and amount.plan_value
            and amount.sentence == share.sentence
            and amount.value > 0
        ):
            stated = amount.value / amount.plan_value * 100
            if abs(stated - (share.value - 100)) < 0.5 and abs(stated - share.value) > 1:
                fixed[index] = replace(share, value=round(share.value - 100, 6))
    return fixed


_BY_YEAR = re.compile(rf"\bđến\s+(?:cuối\s+|hết\s+)?năm\s+({YEAR})\b")
_AT_PRESENT = re.compile(r"\s*(?:hiện nay|hiện tại|hiện)\b")
_OWN_TARGET_CUE = re.compile(
    r"\b(?:phấn đấu|mục tiêu|chỉ tiêu|kế hoạch|định hướng|đề ra|kịch bản|quyết tâm|"
    r"nhiệm vụ|phương hướng)\b"
)


def _as_of_the_documents_present(text: str, rows: list[Indicator]) -> list[Indicator]:
    """What a document says of a year it has reached is no plan. Its present is the first year
    of the newest term it opens ("Đại hội …, nhiệm kỳ 2025 - 2030") or the year of the latest
    day it reports ("Ngày 5/10/2025, Đại hội … khai mạc", "thành lập ngày 1/7/2025"):
    "Đến năm 2025, GRDP đạt 202.925 tỷ đồng" and "năm 2025 dự kiến tăng 8%" are then what was
    reached or is expected of it, actuals, unless another target cue of their own ("phấn đấu",
    "mục tiêu" …) says otherwise; a stock held "Hiện …" as a term opens is of its first year."""
    # the term of the council or committee that speaks ("khóa XV, nhiệm kỳ 2021 - 2026") is
    # not one the document opens
    starts = (
        [int(first) for first, _ in _TERM_NAMED.findall(_BODY_TERM.sub(" ", text))]
        if "hiệm kỳ" in text
        else []
    )
    days = (
        [
            int(day.group(1))
            for day in _FULL_DAY.finditer(text)
            if not _DEADLINE_BEFORE.search(text, max(0, day.start() - 16), day.start())
        ]
        if "/" in text
        else []
    )
    if not starts and not days:
        return rows
    present = max(starts + days)
    reached = []
    for row in rows:
        reachable = row.kind == "target" and row.year is not None and row.year <= present
        held = row.year is None and row.kind == "actual" and starts
        if not (reachable or held):
            reached.append(row)
            continue
        low = normalise(row.sentence).lower()
        if reachable:
            by = _BY_YEAR.search(low)
            expected = _EXPECTED_OF_YEAR.search(low)
            if (
                by is not None
                and int(by.group(1)) == row.year
                or expected is not None
                and int(expected.group(1)) == row.year
            ) and not _OWN_TARGET_CUE.search(low):
                row = replace(row, kind="actual")
        elif held and _AT_PRESENT.match(low):
            # "Hiện tỉnh đã quy hoạch 2 khu công nghiệp …": the stock held as the term opens
            row = replace(row, year=max(starts))
        reached.append(row)
    return reached


# A day the document reports, not a deadline ("trước ngày 31/12/2025").
_FULL_DAY = re.compile(rf"(?<![\d/])\d{{1,2}}/\d{{1,2}}/({YEAR})(?!\d)")
_DEADLINE_BEFORE = re.compile(r"\b(?:trước|đến|hạn|chậm nhất)\s+(?:ngày\s+)?$")
# "năm 2025 dự kiến tăng 8%": the year's expected outcome, said in that year
_EXPECTED_OF_YEAR = re.compile(rf"\bnăm\s+({YEAR})\s*,?\s+(?:[^\W\d]+\s+){{0,3}}?dự kiến\b")


def _dated_by_its_one_year(text: str, rows: list[Indicator]) -> list[Indicator]:
    """A report of one year ("10 tháng năm 2025", "Cả năm 2025, …") whose every dated actual
    is of that year, and that names no other year but the one before it (a base: "so với
    năm 2024"), leaves its undated actuals in that year ("Đến nay tỉnh đã giải ngân 8.417 tỷ
    đồng"); with no dated actual, the year of its dateline ("Tin ngày 14/8/2025.") counts
    as that year. Kept undated: figures on a page that mixes years, speaks of a term or span
    ("nhiệm kỳ", "giai đoạn") or dates only targets, and a stock held at present ("Đến nay,
    toàn tỉnh có 154 xã …") or a yearly rate."""
    years = {row.year for row in rows if row.year is not None and row.kind == "actual"}
    if all(row.year is not None or row.kind != "actual" for row in rows):
        return rows
    text = unicodedata.normalize("NFC", text)
    if not years:
        dateline = _dateline_year(text)
        years = {dateline} if dateline else years
    if len(years) == 2 and max(years) - min(years) == 1:
        years = {max(years)}  # last year's figures beside this year's: a report of this year
    if len(years) != 1:
        return rows
    (year,) = years
    if "khóa" in text or "khoá" in text:
        text = _BODY_TERM.sub(" ", text)
    if " nhất " in text:
        text = _RECORD_OVER_SPAN.sub(" ", text)
    if (
        _YEAR_RANGE.search(text)
        or any(int(stated) not in (year, year - 1) for stated in _YEAR_NOT_IN_DATE.findall(text))
        or _SPAN_WORDS.search(text.lower())
    ):
        return rows
    return [
        replace(row, year=year)
        if row.year is None
        and row.kind == "actual"
        and row.period is None
        and not _UNDATED_BY_NATURE.search(row.sentence.lower())
        else row
        for row in rows
    ]


# What the place has at present ("Xã được lập trên cơ sở …, có diện tích tự nhiên 136 km² và
# dân số 36.174 người", "Trên địa bàn có 68 tổ dân phố", "Đến nay toàn tỉnh có 1.391 mã số").
_PRESENT_STOCK = re.compile(
    r"\b(?:đến\s+nay|hiện\s+nay|hiện\s+có|hiện\s+đã|có\s+diện\s+tích|diện\s+tích\s+tự\s+nhiên"
    r"|dân\s+số|quy\s+mô\s+dân\s+số|trên\s+địa\s+bàn\s+có"
    r"|toàn\s+(?:xã|phường|tỉnh|thành\s+phố|huyện)\s+(?:hiện\s+)?có)\b"
)
_SPAN_OR_RATE = re.compile(
    r"\b(?:giai\s+đoạn|nhiệm\s+kỳ|thời\s+kỳ|những\s+năm|\d+\s+năm\s+qua|bình\s+quân|trung\s+bình"
    r"|hằng\s+năm|hàng\s+năm|mỗi\s+năm|từ\s+đầu\s+năm|lũy\s+kế|luỹ\s+kế)\b|/\s*năm"
)


def _present_stocks_of_the_dateline(text: str, rows: list[Indicator]) -> list[Indicator]:
    """What a dated page says the place has at present, in a sentence naming no year, span
    or rate, is of the year of the page's dateline ("Sáng 16/8/2025, …"), whatever other
    years the page names."""
    if all(row.year is not None or row.kind != "actual" or row.period is not None for row in rows):
        return rows
    year = _dateline_year(text)
    if year is None:
        return rows
    return [
        replace(row, year=year)
        if row.year is None
        and row.kind == "actual"
        and row.period is None
        and _says_what_is_there_now(row.sentence.lower())
        else row
        for row in rows
    ]


def _says_what_is_there_now(low: str) -> bool:
    return bool(
        _PRESENT_STOCK.search(low) and not _ANY_YEAR.search(low) and not _SPAN_OR_RATE.search(low)
    )


def _dateline_year(text: str) -> int | None:
    """The year of the first full date in the text's first two non-blank lines (a headline,
    then the opening: "Tin ngày 14/8/2025.", "Sáng 16/8/2025, …")."""
    end, lines = 0, 0
    while lines < 2:
        newline = text.find("\n", end)
        if newline < 0:
            end = len(text)
            break
        lines += bool(text[end:newline].strip())
        end = newline + 1
    dateline = _FULL_DAY.search(text, 0, end)
    return int(dateline.group(1)) if dateline else None


# The term of the council or committee that meets ("UBND tỉnh khóa XV, nhiệm kỳ 2021 - 2026")
# names who speaks, not a span the figures are of.
_BODY_TERM = re.compile(
    rf"\bkh(?:óa|oá)\s+[IVXLCivxlc\d]+\s*,?\s*nhiệm\s+kỳ\s+{YEAR}\s*[-–—]\s*{YEAR}", re.IGNORECASE
)
# "cao nhất giai đoạn 2021-2025": a record the figure sets, not a span it is of
_RECORD_OVER_SPAN = re.compile(
    rf"\b(?:cao|thấp|lớn|nhiều|tốt|mạnh)\s+nhất\s+(?:trong\s+)?(?:cả\s+)?"
    rf"(?:giai\s+đoạn|nhiệm\s+kỳ|thời\s+kỳ)\s+{YEAR}\s*[-–—]\s*{YEAR}"
)
# A year not inside a date ("Chiều 5/1/2026, Thống kê tỉnh công bố số liệu năm 2025": the day
# a report is published does not mix its years).
_YEAR_NOT_IN_DATE = re.compile(rf"(?<![\d/.-])({YEAR})(?![\d/-])")
_SPAN_WORDS = re.compile(
    r"\b(?:nhiệm\s+kỳ|(?:giai\s+đoạn|thời\s+kỳ)\s+(?:qua|vừa\s+qua|trước)|những\s+năm\s+qua"
    r"|\d+\s+năm\s+qua)\b"
)
# A stock held at present ("Hiện nay, toàn tỉnh có 96 xã …"), a yearly rate or norm ("giảm
# trung bình 3,1%/năm", "hằng năm đạt 85%"): of no one year, whatever the report's year.
_UNDATED_BY_NATURE = re.compile(
    r"\b(?:đến\s+nay|hiện\s+nay|hiện)\b[^.;]{0,200}?\bcó\s+\d|/\s*năm\b|\b(?:hằng|hàng|mỗi)\s+năm\b"
    rf"|{_SPAN_OF_YEARS}"
)


_HEADLINE_ROUNDING = 0.05  # "hơn 80% dự toán" over a body's "80,16%"


def _without_headline_repeats(headline: str, rows: list[Indicator]) -> list[Indicator]:
    """A headline (a first line standing alone, no closing stop) repeats, often rounded, the
    figures its text then states: those are not figures of their own. A headline figure the
    text does not repeat is kept."""
    heads = [row for row in rows if " ".join(row.sentence.split()) == headline]
    if not heads:
        return rows
    body = [row for row in rows if row not in heads]
    return [
        row for row in rows if row not in heads or not any(_rounds_to(later, row) for later in body)
    ]


def _without_subheading_repeats(lines: list[str], rows: list[Indicator]) -> list[Indicator]:
    """A subheading ("Xuất siêu 7,7 tỷ USD" over "… cán cân thương mại xuất siêu 7,7 tỷ
    USD") announces a figure its section then states: a line with no closing stop, standing
    before a new sentence, whose figure a later one of the same quantity repeats (rounded)."""
    titles = {
        " ".join(line.split())
        for line, following in zip(lines[1:], lines[2:], strict=False)
        if len(line) <= _SUBHEADING_LENGTH
        and line[-1] not in _SENTENCE_STOPS
        and _DIGIT.search(line)
        and not _ROW_MARKER.match(line.lower())
        and TABLE_CELL_SEPARATOR not in line
        and following[:1].isupper()
    }
    if not titles:
        return rows
    # text with single line breaks joins a title to the sentence after it: a title's rows are
    # those its own words give
    announced = {
        title: {(row.value, row.unit) for row in extract_indicators(title)} for title in titles
    }

    def of_a_title(row: Indicator) -> bool:
        sentence = " ".join(row.sentence.split())
        return any(
            sentence.startswith(title) and (row.value, row.unit) in figures
            for title, figures in announced.items()
        )

    kept = []
    for index, row in enumerate(rows):
        if of_a_title(row) and any(
            _rounds_to(later, row) and set(later.name.split()) & set(row.name.split())
            for later in rows[index + 1 : index + 1 + _SECTION_ROWS]
            if not of_a_title(later)
        ):
            continue
        kept.append(row)
    return kept


_SUBHEADING_LENGTH = 120
# A subheading announces what its own section states: a figure that far on is another story's.
_SECTION_ROWS = 12
_SENTENCE_STOPS = frozenset(".;:!?…")


def _without_lead_roundings(lines: list[str], rows: list[Indicator]) -> list[Indicator]:
    """The paragraph under a headline often sums the story up in round figures ("đón gần 5.500
    doanh nghiệp mới") that the body then states exactly ("5.448 doanh nghiệp"): a lead
    figure written with at most three digits, and at least two fewer than a later one it lies
    within 5% of, is that later figure ("8,2%" beside a later "8,58%", or "9.549 tỷ" beside
    a part of it, "9.276,11 tỷ", are figures of their own)."""
    if len(lines) < 3:
        return rows
    lead = " ".join(lines[1].split())
    leads = [row for row in rows if " ".join(row.sentence.split()) in lead]
    body = [row for row in rows if row not in leads]
    return [
        row
        for row in rows
        if row not in leads
        or not any(
            _rounds_to(later, row)
            and _significant(row.value) <= _ROUND_DIGITS
            and _significant(row.value) + 2 <= _significant(later.value)
            for later in body
        )
    ]


_ROUND_DIGITS = 3  # "gần 5.500" is round; "hơn 9.549" is as precise as a lead gets


def _significant(value: float) -> int:
    """How many significant digits ``value`` is written with (5.500 has 2, 5.448 has 4)."""
    digits = f"{abs(value):.6f}".replace(".", "").strip("0")
    return len(digits)


def _headline(text: str) -> str | None:
    """The first line when it stands alone as a headline: more text follows and it does not
    close like a sentence or open a list (":")."""
    headline, _, rest = text.lstrip().partition("\n")
    headline = unicodedata.normalize("NFC", " ".join(headline.split()))
    if (
        not rest.strip()
        or not headline
        or headline.endswith((".", ":", ";"))
        or "|" in headline  # a table's header row
        or _ROW_MARKER.match(headline.lower())  # a list's first item, a numbered heading
    ):
        return None
    return headline


def _rounds_to(precise: Indicator, shown: Indicator) -> bool:
    return (
        precise.unit == shown.unit
        and precise.kind == shown.kind
        and abs(precise.value - shown.value) <= abs(shown.value) * _HEADLINE_ROUNDING
    )


_DEFINED_ABBREVIATION = re.compile(r"\(([A-ZĐ][A-ZĐ0-9]{1,7})\)")


def _spelled_out(text: str, rows: list[Indicator]) -> list[Indicator]:
    """Figures named only by an abbreviation the text defined ("Chỉ số giá tiêu dùng (CPI)
    …; riêng tháng 12, CPI tăng 0,5%") take the name it abbreviates, like the figures of the
    sentence that defined it."""
    full: dict[str, str] = {}
    for abbreviation in dict.fromkeys(_DEFINED_ABBREVIATION.findall(text)):
        short, mark = abbreviation.lower(), f"({abbreviation})"
        named = next(
            (
                row.name
                for row in rows
                if mark in row.sentence and row.name != short and not row.name.startswith(short)
            ),
            None,
        )
        if named:
            full[short] = named
    if not full:
        return rows
    # Only a bare abbreviation: "GRDP bình quân đầu người" is already a name of its own.
    return [
        replace(
            row,
            name=full[row.name],
            indicator=catalogue_code(full[row.name], row.unit, row.change),
        )
        if row.name in full
        else row
        for row in rows
    ]


def _continues_targets(sentence: str, targets_year: int | None) -> bool:
    """A sentence right after one of targets, stating no other year and no actual ("…
    tổng vốn đầu tư … từ 10.000 tỷ đồng. Thu nhập bình quân đầu người đạt trên 85 triệu
    đồng; tỷ lệ hộ nghèo dưới 0,5%."), goes on with the same targets."""
    low = sentence.lower()
    return not _ACTUAL_CUE.search(low) and all(
        int(year) == targets_year for year in _ANY_YEAR.findall(low)
    )


_ANY_YEAR = re.compile(rf"(?<!\d)({YEAR})(?!\d)")
# "nhiệm kỳ 2025 - 2030": its first and last years
_TERM_NAMED = re.compile(rf"nhiệm kỳ\s+({YEAR})\s*[-–—]\s*({YEAR})(?!\d)", re.IGNORECASE)
_TOPIC_GOES_ON = re.compile(
    r"\s*(?:về|đối với|trong lĩnh vực|lĩnh vực)\s+[^\W\d][^,;.\d]{1,40},", re.IGNORECASE
)
_TABLE_NAME = re.compile(
    r"chỉ tiêu|nội dung|danh mục|hạng mục|tên|lĩnh vực|sản phẩm|loại"
    r"|thời gian|thời điểm|kỳ\b|giai đoạn|(?:năm|tháng|quý)$"  # the rows are periods
)
_TABLE_UNIT = re.compile(r"^(?:đvt|đơn vị tính|đơn vị|đv)\b")
_TABLE_ORDER = re.compile(r"^(?:stt|tt|số tt|số thứ tự)$")
_TABLE_SHARE = re.compile(r"%|tỷ lệ|tỉ lệ|so sánh|\bss\b|\bso\b")
_TABLE_PLAN_REFERENCE = re.compile(r"\b(?:kh|kế hoạch|dự toán|nq|nghị quyết|mục tiêu|chỉ tiêu)\b")
_TABLE_GROWTH = re.compile(r"\b(?:tăng|giảm|tăng trưởng|tăng/giảm)\b")
_TABLE_SAME_PERIOD = re.compile(r"cùng kỳ|so với năm|so năm|năm trước")
_CELL_NUMBER = re.compile(
    rf"(?:>|<|≥|≤|trên|dưới)?\s*([-–−]?(?:{NUMBER}))(?:\s*[-–—]\s*({NUMBER}))?\s*(%?)"
)
_CELL_AMOUNT = re.compile(rf"(?:hơn|gần|khoảng|trên|dưới|xấp xỉ)?\s*({NUMBER})\s*\S.*")
# A value compared with the same period as 100 is rarely under half of it: below that, a
# "so với cùng kỳ (%)" column holds growth rates.
_LOWEST_INDEX = 50
_ROW_MARKER = re.compile(
    r"^(?:[-–+•*]\s*|\(?\d{1,2}(?:\.\d{1,2})*[.)]\s*|[a-zđ]\)\s*|[ivx]{1,4}[.)]\s+)"
)
_UNIT_IN_HEADER = re.compile(r"\(([^()]{1,20})\)")
_UNIT_AT_END = re.compile(r"\(([^()]{1,20})\)\s*:?$")
_PERCENT_IN_HEADER = re.compile(r"\(\s*%\s*\)$")
_BARE_PERIOD_CELL = re.compile(r"quý\s+[ivx\d]+|tháng\s+\d{1,2}|\d{1,2}\s+tháng(?:\s+đầu năm)?")
# A row named by its period: "Quý I/2023", "Tháng 3/2024", "Năm 2023", "6 tháng năm 2024".
_SERIES_PERIOD = re.compile(r"\s+(?:(?:các|từng)\s+)?(?:quý|tháng|năm|kỳ)$")  # "IIP các quý"
_PERIOD_CELL = re.compile(
    rf"(?:(?:quý\s+[ivx\d]+|tháng\s+\d{{1,2}}|\d{{1,2}}\s+tháng(?:\s+đầu)?|cả)\s*(?:/|năm)?\s*"
    rf"|năm\s+)({YEAR})"
)
SAME_PERIOD_SHARE_UNIT = "% cùng kỳ"


@dataclass(frozen=True)
class _Column:
    role: str  # "name", "unit", "value", "share" (of plan), "same period" (share of last year)
    kind: str | None = None
    year: int | None = None
    unit: _Unit | None = None  # a unit the header states: "Thực hiện (tỷ đồng)"
    title: str = ""  # what a value column measures, for rows named by a period


class _Table:
    """A table of indicators as article bodies store it: one row per line, cells joined by
    " | ", a header row first ("Chỉ tiêu | ĐVT | Kế hoạch 2023 | Thực hiện 2023 | % so KH").
    The header says what each column is: the name, the unit, a value of a kind and year
    (kế hoạch → target, thực hiện / ước → actual, "Năm 2023" → that year), or a share of
    plan ("% so KH": unit "% kế hoạch") or of the same period last year ("% cùng kỳ")."""

    def __init__(self, header: tuple[str, ...], title: str = ""):
        self.width = len(header)
        # the line over the table may say what its plain columns hold: "Tốc độ tăng theo quý
        # năm 2025 so với cùng kỳ (%)" over "Quý | GRDP | Khu vực dịch vụ"
        title = title.lower()
        self.title = canonical_name(_UNIT_IN_HEADER.sub(" ", title))
        bracket = _UNIT_AT_END.search(title)
        title_unit = _match_unit(bracket.group(1) + " ", 0, title) if bracket else None
        self.title_year = frame_of(title).year if title_unit is not None else None
        self.columns = [
            self._column(cell.lower(), index, title_unit) for index, cell in enumerate(header)
        ]
        if not any(column.role == "name" for column in self.columns):
            first = next(i for i, c in enumerate(self.columns) if c.role != "skip")
            self.columns[first] = _Column("name")
        targets = [
            i for i, c in enumerate(self.columns) if c.role == "value" and c.kind == "target"
        ]
        self.plan_column = targets[0] if len(targets) == 1 else None
        years = [c.year for c in self.columns if c.role == "value" and c.year is not None]
        self.last_year = max(years) if years else None  # what a share column compares

    @staticmethod
    def is_header(cells: tuple[str, ...]) -> bool:
        """A row of column titles: two cells or more, none of them a number ("Năm 2023",
        "9 tháng năm 2024", "% so KH" are titles; "2.150" or "98,5" a value)."""
        return len(cells) >= 2 and not any(
            _CELL_NUMBER.fullmatch(cell.lower().strip()) or not cell for cell in cells
        )

    @staticmethod
    def _column(title: str, index: int, title_unit: _Unit | None = None) -> _Column:
        if _TABLE_ORDER.match(title):
            return _Column("skip")
        if _TABLE_UNIT.match(title):
            return _Column("unit")
        if _TABLE_SHARE.search(_PERCENT_IN_HEADER.sub(" ", title)):
            # "% so KH" is a share of plan; any other comparison ("% so cùng kỳ", "So sánh
            # 2023/2022 (%)") is a share of an earlier period; "IIP các quý (%)" only says
            # its values are percentages
            if _TABLE_PLAN_REFERENCE.search(title) and not _TABLE_SAME_PERIOD.search(title):
                return _Column("share")
            if _TABLE_GROWTH.search(title):  # "Tăng so với cùng kỳ (%)": a growth rate
                return _Column("value", None, None, _Unit("%", 0))
            return _Column("same period")
        stated = frame_of(title)
        if _TABLE_NAME.match(title) and stated.year is None:
            return _Column("name")
        bracket = _UNIT_IN_HEADER.search(title)
        unit = _match_unit(bracket.group(1) + " ", 0, title) if bracket else None
        if unit is None and title.startswith("số "):
            unit = _noun_unit(title, len("số "))  # "Số sản phẩm": a count of products
            unit = unit if unit is not None and not unit.skip else None
        if unit is None and index and title_unit is not None:
            unit = title_unit
        if stated.kind is None and stated.year is None and unit is None:
            return _Column("name") if index == 0 else _Column("skip")
        measured = canonical_name(_UNIT_IN_HEADER.sub(" ", title))
        return _Column("value", stated.kind, stated.year, unit, measured)

    def read(
        self, cells: tuple[str, ...], line: str, frame: Frame, carried: int | None
    ) -> list[Indicator]:
        name = ""
        unit: _Unit | None = None
        values: dict[int, tuple[float, float | None, bool]] = {}
        cell_units: dict[int, _Unit] = {}  # "hơn 2,27 triệu lượt": a cell that says its unit
        for index, (column, cell) in enumerate(zip(self.columns, cells, strict=True)):
            low = cell.lower()
            if column.role == "name":
                name = _ROW_MARKER.sub("", low).strip(" :")
                bracket = _UNIT_IN_HEADER.search(name)
                if bracket and unit is None:  # "Diện tích lúa (ha)"
                    unit = _table_unit(bracket.group(1), name)
                    name = (name[: bracket.start()] + name[bracket.end() :]).strip()
            elif column.role == "unit":
                unit = _table_unit(low, name)
            elif column.role != "skip":
                number = _CELL_NUMBER.fullmatch(low.strip())
                if number:
                    value_max = number.group(2)
                    first = number.group(1)
                    sign = -1.0 if first[0] in "-–−" else 1.0  # "-0,68": a fall
                    values[index] = (
                        sign * parse_number(first.lstrip("-–−")),
                        parse_number(value_max) if value_max else None,
                        bool(number.group(3)),
                    )
                else:
                    written = _CELL_AMOUNT.fullmatch(low.strip())
                    stated = (
                        _match_unit(low.strip(), written.end(1), name) if written else None
                    )
                    if stated is not None and not stated.skip and not low.strip()[stated.end :]:
                        values[index] = (parse_number(written.group(1)), None, False)
                        cell_units[index] = stated
        if _YEAR_ONLY.fullmatch(name):
            name = f"năm {name}"  # "2024 | 8,01" under "Năm | Tỷ trọng (%)": a year's row
        if not name or not values or not _LETTERS.search(name):
            return []
        period = _PERIOD_CELL.fullmatch(name)
        row_year = int(period.group(1)) if period else None
        if period is None:  # "Quý I" under a title that gives the year
            period = _BARE_PERIOD_CELL.fullmatch(name)
        name = canonical_name(name)
        plan = values.get(self.plan_column) if self.plan_column is not None else None
        rows = []
        for index, (value, value_max, percent) in values.items():
            column = self.columns[index]
            if column.role == "share":
                figure_unit, multiplier = PLAN_SHARE_UNIT, None
            elif column.role == "same period":
                # "So với cùng kỳ (%) | 8,9": a growth rate; "108,9": the same period as 100
                figure_unit = "%" if value < _LOWEST_INDEX else SAME_PERIOD_SHARE_UNIT
                multiplier = None
            else:
                stated = cell_units.get(index) or column.unit or unit
                if percent:
                    figure_unit, multiplier = "%", None
                elif stated is None:
                    continue  # a number without a unit is not an indicator
                else:
                    figure_unit = STORED_AS.get(stated.unit, stated.unit)  # as in prose
                    multiplier = stated.multiplier
            if column.role != "value":
                kind, year = "actual", self.last_year  # a share of plan is an achievement
            elif column.kind is not None:
                kind, year = column.kind, column.year
            else:  # "Năm 2023": a value of that year; a title without a year takes the frame's
                kind = "actual" if column.year is not None else frame.kind or "actual"
                year = column.year
            plan_value = None
            if plan is not None and kind == "actual" and column.role == "value":
                plan_value = scale(plan[0], multiplier)
            row_name = _share_of_row(column.title, name) if column.role == "value" else name
            if period is not None:
                # "Quý I/2023 | 4,9" under "IIP các quý (%)": a series of what the column
                # measures, one row per period
                row_name = _SERIES_PERIOD.sub("", column.title) or name
                if self.title.startswith(row_name):
                    # "Tỷ trọng (%)" under "Tỷ trọng giá trị tăng thêm của kinh tế số trong
                    # GRDP": the line over the table says in full what the column measures
                    row_name = self.title
                year = year or row_year
            rows.append(
                Indicator(
                    name=row_name,
                    value=scale(value, multiplier),
                    value_max=scale(value_max, multiplier) if value_max is not None else None,
                    unit=figure_unit,
                    kind=kind,
                    year=year or self.title_year or frame.year or carried,
                    period=frame.period,
                    plan_value=plan_value,
                    indicator=(
                        catalogue_code(row_name, figure_unit) if _LETTERS.search(row_name) else None
                    ),
                    sentence=line,
                )
            )
        return rows


_SHARE_TITLE = re.compile(r"^(?:tỷ trọng|cơ cấu)\b")
_SHARE_TITLE_LINK = re.compile(r"\s(?=(?:vào|trong|của|so với)\s)")


def _share_of_row(title: str, row: str) -> str:
    """A column of shares names each row's figure by the row: "Tỷ trọng (%)" → "tỷ trọng
    dịch vụ", "Tỷ trọng trong GRDP" → "tỷ trọng dịch vụ trong grdp", "Tỷ trọng đóng góp vào
    tăng trưởng chung" → "tỷ trọng đóng góp của dịch vụ vào tăng trưởng chung", "Cơ cấu kinh
    tế" → "tỷ trọng dịch vụ trong cơ cấu kinh tế"; any other column is named by its row."""
    if not _SHARE_TITLE.match(title) or not row:
        return row
    if title.startswith("cơ cấu"):
        return f"tỷ trọng {row} trong {title}"
    link = _SHARE_TITLE_LINK.search(title)
    head, tail = (title[: link.start()], title[link.end() :]) if link else (title, "")
    owner = f"tỷ trọng {row}" if head == "tỷ trọng" else f"{head} của {row}"
    return f"{owner} {tail}".strip()


def _table_unit(cell: str, name: str) -> _Unit | None:
    """The unit a table's unit cell states: "%", "tỷ đồng", "ha", "người", "Tr.đồng/người";
    a word the vocabulary does not know ("cái", "ngành") is a counted noun as written."""
    cell = cell.replace("tr.đồng", "triệu đồng").replace("tr.đ", "triệu đồng").strip()
    if not cell:
        return None
    if cell.startswith("%"):
        return _Unit("%", 1)
    found = _match_unit(cell + " ", 0, name)
    if found is not None and not found.skip:
        return found
    word = cell.split("/")[0].strip()
    return _Unit(word, len(word)) if _LETTERS.search(word) and not _DIGIT.search(word) else None


def _lower(text: str) -> str:
    """Lower-case without changing offsets (some code points lower to two characters)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)


def _blocked_spans(low: str) -> list[tuple[int, int]]:
    spans = [
        m.span()
        for pattern, cues in _BLOCKED
        if cues[0] in low or len(cues) > 1 and cues[1] in low
        for m in pattern.finditer(low)
    ]
    if _LONG_DIGIT_RUN.search(low):
        spans += [m.span() for pattern in _LONG_NUMBERS for m in pattern.finditer(low)]
    if "-" in low or "–" in low or "—" in low:
        spans += [m.span() for m in _YEAR_RANGE.finditer(low)]
    return spans


class _Lexicon:
    """Written forms grouped by first character, longest first: a look-up tries only the
    few forms that can start the text instead of the whole vocabulary."""

    def __init__(self, forms):
        self.by_start: dict[str, list[str]] = {}  # by first two characters (one if that short)
        for written in sorted(forms, key=len, reverse=True):
            self.by_start.setdefault(written[:2], []).append(written)

    def longest_prefix(self, rest: str) -> str | None:
        """The longest form ``rest`` starts with as a whole word."""
        for written in self.by_start.get(rest[:2], ()):
            if rest.startswith(written) and not _continues_word(rest, len(written)):
                return written
        for written in self.by_start.get(rest[:1], ()):
            if not _continues_word(rest, 1):
                return written
        return None


_SPACE_RUN = re.compile(r"\s*")
# Written form -> (unit, skip): counted nouns, then measures, then skip words override.
_NOUN_READINGS = {
    **{form: (UNIT_ALIASES.get(unit, unit), False) for form, unit in COUNT_NOUNS.items()},
    **{form: (unit, False) for form, unit in MEASURE_UNITS.items()},
    **{form: (form, True) for form in TIME_UNITS | PLAN_UNITS | DENOMINATOR_UNITS},
}
_NOUN_FORMS = _Lexicon(_NOUN_READINGS)
_MULTIPLIERS = _Lexicon(w for w in MULTIPLIERS if w != "vạn")
_CURRENCIES = _Lexicon(CURRENCY_WORDS)
_FOREIGN = _Lexicon(FOREIGN_CURRENCIES)
# Characters a unit look-up reads after a number: the longest written form and the character
# after it (which must not continue the word), plus "phần trăm" and multipliers' margins.
_UNIT_WINDOW = 2 + max(
    len(form)
    for forms in (
        TIME_UNITS,
        PLAN_UNITS,
        DENOMINATOR_UNITS,
        COUNT_NOUNS,
        MEASURE_UNITS,
        MULTIPLIERS,
        CURRENCY_WORDS,
        FOREIGN_CURRENCIES,
        ("điểm phần trăm",),
    )
    for form in forms
)


def _continues_word(rest: str, length: int) -> bool:
    return length < len(rest) and (rest[length].isalnum() or rest[length] == "_")


def _noun_unit(low: str, offset: int) -> _Unit | None:
    """The longest skip word, measure or counted noun at ``offset`` (one look-up: a form in
    two lists is a skip word before a measure before a counted noun)."""
    written = _NOUN_FORMS.longest_prefix(low[offset : offset + _UNIT_WINDOW])
    if written is None:
        return None
    unit, skip = _NOUN_READINGS[written]
    return _Unit(unit, offset + len(written), skip=skip)


def _match_unit(low: str, offset: int, clause_before: str) -> _Unit | None:
    """The unit written right after a number ending at ``offset``."""
    start = _SPACE_RUN.match(low, offset).end()
    rest = low[start : start + _UNIT_WINDOW]
    if rest.startswith("%") or rest.startswith("phần trăm"):
        return _Unit("%", start + (1 if rest.startswith("%") else len("phần trăm")))
    if rest.startswith(POINTS_UNIT):  # a difference of rates, not a rate
        return _Unit(POINTS_UNIT, start + len(POINTS_UNIT))
    multiplier = _MULTIPLIERS.longest_prefix(rest)
    if multiplier and not _NOT_MULTIPLIER.match(rest, len(multiplier)):
        after = start + len(multiplier)
        spaces = _SPACE_RUN.match(low, after).end() - after
        tail = low[after + spaces : after + spaces + _UNIT_WINDOW]
        money = _CURRENCIES.longest_prefix(tail)
        if money and not _is_comrade(tail):
            return _Unit("VND", after + spaces + len(money), multiplier)
        foreign = _FOREIGN.longest_prefix(tail)
        if foreign:
            return _Unit(FOREIGN_CURRENCIES[foreign], after + spaces + len(foreign), multiplier)
        counted = _noun_unit(low, after + spaces)
        if counted and not counted.skip:
            return _Unit(counted.unit, counted.end, multiplier)
        if any(cue in clause_before for cue in MONEY_CUES):
            return _Unit("VND", after, multiplier)
        return None
    if rest.startswith("vạn "):
        # "sản lượng 36,39 vạn tấn": ten thousands of a counted or measured unit ("1 vạn dân"
        # is a denominator, read below)
        counted = _noun_unit(low, start + len("vạn "))
        if counted and not counted.skip:
            return _Unit(counted.unit, counted.end, "vạn")
    noun = _noun_unit(low, start)
    if noun and noun.unit == "điểm" and "đóng góp" in clause_before:
        return _Unit(POINTS_UNIT, noun.end)  # "đóng góp 4,58 điểm vào mức tăng chung"
    if noun and noun.unit not in ("đồng chí", "đồng bào"):
        return noun
    money = _CURRENCIES.longest_prefix(rest)
    if money and not _is_comrade(rest):
        return _Unit("VND", start + len(money))
    foreign = _FOREIGN.longest_prefix(rest)
    if foreign:
        return _Unit(FOREIGN_CURRENCIES[foreign], start + len(foreign))
    if _TIMES.match(rest):
        return _Unit("lần", start + len("lần"))
    return noun


_WORD_AFTER = re.compile(r"\s*([^\W\d_]{2,})(?![\w/])")


def _open_noun(low: str, offset: int) -> _Unit | None:
    """The word after a count over a total that cannot be a date ("23/27 ngành", "14/16
    phòng ban"): a count names what it counts, in or out of the vocabulary."""
    word = _WORD_AFTER.match(low, offset)
    if word is None or _NOT_A_NOUN.match(word.group(1)):
        return None
    return _Unit(word.group(1), word.end())


def _is_comrade(rest: str) -> bool:
    return bool(_COMRADE.match(rest))


def _clause_start(low: _Scanned, position: int) -> int:
    return low.clause_start(position)


def _before(low: _Scanned, position: int) -> str:
    """The clause before ``position``, at most _REACH characters of it."""
    return low[max(low.clause_start(position), position - _REACH) : position]


# "phấn đấu hoàn thành và vượt 31 chỉ tiêu": targets a plan aims at are how many it has
_AIMED_BEFORE = re.compile(r"\b(?:phấn đấu|để|sẽ|nhằm|quyết tâm|kế hoạch|mục tiêu)\b")
_PAST_EVIDENCE = re.compile(r"\b(?:lũy kế|luỹ kế|từ đầu năm|so với cùng kỳ|so cùng kỳ)\b")
_PLAN_WORD = re.compile(r"\b(?:kịch bản|kế hoạch|mục tiêu|chỉ tiêu|dự toán)\b")
_PLAN_COMPARED_AFTER = re.compile(
    r"\s*(?:so với|so)\s+(?:[^\W\d]+\s+){0,2}?(?:kịch bản|kế hoạch|mục tiêu|chỉ tiêu|dự toán)\b"
)
_GAP_BEFORE = re.compile(
    r"\b(?:cao|thấp|nhiều|ít) hơn (?:kế hoạch|mục tiêu|chỉ tiêu|dự toán|kịch bản)\s+"
    r"(?:(?:trên|gần|khoảng|hơn)\s+)?$"
)
_THRESHOLD_BEFORE = re.compile(r"\bvượt (?:ngưỡng|mốc)\s+$")
_PROGRESS_AFTER = re.compile(r"\s*(?:tiến độ|khối lượng)\b")
_AVERAGE_ELSEWHERE_AFTER = re.compile(
    r"\s+(?:so với\s+)?(?:mức\s+)?(?:bình quân|trung bình)(?:\s+chung)?(?:\s+của)?\s+"
    r"(?:cả nước|toàn quốc|của vùng|vùng|khu vực)\b"
)
_FULFILLED_BEFORE = re.compile(
    r"\b(?:hoàn thành|đạt)(?:\s+và\s+vượt)?\s+(?:được\s+)?(?:(?:trên|hơn|gần)\s+)?$"
)


def _find_figures(sentence: str, low: str) -> tuple[list[_Figure], list[_YearMark]]:
    blocked = _Spans(_blocked_spans(low))
    attendance = bool(_ATTENDANCE.search(low))
    voting = "phiếu" in low or "đại biểu" in low
    figures: list[_Figure] = []
    years: list[_YearMark] = []
    ratio_spans = _Spans()
    for match in _RATIO.finditer(low) if "/" in low else ():
        if blocked.covers(match.start()) or _numbered_thing(low, match.start()):
            continue
        before = _before(low, match.start())
        unit = _match_unit(low, match.end(), before)
        fulfilment = unit is not None and unit.unit in _RATIO_PLAN_UNITS
        part, whole = parse_number(match.group(1)), parse_number(match.group(2))
        not_a_date = whole > 12 or part > 31
        if unit is None and part <= whole and not_a_date and "," not in match.group():
            unit = _open_noun(low, match.end())  # "23/27 ngành sản xuất": any counted noun
        if unit is not None and unit.unit in _MEETING_NOUNS:
            continue
        if unit is None or (unit.skip and not fulfilment):
            if 1 <= part <= 31 and 1 <= whole <= 12 and "," not in match.group():
                blocked.add(*match.span())  # a day/month date such as "7/11"
            continue
        counted = unit.multiplier is None and unit.unit not in _LEVEL_UNITS
        if counted and part <= whole and part.is_integer() and whole.is_integer():
            figure = _Figure(match.start(), unit.end, match.start(), part, None, unit.unit)
            figure.total = whole
        elif not counted:  # actual/plan: "53,5/52 ha", "22/23 triệu đồng"
            figure = _Figure(
                match.start(),
                unit.end,
                match.start(),
                scale(part, unit.multiplier),
                None,
                unit.unit,
                plan=scale(whole, unit.multiplier),
            )
        else:
            continue
        figures.append(figure)
        ratio_spans.add(match.start(), unit.end)
    at_least = "trở lên" in low
    running = "lũy kế" in low
    compound = "triệu" in low or "tỷ" in low or "tỉ" in low
    for match in _COMPOUND.finditer(low) if compound else ():
        if (
            blocked.covers(match.start())
            or ratio_spans.covers(match.start())
            or _numbered_thing(low, match.start())
        ):
            continue
        before = _before(low, match.start())
        unit = _match_unit(low, match.end(3), before)
        big = MULTIPLIERS[match.group(2)]
        if (
            unit is None
            or unit.unit not in _MONEY_UNITS
            or MULTIPLIERS[unit.multiplier or "nghìn"] >= big
        ):
            continue
        value = scale(parse_number(match.group(1)), match.group(2)) + scale(
            parse_number(match.group(3)), unit.multiplier
        )
        figures.append(_Figure(match.start(), unit.end, match.start(), value, None, unit.unit))
        ratio_spans.add(match.start(), unit.end)
    for match in _TOKEN.finditer(low):
        start = match.start()
        if blocked.covers(start) or ratio_spans.covers(start) or _numbered_thing(low, start):
            continue
        first, second = match.group("a"), match.group("b") or match.group("c")
        before = _before(low, start)
        unit = _match_unit(low, match.end(), before)
        plain_year = second is None and _YEAR_ONLY.fullmatch(first)
        if plain_year and (
            unit is None or _YEAR_WORD_BEFORE.search(before, max(0, len(before) - 12))
        ):
            base = bool(_BASE_BEFORE.search(low, max(0, start - _REACH), start))
            years.append(_YearMark(start, match.end(), int(first), base))
            continue
        if unit is not None and unit.unit == "tuổi" and "tuổi thọ" in before:
            unit = unit._replace(skip=False)  # "tuổi thọ trung bình đạt 75,5 tuổi": a figure
        if unit is None or unit.skip:
            if unit is None and running and figures and "lũy kế" in before:
                unit = _running_total_unit(before, figures[-1], match.end())
            elif unit is not None and unit.unit in _TARGET_UNITS:
                if _FULFILLED_AFTER.match(low, unit.end) or (
                    _FULFILLED_BEFORE.search(before) and not _AIMED_BEFORE.search(before)
                ):
                    # "25 chỉ tiêu vượt kế hoạch", "đã hoàn thành và vượt 18 chỉ tiêu"
                    unit = unit._replace(skip=False)
            if unit is None or unit.skip:
                continue
        if attendance and unit.unit not in ("%", "VND"):
            continue
        if unit.unit in _MEMBERS and _BODY_MAKEUP_BEFORE.search(before):
            continue
        if unit.unit in _SUBDIVISIONS and _MADE_FROM.search(before.rpartition(",")[2]):
            # "Phường được lập từ 5 phường cũ cùng một phần của 2 phường khác": what the new
            # unit was made from
            continue
        if unit.unit in _PARTY_UNITS and (
            _PARTY_MAKEUP_BEFORE.search(before) or low.startswith(" trực thuộc", unit.end)
        ):
            continue
        if voting and (
            _VOTE.search(low, max(0, start - 40), start) or _VOTE.match(low, unit.end + 1)
        ):
            continue
        if unit.unit in _MEETING_NOUNS or (
            before.endswith(_MERGED_ENDINGS) and _MERGED_BEFORE.search(before, len(before) - 16)
        ):
            continue
        if (
            unit.unit == POINTS_UNIT
            and (
                _PLAN_WORD.search(before.rpartition(",")[2])
                or _PLAN_COMPARED_AFTER.match(low, unit.end)
                or _PLAN_COMPARED_AFTER.match(low)  # "So với kịch bản, mức tăng hụt …"
            )
        ):
            # "thấp hơn kịch bản đề ra 2,23 điểm phần trăm", "vượt 1,13 điểm phần trăm so với
            # chỉ tiêu": how far a rate is from its plan, no level of anything
            continue
        if _GAP_BEFORE.search(before, max(0, len(before) - 40)) or (
            _THRESHOLD_BEFORE.search(before, max(0, len(before) - 24))
            and any(figure.unit == unit.unit for figure in figures)
        ):
            # "cao hơn kế hoạch trên 6.000 ha": how far from the plan; "đạt 641.710 tỷ đồng,
            # lần đầu vượt ngưỡng 600 nghìn tỷ đồng": a milestone the amount passed ("thu
            # ngân sách vượt mốc 25.000 tỷ đồng" alone is the amount aimed at)
            continue
        if unit.unit == "%" and _PROGRESS_AFTER.match(low, unit.end):
            continue  # "Nhà máy nhiệt điện đạt hơn 96% tiến độ": one project's progress
        if unit.unit == "lần" and _AVERAGE_ELSEWHERE_AFTER.match(low, unit.end):
            continue  # "gấp 1,16 lần bình quân cả nước": how it compares, no figure of its own
        if at_least and _THRESHOLD_AFTER.match(low, unit.end):
            continue  # "Số xã đạt từ 10 tiêu chí … trở lên là 37 xã": 10 defines what is counted
        value = scale(_number_value(first), unit.multiplier)
        value_max = scale(_number_value(second), unit.multiplier) if second else None
        if value == 1 and value_max is None and _PER_BEFORE.search(before):
            continue  # a denominator: "trên 1 ha", "/1 vạn dân"
        suffix = _PER_SUFFIX.match(low, unit.end)
        end = suffix.end() if suffix else unit.end
        figure = _Figure(start, end, start, value, value_max, unit.unit)
        figure.compared = bool(_COMPARED_WITH.search(before, max(0, len(before) - 24)))
        opened = _bracket_open(low, start) if "cùng kỳ" in before else None
        if opened is not None and _LAST_YEAR_BRACKET.fullmatch(low, opened + 1, start):
            figure.compared = figure.last_year = True  # "(cùng kỳ tăng 5,1%)"
        _read_plan(low, figure, unit, before, blocked)
        figures.append(figure)
    for stated, dates in (("/", _FULL_DATE_YEAR), ("-", _DASH_DATE_YEAR)):
        if stated in low and (stated == "/" or "ngày" in low):
            # "16/6/2020", "quý II/2024", "ngày 24-9-2025"
            cut_offs = (
                {m.start(1) for m in _JANUARY_CUT_OFF.finditer(low)}
                if "đến" in low and _SETTLED_IN_JANUARY.search(low)
                else ()
            )
            years += [
                # a January cut-off dates the year just ended
                _YearMark(m.start(1), m.end(1), int(m.group(1)) - 1, False, True)
                if m.start(1) in cut_offs
                # "tăng 44,2% so với tháng 8/2023": the period compared with
                else _YearMark(
                    m.start(1),
                    m.end(1),
                    int(m.group(1)),
                    bool(_BASE_BEFORE.search(low, max(0, m.start(1) - _REACH), m.start(1))),
                    True,
                )
                for m in dates.finditer(low)
            ]
    figures.sort(key=lambda figure: figure.start)
    figures = _plans_in_brackets(low, figures)
    for previous, figure in zip(figures, figures[1:], strict=False):
        if (
            figure.points is not None
            and previous.unit == "%"
            and ";" not in low[previous.end : figure.start]
            and not _change_before(_before(low, previous.start))
        ):
            # "đạt 8,6%, cao hơn 1,2% so với kế hoạch": points above the planned rate (after
            # a change, "tăng 1,31%, vượt 1,29% kế hoạch", the plan is the quantity's)
            figure.value, figure.unit, figure.plan_share = figure.points, "%", False
    if "đạt" in low:
        _elided_plan_shares(low, figures)
    years.sort(key=lambda mark: mark.start)
    return figures, years


_AMOUNT_THEN_SHARE = re.compile(r"\s*,\s*đạt\s*(?:khoảng\s+|gần\s+|trên\s+|hơn\s+)?")
_PART_THEN_SHARE = re.compile(
    r"\s*[,;]\s*(?:trong đó|riêng)\s+[^,;.\d]{2,40}?\s+(?:đạt|bằng)\s*"
    r"(?:khoảng\s+|gần\s+|trên\s+|hơn\s+)?"
)
_BARE_END = re.compile(r"\s*(?:[,;.)]|và\b|$)")


def _elided_plan_shares(low: str, figures: list[_Figure]) -> None:
    """ "chi thường xuyên đạt 800 tỷ đồng, đạt 58,4%", "thu ngân sách năm 2025 đạt 85,3 tỷ
    đồng, đạt 108%.": an amount then a bare "đạt X%" is the amount's share of its plan, the
    reference left unsaid (a rate, "tỷ lệ đô thị hóa đạt 60,3%", is no share)."""
    for previous, figure in zip([None, *figures], figures, strict=False):
        if (
            previous is not None
            and figure.unit == "%"
            and figure.value_max is None
            and _BARE_END.match(low, figure.end)
            and (
                previous.unit in _MONEY_UNITS
                and _AMOUNT_THEN_SHARE.fullmatch(low, previous.end, figure.start)
                # "bằng 145,5% dự toán, trong đó thu nội địa đạt 149,8%": a part's share of
                # the same plan
                or previous.plan_share
                and _PART_THEN_SHARE.fullmatch(low, previous.end, figure.start)
            )
        ):
            figure.unit, figure.plan_share = PLAN_SHARE_UNIT, True


def _running_total_unit(before: str, previous: _Figure, end: int) -> _Unit | None:
    """ "quý III đạt 154.108 tấn, lũy kế 9 tháng 367.187": a running total written without its
    unit is in the unit of the figure before it (not money, whose scale it would guess)."""
    if previous.unit in ("VND", "USD", "EUR", "%") or not _RUNNING_TOTAL.search(before):
        return None
    return _Unit(previous.unit, end)


def _number_value(token: str) -> float:
    """``parse_number`` for a token the NUMBER pattern already matched."""
    return float(token.replace(".", "").replace(",", "."))


def _plans_in_brackets(low: str, figures: list[_Figure]) -> list[_Figure]:
    """ "tăng 10,5% so với năm 2016 (kế hoạch tăng 10,6%)": the bracketed figure is the plan
    of the one before it, not a figure of its own."""
    kept: list[_Figure] = []
    for figure in figures:
        opened = _bracket_open(low, figure.start)
        previous = None
        if opened is not None and kept:
            # "đạt 1,55 tỷ USD, bằng 51,6% kế hoạch năm (kế hoạch thu hút 3 tỷ USD)": the
            # plan of the last actual in its unit, across a share of plan in between
            previous = next(
                (
                    owner
                    for owner in reversed(kept[-_PLAN_OWNER_REACH:])
                    if owner.unit == figure.unit
                    and not owner.compared
                    and ";" not in low[owner.end : opened]
                ),
                None,
            )
        if (
            previous is not None
            and opened >= previous.end
            and previous.plan is None
            and (
                _PLAN_IN_BRACKET.fullmatch(low, opened, figure.start)
                or _BARE_BRACKET.fullmatch(low, opened, figure.start)
                and _PLAN_BEFORE_BRACKET.search(low, max(previous.end, opened - 40), opened)
            )
        ):
            sign = -1.0 if "giảm" in low[opened : figure.start] else 1.0
            previous.plan = sign * figure.value
            previous.plan_max = sign * figure.value_max if figure.value_max is not None else None
            continue
        kept.append(figure)
    return kept


# "vượt kế hoạch (được giao) 5%", "vượt chỉ tiêu thành phố giao từ 8 - 10%": the excess over
# the plan named before the figure.
_OVER_NAMED_PLAN_BEFORE = re.compile(
    r"\bvượt\s+(?:chỉ tiêu|kế hoạch|dự toán|mục tiêu)\b"
    r"(?:(?!tăng|giảm|đạt|so|là|bằng|ở mức)[^,;.\d]){0,40}$"
)


def _read_plan(low: str, figure: _Figure, unit: _Unit, before: str, blocked: _Spans) -> None:
    """The plan written after the figure ("/KH 24,5-25,5%"), or the figure as a share of
    plan ("đạt 101,6% kế hoạch", "vượt 74% mục tiêu" = 174% of plan)."""
    plan = _PLAN_AFTER.match(low, unit.end)
    if plan:
        plan_unit = _match_unit(low, plan.end(), before)
        if plan_unit is None or plan_unit.unit == figure.unit:
            multiplier = plan_unit.multiplier if plan_unit else unit.multiplier
            figure.plan = scale(parse_number(plan.group("a")), multiplier)
            if plan.group("b"):
                figure.plan_max = scale(parse_number(plan.group("b")), multiplier)
            figure.end = plan_unit.end if plan_unit else plan.end()
            blocked.add(plan.start(), figure.end)
            return
    over = _OVER_PLAN.match(low, unit.end) if figure.unit in _LEVEL_UNITS else None
    if over:  # "chi trả 279,474 tỷ đồng/686,71 tỷ đồng": the actual over its plan
        plan_unit = _match_unit(low, over.end(), before)
        if plan_unit is not None and plan_unit.unit == figure.unit:
            figure.plan = scale(parse_number(over.group(1)), plan_unit.multiplier)
            figure.end = plan_unit.end
            blocked.add(over.start(), figure.end)
            return
    if (
        figure.unit == "lần"
        and figure.value_max is None
        and _PLAN_REFERENCE.match(low, unit.end)
        and not _PLAN_REFERENCE.match(low, unit.end).group().strip().startswith("của")
    ):
        # "gấp 2,46 lần so kế hoạch" is a share of plan, 246% of it
        figure.value, figure.unit = round(figure.value * 100, 6), PLAN_SHARE_UNIT
        figure.plan_share = True
        reference = _REFERENCE_PHRASE.match(low, unit.end)
        figure.end = reference.end() if reference else figure.end
        return
    if figure.unit == "%" and "vượt" in before and _OVER_NAMED_PLAN_BEFORE.search(before):
        # "vượt chỉ tiêu thành phố giao từ 8 - 10%": 108-110% of the plan
        figure.value = round(100 + figure.value, 6)
        if figure.value_max is not None:
            figure.value_max = round(100 + figure.value_max, 6)
        figure.unit, figure.plan_share = PLAN_SHARE_UNIT, True
        return
    if figure.unit == "%" and figure.value_max is None and _PLAN_REFERENCE.match(low, unit.end):
        verb = _SHARE_VERB.search(before)
        if verb:
            figure.points = figure.value
        above = verb is not None and verb.group(1) in ("vượt", "tăng", "cao hơn")
        # "vượt hơn 200% dự toán": a plan beaten twice over is said "gấp 2 lần"; a share of
        # 100% or more after "vượt" is the share reached
        if above and not (verb.group(1) == "vượt" and figure.value >= 100):
            figure.value = round(100 + figure.value, 6)
        elif verb and not above:
            figure.value = round(100 - figure.value, 6)
        figure.unit = PLAN_SHARE_UNIT
        figure.plan_share = True
        reference = _REFERENCE_PHRASE.match(low, unit.end)
        figure.end = reference.end() if reference else figure.end


def _qualifier(low: str, start: int) -> str | None:
    found = _QUALIFIER_WORD_AT_END.search(low[max(0, start - 12) : start].rstrip())
    return QUALIFIERS[found.group()] if found else None


def _bracket_open(low: _Scanned, position: int) -> int | None:
    return low.bracket_open(position)


def _kind(
    low: str, start: int, block: _TargetBlock | None, lead_in_end: int | None, frame: Frame
) -> str:
    sentence_target = block is not None or (lead_in_end is not None and lead_in_end <= start)
    state = "target" if sentence_target else (frame.kind or "actual")
    if state == "target" and not sentence_target and _PAST_EVIDENCE.search(low):
        # "Một số chỉ tiêu chủ yếu:" over "- Thu ngân sách từ đầu năm đạt 2.540 tỷ đồng, tăng
        # 38% so với cùng kỳ": what has piled up since January is no plan
        state = "actual"
    if "để " in low and _PURPOSE_OF_TARGET.match(low, low.clause_start(start)):
        return "target"  # "Để hoàn thành mục tiêu tăng trưởng năm 2025 đạt 8,75%, tỉnh …"
    opened = _bracket_open(low, start)
    if opened is not None and _ACTUALS_IN_BRACKET.match(low, opened + 1):
        return "actual"  # "(Thực hiện: năm 2021 là 13,2%, …)", "(năm 2022 đạt 73,4%)"
    if (
        opened is not None
        and _BARE_BRACKET.fullmatch(low, opened, start)
        and _PLAN_NAMED_BEFORE_BRACKET.search(low, max(0, opened - 40), opened)
    ):
        return "target"  # "cao hơn kịch bản tăng trưởng đề ra (9,96%)": the plan's level
    if opened is None:
        bracket = low.next_bracket(start)
        clause_end = low.clause_end(start)
        if 0 <= bracket < clause_end and _ACTUALS_IN_BRACKET.match(low, bracket + 1):
            state = "target"  # the figure whose actuals the bracket lists is the target
    scope_start = _clause_start(low, start) if not sentence_target else 0
    if opened is not None:
        scope_start = max(scope_start, opened)
    cue_start, cue = low.last_cue(scope_start, start)
    if (
        cue == "actual"
        and (sentence_target or frame.kind == "target")
        and low.startswith("dự kiến", cue_start)
    ):
        return "target"  # "Kế hoạch năm 2025: dự kiến hoàn thành 5 công trình"
    return cue or state


def _period(low: _Scanned, figure: _Figure, frame: Frame) -> str | None:
    return low.last_period(figure.start) or frame.period


def _year_groups(low: str, years: list[_YearMark]) -> list[list[_YearMark]]:
    """Consecutive years joined only by commas or "và" ("năm 2020, 2021 và 2022")."""
    groups: list[list[_YearMark]] = []
    for mark in years:
        if mark.base:
            continue
        joiner = low[groups[-1][-1].end : mark.start] if groups else ""
        if groups and _YEAR_JOINER.fullmatch(joiner):
            groups[-1].append(mark)
        else:
            groups.append([mark])
    return groups


class _YearIndex:
    """The sentence's stated years in groups, and its figures' offsets, for binary search."""

    def __init__(self, low: str, figures: list[_Figure], years: list[_YearMark]):
        self.groups = _year_groups(low, years)
        self.group_starts = [group[0].start for group in self.groups]
        self.group_ends = [group[-1].end for group in self.groups]
        self.stated = {mark.start for mark in years if not mark.base}
        self.dated_only = {mark.year for mark in years if mark.dated} - {
            mark.year for mark in years if not mark.dated
        }
        self.figure_starts = [figure.start for figure in figures]


def _years_for(
    low: _Scanned,
    figure: _Figure,
    index: _YearIndex,
    fallback: int | None,
    own_clause: bool = False,
) -> list[int | None]:
    """The years of a figure; ``own_clause``: only a year its own clause states counts."""
    after = _YEAR_AFTER.match(low, figure.end)
    if after and (after.start(1) in index.stated or "cùng kỳ" in after.group()):
        return [int(after.group(1))]  # "giảm từ 17,5% năm 2010 xuống còn 11,5% năm 2020"
    starts = index.figure_starts
    left = bisect_right(index.group_ends, figure.start)
    if left and own_clause and index.group_ends[left - 1] <= low.clause_start(figure.start):
        left = 0
    if left:
        group = index.groups[left - 1]
        if len(group) == 1:
            return [group[0].year]
        between = bisect_left(starts, figure.start) - bisect_left(starts, group[-1].end)
        if low.says_respectively(group[-1].end, figure.start):
            return [group[between].year] if between < len(group) else [None]
        return [mark.year for mark in group] if not between else [group[-1].year]
    clause_end = low.clause_end(figure.end)
    bracket = low.next_bracket(figure.end)
    if bracket >= 0 and low.bracket_open(figure.start) is None:
        clause_end = min(clause_end, bracket)
    following = bisect_right(starts, figure.start)
    next_figure = starts[following] if following < len(starts) else len(low)
    right = bisect_left(index.group_starts, figure.end)
    if (
        right < len(index.groups)
        and index.group_starts[right] < min(clause_end, next_figure)
        and not (
            next_figure < clause_end
            and _NEXT_TARGET_YEAR.search(low, figure.end, index.group_starts[right])
        )
    ):
        return [index.groups[right][0].year]
    return [fallback]


def _strip_trailing_verb(name: str) -> str:
    """The longest of ``_TRAILING_VERBS`` the name ends with, as whole words, removed (one
    ``endswith`` over the phrases, longest first, instead of a pattern tried at every offset)."""
    body = name.rstrip()
    last = body.rsplit(None, 1)[-1] if body else ""
    if last == "thêm" and body.endswith("giá trị tăng thêm"):
        return body  # value added, a quantity, not "giá trị" and a verb
    if last == "bằng" and body.endswith("mặt bằng"):
        return body  # "giải phóng mặt bằng": site clearance, not "giải phóng mặt" and "bằng"
    if last == "hiện" and body.endswith("đầu tư thực hiện"):
        return body  # "vốn đầu tư thực hiện": the statistics' name of capital spent
    for phrase in _TRAILING_VERBS_BY_LAST_WORD.get(last, ()):
        cut = len(body) - len(phrase)
        if body.endswith(phrase) and (cut == 0 or body[cut - 1].isspace()):
            return body[: max(cut - 1, 0)].strip(" ,;:–-")
    return name.strip(" ,;:–-")


def _clean_name(raw: str) -> str:
    name = raw.lower().replace("trở lên", " ").replace("trở xuống", " ")
    if _DIGIT.search(name) or any(word in name for word in _TIME_WORDS):
        name = _TIME_IN_NAME.sub(" ", name)
    if "(" in name:
        name = _BRACKETED.sub(" ", name)
    name = " ".join(name.split()).strip(" ,;:–-.()[]\"“”'’")
    if (
        "cho b" in name
        or "cho hay" in name
        or "cho th" in name
        or "thông " in name
        or "yêu cầu " in name
        or "chỉ đạo " in name
        or "đề nghị " in name
    ):
        name = _REPORTED_BY.sub("", name)
        name = _LEADING_FILLERS.sub("", name)
    if " là " in name and _DESCRIBED.search(name):
        # "Khu vực dịch vụ tiếp tục là trụ đỡ của nền kinh tế: giá trị tăng thêm …": who is
        # described, not the description
        name = _DESCRIBED.sub("", name)
    if " nhất" in name:
        # "Cà Mau là tỉnh có diện tích nuôi tôm lớn nhất cả nước, hơn 435.000 ha": the
        # quantity, not who ranks first nor the ranking
        ranked = _RANKING.search(name)
        if ranked:
            name = _RANKED_HOLDER.sub("", name[: ranked.start()])
    if " đã " in f" {name} ":
        doer, _, done = f" {name} ".rpartition(" đã ")
        doer, done = doer.strip(), done.strip()
        # "Xã đã hoàn thành 23 chỉ tiêu": the deed; "vốn đầu tư công đã giải ngân 900 tỷ
        # đồng": a bare verb after a quantity is what happened to it
        thing = doer.rsplit(",", 1)[-1].strip()
        if len(done.split()) <= 2 and thing.startswith(_QUANTITY_NOUNS):
            name = f"{thing} {done}"
        else:
            name = done
    while True:
        stripped = _strip_trailing_verb(name)
        filler = _LEADING_FILLERS.match(stripped)
        if filler:
            stripped = stripped[filler.end() :]
        stripped = stripped.strip(" ,;:–-")
        if stripped == name:
            break
        name = stripped
    if " phấn đấu " in name:
        # "Vụ xuân năm 2026 toàn tỉnh phấn đấu gieo trồng …": the deed or quantity aimed at,
        # not the season or place that aims (a trailing "phấn đấu đạt" went with the verbs
        # above; "tỷ lệ hộ nghèo phấn đấu giảm bình quân" keeps the quantity that changes)
        aim = name.rpartition(" phấn đấu ")[2]
        if not _CHANGE_OR_LINK.match(aim):
            name = aim
    parts = [part.strip(" –-") for part in name.split(",")]
    parts = [part for part in parts if part]
    if not parts:
        return ""
    chosen = len(parts) - 1
    for index in range(len(parts) - 1, -1, -1):
        if parts[index].startswith(SUBJECT_HEADS) or (
            index and parts[index].startswith(_PART_OPENERS)
        ):
            # "Diện tích cây lâu năm tăng khá, trong đó cà phê 32.877 ha": the part named
            chosen = index
            break
    else:
        # "nông, lâm nghiệp, thủy sản tăng": short parts before the last are one list
        if (
            chosen
            and len(parts[chosen].split()) <= 2
            and parts[chosen - 1].startswith(_SECTOR_HEADS)
        ):
            chosen -= 1  # "công nghiệp chế biến, chế tạo": the second item elides its head
        # "khu vực nông, lâm nghiệp và thủy sản": a part ending in a sector's first syllable
        while (
            chosen
            and (
                len(parts[chosen - 1].split()) <= 2 or parts[chosen - 1].endswith(_SECTOR_SYLLABLES)
            )
            and not _DIGIT.search(parts[chosen - 1])
        ):
            chosen -= 1
        if (
            chosen
            and len(parts[chosen].split()) <= 2
            and _HAS_OBJECT_AT_END.search(parts[chosen - 1])
            and not _DIGIT.search(parts[chosen - 1])
        ):
            chosen -= 1  # "lao động có bằng cấp, chứng chỉ": two objects of one "có"
    name = ", ".join(parts[chosen:])
    filler = _LEADING_FILLERS.match(name)  # "…, trong đó khai thác đá tăng gần 62%"
    if filler:
        name = name[filler.end() :]
    if _VERB_OR_TAIL_HINT.search(name):
        name = _QUALIFYING_TAIL.sub("", _VERB_BEFORE_SUBJECT.sub("", name))
    inner = _INNER_CHANGE.search(name) if "tăng" in name or "giảm" in name else None
    if inner and inner.start() > 0:
        name = name[: inner.start()]
    if " đạt " in name:
        name = _EVALUATION.sub("", name)  # "tốc độ tăng trưởng kinh tế đạt khá so với …"
    if name.endswith(("liên tục", "ổn định", "bình quân", "trung bình")):
        name = _STEADY_TAIL.sub("", name)
    name = name.strip(" ,")
    name = _LOCATION_PREFIX.sub("", name).strip(" ,")
    return name if any(ch.isalpha() for ch in name) else ""


# A tail that says what the counted do (a clause both nouns of a pair share), not a compound
# noun of the last one ("hộ kinh doanh cá thể").
_SHARED_TAIL = re.compile(
    r"\s(?:nuôi|trồng|đạt|tham gia|được|có|sản xuất|làm|sử dụng|ứng dụng|áp dụng|hoạt động|"
    r"chăn nuôi|thực hiện|đăng ký|liên kết|theo)\b"
)
_PAIRED_COUNT = re.compile(r"\s+(?:và|cùng)\s+(?:(?:hơn|gần|khoảng|trên)\s+)?\d")
_HAS_OBJECT_AT_END = re.compile(r"\S\s+có\s+[^\s,]+(?:\s+[^\s,]+){0,2}$")
_PART_OPENERS = ("trong đó ", "riêng ")
# A part of the whole just measured: "…, riêng tôm 595.000 tấn", "trong đó lúa 80.000 ha".
_PART_OF = re.compile(r"\b(?:riêng|trong đó|trong số đó)\b", re.IGNORECASE)
_PART_WORDS = 3
_QUANTITY_HEAD_OF = re.compile(
    r"^(?:tổng\s+)?(sản lượng|diện tích|năng suất|giá trị sản xuất|kim ngạch xuất khẩu|"
    r"kim ngạch nhập khẩu|doanh thu|số lượng)\b"
)
_CLASSIFIERS = frozenset({"con", "cây", "chiếc", "cái", "quả"})
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:cho|với|tại|ở|của|đến|tới|trên|gần|hơn|khoảng|từ)\s*(?:trên|hơn|gần|khoảng)?\s*$"
)
_CAPITAL_WORDS = 4  # "tổng vốn đăng ký", "kinh phí": a measure, not a subject of its own
_QUANTITY_NOUNS = ("vốn", "kinh phí", "nguồn vốn", "ngân sách", "tổng vốn", "tổng nguồn")
_ROLE_WITH_RATE = re.compile(
    r"^(.*?)\s+(?:tiếp tục\s+|vẫn\s+|vẫn là|trở thành\s+)?(?:là|giữ vai trò)\s+[^,;]*?\s+với\s+"
    r"(?:mức|tốc độ)\s+(?:tăng|giảm)(?:\s+trưởng)?\s*$",
    re.IGNORECASE,
)
# What may stand between a share's verb and its figure ("chiếm hơn 60%").
_SHARE_HEDGE = r"(?:(?:trên|hơn|gần|khoảng|xấp xỉ|tới|đến|tối thiểu|ít nhất)\s+)?$"
_SHARE_OF_WHOLE_BEFORE = re.compile(rf"\b(?:chiếm|đóng góp)\s+{_SHARE_HEDGE}")
_SHARE_VERB_BEFORE = re.compile(rf"\bchiếm\s+{_SHARE_HEDGE}")
_DESCRIBED = re.compile(
    r"\s+(?:vẫn|tiếp tục|luôn|đã)?\s*là\s+(?:trụ đỡ|động lực|điểm sáng|điểm nhấn|thế mạnh|"
    r"mũi nhọn|lĩnh vực|ngành|trọng tâm|nền tảng|bệ đỡ)\b[^,;]*$"
)
_COPULA_AFTER = re.compile(r"\s+(?:vẫn|tiếp tục|luôn|đã)?\s*là\s+[^,;]*$")
_ECONOMIC_WHOLE = re.compile(
    r"(?:grdp|gdp|giá trị|tổng (?:giá trị|thu|chi|vốn|sản phẩm|mức|kim ngạch|doanh thu)|"
    r"kim ngạch|doanh thu|thu ngân sách|tổng sản phẩm|vốn đầu tư)\b"
)
_SHARE_OF = re.compile(r"\s*(?:trong|của)\s+(?:cơ cấu|tổng)\b[^,;.()\d]*")
_SECTOR_HEADS = ("công nghiệp", "ngành", "khu vực", "nông nghiệp", "dịch vụ", "thương mại")
_SECTOR_SYLLABLES = (" nông", " lâm", " ngư", " diêm", " công", " thương")
_EVALUATION = re.compile(r"\s+đạt\s+(?:khá|cao|thấp|tốt|chưa cao)\b.*$")
_PREPOSITIONS = (" ở", " tại", " trong", " của", " cho", " với", " vào")
_PASSIVE_BEFORE = re.compile(r"\bđược\s*(?:trên|hơn|gần|khoảng)?\s*$")
# The quantity a physical unit measures, named when a verb stands for the subject.
_QUANTITY_OF = {
    "ha": "diện tích",
    "tấn": "sản lượng",
    "tạ": "sản lượng",
    "tạ/ha": "năng suất",
    "tấn/ha": "năng suất",
}
_BARE_VERBS = frozenset(_TRAILING_VERBS) - {"tỷ lệ", "mức", "tổng số"} | {"đóng góp"}
# Heads that need the label they stand under to say what they measure.
_GENERIC_QUANTITIES = frozenset(
    {
        "giá trị",
        "giá trị tăng thêm",
        "sản lượng",
        "diện tích",
        "năng suất",
        "số lượng",
        "giá trị sản xuất",
        "quy mô",
    }
)
# "Vụ mùa, toàn tỉnh gieo cấy 72.911 ha, năng suất …", "Cả năm, diện tích lúa …": the season
# the figures are of (a crop report gives each season and the whole year).
_SEASON_OPENING = re.compile(
    r"^\s*(?:(?:so với|trong|riêng)\s+)?(vụ\s+(?:mùa|chiêm|xuân|hè thu|thu đông|đông xuân|đông|"
    r"chiêm xuân)|cả năm)\s*,\s*"
)
_EVERY_YEAR = re.compile(r"\b(?:hằng|hàng|mỗi)\s+năm\b")  # "tỷ lệ … hằng năm đạt 85%"
_YEARLY_BEFORE = re.compile(r"\b(?:bình quân|trung bình)\s+(?:hằng|hàng|mỗi)\s+năm\b")
# "Về xây dựng nông thôn mới, …": the topic a bare count of the sentence is of.
_TOPIC_OPENING = re.compile(
    r"về\s+(?:(?:công tác|xây dựng|phát triển|thực hiện|lĩnh vực)\s+)?([^,;.\d]{3,60}?)\s*,"
)
# "Trong cơ cấu kinh tế, …", "Về cơ cấu ngành nông nghiệp, …", "Cơ cấu kinh tế: …": the
# percentages after it are shares of that structure, named with it ("tỷ trọng dịch vụ trong
# cơ cấu kinh tế": a sector alone does not say the figure is its share).
_STRUCTURE_OPENING = re.compile(
    r"\s*(?:(?:trong|về|theo)\s+(cơ cấu[^,;:.()\d]{0,40}?)\s*,|(cơ cấu[^,;:.()\d]{0,40}?)\s*:)"
)
_STRUCTURE_LIST = re.compile(
    r"(?:^|[;,)]\s*)(?:(?:trong|về|theo)\s+)?(cơ cấu[^,;:.()]{0,50}?)\s*(?::|,(?=\s*[^\W\d]))"
)
# The whole a structure is of, without what the sentence says of it ("cơ cấu kinh tế chuyển
# dịch tích cực" → "cơ cấu kinh tế").
_STRUCTURE_WHOLE = re.compile(
    r"cơ cấu(?:\s+(?!chuyển|tiếp|theo|có|đạt|là|tích|đã|được|vẫn|tăng|giảm|đúng|đến|tới|năm)"
    r"[^\W\d]+){0,3}"
)
_QUARTER_OPENING = re.compile(
    r"[\s(;,:–-]*(?:riêng\s+)?quý\s+([ivx]{1,3}|[1-4])\b(?:\s*/\s*\d{4})?"
)
# "Năm 2024 là năm đầu tiên thành phố thu vượt mốc …": a sentence about a year, told in
# passing, does not move the report to it.
_YEAR_AS_SUBJECT = re.compile(r"\s+(?:là|được xem là|được coi là)\s+(?:năm|thời điểm|dấu mốc)\b")
# "Để hoàn thành mục tiêu tăng trưởng năm 2025 đạt 8,75%, …": what a purpose clause aims at.
_PURPOSE_OF_TARGET = re.compile(
    r"\s*(?:[-–•*]\s*)?để\s+(?:hoàn thành|đạt được|đạt|thực hiện)\s+(?:các\s+|được\s+)?"
    r"(?:mục tiêu|kế hoạch|chỉ tiêu)\b"
)
# "Quy hoạch chung xã đến năm 2045 đã hoàn thành", "tầm nhìn đến năm 2050": a plan's horizon,
# told without a figure or a target word, is no year the report moves to.
_HORIZON_BEFORE = re.compile(r"\b(?:đến|tới|tầm nhìn(?: đến)?)\s+năm\s+$")
_QUARTER_SUFFIX = re.compile(r"\s+quý\s+(?:[ivx]{1,3}|[1-4])$")
_SEASON_STARTS = ("vụ ", "so với vụ", "trong vụ", "riêng vụ", "cả năm")
_QUANTITY_HEAD = re.compile(r"^(?:diện tích|năng suất|sản lượng)\b")
# "toàn tỉnh gieo cấy 72.911 ha": the area sown
_SOWN_BEFORE = re.compile(r"\b(?:gieo cấy|gieo trồng|gieo sạ|xuống giống)\s*(?:được\s*)?$")
# "huyện phấn đấu giảm tỷ lệ hộ nghèo", "hạ tỷ lệ trẻ em … xuống": the subject after the verb.
_VERB_BEFORE_SUBJECT = re.compile(
    r"^(?:.*?\s)?(?:giảm|tăng|nâng|hạ|đưa|kéo giảm)\s+(?=(?:tỷ lệ|tỉ lệ|số|tổng|mức)\b)"
    r"|\s+(?:xuống|lên)(?:\s+(?:còn|mức))?$"
)
_VERB_OR_TAIL_HINT = re.compile(r"giảm|tăng|nâng|hạ |đưa|xuống|lên|theo|của|trên toàn")
# Tails that qualify a subject without naming it: "… theo chuẩn nghèo đa chiều", "… của cả nước".
_QUALIFYING_TAIL = re.compile(
    r"\s+(?:theo (?:chuẩn|tiêu chí|phương pháp)\b.*|của (?:cả nước|toàn tỉnh|toàn huyện|toàn xã|"
    r"tỉnh|huyện|xã|thành phố)|trên toàn (?:tỉnh|huyện|xã))$"
)
# What follows a figure that is not the noun it counts: a verb, a link, a time, a comparison.
_NOT_A_NOUN = re.compile(
    r"(?:và|với|còn|hoặc|hay|năm|so|cùng kỳ|kế hoạch|dự toán|đạt|là|tăng|giảm|bằng|chiếm|vượt|"
    r"trở lên|trở xuống|nâng|đưa|góp phần|trong(?! nước)|tại|ở|của|cho|vào|\(|\)"
    r"|đứng|dẫn đầu|xếp|lớn nhất|cao nhất|thấp nhất|nhiều nhất)(?!\w)"  # a ranking
)
_COMPARISON_AFTER = re.compile(r"\s*(?:so với|so|bằng|như)\b")
_ONLY_AN_ESTIMATE = re.compile(
    r"(?:sơ bộ|ước tính|ước|dự ước|dự tính|ước thực hiện|ước đạt|riêng|trong đó|tính chung"
    r"|chung|cộng dồn|lũy kế|luỹ kế|bình quân|trung bình|năm|cả năm)$"
)
# Who assigns a plan or estimate: "Trung ương giao: 13.398 tỷ đồng", "HĐND tỉnh giao 16.310 tỷ
# đồng", "dự toán tỉnh giao" — the figure after it is that plan, of the quantity before.
_ASSIGNER = (
    r"(?:dự toán\s+|kế hoạch\s+)?(?:trung ương|tỉnh|huyện|xã|thành phố|cấp trên|chính phủ|"
    r"thủ tướng(?:\s+chính phủ)?|(?:hđnd|ubnd)(?:\s+(?:tỉnh|huyện|xã|thành phố|phường))?)\s+giao"
)
_ASSIGNED_BY = re.compile(rf"^{_ASSIGNER}$")
_ASSIGNED_BEFORE = re.compile(
    rf"(?<![^\s(,;])(?<!bàn ){_ASSIGNER}\s*(?::|là)?\s*(?:trên|hơn|gần|khoảng)?\s*$"
)
_ANAPHORA = re.compile(r"\b(?:chỉ số|chỉ tiêu|con số|mức|tỷ lệ|tốc độ|giá trị)\s+này\b")
_COMPARISON_START = re.compile(r"(?:so với|so|cao hơn|thấp hơn|nhiều hơn|ít hơn)\b")
_ONLY_A_REFERENCE = re.compile(
    r"^(?:(?:vượt |đạt |so với |bằng |hoàn thành )?"
    r"(?:mục tiêu|kế hoạch|chỉ tiêu|dự toán|nghị quyết)"
    r"(?: đề ra| đặt ra| được giao| giao| năm)?|cao|thấp|cao hơn|thấp hơn|nhiều hơn|ít hơn)$"
)
_ACHIEVED_COUNT = re.compile(
    r"(?<!\w)(?:hoàn thành|đạt và vượt|đạt|có|duy trì|xây dựng|giữ vững)"
    r"(?:(?:\s+và)?\s+vượt(?:\s+mức)?)?\s*"
    r"(?:(?:được|thêm|mới)\s*)*"
    r"(?:trên|hơn|gần|khoảng)?\s*$"
)
_MEASURE_CANONICAL = frozenset(MEASURE_UNITS.values())
_TOPIC_HEADS = ("về ", "trong ", "đối với ", "trong lĩnh vực ")
_HOLDING_VERBS = frozenset({"có", "giữ vững", "duy trì", "đạt", "bảo đảm", "đảm bảo"})
# Who does something, not what is counted: "Xã có 120 hộ", "Toàn tỉnh đạt 30 xã".
_ACTORS = (
    *ADMINISTRATIVE_UNITS,
    "thành phố",
    "toàn",
    "đảng bộ",
    "ubnd",
    "địa phương",
    "đơn vị",
    "ngành",
    "chúng ta",
    "tổng số",
    "trên ",
    "tại ",
    "ở ",
    "trong ",  # "Trên địa bàn có 1.000 doanh nghiệp": where, not what
)

# A place that acts, then its verb: "tỉnh thu hút", "thành phố đã cấp mới" (not "xã hội").
_PLACE_ACTOR = re.compile(
    r"^(?:tỉnh|huyện|xã(?! hội)|phường|thị xã|thị trấn|quận|thành phố)\s+(?:cũng\s+|đã\s+|vẫn\s+)*"
)
_ACTOR_AND_VERB_WORDS = 4
_HELD_BY_PLACE = re.compile(r"(?:duy trì|giữ vững|giữ|tiếp tục|hoàn thành|đạt|có)(?:\s+|$)")
_WELCOMING_VERBS = ("đón", "đón tiếp", "thu hút")

_PHRASE_STOP = re.compile(
    # grouped by the character a stop starts with (one test per position, not one per stop)
    r"[;.:()]"
    r"|,(?:\s*(?=đứng|dẫn đầu|xếp|trong đó|đạt|tăng|giảm|bằng|chiếm|vượt|nâng|\d)"
    r"|(?=[^,;.]*\d)|\s+năm\s+\d{4})"
    r"|\s(?:(?:và|với)\s+(?:(?:trên\s+|hơn\s+|gần\s+|khoảng\s+)?\d|năm\s+\d{4})"
    r"|(?=đạt từ\b|(?:đạt và vượt|chưa đạt|đều đạt)\b|đạt\s*(?:[,;.]|$))"
    r"|và\s*(?=đứng|dẫn đầu|xếp)"
    # "7 dự án FDI với tổng vốn đăng ký …": the measure of what was counted opens a figure
    r"|(?=với\s+(?:tổng|quy mô|diện tích|kinh phí|vốn|số vốn|giá trị|công suất|tỷ lệ)\b))"
)


def _right_phrase(low: str, figure: _Figure) -> str:
    """What follows the figure up to the next clause, figure or verb (at most 2 × _REACH
    characters: no phrase is longer, and an unbounded search per figure is quadratic)."""
    rest = low[figure.end : figure.end + 2 * _REACH]
    stop = _PHRASE_STOP.search(rest)
    phrase = rest[: stop.start()] if stop else rest
    if "(" in phrase:
        phrase = _BRACKETED.sub(" ", phrase)
    phrase = _PHRASE_ARTICLE.sub("", phrase)
    return " ".join(phrase.split()).strip(" ,–-")


def _name(
    sentence: str,
    low: str,
    figure: _Figure,
    previous: _Figure | None,
    previous_name: str,
    previous_phrase: str,
    change: bool,
    phrase: str,
) -> str:
    """The subject: the noun phrase before the verb, else the phrase after a counted noun,
    else what the previous figure measured (a change, a share of plan, a bracket of actuals).

    ``previous_phrase`` is the text the previous figure already took from its right
    ("50 tổ chức … nhiệm vụ, đạt 90%"), so it is not read again as this figure's subject;
    ``phrase`` is the one after this figure (``_right_phrase``).
    """
    if figure.compared and previous_name:
        return previous_name  # "cao hơn mức tăng 8,49% của cùng kỳ": the same measure
    segment_start = _clause_start(low, figure.start)
    opened = _bracket_open(low, figure.start)
    if opened is not None:
        segment_start = max(segment_start, opened + 1)
    if previous is not None:
        segment_start = max(segment_start, previous.end)
    left = sentence[segment_start : figure.start]
    if " với " in left:
        role = _ROLE_WITH_RATE.match(left)
        if role:  # "Công nghiệp chế biến, chế tạo là động lực chính với mức tăng 23,05%"
            left = role.group(1)
    subject = _clean_name(left)
    if previous_phrase and previous_phrase.endswith(subject):
        subject = ""
    if (
        _ONLY_A_REFERENCE.match(subject)
        or (figure.unit in _MONEY_UNITS and _ASSIGNED_BY.match(subject))
        or _COMPARISON_START.match(subject)
        or _ONLY_AN_ESTIMATE.match(subject)
        or (" này" in subject and _ANAPHORA.search(subject))
    ):
        # "vượt mục tiêu đề ra là 12,5%": the plan of what came before; "tăng 17% so với
        # tháng trước và tăng 31% so với cùng kỳ": the base of the figure before; "(sơ bộ
        # quý I tăng 7,1%)": how sure a figure of the subject before is; "chỉ số này": the
        # index just named
        subject = ""
    if (
        subject
        and figure.unit == "%"
        and _SHARE_VERB_BEFORE.search(low, max(0, figure.start - 24), figure.start)
    ):
        share_of = _SHARE_OF.match(low, figure.end)
        if share_of:  # "Chăn nuôi chiếm 30% trong cơ cấu ngành nông nghiệp"
            # "Khu vực công nghiệp vẫn là động lực chính, chiếm hơn 60% …": who, not what it is
            subject = _COPULA_AFTER.sub("", subject)
            return f"{subject} {' '.join(share_of.group().split())}"
    if (
        (subject or previous_name)
        and figure.unit == "%"
        and _ECONOMIC_WHOLE.match(phrase)
        and _SHARE_OF_WHOLE_BEFORE.search(
            low, max(0, figure.number_start - 24), figure.number_start
        )
    ):
        # "Kinh tế số chiếm 30% GRDP", "Con tôm đóng góp trên 75% giá trị sản xuất khu vực
        # I": the part's share of the economic whole named after the figure ("người Mường
        # chiếm 88% dân số" stays the group, as labelled)
        # "Quy mô GRDP đạt 316.000 tỷ đồng, …, đóng góp 2,5% GDP cả nước": the figure before's
        owner = subject.removesuffix("đóng góp").strip() or previous_name
        if owner:
            return f"tỷ trọng {owner} trong {phrase}"
    if figure.unit == "%" and subject:
        actor = _PLACE_ACTOR.match(subject)
        if actor:
            held = _HELD_BY_PLACE.match(subject, actor.end())
            if held and held.end() < len(subject):
                # "tỉnh duy trì tăng trưởng GRDP bình quân 8,98%/năm": what the place keeps
                subject = subject[held.end() :]
        target = subject.rfind("chỉ tiêu ")
        if target >= 0 and phrase and not _NOT_A_NOUN.match(phrase):
            # "hoàn thành chỉ tiêu xóa 100% nhà tạm": the deed the target names, on what
            deed = subject[target + len("chỉ tiêu ") :].strip()
            if deed and deed not in _BARE_VERBS:
                return f"{deed} {phrase}"
    if subject in _BARE_VERBS:
        subject = ""  # "Kim ngạch xuất khẩu: tăng bình quân 14%": the label is the subject
    if (
        figure.unit == "%"
        and phrase
        and not _NOT_A_NOUN.match(phrase)
        and (subject.startswith(_TOPIC_HEADS) or subject in _HOLDING_VERBS)
    ):
        # "Về chuyển đổi số, 100% hồ sơ được xử lý trực tuyến", "giữ vững 100% trường học
        # đạt chuẩn": the share of what follows
        return f"tỷ lệ {phrase}"
    if (
        not subject
        and figure.unit in _QUANTITY_OF
        and (previous is None or previous.unit != figure.unit)
    ):
        label = _LABEL.match(sentence) if ":" in sentence else None
        base = _clean_name(label.group(1)) if label and label.end(1) < figure.start else ""
        if base and not base.startswith(SUBJECT_HEADS):
            # "Lớn nhất là huyện Ý Yên: 25.830ha, 56,82 tạ/ha, 146.759 tấn": the quantity
            # each unit measures, of the label's subject
            return f"{_QUANTITY_OF[figure.unit]} {base}"
    capital = subject.rsplit(" với ", 1)[-1].rsplit(",", 1)[-1].strip()
    if (
        capital.startswith(_QUANTITY_NOUNS)
        and len(capital.split()) <= _CAPITAL_WORDS
        and figure.unit in _MONEY_UNITS
        and previous is not None
        and previous.unit not in _LEVEL_UNITS
        and previous.unit not in (PLAN_SHARE_UNIT, SAME_PERIOD_SHARE_UNIT)
    ):
        # "172 dự án trong nước, tổng vốn hơn 113.400 tỷ đồng", "7 dự án FDI với tổng vốn
        # đăng ký 622 triệu USD": the capital of those counted, told apart by what qualifies
        # them ("tổng vốn đăng ký fdi", "tổng vốn trong nước"), else by their noun
        return f"{capital} {_right_phrase(low, previous) or previous.unit}"
    if (
        subject in _GENERIC_QUANTITIES
        and previous is not None
        and previous.unit not in _LEVEL_UNITS
        and previous_name
        and figure.unit in _MEASURE_CANONICAL
    ):
        # "giải phóng mặt bằng xong 09 dự án với diện tích 28,333 ha": the area of that deed
        return f"{subject} {previous_name}"
    if subject in _GENERIC_QUANTITIES and previous is None and previous_name:
        # "Khu vực dịch vụ: giá trị tăng thêm ước 12.862 tỷ đồng": the label says of what
        return f"{subject} {previous_name}"
    if (
        not subject
        and previous is None
        and previous_name
        and not (
            phrase
            and figure.unit not in _LEVEL_UNITS
            and (
                figure.unit in _RATIO_PLAN_UNITS
                or _HAS.search(low, low.rfind(":", 0, figure.start) + 1, figure.start)
            )
        )
    ):
        # a "label: value" line (not "Nông thôn mới được nâng chất: toàn xã có 7 thôn đạt
        # chuẩn …" or "Xã Ia Dơk (cũ): đạt và vượt 21/25 chỉ tiêu Nghị quyết", where what is
        # counted says what it is)
        return previous_name
    if (
        previous_name
        and " " not in subject
        and subject in previous_name.split()
        and figure.unit not in _RATIO_PLAN_UNITS
    ):
        # "Tổng thu ngân sách … đạt 812,9 tỷ đồng, lũy kế 9 tháng thu trên 12 nghìn tỷ":
        # a bare verb repeating the previous figure's head word is that figure's quantity
        return previous_name
    if subject.endswith(_PREPOSITIONS) and figure.unit not in _LEVEL_UNITS:
        subject = ""  # "sinh hoạt ở 32 chi bộ": what is counted is the noun, not the verb
    if (
        figure.unit == "%"
        and subject
        and not subject.startswith(SUBJECT_HEADS)
        and phrase
        and not _NOT_A_NOUN.match(phrase)
        and _PASSIVE_BEFORE.search(low, max(0, figure.start - 12), figure.start)
    ):
        # "bê tông hóa được 42% tuyến đường liên thôn": the share of the roads so treated
        return f"tỷ lệ {phrase} được {subject}"
    if (
        figure.unit == "lượt"
        and phrase.startswith("khách")
        and ("du lịch" in low or subject.endswith(_WELCOMING_VERBS))
    ):
        # "Du lịch …: tỉnh đón 17,11 triệu lượt khách", "thành phố đón 9 triệu lượt khách":
        # tourists ("lượt khách quốc tế" stays)
        return "khách du lịch" if phrase == "khách" else phrase
    if figure.unit in _RATIO_PLAN_UNITS and figure.total is None:
        # "25 chỉ tiêu vượt kế hoạch", "14 chỉ tiêu đạt": the items so fulfilled
        grouped = _GROUPED_TARGETS.match(low, figure.end)  # ", nhóm chỉ tiêu"
        told = _FULFILLED_PHRASE.match(low, grouped.end() if grouped else figure.end)
        return f"{figure.unit} {' '.join(told.group().split()).replace('đều ', '')}".strip()
    counted = figure.unit not in _LEVEL_UNITS and figure.unit != PLAN_SHARE_UNIT
    if (
        counted
        and not subject.startswith(SUBJECT_HEADS)
        and _ACHIEVED_COUNT.search(low, segment_start, figure.start)
    ):
        # "Đảng bộ xã hoàn thành 23/27 chỉ tiêu …", "Toàn xã có 3/4 trường đạt chuẩn …"; but
        # "khách quốc tế ước đạt 3,25 triệu lượt": the subject is what is counted
        if (
            not phrase
            and subject
            and figure.total is None
            and not subject.rsplit(",", 1)[-1].strip().startswith(_ACTORS)
            and not _ACHIEVED_COUNT.search(subject)  # "xây dựng 8 công trình": a deed
        ):
            return subject
        return f"{figure.unit} {phrase}".strip()
    measured = figure.unit in _MEASURE_CANONICAL and phrase and not _NOT_A_NOUN.match(phrase)
    if (counted or measured) and len(subject.split()) <= _ACTOR_AND_VERB_WORDS:
        actor = _PLACE_ACTOR.match(subject)
        if actor and actor.end() < len(subject):
            # "Tỉnh thu hút 7 dự án FDI" → "thu hút dự án fdi", "tỉnh trồng mới 8.000 ha sầu
            # riêng" → "trồng mới sầu riêng": the place that acts is not what is counted or
            # measured; the deed is ("thành lập mới doanh nghiệp")
            subject = subject[actor.end() :]
            if (
                counted
                and (not phrase or _NOT_A_NOUN.match(phrase))
                and not _PREPOSITION_BEFORE.search(low, max(0, figure.start - 12), figure.start)
            ):
                return f"{subject} {figure.unit}"  # "thành phố cấp mới 15 dự án với …"
    if subject:
        if (
            counted or figure.unit in _MEASURE_CANONICAL or figure.unit in _MONEY_UNITS
        ) and not subject.startswith(SUBJECT_HEADS):
            if phrase and not _NOT_A_NOUN.match(phrase):
                # "trồng mới 15 ha rừng tập trung", "khen thưởng 10 tập thể có thành tích",
                # "huy động 194,6 tỷ đồng xây dựng hạ tầng"
                subject = f"{subject} {figure.unit + ' ' if counted else ''}{phrase}"
            elif (
                counted
                and figure.unit not in _CLASSIFIERS
                and not subject.endswith(figure.unit)
                and not _PREPOSITION_BEFORE.search(low, max(0, figure.start - 12), figure.start)
            ):
                # "giải phóng mặt bằng 6 dự án với …": the deed and what it counted ("tạo việc
                # làm cho 12.000 lao động", "đàn bò 45.000 con" name the deed or the herd)
                subject = f"{subject} {figure.unit}"
            quantity = _QUANTITY_OF.get(figure.unit)
            if (
                quantity
                and not subject.startswith(quantity)
                and (
                    _PASSIVE_BEFORE.search(low, max(0, figure.start - 12), figure.start)
                    or _SOWN_BEFORE.search(low, max(0, figure.start - 16), figure.start)
                )
            ):
                # "gieo trồng được 31.394 ha" is an area, "thu hoạch được 500 tấn" an output
                subject = f"{quantity} {subject}"
        return subject
    if figure.unit == "%" and opened is not None and (previous is None or previous.end <= opened):
        outside = _clean_name(
            sentence[max(_clause_start(low, opened), previous.end if previous else 0) : opened]
        )
        if (
            _LETTERS.search(outside)
            and outside != previous_phrase  # "9 sản phẩm OCOP (1 sản phẩm 4 sao)"
            and not _COMPARISON_START.match(outside)
            and not _ONLY_A_REFERENCE.match(outside)
            and not _ONLY_AN_ESTIMATE.match(outside)
        ):
            # "Một vài sản phẩm đi xuống, như bia (giảm 6,12%) và tinh bột mì (giảm 1,37%)": a
            # bracket that opens with its figure is of the noun before it
            return outside
    if previous_name and (
        change
        or figure.plan_share
        or opened is not None
        or figure.unit == "lần"
        or _COMPARISON_AFTER.match(low, figure.end)
    ):
        return previous_name
    if figure.unit == POINTS_UNIT and previous_name:
        return previous_name  # "dịch vụ tăng 8,74%, đóng góp 5,92 điểm phần trăm vào …"
    if figure.unit != "%" and figure.unit != "VND":
        if phrase:
            return f"{figure.unit} {phrase}"
        if (
            previous is not None
            and previous.unit != figure.unit
            and (figure.unit not in _LEVEL_UNITS or not previous_name)
        ):
            return figure.unit  # "có 246 đảng viên, sinh hoạt ở 32 chi bộ": chi bộ, not đảng viên
        return previous_name or figure.unit
    if figure.unit == "%":
        # "… là 8% và năm 2022 là 9,7%": what follows a list item is the next item, no name.
        if phrase and not _NOT_A_NOUN.match(phrase):
            return f"tỷ lệ {phrase}"
        if previous is not None and previous.unit not in ("%", "VND") and previous_name:
            return previous_name if previous_name.startswith("tỷ lệ") else f"tỷ lệ {previous_name}"
        # A rate whose subject the sentence never states ("Năm 2020 là 8,1%") is still a row.
        return previous_name or "tỷ lệ"
    return previous_name


def _extract_sentence(
    sentence: str,
    block: _TargetBlock | None,
    frame: Frame = NO_FRAME,
    carried: list[int | None] | None = None,
    inherited: str = "",
    named_term: int | None = None,
) -> tuple[list[Indicator], _TargetBlock | None]:
    """The figures of one sentence; ``block`` is a target lead-in opened earlier in the
    paragraph, ``frame`` what the document's headings say, ``carried`` the last year an
    earlier sentence stated (updated here), ``inherited`` the name of the paragraph's last
    figure (for a figure whose sentence names nothing: "… Cả năm ước đạt 62.974 tỷ đồng"),
    ``named_term`` the last year of the term the text last named ("nhiệm kỳ 2025 - 2030")."""
    carried = [None] if carried is None else carried
    low = _lower(sentence)
    if not _DIGIT.search(sentence):
        # No figure and no year: only a target lead-in ("Phấn đấu:") can change the block.
        lead_in = _lead_in(low)
        if lead_in is not None:
            block = _TargetBlock(_lead_in_year(low[: lead_in.end()]))
        return [], block
    low = _Scanned(low)
    figures, years = _find_figures(sentence, low)
    year_index = _YearIndex(low, figures, years)
    if block is not None and _YEAR_FRAME_START.match(low.lstrip(" -–•*")):
        block = None
    lead_in = _lead_in(low)
    lead_in_end = lead_in.end() if lead_in else None
    if lead_in is None and figures and ";" in low[figures[0].end :]:
        governing = _GOVERNING_TARGET.search(low, 0, figures[0].start)
        if (
            governing
            and not _ACTUAL_CUE.search(low, governing.end(), figures[0].start)
            and not _FOLLOWING_TARGETS_BEFORE.search(low, 0, governing.start())
        ):
            lead_in_end = governing.end()
    label = _LABEL.match(sentence) if ":" in sentence else None  # most sentences have none
    season = _SEASON_OPENING.match(low) if low.startswith(_SEASON_STARTS) else None
    topic = _TOPIC_OPENING.match(low) if low.startswith("về ") else None
    structure = _STRUCTURE_OPENING.match(low.lstrip(" -–•*")) if "cơ cấu" in low else None
    structure_end = 0
    if structure is None and "cơ cấu" in low:
        # "…; cơ cấu kinh tế chuyển dịch tích cực: dịch vụ chiếm 51,36%, …": the shares after
        structure = _STRUCTURE_LIST.search(low)
        structure_end = structure.end() if structure is not None else 0
    rows: list[Indicator] = []
    previous: _Figure | None = None
    previous_name = _clean_name(label.group(1)) if label else ""
    previous_change = False
    previous_phrase = ""
    # A sentence about a span or the present ("Giữa nhiệm kỳ, …", "Từ năm 2020 đến nay, …")
    # neither takes nor passes on an earlier year; a span named after the figures does not count.
    first = figures[0].start if figures else len(low)
    no_carry = _about_a_span(low, first)
    # "Giai đoạn 2020 - 2025, tăng trưởng bình quân 8,38%/năm; thu nhập năm 2025 đạt 70 triệu
    # đồng; nguồn lực huy động khoảng 6.500 tỷ đồng": a year one clause states is its own
    term_opened = no_carry and _TERM_OPENING.match(low) is not None
    carried_year = None if no_carry else carried[0]
    lead_in_year = _lead_in_year(low[:lead_in_end]) if lead_in is not None else None
    if lead_in_year is None and lead_in is not None and "nhiệm kỳ" in low[:lead_in_end]:
        # "… đã đề ra các mục tiêu của nhiệm kỳ: …" after "Đại hội …, nhiệm kỳ 2025 - 2030":
        # the term the text named, its last year
        lead_in_year = named_term
    outer_name = ""  # the name of the last figure outside brackets
    bare: tuple[int, str] | None = None  # a count named by its noun alone, then "và" a count
    wholes: dict[str, str] = {}  # unit → the quantity a figure in it measured ("sản lượng")
    parts: set[str] = set()  # units whose figures now list parts of that whole
    for figure in figures:
        before = _before(low, figure.number_start)
        bracketed = _bracket_open(low, figure.start) is not None
        if not bracketed and previous is not None and outer_name:
            if _bracket_open(low, previous.start) is not None:
                # "… (Trung ương giao: 13.398 tỷ đồng; HĐND tỉnh giao 16.310 tỷ đồng), tăng
                # 24,94%": what the bracket named is not what the sentence goes on about
                previous_name = outer_name
        change_match = None
        if not figure.plan_share and ("tăng" in before or "giảm" in before):
            change_match = _change_before(before)
        if (
            not change_match
            and low.startswith("trở lên", figure.end + 1)
            and _AT_LEAST_CHANGE.search(before)
        ):
            change_match = _AT_LEAST_CHANGE.search(before)  # "giảm từ 3% trở lên"
        if change_match and figure.total is not None:
            # "giảm 240/532 hộ nghèo": how many of the total changed, a count, not a fall
            change_match = None
        change = bool(change_match)
        segment = low[
            max(previous.end if previous else 0, _clause_start(low, figure.start)) : figure.start
        ]
        if (
            not change
            and not figure.plan_share
            and previous_change
            and previous is not None
            and previous.unit == figure.unit
            and not _VERB_IN_SEGMENT.search(segment)
        ):
            change = True  # elliptical list: "tăng 3,8%; công nghiệp 11%; dịch vụ 8,4%"
        sign = -1.0 if change_match and change_match.group(1) == "giảm" else 1.0
        if not change_match and change:
            sign = -1.0 if previous is not None and rows and rows[-1].value < 0 else 1.0
        phrase = _right_phrase(low, figure)
        name = _name(
            sentence, low, figure, previous, previous_name, previous_phrase, change, phrase
        )
        if inherited and not _LETTERS.search(name):
            name = inherited  # rather than a figure dropped for want of a name
        # the phrase this figure's name took (as written, or as "khách" → "khách du lịch")
        taken = phrase and (name.endswith(phrase) or name.startswith(phrase.split()[0] + " "))
        previous_phrase = phrase if taken else ""
        kind = _kind(low, figure.number_start, block, lead_in_end, frame)
        if figure.unit in _RATIO_PLAN_UNITS:
            kind = "actual"  # "hoàn thành 26/29 chỉ tiêu", "25 chỉ tiêu vượt" measure fulfilment
        elif figure.unit in _MONEY_UNITS and _ASSIGNED_BEFORE.search(
            low, max(0, figure.number_start - 40), figure.number_start
        ):
            # "(Trung ương giao: 13.398 tỷ đồng; HĐND tỉnh giao 16.310 tỷ đồng)": the budget
            # estimate assigned, a plan (land "tỉnh giao 50 ha đất" is allocated, not planned)
            kind = "target"
        fallback = block.year if block is not None else None
        if lead_in is not None and lead_in_end <= figure.start:
            fallback = lead_in_year
        if fallback is None and kind == "target":
            fallback = low.term_before(figure.start)
        averaged = (
            kind == "actual"
            and figure.unit in ("%", PLAN_SHARE_UNIT)
            and _yearly_average(low, figure, before)
        )
        if fallback is None and averaged:
            fallback = frame.year  # "giảm trung bình 4,25%/năm": over a span, no other year
        elif fallback is None:
            fallback = carried_year or frame.year
        if season is not None:
            name = _in_season(name, season.group(1))
        quarter = _QUARTER_OPENING.match(segment) if "quý" in segment else None
        if quarter and _LETTERS.search(name):
            name = _QUARTER_SUFFIX.sub("", name)  # the quarter of the figure it inherits from
            # "(quý I tăng 8,58%; quý II tăng 8,80%)", "riêng quý I/2026, … khoảng 9,5%": a
            # quarter's figure beside the period's, told apart by its name
            name = f"{name} quý {quarter.group(1)}"
        if topic is not None and name == figure.unit:
            name = f"{name} {topic.group(1)}"  # "Về xây dựng nông thôn mới, xã đạt 9/19 tiêu chí"
        if (
            structure is not None
            and figure.start >= structure_end
            and figure.unit == "%"
            and not change
            and _LETTERS.search(name)
            and "cơ cấu" not in name
            and not name.startswith(("tỷ trọng", "tỉ trọng"))
        ):
            # "Trong cơ cấu kinh tế, dịch vụ chiếm 41%; công nghiệp 33%": each sector's share
            # (what comes next, "và tăng 7,5%", is of the sector)
            sector = name
            whole = _STRUCTURE_WHOLE.match(next(g for g in structure.groups() if g)).group()
            name = f"tỷ trọng {name} trong {' '.join(whole.split())}"
        else:
            sector = ""
        if figure.unit == "VND" and "/người" in low[figure.start : figure.end]:
            name = _per_head(name)
        whole = wholes.get(figure.unit)
        if (
            whole is not None
            and not change
            and _LETTERS.search(name)
            and len(name.split()) <= _PART_WORDS
            and not name.startswith((whole, *SUBJECT_HEADS))
            and (
                _PART_OF.search(segment)
                or (figure.unit in parts and not _VERB_IN_SEGMENT.search(segment))
            )
        ):
            # "tổng sản lượng thủy sản đạt 1,2 triệu tấn, tăng 5%, riêng tôm 595.000 tấn",
            # "trong đó lúa 80.000 ha, ngô 12.000 ha": the same quantity of each part
            name = f"{whole} {name}"
            parts.add(figure.unit)
        else:
            quantity = _QUANTITY_HEAD_OF.match(name)
            if quantity is not None:
                wholes[figure.unit] = quantity.group(1)
        name = canonical_name(name)
        code = catalogue_code(name, figure.unit, change) if _LETTERS.search(name) else None
        own_clause = averaged or (term_opened and kind == "actual")
        years_of = _years_for(low, figure, year_index, fallback, own_clause)
        if kind == "target" and fallback is not None and years_of[0] in year_index.dated_only:
            # "Tại hội nghị chiều 24/11/2025, … chỉ tiêu Nghị quyết đề ra: tốc độ tăng …
            # 11,5%" under "Chỉ tiêu nhiệm kỳ 2025-2030": a meeting's day dates no target
            years_of = [fallback]
        if figure.last_year:
            years_of = [year - 1 if year else year for year in years_of]
        for year in years_of:
            rows.append(
                Indicator(
                    name=name,
                    value=sign * figure.value,
                    value_max=sign * figure.value_max if figure.value_max is not None else None,
                    unit=STORED_AS.get(figure.unit, figure.unit),
                    kind=kind,
                    year=year,
                    change=change,
                    period=_period(low, figure, frame),
                    qualifier=_qualifier(low, figure.number_start),
                    total=figure.total,
                    plan_value=figure.plan,
                    plan_value_max=figure.plan_max,
                    indicator=code,
                    sentence=sentence,
                )
            )
        if (
            bare is not None
            and name.startswith(f"{figure.unit} ")
            and not change
            and _SHARED_TAIL.match(name, len(figure.unit))
        ):
            # "27 tổ chức và hơn 6.000 hộ nuôi tôm siêu thâm canh": what follows the last
            # count of a pair qualifies both
            index, unit = bare
            shared = f"{unit}{name[len(figure.unit) :]}"
            rows[index:] = [
                replace(row, name=shared, indicator=catalogue_code(shared, row.unit))
                if position == index
                else row
                for position, row in enumerate(rows[index:], start=index)
            ]
        bare = None
        if (
            name == figure.unit
            and figure.unit not in _LEVEL_UNITS
            and not change
            and _PAIRED_COUNT.match(low, figure.end)
        ):
            bare = (len(rows) - 1 - (len(years_of) - 1), figure.unit)
        previous, previous_name, previous_change = figure, name, change
        if sector:
            previous_name = canonical_name(sector)
        if not bracketed:
            outer_name = name
    # "…tăng 5,56%; mức này cao hơn mức 5,03% của quý I/2024": the year of what a figure is
    # compared with is not carried
    compared_from = min((f.start for f in figures if f.compared), default=len(low))
    stated = [
        m.year
        for m in years
        if not m.base
        and m.start < compared_from
        # a date in brackets is carried only from a line with no figure ("Xã Nà Hỳ (tin
        # ngày 21/8/2025)" over its story)
        and (_bracket_open(low, m.start) is None or (m.dated and not figures))
        and not _in_series(low, m.start)
        and not _YEAR_AS_SUBJECT.match(low, m.end)
        # "Tốc độ tăng … 6,3%/năm; riêng năm 2025 ước đạt 6,48%": a year singled out of a
        # term is that figure's, and the text goes on about the term
        and not _SINGLED_OUT_BEFORE.search(low, max(0, m.start - 16), m.start)
        and not (
            not figures
            and _HORIZON_BEFORE.search(low, max(0, m.start - 24), m.start)
            and not _OWN_TARGET_CUE.search(low)
        )
    ]
    if no_carry:
        carried[0] = None  # a span or the present: what follows has no year of its own
    elif stated:
        carried[0] = stated[-1]
    rows = [row for row in rows if _LETTERS.search(row.name)]  # not "a", "°"
    if lead_in is not None:
        block = _TargetBlock(_lead_in_year(low[: lead_in.end()]))
    return rows, block


def _about_a_span(low: str, end: int) -> bool:
    """Whether ``low`` up to ``end`` speaks of a span of years or of the present."""
    return (
        any(
            # "HĐND xã khóa I, nhiệm kỳ 2021-2026 tổ chức kỳ họp …": the term of the body
            # that meets, not a span the sentence speaks of
            not _BODY_TERM_BEFORE.search(low, max(0, m.start() - 16), m.start())
            for m in _SPAN_OR_PRESENT.finditer(low, 0, end)
        )
        or any(
            _COUNT_OF_YEARS_BEFORE.search(low, max(0, m.start() - 8), m.start())
            for m in _YEARS_TOTALLED.finditer(low, 0, end)
        )
        or any(
            _word_starts(low, m.start()) and not low.endswith(("tháng ", "ngày "), 0, m.start())
            for m in _YEARS_COUNTED.finditer(low, 0, end)
        )
    )


def _word_starts(low: str, position: int) -> bool:
    return position == 0 or not (low[position - 1].isalnum() or low[position - 1] == "_")


def _in_series(low: str, position: int) -> bool:
    """ "các năm 2022, 2023 và 2024 lần lượt tăng 5%, 6% và 7%": years paired with figures
    are theirs, not the year the text goes on about."""
    if "lần lượt" not in low:
        return False
    respectively = low.find("lần lượt", position)
    return respectively >= 0 and not _CLAUSE_BREAK.search(low, position, respectively)


_CLAUSE_BREAK = re.compile(r"[;.]")


def _yearly_average(low: str, figure: _Figure, before: str) -> bool:
    """A rate averaged per year ("bình quân hằng năm tăng 6,8%", "giảm trung bình
    4,25%/năm") or reached every year ("hằng năm đạt từ 85% trở lên") is over a span: it
    takes no year an earlier clause stated."""
    return (
        low.startswith("/năm", figure.end - 4)
        or ("bình quân" in before or "trung bình" in before)
        and bool(_YEARLY_BEFORE.search(before))
        or ("năm" in before and bool(_EVERY_YEAR.search(before)))
    )


def _per_head(name: str) -> str:
    """ "thu nhập bình quân ước đạt 51,2 triệu đồng/người/năm" is income per head."""
    if "đầu người" in name or not name:
        return name
    return f"{_STEADY_TAIL.sub('', name)} bình quân đầu người"


def _in_season(name: str, season: str) -> str:
    """A quantity of a season's crop is named with its season ("năng suất vụ mùa")."""
    if name.startswith(season):
        name = name[len(season) :].strip(" ,")
        name = _LOCATION_PREFIX.sub("", name).strip(" ,")
    if _QUANTITY_HEAD.match(name) and season not in name:
        return f"{name} {season}"
    return name


def _change_before(before: str) -> re.Match | None:
    """ "tăng 5%", "giảm bình quân 1,5%", "tăng tỷ lệ … từ 3%": the verb that makes the figure
    a change. Both patterns are tried where they can start (the last verb; after the last
    comma), not at every offset of the clause."""
    stripped = _strip_qualifier(before)
    verb = max(stripped.rfind("tăng"), stripped.rfind("giảm"))
    found = _CHANGE_BEFORE.match(stripped, verb) if verb >= 0 else None
    if found:
        return found
    comma = max(before.rfind(","), before.rfind(";"))
    return _VERB_THEN_SUBJECT.search(before, comma + 1)


def _strip_qualifier(before: str) -> str:
    stripped = before.rstrip()
    found = _QUALIFIER_AT_END.search(stripped, max(0, len(stripped) - _QUALIFIER_REACH))
    return stripped[: found.start()] if found else stripped


def _lead_in(low: str) -> re.Match | None:
    """A target lead-in ("Phấn đấu đến năm 2025:", "Nghị quyết đề ra 24 chỉ tiêu; trong đó"),
    not a plan reference ("đạt 101,9% kế hoạch, tăng 1,4%; trong đó …")."""
    for match in _LEAD_IN.finditer(low):
        if match.group().startswith("chỉ tiêu") and _FULFILMENT.search(match.group()):
            continue  # "33 chỉ tiêu chủ yếu đều hoàn thành, trong đó …" reports results
        if not _SHARE_BEFORE_CUE.search(low, max(0, match.start() - 20), match.start()):
            return match
    return None


def _lead_in_year(lead_in: str) -> int | None:
    """The year a lead-in states: its last single year, else the end of its term."""
    return frame_of(lead_in).year
