"""Make WordNet 3.0 readable by nltk offline, from Debian's ``wordnet-base`` package.

nltk reads corpora only from its data path and expects ``corpora/wordnet/`` with a ``lexnames`` file
that Debian does not ship. This copies (never links) the dictionary files into ``.nltk_data`` beside
the package and writes ``lexnames`` from the ``lexnames(5WN)`` manual page, falling back to the 45
lexicographer files of WordNet 3.0. Usage: python scripts/setup_wordnet.py [SOURCE_DIR] [TARGET_DIR]
"""

from __future__ import annotations

import gzip
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FILES = ["adj.exc", "adv.exc", "noun.exc", "verb.exc", "cntlist.rev", "data.adj", "data.adv", "data.noun",
         "data.verb", "index.adj", "index.adv", "index.noun", "index.verb", "sentidx.vrb", "sents.vrb"]
POS = {"adj": 3, "adv": 4, "noun": 1, "verb": 2}
LEXFILES = ("adj.all adj.pert adv.all noun.Tops noun.act noun.animal noun.artifact noun.attribute noun.body "
            "noun.cognition noun.communication noun.event noun.feeling noun.food noun.group noun.location "
            "noun.motive noun.object noun.person noun.phenomenon noun.plant noun.possession noun.process "
            "noun.quantity noun.relation noun.shape noun.state noun.substance noun.time verb.body verb.change "
            "verb.cognition verb.communication verb.competition verb.consumption verb.contact verb.creation "
            "verb.emotion verb.motion verb.perception verb.possession verb.social verb.stative verb.weather "
            "adj.ppl").split()


def lexnames(man: Path) -> list[str]:
    names = LEXFILES
    if man.is_file():
        found = re.findall(r"^(\d\d)\t(\w+\.\w+)", gzip.open(man, "rt", encoding="utf-8", errors="replace").read(), re.M)
        if len(found) == 45:
            names = [n for _, n in sorted(found)]
    return [f"{i:02d}\t{name}\t{POS[name.split('.')[0]]}" for i, name in enumerate(names)]


def main() -> int:
    src = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/usr/share/wordnet")
    dst = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / ".nltk_data" / "corpora" / "wordnet"
    missing = [f for f in FILES if not (src / f).is_file()]
    if missing:
        print(f"setup_wordnet: {src} lacks {', '.join(missing)}; install it with: apt-get install wordnet-base",
              file=sys.stderr)
        return 1
    dst.mkdir(parents=True, exist_ok=True)
    for name in FILES:
        shutil.copyfile(src / name, dst / name)
    # Debian ships no index.sense (sense keys); nltk opens it at start, and synset look-ups do not need it
    if not (dst / "index.sense").exists():
        (dst / "index.sense").write_text("", encoding="utf-8")
    (dst / "lexnames").write_text("\n".join(lexnames(Path("/usr/share/man/man5/lexnames.5WN.gz"))) + "\n", encoding="utf-8")
    print(f"setup_wordnet: WordNet ready in {dst}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
