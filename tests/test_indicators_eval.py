"""The extractor against the hand-labelled sentences (labels are ground truth)."""

import math
import re
import unicodedata
from pathlib import Path

import pytest

from crawler.indicators import Indicator
from crawler.indicators.evaluate import evaluate, load_labelled, match_row, name_f1

FIXTURES = Path(__file__).parent / "fixtures" / "indicators"


@pytest.fixture(scope="module")
def labelled():
    return load_labelled(FIXTURES / "labelled.jsonl")


def test_labelled_set_is_large_enough(labelled):
    assert sum(len(row["expected"]) for row in labelled) >= 150
    assert sum(1 for row in labelled if not row["expected"]) >= 40  # negatives


def test_labelled_set_scores(labelled):
    scores = evaluate(labelled)
    assert scores.precision >= 0.95
    assert scores.recall >= 0.95
    assert scores.kind_share >= 0.95
    assert scores.year_share >= 0.95


def test_heldout_set_scores():
    scores = evaluate(load_labelled(FIXTURES / "heldout.jsonl"))
    assert scores.expected >= 30
    assert scores.precision >= 0.85
    assert scores.recall >= 0.85
    assert scores.kind_share >= 0.85
    assert scores.year_share >= 0.85


def _row(value, unit, year=None, kind="actual"):
    return Indicator(name="x", value=value, unit=unit, kind=kind, year=year, sentence="s")


def test_matching_needs_unit_and_value_and_scores_year_separately():
    expected = [
        {"name": "x", "value": 958e9, "unit": "VND", "kind": "actual", "year": 2020},
        {"name": "x", "value": 1.0, "unit": "%", "kind": "actual", "year": 2021},
    ]
    predicted = [_row(958e9 * (1 + 1e-9), "VND", 2019), _row(1.0, "xã", 2021)]
    scores = match_row(expected, predicted)
    assert (scores.matched, scores.year_right, scores.kind_right) == (1, 0, 1)
    assert scores.precision == 0.5 and scores.recall == 0.5


def test_matching_prefers_the_right_year_among_equal_values():
    expected = [
        {"name": "x", "value": 1.0, "unit": "%", "kind": "actual", "year": y} for y in (2020, 2021)
    ]
    scores = match_row(expected, [_row(1.0, "%", 2021), _row(1.0, "%", 2020)])
    assert scores.year_right == 2


REPORT_SETS = (
    "reports",
    "reports_heldout",
    "reports_heldout2",
    "reports_heldout3",
    "reports_heldout4",
)


def _assert_labelled_completely(rows):
    for row in rows:
        assert row["text"].strip() and row["source"] and "not" in row
        for figure in row["expected"]:
            assert {"value", "unit", "kind", "year", "name"} <= set(figure), row["source"]
            assert figure["kind"] in ("actual", "target")


@pytest.mark.parametrize("name", REPORT_SETS)
def test_report_passages_are_labelled_completely(name):
    _assert_labelled_completely(load_labelled(FIXTURES / f"{name}.jsonl"))


def test_report_passages_come_from_many_provinces_and_kinds():
    rows = [row for name in REPORT_SETS for row in load_labelled(FIXTURES / f"{name}.jsonl")]
    kinds = {row["source"].split("/")[0] for row in rows}
    assert len(rows) >= 45 and sum(len(row["expected"]) for row in rows) >= 300
    assert {"party-congress", "council-resolution", "statistics-release"} <= kinds
    assert sum(not row["expected"] for row in rows) >= 2  # passages with nothing to extract


# Provinces (pre-2025 names) of the development set and held-out parts 1-3.
PROVINCES_USED_BEFORE = {
    "Thanh Hóa",
    "Nghệ An",
    "Tây Ninh",
    "Gia Lai",
    "Bắc Kạn",
    "Hà Nội",
    "Bình Định",
    "An Giang",
    "Điện Biên",
    "Tuyên Quang",
    "Quảng Nam",
    "Thừa Thiên Huế",
    "Hậu Giang",
    "Kon Tum",
    "Cà Mau",
    "Bắc Giang",
    "Long An",
    "Bà Rịa - Vũng Tàu",
    "Lào Cai",
    "Đắk Lắk",
    "Sóc Trăng",
    "Trà Vinh",
    "Quảng Trị",
    "Thái Bình",
    "Bến Tre",
    "Hà Tĩnh",
    "Cao Bằng",
    "Bình Phước",
    "Phú Thọ",
    "Sơn La",
    "Vĩnh Long",
    "Ninh Thuận",
    "Đồng Nai",
}


