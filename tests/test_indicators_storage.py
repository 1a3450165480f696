"""Catalogue code and plan value reach the `indicators` table, old databases and the export."""

import csv
import sqlite3
import subprocess

from conftest import PROJECT, SCRAPY
from test_pipelines import Chain, article

from crawler.db import create_schema, make_engine

REPORT = (
    "Kết quả 6 tháng đầu năm 2023:\n\n- Sản lượng lúa: 2.961 tấn, đạt 50,2% kế hoạch.\n\n"
    "- Diện tích lúa nước đạt 48,5/46 ha.\n\nMục tiêu đến năm 2025:\n\n"
    "- Thu nhập bình quân đầu người đạt 60 triệu đồng."
)
OLD_INDICATORS_TABLE = """CREATE TABLE indicators (
    id INTEGER PRIMARY KEY, article_url VARCHAR(2048), portal VARCHAR(200), name TEXT,
    value FLOAT, value_max FLOAT, unit VARCHAR(60), kind VARCHAR(10), year INTEGER,
    change BOOLEAN, period VARCHAR(60), qualifier VARCHAR(4), total FLOAT, sentence TEXT,
    published_at VARCHAR(32), extracted_at VARCHAR(32))"""


def test_an_old_database_gains_the_columns_and_rows_carry_code_and_plan(tmp_path):
    db = tmp_path / "old.db"
    connection = sqlite3.connect(db)
    connection.execute(OLD_INDICATORS_TABLE)
    connection.commit()
    connection.close()
    engine = make_engine(f"sqlite:///{db}")
    create_schema(engine)
    engine.dispose()
    chain = Chain(db)
    chain.run(article(body=REPORT))
    chain.close()
    stored = chain.query(
        "SELECT name, indicator, value, unit, kind, year, plan_value FROM indicators ORDER BY id")
    assert stored == [
        ("sản lượng lúa", "rice_output", 2961.0, "tấn", "actual", 2023, None),
        ("sản lượng lúa", "rice_output", 50.2, "% kế hoạch", "actual", 2023, None),
        ("diện tích lúa nước", "rice_area", 48.5, "ha", "actual", 2023, 46.0),
        ("thu nhập bình quân đầu người", "income_per_capita", 60e6, "VND", "target", 2025, None),
    ]
    out = tmp_path / "indicators.csv"
    result = subprocess.run(
        [SCRAPY, "export", "indicators", "-o", str(out), "-s", f"DATABASE_URL=sqlite:///{db}"],
        cwd=PROJECT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    table = list(csv.DictReader(out.read_bytes().decode("utf-8-sig").splitlines()))
    assert {"indicator", "plan_value", "plan_value_max"} <= set(table[0])
    assert [(r["indicator"], r["plan_value"]) for r in table if r["unit"] == "ha"] == [
        ("rice_area", "46.0")]
