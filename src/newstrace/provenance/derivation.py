"""Which earlier article an article derives from, and how: copy, excerpt or rewrite.

Copying leaves shared word 4-grams; independent reporting of the same facts
does not. Each article keeps a sample of its 4-gram hashes (those divisible by
SAMPLE, so two texts sample the same 4-grams) in an inverted index; a new
article looks up earlier articles sharing samples and measures containment
(how much of it is in the earlier one) and coverage (how much of the earlier
one it keeps). The parent is the earlier article that contains most of it, so a
copy of a copy points to the intermediate article, whose edits it carries;
among equally good parents, one it reproduces whole (coverage >= SAME), then
one it credits, then the earliest (the first appearance) wins: a text found in
a longer article and in a shorter excerpt of it gives no evidence of the
excerpt, so the first appearance is the better guess.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from newstrace.provenance.credit import credits_source, source_names
from newstrace.provenance.features import ArticleRef, chronological, sentences, shingles
from newstrace.provenance.postings import Postings

Kind = Literal["copy", "excerpt", "rewrite"]

SAMPLE = 3
MIN_SHARED = 2
DERIVED = 0.22
VERBATIM = 0.9
WHOLE = 0.7
SAME = 0.95
CANDIDATES = 8
MAX_POSTINGS = 64
WINDOW = timedelta(days=60)


@dataclass(frozen=True, slots=True)
class Derivation:
    """``child`` derives from ``parent``; ``score`` is the share of the child found in the parent."""

    child: str
    parent: ArticleRef
    kind: Kind
    score: float
    containment: float
    coverage: float
    credited: bool


def fingerprint(text: str) -> frozenset[int]:
    """The sampled 4-gram hashes of a text."""
    return frozenset(h for h in shingles(text) if h % SAMPLE == 0)


def own_shingles(text: str, sources: list[ArticleRef]) -> set[int]:
    """The text's 4-grams without its credit lines: naming a source is not evidence of copying it.

    Two outlets crediting the same source with the same words would otherwise
    look like copies of each other.
    """
    names = [n for src in sources for n in source_names(src)]
    kept = [s for s in sentences(text) if not any(_names(n, s) for n in names)]
    return shingles(" ".join(kept)) if kept else shingles(text)


def _names(name: str, sentence: str) -> bool:
    return name.lower() in sentence.lower()


def overlap(child: set[int], parent: set[int]) -> tuple[float, float]:
    """Containment (share of the child in the parent) and coverage (share of the parent kept)."""
    shared = len(child & parent)
    return shared / max(len(child), 1), shared / max(len(parent), 1)


def classify(containment: float, coverage: float) -> Kind | None:
    """copy keeps nearly all of the source nearly verbatim, excerpt a verbatim part, rewrite the rest."""
    if containment < DERIVED:
        return None
    if containment >= VERBATIM:
        return "copy" if coverage >= WHOLE else "excerpt"
    return "rewrite"


class DerivationIndex:
    """Incremental derivation finder: feed articles in batches with :meth:`add`."""

    def __init__(self, window: timedelta = WINDOW) -> None:
        self.window = window
        self.refs: dict[str, ArticleRef] = {}
        self.prints: dict[str, frozenset[int]] = {}
        self.postings: Postings[int] = Postings(MAX_POSTINGS)
        self._order: deque[str] = deque()

    def add(self, articles: Iterable[ArticleRef]) -> dict[str, Derivation | None]:
        """Find each article's parent among earlier ones; returns {article id: derivation or None}."""
        out = {}
        for article in chronological(articles):
            self._evict(article.published)
            fp = fingerprint(article.text)
            out[article.id] = self._parent(article, fp)
            self._enter(article, fp)
        return out

    def restore(self, articles: list[ArticleRef]) -> None:
        """Know again the already processed articles of the window (from the store)."""
        for article in chronological(articles):
            self._enter(article, fingerprint(article.text))

    def _parent(self, article: ArticleRef, fp: frozenset[int]) -> Derivation | None:
        cands = [self.refs[c] for c, n in self._candidates(article, fp) if n / len(fp) >= DERIVED * 0.7]
        if not cands:
            return None
        grams = own_shingles(article.text, cands)
        scored = [(overlap(grams, shingles(p.text)), p) for p in cands]
        scored = [(c, v, p) for (c, v), p in scored if classify(c, v) is not None]
        if not scored:
            return None
        top = max(c for c, _, _ in scored)
        best = max(
            (
                ((c, v >= SAME, credits_source(article, p), _earlier(p)), p, c, v) for c, v, p in scored if c == top
            ),
            key=lambda x: x[0],
        )
        key, parent, containment, coverage = best
        credited = key[2]
        kind = classify(containment, coverage)
        return Derivation(article.id, parent, kind, round(containment, 3), containment, coverage, credited)

    def _candidates(self, article: ArticleRef, fp: frozenset[int]) -> list[tuple[str, int]]:
        best = self.postings.hits(fp).most_common(CANDIDATES)
        return [(cid, n) for cid, n in best if n >= MIN_SHARED and cid != article.id and cid in self.refs]

    def _enter(self, article: ArticleRef, fp: frozenset[int]) -> None:
        self.refs[article.id] = article
        self.prints[article.id] = fp
        self._order.append(article.id)
        for h in fp:
            self.postings.add(h, article.id)

    def _evict(self, now: datetime | None) -> None:
        """Forget articles older than the window: memory follows the window, not the corpus."""
        while self._order and now is not None:
            old = self.refs[self._order[0]]
            if old.published is None or now - old.published <= self.window:
                break
            self._order.popleft()
            self.refs.pop(old.id, None)
            for h in self.prints.pop(old.id, ()):
                self.postings.remove(h, old.id)


def _earlier(parent: ArticleRef) -> float:
    """Tie-break toward the first appearance: earlier publication ranks higher."""
    return -parent.published.timestamp() if parent.published else 0.0
