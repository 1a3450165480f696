"""Scrapy extensions: crawl run records, progress logging."""
