"""The command line: thin commands over the library.

Each command calls one library function and turns our own exceptions into a
clear message and an exit code; it holds no logic of its own.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from newstrace.output import print_demo_summary, write_quotes
from newstrace.quotes import files_quotes
from newstrace.errors import NewstraceError

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


def main() -> None:
    app()
