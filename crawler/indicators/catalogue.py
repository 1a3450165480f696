"""A stable key for each figure: spelling folded, abbreviations expanded, catalogue code.

Free names differ from portal to portal ("Thu NS trên địa bàn", "tổng thu ngân sách nhà nước
trên địa bàn", "thu ngân sách xã"); ``catalogue.toml`` lists the common indicators of local
reports with their synonyms and unit class, so figures from different portals line up.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from importlib.resources.abc import Traversable

# Read through importlib.resources so that it is found inside a scrapyd egg (a zip file) too.
CATALOGUE_PATH: Traversable = files("crawler.indicators").joinpath("catalogue.toml")

# Old-style tone placement ("hoá", "thuỷ") folded to the new style ("hóa", "thủy").
_TONE_FOLD = {
    "oá": "óa", "oà": "òa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oé": "óe", "oè": "òe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uý": "úy", "uỳ": "ùy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}  # fmt: skip
# not "quý"; the look-behind follows the two letters, so that the engine skips to them
_TONE_PATTERN = re.compile("(?:" + "|".join(_TONE_FOLD) + r")(?<!q..)(?!\w)")
# Report abbreviations, written form (lower case) -> words.
ABBREVIATIONS = {
    "ns": "ngân sách",
    "nsnn": "ngân sách nhà nước",
    "nsđp": "ngân sách địa phương",
    "kt-xh": "kinh tế - xã hội",
    "ktxh": "kinh tế - xã hội",
    "kt - xh": "kinh tế - xã hội",
    "qp-an": "quốc phòng - an ninh",
    "bq": "bình quân",
    "tnbq": "thu nhập bình quân",
    "tsvm": "trong sạch vững mạnh",
    "httnv": "hoàn thành tốt nhiệm vụ",
    "htxsnv": "hoàn thành xuất sắc nhiệm vụ",
    "bhyt": "bảo hiểm y tế",
    "bhxh": "bảo hiểm xã hội",
    "bhtn": "bảo hiểm thất nghiệp",
    "ntm": "nông thôn mới",
    "gtsx": "giá trị sản xuất",
    "đtpt": "đầu tư phát triển",
    "xdcb": "xây dựng cơ bản",
    "dtts": "dân tộc thiểu số",
    "cn-xd": "công nghiệp - xây dựng",
    "cn - xd": "công nghiệp - xây dựng",
    "tm-dv": "thương mại - dịch vụ",
    "tm - dv": "thương mại - dịch vụ",
    "tttcn": "tiểu thủ công nghiệp",
    "cn-tttcn": "công nghiệp - tiểu thủ công nghiệp",
    "lđ": "lao động",
    "sx": "sản xuất",
    "sxkd": "sản xuất kinh doanh",
    "tthc": "thủ tục hành chính",
    "kh": "kế hoạch",
    "tỉ": "tỷ",
    "tỉ lệ": "tỷ lệ",
    "tỉ trọng": "tỷ trọng",
}
_ABBREVIATION = re.compile(
    "("
    + "|".join(  # each form checked for a word before it after it is read (the engine skips
        # to the forms' first letters; a leading look-behind is tried at every position)
        rf"{form}(?<![\w-]{form})"
        for form in sorted(map(re.escape, ABBREVIATIONS), key=len, reverse=True)
    )
    + r")(?![\w-])"
)
# What a name never keeps: plan marks, open-ended qualifiers, per-year suffixes.
_NAME_NOISE = re.compile(
    r"/\s*(?:kh|kế hoạch)\b|trở lên(?<!\wtrở lên)\b|trở xuống(?<!\wtrở xuống)\b"
    r"|/\s*(?:người\s*/\s*)?năm\b|/\s*người\b"
)
_WORD = re.compile(r"[^\W_]+")
_SPACES = re.compile(r"\s+")
UNIT_CLASSES = {
    "%": "percent",
    "VND": "money",
    "USD": "money",
    "EUR": "money",
    "ha": "area",
    "m2": "area",
    "km2": "area",
    "tấn": "mass",
    "tạ": "mass",
    "kg": "mass",
    "tạ/ha": "yield",
    "tấn/ha": "yield",
    "km": "length",
    "m": "length",
    "lần": "ratio",
    "điểm phần trăm": "points",
}
_NON_COUNT = {"percent", "money", "area", "mass", "yield", "length", "ratio", "points"}


def fold_spelling(text: str) -> str:
    """Lower case, NFC, new-style tone marks ("hoá" -> "hóa") and "tỉ" -> "tỷ"."""
    low = unicodedata.normalize("NFC", text).lower()
    return _TONE_PATTERN.sub(lambda m: _TONE_FOLD[m.group()], low)


@lru_cache(maxsize=4096)
def canonical_name(name: str) -> str:
    """The name in one spelling: folded, abbreviations expanded, plan marks dropped."""
    folded = _ABBREVIATION.sub(lambda m: ABBREVIATIONS[m.group()], fold_spelling(name))
    folded = _NAME_NOISE.sub(" ", folded)
    return _SPACES.sub(" ", folded).strip(" ,;:–-/")


@dataclass(frozen=True)
class Entry:
    code: str
    label: str
    unit: str
    synonyms: tuple[tuple[str, ...], ...]


@lru_cache(maxsize=1)
def load_catalogue(path: Traversable = CATALOGUE_PATH) -> tuple[Entry, ...]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return tuple(
        Entry(
            item["code"],
            item["label"],
            item["unit"],
            tuple(tuple(_WORD.findall(canonical_name(s))) for s in item["synonyms"]),
        )
        for item in data["indicator"]
    )


@lru_cache(maxsize=1)
def _index() -> dict[str, list[tuple[tuple[str, ...], frozenset[str], Entry]]]:
    """Synonyms by first word, longest first, each with its set of words."""
    index: dict[str, list[tuple[tuple[str, ...], frozenset[str], Entry]]] = {}
    for entry in load_catalogue():
        for words in entry.synonyms:
            index.setdefault(words[0], []).append((words, frozenset(words), entry))
    for found in index.values():
        found.sort(key=lambda item: len(item[0]), reverse=True)
    return index


def _fits(entry: Entry, unit: str, change: bool) -> bool:
    if change or unit.startswith("% "):  # a change or a share of plan: any level's unit
        return True
    unit_class = UNIT_CLASSES.get(unit, "count")
    return entry.unit == unit_class or (entry.unit == "count" and unit_class not in _NON_COUNT)


def _contains(words: list[str], position: int, synonym: tuple[str, ...]) -> bool:
    """``synonym`` starts at ``position`` and its words follow in order, with at most
    MAX_GAP words inserted ("tổ chức cơ sở đảng được xếp loại hoàn thành tốt nhiệm vụ")."""
    index, gaps = position + 1, 0
    for word in synonym[1:]:
        while index < len(words) and words[index] != word:
            index, gaps = index + 1, gaps + 1
            if gaps > MAX_GAP:
                return False
        if index == len(words):
            return False
        index += 1
    return True


MAX_GAP = 3


@lru_cache(maxsize=4096)
def catalogue_code(name: str, unit: str, change: bool = False) -> str | None:
    """The code of the catalogue entry ``name`` names, or None when none fits: the entry
    with the longest synonym found in the name, preferring one whose unit class is the
    figure's."""
    words = _WORD.findall(canonical_name(name))
    present = frozenset(words)
    index = _index()
    best: tuple[int, bool, Entry] | None = None
    for position, word in enumerate(words):
        for synonym, synonym_words, entry in index.get(word, ()):
            size = len(synonym)
            if best is not None and size < best[0]:
                break
            if (
                synonym_words <= present
                and _fits(entry, unit, change)
                and _contains(words, position, synonym)
            ):
                exact_unit = not change and entry.unit == UNIT_CLASSES.get(unit, "count")
                if best is None or (size, exact_unit) > (best[0], best[1]):
                    best = (size, exact_unit, entry)
    return best[2].code if best else None
