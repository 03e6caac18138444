"""One canonical name per entity across a corpus, whatever the romanisation, word order or spacing.

String similarity alone cannot tell a spelling variant from another person (Jaro-Winkler scores
Tokayev/Toqaev exactly as Toqaev/Tokarev). So names are first *folded*: transliterated to ASCII and
stripped of the differences that romanisation systems of Russian, Kazakh, Arabic and Chinese names
disagree on (q/k, x/ks, zh/dzh/j, kh/h, a glide y between vowels, doubled letters, a final i/y/iy/ii).
Names are then compared as keys (docs/names.md has the rules and why):

1. names whose words, folded and run together, are equal are one (Kim Jong Un, Kim Jong-un);
2. names whose folded surnames are equal are one when their given names agree (or one lacks them); a
   surname particle is no part of the key (Bashar al-Assad, Bashar Assad) and a bare surname joins only
   an unambiguous cluster, so two people sharing a surname stay apart;
3. a bare name that is nobody's surname joins the one person whose full name it opens (Xi for Xi
   Jinping: a family name written first), when that person's other names never stand alone.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from functools import cache

from anyascii import anyascii

from quoteframe.lexicon import NameWords, load_name_words, optional_file, shipped_dir

# each rule with substrings one of which a text must hold for the rule to change it: a rule that
# cannot apply is not run (names are folded by the thousand, and most rules apply to few names)
_RULES: list[tuple[re.Pattern[str], str, tuple[str, ...]]] = [
    (re.compile(r"x"), "ks", ("x",)),  # Alexei ~ Aleksei
    (re.compile(r"dzh|dj|zh|j"), "j", ("j", "zh")),
    (re.compile(r"kh"), "h", ("kh",)),
    (re.compile(r"q|ck|c(?=[aou])"), "k", ("q", "c")),
    (re.compile(r"ph"), "f", ("ph",)),
    (re.compile(r"(?<=[aeiou])y(?=[aeiou])"), "", ("y",)),  # Tokayev ~ Tokaev, Nazarbayev ~ Nazarbaev
    # Dmitriy ~ Dmitry ~ Dmitrii ~ Dmitri, Sergei ~ Sergey, Zelenskyi ~ Zelensky: only at a word's end, where
    # romanisations of -ий/-ей/-ій differ; inside a word i/y is a real difference (Smith, Smyth)
    (re.compile(r"iy\b|yi\b|ii\b|i\b"), "y", ("i",)),
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


FOLD_MEMO_LIMIT = 50_000  # names ``fold`` remembers (some MB), the least recently asked dropped first


@functools.lru_cache(maxsize=FOLD_MEMO_LIMIT)
def fold(name: str) -> str:
    """A romanisation-insensitive key: ``fold('Qasym-Zhomart Toqaev') == fold('Kassym-Jomart Tokayev')``.

    Remembered by name (a bounded cache of a pure function): a corpus names the same people in document
    after document, and every document asks for the keys of its names and their words again."""
    return _fold(name)


def _fold(name: str) -> str:
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


@cache
def shipped_name_words() -> NameWords:
    """The shipped ``names.csv`` (read once: it is constant), for callers given no lexicons: the library
    used on its own, and tests. A run reads the ``--lexicons`` folder's instead (``Lexicons.names``)."""
    return load_name_words(optional_file(shipped_dir(), "names.csv"))


def _name_words(name: str, nw: NameWords) -> tuple[list[str], bool]:
    """The words of ``name`` that its key is made of (particles, generational suffixes and a particle's
    hyphen dropped), and whether it holds a patronymic."""
    words = name.split()
    last = len(words) - 1
    kept: list[str] = []
    patronymic = False
    for i, word in enumerate(words):
        low = word.lower()
        head, hyphen, rest = low.partition("-")
        if hyphen and rest and head in nw.particles:
            word = word[len(head) + 1:]  # al-Assad, el-Sisi
        elif i < last and low in nw.particles and (i > 0 or word.islower()) or i > 0 and low in nw.suffixes:
            continue
        elif 0 < i < last and low in nw.patronymics:
            patronymic = True
        kept.append(word)
    return kept, patronymic


def _run_together(words: list[str]) -> str:
    """The folds of words and of their hyphenated parts, written as one (Ban Ki-moon and Ban Ki Moon give
    one key, Kassym-Jomart and Kassymjomart another). Each part is folded alone, so a letter that ends one
    word and starts the next is no doubled letter (S. Smith is no Smith)."""
    return fold(" ".join(words)).replace(" ", "")


