"""Sentences never cross a line break: a headline, a dateline and a paragraph are
separate units in news text, and the parser otherwise glues them together."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class ParagraphSplitter:
    """Mark the first token after a newline as a sentence start (before the parser)."""

    def __call__(self, doc: Doc) -> Doc:
        after_break = False
        for token in doc:
            if after_break and not token.is_space:
                token.is_sent_start = True
                after_break = False
            if "\n" in token.text or "\n" in token.whitespace_:
                after_break = True
        return doc


@Language.factory("newstrace_paragraphs")
def make_paragraph_splitter(nlp: Language, name: str) -> ParagraphSplitter:
    return ParagraphSplitter()
