"""``python -m tests.zoo [VARIANT…] [--problems]``: crawl the markup zoo, print the score table."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .heldout import HELDOUT_PLATFORMS, HELDOUT_VARIANTS
from .run import kinds_table, run_zoo, score, table
from .variants import VARIANTS, random_variants


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.zoo", description=__doc__)
    parser.add_argument(
        "variants", nargs="*", help=f"some of: {', '.join(v.name for v in VARIANTS)}"
    )
    parser.add_argument("--problems", action="store_true", help="list every failed check")
    parser.add_argument(
        "--jobs", type=int, default=None, help="crawls at once (default ZOO_JOBS or 3)"
    )
    parser.add_argument(
        "--random", type=int, default=0, metavar="N",
        help="also N variants with perturbations drawn at random (held out from tuning)",
    )  # fmt: skip
    parser.add_argument("--seed", type=int, default=2026, help="seed of --random (default 2026)")
    parser.add_argument(
        "--only-random", action="store_true", help="crawl only the --random variants"
    )
    parser.add_argument(
        "--role", choices=("family", "generic"), help="only the family or only the generic crawls"
    )
    parser.add_argument(
        "--keep", type=Path, metavar="DIR", help="keep each crawl's SQLite file here"
    )
    parser.add_argument(
        "--recrawl",
        action="store_true",
        help="crawl each variant twice into one database: the second, incremental crawl must "
        "fetch no stored article, whatever the form of its link",
    )
    parser.add_argument(
        "--heldout",
        action="store_true",
        help="crawl the held-out portals (tests/zoo/heldout.py: platforms the rules were not "
        "tuned on) instead of the zoo's variants; --random then draws on their platforms",
    )
    parser.add_argument("--list", action="store_true", help="list the variants and what they test")
    args = parser.parse_args(argv)
    catalogue = HELDOUT_VARIANTS if args.heldout else VARIANTS
    if args.list:
        for variant in catalogue:
            print(f"{variant.name:32} {variant.platform:9} {variant.what}")
        return 0
    unknown = set(args.variants) - {v.name for v in catalogue}
    if unknown:
        parser.error(f"unknown variant(s): {', '.join(sorted(unknown))}")
    started = time.monotonic()
    drawn_from = HELDOUT_PLATFORMS if args.heldout else None
    extra = random_variants(args.random, args.seed, drawn_from) if args.random else ()
    names = args.variants or (["-"] if args.only_random else None)
    if args.heldout:  # the held-out portals only (and draws on their platforms)
        if not args.only_random:
            extra += tuple(
                v for v in HELDOUT_VARIANTS if not args.variants or v.name in args.variants
            )
        names = ["-"]
    zoo, runs = run_zoo(names, args.jobs, extra, args.role, args.keep, args.recrawl)
    scores = [score(run, zoo) for run in runs]
    print(table(scores))
    print(f"({len(runs)} crawls in {time.monotonic() - started:.0f} s)")
    if args.problems:
        print(kinds_table(scores))
        for s in scores:
            for problem in s.problems:
                print(f"- {s.run.label}: {problem}")
    return 0 if all(s.perfect for s in scores) else 1


if __name__ == "__main__":
    sys.exit(main())
