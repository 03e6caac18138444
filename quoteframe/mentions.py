"""Who can speak: names, pronouns and role noun phrases in a run of tokens, and the document's people.

With no tagger or NER model available offline, mentions come from English news conventions:
capitalised runs are names, a title word splits a run into title and person (``Kazakh President
Kassym-Jomart Tokayev``), an organisation head word makes a run an organisation (``Interior Ministry``),
and a role noun from the lexicon heads a noun phrase that can speak (``the top U.S. diplomat``,
``Almaty authorities``). Role phrases and bare surnames are resolved against the people the document
names with titles, so ``Kazakhstan's president`` becomes the person the article calls President.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field

from quoteframe.lexicon import Lexicons, Role
from quoteframe.names import fold
from quoteframe.segment import POSSESSIVE_LAST, Token

NOMINATIVE = {"he": "person", "she": "person", "it": "org", "they": "group", "we": "group", "i": "person"}
QUANTIFIER_SUBJECTS = {"some", "others", "many", "another", "one", "several", "most", "few", "all", "both"}
POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "its": "it", "their": "they", "our": "we"}
DETERMINERS = {"the", "a", "an", "another", "this", "that", "these", "those", "his", "her", "its", "their", "our",
               "many", "some", "several", "most", "all", "other", "both", "few", "dozens", "hundreds", "thousands"}
SENTENCE_FUNCTION = {"the", "a", "an", "in", "on", "at", "but", "and", "or", "though", "although", "as", "after",
                     "before", "while", "when", "if", "for", "by", "with", "from", "to", "of", "this", "that",
                     "these", "those", "there", "it", "he", "she", "they", "we", "i", "his", "her", "their", "its",
                     "despite", "since", "during", "until", "because", "into", "perhaps", "meanwhile", "still",
                     "yet", "so", "then", "also", "however", "earlier", "later", "some", "many", "what", "who",
                     "why", "how", "where", "which", "one", "no", "not", "more", "most", "all", "among", "like"}
PRONOUN_LIKE = frozenset(NOMINATIVE) | QUANTIFIER_SUBJECTS | frozenset(POSSESSIVE_PRONOUNS)
LIEUTENANT = ({"lt.", "lt", "lieutenant"}, {"gov.", "gov", "governor"})  # Lt. Gov. is not the governor (Lt. Gen. is a general)


def subordinate_title(words: list[str], title: str, subordinate: frozenset[str]) -> bool:
    """Whether lower-case ``words`` put ``title`` under another (vice president, lieutenant governor), so
    that whoever holds it does not hold the title itself. ``subordinate``: the words that make a title a
    lower one (``Lexicons.subordinate``)."""
    if not subordinate.isdisjoint(words):
        return True
    return not LIEUTENANT[0].isdisjoint(words) and title in LIEUTENANT[1]
PARTY_STATE = re.compile(r"^[RDI]-[A-Z][A-Za-z.]*$")  # R-Ky., D-Wis.: a party and state label after a name
STATE_WORDS = {"state", "government"}  # the head of state / of government: a country's leader
PLACE_CLASSES = {"country", "city", "region"}  # closed classes (lexicon.Gazetteer) that can still stand for an actor
NEWLINE_RE = re.compile("\n")
# possessive quantifiers: nothing that follows a word can be a character of it (a comma, semicolon or
# space), so giving characters back cannot help a match, and the engine is told not to try
PROPER_RE = re.compile(r"\b[a-z][\w’'\-]*+[,;]?+ ([A-Z][\w’'\-.]*+)")


@dataclass
class Mention:
    """A span of tokens that can name a speaker, with the entity it names once resolved."""

    first: int  # token indices [first, last]
    last: int
    start: int
    end: int
    text: str
    etype: str  # person | org | group | pron | place | unknown
    head: str = ""  # role head or pronoun (lower case)
    name: str = ""  # entity name when known
    modifiers: frozenset[str] = frozenset()
    possessive: bool = False


@dataclass
class Person:
    """A person the document names, with the titles and modifiers it gives them."""

    name: str
    titles: set[str] = field(default_factory=set)
    modifiers: set[str] = field(default_factory=set)
    count: int = 0
    first_pos: int = 0
    former: bool = False  # titled "former" / "ex-": a role phrase in the present does not name them
    # titles held as another office (Opposition leader X): "the opposition leader" names them, "the premier"
    # (whom "leader" aliases) does not
    other_titles: set[str] = field(default_factory=set)


@dataclass
class DocEntities:
    """The people and organisations named in one document, for resolving roles and surnames."""

    people: dict[str, Person] = field(default_factory=dict)  # by name
    surnames: dict[str, str] = field(default_factory=dict)  # folded surname -> name
    orgs: Counter[str] = field(default_factory=Counter)
    _proper: set[str] | None = None
    text: str = ""
    in_headline: Callable[[int], bool] = lambda pos: False

    @property
    def proper_words(self) -> set[str]:
        """Words seen capitalised mid-sentence outside headlines: computed once, only if a headline needs it."""
        if self._proper is None:
            self._proper = set()
            for start, end in _lines(self.text):
                # a match never crosses a line, so each line is searched alone, and once, with no
                # headline test unless it has a match
                found = PROPER_RE.findall(self.text, start, end)
                if found and not self.in_headline(start):
                    self._proper.update(w.rstrip(".").removesuffix("’s").removesuffix("'s") for w in found)
        return self._proper
    role_names: dict[str, str] = field(default_factory=dict)  # org role -> name (the protest group Oyan)
    acronyms: dict[str, str] = field(default_factory=dict)  # CSTO -> Collective Security Treaty Organization
    long_names: dict[str, str] = field(default_factory=dict)  # Oyan -> Oyan, Qazaqstan

    _folds: dict[str, str] = field(default_factory=dict)

    def fold(self, word: str) -> str:
        """``names.fold``, remembered for this document: the same names and modifiers are folded again
        for every quotation that mentions them."""
        key = self._folds.get(word)
        if key is None:
            key = self._folds[word] = fold(word)
        return key

    first_names: dict[str, str] = field(default_factory=dict)  # folded first word -> name ("" if several)
    titled: set[str] = field(default_factory=set)  # folded one-word names written after a title (Mr Xi)
    # of those, the ones a title word of the lexicon precedes (Mr Xi, President Xi; not Russia's Putin), with
    # those title words
    title_worded: dict[str, set[str]] = field(default_factory=dict)
    _by_initials: dict[str, str] | None = None
    _by_letters: dict[str, set[str]] | None = None  # names by the sorted letters of their surname (``person_for_surname``)
    _no_swap: set[str] = field(default_factory=set)  # words no surname of the document is a swap of

    def person_for_surname(self, word: str) -> str | None:
        """The person a bare name names: the one with that surname, else the one person whose name it
        opens (Xi for Xi Jinping: a family name written first) when no other name of theirs stands alone."""
        key = self.fold(word)
        found = self.surnames.get(key) or self.first_names.get(key)
        if found is None and word.isupper() and 2 < len(word) <= 5 and word.isalpha():
            found = self.initials().get(word)  # AMLO, MBS, AOC: a person's initials, written as a name
        if found is None and len(word) >= 6 and word.isalpha() and word not in self._no_swap:
            # Majtihia for Majithia: two letters swapped is a slip of the document's typist (a letter changed
            # may be another name: Tokarev, Tokayev), when it names one person of the document (compared as
            # written: folding merges doubled letters, Mahjaan and Mahjan)
            low = word.lower()
            if self._by_letters is None:  # a swap keeps the letters: only surnames with the same ones are tried
                self._by_letters = {}
                for name in self.surnames.values():
                    if name:
                        sur = name.split()[-1].lower()
                        self._by_letters.setdefault("".join(sorted(sur)), set()).add(name)
            near = {name for name in self._by_letters.get("".join(sorted(low)), ())
                    if _swapped(low, name.split()[-1].lower())}
            if len(near) == 1:
                found = near.pop()
            else:
                self._no_swap.add(word)  # asked again and again for the same capitalised words
        return found or None

    def initials(self) -> dict[str, str]:
        """The people by the initials of their names' words (hyphenated parts too): Andrés Manuel López
        Obrador is AMLO, Mohammed bin Salman MBS; initials that two people share name neither."""
        if self._by_initials is None:
            self._by_initials = {}
            for name in self.people:
                words = [w for part in name.split() for w in part.split("-") if w]
                if len(words) >= 3:
                    key = "".join(w[0] for w in words).upper()
                    self._by_initials[key] = "" if key in self._by_initials else name
        return self._by_initials


def _swapped(a: str, b: str) -> bool:
    """Whether ``a`` is ``b`` with two neighbouring letters swapped."""
    if len(a) != len(b) or a == b:
        return False
    diff = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


def _lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every line of ``text``, without its newline."""
    start = 0
    for end in (m.start() for m in NEWLINE_RE.finditer(text)):
        yield start, end
        start = end + 1
    yield start, len(text)


