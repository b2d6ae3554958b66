"""The ``newstrace_quotes`` component: find attributions in a parsed article.

Passes over the parse, each a common way news attributes a statement:

1. direct quotes: a quoted passage and the cue verb that governs or frames it;
2. reported speech: a cue verb with a clause ("X said (that) ...", "according to X, ...");
3. quoted fragments said of something ("called it 'a disgrace'"), or inside
   reported speech (which makes that attribution ``mixed``);
4. relays: an outlet that reports another attribution becomes its ``via``.

Results go to ``doc._.attributions`` as plain dicts (character offsets for the
content, token offsets for cue, source and relays) so that docs can cross
process boundaries in ``nlp.pipe(n_process=...)``; the ``newstrace_speakers``
component turns them into quotes with resolved speakers.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newstrace.nlp.lexicon import (
    AGENT_NOUNS,
    ASKED_VERBS,
    BELIEF_VERBS,
    CUE_VERBS,
    DOCUMENT_NOUNS,
    FINDING_NOUNS,
    FRAGMENT_VERBS,
    GROUP_NOUNS,
    HEADLINE_LABELS,
    IMPRESSION_VERBS,
    INTENTION_VERBS,
    MEDIA_NAMES,
    MEDIA_WORDS,
    NOUN_TOPIC_PREPOSITIONS,
    OPEN_QUESTION_NOUNS,
    PERCEPTION_VERBS,
    POSSESSIVE_PRONOUNS,
    PREP_CUES,
    QUANTIFIERS,
    QUESTION_VERBS,
    RAISING_VERBS,
    STANCE_VERBS,
    TITLES,
)
from newstrace.nlp.quotemarks import QuotedSpan, find_quoted_spans
from newstrace.nlp.scoring import CandidateFilter

if not Doc.has_extension("attributions"):
    Doc.set_extension("attributions", default=None)

LOOSE_CUES = frozenset(
    "says notes adds writes asks explains continues argues claims recalls answers replies tweets concludes".split()
)
TokenRange = tuple[int, int]
SHARE_NOUNS = frozenset("percent majority plurality minority half third quarter most".split())
_TEXTS: dict[int, str] = {}  # id(doc) -> doc.text while the component runs


def _text(doc: Doc) -> str:
    return _TEXTS.get(id(doc)) or doc.text


@contextmanager
def text_cached(doc: Doc) -> Iterator[Doc]:
    """Keep ``doc.text`` while the patterns run: ``Doc.text`` joins every token on each access."""
    _TEXTS[id(doc)] = doc.text
    try:
        yield doc
    finally:
        del _TEXTS[id(doc)]
  # [start, end) token indices
EDGE_PUNCT = set(" \t\n,.;:—–-\"'“”‘’«»()[]")
SUBJECTS = ("nsubj", "csubj")
CLIMB_DEPS = ("advcl", "conj", "xcomp", "pcomp", "ccomp", "acl", "relcl")
SPEAKER_PARTICIPLES = CUE_VERBS | STANCE_VERBS | FRAGMENT_VERBS  # "..., adding/calling/referring to ..."
DASHES = ("—", "–", "--", "-")
NAMED_SOURCES = ("PERSON", "ORG", "NORP", "GPE")  # entity labels that can name a source, likeliest first
XCOMP_CUES = frozenset("urge promise vow pledge threaten ask call demand".split())


@dataclass(slots=True)
class Attribution:
    """One attribution before speaker resolution."""

    start: int  # content, character offsets
    end: int
    kind: str
    cue: TokenRange | None
    source: TokenRange | None
    confidence: float
    via: list[TokenRange] = field(default_factory=list)
    inherit: Attribution | None = None  # the attribution whose speaker this one continues
    cue_head: int | None = None  # token index of the cue verb, to keep one attribution per cue
    rule: str = "quote"  # which pattern found it: a feature for the candidate filter
    reading: str | None = None  # which phrase is the content, when a pattern proposes several


class AttributionFinder:
    """Find direct, mixed and indirect attributions with cue, source and relays."""

    def __init__(
        self,
        *,
        min_quote_words: int = 4,
        belief_cues: bool = True,
        stances: bool = True,
        filter_weights: str | None = "default",
    ) -> None:
        self.min_quote_words = min_quote_words
        self.cue_lemmas = CUE_VERBS if belief_cues else CUE_VERBS - BELIEF_VERBS
        self.stances = stances
        self.filter = None
        if filter_weights:
            self.filter = CandidateFilter.load(None if filter_weights == "default" else filter_weights)
        # broad candidates (any verb with a person and a complement) only make sense with a filter
        self.broad = self.filter is not None

    def __call__(self, doc: Doc) -> Doc:
        with text_cached(doc):
            return self._find(doc)

    def _find(self, doc: Doc) -> Doc:
        found = self.candidates(doc)
        if self.filter is not None:
            found = self.filter.keep(doc, found)
        kept = _drop_overlaps(doc, _apply_relays(doc, found))
        doc._.attributions = [_to_record(a, kept, _text(doc)) for a in kept]
        return doc

    def candidates(self, doc: Doc) -> list[Attribution]:
        """Every attribution the patterns propose, before filtering and overlaps."""
        quoted = [q for q in find_quoted_spans(_text(doc)) if q.end - q.start > 2]
        statements, fragments = [], []
        for q in quoted:
            span = doc.char_span(q.start, q.end, alignment_mode="expand")
            if span is not None and len(span):
                (statements if self._is_statement(span) else fragments).append((q, span))
        found = self._direct(doc, statements)
        inside_quote = _covered_tokens(span for _, span in statements)
        found += self._reported(doc, inside_quote, {a.cue_head for a in found})
        found += self._fragments(doc, fragments, found, inside_quote)
        headline = _headline(doc)
        if headline is not None:
            found.append(headline)
        _continue_speakers(doc, found)
        _credit_polls(doc, found)
        for a in found:
            if a.cue_head is not None and doc[a.cue_head].lemma_ in IMPRESSION_VERBS:
                a.source = None  # "X seems content that ...": the writer's impression of X, not X speaking
        return found

    # -- classification ---------------------------------------------------------

    def _is_statement(self, span: Span) -> bool:
        """A quoted clause or sentence, as opposed to a fragment, a scare-quoted word or a title.

        A statement opens its sentence, follows a colon, comma or "that", or starts
        with a capital; a lowercase quote inside a running clause is a fragment.
        """
        words = [t for t in span if not t.is_punct and not t.is_space]
        inner = span.text.strip(" \"'“”‘’«»")
        before = span.doc[span.start - 1] if span.start > 0 else None
        opens = before is None or before.is_space or before.text in (":", ",", "that", "—", "–", "-") or span[0].is_sent_start
        if not (opens or inner[:1].isupper()):
            return False
        if len(words) >= self.min_quote_words:
            return True
        return len(words) >= 2 and inner[-1:] in ".?!,"

    def _is_cue(self, token: Token) -> bool:
        if token.dep_ == "acl" and token.tag_ == "VBN":
            return False  # naming, not saying: "a group called X", "a genre known as Y"
        if token.pos_ not in ("VERB", "AUX") or token.lemma_.lower() not in self.cue_lemmas:
            # "pointed out", "as X put it"
            return (token.lemma_.lower() == "point" and any(c.dep_ == "prt" for c in token.children)) or (
                token.lemma_.lower() == "put" and any(c.dep_ == "dobj" and c.lower_ == "it" for c in token.children))
        return not _in_question(token)

    # -- pass 1: direct quotes --------------------------------------------------

    def _direct(self, doc: Doc, statements: list[tuple[QuotedSpan, Span]]) -> list[Attribution]:
        found: list[Attribution] = []
        previous: QuotedSpan | None = None
        for q, span in statements:
            start, end = _trim(_text(doc), *q.inner)
            cue = self._governing_cue(span) or self._framing_cue(doc, span, statements)
            last = found[-1] if found else None
            if last is not None and previous is not None and _goes_on(doc, last, previous, q, cue):
                if last.cue is None and cue is not None:
                    self._attach_cue(last, cue)  # before the content takes in the words between the pieces
                last.end = end
                previous = q
                continue
            if cue is not None and last is not None and last.kind == "direct" and last.cue_head == cue.i:
                continue  # '"A," he said on ABC's "This Week."': a title in the clause of a cue already quoted
            attribution = Attribution(start, end, "direct", None, None, 0.4, rule="quote")
            clause = _clause_around(doc, span, cue) if cue is not None else None
            if clause is not None:
                attribution.start, attribution.end = clause
                attribution.kind = "mixed"
            if cue is not None:
                self._attach_cue(attribution, cue)
            elif last is not None and previous is not None and _continues(doc, previous, q):
                if last.kind == "direct" and last.end >= previous.start:
                    last.end = end
                    previous = q
                    continue
                attribution.inherit = last
                attribution.confidence = 0.7
            else:
                self._attach_colon_lead(doc, span, attribution)
            found.append(attribution)
            previous = q
        return found

    @staticmethod
    def _attach_cue(attribution: Attribution, cue: Token) -> None:
        attribution.cue = _cue_range(cue)
        attribution.cue_head = cue.i
        # tried in turn: the parser sometimes takes a word of the quote for the subject ('"My apologies," Quick said')
        sources = (find(cue) for find in (_source_range, _name_before, _person_next_to))
        attribution.source = next((s for s in sources if s is not None and not _inside(cue.doc, s, attribution)), None)
        attribution.confidence = 0.9 if attribution.source else 0.6

    def _attach_colon_lead(self, doc: Doc, span: Span, attribution: Attribution) -> None:
        lead = _colon_lead(doc, span) or self._announcing_sentence(doc, span)
        if lead is None:
            return
        if lead.pos_ in ("VERB", "AUX"):
            attribution.cue = _cue_range(lead)
            attribution.source = _source_range(lead)
        elif lead.pos_ == "NOUN":
            attribution.source = _noun_range(lead)
        else:
            attribution.source = (_name_start(lead), lead.i + 1)
        attribution.confidence = 0.6

    def _announcing_sentence(self, doc: Doc, span: Span) -> Token | None:
        """'X said in a statement. "..."': a cue with nothing said, right before the quote."""
        before = doc[span.start - 1] if span.start > 0 else None
        if before is None or before.text not in (".", ";") or "\n" in before.whitespace_:
            return None
        verb = before.sent.root
        if self._is_cue(verb) and not any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in verb.children):
            return verb
        return None

    def _governing_cue(self, span: Span) -> Token | None:
        """The cue verb outside the quote that a token inside it depends on."""
        for token in span:
            head = token.head
            if token.is_punct:
                continue  # a quote mark the parser hung on the sentence before says nothing about the cue
            if head.i < span.start or head.i >= span.end:
                if self._is_cue(head) or head.lemma_.lower() in FRAGMENT_VERBS:
                    return head
        return None

    def _framing_cue(self, doc: Doc, span: Span, statements: list[tuple[QuotedSpan, Span]]) -> Token | None:
        """A cue verb in the same sentence, right after the quote or right before it."""
        # up to the end of the frame's sentence; the parser often ends a sentence at '?”' or '!”'
        stop = min([s.start for _, s in statements if s.start >= span.end] + [span.end + 30, len(doc)])
        for token in doc[span.end:stop]:
            if "\n" in token.text:
                break
            if self._is_cue(token) or (token.lower_ in LOOSE_CUES and token.i - span.end <= 5) or _tag_verb(span, token):
                if any(c.dep_ == "ccomp" and c.i > token.i for c in token.children):
                    break  # '"New York values," saying the city embodied ...': the cue has its own content
                return token
            if token.text in ".!?" and token.i > span.end:
                break
        before_sentence = span[0].sent
        begin = max([s.end for _, s in statements if s.end <= span.start] + [before_sentence.start])
        lead = doc[begin:span.start]
        if lead and lead[-1].text in (":", ",", "that"):
            for token in reversed(lead):
                if self._is_cue(token):
                    return token
        return None

    # -- pass 2: reported speech ------------------------------------------------

    def _reported(self, doc: Doc, inside_quote: set[int], used: set[int | None]) -> list[Attribution]:
        found = []
        owned: set[int] = set()  # nouns with a possessor seen so far ("Clinton's claim")
        for token in doc:
            if token.dep_ == "poss":
                owned.add(token.head.i)
            if token.i in inside_quote or token.i in used:
                continue
            if token.lower_ == "according":
                attribution = _according_to(doc, token)
            elif token.lower_ == "in" and token.dep_ == "prep":
                attribution = _finding(doc, token)
            elif token.pos_ == "NOUN":
                if self.broad and (token.i in owned or token.lemma_.lower() in OPEN_QUESTION_NOUNS):
                    found.extend(_noun_candidates(doc, token))
                continue
            elif token.pos_ in ("VERB", "AUX"):
                attribution = self._clause_attribution(doc, token) if self._is_cue(token) else None
                if attribution is None and self.broad:
                    attribution = _perception(doc, token) or _asked_about(doc, token)
                if attribution is None and self.stances and not _in_question(token):
                    attribution = _stance_attribution(doc, token) or _clause_of_agent(doc, token)
                if attribution is None and self.broad and not _in_question(token):
                    found.extend(_verb_candidates(doc, token))
            else:
                continue
            if attribution is not None and attribution.end > attribution.start:
                found.append(attribution)
        return found

    def _clause_attribution(self, doc: Doc, cue: Token) -> Attribution | None:
        clauses = [c for c in cue.children if c.dep_ == "ccomp"]
        # "A; most said B": the parser may hang A on the cue too, but what follows is what was said
        clause = next((c for c in clauses if c.i > cue.i), clauses[0] if clauses else None)
        if clause is None and cue.lemma_.lower() in XCOMP_CUES:
            clause = next((c for c in cue.children if c.dep_ == "xcomp"), None)
        head = cue.head
        if clause is not None:
            start, end = _subtree_chars(doc, clause)
            end = self._coordinated_end(doc, cue, clause, _before_aside(doc, clause, end))
            asked = next((c for c in cue.children if c.dep_ == "dobj" and cue.i < c.i < clause.i), None)
            if clause.dep_ == "xcomp" and asked is not None:  # "urged the industry to do more": who is urged, too
                start = doc[asked.left_edge.i].idx
        elif cue.dep_ in ("parataxis", "conj", "advcl", "ccomp") and _is_parenthetical(cue):
            if cue.i > head.i:  # "..., X said."
                start, end = _chars_between(doc, head.left_edge.i, cue.left_edge.i)
            elif cue.left_edge.i <= head.left_edge.i:  # "As X noted, B": what follows the cue's clause
                start, end = _chars_between(doc, cue.right_edge.i + 1, head.right_edge.i + 1)
            else:  # "A, X said, B": the clause around the cue
                start, end = _subtree_chars(doc, head)
        else:
            return None
        source = _source_range(cue)
        belief = cue.lemma_.lower() in BELIEF_VERBS
        if source is None:
            confidence = 0.35
        else:
            confidence = 0.55 if belief else 0.75
        return Attribution(start, end, "indirect", _cue_range(cue), source, confidence, cue_head=cue.i, rule="clause")

    def _coordinated_end(self, doc: Doc, cue: Token, clause: Token, end: int) -> int:
        """'X said that A, but B': the parser hangs B on the cue, yet it is still what X said."""
        if clause.i < cue.i:
            return end
        for conj in cue.rights:
            if conj.dep_ == "conj" and conj.i > clause.right_edge.i and not self._is_cue(conj):
                return max(end, _chars_between(doc, clause.i, conj.right_edge.i + 1)[1])
        return end

    # -- pass 3: quoted fragments ----------------------------------------------

    def _fragments(
        self, doc: Doc, fragments: list[tuple[QuotedSpan, Span]], found: list[Attribution], inside_quote: set[int]
    ) -> list[Attribution]:
        new = []
        quoting = {a.cue_head for a in found if a.kind == "direct"}
        for q, span in fragments:
            if span.start in inside_quote:
                continue
            holder = next((a for a in found if a.kind != "direct" and a.start <= q.start and q.end <= a.end + 1), None)
            if holder is not None:
                holder.kind = "mixed"
                continue
            verb = _fragment_verb(span)
            if verb is not None and verb.i in quoting:
                continue  # '"A," he said on ABC's "This Week."': the cue already has its quote
            if verb is not None and not _in_question(verb) and (
                verb.lemma_.lower() in FRAGMENT_VERBS or self._is_cue(verb)
            ):
                start, end = _trim(_text(doc), *q.inner)
                named = next((c for c in verb.children if c.dep_ == "dobj" and c.i < span.start), None)
                if named is not None:  # 'called the move "a disgrace"': what was called, too
                    start = doc[named.left_edge.i].idx
                source = _source_range(verb)
                new.append(Attribution(start, end, "direct", _cue_range(verb), source, 0.5, cue_head=verb.i, rule="fragment"))
        return new


# -- helpers: sources, cues and spans ---------------------------------------------


def _credit_polls(doc: Doc, found: list[Attribution]) -> None:
    """"In the poll, 75 percent said ...": a share of respondents speaks through the poll, its source."""
    for a in found:
        if a.source is None or a.cue is None:
            continue
        root = doc[a.source[0]:a.source[1]].root
        if not (root.like_num or root.ent_type_ in ("PERCENT", "CARDINAL") or root.lemma_.lower() in SHARE_NOUNS):
            continue
        poll = next((t for t in doc[a.cue[0]].sent if t.pos_ == "NOUN" and t.lemma_.lower() in FINDING_NOUNS), None)
        if poll is not None:
            a.source = _noun_range(poll)


def _continue_speakers(doc: Doc, found: list[Attribution]) -> None:
    """A quote with no cue continues whoever spoke last (see :func:`_last_speaker`)."""
    ordered = sorted(found, key=lambda a: a.start)
    for i, quote in enumerate(ordered):
        if quote.kind != "direct" or quote.cue or quote.source or quote.inherit:
            continue
        speaker = _last_speaker(doc, ordered[:i], quote)
        if speaker is not None:
            quote.inherit = speaker
            quote.confidence = 0.5


def _last_speaker(doc: Doc, earlier: list[Attribution], quote: Attribution) -> Attribution | None:
    """The attribution a cue-less quote goes on from.

    Inside a paragraph, the one whose cue sentence comes right before it
    ('"...," said X, an analyst. "More words."'); opening a paragraph, the last
    one with a speaker in the paragraph before.
    """
    text = _text(doc)
    paragraph_start = text.rfind("\n", 0, quote.start) + 1
    if text[paragraph_start:quote.start].strip(" \"'“‘«"):
        return earlier[-1] if earlier and _cued_just_before(doc, earlier[-1], quote) else None
    if paragraph_start == 0:
        return None
    previous_end = len(text[:paragraph_start].rstrip())  # blank lines between paragraphs
    previous_start = text.rfind("\n", 0, previous_end) + 1
    return next((a for a in reversed(earlier) if a.start >= previous_start and (a.source or a.inherit)), None)


def _cued_just_before(doc: Doc, before: Attribution, quote: Attribution) -> bool:
    """Is all between two quotes the first one's cue sentence, in one paragraph?"""
    if before.source is None or before.cue is None or before.end > quote.start:
        return False
    gap = _text(doc)[before.end:quote.start]
    return "\n" not in gap and len(gap) < 300 and before.end <= doc[before.cue[0]].idx < quote.start


