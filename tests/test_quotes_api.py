from newstrace import quotes as api


def test_split_long_text_covers_the_text_at_line_breaks():
    text = "".join(f"Line {i} is here.\n" for i in range(500))
    parts = api.split_long_text(text, limit=1000)
    assert "".join(part for _, part in parts) == text
    assert all(text[offset:offset + len(part)] == part for offset, part in parts)
    assert all(part.endswith("\n") for _, part in parts[:-1]) and len(parts) > 5


def test_long_text_quotes_keep_offsets_into_the_whole_text(monkeypatch):
    monkeypatch.setattr(api, "CHUNK_CHARS", 300)
    paragraph = 'The river rose overnight. "We lost everything," said Tom Baker, a farmer.\n'
    text = paragraph * 12
    quotes = api.extract_quotes(text)
    assert len(quotes) == 12
    for quote in quotes:
        assert text[quote.start:quote.end] == quote.content
        mention = quote.speaker.mention
        assert text[mention.start:mention.end] == mention.text
