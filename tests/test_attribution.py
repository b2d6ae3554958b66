"""Attribution patterns common in news, on sentences written for these tests."""

import pytest

from newstrace import extract_quotes


def only(text, content_part):
    matches = [q for q in extract_quotes(text) if content_part in q.content]
    assert len(matches) == 1, [q.content for q in extract_quotes(text)]
    return matches[0]


@pytest.mark.parametrize(
    "text, speaker",
    [
        ('Maria Lopez, the mayor of Springfield, said: "The bridge will open in May."', "Maria Lopez"),
        ('"The bridge will open in May," said Maria Lopez, the mayor of Springfield.', "Maria Lopez"),
        ('"The bridge will open in May," Maria Lopez told reporters on Monday.', "Maria Lopez"),
        ('"The bridge," Maria Lopez said, "will open in May."', "Maria Lopez"),
    ],
)
def test_cue_before_after_and_inside(text, speaker):
    quote = only(text, "open in May")
    assert quote.kind == "direct"
    assert quote.speaker.name == speaker


def test_surname_and_pronoun_resolve_to_the_full_name():
    text = (
        "Senator Alan Park visited the plant on Tuesday.\n"
        '"We need these jobs," Park said.\n'
        '"Nobody should be left behind," he added.'
    )
    quotes = extract_quotes(text)
    assert [q.speaker.name for q in quotes] == ["Alan Park", "Alan Park"]
    assert quotes[1].speaker.mention.text == "he"


def test_indirect_speech_and_according_to():
    text = (
        "The health minister said that hospitals would receive more staff. "
        "According to the Associated Press, the plan costs $2 billion."
    )
    quotes = extract_quotes(text)
    said = only(text, "hospitals would receive")
    assert said.kind == "indirect" and said.cue.text == "said"
    ap = only(text, "the plan costs")
    assert ap.speaker.name == "Associated Press"
    assert len(quotes) == 2


def test_partial_quote_inside_reported_speech_is_mixed():
    quote = only("The governor said the budget was 'a disaster for schools' and promised a review.", "budget")
    assert quote.kind == "mixed"


def test_relay_by_an_outlet():
    text = 'The minister told CNN that "the talks are over."'
    quote = only(text, "talks are over")
    assert [relay.name for relay in quote.via] == ["CNN"]


def test_outlet_reporting_someone_else_becomes_via():
    text = "Officials said the border would reopen on Friday, Reuters reported."
    quote = only(text, "border would reopen")
    assert quote.speaker.name == "officials"
    assert [relay.name for relay in quote.via] == ["Reuters"]


def test_scare_quotes_and_titles_are_not_statements():
    text = 'The so-called "experts" watched "The Crown" on a "quiet" evening.'
    assert extract_quotes(text) == []


def test_question_put_to_someone_else_is_not_their_statement():
    text = "When asked if he thought the plan was 'a mistake', Lee shrugged."
    assert not any("a mistake" == q.content for q in extract_quotes(text))


def test_descriptions_and_interview_first_person():
    text = (
        "Question: What matters most?\n"
        "Armitage: Probably the war. But I think no specialist would rank things.\n"
        "A DHS spokesperson told VOA the rule was legal. The spokesperson said it would stay."
    )
    speakers = {q.content: q.speaker.name for q in extract_quotes(text)}
    assert speakers["no specialist would rank things"] == "Armitage"
    assert speakers["the rule was legal"] == "DHS spokesperson"
    assert speakers["it would stay"] == "DHS spokesperson"


def test_one_name_per_country():
    names = {q.speaker.name for t in ("The U.S. said the talks would resume.",
                                      "The United States said the talks would resume.")
             for q in extract_quotes(t)}
    assert names == {"United States"}


def test_cue_after_a_question_or_exclamation():
    text = (
        'He paused.\n“Not us, but we cannot argue with it!” Murphy, the head of the group, wrote on Twitter.\n'
        '“Are we talking about the same senator?” the editorial board writes.\n'
    )
    speakers = [q.speaker.name for q in extract_quotes(text)]
    assert speakers == ["Murphy", "editorial board"]


def test_quote_after_the_cue_sentence_continues_its_speaker():
    text = (
        'The plan is "a step in the right direction, but it is not enough," said Ruth Adler, an economist '
        'at the Lakeside Institute. "Rents will keep rising until the city builds more homes."'
    )
    assert only(text, "Rents will keep rising").speaker.name == "Ruth Adler"


def test_headline_names_its_speaker_before_a_colon():
    text = "Mayor Lopez: The Bridge Will Open In May\n\nThe city council met on Monday to discuss the budget."
    quote = only(text, "Bridge Will Open")
    assert quote.speaker.mention.text == "Mayor Lopez"
    assert quote.cue.text == ":"


def test_a_label_before_a_headline_colon_is_not_a_speaker():
    text = "The Latest: Council approves the new bridge budget\n\nThe city council met on Monday."
    quotes = extract_quotes(text)
    assert quotes, "the council's approval is still an attribution"
    assert all(q.cue is None or q.cue.text != ":" for q in quotes)


def test_a_share_of_respondents_speaks_through_the_poll():
    text = "The Gallup poll asked 1,000 adults about prices, and 62 percent said the economy was getting worse."
    quote = only(text, "economy was getting worse")
    assert "poll" in quote.speaker.mention.text


