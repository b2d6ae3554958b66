"""Statement provenance: the same quote across the corpus, exact, partial or paraphrased.

Statements are the quoted passages of an article (six words or more between
quotation marks). A new statement joins a known one when it is the same text
(``exact``), one is contained in the other (``partial``: a trimmed quote) or
their content words mostly agree (``paraphrase``). Its first appearance is the
earliest article; a later article ``attributed`` it when it credits the outlet
of that first article.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field

from newstrace.provenance.credit import credits_source
from newstrace.provenance.features import ArticleRef, chronological, content_terms, shingles, words
from newstrace.provenance.postings import Postings

QUOTED = re.compile(r"[\"“]([^\"“”]{20,600})[\"”]")
MIN_WORDS = 6
PARTIAL = 0.8
PARAPHRASE = 0.6
MAX_POSTINGS = 64


@dataclass
class Statement:
    """One statement and where it appeared, first appearance first."""

    id: str
    text: str
    first: ArticleRef
    members: list[tuple[str, str, str, bool]] = field(default_factory=list)  # article, text, match, attributed


def quoted(text: str) -> list[str]:
    """Quoted passages long enough to be a statement."""
    return [m.group(1).strip() for m in QUOTED.finditer(text) if len(words(m.group(1))) >= MIN_WORDS]


@dataclass(frozen=True, slots=True)
class Quote:
    """What :func:`match` compares of a text, prepared once when it is matched against many."""

    norm: str
    grams: frozenset[int]
    terms: tuple[str, ...]  # distinct content words in text order: a frozenset's order would follow the hash seed


def prepare(text: str) -> Quote:
    tokens = words(text)
    return Quote(_norm(tokens), shingles(text, 3), tuple(dict.fromkeys(content_terms(tokens))))


def match(a: str, b: str) -> str | None:
    """How statement ``a`` matches ``b``: exact, partial, paraphrase, or None."""
    return match_quote(prepare(a), b)


def match_quote(qa: Quote, b: str) -> str | None:
    """:func:`match` with ``a`` prepared; ``b``'s features are computed only as far as needed."""
    tokens = words(b)
    if qa.norm == _norm(tokens):
        return "exact"
    ga, gb = qa.grams, shingles(b, 3)
    if ga and gb and len(ga & gb) / min(len(ga), len(gb)) >= PARTIAL:
        return "partial"
    ta, tb = qa.terms, set(content_terms(tokens))
    shared = len(tb.intersection(ta))
    if ta and tb and shared / (len(ta) + len(tb) - shared) >= PARAPHRASE:  # Jaccard
        return "paraphrase"
    return None


def _norm(tokens: list[str]) -> str:
    return " ".join(w.lower() for w in tokens)


class StatementIndex:
    """Incremental grouping of statements; candidates through shared content words."""

    def __init__(self) -> None:
        self.statements: dict[str, Statement] = {}
        self.postings: Postings[str] = Postings(MAX_POSTINGS)

    def restore(self, statements: list[Statement]) -> None:
        """Know again stored statements (of the window) so new quotes join them."""
        for st in statements:
            self.statements[st.id] = st
            for t in set(content_terms(words(st.text))):
                self.postings.add(t, st.id)

    def add(self, articles: Iterable[ArticleRef]) -> list[Statement]:
        """Add the batch's statements; returns the statements that gained members."""
        touched: dict[str, Statement] = {}
        for article in chronological(articles):
            for text in dict.fromkeys(quoted(article.text)):
                st = self._place(article, text)
                touched[st.id] = st
        return list(touched.values())

    def _place(self, article: ArticleRef, text: str) -> Statement:
        quote = prepare(text)
        for sid, _ in self.postings.hits(quote.terms).most_common(10):
            st = self.statements[sid]
            how = match_quote(quote, st.text)
            if how and all(m[0] != article.id for m in st.members):
                st.members.append((article.id, text, how, credits_source(article, st.first)))
                return st
        st = Statement(f"q-{article.id}-{zlib.crc32(text.encode()):08x}", text, article, [(article.id, text, "first", True)])
        self.statements[st.id] = st
        for t in quote.terms:
            self.postings.add(t, st.id)
        return st
