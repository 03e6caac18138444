"""Which differences between outlets are beyond chance: log-odds ratios with an informative Dirichlet prior.

Monroe, Colaresi and Quinn (2008), "Fightin' Words", eq. 16-22: for outlet i against all others j,

    delta_w = log((y_iw + a_w) / (n_i + a0 - y_iw - a_w)) - log((y_jw + a_w) / (n_j + a0 - y_jw - a_w))
    var(delta_w) ~ 1 / (y_iw + a_w) + 1 / (y_jw + a_w),   z = delta_w / sqrt(var)

with a_w = a0 * (corpus frequency of w), so rare terms are shrunk towards the corpus rate and a
difference has to be large and frequent to score |z| > 1.96.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping


def fightin_words_z(y_i: int, y_j: int, n_i: int, n_j: int, a_w: float, prior: float) -> float:
    """z of one term for one group: ``y_i`` of the group's ``n_i`` tokens are the term, ``y_j`` of the
    other groups' ``n_j``; ``a_w`` is the term's pseudo-count, ``prior`` a0 (eq. 16-22 above).

    The one place the formula is written, so the frames table and ``--discover`` cannot drift apart.
    A group alone in its corpus (``n_j == 0``) or with no tokens has nothing to differ from: z = 0.
    """
    if n_i <= 0 or n_j <= 0:
        return 0.0
    d = math.log((y_i + a_w) / (n_i + prior - y_i - a_w)) - math.log((y_j + a_w) / (n_j + prior - y_j - a_w))
    return d / math.sqrt(1.0 / (y_i + a_w) + 1.0 / (y_j + a_w))


def log_odds_z(counts: Mapping[str, Counter[str]], totals: Mapping[str, int], prior: float = 1000.0) -> dict[tuple[str, str], float]:
    """z-score of every (group, term): the group against all other groups pooled.

    ``counts[group][term]`` are term counts; ``totals[group]`` the group's number of words (the
    denominator n_i); ``prior`` is a0, the total pseudo-count of the prior.
    """
    corpus_terms: Counter[str] = Counter()
    for c in counts.values():
        corpus_terms.update(c)
    n_total = sum(totals.values()) or 1
    result: dict[tuple[str, str], float] = {}
    for group in sorted(counts):
        n_i = totals.get(group, 0)
        n_j = n_total - n_i
        for term in sorted(corpus_terms):
            a_w = prior * corpus_terms[term] / n_total
            y_i = counts[group].get(term, 0)
            result[(group, term)] = fightin_words_z(y_i, corpus_terms[term] - y_i, n_i, n_j, a_w, prior)
    return result
