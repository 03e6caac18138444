"""Attribute each quotation to a speaker and decide its kind, with the patterns of English news.

The reporter's sentence around a quotation (its *frame*) is tokenised with every quotation replaced by a
placeholder, so only the reporter's words are searched. In order:

1. after the quotation, in the same sentence: ``“…,” X said`` / ``“…,” said X`` / ``“…,” according to X``;
2. before it, the nearest cue of the sentence: ``X said: “…”``, ``X said that … “…”``,
   ``X called Y “…”``, ``X, the title of Y, said``, ``claims by X that “…”``, ``X's statement``;
   a participle (``…, saying``) or a verb with no subject of its own takes the clause subject;
3. a quotation with no cue continues its paragraph's previous speaker, or, opening a paragraph, the
   speaker of the previous paragraph's last quotation.

Pronouns and role phrases resolve to entities (``he`` to the subject of an earlier sentence, ``the
president`` to the person the document titles President). What cannot be recovered stays empty.
"""

from __future__ import annotations

import bisect
import functools
import operator
import re
import unicodedata
from collections.abc import Callable, Container
from dataclasses import dataclass, replace

from quoteframe.lexicon import Lexicons, Role, phrasal_key
from quoteframe.mentions import (
    DETERMINERS,
    NOMINATIVE,
    PARTY_STATE,
    QUANTIFIER_SUBJECTS,
    STATE_WORDS,
    DocEntities,
    Mention,
    MentionFinder,
    RunSplitter,
    is_title_case,
    modifier_key,
    scan_entities,
    subordinate_title,
)
from quoteframe.names import fold
from quoteframe.segment import Segmenter, Token, tokenize

SKIPPABLE = {"also", "later", "then", "previously", "repeatedly", "reportedly", "has", "have", "had", "was", "is",
             "were", "would", "will", "did", "does", "do", "not", "to", "once", "again", "earlier", "initially",
             "further", "publicly", "instead", "been", "be", "may", "might", "could", "should",
             "can", "simply", "recently", "first", "last", "privately", "openly", "angrily", "bluntly", "flatly",
             "firmly", "just", "already", "even", "never", "often", "frequently", "still", "allegedly", "quickly",
             "separately", "subsequently", "told", "himself", "herself", "themselves", "itself", "only", "now",
             # conjunctive adverbs between a subject and its verb (X however admitted, X nevertheless said)
             "however", "nevertheless", "nonetheless", "therefore", "meanwhile", "though", "thus", "too"}
AUX = {"is", "are", "was", "were", "been", "be", "am"}
# prepositions that are no verb of an attribution slot either (“…” against X, “…” toward Y)
MORE_PREPOSITIONS = {"against", "toward", "towards", "across", "between", "within", "upon", "beyond", "behind",
                     "through", "around", "among", "amid", "despite", "onto", "via", "throughout", "than", "like",
                     "concerning", "regarding", "including", "excluding", "following", "considering", "barring"}
# finite verbs and modals that make the name before them a clause's subject (warned Brazil would …)
CLAUSE_VERBS = AUX | {"would", "will", "could", "can", "should", "must", "may", "might", "shall", "had", "has",
                      "have", "did", "does", "do", "wanted", "wants", "needs", "needed"}
ANAPHORIC = {"the", "this", "that"}  # a document mention pointing back to one named before
# sentences (and paragraphs: news paragraphs are often one sentence) a definite document mention looks back
# for the one it points to; the nearest document of that word is taken, so a longer reach only answers
# mentions that had none
DOCUMENT_LOOKBACK = 12
# what may stand right before a verb form that is more often a noun (to call, would call, they call)
BARE_VERB_LEADS = {"to", "not", "would", "will", "could", "can", "should", "must", "may", "might", "did", "do", "does",
                   "they", "we", "i", "you", "also", "often", "still", "now", "then", "never"}
OBJECT_PRONOUNS = {"him", "her", "them", "us", "me", "you", "it"}  # asked him to …: a request's object
# called himself “Mr. Clean”, dubbed them “The Few”: a label the cue's subject gives, in title case or not
LABELLED_PRONOUNS = frozenset(OBJECT_PRONOUNS | {"himself", "herself", "themselves", "itself", "myself", "ourselves"})
PREPOSITIONS = {"of", "in", "for", "with", "on", "at", "by", "from", "into", "about", "over", "under", "without",
                "the", "a", "an", "this", "these", "those", "its", "their", "his", "her", "our"}
INTRO = {"in", "on", "at", "after", "before", "while", "though", "although", "as", "despite", "since", "during",
         "until", "because", "if", "when", "for", "from", "with", "by", "earlier", "later", "perhaps", "meanwhile",
         "however", "still", "yet", "but", "and", "so", "then", "also", "instead", "again", "rejecting", "like",
         "unlike", "amid", "among", "following", "under", "over", "according",
         # the other prepositions and subordinators that open a fronted phrase (Throughout the hearing, …)
         "throughout", "across", "inside", "outside", "within", "behind", "beyond", "against", "without", "upon",
         "around", "through", "between", "beside", "besides", "regarding", "once", "unless", "whereas", "toward",
         "towards", "along", "alongside", "ahead", "prior", "amongst", "whilst"}
SENT_END = {".", "!", "?"}
POSSESSIVE_PRONOUNS = {"his", "her", "its", "their", "our", "my", "your"}
NOMINATIVE_OF = {"him": "he", "her": "she", "them": "they"}  # the nominative each stands for
# words that cannot stand in a description run into a name (NASA flag bearer X): a lead holding one is a clause
LEAD_FUNCTION = {"and", "or", "but", "from", "by", "with", "of", "to", "for", "that", "which", "who", "is", "was",
                 "are", "were", "has", "had", "have", "said", "says", "also", "then", "yesterday", "today"}
DOCUMENT_NOUNS = {"affidavit", "post", "blog", "op-ed", "column", "speech", "interview"}  # spoken or written in
PAST_ENDINGS = ("ed", "en", "t", "d")  # past participles, regular and not (said, told, written, sent)
OBJECT_PREPOSITIONS = {"from", "to", "against", "on", "about", "at", "over", "towards", "toward", "into"}
PHRASE_OPENERS = {"on", "in", "at", "during"}  # prepositions that open a fronted phrase of time or place
DEFINITE_BEFORE_RE = re.compile(r"\b[Tt]he\s+(?:\S+\s+){0,2}$")  # the (PP) leader: a definite phrase's start
AGE_RE = re.compile(r"\d{1,3}-year-old")  # the 72-year-old: a description by age
INTRODUCES_RE = re.compile(r"(?:^|[.!?\n])[\"”’]?\s*$")  # an indefinite phrase opening a sentence introduces someone
CATAPHOR_REACH = 3  # sentences after a pronoun with no antecedent that may name whom it means
CONJUNCTIONS = {"and", "but", "so", "yet", "then", "also"}
# a transcript's speaker label opening a quotation: one to three capitalised words and a colon
TRANSCRIPT_LABEL = re.compile(r"([A-Z][A-Za-z'’.-]+(?: [A-Z][A-Za-z'’.-]+){0,2}):[ \t]+(?=\S)")
PLACE_ADVERBS = {"here", "there", "back", "out", "down", "up", "over", "home", "abroad", "overseas"}
NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
NEWLINE_RE = re.compile("\n")
NONBLANK_RE = re.compile(r"\S")
MAX_LEFT = 600  # characters of a frame before the opening mark
MAX_RIGHT = 400  # and after the closing mark
PARTICIPLE_LINKS = {"by", "while", "after", "before", "when", "without", "since", "in", "upon"}  # by reiterating that …
# the particle of a phrasal verb right before a participle (X hit back asking …, X lashed out saying …): the
# participle goes on with the clause's subject, as after a comma
VERB_PARTICLES = {"back", "out", "up", "off", "again"}
INTRODUCERS = {"that", ":", ",", "such", "as", "reading", "saying", "like"}  # a statement that “…”, signs such as “…”
EPITHET_COORDINATED = re.compile(r"’?'?s?\s+(?:and|&|or)\s")  # X and Y said: two subjects, no one epithet's
# When asked if …, / After being told …, / While speaking to …,: a participle phrase behind a subordinator
SUBORDINATE_LEAD_RE = re.compile(r"\s*(?:When|While|After|Before|Once|Upon)\s+(?:being\s+)?[a-z]+(?:ing|ed)\b")
# Speaking to …, / Asked about …, (not "According to X,": X is whom a pronoun after it means)
PARTICIPLE_LEAD_RE = re.compile(r"\s*(?!According\b)[A-Z][a-z]+(?:ing|ed)\b(?![’'])")
CROWD_NOUNS = {"chants", "chant", "cries", "cry", "shouts", "shout", "chorus", "choruses", "jeers", "cheers", "calls",
               "chanting", "shouting", "roars"}  # amid chants of “…”: a crowd's words
PRONOUN_SEX = {"he": "m", "she": "f"}  # a possessive's head is its nominative (his -> he)
COMPAT = {"he": {"person", "unknown"}, "she": {"person", "unknown"}, "it": {"org", "place", "unknown"}, "i": set(),
          "they": {"group", "org"}, "we": {"group", "org"}}


# what may follow the last cue of a sentence that announces the next quotation: adjuncts and the speaker
ADJUNCT_START = {"on", "in", "at", "with", "during", "after", "before", "via", "through", "from", "late", "early",
                 "earlier", "later", "today", "yesterday", "tonight", "overnight", "again", "afterwards", "afterward",
                 "shortly", "separately", "too", "also", "then", "the", "a", "an"}
ANNOUNCE_STOPS = {"that", "which", "who", "whom", "if", "whether", "how", "what", "why", "when", "where", "to",
                  "and", "but", "or", "not", "about", "of", "because", "so"}
DATE_CLASSES = {"weekday", "month", "relative", "holiday"}
NO_ROLE = Role("", "", frozenset(), frozenset())
INDEFINITE = {"a", "an", "another", "one", "some", "several", "many", "two", "three"}


@dataclass(frozen=True)
class Speaker:
    """A resolved speaker: the entity name in this document, its type, and the mention that names it."""

    name: str
    etype: str
    mention: Mention


@dataclass
class Attribution:
    """What attribution decided for one quotation."""

    speaker: Speaker | None
    cue: str
    kind: str
    inferred: bool = False  # the speaker was carried on from the quotations before, no cue names it


@dataclass(frozen=True)
class Cue:
    index: int
    last: int  # last token of a multi-word cue
    ctype: str  # verb | participle | noun | prep
    text: str


