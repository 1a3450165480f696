"""The markup zoo (issue 10): generated variants of real portal platforms, served on loopback,
crawled for real by the family and generic spiders and scored field by field.

texts.py      the articles (gold text)          platforms.py  page renderers per platform
variants.py   the catalogue and random draws    server.py     loopback server/proxy (POST, TLS)
run.py        crawls, scoring, tables           __main__.py   ``python -m tests.zoo``
GROUNDING.md  what the variants are modelled on, and where it was read
"""
