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
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from newstrace.provenance.credit import credits_source
from newstrace.provenance.features import ArticleRef, content_terms, shingles, words

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


def match(a: str, b: str) -> str | None:
    """How statement ``a`` matches ``b``: exact, partial, paraphrase, or None."""
    if _norm(a) == _norm(b):
        return "exact"
    ga, gb = shingles(a, 3), shingles(b, 3)
    if ga and gb and len(ga & gb) / min(len(ga), len(gb)) >= PARTIAL:
        return "partial"
    ta, tb = set(content_terms(words(a))), set(content_terms(words(b)))
    if ta and tb and len(ta & tb) / len(ta | tb) >= PARAPHRASE:
        return "paraphrase"
    return None


def _norm(s: str) -> str:
    return " ".join(w.lower() for w in words(s))


class StatementIndex:
    """Incremental grouping of statements; candidates through shared content words."""

    def __init__(self) -> None:
        self.statements: dict[str, Statement] = {}
        self.postings: dict[str, list[str]] = defaultdict(list)

    def restore(self, statements: list[Statement]) -> None:
        """Know again stored statements (of the window) so new quotes join them."""
        for st in statements:
            self.statements[st.id] = st
            for t in set(content_terms(words(st.text))):
                self.postings[t] = (self.postings[t] + [st.id])[-MAX_POSTINGS:]

    def add(self, articles: Iterable[ArticleRef]) -> list[Statement]:
        """Add the batch's statements; returns the statements that gained members."""
        touched: dict[str, Statement] = {}
        for article in sorted(articles, key=lambda a: (a.published is None, a.published or datetime.min)):
            for text in dict.fromkeys(quoted(article.text)):
                st = self._place(article, text)
                touched[st.id] = st
        return list(touched.values())

    def _place(self, article: ArticleRef, text: str) -> Statement:
        hits: Counter[str] = Counter()
        terms = set(content_terms(words(text)))
        for t in terms:
            hits.update(self.postings.get(t, ()))
        for sid, _ in hits.most_common(10):
            st = self.statements[sid]
            how = match(text, st.text)
            if how and all(m[0] != article.id for m in st.members):
                st.members.append((article.id, text, how, credits_source(article, st.first)))
                return st
        st = Statement(f"q-{article.id}-{zlib.crc32(text.encode()):08x}", text, article, [(article.id, text, "first", True)])
        self.statements[st.id] = st
        for t in terms:
            self.postings[t] = (self.postings[t] + [st.id])[-MAX_POSTINGS:]
        return st
