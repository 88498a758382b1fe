"""Streaming JSON Lines and CSV inputs (issue #6): a line or row at a time, limits per record."""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import json
import tracemalloc
from pathlib import Path

import pytest

from bias.corpus import formats
from bias.corpus import load as load_module
from bias.corpus.decode import normalise
from bias.corpus.load import iter_inputs
from bias.errors import InputError
from bias.model import Article

BODY = "The council met on Monday and approved the budget after a long debate about road repairs."


def load(*paths: str | Path, **kw: int) -> tuple[list[Article], list[InputError]]:
    items = list(iter_inputs([str(p) for p in paths], **kw))
    return [a for a in items if isinstance(a, Article)], [e for e in items if isinstance(e, InputError)]


def line(**fields: str) -> bytes:
    return json.dumps({"outlet": "Daily", "text": BODY, **fields}, ensure_ascii=False).encode("utf-8")


def test_jsonl_bad_utf8_line_is_an_error_and_the_rest_loads(tmp_path: Path) -> None:
    path = tmp_path / "f.jsonl"
    bad = b'{"outlet": "Daily", "text": "caf\xe9 ' + BODY.encode() + b'"}'
    path.write_bytes(b"\n".join([line(title="One"), bad, line(title="Three")]) + b"\n")
    articles, errors = load(path)
    assert [(a.id, a.title, a.metadata["encoding"]) for a in articles] == [
        ("f-1", "One", "utf-8"), ("f-3", "Three", "utf-8")]
    assert [(e.line, e.problem) for e in errors] == [
        (2, "line 2 is not valid UTF-8 text (byte 33 of the line is 0xE9); "
            "JSON Lines files must be saved as UTF-8")]


def test_jsonl_bom_blank_lines_and_crlf_keep_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "f.jsonl"
    path.write_bytes(codecs.BOM_UTF8 + b"\r\n".join(
        [line(title="A"), b"", b"   ", line(title="Cafe\u0301".encode().decode()), b"[1]", line(title="E")]))
    articles, errors = load(path)
    assert [(a.id, a.title, a.metadata["encoding"]) for a in articles] == [
        ("f-1", "A", "utf-8-sig"), ("f-4", "Caf\u00e9", "utf-8-sig"), ("f-6", "E", "utf-8-sig")]
    assert [(e.line, e.problem) for e in errors] == [(5, "line 5 is not a JSON object with a 'text' field")]


