"""Bring the store's stories and derivations up to date with its articles, incrementally.

Only articles not yet processed are analysed; the indexes are warmed with the
processed articles of the time window before them (not the whole corpus), so
the cost of an update follows the size of the new batch.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from newstrace.provenance import store
from newstrace.provenance.derivation import DerivationIndex
from newstrace.provenance.features import ArticleRef
from newstrace.provenance.statements import StatementIndex
from newstrace.provenance.stories import StoryIndex

CHUNK = 2000


@dataclass(frozen=True, slots=True)
class UpdateSummary:
    """What an update did."""

    new_articles: int
    stories: int
    derived: int


def update(con: duckdb.DuckDBPyConnection) -> UpdateSummary:
    """Group new articles into stories and find what they derive from; writes our tables."""
    store.ensure_tables(con)
    new = store.new_articles(con)
    if not new:
        return UpdateSummary(0, 0, 0)
    stories, derivations, statements = StoryIndex(), DerivationIndex(), StatementIndex()
    _warm(con, new, stories, derivations, statements)
    derived = 0
    for start in range(0, len(new), CHUNK):
        chunk = new[start : start + CHUNK]
        found = derivations.add(chunk)
        members = stories.add(chunk, {a: d.parent.id for a, d in found.items() if d is not None})
        rows = [
            (aid, d.parent.id, d.kind, d.score, d.containment, d.coverage, d.credited)
            for aid, d in found.items()
            if d is not None
        ]
        derived += len(rows)
        store.write_derivations(con, rows)
        store.write_statements(con, statements.add(chunk))
        store.write_members(con, members)
    return UpdateSummary(len(new), len(set(stories.assignments.values())), derived)


def _warm(
    con: duckdb.DuckDBPyConnection,
    new: list[ArticleRef],
    stories: StoryIndex,
    derivations: DerivationIndex,
    statements: StatementIndex,
) -> None:
    dated = [a.published for a in new if a.published is not None]
    since = min(dated) - max(stories.window, derivations.window) if dated else None
    window = store.window_articles(con, since)
    if window:
        stories.restore(window, store.assignments(con, [a.id for a in window]))
        derivations.restore(window)
    statements.restore(store.window_statements(con, since))