def modifier_key(word: str, lex: Lexicons, fold: Callable[[str], str] = fold) -> str:
    """The key a role's modifier is compared by: a country, its demonym and its capital share their
    country's (Kazakh, Kazakhstan's, Astana; British, UK), other words their first folded letters."""
    country = lex.places.country_of(word.rstrip(",;:"))
    return fold(country or word)[:5]


def _modifier_keys(words: list[str], lex: Lexicons, fold: Callable[[str], str] = fold) -> set[str]:
    return {modifier_key(w, lex, fold) for w in words if w and w[0].isupper() or "." in w}


def scan_entities(text: str, lex: Lexicons, split_run: RunSplitter) -> DocEntities:
    """One regex pass over the document for name runs that carry a title (President X, press secretary X)."""
    ents = DocEntities()
    headline_cache: dict[int, bool] = {}

    def in_headline(pos: int) -> bool:
        start = text.rfind("\n", 0, pos) + 1
        if start not in headline_cache:
            end = text.find("\n", pos)
            headline_cache[start] = is_title_case(text[start:(len(text) if end == -1 else end)])
        return headline_cache[start]

    ents.text = text
    ents.in_headline = in_headline
    ents.acronyms = acronyms(text)
    run: re.Match[str] | None = None
    headline = False
    line_start = line_end = -1
    before: str | None = None  # the lower-case word right before the run
    role: Role | None = None
    orgheads = lex.orgheads
    org_roles = lex.org_roles
    org_tails = lex.org_role_tails
    known = False  # whether headline, before and role are worked out for ``run``
    # titles and modifier keys by title words: a person is named with the same title again and again
    title_keys: dict[tuple[str, ...], tuple[set[str], set[str], set[str]]] = {}
    titled_alone: dict[str, list] = {}  # a one-word name after a title -> [mentions, first position, title words]
    for m, words in _runs(text, lex, orgheads, org_roles):
        if text.startswith(" ", m.end()) and "." not in m.group():
            lowered = _lowered_surname(text, m.end() + 1, ents, lex)
            if lowered:  # President of France Emmanuel macron: the surname the text capitalises elsewhere
                words = words + [lowered]
        if m is not run:  # the headline test and the word before belong to the whole run, not its pieces
            run = m
            known = False
        # one word names no person; it counts only as an organisation (an org head such as Police) ...
        lone = len(words) == 1 and not _lone_org_word(words[0], orgheads)
        if lone and not known and not _may_follow_org_role(text, m.start(), org_tails):
            continue  # ... or as the bearer of an org role, and no org role word stands before it
        if not known:
            known = True
            pos = m.start()
            if not line_start <= pos < line_end:
                line_start = text.rfind("\n", 0, pos) + 1
                line_end = text.find("\n", pos) % (len(text) + 1)
                # a line whose last character is a stop is no headline (``is_title_case`` strips only
                # white space and closing quotes before testing for one): most lines end so
                headline = text[line_end - 1] not in ".!?:" and in_headline(pos)
            if not headline:
                # PREV_WORD_RE needs "<lower-case letter> " right before the run: test that first
                if pos >= 2 and text[pos - 1] == " " and "a" <= text[pos - 2] <= "z":
                    before = _word_before(text, pos)
                    role = lex.roles.get(before) if before else None
                else:
                    before = role = None
        if headline:
            continue
        if lone and (role is None or role.entity != "org"):
            continue
        title, name, org = split_run(words)
        if len(name) >= 2 and not org and not any(lex.is_title(w.lower().rstrip(".")) for w in title) \
                and text[max(0, m.start() - 5):m.start()].endswith(("and ", "& ")):
            # Minister of Housing and Urban Affairs X: the office's title stands before the portfolio's "and",
            # where the run of capitals broke
            office = OFFICE_BEFORE_AND_RE.search(text, max(0, m.start() - 90), m.start())
            if office is not None and lex.is_title(office.group(1).lower()):
                title = [office.group(1), *title]
        if not org and len(name) < 2 and (role is None or role.entity != "org"):
            if title and name:  # Mr Xi, President Xi: a name that takes a title is a person's (family) name
                ents.titled.add(ents.fold(name[0]))
                alone = titled_alone.setdefault(name[0].removesuffix("’s").removesuffix("'s"), [0, m.start(), set()])
                alone[0] += 1
                worded = [w for w in title if lex.is_title(w.lower()) or lex.is_title(w.lower().rstrip("."))]
                if worded:
                    alone[2].update(worded)
                    ents.title_worded.setdefault(ents.fold(name[0].removesuffix("’s").removesuffix("'s")), set()).update(
                        w.lower().rstrip(".") for w in worded)
            continue  # names no organisation, no person and no role's bearer: nothing to record
        if role is not None and role.entity == "org" and "role" in role.uses and (org or name or len(words) == 1):
            bound = org or " ".join(name or words).rstrip(",;:")
            gloss = GLOSSED_NAME_RE.match(text, m.end())
            if gloss:  # a transliterated name with its translation: Oyan, Qazaqstan (Wake Up, Kazakhstan)
                full = f"{bound}, {gloss.group(1)}"
                ents.long_names[bound] = full
                bound = full
            # a statement Wednesday: a date is no role's bearer; a party Congress: one organisation word
            # after the role word is a compound (the party's congress), not the party's name
            if not lex.places.classify(bound) and not (len(words) == 1 and words[0].lower().rstrip(",;:") in orgheads):
                ents.role_names.setdefault(role.term, bound)
        elif role is not None and role.entity == "person" and not title:
            title = [role.term]
            # Opposition leader X, shadow treasurer X: the word before the role word may make it another office
            at = m.start() - len(role.term) - 1
            prior = TRAILING_WORD_RE.search(text, max(0, at - 24), at)
            if prior is not None and prior.group(1).lower() in lex.other_office:
                title = [prior.group(1), role.term]
            elif prior is not None and prior.group(1).lower() in {"former", "ex", "late", "prime"}:
                # former minister X, prime minister X (in lower case): a former holder; the premier
                title = [prior.group(1), role.term]
                first = TRAILING_WORD_RE.search(text, max(0, prior.start() - 24), prior.start())
                if title[0].lower() == "prime" and first is not None and first.group(1).lower() in {"former", "ex", "late"}:
                    title = [first.group(1), *title]  # former prime minister X
        if org:
            ents.orgs[org] += 1
        if name and len(name) >= 2 and not lex.places.classify(full := " ".join(name)) and not lex.places.names_a_place(full) \
                and name[-1].lower().rstrip(",;:") not in lex.names.placeheads and name[0].lower() not in lex.names.placeleads:
            # (a place of two words, Hong Kong, is no person)
            person = ents.people.get(full)
            if person is None:
                person = ents.people[full] = Person(full, first_pos=m.start())
            person.count += 1
            if before in {"former", "ex", "late"} or (title and title[0].lower() in {"former", "ex", "late"}):
                person.former = True  # former President X, or Former President X opening a sentence
            if title:  # most mentions of a person carry no title: nothing to add
                key = tuple(title)
                found = title_keys.get(key)
                if found is None:
                    found = title_keys[key] = _title_keys(title, lex, ents.fold)
                person.titles.update(found[0])
                person.modifiers.update(found[1])
                person.other_titles.update(found[2])
    _appositive_roles(text, ents, lex)
    for person in ents.people.values():
        ents.surnames.setdefault(ents.fold(person.name.split()[-1]), person.name)
    # President Erdogan, never named in full: a person of that one name holding the title, so that "the
    # president" resolves to him, unless the document names someone in full with that surname (President
    # Obama beside Michelle Obama: which one a bare title means is not known) or the name is a place's
    in_names: set[str] | None = None  # the folded words of the names (Li of Li Mingjiang too), when asked
    for word, (count, first_pos, titles) in titled_alone.items():
        if not titles:
            continue
        if in_names is None:  # (worked out before the loop adds anyone: adding needs it)
            in_names = {ents.fold(w) for name in ents.people for w in name.split()}
        if ents.fold(word) not in in_names and word not in ents.people \
                and not lex.places.classify(word) and not lex.places.names_a_place(word):
            person = ents.people[word] = Person(word, count=count, first_pos=first_pos)
            person.titles.update(_title_keys(sorted(titles), lex, ents.fold)[0])
            ents.surnames[ents.fold(word)] = word
    _first_names(ents, lex.sex_given)
    return ents


