"""Record files (JSONL, CSV) are read record by record: a dump is never held whole, a file that breaks
off keeps what came before the break, and every line that cannot be used is named."""

from __future__ import annotations

import codecs
import gzip
import json
import random
from pathlib import Path

import pytest

import quoteframe.corpus as corpus
from quoteframe.corpus import ReadOptions, read_corpus
from quoteframe.records import Document, Skip
from tests.conftest import SEEDS, parse_csv, run_cli


def _read(path: Path, **opts: str) -> list[object]:
    return list(read_corpus([str(path)], ReadOptions(**opts)))


def _docs(items: list[object]) -> list[tuple[str, str]]:
    return [(d.doc_id, d.text) for d in items if isinstance(d, Document)]


def test_chunk_boundaries_change_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    texts = ["Токаев said “shoot to kill”.", "A quote spanning\nlines, “with ‘nested’ marks”.", "é" * 40]
    jsonl = tmp_path / "a.jsonl"
    jsonl.write_text("".join(json.dumps({"id": f"j{i}", "text": t}, ensure_ascii=False) + "\n"
                             for i, t in enumerate(texts)), encoding="utf-8")
    rows = "".join(f'c{i},"{t}"\r\n' for i, t in enumerate(texts))
    table = tmp_path / "b.csv"
    table.write_bytes(f"id,text\r\n{rows}".encode())
    whole = _read(jsonl) + _read(table)
    monkeypatch.setattr(corpus, "HEAD_BYTES", 5)
    monkeypatch.setattr(corpus, "CHUNK_BYTES", 7)  # splits lines and multi-byte characters
    assert _read(jsonl) + _read(table) == whole
    assert _docs(whole) == [(f"j{i}", t) for i, t in enumerate(texts)] + [(f"c{i}", t)
                                                                          for i, t in enumerate(texts)]


