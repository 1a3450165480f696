"""Every shell example of README.md that runs `scrapy …` or `python -m crawler…` works on the
demo data (a database made as `make demo` makes it: crawler/demo.py through the bundled
mirror). Examples that cannot run here are listed in NOT_RUN with the reason; an example
that is neither run nor listed fails the test, so a new example is tried the day it is
written. Commands run in parallel, each in a scratch folder on a copy of the database, with
the mirror as their proxy."""

from __future__ import annotations

import importlib
import multiprocessing
import os
import re
import runpy
import shlex
import shutil
import sqlite3
import subprocess
import sys
import traceback
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import scrapy.cmdline
from conftest import PORTALS, PROJECT

from crawler.mirror import MirrorServer

README = PROJECT / "README.md"
SCRAPY = str(Path(sys.executable).with_name("scrapy"))

NETWORK = "needs the real portal (not in the bundled mirror): no network here"
NOT_RUN = {
    "scrapy crawl hungyen": f"every registry portal of the family: {NETWORK}",
    "scrapy crawl ninhbinh -a url=http://kimson.ninhbinh.gov.vn/tin-tuc-su-kien.html": NETWORK,
    "scrapy explore --db other.db --port 8002": "serves until stopped (test_explorer.py "
    "starts the explorer and opens it in Chromium)",
    "scrapy explore --host 0.0.0.0 --port 8001": "serves until stopped, on every interface",
    "scrapy crawl generic -a url=http://anbinh.example.gov.vn/tin-tuc.html": "an example "
    "host that does not exist (test_generic_e2e.py crawls unknown portals)",
    "scrapy crawl generic -a url=http://anbinh.example.gov.vn/tin-tuc.html -a max_pages=2": (
        "an example host that does not exist"
    ),
    "scrapy crawl portal": f"every registry portal: {NETWORK}",
    "scrapy discover http://hungyen.gov.vn/ > new-portals.toml": (
        f"{NETWORK} (test_discovery.py crawls a copy)"
    ),
    "scrapy discover http://hungyen.gov.vn/ --depth 1 --write": f"{NETWORK}; also appends "
    "to the registry",
    "scrapy crawl haiduong -O data/haiduong.jsonl": f"every haiduong portal: {NETWORK}",
    "scrapy crawl haiduong -o data/haiduong.jsonl": f"every haiduong portal: {NETWORK}",
    """scrapy crawl haiduong -s 'FEEDS={"data/%(name)s-%(time)s.csv": {"format": "csv"}}'""": (
        f"every haiduong portal: {NETWORK}"
    ),
    "scrapy schedule": "needs a running scrapyd (test_scrapyd.py starts one)",
    "scrapy schedule --family haiduong --per-portal": "needs a running scrapyd",
    "scrapy schedule --portal ninhbinh-yenmo --portal hungyen-kimdong": "needs a running scrapyd",
    "scrapy schedule --schedule hourly": "needs a running scrapyd",
    "scrapy schedule -s DOWNLOAD_DELAY=2": "needs a running scrapyd",
}
# Exit codes the README documents for an example besides 0.
# 1: a portal is unhealthy (the registry's portals the demo never crawled are).
EXIT_CODES = {"scrapy health": (0, 1)}


