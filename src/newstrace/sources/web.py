"""Fetching pages and feeds over HTTP(S) politely: timeouts, retries, a user agent
and a per-host rate limit, with httpx.

Transient failures (connection errors, 429 and 5xx) are retried with
exponential back-off; the last failure becomes a :class:`FetchError`.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from newstrace.errors import FetchError

USER_AGENT = "newstrace/0.1 (+https://github.com/newstrace/newstrace; news research toolkit)"
RETRY_STATUSES = {429, 500, 502, 503, 504}


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str
    content: bytes
    content_type: str
    charset: str | None


class Fetcher:
    """An HTTP client that waits ``min_interval`` seconds between requests to one host."""

    def __init__(self, *, timeout: float = 20.0, retries: int = 3, min_interval: float = 1.0,
                 backoff: float = 0.5) -> None:
        self.retries = retries
        self.min_interval = min_interval
        self.backoff = backoff
        self._last: dict[str, float] = {}
        self._client = httpx.Client(timeout=timeout, follow_redirects=True,
                                    headers={"User-Agent": USER_AGENT})

    def get(self, url: str) -> Fetched:
        """The body of ``url``; :class:`FetchError` after ``retries`` failed attempts."""
        problem = ""
        for attempt in range(self.retries + 1):
            if attempt:
                time.sleep(self.backoff * 2 ** (attempt - 1))
            self._wait_turn(url)
            try:
                response = self._client.get(url)
            except httpx.HTTPError as exc:
                problem = f"{type(exc).__name__}: {exc}"
                continue
            if response.status_code in RETRY_STATUSES:
                problem = f"HTTP {response.status_code}"
                continue
            if response.is_error:
                raise FetchError(f"{url}: HTTP {response.status_code}")
            return Fetched(str(response.url), response.content,
                           response.headers.get("content-type", ""), response.charset_encoding)
        raise FetchError(f"{url}: failed after {self.retries + 1} attempts ({problem})")

    def _wait_turn(self, url: str) -> None:
        host = urlsplit(url).netloc
        wait = self._last.get(host, 0.0) + self.min_interval - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        self._last[host] = time.monotonic()

    def close(self) -> None:
        self._client.close()