def _source_range(cue: Token) -> TokenRange | None:
    """The noun phrase that says who speaks, following shared subjects up the tree."""
    token: Token | None = cue
    for _ in range(4):
        if token is None:
            return None
        # a verb's own subject; a verb it hangs off shares its subject, passive or not
        subjects = SUBJECTS if token.i == cue.i else (*SUBJECTS, "nsubjpass")
        subject = next((c for c in token.children if c.dep_ in subjects), None)
        if subject is not None and _is_dateline(subject):
            return _after_dateline(subject, token)
        if subject is not None and subject.tag_ == "WDT" and token.dep_ == "relcl":
            return _noun_range(token.head)  # "poll results that show ...": the results show it
        if subject is not None:
            return _noun_range(subject)
        agent = _passive_agent(token) if token.i == cue.i else None
        if agent is not None:
            return agent
        inverted = next((c for c in token.children if c.dep_ == "dobj" and c.i > token.i), None)
        if token.i == cue.i and inverted is not None and _is_inverted(cue, inverted):
            return _noun_range(inverted)
        if token.dep_ not in CLIMB_DEPS or token.head.i == token.i or _is_passive(token):
            return None
        if token.dep_ == "acl" and token.head.pos_ in ("NOUN", "PROPN"):
            return _noun_range(token.head)  # "voters saying ...", "banners proclaiming ...": the noun it describes
        if token.head.dep_ == "ccomp" and token.dep_ == "advcl" and token.head.head.i < token.head.i:
            return None  # "... said she can't see why the book was banned, saying ...": not the book
        token = token.head if token.head.pos_ in ("VERB", "AUX") else token.head.head
    return None


