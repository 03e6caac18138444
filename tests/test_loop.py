"""A researcher's loop (issue 17), through the real CLI: the mistakes a new user makes get one clear
line, nothing is lost silently, and corrections flow through every table."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import ROOT, parse_csv, run_cli

SAID = "“We will never give up,” Mr. Smith said. “The talks are over,” Anna Berg told reporters."


def _jsonl(path: Path, records: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_license_and_citation_at_the_top_level() -> None:
    assert "MIT License" in (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "the quoteframe authors" in (ROOT / "LICENSE").read_text(encoding="utf-8")
    cff = (ROOT / "CITATION.cff").read_text(encoding="utf-8")
    assert cff.startswith("cff-version:") and "title:" in cff and "license: MIT" in cff
    assert "license = MIT" in (ROOT / "setup.cfg").read_text(encoding="utf-8")


def test_text_under_another_field_is_one_line_listing_the_fields(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "dump.jsonl", [{"id": f"d{i}", "title": "t", "body": SAID, "url": "u"} for i in range(26)])
    code, out, err = run_cli("quotes", str(path), "--jobs", "1")
    assert code == 1
    assert err.count("skipped") == 2  # the file's line and the summary, not one line per record
    assert f"skipped {path}: no record has the text field 'text' (26 records; fields found: id, title, body, url)" in err
    assert "read 0 documents, skipped 1" in err and "no document was read" in err
    code, out, err = run_cli("quotes", str(path), "--text-field", "body", "--jobs", "1")
    assert code == 0 and len(parse_csv(out)) == 52


def test_records_without_text_are_still_skipped_one_by_one_when_others_have_it(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "mixed.jsonl", [{"id": "a", "body": "x"}, {"id": "b", "text": SAID}, {"id": "c"}])
    code, out, err = run_cli("quotes", str(path), "--jobs", "1")
    assert code == 0
    assert f"skipped {path}:1: no text field 'text'" in err and f"skipped {path}:3: no text field 'text'" in err
    assert err.strip().splitlines()[-1] == "quoteframe: read 1 document, skipped 2"


def test_a_named_field_that_never_occurs_skips_the_file(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "d.jsonl", [{"id": f"d{i}", "text": SAID, "site": "Daily"} for i in range(3)])
    for option in ("--outlet-field", "--id-field", "--date-field"):
        code, _, err = run_cli("quotes", str(path), option, "published", "--jobs", "1")
        assert code == 1, option
        assert (f"skipped {path}: no record of 3 has the field 'published' given by {option} "
                "(fields found: id, text, site)") in err
    code, out, _ = run_cli("quotes", str(path), "--outlet-field", "site", "--jobs", "1")
    assert code == 0 and {r["outlet"] for r in parse_csv(out)} == {"Daily"}
    # the defaults (domain, date) are not required: records without them still read
    assert run_cli("quotes", str(path), "--jobs", "1")[0] == 0
    csv_path = tmp_path / "d.csv"
    csv_path.write_text(f'id,text\nd1,"{SAID}"\n', encoding="utf-8")
    code, _, err = run_cli("quotes", str(csv_path), "--outlet-field", "site", "--jobs", "1")
    assert code == 1 and "no column 'site' (given by --outlet-field) in the header (columns found: id, text)" in err


def test_an_output_suffix_the_tool_does_not_write_is_a_usage_error(tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text(SAID, encoding="utf-8")
    for name in ("quotes.xlsx", "quotes.parquet"):
        code, _, err = run_cli("quotes", str(doc), "-o", str(tmp_path / name), "--jobs", "1")
        assert code == 2 and ".csv (csv)" in err and "--format" in err
        assert not (tmp_path / name).exists()
    code, _, _ = run_cli("quotes", str(doc), "-o", str(tmp_path / "quotes.xlsx"), "--format", "csv", "--jobs", "1")
    assert code == 0 and (tmp_path / "quotes.xlsx").read_text(encoding="utf-8").startswith("doc_id,")


def _two_outlets(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("“We will never negotiate with the rebels in the north,” said Ivan Petrov, the "
                                  "defence minister. “Order will return,” the Ministry said.", encoding="utf-8")
    (corpus / "b.txt").write_text("“We shall never negotiate with the rebels of the north,” said Vanya Petrov on "
                                  "Monday. “The army is ready,” said Olga Ivanova.", encoding="utf-8")
    (corpus / "manifest.csv").write_text("file,outlet,date\na.txt,Daily One,2022-01-07\nb.txt,Daily Two,2022-01-09\n",
                                         encoding="utf-8")
    return corpus


def test_speakers_lists_every_speaker_with_names_outlets_and_an_example(tmp_path: Path) -> None:
    corpus = _two_outlets(tmp_path)
    code, out, _ = run_cli("speakers", str(corpus), "--jobs", "1")
    assert code == 0
    rows = {r["speaker"]: r for r in parse_csv(out)}
    assert rows["Ivan Petrov"]["names"] == "Ivan Petrov (1)" and rows["Ivan Petrov"]["outlets"] == "Daily One (1)"
    assert rows["Vanya Petrov"]["example_quote_id"] == "b:q001"
    assert rows["Olga Ivanova"]["speaker_type"] == "person"


def test_aliases_merge_rename_and_drop_speakers_in_every_table(tmp_path: Path) -> None:
    corpus = _two_outlets(tmp_path)
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("# read in `quoteframe speakers`\nname,canonical\nvanya petrov,Ivan Petrov\n"
                       "Olga Ivanova,\nMinistry,Defence Ministry\nNobody Here,Someone\n", encoding="utf-8")
    before = parse_csv(run_cli("variants", str(corpus), "--jobs", "1", "--no-wordnet")[1])
    assert not before  # two speakers: the two renderings are not one remark
    code, out, err = run_cli("variants", str(corpus), "--jobs", "1", "--no-wordnet", "--aliases", str(aliases))
    assert code == 0
    after = parse_csv(out)
    assert {r["outlet"] for r in after} == {"Daily One", "Daily Two"} and {r["speaker"] for r in after} == {"Ivan Petrov"}
    assert len({r["variant_id"] for r in after}) == 1
    assert "1 name matches no speaker: 'Nobody Here'" in err
    code, out, _ = run_cli("quotes", str(corpus), "--jobs", "2", "--aliases", str(aliases))
    speakers = [r["speaker"] for r in parse_csv(out)]
    assert speakers == ["Ivan Petrov", "Defence Ministry", "Ivan Petrov", ""]
    code, out, _ = run_cli("speakers", str(corpus), "--jobs", "1", "--aliases", str(aliases))
    rows = parse_csv(out)
    assert [r["speaker"] for r in rows] == ["Ivan Petrov", "Defence Ministry"]
    assert rows[0]["names"] == "Ivan Petrov (1); Vanya Petrov (1)" and rows[0]["quotes"] == "2"
    hits_lex = tmp_path / "terms.csv"
    hits_lex.write_text("# test terms\nterm,category\nrebel,hostile\narmy,neutral\n", encoding="utf-8")
    code, out, _ = run_cli("frames", str(corpus), "--hits", "--lexicon", str(hits_lex), "--replace-lexicon",
                           "--jobs", "1", "--aliases", str(aliases))
    assert [(r["term"], r["speaker"]) for r in parse_csv(out)] == [("rebel", "Ivan Petrov"), ("rebel", "Ivan Petrov"),
                                                                   ("army", "")]


def test_a_bad_aliases_row_is_one_line_before_any_work(tmp_path: Path) -> None:
    corpus = _two_outlets(tmp_path)
    bad = tmp_path / "aliases.csv"
    bad.write_text("name,canonical\nIvan Petrov,Ivan\nVanya,Ivan,extra\n", encoding="utf-8")
    for command in ("quotes", "variants", "frames", "speakers"):
        code, out, err = run_cli(command, str(corpus), "--jobs", "2", "--aliases", str(bad))
        assert code == 1 and not out
        assert err.strip() == f"Error: LexiconError: {bad}: line 3: expected 2 fields (name,canonical), got 3"
    bad.write_text("Ivan Petrov,Ivan\nivan  petrov,Petrov\n", encoding="utf-8")
    code, _, err = run_cli("quotes", str(corpus), "--aliases", str(bad))
    assert code == 1 and "line 2: 'ivan  petrov' is mapped to 'Ivan' on line 1 already" in err


def test_alias_targets_chain_and_a_cycle_is_named(tmp_path: Path) -> None:
    """A file written over time (vanya -> Ivan Petrov, then Ivan Petrov -> Ivan P. Petrov) renames both, as a
    reader of the file expects; a cycle is one line naming its rows."""
    corpus = _two_outlets(tmp_path)
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("vanya petrov,Ivan Petrov\nIvan Petrov,Ivan P. Petrov\n", encoding="utf-8")
    code, out, err = run_cli("speakers", str(corpus), "--jobs", "1", "--aliases", str(aliases))
    assert code == 0, err
    rows = parse_csv(out)
    assert rows[0]["speaker"] == "Ivan P. Petrov" and rows[0]["names"] == "Ivan Petrov (1); Vanya Petrov (1)"
    assert "Ivan Petrov" not in {r["speaker"] for r in rows}
    aliases.write_text("# loop\nvanya petrov,Ivan Petrov\nIvan Petrov,Vanya Petrov\n", encoding="utf-8")
    code, out, err = run_cli("quotes", str(corpus), "--aliases", str(aliases))
    assert code == 1 and not out
    assert err.strip() == f"Error: LexiconError: {aliases}: line 2: aliases form a cycle (lines 2, 3)"


def _folder_with_manifest_above(tmp_path: Path) -> tuple[Path, Path]:
    docs = tmp_path / "event" / "docs"
    docs.mkdir(parents=True)
    (docs / "001.txt").write_text("“We will never give up,” Mr. Smith said.", encoding="utf-8")
    (docs / "002.txt").write_text("“The talks are over,” Anna Berg told reporters.", encoding="utf-8")
    (docs / "extra.txt").write_text("“Nothing changes,” said Tom Reyes.", encoding="utf-8")
    manifest = tmp_path / "event" / "manifest.csv"
    manifest.write_text("file,outlet,date,url\n001,Outlet One,2022-02-24,https://a.example\n"
                        "002.txt,Outlet Two,2022-02-25,https://b.example\n003.txt,Outlet Three,2022-02-26,\n",
                        encoding="utf-8")
    return docs, manifest


def test_a_manifest_beside_the_folder_is_mentioned_not_guessed(tmp_path: Path) -> None:
    docs, manifest = _folder_with_manifest_above(tmp_path)
    code, out, err = run_cli("quotes", str(docs), "--jobs", "1")
    assert code == 0
    assert {r["outlet"] for r in parse_csv(out)} == {"001", "002", "extra"}
    assert f"warning: {manifest}: a manifest in the folder above {docs} is not read" in err
    assert f"pass --manifest {manifest} to use it" in err


def test_manifest_rows_match_by_path_or_stem_and_mismatches_are_counted(tmp_path: Path) -> None:
    docs, manifest = _folder_with_manifest_above(tmp_path)
    code, out, err = run_cli("quotes", str(docs), "--manifest", str(manifest), "--jobs", "1")
    assert code == 0
    rows = {r["doc_id"]: r for r in parse_csv(out)}
    assert (rows["001"]["outlet"], rows["001"]["date"]) == ("Outlet One", "2022-02-24")  # '001' names 001.txt
    assert (rows["002"]["outlet"], rows["002"]["date"]) == ("Outlet Two", "2022-02-25")
    assert (rows["extra"]["outlet"], rows["extra"]["date"]) == ("extra", "")
    assert f"warning: {manifest}: 1 row matches no file of the run: 003.txt" in err
    assert f"warning: {manifest}: 1 file of the run has no row (their outlet is their doc_id): {docs / 'extra.txt'}" in err
    code, out, err = run_cli("quotes", str(docs), "--manifest", str(manifest), "--strict", "--jobs", "2")
    assert code == 1 and not out
    assert err.strip() == f"Error: InputError: --strict: {manifest}: 1 row matches no file of the run: 003.txt"


def test_a_manifest_for_files_named_one_by_one(tmp_path: Path) -> None:
    docs, manifest = _folder_with_manifest_above(tmp_path)
    files = [str(docs / "001.txt"), str(docs / "002.txt")]
    code, out, err = run_cli("quotes", *files, "--manifest", str(manifest), "--jobs", "1")
    assert code == 0 and {r["outlet"] for r in parse_csv(out)} == {"Outlet One", "Outlet Two"}
    assert "1 row matches no file of the run: 003.txt" in err and "has no row" not in err
    (docs / "manifest.csv").write_text(manifest.read_text(encoding="utf-8"), encoding="utf-8")
    code, out, err = run_cli("quotes", *files, str(docs / "manifest.csv"), "--jobs", "1")
    assert code == 0 and {r["outlet"] for r in parse_csv(out)} == {"001", "002"}
    assert f"warning: {docs / 'manifest.csv'}: a manifest beside a file named one by one is not read" in err
    assert err.strip().splitlines()[-1] == "quoteframe: read 2 documents, skipped 0"  # the manifest is no document


def test_a_folder_manifest_with_extra_columns_and_stems_is_read(tmp_path: Path) -> None:
    docs, manifest = _folder_with_manifest_above(tmp_path)
    manifest.rename(docs / "manifest.csv")
    code, out, err = run_cli("frames", str(docs), "--hits", "--jobs", "1")
    assert code == 0 and "warning" in err  # 003.txt has no file, extra.txt no row
    code, out, err = run_cli("quotes", str(docs), "--jobs", "1")
    assert {r["outlet"] for r in parse_csv(out)} == {"Outlet One", "Outlet Two", "extra"}


def test_quotation_rows_carry_the_documents_date_after_the_contract_columns(tmp_path: Path) -> None:
    from quoteframe.quotes import QUOTE_COLUMNS

    assert QUOTE_COLUMNS[:12] == ["doc_id", "outlet", "quote_id", "kind", "speaker", "speaker_mention",
                                  "mention_start", "mention_end", "cue", "start", "end", "text"]
    assert QUOTE_COLUMNS[12] == "date"
    corpus = _two_outlets(tmp_path)
    rows = parse_csv(run_cli("quotes", str(corpus), "--jobs", "1")[1])
    assert {r["doc_id"]: r["date"] for r in rows} == {"a": "2022-01-07", "b": "2022-01-09"}
    path = _jsonl(tmp_path / "d.jsonl", [{"id": "x", "text": SAID, "published": "Fri, 07 Jan 2022 10:00:00 GMT"}])
    code, out, _ = run_cli("quotes", str(path), "--date-field", "published", "--by-date", "day", "--jobs", "1")
    assert code == 0 and {(r["date"], r["period"]) for r in parse_csv(out)} == {("Fri, 07 Jan 2022 10:00:00 GMT",
                                                                                  "2022-01-07")}


def test_frames_split_by_date_add_up_to_the_whole(tmp_path: Path) -> None:
    from collections import Counter

    corpus = _two_outlets(tmp_path)
    (corpus / "c.txt").write_text("The rebels left the city. “The rebels are gone,” said Ivan Petrov.", encoding="utf-8")
    with (corpus / "manifest.csv").open("a", encoding="utf-8") as fh:
        fh.write("c.txt,Daily One,2022-02-01\n")
    lexicon = tmp_path / "terms.csv"
    lexicon.write_text("# test terms\nterm,category\nrebel,hostile\narmy,neutral\n", encoding="utf-8")
    args = ("frames", str(corpus), "--lexicon", str(lexicon), "--replace-lexicon", "--jobs", "1")
    whole = parse_csv(run_cli(*args)[1])
    assert "period" not in whole[0]
    for unit, periods in (("day", {"2022-01-07", "2022-01-09", "2022-02-01"}), ("week", {"2022-W01", "2022-W05"}),
                          ("month", {"2022-01", "2022-02"})):
        code, out, err = run_cli(*args, "--by-date", unit)
        split = parse_csv(out)
        assert code == 0 and {r["period"] for r in split} == periods, unit
        totals: Counter[tuple[str, str, str]] = Counter()
        for r in split:
            totals[(r["outlet"], r["term"], r["voice"])] += int(r["count"])
        assert totals == Counter({(r["outlet"], r["term"], r["voice"]): int(r["count"]) for r in whole})
    month = parse_csv(run_cli(*args, "--by-date", "month")[1])
    one = [(r["voice"], r["count"], r["period"]) for r in month if r["outlet"] == "Daily One" and r["term"] == "rebel"]
    assert one == [("own", "1", "2022-02"), ("quoted", "1", "2022-01"), ("quoted", "1", "2022-02")]


def test_variants_split_by_date(tmp_path: Path) -> None:
    corpus = _two_outlets(tmp_path)
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("Vanya Petrov,Ivan Petrov\n", encoding="utf-8")
    base = ("variants", str(corpus), "--jobs", "1", "--no-wordnet", "--aliases", str(aliases))
    summary = parse_csv(run_cli(*base, "--summary")[1])
    assert len(summary) == 1 and summary[0]["renderings"] == "2"
    by_day = parse_csv(run_cli(*base, "--summary", "--by-date", "day")[1])
    assert [(r["period"], r["outlets"], r["renderings"]) for r in by_day] == [("2022-01-07", "Daily One", "1"),
                                                                            ("2022-01-09", "Daily Two", "1")]
    by_month = parse_csv(run_cli(*base, "--summary", "--by-date", "month")[1])
    assert [{k: v for k, v in r.items() if k != "period"} for r in by_month] == summary
    assert by_month[0]["period"] == "2022-01"
    renderings = parse_csv(run_cli(*base, "--by-date", "week")[1])
    assert {r["period"] for r in renderings} == {"2022-W01"}
    drift = parse_csv(run_cli(*base, "--drift", "--by-date", "day")[1])
    # a drift row is dated by the rendering that differs from the remark's central one
    assert drift and len({(r["outlet_b"], r["period"]) for r in drift}) == 1
    assert {(r["outlet_b"], r["period"]) for r in drift} <= {("Daily One", "2022-01-07"), ("Daily Two", "2022-01-09")}


def test_seeds_split_by_a_single_date_give_the_default_tables() -> None:
    from tests.conftest import SEEDS

    for command in (("frames",), ("frames", "--by", "category"), ("variants", "--summary", "--no-wordnet"),
                    ("quotes", "--summary")):
        whole = parse_csv(run_cli(*command, str(SEEDS), "--jobs", "1")[1])
        split = parse_csv(run_cli(*command, str(SEEDS), "--jobs", "1", "--by-date", "month")[1])
        assert whole and [{k: v for k, v in r.items() if k != "period"} for r in split] == whole
        assert {r["period"] for r in split} == {"2022-01"}


def test_who_gets_quoted_split_by_date(tmp_path: Path) -> None:
    """quotes --summary --by-date: each period's sources, shares of that period, counts adding up to the whole."""
    from collections import Counter

    corpus = _two_outlets(tmp_path)
    (corpus / "c.txt").write_text("“The rebels are gone,” said Ivan Petrov. “It is calm,” said Olga Ivanova. "
                                  "“We stay,” Olga Ivanova added.", encoding="utf-8")
    with (corpus / "manifest.csv").open("a", encoding="utf-8") as fh:
        fh.write("c.txt,Daily One,2022-02-01\n")
    args = ("quotes", str(corpus), "--summary", "--jobs", "1")
    whole = parse_csv(run_cli(*args)[1])
    code, out, _ = run_cli(*args, "--by-date", "month")
    split = parse_csv(out)
    assert code == 0 and list(split[0])[-1] == "period"
    totals: Counter[tuple[str, str]] = Counter()
    for r in split:
        totals[(r["outlet"], r["speaker"])] += int(r["quotations"])
    assert totals == Counter({(r["outlet"], r["speaker"]): int(r["quotations"]) for r in whole})
    daily_one = [(r["period"], r["speaker"], r["quotations"], r["share"]) for r in split if r["outlet"] == "Daily One"]
    assert daily_one == [("2022-01", "Ivan Petrov", "1", "0.5000"), ("2022-01", "Ministry", "1", "0.5000"),
                         ("2022-02", "Olga Ivanova", "2", "0.6667"), ("2022-02", "Ivan Petrov", "1", "0.3333")]


