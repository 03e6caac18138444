"""What speed costs in accuracy: a regex-only attributor against quoteframe on PolNeAR.

The performance issue asks quotes to run 10x faster than NLTKWordTokenizer; the quotes issue asks
F1 >= 0.85 on PolNeAR dev (direct quotations with the right speaker mention). This script measures
the trade-off between the two with a baseline that does the least work a quotation attributor can
do in Python: per quotation, one anchored regex after the closing mark (``"…," X said`` / ``said
X`` / ``according to X``) and, failing that, one before the opening mark (``X said: "…"``), with the
shipped speech verbs. No tokens, no sentence splitting, no document entities, so no pronoun or
surname is resolved to a person (PolNeAR's score counts the mention only, which flatters the
baseline). Both are scored with the same matcher, and timed against the tokenizer in the same run.

    python scripts/regex_baseline.py /path/to/PolNeAR --split dev

This is a measuring instrument, not part of quoteframe.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quoteframe.evaluate import Score  # noqa: E402
from quoteframe.lexicon import load_lexicons  # noqa: E402
from quoteframe.polnear import Counts, load_split, match_document  # noqa: E402
from quoteframe.quotemarks import find_quote_spans  # noqa: E402
from quoteframe.records import Document, Quote  # noqa: E402

NAME = (r"(?:[A-Z][\w’'\-.]*(?:\s+(?:of\s+|de\s+)?[A-Z][\w’'\-.]*){0,4}|he|she|they|it|we|I"
        r"|(?:the|a|an)\s+(?:[\w\-]+\s+){0,3}[\w\-]+)")


class RegexAttributor:
    """Two compiled patterns per quotation: the cheapest attribution that still reads the cue."""

    def __init__(self) -> None:
        verbs = sorted((w for w, types in load_lexicons().cues.items() if "verb" in types and " " not in w),
                       key=len, reverse=True)
        cue = r"(?:" + "|".join(map(re.escape, verbs)) + r")\b"
        self.after = re.compile(r"[,\s—]*(?:" + cue + r"\s+(?P<a>" + NAME + r")|(?P<b>" + NAME + r")\s+(?:\w+ly\s+)?"
                                + cue + r"|according\s+to\s+(?P<c>" + NAME + r"))")
        self.before = re.compile(r"(?P<d>" + NAME + r")\s*(?:,[^,]{1,60},\s*)?(?:\w+ly\s+)?" + cue
                                 + r"(?:\s+\w+){0,3}?(?:\s+that)?\s*[:,]?\s*$")

    def __call__(self, doc: Document) -> list[Quote]:
        text, out = doc.text, []
        spans, _ = find_quote_spans(text)
        for i, span in enumerate(spans):
            m = self.after.match(text, span.end + 1, min(len(text), span.end + 120))
            group = next((k for k in "abc" if m.group(k) is not None), None) if m else None
            if m is None:
                sentence = max(text.rfind(". ", 0, span.start), text.rfind("\n", 0, span.start), span.start - 200)
                m = self.before.search(text, sentence + 1, max(sentence + 1, span.start - 1))
                group = "d" if m else None
            content = text[span.start:span.end]
            direct = len(content.split()) >= 3 and content[:1].isupper()
            out.append(Quote(doc.doc_id, "", f"q{i}", "direct" if direct else "partial", "", "",
                             m.start(group) if m and group else None, m.end(group) if m and group else None,
                             "", span.start, span.end, content))
        return out


def _score(name: str, attribute: object, data: list, seconds_tok: float, mb: float) -> list[object]:
    t0 = time.perf_counter()
    totals = Counts()
    for doc, gold in data:
        totals += match_document(attribute(doc), gold, doc.text)  # type: ignore[operator]
    elapsed = time.perf_counter() - t0
    mention = Score("", "", totals.gold, totals.predicted, totals.correct, correct_recall=totals.found)
    head = Score("", "", totals.gold, totals.predicted, totals.head, correct_recall=totals.head_found)
    return [name, f"{mb / elapsed:.2f}", f"{seconds_tok / elapsed:.2f}x", f"{mention.precision:.3f}",
            f"{mention.recall:.3f}", f"{mention.f1:.3f}", f"{head.f1:.3f}"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("polnear", type=Path, help="a PolNeAR checkout (or its data/ folder)")
    parser.add_argument("--split", default="dev", choices=["train", "dev"])
    args = parser.parse_args()
    from nltk.tokenize import NLTKWordTokenizer
    from tabulate import tabulate

    from quoteframe.pipeline import Analysis, DocumentAnalyser

    data = load_split(args.polnear, args.split)
    mb = sum(len(doc.text.encode("utf-8")) for doc, _ in data) / 1e6
    tok = NLTKWordTokenizer()
    t0 = time.perf_counter()
    for doc, _ in data:
        for _span in tok.span_tokenize(doc.text):
            pass
    seconds_tok = time.perf_counter() - t0
    analyser = DocumentAnalyser(Analysis())
    rows = [_score("regex baseline", RegexAttributor(), data, seconds_tok, mb),
            _score("quoteframe quotes", lambda doc: analyser(doc).quotes, data, seconds_tok, mb)]
    print(f"PolNeAR {args.split}: {len(data)} articles, {mb:.2f} MB; NLTKWordTokenizer {mb / seconds_tok:.2f} MB/s")
    print(tabulate(rows, headers=["attributor", "MB/s", "vs tokenizer", "P", "R", "F1 (direct + speaker mention)",
                                  "F1 (+ speaker head)"]))


if __name__ == "__main__":
    main()
