"""Extract quotations from documents and give their speakers one canonical name across a corpus.

``extract_quotes`` works on one document and keeps no state between documents, so it can run in any
process; ``canonicalise`` is the one step that needs every row, and runs over the final table.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from quoteframe.aliases import Aliases
from quoteframe.attribution import DocumentAttributor
from quoteframe.lexicon import Lexicons, load_gazetteer, load_lexicons, shipped_dir
from quoteframe.mentions import Person
from quoteframe.names import PERSON_TYPES, canonical_names
from quoteframe.orgnames import ORG_TYPES, is_acronym, org_names
from quoteframe.quotemarks import find_quote_spans
from quoteframe.records import DocResult, Document, Quote
from quoteframe.roleholders import resolve_role_speakers, shipped_role_words
from quoteframe.segment import Segmenter
from quoteframe.spill import DocSpill

QUOTE_COLUMNS = ["doc_id", "outlet", "quote_id", "kind", "speaker", "speaker_mention", "mention_start",
                 "mention_end", "cue", "start", "end", "text", "date"]
SOURCE_COLUMNS = ["outlet", "speaker", "quotations", "direct", "partial", "words", "share"]
QUOTED_WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")  # a word with its inner apostrophes: don't, Tokayev's


class QuoteExtractor:
    """Holds the lexicons and sentence splitter; ``extract`` is a pure function of one document."""

    def __init__(self, lexicons: Lexicons | None = None) -> None:
        self.lex = lexicons or load_lexicons()
        self.seg = Segmenter()

    def extract(self, doc: Document) -> DocResult:
        spans, warnings = find_quote_spans(doc.text)
        result = DocResult(doc.doc_id, doc.outlet, warnings=warnings, date=doc.date)
        if not spans:
            return result
        attributor = DocumentAttributor(doc.text, [(s.start, s.end) for s in spans], self.lex, self.seg)
        people = attributor.ents.people
        described: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
        for i, span in enumerate(spans):
            att = attributor.attribute(i)
            sp = att.speaker
            person = people.get(sp.name) if sp is not None and sp.etype == "person" else None
            titles: tuple[str, ...] = ()
            modifiers: tuple[str, ...] = ()
            if person is not None:
                if person.name not in described:
                    described[person.name] = _described_by(person)
                titles, modifiers = described[person.name]
            result.quotes.append(Quote(
                doc_id=doc.doc_id, outlet=doc.outlet, quote_id=f"{doc.doc_id}:q{i + 1:03d}", kind=att.kind,
                speaker=_unshouted(sp.name) if sp else "", speaker_mention=sp.mention.text if sp else "",
                mention_start=sp.mention.start if sp else None, mention_end=sp.mention.end if sp else None,
                cue=att.cue, start=span.start, end=span.end, text=doc.text[span.start:span.end],
                speaker_type=sp.etype if sp else "", date=doc.date,
                speaker_titles=titles, speaker_modifiers=modifiers))
        _echo_headline(doc.text, result.quotes)
        _echo_pull_quotes(doc.text, result.quotes)
        _shared_name(result.quotes, people, attributor.ents.fold)
        return result


def _described_by(person: Person | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The titles and modifiers a speaker's quotations carry: the person's own, unless a former holder's."""
    if person is None or person.former:
        return (), ()
    return tuple(sorted(person.titles - person.other_titles)), tuple(sorted(person.modifiers))


def _shared_name(quotes: list[Quote], people: dict[str, Person], fold: Callable[[str], str]) -> None:
    """A bare name two people of the document share (Kim: the minister Kim Yeon-chul and the leader Kim
    Jong-un; two Smiths) names, as a speaker, the one of them the document quotes under the full name:
    a reader takes "Kim said" for the person the story quotes, not for one it only mentions. With
    none of them quoted, or several, the bare name stays as written."""
    quoted = {q.speaker for q in quotes if q.speaker_type == "person"}
    for q in quotes:
        if not q.speaker or " " in q.speaker or q.speaker_type not in PERSON_TYPES:
            continue
        key = fold(q.speaker)
        sharing = [n for n in people if " " in n and key in (fold(n.split()[0]), fold(n.split()[-1]))]
        speaking = [n for n in sharing if n in quoted]
        if len(sharing) >= 2 and len(speaking) == 1:
            q.speaker, q.speaker_type = speaking[0], "person"
            q.speaker_titles, q.speaker_modifiers = _described_by(people[speaking[0]])


