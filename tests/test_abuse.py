"""Hostile and careless input that once lost or garbled data: encodings, control characters,
operators' mistakes on the command line and in the registry. In-process, no crawl."""

from __future__ import annotations

import re

import pytest
from test_pipelines import Chain, article

from crawler.text.legacy_fonts import TCVN3_TO_UNICODE
from crawler.text.normalize import decode_html, diacritics_quality

ARTICLE = (
    "Hội nghị tổng kết công tác năm 2023 của Đảng ủy xã Quang Thành được tổ chức trang trọng, "
    "với sự tham dự của lãnh đạo huyện và đông đảo đảng viên trong toàn xã."
)
PAGE = f"<html><head><meta charset='utf-8'></head><body><p>{ARTICLE}</p></body></html>"


def _with_bad_bytes(page: str, *positions: int) -> bytes:
    body = page.encode("utf-8")
    for position in sorted(positions, reverse=True):
        body = body[:position] + b"\xff" + body[position:]
    return body


@pytest.mark.parametrize("positions", [(120,), (90, 150, 200), (len(PAGE.encode()) - 30,)])
def test_a_utf8_page_with_invalid_bytes_stays_utf8_with_the_bytes_replaced(positions):
    decoded = decode_html(_with_bad_bytes(PAGE, *positions))
    assert decoded.encoding == "utf-8"
    assert 1 <= decoded.text.count("\ufffd") <= 4 * len(positions)  # a split letter gives several
    words = re.findall(r"\w+", ARTICLE)
    kept = [word for word in words if word in re.findall(r"\w+", decoded.text)]
    assert len(kept) >= len(words) - 2 * len(positions)  # only the words with a bad byte
    assert diacritics_quality(decoded.text).label != "mojibake"


def test_a_real_tcvn3_page_with_a_utf8_looking_pair_still_converts():
    to_tcvn3 = {unicode: byte for byte, unicode in TCVN3_TO_UNICODE.items()}
    legacy = "".join(to_tcvn3.get(char, char) for char in ARTICLE).encode("latin-1")
    body = b"<html><body><p>" + legacy + b" \xc3\xa9</p></body></html>"  # "é" in UTF-8 bytes
    decoded = decode_html(body)
    assert decoded.encoding == "tcvn3"
    assert "tổng kết công tác" in decoded.text.lower()


CONTROLS = "\x00\x07\x08\x0b\x0c\x1b\x7f\x85\u200b\u202e\ufeff"


def test_control_characters_never_reach_title_author_or_category(tmp_path):
    chain = Chain(tmp_path / "c.db")
    try:
        hostile = article(title=f"Hội{CONTROLS} nghị\x1b[31m triển khai")
        hostile.update(author=f"\x07Nguyễn{CONTROLS}Văn A", category=f"Tin\x00 tức{CONTROLS}")
        item = chain.run(hostile)
    finally:
        chain.close()
    for field in ("title", "author", "category"):
        assert not any(char in item[field] for char in CONTROLS), (field, item[field])
    assert item["title"] == "Hội nghị[31m triển khai"
    assert item["author"] == "NguyễnVăn A"
    assert item["category"] == "Tin tức"
