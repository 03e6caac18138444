"""Word alignment of two renderings of one remark, and the drift between them as phrases.

Anchors come first: stems (and WordNet synonyms) matched in order by difflib, then words left over
once on each side with the same stem (reordering). Every other candidate pair of words is then scored
by a logistic model over features a translation aligner needs: same stem or synonym, spelling
similarity (names transliterated two ways, inflections the stemmer misses), function words and
punctuation, distance from the position the neighbouring anchors predict, the shape of the gap it
sits in, and whether its diagonal neighbours are aligned. The weights are data
(``aligner.json``), fitted on MultiMWA-MTRef train sure links by ``scripts/train_aligner.py``;
nothing of MTRef itself is shipped.

Drift is read off the links: identical stems aligned in order split both renderings into segments,
and each segment that differs is one substitution, insertion or deletion of a phrase, so
"shoot and kill" / "open fire to kill" reads as ``shoot and → open fire to``.
"""

from __future__ import annotations

import bisect
import difflib
import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from typing import Protocol

import numpy as np
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

FEATURES = ["anchor", "a_linked", "b_linked", "same_key", "same_word", "spelling", "stop_a", "stop_b", "punct_a",
            "punct_b", "both_stop", "distance", "on_diagonal", "near_1", "near_2", "prev_linked", "next_linked",
            "gap_a", "gap_b", "relative_position", "between_links", "both_free", "free_on_diagonal", "one_to_one_gap",
            "equal_gap", "small_gap", "stop_on_diagonal", "lexical_near", "both_neighbours", "repeated", "nearest_same",
            "neighbour_tie"]
MAX_DISTANCE = 4.0  # candidate pairs further than this from the predicted position need a lexical tie


class Words(Protocol):
    words: list[str]
    stems: list[str]


class KeyFn(Protocol):
    def __call__(self, a: Words, b: Words) -> tuple[list[str], list[str]]: ...


@dataclass(frozen=True)
class AlignModel:
    """Logistic weights over ``FEATURES`` and the probability a link needs."""

    weights: tuple[float, ...]
    bias: float
    threshold: float

    @classmethod
    def load(cls) -> AlignModel:
        data = json.loads(resources.files("quoteframe").joinpath("aligner.json").read_text(encoding="utf-8"))
        if data["features"] != FEATURES:
            raise ValueError("aligner.json was fitted on other features: run scripts/train_aligner.py")
        return cls(tuple(data["weights"]), float(data["bias"]), float(data["threshold"]))


def spelling(x: str, y: str) -> float:
    """How alike two content words are spelt: shared prefix (inflection) or edit ratio (transliteration)."""
    if x == y:
        return 1.0
    if len(x) < 3 or len(y) < 3 or x in ENGLISH_STOP_WORDS or y in ENGLISH_STOP_WORDS:
        return 0.0
    n = 0
    for c1, c2 in zip(x, y):
        if c1 != c2:
            break
        n += 1
    if n >= 4 or (n >= 3 and n >= min(len(x), len(y)) - 1):
        return 0.9
    matcher = difflib.SequenceMatcher(None, x, y, autojunk=False)
    if matcher.real_quick_ratio() < 0.6 or matcher.quick_ratio() < 0.6:  # upper bounds of ratio(), cheap
        return 0.0
    r = matcher.ratio()
    return r if r >= 0.6 else 0.0


def anchors(ka: list[str], kb: list[str]) -> set[tuple[int, int]]:
    """Keys matched in order (difflib), then keys left once on each side (reordered words)."""
    links: set[tuple[int, int]] = set()
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, ka, kb, autojunk=False).get_opcodes():
        if tag == "equal":
            links.update(zip(range(i1, i2), range(j1, j2)))
    used_a = {i for i, _ in links}
    used_b = {j for _, j in links}
    left_b: dict[str, list[int]] = {}
    for j, k in enumerate(kb):
        if j not in used_b:
            left_b.setdefault(k, []).append(j)
    for i, k in enumerate(ka):
        js = left_b.get(k, [])
        if i not in used_a and len(js) == 1 and ka.count(k) == 1:
            links.add((i, js[0]))
    return links


