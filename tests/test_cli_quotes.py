"""`newstrace quotes` on bad input: decode what can be decoded, report the rest, go on."""

import json

from typer.testing import CliRunner

from newstrace.cli import app

runner = CliRunner()


def run(*args):
    return runner.invoke(app, ["quotes", *map(str, args), "--format", "jsonl"])


def lines(result):
    return [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]


def test_batch_goes_on_past_broken_files(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text('"We will rebuild," the mayor said.', encoding="utf-8")
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(bytes(range(256)) * 8)
    missing = tmp_path / "missing.txt"
    result = run(binary, good, missing)
    assert result.exit_code == 2
    out = lines(result)
    assert [o["path"] for o in out] == [str(binary), str(good), str(missing)]
    assert "binary" in out[0]["error"] and "no such file" in out[2]["error"]
    assert out[1]["quotes"][0]["content"].startswith("We will rebuild")
    assert "2 of 3 files could not be read" in result.stderr


def test_empty_and_unbalanced_files_give_results_not_errors(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    odd = tmp_path / "odd.txt"
    odd.write_text('He said "this never closes. And “this” neither ” ” " \' ‘ ’.', encoding="utf-8")
    result = run(empty, odd)
    assert result.exit_code == 0
    assert [o["quotes"] for o in lines(result)][0] == []


def test_non_utf8_offsets_index_the_decoded_text(tmp_path):
    text = "«Nous allons gagner», a déclaré le président. " + "Le ministre a dit que la réforme était prête. " * 3
    path = tmp_path / "fr.txt"
    path.write_bytes(text.encode("cp1252"))
    result = run(path)
    assert result.exit_code == 0
    for quote in lines(result)[0]["quotes"]:
        assert text[quote["start"]:quote["end"]] == quote["content"]


def test_a_very_long_document_is_processed(tmp_path):
    paragraph = '"Prices keep rising," said Ana Ruiz, a shop owner in Lima. The council said it would act.\n'
    path = tmp_path / "long.txt"
    path.write_text(paragraph * 1500, encoding="utf-8")
    result = run(path)
    assert result.exit_code == 0
    quotes = lines(result)[0]["quotes"]
    assert len(quotes) >= 1500 and all(q["speaker"]["name"] for q in quotes[:10])
