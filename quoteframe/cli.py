"""The command line: parses options, calls the library, prints tables and one-line messages.

This is the only module that imports click or writes to the terminal.
"""

from __future__ import annotations

import codecs
import functools
import os
import shutil
import sys
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any, TextIO

import click
from click.core import ParameterSource

from quoteframe.aliases import load_aliases
from quoteframe.corpus import ReadOptions, read_corpus
from quoteframe.errors import QuoteframeError
from quoteframe.lexicon import gazetteer_of, name_words_of
from quoteframe.pipeline import Analysis, RunReport, analyse_corpus, default_jobs
from quoteframe.quotes import QUOTE_COLUMNS, SOURCE_COLUMNS, QuoteTable, SpeakerNames, canonicalise_names, summarise_sources
from quoteframe.records import DocResult
from quoteframe.roleholders import role_words_of
from quoteframe.tables import FORMATS, TABLE_WIDTH, Table, write_table

SUFFIX_FORMATS = {".csv": "csv", ".tsv": "tsv", ".jsonl": "jsonl", ".json": "json", ".md": "markdown", ".txt": "table"}


def _known_encoding(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """An unknown --encoding is a usage error before anything is read, not a skip of every file."""
    if value is not None:
        try:
            codecs.lookup(value)
        except LookupError:
            raise click.BadParameter(f"unknown encoding {value!r} (e.g. utf-8, cp1252, latin-1, utf-16)") from None
    return value


def input_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """The options every command that reads a corpus shares."""
    decorators = [
        click.argument("paths", nargs=-1, required=True, type=click.Path(allow_dash=True)),
        click.option("--text-field", default="text", show_default=True, help="JSONL/CSV field holding the text."),
        click.option("--id-field", default="id", show_default=True, help="JSONL/CSV field holding the document id."),
        click.option("--outlet-field", default="domain", show_default=True, help="JSONL/CSV field naming the outlet."),
        click.option("--date-field", default="date", show_default=True, help="JSONL/CSV field holding the date."),
        click.option("--manifest", "manifest", type=click.Path(exists=True, dir_okay=False), default=None,
                     help="CSV file,outlet[,date] for every path (also files named one by one); rows match by path, name or stem."),
        click.option("--input-format", type=click.Choice(["auto", "txt", "jsonl", "csv"]), default="auto",
                     show_default=True, help="How to read files (auto: by suffix; stdin is text)."),
        click.option("--encoding", default=None, callback=_known_encoding,
                     help="Decode input with this encoding (default utf-8-sig, cp1252 fallback)."),
        click.option("--lexicons", "lexicon_dir", type=click.Path(file_okay=False), default=None,
                     help="Folder with cues.csv and roles.csv to use instead of the shipped lexicons."),
        click.option("--aliases", "aliases_path", type=click.Path(dir_okay=False), default=None,
                     help="CSV name,canonical: merge or rename speakers (empty canonical: not a speaker) in every table."),
        click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
                     help="Worker processes (default: all cores); output is identical for every value."),
        click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
                     help="local processes, or a Dask cluster (JSONL input through fsspec; pip install 'quoteframe[dask]')."),
        click.option("--scheduler", default=None, help="Dask scheduler address (default: a local cluster)."),
        click.option("--strict", is_flag=True, help="Exit with status 1 if any document was skipped, or a manifest "
                     "row has no file or a file no row."),
        click.option("--quiet", "-q", is_flag=True, help="No warnings on stderr (the final count is still printed)."),
        click.option("--verbose", is_flag=True, help="Show a traceback on errors."),
    ]
    for deco in reversed(decorators):
        fn = deco(fn)
    return fn


def output_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """The options every command that writes a table shares."""
    decorators = [
        click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
                     help="Output format (default: from --output's suffix, else csv)."),
        click.option("--output", "-o", type=click.Path(allow_dash=True), default="-", show_default=True,
                     help="Write the table here ('-' is stdout)."),
        click.option("--raw-csv", is_flag=True, help="Do not neutralise cells that a spreadsheet would run as formulas."),
    ]
    checked = _check_output_suffix(fn)
    for deco in reversed(decorators):
        checked = deco(checked)
    return checked


