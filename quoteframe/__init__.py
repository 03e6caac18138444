"""quoteframe: how news outlets quote and frame the same event.

The library exposes plain functions over dataclass records; only :mod:`quoteframe.cli` talks to a
terminal. For notebooks, one function per command (read_quotes, quote_sources, link_variants,
frame_counts, frame_hits, discover_terms, make_report, measure_accuracy) runs the same code as the command and returns its
rows (dataclasses with ``.row()``) in a list that also has ``.columns``, ``.run`` (documents read and
skipped), ``.messages`` and ``.to_pandas()`` (with ``pip install 'quoteframe[pandas]'``)::

    import quoteframe
    quotes = quoteframe.read_quotes("seeds/")
    quoteframe.quote_sources(quotes).to_pandas()

Every function that reads a corpus takes the commands' input options as keywords: ``text_field``,
``id_field``, ``outlet_field``, ``date_field``, ``encoding``, ``input_format``, ``lexicon_dir``,
``aliases`` (as ``--aliases``), ``jobs`` (default 1) and ``strict`` (raise if a document was skipped).
docs/api.md has them all.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from quoteframe.errors import QuoteframeError

if TYPE_CHECKING:
    from quoteframe.api import PathLike, Rows
    from quoteframe.records import Quote
    from quoteframe.report import ReportTables

__all__ = ["QuoteframeError", "__version__", "read_quotes", "quote_sources", "link_variants", "frame_counts",
           "frame_hits", "discover_terms", "make_report", "measure_accuracy"]
__version__ = "0.1.0"


def read_quotes(paths: PathLike | Iterable[PathLike], **options: Any) -> Rows[Quote]:
    """Every quotation of the corpus with its speaker, kind, cue and offsets: the rows of ``quoteframe quotes``.

    ``paths`` is a file or folder, or a list of them (``.txt``, ``.jsonl``, ``.csv``, compressed too).
    Speakers are canonical across the corpus; rows are sorted by doc_id, then start.
    """
    from quoteframe.api import Rows, read
    from quoteframe.quotes import QUOTE_COLUMNS, QuoteTable

    corpus = read(paths, options)
    with QuoteTable(corpus.results, corpus.aliases) as table:
        rows = list(table)
    corpus.check()
    return Rows(rows, QUOTE_COLUMNS, corpus.run, corpus.messages)


def _quotes_of(source: object, options: dict[str, Any]) -> Rows[Quote]:
    from quoteframe.api import Rows, given_quotes
    from quoteframe.quotes import QUOTE_COLUMNS

    if isinstance(source, Rows) and source.columns[:len(QUOTE_COLUMNS)] == QUOTE_COLUMNS:
        return source
    quotes = given_quotes(source)
    if quotes is not None:
        return Rows(quotes, QUOTE_COLUMNS)
    return read_quotes(source, **options)  # type: ignore[arg-type]


def quote_sources(source: PathLike | Iterable[PathLike] | Sequence[Quote], **options: Any) -> Rows[Any]:
    """Who each outlet quoted: one row per (outlet, speaker), as ``quoteframe quotes --summary``.

    ``source`` is a corpus (paths, read with ``options``) or the rows of ``read_quotes``, which are then
    not read again. Rows are ``SourceRow``: outlet, speaker, quotations, direct, partial, words, share.
    """
    from quoteframe.api import Rows
    from quoteframe.quotes import SOURCE_COLUMNS, summarise_sources

    quotes = _quotes_of(source, options)
    return Rows(summarise_sources(quotes), SOURCE_COLUMNS, quotes.run, quotes.messages)


def link_variants(source: PathLike | Iterable[PathLike] | Sequence[Quote], view: str = "renderings",
                  threshold: float | None = None, wordnet: bool = True, **options: Any) -> Rows[Any]:
    """Renderings of one remark linked across outlets, as ``quoteframe variants``.

    ``view`` is ``"renderings"`` (one row per rendering), ``"summary"`` (one per remark, as
    ``--summary``) or ``"drift"`` (one per word-level difference, as ``--drift``). ``source`` is a corpus
    or the rows of ``read_quotes``. ``wordnet=False`` links by stems only, as ``--no-wordnet``.
    """
    from quoteframe.api import Rows, records
    from quoteframe.variants import (
        DRIFT_COLUMNS,
        SUMMARY_COLUMNS,
        VARIANT_COLUMNS,
        LinkParams,
        drift_rows,
        find_variants,
        summary_rows,
        variant_rows,
    )
    from quoteframe.wordnet import WordNet

    views = {"renderings": ("VariantRow", VARIANT_COLUMNS, variant_rows), "summary": ("RemarkRow", SUMMARY_COLUMNS, summary_rows),
             "drift": ("DriftRow", DRIFT_COLUMNS, drift_rows)}
    if view not in views:
        raise ValueError(f"view must be one of {', '.join(views)}, not {view!r}")
    name, columns, rows_of = views[view]
    quotes = _quotes_of(source, options)
    params = LinkParams() if threshold is None else LinkParams(threshold=threshold)
    groups = find_variants(quotes, params, WordNet(enabled=wordnet), jobs=int(options.get("jobs") or 1))
    return Rows(records(name, columns, rows_of(groups)), columns, quotes.run, quotes.messages)


def frame_counts(paths: PathLike | Iterable[PathLike], by: str = "term", prior: float = 1000.0,
                 lexicons: Sequence[PathLike] = (), replace_lexicon: bool = False,
                 lexicon_sets: Sequence[str] = ("unrest",), **options: Any) -> Rows[Any]:
    """How each outlet labels the actors, by voice, with rates and log-odds z: ``quoteframe frames``.

    ``by`` is ``"term"`` or ``"category"``; ``lexicon_sets`` the shipped sets (``unrest``, ``war``,
    ``migration``: ``--lexicon-set``); ``lexicons`` are framing lexicon CSVs added to them (or replacing
    them with ``replace_lexicon=True``); ``prior`` is the log-odds prior's a0.
    """
    from quoteframe.api import Rows, read, records
    from quoteframe.frames import CATEGORY_COLUMNS, FRAME_COLUMNS, frame_tables

    if by not in ("term", "category"):
        raise ValueError(f"by must be 'term' or 'category', not {by!r}")
    if replace_lexicon and not lexicons:
        raise ValueError("replace_lexicon needs at least one lexicon file")
    corpus = read(paths, options, frames=True, frame_lexicons=tuple(os.fspath(p) for p in lexicons),
                  replace_frames=replace_lexicon, frame_sets=tuple(lexicon_sets), keep_quotes=False)
    columns = FRAME_COLUMNS if by == "term" else CATEGORY_COLUMNS
    rows = frame_tables(corpus.results, by, prior)
    corpus.check()
    return Rows(records("FrameRow" if by == "term" else "CategoryRow", columns, rows), columns, corpus.run,
                corpus.messages)


def frame_hits(paths: PathLike | Iterable[PathLike], lexicons: Sequence[PathLike] = (), replace_lexicon: bool = False,
               **options: Any) -> Rows[Any]:
    """Every occurrence of a framing term with its voice, speaker and offsets: ``quoteframe frames --hits``."""
    from quoteframe.api import Rows, read
    from quoteframe.frames import HIT_COLUMNS, FrameHit, hit_rows

    if replace_lexicon and not lexicons:
        raise ValueError("replace_lexicon needs at least one lexicon file")
    corpus = read(paths, options, frames=True, frame_lexicons=tuple(os.fspath(p) for p in lexicons),
                  replace_frames=replace_lexicon)
    rows = [FrameHit(**{c: r[c] for c in HIT_COLUMNS}) for r in hit_rows(corpus.results, corpus.aliases)]  # type: ignore[arg-type]
    corpus.check()
    return Rows(rows, HIT_COLUMNS, corpus.run, corpus.messages)


def discover_terms(paths: PathLike | Iterable[PathLike], top: int = 20, min_count: int = 3, prior: float = 1000.0,
                   stop_words: Sequence[PathLike] = (), **options: Any) -> Rows[Any]:
    """The words and phrases that set each outlet apart, by voice: ``quoteframe frames --discover``.

    The top ``top`` terms of each (outlet, voice) by log-odds z, among those the outlet used at least
    ``min_count`` times in that voice; ``stop_words`` are CSV files (a ``word`` column) of more words to
    leave out.
    """
    from quoteframe.api import Rows, read, records
    from quoteframe.discover import DISCOVER_COLUMNS, discover_table

    corpus = read(paths, options, discover=True, stop_words=tuple(os.fspath(p) for p in stop_words), keep_quotes=False)
    rows = discover_table(corpus.results, top=top, min_count=min_count, prior=prior)
    corpus.check()
    return Rows(records("TermRow", DISCOVER_COLUMNS, rows), DISCOVER_COLUMNS, corpus.run, corpus.messages)


def make_report(paths: PathLike | Iterable[PathLike], out_dir: PathLike, force: bool = False,
                title: str = "quoteframe report", figures: bool = True, threshold: float | None = None,
                wordnet: bool = True, prior: float = 1000.0, lexicons: Sequence[PathLike] = (),
                replace_lexicon: bool = False, **options: Any) -> ReportTables:
    """The write-up in one run, as ``quoteframe report``: every table as CSV, figures, report.md and
    report.html in ``out_dir`` (new or empty unless ``force``). Returns the tables (``.sources``,
    ``.remarks``, ``.frames``...) and the files written (``.files``)."""
    from quoteframe.api import read
    from quoteframe.report import build_report, prepare_dir, write_report
    from quoteframe.variants import LinkParams
    from quoteframe.wordnet import WordNet

    if replace_lexicon and not lexicons:
        raise ValueError("replace_lexicon needs at least one lexicon file")
    out = prepare_dir(out_dir, force)
    corpus = read(paths, options, frames=True, frame_lexicons=tuple(os.fspath(p) for p in lexicons),
                  replace_frames=replace_lexicon)
    params = LinkParams() if threshold is None else LinkParams(threshold=threshold)
    tables = build_report(corpus.results, params, WordNet(enabled=wordnet), prior, jobs=int(options.get("jobs") or 1),
                          aliases=corpus.aliases)
    corpus.check()
    if corpus.run.skipped:
        tables.notes.append(f"{corpus.run.skipped} document(s) could not be read and are not in this report.")
    tables.files = write_report(tables, out, figures=figures, title=title)
    return tables


def measure_accuracy(paths: PathLike | Iterable[PathLike] | None = None, gold: PathLike | None = None,
                     gold_variants: PathLike | None = None, polnear: PathLike | None = None,
                     mtref: PathLike | None = None, mtref_judgements: PathLike | None = None, split: str = "dev",
                     **options: Any) -> Rows[Any]:
    """Precision, recall and F1 against gold annotations, as ``quoteframe evaluate``: ``gold`` and
    ``gold_variants`` score the corpus at ``paths`` (tests/gold/ for seeds/), ``polnear`` a PolNeAR checkout
    and ``mtref`` a MultiMWA-MTRef folder on ``split`` (train or dev). Rows are ``Score``."""
    from pathlib import Path

    from quoteframe.api import Rows
    from quoteframe.evaluate import EVAL_COLUMNS, Score, load_gold, load_gold_variants, score_seeds, score_variant_links
    from quoteframe.pipeline import Analysis, RunReport
    from quoteframe.variants import find_variants, variant_rows
    from quoteframe.wordnet import WordNet

    if not (gold or gold_variants or polnear or mtref):
        raise ValueError("give gold, gold_variants, polnear, mtref or several")
    if (gold or gold_variants) and paths is None:
        raise ValueError("gold and gold_variants score a corpus: give its paths")
    scores: list[Score] = []
    run, messages = RunReport(), []
    if gold or gold_variants:
        quotes = read_quotes(paths, **options)  # type: ignore[arg-type]
        run, messages = quotes.run, quotes.messages
        partial_keys = None
        if gold:
            gold_rows = load_gold(Path(gold))
            scores += score_seeds(quotes, gold_rows)
            partial_keys = {(g.doc_id, g.start, g.end) for g in gold_rows if g.kind == "partial"}
        if gold_variants:
            groups = find_variants(quotes, wordnet=WordNet())
            scores += score_variant_links(variant_rows(groups), load_gold_variants(Path(gold_variants)), partial_keys)
    if polnear:
        from quoteframe.polnear import score_polnear

        scores += score_polnear(Path(polnear), split, Analysis(lexicon_dir=options.get("lexicon_dir")),
                                message=messages.append)
    if mtref:
        from quoteframe.mtref import score_mtref

        scores += score_mtref(Path(mtref) / f"mtref-{split}.tsv", split=split,
                              judgements=Path(mtref_judgements) if mtref_judgements else None)
    return Rows(scores, EVAL_COLUMNS, run, messages)
