"""Reports rendered from stored `bias analyze` output: detection, round trip, streaming, bad lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bias.analysis import analyze_article
from bias.cli import main
from bias.corpus.load import iter_inputs
from bias.export import article_record, to_json_line
from bias.model import Article
from bias.pipeline import EXIT_OK, EXIT_PARTIAL, EXIT_USAGE
from bias.render.inputs import reader_positions
from bias.render.viewmodel import build_report
from bias.results import is_analysis_file, read_results, record_to_scores

ROOT = Path(__file__).resolve().parents[1]
STORIES = ROOT / "tests" / "data" / "stories" / "articles"


@pytest.fixture(scope="module")
def story_scores() -> list:
    return [analyze_article(a) for a in iter_inputs([STORIES]) if isinstance(a, Article)]


@pytest.fixture()
def results_file(tmp_path: Path, story_scores: list) -> Path:
    path = tmp_path / "results.jsonl"
    path.write_text("".join(to_json_line(article_record(s, {"bias": "test"})) + "\n" for s in story_scores),
                    encoding="utf-8")
    return path


def test_a_record_rebuilds_the_scores_it_was_written_from(story_scores: list) -> None:
    for s in story_scores:
        record = article_record(s)
        again = record_to_scores(json.loads(to_json_line(record)), paragraphs=True)
        assert to_json_line(article_record(again)) == to_json_line(record)
        assert again.paragraphs == s.paragraphs
        assert again.evidence == s.evidence


def test_analysis_files_are_told_apart_from_article_files(tmp_path: Path, results_file: Path) -> None:
    articles = tmp_path / "articles.jsonl"
    articles.write_text('{"text": "Words.", "outlet": "X", "metrics": {}}\n', encoding="utf-8")
    broken = tmp_path / "broken.jsonl"
    broken.write_text("{not json\n", encoding="utf-8")
    assert is_analysis_file(results_file)
    assert not is_analysis_file(articles)
    assert not is_analysis_file(broken)
    assert not is_analysis_file(tmp_path / "missing.jsonl")


def test_report_from_stored_analysis_equals_report_from_the_articles(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    stored = tmp_path / "stories.jsonl"
    assert main(["analyze", str(STORIES), "-o", str(stored)]) == EXIT_OK
    assert main(["report", str(STORIES), "-o", str(tmp_path / "a.html")]) == EXIT_OK
    assert main(["report", str(stored), "-o", str(tmp_path / "b.html")]) == EXIT_OK
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()


def test_streamed_reading_gives_the_same_tables(results_file: Path, story_scores: list) -> None:
    whole = build_report(story_scores, title=None, generated="x", versions={})
    read = read_results([results_file], hold_whole=5)  # force the streaming path on 20 articles
    assert read.data is not None and not read.problems
    assert read.data.stories is None and len(read.data.shown) == 20
    streamed = build_report(read.data, title=None, generated="x", versions={})
    for key in ("summary", "overview", "glance", "sentences", "who_speaks", "language", "map",
                "vocabulary", "articles", "outlets"):
        assert streamed[key] == whole[key], key
    assert streamed["stories"]["stories"] == [] and "not grouped" in streamed["stories"]["summary"]


def test_bad_lines_are_named_and_the_rest_is_read(tmp_path: Path, results_file: Path) -> None:
    lines = results_file.read_text(encoding="utf-8").splitlines()
    old = json.loads(lines[1])
    old["format"] = 99
    bad = [lines[0], "", "{oops", to_json_line(old), lines[0], *lines[2:]]
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join(bad) + "\n", encoding="utf-8")
    read = read_results([path])
    problems = [(p.line, p.problem.split(" (")[0]) for p in read.problems]
    assert problems == [(3, "line 3 is not a bias analysis record"),
                        (4, "line 4 has output format 99; this bias reads format 1"),
                        (5, f"line 5 repeats article id {json.loads(lines[0])['id']!r}")]
    assert read.data is not None and len(read.data.tally) == 19
    assert read.versions == {"bias": "test"}


def test_cli_refuses_mixed_inputs_and_export(tmp_path: Path, results_file: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "r.html"
    assert main(["report", str(results_file), str(STORIES), "-o", str(out)]) == EXIT_USAGE
    assert "not both" in capsys.readouterr().err
    assert main(["report", str(results_file), "--export", "-o", str(out)]) == EXIT_USAGE
    assert "--export" in capsys.readouterr().err
    assert not out.exists()


def test_cli_reports_partial_reads(tmp_path: Path, results_file: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    with results_file.open("a", encoding="utf-8") as fh:
        fh.write("[1, 2]\n")
    out = tmp_path / "r.html"
    assert main(["report", str(results_file), "-o", str(out)]) == EXIT_PARTIAL
    err = capsys.readouterr().err
    assert "line 21 is not a bias analysis record" in err and "from the stored analysis" in err
    assert out.exists()


def test_reader_positions_take_outlets_in_turn() -> None:
    outlets = ["A", "A", "A", "B", "A", "C", "C", "B"]
    assert reader_positions(outlets, limit=4) == [0, 1, 3, 5]
    assert reader_positions(outlets, limit=6) == [0, 1, 3, 5, 6, 7]
    assert reader_positions(outlets, limit=20) == list(range(8))
