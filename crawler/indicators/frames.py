"""Document frames: what headings, lead-ins and lists tell the figures under them.

Report prose is structured: "CÁC CHỈ TIÊU CHỦ YẾU NHIỆM KỲ 2020-2025" over a numbered list,
"Kế hoạch năm 2024:" over bullets, "Điều 1. Kết quả thực hiện kế hoạch năm 2022" over a
paragraph. A frame carries a kind (target or actual), a year and a period to every item under
it until it ends:

* a heading (an upper-case line, "I." / "A." / "Điều 1." / "Phần", or a short numbered title
  such as "1. Tăng trưởng kinh tế") lasts until the next heading of the same or a higher level;
* a lead-in (a line or list item ending with a colon: "Mục tiêu đến năm 2025:", "- Về kinh
  tế:") lasts over the list items and label lines under it and ends at the first narrative
  paragraph or at the next lead-in or heading.

A frame that states no year takes the year of the frame it continues ("Các chỉ tiêu xã hội:"
after "Các chỉ tiêu kinh tế năm 2024:"); a term "nhiệm kỳ 2020-2025" gives a target frame its
end year and every frame its period.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from .text import normalise, split_sentences

YEAR = r"(?:19|20)\d{2}"
_ROMAN_HEADING = re.compile(r"^(?:[IVXLC]{1,6}|[A-ĐA-Z])\s*[.)/-]\s+\S")
_ARTICLE_HEADING = re.compile(r"^(?:điều|phần|chương|mục)\s+(?:\d+|[ivxlc]+)\b", re.IGNORECASE)
_NUMBERED = re.compile(r"^(?:\(?\d{1,2}(?:\.\d{1,2})*[.)]|\(\d{1,2}\))\s+")
_LETTERED = re.compile(r"^[a-zđ]\)\s+")
_BULLET = re.compile(r"^[-–—+•*●○■□▪◦·]\s*")
_MARKER = re.compile(
    r"^(?:[-–—+•*●○■□▪◦·]\s*|\(?\d{1,2}(?:\.\d{1,2})*[.)]\s+|\(\d{1,2}\)\s+|[a-zđ]\)\s+)"
)
# Not after a word of reaching or comparing: "chưa đạt mục tiêu", "cán đích mục tiêu",
# "hoàn thành kế hoạch", "thấp hơn mục tiêu" say how results stand against a plan.
# "nhiều chỉ tiêu của tỉnh nằm trong nhóm dẫn đầu cả nước": indicators ranked, no targets.
NOT_RANKED = r"(?![^.;:]{0,40}\b(?:nằm trong nhóm|đứng đầu|đứng thứ|dẫn đầu|xếp thứ|xếp hạng))"
_TARGET_WORDS = re.compile(
    r"(?<!đạt )(?<!vượt )(?<!đích )(?<!thành )(?<!hơn )(?<!với )(?<!giải ngân )(?<!ngân vốn )"
    rf"\b(?:chỉ tiêu{NOT_RANKED}|mục tiêu|kế hoạch|phấn đấu|định hướng|dự kiến|nhiệm vụ|"
    r"phương hướng|đề ra|dự toán|kh)\b"
)
_ACTUAL_WORDS = re.compile(
    r"\b(?:kết quả|tình hình|(?<!đầu tư )(?<!tiếp tục )thực hiện|đã đạt|đạt được|ước thực hiện|"
    r"ước tính|ước đạt|đánh giá|"
    r"thành tựu|tổng kết|sơ kết|(?:đạt|hoàn thành) và vượt|so với cùng kỳ|so cùng kỳ)\b"
)
# A period gone by: "10 tháng năm 2025", "6 tháng đầu năm", "quý III" (not "3 tháng cuối năm").
_ELAPSED_PERIOD = re.compile(r"\b(?:\d{1,2} tháng(?! cuối)|quý [ivx]+\b|tháng \d{1,2}\b)")
# Results a title says were reached, whatever tasks or targets it names before them ("xã
# triển khai các nhiệm vụ và đạt nhiều kết quả:", "các chỉ tiêu cơ bản đều đạt và vượt kế
# hoạch:", "Một số chỉ tiêu ước thực hiện năm 2025", "… chỉ tiêu đều tăng so với cùng kỳ:").
_RESULTS_REACHED = re.compile(
    r"\b(?:đạt(?: được)?(?: nhiều| những| các)? kết quả|(?:đều\s+)?(?:đạt|hoàn thành) và vượt"
    r"|đã đạt|đạt được|so với cùng kỳ|so cùng kỳ|ước thực hiện|ước tính|ước đạt"
    r"|(?:đều\s+)?(?:đạt|vượt|hoàn thành)\s+kế hoạch)\b"
)
# A title that opens with what it sets out ("Mục tiêu đến năm 2030", "Kế hoạch năm 2026") heads
# a section; a news headline tells who does what ("Cà Mau phấn đấu tăng trưởng hai con số
# trong năm 2026") and frames no kind: its body says which of its figures are plans.
_SECTION_TITLE = re.compile(
    r"\s*(?:các\s+|những\s+)?(?:chỉ tiêu|mục tiêu|kế hoạch|phương hướng|nhiệm vụ|định hướng|"
    r"dự kiến|kết quả|tình hình)\b",
    re.IGNORECASE,
)
_RANGE = re.compile(rf"(?<!\d)({YEAR})\s*[-–—]\s*({YEAR})(?!\d)")
_SINGLE_YEAR = re.compile(rf"(?<![\d/.-])({YEAR})(?![\d/-])")
_PERIOD_YEAR = re.compile(rf"\b(?:tháng|quý)\s+(?:\d{{1,2}}|[ivx]{{1,4}})\s*/\s*({YEAR})(?!\d)")
_BASE_YEAR = re.compile(
    rf"(?:giá so sánh|giá cố định|so với|so)\s+(?:cùng kỳ\s+)?(?:năm\s+)?{YEAR}"
)
TERM = rf"(?:giai đoạn|nhiệm kỳ|thời kỳ)\s+{YEAR}\s*[-–—]\s*{YEAR}"  # "nhiệm kỳ 2020-2025"
_TERM = re.compile(TERM)
_DIGIT = re.compile(r"\d")
_YEARS = re.compile(rf"{YEAR}(?:\s*[-–—]\s*{YEAR})?")
_BRACKETED = re.compile(r"\([^()]*\)")
# "Kế hoạch 5 năm 2026 - 2030", "Kết quả 6 tháng đầu năm 2025": a title's period, not a figure
_SPAN_IN_TITLE = re.compile(
    rf"\b\d{{1,2}}\s+(?:năm\s+(?={YEAR}\s*[-–—]\s*{YEAR})|tháng\b(?!\s*/))"
)
_LABEL_LINE = re.compile(r"^[^:;.\d]{3,90}:\s*\S")
_INLINE_LEAD_IN = re.compile(r"^([^:;.]{3,90}):\s*\S")


@dataclass(frozen=True)
class Frame:
    """What a heading or lead-in says about the figures under it (None: it says nothing)."""

    kind: str | None = None
    year: int | None = None
    period: str | None = None


NO_FRAME = Frame()


class Unit(NamedTuple):  # a tuple: one is made per sentence
    """One sentence to read, with the frame it sits in and its paragraph's number."""

    sentence: str
    frame: Frame
    paragraph: int
    cells: tuple[str, ...] = ()  # a table row: its cells (the body keeps them joined by " | ")
    above: str = ""  # a table row: the last line that was not one (a table's title)