def test_a_truncated_gzip_keeps_the_records_before_the_break(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(1)
    words = (SEEDS / "000_ba02b8b38f666224.txt").read_text(encoding="utf-8").split()
    lines = [json.dumps({"id": f"d{i}", "text": " ".join(rng.choices(words, k=200))}) + "\n" for i in range(400)]
    data = gzip.compress("".join(lines).encode())
    path = tmp_path / "dump.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    monkeypatch.setattr(corpus, "CHUNK_BYTES", 4096)
    items = _read(path)
    docs = _docs(items)
    assert 0 < len(docs) < 400
    assert docs == [(f"d{i}", json.loads(lines[i])["text"]) for i in range(len(docs))]
    assert items[-1] == Skip(f"{path}:{len(docs) + 1}", items[-1].reason)
    assert items[-1].reason.startswith("the rest of the file cannot be read: ")


def test_line_separators_inside_a_json_string_do_not_split_the_record(tmp_path: Path) -> None:
    path = tmp_path / "u.jsonl"
    text = "He said “no.”\u2028New paragraph\u0085and \x0c more."
    path.write_text(json.dumps({"id": "u", "text": text}, ensure_ascii=False) + "\n", encoding="utf-8")
    assert _read(path) == [Document("u", text, "u", "", f"{path}:1")]


def test_one_cp1252_line_leaves_the_utf8_lines_intact(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    first = json.dumps({"id": "a", "text": "Tokayev’s order"}, ensure_ascii=False).encode() + b"\n"
    second = b'{"id": "b", "text": "caf\xe9 \x93quoted\x94"}\n'
    path.write_bytes(first + second)
    items = _read(path)
    assert _docs(items) == [("a", "Tokayev’s order"), ("b", "café “quoted”")]
    warnings = [i for i in items if isinstance(i, corpus.Warning_)]
    assert [w.message.split(";")[0] for w in warnings] == [f"not UTF-8 (line 2, byte {len(first) + second.index(0xE9)})"]


def test_explicit_encodings(tmp_path: Path) -> None:
    utf16 = tmp_path / "w.jsonl"
    utf16.write_bytes((json.dumps({"id": "w", "text": "Ақорда said"}, ensure_ascii=False) + "\n").encode("utf-16"))
    assert _docs(_read(utf16, encoding="utf-16")) == [("w", "Ақорда said")]
    latin = tmp_path / "l.csv"
    latin.write_bytes("id,text\nx,caf\xe9\ny,ok\n".encode("latin-1"))
    assert _docs(_read(latin, encoding="latin-1")) == [("x", "café"), ("y", "ok")]
    items = _read(latin, encoding="ascii")
    assert items[-1] == Skip(f"{latin}:2", items[-1].reason) and "cannot decode as ascii" in items[-1].reason
    unknown = _read(latin, encoding="klingon")
    assert len(unknown) == 1 and isinstance(unknown[0], Skip) and "cannot decode as klingon" in unknown[0].reason


def test_the_cli_counts_a_broken_file(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl.gz"
    lines = [json.dumps({"id": f"d{i}", "text": f"“We will never give up,” Mr. Smith{i} said."}) + "\n" for i in range(3)]
    data = gzip.compress("".join(lines).encode())
    path.write_bytes(data[:-9])  # the gzip trailer cut off: every record decompresses, the end-of-stream check fails
    code, out, err = run_cli("quotes", str(path), "--jobs", "1")
    assert code == 0
    assert [r["doc_id"] for r in parse_csv(out)] == ["d0", "d1", "d2"]
    assert f"skipped {path}:4: the rest of the file cannot be read" in err
    assert err.strip().splitlines()[-1] == "quoteframe: read 3 documents, skipped 1"


def test_an_unknown_encoding_is_a_usage_error() -> None:
    code, out, err = run_cli("quotes", str(SEEDS), "--encoding", "klingon")
    assert code == 2 and out == "" and "unknown encoding 'klingon'" in err and "Traceback" not in err


def test_old_mac_line_ends_and_a_bom_alone(tmp_path: Path) -> None:
    cr_csv = tmp_path / "cr.csv"
    cr_csv.write_bytes(b'id,text\r1,"Taxes will fall, Smith said."\r2,"We disagree."\r')
    cr_jsonl = tmp_path / "cr.jsonl"
    cr_jsonl.write_bytes(b'{"id": "a", "text": "a b"}\r{"id": "b", "text": "c d"}\r')
    assert _docs(_read(cr_csv)) == [("1", "Taxes will fall, Smith said."), ("2", "We disagree.")]
    assert _docs(_read(cr_jsonl)) == [("a", "a b"), ("b", "c d")]
    bom = tmp_path / "bom.csv"
    bom.write_bytes(b"\xef\xbb\xbf")
    assert _read(bom) == [Skip(str(bom), "empty file")]


def test_explicit_encodings_decode_across_lines(tmp_path: Path) -> None:
    """One decoder reads the whole file: a BOM is dropped once (utf-8-sig), a stateful encoding keeps its
    state from line to line (ISO-2022-KR designates its character set once, at the start)."""
    sig = tmp_path / "sig.jsonl"
    good = "".join(json.dumps({"id": f"g{i}", "text": "ok"}) + "\n" for i in range(9))
    sig.write_bytes(codecs.BOM_UTF8 + good.encode() + b'{"id": "bad", "text": "caf\xe9"}\n')
    items = _read(sig, encoding="utf-8-sig")
    assert _docs(items) == [(f"g{i}", "ok") for i in range(9)]
    assert items[-1] == Skip(f"{sig}:10", items[-1].reason)
    korean = tmp_path / "kr.jsonl"
    korean.write_bytes('{"id": "1", "text": "한국어 one"}\n{"id": "2", "text": "한국어 two"}\n'.encode("iso2022_kr"))
    assert _docs(_read(korean, encoding="iso2022_kr")) == [("1", "한국어 one"), ("2", "한국어 two")]
    wide = tmp_path / "w32.jsonl"
    wide.write_bytes((json.dumps({"id": "w", "text": "Ақорда"}, ensure_ascii=False) + "\n").encode("utf-32"))
    assert _docs(_read(wide, encoding="UTF32")) == [("w", "Ақорда")]


def test_renamed_ids_never_collide(tmp_path: Path) -> None:
    path = tmp_path / "ids.jsonl"
    path.write_text("".join(json.dumps({"id": i, "text": f"text {n}"}) + "\n"
                            for n, i in enumerate(["x", "x", "x#2", "x", "y"])), encoding="utf-8")
    ids = [d for d, _ in _docs(_read(path))]
    assert ids == ["x", "x#2", "x#2#2", "x#3", "y"] and len(set(ids)) == len(ids)
