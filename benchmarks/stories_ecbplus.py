"""Story grouping on ECB+ (982 documents, 86 stories, two events of the same kind per topic).

Prints pairwise and B-cubed precision / recall / F1, for the corpus as one
batch (the issue's setting: no dates, one time window) and, to show what
incremental arrival costs on so small a corpus, in several shuffled batches.

    python benchmarks/stories_ecbplus.py [--batches 1 4]
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

import _common
from newstrace.provenance.evaluation import bcubed, pairwise
from newstrace.provenance.features import ArticleRef
from newstrace.provenance.stories import StoryIndex


def ecbplus_path() -> Path:
    path = _common.shared_dir() / "data" / "ecbplus" / "ecbplus.jsonl"
    if not path.exists():
        raise SystemExit(f"{path}: no ECB+ data")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batches", type=int, nargs="+", default=[1, 4])
    args = parser.parse_args()
    docs = [json.loads(line) for line in ecbplus_path().open(encoding="utf-8")]
    gold = {d["id"]: d["event"] for d in docs}
    for n in args.batches:
        order = docs[:]
        random.Random(0).shuffle(order)
        index, start = StoryIndex(), time.perf_counter()
        size = -(-len(order) // n)
        for i in range(0, len(order), size):
            index.add(ArticleRef(d["id"], d["url"], None, None, None, None, d["text"]) for d in order[i : i + size])
        p, r, f = pairwise(gold, index.assignments)
        bp, br, bf = bcubed(gold, index.assignments)
        print(f"{n} batch(es): {len(index.stories)} stories; pairwise P {p:.3f} R {r:.3f} F1 {f:.3f}; "
              f"B-cubed P {bp:.3f} R {br:.3f} F1 {bf:.3f}; {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    main()
