"""The quote-extraction API: text in, :class:`~newstrace.models.Quote` records out."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language

from newstrace.errors import InputError
from newstrace.models import Quote
from newstrace.nlp.pipeline import load_pipeline
from newstrace.sources.text import read_text


#: Longer texts are analysed in pieces cut at line breaks: the parser's memory grows
#: with the length of a document, and spaCy refuses texts over ``nlp.max_length``.
CHUNK_CHARS = 100_000


def extract_quotes(text: str, *, nlp: Language | None = None) -> list[Quote]:
    """Every attribution in one article, in text order."""
    return next(extract_quotes_batch([text], nlp=nlp))


def extract_quotes_batch(
    texts: Iterable[str],
    *,
    nlp: Language | None = None,
    batch_size: int = 16,
    n_process: int = 1,
) -> Iterator[list[Quote]]:
    """Attributions for many articles, streamed in input order through ``nlp.pipe``."""
    nlp = nlp or load_pipeline()
    pieces: deque[tuple[int, int]] = deque()  # (offset, pieces left in this text) per piece

    def chunks() -> Iterator[str]:
        for text in texts:
            parts = split_long_text(text)
            for i, (offset, part) in enumerate(parts):
                pieces.append((offset, len(parts) - 1 - i))
                yield part

    quotes: list[Quote] = []
    for doc in nlp.pipe(chunks(), batch_size=batch_size, n_process=n_process):
        offset, left = pieces.popleft()
        quotes.extend(quote.shifted(offset) for quote in doc._.quotes)
        if left == 0:
            yield quotes
            quotes = []


def split_long_text(text: str, limit: int | None = None) -> list[tuple[int, str]]:
    """``(offset, piece)`` pairs covering ``text``, cut at line breaks when it is long."""
    limit = limit or CHUNK_CHARS
    parts, start = [], 0
    while len(text) - start > limit:
        cut = text.rfind("\n", start + limit // 2, start + limit)
        cut = cut + 1 if cut != -1 else start + limit
        parts.append((start, text[start:cut]))
        start = cut
    parts.append((start, text[start:]))
    return parts


@dataclass(frozen=True, slots=True)
class FileQuotes:
    """The quotes of one input file, or why the file could not be read."""

    path: str
    quotes: list[Quote]
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"path": self.path, "quotes": [q.to_dict() for q in self.quotes]}
        if self.error:
            data["error"] = self.error
        return data


def files_quotes(paths: Iterable[str | Path], *, n_process: int = 1) -> Iterator[FileQuotes]:
    """Quotes for each file, streamed in input order.

    A file that cannot be read yields its error and the batch goes on.
    """
    pending: deque[tuple[str, str | None]] = deque()  # (path, error) in input order

    def readable_texts() -> Iterator[str]:
        for path in paths:
            try:
                text = read_text(path).text
            except InputError as exc:
                pending.append((str(path), str(exc)))
                continue
            pending.append((str(path), None))
            yield text

    def failed_before_next() -> Iterator[FileQuotes]:
        while pending and pending[0][1] is not None:
            path, error = pending.popleft()
            yield FileQuotes(path, [], error)

    for quotes in extract_quotes_batch(readable_texts(), n_process=n_process):
        yield from failed_before_next()
        path, _ = pending.popleft()
        yield FileQuotes(path, quotes)
    yield from failed_before_next()
