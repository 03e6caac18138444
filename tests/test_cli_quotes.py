"""The quotes command through the real CLI, on the seed corpus."""

from __future__ import annotations

import json

from quoteframe.cli import cli
from quoteframe.quotes import QUOTE_COLUMNS
from tests.conftest import SEEDS, parse_csv, run_cli


def test_every_command_has_help_with_an_example() -> None:
    for name, command in cli.commands.items():
        code, out, _ = run_cli(name, "--help")
        assert code == 0, name
        assert "Example:" in out, f"{name} --help has no example"
        assert command.help


def test_columns_and_offsets_hold_for_every_row(seed_rows, seed_texts) -> None:
    assert seed_rows, "no quotations found in the seeds"
    assert list(seed_rows[0].keys()) == QUOTE_COLUMNS
    for row in seed_rows:
        doc = seed_texts[row["doc_id"]]
        assert doc[int(row["start"]):int(row["end"])] == row["text"]
        if row["speaker_mention"]:
            assert doc[int(row["mention_start"]):int(row["mention_end"])] == row["speaker_mention"]
        assert row["kind"] in {"direct", "partial", "scare"}
        assert (row["kind"] == "scare") <= (row["speaker"] == "")


def test_rows_sorted_by_doc_then_start(seed_rows) -> None:
    keys = [(r["doc_id"], int(r["start"])) for r in seed_rows]
    assert keys == sorted(keys)


def test_outlets_come_from_the_manifest(seed_rows) -> None:
    outlets = {r["doc_id"]: r["outlet"] for r in seed_rows}
    assert outlets["004_f69ce014ee3898d1"] == "RFE/RL"
    assert outlets["000_ba02b8b38f666224"] == "JURIST"


def test_one_canonical_name_across_spellings(seed_rows) -> None:
    mentions = {r["speaker_mention"] for r in seed_rows if r["speaker"] == "Kassym-Jomart Tokayev"}
    assert {"Toqaev", "Tokayev"} <= mentions
    assert not any("Toqaev" in r["speaker"] or "Kasym-" in r["speaker"] for r in seed_rows)


def test_same_output_for_every_job_count_and_format_round_trip() -> None:
    _, one, _ = run_cli("quotes", str(SEEDS), "--jobs", "1")
    _, two, _ = run_cli("quotes", str(SEEDS), "--jobs", "2")
    assert one == two
    _, jl, _ = run_cli("quotes", str(SEEDS), "--jobs", "1", "--format", "jsonl")
    records = [json.loads(line) for line in jl.splitlines()]
    assert [r["text"] for r in records] == [r["text"] for r in parse_csv(one)]
    for fmt in ("tsv", "json", "table", "markdown"):
        code, out, _ = run_cli("quotes", str(SEEDS), "--jobs", "1", "--format", fmt)
        assert code == 0 and "Tokayev" in out


def test_stderr_counts_documents() -> None:
    _, _, err = run_cli("quotes", str(SEEDS), "--jobs", "1")
    assert err.strip().splitlines()[-1] == "quoteframe: read 5 documents, skipped 0"
