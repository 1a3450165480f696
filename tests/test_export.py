"""CSV for Excel: `scrapy export` and `scrapy crawl -O file.csv` both write UTF-8 with BOM."""

import csv
import subprocess

from conftest import PROJECT, SCRAPY, crawl, rows

from crawler.db import ArticleRow, IndicatorRow, PortalIndicatorRow, create_schema, make_engine


def stored(db):
    engine = make_engine(f"sqlite:///{db}")
    create_schema(engine)
    common = {
        "body": "Tỷ lệ hộ nghèo giảm còn 1,24%.",
        "first_seen": "2024-01-01T00:00:00+07:00",
        "last_seen": "2024-01-01T00:00:00+07:00",
    }
    with engine.begin() as connection:
        connection.execute(
            ArticleRow.__table__.insert(),
            [
                {
                    "url": "http://a.gov.vn/1",
                    "portal": "a",
                    "title": "Hội nghị tổng kết",
                    "published_at": "2023-12-30T08:00:00+07:00",
                    **common,
                },
                {
                    "url": "http://a.gov.vn/2",
                    "portal": "a",
                    "title": "Đón Tết",
                    "published_at": "2024-02-01T08:00:00+07:00",
                    **common,
                },
                {
                    "url": "http://b.gov.vn/1",
                    "portal": "b",
                    "title": "Khác",
                    "published_at": "2024-03-01T08:00:00+07:00",
                    **common,
                },
            ],
        )
    engine.dispose()


def stored_indicators(db):
    stored(db)
    engine = make_engine(f"sqlite:///{db}")
    figure = {"name": "tỷ lệ hộ nghèo", "unit": "%", "sentence": "Tỷ lệ hộ nghèo giảm còn 1,24%.",
              "extracted_at": "2024-03-01T00:00:00+07:00", "change": False}
    with engine.begin() as connection:
        connection.execute(IndicatorRow.__table__.insert(), [
            {**figure, "article_url": "http://a.gov.vn/2", "portal": "a", "value": 1.24,
             "kind": "actual", "year": 2023, "published_at": "2024-02-01T08:00:00+07:00"},
            {**figure, "article_url": "http://a.gov.vn/2", "portal": "a", "value": 1.0,
             "kind": "target", "year": 2025, "published_at": "2024-02-01T08:00:00+07:00"},
            {**figure, "article_url": "http://a.gov.vn/1", "portal": "a", "value": 2.0,
             "kind": "actual", "year": 2022, "published_at": "2023-12-30T08:00:00+07:00"},
        ])
        connection.execute(PortalIndicatorRow.__table__.insert(), [
            {"portal": "a", "name": "hồ sơ TTHC trễ hạn", "value": 3, "unit": "hồ sơ",
             "as_of": "2024-03-01T07:00:00+07:00", "crawled_at": "2024-03-01T08:00:00+07:00",
             "source_url": "http://a.gov.vn/"},
        ])
    engine.dispose()


def export(db, *arguments):
    return subprocess.run(
        [SCRAPY, "export", *arguments, "-s", f"DATABASE_URL=sqlite:///{db}"],
        cwd=PROJECT,
        capture_output=True,
        text=True,
    )


def test_export_articles_filters_and_writes_excel_friendly_csv(tmp_path):
    db, out = tmp_path / "x.db", tmp_path / "out" / "articles.csv"
    stored(db)
    result = export(db, "articles", "-o", str(out), "--portal", "a", "--since", "2024-01-01")
    assert result.returncode == 0, result.stderr
    assert "wrote 1 articles" in result.stdout
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    table = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert [(r["url"], r["title"], r["body"]) for r in table] == [
        ("http://a.gov.vn/2", "Đón Tết", "Tỷ lệ hộ nghèo giảm còn 1,24%.")
    ]


def test_export_refuses_a_bad_date_and_an_unknown_table(tmp_path):
    db = tmp_path / "x.db"
    stored(db)
    bad_date = export(db, "articles", "-o", str(tmp_path / "a.csv"), "--since", "31/12/2023")
    assert bad_date.returncode == 2
    assert "--since '31/12/2023': expected a date like 2024-01-31" in bad_date.stderr
    assert "Traceback" not in bad_date.stderr
    unknown = export(db, "people", "-o", str(tmp_path / "a.csv"))
    assert unknown.returncode != 0 and "name one table to export" in unknown.stderr


