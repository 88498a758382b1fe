"""``bias bench``: how fast is the analysis, stage by stage, against sentence sentiment alone?

The benchmark builds ``N`` synthetic articles of about 1,000 words from real news text (the seeds):
paragraph by paragraph, with about half of the sentences swapped for sentences from other articles,
and one word of every sentence replaced by a word drawn from the whole vocabulary, using a seeded
random generator. Every sentence is therefore new, so no per-sentence cache (such as the shared
VADER cache in :mod:`bias.vader`) can make a run look faster than a real corpus would.

It then times, on the same articles: loading (JSON Lines from a temporary folder, with cleaning),
parsing, VADER on every sentence (shared by the opinion and tone extractors, timed once on its
own), each extractor, JSON serialisation and the HTML report; and a *baseline* that does nothing
but score each sentence with a fresh VADER analyser. The ratio "full / baseline" (throughput, higher
is better) says what all the other features cost relative to sentence sentiment alone.
With ``--jobs J`` the analysis is also run on J processes (fork pool) and the speed-up given.

A benchmark, not a test: the figures depend on the machine. Nothing here asserts a speed.
"""

from __future__ import annotations

import gc
import json
import os
import random
import resource
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TextIO

from bias.corpus.parsed import Parsed
from bias.features.base import Extractor
from bias.model import Article, FeatureResult

_WORDS_PER_ARTICLE = 1000
_OUTLETS = ("Outlet A", "Outlet B", "Outlet C", "Outlet D", "Outlet E")


@dataclass(frozen=True, slots=True)
class Stage:
    """One timed stage over ``n`` articles: wall-clock seconds and this process's CPU seconds.

    Single-process rates use CPU time, which other programs running on the machine barely change;
    the parallel speed-up must use wall time.
    """

    name: str
    seconds: float
    n: int
    cpu: float = 0.0

    @property
    def rate(self) -> float:
        """Articles per CPU second of this process (higher is faster)."""
        return self.n / self.cpu if self.cpu > 0 else float("inf")

    @property
    def wall_rate(self) -> float:
        """Articles per second of wall-clock time (higher is faster)."""
        return self.n / self.seconds if self.seconds > 0 else float("inf")


@dataclass(slots=True)
class BenchResult:
    """Everything one benchmark run measured."""

    articles: int
    words: int
    sentences: int
    stages: list[Stage] = field(default_factory=list)
    baseline: Stage | None = None
    parallel: Stage | None = None
    serial: Stage | None = None
    jobs: int = 1
    peak_mb: float = 0.0
    peak_children_mb: float = 0.0
    parallel_worker_cpu: float = 0.0
    streamed: Stage | None = None


# --- the synthetic corpus ---------------------------------------------------------------------

def _source_paragraphs(source: str | Path) -> list[list[str]]:
    """The paragraphs of the source articles, each a list of its sentences' texts."""
    from bias.corpus.load import iter_inputs
    from bias.corpus.segment import parse

    paragraphs: list[list[str]] = []
    for item in iter_inputs([source]):
        if not isinstance(item, Article):
            continue
        parsed = parse(item)
        for p in parsed.paragraphs:
            sents = [s.of(item.text) for s in parsed.sentences if p.start <= s.start < p.end]
            if sents:
                paragraphs.append(sents)
    if not paragraphs:
        raise ValueError(f"{source}: no sentences to build synthetic articles from")
    return paragraphs


def _vary(sentence: str, vocabulary: Sequence[str], rng: random.Random) -> str:
    """``sentence`` with one plain word (not the first) replaced by a random vocabulary word."""
    words = sentence.split(" ")
    slots = [i for i, w in enumerate(words) if i > 0 and w.isalpha() and w.islower()]
    if slots:
        words[rng.choice(slots)] = rng.choice(vocabulary)
    else:
        words.append(rng.choice(vocabulary))
    return " ".join(words)


def iter_synthetic_articles(n: int, *, seed: int = 1, source: str | Path = "seeds",
                            words: int = _WORDS_PER_ARTICLE) -> Iterator[Article]:
    """``n`` varied articles of about ``words`` words each, built from ``source`` (deterministic
    for the same ``seed``; see the module docstring for how they are varied), one at a time."""
    paragraphs = _source_paragraphs(source)
    sentences = [s for p in paragraphs for s in p]
    vocabulary = sorted({w for s in sentences for w in s.split() if w.isalpha() and w.islower()})
    rng = random.Random(seed)
    for i in range(n):
        body: list[str] = []
        count = 0
        while count < words:
            para = [rng.choice(sentences) if rng.random() < 0.5 else s for s in rng.choice(paragraphs)]
            text = " ".join(_vary(s, vocabulary, rng) for s in para)
            body.append(text)
            count += len(text.split())
        yield Article(id=f"synthetic-{i:06d}", outlet=_OUTLETS[i % len(_OUTLETS)],
                      title=f"Synthetic article {i}", text="\n\n".join(body) + "\n")