class DocumentAttributor:
    """Attribution state for one document: its entities, segmented paragraphs and discourse history."""

    def __init__(self, text: str, spans: list[tuple[int, int]], lex: Lexicons, seg: Segmenter) -> None:
        self.text = text
        self.lex = lex
        self.seg = seg
        splitter = RunSplitter(lex)
        self.ents: DocEntities = scan_entities(text, lex, splitter)
        self.finder = MentionFinder(text, lex, self.ents, splitter)
        self._level_keys = {modifier_key(w, lex, self.ents.fold) for w in lex.level}
        # quotation extents including their marks, for placeholders
        # two straight single marks typed for a double one (''…'') are two characters wide
        self.marked = [(s - (2 if text[max(0, s - 2):s] == "''" else 1), e + (2 if text[e:e + 2] == "''" else 1), i)
                       for i, (s, e) in enumerate(spans)]
        self.spans = spans
        self._para_cache: dict[int, list[tuple[int, int]]] = {}
        self._starts: dict[int, list[int]] = {}
        self._ends: dict[int, list[int]] = {}
        self._marked_starts = [m[0] for m in self.marked]
        self._newlines = [m.start() for m in NEWLINE_RE.finditer(text)]
        self._subject_cache: dict[tuple[int, int], Speaker | None] = {}
        self._title_cache: dict[tuple[int, int], bool] = {}
        self._analysed: dict[tuple[int, int], tuple[list[Token], list[Mention]]] = {}
        self._cues: dict[tuple[int, int], list[Cue]] = {}
        self._active_cues: dict[tuple[int, int], list[Cue]] = {}
        self._speaking_names: dict[str, bool] = {}  # ``_speaks_by_name``  # ``_cues`` less passive ones (``attribute``)
        self._slotted: dict[tuple[int, int], list[Mention]] = {}
        self._bodies: dict[str, str] = {}
        self.last_speaker: Speaker | None = None
        self._proxy: Speaker | None = None  # the body a spokesperson of the text last spoke for (``_proxied_body``)
        self._last_para: tuple[int, int] | None = None  # the paragraph of the quotation last_speaker was set at
        self._label_counts: dict[str, int] | None = None
        self._named: dict[str, int] = {}  # how often the document names each person (``_times_named``)
        self._sexes: dict[str, str] = {}  # ``sex``'s answers by name
        self._in_epithet = False  # ``_epithet_holder`` is looking up a subject
        self._epithets: dict[str, str] = {}  # role phrase -> the person its first use re-described
        self._epithet_tried: set[int] = set()  # first uses of a role looked at from a later use
        self._extracts: list[tuple[int, Speaker]] | None = None  # ``extracts_owner``: (position, owner)
        self.results: list[Attribution] = []

    # -- segmentation -------------------------------------------------------------------------------
    def _paragraph(self, pos: int) -> tuple[int, int]:
        k = bisect.bisect_left(self._newlines, pos)
        start = self._newlines[k - 1] + 1 if k > 0 else 0
        end = self._newlines[k] if k < len(self._newlines) else len(self.text)
        return start, end

    def _sentences(self, para: tuple[int, int]) -> list[tuple[int, int]]:
        if para[0] not in self._para_cache:
            sents = self.seg.sentences(self.text, *para) or [para]
            self._para_cache[para[0]] = sents
            self._starts[para[0]] = [a for a, _ in sents]
            self._ends[para[0]] = [b for _, b in sents]
        return self._para_cache[para[0]]

    def frame(self, qi: int) -> tuple[int, int, int]:
        """From the start of the sentence holding the opening mark to the end of the one holding the close.

        Returns (start, end, core end). When the quotation ends its sentence (“…?” / “….”), the next
        sentence of the paragraph is added: “Why?” Trump asked reporters. is one attribution although
        a sentence splitter rightly cuts after the question mark. ``core end`` is the end of the
        quotation's own sentence.
        """
        s, e = self.marked[qi][0], self.marked[qi][1]
        p1, p2 = self._paragraph(s), self._paragraph(max(s, e - 1))
        sents1, sents2 = self._sentences(p1), self._sentences(p2)
        k1 = bisect.bisect_right(self._starts[p1[0]], s) - 1
        fs = sents1[k1][0] if k1 >= 0 else p1[0]
        k2 = bisect.bisect_left(self._ends[p2[0]], e)
        fe = sents2[k2][1] if k2 < len(sents2) else p2[1]
        core = fe
        if k2 + 1 < len(sents2) and not self.text[e:fe].strip(" \t.,;:!?)"):
            fe = sents2[k2 + 1][1]
        # a run-on "sentence" (no punctuation for pages) is clipped to a window around the quotation
        return max(fs, s - MAX_LEFT), max(min(fe, e + MAX_RIGHT), e), max(min(core, e + MAX_RIGHT), e)

    def _previous_paragraph(self, para: tuple[int, int]) -> tuple[int, int] | None:
        """The nearest non-blank line before ``para`` (bounded look-back over blank lines)."""
        k = bisect.bisect_left(self._newlines, para[0] - 1)  # the newline that ends the previous line
        for _ in range(50):
            if k <= 0 and para[0] == 0:
                return None
            end = self._newlines[k] if k < len(self._newlines) else len(self.text)
            start = self._newlines[k - 1] + 1 if k > 0 else 0
            if end <= start or not self.text[start:end].strip():
                if k <= 0:
                    return None
                k -= 1
                continue
            return start, end
        return None

    def previous_sentences(self, pos: int, limit: int = 4, paragraphs: int = 3) -> list[tuple[int, int]]:
        """Up to ``limit`` sentences before ``pos``, nearest first, crossing at most ``paragraphs`` paragraphs."""
        out: list[tuple[int, int]] = []
        para = self._paragraph(pos)
        for _ in range(paragraphs):
            sents = self._sentences(para)
            k = bisect.bisect_right(self._ends[para[0]], pos)
            out.extend((max(a, b - MAX_LEFT), b) for a, b in reversed(sents[max(0, k - limit):k]))
            if len(out) >= limit or para[0] == 0:
                break
            previous = self._previous_paragraph(para)
            if previous is None:
                break
            para = previous
            pos = para[1]
        return out[:limit]

    # -- tokens, mentions, cues ---------------------------------------------------------------------
    def tokens(self, start: int, end: int) -> list[Token]:
        lo = max(0, bisect.bisect_left(self._marked_starts, start) - 1)
        hi = bisect.bisect_left(self._marked_starts, end)
        return tokenize(self.text, start, end, [m for m in self.marked[lo:hi] if m[1] > start and m[0] < end])

    def analysed(self, start: int, end: int) -> tuple[list[Token], list[Mention]]:
        """Tokens and mentions of ``text[start:end]``, worked out once per document: quotations of one
        sentence share their frame, and a frame is often the sentence a later pronoun looks back to."""
        key = (start, end)
        found = self._analysed.get(key)
        if found is None:
            toks = self.tokens(start, end)
            found = self._analysed[key] = (toks, self.finder.find(toks, self.title_case(toks)))
        return found

    def cues_of(self, start: int, end: int) -> list[Cue]:
        """``cues`` of the tokens of ``text[start:end]``, once per document."""
        key = (start, end)
        found = self._cues.get(key)
        if found is None:
            found = self._cues[key] = self.cues(self.analysed(start, end)[0])
        return found

    def title_case(self, toks: list[Token]) -> bool:
        if not toks:
            return False
        para = self._paragraph(toks[0].start)  # a headline is a line of its own
        if para not in self._title_cache:
            self._title_cache[para] = is_title_case(self.text[para[0]:para[1]])
        return self._title_cache[para]

    def cues(self, toks: list[Token]) -> list[Cue]:
        found: list[Cue] = []
        i = 0
        cue_words, by_first = self.lex.cues, self.lex.multiword_by_first
        while i < len(toks):
            tok = toks[i]
            if tok.quote >= 0 or (tok.lower not in cue_words and tok.lower not in by_first):
                i += 1  # most words are no cue and start none: two look-ups, no call
                continue
            matched = False
            for words, types in by_first.get(tok.lower, ()):
                k = len(words)
                if tuple(t.lower for t in toks[i:i + k]) == words:
                    found.append(Cue(i, i + k - 1, "prep" if "prep" in types else sorted(types)[0],
                                     self.text[tok.start:toks[i + k - 1].end]))
                    i += k
                    matched = True
                    break
            if matched:
                continue
            ctype = self._cue_type(toks, i)
            if ctype:
                found.append(Cue(i, i, ctype, tok.text))
            i += 1
        return found

    def _quotes_object(self, toks: list[Token], i: int) -> bool:
        """Whether a quotation follows the verb at ``i`` in its sentence before any other verb of speech:
        "expressed his aim to win and “reach out to …”" quotes what was expressed; "mentioned the devil, I
        laughed and said “…”" quotes what was said."""
        for t in toks[i + 1:]:
            if t.quote >= 0:
                return True
            if t.text in SENT_END or (t.lower in self.lex.cues and t.lower not in self.lex.cue_words.quoted_object
                                      and not self.lex.cues[t.lower] <= {"noun"}):
                return False
        return False

    def _cue_type(self, toks: list[Token], i: int) -> str | None:
        types = self.lex.cues.get(toks[i].lower)
        if not types:
            return None
        words = self.lex.cue_words
        if toks[i].lower in words.as_only and not any(t.lower == "as" for t in toks[i + 1:i + 6]):
            return None  # "cast X as …" frames a claim; "cast a vote" does not
        if toks[i].lower in words.quoted_object and not self._quotes_object(toks, i):
            return None  # welcomed the guests; welcomed “the total mobilization”: speech only by what it quotes
        prev = toks[i - 1].lower if i > 0 else ""
        nxt = toks[i + 1].lower if i + 1 < len(toks) else ""
        if toks[i].lower in words.metalinguistic and (nxt in {"like", "including"} or nxt == "such" and i + 2 < len(toks)
                                                      and toks[i + 2].lower == "as"):
            return None  # terms containing words such as “…”: words named as words, nobody's saying
        if "noun" in types and nxt in {"about", "on"} and i > 0 and toks[i - 1].possessive and any(
                toks[k].quote >= 0 and all(t.lower in DETERMINERS | POSSESSIVE_PRONOUNS for t in toks[i + 2:k])
                for k in range(i + 2, min(len(toks), i + 5))):
            return "noun"  # the minister's remarks on his “possible resignation”: the topic in the remarks' words
        if "noun" in types and nxt not in {"of", "about", "on", "for"}:
            before = {t.lower for t in toks[max(0, i - 3):i]}  # (a possessive's own lower case is among them)
            near_quote = (i + 1 < len(toks) and toks[i + 1].quote >= 0) or (i > 0 and toks[i - 1].quote >= 0) or \
                any(toks[k].quote >= 0 and all(t.lower in INTRODUCERS for t in toks[i + 1:k])
                    for k in range(i + 2, min(len(toks), i + 4)))
            agent = nxt in {"by", "from"}
            that = any(t.lower == "that" for t in toks[i + 1:i + 7] if t.quote < 0) and \
                not any(t.quote >= 0 for t in toks[i + 1:i + 2])
            # (a light verb before it: issued claims that; not "in", which takes the noun only after an article)
            determined = prev in DETERMINERS or (i > 0 and toks[i - 1].possessive) or bool((before - {"in"}) & words.light)
            if (near_quote or agent or that) and (determined or agent):
                return "noun"
            if any(t.lower in words.light and t.lower != "in" for t in toks[max(0, i - 4):i]) \
                    and _light_verb_before(toks, i, words.light) >= 0:
                return "noun"  # X issued a dire warning …, X made an appeal to Y not to …: X's words follow
            if i > 0 and toks[i - 1].quote >= 0 and before & (DETERMINERS | words.light):
                return "noun"
            if near_quote and types == {"noun"}:
                return "noun"  # signs such as “…”, chants of “…”
        if toks[i].lower in words.intransitive and (nxt in DETERMINERS or nxt == "to" or i + 1 < len(toks) and toks[i + 1].possessive):
            # to continue the talks, concluded a deal, people continue to go out: the verb has an object or an
            # infinitive, and reports no speech
            return None
        if "participle" in types:
            return "verb" if prev in AUX else "participle"
        if "verb" in types:
            if toks[i].lower in words.bare_verb and prev not in BARE_VERB_LEADS:
                return None  # a phone call, the call “…”: the form is a noun unless its context makes it a verb
            if nxt in words.phrasal.get(phrasal_key(toks[i].lower), ()):
                return "barrier"  # call for, call on, ask for: a request, and a clause boundary
            if prev in PREPOSITIONS or (prev == "to" and toks[i].lower.endswith(("s", "ed"))):
                return None
            if "noun" in types and i >= 2 and (toks[i - 2].lower in DETERMINERS or toks[i - 2].possessive) \
                    and toks[i - 1].is_word and not _adverb(toks[i - 1]) and toks[i - 1].lower not in AUX:
                return None  # a Twitter comment, her brief reply: a noun with its modifier, no verb
            return "verb"
        return None

    # -- resolution ---------------------------------------------------------------------------------
    def resolve(self, m: Mention, toks: list[Token], mentions: list[Mention], sent_start: int) -> Speaker | None:
        if m.etype == "org" and 0 < m.first < len(toks) and toks[m.first].start == m.start and toks[m.first - 1].possessive:
            owner = toks[m.first - 1].text  # China's Communist Party: the country is part of whose it is
            if self.lex.places.classify(owner) in {"country", "demonym"}:
                return Speaker(f"{owner} {self.ents.long_names.get(m.name, m.name)}", "org", m)
        if m.etype == "org" and " " not in m.name and (role := self.lex.roles.get(m.name.lower())) is not None \
                and role.entity == "org" and "role" in role.uses:
            named = self._name_after_role(m, toks, mentions, sent_start)  # Broadcaster NTV, at a sentence's start
            if named is not None:
                return named
        if m.etype in {"person", "org"}:
            return Speaker(self.ents.long_names.get(m.name, m.name), m.etype, m)
        if m.etype == "place":
            # a country or capital that speaks stands for its government (Taiwan says …): when the document
            # names a body of that place (Taiwan's Mainland Affairs Council), that body is the speaker
            body = self._body_of(m.name)
            if body:
                return Speaker(body, "org", m)
            # a government by its capital or country: named as the government, so that "Kyiv" and "Ukraine"
            # are one speaker and no place stands in the speaker column; still a place to the rules
            country = self.lex.places.government_of(m.name)
            return Speaker(f"Government of {country}" if country else m.name, "place", m)
        if m.etype in {"role", "unknown"} and m.head and (AGE_RE.fullmatch(m.head) or (
                (role := self.lex.roles.get(m.head)) is not None and "description" in role.uses)):
            described = self._described(m, mentions, sent_start)
            if described is not None:  # Jane Roe … the 72-year-old told the paper; the single mum said
                return described
        if m.etype == "unknown" and m.name and " " not in m.name and self.lex.is_role(m.name.lower()):
            # President said …: a title written alone, as a name (no article), is the role's holder
            found = self.resolve_role(replace(m, etype="role", head=m.name.lower()))
            if found is not None and found.name:
                return found
        if m.etype == "unknown":
            person = self.ents.person_for_surname(m.name.split()[-1]) if m.name else None
            if person:
                return Speaker(person, "person", m)
            if m.name and " " not in m.name and self.ents.fold(m.name) in self.ents.titled:
                return Speaker(m.name, "person", m)  # President Biden … Biden said: a title makes it a person's name
            return Speaker(m.name, "unknown", m)
        if m.etype == "role":
            if m.head in self.lex.documents and toks:
                author = _document_author(m, toks, mentions)
                if author is not None:  # a statement from the president: the president's words
                    return self.resolve(author, toks, mentions, sent_start)
                light = _light_verb_before(toks, m.first, self.lex.cue_words.light) if m.first > 0 else -1
                if light >= 0 and toks[light].lower != "in":
                    # X issued a written statement saying …: the statement is the words of who issued it
                    issuer = self.speaker_of_cue(Cue(light, light, "verb", toks[light].text), toks, mentions, sent_start)
                    if issuer is not None and (issuer.etype in {"person", "org", "group"}
                                               or issuer.etype == "unknown" and issuer.name[:1].isupper()):
                        return issuer  # (Samsung issued a statement saying: a name the text gives nothing else)
                if m.text.split()[0].lower() in ANAPHORIC:
                    earlier = self.document_antecedent(m.head, sent_start)
                    if earlier is not None:  # X said in a statement … the statement added: X's words
                        return Speaker(earlier.name, earlier.etype, m)  # the mention stays the statement
            role = self.lex.roles.get(m.head)
            if role is not None and role.entity == "org" and m.text.split()[-1].lower() == m.head:
                named = self._name_after_role(m, toks, mentions, sent_start)
                if named is not None:
                    return named
            return self.resolve_role(m)
        if m.etype == "pron":
            if m.head == "i":
                return Speaker("I", "person", m)  # the writer of a first-person piece
            # a pronoun with no antecedent in reach: the mention is known, the entity is not (empty name)
            return self.resolve_pronoun(m, mentions, sent_start) or Speaker("", NOMINATIVE.get(m.head, ""), m)
        return None

    def _former_in_coordination(self, head: str) -> str | None:
        """The one person the text names right after "former <role> and <another title>" (former Cabinet
        minister and party leader X): the former role is theirs too, though their name's run holds only the
        second title."""
        found = {p.name for p in self.ents.people.values()
                 if re.search(rf"\bformer\s+(?:[\w’'-]+\s+){{0,2}}{re.escape(head)}\s+and\s+(?:[\w’'-]+\s+){{0,4}}?"
                              rf"{re.escape(p.name)}\b", self.text, re.IGNORECASE)}
        return found.pop() if len(found) == 1 else None

    def _proxied_body(self, m: Mention, anaphoric: bool) -> Speaker | None:
        """The body whose words an unnamed spokesperson gives: named before the role word (an INMO
        spokesperson, a Downing Street spokesman, Afenifere's spokesman, a Department of Justice spokesperson)
        or after it (a spokesman for First Endeavour). A spokesperson for a person is that person's voice.
        "The spokesperson" naming no body speaks for the last body a spokesperson of the text spoke for.
        A lead of places alone (a Russian spokesman) or of common nouns (a government spokesman) names none."""
        words = [w.removesuffix("’s").removesuffix("'s") for w in m.text.split()[:-1] if w.lower() not in DETERMINERS]
        body = ""
        if words and words[0][:1].isupper() and any(
                w[:1].isupper() and self.lex.places.classify(w) not in {"country", "demonym"} for w in words):
            body = " ".join(words)
            before = ORG_OF_BEFORE_RE.search(self.text, max(0, m.start - 80), m.start)
            if before is not None and self.text[m.start:m.start + len(words[0])] == words[0]:
                # a Department of Justice spokesperson: the run broke at "of"
                body = " ".join(w for w in before.group(1).split() if w.lower() not in DETERMINERS) + " " + body
        else:
            after = BODY_AFTER_RE.match(self.text, m.end)
            if after is not None:
                body = after.group(1)
        if body:
            person = self.ents.people.get(body)
            # (a word alone is a body's name before a surname: a Twitter spokesman)
            named = person.name if person is not None else \
                self.ents.person_for_surname(body.split()[-1]) if " " in body else None
            if named:  # a spokeswoman for Senator X: X's words
                return Speaker(named, "person", m)
            country = self.lex.places.government_of(body)
            name = f"Government of {country}" if country else self.ents.acronyms.get(body, body)
            self._proxy = Speaker(name, "place" if country else "org", m)
            return self._proxy
        if anaphoric and self._proxy is not None:
            return Speaker(self._proxy.name, self._proxy.etype, m)
        return None

    def _times_named(self, name: str, in_full: int) -> int:
        """How often the document names a person: in full, or by any one word of the name written alone
        (Putin, Lula, Xi), whichever is more; a word shared by two people counts for neither."""
        cached = self._named.get(name)
        if cached is not None:
            return cached
        best = in_full
        for word in name.split():
            if len(word) >= 2 and word[0].isupper() and sum(word in p.split() for p in self.ents.people) == 1:
                best = max(best, len(re.findall(rf"\b{re.escape(word)}\b", self.text)))
        self._named[name] = best
        return best

    def _body_of(self, place: str) -> str:
        """The organisation the document names as a body of ``place`` ("Taiwan's Mainland Affairs Council",
        "Taiwan Affairs Office" for Taiwan): an organisation name that opens with the place, possessive or
        not; the most often named, or "" when there is none or the place is not a whole word of it."""
        if place in self._bodies:
            return self._bodies[place]
        key = fold(place)
        best = ("", 0)
        # where "Place's " ends in the text, searched once: an organisation named right after it belongs to it
        owned = [m.end() for m in re.finditer(re.escape(place) + "['’]s ", self.text)]
        for org, count in self.ents.orgs.items():
            words = fold(org.replace("’s ", " ").replace("'s ", " ")).split()
            if words[:len(key.split())] == key.split() and len(words) > len(key.split()) and count > best[1]:
                best = (org, count)
            elif count > best[1] and any(self.text.startswith(org, end) for end in owned):
                best = (org, count)  # Moldova's River Council, whose name was found without its owner
        self._bodies[place] = best[0]
        return best[0]

    def resolve_role(self, m: Mention) -> Speaker | None:
        role = self.lex.roles.get(m.head)
        if role is None:
            return None
        if role.entity == "person":
            first_word = m.text.split()[0].lower()
            if self.text[max(0, m.start - 4):m.start].lower() == "the " and m.text[:1].isupper():
                first_word = "the"  # the Taoiseach: a capitalised role's run leaves its article out
            if first_word == "another" or subordinate_title(m.text.lower().split(), role.term, self.lex.subordinate):
                # another senator: not the one named; the vice president, the deputy minister: no holder of
                # the title itself, and the document's titles do not say who holds the lesser one
                return Speaker(_normalise_np(m.text), "person", m)
            # an indefinite phrase names someone new (a senior official, a Republican lawmaker), unless it
            # holds the very title of a person the text names (a federal judge … Judge Gonzalo Curiel)
            indefinite = first_word in INDEFINITE
            if indefinite and m.head in self.lex.occupations and not m.text[:1].isupper():
                # an economist, an architect: a profession names someone new, whoever else the text calls so
                return Speaker(_normalise_np(m.text), "person", m)
            best: tuple[tuple[int, bool, bool, int, int], str] | None = None
            former = "former" in m.text.lower() or "ex-" in m.text.lower()
            head_of_state = m.text.lower().endswith(tuple(f" of {w}" for w in STATE_WORDS))
            # "the senator said" right after a senator spoke is that senator: the last speaker goes before
            # the person the document titles most often (not whoever was named last: that may be an object,
            # or a name inside the quotation)
            last = self.last_speaker.name if self.last_speaker and self.last_speaker.etype == "person" else None
            # the opposition leader: not whoever holds a title "leader" aliases (the president)
            apart = not self.lex.other_office.isdisjoint(m.text.lower().split())
            mods = {k for k in m.modifiers if k not in self._level_keys}
            for person in self.ents.people.values():
                if person.former != former:  # the former president is not the president, nor the other way
                    continue
                titles = person.titles
                own = titles - person.other_titles if not apart else titles  # the premier: not the opposition leader
                related = m.head in titles or not indefinite and (
                    any(m.head in self._title_role(t).aliases for t in own) or bool(own & role.aliases))
                if not related or apart and m.head not in titles:
                    continue
                if head_of_state and not any(t == "leader" or "leader" in self._title_role(t).aliases for t in titles):
                    continue  # the head of state: a president or premier, not a director "head" aliases
                # a modifier the phrase shares with the person's own modifiers or title words (the Chief
                # Minister: Delhi Chief Minister X); a level of government tells no one apart (the Union Minister)
                own_words = person.modifiers | {t[:5] for t in titles}
                overlap = len({k for k in mods for pm in own_words if k[:4] == pm[:4]})
                if mods and person.modifiers and not overlap:
                    continue
                if m.head in self.lex.generic_heads and m.head not in titles and not overlap and not head_of_state:
                    continue  # "the chief" or "the head" alone is anyone's; the Kremlin chief is the president
                # a person the phrase names by their title or by a word of it (the leader: President X) before
                # one holding a mere word the phrase's own title aliases (the Chancellor: Chancellor X, not the
                # CDU leader who spoke last), then the last speaker
                exact = m.head in titles or any(m.head in self._title_role(t).aliases for t in titles)
                score = (min(overlap, 1), exact, person.name == last, person.count, -person.first_pos)
                if best is None or score > best[0]:
                    best = (score, person.name)
            if best:
                return Speaker(best[1], "person", m)
            if former and first_word in ANAPHORIC:
                coordinated = self._former_in_coordination(m.head)
                if coordinated is not None:  # former Cabinet minister and party leader X … the former minister
                    return Speaker(coordinated, "person", m)
            if "proxy" in role.uses and not former:
                body = self._proxied_body(m, first_word in ANAPHORIC)
                if body is not None:  # an INMO spokesperson, a spokesman for First Endeavour: the body speaks
                    return body
            epithet = "title" not in role.uses and any(m.head in r.aliases and "title" in r.uses for r in self.lex.roles.values())
            if first_word in ANAPHORIC and ("title" in role.uses or epithet) and not former and not apart \
                    and m.head not in self.lex.occupations:
                # the Russian president, and nobody the document names holds or is given that title: the
                # person it names most, when that person has no title at all (a leader the story is about,
                # named without one) and nobody else is named as often
                untitled = [p for p in self.ents.people.values() if not p.former]
                named = {p.name: self._times_named(p.name, p.count) for p in untitled}
                top = max(untitled, key=lambda p: (named[p.name], -p.first_pos), default=None)
                # a one-word name after a title is somebody titled, unless it is the protagonist's own (Mr Putin)
                occupations = self.lex.occupations  # (a profession is no title that says who the president is)
                if top is not None and top.titles <= occupations \
                        and not any(p.titles - occupations for p in self.ents.people.values()) \
                        and not any(not (w in {self.ents.fold(x) for x in top.name.split()}
                                         and not any(self.lex.is_role(t) for t in words))
                                    for w, words in self.ents.title_worded.items()) \
                        and sum(1 for p in untitled if named[p.name] == named[top.name]) == 1:
                    return Speaker(top.name, "person", m)
            if first_word in ANAPHORIC and ("title" in role.uses or epithet) and not former:
                holder = self._epithet_holder(m, role, apart)
                if holder is not None:
                    return Speaker(holder, "person", m)
            return Speaker(_normalise_np(m.text), "person", m)
        if role.entity == "org":
            office = PRESS_OFFICE_RE.fullmatch(m.text)
            if office is not None:  # the Kremlin press service, the White House press office: the body's own words
                owner = office.group(1).removesuffix("’s").removesuffix("'s")
                return Speaker(self.ents.acronyms.get(owner, owner), "org", m)
            if m.head in self.ents.role_names and not m.modifiers:
                return Speaker(self.ents.role_names[m.head], "org", m)
            medium = self._name_in_phrase(m)
            if medium:  # the best-selling Bild tabloid, the NTV broadcaster: the medium's name
                return Speaker(medium, "org", m)
            matches = [(c, o) for o, c in self.ents.orgs.items() if m.head in o.lower().split()]
            if matches and not m.modifiers:
                return Speaker(max(matches)[1], "org", m)
        return Speaker(_normalise_np(m.text), role.entity, m)

    def _described(self, m: Mention, mentions: list[Mention], sent_start: int) -> Speaker | None:
        """The person a definite description re-describes: "the 72-year-old", "the single mum", "the
        resident", with nothing after it that makes it someone else's (the victim's mother, the mother of
        …), and no earlier "a woman …" that introduced someone unnamed whom it goes on describing. The
        nearest person named before it, in its sentence or the three before, of the description's sex."""
        words = m.text.split()
        if not words or words[0].lower() != "the" or any(w.endswith(("’s", "'s")) for w in words):
            return None
        for intro in re.finditer(rf"\b(?:an?|one|another)\s+(?:\S+\s+){{0,2}}{re.escape(m.head)}\b", self.text[:m.start],
                                 re.IGNORECASE):
            if intro.start() == 0 or INTRODUCES_RE.search(self.text, max(0, intro.start() - 4), intro.start()):
                return None  # A pensioner who asked not to be named …: someone unnamed, whom it goes on describing
            # (Jane Roe, a beloved mum, …; to lose a beloved mum: no one the story goes on describing)
        sex = self.lex.sex_titles.get(m.head, "")
        sents = [(sent_start, m.start)] + self.previous_sentences(sent_start, 3, 3)
        for k, sent in enumerate(sents):
            if k == 0:
                found = [o for o in mentions if o.end <= m.start]
                toks: list[Token] = []
            else:
                toks, found = self.analysed(sent[0], sent[1])[0], self.slotted(*sent)
            for o in reversed(found):
                if o.etype not in {"person", "unknown"} or not o.name or o.possessive:
                    continue
                sp = self.resolve(o, toks, found, sent[0])
                # (a one-word name opening its sentence as the subject is a person's: Taylor, who said …, …)
                subject = sp is not None and sp.etype == "unknown" and k > 0 and o is found[0] \
                    and o.start == sent[0] and (o.end >= len(self.text) or self.text[o.end] == ",")
                if sp is not None and (sp.etype == "person" or subject) and sp.name and self._agrees(sp, sex):
                    return Speaker(sp.name, "person", m)
        return None

    def _name_after_role(self, m: Mention, toks: list[Token], mentions: list[Mention], sent_start: int) -> Speaker | None:
        """The name right after an organisation's role noun (broadcaster NTV, the tabloid Bild, the agency
        AFP): the organisation the noun describes; an acronym there is its name even undefined."""
        k = m.last + 1
        if k >= len(toks):
            return None
        named = next((x for x in mentions if x.first == k and x.etype in {"org", "unknown"}), None)
        if named is not None and named.name and not self.lex.places.classify(named.name):
            return self.resolve(named, toks, mentions, sent_start)
        word = toks[k].bare
        if named is None and 2 <= len(word) <= 6 and word.isupper() and word.isalpha() and toks[k].quote < 0:
            return Speaker(self.ents.acronyms.get(word, word), "org", m)
        return None

    def _name_in_phrase(self, m: Mention) -> str:
        """The proper name that modifies an organisation's role noun inside its phrase (the Bild tabloid, the
        NTV broadcaster, the Likud party): one capitalised word or run, not the phrase's first word, and no
        person, place or demonym (the Sanders campaign is a person's; the German tabloid names no one)."""
        words = m.text.split()
        if len(words) < 2 or words[-1].lower() != m.head:
            return ""
        caps = [k for k, w in enumerate(words[:-1]) if k > 0 and w[:1].isupper()]
        if not caps or caps != list(range(caps[0], len(words) - 1)):
            return ""
        name = " ".join(words[caps[0]:-1])
        if any(w.endswith(("’s", "'s", "s’", "s'")) or self.lex.places.classify(w) or self.ents.person_for_surname(w)
               for w in name.split()) or name in self.ents.people:
            return ""  # (John Kasich’s campaign: the owner's, not the organisation's name)
        return name

    def _epithet_holder(self, m: Mention, role: Role, apart: bool = False) -> str | None:
        """The person a definite role phrase that nobody named holds re-describes (news varies its names:
        Donald Trump paused …. “…,” the Republican nominee bellowed), when the phrase is the first use of its
        head word: the person subject of the sentence before it; or, in a story's opening sentence, which
        news often begins with a description (…, the Taoiseach has said. ¶ Leo Varadkar …), of the sentence
        after it. A person titled with another role (Senator X for "the governor") is not its holder, nor, for
        an office apart ("the opposition leader"), anyone holding an office at all."""
        if self._in_epithet:
            return None  # (a subject looked up here may hold an epithet of its own: one level only, never a cycle)
        headline_end = self._headline_end()
        first = re.search(rf"\b{re.escape(m.head)}\b", self.text[headline_end:m.start], re.IGNORECASE)
        if first is not None:
            # the role came up before (a headline aside, which names roles before people): whoever it named
            # then, the subject now is no clue; if its first use re-described someone, it still does (that use,
            # "the PP leader" of a standfirst no quotation follows, is looked at here if nothing did before)
            phrase = _normalise_np(m.text)
            same = re.search(rf"\b{re.escape(phrase)}\b", self.text[headline_end:m.start], re.IGNORECASE)
            if same is None:
                return None  # the police chief after the Kremlin chief: another role
            if phrase.lower() in self._epithets:
                return self._epithets[phrase.lower()]
            pos = headline_end + same.start()
            if pos in self._epithet_tried or not DEFINITE_BEFORE_RE.search(self.text, max(0, pos - 40), pos):
                earlier = None
            else:
                self._epithet_tried.add(pos)
                earlier = self._epithet_holder(replace(m, start=pos, end=pos + len(same.group())), role, apart)
            if earlier is not None or not self._unheld(m.head):
                return earlier
            fallback = True
            # its first use re-described nobody (a headline's or lede's role, then other people): this use
            # may still re-describe the subject of the sentence right before it (Ms X accused them …. “…,” the
            # premier said), when nobody the document names holds the role
        else:
            fallback = False
        people = self.ents.people
        if any(p.first_pos < m.start for p in people.values()):
            sents = self.previous_sentences(m.start, 1, 2)
        else:
            sents = self._next_sentence(m.end)
        for sent in sents:
            self._in_epithet = True
            try:
                toks, mentions = self.analysed(*sent)
                subj = self._subject_from(toks, mentions, sent[0], depth=2)
            finally:
                self._in_epithet = False
            if subj is None or subj.etype != "person" or not subj.name \
                    or subj.mention.etype == "pron" and subj.name not in people:
                return None  # (He said …. The British filmmaker joked: the person "he" is, when the text names them)
            here = self.text[sent[0]:sent[1]]
            own = set(m.text.lower().split())
            if fallback and any(w.lower() not in own for w in re.findall(rf"(\w+)[\s-]+{re.escape(m.head)}\b", here, re.IGNORECASE)
                                if w.lower() in {"former", "ex"} | self.lex.subordinate):
                # X, the former president, and Y, the deputy president, met. … the president said: the sentence
                # gave the role's word to other offices
                return None
            lead = self.text[sent[0]:subj.mention.start].strip()
            words = lead.split()
            # (NASA flag bearer Raila Odinga has denied …: a description run into the name is part of the subject)
            described = 0 < len(words) <= 4 and all(w.isalpha() and w.lower() not in INTRO | DETERMINERS | LEAD_FUNCTION
                                                    for w in words)
            # (On Thursday evening X delivered …: a short fronted phrase of time or place, its comma left out)
            fronted = 0 < len(words) <= 5 and words[0].lower() in PHRASE_OPENERS and not lead.endswith(",")
            if lead and not lead.endswith(",") and not described and not fronted \
                    or EPITHET_COORDINATED.match(self.text, subj.mention.end):
                return None  # the figures came from X; X and Y did not …: X is no lone subject
            person = people.get(subj.name)
            titles = person.titles if person is not None else set()
            if person is not None and person.former:
                return None  # the former president is not "the president"
            if apart and any("role" in self._title_role(t).uses for t in titles):
                return None  # the opposition leader: not a person who holds an office
            if any(t != m.head and "role" in self._title_role(t).uses and m.head not in self._title_role(t).aliases
                   and t not in role.aliases and t not in self.lex.occupations for t in titles):
                return None  # (a profession excludes no other: the comedian is also the actor)
            self._epithets.setdefault(_normalise_np(m.text).lower(), subj.name)
            return subj.name
        return None

    def _unheld(self, head: str) -> bool:
        """Whether no person the document names holds a title ``head`` names (or one of its aliases)."""
        return not any(head in p.titles or any(head in self._title_role(t).aliases for t in p.titles)
                       for p in self.ents.people.values())

    def _headline_end(self) -> int:
        """Where the text after a headline starts: past a first line that is a headline (a short line with no
        full stop, a paragraph of its own before more text), else 0."""
        end = self.text.find("\n")
        if end <= 0 or not self.text[end:].strip():
            return 0
        line = self.text[:end].rstrip()
        if len(line.split()) > 25 or re.search(r"\.[”’\"']?$", line):
            return 0  # (a headline may end with a question or a quotation, hardly with a full stop)
        return end

    def _next_sentence(self, pos: int) -> list[tuple[int, int]]:
        """The sentence after the one holding ``pos``: in its paragraph, else the next paragraph's first."""
        para = self._paragraph(pos)
        sents = self._sentences(para)
        k = bisect.bisect_left(self._ends[para[0]], pos)
        if k + 1 < len(sents):
            return [sents[k + 1]]
        nxt = para[1] + 1
        while nxt < len(self.text):
            following = self._paragraph(nxt)
            if self.text[following[0]:following[1]].strip():
                return self._sentences(following)[:1]
            nxt = following[1] + 1
        return []

    def document_antecedent(self, head: str, sent_start: int) -> Speaker | None:
        """Whose document "the statement" (a definite mention, no from/by) is: the nearest earlier sentence
        that names a document of that word gives its author (a statement from X, X's report), else that
        sentence's first person or organisation outside the quotations (X said in a statement; a report
        in which X warned). Only a few earlier sentences are looked at, each analysed once per document."""
        for sent in self.previous_sentences(sent_start, DOCUMENT_LOOKBACK, DOCUMENT_LOOKBACK):
            toks, mentions = self.analysed(*sent)
            # (the communiqué, a Communique: one noun, however the outlet spells its accent)
            doc = next((m for m in reversed(mentions) if m.etype == "role" and (m.head == head or _unaccented(m.head) == _unaccented(head))), None)
            if doc is None:
                continue
            author = _document_author(doc, toks, mentions)
            if author is None:
                author = next((x for x in mentions if x.last < doc.first and x.possessive and doc.first - x.last <= 3), None)
            if author is not None:
                return self.resolve(author, toks, mentions, sent[0])
            for x in mentions:  # Biden said in a statement: a name the document titles is a person's too
                if x.etype in {"person", "org", "unknown", "role"} and x is not doc and x.first < doc.first \
                        or x.etype in {"person", "org", "unknown"} and x is not doc:
                    # (the ministry said in a statement: a role before the document is its author too)
                    found = self.resolve(x, toks, mentions, sent[0])
                    if found is not None and found.etype in {"person", "org"} and found.name:
                        return found
            if doc.text.split()[0].lower() in ANAPHORIC and not any(
                    x.etype in {"person", "org", "unknown", "role"} and x is not doc for x in mentions):
                continue  # “…,” the communiqué said. … the communiqué read: the one named before that
            return None
        return None

    def _title_role(self, title: str) -> Role:
        """The role of a person's title as stored (``sen`` for Sen.), or an empty one."""
        return self.lex.roles.get(title) or self.lex.roles.get(title + ".") or NO_ROLE

    def sex(self, name: str) -> str:
        """``m`` or ``f`` when the document or ``gender.csv`` tells a person's sex (a courtesy title or sexed
        role noun right before the name, as in Ms Ryan or spokeswoman Jen Psaki; a given name), ``""`` when
        nothing does or the clues disagree (Mrs Biden beside Joe Biden)."""
        found = self._sexes.get(name)
        if found is None:
            words = name.split()
            votes: set[str] = set()
            if words and name.islower():  # a role phrase as a name: its head (her father, the spokeswoman)
                role_sex = self.lex.sex_titles.get(words[-1])
                self._sexes[name] = role_sex or ""
                return role_sex or ""
            given = self.lex.sex_given.get(words[0].lower()) if len(words) >= 2 else None
            if given:
                votes.add(given)
            if words and self.lex.sex_titles:
                votes |= self._titled_sex(words[-1], set(words[:-1]))
            found = self._sexes[name] = votes.pop() if len(votes) == 1 else ""
        return found

    def _titled_sex(self, surname: str, given: set[str]) -> set[str]:
        """The sexes the titles written before a surname give (Ms Ryan; spokeswoman Jen Psaki, the given
        names between being the person's own): ``str.find`` over the text, cheaper than a pattern of titles."""
        found: set[str] = set()
        text, titles = self.text, self.lex.sex_titles
        pos = text.find(surname)
        while pos >= 0:
            end = pos + len(surname)
            if (pos == 0 or not text[pos - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
                before = text[max(0, pos - 48):pos].split()
                k = len(before) - 1
                while k >= 0 and before[k] in given:
                    k -= 1  # Jen of spokeswoman Jen Psaki
                if k >= 0:
                    word = before[k].lower()
                    sex = titles.get(word) or titles.get(word.rstrip("."))
                    if sex:
                        found.add(sex)
            pos = text.find(surname, end)
        return found

    def _agrees(self, sp: Speaker | None, sex: str) -> bool:
        """Whether a resolved antecedent can be what a pronoun of that sex (``""``: it, they) refers to."""
        return sp is None or not sex or sp.etype != "person" or self.sex(sp.name) in {"", sex}

    def resolve_pronoun(self, m: Mention, mentions: list[Mention], sent_start: int, depth: int = 0) -> Speaker | None:
        ok = COMPAT.get(m.head, set())
        sex = PRONOUN_SEX.get(m.head, "")
        # an earlier mention in the same sentence (its subject first); typed entities before unknown ones;
        # none of the other sex (“…?” asked Ms Ryan after he said …: the "he" is not Ryan)
        lead = self.text[sent_start:m.start]
        if (PARTICIPLE_LEAD_RE.match(lead) or SUBORDINATE_LEAD_RE.match(lead)) and lead.rstrip().endswith(","):
            # Responding to a question about X, he said: the pronoun is the subject the participle phrase
            # speaks of, and no word inside that phrase is what it refers to
            mentions = []
        earlier = [sp for sp in (self.resolve(o, [], [], sent_start) for o in mentions
                                 if o.first < m.first and o.etype != "pron" and not o.possessive)
                   if self._agrees(sp, sex)]
        if m.head == "they":  # number agreement: a plural phrase (the leaders) before a singular body (the army)
            earlier.sort(key=lambda sp: sp is None or sp.etype != "group")
        for sp in earlier:
            if sp and sp.etype in ok and sp.etype != "unknown":
                return Speaker(sp.name, sp.etype, m)
        reporter = next((o for o in reversed(mentions) if o.first < m.first and o.etype == "unknown" and not o.possessive), None)
        if reporter is not None and m.head in {"it", "they", "he", "she"}:
            between = self.text[reporter.end:m.start].split()
            if 1 <= len(between) <= 2 and between[0].lower() in self.lex.cues and between[1:] in ([], ["that"]):
                # Acme said that it would appeal: the pronoun of the clause a name's verb of saying reports
                # is that name, whatever kind the text leaves it
                reported = self.resolve(reporter, [], [], sent_start)
                if reported is not None and reported.name and self._agrees(reported, sex):
                    return Speaker(reported.name, reported.etype, m)
        # the nearest earlier sentence whose subject is of a typed kind (a person for he/she), then the
        # last speaker, and only then a subject of unknown type: a capitalised word heading a sentence
        # (Justice and truth are …, Zero-Covid was …) is a weaker antecedent than the person the text names
        subjects: list[Speaker | None] = []
        for n, sent in enumerate(self.previous_sentences(sent_start) if depth < 2 else []):
            if n == 0 and depth == 0 and ok & {"person"}:
                # …, Zelensky added. He said …: who the sentence before reports speaking, before its subject
                speaking = self._reported_speaker(sent)
                if speaking is not None and speaking.etype == "person" and self._agrees(speaking, sex):
                    return Speaker(speaking.name, speaking.etype, m)
            subj = self.subject(sent, depth + 1)
            if not self._agrees(subj, sex):
                continue  # Ms X said …. He added: the sentence's subject is not whom the pronoun means
            if subj and subj.etype == "place" and self.last_speaker and self.last_speaker.etype == "org" \
                    and "org" in ok:
                # Taiwan will not …, the presidential office said. … it said: the body that spoke, not the
                # country its words were about
                return Speaker(self.last_speaker.name, self.last_speaker.etype, m)
            if subj and subj.etype in ok and subj.etype != "unknown":
                return Speaker(subj.name, subj.etype, m)
            if subj and subj.etype == "unknown" and sex and self._speaks_by_name(subj.name):
                # Jagdeo was asked about …. He responded: a bare name the text has speak elsewhere ("Jagdeo
                # said") is a person's, as good a subject for "he" as a name of known type
                return Speaker(subj.name, "person", m)
            if n == 0 and depth == 0 and sex and subj is not None and subj.etype == "unknown" \
                    and subj.mention.first == 0 and " " not in subj.name and not self._acts(sent, subj.mention):
                # Concerns were also shared by Jane Roe, 50, …. “…,” she said: a capitalised word opening the
                # sentence before, never capitalised inside a sentence, names nobody; the person that sentence
                # brings in is whom the pronoun means
                toks, found = self.analysed(*sent)
                person = next((sp for o in found if o.etype == "person" and not o.possessive
                               and (sp := self.resolve(o, toks, found, sent[0])) is not None
                               and sp.etype == "person" and sp.name and self._agrees(sp, sex)
                               and not self.lex.places.names_a_place(sp.name)), None)
                if person is not None:
                    return Speaker(person.name, "person", m)
            subjects.append(subj)
        if self.last_speaker and self.last_speaker.etype in ok and self._agrees(self.last_speaker, sex):
            return Speaker(self.last_speaker.name, self.last_speaker.etype, m)
        if m.head == "it" and self.last_speaker is not None and self.last_speaker.etype == "person" \
                and self._spoke_in_document(sent_start):
            # “…,” New Democracy said in a statement. “…,” it added / X wrote in the affidavit. It continued:
            # "it" is the document the sentence before spoke in, and its words are its author's
            return Speaker(self.last_speaker.name, self.last_speaker.etype, m)
        for subj in [sp for sp in earlier if sp and sp.etype == "unknown"] + subjects:
            if subj and subj.etype in ok:
                return Speaker(subj.name, subj.etype, m)
        if "person" in ok and depth == 0:
            # no subject in reach names a person: of the people named before it in whatever role (According
            # to Lula, …; Lula's criticism after Trump's decision …. “…,” he said), the one the document names
            # most, the story's protagonist, then the nearest
            named: dict[str, int] = {}
            for sent in self.previous_sentences(sent_start):
                toks, found = self.analysed(*sent)
                for o in reversed(found):
                    if o.etype in {"person", "unknown"} and o.name or o.etype == "role":
                        sp = self.resolve(o, toks, found, sent[0])
                        if sp is not None and sp.etype == "person" and sp.name and self._agrees(sp, sex):
                            named.setdefault(sp.name, len(named))
            if named:
                people = self.ents.people
                best = max(named, key=lambda n: (people[n].count if n in people else 0, -named[n]))
                return Speaker(best, "person", m)
            # a chain of "He said …" paragraphs longer than the look-back: the person the document names most
            # before this point, if one stands out, whom the chain began with
            before = [p for p in self.ents.people.values() if p.first_pos < sent_start and not p.former
                      and self._agrees(Speaker(p.name, "person", m), sex)]
            counts = sorted(((self._times_named(p.name, p.count), p.name) for p in before), reverse=True)
            if counts and (len(counts) == 1 or counts[0][0] > counts[1][0]):
                return Speaker(counts[0][1], "person", m)
            if not before and not subjects and not earlier:
                # “…,” he said, opening a story whose headline is lost: nobody before it, so the person the
                # sentences after it are about (the French president said …; Macron …)
                return self._cataphor(m, sent_start, sex)
        return None

    def _acts(self, sent: tuple[int, int], m: Mention) -> bool:
        """Whether a mention opening a sentence is followed by a verb of its own (Cruz openly admitted, Pate
        claimed, Earhardt then asked): a bare name acting, not a common word capitalised by its position."""
        toks, _ = self.analysed(*sent)
        k = m.last + 1
        while k < len(toks) and (toks[k].lower in SKIPPABLE - {"is", "was", "were", "be", "been"} or _adverb(toks[k])):
            k += 1
        return k < len(toks) and toks[k].text.islower() and (toks[k].lower in self.lex.cues or toks[k].lower.endswith("ed"))

    def _speaks_by_name(self, name: str) -> bool:
        """Whether the text has this one-word name say something with a verb of saying (Jagdeo said)."""
        if " " in name or not name[:1].isupper():
            return False
        found = self._speaking_names.get(name)
        if found is None:
            found = False
            if not self.lex.places.classify(name):
                for hit in re.finditer(rf"(\w+)?\W+{re.escape(name)}\s+(?:said|says|told|tells|added|adds|continued|"
                                       rf"responded|replied|stated|noted)\b", self.text):
                    # (a delegate from Florida said: a name after a preposition is not the one who speaks)
                    if not (hit.group(1) and (hit.group(1).lower() in PREPOSITIONS or hit.group(1).lower() in MORE_PREPOSITIONS)):
                        found = True
                        break
            self._speaking_names[name] = found
        return found

    def _spoke_in_document(self, sent_start: int) -> bool:
        """Whether the sentence before ``sent_start`` has its speaker speak in a document (said in a statement,
        wrote in the affidavit), which a following "it" takes up."""
        before = self.previous_sentences(sent_start, 1, 2)
        if not before:
            return False
        words = re.findall(r"[\w’'-]+", self.text[before[0][0]:before[0][1]].lower())
        return any(w == "in" and any(x in self.lex.documents or x in DOCUMENT_NOUNS for x in words[k + 1:k + 4])
                   for k, w in enumerate(words))

    def _cataphor(self, m: Mention, sent_start: int, sex: str) -> Speaker | None:
        """The first person subject, agreeing in sex, of the few sentences after the one at ``sent_start``."""
        pos = sent_start
        for _ in range(CATAPHOR_REACH):
            nxt = self._next_sentence(pos)
            if not nxt:
                return None
            sent = nxt[0]
            subj = self.subject(sent, 1)
            if subj is not None and subj.name and subj.etype == "person" and subj.mention.etype != "pron" \
                    and self._agrees(subj, sex):
                return Speaker(subj.name, "person", m)
            pos = sent[1]
        return None

    def _reported_speaker(self, sent: tuple[int, int]) -> Speaker | None:
        """The speaker of a sentence's last verb cue outside quotations (X added; X told reporters that …),
        resolved without pronouns (a pronoun there would need the sentence before, and so on)."""
        toks, mentions = self.analysed(*sent)
        if len(toks) > 4 and toks[0].lower == "according" and toks[1].lower == "to" and toks[3].text == "," \
                and toks[2].lower in SUBJECT_OF_OBJECT:
            # According to him, Y had approved …. “…,” he said: the sentence reports what "him" said
            t = toks[2]
            m = Mention(2, 2, t.start, t.end, t.text, "pron", head=SUBJECT_OF_OBJECT[t.lower])
            found = self.resolve_pronoun(m, [], sent[0], depth=1)
            if found is not None and found.name:
                return found
        verbs = [c for c in self.cues_of(*sent) if c.ctype == "verb" and toks[c.index].quote < 0]
        # X said that Y are talking nonsense: the verb of the clause X's "that" reports is Y's, not the
        # sentence's; the last verb before such a clause speaks for the sentence
        reporting = [c for c in verbs if c.last + 1 < len(toks) and toks[c.last + 1].lower == "that"]
        if reporting:
            verbs = [c for c in verbs if c.index <= reporting[0].index]
        for cue in reversed(verbs):
            if cue.ctype == "verb" and toks[cue.index].quote < 0:
                speaker = self.speaker_of_cue(cue, toks, [x for x in mentions if x.etype != "pron"], sent[0])
                if speaker is not None and speaker.name:
                    return speaker
                return None
        return None

    def subject(self, sent: tuple[int, int], depth: int = 0) -> Speaker | None:
        """The resolved grammatical subject of a sentence: its first mention after any introductory phrase."""
        if sent in self._subject_cache:
            return self._subject_cache[sent]
        toks, mentions = self.analysed(*sent)
        result = self._subject_from(toks, mentions, sent[0], depth)
        self._subject_cache[sent] = result
        return result

    def _subject_from(self, toks: list[Token], mentions: list[Mention], sent_start: int, depth: int = 0,
                      before: int | None = None) -> Speaker | None:
        intro_end = _dateline_end(toks)  # PARIS (Reuters) – …: the subject follows the dateline
        rest = toks[intro_end + 1:]
        lead = 0
        while lead < len(rest) - 1 and rest[lead].lower in CONJUNCTIONS:
            lead += 1  # And then X went on …, saying: a conjunction opens no phrase of its own
        timed = len(rest) > lead + 2 and rest[lead + 1].lower in {"later", "earlier", "ago", "before", "after"} \
            and rest[lead].text[:1].isalnum()  # Hours later, X …: a time phrase, not a name
        timed = timed or len(rest) > lead + 3 and rest[lead + 2].lower in {"later", "earlier", "ago", "before", "after"} \
            and rest[lead + 1].lower in TIME_UNITS  # Two days earlier, X …
        # Here in Denver, …; Back on home soil, …: a place adverb opening a fronted prepositional phrase
        placed = len(rest) > lead + 2 and rest[lead].lower in PLACE_ADVERBS and rest[lead + 1].lower in INTRO
        if rest and (timed or placed or rest[lead].lower in INTRO and rest[lead].lower not in CONJUNCTIONS
                     or _ing_opening(rest[0], self.ents, self.lex) or _participle_opening(rest, self.ents)):
            opening = intro_end
            intro_end = next((k for k, t in enumerate(toks) if k > intro_end and t.text == ","), -1)
            if rest[lead].lower in PHRASE_OPENERS:
                # On Thursday evening Hillary Clinton delivered …, painting her rival, X, as …: a fronted
                # prepositional phrase without its comma ends where a person's name and a verb begin
                named = next((m for m in mentions if opening + 2 < m.first and (intro_end < 0 or m.first < intro_end)
                              and m.etype == "person" and not m.possessive and m.last + 1 < len(toks)
                              and _verb_like(toks[m.last + 1]) and toks[m.last + 1].lower.endswith(("ed", "s"))
                              and toks[m.last + 1].lower not in {"has", "does"}), None)
                if named is not None and not any(t.lower in RELATIVE | {"that", "when", "where"} or t.text == ","
                                                 for t in toks[opening + 1:named.first]):  # (in a year in which X …)
                    intro_end = named.first - 1
            # Weeks later, answering the committee, the minister said: a second opening phrase
            nxt = intro_end + 1
            if 0 < nxt < len(toks) and toks[nxt].text.islower() and (toks[nxt].lower.endswith("ing") or toks[nxt].lower in INTRO):
                intro_end = next((k for k, t in enumerate(toks) if k > nxt and t.text == ","), intro_end)
        if before is not None:
            # Conflict with Ukraine: Putin shocks with speech: “…” — a colon before the verb ends a kicker or
            # a heading; the verb's subject comes after the last one
            intro_end = max([intro_end] + [k for k in range(min(before, len(toks) - 1)) if toks[k].text == ":"
                                           and toks[k + 1].start > toks[k].end])  # (not 3:1, 10:30)
        for m in mentions:
            if m.first <= intro_end or m.possessive or (before is not None and m.first >= before):
                continue
            if m.etype == "role" and not toks[m.first].is_cap and _object_of_preposition(toks, m) \
                    and m.first > intro_end + 2 and (m.first < 2 or toks[m.first - 2].lower not in POSTMODIFIER_WORDS):
                continue  # his time in office is running out: a common noun after a preposition is no subject
            if m.etype == "pron":
                return self.resolve_pronoun(m, [x for x in mentions if x.first < m.first], sent_start, depth)
            if m.etype in {"unknown", "role"}:
                named = _appositive_person(m, toks, mentions)
                if named is not None:  # The Recorder of Sheffield, Judge X, is …: the person the phrase names
                    m = named
            if m.etype == "role" and toks[m.first].lower not in DETERMINERS and m.last + 2 < len(toks) \
                    and toks[m.last + 1].lower == "and":
                titled = next((x for x in mentions if x.first == m.last + 2 and x.etype == "person"), None)
                if titled is not None and not titled.possessive:
                    m = titled  # former Cabinet minister and party leader X: two titles of one person, named last
            return self.resolve(m, toks, mentions, sent_start)
        return None

    # -- attribution --------------------------------------------------------------------------------
    def speaker_of_cue(self, cue: Cue, toks: list[Token], mentions: list[Mention], sent_start: int,
                       earlier: Callable[[], Speaker | None] = lambda: None) -> Speaker | None:
        if cue.ctype == "barrier":
            return None
        by_last = {m.last: m for m in mentions}
        by_first = {m.first: m for m in mentions}
        def mention_at(k: int) -> Mention | None:
            """The mention starting at token k, or right after a determiner there (the Defense Ministry)."""
            if k in by_first:
                return by_first[k]
            if k < len(toks) and toks[k].lower in DETERMINERS:
                return by_first.get(k + 1)
            return None

        if toks[cue.index].lower in self.lex.cue_words.quoting:
            # X quoted Y as saying: the speaker is Y, X relays; Y was quoted (by X) as saying: Y
            k = cue.last + 1
            if k < len(toks) and toks[k].lower in DETERMINERS:
                k += 1
            m = by_first.get(k)
            if m is not None and m.last + 2 < len(toks) and toks[m.last + 1].lower == "as" \
                    and toks[m.last + 2].lower in {"saying", "telling", "stating", "warning"}:
                return self.resolve(m, toks, mentions, sent_start)
        if cue.ctype == "prep":
            m = mention_at(cue.last + 1)
            if m is None and cue.last + 1 < len(toks) and toks[cue.last + 1].lower in DETERMINERS:
                # according to a statement from the ministry: the speaker is the statement's agent
                for k in range(cue.last + 2, min(len(toks), cue.last + 6)):
                    if toks[k].lower in {"from", "by"}:
                        m = mention_at(k + 1)
                        break
            k = cue.last + 1
            if m is None and k < len(toks) and toks[k].lower in NOMINATIVE_OF:
                # according to him, according to her: whom the pronoun refers to
                m = Mention(k, k, toks[k].start, toks[k].end, toks[k].text, "pron", head=NOMINATIVE_OF[toks[k].lower])
            if m is not None and m.etype == "pron":
                return self.resolve_pronoun(m, mentions, sent_start)
            return self.resolve(m, toks, mentions, sent_start) if m else None
        if cue.ctype == "noun":
            after = toks[cue.last + 1].lower if cue.last + 1 < len(toks) else ""
            agent = mention_at(cue.last + 2) if after in {"by", "from", "of"} else None
            if agent is not None:
                return self.resolve(agent, toks, mentions, sent_start)
            own = by_last.get(cue.index)
            if own is not None and own.etype == "role" and own.head in self.lex.documents:
                # Trump’s statement about “…”: the statement's author, by the name it is a possessive of
                owner = next((t.text.removesuffix("’s").removesuffix("'s") for t in toks[own.first:own.last]
                              if t.possessive and t.is_cap), None)
                person = self.ents.person_for_surname(owner) if owner else None
                if person:
                    return Speaker(person, "person", own)
            for k in range(cue.index - 1, max(-1, cue.index - 4), -1):
                m = by_last.get(k)
                if m and m.possessive:
                    found = self.resolve(m, toks, mentions, sent_start)
                    if m.etype == "pron" and found is not None and found.name:
                        # X said in his formal statement: the pronoun is the subject's; name the subject
                        subj = self._subject_from(toks, mentions, sent_start, before=m.first)
                        if subj is not None and subj.name == found.name and subj.mention.etype != "pron":
                            return subj
                    return found
            light = _light_verb_before(toks, cue.index, self.lex.cue_words.light)
            if light >= 0:  # X, who made a direct appeal: “…”: the light verb's subject makes the appeal
                found = self.speaker_of_cue(Cue(light, light, "verb", toks[light].text), toks, mentions, sent_start)
                if found is not None:
                    return found
            return earlier() or self._subject_from(toks, mentions, sent_start, before=cue.index)
        if cue.ctype == "verb" and cue.index >= 1 and toks[cue.index - 1].lower in PASSIVE_AUX \
                and cue.last + 2 < len(toks) and toks[cue.last + 1].lower == "by":
            # X's statement was condemned by Y as “…”: the agent of a passive speech verb speaks
            agent = mention_at(cue.last + 2)
            if agent is not None and agent.etype != "place":
                found = self.resolve(_phrase_head(agent, toks, by_last, self.lex.titles), toks, mentions, sent_start)
                if found is not None and found.name:
                    return found
        if cue.ctype == "verb" and _passive(toks, cue, self.lex.cues):
            # the floods were not classified as a “…”, X was branded a “…”, Y was told “…”: the subject of a
            # passive verb of speech is what was named or who was addressed, never who spoke (the agent
            # after "by" is handled above; "X was quoted as saying" is X's own)
            return None
        if cue.ctype == "participle" and cue.index >= 2 and toks[cue.index - 1].lower == "for" \
                and cue.index - 2 in by_last and by_last[cue.index - 2].etype in {"person", "org", "unknown", "role"} \
                and not by_last[cue.index - 2].possessive:
            # X thanked Y for saying …, Z criticised the minister for calling it “…”: Y and the minister speak
            found = self.resolve(by_last[cue.index - 2], toks, mentions, sent_start)
            if found is not None and found.name:
                return found
        # verbs: subject to the left, skipping adverbs, auxiliaries and an appositive between commas
        j = cue.index - 1
        while j >= 0:
            t = toks[j]
            if (t.lower in SKIPPABLE or _adverb(t)) and j not in by_last:
                j -= 1
                continue
            if j not in by_last and cue.ctype in {"verb", "participle"}:
                k = _time_phrase_start(toks, j, self.lex.places)
                # X on Friday said, X yesterday accused: a time phrase between subject and verb (and X issued
                # a statement on Friday saying: between the statement and its participle; but X addressed the
                # people on Wednesday stating: the participle goes with the clause, not its object)
                if k < j and (cue.ctype == "verb" or k in by_last and by_last[k].etype == "role"
                              and by_last[k].head in self.lex.documents):
                    j = k
                    continue
            if t.text == ")":
                while j >= 0 and toks[j].text != "(":
                    j -= 1
                j -= 1
                continue
            if t.text == "," and cue.ctype == "verb":
                if j - 1 >= 0 and toks[j - 1].text == ")":  # Gov. John Kasich (R-OH), said
                    k = j - 1
                    while k >= 0 and toks[k].text != "(":
                        k -= 1
                    if k - 1 in by_last:
                        j = k - 1
                        break
                if j - 1 in by_last and by_last[j - 1].etype in {"person", "unknown"} and not by_last[j - 1].possessive \
                        and not _after_preposition(toks, by_last[j - 1]) and by_last[j - 1].first > 0 \
                        and (toks[by_last[j - 1].first - 1].text == ","
                             or by_last[j - 1].etype == "person" and by_last[j - 1].first > 1
                             and toks[by_last[j - 1].first - 1].lower == "the" and toks[by_last[j - 1].first - 2].text == ","):
                    j -= 1  # X, the title of Y, Name, said -> the name in apposition (Tibet's leader, the Dalai Lama,)
                    break
                if j - 1 in by_last and by_last[j - 1].etype == "person" and not by_last[j - 1].possessive \
                        and (a := by_last[j - 1].first - 1) >= 2 and toks[a].lower == "and" and a - 1 in by_last \
                        and by_last[a - 1].etype == "person" and not by_last[a - 1].possessive \
                        and by_last[a - 1].first > 0 and toks[by_last[a - 1].first - 1].text == ",":
                    j = a - 1  # His employers in Leeds, Name and Name, said: the first of the names in apposition
                    break
                # X, <an appositive or relative clause>, said: the mention before the clause's opening comma;
                # one that ends in a prepositional phrase (a spokesman for Sanders, the senator from Vermont)
                # opens at an earlier comma
                k = j - 1
                inside = -1  # a mention skipped for ending in a prepositional phrase, to fall back on
                while True:
                    while k >= 0 and toks[k].text != "," and toks[k].quote < 0 and cue.index - k < 25:
                        k -= 1
                    if not (k >= 1 and toks[k].text == "," and k - 1 in by_last and cue.index - k < 25
                            and _after_preposition(toks, by_last[k - 1])):
                        break
                    # the nearest, or the one a relative clause follows (a spokesman for the union, who …):
                    # not a fronted phrase further back (In Kabul, a spokesman for the ministry, who …)
                    if inside < 0 or (k + 1 < len(toks) and toks[k + 1].lower in RELATIVE):
                        inside = k - 1
                    k -= 1
                if k >= 0 and toks[k].text == "," and k - 1 in by_last:
                    j = k - 1
                    continue
                if k >= 2 and toks[k].text == "," and toks[k - 1].lower.rstrip(".") in NAME_SUFFIXES and k - 2 in by_last:
                    j = k - 2  # Ann Lee Jr., founder of …, said
                    continue
                if k >= 2 and toks[k].text == "," and toks[k - 1].text == ")":
                    o = k - 1  # Sen. X (D-Ill.), noting …, said: the name before the parenthesis
                    while o >= 0 and toks[o].text != "(":
                        o -= 1
                    if o - 1 in by_last and k - o < 8:
                        j = o - 1
                        continue
                if inside >= 0 and not (k >= 0 and toks[k].text == ","):
                    # no name before the clause (“…,” a spokesman for the union, who …, said):
                    j = inside  # the phrase the clause ends is the subject, and its head the speaker
                    continue
            if j in by_last and cue.ctype == "verb" and not by_last[j].possessive and (p := by_last[j].first - 1) >= 1 \
                    and (by_last[j].etype in {"place", "unknown"} and toks[p].lower in {"in", "at"}
                         or by_last[j].etype == "person" and toks[p].lower == "in") \
                    and p - 1 not in by_last and toks[p - 1].is_word and (
                        _time_phrase_start(toks, p - 1, self.lex.places) < p - 1 or toks[p - 1].lower in SKIPPABLE
                        or _adverb(toks[p - 1])):
                j = p - 1  # X had on Monday in Port Harcourt described: where it was said is not who said it
                continue
            break
        if j in by_last and cue.ctype == "verb" and by_last[j].etype == "person" and by_last[j].first >= 2 \
                and toks[by_last[j].first - 1].lower == "and" and by_last[j].first - 2 in by_last:
            first = by_last[by_last[j].first - 2]
            if first.etype in {"person", "unknown"} and not first.possessive \
                    and (first.first == 0 or toks[first.first - 1].text in {",", "—", ":"}):
                # Merkel and President Steinmeier urged: two people speak, and the first named is the one
                # the story is about
                found = self.resolve(first, toks, mentions, sent_start)
                if found is not None and found.name and found.etype == "person":
                    return found
        if j >= 3 and j not in by_last and cue.ctype == "verb" and toks[j].is_word and toks[j].text.islower():
            # the city and its allies have rejected, broadcaster X and several papers called: the first of two
            # conjoined subjects names the speaker
            for k in range(j - 1, max(0, j - 5), -1):
                if toks[k].lower in CONJOINED_LEADS and toks[k - 1].lower == "and" and k - 2 in by_last \
                        and all(t.is_word for t in toks[k + 1:j + 1]):
                    first = by_last[k - 2]
                    if not first.possessive and first.etype != "pron":
                        return self.resolve(first, toks, mentions, sent_start)
        if j >= 1 and j not in by_last and cue.ctype == "verb" and toks[j].is_word and toks[j].text.islower():
            head = _postmodified_subject(toks, j, by_last)
            if head is not None:  # a source familiar with the talks said: the source
                return self.resolve(head, toks, mentions, sent_start)
            named = _unclosed_appositive(toks, j, cue, by_first, by_last, self.lex)
            if named is not None:  # Jane Roe, a mother of three from the east side said: Jane Roe
                return self.resolve(named, toks, mentions, sent_start)
        if j >= 1 and toks[j].lower in {"who", "whom"} and cue.ctype == "verb" and \
                all(toks[x].text != "," for x in range(j, cue.index)):
            # Joe Biden, who warned of “…”: a relative clause's verb is said by the phrase it follows
            k = j - 1 if toks[j - 1].text != "," else j - 2
            if k in by_last and not by_last[k].possessive and by_last[k].etype != "pron":
                return self.resolve(_phrase_head(by_last[k], toks, by_last, self.lex.titles), toks, mentions, sent_start)
        if j >= 2 and toks[j].lower == "which" and toks[j - 1].text == "," and cue.ctype == "verb" and j + 1 == cue.index \
                and j - 2 in by_last and by_last[j - 2].etype in {"org", "unknown"} and not by_last[j - 2].possessive:
            # … met the RVP, which warned her that …: a body's relative clause is the body's saying
            found = self.resolve(by_last[j - 2], toks, mentions, sent_start)
            if found is not None and found.name and found.etype in {"org", "unknown"}:
                return found
        if j in by_last and cue.ctype == "participle" and by_last[j].etype in {"person", "unknown", "role"} \
                and not by_last[j].possessive and j == cue.index - 1 and (p := by_last[j].first - 1) >= 2 \
                and toks[p].lower in OBJECT_PREPOSITIONS:
            # X ruled out any apology from Y saying “…”: a person after a preposition is the object of the
            # clause, and the participle after it goes with the clause's subject ("with Y saying" is Y's)
            found = self._subject_from(toks, mentions, sent_start, before=p)
            if found is not None and found.etype in {"person", "org"} and found.name:
                return found
        if j in by_last and by_last[j].etype == "place":
            prep = _preposition_before(toks, by_last[j])
            if prep >= 0 and toks[prep].lower in {"in", "at"}:
                # “…” in Donbas appealing to …: a place after "in" is where, not who speaks. A participle of
                # saying there, with no comma before it, goes on with the clause's subject as one after a
                # comma does (X attacked the rally in Kolkata terming it “…”), when that subject is a person
                # or body and nothing but the place's phrase parts it from the verb before
                if cue.ctype == "participle" and prep >= 2 and toks[prep - 1].is_word:
                    found = self._subject_from(toks, mentions, sent_start, before=prep)
                    if found is not None and found.etype in {"person", "org"}:
                        return found
                return None
        purpose = cue.ctype == "verb" and cue.index > 1 and toks[cue.index - 1].lower == "to"
        if purpose and j in by_last and by_last[j].etype != "pron":
            k = by_last[j].first - 1
            if k >= 0 and toks[k].lower in DETERMINERS:
                k -= 1
            if k >= 0 and toks[k].lower in self.lex.cue_words.request:
                # X urged members to call the offer “…”: the words are the ones X asks for, X's
                return self.speaker_of_cue(Cue(k, k, "verb", toks[k].text), toks, mentions, sent_start, earlier)
            if k >= 1 and toks[k].text.islower() and toks[k].lower.endswith("ed") and toks[k].lower not in CAUSATIVE \
                    and toks[k].lower not in self.lex.cues and by_last[j].etype in {"role", "person", "unknown"}:
                # X summoned the ambassador to demand “…”: the object of a verb that asks nothing of it does
                # not do what the infinitive of purpose says; the clause's subject does
                return self._purpose_subject(toks, mentions, sent_start, cue.index - 1)
        if j in by_last and cue.ctype == "verb" and _object_of_preposition(toks, by_last[j]):
            # X speaking in the province of Adana said: the subject before a participle phrase, not its object
            for k in range(by_last[j].first - 1, max(0, by_last[j].first - 9), -1):
                if toks[k].quote >= 0 or toks[k].text in SENT_END or toks[k].text == ",":
                    break
                if toks[k].text.islower() and toks[k].lower.endswith("ing") and k - 1 in by_last \
                        and by_last[k - 1].etype in {"person", "unknown", "role"} and not by_last[k - 1].possessive:
                    return self.resolve(_phrase_head(by_last[k - 1], toks, by_last, self.lex.titles), toks, mentions,
                                        sent_start)
        if j in by_last and cue.ctype == "verb" and by_last[j].etype != "person" and not by_last[j].possessive \
                and (f := by_last[j].first) >= 2 and (by_last[j].etype == "role" or toks[f - 1].lower in ATTACHING | {"and", "&"}
                                                       or toks[f - 1].possessive):
            # (only a role or a name inside a phrase, after "of", "for" or an owner, can end an appositive: a
            # body's or place's name before a verb is the subject itself)
            named = _unclosed_appositive(toks, j, cue, by_first, by_last, self.lex)
            if named is not None:  # Jane Roe, the permanent secretary of the Ministry of Information said
                return self.resolve(named, toks, mentions, sent_start)
        if j in by_last and not by_last[j].possessive and not (purpose and _object_of_preposition(toks, by_last[j])):
            return self.resolve(_phrase_head(by_last[j], toks, by_last, self.lex.titles), toks, mentions, sent_start)
        # inversion: “…,” said the ministry / Said Ellis: “…” / said one former senior official
        nxt_m = next((by_first[k] for k in range(cue.last + 1, min(len(toks), cue.last + 8)) if k in by_first), None)
        if nxt_m is not None and nxt_m.possessive:
            # said Clinton's top foreign policy aide Jake Sullivan: the possessed phrase's name speaks
            nxt_m = next((by_first[k] for k in range(nxt_m.last + 1, min(len(toks), nxt_m.last + 7)) if k in by_first), None)
        between_ok = nxt_m is not None and not nxt_m.possessive and all(
            (t.is_word and not t.is_cap or t.possessive or self._time_word(t)) and t.lower not in self.lex.cues
            and t.lower not in CLAUSE_VERBS
            for t in toks[cue.last + 1:nxt_m.first])  # not “…” comment was as harsh as X's; said Monday evening X
        if between_ok and nxt_m is not None and _object_of_place_preposition(toks, nxt_m.first):
            between_ok = False  # (nor “…,” told monks at the San Marco convent: a name after "at" is where, not who)
        # … and warned Brazil would act: a name followed by a verb of its own is the subject of the clause
        # the cue reports, not an inverted speaker (said the ministry. / said Ellis, adding …)
        clause_subject = nxt_m is not None and nxt_m.last + 1 < len(toks) and toks[nxt_m.last + 1].lower in CLAUSE_VERBS
        # after a comma, only when the comma follows the quotation (‘…’, said X) or nothing before it can be
        # the verb's subject: X, founder of Y, tells Z is X's, whose name the appositive parted from the verb
        c0 = cue.index - 1 if cue.index >= 2 and toks[cue.index - 1].lower in {"has", "have", "had"} else cue.index
        # (“…”, has asserted X: a perfect tense inverted, as translations from Spanish or French write it)
        after_comma = c0 >= 1 and toks[c0 - 1].text in {",", "—", ":"} and (
            c0 < 2 or toks[c0 - 2].quote >= 0
            or not any(m.last < cue.index - 1 and m.etype in {"person", "org", "unknown"} for m in mentions)
            # …, says Varadkar. / …, said the minister: a verb of saying with only its speaker after it, at the
            # sentence's end, is inverted whatever stands before the comma
            or nxt_m is not None and toks[cue.index].lower in CORE_SPEECH - {"told", "tells", "asked", "asks"}
            and (nxt_m.last + 1 == len(toks) or toks[nxt_m.last + 1].text in SENT_END))
        if nxt_m is not None and cue.ctype == "verb" and between_ok and not clause_subject and (
                cue.index == 0 or after_comma or toks[c0 - 1].quote >= 0 and (
                    _inverting_quote(toks, c0 - 1) or toks[cue.index].lower in CORE_SPEECH)):
            m = nxt_m
            if m.etype in {"role", "unknown"}:
                named = _appositive_person(m, toks, mentions)
                if named is not None:  # “…,” said another party leader, Baraka Sani, …: the person it names
                    m = named
            if m.etype != "pron" or m.head in NOMINATIVE or m.head in QUANTIFIER_SUBJECTS:  # tweeted another
                return self.resolve(m, toks, mentions, sent_start)
        # X attempted to cast …, X refused to call …: the infinitive of a control verb takes the clause subject
        infinitive = cue.index > 1 and toks[cue.index - 1].lower == "to" and toks[cue.index - 2].is_word \
            and not toks[cue.index - 2].is_cap and toks[cue.index - 2].lower.endswith(("ed", "es", "ied", "ts", "ght"))
        if cue.ctype in {"participle", "verb"} and (infinitive or j < 0 or toks[j].text in {",", "and", "but", "to", "—"}
                                                    or toks[j].lower in {"and", "but", "to"}
                                                    or cue.ctype == "participle" and (
                                                        toks[j].lower in PARTICIPLE_LINKS
                                                        or toks[j].lower in VERB_PARTICLES and j >= 1
                                                        and toks[j - 1].text.islower())):
            found = None
            if cue.ctype == "participle" and j >= 0 and toks[j].text == "," and toks[cue.index].lower != "adding":
                # (Police said Smith fled, adding …: "adding" goes on with the sentence's speaker)
                found = self._reported_subject(toks, mentions, sent_start, cue)
            found = found or earlier() or self._subject_from(toks, mentions, sent_start, before=cue.index)
            if found is None and cue.ctype == "participle" and toks[cue.index].is_cap \
                    and self.last_speaker is not None and self.last_speaker.etype in {"person", "org"}:
                # X said the report “was not good.” Adding, “…”: a sentence that opens on a participle
                # goes on with the speaker before it
                return Speaker(self.last_speaker.name, self.last_speaker.etype, self.last_speaker.mention)
            return found
        if purpose:
            return self._purpose_subject(toks, mentions, sent_start, cue.index - 1)
        return None

    def _reported_subject(self, toks: list[Token], mentions: list[Mention], sent_start: int, cue: Cue) -> Speaker | None:
        """The subject of a reported clause the participle follows (Sources said Khattak raised the issue of gas,
        saying “…”): after the sentence's speech verb (and "that"), a person's name and a verb of its own that
        is no cue; the participle goes with the clause nearest it, whose subject does the saying."""
        by_first = {m.first: m for m in mentions}
        for v in range(cue.index - 2, 0, -1):  # the speech verb before the clause, in the same stretch of it
            if toks[v].quote >= 0 or toks[v].text in SENT_END or toks[v].text in {",", ";", ":"}:
                return None
            if toks[v].lower in self.lex.cues and "verb" in self.lex.cues[toks[v].lower]:
                s0 = v + 1 + (toks[v + 1].lower == "that")
                m = by_first.get(s0)
                if m is None or m.etype not in {"person", "unknown"} or m.possessive or m.last + 1 >= cue.index:
                    return None
                nxt = toks[m.last + 1] if toks[m.last + 1].lower not in SKIPPABLE else toks[m.last + 2]
                if nxt.lower not in self.lex.cues and _verb_like(nxt) and nxt.lower.endswith(("ed", "s")):
                    found = self.resolve(m, toks, mentions, sent_start)
                    return found if found is not None and found.name and found.etype == "person" else None
                return None
        return None

    def _purpose_subject(self, toks: list[Token], mentions: list[Mention], sent_start: int, to: int) -> Speaker | None:
        """X went on television on Monday to say “…”, X took to Twitter to call it “…”: the doer of an
        infinitive of purpose is the clause subject. Not after a verb of request with its own object (X urged
        Y to call it “…”, asked the crowd to chant “…”): there the object would speak, at X's request."""
        by_first = {m.first for m in mentions}
        for k in range(to - 1, -1, -1):
            t = toks[k]
            if t.lower in self.lex.cue_words.request and k + 1 < to and (
                    k + 1 in by_first or toks[k + 1].lower in DETERMINERS | OBJECT_PRONOUNS
                    or toks[k + 1].is_word and toks[k + 1].lower not in PREPOSITIONS and toks[k + 1].lower != "to"):
                return None
        found = self._subject_from(toks, mentions, sent_start, before=to)
        return found if found is not None and found.etype in {"person", "org", "unknown"} else None

    def _time_word(self, t: Token) -> bool:
        """A word of a time phrase (Wednesday, March, 16), which may stand between an inverted cue and its
        speaker (assured Wednesday evening the president)."""
        return t.text.isdigit() or self.lex.places.classify(t.text) in DATE_CLASSES

    def slotted(self, start: int, end: int) -> list[Mention]:
        """The frame's mentions with the common noun phrases its attribution slots hold (``“…,” the
        insider said``, ``said the woman, who …``, ``One reader wrote:``): the syntax makes them speakers
        whatever their noun, as it makes any verb there a cue. Worked out once per frame."""
        key = (start, end)
        found = self._slotted.get(key)
        if found is None:
            toks, mentions = self.analysed(start, end)
            found = self._slotted[key] = _slot_mentions(toks, mentions, self.cues_of(start, end), self.lex.cues,
                                                        self.lex.cue_words.light)
        return found

    def attribute(self, qi: int) -> Attribution:
        labelled = self.transcript_label(qi)
        if labelled is not None:
            self.last_speaker = labelled
            result = Attribution(labelled, ":", "direct")
            self.results.append(result)
            return result
        fs, fe, core_end = self.frame(qi)
        toks = self.analysed(fs, fe)[0]
        mentions = self.slotted(fs, fe)
        # a passive verb of speech speaks only through its agent ("was branded … by X"): without one it is no
        # cue of the sentence, and another verb of it may be (X said his words had been “misconstrued”)
        cues = self._active_cues.get((fs, fe))
        if cues is None:
            cues = self._active_cues[(fs, fe)] = [
                c for c in self.cues_of(fs, fe) if not (c.ctype == "verb" and c.index > 0
                                                        and toks[c.index].lower.endswith(PAST_ENDINGS)
                                                        and _passive(toks, c, self.lex.cues)
                                                        and not (c.last + 1 < len(toks) and toks[c.last + 1].lower == "by"))]
        qpos = _quote_position(toks, self.marked[qi][0])
        if qpos >= 2 and toks[qpos - 1].lower == "of" and toks[qpos - 2].lower in CROWD_NOUNS \
                and not (qpos >= 3 and toks[qpos - 3].possessive):
            # amid chants of “…”, to cries of “…”: the crowd's words, whoever spoke the sentence around them
            kind = self.kind(qi, toks, qpos, None, None, self.slotted(fs, fe))
            result = Attribution(None, "", "direct" if kind == "direct" else "scare")
            self.results.append(result)
            return result
        speaker: Speaker | None = None
        cue_used: Cue | None = None
        # sentence ends (outside quotations) bound the search: quotes of several sentences share a frame
        left_bound, right_bound = _sentence_bounds(toks, qpos)
        # 1. right after the quotation
        after = [c for c in cues if qpos < c.index < right_bound and _attribution_gap(toks, mentions, qpos + 1, c.index)]
        if not after:
            slot = _slot_cue(toks, mentions, qpos, right_bound)
            if slot is not None:
                after = [slot]
        left: list[Cue] = []
        # ``cues`` are in token order (``cues`` appends them as it walks the tokens): nearest first is reversed
        for c in reversed([c for c in cues if left_bound < c.index < qpos]):
            if _fronted_clause(toks, mentions, left_bound, c.index, qpos):
                continue  # When X suggested …, Y fired back: “…”: the opening clause's verb is not the sentence's
            if _closed_gerund(toks, c, qpos):
                continue  # regardless of X saying …, Y will “…”: the gerund phrase's speaker stays in it
            if c.ctype == "noun" and c.index + 1 < qpos and toks[c.index + 1].lower in {"about", "on"} \
                    and any(t.quote >= 0 for t in toks[c.index + 2:qpos]):
                continue  # X’s statement about “…” is “true”: the statement's words were the first quotation
            if _closed_relative(toks, left_bound, c.index, qpos) \
                    and any(o.index < c.index and o.ctype in {"verb", "participle"} for o in cues if o.index > left_bound):
                # X argued the legacy of Y, who called himself “…” in the past, was a “…”: Y's verb ends with its
                # clause, when a verb of the sentence before it can speak for the rest
                continue
            if c.ctype == "barrier":
                if not left and (c.last == qpos - 1 or toks[qpos - 1].lower in {"to", "for"}
                                 or qpos - c.last <= 3 and all(t.lower in DETERMINERS for t in toks[c.last + 2:qpos])
                                 or _requested_act(toks, c.last, qpos)
                                 or self.text[self.spans[qi][0]:self.spans[qi][0] + 3].lower() == "to "):
                    # X called on soldiers to “…” / called for (a) “…”: the request is X's words (not a label
                    # inside its object: called on Russia to send its “peacekeeping” troops)
                    left.append(Cue(c.index, c.last, "verb", c.text))
                break  # a verb of another clause stands between the quotation and any cue further left
            left.append(c)
        first = after[:1]
        if first and left and left[0].ctype in {"verb", "participle"} and (
                left[0].last == qpos - 1 or left[0].last == qpos - 2 and (toks[qpos - 1].lower == "as"
                                                                          or toks[qpos - 1].lower in DETERMINERS)
                or left[0].last == qpos - 3 and toks[qpos - 2].lower == "that" and toks[qpos - 1].lower in DETERMINERS):
            # (warning that a “…” encouraging people …: the quotation opens the clause the cue before it reports)
            first = []  # what he called “…” Moscow would respond …: the cue the quotation follows is its own
        lead = left_bound + 2 if left_bound + 2 < qpos and toks[left_bound + 1].lower in SUBORDINATOR_LEADS else left_bound + 1
        if first and left and lead < qpos and toks[lead].lower in SUBORDINATORS \
                and left[0].ctype in {"verb", "participle"} and toks[qpos - 1].is_word \
                and not any(t.text == "," for t in toks[left_bound + 1:qpos]):
            first = []  # Although X said it was her “last chance,” Y reiterated …: the opening clause's words are X's
            # (and Hours after X warned of an attack “within days,” Y spoke: a time before the subordinator)
        if first and left and (toks[first[0].index].lower in self.lex.cue_words.relay or first[0].ctype == "prep"):
            # X said …, “…,” state television reported / according to Reuters: the outlet relays, X speaks
            first = []
        if first and left and left[0].last >= qpos - 2 and toks[qpos - 1].text in {",", ":"} | {left[0].text} \
                and self.text[self.spans[qi][0]:self.spans[qi][1]].rstrip("”’\"' )").endswith("."):
            first = []  # X said, “… .” The star then recalled …: the full stop closed X's quotation
        if first and left and left[0].ctype == "verb" and left[0].last == qpos - 2 and toks[qpos - 1].text in {",", ":"} \
                and any(m.etype == "pron" and m.head in NOMINATIVE and qpos < m.first < first[0].index + 2
                        for m in mentions) \
                and all(t.text in {",", "—"} or t.lower in NOMINATIVE for t in toks[qpos + 1:first[0].index]):
            first = []  # X said, “…,” he said: attributed twice; the pronoun is X, whom the cue before names
        # a quotation that ends its sentence (“… now.” Within hours, the ministry said …) is attributed
        # after it only in the attribution slot itself: a later sentence's cue reports something else
        ends_sentence = self.text[self.spans[qi][0]:self.spans[qi][1]].rstrip("”’\"' )").endswith((".", "!", "?")) \
            and qpos + 1 < len(toks) and toks[qpos + 1].is_cap
        if first and left and ends_sentence and left[0].ctype in {"verb", "participle", "prep"} \
                and self.text[self.spans[qi][0]:self.spans[qi][1]].rstrip("”’\"' )").endswith("."):
            first = []  # as X told AP, “… .” He added, “…”: the full stop closed X's quotation; the next cue is another's
        ordered = first + left + [c for c in cues if qpos < c.index < right_bound and c not in first and not ends_sentence
                                  and c.ctype != "barrier" and not _new_clause(toks, mentions, qpos, c.index)]
        memo: dict[int, Speaker | None] = {}

        def earlier_speaker(before: int) -> Speaker | None:
            """The speaker of the nearest earlier cue of the frame that has one (at most three back)."""
            # (not a gerund after "for": X criticised Y for saying …, calling it “…”: the calling is X's)
            verb = any(c.index == before and c.ctype == "verb" for c in cues)
            ends = {m.last: m for m in mentions}
            for pc in [c for c in cues if c.index < before
                       # (At a ceremony that Kyiv called a “…”, Putin delivered …, accusing …: the verb of a
                       # relative clause on an object has a subject of its own, which the participle is not)
                       and not ((o := ends.get(c.index - 1)) is not None and o.first > 1
                                and toks[o.first - 1].lower in {"that", "which", "whom"}
                                and not any(t.lower in self.lex.cues for t in toks[max(0, o.first - 4):o.first - 1]))
                       # (said Wednesday that X …: a reported clause, no relative one)
                       # (refusing to pay a builder who said …, saying “…”: a relative clause's verb is its
                       # antecedent's; the participle goes with the clause's subject)
                       and not (c.index > 0 and toks[c.index - 1].lower in {"who", "which"})
                       and not (c.ctype == "participle" and c.index > 0 and toks[c.index - 1].lower == "for")
                       # (X pointed to claims by Y that …, but warned “…”: a finite verb goes on with a verb's subject)
                       and not (verb and c.ctype == "noun")][-3:][::-1]:
                if pc.index not in memo:
                    memo[pc.index] = self._cached_cue_speaker(pc, toks, mentions, fs)
                if memo[pc.index]:
                    return memo[pc.index]
            return None

        for cue in ordered[:6]:
            speaker = self.speaker_of_cue(cue, toks, mentions, fs, functools.partial(earlier_speaker, cue.index))
            if speaker:
                cue_used = cue
                break
        aside = next((c for c in left if c.ctype == "verb" and c is not cue_used and _parenthetical(toks, mentions, c)), None)
        if aside is not None and cue_used is not None and cue_used.index > aside.index and cue_used.index < qpos \
                and toks[cue_used.index].lower not in CORE_SPEECH:
            # Moscow, Putin stressed, will defend its territories “…”: an attribution set between commas
            # inside the clause gives the clause's words to its speaker, not to the clause's subject
            found = self.speaker_of_cue(aside, toks, mentions, fs)
            if found is not None and found.name:
                speaker, cue_used = found, aside
        relayed = cue_used is not None and toks[cue_used.index].lower in self.lex.cue_words.relay
        if speaker is None or relayed or speaker.etype not in {"person", "org"}:
            view = _evidential_opening(toks, mentions, left_bound, qpos)
            if view is not None:
                # For the Brazilian president, the tariffs had “political” reasons / In X's view, the West is
                # “not involved enough”, Reuters reported: the sentence gives X's view, in X's words
                found = self.resolve(view, toks, mentions, fs)
                if found is not None and found.name and found.etype in {"person", "org"}:
                    lead = next(k for k in range(view.first - 1, -1, -1) if toks[k].lower in {"for", "to", "in"})
                    speaker, cue_used = found, Cue(lead, lead, "prep", toks[lead].text)
        opening = next((c for c in left if c.ctype == "prep" and _opens_sentence(toks, left_bound, c.index)), None)
        if opening is not None and cue_used is not opening and (speaker is None or speaker.etype != "person"
                                                                or cue_used is not None and cue_used.ctype == "noun"):
            # According to X, the West wants “…”: a person named as the source at the sentence's opening
            # attributes what no other person is said to say in it (According to X, they found his words
            # “…”: a speech noun names what is judged, not who speaks)
            source = self.speaker_of_cue(opening, toks, mentions, fs)
            if source is not None and source.etype == "person" and source.name:
                speaker, cue_used = source, opening
        if speaker is not None and speaker.etype == "place" and cue_used is not None and cue_used.index < qpos:
            # X said Russia would respond …: a country in a clause a person reports is not who speaks
            for cue in [c for c in left if c.index < cue_used.index and c.ctype == "verb"]:
                outer = self.speaker_of_cue(cue, toks, mentions, fs)
                if outer is not None and outer.etype == "person":
                    speaker, cue_used = outer, cue
                    break
        if speaker is None and qpos + 2 < len(toks) and toks[qpos + 1].lower == "by":
            labeller = _passive_labeller(toks, mentions, qpos)
            if labeller is not None:  # the budget has been branded “…” by the opposition: the agent's label
                found = self.resolve(labeller, toks, mentions, fs)
                if found is not None and found.name and found.etype in {"person", "org", "group"}:
                    speaker, cue_used = found, Cue(qpos + 1, qpos + 1, "prep", "by")
        if speaker is None:  # “…” ― Name: a byline dash after the quotation (reader reactions, epigraphs)
            m = _dash_byline(toks, mentions, qpos)
            if m is not None:
                speaker = self.resolve(m, toks, mentions, fs)
                cue_used = Cue(qpos + 1, qpos + 1, "verb", toks[qpos + 1].text) if speaker else None
        if speaker is None and qpos >= 1:
            # questioned X's “economic optimism”: a possessor right before a quotation owns its words
            owner = next((m for m in mentions if m.last == qpos - 1 and m.possessive
                          and m.etype in {"person", "org", "unknown", "role"}), None)
            if owner is not None:
                found = self.resolve(owner, toks, mentions, fs)
                if found is not None and found.name and found.etype in {"person", "org", "unknown"}:
                    speaker, cue_used = found, Cue(qpos - 1, qpos - 1, "noun", toks[qpos - 1].text)
        if speaker is None and qpos >= 2 and toks[qpos - 1].text in {":", ","}:
            speaker, cue_used = self.introduced(toks, mentions, fs, qpos)
        if speaker is None and qpos + 2 < len(toks) and toks[qpos + 1].text == ":" \
                and (self.title_case(toks) or self.spans[qi][1] < self._newlines[0] if self._newlines else True):
            # ‘These people become ours, forever’: Putin on annexation — a headline that quotes first and
            # names the speaker after a colon
            m = next((m for m in mentions if m.first == qpos + 2 and not m.possessive and m.etype in {"person", "org", "unknown"}), None)
            if m is not None:
                found = self.resolve(m, toks, mentions, fs)
                if found is not None and found.name:
                    speaker, cue_used = found, Cue(qpos + 1, qpos + 1, "verb", ":")
        lead_in = False
        if speaker is None and qpos == 0:
            speaker, cue_used = self.colon_lead_in(qi)
            lead_in = cue_used is not None
        kind = self.kind(qi, toks, qpos, cue_used, speaker, mentions, lead_in=lead_in)
        fronted = _after_fronted_phrase(toks, left_bound, qpos, cues)
        # nothing but the quotation in its sentence, or only a fronted phrase before it (After the call, “…”)
        # (a subheading in capitals glued before it, ON UKRAINIAN STATEHOOD “…”, is no words of the sentence)
        first_word = fronted if fronted > left_bound else left_bound + 1
        while first_word < qpos and (toks[first_word].text.isupper() or not toks[first_word].is_word):
            first_word += 1
        end_word = right_bound
        nxt = next((k for k in range(qpos + 1, right_bound) if toks[k].is_word), None)
        if nxt is not None and toks[nxt].text.islower() and toks[nxt].text.endswith("ing") and len(toks[nxt].text) > 5 \
                and (toks[nxt - 1].text == "," or self.text[self.spans[qi][0]:self.spans[qi][1]].rstrip("”’\"' ").endswith(",")):
            end_word = nxt  # “…,” referring to the deficit: a participle without a subject adds to the quotation
        alone = not any(toks[k].is_word for k in range(first_word, end_word)
                        if toks[k].start < core_end and k != qpos)
        if speaker is None and kind == "direct" and alone:
            speaker, announced = self.byline_after(qi)
            if speaker is None:
                signed = self.signed_inside(qi)
                speaker, announced = (signed, Cue(0, 0, "verb", "—")) if signed is not None else self.announced(qi)
            if speaker is not None:
                cue_used = announced
            elif (headed := self._heading_speaker(qi)) is not None:
                speaker, cue_used = headed, Cue(0, 0, "verb", ":")
            elif not self._subheading(qi):
                speaker = self.inherited(qi)
            if speaker is None:
                speaker = self.extracts_owner(qi)  # Following are extracts from a speech by X: … “…”
        if speaker is None:
            named = self._headline_speaker(qi)
            if named is not None:  # Scholz: Coalition has stopped “the big ranting”
                speaker, cue_used = named, Cue(0, 0, "verb", ":")
                kind = "partial" if kind == "scare" else kind
        carried = None
        if speaker is None and kind != "direct":
            carried = self._carried_on(qi, toks, qpos, mentions, left_bound, right_bound)
            if carried is not None:
                speaker, kind = carried, "partial"
            else:
                kind = "scare"
        if speaker and (kind != "scare" or cue_used is not None) and carried is None:
            # a quoted name in a reported sentence (X said Beijing's “…” policy failed) is the outlet's, but
            # the sentence still reports X: a later "it said" is X's
            self.last_speaker = speaker
            self._last_para = self._paragraph(self.marked[qi][0])
        if kind == "scare":
            speaker, cue_used = None, None
        result = Attribution(speaker, cue_used.text if cue_used and speaker else "", kind, carried is not None)
        self.results.append(result)
        return result

    def extracts_owner(self, qi: int) -> Speaker | None:
        """Whose speech a document announces it quotes from (Following are extracts from a speech by X; Key
        Extracts from X's Speech; Highlights of her remarks): the owner of the last such announcement before
        the quotation. A story that runs a speech's passages under subheadings quotes them with no cue."""
        start = self.marked[qi][0]
        if self._extracts is None:
            self._extracts = []
            for found in EXTRACTS_RE.finditer(self.text):
                para = self._paragraph(found.start())
                sent = next((x for x in self._sentences(para) if x[0] <= found.start() < x[1]), para)
                toks, mentions = self.analysed(*sent)
                owner = self._speech_owner(toks, mentions, sent[0])
                speaker = owner[0] if owner is not None else None
                if speaker is None:
                    for cue in self.cues_of(*sent):
                        if cue.ctype == "noun" and cue.last + 2 < len(toks) and toks[cue.last + 1].lower in {"by", "of"}:
                            speaker = self.speaker_of_cue(cue, toks, mentions, sent[0])
                            if speaker is not None:
                                break
                if speaker is not None and speaker.name and speaker.etype == "person":
                    self._extracts.append((found.start(), speaker))
        return next((sp for pos, sp in reversed(self._extracts) if pos < start), None)

    def _headline_speaker(self, qi: int) -> Speaker | None:
        """The person a headline or subheading names before a colon (Scholz: Coalition has stopped “…”;
        Merkel: ‘We will manage’): news headlines write "X says" so. Only a short line with no full stop,
        and a name the document gives a person."""
        start = self.marked[qi][0]
        para = self._paragraph(start)
        line = self.text[para[0]:para[1]]
        m = HEADLINE_NAME_RE.match(line) or HEADLINE_ROLE_RE.match(line)
        if m is None or para[0] + m.end() > start or len(line.split()) > 25 \
                or re.search(r"[.!?][”’\"']?\s*$", line.rstrip()) and not line.rstrip().endswith(("”", "’", '"', "'")):
            return None
        words = m.group(1).split()
        named = m.re is HEADLINE_NAME_RE
        person = named and (self.ents.people.get(m.group(1)) and m.group(1) or self.ents.person_for_surname(words[-1]))
        if not person:
            # Finnair CEO: Premium leisure will be “…”: a role the body gives a person it names (Finnair
            # president and CEO Topi Manner)
            toks = tokenize(self.text, para[0], para[0] + len(m.group(1)), [])
            found = self.finder.find(toks)
            role = found[-1] if found else None
            if role is None or role.etype != "role" or role.last != len(toks) - 1 or role.possessive:
                return None
            holder = self.resolve_role(role)
            if holder is None or holder.etype != "person" or holder.name not in self.ents.people:
                return None
            return Speaker(holder.name, "person", role)
        mention = Mention(0, 0, para[0], para[0] + len(m.group(1)), m.group(1), "person", name=person)
        return Speaker(person, "person", mention)

    def _carried_on(self, qi: int, toks: list[Token], qpos: int, mentions: list[Mention], left_bound: int,
                    right_bound: int) -> Speaker | None:
        """A fragment with no cue, in a sentence that brings in nobody, right after the quotations of one
        speaker (in the paragraph or the one before): the report goes on in that speaker's words (People who
        break the rules will be “punished”; nationals may “return home”). Not when the sentence names
        someone or brings in an indefinite actor (a doctor had typed “…”), nor a name of a thing (the
        “zero-Covid” policy, so-called “experts”), nor in a headline. Such a speaker is inferred: later
        quotations do not continue it."""
        last = self.last_speaker
        if last is None or last.etype not in {"person", "org"} or not last.name or self.title_case(toks):
            return None
        para = self._paragraph(self.marked[qi][0])
        if self._last_para != para and self._previous_paragraph(para) != self._last_para:
            return None
        if any(left_bound < m.first < right_bound and m.etype not in {"place", "pron"}
               and not (m.first == m.last and self.lex.roles.get(toks[m.first].bare.lower(), NO_ROLE).entity == "group")
               for m in mentions):
            return None  # someone else the sentence names may be the one it reports (not "People who …")
        if any(toks[k].lower in INDEFINITE_ACTORS for k in range(left_bound + 1, qpos)):
            return None
        if not any(toks[k].lower in ANNOUNCED_MOOD for k in range(left_bound + 1, qpos)):
            return None  # what the speaker announced is said in the future or as a duty (will be “punished”,
            # may “return home”); the reporter's own past narrative (the town was “a quiet place”) is not
        if any(toks[k].lower in LABELLING for k in range(max(0, qpos - 2), qpos)):
            return None
        content = self.text[self.spans[qi][0]:self.spans[qi][1]].strip()
        if not content[:1].islower():
            return None  # a fragment of a sentence starts in lower case; a Name or Title does not
        if self.kind(qi, toks, qpos, None, last, mentions) != "partial":
            return None  # the “one country, two systems” policy: a quoted name, whoever's story it is
        return Speaker(last.name, last.etype, last.mention)

    def transcript_label(self, qi: int) -> Speaker | None:
        """The speaker a transcript's label names inside the quotation it opens ("WALLACE: Let's start …";
        "Smith: We …"): a name of one to three words and a colon. The label must name a person of the
        document, or be written in capitals and label two quotations at least (the turns of an
        interview); a single capitalised word elsewhere (UPDATE:, NOTE:) is no speaker, and a document with
        one label only holds no transcript."""
        start, end = self.spans[qi]
        m = TRANSCRIPT_LABEL.match(self.text, start, min(end, start + 60))
        if m is None:
            return None
        label = m.group(1)
        words = label.split()
        person = self.ents.person_for_surname(words[-1].title() if label.isupper() else words[-1])
        if sum(self._labels().values()) < 2 or _titled(self.text[start + m.end():end]):
            return None  # one label is no transcript; a subtitle (“Crippled America: How to …”) is no turn
        if person is None and not (label.isupper() and len(label) > 2 and self._labels().get(label, 0) >= 2):
            return None
        mention = Mention(0, len(words) - 1, start + m.start(1) - start, start + m.end(1) - start, label,
                          "person", name=person or label.title())
        return Speaker(person or label.title(), "person", mention)

    def _labels(self) -> dict[str, int]:
        """How many quotations of the document each transcript label opens: a label in capitals, or one
        that names a person of the document."""
        if self._label_counts is None:
            counts: dict[str, int] = {}
            for s, e in self.spans:
                m = TRANSCRIPT_LABEL.match(self.text, s, min(e, s + 60))
                if m is not None and (m.group(1).isupper() or self.ents.person_for_surname(m.group(1).split()[-1])):
                    counts[m.group(1)] = counts.get(m.group(1), 0) + 1
            self._label_counts = counts
        return self._label_counts

    def _cached_cue_speaker(self, cue: Cue, toks: list[Token], mentions: list[Mention], fs: int) -> Speaker | None:
        return self.speaker_of_cue(cue, toks, mentions, fs) if cue.ctype in {"verb", "noun", "prep", "participle"} else None

    def colon_lead_in(self, qi: int) -> tuple[Speaker | None, Cue | None]:
        """A quotation opening a paragraph after one that ends with a colon (Cruz continued:)."""
        para = self._paragraph(self.marked[qi][0])
        if not _opens(self.text, para[0], self.marked[qi][0]):
            return None, None
        prev = self._previous_paragraph(para)
        if prev is not None and _subheading_line(self.text[prev[0]:prev[1]]):
            # … in a speech on Monday: ¶ Ukraine is part of Russia ¶ “…”: a subheading between the lead-in and
            # the quotation it announces
            prev = self._previous_paragraph(prev)
        if prev is None or not self.text[prev[0]:prev[1]].rstrip().endswith(":"):
            return None, None
        sents = self._sentences(prev)
        sent = (max(sents[-1][0], prev[1] - MAX_LEFT), prev[1])
        toks, mentions = self.analysed(*sent)
        for cue in reversed(self.cues_of(*sent)):
            speaker = self.speaker_of_cue(cue, toks, mentions, sent[0])
            if speaker:
                return speaker, cue
        # Here are highlights of her remarks: / key quotes from X's news conference: — whose speech or
        # occasion of speech the sentence names, its quotations are
        owner = self._speech_owner(toks, mentions, sent[0])
        if owner is not None:
            return owner
        if any(t.lower in self.lex.cue_words.event and t.quote < 0 for t in toks):
            # Highlights from the news conference: — whose it is, the sentences before say: their subject
            for before in self.previous_sentences(sent[0], 3):
                subject = self.subject(before)
                if subject is not None and subject.name and subject.etype == "person":
                    return subject, Cue(len(toks) - 1, len(toks) - 1, "verb", ":")
        # President X released the following statement: — a colon ending a clause introduces its subject's words
        return self.introduced(toks, mentions, sent[0], len(toks), colon_only=True)

    def _speech_owner(self, toks: list[Token], mentions: list[Mention], fs: int) -> tuple[Speaker, Cue] | None:
        """The owner of the last speech noun with a possessive before it in a lead-in sentence (her remarks,
        the minister's speech, Smith's statement), resolved, with the noun as the cue; None without one."""
        by_last = {m.last: m for m in mentions if m.possessive}
        for k in range(len(toks) - 1, 0, -1):
            if toks[k].quote >= 0 or "noun" not in self.lex.cues.get(toks[k].lower, ()) \
                    and toks[k].lower not in self.lex.cue_words.event:
                continue
            j = k - 1
            while j > 0 and j not in by_last and toks[j].is_word and toks[j].lower not in DETERMINERS \
                    and not toks[j].possessive and k - j < 3:
                j -= 1  # her prepared remarks, Smith's televised address
            owner = by_last.get(j)
            if owner is not None:
                speaker = self.resolve(owner, toks, mentions, fs)
                if speaker is not None and speaker.name and speaker.etype in {"person", "org", "group", "unknown"}:
                    return speaker, Cue(k, k, "noun", toks[k].text)
        return None

    def introduced(self, toks: list[Token], mentions: list[Mention], fs: int, qpos: int,
                   colon_only: bool = False) -> tuple[Speaker | None, Cue | None]:
        """The words a clause introduces with a colon or comma, when no cue of the lexicon attributes them:
        ``X retorted: “…”``, ``X jokes, “…”`` (the verb before the mark is the cue, whatever it is), and
        ``X delivered a blunt message to Y: “…”`` (a colon ending a clause gives its subject's words)."""
        mark = toks[qpos - 1] if qpos >= 1 else None
        if mark is None or mark.text not in ({":"} if colon_only else {":", ","}):
            return None, None
        if mark.text == ":":
            listed = self._listed(toks, mentions, fs, qpos - 1)
            if listed is not None:
                return listed, Cue(qpos - 1, qpos - 1, "verb", ":")
        by_last = {m.last: m for m in mentions}
        k = qpos - 2
        while k >= 0 and toks[k].lower in SKIPPABLE and k not in by_last:
            k -= 1
        # a new campaign message: “…”: a common noun before a word with no verb's ending, which the lexicon
        # does not know as a verb, is a noun before a noun, no subject and its verb (the campaign responded:)
        compound = k - 1 in by_last and by_last[k - 1].etype == "role" and not by_last[k - 1].text[:1].isupper() \
            and not toks[k].lower.endswith(("ed", "s")) and toks[k].lower not in self.lex.cues
        if k >= 1 and _verb_like(toks[k]) and not compound and (mark.text == ":" or k - 1 in by_last or toks[k - 1].lower in SKIPPABLE):
            cue = Cue(k, k, "participle" if toks[k].lower.endswith("ing") else "verb", toks[k].text)
            speaker = self.speaker_of_cue(cue, toks, mentions, fs)
            if speaker:
                return speaker, cue
        if mark.text == ":":
            left = _sentence_bounds(toks, qpos - 1)[0] if qpos - 1 < len(toks) else -1
            owner = next((m for m in mentions if m.first == left + 1 and m.possessive
                          and m.etype in {"person", "org", "unknown"}), None)
            if owner is not None and owner.last + 1 < qpos - 1 and qpos - 1 - left <= 14 \
                    and ("noun" in self.lex.cues.get(toks[owner.last + 1].lower, ())
                         or toks[owner.last + 1].lower in self.lex.cue_words.heading_noun):
                # Putin’s message to the West: “…”: the owner of the speech noun a heading opens with speaks
                found = self.resolve(owner, toks, mentions, fs)
                if found is not None and found.name and found.etype in {"person", "org"}:
                    return found, Cue(owner.last + 1, owner.last + 1, "noun", toks[owner.last + 1].text)
            sub = [m for m in mentions if left < m.first < qpos - 1]
            subj = self._subject_from(toks[:qpos - 1], sub, fs) if sub else None
            if subj and subj.name and subj.etype in {"person", "org"} and not _after_preposition(toks, subj.mention) \
                    and not (subj.mention.first > 0 and toks[subj.mention.first - 1].lower in TOPIC_PREPOSITIONS):
                # (On X: “…”, About X: a topic, not who speaks)
                return subj, Cue(qpos - 1, qpos - 1, "verb", ":")
        return None, None

    def _listed(self, toks: list[Token], mentions: list[Mention], fs: int, colon: int) -> Speaker | None:
        """A reaction list or round-up entry: ``Name, Affiliation: “…”``, ``Rep. X (R-S.C.): “…”``,
        ``HEADING - Name: “…”``, ``More from Name: “…”``. What stands between the sentence start (or the
        last dash) and the colon is a name with at most an appositive or a parenthesis, and no verb: the
        colon gives the name's words."""
        left = colon - 1
        while left >= 0 and toks[left].text not in SENT_END and toks[left].text not in DASHES and toks[left].quote < 0:
            left -= 1
        inside = [m for m in mentions if left < m.first and m.last < colon]
        if not inside:
            return None
        head = inside[0]
        if any(t.lower not in LIST_LEADS for t in toks[left + 1:head.first]):
            return None
        covered = {k for m in inside if m.etype != "pron" for k in range(m.first, m.last + 1)}
        depth, comma = 0, False
        for k in range(head.last + 1, colon):
            t = toks[k]
            depth += (t.text == "(") - (t.text == ")")
            comma = comma or t.text == ","
            if depth > 0 or t.text in {"(", ")", ","} or k in covered or t.lower == "and":
                continue
            if not comma or colon - left > 16 or not (t.is_cap or t.lower in APPOSITIVE_WORDS):
                return None  # a word after the name that is no appositive: a clause (Wait, it gets better:)
        if head.etype == "pron" or head.possessive:
            return None
        speaker = self.resolve(head, toks, mentions, fs)
        return speaker if speaker is not None and speaker.name and speaker.etype != "place" else None

    def announced(self, qi: int) -> tuple[Speaker | None, Cue | None]:
        """A quotation standing alone after a sentence that ends on its attribution: ``X said on Twitter.
        “…”`` or ``X responded with a written statement.¶“…”``. The sentence right before it (in its
        paragraph, or the previous paragraph's last) holds no quotation, and after its last cue come only
        adjuncts (on Twitter, in a statement, late on Friday) or the inverted speaker (…, said X.): the cue
        has no object of its own, so the words it announces are the quotation that follows."""
        start = self.marked[qi][0]
        sents = self.previous_sentences(start, 1)
        if not sents:
            return None, None
        sent = sents[0]
        if self.text[sent[1]:start].strip():
            return None, None  # something (a heading, a byline) stands between
        lo = bisect.bisect_left(self._marked_starts, sent[0])
        if lo < len(self.marked) and self.marked[lo][0] < sent[1] or \
                lo > 0 and self.marked[lo - 1][1] <= sent[0] and not self.text[self.marked[lo - 1][1]:sent[0]].strip(" \t"):
            return None, None  # the sentence quotes, or attributes the quotation before it (“…?” X asked.)
        toks, mentions = self.analysed(*sent)
        cues = [c for c in self.cues_of(*sent) if c.ctype in {"verb", "participle", "noun"}]
        if not cues or not toks or toks[-1].text not in {".", ":"}:
            return None, None
        cue = cues[-1]
        tail = toks[cue.last + 1:-1]
        by_first = {m.first: m for m in mentions}
        if len(tail) > 7 or any(t.lower in ANNOUNCE_STOPS or t.text in {",", ";", "—"} for t in tail):
            return None, None
        if tail and not (tail[0].lower in ADJUNCT_START or (cue.last + 1) in by_first
                         or self.lex.places.classify(tail[0].bare) in DATE_CLASSES):
            return None, None
        speaker = self.speaker_of_cue(cue, toks, mentions, sent[0])
        if speaker is None or not speaker.name or speaker.etype not in {"person", "org", "group", "role", "unknown"}:
            return None, None
        return speaker, cue

    def byline_after(self, qi: int) -> tuple[Speaker | None, Cue | None]:
        """A paragraph that is only a quotation, followed by a paragraph that opens with a dash and a name
        (fact checks, round-ups of remarks, reader letters: “…” ¶ — Jane Doe, Ohio): that name."""
        s, e = self.marked[qi][0], self.marked[qi][1]
        para = self._paragraph(s)
        if self.text[para[0]:s].strip() or self.text[e:para[1]].strip(" \t.,;:"):
            return None, None
        m = NONBLANK_RE.search(self.text, para[1])
        if m is None:
            return None, None
        if self.text[m.start()] not in DASHES:
            return self._signature_line(qi, para, m.start())
        nxt = self._paragraph(m.start())
        if any(a < nxt[1] and b > nxt[0] for a, b, _ in self.marked[qi + 1:qi + 2]):
            return None, None  # the dash opens a quotation or a line that quotes: no byline
        sent = (nxt[0], min(nxt[1], nxt[0] + 200))
        toks, mentions = self.analysed(*sent)
        first = next((x for x in mentions if x.first <= 2), None)
        if first is None or first.etype not in {"person", "org", "unknown", "role"} or first.possessive:
            return None, None
        speaker = self.resolve(first, toks, mentions, sent[0])
        if speaker is None or not speaker.name:
            return None, None
        return speaker, Cue(0, 0, "verb", toks[0].text if toks else "—")

    def _subheading(self, qi: int) -> bool:
        """A paragraph that is only a short quotation in single marks (‘A really tough decision.’): a
        subheading that quotes a line of the story, as headlines quote in single marks, not a turn of
        whoever spoke last."""
        s, e = self.marked[qi][0], self.marked[qi][1]
        if self.text[s] not in "'‘" or self.text[s:s + 2] == "''":
            return False
        para = self._paragraph(s)
        return not self.text[para[0]:s].strip() and not self.text[e:para[1]].strip() \
            and len(self.text[self.spans[qi][0]:self.spans[qi][1]].split()) <= 10

    def _signature_line(self, qi: int, para: tuple[int, int], nxt_start: int) -> tuple[Speaker | None, Cue | None]:
        """A quotation signed on the line right under it, the line ending its block (round-ups of experts'
        remarks: “…” / Dana Lee, Policy Institute.): a short line of a name and an affiliation, with no
        quotation of its own and nothing after it but a closing mark and a blank line."""
        if self.text.count("\n", para[1], nxt_start) != 1:
            return None, None  # a blank line between: another paragraph, not a signature
        line = self._paragraph(nxt_start)
        body = self.text[line[0]:line[1]].strip().rstrip("\"”’'").rstrip(" .")
        after = self.text[line[1]:line[1] + 3]
        if not body or len(body.split()) > 12 or any(ch in body for ch in '"“”«»') or not body[:1].isupper() \
                or not (after.startswith("\n\n") or after.startswith("\n \n") or line[1] == len(self.text)):
            return None, None
        if any(a < line[1] and b > line[0] for a, b, _ in self.marked[qi + 1:qi + 2]):
            return None, None
        speaker = self._signature(line[0], line[1])
        return (speaker, Cue(0, 0, "verb", "—")) if speaker is not None else (None, None)

    def _heading_speaker(self, qi: int) -> Speaker | None:
        """The person a line right above a quotation's paragraph names, when that line is nothing but the
        name, its side or role before it and at most a colon or dash after it (Chiefs coach Jane Roe / Australia
        captain Ann Lee:): match reports, reaction round-ups and press releases head each speaker's block so.
        Not the document's first line (a headline), nor a byline or a line that reports speech itself."""
        s = self.marked[qi][0]
        para = self._paragraph(s)
        if not _opens(self.text, para[0], s):
            return None
        prev = self._previous_paragraph(para)
        if prev is None or prev[0] == 0:
            return None
        raw = self.text[prev[0]:prev[1]]
        body = raw.strip().rstrip(":–—- ")
        words = body.split()
        if not words or len(words) > 7 or body[-1] in ".,;!?" or any(ch in body for ch in '"“”«»') \
                or words[0].lower() in NOT_HEADING_WORDS:
            return None
        start = prev[0] + len(raw) - len(raw.lstrip())
        toks = tokenize(self.text, start, start + len(body), [])
        mentions = self.finder.find(toks)  # (a line of a name is in title case, but no headline)
        last = mentions[-1] if mentions else None
        if last is None or last.possessive or last.etype not in {"person", "unknown"} or last.last != len(toks) - 1 \
                or self.cues(toks):
            return None
        # Chiefs coach, Australia captain: a side and a role, not a heading's words (Residents Share Their
        # Views On Mayor X)
        if last.first > 3 or any(not (t.is_cap or t.lower in self.lex.role_words) for t in toks[:last.first]) \
                or any(t.lower in HEADING_FUNCTION_WORDS for t in toks):
            return None
        speaker = self.resolve(last, toks, mentions, prev[0])
        return speaker if speaker is not None and speaker.name and speaker.etype == "person" else None

    def _signature(self, start: int, end: int) -> Speaker | None:
        """The person or body a signature line names: a name first, then nothing but an affiliation after a
        comma (Dana Lee, Center for Policy Research.); a line that reports speech itself is none."""
        toks = tokenize(self.text, start, end, [])  # the line may lie inside a quotation: no placeholders
        mentions = self.finder.find(toks, self.title_case(toks))
        first = next((x for x in mentions if x.first == 0), None)
        if first is None or first.etype not in {"person", "unknown", "org"} or first.possessive \
                or not (first.last + 1 >= len(toks) or toks[first.last + 1].text in {",", ".", "("}) \
                or self.cues(toks):
            return None
        speaker = self.resolve(first, toks, mentions, start)
        return speaker if speaker is not None and speaker.name else None

    def signed_inside(self, qi: int) -> Speaker | None:
        """The signature a quotation carries on its own last line (“… tax cuts.¶Dana Lee, Center for
        Policy Research.”): round-ups of experts' remarks sign each one inside the marks."""
        start, end = self.spans[qi]
        nl = self.text.rfind("\n", start, end)
        if nl < 0:
            return None
        body = self.text[nl + 1:end].strip().rstrip("\"”’'").rstrip(" .")
        if not body or len(body.split()) > 12 or not body[:1].isupper() or not self.text[start:nl].strip():
            return None
        return self._signature(nl + 1, end)

    def _answers(self, qi: int) -> bool:
        """Whether a quotation opening its paragraph answers the question that ends the quotation before it:
        a short reply (five words at most) or one that opens with yes or no."""
        before = self.text[self.spans[qi - 1][0]:self.spans[qi - 1][1]].rstrip(" ,”’\"'")
        if not before.endswith("?"):
            return False
        words = self.text[self.spans[qi][0]:self.spans[qi][1]].split()
        return len(words) <= 5 or bool(words) and words[0].lower().strip(",.!") in {"yes", "no", "yeah", "nope"}

    def inherited(self, qi: int) -> Speaker | None:
        """A cue-less direct quotation continues the paragraph's previous speaker or the previous paragraph's;
        with no quotation there to continue, the speaker of the sentence right before it, when that sentence
        reports someone's speech (X said he would …. “…”): news paraphrases a speaker, then quotes them."""
        start = self.marked[qi][0]
        para = self._paragraph(start)
        opens = _opens(self.text, para[0], start)
        if opens:
            # a link or sign-up line the page put between two paragraphs (READ ALSO: …, Sign up for …) is
            # no part of the story: the quotation continues the paragraph before it
            while (pp := self._previous_paragraph(para)) is not None and BOILERPLATE_RE.match(self.text, pp[0]) \
                    and len(self.text[pp[0]:pp[1]].split()) <= 25:
                para = (pp[0], para[1])
        prev_para = self.previous_sentences(para[0], 1) if opens else []
        if opens and qi > 0 and (pp := self._previous_paragraph(para)) is not None \
                and self.spans[qi - 1][0] >= pp[0] and self._answers(qi):
            return None  # “Who will pay?” X asked. ¶ “Mexico!”: the answer is the crowd's, not X's
        if self.results:
            prev = self.results[-1]
            prev_start = self.marked[qi - 1][0]
            if prev_start >= para[0] or prev_para and self.spans[qi - 1][1] >= prev_para[0][0]:
                # the previous quotation is in this paragraph, or reaches the previous paragraph's last
                # sentence (it may have begun sentences earlier, or been left open across the break)
                return prev.speaker if prev.speaker is not None and prev.kind != "scare" and not prev.inferred else None
        before = prev_para if opens else self.previous_sentences(start, 1)
        if not before or (self.results and self.spans[qi - 1][1] > before[0][0]):
            return None
        sent = before[0]
        if not opens and sent[0] < para[0]:
            return None
        toks, mentions = self.analysed(*sent)
        for cue in reversed(self.cues_of(*sent)):
            if cue.ctype == "barrier":  # X called on the nation to … ¶ “…”: a request is speech too
                cue = Cue(cue.index, cue.last, "verb", cue.text)
            if cue.ctype in {"verb", "participle"}:
                speaker = self.speaker_of_cue(cue, toks, mentions, sent[0])
                if speaker is not None and speaker.name and speaker.etype in {"person", "org", "unknown"}:
                    return speaker
        subj = self.subject(sent)
        if not opens:
            # Putin then turned to the West. ‘I want …’: within a paragraph, a quotation with no cue after a
            # sentence about a person is that person's (the sentence introduces what they say)
            if subj is not None and subj.name and subj.etype == "person" and subj.mention.etype != "pron":
                return subj
        elif subj is not None and subj.name and subj.etype == "person" and not self.title_case(toks) \
                and any(t.text.islower() for t in toks if t.start >= subj.mention.end):
            # X suggested he would sleep less. ¶ “When you get older …”: a quotation opening a paragraph, with
            # no quotation in the paragraph before it to continue, after a sentence in which a person does
            # something (not a headline, not a signature line "― Name") is that person's
            return subj
        return None

    def kind(self, qi: int, toks: list[Token], qpos: int, cue: Cue | None, speaker: Speaker | None,
             mentions: list[Mention] | None = None, lead_in: bool = False) -> str:
        """direct: a clause or sentences of speech; partial: words inside the reporter's sentence; scare.

        ``lead_in``: the cue ends the previous paragraph (``The spokesman said:``), so it stands before
        the quotation, and its token positions belong to that paragraph's tokens, not to ``toks``.
        """
        s, e = self.spans[qi]
        content = self.text[s:e].strip().rstrip("’'\"” ")  # a nested quotation can end the content
        # only "three words or more" and "four or more" are asked: a long quotation is not split whole
        words = content.split(maxsplit=4)
        first_alpha = next((ch for ch in content if ch.isalpha()), "")
        ends_sentence = content.rstrip("”’\"' )").endswith((".", "!", "?", "…"))
        prev = toks[qpos - 1] if qpos > 0 else None
        nxt = toks[qpos + 1] if qpos + 1 < len(toks) else None
        at_start = not any(t.is_word for t in toks[:qpos]) or \
            (prev is not None and (prev.text in {":", "—"} or prev.quote >= 0))
        if prev is not None and prev.text in SENT_END or cue is None and _after_fronted_phrase(toks, -1, qpos, []) >= 0:
            # (Later that day, “We are ready.”: with no cue in its sentence, a quotation after a fronted phrase
            # is a sentence of speech; with one, the phrase makes it part of the reporter's sentence)
            at_start = True
        cue_follows = cue is not None and not lead_in and cue.index > qpos
        after_cue = lead_in or cue is not None and (cue.last == qpos - 1 or (cue.last == qpos - 2 and toks[qpos - 1].text in {",", ":"})
                                         or (cue.last < qpos and toks[qpos - 1].lower == "that" and cue.last >= qpos - 3))
        if not after_cue and cue is not None and cue.last < qpos and prev is not None and prev.text in {",", ":"} \
                and first_alpha.isupper() and not _titled(content) \
                and not any(t.text in SENT_END or t.quote >= 0 for t in toks[cue.last + 1:qpos - 1]):
            after_cue = True  # X wrote to his 20,000 followers, “It is time …”: the comma ends the cue's clause
        closes_clause = nxt is None or nxt.text in SENT_END or nxt.text == ")" or (nxt.text in {",", "—"} and cue_follows) \
            or content.endswith((",", ".", "!", "?"))
        if prev is not None and prev.quote < 0 and prev.is_word and not after_cue and first_alpha.isupper() \
                and prev.lower not in self.lex.cues and prev.lower not in SIGN_VERBS \
                and not (cue is not None and (cue.last == qpos - 1 or cue.last == qpos - 2 and prev.lower in LABELLED_PRONOUNS)) \
                and _titled(content) and not self.title_case(toks):
            # said on ABC's “Good Morning America.” / his book “Art of the Deal.”: a title in title case after a
            # preposition, a possessive or a noun, its full stop the American style's, is the outlet's (not in
            # a headline, where every quotation is in title case)
            return "scare"
        if first_alpha.isupper() and ends_sentence and (len(words) >= 3 or content.endswith(("!", "?"))):
            return "direct"  # a sentence, or an exclamation or question (“Freedom now!”)
        if first_alpha.isupper() and ends_sentence and at_start and (prev is None or prev.text in SENT_END) \
                and self.results and self.results[-1].kind == "direct" and qi > 0 \
                and self.marked[qi - 1][1] >= self._paragraph(self.marked[qi][0])[0] and not _titled(content):
            return "direct"  # “We will not give up,” she said. “Not one.”: a short sentence of the same speech
        if first_alpha.isupper() and ends_sentence and (lead_in or (after_cue and prev is not None and (
                prev.text == ":" or prev.text == "," and cue is not None and cue.ctype in {"verb", "participle"}
                and toks[cue.index].lower in self.lex.cues and not _titled(content)))):
            return "direct"  # a colon or comma after the cue introduces what was said, however short (He said: “No.”)
        if after_cue and not lead_in and prev is not None and prev.text == "," and cue is not None and qi > 0 \
                and self.results and self.results[-1].kind == "direct" \
                and any(t.quote == qi - 1 for t in toks[:cue.index]) \
                and self.text[self.spans[qi - 1][0]:self.spans[qi - 1][1]].rstrip().endswith(","):
            return "direct"  # “One mistake,” he said, “could ruin it all.”: the sentence of speech goes on
        if after_cue and prev is not None and prev.text in {":", ","} and len(words) >= 5 and \
                (ends_sentence or INNER_SENTENCE_RE.search(content)):
            # told his supporters, “our nation is in trouble. Why …?”: a clause the cue introduces, whatever
            # its first letter, or sentences of speech that run on into the reporter's words
            return "direct"
        # “Denver,” he answered. — a quotation that opens its sentence and is followed only by its attribution
        if at_start and cue_follows and (content.endswith((",", "!", "?", ".", "…")) or len(words) >= 4 and first_alpha.isupper()):
            assert cue is not None
            in_mention = {k for m in (mentions or []) for k in range(m.first, m.last + 1)}  # only when asked
            starts = {m.first for m in (mentions or [])}
            # the attribution may name its speaker with attached phrases: the senator from Maine said; and
            # with a determiner and modifiers before the name: an angry Smith said
            if all(toks[k].text in {",", "—"} or k in in_mention or toks[k].lower in SKIPPABLE
                   or (toks[k].lower in ATTACHING and k + 1 < cue.index)
                   or (toks[k].lower in DETERMINERS or toks[k].text.islower()) and any(x in starts for x in range(k + 1, min(k + 4, cue.index)))
                   for k in range(qpos + 1, cue.index)) and (
                    content.endswith((",", "!", "?", ".", "…"))
                    # “It is over” he said: with no comma before the close, only the speaker's own words may
                    # follow (a name or a pronoun and the verb), not the reporter's (“…” for the victory, he said)
                    or all(k in in_mention or toks[k].lower in SKIPPABLE for k in range(qpos + 1, cue.index))):
                return "direct"
        if (at_start or after_cue) and closes_clause and len(words) >= 4:
            return "direct"
        if not after_cue and len(words) <= 5 and nxt is not None and nxt.lower in self.lex.cue_words.label \
                and not content.endswith((",", ".")) and not _evaluative(content):
            return "scare"  # the “one country, two systems” policy: the outlet quotes a thing's name
        if at_start and first_alpha.isupper() and len(words) >= 3 and nxt is not None and nxt.text == "," and cue is not None:
            return "direct"
        if at_start and first_alpha.isupper() and len(words) >= 4 and cue_follows and cue is not None and cue.index == qpos + 1:
            return "direct"  # “I made the decision” declared the president: a sentence whose comma went missing
        return "partial" if speaker else "scare"


# endings of English adjectives and adverbs of judgement (ambitious, historic, unacceptable, significantly)
EVALUATIVE_ENDINGS = ("ous", "ive", "ful", "ic", "ical", "able", "ible", "less", "ent", "ant", "ly", "est")


def _evaluative(content: str) -> bool:
    """One lower-case word of judgement before a noun (an “ambitious” programme, the “historic” rebate): a
    word the speaker chose, not the name the outlet quotes for a thing (the “zero-COVID” policy)."""
    return content.isalpha() and content.islower() and content.endswith(EVALUATIVE_ENDINGS)


# words that put a name between quotation marks (the so-called “experts”, a plan dubbed “Fortress”)
LABELLING = {"so-called", "dubbed", "called", "termed", "named", "known", "as", "nicknamed", "branded", "labelled",
             "labeled", "titled", "entitled", "slogan", "hashtag"}
# modals and the infinitive marker: the mood in which a speaker's announced measures are reported
ANNOUNCED_MOOD = {"will", "would", "may", "might", "must", "shall", "should", "can", "could", "to"}
# words that bring a new actor into a sentence (a doctor had typed “…”, someone shouted “…”)
INDEFINITE_ACTORS = {"a", "an", "another", "one", "someone", "somebody", "anyone", "anybody", "others", "some"}


DASHES = {"—", "―", "–", "-"}
SIGN_VERBS = {"read", "reads", "reading", "chanting", "chanted", "chant", "chants", "singing", "sang", "sing", "shouting",
              "yelling", "cheer", "cheered", "cheering", "echoing"}  # what a sign reads, a crowd chants: words, not a title
# a sentence ends inside a quotation and another begins: a word of three letters or more (not Mr. Smith, Gov. Ray)
# and a full stop, question or exclamation mark, then a capital
INNER_SENTENCE_RE = re.compile(r"(?<![A-Z][a-z])(?<![A-Z][a-z][a-z])(?<!\b[A-Z])[a-z]{2}[.!?] [A-Z]|\d[.!?] [A-Z]|[a-z]{3}[!?] [A-Z]")
# a document that announces the passages of a speech it quotes (Following are extracts from …, Key Extracts from
# X's Speech, Highlights of her remarks, excerpts of the address)
EXTRACTS_RE = re.compile(r"\b(?:[Ee]xtracts?|[Ee]xcerpts?|[Hh]ighlights|[Kk]ey [Qq]uotes|[Pp]assages)\s+(?:from|of)\b")
HEADLINE_NAME_RE = re.compile(r"([A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,2}):[ \t]+\S")  # Scholz: …
HEADLINE_ROLE_RE = re.compile(r"([A-Z][\w'’.-]+(?: [\w'’.-]+){1,3}):[ \t]+\S")  # IATA chief economist: …
TOPIC_PREPOSITIONS = {"on", "about", "regarding", "concerning", "over"}
LIST_LEADS = {"more", "from", "via", "and", "also", "per"}  # More from X: “…”, From the report: “…”
APPOSITIVE_WORDS = {"a", "an", "the", "of", "for", "at", "in", "on", "and", "to", "with", "&"}  # X, a fellow at Y:
SLOT_AFTER = SENT_END | {",", "in", "on", "at", "to", "after", "before", "during", "as", "while", "from", "with",
                         "when", "of", "about", "through", "via", "over"}


def _attribution_gap(toks: list[Token], mentions: list[Mention], a: int, b: int) -> bool:
    """Whether the tokens ``[a, b)`` between a quotation and a cue after it are only the attribution's own
    material: punctuation, adverbs and auxiliaries, the speaker's mention, a parenthesis (D-Wis.), a party
    and state label, or an appositive between commas after the mention (X, chief strategist at Y, said)."""
    if b - a > 25:
        return False
    covered = {k for m in mentions for k in range(m.first, m.last + 1)}
    k = a
    depth = 0
    while k < b:
        t = toks[k]
        if t.quote >= 0 and k > a:
            return False  # another quotation between
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and not (t.text in {",", "—", "-"} or t.quote >= 0 or t.lower in SKIPPABLE or _adverb(t) or k in covered
                                 or PARTY_STATE.match(t.text)):
            # an appositive: it opens with a comma right after a mention and closes with one before the cue
            if k >= 2 and toks[k - 1].text == "," and k - 2 in covered and toks[b - 1].text == "," and \
                    not any(x.text in SENT_END or x.quote >= 0 for x in toks[k:b - 1]) and b - a <= 25:
                return True
            return False
        k += 1
    return b - a <= 8 or depth == 0 and b - a <= 25 and any(toks[x].text == ")" or PARTY_STATE.match(toks[x].text)
                                                           for x in range(a, b))


# what opens a common noun phrase in an attribution slot, what may stand before it, and what may follow it
NP_OPENERS = {"the", "a", "an", "one", "another", "his", "her", "their", "its", "our", "this", "that", "these",
              "those", "some", "many", "several", "each", "every", "two", "three", "other", "most"}
NP_QUANTIFIERS = {"one", "some", "many", "several", "each", "two", "three", "most"}  # one of the aides
NP_SKIPPABLE = SKIPPABLE - {"to", "told"}  # the crowd began to chant: an infinitive's subject is no slot's
NP_BEFORE = SENT_END | {",", ":", "—", "–", "(", "as", "when", "then", "while"}  # not "and": the UK and its allies
NP_AFTER = SENT_END | {",", ";", ":", "—", "–", "(", ")", "in", "on", "at", "to", "after", "before", "during", "as",
                       "while", "from", "with", "when", "about", "via", "over", "who", "which", "whose", "whom", "of"}


def _np_word(t: Token, cue_words: object, light: frozenset[str] = frozenset()) -> bool:
    """A word a common noun phrase can be made of: no function word, no cue, no verb that takes a speech
    noun (the new leader delivered repeated attacks: "delivered" ends the phrase), no quotation."""
    return t.quote < 0 and t.text[:1].isalnum() and t.lower not in NP_FUNCTION \
        and t.lower not in cue_words and t.lower not in light  # type: ignore[operator]


def _slot_mentions(toks: list[Token], mentions: list[Mention], cues: list[Cue], cue_words: object,
                   light: frozenset[str] = frozenset()) -> list[Mention]:
    """``mentions`` with the common noun phrases of attribution slots added (see ``slotted``): a phrase
    that opens with a determiner or quantifier and ends on a lower-case noun, right before a cue verb
    (skipping adverbs) after a clause boundary, or right after a cue verb that follows a quotation or a
    comma and ends at a boundary. A name inside it (the Gawker employee) gives way to the phrase."""
    covered = {k: m for m in mentions for k in range(m.first, m.last + 1)}
    added: list[Mention] = []
    for cue in cues:
        if cue.ctype != "verb":
            continue  # a participle's subject is its clause's (X released photos telling …)
        spans: list[tuple[int, int]] = []
        h = cue.index - 1
        while h >= 0 and (toks[h].lower in NP_SKIPPABLE or _adverb(toks[h])) and h not in covered:
            h -= 1
        passive = cue.index > 0 and toks[cue.index - 1].lower in AUX  # the aides were told: not who speaks
        if not passive and h >= 1 and toks[h].text.islower() and _np_word(toks[h], cue_words, light) and not _adverb(toks[h]) and h not in covered:
            k = h - 1
            while k >= 0 and h - k < 5 and toks[k].lower not in NP_OPENERS and _np_word(toks[k], cue_words):
                k -= 1
            if k >= 0 and k < h and toks[k].lower in NP_OPENERS and toks[k - 1].lower in POSTMODIFIER_LINKS and k >= 3:
                # a source familiar with the talks said / an official close to the ministry said: the phrase
                # the attached one follows is the subject, its head the speaker
                head_k = _postmodified_head(toks, k - 1, cue_words)
                if head_k is not None:
                    spans.append(head_k)
            elif k >= 0 and k < h and toks[k].lower in NP_OPENERS and \
                    (k == 0 or toks[k - 1].quote >= 0 or toks[k - 1].text in NP_BEFORE or toks[k - 1].lower in NP_BEFORE):
                spans.append((k, h))
            elif toks[h].lower.endswith("s") and k >= 0 and (toks[k].quote >= 0 or k >= 1 and toks[k].text == "," and toks[k - 1].quote >= 0):
                spans.append((k + 1, h))  # “…,” federal prosecutors wrote: a bare plural right after the quotation
        k = cue.last + 1
        # inversion: the cue opens its sentence (Said the woman: …) or follows a quotation that opens its
        # sentence (“…,” said the woman), not a verb after an embedded quotation (X, whose “…”, defended the plan)
        p = cue.index - 1
        if p >= 0 and toks[p].text in {",", "—"}:
            p -= 1
        inverted = cue.index == 0 or p >= 0 and toks[p].quote >= 0 and (p == 0 or toks[p - 1].text in SENT_END or toks[p - 1].text == ":")
        if cue.ctype == "verb" and k < len(toks) and toks[k].lower in NP_OPENERS and k not in covered and inverted:
            h = k + 1
            if h + 1 < len(toks) and toks[k].lower in NP_QUANTIFIERS and toks[h].lower == "of" and toks[h + 1].lower in NP_OPENERS:
                h += 2  # said one of the aides
            end = h
            while end < len(toks) and end - k < 8 and _np_word(toks[end], cue_words) and toks[end].lower not in NP_AFTER:
                end += 1
            last = end - 1
            if last > k and toks[last].text.islower() and toks[last].lower not in NP_OPENERS and \
                    (end == len(toks) or toks[end].text in NP_AFTER or toks[end].lower in NP_AFTER):
                spans.append((k, last))
        for a, b in spans:
            if b in covered and covered[b].last == b:
                continue  # the head is a mention already
            if any(m.first < a <= m.last or m.first <= b < m.last for m in mentions if m.first < a or m.last > b):
                continue  # a mention crosses the phrase's edge
            text = " ".join(t.text for t in toks[a:b + 1])
            added.append(Mention(a, b, toks[a].start, toks[b].end, text, "unknown", head=toks[b].lower,
                                 name=_normalise_np(text)))
            for x in range(a, b + 1):
                covered[x] = added[-1]
    if not added:
        return mentions
    inside = {(m.first, m.last) for m in added}
    kept = [m for m in mentions if not any(a <= m.first and m.last <= b for a, b in inside)]
    return sorted(kept + added, key=lambda m: m.first)


# what attaches a phrase to a common noun before it in a subject (a source familiar with …, an aide close to …)
POSTMODIFIER_LINKS = {"with", "to", "of", "for", "at", "from", "in", "on"}
POSTMODIFIER_WORDS = {"familiar", "close", "speaking", "briefed", "involved", "knowledgeable", "granted", "who"}


def _postmodified_head(toks: list[Token], link: int, cue_words: object) -> tuple[int, int] | None:
    """The common noun phrase (its opener and head) that a postmodifier ending at ``link`` (familiar with,
    close to, speaking on, briefed on) attaches to, when that phrase opens its clause: ``A source familiar
    with the talks said`` has the subject ``A source``."""
    k = link
    if toks[k].lower in {"to", "with", "on", "of"} and k >= 1 and toks[k - 1].lower in POSTMODIFIER_WORDS:
        k -= 1  # familiar with, close to, speaking on, aware of
    elif toks[k].lower not in {"for", "at", "from", "in"}:
        return None
    h = k - 1  # the head noun
    if h < 1 or not (toks[h].text.islower() and _np_word(toks[h], cue_words)):
        return None
    o = h - 1
    while o >= 0 and h - o < 4 and toks[o].lower not in NP_OPENERS and _np_word(toks[o], cue_words) and toks[o].text.islower():
        o -= 1
    if o < 0 or toks[o].lower not in NP_OPENERS:
        return None
    if not (o == 0 or toks[o - 1].quote >= 0 or toks[o - 1].text in NP_BEFORE or toks[o - 1].lower in NP_BEFORE):
        return None
    return (o, h)


TIME_UNITS = {"minutes", "hours", "days", "weeks", "months", "years", "decades", "day", "week", "month", "year", "hour"}
PASSIVE_AUX = {"was", "were", "been", "is", "are", "be", "being"}
TIME_PARTS = {"night", "morning", "afternoon", "evening"}
TIME_LEADS = {"on", "last", "this", "late", "early", "earlier"}


def _time_phrase_start(toks: list[Token], j: int, places: object) -> int:
    """The index before a time phrase ending at ``j`` (on Friday, Friday night, yesterday, on 30
    September, last week), or ``j`` when none ends there."""
    k = j
    if k >= 1 and toks[k].lower in {"week", "month", "year"} and toks[k - 1].lower in {"last", "this"}:
        return k - 2  # last week
    if k >= 0 and toks[k].lower in TIME_PARTS:
        k -= 1
    if k >= 0 and toks[k].text.isdigit() and len(toks[k].text) <= 2:
        k -= 1  # September 30
    if k >= 1 and toks[k].text == "." and toks[k - 1].end == toks[k].start:
        k -= 1  # Nov. 12, Sept. 3: a month the style guide abbreviates, its full stop a token of its own
        if places.classify(toks[k].text + ".") not in DATE_CLASSES:  # type: ignore[attr-defined]
            return j
    elif k < 0 or places.classify(toks[k].text) not in DATE_CLASSES:  # type: ignore[attr-defined]
        return j
    k -= 1
    if k >= 0 and toks[k].text.isdigit() and len(toks[k].text) <= 2:
        k -= 1  # 30 September
    if k >= 0 and toks[k].lower in TIME_LEADS:
        k -= 1
    return k


def _postmodifier_link(toks: list[Token], k: int) -> int:
    """The first token of a postmodifier's link at ``k`` (``familiar with``, ``close to``, ``speaking on``,
    or an attaching preposition), or -1."""
    if toks[k].lower in {"to", "with", "on", "of"} and k >= 1 and toks[k - 1].lower in POSTMODIFIER_WORDS:
        return k - 1
    return k if toks[k].lower in ATTACHING else -1


def _unclosed_appositive(toks: list[Token], j: int, cue: Cue, by_first: dict[int, Mention],
                         by_last: dict[int, Mention], lex: Lexicons) -> Mention | None:
    """The name opening a sentence whose appositive lost its closing comma before the verb (``Jane Roe, a
    mother of three from the east side said``): a person's name, a comma, a phrase headed by a person's
    role, and nothing in it that could be a clause of its own (no other comma, no verb of speech, no "and").

    A comma right after the verb makes it a parenthetical (``Roe, the council said, …``): the phrase speaks.
    The name opens the sentence, after a dateline or after the quotation it ends (“…,” Jane Roe, a nurse …
    said); the search starts from such a name, as most sentences open on none."""
    if cue.last + 1 < len(toks) and toks[cue.last + 1].text == "," or toks[j].lower in RELATIVE | {"that"}:
        return None  # (Roe, the playwright who wrote …: the verb is the relative clause's)
    opening = [by_first.get(k) for k in (0, 1, 2)]
    if not any(m is not None and m.etype == "person" for m in opening):
        dateline = _dateline_end(toks)
        if dateline < 0:
            return None
        opening = [by_first.get(dateline + 1)]
    for name in opening:
        if name is None or name.etype != "person" or name.possessive:
            continue
        before = name.first - 1
        if before >= 1 and toks[before].text == "," and toks[before - 1].quote >= 0:
            before -= 1  # “…,” Jane Roe, a nurse from … said
        if before >= 0 and toks[before].quote < 0 and name.first > _dateline_end(toks) + 1:
            continue  # (After talks with Roe, a spokesman for the firm said: the spokesman)
        c = name.last + 1
        if not (c < len(toks) and toks[c].text == "," and c + 1 < cue.index and j - c <= 18):
            continue
        for k in range(c + 1, j + 1):
            t = toks[k]
            # (an "and" inside a body's name, the Ministry of Information and Communications, is no clause)
            named_and = t.lower in {"and", "&"} and toks[k - 1].is_cap and k + 1 <= j and toks[k + 1].is_cap
            if t.quote >= 0 or not (t.is_word or t.text in {"(", ")"}) or t.lower in lex.cues \
                    or t.lower in {"and", "but", "or"} and not named_and:
                return None
        if toks[c + 1].lower not in {"a", "an", "the"} and c + 1 not in by_first:
            return None
        inner = next((m for m in by_first.values() if c < m.first < cue.index), None)
        if inner is not None and not (inner.etype == "unknown" and not toks[inner.first].is_cap or inner.etype == "role"
                                      and inner.head in lex.roles and lex.roles[inner.head].entity == "person"):
            return None  # (Roe, the council argued …: a body or another name may be the subject)
        return name
    return None


def _postmodified_subject(toks: list[Token], j: int, by_last: dict[int, Mention]) -> Mention | None:
    """The mention heading a subject whose attached phrase ends at ``j`` on a common noun (``A source
    familiar with the talks said``, ``An aide close to the campaign said``): the mention right before the
    link, opening its clause."""
    past_phrase = False
    for k in range(j - 1, max(0, j - 10), -1):
        t = toks[k]
        if t.quote >= 0 or t.text in SENT_END or t.text in {",", ";", ":"}:
            return None
        # (a man who lives nearby said, a woman whose son died in the blast told: a restrictive relative
        # clause on a person, which may hold prepositional phrases of its own)
        relative = t.lower in {"who", "whose"}
        link = k if relative else _postmodifier_link(toks, k) if k >= j - 6 and not past_phrase else -1
        if link < 1 and toks[k].lower == "on" and k >= 1 and k - 1 in by_last and by_last[k - 1].etype == "org" \
                and not past_phrase:
            link = k  # the Commission on pollution and health said: a body named for its subject
        if link < 1:
            continue
        head = by_last.get(link - 1)
        if head is None and not relative and toks[link].lower in ATTACHING:
            past_phrase = True  # (at the plant, in the blast: look on for a relative pronoun only)
            continue
        if head is None or head.possessive or head.etype in {"pron", "place"}:
            return None
        o = head.first - 1
        if o >= 0 and toks[o].lower in DETERMINERS:
            o -= 1
        if o < 0 or toks[o].quote >= 0 or toks[o].text in NP_BEFORE or toks[o].lower in NP_BEFORE:
            return head
        return None
    return None


# prepositions after which a name is a place or a thing, never an inverted speaker
PLACE_PREPOSITIONS = {"at", "in", "into", "near", "from", "to", "for", "with", "of", "by", "inside", "outside"}


def _object_of_place_preposition(toks: list[Token], first: int) -> bool:
    """Whether the mention starting at ``first`` is the object of a preposition (at the X, in X), an
    article aside (not "at dawn the Russian leader": a time phrase before the name)."""
    k = first - 1
    if k >= 0 and toks[k].lower in {"the", "a", "an"}:
        k -= 1
    return k >= 0 and toks[k].lower in PLACE_PREPOSITIONS

CORE_SPEECH = {"said", "says", "say", "told", "tells", "added", "adds", "wrote", "writes", "asked", "asks"}


def _parenthetical(toks: list[Token], mentions: list[Mention], cue: Cue) -> bool:
    """Whether a verb cue is an attribution set between commas inside a clause (``, Putin stressed,``):
    a comma, a mention, the verb, a comma."""
    if cue.last + 1 >= len(toks) or toks[cue.last + 1].text != ",":
        return False
    m = next((m for m in mentions if m.last == cue.index - 1), None)
    return m is not None and m.first >= 1 and toks[m.first - 1].text == ","


VIEW_NOUNS = {"view", "opinion", "words", "eyes", "estimation", "telling", "mind", "account", "version"}


def _evidential_opening(toks: list[Token], mentions: list[Mention], left_bound: int, qpos: int) -> Mention | None:
    """The mention a sentence opens its view with, before the quotation: ``For X, …``, ``To X, …`` and
    ``In X's view (words, opinion, eyes), …``."""
    k = left_bound + 1
    while k < qpos and toks[k].lower in CONJUNCTIONS:
        k += 1
    if k + 2 >= qpos or toks[k].lower not in {"for", "to", "in"}:
        return None
    # For X, For the analyst X, For semiologist X: determiners and lower-case words of a role before the name
    m = next((m for m in mentions if k < m.first <= k + 4 and all(t.lower in DETERMINERS or t.is_word and t.text.islower()
                                                                for t in toks[k + 1:m.first])), None)
    if m is None or m.etype in {"place", "pron"} and not m.possessive:
        return None
    after = m.last + 1
    if toks[k].lower == "in":
        if not (m.possessive and after + 1 < qpos and toks[after].lower in VIEW_NOUNS and toks[after + 1].text == ","):
            return None
        return m
    return m if after < qpos and toks[after].text == "," and not m.possessive else None


def _opens_sentence(toks: list[Token], left_bound: int, k: int) -> bool:
    """Whether token ``k`` opens its sentence, after at most a conjunction (But according to …)."""
    first = left_bound + 1
    while first < k and toks[first].lower in CONJUNCTIONS:
        first += 1
    return k == first


def _new_clause(toks: list[Token], mentions: list[Mention], qpos: int, cue: int) -> bool:
    """Whether a cue after a quotation belongs to a coordinated clause with a subject of its own
    (X authorised a “…” in the east, and Ukraine confirmed …): that subject said nothing of the quotation."""
    starts = {m.first for m in mentions if m.etype != "pron"}
    return any(toks[k].text in {",", ";"} and toks[k + 1].lower in {"and", "but", "while"} and k + 2 in starts
               for k in range(qpos + 1, cue - 2))


def _inverting_quote(toks: list[Token], k: int) -> bool:
    """Whether the quotation at ``k`` can stand before an inverted verb of saying (“…,” said X; “Why?” asked
    X): one that ends on its own punctuation, opens its sentence or opens with a capital. A fragment in lower
    case inside a clause (X will “most likely” publish …) is followed by that clause's verb, whose subject is
    before it, unless that verb is a core verb of saying (the plan is “dead on arrival” said X: a comma
    left out)."""
    return k == 0 or toks[k - 1].text in SENT_END or toks[k - 1].text in {":", "—", "–", "-", ",", "(", ";"} \
        or toks[k - 1].quote >= 0 or not toks[k].text.lstrip("“‘\"'« ")[:1].islower() \
        or toks[k].text.rstrip("”’\"'» ").endswith((",", ".", "!", "?", "…", "—", ";", ":"))


def _opens(text: str, para_start: int, pos: int) -> bool:
    """Whether ``pos`` opens its paragraph: nothing before it but space and list marks (•, -, *, 📌, 1.)."""
    return not any(ch.isalpha() for ch in text[para_start:pos])


def _dateline_end(toks: list[Token]) -> int:
    """The index of the dash that ends a wire dateline opening the sentence (PARIS (Reuters) –, LAGOS, Nigeria,
    March 3 (AP) —, WASHINGTON —), or -1: a place in capitals, then at most a place, a date and an agency in
    brackets before the dash. Nothing in it is the sentence's subject."""
    if not toks or not (toks[0].text.isupper() and toks[0].text.isalpha() and len(toks[0].text) >= 3):
        return -1
    for k, t in enumerate(toks[1:13], 1):
        if t.text in DASHES:
            return k
        if t.quote >= 0 or t.lower in CLAUSE_VERBS:
            return -1
    return -1


def _light_verb_before(toks: list[Token], noun: int, light: frozenset[str]) -> int:
    """Index of the light verb whose object a speech noun heads (made a direct appeal, issued a stark
    warning), with only a determiner and modifiers between them, or -1."""
    for k in range(noun - 1, max(-1, noun - 5), -1):
        t = toks[k]
        if t.lower in light and t.lower not in PREPOSITIONS:
            return k
        if not t.is_word or t.quote >= 0 or t.is_cap and t.lower not in DETERMINERS:
            return -1
    return -1


# lower-case words ending in -ly that are no adverb
LY_WORDS = {"family", "assembly", "rally", "ally", "supply", "reply", "folly", "belly", "bully", "jelly", "holy",
            "ugly", "july", "italy", "fly", "sly", "monopoly", "anomaly", "homily", "lily", "tally", "melancholy"}


def _adverb(t: Token) -> bool:
    """A lower-case -ly adverb (immediately, sharply, publicly) between a speaker and the cue: skipped like
    the closed list ``SKIPPABLE``."""
    return len(t.text) > 4 and t.lower.endswith("ly") and t.text.islower() and t.lower not in LY_WORDS


WORD_RE = re.compile(r"[^\W\d_][\w’'-]*")


def _titled(content: str) -> bool:
    """A title (a book, a slogan in title case: “Who Runs the Port”): every word longer than three
    letters capitalised, and two capitalised words at least."""
    words = WORD_RE.findall(content)
    caps = [w for w in words if w[0].isupper()]
    return len(caps) >= 2 and all(w[0].isupper() for w in words if len(w) > 3)


def _verb_like(t: Token) -> bool:
    """A lower-case word that can be the verb of an attribution slot: no function word, no preposition."""
    return t.is_word and t.text.islower() and t.text.isalpha() and t.lower not in PREPOSITIONS \
        and t.lower not in MORE_PREPOSITIONS \
        and t.lower not in INTRO and t.lower not in DETERMINERS and t.lower not in AUX and len(t.text) > 2


def _slot_cue(toks: list[Token], mentions: list[Mention], qpos: int, right_bound: int) -> Cue | None:
    """A verb the lexicon lacks in the attribution slots ``“…,” NAME ___`` and ``“…,” ___ NAME``: the
    syntax makes it the cue (fumed, sighed, quipped), followed by the sentence end, a comma, an adverb or
    a preposition (``in an email``)."""
    k = qpos + 1
    while k < right_bound and toks[k].text in {",", "—"}:
        k += 1
    by_first = {m.first: m for m in mentions}

    def verb_like(t: Token) -> bool:  # a finite verb: "“…” grieving families" holds no inverted speaker
        return _verb_like(t) and not t.lower.endswith("ing")

    def slot_end(x: int) -> bool:
        if x < right_bound and toks[x].lower in {"out", "back", "up"}:
            x += 1  # “…,” she shot back. / the crowd cried out: the verb's particle
        return x >= right_bound or toks[x].text in SLOT_AFTER or toks[x].lower in SLOT_AFTER or toks[x].lower.endswith("ly")

    m = by_first.get(k)
    if m is None and k < right_bound and toks[k].lower in DETERMINERS:
        # “…,” the party's nominee riffed / an angry Smith retorted: a determiner and at most two
        # lower-case modifiers before the mention
        x = k + 1
        while x < min(right_bound, k + 3) and x not in by_first and toks[x].is_word and toks[x].text.islower():
            x += 1
        m = by_first.get(x)
    if m is not None and m.etype != "pron" or m is not None and m.head in NOMINATIVE:
        v = m.last + 1  # “…,” NAME fumed.
        if v < right_bound and verb_like(toks[v]) and slot_end(v + 1):
            return Cue(v, v, "verb", toks[v].text)
    if k < right_bound and verb_like(toks[k]):  # “…,” fumed NAME.
        m = by_first.get(k + 1) or (by_first.get(k + 2) if k + 2 < len(toks) and toks[k + 1].lower in DETERMINERS else None)
        if m is not None and m.etype != "pron" and slot_end(m.last + 1):
            return Cue(k, k, "verb", toks[k].text)
    return None


def _ing_opening(first: Token, ents: DocEntities, lex: Lexicons) -> bool:
    """A sentence opening with an -ing word (Speaking slowly, …): not a name that ends so (BEIJING, Beijing,
    Browning), which is shouted, a place, or capitalised elsewhere in the text."""
    return first.lower.endswith("ing") and not first.text.isupper() and not lex.places.classify(first.bare) \
        and first.bare not in ents.proper_words


def _participle_opening(toks: list[Token], ents: DocEntities) -> bool:
    """A sentence opening with a past participle and a comma (Aired on state television, …): an
    introductory phrase whose capitalised first word names nobody."""
    first = toks[0]
    return first.is_cap and first.lower.endswith("ed") and len(first.text) > 4 and first.text[1:].islower() \
        and first.bare not in ents.proper_words and ents.person_for_surname(first.bare) is None \
        and any(t.text == "," for t in toks[1:25])


def _document_author(m: Mention, toks: list[Token], mentions: list[Mention]) -> Mention | None:
    """The author a document's mention names after from/by/of (a statement from the Kazakh president)."""
    k = m.last + 1
    if k + 1 >= len(toks) or toks[k].lower not in {"from", "by", "of"}:
        return None
    k += 1
    if toks[k].lower in DETERMINERS and k + 1 < len(toks):
        k += 1
    return next((x for x in mentions if x.first in (k, k - 1) and x.etype != "pron" and x is not m), None)


def _passive(toks: list[Token], cue: Cue, cues: Container[str] = ()) -> bool:
    """A verb cue in the passive: a past participle after a form of "be" (adverbs and "not" may stand
    between: were not classified, was widely described), unless what follows makes its subject the speaker
    (was quoted as saying, is reported to have said). ``cues``: the words that are cues, for a participle
    coordinated with an earlier passive one."""
    word = toks[cue.index]
    if cue.last != cue.index or not word.text.islower() or not word.lower.endswith(PAST_ENDINGS):
        return False
    if cue.index == 0 or toks[cue.index - 1].is_cap or toks[cue.index - 1].quote >= 0:
        return False  # X said, “…” said: most cues follow a name or a quotation, never an auxiliary
    k = cue.index - 1
    while k >= 0 and (toks[k].lower in {"not", "never", "also", "being"} and k < cue.index - 1
                      or toks[k].lower in {"not", "never", "also"} or _adverb(toks[k])):
        k -= 1
    if k >= 1 and toks[k].lower in {"and", "but", "or"}:
        # were not classified as a “…” but deemed an “…”: the auxiliary of the first participle serves the
        # second, when the first is a verb of speech whose own quotation stands before the conjunction
        if not _coordinated_passive(toks, k, cues):
            return False
    elif k < 0 or toks[k].lower not in PASSIVE_AUX:
        return False
    after = [t.lower for t in toks[cue.index + 1:cue.index + 3] if t.lower != "as"]
    # was quoted (as) saying, telling, warning …; was reported to have said: the subject is the speaker
    return not (after and (after[0].endswith("ing") or after[:2] in (["to", "have"], ["to", "say"])))


def _coordinated_passive(toks: list[Token], conj: int, cues: Container[str]) -> bool:
    """Whether the conjunction at ``conj`` follows a passive verb of speech and the quotation it took, in
    the same clause (were not classified as a “…” but deemed …)."""
    quoted = False
    for j in range(conj - 1, max(0, conj - 12), -1):
        if toks[j].text in SENT_END or toks[j].text in {";", ","} and not quoted:
            return False
        if toks[j].quote >= 0:
            quoted = True
        elif quoted and toks[j].text.islower() and toks[j].lower in cues \
                and _passive(toks, Cue(j, j, "verb", toks[j].text)):
            return True
    return False


def _passive_labeller(toks: list[Token], mentions: list[Mention], qpos: int) -> Mention | None:
    """The agent of a passive verb that labels with the quotation (was branded “…” by X; has been described as
    “…” by X; was branded a “…” by X): a passive auxiliary, a past participle and at most "as" and "a" before
    the mark, "by" and a mention after it."""
    k = qpos - 1
    if k >= 0 and toks[k].lower in {"a", "an"}:  # was branded a “…” by X, described as a “…” by X
        k -= 1
    if k >= 0 and toks[k].lower == "as":
        k -= 1
    if not (k >= 1 and toks[k].is_word and toks[k].text.islower() and toks[k].lower.endswith(("ed", "en", "t"))
            and toks[k - 1].lower in PASSIVE_AUX):
        return None
    k = qpos + 2
    if k < len(toks) and toks[k].lower in DETERMINERS:
        k += 1
    return next((m for m in mentions if m.first in (qpos + 2, k) and m.etype != "pron"), None)


def _dash_byline(toks: list[Token], mentions: list[Mention], qpos: int) -> Mention | None:
    """The mention a dash right after a quotation introduces (“…” ― Ana Lopez), if any."""
    k = qpos + 1
    if k + 1 < len(toks) and toks[k].text in DASHES:
        m = next((m for m in mentions if m.first == k + 1), None)
        if m is not None and m.etype in {"person", "unknown", "org", "role"}:
            return m
    return None


def _quote_position(toks: list[Token], mark: int) -> int:
    """Index of the placeholder token of the quotation whose opening mark is at ``mark``.

    ``tokenize`` gives tokens in strictly increasing start order (quotations are disjoint and sorted,
    and plain text between them is tokenised left to right), and the placeholder starts at the mark:
    so it is the first token that does not start before the mark, found by bisection instead of a scan.
    """
    return bisect.bisect_left(toks, mark, key=operator.attrgetter("start"))


def _sentence_bounds(toks: list[Token], qpos: int) -> tuple[int, int]:
    """The nearest sentence-end tokens before and after ``qpos`` (-1 and ``len(toks)`` when there are none)."""
    left = qpos - 1
    while left >= 0 and toks[left].text not in SENT_END:
        left -= 1
    right = qpos + 1
    while right < len(toks) and toks[right].text not in SENT_END:
        right += 1
    return left, right


RELATIVE = {"who", "which", "whose", "whom", "where"}
NP_FUNCTION = PREPOSITIONS - NP_OPENERS | MORE_PREPOSITIONS | AUX | CLAUSE_VERBS | RELATIVE | INTRO | \
    {"and", "or", "not", "that", "to", "it", "he", "she", "they", "we", "i", "you", "there", "who"}
# prepositions that attach a noun phrase to the one before it (a spokesman for the ministry): their object
# is not the subject of the clause
ATTACHING = {"of", "for", "at", "from", "in", "with", "near"}


def _preposition_before(toks: list[Token], m: Mention) -> int:
    """Index of the attaching preposition whose object the mention is (… for the ministry, … of the
    Centre for Arms Studies, where the name's mention leaves out its article), or -1."""
    k = m.first - 1
    if k >= 0 and toks[k].lower in DETERMINERS:
        k -= 1
    return k if k >= 0 and (toks[k].lower in ATTACHING or toks[k].lower in {"to", "on"} and k >= 1
                            and toks[k - 1].lower in POSTMODIFIER_WORDS) else -1


SUBJECT_OF_OBJECT = {"him": "he", "her": "she", "them": "they"}  # According to him: the "he" it is
# words that may stand before a subordinator opening a sentence (Hours after …, Shortly before …, Even as …)
SUBORDINATOR_LEADS = {"hours", "minutes", "moments", "days", "weeks", "months", "years", "shortly", "soon", "just",
                      "even", "only", "long", "right"}
SUBORDINATORS = {"when", "after", "if", "while", "although", "though", "because", "since", "before", "once",
                 "until", "whereas", "as"}


def _fronted_clause(toks: list[Token], mentions: list[Mention], left_bound: int, cue: int, qpos: int) -> bool:
    """Whether the cue stands in a subordinate clause opening the sentence (When X suggested …, Y …) and
    the main clause names its own subject before the quotation: the quotation is the main clause's."""
    first = left_bound + 1
    if first >= cue or toks[first].lower not in SUBORDINATORS:
        return False
    comma = next((k for k in range(first + 1, qpos) if toks[k].text == ","), -1)  # where the clause ends
    return comma > cue and any(comma < m.first and m.last < qpos and m.etype in {"person", "org", "unknown", "role"}
                             and not m.possessive for m in mentions)


def _requested_act(toks: list[Token], last: int, qpos: int) -> bool:
    """Whether a request's object and infinitive lead to the quotation (called on him to take “…”, urged
    the parties to hold “…”, called on them to spend the time “…”): an object of at most three words, "to",
    one verb, and at most a determiner and its noun."""
    between = toks[last + 1:qpos]
    to = next((k for k, t in enumerate(between) if t.lower == "to"), -1)
    after = between[to + 1:]
    return 1 <= to <= 3 and all(t.is_word for t in between) and 1 <= len(after) <= 3 \
        and (len(after) == 1 or after[1].lower in DETERMINERS)  # to take “…”, to hold a “…”, to spend the time “…”


def _after_fronted_phrase(toks: list[Token], left_bound: int, qpos: int, cues: list[Cue]) -> int:
    """The quotation's position when all that stands before it in its sentence is a fronted adverbial phrase
    (After the call, “…”; Later that day, “…”): a preposition or time adverb, a few words with no cue and no
    quotation, and a comma right before the mark; else -1."""
    first = left_bound + 1
    if not (first < qpos - 2 and toks[qpos - 1].text == "," and qpos - first <= 8 and toks[first].lower in INTRO
            and toks[first].lower not in CONJUNCTIONS):
        return -1
    if any(t.quote >= 0 or t.text in {",", ";", ":"} for t in toks[first:qpos - 1]) \
            or any(first <= c.index < qpos for c in cues):
        return -1
    return qpos


GERUND_PREPOSITIONS = {"of", "despite", "after", "before", "about", "for", "without", "over", "by", "on"}


def _subheading_line(line: str) -> bool:
    """A short line with no quotation mark and no closing punctuation: a subheading inside a story."""
    line = line.strip()
    return bool(line) and len(line.split()) <= 10 and line[-1] not in ".!?:;,\"”’'" \
        and not any(mark in line for mark in "\"“”‘’«»")


def _unaccented(word: str) -> str:
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()


def _closed_gerund(toks: list[Token], c: Cue, qpos: int) -> bool:
    """Whether a participle cue heads a gerund phrase that a preposition governs (regardless of Torra saying
    …, despite him insisting …) and that a comma closes before the quotation: the phrase is an adjunct of
    another clause, whose words the quotation is."""
    k = c.index - 1
    if c.ctype != "participle" or k < 1 or toks[k].quote >= 0:
        return False
    if not (toks[k].is_cap or toks[k].lower in OBJECT_PRONOUNS or toks[k].possessive):
        return False
    while k >= 1 and toks[k - 1].is_cap and toks[k - 1].lower not in GERUND_PREPOSITIONS:
        k -= 1  # the whole name (of Quim Torra saying)
    return k >= 1 and toks[k - 1].lower in GERUND_PREPOSITIONS \
        and any(t.text == "," for t in toks[c.last + 1:qpos - 1])


def _appositive_person(m: Mention, toks: list[Token], mentions: list[Mention]) -> Mention | None:
    """The person named in apposition right after a subject phrase, set off by commas ("The Recorder of
    Sheffield, Judge X, is …"; "The head of the union, X, said"; “…,” said a party leader, X.), or None."""
    comma = m.last + 1
    if comma >= len(toks) or toks[comma].text != ",":
        return None
    nxt = next((x for x in mentions if x.first > comma), None)
    if nxt is None or nxt.etype != "person" or nxt.possessive:
        return None
    if any(toks[k].text not in {"."} and toks[k].lower not in {"the"} and not toks[k].text[:1].isupper()
           for k in range(comma + 1, nxt.first)):
        return None  # only a title of address may stand between the comma and the name
    closes = nxt.last + 1
    return nxt if closes >= len(toks) or toks[closes].text == "," or toks[closes].text in SENT_END else None


def _closed_relative(toks: list[Token], left_bound: int, cue: int, qpos: int) -> bool:
    """Whether the cue at ``cue`` stands in a relative clause set off by commas (", who …,") that closes
    before the quotation at ``qpos``: what the clause's verb says stays inside the clause."""
    r = next((k for k in range(cue - 1, left_bound, -1) if toks[k].lower in RELATIVE and toks[k - 1].text == ","), -1)
    return r > 0 and not any(toks[k].text == "," for k in range(r + 1, cue)) \
        and any(toks[k].text == "," for k in range(cue + 1, qpos - 1))  # (not the comma that opens a quotation)


def _object_of_preposition(toks: list[Token], m: Mention) -> bool:
    """Whether any preposition governs the mention (took to Twitter, spoke before Congress): wider than
    ``_preposition_before``, which takes only those that attach a phrase to a noun."""
    k = m.first - 1
    if k >= 0 and toks[k].lower in DETERMINERS:
        k -= 1
    return k >= 0 and (toks[k].lower in ATTACHING or toks[k].lower in PREPOSITIONS or toks[k].lower in {"to", "before", "onto"})


def _after_preposition(toks: list[Token], m: Mention) -> bool:
    return _preposition_before(toks, m) >= 0


def _phrase_head(m: Mention, toks: list[Token], by_last: dict[int, Mention], titles: frozenset[str]) -> Mention:
    """The mention that heads a subject ending in prepositional phrases: ``a spokesman for the ministry
    said`` is the spokesman's, ``Anna Berg of the Centre for Arms Control Studies wrote``
    Berg's. Only a mention right before the preposition heads it; with none there (``a majority
    of Americans say``, ``one man in Manchester``) the object is kept, as the nearest that can speak; and a
    bare title before a person's name keeps the name."""
    while (k := _preposition_before(toks, m)) >= 0:
        if k >= 1 and toks[k - 1].lower in POSTMODIFIER_WORDS and toks[k].lower in {"to", "with", "on", "of"}:
            k -= 1  # another source speaking to Fox News, an aide close to the senator: the source, the aide
        head = by_last.get(k - 1)
        if head is None or head.possessive or head.etype == "pron":
            break
        if m.etype == "person" and toks[head.first].text[:1].isupper() and toks[head.first].lower not in DETERMINERS \
                and (head.etype == "role" or all(t.lower in titles for t in toks[head.first:head.last + 1])):
            break  # a title before a name, not a phrase about it: Speaker of the House Paul Ryan
        m = head
    return m


# the first word of a second, unnamed subject joined to a named one (X and its allies; X and several papers)
CONJOINED_LEADS = {"its", "his", "her", "their", "several", "other", "many", "some", "various", "numerous"}
# verbs whose object does what a following infinitive says, beside the requests of cue_words.csv (X sent
# an envoy to tell Y; X hired a lawyer to argue)
CAUSATIVE = {"sent", "hired", "appointed", "enabled", "authorised", "authorized", "commissioned", "required",
             "employed", "deployed", "dispatched", "tasked", "mandated", "permitted", "nominated", "elected",
             "chosen", "selected", "named", "trained", "paid", "used"}
# the opening of a line a web page puts between paragraphs: a link to another story, a sign-up, an advert
BOILERPLATE_RE = re.compile(r"\s*(?:sign up|subscribe|read more|read also|also read|related|advertisement|click here|"
                            r"follow us|see also|recommended|story continues|article continues|continue reading)\b",
                            re.IGNORECASE)
# the first word of a line that names someone who is not speaking under it (a byline, a credit, a link)
NOT_HEADING_WORDS = {"by", "photo", "photos", "picture", "image", "credit", "reporting", "written", "edited", "editing",
                     "source", "read", "watch", "related", "more", "see", "listen", "video", "file"}
HEADING_FUNCTION_WORDS = {"on", "in", "at", "for", "of", "to", "with", "and", "the", "a", "an", "their", "his", "her",
                          "its", "our", "my", "your", "says", "said", "meet", "meets", "about", "from"}
# the press service or office of a body the phrase names in capitals (the Kremlin press service)
PRESS_OFFICE_RE = re.compile(r"(?:[Tt]he\s+)?([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}?)(?:’s|'s)?\s+press\s+(?:service|office)")
# "Department of " right before "Justice spokesperson": capitalised words and "of"/"for" that open a body's name
ORG_OF_BEFORE_RE = re.compile(r"((?:[A-Z][\w&’'.-]*\s+)+(?:of|for)\s+(?:the\s+)?)$")
# " for First Endeavour" after "a spokesman": the body a spokesperson speaks for
BODY_AFTER_RE = re.compile(r"\s+(?:for|of|at)\s+(?:the\s+)?([A-Z][\w&’'.-]*(?:\s+(?:(?:of|and|&|for|the)\s+)*[A-Z][\w&’'.-]*)*)")


def _normalise_np(text: str) -> str:
    """A role phrase as a speaker name: determiners and quantifiers dropped (the Kazakh authorities -> Kazakh authorities)."""
    words = text.split()
    while words and words[0].lower() in DETERMINERS:
        words = words[1:]
    return " ".join(words) or text


def fold_key(name: str) -> str:
    return fold(name)