LOWER_WORD_RE = re.compile(r"[a-z]{3,}\b")
# "Minister of Housing and " right before a run: a title, "of"/"for", capitalised portfolio words, "and"
OFFICE_BEFORE_AND_RE = re.compile(r"\b([A-Z][a-z]+)\s+(?:of|for)\s+(?:the\s+)?(?:[A-Z][\w’'-]*,?\s+){1,4}(?:and|&)\s+$")


def _lowered_surname(text: str, pos: int, ents: DocEntities, lex: Lexicons) -> str:
    """The word at ``pos`` capitalised, when it is a lower-case word after a name that the text writes
    capitalised inside a sentence elsewhere and never uses as a cue (Emmanuel macron, in machine-translated
    or carelessly typed text); else ""."""
    m = LOWER_WORD_RE.match(text, pos)
    if m is None or m.group() in lex.cues:
        return ""
    word = m.group().capitalize()
    return word if word in ents.proper_words else ""


GLUED_DASH_RE = re.compile(r"--+|[—–]")
GLUED_DATELINE_RE = re.compile(r"([A-Z][a-z]+)([A-Z][a-z]+)$")  # MadridAlberto: a place, then a name
# words that follow a verb giving an order at a sentence's start (Take it seriously; Let us; Make them pay),
# and never a name there
IMPERATIVE_OBJECTS = frozenset({"it", "us", "them", "me", "him", "yourself", "yourselves"})
TITLE_BEFORE_NAME_RE = re.compile(r", ((?:[A-Z][a-z]{0,5}\.? ){1,2})$")  # ", Rev " / ", Dr. " right before a name


def _appositive_roles(text: str, ents: DocEntities, lex: Lexicons) -> None:
    """Roles a document gives its people in apposition, the commonest way news introduces someone:
    "Javier Milei, the libertarian leader, …" and "Argentina's president, Javier Milei, …". The role word
    becomes a title of the person (so "the leader" later is that person), its country and demonym words
    modifiers; "former" marks a former holder, and a subordinate word (deputy, vice) holds no title.
    Only the few characters beside each "Name," and ", Name" are matched."""
    people = [p for p in ents.people.values() if len(p.name) > 3]
    if not people:
        return
    after, before, before_of = lex.appositives()
    for person in people:
        found: list[re.Match[str]] = []
        # where "Name," and ", Name" are: beside the name's occurrences, found in one pass over the text
        n = len(person.name)
        name_comma, comma_name = [], []
        for pos in _occurrences(text, person.name):
            if text.startswith(",", pos + n):
                name_comma.append(pos)
            if pos >= 2 and text.startswith(", ", pos - 2):
                comma_name.append((pos - 2, pos + n))
            elif (titled := TITLE_BEFORE_NAME_RE.search(text, max(0, pos - 24), pos)) is not None \
                    and all(lex.is_title(w.lower()) for w in titled.group(1).split()):
                comma_name.append((titled.start(), pos + n))  # its secretary-general, Rev Joel Chebii: a title of address between
        for pos in name_comma:
            m = after.match(text, pos + len(person.name) + 1, min(len(text), pos + len(person.name) + 90))
            if m:
                found.append(m)
        for pos, end in comma_name:
            if end < len(text) and (text[end].isalnum() or text[end] in "-’'"):
                continue
            m = before.search(text, max(0, pos - 90), pos + 1) or before_of.search(text, max(0, pos - 120), pos + 1)
            if m:
                found.append(m)
        for m in found:
            mods = [w.strip(",") for w in (m.group(1) + " " + m.group(2)).split()]
            lowers = [w.lower().removesuffix("’s").removesuffix("'s") for w in mods]
            if not lex.subordinate.isdisjoint(lowers) or {"former", "ex", "late"} & set(lowers):
                continue  # the deputy minister is not the minister; the former president no president now
            person.titles.add(m.group(3).lower())
            if not lex.other_office.isdisjoint(lowers):
                person.other_titles.add(m.group(3).lower())  # the opposition leader, X,
            person.modifiers.update(_modifier_keys([w for w in mods if lex.places.country_of(w)], lex, ents.fold))


def _has_whole_word(text: str, word: str) -> bool:
    """``re.search(r"\\b" + re.escape(word) + r"\\b", text) is not None`` without compiling a pattern per
    word: for a word of word characters only (``str.isalnum``, as ``\\w`` is, or ``_``), an occurrence is
    whole where the characters beside it are no word characters."""
    if not word.replace("_", "a").isalnum():
        return re.search(r"\b" + re.escape(word) + r"\b", text) is not None
    n = len(word)
    pos = text.find(word)
    while pos >= 0:
        if (pos == 0 or not _is_word_char(text[pos - 1])) and (pos + n == len(text) or not _is_word_char(text[pos + n])):
            return True
        pos = text.find(word, pos + 1)
    return False


