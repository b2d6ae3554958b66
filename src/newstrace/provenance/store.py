"""Our tables in the corpus store (DuckDB), read and written through a connection.

The store's ``articles`` table is the input; we add ``stories``,
``story_members``, ``derivations`` and ``statements``/``statement_members``.
An article is processed once: ``story_members`` says which are done.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime, timezone
from typing import Any

import duckdb

from newstrace.provenance.features import ArticleRef
from newstrace.provenance.statements import Statement

TABLES = """
CREATE TABLE IF NOT EXISTS story_members (article_id VARCHAR PRIMARY KEY, story_id VARCHAR NOT NULL);
CREATE TABLE IF NOT EXISTS derivations (
    article_id VARCHAR PRIMARY KEY, parent_id VARCHAR, kind VARCHAR, score DOUBLE,
    containment DOUBLE, coverage DOUBLE, credits_source BOOLEAN);
CREATE TABLE IF NOT EXISTS statements (
    id VARCHAR PRIMARY KEY, text VARCHAR NOT NULL, first_article VARCHAR, first_seen TIMESTAMPTZ);
CREATE TABLE IF NOT EXISTS statement_members (
    statement_id VARCHAR NOT NULL, article_id VARCHAR NOT NULL, text VARCHAR, match VARCHAR,
    attributed BOOLEAN, PRIMARY KEY (statement_id, article_id));
"""
WHEN = "COALESCE(published, first_seen)"
COLUMNS = f"id, url, outlet, domain, {WHEN} AS published, title, text"


def ensure_tables(con: duckdb.DuckDBPyConnection) -> None:
    """Create our own tables; ``articles`` is the corpus ``Store``'s, made by its migrations."""
    con.execute(TABLES)


def _ref(row: tuple) -> ArticleRef:
    aid, url, outlet, domain, published, title, text = row
    if isinstance(published, datetime) and published.tzinfo is None:
        published = published.replace(tzinfo=timezone.utc)
    return ArticleRef(str(aid), url, outlet, domain, published, title, text or "")


def articles(con: duckdb.DuckDBPyConnection, where: str = "TRUE", params: Iterable[Any] = ()) -> list[ArticleRef]:
    """Articles matching ``where``, oldest first (undated last).

    An article without a publication date is placed at its ``first_seen``.
    """
    sql = f"SELECT {COLUMNS} FROM articles WHERE {where} ORDER BY {WHEN} NULLS LAST, id"
    return [_ref(r) for r in con.execute(sql, list(params)).fetchall()]


def new_articles(con: duckdb.DuckDBPyConnection) -> list[ArticleRef]:
    """Articles not yet grouped into a story."""
    return articles(con, "id NOT IN (SELECT article_id FROM story_members)")


def window_articles(con: duckdb.DuckDBPyConnection, since: datetime | None) -> list[ArticleRef]:
    """Already processed articles from ``since`` on: what the indexes must know again."""
    if since is None:
        return []
    return articles(con, f"{WHEN} >= ? AND id IN (SELECT article_id FROM story_members)", [since])


def assignments(con: duckdb.DuckDBPyConnection, ids: list[str]) -> dict[str, str]:
    if not ids:
        return {}
    rows = con.execute("SELECT article_id, story_id FROM story_members WHERE list_contains(?, article_id)", [ids])
    return dict(rows.fetchall())


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[tuple]) -> None:
    """Insert or replace rows as column lists (``executemany`` is row by row, a hundred times slower)."""
    if not rows:
        return
    columns = [list(col) for col in zip(*rows)]
    select = ", ".join("unnest(?)" for _ in columns)
    con.execute(f"INSERT OR REPLACE INTO {table} SELECT {select}", columns)


def write_members(con: duckdb.DuckDBPyConnection, members: dict[str, str]) -> None:
    _insert(con, "story_members", list(members.items()))


def write_derivations(con: duckdb.DuckDBPyConnection, rows: list[tuple]) -> None:
    _insert(con, "derivations", rows)


def rows(con: duckdb.DuckDBPyConnection, sql: str, params: Iterable[Any] = ()) -> Iterator[dict[str, Any]]:
    """Query results as dicts."""
    cur = con.execute(sql, list(params))
    names = [d[0] for d in cur.description]
    for row in cur.fetchall():
        yield dict(zip(names, row))


def write_statements(con: duckdb.DuckDBPyConnection, statements: list[Statement]) -> None:
    """Insert or extend statements and their members."""
    _insert(con, "statements", [(s.id, s.text, s.first.id, s.first.published) for s in statements])
    _insert(
        con,
        "statement_members",
        [(s.id, aid, text, how, attributed) for s in statements for aid, text, how, attributed in s.members],
    )


def window_statements(con: duckdb.DuckDBPyConnection, since: datetime | None) -> list[Statement]:
    """Stored statements first seen from ``since`` on, with their members."""
    if since is None:
        return []
    firsts = {a.id: a for a in articles(con, "id IN (SELECT first_article FROM statements WHERE first_seen >= ?)", [since])}
    out = {}
    for sid, text, first in con.execute(
        "SELECT id, text, first_article FROM statements WHERE first_seen >= ?", [since]
    ).fetchall():
        if first in firsts:
            out[sid] = Statement(sid, text, firsts[first])
    for sid, aid, text, how, attributed in con.execute(
        "SELECT statement_id, article_id, text, match, attributed FROM statement_members"
        " WHERE statement_id IN (SELECT id FROM statements WHERE first_seen >= ?)", [since]
    ).fetchall():
        if sid in out:
            out[sid].members.append((aid, text, how, attributed))
    return list(out.values())
