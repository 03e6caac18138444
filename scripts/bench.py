"""Benchmark quotes, frames (with and without --discover) and variants on corpora of growing size built from real article text.

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
    analysis = Analysis(frames=task.startswith("frames"), discover=task.startswith("discover"))
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


STAGES = ("quotation marks", "+ document entities", "+ attribution")


def _run_stages(texts: list[str], n: int, conn: object) -> None:
    """Where the time of ``quotes`` goes: the same documents run three times, each run doing one more
    stage of ``QuoteExtractor.extract`` (find the marks; build the document's entity index; attribute
    every quotation). A stage's own cost is the difference between its run and the one before."""
    from quoteframe.attribution import DocumentAttributor
    from quoteframe.quotemarks import find_quote_spans
    from quoteframe.quotes import QuoteExtractor
    from quoteframe.records import Document

    docs = [texts[i % len(texts)] for i in range(n)]
    extractor = QuoteExtractor()
    times = []
    for stage in range(len(STAGES)):
        t0 = time.perf_counter()
        for i, text in enumerate(docs):
            if stage == 2:
                extractor.extract(Document(f"d{i}", text))
                continue
            spans, _ = find_quote_spans(text)
            if stage == 1 and spans:
                DocumentAttributor(text, [(s.start, s.end) for s in spans], extractor.lex, extractor.seg)
        times.append(time.perf_counter() - t0)
    conn.send(times)  # type: ignore[attr-defined]


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


def _run_cli(command: list[str], conn: object) -> None:
    """The command as a user runs it (reading .jsonl.gz, writing CSV), timed from outside the process."""
    import subprocess

    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "quoteframe", *command], cwd=ROOT, capture_output=True, text=True)
    elapsed = time.perf_counter() - t0
    if done.returncode != 0:
        raise SystemExit(done.stderr)
    # RUSAGE_CHILDREN: the largest of the command's process and the worker processes it waited for
    conn.send((elapsed, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0))  # type: ignore[attr-defined]


def write_corpus(texts: list[str], n: int, path: Path) -> float:
    """``n`` documents cycled from ``texts`` as one .jsonl.gz file (seven outlets); the text's MB."""
    import gzip

    with gzip.open(path, "wt", encoding="utf-8", compresslevel=1) as fh:
        for i in range(n):
            fh.write(json.dumps({"id": f"d{i:07d}", "domain": f"outlet{i % 7}", "text": texts[i % len(texts)]}) + "\n")
    return sum(len(texts[i % len(texts)].encode("utf-8")) for i in range(n)) / 1e6


def write_varied_corpus(texts: list[str], n: int, path: Path, share: float = 0.15) -> tuple[float, int]:
    """Like ``write_corpus``, but a ``share`` of the words of four letters or more are replaced by words
    drawn from a pool that grows with ``n`` (200 per document), so the vocabulary grows with the corpus
    as a month of real news does (faster, in fact: a worst case for ``frames --discover``, whose term
    counts must not grow in memory with it). The text's MB and its number of distinct words."""
    import gzip
    import re

    rng = random.Random(5)
    long_word = re.compile(r"[A-Za-z]{4,}")
    seen: set[str] = set()
    mb = 0.0

    def swap(m: re.Match[str]) -> str:
        return m.group(0) if rng.random() > share else "w" + format(rng.randrange(1, 200 * n), "x")

    with gzip.open(path, "wt", encoding="utf-8", compresslevel=1) as fh:
        for i in range(n):
            text = long_word.sub(swap, texts[i % len(texts)])
            seen.update(text.lower().split())
            mb += len(text.encode("utf-8")) / 1e6
            fh.write(json.dumps({"id": f"d{i:07d}", "domain": f"outlet{i % 7}", "text": text}) + "\n")
    return mb, len(seen)


def _run_names(names: list[str], conn: object) -> None:
    from quoteframe.names import canonical_names

    t0 = time.perf_counter()
    mapping = canonical_names(names)
    conn.send((time.perf_counter() - t0, len(set(mapping.values()))))  # type: ignore[attr-defined]


