"""Crawler of Vietnamese local-government portals."""

__version__ = "0.1.0"
