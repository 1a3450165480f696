"""Platform detection, listings and linked portals read from pages, the registry entries they
make, and real `scrapy discover` / `scrapy crawl portal` runs over a made-up province."""

from __future__ import annotations

import subprocess
import tomllib
from datetime import datetime, timedelta

import pytest
from conftest import FAST, FIXTURES, PORTALS, PROJECT, SCRAPY, crawl, load_gold, rows
from province_site import ARTICLES, EXPECTED, PROVINCE, ProvinceServer, build

from crawler.dates import VN_TZ, parse_vn_date
from crawler.discovery.detect import GENERIC, detect_platform
from crawler.discovery.pages import (
    archive_reason,
    news_listings,
    portal_links,
    units_named,
)
from crawler.discovery.registry_entries import entry_toml
from crawler.discovery.spider import STATUSES, DiscoveredPortal
from crawler.mirror import mirror_path
from crawler.parsing.families import FAMILIES
from crawler.registry import load_registry
from crawler.units import commune_named, province_2025

GOLD_ARTICLES, GOLD_LISTINGS = load_gold()


def page(url: str) -> str:
    return mirror_path(PORTALS, url).read_text()


# ================================================================== detection


@pytest.mark.parametrize("listing", GOLD_LISTINGS, ids=lambda g: g["family"])
def test_every_family_is_detected_on_its_listing_pages(listing):
    family = FAMILIES[listing["family"]].family
    detection = detect_platform(page(listing["listing"]), listing["listing"])
    assert detection.family == family, detection.explain()
    assert any(family in line for line in detection.evidence)


@pytest.mark.parametrize("article", GOLD_ARTICLES[::4], ids=lambda g: g["url"][-30:])
def test_every_family_is_detected_on_its_article_pages(article):
    detection = detect_platform(page(article["url"]), article["url"])
    assert detection.family == FAMILIES[article["family"]].family, detection.explain()


def renamed(html: str) -> str:
    """The same page with the platform's class names changed, as a theme update does."""
    for old, new in (("tandan-", "td2-"), ("channel-news", "kenh-tin"), ("itemContainer", "ds")):
        html = html.replace(old, new)
    return html.replace("list-news", "ds-tin").replace('class="title"', 'class="tieu-de"')


@pytest.mark.parametrize("listing", GOLD_LISTINGS, ids=lambda g: g["family"])
def test_a_page_whose_markup_no_family_reads_is_generic_with_its_reason(listing):
    detection = detect_platform(renamed(page(listing["listing"])), listing["listing"])
    if detection.family != GENERIC:
        # Still chosen only on the family's own markup that survived the renaming.
        assert any("markup:" in line for line in detection.evidence)
    else:
        assert "no family's markup fits" in detection.explain()


PLATFORM_PAGES = {
    "nukeviet": (
        '<meta name="generator" content="NukeViet v4.5"><script>var nv_base_siteurl="/";</script>',
        '<a href="/index.php?language=vi&nv=news&op=tin-tuc">Tin tức</a>',
    ),
    "wordpress": (
        '<meta name="generator" content="WordPress 6.5"><link href="/wp-content/a.css">',
        "",
    ),
    "joomla": ('<meta name="generator" content="Joomla! - Open Source">', ""),
    "drupal": ('<script src="/sites/default/files/js/x.js"></script>', ""),
    "sharepoint": ("<script>var _spPageContextInfo = {};</script>", ""),
    "aspnet-webforms": (
        '<input type="hidden" name="__VIEWSTATE" value="x">',
        "<a href=\"javascript:__doPostBack('ctl00$pager','Page$2')\">2</a>",
    ),
}


@pytest.mark.parametrize("platform", sorted(PLATFORM_PAGES))
def test_platforms_without_a_family_are_named_with_their_evidence(platform):
    head, body = PLATFORM_PAGES[platform]
    html = f"<html><head>{head}</head><body><h1>Xã A</h1><p>Tin</p>{body}</body></html>"
    detection = detect_platform(html, "http://xa.example.gov.vn/")
    assert detection.platform == platform
    assert detection.evidence
    # A family is chosen on its own markup, which a page of bare markers does not show.
    assert detection.family == GENERIC
    assert platform in detection.explain()


