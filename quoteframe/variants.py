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

import difflib
import hashlib
import heapq
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import TypeVar

import numpy as np
from nltk.stem.porter import PorterStemmer
from scipy import sparse
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

from quoteframe.align import WordAligner
from quoteframe.errors import QuoteframeError
from quoteframe.records import Quote
from quoteframe.segment import Segmenter
from quoteframe.wordnet import WordNet

VARIANT_COLUMNS = ["variant_id", "doc_id", "outlet", "quote_id", "speaker", "start", "end", "text", "similarity", "drift"]
SUMMARY_COLUMNS = ["variant_id", "speaker", "outlets", "renderings", "representative", "min_similarity", "drift_terms"]
DRIFT_COLUMNS = ["variant_id", "outlet_a", "outlet_b", "a_words", "b_words", "op"]
WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
CLAUSE_RE = re.compile(r"(?:;\s+|,\s+(?=(?:and|but|so|while|whereas)\s))")

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
    max_posting: int = 40  # a longer posting is paired as a sorted neighbourhood of this width
    member_check: int = 5  # full members (the root, then the longest) a new full rendering must be near
    near_duplicate: float = 0.8
    merge: bool = True  # merge two clusters of one remark by average linkage after attaching
    min_shared: int = 2  # words (stem or WordNet synonym) a full rendering shares with the root
    best_match: bool = True  # a rendering closer to one not yet clustered founds its own remark
    best_margin: float = 0.05  # this close to the root, a rendering is close to its members too


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


@dataclass
class VariantGroup:
    """A remark: its renderings, root and most central rendering, and the drift between them."""

    variant_id: str
    speaker: str
    members: list[Rendering]
    central: Rendering
    min_similarity: float
    drift: list[tuple[Rendering, str, str, str]]  # (rendering, central words, rendering words, op)


class Normaliser:
    """Words, stems and synonym keys, cached: the same word is normalised once per run."""

    def __init__(self, wordnet: WordNet) -> None:
        self.stemmer = PorterStemmer()
        self.wordnet = wordnet
        self._stem: dict[str, str] = {}

    def stem(self, word: str) -> str:
        s = self._stem.get(word)
        if s is None:
            s = self._stem[word] = self.stemmer.stem(word)
        return s

    def block_keys(self, r: Rendering, feats: list[str]) -> list[str]:
        """Blocking keys: the features plus stem bigrams, so that function-word-heavy remarks
        ("and this will be done shortly") still meet their other renderings."""
        return feats + [f"{a}_{b}" for a, b in zip(r.stems, r.stems[1:])]

    def features(self, r: Rendering) -> list[str]:
        feats = [s for w, s in zip(r.words, r.stems) if w not in ENGLISH_STOP_WORDS]
        if self.wordnet.available:
            for w in r.words:
                if w not in ENGLISH_STOP_WORDS and len(w) > 2:
                    feats.extend("~" + k for k in self.wordnet.keys(w))
        return feats


def segment_quotes(quotes: Iterable[Quote], seg: Segmenter, norm: Normaliser, params: LinkParams) -> list[Rendering]:
    """Cut attributed quotations into sentence/clause renderings with absolute offsets."""
    out: list[Rendering] = []
    for q in quotes:
        if q.kind == "scare":
            continue
        doc = q.text
        for s, e in seg.sentences(doc, 0, len(doc)):
            pieces = _clauses(doc, s, e)
            for ps, pe in pieces:
                text = doc[ps:pe]
                lead = len(text) - len(text.lstrip())
                text = text.strip()
                words = [w.lower().replace("’", "'") for w in WORD_RE.findall(text)]
                if len(words) < params.min_words:
                    continue
                r = Rendering(q.doc_id, q.outlet, q.quote_id, q.speaker, q.start + ps + lead, q.start + ps + lead + len(text), text)
                r.words = words
                r.stems = [norm.stem(w) for w in words]
                r.partial = q.kind == "partial"
                out.append(r)
    return out


