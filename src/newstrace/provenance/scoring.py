"""Scores of derivation against known truth (the syndication benchmark and its test)."""

from __future__ import annotations

from collections.abc import Mapping

from newstrace.provenance.derivation import Derivation
from newstrace.provenance.simulate import Truth


def derivation_scores(pred: Mapping[str, Derivation | None], truth: Mapping[str, Truth]) -> dict[str, float]:
    """derived_from precision and recall (right parent), credit accuracy and kind accuracy."""
    predicted = {a: d for a, d in pred.items() if d is not None}
    derived = {a: t for a, t in truth.items() if t.parent is not None}
    right = [a for a, d in predicted.items() if truth[a].parent == d.parent.id]
    credit_ok = [
        a for a, t in derived.items() if (pred.get(a).credited if pred.get(a) else None) == t.credited
    ]
    kind_ok = [a for a in right if predicted[a].kind == truth[a].kind]
    return {
        "articles": len(truth),
        "derived": len(derived),
        "precision": len(right) / len(predicted) if predicted else 1.0,
        "recall": len(right) / len(derived) if derived else 1.0,
        "credit_accuracy": len(credit_ok) / len(derived) if derived else 1.0,
        "kind_accuracy": len(kind_ok) / len(right) if right else 1.0,
    }