def _is_dateline(token: Token) -> bool:
    """'JACKSON, Miss. (AP) — ...': the place a story was filed from, which parsers take for a subject."""
    doc, start = token.doc, token.left_edge.i
    at_paragraph_start = start == 0 or "\n" in doc[start - 1].text + doc[start - 1].whitespace_
    if not (at_paragraph_start and doc[start].text.isupper() and len(doc[start]) > 2 and doc[start].is_alpha):
        return False
    return any(t.text in DASHES for t in doc[start + 1:start + 9])  # "WASHINGTON (AP) —", not "FBI said"


def _after_dateline(dateline: Token, verb: Token) -> TokenRange | None:
    """The subject the parser missed after a dateline: the first name between the dash and the verb."""
    doc = dateline.doc
    dash = next((t.i for t in doc[dateline.i:verb.i] if t.text in DASHES), None)
    if dash is None:
        return None
    names = [e for e in doc.ents if dash < e.start and e.end <= verb.i and e.label_ in NAMED_SOURCES]
    # "— U.S. District Judge Carlton W. Reeves issued": the person, not the country before the title
    name = min(names, key=lambda e: (NAMED_SOURCES.index(e.label_), -e.start), default=None)
    return (name.start, name.end) if name is not None else None


def _is_inverted(cue: Token, obj: Token) -> bool:
    """"..., reported CNN." / "..., read the ministry's statement.": the object names the source."""
    if cue.tag_ == "VBG" or any(c.dep_ == "ccomp" and c.i > cue.i for c in cue.children):
        return False  # "..., citing low growth": a participle's object is what it is about
    before = cue.doc[cue.i - 1] if cue.i > 0 else None
    return before is not None and (before.text in ",\"”'’" or before.is_quote)


