"""Grouping articles into stories, incrementally, within a time window.

Each arriving batch is clustered by average linkage over a sparse graph whose
edges mix two similarities: the TF-IDF cosine of the two articles (entities and
numbers weigh double) and the overlap of their nearest neighbours ("shared
nearest neighbours"). The second one is what separates two earthquakes: both
share vocabulary, but an article's closest neighbours report its own quake.
Each batch is grouped together with the articles still inside the time window
(so a late article can bring two halves of a story together) and the groups
keep the story ids most of their members had; the corpus before the window is
never touched, so a batch costs time in the window's size, not the corpus'.
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
from itertools import count

from newstrace.provenance.features import ArticleRef, chronological, entity_terms, sentences, term_counts, when_key
from newstrace.provenance.postings import Postings

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
WINDOW = timedelta(days=7)


def cosine(a: Vector, b: Vector) -> float:
    """Dot product of two sparse vectors (callers keep them L2-normalised).

    Summed in ``a``'s order, not over ``a.keys() & b.keys()``: a set's order
    follows the hash seed, and so would the float sum's last bits.
    """
    return sum(w * b[t] for t, w in a.items() if t in b)


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


@dataclass
class _Live:
    """What the index keeps about an article while it is inside the time window."""

    vector: Vector
    when: datetime | None
    counts: Counter[str]
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
        self.postings: Postings[str] = Postings(MAX_POSTINGS)
        self._arrivals: deque[str] = deque()
        self.edges: dict[tuple[str, str], float] = {}
        self.adj: dict[str, set[tuple[str, str]]] = defaultdict(set)
        self.parents: dict[str, str] = {}  # child -> parent, for children still in the window
        self._weighted_at = 0

    def add(self, articles: Iterable[ArticleRef], parents: dict[str, str] | None = None) -> dict[str, str]:
        """Assign a batch of articles to stories; returns {article id: story id} for new and moved articles.

        The articles of the window are re-grouped with the batch (a late
        article can join two halves of a story), never the corpus before it.
        ``parents`` maps an article to the earlier article it derives from: a
        copy is the same story as its source whatever the similarities say.
        """
        batch = chronological(articles)
        if not batch:
            return {}
        counts = [story_terms(_full_text(a)) for a in batch]
        for c in counts:
            self.stats.add(c)
        self._evict(batch[0].published)
        for article, c in zip(batch, counts):
            self._enter(article, c)
        if self.stats.n >= 2 * self._weighted_at:
            self._reweigh()
        else:
            self._edges([a.id for a in batch])
        self.parents.update(parents or {})
        out = self._relabel(self._cluster())
        for child in [a.id for a in batch] + [c for c in self.parents if c in self.live]:
            parent = self.parents.get(child)
            if parent in self.assignments and self.assignments[child] != self.assignments[parent]:
                out[child] = self._move(child, self.assignments[parent])
        return out

    def _reweigh(self) -> None:
        """Recompute the window's vectors and edges with today's term weights.

        Done each time the corpus has doubled, so early articles (weighed with
        few documents seen) are not stuck with poor weights; amortised, each
        article is reweighed a logarithmic number of times.
        """
        self._weighted_at = self.stats.n
        self.edges.clear()
        self.adj.clear()
        for live in self.live.values():
            live.vector = self.stats.vector(live.counts)
            live.neighbours = {}
        self._edges(list(self.live))

    def _relabel(self, clusters: list[list[str]]) -> dict[str, str]:
        """Give each cluster the story most of its members had; new clusters open new stories."""
        out: dict[str, str] = {}
        used: set[str] = set()
        for members in sorted(clusters, key=len, reverse=True):
            votes = Counter(self.assignments[m] for m in members if m in self.assignments)
            sid = next((s for s, _ in votes.most_common() if s not in used), None)
            if sid is None:
                sid = self._new_story_id(members, used)
                self.stories[sid] = Story(id=sid)
            used.add(sid)
            for m in members:
                if m not in self.assignments:
                    self.stories[sid].members.append(m)
                    self.assignments[m] = sid
                    out[m] = sid
                elif self.assignments[m] != sid:
                    out[m] = self._move(m, sid)
        return out

    def _new_story_id(self, members: list[str], used: set[str]) -> str:
        """Named after its earliest article, unless that name is taken (by a story kept apart from this one)."""
        first, *_ = ordered = sorted(members, key=lambda i: (*when_key(self.live[i].when), i))
        free = (f"story-{i}" for i in ordered if f"story-{i}" not in used and f"story-{i}" not in self.stories)
        return next(free, None) or next(f"story-{first}-{n}" for n in count(2) if f"story-{first}-{n}" not in self.stories)

    def _move(self, aid: str, sid: str) -> str:
        """Put an article into another story (dropping its old story if that empties)."""
        old = self.stories[self.assignments[aid]]
        if old.id == sid:
            return sid
        old.members.remove(aid)
        if not old.members:
            del self.stories[old.id]
        self.stories[sid].members.append(aid)
        self.assignments[aid] = sid
        return sid

    def restore(self, articles: list[ArticleRef], assignments: dict[str, str]) -> None:
        """Know again the already grouped articles of the window (from the store), without regrouping them."""
        batch = chronological(articles)
        counts = [story_terms(_full_text(a)) for a in batch]
        for c in counts:
            self.stats.add(c)
        for article, c in zip(batch, counts):
            self._enter(article, c)
            sid = assignments[article.id]
            self.stories.setdefault(sid, Story(id=sid)).members.append(article.id)
            self.assignments[article.id] = sid
        self._reweigh()

    def _enter(self, article: ArticleRef, counts: Counter[str]) -> None:
        vec = self.stats.vector(counts)
        self.live[article.id] = _Live(vec, article.published, counts)
        self._arrivals.append(article.id)
        for term in top_terms(vec, INDEX_TERMS):
            self.postings.add(term, article.id)

    def _candidates(self, aid: str) -> list[str]:
        """Live articles sharing the most telling terms, the best-sharing first."""
        me = self.live[aid]
        hits = self.postings.hits(top_terms(me.vector, QUERY_TERMS))
        hits.pop(aid, None)
        out = []
        for cid, _ in hits.most_common():
            other = self.live.get(cid)
            if other is not None and _within(me.when, other.when, self.window):
                out.append(cid)
                if len(out) == CANDIDATES:
                    break
        return out

    def _edges(self, ids: list[str]) -> None:
        """Cosine for each candidate pair; also keeps every article's top neighbours up to date."""
        edges = self.edges
        for aid in ids:
            me = self.live[aid]
            for cid in self._candidates(aid):
                key = (aid, cid) if aid < cid else (cid, aid)
                if key in edges:
                    continue
                sim = cosine(me.vector, self.live[cid].vector)
                edges[key] = sim
                self.adj[aid].add(key)
                self.adj[cid].add(key)
                _offer(me.neighbours, cid, sim)
                _offer(self.live[cid].neighbours, aid, sim)

    def _combined(self, a: str, b: str, cos: float) -> float:
        return (1 - MIX) * cos + MIX * _overlap(self.live[a].neighbours, self.live[b].neighbours)

    def _cluster(self) -> list[list[str]]:
        """Average linkage over the window's edge graph."""
        members = {aid: [aid] for aid in self.live}
        size = {aid: 1 for aid in self.live}
        links: dict[str, dict[str, float]] = defaultdict(dict)
        for (a, b), cos in self.edges.items():
            sim = self._combined(a, b, cos)
            links[a][b] = links[b][a] = sim
        return list(_average_linkage(links, size, members, self.threshold).values())

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
            self.parents.pop(aid, None)
            for key in self.adj.pop(aid, ()):
                self.edges.pop(key, None)
                other = key[0] if key[1] == aid else key[1]
                if other in self.adj:
                    self.adj[other].discard(key)
            for term in top_terms(gone.vector, INDEX_TERMS) if gone else ():
                self.postings.remove(term, aid)


