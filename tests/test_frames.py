"""Framing terms by outlet and voice, and the log-odds statistics behind the z column."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from quoteframe.frames import FrameLexicon
from quoteframe.stats import log_odds_z
from tests.conftest import SEEDS, parse_csv, run_cli


def test_inflections_multiword_terms_and_longest_match() -> None:
    lex = FrameLexicon.load()
    text = ("Terrorists and a terrorist's gang; riot participants and terrorist attacks, "
            "an anti-terrorist operation, and the protesters' demands. Protestations are not protests.")
    hits = [(text[s:e], term) for s, e, term in lex.find(text)]
    assert ("Terrorists", "terrorist") in hits
    assert ("terrorist's", "terrorist") in hits
    assert ("riot participants", "riot participant") in hits
    assert ("terrorist attacks", "terrorist attack") in hits
    assert ("anti-terrorist operation", "anti-terrorist operation") in hits
    assert ("protesters'", "protester") in hits
    assert ("protests", "protest") in hits
    assert not any(surface == "Protestations" for surface, _ in hits)
    assert not any(term == "terrorist" and surface.startswith("terrorist attack") for surface, term in hits)


def test_voice_follows_the_quotation_rows() -> None:
    _, out, _ = run_cli("frames", str(SEEDS), "--hits", "--jobs", "1")
    hits = parse_csv(out)
    jurist = [h for h in hits if h["outlet"] == "JURIST"]
    # JURIST: "terrorists" only inside Tokayev's words; "protestors" in its own voice
    assert {h["voice"] for h in jurist if h["term"] == "terrorist"} == {"quoted"}
    assert {h["speaker"] for h in jurist if h["term"] == "terrorist"} == {"Kassym-Jomart Tokayev"}
    assert {h["voice"] for h in jurist if h["term"] == "protestor"} == {"own"}
    # scare quotes: The Washington Post's first "peacekeeping" troops
    wapo = [h for h in hits if h["outlet"] == "The Washington Post" and h["term"] == "peacekeeping"]
    assert [h["voice"] for h in wapo] == ["scare"]


def test_table_columns_and_rates(tmp_path: Path) -> None:
    _, out, _ = run_cli("frames", str(SEEDS), "--jobs", "1")
    rows = parse_csv(out)
    assert list(rows[0]) == ["outlet", "term", "category", "voice", "count", "rate", "z"]
    assert all(r["voice"] in {"own", "quoted", "scare"} for r in rows)
    _, cat, _ = run_cli("frames", str(SEEDS), "--jobs", "1", "--by", "category")
    cats = parse_csv(cat)
    # category counts are the sums of term counts
    for outlet in {r["outlet"] for r in rows}:
        total_terms = sum(int(r["count"]) for r in rows if r["outlet"] == outlet)
        assert total_terms == sum(int(r["count"]) for r in cats if r["outlet"] == outlet)


def test_log_odds_z_signs_and_shrinkage() -> None:
    counts = {"a": Counter({"thug": 30, "protester": 5}), "b": Counter({"thug": 2, "protester": 40})}
    totals = {"a": 10000, "b": 10000}
    z = log_odds_z(counts, totals, prior=100.0)
    assert z[("a", "thug")] > 1.96 and z[("b", "thug")] < -1.96
    assert abs(z[("a", "thug")] + z[("b", "thug")]) < 1e-9  # two groups: symmetric
    small = log_odds_z({"a": Counter({"thug": 2}), "b": Counter({"thug": 1})}, totals, prior=100.0)
    assert abs(small[("a", "thug")]) < 1.96  # two against one is not a real difference


def test_user_lexicon_adds_terms_and_bad_rows_are_named(tmp_path: Path) -> None:
    extra = tmp_path / "extra.csv"
    extra.write_text("# my terms\nterm,category\nhooligan,delegitimising\n", encoding="utf-8")
    doc = tmp_path / "d.txt"
    doc.write_text("Police said the hooligans were “thugs” and the hooligan fled.\n", encoding="utf-8")
    _, out, _ = run_cli("frames", str(doc), "--hits", "--lexicon", str(extra), "--jobs", "1")
    assert sum(1 for h in parse_csv(out) if h["term"] == "hooligan") == 2
    bad = tmp_path / "bad.csv"
    bad.write_text("term,category\nhooligan,delegitimising,extra\n", encoding="utf-8")
    code, _, err = run_cli("frames", str(doc), "--lexicon", str(bad), "--jobs", "1")
    assert code == 1 and f"{bad}: line 2: expected 2 fields, got 3" in err


def test_negative_z_scores_stay_numbers() -> None:
    _, out, _ = run_cli("frames", str(SEEDS), "--jobs", "1")
    zs = [r["z"] for r in parse_csv(out)]
    assert any(z.startswith("-") for z in zs)
    assert all(float(z) == float(z) for z in zs)  # parseable: no formula guard on numbers


def test_frames_match_the_hand_count_exactly() -> None:
    """tests/gold/frames.csv: actor labels of the seeds counted by outlet and voice."""
    from tests.conftest import GOLD

    with open(GOLD / "frames.csv", encoding="utf-8", newline="") as fh:
        gold = {(r["outlet"], r["term"], r["voice"]): int(r["count"])
                for r in __import__("csv").DictReader(line for line in fh if not line.startswith("#"))}
    terms = {t for _, t, _ in gold}
    _, out, _ = run_cli("frames", str(SEEDS), "--jobs", "1")
    got = {(r["outlet"], r["term"], r["voice"]): int(r["count"]) for r in parse_csv(out) if r["term"] in terms}
    assert got == gold
