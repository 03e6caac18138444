"""Optional WordNet, offline: synonym and hypernym keys for words, or nothing when it is absent.

nltk reads WordNet only from its data path. ``make wordnet`` builds ``.nltk_data/corpora/wordnet`` from
Debian's ``wordnet-base`` package (copying the dictionary files and writing the ``lexnames`` file that
Debian does not ship); ``$NLTK_DATA`` works too. Without it, variant linking uses stems only and says
so once.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterable
from pathlib import Path
from typing import Any

INSTALL_HINT = ("WordNet not found: variant linking uses stems only. To add synonyms offline: "
                "apt-get install wordnet-base && make wordnet (or set NLTK_DATA to an nltk_data folder with corpora/wordnet)")


def _data_paths() -> list[str]:
    here = Path(__file__).resolve().parent.parent / ".nltk_data"
    paths = [str(here)]
    if os.environ.get("NLTK_DATA"):
        paths[:0] = os.environ["NLTK_DATA"].split(os.pathsep)
    return paths


class WordNet:
    """Synonym/hypernym keys of a word; ``available`` is False (and keys are empty) without the data."""

    def __init__(self, enabled: bool = True) -> None:
        self._wn: Any = None
        self._cache: dict[str, tuple[str, ...]] = {}
        if not enabled:
            return
        try:
            import nltk
            from nltk.corpus.reader.wordnet import WordNetCorpusReader

            for base in _data_paths():
                root = Path(base) / "corpora" / "wordnet"
                if (root / "lexnames").is_file() and (root / "data.noun").is_file():
                    # nltk reads corpora only from its data path, so the folder is put on it
                    if base not in nltk.data.path:
                        nltk.data.path.insert(0, base)
                    with warnings.catch_warnings():  # "multilingual functions are not available": not needed
                        warnings.simplefilter("ignore")
                        self._wn = WordNetCorpusReader(nltk.data.find("corpora/wordnet"), None)
                    break
        except (LookupError, OSError, ImportError, ValueError, PermissionError):
            self._wn = None

    @property
    def available(self) -> bool:
        return self._wn is not None

    def _keys(self, word: str) -> tuple[str, ...]:
        """Synset names of the word's first senses and their direct hypernyms (shared by synonyms)."""
        if self._wn is None:
            return ()
        keys: set[str] = set()
        for pos in ("n", "v", "a"):
            for syn in self._wn.synsets(word, pos=pos)[:2]:
                keys.add(syn.name())
                keys.update(h.name() for h in syn.hypernyms()[:2])
        return tuple(sorted(keys))

    def keys(self, word: str) -> tuple[str, ...]:
        """Cached ``_keys``: WordNet look-ups are the slow part of linking."""
        if word not in self._cache:
            self._cache[word] = self._keys(word)
        return self._cache[word]

    def warm(self, words: Iterable[str]) -> None:
        """Look the words up now, so that forked workers find them cached and never read the files."""
        for w in words:
            self.keys(w)

    def after_fork(self) -> None:
        """Give a forked process its own file handles: nltk keeps the dictionary files open and reads
        them by seek and readline, so a handle shared with the parent would be read at the wrong place."""
        if self._wn is not None and isinstance(getattr(self._wn, "_data_file_map", None), dict):
            self._wn._data_file_map = {}
