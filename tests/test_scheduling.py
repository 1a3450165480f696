"""Job planning and crontab generation of `scrapy schedule` (no scrapyd needed)."""

import os
import shlex
import stat

import pytest

from crawler.registry import load_registry
from crawler.rendering import chromium_executable, launch_options
from crawler.scheduling import CRON_TIMES, Job, SchedulingError, crontab_lines, plan_jobs


def portal(id, family, schedule, level="xã"):
    host = f"{id}.example.gov.vn"
    return f"""[[portal]]
id = "{id}"
host = "{host}"
family = "{family}"
name = "Cổng {id}"
level = "{level}"
province = "Hải Dương"
listings = ["http://{host}/tin-tuc.html"]
schedule = "{schedule}"
"""


@pytest.fixture
def registry(tmp_path):
    """A province portal crawled hourly, communes daily, one archive weekly."""
    path = tmp_path / "portals.toml"
    path.write_text(
        portal("tinh", "ninhbinh", "hourly", level="tỉnh")
        + portal("xa-a", "haiduong", "daily")
        + portal("xa-b", "haiduong", "daily")
        + portal("huyen-c", "ninhbinh", "daily", level="huyện")
        + portal("luu-tru", "hungyen", "weekly", level="huyện"),
        encoding="utf-8",
    )
    return load_registry(path)


def test_by_default_one_job_per_family(registry):
    assert plan_jobs(registry) == [Job("ninhbinh"), Job("haiduong"), Job("hungyen")]


def test_per_portal_gives_every_portal_its_job(registry):
    assert plan_jobs(registry, families=["haiduong"], per_portal=True) == [
        Job("haiduong", "xa-a"),
        Job("haiduong", "xa-b"),
    ]


def test_a_schedule_group_covering_a_whole_family_keeps_the_family_job(registry):
    # haiduong's portals are all daily; of ninhbinh only huyen-c is, so it gets its own job.
    assert plan_jobs(registry, schedule="daily") == [Job("ninhbinh", "huyen-c"), Job("haiduong")]
    assert plan_jobs(registry, schedule="hourly") == [Job("ninhbinh", "tinh")]


def test_named_portals_by_id_or_host_once_each(registry):
    jobs = plan_jobs(registry, portals=["luu-tru", "xa-b.example.gov.vn", "luu-tru"])
    assert jobs == [Job("hungyen", "luu-tru"), Job("haiduong", "xa-b")]
    assert str(jobs[0]) == "hungyen -a portal=luu-tru"


@pytest.mark.parametrize(
    ("selection", "message"),
    [
        ({"families": ["quangninh"]}, "unknown family 'quangninh'; families in"),
        ({"portals": ["xa-a"], "families": ["haiduong"]}, "not both"),
        ({"schedule": "monthly"}, "unknown schedule 'monthly'"),
    ],
)
def test_wrong_selections_are_refused_with_the_reason(registry, selection, message):
    with pytest.raises(SchedulingError, match=message):
        plan_jobs(registry, **selection)


def test_crontab_has_one_line_per_schedule_group_in_the_registry(registry):
    lines = crontab_lines(
        registry,
        "/srv/vn crawler",
        "/srv/vn crawler/.venv/bin/scrapy",
        "/srv/vn crawler/logs/schedule.log",
        url="http://127.0.0.1:6800",
        username="ops",
    )
    entries = [
        line for line in lines if line and not line.startswith("#") and "=" not in line.split()[0]
    ]
    assert len(entries) == 3
    assert "SCRAPYD_URL=http://127.0.0.1:6800" in lines and "SCRAPYD_USERNAME=ops" in lines
    assert not any(line.startswith("SCRAPYD_PASSWORD") for line in lines)
    for group, entry in zip(("hourly", "daily", "weekly"), entries, strict=True):
        assert entry.startswith(CRON_TIMES[group] + " ")
        command = entry.removeprefix(CRON_TIMES[group] + " ")
        assert "%" not in command  # cron turns % into newlines
        words = shlex.split(command)
        assert words[:2] == ["cd", "/srv/vn crawler"]
        assert words[2:6] == ["&&", "mkdir", "-p", "/srv/vn crawler/logs"]
        assert words[6:10] == ["&&", "/srv/vn crawler/.venv/bin/scrapy", "schedule", "--schedule"]
        assert words[10] == group
        assert words[-3:] == [">>", "/srv/vn crawler/logs/schedule.log", "2>&1"]
    assert "# hourly: tinh" in lines and "# daily: xa-a, xa-b, huyen-c" in lines


