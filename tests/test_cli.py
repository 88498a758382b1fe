"""The command line: outputs, exit codes, bad inputs, never overwriting without asking."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bias.cli import main
from bias.pipeline import EXIT_NOTHING, EXIT_OK, EXIT_OUTPUT, EXIT_PARTIAL, EXIT_USAGE

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
GOOD = "Headline here\nThe mayor said the plan would work. Critics called it a disaster.\n"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    (folder / "b.txt").write_text(GOOD.replace("mayor", "governor"), encoding="utf-8")
    return folder


def test_help_lists_commands_and_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    for word in ("report", "analyze", "evaluate", "exit codes:", "no input could be analysed"):
        assert word in out


def test_no_command_prints_help_and_fails(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == EXIT_USAGE
    assert "usage:" in capsys.readouterr().out


def test_analyze_jsonl_to_stdout(corpus: Path, capsys: pytest.CaptureFixture[str],
                                 no_network: None) -> None:
    assert main(["analyze", str(corpus)]) == EXIT_OK
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    rec = json.loads(lines[0])
    assert rec["format"] == 1 and rec["text"].startswith("Headline here")
    for ev in rec["evidence"]:
        assert rec["text"][ev["start"]:ev["end"]]


def test_analyze_seeds_gives_seven_articles_with_boilerplate_removed(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(SEEDS)]) == EXIT_OK
    recs = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["id"] for r in recs] == ["seed-000", "seed-001", "seed-002", "seed-003a", "seed-003b",
                                       "seed-003c", "seed-004"]
    by_id = {r["id"]: r for r in recs}
    for rid, chrome in (("seed-001", "Leave a Reply"), ("seed-003a", "Connect with us"),
                        ("seed-003b", "Continue Reading"), ("seed-003c", "Trending")):
        assert chrome not in by_id[rid]["text"]
        assert any(chrome in r["text"] for r in by_id[rid]["removed"]), (rid, chrome)
    for r in recs:
        for ev in r["evidence"]:
            assert 0 <= ev["start"] < ev["end"] <= len(r["text"])


def test_csv_output_to_file_and_no_silent_overwrite(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    assert main(["analyze", str(corpus), "--format", "csv", "-o", str(out)]) == EXIT_OK
    assert out.read_text(encoding="utf-8").count("\n") == 3
    out.write_text("precious", encoding="utf-8")
    assert main(["analyze", str(corpus), "--format", "csv", "-o", str(out)]) == EXIT_OUTPUT
    assert out.read_text(encoding="utf-8") == "precious"
    assert main(["analyze", str(corpus), "--format", "csv", "-o", str(out), "--force"]) == EXIT_OK
    assert out.read_text(encoding="utf-8") != "precious"


def test_report_refuses_to_write_into_an_input_folder(corpus: Path) -> None:
    assert main(["report", str(corpus), "-o", str(corpus / "r.html")]) == EXIT_OUTPUT
    assert not (corpus / "r.html").exists()


def test_report_default_output_is_replaced(corpus: Path, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["report", str(corpus)]) == EXIT_OK
    out = tmp_path / "reports" / "in.html"
    assert out.is_file()
    out.write_text("old", encoding="utf-8")
    assert main(["report", str(corpus)]) == EXIT_OK
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.parametrize(
    ("name", "content", "needle"),
    [
        ("empty.txt", b"", "empty"),
        ("binary.txt", b"\x00\x01\x02\x03\xff\xfe\x00\x00" * 64, "binary"),
        ("bad.jsonl", b'{"id": "x", "text": "fine text here"}\n{not json\n', "line 2"),
        ("notext.csv", b"id,title\n1,hello\n", "text"),
    ],
)
def test_bad_input_is_named_and_others_still_analysed(
        corpus: Path, tmp_path: Path, name: str, content: bytes, needle: str,
        capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / name
    bad.write_bytes(content)
    code = main(["analyze", str(corpus), str(bad), "--format", "csv"])
    captured = capsys.readouterr()
    assert code == EXIT_PARTIAL
    assert str(bad) in captured.err and needle in captured.err
    assert captured.out.count("\n") >= 3  # header + the two good articles


def test_missing_path_and_size_limit(corpus: Path, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    big = tmp_path / "big.txt"
    big.write_text("Big headline\n" + "word " * 400_000, encoding="utf-8")
    code = main(["analyze", str(corpus), str(tmp_path / "nope.txt"), str(big), "--max-size", "1",
                 "--format", "csv"])
    err = capsys.readouterr().err
    assert code == EXIT_PARTIAL
    assert "nope.txt" in err and "does not exist" in err
    assert "big.txt" in err and "limit" in err


def test_nothing_analysed_exit_code(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "e.txt"
    empty.write_bytes(b"")
    assert main(["report", str(empty), "-o", str(tmp_path / "r.html")]) == EXIT_NOTHING
    assert not (tmp_path / "r.html").exists()
    assert "nothing could be analysed" in capsys.readouterr().err


def test_evaluate_sentences_prints_both_flags(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        '{"text": "We must stop this disgraceful, shameful policy now!", "label": "SUBJ"}\n'
        '{"text": "The meeting was held on Tuesday in Nogales.", "label": "OBJ"}\n', encoding="utf-8")
    assert main(["evaluate", "sentences", "--gold", str(gold)]) == EXIT_OK
    out = capsys.readouterr().out
    assert "opinion" in out and "loaded" in out and "macro-F1" in out


def test_report_export_writes_the_comparison_next_to_the_html(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out" / "class.html"
    assert main(["report", str(corpus), "-o", str(out), "--export", "--jobs", "1"]) == EXIT_OK
    names = sorted(p.name for p in out.parent.iterdir())
    assert names == ["class.articles.csv", "class.attributions.csv", "class.html", "class.json",
                     "class.outlets.csv"]
    doc = json.loads((out.parent / "class.json").read_text(encoding="utf-8"))
    assert doc["format"] == "bias-comparison/1" and len(doc["articles"]) == 2
    # an existing export is not overwritten without --force
    assert main(["report", str(corpus), "-o", str(tmp_path / "out" / "other.html"), "--export"]) == EXIT_OK
    (out.parent / "x.json").write_text("keep", encoding="utf-8")
    assert main(["report", str(corpus), "-o", str(out.parent / "x.html"), "--export"]) == EXIT_OUTPUT
    assert (out.parent / "x.json").read_text(encoding="utf-8") == "keep"
    assert not (out.parent / "x.html").exists()


def test_analyze_stories_fills_the_story_field(capsys: pytest.CaptureFixture[str]) -> None:
    stories = ROOT / "tests" / "data" / "stories" / "articles"
    assert main(["analyze", str(stories), "--stories", "--jobs", "1"]) == EXIT_OK
    recs = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(recs) == 20 and all(r["story"].startswith("story-") for r in recs)
    assert len({r["story"] for r in recs}) == 8  # five shared stories and three singletons
