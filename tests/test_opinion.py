"""Tests for the sentence-level opinion model (bias/opinion) and its extractor."""

from __future__ import annotations

import io
import json

import pytest

from bias.corpus.parsed import Parsed
from bias.errors import InputError
from bias.features.opinion import EXTRACTOR, run
from bias.model import Article, Span
from bias.opinion.evaluate import evaluate_sentences, flag_scores
from bias.opinion.features import describe, find_cues, load_cues_document, quoted_share, tokenize
from bias.opinion.model import contributions, load_model_file, score_sentence, shipped_model
from bias.opinion.train import read_labelled, train_opinion_model

OPINION = "We must stop this disgraceful policy now!"
FACT = "The meeting was held on Tuesday in Nogales."


def _parsed(text: str, sentences: list[tuple[int, int]]) -> Parsed:
    art = Article(id="a", outlet="o", title="t", text=text)
    return Parsed(art, (Span(0, len(text)),), tuple(Span(a, b) for a, b in sentences), (), ())


def test_shipped_model_loads_with_credit_and_training_metadata():
    m = shipped_model()
    assert m is shipped_model()  # cached once per process
    assert "Antici" in m.meta["credit"]["citation"]
    assert "CC BY 4.0" in m.meta["credit"]["licence"]
    t = m.meta["training"]
    assert t["sentences"] == 731 and t["opinion_sentences"] == 244
    assert 0 < t["cv"]["macro_f1"] < 1 and 0 < t["val"]["macro_f1"] < 1
    assert 0.3 <= m.threshold <= 0.7
    assert len(m.ngram_weights) > 100 and m.meta["training"]["block_weights"]["style"] > 0


def test_scores_are_deterministic_and_ordered():
    a, b = score_sentence(OPINION), score_sentence(FACT)
    assert a == score_sentence(OPINION) and b == score_sentence(FACT)
    assert 0.0 <= b < 0.5 <= a <= 1.0


def test_tokenize_and_cues_multiword():
    toks = tokenize("We ought to act, don’t you think?")
    assert toks == ("we", "ought", "to", "act", "don't", "you", "think")
    hits = {(h.group, h.term, h.start, h.end) for h in find_cues(toks, shipped_model().groups)}
    assert ("prescriptive", "ought to", 1, 3) in hits
    assert ("first_person_plural", "we", 0, 1) in hits
    assert ("second_person", "you", 5, 6) in hits
    assert ("negation", "don't", 4, 5) in hits


def test_quotes_split_speech_from_scare_quotes():
    assert quoted_share("He called it ‘levelling up’ again.") == (0.0, 1)
    share, short = quoted_share("“We will win this fight today,” he said.")
    assert short == 0 and round(share, 3) == round(31 / 40, 3)
    f = describe("Why would anyone believe it?", shipped_model().groups)
    assert f.dense["question"] == 1.0 and f.dense["exclamation"] == 0.0


def test_extractor_spans_values_and_notes():
    text = f"{FACT} {OPINION}"
    parsed = _parsed(text, [(0, 43), (44, 85)])
    assert Span(44, 85).of(text) == OPINION
    res = run(parsed)
    assert [(e.span.start, e.span.end, e.span.of(text)) for e in res.evidence] == [(44, 85, OPINION)]
    ev = res.evidence[0]
    assert ev.kind == "opinion_sentence" and ev.weight == pytest.approx(score_sentence(OPINION))
    assert "first-person 'we'" in ev.note and "prescriptive 'must'" in ev.note
    assert res.values["opinion__share"] == 0.5
    scores = res.sentence_fields["opinion_score"]
    assert res.values["opinion__mean_score"] == pytest.approx(sum(scores) / 2, abs=1e-3)
    assert res.sentence_fields["opinion"] == (False, True)
    assert EXTRACTOR.metric_names == ("opinion__share", "opinion__mean_score")