def _is_word_char(ch: str) -> bool:
    """Whether ``re``'s ``\\w`` matches ``ch`` (a str pattern: Unicode letters, digits and numbers, and ``_``)."""
    return ch.isalnum() or ch == "_"


def _occurrences(text: str, needle: str) -> Iterator[int]:
    pos = text.find(needle)
    while pos >= 0:
        yield pos
        pos = text.find(needle, pos + 1)


def _first_names(ents: DocEntities, given: Mapping[str, str]) -> None:
    """Index the people by their first word, for names written family name first (Xi Jinping, then Xi or
    Mr Xi) and for features that call people by their given names (Teresa Johnson, then Teresa): a first
    word that opens one person's name and is nobody's surname names that person, when the text titles the
    person (President Xi Jinping) or the word alone (Mr Xi, President Xi), or the word is a given name
    (``gender.csv``), which a place or an organisation that opens a longer name is not (Texas, the Texas
    Politics Project), and never writes the name's last word without the word before it (Joe Biden's Biden
    stands alone, so a lone Joe is someone else: a voter giving a first name)."""
    text = ents.text
    for person in ents.people.values():
        words = person.name.split()
        first = ents.fold(words[0])
        if not (person.titles or first in ents.titled or words[0].lower() in given) or first in ents.surnames \
                or text.count(words[-1]) > text.count(f"{words[-2]} {words[-1]}"):
            continue
        other = ents.first_names.get(first)
        ents.first_names[first] = person.name if other is None or other == person.name else ""


def _title_keys(title: list[str], lex: Lexicons, fold: Callable[[str], str]) -> tuple[set[str], set[str], set[str]]:
    """The titles and modifier keys that title words give a person (President, Kazakh), and the titles
    among them held as another office (Opposition Leader). A title after a subordinating word is not held
    (Vice President, Lt. Gov., Deputy Foreign Minister): "the president" is not the vice president. (A
    title before it is: Sen. … Deputy Leader.)"""
    lowers = [t.lower() for t in title]
    titles = {t.rstrip(".") for k, t in enumerate(lowers)
              if (lex.is_title(t) or lex.is_title(t.rstrip("."))) and not subordinate_title(lowers[:k], t, lex.subordinate)}
    if "minister" in titles and "prime" in lowers and lex.is_title("premier"):
        titles.add("premier")  # a prime minister is the premier, and the leader (not any minister)
    other = {t.rstrip(".") for k, t in enumerate(lowers) if t.rstrip(".") in titles
             and not lex.other_office.isdisjoint(lowers[:k])}
    return titles, _modifier_keys([t for t in title if not lex.roles.get(t.lower())], lex, fold), other


def _lone_org_word(word: str, orgheads: frozenset[str]) -> bool:
    """Whether a run of one word can name an organisation by itself (Police, Ministry’s)."""
    word = word.rstrip(",;:")
    low = word.lower()
    return not (low in SENTENCE_FUNCTION and not word.isupper()) and \
        low.removesuffix("’s").removesuffix("'s") in orgheads


def _may_follow_org_role(text: str, pos: int, tails: dict[str, tuple[str, ...]]) -> bool:
    """Whether the word before ``pos`` can be an org role (the protest group Oyan): a cheap test that
    most one-word runs fail, which spares them the headline test and ``PREV_WORD_RE``. The word found
    there is ``[a-z]+`` ending two characters before the run, so it must end ``text[:pos - 1]``: only
    the terms that end with the two characters there can (``Lexicons.org_role_tails``; ``tails[""]``
    holds the terms shorter than two)."""
    if pos < 2 or text[pos - 1] != " ":
        return False
    terms = tails.get(text[max(0, pos - 3):pos - 1])
    if terms is not None and text.endswith(terms, 0, pos - 1):
        return True
    short = tails.get("")
    return short is not None and text.endswith(short, 0, pos - 1)


PLACE_ADJECTIVE_ENDINGS = ("-based", "-born", "-backed", "-led", "-owned", "-run", "-registered", "-headquartered")
TRAILING_WORD_RE = re.compile(r"([A-Za-z]+) $")


def _word_before(text: str, pos: int) -> str | None:
    """``PREV_WORD_RE.search(text, max(0, pos - 40), pos)``'s word, for a run at ``pos`` with a space and a
    lower-case letter before it. When the characters after the last space before that one are all a-z,
    they are that word: the regex's match can start only where a stretch of a-z starts after a non-word
    character, and this is the one such stretch ending at ``pos - 1``; a string slice and three string
    tests then stand for a regex search tried at up to 40 positions. Other cases go to the regex."""
    lo = max(0, pos - 40)
    space = text.rfind(" ", lo, pos - 1)
    if space >= 0:
        word = text[space + 1:pos - 1]
        if word.isascii() and word.isalpha() and word.islower():
            return word
    before = PREV_WORD_RE.search(text, lo, pos)
    return before.group(1) if before else None


GLOSSED_NAME_RE = re.compile(r", ([A-Z][\w’'-]*(?: [A-Z][\w’'-]*){0,3}) \(")
PREV_WORD_RE = re.compile(r"\b([a-z]+) $")
GLUED_STOP_RE = re.compile(r"[a-z]\.(?=[A-Z][a-z])")  # the same cut as segment.TOKEN_RE's
def _runs(text: str, lex: Lexicons, orgheads: frozenset[str] = frozenset(),
          org_roles: tuple[str, ...] | None = None) -> Iterator[tuple[re.Match[str], list[str]]]:
    """Capitalised runs, cut after a word that ends a sentence, without its full stop (West. Russia is two
    runs, West and Russia; Mr. Clarke one).

    With ``org_roles``, a run of one plain word that ``scan_entities`` would skip at once (no org head,
    no org role word before it) is not yielded: most runs are such words (The, He, Trump), and this
    spares each of them a generator step.
    """
    titles = lex.titles
    for m in lex.name_runs.finditer(text):
        run = m.group()
        if "." not in run:
            if org_roles is not None and " " not in run and "\u00a0" not in run \
                    and run.lower().removesuffix("’s").removesuffix("'s") not in orgheads \
                    and not _may_follow_org_role(text, m.start(), lex.org_role_tails):
                continue  # one word, no org head (``_lone_org_word`` is False), no org role before it
            yield m, run.split()
            continue
        words: list[str] = []
        for w in run.split():
            glued = GLUED_STOP_RE.search(w)
            if glued is not None:  # said Emmanuel Macron.The …: a full stop whose space went missing ends the run
                words.append(w[:glued.start() + 1])
                yield m, words
                words = []
                w = w[glued.start() + 2:]
            if w[-1] == "." and not (w.lower() in titles or len(w) == 2 or w.count(".") > 1):
                words.append(w[:-1])  # the sentence's full stop is no part of the name (said Mitt Romney.)
                yield m, words
                words = []
            else:
                words.append(w)
        if words:
            yield m, words


