"""Scale benchmark: time and memory of stories + provenance from 10,000 to 100,000 articles.

The corpus is simulated: each event is a VOA sample story cut to a dozen
sentences with its names and numbers replaced by random ones (so events share
vocabulary but not entities, like real news), published at 300 events a day,
then republished by other outlets as copies, excerpts and rewrites. Each size
runs in a fresh process (peak RSS is per process), in chunks of 2,000 articles
as `newstrace` updates a store.

    python benchmarks/scale.py [--sizes 10000 30000 100000]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone

import _common  # noqa: F401  (puts this checkout's src first on sys.path)

from newstrace.provenance.derivation import DerivationIndex
from newstrace.provenance.features import ArticleRef, sentences
from newstrace.provenance.simulate import derive, originals
from newstrace.provenance.stories import StoryIndex

EVENTS_PER_DAY = 300
START = datetime(2024, 1, 1, tzinfo=timezone.utc)
CHUNK = 2000
NAME = re.compile(r"\b[A-Z][a-z]+\b")
NUMBER = re.compile(r"\b\d[\d,.]*\b")
SYLLABLES = "ka lo mi ra tu ve si no da ren bar tel gor vin sal ek om ush".split()


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def event(templates: list[list[str]], k: int, rng: random.Random) -> ArticleRef:
    """A new event: a dozen sentences drawn from the templates, with other names and numbers."""
    names: dict[str, str] = {}
    text = " ".join(rng.choice(rng.choice(templates)) for _ in range(12))
    text = NAME.sub(lambda m: names.setdefault(m.group(0), _name(rng)) if rng.random() < 0.8 else m.group(0), text)
    text = NUMBER.sub(lambda m: str(rng.randint(2, 5000)), text)
    when = START + timedelta(days=k / EVENTS_PER_DAY, hours=rng.uniform(0, 6))
    title = " ".join(list(names.values())[:3]) + f" event {k}"
    return ArticleRef(f"e{k}", f"https://www.voanews.com/a/e{k}", "Voice of America", "voanews.com", when, title, text)


def simulated(n: int, seed: int = 1) -> list[ArticleRef]:
    """About n articles: events and their republications."""
    rng = random.Random(seed)
    templates = [sentences(a.text) for a in originals()]
    out: list[ArticleRef] = []
    k = 0
    while len(out) < n:
        src = event(templates, k, rng)
        out.append(src)
        for j in range(rng.choice([0, 1, 2, 3])):
            child, _ = derive(src, rng.choice(["copy", "excerpt", "rewrite"]), rng, f"e{k}-d{j}")
            out.append(child)
        k += 1
    return sorted(out[:n], key=lambda a: a.published)


def measure(n: int) -> dict[str, float]:
    """Generate n articles, then time stories and provenance over them in chunks."""
    articles = simulated(n)
    stories, derivations = StoryIndex(), DerivationIndex()
    t_prov = t_story = 0.0
    for start in range(0, n, CHUNK):
        chunk = articles[start : start + CHUNK]
        t0 = time.perf_counter()
        found = derivations.add(chunk)
        t1 = time.perf_counter()
        stories.add(chunk, {a: d.parent.id for a, d in found.items() if d is not None})
        t2 = time.perf_counter()
        t_prov += t1 - t0
        t_story += t2 - t1
    total = t_prov + t_story
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"articles": n, "stories_s": round(t_story, 1), "provenance_s": round(t_prov, 1), "total_s": round(total, 1),
            "articles_per_s": round(n / total), "peak_rss_mb": round(rss), "stories": len(stories.stories)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 30_000, 100_000])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one)))
        return
    print("| articles | stories (s) | provenance (s) | total (s) | articles/s | peak RSS (MB) | stories |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for n in args.sizes:
        res = subprocess.run([sys.executable, __file__, "--one", str(n)], capture_output=True, text=True, check=True)
        r = json.loads(res.stdout.strip().splitlines()[-1])
        print(f"| {r['articles']:,} | {r['stories_s']} | {r['provenance_s']} | {r['total_s']} | {r['articles_per_s']} "
              f"| {r['peak_rss_mb']} | {r['stories']:,} |", flush=True)


if __name__ == "__main__":
    main()
