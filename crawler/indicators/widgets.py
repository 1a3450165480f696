"""Figures portals publish about themselves in page widgets (plain functions over HTML).

The commune portals show "Kết quả giải quyết TTHC": dossiers handled, on time, late, the late
rate, as of its "Cập nhật lúc" time. We anchor on the widget's heading and on the labels'
meaning, not on class names, so other platforms' versions of the widget are read too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml.html import HtmlElement

from crawler.dates import parse_vn_date
from crawler.parsing.html import parse_html, text_of

_HEADING = re.compile(
    r"^(?:kết quả|tình hình) (?:giải quyết|xử lý) (?:tthc|thủ tục hành chính|hồ sơ)",
    re.IGNORECASE,
)
_NUMBER = r"[:\s|;]*(\d[\d.,]*)\s*(%?)"
# (indicator name, unit, label pattern); the first label that matches a line wins.
_LABELS = (
    ("tỷ lệ hồ sơ TTHC trễ hạn", "%", r"t[ỉỷ] lệ (?:trễ|quá) hạn"),
    ("hồ sơ TTHC trước và đúng hạn", "hồ sơ", r"(?:trước\s*(?:&|và)\s*)?đúng hạn"),
    ("hồ sơ TTHC trễ hạn", "hồ sơ", r"(?:trễ|quá) hạn"),
    ("hồ sơ TTHC đã xử lý", "hồ sơ", r"số hồ sơ(?: đã)? (?:xử lý|giải quyết)"),
    ("hồ sơ TTHC đã tiếp nhận", "hồ sơ", r"số hồ sơ(?: đã)? tiếp nhận"),
    ("tỷ lệ hồ sơ TTHC đã giải quyết", "%", r"(?:đến tháng \d+ )?đã giải quyết"),
)
_LABEL_PATTERNS = [
    (name, unit, re.compile(rf"(?<!\w){label}{_NUMBER}", re.IGNORECASE))
    for name, unit, label in _LABELS
]


@dataclass(frozen=True)
class WidgetFigure:
    name: str
    value: float
    unit: str
    as_of: str | None  # ISO 8601, the widget's update time


def _widget_root(root: HtmlElement) -> HtmlElement | None:
    """The block around the widget's heading that holds its figures (at most 4 levels up)."""
    heading = next(
        (el for el in root.iter() if isinstance(el.tag, str) and _HEADING.match(text_of(el))),
        None,
    )
    container = heading
    for _ in range(4):
        if container is None or container.getparent() is None:
            break
        container = container.getparent()
        if re.search(r"\d", text_of(container)[len(text_of(heading)) :]):
            return container
    return None


def _number(text: str, unit: str) -> float:
    """Counts are whole ("2.787", "2,787"); a rate may have a decimal comma ("1,5%")."""
    if unit != "%":
        return float(re.sub(r"[.,]", "", text))
    return float(text.replace(".", "").replace(",", "."))


def tthc_figures(page: str) -> list[WidgetFigure]:
    """The TTHC widget's figures on a page, or [] when the page has no such widget."""
    widget = _widget_root(parse_html(page))
    if widget is None:
        return []
    lines = [
        text_of(row)
        for row in widget.iter("tr", "div", "p", "li")
        if row.tag == "tr" or not len(row)
    ]
    update = next((line for line in lines if "cập nhật" in line.lower()), "")
    as_of = parse_vn_date(update)
    figures: list[WidgetFigure] = []
    seen: set[str] = set()
    text = " ; ".join(lines)
    for name, unit, pattern in _LABEL_PATTERNS:
        match = pattern.search(text)
        if match and name not in seen and (match[2] == "%") == (unit == "%"):
            seen.add(name)
            text = text[: match.start()] + " ; " + text[match.end() :]
            figures.append(
                WidgetFigure(name, _number(match[1], unit), unit, as_of and as_of.isoformat())
            )
    return figures
