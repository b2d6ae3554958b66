"""Clustering scores used by tests and benchmarks: pairwise and B-cubed precision, recall, F1."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from math import comb


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def pairwise(gold: Mapping[str, str], pred: Mapping[str, str]) -> tuple[float, float, float]:
    """Precision, recall, F1 over pairs of items put in the same cluster."""
    joint = Counter((gold[i], pred[i]) for i in gold)
    tp = sum(comb(n, 2) for n in joint.values())
    pred_pairs = sum(comb(n, 2) for n in Counter(pred[i] for i in gold).values())
    gold_pairs = sum(comb(n, 2) for n in Counter(gold.values()).values())
    p = tp / pred_pairs if pred_pairs else 1.0
    r = tp / gold_pairs if gold_pairs else 1.0
    return p, r, _f1(p, r)


def bcubed(gold: Mapping[str, str], pred: Mapping[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall, F1 (Bagga & Baldwin): per item, averaged."""
    joint = Counter((gold[i], pred[i]) for i in gold)
    gsize = Counter(gold.values())
    psize = Counter(pred[i] for i in gold)
    p = sum(joint[(gold[i], pred[i])] / psize[pred[i]] for i in gold) / len(gold)
    r = sum(joint[(gold[i], pred[i])] / gsize[gold[i]] for i in gold) / len(gold)
    return p, r, _f1(p, r)
