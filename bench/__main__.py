"""Run the benchmarks and print (and write to bench/out/results.md) their ratios.

    python -m bench                      # all four, full sizes (about 15 minutes on 2 cores)
    python -m bench throughput memory    # some of them
    python -m bench --smoke              # tiny sizes: checks that the code runs, not speed

Every figure is a ratio to a baseline measured in the same run on the same machine.
"""

from __future__ import annotations

import argparse
import sys
import time

from bench import common, indicator_cost, memory, pipeline_cost, storage_rate, throughput

FULL = {
    "throughput": lambda rounds: throughput.run(articles=5000, rounds=rounds),
    "pipeline": lambda rounds: pipeline_cost.run(articles=600, rounds=rounds),
    "memory": lambda rounds: memory.run(small=1000, large=20000),
    "storage": lambda rounds: storage_rate.run(articles=2000, rounds=rounds),
    "indicators": lambda rounds: indicator_cost.run(rounds=rounds),
}
SMOKE = {
    "throughput": lambda rounds: throughput.run(articles=40, rounds=1, families=("haiduong",)),
    "pipeline": lambda rounds: pipeline_cost.run(articles=15, rounds=1, mirror_articles=60),
    "memory": lambda rounds: memory.run(small=20, large=60, family="haiduong"),
    "storage": lambda rounds: storage_rate.run(articles=30, rounds=1, mirror_articles=60),
    "indicators": lambda rounds: indicator_cost.run(rounds=1, repeat=1),
}


def table(results: list[common.Result]) -> str:
    lines = [
        "| benchmark | measured | baseline | ratio | aim | met? |",
        "|---|---|---|---|---|---|",
    ]
    for r in results:
        met = "—" if r.met is None else ("yes" if r.met else "**no**")
        lines.append(
            f"| {r.name} | {r.measured} | {r.baseline} | {r.ratio:.2f} | {r.aim} | {met} |"
        )
    return "\n".join(lines)


def report(results: list[common.Result], machine: dict[str, str], seconds: float) -> str:
    notes = [f"- {r.name}: {note}" for r in results for note in r.notes]
    described = [f"- {name}: {value}" for name, value in machine.items()]
    return "\n".join(
        [
            "# Benchmark results",
            "",
            table(results),
            "",
            "## Notes",
            *notes,
            "",
            "## Machine",
            *described,
            f"- run took {seconds / 60:.1f} min; `python -m bench {' '.join(sys.argv[1:])}`",
            "",
        ]
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "benchmarks",
        nargs="*",
        choices=[[], *FULL],
        metavar="NAME",
        help=f"any of {', '.join(FULL)} (default: all)",
    )
    parser.add_argument("--rounds", type=int, default=3, help="alternated repetitions (default 3)")
    parser.add_argument("--smoke", action="store_true", help="tiny sizes, to check the code runs")
    args = parser.parse_args(argv)
    chosen = args.benchmarks or list(FULL)
    suite = SMOKE if args.smoke else FULL
    machine = common.machine()
    started = time.monotonic()
    results = []
    for name in chosen:
        print(f"{name}:", flush=True)
        results.append(suite[name](args.rounds))
    print()
    print(table(results))
    text = report(results, machine, time.monotonic() - started)
    common.OUT.mkdir(parents=True, exist_ok=True)
    output = common.OUT / ("results-smoke.md" if args.smoke else "results.md")
    output.write_text(text, encoding="utf-8")
    print(f"\nwritten to {output.relative_to(common.PROJECT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
