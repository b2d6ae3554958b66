"""Grouping articles into stories, incrementally, within a time window.

Each arriving batch is clustered by average linkage over a sparse graph whose
edges mix two similarities: the TF-IDF cosine of the two articles (entities and
numbers weigh double) and the overlap of their nearest neighbours ("shared
nearest neighbours"). The second one is what separates two earthquakes: both
share vocabulary, but an article's closest neighbours report its own quake.
Open stories take part as fixed clusters represented by their latest members,
so a batch costs time in its own size and never re-clusters the corpus.
Neighbours are found through an inverted index over each article's most
telling terms, never by comparing all pairs.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict, deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from newstrace.provenance.features import ArticleRef, entity_terms, sentences, term_counts

Vector = dict[str, float]

ENTITY_WEIGHT = 2.0
LEAD_WEIGHT = 2
THRESHOLD = 0.2
NEIGHBOURS = 5
MIX = 0.5
NEIGHBOUR_FLOOR = 0.1
KEEP_TERMS = 80
INDEX_TERMS = 15
QUERY_TERMS = 15
MAX_POSTINGS = 150
CANDIDATES = 40
STORY_RECENT = 10
WINDOW = timedelta(days=7)


def cosine(a: Vector, b: Vector) -> float:
    """Dot product of two sparse vectors (callers keep them L2-normalised)."""
    return sum(a[t] * b[t] for t in a.keys() & b.keys())


def normalise(vec: Vector) -> Vector:
    norm = math.sqrt(sum(w * w for w in vec.values())) or 1.0
    return {t: w / norm for t, w in vec.items()}


def story_terms(text: str) -> Counter[str]:
    """Words and entities, with the lead's entities counted again: the lead names the event."""
    counts = term_counts(text)
    counts.update({t: LEAD_WEIGHT for t in entity_terms(" ".join(sentences(text)[:2]))})
    return counts


class TermStats:
    """Document frequencies, updated as articles arrive (so weights need no corpus pass)."""

    def __init__(self) -> None:
        self.df: Counter[str] = Counter()
        self.n = 0

    def add(self, counts: Counter[str]) -> None:
        self.df.update(counts.keys())
        self.n += 1

    def idf(self, term: str) -> float:
        return math.log((self.n + 1) / (self.df.get(term, 0) + 1)) + 1.0

    def vector(self, counts: Counter[str]) -> Vector:
        """Sub-linear TF times IDF, entities up-weighted, top terms kept, L2-normalised."""
        vec = {}
        for term, c in counts.items():
            boost = ENTITY_WEIGHT if term[1] == ":" else 1.0
            vec[term] = (1.0 + math.log(c)) * self.idf(term) * boost
        if len(vec) > KEEP_TERMS:
            vec = dict(heapq.nlargest(KEEP_TERMS, vec.items(), key=lambda kv: kv[1]))
        return normalise(vec)


@dataclass
class Story:
    """A group of articles reporting one real-world event."""

    id: str
    members: list[str] = field(default_factory=list)
    first: datetime | None = None
    last: datetime | None = None

    def add(self, article_id: str, when: datetime | None) -> None:
        self.members.append(article_id)
        if when is not None:
            self.first = when if self.first is None else min(self.first, when)
            self.last = when if self.last is None else max(self.last, when)

    def recent(self) -> list[str]:
        return self.members[-STORY_RECENT:]


@dataclass
class _Live:
    """What the index keeps about an article while it is inside the time window."""

    vector: Vector
    when: datetime | None
    neighbours: dict[str, float] = field(default_factory=dict)


def top_terms(vec: Vector, k: int) -> list[str]:
    return [t for t, _ in heapq.nlargest(k, vec.items(), key=lambda kv: kv[1])]


