"""Check that ``FastPunkt.spans`` gives nltk's Punkt spans on every line of the given corpora.

Attribution splits single paragraphs (lines) after curly quotes are straightened, so every line is
checked both as written and straightened, against ``PunktSentenceTokenizer(params).span_tokenize``.
Usage: python scripts/check_punkt.py CORPUS [CORPUS ...]
"""

from __future__ import annotations

import sys

from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from quoteframe.corpus import read_corpus
from quoteframe.punkt import FastPunkt
from quoteframe.records import Document
from quoteframe.segment import ABBREVIATIONS, QUOTE_NORMALISE


def main(paths: list[str]) -> int:
    params = PunktParameters()
    params.abbrev_types = set(ABBREVIATIONS)
    reference, fast = PunktSentenceTokenizer(params), FastPunkt(params)
    checked = failed = 0
    for item in read_corpus(paths):
        if not isinstance(item, Document):
            continue
        lines = item.text.split("\n")
        for line in {*lines, *(ln.translate(QUOTE_NORMALISE) for ln in lines), item.text}:
            checked += 1
            want = list(reference.span_tokenize(line))
            if fast.spans(line) != want or list(fast.span_tokenize(line)) != want:
                failed += 1
                print(f"MISMATCH in {item.doc_id}: {line[:120]!r}")
    print(f"{checked} texts checked, {failed} mismatches")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
