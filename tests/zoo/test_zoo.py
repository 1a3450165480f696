"""The markup zoo end to end (issue 10, "Done when"): every variant portal crawled for real by
its family spider and by the generic spider must give every listed article with its exact
title and date, the signed author where there is one, no boilerplate line left and no
article line lost. The first tests check the zoo itself (gold consistent with the pages,
deterministic rendering, a postback server that behaves like WebForms)."""

from __future__ import annotations

import unicodedata
import urllib.error
import urllib.request
from urllib.parse import urlencode

import lxml.html
import pytest

from .platforms import PLATFORMS
from .run import run_zoo, score
from .server import ZooServer
from .variants import VARIANTS, build_zoo

CRAWLS = [
    pytest.param(variant.name, role, id=f"{variant.name}-{role}")
    for variant in VARIANTS
    for role in (
        ("family", "generic") if PLATFORMS[variant.platform].family_spiders else ("generic",)
    )
]


def page_text(markup: str) -> str:
    root = lxml.html.fromstring(markup)
    for row in root.iter("tr"):
        cells = [" ".join(c.text_content().split()) for c in row if c.tag in ("td", "th")]
        row.clear()
        row.text = " | ".join(cells) + "\n"
    return " ".join(root.text_content().split())


def test_gold_is_what_the_pages_show():
    zoo = build_zoo()
    for site in zoo.sites.values():
        for gold in site.articles:
            text = page_text(site.pages[gold["url"]].html)
            assert gold["title"] in text
            for line in gold["body"]:
                assert line in text, (gold["url"], line)
            if gold["author"]:
                assert gold["author"] in text
            if gold["views"] is not None:
                assert str(gold["views"]) in text
            for value in (gold["title"], *gold["body"]):
                assert value == unicodedata.normalize("NFC", value)


def test_rendering_is_deterministic():
    first, second = build_zoo(), build_zoo()
    for host, site in first.sites.items():
        assert {u: p.html for u, p in site.pages.items()} == {
            u: p.html for u, p in second.sites[host].pages.items()
        }


def test_variants_are_distinct_portals():
    assert len({v.host for v in VARIANTS}) == len(VARIANTS)
    assert len({v.name for v in VARIANTS}) == len(VARIANTS)


@pytest.fixture(scope="module")
def postback_server():
    zoo = build_zoo(["aspnet-postback"])
    server = ZooServer(zoo.sites).start()
    yield server, zoo.sites["xaquangminh.example.gov.vn"]
    server.stop()


def form_fields(markup: str) -> dict[str, str]:
    form = lxml.html.fromstring(markup).forms[0]
    return {i.name: i.value or "" for i in form.inputs if i.name and i.type == "hidden"}


def fetch(server, url: str, form: dict | None = None) -> tuple[int, str]:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({"http": server.url}))
    data = urlencode(form).encode() if form is not None else None
    try:
        with opener.open(url, data=data, timeout=5) as answer:
            return answer.status, answer.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def test_postback_pager_answers_a_post_of_the_form_like_webforms(postback_server):
    server, site = postback_server
    status, first = fetch(server, site.listing)
    assert status == 200 and "Page$2" in first and "Trạm Y tế xã" not in first
    fields = form_fields(first)
    fields.update(__EVENTTARGET="ctl00$ContentPlaceHolder1$gvTinTuc", __EVENTARGUMENT="Page$2")
    status, second = fetch(server, site.listing, fields)
    assert status == 200 and "Trạm Y tế xã" in second
    # a submit button posted with the form wins over __EVENTTARGET, as in WebForms
    status, search = fetch(server, site.listing, {**fields, "ctl00$btnTimKiem": "Tìm kiếm"})
    assert "Trạm Y tế xã" not in search
    status, _ = fetch(server, site.listing, {**fields, "__VIEWSTATE": "AAAA"})
    assert status == 500


@pytest.fixture(scope="module")
def zoo_scores():
    zoo, runs = run_zoo(jobs=2)
    return {(run.variant.name, run.role): score(run, zoo) for run in runs}


@pytest.mark.parametrize(("variant", "role"), CRAWLS)
def test_zoo_crawl_finds_every_article_with_exact_fields(zoo_scores, variant, role):
    result = zoo_scores[(variant, role)]
    assert result.perfect, f"{variant} ({role} spider {result.run.spider}):\n" + "\n".join(
        result.problems[:40]
    )