def _is_passive(verb: Token) -> bool:
    """"When asked ...", "was told": the subject is the one spoken to, not the speaker."""
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return True
    return verb.tag_ == "VBN" and not any(c.dep_ == "aux" for c in verb.children)


def _noun_range(token: Token) -> TokenRange:
    """The mention of a source: its head noun with what stands before it in its phrase."""
    start = token.left_edge.i
    if token.i - start > 8:
        start = token.i
        while start > 0 and token.doc[start - 1].dep_ in ("compound", "amod", "poss", "det", "case"):
            start -= 1
    end = token.i + 1
    for child in token.rights:
        if child.dep_ in ("compound", "flat", "case") and child.i == end:
            end += 1
        elif child.dep_ == "appos" and child.pos_ == "PROPN" and child.left_edge.i == end:
            end = child.right_edge.i + 1  # "the columnist Dana Milbank": the name is part of the mention
    return start, end


def _cue_range(cue: Token) -> TokenRange:
    end = cue.i + 1
    for child in cue.rights:
        if child.dep_ == "prt" and child.i == end:
            end += 1
    return cue.i, end


def _in_question(token: Token) -> bool:
    """Inside "asked if/whether ..." the subject does not assert anything."""
    for child in token.children:
        if child.dep_ == "mark" and child.lower_ in ("if", "whether"):
            return True
    head = token.head
    return token.dep_ == "ccomp" and head.lemma_.lower() in QUESTION_VERBS and token.lemma_.lower() in BELIEF_VERBS


