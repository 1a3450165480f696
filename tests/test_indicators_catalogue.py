"""The indicator catalogue: stable codes, spellings folded, names of other portals lined up."""

import pytest

from crawler.indicators.catalogue import (
    ABBREVIATIONS,
    canonical_name,
    catalogue_code,
    load_catalogue,
)


def test_the_catalogue_has_the_common_indicators_once_each():
    entries = load_catalogue()
    codes = [entry.code for entry in entries]
    assert len(codes) >= 60 and len(set(codes)) == len(codes)
    assert all(entry.synonyms and entry.label for entry in entries)
    assert {entry.unit for entry in entries} <= {
        "percent", "money", "count", "area", "mass", "yield", "length", "ratio"}


def test_every_synonym_maps_back_to_its_own_entry_for_its_unit_class():
    unit_of = {"percent": "%", "money": "VND", "count": "xã", "area": "ha", "mass": "tấn",
               "yield": "tạ/ha", "length": "km", "ratio": "lần"}
    wrong = [
        (entry.code, " ".join(words), catalogue_code(" ".join(words), unit_of[entry.unit]))
        for entry in load_catalogue()
        for words in entry.synonyms
        if catalogue_code(" ".join(words), unit_of[entry.unit]) is None
    ]
    assert wrong == []


@pytest.mark.parametrize("written, folded", [
    ("Thu NS trên địa bàn", "thu ngân sách trên địa bàn"),
    ("Tỉ lệ tham gia BHYT", "tỷ lệ tham gia bảo hiểm y tế"),
    ("Giá trị sản xuất CN-XD", "giá trị sản xuất công nghiệp - xây dựng"),
    ("Tỷ lệ chi bộ đạt TSVM", "tỷ lệ chi bộ đạt trong sạch vững mạnh"),
    ("Thu nhập BQ đầu người/năm", "thu nhập bình quân đầu người"),
    ("Tỷ lệ đô thị hoá trở lên", "tỷ lệ đô thị hóa"),
    ("Tỷ lệ che phủ rừng/KH", "tỷ lệ che phủ rừng"),
])
def test_spellings_and_abbreviations_are_unified(written, folded):
    assert canonical_name(written) == folded


def test_an_abbreviation_inside_a_word_is_left_alone():
    assert canonical_name("số dân tăng") == "số dân tăng"
    assert "ns" in ABBREVIATIONS and canonical_name("Thu ngân sách") == "thu ngân sách"


@pytest.mark.parametrize("names, unit, code", [
    (["Thu NS trên địa bàn", "tổng thu ngân sách nhà nước trên địa bàn", "Thu ngân sách xã"],
     "VND", "budget_revenue"),
    (["tỷ lệ hộ nghèo", "Tỉ lệ hộ nghèo đa chiều", "hộ nghèo"], "%", "poverty_rate"),
    (["hộ nghèo", "số hộ nghèo"], "hộ", "poor_households"),
    (["tỷ lệ bao phủ bảo hiểm y tế", "Tỷ lệ tham gia BHYT", "tỷ lệ người dân có thẻ BHYT"],
     "%", "health_insurance_coverage"),
    (["tốc độ tăng giá trị sản xuất", "Tốc độ tăng trưởng GTSX"], "%",
     "production_value_growth"),
    (["số xã đạt chuẩn nông thôn mới", "xã đạt chuẩn NTM"], "xã", "ntm_communes"),
    (["tổ chức cơ sở đảng được xếp loại hoàn thành tốt nhiệm vụ"], "%",
     "party_cells_good_rate"),
])
def test_names_from_different_portals_share_one_code(names, unit, code):
    assert {catalogue_code(name, unit) for name in names} == {code}


def test_a_figure_whose_unit_does_not_fit_gets_no_code_unless_it_is_a_change():
    assert catalogue_code("tỷ lệ hộ nghèo", "VND") is None
    assert catalogue_code("thu nhập bình quân đầu người", "%") is None
    assert catalogue_code("thu nhập bình quân đầu người", "%", change=True) == "income_per_capita"
    assert catalogue_code("thu nhập bình quân đầu người", "% kế hoạch") == "income_per_capita"
    assert catalogue_code("khen thưởng tập thể", "tập thể") is None
