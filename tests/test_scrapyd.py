"""A real scrapyd on 127.0.0.1 with authentication: deploy with scrapyd-deploy, crawl, schedule.

scrapyd runs in its own folder, outside the project, so its jobs can import the crawler only
from the deployed egg; its jobs inherit its environment, so http_proxy points them at the
portal mirror.
"""

import base64
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from conftest import PROJECT, load_gold, rows

BIN = Path(sys.executable).parent
USERNAME, PASSWORD = "crawler-ops", "s3cret-for-tests"
FAST = ["AUTOTHROTTLE_ENABLED=0", "DOWNLOAD_DELAY=0", "RETRY_TIMES=1"]
GOLD_ARTICLES, GOLD_LISTINGS = load_gold()
SAMPLE_PORTALS = {
    "hungyen": "hungyen-kimdong",
    "ninhbinh": "ninhbinh-yenmo",
    "haiduong": "haiduong-quangthanh",
}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Scrapyd:
    def __init__(self, folder: Path, port: int):
        self.folder = folder
        self.url = f"http://127.0.0.1:{port}"

    def call(self, endpoint: str, data: list | None = None, auth: bool = True) -> dict:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(f"{self.url}/{endpoint}", data=body)
        if auth:
            token = base64.b64encode(f"{USERNAME}:{PASSWORD}".encode()).decode()
            request.add_header("Authorization", f"Basic {token}")
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read())

    def env(self, **extra) -> dict:
        """The environment of a deploying or scheduling user."""
        environment = {
            **os.environ,
            "SCRAPYD_URL": self.url,
            "SCRAPYD_USERNAME": USERNAME,
            "SCRAPYD_PASSWORD": PASSWORD,
        }
        environment.update(extra)
        return environment

    def wait_finished(self, job_ids: set[str], timeout: float = 90) -> dict:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            jobs = self.call("listjobs.json?project=crawler")
            finished = {job["id"]: job for job in jobs["finished"]}
            if job_ids <= set(finished):
                return finished
            time.sleep(0.5)
        raise AssertionError(f"jobs {job_ids} not finished after {timeout} s: {jobs}")

    def log(self, spider: str, job_id: str) -> str:
        return (self.folder / "logs" / "crawler" / spider / f"{job_id}.log").read_text()


