"""Raw pages compressed for storage (crawler/compression.py) and read back byte for byte."""

import random

import pytest

from crawler.compression import CompressionError, PageCompressor, PageDecoder
from crawler.db import create_schema, make_engine, page_compressor, page_decoder


def portal_page(number: int, rng: random.Random) -> bytes:
    """A page of one portal: the same template, its own article and view state."""
    menu = "".join(f'<li><a href="/muc-{i}">Chuyên mục số {i}</a></li>' for i in range(120))
    article = " ".join(rng.choice(["xã", "huyện", "nông thôn", "mới", "đạt", "tỷ lệ", "%"])
                       for _ in range(400))  # fmt: skip
    state = rng.randbytes(300).hex()
    return (
        f'<html><head><style>{"." * 2000}</style></head><body><ul>{menu}</ul>'
        f'<input name="__VIEWSTATE" value="{state}"/><h1>Bài {number}</h1><p>{article}</p>'
        "<footer>Cơ quan chủ quản: Ủy ban nhân dân xã</footer></body></html>"
    ).encode()


class Dictionaries:
    """A dictionary store shared by compressors, as the page_dictionaries table is."""

    def __init__(self):
        self.stored: dict[str, tuple[int, bytes]] = {}

    def find(self, portal):
        return self.stored.get(portal)

    def store(self, portal, data, samples):
        self.stored.setdefault(portal, (len(self.stored) + 1, data))  # the first one wins
        return self.stored[portal]

    def load(self, dictionary_id):
        return next((d for i, d in self.stored.values() if i == dictionary_id), None)


def test_pages_read_back_as_served_before_and_after_the_portal_dictionary():
    rng, shared = random.Random(1), Dictionaries()
    compressor = PageCompressor(shared.find, shared.store, train_pages=8)
    pages = [portal_page(n, rng) for n in range(20)]
    stored = [compressor.compress("xa-a", page) for page in pages]
    assert [codec for _, codec in stored] == ["zstd"] * 7 + ["zstd:1"] * 13
    decoder = PageDecoder(shared.load)
    assert [decoder.decode(blob, codec) for blob, codec in stored] == pages
    plain, trained = len(stored[0][0]), len(stored[-1][0])
    assert trained < plain * 0.7  # the template is in the dictionary
    # Another process finds the stored dictionary and trains none of its own.
    other = PageCompressor(shared.find, shared.store, train_pages=8)
    assert other.compress("xa-a", pages[0])[1] == "zstd:1"
    assert len(shared.stored) == 1


@pytest.mark.parametrize(("codec", "expected"), [("zlib", "zlib"), ("none", None)])
def test_zlib_and_no_compression_are_settings(codec, expected):
    page = portal_page(1, random.Random(2))
    compressor = PageCompressor(lambda p: None, None, codec=codec)
    blob, stored_as = compressor.compress("xa-a", page)
    assert stored_as == expected
    assert PageDecoder(lambda i: None).decode(blob, stored_as) == page


def test_a_damaged_page_or_a_missing_dictionary_is_a_clear_error():
    decoder = PageDecoder(lambda dictionary_id: None)
    with pytest.raises(CompressionError, match=r"stored page \(zlib\) is damaged"):
        decoder.decode(b"not zlib", "zlib")
    with pytest.raises(CompressionError, match="page dictionary 7 is not in the database"):
        decoder.decode(b"\x28\xb5\x2f\xfd", "zstd:7")
    with pytest.raises(CompressionError, match="unknown page compression 'brotli'"):
        decoder.decode(b"x", "brotli")
    assert decoder.decode(b"<html>", None) == b"<html>"  # rows of older versions


def test_training_pages_are_held_for_a_bounded_number_of_portals():
    shared = Dictionaries()
    compressor = PageCompressor(shared.find, shared.store, train_pages=24)
    for portal in range(100):
        compressor.compress(f"xa-{portal}", portal_page(portal, random.Random(portal)))
    assert len(compressor.samples) == 32
    assert list(compressor.samples)[-1] == "xa-99"


def test_the_database_keeps_one_dictionary_per_portal_for_every_process(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'c.db'}")
    create_schema(engine)
    rng = random.Random(3)
    pages = [portal_page(n, rng) for n in range(10)]
    first, second = page_compressor(engine, train_pages=8), page_compressor(engine, train_pages=8)
    # Both reach the training size before either stored a dictionary: the first stored wins.
    for page in pages[:7]:
        first.compress("xa-a", page)
        second.compress("xa-a", page)
    one, two = first.compress("xa-a", pages[7]), second.compress("xa-a", pages[7])
    assert one[1] == two[1] == "zstd:1"
    decoder = page_decoder(engine)
    assert decoder.decode(*one) == decoder.decode(*two) == pages[7]
    engine.dispose()