ECHO_WORD_RE = re.compile(r"[^\W_]+")


def _echo_headline(text: str, quotes: list[Quote]) -> None:
    """A headline quotes the story's own quotation, usually with no verb (BIG BREAKING | ‘These people
    become ours’; Putin: ‘…’ is caught by its colon): a quotation of the headline with no speaker takes the
    speaker of a later quotation of the document that holds its words in order, two words at least."""
    first_break = text.find("\n")
    if first_break < 0:
        return
    for i, q in enumerate(quotes):
        if q.start > first_break:
            break
        if q.speaker:
            continue
        words = ECHO_WORD_RE.findall(q.text.lower())
        if len(words) < 2:
            continue
        needle = " ".join(words)
        for later in quotes[i + 1:]:
            if not later.speaker or later.start <= first_break:
                continue
            hay = ECHO_WORD_RE.findall(later.text.lower())
            if needle in " ".join(hay):
                q.speaker, q.speaker_mention, q.speaker_type = later.speaker, later.speaker_mention, later.speaker_type
                q.mention_start, q.mention_end, q.cue = later.mention_start, later.mention_end, later.cue
                if q.kind == "scare" or len(words) < 0.8 * len(hay):
                    q.kind = "partial"  # a piece of the story's quotation, title case or not
                break


def _echo_pull_quotes(text: str, quotes: list[Quote]) -> None:
    """A paragraph that is nothing but a quotation with no speaker (a standfirst's or a web page's pull quote,
    ‘We don’t need war’) repeats words the story quotes elsewhere: it takes the speaker of another quotation
    of the document that holds its words in order, three words at least (a shorter phrase may be anyone's)."""
    for q in quotes:
        if q.speaker:
            continue
        start = text.rfind("\n", 0, q.start) + 1
        end = text.find("\n", q.end)
        line = text[start:len(text) if end < 0 else end]
        if line.strip().strip("“”‘’\"'«»").strip() != q.text.strip():
            continue
        words = ECHO_WORD_RE.findall(q.text.lower())
        if len(words) < 3:
            continue
        needle = " ".join(words)
        for other in quotes:
            if other is q or not other.speaker or len(other.text) <= len(q.text):
                continue
            if needle in " ".join(ECHO_WORD_RE.findall(other.text.lower())):
                q.speaker, q.speaker_mention, q.speaker_type = other.speaker, other.speaker_mention, other.speaker_type
                q.mention_start, q.mention_end, q.cue = other.mention_start, other.mention_end, other.cue
                break


def _unshouted(name: str) -> str:
    """A name with a word a tabloid lede sets in capitals (VLADIMIR Putin) written as the others are:
    only words of four letters or more, and only when another word of the name is not in capitals, so
    that initials (JD Vance) and names written all in capitals stay as they are."""
    words = name.split()
    if len(words) < 2 or all(w.isupper() for w in words) or not any(w.isupper() and len(w) >= 4 for w in words):
        return name
    return " ".join(w.capitalize() if w.isupper() and len(w) >= 4 and w.isalpha() else w for w in words)


def extract_quotes(doc: Document, extractor: QuoteExtractor | None = None) -> list[Quote]:
    """The quotations of one document, in text order (speaker names not yet canonical across documents)."""
    return (extractor or QuoteExtractor()).extract(doc).quotes


def person_speakers(quotes: Iterable[Quote]) -> Iterator[str]:
    """Speaker names that vote in ``canonical_names``: people's (and names of unknown type), one per quotation."""
    return (q.speaker for q in quotes if q.speaker and q.speaker_type in PERSON_TYPES)


