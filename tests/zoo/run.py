"""Crawl every zoo variant for real and score each field against its gold.

Each variant portal is crawled by its platform's family spider (when one exists) and by the
generic spider: real ``scrapy crawl`` processes through the zoo's loopback proxy, each into
its own SQLite file. Crawls run a few at a time (``ZOO_JOBS``, default 3).
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import tempfile
import time
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from .server import ZooServer, page_key
from .variants import Variant, Zoo, build_zoo

PROJECT = Path(__file__).resolve().parents[2]
SCRAPY = str(Path(sys.executable).with_name("scrapy"))
FAST = [
    "-s", "AUTOTHROTTLE_ENABLED=0", "-s", "DOWNLOAD_DELAY=0", "-s", "RETRY_TIMES=0",
    "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=8", "-s", "LOG_LEVEL=INFO",
]  # fmt: skip
CRAWL_TIMEOUT = 90


def spider_names() -> list[str]:
    """The spiders the project has (Scrapy's own loader, in-process)."""
    cwd = os.getcwd()
    os.chdir(PROJECT)
    try:
        from scrapy.spiderloader import SpiderLoader
        from scrapy.utils.project import get_project_settings

        return sorted(SpiderLoader.from_settings(get_project_settings()).list())
    finally:
        os.chdir(cwd)


@dataclass
class Run:
    """One crawl of one variant by one spider."""

    variant: Variant
    role: str  # "family" or "generic"
    spider: str | None  # None: the platform has a family but no spider of that name exists
    returncode: int | None = None
    stderr: str = ""
    seconds: float = 0.0
    stored: list[dict] = field(default_factory=list)
    failures: list[dict] = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"{self.variant.name}/{self.role}"


def runs_for(zoo: Zoo, spiders: list[str]) -> list[Run]:
    runs = []
    for variant in zoo.variants:
        if variant.family_spiders:
            spider = next((s for s in variant.family_spiders if s in spiders), None)
            runs.append(Run(variant, "family", spider))
        runs.append(Run(variant, "generic", "generic"))
    return runs


def crawl(run: Run, listing: str, proxy: str, workdir: Path) -> Run:
    if run.spider is None:
        return run
    db = workdir / f"{run.variant.name}-{run.role}.db"
    env = {**os.environ, "http_proxy": proxy, "https_proxy": proxy,
           "DATABASE_URL": f"sqlite:///{db}", "SPIDERMON_ENABLED": "0"}  # fmt: skip
    env.pop("no_proxy", None)
    env.pop("NO_PROXY", None)
    command = [SCRAPY, "crawl", run.spider, "-a", f"url={listing}", *FAST]
    started = time.monotonic()
    try:
        done = subprocess.run(
            command, cwd=PROJECT, env=env, capture_output=True, text=True, timeout=CRAWL_TIMEOUT
        )
        run.returncode, run.stderr = done.returncode, done.stderr
    except subprocess.TimeoutExpired as expired:
        run.returncode, run.stderr = -1, f"timed out after {CRAWL_TIMEOUT}s\n{expired.stderr}"
    run.seconds = time.monotonic() - started
    if db.exists():
        run.stored = query(db, "SELECT * FROM articles")
        run.failures = query(db, "SELECT * FROM failures")
    return run


def query(db: Path, sql: str) -> list[dict]:
    connection = sqlite3.connect(db)
    connection.row_factory = sqlite3.Row
    try:
        return [dict(row) for row in connection.execute(sql)]
    except sqlite3.OperationalError:
        return []
    finally:
        connection.close()


def run_zoo(names: list[str] | None = None, jobs: int | None = None) -> tuple[Zoo, list[Run]]:
    zoo = build_zoo(names)
    runs = runs_for(zoo, spider_names())
    server = ZooServer(zoo.sites).start()
    jobs = jobs or int(os.environ.get("ZOO_JOBS", "3"))
    try:
        with tempfile.TemporaryDirectory(prefix="zoo-") as tmp:
            with ThreadPoolExecutor(max_workers=jobs) as pool:
                list(
                    pool.map(
                        lambda r: crawl(
                            r, zoo.sites[r.variant.host].listing, server.url, Path(tmp)
                        ),
                        runs,
                    )
                )
    finally:
        server.stop()
    return zoo, runs


# ---------------------------------------------------------------------------- scoring


def norm(text: str | None) -> str:
    return " ".join(unicodedata.normalize("NFC", text or "").split())


def lines(body: str | None) -> list[str]:
    return [norm(line) for line in (body or "").splitlines() if norm(line)]


def expected_date(gold: dict) -> str:
    return f"{gold['date']}T{gold['time'] or '00:00'}:00+07:00"


def same_page(a: str, b: str) -> bool:
    return unquote(page_key(a)) == unquote(page_key(b))


@dataclass
class Score:
    run: Run
    expected: int = 0
    found: int = 0
    title: int = 0
    date: int = 0
    author: int = 0
    views: int = 0
    left: int = 0  # boilerplate lines left in bodies
    lost: int = 0  # article lines missing from bodies
    extra: int = 0  # stored articles that are not the variant's list
    problems: list[str] = field(default_factory=list)

    @property
    def perfect(self) -> bool:
        return not self.problems


def score(run: Run, zoo: Zoo) -> Score:
    site = zoo.sites[run.variant.host]
    result = Score(run, expected=len(site.articles))
    if run.spider is None:
        wanted = ", ".join(run.variant.family_spiders)
        result.problems.append(f"no family spider for platform {run.variant.platform} ({wanted})")
        return result
    if run.returncode != 0:
        result.problems.append(f"crawl exited {run.returncode}: {run.stderr.strip()[-300:]}")
    matched = set()
    for gold in site.articles:
        row = next((r for r in run.stored if same_page(r["url"], gold["url"])), None)
        where = gold["url"]
        if row is None:
            result.problems.append(f"{where}: not stored")
            continue
        matched.add(row["url"])
        result.found += 1
        check(result, "title", norm(row["title"]) == norm(gold["title"]), where,
              row["title"], gold["title"])  # fmt: skip
        date = expected_date(gold)
        check(result, "date", row["published_at"] == date, where, row["published_at"], date)
        check(result, "author", norm(row["author"]) == norm(gold["author"]), where,
              row["author"], gold["author"])  # fmt: skip
        check(result, "views", row["view_count"] == gold["views"], where,
              row["view_count"], gold["views"])  # fmt: skip
        got, want = lines(row["body"]), [norm(x) for x in gold["body"]]
        left = [x for x in got if x not in want]
        lost = [x for x in want if x not in got]
        result.left += len(left)
        result.lost += len(lost)
        for line in left:
            result.problems.append(f"{where}: boilerplate left in body: {line[:90]!r}")
        for line in lost:
            result.problems.append(f"{where}: article line lost: {line[:90]!r}")
    result.extra = len([r for r in run.stored if r["url"] not in matched])
    return result


def check(result: Score, name: str, ok: bool, where: str, got, want) -> None:
    if ok:
        setattr(result, name, getattr(result, name) + 1)
    else:
        result.problems.append(f"{where}: {name} {got!r}, expected {want!r}")


# ---------------------------------------------------------------------------- table


def table(scores: list[Score]) -> str:
    head = (
        "| variant | platform | spider | articles | title | date | author | views "
        "| boilerplate left | lines lost | extra stored | s |\n"
        "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
    )
    rows = []
    for s in scores:
        run = s.run
        spider = run.spider or f"— (no `{run.variant.family_spiders[0]}`)"
        n = s.found
        rows.append(
            f"| {run.variant.name} | {run.variant.platform} | {spider} | {s.found}/{s.expected} "
            f"| {s.title}/{n} | {s.date}/{n} | {s.author}/{n} | {s.views}/{n} | {s.left} "
            f"| {s.lost} | {s.extra} | {run.seconds:.1f} |"
        )
    total = len(scores)
    perfect = sum(s.perfect for s in scores)
    found = sum(s.found for s in scores)
    expected = sum(s.expected for s in scores)
    summary = (
        f"\n{perfect} of {total} crawls perfect; articles found {found}/{expected}; "
        f"titles {sum(s.title for s in scores)}, dates {sum(s.date for s in scores)}, "
        f"authors {sum(s.author for s in scores)}, view counts {sum(s.views for s in scores)} "
        f"exact of {found} found; {sum(s.left for s in scores)} boilerplate lines left, "
        f"{sum(s.lost for s in scores)} article lines lost.\n"
    )
    return head + "\n".join(rows) + "\n" + summary
