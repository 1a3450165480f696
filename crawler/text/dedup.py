"""Exact and near-duplicate detection of article bodies.

Bodies are compared after boilerplate removal, so an article re-published with other
furniture around it hashes the same. Near duplicates (a word fixed, a sentence added) are
found with MinHash LSH over word shingles; the parameters come from bench/near_duplicates.py
(see docs/dedup.md).
"""

import hashlib
import re
import unicodedata
import zlib
from functools import lru_cache

import numpy as np
from datasketch import MinHash, MinHashLSH

# Measured in docs/dedup.md: 5-word shingles keep articles of one template (which share
# whole sentences) at or below 0.54 estimated Jaccard while small edits stay at 0.70 or
# above; 0.6 sits in the middle of that gap (0.55-0.65 all measured perfect).
SHINGLE_WORDS = 5
NUM_PERM = 128
THRESHOLD = 0.6
CANDIDATE_FACTOR = 0.75
# Below this many words a single edit moves Jaccard too much for shingles to be reliable;
# such bodies (captions, one-line notices) are matched by exact hash only.
MIN_WORDS = 30

# Replaced one after the other (no replacement holds a mark replaced later): a few
# str.replace calls cost a fiftieth of str.translate with a mapping on a body.
_PUNCTUATION_VARIANTS = (
    ("“", '"'), ("”", '"'), ("„", '"'), ("«", '"'), ("»", '"'), ("‘", "'"), ("’", "'"),
    ("`", "'"), ("–", "-"), ("—", "-"), ("‒", "-"), ("−", "-"), ("…", "..."), ("\u00a0", " "),
)  # fmt: skip
_WORD = re.compile(r"\w+")


@lru_cache(maxsize=8)
def comparison_form(body: str) -> str:
    """Body as compared: NFC, lower case, one spelling per punctuation mark, single spaces.
    Cached: one article's body is hashed, queried and indexed in a row."""
    text = unicodedata.normalize("NFC", body).lower()
    for variant, spelling in _PUNCTUATION_VARIANTS:
        if variant in text:
            text = text.replace(variant, spelling)
    return " ".join(text.split())


def content_hash(body: str) -> str:
    """SHA-256 of the body's comparison form."""
    return hashlib.sha256(comparison_form(body).encode("utf-8")).hexdigest()


def shingles(body: str, size: int = SHINGLE_WORDS) -> set[str]:
    words = _WORD.findall(comparison_form(body))
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


_MASK32 = np.uint64(0xFFFFFFFF)
# A word's hash is spread over a shingle by multiplying with this odd 64-bit constant.
_SHINGLE_STEP = np.uint64(0x9E3779B97F4A7C15)


def _mix64(values: np.ndarray) -> np.ndarray:
    """MurmurHash3's 64-bit finaliser: every input bit reaches every output bit."""
    values = values ^ (values >> np.uint64(33))
    values = values * np.uint64(0xFF51AFD7ED558CCD)
    values = values ^ (values >> np.uint64(33))
    values = values * np.uint64(0xC4CEB9FE1A85EC53)
    return values ^ (values >> np.uint64(33))


class _WordHashes(dict):
    """CRC-32 of each word, computed once per process: articles repeat the few thousand
    syllables of the language. Emptied when it grows past ``limit`` (names, numbers)."""

    limit = 200_000

    def __missing__(self, word: str) -> int:
        if len(self) >= self.limit:
            self.clear()
        value = self[word] = zlib.crc32(word.encode("utf-8"))
        return value


_WORD_HASHES = _WordHashes()


def shingle_hashes(words: list[str], size: int = SHINGLE_WORDS) -> np.ndarray:  # uint32
    """Distinct 32-bit hashes of the ``size``-word shingles of ``words``, computed with numpy
    from one CRC-32 per word rather than one SHA-1 per shingle string (the same sets as
    `shingles`, about twenty times cheaper)."""
    return np.unique(_shingle_values(words, size))


