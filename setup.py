"""Packaging for scrapyd: `scrapyd-deploy` builds an egg of the crawler package from this file.

The egg must carry the portal registry (crawler/portals.toml), which the crawler reads with
importlib.resources, so it works from inside the zipped egg too.
"""

from setuptools import find_packages, setup

setup(
    name="vn-portal-crawler",
    version="0.1.0",
    packages=find_packages(include=["crawler", "crawler.*"]),
    package_data={"crawler": ["portals.toml"], "crawler.indicators": ["catalogue.toml"]},
    entry_points={"scrapy": ["settings = crawler.settings"]},
)
