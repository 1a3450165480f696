"""``python -m tests.zoo [VARIANT…] [--problems]``: crawl the markup zoo, print the score table."""

from __future__ import annotations

import argparse
import sys
import time

from .run import run_zoo, score, table
from .variants import VARIANTS


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.zoo", description=__doc__)
    parser.add_argument(
        "variants", nargs="*", help=f"some of: {', '.join(v.name for v in VARIANTS)}"
    )
    parser.add_argument("--problems", action="store_true", help="list every failed check")
    parser.add_argument(
        "--jobs", type=int, default=None, help="crawls at once (default ZOO_JOBS or 3)"
    )
    args = parser.parse_args(argv)
    unknown = set(args.variants) - {v.name for v in VARIANTS}
    if unknown:
        parser.error(f"unknown variant(s): {', '.join(sorted(unknown))}")
    started = time.monotonic()
    zoo, runs = run_zoo(args.variants or None, args.jobs)
    scores = [score(run, zoo) for run in runs]
    print(table(scores))
    print(f"({len(runs)} crawls in {time.monotonic() - started:.0f} s)")
    if args.problems:
        for s in scores:
            for problem in s.problems:
                print(f"- {s.run.label}: {problem}")
    return 0 if all(s.perfect for s in scores) else 1


if __name__ == "__main__":
    sys.exit(main())