def _interactions(r: list[float]) -> list[float]:
    """Products a linear model cannot form itself (gap shape with position, ties with position)."""
    free = (1.0 - r[1]) * (1.0 - r[2])
    return [free, free * r[13], float(r[17] == 1 and r[18] == 1), float(r[17] == r[18] and r[17] > 0),
            float(0 < max(r[17], r[18]) <= 4), r[10] * r[13], max(r[3], r[5]) * r[14], r[15] * r[16]]


def _content(word: str) -> bool:
    """Words ``spelling`` can find alike: three letters or more and not a function word."""
    return len(word) >= 3 and word not in ENGLISH_STOP_WORDS


def features(a: Words, b: Words, ka: list[str], kb: list[str], links: set[tuple[int, int]],
             spell: Callable[[str, str], float] = spelling,
             skip: frozenset[tuple[int, int]] = frozenset()) -> tuple[list[tuple[int, int]], list[list[float]]]:
    """Candidate pairs and their feature rows: anchors, lexical ties, and pairs near the predicted diagonal.

    ``spell`` is ``spelling`` or a memo of it: the same word pairs recur across a corpus's renderings.
    Pairs in ``skip`` (links already certain) get no row."""
    pairs, rows = feature_matrix(a, b, ka, kb, links, spell, skip)
    return pairs, rows.tolist()


