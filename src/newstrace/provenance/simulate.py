"""A syndication corpus with known truth, simulated from the bundled VOA stories.

Other outlets republish VOA stories hours or days later as copies, excerpts and
rewrites, with and without credit, some of them second-hand (a copy or a lead excerpt of a copy or a rewrite: a
second-hand excerpt of an excerpt carries nothing of the intermediate, so no
method could tell it, and the simulation leaves it out); other
outlets report the same events independently (the same facts in sentences of
their own). Rewrites really paraphrase: sentences are dropped and reordered,
words swapped for synonyms, sentences added. Used by benchmarks/syndication.py
and by the tests; the random seed makes a corpus reproducible.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from newstrace.provenance.features import ArticleRef, entity_terms, sentences
from newstrace.sample import sample_records

OUTLETS = [
    ("Daily Ledger", "dailyledger.com"),
    ("Global Wire Today", "globalwiretoday.net"),
    ("The Morning Courier", "morningcourier.org"),
    ("Newsbeat 24", "newsbeat24.com"),
    ("Capital Observer", "capitalobserver.com"),
    ("Frontline Digest", "frontlinedigest.info"),
    ("Metro Tribune", "metrotribune.com"),
    ("World Desk Online", "worlddeskonline.com"),
]
SOURCE = ("Voice of America", "voanews.com")

DATELINES = ["WASHINGTON", "NEW YORK", "LONDON", "PARIS", "BERLIN", "TOKYO", "NAIROBI", "CAIRO", "DELHI",
             "SYDNEY", "TORONTO", "MEXICO CITY", "LAGOS", "ISTANBUL", "BANGKOK", "GENEVA"]
SYNONYMS = {
    "said": "stated", "says": "states", "killed": "slain", "attack": "assault", "attacks": "assaults",
    "officials": "authorities", "official": "representative", "government": "administration",
    "country": "nation", "president": "leader", "announced": "declared", "also": "additionally",
    "group": "organization", "forces": "troops", "military": "armed forces", "people": "individuals",
    "help": "assist", "large": "major", "big": "major", "many": "numerous", "city": "town",
    "against": "versus", "after": "following", "before": "prior to", "because": "since",
    "called": "described", "added": "continued", "told": "informed", "including": "among them",
    "however": "still", "about": "roughly", "more": "additional", "new": "fresh", "leaders": "chiefs",
    "war": "conflict", "fighting": "combat", "support": "backing", "plan": "proposal", "talks": "negotiations",
    "country's": "nation's", "claimed": "asserted", "warned": "cautioned", "began": "started",
    "show": "indicate", "shows": "indicates", "reported": "noted", "week": "seven days", "area": "region",
    "areas": "regions", "important": "significant", "try": "attempt", "tried": "attempted", "need": "require",
    "needs": "requires", "get": "obtain", "building": "structure", "buildings": "structures", "urged": "pressed",
    "continue": "carry on", "continued": "carried on", "recent": "latest", "statement": "release",
}
FILLERS = [
    "The development drew swift reactions from observers across the region.",
    "Analysts said the situation remained fluid and could change quickly.",
    "It was not immediately clear what would happen next.",
    "Residents described a tense atmosphere in the hours that followed.",
    "Further details were expected to emerge in the coming days.",
    "Critics have long questioned the approach taken by those involved.",
    "The episode underscores broader tensions that have simmered for years.",
]
CREDITS = {
    "copy": ["This article first appeared on {domain}.", "Originally published by {outlet} at {url}.",
             "Republished with permission from {outlet}."],
    "excerpt": ["Read the full story at {domain}.", "Excerpted from a report by {outlet}: {url}"],
    "rewrite": ["{outlet} reported the story first.", "The details were first reported by {outlet}.",
                "This report is based on reporting by {outlet}."],
}
OPENERS = ["By our account", "Speaking to us", "In our reporting", "As we understand", "Per our sources",
           "On the ground", "From what we saw", "Our staff learned", "Witnesses insisted", "Locals recalled"]
VERBS = ["figured prominently", "stood out", "drew scrutiny", "came up repeatedly", "loomed large",
         "was central", "remained contested", "featured heavily", "was widely discussed", "kept surfacing"]
TAILS = ["for many", "throughout", "again and again", "above all", "by most accounts", "in every conversation",
         "without doubt", "to nobody's surprise", "at each turn", "more than once"]


@dataclass(frozen=True, slots=True)
class Truth:
    """What really happened to one simulated article."""

    parent: str | None
    kind: str | None
    credited: bool | None


def _ref(aid: str, outlet: tuple[str, str], when: datetime, title: str, text: str) -> ArticleRef:
    return ArticleRef(aid, f"https://www.{outlet[1]}/news/{aid}", outlet[0], outlet[1], when, title, text)


def _credit_line(kind: str, parent: ArticleRef, rng: random.Random) -> str:
    line = rng.choice(CREDITS[kind])
    return line.format(domain=parent.domain, outlet=parent.outlet, url=parent.url)


def _swap(sentence: str, rng: random.Random, rate: float) -> str:
    def repl(m: re.Match) -> str:
        word = m.group(0)
        syn = SYNONYMS.get(word.lower())
        return syn if syn and rng.random() < rate * 4 else word
    return re.sub(r"[A-Za-z']+", repl, sentence)


def copy(parent: ArticleRef, rng: random.Random) -> tuple[str, str]:
    """Near-verbatim: new headline, sometimes a dateline."""
    text = rng.choice(DATELINES) + " — " + parent.text
    return f"{parent.title} | {rng.choice(['Update', 'Latest', 'World'])}", text


def excerpt(parent: ArticleRef, rng: random.Random, lead: bool = False) -> tuple[str, str]:
    """The lead or a run of middle sentences, between a fifth and a half of the source."""
    sents = sentences(parent.text)
    n = max(2, int(len(sents) * rng.uniform(0.2, 0.5)))
    start = 0 if lead or rng.random() < 0.6 else rng.randrange(0, max(1, len(sents) - n))
    return parent.title or "", " ".join(sents[start : start + n])


def rewrite(parent: ArticleRef, rng: random.Random) -> tuple[str, str]:
    """Paraphrase: drop a fifth to a third, reorder, swap synonyms, add sentences."""
    sents = sentences(parent.text)
    keep = [s for s in sents if rng.random() > rng.uniform(0.2, 0.35)] or sents[:2]
    for _ in range(max(1, len(keep) // 4)):
        i, j = rng.randrange(len(keep)), rng.randrange(len(keep))
        keep[i], keep[j] = keep[j], keep[i]
    keep = [_swap(s, rng, 0.15) for s in keep]
    for _ in range(rng.randint(1, 3)):
        keep.insert(rng.randrange(len(keep) + 1), rng.choice(FILLERS))
    return "Report: " + _swap(parent.title or "", rng, 0.3), " ".join(keep)


def independent(source: ArticleRef, rng: random.Random) -> tuple[str, str]:
    """The same facts (names, numbers) in sentences of the outlet's own."""
    ents = [t[2:] for t in entity_terms(source.text) if t.startswith("p:")] or ["the authorities"]
    nums = [t[2:] for t in entity_terms(source.text) if t.startswith("n:")] or ["several"]
    lines = []
    for _ in range(rng.randint(4, 8)):
        fact = rng.choice(ents).title() if rng.random() < 0.7 else f"the number {rng.choice(nums)}"
        lines.append(f"{rng.choice(OPENERS)}, {fact} {rng.choice(VERBS)} {rng.choice(TAILS)}.")
    return f"What we know: {rng.choice(ents).title()}", " ".join(dict.fromkeys(lines))