def test_jsonl_bigger_than_max_bytes_with_small_records_all_load(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    path.write_bytes(b"".join(line(id=f"r{i}") + b"\n" for i in range(20)))
    assert path.stat().st_size > 2000
    articles, errors = load(path, max_bytes=1000)
    assert errors == []
    assert [a.id for a in articles] == [f"r{i}" for i in range(20)]


def test_jsonl_single_over_long_line_is_refused_with_its_number(tmp_path: Path) -> None:
    path = tmp_path / "f.jsonl"
    long = line(title="Long", text=BODY * 30)
    path.write_bytes(b"\n".join([line(title="One"), long, line(title="Three")]))
    articles, errors = load(path, max_bytes=1000)
    assert [a.id for a in articles] == ["f-1", "f-3"]
    assert [(e.line, e.problem) for e in errors] == [
        (2, f"line 2 is {formats.size_text(len(long) + 1)} long, over the 1 KB limit for one line "
            "(each line should hold one article; use --max-size to raise the limit)")]
    assert formats.size_text(len(long) + 1) == "2.7 KB"


def test_jsonl_line_of_exactly_max_bytes_is_allowed(tmp_path: Path) -> None:
    rec = line(title="x")
    rec = line(title="x" * (300 - len(rec) + 1))
    assert len(rec) == 300
    (tmp_path / "f.jsonl").write_bytes(rec + b"\r\n" + rec)
    articles, errors = load(tmp_path / "f.jsonl", max_bytes=300)
    assert (len(articles), errors) == (2, [])
    articles, errors = load(tmp_path / "f.jsonl", max_bytes=299)
    assert articles == [] and [e.line for e in errors] == [1, 2]


@pytest.mark.parametrize("data", [
    "\n".join([line(title="A").decode(), "", "x\ry", line(title="B\u2028C").decode(),
               line(title="e\u0301", text=BODY + "\u0085more").decode(), "\ufeff" + line().decode()]),
    "",
    "\r\n\r\n",
])
def test_streamed_jsonl_reads_exactly_as_the_whole_text(data: str) -> None:
    encoded = codecs.BOM_UTF8 + data.encode("utf-8")
    whole = list(formats.read_jsonl("f", normalise(encoded.decode("utf-8-sig"))))
    streamed = list(formats.read_jsonl("f", io.BytesIO(encoded), max_line=10_000))
    assert [_plain(x) for x in streamed] == [_plain(x) for x in whole]


def _plain(item: formats.Record | InputError) -> object:
    return (str(item), item.line) if isinstance(item, InputError) else item


def test_csv_streams_with_a_quoted_newline(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text(f'id,outlet,text\n,Daily,"Budget\n\n{BODY}"\r\nx2,Herald,{BODY}\n', encoding="utf-8",
                    newline="")
    articles, errors = load(path, max_bytes=100)  # bigger than max_bytes: streamed, not refused
    assert errors == []
    assert [(a.id, a.outlet, a.metadata["encoding"]) for a in articles] == [
        ("t-2", "Daily", "utf-8"), ("x2", "Herald", "utf-8")]
    assert articles[0].text == f"Budget\n\n{BODY}"


def test_csv_field_limit_is_raised_per_row_and_restored(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text(f"id,text\na,{'word ' * 40_000}\nb,{BODY}\n", encoding="utf-8")
    before = csv.field_size_limit()
    items = iter_inputs([path])
    first = next(items)
    assert isinstance(first, Article) and first.id == "a"
    assert csv.field_size_limit() == before  # not left raised while the reader is paused
    assert [a.id for a in items if isinstance(a, Article)] == ["b"]
    articles, errors = load(path, max_bytes=250_000)
    assert [a.id for a in articles] == ["a", "b"]
    articles, errors = load(path, max_bytes=100)
    assert articles == []
    assert [e.problem for e in errors] == [
        "line 2 has a field over the 131,072-character limit for one field (use --max-size to raise it)"]


def test_latin1_csv_takes_the_whole_file_path(tmp_path: Path) -> None:
    path = tmp_path / "l.csv"
    text = f"id,outlet,text\nl1,Le Monde,Le ministre a déclaré que la réforme était nécessaire. {BODY}\n"
    path.write_bytes(text.encode("latin-1"))
    articles, errors = load(path)
    assert errors == []
    assert [(a.id, a.metadata["encoding"]) for a in articles] == [("l1", "cp1252")]
    assert "déclaré que la réforme était nécessaire" in articles[0].text
    articles, errors = load(path, max_bytes=100)  # read whole, so the file size limit applies
    assert articles == []
    assert [e.problem for e in errors] == ["file is 172 bytes, over the 100 bytes limit (use --max-size)"]


def test_csv_changing_encoding_after_the_first_chunk_is_an_error_for_that_row(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(load_module, "_HEAD_BYTES", 64)
    path = tmp_path / "m.csv"
    rows = [f"a,{BODY}", f"b,caf\u00e9 {BODY}", f"c,{BODY}"]
    path.write_bytes(b"id,text\n" + rows[0].encode() + b"\n" + rows[1].encode("latin-1") + b"\n"
                     + rows[2].encode() + b"\n")
    articles, errors = load(path)
    assert [a.id for a in articles] == ["a", "c"]
    assert [(e.line, e.problem) for e in errors] == [
        (3, "line 3 is not valid UTF-8 text (the file changes encoding part-way)")]


def test_empty_blank_and_utf16_jsonl_keep_their_whole_file_messages(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_bytes(b"")
    (tmp_path / "b.jsonl").write_bytes(b"\n  \r\n")
    (tmp_path / "c.jsonl").write_bytes(line(title="Wide").decode().encode("utf-16"))
    articles, errors = load(tmp_path)
    assert [(a.id, a.title, a.metadata["encoding"]) for a in articles] == [("c-1", "Wide", "utf-16")]
    assert [e.problem for e in errors] == ["file is empty", "file has no text (only blank space)"]


def test_loading_the_first_articles_of_a_60_mb_jsonl_reads_only_its_start(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    paragraph = " ".join([BODY] * 112)  # ~10 KB of text per record
    with path.open("wb") as fh:
        for i in range(6000):
            fh.write(line(id=f"a{i}", text=paragraph) + b"\n")
    size = path.stat().st_size
    assert size > 60_000_000
    tracemalloc.start()
    try:
        first = list(itertools.islice(iter_inputs([path]), 10))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [a.id for a in first if isinstance(a, Article)] == [f"a{i}" for i in range(10)]
    assert peak < 10_000_000, f"peak {peak:,} bytes for a {size:,}-byte file"