def synthetic_articles(n: int, *, seed: int = 1, source: str | Path = "seeds",
                       words: int = _WORDS_PER_ARTICLE) -> list[Article]:
    """The articles of :func:`iter_synthetic_articles`, as a list."""
    return list(iter_synthetic_articles(n, seed=seed, source=source, words=words))


# --- timing -----------------------------------------------------------------------------------

def _timed(name: str, n: int, fn: Callable[[], object]) -> tuple[Stage, object]:
    t0, c0 = time.perf_counter(), time.process_time()
    value = fn()
    return Stage(name, time.perf_counter() - t0, n, time.process_time() - c0), value


def _peak_mb(who: int) -> float:
    kb = resource.getrusage(who).ru_maxrss  # kilobytes on Linux (bytes on macOS)
    return kb / (1024 * 1024) if sys.platform == "darwin" else kb / 1024


def _children_cpu() -> float:
    use = resource.getrusage(resource.RUSAGE_CHILDREN)
    return use.ru_utime + use.ru_stime


def _write_jsonl(articles: Sequence[Article], folder: Path) -> Path:
    path = folder / "synthetic.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for a in articles:
            fh.write(json.dumps({"id": a.id, "outlet": a.outlet, "title": a.title, "text": a.text},
                                ensure_ascii=False) + "\n")
    return path


