from newstrace.nlp.quotemarks import find_quoted_spans


def quoted(text):
    return [text[slice(*span.inner)] for span in find_quoted_spans(text)]


def test_straight_curly_and_single_marks():
    text = 'He said "we will win." She said “no way.” They called it ‘a farce’.'
    assert quoted(text) == ["we will win.", "no way.", "a farce"]


def test_apostrophes_are_not_quote_marks():
    assert quoted("Biden’s team didn't say 'go' in the '90s, Jones' aides said.") == ["go"]


def test_doubled_apostrophes_are_one_mark():
    assert quoted("''It is easy,'' she said. ''Too easy.''") == ["It is easy,", "Too easy."]


def test_open_quote_per_paragraph_continues():
    text = '"We will fight on the beaches,\n"we shall never surrender," he said.'
    first, second = find_quoted_spans(text)
    assert not first.closed and second.continues and second.closed


def test_unbalanced_marks_never_raise():
    for text in ['"', '""', 'a " b', '“ unclosed', "’’’", '"a" "b', "'" * 50]:
        find_quoted_spans(text)


def test_a_no_break_space_before_a_mark_opens_a_quote():
    text = '"They sue," he said.\xa0"Everybody sues, right?"'
    assert [text[q.start:q.end] for q in find_quoted_spans(text)] == ['"They sue,"', '"Everybody sues, right?"']