def name_key(name: str, words: NameWords | None = None) -> tuple[tuple[str, ...], str]:
    """(given-name keys, surname key) of a person's name: each word folded with its hyphens dropped
    (Kassym-Jomart -> kasymjomart, so a hyphen written as a space or left out changes nothing once the
    given names are run together). Surname particles are no part of the key (Bashar al-Assad, Charles de
    Gaulle), except a capitalised one opening the name, which is a given name (Van Jones, Al Gore), and
    neither are generational suffixes (Jr., III). A name with a patronymic (Mohammed bin Salman) has no
    surname a bare name could be: its surname key is the whole name's, marked so that no word's key
    equals it. ``words``: the closed classes of names.csv (default: the shipped ones)."""
    kept, patronymic = _name_words(name, words or shipped_name_words())
    keys = [k for k in (_run_together([w]) for w in kept) if k]
    if not keys:
        return (), ""
    if patronymic:
        return tuple(keys[:-1]), "=" + "".join(keys)
    return tuple(keys[:-1]), keys[-1]


def given_string(given: tuple[str, ...]) -> str:
    """A name's given-name keys as one string for comparing people of one surname: a "y" after the first
    letter read as "i", which transliterations of one given name swap (Volodymyr, Volodimir; Mykola,
    Mikola; Sylvia, Silvia). Only given names are compared so: in a surname, i and y tell names apart."""
    text = "".join(given)
    return text[:1] + text[1:].replace("y", "i")


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
            home = [c for c in range(len(self.members)) if self.members[c]]
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

    def merge(self, c: int, d: int) -> None:
        """Move cluster ``c`` into cluster ``d`` (``c`` is left empty and is no home any more)."""
        for name in self.members[c]:
            self.members[d].append(name)
        for given in sorted(self.givens[c]):
            self.by_given[given] = [x for x in self.by_given[given] if x != c]
            if given not in self.givens[d]:
                self.givens[d].add(given)
                self.by_given[given].append(d)
        self.members[c] = []
        self.givens[c] = set()
        self.open.discard(c)
        self.open.discard(d)

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


# a surname written with two neighbouring letters swapped (Marcon for Macron) is a typing slip when the
# corpus writes the other spelling at least this many times as often, and it at most this many times
MISSPELLING_RATIO = 10
MISSPELLING_MAX = 2
MISSPELLING_GIVEN_MAX = 5  # votes up to which a surname with one letter changed and a given name shared is a slip


def _fold_misspellings(by_surname: dict[str, list[str]], keys: dict[str, tuple[tuple[str, ...], str]],
                       votes: Counter[str], unit_of: dict[str, list[str]]) -> None:
    """Move the names of a rare surname that is a frequent one with two neighbouring letters swapped into
    that surname's group, in place; or with one letter changed, when its given names are the frequent
    one's too (``_one_letter_homes``). A letter changed alone (Tokarev, Tokayev) is another name, and a
    transliteration variant is the fold's business, not this."""
    count = {sur: sum(votes[n] for rep in reps for n in unit_of[rep]) for sur, reps in by_surname.items()}
    # swaps are looked for in the written surname (the fold reads letters in context: Macron -> macron,
    # Marcon -> markon), and found through the key of the spelling they give
    written: dict[str, str] = {}
    for sur, reps in by_surname.items():
        for rep in reps:
            written.setdefault(rep.split()[-1].lower(), sur)
    for sur in sorted(by_surname):
        if len(sur) < 4 or sur.startswith("=") or count[sur] > MISSPELLING_GIVEN_MAX:
            continue
        swaps = {w[:i] + w[i + 1] + w[i] + w[i + 2:] for w in {rep.split()[-1].lower() for rep in by_surname[sur]}
                 for i in range(len(w) - 1) if w[i] != w[i + 1]}
        homes = sorted({written[w] for w in swaps if w in written} - {sur})
        homes = [h for h in homes if h in by_surname and count[h] >= MISSPELLING_RATIO * count[sur]]
        if count[sur] > MISSPELLING_MAX:
            homes = []  # a swap decides only for the rarest names; a given name shared decides up to a few more
        if not homes:
            homes = _one_letter_homes(sur, by_surname, keys, count, written)
        if len(homes) == 1:
            by_surname[homes[0]].extend(by_surname.pop(sur))
            count[homes[0]] += count.pop(sur)


