"""Load the data files in ``lexicons/``: speech cues, titles and roles, framing terms, closed word classes.

Lexicons are CSV with a header row; lines starting with ``#`` are comments (their source). They are
data, read with the csv module only; a malformed row is an error naming the file and line.
"""

from __future__ import annotations

import csv
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from quoteframe.errors import LexiconError

CUE_TYPES = {"verb", "participle", "noun", "prep"}
ENTITY_TYPES = {"person", "org", "group"}
ROLE_USES = {"title", "role", "orghead", "document", "generic", "description", "proxy", "occupation"}
CUE_WORD_CLASSES = ("light", "relay", "quoting", "as_only", "phrasal", "label", "event", "request", "bare_verb",
                    "intransitive", "quoted_object", "heading_noun", "metalinguistic")
MODIFIER_CLASSES = ("premodifier", "subordinate", "other_office", "portfolio", "level")
NAME_CLASSES = ("particle", "patronymic", "suffix", "opener", "postnominal", "placehead", "placelead")


# (?:[A-Z][\w’'\-.]*|(?:[A-Z]\.){2,}) with the capital letter factored out of the alternation, so the
# regex engine can skip to the next capital letter in C instead of trying every position
_WORD = r"[A-Z](?:[\w’'\-.]*|\.(?:[A-Z]\.)+)"


def run_pattern(links: Iterable[str]) -> re.Pattern[str]:
    """Capitalised runs, with one or two lower-case linking words allowed between two capitalised words:
    ``of`` of organisations (Bank of America) and the surname particles and patronymic words of ``names.csv``
    (Lula da Silva, Abdullah ibn Saud, Ursula von der Leyen, Juan de la Cruz), so a name is never cut at them."""
    alternation = "|".join(re.escape(w) for w in sorted(links, key=lambda w: (-len(w), w)))
    return re.compile(_WORD + r"(?:[ \u00a0]+(?:(?:" + alternation + r")[ \u00a0]+){0,2}" + _WORD + r")*")


def lexicon_dir() -> Path:
    """Where the shipped lexicons are: $QUOTEFRAME_LEXICONS, the source tree, or the install prefix."""
    env = os.environ.get("QUOTEFRAME_LEXICONS")
    candidates = [Path(env)] if env else []
    candidates += [Path(__file__).resolve().parent.parent / "lexicons",
                   Path(sys.prefix) / "share" / "quoteframe" / "lexicons"]
    for cand in candidates:
        if (cand / "cues.csv").is_file():
            return cand
    raise LexiconError("cannot find the lexicons directory (set QUOTEFRAME_LEXICONS to the folder holding cues.csv)")


def shipped_dir() -> Path:
    """The lexicons folder of the source tree or the install prefix, whatever $QUOTEFRAME_LEXICONS says."""
    for cand in (Path(__file__).resolve().parent.parent / "lexicons", Path(sys.prefix) / "share" / "quoteframe" / "lexicons"):
        if (cand / "cues.csv").is_file():
            return cand
    return lexicon_dir()


def optional_file(base: Path, name: str) -> Path | None:
    """``base/name``, or the shipped file of that name when ``base`` lacks it: a user's lexicons folder made
    before the file existed (or holding only the files the user changed) keeps the shipped words."""
    for cand in (base, shipped_dir()):
        if (cand / name).is_file():
            return cand / name
    return None


def phrasal_key(word: str) -> str:
    """The key a verb form shares with its other inflections in ``Lexicons.phrasal`` (call, calls, called,
    calling -> ca; ask, asked -> ask): the regular endings stripped, enough for the few verbs listed."""
    return word.rstrip("sedingl")


def read_rows(path: Path, required: list[str]) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, row) of a commented CSV, checking the header and every row's width."""
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise LexiconError(f"{path}: cannot be read ({exc.strerror})") from exc
    with handle:
        try:
            lines = [(n, line) for n, line in enumerate(handle, 1) if line.strip() and not line.lstrip().startswith("#")]
        except UnicodeDecodeError as exc:
            raise LexiconError(f"{path}: not UTF-8 text ({exc.reason})") from exc
    if not lines:
        raise LexiconError(f"{path}: no header row")
    reader = csv.reader(line for _, line in lines)
    try:
        header = [h.strip() for h in next(reader)]
        missing = [c for c in required if c not in header]
        if missing:
            raise LexiconError(f"{path}: line {lines[0][0]}: header lacks {', '.join(missing)} (has {', '.join(header)})")
        for (lineno, _), row in zip(lines[1:], reader):
            if len(row) != len(header):
                raise LexiconError(f"{path}: line {lineno}: expected {len(header)} fields, got {len(row)}")
            yield lineno, {h: v.strip() for h, v in zip(header, row)}
    except csv.Error as exc:
        raise LexiconError(f"{path}: malformed CSV ({exc})") from exc