def _shingle_values(words: list[str], size: int) -> np.ndarray:  # uint32
    """The hash of each ``size``-word shingle of ``words`` in order, repeats included."""
    if not words:
        return np.empty(0, dtype=np.uint32)
    word_hashes = np.fromiter(map(_WORD_HASHES.__getitem__, words), np.uint64, len(words))
    width = max(len(words) - size + 1, 1)
    combined = np.zeros(width, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for offset in range(min(size, len(words))):
            combined = combined * _SHINGLE_STEP + word_hashes[offset : offset + width]
        return (_mix64(combined) & _MASK32).astype(np.uint32)


class NearDuplicateIndex:
    """Bodies indexed by key; `query` returns keys of exact and near duplicates."""

    def __init__(
        self,
        threshold: float = THRESHOLD,
        num_perm: int = NUM_PERM,
        shingle_words: int = SHINGLE_WORDS,
        min_words: int = MIN_WORDS,
    ):
        self.threshold = threshold
        self.num_perm = num_perm
        self.shingle_words = shingle_words
        self.min_words = min_words
        # LSH banding misses pairs just above its threshold, so candidates are drawn with a
        # looser one and then checked against the estimated Jaccard.
        self._lsh = MinHashLSH(threshold=threshold * CANDIDATE_FACTOR, num_perm=num_perm)
        self._minhashes: dict[str, MinHash] = {}
        self._hash_of_key: dict[str, str] = {}
        self._keys_by_hash: dict[str, set[str]] = {}
        # Affine permutations a*h + b mod 2^32 (a odd: a bijection), drawn once per index;
        # uint32 arithmetic wraps modulo 2^32 by itself.
        random = np.random.default_rng(1)
        self._multipliers = (random.integers(0, 2**32, num_perm, dtype=np.uint64) | 1).astype(
            np.uint32
        )
        self._offsets = random.integers(0, 2**32, num_perm, dtype=np.uint64).astype(np.uint32)
        # Both as one array, the form datasketch shares between sketches without checks.
        self._permutations = np.array([self._multipliers, self._offsets])
        self._last: tuple[str, MinHash | None] | None = None

    def _minhash(self, body: str) -> MinHash | None:
        """The body's MinHash; the last one is reused, since a new article is first queried
        and then added."""
        if self._last is not None and self._last[0] == body:
            return self._last[1]
        minhash = None
        words = _WORD.findall(comparison_form(body))
        if len(words) >= self.min_words:
            # A shingle's repeats leave each minimum as it is: no np.unique needed here.
            hashes = _shingle_values(words, self.shingle_words)
            with np.errstate(over="ignore"):
                permuted = self._multipliers[:, None] * hashes[None, :] + self._offsets[:, None]
            minhash = MinHash(
                hashvalues=permuted.min(axis=1), permutations=self._permutations, scheme="affine32"
            )
        self._last = (body, minhash)
        return minhash

    def add(self, key: str, body: str) -> None:
        """Index `body` under `key`, replacing what the key held before."""
        self.remove(key)
        digest = content_hash(body)
        self._hash_of_key[key] = digest
        self._keys_by_hash.setdefault(digest, set()).add(key)
        minhash = self._minhash(body)
        if minhash is not None:
            self._lsh.insert(key, minhash)
            self._minhashes[key] = minhash

    def remove(self, key: str) -> None:
        digest = self._hash_of_key.pop(key, None)
        if digest is None:
            return
        self._keys_by_hash[digest].discard(key)
        if not self._keys_by_hash[digest]:
            del self._keys_by_hash[digest]
        if self._minhashes.pop(key, None) is not None:
            self._lsh.remove(key)

    def keys_with_hash(self, digest: str) -> set[str]:
        """Keys whose body has this content hash (see content_hash)."""
        return set(self._keys_by_hash.get(digest, ()))

    def __len__(self) -> int:
        return len(self._hash_of_key)

    def query(self, body: str, exclude: str | None = None) -> list[str]:
        """Keys whose body equals `body` after normalisation, then keys whose estimated
        Jaccard similarity reaches the threshold (best first). `exclude` drops the key the
        body was indexed under, for "does anything else look like me" checks."""
        exact = sorted(self._keys_by_hash.get(content_hash(body), set()))
        minhash = self._minhash(body)
        near = []
        if minhash is not None:
            scored = (
                (self._minhashes[key].jaccard(minhash), key)
                for key in self._lsh.query(minhash)
                if key not in exact
            )
            near = [key for score, key in sorted(scored, reverse=True) if score >= self.threshold]
        return [key for key in exact + near if key != exclude]

    def signature(self, body: str) -> np.ndarray | None:
        """The body's MinHash values (uint32, ``num_perm`` of them), or None for bodies too
        short for MinHash. Every index draws the same permutations, so signatures computed
        by different processes compare (crawler.pipelines.dedup stores them)."""
        minhash = self._minhash(body)
        return None if minhash is None else minhash.hashvalues.astype(np.uint32)

    def band_keys(self, signature: np.ndarray) -> list[int]:
        """One signed 64-bit key per LSH band of ``signature``: two bodies sharing a key are
        candidates, as in this index's own LSH (same bands and rows)."""
        rows = self._lsh.r
        return [
            int.from_bytes(
                hashlib.blake2b(signature[band * rows : (band + 1) * rows].tobytes(), digest_size=8)
                .digest(), "big", signed=True,
            )
            for band in range(self._lsh.b)
        ]  # fmt: skip

    def similarity(self, a: str, b: str) -> float:
        """Estimated Jaccard similarity of two bodies' shingles (1.0 for equal bodies,
        exact Jaccard when either is too short for MinHash)."""
        first, second = self._minhash(a), self._minhash(b)
        if first is None or second is None:
            left, right = shingles(a, self.shingle_words), shingles(b, self.shingle_words)
            return len(left & right) / len(left | right) if left | right else 1.0
        return first.jaccard(second)