def _one_letter_homes(sur: str, by_surname: dict[str, list[str]], keys: dict[str, tuple[tuple[str, ...], str]],
                      count: dict[str, int], written: dict[str, str]) -> list[str]:
    """The frequent surnames a rare one is with one letter changed, when every name of the rare one carries a
    given name that a name of the frequent one carries too (Angela Markel beside Angela Merkel): a letter
    changed alone is another name (Tokarev, Tokayev), the same given name with it a typing slip."""
    givens = {keys[rep][0] for rep in by_surname[sur]}
    if not givens or not all(givens):
        return []
    mine = {rep.split()[-1].lower() for rep in by_surname[sur]}
    found = set()
    for w, home in written.items():
        if home == sur or home not in by_surname or count[home] < MISSPELLING_RATIO * count[sur]:
            continue
        if any(len(w) == len(m) and sum(a != b for a, b in zip(w, m)) == 1 for m in mine) \
                and givens <= {keys[rep][0] for rep in by_surname[home]}:
            found.add(home)
    return sorted(found)


GIVEN_SLIP_MIN = 7  # letters a given name needs before one letter more or fewer is a slip, not another name


def given_slip(a: str, b: str) -> bool:
    """Whether two folded given names are one name with a letter dropped or two neighbouring letters
    swapped (Volodmyr for Volodymyr), both long enough that this is a typing slip (Andrea and Andreas, Maria
    and Mario are two names; a letter changed is always another)."""
    if min(len(a), len(b)) < GIVEN_SLIP_MIN or a == b:
        return False
    if len(a) == len(b):
        return any(a[:i] + a[i + 1] + a[i] + a[i + 2:] == b for i in range(len(a) - 1) if a[i] != a[i + 1])
    short, long_ = sorted((a, b), key=len)
    return len(long_) == len(short) + 1 and any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def merge_given_slips(members: list[list[str]], givens: list[set[str]], votes_of: Callable[[list[str]], int],
                      merge: Callable[[int, int], None]) -> None:
    """Join the rare people of one surname whose given names are each a slip of a given name of the one
    person written at least ``MISSPELLING_RATIO`` times as often (Volodmyr Zelensky, 7 times, beside
    Volodymyr Zelensky, 112), in cluster order. The votes are quotations, and one document's slip gives all
    its quotations, so no count caps a slip here; the ratio and the seven letters keep two people apart."""
    for c in range(len(members)):
        if not members[c] or not givens[c]:
            continue
        mine = votes_of(members[c])
        homes = [d for d in range(len(members)) if d != c and members[d] and votes_of(members[d]) >= MISSPELLING_RATIO * mine
                 and all(any(given_slip(g, h) for h in givens[d]) for g in givens[c])]
        if len(homes) == 1:
            merge(c, homes[0])


def proper_name(name: str, words: NameWords | None = None) -> bool:
    """Whether every word of ``name`` is capitalised, or a particle (Ursula von der Leyen): a person's name,
    not a role phrase a speaker may be named by (Democratic source, U.S. senator)."""
    nw = words or shipped_name_words()
    lower = nw.particles | nw.patronymics
    return all(w[:1].isupper() or w in lower for w in name.split())


