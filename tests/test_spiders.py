"""Every spider the project lists, built the way `scrapy crawl` builds it."""

import pytest
from scrapy.crawler import Crawler
from scrapy.spiderloader import SpiderLoader
from scrapy.utils.project import get_project_settings

from crawler.registry import RegistryError
from crawler.spiders.base import FamilySpider, SpiderArgumentError

SETTINGS = get_project_settings()
LOADER = SpiderLoader.from_settings(SETTINGS)
# Spiders of one platform family (the generic spider has no family markup).
FAMILY_SPIDERS = [
    name
    for name in LOADER.list()
    if issubclass(LOADER.load(name), FamilySpider) and hasattr(LOADER.load(name), "markup")
]


def build(name, **arguments):
    crawler = Crawler(LOADER.load(name), SETTINGS)
    return LOADER.load(name).from_crawler(crawler, **arguments)


def test_there_is_a_spider_per_family():
    assert {"hungyen", "ninhbinh", "haiduong"} <= set(FAMILY_SPIDERS)


@pytest.mark.parametrize("name", FAMILY_SPIDERS)
def test_without_arguments_a_spider_crawls_every_registry_portal_of_its_family(name):
    spider = build(name)
    assert spider.portals
    assert {p.family for p in spider.portals} <= spider.families()
    assert name in spider.families()


@pytest.mark.parametrize("name", FAMILY_SPIDERS)
def test_unregistered_listing_url_makes_the_host_the_portal_id(name):
    spider = build(name, url="https://Xa-Moi.Example.gov.vn/news.html?page=1")
    assert [(p.id, p.family, p.listings) for p in spider.portals] == [
        ("xa-moi.example.gov.vn", name, ("https://Xa-Moi.Example.gov.vn/news.html?page=1",))
    ]


@pytest.mark.parametrize("name", FAMILY_SPIDERS)
@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"max_pages": "0"}, "max_pages='0': expected a whole number"),
        ({"max_pages": "many"}, "max_pages='many': expected a whole number"),
        ({"url": "kimdong.hungyen.gov.vn"}, "expected an http(s) listing URL"),
        ({"url": "http://a.gov.vn/", "portal": "x"}, "not both"),
    ],
)
def test_wrong_arguments_are_refused_with_the_reason(name, arguments, message):
    with pytest.raises(SpiderArgumentError) as error:
        build(name, **arguments)
    assert message in str(error.value)


def test_a_portal_of_another_family_points_to_the_right_spider():
    with pytest.raises(RegistryError, match="scrapy crawl ninhbinh -a portal=ninhbinh-yenmo"):
        build("hungyen", portal="ninhbinh-yenmo")
