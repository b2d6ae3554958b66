"""Every error newstrace raises on purpose, in one place.

All of them derive from :class:`NewstraceError`, so a caller (our CLI, the web
layer, a user's script) can catch one type. Third-party errors are wrapped in
one of these with the original kept as ``__cause__``. Each message says what
went wrong and how to fix it. ``exit_code`` is what the CLI exits with.
"""

from __future__ import annotations


class NewstraceError(Exception):
    """Base class of every error newstrace raises on purpose."""

    exit_code = 1


class ModelNotFoundError(NewstraceError):
    """No usable spaCy English model is installed."""

    exit_code = 3


class InputError(NewstraceError):
    """An input (file, record, URL) cannot be read or decoded."""

    exit_code = 2


class UndecodableError(InputError):
    """The bytes are not text in any encoding we can detect (binary data)."""


class StoreError(NewstraceError):
    """The corpus store cannot be opened, migrated or written."""

    exit_code = 4


class StoreLockedError(StoreError):
    """Another process holds the corpus store open for writing."""


class FetchError(InputError):
    """A URL could not be fetched after retries."""


class AnalysisError(NewstraceError):
    """A worker process of the ingest pipeline died (often: out of memory).

    Everything committed before it is kept; running the same command again resumes.
    """

    exit_code = 5