def feature_matrix(a: Words, b: Words, ka: list[str], kb: list[str], links: set[tuple[int, int]],
                   spell: Callable[[str, str], float] = spelling,
                   skip: frozenset[tuple[int, int]] = frozenset()) -> tuple[list[tuple[int, int]], np.ndarray]:
    """``features`` as one array, a row per pair: the candidates are found word by word, the columns are
    computed for all pairs at once (the same values a row at a time gives)."""
    m, n = len(ka), len(kb)
    content_b = [j for j, w in enumerate(b.words) if _content(w)]
    by_word: dict[str, list[int]] = {}
    for j, w in enumerate(b.words):
        by_word.setdefault(w, []).append(j)
    srt = sorted(links)
    xs = [x for x, _ in srt]
    a_linked = {i for i, _ in links}
    b_linked = {j for _, j in links}
    free_b = [j for j in content_b if j not in b_linked]
    free_all = [j for j in range(n) if j not in b_linked]
    by_key: dict[str, list[int]] = {}
    for j, k in enumerate(kb):
        by_key.setdefault(k, []).append(j)
    count_a: dict[str, int] = {}
    for k in ka:
        count_a[k] = count_a.get(k, 0) + 1
    # per word of a: where b's word is expected, the gap it sits in, its nearest same key
    exp_i: list[float] = []
    gap_i: list[tuple[float, float]] = []
    between_i: list[bool] = []
    nearest_i: list[int] = []
    repeated_i: list[bool] = []
    ii: list[int] = []
    jj: list[int] = []
    for i in range(m):
        p = bisect.bisect_left(xs, i)
        left = srt[p - 1] if p > 0 else (-1, -1)
        q = bisect.bisect_right(xs, i)
        right = srt[q] if q < len(srt) else (m, n)
        between_i.append(left[0] < i < right[0])
        if right[1] > left[1] and right[0] > left[0]:
            expected = left[1] + (i - left[0]) * (right[1] - left[1]) / (right[0] - left[0])
            gap_a, gap_b = right[0] - left[0] - 1, right[1] - left[1] - 1
        else:  # crossed anchors: fall back on the relative position
            expected, gap_a, gap_b = i * n / m, 0, 0
        exp_i.append(expected)
        gap_i.append((float(min(gap_a, 8)), float(min(gap_b, 8))))
        wa = a.words[i]
        i_linked = i in a_linked
        lo_j, hi_j = max(0, math.ceil(expected - MAX_DISTANCE)), min(n, math.floor(expected + MAX_DISTANCE) + 1)
        if i_linked:
            # both words anchored elsewhere is never a link (0 of 13,270 MTRef dev links): an anchored
            # word is paired with its anchor and with free words only
            near = {j for j in by_key.get(ka[i], ()) if j not in b_linked or (i, j) in links}
            near.update(free_all[bisect.bisect_left(free_all, lo_j):bisect.bisect_left(free_all, hi_j)])
            pool = free_b
        else:
            near = set(by_key.get(ka[i], []))
            near.update(range(lo_j, hi_j))
            pool = content_b
        if wa not in ENGLISH_STOP_WORDS:  # far from the diagonal only a spelling tie makes a candidate
            near.update(j for j in by_word.get(wa, ()) if not i_linked or j not in b_linked)
            if len(wa) >= 3:
                near.update(j for j in pool if j not in near and spell(wa, b.words[j]))
        same_js = by_key.get(ka[i], [])
        nearest_i.append(min(same_js, key=lambda x: (abs(x - expected), x)) if same_js else -1)
        repeated_i.append(count_a[ka[i]] > 1 or len(same_js) > 1)
        js = sorted(near)
        if skip:
            js = [j for j in js if (i, j) not in skip]
        ii.extend([i] * len(js))
        jj.extend(js)
    pairs = list(zip(ii, jj))
    X = np.empty((len(pairs), len(FEATURES)))
    if not pairs:
        return pairs, X
    ia, ja = np.array(ii), np.array(jj)
    ids: dict[str, int] = {}
    key_a = np.array([-1] + [ids.setdefault(k, len(ids)) for k in ka] + [-2])  # padded: i - 1 and i + 1 exist
    key_b = np.array([-3] + [ids.setdefault(k, len(ids)) for k in kb] + [-4])
    words: dict[str, int] = {}
    word_a = np.array([words.setdefault(w, len(words)) for w in a.words])
    word_b = np.array([words.setdefault(w, len(words)) for w in b.words])
    linked = np.zeros((m + 2, n + 2), dtype=bool)  # padded by one on each side
    if links:
        la, lb = zip(*links)
        linked[np.array(la) + 1, np.array(lb) + 1] = True
    stop_a = np.array([w in ENGLISH_STOP_WORDS for w in a.words])[ia]
    stop_b = np.array([w in ENGLISH_STOP_WORDS for w in b.words])[ja]
    gaps = np.array(gap_i)[ia]
    d = np.abs(ja - np.array(exp_i)[ia])
    X[:, 0] = linked[ia + 1, ja + 1]
    X[:, 1] = np.array([i in a_linked for i in range(m)])[ia]
    X[:, 2] = np.array([j in b_linked for j in range(n)])[ja]
    X[:, 3] = key_a[ia + 1] == key_b[ja + 1]
    X[:, 4] = word_a[ia] == word_b[ja]
    X[:, 5] = [spell(a.words[i], b.words[j]) for i, j in pairs]
    X[:, 6] = stop_a
    X[:, 7] = stop_b
    X[:, 8] = np.array([not w[:1].isalnum() for w in a.words])[ia]
    X[:, 9] = np.array([not w[:1].isalnum() for w in b.words])[ja]
    X[:, 10] = stop_a & stop_b
    X[:, 11] = np.minimum(d, 9.0)
    X[:, 12] = d < 0.5
    X[:, 13] = d < 1.5
    X[:, 14] = d < 2.5
    X[:, 15] = linked[ia, ja]
    X[:, 16] = linked[ia + 2, ja + 2]
    X[:, 17] = gaps[:, 0]
    X[:, 18] = gaps[:, 1]
    X[:, 19] = np.abs(ia / m - ja / n)
    X[:, 20] = np.array(between_i)[ia] & linked[ia, ja] & linked[ia + 2, ja + 2]
    # products a linear model cannot form itself (gap shape with position, ties with position)
    X[:, 21] = (1.0 - X[:, 1]) * (1.0 - X[:, 2])
    X[:, 22] = X[:, 21] * X[:, 13]
    X[:, 23] = (gaps[:, 0] == 1) & (gaps[:, 1] == 1)
    X[:, 24] = (gaps[:, 0] == gaps[:, 1]) & (gaps[:, 0] > 0)
    X[:, 25] = (np.maximum(gaps[:, 0], gaps[:, 1]) > 0) & (np.maximum(gaps[:, 0], gaps[:, 1]) <= 4)
    X[:, 26] = X[:, 10] * X[:, 13]
    X[:, 27] = np.maximum(X[:, 3], X[:, 5]) * X[:, 14]
    X[:, 28] = X[:, 15] * X[:, 16]
    X[:, 29] = np.array(repeated_i)[ia]
    X[:, 30] = (key_a[ia + 1] == key_b[ja + 1]) & (ja == np.array(nearest_i)[ia])
    X[:, 31] = (key_a[ia] == key_b[ja]) | (key_a[ia + 2] == key_b[ja + 2])
    return pairs, X


