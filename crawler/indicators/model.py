"""The record one extracted figure becomes."""

from __future__ import annotations

from dataclasses import dataclass, fields


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
    indicator: str | None = None  # catalogue code (catalogue.toml), None when none fits
    plan_value: float | None = None  # the plan an actual states ("53,5/52 ha": 52)
    plan_value_max: float | None = None  # upper end of a plan range ("KH 24,5-25,5%")

    def to_dict(self) -> dict:
        # Every field is a plain value, so a shallow copy is enough (dataclasses.asdict
        # deep-copies each one, which cost more than storing the row).
        return {name: getattr(self, name) for name in _FIELD_NAMES}


_FIELD_NAMES = tuple(field.name for field in fields(Indicator))
