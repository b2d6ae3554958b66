"""Ingest real fixtures built from the VOA sample and check what the store holds."""

from __future__ import annotations

import json
import subprocess
import sys
import re
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

import fixtures as fx
from newstrace import Corpus
from newstrace.cli import app
from newstrace.errors import StoreLockedError
from newstrace.sources.web import Fetcher
from newstrace.store import Store


def rows(db: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def ingest(db: Path, *sources: Path | str, **options):
    options = {"quotes": False, "processes": 1, **options}
    return Corpus(db).ingest([str(s) for s in sources], **options)


@pytest.fixture(scope="module")
def stories():
    return fx.stories(12)


def test_html_pages_lose_boilerplate_and_keep_metadata(tmp_path, stories):
    fx.write_pages(tmp_path / "site" / "2025", stories[:3])
    summary = ingest(tmp_path / "c.duckdb", tmp_path / "site")
    assert summary.added == 3 and not summary.rejects
    got = {r[0]: r for r in rows(tmp_path / "c.duckdb",
                                 "SELECT url, title, authors, published, published_source, text, outlet, domain "
                                 "FROM articles")}
    for story in stories[:3]:
        url, title, authors, published, how, text, outlet, domain = got[story["url"]]
        assert title == story["title"] and authors == [story["author"]]
        assert published.strftime("%Y-%m-%d %H:%M:%S") == story["published"][:19] and how == "htmldate"
        assert story["text"][:100] in " ".join(text.split())
        assert story["text"][-80:] in " ".join(text.split())
        for junk in fx.BOILERPLATE.values():
            assert junk not in text
        assert outlet == "Example News" and domain == "voanews.com"


def test_rss_feed_entries_with_feed_dates(tmp_path, stories):
    (tmp_path / "news.rss").write_text(fx.rss_feed(stories[:2]), encoding="utf-8")
    assert ingest(tmp_path / "c.duckdb", tmp_path / "news.rss").added == 2
    got = rows(tmp_path / "c.duckdb", "SELECT title, published_source, outlet, authors, source_offset, text "
                                      "FROM articles ORDER BY source_offset")
    assert [g[0] for g in got] == [s["title"] for s in stories[:2]]
    assert {g[1] for g in got} == {"feed"} and {g[2] for g in got} == {"Example News"}
    assert got[0][3] == [stories[0]["author"]] and [g[4] for g in got] == [0, 1]
    assert stories[0]["text"][:120] in " ".join(got[0][5].split())


def test_warc_reads_html_responses_only(tmp_path, stories):
    fx.write_warc(tmp_path / "crawl.warc.gz", stories[:4], crawl_date="2025-06-01T00:00:00Z")
    summary = ingest(tmp_path / "c.duckdb", tmp_path / "crawl.warc.gz", processes=2)
    assert summary.added == 4 and not summary.rejects  # request, metadata, image, redirect skipped
    got = rows(tmp_path / "c.duckdb", "SELECT url, source_offset, first_seen, published FROM articles ORDER BY 2")
    assert [g[0] for g in got] == [s["url"] for s in stories[:4]]
    assert all(g[1] > 0 for g in got) and len({g[1] for g in got}) == 4
    assert all(g[2].isoformat().startswith("2025-06-01") and g[3] <= g[2] for g in got)


def test_newsplease_jsonl_fields(tmp_path, stories):
    fx.write_jsonl(tmp_path / "np.jsonl.gz", [fx.newsplease_record(s) for s in stories[:3]])
    assert ingest(tmp_path / "c.duckdb", tmp_path / "np.jsonl.gz").added == 3
    got = rows(tmp_path / "c.duckdb", "SELECT url, title, authors, outlet, language, language_declared, "
                                      "published_source, strftime(first_seen, '%Y-%m-%d') FROM articles")
    first = next(g for g in got if g[0] == stories[0]["url"])
    assert first[1:] == (stories[0]["title"], [stories[0]["author"]], "www.voanews.com", "en", "en",
                         "record", "2025-06-01")


def test_media_cloud_and_trafilatura_field_names(tmp_path, stories):
    story = stories[0]
    fx.write_jsonl(tmp_path / "mixed.jsonl", [
        {"url": story["url"], "title": story["title"], "publish_date": "2025-03-14 20:30:26",
         "media_name": "Voice of America", "text": story["text"]},
        {"text": stories[1]["text"], "title": stories[1]["title"], "date": "2025-03-14",
         "author": "A. Writer; B. Writer", "sitename": "VOA", "hostname": "voanews.com"},
    ])
    ingest(tmp_path / "c.duckdb", tmp_path / "mixed.jsonl")
    got = rows(tmp_path / "c.duckdb", "SELECT outlet, authors, strftime(published, '%Y-%m-%d') FROM articles "
                                      "ORDER BY source_offset")
    assert got == [("Voice of America", [], "2025-03-14"), ("VOA", ["A. Writer", "B. Writer"], "2025-03-14")]


def test_windows_1251_declared_and_undeclared(tmp_path):
    (tmp_path / "declared.html").write_bytes(fx.russian_page())
    (tmp_path / "undeclared.htm").write_bytes(fx.russian_page(declare=False).replace(b"1.html", b"2.html"))
    ingest(tmp_path / "c.duckdb", tmp_path)
    got = rows(tmp_path / "c.duckdb", "SELECT text, language, language_declared, duplicate_kind FROM articles "
                                      "ORDER BY url")
    assert len(got) == 2
    for text, language, declared, _ in got:
        assert fx.RUSSIAN_TEXT[:60] in text and language == "ru" and declared == "ru"
    assert got[1][3] == "text"  # the same text under another URL is a relation, not dropped


def broken_inputs(folder: Path, stories) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    fx.write_warc(folder / "cut.warc.gz", stories[:4])
    fx.truncate(folder / "cut.warc.gz", 0.75)
    fx.write_jsonl(folder / "cut.jsonl.gz", [fx.newsplease_record(s) for s in stories[4:12]])
    fx.truncate(folder / "cut.jsonl.gz", 0.5)
    (folder / "bad.xml").write_text(fx.malformed_feed(stories[:1]), encoding="utf-8")
    fx.write_jsonl(folder / "lines.jsonl", [fx.newsplease_record(stories[1]), '{"maintext": "cut',
                                            {**fx.newsplease_record(stories[2]), "date_publish": "soonish"}])
    (folder / "junk.html").write_bytes(fx.binary_junk())
    (folder / "empty.html").write_text(fx.no_text_page(), encoding="utf-8")
    (folder / "wrong.html").write_bytes(fx.russian_page().replace(b"windows-1251", b"utf-8"))


def test_broken_inputs_are_rejected_with_reasons_and_the_rest_kept(tmp_path, stories):
    broken_inputs(tmp_path / "in", stories)
    summary = ingest(tmp_path / "c.duckdb", tmp_path / "in")
    assert dict(summary.rejects) == {"truncated_archive": 1, "truncated_gzip": 1, "malformed_feed": 1,
                                     "invalid_json": 1, "bad_date": 1, "undecodable": 1, "no_article_text": 1}
    db = tmp_path / "c.duckdb"
    kept = dict(rows(db, "SELECT regexp_extract(source, '[^/]+$'), count(*) FROM articles GROUP BY 1"))
    assert kept["cut.warc.gz"] >= 2 and kept["cut.jsonl.gz"] >= 1  # records before the break
    assert kept["bad.xml"] == 1 and kept["lines.jsonl"] == 2 and kept["wrong.html"] == 1
    assert fx.RUSSIAN_TEXT[:60] in rows(db, "SELECT text FROM articles WHERE source LIKE '%wrong.html'")[0][0]
    bad_date = rows(db, "SELECT a.published, a.title FROM rejects r JOIN articles a ON a.id = r.article_id "
                        "WHERE r.reason = 'bad_date'")
    assert bad_date == [(None, stories[2]["title"])]  # kept, without a date
    assert rows(db, "SELECT count(*) FROM rejects WHERE source LIKE '%junk.html'") == [(1,)]


def test_second_run_adds_nothing(tmp_path, stories):
    broken_inputs(tmp_path / "in", stories)
    fx.write_pages(tmp_path / "in" / "pages", stories[:3])
    db = tmp_path / "c.duckdb"
    ingest(db, tmp_path / "in")
    counts = "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM rejects), (SELECT count(*) FROM quotes)"
    before = rows(db, counts)
    again = ingest(db, tmp_path / "in")
    assert again.added == 0 and rows(db, counts) == before


def test_duplicates_are_relations(tmp_path, stories):
    story = stories[0]
    copy = {**story, "url": "https://syndicator.example/copy.html"}
    edited = {**story, "url": "https://other.example/rewrite.html",
              "text": story["text"].replace("senior", "high-ranking", 1) + " Reporting by the desk."}
    updated = {**story, "text": story["text"] + " This story has been updated."}
    fx.write_jsonl(tmp_path / "a.jsonl", [story, copy, edited, updated, stories[1]])
    summary = ingest(tmp_path / "c.duckdb", tmp_path / "a.jsonl")
    assert summary.added == 5 and dict(summary.duplicates) == {"text": 1, "near": 1, "url": 1}
    got = dict(rows(tmp_path / "c.duckdb", "SELECT source_offset, (duplicate_of, duplicate_kind) FROM articles"))
    original = rows(tmp_path / "c.duckdb", "SELECT id FROM articles WHERE source_offset = 1")[0][0]
    assert got[2] == (original, "text")
    assert got[3] == (original, "near") and got[4] == (original, "url") and got[5] == (None, None)


def test_near_duplicates_found_across_runs(tmp_path, stories):
    fx.write_jsonl(tmp_path / "a.jsonl", [stories[0]])
    edited = {**stories[0], "url": "https://other.example/x", "text": "Update: " + stories[0]["text"][:-40]}
    fx.write_jsonl(tmp_path / "b.jsonl", [edited])
    ingest(tmp_path / "c.duckdb", tmp_path / "a.jsonl")
    assert dict(ingest(tmp_path / "c.duckdb", tmp_path / "b.jsonl").duplicates) == {"near": 1}


def test_interrupted_run_keeps_committed_batches_and_resumes(tmp_path, stories):
    fx.write_jsonl(tmp_path / "a.jsonl", stories)
    db = tmp_path / "c.duckdb"

    class Interrupt:
        calls = 0

        def start(self, sources): ...
        def stop(self): ...

        def update(self, *args):
            Interrupt.calls += 1
            if Interrupt.calls == 2:
                raise KeyboardInterrupt

    from newstrace import ingest as pipeline

    with Store(db) as store, pytest.raises(KeyboardInterrupt):
        pipeline.CHUNK_SIZE, saved = 4, pipeline.CHUNK_SIZE
        try:
            pipeline.ingest(store, [str(tmp_path / "a.jsonl")], quotes=False, processes=1,
                            progress=Interrupt(), batch_size=4)
        finally:
            pipeline.CHUNK_SIZE = saved
    assert rows(db, "SELECT count(*) FROM articles") == [(4,)]
    summary = ingest(db, tmp_path / "a.jsonl")
    assert summary.added == len(stories) - 4 and summary.already_stored == 4


def test_second_writer_gets_store_locked(tmp_path):
    db = tmp_path / "c.duckdb"
    Store(db).close()
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, duckdb; con = duckdb.connect(sys.argv[1]); print('ready', flush=True); sys.stdin.read()"),
        str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreLockedError, match="in use"):
            Store(db)
        result = CliRunner().invoke(app, ["ingest", str(db), "--db", str(db), "--quiet"])
        assert result.exit_code == 4 and "in use" in result.output
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)


