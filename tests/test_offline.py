"""Nothing in analysis may touch the network: readability and the whole registry, sockets blocked."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

from bias.corpus.segment import parse
from bias.model import Article

ROOT = Path(__file__).resolve().parents[1]
ENGLISH = ("The committee approved the controversial proposal yesterday. Opponents said the "
           "decision was irresponsible and would devastate the neighbourhood.")


def _clear_caches() -> None:
    """Drop per-process caches so loaders really run inside the test."""
    from bias import vader
    from bias.features import syllables

    syllables.cmu_syllables.cache_clear()
    syllables.count_syllables.cache_clear()
    vader.analyzer.cache_clear()
    vader.polarity.cache_clear()


def test_fixture_blocks_connections(no_network):
    with pytest.raises(RuntimeError, match="network access attempted"):
        socket.create_connection(("example.org", 80))
    with pytest.raises(RuntimeError, match="network access attempted"):
        socket.socket()


def test_readability_scores_english_offline(no_network):
    from bias.features import readability

    _clear_caches()
    values = readability.run(parse(Article(id="t", outlet="o", title="", text=ENGLISH))).values
    assert values["readability__words"] == 18
    assert values["readability__syllables_per_word"] > 1.5
    assert 0.0 < values["readability__flesch_kincaid_grade"] < 30.0


def test_every_registered_extractor_runs_offline(no_network):
    from bias.analysis import analyze_article
    from bias.features import EXTRACTORS

    _clear_caches()
    scores = analyze_article(Article(id="t", outlet="o", title="", text=ENGLISH))
    names = {s.name for ext in EXTRACTORS for s in ext.specs}
    assert set(scores.values) == names


_FRESH_PROCESS = """
import socket, sys
def refuse(*a, **k):
    raise RuntimeError("network access attempted")
class Blocked(socket.socket):
    def __init__(self, *a, **k):
        refuse()
socket.socket = Blocked
for name in ("create_connection", "getaddrinfo", "socketpair"):
    setattr(socket, name, refuse)
from pathlib import Path
from bias.analysis import analyze_article
from bias.model import Article
seed = sorted(Path("seeds").glob("*.txt"))[0]
scores = analyze_article(Article(id="s", outlet="o", title="", text=seed.read_text(encoding="utf-8")))
assert scores.values["readability__words"] > 100, scores.values
assert "nltk" not in sys.modules and "textstat" not in sys.modules, "nltk/textstat imported at run time"
print("ok")
"""


def test_fresh_process_imports_and_analyses_offline():
    """Import-time work counts too: block sockets before `bias` is imported at all."""
    done = subprocess.run([sys.executable, "-c", _FRESH_PROCESS], cwd=ROOT, capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_report_from_a_stored_analysis_offline(no_network, tmp_path: Path):
    """Reading `bias analyze` output back and rendering it, streamed, with sockets blocked."""
    from bias.analysis import analyze_article
    from bias.export import article_record, to_json_line
    from bias.render.report import render_report
    from bias.results import read_results

    stored = tmp_path / "r.jsonl"
    texts = [ENGLISH, "Police said the bridge would reopen on Monday, according to a city statement."]
    stored.write_text("".join(
        to_json_line(article_record(analyze_article(Article(id=f"a{i}", outlet=f"O{i % 2}", title="T",
                                                            text=t)))) + "\n"
        for i, t in enumerate(texts * 3)), encoding="utf-8")
    read = read_results([stored], hold_whole=2)
    assert read.data is not None and len(read.data.tally) == 6
    assert "<html" in render_report(read.data)
