"""Speed of quote extraction against spaCy's parse alone, on the same texts, in the same run.

    python benchmarks/speed.py                    # PolNeAR dev, 3 rounds
    python benchmarks/speed.py --corpus voa --rounds 5 --processes 2

Each round times both, in alternating order (parse first on even rounds), after
one warm-up batch each; models are loaded before timing. Reported: best and
median seconds over the rounds, articles/s and words/s from the best, and the
time ratio newstrace / parse (1.20 = extraction costs 20% more than parsing).
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

import _common  # noqa: F401  (puts this checkout's src first on sys.path)

from newstrace.evaluation import load_polnear
from newstrace.nlp.pipeline import load_model, load_pipeline
from newstrace.quotes import extract_quotes_batch
from newstrace.sample import sample_records


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", choices=("polnear", "voa"), default="polnear",
                        help="PolNeAR article texts (default) or the bundled VOA sample")
    parser.add_argument("--split", default="dev", help="PolNeAR split (default: dev)")
    parser.add_argument("--limit", type=int, help="use only the first N articles")
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds of each (default: 3)")
    parser.add_argument("--processes", type=int, default=1, help="n_process for both (default: 1)")
    parser.add_argument("--batch-size", type=int, default=16, help="nlp.pipe batch size for both (default: 16)")
    return parser.parse_args(argv)


def load_texts(corpus: str, split: str, limit: int | None) -> list[str]:
    if corpus == "voa":
        texts = [record["text"] for record in sample_records()]
    else:
        texts = [text for _, text, _ in load_polnear(_common.polnear_dir(split))]
    return texts[:limit]


def timed(run: Callable[[], None]) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    texts = load_texts(args.corpus, args.split, args.limit)
    words = sum(len(text.split()) for text in texts)
    parser, pipeline = load_model(), load_pipeline()

    def parse(batch: list[str] = texts) -> None:
        for _ in parser.pipe(batch, batch_size=args.batch_size, n_process=args.processes):
            pass

    def extract(batch: list[str] = texts) -> None:
        for _ in extract_quotes_batch(batch, nlp=pipeline, batch_size=args.batch_size, n_process=args.processes):
            pass

    parse(texts[:4])  # warm-up, untimed
    extract(texts[:4])
    times: dict[str, list[float]] = {"parse": [], "newstrace": []}
    for round_ in range(args.rounds):
        order = [("parse", parse), ("newstrace", extract)]
        for name, run in order if round_ % 2 == 0 else order[::-1]:
            times[name].append(timed(run))

    print(f"{len(texts)} articles ({args.corpus}), {words} words, {args.rounds} rounds, "
          f"{args.processes} process(es), batch size {args.batch_size}, model {parser.meta['name']}")
    print(f"{'':11}{'best s':>9}{'median s':>10}{'articles/s':>12}{'words/s':>10}")
    for name, values in times.items():
        best = min(values)
        print(f"{name:11}{best:9.2f}{statistics.median(values):10.2f}{len(texts) / best:12.1f}{words / best:10.0f}")
    ratio_best = min(times["newstrace"]) / min(times["parse"])
    ratio_median = statistics.median(times["newstrace"]) / statistics.median(times["parse"])
    print(f"time ratio newstrace/parse: {ratio_best:.2f} (best), {ratio_median:.2f} (median)")


if __name__ == "__main__":
    main()
