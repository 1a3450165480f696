"""Benchmark 5: bytes per stored raw page, and what compressing them costs.

Pages of realistic size (bench.generate_mirror with ``full_template``: each portal's whole
template around the family markup, 33–43 KB a page) are compressed portal by portal with the
product's own PageCompressor (zstd, a dictionary trained on the portal's first
PAGE_DICTIONARY_PAGES pages, the dictionary's bytes counted once per portal) and read back with
its PageDecoder. Baseline: zlib per page (what storing the pages "compressed" without a
dictionary gives). Reported: how many times smaller than served, and CPU ms per page (process
time: the machine may be shared).
"""

from __future__ import annotations

import time
import zlib
from pathlib import Path

from bench.common import FAMILIES, Result, median, mirror
from crawler.compression import ZLIB_LEVEL, PageCompressor, PageDecoder
from crawler.settings import PAGE_DICTIONARY_PAGES


def portal_pages(root: Path) -> dict[str, list[bytes]]:
    """Every listing and article page of each generated portal, in file-name order."""
    return {
        host.name: [page.read_bytes() for page in sorted(host.rglob("*")) if page.is_file()
                    and page.name != "robots.txt"]
        for host in sorted(root.iterdir())
        if host.is_dir()
    }  # fmt: skip


def product(pages: dict[str, list[bytes]]) -> tuple[int, float, float]:
    """(stored bytes incl. dictionaries, seconds to compress, seconds to decompress)."""
    dictionaries: dict[int, bytes] = {}

    def store(portal: str, data: bytes, samples: int) -> tuple[int, bytes]:
        dictionaries[len(dictionaries) + 1] = data
        return len(dictionaries), data

    compressor = PageCompressor(lambda portal: None, store, train_pages=PAGE_DICTIONARY_PAGES)
    stored = []
    started = time.process_time()
    for portal, html in ((p, page) for p, group in pages.items() for page in group):
        stored.append(compressor.compress(portal, html))
    compressing = time.process_time() - started
    decoder = PageDecoder(dictionaries.get)
    started = time.process_time()
    for blob, codec in stored:
        decoder.decode(blob, codec)
    decompressing = time.process_time() - started
    size = sum(len(blob) for blob, _ in stored) + sum(map(len, dictionaries.values()))
    return size, compressing, decompressing


def zlib_per_page(pages: dict[str, list[bytes]]) -> tuple[int, float]:
    started = time.process_time()
    size = sum(len(zlib.compress(page, ZLIB_LEVEL)) for group in pages.values() for page in group)
    return size, time.process_time() - started


def run(articles: int = 1200, rounds: int = 3, families: tuple[str, ...] = FAMILIES) -> Result:
    root = mirror(articles, families, portals_per_family=2, full_template=True)
    pages = portal_pages(root)
    count = sum(map(len, pages.values()))
    raw = sum(len(page) for group in pages.values() for page in group)
    measured, baseline = [], []
    for round_number in range(rounds):
        # Alternate which side goes first, as the other benchmarks do.
        if round_number % 2:
            baseline.append(zlib_per_page(pages))
            measured.append(product(pages))
        else:
            measured.append(product(pages))
            baseline.append(zlib_per_page(pages))
    stored = measured[0][0]
    zlib_size = baseline[0][0]
    compress_ms = median(m[1] for m in measured) / count * 1000
    decompress_ms = median(m[2] for m in measured) / count * 1000
    zlib_ms = median(b[1] for b in baseline) / count * 1000
    ratio = raw / stored
    print(
        f"  {count} pages of {len(pages)} portals, {raw / count / 1024:.1f} KB each as served;"
        f" zstd+dictionary {stored / count / 1024:.2f} KB/page ({ratio:.1f}x smaller),"
        f" {compress_ms:.3f} ms to compress, {decompress_ms:.3f} ms to read back;"
        f" zlib {zlib_size / count / 1024:.2f} KB/page ({raw / zlib_size:.1f}x), {zlib_ms:.3f} ms",
        flush=True,
    )
    return Result(
        name="page compression (served / stored bytes)",
        measured=f"{stored / count / 1024:.2f} KB/page, {compress_ms:.2f} ms/page",
        baseline=f"zlib per page: {zlib_size / count / 1024:.2f} KB/page ({raw / zlib_size:.1f}x)",
        ratio=ratio,
        aim="≥ 5",
        met=ratio >= 5,
        notes=[
            f"{count} pages of {len(pages)} portals, {raw / count / 1024:.1f} KB each as served"
            f" (full template); zstd level 3 with a 32 KB dictionary per portal trained on its"
            f" first {PAGE_DICTIONARY_PAGES} pages (dictionaries counted in the stored bytes);"
            f" reading a page back costs {decompress_ms:.3f} ms; compressing includes training"
            f" each portal's dictionary once (here over only {count // len(pages)} pages a portal)",
        ],
    )
