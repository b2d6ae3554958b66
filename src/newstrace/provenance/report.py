"""Stories and article provenance read back from the store, as JSON-ready dicts."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import datetime
from typing import Any

import duckdb

from newstrace.provenance.store import rows
from newstrace.store.duckdb_store import as_iso

PROVENANCE = """
SELECT a.id, a.url, a.outlet, a.published, m.story_id AS story, d.parent_id, p.url AS parent_url,
       p.outlet AS parent_outlet, d.kind, d.score, d.credits_source
FROM articles a
LEFT JOIN story_members m ON m.article_id = a.id
LEFT JOIN derivations d ON d.article_id = a.id
LEFT JOIN articles p ON p.id = d.parent_id
ORDER BY a.published NULLS LAST, a.id
"""


def provenance_records(con: duckdb.DuckDBPyConnection) -> Iterator[dict[str, Any]]:
    """One record per article: its story, what it derives from and whether it credits it (the jsonl contract)."""
    for r in rows(con, PROVENANCE):
        derived = None
        if r["parent_id"] is not None:
            derived = {"id": r["parent_id"], "url": r["parent_url"], "outlet": r["parent_outlet"],
                       "kind": r["kind"], "score": r["score"]}
        yield {"id": r["id"], "url": r["url"], "outlet": r["outlet"], "published": as_iso(r["published"]),
               "story": r["story"], "derived_from": derived,
               "credits_source": r["credits_source"] if derived else None}


def story_list(con: duckdb.DuckDBPyConnection, since: datetime | None = None, min_outlets: int = 1) -> list[dict[str, Any]]:
    """Stories with their outlets and timeline, most recent first."""
    sql = """SELECT m.story_id, a.id, a.outlet, a.published, a.title, d.parent_id, d.kind, d.credits_source
             FROM story_members m JOIN articles a ON a.id = m.article_id
             LEFT JOIN derivations d ON d.article_id = a.id ORDER BY a.published NULLS LAST, a.id"""
    timeline: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows(con, sql):
        timeline[r["story_id"]].append({"id": r["id"], "outlet": r["outlet"], "published": as_iso(r["published"]),
                                        "title": r["title"], "derived_from": r["parent_id"], "kind": r["kind"],
                                        "credits_source": r["credits_source"]})
    out = []
    for sid, events in timeline.items():
        outlets = list(dict.fromkeys(e["outlet"] for e in events if e["outlet"]))
        last = max((e["published"] for e in events if e["published"]), default=None)
        if len(outlets) < min_outlets or (since and last and last < since.isoformat()):
            continue
        out.append({"id": sid, "first": events[0]["published"], "last": last, "articles": len(events),
                    "outlets": outlets, "first_outlet": events[0]["outlet"], "timeline": events})
    return sorted(out, key=lambda s: (s["last"] or "", s["id"]), reverse=True)
