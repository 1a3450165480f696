"""Administrative units as of July 2025 (34 provinces, ~3,300 communes and wards), official codes.

Portals are registered under the units they had when they were set up (a former district of
Hưng Yên, a commune of Hải Dương); since 1 July 2025 districts are gone and 63 provinces became
34. The codes and names of the new units come from the `vietnam-provinces` package (offline data);
which former province went into which new one is the merger list of Resolution 202/2025/QH15,
kept here because the package holds only the new units. A commune's new unit cannot be derived
(communes were split and merged), so the registry names it by its official code
(``commune_2025``); a former district has none (its communes went to several new ones).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from vietnam_provinces import Province, ProvinceCode, Ward, WardCode

from crawler.text.vietnamese import fold

# The day the two-level local government took effect: articles written before it speak of the
# former units.
REFORM_DATE = "2025-07-01"

# Former province (codename) -> the 2025 province it became part of. Provinces that kept their
# borders (Hà Nội, Huế, Cao Bằng, Điện Biên, Lai Châu, Sơn La, Lạng Sơn, Quảng Ninh, Thanh Hóa,
# Nghệ An, Hà Tĩnh) and the receiving provinces map to themselves.
MERGED_INTO = {
    "ha_giang": "tuyen_quang",
    "yen_bai": "lao_cai",
    "bac_kan": "thai_nguyen",
    "vinh_phuc": "phu_tho",
    "hoa_binh": "phu_tho",
    "bac_giang": "bac_ninh",
    "thai_binh": "hung_yen",
    "hai_duong": "hai_phong",
    "ha_nam": "ninh_binh",
    "nam_dinh": "ninh_binh",
    "quang_binh": "quang_tri",
    "quang_nam": "da_nang",
    "kon_tum": "quang_ngai",
    "binh_dinh": "gia_lai",
    "ninh_thuan": "khanh_hoa",
    "dak_nong": "lam_dong",
    "binh_thuan": "lam_dong",
    "phu_yen": "dak_lak",
    "binh_duong": "ho_chi_minh",
    "ba_ria_vung_tau": "ho_chi_minh",
    "binh_phuoc": "dong_nai",
    "long_an": "tay_ninh",
    "soc_trang": "can_tho",
    "hau_giang": "can_tho",
    "ben_tre": "vinh_long",
    "tra_vinh": "vinh_long",
    "tien_giang": "dong_thap",
    "bac_lieu": "ca_mau",
    "kien_giang": "an_giang",
}
_PREFIX = re.compile(r"^(tinh|thanh pho|tp\.?)\s+")


class UnitError(ValueError):
    """A province or commune that the 2025 units do not know; the message says which."""


def codename(name: str) -> str:
    """'Thành phố Hải Phòng' -> 'hai_phong', 'Bà Rịa - Vũng Tàu' -> 'ba_ria_vung_tau'."""
    plain = _PREFIX.sub("", fold(name).strip())
    return "_".join(re.findall(r"[a-z0-9]+", plain))


@cache
def _provinces() -> dict[str, Province]:
    return {province.codename: province for province in Province.iter_all()}


def province_2025(former: str) -> Province:
    """The 2025 province a province name (former or current) belongs to."""
    key = codename(former)
    key = {"hue": "hue", "thua_thien_hue": "hue"}.get(key, key)
    province = _provinces().get(MERGED_INTO.get(key, key))
    if province is None:
        raise UnitError(f"{former!r} is not a Vietnamese province, former or current")
    return province


def commune_2025(code: int) -> Ward:
    """A 2025 commune or ward by its official code."""
    try:
        return Ward.from_code(WardCode(code))
    except ValueError:
        raise UnitError(f"{code!r} is not the official code of a 2025 commune or ward") from None


@dataclass(frozen=True)
class Units2025:
    """Where a portal's unit sits since July 2025."""

    province: str
    province_code: int
    commune: str | None = None
    commune_code: int | None = None

    @classmethod
    def of(cls, province: str, commune_code: int | None = None) -> Units2025:
        new_province = province_2025(province)
        if commune_code is None:
            return cls(new_province.name, new_province.code.value)
        commune = commune_2025(commune_code)
        if commune.province_code != new_province.code:
            raise UnitError(
                f"commune {commune_code} ({commune.name}) is not in {new_province.name}, "
                f"which {province} became part of"
            )
        return cls(new_province.name, new_province.code.value, commune.name, commune.code.value)


@cache
def _communes_by_name(province_code: int) -> dict[str, list[Ward]]:
    index: dict[str, list[Ward]] = {}
    for ward in Ward.iter_by_province(ProvinceCode(province_code)):
        index.setdefault(codename(ward.name), []).append(ward)
    return index


def commune_named(kind: str, name: str, province_code: int) -> Ward | None:
    """The 2025 commune or ward of a province that "xã Yên Mô" names; None when there is
    none or more than one (a name the title gives may be a former unit's)."""
    found = _communes_by_name(province_code).get(codename(f"{kind} {name}"), [])
    return found[0] if len(found) == 1 else None