def _is_parenthetical(cue: Token) -> bool:
    """"..., X said." / "..., reported CNN.": a cue with no object of its own."""
    if cue.tag_ == "VBN" and not any(c.dep_ in SUBJECTS for c in cue.children):
        return False  # "(When) asked about X, she ...": the question put to her, not an aside
    for child in cue.children:
        if child.dep_ == "mark" and child.lower_ != "as":
            return False  # "even after he criticized Bush": a clause of its own, not an aside ("as X noted")
        if child.dep_ in ("ccomp", "xcomp", "attr", "oprd", "acomp", "prep", "dative") and child.i > cue.i:
            return child.dep_ == "prep" and child.lower_ in ("in", "on", "at", "during", "to")
        if child.dep_ == "dobj" and not (child.pos_ == "PROPN" or child.ent_type_):
            return False
    return True


def _according_to(doc: Doc, token: Token) -> Attribution | None:
    to = next((c for c in token.children if c.lower_ == "to"), None)
    source = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if source is None:
        return None
    head = token.head
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    sentence = token.sent
    if token.i <= head.left_edge.i or head.pos_ not in ("VERB", "AUX"):
        # "According to X, CLAUSE": the clause after the phrase
        begin = max(source.right_edge.i + 1, token.i)
        start, end = _chars_between(doc, begin, max(head.right_edge.i + 1, sentence.end) if token.i == sentence.start else head.right_edge.i + 1)
    else:
        # "CLAUSE, according to X": the clause before it
        start, end = _chars_between(doc, head.left_edge.i, token.i)
    cue = (token.i, to.i + 1)
    return Attribution(start, end, "indirect", cue, _noun_range(source), 0.65, cue_head=token.i, rule="according")


def _stance_attribution(doc: Doc, verb: Token) -> Attribution | None:
    """Stances and intentions: "X criticized the plan", "X talked about jobs", "X plans to run"."""
    lemma = verb.lemma_.lower()
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return None
    content: Token | None = None
    if lemma in INTENTION_VERBS:
        content = next((c for c in verb.children if c.dep_ == "xcomp"), None)
    if content is None and lemma in STANCE_VERBS:
        content = next((c for c in verb.children if c.dep_ == "dobj"), None)
    cue_end = verb.i + 1
    if content is None:
        for prep in verb.children:
            if prep.dep_ in ("prep", "prt") and prep.i > verb.i and (lemma, prep.lower_) in PREP_CUES:
                content = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
                cue_end = prep.i + 1 if prep.i == verb.i + 1 else cue_end
                break
    if content is None:
        return None
    source = _source_range(verb)
    if source is None or not _can_take_stance(doc[source[0]:source[1]].root):
        return None
    end_token = content.right_edge.i + 1
    for child in verb.rights:
        if child.dep_ == "prep" and child.lower_ in ("of", "for", "as") and child.i > content.i:
            end_token = max(end_token, child.right_edge.i + 1)
    start, end = _chars_between(doc, content.left_edge.i, end_token)
    return Attribution(start, end, "indirect", (verb.i, cue_end), source, 0.5, cue_head=verb.i, rule="stance")


def _noun_candidates(doc: Doc, noun: Token) -> list[Attribution]:
    """"Clinton's claim that ...", "Trump's rhetoric on immigration", "his decision to run": the owner holds it.

    One candidate per reading, as for verbs; the filter learns which nouns carry a view.
    """
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None and noun.lemma_.lower() not in OPEN_QUESTION_NOUNS:
        return []
    if owner is not None and not (_is_agent(owner) or owner.lower_ in POSSESSIVE_PRONOUNS):
        return []
    readings: dict[str, Token] = {}
    for child in noun.children:
        marks = {m.lower_ for m in child.children if m.dep_ in ("mark", "aux")}
        if child.dep_ in ("acl", "ccomp") and "that" in marks:
            readings.setdefault("noun_that", child)
        elif child.dep_ == "acl" and "to" in marks:
            readings.setdefault("noun_to", child)
        elif child.dep_ == "prep" and child.lower_ in NOUN_TOPIC_PREPOSITIONS:
            readings.setdefault("noun_topic", next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None))
    source = _noun_range(owner) if owner is not None else None
    found = []
    for reading, head in readings.items():
        if head is not None:
            start, end = _subtree_chars(doc, head)
            found.append(Attribution(start, end, "indirect", (noun.i, noun.i + 1), source, 0.3,
                                     cue_head=noun.i, rule="noun", reading=reading))
    return found


def _verb_candidates(doc: Doc, verb: Token) -> list[Attribution]:
    """Any verb by which a person or group does something to a clause, an object or a topic.

    One candidate per reading of what the content is ("told Clinton | that ...",
    "took a shot | at Clinton", "gave donors | some advice"); the filter keeps the
    likeliest reading of each verb.
    """
    source = _agent_source(doc, verb)
    if source is None:
        return []
    readings: dict[str, Token] = {}
    for reading, token in _complements(verb):
        readings.setdefault(reading, token)
    found = []
    for reading, token in readings.items():
        start, end = _subtree_chars(doc, token)
        if end > start:
            found.append(Attribution(start, end, "indirect", (verb.i, verb.i + 1), source, 0.3,
                                     cue_head=verb.i, rule="verb", reading=reading))
    return found


def _complements(verb: Token):
    """``(reading, head token)`` for each phrase after ``verb`` that could be what it is about."""
    objects = []
    for child in verb.children:
        if child.dep_ in ("ccomp", "xcomp"):
            yield "clause", child
        elif child.dep_ in ("dobj", "dative", "attr", "oprd"):
            objects.append(child)
            yield ("object" if child.dep_ == "dobj" else child.dep_), child
        elif child.dep_ == "acomp" and verb.pos_ == "AUX":  # "X is confident that ...", "X is upbeat about ..."
            yield from ((f"adjective_{c.dep_}", c) for c in child.children if c.dep_ in ("ccomp", "xcomp", "prep"))
    for head in (verb, *objects):  # "came out against X", "took a shot at X", "hit X on Y"
        for prep in head.children:
            if prep.dep_ == "prep" and prep.i > verb.i:
                yield from (("topic" if head is verb else "object_topic", c)
                            for c in prep.children if c.dep_ in ("pobj", "pcomp"))


