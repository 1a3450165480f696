"""Project commands (COMMANDS_MODULE): scrapy reparse, export, schedule, health."""

import os
import sys


def stdout_closed() -> int:
    """Called on BrokenPipeError: the reader of our output (`… | head`) has had enough,
    which is not an error. Standard output is pointed at /dev/null so that Python's final
    flush does not fail too (the recipe of Python's `signal` documentation); returns 0."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return 0

