"""A hostile portal cannot steer the crawler off its own host: links, pager pages and
redirects to a cloud metadata address, to other hosts and to other loopback services are
never requested; a redirect off the portal is a recorded failure naming its target."""

import re

from conftest import crawl, rows
from faultserver import FaultServer, generated_articles
from variantserver import VariantServer

from crawler.middlewares.offsite import PortalHostsMiddleware, private_address
from crawler.registry import Portal

PORTAL = "xa-thu.portal.test"
METADATA = "http://169.254.169.254/latest/meta-data/iam/security-credentials/"
OTHER_HOST = "http://tin-gia.example.net/Trang/ChiTietTinTuc.aspx?nid=11&title=gia.html"
LOOPBACK = "http://127.0.0.1:9/admin"


def stat(result, name: str) -> int:
    match = re.search(rf"'{re.escape(name)}': (\d+)", result.stderr)
    return int(match[1]) if match else 0


def test_a_hostile_portal_cannot_make_the_crawler_request_another_host(tmp_path):
    # The server is the crawl's proxy: every request, to any host, reaches it and is seen.
    server = VariantServer(
        generated_articles(12),
        page_size=10,
        portal_host=PORTAL,
        pager_href="http://169.254.169.254/Trang/TinTuc.aspx?cid=2&p={page}",
        redirects={12: METADATA, 11: OTHER_HOST, 10: LOOPBACK},
        foreign_links=[
            (METADATA + "bai-viet-2024-05-01-123.html", "Tin tức nội bộ của máy chủ"),
            ("//tin-gia.example.net/tin-tuc/bai-viet-456.html", "Một bài viết từ nơi khác"),
        ],
    ).start()
    db = tmp_path / "c.db"
    try:
        result = crawl(
            "haiduong",
            "-a",
            f"url=http://{PORTAL}/Trang/TinTuc.aspx?cid=2",
            db=db,
            proxy=server.url,
        )
    finally:
        server.stop()
    assert result.returncode == 0, result.stderr[-3000:]
    assert set(server.hosts) == {PORTAL}
    failures = {r["url"]: r["reason"] for r in rows(db, "SELECT url, reason FROM failures")}
    for nid, target in ((12, METADATA), (11, OTHER_HOST), (10, LOOPBACK)):
        url = f"http://{PORTAL}/Trang/ChiTietTinTuc.aspx?nid={nid}&title=ban-tin-so-{nid}.html"
        assert failures[url].startswith("refused: redirect from") and target in failures[url]
    assert stat(result, "offsite/redirect_refused") == 3
    # The pager's offsite page is a counted, logged problem, not a request.
    assert stat(result, "pager/unfollowable") == 1 and "leaves the portal" in result.stderr
    stored = rows(db, "SELECT url, title FROM articles")
    assert len(stored) == 7
    assert all(r["url"].startswith(f"http://{PORTAL}/") for r in stored)
    assert not any("máy khác" in r["title"] for r in stored)


class FakeCrawler:
    def __init__(self, portals):
        self.spider = type("Spider", (), {"portals": portals})()
        self.stats = None


def test_the_portal_hosts_are_its_registry_host_and_listing_hosts_with_their_ports():
    portals = [
        Portal("a", "xa.gov.vn", "haiduong", "A", "xã", "P", ("https://www.xa.gov.vn/tin",)),
        Portal.unregistered("http://127.0.0.1:8123/Trang/TinTuc.aspx?cid=2", "haiduong"),
    ]
    middleware = PortalHostsMiddleware(FakeCrawler(portals))
    on = middleware.on_portal
    assert on("http://xa.gov.vn/a") and on("https://www.xa.gov.vn:443/b") and on("data:,")
    assert on("http://127.0.0.1:8123/Trang/x") and on("http://127.0.0.1/")
    assert not on("http://127.0.0.1:22/") and not on("http://169.254.169.254/latest")
    assert not on("http://xa.gov.vn.evil.net/") and not on("http://10.0.0.1/")
    assert not on("file:///etc/passwd") and not on("ftp://xa.gov.vn/a")


def test_a_portal_name_that_resolves_to_a_private_address_is_never_requested(tmp_path):
    """No proxy here: the crawler resolves names itself. "localhost" stands for a portal
    name whose DNS answer was turned to a private address (rebinding); the same server
    reached by its address, as the portal's own host, is crawled as before."""
    server = FaultServer(generated_articles(3), page_size=10).start()
    by_name = server.listing_url.replace("127.0.0.1", "localhost")
    no_proxy = {"http_proxy": "", "HTTP_PROXY": ""}
    try:
        refused = crawl("haiduong", "-a", f"url={by_name}", db=tmp_path / "a.db", proxy="",
                        env=no_proxy)  # fmt: skip
        assert not server.hits, server.hits
        reached = crawl("haiduong", "-a", f"url={server.listing_url}", db=tmp_path / "b.db",
                        proxy="", env=no_proxy)  # fmt: skip
    finally:
        server.stop()
    assert refused.returncode == 1, refused.stderr[-3000:]
    assert "localhost resolves to 127.0.0.1 (loopback)" in refused.stderr
    assert stat(refused, "offsite/private_address_refused") >= 1
    [failure] = rows(tmp_path / "a.db", "SELECT reason FROM failures")
    assert failure["reason"].startswith("refused: localhost resolves to 127.0.0.1")
    assert reached.returncode == 0, reached.stderr[-3000:]
    assert len(rows(tmp_path / "b.db", "SELECT url FROM articles")) == 3


def test_names_are_checked_once_and_addresses_by_kind():
    middleware = PortalHostsMiddleware(FakeCrawler([]))
    assert middleware.allowed_private == set() and private_address("8.8.8.8") is None
    assert private_address("169.254.169.254") == "link-local"
    assert private_address("10.1.2.3") == "private" and private_address("::1") == "loopback"