def _clause_of_agent(doc: Doc, verb: Token) -> Attribution | None:
    """Any verb by which a person or group puts forward a that-clause ("X made clear that ...")."""
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
    if clause is None or not any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
        return None
    source = _agent_source(doc, verb)
    if source is None:
        return None
    start, end = _subtree_chars(doc, clause)
    return Attribution(start, end, "indirect", (verb.i, verb.i + 1), source, 0.45, cue_head=verb.i, rule="that_clause")


def _agent_source(doc: Doc, verb: Token) -> TokenRange | None:
    """The source of ``verb`` when it is someone who can speak or hold a view."""
    source = _source_range(verb)
    return source if source is not None and _is_agent(doc[source[0]:source[1]].root) else None


def _is_agent(token: Token) -> bool:
    """Can this head noun speak or hold a view (a person, a group, an institution)?"""
    if token.pos_ == "PRON":
        return token.lower_ in ("he", "she", "they", "we", "i", "you", "who")
    if token.pos_ == "PROPN" or token.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return token.ent_type_ not in ("DATE", "TIME", "MONEY", "PERCENT", "CARDINAL")
    lemma = token.lemma_.lower()
    return token.lower_ in GROUP_NOUNS or lemma in TITLES or lemma in AGENT_NOUNS or lemma in DOCUMENT_NOUNS


def _perception(doc: Doc, verb: Token) -> Attribution | None:
    """"X seems unfit", "X is seen as Y", "X is expected to Y": how X is perceived, by whom the text seldom says.

    The content is X with what it is perceived as; the source is the passive's agent, if any.
    """
    lemma = verb.lemma_.lower()
    if lemma not in RAISING_VERBS and lemma not in PERCEPTION_VERBS:
        return None  # most verbs: checked first, as this runs for every verb
    describes = verb.dep_ == "acl" and verb.tag_ == "VBN"  # "a group of contests known as Super Tuesday"
    passive = describes or any(c.dep_ == "auxpass" for c in verb.children)
    if not (lemma in RAISING_VERBS and not passive or lemma in PERCEPTION_VERBS and passive):
        return None
    if describes:
        subject = verb.head
    else:
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    complement = next((c for c in verb.children if c.i > verb.i and (
        c.dep_ in ("xcomp", "acomp", "oprd", "attr") or (c.dep_ == "prep" and c.lower_ in ("as", "like", "for")))), None)
    if subject is None or complement is None or subject.i > verb.i:
        return None
    start, end = _chars_between(doc, subject.left_edge.i, complement.right_edge.i + 1)
    return Attribution(start, end, "indirect", (verb.i, verb.i + 1), _passive_agent(verb), 0.4,
                       cue_head=verb.i, rule="perception")


