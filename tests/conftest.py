"""Shared test fixtures: the bundled portal mirror, gold data and a real `scrapy crawl` runner."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from crawler.mirror import MirrorServer

PROJECT = Path(__file__).resolve().parents[1]
FIXTURES = PROJECT / "tests" / "fixtures"
PORTALS = FIXTURES / "portals"
SCRAPY = str(Path(sys.executable).with_name("scrapy"))
FAST = ["-s", "AUTOTHROTTLE_ENABLED=0", "-s", "DOWNLOAD_DELAY=0", "-s", "RETRY_TIMES=1"]


def load_gold() -> tuple[list[dict], list[dict]]:
    lines = [json.loads(line) for line in (PORTALS / "gold.jsonl").read_text().splitlines()]
    return [g for g in lines if "body" in g], [g for g in lines if "listing" in g]


@pytest.fixture(scope="session")
def mirror():
    server = MirrorServer(PORTALS).start()
    yield server
    server.stop()


@pytest.fixture
def mirror_copy(tmp_path):
    """A writable copy of the mirror served on its own port, for tests that change pages."""
    root = tmp_path / "mirror"
    shutil.copytree(PORTALS, root)
    server = MirrorServer(root).start()
    yield server
    server.stop()


def crawl(
    spider: str, *arguments: str, db: Path, proxy: str, env: dict | None = None, timeout: int = 120
) -> subprocess.CompletedProcess:
    """Run a real `scrapy crawl` process through the mirror proxy into the SQLite file ``db``."""
    environment = {**os.environ, "http_proxy": proxy, "DATABASE_URL": f"sqlite:///{db}"}
    environment.pop("https_proxy", None)
    environment.update(env or {})
    command = [SCRAPY, "crawl", spider, *FAST, *arguments]  # later -s win over FAST
    return subprocess.run(
        command, cwd=PROJECT, env=environment, capture_output=True, text=True, timeout=timeout
    )


def rows(db: Path, query: str, *params) -> list[sqlite3.Row]:
    connection = sqlite3.connect(db)
    connection.row_factory = sqlite3.Row
    try:
        return connection.execute(query, params).fetchall()
    finally:
        connection.close()


def normalised(text: str) -> str:
    return " ".join((text or "").split())