def test_a_generator_meta_in_other_case_and_order_is_read():
    html = '<html><head><meta content="NukeViet v4" name="generator"></head><body></body></html>'
    assert "nukeviet" in detect_platform(html, "http://a.gov.vn/").platforms


# ================================================================== listings on a home page


def test_news_listings_are_read_from_menus_surest_first():
    home = """<ul class="menu">
      <li><a href="/">Trang chủ</a></li>
      <li><a href="/gioi-thieu">Giới thiệu</a></li>
      <li><a href="/tin-tuc">TIN TỨC</a><ul>
          <li><a href="/tin-tuc/chinh-tri">Chính trị</a></li>
          <li><a href="/tin-tuc/kinh-te">Kinh tế</a></li></ul></li>
      <li><a href="/van-ban">Văn bản</a></li>
      <li><a href="http://other.gov.vn/tin-moi-nhat">Tin mới nhất</a></li>
    </ul><div><a href="/tin-tuc-su-kien.html">Tin tức - Sự kiện</a></div>"""
    found = news_listings(home, "http://xa.gov.vn/")
    urls = [link.url for link in found]
    assert urls[0] == "http://xa.gov.vn/tin-tuc-su-kien.html"
    assert "http://xa.gov.vn/tin-tuc" in urls
    assert {"http://xa.gov.vn/tin-tuc/chinh-tri", "http://xa.gov.vn/tin-tuc/kinh-te"} <= set(urls)
    assert not any("van-ban" in url or "gioi-thieu" in url or "other.gov.vn" in url for url in urls)


def test_a_home_page_without_news_menu_has_no_listing():
    assert news_listings('<a href="/lien-he">Liên hệ</a>', "http://xa.gov.vn/") == []


# ================================================================== linked portals


def test_portal_links_come_from_link_blocks_drop_downs_and_sub_domains():
    home = """
    <div class="lienket"><h3>Liên kết website</h3>
      <a href="http://huyena.tinh.gov.vn/">Huyện A</a>
      <a href="http://sotuphap.othertinh.gov.vn">Sở Tư pháp</a>
      <a href="https://www.facebook.com/tinh">Facebook</a></div>
    <select><option value="">Chọn</option><option value="http://xab.gov.vn/">Xã B</option></select>
    <p>Văn bản <a href="http://xac.tinh.gov.vn/">xã C</a></p>
    <div class="footer"><a href="https://ncov.moh.gov.vn/">Covid</a></div>"""
    found = {link.host: link for link in portal_links(home, "http://tinh.gov.vn/")}
    assert set(found) == {
        "huyena.tinh.gov.vn",
        "sotuphap.othertinh.gov.vn",
        "xab.gov.vn",
        "xac.tinh.gov.vn",
    }
    assert "under tinh.gov.vn" in found["xac.tinh.gov.vn"].why


# ================================================================== the unit and its codes


@pytest.mark.parametrize(
    "title, first, level",
    [
        ("Cổng thông tin điện tử xã Quang Thành, thị xã Kinh Môn", "xã Quang Thành", "xã"),
        ("Trang TTĐT phường Hoàn Kiếm", "phường Hoàn Kiếm", "xã"),
        ("Cổng thông tin điện tử huyện Kim Động", "huyện Kim Động", "huyện"),
        ("CỔNG THÔNG TIN ĐIỆN TỬ tỉnh Hưng Yên", "tỉnh Hưng Yên", "tỉnh"),
        ("Cổng TTĐT thị trấn Yên Thịnh", "thị trấn Yên Thịnh", "xã"),
    ],
)
def test_units_named_in_titles(title, first, level):
    unit = units_named(title)[0]
    assert (unit.full_name, unit.level) == (first, level)


