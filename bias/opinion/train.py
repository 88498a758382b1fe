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
from datetime import date
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix, hstack

from bias.errors import InputError
from bias.jsonl import json_objects
from bias.opinion.features import cue_groups_from, dense_names, describe, load_cues_document
from bias.opinion.model import FORMAT, load_model_file, score_sentence

MODEL_VERSION = "1.0.0"
CREDIT = {
    "dataset": "NewsSD-ENG",
    "citation": ("Antici, Ruggeri, Galassi, Korre, Muti, Bardi, Fedotova, Barrón-Cedeño (2024). "
                 "A Corpus for Sentence-Level Subjectivity Detection on English News Articles. "
                 "LREC-COLING 2024."),
    "licence": "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)",
    "upstream": "nlp-unibo/newssd-eng, commit a6f66668 (data/english/train.csv, val.csv)",
    "note": "The weights are derived from the NewsSD-ENG training split; they are shared under CC BY 4.0.",
}
GRID_C = (0.3, 1.0, 3.0)
GRID_DENSE = (0.3, 0.5, 1.0)
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


def _matrices(texts: Sequence[str], groups: tuple, vocab: dict[str, int]) -> tuple[csr_matrix, np.ndarray]:
    names = dense_names(groups)
    rows, cols, vals, dense = [], [], [], []
    for i, t in enumerate(texts):
        f = describe(t, groups)
        idx = sorted(vocab[g] for g in f.ngrams if g in vocab)
        for j in idx:
            rows.append(i)
            cols.append(j)
            vals.append(1.0 / math.sqrt(len(idx)))
        dense.append([f.dense[n] for n in names])
    sparse = csr_matrix((vals, (rows, cols)), shape=(len(texts), len(vocab)))
    return sparse, np.asarray(dense, dtype=float).reshape(len(texts), len(names))


def _vocabulary(texts: Sequence[str], groups: tuple, min_df: int) -> dict[str, int]:
    df: Counter[str] = Counter()
    for t in texts:
        df.update(describe(t, groups).ngrams)
    return {g: i for i, g in enumerate(sorted(g for g, c in df.items() if c >= min_df))}


def _fit(texts, y, groups, c, dense_weight, min_df):  # noqa: ANN001, ANN202
    from sklearn.linear_model import LogisticRegression

    vocab = _vocabulary(texts, groups, min_df)
    sparse, dense = _matrices(texts, groups, vocab)
    mean = dense.mean(axis=0)
    scale = dense.std(axis=0)
    scale[scale == 0] = 1.0
    x = hstack([sparse, csr_matrix((dense - mean) / scale * dense_weight)]).tocsr()
    clf = LogisticRegression(C=c, class_weight="balanced", max_iter=5000).fit(x, y)
    return vocab, mean, scale, clf


def _predict(texts, groups, fitted, dense_weight):  # noqa: ANN001, ANN202
    vocab, mean, scale, clf = fitted
    sparse, dense = _matrices(texts, groups, vocab)
    x = hstack([sparse, csr_matrix((dense - mean) / scale * dense_weight)]).tocsr()
    return clf.predict_proba(x)[:, 1]


def macro_f1(gold: Sequence[int], pred: Sequence[int]) -> float:
    """Mean of the F1 of class 1 and the F1 of class 0."""
    f = []
    for cls in (1, 0):
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == cls and p == cls)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if g != cls and p == cls)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == cls and p != cls)
        f.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(f) / 2


def _cross_validate(texts, y, groups, min_df):  # noqa: ANN001, ANN202
    """Grid of (C, dense weight) -> mean macro-F1 over grouped folds (threshold 0.5)."""
    from sklearn.model_selection import GroupKFold

    minority = int(min(y.sum(), len(y) - y.sum()))
    n_splits = min(5, minority)
    blocks = np.arange(len(y)) // BLOCK
    if n_splits < 2 or len(set(blocks)) < n_splits:
        return {}
    folds = list(GroupKFold(n_splits=n_splits).split(texts, y, groups=blocks))
    results = {}
    for c in GRID_C:
        for dw in GRID_DENSE:
            scores = []
            for a, b in folds:
                fitted = _fit([texts[i] for i in a], y[a], groups, c, dw, min_df)
                p = _predict([texts[i] for i in b], groups, fitted, dw)
                scores.append(macro_f1(y[b].tolist(), (p >= 0.5).astype(int).tolist()))
            results[(c, dw)] = float(np.mean(scores))
    return results


def train_opinion_model(path: str | Path, out_json: str | Path, *, val_path: str | Path | None = None,
                        today: date | None = None) -> dict:
    """Train on the labelled sentences in ``path``, write the model JSON to ``out_json``, return it.

    ``val_path`` (optional, same format) is scored with the written model and reported in the
    model's training metadata; it is never used to choose anything.
    """
    data = read_labelled(path)
    texts = [t for t, _ in data]
    y = np.asarray([lab for _, lab in data], dtype=int)
    if y.sum() < 2 or len(y) - y.sum() < 2:
        raise InputError(str(path), "need at least two sentences of each label (OBJ and SUBJ)")
    cues = load_cues_document()
    groups = cue_groups_from(cues)
    min_df = 2 if len(texts) >= 100 else 1
    cv = _cross_validate(texts, y, groups, min_df)
    c, dw = max(cv, key=lambda k: (cv[k], -k[0])) if cv else (1.0, 0.5)
    vocab, mean, scale, clf = _fit(texts, y, groups, c, dw, min_df)
    coef = clf.coef_[0]
    terms = sorted(vocab, key=vocab.get)
    ngram_weights = {t: round(float(coef[vocab[t]]), 6) for t in terms if round(float(coef[vocab[t]]), 6)}
    n_vocab = len(vocab)
    doc = {
        "format": FORMAT,
        "version": MODEL_VERSION,
        "credit": CREDIT,
        "training": {
            "data": str(Path(path).name),
            "date": (today or date.today()).isoformat(),
            "sentences": len(y),
            "opinion_sentences": int(y.sum()),
            "method": "logistic regression, balanced class weights, scikit-learn",
            "ngram_min_df": min_df,
            "vocabulary_size": n_vocab,
            "C": c,
            "dense_weight": dw,
            "cv": {
                "scheme": f"{min(5, int(min(y.sum(), len(y) - y.sum())))}-fold, groups of {BLOCK} "
                          "consecutive sentences, threshold 0.5",
                "macro_f1": round(cv[(c, dw)], 4) if cv else None,
                "grid": {f"C={k[0]},dense_weight={k[1]}": round(v, 4) for k, v in cv.items()},
            },
        },
        "threshold": 0.5,
        "intercept": round(float(clf.intercept_[0]), 6),
        "ngrams": ngram_weights,
        "dense": {
            "names": list(dense_names(groups)),
            "mean": [round(float(v), 6) for v in mean],
            "scale": [round(float(v / dw), 6) for v in scale],
            "weights": [round(float(w), 6) for w in coef[n_vocab:]],
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
