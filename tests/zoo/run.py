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
import unicodedata
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from .server import ZooServer, page_key, stored_key
from .texts import SIDEBAR_TITLES
from .variants import Variant, Zoo, build_zoo, sidebar_stories

RELATED = {s.date[8:] + "/" + s.date[5:7] + "/" + s.date[:4] for s in sidebar_stories()}

PROJECT = Path(__file__).resolve().parents[2]
SCRAPY = str(Path(sys.executable).with_name("scrapy"))
FAST = [
    "-s", "AUTOTHROTTLE_ENABLED=0", "-s", "DOWNLOAD_DELAY=0", "-s", "RETRY_TIMES=0",
    "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=8", "-s", "LOG_LEVEL=INFO",
]  # fmt: skip
CRAWL_TIMEOUT = 180  # a loaded 2-core machine took 60 s for one small crawl


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
    stored: list[dict] = field(default_factory=list)
    failures: list[dict] = field(default_factory=list)
    # with recrawl: the pages a second, incremental crawl into the same database asked for
    recrawl_requests: list[str] | None = None

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


def crawl(run: Run, zoo: Zoo, workdir: Path, recrawl: bool = False) -> Run:
    """Crawl ``run``'s variant through a server of its own (so that its request log is this
    crawl's); ``recrawl``: then crawl again, incrementally, into the same database."""
    if run.spider is None:
        return run
    db = workdir / f"{run.variant.name}-{run.role}.db"
    for old in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        old.unlink(missing_ok=True)  # a kept database would make this crawl incremental
    server = ZooServer({run.variant.host: zoo.sites[run.variant.host]}).start()
    try:
        run.returncode, run.stderr = scrapy_crawl(run, zoo, server.url, db)
        if db.exists():
            run.stored = query(db, "SELECT * FROM articles")
            run.failures = query(db, "SELECT * FROM failures")
        if recrawl:
            first = len(server.requests)
            scrapy_crawl(run, zoo, server.url, db)
            run.recrawl_requests = [r[1] for r in server.requests[first:] if r[0] == "GET"]
    finally:
        server.stop()
    return run


def scrapy_crawl(run: Run, zoo: Zoo, proxy: str, db: Path) -> tuple[int, str]:
    env = {
        **os.environ,
        "http_proxy": proxy,
        "https_proxy": proxy,
        "DATABASE_URL": f"sqlite:///{db}",
    }
    env.pop("no_proxy", None)
    env.pop("NO_PROXY", None)
    listing = zoo.sites[run.variant.host].listing
    command = [SCRAPY, "crawl", run.spider, "-a", f"url={listing}", *FAST]
    try:
        done = subprocess.run(
            command, cwd=PROJECT, env=env, capture_output=True, text=True, timeout=CRAWL_TIMEOUT
        )
        return done.returncode, done.stderr
    except subprocess.TimeoutExpired as expired:
        return -1, f"timed out after {CRAWL_TIMEOUT}s\n{expired.stderr}"


def query(db: Path, sql: str) -> list[dict]:
    connection = sqlite3.connect(db)
    connection.row_factory = sqlite3.Row
    try:
        return [dict(row) for row in connection.execute(sql)]
    except sqlite3.OperationalError:
        return []
    finally:
        connection.close()