class WordAligner:
    """Links between the words of two renderings: anchors plus pairs the model finds likely."""

    def __init__(self, keys: KeyFn, model: AlignModel | None = None, memo_size: int = 200_000) -> None:
        self.keys = keys
        self.model = model or AlignModel.load()
        self._weights = np.array(self.model.weights)
        self._spelt: dict[tuple[str, str], float] = {}
        self._memo_size = memo_size

    def _spell(self, x: str, y: str) -> float:
        """``spelling`` remembered: a group's renderings share most words, so pairs recur (bounded memo)."""
        key = (x, y)
        v = self._spelt.get(key)
        if v is None:
            if len(self._spelt) >= self._memo_size:
                self._spelt.clear()
            v = self._spelt[key] = spelling(x, y)
        return v

    def scores(self, a: Words, b: Words, keys: tuple[list[str], list[str]] | None = None) -> dict[tuple[int, int], float]:
        """Log-odds of each candidate link, averaged over both directions (a to b and b to a), as
        statistical aligners symmetrise: a pair one direction never proposes counts as very unlikely."""
        if not a.words or not b.words:
            return {}
        ka, kb = keys or self.keys(a, b)
        found = anchors(ka, kb)
        # an anchor inside a run of anchors is certain: the model never rejected one on MTRef train or
        # dev (9,729 of them, lowest log-odds 3.7 against a cut of -0.6), so it is not scored
        inside = frozenset((i, j) for i, j in found if (i - 1, j - 1) in found and (i + 1, j + 1) in found)

        def one_way(x: Words, y: Words, kx: list[str], ky: list[str], links: set[tuple[int, int]],
                    skip: frozenset[tuple[int, int]]) -> dict[tuple[int, int], float]:
            pairs, rows = feature_matrix(x, y, kx, ky, links, self._spell, skip)
            if not pairs:
                return {}
            logits = rows @ self._weights + self.model.bias
            return dict(zip(pairs, logits.tolist()))

        forward = one_way(a, b, ka, kb, found, inside)
        backward = {(i, j): v for (j, i), v in one_way(b, a, kb, ka, {(j, i) for i, j in found},
                                                        frozenset((j, i) for i, j in inside)).items()}
        low = -20.0
        out = {pair: (forward.get(pair, low) + backward.get(pair, low)) / 2 for pair in forward.keys() | backward.keys()}
        out.update(dict.fromkeys(inside, -low))
        return out

    def links(self, a: Words, b: Words, keys: tuple[list[str], list[str]] | None = None) -> set[tuple[int, int]]:
        cut = self.model.threshold
        logit_cut = math.log(cut / (1.0 - cut))
        return {pair for pair, v in self.scores(a, b, keys).items() if v >= logit_cut}

    def drift(self, a: Words, b: Words) -> list[tuple[str, str, str]]:
        """Differences from ``a`` to ``b`` as phrases: (a_words, b_words, op).

        Segments are cut at words aligned in order with the same stem (the longest increasing chain
        of such links); inside a segment, words aligned to each other with different stems are a
        substitution each (synonyms and spelling variants), and what remains on either side is one phrase."""
        ka, kb = self.keys(a, b)
        links = self.links(a, b, (ka, kb))
        same = sorted((i, j) for i, j in links if a.stems[i] == b.stems[j])
        # inside a segment only lexical ties (WordNet synonyms, spelling variants) cut it further;
        # links by position alone would split "to shoot" / "open fire" into word pairs no one reads
        ties = {(i, j) for i, j in links if ka[i] == kb[j] or self._spell(a.words[i], b.words[j]) > 0}
        chain = _increasing_chain(same)
        ops: list[tuple[str, str, str]] = []
        bounds = [(-1, -1)] + chain + [(len(a.words), len(b.words))]
        for (i0, j0), (i1, j1) in zip(bounds, bounds[1:]):
            seg_a, seg_b = list(range(i0 + 1, i1)), list(range(j0 + 1, j1))
            if seg_a or seg_b:
                ops.extend(_segment_ops(a, b, seg_a, seg_b, ties))
        return ops