@dataclass(frozen=True)
class Role:
    """One title or role noun: what kind of entity it names and how it is used."""

    term: str
    entity: str
    uses: frozenset[str]
    aliases: frozenset[str]


@dataclass(frozen=True)
class NameWords:
    """The closed classes of ``names.csv``: surname particles, patronymic words, generational suffixes,
    sentence openers, post-nominal letters, the last words of streets' names."""

    particles: frozenset[str] = frozenset()
    patronymics: frozenset[str] = frozenset()
    suffixes: frozenset[str] = frozenset()
    openers: frozenset[str] = frozenset()
    postnominals: frozenset[str] = frozenset()  # Jane Roe QC, John Doe MP: letters after a name, no part of it
    placeheads: frozenset[str] = frozenset()  # Olive Road, Broad Street: a run ending with one names a place
    placeleads: frozenset[str] = frozenset()  # San Antonio, Santa Chiara: a run opening with one names a place


def load_name_words(path: Path | None) -> NameWords:
    """Read a ``names.csv`` (``None``: no such words)."""
    if path is None:
        return NameWords()
    found = _classes(path, "term", NAME_CLASSES)
    return NameWords(*(frozenset(found[c]) for c in NAME_CLASSES))


def load_sex_words(path: Path | None) -> tuple[dict[str, str], dict[str, str]]:
    """Read a ``gender.csv``: the titles and the given names that tell a person's sex (``None``: none)."""
    titles: dict[str, str] = {}
    given: dict[str, str] = {}
    if path is None:
        return titles, given
    for lineno, row in read_rows(path, ["word", "sex", "use"]):
        sex, use, word = row["sex"], row["use"], row["word"].strip().lower()
        if sex not in {"m", "f"} or use not in {"title", "given"} or not word:
            raise LexiconError(f"{path}: line {lineno}: sex must be m or f and use title or given")
        (titles if use == "title" else given)[word] = sex
    return titles, given


def name_words_of(directory: str | Path | None) -> NameWords:
    """The name word classes a run uses: ``names.csv`` of its lexicons folder (``--lexicons``), else of the
    default one, else the shipped file."""
    return load_name_words(optional_file(Path(directory) if directory else lexicon_dir(), "names.csv"))


def gazetteer_of(directory: str | Path | None) -> Gazetteer:
    """The closed classes and countries a run uses (see ``load_gazetteer``): of its lexicons folder
    (``--lexicons``), else of the default one."""
    return load_gazetteer(Path(directory) if directory else lexicon_dir())


def _classes(path: Path, column: str, classes: tuple[str, ...]) -> dict[str, set[str]]:
    """The words of a ``column,class`` lexicon by class, checking every class against ``classes``."""
    found: dict[str, set[str]] = {c: set() for c in classes}
    for lineno, row in read_rows(path, [column, "class"]):
        if row["class"] not in found:
            raise LexiconError(f"{path}: line {lineno}: class {row['class']!r} is not one of {', '.join(classes)}")
        word = " ".join(row[column].lower().split())
        if not word:
            raise LexiconError(f"{path}: line {lineno}: empty {column}")
        found[row["class"]].add(word)
    return found