def speaker_names(n: int, rng: random.Random) -> list[str]:
    """``n`` speaker-name occurrences in a news-like mix: a few surnames very common (a Zipf tail), given
    names full, initialled or missing, and romanisation variants (the inputs ``canonical_names`` meets)."""
    given = ["John", "Jon", "J.", "Mary", "Maria", "M.", "Li", "Anna", "Kassym-Jomart", "Qasym-Jomart", "Sergei",
             "Sergey", "S.", "David", "Ahmed", "Ahmad", "Wei", "Olga", "Nursultan", "Ana", "Jean-Pierre", "Kim"]
    surnames = ["Smith", "Wang", "Li", "Kim", "Nguyen", "Tokayev", "Toqaev", "Ivanov", "Ivanoff", "Garcia", "Khan",
                "Chen", "Müller", "Mueller", "Petrov", "Nazarbayev", "Nazarbaev", "Brown", "Lee", "Singh"]
    out = []
    for _ in range(n):
        surname = surnames[min(len(surnames) - 1, int(rng.paretovariate(1.1)) - 1)]
        if rng.random() < 0.5:  # many distinct people share the common surnames
            surname = f"{surname}{rng.randrange(n // 20 + 1)}" if rng.random() < 0.3 else surname
        first = rng.choice(given) if rng.random() < 0.85 else ""
        middle = rng.choice(given)[:1] + "." if rng.random() < 0.2 else ""
        out.append(" ".join(w for w in (first, middle, surname) if w))
    return out


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


