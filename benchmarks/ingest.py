"""Ingest speed and memory on generated WARCs (sample stories repeated with changes).

    python benchmarks/ingest.py --sizes 2000 10000 --quotes-size 200

Each run is a fresh ``newstrace ingest`` process into a new store; we report
articles/s end to end (reading, extraction, dedupe, store, and quotes unless
``--no-quotes``) and the peak resident memory of the largest process (the
main one or a worker), which must not grow with the WARC's size.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import _common  # puts this checkout's src first on sys.path

sys.path.insert(0, str(_common.ROOT / "tests"))
import fixtures as fx  # noqa: E402


def variant(story: dict, copy: int, index: int) -> dict:
    """A changed copy of a story: new URL, a new lead sentence, one sentence dropped."""
    sentences = fx.paragraphs(story["text"], per=1)
    if copy and len(sentences) > 3:
        del sentences[copy % len(sentences)]
    lead = f"Article {index} of the benchmark, edition {copy}, filed from desk {index % 17}."
    return {**story, "url": story["url"].replace(".html", f"-{copy}.html"),
            "text": " ".join([lead, *sentences])}


def make_warc(path: Path, size: int) -> None:
    stories = fx.stories()
    items = [variant(stories[i % len(stories)], i // len(stories), i) for i in range(size)]
    fx.write_warc(path, items)


def measure(warc: Path, quotes: bool, processes: int) -> dict:
    """Run one ingest in a child process; wall time, articles and peak RSS."""
    db = warc.with_suffix(f".{quotes}.duckdb")
    command = [sys.executable, "-m", "newstrace", "ingest", str(warc), "--db", str(db), "--quiet",
               "-j", str(processes), *([] if quotes else ["--no-quotes"])]
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env={**os.environ, "PYTHONPATH": str(_common.ROOT / "src")})
    seconds = time.perf_counter() - started
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    articles, duplicates = con.execute("SELECT count(*), count(duplicate_of) FROM articles").fetchall()[0]
    con.close()
    return {"quotes": quotes, "articles": articles,
            "duplicates": duplicates, "seconds": round(seconds, 1), "articles_per_s": round(articles / seconds, 1),
            "peak_rss_mb": round(peak_kb / 1024), "warc_mb": round(warc.stat().st_size / 2**20, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 10000])
    parser.add_argument("--quotes-size", type=int, default=200, help="WARC size for the run with quotes")
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--measure", nargs=2, metavar=("WARC", "QUOTES"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:  # one measurement per process, so RUSAGE_CHILDREN is this run's alone
        print(json.dumps(measure(Path(args.measure[0]), args.measure[1] == "1", args.processes)))
        return
    with tempfile.TemporaryDirectory() as folder:
        runs = [(size, False) for size in args.sizes] + [(args.quotes_size, True)]
        print("| WARC articles | WARC MB | quotes | stored | duplicates | seconds | articles/s | peak RSS MB |")
        print("|---:|---:|:---:|---:|---:|---:|---:|---:|")
        for size, quotes in runs:
            warc = Path(folder) / f"bench-{size}.warc.gz"
            if not warc.exists():
                make_warc(warc, size)
            out = subprocess.run([sys.executable, __file__, "--processes", str(args.processes),
                                  "--measure", str(warc), "1" if quotes else "0"],
                                 check=True, capture_output=True, text=True).stdout
            r = json.loads(out)
            print(f"| {size} | {r['warc_mb']} | {'yes' if quotes else 'no'} | {r['articles']} | {r['duplicates']} "
                  f"| {r['seconds']} | {r['articles_per_s']} | {r['peak_rss_mb']} |", flush=True)


if __name__ == "__main__":
    main()
