"""The pipelines' fast paths keep their results: the dedup claim's statements compiled once
and run on the driver (a crawl still finds the texts another crawl claimed first, on SQLite
and PostgreSQL), indicator rows inserted through the driver, and the indicator pipeline's
skip of bodies without a digit."""

import json
import re
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from conftest import database_url, load_gold, rows
from scrapy.exceptions import DropItem
from sqlalchemy.exc import OperationalError
from test_concurrent_writers import LONG_BODY
from test_pipelines import Chain, article

from crawler.db import (
    DedupBandRow,
    DriverStatement,
    IndicatorRow,
    create_schema,
    insert_for,
    insert_many,
    is_contention,
    make_engine,
)
from crawler.indicators import extract_indicators
from crawler.text.dedup import NearDuplicateIndex

GOLD_ARTICLES, _ = load_gold()
INDICATOR_FIXTURES = Path(__file__).parent / "fixtures" / "indicators"


def test_a_text_another_crawl_claimed_is_its_copy_exactly_or_nearly(database):
    """Two crawls open on one database before either stores anything: the second one's
    index is empty, so only the first one's claim (its hash, signature and LSH bands) can
    tell it that its texts are copies."""
    first, second = Chain(database), Chain(database)
    try:
        original_url = "http://yenmo.ninhbinh.gov.vn/tin/1"
        original = first.run(article(url=original_url, portal="ninhbinh-yenmo", body=LONG_BODY))
        assert original["duplicate_of"] is None

        edited = LONG_BODY.replace("tổ chức hội nghị", "tổ chức hội nghị trực tuyến")
        near = second.run(article(url="http://kimson.example/tin/2", portal="ninhbinh-kimson", body=edited))
        assert near["duplicate_of"] == original_url
        exact = second.run(article(url="http://kimson.example/tin/3", portal="ninhbinh-kimson", body=LONG_BODY))
        assert exact["duplicate_of"] == original_url
        with pytest.raises(DropItem, match=f"exact duplicate of {original_url}"):
            second.run(article(url="http://yenmo.ninhbinh.gov.vn/tin/4", portal="ninhbinh-yenmo", body=LONG_BODY))
        assert second.stat("dedup/claimed_elsewhere") == 2
        assert second.stat("dedup/near_duplicate") == 1
    finally:
        first.close()
        second.close()

    claims = rows(database, "SELECT id, url, portal, content_hash, signature FROM dedup_claims")
    assert [(c["url"], c["portal"]) for c in claims] == [(original_url, "ninhbinh-yenmo")]
    index = NearDuplicateIndex()
    signature = index.signature(LONG_BODY)
    assert bytes(claims[0]["signature"]) == signature.tobytes()
    assert claims[0]["content_hash"] == original["content_hash"]
    bands = rows(database, "SELECT band, claim FROM dedup_bands ORDER BY band")
    assert [b["band"] for b in bands] == sorted(set(index.band_keys(signature)))
    assert {b["claim"] for b in bands} == {claims[0]["id"]}


def test_a_body_without_a_digit_holds_no_indicator():
    """What lets IndicatorPipeline skip such a body: the extractor reads figures, years and
    table values, all written with digits. Every report and article of the fixtures, with
    its digits taken out, yields nothing (and with them, something)."""
    reports = [
        json.loads(line)["text"]
        for path in sorted(INDICATOR_FIXTURES.glob("reports*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    texts = reports + ["\n\n".join(gold["body"]) for gold in GOLD_ARTICLES]
    assert sum(bool(extract_indicators(text)) for text in texts) > len(reports)
    assert [text[:60] for text in texts if extract_indicators(re.sub(r"\d", "", text))] == []


def test_the_indicator_pipeline_does_not_read_a_body_without_a_digit(tmp_path, monkeypatch):
    chain = Chain(tmp_path / "i.db")
    read = []
    monkeypatch.setattr(
        "crawler.pipelines.indicators.extract_indicators", lambda body: read.append(body) or []
    )
    try:
        chain.run(article(url="http://a.example/1", body=re.sub(r"\d", "", LONG_BODY)))
        chain.run(article(url="http://a.example/2", body="Năm 2024, xã có 12 thôn. " * 8))
    finally:
        chain.close()
    assert len(read) == 1 and "12 thôn" in read[0]
    assert chain.stat("indicators/found") == 0


def test_indicator_rows_inserted_through_the_driver_read_back_as_sqlalchemy_stored_them(database):
    found = extract_indicators(LONG_BODY + "\n\nNăm 2024, tỷ lệ hộ nghèo giảm 1,2% so với năm 2023.")
    stamp = {"portal": "p", "published_at": None, "extracted_at": "2024-11-02T00:00:00+07:00"}
    batches = {
        url: [{**indicator.to_dict(), **stamp, "article_url": url} for indicator in found]
        for url in ("http://a.example/sqlalchemy", "http://a.example/driver")
    }
    engine = make_engine(database_url(database))
    create_schema(engine)
    try:
        with engine.begin() as connection:
            connection.execute(insert_for(engine)(IndicatorRow), batches["http://a.example/sqlalchemy"])
            insert_many(connection, IndicatorRow.__table__, batches["http://a.example/driver"])
        with pytest.raises(ValueError, match="no columns colour"), engine.begin() as connection:
            insert_many(connection, IndicatorRow.__table__, [{**batches["http://a.example/driver"][0], "colour": 1}])
    finally:
        engine.dispose()
    stored = {}
    for row in rows(database, "SELECT * FROM indicators ORDER BY id"):
        row = dict(row)
        del row["id"]
        stored.setdefault(row.pop("article_url"), []).append(row)
    assert len(stored["http://a.example/driver"]) == len(found) > 0
    assert stored["http://a.example/driver"] == stored["http://a.example/sqlalchemy"]


def test_a_driver_error_on_the_claims_cursor_is_sqlalchemys_and_a_lost_race_is_retried(tmp_path):
    """The claim's statements run on a driver cursor; what the driver raises still reaches
    the pipeline as SQLAlchemy's DBAPIError, so a lost race is told from a real fault."""
    database = tmp_path / "c.db"
    engine = make_engine(database_url(database))
    create_schema(engine)
    insert = DriverStatement(insert_for(engine)(DedupBandRow).values(band=1, claim=1), engine.dialect)
    holder = sqlite3.connect(database)
    holder.execute("BEGIN IMMEDIATE")  # another crawl's claim holds the write lock
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA busy_timeout=0")
            with closing(connection.connection.cursor()) as cursor:
                with pytest.raises(OperationalError) as raised:
                    insert.run_on_cursor(cursor, {})
        assert is_contention(raised.value)
    finally:
        holder.rollback()
        holder.close()
        engine.dispose()


def test_a_claim_whose_statements_fail_keeps_the_article_as_an_original(tmp_path):
    chain = Chain(tmp_path / "c.db")
    with sqlite3.connect(tmp_path / "c.db") as connection:
        connection.execute("DROP TABLE dedup_bands")
    try:
        item = chain.run(article(body=LONG_BODY))
        assert item["duplicate_of"] is None
        assert chain.stat("dedup/claim_failed") == 1
    finally:
        chain.close()
