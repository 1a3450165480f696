"""Full-text search with or without diacritics (SQLite FTS5 kept in step with articles), the
July-2025 administrative units on portals, and how the explorer starts."""

import sqlite3

import pytest
from test_pipelines import Chain, article

from crawler.db import ArticleRow, create_schema, make_engine, upsert_portals
from crawler.explorer.dashboards import indicators_dashboard
from crawler.explorer.metadata import build_metadata
from crawler.explorer.schema import Schema
from crawler.explorer.serve import ExplorerError, database_file, ensure_search_index, serve
from crawler.registry import RegistryError, load_registry
from crawler.units import UnitError, Units2025, province_2025


def search(db, words):
    connection = sqlite3.connect(db)
    try:
        return [
            row[0]
            for row in connection.execute(
                "SELECT a.title FROM articles a WHERE a.id IN "
                "(SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?) ORDER BY a.id",
                (" ".join(f'"{w}"' for w in words.split()),),
            )
        ]
    finally:
        connection.close()


def test_the_storage_pipeline_keeps_search_in_step_with_or_without_diacritics(tmp_path):
    chain = Chain(tmp_path / "p.db")
    url = "http://quangthanh.kinhmon.haiduong.gov.vn/Trang/ChiTietTinTuc.aspx?nid=7"
    chain.run(article(url=url, title="Đường giao thông nông thôn"))
    chain.close()
    db = tmp_path / "p.db"
    for words in ("hộ nghèo", "ho ngheo", "HO NGHEO", "duong giao thong", "đường", "dong"):
        assert search(db, words) == ["Đường giao thông nông thôn"], words
    assert search(db, "dương") == ["Đường giao thông nông thôn"]  # marks off, đ kept as written
    assert search(db, "cầu treo") == []
    # A re-crawl that changes the article replaces its index entry; a deletion removes it.
    chain = Chain(db)
    chain.run(article(url=url, title="Cầu treo", body="Khánh thành cầu treo qua sông Đáy. " * 9))
    chain.close()
    assert search(db, "duong") == [] and search(db, "song day") == ["Cầu treo"]
    connection = sqlite3.connect(db)
    connection.execute("DELETE FROM articles")
    connection.commit()
    integrity = "INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)"
    connection.execute(integrity)
    connection.close()
    assert search(db, "cau treo") == []


def test_a_database_from_before_search_gets_its_index_on_upgrade(tmp_path):
    db = tmp_path / "old.db"
    engine = make_engine(f"sqlite:///{db}")
    ArticleRow.metadata.create_all(engine)  # the old schema: no index, no triggers
    with engine.begin() as connection:
        connection.execute(ArticleRow.__table__.insert(), [
            {"url": "http://a.gov.vn/1", "portal": "a", "title": "Hỗ trợ hộ nghèo đón Tết",
             "body": "Trao 200 suất quà, mỗi suất 500 nghìn đồng.", "first_seen": "x",
             "last_seen": "x"},
        ])
    assert search_fails(db)
    engine.dispose()
    assert ensure_search_index(db) is True  # what `scrapy explore` does before opening it
    assert ensure_search_index(db) is False  # once only
    engine = make_engine(f"sqlite:///{db}")
    create_schema(engine)  # and any crawl or export leaves it alone
    engine.dispose()
    assert search(db, "ho ngheo") == search(db, "nghin dong") == ["Hỗ trợ hộ nghèo đón Tết"]
    connection = sqlite3.connect(db)
    assert connection.execute("SELECT count(*) FROM articles_fts_docsize").fetchone() == (1,)
    connection.close()


def search_fails(db):
    try:
        search(db, "x")
    except sqlite3.OperationalError:
        return True
    return False


def test_former_provinces_map_to_the_34_of_july_2025():
    assert province_2025("Hải Dương").name == "Thành phố Hải Phòng"
    assert province_2025("Thừa Thiên Huế").code.value == 46
    assert province_2025("Bà Rịa - Vũng Tàu").name == "Thành phố Hồ Chí Minh"
    assert province_2025("Tỉnh Hà Giang").name == "Tuyên Quang"
    assert province_2025("Hưng Yên").name == "Hưng Yên"
    former = ["Hà Giang", "Yên Bái", "Bắc Kạn", "Vĩnh Phúc", "Hòa Bình", "Bắc Giang", "Thái Bình",
              "Hà Nam", "Nam Định", "Quảng Bình", "Quảng Nam", "Kon Tum", "Bình Định",
              "Ninh Thuận", "Đắk Nông", "Bình Thuận", "Phú Yên", "Bình Dương", "Bình Phước",
              "Long An", "Sóc Trăng", "Hậu Giang", "Bến Tre", "Trà Vinh", "Tiền Giang",
              "Bạc Liêu", "Kiên Giang", "Hà Nội", "Huế"]
    assert len({province_2025(name).code for name in former}) == 24
    with pytest.raises(UnitError, match="'Atlantis' is not a Vietnamese province"):
        province_2025("Atlantis")
    assert Units2025.of("Hải Dương", 10705) == Units2025(
        "Thành phố Hải Phòng", 31, "Xã Nam An Phụ", 10705
    )
    with pytest.raises(UnitError, match="is not in Thành phố Hải Phòng"):
        Units2025.of("Hải Dương", 2008)  # a Cẩm Giàng, but the one in Thái Nguyên


