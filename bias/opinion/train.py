"""Retrain the opinion model from any file of labelled sentences and write it as JSON.

Input: JSON Lines or CSV with a ``text`` and a ``label`` field; labels ``OBJ``/``SUBJ`` or ``0``/``1``
(1 = subjective, i.e. opinion). Errors name the file and line.

Method (scikit-learn, used at training time only): logistic regression with balanced class
weights over binary word uni/bigrams (unit-length per sentence) plus standardised dense markers
(:mod:`bias.opinion.features`). The regularisation ``C`` and the weight of the dense block are
chosen by 5-fold cross-validated macro-F1 on the training file, with folds made of contiguous
blocks of sentences (sentences of one article stay together, so topic words cannot leak between
folds). The decision threshold stays at 0.5: with balanced class weights that is the
prior-neutral point, and it does not tie the model to the training file's share of opinion.
"""

from __future__ import annotations

import csv
import json
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix, hstack

from bias.errors import InputError
from bias.jsonl import json_objects
from bias.opinion.features import (
    SentenceFeatures,
    cue_groups_from,
    dense_names,
    describe,
    load_cues_document,
)
from bias.opinion.model import FORMAT, load_model_file, score_sentence
from bias.opinion.style import STYLE_VERSION

MODEL_VERSION = "2.0.0"
CREDIT = {
    "dataset": "NewsSD-ENG",
    "citation": ("Antici, Ruggeri, Galassi, Korre, Muti, Bardi, Fedotova, Barrón-Cedeño (2024). "
                 "A Corpus for Sentence-Level Subjectivity Detection on English News Articles. "
                 "LREC-COLING 2024."),
    "licence": "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)",
    "upstream": "nlp-unibo/newssd-eng, commit a6f66668 (data/english/train.csv, val.csv)",
    "note": "The weights are derived from the NewsSD-ENG training split; they are shared under CC BY 4.0.",
}
GRID_C = (0.3, 1.0)
GRID_NGRAM = (0.5, 1.0)
GRID_STYLE = (0.0, 0.6, 1.0, 1.5)
GRID_DENSE = (0.2, 0.3, 0.5)
BLOCK = 25  # sentences per cross-validation group (roughly one article)
_POSITIVE = {"subj": 1, "1": 1, "opinion": 1, "obj": 0, "0": 0, "fact": 0}


def read_labelled(path: str | Path) -> list[tuple[str, int]]:
    """Read ``(text, label)`` pairs from a ``.jsonl``/``.json`` or ``.csv`` file (label 1 = opinion)."""
    p = Path(path)
    if not p.is_file():
        raise InputError(str(p), "file not found")
    try:
        raw = p.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(str(p), f"not UTF-8 text ({exc.reason})") from None
    rows: list[tuple[int, dict]] = []
    if p.suffix.lower() == ".csv":
        reader = csv.DictReader(raw.splitlines())
        missing = [c for c in ("text", "label") if c not in (reader.fieldnames or [])]
        if missing:
            raise InputError(str(p), f"CSV header lacks column(s): {', '.join(missing)}", 1)
        rows = [(reader.line_num, row) for row in reader]
    else:
        rows = json_objects(p, raw, expect="a JSON object with 'text' and 'label'")
    out = []
    for n, row in rows:
        text, label = row.get("text"), row.get("label")
        if not isinstance(text, str) or not text.strip():
            raise InputError(str(p), "missing or empty 'text'", n)
        key = str(label).strip().lower() if label is not None else ""
        if key not in _POSITIVE:
            raise InputError(str(p), f"label {label!r} is not one of OBJ, SUBJ, 0, 1", n)
        out.append((text, _POSITIVE[key]))
    if not out:
        raise InputError(str(p), "no labelled sentences found")
    return out


@dataclass(frozen=True)
class Setting:
    """One point of the grid: regularisation ``c`` and the weight of each feature block.

    A block weight below 1 shrinks that block's features, which under L2 regularisation is the
    same as regularising its coefficients more strongly (weight 0 drops the block).
    """

    c: float
    ngram: float
    style: float
    dense: float

    @property
    def key(self) -> str:
        return f"C={self.c},ngram={self.ngram},style={self.style},dense={self.dense}"


GRID = tuple(Setting(c, ng, st, de) for c in GRID_C for ng in GRID_NGRAM for st in GRID_STYLE
             for de in GRID_DENSE)


def _vocabulary(sets: Sequence[frozenset[str]], min_df: int) -> dict[str, int]:
    df: Counter[str] = Counter()
    for grams in sets:
        df.update(grams)
    return {g: i for i, g in enumerate(sorted(g for g, c in df.items() if c >= min_df))}


