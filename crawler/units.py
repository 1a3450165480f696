"""Vietnam's administrative units of July 2025 (34 provinces, about 3,300 communes and wards,
with their official codes, from the ``vietnam-provinces`` package) and the 63 provinces
before the merger, so that a portal named after a former unit still finds the unit it is
part of now."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from vietnam_provinces import Province, ProvinceCode, Ward, WardCode

# The 2025 merger (Nghị quyết 202/2025/QH15): each former province and the one it joined.
# Provinces that kept their name and borders map to themselves and are not listed.
FORMER_PROVINCES = {
    "Hà Giang": "Tuyên Quang",
    "Yên Bái": "Lào Cai",
    "Bắc Kạn": "Thái Nguyên",
    "Vĩnh Phúc": "Phú Thọ",
    "Hòa Bình": "Phú Thọ",
    "Bắc Giang": "Bắc Ninh",
    "Thái Bình": "Hưng Yên",
    "Hải Dương": "Hải Phòng",
    "Hà Nam": "Ninh Bình",
    "Nam Định": "Ninh Bình",
    "Quảng Bình": "Quảng Trị",
    "Quảng Nam": "Đà Nẵng",
    "Kon Tum": "Quảng Ngãi",
    "Bình Định": "Gia Lai",
    "Ninh Thuận": "Khánh Hòa",
    "Đắk Nông": "Lâm Đồng",
    "Bình Thuận": "Lâm Đồng",
    "Phú Yên": "Đắk Lắk",
    "Bình Dương": "Hồ Chí Minh",
    "Bà Rịa - Vũng Tàu": "Hồ Chí Minh",
    "Bình Phước": "Đồng Nai",
    "Long An": "Tây Ninh",
    "Sóc Trăng": "Cần Thơ",
    "Hậu Giang": "Cần Thơ",
    "Bến Tre": "Vĩnh Long",
    "Trà Vinh": "Vĩnh Long",
    "Tiền Giang": "Đồng Tháp",
    "Bạc Liêu": "Cà Mau",
    "Kiên Giang": "An Giang",
}
_UNIT_WORDS = re.compile(r"^(?:tinh|thanh pho|tp\.?|xa|phuong|thi tran|dac khu)\s+")


def name_key(name: str) -> str:
    """A unit name folded for comparison: no diacritics, đ as d, no unit word, one space."""
    text = unicodedata.normalize("NFD", name.lower().replace("đ", "d"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = " ".join(re.sub(r"[-–]", " ", text).split())
    return _UNIT_WORDS.sub("", text)


@lru_cache(maxsize=1)
def _provinces() -> dict[str, Province]:
    return {name_key(p.name): p for p in Province.iter_all()}


def province_2025(name: str) -> Province | None:
    """The July-2025 province a province name means now ("Hải Dương" -> Hải Phòng)."""
    key = name_key(name)
    former = {name_key(old): new for old, new in FORMER_PROVINCES.items()}
    return _provinces().get(name_key(former.get(key, name)))


@lru_cache(maxsize=64)
def _wards_of(province: int | None) -> dict[str, list[Ward]]:
    wards = Ward.iter_by_province(ProvinceCode(province)) if province else Ward.iter_all()
    index: dict[str, list[Ward]] = {}
    for ward in wards:
        index.setdefault(f"{ward.division_type.value} {name_key(ward.name)}", []).append(ward)
    return index


def ward_2025(kind: str, name: str, province: int | None = None) -> Ward | None:
    """The July-2025 commune or ward "xã Quang Thành" names, within a province when given;
    None when there is none or the name is ambiguous."""
    found = _wards_of(province).get(f"{kind.lower()} {name_key(name)}", [])
    return found[0] if len(found) == 1 else None


def province_code_problem(code: int) -> str | None:
    try:
        Province.from_code(ProvinceCode(code))
    except (ValueError, KeyError):
        return f"{code} is not the code of a province of July 2025"
    return None


def unit_code_problem(code: int, province_code: int | None) -> str | None:
    try:
        ward = Ward.from_code(WardCode(code))
    except (ValueError, KeyError):
        return f"{code} is not the code of a commune or ward of July 2025"
    if province_code is not None and ward.province_code.value != province_code:
        return (
            f"{ward.name} ({code}) is in province {ward.province_code.value}, not {province_code}"
        )
    return None
