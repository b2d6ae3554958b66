"""The ingest pipeline: sources -> analysis on all cores -> dedupe -> store, in batches.

Memory stays bounded whatever the input's size: sources stream raw items, at
most ``window`` chunks are in flight to the worker processes, and each batch is
written in one transaction and then forgotten. A raw item is recorded in the
``items`` table with its batch, so a run that is interrupted resumes after the
last committed batch, and a second run over the same input adds nothing.
Bad input never stops the run: it becomes a reject with a reason.
"""

from __future__ import annotations

import json
import multiprocessing
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any, Protocol

from newstrace import dedupe
from newstrace.errors import AnalysisError
from newstrace.sources import Source, discover
from newstrace.sources.extract import build_article
from newstrace.sources.records import Article, RawItem, Reject, now
from newstrace.sources.web import Fetcher
from newstrace.store.duckdb_store import Batch, Store

CHUNK_SIZE = 16  # raw items per task sent to a worker
BATCH_SIZE = 256  # raw items per transaction


@dataclass(slots=True)
class Analysed:
    """What analysis made of one raw item."""

    key: str
    resumable: bool
    article: Article | None
    rejects: list[Reject]
    quotes: list[dict[str, Any]] = field(default_factory=list)
    signature: list[int] = field(default_factory=list)
    buckets: list[int] = field(default_factory=list)  # dedupe.buckets(signature), computed once in the worker


@dataclass(slots=True)
class Chunk:
    source_index: int
    raws: list[RawItem] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)


@dataclass(slots=True)
class IngestSummary:
    """What a run did; ``rejects`` counts problems per reason."""

    sources: int = 0
    added: int = 0
    duplicates: Counter[str] = field(default_factory=Counter)
    already_stored: int = 0
    quotes: int = 0
    rejects: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0


class Progress(Protocol):
    def start(self, sources: list[Source]) -> None: ...
    def update(self, source: Source, index: int, articles: int, rejects: int) -> None: ...
    def stop(self) -> None: ...


class NoProgress:
    def start(self, sources: list[Source]) -> None: ...
    def update(self, source: Source, index: int, articles: int, rejects: int) -> None: ...
    def stop(self) -> None: ...


def analyse_chunk(raws: list[RawItem], with_quotes: bool) -> list[Analysed]:
    """Extract, normalise, sign and (optionally) quote a chunk; runs in a worker."""
    results = [_analyse_one(raw) for raw in raws]
    if with_quotes:
        _add_quotes([r for r in results if r.article])
    return results


def _analyse_one(raw: RawItem) -> Analysed:
    try:
        article, rejects = build_article(raw)
        sig = dedupe.signature(article.text) if article else []
        sig_buckets = dedupe.buckets(sig) if article else []
    except Exception as exc:  # noqa: BLE001 - a library bug on one record must not stop the batch
        return Analysed(raw.key, raw.resumable, None,
                        [Reject(raw.source, "analysis_failed", f"{type(exc).__name__}: {exc}", raw.offset)])
    return Analysed(raw.key, raw.resumable, article, rejects, signature=sig, buckets=sig_buckets)


def _add_quotes(results: list[Analysed]) -> None:
    from newstrace.quotes import extract_quotes_batch  # spaCy loads only when quotes are wanted

    texts = [r.article.text for r in results]
    try:
        for result, quotes in zip(results, extract_quotes_batch(texts), strict=True):
            result.quotes = [q.to_dict() for q in quotes]
    except Exception as exc:  # noqa: BLE001 - keep the articles, report the failure
        for result in results:
            result.rejects.append(Reject(result.article.source, "quotes_failed", str(exc),
                                         result.article.source_offset, result.article.id))


def ingest(store: Store, specs: Iterable[str], *, quotes: bool = True, processes: int = 2,
           fetcher: Fetcher | None = None, progress: Progress | None = None,
           batch_size: int = BATCH_SIZE) -> IngestSummary:
    """Ingest every SOURCE in ``specs`` into ``store``; see the module docstring."""
    started = time.monotonic()
    sources = discover(specs)
    progress = progress or NoProgress()
    summary = IngestSummary(sources=len(sources))
    writer = _Writer(store, summary)
    own_fetcher = fetcher is None  # a caller's fetcher is the caller's to close
    fetcher = fetcher or Fetcher()
    progress.start(sources)
    counts = Counter()
    try:
        with _executor(processes) as pool:
            chunks = _chunks(store, sources, fetcher, summary)
            for chunk, results in _ordered_map(pool, chunks, quotes, window=2 * processes + 1):
                writer.add(chunk, results)
                counts["articles"] += sum(1 for r in results if r.article)
                counts["rejects"] += len(chunk.rejects) + sum(len(r.rejects) for r in results)
                source = sources[chunk.source_index]
                progress.update(source, chunk.source_index, counts["articles"], counts["rejects"])
                if writer.pending >= batch_size:
                    writer.flush()
        writer.flush()
    except BrokenProcessPool as exc:
        raise AnalysisError("an analysis worker died (out of memory?); committed batches are kept, "
                            "run the same command again to resume.") from exc
    finally:
        progress.stop()
        if own_fetcher:
            fetcher.close()
        summary.seconds = round(time.monotonic() - started, 2)
    return summary


def _executor(processes: int) -> Executor:
    if processes <= 1:
        return _InlineExecutor()
    return ProcessPoolExecutor(max_workers=processes, mp_context=multiprocessing.get_context("spawn"))


class _InlineExecutor(Executor):
    """Runs tasks at submit time in this process (``--processes 1``, tests, debugging)."""

    def submit(self, fn: Callable, /, *args: Any, **kwargs: Any):  # type: ignore[override]
        from concurrent.futures import Future

        future: Future = Future()
        future.set_result(fn(*args, **kwargs))
        return future