def _sparse(sets: Sequence[frozenset[str]], vocab: dict[str, int]) -> csr_matrix:
    rows, cols, vals = [], [], []
    for i, grams in enumerate(sets):
        idx = sorted(vocab[g] for g in grams if g in vocab)
        for j in idx:
            rows.append(i)
            cols.append(j)
            vals.append(1.0 / math.sqrt(len(idx)))
    return csr_matrix((vals, (rows, cols)), shape=(len(sets), len(vocab)))


@dataclass
class _Fitted:
    vocab: dict[str, int]
    style_vocab: dict[str, int]
    mean: np.ndarray
    scale: np.ndarray
    clf: object


def _dense(feats: Sequence[SentenceFeatures], names: tuple[str, ...]) -> np.ndarray:
    rows = [[f.dense[n] for n in names] for f in feats]
    return np.asarray(rows, dtype=float).reshape(len(feats), len(names))


def _design(feats: Sequence[SentenceFeatures], names: tuple[str, ...], fitted: _Fitted,
            s: Setting) -> csr_matrix:
    dense = _dense(feats, names)
    return hstack([_sparse([f.ngrams for f in feats], fitted.vocab) * s.ngram,
                   _sparse([f.style for f in feats], fitted.style_vocab) * s.style,
                   csr_matrix((dense - fitted.mean) / fitted.scale * s.dense)]).tocsr()


def _fit(feats: Sequence[SentenceFeatures], y: np.ndarray, names: tuple[str, ...], s: Setting,
         min_df: int) -> _Fitted:
    from sklearn.linear_model import LogisticRegression

    dense = _dense(feats, names)
    scale = dense.std(axis=0)
    scale[scale == 0] = 1.0
    fitted = _Fitted(_vocabulary([f.ngrams for f in feats], min_df) if s.ngram else {},
                     _vocabulary([f.style for f in feats], min_df + 1) if s.style else {},
                     dense.mean(axis=0), scale, None)
    fitted.clf = LogisticRegression(C=s.c, class_weight="balanced", max_iter=5000).fit(
        _design(feats, names, fitted, s), y)
    return fitted


def macro_f1(gold: Sequence[int], pred: Sequence[int], weights: Sequence[float] | None = None) -> float:
    """Mean of the F1 of class 1 and the F1 of class 0 (optionally with per-sentence weights)."""
    w = weights if weights is not None else [1.0] * len(gold)
    f = []
    for cls in (1, 0):
        tp = sum(x for g, p, x in zip(gold, pred, w, strict=True) if g == cls and p == cls)
        fp = sum(x for g, p, x in zip(gold, pred, w, strict=True) if g != cls and p == cls)
        fn = sum(x for g, p, x in zip(gold, pred, w, strict=True) if g == cls and p != cls)
        f.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(f) / 2


def _cross_validate(feats: Sequence[SentenceFeatures], y: np.ndarray, names: tuple[str, ...],
                    min_df: int) -> tuple[dict[Setting, float], dict[Setting, np.ndarray]]:
    """Each grid setting -> mean macro-F1 over grouped folds (threshold 0.5), and its out-of-fold scores."""
    from sklearn.model_selection import GroupKFold

    minority = int(min(y.sum(), len(y) - y.sum()))
    n_splits = min(5, minority)
    blocks = np.arange(len(y)) // BLOCK
    if n_splits < 2 or len(set(blocks)) < n_splits:
        return {}, {}
    folds = list(GroupKFold(n_splits=n_splits).split(np.zeros(len(y)), y, groups=blocks))
    results, oof = {}, {}
    for s in GRID:
        scores, pred = [], np.zeros(len(y))
        for a, b in folds:
            fitted = _fit([feats[i] for i in a], y[a], names, s, min_df)
            pred[b] = fitted.clf.predict_proba(_design([feats[i] for i in b], names, fitted, s))[:, 1]
            scores.append(macro_f1(y[b].tolist(), (pred[b] >= 0.5).astype(int).tolist()))
        results[s], oof[s] = float(np.mean(scores)), pred
    return results, oof


def choose_threshold(y: np.ndarray, scores: np.ndarray) -> tuple[float, float]:
    """The threshold (0.30-0.70) with the best class-balanced macro-F1 on out-of-fold scores.

    Each sentence is weighted so both labels weigh the same: the choice then assumes an even share
    of opinion sentences (between the training file's share and other corpora's) rather than the
    training file's own. Ties go to the threshold nearest 0.5.
    """
    pos = max(int(y.sum()), 1)
    neg = max(len(y) - int(y.sum()), 1)
    w = [0.5 / pos if lab else 0.5 / neg for lab in y.tolist()]
    best = (-1.0, 0.5)
    for t in np.round(np.arange(0.30, 0.7001, 0.02), 2):
        f = macro_f1(y.tolist(), (scores >= t).astype(int).tolist(), w)
        if f > best[0] + 1e-12 or (abs(f - best[0]) <= 1e-12 and abs(t - 0.5) < abs(best[1] - 0.5)):
            best = (f, float(t))
    return best[1], best[0]