def _sources_table(path):
    """Rows of the sources file's table as {source: province}."""
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if line.startswith("|") and len(cells) >= 4 and "/" in cells[0]:
            table[cells[0]] = cells[1]
    return table


def test_heldout_part_4_is_complete_and_from_new_provinces():
    """Part 4 was scored once on "freeze rules 4" (README) and is development data since."""
    rows = load_labelled(FIXTURES / "reports_heldout4.jsonl")
    _assert_labelled_completely(rows)
    assert sum(len(row["expected"]) for row in rows) >= 70
    assert any(not row["expected"] for row in rows) and all(row["not"] for row in rows)
    provinces = _sources_table(FIXTURES / "reports_heldout4.sources.md")
    assert {row["source"] for row in rows} <= set(provinces)
    assert len(set(provinces.values())) >= 8
    assert not set(provinces.values()) & PROVINCES_USED_BEFORE


@pytest.mark.parametrize("part, least, most", [(5, 80, 110), (6, 100, 130)])
def test_blind_parts_are_complete_and_from_new_provinces(part, least, most):
    """Parts 5 and 6, each scored once on its "freeze rules N" (README) and development data
    since, came from provinces no earlier set had used."""
    rows = load_labelled(FIXTURES / f"reports_heldout{part}.jsonl")
    _assert_labelled_completely(rows)
    assert 10 <= len(rows) <= 14 and least <= sum(len(row["expected"]) for row in rows) <= most
    assert any(not row["expected"] for row in rows) and all(row["not"] for row in rows)
    provinces = _sources_table(FIXTURES / f"reports_heldout{part}.sources.md")
    assert {row["source"] for row in rows} <= set(provinces)
    assert len(set(provinces.values())) >= 8
    used = PROVINCES_USED_BEFORE.union(
        *(
            set(_sources_table(FIXTURES / f"reports_heldout{before}.sources.md").values())
            for before in range(4, part)
        )
    )
    assert not set(provinces.values()) & used


def _addresses(path):
    """Every web address a sources file or README names."""
    return set(re.findall(r"https?://[^\s|)]+", path.read_text(encoding="utf-8")))


def test_heldout_part_7_is_complete_and_from_documents_not_used_before():
    """Part 7 was scored once on "freeze rules 7" (README) and is development data since.
    All 63 pre-2025 provinces were used before, so part 7 takes documents published after the
    July 2025 reorganisation that no earlier part or README names, spread over 8+ provinces."""
    rows = load_labelled(FIXTURES / "reports_heldout7.jsonl")
    _assert_labelled_completely(rows)
    assert 10 <= len(rows) <= 14 and 100 <= sum(len(row["expected"]) for row in rows) <= 130
    assert any(not row["expected"] for row in rows) and all(row["not"] for row in rows)
    sources = FIXTURES / "reports_heldout7.sources.md"
    provinces = _sources_table(sources)
    assert {row["source"] for row in rows} <= set(provinces)
    assert len(set(provinces.values())) >= 8
    earlier = set().union(
        *(_addresses(FIXTURES / f"reports_heldout{part}.sources.md") for part in (4, 5, 6)),
        _addresses(Path(__file__).parent.parent / "README.md"),
    )
    table = "\n".join(
        line for line in sources.read_text(encoding="utf-8").splitlines() if line.startswith("|")
    )
    used_now = set(re.findall(r"https?://[^\s|)]+", table))
    assert used_now and not used_now & earlier
    assert any(" | " in line for row in rows for line in row["text"].splitlines())


