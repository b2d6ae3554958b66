"""The ``newstrace_speakers`` component: resolve each source to a canonical speaker.

News names a person in full once ("Kremlin spokesperson Dmitry Peskov") and then
by surname, title or pronoun ("Peskov", "the spokesperson", "he"). The resolver
keeps, per article, the fullest form of each name, the titles seen with each
person and the people each sentence talks about, and maps every source mention
back to a name: a pronoun to the most salient earlier person of its gender, a
description to the person or document it points back to.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newstrace.models import Quote
from newstrace.nlp.lexicon import (
    DOCUMENT_NOUNS,
    FEMALE_TITLES,
    GROUP_NOUNS,
    MALE_TITLES,
    SOURCE_PRONOUNS,
    TITLES,
)

if not Doc.has_extension("quote_records"):
    Doc.set_extension("quote_records", default=None)
if not Doc.has_extension("quotes"):
    Doc.set_extension("quotes", getter=lambda doc: [Quote.from_dict(r) for r in doc._.quote_records or []])

ENTITY_KINDS = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place",
                "NORP": "group", "FAC": "place", "WORK_OF_ART": "document"}
ORG_NOUNS = frozenset("""
ministry department office agency government administration committee campaign party company
council court commission embassy military army police ministry kremlin parliament congress senate
house bureau service team group union network spokesperson
""".split())
LOOKBACK_SENTENCES = 6
Name = tuple[str, str]  # (canonical name, kind)


class ArticleEntities:
    """What one article says about who is who."""

    def __init__(self, doc: Doc, quoted: set[int]) -> None:
        self.doc = doc
        self.ents = list(doc.ents)  # Doc.ents builds new spans on every access
        self.quoted = quoted
        self.places = {ent.text.lower() for ent in self.ents if ent.label_ in ("GPE", "LOC", "NORP")}
        self.gender: dict[str, str] = {}
        self.full_names = self._full_names()
        self.resolved: dict[int, Name | None] = {}  # token index of a mention -> name

    # -- names -------------------------------------------------------------------

    def _full_names(self) -> dict[str, str]:
        """Surname (lowercase) -> the fullest form of the name in the article."""
        best: dict[str, list[str]] = {}
        for ent in self.ents:
            if ent.label_ != "PERSON":
                continue
            words = self._person_words(ent)
            if words and len(words) >= len(best.get(words[-1].lower(), [])):
                best[words[-1].lower()] = words
                title = ent.start > 0 and self.doc[ent.start - 1].lower_.rstrip(".")
                if title in MALE_TITLES:
                    self.gender[" ".join(words)] = "male"
                elif title in FEMALE_TITLES:
                    self.gender[" ".join(words)] = "female"
        return {key: " ".join(words) for key, words in best.items()}

    def _person_words(self, span: Span) -> list[str]:
        """The words of a name, without a place the tagger ran into it ("for Myanmar Andrew Kirkwood")."""
        words = _name_words(span)
        while len(words) > 2 and words[0].lower() in self.places:
            words = words[1:]
        return words

    def person_name(self, span: Span) -> str | None:
        words = self._person_words(span)
        if not words:
            return None
        full = self.full_names.get(words[-1].lower())
        if full is None or (len(words) > 1 and not set(words) <= set(full.split())):
            return " ".join(words)  # "Tom Ebeling" stays Tom when Betsy Ebeling is also in the article
        return full

    @cached_property
    def titles(self) -> list[tuple[int, str, str]]:
        """(token index, title word, person) for "Kremlin spokesperson Dmitry Peskov" and appositions."""
        found = []
        for ent in self.ents:
            if ent.label_ != "PERSON":
                continue
            name = self.person_name(ent)
            root = ent.root
            words = [t for t in root.lefts if t.i < ent.start and t.dep_ in ("compound", "amod", "nmod")]
            words += [t for c in root.children if c.dep_ == "appos" for t in c.subtree]
            if root.dep_ == "appos":
                words.append(root.head)
            found.extend((ent.start, t.lemma_.lower(), name) for t in words if t.pos_ == "NOUN" or t.lower_ in TITLES)
        return found

    @cached_property
    def sentences(self) -> list[Span]:
        return list(self.doc.sents)

    @cached_property
    def sentence_of(self) -> dict[int, int]:
        return {s.start: i for i, s in enumerate(self.sentences)}

    @cached_property
    def mentions(self) -> list[list[Token | Span]]:
        """Per sentence: people talked about outside quotes, subjects first."""
        per_sentence: list[list[Token | Span]] = [[] for _ in self.sentences]
        for ent in self.ents:
            if ent.label_ == "PERSON" and ent.start not in self.quoted:
                per_sentence[self._sentence_index(ent.start)].append(ent)
        for token in self.doc:
            if token.i in self.quoted or token.dep_ not in ("nsubj", "nsubjpass"):
                continue
            if token.lower_ in ("he", "she"):
                per_sentence[self._sentence_index(token.i)].append(token)
            elif token.pos_ == "PROPN" and not token.ent_type_:
                # a subject the NER missed ("Guessford was shocked"): most likely a person
                start = token.i
                while start > 0 and self.doc[start - 1].pos_ == "PROPN" and self.doc[start - 1].dep_ == "compound":
                    start -= 1
                per_sentence[self._sentence_index(token.i)].append(self.doc[start:token.i + 1])
        for mentions in per_sentence:
            mentions.sort(key=lambda m: (_root(m).dep_ not in ("nsubj", "nsubjpass"), m.start if isinstance(m, Span) else m.i))
        return per_sentence

    def _sentence_index(self, i: int) -> int:
        return self.sentence_of[self.doc[i].sent.start]

    @cached_property
    def lowercase_words(self) -> frozenset[str]:
        """Words the article writes in lowercase somewhere: a capital on them is the sentence's, not a name's."""
        return frozenset(t.text for t in self.doc if t.is_lower)

    @cached_property
    def text(self) -> str:
        return self.doc.text  # joins every token: only when needed, once

    def _ents_in(self, span: Span) -> list[Span]:
        """``span.ents`` without rebuilding every entity of the document on each call."""
        return [ent for ent in self.ents if span.start <= ent.start and ent.end <= span.end]

    # -- resolution --------------------------------------------------------------

    def resolve(self, span: Span) -> Name | None:
        root = span.root
        if root.tag_ in ("WP", "WDT") and root.head.dep_ == "relcl":
            # "lawmakers who thought ...": who is the noun the clause describes
            noun = root.head.head
            return self.resolve(self.doc[noun.left_edge.i:noun.i + 1])
        pronoun = SOURCE_PRONOUNS.get(root.lower_)
        if pronoun in ("male", "female"):
            return self.pronoun(root, pronoun)
        if pronoun == "first":
            return self._first_person(root)
        if pronoun is not None:
            return self._plural_or_neuter(root, pronoun)
        for ent in reversed(self._ents_in(span)):
            if ent.label_ == "PERSON":
                return self._remember(root, (self.person_name(ent), "person"))
        for token in reversed(span):
            if token.pos_ == "PROPN" and token.lower_ in self.full_names:
                return self._remember(root, (self.full_names[token.lower_], "person"))
        possessor = next((c for c in root.children if c.dep_ == "poss"), None)
        if root.lemma_.lower() in DOCUMENT_NOUNS and possessor is not None and possessor.pos_ != "PRON":
            return self._remember(root, self.resolve(self.doc[possessor.left_edge.i:possessor.i + 1]))
        if root.lemma_.lower() in DOCUMENT_NOUNS and not _is_definite(span):
            return self._remember(root, (_strip_article(_clean(span.text)), "document"))
        if root.pos_ == "NOUN" and root.lemma_.lower() in TITLES and not _is_definite(span):
            # "a DHS spokesperson": a person known by the title, not the organisation
            words = [t for t in span if t.dep_ != "det" and not t.is_punct]
            return self._remember(root, (_joined(words), "person"))
        for ent in reversed(self._ents_in(span)):
            if ent.label_ in ENTITY_KINDS:
                return self._remember(root, (_entity_name(span, ent), ENTITY_KINDS[ent.label_]))
        if _is_definite(span):
            referent = self._description(span)
            if referent is not None:
                return self._remember(root, referent)
        name = _strip_article(_clean(span.text))
        if (span[0].is_sent_start and span[0].pos_ != "PROPN" and name[:1].isupper() and name[1:2].islower()
                and (span[0].lower_ in self.lowercase_words or span[0].tag_ in ("NNS", "DT", "JJ"))):
            name = name[0].lower() + name[1:]  # "Analysts said" and "analysts said" are one speaker
        return self._remember(root, (name, _common_kind(root)))

    def pronoun(self, token: Token, gender: str) -> Name | None:
        """The most salient earlier person of this gender, outside quotes."""
        if token.i in self.resolved:
            return self.resolved[token.i]
        self.resolved[token.i] = None  # guards against cycles
        for sentences, check_gender in ((self._recent_sentences(token.i), True), (self._all_before(token.i), False)):
            for k in sentences:
                for mention in self.mentions[k]:
                    start = mention.start if isinstance(mention, Span) else mention.i
                    if start >= token.i:
                        continue
                    name = self._mention_name(mention)
                    if name is None or (check_gender and self.gender.get(name[0], gender) != gender):
                        continue
                    self.gender.setdefault(name[0], gender)
                    self.resolved[token.i] = name
                    return name
        return None

    def _all_before(self, i: int) -> range:
        return range(self._sentence_index(i), -1, -1)

    def _recent_sentences(self, i: int) -> list[int]:
        """This sentence and the few before it, not counting those wholly inside quotes."""
        recent: list[int] = []
        k = self._sentence_index(i)
        while k >= 0 and len(recent) < LOOKBACK_SENTENCES:
            sentence = self.sentences[k]
            if k == self._sentence_index(i) or any(t.i not in self.quoted for t in sentence if not t.is_punct):
                recent.append(k)
            k -= 1
        return recent

    def _mention_name(self, mention: Token | Span) -> Name | None:
        if isinstance(mention, Span):
            return self.person_name(mention), "person"
        if mention.i in self.resolved:
            return self.resolved[mention.i]
        return self.pronoun(mention, SOURCE_PRONOUNS[mention.lower_])

    def _first_person(self, token: Token) -> Name | None:
        """"I think ..." outside quotes: the interviewee of a Q&A ("Armitage: ..."), else the author."""
        text = self.text
        line = text.rfind("\n", 0, token.idx) + 1
        while line >= 0:
            label, colon, _ = text[line:line + 60].partition(":")
            if colon and 0 < len(label.split()) <= 3 and label[:1].isupper():
                words = label.split()
                return self.full_names.get(words[-1].lower(), label.strip()), "person"
            if line == 0:
                break
            line = text.rfind("\n", 0, line - 1) + 1
        return "the author", "person"

    def _plural_or_neuter(self, token: Token, kind: str) -> Name | None:
        """"they"/"it": the nearest earlier organisation, group or document spoken of."""
        wanted = {"plural": ("organization", "group", "place"), "neuter": ("organization", "document", "place")}
        for i in sorted(self.resolved, reverse=True):
            name = self.resolved[i]
            if i < token.i and name is not None and name[1] in wanted.get(kind, ()):
                return name
        for ent in reversed([e for e in self.ents if e.end <= token.i and e.start not in self.quoted]):
            if ENTITY_KINDS.get(ent.label_) in wanted.get(kind, ()):
                return _strip_article(ent.text), ENTITY_KINDS[ent.label_]
        return None

    def _description(self, span: Span) -> Name | None:
        """"the spokesperson" -> the person seen with that title; "the statement" -> whose it was."""
        head = span.root.lemma_.lower()
        people = [name for i, title, name in self.titles if i < span.start and title == head]
        if people:
            return people[-1], "person"
        for i in sorted(self.resolved, reverse=True):
            earlier = self.doc[i]
            if i < span.start and earlier.lemma_.lower() == head and self.resolved[i] is not None:
                return self.resolved[i]
        for i in reversed(self.nouns.get(head, ())):
            # "a DHS spokesperson ... the spokesperson": the fuller earlier description
            token = self.doc[i]
            if i < span.start and i not in self.quoted:
                words = [t for t in self.doc[token.left_edge.i:token.i + 1] if t.dep_ != "det"]
                if len(words) > 1:
                    return _joined(words), _common_kind(token)
        return None

    @cached_property
    def nouns(self) -> dict[str, list[int]]:
        """Lemma -> positions of the common nouns in the article."""
        found: dict[str, list[int]] = {}
        for token in self.doc:
            if token.pos_ == "NOUN":
                found.setdefault(token.lemma_.lower(), []).append(token.i)
        return found

    def _remember(self, root: Token, name: Name | None) -> Name | None:
        if name is not None and name[0]:
            self.resolved[root.i] = name
            return name
        return None


class SpeakerResolver:
    """Turn ``doc._.attributions`` into quote records with canonical speakers and relays."""

    def __call__(self, doc: Doc) -> Doc:
        attributions = doc._.attributions or []
        quoted = set()
        for a in attributions:
            if a["kind"] == "direct":
                span = doc.char_span(a["start"], a["end"], alignment_mode="expand")
                if span is not None:
                    quoted.update(range(span.start, span.end))
        entities = ArticleEntities(doc, quoted)
        records: list[dict[str, Any]] = []
        for a in attributions:
            speaker = None
            if a["source"] is not None:
                speaker = _speaker(doc, entities, a["source"])
            elif a["inherit"] is not None and a["inherit"] < len(records):
                speaker = records[a["inherit"]]["speaker"]
            records.append(_record(doc, a, speaker))
        doc._.quote_records = records
        return doc


def _speaker(doc: Doc, entities: ArticleEntities, source: list[int]) -> dict[str, Any]:
    span = doc[source[0]:source[1]]
    name = entities.resolve(span) or (_clean(span.text), "unknown")  # stated, but not resolvable
    return {"name": name[0], "kind": name[1], "mention": _mention(span)}


def _record(doc: Doc, a: dict[str, Any], speaker: dict[str, Any] | None) -> dict[str, Any]:
    cue = _mention(doc[a["cue"][0]:a["cue"][1]]) if a["cue"] else None
    via = []
    for start, end in a["via"]:
        mention = _mention(doc[start:end])
        name = _outlet_name(mention["text"])
        if all(v["name"] != name for v in via):
            via.append({"name": name, "mention": mention})
    return {
        "content": a["content"],
        "start": a["start"],
        "end": a["end"],
        "kind": a["kind"],
        "cue": cue,
        "speaker": speaker,
        "via": via,
        "confidence": round(a["confidence"] * (1.0 if speaker else 0.8), 2),
    }


def _mention(span: Span) -> dict[str, Any]:
    while len(span) > 1 and span[-1].is_punct:
        span = span[:-1]
    while len(span) > 1 and span[0].is_punct:
        span = span[1:]
    return {"text": span.text, "start": span.start_char, "end": span.end_char}


def _name_words(span: Span) -> list[str]:
    words = [t.text for t in span if not t.is_punct and t.lower_ not in ("'s", "’s") and not t.is_space]
    while words and words[0].lower().rstrip(".") in TITLES:
        words = words[1:]
    return words


def _root(mention: Token | Span) -> Token:
    return mention.root if isinstance(mention, Span) else mention


def _is_definite(span: Span) -> bool:
    return any(t.lower_ in ("the", "this", "that") and t.dep_ == "det" for t in span)


PLACE_NAMES = {
    "us": "United States", "u.s.": "United States", "usa": "United States", "u.s.a.": "United States",
    "america": "United States", "united states": "United States", "uk": "United Kingdom",
    "u.k.": "United Kingdom", "britain": "United Kingdom", "great britain": "United Kingdom",
    "united kingdom": "United Kingdom", "eu": "European Union", "e.u.": "European Union",
    "un": "United Nations", "u.n.": "United Nations", "united nations": "United Nations",
}


def _entity_name(span: Span, ent: Span) -> str:
    """An entity's name: one name per country or union; an outlet keeps "The" ("The Hill")."""
    before = span.doc[ent.start - 1] if ent.start > span.start else None
    if before is not None and before.text == "The" and before.i > before.sent.start:
        return f"The {ent.text}"
    name = _strip_article(ent.text)
    return PLACE_NAMES.get(name.lower(), name)


