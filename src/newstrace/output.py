"""Views of quote results for people (rich tables) and programs (JSON Lines, JSON)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from typing import TextIO

from rich.console import Console
from rich.table import Table

from newstrace.quotes import FileQuotes, extract_quotes_batch
from newstrace.sample import SAMPLE_CREDIT, sample_records

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


def print_demo_summary() -> None:
    """Extract quotes from the bundled sample and print what was found."""
    records = list(sample_records())
    speakers: Counter[str] = Counter()
    relays: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    for quotes in extract_quotes_batch(record["text"] for record in records):
        for quote in quotes:
            kinds[quote.kind] += 1
            if quote.speaker:
                speakers[quote.speaker.name] += 1
            relays.update(relay.name for relay in quote.via)
    console.print(f"[bold]{len(records)}[/bold] articles, [bold]{sum(kinds.values())}[/bold] quotes "
                  f"({', '.join(f'{n} {k}' for k, n in kinds.most_common())})")
    table = Table(title="Top speakers")
    table.add_column("speaker")
    table.add_column("quotes", justify="right")
    for name, count in speakers.most_common(15):
        table.add_row(name, str(count))
    console.print(table)
    if relays:
        console.print("Relayed via: " + ", ".join(f"{n} ({c})" for n, c in relays.most_common(10)))
    console.print(SAMPLE_CREDIT, style="dim")
