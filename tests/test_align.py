"""The drift aligner on sentences written for these tests (not from the seeds or MTRef)."""

from __future__ import annotations

from functools import partial

from quoteframe.align import AlignModel, WordAligner, anchors
from quoteframe.variants import Normaliser, Rendering, _keys
from quoteframe.wordnet import WordNet


def _r(text: str, norm: Normaliser) -> Rendering:
    r = Rendering("d", "o", "q", "s", 0, len(text), text)
    r.words = text.lower().split()
    r.stems = [norm.stem(w) for w in r.words]
    return r


def _aligner() -> tuple[WordAligner, Normaliser]:
    norm = Normaliser(WordNet(enabled=False))
    return WordAligner(partial(_keys, norm=norm)), norm


def test_drift_is_reported_as_phrases() -> None:
    aligner, norm = _aligner()
    a = _r("police will shoot and kill looters without warning", norm)
    b = _r("police will open fire to kill looters without warning", norm)
    assert aligner.drift(a, b) == [("shoot and", "open fire to", "substitute")]
    c = _r("police will kill looters", norm)
    assert aligner.drift(a, c) == [("shoot and", "", "delete"), ("without warning", "", "delete")]


def test_reordered_and_transliterated_words_are_linked() -> None:
    aligner, norm = _aligner()
    a = _r("yesterday the envoy ismayel met president mubarak in cairo", norm)
    b = _r("the envoy ismail met president mubarak in cairo yesterday", norm)
    links = aligner.links(a, b)
    assert (0, 8) in links  # yesterday moved to the end
    assert (3, 2) in links  # ismayel / ismail
    assert {(1, 0), (2, 1), (5, 4), (6, 5), (8, 7)} <= links


def test_links_do_not_depend_on_which_rendering_comes_first() -> None:
    aligner, norm = _aligner()
    a = _r("the senate is capable of reaching a just verdict based on the evidence", norm)
    b = _r("senate leaders said the senate could make an impartial ruling on the existing evidence", norm)
    assert aligner.links(a, b) == {(i, j) for j, i in aligner.links(b, a)}


def test_anchors_take_in_order_matches_then_unique_leftovers() -> None:
    assert anchors(["a", "b", "c", "x"], ["x", "a", "b", "c"]) == {(0, 1), (1, 2), (2, 3), (3, 0)}
    assert anchors(["the", "x", "the"], ["y", "the"]) == {(0, 1)}


def test_the_threshold_decides_how_many_links() -> None:
    aligner, norm = _aligner()
    a = _r("the minister announced new measures against the crisis on monday", norm)
    b = _r("on monday the minister unveiled fresh steps to fight the crisis", norm)
    m = aligner.model
    loose = WordAligner(aligner.keys, AlignModel(m.weights, m.bias, 0.05)).links(a, b)
    strict = WordAligner(aligner.keys, AlignModel(m.weights, m.bias, 0.95)).links(a, b)
    assert strict < aligner.links(a, b) <= loose