@dataclass(frozen=True)
class CueWords:
    """The words of ``cue_words.csv`` that decide whether a cue gives someone's words, and whose."""

    light: frozenset[str] = frozenset()  # X gave a speech, issued a statement: the noun is X's cue
    relay: frozenset[str] = frozenset()  # the agency reported: a medium, not the speaker
    quoting: frozenset[str] = frozenset()  # X quoted Y as saying: Y speaks
    as_only: frozenset[str] = frozenset()  # cast X as "…": a cue only with "as"
    phrasal: dict[str, frozenset[str]] = field(default_factory=dict)  # phrasal_key(verb) -> particles
    label: frozenset[str] = frozenset()  # the “one country, two systems” policy: a quoted name of a thing
    event: frozenset[str] = frozenset()  # her news conference, the interview: an occasion of someone's speech
    request: frozenset[str] = frozenset()  # urged Y to say: Y would speak, at another's request
    bare_verb: frozenset[str] = frozenset()  # to call it “…”: a cue only where the verb's own context shows it
    intransitive: frozenset[str] = frozenset()  # “…,” he continued; not "to continue the talks"
    quoted_object: frozenset[str] = frozenset()  # welcomed “the total mobilization”: a cue only for its quotation
    heading_noun: frozenset[str] = frozenset()  # Putin's message to the West: “…”: the owner's words, after a colon
    metalinguistic: frozenset[str] = frozenset()  # words such as “…”: the words as words, nobody's saying


def load_cue_words(path: Path | None) -> CueWords:
    """Read a ``cue_words.csv`` (``None``: no such words)."""
    if path is None:
        return CueWords()
    found = _classes(path, "word", CUE_WORD_CLASSES)
    phrasal: dict[str, set[str]] = {}
    for words in sorted(found["phrasal"]):
        verb, _, particle = words.partition(" ")
        if not particle or " " in particle:
            raise LexiconError(f"{path}: phrasal {words!r} is not a verb and one particle")
        phrasal.setdefault(phrasal_key(verb), set()).add(particle)
    return CueWords(light=frozenset(found["light"]), relay=frozenset(found["relay"]),
                    quoting=frozenset(found["quoting"]), as_only=frozenset(found["as_only"]),
                    label=frozenset(found["label"]), event=frozenset(found["event"]),
                    request=frozenset(found["request"]), bare_verb=frozenset(found["bare_verb"]),
                    intransitive=frozenset(found["intransitive"]), quoted_object=frozenset(found["quoted_object"]),
                    heading_noun=frozenset(found["heading_noun"]), metalinguistic=frozenset(found["metalinguistic"]),
                    phrasal={k: frozenset(v) for k, v in phrasal.items()})


