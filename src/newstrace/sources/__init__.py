"""Sources: find the inputs a user names and read each as a stream of raw items.

A SOURCE is a file, a folder (searched recursively), a glob, or an http(s) URL.
The kind of a file comes from its name; each kind has one reader module
(``text``, ``html``, ``feeds``, ``warc``, ``jsonl``, ``web``), and every reader
yields :class:`RawItem` (an article to extract) or :class:`Reject` (input that
could not be read, with the reason), never raises on bad input.
"""

from __future__ import annotations

import glob
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from newstrace.errors import FetchError, InputError, UndecodableError
from newstrace.sources.feeds import feed_items, parse_feed, read_feed
from newstrace.sources.jsonl import read_jsonl
from newstrace.sources.records import RawItem, Reject, now
from newstrace.sources.text import decode_bytes
from newstrace.sources.warc import read_warc
from newstrace.sources.web import Fetcher

__all__ = ["RawItem", "Reject", "Source", "discover", "kind_of"]

#: File name endings we read, and the reader kind each one means.
KINDS: dict[str, str] = {
    ".txt": "text", ".html": "html", ".htm": "html",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
    ".warc": "warc", ".warc.gz": "warc", ".jsonl": "jsonl", ".jsonl.gz": "jsonl",
}


def kind_of(path: str) -> str | None:
    name = path.lower()
    for suffix in sorted(KINDS, key=len, reverse=True):
        if name.endswith(suffix):
            return KINDS[suffix]
    return None


@dataclass(slots=True)
class Source:
    """One input: a local file of a known kind, or a URL."""

    kind: str
    location: str
    size: int = 0
    _handle: BinaryIO | None = field(default=None, repr=False)

    def position(self) -> int:
        """Bytes of the file read so far (for progress)."""
        if self._handle is None or self._handle.closed:
            return 0
        return min(self._handle.tell(), self.size)

    def items(self, fetcher: Fetcher | None = None) -> Iterator[RawItem | Reject]:
        """The raw items of this source, in order; bad input becomes rejects."""
        if self.kind == "url":
            yield from _url_items(self.location, fetcher or Fetcher())
            return
        try:
            with open(self.location, "rb") as handle:
                self._handle = handle
                yield from _file_items(self.kind, handle, self.location)
        except OSError as exc:
            yield Reject(self.location, "unreadable", str(exc))


def discover(specs: Iterable[str]) -> list[Source]:
    """The sources named by ``specs`` (files, folders, globs, URLs), in a stable order.

    Raises :class:`InputError` for a spec that matches nothing, so a typo is not
    mistaken for an empty input.
    """
    sources: list[Source] = []
    seen: set[str] = set()
    for spec in specs:
        found = _expand(spec)
        if not found:
            raise InputError(f"{spec}: no such file, folder, glob match or URL.")
        for source in found:
            if source.location not in seen:
                seen.add(source.location)
                sources.append(source)
    return sources


def _expand(spec: str) -> list[Source]:
    if spec.startswith(("http://", "https://")):
        return [Source("url", spec)]
    path = Path(spec)
    if path.is_dir():
        paths = sorted(p for p in path.rglob("*") if p.is_file())
    elif path.is_file():
        paths = [path]
    else:
        paths = sorted(Path(p) for p in glob.glob(spec, recursive=True) if Path(p).is_file())
    named = [p for p in paths if kind_of(p.name) or path.is_file()]
    return [Source(kind_of(p.name) or "text", str(p.resolve()), p.stat().st_size) for p in named]


def _file_items(kind: str, handle: BinaryIO, source: str) -> Iterator[RawItem | Reject]:
    if kind == "warc":
        yield from read_warc(handle, source)
    elif kind == "jsonl":
        yield from read_jsonl(handle, source)
    else:
        data = handle.read()
        seen = min(datetime.fromtimestamp(Path(source).stat().st_mtime, UTC), now())
        if kind == "feed":
            yield from read_feed(data, source, fetched=seen)
        elif kind == "html":
            yield RawItem(source=source, html=data, first_seen=seen)
        else:
            yield _text_item(data, source, seen)


def _text_item(data: bytes, source: str, seen: datetime) -> RawItem | Reject:
    try:
        text = decode_bytes(data, name=source).text
    except UndecodableError as exc:
        return Reject(source, "undecodable", str(exc))
    return RawItem(source=source, text=text, first_seen=seen)


def _url_items(url: str, fetcher: Fetcher) -> Iterator[RawItem | Reject]:
    """A page, or a feed whose entries' pages are fetched in turn (entry content as fallback)."""
    try:
        page = fetcher.get(url)
    except FetchError as exc:
        yield Reject(url, "fetch_failed", str(exc))
        return
    seen = now()
    feed = None if "html" in page.content_type.lower() else parse_feed(page.content)
    if feed is None:
        yield RawItem(source=url, url=page.url, html=page.content, charset=page.charset,
                      first_seen=seen, resumable=False)
        return
    for item in feed_items(feed, url, fetched=seen):
        if isinstance(item, Reject):
            yield item
            continue
        item.resumable = False  # a live feed changes between runs: its positions are not a place to resume
        if not item.url:
            yield item
            continue
        try:
            linked = fetcher.get(item.url)
        except FetchError as exc:
            yield Reject(url, "fetch_failed", f"{exc}; used the feed entry's content", item.offset)
            yield item
            continue
        yield RawItem(source=url, offset=item.offset, url=linked.url, html=linked.content,
                      charset=linked.charset, meta=item.meta, first_seen=seen, resumable=False)