def _ordered_map(pool: Executor, chunks: Iterator[Chunk], quotes: bool,
                 window: int) -> Iterator[tuple[Chunk, list[Analysed]]]:
    """Results in input order with at most ``window`` chunks in flight (bounded memory)."""
    pending: deque = deque()
    for chunk in chunks:
        pending.append((chunk, pool.submit(analyse_chunk, chunk.raws, quotes)))
        if len(pending) >= window:
            done, future = pending.popleft()
            yield done, future.result()
    while pending:
        done, future = pending.popleft()
        yield done, future.result()


def _chunks(store: Store, sources: list[Source], fetcher: Fetcher,
            summary: IngestSummary) -> Iterator[Chunk]:
    """Raw items in chunks, minus those a previous run already committed."""
    for index, source in enumerate(sources):
        chunk = Chunk(index)
        for item in source.items(fetcher):
            if isinstance(item, Reject):
                chunk.rejects.append(item)
            else:
                chunk.raws.append(item)
            if len(chunk.raws) + len(chunk.rejects) >= CHUNK_SIZE:
                yield _drop_known(store, chunk, summary)
                chunk = Chunk(index)
        yield _drop_known(store, chunk, summary)


def _drop_known(store: Store, chunk: Chunk, summary: IngestSummary) -> Chunk:
    known = store.known_items([raw.key for raw in chunk.raws if raw.resumable])
    if known:
        chunk.raws = [raw for raw in chunk.raws if raw.key not in known]
        summary.already_stored += len(known)
    return chunk


class _Writer:
    """Collects analysed items, dedupes them against the store, writes a batch."""

    def __init__(self, store: Store, summary: IngestSummary) -> None:
        self.store = store
        self.summary = summary
        self.results: list[Analysed] = []
        self.rejects: list[Reject] = []

    @property
    def pending(self) -> int:
        return len(self.results) + len(self.rejects)

    def add(self, chunk: Chunk, results: list[Analysed]) -> None:
        self.rejects.extend(chunk.rejects)
        self.results.extend(results)

    def flush(self) -> None:
        if not self.pending:
            return
        batch = Batch()
        index = self._index()
        for result in self.results:
            self._add_result(batch, result, index)
        for reject in self.rejects:
            batch.rejects.append(_reject_row(reject))
        self.store.write(batch)
        for row in batch.rejects:
            self.summary.rejects[row["reason"]] += 1
        self.results, self.rejects = [], []

    def _index(self) -> dedupe.Index:
        """What the store already holds that this batch's articles could duplicate."""
        articles = [r.article for r in self.results if r.article]
        index = dedupe.Index(ids=self.store.known_articles([a.id for a in articles]))
        index.by_url = self.store.roots_by("url_norm", sorted({a.url_norm for a in articles if a.url_norm}))
        index.by_hash = self.store.roots_by("content_hash", sorted({a.content_hash for a in articles}))
        wanted = sorted({b for r in self.results if r.article for b in r.buckets})
        for bucket, root, sig in self.store.bucket_candidates(wanted):
            index.by_bucket.setdefault(bucket, []).append((root, list(sig)))
        return index

    def _add_result(self, batch: Batch, result: Analysed, index: dedupe.Index) -> None:
        article = result.article
        if result.resumable:
            batch.items.append({"key": result.key, "article_id": article.id if article else None})
        batch.rejects.extend(_reject_row(reject) for reject in result.rejects)
        if article is None:
            return
        if article.id in index.ids:
            self.summary.already_stored += 1
            return
        dedupe.classify(article, result.signature, result.buckets, index)
        index.add(article, result.signature, result.buckets)
        batch.articles.append(_article_row(article))
        batch.quotes.extend(_quote_row(article.id, i, q) for i, q in enumerate(result.quotes))
        batch.signatures.append({"article_id": article.id, "signature": result.signature})
        if article.duplicate_of is None:  # only originals are indexed: copies point at them
            batch.bands.extend({"bucket": b, "article_id": article.id} for b in result.buckets)
        self.summary.added += 1
        self.summary.quotes += len(result.quotes)
        if article.duplicate_kind:
            self.summary.duplicates[article.duplicate_kind] += 1


def _article_row(article: Article) -> dict[str, Any]:
    return {name: getattr(article, name) for name in Article.__slots__}


def _quote_row(article_id: str, idx: int, quote: dict[str, Any]) -> dict[str, Any]:
    cue = quote.get("cue") or {}
    speaker = quote.get("speaker") or {}
    mention = speaker.get("mention") or {}
    return {
        "article_id": article_id, "idx": idx, "content": quote["content"], "start": quote["start"],
        "end": quote["end"], "kind": quote["kind"], "cue": cue.get("text"), "cue_start": cue.get("start"),
        "cue_end": cue.get("end"), "speaker_name": speaker.get("name"), "speaker_kind": speaker.get("kind"),
        "speaker_mention": mention.get("text"), "speaker_start": mention.get("start"),
        "speaker_end": mention.get("end"), "via": json.dumps(quote.get("via", []), ensure_ascii=False),
        "confidence": quote.get("confidence"),
    }


def _reject_row(reject: Reject) -> dict[str, Any]:
    offset = "" if reject.offset is None else reject.offset
    return {"key": f"{reject.source}@{offset}#{reject.reason}", "source": reject.source,
            "source_offset": reject.offset, "reason": reject.reason, "detail": reject.detail[:1000],
            "article_id": reject.article_id, "seen": now()}
