"""The ``newstrace_speakers`` component: resolve each source to a canonical speaker."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newstrace.models import Quote

if not Doc.has_extension("quote_records"):
    Doc.set_extension("quote_records", default=None)
if not Doc.has_extension("quotes"):
    Doc.set_extension("quotes", getter=lambda doc: [Quote.from_dict(r) for r in doc._.quote_records or []])


class SpeakerResolver:
    def __call__(self, doc: Doc) -> Doc:
        doc._.quote_records = []
        return doc


@Language.factory("newstrace_speakers")
def make_speaker_resolver(nlp: Language, name: str) -> SpeakerResolver:
    return SpeakerResolver()
