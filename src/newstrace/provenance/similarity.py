"""How likely two articles report the same story, from their texts alone.

Without a corpus there are no document frequencies, so words are weighted by
length (a cheap stand-in for rarity) and entities and numbers count double, as
in story grouping. The cosine is mapped to [0, 1] by a logistic curve fitted on
ECB+ same-topic pairs (same event vs the other event of the topic): 0.5 is
where the two are equally likely.
"""

from __future__ import annotations

import math

from newstrace.provenance.stories import ENTITY_WEIGHT, Vector, cosine, normalise, story_terms

MIDPOINT = 0.27
STEEPNESS = 16.0


def vector(text: str) -> Vector:
    """The weighted, L2-normalised terms of a text: build once for a text compared with many."""
    vec = {}
    for term, c in story_terms(text).items():
        boost = ENTITY_WEIGHT if term[1] == ":" else 1.0
        vec[term] = (1.0 + math.log(c)) * boost * math.log(2 + len(term))
    return normalise(vec)


def raw_similarity(text_a: str, text_b: str) -> float:
    """Weighted cosine of the two texts' words and entities."""
    return cosine(vector(text_a), vector(text_b))


def similarity(text_a: str, text_b: str) -> float:
    """Probability-like score in [0, 1] that the two texts report the same story."""
    if not text_a.strip():
        return 0.0
    return similarity_to(vector(text_a), text_b)


def similarity_to(vec_a: Vector, text_b: str) -> float:
    """:func:`similarity` of a non-blank text, given as its :func:`vector`, with ``text_b``."""
    if not text_b.strip():
        return 0.0
    return 1.0 / (1.0 + math.exp(-STEEPNESS * (cosine(vec_a, vector(text_b)) - MIDPOINT)))
