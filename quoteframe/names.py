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
    # Kassym ~ Kasym ("" is in every text): the repeats that follow a character are dropped, which is
    # what ``(.)\1+`` -> ``\1`` does; but a literal replacement keeps ``sub`` in C, where a template
    # costs Python calls per ``sub`` and per match, and this rule runs for every name
    (re.compile(r"(?<=(.))\1+"), "", ("",)),
]
PERSON_TYPES = frozenset({"person", "unknown"})  # speaker types whose names are merged across spellings
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


def _compatible(given_a: str, given_b: str) -> bool:
    """Whether two given-name strings can belong to one person: one is missing, equal, a prefix of the
    other (John ~ John Michael, Dm ~ Dmitry), or an initial with the same first letter. Every compatible
    pair of non-empty strings shares its first letter, and the longer extends the shorter or the shorter
    is one letter: ``_Clusters`` finds candidates by that."""
    if not given_a or not given_b:
        return True
    a, b = given_a, given_b
    return a == b or a.startswith(b) or b.startswith(a) or (len(a) == 1 or len(b) == 1) and a[0] == b[0]


class _Clusters:
    """The people one folded surname names: each cluster holds names whose given names are pairwise
    compatible, and a name joins the first cluster it fits (when only one fits, or it has given names).

    Testing a name against every member of every cluster is quadratic in the names a common surname
    has (Wang, Smith, Kim over a month of news), so clusters are found through an index of the given
    names they hold: a compatible given name is a prefix of the new one or extends it.
    """

    def __init__(self) -> None:
        self.members: list[list[str]] = []
        self.givens: list[set[str]] = []  # the non-empty given names of each cluster
        self.by_given: dict[str, list[int]] = {}  # given name -> clusters holding it, in order
        self.extensions: dict[str, set[str]] = {}  # proper prefix -> given names that extend it
        self.open: set[int] = set()  # clusters without given names: every name is compatible with them

    def add(self, name: str, given: str) -> None:
        if not given:
            home = list(range(len(self.members)))
        else:
            found: set[int] = set(self.open)
            for k in range(1, len(given) + 1):
                found.update(self.by_given.get(given[:k], ()))
            for longer in self.extensions.get(given, ()):
                found.update(self.by_given[longer])
            home = sorted(c for c in found if all(_compatible(given, g) for g in self.givens[c]))
        if len(home) == 1 or (home and given):
            self._join(home[0], name, given)
        else:
            self.members.append([])
            self.givens.append(set())
            if not given:
                self.open.add(len(self.members) - 1)
            self._join(len(self.members) - 1, name, given)

    def _join(self, c: int, name: str, given: str) -> None:
        self.members[c].append(name)
        if not given or given in self.givens[c]:
            return
        self.open.discard(c)
        self.givens[c].add(given)
        if given not in self.by_given:
            self.by_given[given] = []
            for k in range(1, len(given)):
                self.extensions.setdefault(given[:k], set()).add(given)
        self.by_given[given].append(c)


def canonical_names(names: Iterable[str]) -> dict[str, str]:
    """Map every person name to its canonical form: the most frequent spelling of its entity.

    ``names`` is every occurrence (repeats count as votes); ties go to the longer, then the
    alphabetically first spelling, so the result does not depend on input order.
    """
    votes = Counter(n for n in names if n)
    keys = {name: _parts(fold(name)) for name in votes}
    n_words = {name: len(fold_words) + 1 if fold_words or surname else 0
               for name, (fold_words, surname) in keys.items()}
    by_surname: dict[str, list[str]] = defaultdict(list)
    for name in sorted(votes):
        by_surname[keys[name][1]].append(name)
    result: dict[str, str] = {}
    for group in by_surname.values():
        # a surname shared by two people stays split; a bare surname joins only an unambiguous cluster
        clusters = _Clusters()
        for name in sorted(group, key=lambda n: (-n_words[n], n)):
            clusters.add(name, " ".join(keys[name][0]))
        for cluster in clusters.members:
            full = [n for n in cluster if len(n.split()) > 1] or cluster
            best = max(full, key=lambda n: (votes[n], len(n), [-ord(c) for c in n]))
            for name in cluster:
                result[name] = best
    return result