@pytest.mark.parametrize(
    "part, passages, figures, provinces_at_least, table",
    [
        (8, (9, 13), (100, 135), 8, True),
        (9, (9, 13), (100, 135), 8, True),
        (10, (8, 10), (80, 100), 6, True),
        (11, (10, 12), (105, 125), 6, True),
        (12, (10, 12), (105, 125), 6, False),
        (13, (10, 12), (85, 100), 6, True),
        (14, (10, 12), (90, 105), 6, False),
        (15, (10, 12), (90, 105), 6, False),
        (16, (10, 12), (90, 105), 6, False),
        (17, (10, 12), (95, 115), 6, False),
        (18, (9, 11), (105, 120), 6, False),
        (19, (10, 12), (80, 95), 6, False),
        (20, (10, 12), (95, 115), 6, False),
        (21, (9, 11), (95, 110), 6, False),
        (22, (10, 12), (95, 110), 6, False),
        (23, (10, 12), (95, 110), 6, False),
        (24, (9, 11), (110, 125), 6, True),
        (25, (10, 12), (90, 100), 6, True),
        (26, (10, 12), (105, 120), 6, True),
        (27, (9, 11), (90, 100), 6, True),
        (28, (9, 11), (105, 120), 6, False),
        (29, (10, 12), (90, 100), 6, False),
        (30, (9, 11), (90, 100), 6, False),
        (31, (10, 12), (95, 110), 6, False),
        (32, (10, 12), (90, 105), 6, False),
        (33, (9, 11), (90, 105), 6, False),
        (34, (10, 12), (100, 115), 6, False),
        (35, (10, 12), (90, 100), 6, True),
        (36, (9, 11), (95, 105), 6, False),
        (37, (9, 11), (105, 115), 6, False),
        (38, (9, 11), (95, 105), 6, False),
        (39, (10, 12), (90, 100), 6, False),
        (40, (10, 12), (90, 100), 5, False),
        (41, (8, 10), (95, 105), 5, True),
        (42, (9, 11), (110, 120), 6, False),
        (43, (9, 11), (100, 115), 6, False),
        (44, (8, 10), (100, 110), 6, False),
        (45, (10, 12), (95, 105), 6, False),
        (46, (9, 11), (100, 110), 5, True),
        (47, (10, 12), (90, 100), 6, False),
        (48, (10, 12), (90, 105), 6, True),
        (49, (10, 12), (90, 100), 6, True),
        (50, (10, 12), (90, 100), 6, True),
        (52, (10, 12), (100, 110), 6, True),
        # parts 55-70 may also draw on documents from 2023 on (post-July-2025 pages not used
        # by an earlier part had run out); a pre-merger province counts as the one it joined
        (55, (10, 12), (90, 100), 6, False),
        (56, (9, 11), (100, 110), 7, False),
        (57, (9, 11), (110, 120), 7, True),
        (58, (10, 12), (115, 120), 6, True),
        (59, (10, 12), (115, 120), 6, True),
        (60, (9, 11), (115, 120), 6, True),
        (61, (10, 12), (110, 120), 7, True),
        (62, (9, 11), (110, 120), 8, True),
        (63, (9, 11), (110, 120), 8, True),
        (64, (8, 10), (90, 100), 6, True),
        (65, (9, 11), (110, 120), 7, True),
        (66, (9, 11), (110, 120), 7, True),
        (67, (10, 12), (115, 120), 7, True),
        (68, (9, 11), (110, 120), 6, True),
        (69, (8, 10), (110, 120), 6, True),
        (70, (10, 12), (110, 120), 8, True),
        # parts 51, 53 and 54 (28, 54 and 42 figures, with three, four and two passages that
        # hold nothing to read) stop short of a full part: their writers' search budget ran out
        # among pages earlier parts had used; they are scored below but not held to this shape
    ],
)
def test_later_blind_parts_are_complete_and_from_documents_not_used_before(
    part, passages, figures, provinces_at_least, table
):
    """Parts 8-70, written blind and each scored once on its "freeze rules N": documents
    published after the July 2025 reorganisation (from 2023 on for parts 55-70) that neither
    README nor the
    sources files of the parts before name (not even among the pages read but not used), over
    8+ provinces (6+ for the smaller part 10), a table among them, each labelled figure written
    in its passage (scaled by nghìn, vạn … triệu tỷ, or "vượt 16%" as 116 % of the plan)."""
    rows = load_labelled(FIXTURES / f"reports_heldout{part}.jsonl")
    _assert_labelled_completely(rows)
    assert passages[0] <= len(rows) <= passages[1]
    assert figures[0] <= sum(len(row["expected"]) for row in rows) <= figures[1]
    # at most two passages with nothing to read (part 11 has none), every one with its "not"
    assert sum(not row["expected"] for row in rows) <= 2 and all(row["not"] for row in rows)
    sources = FIXTURES / f"reports_heldout{part}.sources.md"
    provinces = _sources_table(sources)
    assert {row["source"] for row in rows} <= set(provinces)
    assert len(set(provinces.values())) >= provinces_at_least
    earlier = set().union(
        *(
            _addresses(FIXTURES / f"reports_heldout{before}.sources.md")
            for before in range(4, part)
        ),
        _addresses(Path(__file__).parent.parent / "README.md"),
    )
    # the pages of its sources table (a page read but not used may be one an earlier part used)
    listed = "\n".join(
        line for line in sources.read_text(encoding="utf-8").splitlines() if line.startswith("|")
    )
    used_now = set(re.findall(r"https?://[^\s|)]+", listed))
    assert len(used_now) >= len(rows) and not used_now & earlier  # a page read per passage
    assert table == any(" | " in line for row in rows for line in row["text"].splitlines())
    for row in rows:
        written = [
            _vietnamese_number(number) for number in re.findall(r"\d[\d.,]*\d|\d", row["text"])
        ] + [  # compound money: "388 tỷ 774 triệu đồng"
            float(billions) * 1e9 + float(millions) * 1e6
            for billions, millions in re.findall(r"(\d+)\s*tỷ\s+(\d+)\s*triệu", row["text"])
        ]
        for figure in row["expected"]:
            value = abs(figure["value"])
            scaled = {value / scale for scale in (1, 1e3, 1e4, 1e6, 1e9, 1e12, 1e15)}
            if figure["unit"] == "% kế hoạch":
                scaled.add(value - 100)
            assert any(math.isclose(a, b, abs_tol=1e-9) for a in scaled for b in written), (
                row["source"],
                figure,
            )


