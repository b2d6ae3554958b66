"""The scorer, on small texts written for these tests."""

from __future__ import annotations

import pytest

from newstrace.evaluation import (
    GoldAttribution,
    Predicted,
    align,
    dice,
    load_polnear,
    read_brat,
    score,
    trimmed_chars,
)
from newstrace.models import Mention, Quote, Speaker

TEXT = (
    'Mayor Ann Reyes said, "The bridge will reopen in May." '
    "The council believes that the budget is too small. "
    '"We are ready," the engineer added, "and the steel is here."'
)


def span(text: str, piece: str, nth: int = 0) -> tuple[int, int]:
    """The offsets of the ``nth`` occurrence of ``piece`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(piece, start + 1)
    return start, start + len(piece)


def chars(text: str, piece: str) -> frozenset[int]:
    start, end = span(text, piece)
    return frozenset(range(start, end))


def quote(start: int, end: int, speaker: tuple[int, int] | None = None, cue: tuple[int, int] | None = None) -> Quote:
    return Quote(
        content=TEXT[start:end],
        start=start,
        end=end,
        kind="direct",
        cue=Mention(TEXT[cue[0] : cue[1]], *cue) if cue else None,
        speaker=Speaker("x", "person", Mention(TEXT[speaker[0] : speaker[1]], *speaker)) if speaker else None,
    )


BRIDGE = GoldAttribution(
    content=(span(TEXT, '"The bridge will reopen in May."'),),
    source=(span(TEXT, "Mayor Ann Reyes"),),
    cue=(span(TEXT, "said"),),
)
BUDGET = GoldAttribution(
    content=(span(TEXT, "that the budget is too small."),),
    source=(span(TEXT, "The council"),),
    cue=(span(TEXT, "believes"),),
)
STEEL = GoldAttribution(  # discontinuous: the cue sits between the two pieces
    content=(span(TEXT, '"We are ready,"'), span(TEXT, '"and the steel is here."')),
    source=(span(TEXT, "the engineer"),),
    cue=(span(TEXT, "added"),),
)
GOLD = [BRIDGE, BUDGET, STEEL]


# --- trimming and Dice -------------------------------------------------------


def test_trimming_strips_spaces_quote_marks_and_edge_punctuation():
    start, end = span(TEXT, ', "The bridge will reopen in May." ')
    assert trimmed_chars(TEXT, [(start, end)]) == chars(TEXT, "The bridge will reopen in May")


def test_trimming_keeps_inner_punctuation():
    text = "“Yes, no — maybe.”"
    assert trimmed_chars(text, [(0, len(text))]) == chars(text, "Yes, no — maybe")


def test_trimming_handles_curly_marks_brackets_and_dashes():
    text = " — («[‘Fine’]»); "
    assert trimmed_chars(text, [(0, len(text))]) == chars(text, "Fine")


def test_discontinuous_pieces_are_trimmed_one_by_one():
    assert trimmed_chars(TEXT, STEEL.content) == chars(TEXT, "We are ready") | chars(TEXT, "and the steel is here")


def test_span_of_only_trim_characters_is_empty():
    assert trimmed_chars('a ", " b', [(1, 6)]) == frozenset()
    assert dice(frozenset(), frozenset()) == 0.0


def test_dice_values():
    assert dice(frozenset(range(10)), frozenset(range(5))) == pytest.approx(2 * 5 / 15)
    assert dice(frozenset(range(10)), frozenset(range(10, 20))) == 0.0


# --- the Dice threshold --------------------------------------------------------

LETTERS = "x" * 100
TEN = GoldAttribution(content=((20, 30),))


@pytest.mark.parametrize(
    ("pred", "matched"),
    [
        ((20, 30), True),  # identical
        ((20, 25), True),  # 2*5/15 = 0.67
        ((20, 50), True),  # 2*10/40 = 0.5: the threshold is inclusive
        ((20, 51), False),  # 2*10/41 < 0.5
        ((10, 40), True),  # 2*10/40 = 0.5 around both ends
        ((27, 60), False),  # 2*3/43
        ((30, 40), False),  # touching, no shared character
    ],
)
def test_dice_threshold(pred, matched):
    scores = score([(LETTERS, [TEN], [Predicted((pred,))])])
    assert scores.matched == int(matched)


def test_trimming_applies_before_the_threshold():
    # Raw, the prediction's quote marks and padding would pull Dice below 0.5;
    # trimmed, the two spans are the same words.
    text = 'Hi.    ,,,"""ok"""...    Bye.'
    gold = GoldAttribution(content=(span(text, "ok"),))
    scores = score([(text, [gold], [Predicted(((3, len(text) - 4),))])])
    assert scores.matched == 1 and scores.exact_matched == 1


# --- one-to-one, best first ------------------------------------------------------


def test_two_predictions_of_one_quote_count_once():
    a = quote(*BRIDGE.content[0])
    b = quote(BRIDGE.content[0][0] + 1, BRIDGE.content[0][1])
    scores = score([(TEXT, [BRIDGE], [a, b])])
    assert (scores.gold, scores.predicted, scores.matched) == (1, 2, 1)
    assert scores.content.precision == 0.5 and scores.content.recall == 1.0


def test_one_prediction_matches_only_one_gold():
    gold = [GoldAttribution(content=((0, 10),)), GoldAttribution(content=((10, 20),))]
    scores = score([(LETTERS, gold, [Predicted(((0, 20),))])])  # Dice 0.67 with both
    assert scores.matched == 1


def test_matching_is_greedy_by_highest_dice_not_by_gold_order():
    a = GoldAttribution(content=((0, 20),))
    b = GoldAttribution(content=((12, 22),))  # synthetic: gold spans may overlap here
    p1 = Predicted(((10, 22),))  # Dice 0.63 with a, 0.91 with b
    p2 = Predicted(((0, 8),))  # Dice 0.57 with a
    p3 = Predicted(((60, 70),))  # nowhere
    alignment = align(LETTERS, [a, b], [p1, p2, p3])
    # Taking a's best prediction first (p1) would leave b unmatched.
    assert sorted((g, p) for g, p, _ in alignment.pairs) == [(0, 1), (1, 0)]
    assert alignment.spurious == [p3] and alignment.missed == []


def test_greedy_choice_gives_the_contested_gold_to_the_better_prediction():
    a = GoldAttribution(content=((0, 10),))
    b = GoldAttribution(content=((10, 20),))
    p1 = Predicted(((0, 16),))  # Dice 0.77 with a, 0.46 with b
    p2 = Predicted(((0, 11),))  # Dice 0.95 with a
    alignment = align(LETTERS, [a, b], [p1, p2])
    assert [(g, p) for g, p, _ in alignment.pairs] == [(0, 1)]
    assert alignment.missed == [b] and alignment.spurious == [p1]


# --- speakers and cues ---------------------------------------------------------


def bridge(speaker=None, cue=None) -> Quote:
    return quote(*BRIDGE.content[0], speaker=speaker, cue=cue)


@pytest.mark.parametrize(
    ("speaker", "right"),
    [
        (span(TEXT, "Mayor Ann Reyes"), True),
        (span(TEXT, "Reyes"), True),  # part of the gold source
        (span(TEXT, "Reyes said"), True),  # overhangs it
        (span(TEXT, "said"), False),  # next to it, no shared character
        (span(TEXT, "The council"), False),  # somebody else
        (None, False),  # gold has a source, prediction none
    ],
)
def test_speaker_is_right_when_spans_overlap(speaker, right):
    scores = score([(TEXT, [BRIDGE], [bridge(speaker=speaker)])])
    assert scores.matched == 1
    assert scores.speaker_right == int(right)


def test_speaker_touching_the_gold_source_is_wrong():
    gold = GoldAttribution(content=BRIDGE.content, source=(span(TEXT, "Ann Reyes"),), cue=BRIDGE.cue)
    assert score([(TEXT, [gold], [bridge(speaker=span(TEXT, "Mayor "))])]).speaker_right == 0
    assert score([(TEXT, [gold], [bridge(speaker=span(TEXT, "Mayor A"))])]).speaker_right == 1


def test_speaker_both_none_is_right_and_invented_speaker_is_wrong():
    sourceless = GoldAttribution(content=BRIDGE.content, cue=BRIDGE.cue)
    assert score([(TEXT, [sourceless], [bridge()])]).speaker_right == 1
    assert score([(TEXT, [sourceless], [bridge(speaker=span(TEXT, "Mayor"))])]).speaker_right == 0


def test_cue_is_right_when_spans_overlap_or_both_none():
    said, added = span(TEXT, "said"), span(TEXT, "added")
    assert score([(TEXT, [BRIDGE], [bridge(cue=said)])]).cue_right == 1
    assert score([(TEXT, [BRIDGE], [bridge(cue=added)])]).cue_right == 0
    assert score([(TEXT, [BRIDGE], [bridge()])]).cue_right == 0
    cueless = GoldAttribution(content=BRIDGE.content, source=BRIDGE.source)
    assert score([(TEXT, [cueless], [bridge()])]).cue_right == 1


def test_speakers_are_only_credited_on_matched_quotes():
    far_off = quote(*span(TEXT, "The council believes"), speaker=BRIDGE.source[0])
    scores = score([(TEXT, [BRIDGE], [far_off])])
    assert scores.matched == 0 and scores.speaker_right == 0


# --- discontinuous gold, whole corpus figures ----------------------------------


def test_one_prediction_over_a_discontinuous_quote():
    hull = (STEEL.content[0][0], STEEL.content[1][1])  # includes ' the engineer added, '
    scores = score([(TEXT, [STEEL], [quote(*hull)])])
    assert scores.matched == 1 and scores.exact_matched == 0
    # Gold keeps 12 + 21 characters once trimmed piece by piece.
    first_piece = score([(TEXT, [STEEL], [quote(*STEEL.content[0])])])
    assert first_piece.matched == 1 and first_piece.exact_matched == 0  # Dice 2*12/45 = 0.53
    too_little = score([(TEXT, [STEEL], [quote(*span(TEXT, "is here"))])])
    assert too_little.matched == 0  # Dice 2*7/40 = 0.35


def test_figures_over_a_small_corpus():
    predictions = [
        quote(*BRIDGE.content[0], speaker=span(TEXT, "Reyes"), cue=span(TEXT, "said")),  # all right
        quote(*span(TEXT, "the budget is too small"), speaker=span(TEXT, "Mayor")),  # content only
        quote(*span(TEXT, "Mayor Ann Reyes")),  # false positive
    ]
    scores = score([(TEXT, GOLD, predictions), (LETTERS, [], [])])
    assert (scores.documents, scores.gold, scores.predicted) == (2, 3, 3)
    assert (scores.matched, scores.speaker_right, scores.cue_right, scores.exact_matched) == (2, 1, 1, 1)
    assert scores.content.f1 == pytest.approx(2 / 3)
    assert scores.speaker.precision == pytest.approx(1 / 3) and scores.speaker.recall == pytest.approx(1 / 3)
    assert scores.exact.f1 == pytest.approx(1 / 3)
    # BRIDGE and STEEL open with a quote mark; only BRIDGE was found.
    assert (scores.direct_gold, scores.direct_matched) == (2, 1)
    assert scores.direct_recall == 0.5


def test_precision_recall_f1_arithmetic():
    gold = [GoldAttribution(content=((i * 10, i * 10 + 10),)) for i in range(3)]
    scores = score([(LETTERS, gold, [Predicted(((0, 10),)), Predicted(((50, 60),))])])
    assert scores.content.precision == 0.5
    assert scores.content.recall == pytest.approx(1 / 3)
    assert scores.content.f1 == pytest.approx(0.4)


def test_no_predictions_and_no_gold_give_zeros_not_errors():
    scores = score([(LETTERS, [], [])])
    assert scores.content.f1 == 0.0 and scores.direct_recall == 0.0


def test_quotes_and_their_json_dicts_score_the_same():
    predictions = [bridge(speaker=span(TEXT, "Reyes"), cue=span(TEXT, "said")), quote(*span(TEXT, "council"))]
    as_objects = score([(TEXT, GOLD, predictions)])
    as_dicts = score([(TEXT, GOLD, [q.to_dict() for q in predictions])])
    assert as_objects.to_dict() == as_dicts.to_dict()
    assert as_objects.speaker_right == 1


def test_direct_quotes_need_a_double_mark_at_the_start():
    text = '  “Go,” she said. ‘Stop,’ he said. Stay, they said.'
    gold = [GoldAttribution(content=(span(text, piece),)) for piece in ("  “Go,”", "‘Stop,’", "Stay,")]
    assert score([(text, gold, [])]).direct_gold == 1


# --- reading brat ---------------------------------------------------------------

ARTICLE = 'Pat Lee said "Taxes will fall" and later "by June". Polls show a tie.\nOfficials fear a storm.'


def write_ann(path, text: str) -> None:
    def entity(n: int, label: str, *pieces: str, nth: int = 0) -> str:
        ranges = [span(text, piece, nth) for piece in pieces]
        spec = ";".join(f"{a} {b}" for a, b in ranges)
        return f"T{n}\t{label} {spec}\t{' '.join(text[a:b] for a, b in ranges)}"

    lines = [
        entity(1, "Source", "Pat Lee"),
        entity(2, "Cue", "said"),
        entity(3, "Content", '"Taxes will fall"', '"by June"'),
        entity(4, "Attribution", "said"),
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
        entity(5, "Cue", "show"),
        entity(6, "Content", "a tie."),
        entity(7, "Content", "Officials"),  # a second content, spanning no newline
        entity(8, "Attribution-no-source", "show"),
        "E2\tAttribution-no-source:T8 Cue:T5 Content:T6 Content2:T7",
        entity(9, "Attribution-no-source", "fear"),
        "E3\tAttribution-no-source:T9 ",  # no content: not an attribution
        entity(10, "Content", "tie.\nOfficials"),  # a span over a newline continues on the next line
        "#1\tAnnotatorNotes T3\tcheck this",
        entity(11, "Discuss", "storm"),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_read_brat(tmp_path):
    ann = tmp_path / "a_x.ann"
    write_ann(ann, ARTICLE)
    gold = read_brat(ann, ARTICLE)
    assert gold == [
        GoldAttribution(
            content=(span(ARTICLE, '"Taxes will fall"'), span(ARTICLE, '"by June"')),
            source=(span(ARTICLE, "Pat Lee"),),
            cue=(span(ARTICLE, "said"),),
        ),
        GoldAttribution(
            content=(span(ARTICLE, "a tie."), span(ARTICLE, "Officials")),
            source=(),
            cue=(span(ARTICLE, "show"),),
        ),
    ]


def test_read_brat_rejects_offsets_outside_the_text(tmp_path):
    ann = tmp_path / "a_x.ann"
    ann.write_text("T1\tContent 0 500\tx\nE1\tAttribution:T1 Content:T1\n", encoding="utf-8")
    with pytest.raises(ValueError, match="outside the text"):
        read_brat(ann, ARTICLE)


def test_load_polnear_uses_the_first_annotator(tmp_path):
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "news_2016_one.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "text" / "news_2016_two.txt").write_text("Nothing here.", encoding="utf-8")
    write_ann(tmp_path / "attributions" / "news_2016_one_a1.ann", ARTICLE)
    (tmp_path / "attributions" / "news_2016_one_b2.ann").write_text("", encoding="utf-8")
    docs = load_polnear(tmp_path)
    assert [name for name, _, _ in docs] == ["news_2016_one", "news_2016_two"]
    assert docs[0][1] == ARTICLE and len(docs[0][2]) == 2
    assert docs[1][2] == []


def test_predicted_offsets_past_the_text_are_clipped():
    scores = score([(LETTERS, [TEN], [Predicted(((20, 500),))])])
    assert scores.predicted == 1 and scores.matched == 0
