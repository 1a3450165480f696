"""Two real scrapyd nodes on loopback with authentication sharing one PostgreSQL database:
`scrapy deploy` installs the project on both, `scrapy schedule` spreads portal jobs over them
and never posts a portal that is pending or running on either node."""

import subprocess
from pathlib import Path

import pytest
from conftest import PROJECT, load_gold, rows
from test_scrapyd import BIN, PASSWORD, SAMPLE_PORTALS, running_scrapyd

GOLD_ARTICLES, GOLD_LISTINGS = load_gold()
# Slow enough that every job is still pending or running when the second schedule runs.
SETTINGS = ["AUTOTHROTTLE_ENABLED=0", "DOWNLOAD_DELAY=0.3", "RETRY_TIMES=1"]


@pytest.fixture(scope="module")
def nodes(mirror, tmp_path_factory):
    with (
        running_scrapyd(tmp_path_factory.mktemp("node-a"), mirror.url) as first,
        running_scrapyd(tmp_path_factory.mktemp("node-b"), mirror.url) as second,
    ):
        deployed = scrapy("deploy", (first, second), "--version", "r1")
        assert deployed.returncode == 0, deployed.stderr[-3000:]
        yield first, second, deployed


def scrapy(command: str, nodes, *arguments: str, **environment) -> subprocess.CompletedProcess:
    """`scrapy COMMAND` with SCRAPYD_URL listing every node (comma-separated)."""
    urls = ",".join(node.url for node in nodes)
    return subprocess.run(
        [str(BIN / "scrapy"), command, *arguments],
        cwd=PROJECT,
        env=nodes[0].env(SCRAPYD_URL=urls, **environment),
        capture_output=True,
        text=True,
        timeout=180,
    )


def test_deploy_installs_one_egg_on_every_node_in_one_command(nodes):
    *nodes, result = nodes
    printed = [line.split("\t") for line in result.stdout.splitlines()]
    assert [url for url, _ in printed] == [node.url for node in nodes]
    for node in nodes:
        assert node.call("listversions.json?project=crawler")["versions"] == ["r1"]
        assert set(SAMPLE_PORTALS) <= set(node.call("listspiders.json?project=crawler")["spiders"])


def test_a_wrong_password_stops_the_deploy_with_one_line(nodes):
    nodes = nodes[:2]
    result = scrapy("deploy", nodes, SCRAPYD_PASSWORD="wrong")
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"error: scrapyd at {nodes[0].url} refused the credentials (HTTP 401): "
        "set SCRAPYD_USERNAME and SCRAPYD_PASSWORD to its username and password"
    ]
    assert PASSWORD not in result.stderr + result.stdout


def test_jobs_spread_over_the_nodes_never_twice_and_every_article_stored_once(nodes, postgres):
    nodes = nodes[:2]
    database = postgres.database()
    portals = [a for portal in SAMPLE_PORTALS.values() for a in ("--portal", portal)]
    settings = [a for s in [f"DATABASE_URL={database}", *SETTINGS] for a in ("-s", s)]
    first = scrapy("schedule", nodes, *portals, *settings)
    assert first.returncode == 0, first.stderr
    posted = [line.split("\t") for line in first.stdout.splitlines()]
    # The node with the fewest pending and running jobs first, the first node on a tie.
    assert [(job, url) for _, job, url in posted] == [
        ("hungyen -a portal=hungyen-kimdong", nodes[0].url),
        ("ninhbinh -a portal=ninhbinh-yenmo", nodes[1].url),
        ("haiduong -a portal=haiduong-quangthanh", nodes[0].url),
    ]
    again = scrapy("schedule", nodes, *portals, *settings)
    assert again.returncode == 0, again.stderr
    assert again.stdout == ""  # every portal is still pending or running on one of the nodes
    assert sorted(again.stderr.strip().splitlines()) == sorted(
        f"skipped: {job}: already pending or running" for _, job, _ in posted
    )
    for node in nodes:
        mine = {job_id for job_id, _, url in posted if url == node.url}
        finished = node.wait_finished(mine, timeout=150)
        for job_id in mine:
            assert finished[job_id]["id"] == job_id
    hosts = {g["host"] for g in GOLD_LISTINGS if g["family"] in SAMPLE_PORTALS}
    expected = sorted(g["url"] for g in GOLD_ARTICLES if g["host"] in hosts)
    stored = rows(database, "SELECT url FROM articles ORDER BY url")
    assert [r["url"] for r in stored] == expected  # each once (url is unique: no doubles)
    runs = rows(database, "SELECT portal, job FROM crawl_runs ORDER BY portal")
    assert sorted(r["job"] for r in runs) == sorted(job_id for job_id, _, _ in posted)
    for node in nodes:  # the database password is in no job log
        for log in Path(node.folder, "logs").rglob("*.log"):
            assert database.split("@")[0].split(":")[-1] not in log.read_text()
