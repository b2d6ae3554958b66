"""Views for stories, provenance, outlets and traces: JSON lines and readable tables."""

from __future__ import annotations

import json
from typing import Any, TextIO

from rich.console import Console
from rich.table import Table


def write_jsonl(records: list[dict[str, Any]], out: TextIO) -> None:
    for rec in records:
        out.write(json.dumps(rec, ensure_ascii=False, default=str) + "\n")


def print_stories(stories: list[dict[str, Any]], console: Console) -> None:
    for s in stories:
        console.print(f"[bold]{s['id']}[/bold]  {s['articles']} articles, {len(s['outlets'])} outlets, "
                      f"{s['first']} → {s['last']}", highlight=False)
        for e in s["timeline"]:
            how = f"  ({e['kind']} of {e['derived_from']}{'' if e['credits_source'] else ', uncredited'})" if e["kind"] else ""
            console.print(f"   {e['published'] or '?':25} {e['outlet'] or '?':22} {e['title'] or e['id']}{how}", highlight=False)


def print_provenance(records: list[dict[str, Any]], console: Console) -> None:
    table = Table("published", "outlet", "id", "derived from", "kind", "credit")
    for r in records:
        d = r["derived_from"] or {}
        credit = "" if r["credits_source"] is None else ("yes" if r["credits_source"] else "NO")
        table.add_row(r["published"] or "", r["outlet"] or "", r["id"], d.get("outlet") or "", d.get("kind") or "", credit)
    console.print(table)


def print_outlets(rows: list[dict[str, Any]], console: Console) -> None:
    table = Table("source", "picked up by", "times", "uncredited", "median lag (h)", "copy/excerpt/rewrite")
    for r in rows:
        table.add_row(r["source"], r["outlet"], str(r["weight"]), f"{r['uncredited_share']:.0%}",
                      str(r["median_lag_hours"]), f"{r['copies']}/{r['excerpts']}/{r['rewrites']}")
    console.print(table)


def print_trace(result: dict[str, Any], console: Console) -> None:
    console.print("[bold]Statements[/bold]")
    for h in result["statements"]:
        att = "" if h["attributed"] else "  [unattributed]"
        console.print(f"  {h['published'] or '?':25} {h['outlet'] or '?':22} {h['match']:10} “{h['text'][:90]}”{att}", highlight=False)
    console.print("[bold]Articles[/bold]")
    for h in result["articles"]:
        console.print(f"  {h['published'] or '?':25} {h['outlet'] or '?':22} {h['score']:.2f}  {h['title'] or h['id']}", highlight=False)