class SpeakerVotes:
    """The speaker names of a run as its documents stream by: people's names as votes for
    ``canonical_names``, and every name given (organisations' too), which the aliases may correct."""

    def __init__(self) -> None:
        self.persons: Counter[str] = Counter()
        self.titled: set[str] = set()  # family names written after a title (see ``titled_word``)
        self.names: set[str] = set()
        self.orgs: Counter[str] = Counter()  # organisations' names and acronyms, as votes for ``org_names``
        self.mentions: Counter[tuple[str, str]] = Counter()  # people's (name, mention), for titles' holders
        self.titles: Counter[tuple[str, tuple[str, ...], tuple[str, ...]]] = Counter()  # (name, titles, modifier keys)

    def add(self, quotes: Iterable[Quote]) -> None:
        for q in quotes:
            if q.speaker:
                self.names.add(q.speaker)
                if q.speaker_type in PERSON_TYPES:
                    self.persons[q.speaker] += 1
                    self.mentions[(q.speaker, q.speaker_mention)] += 1
                    if q.speaker_titles:
                        self.titles[(q.speaker, q.speaker_titles, q.speaker_modifiers)] += 1
                    word = titled_word(q)
                    if word:
                        self.titled.add(word)
                if q.speaker_type == "org" or q.speaker_type in ORG_TYPES and is_acronym(q.speaker):
                    self.orgs[q.speaker] += 1

    def resolve(self, aliases: Aliases | None = None) -> SpeakerNames:
        words = aliases.words if aliases is not None else None
        canonical = canonical_names(self.persons.elements(), self.titled, words)
        # "the Chancellor" a document left unresolved: the one person the corpus titles so
        roles = aliases.roles if aliases is not None and aliases.roles is not None else shipped_role_words()
        held = resolve_role_speakers(self.mentions, self.titles, canonical, roles)
        for name, auto in canonical.items():
            holder = held.get(name) or held.get(auto)
            if holder:
                canonical[name] = canonical.get(holder, holder)
        if self.orgs:
            places = aliases.places if aliases is not None and aliases.places is not None else \
                load_gazetteer(shipped_dir())
            for name, org in org_names(self.orgs.elements(), places).items():
                if canonical.get(name, name) == name:  # a person's canonical name is decided above
                    canonical[name] = org
        return SpeakerNames(canonical, aliases or Aliases(),
                            frozenset(self.names))


class SpeakerNames:
    """The one place a speaker's name is decided: the automatic canonical name (``canonical_names``),
    then the researcher's correction (``Aliases``) of the name as given or of its canonical name, the
    former first. Every table (quotes, variants, frames --hits, speakers, report) maps names through
    this, before anything is grouped or counted; "" means not a speaker."""

    def __init__(self, canonical: dict[str, str], aliases: Aliases, names: frozenset[str] = frozenset()) -> None:
        self.canonical = canonical
        self.aliases = aliases
        self.names = names | canonical.keys()

    def __call__(self, name: str) -> str:
        if not name:
            return name
        if self.aliases:
            fixed = self.aliases.get(name)
            if fixed is not None:
                return fixed
            auto = self.canonical.get(name, name)
            fixed = self.aliases.get(auto)
            return auto if fixed is None else fixed
        return self.canonical.get(name, name)

    def unmatched_aliases(self) -> list[str]:
        """Names of the aliases file that match no speaker of the run, as given or canonical."""
        return self.aliases.unmatched(self.names | set(self.canonical.values()))


def speaker_names(quotes: Iterable[Quote], aliases: Aliases | None = None) -> SpeakerNames:
    """The speaker names of a set of quotations (see ``SpeakerNames``)."""
    votes = SpeakerVotes()
    votes.add(quotes)
    return votes.resolve(aliases)


