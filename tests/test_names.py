"""names.fold skips rules that cannot apply; the key is the one every rule applied in turn gives."""

from __future__ import annotations

from anyascii import anyascii
from hypothesis import given, settings
from hypothesis import strategies as st

from quoteframe.names import _NOT_LETTER, _RULES, _SPACES, fold


def fold_every_rule(name: str) -> str:
    text = (name if name.isascii() else anyascii(name)).lower()
    text = _SPACES.sub(" ", _NOT_LETTER.sub("", text)).strip()
    for pattern, repl, _ in _RULES:
        text = pattern.sub(repl, text)
    return text


def test_fold_examples() -> None:
    assert fold("Qasym-Zhomart Toqaev") == fold("Kassym-Jomart Tokayev")
    for name in ["Trump", "Dmitriy Peskov", "Nazarbayev", "Phillips", "O'Rourke", "Kazakhstan’s", "Łukasz", "Токаев", ""]:
        assert fold(name) == fold_every_rule(name)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abcdehijkloqsuwyzACDJKQWYZ -'’.é中Д\t")), max_size=25))
def test_fold_matches_every_rule(name: str) -> None:
    assert fold(name) == fold_every_rule(name)
