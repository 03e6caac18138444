"""One name per organisation across a corpus, however outlets write whose it is.

English news names a country's organisation three ways: with a possessive (China's Communist Party), an
"of" phrase (the Communist Party of China) or a demonym (the Chinese Communist Party), and often by an
acronym of one of those (CCP, CPC). Names are keyed by (country, the rest), the country read through the
gazetteer of ``lexicons/countries.csv``, so the three forms meet; an acronym joins the one keyed name
whose forms it abbreviates. Nothing else is merged: a bare "Foreign Ministry" may be any country's, and
only its document can tell whose (a wrong merge would move words from one government to another).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from quoteframe.lexicon import Gazetteer

ORG_TYPES = frozenset({"org", "unknown"})  # speaker types whose names are merged here (acronyms come as unknown)
LINK_WORDS = frozenset({"of", "for", "and", "the", "on", "in"})  # no letter of an acronym


def _country_form(words: list[str], places: Gazetteer) -> str:
    """The country the words name as a country or demonym (Chinese, South Korea's), or ""."""
    phrase = " ".join(words)
    key = phrase.lower().replace("’", "'").removesuffix("'s").removesuffix("'")
    if places.kind.get(key) in {"country", "demonym"} and key not in places.also_names:
        return places.country.get(key, "")
    return ""


def org_key(name: str, places: Gazetteer) -> tuple[str, tuple[str, ...]]:
    """(country, the other words lower-cased) of an organisation's name: China's Communist Party, the
    Communist Party of China and the Chinese Communist Party all give ("China", ("communist", "party")), and
    the US State Department and the United States' State Department ("United States", ("state",
    "department"))."""
    words = name.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    country = ""
    for k in (3, 2, 1):  # the country first, as a possessive, a demonym or a modifier (US State Department)
        if len(words) > k:
            country = _country_form(words[:k], places)
            if country:
                words = words[k:]
                break
    if not country:
        for k in (3, 2, 1):  # or last, after "of"
            if len(words) > k + 1 and words[-k - 1].lower() == "of":
                country = _country_form(words[-k:], places)
                if country:
                    words = words[:-k - 1]
                    break
    return country, tuple(w.lower().replace("’", "'") for w in words)


def _forms(country: str, rest: tuple[str, ...], places: Gazetteer) -> list[list[str]]:
    """The forms of a keyed name whose initials an acronym may be, besides the ones written: the rest alone,
    and with each demonym before it or the country after "of" (Chinese Communist Party, Communist Party of
    China). A one-word rest (Ministry) is too short to be what an acronym spells."""
    if len(rest) < 2:
        return []
    forms = [list(rest)]
    if country:
        demonyms = sorted(f for f, c in places.country.items() if c == country and places.kind.get(f) == "demonym")
        forms += [[*d.split(), *rest] for d in demonyms]
        forms.append([*rest, "of", *country.lower().split()])
    return forms


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w and w.lower() not in LINK_WORDS).upper()


def is_acronym(name: str) -> bool:
    return 2 <= len(name) <= 8 and name.isalpha() and name.isupper()


def org_names(names: Iterable[str], places: Gazetteer) -> dict[str, str]:
    """Map organisation names (every occurrence, repeats count as votes) to one name per organisation: the
    most frequent spelling of its key's names, ties to the longer, then the alphabetically first. Names
    that are no organisation's form of another map to themselves."""
    votes = Counter(n for n in names if n)
    groups: dict[tuple[str, tuple[str, ...]], list[str]] = defaultdict(list)
    acronyms: list[str] = []
    for name in sorted(votes):
        if is_acronym(name):
            acronyms.append(name)
            continue
        key = org_key(name, places)
        if key[1]:
            groups[key].append(name)
    by_initials: dict[str, set[tuple[str, tuple[str, ...]]]] = defaultdict(set)
    for key, members in groups.items():
        written = [n.split()[1:] if n.split()[0].lower() == "the" else n.split() for n in members]
        for form in [*(w for w in written if len(w) >= 2), *_forms(*key, places)]:
            by_initials[_initials(form)].add(key)
    for name in acronyms:
        homes = by_initials.get(name, set())
        if len(homes) == 1:
            groups[next(iter(homes))].append(name)
    result = {name: name for name in acronyms}  # an acronym that spells no one organisation stays as it is
    for members in groups.values():
        full = [n for n in members if not is_acronym(n)] or members
        best = max(full, key=lambda n: (votes[n], len(n), [-ord(c) for c in n]))
        for name in members:
            result[name] = best
    return result
