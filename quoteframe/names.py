"""One canonical name per entity across a corpus, whatever the romanisation.

String similarity alone cannot tell a spelling variant from another person (Jaro-Winkler scores
Tokayev/Toqaev exactly as Toqaev/Tokarev). So names are first *folded*: transliterated to ASCII and
stripped of the differences that romanisation systems of Russian, Kazakh, Arabic and Chinese names
disagree on (q/k, zh/dzh/j, kh/h, a glide y between vowels, doubled letters, ie/iy endings). Two names
are the same entity when their folded keys are equal, or when their folded surnames are equal and their
given names agree (or one lacks them).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from anyascii import anyascii

# each rule with substrings one of which a text must hold for the rule to change it: a rule that
# cannot apply is not run (names are folded by the thousand, and most rules apply to few names)
_RULES: list[tuple[re.Pattern[str], str, tuple[str, ...]]] = [
    (re.compile(r"dzh|dj|zh|j"), "j", ("j", "zh")),
    (re.compile(r"kh"), "h", ("kh",)),
    (re.compile(r"q|ck|c(?=[aou])"), "k", ("q", "c")),
    (re.compile(r"ph"), "f", ("ph",)),
    (re.compile(r"(?<=[aeiou])y(?=[aeiou])"), "", ("y",)),  # Tokayev ~ Tokaev, Nazarbayev ~ Nazarbaev
    (re.compile(r"iy\b|yi\b|ii\b"), "y", ("iy", "yi", "ii")),  # Dmitriy ~ Dmitry ~ Dmitrii
    (re.compile(r"ou"), "u", ("ou",)),
    (re.compile(r"w"), "v", ("w",)),
    (re.compile(r"(.)\1+"), r"\1", ("",)),  # Kassym ~ Kasym ("" is in every text)
]
_NOT_LETTER = re.compile(r"[^a-z\s-]")
_SPACES = re.compile(r"[\s-]+")


def fold(name: str) -> str:
    """A romanisation-insensitive key: ``fold('Qasym-Zhomart Toqaev') == fold('Kassym-Jomart Tokayev')``."""
    text = (name if name.isascii() else anyascii(name)).lower()  # anyascii leaves ASCII as it is
    if not (text.isalpha() and text.isascii()):  # one word of a-z has nothing to drop or collapse
        text = _NOT_LETTER.sub("", text)
        text = _SPACES.sub(" ", text).strip()
    for pattern, repl, triggers in _RULES:
        for trigger in triggers:
            if trigger in text:
                text = pattern.sub(repl, text)
                break
    return text


def _parts(key: str) -> tuple[tuple[str, ...], str]:
    words = key.split()
    return tuple(words[:-1]), (words[-1] if words else "")


def _compatible(given_a: tuple[str, ...], given_b: tuple[str, ...]) -> bool:
    if not given_a or not given_b:
        return True
    a, b = " ".join(given_a), " ".join(given_b)
    return a == b or a.startswith(b) or b.startswith(a) or (len(a) == 1 or len(b) == 1) and a[0] == b[0]


def canonical_names(names: Iterable[str]) -> dict[str, str]:
    """Map every person name to its canonical form: the most frequent spelling of its entity.

    ``names`` is every occurrence (repeats count as votes); ties go to the longer, then the
    alphabetically first spelling, so the result does not depend on input order.
    """
    votes = Counter(n for n in names if n)
    by_surname: dict[str, list[str]] = defaultdict(list)
    for name in sorted(votes):
        by_surname[_parts(fold(name))[1]].append(name)
    result: dict[str, str] = {}
    for group in by_surname.values():
        # union names whose given names are compatible; a surname shared by two people stays split
        clusters: list[list[str]] = []
        for name in sorted(group, key=lambda n: (-len(fold(n).split()), n)):
            given = _parts(fold(name))[0]
            home = [c for c in clusters if all(_compatible(given, _parts(fold(m))[0]) for m in c)]
            if len(home) == 1 or (home and given):
                home[0].append(name)  # a bare surname joins only an unambiguous cluster
            else:
                clusters.append([name])
        for cluster in clusters:
            full = [n for n in cluster if len(n.split()) > 1] or cluster
            best = max(full, key=lambda n: (votes[n], len(n), [-ord(c) for c in n]))
            for name in cluster:
                result[name] = best
    return result