MAKERS = {"copy": copy, "excerpt": excerpt, "rewrite": rewrite}


def originals(limit: int | None = None) -> list[ArticleRef]:
    """The VOA sample as articles of the source outlet."""
    out = []
    for rec in list(sample_records())[:limit]:
        when = datetime.strptime(rec["published"], "%Y-%m-%d %H:%M:%SZ").replace(tzinfo=timezone.utc)
        out.append(ArticleRef(rec["id"], rec["url"], SOURCE[0], SOURCE[1], when, rec["title"], rec["text"]))
    return out


def derive(parent: ArticleRef, kind: str, rng: random.Random, aid: str, exclude: str | None = None) -> tuple[ArticleRef, Truth]:
    """One republication of ``parent`` by another outlet, with credit or not."""
    outlet = rng.choice([o for o in OUTLETS if o[0] not in (parent.outlet, exclude)])
    second_hand = parent.outlet != SOURCE[0]
    title, text = excerpt(parent, rng, lead=True) if kind == "excerpt" and second_hand else MAKERS[kind](parent, rng)
    credited = rng.random() < 0.5
    if credited:
        line = _credit_line(kind, parent, rng)
        text = f"{line} {text}" if rng.random() < 0.3 else f"{text} {line}"
    when = parent.published + timedelta(hours=rng.uniform(1, 72))
    return _ref(aid, outlet, when, title, text), Truth(parent.id, kind, credited)


def corpus(n_sources: int | None = None, seed: int = 7) -> tuple[list[ArticleRef], dict[str, Truth]]:
    """Originals, their republications (some second-hand) and independent reports, with truth."""
    rng = random.Random(seed)
    articles, truth = [], {}
    for src in originals(n_sources):
        articles.append(src)
        truth[src.id] = Truth(None, None, None)
        if rng.random() < 0.2:
            continue
        for k in range(rng.randint(1, 3)):
            child, t = derive(src, rng.choice(["copy", "excerpt", "rewrite"]), rng, f"{src.id}-d{k}")
            articles.append(child)
            truth[child.id] = t
            if t.kind != "excerpt" and rng.random() < 0.4:
                grand, t2 = derive(child, rng.choice(["copy", "excerpt"]), rng, f"{child.id}-c")
                articles.append(grand)
                truth[grand.id] = t2
        if rng.random() < 0.5:
            title, text = independent(src, rng)
            outlet = rng.choice(OUTLETS)
            when = src.published + timedelta(hours=rng.uniform(-6, 24))
            articles.append(_ref(f"{src.id}-i", outlet, when, title, text))
            truth[f"{src.id}-i"] = Truth(None, None, None)
    return articles, truth
