"""Raw pages compressed for storage, and read back as served.

A portal's pages repeat one template (menus, sidebars, footers, scripts: most of their bytes),
so a zstd dictionary trained on a portal's first pages compresses each later page far better
than the page alone (measured by ``python -m bench compression``). Each portal gets its
dictionary once, stored in the ``page_dictionaries`` table that every crawl process shares.

``pages.compression`` names how a row's ``html`` is stored:

- NULL: as served (rows of older databases, and failed pages, kept readable for inspection);
- ``zstd``: a zstd frame without dictionary (a portal's first pages, before its dictionary);
- ``zstd:ID``: a zstd frame made with ``page_dictionaries.id = ID``;
- ``zlib``: zlib, where the ``zstandard`` package is missing (``PAGE_COMPRESSION = "zlib"``).

The codecs are plain functions; where the dictionaries live is the caller's business
(crawler.db), passed in as functions.
"""

from __future__ import annotations

import logging
import zlib
from collections import OrderedDict
from collections.abc import Callable

try:
    import zstandard
except ImportError:  # pragma: no cover - zstandard is pinned in requirements.txt
    zstandard = None

logger = logging.getLogger(__name__)

CODECS = ("zstd", "zlib", "none")
# Measured by bench/compression.py on 37 KB pages: level 3 with a 32 KB dictionary stores them
# 8.4 times smaller for 0.08 ms of CPU a page; level 9 gains 8% for five times the CPU, and
# larger dictionaries do worse (more to store, no better matches).
ZSTD_LEVEL = 3
ZLIB_LEVEL = 6
# Portals whose training pages are held at once (24 pages of ~40 KB each: about 1 MB a portal).
SAMPLED_PORTALS = 32


class CompressionError(ValueError):
    """A stored page cannot be decompressed; the message says which codec and why."""


class PageDecoder:
    """Turns a stored ``(html, compression)`` back into the page's bytes as served.

    ``load_dictionary(id)`` returns a dictionary's bytes; each is loaded once per decoder.
    """

    def __init__(self, load_dictionary: Callable[[int], bytes | None]):
        self.load_dictionary = load_dictionary
        self.decompressors: dict[int, object] = {}

    def decode(self, blob: bytes | None, compression: str | None) -> bytes:
        if blob is None:
            return b""
        blob = bytes(blob)
        if not compression:
            return blob
        try:
            if compression == "zlib":
                return zlib.decompress(blob)
            if compression == "zstd":
                return _zstd().ZstdDecompressor().decompress(blob)
            if compression.startswith("zstd:"):
                return self._with_dictionary(int(compression[5:])).decompress(blob)
        except (zlib.error, ValueError) as error:
            raise CompressionError(f"stored page ({compression}) is damaged: {error}") from None
        except Exception as error:
            if zstandard is not None and isinstance(error, zstandard.ZstdError):
                raise CompressionError(
                    f"stored page ({compression}) is damaged: {error}"
                ) from None
            raise
        raise CompressionError(f"unknown page compression {compression!r}")

    def _with_dictionary(self, dictionary_id: int):
        if dictionary_id not in self.decompressors:
            data = self.load_dictionary(dictionary_id)
            if data is None:
                raise CompressionError(f"page dictionary {dictionary_id} is not in the database")
            dictionary = _zstd().ZstdCompressionDict(bytes(data))
            self.decompressors[dictionary_id] = _zstd().ZstdDecompressor(dict_data=dictionary)
        return self.decompressors[dictionary_id]


class PageCompressor:
    """Compresses pages portal by portal; trains a portal's dictionary once ``train_pages`` of
    its pages were seen (or uses the one another process stored first).

    ``find_dictionary(portal)`` returns ``(id, bytes)`` or None; ``store_dictionary(portal,
    bytes, samples)`` stores one and returns the id that won (another process's, if it was
    first). With ``codec = "zlib"`` or without the zstandard package, pages are zlib frames.
    """

    def __init__(
        self,
        find_dictionary: Callable[[str], tuple[int, bytes] | None],
        store_dictionary: Callable[[str, bytes, int], tuple[int, bytes]],
        codec: str = "zstd",
        train_pages: int = 24,
        dictionary_size: int = 32 * 1024,
        level: int = ZSTD_LEVEL,
    ):
        if codec not in CODECS:
            raise ValueError(f"PAGE_COMPRESSION {codec!r}: expected one of {', '.join(CODECS)}")
        if codec == "zstd" and zstandard is None:
            logger.warning("the zstandard package is missing: raw pages are stored with zlib")
            codec = "zlib"
        self.codec = codec
        self.find_dictionary = find_dictionary
        self.store_dictionary = store_dictionary
        self.train_pages = train_pages
        self.dictionary_size = dictionary_size
        self.level = level
        # portal -> (dictionary id, its compressor); None: looked up, none stored yet.
        self.dictionaries: dict[str, tuple[int, object] | None] = {}
        # Pages kept for training, of the portals seen most recently (memory stays bounded
        # when a job crawls hundreds of small portals that never reach train_pages).
        self.samples: OrderedDict[str, list[bytes]] = OrderedDict()
        self.plain = zstandard.ZstdCompressor(level=level) if codec == "zstd" else None

    def compress(self, portal: str, html: bytes) -> tuple[bytes, str | None]:
        """``(stored bytes, pages.compression)`` for one page of ``portal``."""
        if self.codec == "none" or not html:
            return html, None
        if self.codec == "zlib":
            return zlib.compress(html, ZLIB_LEVEL), "zlib"
        trained = self._dictionary(portal, html)
        if trained is not None:
            dictionary_id, compressor = trained
            return compressor.compress(html), f"zstd:{dictionary_id}"
        return self.plain.compress(html), "zstd"

    def _dictionary(self, portal: str, html: bytes) -> tuple[int, object] | None:
        if portal not in self.dictionaries:
            found = self.find_dictionary(portal)
            self.dictionaries[portal] = self._compressor(*found) if found else None
        if self.dictionaries[portal] is not None:
            return self.dictionaries[portal]
        samples = self.samples.setdefault(portal, [])
        samples.append(html)
        self.samples.move_to_end(portal)
        while len(self.samples) > SAMPLED_PORTALS:
            self.samples.popitem(last=False)
        if len(samples) < self.train_pages:
            return None
        del self.samples[portal]
        try:
            # zstd trains well on about ten times the dictionary's size in samples: portals
            # with small pages get a smaller dictionary rather than none.
            size = min(self.dictionary_size, max(4096, sum(map(len, samples)) // 10))
            data = zstandard.train_dictionary(size, samples).as_bytes()
        except zstandard.ZstdError as error:
            logger.warning(
                "portal %s: no page dictionary from %d pages (%s); pages stay zstd alone",
                portal, len(samples), error,
            )  # fmt: skip
            self.dictionaries[portal] = None
            return None
        dictionary_id, data = self.store_dictionary(portal, data, len(samples))
        self.dictionaries[portal] = self._compressor(dictionary_id, data)
        logger.info("portal %s: page dictionary %d trained", portal, dictionary_id)
        return self.dictionaries[portal]

    def _compressor(self, dictionary_id: int, data: bytes) -> tuple[int, object]:
        dictionary = zstandard.ZstdCompressionDict(bytes(data))
        return dictionary_id, zstandard.ZstdCompressor(level=self.level, dict_data=dictionary)


def _zstd():
    if zstandard is None:
        raise CompressionError("page stored with zstd, but the zstandard package is missing")
    return zstandard
