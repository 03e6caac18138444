"""Write tables in every output format, byte-for-byte reproducibly.

Each table declares its columns (headers never come from dict order). CSV is safe to open in a
spreadsheet: a text cell starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return is prefixed with
``'`` unless ``raw`` is set (numbers are left alone). Floats are written at fixed precision.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TextIO

from tabulate import tabulate

FORMATS = ("csv", "tsv", "jsonl", "json", "table", "markdown")
DANGEROUS = ("=", "+", "-", "@", "\t", "\r")
FLOAT_DIGITS = 4
TABLE_WIDTH = 120  # what --format table fits a row into when stdout is not a terminal
MIN_COLUMN = 8  # a wrapped column is never narrower than this (or its header)
TEXT_FALLBACK = 40  # where running text wraps when no wrapping makes a row fit
GAP = 2  # spaces between columns in tabulate's "simple" format


@dataclass(frozen=True)
class Table:
    """Column names in order, and the rows (mappings holding at least those keys). The rows may be a
    one-pass iterator: CSV, TSV and JSONL write them as they come."""

    columns: Sequence[str]
    rows: Iterable[Mapping[str, object]]


def _cell(value: object) -> object:
    if isinstance(value, float):
        return f"{value:.{FLOAT_DIGITS}f}"
    if value is None:
        return ""
    return value


def cell_text(value: object) -> str:
    """A cell as every format writes it (floats at fixed precision, None empty): a page or a Markdown
    table built from the same rows shows the same values as the CSV."""
    return str(_cell(value))


def _safe(value: object, raw: bool) -> object:
    if raw or not isinstance(value, str) or not value.startswith(DANGEROUS):
        return value
    return "'" + value


def _json_value(value: object) -> object:
    if isinstance(value, float):
        return float(f"{value:.{FLOAT_DIGITS}f}")
    return value


def fit_widths(columns: Sequence[str], body: Sequence[Sequence[object]], width: int) -> list[int | None]:
    """Per column, the width its cells wrap at (None: not wrapped) so that a row fits ``width``.

    The widest columns are narrowed first, all to one common width, the largest that fits, never below
    MIN_COLUMN or the column's header (which is not wrapped). Columns of running text (cells with
    spaces: a quotation, a list of outlets) are narrowed before identifiers, which are cut only when
    the text alone cannot make room. A table that fits as it is is left alone; one that no wrapping
    can fit wraps its running text at TEXT_FALLBACK and leaves the rest whole.
    """
    n_cols = len(columns)
    cells = [[str(row[i]) for row in body] for i in range(n_cols)]
    # tabulate's "simple" format pads a header by 2 and puts 2 spaces between columns
    floor = [len(str(c)) + 2 for c in columns]
    natural = [max([floor[i]] + [max(len(line) for line in cell.split("\n")) for cell in cells[i]])
               for i in range(n_cols)]
    texty = [any(" " in cell for cell in cells[i]) for i in range(n_cols)]

    def total(cap: int, which: list[bool]) -> int:
        return sum(max(min(n, cap), f, MIN_COLUMN) if w else n
                   for n, f, w in zip(natural, floor, which)) + GAP * (n_cols - 1)

    if not columns or sum(natural) + GAP * (n_cols - 1) <= width:
        return [None] * n_cols
    for which in (texty, [True] * n_cols):
        if not any(which):
            continue
        lo, hi = 1, max(natural)
        while lo < hi:  # the largest cap that fits (or 1: as narrow as the floors allow)
            mid = (lo + hi + 1) // 2
            if total(mid, which) <= width:
                lo = mid
            else:
                hi = mid - 1
        if total(lo, which) <= width:
            return [max(lo, f, MIN_COLUMN) if w and n > max(lo, f, MIN_COLUMN) else None
                    for n, f, w in zip(natural, floor, which)]
    # no wrapping makes a row fit (the 13 columns of the quotes table at 120): ids and dates are not
    # cut to pieces for a row that overflows anyway; running text wraps at a width still easy to read
    return [max(TEXT_FALLBACK, f) if w and n > max(TEXT_FALLBACK, f) else None for n, f, w in zip(natural, floor, texty)]


def write_table(table: Table, out: TextIO, fmt: str = "csv", raw: bool = False, width: int | None = TABLE_WIDTH) -> None:
    """Write ``table`` to ``out`` in ``fmt`` (one of FORMATS). A ``table`` wraps its long text columns so
    that a row fits ``width`` characters (None: no wrapping); ``markdown`` never wraps (a cell of a
    Markdown table cannot hold a line break)."""
    cols = list(table.columns)
    if fmt in ("csv", "tsv"):
        writer = csv.writer(out, delimiter="," if fmt == "csv" else "\t", lineterminator="\n",
                            quoting=csv.QUOTE_MINIMAL)
        writer.writerow(cols)
        for row in table.rows:
            writer.writerow([_cell(_safe(row.get(c), raw)) for c in cols])
    elif fmt == "jsonl":
        for row in table.rows:
            out.write(json.dumps({c: _json_value(row.get(c)) for c in cols}, ensure_ascii=False) + "\n")
    elif fmt == "json":
        json.dump([{c: _json_value(row.get(c)) for c in cols} for row in table.rows], out, ensure_ascii=False, indent=1)
        out.write("\n")
    elif fmt in ("table", "markdown"):
        body = [[_cell(row.get(c)) for c in cols] for row in table.rows]
        limits = fit_widths(cols, body, width) if fmt == "table" and width and body else None
        text = tabulate(body, headers=cols, tablefmt="simple" if fmt == "table" else "github",
                        disable_numparse=True, maxcolwidths=limits if limits and any(limits) else None)
        out.write(text + "\n")
    else:
        raise ValueError(f"unknown format {fmt!r}")


def rows_of(records: Iterable[object]) -> list[dict[str, object]]:
    """Rows of records that have a ``row()`` method."""
    return [r.row() for r in records]  # type: ignore[attr-defined]