def test_crontab_skips_groups_without_portals(tmp_path):
    path = tmp_path / "portals.toml"
    path.write_text(portal("xa-a", "haiduong", "daily"), encoding="utf-8")
    lines = crontab_lines(load_registry(path), "/p", "/p/scrapy", "/p/logs/s.log")
    assert [line.split()[0:5] for line in lines if line[0].isdigit()] == [
        ["30", "1", "*", "*", "*"]
    ]
    assert "# SCRAPYD_URL=http://127.0.0.1:6800" in lines


def test_chromium_path_from_the_environment_wins(tmp_path, monkeypatch):
    browser = tmp_path / "my-chromium"
    browser.write_text("#!/bin/sh\n")
    browser.chmod(browser.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("CHROMIUM_PATH", str(browser))
    assert chromium_executable() == str(browser)
    assert launch_options()["executable_path"] == str(browser)
    assert "--no-sandbox" in launch_options()["args"]


def test_without_chromium_the_launch_options_name_no_executable(tmp_path, monkeypatch):
    monkeypatch.delenv("CHROMIUM_PATH", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    assert chromium_executable() is None
    assert "executable_path" not in launch_options()
    monkeypatch.setenv("CHROMIUM_PATH", os.fspath(tmp_path / "absent"))
    assert chromium_executable() is None


def test_jobs_go_to_the_least_busy_node_and_a_busy_portal_is_not_posted_again():
    from crawler.scheduling import Node, job_id, overlaps, scrapyd_urls, spread_jobs

    assert scrapyd_urls("http://a:6800/, http://b:6800 http://a:6800") == [
        "http://a:6800",
        "http://b:6800",
    ]
    busy = Node("http://a", load=2, busy={("haiduong", "xa-a"), ("ninhbinh", None)})
    idle = Node("http://b", load=0)
    jobs = [Job("haiduong", "xa-a"), Job("haiduong", "xa-b"), Job("ninhbinh", "tinh"),
            Job("hungyen"), Job("haiduong", "xa-c"), Job("haiduong")]
    placed = [(str(job), node.url if node else None) for job, node in spread_jobs(jobs, [busy, idle])]
    assert placed == [
        ("haiduong -a portal=xa-a", None),  # pending or running on a
        ("haiduong -a portal=xa-b", "http://b"),
        ("ninhbinh -a portal=tinh", None),  # the whole ninhbinh family runs on a
        ("hungyen", "http://b"),
        ("haiduong -a portal=xa-c", "http://a"),  # a: 2 jobs, b: 2 jobs now; a is first
        ("haiduong", None),  # its portals xa-a, xa-b, xa-c are being crawled
    ]
    assert overlaps(Job("haiduong", "xa-a"), {("haiduong", None)})
    assert not overlaps(Job("haiduong", "xa-a"), {("hungyen", None), ("haiduong", "xa-b")})
    assert job_id(Job("haiduong", "xa-a")).startswith("haiduong.xa-a.")
    assert job_id(Job("haiduong")).startswith("haiduong.all.")


def test_what_a_listed_job_crawls_is_read_from_its_id_or_its_arguments():
    from crawler.scheduling import _crawled_by

    assert _crawled_by({"id": "haiduong.xa-a.0a1b2c", "spider": "haiduong"}) == ("haiduong", "xa-a")
    assert _crawled_by({"id": "haiduong.all.0a1b2c", "spider": "haiduong"}) == ("haiduong", None)
    # Posted by hand: a pending job shows its arguments, a running one does not (whole family).
    pending = {"id": "f3e1", "spider": "ninhbinh", "args": {"portal": "tinh"}}
    assert _crawled_by(pending) == ("ninhbinh", "tinh")
    assert _crawled_by({"id": "f3e1", "spider": "ninhbinh"}) == ("ninhbinh", None)