def run_bench(n: int, *, jobs: int = 1, seed: int = 1, source: str | Path = "seeds",
              out: TextIO | None = None) -> BenchResult:
    """Build the corpus, time every stage and the baseline, print the table to ``out``."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from bias import vader
    from bias.analysis import analyze_article
    from bias.corpus.load import iter_inputs
    from bias.corpus.segment import parse
    from bias.engine import Job, analyse_stream, warm_up
    from bias.export import article_record, to_json_line
    from bias.features import EXTRACTORS
    from bias.render.report import render_report
    from bias.versions import versions

    # One-off loading (lexicons, dictionaries, models) is not what we measure: warm up on other
    # synthetic articles, as the first articles of any long run would.
    warm_up(Job())
    list(analyse_stream(synthetic_articles(3, seed=seed + 7919, source=source), Job(mode="scores")))
    synthetic = synthetic_articles(n, seed=seed, source=source)
    with tempfile.TemporaryDirectory(prefix="bias-bench-") as tmp:
        path = _write_jsonl(synthetic, Path(tmp))
        load, loaded = _timed("load", n, lambda: [a for a in iter_inputs([path]) if isinstance(a, Article)])
    articles: list[Article] = loaded  # type: ignore[assignment]
    parse_stage, parsed_all = _timed("parse", n, lambda: [parse(a) for a in articles])
    parsed: list[Parsed] = parsed_all  # type: ignore[assignment]
    texts = [[s.of(p.text) for s in p.sentences] for p in parsed]
    result = BenchResult(n, sum(len(a.text.split()) for a in articles), sum(map(len, texts)), jobs=jobs)

    base_analyzer = SentimentIntensityAnalyzer()
    result.baseline, _ = _timed("VADER-only baseline", n,
                                lambda: [base_analyzer.polarity_scores(s) for t in texts for s in t])
    vader.polarity.cache_clear()
    vader_stage, _ = _timed("vader (shared)", n, lambda: [vader.polarity(s) for t in texts for s in t])
    timers = dict.fromkeys((e.name for e in EXTRACTORS), (0.0, 0.0))

    def timed(ext: Extractor) -> Extractor:
        def run(parsed: Parsed) -> FeatureResult:
            t0, c0 = time.perf_counter(), time.process_time()
            out = ext.run(parsed)
            wall, cpu = timers[ext.name]
            timers[ext.name] = (wall + time.perf_counter() - t0, cpu + time.process_time() - c0)
            return out
        return replace(ext, run=run)

    # VADER's scores are now cached, so each extractor below is timed without them.
    instrumented = tuple(timed(e) for e in EXTRACTORS)
    whole, scores = _timed("analyze_article", n, lambda: [analyze_article(a, instrumented) for a in articles])
    vader.polarity.cache_clear()
    ext_stages = [Stage(name, wall, n, cpu) for name, (wall, cpu) in timers.items()]
    rest = Stage("merge (+ parse again)", whole.seconds - sum(s.seconds for s in ext_stages), n,
                 whole.cpu - sum(s.cpu for s in ext_stages))
    # analyze_article parses again: count that once, in the parse stage, not in "merge".
    merge = Stage("merge (estimate)", max(rest.seconds - parse_stage.seconds, 0.0), n,
                  max(rest.cpu - parse_stage.cpu, 0.0))
    stages = [load, parse_stage, vader_stage, *ext_stages, merge]
    stamp = versions()
    stages.append(_timed("JSON Lines", n,
                         lambda: [to_json_line(article_record(s, stamp)) for s in scores])[0])  # type: ignore[attr-defined]
    stages.append(_timed("HTML report", n, lambda: render_report(scores))[0])  # type: ignore[arg-type]
    result.stages = stages

    # The runs below see the heap a real run sees: the stage-by-stage results above (every parse and
    # every article's scores held at once) would otherwise make each garbage collection slower.
    scores, parsed, parsed_all, texts = [], [], [], []  # dropped (the lambdas above hold the names)
    gc.collect()
    vader.polarity.cache_clear()
    result.streamed, _ = _timed("full analysis, streamed", n,
                                lambda: [None for a in articles if analyze_article(a) is None])
    vader.polarity.cache_clear()
    result.serial, _ = _timed("1 process", n,
                              lambda: list(analyse_stream(articles, Job(mode="jsonl", stamp=stamp))))
    if jobs > 1:
        vader.polarity.cache_clear()
        before = _children_cpu()
        result.parallel, _ = _timed(f"{jobs} processes", n, lambda: list(
            analyse_stream(articles, Job(mode="jsonl", stamp=stamp), jobs=jobs, min_parallel=0)))
        result.parallel_worker_cpu = _children_cpu() - before
    result.peak_mb = _peak_mb(resource.RUSAGE_SELF)
    result.peak_children_mb = _peak_mb(resource.RUSAGE_CHILDREN)
    if out is not None:
        out.write(format_bench(result))
    return result


def format_bench(r: BenchResult) -> str:
    """The benchmark as a plain-text table (articles/second per stage, the ratios, peak memory)."""
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "n/a"
    lines = [f"bias bench: {r.articles} synthetic articles, {r.words / max(r.articles, 1):.0f} words "
             f"and {r.sentences / max(r.articles, 1):.0f} sentences each on average; "
             f"load average {load} on {os.cpu_count()} cores", "",
             f"{'stage (one process)':<30}{'wall s':>9}{'CPU s':>9}{'articles/CPU s':>16}"]

    def row(s: Stage) -> str:
        return f"{s.name:<30}{s.seconds:>9.3f}{s.cpu:>9.3f}{s.rate:>16.1f}"

    lines += [row(s) for s in r.stages]
    total = Stage("all stages", sum(s.seconds for s in r.stages), r.articles,
                  sum(s.cpu for s in r.stages))
    analysis = [s for s in r.stages if s.name not in ("load", "JSON Lines", "HTML report")]
    full = Stage("full analysis (parse..merge)", sum(s.seconds for s in analysis), r.articles,
                 sum(s.cpu for s in analysis))
    lines += [row(total), "", row(full)]
    if r.streamed is not None:
        lines.append(row(r.streamed))
    if r.baseline is not None:
        lines += [row(r.baseline), f"ratio full analysis / VADER-only baseline (throughput, CPU time): "
                  f"{full.rate / r.baseline.rate:.2f}x stage by stage"
                  + (f", {r.streamed.rate / r.baseline.rate:.2f}x streamed (one article at a time, as "
                     "bias analyze runs)" if r.streamed is not None else "") + " (target >= 0.5x)"]
    if r.serial is not None:
        lines += ["", f"{'end to end (JSON Lines)':<30}{'wall s':>9}{'CPU s':>9}{'articles/s':>16}"]
        for s in (r.serial, r.parallel):
            if s is not None:
                lines.append(f"{s.name:<30}{s.seconds:>9.3f}{s.cpu:>9.3f}{s.wall_rate:>16.1f}")
        if r.parallel is not None:
            lines.append(f"speed-up on {r.jobs} processes (wall time): "
                         f"{r.serial.seconds / r.parallel.seconds:.2f}x; workers' CPU time "
                         f"{r.parallel_worker_cpu:.2f} s (1 process: {r.serial.cpu:.2f} s)")
    lines.append(f"peak memory: {r.peak_mb:.0f} MB (this process), {r.peak_children_mb:.0f} MB "
                 "(largest worker)")
    return "\n".join(lines) + "\n"
