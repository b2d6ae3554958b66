"""JSON Lines exports (ours, news-please, Media Cloud, trafilatura) as raw items.

Only ``text`` or ``html`` is required; the other fields are looked up under the
names each tool uses, in order of preference, so any of these exports works
unchanged. A broken line is rejected and the file goes on; a truncated gzip
keeps every line before the break.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator
from typing import Any, BinaryIO

from newstrace.sources.records import RawItem, Reject, parse_date

#: Our field -> the names used for it by us, news-please, Media Cloud and trafilatura.
FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("text", "maintext", "raw_text"),
    "html": ("html", "raw_html", "content_html"),
    "url": ("url", "link", "source_url"),
    "title": ("title",),
    "published": ("published", "date_publish", "publish_date", "date", "pubdate"),
    "authors": ("authors", "author", "byline"),
    "outlet": ("outlet", "media_name", "sitename", "source_domain", "hostname", "source", "media"),
    "language": ("language", "lang"),
    "id": ("id", "stories_id", "guid"),
    "first_seen": ("date_download", "collect_date", "first_seen", "filedate"),
}


def read_jsonl(raw: BinaryIO, source: str) -> Iterator[RawItem | Reject]:
    """One raw item per line (``offset`` is the 1-based line number)."""
    stream: BinaryIO = gzip.GzipFile(fileobj=raw) if source.endswith(".gz") else raw
    lineno = 0
    try:
        for lineno, line in enumerate(stream, start=1):
            if line.strip():
                yield record_item(line, source, lineno)
    except (EOFError, zlib.error, gzip.BadGzipFile, OSError) as exc:
        yield Reject(source, "truncated_gzip", f"stopped after line {lineno}: {exc}", lineno + 1)


def record_item(line: bytes, source: str, lineno: int) -> RawItem | Reject:
    try:
        record = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        return Reject(source, "invalid_json", str(exc), lineno)
    if not isinstance(record, dict):
        return Reject(source, "invalid_json", "line is JSON but not an object", lineno)
    fields = {name: _lookup(record, keys) for name, keys in FIELDS.items()}
    if not (fields["text"] or fields["html"]):
        return Reject(source, "no_article_text", "record has no text or html field", lineno)
    try:
        first_seen = parse_date(fields.pop("first_seen"))
    except ValueError:
        first_seen = None
    text, html = fields.pop("text"), fields.pop("html")
    meta = {key: value for key, value in fields.items() if value not in (None, "", [])}
    meta["date_source"] = "record"
    return RawItem(source=source, offset=lineno, url=meta.get("url"), text=text or None,
                   html=html if not text else None, meta=meta, first_seen=first_seen)


def _lookup(record: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        value = record.get(key)
        if value not in (None, "", []):
            return value
    return None