def train_opinion_model(path: str | Path, out_json: str | Path, *, val_path: str | Path | None = None,
                        today: date | None = None) -> dict:
    """Train on the labelled sentences in ``path``, write the model JSON to ``out_json``, return it.

    ``val_path`` (optional, same format) is scored with the written model and reported in the
    model's training metadata; it is never used to choose anything.
    """
    data = read_labelled(path)
    y = np.asarray([lab for _, lab in data], dtype=int)
    if y.sum() < 2 or len(y) - y.sum() < 2:
        raise InputError(str(path), "need at least two sentences of each label (OBJ and SUBJ)")
    cues = load_cues_document()
    groups = cue_groups_from(cues)
    names = dense_names(groups)
    feats = [describe(t, groups) for t, _ in data]
    min_df = 2 if len(y) >= 100 else 1
    cv, oof = _cross_validate(feats, y, names, min_df)
    best = max(cv, key=lambda k: (cv[k], -k.c, -k.ngram)) if cv else Setting(1.0, 1.0, 0.5, 0.5)
    threshold, balanced_f1 = choose_threshold(y, oof[best]) if cv else (0.5, None)
    fitted = _fit(feats, y, names, best, min_df)
    coef = fitted.clf.coef_[0]
    nv, ns = len(fitted.vocab), len(fitted.style_vocab)

    def weights(vocab: dict[str, int], offset: int, block: float) -> dict[str, float]:
        ordered = sorted(vocab.items(), key=lambda e: e[1])
        out = {t: round(float(coef[offset + j]) * block, 6) for t, j in ordered}
        return {t: w for t, w in out.items() if w}

    doc = {
        "format": FORMAT,
        "version": MODEL_VERSION,
        "style_version": STYLE_VERSION,
        "credit": CREDIT,
        "training": {
            "data": str(Path(path).name),
            "date": (today or date.today()).isoformat(),
            "sentences": len(y),
            "opinion_sentences": int(y.sum()),
            "method": "logistic regression, balanced class weights, scikit-learn",
            "ngram_min_df": min_df,
            "vocabulary_size": nv,
            "style_vocabulary_size": ns,
            "C": best.c,
            "block_weights": {"ngram": best.ngram, "style": best.style, "dense": best.dense},
            "cv": {
                "scheme": f"{min(5, int(min(y.sum(), len(y) - y.sum())))}-fold, groups of {BLOCK} "
                          "consecutive sentences",
                "macro_f1": round(cv[best], 4) if cv else None,
                "threshold_balanced_macro_f1": round(balanced_f1, 4) if cv else None,
                "grid": {k.key: round(v, 4) for k, v in cv.items()},
            },
        },
        "threshold": threshold,
        "intercept": round(float(fitted.clf.intercept_[0]), 6),
        "ngrams": weights(fitted.vocab, 0, best.ngram),
        "style_ngrams": weights(fitted.style_vocab, nv, best.style),
        "dense": {
            "names": list(names),
            "mean": [round(float(v), 6) for v in fitted.mean],
            "scale": [round(float(v / best.dense), 6) for v in fitted.scale],
            "weights": [round(float(w), 6) for w in coef[nv + ns:]],
        },
        "cues": cues,
    }
    out = Path(out_json)
    out.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if val_path is not None:
        model = load_model_file(out)
        val = read_labelled(val_path)
        pred = [int(score_sentence(t, model) >= model.threshold) for t, _ in val]
        doc["training"]["val"] = {"data": str(Path(val_path).name), "sentences": len(val),
                                  "macro_f1": round(macro_f1([lab for _, lab in val], pred), 4)}
        out.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return doc


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m bias.opinion.train TRAIN OUT.json [--val VAL]``: retrain and write a model."""
    import argparse

    ap = argparse.ArgumentParser(prog="python -m bias.opinion.train", description=__doc__)
    ap.add_argument("train", help="JSON Lines or CSV with text and label (OBJ/SUBJ or 0/1)")
    ap.add_argument("out", help="where to write the model JSON")
    ap.add_argument("--val", help="optional held-out file to report macro-F1 on (never used to choose)")
    args = ap.parse_args(argv)
    doc = train_opinion_model(args.train, args.out, val_path=args.val)
    t = doc["training"]
    print(f"wrote {args.out}: {t['sentences']} sentences, CV macro-F1 {t['cv']['macro_f1']}, "
          f"val macro-F1 {t.get('val', {}).get('macro_f1', 'n/a')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
