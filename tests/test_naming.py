"""One person, one canonical name: how English news writes one person's name several ways, through the real
CLI on invented articles, and the devcoverage floor (one canonical name per leader per event)."""

from __future__ import annotations

from pathlib import Path

import pytest

from quoteframe.names import canonical_names, fold, name_key
from tests.conftest import ROOT, parse_csv, run_cli

DEVCOVERAGE = ROOT.parent / "shared" / "devcoverage"


def speakers(tmp_path: Path, docs: dict[str, str]) -> dict[str, list[str]]:
    """The canonical speaker of every quotation, by document, from ``quoteframe quotes`` over ``docs``."""
    for name, text in docs.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    code, out, err = run_cli("quotes", str(tmp_path), "--jobs", "1", "--quiet")
    assert code == 0, err
    found: dict[str, list[str]] = {name: [] for name in docs}
    for row in parse_csv(out):
        found[row["doc_id"]].append(row["speaker"])
    return found


def test_british_honorifics_without_a_full_stop_are_titles(tmp_path: Path) -> None:
    got = speakers(tmp_path, {
        "a": "Opposition leader Harriet Quayle spoke in Leeds on Monday.\n\n“We will win back the north,” Mrs Quayle said.",
        "b": "“The figures do not add up,” Dr Quayle told the BBC.",
        "c": "Sir Malcolm Penhale, the former envoy, was blunt.\n\n“It is a disgrace,” Sir Malcolm Penhale said.\n\n"
             "“Nobody listened,” Mr Penhale added.",
    })
    assert got["a"] == ["Harriet Quayle"] and got["b"] == ["Harriet Quayle"]
    assert got["c"] == ["Malcolm Penhale", "Malcolm Penhale"]


def test_a_family_name_written_first_is_the_person_in_the_text_and_across_outlets(tmp_path: Path) -> None:
    got = speakers(tmp_path, {
        "a": "Chinese President Wu Zhenhai opened the congress on Sunday.\n\n“The wheels of history turn,” Wu said.\n\n"
             "“Our soldiers are loyal,” Mr Wu added.",
        "b": "“We stand with our friends,” Mr Wu said on Monday.\n\n“Discipline is strength,” Wu said.",
        "c": "Under Wu, the party has tightened its grip. “Order comes first,” Wu told delegates.",
    })
    assert got["a"] == got["b"] == ["Wu Zhenhai", "Wu Zhenhai"]
    assert got["c"] == ["Wu Zhenhai"]  # "Under Wu" is no name


def test_two_people_sharing_a_family_name_stay_apart(tmp_path: Path) -> None:
    got = speakers(tmp_path, {
        "a": "“The harvest was good,” said Wu Zhenhai, the farm minister.",
        "b": "“Exports will rise,” said Wu Lifen, the trade minister.",
        "c": "“Prices are stable,” Mr Wu said.",  # which Wu? neither
        "d": "“We will see,” said Tom Harlan.\n\n“Maybe,” Harlan added.",
        "e": "“I voted early,” said Tom, a plumber who gave only his first name.",
    })
    assert got["a"] == ["Wu Zhenhai"] and got["b"] == ["Wu Lifen"] and got["c"] == ["Wu"]
    assert got["d"] == ["Tom Harlan", "Tom Harlan"] and got["e"] == ["Tom"]  # Harlan stands alone: Tom is someone else


def test_a_possessor_or_a_title_residue_is_no_part_of_the_name(tmp_path: Path) -> None:
    got = speakers(tmp_path, {
        "a": "Norland’s Valentinov warned on Friday of “grave consequences”, he said.",
        "b": "President of the Republic Aidar Kemelbekov addressed the nation.\n\n“We will not retreat,” Mr Kemelbekov said.",
        "c": "“The vote was fair,” Aidar Kemelbekov told reporters.",
        "d": "“We are ready,” said Boris Valentinov, the defence minister.",
    })
    assert got["a"] == got["d"] == ["Boris Valentinov"]
    assert got["b"] == got["c"] == ["Aidar Kemelbekov"]


def test_transliterations_that_differ_by_i_y_doubled_letters_a_hyphen_or_a_space() -> None:
    assert fold("Dmitri") == fold("Dmitry") == fold("Dmitriy") == fold("Dmitrii")
    assert fold("Sergei") == fold("Sergey") and fold("Aleksei") == fold("Alexey")
    assert fold("Smith") != fold("Smyth")  # inside a word i/y is a real difference
    got = canonical_names(["Kim Jong Un", "Kim Jong-un", "Kim Jong-un", "Kim", "Ban Ki-moon", "Ban Ki Moon", "Ban",
                           "Kassym-Jomart Tokayev", "Kassym Jomart Tokayev", "Kasym-Jomart Tokaev", "Toqaev"],
                          titled={"Kim", "Ban"})  # Mr Kim, Secretary-General Ban somewhere in the corpus
    assert got["Kim Jong Un"] == got["Kim"] == "Kim Jong-un"
    assert got["Ban Ki Moon"] == got["Ban"] == got["Ban Ki-moon"]
    assert len({got[n] for n in ["Kassym-Jomart Tokayev", "Kassym Jomart Tokayev", "Kasym-Jomart Tokaev", "Toqaev"]}) == 1


