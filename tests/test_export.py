"""CSV for Excel: `scrapy export` and `scrapy crawl -O file.csv` both write UTF-8 with BOM."""

import csv
import subprocess

from conftest import PROJECT, SCRAPY, crawl

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
