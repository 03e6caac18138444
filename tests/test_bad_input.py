"""Every document is accounted for; bad input gets a one-line message naming the file (and line)."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, SEEDS, parse_csv, run_cli

BAD = FIXTURES / "bad"


def test_each_bad_input_is_named_and_counted() -> None:
    code, out, err = run_cli("quotes", str(BAD), "--jobs", "1")
    assert code == 0
    lines = err.strip().splitlines()
    assert f"quoteframe: skipped {BAD / 'binary.txt'}: binary file (NUL or control bytes), not text" in lines
    assert f"quoteframe: skipped {BAD / 'empty.txt'}: empty document" in lines
    assert f"quoteframe: skipped {BAD / 'records.csv'}:3: expected 3 fields, got 4" in lines
    assert any(line.startswith(f"quoteframe: skipped {BAD / 'records.jsonl'}:2: not JSON") for line in lines)
    assert f"quoteframe: skipped {BAD / 'records.jsonl'}:3: no text field 'text'" in lines
    assert any("cp1252.txt: not UTF-8 (line 1" in line and line.startswith("quoteframe: warning:") for line in lines)
    assert lines[-1] == "quoteframe: read 6 documents, skipped 6"
    rows = parse_csv(out)
    assert {r["doc_id"] for r in rows} == {"c1", "c3", "cp1252", "good", "r1", "r5"}
    cp = [r for r in rows if r["doc_id"] == "cp1252"]
    assert [r["text"] for r in cp] == ["paid agitators", "criminals."]


def test_a_csv_field_left_open_is_named_not_read_to_the_end(tmp_path: Path) -> None:
    """An unterminated quoted field would swallow every row after it as one text; it is a malformed row,
    named with the line it starts on (the rows after it are inside it), and so is text after a closing
    quote; the good rows before them are read."""
    path = tmp_path / "records.csv"
    path.write_text('id,text\na,"“Yes,” he said."\nb,"x" y\nc,"“No,” she said."\nd,"left open\ne,"“Maybe,” they said."\n',
                    encoding="utf-8")
    code, out, err = run_cli("quotes", str(path), "--jobs", "1")
    assert code == 0
    assert f"quoteframe: skipped {path}:3: malformed CSV row (',' expected after '\"')" in err.splitlines()
    assert any(line.startswith(f"quoteframe: skipped {path}:5: malformed CSV row") for line in err.splitlines())
    assert {r["doc_id"] for r in parse_csv(out)} == {"a", "c"}
    assert err.strip().splitlines()[-1] == "quoteframe: read 2 documents, skipped 2"


def test_strict_turns_a_skip_into_failure() -> None:
    code, _, err = run_cli("quotes", str(BAD / "empty.txt"), str(BAD / "good.txt"), "--strict", "--jobs", "1")
    assert code == 1
    assert "--strict: 1 document(s) skipped" in err


def test_formula_cells_are_neutralised_unless_raw() -> None:
    _, out, _ = run_cli("quotes", str(BAD / "records.csv"), "--jobs", "1")
    assert [r["text"] for r in parse_csv(out) if r["doc_id"] == "c3"] == ["'=HYPERLINK(1)"]
    _, raw, _ = run_cli("quotes", str(BAD / "records.csv"), "--jobs", "1", "--raw-csv")
    assert [r["text"] for r in parse_csv(raw) if r["doc_id"] == "c3"] == ["=HYPERLINK(1)"]


def test_broken_link_and_missing_path(tmp_path: Path) -> None:
    shutil.copy(BAD / "good.txt", tmp_path / "good.txt")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    code, _, err = run_cli("quotes", str(tmp_path), "--jobs", "1")
    assert code == 0 and f"skipped {tmp_path / 'gone.txt'}: cannot be read" in err
    assert err.strip().splitlines()[-1] == "quoteframe: read 1 document, skipped 1"
    code, _, err = run_cli("quotes", str(tmp_path / "absent"), "--jobs", "1")
    assert code == 1 and "no such file or directory" in err and "Traceback" not in err


def test_gzip_and_stdin_read_like_plain_text(tmp_path: Path) -> None:
    text = (SEEDS / "004_f69ce014ee3898d1.txt").read_bytes()
    (tmp_path / "rfe.txt.gz").write_bytes(gzip.compress(text))
    _, gz_out, _ = run_cli("quotes", str(tmp_path), "--jobs", "1")
    _, in_out, _ = run_cli("quotes", "-", "--jobs", "1", input=text)
    gz_rows, in_rows = parse_csv(gz_out), parse_csv(in_out)
    assert gz_rows and [r["text"] for r in gz_rows] == [r["text"] for r in in_rows]
    assert gz_rows[0]["doc_id"] == "rfe"


def test_manifest_cannot_point_outside_the_corpus(tmp_path: Path) -> None:
    shutil.copy(BAD / "good.txt", tmp_path / "good.txt")
    (tmp_path / "manifest.csv").write_text("file,outlet,date\n../../etc/passwd,Evil,\n", encoding="utf-8")
    code, _, err = run_cli("quotes", str(tmp_path), "--jobs", "1")
    assert code == 1
    assert "line 2: file '../../etc/passwd' is outside the corpus directory" in err


def test_hostile_text_keeps_offsets(tmp_path: Path) -> None:
    """One long line, thousands of marks, bidi and zero-width characters: offsets still hold."""
    unit = "He said \u202e“the army\u200b will act” and “ Д “ ‘x’ \"y "
    text = "“End of a\n\n“multi-paragraph quotation,” she said.\n" + unit * 4000
    (tmp_path / "hostile.txt").write_text(text, encoding="utf-8")
    code, out, _ = run_cli("quotes", str(tmp_path), "--jobs", "1", "--raw-csv")
    assert code == 0
    rows = parse_csv(out)
    assert len(rows) > 4000
    for r in rows:
        assert text[int(r["start"]):int(r["end"])] == r["text"]
    # a quotation over two paragraphs is one row per paragraph
    assert [r["text"] for r in rows[:2]] == ["End of a", "multi-paragraph quotation,"]
    assert rows[1]["speaker_mention"] == "she"


def test_input_order_does_not_change_output() -> None:
    files = sorted(str(p) for p in SEEDS.glob("*.txt"))
    _, forward, _ = run_cli("quotes", *files, "--jobs", "1")
    _, backward, _ = run_cli("quotes", *reversed(files), "--jobs", "2")
    assert forward == backward and forward.count("\n") > 50


def _planted_bug(monkeypatch: pytest.MonkeyPatch) -> None:
    """A bug that trips on one document: the analyser raises for any text holding 'PLANTED-BUG'."""
    from quoteframe.quotes import QuoteExtractor

    real = QuoteExtractor.extract

    def extract(self: QuoteExtractor, doc: object) -> object:
        if "PLANTED-BUG" in doc.text:  # type: ignore[attr-defined]
            raise IndexError("planted")
        return real(self, doc)  # type: ignore[arg-type]

    monkeypatch.setattr(QuoteExtractor, "extract", extract)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_document_that_trips_a_bug_is_skipped_by_name_and_the_rest_written(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: str) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    texts = sorted(SEEDS.glob("*.txt"))[:3]
    for p in texts:
        shutil.copy(p, corpus / p.name)
    _, clean_out, _ = run_cli("quotes", str(corpus), "--jobs", "1")
    bad = corpus / "zz-bug.txt"
    bad.write_text(texts[0].read_text(encoding="utf-8") + "\nPLANTED-BUG\n", encoding="utf-8")
    _planted_bug(monkeypatch)
    code, out, err = run_cli("quotes", str(corpus), "--jobs", jobs)
    assert code == 0 and out == clean_out  # every other document's rows, in the same bytes
    lines = err.strip().splitlines()
    assert any(line.startswith(f"quoteframe: skipped {bad}: internal error (IndexError: planted, in extract at "
                               "test_bad_input.py:") and line.endswith("please report it with this document")
               for line in lines), lines
    assert lines[-1] == "quoteframe: read 3 documents, skipped 1"
    code, _, err = run_cli("frames", str(corpus), "--jobs", jobs, "--strict")
    assert code == 1 and "--strict: 1 document(s) skipped" in err


def test_dask_workers_report_a_failing_document_with_its_id(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from quoteframe.corpus import CorpusFile, ReadOptions
    from quoteframe.engine_dask import _analyse_files
    from quoteframe.pipeline import Analysis
    from quoteframe.records import DocResult, Skip

    pytest.importorskip("fsspec")
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text("“We will stay,” the mayor said.", encoding="utf-8")
    bad.write_text("“We will go,” the mayor said. PLANTED-BUG", encoding="utf-8")
    _planted_bug(monkeypatch)
    files = [CorpusFile(str(p), p.name, "txt") for p in (good, bad)]
    out = _analyse_files(files, ReadOptions(), Analysis())
    assert [(doc_id, type(res)) for _, doc_id, res in out] == [("good", DocResult), ("bad", Skip)]