def _vietnamese_number(text):
    """'99.354' -> 99354, '6,9' -> 6.9 (dot thousands, decimal comma)."""
    return float(text.replace(".", "").replace(",", "."))


@pytest.mark.parametrize(
    "name, bar",
    [
        ("reports", 0.95),
        ("reports_heldout", 0.9),
        ("reports_heldout2", 0.9),
        ("reports_heldout3", 0.9),
    ],
)
def test_report_passages_score(name, bar):
    scores = evaluate(load_labelled(FIXTURES / f"{name}.jsonl"))
    assert min(scores.precision, scores.recall, scores.kind_share, scores.year_share) >= bar
    assert scores.names_share >= 0.85


def test_part_4_scores_where_its_fixes_brought_it():
    """Held-out part 4 after the rules learned from its misses (at freeze 4: 0.900 / 0.900 /
    0.970 / 0.929, names 0.727)."""
    scores = evaluate(load_labelled(FIXTURES / "reports_heldout4.jsonl"))
    assert min(scores.precision, scores.recall, scores.kind_share, scores.year_share) >= 0.99
    # 0.97: three shares after "cơ cấu kinh tế chuyển dịch đúng hướng:" are labelled by the
    # sector alone here, "tỷ trọng … trong cơ cấu kinh tế" by parts 10, 11 and 15
    assert scores.names_share >= 0.97 and scores.plans_right == scores.plans_expected == 3


def test_name_word_f1():
    assert name_f1("tỷ lệ hộ nghèo", "Tỷ lệ hộ nghèo") == 1.0
    assert name_f1("tỷ lệ hộ nghèo", "/kh") == 0.0
    assert round(name_f1("nông, lâm, thủy sản", "thủy sản"), 3) == 0.667


