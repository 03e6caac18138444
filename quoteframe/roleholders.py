"""Roles that one document could not resolve, resolved by who holds them across the corpus.

An article that names its protagonist by surname only ("Merkel said …") and then writes "the Chancellor
said" gives the second quotation to "Chancellor": nothing in that document titles anyone so. Other
articles of the same corpus write "Chancellor Angela Merkel" or "German Chancellor Angela Merkel". When
exactly one person of the corpus holds the title (matching the phrase's country, if it names one: "German
Chancellor"), the role phrase is that person's name too. Several holders (two presidents) leave the phrase
as it is: which one a document meant is not known. This is the corpus-level half of resolving roles to
their holders; ``attribution`` does the document-level half.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from quoteframe.lexicon import Gazetteer, Role, load_lexicons
from quoteframe.names import fold

DETERMINERS = {"the", "a", "an", "this", "that"}
FORMER = {"former", "ex", "ex-", "late", "then", "outgoing", "acting", "interim"}


@dataclass(frozen=True)
class RoleWords:
    """The lexicon a corpus-level role resolution needs: titles and role nouns, the words that make a
    title a lesser one (deputy, vice), and the countries and demonyms that say whose a title is."""

    roles: Mapping[str, Role]
    subordinate: frozenset[str]
    places: Gazetteer

    def title_of(self, word: str) -> str:
        """The title a word is (lower case, without a full stop or a possessive), or ""."""
        low = word.lower().removesuffix("’s").removesuffix("'s").rstrip(".")
        role = self.roles.get(low)
        return low if role is not None and role.entity == "person" and "title" in role.uses else ""


def _bare(word: str) -> str:
    return word.removesuffix("’s").removesuffix("'s").strip(",")


def country_key(country: str) -> str:
    """A country's key as ``mentions.modifier_key`` makes it (its folded first letters), so that countries
    named in a role phrase meet the modifier keys a document recorded for a person."""
    return fold(country)[:5]


def role_phrase(name: str, words: RoleWords) -> tuple[str, frozenset[str]] | None:
    """A speaker name that is only a title with its country (Chancellor, German Chancellor, Kazakhstan's
    President, Prime Minister): its title and country keys; None for anything else."""
    parts = [w for w in name.split() if w.lower() not in DETERMINERS]
    if not parts or not words.title_of(parts[-1]):
        return None
    lowers = [_bare(w).lower() for w in parts]
    if not words.subordinate.isdisjoint(lowers) or not FORMER.isdisjoint(lowers):
        return None
    head = words.title_of(parts[-1])
    countries: set[str] = set()
    for word in parts[:-1]:
        country = words.places.country_of(_bare(word))
        if country:
            countries.add(country_key(country))
        elif not words.title_of(word) and word.lower() != "prime":
            return None  # the best-selling Bild tabloid, Republican nominee: no bare title
    if head == "minister" and "prime" in lowers:
        head = "premier"
    return head, frozenset(countries)


def _definite(mention: str) -> bool:
    """Whether a role mention points at one holder the reader knows (the Chancellor, Chancellor, Russia's
    president), not at someone new (a spokesperson for the company, another minister): a name written
    once with an indefinite article may be anyone's."""
    words = mention.lower().split()
    return bool(words) and words[0] not in {"a", "an", "another", "one", "some", "any"}


def mention_titles(mention: str, speaker: str, words: RoleWords) -> tuple[set[str], frozenset[str]]:
    """The titles and countries a mention gives the person it names (German Chancellor Angela Merkel;
    the Chancellor, resolved to her in its document): the words before the name, when they are titles,
    countries and determiners only. A former, deputy or acting holder holds no title here."""
    parts = mention.split()
    name_words = {_bare(w).lower() for w in speaker.split()}
    cut = next((k for k, w in enumerate(parts) if _bare(w).lower() in name_words), len(parts))
    before = [w for w in parts[:cut] if w.lower() not in DETERMINERS]
    lowers = [_bare(w).lower() for w in before]
    if not before or not words.subordinate.isdisjoint(lowers) or not FORMER.isdisjoint(lowers):
        return set(), frozenset()
    titles: set[str] = set()
    countries: set[str] = set()
    for word in before:
        title = words.title_of(word)
        country = words.places.country_of(_bare(word))
        if title:
            titles.add(title)
        elif country:
            countries.add(country_key(country))
        elif word.lower() != "prime":
            return set(), frozenset()  # Labour leadership contender X: not a bare title
    if "minister" in titles and "prime" in lowers:
        titles.add("premier")
    return titles, frozenset(countries)


def resolve_role_speakers(pairs: Mapping[tuple[str, str], int],
                          titled: Mapping[tuple[str, tuple[str, ...], tuple[str, ...]], int],
                          canonical: Mapping[str, str], words: RoleWords) -> dict[str, str]:
    """Role-phrase speaker names mapped to the one person of the corpus holding that title.

    ``pairs``: (speaker name, speaker mention) of people's quotations, with counts; ``titled``: (speaker
    name, titles, modifier keys) as each document gave them; ``canonical``: the person names' canonical
    forms. A title aliased by another (the leader for a premier) counts its holders too; a phrase that names
    a country keeps only holders of that country, or holders whose country the corpus never writes."""
    countries = {country_key(c) for c in set(words.places.country.values())}
    holders: dict[str, Counter[str]] = defaultdict(Counter)
    countries_of: dict[tuple[str, str], set[str]] = defaultdict(set)
    phrases: dict[str, tuple[str, frozenset[str]]] = {}

    def hold(name: str, titles: Iterable[str], keys: Iterable[str], count: int) -> None:
        person = canonical.get(name, name)
        if role_phrase(person, words) is not None:
            return
        keys = [k for k in keys if k in countries]
        for title in titles:
            holders[title][person] += count
            countries_of[(title, person)].update(keys)

    definite: Counter[str] = Counter()  # role names by how often written as the one holder (+) or someone new (-)
    for (speaker, mention), count in sorted(pairs.items()):
        phrase = role_phrase(speaker, words)
        if phrase is not None:
            phrases[speaker] = phrase
            definite[speaker] += count if _definite(mention) else -count
        else:
            hold(speaker, *mention_titles(mention, speaker, words), count)
    for (speaker, titles, keys), count in sorted(titled.items()):
        hold(speaker, titles, keys, count)
    found: dict[str, str] = {}
    for name, (head, wanted) in sorted(phrases.items()):
        if definite[name] <= 0:
            continue  # mostly "a spokesperson for the company": not the one spokesperson the corpus names
        candidates: set[str] = set()
        for title, held in holders.items():
            role = words.roles.get(title)
            if title != head and (role is None or head not in role.aliases):
                continue
            for person in held:
                recorded = countries_of[(title, person)]
                if wanted and recorded and not wanted & recorded:
                    continue
                candidates.add(person)
        if len(candidates) == 1:
            found[name] = candidates.pop()
    return found


def role_words_of(directory: str | Path | None) -> RoleWords:
    """The role lexicon a run uses: its lexicons folder (``--lexicons``), else the shipped one."""
    lex = load_lexicons(Path(directory) if directory else None)
    return RoleWords(lex.roles, lex.subordinate, lex.places)


@lru_cache(maxsize=1)
def shipped_role_words() -> RoleWords:
    """The shipped role lexicon, read once (for callers that give no lexicons folder)."""
    return role_words_of(None)
