"""Run the per-article analysis in this process, on a local process pool, or on a Dask cluster.

Every engine runs the same function (:func:`bias.engine.work.analyse`) on the same articles and
hands results back in input order, so ``--jobs 1``, ``--jobs N`` and ``--engine dask`` write
byte-identical output. Articles are streamed in chunks with a bounded number in flight: memory
stays flat however long the corpus.

    >>> from bias.engine import Job, analyse_stream
    >>> lines = analyse_stream(articles, Job(mode="jsonl"), jobs=4)   # doctest: +SKIP
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from itertools import chain, islice
from typing import Any

from bias.engine.work import Job, analyse, extractors_for
from bias.model import Article

ENGINES = ("local", "dask")
CHUNK = 8  # articles per task: amortises the trip to a worker (~1 ms) over ~0.1-0.3 s of work

# A short text that wakes every extractor (quotes, attribution, loaded and hedged words, numbers).
_WARM_UP = Article(
    id="warm-up", outlet="warm-up", title="Warm-up",
    text="Officials said the reckless plan would probably fail.\n\n"
         "\u201cIt is a disaster,\u201d the mayor told reporters on Tuesday, according to two sources "
         "familiar with the talks. Critics claimed 40 percent of residents were outraged by the "
         "zorblaxification.\n",  # a word no dictionary knows: loads the hyphenation fallback too
)

__all__ = ["CHUNK", "ENGINES", "Job", "analyse_stream", "default_jobs", "warm_up"]


def default_jobs() -> int:
    """The number of cores this process may use (its CPU affinity where the OS reports one)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS, Windows
        return max(1, os.cpu_count() or 1)


def warm_up(job: Job) -> None:
    """Load everything the analysis caches per process (lexicons, VADER, dictionaries, models)
    by analysing a tiny article, so forked workers inherit it instead of each loading it again."""
    analyse([_WARM_UP], Job(job.lexicons, "scores"))


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(articles)
    while chunk := list(islice(it, size)):
        yield chunk


def analyse_stream(articles: Iterable[Article], job: Job, *, jobs: int = 1, engine: str = "local",
                   scheduler: str | None = None, chunk: int = CHUNK,
                   min_parallel: int = 2 * CHUNK) -> Iterator[Any]:
    """One result per article (a JSON line or an ArticleScores, per ``job.mode``), in input order.

    ``engine="local"`` with ``jobs=1`` works in this process; with ``jobs>1`` it uses a fork-based
    process pool, unless the input has fewer than ``min_parallel`` articles (starting workers
    would cost more than it saves). ``engine="dask"`` sends chunks to the Dask ``scheduler``
    (address ``tcp://host:port``; none: a local cluster of ``jobs`` workers).
    """
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {ENGINES}, not {engine!r}")
    if jobs < 1 or chunk < 1 or min_parallel < 0:
        raise ValueError("jobs and chunk must be at least 1, min_parallel at least 0")
    it = iter(articles)
    if engine == "local":
        head = list(islice(it, min_parallel)) if jobs > 1 else []
        if jobs == 1 or len(head) < min_parallel:
            extractors = extractors_for(job.lexicons)
            for article in chain(head, it):
                yield from analyse([article], job, extractors)
            return
        it = chain(head, it)
        from bias.engine.local import run_local

        warm_up(job)
        yield from run_local(_chunks(it, chunk), job, jobs=jobs)
    else:
        from bias.engine.dask_engine import run_dask

        yield from run_dask(_chunks(it, chunk), job, scheduler=scheduler, jobs=jobs)
