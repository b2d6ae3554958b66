"""The ``newstrace_quotes`` component: find attributions (content, cue, source, relays)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

if not Doc.has_extension("attributions"):
    Doc.set_extension("attributions", default=None)


class AttributionFinder:
    def __call__(self, doc: Doc) -> Doc:
        doc._.attributions = []
        return doc


@Language.factory("newstrace_quotes")
def make_attribution_finder(nlp: Language, name: str) -> AttributionFinder:
    return AttributionFinder()
