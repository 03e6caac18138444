"""Benchmark quotes, frames and variants on corpora of growing size built from real article text.

Each measurement runs in a fresh process (spawned, not forked) so its peak memory is its own. The same
run times nltk's NLTKWordTokenizer over the same text and prints each command's speed as a ratio to it,
so figures compare across machines. Usage:

    python scripts/bench.py                     # seeds, default sizes
    python scripts/bench.py --corpus news.jsonl --sizes 100,400,1600 --quotations 12500,50000,100000
"""

from __future__ import annotations

import argparse
import json
import math
import multiprocessing as mp
import os
import random
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def load_texts(paths: list[str]) -> list[str]:
    from quoteframe.corpus import read_corpus
    from quoteframe.records import Document

    return [d.text for d in read_corpus(paths) if isinstance(d, Document)]


def _peak_mb() -> float:
    """Peak resident memory of this process or of its largest finished worker process."""
    return max(resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)) / 1024.0


def _run(task: str, texts: list[str], n: int, conn: object) -> None:
    docs = [texts[i % len(texts)] for i in range(n)]
    from nltk.tokenize import NLTKWordTokenizer

    from quoteframe.pipeline import Analysis, DocumentAnalyser
    from quoteframe.records import Document

    jobs = (os.cpu_count() or 1) if task.endswith("-jobs") else 1
    analysis = Analysis(frames=task.startswith("frames"))
    analyser = DocumentAnalyser(analysis) if task != "tokenize" and jobs == 1 else None
    tok = NLTKWordTokenizer()
    base_mb = _peak_mb()
    t0 = time.perf_counter()
    if task == "tokenize":
        for text in docs:
            for _ in tok.span_tokenize(text):
                pass
    elif analyser is not None:
        for i, text in enumerate(docs):
            analyser(Document(f"d{i}", text))
    else:  # the CLI's path with --jobs: worker processes, results in input order
        from quoteframe.pipeline import RunReport, analyse_corpus

        items = (Document(f"d{i}", text) for i, text in enumerate(docs))
        for _ in analyse_corpus(items, analysis, RunReport(), lambda _m: None, jobs=jobs):
            pass
    elapsed = time.perf_counter() - t0
    conn.send((elapsed, _peak_mb(), base_mb))  # type: ignore[attr-defined]


def _run_variants(quote_texts: list[tuple[str, str]], n: int, conn: object) -> None:
    from quoteframe.records import Quote
    from quoteframe.variants import find_variants
    from quoteframe.wordnet import WordNet

    rng = random.Random(7)
    vocab = sorted({w for _, t in quote_texts for w in t.split()})
    quotes = []
    n_speakers = max(1, n // 25)
    for i in range(n):
        speaker, text = quote_texts[i % len(quote_texts)]
        words = text.split()
        if len(words) > 3:  # a different rendering: drop a word, swap another
            words.pop(rng.randrange(len(words)))
            words[rng.randrange(len(words))] = rng.choice(vocab)
        who = f"{speaker} {int(rng.paretovariate(1.2)) % n_speakers}"
        t = " ".join(words)
        quotes.append(Quote(f"d{i // 10}", "o", f"q{i}", "direct", who, "", None, None, "", 0, len(t), t))
    base_mb = _peak_mb()
    t0 = time.perf_counter()
    groups = find_variants(quotes, wordnet=WordNet(), jobs=os.cpu_count() or 1)
    elapsed = time.perf_counter() - t0
    conn.send((elapsed, _peak_mb(), base_mb, len(groups)))  # type: ignore[attr-defined]


def measure(target: object, *args: object) -> tuple:
    ctx = mp.get_context("spawn")
    parent, child = ctx.Pipe()
    proc = ctx.Process(target=target, args=(*args, child))
    proc.start()
    result = parent.recv()
    proc.join()
    return result


def exponent(sizes: list[int], times: list[float]) -> list[str]:
    out = [""]
    for (n1, t1), (n2, t2) in zip(zip(sizes, times), zip(sizes[1:], times[1:])):
        out.append(f"{math.log(t2 / t1) / math.log(n2 / n1):.2f}" if t1 > 0 and t2 > 0 else "")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", nargs="*", default=[], help="more real articles (any input quoteframe reads)")
    parser.add_argument("--sizes", default="50,200,800", help="documents per corpus")
    parser.add_argument("--quotations", default="12500,25000,50000,100000", help="quotations for variants")
    parser.add_argument("--out", default=str(ROOT / "bench-out" / "results.json"))
    args = parser.parse_args()
    from tabulate import tabulate

    texts = load_texts([str(ROOT / "seeds"), *args.corpus])
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"machine: {os.cpu_count()} cores; corpus: {len(texts)} real articles, cycled to each size", flush=True)
    rows = []
    results: dict[str, object] = {"cores": os.cpu_count(), "sizes": sizes}
    per_task: dict[str, list[float]] = {}
    cores = os.cpu_count() or 1
    tasks = ["tokenize", "quotes", "frames"] + (["quotes-jobs", "frames-jobs"] if cores > 1 else [])
    for task in tasks:
        times, mems = [], []
        for n in sizes:
            elapsed, peak, base = measure(_run, task, texts, n)
            times.append(elapsed)
            mems.append(peak - base)
        per_task[task] = times
        exps = exponent(sizes, times)
        for n, t, m, e in zip(sizes, times, mems, exps):
            mb = sum(len(texts[i % len(texts)].encode("utf-8")) for i in range(n)) / 1e6
            rows.append([task, n, f"{mb:.2f}", f"{t:.2f}", f"{mb / t:.2f}", f"{n / t:.1f}", f"{m:.0f}", e])
    print(tabulate(rows, headers=["command", "docs", "MB", "seconds", "MB/s", "docs/s", "peak MB (growth)", "exponent"]))
    ratios = []
    for task in tasks[1:]:
        for n, t_tok, t in zip(sizes, per_task["tokenize"], per_task[task]):
            ratios.append([task, n, f"{t_tok / t:.2f}x"])
    print()
    print(tabulate(ratios, headers=["command", "docs", "speed vs NLTKWordTokenizer (one process)"]))
    if cores > 1:
        print(f"(*-jobs: --jobs {cores}, worker processes on all cores; the others and the tokenizer: one process)")
    results["docs"] = rows
    results["ratios"] = ratios

    from quoteframe.quotes import QuoteExtractor
    from quoteframe.records import Document

    extractor = QuoteExtractor()
    quote_texts = [(q.speaker or "anon", q.text) for i, t in enumerate(texts)
                   for q in extractor.extract(Document(str(i), t)).quotes if q.kind != "scare"]
    qsizes = [int(s) for s in args.quotations.split(",")]
    vrows, vtimes = [], []
    for n in qsizes:
        elapsed, peak, base, groups = measure(_run_variants, quote_texts, n)
        vtimes.append(elapsed)
        vrows.append([n, f"{elapsed:.2f}", f"{n / elapsed:.0f}", f"{peak - base:.0f}", groups])
    for row, e in zip(vrows, exponent(qsizes, vtimes)):
        row.append(e)
    print()
    print(tabulate(vrows, headers=["quotations", "seconds", "quotations/s", "peak MB (growth)", "groups", "exponent"]))
    results["variants"] = vrows
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(results, indent=1), encoding="utf-8")
    print(f"\nwritten {args.out}")


if __name__ == "__main__":
    main()
