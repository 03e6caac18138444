"""Every document is accounted for; bad input gets a one-line message naming the file (and line)."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

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
    # a quotation over two paragraphs keeps its newlines through the CSV round trip
    assert rows[0]["text"] == "End of a\n\n“multi-paragraph quotation,"


def test_input_order_does_not_change_output() -> None:
    files = sorted(str(p) for p in SEEDS.glob("*.txt"))
    _, forward, _ = run_cli("quotes", *files, "--jobs", "1")
    _, backward, _ = run_cli("quotes", *reversed(files), "--jobs", "2")
    assert forward == backward and forward.count("\n") > 50
