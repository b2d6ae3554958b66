"""The command line: thin commands over the library.

Each command calls one library function and turns our own exceptions into a
clear message and an exit code; it holds no logic of its own.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from newstrace.corpus import Corpus
from newstrace.errors import NewstraceError
from newstrace.provenance import api as prov_api
from newstrace.provenance.views import print_outlets, print_provenance, print_stories, print_trace, write_jsonl
from newstrace.output import print_demo_summary, print_ingest_summary, write_quotes, write_records
from newstrace.quotes import files_quotes
from newstrace.sample import ingest_sample
from newstrace.store import DEFAULT_DB

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


@contextmanager
def reported() -> Iterator[None]:
    """Our own errors become a message on stderr and their exit code; others stay tracebacks."""
    try:
        yield
    except NewstraceError as exc:
        err.print(f"[red]error:[/red] {exc}", highlight=False)
        raise typer.Exit(exc.exit_code) from exc


DbOption = Annotated[Path, typer.Option("--db", help="The corpus store (a DuckDB file).")]


class ExportWhat(str, Enum):
    articles = "articles"
    quotes = "quotes"
    rejects = "rejects"


class ExportFormat(str, Enum):
    jsonl = "jsonl"
    parquet = "parquet"
    csv = "csv"


class RecordFormat(str, Enum):
    jsonl = "jsonl"
    table = "table"


@app.command()
def ingest(
    sources: Annotated[list[str], typer.Argument(help="Files, folders, globs or http(s) URLs.")],
    db: DbOption = Path(DEFAULT_DB),
    no_quotes: Annotated[bool, typer.Option("--no-quotes", help="Skip quote extraction.")] = False,
    processes: Annotated[int, typer.Option("--processes", "-j", help="Worker processes.")] = 2,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Ingest news (text, HTML, feeds, WARC, JSON Lines, URLs) into the corpus store."""
    try:
        with reported():
            summary = Corpus(db).ingest(sources, quotes=not no_quotes, processes=processes, progress=not quiet)
    except KeyboardInterrupt:
        err.print("interrupted: committed batches are kept; run the same command again to resume.")
        raise typer.Exit(130) from None
    print_ingest_summary(summary, str(db))


@app.command()
def articles(
    db: DbOption = Path(DEFAULT_DB),
    outlet: Annotated[str | None, typer.Option(help="Outlet name or domain.")] = None,
    since: Annotated[str | None, typer.Option(help="Published on or after this date.")] = None,
    search: Annotated[str | None, typer.Option(help="Text or title contains this.")] = None,
    format: Annotated[RecordFormat, typer.Option("--format", "-f")] = RecordFormat.table,
) -> None:
    """List stored articles."""
    with reported():
        rows = Corpus(db).articles(outlet=outlet, since=since, search=search)
        write_records(rows, format.value, sys.stdout, ("id", "published", "outlet", "title", "duplicate_of"))


@app.command()
def quotes(
    files: Annotated[list[Path] | None, typer.Argument(help="Text files, one article each.")] = None,
    format: Annotated[QuoteFormat, typer.Option("--format", "-f", help="Output format.")] = QuoteFormat.table,
    processes: Annotated[int, typer.Option("--processes", "-j", help="Worker processes.")] = 1,
    db: Annotated[Path | None, typer.Option("--db", help="Read quotes from this corpus store.")] = None,
    speaker: Annotated[str | None, typer.Option(help="With --db: speaker name contains this.")] = None,
    outlet: Annotated[str | None, typer.Option(help="With --db: outlet name or domain.")] = None,
) -> None:
    """Extract quotes from article files, or (with --db and no files) list the corpus's quotes."""
    if not files:
        if db is None:
            err.print("error: give article files, or --db PATH to read a corpus's quotes.")
            raise typer.Exit(2)
        with reported():
            rows = Corpus(db).quotes(speaker=speaker, outlet=outlet)
            fmt = "jsonl" if format != QuoteFormat.table else "table"
            write_records(rows, fmt, sys.stdout, ("published", "outlet", "speaker", "kind", "content"))
        return
    with reported():
        results = files_quotes(files, n_process=processes)
        failed = write_quotes(results, format.value, sys.stdout)
    if failed:
        err.print(f"{failed} of {len(files)} files could not be read.", highlight=False)
        raise typer.Exit(2)


@app.command()
def export(
    db: DbOption = Path(DEFAULT_DB),
    what: Annotated[ExportWhat, typer.Option("--what", help="Which table.")] = ExportWhat.articles,
    format: Annotated[ExportFormat, typer.Option("--format", "-f")] = ExportFormat.jsonl,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Output file (default: stdout).")] = None,
) -> None:
    """Export articles, quotes or rejects as JSON Lines, Parquet or CSV."""
    with reported():
        Corpus(db).export(what.value, format.value, out)


@app.command()
def demo(
    db: DbOption = Path(DEFAULT_DB),
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Ingest the bundled sample (Voice of America stories) into a corpus and summarise it."""
    with reported():
        summary, stats = ingest_sample(db, progress=not quiet)
    print_demo_summary(summary, stats, str(db))


class ProvFormat(str, Enum):
    jsonl = "jsonl"
    table = "table"


def show(rows: list, format: ProvFormat, print_table: Callable[[list, Console], None]) -> None:
    """JSON Lines for programs, a table for people."""
    if format is ProvFormat.jsonl:
        write_jsonl(rows, sys.stdout)
    else:
        print_table(rows, Console())


@app.command()
def stories(
    db: DbOption = Path(DEFAULT_DB),
    since: Annotated[Optional[datetime], typer.Option(help="Only stories active since this date.")] = None,
    min_outlets: Annotated[int, typer.Option("--min-outlets", help="Only stories told by N outlets or more.")] = 1,
    format: Annotated[ProvFormat, typer.Option("--format", "-f")] = ProvFormat.table,
) -> None:
    """Stories: articles reporting the same event, with outlets and timeline."""
    with reported():
        found = prov_api.stories(db, since.replace(tzinfo=timezone.utc) if since else None, min_outlets)
    show(found, format, print_stories)


@app.command()
def provenance(
    db: DbOption = Path(DEFAULT_DB),
    format: Annotated[ProvFormat, typer.Option("--format", "-f")] = ProvFormat.table,
) -> None:
    """Per article: its story, the earlier article it derives from, and whether it credits it."""
    with reported():
        records = prov_api.provenance(db)
    show(records, format, print_provenance)


@app.command()
def outlets(
    db: DbOption = Path(DEFAULT_DB),
    export: Annotated[Optional[list[Path]], typer.Option("--export", help="Write the graph: x.gexf or x.graphml.")] = None,
    format: Annotated[ProvFormat, typer.Option("--format", "-f")] = ProvFormat.table,
) -> None:
    """The outlet graph: who picks up whom, how often, with what lag, how often without credit."""
    with reported():
        rows = prov_api.outlets(db, export)
    show(rows, format, print_outlets)


@app.command()
def trace(
    text: Annotated[str, typer.Argument(help="A quote, claim or passage to trace.")],
    db: DbOption = Path(DEFAULT_DB),
    format: Annotated[ProvFormat, typer.Option("--format", "-f")] = ProvFormat.table,
) -> None:
    """Statements and articles like TEXT, on a timeline: first appearance and who repeated it."""
    with reported():
        result = prov_api.trace_text(text, db)
    show([result], format, lambda rows, console: print_trace(rows[0], console))


def main() -> None:
    app()
