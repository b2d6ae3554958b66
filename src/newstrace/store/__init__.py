"""The corpus store: an embedded DuckDB file with a versioned schema."""

from newstrace.store.duckdb_store import DEFAULT_DB, Store

__all__ = ["DEFAULT_DB", "Store"]