def _passive_agent(verb: Token) -> TokenRange | None:
    """"seen as Y by most voters", "pressed by Holt": who, when the passive says."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    return _noun_range(by) if by is not None else None


def _asked_about(doc: Doc, verb: Token) -> Attribution | None:
    """"When asked about the merger, she ...": the topic of a question, whose asker the text often leaves out."""
    if verb.lemma_.lower() not in ASKED_VERBS or not _is_passive(verb):
        return None
    topic = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    about = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("about", "on", "over")), None)
    topic = topic or (next((c for c in about.children if c.dep_ in ("pobj", "pcomp")), None) if about is not None else None)
    if topic is None:
        return None
    start, end = _subtree_chars(doc, topic)
    return Attribution(start, end, "indirect", (verb.i, verb.i + 1), _passive_agent(verb), 0.4,
                       cue_head=verb.i, rule="asked")


def _can_take_stance(token: Token) -> bool:
    """Agents, and also laws, bills, polls and parts of a group: "the bill would prohibit X", "most oppose X"."""
    return _is_agent(token) or token.pos_ in ("NOUN", "PROPN") or token.lower_ in QUANTIFIERS


def _finding(doc: Doc, token: Token) -> Attribution | None:
    """"In the new poll, Clinton leads ...": a finding attributed to a poll or study."""
    pobj = next((c for c in token.children if c.dep_ == "pobj"), None)
    head = token.head
    if pobj is None or pobj.lemma_.lower() not in FINDING_NOUNS or head.pos_ not in ("VERB", "AUX"):
        return None
    if token.i < head.i:
        start, end = _chars_between(doc, token.right_edge.i + 1, head.right_edge.i + 1)
    else:
        start, end = _chars_between(doc, head.left_edge.i, token.i)
    return Attribution(start, end, "indirect", (token.i, token.i + 1), _noun_range(pobj), 0.45, cue_head=token.i, rule="finding")


def _headline(doc: Doc) -> Attribution | None:
    """"Graham: Trump's rhetoric destroying GOP's chance": a headline names its speaker before a colon."""
    text = _text(doc)
    line_end = text.find("\n")
    line_end = len(text) if line_end < 0 else line_end
    colon = text.find(":", 0, line_end)
    if colon < 0 or line_end > 200:
        return None
    before = doc.char_span(0, colon, alignment_mode="contract")
    if before is None or not 0 < len(before) <= 8 or any(t.pos_ in ("VERB", "AUX") for t in before):
        return None
    speaker = before[: next((t.i for t in before if t.lower_ == "to" and t.i > 0), before.end)]  # "Clinton to Congress:"
    if any(t.lower_ in HEADLINE_LABELS for t in speaker) or not (speaker.root.pos_ == "PROPN" or _is_agent(speaker.root)
                                                              or speaker.root.lemma_.lower() in FINDING_NOUNS):
        return None
    start, end = _trim(text, colon + 1, line_end)
    end = start + len(text[start:end].rstrip(".!"))
    if end - start < 8:
        return None
    colon_token = doc.char_span(colon, colon + 1)
    cue = (colon_token.start, colon_token.end) if colon_token is not None else None
    return Attribution(start, end, "indirect", cue, (speaker.start, speaker.end), 0.5, rule="headline")


def _clause_around(doc: Doc, span: Span, cue: Token) -> tuple[int, int] | None:
    """'said that after taxes ''they weren't living large''': the reported clause a quote is part of."""
    if cue.i > span.start:
        return None
    root = next((t for t in span if not t.is_punct and (t.head.i < span.start or t.head.i >= span.end)), None)
    clause = root
    while clause is not None and clause.head.i != cue.i:
        clause = clause.head if clause.head.i != clause.i else None
    if clause is None or clause.dep_ not in ("ccomp", "xcomp"):
        return None
    words = [t for t in doc[clause.left_edge.i:clause.right_edge.i + 1]
             if not (t.is_punct or t.is_space or t.dep_ == "mark" or span.start <= t.i < span.end)]
    if len(words) < 2:
        return None
    return _subtree_chars(doc, clause)


def _fragment_verb(span: Span) -> Token | None:
    """The verb a quoted fragment is said of, through nouns and prepositions only."""
    root = next((t for t in span if t.head.i < span.start or t.head.i >= span.end), None)
    token = root.head if root is not None else None
    for _ in range(3):
        if token is None:
            return None
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.pos_ not in ("ADP", "NOUN", "PROPN", "PRON", "ADJ", "NUM", "DET", "PART"):
            return None
        token = token.head if token.head.i != token.i else None
    return None


def _continues(doc: Doc, previous: QuotedSpan, q: QuotedSpan) -> bool:
    """A quote paragraph that goes on from the previous paragraph's quote."""
    return q.continues or _text(doc)[previous.end:q.start].strip() == ""


def _tag_verb(span: Span, token: Token) -> bool:
    """'"Maybe let some stay?" Hannity pressed.': any verb whose subject sits between it and the quote it closes."""
    if token.pos_ != "VERB" or token.i - span.end > 5 or token.doc[token.i + 1:token.i + 2].text not in (".", ","):
        return False
    return any(c.dep_ == "nsubj" and span.end <= c.i < token.i for c in token.children)


def _colon_lead(doc: Doc, span: Span) -> Token | None:
    """A quote opening a paragraph after "X said:" or "X had this to say:"."""
    if span.start == 0:
        return None
    before = doc[span.start - 1]
    while before.is_space and before.i > 0:
        before = doc[before.i - 1]
    if before.text != ":":
        return None
    if before.i == 0:
        return None
    verb = doc[before.i - 1]
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i and verb.head.i < before.i:
        verb = verb.head
    if verb.pos_ in ("VERB", "AUX") and verb.i < before.i and not any(
            t.text in DASHES or t.text in ",;." for t in doc[verb.i + 1:before.i]):
        return verb  # "She went on:", "He told reporters:" (not "It's not enough - More from the report:")
    named = doc[before.i - 1]
    if named.ent_type_ == "PERSON" or named.pos_ in ("PROPN", "NOUN"):
        return named  # "Jeffrey M. Jones:", "From the report:" name the source without a verb
    return None


def _inside(doc: Doc, span: TokenRange, attribution: Attribution) -> bool:
    """Does the phrase start within the attribution's content?"""
    return attribution.start <= doc[span[0]].idx < attribution.end


def _name_before(cue: Token) -> TokenRange | None:
    """'"...," Viguerie notes.': the name right before a cue the parser did not link."""
    before = cue.doc[cue.i - 1] if cue.i > 0 else None
    if before is not None and (before.pos_ in ("PROPN", "PRON") or before.ent_type_ == "PERSON"):
        return _name_start(before), before.i + 1
    return None


def _person_next_to(cue: Token) -> TokenRange | None:
    """'X, a spokesman in Baghdad, said' / '..., said retired neurosurgeon Ben Carson': a person by the cue, no verb between.

    For the parses that hang the name elsewhere (as a conjunct of a date, as the
    subject of the next clause).
    """
    doc, sentence = cue.doc, cue.sent
    before = cue.i > 0 and (doc[cue.i - 1].is_punct or doc[cue.i - 1].is_quote)
    for ent in doc.ents if before else ():
        possessor = doc[ent.end - 1].tag_ == "POS" or (ent.end < len(doc) and doc[ent.end].tag_ == "POS")
        if ent.label_ != "PERSON" or possessor or not sentence.start <= ent.start < sentence.end:
            continue  # a possessor is not the speaker ("Biden's remarks, telling ...")
        between = doc[ent.end:cue.i] if ent.end <= cue.i else doc[cue.i + 1:ent.start]
        if len(between) <= 8 and not any((t.pos_ in ("VERB", "AUX") and t.dep_ != "amod") or t.is_quote for t in between):
            return ent.start, ent.end
    return None


def _name_start(token: Token) -> int:
    """Where the proper name ending at ``token`` begins."""
    start = token.i
    while start > 0 and (token.doc[start - 1].pos_ == "PROPN" or token.doc[start - 1].ent_iob_ == "I"):
        start -= 1
    return start


def _covered_tokens(spans) -> set[int]:
    covered: set[int] = set()
    for span in spans:
        covered.update(range(span.start, span.end))
    return covered


def _subtree_chars(doc: Doc, token: Token) -> tuple[int, int]:
    """The phrase of ``token``, with its "that": reported speech is "that ...", as PARC and PolNeAR mark it."""
    return _chars_between(doc, token.left_edge.i, token.right_edge.i + 1)


def _before_aside(doc: Doc, clause: Token, end: int) -> int:
    """Where reported speech ends before an aside after a comma that is the writer's, not the speaker's.

    Two kinds: a participle of saying whose verb has no agent of its own ("X said
    things would end, adding ..."; "Y slammed the plan, telling reporters ..."
    stays whole), and a relative clause on a name that ends the clause ("X said
    the FBI had the help of Y, who worked on ...").
    """
    for token in clause.subtree:
        first = token.left_edge
        if first.i == 0 or doc[first.i - 1].text != "," or token.i < clause.i:
            continue
        participle = (token.dep_ == "advcl" and token.tag_ == "VBG" and first.i == token.i
                      and not _has_agent(token.head) and token.lemma_.lower() in SPEAKER_PARTICIPLES)
        relative = (token.dep_ == "relcl" and first.lower_ in ("who", "which") and token.head.pos_ == "PROPN"
                    and token.right_edge.i == clause.right_edge.i)
        if participle or relative:
            end = min(end, _chars_between(doc, clause.left_edge.i, first.i - 1)[1])
    return end


def _has_agent(verb: Token) -> bool:
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    return subject is not None and _is_agent(subject)


def _chars_between(doc: Doc, start: int, end: int) -> tuple[int, int]:
    if end <= start:
        return 0, 0
    return _trim(_text(doc), doc[start].idx, doc[end - 1].idx + len(doc[end - 1]))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",;:—–"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-"):
        end -= 1
    return start, end


# -- relays ------------------------------------------------------------------------


def is_media(doc: Doc, span: TokenRange) -> bool:
    """Does this phrase name a news outlet (CNN, The Hill, the Associated Press)?"""
    tokens = doc[span[0]:span[1]]
    text = tokens.text.lower()
    if text in MEDIA_NAMES or text.removeprefix("the ") in MEDIA_NAMES:
        return True
    names = [t for t in tokens if t.pos_ == "PROPN" or t.ent_type_ in ("ORG", "WORK_OF_ART")]
    return bool(names) and any(t.lower_ in MEDIA_WORDS for t in names)


def _relay_mentions(doc: Doc, cue: TokenRange | None) -> list[TokenRange]:
    """Outlets the cue verb names as the channel: "told CNN", "in an interview with Fox"."""
    if cue is None:
        return []
    relays = []
    verb = doc[cue[0]]
    for child in verb.children:
        if child.dep_ in ("dative", "dobj") and child.i > verb.i:
            candidates = [child]
        elif child.dep_ == "prep" and child.lower_ in ("to", "on", "in", "with"):
            candidates = [t for t in child.subtree if t.dep_ == "pobj"]
        else:
            continue
        for candidate in candidates:
            mention = _noun_range(candidate)
            if is_media(doc, mention):
                relays.append(mention)
    return relays


def _apply_relays(doc: Doc, found: list[Attribution]) -> list[Attribution]:
    """Outlets that report others' statements become the ``via`` of those statements."""
    for attribution in found:
        attribution.via.extend(m for m in _relay_mentions(doc, attribution.cue) if m != attribution.source)
    kept = []
    for report in found:
        if report.source and is_media(doc, report.source) and report.kind != "direct":
            relayed = [a for a in found if a is not report and report.start <= a.start and a.end <= report.end + 2]
            if not relayed and report.cue and doc[report.cue[0]].idx > report.end:
                # "X said Y, Reuters reported." parsed with the report inside X's clause
                relayed = [a for a in found if a is not report and a.source and a.start <= report.start
                           and report.end <= a.end and not is_media(doc, a.source)]
                for attribution in relayed:
                    attribution.end = min(attribution.end, report.end)
            if relayed:
                for attribution in relayed:
                    attribution.via.append(report.source)
                continue
        kept.append(report)
    return kept


def _drop_overlaps(doc: Doc, found: list[Attribution]) -> list[Attribution]:
    """One attribution per stretch of text: the surer one wins."""
    found = [a for a in found if a.end > a.start and not any(_nests(other, a) for other in found)]
    kept: list[Attribution] = []
    for attribution in sorted(found, key=lambda a: -a.confidence):
        if any(_overlap(attribution, other) > 0.5 for other in kept):
            continue
        kept.append(attribution)
    kept.sort(key=lambda a: a.start)
    return kept


def _goes_on(doc: Doc, last: Attribution, previous: QuotedSpan, q: QuotedSpan, cue: Token | None) -> bool:
    """'"A," she said. "B."' is one attribution in two pieces, when only A's cue stands between them.

    Not '"A," he said on ABC's "This Week."' (B names a show in the cue's clause),
    nor '"A," he said. She shook her head. "B."' (B is hers).
    """
    between = _text(doc)[previous.end:q.start]
    if "\n" in between or between.rstrip()[-1:] not in ".,:;!?":
        return False
    if cue is not None:
        return last.cue_head == cue.i
    if last.cue is None:
        return False
    words = doc.char_span(previous.end, q.start, alignment_mode="contract")
    sentence = doc[last.cue[0]].sent
    return words is None or all(sentence.start <= t.i < sentence.end or t.is_punct or t.is_space for t in words)


def _nests(outer: Attribution, inner: Attribution) -> bool:
    """"X said Y told Z that ...", "X said she would consider ...": what is inside reported speech is part of it.

    News attributes the whole stretch to the outer speaker (PolNeAR annotates one
    attribution per token, the outer one); a direct quote inside stays a quote.
    """
    return (inner is not outer and "direct" not in (inner.kind, outer.kind)
            and outer.start <= inner.start and inner.end <= outer.end
            and inner.end - inner.start < outer.end - outer.start)


def _to_record(attribution: Attribution, kept: list[Attribution], text: str) -> dict:
    """A msgpack-friendly dict with the content's text; ``inherit`` becomes an index into ``kept``."""
    record = {name: getattr(attribution, name) for name in ("start", "end", "kind", "cue", "source", "confidence", "via")}
    record["content"] = text[attribution.start:attribution.end]
    inherit = attribution.inherit
    record["inherit"] = next((i for i, a in enumerate(kept) if a is inherit), None)
    if record["inherit"] is None and inherit is not None and inherit.source is not None:
        # the quote it continues lost to an overlapping one: continue whichever kept the same speaker
        record["inherit"] = next((i for i, a in enumerate(kept) if a.source == inherit.source), None)
    return record


def _overlap(a: Attribution, b: Attribution) -> float:
    shared = min(a.end, b.end) - max(a.start, b.start)
    return max(0, shared) / max(1, min(a.end - a.start, b.end - b.start))


@Language.factory(
    "newstrace_quotes",
    default_config={"min_quote_words": 4, "belief_cues": True, "stances": True, "filter_weights": "default"},
)
def make_attribution_finder(
    nlp: Language, name: str, *, min_quote_words: int, belief_cues: bool, stances: bool, filter_weights: str | None
) -> AttributionFinder:
    """``belief_cues``: also "X believes ..."; ``stances``: also "X criticized ...", "X plans to ...";
    ``filter_weights``: the candidate filter ("default", a JSON path, or None for rules alone)."""
    return AttributionFinder(
        min_quote_words=min_quote_words, belief_cues=belief_cues, stances=stances, filter_weights=filter_weights
    )
