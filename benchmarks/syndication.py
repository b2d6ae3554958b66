"""Syndication benchmark: simulated republishing of the VOA sample, scored against known truth.

Other outlets republish VOA stories hours or days later as copies, excerpts and
rewrites (paraphrased: sentences dropped, reordered, synonyms swapped,
sentences added), with and without credit, some second-hand, among unrelated
stories and independent reports of the same events. Prints derived_from
precision and recall, credits_source accuracy and kind accuracy per seed.

    python benchmarks/syndication.py [--seeds 5]
"""

from __future__ import annotations

import argparse
import time

import _common  # noqa: F401  (puts this checkout's src first on sys.path)

from newstrace.provenance.derivation import DerivationIndex
from newstrace.provenance.scoring import derivation_scores
from newstrace.provenance.simulate import corpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=5)
    args = parser.parse_args()
    totals: dict[str, float] = {}
    for seed in range(args.seeds):
        articles, truth = corpus(seed=seed)
        start = time.perf_counter()
        found = DerivationIndex().add(articles)
        elapsed = time.perf_counter() - start
        scores = derivation_scores(found, truth)
        print(f"seed {seed}: " + ", ".join(f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in scores.items())
              + f", {len(articles) / elapsed:.0f} articles/s")
        for k, v in scores.items():
            totals[k] = totals.get(k, 0) + v
    print("mean:   " + ", ".join(f"{k} {v / args.seeds:.3f}" for k, v in totals.items()))


if __name__ == "__main__":
    main()
