"""The large-corpus benchmark: N synthetic articles analysed to JSON Lines, then a report from them.

Usage (from the repository, with the project's environment)::

    .venv/bin/python benchmarks/scale.py --articles 100000 --jobs 2 --workdir /tmp/bias-scale

Steps, each timed on the wall clock:

1. write N synthetic ~1,000-word articles (``bias.bench.iter_synthetic_articles``: seed sentences
   re-mixed and varied so no two sentences repeat) to ``WORKDIR/articles.jsonl``, one at a time;
2. ``bias analyze WORKDIR/articles.jsonl -o WORKDIR/results.jsonl --jobs J``;
3. ``bias report WORKDIR/results.jsonl -o WORKDIR/report.html`` (read back, not re-analysed).

For steps 2 and 3 it prints the wall time, the throughput and the peak memory of the command's
whole process tree: the largest sum, over the parent and its workers, of each process's
proportional set size (PSS: shared pages split between the processes sharing them), sampled every
0.2 s with psutil (from the test extras); also the size of the output. A benchmark, not a test:
it is not part of the suite, and the figures depend on the machine (its load average is printed).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import subprocess
import sys
import time
from pathlib import Path

import psutil

from bias.bench import iter_synthetic_articles
from bias.export import to_json_line


def _pss(proc: psutil.Process) -> int:
    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        with contextlib.suppress(psutil.NoSuchProcess, psutil.AccessDenied):
            total += p.memory_full_info().pss
    return total


def run_measured(cmd: list[str]) -> tuple[float, int]:
    """Run ``cmd``; its wall seconds and the peak summed PSS (bytes) of its process tree."""
    start = time.perf_counter()
    child = subprocess.Popen(cmd)
    proc = psutil.Process(child.pid)
    peak = 0
    while child.poll() is None:
        try:
            peak = max(peak, _pss(proc))
        except psutil.NoSuchProcess:
            break
        time.sleep(0.2)
    wall = time.perf_counter() - start
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed with exit code {child.returncode}")
    return wall, peak


def write_corpus(path: Path, n: int, seed: int) -> float:
    start = time.perf_counter()
    with path.open("w", encoding="utf-8") as fh:
        for a in iter_synthetic_articles(n, seed=seed):
            fh.write(to_json_line({"id": a.id, "outlet": a.outlet, "title": a.title, "text": a.text}) + "\n")
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=100_000, help="how many articles (default 100,000)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes for analyze")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/bias-scale"))
    ap.add_argument("--reuse", action="store_true", help="keep an existing articles.jsonl / results.jsonl")
    args = ap.parse_args(argv)
    args.workdir.mkdir(parents=True, exist_ok=True)
    articles, results, report = (args.workdir / n for n in ("articles.jsonl", "results.jsonl", "report.html"))
    bias = [sys.executable, "-m", "bias"]
    print(f"scale benchmark: {args.articles:,} articles, {args.jobs} jobs, load average "
          f"{', '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores", flush=True)
    if not (args.reuse and articles.exists()):
        print(f"wrote {articles} in {write_corpus(articles, args.articles, args.seed):.0f} s "
              f"({articles.stat().st_size / 1e6:,.0f} MB)", flush=True)
    if not (args.reuse and results.exists()):
        wall, peak = run_measured([*bias, "analyze", str(articles), "-o", str(results), "--force",
                                   "--jobs", str(args.jobs)])
        size = results.stat().st_size / 1e9
        print(f"analyze: {wall:,.0f} s wall, {args.articles / wall:,.1f} articles/s, peak memory "
              f"{peak / 1e6:,.0f} MB (PSS, all processes); {size:,.2f} GB of JSON Lines", flush=True)
    wall, peak = run_measured([*bias, "report", str(results), "-o", str(report), "--force"])
    print(f"report:  {wall:,.1f} s wall, peak memory {peak / 1e6:,.0f} MB (PSS); "
          f"{report.stat().st_size / 1e6:,.2f} MB of HTML", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
