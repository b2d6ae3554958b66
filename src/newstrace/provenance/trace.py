"""``trace``: statements and articles like a given text, on a timeline.

Full-text candidates come from DuckDB (articles containing at least two of the
query's three rarest looking words, i.e. its longest ones); they and the stored statements are
ranked by how much of the query they contain and by story similarity.
"""

from __future__ import annotations

from typing import Any

import duckdb

from newstrace.provenance.features import content_terms, shingles, words
from newstrace.provenance.report import iso
from newstrace.provenance.similarity import similarity
from newstrace.provenance.statements import match
from newstrace.provenance.store import rows

KEY_WORDS = 3
LIMIT = 20
MIN_SCORE = 0.5
SCAN = 5000


def _contained(query: str, text: str) -> float:
    """Share of the query's word trigrams (or of its words, for a query of one or two) found in the text."""
    size = max(1, min(3, len(words(query))))
    q = shingles(query, size)
    return len(q & shingles(text, size)) / len(q) if q else 0.0


def trace(con: duckdb.DuckDBPyConnection, text: str, limit: int = LIMIT) -> dict[str, Any]:
    """Statements and articles like ``text``, each list in order of appearance."""
    return {"query": text, "statements": _statements(con, text, limit), "articles": _articles(con, text, limit)}


def _statements(con: duckdb.DuckDBPyConnection, text: str, limit: int) -> list[dict[str, Any]]:
    sql = """SELECT s.id, s.text, m.article_id, m.match, m.attributed, a.outlet, a.published, a.url
             FROM statements s JOIN statement_members m ON m.statement_id = s.id JOIN articles a ON a.id = m.article_id"""
    hits = []
    for r in rows(con, sql):
        how = match(text, r["text"])
        score = max(_contained(text, r["text"]), 1.0 if how == "exact" else 0.0)
        if how or score >= MIN_SCORE:
            hits.append({"statement": r["id"], "text": r["text"], "article": r["article_id"], "outlet": r["outlet"],
                         "published": iso(r["published"]), "url": r["url"], "match": r["match"],
                         "attributed": r["attributed"], "score": round(score, 3)})
    return sorted(hits, key=lambda h: (h["published"] or "", h["article"]))[:limit]


def _articles(con: duckdb.DuckDBPyConnection, text: str, limit: int) -> list[dict[str, Any]]:
    keys = sorted(set(content_terms(words(text))), key=len, reverse=True)[:KEY_WORDS]
    if not keys:
        return []
    need = min(2, len(keys))
    hits_sql = " + ".join("(text ILIKE ?)::INT" for _ in keys)
    sql = f"SELECT id, url, outlet, published, title, text FROM articles WHERE {hits_sql} >= {need} LIMIT {SCAN}"
    hits = []
    for r in rows(con, sql, [f"%{k}%" for k in keys]):
        score = max(_contained(text, r["text"]), similarity(text, r["text"]))
        if score >= MIN_SCORE:
            hits.append({"id": r["id"], "outlet": r["outlet"], "published": iso(r["published"]), "url": r["url"],
                         "title": r["title"], "score": round(score, 3)})
    hits = sorted(hits, key=lambda h: -h["score"])[:limit]
    return sorted(hits, key=lambda h: (h["published"] or "", h["id"]))
