"""The example article: every required quote with its speaker, CNN as relay, no false quotes."""

import json
import subprocess
import sys

import pytest


@pytest.fixture(scope="module")
def seed_prediction(shared, tmp_path_factory):
    article = shared / "data/seed/killer-remarks.txt"
    out = tmp_path_factory.mktemp("seed") / "pred.jsonl"
    result = subprocess.run(
        [sys.executable, "-m", "newstrace", "quotes", str(article), "--format", "jsonl"],
        capture_output=True, text=True, check=True,
    )
    out.write_text(result.stdout, encoding="utf-8")
    return out


def test_seed_checker_passes(shared, seed_prediction):
    check = subprocess.run(
        [sys.executable, str(shared / "tools/check_seed.py"),
         str(shared / "data/seed/killer-remarks.expected.json"),
         str(shared / "data/seed/killer-remarks.txt"), str(seed_prediction)],
        capture_output=True, text=True,
    )
    assert check.returncode == 0, check.stdout + check.stderr


def test_seed_offsets_point_into_the_text(shared, seed_prediction):
    text = (shared / "data/seed/killer-remarks.txt").read_text(encoding="utf-8")
    line = json.loads(seed_prediction.read_text(encoding="utf-8"))
    assert line["path"].endswith("killer-remarks.txt")
    for quote in line["quotes"]:
        assert text[quote["start"]:quote["end"]] == quote["content"]
        for part in (quote["cue"], (quote["speaker"] or {}).get("mention"), *[v["mention"] for v in quote["via"]]):
            if part:
                assert text[part["start"]:part["end"]] == part["text"]


def test_pronoun_speaker_keeps_the_pronoun_as_mention(shared, seed_prediction):
    quotes = json.loads(seed_prediction.read_text(encoding="utf-8"))["quotes"]
    offer = next(q for q in quotes if q["content"].startswith("I would like to offer"))
    assert offer["speaker"]["mention"]["text"] == "he"
    assert offer["speaker"]["name"] == "Vladimir Putin"
    assert offer["speaker"]["kind"] == "person"