@pytest.fixture()
def web_site(tmp_path, stories):
    site = tmp_path / "www"
    fx.write_pages(site, stories[:3])
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(site)))
    base = f"http://127.0.0.1:{server.server_port}"
    (site / "feed.xml").write_text(fx.rss_feed(stories[:3], link_base=base), encoding="utf-8")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield base
    server.shutdown()
    server.server_close()


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def test_url_ingest_of_a_page_and_a_feed(tmp_path, stories, web_site):
    fetcher = Fetcher(min_interval=0.01, retries=1, backoff=0.01, timeout=5)
    page = f"{web_site}/{stories[0]['id']}.html"
    summary = Corpus(tmp_path / "c.duckdb").ingest(
        [page, f"{web_site}/feed.xml", f"{web_site}/missing.html"], quotes=False, processes=1, fetcher=fetcher)
    assert summary.rejects == {"fetch_failed": 1}
    got = rows(tmp_path / "c.duckdb", "SELECT title, published_source, source FROM articles ORDER BY title")
    assert sorted({g[0] for g in got}) == sorted(s["title"] for s in stories[:3])
    assert any(g[1] == "feed" for g in got)  # the feed's date wins over the page's for feed entries


def test_exports_follow_the_contract(tmp_path, stories):
    fx.write_jsonl(tmp_path / "a.jsonl", [stories[0], {**stories[0], "url": "https://copy.example/1"}, "{oops"])
    db = tmp_path / "c.duckdb"
    ingest(db, tmp_path / "a.jsonl")
    corpus = Corpus(db)
    corpus.export("articles", "jsonl", tmp_path / "a.out.jsonl")
    lines = [json.loads(line) for line in (tmp_path / "a.out.jsonl").read_text().splitlines()]
    assert list(lines[0]) == ["id", "url", "outlet", "title", "authors", "published", "language", "text",
                              "duplicate_of"]
    original, copy = sorted(lines, key=lambda line: line["duplicate_of"] is not None)
    assert original["published"] == "2025-03-14T20:30:26Z" and copy["duplicate_of"] == original["id"]
    for fmt in ("parquet", "csv"):
        corpus.export("articles", fmt, tmp_path / f"a.{fmt}")
        reader = "read_parquet" if fmt == "parquet" else "read_csv_auto"
        assert rows(db, f"SELECT count(*) FROM {reader}('{tmp_path / f'a.{fmt}'}')") == [(2,)]
    result = CliRunner().invoke(app, ["export", "--db", str(db), "--what", "rejects", "--format", "jsonl"])
    reject = json.loads(result.output.splitlines()[0])
    assert result.exit_code == 0 and reject["reason"] == "invalid_json" and reject["source"].endswith("a.jsonl")


