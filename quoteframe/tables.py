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


def write_table(table: Table, out: TextIO, fmt: str = "csv", raw: bool = False, wrap: int | None = 60) -> None:
    """Write ``table`` to ``out`` in ``fmt`` (one of FORMATS)."""
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
        text = tabulate(body, headers=cols, tablefmt="simple" if fmt == "table" else "github",
                        disable_numparse=True, maxcolwidths=wrap if fmt == "table" else None)
        out.write(text + "\n")
    else:
        raise ValueError(f"unknown format {fmt!r}")


def rows_of(records: Iterable[object]) -> list[dict[str, object]]:
    """Rows of records that have a ``row()`` method."""
    return [r.row() for r in records]  # type: ignore[attr-defined]
