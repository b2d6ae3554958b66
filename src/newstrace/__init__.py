"""newstrace: who said what, who reported it first, and how a story travels.

The public Python API. Everything here is also reachable from the CLI. Names are
imported on first use, so that importing one light module (``newstrace.errors``)
does not load spaCy, DuckDB and the rest.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newstrace.corpus import Corpus
    from newstrace.errors import NewstraceError
    from newstrace.models import Mention, Quote, Relay, Speaker
    from newstrace.provenance.similarity import similarity
    from newstrace.quotes import extract_quotes, extract_quotes_batch

_HOMES = {
    "Corpus": "newstrace.corpus",
    "Mention": "newstrace.models",
    "NewstraceError": "newstrace.errors",
    "Quote": "newstrace.models",
    "Relay": "newstrace.models",
    "Speaker": "newstrace.models",
    "extract_quotes": "newstrace.quotes",
    "extract_quotes_batch": "newstrace.quotes",
    "similarity": "newstrace.provenance.similarity",
}
__all__ = sorted(_HOMES)
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module 'newstrace' has no attribute {name!r}")
    value = getattr(import_module(_HOMES[name]), name)
    globals()[name] = value
    return value