def _clauses(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Split a long sentence at ``, and``-type and ``;`` boundaries when both sides have four words."""
    cuts = [m.end() for m in CLAUSE_RE.finditer(text, s, e)]
    pieces: list[tuple[int, int]] = []
    start = s
    for c in cuts:
        if len(text[start:c].split()) >= 4 and len(text[c:e].split()) >= 4:
            pieces.append((start, c))
            start = c
    pieces.append((start, e))
    return pieces


def _weights(rs: Sequence[Rendering], norm: Normaliser) -> tuple[sparse.csr_matrix, sparse.csr_matrix, list[list[str]]]:
    """Word TF-IDF (for centrality) and the similarity matrix: word and character TF-IDF side by side,
    each scaled by 1/sqrt(2), so that one dot product of two rows is the mean of the two cosines."""
    feats = [norm.features(r) for r in rs]
    stems = [r.stems for r in rs]
    word_vec = TfidfVectorizer(analyzer=lambda x: x, sublinear_tf=True, norm="l2")
    W = word_vec.fit_transform(stems) if any(stems) else sparse.csr_matrix((len(rs), 1))
    char_vec = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, lowercase=True)
    C = char_vec.fit_transform([r.text for r in rs])
    M = sparse.hstack([W, C], format="csr") * np.sqrt(0.5)
    return sparse.csr_matrix(W), sparse.csr_matrix(M), feats


def candidate_pairs(rs: Sequence[Rendering], feats: list[list[str]], params: LinkParams) -> np.ndarray:
    """Pairs (i, j), i < j, of one speaker's renderings that share one of their rarest features.

    Every rendering is indexed under its features; only keys that are among some rendering's
    ``top_keys`` rarest are used. A key with more than ``max_posting`` renderings is handled as a sorted
    neighbourhood (each rendering paired with the next ``max_posting`` ones), so the number of pairs is
    at most n * top_keys * max_posting: linear in n for fixed parameters.
    """
    by_speaker: dict[str, dict[str, list[int]]] = {}
    distinct = [set(f) for f in feats]
    for i, (r, fs) in enumerate(zip(rs, distinct)):
        post = by_speaker.setdefault(r.speaker, {})
        for k in fs:
            if k in post:
                post[k].append(i)
            else:
                post[k] = [i]
    query: set[tuple[str, str]] = set()
    for r, fs in zip(rs, distinct):
        post = by_speaker[r.speaker]
        shared = [(len(post[k]), k) for k in fs if len(post[k]) > 1]
        query.update((r.speaker, k) for _, k in heapq.nsmallest(params.top_keys, shared))
    # postings list renderings in index order already
    groups = [by_speaker[sp][k] for sp, k in sorted(query)]
    if not groups:
        return np.zeros((0, 2), dtype=np.int64)
    # all postings end to end; the pairs within a posting at distance d are one vectorised step per d
    ids = np.fromiter((i for g in groups for i in g), dtype=np.int64)
    lengths = np.array([len(g) for g in groups], dtype=np.int64)
    starts = np.repeat(np.cumsum(lengths) - lengths, lengths)
    left = np.repeat(lengths, lengths) - (np.arange(len(ids)) - starts) - 1  # entries after this one
    n_all = len(rs)
    codes = []
    for d in range(1, params.max_posting + 1):
        at = np.flatnonzero(left >= d)
        if not len(at):
            break
        codes.append(ids[at] * n_all + ids[at + d])
    flat = np.sort(np.concatenate(codes))
    uniq = flat[np.concatenate(([True], flat[1:] != flat[:-1]))]
    return np.stack([uniq // n_all, uniq % n_all], axis=1)


class RowDots:
    """Dot products of rows of a CSR matrix with one query row, held dense in a scratch vector.

    Linking asks for the similarity of each new rendering to a few members of each nearby cluster;
    scattering the query once and gathering each member's entries is a few microseconds a pair."""

    def __init__(self, M: sparse.csr_matrix) -> None:
        M.sum_duplicates()
        self.M = M
        self.buf = np.zeros(M.shape[1])
        self.query = -1

    def __call__(self, k: int, m: int) -> float:
        M = self.M
        if k != self.query:
            if self.query >= 0:
                self.buf[M.indices[M.indptr[self.query]:M.indptr[self.query + 1]]] = 0.0
            lo, hi = M.indptr[k], M.indptr[k + 1]
            self.buf[M.indices[lo:hi]] = M.data[lo:hi]
            self.query = k
        lo, hi = M.indptr[m], M.indptr[m + 1]
        return float(self.buf[M.indices[lo:hi]] @ M.data[lo:hi])


def _chunk_similarity(M: sparse.csr_matrix, pairs: np.ndarray) -> np.ndarray:
    return np.asarray(M[pairs[:, 0]].multiply(M[pairs[:, 1]]).sum(axis=1)).ravel()


def _similarity_in_worker(pairs: np.ndarray) -> np.ndarray:
    M = _WORKER["M"]
    assert isinstance(M, sparse.csr_matrix)
    return _chunk_similarity(M, pairs)


def pair_similarity(M: sparse.csr_matrix, pairs: np.ndarray, chunk: int = 200_000, jobs: int = 1) -> np.ndarray:
    """Mean of word and character cosines for each pair (a row dot product of ``M``), in bounded chunks
    (in forked processes with ``jobs > 1``; the chunks and so the sums are the same either way)."""
    chunks = [pairs[s:s + chunk] for s in range(0, len(pairs), chunk)]
    if not chunks:
        return np.zeros(0)
    if jobs <= 1 or len(chunks) < 2:
        return np.concatenate([_chunk_similarity(M, c) for c in chunks])
    return np.concatenate(_forked_map(_similarity_in_worker, chunks, jobs, {"M": M}))


def containment(short: Rendering, long: Rendering, idf: dict[str, float]) -> float:
    """IDF-weighted share of the shorter rendering's content stems found, in order, in the longer one.

    Order matters: a partial quotation is a fragment of the sentence it comes from, so its words are a
    subsequence of that sentence's (longest common subsequence, weighted by IDF).
    """
    a = [s for w, s in zip(short.words, short.stems) if w not in ENGLISH_STOP_WORDS] or short.stems
    b = long.stems
    total = sum(idf.get(s, 1.0) for s in a)
    if not total:
        return 0.0
    prev = [0.0] * (len(b) + 1)
    for x in a:
        cur = [0.0] * (len(b) + 1)
        wx = idf.get(x, 1.0)
        for j, y in enumerate(b, 1):
            cur[j] = prev[j - 1] + wx if x == y else max(prev[j], cur[j - 1])
        prev = cur
    return prev[-1] / total


def _word_keys(r: Rendering, norm: Normaliser) -> dict[str, set[str]]:
    """Each distinct word's stem, with WordNet synonym keys for content words: for counting shared words."""
    out: dict[str, set[str]] = {}
    for w, st in zip(r.words, r.stems):
        if w not in out:
            keys = {st}
            if norm.wordnet.available and len(w) > 2 and w not in ENGLISH_STOP_WORDS:
                keys.update("~" + k for k in norm.wordnet.keys(w))
            out[w] = keys
    return out


@dataclass
class Linked:
    """Clusters of renderings, with the weights they were linked by (kept for centrality and similarity)."""

    clusters: list[list[int]]  # indices into the renderings, two or more each
    W: sparse.csr_matrix  # word TF-IDF of the distinct renderings
    M: sparse.csr_matrix  # word and character TF-IDF side by side: row dot products are similarities
    row: list[int]  # rendering index -> its row in W and M (wire copies share one)


def link(rs: list[Rendering], norm: Normaliser, params: LinkParams | None = None) -> list[list[int]]:
    """Cluster renderings into remarks; return clusters (indices into ``rs``) of two or more."""
    return link_weighted(rs, norm, params).clusters


def link_weighted(rs: list[Rendering], norm: Normaliser, params: LinkParams | None = None, jobs: int = 1,
                  min_parallel: int = 5000) -> Linked:
    """Cluster renderings into remarks, keeping the weights.

    Exact duplicates (same speaker, same stems: wire copies) are folded first; the rest are linked
    through candidate pairs held in a sparse matrix, so memory grows with the number of pairs.
    """
    params = params or LinkParams()
    if len(rs) < 2:
        empty = sparse.csr_matrix((len(rs), 1))
        return Linked([], empty, empty, list(range(len(rs))))
    rep_of: dict[tuple[str, str], int] = {}
    dup_of: list[int] = []
    uniq: list[int] = []
    for i, r in enumerate(rs):
        key = (r.speaker, " ".join(r.stems))
        if key not in rep_of:
            rep_of[key] = len(uniq)
            uniq.append(i)
        dup_of.append(rep_of[key])
    us = [rs[i] for i in uniq]
    W, M, feats = _weights(us, norm)
    pairs = candidate_pairs(us, [norm.block_keys(r, f) for r, f in zip(us, feats)], params)
    sims = pair_similarity(M, pairs, jobs=jobs)
    n = len(us)
    S = sparse.coo_matrix((np.concatenate([sims, sims]), (np.concatenate([pairs[:, 0], pairs[:, 1]]),
                           np.concatenate([pairs[:, 1], pairs[:, 0]]))), shape=(n, n)).tocsr()
    df: dict[str, int] = defaultdict(int)
    for r in us:
        for st in set(r.stems):
            df[st] += 1
    idf = {st: float(np.log((1 + n) / (1 + d)) + 1) for st, d in df.items()}
    state = _LinkState(us, S, sims, pairs, M, [_word_keys(r, norm) for r in us], idf, params)
    order = sorted(range(n), key=lambda k: (-len(us[k].words), us[k].doc_id, us[k].start))
    by_speaker: dict[str, list[int]] = defaultdict(list)
    for k in order:
        by_speaker[us[k].speaker].append(k)
    rank_of = {k: pos for pos, k in enumerate(order)}
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
    copies: dict[int, list[int]] = defaultdict(list)
    for i, u in enumerate(dup_of):
        copies[u].append(i)
        if i != uniq[u]:
            rs[i].similarity = rs[uniq[u]].similarity
    found.sort(key=lambda rc: rank_of[rc[0]])
    out = [sorted(i for u in ms for i in copies[u]) for _, ms in found]
    return Linked([c for c in out if len(c) >= 2], W, M, dup_of)


@dataclass
class _LinkState:
    """What clustering reads: renderings, candidate similarities and the data of the checks."""

    us: list[Rendering]
    S: sparse.csr_matrix  # candidate pair similarities, both directions
    sims: np.ndarray  # the same, one per candidate pair
    pairs: np.ndarray
    M: sparse.csr_matrix
    content: list[dict[str, set[str]]]
    idf: dict[str, float]
    params: LinkParams


def _cluster_in_worker(order: list[int]) -> tuple[list[tuple[int, list[int]]], dict[int, float]]:
    state = _WORKER["link"]
    assert isinstance(state, _LinkState)
    return _cluster(state, order)


def _cluster(state: _LinkState, order: list[int]) -> tuple[list[tuple[int, list[int]]], dict[int, float]]:
    """Cluster the renderings ``order`` (whole speakers, longest first): each joins one cluster at most,
    then split remarks are merged. Returns (root, members) of every cluster and the similarity with
    which each attached rendering joined."""
    us, S, sims, pairs, content, idf, params = (state.us, state.S, state.sims, state.pairs, state.content,
                                                state.idf, state.params)
    extra: dict[tuple[int, int], float] = {}
    dots = RowDots(state.M)

    def sim_of(k: int, m: int, row: dict[int, float]) -> float:
        if m in row:
            return row[m]
        if (k, m) not in extra:
            extra[(k, m)] = dots(k, m)
        return extra[(k, m)]

    def evidence(k: int, m: int) -> bool:
        """A remark is more than one shared word: "terrorist attacks" is not "terrorist bandits"."""
        short, other = (content[k], content[m]) if len(content[k]) <= len(content[m]) else (content[m], content[k])
        keys_other = set().union(*other.values()) if other else set()
        shared = sum(1 for keys in short.values() if keys & keys_other)
        return shared >= min(params.min_shared, len(short))

    cluster_of: dict[int, int] = {}
    roots: list[int] = []
    members: list[list[int]] = []
    full: list[list[int]] = []
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
            root = roots[cid]
            score = 0.0
            if not us[k].partial or len(us[k].words) >= params.fragment * len(us[root].words):
                # average linkage over the root and the first full members: the mean must reach
                # the threshold and none may fall below the floor (no chains, no stars)
                sims_c = [sim_of(k, m, row) for m in full[cid][: params.member_check]]
                score = sum(sims_c) / len(sims_c)
                floor = params.threshold * params.member_floor
                if score < params.threshold or (sims_c[0] < params.near_duplicate and min(sims_c) < floor):
                    score = 0.0
                elif not evidence(k, root):
                    score = 0.0
            else:
                for m in near[cid]:  # a fragment must be contained in a member it was paired with
                    if len(us[k].words) < len(us[m].words):
                        c = containment(us[k], us[m], idf)
                        if c >= params.containment or (c >= params.containment_long and len(us[k].words) >= 5):
                            score = max(score, c)
            if score and (best is None or score > best[0]):
                best = (score, cid)
        if best is None:
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
    # a remark split between two clusters (its renderings reached different roots first) is merged
    # when the clusters agree on average over their full members: average, not single, linkage
    merged = list(range(len(roots)))

    def head(c: int) -> int:
        while merged[c] != c:
            merged[c] = merged[merged[c]]
            c = merged[c]
        return c

    mine = np.zeros(len(us), dtype=bool)
    mine[order] = True
    strong = np.flatnonzero((sims >= params.threshold) & mine[pairs[:, 0]]) if params.merge else np.zeros(0, dtype=np.int64)
    version = [0] * len(roots)  # bumped when a cluster grows: a rejection holds until then
    rejected: set[tuple[int, int, int, int]] = set()
    for p in strong[np.lexsort((strong, -sims[strong]))].tolist():
        a, b = head(cluster_of[int(pairs[p, 0])]), head(cluster_of[int(pairs[p, 1])])
        if a == b:
            continue
        seen = (min(a, b), max(a, b), version[min(a, b)], version[max(a, b)])
        if seen in rejected:  # many strong pairs join the same two clusters: test them once
            continue
        fa, fb = full[a][: params.member_check], full[b][: params.member_check]
        cross = [sim_of(x, y, {}) for x in fa for y in fb]
        floor = params.threshold * params.member_floor
        if sum(cross) / len(cross) >= params.threshold and min(cross) >= floor and evidence(roots[a], roots[b]):
            lo_c, hi_c = min(a, b), max(a, b)
            merged[hi_c] = lo_c
            version[lo_c] += 1
            full[lo_c] = sorted(full[lo_c] + full[hi_c], key=lambda k: (-len(us[k].words), us[k].doc_id, us[k].start))
        else:
            rejected.add(seen)
    groups: dict[int, list[int]] = defaultdict(list)
    for k in order:
        groups[head(cluster_of[k])].append(k)
    return [(roots[c], ks) for c, ks in groups.items()], similarity


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


def _central(members: list[Rendering], rows: list[int], W: sparse.csr_matrix, fragment: float) -> int:
    """The medoid of the full renderings: fragments (partial quotations) are never central."""
    longest = max(len(m.words) for m in members)
    full = [k for k, m in enumerate(members) if len(m.words) >= fragment * longest]
    sub = W[[rows[k] for k in full]]
    scores = (sub @ sub.T).toarray().sum(axis=1)
    best = max(range(len(full)), key=lambda k: (scores[k], len(members[full[k]].words), -k))
    return full[best]


DriftTask = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...], bool]
_WORKER: dict[str, object] = {}  # what a forked worker process works with, set by its initializer


