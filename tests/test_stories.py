"""Story grouping on ECB+: two different events per topic, the other one a hard negative."""

import json

import pytest

from newstrace.provenance.evaluation import bcubed, pairwise
from newstrace.provenance.features import ArticleRef
from newstrace.provenance.stories import StoryIndex


@pytest.fixture(scope="module")
def ecb(shared) -> list[dict]:
    path = shared / "data" / "ecbplus" / "ecbplus.jsonl"
    if not path.exists():
        pytest.skip(f"{path}: no ECB+ data")
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


def test_incremental_batches_stay_close_to_one_batch(ecb):
    index = StoryIndex()
    for start in range(0, len(ecb), 250):
        index.add(ArticleRef(d["id"], None, None, None, None, None, d["text"]) for d in ecb[start : start + 250])
    gold = {d["id"]: d["event"] for d in ecb}
    assert pairwise(gold, index.assignments)[2] >= 0.85
    assert bcubed(gold, index.assignments)[2] >= 0.88


def test_a_new_cluster_never_takes_the_story_of_a_cluster_kept_apart(ecb):
    # shuffled arrival in four batches: new clusters named after an article whose name a
    # larger cluster already holds were once merged into it (pairwise F1 0.869, now 0.909)
    import random

    docs = ecb[:]
    random.Random(0).shuffle(docs)
    index = StoryIndex()
    for start in range(0, len(docs), 246):
        index.add(ArticleRef(d["id"], None, None, None, None, None, d["text"]) for d in docs[start : start + 246])
    gold = {d["id"]: d["event"] for d in ecb}
    assert pairwise(gold, index.assignments)[2] >= 0.90


def test_a_batch_leaves_articles_outside_the_window_alone(ecb):
    from datetime import datetime, timedelta, timezone

    t0 = datetime(2024, 1, 1, tzinfo=timezone.utc)
    docs = [d for d in ecb if d["topic"] in (3, 4)]
    old = [ArticleRef(d["id"], None, None, None, t0, None, d["text"]) for d in docs]
    new = [ArticleRef(d["id"] + "-later", None, None, None, t0 + timedelta(days=30), None, d["text"]) for d in docs]
    index = StoryIndex()
    index.add(old)
    before = dict(index.assignments)
    changed = index.add(new)
    assert set(changed) == {a.id for a in new}
    assert all(index.assignments[k] == v for k, v in before.items())
    assert set(index.live) == {a.id for a in new}
    assert not set(index.assignments[a.id] for a in new) & set(before.values())


GROUP_IN_BATCHES = """
import json, random, sys
from newstrace.provenance.features import ArticleRef
from newstrace.provenance.stories import StoryIndex
docs = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
random.Random(0).shuffle(docs)
index = StoryIndex()
for start in range(0, 400, 100):
    index.add(ArticleRef(d["id"], None, None, None, None, None, d["text"]) for d in docs[start : start + 100])
print(json.dumps(index.assignments, sort_keys=True))
"""


def test_grouping_does_not_depend_on_the_hash_seed(ecb, shared):
    """Set and frozenset order follows PYTHONHASHSEED: grouping must not (seeds 0 and 1 differed here once)."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    import newstrace

    path = shared / "data" / "ecbplus" / "ecbplus.jsonl"
    src = str(Path(newstrace.__file__).resolve().parents[1])
    runs = []
    for seed in ("0", "1"):
        pythonpath = os.pathsep.join(filter(None, [src, os.environ.get("PYTHONPATH")]))
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": pythonpath}
        done = subprocess.run(
            [sys.executable, "-c", GROUP_IN_BATCHES, str(path)], env=env, capture_output=True, text=True, check=True
        )
        runs.append(json.loads(done.stdout))
    assert len(runs[0]) == 400
    assert runs[0] == runs[1]
