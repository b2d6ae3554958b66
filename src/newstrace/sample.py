"""The bundled sample corpus: 89 Voice of America stories (public domain, credit VOA)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from newstrace.corpus import Corpus
from newstrace.ingest import IngestSummary

SAMPLE_CREDIT = "Sample stories: voanews.com / Voice of America / VOA (public domain)."


def sample_path() -> str:
    return str(resources.files("newstrace") / "data" / "voa_sample.jsonl")


def sample_records() -> Iterator[dict[str, Any]]:
    """The sample stories as dicts with ``id``, ``url``, ``title``, ``published``, ``text``."""
    with open(sample_path(), encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def ingest_sample(db: str | Path, *, progress: bool = True, top: int = 15) -> tuple[IngestSummary, dict[str, Any]]:
    """Ingest the sample into ``db``: what this run did, and what the corpus now holds."""
    corpus = Corpus(db)
    return corpus.ingest([sample_path()], progress=progress), corpus.stats(top=top)
