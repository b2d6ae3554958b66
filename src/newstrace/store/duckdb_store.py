"""The corpus in one DuckDB file: open (with a clear message when it is locked),
migrate, write a batch in one transaction, and query.

Batches are inserted column-wise (``unnest`` of parameter lists), which is
orders of magnitude faster in DuckDB than row-by-row ``executemany``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb

from newstrace.errors import StoreError, StoreLockedError
from newstrace.store.schema import LATEST, MIGRATIONS

DEFAULT_DB = "newstrace.duckdb"
#: DuckDB caches up to 80% of RAM by default; a fixed cap keeps ingest memory flat
#: as the corpus grows (DuckDB spills to disk beyond it).
MEMORY_LIMIT = "512MB"


@dataclass(slots=True)
class Batch:
    """Everything one transaction writes: rows as dicts of column -> value."""

    articles: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    rejects: list[dict[str, Any]] = field(default_factory=list)
    items: list[dict[str, Any]] = field(default_factory=list)
    signatures: list[dict[str, Any]] = field(default_factory=list)
    bands: list[dict[str, Any]] = field(default_factory=list)


class Store:
    """A corpus store; ``read_only`` for queries (several readers may share a file)."""

    def __init__(self, path: str | Path = DEFAULT_DB, *, read_only: bool = False) -> None:
        self.path = Path(path)
        if read_only and not self.path.exists():
            raise StoreError(f"{self.path}: no corpus here. Create one with `newstrace ingest SOURCE --db {path}`.")
        self.con = _connect(self.path, read_only)
        if read_only:
            self._check_version()
        else:
            self._migrate()

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- schema ---------------------------------------------------------------

    def version(self) -> int:
        """The schema version applied to this file (0 for a new file)."""
        try:
            row = self.con.execute("SELECT max(version) FROM schema_version").fetchall()[0]
        except duckdb.CatalogException:
            return 0
        return row[0] or 0

    def _check_version(self) -> None:
        version = self.version()
        if version != LATEST:
            raise StoreError(f"{self.path}: schema version {version}, this newstrace reads {LATEST}. "
                             "Open it once for writing (e.g. `newstrace ingest`) to migrate it.")

    def _migrate(self) -> None:
        current = self.version()
        if current > LATEST:
            raise StoreError(f"{self.path}: made by a newer newstrace (schema {current} > {LATEST}); upgrade newstrace.")
        pending = [(number, sql) for number, sql in MIGRATIONS if number > current]
        if not pending:
            return
        with self._transaction():
            self.con.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER, applied TIMESTAMPTZ)")
            for number, sql in pending:
                self.con.execute(sql)
                self.con.execute("INSERT INTO schema_version VALUES (?, now())", [number])

    # -- writing --------------------------------------------------------------

    def write(self, batch: Batch) -> None:
        """Write a batch atomically: all of it or (on any error) none of it."""
        with self._transaction():
            self._insert("articles", batch.articles)
            self._insert("quotes", batch.quotes)
            self._insert("rejects", batch.rejects)
            self._insert("items", batch.items)
            self._insert("article_minhash", batch.signatures)
            self._insert("minhash_bands", batch.bands, ignore=False)

    def _insert(self, table: str, rows: Sequence[dict[str, Any]], *, ignore: bool = True) -> None:
        if not rows:
            return
        columns = list(rows[0])
        select = ", ".join(f'unnest(${i + 1}) AS "{name}"' for i, name in enumerate(columns))
        verb = "INSERT OR IGNORE" if ignore else "INSERT"
        values = [[row[name] for row in rows] for name in columns]
        self.con.execute(f"{verb} INTO {table} BY NAME SELECT {select}", values)

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """All or nothing: commit on success, roll back on any error; DuckDB errors become StoreError."""
        self.con.begin()
        try:
            yield
        except BaseException as exc:  # KeyboardInterrupt too: never leave a half-written batch
            self.con.rollback()
            if isinstance(exc, duckdb.Error):
                raise StoreError(f"could not write to the store: {exc}") from exc
            raise
        try:
            self.con.commit()
        except duckdb.Error as error:
            raise StoreError(f"could not commit to the store: {error}") from error

    # -- lookups for ingest ---------------------------------------------------

    def known_items(self, keys: list[str]) -> set[str]:
        return {k for (k,) in self._in("SELECT key FROM items WHERE key IN (SELECT unnest(?))", keys)}

    def known_articles(self, ids: list[str]) -> set[str]:
        return {i for (i,) in self._in("SELECT id FROM articles WHERE id IN (SELECT unnest(?))", ids)}

    def roots_by(self, column: str, values: list[str]) -> dict[str, str]:
        """For each value of ``url_norm`` or ``content_hash``: the original article's id."""
        assert column in ("url_norm", "content_hash")
        sql = (f"SELECT {column}, arg_min(coalesce(duplicate_of, id), first_seen) FROM articles "
               f"WHERE {column} IN (SELECT unnest(?)) GROUP BY {column}")
        return dict(self._in(sql, values))

    def bucket_candidates(self, buckets: list[int]) -> list[tuple[int, str, list[int]]]:
        """``(bucket, root id, signature)`` of stored articles sharing an LSH bucket."""
        sql = ("SELECT b.bucket, coalesce(a.duplicate_of, a.id), m.signature FROM minhash_bands b "
               "JOIN article_minhash m USING (article_id) JOIN articles a ON a.id = b.article_id "
               "WHERE b.bucket IN (SELECT unnest(?))")
        return self._in(sql, buckets)

    def _in(self, sql: str, values: list[Any]) -> list[tuple]:
        return self.con.execute(sql, [values]).fetchall() if values else []

    # -- queries --------------------------------------------------------------

    def query(self, sql: str, params: Iterable[Any] = ()) -> Iterator[dict[str, Any]]:
        """Rows of ``sql`` as dicts, fetched in chunks so large results stream."""
        cursor = self.con.execute(sql, list(params))
        names = [d[0] for d in cursor.description]
        while rows := cursor.fetchmany(1000):
            for row in rows:
                yield dict(zip(names, row))

    def copy(self, sql: str, out: str, fmt: str) -> None:
        """Write a query's result to ``out`` with DuckDB's COPY (parquet or csv)."""
        options = "FORMAT parquet" if fmt == "parquet" else "FORMAT csv, HEADER true"
        relation = self.con.sql(sql)
        try:
            relation.write_parquet(out) if fmt == "parquet" else relation.write_csv(out, header=True)
        except duckdb.Error as exc:
            raise StoreError(f"could not write {out} ({options}): {exc}") from exc


def _connect(path: Path, read_only: bool) -> duckdb.DuckDBPyConnection:
    try:
        return duckdb.connect(str(path), read_only=read_only, config={"memory_limit": MEMORY_LIMIT})
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            raise StoreLockedError(
                f"{path}: the database is in use by another newstrace process. "
                "Wait for it to finish, or pass another --db."
            ) from exc
        raise StoreError(f"{path}: cannot open the store: {exc}") from exc
    except duckdb.Error as exc:
        raise StoreError(f"{path}: not a newstrace store or damaged: {exc}") from exc


def as_iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None