def canonical_names(names: Iterable[str], titled: Iterable[str] = (), words: NameWords | None = None) -> dict[str, str]:
    """Map every person name to its canonical form: the most frequent spelling of its entity.

    ``names`` is every occurrence (repeats count as votes); ties go to the longer, then the
    alphabetically first spelling, so the result does not depend on input order. A name of several words
    is preferred to a bare one (Xi Jinping to Xi, however often Xi is written), and one without a word
    swallowed before it (Aidar Kemelbekov to Republic Aidar Kemelbekov). ``titled`` are the one-word names
    the corpus writes after a title or honorific (Mr Xi, President Xi): only such a name can be a family
    name written first (a plumber giving only his first name, Tom, is no Tom Harlan). ``words``: the
    closed classes of names.csv (``Lexicons.names``; default: the shipped ones).
    """
    nw = words or shipped_name_words()
    votes = Counter(n for n in names if n)
    titled = set(titled)
    keys = {name: name_key(name, nw) for name in votes}
    # 1. names that run together equal are one: a unit, clustered by the key of its member with fewest words
    units: dict[str, list[str]] = defaultdict(list)
    rest: dict[str, str] = {}  # a name's words after the first, run together
    result: dict[str, str] = {}
    for name in sorted(votes):
        kept = _name_words(name, nw)[0]
        together = _run_together(kept)
        if len(kept) > 2:
            rest[name] = _run_together(kept[1:])
        if len(together) < 2:
            result[name] = name  # I (the writer of a first-person piece), a lone initial: no name to compare
        else:
            units[together].append(name)
    # a word swallowed before a full name (Republic Aidar Kemelbekov, from "President of the Republic …")
    # joins the name without it, when the corpus writes that name (of two words at least, the first no
    # initial: Ana M. Smith is no M. Smith) at least as often
    residue: set[str] = set()
    for together in sorted(units, key=lambda t: (-len(t), t)):
        first = units[together][0]
        given, surname = keys[first]
        if len(given) >= 2 and not surname.startswith("=") and proper_name(first, nw) and first in rest:
            target = rest[first]
            if target == together or target not in units:
                continue
            home = units[target][0]
            if len(keys[home][0]) and len(keys[home][0][0]) > 1 and proper_name(home, nw) \
                    and sum(votes[n] for n in units[target]) >= sum(votes[n] for n in units[together]):
                residue.update(units[together])
                units[target].extend(units.pop(together))
    unit_of: dict[str, list[str]] = {}
    for members in units.values():
        unit_of[min(members, key=lambda n: (len(keys[n][0]), n))] = members
    # 2. surname-last: units sharing a folded surname, split into people by their given names
    by_surname: dict[str, list[str]] = defaultdict(list)
    for rep in sorted(unit_of):
        by_surname[keys[rep][1]].append(rep)
    _fold_misspellings(by_surname, keys, votes, unit_of)
    clusters: list[list[str]] = []  # of unit representatives
    bare: dict[str, int] = {}  # surname key -> its cluster of bare names, when the surname is nobody else's
    for surname, group in by_surname.items():
        # a surname shared by two people stays split; a bare surname joins only an unambiguous cluster
        found = _Clusters()
        ordered = sorted(group, key=lambda n: (-len(keys[n][0]), n))
        for rep in ordered:
            if keys[rep][0]:
                found.add(rep, given_string(keys[rep][0]))
        # (the given names' slips are settled before a bare surname looks for its one person)
        merge_given_slips(found.members, found.givens,
                          lambda cluster: sum(votes[n] for rep in cluster for n in unit_of[rep]), found.merge)
        for rep in ordered:
            if not keys[rep][0]:
                found.add(rep, "")
        people = [m for m in found.members if m]
        if len(people) == 1 and not any(keys[rep][0] for rep in people[0]) and proper_name(people[0][0], nw) \
                and any(n in titled for rep in people[0] for n in unit_of[rep]):
            bare[surname] = len(clusters)
        clusters.extend(people)
    # 3. family name first: a bare name that is nobody's surname joins the one person whose full name it
    # opens, when none of that person's other names stands alone (Xi for Xi Jinping, never Joe for Joe Biden)
    if bare:
        opens: dict[str, set[int]] = defaultdict(set)
        for c, cluster in enumerate(clusters):
            for rep in cluster:
                given, surname = keys[rep]
                if given and not surname.startswith("=") and proper_name(rep, nw):
                    opens[given[0]].add(c)
        alone = {keys[rep][1] for rep in unit_of if not keys[rep][0]}  # every name written alone
        for surname, c_bare in bare.items():
            homes = opens.get(surname, ())
            if len(homes) == 1:
                (c_home,) = homes
                if not any(w in alone for rep in clusters[c_home] for w in (*keys[rep][0][1:], keys[rep][1])):
                    clusters[c_home] = clusters[c_home] + clusters[c_bare]
                    clusters[c_bare] = []
    for cluster in clusters:
        names_of = [n for rep in cluster for n in unit_of[rep]]
        if not names_of:
            continue  # a bare name's cluster, merged into its person's
        full = [n for n in names_of if len(n.split()) > 1]
        full = [n for n in full if n not in residue] or full or names_of
        best = max(full, key=lambda n: (votes[n], len(n), [-ord(c) for c in n]))
        for name in names_of:
            result[name] = best
    return result
