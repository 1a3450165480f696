"""Vietnamese dates and times as portals print them, to timezone-aware datetimes.

Portals write dates in many shapes ("Đăng ngày 18 - 06 - 2020", "Thứ ba, 31/10/2023",
"22/06/2023 12:00:00", "(07/11/2020 8:51 SA)", "ngày 18 tháng 6 năm 2020"). We locate the
date with strict day-first patterns and build the datetime from its numbers (Asia/Ho_Chi_Minh),
so an impossible date ("31/02/2020") is rejected rather than guessed. A short date element
those patterns cannot read ("31 tháng 10, 2023", "Thứ ba, 31 tháng mười 2023") is handed to
dateparser (Vietnamese, day first); it costs milliseconds a call, so it is never used for the
common shapes.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

import dateparser

VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")

# "18 - 06 - 2020", "31/10/2023", "2.5.2024"; the year has four digits so that "14/10" or a
# document number "12/2020/NĐ-CP" with a two-part date are not taken for a full date.
_NUMERIC_DATE = re.compile(
    r"(?<![\d/.])(?P<day>\d{1,2})\s*(?P<sep>[-/.])\s*(?P<month>\d{1,2})\s*(?P=sep)\s*"
    r"(?P<year>(?:19|20)\d{2})(?!\d)"
)
_WORDED_DATE = re.compile(
    r"ngày\s+(?P<day>\d{1,2})\s+tháng\s+(?P<month>\d{1,2})\s+năm\s+(?P<year>(?:19|20)\d{2})",
    re.IGNORECASE,
)
# "8:51 SA", "12:00:00", "14h30", "9 giờ 15"; SA/CH (sáng/chiều) are Vietnamese AM/PM.
_TIME = re.compile(
    r"(?<!\d)(?P<hour>\d{1,2})\s*(?::|h|giờ)\s*(?P<minute>\d{2})(?::(?P<second>\d{2}))?"
    r"(?:\s*(?P<meridiem>SA|CH|AM|PM|sáng|chiều|tối)\b)?",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
_PM_WORDS = {"ch", "pm", "chiều", "tối"}
_AM_WORDS = {"sa", "am", "sáng"}
# How far from the date a time may stand and still belong to it ("18/06/2020 - 09:15").
_TIME_REACH = 12


@dataclass(frozen=True)
class ParsedDate:
    """A publication date and whether the page stated its time of day."""

    value: datetime
    has_time: bool

    def isoformat(self) -> str:
        return self.value.isoformat()


def _time_near(text: str, start: int, end: int) -> tuple[int, int, int] | None:
    """The time of day written right after (or right before) a date, as 24-hour parts."""
    after = _TIME.match(text[end:].lstrip(" ,-|–(").rstrip()) if end < len(text) else None
    candidates = []
    if after:
        candidates.append(after)
    window = text[max(0, start - _TIME_REACH - 8) : start]
    before = list(_TIME.finditer(window))
    if before and window[before[-1].end() :].strip(" ,-|–()") == "":
        candidates.append(before[-1])
    for match in candidates:
        hour, minute = int(match["hour"]), int(match["minute"])
        second = int(match["second"] or 0)
        meridiem = (match["meridiem"] or "").lower()
        if meridiem in _PM_WORDS and hour < 12:
            hour += 12
        elif meridiem in _AM_WORDS and hour == 12:
            hour = 0
        if hour < 24 and minute < 60 and second < 60:
            return hour, minute, second
    return None


_DATEPARSER_SETTINGS = {
    "DATE_ORDER": "DMY",
    "TIMEZONE": "Asia/Ho_Chi_Minh",
    "TO_TIMEZONE": "Asia/Ho_Chi_Minh",
    "RETURN_AS_TIMEZONE_AWARE": True,
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PREFER_DATES_FROM": "past",
}


@lru_cache(maxsize=8192)
def _day(day: int, month: int, year: int) -> datetime | None:
    """Midnight of the day in Vietnam; None for a day the month does not have."""
    try:
        return datetime(year, month, day, tzinfo=VN_TZ)
    except ValueError:
        return None


def _as_datetime(day: int, month: int, year: int, clock: tuple[int, int, int] | None):
    """The Vietnamese local time of these parts, or None for a day the month does not have."""
    midnight = _day(day, month, year)
    if midnight is None:
        return None
    hour, minute, second = clock or (0, 0, 0)
    return midnight.replace(hour=hour, minute=minute, second=second)


def find_dates(text: str) -> list[ParsedDate]:
    """Every valid date in ``text``, in order of appearance."""
    if not text or not _DIGIT.search(text):  # every date has digits; most lines none
        return []
    text = unicodedata.normalize("NFC", text).replace("\xa0", " ")
    found: list[tuple[int, ParsedDate]] = []
    for pattern in (_NUMERIC_DATE, _WORDED_DATE):
        for match in pattern.finditer(text):
            day, month, year = int(match["day"]), int(match["month"]), int(match["year"])
            if not (1 <= day <= 31 and 1 <= month <= 12):
                continue
            clock = _time_near(text, match.start(), match.end())
            value = _as_datetime(day, month, year, clock)
            if value is not None:
                found.append((match.start(), ParsedDate(value, clock is not None)))
    return [parsed for _, parsed in sorted(found, key=lambda pair: pair[0])]


def parse_vn_date(text: str | None) -> ParsedDate | None:
    """The first date written in ``text`` (a date element's text), or None."""
    dates = find_dates(text or "")
    return dates[0] if dates else _read_with_dateparser(text or "")


_FOUR_DIGIT_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
# Longer texts are not a date element: dateparser would guess at them, slowly.
_DATEPARSER_MAX_CHARS = 60


def _read_with_dateparser(text: str) -> ParsedDate | None:
    """A short date the strict patterns do not know, read by dateparser. Only absolute
    dates (with a four-digit year): a relative "2 giờ trước" would date the article by the
    crawl, not by its publication."""
    text = unicodedata.normalize("NFC", text).strip()
    if len(text) > _DATEPARSER_MAX_CHARS or not _FOUR_DIGIT_YEAR.search(text):
        return None
    value = dateparser.parse(text, languages=["vi"], settings=_DATEPARSER_SETTINGS)
    if value is None:
        return None
    value = value.astimezone(VN_TZ)
    return ParsedDate(value, has_time=(value.hour, value.minute, value.second) != (0, 0, 0))


def parse_iso_date(text: str | None) -> ParsedDate | None:
    """A machine date from a meta tag (``article:published_time``, ``datePublished``)."""
    if not text:
        return None
    try:
        value = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    has_time = "T" in text or " " in text.strip()
    if value.tzinfo is None:
        value = value.replace(tzinfo=VN_TZ)
    return ParsedDate(value.astimezone(VN_TZ), has_time)


def refine_with(primary: ParsedDate | None, fallback: ParsedDate | None) -> ParsedDate | None:
    """Take the article page's date, adding the listing's time of day when both name one day.

    Tân Dân article pages print only the day ("Đăng ngày 07 - 11 - 2020") while the listing
    says "(07/11/2020 8:51 SA)"; a different day on the listing never overrides the page.
    """
    if primary is None:
        return fallback
    if (
        fallback is not None
        and not primary.has_time
        and fallback.has_time
        and fallback.value.date() == primary.value.date()
    ):
        return fallback
    return primary
