"""Exact and near-duplicate detection of article bodies.

Bodies are compared after boilerplate removal, so an article re-published with other
furniture around it hashes the same. Near duplicates (a word fixed, a sentence added) are
found with MinHash LSH over word shingles; the parameters come from bench/near_duplicates.py
(see docs/dedup.md).
"""

import hashlib
import re
import unicodedata

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

_PUNCTUATION_VARIANTS = str.maketrans(
    {
        "“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "`": "'",
        "–": "-", "—": "-", "‒": "-", "−": "-", "…": "...", "\u00a0": " ",
    }
)  # fmt: skip
_WORD = re.compile(r"\w+")


def comparison_form(body: str) -> str:
    """Body as compared: NFC, lower case, one spelling per punctuation mark, single spaces."""
    text = unicodedata.normalize("NFC", body).lower().translate(_PUNCTUATION_VARIANTS)
    return " ".join(text.split())


def content_hash(body: str) -> str:
    """SHA-256 of the body's comparison form."""
    return hashlib.sha256(comparison_form(body).encode("utf-8")).hexdigest()


def shingles(body: str, size: int = SHINGLE_WORDS) -> set[str]:
    words = _WORD.findall(comparison_form(body))
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


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
        template = MinHash(num_perm=num_perm)
        self._permutations, self._scheme = template.permutations, template.scheme
        self._last: tuple[str, MinHash | None] | None = None

    def _minhash(self, body: str) -> MinHash | None:
        """The body's MinHash; the last one is reused, since a new article is first queried
        and then added. Permutations are drawn once per index, not once per body."""
        if self._last is not None and self._last[0] == body:
            return self._last[1]
        minhash = None
        if len(_WORD.findall(body)) >= self.min_words:
            minhash = MinHash(
                num_perm=self.num_perm, permutations=self._permutations, scheme=self._scheme
            )
            minhash.update_batch([s.encode("utf-8") for s in shingles(body, self.shingle_words)])
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

    def similarity(self, a: str, b: str) -> float:
        """Estimated Jaccard similarity of two bodies' shingles (1.0 for equal bodies,
        exact Jaccard when either is too short for MinHash)."""
        first, second = self._minhash(a), self._minhash(b)
        if first is None or second is None:
            left, right = shingles(a, self.shingle_words), shingles(b, self.shingle_words)
            return len(left & right) / len(left | right) if left | right else 1.0
        return first.jaccard(second)
