"""Link renderings of the same remark across outlets, and show where translations drift.

The unit is the remark, not the quotation: each quotation is cut into sentences (and long sentences
into ``, and`` / ``;`` clauses), each keeping its offsets. Renderings are compared only within one
speaker, and only when they share a rare word or synonym key (blocking through an inverted index with a
cap on posting size: the cost grows with the number of candidate pairs, not with n²).

Similarity is the mean of two cosines over TF-IDF vectors: words (Porter stems, plus WordNet synonym
and hypernym keys when WordNet is installed) and character 3-5-grams. Clustering follows MemeTracker
(Leskovec et al. 2009) in attaching each rendering to a single cluster, longest renderings first, and
adds a guard against chaining: a rendering joins a cluster only if it is similar to the cluster's
*root* itself, or is a fragment contained in one member (a partial quotation of that rendering).
"""

from __future__ import annotations

import bisect
import difflib
import hashlib
import heapq
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import partial
from typing import TypeVar

import numpy as np
from nltk.stem.porter import PorterStemmer
from scipy import sparse
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer, TfidfVectorizer
from sklearn.preprocessing import normalize

from quoteframe.align import WordAligner, spelling
from quoteframe.errors import QuoteframeError
from quoteframe.lexicon import read_rows, shipped_dir
from quoteframe.records import Quote
from quoteframe.segment import Segmenter
from quoteframe.wordnet import WordNet
from quoteframe.workerpool import ignore_sigint, sigint_held, stop_now

VARIANT_COLUMNS = ["variant_id", "doc_id", "outlet", "quote_id", "speaker", "start", "end", "text", "similarity", "drift",
                   "speaker_source", "family"]
SUMMARY_COLUMNS = ["variant_id", "speaker", "outlets", "renderings", "representative", "min_similarity", "drift_terms",
                   "families", "family_outlets", "ambiguous"]
DRIFT_COLUMNS = ["variant_id", "outlet_a", "outlet_b", "a_words", "b_words", "op", "difference", "family_a", "family_b",
                 "outlets_a", "outlets_b", "doc_a", "quote_a", "doc_b", "quote_b", "text_a", "text_b"]
WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
CLAUSE_RE = re.compile(r"(?:;\s+|,\s+(?=(?:and|but|so|while|whereas)\s)|\s*(?:\.\.\.|…)\s+)")
# a comma splice: two main clauses, each opened by its subject pronoun ("We will keep the passes open, we
# will not close the markets"), which another translator prints as two sentences; a lead-in phrase before the
# comma ("In this spirit, we have decided") opens with no subject and is not cut
SPLICE_RE = re.compile(r",\s+(?=(?:I|we|you|they|he|she)\s)")
# words in square brackets inside a quotation are the editor's ("the road to [the eastern] harbour"), not the
# speaker's: they are left out of the words that are compared
EDITOR_RE = re.compile(r"\[[^\]]*\]")
SUBJECT_RE = re.compile(r"(?:I|we|you|they|he|she)\s", re.IGNORECASE)
COVER_WHOLE = 0.75  # share of a rendering's words a fragment must be to count as the whole of it
ANY_BLOCK = "\x00any"  # holders of a stem across every anchored speaker (for fragments with no speaker)

T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True)
class LinkParams:
    """Thresholds of linking (tuned on MultiMWA-MTRef train, checked on its dev split)."""

    threshold: float = 0.40  # root similarity for a full rendering to join a cluster
    containment: float = 0.75  # share of a fragment's weighted words found in a longer rendering
    containment_long: float = 0.6  # the same for a fragment of five words or more (room for drift)
    min_words: int = 2  # renderings shorter than this are not linked
    member_floor: float = 0.75  # share of the threshold a full rendering needs to every full member
    fragment: float = 0.6  # a rendering shorter than this share of the root is a fragment (partial)
    top_keys: int = 4  # rare features per rendering used for blocking
    distinct_postings: bool = True  # a blocking key pairing the same renderings as a rarer one is skipped
    max_posting: int = 40  # a longer posting is paired as a sorted neighbourhood of this width
    member_check: int = 5  # full members (the root, then the longest) a new full rendering must be near
    near_duplicate: float = 0.8
    merge: bool = True  # merge two clusters of one remark by average linkage after attaching
    min_shared: int = 2  # words (stem or WordNet synonym) a full rendering shares with the root
    min_common: int = 2  # of them content words that are no proper names (what is said, not who or where)
    best_match: bool = True  # a rendering closer to one not yet clustered founds its own remark
    best_margin: float = 0.05  # this close to the root, a rendering is close to its members too
    # a rendering whose speaker is missing, or is no person the corpus quotes elsewhere, may join a remark
    # of another speaker by its words alone, with stricter checks than within a speaker
    adopt_threshold: float = 0.5  # mean similarity to the remark's first full members
    adopt_shared: int = 2  # words (stem or WordNet synonym) shared with the remark's root
    adopt_containment: float = 0.85  # a fragment's weighted words found, in order, in one member
    adopt_min_words: int = 3  # a fragment needs this many words matched to be adopted (or a sentence quoted in part)
    adopt_min_hits: int = 2  # content words of a fragment of ``adopt_min_words`` or more found, in order, to be adopted
    fragment_words: int = 2  # content words a partial quotation needs matched to join by containment
    merge_comparable: bool = True  # merge split remarks by their renderings of comparable length too
    part_containment: bool = True  # a whole sentence much shorter than a remark's root may join it by containment
    part_containment_share: float = 0.9  # the same for a whole sentence quoted in part
    part_words: int = 3
    adopt_single: bool = True  # a whole sentence fitting one remark only under the usual checks joins it
    adopt_root_words: int = 5  # a partial quotation shorter than this is no remark a weak rendering may join
    # a full rendering left alone, of a speaker's block, may join a remark of that block whose root its
    # content words align with under the trained word aligner, when TF-IDF similarity is below threshold
    align_pass: bool = True
    align_low: float = 0.25  # the similarity a candidate pair needs to be tried at all
    align_share: float = 0.6  # share of both renderings' content words aligned
    align_clause: float = 0.9  # share of a much shorter root's (a clause's) own content words aligned
    align_tries: int = 3  # candidate remarks tried per lone rendering, most similar first
    # a whole sentence of a few words is compared by its content words too (IDF-weighted, both ways, the
    # same polarity): translators choose its function words freely
    short_words: int = 8
    short_share: float = 0.8
    align_min_size: int = 1  # renderings a remark needs to receive a lone one (1: two lone translations meet)
    align_family: bool = True  # a remark of one translation reprinted by several outlets moves as a lone one
    align_part: float = 0.75  # share of a part's content words aligned within one stretch of the whole sentence
    align_window: float = 0.6  # share of the whole's content words aligned within that stretch
    continuation: bool = True  # a lone whole sentence that continues a remark's short rendering joins it
    # a rendering that joins two sentences of the speech into one ("we form four regions because it is the
    # people's will") is cut in two, for linking, where its remark holds other outlets' whole sentences
    # rendering each side alone and fewer rendering both (``_split_spanning``)
    split_spanning: bool = True
    split_words: int = 4  # words each side of the cut needs (two of them content words)
    split_lean: float = 0.8  # share of a sentence's matched content weight on one side of the cut
    split_longer: float = 1.5  # times the lower-quartile length of the remark's whole sentences a rendering to cut needs
    split_pool: int = 100  # shorter sentences (the most similar) read as evidence for one rendering
    split_tries: int = 20  # renderings of one remark looked at for a cut, longest first


@dataclass
class Rendering:
    """One sentence or clause of a quotation, with its offsets in its document."""

    doc_id: str
    outlet: str
    quote_id: str
    speaker: str
    start: int
    end: int
    text: str
    words: list[str] = field(default_factory=list)
    stems: list[str] = field(default_factory=list)
    cluster: int = -1
    similarity: float = 1.0
    partial: bool = False  # from a partial quotation: a fragment of some fuller rendering
    block: str = ""  # the speaker key renderings are compared within (one person's names share one)
    weak: bool = False  # no speaker, or one the corpus quotes nowhere else: may join a remark by its words
    speaker_source: str = "text"  # text: the quotes table gave the speaker; remark: taken from its remark
    family: str = ""  # the translation family within its remark (renderings that share their wording)
    scare: bool = False  # from a quotation the quotes table took for a scare quote: linked only by adoption
    short: bool = False  # a fragment of one or two words (or one content word): linked only when unambiguous
    sentence: int = 0  # which sentence of its quotation it is (clauses of one sentence share the number)
    piece: bool = False  # a clause of a longer sentence of its quotation (cut at ", and", ";", an ellipsis)
    cut: bool = False  # a side of a rendering that joined two sentences of the speech (``_split_spanning``)


@dataclass
class VariantGroup:
    """A remark: its renderings, root and most central rendering, and the drift between them."""

    variant_id: str
    speaker: str
    members: list[Rendering]
    central: Rendering
    min_similarity: float
    drift: list[tuple[Rendering, str, str, str]]  # (rendering, central words, rendering words, op)
    ambiguous: int = 0  # one- or two-word fragments this remark holds, and another remark of the speaker too
    families: list[Family] = field(default_factory=list)  # the central rendering's family first
    family_drift: list[FamilyDrift] = field(default_factory=list)


@dataclass
class Family:
    """Renderings of one remark that share their wording: one translation, however many outlets print it."""

    family_id: str
    members: list[Rendering]
    representative: Rendering  # the wording most of its members print

    @property
    def outlets(self) -> list[str]:
        return sorted({m.outlet for m in self.members})


@dataclass
class FamilyDrift:
    """One difference between a family and the central rendering's family, read off two renderings."""

    a: Rendering  # of the central family
    b: Rendering
    family_a: Family
    family_b: Family
    a_words: str
    b_words: str
    op: str  # substitute | insert | delete | move
    content: bool  # a content word differs (not only function words or punctuation)


_BRITISH = [(re.compile(r"(?<=[a-z]{2})is(e|es|ed|ing|ation|ations|er|ers|able)$"), r"iz\1"),  # organise
            (re.compile(r"(?<=[a-z]{2})ys(e|es|ed|ing)$"), r"yz\1"),  # analyse
            (re.compile(r"(?<=[a-z]{2})our(s|ed|ing|able|ite|ites)?$"), r"or\1"),  # labour, favourite
            (re.compile(r"(?<=[a-z])ence$"), "ense"),  # defence, offence (and licence, pretence)
            (re.compile(r"(?<=[a-z]{2})tre(s)?$"), r"ter\1")]  # centre, theatre


def american(word: str) -> str:
    """A word's American spelling where British and American spelling differ by a regular ending (organise,
    analyse, labour, defence, centre). Applied alike to every word, so a word with such an ending in both
    spellings (promise, pour) gets the same form everywhere and still meets itself."""
    for pattern, repl in _BRITISH:
        if pattern.search(word):
            return pattern.sub(repl, word)
    return word


class Normaliser:
    """Words, stems and synonym keys, cached: the same word is normalised once per run."""

    def __init__(self, wordnet: WordNet) -> None:
        self.stemmer = PorterStemmer()
        self.wordnet = wordnet
        self._stem: dict[str, str] = {}
        # one object per distinct word, synonym key tuple and key set: a million renderings repeat a few
        # hundred thousand words, and holding each occurrence as its own string or set cost gigabytes
        self._word: dict[str, str] = {}
        self._syn: dict[str, tuple[str, ...]] = {}
        self._keys: dict[tuple[str, str], frozenset[str]] = {}

    def word(self, w: str) -> str:
        """The one string object of this word."""
        return self._word.setdefault(w, w)

    def synonyms(self, w: str) -> tuple[str, ...]:
        """WordNet synonym and hypernym keys of ``w``, each marked with ``~``."""
        syn = self._syn.get(w)
        if syn is None:
            syn = self._syn[w] = tuple("~" + k for k in self.wordnet.keys(w))
        return syn

    def word_keys(self, w: str, st: str) -> frozenset[str]:
        """The word's stem, with WordNet synonym keys for a content word (shared, never to be changed)."""
        keys = self._keys.get((w, st))
        if keys is None:
            found = {st}
            if self.wordnet.available and len(w) > 2 and w not in ENGLISH_STOP_WORDS:
                found.update(self.synonyms(w))
            keys = self._keys[(w, st)] = frozenset(found)
        return keys

    def stem(self, word: str) -> str:
        """Porter's stem of the word in American spelling (see ``american``): outlets of both spellings
        render one translation (demilitarisation, demilitarization), and Porter stems them apart. A final
        double consonant is made single: Porter undoubles it after a suffix it removes (staffing -> staf,
        stuffed -> stuf) but keeps it in the bare word (staff, stuff), so the noun and the verb met in no
        stem."""
        s = self._stem.get(word)
        if s is None:
            s = self.stemmer.stem(american(word).replace("-", ""))
            if len(s) > 3 and s[-1] == s[-2] and s[-1] not in "aeiouy":
                s = s[:-1]
            s = self._stem[word] = s
        return s

    def block_keys(self, r: Rendering, feats: list[str]) -> list[str]:
        """Blocking keys: the features plus stem bigrams, so that function-word-heavy remarks
        ("and this will be done shortly") still meet their other renderings."""
        return feats + [self.word(f"{a}_{b}") for a, b in zip(r.stems, r.stems[1:])]

    def key_words(self, r: Rendering) -> dict[str, str]:
        """The word each synonym key comes from: blocking takes a rendering's rarest keys one per word, so
        that one rare word with several WordNet senses ("great": three keys) does not fill every slot."""
        out: dict[str, str] = {}
        if self.wordnet.available:
            for w in r.words:
                if w not in ENGLISH_STOP_WORDS and len(w) > 2:
                    for k in self.synonyms(w):  # the shared key strings, not new ones per rendering
                        out.setdefault(k, w)
        return out

    def features(self, r: Rendering) -> list[str]:
        feats = [s for w, s in zip(r.words, r.stems) if w not in ENGLISH_STOP_WORDS]
        if self.wordnet.available:
            for w in r.words:
                if w not in ENGLISH_STOP_WORDS and len(w) > 2:
                    feats.extend(self.synonyms(w))
        return feats


HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "madam", "mme", "m"})


def speaker_keys(quotes: Sequence[Quote]) -> tuple[dict[str, str], set[str]]:
    """The block key of each speaker name, and the keys that anchor a remark.

    News names one person several ways in one corpus (Xi Jinping, Mr Xi, Xi): names of people (not
    organisations) that end in the same surname share one key unless two different full names end in it
    (Bill and Hillary Clinton; a name the aliases did not merge is not merged here). A key anchors remarks
    when it is quoted in two documents or more and is not only names the quotes table could not type
    (a capitalised word such as a weekday or a demonym taken for a speaker); every other rendering is
    *weak*: it may join a remark of another speaker by its words alone."""
    docs: dict[str, set[str]] = defaultdict(set)
    types: dict[str, set[str]] = defaultdict(set)
    for q in quotes:
        if q.kind != "scare" and q.speaker:
            docs[q.speaker].add(q.doc_id)
            types[q.speaker].add(q.speaker_type)

    def parts(name: str) -> list[str]:
        words = re.findall(r"[^\W_]+", re.sub(r"['’]s$", "", name).lower())  # digits count: "Unit 7" is not "Unit 8"
        while len(words) > 1 and words[0].rstrip(".") in HONORIFICS:
            words = words[1:]
        return words

    by_surname: dict[str, list[str]] = defaultdict(list)
    key: dict[str, str] = {}
    people: list[str] = []
    for name in sorted(docs):
        words = parts(name)
        if words and types[name] <= {"person", "unknown", ""}:
            by_surname[words[-1]].append(name)
            people.append(name)
        else:
            key[name] = name
    established = sorted({" ".join(parts(n)) for n in people if len(parts(n)) > 1 and len(docs[n]) >= 2})
    for surname, names in by_surname.items():
        full = {" ".join(parts(n)) for n in names if len(parts(n)) > 1}  # two full names: two people
        for n in names:
            key[n] = "~" + surname if len(full) <= 1 else n
    # a name whose last word no established full name ends with (Xi, Mr Xi) may be the family name
    # written first (Xi Jinping): its names join the one established full name that begins with it
    for surname, names in by_surname.items():
        if any(f.split()[-1] == surname for f in established):
            continue
        starts = [f for f in established if f.split()[0] == surname]
        if len(starts) == 1:
            for n in names:
                key[n] = "~" + starts[0].split()[-1]
    key_docs: dict[str, set[str]] = defaultdict(set)
    key_types: dict[str, set[str]] = defaultdict(set)
    for name, k in key.items():
        key_docs[k].update(docs[name])
        key_types[k].update(types[name])
    # a speaker written only in lower case ("office", "ministry") is a common noun the quotes table took for
    # one, not a name: it says who spoke no better than no speaker at all
    named = {k for name, k in key.items() if name != name.lower()}
    anchored = {k for k in key_docs if len(key_docs[k]) >= 2 and key_types[k] != {"unknown"} and k in named}
    return key, anchored


