"""frames --discover (every term by outlet and voice), per-voice z and rates of the frames table, lexicon sets.

The small corpus is written here (invented sentences): two outlets, one article each, with quotations
and a scare quote, so every count below can be checked by reading the text.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from quoteframe.discover import TermCounter, TermCounts, discover_table
from quoteframe.quotes import QuoteExtractor
from quoteframe.records import DocResult, Document
from tests.conftest import SEEDS, parse_csv, run_cli

ALPHA = ("Rebels shelled the villages on Monday. Rebels advanced again. The rebels retreated.\n\n"
         "“The terrorists must be destroyed,” the general said. “We will hunt the terrorists,” he added, "
         "calling them “terrorists who hide”.\n")
BETA = ("Separatists shelled the villages on Monday. Separatists advanced again. Rebels fled.\n\n"
        "“Our fighters are defending their homes,” the commander said. The separatists' raid was called “liberation”.\n")
# (a passive label with no agent: the outlet's own scare quote; "The separatists called the raid “…”" would
# be the separatists' words, a partial quotation)


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(ALPHA, encoding="utf-8")
    (tmp_path / "b.txt").write_text(BETA, encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("file,outlet\na.txt,Alpha\nb.txt,Beta\n", encoding="utf-8")
    return tmp_path


def _rows(*args: str) -> dict[tuple[str, str, str], dict[str, str]]:
    code, out, err = run_cli("frames", *args, "--jobs", "1")
    assert code == 0, err
    return {(r["outlet"], r["term"], r["voice"]): r for r in parse_csv(out)}


def test_z_matches_a_hand_computation(corpus: Path) -> None:
    rows = _rows(str(corpus), "--discover", "--prior", "10")
    # own voice, words (stop words out): Alpha rebels x3, shelled, villages, monday, advanced, retreated,
    # general, said, added, calling = 12; Beta separatists x3, shelled, villages, monday, advanced, rebels,
    # fled, commander, said, called, raid = 13. "rebels": 3 of Alpha's 12, 1 of Beta's 13; a_w = 10 * 4/25
    a = 10 * 4 / 25
    z = (math.log((3 + a) / (12 + 10 - 3 - a)) - math.log((1 + a) / (13 + 10 - 1 - a))) / math.sqrt(1 / (3 + a) + 1 / (1 + a))
    r = rows[("Alpha", "rebels", "own")]
    assert r["count"] == "3" and float(r["z"]) == pytest.approx(z, abs=1e-4)
    # rate: per 10,000 of Alpha's own words (19 words outside quotations, stop words included)
    assert float(r["rate"]) == pytest.approx(3 * 10000 / 19, abs=1e-4)
    # quoted voice: Alpha terrorists x3, destroyed, hunt, hide = 6; Beta fighters, defending, homes = 3
    a = 10 * 3 / 9
    z = (math.log((3 + a) / (6 + 10 - 3 - a)) - math.log((0 + a) / (3 + 10 - 0 - a))) / math.sqrt(1 / (3 + a) + 1 / a)
    r = rows[("Alpha", "terrorists", "quoted")]
    assert float(r["z"]) == pytest.approx(z, abs=1e-4)
    assert float(r["rate"]) == pytest.approx(3 * 10000 / 13, abs=1e-4)  # 13 words inside Alpha's quotations


def test_voices_are_kept_apart(corpus: Path) -> None:
    rows = _rows(str(corpus), "--discover", "--min-count", "1", "--top", "50")
    assert ("Alpha", "terrorists", "quoted") in rows and ("Alpha", "terrorists", "own") not in rows
    assert ("Beta", "liberation", "scare") in rows and ("Beta", "liberation", "own") not in rows
    assert ("Beta", "fighters", "quoted") in rows and ("Beta", "separatists", "own") in rows
    # stop words and phrases across punctuation or a quotation mark never become terms
    assert not any(t in {"the", "on", "again", "must"} for _, t, _ in rows)
    assert not any(t.startswith("the ") or t.endswith(" the") for _, t, _ in rows)
    alpha = _results([("Alpha", ALPHA)])[0].terms
    assert alpha.counts["own"]["general said"] == 1  # counted (a phrase of one document, not listed)
    assert not any(t.startswith("destroyed") and " " in t for c in alpha.counts.values() for t in c)  # quote ends
    assert "monday rebels" not in alpha.counts["own"] and "said added" not in alpha.counts["own"]
    # a phrase that occurs once in the corpus is not kept, even at --min-count 1
    assert ("Alpha", "rebels retreated", "own") not in rows
    assert ("Alpha", "shelled the villages", "own") in rows  # twice in the corpus, stop word inside
    # numbers are not words: "1,200" and "24th" are left out, and no phrase runs through them
    counter = TermCounter()
    terms, _ = counter.count("Some 1,200 troops crossed on the 24th day, troops crossed 3 rivers.", [])
    assert "1,200" not in terms.counts["own"] and "24th" not in terms.counts["own"]
    assert terms.counts["own"]["troops crossed"] == 2 and not any("rivers" in t and " " in t for t in terms.counts["own"])


def test_a_longer_phrase_takes_the_place_of_its_words(tmp_path: Path) -> None:
    text = "Guards shoot without warning. " * 3 + "Other guards wait."
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Guards wait quietly. Guards wait outside. Guards wait.", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("file,outlet\na.txt,A\nb.txt,B\n", encoding="utf-8")
    rows = _rows(str(tmp_path), "--discover")
    terms = {t for (o, t, _) in rows if o == "A"}
    assert "shoot without warning" in terms
    assert not terms & {"shoot", "warning", "shoot without", "without warning"}


def _results(texts: list[tuple[str, str]]) -> list[DocResult]:
    extractor, counter = QuoteExtractor(), TermCounter()
    out = []
    for i, (outlet, text) in enumerate(texts):
        doc = Document(f"d{i}", text, outlet)
        res = extractor.extract(doc)
        counter.annotate(doc, res)
        out.append(res)
    return out


def test_spilled_runs_merge_to_the_same_table_and_pruning_keeps_z(tmp_path: Path) -> None:
    texts = [(f"outlet{i % 3}", p.read_text(encoding="utf-8")) for i, p in enumerate(sorted(SEEDS.glob("*.txt")))]
    texts += [("outlet0", ALPHA), ("outlet1", BETA), ("outlet2", ALPHA)]
    results = _results(texts)
    held = discover_table(results, top=30, min_count=2)
    counts = TermCounts(spill_at=500)
    for res in results:
        counts.add(res)
    assert len(counts.runs) >= 3  # the counts went to disk in several sorted runs
    try:
        assert counts.rows(30, 2) == held  # exact: the same rows, counts and z
    finally:
        counts.close()
    few = TermCounts(spill_at=500, max_runs=2)  # runs merged into one whenever two are on disk
    for res in results:
        few.add(res)
    try:
        assert len(few.runs) <= 2 and few.rows(30, 2) == held
    finally:
        few.close()
    # pruning (a higher --min-count) drops rows but never changes the z of a term that stays
    pruned = discover_table(results, top=1000, min_count=4)
    full = {(r["outlet"], r["term"], r["voice"]): r["z"] for r in discover_table(results, top=1000, min_count=1)}
    assert pruned and all(int(str(r["count"])) >= 4 for r in pruned)
    assert all(full[(r["outlet"], r["term"], r["voice"])] == r["z"] for r in pruned)


def test_seeds_find_jurists_protestors_and_words_the_list_lacks() -> None:
    rows = _rows(str(SEEDS), "--discover")
    jurist_own = [t for (o, t, v) in rows if o == "JURIST" and v == "own"]
    assert "protestors" in jurist_own
    from quoteframe.frames import FrameLexicon

    listed = FrameLexicon.load().terms
    assert any(t not in listed and t.rstrip("s") not in listed for t in jurist_own)
    assert {r["voice"] for r in rows.values()} <= {"own", "quoted", "scare"}


def test_as_lexicon_reads_back(tmp_path: Path) -> None:
    lex = tmp_path / "found.csv"
    rows = _rows(str(SEEDS), "--discover", "--top", "5", "--as-lexicon", str(lex))
    text = lex.read_text(encoding="utf-8")
    assert text.startswith("#") and "term,category\n" in text
    written = parse_csv("".join(line for line in text.splitlines(keepends=True) if not line.startswith("#")))
    assert {r["term"] for r in written} == {t for (_, t, _) in rows}
    assert {r["category"] for r in written} == {"discovered"}
    code, out, err = run_cli("frames", str(SEEDS), "--jobs", "1", "--lexicon", str(lex), "--replace-lexicon", "--hits")
    assert code == 0, err
    found = {h["term"] for h in parse_csv(out)}
    assert found == {r["term"] for r in written}  # every discovered term is found again in the text
    assert {h["category"] for h in parse_csv(out)} == {"discovered"}


def test_discover_option_errors(corpus: Path) -> None:
    code, _, err = run_cli("frames", str(corpus), "--discover", "--hits")
    assert code == 2 and "--discover" in err
    code, _, err = run_cli("frames", str(corpus), "--top", "5")
    assert code == 2 and "go with --discover" in err
    bad = corpus / "stop.csv"
    bad.write_text("term\nrebels\n", encoding="utf-8")
    code, _, err = run_cli("frames", str(corpus), "--discover", "--stop-words", str(bad), "--jobs", "2")
    assert code == 1 and f"{bad}: line 1: header lacks word" in err  # before any worker starts


def test_discover_by_date_is_each_period_on_its_own(tmp_path: Path) -> None:
    """--by-date week: each week's rows are the rows --discover gives for that week's documents alone (its
    z against the other outlets of that week), with the week in a period column; an undated document is
    counted in period "" and said."""
    weeks = {"2022-01-03": [("a1", "Alpha", ALPHA), ("b1", "Beta", BETA)],
             "2022-01-12": [("a2", "Alpha", BETA), ("b2", "Beta", ALPHA.replace("Rebels", "Insurgents"))]}
    everything = tmp_path / "all"
    everything.mkdir()
    manifest = ["file,outlet,date"]
    for date, docs in weeks.items():
        alone = tmp_path / date
        alone.mkdir()
        for name, outlet, text in docs:
            for folder in (everything, alone):
                (folder / f"{name}.txt").write_text(text, encoding="utf-8")
            manifest.append(f"{name}.txt,{outlet},{date}")
        (alone / "manifest.csv").write_text("\n".join(["file,outlet,date", *manifest[-2:]]) + "\n",
                                            encoding="utf-8")
    (everything / "manifest.csv").write_text("\n".join(manifest) + "\n", encoding="utf-8")
    code, out, err = run_cli("frames", str(everything), "--discover", "--by-date", "week", "--min-count", "1",
                             "--top", "50", "--jobs", "1")
    assert code == 0, err
    split = parse_csv(out)
    assert {r["period"] for r in split} == {"2022-W01", "2022-W02"}
    for date, week in (("2022-01-03", "2022-W01"), ("2022-01-12", "2022-W02")):
        code, out, _ = run_cli("frames", str(tmp_path / date), "--discover", "--min-count", "1", "--top", "50",
                               "--jobs", "1")
        alone_rows = parse_csv(out)
        assert alone_rows and [{k: v for k, v in r.items() if k != "period"} for r in split if r["period"] == week] \
            == sorted(alone_rows, key=lambda r: (r["outlet"],))  # rows in (outlet, voice, z) order in both
    # Beta's "insurgents" exists only in week 2: its own-voice z there is against Alpha of week 2 alone
    assert any(r["term"] == "insurgents" and r["period"] == "2022-W02" for r in split)
    (everything / "c.txt").write_text(ALPHA, encoding="utf-8")
    code, out, err = run_cli("frames", str(everything), "--discover", "--by-date", "week", "--jobs", "1")
    assert code == 0 and "1 document has no date" in err
    assert "" in {r["period"] for r in parse_csv(out)}


def test_more_stop_words(corpus: Path, tmp_path: Path) -> None:
    extra = tmp_path / "mine.csv"
    extra.write_text("# outlet boilerplate\nword\nRebels\nmonday\n", encoding="utf-8")
    rows = _rows(str(corpus), "--discover", "--min-count", "1", "--top", "50", "--stop-words", str(extra))
    assert not any(t in {"rebels", "monday"} for _, t, _ in rows)
    assert ("Alpha", "shelled the villages", "own") in rows  # stop words may still sit inside a phrase


def test_frames_z_and_rate_are_per_voice(corpus: Path) -> None:
    rows = _rows(str(corpus), "--lexicon-set", "war", "--prior", "10")
    # quoted voice: terrorist x3 in Alpha's 13 quoted words, none in Beta's 6
    a = 10 * 3 / 19
    z = (math.log((3 + a) / (13 + 10 - 3 - a)) - math.log(a / (6 + 10 - a))) / math.sqrt(1 / (3 + a) + 1 / a)
    r = rows[("Alpha", "terrorist", "quoted")]
    assert r["category"] == "actor"
    assert float(r["z"]) == pytest.approx(z, abs=1e-4)
    assert float(r["rate"]) == pytest.approx(3 * 10000 / 13, abs=1e-4)
    # own voice: rebel 3 of Alpha's 19 own words, 1 of Beta's 19 (Beta's "liberation" is scare, not own)
    a = 10 * 4 / 38
    z = (math.log((3 + a) / (19 + 10 - 3 - a)) - math.log((1 + a) / (19 + 10 - 1 - a))) / math.sqrt(1 / (3 + a) + 1 / (1 + a))
    assert float(rows[("Alpha", "rebel", "own")]["z"]) == pytest.approx(z, abs=1e-4)
    # scare quotes: rate per 10,000 own words
    assert float(rows[("Beta", "liberation", "scare")]["rate"]) == pytest.approx(10000 / 19, abs=1e-4)


def test_seed_voices_have_their_own_z() -> None:
    rows = _rows(str(SEEDS))
    # Courthouse News Service has "terrorist" in its own voice and in quotations: two comparisons, two z
    own, quoted = rows[("Courthouse News Service", "terrorist", "own")], rows[("Courthouse News Service", "terrorist", "quoted")]
    assert own["z"] != quoted["z"] and own["rate"] != quoted["rate"]


def test_lexicon_sets(corpus: Path) -> None:
    rows = _rows(str(corpus), "--lexicon-set", "war")
    assert rows[("Beta", "separatist", "own")]["count"] == "3"
    assert ("Alpha", "terrorist", "quoted") in rows
    code, _, err = run_cli("frames", str(corpus), "--lexicon-set", "nosuch", "--jobs", "1")
    assert code == 1 and "no framing lexicon set 'nosuch'" in err and "war" in err and "migration" in err
    both = _rows(str(corpus), "--lexicon-set", "war", "--lexicon-set", "unrest")
    assert {t for _, t, _ in both} >= {t for _, t, _ in rows}
    code, _, err = run_cli("frames", str(corpus), "--lexicon-set", "war", "--replace-lexicon", "--lexicon", str(corpus / "manifest.csv"))
    assert code == 2


def test_discover_is_the_same_with_worker_processes(corpus: Path) -> None:
    one = run_cli("frames", str(SEEDS), str(corpus), "--discover", "--jobs", "1")
    two = run_cli("frames", str(SEEDS), str(corpus), "--discover", "--jobs", "2")
    assert one[0] == 0 and one[1] == two[1]


PUTIN = Path(__file__).resolve().parent.parent / ".." / "shared" / "devcoverage" / "putin-2022-02-24"


@pytest.mark.skipif(not (PUTIN / "manifest.csv").is_file(), reason="../shared/devcoverage is not here")
def test_devcoverage_state_media_against_the_others(tmp_path: Path) -> None:
    """On text the rules were not written for: state media (Xinhua, Press TV, teleSUR English) against the
    other 23 outlets, through a manifest of the two groups written to a scratch folder."""
    import csv

    state = {"Xinhua", "Press TV", "teleSUR English"}
    with open(PUTIN / "manifest.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    lines = ["file,outlet"] + [f"{r['file']},{'state' if r['outlet'] in state else 'other'}" for r in rows]
    groups = tmp_path / "groups.csv"
    groups.write_text("\n".join(lines) + "\n", encoding="utf-8")
    corpus = [str(PUTIN / "docs"), "--manifest", str(groups)]
    found = _rows(*corpus, "--discover")
    own = {t for (o, t, v) in found if o == "state" and v == "own"}
    assert {"donbass", "conflict"} <= own  # the Russian spelling and the neutral word, in their own voice
    assert ("state", "special military operation", "quoted") in found
    assert ("other", "war", "own") in found
    war = _rows(*corpus, "--lexicon-set", "war")
    assert int(war[("other", "special military operation", "quoted")]["count"]) >= 10
    assert int(war[("other", "war", "own")]["count"]) >= 5 and ("state", "war", "own") not in war


def test_discover_terms_from_python_gives_the_command_rows(corpus: Path) -> None:
    import quoteframe

    rows = quoteframe.discover_terms(corpus, min_count=1, top=50)
    assert rows.columns == ["outlet", "term", "voice", "count", "rate", "z"]
    cli = _rows(str(corpus), "--discover", "--min-count", "1", "--top", "50")
    assert {(r.outlet, r.term, r.voice): r.count for r in rows} == {k: int(v["count"]) for k, v in cli.items()}
    war = quoteframe.frame_counts(corpus, lexicon_sets=("war",))
    assert {(r.outlet, r.term, r.voice) for r in war} >= {("Beta", "separatist", "own"), ("Alpha", "terrorist", "quoted")}