@dataclass
class Lexicons:
    """Speech cues and roles, ready for look-ups by lower-cased word.

    ``titles``, ``role_words`` and ``orgheads`` are the role terms by use, as sets: the mention rules
    ask these questions of nearly every capitalised word, so they are answered by one set look-up.
    ``load_lexicons`` fills them (call ``index()`` after changing ``roles`` by hand).
    """

    cues: dict[str, set[str]] = field(default_factory=dict)  # form -> types
    multiword_cues: dict[tuple[str, ...], set[str]] = field(default_factory=dict)
    roles: dict[str, Role] = field(default_factory=dict)
    multiword_by_first: dict[str, list[tuple[tuple[str, ...], set[str]]]] = field(default_factory=dict)
    titles: frozenset[str] = frozenset()
    role_words: frozenset[str] = frozenset()
    orgheads: frozenset[str] = frozenset()
    org_roles: tuple[str, ...] = ()  # terms naming an organisation, for ``str.endswith`` pre-tests
    # ``org_roles`` by their last two characters ("" holds any shorter term): the few terms a word can end with
    org_role_tails: dict[str, tuple[str, ...]] = field(default_factory=dict)
    documents: frozenset[str] = frozenset()  # role terms that are texts speaking for an author (statement, email)
    places: Gazetteer = field(default_factory=lambda: Gazetteer())
    generic_heads: frozenset[str] = frozenset()  # role words naming a leader only with whose head they are
    occupations: frozenset[str] = frozenset()  # professions written as false titles (economist Jane Roe)
    honorifics: frozenset[str] = frozenset()  # titles with no role (Mr, Dr, Sen.)
    cue_words: CueWords = field(default_factory=CueWords)
    premodifiers: frozenset[str] = frozenset()  # role_modifiers.csv
    subordinate: frozenset[str] = frozenset()
    other_office: frozenset[str] = frozenset()  # the opposition leader: no holder of a title "leader" aliases
    portfolio: frozenset[str] = frozenset()  # Minister of Foreign Affairs X: words of an office, not of X's name
    level: frozenset[str] = frozenset()  # the Union Minister: a government's word, which tells no minister apart
    names: NameWords = field(default_factory=NameWords)
    sex_titles: dict[str, str] = field(default_factory=dict)  # gender.csv: Mr -> m, spokeswoman -> f
    sex_given: dict[str, str] = field(default_factory=dict)  # gender.csv: Angela -> f
    # lower-case words a capitalised name or organisation run may hold between two capitalised words:
    # "of" (Bank of America) and the particles and patronymic words of names.csv (Lula da Silva)
    name_links: frozenset[str] = frozenset({"of"})
    name_runs: re.Pattern[str] = field(default_factory=lambda: run_pattern({"of"}))
    _appositives: tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]] | None = field(default=None, repr=False)
    # ``mentions.RunSplitter``'s answers by a run's words: a pure function of these lexicons, asked about
    # the same names in document after document (emptied by ``index`` and ``link_names``)
    run_splits: dict[tuple[str, ...], tuple[list[str], list[str], str]] = field(default_factory=dict, repr=False,
                                                                               compare=False)

    def link_names(self) -> None:
        """Rebuild ``name_links`` and ``name_runs`` from ``names`` (call after changing it by hand)."""
        self.name_links = frozenset({"of"}) | self.names.particles | self.names.patronymics
        self.name_runs = run_pattern(self.name_links)
        self.run_splits.clear()

    def index(self) -> None:
        """Rebuild the look-up sets from ``roles``."""
        self.titles = frozenset(t for t, r in self.roles.items() if "title" in r.uses)
        self.role_words = frozenset(t for t, r in self.roles.items() if "role" in r.uses)
        self.orgheads = frozenset(t for t, r in self.roles.items() if "orghead" in r.uses)
        self.documents = frozenset(t for t, r in self.roles.items() if "document" in r.uses)
        self.generic_heads = frozenset(t for t, r in self.roles.items() if "generic" in r.uses)
        self.occupations = frozenset(t for t, r in self.roles.items() if "occupation" in r.uses)
        # courtesy titles and their like (Mr, Dr, Sen.): titles that name no role of their own
        self.honorifics = frozenset(t for t, r in self.roles.items() if "title" in r.uses and "role" not in r.uses)
        self._appositives = None
        self.run_splits.clear()
        self.org_roles = tuple(sorted(t for t, r in self.roles.items() if r.entity == "org"))
        tails: dict[str, list[str]] = {}
        for term in self.org_roles:
            tails.setdefault(term[-2:] if len(term) >= 2 else "", []).append(term)
        self.org_role_tails = {tail: tuple(terms) for tail, terms in tails.items()}

    def appositives(self) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
        """Patterns of a role in apposition after a name (", the libertarian leader") and before one
        ("Argentina's president, "; "The leader of the Civic Union Party (CUP), "): groups lead
        (the, a, Argentina's), modifiers, role word. Built once."""
        if self._appositives is None:
            words = "|".join(re.escape(t) for t in sorted(self.role_words, key=lambda t: (-len(t), t))
                             if self.roles[t].entity == "person" and t.replace("-", "").isalpha())
            lead = r"(the|an?|[A-Z][\w’'.-]*(?:’s|'s))"
            mods = r"((?:[\w’'-]+ ){0,4}?)"
            whose = r"of (?:the )?(?:[A-Z][\w’'.-]* ){0,5}[A-Z][\w’'.-]*(?: \([A-Z][\w.-]*\))?"  # of the Party (P)
            self._appositives = (re.compile(rf"\s+{lead}\s+{mods}({words})\b(?=[\s,.;]|$)", re.IGNORECASE),
                                 re.compile(rf"\b{lead}\s+{mods}({words}),$", re.IGNORECASE),
                                 re.compile(rf"\b(the|an?)\s+{mods}({words}) {whose},$", re.IGNORECASE))
        return self._appositives

    def is_title(self, word: str) -> bool:
        return word in self.titles

    def is_role(self, word: str) -> bool:
        return word in self.role_words

    def is_orghead(self, word: str) -> bool:
        return word in self.orgheads


