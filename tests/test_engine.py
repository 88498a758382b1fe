"""The engines: in-process, fork pool and Dask give the same output, in input order."""

from __future__ import annotations

import json
from pathlib import Path
from types import MappingProxyType

import pytest

from bias.analysis import analyze_article
from bias.cli import main
from bias.corpus.load import iter_inputs
from bias.engine import Job, analyse_stream, default_jobs
from bias.engine.ordered import in_order
from bias.engine.wire import dumps, loads
from bias.export import article_record, to_json_line
from bias.files import atomic_output
from bias.model import Article
from bias.pipeline import EXIT_OK, EXIT_USAGE, Outcome, run_jobs

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
STAMP = MappingProxyType({"bias": "test"})


@pytest.fixture(scope="module")
def seeds() -> list[Article]:
    return [a for a in iter_inputs([SEEDS]) if isinstance(a, Article)]


@pytest.fixture(scope="module")
def serial_lines(seeds: list[Article]) -> list[str]:
    return [to_json_line(article_record(analyze_article(a), STAMP)) for a in seeds]


def test_wire_round_trip_keeps_read_only_mappings(seeds: list[Article]) -> None:
    scores = analyze_article(seeds[0])
    back = loads(dumps(scores))
    assert back == scores
    assert isinstance(back.values, MappingProxyType)
    assert isinstance(back.article.metadata, MappingProxyType)
    with pytest.raises(TypeError):
        back.values["x"] = 1.0  # type: ignore[index]


def test_in_order_keeps_order_and_bounds_work_in_flight() -> None:
    in_flight: list[int] = []
    high = 0

    def submit(x: int) -> int:
        nonlocal high
        in_flight.append(x)
        high = max(high, len(in_flight))
        return x

    out = []
    for handle in in_order(submit, range(10), window=3):
        in_flight.remove(handle)
        out.append(handle)
    assert out == list(range(10))
    assert high == 3
    with pytest.raises(ValueError):
        list(in_order(submit, [1], window=0))


def test_in_process_engine_matches_analyze_article(seeds: list[Article], serial_lines: list[str]) -> None:
    assert list(analyse_stream(seeds, Job(stamp=STAMP))) == serial_lines


def test_fork_pool_gives_identical_lines_in_input_order(seeds: list[Article],
                                                        serial_lines: list[str]) -> None:
    lines = list(analyse_stream(seeds, Job(stamp=STAMP), jobs=2, chunk=2, min_parallel=0))
    assert lines == serial_lines
    assert [json.loads(line)["id"] for line in lines] == [a.id for a in seeds]


def test_fork_pool_returns_equal_scores(seeds: list[Article]) -> None:
    scores = list(analyse_stream(seeds[:3], Job(mode="scores"), jobs=2, chunk=1, min_parallel=0))
    assert scores == [analyze_article(a) for a in seeds[:3]]


def test_small_inputs_stay_in_process(seeds: list[Article], serial_lines: list[str]) -> None:
    # Fewer articles than min_parallel: no pool is started (and the output is the same).
    assert list(analyse_stream(seeds, Job(stamp=STAMP), jobs=2, min_parallel=100)) == serial_lines


def test_bad_arguments_are_refused(seeds: list[Article]) -> None:
    with pytest.raises(ValueError):
        list(analyse_stream(seeds, Job(), jobs=0))
    with pytest.raises(ValueError):
        list(analyse_stream(seeds, Job(), engine="spark"))
    with pytest.raises(ValueError):
        Job(mode="xml")
    assert default_jobs() >= 1


def test_run_jobs_counts_articles(seeds: list[Article], serial_lines: list[str]) -> None:
    outcome = Outcome()
    lines = list(run_jobs(seeds, outcome, Job(stamp=STAMP), progress=False, jobs=2))
    assert lines == serial_lines and outcome.analysed == len(seeds)


def test_atomic_output_streams_and_leaves_nothing_on_error(tmp_path: Path) -> None:
    out = tmp_path / "o.jsonl"
    with atomic_output(out) as fh:
        fh.write("a\n")
        assert not out.exists()  # nothing visible until the block ends
        fh.write("b\n")
    assert out.read_text(encoding="utf-8") == "a\nb\n"
    with pytest.raises(RuntimeError), atomic_output(out) as fh:
        fh.write("half")
        raise RuntimeError("boom")
    assert out.read_text(encoding="utf-8") == "a\nb\n"
    assert [p.name for p in tmp_path.iterdir()] == ["o.jsonl"]


def test_cli_jobs_output_is_byte_identical(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(20):  # more than min_parallel, so --jobs 2 really uses the pool
        (folder / f"{i:02d}.txt").write_text(
            f"Story {i}\nThe mayor said the plan {i} was a reckless disaster. \u201cWe will fight it,\u201d "
            "a critic told reporters, according to officials.\n", encoding="utf-8")
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert main(["analyze", str(folder), "-o", str(one), "--jobs", "1"]) == EXIT_OK
    assert main(["analyze", str(folder), "-o", str(two), "--jobs", "2"]) == EXIT_OK
    assert one.read_bytes() == two.read_bytes()
    assert len(one.read_text(encoding="utf-8").splitlines()) == 20


def test_cli_scheduler_needs_dask_engine(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(SEEDS), "--scheduler", "tcp://127.0.0.1:1"]) == EXIT_USAGE
    assert "--engine dask" in capsys.readouterr().err


def test_cli_rejects_zero_jobs(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["analyze", str(SEEDS), "--jobs", "0"])
    assert exc.value.code == EXIT_USAGE


def test_dask_engine_matches_local_path_byte_for_byte(seeds: list[Article],
                                                      serial_lines: list[str]) -> None:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  dashboard_address=None) as cluster:
        lines = list(analyse_stream(seeds, Job(stamp=STAMP), engine="dask", chunk=2,
                                    scheduler=cluster.scheduler_address))
    assert "\n".join(lines).encode() == "\n".join(serial_lines).encode()