def _init_worker(state: dict[str, object]) -> None:
    _WORKER.clear()
    _WORKER.update(state)
    norm = state.get("norm")
    if isinstance(norm, Normaliser):
        norm.wordnet.after_fork()


def _forked_map(fn: Callable[[T], R], items: list[T], jobs: int, state: dict[str, object]) -> list[R]:
    """``fn`` over ``items`` in forked processes that inherit ``state`` (not pickled), results in order."""
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    # an executor, not a multiprocessing.Pool: a worker that dies (out of memory on a large corpus) breaks it,
    # where a Pool would start a new worker and wait for the lost task for ever
    with ProcessPoolExecutor(jobs, mp_context=ctx, initializer=_init_worker, initargs=(state,)) as pool:
        try:
            return list(pool.map(fn, items))
        except BrokenProcessPool as exc:
            raise QuoteframeError("a worker process died while linking variants (out of memory?); the run "
                                  "stops. Run again with --jobs 1 or on fewer quotations") from exc


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


def find_variants(quotes: Sequence[Quote], params: LinkParams | None = None, wordnet: WordNet | None = None,
                  seg: Segmenter | None = None, jobs: int = 1) -> list[VariantGroup]:
    """Remark groups across the corpus, each with its central rendering and drift, in a stable order."""
    params = params or LinkParams()
    norm = Normaliser(wordnet if wordnet is not None else WordNet())
    rs = segment_quotes(sorted(quotes, key=lambda q: (q.doc_id, q.start)), seg or Segmenter(), norm, params)
    linked = link_weighted(rs, norm, params, jobs)
    if not linked.clusters:
        return []
    W, M, row = linked.W, linked.M, linked.row
    dots = RowDots(M)
    plans: list[tuple[list[Rendering], Rendering, list[Rendering]]] = []
    tasks: list[DriftTask] = []
    for ids in linked.clusters:
        ids = sorted(ids, key=lambda i: (rs[i].doc_id, rs[i].start))
        members = [rs[i] for i in ids]
        c_idx = ids[_central(members, [row[i] for i in ids], W, params.fragment)]
        central = rs[c_idx]
        others = []
        for i, m in zip(ids, members):
            if m is central:
                continue
            m.similarity = dots(row[c_idx], row[i])
            others.append(m)
            fragment = len(m.words) < params.fragment * len(central.words)
            tasks.append((tuple(central.words), tuple(central.stems), tuple(m.words), tuple(m.stems), fragment))
        plans.append((members, central, others))
    ops_of = iter(drift_all(tasks, norm, jobs))
    groups: list[VariantGroup] = []
    for members, central, others in plans:
        drift = [(m, a_words, b_words, op) for m in others for a_words, b_words, op in next(ops_of)]
        key = f"{central.doc_id}:{central.start}:{central.end}"
        vid = "v" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:8]
        groups.append(VariantGroup(vid, central.speaker, members, central,
                                   min((m.similarity for m in others), default=1.0), drift))
    groups.sort(key=lambda g: (g.speaker, g.central.doc_id, g.central.start))
    return groups