def bench_variants(texts: list[str], quotations: str) -> list[list[object]]:
    """Variants on quotations made from the corpus's real quotation sentences, at growing sizes."""
    from tabulate import tabulate

    from quoteframe.quotes import QuoteExtractor
    from quoteframe.records import Document

    extractor = QuoteExtractor()
    quote_texts = [(q.speaker or "anon", q.text) for i, t in enumerate(texts)
                   for q in extractor.extract(Document(str(i), t)).quotes if q.kind != "scare"]
    qsizes = [int(s) for s in quotations.split(",")]
    vrows, vtimes = [], []
    for n in qsizes:
        elapsed, peak, base, groups = measure(_run_variants, quote_texts, n)
        vtimes.append(elapsed)
        vrows.append([n, f"{elapsed:.2f}", f"{n / elapsed:.0f}", f"{peak - base:.0f}", groups])
    for row, e in zip(vrows, exponent(qsizes, vtimes)):
        row.append(e)
    print()
    print(tabulate(vrows, headers=["quotations", "seconds", "quotations/s", "peak MB (growth)", "groups", "exponent"]))
    return vrows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", nargs="*", default=[], help="more real articles (any input quoteframe reads)")
    parser.add_argument("--sizes", default="50,200,800", help="documents per corpus")
    parser.add_argument("--quotations", default="12500,25000,50000,100000", help="quotations for variants")
    parser.add_argument("--e2e-sizes", default="200,800,3200", help="documents per .jsonl.gz for the end-to-end runs ('' skips them)")
    parser.add_argument("--vocab-sizes", default="800,3200,12800",
                        help="documents per corpus of growing vocabulary for frames --discover's memory ('' skips)")
    parser.add_argument("--names", default="25000,100000,400000", help="speaker-name occurrences for canonical_names")
    parser.add_argument("--out", default=str(ROOT / "bench-out" / "results.json"))
    parser.add_argument("--only", choices=["variants"], default=None, help="run only this measure")
    args = parser.parse_args()
    from tabulate import tabulate

    texts = load_texts([str(ROOT / "seeds"), *args.corpus])
    if args.only == "variants":
        bench_variants(texts, args.quotations)
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"machine: {os.cpu_count()} cores; corpus: {len(texts)} real articles, cycled to each size", flush=True)
    rows = []
    results: dict[str, object] = {"cores": os.cpu_count(), "sizes": sizes}
    per_task: dict[str, list[float]] = {}
    cores = os.cpu_count() or 1
    tasks = ["tokenize", "quotes", "frames", "discover"] + (["quotes-jobs", "frames-jobs"] if cores > 1 else [])
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

    # the 10x target leaves a tenth of the tokenizer's time for everything: how each stage spends it
    stage_times = measure(_run_stages, texts, sizes[-1])
    t_tok, srows, before = per_task["tokenize"][-1], [], 0.0
    for name, t in zip(STAGES, stage_times):
        own = max(t - before, 0.0)
        srows.append([name, f"{t:.2f}", f"{t_tok / t:.2f}x", f"{own:.2f}", f"{100 * own / (t_tok / 10):.0f}%"])
        before = t
    print()
    print(tabulate(srows, headers=[f"quotes, {sizes[-1]} docs: stages", "seconds (cumulative)", "vs tokenizer",
                                   "stage seconds", "of a 10x budget"]))
    print("(a stage's share of the time a command 10x faster than NLTKWordTokenizer may take; one process)")
    results["stages"] = srows

    results["variants"] = bench_variants(texts, args.quotations)

    # the commands end to end: one .jsonl.gz in, a CSV out; memory should follow the output, not the input
    import tempfile

    esizes = [int(s) for s in args.e2e_sizes.split(",")] if args.e2e_sizes else []
    tok_mb = sum(len(texts[i % len(texts)].encode("utf-8")) for i in range(sizes[-1])) / 1e6
    tok_rate = tok_mb / per_task["tokenize"][-1]  # MB/s of NLTKWordTokenizer at the largest in-memory size
    erows: list[list[object]] = []
    with tempfile.TemporaryDirectory(prefix="quoteframe-bench-") as tmp:
        for jobs in ([1, cores] if cores > 1 else [1]):
            for command in ("quotes", "frames", "discover"):
                etimes = []
                rows_here = []
                for n in esizes:
                    corpus = Path(tmp) / f"corpus-{n}.jsonl.gz"
                    mb = write_corpus(texts, n, corpus) if not corpus.exists() else sum(
                        len(texts[i % len(texts)].encode("utf-8")) for i in range(n)) / 1e6
                    out = Path(tmp) / f"{command}-{n}.csv"
                    argv = ["frames", str(corpus), "--discover"] if command == "discover" else [command, str(corpus)]
                    elapsed, peak = measure(_run_cli, [*argv, "--jobs", str(jobs), "-o", str(out), "-q"])
                    etimes.append(elapsed)
                    tok = mb / tok_rate  # seconds the tokenizer would take over this text
                    rows_here.append([command, jobs, n, f"{mb:.2f}", f"{elapsed:.2f}", f"{mb / elapsed:.2f}",
                                      f"{n / elapsed:.1f}", f"{peak:.0f}", f"{out.stat().st_size / 1e6:.2f}",
                                      f"{tok / elapsed:.2f}x"])
                for row, e in zip(rows_here, exponent(esizes, etimes)):
                    row.append(e)
                erows.extend(rows_here)
    if erows:
        print()
        print(tabulate(erows, headers=["command", "jobs", "docs", "MB", "seconds", "MB/s", "docs/s", "peak MB",
                                       "output MB", "vs tokenizer", "exponent"]))
        print("(end to end: python -m quoteframe reading one .jsonl.gz and writing CSV, start-up included; peak MB is"
              " the largest process; vs tokenizer: NLTKWordTokenizer over the same text in one process)")
    results["end_to_end"] = erows

    # frames --discover counts every term: its memory must stay flat while the vocabulary grows
    vsizes = [int(s) for s in args.vocab_sizes.split(",")] if args.vocab_sizes else []
    vrows2: list[list[object]] = []
    with tempfile.TemporaryDirectory(prefix="quoteframe-bench-") as tmp:
        for n in vsizes:
            corpus = Path(tmp) / f"varied-{n}.jsonl.gz"
            mb, distinct = write_varied_corpus(texts, n, corpus)
            for command in ("frames", "discover"):
                argv = ["frames", str(corpus), "--discover"] if command == "discover" else ["frames", str(corpus)]
                out = Path(tmp) / f"{command}-{n}.csv"
                elapsed, peak = measure(_run_cli, [*argv, "--jobs", str(cores), "-o", str(out), "-q"])
                vrows2.append([command, n, f"{mb:.2f}", f"{distinct:,}", f"{elapsed:.2f}", f"{mb / elapsed:.2f}",
                               f"{peak:.0f}"])
    if vrows2:
        print()
        print(tabulate(vrows2, headers=["command", "docs", "MB", "distinct words", "seconds", "MB/s", "peak MB"]))
        print(f"(a share of each copy's words replaced by words from a pool that grows with the corpus; --jobs {cores};"
              " discover: frames --discover, every term counted, held counts spilled to sorted runs on disk)")
    results["vocabulary"] = vrows2

    nsizes = [int(s) for s in args.names.split(",")] if args.names else []
    nrows, ntimes = [], []
    for n in nsizes:
        elapsed, people = measure(_run_names, speaker_names(n, random.Random(11)))
        ntimes.append(elapsed)
        nrows.append([n, f"{elapsed:.2f}", people])
    for row, e in zip(nrows, exponent(nsizes, ntimes)):
        row.append(e)
    if nrows:
        print()
        print(tabulate(nrows, headers=["speaker names", "seconds", "people", "exponent"]))
    results["names"] = nrows
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(results, indent=1), encoding="utf-8")
    print(f"\nwritten {args.out}")


if __name__ == "__main__":
    main()
