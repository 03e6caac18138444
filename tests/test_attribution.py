"""Attribution patterns of English news, on sentences written for these tests (not from the seeds)."""

from __future__ import annotations

import pytest

from quoteframe.quotes import QuoteExtractor, canonicalise
from quoteframe.records import Document

EXTRACTOR = QuoteExtractor()


def attribute(text: str) -> list[tuple[str, str, str]]:
    rows = canonicalise(EXTRACTOR.extract(Document("t", text)).quotes)
    return [(q.kind, q.speaker, q.speaker_mention) for q in rows]


@pytest.mark.parametrize("text, expected", [
    ('"We will not resign," Prime Minister Ana Brnabic said on Monday.', ("direct", "Ana Brnabic", "Prime Minister Ana Brnabic")),
    ('“The vote was rigged,” said Sen. Maria Lopez (D-N.M.), who chairs the panel.', ("direct", "Maria Lopez", "Sen. Maria Lopez")),
    ("Said Mr. Okafor: “Nobody asked us.”", ("direct", "Okafor", "Mr. Okafor")),
    ("“Why should we pay?” the mayor asked reporters.", ("direct", "mayor", "the mayor")),
    ("The Health Ministry called the figures “grossly exaggerated.”", ("partial", "Health Ministry", "Health Ministry")),
    ("“It is over,” according to a statement from the Defense Ministry.", ("direct", "Defense Ministry", "Defense Ministry")),
    ("Some chanted “Freedom now!” as police watched.", ("direct", "", "Some")),
])
def test_common_patterns(text: str, expected: tuple[str, str, str]) -> None:
    assert attribute(text)[0] == expected


def test_pronoun_resolves_to_the_previous_subject_and_role_to_the_titled_person() -> None:
    text = ("President Maia Sandu of Moldova spoke on Friday.\n\n"
            "“We will not be intimidated,” she said.\n\n"
            "The president later called the protests “a provocation.”")
    assert [s for _, s, _ in attribute(text)] == ["Maia Sandu", "Maia Sandu"]


def test_glossed_group_name_and_relay_by_a_broadcaster() -> None:
    text = ("The youth movement Jana Tolqyn, Almaty (New Wave, Almaty) issued a statement.\n\n"
            "The movement said it wanted “a peaceful transition.”\n\n"
            "City officials said roads were closed and warned drivers that “checkpoints remain in force,” state radio reported.")
    speakers = [s for _, s, _ in attribute(text)]
    assert speakers == ["Jana Tolqyn, Almaty", "City officials"]


def test_acronym_speaks_with_its_full_name() -> None:
    text = ("The World Health Organization (WHO) met in Geneva.\n\n"
            "The WHO said the outbreak was “under control.”")
    assert attribute(text)[0][1] == "World Health Organization"


def test_unresolvable_speaker_stays_empty_and_scare_quotes_have_none() -> None:
    rows = attribute("The so-called “reforms” changed little. “This is nothing new,” she said.")
    assert rows[0] == ("scare", "", "")
    assert rows[1][1] == "" and rows[1][2] == "she"


def test_colon_lead_in_longer_than_the_quotation_frame() -> None:
    # the cue's token positions belong to the lead-in paragraph, which has more tokens than the frame of
    # the quotation: they used to be read against the quotation's own tokens (an IndexError)
    text = ("Officials gave a long and detailed briefing on Monday, and after many questions from reporters "
            "the chief negotiator Ivan Petrenko said:\n\n“No.”\n\nThe talks resume on Friday.")
    assert attribute(text) == [("direct", "Ivan Petrenko", "Ivan Petrenko")]


@pytest.mark.parametrize("text", ["The minister said: “No.”", "The minister said:\n\n“Never.”"])
def test_a_colon_after_the_cue_introduces_a_direct_quotation_however_short(text: str) -> None:
    assert attribute(text)[0][:2] == ("direct", "minister")