@dataclass
class Gazetteer:
    """The closed classes no speaker belongs to (dates, number words, places, demonyms), and which
    country each place or demonym belongs to, so that "the Kazakh leader" meets "Kazakhstan's president".

    Keys are lower-cased forms. ``also_names`` are forms that are also names of people (Jordan, May):
    they name a class only when the text gives no person of that name.
    """

    kind: dict[str, str] = field(default_factory=dict)  # form -> weekday|month|relative|number|country|demonym|city
    country: dict[str, str] = field(default_factory=dict)  # place or demonym form -> its country's name
    also_names: frozenset[str] = frozenset()
    capitals: dict[str, str] = field(default_factory=dict)  # lower-cased capital (Kyiv, Kiev) -> its country
    capitals_of: frozenset[str] = frozenset()  # lower-cased countries that have a capital (not Europe, Asia)
    # answers by name: a document asks about the same runs again and again, a corpus about the same names
    _classified: dict[str, str] = field(default_factory=dict, repr=False)
    _places: dict[str, bool] = field(default_factory=dict, repr=False)

    def classify(self, name: str) -> str:
        """The closed class a speaker name belongs to ("" for none): the whole name, without a leading
        article or a possessive, is a date word, a number word, a place or a demonym."""
        found = self._classified.get(name)
        if found is None:
            words = name.lower().replace("’", "'").removesuffix("'s").split()
            if words and words[0] == "the":
                words = words[1:]
            key = " ".join(words)
            found = "" if not key or key in self.also_names else self.kind.get(key, "")
            if len(self._classified) < 100_000:
                self._classified[name] = found
        return found

    def names_a_place(self, name: str) -> bool:
        """Whether a capitalised run that looks like a person's name holds a country's name, or ends with
        a city's (Self-governing Taiwan, China COVID, Rossiya 24 is no person): names of people that are
        also places (Jordan, Chad, Paris) are listed in ``also_names`` and do not count."""
        found = self._places.get(name)
        if found is None:
            raw = name.split()
            words = [w.lower().replace("’", "'").removesuffix("'s") for w in raw]
            # (Leila de Lima: a city after a surname particle is a surname; a run holds no other lower-case
            # word but "of", as in Port of Spain)
            particle = len(raw) >= 3 and raw[-2].islower() and raw[-2] != "of"
            found = any(self.kind.get(w) == "country" and w not in self.also_names for w in words) or \
                bool(words) and self.kind.get(words[-1]) == "city" and words[-1] not in self.also_names and not particle
            if len(self._places) < 100_000:
                self._places[name] = found
        return found

    def country_of(self, word: str) -> str:
        """The country a place, country or demonym form belongs to, or ""."""
        return self.country.get(word.lower().replace("’", "'").removesuffix("'s"), "")

    def government_of(self, place: str) -> str:
        """The country whose government a place names when it speaks ("Kyiv said", "Ukraine says"): a
        country's name or its capital, not another city (Donetsk speaks for no country); a region's own name
        (its government: "Texas sued"); "" otherwise."""
        key = place.lower().replace("’", "'").removesuffix("'s").removeprefix("the ")
        if key in self.also_names:
            return ""
        if key in self.capitals:
            return self.capitals[key]
        if self.kind.get(key) == "region":  # Texas sued, Kerala said: the region's own government
            return place.replace("’", "'").removesuffix("'s").removeprefix("the ")
        country = self.country.get(key, "") if self.kind.get(key) == "country" else ""
        return country if country.lower() in self.capitals_of else ""  # Europe, Asia: no government


def load_gazetteer(base: Path) -> Gazetteer:
    """Read ``dates.csv``, ``numbers.csv``, ``countries.csv`` and ``regions.csv`` from ``base``, or the shipped
    ones where it lacks them (a user's lexicons folder may hold only the files the user changed)."""
    gaz = Gazetteer()
    also: set[str] = set()
    capitals: set[tuple[str, str]] = set()
    capitals_of: set[str] = set()
    path = optional_file(base, "dates.csv")
    if path is not None:
        for _, row in read_rows(path, ["term", "class"]):
            gaz.kind[row["term"].lower()] = row["class"]
            if row.get("also_name"):
                also.add(row["term"].lower())
    path = optional_file(base, "numbers.csv")
    if path is not None:
        for _, row in read_rows(path, ["term"]):
            gaz.kind[row["term"].lower()] = "number"
    path = optional_file(base, "countries.csv")
    if path is not None:
        for _, row in read_rows(path, ["country", "aliases", "demonyms", "cities"]):
            country = row["country"]
            forms = [("country", f) for f in [country, *row["aliases"].split("|")]]
            forms += [("demonym", f) for f in row["demonyms"].split("|")]
            forms += [("city", f) for f in row["cities"].split("|")]
            # a government speaks for a country with people and a capital (not Europe, not Donbas)
            capital = _capital_forms(row["cities"].split("|")) if row["demonyms"].strip() else []
            capitals.update((form, country) for form in capital)
            if capital:
                capitals_of.add(country.lower())
            for kind, form in forms:
                key = form.strip().lower()
                if key:
                    gaz.kind.setdefault(key, kind)
                    gaz.country.setdefault(key, country)
            also.update(f.strip().lower() for f in row.get("also_name", "").split("|") if f.strip())
            for seat in row.get("seats", "").split("|"):  # a seat of government names no place a speaker is not
                if seat.strip():
                    gaz.country.setdefault(seat.strip().lower(), country)
    path = optional_file(base, "regions.csv")
    if path is not None:  # (a region is no country's: two states' governors are two offices)
        for _, row in read_rows(path, ["region", "country"]):
            key = row["region"].strip().lower()
            if key:
                gaz.kind.setdefault(key, "region")
            also.update(f.strip().lower() for f in row.get("also_name", "").split("|") if f.strip())
    gaz.also_names = frozenset(also)
    gaz.capitals = dict(sorted(capitals))
    gaz.capitals_of = frozenset(capitals_of)
    return gaz


