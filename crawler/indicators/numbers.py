"""Vietnamese number notation: decimal comma, dot thousands, word multipliers."""

from __future__ import annotations

import re

# "12.000", "25.507.800", "1.050,5", "1874,8", "98,7", "12".
NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
MULTIPLIERS = {
    "nghìn": 1e3,
    "ngàn": 1e3,
    "vạn": 1e4,
    "triệu": 1e6,
    "tỷ": 1e9,
    "tỉ": 1e9,
    "nghìn tỷ": 1e12,  # "12 nghìn tỷ đồng"
    "ngàn tỷ": 1e12,
    "nghìn tỉ": 1e12,
    "ngàn tỉ": 1e12,
    "triệu tỷ": 1e15,  # "gần 1,2 triệu tỷ đồng" (a large city's retail sales)
    "triệu tỉ": 1e15,
}

_NUMBER_RE = re.compile(rf"^(?:{NUMBER})$")


def parse_number(token: str) -> float:
    """Parse one Vietnamese-notation number ("1.050,5" -> 1050.5)."""
    token = token.strip()
    if not _NUMBER_RE.match(token):
        raise ValueError(f"not a Vietnamese number: {token!r}")
    return float(token.replace(".", "").replace(",", "."))


def scale(value: float, multiplier_word: str | None) -> float:
    """Apply "nghìn/triệu/tỷ"; rounding removes float noise (958 * 1e9, 1874,8 * 1e9)."""
    if not multiplier_word:
        return value
    return round(value * MULTIPLIERS[multiplier_word.lower()], 6)