def test_undated_documents_are_counted(tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text("The terrorists left. " + SAID, encoding="utf-8")
    code, out, err = run_cli("frames", str(doc), "--by-date", "day", "--jobs", "1")
    assert code == 0 and "1 document has no date --by-date can read" in err
    assert {r["period"] for r in parse_csv(out)} == {""}


def test_human_tables_fit_120_columns_when_stdout_is_not_a_terminal() -> None:
    from quoteframe.tables import GAP
    from tests.conftest import SEEDS

    for command in (("variants", "--summary", "--no-wordnet"), ("speakers",), ("frames",), ("variants", "--no-wordnet")):
        code, out, _ = run_cli(*command, str(SEEDS), "--jobs", "1", "--format", "table")
        lines = out.splitlines()
        assert code == 0 and len(lines) > 3
        headers = lines[0].split()
        if sum(len(h) + 2 for h in headers) + GAP * (len(headers) - 1) > 120:
            continue  # the headers alone do not fit (variants since issue 15's appended columns): text wraps
        assert max(len(line) for line in lines) <= 120, command
    # wrapped text is all there: every word of every representative rendering appears in the table
    _, csv_out, _ = run_cli("variants", str(SEEDS), "--summary", "--no-wordnet", "--jobs", "1")
    _, table, _ = run_cli("variants", str(SEEDS), "--summary", "--no-wordnet", "--jobs", "1", "--format", "table")
    assert any(len(r["representative"]) > 60 for r in parse_csv(csv_out))
    table_words = set(table.split())
    for row in parse_csv(csv_out):
        assert set(row["representative"].split()) <= table_words


def test_markdown_is_never_wrapped_and_ids_are_never_cut() -> None:
    from tests.conftest import SEEDS

    _, md, _ = run_cli("variants", str(SEEDS), "--summary", "--no-wordnet", "--jobs", "1", "--format", "markdown")
    _, csv_out, _ = run_cli("variants", str(SEEDS), "--summary", "--no-wordnet", "--jobs", "1")
    assert len(md.strip().splitlines()) == len(parse_csv(csv_out)) + 2  # header, rule, one line per row
    _, quotes_csv, _ = run_cli("quotes", str(SEEDS), "--jobs", "1")
    _, table, _ = run_cli("quotes", str(SEEDS), "--jobs", "1", "--format", "table")
    table_words = set(table.split())
    assert {r["quote_id"] for r in parse_csv(quotes_csv)} <= table_words


def test_a_table_fits_the_width_it_is_given() -> None:
    import io

    from quoteframe.tables import Table, write_table

    text = "We will never negotiate with the rebels in the north, whatever the cost to us and to them. " * 2
    rows = [{"id": f"doc-{i}:q00{i}", "speaker": "Ivan Petrov", "text": text, "n": i} for i in range(3)]
    for width in (60, 80, 100):
        out = io.StringIO()
        write_table(Table(["id", "speaker", "text", "n"], rows), out, "table", width=width)
        lines = out.getvalue().splitlines()
        assert max(len(line) for line in lines) <= width
        assert {f"doc-{i}:q00{i}" for i in range(3)} <= set(out.getvalue().split())  # ids kept whole


def test_a_manifest_row_fills_in_what_records_lack(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _jsonl(corpus / "wire.jsonl", [{"id": "w1", "text": SAID}, {"id": "w2", "text": SAID, "domain": "Own Outlet",
                                                                 "date": "2022-03-02"}])
    _jsonl(corpus / "other.jsonl", [{"id": "o1", "text": SAID}])
    (corpus / "manifest.csv").write_text("file,outlet,date\nwire.jsonl,Wire Service,2022-03-01\n", encoding="utf-8")
    code, out, err = run_cli("quotes", str(corpus), "--jobs", "1")
    assert code == 0
    got = {(r["doc_id"], r["outlet"], r["date"]) for r in parse_csv(out)}
    assert got == {("w1", "Wire Service", "2022-03-01"), ("w2", "Own Outlet", "2022-03-02"), ("o1", "o1", "")}
    assert "no row" not in err  # a record file names its outlets itself: it needs no row


def test_dask_reads_manifests_and_aliases_as_a_local_run_does(tmp_path: Path) -> None:
    import pytest

    pytest.importorskip("dask.distributed")
    docs, manifest = _folder_with_manifest_above(tmp_path)
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("Smith,John Smith\n", encoding="utf-8")
    args = ("quotes", str(docs), "--manifest", str(manifest), "--aliases", str(aliases))
    code, dask_out, dask_err = run_cli(*args, "--engine", "dask", "--jobs", "2")
    assert code == 0, dask_err
    _, local_out, local_err = run_cli(*args, "--jobs", "1")
    assert dask_out == local_out and "John Smith" in dask_out and "Outlet One" in dask_out
    assert [line for line in dask_err.splitlines() if "warning" in line] == \
        [line for line in local_err.splitlines() if "warning" in line]
    code, out, err = run_cli(*args, "--strict", "--engine", "dask", "--jobs", "2")
    assert code == 1 and not out and "--strict" in err and "003.txt" in err
