"""The provenance commands against a DuckDB store: contract, incrementality, graph export."""

import json
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

import newstrace
from newstrace.store import Store
from newstrace.provenance.simulate import corpus

ROOT = Path(__file__).resolve().parents[1]


def fill(db: Path, articles) -> None:
    """Articles into a real corpus store (the ingest schema), as ingest would leave them."""
    with Store(db) as corpus:
        corpus.con.executemany(
            "INSERT INTO articles (id, url, domain, outlet, title, published, first_seen, text, content_hash)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, md5(?))",
            [(a.id, a.url, a.domain, a.outlet, a.title, a.published, a.published, a.text, a.text) for a in articles],
        )


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newstrace", *args], capture_output=True, text=True,
                          cwd=ROOT, env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"})


@pytest.fixture(scope="module")
def sim():
    return corpus(n_sources=15, seed=3)


def test_provenance_jsonl_contract_and_incremental_update(tmp_path, sim):
    articles, truth = sim
    db = tmp_path / "c.duckdb"
    half = len(articles) // 2
    ordered = sorted(articles, key=lambda a: a.published)
    fill(db, ordered[:half])
    assert cli("provenance", "--db", str(db), "--format", "jsonl").returncode == 0
    fill(db, ordered[half:])
    run = cli("provenance", "--db", str(db), "--format", "jsonl")
    assert run.returncode == 0, run.stderr
    records = [json.loads(line) for line in run.stdout.splitlines()]
    assert {r["id"] for r in records} == {a.id for a in articles}
    for r in records:
        assert set(r) == {"id", "url", "outlet", "published", "story", "derived_from", "credits_source"}
        assert r["story"]
        if r["derived_from"] is None:
            assert r["credits_source"] is None
        else:
            assert set(r["derived_from"]) == {"id", "url", "outlet", "kind", "score"}
            assert r["derived_from"]["kind"] in {"copy", "excerpt", "rewrite"}
            assert isinstance(r["credits_source"], bool)
    right = sum(1 for r in records if (r["derived_from"] or {}).get("id") == truth[r["id"]].parent)
    assert right / len(records) >= 0.9
    by_id = {r["id"]: r for r in records}
    for aid, t in truth.items():
        if t.parent is not None and by_id[aid]["derived_from"] and by_id[aid]["derived_from"]["id"] == t.parent:
            assert by_id[aid]["story"] == by_id[t.parent]["story"]


def test_outlets_exports_gexf_and_graphml(tmp_path, sim):
    db = tmp_path / "c.duckdb"
    fill(db, sim[0])
    gexf, graphml = tmp_path / "g.gexf", tmp_path / "g.graphml"
    run = cli("outlets", "--db", str(db), "--export", str(gexf), "--export", str(graphml), "--format", "jsonl")
    assert run.returncode == 0, run.stderr
    rows = [json.loads(line) for line in run.stdout.splitlines()]
    assert rows and all(r["source"] != r["outlet"] for r in rows)
    assert any(r["source"] == "Voice of America" for r in rows)
    g = nx.read_graphml(graphml)
    assert g.number_of_edges() == len(rows)
    assert 'mode="dynamic"' in gexf.read_text()


def test_stories_and_trace(tmp_path, sim):
    db = tmp_path / "c.duckdb"
    fill(db, sim[0])
    run = cli("stories", "--db", str(db), "--min-outlets", "2", "--format", "jsonl")
    assert run.returncode == 0, run.stderr
    stories = [json.loads(line) for line in run.stdout.splitlines()]
    assert stories and all(len(s["outlets"]) >= 2 for s in stories)
    source = sim[0][0]
    sentence = source.text.split(". ")[1]
    run = cli("trace", sentence, "--db", str(db), "--format", "jsonl")
    result = json.loads(run.stdout)
    assert source.id in [a["id"] for a in result["articles"]]


def test_bad_export_name_is_an_input_error(tmp_path, sim):
    db = tmp_path / "c.duckdb"
    fill(db, sim[0][:5])
    run = cli("outlets", "--db", str(db), "--export", str(tmp_path / "g.png"))
    assert run.returncode == 2 and "gexf" in run.stderr


def test_similarity_is_high_for_same_story_low_for_unrelated(sim):
    articles, truth = sim
    by_id = {a.id: a for a in articles}
    rewrite = next(a for a in articles if truth[a.id].kind == "rewrite")
    parent = by_id[truth[rewrite.id].parent]
    other = next(a for a in articles if a.outlet == "Voice of America" and a.id != parent.id)
    assert newstrace.similarity(rewrite.text, parent.text) > 0.8
    assert newstrace.similarity(other.text, parent.text) < 0.5
    assert 0.0 <= newstrace.similarity("", parent.text) <= 1.0