@pytest.mark.parametrize(
    "part, bar, year, names",
    [
        (5, 0.98, 0.98, 0.92),
        (6, 0.98, 0.98, 0.92),
        (7, 0.98, 0.98, 0.9),
        (8, 0.93, 0.93, 0.93),
        (9, 0.98, 0.98, 0.9),
        (10, 0.98, 0.98, 0.95),
        (11, 0.98, 0.98, 0.94),
        # 13 of part 12's figures take 2026 from the date of a page its passage does not state
        (12, 0.98, 0.88, 0.92),
        (13, 0.98, 0.97, 0.9),
        (14, 0.93, 0.86, 0.88),
        (15, 0.97, 0.94, 0.86),
        (16, 0.96, 0.94, 0.89),
        (17, 0.93, 0.95, 0.82),
        (18, 0.99, 0.95, 0.8),
        (19, 0.95, 0.82, 0.94),
        (20, 0.96, 0.98, 0.81),
        (21, 0.95, 0.97, 0.89),
        (22, 0.98, 0.96, 0.9),
        (23, 1.0, 0.99, 0.93),
        (24, 0.95, 1.0, 0.9),
        (25, 0.96, 1.0, 0.93),
        (26, 0.98, 1.0, 0.9),
        (27, 0.92, 0.98, 0.87),
        (28, 0.94, 0.99, 0.87),
        (29, 0.94, 0.98, 0.87),
        (30, 0.94, 0.97, 0.84),
        # parts 31 and 32 met every bar of issue 11 at their freeze (31) and are unchanged since
        (31, 0.95, 0.98, 0.88),
        (32, 0.95, 0.98, 0.89),
        (33, 0.98, 1.0, 0.9),
        (34, 0.95, 0.94, 0.85),
        (35, 0.95, 0.82, 0.84),
        (36, 0.87, 0.97, 0.9),
        (37, 0.93, 1.0, 0.87),
        (38, 0.96, 0.86, 0.89),
        (39, 0.93, 1.0, 0.93),
        (40, 0.95, 0.88, 0.89),
        (41, 0.88, 0.96, 0.77),
        (42, 0.94, 0.94, 0.9),
        (43, 0.93, 0.91, 0.85),
        (44, 0.88, 0.77, 0.86),
        (45, 0.92, 0.93, 0.89),
        (46, 0.9, 0.84, 0.81),
        # parts 47-50: scored at freeze 37; part 50 has taught two table rules since
        (47, 0.95, 0.98, 0.87),
        (48, 0.94, 1.0, 0.82),
        (49, 0.93, 0.98, 0.8),
        (50, 0.93, 0.88, 0.88),
        # parts 51-54: scored at freeze 39; the year rules of 2026-12-01 raised 52 and 54
        (51, 0.96, 1.0, 0.92),
        (52, 0.88, 0.96, 0.88),
        (53, 0.89, 1.0, 0.79),
        (54, 0.9, 1.0, 0.92),
        # parts 55-58: scored at freeze 41 (pooled 0.970 / 0.963 / 0.981 / 0.902, names
        # 0.876), then parts 56 and 57 taught year, label and table rules
        (55, 0.94, 0.97, 0.92),
        (56, 0.93, 0.98, 0.89),
        (57, 0.93, 0.95, 0.84),
        (58, 0.97, 1.0, 0.92),
        # parts 59-62: scored at freeze 43 (pooled 0.973 / 0.985 / 0.948 / 0.966, names
        # 0.878), then parts 59 and 62 taught a year and a title rule
        (59, 0.98, 0.96, 0.87),
        (60, 0.97, 1.0, 0.83),
        (61, 0.94, 0.99, 0.9),
        (62, 0.95, 1.0, 0.89),
        # parts 63-66: scored at freeze 45 (pooled 0.965 / 0.985 / 0.993 / 0.982, names 0.910:
        # every bar, three of the four parts one by one)
        (63, 0.97, 0.99, 0.91),
        (64, 0.97, 0.95, 0.95),
        (65, 0.93, 1.0, 0.89),
        (66, 0.96, 0.97, 0.87),
        # parts 67-70: scored at freeze 47 (pooled 0.970 / 0.968 / 0.991 / 0.987, names 0.898:
        # every bar again, three of the four parts one by one)
        (67, 0.91, 0.97, 0.84),
        (68, 0.96, 0.97, 0.88),
        (69, 0.99, 1.0, 0.96),
        (70, 0.95, 1.0, 0.89),
    ],
)
def test_later_parts_score_where_their_fixes_brought_them(part, bar, year, names):
    """Held-out parts 5 to 32 after the rules learned from their misses (at their freezes:
    0.910 / 0.918 / 1.000 / 0.891, names 0.891; 0.909 / 0.902 / 0.982 / 0.864, names 0.836;
    0.939 / 0.947 / 0.897 / 0.991, names 0.832; 0.901 / 0.929 / 0.941 / 0.932, names 0.881;
    0.896 / 0.905 / 0.768 / 0.863, names 0.853; 0.968 / 0.968 / 1.000 / 0.911, names 0.844;
    0.934 / 0.991 / 0.920 / 0.912, names 0.858; 0.972 / 0.897 / 0.990 / 0.875, names 0.942;
    0.923 / 0.923 / 1.000 / 0.976, names 0.917; 0.931 / 0.969 / 0.832 / 0.874, names 0.895;
    0.968 / 0.948 / 0.989 / 0.935, names 0.783; 0.969 / 1.000 / 0.968 / 0.947, names 0.842;
    0.925 / 0.943 / 0.990 / 0.828, names 0.848; 1.000 / 1.000 / 0.991 / 0.956, names 0.779;
    0.955 / 0.966 / 0.964 / 0.786, names 0.917; 0.953 / 0.962 / 1.000 / 0.794, names 0.833;
    0.933 / 0.980 / 1.000 / 0.959, names 0.898; 0.980 / 0.990 / 0.959 / 0.918, names 0.898;
    1.000 / 1.000 / 1.000 / 0.990, names 0.931; 0.942 / 0.958 / 0.938 / 0.903, names 0.903;
    0.935 / 0.956 / 0.897 / 0.966, names 0.954; 0.948 / 0.973 / 0.991 / 0.963, names 0.899;
    0.921 / 0.882 / 0.793 / 0.988, names 0.890; 0.965 / 0.965 / 0.873 / 0.991, names 0.873;
    0.899 / 0.957 / 0.989 / 0.989, names 0.876; 0.947 / 0.978 / 0.955 / 0.899, names 0.843;
    0.953 / 0.981 / 0.990 / 0.980, names 0.882; 0.980 / 0.990 / 0.958 / 0.990, names 0.896;
    0.979 / 0.979 / 0.989 / 1.000, names 0.904; 0.971 / 0.935 / 0.881 / 0.921, names 0.861;
    0.948 / 0.989 / 0.934 / 0.703, names 0.846; 0.871 / 0.898 / 0.966 / 0.977, names 0.909;
    0.922 / 0.973 / 0.832 / 0.907, names 0.888; 0.960 / 0.980 / 0.969 / 0.866, names 0.897;
    0.938 / 1.000 / 0.944 / 1.000, names 0.933; 0.978 / 0.956 / 0.966 / 0.885, names 0.897;
    0.881 / 0.899 / 0.966 / 0.966, names 0.787; 0.966 / 0.966 / 0.920 / 0.912, names 0.885).
    0.962 / 0.936 / 0.931 / 0.912, names 0.853; 0.881 / 0.923 / 1.000 / 0.771, names 0.865;
    0.925 / 0.980 / 0.990 / 0.939, names 0.899; 0.905 / 0.819 / 0.872 / 0.884, names 0.826).
    Parts 39-46 were scored at freeze 35; since then the rules read titles the same however
    lines are broken, which the rewrite variants of parts 40, 42 and 43 asked for. Since
    percentage points became a unit of their own (2026-12-01) the points of parts 20, 37, 41
    and 42 match and count for kind and name: their bars fell by a point or two."""
    scores = evaluate(load_labelled(FIXTURES / f"reports_heldout{part}.jsonl"))
    assert min(scores.precision, scores.recall, scores.kind_share) >= bar
    assert scores.year_share >= year
    assert scores.names_share >= names