def variant_rows(groups: Sequence[VariantGroup]) -> list[dict[str, object]]:
    rows = []
    for g in groups:
        for m in g.members:
            drift = "; ".join(f"{a or '∅'} → {b or '∅'}" for r, a, b, _ in g.drift if r is m)
            rows.append({"variant_id": g.variant_id, "doc_id": m.doc_id, "outlet": m.outlet, "quote_id": m.quote_id,
                         "speaker": m.speaker, "start": m.start, "end": m.end, "text": m.text,
                         "similarity": 1.0 if m is g.central else m.similarity, "drift": drift})
    return rows


def summary_rows(groups: Sequence[VariantGroup]) -> list[dict[str, object]]:
    rows = []
    for g in groups:
        terms = sorted({f"{a} → {b}" for _, a, b, op in g.drift if op == "substitute"})
        rows.append({"variant_id": g.variant_id, "speaker": g.speaker,
                     "outlets": "; ".join(sorted({m.outlet for m in g.members})), "renderings": len(g.members),
                     "representative": g.central.text, "min_similarity": g.min_similarity,
                     "drift_terms": "; ".join(terms)})
    return rows


def drift_rows(groups: Sequence[VariantGroup]) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for g in groups:
        for m, a, b, op in g.drift:
            rows.append({"variant_id": g.variant_id, "outlet_a": g.central.outlet, "outlet_b": m.outlet,
                         "a_words": a, "b_words": b, "op": op, "_key": (m.doc_id, m.start)})
    rows.sort(key=lambda r: (str(r["variant_id"]), r["_key"]))
    return rows