def test_particles_suffixes_and_patronymics() -> None:
    assert name_key("Bashar al-Assad") == name_key("Bashar Assad") and name_key("von der Leyen")[1] == name_key("Leyen")[1]
    assert name_key("Van Jones") == (("van",), "jones")  # a capitalised particle opening a name is a given name
    got = canonical_names(["Bashar al-Assad", "Assad", "Ursula von der Leyen", "von der Leyen", "Joseph R. Murray II",
                           "Murray", "I", "Mohammed bin Rashid", "Rashid"])
    assert got["Assad"] == "Bashar al-Assad" and got["von der Leyen"] == "Ursula von der Leyen"
    assert got["Murray"] == "Joseph R. Murray II" and got["I"] == "I"
    assert got["Rashid"] == "Rashid"  # a father's name is no surname


def test_family_name_first_is_no_guess_about_roles_or_shared_names() -> None:
    got = canonical_names(["Xu Wenli", "Xu", "Xu Wen", "father", "Father Tomas Brenner", "Lena", "Lena Hart", "Hart",
                           "Democrat Lena Hart", "Lena Hart", "former top aide", "top aide", "Tom", "Tom Harlan",
                           "Ngo", "Ngo Van Binh"], titled={"Xu", "father", "Lena", "Ngo"})
    assert got["Ngo"] == "Ngo Van Binh"  # Mr Ngo: a family name written first
    assert got["Tom"] == "Tom"  # never written after a title: a first name, not a family name
    assert got["Xu"] == "Xu"  # two people open with Xu
    assert got["father"] == "father"  # a role phrase names no one by its first word
    assert got["Lena"] == "Lena" and got["Hart"] == got["Democrat Lena Hart"] == "Lena Hart"
    assert got["former top aide"] == "former top aide"


@pytest.mark.skipif(not DEVCOVERAGE.is_dir(), reason="../shared/devcoverage is not beside the project")
def test_devcoverage_each_leader_has_one_canonical_name() -> None:
    code, out, err = run_cli("evaluate", str(ROOT / "seeds"), "--devcoverage", str(DEVCOVERAGE), "--format", "csv", "--quiet")
    assert code == 0, err
    leaders = [r for r in parse_csv(out) if r["measure"].startswith("leader names")]
    assert len(leaders) == 2
    for row in leaders:
        assert row["predicted"] == "1", row


def test_one_name_per_organisation_across_possessive_of_demonym_and_acronym() -> None:
    """China's Communist Party, the Communist Party of China, the Chinese Communist Party and CCP/CPC are one
    organisation; a bare "Communist Party" may be any country's and stays apart, as a bare "Foreign Ministry"
    does, and one-word rests are no acronym's."""
    from quoteframe.lexicon import load_gazetteer, shipped_dir
    from quoteframe.orgnames import org_names

    places = load_gazetteer(shipped_dir())
    got = org_names(["China's Communist Party", "Communist Party of China", "Communist Party of China",
                     "Chinese Communist Party", "CCP", "CPC", "Communist Party", "Foreign Ministry",
                     "Russian Foreign Ministry", "Foreign Ministry of Russia", "US State Department",
                     "United States' State Department", "European Union", "EU", "FM", "Ministry of Defence",
                     "UK Ministry of Defence", "MOD"], places)
    party = {got[n] for n in ("China's Communist Party", "Communist Party of China", "Chinese Communist Party", "CCP", "CPC")}
    assert party == {"Communist Party of China"}  # the most frequent spelling
    assert got["Communist Party"] == "Communist Party" and got["Foreign Ministry"] == "Foreign Ministry"
    assert got["Russian Foreign Ministry"] == got["Foreign Ministry of Russia"] != "Foreign Ministry"
    assert got["US State Department"] == got["United States' State Department"]
    assert got["EU"] == "European Union"
    assert got["FM"] == "FM"  # spells both foreign ministries (the bare one may be any country's): ambiguous
    assert got["MOD"] == "MOD"  # two organisations (Ministry of Defence, the UK's) spell MOD: ambiguous


def test_organisation_names_meet_in_the_quotes_table(tmp_path: Path) -> None:
    from tests.conftest import parse_csv, run_cli

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("Congress\n\n“The road ahead is long,” China's Communist Party said in a statement.\n",
                                encoding="utf-8")
    (docs / "b.txt").write_text("Congress\n\n“We will prevail,” the Communist Party of China said on Sunday.\n",
                                encoding="utf-8")
    (docs / "c.txt").write_text("Congress\n\n“Unity is strength,” the Communist Party of China said.\n", encoding="utf-8")
    code, out, err = run_cli("quotes", str(docs))
    assert code == 0, err
    assert {r["speaker"] for r in parse_csv(out)} == {"Communist Party of China"}