def _increasing_chain(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Longest chain of pairs increasing in both coordinates (patience sorting, O(n log n))."""
    tails: list[int] = []
    tail_idx: list[int] = []
    prev = [-1] * len(pairs)
    for k, (_, j) in enumerate(pairs):
        p = bisect.bisect_left(tails, j)
        if p > 0:
            prev[k] = tail_idx[p - 1]
        if p == len(tails):
            tails.append(j)
            tail_idx.append(k)
        else:
            tails[p] = j
            tail_idx[p] = k
    out: list[tuple[int, int]] = []
    k = tail_idx[-1] if tail_idx else -1
    while k >= 0:
        out.append(pairs[k])
        k = prev[k]
    return out[::-1]


def _segment_ops(a: Words, b: Words, seg_a: list[int], seg_b: list[int],
                 links: set[tuple[int, int]]) -> list[tuple[str, str, str]]:
    inner = sorted((i, j) for i, j in links if i in seg_a and j in seg_b and len(seg_a) > 1 and len(seg_b) > 1)
    if not seg_a:
        return [("", " ".join(b.words[j] for j in seg_b), "insert")]
    if not seg_b:
        return [(" ".join(a.words[i] for i in seg_a), "", "delete")]
    one_to_one = [(i, j) for i, j in inner if sum(1 for x, _ in inner if x == i) == 1 and sum(1 for _, y in inner if y == j) == 1]
    chain = _increasing_chain(one_to_one)
    if not chain:
        return [(" ".join(a.words[i] for i in seg_a), " ".join(b.words[j] for j in seg_b), "substitute")]
    ops: list[tuple[str, str, str]] = []
    bounds = [(seg_a[0] - 1, seg_b[0] - 1)] + chain + [(seg_a[-1] + 1, seg_b[-1] + 1)]
    for k, ((i0, j0), (i1, j1)) in enumerate(zip(bounds, bounds[1:])):
        pa, pb = list(range(i0 + 1, i1)), list(range(j0 + 1, j1))
        if pa and pb:
            ops.append((" ".join(a.words[i] for i in pa), " ".join(b.words[j] for j in pb), "substitute"))
        elif pa:
            ops.append((" ".join(a.words[i] for i in pa), "", "delete"))
        elif pb:
            ops.append(("", " ".join(b.words[j] for j in pb), "insert"))
        if k < len(chain):
            i, j = chain[k]
            if a.stems[i] != b.stems[j]:
                ops.append((a.words[i], b.words[j], "substitute"))
    return ops
