"""Article text and metadata out of an HTML page, via trafilatura and htmldate.

Decoding honours the charset the server declared, then the page's own
``<meta charset>`` (the HTML standard's pre-scan, which is what browsers do
before parsing), then UTF-8, then detection; a declared charset that does not
decode the bytes is ignored rather than trusted into mojibake.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from email.message import Message

import trafilatura
from trafilatura.settings import Document

from newstrace.sources.text import decode_bytes

#: The HTML standard's encoding pre-scan looks at the first 1024 bytes.
PRESCAN_BYTES = 1024
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_HTML_LANG = re.compile(r"""<html[^>]*\slang\s*=\s*["']?([A-Za-z]{2,3})""", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class PageContent:
    text: str
    title: str | None
    authors: str | None
    date: str | None
    sitename: str | None
    language: str | None
    url: str | None = None


def decode_html(data: bytes | str, declared: str | None = None, *, name: str = "<html>") -> str:
    """The page as text: declared charset, else ``<meta charset>``, else UTF-8, else detected."""
    if isinstance(data, str):
        return data
    if not declared:
        match = _META_CHARSET.search(data[:PRESCAN_BYTES])
        declared = match.group(1).decode("ascii", "ignore") if match else None
    return decode_bytes(data, name=name, declared=declared).text


def extract_page(html: str, url: str | None, *, max_date: datetime) -> PageContent | None:
    """Main text (boilerplate removed) and metadata; ``None`` when there is no article text."""
    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params={
            "original_date": True,
            "extensive_search": True,
            "max_date": max_date.strftime("%Y-%m-%d"),
            "outputformat": "%Y-%m-%dT%H:%M:%S",
        },
    )
    if not isinstance(document, Document) or not (document.text or "").strip():
        return None
    lang = _HTML_LANG.search(html[:PRESCAN_BYTES * 4])
    return PageContent(
        text=document.text.strip(),
        title=document.title,
        authors=document.author,
        date=document.date,
        sitename=document.sitename,
        language=(document.language or (lang.group(1) if lang else None)),
        url=document.url,
    )


def charset_of(content_type: str | None) -> str | None:
    """The ``charset`` parameter of a Content-Type header, parsed by the stdlib."""
    if not content_type:
        return None
    message = Message()
    message["content-type"] = content_type
    return message.get_content_charset()
