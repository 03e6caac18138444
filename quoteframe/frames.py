"""Framing terms by outlet and voice: whose words call the people in the street "terrorists"?

Each hit of a lexicon term gets a voice from the quotation rows of its document: ``own`` (the outlet's
narration), ``quoted`` (inside a quotation attributed to a speaker, or a direct quotation), ``scare``
(inside the outlet's scare quotes). Terms are found by word look-ups over the text (no tokenisation of
whole articles); rates are per 10,000 words of the voice's text (quoted words for a quoted hit, the
outlet's own words otherwise), and z compares outlets within one voice.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from quoteframe.aliases import Aliases
from quoteframe.errors import LexiconError
from quoteframe.lexicon import lexicon_dir, read_rows
from quoteframe.quotes import SpeakerNames, SpeakerVotes
from quoteframe.records import DocResult, Document, Row
from quoteframe.spill import DocSpill
from quoteframe.stats import log_odds_z

FRAME_COLUMNS = ["outlet", "term", "category", "voice", "count", "rate", "z"]
CATEGORY_COLUMNS = ["outlet", "category", "voice", "count", "rate", "z"]
HIT_COLUMNS = ["doc_id", "outlet", "term", "category", "voice", "speaker", "quote_id", "start", "end", "text"]
VOICES = ("own", "quoted", "scare")
WORD_RE = re.compile(r"\w+")
TOKEN_RE = re.compile(r"[^\W_][\w'’-]*")  # a word with its hyphens and possessive: anti-terrorist, protesters'
ALNUM_RE = re.compile(r"[^\W_]")  # a character that can start a token
RUN_CHAR_RE = re.compile(r"[\w'’-]")  # a character that can continue one
FOLLOW_RE = re.compile(r"[\s\u00a0]+([^\W_][\w'’-]*)")


@dataclass(frozen=True, slots=True)
class FrameHit(Row):
    """One occurrence of a framing term, with the voice it is in."""

    doc_id: str
    outlet: str
    term: str
    category: str
    voice: str
    speaker: str
    quote_id: str
    start: int
    end: int
    text: str

    def row(self) -> dict[str, object]:
        return {c: getattr(self, c) for c in HIT_COLUMNS}


DEFAULT_SET = "unrest"


def lexicon_sets() -> list[str]:
    """Names of the shipped framing lexicon sets: ``unrest`` (``lexicons/frames.csv``) and every
    ``lexicons/frames-NAME.csv``."""
    names = {DEFAULT_SET} | {p.stem[len("frames-"):] for p in lexicon_dir().glob("frames-*.csv")}
    return sorted(names)


def set_path(name: str) -> Path:
    """The file of a shipped lexicon set; an unknown name is an error that lists the sets."""
    path = lexicon_dir() / ("frames.csv" if name == DEFAULT_SET else f"frames-{name}.csv")
    if not path.is_file():
        raise LexiconError(f"no framing lexicon set {name!r} (shipped sets: {', '.join(lexicon_sets())})")
    return path


def _inflections(word: str) -> list[str]:
    forms = {word, word + "s", word + "es", word + "'s", word + "’s", word + "s'", word + "s’"}
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        forms |= {word[:-1] + "ies"}
    if word.endswith("s"):
        forms |= {word + "'", word + "’"}
    return sorted(forms, key=len, reverse=True)


@dataclass
class FrameLexicon:
    """Terms (lower case) and their categories, compiled into one regular expression."""

    terms: dict[str, str] = field(default_factory=dict)
    _by_first: dict[str, list[tuple[tuple[str, ...], str]]] = field(default_factory=dict)

    @classmethod
    def load(cls, extra: Sequence[str] = (), replace: bool = False, sets: Sequence[str] = (DEFAULT_SET,)) -> FrameLexicon:
        """The shipped lexicon ``sets`` (``unrest`` by default) and the ``extra`` files, or only the extra
        files with ``replace``; a term listed twice takes its last category."""
        lex = cls()
        shipped = [set_path(name) for name in sets]
        paths = [Path(p) for p in extra] if replace and extra else [*shipped, *map(Path, extra)]
        for path in paths:
            for lineno, row in read_rows(path, ["term", "category"]):
                term = " ".join(row["term"].lower().split())
                if not term or not row["category"]:
                    raise LexiconError(f"{path}: line {lineno}: empty term or category")
                lex.terms[term] = row["category"]
        lex.compile()
        return lex

    def compile(self) -> None:
        """Index every surface form (inflected last word) by its first word, longest forms first."""
        by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for term in self.terms:
            words = term.split()
            for last in _inflections(words[-1]):
                surface = tuple(words[:-1] + [last.replace("’", "'")])
                by_first.setdefault(surface[0], []).append((surface, term))
        for forms in by_first.values():
            forms.sort(key=lambda f: (-len(f[0]), f[0]))
        self._by_first = by_first

    def find(self, text: str) -> Iterable[tuple[int, int, str]]:
        """(start, end, term) of every term occurrence: one C-level word scan and dictionary look-ups,
        not a regular expression of hundreds of alternatives."""
        skip_to = 0
        for start, stop, first in self._first_words(text):
            if start < skip_to:
                continue
            forms = self._by_first[first.lower().replace("’", "'")]
            for words, term in forms:
                end, pos, ok = stop, stop, True
                for nxt in words[1:]:
                    follow = FOLLOW_RE.match(text, pos)
                    if not follow or follow.group(1).lower().replace("’", "'") != nxt:
                        ok = False
                        break
                    end = pos = follow.end()
                if ok:
                    yield start, end, term
                    skip_to = end
                    break


    def _first_words(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, text) of the TOKEN_RE tokens that are some term's first word, in text order.

        The same tokens as filtering ``TOKEN_RE.finditer(text)``, found without visiting every word in
        Python: the distinct tokens are collected in C, the few that are first words are looked up, and
        only their occurrences are visited. An occurrence is a token when it starts its run of word
        characters, apostrophes and hyphens at its first letter or digit, and ends the run.
        """
        found: list[tuple[int, int, str]] = []
        for word in set(TOKEN_RE.findall(text)):
            if word.lower().replace("’", "'") not in self._by_first:
                continue
            pos = text.find(word)
            while pos >= 0:
                end = pos + len(word)
                k = pos - 1
                while k >= 0 and text[k] in "_'’-":
                    k -= 1
                if (k < 0 or not ALNUM_RE.match(text, k)) and not RUN_CHAR_RE.match(text, end):
                    found.append((pos, end, word))
                pos = text.find(word, pos + 1)
        found.sort()
        return found