@pytest.fixture(scope="module")
def scrapyd(mirror, tmp_path_factory):
    """scrapyd bound to loopback with a password, the project deployed with scrapyd-deploy."""
    folder = tmp_path_factory.mktemp("scrapyd")
    port = free_port()
    (folder / "scrapyd.conf").write_text(
        f"""[scrapyd]
bind_address = 127.0.0.1
http_port = {port}
username = {USERNAME}
password = {PASSWORD}
eggs_dir = {folder / "eggs"}
logs_dir = {folder / "logs"}
dbs_dir = {folder / "dbs"}
jobstorage = scrapyd.jobstorage.SqliteJobStorage
poll_interval = 0.2
max_proc = 4
"""
    )
    environment = {**os.environ, "http_proxy": mirror.url}
    environment.pop("https_proxy", None)
    process = subprocess.Popen(
        [str(BIN / "scrapyd")],
        cwd=folder,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=open(folder / "scrapyd.err", "w"),  # noqa: SIM115 (closed with the process)
    )
    server = Scrapyd(folder, port)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                server.call("daemonstatus.json")
                break
            except (urllib.error.URLError, ConnectionError):
                assert process.poll() is None, (folder / "scrapyd.err").read_text()[-3000:]
                assert time.monotonic() < deadline, "scrapyd did not start within 30 s"
                time.sleep(0.2)
        deploy = subprocess.run(
            [str(BIN / "scrapyd-deploy")],
            cwd=PROJECT,
            env=server.env(),
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert deploy.returncode == 0, deploy.stdout + deploy.stderr
        assert json.loads(deploy.stdout)["status"] == "ok", deploy.stdout
        yield server
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_the_api_refuses_calls_without_the_password(scrapyd):
    with pytest.raises(urllib.error.HTTPError) as refused:
        scrapyd.call("listprojects.json", auth=False)
    assert refused.value.code == 401


def test_jobs_can_only_take_the_crawler_from_the_deployed_egg(scrapyd):
    """scrapyd's folder is outside the project and the package is not installed."""
    probe = subprocess.run(
        [sys.executable, "-c", "import crawler"], cwd=scrapyd.folder, capture_output=True
    )
    assert probe.returncode != 0


def test_deployed_project_lists_the_family_spiders(scrapyd):
    assert scrapyd.call("listprojects.json")["projects"] == ["crawler"]
    spiders = scrapyd.call("listspiders.json?project=crawler")["spiders"]
    assert set(SAMPLE_PORTALS) <= set(spiders)


def test_each_family_crawled_on_scrapyd_stores_every_gold_article(scrapyd, tmp_path):
    """One job per family spider, each restricted to its sample portal in the mirror."""
    jobs = {}
    for spider, portal in SAMPLE_PORTALS.items():
        db = tmp_path / f"{spider}.db"
        settings = [("setting", f"DATABASE_URL=sqlite:///{db}")] + [("setting", s) for s in FAST]
        answer = scrapyd.call(
            "schedule.json",
            [("project", "crawler"), ("spider", spider), ("portal", portal), *settings],
        )
        assert answer["status"] == "ok", answer
        jobs[answer["jobid"]] = (spider, db)
    scrapyd.wait_finished(set(jobs))
    for job_id, (spider, db) in jobs.items():
        host = next(g["host"] for g in GOLD_LISTINGS if g["family"] == spider)
        expected = {g["url"]: g for g in GOLD_ARTICLES if g["host"] == host}
        stored = {r["url"]: r for r in rows(db, "SELECT url, title, portal FROM articles")}
        assert set(stored) == set(expected), scrapyd.log(spider, job_id)[-3000:]
        assert all(stored[url]["title"] == g["title"] for url, g in expected.items())
        assert {r["portal"] for r in stored.values()} == {SAMPLE_PORTALS[spider]}


def schedule(scrapyd, *arguments, **environment):
    return subprocess.run(
        [str(BIN / "scrapy"), "schedule", *arguments],
        cwd=PROJECT,
        env=scrapyd.env(**environment),
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_scrapy_schedule_posts_a_job_per_portal_with_the_settings(scrapyd, tmp_path):
    db = tmp_path / "scheduled.db"
    result = schedule(
        scrapyd,
        "--portal",
        "haiduong-quangthanh",
        "--portal",
        "ninhbinh-yenmo",
        "-s",
        f"DATABASE_URL=sqlite:///{db}",
        *[a for s in FAST for a in ("-s", s)],
    )
    assert result.returncode == 0, result.stderr
    printed = [line.split("\t") for line in result.stdout.splitlines()]
    assert [job for _, job in printed] == [
        "haiduong -a portal=haiduong-quangthanh",
        "ninhbinh -a portal=ninhbinh-yenmo",
    ]
    finished = scrapyd.wait_finished({job_id for job_id, _ in printed})
    assert {finished[job_id]["spider"] for job_id, _ in printed} == {"haiduong", "ninhbinh"}
    portals = rows(db, "SELECT portal, count(*) AS n FROM articles GROUP BY portal ORDER BY portal")
    assert [tuple(p) for p in portals] == [("haiduong-quangthanh", 13), ("ninhbinh-yenmo", 12)]


def test_scrapy_schedule_default_is_one_job_per_family(scrapyd, tmp_path):
    result = schedule(scrapyd, "-s", f"DATABASE_URL=sqlite:///{tmp_path / 'all.db'}")
    assert result.returncode == 0, result.stderr
    printed = dict(line.split("\t") for line in result.stdout.splitlines())
    assert sorted(printed.values()) == ["haiduong", "hungyen", "ninhbinh", "nukeviet"]
    listed = scrapyd.call("listjobs.json?project=crawler")
    queued = {
        j["id"]: j["spider"] for state in ("pending", "running", "finished") for j in listed[state]
    }
    assert {job_id: queued.get(job_id) for job_id in printed} == printed
    for job_id in printed:  # their crawls are the previous tests' business
        scrapyd.call("cancel.json", [("project", "crawler"), ("job", job_id)])


def test_scrapy_schedule_with_a_wrong_password_says_401_in_one_line(scrapyd):
    result = schedule(scrapyd, "--family", "hungyen", SCRAPYD_PASSWORD="wrong")
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"error: scrapyd at {scrapyd.url} refused the credentials (HTTP 401): "
        "set SCRAPYD_USERNAME and SCRAPYD_PASSWORD to its username and password"
    ]
    assert result.stdout == ""


def test_scrapy_schedule_when_scrapyd_is_unreachable(scrapyd):
    url = f"http://127.0.0.1:{free_port()}"
    result = schedule(scrapyd, "--url", url)
    assert result.returncode == 1
    assert result.stderr.strip().startswith(f"error: scrapyd at {url} is unreachable (")
    assert len(result.stderr.strip().splitlines()) == 1


def test_scrapy_schedule_of_an_unknown_portal_names_the_known_ones(scrapyd):
    result = schedule(scrapyd, "--portal", "haiduong-nowhere")
    assert result.returncode == 2
    assert "unknown portal 'haiduong-nowhere'" in result.stderr
    assert "haiduong-quangthanh" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
