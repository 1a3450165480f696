"""User mistakes get one `error: …` line on stderr and a non-zero exit, never a traceback."""

import os
import subprocess

import pytest
from conftest import PROJECT, SCRAPY

BAD_REGISTRY = """
[[portal]]
id = "haiduong-x"
host = "x.haiduong.gov.vn"
family = "haiduong"
name = "Xã X"
level = "phường"
province = "Hải Dương"
listings = ["http://x.haiduong.gov.vn/Trang/TinTuc.aspx?cid=2"]
"""


def scrapy_crawl(*arguments, env=None, tmp_path):
    environment = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'c.db'}"}
    environment.update(env or {})
    return subprocess.run(
        [SCRAPY, "crawl", *arguments],
        cwd=PROJECT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("arguments", "env", "message"),
    [
        (
            ["haiduong", "-a", "max_pages=many"],
            {},
            "error: -a max_pages='many': expected a whole number",
        ),
        (
            ["haiduong", "-a", "url=quangthanh.gov.vn"],
            {},
            "error: -a url='quangthanh.gov.vn': expected an http(s) listing URL",
        ),
        (["haiduong", "-a", "max_page=2"], {}, "error: unknown argument -a max_page=…"),
        (["haiduong", "-a", "full=perhaps"], {}, "error: -a full='perhaps': expected 1 or 0"),
        (["haiduong", "-a", "portal=nowhere"], {}, "error: unknown portal 'nowhere'"),
        (
            ["hungyen", "-a", "portal=haiduong-quangthanh"],
            {},
            "crawl it with: scrapy crawl haiduong",
        ),
        (
            ["haiduongg"],
            {},
            "error: no spider named 'haiduongg'; spiders: generic, haiduong, hungyen, ninhbinh, "
            "nukeviet, portal, tandan",
        ),
        (
            ["haiduong"],
            {"DATABASE_URL": "crawler.db"},
            "error: DATABASE_URL 'crawler.db' is not a database URL",
        ),
        (
            ["haiduong"],
            {"DATABASE_URL": "mysql+nosuchdriver://x/y"},
            "error: DATABASE_URL 'mysql+nosuchdriver://x/y': unsupported database",
        ),
        (
            ["haiduong"],
            {"DATABASE_URL": "sqlite:////proc/no/such/dir/c.db"},
            "folder '/proc/no/such/dir' does not exist",
        ),
        (  # the registry knows this host as a haiduong portal
            ["hungyen", "-a", "url=http://quangthanh.kinhmon.haiduong.gov.vn/Trang/TinTuc.aspx"],
            {},
            "portal 'haiduong-quangthanh' of family 'haiduong' in the registry; crawl it with: "
            "scrapy crawl haiduong -a url=",
        ),
        (  # a typo in the folder once started a new, empty database there
            ["haiduong"],
            {"DATABASE_URL": "sqlite:////tmp/vn-crawler-no-such-folder/crawler.db"},
            "folder '/tmp/vn-crawler-no-such-folder' does not exist",
        ),
    ],
)
def test_a_mistake_gets_one_error_line_and_a_nonzero_exit(arguments, env, message, tmp_path):
    result = scrapy_crawl(*arguments, env=env, tmp_path=tmp_path)
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, result.stderr[-2000:]
    assert message in errors[0]
    assert "Traceback" not in result.stderr
    assert result.returncode != 0


@pytest.mark.parametrize(
    ("registry", "message"),
    [
        ("[[portal]\nid = ", "is not valid TOML"),
        (BAD_REGISTRY, "portal #1 (haiduong-x): level 'phường' is not one of"),
    ],
)
def test_a_malformed_registry_is_named_in_one_line(registry, message, tmp_path):
    path = tmp_path / "portals.toml"
    path.write_text(registry, encoding="utf-8")
    result = scrapy_crawl("haiduong", env={"PORTAL_REGISTRY": str(path)}, tmp_path=tmp_path)
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and message in errors[0] and str(path) in errors[0], result.stderr[
        -2000:
    ]
    assert "Traceback" not in result.stderr
    assert result.returncode != 0


def test_a_database_that_cannot_be_opened_is_refused_before_crawling(tmp_path):
    folder = tmp_path / "a-folder"
    folder.mkdir()
    result = scrapy_crawl(
        "haiduong", env={"DATABASE_URL": f"sqlite:///{folder}"}, tmp_path=tmp_path
    )
    assert "error: DATABASE_URL" in result.stderr and "cannot open the database" in result.stderr
    assert "Traceback" not in result.stderr and "Spider opened" not in result.stderr
    assert result.returncode != 0