@lru_cache(maxsize=1024)
def frame_of(title: str) -> Frame:
    """The kind, year and period a heading or lead-in ``title`` states."""
    low = title.lower()
    target = _TARGET_WORDS.search(low)
    actual = _ACTUAL_WORDS.search(low)
    kind = None
    if target and actual:
        kind = "target" if target.start() < actual.start() else "actual"
        if kind == "target" and _RESULTS_REACHED.search(low, target.end()):
            kind = "actual"
    elif target and target.group() == "chỉ tiêu":
        if low.startswith("khác", target.end() + 1):
            kind = None  # "Một số chỉ tiêu khác": other indicators, of the kind their lines say
        elif _RESULTS_REACHED.search(low, target.end()) or _ELAPSED_PERIOD.search(low):
            # indicators that reached the plan ("…, các chỉ tiêu chủ yếu đạt kế hoạch:") or of
            # months gone by ("Một số chỉ tiêu 10 tháng năm 2025 của tỉnh:"), no plan (a target
            # word other than "chỉ tiêu" still plans: "Kế hoạch 3 tháng cuối năm")
            kind = "actual"
        else:
            kind = "target"
    elif target:
        kind = "target"
    elif actual:
        kind = "actual"
    year = None
    ranges = list(_RANGE.finditer(low))
    cleaned = _BASE_YEAR.sub(" ", _RANGE.sub(" ", low))
    singles = _SINGLE_YEAR.findall(cleaned) or _PERIOD_YEAR.findall(cleaned)
    if singles:  # "Kế hoạch năm 2026", "Nông thôn mới đến tháng 7/2025"
        year = int(singles[-1])
    elif ranges and kind == "target":
        year = int(ranges[-1].group(2))
    term = _TERM.search(low)
    return Frame(kind, year, term.group() if term else None)


