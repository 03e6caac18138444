"""A researcher's corrections to speaker names: merge, rename, or say that a name is not a speaker.

Automatic canonical names (``names.canonical_names``) merge spellings of one name, but only a reader
knows that ``Xi``, ``Mr Xi`` and ``Xi Jinping`` are one man, or that "Monday" is no speaker. An aliases
file says so once, and every table takes it at the one place speaker names are decided
(``quotes.speaker_names``), before quotations are grouped into remarks or voices are counted; fixing a
CSV afterwards could not regroup the variants.

The file is CSV ``name,canonical`` (a header row of those two words is optional; ``#`` lines are
comments). ``name`` is a speaker name as quoteframe gave it, either a surface form (a name before
canonicalisation, as ``quoteframe speakers`` lists them) or a canonical name; ``canonical`` is the name
to use instead, and an empty ``canonical`` means "not a speaker". Names match whatever their case and
spacing. Targets chain: with ``Xi,Xi Jinping`` and ``Xi Jinping,President Xi Jinping``, Xi becomes President
Xi Jinping, as a reader of the file would expect; a cycle is an error naming its lines.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from quoteframe.errors import LexiconError
from quoteframe.lexicon import Gazetteer, NameWords
from quoteframe.roleholders import RoleWords


def name_key(name: str) -> str:
    """How alias names are compared: case and runs of white space do not matter."""
    return " ".join(name.split()).casefold()


@dataclass(frozen=True)
class Aliases:
    """Name corrections, in file order; empty when no file was given. Plain data, so it travels with
    the analysis options to wherever the tables are built. It also carries the name word classes of the
    run's lexicons folder (``names.csv``: particles, patronymics, suffixes) and its countries and demonyms
    (``places``), which the automatic canonical names of people and organisations are built with at the
    same place (None: the shipped ones; no places: organisation names are not merged)."""

    source: str = ""
    entries: tuple[tuple[str, str], ...] = field(default=())  # (name, canonical); canonical "" = not a speaker
    words: NameWords | None = None
    places: Gazetteer | None = field(default=None, compare=False)
    roles: RoleWords | None = field(default=None, compare=False)  # for roles resolved across the corpus

    def __bool__(self) -> bool:
        return bool(self.entries)

    @cached_property
    def _table(self) -> dict[str, str]:
        return {name_key(name): canonical for name, canonical in self.entries}

    def get(self, name: str) -> str | None:
        """The corrected name for ``name`` ("" for not a speaker), or None when the file does not name it."""
        return self._table.get(name_key(name)) if self.entries else None

    def unmatched(self, names: Iterable[str]) -> list[str]:
        """The names of the file that match none of ``names`` (every name a run gave, before and after
        canonicalisation), in file order: a typo in the file would otherwise correct nothing, silently."""
        seen = {name_key(n) for n in names}
        return [name for name, _ in self.entries if name_key(name) not in seen]


def load_aliases(path: str | Path | None, words: NameWords | None = None, places: Gazetteer | None = None,
                 roles: RoleWords | None = None) -> Aliases:
    """Read an aliases file; a malformed row is an error naming the file and line. None: no aliases.
    ``words`` and ``places``: the name word classes and countries of the run's lexicons (see ``Aliases``)."""
    if path is None:
        return Aliases(words=words, places=places, roles=roles)
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise LexiconError(f"{path}: cannot be read ({exc.strerror})") from exc
    except UnicodeDecodeError as exc:
        raise LexiconError(f"{path}: not UTF-8 text ({exc.reason})") from exc
    entries: list[tuple[str, str]] = []
    first: dict[str, tuple[int, str]] = {}
    header_allowed = True
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            row = next(csv.reader([line]))
        except csv.Error as exc:
            raise LexiconError(f"{path}: line {lineno}: malformed CSV ({exc})") from exc
        cells = [c.strip() for c in row]
        if header_allowed and [c.lower() for c in cells] == ["name", "canonical"]:
            header_allowed = False
            continue
        header_allowed = False
        if len(cells) != 2:
            raise LexiconError(f"{path}: line {lineno}: expected 2 fields (name,canonical), got {len(cells)}")
        name, canonical = cells
        if not name:
            raise LexiconError(f"{path}: line {lineno}: empty name")
        key = name_key(name)
        if key in first:
            earlier, target = first[key]
            if target != canonical:
                raise LexiconError(f"{path}: line {lineno}: {name!r} is mapped to {target!r} on line {earlier} already")
            continue
        first[key] = (lineno, canonical)
        entries.append((name, " ".join(canonical.split())))
    if not entries:
        raise LexiconError(f"{path}: no aliases (expected rows name,canonical)")
    return Aliases(str(path), _chained(path, entries, first), words, places, roles)


def _chained(path: Path, entries: list[tuple[str, str]], first: dict[str, tuple[int, str]]) -> tuple[tuple[str, str], ...]:
    """The entries with each target followed through the rows that rename it (A->B, B->C gives A->C)."""
    done: list[tuple[str, str]] = []
    for name, target in entries:
        seen = [name_key(name)]
        while target and name_key(target) in first and name_key(target) not in seen[-1:]:
            key = name_key(target)
            if key in seen:
                lines = ", ".join(str(first[k][0]) for k in seen)
                raise LexiconError(f"{path}: line {first[seen[0]][0]}: aliases form a cycle (lines {lines})")
            seen.append(key)
            target = " ".join(first[key][1].split())
        done.append((name, target))
    return tuple(done)
