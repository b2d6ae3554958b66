"""A rich progress bar for ingest: files, articles, rate, rejects and time left.

Shown on stderr, and only when stderr is a terminal, so logs and pipes stay clean.
Time left is estimated from bytes read across the local input files.
"""

from __future__ import annotations

import time

from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

from newstrace.sources import Source


class RichProgress:
    """The :class:`newstrace.ingest.Progress` protocol drawn with rich."""

    def __init__(self, console: Console | None = None) -> None:
        self.console = console or Console(stderr=True)
        self.bar = Progress(
            TextColumn("[bold]ingest[/bold]"),
            BarColumn(),
            TextColumn("files {task.fields[files]}"),
            TextColumn("{task.fields[articles]} articles ({task.fields[rate]:.1f}/s)"),
            TextColumn("{task.fields[rejects]} rejects"),
            TimeElapsedColumn(),
            TextColumn("left"),
            TimeRemainingColumn(),
            console=self.console,
            disable=not self.console.is_terminal,
            transient=False,
        )
        self._task = None
        self._done_bytes = 0
        self._current = -1
        self._sizes: list[int] = []
        self._started = time.monotonic()

    def start(self, sources: list[Source]) -> None:
        self._sizes = [source.size for source in sources]
        self._started = time.monotonic()
        self.bar.start()
        self._task = self.bar.add_task("ingest", total=max(sum(self._sizes), 1),
                                       files=f"0/{len(sources)}", articles=0, rate=0.0, rejects=0)

    def update(self, source: Source, index: int, articles: int, rejects: int) -> None:
        if index != self._current:
            self._done_bytes = sum(self._sizes[:index])
            self._current = index
        rate = articles / max(time.monotonic() - self._started, 1e-6)
        self.bar.update(self._task, completed=self._done_bytes + source.position(),
                        files=f"{index + 1}/{len(self._sizes)}", articles=articles, rate=rate, rejects=rejects)

    def stop(self) -> None:
        if self._task is not None:
            self.bar.update(self._task, completed=sum(self._sizes) or 1)
        self.bar.stop()
