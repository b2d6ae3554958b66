"""The outlet graph: who picks up whom, how often, with what lag, how often without credit.

Edges run from the source outlet to the outlet that derived from it. GEXF
keeps time (each edge starts at its first pick-up) for Gephi's timeline;
GraphML carries the same attributes without it.
"""

from __future__ import annotations

from pathlib import Path
from statistics import median
from typing import Any

import duckdb
import networkx as nx

from newstrace.errors import InputError
from newstrace.provenance.store import rows

PICKUPS = """
SELECT p.outlet AS source, a.outlet AS target, a.published AS at, p.published AS source_at,
       d.kind, d.credits_source
FROM derivations d JOIN articles a ON a.id = d.article_id JOIN articles p ON p.id = d.parent_id
WHERE a.outlet IS NOT NULL AND p.outlet IS NOT NULL AND a.outlet <> p.outlet
"""


def outlet_graph(con: duckdb.DuckDBPyConnection) -> nx.DiGraph:
    """Directed graph of pick-ups between outlets, aggregated per pair."""
    pairs: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for r in rows(con, PICKUPS):
        pairs.setdefault((r["source"], r["target"]), []).append(r)
    graph = nx.DiGraph()
    for (src, dst), picks in pairs.items():
        lags = [(p["at"] - p["source_at"]).total_seconds() / 3600 for p in picks if p["at"] and p["source_at"]]
        starts = [p["at"] for p in picks if p["at"]]
        graph.add_edge(
            src, dst,
            weight=len(picks),
            uncredited=sum(1 for p in picks if not p["credits_source"]),
            copies=sum(1 for p in picks if p["kind"] == "copy"),
            excerpts=sum(1 for p in picks if p["kind"] == "excerpt"),
            rewrites=sum(1 for p in picks if p["kind"] == "rewrite"),
            median_lag_hours=round(median(lags), 2) if lags else -1.0,
            start=min(starts).isoformat() if starts else "",
        )
    return graph


def outlet_rows(graph: nx.DiGraph) -> list[dict[str, Any]]:
    """One row per (source, pick-up outlet), most pick-ups first."""
    out = [{"source": s, "outlet": t, **d} for s, t, d in graph.edges(data=True)]
    for row in out:
        row["uncredited_share"] = round(row["uncredited"] / row["weight"], 3)
    return sorted(out, key=lambda r: (-r["weight"], r["source"], r["outlet"]))


def write_graph(graph: nx.DiGraph, path: Path) -> None:
    """Write GEXF (with edge start times) or GraphML, chosen by the file suffix."""
    suffix = path.suffix.lower()
    if suffix == ".gexf":
        nx.write_gexf(_timed(graph), path)
    elif suffix == ".graphml":
        nx.write_graphml(graph, path)
    else:
        raise InputError(f"unknown graph format {suffix!r}: use a .gexf or .graphml file name")


def _timed(graph: nx.DiGraph) -> nx.DiGraph:
    """A copy whose edges carry GEXF's ``start`` so Gephi can play the graph over time."""
    timed = nx.DiGraph(mode="dynamic")
    timed.graph["mode"] = "dynamic"
    timed.add_nodes_from(graph.nodes)
    for s, t, d in graph.edges(data=True):
        attrs = dict(d)
        if attrs.get("start"):
            attrs["start"] = attrs["start"][:10]
        else:
            attrs.pop("start", None)
        timed.add_edge(s, t, **attrs)
    return timed