class FrameScorer:
    """Adds framing hits and word counts to a document's quotation result."""

    def __init__(self, lexicon: FrameLexicon) -> None:
        self.lexicon = lexicon

    @classmethod
    def from_files(cls, extra: Sequence[str] = (), replace: bool = False,
                   sets: Sequence[str] = (DEFAULT_SET,)) -> FrameScorer:
        return cls(FrameLexicon.load(extra, replace, sets))

    def annotate(self, doc: Document, result: DocResult) -> None:
        quotes = sorted(result.quotes, key=lambda q: q.start)
        starts = [q.start for q in quotes]
        import bisect

        quoted_words = scare_words = 0
        for q in quotes:
            n = len(WORD_RE.findall(doc.text, q.start, q.end))
            if q.kind == "scare":
                scare_words += n
            else:
                quoted_words += n
        result.n_words = len(WORD_RE.findall(doc.text))
        result.own_words = result.n_words - quoted_words - scare_words
        result.quoted_words, result.scare_words = quoted_words, scare_words
        for start, end, term in self.lexicon.find(doc.text):
            k = bisect.bisect_right(starts, start) - 1
            voice, speaker, qid = "own", "", ""
            inner = end - (len(doc.text[start:end]) - len(doc.text[start:end].rstrip("’'")))  # ‘… terrorists’
            if k >= 0 and quotes[k].start <= start and inner <= quotes[k].end:
                q = quotes[k]
                voice = "scare" if q.kind == "scare" else "quoted"
                speaker, qid = q.speaker, q.quote_id
            result.frame_hits.append(FrameHit(doc.doc_id, doc.outlet, term, self.lexicon.terms[term], voice, speaker,
                                              qid, start, end, doc.text[start:end]))


