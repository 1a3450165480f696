import unicodedata

import pytest

from crawler.text.normalize import normalize_text, strip_controls


def test_nfc_and_invisible_characters():
    decomposed = unicodedata.normalize("NFD", "Nghị quyết Đại hội")
    text = f"\ufeff{decomposed}\u200b về phát\u2060 triển\u200c\u200d thủ tục hành chính"
    text = text.replace("hành", "hà\u00adnh")
    assert normalize_text(text) == "Nghị quyết Đại hội về phát triển thủ tục hành chính"


def test_unicode_spaces_become_one_space():
    text = "Lượt\u00a0xem:\u2009 24\u3000 lần\t\tđọc\u202f."
    assert normalize_text(text) == "Lượt xem: 24 lần đọc ."


def test_control_characters_removed_newlines_kept():
    text = "Sáng 7/11,\x07 UBND\x00 huyện\r\nKim Động\x1b tổ chức"
    assert normalize_text(text) == "Sáng 7/11, UBND huyện\nKim Động tổ chức"


def test_lines_stripped_and_blank_runs_collapsed():
    text = "\n\n  Đoạn một.  \n \u00a0\n\n\n\t\nĐoạn   hai.\n\n\n\nĐoạn ba.\n  "
    assert normalize_text(text) == "Đoạn một.\n\nĐoạn hai.\n\nĐoạn ba."


def test_clean_text_unchanged():
    text = "Hội nghị đã thống nhất các giải pháp trọng tâm.\n\nTỷ lệ hộ nghèo giảm còn 0,42%."
    assert normalize_text(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tin\u00a0tức\tmới\nnhất", "Tin\u00a0tức\tmới\nnhất"),  # spaces of other kinds stay
        ("Tin\rtức", "Tintức"),  # controls str.split() takes for spaces go
        ("Tin\x1ctức\x85mới", "Tintứcmới"),
        ("Tin\u200b tức\n", "Tin tức\n"),  # a zero-width space among ordinary spaces
        ("Tin\x00\ttức", "Tin\ttức"),
    ],
)
def test_strip_controls_whatever_spaces_surround_them(text, expected):
    assert strip_controls(text) == expected
