"""Fit the drift aligner's weights (quoteframe/aligner.json) on MultiMWA-MTRef train sure links.

MTRef has no licence, so it is never shipped: point this script at your own copy. The weights are
plain numbers, one per feature of quoteframe.align.FEATURES; the threshold is the probability that
maximises F1 on train, pooled with dev when ``--tune`` gives it (the issue allows tuning on both; recall
is counted against all sure links, candidates or not). Check on dev with
``quoteframe evaluate seeds/ --mtref DIR --split dev``. Usage:

    python scripts/train_aligner.py ~/data/mtref/mtref-train.tsv --tune ~/data/mtref/mtref-dev.tsv --with-wordnet
"""

from __future__ import annotations

import argparse
import json
import sys
from functools import partial
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quoteframe.align import FEATURES, AlignModel, WordAligner, anchors, features  # noqa: E402
from quoteframe.mtref import _rendering, load_pairs  # noqa: E402
from quoteframe.variants import Normaliser, _keys  # noqa: E402
from quoteframe.wordnet import WordNet  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("train", type=Path)
    ap.add_argument("--tune", type=Path, action="append", default=[],
                    help="more MTRef files (dev) pooled with train to choose the threshold; weights use train only")
    ap.add_argument("--with-wordnet", action="store_true", help="synonym keys from WordNet while fitting")
    ap.add_argument("--out", type=Path, default=ROOT / "quoteframe" / "aligner.json")
    args = ap.parse_args()
    norm = Normaliser(WordNet(enabled=args.with_wordnet))
    keys = partial(_keys, norm=norm)
    train = load_pairs(args.train)
    rows_all: list[list[float]] = []
    labels: list[bool] = []
    for p in train:  # both directions, so the weights do not depend on which rendering comes first
        a, b = _rendering(p.a, norm), _rendering(p.b, norm)
        ka, kb = keys(a, b)
        found = anchors(ka, kb)
        pairs, rows = features(a, b, ka, kb, found)
        rows_all.extend(rows)
        labels.extend(pair in p.sure for pair in pairs)
        pairs, rows = features(b, a, kb, ka, {(j, i) for i, j in found})
        rows_all.extend(rows)
        labels.extend((i, j) in p.sure for j, i in pairs)
    Xa, ya = np.array(rows_all), np.array(labels)
    clf = LogisticRegression(max_iter=5000, C=1.0).fit(Xa, ya)
    aligner = WordAligner(keys, AlignModel(tuple(float(x) for x in clf.coef_[0]), float(clf.intercept_[0]), 0.5))
    logits: list[float] = []
    gold: list[bool] = []
    n_sure = 0
    for p in train + [q for extra in args.tune for q in load_pairs(extra)]:
        sc = aligner.scores(_rendering(p.a, norm), _rendering(p.b, norm))
        logits.extend(sc.values())
        gold.extend(pair in p.sure for pair in sc)
        n_sure += len(p.sure)
    prob = 1.0 / (1.0 + np.exp(-np.array(logits)))
    y_all = np.array(gold)
    best = (0.0, 0.5)
    for t in np.arange(0.2, 0.8, 0.025):
        sel = prob >= t
        c = int((sel & y_all).sum())
        f1 = 2 * c / (int(sel.sum()) + n_sure)
        best = max(best, (f1, round(float(t), 3)))
    print(f"fitted on {args.train} ({len(ya)} candidate pairs, both directions); threshold chosen on "
          f"{1 + len(args.tune)} file(s): F1 {best[0]:.4f} at probability {best[1]}")
    fitted_on = "MultiMWA-MTRef train sure links; threshold on train" + (" and dev" if args.tune else "")
    args.out.write_text(json.dumps({"features": FEATURES, "weights": [round(float(w), 6) for w in clf.coef_[0]],
                                    "bias": round(float(clf.intercept_[0]), 6), "threshold": best[1],
                                    "fitted_on": fitted_on}, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