def test_extractor_empty_text_gives_zeros():
    res = run(_parsed("", []))
    assert res.values == {"opinion__share": 0.0, "opinion__mean_score": 0.0}
    assert res.evidence == ()


def _write(path, rows):
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


TINY = [
    {"text": "We must stop this disgraceful policy now!", "label": "SUBJ"},
    {"text": "This is the worst government in history, and you know it.", "label": "SUBJ"},
    {"text": "Surely nobody believes such absurd claims?", "label": 1},
    {"text": "The meeting was held on Tuesday in Nogales.", "label": "OBJ"},
    {"text": "Officials said 40 people attended the hearing.", "label": "OBJ"},
    {"text": "The bill passed 52 to 48 on March 3.", "label": 0},
]


def test_retrain_round_trips(tmp_path):
    src = _write(tmp_path / "tiny.jsonl", TINY)
    out = tmp_path / "model.json"
    doc = train_opinion_model(src, out, val_path=src)
    model = load_model_file(out)
    assert model.meta["training"]["sentences"] == 6 and doc["training"]["val"]["macro_f1"] == 1.0
    assert score_sentence(OPINION, model) > score_sentence(FACT, model)
    # the same file written by CSV gives the same model
    csv_path = tmp_path / "tiny.csv"
    lines = ["text,label"] + [f"\"{r['text']}\",{r['label']}" for r in TINY]
    csv_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    doc2 = train_opinion_model(csv_path, tmp_path / "m2.json")
    assert doc2["ngrams"] == doc["ngrams"] and doc2["dense"] == doc["dense"]


@pytest.mark.parametrize(("content", "suffix", "message"), [
    ('{"text": "ok", "label": "SUBJ"}\n{"text": "bad", "label": "MAYBE"}\n', ".jsonl",
     "bad.jsonl:2: label 'MAYBE' is not one of OBJ, SUBJ, 0, 1"),
    ('{"text": "ok", "label": "SUBJ"}\n{not json\n', ".jsonl", "bad.jsonl:2: not valid JSON"),
    ('{"label": "SUBJ"}\n', ".jsonl", "bad.jsonl:1: missing or empty 'text'"),
    ("sentence,label\nhello,1\n", ".csv", "bad.csv:1: CSV header lacks column(s): text"),
    ('text,label\nhello,1\n"there",x\n', ".csv", "bad.csv:3: label 'x' is not one of"),
])
def test_bad_training_files_name_file_and_line(tmp_path, content, suffix, message):
    path = tmp_path / f"bad{suffix}"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_labelled(path)
    assert message in str(err.value)


def test_training_needs_both_labels(tmp_path):
    src = _write(tmp_path / "one.jsonl", [r for r in TINY if r["label"] in ("OBJ", 0)])
    with pytest.raises(InputError, match="at least two sentences of each label"):
        train_opinion_model(src, tmp_path / "m.json")


def test_missing_file_error(tmp_path):
    with pytest.raises(InputError, match="nope.jsonl: file not found"):
        read_labelled(tmp_path / "nope.jsonl")


def test_evaluate_sentences_with_custom_flag(tmp_path):
    src = _write(tmp_path / "gold.jsonl", TINY)
    buf = io.StringIO()
    res = evaluate_sentences(src, flag=["opinion", "loaded"],
                             predictors={"loaded": lambda t: "disgraceful" in t}, stream=buf)
    assert res["loaded"] == pytest.approx({"precision": 1.0, "recall": 1 / 3, "f1": 0.5,
                                           "macro_f1": (0.5 + 0.75) / 2, "sentences": 6.0})
    assert "loaded" in buf.getvalue() and "macro-F1" in buf.getvalue()
    with pytest.raises(KeyError, match="no predictor for flag 'frames'"):
        evaluate_sentences(src, flag="frames", stream=buf)


def test_flag_scores_exact():
    assert flag_scores([1, 1, 0, 0], [1, 0, 0, 0]) == pytest.approx(
        {"precision": 1.0, "recall": 0.5, "f1": 2 / 3, "macro_f1": (2 / 3 + 0.8) / 2, "sentences": 4.0})


