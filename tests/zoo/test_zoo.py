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

from .heldout import HELDOUT_VARIANTS
from .platforms import PLATFORMS
from .run import Run, run_zoo, score
from .server import ZooServer
from .variants import VARIANTS, build_zoo, random_variants

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


@pytest.mark.parametrize("seed", [None, 1, 2, "heldout"])
def test_gold_is_what_the_pages_show(seed):
    if seed == "heldout":
        zoo = build_zoo(["-"], HELDOUT_VARIANTS)
    else:
        zoo = build_zoo(["-"], random_variants(30, seed)) if seed else build_zoo()
    for site in zoo.sites.values():
        for gold in site.articles:
            text = page_text(site.pages[gold["url"]].html)
            assert gold["title"] in text
            for line in gold["body"]:
                assert line in text, (gold["url"], line)
            if gold["time"] and not gold["time_optional"]:
                hour, minute = gold["time"].split(":")
                # in the text, or in a date meta tag / <time datetime> of the article
                shown = [text, site.pages[gold["url"]].html]
                shown += [page_text(p.html) for p in site.pages.values() if p.url != gold["url"]]
                clock = f"{int(hour) % 12 or 12}:{minute}"  # also "8:30 SA" on listings
                assert any(gold["time"] in t or clock in t for t in shown), gold["url"]
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
    if result.problems:
        header = f"{variant} ({role} spider {result.run.spider or 'missing'}):"
        pytest.fail("\n".join([header, *result.problems[:40]]), pytrace=False)


def perfect_rows(site) -> list[dict]:
    """What a perfect crawl stores for ``site``."""
    return [
        {
            "url": gold["url"],
            "title": gold["title"],
            "published_at": f"{gold['date']}T{gold['time'] or '00:00'}:00+07:00",
            "author": gold["author"],
            "view_count": gold["views"],
            "body": "\n\n".join(gold["body"]),
        }
        for gold in site.articles
    ]


def test_scoring_tells_each_kind_of_failure():
    zoo = build_zoo(["haiduong-table-attachment"])  # 4 articles, the first with a table
    variant = zoo.variants[0]
    site = zoo.sites[variant.host]
    perfect = Run(variant, "generic", "generic", returncode=0, stored=perfect_rows(site))
    assert score(perfect, zoo).perfect
    rows = perfect_rows(site)
    rows[0]["url"] = rows[0]["url"].replace("http://", "https://")  # the same page
    table_row = next(line for line in site.articles[0]["body"] if " | " in line)
    rows[0]["body"] = rows[0]["body"].replace(table_row, "")
    rows[1]["published_at"] = "1930-10-14T00:00:00+07:00"
    rows[1]["author"] = "admin"
    rows[2]["body"] += "\n\nChia sẻ: Facebook Zalo\n\nFile đính kèm: Tải về"
    del rows[3]
    result = score(Run(variant, "generic", "generic", returncode=0, stored=rows), zoo)
    assert (result.found, result.title, result.date, result.author) == (3, 3, 2, 2)
    assert (result.left, result.lost) == (2, 1)
    assert result.kinds == {
        "article not stored": 1,
        "lost: table row": 1,
        "date wrong day": 1,
        "author where there is none": 1,
        "left: share/print bar": 1,
        "left: attachment line": 1,
    }
    assert not score(Run(variant, "family", None), zoo).perfect  # no spider: a failure
    again = Run(variant, "generic", "generic", returncode=0, stored=perfect_rows(site))
    again.recrawl_requests = [site.listing, site.articles[1]["url"].replace("http:", "https:")]
    result = score(again, zoo)
    assert (result.refetched, result.kinds) == (1, {"stored article fetched again on re-crawl": 1})
