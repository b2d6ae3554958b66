"""The corpus schema, as numbered migrations applied in order.

``schema_version`` records what has been applied; opening a store for writing
applies the missing steps in one transaction. Never edit a released step: add
a new one. Columns are documented here because other analyses (story
clustering, provenance) read these tables directly.

articles: one row per distinct (normalised URL, text).
  id                 stable: hash of url_norm + content_hash (+ external id when no URL)
  url, url_norm      as found / normalised by courlan (tracking parameters dropped)
  domain             registered domain (``bbc.co.uk``)
  outlet             declared outlet name, else the page's site name, else the domain
  title, authors     declared metadata, else trafilatura's
  published          publication time (UTC), never after ``first_seen``
  published_source   how it was found: ``record``, ``feed``, ``declared``, ``htmldate``
  first_seen         when the article was first seen: WARC-Date, fetch time, file mtime
  language           detected by py3langid; ``language_declared`` what the source said
  text, content_hash main text (boilerplate removed) and its whitespace/case-folded hash
  source, source_offset  the file/URL, and WARC byte offset / JSONL line / feed entry index
  external_id        the ``id`` the input record carried, if any
  duplicate_of       id of the first article this one copies (NULL for originals)
  duplicate_kind     ``url`` (same URL, new text), ``text`` (same text), ``near`` (MinHash)
quotes: one row per attribution, ``idx`` its rank within the article.
rejects: input we could not use (or only partly), with the reason; ``article_id``
  is set when the article was kept despite the problem (e.g. ``bad_date``).
items: raw inputs already processed (``source@offset``), so an interrupted run resumes.
article_minhash / minhash_bands: near-duplicate signatures and their LSH buckets.
"""

from __future__ import annotations

MIGRATIONS: list[tuple[int, str]] = [
    (1, """
    CREATE TABLE articles (
        id VARCHAR PRIMARY KEY,
        url VARCHAR,
        url_norm VARCHAR,
        domain VARCHAR,
        outlet VARCHAR,
        title VARCHAR,
        authors VARCHAR[],
        published TIMESTAMPTZ,
        published_source VARCHAR,
        first_seen TIMESTAMPTZ NOT NULL,
        language VARCHAR,
        language_declared VARCHAR,
        text VARCHAR NOT NULL,
        content_hash VARCHAR NOT NULL,
        source VARCHAR,
        source_offset BIGINT,
        external_id VARCHAR,
        duplicate_of VARCHAR,
        duplicate_kind VARCHAR
    );
    CREATE TABLE quotes (
        article_id VARCHAR NOT NULL,
        idx INTEGER NOT NULL,
        content VARCHAR,
        start INTEGER,
        "end" INTEGER,
        kind VARCHAR,
        cue VARCHAR,
        cue_start INTEGER,
        cue_end INTEGER,
        speaker_name VARCHAR,
        speaker_kind VARCHAR,
        speaker_mention VARCHAR,
        speaker_start INTEGER,
        speaker_end INTEGER,
        via JSON,
        confidence DOUBLE,
        PRIMARY KEY (article_id, idx)
    );
    CREATE TABLE rejects (
        key VARCHAR PRIMARY KEY,
        source VARCHAR NOT NULL,
        source_offset BIGINT,
        reason VARCHAR NOT NULL,
        detail VARCHAR,
        article_id VARCHAR,
        seen TIMESTAMPTZ
    );
    CREATE TABLE items (key VARCHAR PRIMARY KEY, article_id VARCHAR);
    CREATE TABLE article_minhash (article_id VARCHAR PRIMARY KEY, signature UINTEGER[]);
    CREATE TABLE minhash_bands (bucket BIGINT NOT NULL, article_id VARCHAR NOT NULL);
    """),
]

LATEST = MIGRATIONS[-1][0]