def test_a_place_the_tagger_runs_into_a_name_is_not_part_of_it():
    text = (
        "Fighting spread across Myanmar this week.\n"
        '"It is led by doctors and nurses," U.N. Resident Coordinator for Myanmar Andrew Kirkwood said.\n'
        '"They need protection," Kirkwood added.'
    )
    assert only(text, "need protection").speaker.name == "Andrew Kirkwood"


@pytest.mark.parametrize(
    "text, content_part, speaker",
    [
        # a dateline is where the story was filed, not who speaks
        ('TALLAHASSEE, Fla. (AP) — Rep. Gwen Graham is praising Hillary Clinton as a "work horse, not a show horse."',
         "work horse", "Gwen Graham"),
        ("The FBI said it will turn over the emails recovered in the investigation.", "turn over", "FBI"),
        ("NATO said its troops would stay.", "troops would stay", "NATO"),
        # the parser takes a word of the quote for the subject
        ('"My apologies, I\'m sorry," Quick said.', "My apologies", "Quick"),
        # a name the parse hangs elsewhere, next to the cue
        ("On a call with reporters on Dec. 2, Col. Steven H. Warren, a military spokesman in Baghdad, said, "
         "''A raid is a combat operation. There is no way around that.''", "combat operation", "Steven H. Warren"),
        ('As the columnist Dana Milbank puts it, "Senate Republicans are unmoved, and activists are uninspired."',
         "Senate Republicans are unmoved", "Dana Milbank"),
        ('"Would it be negotiable?" Hannity pressed. "Maybe let some people stay if they register?"',
         "Would it be negotiable", "Hannity"),
        # an adjective clause speaks for the noun it describes
        ("Protesters carried banners saying the war must end.", "war must end", "banners"),
    ],
)
def test_speaker_despite_parse_slips(text, content_part, speaker):
    assert only(text, content_part).speaker.name == speaker


def test_quote_mark_hung_on_the_sentence_before_leaves_its_cue_alone():
    text = ("Mr. Farid said the same technology could be applied to terror content. "
            "''There's no fundamental technology or engineering limitation,'' he said.")
    reported = only(text, "could be applied to terror content")
    assert (reported.kind, reported.cue.text, reported.speaker.name) == ("indirect", "said", "Farid")
    assert only(text, "no fundamental technology").speaker.mention.text == "he"


def test_description_keeps_the_text_spelling():
    quote = only("Somalia's ambassador to Kenya accuses Kenya of politicizing refugee affairs.", "politicizing")
    assert quote.speaker.name == "Somalia's ambassador"


def test_an_impression_has_no_speaker():
    quote = only("Ben Carson appears to be slipping in the polls.", "slipping")
    assert quote.speaker is None


@pytest.mark.parametrize(
    "text, content_part",
    [
        ("The legislation seeks to step up mandatory sanctions against Iran.", "step up mandatory sanctions"),
        ("Both senators spoke on Tuesday, and both opposed the Iran deal.", "the Iran deal"),
    ],
)
def test_laws_and_parts_of_a_group_take_stances(text, content_part):
    assert only(text, content_part).cue.text in ("seeks", "opposed")


def test_a_view_owned_by_its_holder():
    quote = only("Senator Park's decision to block the nomination angered the White House.", "block the nomination")
    assert quote.speaker.name == "Park" or quote.speaker.name.endswith("Park")
    assert quote.cue.text == "decision"


def test_what_follows_the_cue_is_what_was_said():
    text = 'Most voters were worried about the economy; most said they were "very worried."'
    quote = only(text, "they were")
    assert quote.cue.text == "said"
    assert "economy" not in quote.content


def test_a_quote_after_someone_else_acts_is_not_joined_to_the_last():
    text = ("“It goes in here and goes out here,” Tom Ebeling said, pointing to his ears. "
            "Betsy Ebeling shook her head. “Tom’s much better about it than I am.”")
    first = only(text, "goes out here")
    assert "much better" not in first.content
    assert first.speaker.name == "Tom Ebeling"  # not the other Ebeling's fuller-looking name


@pytest.mark.parametrize(
    "text, content_part",
    [
        ("Outside of their bubble, the candidates are seen as a circus.", "the candidates are seen as a circus"),
        ("The House is expected to pass a bipartisan bill later this week.", "The House is expected to pass"),
        ("Eleven states vote in a round of contests known as Super Tuesday.", "known as Super Tuesday"),
    ],
)
def test_a_perceived_view_has_no_stated_source(text, content_part):
    quote = only(text, content_part)
    assert quote.speaker is None


def test_a_show_named_after_the_cue_is_not_more_of_the_quote():
    quotes = extract_quotes('“She just made it up,” he said of the claim during a call to ABC’s “This Week.”')
    assert [q.content for q in quotes] == ["She just made it up"]


def test_a_question_put_to_someone_is_not_their_aside():
    quotes = extract_quotes("Asked about the merger, Senator Alan Park said he had not read the plan.")
    said = only("Asked about the merger, Senator Alan Park said he had not read the plan.", "not read the plan")
    assert said.cue.text == "said" and said.speaker.name == "Alan Park"
    assert not any(q.cue.text == "Asked" and "read the plan" in q.content for q in quotes)


def test_an_open_question_is_an_attribution_with_no_source():
    quote = only("The question of whether someone issued a stand-down order has loomed over the inquiry.", "stand-down")
    assert quote.cue.text == "question"
    assert quote.speaker is None


def test_a_preposition_before_the_verb_is_not_its_topic():
    quote = only("For years, Senator Alan Park has argued for change.", "change")
    assert quote.content == "change"
