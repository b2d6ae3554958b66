"""Quotes found during ingest are stored with their article and queryable across the corpus."""

from __future__ import annotations

import json
import re

from typer.testing import CliRunner

import fixtures as fx
from newstrace import Corpus, quotes as quotes_api
from newstrace.cli import app
from newstrace.models import Mention, Quote, Speaker


def fake_batch(texts, **_):
    """Stands in for the extractor (built in parallel): every "..." with a said-cue."""
    for text in texts:
        found = []
        for match in re.finditer(r"\"([^\"]{10,200})\"", text):
            found.append(Quote(match.group(1), match.start(1), match.end(1), "direct",
                               Mention("said", 0, 4), Speaker("Jane Doe", "person", Mention("she", 5, 8)),
                               confidence=0.9))
        yield found


def test_quotes_are_stored_and_queried(tmp_path, monkeypatch):
    monkeypatch.setattr(quotes_api, "extract_quotes_batch", fake_batch)
    fx.write_jsonl(tmp_path / "a.jsonl", [{**s, "outlet": "VOA"} for s in fx.stories(5)])
    db = tmp_path / "c.duckdb"
    summary = Corpus(db).ingest([str(tmp_path / "a.jsonl")], quotes=True, processes=1)
    assert summary.quotes > 0
    found = list(Corpus(db).quotes(speaker="jane", outlet="voa"))
    assert len(found) == summary.quotes
    first = found[0]
    assert set(first) == {"content", "start", "end", "kind", "cue", "speaker", "via", "confidence",
                          "article_id", "url", "outlet", "published"}
    assert first["speaker"] == {"name": "Jane Doe", "kind": "person", "mention": {"text": "she", "start": 5, "end": 8}}
    article = next(a for a in Corpus(db).articles() if a["id"] == first["article_id"])
    assert article["text"][first["start"]:first["end"]] == first["content"]
    assert Quote.from_dict(first).content == first["content"]
    assert list(Corpus(db).quotes(speaker="nobody")) == []

    result = CliRunner().invoke(app, ["quotes", "--db", str(db), "--speaker", "Jane", "--format", "jsonl"])
    assert result.exit_code == 0
    assert [json.loads(line)["content"] for line in result.output.splitlines()] == [q["content"] for q in found]
    stats = Corpus(db).stats()
    assert stats["articles"] == 5 and stats["top_speakers"][0] == ("Jane Doe", summary.quotes)


def test_quotes_without_files_or_db_says_how(tmp_path):
    result = CliRunner().invoke(app, ["quotes"])
    assert result.exit_code == 2 and "--db" in result.output