@dataclass
class FrameCounts:
    """Running totals of the frames table. A document adds its counts and is dropped, so a run over a
    month of news holds one counter per (outlet, term, voice), not every hit."""

    by: str = "term"  # term | category
    own_words: Counter[str] = field(default_factory=Counter)
    quoted_words: Counter[str] = field(default_factory=Counter)
    all_words: Counter[str] = field(default_factory=Counter)
    counts: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    category_of: dict[str, str] = field(default_factory=dict)

    def add(self, res: DocResult) -> None:
        self.own_words[res.outlet] += res.own_words
        self.quoted_words[res.outlet] += res.quoted_words
        self.all_words[res.outlet] += res.n_words
        for hit in res.frame_hits:
            key = hit.term if self.by == "term" else hit.category
            self.category_of[hit.term] = hit.category
            self.counts[(res.outlet, key, hit.voice)] += 1

    def words(self, voice: str) -> Counter[str]:
        """Each outlet's words that a hit in ``voice`` is one of: quoted words for a quoted hit, the
        outlet's own words (outside quotations) for its own and its scare-quoted hits, since a scare
        quote is the outlet's own choice of where to keep its distance."""
        return self.quoted_words if voice == "quoted" else self.own_words

    def rows(self, prior: float = 1000.0) -> list[dict[str, object]]:
        """Rows of (outlet, term|category, voice) with count, rate per 10,000 words and log-odds z.

        Each voice is its own comparison: z sets the outlet's own-voice count against the other
        outlets' own-voice counts (out of own words), quoted against quoted (out of quoted words), scare
        against scare (out of own words), after Monroe, Colaresi and Quinn (2008): log-odds ratio with an
        informative Dirichlet prior from that voice's counts over the whole corpus. ``rate`` has the same
        denominator as z, so a row's rate and z describe the same comparison.
        """
        by_voice: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
        for (outlet, key, voice), n in self.counts.items():
            by_voice[voice][outlet][key] += n
        z = {voice: log_odds_z(counts, self.words(voice), prior) for voice, counts in by_voice.items()}
        rows: list[dict[str, object]] = []
        for (outlet, key, voice), n in sorted(self.counts.items()):
            denom = self.words(voice)[outlet]
            row: dict[str, object] = {"outlet": outlet, "voice": voice, "count": n,
                                      "rate": (n * 10000.0 / denom) if denom else 0.0, "z": z[voice][(outlet, key)]}
            if self.by == "term":
                row["term"], row["category"] = key, self.category_of[key]
            else:
                row["category"] = key
            rows.append(row)
        return rows


def frame_tables(results: Iterable[DocResult], by: str = "term", prior: float = 1000.0) -> list[dict[str, object]]:
    """The frames table of a stream of document results (see ``FrameCounts.rows``)."""
    counts = FrameCounts(by)
    for res in results:
        counts.add(res)
    return counts.rows(prior)


def hit_rows(results: Iterable[DocResult], aliases: Aliases | None = None) -> Iterator[dict[str, object]]:
    """One row per hit, sorted by (doc_id, start), the speaker of a quoted hit canonical across the corpus.

    The whole stream is consumed before the first row: hits wait in a temporary file while the
    quotations' speaker names are counted as votes for ``canonical_names`` (the quotations themselves
    are dropped as each document arrives). A quoted hit's speaker is its quotation's, so it maps as
    ``canonicalise`` maps that quotation.
    """
    return HitTable(results, aliases).rows()


class HitTable:
    """The hits of a run with speakers named as the quotes table names them (see ``hit_rows``)."""

    def __init__(self, results: Iterable[DocResult], aliases: Aliases | None = None) -> None:
        votes = SpeakerVotes()
        self._spill: DocSpill[FrameHit] = DocSpill()
        self.dates: dict[str, str] = {}  # doc_id -> date, for --by-date
        for res in results:
            votes.add(res.quotes)
            self._spill.add(res.doc_id, res.frame_hits)
            self.dates[res.doc_id] = res.date
        self.names: SpeakerNames = votes.resolve(aliases)

    def rows(self) -> Iterator[dict[str, object]]:
        with self._spill:
            for hits in self._spill.by_doc_id():
                hits.sort(key=lambda h: h.start)
                for h in hits:
                    yield dict(h.row(), speaker=self.names(h.speaker))
