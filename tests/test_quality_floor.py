"""The extractor's quality on a fixed slice of PolNeAR dev may not drop below floors.

Skipped when the shared data is absent. The slice is every 7th dev article by
sorted name (12 articles), scored as ``benchmarks/attribution.py`` scores.
"""

from __future__ import annotations

import pytest

from newstrace.evaluation import Scores, load_polnear, score
from newstrace.quotes import extract_quotes_batch

# Measured 0.709 and 0.611 on this slice (all of dev: 0.750 and 0.659, docs/benchmarks.md).
# Raise them with the extractor; never lower them to make a change pass.
CONTENT_F1_FLOOR = 0.69
SPEAKER_F1_FLOOR = 0.60

EVERY = 7
ARTICLES = 12


@pytest.fixture(scope="module")
def dev_scores(shared) -> Scores:
    docs = load_polnear(shared / "data" / "polnear" / "dev")[::EVERY][:ARTICLES]
    assert len(docs) == ARTICLES
    predicted = extract_quotes_batch(text for _, text, _ in docs)
    return score((text, gold, quotes) for (_, text, gold), quotes in zip(docs, predicted))


def test_content_f1_floor(dev_scores):
    assert dev_scores.gold > 0
    assert dev_scores.content.f1 >= CONTENT_F1_FLOOR, dev_scores.to_dict()


def test_speaker_f1_floor(dev_scores):
    assert dev_scores.speaker.f1 >= SPEAKER_F1_FLOOR, dev_scores.to_dict()