def readme_examples() -> list[str]:
    """The `scrapy …` and `python -m crawler…` command lines of README's code blocks, without
    their comments (a line may start with VAR=value assignments)."""
    examples, in_block = [], False
    for line in README.read_text(encoding="utf-8").splitlines():
        if line.startswith("```"):
            in_block = not in_block
            continue
        if not in_block:
            continue
        try:
            words = shlex.split(line, comments=True)
        except ValueError:
            continue
        command = [w for w in words if not re.fullmatch(r"[A-Za-z_]+=\S*", w)][:3]
        if command[:1] == ["scrapy"] or (
            command[:2] == ["python", "-m"] and command[2:3] and command[2].startswith("crawler")
        ):
            examples.append(re.split(r"\s+#\s", line, maxsplit=1)[0].strip())
    return examples


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The demo database and the mirror its crawls used, kept serving for the examples."""
    folder = tmp_path_factory.mktemp("demo")
    database = f"sqlite:///{folder / 'crawler.db'}"
    environment = {**os.environ, "DATABASE_URL": database, "DEMO_CSV": str(folder / "a.csv")}
    environment.pop("http_proxy", None)
    done = subprocess.run([sys.executable, "-m", "crawler.demo"], cwd=PROJECT,
                          env=environment, capture_output=True, text=True, timeout=300)  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    server = MirrorServer(PORTALS).start()
    yield folder, server
    server.stop()


# Children are forked from a server process that imported Scrapy once and runs no threads
# (forking this multi-threaded test process could copy a held lock into a child).
FORKSERVER = multiprocessing.get_context("forkserver")
FORKSERVER.set_forkserver_preload(["scrapy.cmdline", "crawler.settings", "crawler.spiders.base"])


def run_example(example: str, folder: Path, server) -> tuple[Path, subprocess.CompletedProcess]:
    """Run one example in its own folder, on its own copy of the demo database, in a child
    forked with Scrapy already imported (a second each instead of three)."""
    work = folder / re.sub(r"\W+", "-", example)[:80]
    (work / "data").mkdir(parents=True)
    shutil.copy(folder / "crawler.db", work / "crawler.db")
    stored = sqlite3.connect(work / "crawler.db")
    [url] = stored.execute("SELECT url FROM articles ORDER BY url LIMIT 1").fetchone()
    [body] = stored.execute("SELECT body FROM articles ORDER BY length(body) DESC").fetchone()
    stored.close()
    (work / "article.txt").write_text(body, encoding="utf-8")
    command = example.replace("http://…", url).replace("http://127.0.0.1:8089", server.url)
    words = shlex.split(command)
    environment = {
        "DATABASE_URL": f"sqlite:///{work / 'crawler.db'}",
        "http_proxy": server.url,
        "SCRAPY_SETTINGS_MODULE": "crawler.settings",
    }
    while "=" in words[0]:
        name, value = words.pop(0).split("=", 1)
        environment[name] = value
    if words[1] == "crawl":
        words += ["-s", "AUTOTHROTTLE_ENABLED=0", "-s", "DOWNLOAD_DELAY=0"]
    child = FORKSERVER.Process(target=_run_in_child, args=(words, environment, work))
    child.start()
    child.join(timeout=180)
    if child.exitcode is None:
        child.kill()
    return work, subprocess.CompletedProcess(
        words,
        child.exitcode,
        (work / "stdout").read_text(errors="replace"),
        (work / "stderr").read_text(errors="replace"),
    )


def _run_in_child(words: list[str], environment: dict, work: Path) -> None:
    os.chdir(work)
    os.environ.update(environment)
    os.environ.pop("https_proxy", None)
    importlib.reload(importlib.import_module("crawler.settings"))  # reads the environment
    sys.stdout = open(work / "stdout", "w", encoding="utf-8")  # noqa: SIM115 (the child's)
    sys.stderr = open(work / "stderr", "w", encoding="utf-8")  # noqa: SIM115
    os.dup2(sys.stdout.fileno(), 1)
    os.dup2(sys.stderr.fileno(), 2)
    code = 0
    try:
        if words[0] == "scrapy":
            scrapy.cmdline.execute(words)
        else:  # python -m crawler.…
            sys.argv = words[2:]
            runpy.run_module(words[2], run_name="__main__", alter_sys=True)
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else 1
    except BaseException:
        traceback.print_exc()
        code = 1
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)  # not the parent's (pytest's) exit handlers


def produced(work: Path, result) -> str:
    """What an example printed or wrote: its standard output, the files it made and, for a
    crawl, its summary table."""
    made = [p for p in work.rglob("*") if p.suffix in (".csv", ".jsonl") and p.stat().st_size]
    summary = re.findall(r"crawl summary .*|'item_scraped_count': [1-9]", result.stderr)
    return result.stdout + "".join(p.read_text(errors="replace")[:200] for p in made) + "".join(
        summary
    )


def test_every_readme_example_is_run_or_says_why_not():
    examples = readme_examples()
    assert len(examples) > 30
    stale = [example for example in NOT_RUN if example not in examples]
    assert not stale, f"NOT_RUN lists examples the README no longer has: {stale}"


def test_readme_examples_work_on_the_demo_data(demo):
    folder, server = demo
    runnable = [e for e in dict.fromkeys(readme_examples()) if e not in NOT_RUN]
    with ThreadPoolExecutor(max_workers=3) as pool:
        results = list(pool.map(lambda e: (e, *run_example(e, folder, server)), runnable))
    problems = []
    for example, work, result in results:
        allowed = next((c for p, c in EXIT_CODES.items() if example.startswith(p)), (0,))
        output = produced(work, result)
        if result.returncode not in allowed:
            problems.append(f"{example}: exit {result.returncode}: {result.stderr[-600:]}")
        elif "Traceback" in result.stderr or not output.strip():
            problems.append(f"{example}: printed and wrote nothing: {result.stderr[-600:]}")
    assert not problems, "\n\n".join(problems)