def acronyms(text: str) -> dict[str, str]:
    """Acronyms the document defines: Collective Security Treaty Organization (CSTO) -> CSTO: full name."""
    found: dict[str, str] = {}
    for m in _acronym_matches(text):
        words, short = m.group(1).split(), m.group(2)
        initials = [w[0] for w in words if w[0].isupper()]
        for k in range(len(initials) - len(short), -1, -1):
            if "".join(initials[k:k + len(short)]) == short and len(initials) - k == len(short):
                caps = [w for w in words if w[0].isupper()]
                first = caps[k]
                found.setdefault(short, " ".join(words[words.index(first):]))
                break
    for paren in PAREN_WORD_RE.finditer(text):
        # the Collective Security Treaty (Treaty): a body's or a document's name with its short form defined
        # (searched back from each bracketed word only: a scan of every capital would cost a pass per document)
        short = paren.group(1)
        named = SHORT_NAME_RE.search(text, max(0, paren.start() - 100), paren.start())
        if named is not None and named.group(2) == short:
            found.setdefault(short, named.group(1))
    return found


PAREN_WORD_RE = re.compile(r"\(([A-Z][a-z]{2,})\)")
# a capitalised name ending right before a bracket, whose last word the bracket may define as its short form
SHORT_NAME_RE = re.compile(r"((?:[A-Z][\w’'-]*\s+(?:(?:of|and|for|on)\s+)?){1,5}([A-Z][a-z]{2,}))\s+$")


def _acronym_matches(text: str) -> Iterator[re.Match[str]]:
    """Exactly ``ACRONYM_RE.finditer(text)``, without trying the pattern at every capital letter.

    A match ends at a parenthesised acronym and everything before it is word characters, apostrophes,
    hyphens and spaces; so each ``(ABC)`` is searched from the start of that stretch only.
    """
    done = 0
    for paren in PAREN_ACRONYM_RE.finditer(text):
        start = paren.start()
        while start > done and STRETCH_CHAR_RE.match(text, start - 1):
            start -= 1
        m = ACRONYM_RE.search(text, start, paren.end())
        if m is not None:
            done = m.end()
            yield m


ACRONYM_RE = re.compile(r"((?:[A-Z][\w’'-]*\s+(?:(?:of|for|and|the|on)\s+)?){2,9})\(([A-Z]{2,8})\)")
PAREN_ACRONYM_RE = re.compile(r"\([A-Z]{2,8}\)")
STRETCH_CHAR_RE = re.compile(r"[\w’'\s-]")


TITLE_WORD_RE = re.compile(r"[^\W\d_][\w’'-]*")


def is_title_case(line: str) -> bool:
    """A headline in Title Case, where capitals say nothing about names: a line without a sentence-final
    stop whose longer words are mostly capitalised (a sentence such as "Prime Minister Ana Brnabic said on
    Monday." is not one)."""
    if line.rstrip().rstrip("”’\"')").endswith((".", "!", "?", ":")):
        return False
    words = [w for w in TITLE_WORD_RE.findall(line) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) / len(words) > 0.7


class RunSplitter:
    """Split a capitalised run into (title words, person name words, organisation name).

    Runs recur within a document (every mention of a person is the same run) and across a corpus (the
    same people and bodies are in the news for weeks), and a split depends on the words and the lexicons
    only, so results are remembered by the run's words in ``Lexicons.run_splits``, shared by the
    splitters of every document; callers must not modify the lists they get back. A run takes about 460
    bytes there, so the memo starts again empty when it holds ``MEMO_LIMIT`` runs (about 9 MB; PolNeAR's
    981 documents of train and dev, seeds and devcoverage name 13,471 runs).
    """

    MEMO_LIMIT = 20_000

    def __init__(self, lex: Lexicons) -> None:
        self.lex = lex
        self.openers = lex.names.openers
        self._memo = lex.run_splits

    def __call__(self, words: list[str]) -> tuple[list[str], list[str], str]:
        key = tuple(words)
        found = self._memo.get(key)
        if found is None:
            found = self._split(words)
            if len(self._memo) >= self.MEMO_LIMIT:
                self._memo.clear()
            self._memo[key] = found
        return found

    def _split(self, words: list[str]) -> tuple[list[str], list[str], str]:
        clean = [w.rstrip(",;:") for w in words]
        for i in range(len(clean) - 1, -1, -1):
            if "--" in clean[i] or "—" in clean[i] or "–" in clean[i]:
                # Ukraine--Vladimir Putin: a dash written without spaces ends the phrase before the name
                tail = GLUED_DASH_RE.split(clean[i])[-1]
                clean = ([tail] if tail else []) + clean[i + 1:]
                break
        openers = self.openers
        while clean and (clean[0].lower() in SENTENCE_FUNCTION or clean[0].lower() in openers) and not clean[0].isupper():
            clean = clean[1:]  # The, But, Under (Under Xi, China ...): a sentence's first word, no name's
        while len(clean) > 1 and clean[0].lower().endswith(PLACE_ADJECTIVE_ENDINGS):
            clean = clean[1:]  # Kericho-based Unilever Tea, US-backed X: where it is or who backs it, no name's
        if not clean:
            return [], [], ""
        lowers = [w.lower().removesuffix("’s").removesuffix("'s") for w in clean]
        titles, orgheads = self.lex.titles, self.lex.orgheads
        lead: list[str] = []
        if len(clean) >= 3 and "-" in clean[0] and (tail := clean[0].split("-")[-1]).islower() \
                and not tail.endswith(("ed", "ing", "ly")) and clean[1][:1].isupper() and lowers[0] not in titles \
                and not self.lex.places.names_a_place(" ".join(clean[1:])):
            # Short-seller Andrew Left, Co-founder Ann Lee: a compound common noun that a sentence's start
            # capitalised describes the person; it is no part of the name (a participle's compound describes a
            # place or body: Communist-ruled East Germany)
            lead, clean, lowers = clean[:1], clean[1:], lowers[1:]
        if "of" in lowers[2:]:
            of = lowers.index("of", 2)
            if orgheads.isdisjoint(lowers[:of]) and not orgheads.isdisjoint(lowers[of + 1:]) \
                    and _last_title(lowers[:of], titles) < 0 and all(w[:1].isupper() for w in clean[:of]) \
                    and not any(self.lex.places.classify(w) for w in clean[:of]):
                # Bernard Wood of George Washington University: a person's name, then the body they are of
                # (not the Bank of England, the Ministry of Defence: a body's own head word before "of")
                return lead + clean[of + 1:], clean[:of], ""
        last_title = _last_title(lowers, titles)
        # an organisation word before a title describes the title (Army Lt. Gen. Mick Bednarek, Police
        # Chief Ann Lee): only one after the last title makes the run an organisation's name ...
        if not orgheads.isdisjoint(lowers[last_title + 1:]) or \
                ("of" in lowers[:last_title] and not orgheads.isdisjoint(lowers[:lowers.index("of")])):
            # ... but "of" after one puts the title inside its name (Office of Chief Counsel)
            return [], [], " ".join(clean).removesuffix("’s").removesuffix("'s")
        if last_title >= 1 and lowers[last_title] in self.lex.occupations \
                and (last_title == len(lowers) - 1 or lowers[last_title + 1] == "of"):
            # Ms. Boxer, Mark Singer, Barbara Boxer of California: a profession's word closing a name after a
            # title or a name is a surname (a false title stands before the name it describes)
            last_title = _last_title(lowers[:last_title], titles)
        cut_title = last_title + 1
        if last_title >= 0 and cut_title + 1 < len(clean) and lowers[cut_title] == "of":
            cut_title += 2  # Secretary of State, Minister of Defense
        title, name = lead + clean[:cut_title], clean[cut_title:]
        # a word whose lower case is "of" is "of" in ``lowers`` too: few names hold one
        if "of" in lowers[cut_title:]:  # President Alexander Lukashenko of Belarus
            name_lowers = [w.lower() for w in name]
            if "of" in name_lowers:
                cut = name_lowers.index("of")
                title = title + name[cut + 1:]
                name = name[:cut]
        for k in range(len(name) - 2, -1, -1):
            if name[k].endswith(("’s", "'s", "s’", "s'")):  # Russia's Putin, Reuters’ Ann Lee: the owner is no part of the name
                title, name = title + name[:k + 1], name[k + 1:]
                break
        name = [w.removesuffix("’s").removesuffix("'s") for w in name]
        if name and (glued := GLUED_DATELINE_RE.match(name[0])) is not None \
                and self.lex.places.classify(glued.group(1)) in {"city", "country"}:
            name = [glued.group(2)] + name[1:]  # MadridAlberto Núñez Feijóo: a dateline that lost its dash
        while len(name) > 1 and self.lex.places.classify(name[-1]) in {"weekday", "month"}:
            name = name[:-1]  # X Sunday said: a day after a name is no part of it
        while len(name) > 2 and name[-1].lower().rstrip(".") in self.lex.names.postnominals:
            name = name[:-1]  # Jane Roe QC, John Doe MP: letters after the name, no part of it
        while len(name) > 2 and name[0].lower() in self.lex.portfolio:
            title, name = title + name[:1], name[1:]  # Minister of Foreign Affairs Ahmed Khan: the office's words
        for w in name:
            if (w.lower() in SENTENCE_FUNCTION and not w.isupper()) or not w[:1].isalpha():
                return title, [], ""
        return title, name, ""


