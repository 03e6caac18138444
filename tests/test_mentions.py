"""The fast paths of the entity scan give what the plain regular expressions they stand for give."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quoteframe.lexicon import load_lexicons
from quoteframe.mentions import (
    PREV_WORD_RE,
    PROPER_RE,
    RunSplitter,
    _has_whole_word,
    _may_follow_org_role,
    _word_before,
)

pieces = st.sampled_from(["former", "ex", "the", "protest", "group", "President", "Sen.", "Oyan", "said", "x",
                          " ", "  ", "\n", "-", "(", "’", "'", ",", ";", "é", "_", "9", "a" * 41])
texts = st.lists(pieces, max_size=30).map("".join)


@settings(max_examples=500, deadline=None)
@given(texts, st.data())
def test_word_before_is_the_regex_search(text: str, data: st.DataObject) -> None:
    starts = [p for p in range(2, len(text) + 1) if text[p - 1] == " " and "a" <= text[p - 2] <= "z"]
    for pos in data.draw(st.lists(st.sampled_from(starts), max_size=5)) if starts else []:
        found = PREV_WORD_RE.search(text, max(0, pos - 40), pos)
        assert _word_before(text, pos) == (found.group(1) if found else None)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(pieces, st.sampled_from(["Tokayev", "U.S.", "Ministry’s", "al-Assad"])), max_size=30)
       .map("".join))
def test_proper_words_regex_gives_back_nothing_it_could_use(text: str) -> None:
    plain = re.compile(r"\b[a-z][\w’'\-]*[,;]? ([A-Z][\w’'\-.]*)")
    assert PROPER_RE.findall(text) == plain.findall(text)


def test_an_organisation_word_before_a_title_describes_the_title() -> None:
    from quoteframe.lexicon import load_lexicons
    from quoteframe.mentions import RunSplitter

    split = RunSplitter(load_lexicons())
    assert split("House Speaker Paul Ryan".split())[1:] == (["Paul", "Ryan"], "")
    assert split("Senate Judiciary Committee Chairman Chuck Grassley".split())[1:] == (["Chuck", "Grassley"], "")
    assert split("Army Lt. Gen. Mick Bednarek".split())[1:] == (["Mick", "Bednarek"], "")
    # ... while one after the title, or "of" between them, names an organisation
    assert split("Office of Chief Counsel".split()) == ([], [], "Office of Chief Counsel")
    assert split("President Tokayev Institute".split()) == ([], [], "President Tokayev Institute")


@settings(max_examples=500, deadline=None)
@given(texts, st.sampled_from(["said", "group", "x", "é", "a_b", "9", "oyan", "i̇", "ﬁ", "ex"]))
def test_whole_word_test_is_the_regex_search(text: str, word: str) -> None:
    assert _has_whole_word(text, word) == (re.search(r"\b" + re.escape(word) + r"\b", text) is not None)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(pieces, st.sampled_from(["ministry ", "the party ", "an ad ", "agency", "Iran"])),
                max_size=30).map("".join))
def test_org_role_test_tries_only_the_terms_it_needs(text: str) -> None:
    lex = load_lexicons()
    for pos in range(len(text) + 1):
        every_term = pos >= 2 and text[pos - 1] == " " and text.endswith(lex.org_roles, 0, pos - 1)
        assert _may_follow_org_role(text, pos, lex.org_role_tails) == every_term


def test_run_splits_are_the_same_from_a_memo_that_fills_up_and_starts_again(monkeypatch: pytest.MonkeyPatch) -> None:
    lex = load_lexicons()
    runs = [["President", "Joe", "Biden"], ["Interior", "Ministry"], ["Mr", "Xi"], ["The", "Kremlin"],
            ["Sen.", "Ann", "Lee"], ["Bank", "of", "Ruritania"], ["Kazakh", "President", "Ann", "Tokayeva"]]
    plain = [RunSplitter(lex)._split(words) for words in runs]
    monkeypatch.setattr(RunSplitter, "MEMO_LIMIT", 3)
    lex.run_splits.clear()
    splitter = RunSplitter(lex)
    assert [splitter(words) for words in runs * 3] == plain * 3
    assert len(lex.run_splits) <= 3


@pytest.mark.parametrize("words, name", [
    # a compound common noun a sentence's start capitalised describes the person, no part of the name
    (["Short-seller", "Dana", "Holt"], ["Dana", "Holt"]),
    (["Co-anchor", "Rita", "Moss"], ["Rita", "Moss"]),
    # a person's name, then the body they are of
    (["Bernard", "Wood", "of", "Eastfield", "University"], ["Bernard", "Wood"]),
    # a body's own head word before "of": the body
    (["Bank", "of", "England"], []),
    (["Ministry", "of", "Defence"], []),
])
def test_run_split_keeps_descriptions_and_bodies_out_of_names(words: list[str], name: list[str]) -> None:
    lex = load_lexicons()
    assert RunSplitter(lex)(words)[1] == name


def test_a_participles_compound_before_a_place_leaves_no_person_named_for_the_place() -> None:
    # (Communist-ruled East Germany: the compound describes the place; "East Germany" is no person)
    assert RunSplitter(load_lexicons())(["Communist-ruled", "East", "Germany"])[1] != ["East", "Germany"]


def test_a_short_name_defined_in_brackets_stands_for_the_full_name() -> None:
    from quoteframe.mentions import acronyms
    text = "Article 2 of the Northern Fisheries Accord (Accord) sets the quotas. The Accord defines them."
    assert acronyms(text)["Accord"] == "Northern Fisheries Accord"
