"""Cheap text features shared by story grouping and derivation.

Everything here is pure Python and linear in the text length, so that a corpus
of 100,000 articles can be featurised without a model. Named entities are
approximated by capitalised phrases and numbers: they are what tells two
earthquakes apart when the vocabulary of both is the same.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]|\d[\d,.]*\d|\d")
SENTENCE = re.compile(r"(?<=[.!?\"”])\s+(?=[\"“A-Z0-9])|\n+")
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had has
    have having he her here hers herself him himself his how i if in into is it its itself just me more
    most my myself no nor not now of off on once only or other our ours ourselves out over own same she
    should so some such than that the their theirs them themselves then there these they this those
    through to too under until up very was we were what when where which while who whom why will with
    would you your yours yourself yourselves said says say told tell according reported report reports
    news one two new year years mr mrs ms dr last first week day days time monday tuesday wednesday
    thursday friday saturday sunday percent people may might must shall since still well get got us""".split()
)
MONTHS = frozenset(
    "january february march april may june july august september october november december".split()
)
SHINGLE = 4
PRIME = 1000003
MASK = (1 << 61) - 1


@dataclass(frozen=True, slots=True)
class ArticleRef:
    """The part of an article that stories and provenance read; mirrors the store's columns."""

    id: str
    url: str | None
    outlet: str | None
    domain: str | None
    published: datetime | None
    title: str | None
    text: str


def when_key(when: datetime | None) -> tuple[bool, datetime]:
    """Sort key for a date that may be missing: undated last (the flag decides before any date is compared)."""
    return (when is None, when or datetime.min)


def chronological(articles: Iterable[ArticleRef]) -> list[ArticleRef]:
    """Articles oldest first, undated last: every index must see a source before its copies."""
    return sorted(articles, key=lambda a: when_key(a.published))


def words(text: str) -> list[str]:
    """Word tokens in their original case."""
    return WORD.findall(text)


def sentences(text: str) -> list[str]:
    """Sentences, split on end punctuation and newlines (good enough for news prose)."""
    return [s.strip() for s in SENTENCE.split(text) if s and len(s.strip()) > 1]


def content_terms(tokens: list[str]) -> list[str]:
    """Lower-cased content words: no stopwords, no one-letter words."""
    out = []
    for tok in tokens:
        low = tok.lower()
        if len(low) > 1 and low not in STOPWORDS:
            out.append(low)
    return out


def entity_terms(text: str) -> list[str]:
    """Capitalised phrases not opening a sentence, and numbers: a cheap named-entity stand-in.

    Sentence-initial capitals are kept only when the same word is capitalised
    elsewhere, so "The" or "However" do not pass as names.
    """
    out: list[str] = []
    for sent in sentences(text):
        toks = words(sent)
        phrase: list[str] = []
        for i, tok in enumerate(toks):
            low = tok.lower()
            is_name = tok[0].isupper() and low not in STOPWORDS and low not in MONTHS and (i > 0 or len(toks) == 1)
            if is_name:
                phrase.append(low)
                out.append("e:" + low)
                continue
            if len(phrase) > 1:
                out.append("p:" + " ".join(phrase))
            phrase = []
            if tok[0].isdigit():
                out.append("n:" + tok.replace(",", ""))
        if len(phrase) > 1:
            out.append("p:" + " ".join(phrase))
    return out


def term_counts(text: str) -> Counter[str]:
    """Bag of content words plus entity features: the input to story vectors."""
    counts = Counter(content_terms(words(text)))
    counts.update(entity_terms(text))
    return counts


@lru_cache(maxsize=4096)
def shingles(text: str, size: int = SHINGLE) -> frozenset[int]:
    """Hashed word n-grams (lower case, punctuation ignored): the unit of copying.

    Token hashes are combined arithmetically (deterministic across runs, unlike
    ``hash``); recent texts are cached because a source is compared with each
    of its republications.
    """
    hs = [_hash(t.lower()) for t in words(text)]
    if len(hs) < size:
        return frozenset([sum(hs) & MASK]) if hs else frozenset()
    out = set()
    for i in range(len(hs) - size + 1):
        h = 0
        for x in hs[i : i + size]:
            h = h * PRIME + x
        out.add(h & MASK)
    return frozenset(out)


def _hash(s: str) -> int:
    return zlib.crc32(s.encode("utf-8"))
