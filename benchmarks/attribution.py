"""Attribution quality on PolNeAR: content, speaker and cue precision, recall and F1.

    python benchmarks/attribution.py                      # run the extractor over dev
    python benchmarks/attribution.py --limit 20 --errors 5
    newstrace quotes DIR/*.txt --format jsonl > pred.jsonl
    python benchmarks/attribution.py --pred pred.jsonl    # score saved predictions

Whole articles go through the extractor; the scoring rule is in
``newstrace.evaluation``. ``--errors N`` prints N missed, N spurious and N
wrong-speaker quotes for debugging (the corpus text is printed, never saved).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

import _common  # noqa: F401  (puts this checkout's src first on sys.path)

from newstrace.evaluation import Alignment, GoldAttribution, Predicted, Scores, align, load_polnear, role_right
from newstrace.models import Quote

Doc = tuple[str, str, list[GoldAttribution]]


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", default="dev", help="PolNeAR split (default: dev)")
    parser.add_argument("--data", type=Path, help="split folder (default: <shared>/data/polnear/<split>)")
    parser.add_argument("--limit", type=int, help="score only the first N articles (sorted by name)")
    parser.add_argument("--pred", type=Path, help="score predictions from `newstrace quotes --format jsonl`")
    parser.add_argument("--processes", type=int, default=1, help="worker processes for the extractor")
    parser.add_argument("--errors", type=int, default=0, metavar="N", help="print N errors of each type")
    parser.add_argument("--seed", type=int, default=0, help="seed for the error sample")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON instead of a table")
    return parser.parse_args(argv)


def run_extractor(docs: list[Doc], processes: int) -> list[list[Quote]]:
    from newstrace.quotes import extract_quotes_batch

    return list(extract_quotes_batch((text for _, text, _ in docs), n_process=processes))


def read_predictions(path: Path, docs: list[Doc]) -> tuple[list[Doc], list[list[Quote]]]:
    """Predictions from a jsonl file, keyed by file stem; articles it lacks are left out (and reported)."""
    by_name: dict[str, list[Quote]] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                record = json.loads(line)
                if record.get("error"):
                    print(f"warning: {record['path']}: {record['error']}", file=sys.stderr)
                by_name[Path(record["path"]).stem] = [Quote.from_dict(q) for q in record["quotes"]]
    kept = [doc for doc in docs if doc[0] in by_name]
    if len(kept) < len(docs):
        print(f"warning: {len(docs) - len(kept)} of {len(docs)} articles have no predictions; scoring {len(kept)}",
              file=sys.stderr)
    return kept, [by_name[name] for name, _, _ in kept]


def check_offsets(docs: list[Doc], predictions: list[list[Quote]]) -> None:
    """Warn when predicted offsets do not point at the predicted text (a decoding mismatch)."""
    bad = sum(q.content != text[q.start : q.end] for (_, text, _), quotes in zip(docs, predictions) for q in quotes)
    if bad:
        print(f"warning: {bad} predicted quotes have offsets that do not match their text", file=sys.stderr)


# --- output -----------------------------------------------------------------


def print_table(scores: Scores, seconds: float | None) -> None:
    print(f"{scores.documents} articles, {scores.gold} gold attributions, {scores.predicted} predicted, "
          f"{scores.matched} matched" + (f", extraction {seconds:.1f} s" if seconds is not None else ""))
    print(f"{'':10}{'precision':>10}{'recall':>10}{'F1':>10}{'correct':>10}")
    rows = [("content", scores.matched), ("speaker", scores.speaker_right), ("cue", scores.cue_right),
            ("exact", scores.exact_matched)]
    for name, correct in rows:
        prf = getattr(scores, name)
        print(f"{name:10}{prf.precision:10.3f}{prf.recall:10.3f}{prf.f1:10.3f}{correct:10}")
    print(f"{'direct':10}{'':10}{scores.direct_recall:10.3f}{'':10}{scores.direct_matched:10}"
          f"  (of {scores.direct_gold} direct gold quotes)")


def snippet(text: str, ranges: tuple[tuple[int, int], ...], width: int = 300) -> str:
    """The text of a span list, pieces joined with ' … ', shortened to ``width``."""
    joined = " … ".join(text[a:b] for a, b in ranges).replace("\n", "⏎")
    return joined if len(joined) <= width else joined[: width - 20] + " […] " + joined[-15:]


def describe(text: str, item: GoldAttribution | Predicted) -> str:
    source = snippet(text, item.source, 60) if item.source else "-"
    cue = snippet(text, item.cue, 40) if item.cue else "-"
    return f"    {item.content}  source: {source!r}  cue: {cue!r}\n    {snippet(text, item.content)!r}"


def print_errors(named: list[tuple[str, Alignment]], n: int, seed: int) -> None:
    missed = [(name, a.text, [("gold", g)]) for name, a in named for g in a.missed]
    spurious = [(name, a.text, [("pred", p)]) for name, a in named for p in a.spurious]
    speakers = [(name, a.text, [("gold", g), ("pred", p)]) for name, a in named for g, p, _ in a.matches()
                if not role_right(p.source, g.source)]
    rng = random.Random(seed)
    sections = [("missed (false negatives)", missed), ("spurious (false positives)", spurious),
                ("wrong speaker", speakers)]
    for title, items in sections:
        print(f"\n=== {title}: {min(n, len(items))} of {len(items)}")
        for item in sorted(rng.sample(items, min(n, len(items))), key=lambda i: (i[0], repr(i[2]))):
            name, text, parts = item
            print(f"- {name}")
            for label, part in parts:
                print(f"  {label}:\n{describe(text, part)}")


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    docs = load_polnear(args.data or _common.polnear_dir(args.split))[: args.limit]
    seconds = None
    if args.pred:
        docs, predictions = read_predictions(args.pred, docs)
    else:
        started = time.perf_counter()
        predictions = run_extractor(docs, args.processes)
        seconds = time.perf_counter() - started
    check_offsets(docs, predictions)
    named = [(name, align(text, gold, quotes)) for (name, text, gold), quotes in zip(docs, predictions)]
    scores = Scores()
    for _, alignment in named:
        scores.add(alignment)
    if args.json:
        print(json.dumps(scores.to_dict(), indent=2))
    else:
        print_table(scores, seconds)
    if args.errors:
        print_errors(named, args.errors, args.seed)


if __name__ == "__main__":
    main()
