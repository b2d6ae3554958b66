"""Views for people (rich tables) and programs (JSON Lines, JSON): quotes, articles, ingest summaries."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from rich.console import Console
from rich.table import Table

from newstrace.ingest import IngestSummary
from newstrace.quotes import FileQuotes
from newstrace.sample import SAMPLE_CREDIT

console = Console()
err = Console(stderr=True, soft_wrap=True)


def write_quotes(results: Iterable[FileQuotes], fmt: str, out: TextIO) -> int:
    """Write results in ``fmt`` (jsonl, json or table); return how many files failed."""
    failed = 0
    collected = []
    for result in results:
        if result.error:
            failed += 1
            err.print(f"[red]error:[/red] {result.error}", highlight=False)
        if fmt == "jsonl":
            out.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
        elif fmt == "json":
            collected.append(result.to_dict())
        elif not result.error:
            print_quote_table(result)
    if fmt == "json":
        json.dump(collected, out, ensure_ascii=False, indent=2)
        out.write("\n")
    return failed


def print_quote_table(result: FileQuotes) -> None:
    table = Table(title=f"{result.path}: {len(result.quotes)} quotes", show_lines=True)
    for column in ("speaker", "cue", "kind", "quote", "via"):
        table.add_column(column, overflow="fold")
    for quote in result.quotes:
        speaker = quote.speaker.name if quote.speaker else "-"
        if quote.speaker and quote.speaker.mention.text != quote.speaker.name:
            speaker += f"\n({quote.speaker.mention.text})"
        table.add_row(
            speaker,
            quote.cue.text if quote.cue else "-",
            quote.kind,
            quote.content,
            ", ".join(relay.name for relay in quote.via) or "-",
        )
    console.print(table)


def print_ingest_summary(summary: IngestSummary, db: str) -> None:
    """What an ingest run added, which duplicates it found and why input was rejected."""
    duplicates = ", ".join(f"{n} {kind}" for kind, n in summary.duplicates.most_common()) or "none"
    err.print(f"[bold]{summary.added}[/bold] articles added to {db} from {summary.sources} sources "
              f"in {summary.seconds:.1f}s; duplicates kept as relations: {duplicates}; "
              f"{summary.already_stored} already stored; {summary.quotes} quotes.", highlight=False)
    if summary.rejects:
        table = Table(title=f"{sum(summary.rejects.values())} rejects (see `newstrace export --what rejects`)")
        table.add_column("reason")
        table.add_column("count", justify="right")
        for reason, count in summary.rejects.most_common():
            table.add_row(reason, str(count))
        err.print(table)


def write_records(records: Iterable[dict[str, Any]], fmt: str, out: TextIO, columns: tuple[str, ...]) -> int:
    """Records as JSON Lines, or as a table of ``columns`` for people; returns the count."""
    count = 0
    table = Table(*columns, show_lines=False)
    for count, record in enumerate(records, start=1):
        if fmt == "jsonl":
            out.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
        else:
            table.add_row(*(_cell(record, column) for column in columns))
    if fmt != "jsonl":
        console.print(table)
    return count


def _cell(record: dict[str, Any], column: str) -> str:
    value = record.get(column)
    if column == "speaker":
        value = (value or {}).get("name")
    if isinstance(value, list):
        value = ", ".join(map(str, value))
    text = "-" if value in (None, "") else str(value)
    return text if len(text) <= 90 else text[:87] + "..."


def print_demo_summary(summary: IngestSummary, stats: dict[str, Any], db: str) -> None:
    """What the sample's ingest did and what the corpus holds (``sample.ingest_sample``)."""
    print_ingest_summary(summary, db)
    console.print(f"[bold]{stats['articles']}[/bold] articles ({stats['duplicates']} duplicates) from "
                  f"[bold]{stats['outlets']}[/bold] outlets, [bold]{stats['quotes']}[/bold] quotes, "
                  f"{stats['rejects']} rejects in {db}")
    table = Table(title="Top speakers")
    table.add_column("speaker")
    table.add_column("quotes", justify="right")
    for name, count in stats["top_speakers"]:
        table.add_row(name, str(count))
    console.print(table)
    console.print(SAMPLE_CREDIT, style="dim")
