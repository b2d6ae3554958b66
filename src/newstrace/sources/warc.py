"""Web archives (WARC, gzipped or not) read record by record, with warcio.

Memory stays flat whatever the archive's size: one record is in memory at a
time. Only successful HTML responses (and HTML resource records) are articles;
requests, metadata, images and redirects are skipped. A truncated or corrupt
archive keeps every record before the break and reports where it stopped.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord

from newstrace.sources.html import charset_of
from newstrace.sources.records import RawItem, Reject, parse_date

ARTICLE_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(raw: BinaryIO, source: str) -> Iterator[RawItem | Reject]:
    """One raw item per HTML response; ``offset`` is the record's byte offset in the file."""
    records = ArchiveIterator(raw)
    offset = 0
    try:
        for record in records:
            item = _record_item(record, source)
            offset = records.get_record_offset()  # reads the record to its end: call after the body
            if getattr(record.raw_stream, "limit", 0) > 0:  # warcio returns short reads at EOF
                yield Reject(source, "truncated_archive", f"the record at {offset} ends early; "
                             "kept the records before it", offset)
                return
            if item is not None:
                item.offset = offset
                yield item
    except (ArchiveLoadFailed, EOFError, zlib.error, OSError, ValueError) as exc:
        yield Reject(source, "truncated_archive", f"stopped after the record at {offset}: {exc}", offset)


def _record_item(record: ArcWarcRecord, source: str) -> RawItem | None:
    """The article in one WARC record, or ``None`` for records that are not articles."""
    if record.rec_type not in ("response", "resource"):
        return None
    if record.rec_type == "response":
        if record.http_headers is None or not record.http_headers.get_statuscode().startswith("2"):
            return None
        content_type = record.http_headers.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    if not content_type.lower().startswith(ARTICLE_TYPES):
        return None
    body = record.content_stream().read()
    try:
        seen = parse_date(record.rec_headers.get_header("WARC-Date"))
    except ValueError:
        seen = None
    return RawItem(source=source, url=record.rec_headers.get_header("WARC-Target-URI"),
                   html=body, charset=charset_of(content_type), first_seen=seen)
