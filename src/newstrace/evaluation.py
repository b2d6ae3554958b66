"""Score quote extraction against attribution gold data in brat standoff (PolNeAR).

A predicted quote matches a gold attribution when the Dice overlap of their
characters, both trimmed of spaces, quote marks and edge punctuation, is at
least :data:`MATCH_DICE`; matching is one-to-one, highest Dice first. A matched
quote's speaker (cue) is right when its span overlaps the gold Source (Cue)
span, or when both are absent.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from newstrace.models import Quote

Range = tuple[int, int]

#: Dice overlap at or above which a prediction matches a gold attribution.
MATCH_DICE = 0.5
#: Stripped, with whitespace, from both ends of every span piece before comparing contents.
TRIM_CHARS = "\"'“”‘’«»,.;:—–-()[]"
#: A gold content starting with one of these (after whitespace) is a direct quote.
DIRECT_MARKS = "“”\""

_ENTITY = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)(?:\t|$)")
_EVENT = re.compile(r"^(E\d+)\t(.*)$")


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    """One gold attribution: character ranges of its content, source and cue."""

    content: tuple[Range, ...]
    source: tuple[Range, ...] = ()
    cue: tuple[Range, ...] = ()


@dataclass(frozen=True, slots=True)
class Predicted:
    """A predicted quote reduced to what the scorer looks at."""

    content: tuple[Range, ...]
    source: tuple[Range, ...] = ()
    cue: tuple[Range, ...] = ()


# --- reading gold -----------------------------------------------------------


def read_brat(ann_path: str | Path, text: str) -> list[GoldAttribution]:
    """The attributions of one brat ``.ann`` file, in order of content start.

    Events without a Content argument are skipped; several Content arguments
    (``Content``, ``Content2``) are merged into one content.
    """
    entities: dict[str, tuple[str, tuple[Range, ...]]] = {}
    events: list[list[tuple[str, str]]] = []
    for line in Path(ann_path).read_text(encoding="utf-8").splitlines():
        if m := _ENTITY.match(line):
            entities[m[1]] = (m[2], _parse_ranges(m[3], len(text), ann_path))
        elif m := _EVENT.match(line):
            args = [arg.split(":", 1) for arg in m[2].split()[1:] if ":" in arg]
            events.append([(role.rstrip("0123456789"), ref) for role, ref in args])
    gold = [_attribution(args, entities) for args in events]
    return sorted((g for g in gold if g.content), key=lambda g: g.content)


def _parse_ranges(spec: str, length: int, origin: str | Path) -> tuple[Range, ...]:
    ranges = tuple((int(a), int(b)) for a, b in (piece.split() for piece in spec.split(";")))
    if any(not 0 <= a <= b <= length for a, b in ranges):
        raise ValueError(f"{origin}: span {spec} is outside the text ({length} characters)")
    return ranges


def _attribution(args: list[tuple[str, str]], entities: Mapping[str, tuple[str, tuple[Range, ...]]]) -> GoldAttribution:
    parts: dict[str, list[Range]] = {"Content": [], "Source": [], "Cue": []}
    for role, ref in args:
        if role in parts and ref in entities:
            parts[role].extend(entities[ref][1])
    return GoldAttribution(*(tuple(sorted(parts[role])) for role in ("Content", "Source", "Cue")))


def load_polnear(split_dir: str | Path) -> list[tuple[str, str, list[GoldAttribution]]]:
    """``(name, text, gold)`` for each article of a PolNeAR split, sorted by name.

    An article annotated twice is read from its first annotation file in sorted order.
    """
    split_dir = Path(split_dir)
    anns: dict[str, Path] = {}
    for ann in sorted((split_dir / "attributions").glob("*.ann")):
        anns.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    docs = []
    for path in sorted((split_dir / "text").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        ann = anns.get(path.stem)
        docs.append((path.stem, text, read_brat(ann, text) if ann else []))
    return docs


# --- reading predictions ----------------------------------------------------


def to_predicted(quote: Quote | Predicted | Mapping[str, Any]) -> Predicted:
    """A :class:`Quote`, a JSON dict of one (``newstrace quotes --format jsonl``) or a ready :class:`Predicted`."""
    if isinstance(quote, Predicted):
        return quote
    if isinstance(quote, Mapping):
        speaker, cue = quote.get("speaker"), quote.get("cue")
        return Predicted(
            ((quote["start"], quote["end"]),),
            _span(speaker.get("mention") if speaker else None),
            _span(cue),
        )
    return Predicted(
        ((quote.start, quote.end),),
        ((quote.speaker.mention.start, quote.speaker.mention.end),) if quote.speaker else (),
        ((quote.cue.start, quote.cue.end),) if quote.cue else (),
    )


def _span(mention: Mapping[str, Any] | None) -> tuple[Range, ...]:
    return ((mention["start"], mention["end"]),) if mention else ()


# --- comparing spans --------------------------------------------------------


def trimmed_chars(text: str, ranges: Iterable[Range]) -> frozenset[int]:
    """Character offsets covered by ``ranges``, each piece trimmed of :data:`TRIM_CHARS` at both ends."""
    chars: set[int] = set()
    for start, end in ranges:
        start, end = max(start, 0), min(end, len(text))
        while start < end and _trimmable(text[start]):
            start += 1
        while end > start and _trimmable(text[end - 1]):
            end -= 1
        chars.update(range(start, end))
    return frozenset(chars)


def _trimmable(char: str) -> bool:
    return char.isspace() or char in TRIM_CHARS


def dice(a: frozenset[int], b: frozenset[int]) -> float:
    """Dice coefficient of two character sets (0 when both are empty)."""
    return 2 * len(a & b) / (len(a) + len(b)) if a or b else 0.0


def overlaps(a: Sequence[Range], b: Sequence[Range]) -> bool:
    """Whether two span lists share at least one character."""
    return any(max(s1, s2) < min(e1, e2) for s1, e1 in a for s2, e2 in b)


def role_right(predicted: Sequence[Range], gold: Sequence[Range]) -> bool:
    """A speaker or cue is right when both spans overlap or both are absent."""
    return overlaps(predicted, gold) if predicted and gold else not predicted and not gold


def is_direct(text: str, gold: GoldAttribution) -> bool:
    """Whether a gold content opens with a double quote mark (after whitespace)."""
    first = min(gold.content)
    return text[first[0] : first[1]].lstrip()[:1] in tuple(DIRECT_MARKS)


# --- aligning and scoring ---------------------------------------------------


@dataclass(slots=True)
class Alignment:
    """How the predictions of one document pair up with its gold attributions."""

    text: str
    gold: list[GoldAttribution]
    predicted: list[Predicted]
    pairs: list[tuple[int, int, float]] = field(default_factory=list)  # (gold index, predicted index, dice)

    @property
    def missed(self) -> list[GoldAttribution]:
        """Gold attributions no prediction matched (false negatives)."""
        taken = {g for g, _, _ in self.pairs}
        return [gold for i, gold in enumerate(self.gold) if i not in taken]

    @property
    def spurious(self) -> list[Predicted]:
        """Predictions that matched no gold attribution (false positives)."""
        taken = {p for _, p, _ in self.pairs}
        return [pred for i, pred in enumerate(self.predicted) if i not in taken]

    def matches(self) -> Iterable[tuple[GoldAttribution, Predicted, float]]:
        """The matched (gold, prediction, Dice) triples."""
        for g, p, score in self.pairs:
            yield self.gold[g], self.predicted[p], score


def align(text: str, gold: Sequence[GoldAttribution], predicted: Iterable[Any]) -> Alignment:
    """Match predictions to gold one-to-one, greedily by highest Dice, keeping Dice >= :data:`MATCH_DICE`."""
    preds = [to_predicted(q) for q in predicted]
    gold_chars = [trimmed_chars(text, g.content) for g in gold]
    pred_chars = [trimmed_chars(text, p.content) for p in preds]
    candidates = sorted(
        ((dice(gc, pc), g, p) for g, gc in enumerate(gold_chars) for p, pc in enumerate(pred_chars) if gc & pc),
        key=lambda c: (-c[0], c[1], c[2]),
    )
    alignment = Alignment(text, list(gold), preds)
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    for score, g, p in candidates:
        if score >= MATCH_DICE and g not in used_gold and p not in used_pred:
            used_gold.add(g)
            used_pred.add(p)
            alignment.pairs.append((g, p, score))
    return alignment


@dataclass(frozen=True, slots=True)
class PRF:
    precision: float
    recall: float
    f1: float

    @classmethod
    def of(cls, correct: int, predicted: int, gold: int) -> PRF:
        p = correct / predicted if predicted else 0.0
        r = correct / gold if gold else 0.0
        return cls(p, r, 2 * p * r / (p + r) if p + r else 0.0)


@dataclass(slots=True)
class Scores:
    """Counts over a corpus, with precision, recall and F1 derived from them."""

    documents: int = 0
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    speaker_right: int = 0
    cue_right: int = 0
    exact_matched: int = 0
    direct_gold: int = 0
    direct_matched: int = 0

    def add(self, alignment: Alignment) -> None:
        """Count one document's alignment."""
        text = alignment.text
        self.documents += 1
        self.gold += len(alignment.gold)
        self.predicted += len(alignment.predicted)
        self.direct_gold += sum(is_direct(text, g) for g in alignment.gold)
        for gold, pred, overlap in alignment.matches():
            self.matched += 1
            self.speaker_right += role_right(pred.source, gold.source)
            self.cue_right += role_right(pred.cue, gold.cue)
            self.exact_matched += overlap == 1.0  # Dice is 1 exactly when the trimmed spans are equal
            self.direct_matched += is_direct(text, gold)

    def _prf(self, correct: int) -> PRF:
        return PRF.of(correct, self.predicted, self.gold)

    @property
    def content(self) -> PRF:
        return self._prf(self.matched)

    @property
    def speaker(self) -> PRF:
        return self._prf(self.speaker_right)

    @property
    def cue(self) -> PRF:
        return self._prf(self.cue_right)

    @property
    def exact(self) -> PRF:
        return self._prf(self.exact_matched)

    @property
    def direct_recall(self) -> float:
        return self.direct_matched / self.direct_gold if self.direct_gold else 0.0

    def to_dict(self) -> dict[str, Any]:
        """Counts and figures, JSON-ready."""
        data: dict[str, Any] = {f.name: getattr(self, f.name) for f in fields(self)}
        for name in ("content", "speaker", "cue", "exact"):
            prf = getattr(self, name)
            data[name] = {"precision": prf.precision, "recall": prf.recall, "f1": prf.f1}
        data["direct_recall"] = self.direct_recall
        return data


def score(documents: Iterable[tuple[str, Sequence[GoldAttribution], Iterable[Any]]]) -> Scores:
    """Score ``(text, gold, predicted quotes)`` triples; predictions are Quotes or their JSON dicts."""
    scores = Scores()
    for text, gold, predicted in documents:
        scores.add(align(text, gold, predicted))
    return scores