def test_crawl_feed_csv_has_fixed_columns_and_a_bom(mirror, tmp_path):
    feed = tmp_path / "feed.csv"
    result = crawl(
        "ninhbinh",
        "-a",
        "portal=ninhbinh-yenmo",
        "-a",
        "max_pages=1",
        "-O",
        str(feed),
        db=tmp_path / "x.db",
        proxy=mirror.url,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    raw = feed.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = raw.decode("utf-8-sig").splitlines()
    assert lines[0] == "url,portal,title,published_at,author,view_count,category,body"
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert len(rows) == 5 and all(r["author"] == "Minh Hằng" for r in rows)


def test_export_indicators_filters_by_portal_date_and_kind(tmp_path):
    db, out = tmp_path / "x.db", tmp_path / "indicators.csv"
    stored_indicators(db)
    result = export(db, "indicators", "-o", str(out), "--portal", "a", "--since", "2024-01-01",
                    "--kind", "actual")
    assert result.returncode == 0, result.stderr
    table = list(csv.DictReader(out.read_bytes().decode("utf-8-sig").splitlines()))
    assert [(r["article_url"], r["name"], r["value"], r["unit"], r["kind"], r["year"]) for r in table] == [
        ("http://a.gov.vn/2", "tỷ lệ hộ nghèo", "1.24", "%", "actual", "2023")
    ]
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    wrong = export(db, "indicators", "-o", str(out), "--kind", "plan")
    assert wrong.returncode == 2 and "--kind 'plan': expected one of actual, target" in wrong.stderr


def test_export_portal_indicators_as_a_time_series(tmp_path):
    db, out = tmp_path / "x.db", tmp_path / "tthc.csv"
    stored_indicators(db)
    assert export(db, "portal_indicators", "-o", str(out)).returncode == 0
    table = list(csv.DictReader(out.read_bytes().decode("utf-8-sig").splitlines()))
    assert [(r["portal"], r["name"], r["value"], r["as_of"]) for r in table] == [
        ("a", "hồ sơ TTHC trễ hạn", "3.0", "2024-03-01T07:00:00+07:00")
    ]


def with_portals(db):
    """The stored rows plus the portal table rows of a Hải Dương commune and a Hưng Yên district."""
    from crawler.db import upsert_portals
    from crawler.registry import Portal

    stored_indicators(db)
    engine = make_engine(f"sqlite:///{db}")
    upsert_portals(engine, [
        Portal("a", "a.gov.vn", "haiduong", "Trang thông tin điện tử xã A", "xã", "Hải Dương",
               ("http://a.gov.vn/",), commune_2025=10705),
        Portal("b", "b.gov.vn", "hungyen", "Cổng thông tin điện tử huyện B", "huyện", "Hưng Yên",
               ("http://b.gov.vn/",)),
    ])
    engine.dispose()


def read(path):
    return list(csv.DictReader(path.read_bytes().decode("utf-8-sig").splitlines()))


def export_here(db, table, out, force=True, **filters):
    """The export functions in this process (the command's own checks are tested through it)."""
    from crawler.exports import (
        Filters,
        export_articles,
        export_indicators,
        export_indicators_pivot,
    )

    engine = make_engine(f"sqlite:///{db}")
    try:
        function = {"articles": export_articles, "indicators": export_indicators,
                    "pivot": export_indicators_pivot}[table]
        if table == "pivot":
            return function(engine, str(out), Filters(**filters), force=force)
        return function(engine, str(out), filters=Filters(**filters), force=force)
    finally:
        engine.dispose()


def test_export_rows_carry_portal_province_level_and_excel_dates(tmp_path):
    db, out = tmp_path / "x.db", tmp_path / "articles.csv"
    with_portals(db)
    assert export(db, "articles", "-o", str(out), "--until", "2024-02-01").returncode == 0
    table = read(out)
    assert [(r["url"], r["portal_name"], r["level"], r["province"], r["province_2025"],
             r["published_at"], r["published_at_local"]) for r in table] == [
        ("http://a.gov.vn/2", "Trang thông tin điện tử xã A", "xã", "Hải Dương",
         "Thành phố Hải Phòng", "2024-02-01T08:00:00+07:00", "2024-02-01 08:00:00"),
        ("http://a.gov.vn/1", "Trang thông tin điện tử xã A", "xã", "Hải Dương",
         "Thành phố Hải Phòng", "2023-12-30T08:00:00+07:00", "2023-12-30 08:00:00"),
    ]


def test_export_groups_by_former_or_july_2025_province(tmp_path):
    db, out = tmp_path / "x.db", tmp_path / "articles.csv"
    with_portals(db)
    urls = {}
    for province in ("Hải Phòng", "Hải Dương", "Hưng Yên", "Thái Bình"):
        export_here(db, "articles", out, province=province)
        urls[province] = sorted(r["url"] for r in read(out))
    # Hải Dương's portals are Hải Phòng's since July 2025; no portal was set up in Thái Bình.
    assert urls["Hải Phòng"] == urls["Hải Dương"] == ["http://a.gov.vn/1", "http://a.gov.vn/2"]
    assert urls["Hưng Yên"] == ["http://b.gov.vn/1"] and urls["Thái Bình"] == []
    wrong = export(db, "articles", "-o", str(out), "--province", "Atlantis")
    assert wrong.returncode == 2 and wrong.stderr.count("\n") == 1, wrong.stderr


def test_export_indicators_carry_the_article_title_booleans_as_0_1_and_filter(tmp_path):
    db, out = tmp_path / "x.db", tmp_path / "indicators.csv"
    with_portals(db)
    export_here(db, "indicators", out, indicator="tỷ lệ hộ nghèo", until="2024-01-31")
    assert [(r["article_title"], r["value"], r["change"], r["portal_name"]) for r in read(out)] == [
        ("Hội nghị tổng kết", "2.0", "0", "Trang thông tin điện tử xã A")
    ]
    assert export_here(db, "indicators", out, indicator="số trẻ em") == 0 and read(out) == []


def test_export_indicators_pivot_has_one_column_per_year(tmp_path):
    db, out = tmp_path / "x.db", tmp_path / "pivot.csv"
    with_portals(db)
    assert export(db, "indicators", "--pivot", "-o", str(out)).returncode == 0
    lines = out.read_bytes().decode("utf-8-sig").splitlines()
    assert lines[0] == "portal,portal_name,level,province,province_2025,indicator,unit,2022,2023"
    assert read(out) == [{
        "portal": "a", "portal_name": "Trang thông tin điện tử xã A", "level": "xã",
        "province": "Hải Dương", "province_2025": "Thành phố Hải Phòng",
        "indicator": "tỷ lệ hộ nghèo", "unit": "%", "2022": "2.0", "2023": "1.24",
    }]
    export_here(db, "pivot", out, kind="target")
    assert read(out)[0]["2025"] == "1.0"


def test_export_never_overwrites_a_sqlite_database(tmp_path):
    db = tmp_path / "crawler.db"
    with_portals(db)
    before = db.read_bytes()
    itself = export(db, "articles", "-o", str(db))
    assert itself.returncode == 2 and "crawl database itself" in itself.stderr
    other = tmp_path / "other.db"
    other.write_bytes(before)
    refused = export(db, "articles", "-o", str(other), "--force")
    assert refused.returncode == 2 and "is a SQLite database" in refused.stderr
    assert db.read_bytes() == before and other.read_bytes() == before
    assert len(rows(db, "SELECT * FROM articles")) == 3


def test_an_empty_export_keeps_an_existing_file_unless_forced(tmp_path):
    db, out = tmp_path / "x.db", tmp_path / "articles.csv"
    with_portals(db)
    assert export(db, "articles", "-o", str(out)).returncode == 0
    kept = out.read_bytes()
    empty = export(db, "articles", "-o", str(out), "--since", "2030-01-01")
    assert empty.returncode == 2 and "no rows match" in empty.stderr
    assert out.read_bytes() == kept
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []
    forced = export(db, "articles", "-o", str(out), "--since", "2030-01-01", "--force")
    assert forced.returncode == 0 and read(out) == []


def test_an_unknown_portal_is_a_one_line_error(tmp_path):
    db = tmp_path / "x.db"
    with_portals(db)
    for table in ("articles", "portal_indicators"):
        result = export(db, table, "-o", str(tmp_path / "a.csv"), "--portal", "nope")
        assert result.returncode == 2
        assert result.stderr.strip().splitlines() == [
            "error: --portal 'nope' is not a stored portal (known: a, b)"
        ]


def test_cells_excel_would_run_as_formulas_are_escaped(tmp_path):
    db, out = tmp_path / "x.db", tmp_path / "articles.csv"
    with_portals(db)
    hostile = ["=HYPERLINK(\"http://evil\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)"]
    sqlite = __import__("sqlite3").connect(db)
    sqlite.executemany(
        "INSERT INTO articles (url, portal, title, body, author, published_at, first_seen, "
        "last_seen) VALUES (?, 'b', ?, 'x', ?, '2024-05-01', 'x', 'x')",
        [(f"http://b.gov.vn/{i + 10}", text, text) for i, text in enumerate(hostile)],
    )
    sqlite.commit()
    sqlite.close()
    export_here(db, "articles", out, portal="b")
    table = {r["url"]: r for r in read(out)}
    for i, text in enumerate(hostile):
        row = table[f"http://b.gov.vn/{i + 10}"]
        assert row["title"] == row["author"] == "'" + text
    assert table["http://b.gov.vn/1"]["title"] == "Khác"
    indicators = tmp_path / "indicators.csv"
    export_here(db, "indicators", indicators)
    assert {r["value"] for r in read(indicators)} == {"1.24", "1.0", "2.0"}


def test_excel_cell_keeps_numbers_and_defuses_text():
    from crawler.exports import excel_cell, local_time

    assert [excel_cell(v) for v in (-5.2, 0, True, False, None, "=1+1", "\t=1", "a-b")] == [
        -5.2, 0, 1, 0, None, "'=1+1", "'\t=1", "a-b"
    ]
    assert local_time("2024-02-01T01:00:00+00:00") == "2024-02-01 08:00:00"
    assert local_time("2024-02-01") == "2024-02-01" and local_time(None) is None