class StoryIndex:
    """Incremental story grouping: feed batches of articles with :meth:`add`.

    ``assignments`` maps article id to story id; ``stories`` holds the stories.
    Articles older than the window are evicted from the index (their story
    assignment stays), so memory follows the window, not the corpus.
    """

    def __init__(self, threshold: float = THRESHOLD, window: timedelta = WINDOW) -> None:
        self.threshold = threshold
        self.window = window
        self.stats = TermStats()
        self.stories: dict[str, Story] = {}
        self.assignments: dict[str, str] = {}
        self.live: dict[str, _Live] = {}
        self.postings: dict[str, list[str]] = {}
        self._arrivals: deque[str] = deque()

    def add(self, articles: Iterable[ArticleRef], parents: dict[str, str] | None = None) -> dict[str, str]:
        """Assign a batch of articles to stories; returns {article id: story id}.

        ``parents`` maps an article to the earlier article it derives from: a
        copy is the same story as its source whatever the similarities say.
        """
        batch = sorted(articles, key=lambda a: (a.published is None, a.published or datetime.min))
        if not batch:
            return {}
        counts = [story_terms(_full_text(a)) for a in batch]
        for c in counts:
            self.stats.add(c)
        self._evict(batch[0].published)
        for article, c in zip(batch, counts):
            self._enter(article, self.stats.vector(c))
        edges = self._edges(batch)
        for article in batch:
            self._neighbours(article.id)
        clusters = self._cluster(batch, edges)
        out = self._commit(clusters, batch)
        for child, parent in (parents or {}).items():
            if child in out and parent in self.assignments:
                out[child] = self._move(child, self.assignments[parent])
        return out

    def _move(self, aid: str, sid: str) -> str:
        """Put an article into another story (dropping its old story if that empties)."""
        old = self.stories[self.assignments[aid]]
        if old.id == sid:
            return sid
        old.members.remove(aid)
        if not old.members:
            del self.stories[old.id]
        when = self.live[aid].when if aid in self.live else None
        self.stories[sid].add(aid, when)
        self.assignments[aid] = sid
        return sid

    def restore(self, articles: list[ArticleRef], assignments: dict[str, str]) -> None:
        """Know again the already grouped articles of the window (from the store), without regrouping them."""
        batch = sorted(articles, key=lambda a: (a.published is None, a.published or datetime.min))
        counts = [story_terms(_full_text(a)) for a in batch]
        for c in counts:
            self.stats.add(c)
        for article, c in zip(batch, counts):
            self._enter(article, self.stats.vector(c))
            sid = assignments[article.id]
            self.stories.setdefault(sid, Story(id=sid)).add(article.id, article.published)
            self.assignments[article.id] = sid
        self._edges(batch)

    def _enter(self, article: ArticleRef, vec: Vector) -> None:
        self.live[article.id] = _Live(vec, article.published)
        self._arrivals.append(article.id)
        for term in top_terms(vec, INDEX_TERMS):
            plist = self.postings.setdefault(term, [])
            plist.append(article.id)
            if len(plist) > MAX_POSTINGS:
                del plist[0]

    def _candidates(self, aid: str) -> list[str]:
        """Live articles sharing the most telling terms, the best-sharing first."""
        me = self.live[aid]
        hits: Counter[str] = Counter()
        for term in top_terms(me.vector, QUERY_TERMS):
            hits.update(self.postings.get(term, ()))
        hits.pop(aid, None)
        out = []
        for cid, _ in hits.most_common():
            other = self.live.get(cid)
            if other is not None and _within(me.when, other.when, self.window):
                out.append(cid)
                if len(out) == CANDIDATES:
                    break
        return out

    def _edges(self, batch: list[ArticleRef]) -> dict[tuple[str, str], float]:
        """Cosine for each candidate pair; also keeps every article's top neighbours up to date."""
        edges: dict[tuple[str, str], float] = {}
        for article in batch:
            me = self.live[article.id]
            for cid in self._candidates(article.id):
                key = (article.id, cid) if article.id < cid else (cid, article.id)
                if key in edges:
                    continue
                sim = cosine(me.vector, self.live[cid].vector)
                edges[key] = sim
                _offer(me.neighbours, cid, sim)
                _offer(self.live[cid].neighbours, article.id, sim)
        return edges

    def _neighbours(self, aid: str) -> dict[str, float]:
        return self.live[aid].neighbours

    def _combined(self, a: str, b: str, cos: float) -> float:
        return (1 - MIX) * cos + MIX * _overlap(self.live[a].neighbours, self.live[b].neighbours)

    def _cluster(self, batch: list[ArticleRef], edges: dict[tuple[str, str], float]) -> dict[str, list[str]]:
        """Average linkage over the sparse edge graph; open stories are fixed clusters."""
        in_batch = {a.id for a in batch}
        node = {a.id: "a:" + a.id for a in batch}
        members: dict[str, list[str]] = {"a:" + a.id: [a.id] for a in batch}
        size: dict[str, int] = {c: 1 for c in members}
        links: dict[str, dict[str, float]] = defaultdict(dict)
        for (a, b), cos in edges.items():
            ca, cb = self._cluster_of(a, in_batch, node), self._cluster_of(b, in_batch, node)
            if ca is None or cb is None or ca == cb or (ca[0] == "s" and cb[0] == "s"):
                continue
            sim = self._combined(a, b, cos)
            links[ca][cb] = links[ca].get(cb, 0.0) + sim
            links[cb][ca] = links[ca][cb]
            for c in (ca, cb):
                if c[0] == "s":
                    size[c] = len(self.stories[c[2:]].recent())
                    members.setdefault(c, [])
        return _average_linkage(links, size, members, self.threshold)

    def _cluster_of(self, aid: str, in_batch: set[str], node: dict[str, str]) -> str | None:
        if aid in in_batch:
            return node[aid]
        sid = self.assignments.get(aid)
        if sid is None or aid not in self.stories[sid].recent():
            return None
        return "s:" + sid

    def _commit(self, clusters: dict[str, list[str]], batch: list[ArticleRef]) -> dict[str, str]:
        when = {a.id: a.published for a in batch}
        out = {}
        for key, ids in clusters.items():
            ids = sorted(ids, key=lambda i: (when[i] is None, when[i] or datetime.min, i))
            if key.startswith("s:"):
                story = self.stories[key[2:]]
            else:
                story = Story(id=f"story-{ids[0]}")
                self.stories[story.id] = story
            for aid in ids:
                story.add(aid, when[aid])
                self.assignments[aid] = story.id
                out[aid] = story.id
        return out

    def _evict(self, now: datetime | None) -> None:
        """Forget articles that left the window: memory follows the window, not the corpus."""
        if now is None:
            return
        while self._arrivals:
            aid = self._arrivals[0]
            when = self.live[aid].when if aid in self.live else None
            if when is None or now - when <= self.window:
                break
            self._arrivals.popleft()
            gone = self.live.pop(aid, None)
            for term in top_terms(gone.vector, INDEX_TERMS) if gone else ():
                plist = self.postings.get(term)
                if plist and aid in plist:
                    plist.remove(aid)
                if not plist:
                    self.postings.pop(term, None)