def run_zoo(
    names: list[str] | None = None,
    jobs: int | None = None,
    extra: tuple[Variant, ...] = (),
    role: str | None = None,
    keep: Path | None = None,
    recrawl: bool = False,
) -> tuple[Zoo, list[Run]]:
    """Crawl the chosen variants (all by default); ``keep``: a folder that keeps each crawl's
    SQLite file (``<variant>-<role>.db``) for a closer look; ``recrawl``: crawl each variant
    a second time into the same database (an incremental crawl must fetch no stored article)."""
    zoo = build_zoo(names, extra)
    runs = [r for r in runs_for(zoo, spider_names()) if role in (None, r.role)]
    jobs = jobs or int(os.environ.get("ZOO_JOBS", "3"))
    with tempfile.TemporaryDirectory(prefix="zoo-") as tmp:
        workdir = Path(keep or tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        with ThreadPoolExecutor(max_workers=jobs) as pool:
            list(pool.map(lambda r: crawl(r, zoo, workdir, recrawl), runs))
    return zoo, runs


def parse_in_process(variant: Variant, zoo: Zoo) -> Run:
    """What the generic spider would store for ``variant``, without a crawl: its listing
    pages walked with the generic listing parser (next URLs, and postbacks answered as the
    zoo's server answers them),
    each listed article parsed by the generic article parser, dated as the item pipeline
    dates it (the article's date refined by the listing's). Seconds for a whole zoo, so
    that ``make test`` can score the held-out portals without crawling them."""
    from crawler.articles import read_page
    from crawler.dates import refine_with
    from crawler.parsing import generic

    site = zoo.sites[variant.host]
    pages = {unquote(stored_key(url)): page for url, page in site.pages.items()}
    templates = generic.HostTemplates()
    run = Run(variant, "generic", "generic", returncode=0)
    entries, seen, url, prefer = [], set(), site.listing, None
    while url and url not in seen and len(seen) < 20:
        seen.add(url)
        page = pages.get(unquote(stored_key(url)))
        if page is None:
            run.failures.append({"url": url, "reason": "HTTP 404"})
            break
        templates.observe(variant.host, read_page(url, page.html.encode()).root, listing=True)
        listing = generic.parse_listing(page.html, url, prefer)
        prefer = prefer or listing.item_path
        entries += [e for e in listing.entries if e.url not in {x.url for x in entries}]
        url = listing.next_url
        if listing.next_postback and page.postback:  # what the server answers to the POST
            url = page.postback[2].get(listing.next_postback.argument)
    articles = []
    for entry in entries:
        page = pages.get(unquote(page_key(entry.url)))
        if page is None:
            run.failures.append({"url": entry.url, "reason": "HTTP 404"})
            continue
        articles.append((entry, read_page(entry.url, page.html.encode())))
        templates.observe(variant.host, read_page(entry.url, page.html.encode()).root, False)
    for entry, article_page in articles:
        parsed = generic.parse_article(
            article_page.root, entry.url, entry.title, templates.for_host(variant.host)
        )
        published = refine_with(parsed.published, entry.published)
        run.stored.append(
            {
                "url": entry.url,
                "title": parsed.title,
                "published_at": published.isoformat() if published else None,
                "author": parsed.author,
                "view_count": parsed.view_count,
                "body": parsed.body,
            }
        )
    return run


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
    refetched: int | None = None  # stored articles fetched again by a re-crawl (if one ran)
    problems: list[str] = field(default_factory=list)
    kinds: Counter = field(default_factory=Counter)  # failed checks by kind

    @property
    def perfect(self) -> bool:
        return not self.problems


def score(run: Run, zoo: Zoo) -> Score:
    site = zoo.sites[run.variant.host]
    result = Score(run, expected=len(site.articles))
    if run.spider is None:
        wanted = ", ".join(run.variant.family_spiders)
        result.problems.append(f"no family spider for platform {run.variant.platform} ({wanted})")
        result.kinds["no family spider"] += 1
        return result
    if run.returncode != 0:
        result.problems.append(f"crawl exited {run.returncode}: {run.stderr.strip()[-300:]}")
        result.kinds["crawl failed"] += 1
    matched = set()
    for gold in site.articles:
        row = next((r for r in run.stored if same_page(r["url"], gold["url"])), None)
        where = gold["url"]
        if row is None:
            result.problems.append(f"{where}: not stored")
            result.kinds["article not stored"] += 1
            continue
        matched.add(row["url"])
        result.found += 1
        check(result, "title", norm(row["title"]) == norm(gold["title"]), where,
              row["title"], gold["title"])  # fmt: skip
        date = expected_date(gold)
        dates = {date, expected_date({**gold, "time": None})} if gold["time_optional"] else {date}
        check(result, "date", row["published_at"] in dates, where, row["published_at"], date)
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
            result.kinds[f"left: {kind_of(line, gold)}"] += 1
        for line in lost:
            result.problems.append(f"{where}: article line lost: {line[:90]!r}")
            result.kinds["lost: table row" if " | " in line else "lost: paragraph"] += 1
    result.extra = len([r for r in run.stored if r["url"] not in matched])
    if run.recrawl_requests is not None:
        stored = [
            g["url"]
            for g in site.articles
            if any(same_page(g["url"], r["url"]) for r in run.stored)
        ]
        again = [url for url in run.recrawl_requests if any(same_page(url, g) for g in stored)]
        result.refetched = len(again)
        for url in again:
            result.problems.append(f"{url}: stored, yet fetched again by the incremental re-crawl")
            result.kinds["stored article fetched again on re-crawl"] += 1
    return result


def check(result: Score, name: str, ok: bool, where: str, got, want) -> None:
    if ok:
        setattr(result, name, getattr(result, name) + 1)
        return
    result.problems.append(f"{where}: {name} {got!r}, expected {want!r}")
    if name == "date":
        got_day = (got or "")[:10]
        why = "missing" if not got else ("wrong time" if got_day == want[:10] else "wrong day")
        result.kinds[f"date {why}"] += 1
    elif want is None:
        result.kinds[f"{name} where there is none"] += 1
    else:
        result.kinds[f"{name} {'missed' if got is None else 'wrong'}"] += 1


SHARE = ("Chia sẻ", "Facebook", "Zalo", "In bài viết")
ATTACHMENT = ("đính kèm", "Tải về")
BYLINE = ("Tin, ảnh", "Tác giả", "Nguồn tin")


def kind_of(line: str, gold: dict) -> str:
    """What a body line that is not article text is."""
    if any(word in line for word in SHARE):
        return "share/print bar"
    if any(word in line for word in ATTACHMENT):
        return "attachment line"
    if (gold["author"] and gold["author"] in line) or any(word in line for word in BYLINE):
        return "byline"
    if line.startswith("Tin liên quan") or line.strip("()") in RELATED:
        return "related-news list"
    if any(title in line for title in SIDEBAR_TITLES):
        return "related-news list"
    if any(line in row.split(" | ") for row in gold["body"] if " | " in row):
        return "table cell as a line"
    if "Cỡ chữ" in line or line in ("A-", "A", "A+"):
        return "font-size bar"
    return "other"


# ---------------------------------------------------------------------------- table


def table(scores: list[Score]) -> str:
    recrawled = any(s.refetched is not None for s in scores)
    head = (
        "| variant | platform | spider | articles | title | date | author | views "
        "| boilerplate left | lines lost | other articles stored | failures recorded"
        + (" | fetched again on re-crawl |\n" if recrawled else " |\n")
        + "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
        + ("---:|\n" if recrawled else "\n")
    )
    rows = []
    for s in scores:
        run = s.run
        spider = run.spider or f"— (no `{run.variant.family_spiders[0]}`)"
        n = s.found
        rows.append(
            f"| {run.variant.name} | {run.variant.platform} | {spider} | {s.found}/{s.expected} "
            f"| {s.title}/{n} | {s.date}/{n} | {s.author}/{n} | {s.views}/{n} | {s.left} "
            f"| {s.lost} | {s.extra} | {len(run.failures)} |"
            + (f" {'—' if s.refetched is None else s.refetched} |" if recrawled else "")
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


def kinds_table(scores: list[Score]) -> str:
    """Failed checks by kind, with the crawls they occur in."""
    total: Counter = Counter()
    where: dict[str, list[str]] = {}
    for s in scores:
        for kind, count in s.kinds.items():
            total[kind] += count
            where.setdefault(kind, []).append(s.run.label)
    lines = ["| failure | count | crawls |", "|---|---:|---|"]
    for kind, count in total.most_common():
        crawls = where[kind]
        shown = ", ".join(crawls[:4]) + (f" and {len(crawls) - 4} more" if len(crawls) > 4 else "")
        lines.append(f"| {kind} | {count} | {shown} |")
    return "\n".join(lines) + "\n"
