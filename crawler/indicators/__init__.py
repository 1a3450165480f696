"""Socio-economic indicators from Vietnamese article text (plain functions, no Scrapy)."""

from .extract import extract_indicators
from .model import Indicator

__all__ = ["Indicator", "extract_indicators"]
