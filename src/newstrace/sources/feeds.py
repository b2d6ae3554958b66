"""RSS and Atom feeds as raw items, with feedparser.

feedparser recovers what it can from malformed XML (its ``bozo`` flag says the
feed was broken); we keep the recovered entries and report the breakage. Each
entry's own content is used as its article; when the feed came from the web,
the caller may fetch the linked page instead (see :mod:`newstrace.sources.web`).
"""

from __future__ import annotations

import html as htmllib
from collections.abc import Iterator
from datetime import datetime
from typing import Any

import feedparser

from newstrace.sources.records import RawItem, Reject


def parse_feed(data: bytes) -> feedparser.FeedParserDict | None:
    """The parsed feed when the bytes are RSS or Atom, else ``None``.

    Returned rather than a yes/no so that the caller can hand it to
    :func:`feed_items` instead of parsing the same bytes again.
    """
    head = data[:2048].lstrip().lower()
    if not (head.startswith(b"<?xml") or b"<rss" in head or b"<feed" in head):
        return None
    parsed = feedparser.parse(data)
    return parsed if parsed.version else None


def read_feed(data: bytes, source: str, *, fetched: datetime | None = None) -> Iterator[RawItem | Reject]:
    """One raw item per entry (``offset`` is the entry's index in the feed)."""
    yield from feed_items(feedparser.parse(data), source, fetched=fetched)


def feed_items(parsed: feedparser.FeedParserDict, source: str, *,
               fetched: datetime | None = None) -> Iterator[RawItem | Reject]:
    """The raw items of an already parsed feed (see :func:`read_feed`)."""
    entries = parsed.entries
    if parsed.bozo:
        problem = str(parsed.get("bozo_exception", "malformed feed"))[:200]
        detail = f"{problem}; recovered {len(entries)} entries"
        yield Reject(source, "malformed_feed", detail)
    outlet = parsed.feed.get("title")
    for index, entry in enumerate(entries):
        yield entry_item(entry, source, index, outlet, fetched)


def entry_item(entry: Any, source: str, index: int, outlet: str | None,
               fetched: datetime | None) -> RawItem:
    """An entry's content (or summary) as HTML, with its declared metadata."""
    contents = entry.get("content") or []
    body = contents[0].get("value") if contents else entry.get("summary", "")
    published = entry.get("published") or entry.get("updated")
    meta = {
        "url": entry.get("link"),
        "title": entry.get("title"),
        "authors": [a.get("name") for a in entry.get("authors", []) if a.get("name")] or entry.get("author"),
        "published": published,
        "outlet": outlet,
        "language": entry.get("language"),
        "date_source": "feed",
    }
    html = f"<html><head><title>{htmllib.escape(entry.get('title', ''))}</title></head><body><article>{body}</article></body></html>"
    return RawItem(source=source, offset=index, url=entry.get("link"), html=html,
                   meta={k: v for k, v in meta.items() if v}, first_seen=fetched)