def segment_quotes(quotes: Iterable[Quote], seg: Segmenter, norm: Normaliser, params: LinkParams,
                   keys: dict[str, str] | None = None, anchored: set[str] | None = None) -> list[Rendering]:
    """Cut attributed quotations into sentence/clause renderings with absolute offsets."""
    out: list[Rendering] = []
    for q in quotes:
        if q.kind == "scare" and len(WORD_RE.findall(q.text)) < params.adopt_min_words:
            continue  # the outlet's own scare quotes; a longer one may be a speaker's words it lost
        doc = q.text
        for sentence, (s, e) in enumerate(seg.sentences(doc, 0, len(doc))):
            pieces = _clauses(doc, s, e)
            for ps, pe in pieces:
                text = doc[ps:pe]
                lead = len(text) - len(text.lstrip())
                text = text.strip()
                words = [norm.word(w) for w in spell_out(w.lower().replace("’", "'") for w in WORD_RE.findall(spoken(text)))]
                short = q.kind == "partial" and (len(words) <= 2 or sum(w not in ENGLISH_STOP_WORDS for w in words) < 2)
                if len(words) < params.min_words and not short:
                    continue
                r = Rendering(q.doc_id, q.outlet, q.quote_id, q.speaker, q.start + ps + lead, q.start + ps + lead + len(text), text)
                r.words = words
                r.stems = [norm.stem(w) for w in words]
                r.partial = q.kind == "partial"
                r.short = short
                r.sentence = sentence
                r.piece = len(pieces) > 1
                r.block = keys.get(q.speaker, q.speaker) if keys is not None else q.speaker
                r.weak = anchored is not None and r.block not in anchored
                if q.kind == "scare":  # joins a remark by its words, or nothing
                    r.block, r.weak, r.scare = "", True, True
                out.append(r)
    return out


def spoken(text: str) -> str:
    """The text without the editor's bracketed insertions."""
    return EDITOR_RE.sub(" ", text) if "[" in text else text


