"""The command line: thin commands over the library.

Each command calls one library function and turns our own exceptions into a
clear message and an exit code; it holds no logic of its own.
"""

from __future__ import annotations

import sys
from datetime import datetime, timezone
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from newstrace.output import print_demo_summary, write_quotes
from newstrace.quotes import files_quotes
from newstrace.errors import NewstraceError
from newstrace.provenance import api as prov_api
from newstrace.provenance.api import DEFAULT_DB
from newstrace.provenance.views import print_outlets, print_provenance, print_stories, print_trace, write_jsonl

app = typer.Typer(
    help="newstrace: who said what, who reported it first, and how a story travels.",
    no_args_is_help=True,
    add_completion=False,
)
err = Console(stderr=True, soft_wrap=True)


class QuoteFormat(str, Enum):
    jsonl = "jsonl"
    json = "json"
    table = "table"


def fail(exc: NewstraceError) -> typer.Exit:
    err.print(f"[red]error:[/red] {exc}", highlight=False)
    return typer.Exit(exc.exit_code)


@app.command()
def quotes(
    files: Annotated[list[Path], typer.Argument(help="Text files, one article each.")],
    format: Annotated[QuoteFormat, typer.Option("--format", "-f", help="Output format.")] = QuoteFormat.table,
    processes: Annotated[int, typer.Option("--processes", "-j", help="Worker processes.")] = 1,
) -> None:
    """Extract quotes, speakers and relays from article files."""
    try:
        results = files_quotes(files, n_process=processes)
        failed = write_quotes(results, format.value, sys.stdout)
    except NewstraceError as exc:
        raise fail(exc) from exc
    if failed:
        err.print(f"{failed} of {len(files)} files could not be read.", highlight=False)
        raise typer.Exit(2)


@app.command()
def demo() -> None:
    """Run quote extraction on the bundled sample (Voice of America stories) and summarise."""
    try:
        print_demo_summary()
    except NewstraceError as exc:
        raise fail(exc) from exc


class ProvFormat(str, Enum):
    jsonl = "jsonl"
    table = "table"


DbOption = Annotated[Path, typer.Option("--db", help="The corpus store (DuckDB file).")]


@app.command()
def stories(
    db: DbOption = Path(DEFAULT_DB),
    since: Annotated[Optional[datetime], typer.Option(help="Only stories active since this date.")] = None,
    min_outlets: Annotated[int, typer.Option("--min-outlets", help="Only stories told by N outlets or more.")] = 1,
    format: Annotated[ProvFormat, typer.Option("--format", "-f")] = ProvFormat.table,
) -> None:
    """Stories: articles reporting the same event, with outlets and timeline."""
    try:
        found = prov_api.stories(db, since.replace(tzinfo=timezone.utc) if since else None, min_outlets)
    except NewstraceError as exc:
        raise fail(exc) from exc
    write_jsonl(found, sys.stdout) if format is ProvFormat.jsonl else print_stories(found, Console())


@app.command()
def provenance(
    db: DbOption = Path(DEFAULT_DB),
    format: Annotated[ProvFormat, typer.Option("--format", "-f")] = ProvFormat.table,
) -> None:
    """Per article: its story, the earlier article it derives from, and whether it credits it."""
    try:
        records = prov_api.provenance(db)
    except NewstraceError as exc:
        raise fail(exc) from exc
    write_jsonl(records, sys.stdout) if format is ProvFormat.jsonl else print_provenance(records, Console())


@app.command()
def outlets(
    db: DbOption = Path(DEFAULT_DB),
    export: Annotated[Optional[list[Path]], typer.Option("--export", help="Write the graph: x.gexf or x.graphml.")] = None,
    format: Annotated[ProvFormat, typer.Option("--format", "-f")] = ProvFormat.table,
) -> None:
    """The outlet graph: who picks up whom, how often, with what lag, how often without credit."""
    try:
        rows = prov_api.outlets(db, export)
    except NewstraceError as exc:
        raise fail(exc) from exc
    write_jsonl(rows, sys.stdout) if format is ProvFormat.jsonl else print_outlets(rows, Console())


@app.command()
def trace(
    text: Annotated[str, typer.Argument(help="A quote, claim or passage to trace.")],
    db: DbOption = Path(DEFAULT_DB),
    format: Annotated[ProvFormat, typer.Option("--format", "-f")] = ProvFormat.table,
) -> None:
    """Statements and articles like TEXT, on a timeline: first appearance and who repeated it."""
    try:
        result = prov_api.trace_text(text, db)
    except NewstraceError as exc:
        raise fail(exc) from exc
    write_jsonl([result], sys.stdout) if format is ProvFormat.jsonl else print_trace(result, Console())


def main() -> None:
    app()
