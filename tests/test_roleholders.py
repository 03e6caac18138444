"""Roles left unresolved in one document, resolved by who holds the title across the corpus (invented text)."""

from __future__ import annotations

from quoteframe.quotes import QuoteExtractor, canonicalise
from quoteframe.records import Document
from quoteframe.roleholders import mention_titles, role_phrase, shipped_role_words

EXTRACTOR = QuoteExtractor()


def speakers(*texts: str) -> list[tuple[str, str]]:
    quotes = [q for k, text in enumerate(texts) for q in EXTRACTOR.extract(Document(f"d{k}", text)).quotes]
    return [(q.doc_id, q.speaker) for q in canonicalise(quotes)]


def test_a_title_one_person_holds_in_the_corpus_names_that_person() -> None:
    first = "Danish Chancellor Anna Weber spoke on Monday. “We are ready,” Weber said.\n"
    second = ("Weber addressed the nation on television.\n\n"
              "“The situation is serious,” the Chancellor said.\n")
    assert speakers(first, second) == [("d0", "Anna Weber"), ("d1", "Anna Weber")]


def test_a_title_two_people_hold_stays_a_role() -> None:
    first = ("President Anna Weber of Denmark spoke on Monday. “We are ready,” Weber said.\n\n"
             "President Tom Kuria of Kenya replied. “So are we,” Kuria said.\n")
    second = "Crowds gathered in the square.\n\n“The situation is serious,” the president said.\n"
    assert speakers(first, second)[-1] == ("d1", "president")


def test_a_country_in_the_role_keeps_only_that_countrys_holder() -> None:
    first = ("Danish President Anna Weber spoke on Monday. “We are ready,” Weber said.\n\n"
             "Kenyan President Tom Kuria replied. “So are we,” Kuria said.\n")
    second = "Crowds gathered in the square.\n\n“The situation is serious,” the Kenyan president said.\n"
    assert speakers(first, second)[-1] == ("d1", "Tom Kuria")


def test_what_a_role_phrase_and_a_titled_mention_are() -> None:
    words = shipped_role_words()
    assert role_phrase("German Chancellor", words) == ("chancellor", frozenset({"germa"}))
    assert role_phrase("Prime Minister", words) == ("premier", frozenset())
    assert role_phrase("deputy minister", words) is None
    assert role_phrase("Anna Weber", words) is None
    assert mention_titles("German Chancellor Anna Weber", "Anna Weber", words) == ({"chancellor"}, frozenset({"germa"}))
    assert mention_titles("former President Anna Weber", "Anna Weber", words) == (set(), frozenset())


def test_an_indefinite_role_is_nobody_the_corpus_names() -> None:
    first = "Party spokesperson Ros Beaton spoke on Monday. “We are ready,” said spokesperson Ros Beaton.\n"
    second = "The shop will close.\n\nA spokesperson for the company said the rent “was too high”.\n"
    assert speakers(first, second)[-1] == ("d1", "spokesperson")
