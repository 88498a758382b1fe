"""Print a fingerprint of the analysis output, to prove a speed-up changed nothing.

Usage (from the repository)::

    .venv/bin/python benchmarks/identity.py

It analyses the seeds, the held-out and story test articles and 150 synthetic articles, writes
each as its JSON line (without the versions stamp, so a version bump alone does not count), and
prints the number of articles and the SHA-256 of all those lines. Run it before and after a change
that should only make things faster: the two lines must be equal. Not a test (the golden report
and the unit tests are); a quick, broad check while optimising.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from bias.analysis import analyze_article
from bias.bench import synthetic_articles
from bias.corpus.load import iter_inputs
from bias.export import article_record, to_json_line
from bias.model import Article

ROOT = Path(__file__).resolve().parents[1]
INPUTS = ("seeds", "tests/data/heldout", "tests/data/heldout3", "tests/data/stories/articles")


def fingerprint() -> tuple[int, str]:
    """(articles, SHA-256 hex digest) of the analysis of the inputs above. Paths are read relative to
    the repository (records carry them), so the digest does not depend on where it is checked out."""
    os.chdir(ROOT)
    digest = hashlib.sha256()
    articles = [a for a in iter_inputs(list(INPUTS)) if isinstance(a, Article)]
    articles += synthetic_articles(150, seed=11, source="seeds")
    for a in articles:
        digest.update(to_json_line(article_record(analyze_article(a))).encode("utf-8"))
    return len(articles), digest.hexdigest()


if __name__ == "__main__":
    n, hexdigest = fingerprint()
    print(n, hexdigest)
