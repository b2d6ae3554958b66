"""From a source's raw item to an :class:`Article`: one code path for every source.

Declared metadata (a JSON record's fields, a feed entry's) wins over what we
infer from the page, because it is what the publisher said; every problem that
does not stop the article (an unreadable or impossible date) is reported as a
:class:`Reject` tied to the kept article, so nothing is dropped silently.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from newstrace.errors import UndecodableError
from newstrace.sources.html import PageContent, decode_html, extract_page
from newstrace.sources.records import (
    Article,
    RawItem,
    Reject,
    article_id,
    content_hash,
    detect_language,
    normalise_url,
    now,
    parse_date,
    split_authors,
)

#: Pages whose extracted text is shorter than this hold navigation, not an article.
MIN_PAGE_TEXT_CHARS = 200
#: Dates up to this far after first sight are clock skew or time zones, not errors.
FUTURE_TOLERANCE = timedelta(days=1)


def build_article(raw: RawItem) -> tuple[Article | None, list[Reject]]:
    """The article in ``raw`` (or ``None``) and the problems met on the way."""
    first_seen = min(raw.first_seen or now(), now())
    page: PageContent | None = None
    text = raw.text
    if not (text and text.strip()) and raw.html is not None:
        try:
            html = decode_html(raw.html, raw.charset, name=raw.key)
        except UndecodableError as exc:
            return None, [_reject(raw, "undecodable", str(exc))]
        page = extract_page(html, raw.url, max_date=first_seen)
        text = page.text if page else None
        if text and len(text) < MIN_PAGE_TEXT_CHARS:
            return None, [_reject(raw, "no_article_text", f"only {len(text)} characters of text on the page")]
    if not (text and text.strip()):
        return None, [_reject(raw, "no_article_text", "no main text found")]
    if "\x00" in text:
        return None, [_reject(raw, "undecodable", "text contains NUL bytes (binary data)")]
    rejects: list[Reject] = []
    article = _assemble(raw, text.strip(), page, first_seen, rejects)
    for reject in rejects:
        reject.article_id = article.id
    return article, rejects


def _assemble(raw: RawItem, text: str, page: PageContent | None, first_seen: datetime,
              rejects: list[Reject]) -> Article:
    meta = raw.meta
    url, url_norm, domain = normalise_url(meta.get("url") or raw.url or (page.url if page else None))
    published, published_source = _published(raw, page, first_seen, rejects)
    text_hash = content_hash(text)
    external_id = str(meta["id"]) if meta.get("id") not in (None, "") else None
    return Article(
        id=article_id(url_norm, text_hash, external_id),
        url=url,
        url_norm=url_norm,
        domain=domain,
        outlet=_first(meta.get("outlet"), page.sitename if page else None, domain),
        title=_first(meta.get("title"), page.title if page else None),
        authors=split_authors(meta.get("authors") or (page.authors if page else None)),
        published=published,
        published_source=published_source,
        first_seen=first_seen,
        language=detect_language(text),
        language_declared=_first(meta.get("language"), page.language if page else None),
        text=text,
        content_hash=text_hash,
        source=raw.source,
        source_offset=raw.offset,
        external_id=external_id,
    )


def _published(raw: RawItem, page: PageContent | None, first_seen: datetime,
               rejects: list[Reject]) -> tuple[datetime | None, str | None]:
    """The first usable date among the declared one and the page's (htmldate)."""
    candidates = [(raw.meta.get("published"), raw.meta.get("date_source", "declared"))]
    if page:
        candidates.append((page.date, "htmldate"))
    for value, how in candidates:
        try:
            date = parse_date(value)
        except ValueError as exc:
            rejects.append(_reject(raw, "bad_date", f"{how}: {exc}; article kept"))
            continue
        if date is None:
            continue
        if date > first_seen + FUTURE_TOLERANCE:
            rejects.append(_reject(raw, "date_after_first_seen",
                                   f"{how}: {date.isoformat()} is after first seen {first_seen.isoformat()}"))
            continue
        return min(date, first_seen), how
    return None, None


def _first(*values: Any) -> Any:
    for value in values:
        if isinstance(value, str):
            value = value.strip()
        if value:
            return value
    return None


def _reject(raw: RawItem, reason: str, detail: str) -> Reject:
    return Reject(raw.source, reason, detail, raw.offset)
