"""Derivation, credit, statements and the simulated syndication corpus."""

from datetime import datetime, timedelta, timezone

import pytest

from newstrace.provenance.credit import credits_source
from newstrace.provenance.derivation import DerivationIndex, classify
from newstrace.provenance.features import ArticleRef
from newstrace.provenance.scoring import derivation_scores
from newstrace.provenance.simulate import corpus, originals
from newstrace.provenance.statements import StatementIndex, match

T0 = datetime(2025, 3, 14, 12, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def voa() -> list[ArticleRef]:
    return originals(12)


def ref(aid, outlet, domain, hours, text, title=None):
    return ArticleRef(aid, f"https://{domain}/{aid}", outlet, domain, T0 + timedelta(hours=hours), title, text)


def test_small_syndication_simulation_reaches_floors():
    articles, truth = corpus(n_sources=40, seed=11)
    scores = derivation_scores(DerivationIndex().add(articles), truth)
    assert scores["derived"] > 40
    assert scores["precision"] >= 0.93
    assert scores["recall"] >= 0.93
    assert scores["credit_accuracy"] >= 0.93
    assert scores["kind_accuracy"] >= 0.88


def test_copy_of_copy_points_to_the_intermediate_and_the_chain_leads_back(voa):
    src = voa[0]
    a = ref("a", "Voice of America", "voanews.com", 0, src.text)
    b = ref("b", "Daily Ledger", "dailyledger.com", 5, "LONDON — " + src.text)
    c = ref("c", "Metro Tribune", "metrotribune.com", 9, "LONDON — " + src.text + " Via dailyledger.com.")
    found = DerivationIndex().add([c, a, b])
    assert found["a"] is None
    assert (found["b"].parent.id, found["b"].kind, found["b"].credited) == ("a", "copy", False)
    assert (found["c"].parent.id, found["c"].kind, found["c"].credited) == ("b", "copy", True)


def test_excerpt_and_independent_report(voa):
    src = voa[1]
    lead = " ".join(src.text.split(". ")[:3]) + "."
    a = ref("a", "Voice of America", "voanews.com", 0, src.text)
    e = ref("e", "Newsbeat 24", "newsbeat24.com", 3, lead)
    own = ref("i", "Capital Observer", "capitalobserver.com", 1,
              "Our correspondent spoke to officials about the events. Several residents described what they saw.")
    found = DerivationIndex().add([a, e, own])
    assert found["e"].kind == "excerpt" and found["e"].parent.id == "a"
    assert found["i"] is None


def test_inherited_outlet_mentions_are_not_credit():
    source = ref("s", "Voice of America", "voanews.com", 0, "The minister told Voice of America the talks failed.")
    copy = ref("c", "Daily Ledger", "dailyledger.com", 2, "The minister told Voice of America the talks failed.")
    credited = ref("d", "Daily Ledger", "dailyledger.com", 2, copy.text + " According to Voice of America, more talks are planned.")
    assert not credits_source(copy, source)
    assert credits_source(credited, source)


def test_classify_thresholds():
    assert classify(0.99, 0.97) == "copy"
    assert classify(1.0, 0.3) == "excerpt"
    assert classify(0.45, 0.5) == "rewrite"
    assert classify(0.05, 0.05) is None


def test_statements_exact_partial_and_paraphrase():
    quote = "We will rebuild every school that was destroyed in the storm this year"
    a = ref("a", "Voice of America", "voanews.com", 0, f'The governor said: "{quote}," at a briefing.')
    b = ref("b", "Daily Ledger", "dailyledger.com", 4, f'"{quote}," the governor said, according to Voice of America.')
    c = ref("c", "Metro Tribune", "metrotribune.com", 6, '"We will rebuild every school that was destroyed," she said.')
    index = StatementIndex()
    index.add([a, b, c])
    (st,) = [s for s in index.statements.values() if len(s.members) > 1]
    assert st.first.id == "a"
    assert [(m[0], m[2], m[3]) for m in st.members] == [("a", "first", True), ("b", "exact", True), ("c", "partial", False)]
    assert match("Prices of bread and fuel rose sharply across the capital", "Across the capital, fuel and bread prices rose sharply") == "paraphrase"
