"""A portal whose listing is built by JavaScript, crawled for real through Chromium.

The page copies the Ninh Bình listing shape, but like the newer Ninh Bình portals its
`.UIListNews_Default` is empty as served and filled by a script with the answer of a POST to
`ArticleInMenuPagination.aspx/LoadArticle`. Articles are the sample yenmo pages.
"""

import json
import shutil
from html import escape
from urllib.parse import urlsplit

import pytest
from conftest import PORTALS, crawl, load_gold, rows

from crawler.mirror import MirrorHandler, MirrorServer
from crawler.rendering import chromium_executable

YENMO = "yenmo.ninhbinh.gov.vn"
GOLD = [g for g in load_gold()[0] if g["host"] == YENMO]
LOAD_ARTICLE = "/ArticleInMenuPagination.aspx/LoadArticle"
SCRIPT = f"""<script>
fetch('{LOAD_ARTICLE}', {{method: 'POST', headers: {{'Content-Type': 'application/json; charset=utf-8'}},
                          body: JSON.stringify({{menuId: 12, page: 1}})}})
  .then(function (answer) {{ return answer.json(); }})
  .then(function (data) {{ document.querySelector('.UIListNews_Default').innerHTML = data.d; }});
</script>"""


class ScriptedPortalHandler(MirrorHandler):
    """The mirror plus the portal's LoadArticle web method (ASP.NET answers {"d": html})."""

    def do_POST(self):  # noqa: N802 (http.server's naming)
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.server.requests.append(self.path)
        if urlsplit(self.path).path != LOAD_ARTICLE:
            return self.reply(404, b"")
        items = "".join(
            f'<div class="item"><h2><a href="{urlsplit(g["url"]).path}">{escape(g["title"])}</a></h2>'
            f'<span class="date">{g["published"]}</span></div>'
            for g in GOLD
        )
        self.reply(200, json.dumps({"d": items}).encode(), "application/json; charset=utf-8")


@pytest.fixture
def scripted_portal(tmp_path):
    """Serves 127.0.0.1 as a portal: the scripted listing and the yenmo article pages."""
    root = tmp_path / "site"
    site = root / "127.0.0.1"
    shutil.copytree(PORTALS / YENMO / "tin-tuc-su-kien", site / "tin-tuc-su-kien")
    listing = (PORTALS / YENMO / "tin-tuc-su-kien.html").read_text()
    start = listing.index('<div id="itemContainer">')
    end = listing.index("</ul>", listing.index('<ul class="pagination">')) + len("</ul>")
    (site / "tin-tuc-su-kien.html").write_text(
        listing[:start] + '<div class="UIListNews_Default"></div>' + SCRIPT + listing[end:]
    )
    server = MirrorServer(root)
    server.RequestHandlerClass = ScriptedPortalHandler
    server.start()
    yield server
    server.stop()


def registry(path, listing: str, render_js: bool):
    path.write_text(
        f"""[[portal]]
id = "ninhbinh-scripted"
host = "127.0.0.1"
family = "ninhbinh"
name = "Cổng thông tin có danh sách tin dựng bằng JavaScript"
level = "huyện"
province = "Ninh Bình"
listings = ["{listing}"]
render_js = {"true" if render_js else "false"}
""",
        encoding="utf-8",
    )
    return path


def crawl_scripted(server, tmp_path, render_js: bool, env: dict | None = None):
    db = tmp_path / f"render-{render_js}.db"
    portals = registry(tmp_path / "portals.toml", f"{server.url}/tin-tuc-su-kien.html", render_js)
    result = crawl(
        "ninhbinh",
        "-a",
        "portal=ninhbinh-scripted",
        db=db,
        proxy="",
        env={"PORTAL_REGISTRY": str(portals), **(env or {})},
    )
    return result, db


@pytest.mark.skipif(
    chromium_executable() is None, reason="needs Chromium: apt-get install chromium"
)
def test_a_render_js_portal_is_rendered_in_chromium_and_its_articles_stored(
    scripted_portal, tmp_path
):
    result, db = crawl_scripted(scripted_portal, tmp_path, render_js=True)
    assert result.returncode == 0, result.stderr[-3000:]
    stored = {r["url"]: r for r in rows(db, "SELECT * FROM articles")}
    expected = {f"{scripted_portal.url}{urlsplit(g['url']).path}": g for g in GOLD}
    assert set(stored) == set(expected)
    for url, gold in expected.items():
        assert stored[url]["title"] == gold["title"]
        assert stored[url]["published_at"][:10] == gold["published"]
        assert stored[url]["portal"] == "ninhbinh-scripted"
    assert LOAD_ARTICLE in scripted_portal.requests
    assert "'playwright/page_count': 1" in result.stderr


def test_without_rendering_the_same_portal_yields_no_articles(scripted_portal, tmp_path):
    result, db = crawl_scripted(scripted_portal, tmp_path, render_js=False)
    assert result.returncode == 1, result.stderr[-3000:]
    assert rows(db, "SELECT count(*) AS n FROM articles")[0]["n"] == 0
    failures = rows(db, "SELECT stage, reason FROM failures")
    assert [tuple(f) for f in failures] == [("listing", "no article links found")]
    assert "playwright" not in result.stderr  # plain crawls do not start a browser driver


def test_a_render_js_portal_without_chromium_fails_with_the_fix_in_one_line(
    scripted_portal, tmp_path
):
    missing = str(tmp_path / "no-chromium-here")
    result, db = crawl_scripted(
        scripted_portal, tmp_path, render_js=True, env={"CHROMIUM_PATH": missing}
    )
    assert result.returncode == 1, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    failure = rows(db, "SELECT stage, reason, portal FROM failures")
    assert len(failure) == 1 and failure[0]["stage"] == "listing"
    assert "apt-get install chromium" in failure[0]["reason"]
    assert missing in failure[0]["reason"]
    error_lines = [
        line for line in result.stderr.splitlines() if "apt-get install chromium" in line
    ]
    assert len(error_lines) == 1 and "portal ninhbinh-scripted" in error_lines[0]
    assert "'failures/listing': 1" in result.stderr