def _continue(frame: Frame, parent: Frame) -> Frame:
    return Frame(
        frame.kind or parent.kind, frame.year or parent.year, frame.period or parent.period
    )


def _is_upper_heading(line: str) -> bool:
    if sum(map(str.islower, line[:12])) > 2:
        return False  # the common case, decided on the first words
    lower, upper = sum(map(str.islower, line)), sum(map(str.isupper, line))
    return upper >= 6 and upper >= 4 * lower


@lru_cache(maxsize=1024)
def _heading_level(line: str) -> int | None:
    """0 for an upper-case title, 1 for "I." / "A." / "Điều 1.", 2 for a short numbered or
    bare title ("1. Tăng trưởng kinh tế", "Các chỉ tiêu chủ yếu (nhiệm kỳ 2020-2025)"),
    None for anything that is not a heading."""
    if len(line) > 160 or line.endswith((".", ";", ",", ":")) and not _is_upper_heading(line):
        return None
    if _ARTICLE_HEADING.match(line) or (
        _ROMAN_HEADING.match(line) and not _NUMBERED.match(line)
    ):
        return 1
    if _is_upper_heading(line):
        return 0
    title = _NUMBERED.sub("", line, count=1)
    # "… đến tháng 7/2025", "Kế hoạch 5 năm 2026 - 2030", "Kết quả 6 tháng …" are titles
    undated = _YEARS.sub("", _PERIOD_YEAR.sub("", _SPAN_IN_TITLE.sub("", title)))
    if _BULLET.match(line) or _LETTERED.match(line) or _DIGIT.search(undated):
        return None
    # "Mục tiêu nhiệm kỳ 2025 - 2030 (Nghị quyết Đại hội Đảng bộ phường lần thứ I)": the
    # bracket says where the title comes from, not more title
    return 2 if len(_BRACKETED.sub(" ", title).split()) <= 12 else None


def _stated_years(line: str) -> set[int]:
    """The single years a line states, not as a base ("so với năm 2024") or in a range."""
    low = line.lower()
    if not _DIGIT.search(low):
        return set()
    return {int(year) for year in _SINGLE_YEAR.findall(_BASE_YEAR.sub(" ", _RANGE.sub(" ", low)))}


def _list_item(line: str) -> bool:
    return _MARKER.match(line) is not None


def _lines(text: str, normalised: bool = False) -> Iterator[tuple[str, int]]:
    """Logical lines with their paragraph number; a hard-wrapped line joins the one before."""
    paragraph = 0
    parts: list[str] = []  # the pending line's pieces (joined once: appending copies is quadratic)
    size = 0
    ends = ""  # the pending line's last character
    heading = False  # whether the pending line reads as a heading
    for raw in (text if normalised else normalise(text)).split("\n"):
        line = raw.strip()
        if not line:
            if parts:
                yield " ".join(parts), paragraph
                parts, size = [], 0
            paragraph += 1
            continue
        row = TABLE_CELL_SEPARATOR in line
        continues = line[:1].islower() and ends not in _SENTENCE_ENDS and not row
        starts_unit = row or not continues and (
            not parts
            or _list_item(line)
            or _heading_level(line) is not None
            or ends in _SENTENCE_ENDS
            or ends == "…"
            or heading
        )
        if starts_unit:
            if parts:
                yield " ".join(parts), paragraph
                paragraph += 1
            parts, size = [line], len(line)
        else:
            parts.append(line)
            size += 1 + len(line)
        ends = "." if row else line[-1]  # a table row is never continued
        # a line over 160 characters is never a heading (_heading_level): not joined to test
        heading = size <= 160 and _heading_level(" ".join(parts)) is not None
    if parts:
        yield " ".join(parts), paragraph


_SENTENCE_ENDS = frozenset(".;:!?")
# How a table row is stored in an article body (crawler.parsing.html.paragraphs_of).
TABLE_CELL_SEPARATOR = " | "


