"""Builders of realistic ingest inputs from the bundled VOA sample, written into a folder.

Every fixture is made from code at test time (nothing large is committed):
pages with site boilerplate, an RSS feed, a WARC with non-article records,
news-please JSON Lines, a windows-1251 page, and broken variants of each.
"""

from __future__ import annotations

import gzip
import html
import io
import json
import re
from email.utils import format_datetime
from pathlib import Path
from typing import Any

from dateutil import parser as dateparser
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newstrace.sample import sample_records

BOILERPLATE = {
    "nav": "Home News Sports Entertainment Subscribe Now",
    "cookie": "We use cookies to improve your experience. Accept all cookies",
    "related": "Related stories you may also like",
    "footer": "Copyright Example News Network. All rights reserved. Privacy policy",
}

RUSSIAN_TEXT = (
    "Президент заявил журналистам, что переговоры продолжатся на следующей неделе в Женеве. "
    "По словам министра иностранных дел, стороны обсудили вопросы безопасности и торговли. "
    "Эксперты считают, что соглашение может быть подписано уже в конце года, если обе стороны "
    "пойдут на уступки. Оппозиция раскритиковала правительство за отсутствие прозрачности. "
    "Представитель администрации отказался от комментариев, сославшись на ход переговоров."
)


def stories(n: int | None = None) -> list[dict[str, Any]]:
    records = list(sample_records())
    return records[:n] if n else records


def paragraphs(text: str, per: int = 3) -> list[str]:
    sentences = re.split(r"(?<=[.!?\"”])\s+(?=[A-Z“\"])", text)
    return [" ".join(sentences[i:i + per]) for i in range(0, len(sentences), per)]


def html_page(story: dict[str, Any], *, charset: str | None = "utf-8", lang: str = "en",
              text: str | None = None, date: str | None = None) -> str:
    """A news page with nav, cookie banner, related links and footer around the story."""
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs(text or story["text"]))
    meta_charset = f'<meta charset="{charset}">' if charset else ""
    published = date if date is not None else dateparser.parse(story["published"]).isoformat()
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head>{meta_charset}
<title>{html.escape(story['title'])} | Example News</title>
<meta property="og:title" content="{html.escape(story['title'])}">
<meta name="author" content="{html.escape(story.get('author') or '')}">
<meta property="article:published_time" content="{published}">
<meta property="og:site_name" content="Example News">
<link rel="canonical" href="{story['url']}">
</head><body>
<div id="cookie-banner" class="cookie-consent"><p>{BOILERPLATE['cookie']}</p><button>OK</button></div>
<header><nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sports">Sports</a></li><li><a href="/ent">Entertainment</a></li>
<li><a href="/subscribe">Subscribe Now</a></li></ul></nav></header>
<main><article><h1>{html.escape(story['title'])}</h1>
<p class="byline">By {html.escape(story.get('author') or '')}</p>
{body}
</article>
<aside class="related"><h2>{BOILERPLATE['related']}</h2><ul>
<li><a href="/a/1">Markets rally as inflation cools</a></li>
<li><a href="/a/2">Storm season starts early this year</a></li></ul></aside></main>
<footer><p>{BOILERPLATE['footer']}</p></footer>
</body></html>"""


def write_pages(folder: Path, items: list[dict[str, Any]]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for story in items:
        path = folder / f"{story['id']}.html"
        path.write_text(html_page(story), encoding="utf-8")
        paths.append(path)
    return paths


def rss_feed(items: list[dict[str, Any]], *, link_base: str | None = None) -> str:
    """RSS 2.0 with full text in content:encoded; links point at ``link_base`` if given."""
    entries = []
    for story in items:
        link = f"{link_base}/{story['id']}.html" if link_base else story["url"]
        pub = format_datetime(dateparser.parse(story["published"]))
        content = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs(story["text"]))
        entries.append(f"""<item><title>{html.escape(story['title'])}</title><link>{link}</link>
<guid>{link}</guid><pubDate>{pub}</pubDate><author>desk@example.com ({html.escape(story['author'] or '')})</author>
<description>{html.escape(story['text'][:200])}</description>
<content:encoded><![CDATA[{content}]]></content:encoded></item>""")
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Example News</title><link>https://example.com/</link><description>All the news</description>
{''.join(entries)}</channel></rss>"""


def write_warc(path: Path, items: list[dict[str, Any]], *, crawl_date: str = "2025-06-01T00:00:00Z") -> None:
    """A gzipped WARC: warcinfo, then per story a request and an HTML response; plus a
    metadata record, an image response and a redirect that are not articles."""
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=path.name.endswith(".gz"))
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "newstrace tests"}))
        for story in items:
            url = story["url"]
            writer.write_record(writer.create_warc_record(
                url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\nHost: example\r\n\r\n"),
                warc_headers_dict={"WARC-Date": crawl_date}))
            write_response(writer, url, html_page(story).encode("utf-8"), "text/html; charset=utf-8", crawl_date)
        writer.write_record(writer.create_warc_record(
            "https://example.com/meta", "metadata", payload=io.BytesIO(b"via: test\n"),
            warc_content_type="application/warc-fields"))
        write_response(writer, "https://example.com/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(200), "image/png", crawl_date)
        headers = StatusAndHeaders("301 Moved", [("Location", "https://example.com/")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://example.com/old", "response",
                                                      payload=io.BytesIO(b""), http_headers=headers))


def write_response(writer: WARCWriter, url: str, body: bytes, content_type: str, date: str) -> None:
    headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                  http_headers=headers, warc_headers_dict={"WARC-Date": date}))


def newsplease_record(story: dict[str, Any]) -> dict[str, Any]:
    """A story as news-please writes it."""
    return {
        "authors": [story["author"]] if story.get("author") else [],
        "date_download": "2025-06-01 00:00:00",
        "date_publish": story["published"].replace("Z", ""),
        "description": story["text"][:150],
        "language": "en",
        "maintext": story["text"],
        "source_domain": "www.voanews.com",
        "title": story["title"],
        "url": story["url"],
    }


def write_jsonl(path: Path, records: list[dict[str, Any] | str]) -> None:
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
    data = ("\n".join(lines) + "\n").encode("utf-8")
    path.write_bytes(gzip.compress(data) if path.name.endswith(".gz") else data)


def russian_page(*, declare: bool = True) -> bytes:
    """A page in windows-1251, declared in ``<meta charset>`` or not at all."""
    story = {"id": "ru1", "url": "https://example.ru/news/1.html", "title": "Переговоры продолжатся",
             "author": "Иван Петров", "published": "2024-10-01T10:00:00Z", "text": RUSSIAN_TEXT * 2}
    page = html_page(story, charset="windows-1251" if declare else None, lang="ru")
    return page.encode("cp1251")


def truncate(path: Path, keep: float = 0.6) -> None:
    """Cut a file to ``keep`` of its size, as an interrupted download leaves it."""
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])


def malformed_feed(items: list[dict[str, Any]]) -> str:
    """A feed with an unescaped ampersand, an unclosed tag and no closing channel/rss."""
    feed = rss_feed(items)
    feed = feed.replace("<title>Example News</title>", "<title>Example News & Friends</title>", 1)
    feed = feed.replace("<description>All the news</description>", "<description>All <b>the news</description>")
    return feed[: feed.rindex("</channel>")]


def no_text_page() -> str:
    return ("<html><head><title>Subscribe</title></head><body><nav><a href='/'>Home</a> "
            "<a href='/news'>News</a></nav><footer>All rights reserved.</footer></body></html>")


def binary_junk() -> bytes:
    return bytes(range(256)) * 20
