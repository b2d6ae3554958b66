"""The corpus from Python: ingest into a store, read articles, quotes and rejects back, export.

>>> corpus = Corpus("news.duckdb")
>>> corpus.ingest(["saved-pages/", "crawl.warc.gz"])
>>> for article in corpus.articles(outlet="voanews.com", since="2024-01-01"): ...

Each read opens the store read-only for as long as its iterator lives.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from newstrace.errors import InputError
from newstrace.ingest import IngestSummary, ingest
from newstrace.sources.records import parse_date
from newstrace.sources.web import Fetcher
from newstrace.store import DEFAULT_DB, Store

ARTICLE_COLUMNS = ("SELECT id, url, outlet, title, authors, strftime(published AT TIME ZONE 'UTC', "
                   "'%Y-%m-%dT%H:%M:%SZ') AS published, language, text, duplicate_of FROM articles")
QUOTE_COLUMNS = ("SELECT q.*, a.url, a.outlet, strftime(a.published AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ') "
                 "AS published FROM quotes q JOIN articles a ON a.id = q.article_id")
REJECT_COLUMNS = "SELECT source, reason, source_offset AS \"offset\", detail, article_id FROM rejects"
#: Each export's query and order, defined once so that reads and exports list rows alike.
QUERIES: dict[str, tuple[str, str]] = {
    "articles": (ARTICLE_COLUMNS, "ORDER BY published NULLS LAST, id"),
    "quotes": (QUOTE_COLUMNS, "ORDER BY a.published NULLS LAST, q.article_id, q.idx"),
    "rejects": (REJECT_COLUMNS, "ORDER BY source, source_offset"),
}
EXPORTS = tuple(QUERIES)
FORMATS = ("jsonl", "parquet", "csv")


class Corpus:
    """A news corpus stored in one DuckDB file (``newstrace.duckdb`` by default)."""

    def __init__(self, path: str | Path = DEFAULT_DB) -> None:
        self.path = Path(path)

    def ingest(self, sources: Iterable[str], *, quotes: bool = True, processes: int = 2,
               progress: bool = False, fetcher: Fetcher | None = None) -> IngestSummary:
        """Read every SOURCE (file, folder, glob, URL) into the store; see :mod:`newstrace.ingest`."""
        from newstrace.progress import RichProgress

        with Store(self.path) as store:
            return ingest(store, sources, quotes=quotes, processes=processes, fetcher=fetcher,
                          progress=RichProgress() if progress else None)

    def articles(self, *, outlet: str | None = None, since: str | None = None,
                 search: str | None = None, limit: int | None = None) -> Iterator[dict[str, Any]]:
        """Articles (the export contract), oldest first; filters combine with AND."""
        where, params = [], []
        if outlet:
            where.append("(outlet ILIKE ? OR domain ILIKE ?)")
            params += [outlet, outlet]
        if since:
            where.append("published >= ?")
            params.append(_since(since))
        if search:
            where.append("(text ILIKE ? OR title ILIKE ?)")
            params += [f"%{search}%"] * 2
        sql = _ordered("articles", where)
        sql += f" LIMIT {int(limit)}" if limit else ""
        yield from self._rows(sql, params)

    def quotes(self, *, speaker: str | None = None, outlet: str | None = None) -> Iterator[dict[str, Any]]:
        """Quotes in the JSON Lines contract plus ``article_id``, ``url``, ``outlet``, ``published``."""
        where, params = [], []
        if speaker:
            where.append("q.speaker_name ILIKE ?")
            params.append(f"%{speaker}%")
        if outlet:
            where.append("(a.outlet ILIKE ? OR a.domain ILIKE ?)")
            params += [outlet, outlet]
        sql = _ordered("quotes", where)
        for row in self._rows(sql, params):
            yield quote_record(row)

    def rejects(self) -> Iterator[dict[str, Any]]:
        """Input that could not be used (or only partly), with source and reason."""
        yield from self._rows(_ordered("rejects"), [])

    def stats(self, top: int = 10) -> dict[str, Any]:
        """Counts for a summary: articles, duplicates, outlets, quotes, rejects, top speakers."""
        with Store(self.path, read_only=True) as store:
            one = lambda sql: store.con.execute(sql).fetchall()[0][0]  # noqa: E731
            return {
                "articles": one("SELECT count(*) FROM articles"),
                "duplicates": one("SELECT count(duplicate_of) FROM articles"),
                "outlets": one("SELECT count(DISTINCT outlet) FROM articles"),
                "quotes": one("SELECT count(*) FROM quotes"),
                "rejects": one("SELECT count(*) FROM rejects"),
                "top_speakers": store.con.execute(
                    "SELECT speaker_name, count(*) AS n FROM quotes WHERE speaker_name IS NOT NULL "
                    f"GROUP BY 1 ORDER BY n DESC, 1 LIMIT {int(top)}").fetchall(),
            }

    def export(self, what: str, fmt: str, out: str | Path | None = None, *, stream: TextIO | None = None) -> None:
        """Write ``articles``, ``quotes`` or ``rejects`` as jsonl, parquet or csv (to ``out`` or stdout)."""
        if what not in EXPORTS or fmt not in FORMATS:
            raise InputError(f"export: choose --what from {EXPORTS} and --format from {FORMATS}.")
        if fmt == "jsonl":
            self._export_jsonl(what, out, stream or sys.stdout)
        elif out is None and fmt == "parquet":
            raise InputError("export: parquet is binary; give a file with --out.")
        else:
            self._export_table(what, fmt, out, stream or sys.stdout)

    def _export_jsonl(self, what: str, out: str | Path | None, stream: TextIO) -> None:
        rows = {"articles": self.articles, "quotes": self.quotes, "rejects": self.rejects}[what]()
        handle = open(out, "w", encoding="utf-8") if out else stream
        try:
            for row in rows:
                handle.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
        finally:
            if out:
                handle.close()

    def _export_table(self, what: str, fmt: str, out: str | Path | None, stream: TextIO) -> None:
        sql = _ordered(what)
        with Store(self.path, read_only=True) as store:
            if out:
                store.copy(sql, str(out), fmt)
                return
            with tempfile.TemporaryDirectory() as folder:
                path = Path(folder) / f"export.{fmt}"
                store.copy(sql, str(path), fmt)
                with open(path, encoding="utf-8") as handle:
                    shutil.copyfileobj(handle, stream)

    def _rows(self, sql: str, params: list[Any]) -> Iterator[dict[str, Any]]:
        with Store(self.path, read_only=True) as store:
            yield from store.query(sql, params)


def quote_record(row: dict[str, Any]) -> dict[str, Any]:
    """A quotes-table row as the quote JSON contract plus its article's id, url, outlet, date."""
    def mention(text: Any, start: Any, end: Any) -> dict[str, Any] | None:
        return None if text is None else {"text": text, "start": start, "end": end}

    speaker = None
    if row["speaker_name"] is not None:
        speaker = {"name": row["speaker_name"], "kind": row["speaker_kind"],
                   "mention": mention(row["speaker_mention"], row["speaker_start"], row["speaker_end"])}
    return {
        "content": row["content"], "start": row["start"], "end": row["end"], "kind": row["kind"],
        "cue": mention(row["cue"], row["cue_start"], row["cue_end"]), "speaker": speaker,
        "via": json.loads(row["via"]) if row["via"] else [], "confidence": row["confidence"],
        "article_id": row["article_id"], "url": row["url"], "outlet": row["outlet"], "published": row["published"],
    }


def _ordered(what: str, clauses: list[str] | None = None) -> str:
    """The query for ``what`` (a key of QUERIES), its WHERE ``clauses`` ANDed, then its ORDER BY."""
    sql, order = QUERIES[what]
    where = " WHERE " + " AND ".join(clauses) if clauses else ""
    return f"{sql}{where} {order}"


def _since(value: str):
    try:
        date = parse_date(value)
    except ValueError as exc:
        raise InputError(f"--since {value!r}: not a date; use e.g. 2024-05-01.") from exc
    return date
