"""Story grouping on ECB+: two different events per topic, the other one a hard negative."""

import json
import os
from pathlib import Path

import pytest

from newstrace.provenance.evaluation import bcubed, pairwise
from newstrace.provenance.features import ArticleRef
from newstrace.provenance.stories import StoryIndex


def shared_dir() -> Path | None:
    root = Path(__file__).resolve().parents[1]
    for cand in (os.environ.get("NEWSTRACE_SHARED"), root.parent / "shared", "/work/shared"):
        if cand and Path(cand, "data").exists():
            return Path(cand)
    return None


@pytest.fixture(scope="module")
def ecb() -> list[dict]:
    base = shared_dir()
    path = base / "data" / "ecbplus" / "ecbplus.jsonl" if base else None
    if path is None or not path.exists():
        pytest.skip("ECB+ data not found (set NEWSTRACE_SHARED)")
    return [json.loads(line) for line in path.open(encoding="utf-8")]


def test_ecbplus_story_grouping_reaches_floor(ecb):
    index = StoryIndex()
    index.add(ArticleRef(d["id"], d["url"], None, None, None, None, d["text"]) for d in ecb)
    gold = {d["id"]: d["event"] for d in ecb}
    assert pairwise(gold, index.assignments)[2] >= 0.90
    assert bcubed(gold, index.assignments)[2] >= 0.90


def test_same_event_documents_share_a_story_and_the_twin_event_does_not(ecb):
    docs = [d for d in ecb if d["topic"] == 1]
    index = StoryIndex()
    index.add(ArticleRef(d["id"], None, None, None, None, None, d["text"]) for d in docs)
    stories_by_event = {}
    for d in docs:
        stories_by_event.setdefault(d["event"], set()).add(index.assignments[d["id"]])
    first, second = stories_by_event.values()
    assert not first & second
