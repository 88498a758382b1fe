"""A corpus of broken files, generated at test time: a clear error per bad file, the others analysed.

Exit codes (bias/pipeline.py): 0 every input analysed, 1 some skipped, 3 nothing analysed. The 50 MB
file is checked in a subprocess that reports its own peak memory (``resource.getrusage``).
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from bias.cli import main
from bias.corpus.decode import decode_bytes
from bias.pipeline import EXIT_NOTHING, EXIT_PARTIAL

PARA = ("Officials said the plan was reckless, according to a report released on Tuesday. "
        "\u201cIt is a disaster,\u201d said Maria Lopez, a spokeswoman for the council.\n\n")
CAFE = "Caf\u00e9 owners in Z\u00fcrich say the na\u00efve plan will fail.\n\n"
BODY = "A headline about cafes\n\n" + CAFE * 3 + PARA * 2


def _jsonl() -> str:
    lines = [
        json.dumps({"id": "ok1", "outlet": "Herald", "title": "One", "text": PARA * 2}),
        "{not json",
        json.dumps([1, 2]),
        json.dumps({"id": "nt", "outlet": "Herald"}),
        json.dumps({"id": "ok2", "outlet": "Herald", "title": "Two", "text": PARA}),
    ]
    return "\n".join(lines) + "\n"


def _csv() -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["id", "outlet", "title", "text"])
    w.writerow(["multi", "Daily", "Multi-line", "First line.\nOfficials said it twice.\n\nThird paragraph."])
    w.writerow(["huge", "Daily", "Huge", "Officials said it. " + "x" * 10_000_000])
    w.writerow(["after", "Daily", "After", "The mayor said the bridge would reopen."])
    return buf.getvalue()


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("broken")
    utf8 = BODY.encode("utf-8")
    cut = utf8.rindex("\u00e9".encode()) + 1  # in the middle of the last two-byte "é"
    (d / "truncated.txt").write_bytes(utf8[:cut])
    half = len(BODY) // 2
    (d / "mixed.txt").write_bytes(BODY[:half].encode("utf-8") + BODY[half:].encode("cp1252"))
    (d / "utf16.txt").write_bytes(BODY.encode("utf-16-le"))
    (d / "nested.html").write_text(
        "<html><head><title>Deep</title></head><body>" + "<div>" * 10_000 + "<p>" + PARA * 5
        + "</p>" + "</div>" * 10_000 + "</body></html>", encoding="utf-8")
    (d / "repetitive.html").write_text(
        "<html><head><title>Again and again</title></head><body><article>"
        + ("<p>" + PARA.strip() + "</p>") * 400 + "</article>"
        + "<div class='ad'><span>Buy now</span></div>" * 20_000 + "</body></html>", encoding="utf-8")
    (d / "records.csv").write_text(_csv(), encoding="utf-8")
    (d / "records.jsonl").write_text(_jsonl(), encoding="utf-8")
    (d / "binary.txt").write_bytes(b"%PDF-1.4\n\x00\x01\x02 binary")
    (d / "empty.md").write_bytes(b"")
    return d


def test_truncated_and_mixed_utf8_decode_without_mojibake() -> None:
    utf8 = BODY.encode("utf-8")
    cut = utf8.rindex("\u00e9".encode()) + 1
    got = decode_bytes(utf8[:cut])
    assert got.encoding == "utf-8 (last character cut off)"
    assert got.text == utf8[: cut - 1].decode("utf-8")
    half = len(BODY) // 2
    mixed = decode_bytes(BODY[:half].encode("utf-8") + BODY[half:].encode("cp1252"))
    assert (mixed.encoding, mixed.text) == ("utf-8 with cp1252 lines", BODY)


def test_broken_corpus_names_each_bad_file_and_analyses_the_rest(
        broken: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["analyze", str(broken)])
    out, err = capsys.readouterr()
    assert code == EXIT_PARTIAL
    records = [json.loads(line) for line in out.splitlines()]
    ids = [r["id"] for r in records]
    assert ids == ["mixed", "multi", "after", "ok1", "ok2", "repetitive", "truncated", "utf16"]
    by_id = {r["id"]: r for r in records}
    assert by_id["truncated"]["text"].endswith("na\u00efve plan will fail.\n\nCaf")
    assert by_id["mixed"]["text"] == BODY.strip()  # no mojibake ("CafÃ©")
    assert by_id["utf16"]["metadata"]["encoding"] == "utf-16-le"
    assert by_id["repetitive"]["title"] == "Again and again"
    assert "Buy now" not in by_id["repetitive"]["text"]
    skipped = [line for line in err.splitlines() if line.startswith("bias: skipped")]
    expected = [
        f"{broken / 'binary.txt'}: looks like a binary file (a PDF document), not text",
        f"{broken / 'empty.md'}: file is empty",
        f"{broken / 'nested.html'}: no article text found in this web page (its elements are nested "
        "10,003 deep; the HTML parser stops reading at 255: save the page's text as .txt instead)",
        f"{broken / 'records.csv'}:6: the article is 10,000,019 characters long, over the "
        "1,000,000-character limit for one article (split the file into separate articles)",
        f"{broken / 'records.jsonl'}:2: line 2 is not valid JSON: Expecting property name enclosed in "
        "double quotes (column 2)",
        f"{broken / 'records.jsonl'}:3: line 3 is not a JSON object with a 'text' field",
        f"{broken / 'records.jsonl'}:4: line 4 has no text",
    ]
    assert skipped == [f"bias: skipped {e}" for e in expected]


def test_only_bad_files_exit_3(broken: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["analyze", str(broken / "binary.txt"), str(broken / "empty.md")])
    out, err = capsys.readouterr()
    assert (code, out) == (EXIT_NOTHING, "")
    assert err.count("bias: skipped") == 2


_MEASURE = """
import resource, sys
from bias.cli import main
code = main(sys.argv[1:])
peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux
print(f"PEAK {code} {peak_kb}", file=sys.stderr)
"""


@pytest.fixture(scope="module")
def fifty_mb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("big") / "fifty.txt"
    with path.open("w", encoding="utf-8") as fh:
        fh.write("One enormous file\n\n")
        chunk = PARA * 1000
        while fh.tell() < 50_000_000:
            fh.write(chunk)
    return path


def test_fifty_mb_file_over_default_limit(fifty_mb: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["analyze", str(fifty_mb)])
    out, err = capsys.readouterr()
    assert (code, out) == (EXIT_NOTHING, "")
    assert f"bias: skipped {fifty_mb}: file is 50.1 MB, over the 20 MB limit (use --max-size)" in err


def test_fifty_mb_file_with_raised_limit_is_refused_clearly_in_bounded_memory(
        fifty_mb: Path, tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-c", _MEASURE, "analyze", str(fifty_mb), "--max-size", "60",
         "-o", str(tmp_path / "out.jsonl")],
        capture_output=True, text=True, timeout=600, check=False)
    peak = [line for line in proc.stderr.splitlines() if line.startswith("PEAK")]
    assert peak, proc.stderr[-2000:]
    _, code, kb = peak[0].split()
    assert int(code) == EXIT_NOTHING
    assert "over the 1,000,000-character limit for one article" in proc.stderr
    assert int(kb) < 1_500_000, f"peak memory {int(kb) // 1024} MB"
    assert not (tmp_path / "out.jsonl").exists()  # nothing analysed: no output file


def test_nesting_depth_counts_elements_not_void_tags() -> None:
    from bias.corpus.formats import nesting_depth

    assert nesting_depth("<html><body><div><p>a<br>b<img src=x/></p></div></body></html>") == 4
    assert nesting_depth("</div></div><p>x</p>") == 1
    assert nesting_depth("no tags") == 0