def _average_linkage(
    links: dict[str, dict[str, float]], size: dict[str, int], members: dict[str, list[str]], threshold: float
) -> dict[str, list[str]]:
    """Merge the pair of clusters with the highest mean link until none passes the threshold.

    Keys starting with "s:" are existing stories: they absorb batch clusters but
    never merge with each other.
    """
    heap = [(-s / (size[a] * size[b]), a, b) for a in links for b, s in links[a].items() if a < b]
    heapq.heapify(heap)
    alive = set(members)
    while heap:
        neg, a, b = heapq.heappop(heap)
        if -neg < threshold:
            break
        if a not in alive or b not in alive or links[a].get(b) is None:
            continue
        if abs(links[a][b] / (size[a] * size[b]) + neg) > 1e-12:
            continue
        keep, gone = (b, a) if b.startswith("s:") else (a, b)
        _merge(links, size, members, keep, gone)
        alive.discard(gone)
        for c, s in links[keep].items():
            if keep.startswith("s:") and c.startswith("s:"):
                continue
            heapq.heappush(heap, (-s / (size[keep] * size[c]), min(keep, c), max(keep, c)))
    return {c: members[c] for c in alive if members[c]}


def _merge(links, size, members, keep: str, gone: str) -> None:
    for c, s in links.pop(gone).items():
        links[c].pop(gone, None)
        if c == keep:
            continue
        links[keep][c] = links[keep].get(c, 0.0) + s
        links[c][keep] = links[keep][c]
    size[keep] += size[gone]
    members[keep] = members[keep] + members.pop(gone)


def _offer(neighbours: dict[str, float], cid: str, sim: float) -> None:
    """Keep the NEIGHBOURS most similar articles (above a floor: weak neighbours say nothing)."""
    if sim < NEIGHBOUR_FLOOR:
        return
    if len(neighbours) < NEIGHBOURS:
        neighbours[cid] = sim
        return
    worst = min(neighbours, key=neighbours.__getitem__)
    if sim > neighbours[worst]:
        del neighbours[worst]
        neighbours[cid] = sim


def _overlap(a: dict[str, float], b: dict[str, float]) -> float:
    """Cosine of two neighbour lists: do the two articles have the same closest articles?"""
    shared = a.keys() & b.keys()
    if not shared:
        return 0.0
    dot = sum(a[k] * b[k] for k in shared)
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb) if na and nb else 0.0


def _within(a: datetime | None, b: datetime | None, window: timedelta) -> bool:
    return a is None or b is None or abs(a - b) <= window


def _full_text(article: ArticleRef) -> str:
    return f"{article.title}\n{article.text}" if article.title else article.text