def test_communes_named_in_titles_are_found_in_the_2025_map():
    ninh_binh = province_2025("Ninh Bình").code.value
    assert commune_named("xã", "Yên Mô", ninh_binh).name == "Xã Yên Mô"
    assert commune_named("phường", "Hoàn Kiếm", province_2025("Hà Nội").code.value).code == 70
    assert commune_named("xã", "Quang Thành", province_2025("Hải Dương").code.value) is None


def test_archives_say_so_or_have_only_old_news():
    now = datetime(2026, 11, 30, tzinfo=VN_TZ)
    old = parse_vn_date("20/06/2025")
    assert archive_reason("Cổng lưu trữ. Đã ngừng hoạt động", None, timedelta(365), now)
    assert "over 90 days" in archive_reason("", old, timedelta(days=90), now)
    assert archive_reason("Tin tức", parse_vn_date("20/11/2026"), timedelta(365), now) is None


def test_registry_entries_are_valid_toml_the_registry_accepts(tmp_path):
    portal = DiscoveredPortal(
        "xa-b.tinh.gov.vn",
        "http://xa-b.tinh.gov.vn/",
        family="generic",
        detection='platform wordpress: <meta name="generator" content="WordPress">',
        name='Phường "Hoàn Kiếm"',
        level="xã",
        province="Hà Nội",
        province_2025="Thành phố Hà Nội",
        commune_2025=70,
        commune_2025_name="Phường Hoàn Kiếm",
        listings=["http://xa-b.tinh.gov.vn/tin-tuc?a=1&b=2"],
    )
    text = entry_toml(portal)
    assert tomllib.loads(text)["portal"][0]["name"] == 'Phường "Hoàn Kiếm"'
    file = tmp_path / "portals.toml"
    file.write_text(text)
    loaded = load_registry(file).portals[0]
    assert (loaded.id, loaded.commune_2025) == ("xa-b-tinh", 70)
    assert "# review" not in text
    portal.commune_2025 = None
    assert "# review: commune_2025 not found" in entry_toml(portal)


# ================================================================== discovery and crawls, for real


@pytest.fixture(scope="module")
def province(tmp_path_factory):
    root = tmp_path_factory.mktemp("province")
    build(root)
    server = ProvinceServer(root).start()
    yield server
    server.stop()


def discover(province, *arguments, env=None) -> subprocess.CompletedProcess:
    environment = {"http_proxy": province.url, **(env or {})}
    command = [
        SCRAPY,
        "discover",
        f"http://{PROVINCE}/",
        *FAST,
        "-s",
        "RETRY_TIMES=0",
        "--archive-days",
        "100000",
        *arguments,
    ]
    import os

    return subprocess.run(
        command,
        cwd=PROJECT,
        env={**os.environ, **environment},
        capture_output=True,
        text=True,
        timeout=120,
    )


def report(stderr: str) -> dict[str, str]:
    lines = [line for line in stderr.splitlines() if " " in line and not line.startswith("20")]
    found = {}
    for line in lines:
        for status in (*STATUSES, "registered"):
            if line.startswith(status + " "):
                found[line[len(status) :].split()[0].rstrip(":")] = line
    return found


def expected_family(family: str) -> str:
    return family if family in FAMILIES or family == GENERIC else GENERIC


def test_discover_finds_every_portal_with_its_platform_and_listing(province):
    result = discover(province)
    assert result.returncode == 0, result.stderr[-3000:]
    entries = {e["host"]: e for e in tomllib.loads(result.stdout)["portal"]}
    lines = report(result.stderr)
    assert set(lines) == set(EXPECTED), result.stderr[-3000:]
    for host, (status, family, listing) in EXPECTED.items():
        assert lines[host].startswith(status), lines[host]
        if status == "found":
            assert entries[host]["family"] == expected_family(family), host
            assert listing in entries[host]["listings"], (host, entries[host]["listings"])
        else:
            assert host not in entries
    assert "dongtam-moi.hoason.gov.vn" in lines["xacu.hoason.gov.vn"]  # where it moved
    assert "ncov.moh.gov.vn" not in result.stderr and "chinhphu.vn" not in result.stderr
    assert entries["kimdong.hoason.gov.vn"]["level"] == "huyện"
    assert entries["hoason.gov.vn"]["level"] == "tỉnh"
    assert {e["province"] for e in entries.values()} == {"Ninh Bình"}
    assert entries["yenmo.hoason.gov.vn"]["commune_2025"] == 14701  # Xã Yên Mô, in the 2025 map


