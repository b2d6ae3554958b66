"""Fit the candidate filter (``newstrace/nlp/attribution_weights.json``) on gold attributions.

usage: python tools/train_attribution_filter.py [--split train] [--out PATH]

Candidates come from the attribution patterns with broad proposals on; a candidate
is positive when its content overlaps a gold content with Dice >= 0.5 (the rule
``newstrace.evaluation`` scores with). The weights are a logistic regression over
feature names (no text is stored). The threshold is the one that maximises
content F1 plus speaker F1 end to end on a held-out slice of the training split
(averaged with its neighbours, which differ by noise); the weights are then
fitted again on the whole split.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from _common import polnear_dir  # noqa: E402  (also puts this checkout's src first on sys.path)
from newstrace.evaluation import dice, load_polnear, score, trimmed_chars  # noqa: E402
from newstrace.nlp import attribution as rules  # noqa: E402
import spacy  # noqa: E402
from spacy.tokens import DocBin  # noqa: E402

from newstrace.nlp import paragraphs  # noqa: E402,F401
from newstrace.nlp.pipeline import find_model  # noqa: E402
from newstrace.nlp.scoring import CandidateFilter, features, speakers_of  # noqa: E402
from newstrace.nlp.speakers import SpeakerResolver  # noqa: E402

HELD_OUT_EVERY = 7  # every 7th training article is kept aside to pick the threshold


def parsed(split: str, cache: Path | None):
    nlp = spacy.load(find_model())
    nlp.add_pipe("newstrace_paragraphs", before="parser")
    docs = load_polnear(polnear_dir(split))
    if cache is not None and cache.exists():
        return docs, list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    parses = list(nlp.pipe((text for _, text, _ in docs), n_process=2, batch_size=8))
    if cache is not None:
        DocBin(docs=parses).to_disk(cache)
    return docs, parses


def candidates(finder: rules.AttributionFinder, doc):
    with rules.text_cached(doc):
        return finder.candidates(doc)


def examples(finder, docs, parses):
    rows, labels = [], []
    for (_, text, gold), doc in zip(docs, parses):
        golds = [trimmed_chars(text, g.content) for g in gold]
        found = candidates(finder, doc)
        speakers = speakers_of(doc, found)
        for a in found:
            pred = trimmed_chars(text, [(a.start, a.end)])
            rows.append(features(doc, a, speakers))
            labels.append(float(any(dice(pred, g) >= 0.5 for g in golds)))
    return rows, np.array(labels)


def fit(rows, labels, *, min_count=2, l2=3e-4, steps=1500, rate=0.5) -> dict[str, float]:
    counts: dict[str, int] = {}
    for names in rows:
        for name in names:
            counts[name] = counts.get(name, 0) + 1
    vocab = {name: i for i, name in enumerate(n for n, c in counts.items() if c >= min_count or n == "bias")}
    r, c = [], []
    for i, names in enumerate(rows):
        for name in names:
            if name in vocab:
                r.append(i)
                c.append(vocab[name])
    r, c = np.array(r), np.array(c)
    w = np.zeros(len(vocab))
    m, v = np.zeros_like(w), np.zeros_like(w)
    for step in range(1, steps + 1):  # full-batch Adam on the mean log loss
        z = np.bincount(r, weights=w[c], minlength=len(labels))
        p = 1 / (1 + np.exp(-np.clip(z, -30, 30)))
        grad = np.bincount(c, weights=(p - labels)[r], minlength=len(w)) / len(labels) + l2 * w
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad**2
        w -= rate * 0.05 * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    return {name: float(w[i]) for name, i in vocab.items()}


def end_to_end_f1(finder, docs, parses, model, threshold) -> tuple[float, float]:
    """Content F1 and speaker F1 on ``docs`` with the filter at ``threshold``."""
    finder.filter = CandidateFilter(model, threshold)
    resolver = SpeakerResolver()
    predicted = []
    for doc in parses:
        predicted.append(resolver(finder(doc))._.quotes)
    result = score((text, gold, quotes) for (_, text, gold), quotes in zip(docs, predicted))
    return result.content.f1, result.speaker.f1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="train")
    parser.add_argument("--cache", help="a DocBin file to keep the parses in between runs")
    parser.add_argument("--no-refit", action="store_true",
                        help="keep the weights fitted without the held-out slice (default: refit on all)")
    parser.add_argument("--out", default=str(ROOT / "src/newstrace/nlp/attribution_weights.json"))
    args = parser.parse_args()
    docs, parses = parsed(args.split, Path(args.cache) if args.cache else None)
    finder = rules.AttributionFinder(filter_weights=None)
    finder.broad = True
    fit_idx = [i for i in range(len(docs)) if i % HELD_OUT_EVERY]
    held_idx = [i for i in range(len(docs)) if not i % HELD_OUT_EVERY]
    rows, labels = examples(finder, [docs[i] for i in fit_idx], [parses[i] for i in fit_idx])
    print(f"{len(rows)} candidates, {int(labels.sum())} positive")
    model = fit(rows, labels)
    held_docs, held_parses = [docs[i] for i in held_idx], [parses[i] for i in held_idx]
    results = []
    for threshold in np.arange(0.2, 0.7, 0.05):
        content, speaker = end_to_end_f1(finder, held_docs, held_parses, model, threshold)
        print(f"threshold {threshold:.2f}: content F1 {content:.3f}, speaker F1 {speaker:.3f}")
        results.append((content + speaker, content, speaker, float(round(threshold, 2))))
    # neighbouring thresholds differ by noise: take the best on average with its neighbours
    windows = [results[max(0, i - 1):i + 2] for i in range(len(results))]
    smoothed = [sum(r[0] for r in window) / len(window) for window in windows]
    _, content, speaker, threshold = results[max(range(len(results)), key=smoothed.__getitem__)]
    if not args.no_refit:  # the threshold is chosen; now learn from every article
        held_rows, held_labels = examples(finder, held_docs, held_parses)
        rows, labels = rows + held_rows, np.concatenate([labels, held_labels])
        model = fit(rows, labels)
    articles = len(docs) if not args.no_refit else len(fit_idx)
    CandidateFilter(model, threshold).save(
        args.out, trained_on=f"PolNeAR {args.split} ({articles} articles)", candidates=len(rows),
        held_out_content_f1=round(content, 3), held_out_speaker_f1=round(speaker, 3),
    )
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