def read_units(text: str, normalised: bool = False) -> Iterator[Unit]:
    """Every sentence of ``text`` with the frame its headings and lead-ins give it
    (``normalised``: the caller has already passed ``text`` through ``normalise``)."""
    headings: list[tuple[int, Frame]] = []  # open headings, outermost first
    lead_in: Frame | None = None  # open lead-in over list items
    lead_in_items = False
    last_year: int | None = None
    headline: Frame | None = None  # a dated title line the body has not yet confirmed
    titled_kind: str | None = None  # the kind its words state, framed or not
    above = ""
    for line, paragraph in _lines(text, normalised):
        if TABLE_CELL_SEPARATOR in line:
            cells = tuple(cell.strip() for cell in line.split(TABLE_CELL_SEPARATOR.strip()))
            yield Unit(line, lead_in or (headings[-1][1] if headings else NO_FRAME), paragraph,
                       cells, above)
            continue
        above = line
        heading = _heading_level(line)
        if headline is not None and heading is None:
            stated = _stated_years(line)
            if stated:
                if (
                    titled_kind == "target"
                    and min(stated) < headline.year
                    and headings
                    and headings[0][1] is headline
                ):
                    # "HĐND xã thông qua mục tiêu năm 2026" over "… năm 2025, xã có 22/27
                    # chỉ tiêu đạt …": the title says how the story ends (the plan it
                    # approved), the body first reports the year before; the title frames
                    # none of it
                    headings.pop(0)
                    last_year = None
                headline = None
        outer = headings[-1][1] if headings else NO_FRAME
        if heading is not None:
            if lead_in is not None and not lead_in_items and heading == 2:
                # "Các chỉ tiêu chủ yếu đến năm 2030:" over "Về kinh tế" and "Về xã hội": the
                # lead-in stands over the section titles under it
                headings.append((1.5, lead_in))
            while headings and headings[-1][0] >= heading:
                headings.pop()
            parent = headings[-1][1] if headings else NO_FRAME
            frame = _continue(frame_of(line), parent)
            if frame.year is None and frame.kind is not None and last_year is not None:
                frame = Frame(frame.kind, last_year, frame.period)
            titled_kind = frame.kind
            if paragraph == 0 and not headings and heading == 2 and not _SECTION_TITLE.match(line):
                frame = Frame(None, frame.year, frame.period)
            first = paragraph == 0 and not headings
            headline = frame if first and heading == 2 and not _NUMBERED.match(line) else None
            # the story's headline stands over its section titles ("Đảng ủy xã tổng kết năm
            # 2025" over "Công tác xây dựng Đảng"): they do not end it
            headings.append((1 if headline is not None else heading, frame))
            if headline is not None and headline.year is None:
                headline = None
            last_year = frame.year or last_year
            lead_in = None
            continue
        marker = _MARKER.match(line)
        item = marker is not None
        body = line[marker.end() :] if marker else line
        if lead_in is not None and not item and not _LABEL_LINE.match(body):
            if lead_in_items or len(split_sentences(body)) > 1:
                lead_in = None  # a narrative paragraph ends the list
        context = lead_in or outer
        if body.endswith(":") and not item and _DIGIT.search(body):
            # "GRDP … ước đạt 35.872 tỷ đồng, tăng 6,37%. Chia ra:": the sentences before the
            # lead-in are read in the frame around it; the last one opens the list
            *told, body = split_sentences(body)
            for sentence in told:
                yield Unit(sentence, context, paragraph)
        if body.endswith(":"):
            if not item and _DIGIT.search(_YEARS.sub("", body)):
                # "Năm 2025, xã đạt và vượt 12/12 chỉ tiêu:", "Để hoàn thành mục tiêu tăng
                # trưởng 8,5%, tỉnh phát động thi đua:": a lead-in's own figures are read too
                yield Unit(body, context, paragraph)
            frame = _continue(frame_of(body), context if item else outer)
            if frame.year is None and frame.kind is not None and last_year is not None:
                frame = Frame(frame.kind, last_year, frame.period)
            last_year = frame.year or last_year
            if item and lead_in is not None:
                lead_in = frame  # "- Về kinh tế:" under "Các chỉ tiêu …:" refines it
            else:
                lead_in = frame
            lead_in_items = False
            continue
        if lead_in is not None:
            lead_in_items = lead_in_items or item
        frame = context if lead_in is None else lead_in
        label = _INLINE_LEAD_IN.match(body) if ":" in body else None
        if label:
            # "Các chỉ tiêu xã hội: tỷ lệ …", "Kế hoạch 6 tháng cuối năm: phấn đấu …"
            stated = frame_of(label.group(1))
            if stated.kind is not None:
                frame = _continue(stated, frame)
                if frame.year is None and last_year is not None:
                    frame = Frame(frame.kind, last_year, frame.period)
                last_year = frame.year or last_year
        for sentence in split_sentences(body):
            yield Unit(sentence, frame, paragraph)
