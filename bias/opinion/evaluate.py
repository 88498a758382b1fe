"""Evaluate sentence flags against a gold file: ``bias evaluate sentences --gold FILE``.

The gold file is JSON Lines (or CSV) with ``text`` and ``label`` (OBJ/SUBJ or 0/1, 1 = the flag
should be on). Each flag is a predict function ``text -> bool``; the opinion flag is built in,
others (e.g. ``loaded`` from the lexicon layer) are passed in by name.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TextIO

from bias.opinion.model import is_opinion
from bias.opinion.train import read_labelled

Predictor = Callable[[str], bool]


def flag_scores(gold: Sequence[int], pred: Sequence[int]) -> dict[str, float]:
    """Precision, recall and F1 of the positive class, and macro-F1 over both classes."""
    out: dict[str, float] = {}
    f1s = []
    for cls in (1, 0):
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == cls and p == cls)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if g != cls and p == cls)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == cls and p != cls)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        f1s.append(f1)
        if cls == 1:
            out.update(precision=precision, recall=recall, f1=f1)
    out["macro_f1"] = sum(f1s) / 2
    out["sentences"] = float(len(gold))
    return out


def evaluate_sentences(gold_path: str | Path, flag: str | Sequence[str] = "opinion",
                       predictors: Mapping[str, Predictor] | None = None,
                       stream: TextIO | None = None) -> dict[str, dict[str, float]]:
    """Score each named flag on the gold file, print a table to ``stream`` (stdout) and return it.

    ``predictors`` maps flag names to functions ``text -> bool``; ``"opinion"`` is available by
    default. Unknown flag names raise ``KeyError`` naming the known ones.
    """
    known: dict[str, Predictor] = {"opinion": is_opinion, **(predictors or {})}
    names = [flag] if isinstance(flag, str) else list(flag)
    for name in names:
        if name not in known:
            raise KeyError(f"no predictor for flag {name!r}; known: {', '.join(sorted(known))}")
    data = read_labelled(gold_path)
    gold = [lab for _, lab in data]
    results = {}
    for name in names:
        pred = [int(bool(known[name](text))) for text, _ in data]
        results[name] = flag_scores(gold, pred)
    out = stream or sys.stdout
    print(f"{'flag':<10} {'precision':>9} {'recall':>7} {'F1':>6} {'macro-F1':>9}  (n={len(gold)})", file=out)
    for name, r in results.items():
        print(f"{name:<10} {r['precision']:>9.3f} {r['recall']:>7.3f} {r['f1']:>6.3f} {r['macro_f1']:>9.3f}",
              file=out)
    return results


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m bias.opinion.evaluate --gold FILE``: print the opinion flag's figures."""
    import argparse

    ap = argparse.ArgumentParser(prog="python -m bias.opinion.evaluate", description=__doc__)
    ap.add_argument("--gold", required=True, help="JSON Lines or CSV with text and label")
    args = ap.parse_args(argv)
    evaluate_sentences(args.gold)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
