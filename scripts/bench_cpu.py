"""Compare two source trees on bench.py's one-process workload in CPU seconds, for a machine shared by others.

``make bench`` times wall-clock seconds; with other jobs on the cores, its ratios to NLTKWordTokenizer move
by a third from run to run (the tokenizer and the command are timed minutes apart, under different load).
This runs the same work (the seeds cycled to 800 documents, one process, ``DocumentAnalyser`` as bench.py's
``quotes`` and ``frames`` rows) in fresh processes, alternating between the trees round by round, and
reports CPU seconds (``time.process_time``), the ratio to the tokenizer timed in the same round, and medians.
A tree is any checkout or copy of the project (``git archive main | tar -x -C /tmp/main`` for main's).
Usage:

    python scripts/bench_cpu.py /tmp/main .            # main against this tree, 5 rounds
    python scripts/bench_cpu.py /tmp/main . --rounds 3 --docs 800
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

TASKS = ("tokenize", "quotes", "frames")

# run inside a fresh process: ``sys.path`` starts with the tree, so its ``quoteframe`` is the one imported
WORKER = """
import sys, time
root, task, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
sys.path.insert(0, root)
import quoteframe
assert quoteframe.__file__.startswith(root), quoteframe.__file__
from nltk.tokenize import NLTKWordTokenizer
from quoteframe.corpus import read_corpus
from quoteframe.pipeline import Analysis, DocumentAnalyser
from quoteframe.records import Document
texts = [d.text for d in read_corpus([root + "/seeds"]) if isinstance(d, Document)]
docs = [texts[i % len(texts)] for i in range(n)]
analyser = DocumentAnalyser(Analysis(frames=task == "frames")) if task != "tokenize" else None
tok = NLTKWordTokenizer()
t0 = time.process_time()
if analyser is None:
    for text in docs:
        for _ in tok.span_tokenize(text):
            pass
else:
    for i, text in enumerate(docs):
        analyser(Document(f"d{i}", text))
print(time.process_time() - t0)
"""


def cpu_seconds(tree: Path, task: str, docs: int) -> float:
    done = subprocess.run([sys.executable, "-c", WORKER, str(tree), task, str(docs)], capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(done.stderr)
    return float(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("before", type=Path, help="the tree to compare against (e.g. a copy of main)")
    parser.add_argument("after", type=Path, help="the tree measured")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--docs", type=int, default=800)
    args = parser.parse_args()
    trees = {"before": args.before.resolve(), "after": args.after.resolve()}
    ratios: dict[str, list[float]] = {f"{task} {side}": [] for task in TASKS[1:] for side in trees}
    print("round  tokenize  " + "  ".join(f"{name:>14}" for name in ratios))
    for r in range(1, args.rounds + 1):
        tok = cpu_seconds(trees["before"], "tokenize", args.docs)
        cells = []
        for task in TASKS[1:]:
            for side, tree in trees.items():
                t = cpu_seconds(tree, task, args.docs)
                ratios[f"{task} {side}"].append(tok / t)
                cells.append(f"{t:6.2f} {tok / t:5.2f}x")
        print(f"{r:5d}  {tok:8.2f}  " + "  ".join(f"{c:>14}" for c in cells), flush=True)
    print("median ratios to the tokenizer (CPU): " + ", ".join(
        f"{name} {statistics.median(values):.2f}x" for name, values in ratios.items()))


if __name__ == "__main__":
    main()
