"""The library entry points behind the CLI: open the store, bring it up to date, answer.

Each function updates stories and provenance for articles added since the
last call (incrementally) before it answers, so a query never sees stale tables.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb

from newstrace.provenance import graph, report, run, trace
from newstrace.store import DEFAULT_DB, Store


@contextmanager
def _updated(db: str | Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """The corpus store, opened for writing (created and migrated if need be), brought up to date."""
    with Store(db) as corpus:
        run.update(corpus.con)
        yield corpus.con


def stories(db: str | Path = DEFAULT_DB, since: datetime | None = None, min_outlets: int = 1) -> list[dict[str, Any]]:
    """Stories with outlets and timeline."""
    with _updated(db) as con:
        return report.story_list(con, since, min_outlets)


def provenance(db: str | Path = DEFAULT_DB) -> list[dict[str, Any]]:
    """One provenance record per article (the jsonl contract)."""
    with _updated(db) as con:
        return list(report.provenance_records(con))


def outlets(db: str | Path = DEFAULT_DB, export: list[Path] | None = None) -> list[dict[str, Any]]:
    """Who picks up whom; optionally writes the graph as .gexf / .graphml files."""
    with _updated(db) as con:
        g = graph.outlet_graph(con)
    for path in export or []:
        graph.write_graph(g, path)
    return graph.outlet_rows(g)


def trace_text(text: str, db: str | Path = DEFAULT_DB) -> dict[str, Any]:
    """Statements and articles like ``text``, in order of appearance."""
    with _updated(db) as con:
        return trace.trace(con, text)
