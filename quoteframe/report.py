"""The write-up in one run: every table a report needs from one reading of the corpus, then the files.

``build_report`` takes the stream of document results that the other commands take (with framing hits:
``Analysis(frames=True)``), reads it once, and computes each table with the same library functions the
commands use: ``QuoteTable`` and ``summarise_sources`` (quotes), ``find_variants`` and its row functions
(variants), ``FrameCounts`` (frames, as ``frame_tables``). ``write_report`` writes those rows as CSV with the writer every
command uses, and builds the figures, the Markdown and the HTML page from the very same rows, so what a
reader sees in the page is what the CSV holds.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from quoteframe.aliases import Aliases
from quoteframe.errors import QuoteframeError
from quoteframe.frames import CATEGORY_COLUMNS, FRAME_COLUMNS, FrameCounts
from quoteframe.quotes import QUOTE_COLUMNS, SOURCE_COLUMNS, QuoteTable, SourceRow, SpeakerNames, summarise_sources
from quoteframe.records import DocResult, Quote
from quoteframe.tables import Table, write_table
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

CORPUS_COLUMNS = ["outlet", "date", "documents", "quotations", "words"]
Row = Mapping[str, object]
Message = Callable[[str], None]


class ReportDirError(QuoteframeError):
    """The report's folder holds files already (and --force was not given), or is not a folder."""


@dataclass
class ReportTables:
    """Every table of a report, as the rows its CSV file holds."""

    corpus: list[dict[str, object]]
    quotes: list[Quote]
    sources: list[SourceRow]
    variants: list[dict[str, object]]
    remarks: list[dict[str, object]]
    drift: list[dict[str, object]]
    frames: list[dict[str, object]]
    frames_by_category: list[dict[str, object]]
    wordnet: bool = False  # whether variant linking had WordNet synonyms
    notes: list[str] = field(default_factory=list)  # what the page should tell the reader about this run
    files: list[Path] = field(default_factory=list)  # the files written (set by quoteframe.make_report)
    names: SpeakerNames | None = None  # the speaker names used (to report aliases that matched nothing)

    def csv_tables(self) -> dict[str, Table]:
        """File name -> table, in the order the files are written."""
        return {
            "quotes.csv": Table(QUOTE_COLUMNS, [q.row() for q in self.quotes]),
            "sources.csv": Table(SOURCE_COLUMNS, [r.row() for r in self.sources]),
            "variants.csv": Table(VARIANT_COLUMNS, self.variants),
            "remarks.csv": Table(SUMMARY_COLUMNS, self.remarks),
            "drift.csv": Table(DRIFT_COLUMNS, self.drift),
            "frames.csv": Table(FRAME_COLUMNS, self.frames),
            "frames_by_category.csv": Table(CATEGORY_COLUMNS, self.frames_by_category),
            "corpus.csv": Table(CORPUS_COLUMNS, self.corpus),
        }


def build_report(results: Iterable[DocResult], params: LinkParams | None = None, wordnet: WordNet | None = None,
                 prior: float = 1000.0, jobs: int = 1, stage: Message | None = None,
                 aliases: Aliases | None = None) -> ReportTables:
    """Read the results once and compute every table (results need framing hits: ``Analysis(frames=True)``).

    The stream is consumed once, as the commands consume it: each document's framing hits go into the
    running counts of the frames tables (``FrameCounts``, what ``frame_tables`` does) and are dropped; its
    quotations wait in ``QuoteTable``'s temporary file until speaker names are canonical. Only the
    quotations are then held, since variant linking needs all of them. ``aliases`` correct speaker names
    as in every command (``names`` on the result says which matched nothing). ``stage`` hears what comes
    next once the corpus is read (linking a month of quotations takes a while).
    """
    docs: Counter[tuple[str, str]] = Counter()
    words: Counter[tuple[str, str]] = Counter()
    n_quotes: Counter[tuple[str, str]] = Counter()
    by_term, by_category = FrameCounts("term"), FrameCounts("category")

    def counted(stream: Iterable[DocResult]) -> Iterator[DocResult]:
        for res in stream:
            key = (res.outlet, res.date)
            docs[key] += 1
            words[key] += res.n_words
            n_quotes[key] += len(res.quotes)
            by_term.add(res)
            by_category.add(res)
            res.frame_hits = []  # counted: the quotations' table does not need them
            yield res

    with QuoteTable(counted(results), aliases) as table:
        quotes = list(table)
        names = table.names
    corpus = [{"outlet": o, "date": d, "documents": n, "quotations": n_quotes[(o, d)], "words": words[(o, d)]}
              for (o, d), n in sorted(docs.items())]
    frames, frames_by_category = by_term.rows(prior), by_category.rows(prior)
    wordnet = wordnet if wordnet is not None else WordNet()
    if stage:
        stage(f"linking the renderings of {len(quotes):,} quotations")
    groups = find_variants(quotes, params, wordnet, jobs=jobs)
    return ReportTables(corpus=corpus, quotes=quotes, sources=summarise_sources(quotes),
                        variants=variant_rows(groups), remarks=summary_rows(groups), drift=drift_rows(groups),
                        frames=frames, frames_by_category=frames_by_category, wordnet=wordnet.available,
                        names=names)


def prepare_dir(path: str | os.PathLike[str], force: bool = False) -> Path:
    """The report's folder, created if new. One that holds anything already is refused unless ``force``:
    a report never overwrites a user's files without being told to."""
    out = Path(path)
    if out.exists() and not out.is_dir():
        raise ReportDirError(f"{out} is a file, not a folder")
    if out.is_dir() and any(out.iterdir()) and not force:
        raise ReportDirError(f"{out} is not empty; choose a new folder or add --force to overwrite its report files")
    out.mkdir(parents=True, exist_ok=True)
    return out


def write_report(tables: ReportTables, out_dir: str | os.PathLike[str], figures: bool = True,
                 title: str = "quoteframe report", message: Message | None = None,
                 stage: Message | None = None) -> list[Path]:
    """Write the CSV tables, the figures (PNG and SVG, when matplotlib is installed), report.md and
    report.html into ``out_dir`` (which ``prepare_dir`` has checked); the paths written, in order."""
    from quoteframe.page import render_html, render_markdown

    out = Path(out_dir)
    written: list[Path] = []
    for name, table in tables.csv_tables().items():
        path = out / name
        with open(path, "w", encoding="utf-8", newline="") as fh:
            write_table(table, fh, "csv")
        written.append(path)
    drawn = []
    if figures:
        try:
            from quoteframe.figures import draw_figures
        except ImportError:
            tables.notes.append("No figures: matplotlib is not installed (pip install 'quoteframe[report]').")
            if message:
                message("matplotlib not installed: the report has no figures (pip install 'quoteframe[report]')")
        else:
            if stage:
                stage("drawing the figures")
            drawn = draw_figures(tables, out / "figures")
            written += [p for fig in drawn for p in (fig.png, fig.svg)]
    md = out / "report.md"
    md.write_text(render_markdown(tables, drawn, title), encoding="utf-8", newline="\n")
    page = out / "report.html"
    page.write_text(render_html(tables, drawn, title), encoding="utf-8", newline="\n")
    return [*written, md, page]


def top(rows: Sequence[Row], limit: int) -> tuple[list[Row], int]:
    """The first ``limit`` rows and how many were left out (pages show the head; the CSV has them all)."""
    return list(rows[:limit]), max(0, len(rows) - limit)
