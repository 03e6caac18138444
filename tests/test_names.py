"""names.fold skips rules that cannot apply; the key is the one every rule applied in turn gives."""

from __future__ import annotations

import re

from anyascii import anyascii
from hypothesis import given, settings
from hypothesis import strategies as st

from quoteframe.names import _NOT_LETTER, _RULES, _SPACES, canonical_names, fold


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


def canonical_names_by_every_pair(names: list[str]) -> dict[str, str]:
    """The clustering ``canonical_names`` does through its index, done by testing every member of every
    cluster: the specification the indexed version must reproduce."""
    from collections import Counter, defaultdict

    from quoteframe.names import _compatible, _parts

    votes = Counter(n for n in names if n)
    by_surname: dict[str, list[str]] = defaultdict(list)
    for name in sorted(votes):
        by_surname[_parts(fold(name))[1]].append(name)
    result = {}
    for group in by_surname.values():
        clusters: list[list[str]] = []
        for name in sorted(group, key=lambda n: (-len(fold(n).split()), n)):
            given = " ".join(_parts(fold(name))[0])
            home = [c for c in clusters if all(_compatible(given, " ".join(_parts(fold(m))[0])) for m in c)]
            if len(home) == 1 or (home and given):
                home[0].append(name)
            else:
                clusters.append([name])
        for cluster in clusters:
            full = [n for n in cluster if len(n.split()) > 1] or cluster
            best = max(full, key=lambda n: (votes[n], len(n), [-ord(c) for c in n]))
            for name in cluster:
                result[name] = best
    return result


def test_canonical_names_examples() -> None:
    names = ["Kassym-Jomart Tokayev", "Tokayev", "Qasym-Jomart Toqaev", "Tokayev", "Vladimir Putin", "Putin",
             "Jen Psaki", "J. Psaki", "John Smith", "Jane Smith", "Smith", "John M. Smith"]
    got = canonical_names(names)
    assert got["Qasym-Jomart Toqaev"] == got["Tokayev"] == "Kassym-Jomart Tokayev"
    assert got["Putin"] == "Vladimir Putin" and got["J. Psaki"] == "Jen Psaki"
    assert got["John M. Smith"] == got["John Smith"] != got["Jane Smith"]
    assert got["Smith"] == "Smith"  # two Smiths: a bare surname names neither
    assert got == canonical_names_by_every_pair(names)


# given names drawn from few letters, so prefixes, initials and shared surnames are common
_GIVEN = st.text(alphabet="jJoOhnaAm. ", min_size=0, max_size=8)
_SURNAME = st.sampled_from(["Smith", "Smyth", "Tokayev", "Toqaev", "Kim", "Kimm", "Li"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_GIVEN, _SURNAME), max_size=40))
def test_canonical_names_equal_every_pair_clustering(pairs: list[tuple[str, str]]) -> None:
    names = [f"{g.strip()} {s}".strip() for g, s in pairs]
    assert canonical_names(names) == canonical_names_by_every_pair(names)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aabbs -\n")), max_size=25))
def test_doubled_letters_rule_is_the_back_reference_one(text: str) -> None:
    pattern, repl, _ = _RULES[-1]
    assert pattern.sub(repl, text) == re.sub(r"(.)\1+", r"\1", text)