def _capital_forms(cities: list[str]) -> list[str]:
    """The capital (listed first in ``countries.csv``) and the forms after it that spell the same city
    (Kiev for Kyiv, Washington DC for Washington): same initial, and one a prefix of the other or two
    letters apart at most."""
    forms = [c.strip().lower() for c in cities if c.strip()]
    if not forms:
        return []
    first = forms[0]
    same = [f for f in forms[1:] if f[:1] == first[:1] and (f.startswith(first) or first.startswith(f)
                                                            or len(f) == len(first) and sum(a != b for a, b in zip(f, first)) <= 2)]
    return [first, *same]


def load_lexicons(directory: Path | None = None) -> Lexicons:
    """Read ``cues.csv`` and ``roles.csv`` from ``directory`` (default: the shipped lexicons), and the
    other word classes from it or, where it lacks one of those files, from the shipped lexicons."""
    base = directory or lexicon_dir()
    lex = Lexicons()
    cue_path = base / "cues.csv"
    for lineno, row in read_rows(cue_path, ["cue", "lemma", "type"]):
        ctype = row["type"]
        if ctype not in CUE_TYPES:
            raise LexiconError(f"{cue_path}: line {lineno}: type {ctype!r} is not one of {', '.join(sorted(CUE_TYPES))}")
        words = tuple(row["cue"].lower().split())
        if not words:
            raise LexiconError(f"{cue_path}: line {lineno}: empty cue")
        if len(words) == 1:
            lex.cues.setdefault(words[0], set()).add(ctype)
        else:
            lex.multiword_cues.setdefault(words, set()).add(ctype)
    for words, types in sorted(lex.multiword_cues.items(), key=lambda kv: -len(kv[0])):
        lex.multiword_by_first.setdefault(words[0], []).append((words, types))
    role_path = base / "roles.csv"
    for lineno, row in read_rows(role_path, ["term", "entity", "uses"]):
        uses = frozenset(u for u in row["uses"].split("|") if u)
        if row["entity"] not in ENTITY_TYPES or not uses or not uses <= ROLE_USES:
            raise LexiconError(f"{role_path}: line {lineno}: bad entity {row['entity']!r} or uses {row['uses']!r}")
        aliases = frozenset(a for a in row.get("alias", "").split("|") if a)
        term = row["term"].lower()
        lex.roles[term] = Role(term, row["entity"], uses, aliases)
    lex.index()
    lex.places = load_gazetteer(base)
    lex.cue_words = load_cue_words(optional_file(base, "cue_words.csv"))
    path = optional_file(base, "role_modifiers.csv")
    if path is not None:
        found = _classes(path, "term", MODIFIER_CLASSES)
        lex.premodifiers, lex.subordinate = frozenset(found["premodifier"]), frozenset(found["subordinate"])
        lex.other_office = frozenset(found["other_office"])
        lex.portfolio = frozenset(found["portfolio"])
        lex.level = frozenset(found["level"])
    lex.names = load_name_words(optional_file(base, "names.csv"))
    lex.link_names()
    lex.sex_titles, lex.sex_given = load_sex_words(optional_file(base, "gender.csv"))
    return lex
