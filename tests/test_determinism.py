"""Determinism and safe files: same inputs, same bytes; inputs untouched; atomic writes.

The report's only clock reading is its generation date, taken from ``SOURCE_DATE_EPOCH`` when set
(the reproducible-builds convention), so two runs (in this process or in fresh processes with
different string-hash seeds) must give byte-identical JSON Lines and HTML.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bias import files
from bias.cli import main
from bias.files import write_atomic
from bias.pipeline import EXIT_OK

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
EPOCH = "1700000000"  # 2023-11-14


def _digests(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _run(out_dir: Path) -> tuple[bytes, bytes]:
    jsonl, html = out_dir / "seeds.jsonl", out_dir / "seeds.html"
    assert main(["analyze", str(SEEDS), "-o", str(jsonl)]) == EXIT_OK
    assert main(["report", str(SEEDS), "-o", str(html)]) == EXIT_OK
    return jsonl.read_bytes(), html.read_bytes()


@pytest.fixture(scope="module")
def first_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, bytes]:
    mp = pytest.MonkeyPatch()
    mp.setenv("SOURCE_DATE_EPOCH", EPOCH)
    try:
        before = _digests(SEEDS)
        got = _run(tmp_path_factory.mktemp("run1"))
        assert _digests(SEEDS) == before, "an input file was modified"
    finally:
        mp.undo()
    return got


def test_two_runs_give_identical_bytes(first_run: tuple[bytes, bytes], tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    jsonl, html = first_run
    assert jsonl.count(b"\n") == 7
    assert b"2023-11-14" in html
    assert _run(tmp_path) == (jsonl, html)


def test_separate_processes_with_other_hash_seeds_agree(first_run: tuple[bytes, bytes],
                                                       tmp_path: Path) -> None:
    jsonl, html = first_run
    for seed in ("1", "4242"):
        out = tmp_path / seed
        out.mkdir()
        env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "PYTHONHASHSEED": seed}
        code = ("import sys; from bias.cli import main; "
                "sys.exit(main(['analyze', sys.argv[1], '-o', sys.argv[2]]) or "
                "main(['report', sys.argv[1], '-o', sys.argv[3]]))")
        subprocess.run([sys.executable, "-c", code, str(SEEDS), str(out / "s.jsonl"), str(out / "s.html")],
                       env=env, check=True, capture_output=True, timeout=300)
        assert (out / "s.jsonl").read_bytes() == jsonl, f"JSONL differs with PYTHONHASHSEED={seed}"
        assert (out / "s.html").read_bytes() == html, f"HTML differs with PYTHONHASHSEED={seed}"


def test_write_atomic_failure_leaves_the_old_file_intact(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "report.html"
    target.write_text("old report", encoding="utf-8")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "replace", broken_replace)
    with pytest.raises(OSError, match="No space left"):
        write_atomic(target, "new report")
    assert target.read_text(encoding="utf-8") == "old report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]  # no temporary file left


def test_write_atomic_failure_while_writing_leaves_the_old_file_intact(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(UnicodeEncodeError):
        write_atomic(target, "new text with a lone surrogate \ud800")
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]


def test_write_atomic_replaces_and_keeps_utf8(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "r.html"
    write_atomic(target, "caf\u00e9\n")
    write_atomic(target, "na\u00efve\n")
    assert target.read_bytes() == "na\u00efve\n".encode()


def test_jsonl_is_byte_identical_for_any_number_of_jobs(tmp_path: Path) -> None:
    from bias.cli import main

    # 20 articles: above the size at which the process pool is used at all
    corpus = Path(__file__).resolve().parent / "data" / "stories" / "articles"
    outs = []
    for jobs in ("1", "2", "3"):
        out = tmp_path / f"jobs{jobs}.jsonl"
        assert main(["analyze", str(corpus), "-o", str(out), "--jobs", jobs]) == 0
        outs.append(out.read_bytes())
    assert outs[0] == outs[1] == outs[2]


def test_analyze_writes_no_file_when_nothing_was_analysed(tmp_path: Path) -> None:
    from bias.cli import main

    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    out = tmp_path / "out.jsonl"
    assert main(["analyze", str(empty), "-o", str(out)]) == 3
    assert not out.exists()