def _clauses(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Split a long sentence at ``, and``-type and ``;`` boundaries when both sides have four words."""
    cuts = [m.end() for m in CLAUSE_RE.finditer(text, s, e)]
    lead = len(text[s:e]) - len(text[s:e].lstrip())
    if SUBJECT_RE.match(text, s + lead):
        cuts = sorted(cuts + [m.end() for m in SPLICE_RE.finditer(text, s, e)])
    pieces: list[tuple[int, int]] = []
    start = s
    for c in cuts:
        if len(text[start:c].split()) >= 4 and len(text[c:e].split()) >= 4:
            pieces.append((start, c))
            start = c
    pieces.append((start, e))
    return pieces


def _weights(rs: Sequence[Rendering], norm: Normaliser, extra: Sequence[Rendering] = (), chunk: int = 50_000
             ) -> tuple[sparse.csr_matrix, sparse.csr_matrix, list[list[str]]]:
    """Word TF-IDF (for centrality) and the similarity matrix: word and character TF-IDF side by side,
    each scaled by 1/sqrt(2), so that one dot product of two rows is the mean of the two cosines.
    ``extra`` renderings (short fragments, linked apart) count in the document frequencies only."""
    feats = [norm.features(r) for r in rs]
    stems = [r.stems for r in rs]
    word_vec = TfidfVectorizer(analyzer=lambda x: x, sublinear_tf=True, norm="l2")
    if any(stems):
        word_vec.fit(stems + [r.stems for r in extra])
        W = word_vec.transform(stems)
    else:
        W = sparse.csr_matrix((len(rs), 1))
    # character 3-5-grams: the numbers of TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5),
    # sublinear_tf=True) fitted on the spoken text of rs + extra, computed a chunk of renderings at a time: the vectorizer
    # holds every n-gram occurrence of the corpus as Python objects at once (gigabytes at a million)
    count = CountVectorizer(analyzer="char_wb", ngram_range=(3, 5), lowercase=True, dtype=np.float64)
    analyse = count.build_analyzer()
    df: dict[str, int] = defaultdict(int)
    for r in rs:
        for gram in set(analyse(spoken(r.text))):
            df[gram] += 1
    for r in extra:
        for gram in set(analyse(spoken(r.text))):
            df[gram] += 1
    grams = sorted(df)  # the vectorizer's vocabulary: every n-gram, in sorted order
    # its smoothed idf: log((1 + n) / (1 + df)) + 1, in its order of operations
    idf = np.full(len(grams), fill_value=len(rs) + len(extra) + 1, dtype=np.float64)
    idf /= np.array([df[g] for g in grams], dtype=np.float64) + 1.0
    np.log(idf, out=idf)
    idf += 1.0
    del df
    count.set_params(vocabulary={g: i for i, g in enumerate(grams)})
    del grams
    blocks = []
    for lo in range(0, len(rs), chunk):
        C = count.transform([spoken(r.text) for r in rs[lo:lo + chunk]])
        np.log(C.data, C.data)  # sublinear tf, idf, then rows of unit length, as TfidfTransformer does
        C.data += 1.0
        C.data *= idf[C.indices]
        normalize(C, norm="l2", copy=False)
        blocks.append(sparse.hstack([W[lo:lo + chunk], C], format="csr"))
    M = sparse.vstack(blocks, format="csr") if len(blocks) > 1 else blocks[0]
    del blocks
    M.data *= np.sqrt(0.5)
    return sparse.csr_matrix(W), sparse.csr_matrix(M), feats


def rarest(shared: list[tuple[int, str]], n: int, word_of: dict[str, str] | None,
           postings: Mapping[str, Sequence[int]] | None = None) -> list[str]:
    """The ``n`` keys of the shortest postings, at most one per word of the rendering (``word_of`` maps a
    synonym key to its word; a stem or a stem pair is its own).

    With ``postings`` (key -> the renderings indexed under it), a key whose posting is the very posting of a
    rarer key already taken is skipped: it would pair no rendering that key does not. One wire's translation
    reprinted by several outlets shares many words and word pairs with its reprints only, each as rare as
    the next; without this they fill every slot, and the rendering never meets another translation of its
    sentence."""
    if not word_of and postings is None:
        return [k for _, k in heapq.nsmallest(n, shared)]
    word_of = word_of or {}
    out: list[str] = []
    used: set[str] = set()
    seen: dict[tuple[int, int, int], list[Sequence[int]]] = {}  # postings taken, by length and ends
    for _, k in sorted(shared):
        w = word_of.get(k, k)
        if w not in used:
            if postings is not None:
                ids = postings[k]
                like = seen.setdefault((len(ids), ids[0], ids[-1]), [])
                if any(ids == other for other in like):  # pairs no rendering a rarer key taken does not
                    continue
                like.append(ids)
            used.add(w)
            out.append(k)
            if len(out) == n:
                break
    return out


def candidate_pairs(rs: Sequence[Rendering], feats: list[list[str]], params: LinkParams,
                    word_of: Sequence[dict[str, str]] | None = None) -> np.ndarray:
    """Pairs (i, j), i < j, of one speaker's renderings that share one of their rarest features.

    Every rendering is indexed under its features; only keys that are among some rendering's
    ``top_keys`` rarest are used. A key with more than ``max_posting`` renderings is handled as a sorted
    neighbourhood (each rendering paired with the next ``max_posting`` ones), so the number of pairs is
    at most n * top_keys * max_posting: linear in n for fixed parameters.
    """
    by_speaker: dict[str, dict[str, list[int]]] = {}
    # each rendering's distinct features are made again where needed, not held for all renderings at once
    for i, (r, fs) in enumerate(zip(rs, map(set, feats))):
        post = by_speaker.setdefault(r.block, {})
        for k in fs:
            if k in post:
                post[k].append(i)
            else:
                post[k] = [i]
    query: set[tuple[str, str]] = set()
    for i, (r, fs) in enumerate(zip(rs, map(set, feats))):
        post = by_speaker[r.block]
        shared = [(len(post[k]), k) for k in fs if len(post[k]) > 1]
        query.update((r.block, k) for k in rarest(shared, params.top_keys, word_of[i] if word_of else None,
                                                      post if params.distinct_postings else None))
    # postings list renderings in index order already
    groups = [by_speaker[sp][k] for sp, k in sorted(query)]
    del by_speaker, query
    n_all = len(rs)
    if not groups:
        return np.zeros((0, 2), dtype=_index_dtype(n_all))
    # all postings end to end; the pairs within a posting at distance d are one vectorised step per d
    ids = np.fromiter((i for g in groups for i in g), dtype=np.int64)
    lengths = np.array([len(g) for g in groups], dtype=np.int64)
    del groups
    starts = np.repeat(np.cumsum(lengths) - lengths, lengths)
    left = np.repeat(lengths, lengths) - (np.arange(len(ids)) - starts) - 1  # entries after this one
    del starts, lengths
    # the codes i * n + j of every distance go into one array, sized first and filled in place: at a million
    # renderings it is the largest of linking (a list of arrays and their concatenation held it twice)
    at_least = np.bincount(left)[::-1].cumsum()[::-1]  # entries with at least d entries after them
    widths = at_least[1:params.max_posting + 1]
    flat = np.empty(int(widths.sum()), dtype=np.int64)
    pos = 0
    for d in range(1, len(widths) + 1):
        at = np.flatnonzero(left >= d)
        code = flat[pos:pos + len(at)]
        np.multiply(ids[at], n_all, out=code)
        code += ids[at + d]
        pos += len(at)
    del ids, left
    flat.sort()  # in place
    keep = np.empty(len(flat), dtype=bool)
    keep[0] = True
    np.not_equal(flat[1:], flat[:-1], out=keep[1:])
    uniq = flat[keep]
    del flat, keep
    out = np.empty((len(uniq), 2), dtype=_index_dtype(n_all))
    np.floor_divide(uniq, n_all, out=out[:, 0])
    np.remainder(uniq, n_all, out=out[:, 1])
    return out


def _index_dtype(n: int) -> type[np.signedinteger]:
    """int32 for indices below 2**31 (what scipy's sparse matrices choose too): half the memory of int64."""
    return np.int32 if n < 2**31 else np.int64


def cross_pairs(rs: Sequence[Rendering], feats: list[list[str]], params: LinkParams,
                word_of: Sequence[dict[str, str]] | None = None) -> np.ndarray:
    """Pairs (weak, anchored) of renderings of different speakers that share one of the weak one's
    rarest features among the anchored renderings: the only pairs across speakers ever compared.
    Each key gives at most ``max_posting`` anchored partners, so the pairs are at most
    weak renderings * top_keys * max_posting."""
    post: dict[str, list[int]] = {}
    for i, (r, fs) in enumerate(zip(rs, feats)):
        if not r.weak:
            for k in set(fs):
                post.setdefault(k, []).append(i)
    out: set[tuple[int, int]] = set()
    for i, (r, fs) in enumerate(zip(rs, feats)):
        if not r.weak:
            continue
        shared = [(len(post[k]), k) for k in set(fs) if k in post]
        for k in rarest(shared, params.top_keys, word_of[i] if word_of else None,
                        post if params.distinct_postings else None):
            out.update((i, j) for j in post[k][: params.max_posting])
    if not out:
        return np.zeros((0, 2), dtype=np.int64)
    return np.array(sorted(out), dtype=np.int64)


class RowDots:
    """Dot products of rows of a CSR matrix with one query row, held dense in a scratch vector.

    Linking asks for the similarity of each new rendering to a few members of each nearby cluster;
    scattering the query once and gathering each member's entries is a few microseconds a pair."""

    def __init__(self, M: sparse.csr_matrix) -> None:
        M.sum_duplicates()
        self.M = M
        self.buf = np.zeros(M.shape[1])
        self.query = -1
        self.ptr: list[int] = M.indptr.tolist()  # Python ints: a row's bounds without numpy scalars

    def __call__(self, k: int, m: int) -> float:
        ptr, ind, buf = self.ptr, self.M.indices, self.buf
        if k != self.query:
            if self.query >= 0:
                buf[ind[ptr[self.query]:ptr[self.query + 1]]] = 0.0
            lo, hi = ptr[k], ptr[k + 1]
            buf[ind[lo:hi]] = self.M.data[lo:hi]
            self.query = k
        lo, hi = ptr[m], ptr[m + 1]
        return float(buf.take(ind[lo:hi]) @ self.M.data[lo:hi])


def _chunk_similarity(M: sparse.csr_matrix, pairs: np.ndarray) -> np.ndarray:
    return np.asarray(M[pairs[:, 0]].multiply(M[pairs[:, 1]]).sum(axis=1)).ravel()


def _similarity_in_worker(pairs: np.ndarray) -> np.ndarray:
    M = _WORKER["M"]
    assert isinstance(M, sparse.csr_matrix)
    return _chunk_similarity(M, pairs)


def pair_similarity(M: sparse.csr_matrix, pairs: np.ndarray, chunk: int = 50_000, jobs: int = 1) -> np.ndarray:
    """Mean of word and character cosines for each pair (a row dot product of ``M``), in bounded chunks
    (in forked processes with ``jobs > 1``; the chunks and so the sums are the same either way), written
    into one array as they come (not a list of chunks and then their concatenation: two copies at once)."""
    out = np.zeros(len(pairs))
    chunks = [pairs[s:s + chunk] for s in range(0, len(pairs), chunk)]
    if jobs <= 1 or len(chunks) < 2:
        parts: Iterable[np.ndarray] = (_chunk_similarity(M, c) for c in chunks)
    else:
        parts = _forked_iter(_similarity_in_worker, chunks, jobs, {"M": M})
    for s, part in zip(range(0, len(pairs), chunk), parts):
        out[s:s + len(part)] = part
    return out


def _symmetric(pairs: np.ndarray, sims: np.ndarray, n: int, chunk: int = 1 << 20) -> sparse.csr_matrix:
    """The n x n CSR matrix of ``sims`` at (i, j) and (j, i) for each pair (i, j), i < j, of ``pairs`` (unique,
    sorted): the matrix ``coo_matrix((sims, sims), (rows, cols)).tocsr()`` gives, every row's columns in
    order, built in place. The coordinate form held three concatenated copies of every index and value
    beside the result: at a million quotations the largest moment of the whole run.

    Row k holds the pairs (i, k) first (i < k, in the order of i, which is their order in ``pairs``) and then
    the pairs (k, j) (in the order of j, likewise)."""
    nnz = 2 * len(pairs)
    idx = _index_dtype(max(nnz, n))
    above = np.bincount(pairs[:, 0], minlength=n)  # entries right of the diagonal, per row
    below = np.bincount(pairs[:, 1], minlength=n)
    indptr = np.zeros(n + 1, dtype=idx)
    np.cumsum(above + below, out=indptr[1:])
    below_end = np.cumsum(below)  # entries below the diagonal in rows 0..k
    above_start = np.cumsum(above) - above  # pairs (i, j) with i < k
    del above, below
    indices = np.empty(nnz, dtype=idx)
    data = np.empty(nnz, dtype=sims.dtype)
    for lo in range(0, len(pairs), chunk):  # pair p = (i, j) in row i: after the row's entries below the diagonal
        part = pairs[lo:lo + chunk]
        dest = below_end[part[:, 0]] + np.arange(lo, lo + len(part))
        indices[dest] = part[:, 1]
        data[dest] = sims[lo:lo + chunk]
    # and in row j: the t-th pair in order of j (stable, so in order of i within a row) goes to
    # indptr[j] + its rank in the row = above_start[j] + t
    order = np.argsort(pairs[:, 1], kind="stable")
    for lo in range(0, len(order), chunk):
        ps = order[lo:lo + chunk]
        dest = above_start[pairs[ps, 1]] + np.arange(lo, lo + len(ps))
        indices[dest] = pairs[ps, 0]
        data[dest] = sims[ps]
    return sparse.csr_matrix((data, indices, indptr), shape=(n, n))


def _strong_pairs(S: sparse.csr_matrix, mine: np.ndarray, threshold: float, chunk: int = 1 << 16
                  ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The candidate pairs (i, j), i < j, with i in ``mine`` and similarity at least ``threshold``, read from
    the entries of ``S`` right of its diagonal: (i, j, similarity), in the order of the pairs (i, then j)."""
    rows_of, cols_of, sims_of = [], [], []
    for lo in range(0, S.shape[0], chunk):
        hi = min(lo + chunk, S.shape[0])
        s, e = S.indptr[lo], S.indptr[hi]
        rows = np.repeat(np.arange(lo, hi, dtype=S.indices.dtype), np.diff(S.indptr[lo:hi + 1]))
        cols, vals = S.indices[s:e], S.data[s:e]
        keep = (cols > rows) & (vals >= threshold) & mine[rows]
        rows_of.append(rows[keep])
        cols_of.append(cols[keep])
        sims_of.append(vals[keep])
    if not rows_of:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0)
    return np.concatenate(rows_of), np.concatenate(cols_of), np.concatenate(sims_of)


def containment(short: Rendering, long: Rendering, idf: dict[str, float],
                keys: tuple[Mapping[str, AbstractSet[str]], Mapping[str, AbstractSet[str]]] | None = None) -> float:
    """IDF-weighted share of the shorter rendering's content stems found, in order, in the longer one.

    Order matters: a partial quotation is a fragment of the sentence it comes from, so its words are a
    subsequence of that sentence's (longest common subsequence, weighted by IDF, gaps allowed). With
    ``keys`` (each rendering's word -> stem and WordNet synonym keys) a synonym matches too.
    """
    return contained(short, long, idf, keys)[0]


def contained(short: Rendering, long: Rendering, idf: dict[str, float],
              keys: tuple[Mapping[str, AbstractSet[str]], Mapping[str, AbstractSet[str]]] | None = None
              ) -> tuple[float, int]:
    """``containment`` and the number of the shorter rendering's content words matched."""
    pairs = [(w, s) for w, s in zip(short.words, short.stems) if w not in ENGLISH_STOP_WORDS] or \
        list(zip(short.words, short.stems))
    total = sum(idf.get(st, 1.0) for _, st in pairs)
    if not total:
        return 0.0, 0
    b = long.stems
    b_keys = [keys[1].get(w, {st}) for w, st in zip(long.words, b)] if keys else None
    prev = [(0.0, 0)] * (len(b) + 1)
    for w, x in pairs:
        wx = idf.get(x, 1.0)
        kx = keys[0].get(w) if keys else None
        if kx is not None and b_keys is not None:
            hits = [x == y or not kx.isdisjoint(ky) for y, ky in zip(b, b_keys)]
        else:
            hits = [x == y for y in b]
        # cur[j] is (weight, words) of the best in-order match of the words so far within b[:j]; a miss
        # takes the larger of the cell above and the one to the left (the one above when they are equal)
        cur = [(0.0, 0)]
        left = cur[0]
        for j, hit in enumerate(hits):
            if hit:
                p = prev[j]
                left = (p[0] + wx, p[1] + 1)
            else:
                up = prev[j + 1]
                if not left > up:
                    left = up
            cur.append(left)
        prev = cur
    return prev[-1][0] / total, prev[-1][1]


_NEGATION: frozenset[str] | None = None


def negation_words() -> frozenset[str]:
    """The words of ``lexicons/negation.csv`` (not, no, never, ...), read once."""
    global _NEGATION
    if _NEGATION is None:
        _NEGATION = frozenset(row["word"].lower() for _, row in read_rows(shipped_dir() / "negation.csv", ["word"]))
    return _NEGATION


_CONTRACTIONS: dict[str, tuple[str, ...]] | None = None


def contractions() -> dict[str, tuple[str, ...]]:
    """``lexicons/contractions.csv``: each contraction (we're, don't) and the words it stands for, read once."""
    global _CONTRACTIONS
    if _CONTRACTIONS is None:
        rows = read_rows(shipped_dir() / "contractions.csv", ["contraction", "expansion"])
        _CONTRACTIONS = {row["contraction"].lower(): tuple(row["expansion"].lower().split()) for _, row in rows}
    return _CONTRACTIONS


def spell_out(words: Iterable[str]) -> list[str]:
    """The words with every contraction written out (we're -> we are, can't -> cannot): translators and
    outlets contract freely ("We're at war" / "We are at war"), and the contraction is no difference in
    what was said, so linking and drift compare the full forms."""
    table = contractions()
    out: list[str] = []
    for w in words:
        full = table.get(w)
        if full is None:
            out.append(w)
        else:
            out.extend(full)
    return out


def negated(words: Sequence[str]) -> bool:
    """Whether a rendering has a negation (a word of ``negation_words``, or a contraction in n't)."""
    neg = negation_words()
    return any(w in neg or w.endswith("n't") or w == "nt" for w in words)


def function_word(w: str) -> bool:
    """A stop word, a negation, or a contraction of a stop word (it's, we're, don't): no content word."""
    if w in ENGLISH_STOP_WORDS or w in negation_words():
        return True
    head, _, tail = w.partition("'")
    return bool(tail) and (head in ENGLISH_STOP_WORDS or w.endswith("n't"))


ShortProfile = tuple[bool, tuple[tuple[str, float, frozenset[str]], ...], frozenset[str], frozenset[str], float]


def short_profile(r: Rendering, keys: Mapping[str, AbstractSet[str]], idf: Mapping[str, float]) -> ShortProfile:
    """What ``short_similarity`` reads of one rendering, computed once: its polarity, each content word with
    its IDF weight and keys (its stem and WordNet keys), its proper names, and the union and total weight
    of its content words' keys."""
    names = proper_names(r)
    words = tuple((w, idf.get(st, 1.0), frozenset(keys.get(w, ())) | {st})
                  for w, st in zip(r.words, r.stems) if not function_word(w) and w not in names)
    return negated(r.words), words, names, frozenset().union(*(k for _, _, k in words)), sum(x for _, x, _ in words)


def short_score(a: ShortProfile, b: ShortProfile) -> float:
    """``short_similarity`` of two profiles. A word either writes as a name inside the sentence is a name in
    both ("Brenna is ready" / "we all trust Brenna": a name opening a sentence looks like any word), and
    names are who and where, not what is said: they do not count."""
    if a[0] != b[0] or not a[1] or not b[1]:
        return 0.0
    if any(w in b[2] for w, _, _ in a[1]) or any(w in a[2] for w, _, _ in b[1]):
        wa = [(x, k) for w, x, k in a[1] if w not in b[2]]
        wb = [(x, k) for w, x, k in b[1] if w not in a[2]]
        if not wa or not wb:
            return 0.0
        union_a, union_b = frozenset().union(*(k for _, k in wa)), frozenset().union(*(k for _, k in wb))
        total = sum(x for x, _ in wa) + sum(x for x, _ in wb)
    else:  # no name in the way: the union and weight of each side are those computed once
        union_b, union_a = b[3], a[3]
        return (sum(x for _, x, k in a[1] if not k.isdisjoint(union_b))
                + sum(x for _, x, k in b[1] if not k.isdisjoint(union_a))) / (a[4] + b[4])
    found = sum(x for x, k in wa if not k.isdisjoint(union_b)) + sum(x for x, k in wb if not k.isdisjoint(union_a))
    return found / total


def short_similarity(a: Rendering, b: Rendering, keys_a: Mapping[str, AbstractSet[str]],
                     keys_b: Mapping[str, AbstractSet[str]], idf: Mapping[str, float]) -> float:
    """Similarity of two short renderings by their content words alone.

    A sentence of a few words ("this is no joke" / "it's not a joke" / "we are not joking") is mostly
    function words, and translators choose those freely, so the TF-IDF cosines of two renderings of it stay
    low though they say the same thing with the same one or two content words. Here each content word
    (stem or WordNet key) found in the other rendering counts with its IDF weight, both ways (an
    IDF-weighted Dice); two renderings of opposite polarity (one negated, one not) score 0."""
    return short_score(short_profile(a, keys_a, idf), short_profile(b, keys_b, idf))


def proper_names(r: Rendering) -> frozenset[str]:
    """Words of the rendering written with a capital letter inside it (not as its first word) and never
    in lower case: names of people and places ("Varna", "NATO"); lower-cased like ``words``."""
    found = WORD_RE.findall(spoken(r.text))
    lower = {w for w in found if not w[:1].isupper()}
    return frozenset(w.lower().replace("’", "'") for i, w in enumerate(found)
                     if i > 0 and w[:1].isupper() and w.lower() not in lower and w != "I")


def _brief(r: Rendering, params: LinkParams) -> bool:
    """A whole sentence of a few words, which ``short_similarity`` compares by its content words."""
    return not r.partial and not r.short and not r.scare and len(r.words) <= params.short_words


def _word_keys(r: Rendering, norm: Normaliser) -> dict[str, frozenset[str]]:
    """Each distinct word's stem, with WordNet synonym keys for content words: for counting shared words."""
    out: dict[str, frozenset[str]] = {}
    for w, st in zip(r.words, r.stems):
        if w not in out:
            out[w] = norm.word_keys(w, st)
    return out


@dataclass
class Linked:
    """Clusters of renderings, with the weights they were linked by (kept for centrality and similarity)."""

    clusters: list[list[int]]  # indices into the renderings, two or more each
    W: sparse.csr_matrix  # word TF-IDF of the distinct renderings
    M: sparse.csr_matrix  # word and character TF-IDF side by side: row dot products are similarities
    row: list[int]  # rendering index -> its row in W and M (wire copies share one)
    everything: list[list[int]] = field(default_factory=list)  # every cluster, single renderings included
    # renderings cut in two (``_split_spanning``): the sides, numbered after the renderings linked, in place
    # of the whole, which is in no cluster
    added: list[Rendering] = field(default_factory=list)


def link(rs: list[Rendering], norm: Normaliser, params: LinkParams | None = None) -> list[list[int]]:
    """Cluster renderings into remarks; return clusters (indices into ``rs``) of two or more."""
    return link_weighted(rs, norm, params).clusters


def link_weighted(rs: list[Rendering], norm: Normaliser, params: LinkParams | None = None, jobs: int = 1,
                  min_parallel: int = 5000, fit_extra: Sequence[Rendering] = ()) -> Linked:
    """Cluster renderings into remarks, keeping the weights.

    Exact duplicates (same speaker, same stems: wire copies) are folded first; the rest are linked
    through candidate pairs held in a sparse matrix, so memory grows with the number of pairs.
    """
    params = params or LinkParams()
    if len(rs) < 2:
        empty = sparse.csr_matrix((len(rs), 1))
        return Linked([], empty, empty, list(range(len(rs))), [[i] for i in range(len(rs))])
    rep_of: dict[tuple[str, str], int] = {}
    dup_of: list[int] = []
    uniq: list[int] = []
    for i, r in enumerate(rs):
        key = (r.block, " ".join(r.stems))
        if key not in rep_of:
            rep_of[key] = len(uniq)
            uniq.append(i)
        dup_of.append(rep_of[key])
    us = [rs[i] for i in uniq]
    W, M, feats = _weights(us, norm, fit_extra)
    word_of = [norm.key_words(r) for r in us]
    pairs = candidate_pairs(us, [norm.block_keys(r, f) for r, f in zip(us, feats)], params, word_of)
    sims = pair_similarity(M, pairs, jobs=jobs)
    n = len(us)
    df: dict[str, int] = defaultdict(int)
    for r in us:
        for st in set(r.stems):
            df[st] += 1
    idf = {st: float(np.log((1 + n) / (1 + d)) + 1) for st, d in df.items()}
    content = [_word_keys(r, norm) for r in us]
    brief = np.array([_brief(r, params) for r in us], dtype=bool)
    profiles: dict[int, ShortProfile] = {}
    if brief.any() and len(pairs):
        # two short renderings of one sentence: their content words, not their function words, decide
        for p in np.flatnonzero(brief[pairs[:, 0]] & brief[pairs[:, 1]] & (sims < params.threshold)).tolist():
            a, b = int(pairs[p, 0]), int(pairs[p, 1])
            pa = profiles.get(a) or profiles.setdefault(a, short_profile(us[a], content[a], idf))
            pb = profiles.get(b) or profiles.setdefault(b, short_profile(us[b], content[b], idf))
            v = short_score(pa, pb)
            if v >= params.short_share and v > sims[p]:
                sims[p] = v
    S = _symmetric(pairs, sims, n)
    del pairs, sims  # S holds them: clustering reads the pairs above its diagonal
    state = _LinkState(us, S, M, content, idf, params, brief, profiles)
    cross = cross_pairs(us, feats, params, word_of)
    cross_sims = pair_similarity(M, cross, jobs=jobs)
    C = sparse.coo_matrix((cross_sims, (cross[:, 0], cross[:, 1])), shape=(n, n)).tocsr()
    del feats, word_of, cross, cross_sims  # what blocking read, no longer needed while clustering
    order = sorted(range(n), key=lambda k: (-len(us[k].words), us[k].doc_id, us[k].start))
    weak_order = [k for k in order if us[k].weak]
    order = [k for k in order if not us[k].weak]
    by_speaker: dict[str, list[int]] = defaultdict(list)
    for k in order:
        by_speaker[us[k].block].append(k)
    rank_of = {k: pos for pos, k in enumerate(order + weak_order)}
    if jobs > 1 and n >= min_parallel and len(by_speaker) > 1:
        # speakers never share a remark, so whole speakers are clustered in separate processes
        bins: list[list[int]] = [[] for _ in range(jobs)]
        for _, ks in sorted(by_speaker.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            min(bins, key=len).extend(ks)
        parts = _forked_map(_cluster_in_worker, [sorted(b, key=rank_of.__getitem__) for b in bins if b], jobs,
                            {"link": state})
    else:
        parts = [_cluster(state, order)]
    found: list[tuple[int, list[int]]] = []
    for clusters_part, similarity in parts:
        found.extend(clusters_part)
        for k, v in similarity.items():
            us[k].similarity = v
    found.sort(key=lambda rc: rank_of[rc[0]])
    found, similarity, adopted = _adopt(state, C, found, weak_order)
    if params.align_pass:
        found, aligned = _align_pass(state, found, norm)
        similarity.update(aligned)
    if params.continuation:
        found, continued = _continuation_pass(state, found)
        similarity.update(continued)
    for k, v in similarity.items():
        us[k].similarity = v
    cut_sides: list[tuple[int, int, int]] = []
    if params.split_spanning:
        # a wording some outlet prints as a whole sentence is one, though its first copy is a partial quotation
        whole_copy = {u for i, u in enumerate(dup_of) if not (rs[i].partial or rs[i].short or rs[i].scare)}
        found, cut_sides, W, M = _split_spanning(state, found, W, whole_copy)
    copies: dict[int, list[int]] = defaultdict(list)
    for i, u in enumerate(dup_of):
        copies[u].append(i)
        if i != uniq[u]:
            rs[i].similarity = rs[uniq[u]].similarity
        if u in adopted:
            rs[i].speaker_source = "remark"
    added: list[Rendering] = []  # the sides of renderings cut in two, every copy's
    row = list(dup_of)
    for idx, (u, cut, side) in enumerate(cut_sides):
        for c in copies[u]:
            piece = us[n + idx] if c == uniq[u] else _part(rs[c], cut, side)
            if piece is None:  # a copy whose words cannot be cut alike (an editor's brackets): kept whole, on one side
                if side == 1:
                    continue
                copies[n + idx].append(c)
                continue
            piece.similarity, piece.speaker_source = rs[c].similarity, rs[c].speaker_source
            copies[n + idx].append(len(rs) + len(added))
            added.append(piece)
            row.append(n + idx)
    out = [sorted(i for u in ms for i in copies[u]) for _, ms in found]
    return Linked([c for c in out if len(c) >= 2], W, M, row, out, added)


def content_aligned(a: Rendering, b: Rendering, aligner: WordAligner, sure: float = 0.0, of_a: bool = False) -> float:
    """Share of the two renderings' content words (not scikit-learn stop words) the word aligner links.

    Two translations of one sentence can share too few words for TF-IDF ("disarm" / "lay down their
    arms", "impede" / "hinder") while nearly every content word still has a counterpart the aligner,
    fitted on MTRef train sure links, finds by spelling, synonymy and position; ``sure`` is the log-odds
    a link needs to count."""
    ca = [i for i, w in enumerate(a.words) if w not in ENGLISH_STOP_WORDS]
    cb = [j for j, w in enumerate(b.words) if w not in ENGLISH_STOP_WORDS]
    if len(ca) < 2 or len(cb) < 2:
        return 0.0
    if (len(ca) < 3 or len(cb) < 3) and not {a.stems[i] for i in ca} & {b.stems[j] for j in cb}:
        return 0.0  # with two content words, 60% is one or two chance links unless one word is the same
    # only links the model is sure of (probability above one half): links it keeps only because they lie on
    # the diagonal ("airport" for "January" in two sentences that share a subject and verb) are no evidence
    links = [pair for pair, logit in aligner.scores(a, b).items() if logit >= sure]
    la = {i for i, _ in links}
    lb = {j for _, j in links}
    content_a, content_b = set(ca), set(cb)
    if not any(i in content_a and j in content_b and a.stems[i] != b.stems[j] for i, j in links):
        # every content word linked is one TF-IDF already counted (the same stem): the aligner saw no
        # counterpart the similarity could not, and the similarity said no (a set phrase of the speaker's,
        # "restore constitutional order", in two different sentences)
        return 0.0
    if of_a:  # ``a`` is a fragment of the sentence ``b`` renders: its words must be found there, not b's in it
        return sum(1 for i in ca if i in la) / len(ca)
    return (sum(1 for i in ca if i in la) + sum(1 for j in cb if j in lb)) / (len(ca) + len(cb))


def part_aligned(short: Rendering, long: Rendering, aligner: WordAligner, sure: float = 0.0) -> tuple[float, float, int]:
    """How well ``short`` renders one contiguous part of the sentence ``long`` renders whole.

    An outlet that quotes a sentence with a clause left out, or cuts it into two quotations, prints a
    contiguous part of it, in its own translation: nearly every content word of the part has a counterpart
    in one stretch of the whole, and that stretch is mostly the part's (the clause left out lies outside
    it). Returns the share of ``short``'s content words the aligner links, the share of ``long``'s content
    words linked within the stretch the links span, and how many of ``short``'s content words are linked.
    As in ``content_aligned``, links that are all the same stems are no new evidence (0, 0, 0)."""
    ca = [i for i, w in enumerate(short.words) if w not in ENGLISH_STOP_WORDS]
    cb = {j for j, w in enumerate(long.words) if w not in ENGLISH_STOP_WORDS}
    if len(ca) < 2 or len(cb) < 2:
        return 0.0, 0.0, 0
    content_a = set(ca)
    ka, kb = aligner.keys(short, long)
    links = [(i, j) for (i, j), logit in aligner.scores(short, long, (ka, kb)).items()
             if logit >= sure and i in content_a and j in cb]
    if not links or all(short.stems[i] == long.stems[j] for i, j in links):
        return 0.0, 0.0, 0
    # the aligner also links words by their place alone ("economy" / "region" between two sentences built
    # alike): at least half of the part's links, and two, must be lexical ties (same stem, WordNet synonym,
    # or a spelling variant)
    ties = sum(1 for i, j in links if ka[i] == kb[j] or spelling(short.words[i], long.words[j]) > 0)
    if ties < 2 or 2 * ties < len(links):
        return 0.0, 0.0, 0
    la = {i for i, _ in links}
    lb = sorted({j for _, j in links})
    window = [j for j in cb if lb[0] <= j <= lb[-1]]
    return len(la) / len(ca), len(lb) / len(window), len(la)


def _align_pass(state: _LinkState, found: list[tuple[int, list[int]]], norm: Normaliser
                ) -> tuple[list[tuple[int, list[int]]], dict[int, float]]:
    """A second, stricter pass over remarks whose root is a full rendering of a speaker's block: each may join
    the remark (of two renderings or more) of one of its root's candidate pairs, most similar first, when
    that similarity is at least ``align_low`` and the aligner links enough content words; of the remarks
    tried, the one aligned best is joined. Of two roots of comparable length, ``align_share`` of both roots'
    content words must be linked (of the target's only, when it is a partial quotation shorter than the
    root: a fragment of the sentence the root renders whole); a root much shorter than the target's is a
    clause of that sentence, and ``align_clause`` of its own content words must be linked. A remark whose
    only full rendering is its root (a lone rendering, with parts and partial quotations of it) moves: one
    translation, perhaps reprinted by several outlets, that met another translation of the sentence too far
    from it in words ("to that end we shall seek to disarm the militias" / "for this purpose we aim at the
    militias' disarmament"). A remark that is joined does not move itself, and one that moves receives
    nothing, so nothing chains. Only candidate pairs already held are tried, a few per remark, so the cost
    stays linear."""
    us, S, params = state.us, state.S, state.params
    cluster_of: dict[int, int] = {}
    for cid, (_, ms) in enumerate(found):
        for m in ms:
            cluster_of[m] = cid
    sizes = [len(ms) for _, ms in found]
    said: list[dict[tuple[str, str], set[int]]] = []  # per remark: the sentences of each quotation it holds
    for _, ms in found:
        said.append({})
        for m in ms:
            _say(said[-1], us[m])
    aligner: WordAligner | None = None
    moved: dict[int, int] = {}  # cluster -> the cluster it joins
    receivers: set[int] = set()
    similarity: dict[int, float] = {}
    for cid, (k, ms) in enumerate(found):
        r = us[k]
        if cid in receivers or r.weak or r.partial or r.short or len(r.words) < 4:
            continue
        if any(m != k and len(us[m].words) >= params.fragment * len(r.words)
               and not (params.align_family and _one_wording(r.words, us[m].words, params.near_duplicate))
               for m in ms):
            # a remark of two translations or more stays: only a lone one moves, with its parts and the
            # outlets that reprint its wording (one wire's translation, lightly edited, is one rendering)
            continue
        lo, hi = S.indptr[k], S.indptr[k + 1]
        cands = sorted(((-v, m) for m, v in zip(S.indices[lo:hi].tolist(), S.data[lo:hi].tolist())
                        if v >= params.align_low and cluster_of.get(m, cid) != cid and sizes[cluster_of[m]] >= params.align_min_size
                        and cluster_of[m] not in moved))
        tried: set[int] = set()
        best: tuple[float, float, int] | None = None  # the remark whose root aligns best, not the first that passes
        for negv, m in cands:
            target = cluster_of[m]
            if target in tried:
                continue
            if len(tried) >= params.align_tries:
                break
            tried.add(target)
            if _clash(said[cid], said[target]):
                continue  # another sentence of one of its quotations is there: another remark
            root = us[found[target][0]]
            clause = len(r.words) < params.fragment * len(root.words)
            if len(r.words) > len(root.words) / params.fragment:
                continue
            aligner = aligner or WordAligner(partial(_keys, norm=norm))
            # a remark known so far only from partial quotations: a full rendering of the sentence holds their
            # words (by the aligner, "lay down their arms" in "disarm"), and has more of its own
            if clause:  # a clause of the remark's sentence: its own words must be found in the root
                share = content_aligned(r, root, aligner, of_a=True)
                share = share if share >= params.align_clause else 0.0
            else:
                share = content_aligned(root, r, aligner, of_a=root.partial and len(root.words) < len(r.words))
            if share < params.align_share and params.align_part and not root.partial:
                # one rendering prints a contiguous part of the sentence the other renders whole (a clause
                # left out, or the sentence cut into two quotations): the part's own words must be found in
                # one stretch of the whole, and that stretch be mostly the part's
                short, long = (r, root) if len(r.words) <= len(root.words) else (root, r)
                own, covered, hits = part_aligned(short, long, aligner)
                if own >= params.align_part and covered >= params.align_window and hits >= params.part_words:
                    share = params.align_share
            if share >= params.align_share and (best is None or share > best[0]):
                best = (share, -negv, target)
        if best is not None:
            moved[cid] = best[2]
            receivers.add(best[2])
            for m in ms:
                similarity[m] = best[1] if m == k else us[m].similarity
    return _apply_moves(found, moved), similarity


def _apply_moves(found: list[tuple[int, list[int]]], moved: dict[int, int]) -> list[tuple[int, list[int]]]:
    """``found`` with each moved remark's members appended to its target's, and emptied remarks dropped."""
    if not moved:
        return found
    out = [(root, list(ms)) for root, ms in found]
    for cid, target in moved.items():
        out[target][1].extend(out[cid][1])
        out[cid] = (out[cid][0], [])
    return [(root, ms) for root, ms in out if ms]


def _continuation_pass(state: _LinkState, found: list[tuple[int, list[int]]]
                       ) -> tuple[list[tuple[int, list[int]]], dict[int, float]]:
    """A lone translation that continues a short sentence of a remark joins that remark.

    Outlets translating one short sentence stop at different places: most print "we will hold the line",
    one prints "we will hold the line on the river" with the complement the others leave out. Its similarity
    to the short renderings is low (the complement weighs as much as the sentence) and it founds a remark of
    its own. Here a remark whose only wording is its root (one translation, perhaps reprinted), a whole
    sentence of its speaker, joins the one remark of the same speaker with a short whole rendering
    (``short_words`` words at most, ``part_words`` or more, with a content word) that is a contiguous run of
    the root's words, function words too, and at least half of them: the root is that sentence continued.
    When runs of the same length lead to two remarks, it joins neither; a remark that receives does not
    move, one that moves receives nothing, and another sentence of one of its quotations keeps it out."""
    us, params = state.us, state.params
    said: list[dict[tuple[str, str], set[int]]] = []
    runs: dict[tuple[str, tuple[str, ...]], set[int]] = defaultdict(set)  # a short whole rendering's words -> remarks
    for cid, (_, ms) in enumerate(found):
        said.append({})
        for m in ms:
            r = us[m]
            _say(said[-1], r)
            if _brief(r, params) and not r.weak and len(r.words) >= params.part_words \
                    and not all(function_word(w) for w in r.words):
                runs[(r.block, tuple(r.stems))].add(cid)
    moved: dict[int, int] = {}
    receivers: set[int] = set()
    similarity: dict[int, float] = {}
    for cid, (k, ms) in enumerate(found):
        r = us[k]
        n = len(r.stems)
        if cid in receivers or r.weak or r.partial or r.short or r.scare or n > 2 * params.short_words:
            continue
        if any(m != k and not us[m].partial and len(us[m].words) >= params.fragment * n
               and not _one_wording(r.words, us[m].words, params.near_duplicate) for m in ms):
            continue  # two translations or more: an established remark stays
        targets: set[int] = set()
        for length in range(n - 1, max(params.part_words, (n + 1) // 2) - 1, -1):
            for start in range(n - length + 1):
                targets.update(t for t in runs.get((r.block, tuple(r.stems[start:start + length])), ())
                               if t != cid and t not in moved)
            if targets:
                break
        if len(targets) == 1:
            target = targets.pop()
            if not _clash(said[cid], said[target]):
                moved[cid] = target
                receivers.add(target)
                similarity[k] = length / n
    return _apply_moves(found, moved), similarity


_LINKS: frozenset[str] | None = None
# a semicolon, colon, dash (a hyphen with spaces round it) or ellipsis between two words; a comma only before
# a subject pronoun (a comma splice), since a comma also closes an appositive or a lead-in phrase
CUT_GAP_RE = re.compile(r"[;:–—…]|\.\.\.|\s-\s")
_CHAR_GRAMS: Callable[[str], list[str]] | None = None


def clause_links() -> frozenset[str]:
    """The words of ``lexicons/clause_links.csv`` (and, but, because, ...), read once."""
    global _LINKS
    if _LINKS is None:
        _LINKS = frozenset(row["word"].lower() for _, row in read_rows(shipped_dir() / "clause_links.csv", ["word"]))
    return _LINKS


def cut_points(r: Rendering, params: LinkParams) -> list[int]:
    """Word indices where the rendering may be cut in two clauses: before a word of ``clause_links``, after a
    semicolon, colon, dash or ellipsis, or after a comma before a subject pronoun (a comma splice), with a
    space before the next word and not inside a list of names; each side keeps
    ``split_words`` words, two of them content words. A cut is only a place to look: ``_split_spanning``
    decides from the other renderings of the remark whether the speech had two sentences there."""
    text = r.text
    if "[" in text or len(r.words) < 2 * params.split_words:
        return []
    found = list(WORD_RE.finditer(text))
    if len(found) != len(r.words):
        return []
    links = clause_links()
    content = [0] * (len(r.words) + 1)  # content words before each index
    for k, w in enumerate(r.words):
        content[k + 1] = content[k] + (not function_word(w))
    out = []
    names = proper_names(r)
    for i in range(params.split_words, len(found) - params.split_words + 1):
        gap = text[found[i - 1].end():found[i].start()]
        if not gap[-1:].isspace() or not (r.words[i] in links or CUT_GAP_RE.search(gap)
                                          or "," in gap and SUBJECT_RE.match(text, found[i].start())):
            continue
        if r.words[i - 1] in names and (r.words[i] in names or r.words[i] in links and r.words[i + 1] in names):
            continue  # a list of names ("Varna, Ostrel and Kamensk"), not two clauses
        if content[i] >= 2 and content[-1] - content[i] >= 2:
            out.append(i)
    return out


def _part(r: Rendering, i: int, side: int) -> Rendering | None:
    """The words of ``r`` before (side 0) or from (side 1) word ``i``, as a rendering with its own offsets."""
    found = list(WORD_RE.finditer(r.text))
    if "[" in r.text or len(found) != len(r.words) or not 0 < i < len(found):
        return None
    cut = found[i].start()
    text, start = (r.text[:cut].rstrip(), r.start) if side == 0 else (r.text[cut:], r.start + cut)
    lo, hi = (0, i) if side == 0 else (i, len(r.words))
    p = Rendering(r.doc_id, r.outlet, r.quote_id, r.speaker, start, start + len(text), text,
                  r.words[lo:hi], r.stems[lo:hi])
    p.similarity, p.block, p.weak, p.speaker_source, p.scare = r.similarity, r.block, r.weak, r.speaker_source, r.scare
    p.piece = p.cut = True
    return p


def _char_grams(text: str) -> list[str]:
    """The character 3-5-grams ``_weights`` counts (scikit-learn's ``char_wb`` analyser, lower-cased)."""
    global _CHAR_GRAMS
    if _CHAR_GRAMS is None:
        _CHAR_GRAMS = CountVectorizer(analyzer="char_wb", ngram_range=(3, 5), lowercase=True).build_analyzer()
    return _CHAR_GRAMS(spoken(text))


def _part_row(M: sparse.csr_matrix, nw: int, k: int, r: Rendering, part: Rendering) -> sparse.csr_matrix | None:
    """The row of ``M`` that ``_weights`` would give ``part``, a clause of rendering ``r`` (row ``k``), read off
    ``r``'s own row: both vocabularies are in sorted order, so ``r``'s distinct stems and character n-grams,
    sorted, are its row's columns in order; each value is (1 + log tf) x idf over the row's norm, so the
    part's value of a feature is the whole's scaled by the ratio of the two sublinear term frequencies,
    and the norm drops out when the part's two halves are made unit length again. None when a feature of
    the part is not the whole's (an n-gram across the cut)."""
    lo, hi = M.indptr[k], M.indptr[k + 1]
    order = np.argsort(M.indices[lo:hi], kind="stable")
    cols, vals = M.indices[lo:hi][order], M.data[lo:hi][order]
    word = cols < nw
    out_cols: list[np.ndarray] = []
    out_vals: list[np.ndarray] = []
    for feats_all, feats_part, c, v in ((r.stems, part.stems, cols[word], vals[word]),
                                        (_char_grams(r.text), _char_grams(part.text), cols[~word], vals[~word])):
        tf_all: dict[str, int] = defaultdict(int)
        for f in feats_all:
            tf_all[f] += 1
        tf_part: dict[str, int] = defaultdict(int)
        for f in feats_part:
            tf_part[f] += 1
        names = sorted(tf_all)
        if len(names) != len(c) or not tf_part.keys() <= tf_all.keys():
            return None
        where = {f: n for n, f in enumerate(names)}
        pos = np.array([where[f] for f in sorted(tf_part)], dtype=np.int64)
        scale = np.array([(1 + np.log(tf_part[f])) / (1 + np.log(tf_all[f])) for f in sorted(tf_part)])
        x = v[pos] * scale
        norm = float(np.sqrt(x @ x))
        if not norm:
            return None
        out_cols.append(c[pos])
        out_vals.append(x / norm * np.sqrt(0.5))
    data = np.concatenate(out_vals)
    ind = np.concatenate(out_cols).astype(M.indices.dtype)
    return sparse.csr_matrix((data, ind, np.array([0, len(ind)])), shape=(1, M.shape[1]))


def _leaning(m: Rendering, keys_m: Mapping[str, frozenset[str]], x_keys: frozenset[str], cuts: list[int],
             idf: Mapping[str, float], lean: float,
             words: list[tuple[int, float, bool, frozenset[str]]] | None = None) -> dict[int, int]:
    """For each cut of ``m`` that rendering ``x`` (its keys ``x_keys``) falls on one side of: 0 (before the
    cut) or 1 (after). ``x`` falls on one side when ``lean`` of the IDF weight of ``m``'s content words it
    holds (stem or WordNet key) lie on that side, two words or more, one of them no proper name (who and
    where a sentence is about: a speaker names the same places in many sentences). ``words``: ``m``'s
    content words as ``_lean_words`` gives them, computed once."""
    if words is None:
        words = _lean_words(m, keys_m, idf)
    hit = [(j, wt, name) for j, wt, name, keys in words if not keys.isdisjoint(x_keys)]
    if len(hit) < 2:
        return {}
    total = sum(wt for _, wt, _ in hit)
    out: dict[int, int] = {}
    for i in cuts:
        for side, on in ((0, [h for h in hit if h[0] < i]), (1, [h for h in hit if h[0] >= i])):
            if len(on) >= 2 and not all(name for _, _, name in on) and sum(wt for _, wt, _ in on) >= lean * total:
                out[i] = side
    return out


def _lean_words(m: Rendering, keys_m: Mapping[str, frozenset[str]], idf: Mapping[str, float]
                ) -> list[tuple[int, float, bool, frozenset[str]]]:
    """``m``'s content words for ``_leaning``: place, IDF weight, whether a proper name, keys."""
    names = proper_names(m)
    return [(j, idf.get(st, 1.0), w in names, keys_m.get(w, frozenset({st})))
            for j, (w, st) in enumerate(zip(m.words, m.stems)) if not function_word(w)]


def _cut_evidence(us: list[Rendering], M: sparse.csr_matrix, content: list[dict[str, frozenset[str]]],
                  idf: Mapping[str, float], params: LinkParams, m: int, i: int, vecs: list[sparse.csr_matrix],
                  V: sparse.csr_matrix, keys: list[frozenset[str]]) -> tuple[int, int]:
    """Whether each side of another rendering cut in the remark (its rows ``V`` and keys ``keys``) renders
    only what lies before cut ``i`` of rendering ``m`` (rows ``vecs``), or only what lies after it: the tests
    of whole sentences (closer to that side of ``m`` than to the whole, and on that side of the cut by its
    content words). Returns how many sides fall before and how many after."""
    counts = [0, 0]
    near = [(V @ h.T).toarray().ravel() for h in vecs]
    whole = (V @ M[m].T).toarray().ravel()
    for side in (0, 1):
        lean = 0 if near[0][side] > whole[side] and near[0][side] >= near[1][side] else \
            1 if near[1][side] > whole[side] and near[1][side] > near[0][side] else None
        if lean is not None and _leaning(us[m], content[m], keys[side], [i], idf, params.split_lean).get(i) == lean:
            counts[lean] += 1
    return counts[0], counts[1]


def _split_spanning(state: _LinkState, found: list[tuple[int, list[int]]], W: sparse.csr_matrix,
                    whole_copy: AbstractSet[int]) -> tuple[list[tuple[int, list[int]]], list[tuple[int, int, int]], sparse.csr_matrix,
                               sparse.csr_matrix]:
    """Cut in two, for linking, a rendering that joins two sentences of the speech, and split its remark.

    A translator sometimes renders two sentences as one ("we form four new regions because it is the will
    of millions"), and an outlet sometimes quotes two sentences as one span; such a rendering is similar to
    the renderings of both sentences, and as a remark's root it draws both into one remark. The other
    renderings tell: where the remark holds whole sentences (not partial quotations, not clauses of a longer
    sentence) that render only what lies before a possible cut (``cut_points``), and others only what lies
    after it, each closer to that side alone than to the whole, and these outnumber the whole sentences of
    about the rendering's length that are closer to the whole, the speech had two sentences there. The
    rendering is then replaced by its two sides, and the remark is split in two: the sentences found on each
    side, each side of the cut rendering, and every other member with the side whose renderings it is on
    average more similar to (another joined rendering cut likewise, its sides going apart, or kept whole).
    A sentence that other translators render as one keeps every rendering of it together.

    Returns the clusters (new renderings numbered after ``state.us``, to which they are appended), each new
    rendering's (rendering, cut, side), and the word and similarity matrices with their rows appended."""
    us, M, S, params, content, idf = state.us, state.M, state.S, state.params, state.content, state.idf
    nw = W.shape[1]
    n0 = len(us)
    floor = params.threshold * params.member_floor
    parts: list[tuple[int, int, int]] = []
    rows: list[sparse.csr_matrix] = []
    out: list[tuple[int, list[int]]] = []
    made: dict[int, list[int]] = {}  # clusters made by splitting one, and what renders their side alone
    union: dict[int, frozenset[str]] = {}

    def keys_of(x: int) -> frozenset[str]:
        if x not in union:
            union[x] = frozenset().union(*content[x].values()) if content[x] else frozenset()
        return union[x]

    def row_of(x: int) -> sparse.csr_matrix:
        return M[x] if x < n0 else rows[x - n0]

    for root, ms in found:
        whole = [x for x in ms if x in whole_copy and not us[x].piece]
        if len(whole) < 3:
            out.append((root, ms))
            continue
        tried: list[tuple[int, int, list[int], list[int], list[int], list[sparse.csr_matrix]]] = []
        inside = set(ms)
        # two sentences are longer than one: only a rendering well above the length of the remark's shorter
        # whole sentences (its lower quartile: joined renderings may be half of a small remark) is looked at
        lengths = sorted(len(us[x].words) for x in whole)
        typical = lengths[len(lengths) // 4]
        longer = sorted((x for x in whole if len(us[x].words) >= params.split_longer * typical),
                        key=lambda x: (-len(us[x].words), x))
        for m in longer[: params.split_tries]:  # a remark of thousands of renderings: the longest
            r = us[m]
            cuts = cut_points(r, params)
            if not cuts:
                continue
            # whole sentences of the remark, and those of other remarks the rendering was paired with (a side
            # of it may have drawn a sentence away from its remark)
            outside = [x for x in S.indices[S.indptr[m]:S.indptr[m + 1]].tolist()
                       if x not in inside and x in whole_copy and not us[x].piece]
            others = [x for x in whole if x != m] + sorted(outside)
            X = M[others]
            s_w = (X @ M[m].T).toarray().ravel()
            shorter = [k for k, x in enumerate(others) if len(us[x].words) < len(r.words)]
            if len(shorter) > params.split_pool:  # a remark of thousands of renderings: the most similar
                shorter = sorted(shorter, key=lambda k: (-s_w[k], others[k]))[: params.split_pool]
            pool = {others[k] for k in shorter}
            lean_words = _lean_words(r, content[m], idf)
            at = {x: k for k, x in enumerate(others)}
            for i in cuts:
                halves = [_part(r, i, 0), _part(r, i, 1)]
                found_rows = [_part_row(M, nw, m, r, h) for h in halves if h is not None]
                vecs = [v for v in found_rows if v is not None]
                if len(vecs) != 2:
                    continue
                s1 = (X @ vecs[0].T).toarray().ravel()
                s2 = (X @ vecs[1].T).toarray().ravel()
                # closer to one side than to the whole (a sentence of another remark: linked to the side as a
                # rendering joins a remark), then on that side of the cut by its content words
                a = [others[k] for k in np.flatnonzero((s1 > s_w) & (s1 >= s2)).tolist()
                     if others[k] in pool and (others[k] in inside or s1[k] >= floor)
                     and _leaning(r, content[m], keys_of(others[k]), [i], idf, params.split_lean, lean_words).get(i) == 0]
                b = [others[k] for k in np.flatnonzero((s2 > s_w) & (s2 > s1)).tolist()
                     if others[k] in pool and (others[k] in inside or s2[k] >= floor)
                     and _leaning(r, content[m], keys_of(others[k]), [i], idf, params.split_lean, lean_words).get(i) == 1]
                if not a and not b:
                    continue
                both = [x for x in others if x in inside and x not in a and x not in b
                        and s_w[at[x]] >= max(s1[at[x]], s2[at[x]]) and len(us[x].words) >= params.fragment * len(r.words)]
                tried.append((m, i, a, b, both, vecs))
        # a rendering of about the same length closer to the whole than to either side is a vote for one
        # sentence, unless it is cut itself: two translators who joined the same two sentences do not make
        # them one, and each side of one cut renders its sentence alone for the other (rounds, until no more
        # renderings are cut)
        splits: dict[int, tuple[tuple[int, int], int, list[int], list[int], list[sparse.csr_matrix]]] = {}
        told: dict[tuple[int, int, int], tuple[int, int]] = {}  # (m, cut, other cut rendering): its sides' evidence
        cut_of: dict[int, tuple[sparse.csr_matrix, list[frozenset[str]]]] = {}  # a cut rendering's sides: rows, keys
        grew = True
        while grew:
            grew = False
            for m, i, a, b, both, vecs in tried:
                na, nb = len(a), len(b)
                if not na or not nb:  # a side with no sentence of its own: the sides of (two) renderings cut
                    for other in sorted(splits)[:3]:
                        if other == m:
                            continue
                        if other not in cut_of:
                            _, cut, _, _, rows_of = splits[other]
                            sides_k = [_part(us[other], cut, side) for side in (0, 1)]
                            cut_of[other] = (sparse.vstack(rows_of, format="csr"), [
                                frozenset().union(*(content[other][w] for w in set(p.words) if w in content[other]))
                                if p is not None else frozenset() for p in sides_k])
                        if (m, i, other) not in told:
                            told[(m, i, other)] = _cut_evidence(us, M, content, idf, params, m, i, vecs, *cut_of[other])
                        na, nb = na + told[(m, i, other)][0], nb + told[(m, i, other)][1]
                votes = sum(1 for x in both if x not in splits)
                score = (min(na, nb), na + nb)
                if na and nb and na + nb > votes and (m not in splits or score > splits[m][0]):
                    grew = grew or m not in splits
                    splits[m] = (score, i, a, b, vecs)
        if not splits:
            out.append((root, ms))
            continue
        seed = max(splits, key=lambda m: (splits[m][0], -m))
        _, _, a, b, _ = splits[seed]
        new_of: dict[int, tuple[int, int]] = {}
        for m, (_, i, _, _, vecs) in sorted(splits.items()):
            new_of[m] = (n0 + len(parts), n0 + len(parts) + 1)
            for side in (0, 1):
                p = _part(us[m], i, side)
                assert p is not None
                us.append(p)
                parts.append((m, i, side))
                rows.append(vecs[side])
        # the evidence of this remark (a sentence of another remark stays there) and the seed's sides
        group = [[x for x in a if x in inside] + [new_of[seed][0]], [x for x in b if x in inside] + [new_of[seed][1]]]
        seeds = [sparse.vstack([row_of(x) for x in g], format="csr") for g in group]

        def side_of(x: int, seeds: list[sparse.csr_matrix] = seeds) -> int:
            """The side whose renderings ``x`` is on average more similar to."""
            v = row_of(x)
            near = [float((s @ v.T).toarray().mean()) for s in seeds]
            return 0 if near[0] >= near[1] else 1

        core = [list(g) for g in group]  # what renders each side alone: evidence and the sides of cut renderings
        for x in ms:
            if x in group[0] or x in group[1] or x == seed:
                continue
            if x in new_of:
                p0, p1 = new_of[x]
                s0, s1_ = side_of(p0), side_of(p1)
                if s0 != s1_:
                    group[s0].append(p0)
                    group[s1_].append(p1)
                    core[s0].append(p0)
                    core[s1_].append(p1)
                    continue
            group[side_of(x)].append(x)
        for g, c in zip(group, core):
            made[len(out)] = c
            out.append((max(g, key=lambda k: (len(us[k].words), -k)), sorted(g)))
    if not rows:
        return out, parts, W, M
    new = sparse.vstack(rows, format="csr")
    W_new = new[:, :nw] * np.sqrt(2.0)
    M = sparse.vstack([M, new], format="csr")
    return _rejoin(state, out, made, parts, M), parts, sparse.vstack([W, W_new], format="csr"), M


def _rejoin(state: _LinkState, out: list[tuple[int, list[int]]], sides: Mapping[int, list[int]],
            parts: list[tuple[int, int, int]], M: sparse.csr_matrix) -> list[tuple[int, list[int]]]:
    """Each side of a split remark joins the other remark it agrees with, by average linkage as split remarks
    are merged in ``_cluster`` (mean similarity at least the threshold, none below the floor) between what
    renders the side alone (``sides``: its evidence and the sides of cut renderings) and the other remark's
    full members, the best of those its members (a cut rendering: the whole it was cut from) were paired
    with: the rendering that joined two sentences had drawn the renderings of one of them away from their
    remark. Another rendering that joins the two sentences (one not cut) goes with its side."""
    us, S, params = state.us, state.S, state.params
    n0 = S.shape[0]
    side_set = set(sides)
    cluster_of = {x: c for c, (_, ms) in enumerate(out) if c not in side_set for x in ms}
    dots = RowDots(M)
    floor = params.threshold * params.member_floor

    def full(c: int) -> list[int]:
        ms = out[c][1]
        whole = [x for x in ms if not (us[x].partial or us[x].short)] or ms
        return sorted(whole, key=lambda x: (-len(us[x].words), x))[: params.member_check]

    moved: dict[int, int] = {}
    for c in sides:
        cands: set[int] = set()
        for x in out[c][1]:
            src = parts[x - n0][0] if x >= n0 else x
            cands.update(cluster_of[y] for y in S.indices[S.indptr[src]:S.indptr[src + 1]].tolist() if y in cluster_of)
        # its full members, or what renders the side alone (another rendering that joins the two sentences
        # and was not cut, too far from either side's remark, goes with its side)
        own = [full(c), sorted(sides[c], key=lambda x: (-len(us[x].words), x))[: params.member_check]]
        best: tuple[float, int] | None = None
        for t in sorted(cands):
            for fa in own:
                cross = [dots(x, y) for x in fa for y in full(t)]
                mean = sum(cross) / len(cross)
                if mean >= params.threshold and min(cross) >= floor and (best is None or mean > best[0]):
                    best = (mean, t)
        if best is not None:
            moved[c] = best[1]
    for c, t in moved.items():
        out[t] = (out[t][0], sorted(out[t][1] + out[c][1]))
        out[c] = (out[c][0], [])
    return [(root, ms) for root, ms in out if ms]


@dataclass
class _LinkState:
    """What clustering reads: renderings, candidate similarities and the data of the checks."""

    us: list[Rendering]
    S: sparse.csr_matrix  # candidate pair similarities, both directions (the pairs are its entries above the diagonal)
    M: sparse.csr_matrix
    content: list[dict[str, frozenset[str]]]
    idf: dict[str, float]
    params: LinkParams
    brief: np.ndarray  # short whole renderings, compared by their content words too (``short_similarity``)
    profiles: dict[int, ShortProfile]  # what short_similarity reads of a brief rendering, once computed


def _cluster_in_worker(order: list[int]) -> tuple[list[tuple[int, list[int]]], dict[int, float]]:
    state = _WORKER["link"]
    assert isinstance(state, _LinkState)
    return _cluster(state, order)


class _Scorer:
    """How well a rendering fits a cluster: average linkage over its first full members for a rendering
    of the root's length, ordered containment in a member for a shorter one (a fragment)."""

    def __init__(self, state: _LinkState) -> None:
        self.us, self.content, self.idf, self.params = state.us, state.content, state.idf, state.params
        self.brief, self.profiles = state.brief, state.profiles
        self._said: dict[int, tuple[frozenset[str], list[frozenset[str]]]] = {}
        self.dots = RowDots(state.M)
        self.extra: dict[tuple[int, int], float] = {}
        self._union: dict[int, frozenset[str]] = {}
        self._weighted: dict[int, tuple[list[tuple[str, str]], float]] = {}

    def union(self, m: int) -> frozenset[str]:
        """Every key (stem or WordNet synonym) of rendering ``m``'s words, computed once per rendering."""
        keys_m = self._union.get(m)
        if keys_m is None:
            keys_m = self._union[m] = frozenset().union(*self.content[m].values()) if self.content[m] else frozenset()
        return keys_m

    def sim_of(self, k: int, m: int, row: dict[int, float]) -> float:
        if m in row:
            return row[m]
        if (k, m) not in self.extra:
            v = self.dots(k, m)
            if self.brief[k] and self.brief[m]:
                short = self.short(k, m)
                if short >= self.params.short_share:
                    v = max(v, short)
            self.extra[(k, m)] = v
        return self.extra[(k, m)]

    def shared(self, k: int, m: int) -> tuple[int, int]:
        """Words (stem or WordNet synonym) of the one with fewer distinct words found in the other, and how
        many distinct words it has: a remark is more than one shared word ("terrorist attacks" is not
        "terrorist bandits")."""
        content = self.content
        short, other = (k, m) if len(content[k]) <= len(content[m]) else (m, k)
        keys_other = self.union(other)
        return sum(1 for keys in content[short].values() if not keys.isdisjoint(keys_other)), len(content[short])

    def bound(self, k: int, m: int) -> float:
        """An upper bound of ``contained(k, m)``: the weighted share of k's content words found anywhere in m."""
        keys_m = self.union(m)
        weighted = self._weighted.get(k)
        if weighted is None:
            r = self.us[k]
            pairs = [(w, st) for w, st in zip(r.words, r.stems) if w not in ENGLISH_STOP_WORDS] or list(zip(r.words, r.stems))
            weighted = self._weighted[k] = (pairs, sum(self.idf.get(st, 1.0) for _, st in pairs))
        pairs, total = weighted
        if not total:
            return 0.0
        found = sum(self.idf.get(st, 1.0) for w, st in pairs if not self.content[k].get(w, {st}).isdisjoint(keys_m)
                    or st in keys_m)
        return found / total

    def evidence(self, k: int, m: int) -> bool:
        shared, size = self.shared(k, m)
        if shared >= min(self.params.min_shared, size) and self.says_alike(k, m):
            return True
        # two short sentences with all their content words in common and the same polarity ("this is no
        # joke" / "we are not joking") share one word, and that word is the sentence
        return bool(self.brief[k] and self.brief[m]) and self.short(k, m) >= self.params.short_share

    def says(self, k: int) -> tuple[frozenset[str], list[frozenset[str]]]:
        """Rendering ``k``'s proper names, and the keys of its distinct content words that are no proper
        names, computed once."""
        said = self._said.get(k)
        if said is None:
            names = proper_names(self.us[k])
            said = self._said[k] = (names, [keys for w, keys in self.content[k].items()
                                            if not function_word(w) and w not in names])
        return said

    def says_alike(self, k: int, m: int) -> bool:
        """Whether two renderings that share proper names share what is said too, not only whom and where it
        is about: content words other than names, ``min_common`` of them (or all the one with fewer has),
        one word for one word. A speaker names the same places and people in many sentences of a speech
        ("Varna, Ostrel, Kamensk and Dubrava"), and such a list, rare words all, carries the cosine
        of two different sentences."""
        names_k, a = self.says(k)
        names_m, b = self.says(m)
        if names_k.isdisjoint(names_m):
            return True  # no name in common: the similarity is not a list of names
        if len(a) > len(b):
            a, b = b, a
        need = min(self.params.min_common, len(a))
        if need <= 0:
            return True
        # one word for one word: two words of one rendering do not both meet one word of the other (WordNet
        # gives "people" a key in common with "peoples" and with "citizens")
        free = list(b)
        found = 0
        for keys in a:
            for j, other in enumerate(free):
                if not keys.isdisjoint(other):
                    found += 1
                    del free[j]
                    break
        return found >= need

    def short(self, k: int, m: int) -> float:
        """``short_similarity`` of two brief renderings, from their profiles (each computed once)."""
        pk = self.profiles.get(k) or self.profiles.setdefault(k, short_profile(self.us[k], self.content[k], self.idf))
        pm = self.profiles.get(m) or self.profiles.setdefault(m, short_profile(self.us[m], self.content[m], self.idf))
        return short_score(pk, pm)

    def score(self, k: int, root: int, full: list[int], near: list[int], row: dict[int, float],
              strict: bool = False) -> float:
        """0 when ``k`` may not join; else its similarity (or containment) to the cluster. ``strict``:
        ``k`` is weak and the cluster is another speaker's remark, so it must fit by its words alone."""
        us, params = self.us, self.params
        score = 0.0
        if strict and us[root].partial and len(us[root].words) < params.adopt_root_words:
            return 0.0  # words alone tie a rendering to a sentence the speaker said, not to a phrase
        short = len(us[k].words) < params.fragment * len(us[root].words)
        if not short or not us[k].partial:
            # average linkage over the root and the first full members: the mean must reach
            # the threshold and none may fall below the floor (no chains, no stars)
            threshold = params.adopt_threshold if strict else params.threshold
            floor = threshold * params.member_floor
            # similarities one member at a time: below the floor (and no near duplicate of the root) is a
            # refusal whatever the other members give, so they are not computed
            sims_c = []
            for m in full[: params.member_check]:
                sims_c.append(self.sim_of(k, m, row))
                if sims_c[0] < params.near_duplicate and sims_c[-1] < floor:
                    break
            score = sum(sims_c) / len(sims_c)
            if len(sims_c) < len(full[: params.member_check]) or score < threshold or \
                    (sims_c[0] < params.near_duplicate and min(sims_c) < floor):
                score = 0.0
            elif strict and (self.shared(k, root)[0] < params.adopt_shared or not self.says_alike(k, root)):
                score = 0.0
            elif not strict and not self.evidence(k, root):
                score = 0.0
        if short and (us[k].partial or params.part_containment):
            # a fragment (a partial quotation, or a sentence quoted in part) must be contained, in order,
            # in a member it was paired with: stems and WordNet synonyms, gaps allowed
            need = params.adopt_containment if strict else (
                params.containment_long if us[k].partial else params.part_containment_share)

            def accept(c: float, hits: int, m: int) -> bool:
                """Whether containment ``c`` with ``hits`` words matched joins ``k`` to member ``m``."""
                if strict and us[m].doc_id != us[k].doc_id:
                    return c >= params.adopt_containment and hits >= (params.adopt_min_hits if us[k].partial
                                                                       else params.adopt_min_words)
                if strict:  # a phrase of a quotation the same article attributes: the usual test
                    return c >= params.containment and hits >= params.fragment_words
                if us[k].partial:
                    return (c >= params.containment or (c >= params.containment_long and len(us[k].words) >= 5)) \
                        and hits >= params.fragment_words
                # a whole sentence of the quotation: it must be a part of the member, nearly all of it, and
                # more of it than the names of the places and people it is about
                return c >= params.part_containment_share and hits >= params.part_words and self.says_alike(k, m)

            for m in heapq.nsmallest(2 * params.member_check, near, key=lambda x: (-len(us[x].words), x)):
                if len(us[k].words) < len(us[m].words) and not (strict and us[m].partial
                                                                 and len(us[m].words) < params.adopt_root_words):
                    # the bound is at least the containment and its words at least the words matched, and
                    # ``accept`` only grows with both: a member it refuses at the bound needs no LCS
                    bound = self.bound(k, m)
                    if bound < min(need, params.containment_long) or not accept(bound, len(self._weighted[k][0]), m):
                        continue  # not enough of its words are in the member at all: no LCS needed
                    c, hits = contained(us[k], us[m], self.idf, (self.content[k], self.content[m]))
                    if accept(c, hits, m):
                        score = max(score, c)
        return score


def _say(said: dict[tuple[str, str], set[int]], r: Rendering) -> None:
    """Note, for a cluster, that it holds the sentence of its quotation that whole rendering ``r`` renders."""
    if not r.partial:
        said.setdefault((r.doc_id, r.quote_id), set()).add(r.sentence)


def _apart(said: dict[tuple[str, str], set[int]], r: Rendering) -> bool:
    """Whether a cluster holds another sentence of the quotation that whole rendering ``r`` belongs to.

    An outlet that quotes several sentences in one quotation prints consecutive sentences of the speech,
    each once: two sentences of one quotation render two remarks, however alike their words ("order is
    restored in the capital. Lawful order is being restored everywhere" are two things said). Clauses of
    one sentence are parts of one remark and may meet; a partial quotation is a fragment, never a sentence."""
    if r.partial:
        return False
    return any(s != r.sentence for s in said.get((r.doc_id, r.quote_id), ()))


def _clash(a: dict[tuple[str, str], set[int]], b: dict[tuple[str, str], set[int]]) -> bool:
    """Whether two clusters hold different sentences of one quotation (see ``_apart``): they stay apart."""
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return any(key in large and len(sentences | large[key]) > 1 for key, sentences in small.items())


def _cluster(state: _LinkState, order: list[int]) -> tuple[list[tuple[int, list[int]]], dict[int, float]]:
    """Cluster the renderings ``order`` (whole speakers, longest first): each joins one cluster at most,
    then split remarks are merged. Returns (root, members) of every cluster and the similarity with
    which each attached rendering joined."""
    us, S, params = state.us, state.S, state.params
    scorer = _Scorer(state)
    sim_of, evidence = scorer.sim_of, scorer.evidence
    cluster_of: dict[int, int] = {}
    roots: list[int] = []
    members: list[list[int]] = []
    full: list[list[int]] = []
    said: list[dict[tuple[str, str], set[int]]] = []  # per cluster: the sentences of each quotation it holds
    similarity: dict[int, float] = {}
    for k in order:
        lo, hi = S.indptr[k], S.indptr[k + 1]
        row = dict(zip(S.indices[lo:hi].tolist(), S.data[lo:hi].tolist()))
        best: tuple[float, int] | None = None
        near: dict[int, list[int]] = defaultdict(list)
        for m in row:
            if m in cluster_of:
                near[cluster_of[m]].append(m)
        for cid in sorted(near):
            if _apart(said[cid], us[k]):
                continue
            score = scorer.score(k, roots[cid], full[cid], near[cid], row)
            if score and (best is None or score > best[0]):
                best = (score, cid)
        if best is None:
            cluster_of[k] = len(roots)
            roots.append(k)
            members.append([k])
            full.append([k])
            said.append({})
            _say(said[-1], us[k])
        else:
            cid = best[1]
            cluster_of[k] = cid
            members[cid].append(k)
            if len(us[k].words) >= params.fragment * len(us[roots[cid]].words):
                full[cid].append(k)
            similarity[k] = best[0]
            _say(said[cid], us[k])
    # a remark split between two clusters (its renderings reached different roots first) is merged
    # when the clusters agree on average over their full members: average, not single, linkage
    merged = list(range(len(roots)))

    def head(c: int) -> int:
        while merged[c] != c:
            merged[c] = merged[merged[c]]
            c = merged[c]
        return c

    def comparable(k: int, ms: list[int]) -> list[int]:
        """``k`` and up to ``member_check`` - 1 other whole-sentence members of about its length."""
        n = len(us[k].words)
        near = [m for m in ms if m != k and not us[m].partial
                and params.fragment * n <= len(us[m].words) <= n / params.fragment]
        near.sort(key=lambda m: (abs(len(us[m].words) - n), us[m].doc_id, us[m].start))
        return [k] + near[: params.member_check - 1]

    mine = np.zeros(len(us), dtype=bool)
    mine[order] = True
    if params.merge:
        left, right, strong_sims = _strong_pairs(S, mine, params.threshold)
    else:
        left, right, strong_sims = np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0)
    if len(left):  # a pair inside one cluster is inside one for ever (merging only joins): skip those at once
        cl = np.full(len(us), -1, dtype=np.int64)
        cl[list(cluster_of)] = list(cluster_of.values())
        apart = cl[left] != cl[right]
        left, right, strong_sims = left[apart], right[apart], strong_sims[apart]
    version = [0] * len(roots)  # bumped when a cluster grows: a rejection holds until then
    rejected: set[tuple[int, int, int, int]] = set()
    # most similar first; pairs of one similarity in the order of the pairs
    by_sim = np.lexsort((np.arange(len(left)), -strong_sims))
    for first, second in zip(left[by_sim].tolist(), right[by_sim].tolist()):
        a, b = head(cluster_of[first]), head(cluster_of[second])
        if a == b:
            continue
        seen = (min(a, b), max(a, b), version[min(a, b)], version[max(a, b)])
        if seen in rejected:  # many strong pairs join the same two clusters: test them once
            continue
        if _clash(said[a], said[b]):
            rejected.add(seen)  # for ever: merging only adds sentences
            continue
        fa, fb = full[a][: params.member_check], full[b][: params.member_check]
        cross = [sim_of(x, y, {}) for x in fa for y in fb]
        floor = params.threshold * params.member_floor
        agree = sum(cross) / len(cross) >= params.threshold and min(cross) >= floor and evidence(roots[a], roots[b])
        if not agree and params.merge_comparable:
            # a long rendering's root took the shorter renderings of one remark as parts of itself, and
            # the others founded a cluster of their own: the renderings of comparable length in the two
            # clusters (around the strong pair) must agree on average, as full members would
            ca, cb = comparable(first, members[a]), comparable(second, members[b])
            cross = [sim_of(u, v, {}) for u in ca for v in cb]
            agree = bool(cross) and sum(cross) / len(cross) >= params.threshold and min(cross) >= floor \
                and evidence(first, second) and (len(ca) > 1 or len(cb) > 1)
        if agree:
            lo_c, hi_c = min(a, b), max(a, b)
            merged[hi_c] = lo_c
            version[lo_c] += 1
            full[lo_c] = sorted(full[lo_c] + full[hi_c], key=lambda k: (-len(us[k].words), us[k].doc_id, us[k].start))
            members[lo_c] = members[lo_c] + members[hi_c]
            for key, sentences in said[hi_c].items():
                said[lo_c].setdefault(key, set()).update(sentences)
            said[hi_c] = {}
        else:
            rejected.add(seen)
    groups: dict[int, list[int]] = defaultdict(list)
    for k in order:
        groups[head(cluster_of[k])].append(k)
    return [(roots[c], ks) for c, ks in groups.items()], similarity


def _adopt(state: _LinkState, C: sparse.csr_matrix, found: list[tuple[int, list[int]]],
           weak_order: list[int]) -> tuple[list[tuple[int, list[int]]], dict[int, float], set[int]]:
    """Weak renderings (no speaker, or one quoted nowhere else), longest first: each joins the remark of
    another speaker it fits by its words alone (strict checks, over the candidate pairs ``C``), or else
    a cluster of its own block (the usual checks), or founds one. Returns the clusters, the similarity
    with which each weak rendering joined, and the weak renderings that joined another speaker's remark."""
    us, S, params = state.us, state.S, state.params
    scorer = _Scorer(state)
    cluster_of: dict[int, int] = {}
    roots: list[int] = []
    members: list[list[int]] = []
    full: list[list[int]] = []
    for root, ms in found:
        cid = len(roots)
        roots.append(root)
        members.append(list(ms))
        limit = params.fragment * len(us[root].words)
        full.append([root] + sorted((m for m in ms if m != root and len(us[m].words) >= limit),
                                    key=lambda k: (-len(us[k].words), us[k].doc_id, us[k].start)))
        for m in ms:
            cluster_of[m] = cid
    anchored = len(roots)
    similarity: dict[int, float] = {}
    adopted: set[int] = set()
    for k in weak_order:
        best: tuple[float, int] | None = None
        lo, hi = C.indptr[k], C.indptr[k + 1]
        cross = dict(zip(C.indices[lo:hi].tolist(), C.data[lo:hi].tolist()))
        lo, hi = S.indptr[k], S.indptr[k + 1]
        row = dict(zip(S.indices[lo:hi].tolist(), S.data[lo:hi].tolist()))
        near: dict[int, list[int]] = defaultdict(list)
        for m in cross:
            if m in cluster_of:
                near[cluster_of[m]].append(m)
        for m in row:
            if m in cluster_of and cluster_of[m] >= anchored and not us[k].scare:
                near[cluster_of[m]].append(m)
        usual: list[tuple[float, int]] = []  # another speaker's remarks it fits under the usual checks
        for cid in sorted(near):
            strict = cid < anchored
            score = scorer.score(k, roots[cid], full[cid], near[cid], cross if strict else row, strict)
            if score and (best is None or score > best[0]):
                best = (score, cid)
            if strict and not score and params.adopt_single and not us[k].partial \
                    and (not us[k].scare or len(us[k].words) >= params.adopt_root_words):
                # (a scare quote of a few words is the outlet's; one of a clause or more that fits one remark
                # only is words of that remark the quotes table lost their speaker for)
                loose = scorer.score(k, roots[cid], full[cid], near[cid], cross)
                if loose and scorer.shared(k, roots[cid])[0] >= params.adopt_shared:
                    usual.append((loose, cid))
        if best is None and len(usual) == 1:
            # a whole sentence whose speaker the quotes table missed or mistook ("the prime minister" quoted
            # once, a place) that fits one remark of the corpus's speakers under the usual checks, and no
            # other: that remark's speaker said it
            best = usual[0]
        if best is None:
            if us[k].scare:
                continue
            cluster_of[k] = len(roots)
            roots.append(k)
            members.append([k])
            full.append([k])
        else:
            cid = best[1]
            cluster_of[k] = cid
            members[cid].append(k)
            if len(us[k].words) >= params.fragment * len(us[roots[cid]].words):
                full[cid].append(k)
            similarity[k] = best[0]
            if cid < anchored or roots[cid] in adopted:
                adopted.add(k)
    return list(zip(roots, members)), similarity, adopted


def _window(a: Rendering, lo: int, hi: int) -> Rendering:
    r = Rendering(a.doc_id, a.outlet, a.quote_id, a.speaker, a.start, a.end, a.text)
    r.words, r.stems = a.words[lo:hi], a.stems[lo:hi]
    return r


def align_fragment(a: Rendering, b: Rendering, norm: Normaliser, aligner: WordAligner) -> list[tuple[str, str, str]]:
    """Drift of a partial quotation against the part of ``a`` it renders, not against all of ``a``."""
    keys_a, keys_b = _keys(a, b, norm)
    blocks = [m for m in difflib.SequenceMatcher(None, keys_a, keys_b, autojunk=False).get_matching_blocks() if m.size]
    if not blocks:
        return aligner.drift(a, b)
    big = max(blocks, key=lambda m: (m.size, -m.a))  # anchor on the longest shared run
    lo = max(0, big.a - big.b)
    hi = min(len(a.words), big.a + len(b.words) - big.b)
    return aligner.drift(_window(a, lo, hi), b)


def _keys(a: Rendering, b: Rendering, norm: Normaliser) -> tuple[list[str], list[str]]:
    """Stems, with a word of ``b`` that is a WordNet synonym of a word of ``a`` given ``a``'s stem."""
    a_keys = list(a.stems)
    b_keys = list(b.stems)
    if norm.wordnet.available:
        a_syn = [set(norm.wordnet.keys(w)) for w in a.words]
        for j, w in enumerate(b.words):
            if b_keys[j] in a_keys or w in ENGLISH_STOP_WORDS:
                continue
            keys = set(norm.wordnet.keys(w))
            for i, syn in enumerate(a_syn):
                if keys & syn and a.words[i] not in ENGLISH_STOP_WORDS and a_keys[i] not in b_keys:
                    b_keys[j] = a_keys[i]
                    break
    return a_keys, b_keys


def _central(members: list[Rendering], rows: list[int], W: sparse.csr_matrix, fragment: float,
             cells: int = 1 << 22) -> int:
    """The medoid of the full renderings: fragments (partial quotations) are never central, and a side of a
    rendering that joined two sentences is central only when no other outlet's rendering can be.

    Each one's summed similarity to all is a row sum of ``sub @ sub.T``, taken a block of rows at a time
    (about ``cells`` similarities): a row of the product, and so its sum, is the same whatever rows are
    multiplied beside it, and the whole product, dense, is the square of the remark's size (gigabytes
    for a remark of 20,000 renderings)."""
    if all(r < 0 for r in rows):  # short fragments only: the first is as central as any
        return 0
    longest = max(len(m.words) for m, r in zip(members, rows) if r >= 0)
    full = [k for k, m in enumerate(members) if len(m.words) >= fragment * longest and rows[k] >= 0]
    if any(members[k].cut for k in full):
        single = [k for k, m in enumerate(members) if rows[k] >= 0 and not m.cut]
        if single:
            longest = max(len(members[k].words) for k in single)
            full = [k for k in single if len(members[k].words) >= fragment * longest]
    sub = W[[rows[k] for k in full]]
    step = max(1, cells // len(full))
    scores = np.concatenate([(sub[lo:lo + step] @ sub.T).toarray().sum(axis=1) for lo in range(0, len(full), step)])
    best = max(range(len(full)), key=lambda k: (scores[k], len(members[full[k]].words), -k))
    return full[best]


DriftTask = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...], bool]
_WORKER: dict[str, object] = {}  # what a forked worker process works with, set by its initializer


def _init_worker(state: dict[str, object]) -> None:
    ignore_sigint()  # the main process stops the pool on Ctrl-C
    _WORKER.clear()
    _WORKER.update(state)
    norm = state.get("norm")
    if isinstance(norm, Normaliser):
        norm.wordnet.after_fork()


def _forked_map(fn: Callable[[T], R], items: list[T], jobs: int, state: dict[str, object]) -> list[R]:
    """``fn`` over ``items`` in forked processes that inherit ``state`` (not pickled), results in order."""
    return list(_forked_iter(fn, items, jobs, state))


def _forked_iter(fn: Callable[[T], R], items: list[T], jobs: int, state: dict[str, object]) -> Iterator[R]:
    """``_forked_map`` yielding each result in order as it comes, so that the caller need not hold them all."""
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    # an executor, not a multiprocessing.Pool: a worker that dies (out of memory on a large corpus) breaks it,
    # where a Pool would start a new worker and wait for the lost task for ever
    pool = ProcessPoolExecutor(jobs, mp_context=ctx, initializer=_init_worker, initargs=(state,))
    try:
        with sigint_held():  # map submits every item now, starting the workers
            results = pool.map(fn, items)
        yield from results
    except BrokenProcessPool as exc:
        stop_now(pool, exc)
        raise QuoteframeError("a worker process died while linking variants (out of memory?); the run "
                              "stops. Run again with --jobs 1 or on fewer quotations") from exc
    except BaseException as exc:  # Ctrl-C or an error here: the items not yet started are dropped
        stop_now(pool, exc)
        raise
    pool.shutdown(wait=True)


def _drift_one(task: DriftTask, norm: Normaliser, aligner: WordAligner) -> list[tuple[str, str, str]]:
    a_words, a_stems, b_words, b_stems, fragment = task
    a = Rendering("", "", "", "", 0, 0, "", list(a_words), list(a_stems))
    b = Rendering("", "", "", "", 0, 0, "", list(b_words), list(b_stems))
    return align_fragment(a, b, norm, aligner) if fragment else aligner.drift(a, b)


def _drift_in_worker(tasks: list[DriftTask]) -> list[list[tuple[str, str, str]]]:
    norm, aligner = _WORKER["norm"], _WORKER["aligner"]
    assert isinstance(norm, Normaliser) and isinstance(aligner, WordAligner)
    return [_drift_one(t, norm, aligner) for t in tasks]


def drift_all(tasks: list[DriftTask], norm: Normaliser, jobs: int = 1,
              chunk: int = 256) -> list[list[tuple[str, str, str]]]:
    """Drift of every (central, rendering) pair; a pair met before (wire copies) is aligned once.

    Pairs are independent, so with ``jobs > 1`` they are aligned in forked processes, in order: the
    output is the same as with one process."""
    aligner = WordAligner(partial(_keys, norm=norm))
    distinct = list(dict.fromkeys(tasks))
    if jobs <= 1 or len(distinct) < 2 * chunk:
        done = [_drift_one(t, norm, aligner) for t in distinct]
    else:
        norm.wordnet.warm({w for t in distinct for words in (t[0], t[2]) for w in words})
        parts = _forked_map(_drift_in_worker, [distinct[k:k + chunk] for k in range(0, len(distinct), chunk)],
                            jobs, {"norm": norm, "aligner": aligner})
        done = [ops for part in parts for ops in part]
    by_task = dict(zip(distinct, done))
    return [by_task[t] for t in tasks]


def attach_short(rs: Sequence[Rendering], clusters: list[list[int]], shorts: Sequence[Rendering],
                 max_scan: int = 200, weak_words: int = 3) -> tuple[list[list[int]], dict[int, int]]:
    """One- and two-word fragments ("bandits", "nonsense"): each joins the one remark of its speaker with
    a rendering that holds its content words; held by several, it joins none and each of them counts it
    as ambiguous; held by none, the same fragment quoted in several places is a remark of its own.

    A fragment with no speaker, or one the corpus quotes nowhere else, may join a remark by its words
    alone, as longer renderings are adopted: only when it has ``weak_words`` words or more and is nearly
    the whole of a rendering of exactly one remark (see ``_by_cover``); it then takes the remark's speaker.

    ``clusters`` index ``rs``; shorts are numbered after ``rs``. Returns the clusters with the shorts
    added and, per cluster, how many ambiguous fragments it holds."""
    cid_of: dict[int, int] = {}
    for cid, ms in enumerate(clusters):
        for i in ms:
            cid_of[i] = cid
    needed: set[tuple[str, str]] = set()
    wants: list[list[str]] = []
    for f in shorts:
        stems = [st for w, st in zip(f.words, f.stems) if w not in ENGLISH_STOP_WORDS] or list(f.stems)
        wants.append(stems)
        if not f.weak:
            needed.update((f.block, st) for st in stems)
        elif len(f.words) >= weak_words:
            needed.update((ANY_BLOCK, st) for st in stems)
    holders: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, r in enumerate(rs):
        if (r.partial and len(r.words) < 3) or i not in cid_of:  # in no cluster: a rendering cut in two
            continue
        for st in set(r.stems):
            if (r.block, st) in needed:
                holders[(r.block, st)].append(i)
            if not r.weak and (ANY_BLOCK, st) in needed:  # a remark of the corpus's speakers: a weak one may join
                holders[(ANY_BLOCK, st)].append(i)
    out = [list(ms) for ms in clusters]
    ambiguous: dict[int, int] = defaultdict(int)
    alone: dict[tuple[str, tuple[str, ...]], list[int]] = defaultdict(list)
    for k, (f, stems) in enumerate(zip(shorts, wants)):
        if (f.weak and len(f.words) < weak_words) or not stems:
            continue
        block = ANY_BLOCK if f.weak else f.block
        rarest = min(stems, key=lambda st: len(holders[(block, st)]))
        found: set[int] = set()
        wording: dict[int, int] = {}  # per holding remark, most of the fragment's words held around it in order
        cover: dict[int, float] = {}  # per holding remark, the largest share of one rendering those words are
        for i in holders[(block, rarest)][:max_scan]:
            if not _holds(rs[i].stems, stems):
                continue
            cid = cid_of[i]
            found.add(cid)
            held = _held_in_order(rs[i].stems, list(f.stems), rarest)
            wording[cid] = max(wording.get(cid, 0), held)
            cover[cid] = max(cover.get(cid, 0.0), held / len(rs[i].stems))
        if f.weak:  # by its words alone: every word of it, in order, nearly the whole of one remark's
            # rendering, or it joins nothing
            found = _by_cover(found, wording, cover, len(f.stems), share=1.0) if found else found
            if len(found) == 1 and cover[min(found)] >= COVER_WHOLE and wording[min(found)] == len(f.stems) \
                    and len(clusters[min(found)]) >= 2:
                out[found.pop()].append(len(rs) + k)
                f.similarity, f.speaker_source = 1.0, "remark"
            continue
        if len(found) > 1:
            found = _by_wording(found, wording, len(f.stems))
        if len(found) > 1:
            found = _by_cover(found, wording, cover, len(f.stems))
        if len(found) == 1:
            out[found.pop()].append(len(rs) + k)
            f.similarity = 1.0
        elif found:
            for cid in found:
                ambiguous[cid] += 1
        else:  # held by no remark: the same short quotation in several outlets is a remark of its own
            alone[(f.block, tuple(f.stems))].append(len(rs) + k)
    out.extend(ks for _, ks in sorted(alone.items()) if len(ks) >= 2)
    return out, ambiguous


def families_of(members: Sequence[Rendering], central: Rendering, same: float = 0.8,
                max_compare: int = 5) -> list[Family]:
    """Translation families of one remark: renderings whose word sequences agree (difflib ratio ``same``:
    one wire's copy lightly edited) are one family, greedily, longest first; a fragment joins the largest
    family one of whose renderings holds its words as a run, else it is a family of its own. Each member's
    ``family`` is set; ids are stable (a hash of the family's first rendering by doc_id and offset). A
    rendering is compared with the ``max_compare`` largest families only, so a remark of thousands of
    renderings costs thousands of comparisons, not millions."""
    longest = max(len(m.words) for m in members)
    ordered = sorted(members, key=lambda m: (len(m.words) < 0.6 * longest, -len(m.words), m.doc_id, m.start))
    fams: list[tuple[list[str], list[Rendering], set[str]]] = []  # (first words, members, distinct texts)
    by_words: dict[tuple[str, ...], tuple[list[str], list[Rendering], set[str]]] = {}
    # the families by size, largest first, ties in order of founding (what a stable sort by size gives),
    # kept sorted as families grow; and which families print each word (a family holding a text as a
    # run holds each of its words), so a fragment is looked for in a few families, not all of them
    rank: list[tuple[int, int]] = []  # (-size, index into fams)
    with_word: dict[str, set[int]] = defaultdict(set)
    index_of: dict[int, int] = {}  # id(family) -> its index into fams
    for m in ordered:
        text = " " + " ".join(m.words) + " "
        home = by_words.get(tuple(m.words))  # a verbatim copy: no comparison needed
        if home is None and len(m.words) >= 0.6 * longest:
            matcher = difflib.SequenceMatcher(None, [], m.words, autojunk=False)  # m's side indexed once
            for _, f_idx in rank[:max_compare]:  # the largest families
                f = fams[f_idx]
                if _one_wording(f[0], m.words, same, matcher):
                    home = f
                    break
        else:
            if m.words:
                cands = set.intersection(*sorted((with_word.get(w, set()) for w in set(m.words)), key=len))
            else:
                cands = set(range(len(fams)))
            holding = [fams[c] for c in sorted(cands) if any(text in t for t in fams[c][2])]
            if holding:
                home = max(holding, key=lambda f: len(f[1]))
        if home is None:
            home = (m.words, [m], {text})
            index_of[id(home)] = len(fams)
            bisect.insort(rank, (-1, len(fams)))
            fams.append(home)
            f_idx = index_of[id(home)]
        else:
            f_idx = index_of[id(home)]
            size = len(home[1])
            del rank[bisect.bisect_left(rank, (-size, f_idx))]
            bisect.insort(rank, (-size - 1, f_idx))
            home[1].append(m)
            if text in home[2]:
                by_words.setdefault(tuple(m.words), home)
                continue
            home[2].add(text)
        for w in m.words:
            with_word[w].add(f_idx)
        by_words.setdefault(tuple(m.words), home)
    out = []
    for _, ms, _ in fams:
        ms.sort(key=lambda r: (r.doc_id, r.start))
        fid = _family_id(ms[0])
        counts: dict[str, int] = defaultdict(int)
        for r in ms:
            counts[" ".join(r.words)] += 1
        if central in ms:
            rep = central
        else:  # the wording most of its members print, then the longest, then the first (-index)
            rep = max(enumerate(ms), key=lambda ir: (counts[" ".join(ir[1].words)], len(ir[1].words), -ir[0]))[1]
        for r in ms:
            r.family = fid
        out.append(Family(fid, ms, rep))
    out.sort(key=lambda f: (central not in f.members, f.members[0].doc_id, f.members[0].start))
    return out


def _family_id(first: Rendering) -> str:
    """A family's stable id: a hash of its first rendering by doc_id and offsets."""
    return "f" + hashlib.sha1(f"{first.doc_id}:{first.start}:{first.end}".encode()).hexdigest()[:8]


def _families_in_worker(plan_ids: list[int]) -> list[list[tuple[list[int], int]]]:
    remarks = _WORKER["remarks"]
    assert isinstance(remarks, list)
    out = []
    for p in plan_ids:
        members, central = remarks[p]
        at = {id(m): i for i, m in enumerate(members)}
        out.append([([at[id(r)] for r in f.members], at[id(f.representative)]) for f in families_of(members, central)])
    return out


def families_all(remarks: list[tuple[list[Rendering], Rendering]], jobs: int = 1,
                 min_parallel: int = 5000) -> list[list[Family]]:
    """``families_of`` every remark (members, central). Remarks are independent, so with ``jobs > 1`` they
    are split between forked processes, which send back each family as member positions; the families,
    ids and ``family`` of every rendering are the same as in one process."""
    if jobs <= 1 or len(remarks) < 2 or sum(len(ms) for ms, _ in remarks) < min_parallel:
        return [families_of(members, central) for members, central in remarks]
    bins: list[list[int]] = [[] for _ in range(4 * jobs)]
    load = [0] * len(bins)
    for p in sorted(range(len(remarks)), key=lambda p: -len(remarks[p][0])):
        lightest = min(range(len(bins)), key=load.__getitem__)
        bins[lightest].append(p)
        load[lightest] += len(remarks[p][0]) ** 2  # families cost grows faster than a remark's size
    bins = [b for b in bins if b]
    done: dict[int, list[tuple[list[int], int]]] = {}
    for plan_ids, part in zip(bins, _forked_map(_families_in_worker, bins, jobs, {"remarks": remarks})):
        done.update(zip(plan_ids, part))
    out = []
    for p, (members, _) in enumerate(remarks):
        fams = []
        for positions, rep_at in done[p]:
            ms = [members[i] for i in positions]
            fid = _family_id(ms[0])
            for r in ms:
                r.family = fid
            fams.append(Family(fid, ms, members[rep_at]))
        out.append(fams)
    return out


def _one_wording(a: list[str], b: list[str], same: float, matcher: difflib.SequenceMatcher[str] | None = None) -> bool:
    """Whether two renderings print one translation: their words agree (difflib ratio ``same``) and no
    content word of one is replaced by another word in the other, only respelt (Kiev / Kyiv) or added
    (an editor's insertion, a cut); "shoot to kill" and "open fire to kill" are two translations."""
    if matcher is None:
        sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    else:  # a matcher whose second sequence is ``b`` already: its index of ``b`` is reused
        sm = matcher
        sm.set_seq1(a)
    if sm.real_quick_ratio() < same or sm.quick_ratio() < same or sm.ratio() < same:
        return False
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag != "replace":
            continue
        xs = [w for w in a[i1:i2] if w not in ENGLISH_STOP_WORDS]
        ys = [w for w in b[j1:j2] if w not in ENGLISH_STOP_WORDS]
        if len(xs) != len(ys) or any(difflib.SequenceMatcher(None, x, y).ratio() < 0.75 for x, y in zip(xs, ys)):
            return False
    return True


def _sides(fa: Family, fb: Family) -> tuple[Rendering, Rendering] | None:
    """Two renderings to compare for a family pair, from different outlets (an outlet is never compared
    with itself): the representatives when they can be, else the nearest choice; None when no two
    renderings of the families come from different outlets."""
    a, b = fa.representative, fb.representative
    if a.outlet != b.outlet:
        return a, b
    for rb in fb.members:
        if rb.outlet != a.outlet:
            return a, rb
    for ra in fa.members:
        if ra.outlet != b.outlet:
            return ra, b
    return None


def with_moves(ops: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """A word or phrase deleted in one place and inserted in another is one move, not two differences."""
    out = list(ops)
    for i, (a, _, op) in enumerate(out):
        if op != "delete":
            continue
        for j, (_, b, op2) in enumerate(out):
            if op2 == "insert" and b.lower() == a.lower():
                out[i] = (a, b, "move")
                out[j] = ("", "", "")
                break
    return [o for o in out if o[2]]


def _content_op(a_words: str, b_words: str) -> bool:
    return any(w not in ENGLISH_STOP_WORDS for w in WORD_RE.findall((a_words + " " + b_words).lower()))


def _held_in_order(stems: list[str], words: list[str], anchor: str) -> int:
    """How many of a short fragment's stems, function words too, a rendering holds in order around one
    occurrence of ``anchor`` (a window as wide as the fragment on each side): the wording that tells
    "all the decisions have been made" from "I made the decision" when both hold "decisions"."""
    best = 0
    n = len(words)
    for p, st in enumerate(stems):
        if st != anchor:
            continue
        window = stems[max(0, p - n):p + n + 1]
        prev = [0] * (len(window) + 1)
        for w in words:
            cur = [0] * (len(window) + 1)
            for j, x in enumerate(window, 1):
                cur[j] = prev[j - 1] + 1 if w == x else max(prev[j], cur[j - 1])
            prev = cur
        best = max(best, prev[-1])
    return best


def _by_wording(found: set[int], wording: dict[int, int], n: int, share: float = 0.75) -> set[int]:
    """Of several remarks holding a short fragment's content words, the one that also holds its wording
    (three quarters of its words, function words too, in order, and more of them than any other remark);
    else all of them, and the fragment stays ambiguous."""
    ranked = sorted(((wording.get(c, 0), c) for c in found), reverse=True)
    (top, cid), (second, _) = ranked[0], ranked[1]
    if n >= 3 and top >= share * n and top > second:
        return {cid}
    return found


def _by_cover(found: set[int], wording: dict[int, int], cover: dict[int, float], n: int, share: float = 0.75,
              whole: float = COVER_WHOLE, margin: float = 0.25) -> set[int]:
    """Of several remarks holding a fragment's wording alike, the one with a rendering the fragment is nearly
    the whole of; else all of them, and the fragment stays ambiguous.

    An outlet that works a short sentence into its own ("he declared that “we are at war”") marks it as a
    partial quotation, yet it quotes the whole sentence: another outlet prints those words as a sentence of
    their own, while a remark that only holds them inside longer text ("we are at war with hunger, and
    hunger is winning") is another sentence that repeats the phrase. So when one remark has a rendering of
    which the fragment's words, in order, make up ``whole`` of its words, and every other remark's best such
    share is ``margin`` lower, the fragment joins that remark as the whole sentence it is. A fragment of
    fewer than three words is a phrase, not a sentence, and stays ambiguous."""
    if n < 3:
        return found
    held = [c for c in found if wording.get(c, 0) >= share * n]
    ranked = sorted(((cover.get(c, 0.0), c) for c in held), reverse=True)
    if not ranked:
        return found
    top, cid = ranked[0]
    second = max((cover.get(c, 0.0) for c in found if c != cid), default=0.0)
    if top >= whole and top - second >= margin:
        return {cid}
    return found


def _holds(stems: list[str], want: list[str], window: int = 3) -> bool:
    """Whether ``stems`` hold the fragment's words close together (within ``window`` words, in any order:
    "terrorist bandits" is held by "bandits and terrorists", not by two words a sentence apart)."""
    where = [[i for i, st in enumerate(stems) if st == w] for w in want]
    if not all(where):
        return False
    if len(where) == 1:
        return True
    first, rest = where[0], where[1:]
    return any(all(any(abs(i - j) <= window for j in js) for js in rest) for i in first)


def find_variants(quotes: Sequence[Quote], params: LinkParams | None = None, wordnet: WordNet | None = None,
                  seg: Segmenter | None = None, jobs: int = 1) -> list[VariantGroup]:
    """Remark groups across the corpus, each with its central rendering and drift, in a stable order."""
    params = params or LinkParams()
    norm = Normaliser(wordnet if wordnet is not None else WordNet())
    keys, anchored = speaker_keys(quotes)
    segmented = segment_quotes(sorted(quotes, key=lambda q: (q.doc_id, q.start)), seg or Segmenter(), norm, params,
                               keys, anchored)
    main = [r for r in segmented if not r.short]
    shorts = [r for r in segmented if r.short]
    linked = link_weighted(main, norm, params, jobs, fit_extra=[r for r in shorts if len(r.words) >= params.min_words])
    main = main + linked.added
    everything, ambiguous_of = attach_short(main, linked.everything, shorts)
    rs = main + shorts
    kept = [(ids, ambiguous_of.get(cid, 0)) for cid, ids in enumerate(everything) if len(ids) >= 2]
    if not kept:
        return []
    W, M = linked.W, linked.M
    row = linked.row + [-1] * len(shorts)  # short fragments have no TF-IDF row: they are never central
    dots = RowDots(M)
    plans: list[tuple[list[Rendering], Rendering, list[Rendering], int]] = []
    tasks: list[DriftTask] = []
    for ids, ambiguous in kept:
        ids = sorted(ids, key=lambda i: (rs[i].doc_id, rs[i].start))
        members = [rs[i] for i in ids]
        c_idx = ids[_central(members, [row[i] for i in ids], W, params.fragment)]
        central = rs[c_idx]
        others = []
        for i, m in zip(ids, members):
            if m is central:
                continue
            if row[i] >= 0:
                m.similarity = dots(row[c_idx], row[i])
            others.append(m)
            fragment = len(m.words) < params.fragment * len(central.words)
            tasks.append((tuple(central.words), tuple(central.stems), tuple(m.words), tuple(m.stems), fragment))
        plans.append((members, central, others, ambiguous))
    # translation families, and one alignment per family against the central family
    fam_plans: list[tuple[list[Family], list[tuple[Family, Family, Rendering, Rendering]]]] = []
    all_fams = families_all([(members, central) for members, central, _, _ in plans], jobs)
    for fams in all_fams:
        pairs_f = []
        for fb in fams[1:]:
            sides = _sides(fams[0], fb)
            if sides is not None:
                a, b = sides
                pairs_f.append((fams[0], fb, a, b))
                fragment = len(b.words) < params.fragment * len(a.words)
                tasks.append((tuple(a.words), tuple(a.stems), tuple(b.words), tuple(b.stems), fragment))
        fam_plans.append((fams, pairs_f))
    ops_of = iter(drift_all(tasks, norm, jobs))
    groups: list[VariantGroup] = []
    for members, central, others, ambiguous in plans:
        drift = [(m, a_words, b_words, op) for m in others for a_words, b_words, op in next(ops_of)]
        key = f"{central.doc_id}:{central.start}:{central.end}"
        vid = "v" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:8]
        speaker = remark_speaker(members)
        for m in members:
            if m.speaker_source == "remark":
                m.speaker = speaker
        groups.append(VariantGroup(vid, speaker, members, central,
                                   min((m.similarity for m in others), default=1.0), drift, ambiguous))
    for g, (fams, pairs_f) in zip(groups, fam_plans):
        g.families = fams
        for fa, fb, a, b in pairs_f:
            for a_words, b_words, op in with_moves(next(ops_of)):
                g.family_drift.append(FamilyDrift(a, b, fa, fb, a_words, b_words, op, _content_op(a_words, b_words)))
    groups.sort(key=lambda g: (g.speaker, g.central.doc_id, g.central.start))
    return groups


def remark_speaker(members: Sequence[Rendering]) -> str:
    """The name a remark goes by: of its renderings' own speakers (anchored first), the fullest name
    most used (Xi Jinping rather than Xi or Mr Xi)."""
    pool = [m.speaker for m in members if m.speaker and not m.weak] or [m.speaker for m in members if m.speaker]
    if not pool:
        return ""
    counts: dict[str, int] = defaultdict(int)
    for name in pool:
        counts[name] += 1
    return max(counts, key=lambda n: (len(n.split()) >= 2 and n.split()[0].rstrip(".").lower() not in HONORIFICS,
                                      counts[n], n))


def variant_rows(groups: Sequence[VariantGroup]) -> list[dict[str, object]]:
    rows = []
    for g in groups:
        for m in g.members:
            drift = "; ".join(f"{a or '∅'} → {b or '∅'}" for r, a, b, _ in g.drift if r is m)
            rows.append({"variant_id": g.variant_id, "doc_id": m.doc_id, "outlet": m.outlet, "quote_id": m.quote_id,
                         "speaker": m.speaker, "start": m.start, "end": m.end, "text": m.text,
                         "similarity": 1.0 if m is g.central else m.similarity, "drift": drift,
                         "speaker_source": m.speaker_source, "family": m.family})
    return rows


def _op_term(a: str, b: str, op: str) -> str:
    if op == "move":
        return f"{a} (moved)"
    return f"{a or '∅'} → {b or '∅'}"


def summary_rows(groups: Sequence[VariantGroup]) -> list[dict[str, object]]:
    """One row per remark: drift_terms are its content differences between translation families
    (substitutions, insertions, deletions and moves); families counts the independent translations,
    family_outlets names the outlets of each; ambiguous counts the one- or two-word fragments it holds
    that another remark of its speaker holds too (linked to neither)."""
    rows = []
    for g in groups:
        terms = sorted({_op_term(d.a_words, d.b_words, d.op) for d in g.family_drift if d.content})
        rows.append({"variant_id": g.variant_id, "speaker": g.speaker,
                     "outlets": "; ".join(sorted({m.outlet for m in g.members})), "renderings": len(g.members),
                     "representative": g.central.text, "min_similarity": g.min_similarity,
                     "drift_terms": "; ".join(terms), "families": len(g.families),
                     "family_outlets": " | ".join(f"{f.family_id}: {', '.join(f.outlets)}" for f in g.families),
                     "ambiguous": g.ambiguous})
    return rows


def drift_rows(groups: Sequence[VariantGroup], everything: bool = False) -> list[dict[str, object]]:
    """One row per difference between a translation family and the central rendering's family, with
    the outlets, doc and quote ids and texts of both sides. Differences only in function words or
    punctuation are left out unless ``everything``."""
    rows: list[dict[str, object]] = []
    for g in groups:
        for k, d in enumerate(g.family_drift):
            if not d.content and not everything:
                continue
            rows.append({"variant_id": g.variant_id, "outlet_a": d.a.outlet, "outlet_b": d.b.outlet,
                         "a_words": d.a_words, "b_words": d.b_words, "op": d.op,
                         "difference": "content" if d.content else "function",
                         "family_a": d.family_a.family_id, "family_b": d.family_b.family_id,
                         "outlets_a": "; ".join(d.family_a.outlets), "outlets_b": "; ".join(d.family_b.outlets),
                         "doc_a": d.a.doc_id, "quote_a": d.a.quote_id, "doc_b": d.b.doc_id, "quote_b": d.b.quote_id,
                         "text_a": d.a.text, "text_b": d.b.text, "_key": (d.b.doc_id, d.b.start, k)})
    rows.sort(key=lambda r: (str(r["variant_id"]), r["_key"]))
    return rows