def test_the_registry_checks_provinces_and_2025_commune_codes(tmp_path):
    def registry(extra):
        path = tmp_path / "portals.toml"
        path.write_text(
            '[[portal]]\nid = "x"\nhost = "x.gov.vn"\nfamily = "haiduong"\nname = "X"\n'
            f'level = "xã"\nlisting = 1\nlistings = ["http://x.gov.vn/"]\n{extra}\n'
            .replace("listing = 1\n", ""),
            encoding="utf-8",
        )
        return path

    portal = load_registry(registry('province = "Hải Dương"\ncommune_2025 = 10903')).portals[0]
    assert portal.commune_2025 == 10903
    for extra, message in (
        ('province = "Atlantis"', "'Atlantis' is not a Vietnamese province"),
        ('province = "Hải Dương"\ncommune_2025 = 99999999', "99999999 is not the official code"),
        ('province = "Hải Dương"\ncommune_2025 = "10903"', "must be an official commune code"),
    ):
        with pytest.raises(RegistryError, match=message):
            load_registry(registry(extra))


def test_portals_carry_the_2025_units_beside_the_former_ones(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'p.db'}")
    create_schema(engine)
    upsert_portals(engine, list(load_registry().portals))
    with engine.connect() as connection:
        stored = {
            row[0]: tuple(row[1:])
            for row in connection.exec_driver_sql(
                "SELECT id, province, province_2025, province_code_2025, commune_2025, "
                "commune_code_2025 FROM portals"
            )
        }
    engine.dispose()
    assert stored["haiduong-quangthanh"] == (
        "Hải Dương", "Thành phố Hải Phòng", 31, "Xã Nam An Phụ", 10705
    )
    assert stored["hungyen-kimdong"] == ("Hưng Yên", "Hưng Yên", 33, None, None)


def test_explorer_metadata_follows_the_columns_the_database_has(tmp_path):
    db = tmp_path / "crawler.db"
    engine = make_engine(f"sqlite:///{db}")
    create_schema(engine)
    engine.dispose()
    plain = build_metadata(db)
    articles = plain["databases"]["crawler"]["tables"]["articles"]
    assert articles["fts_table"] == "articles_fts" and "published_at" in articles["columns"]
    assert plain["databases"]["crawler"]["tables"]["articles_fts"] == {"hidden": True}
    keyed = plain["plugins"]["datasette-dashboards"]["chi-tieu"]["charts"]
    assert "coalesce(nullif(i.indicator, ''), i.name)" in keyed["over-time"]["query"]
    assert "i.plan_value" in keyed["targets-actuals"]["query"]
    # A database from before the indicator catalogue: the name stands in for the key.
    older = Schema("crawler", {t: c - {"indicator", "plan_value"} for t, c in
                               Schema.read(db).columns.items()})
    charts = indicators_dashboard(older, None)["charts"]
    assert "i.indicator" not in charts["over-time"]["query"]
    assert "plan_value" not in charts["targets-actuals"]["query"]
    assert Schema.read(db).has("indicators", "plan_value")


def test_the_explorer_stays_on_this_machine_unless_a_password_is_set(tmp_path, monkeypatch):
    db = tmp_path / "crawler.db"
    with pytest.raises(ExplorerError, match="does not exist: crawl first"):
        database_file(f"sqlite:///{db}")
    with pytest.raises(ExplorerError, match="is not a SQLite file"):
        database_file("postgresql://crawler:secret@localhost/crawler")
    db.touch()
    monkeypatch.delenv("EXPLORER_PASSWORD_HASH", raising=False)
    with pytest.raises(ExplorerError, match="set EXPLORER_PASSWORD_HASH"):
        serve(database_file(f"sqlite:///{db}"), host="0.0.0.0", port=0)
