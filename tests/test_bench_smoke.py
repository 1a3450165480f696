"""The benchmarks run end to end at a tiny size, so their code cannot rot (speed is not checked)."""

import re
import subprocess
import sys

from conftest import PROJECT


def test_every_benchmark_runs_and_reports_its_ratio(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "bench", "--smoke"],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    table = [line for line in result.stdout.splitlines() if line.startswith("| ")][1:]
    assert [line.split("|")[1].strip().split(" (")[0] for line in table] == [
        "crawl throughput",
        "per-article cost",
        "peak memory",
        "database writes",
        "indicator extraction per text",
    ]
    for line in table:
        ratio = float(line.split("|")[4])
        assert ratio > 0, line
    # The full crawl stored every article of the tiny mirror, so it measured real work.
    assert re.search(r"full: \d+ pages .*\((\d+) articles\)", result.stdout)[1] == "40"
    report = (PROJECT / "bench" / "out" / "results-smoke.md").read_text(encoding="utf-8")
    assert "## Machine" in report and "SQLite" in report