def _check_output_suffix(fn: Callable[..., Any]) -> Callable[..., Any]:
    """An --output suffix the tool does not write (quotes.xlsx) is a usage error before anything is read,
    not a CSV under a name that promises a spreadsheet; --format says what to write whatever the name."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        output, fmt = kwargs.get("output", "-"), kwargs.get("fmt")
        if output != "-" and not fmt:
            suffix = os.path.splitext(output)[1].lower()
            if suffix and suffix not in SUFFIX_FORMATS:
                known = ", ".join(f"{s} ({f})" for s, f in SUFFIX_FORMATS.items())
                raise click.UsageError(f"--output {output}: quoteframe does not write {suffix} files; it writes "
                                       f"{known}; give --format to write one of {', '.join(FORMATS)} under this name")
        return fn(*args, **kwargs)

    return wrapper


def _echo(msg: str, quiet: bool = False) -> None:
    if not quiet:
        click.echo(f"quoteframe: {msg}", err=True)


def handle_errors(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Turn library errors into one line and exit 1; a closed pipe ends quietly; Ctrl-C ends with one line
    and status 130 (the shell's convention for SIGINT)."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        verbose = kwargs.get("verbose", False)
        try:
            return fn(*args, **kwargs)
        except BrokenPipeError:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            sys.exit(0)
        except KeyboardInterrupt:
            if verbose:
                traceback.print_exc()
            click.echo("quoteframe: interrupted", err=True)
            sys.exit(130)
        except QuoteframeError as exc:
            if verbose:
                traceback.print_exc()
            raise click.ClickException(f"{type(exc).__name__}: {exc}") from exc
        except (OSError, ValueError) as exc:
            if verbose:
                traceback.print_exc()
            raise click.ClickException(f"{type(exc).__name__}: {exc}") from exc

    return wrapper


def table_width(out: TextIO) -> int:
    """The width --format table fits its rows into: the terminal's when stdout is one, else 120."""
    if out is sys.stdout and out.isatty():
        return shutil.get_terminal_size((TABLE_WIDTH, 24)).columns
    return TABLE_WIDTH


@contextmanager
def open_output(path: str) -> Iterator[TextIO]:
    if path == "-":
        stream = sys.stdout
        yield stream
        stream.flush()
    else:
        with open(path, "w", encoding="utf-8", newline="") as fh:
            yield fh


def _fmt(fmt: str | None, output: str) -> str:
    if fmt:
        return fmt
    return SUFFIX_FORMATS.get(os.path.splitext(output)[1].lower(), "csv") if output != "-" else "csv"


