"""What the notebook functions of ``quoteframe`` share: reading a corpus without a terminal, and rows.

The functions themselves live in ``quoteframe/__init__.py``; they run the same library code as the
commands (``read_corpus``, ``analyse_corpus``, ``QuoteTable``, ``find_variants``, ``frame_tables``...), so
a notebook gets the rows the CLI writes. Nothing here prints: skips and warnings are kept on the rows
(``Rows.run`` and ``Rows.messages``) for the caller to look at.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields, make_dataclass
from functools import cache
from typing import Any, Generic, TypeVar

from quoteframe.aliases import Aliases, load_aliases
from quoteframe.corpus import ReadOptions, read_corpus
from quoteframe.errors import InputError, ResourceMissing
from quoteframe.lexicon import gazetteer_of, name_words_of
from quoteframe.pipeline import Analysis, RunReport, analyse_corpus
from quoteframe.records import DocResult, Quote
from quoteframe.roleholders import role_words_of

T = TypeVar("T")
PathLike = str | os.PathLike[str]
READ_OPTIONS = tuple(f.name for f in fields(ReadOptions))
RUN_OPTIONS = ("lexicon_dir", "aliases", "jobs", "strict")


class Rows(list[T], Generic[T]):
    """A table's rows (dataclasses, each with ``.row()``), its column names, and how the run went.

    ``run`` counts the documents read and skipped (``run.skip_reasons`` says why); ``messages`` holds
    every skip and warning line the CLI would have printed.
    """

    def __init__(self, rows: Iterable[T], columns: Sequence[str], run: RunReport | None = None,
                 messages: Sequence[str] = ()) -> None:
        super().__init__(rows)
        self.columns = list(columns)
        self.run = run or RunReport()
        self.messages = list(messages)

    def to_pandas(self) -> Any:
        """The rows as a pandas DataFrame, columns in the table's order (needs ``quoteframe[pandas]``)."""
        try:
            import pandas as pd
        except ImportError:
            raise ResourceMissing("pandas is not installed: pip install 'quoteframe[pandas]'") from None
        return pd.DataFrame([r.row() for r in self], columns=self.columns)  # type: ignore[attr-defined]

    def dicts(self) -> list[dict[str, object]]:
        """The rows as the dictionaries the CSV writer takes."""
        return [r.row() for r in self]  # type: ignore[attr-defined]


@cache
def record_type(name: str, columns: tuple[str, ...]) -> type:
    """A frozen dataclass with one field per column and a ``row()`` method, for tables whose library
    functions give dictionaries. Built from the table's column list, so a column added there appears here."""

    def row(self: Any) -> dict[str, object]:
        return {c: getattr(self, c) for c in columns}

    return make_dataclass(name, [(c, object) for c in columns], frozen=True, namespace={"row": row})


def records(name: str, columns: Sequence[str], rows: Iterable[Mapping[str, object]]) -> list[Any]:
    cls = record_type(name, tuple(columns))
    return [cls(**{c: r.get(c) for c in columns}) for r in rows]


@dataclass
class Corpus:
    """One analysed reading of a corpus: its document results (a one-pass stream) and how the run went."""

    results: Iterator[DocResult]
    run: RunReport
    messages: list[str] = field(default_factory=list)
    strict: bool = False
    aliases: Aliases | None = None

    def check(self) -> None:
        """With ``strict=True``, a run that skipped a document is an error (as ``--strict``)."""
        if self.strict and self.run.skipped:
            raise InputError(f"strict: {self.run.skipped} document(s) skipped: " + "; ".join(self.run.skip_reasons))


def paths_of(paths: PathLike | Iterable[PathLike]) -> list[str]:
    if isinstance(paths, (str, os.PathLike)):
        return [os.fspath(paths)]
    return [os.fspath(p) for p in paths]


def read(paths: PathLike | Iterable[PathLike], options: dict[str, Any], **analysis: Any) -> Corpus:
    """Read and analyse a corpus with the commands' input options given as keywords (``text_field``,
    ``id_field``, ``outlet_field``, ``date_field``, ``encoding``, ``input_format``, ``lexicon_dir``,
    ``aliases`` (a ``name,canonical`` CSV file, as ``--aliases``), ``jobs`` (default 1), ``strict``); an
    unknown keyword is a TypeError, as for any function."""
    unknown = sorted(set(options) - set(READ_OPTIONS) - set(RUN_OPTIONS))
    if unknown:
        raise TypeError(f"unknown option(s): {', '.join(unknown)}; known: {', '.join(READ_OPTIONS + RUN_OPTIONS)}")
    read_opts = ReadOptions(**{k: options[k] for k in READ_OPTIONS if k in options})
    messages: list[str] = []
    run = RunReport()
    items = read_corpus(paths_of(paths), read_opts)
    where = options.get("lexicon_dir")
    aliases = load_aliases(options.get("aliases"), name_words_of(where), gazetteer_of(where), role_words_of(where))
    work = Analysis(lexicon_dir=where, aliases=aliases, **analysis)
    results = analyse_corpus(items, work, run, messages.append, jobs=int(options.get("jobs") or 1))
    return Corpus(results, run, messages, bool(options.get("strict", False)), work.aliases)


def given_quotes(source: object) -> list[Quote] | None:
    """The quotations themselves when ``source`` is rows of ``read_quotes`` (or any Quote list), else None."""
    if isinstance(source, (list, tuple)) and source and all(isinstance(q, Quote) for q in source):
        return list(source)
    return None