def _average_linkage(
    links: dict[str, dict[str, float]], size: dict[str, int], members: dict[str, list[str]], threshold: float
) -> dict[str, list[str]]:
    """Merge the pair of clusters with the highest mean link until none passes the threshold."""
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
        keep, gone = a, b
        _merge(links, size, members, keep, gone)
        alive.discard(gone)
        for c, s in links[keep].items():
            heapq.heappush(heap, (-s / (size[keep] * size[c]), min(keep, c), max(keep, c)))
    return members  # only surviving clusters are left, in arrival order of their keys (alive is a set: hash order)


def _merge(links, size, members, keep: str, gone: str) -> None:
    for c, s in links.pop(gone).items():
        links[c].pop(gone, None)
        if c == keep:
            continue
        links[keep][c] = links[keep].get(c, 0.0) + s
        links[c][keep] = links[keep][c]
    size[keep] += size[gone]
    members[keep].extend(members.pop(gone))


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
    dot = sum(w * b[k] for k, w in a.items() if k in b)  # in a's order, as in cosine
    if not dot:
        return 0.0
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb) if na and nb else 0.0


def _within(a: datetime | None, b: datetime | None, window: timedelta) -> bool:
    return a is None or b is None or abs(a - b) <= window


def _full_text(article: ArticleRef) -> str:
    return f"{article.title}\n{article.text}" if article.title else article.text
