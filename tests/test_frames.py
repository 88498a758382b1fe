"""Frames per sentence from cue lexicons: evidence spans, sentence tuples, profile and primary frame."""

from __future__ import annotations

from bias.corpus.segment import parse
from bias.features import frames
from bias.lexicons.user import FRAME_IDS, load_user_lexicon
from bias.model import Article


def _run(text: str, ext=frames.EXTRACTOR):
    p = parse(Article(id="f", outlet="o", title="", text=text))
    return p, ext.run(p)


def test_cues_sentence_frames_and_profile():
    p, r = _run("The plan will cost taxpayers billions. Police arrested two smugglers. The sky was blue.")
    assert [(e.span.start, e.span.end, e.span.of(p.text), e.kind) for e in r.evidence] == [
        (4, 8, "plan", "frame_policy"),
        (14, 18, "cost", "frame_economic"),
        (19, 28, "taxpayers", "frame_economic"),
        (29, 37, "billions", "frame_economic"),
        (39, 45, "Police", "frame_crime"),
        (46, 54, "arrested", "frame_crime"),
        (59, 68, "smugglers", "frame_crime"),
    ]
    assert r.sentence_fields["frames"] == (("economic", "policy"), ("crime",), ())
    assert r.values["frames__economic_share"] == r.values["frames__crime_share"] == 1 / 3
    assert r.values["frames__other_share"] == 1 / 3
    assert r.records["primary_frame"][0]["frame"] == "economic"  # tie: earlier frame in codebook order


def test_every_frame_has_a_metric_and_empty_text_is_other():
    assert frames.EXTRACTOR.metric_names == tuple(f"frames__{f}_share" for f in FRAME_IDS)
    _, r = _run("")
    assert all(v == 0.0 for v in r.values.values())
    assert r.records["primary_frame"][0]["frame"] == "other"


def test_user_frame_cues(tmp_path):
    f = tmp_path / "cues.tsv"
    f.write_text("# kind = frames\nterm\tcategory\tweight\texplanation\n"
                 "wildfire\thealth_safety\t1\tDanger.\n", encoding="utf-8")
    p, r = _run("A wildfire spread.", frames.make_extractor([load_user_lexicon(f)]))
    assert [(e.span.start, e.span.end, e.span.of(p.text)) for e in r.evidence] == [(2, 10, "wildfire")]
    assert r.sentence_fields["frames"] == (("health_safety",),)