def test_cue_lists_have_no_duplicates_and_are_explained():
    doc = load_cues_document()
    for g in doc["groups"]:
        assert g["label"] and g["short"] and g["explanation"] and g["source"] in doc["sources"]
        assert len(set(g["terms"])) == len(g["terms"]), g["name"]


def test_style_ngrams_replace_topic_words_by_shapes():
    from bias.opinion.style import shape_class, style_ngrams

    assert [shape_class(w, i == 0) for i, w in enumerate(["Clearly", "Biden", "failed", "3", "times"])] == [
        "<ly>", "<Cap>", "<ed>", "<num>", "<s>"]
    assert shape_class("It's", True) == "it's" and shape_class("rail", False) == "<w>"
    assert style_ngrams("It is hopeless.") == frozenset({
        "^ it", "it is", "is <less>", "<less> $", "^ it is", "it is <less>", "is <less> $"})


def test_style_rates_exact():
    from bias.opinion.style import style_rates

    text = "Consider this: it is hopeless; truly hopeless."
    r = style_rates(text, tokenize(text))
    assert r["imperative_opening"] == 1.0 and r["semicolon"] == 1.0 and r["colon"] == 1.0
    assert r["adjective_endings"] == pytest.approx(2 / 7) and r["ly_adverbs"] == pytest.approx(1 / 7)
    assert r["function_words"] == pytest.approx(3 / 7) and r["variety"] == pytest.approx(6 / 7)
    assert r["opens_with_quote"] == 0.0 and r["dash"] == 0.0
    q = style_rates("“We will win,” he said.", tokenize("“We will win,” he said."))
    assert q["opens_with_quote"] == 1.0 and q["ed_endings"] == 0.0


def test_new_cue_groups_exact_token_spans():
    toks = tokenize("Everyone knows it is time, because last week was bad.")
    hits = [(h.group, h.term, h.start, h.end) for h in find_cues(toks, shipped_model().groups)]
    assert hits == [
        ("universal", "everyone", 0, 1),
        ("prescriptive", "it is time", 2, 5),
        ("present_copula", "is", 3, 4),
        ("argument", "because", 5, 6),
        ("time_and_quantity", "last week", 6, 8),  # "week" inside it is not counted twice
        ("past_narration", "was", 8, 9),
        ("evaluative", "bad", 9, 10),
    ]


def test_threshold_is_chosen_on_balanced_out_of_fold_scores():
    import numpy as np

    from bias.opinion.train import choose_threshold

    y = np.array([1, 1, 0, 0, 0, 0])
    t, f = choose_threshold(y, np.array([0.9, 0.45, 0.41, 0.2, 0.1, 0.3]))
    assert (t, f) == (0.44, 1.0)  # 0.42 and 0.44 both separate the classes; the tie goes nearer 0.5
    t2, _ = choose_threshold(y, np.array([0.9, 0.8, 0.1, 0.2, 0.1, 0.3]))
    assert t2 == 0.5  # every threshold from 0.32 to 0.7 is perfect: keep the prior-neutral 0.5


def test_model_file_with_other_style_version_is_refused():
    from bias.opinion.model import model_from_dict

    with pytest.raises(InputError, match="not an opinion model"):
        model_from_dict({}, "x.json")
    from importlib import resources

    shipped = json.loads(resources.files("bias.opinion").joinpath("opinion_model.json").read_text("utf-8"))
    shipped["style_version"] = "0"
    with pytest.raises(InputError, match="style features version '0'.*retrain"):
        model_from_dict(shipped, "old.json")


def test_style_ngrams_can_explain_a_score():
    m = shipped_model()
    assert len(m.style_weights) > 100
    f = describe("It is hopeless.", m.groups)
    labels = {c.feature for c in contributions(f, m)}
    assert any(name.startswith("style:") for name in labels)