def test_read_back_with_filters_from_cli(tmp_path, stories):
    fx.write_jsonl(tmp_path / "a.jsonl", [{**s, "outlet": "VOA"} for s in stories[:4]])
    db = tmp_path / "c.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(tmp_path / "a.jsonl"), "--db", str(db), "--quiet",
                                      "--no-quotes", "-j", "1"])
    assert result.exit_code == 0 and "4 articles added" in result.output
    word = stories[0]["title"].split()[1]
    result = CliRunner().invoke(app, ["articles", "--db", str(db), "--outlet", "voa", "--since", "2025-01-01",
                                      "--search", word, "--format", "jsonl"])
    found = [json.loads(line) for line in result.output.splitlines()]
    assert stories[0]["title"] in [a["title"] for a in found]
    assert all(word.lower() in (a["title"] + a["text"]).lower() and a["outlet"] == "VOA" for a in found)
    assert CliRunner().invoke(app, ["articles", "--db", str(tmp_path / "none.duckdb")]).exit_code == 4


def test_a_source_that_matches_nothing_is_an_error(tmp_path):
    result = CliRunner().invoke(app, ["ingest", str(tmp_path / "nope*.warc"), "--db", str(tmp_path / "c.duckdb")])
    assert result.exit_code == 2 and "no such file" in result.output


def test_a_fetched_feed_is_read_afresh_each_run_even_its_entries_without_links(tmp_path, stories, web_site):
    fetcher = Fetcher(min_interval=0.01, retries=1, backoff=0.01, timeout=5)
    feed = tmp_path / "www" / "feed.xml"
    db = tmp_path / "c.duckdb"
    for story in stories[3:5]:  # the same feed URL, a new entry without a link at the same place
        feed.write_text(re.sub(r"<link>.*?</link>\s*<guid>.*?</guid>", "", fx.rss_feed([story])), encoding="utf-8")
        Corpus(db).ingest([f"{web_site}/feed.xml"], quotes=False, processes=1, fetcher=fetcher)
    titles = {row[0] for row in rows(db, "SELECT title FROM articles")}
    assert titles == {stories[3]["title"], stories[4]["title"]}