def test_discover_depth_limits_how_far_links_are_followed(province):
    result = discover(province, "--depth", "1")
    assert "xadong.kimdong.hoason.gov.vn" not in report(result.stderr)
    assert "kimdong.hoason.gov.vn" in report(result.stderr)


def test_written_registry_is_crawled_by_the_portal_spider(province, tmp_path):
    registry = tmp_path / "portals.toml"
    registry.write_text(
        '[[portal]]\nid = "hoason"\nhost = "hoason.gov.vn"\nfamily = "generic"\n'
        'name = "Tỉnh Ninh Bình"\nlevel = "tỉnh"\nprovince = "Ninh Bình"\n'
        'listings = ["http://hoason.gov.vn/tin-tuc.html"]\n'
    )
    result = discover(province, "--write", env={"PORTAL_REGISTRY": str(registry)})
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout == ""
    assert "already in the registry" in result.stderr  # hoason.gov.vn: not written twice
    written = load_registry(registry)
    found = {host for host, (status, _, _) in EXPECTED.items() if status == "found"}
    assert {p.host for p in written.portals} == found
    db = tmp_path / "crawl.db"
    crawled = crawl("portal", db=db, proxy=province.url, env={"PORTAL_REGISTRY": str(registry)})
    assert crawled.returncode == 0, crawled.stderr[-3000:]
    query = "SELECT portal, count(*) n FROM articles GROUP BY portal"
    stored = {r["portal"]: r["n"] for r in rows(db, query)}
    assert stored == {written.by_host(host).id: count for host, count in ARTICLES.items()}
    assert rows(db, "SELECT * FROM failures") == []


@pytest.mark.parametrize(
    "start, family",
    [
        ("http://kimdong.hoason.gov.vn/", "tandan"),
        ("http://quangthanh.hoason.gov.vn/", "haiduong"),
        ("http://yenmo.hoason.gov.vn/tin-tuc-su-kien.html", "ninhbinh"),
        ("http://tanhoa.hoason.gov.vn/", "generic"),
        ("http://hoalac.hoason.gov.vn/vi/", "nukeviet"),
    ],
)
def test_crawl_portal_from_any_page_detects_and_crawls(province, tmp_path, start, family):
    db = tmp_path / "crawl.db"
    result = crawl("portal", "-a", f"url={start}", db=db, proxy=province.url)
    assert result.returncode == 0, result.stderr[-3000:]
    assert f"crawled as {expected_family(family)}" in result.stderr
    stored = rows(db, "SELECT url, title, published_at FROM articles")
    assert len(stored) >= 3, result.stderr[-3000:]
    assert all(r["title"] and r["published_at"] for r in stored)
    families = (
        {r["family"] for r in rows(db, "SELECT DISTINCT family FROM articles")}
        if any(c["name"] == "family" for c in rows(db, "PRAGMA table_info(articles)"))
        else set()
    )
    assert families in (set(), {expected_family(family)})


def test_crawl_portal_of_a_sample_family_stores_the_gold_articles(mirror, tmp_path):
    db = tmp_path / "crawl.db"
    listing = next(g for g in GOLD_LISTINGS if "yenmo" in g["listing"])
    result = crawl("portal", "-a", f"url={listing['listing']}", db=db, proxy=mirror.url)
    assert result.returncode == 0, result.stderr[-3000:]
    gold = {g["url"]: g for g in GOLD_ARTICLES if "yenmo" in g["url"]}
    stored = {r["url"]: r for r in rows(db, "SELECT url, title FROM articles")}
    assert set(stored) == set(gold)
    assert all(stored[url]["title"] == gold[url]["title"] for url in gold)
    assert FIXTURES.is_dir()
