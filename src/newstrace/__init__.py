"""newstrace: who said what, who reported it first, and how a story travels.

The public Python API. Everything here is also reachable from the CLI.
"""

from newstrace.corpus import Corpus
from newstrace.errors import NewstraceError
from newstrace.models import Mention, Quote, Relay, Speaker
from newstrace.provenance.similarity import similarity
from newstrace.quotes import extract_quotes, extract_quotes_batch

__all__ = [
    "Corpus",
    "Mention",
    "NewstraceError",
    "Quote",
    "Relay",
    "Speaker",
    "extract_quotes",
    "extract_quotes_batch",
    "similarity",
]
__version__ = "0.1.0"
