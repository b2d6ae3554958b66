"""The article record and its normalisation: ids, URLs, dates, language, hashes.

Every source (file, page, feed, archive, JSON Lines) hands over a
:class:`RawItem`; this module turns the metadata it carries into the fields of
an :class:`Article` the same way for all of them, so that ids and hashes are
comparable across sources (that is what makes re-ingesting idempotent and
duplicates findable).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import courlan
import py3langid
from dateutil import parser as dateparser

#: How much text language identification reads; more adds time, not accuracy.
LANGUAGE_SAMPLE_CHARS = 1500

_SPACE = re.compile(r"\s+")


@dataclass(slots=True)
class RawItem:
    """One article candidate as a source found it, before extraction.

    ``html`` (bytes or str) or ``text`` is the body; ``meta`` holds what the
    source declared (title, authors, published, outlet, language, id, ...).
    ``source`` + ``offset`` say where it came from and key it for resuming.
    """

    source: str
    offset: int | None = None
    url: str | None = None
    html: bytes | str | None = None
    text: str | None = None
    charset: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    first_seen: datetime | None = None
    resumable: bool = True  # False for live URLs: always fetched again

    @property
    def key(self) -> str:
        return self.source if self.offset is None else f"{self.source}@{self.offset}"


@dataclass(slots=True)
class Reject:
    """Input we could not turn into an article (or only partly), and why."""

    source: str
    reason: str
    detail: str = ""
    offset: int | None = None
    article_id: str | None = None  # set when the article was kept despite the problem


@dataclass(slots=True)
class Article:
    """One stored article (the columns of the ``articles`` table)."""

    id: str
    url: str | None
    url_norm: str | None
    domain: str | None
    outlet: str | None
    title: str | None
    authors: list[str]
    published: datetime | None
    published_source: str | None
    first_seen: datetime
    language: str | None
    language_declared: str | None
    text: str
    content_hash: str
    source: str
    source_offset: int | None
    external_id: str | None = None
    duplicate_of: str | None = None
    duplicate_kind: str | None = None


def normalise_url(url: str | None) -> tuple[str | None, str | None, str | None]:
    """``(url, url_norm, registered domain)``; tracking parameters and fragments go."""
    if not url or not url.strip():
        return None, None, None
    url = url.strip()
    try:
        norm = courlan.normalize_url(url, strict=True)
    except (ValueError, AttributeError):
        norm = url
    return url, norm, courlan.extract_domain(url) or None


def content_hash(text: str) -> str:
    """Hash of the text with whitespace and case folded, so re-encodings collide."""
    folded = _SPACE.sub(" ", text).strip().casefold()
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()[:32]


def article_id(url_norm: str | None, text_hash: str, external_id: str | None = None) -> str:
    """Stable id: same page and same text give the same id on every run."""
    basis = f"{url_norm or ''}\n{text_hash}\n{'' if url_norm else external_id or ''}"
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:20]


def parse_date(value: Any) -> datetime | None:
    """A date from ISO strings, RFC 822 feed dates, epoch numbers or struct_time.

    Raises ``ValueError`` when a value is present but unreadable, so the caller
    can record it. Naive dates are taken as UTC (what news archives mostly use).
    """
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, (int, float)):
        parsed = datetime.fromtimestamp(value / (1000 if value > 1e11 else 1), UTC)
    elif isinstance(value, tuple):  # time.struct_time from feedparser
        parsed = datetime(*value[:6], tzinfo=UTC)
    else:
        try:
            parsed = dateparser.parse(str(value))
        except (ValueError, OverflowError, dateparser.ParserError) as exc:
            raise ValueError(f"unparseable date {str(value)[:60]!r}") from exc
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language (py3langid), ``None`` for no text."""
    sample = text[:LANGUAGE_SAMPLE_CHARS]
    return py3langid.classify(sample)[0] if sample.strip() else None


def split_authors(value: Any) -> list[str]:
    """Authors from a list, or a string joined with ``;``, ``,`` or `` and ``."""
    if not value:
        return []
    items = value if isinstance(value, list) else re.split(r";|,|\band\b|\|", str(value))
    names = [str(item.get("name", "") if isinstance(item, dict) else item).strip() for item in items]
    return [name for name in names if name]


def now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)