def titled_word(q: Quote) -> str | None:
    """The one-word name written after a title or honorific as a person's mention (Mr Xi, President Xi) and
    naming that speaker, alone or as the first word of the speaker's name (Xi, Xi Jinping): a family name
    written first, which ``canonical_names`` may join, in other documents, to a full name it opens."""
    words = q.speaker_mention.split()
    if len(words) >= 2 and q.speaker_type in PERSON_TYPES:
        word = words[-1]
        if q.speaker == word or q.speaker.startswith(word + " "):
            return word
    return None


class QuoteTable:
    """The quotations of a run in table order (doc_id, start, end) with canonical speaker names, built
    from a stream of document results without holding the rows: they wait in a ``DocSpill`` while the
    speaker names are counted, and are read back one document at a time. Rows and order are those of
    ``canonicalise``; use as a context manager (the temporary file is removed on exit)."""

    def __init__(self, results: Iterable[DocResult], aliases: Aliases | None = None) -> None:
        self._spill: DocSpill[Quote] = DocSpill()
        votes = SpeakerVotes()
        for res in results:
            votes.add(res.quotes)
            self._spill.add(res.doc_id, res.quotes)
        self.names = votes.resolve(aliases)

    def __iter__(self) -> Iterator[Quote]:
        for quotes in self._spill.by_doc_id():
            quotes.sort(key=lambda q: (q.start, q.end))
            for q in quotes:
                q.speaker = self.names(q.speaker)
                yield q

    def __enter__(self) -> QuoteTable:
        return self

    def __exit__(self, *exc: object) -> None:
        self._spill.close()


def canonicalise(quotes: Iterable[Quote], aliases: Aliases | None = None) -> list[Quote]:
    """Give every person one canonical name across the corpus (corrected by ``aliases``) and sort rows
    by (doc_id, start)."""
    return canonicalise_names(quotes, aliases)[0]


def canonicalise_names(quotes: Iterable[Quote], aliases: Aliases | None = None) -> tuple[list[Quote], SpeakerNames]:
    """``canonicalise``, and the names it used (to report aliases that matched nothing)."""
    rows = list(quotes)
    names = speaker_names(rows, aliases)
    for q in rows:
        q.speaker = names(q.speaker)
    rows.sort(key=lambda q: (q.doc_id, q.start, q.end))
    return rows, names


@dataclass(slots=True)
class SourceRow:
    """Who an outlet quoted: one speaker's quotations in one outlet (speaker "" for the unattributed)."""

    outlet: str
    speaker: str
    quotations: int
    direct: int
    partial: int
    words: int  # words quoted in total
    share: float | None  # of the outlet's attributed quotations; None for the unattributed row

    def row(self) -> dict[str, object]:
        return {c: getattr(self, c) for c in SOURCE_COLUMNS}


def summarise_sources(quotes: Iterable[Quote]) -> list[SourceRow]:
    """One row per (outlet, speaker), sorted by outlet, then quotations (most first), then speaker.

    The unit a write-up counts is "whom did this outlet let speak, and how much": quotations, how many of
    them direct or partial, and how many words. Quotations without a speaker (scare quotes, unresolved
    speakers) are one row with an empty speaker, so the quotations add up to the quotes table; ``share`` is
    of the outlet's attributed quotations, so the shares of its named speakers add up to one.
    """
    counts: dict[tuple[str, str], list[int]] = {}
    for q in quotes:
        c = counts.setdefault((q.outlet, q.speaker), [0, 0, 0, 0])
        c[0] += 1
        c[1] += q.kind == "direct"
        c[2] += q.kind == "partial"
        c[3] += len(QUOTED_WORD_RE.findall(q.text))
    attributed: Counter[str] = Counter()
    for (outlet, speaker), c in counts.items():
        if speaker:
            attributed[outlet] += c[0]
    rows = [SourceRow(outlet, speaker, c[0], c[1], c[2], c[3],
                      c[0] / attributed[outlet] if speaker else None)
            for (outlet, speaker), c in counts.items()]
    rows.sort(key=lambda r: (r.outlet, -r.quotations, r.speaker))
    return rows