class Progress:
    """A one-line count of the documents read, redrawn on stderr at most twice a second while a corpus
    streams: a run over a month of news shows that it is alive and how fast it goes. Only on a terminal
    and never with --quiet, so logs and pipes get only the messages; a message clears the line first."""

    def __init__(self, report: RunReport, stream: TextIO, enabled: bool, every: float = 0.5,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.report, self.stream, self.enabled, self.every, self.clock = report, stream, enabled, every, clock
        self._start = clock()
        self._drawn_at = self._start
        self._width = 0

    def message(self, msg: str, quiet: bool) -> None:
        self.clear()
        _echo(msg, quiet)

    def wrap(self, results: Iterator[DocResult]) -> Iterator[DocResult]:
        if not self.enabled:
            yield from results
            return
        try:
            for res in results:
                now = self.clock()
                if now - self._drawn_at >= self.every:
                    self._draw(now)
                yield res
        finally:
            self.clear()

    def _draw(self, now: float) -> None:
        read, skipped = self.report.read, self.report.skipped
        rate = read / (now - self._start) if now > self._start else 0.0
        line = f"quoteframe: {read:,} document{'s' if read != 1 else ''} read, {skipped:,} skipped ({rate:,.0f}/s)"
        self.stream.write("\r" + line.ljust(self._width))
        self.stream.flush()
        self._width = len(line)
        self._drawn_at = now

    def clear(self) -> None:
        if self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()
            self._width = 0


def read_options(opts: dict[str, Any]) -> ReadOptions:
    """The reading options of a command; the record fields named on the command line are checked."""
    ctx = click.get_current_context(silent=True)
    named = tuple((f"--{name.replace('_', '-')}", opts[name]) for name in ("id_field", "outlet_field", "date_field")
                  if ctx is not None and ctx.get_parameter_source(name) not in (None, ParameterSource.DEFAULT))
    return ReadOptions(text_field=opts["text_field"], id_field=opts["id_field"], outlet_field=opts["outlet_field"],
                       date_field=opts["date_field"], encoding=opts["encoding"], input_format=opts["input_format"],
                       checked_fields=named, manifest=opts["manifest"], strict=opts["strict"])


def run_corpus(opts: dict[str, Any], analysis: Analysis) -> tuple[Iterator[DocResult], RunReport]:
    """Read and analyse the corpus named by the shared input options, printing skips and warnings as the
    results stream by; the report is complete once the results are consumed, and no result is kept here."""
    read_opts = read_options(opts)
    report = RunReport()
    quiet = opts["quiet"]
    jobs = opts["jobs"] or default_jobs()
    progress = Progress(report, sys.stderr, enabled=not quiet and sys.stderr.isatty())
    if opts["engine"] == "dask":
        from quoteframe.engine_dask import analyse_corpus_dask

        results = analyse_corpus_dask(opts["paths"], read_opts, analysis, report, lambda m: progress.message(m, quiet),
                                      scheduler=opts["scheduler"], workers=jobs)
        return progress.wrap(results), report
    stdin = sys.stdin.buffer if "-" in opts["paths"] else None
    items = read_corpus(opts["paths"], read_opts, stdin=stdin)
    results = analyse_corpus(items, analysis, report, lambda m: progress.message(m, quiet), jobs=jobs)
    return progress.wrap(results), report


def make_analysis(opts: dict[str, Any], **kwargs: Any) -> Analysis:
    """The command's analysis options; the aliases file is read and checked here, in the main process,
    before any document is read, so a bad row is one line naming the file and line."""
    aliases = load_aliases(opts["aliases_path"], name_words_of(opts["lexicon_dir"]), gazetteer_of(opts["lexicon_dir"]),
                           role_words_of(opts["lexicon_dir"]))
    return Analysis(lexicon_dir=opts["lexicon_dir"], aliases=aliases, **kwargs)


def report_aliases(names: SpeakerNames, opts: dict[str, Any]) -> None:
    """Say which names of the aliases file matched no speaker (a typo there would correct nothing)."""
    unmatched = names.unmatched_aliases()
    if unmatched:
        shown = ", ".join(repr(n) for n in unmatched[:5]) + (", ..." if len(unmatched) > 5 else "")
        _echo(f"--aliases {opts['aliases_path']}: {len(unmatched)} name{'s' if len(unmatched) != 1 else ''} "
              f"match{'es' if len(unmatched) == 1 else ''} no speaker: {shown}", opts["quiet"])


def _report_undated(n: int, opts: dict[str, Any]) -> None:
    if n:
        _echo(f"{n} document{'s have' if n != 1 else ' has'} no date --by-date can read (give dates in the manifest "
              "or --date-field as YYYY-MM-DD); their rows have an empty period", opts["quiet"])


def finish(report: RunReport, strict: bool) -> None:
    _echo(report.summary())
    if not report.read:
        raise click.ClickException("no document was read" + (" (see the skips above)" if report.skipped else ""))
    if strict and report.skipped:
        raise click.ClickException(f"--strict: {report.skipped} document(s) skipped")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="quoteframe")
def cli() -> None:
    """quoteframe: how news outlets quote and frame the same event.

    Example: quoteframe quotes seeds/ --format table
    """


@cli.command()
@input_options
@output_options
@click.option("--summary", is_flag=True,
              help="One row per (outlet, speaker): who each outlet quoted, how often and how much.")
@click.option("--by-date", "by_date", type=click.Choice(["day", "week", "month"]), default=None,
              help="Split the table by the documents' dates (manifest or --date-field): a period column is appended.")
