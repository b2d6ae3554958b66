"""A small logistic model that says how likely a candidate attribution is real.

The rules in :mod:`newstrace.nlp.attribution` propose candidates generously (any
verb a person or group does something with a clause or an object by); this
model weighs what the rules cannot: which verbs, in which constructions, with
which kinds of subject, report speech or a stance in news writing. Its features
are names of grammatical facts (cue lemma, rule, dependency labels, kind of
subject), its weights a plain JSON table, so it costs a few microseconds per
candidate and can be read and audited. ``tools/train_attribution_filter.py``
fits it on gold attributions (PolNeAR's train split, kept outside the package).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

if TYPE_CHECKING:
    from newstrace.nlp.attribution import Attribution

WEIGHTS_FILE = "attribution_weights.json"


SURE_RULES = frozenset({"quote", "clause", "according"})


def speakers_of(doc: Doc, candidates: list[Attribution]) -> frozenset[str]:
    """Who speaks in plain words in this article: a source met there is likelier to hold views too."""
    return frozenset(
        doc[a.source[0]:a.source[1]].root.lower_ for a in candidates if a.source is not None and a.rule in SURE_RULES
    )


def features(doc: Doc, a: Attribution, speakers: frozenset[str] = frozenset()) -> list[str]:
    """Names of what the parse says about one candidate; ``speakers`` from :func:`speakers_of`."""
    names = [f"rule={a.rule}", f"kind={a.kind}", "bias"]
    content = doc.char_span(a.start, a.end, alignment_mode="expand")
    if content is not None and any(t.is_quote and t.lower_ != "'s" for t in content):
        names.append(f"quoted_inside={a.rule}")
    cue = doc[a.cue[0]] if a.cue is not None else None
    lemma = cue.lemma_.lower() if cue is not None else ""
    if cue is not None:
        names += [f"lemma={lemma}", f"rule_lemma={a.rule}|{lemma}", f"tag={cue.tag_}", f"dep={cue.dep_}",
                  f"rule_dep={a.rule}|{cue.dep_}"]
        if any(c.dep_ == "neg" for c in cue.children):
            names.append("negated")
        if cue.i > 0 and doc[cue.i - 1].lower_ in ("to", "would", "will", "could", "might", "should"):
            names.append(f"modal_before={a.rule}")
        if content is not None and len(content):
            names.append(f"content_head={a.rule}|{content.root.pos_}")
            names.append(f"content_first={content[0].lower_ if content[0].is_stop else content[0].pos_}")
            gap = content.start - cue.i if content.start > cue.i else cue.i - content.end
            where = "after" if content.start > cue.i else "before"
            names.append(f"gap={a.rule}|{where}|{min(gap, 4) if gap < 8 else 8}")
            names.append(f"sentences={a.rule}|{any(t.is_sent_start for t in content[1:])}")
        if cue.sent.start == 0:
            names.append("first_sentence")
    else:
        names.append("no_cue")
    if a.source is not None:
        root = doc[a.source[0]:a.source[1]].root
        kind = root.ent_type_ or root.pos_
        names += [f"source={kind}", f"rule_source={a.rule}|{kind}"]
        if cue is not None:
            names.append(f"lemma_source={lemma}|{kind}")
        if root.pos_ == "PRON":
            names.append(f"pronoun={root.lower_}")
        elif a.rule not in SURE_RULES:
            names.append(f"known_speaker={a.rule}|{root.lower_ in speakers}")
    else:
        names += ["source=none", f"rule_source={a.rule}|none"]
    length = a.end - a.start
    bucket = "xs" if length < 20 else "s" if length < 60 else "m" if length < 160 else "l"
    names += [f"length={bucket}", f"rule_length={a.rule}|{bucket}"]
    if a.inherit is not None:
        names.append("inherits")
    if a.reading is not None:
        names += _reading_features(a.reading, lemma, content)
    return names


def _reading_features(reading: str, lemma: str, content: Span | None) -> list[str]:
    """What tells the readings of one verb apart: which phrase, after which word, of what kind."""
    names = [f"reading={reading}", f"lemma_reading={lemma}|{reading}"]
    if content is not None and len(content):
        before = content.doc[content.start - 1] if content.start else None
        if before is not None and before.dep_ == "prep":
            names += [f"prep={before.lower_}", f"lemma_prep={lemma}|{before.lower_}"]
        root = content.root
        names.append(f"reading_kind={reading}|{root.ent_type_ or root.pos_}")
        if root.pos_ == "NOUN":  # "the bill", "the plan", "a shot": what kind of thing is acted on
            names.append(f"reading_noun={reading}|{root.lemma_.lower()}")
    return names


@dataclass
class CandidateFilter:
    """Logistic weights over feature names, and the probability below which we drop."""

    weights: dict[str, float]
    threshold: float = 0.5

    def probability(self, names: list[str]) -> float:
        z = sum(self.weights.get(name, 0.0) for name in names)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def keep(self, doc: Doc, candidates: list[Attribution]) -> list[Attribution]:
        """The candidates likely enough to be real, with only the likeliest reading of each cue."""
        best: dict[int, tuple[float, Attribution]] = {}
        kept = []
        speakers = speakers_of(doc, candidates)
        for a in candidates:
            p = self.probability(features(doc, a, speakers))
            if p < self.threshold:
                continue
            a.confidence = round(p, 2)
            if a.reading is None:
                kept.append(a)
            elif a.cue_head not in best or p > best[a.cue_head][0]:
                best[a.cue_head] = (p, a)
        return kept + [a for _, a in best.values()]

    @classmethod
    def load(cls, path: str | Path | None = None) -> CandidateFilter:
        source = Path(path) if path else resources.files("newstrace.nlp") / WEIGHTS_FILE
        data = json.loads(source.read_text(encoding="utf-8"))
        return cls(weights=data["weights"], threshold=data["threshold"])

    def save(self, path: str | Path, **about: object) -> None:
        data = {"about": about, "threshold": self.threshold,
                "weights": {k: round(v, 4) for k, v in sorted(self.weights.items()) if abs(v) > 1e-4}}
        Path(path).write_text(json.dumps(data, indent=0, sort_keys=False) + "\n", encoding="utf-8")
