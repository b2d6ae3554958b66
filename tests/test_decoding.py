import pytest

from newstrace.errors import InputError, UndecodableError
from newstrace.sources.text import decode_bytes, read_text


def test_utf8_offsets_are_kept_as_decoded(shared):
    path = shared / "data/seed/killer-remarks.txt"
    assert read_text(path).text == path.read_text(encoding="utf-8")


def test_windows_1252_is_detected():
    text = "“Le président a dit: ça suffit,” a déclaré le ministre à la presse française. " * 3
    decoded = decode_bytes(text.encode("cp1252"))
    assert decoded.text == text


def test_binary_is_refused_with_a_clear_message():
    with pytest.raises(UndecodableError, match="binary"):
        decode_bytes(bytes(range(256)) * 4, name="junk.bin")


def test_missing_file_says_so(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_text(tmp_path / "nope.txt")


def test_crlf_reads_like_python_text_mode(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b'"Yes," he said.\r\nNo.\r\n')
    assert read_text(path).text == path.open(encoding="utf-8").read()