def _last_title(lowers: list[str], titles: frozenset[str]) -> int:
    """Index of the last title word of a run (``President``, ``Sen.``), or -1: searched from the end,
    where it usually is, and most runs hold none, which one set test over the run settles."""
    if titles.isdisjoint(lowers) and "." not in "".join(lowers):
        return -1  # no title word, and no word with a dot, so none ending with one (Sen.)
    for i in range(len(lowers) - 1, -1, -1):
        w = lowers[i]
        if w in titles or w.rstrip(".") in titles:
            return i
    return -1


_STARTERS: dict[frozenset[str], frozenset[str]] = {}


def _starters(role_words: frozenset[str]) -> frozenset[str]:
    """The lower-case words that may start a mention whatever their case: pronouns and role words, as one
    set (made once per set of role words), so the commonest test of ``MentionFinder.find`` is one look-up."""
    found = _STARTERS.get(role_words)
    if found is None:
        found = _STARTERS[role_words] = PRONOUN_LIKE | role_words
    return found


class MentionFinder:
    """Find mentions in a token list (one sentence or clause), resolving names against the document."""

    def __init__(self, text: str, lex: Lexicons, ents: DocEntities, split_run: RunSplitter) -> None:
        self.doc = text
        self.lex = lex
        self.ents = ents
        self.split_run = split_run
        self._common: dict[str, bool] = {}

    def find(self, toks: list[Token], title_case: bool = False) -> list[Mention]:
        mentions: list[Mention] = []
        i = 0
        n = len(toks)
        role_words = self.lex.role_words
        starters = _starters(role_words)
        while i < n:
            tok = toks[i]
            low = tok.lower
            if tok.quote >= 0:
                i += 1
                continue
            if low not in starters and not tok.text[:1].isupper() \
                    and (low[-1:] not in POSSESSIVE_LAST or tok.bare.lower() not in role_words):
                i += 1  # the common case, decided with set look-ups: a word that starts no mention
                continue
            if low in NOMINATIVE:
                mentions.append(Mention(i, i, tok.start, tok.end, tok.text, "pron", head=low))
                i += 1
                continue
            if low in QUANTIFIER_SUBJECTS and (i + 1 == n or not toks[i + 1].is_word or toks[i + 1].lower in self.lex.cues):
                # "Some chanted", "others said", "another wrote": a speaker the text does not name
                mentions.append(Mention(i, i, tok.start, tok.end, tok.text, "pron", head=low))
                i += 1
                continue
            if low in POSSESSIVE_PRONOUNS:
                mentions.append(Mention(i, i, tok.start, tok.end, tok.text, "pron", head=POSSESSIVE_PRONOUNS[low], possessive=True))
                i += 1
                continue
            initial = i == 0 or toks[i - 1].text in {"“", '"', "(", "—", ":"}
            if initial and i + 1 < n and toks[i + 1].lower in IMPERATIVE_OBJECTS and tok.text.isalpha() \
                    and self.ents.person_for_surname(tok.bare) is None and tok.text not in self.ents.proper_words:
                i += 1  # Take it seriously. Let us …: a verb giving an order, no name, opens the sentence
                continue
            if tok.text[:1].isupper() and self._name_word(tok, initial, title_case, toks, i):
                j = i
                while j + 1 < n and (self._name_word(toks[j + 1], False, title_case)
                                     or (toks[j + 1].lower in self.lex.name_links and j + 2 < n and toks[j + 2].is_cap
                                         and self._name_word(toks[j + 2], False, title_case))
                                     or self._joined_title(toks, i, j)) and not toks[j].possessive:
                    j += 1
                if j + 1 < n and toks[j + 1].text.islower() and toks[j + 1].end - toks[j + 1].start > 2 \
                        and toks[j + 1].text.isalpha() and toks[j + 1].lower not in self.lex.cues \
                        and toks[j + 1].text.capitalize() in self.ents.proper_words:
                    j += 1  # Emmanuel macron: the surname the text capitalises elsewhere (scan_entities reads it so)
                if j == i and i > 0 and toks[i - 1].lower in {"a", "an", "the"} and tok.bare.lower() in self.lex.documents \
                        and tok.bare not in self.ents.acronyms:  # (the Treaty, defined as a treaty's short name)
                    # in a Communique, the Statement: a document's noun capitalised after an article is no name
                    role = self._role_mention(toks, i, mentions)
                    mentions.append(role)
                    i = max(i, role.last) + 1
                    continue
                if j == i and tok.bare.lower() in role_words and i + 2 < n and toks[i + 1].lower == "of" \
                        and toks[i + 2].lower in STATE_WORDS:
                    # the Head of State, the Head of Government: a role written with a capital, not a name
                    role = self._role_mention(toks, i, mentions)
                    mentions.append(role)
                    i = max(i, role.last) + 1
                    continue
                m = self._run_mention(toks, i, j)
                if m and m.etype == "unknown" and m.first == m.last and (m.first == 0 or toks[m.first - 1].text in {"“", '"'}) \
                        and self._common_word(toks[m.first].bare):
                    m = None  # one capitalised word opening a sentence that the text uses as a common word: no name
                    if tok.bare.lower() in role_words:  # ... but a role's word is a role (Residents called …)
                        role = self._role_mention(toks, i, mentions)
                        mentions.append(role)
                        i = max(i, role.last) + 1
                        continue
                elif m and m.etype == "unknown" and m.first == m.last and m.first > 0 and toks[m.first - 1].quote >= 0 \
                        and tok.lower.endswith("ing") and j + 1 < n and toks[j + 1].text.islower() \
                        and toks[j + 1].lower not in self.lex.cues:
                    m = None  # “…” Paying visits to family …: a gerund opening the next sentence, no name
                if m:
                    if m.etype == "person" and mentions and self._describes(mentions[-1], m, toks):
                        # NASA flag bearer Raila Odinga, Democratic pollster Stan Greenberg: the body or party
                        # describes the person, and the whole phrase names the person (before a role merges
                        # with a name: billionaire Dallas Mavericks owner Mark Cuban is Mark Cuban too)
                        body = mentions.pop()
                        m = Mention(body.first, m.last, body.start, m.end, self.doc[body.start:m.end], "person",
                                    name=m.name or m.text, modifiers=m.modifiers, possessive=m.possessive)
                    mentions.append(m)
                i = j + 1
                continue
            if low in role_words or tok.bare.lower() in role_words:
                m = self._role_mention(toks, i, mentions)
                mentions.append(m)
                i = max(i, m.last) + 1
                continue
            i += 1
        return self._merge_role_name(mentions, toks)

    def _joined_title(self, toks: list[Token], i: int, j: int) -> bool:
        """Whether "and" after the run ``toks[i..j]`` joins two parts of one title before a name: a double
        office (Chairman and CEO Doug Parker) or a ministry of two portfolios (Youth and Sports Minister
        Hannah Yeoh), not two people (John Smith and CEO Jane Doe)."""
        if j + 3 >= len(toks) or toks[j + 1].lower not in {"and", "&"} or not toks[j + 2].is_cap:
            return False
        titles = self.lex.titles
        if toks[j].lower in titles:  # Chairman and CEO: a title right after
            return toks[j + 2].lower in titles
        if any(t.lower in titles for t in toks[i:j + 1]) or toks[j + 2].lower in titles:
            return False
        k = j + 2
        while k < len(toks) and k <= j + 4 and toks[k].is_cap and toks[k].lower not in titles:
            if self.lex.places.classify(toks[k].bare) in {"country", "demonym"} and k + 1 < len(toks) \
                    and toks[k + 1].lower in titles:
                return False  # Merkel and German President X: a country's title, no second portfolio (but
                # Foreign and European Affairs Minister X: a portfolio named for a place)
            k += 1  # Sports, Multimedia: the second portfolio
        return k < len(toks) and toks[k].lower in titles and k + 1 < len(toks) and toks[k + 1].is_cap

    def _acronym(self, toks: list[Token], i: int) -> bool:
        """Whether an upper-case word is an organisation's acronym used in a sentence (UNICEF said, warned
        the IMF), rather than a dateline (MOSCOW —) or a word of a shouted headline: a word of three to six
        letters, no place, date or demonym, beside a lower-case word and no other upper-case word."""
        text = toks[i].text
        if not (2 < len(text) <= 6 and text.isupper() and text.isalpha()):
            return False
        before = toks[i - 1].text if i else ""
        after = toks[i + 1].text if i + 1 < len(toks) else ""
        if before.isupper() and before.isalpha() or after.isupper() and after.isalpha():
            return False  # PM SLAMS BUDGET: a shouted run
        if not (before.isalpha() and before.islower() or after.isalpha() and after.islower()):
            return False
        return not self.lex.places.classify(text.capitalize())

    def _name_word(self, tok: Token, sentence_initial: bool, title_case: bool, toks: list[Token] | None = None,
                   i: int = -1) -> bool:
        """Whether a capitalised token can be a word of a name; ``toks`` and ``i`` (where it opens a run)
        let an upper-case word used as an acronym count (see ``_acronym``)."""
        text = tok.text
        if tok.quote >= 0 or not text[:1].isupper():  # not ``tok.is_cap``
            return False
        low = tok.lower
        if text[1:2] == "-" and PARTY_STATE.match(text):
            return False  # R-Ky., D-N.Y.: a label after a name, no name itself
        if title_case:
            bare = tok.bare
            return (bare in self.ents.proper_words or self.lex.roles.get(low) is not None
                    or self.ents.person_for_surname(bare) is not None or "." in bare)
        if sentence_initial and (low in SENTENCE_FUNCTION or low in self.lex.cues or low.endswith(("ing", "ly"))
                                 and self.ents.person_for_surname(tok.bare) is None):
            return False  # Finally, Speaking …: not Kelly or Browning when the text names a person so
        if len(text) > 2 and text.isupper() and text.isalpha() and text not in self.ents.acronyms \
                and text not in self.ents.proper_words and not (toks is not None and self._acronym(toks, i)) \
                and (sentence_initial or not self.ents.initials().get(text)):
            # a dateline (MOSCOW —) or shouted headline word; inside a sentence, a person's initials are a name
            # (…, AMLO said, for Andrés Manuel López Obrador)
            return False
        return low not in {"i"} and not (low in SENTENCE_FUNCTION and sentence_initial)

    def _run_mention(self, toks: list[Token], i: int, j: int) -> Mention | None:
        openers = self.split_run.openers
        while i <= j and (toks[i].lower in SENTENCE_FUNCTION or toks[i].lower in openers) and not toks[i].text.isupper():
            i += 1  # "The", "But", "Under" ... but not an acronym that spells one (WHO)
        if i > j:
            return None
        words = [t.text for t in toks[i:j + 1]]
        title, name, org = self.split_run(words)
        start, end = toks[i].start, toks[j].end
        poss = toks[j].possessive
        if poss:
            end -= 2
        if org:  # (an acronym or short name the document defines stands for the full name)
            return Mention(i, j, start, end, self.doc[start:end], "org", name=self.ents.acronyms.get(org, org),
                           possessive=poss)
        if len(name) == 1 and name[0] in self.ents.acronyms:
            return Mention(i, j, start, end, self.doc[start:end], "org", name=self.ents.acronyms[name[0]], possessive=poss)
        if len(name) == 1 and not title and 2 < len(name[0]) <= 6 and name[0].isupper() and name[0].isalpha() \
                and not self.ents.initials().get(name[0]):
            # CNN, UNICEF: an acronym no one's initials spell names a body, never a "he" or "she"
            return Mention(i, j, start, end, self.doc[start:end], "org", name=name[0], possessive=poss)
        full = " ".join(name)
        if name and len(name) >= 2 and (self.lex.places.names_a_place(full) or name[-1].lower() in self.lex.names.placeheads
                                        or name[0].lower() in self.lex.names.placeleads) \
                and self.ents.people.get(full) is None:
            # Self-governing Taiwan, China COVID: a run holding a country's name is no person's; nor is a
            # street's (Dave Mole, 69, of Olive Road)
            return Mention(i, j, start, end, self._text(toks, i, j, poss), "unknown", name=full, possessive=poss) \
                if title else None
        if name and not title and (closed := self._closed_class(full)):
            # a country or city can stand for its government (Beijing said), never for a person; a date,
            # number word or demonym names nobody who speaks (on Sunday, Russian)
            return Mention(i, j, start, end, self._text(toks, i, j, poss), "place", name=full,
                           possessive=poss) if closed in PLACE_CLASSES else None
        if name and not title and len(name) >= 2 and all(w.lower() in self.lex.premodifiers for w in name):
            return None  # Former Republican presidential candidate X: modifiers of a role, no person's name
        if name:
            first = i  # the mention keeps its title (Sen. Patty Murray, President Qasym-Zhomart Toqaev)
            person_name = full
            if len(name) == 1:
                person_name = self.ents.person_for_surname(name[0]) or full
            etype = "person" if len(name) >= 2 or person_name != full else "unknown"
            return Mention(first, j, toks[first].start, end, self._text(toks, first, j, poss), etype,
                           name=person_name, possessive=poss)
        # a run that is all title/modifier: a role phrase (Kazakh President, Kazakhstan's president)
        heads = [k for k in range(i, j + 1) if self.lex.is_role(toks[k].bare.lower())]
        if heads:
            k = heads[-1]
            role = self.lex.roles[toks[k].bare.lower()]
            mods = frozenset(modifier_key(t.bare, self.lex, self.ents.fold) for n, t in enumerate(toks[i:j + 1], i)
                             if t.is_cap and n != k and t.lower not in self.lex.name_links)
            return Mention(i, j, start, end, self._text(toks, i, j, poss),
                           "role", head=role.term, modifiers=mods, possessive=poss)
        text = self._text(toks, i, j, poss)
        closed = self._closed_class(text)
        if closed:  # as above
            return Mention(i, j, start, end, text, "place", name=text, possessive=poss) if closed in PLACE_CLASSES else None
        return Mention(i, j, start, end, text, "unknown", name=text, possessive=poss)

    def _common_word(self, word: str) -> bool:
        """Whether a capitalised word opening a sentence is a common word of the document (Justice and
        truth are …, Hours later, …): it appears in lower case, and never as a name (capitalised inside
        a sentence, a person's surname, a defined acronym)."""
        if word in self.ents.proper_words or self.ents.person_for_surname(word) is not None or \
                word in self.ents.acronyms or word.isupper() or not word.isalpha():
            return False
        found = self._common.get(word)
        if found is None:
            found = self._common[word] = _has_whole_word(self.doc, word.lower())
        return found

    def _closed_class(self, name: str) -> str:
        """The closed class (date, number, demonym, place) a run is, unless the document names a person
        so (Mark Cuban is "Cuban", Theresa May "May")."""
        closed = self.lex.places.classify(name)
        if closed and " " not in name and self.ents.person_for_surname(name.removesuffix("’s").removesuffix("'s")):
            return ""
        return closed

    def _role_mention(self, toks: list[Token], k: int, prior: list[Mention]) -> Mention:
        first = k
        role = self.lex.roles[toks[k].bare.lower()]
        while first - 1 >= 0:
            prev = toks[first - 1]
            if prev.quote >= 0 or not prev.is_word:
                break
            low = prev.lower
            if low in DETERMINERS or low in self.lex.premodifiers or prev.is_cap or prev.possessive or "." in prev.text:
                first -= 1
                if low in DETERMINERS and low not in {"many", "some", "several", "most", "all", "other"}:
                    break
                continue
            # an adjective between a determiner and the head (the fugitive former head)
            if first - 2 >= 0 and toks[first - 2].lower in DETERMINERS and k - first < 3:
                first -= 1
                continue
            # a noun between a body's name and a person's role (NASA flag bearer, Fed board governor)
            if role.entity == "person" and k - first < 2 and prior and prior[-1].last == first - 2 \
                    and prior[-1].etype in {"unknown", "org"} and not prior[-1].possessive and prev.text.isalpha() \
                    and low not in SENTENCE_FUNCTION and low not in self.lex.cues and not low.endswith(("ed", "ing")):
                first -= 1
                continue
            break
        # a capitalised run already taken as a mention just before is part of this phrase (and so is a body's
        # name before a person's role: BBC presenter, IMF chief economist)
        if prior and prior[-1].last == first - 1 and not prior[-1].possessive \
                and (prior[-1].etype in {"unknown", "role"} or prior[-1].etype == "org" and role.entity == "person"):
            merged = prior.pop()
            first = merged.first
        # ... and so is one the phrase already took in (the Russian leader, the Kremlin's chief)
        while prior and prior[-1].first >= first and prior[-1].etype != "pron":
            prior.pop()
        mods = frozenset(modifier_key(t.bare, self.lex, self.ents.fold) for t in toks[first:k]
                         if (t.is_cap or "." in t.text) and t.lower not in DETERMINERS)
        head = k
        poss = toks[k].possessive
        of_what = self._of_phrase(toks, k) if role.entity == "person" and not poss else None
        if of_what is not None:  # the head of state, the head of the Kremlin, the leader of Kazakhstan
            last, words = of_what
            mods |= {modifier_key(w, self.lex, self.ents.fold) for w in words}
            k, poss = last, toks[last].possessive
        return Mention(first, k, toks[first].start, toks[k].end - (2 if poss else 0), self._text(toks, first, k, poss),
                       "role", head=self.lex.roles[toks[head].bare.lower()].term, modifiers=mods, possessive=poss)

    def _of_phrase(self, toks: list[Token], k: int) -> tuple[int, list[str]] | None:
        """``of state`` / ``of government`` / ``of [the] Capitalised Name`` after a person's role word:
        the last token of the phrase and the words that say whose role it is (none for a head of state)."""
        if k + 2 >= len(toks) or toks[k + 1].lower != "of" or toks[k + 1].quote >= 0:
            return None
        j = k + 2
        if toks[j].lower in STATE_WORDS:
            return j, []
        if toks[j].lower == "the" and j + 1 < len(toks):
            j += 1
        words: list[str] = []
        while j < len(toks) and toks[j].quote < 0 and toks[j].is_cap and toks[j].lower not in SENTENCE_FUNCTION:
            words.append(toks[j].bare)
            if toks[j].possessive:
                break
            j += 1
        return (j - 1, words) if words else None

    def _merge_role_name(self, mentions: list[Mention], toks: list[Token]) -> list[Mention]:
        """``press secretary Jen Psaki``, ``the protest group Oyan``: a role right before a name is its title."""
        out: list[Mention] = []
        for m in mentions:
            if out and out[-1].etype == "role" and out[-1].last + 1 == m.first and m.etype in {"person", "unknown", "org"} \
                    and not out[-1].possessive:
                role = out.pop()
                etype = self.lex.roles[role.head].entity if role.head in self.lex.roles else m.etype
                m = Mention(role.first, m.last, role.start, m.end, self.doc[role.start:m.end],
                            etype if etype in {"person", "org"} else m.etype,
                            name=m.name or m.text, modifiers=role.modifiers, possessive=m.possessive)
            out.append(m)
        return out

    def _describes(self, body: Mention, person: Mention, toks: list[Token]) -> bool:
        """Whether a body's or party's mention, then one or two nouns, stand right before a person's name
        (NASA flag bearer Raila Odinga), describing the person rather than speaking."""
        return body.etype in {"unknown", "org"} and not body.possessive and 1 <= person.first - body.last - 1 <= 2 \
            and all(self._describing_noun(t) for t in toks[body.last + 1:person.first])

    def _describing_noun(self, t: Token) -> bool:
        """A lower-case word that may be a noun of a description before a name (flag bearer, boss), rather
        than a verb or function word between a subject and an object (NATO warned X, UNICEF urges X)."""
        low = t.lower
        return t.text.isalpha() and t.text.islower() and low not in SENTENCE_FUNCTION and low not in self.lex.cues \
            and not low.endswith(("ed", "ing")) and (not low.endswith("s") or low.endswith("ss"))

    def _text(self, toks: list[Token], i: int, j: int, poss: bool) -> str:
        start, end = toks[i].start, toks[j].end - (2 if poss else 0)
        return self.doc[start:end]