@handle_errors
def quotes(summary: bool, by_date: str | None, **opts: Any) -> None:
    """Every quotation with its speaker, cue, kind and offsets, one row each.

    Columns: doc_id, outlet, quote_id, kind (direct|partial|scare), speaker (canonical across the
    corpus), speaker_mention, mention_start, mention_end, cue, start, end, text
    (text == document[start:end]); rows sorted by doc_id, then start.

    --summary: outlet, speaker, quotations, direct, partial, words (quoted in total), share (of the
    outlet's attributed quotations); sorted by outlet, then quotations; the quotations without a
    speaker are one row with an empty speaker.

    Example: quoteframe quotes seeds/ --format table
    """
    analysis = make_analysis(opts)
    results, report = run_corpus(opts, analysis)
    with QuoteTable(results, analysis.aliases) as rows, open_output(opts["output"]) as out:  # the corpus is read before output opens
        report_aliases(rows.names, opts)
        if summary and by_date:
            from quoteframe.timeline import sources_by_date

            table = Table([*SOURCE_COLUMNS, "period"], sources_by_date(rows, by_date))
        elif summary:
            table = Table(SOURCE_COLUMNS, [r.row() for r in summarise_sources(rows)])
        elif by_date:
            from quoteframe.timeline import period_of

            table = Table([*QUOTE_COLUMNS, "period"], (dict(q.row(), period=period_of(q.date, by_date)) for q in rows))
        else:
            table = Table(QUOTE_COLUMNS, (q.row() for q in rows))
        write_table(table, out, _fmt(opts["fmt"], opts["output"]), raw=opts["raw_csv"], width=table_width(out))
    finish(report, opts["strict"])


@cli.command()
@input_options
@output_options
@handle_errors
def speakers(**opts: Any) -> None:
    """Every speaker with the names it was given, its quotations per outlet and an example quotation.

    Columns: speaker (canonical, after --aliases), speaker_type, quotes, names (each name as found,
    with its count: what an aliases file can correct), outlets (with counts), example_quote_id
    (its first quotation in the quotes table); most quoted first.

    Example: quoteframe speakers seeds/ --format table
    """
    from quoteframe.speakerlist import SPEAKER_COLUMNS, SpeakerList

    analysis = make_analysis(opts)
    results, report = run_corpus(opts, analysis)
    speaker_list = SpeakerList(results, analysis.aliases)
    report_aliases(speaker_list.names, opts)
    with open_output(opts["output"]) as out:
        write_table(Table(SPEAKER_COLUMNS, speaker_list.rows()), out, _fmt(opts["fmt"], opts["output"]),
                    raw=opts["raw_csv"], width=table_width(out))
    finish(report, opts["strict"])