# Label-preserving rewrites of every passage: how text reaches the extractor (line endings,
# spaces, dashes, bullets, Unicode form, paragraphs) must not change what is read.
VARIANTS = {
    "windows line endings": lambda text: text.replace("\n", "\r\n"),
    "no-break spaces after numbers": lambda text: re.sub(r"(?<=\d) (?=\D)", "\u00a0", text),
    "tỉ for tỷ": lambda text: text.replace("tỷ", "tỉ"),
    "en dashes": lambda text: text.replace(" - ", " – "),
    "other bullets": lambda text: re.sub(r"(?m)^[-+] ", "• ", text),
    "double spaces": lambda text: text.replace(" ", "  "),
    "decomposed Unicode": lambda text: unicodedata.normalize("NFD", text),
    "single line breaks between paragraphs": lambda text: text.replace("\n\n", "\n"),
    "a blank line after every line": lambda text: text.replace("\n", "\n\n"),
}


@pytest.fixture(scope="module")
def all_report_rows():
    sets = (*REPORT_SETS, *(f"reports_heldout{part}" for part in range(5, 71)))
    return [row for name in sets for row in load_labelled(FIXTURES / f"{name}.jsonl")]


@pytest.mark.parametrize("variant", VARIANTS)
def test_rewritten_passages_are_read_as_the_originals(all_report_rows, variant):
    rewrite = VARIANTS[variant]
    original = evaluate(all_report_rows)
    rewritten = evaluate([{**row, "text": rewrite(row["text"])} for row in all_report_rows])
    assert _counts(rewritten) == _counts(original)


def _counts(scores):
    return (scores.matched, scores.predicted, scores.kind_right, scores.year_right)
