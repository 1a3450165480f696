"""An article re-published on another portal of the mirror is stored once as original."""

import shutil

from conftest import crawl, rows

YENMO = "yenmo.ninhbinh.gov.vn"
KIMSON = "kimson.ninhbinh.gov.vn"


def test_republished_article_points_to_the_first_copy_and_spam_portal_is_flagged(mirror_copy, database):
    """On SQLite and PostgreSQL: the second crawl finds the first copy through the database."""
    root = mirror_copy.root
    (root / KIMSON / "tin-tuc-su-kien").mkdir(parents=True)
    shutil.copy(root / YENMO / "robots.txt", root / KIMSON / "robots.txt")
    original = root / YENMO / "tin-tuc-su-kien" / "day-manh-chuyen-doi-so-trong-co-quan-nha-nuoc-4805.html"
    # Kim Sơn re-publishes the Yên Mô article under its own slug, header and sidebar.
    page = original.read_text().replace("Huyện Yên Mô", "Huyện Kim Sơn").replace("2847", "15")
    page = page.split('<div style="display:none">')[0] + "</div></body></html>"  # not compromised
    (root / KIMSON / "tin-tuc-su-kien" / "yen-mo-day-manh-chuyen-doi-so-9001.html").write_text(page)
    listing = (root / YENMO / "tin-tuc-su-kien.html@page=3").read_text()
    listing = listing.split('<div id="itemContainer">')[0] + (
        '<div id="itemContainer"><div class="item"><h2><a href="/tin-tuc-su-kien/'
        'yen-mo-day-manh-chuyen-doi-so-9001.html">Đẩy mạnh chuyển đổi số</a></h2>'
        '<span class="date">28/10/2024</span></div></div></div></body></html>')
    (root / KIMSON / "tin-tuc-su-kien.html").write_text(listing)
    db = database
    assert crawl("ninhbinh", "-a", "portal=ninhbinh-yenmo", db=db, proxy=mirror_copy.url).returncode == 0
    result = crawl("ninhbinh", "-a", "portal=ninhbinh-kimson", db=db, proxy=mirror_copy.url)
    assert result.returncode == 0, result.stderr[-2000:]
    copy = rows(db, "SELECT * FROM articles WHERE portal = 'ninhbinh-kimson'")
    assert len(copy) == 1
    assert copy[0]["duplicate_of"] == f"http://{YENMO}/tin-tuc-su-kien/{original.name}"
    assert rows(db, "SELECT count(*) AS n FROM indicators WHERE portal = 'ninhbinh-kimson'")[0]["n"] == 0
    assert "'dedup/republished': 1" in result.stderr
    flagged = {r["portal"] for r in rows(db, "SELECT portal FROM portal_flags")}
    assert flagged == {"ninhbinh-yenmo"}
    bodies = " ".join(r["body"] for r in rows(db, "SELECT body FROM articles"))
    assert "W88" not in bodies and "139.99.113.80" not in bodies
