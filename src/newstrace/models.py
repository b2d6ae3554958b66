"""The records newstrace hands out: plain dataclasses, JSON-ready via ``to_dict``."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Any, Literal

QuoteKind = Literal["direct", "indirect", "mixed"]
SpeakerKind = Literal["person", "organization", "place", "document", "group", "unknown"]


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of the article text: ``text == article[start:end]``."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who is quoted: ``name`` is canonical, ``mention`` is what the sentence says."""

    name: str
    kind: SpeakerKind
    mention: Mention


@dataclass(frozen=True, slots=True)
class Relay:
    """An outlet or medium through which we know the statement ("CNN reported")."""

    name: str
    mention: Mention


@dataclass(frozen=True, slots=True)
class Quote:
    """One attribution: what was said, by whom, with which cue, relayed by whom."""

    content: str
    start: int
    end: int
    kind: QuoteKind
    cue: Mention | None
    speaker: Speaker | None
    via: tuple[Relay, ...] = field(default_factory=tuple)
    confidence: float = 0.5

    def shifted(self, offset: int) -> Quote:
        """The same quote with offsets moved by ``offset`` (for a piece of a longer text)."""
        if not offset:
            return self

        def move(m: Mention | None) -> Mention | None:
            return m and Mention(m.text, m.start + offset, m.end + offset)

        speaker = self.speaker and Speaker(self.speaker.name, self.speaker.kind, move(self.speaker.mention))
        return replace(
            self, start=self.start + offset, end=self.end + offset, cue=move(self.cue), speaker=speaker,
            via=tuple(Relay(r.name, move(r.mention)) for r in self.via),
        )

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["via"] = list(data["via"])
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quote:
        def mention(d: dict[str, Any] | None) -> Mention | None:
            return Mention(d["text"], d["start"], d["end"]) if d else None

        speaker = data.get("speaker")
        return cls(
            content=data["content"],
            start=data["start"],
            end=data["end"],
            kind=data["kind"],
            cue=mention(data.get("cue")),
            speaker=Speaker(speaker["name"], speaker["kind"], mention(speaker["mention"])) if speaker else None,
            via=tuple(Relay(v["name"], mention(v["mention"])) for v in data.get("via", ())),
            confidence=data.get("confidence", 0.5),
        )
