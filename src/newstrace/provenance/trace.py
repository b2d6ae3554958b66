"""``trace``: statements and articles like a given text, on a timeline.

Full-text candidates come from DuckDB (articles containing at least two of the
query's three rarest looking words, i.e. its longest ones); they and the stored statements are
ranked by how much of the query they contain and by story similarity.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import duckdb

from newstrace.provenance.features import content_terms, shingles, words
from newstrace.provenance.similarity import similarity_to, vector
from newstrace.provenance.statements import Quote, match_quote, prepare
from newstrace.provenance.store import rows
from newstrace.store.duckdb_store import as_iso

KEY_WORDS = 3
LIMIT = 20
MIN_SCORE = 0.5
SCAN = 5000


@dataclass(frozen=True, slots=True)
class _Query:
    """The query's features, built once: it is compared with every candidate row."""

    text: str
    tokens: list[str]
    size: int
    grams: frozenset[int]
    quote: Quote


def _query(text: str) -> _Query:
    tokens = words(text)
    size = max(1, min(3, len(tokens)))
    return _Query(text, tokens, size, shingles(text, size), prepare(text))


def _contained(query: _Query, text: str) -> float:
    """Share of the query's word trigrams (or of its words, for a query of one or two) found in the text."""
    q = query.grams
    return len(q & shingles(text, query.size)) / len(q) if q else 0.0


def trace(con: duckdb.DuckDBPyConnection, text: str, limit: int = LIMIT) -> dict[str, Any]:
    """Statements and articles like ``text``, each list in order of appearance."""
    query = _query(text)
    return {"query": text, "statements": _statements(con, query, limit), "articles": _articles(con, query, limit)}


def _statements(con: duckdb.DuckDBPyConnection, query: _Query, limit: int) -> list[dict[str, Any]]:
    sql = """SELECT s.id, s.text, m.article_id, m.match, m.attributed, a.outlet, a.published, a.url
             FROM statements s JOIN statement_members m ON m.statement_id = s.id JOIN articles a ON a.id = m.article_id"""
    scored: dict[str, tuple[str | None, float]] = {}  # a statement comes back once per member: score it once
    hits = []
    for r in rows(con, sql):
        if r["id"] not in scored:
            how = match_quote(query.quote, r["text"])
            scored[r["id"]] = how, max(_contained(query, r["text"]), 1.0 if how == "exact" else 0.0)
        how, score = scored[r["id"]]
        if how or score >= MIN_SCORE:
            hits.append({"statement": r["id"], "text": r["text"], "article": r["article_id"], "outlet": r["outlet"],
                         "published": as_iso(r["published"]), "url": r["url"], "match": r["match"],
                         "attributed": r["attributed"], "score": round(score, 3)})
    return sorted(hits, key=lambda h: (h["published"] or "", h["article"]))[:limit]


def _articles(con: duckdb.DuckDBPyConnection, query: _Query, limit: int) -> list[dict[str, Any]]:
    keys = sorted(dict.fromkeys(content_terms(query.tokens)), key=len, reverse=True)[:KEY_WORDS]  # ties: query order
    if not keys:
        return []
    need = min(2, len(keys))
    hits_sql = " + ".join("(text ILIKE ?)::INT" for _ in keys)
    sql = f"SELECT id, url, outlet, published, title, text FROM articles WHERE {hits_sql} >= {need} LIMIT {SCAN}"
    vec = vector(query.text)  # the query has content words, so it is not blank
    hits = []
    for r in rows(con, sql, [f"%{k}%" for k in keys]):
        score = max(_contained(query, r["text"]), similarity_to(vec, r["text"]))
        if score >= MIN_SCORE:
            hits.append({"id": r["id"], "outlet": r["outlet"], "published": as_iso(r["published"]), "url": r["url"],
                         "title": r["title"], "score": round(score, 3)})
    hits = sorted(hits, key=lambda h: -h["score"])[:limit]
    return sorted(hits, key=lambda h: (h["published"] or "", h["id"]))