@cli.command()
@input_options
@output_options
@click.option("--gold", "gold_path", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Gold quotations CSV for the corpus (tests/gold/quotes.csv for seeds/).")
@click.option("--gold-variants", "gold_variants", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Gold remark groups CSV for the corpus (tests/gold/variants.csv for seeds/).")
@click.option("--polnear", "polnear_dir", type=click.Path(exists=True, file_okay=False), default=None,
              help="A PolNeAR checkout (or its data/ folder): also score direct quotations on it.")
@click.option("--mtref", "mtref_dir", type=click.Path(exists=True, file_okay=False), default=None,
              help="A folder with MultiMWA-MTRef mtref-{train,dev}.tsv: score variant linking and drift alignment.")
@click.option("--mtref-judgements", "mtref_judgements", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Blind same/different judgements of cross-row MTRef pairs (tests/gold/mtref_dev_judgements.csv).")
@click.option("--split", type=click.Choice(["train", "dev"]), default="dev", show_default=True,
              help="PolNeAR / MTRef split to score (their test splits are never read).")
@click.option("--devcoverage", "devcoverage_dir", type=click.Path(exists=True, file_okay=False), default=None,
              help="A coverage corpus annotated like ../shared/devcoverage (or one event folder of it): score "
                   "spans, kinds, speakers, the leader's names and non-person speakers per event, and variant "
                   "linking of the leader's renderings (full-rendering pairs, fragments linked).")
@handle_errors
def evaluate(gold_path: str | None, gold_variants: str | None, polnear_dir: str | None, mtref_dir: str | None,
             mtref_judgements: str | None, split: str, devcoverage_dir: str | None, **opts: Any) -> None:
    """Precision, recall and F1 of quotation spans, kinds and speakers against gold annotations.

    Example: quoteframe evaluate seeds/ --gold tests/gold/quotes.csv --gold-variants tests/gold/variants.csv

    External data (never shipped): --polnear ~/data/PolNeAR --mtref ~/data/mtref --split dev
    --devcoverage ../shared/devcoverage

    Columns: dataset, measure, gold, predicted, correct, precision, recall, f1, note (counts that are no
    precision/recall figure, such as how many names the leader gets, fill only predicted and note).
    """
    from pathlib import Path

    from quoteframe.evaluate import EVAL_COLUMNS, load_gold, score_seeds

    if not (gold_path or polnear_dir or gold_variants or mtref_dir or devcoverage_dir):
        raise click.UsageError("give --gold, --gold-variants, --polnear, --mtref, --devcoverage or several")
    scores: list[Any] = []
    analysis = make_analysis(opts)
    if gold_path or gold_variants:
        results, report = run_corpus(opts, analysis)
        rows, names = canonicalise_names((q for r in results for q in r.quotes), analysis.aliases)
        report_aliases(names, opts)
        partial_keys = None
        if gold_path:
            gold = load_gold(Path(gold_path))
            scores += score_seeds(rows, gold)
            partial_keys = {(g.doc_id, g.start, g.end) for g in gold if g.kind == "partial"}
        if gold_variants:
            from quoteframe.evaluate import load_gold_variants, score_variant_links
            from quoteframe.variants import find_variants, variant_rows
            from quoteframe.wordnet import WordNet

            groups = find_variants(rows, wordnet=WordNet())
            scores += score_variant_links(variant_rows(groups), load_gold_variants(Path(gold_variants)), partial_keys)
        _echo(report.summary())
    if devcoverage_dir:
        from quoteframe.devcoverage import score_devcoverage

        scores += score_devcoverage(Path(devcoverage_dir), analysis, message=lambda m: _echo(m, opts["quiet"]))
        from quoteframe.variant_coverage import score_variant_coverage

        scores += score_variant_coverage(Path(devcoverage_dir), analysis, message=lambda m: _echo(m, opts["quiet"]))
    if polnear_dir:
        from quoteframe.polnear import score_polnear

        scores += score_polnear(Path(polnear_dir), split, analysis, message=lambda m: _echo(m, opts["quiet"]))
    if mtref_dir:
        from quoteframe.mtref import score_mtref

        scores += score_mtref(Path(mtref_dir) / f"mtref-{split}.tsv", split=split,
                              judgements=Path(mtref_judgements) if mtref_judgements else None)
    with open_output(opts["output"]) as out:
        fmt = opts["fmt"] or ("table" if opts["output"] == "-" else _fmt(None, opts["output"]))
        write_table(Table(EVAL_COLUMNS, [s.row() for s in scores]), out, fmt, raw=opts["raw_csv"], width=table_width(out))


@cli.command()
@input_options
@output_options
@click.option("--by", type=click.Choice(["term", "category"]), default="term", show_default=True,
              help="One row per (outlet, term, voice) or per (outlet, category, voice).")
@click.option("--hits", is_flag=True, help="One row per occurrence instead (doc, offsets, voice, speaker).")
@click.option("--lexicon", "frame_lexicons", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="A framing lexicon CSV (term,category) added to the shipped set; repeatable.")
@click.option("--lexicon-set", "lexicon_sets", multiple=True, metavar="NAME",
              help="Shipped framing lexicon set: unrest (default), war, migration; repeatable.")
@click.option("--replace-lexicon", is_flag=True, help="Use only the --lexicon files, not the shipped set.")
@click.option("--prior", type=click.FloatRange(min=0.001), default=1000.0, show_default=True,
              help="Total pseudo-count a0 of the informative Dirichlet prior of the log-odds z.")
@click.option("--by-date", "by_date", type=click.Choice(["day", "week", "month"]), default=None,
              help="Split the table by the documents' dates (manifest or --date-field): a period column is appended.")
@click.option("--discover", is_flag=True,
              help="Rank every word and phrase (1-3 words) of each outlet by z, by voice, instead of a lexicon's terms.")
@click.option("--top", type=click.IntRange(min=1), default=None, help="--discover: terms per outlet and voice [20].")
@click.option("--min-count", type=click.IntRange(min=1), default=None,
              help="--discover: times an outlet must use a term in a voice to be listed [3].")
@click.option("--as-lexicon", "as_lexicon", type=click.Path(dir_okay=False, allow_dash=True), default=None,
              help="--discover: also write the discovered terms as a term,category lexicon to this file.")
@click.option("--stop-words", "stop_words", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="--discover: a CSV with a 'word' column of more words to leave out (outlet names...); repeatable.")
@handle_errors
def frames(by: str, hits: bool, frame_lexicons: tuple[str, ...], lexicon_sets: tuple[str, ...], replace_lexicon: bool,
           prior: float, by_date: str | None, discover: bool, top: int | None, min_count: int | None,
           as_lexicon: str | None, stop_words: tuple[str, ...], **opts: Any) -> None:
    """How each outlet labels the actors, by voice (own, quoted, scare), with log-odds z-scores.

    Columns: outlet, term, category, voice, count, rate, z. rate: per 10,000 words of the voice's text
    (quoted words for quoted hits, the outlet's own words outside quotations for own and scare hits).
    z: the term's log-odds z-score for this outlet against all others within the same voice; |z| > 1.96
    is beyond chance at the 5% level.

    --discover: columns outlet, term, voice, count, rate, z; every word and phrase, stop words and
    numbers left out, the top --top terms of each outlet and voice by z.

    Example: quoteframe frames seeds/ --format table

    Example: quoteframe frames coverage/ --discover --top 10 --as-lexicon mine.csv
    """
    from quoteframe.frames import CATEGORY_COLUMNS, DEFAULT_SET, FRAME_COLUMNS, HIT_COLUMNS, HitTable, frame_tables

    if replace_lexicon and not frame_lexicons:
        raise click.UsageError("--replace-lexicon needs at least one --lexicon FILE")
    if replace_lexicon and lexicon_sets:
        raise click.UsageError("--replace-lexicon uses only the --lexicon files: drop --lexicon-set")
    if not discover and (top is not None or min_count is not None or as_lexicon or stop_words):
        raise click.UsageError("--top, --min-count, --as-lexicon and --stop-words go with --discover")
    if discover and (hits or by != "term" or frame_lexicons or lexicon_sets or replace_lexicon):
        raise click.UsageError("--discover ranks every term: it takes no --hits, --by, --lexicon or --lexicon-set")
    if discover:
        _discover(opts, prior, top or 20, min_count or 3, as_lexicon, stop_words, by_date)
        return
    analysis = make_analysis(opts, frames=True, frame_lexicons=frame_lexicons, replace_frames=replace_lexicon,
                             frame_sets=lexicon_sets or (DEFAULT_SET,),
                             keep_quotes=hits)  # the table needs no quotation rows
    results, report = run_corpus(opts, analysis)
    if hits:
        hit_table = HitTable(results, analysis.aliases)
        report_aliases(hit_table.names, opts)
        if by_date:
            from quoteframe.timeline import period_of

            dates = hit_table.dates
            _report_undated(sum(1 for d in dates.values() if not period_of(d, by_date)), opts)
            table = Table([*HIT_COLUMNS, "period"],
                          (dict(r, period=period_of(dates.get(str(r["doc_id"]), ""), by_date)) for r in hit_table.rows()))
        else:
            table = Table(HIT_COLUMNS, hit_table.rows())
    elif by_date:
        from quoteframe.timeline import FramesByDate

        split = FramesByDate(results, by_date, by)
        rows = split.rows(prior)
        _report_undated(split.undated, opts)
        table = Table([*(FRAME_COLUMNS if by == "term" else CATEGORY_COLUMNS), "period"], rows)
    else:
        table = Table(FRAME_COLUMNS if by == "term" else CATEGORY_COLUMNS, frame_tables(results, by, prior))
    with open_output(opts["output"]) as out:
        write_table(table, out, _fmt(opts["fmt"], opts["output"]), raw=opts["raw_csv"], width=table_width(out))
    finish(report, opts["strict"])


def _discover(opts: dict[str, Any], prior: float, top: int, min_count: int, as_lexicon: str | None,
              stop_words: tuple[str, ...], by_date: str | None) -> None:
    """frames --discover: every term counted by voice in the workers, the top terms by z written (per
    period with --by-date)."""
    from quoteframe.discover import DISCOVER_COLUMNS, discover_table, lexicon_rows, load_stop_words
    from quoteframe.timeline import period_of

    load_stop_words(stop_words)  # a missing or broken stop-word list fails here, before any work
    analysis = make_analysis(opts, discover=True, stop_words=stop_words, keep_quotes=False)
    results, report = run_corpus(opts, analysis)
    undated = [0]

    def counted(stream: Iterable[DocResult]) -> Iterator[DocResult]:
        for res in stream:
            undated[0] += bool(by_date) and not period_of(res.date, by_date or "day")
            yield res

    rows = discover_table(counted(results), top=top, min_count=min_count, prior=prior, unit=by_date)
    if by_date:
        _report_undated(undated[0], opts)
    columns = [*DISCOVER_COLUMNS, "period"] if by_date else DISCOVER_COLUMNS
    with open_output(opts["output"]) as out:
        write_table(Table(columns, rows), out, _fmt(opts["fmt"], opts["output"]), raw=opts["raw_csv"],
                    width=table_width(out))
    if as_lexicon:
        with open_output(as_lexicon) as out:
            out.write(f"# Terms found by quoteframe frames --discover (top {top} per outlet and voice by log-odds z,\n"
                      f"# at least {min_count} uses, prior {prior:g}) over: {' '.join(opts['paths'])}\n"
                      "# Edit the category of each term, drop the ones that are not framing, and pass the file back\n"
                      "# with: quoteframe frames PATH --lexicon THIS_FILE --replace-lexicon\n")
            write_table(Table(["term", "category"], lexicon_rows(rows)), out, "csv", raw=True)
    finish(report, opts["strict"])


@cli.command()
@input_options
@output_options
@click.option("--summary", "view", flag_value="summary", help="One row per remark instead of per rendering.")
@click.option("--drift", "view", flag_value="drift", help="One row per word-level difference.")
@click.option("--threshold", type=click.FloatRange(0.0, 1.0), default=None,
              help="Similarity a rendering needs to its remark's root (default: the tuned value).")
@click.option("--no-wordnet", is_flag=True, help="Do not use WordNet synonyms even when installed.")
@click.option("--all", "show_all", is_flag=True,
              help="--drift: also the differences only in function words or punctuation (to -> and).")
@click.option("--by-date", "by_date", type=click.Choice(["day", "week", "month"]), default=None,
              help="Split the table by the documents' dates (manifest or --date-field): a period column is appended.")
@handle_errors
def variants(view: str | None, threshold: float | None, no_wordnet: bool, show_all: bool, by_date: str | None,
             **opts: Any) -> None:
    """Renderings of the same remark linked across outlets, with the words that differ.

    Columns: variant_id, doc_id, outlet, quote_id, speaker, start, end, text, similarity, drift,
    speaker_source (text: the quotes table gave the speaker; remark: taken from the remark), family
    (the translation family: renderings sharing one wording). --summary: one row per remark, with its
    families and the outlets of each; --drift: one row per difference between a translation family and
    the central rendering's family (content words; --all adds function-word-only ones).

    Example: quoteframe variants seeds/ --summary --format table
    """
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
    from quoteframe.wordnet import INSTALL_HINT, WordNet

    analysis = make_analysis(opts)
    results, report = run_corpus(opts, analysis)
    rows, names = canonicalise_names((q for r in results for q in r.quotes), analysis.aliases)
    report_aliases(names, opts)
    wordnet = WordNet(enabled=not no_wordnet)
    if not no_wordnet and not wordnet.available:
        _echo(INSTALL_HINT, opts["quiet"])
    params = LinkParams() if threshold is None else LinkParams(threshold=threshold)
    groups = find_variants(rows, params, wordnet, jobs=opts["jobs"] or default_jobs())
    ambiguous = sum(g.ambiguous for g in groups)
    if ambiguous:
        _echo(f"{ambiguous} one- or two-word fragment link(s) left out: each is held by several remarks of its "
              "speaker (the summary's ambiguous column)", opts["quiet"])
    columns = {"summary": SUMMARY_COLUMNS, "drift": DRIFT_COLUMNS}.get(view or "", VARIANT_COLUMNS)
    if by_date:
        from quoteframe.timeline import dates_of, undated_documents, variant_tables_by_date

        dates = dates_of(rows)
        _report_undated(undated_documents(dates, by_date), opts)
        table = Table([*columns, "period"], variant_tables_by_date(groups, dates, by_date, view, everything=show_all))
    elif view == "summary":
        table = Table(SUMMARY_COLUMNS, summary_rows(groups))
    elif view == "drift":
        table = Table(DRIFT_COLUMNS, drift_rows(groups, everything=show_all))
    else:
        table = Table(VARIANT_COLUMNS, variant_rows(groups))
    with open_output(opts["output"]) as out:
        write_table(table, out, _fmt(opts["fmt"], opts["output"]), raw=opts["raw_csv"], width=table_width(out))
    finish(report, opts["strict"])


@cli.command()
@input_options
@click.option("--output", "-o", "out_dir", type=click.Path(file_okay=False), required=True,
              help="Folder to write the report into (new or empty, unless --force).")
@click.option("--force", is_flag=True, help="Write into a folder that holds files already, overwriting the report's own.")
@click.option("--title", default="quoteframe report", show_default=True, help="The page's title.")
@click.option("--lexicon", "frame_lexicons", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="A framing lexicon CSV (term,category) added to the shipped one; repeatable.")
@click.option("--replace-lexicon", is_flag=True, help="Use only the --lexicon files, not the shipped one.")
@click.option("--prior", type=click.FloatRange(min=0.001), default=1000.0, show_default=True,
              help="Total pseudo-count a0 of the log-odds z's informative Dirichlet prior.")
@click.option("--threshold", type=click.FloatRange(0.0, 1.0), default=None,
              help="Similarity a rendering needs to its remark's root (default: the tuned value).")
@click.option("--no-wordnet", is_flag=True, help="Do not use WordNet synonyms even when installed.")
@click.option("--no-figures", is_flag=True, help="Tables and pages only (figures need matplotlib).")
@handle_errors
def report(out_dir: str, force: bool, title: str, frame_lexicons: tuple[str, ...], replace_lexicon: bool,
           prior: float, threshold: float | None, no_wordnet: bool, no_figures: bool, **opts: Any) -> None:
    """The write-up in one run: every table as CSV, figures, report.md and report.html in one folder.

    Reads the corpus once and writes quotes.csv, sources.csv (quotes --summary), variants.csv,
    remarks.csv (variants --summary), drift.csv, frames.csv, frames_by_category.csv, corpus.csv,
    figures/ (PNG and SVG), report.md (headline tables) and report.html (one page that works offline).

    Example: quoteframe report seeds/ -o out/
    """
    from quoteframe.report import build_report, prepare_dir, write_report
    from quoteframe.variants import LinkParams
    from quoteframe.wordnet import INSTALL_HINT, WordNet

    if replace_lexicon and not frame_lexicons:
        raise click.UsageError("--replace-lexicon needs at least one --lexicon FILE")
    out = prepare_dir(out_dir, force)  # refuse a folder with files before reading anything
    analysis = make_analysis(opts, frames=True, frame_lexicons=frame_lexicons, replace_frames=replace_lexicon)
    wordnet = WordNet(enabled=not no_wordnet)
    if not no_wordnet and not wordnet.available:
        _echo(INSTALL_HINT, opts["quiet"])
    results, run = run_corpus(opts, analysis)
    params = LinkParams() if threshold is None else LinkParams(threshold=threshold)

    def stage(msg: str) -> None:  # the steps after reading, where the progress line stops: terminal only
        if not opts["quiet"] and sys.stderr.isatty():
            _echo(msg + " …")

    tables = build_report(results, params, wordnet, prior, jobs=opts["jobs"] or default_jobs(), stage=stage,
                          aliases=analysis.aliases)
    if tables.names is not None:
        report_aliases(tables.names, opts)
    if run.skipped:
        tables.notes.append(f"{run.skipped} document(s) could not be read and are not in this report; "
                            "the command's messages name each one.")
    written = write_report(tables, out, figures=not no_figures, title=title,
                           message=lambda m: _echo(m, opts["quiet"]), stage=stage)
    _echo(f"wrote {len(written)} files to {out}", opts["quiet"])
    finish(run, opts["strict"])


def main() -> None:
    """Entry point of the ``quoteframe`` command.

    Click's own handling, except for Ctrl-C: a command turns it into one line and status 130
    (``handle_errors``), and so does this for a Ctrl-C that comes before or after a command runs, where
    click would print "Aborted!" and exit 1."""
    try:
        code = cli.main(prog_name="quoteframe", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("quoteframe: interrupted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    sys.exit(code if isinstance(code, int) else 0)
