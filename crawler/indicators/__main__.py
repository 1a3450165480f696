"""``python -m crawler.indicators PATH``: print the indicators of a text or HTML file as JSON lines.

PATH may be ``-`` for standard input.
"""

from __future__ import annotations

import argparse
import json
import sys

from crawler.commands import stdout_closed

from .extract import extract_indicators
from .text import html_to_text


def read_source(path: str) -> str:
    """Text of PATH (or stdin for "-"), with HTML reduced to paragraphs."""
    if path == "-":
        raw = sys.stdin.read()
    else:
        with open(path, encoding="utf-8", errors="replace") as handle:
            raw = handle.read()
    looks_like_html = path.lower().endswith((".html", ".htm", ".aspx")) or bool(
        raw.lstrip()[:1] == "<" and "</" in raw
    )
    return html_to_text(raw) if looks_like_html and raw.strip() else raw


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m crawler.indicators",
        description="Print one JSON object per indicator found in a text or HTML file.",
    )
    parser.add_argument("path", help="text or HTML file, or - for standard input")
    args = parser.parse_args(argv)
    try:
        text = read_source(args.path)
    except OSError as error:
        print(f"error: cannot read {args.path}: {error.strerror or error}", file=sys.stderr)
        return 2
    try:
        for row in extract_indicators(text):
            print(json.dumps(row.to_dict(), ensure_ascii=False), flush=True)
    except BrokenPipeError:  # `… | head`
        return stdout_closed()
    return 0


if __name__ == "__main__":
    sys.exit(main())
