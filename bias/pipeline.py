"""Load inputs and analyse them, reporting each skipped input on the way (used by the CLI)."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from tqdm import tqdm

from bias.analysis import analyze_article
from bias.corpus.load import DEFAULT_MAX_BYTES, iter_inputs
from bias.engine import Job, analyse_stream
from bias.errors import InputError
from bias.features import EXTRACTORS, Extractor
from bias.model import Article, ArticleScores

# Exit codes (documented in `bias --help` and the README).
EXIT_OK = 0  # every input was analysed
EXIT_PARTIAL = 1  # some inputs were skipped (each named on stderr); the rest were analysed
EXIT_USAGE = 2  # the command line was wrong
EXIT_NOTHING = 3  # no input could be analysed
EXIT_OUTPUT = 4  # the output could not be written (exists without --force, or into an input folder)


@dataclass
class Outcome:
    """What a run did: how many articles were analysed and which inputs were skipped."""

    analysed: int = 0
    problems: list[InputError] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        if self.analysed == 0:
            return EXIT_NOTHING
        return EXIT_PARTIAL if self.problems else EXIT_OK


def load_articles(paths: Sequence[str | Path], outcome: Outcome, *, max_bytes: int = DEFAULT_MAX_BYTES,
                  err: TextIO | None = None) -> Iterator[Article]:
    """Yield articles from ``paths``; print one line per skipped input to ``err``."""
    for item in iter_inputs(paths, max_bytes=max_bytes):
        if isinstance(item, InputError):
            outcome.problems.append(item)
            print(f"bias: skipped {item}", file=err or sys.stderr)
        else:
            yield item


def analyse_all(articles: Iterator[Article], outcome: Outcome, *, progress: bool,
                extractors: Sequence[Extractor] = EXTRACTORS) -> Iterator[ArticleScores]:
    """Analyse articles one at a time, with a progress bar on a terminal."""
    bar = tqdm(articles, desc="analysing", unit=" articles", disable=not progress, file=sys.stderr,
               leave=False)
    for article in bar:
        outcome.analysed += 1
        yield analyze_article(article, extractors)


def show_progress() -> bool:
    """Progress bars only when stderr is a terminal (silent in pipes, files and CI logs)."""
    return sys.stderr.isatty()


def run_jobs(articles: Iterable[Article], outcome: Outcome, job: Job, *, progress: bool, jobs: int = 1,
             engine: str = "local", scheduler: str | None = None) -> Iterator[Any]:
    """Analyse articles on ``jobs`` processes (or a Dask cluster) and yield one result per article
    in input order: a JSON line for ``job.mode == "jsonl"``, else an ArticleScores. The progress
    bar counts finished articles."""
    results = analyse_stream(articles, job, jobs=jobs, engine=engine, scheduler=scheduler)
    bar = tqdm(results, desc="analysing", unit=" articles", disable=not progress, file=sys.stderr,
               leave=False)
    for result in bar:
        outcome.analysed += 1
        yield result
