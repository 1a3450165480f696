"""The record one extracted figure becomes."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Indicator:
    """One quantitative figure found in an article sentence.

    ``total`` carries the denominator of a ratio such as "23/23 xã" (value 23, total 23),
    ``qualifier`` the hedge in front of the number: ">" (trên, hơn), "<" (dưới) or "≈"
    (khoảng, gần, xấp xỉ).
    """

    name: str
    value: float
    unit: str
    kind: str
    sentence: str
    value_max: float | None = None
    year: int | None = None
    change: bool = False
    period: str | None = None
    qualifier: str | None = None
    total: float | None = None

    def to_dict(self) -> dict:
        return asdict(self)
