"""Duplicates as relations: same URL, same text, or nearly the same text (MinHash).

Syndicated and re-published copies are information about how stories travel,
so nothing is dropped: a copy is stored with ``duplicate_of`` pointing at the
first article seen (the root) and ``duplicate_kind`` saying why. Near
duplicates are found with MinHash signatures (datasketch) over word 4-grams and
LSH banding; the buckets live in the store, so detection spans runs.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from dataclasses import dataclass, field

import numpy as np
from datasketch import MinHash

from newstrace.sources.records import Article

NUM_PERM = 64
BANDS = 16  # 16 bands of 4 rows: pairs above ~0.5 Jaccard become candidates...
ROWS = NUM_PERM // BANDS
NEAR_THRESHOLD = 0.7  # ...and are kept when the estimated Jaccard reaches this.
SHINGLE_WORDS = 4
_WORD = re.compile(r"\w+")


def signature(text: str) -> list[int]:
    """The MinHash signature of a text's word 4-grams (casefolded)."""
    words = _WORD.findall(text.casefold())
    grams = {" ".join(words[i:i + SHINGLE_WORDS]) for i in range(max(1, len(words) - SHINGLE_WORDS + 1))}
    minhash = MinHash(num_perm=NUM_PERM, seed=7, hashfunc=zlib.crc32)  # stable and fast, unlike sha1
    minhash.update_batch([gram.encode("utf-8") for gram in grams])
    return [int(value) for value in minhash.hashvalues]


def buckets(sig: list[int]) -> list[int]:
    """One LSH bucket per band: a 63-bit hash of the band's index and values."""
    array = np.asarray(sig, dtype=np.uint32)
    out = []
    for band in range(BANDS):
        digest = hashlib.blake2b(array[band * ROWS:(band + 1) * ROWS].tobytes(), digest_size=8,
                                 person=band.to_bytes(2, "little")).digest()
        out.append(int.from_bytes(digest, "little") >> 1)
    return out


def similarity(a: list[int], b: list[int]) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.mean(np.asarray(a) == np.asarray(b)))


@dataclass(slots=True)
class Index:
    """What is already known, from the store and from earlier in the batch."""

    ids: set[str] = field(default_factory=set)
    by_url: dict[str, str] = field(default_factory=dict)
    by_hash: dict[str, str] = field(default_factory=dict)
    by_bucket: dict[int, list[tuple[str, list[int]]]] = field(default_factory=dict)

    def add(self, article: Article, sig: list[int], sig_buckets: list[int]) -> None:
        """Index an article (``sig_buckets`` is ``buckets(sig)``, computed once by the caller)."""
        root = article.duplicate_of or article.id
        self.ids.add(article.id)
        if article.url_norm:
            self.by_url.setdefault(article.url_norm, root)
        self.by_hash.setdefault(article.content_hash, root)
        if article.duplicate_of:  # copies are found through their root; keeps buckets small
            return
        for bucket in sig_buckets:
            self.by_bucket.setdefault(bucket, []).append((root, sig))


def classify(article: Article, sig: list[int], sig_buckets: list[int], index: Index) -> None:
    """Set ``duplicate_of``/``duplicate_kind`` from ``index``: same text, then URL, then near.

    ``sig_buckets`` is ``buckets(sig)``, passed in so it is computed once per article.
    """
    root = index.by_hash.get(article.content_hash)
    kind = "text"
    if root is None and article.url_norm:
        root, kind = index.by_url.get(article.url_norm), "url"
    if root is None:
        root, kind = _nearest(sig, sig_buckets, index), "near"
    if root is not None and root != article.id:
        article.duplicate_of, article.duplicate_kind = root, kind


def _nearest(sig: list[int], sig_buckets: list[int], index: Index) -> str | None:
    best, best_score = None, NEAR_THRESHOLD
    for bucket in sig_buckets:
        for root, other in index.by_bucket.get(bucket, ()):
            score = similarity(sig, other)
            if score >= best_score:
                best, best_score = root, score
    return best