def _outlet_name(text: str) -> str:
    """"the Associated Press" -> "Associated Press"; "The Hill" stays."""
    return text[4:] if text.startswith("the ") else text


def _strip_article(text: str) -> str:
    for article in ("the ", "The ", "a ", "A ", "an ", "An "):
        if text.startswith(article):
            return text[len(article):]
    return text


def _joined(tokens: list[Token]) -> str:
    """Tokens as the text spells them ("Somalia's ambassador", not "Somalia 's ambassador")."""
    return _clean("".join(t.text_with_ws for t in tokens[:-1]) + tokens[-1].text)


def _clean(text: str) -> str:
    return " ".join(text.split()).strip(" ,;:-—–\"'“”")


def _common_kind(root: Token) -> str:
    lemma = root.lemma_.lower()
    if lemma in DOCUMENT_NOUNS:
        return "document"
    if root.lower_ in GROUP_NOUNS or root.tag_ in ("NNS", "NNPS"):
        return "group"
    if lemma in ORG_NOUNS:
        return "organization"
    if lemma in TITLES or root.ent_type_ == "PERSON":
        return "person"
    return "unknown"


@Language.factory("newstrace_speakers")
def make_speaker_resolver(nlp: Language, name: str) -> SpeakerResolver:
    return SpeakerResolver()
