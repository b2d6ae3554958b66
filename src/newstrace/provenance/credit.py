"""Does an article credit the article it derives from?

Credit is naming the source outlet, its domain or its URL ("according to
Voice of America", "first appeared on voanews.com", a link). A copy inherits
whatever the source said about itself ("told VOA"), so a name only counts as
credit when the derived article says it more often than the source does.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from newstrace.provenance.features import ArticleRef, sentences, shingles

TAKEN = 0.3


def source_names(source: ArticleRef) -> list[str]:
    """The strings by which an article can name its source: outlet, domain, domain stem, URL."""
    names = []
    if source.outlet:
        names.append(source.outlet)
    domain = source.domain or (urlsplit(source.url).hostname if source.url else None)
    if domain:
        domain = domain.removeprefix("www.")
        names.append(domain)
        stem = domain.split(".")[0]
        if len(stem) >= 4:
            names.append(stem)
    if source.url:
        names.append(source.url)
    return list(dict.fromkeys(n for n in names if n))


def _count(name: str, text: str) -> int:
    return len(re.findall(r"(?<![\w.])" + re.escape(name) + r"(?![\w])", text, flags=re.IGNORECASE))


def credits_source(derived: ArticleRef, source: ArticleRef) -> bool:
    """True when ``derived`` names ``source`` (outlet, domain or link) beyond what it copied.

    A name counts when the derived article says it more often than the source,
    or says it in a sentence of its own (one not taken from the source), which
    catches a rewrite that dropped the source's "told VOA" and added "according to VOA".
    """
    text = f"{derived.title or ''}\n{derived.text}"
    inherited = f"{source.title or ''}\n{source.text}"
    names = source_names(source)
    if any(_count(name, text) > _count(name, inherited) for name in names):
        return True
    source_grams = shingles(inherited)
    for sent in sentences(text):
        if any(_count(name, sent) for name in names) and not _taken(sent, source_grams):
            return True
    return False


def _taken(sentence: str, source_grams: set[int]) -> bool:
    grams = shingles(sentence)
    return bool(grams) and len(grams & source_grams) / len(grams) >= TAKEN
