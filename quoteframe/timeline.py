"""Tables split by the documents' dates (``--by-date day|week|month``): to follow a framing over time.

A document's date comes from its manifest row or its record's --date-field, as written; the period is
read from its start: an ISO date (``2022-01-07``, with or without a time after it, whose own day is
kept whatever its time zone) or an RFC 2822 date (``Fri, 07 Jan 2022 10:00:00 GMT``). A document
whose date is absent or unreadable falls in the period ``""``, counted so the command can say so.
The split tables are the usual tables computed per period, with a ``period`` column appended; without
--by-date nothing here runs and the tables are unchanged.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from email.utils import parsedate_to_datetime

from quoteframe.frames import FrameCounts
from quoteframe.records import DocResult, Quote
from quoteframe.variants import VariantGroup, drift_rows, summary_rows, variant_rows

PERIODS = ("day", "week", "month")
ISO_DATE_RE = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})(?![\d])")


def parse_date(text: str) -> dt.date | None:
    """The calendar day a date string names, or None when it names none this module can read."""
    m = ISO_DATE_RE.match(text)
    if m:
        try:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    if not text.strip():
        return None
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None


def period_of(text: str, unit: str) -> str:
    """``2022-01-07`` (day), ``2022-W01`` (ISO week), ``2022-01`` (month); "" for no readable date."""
    day = parse_date(text)
    if day is None:
        return ""
    if unit == "day":
        return day.isoformat()
    if unit == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    if unit == "month":
        return f"{day.year:04d}-{day.month:02d}"
    raise ValueError(f"unknown period {unit!r} (expected one of {', '.join(PERIODS)})")


class FramesByDate:
    """The frames table per period: each period's counts, rates and z as if its documents were the
    whole corpus (an outlet's rate is per its words of that period, its z against the other outlets of
    that period), rows sorted as the frames table is, then by period."""

    def __init__(self, results: Iterable[DocResult], unit: str, by: str = "term") -> None:
        self.by = by
        self.undated = 0
        self.counts: dict[str, FrameCounts] = {}
        for res in results:
            period = period_of(res.date, unit)
            self.undated += not period
            if period not in self.counts:
                self.counts[period] = FrameCounts(by=by)
            self.counts[period].add(res)

    def rows(self, prior: float = 1000.0) -> list[dict[str, object]]:
        rows = [dict(row, period=period) for period in sorted(self.counts) for row in self.counts[period].rows(prior)]
        key = "term" if self.by == "term" else "category"
        rows.sort(key=lambda r: (str(r["outlet"]), str(r[key]), str(r["voice"])))  # stable: periods stay in order
        return rows


def dates_of(quotes: Iterable[Quote]) -> dict[str, str]:
    """doc_id -> date of the documents of some quotations."""
    return {q.doc_id: q.date for q in quotes}


def split_groups(groups: Sequence[VariantGroup], dates: dict[str, str], unit: str) -> list[tuple[str, VariantGroup]]:
    """Each remark cut into its renderings of each period, in remark order then period order. A part
    keeps the remark's id, speaker and central rendering (its representative text); its similarity and
    drift are those of its own renderings."""
    parts: list[tuple[str, VariantGroup]] = []
    for g in groups:
        by_period: dict[str, list] = {}
        for m in g.members:
            by_period.setdefault(period_of(dates.get(m.doc_id, ""), unit), []).append(m)
        for period in sorted(by_period):
            members = by_period[period]
            ids = {id(m) for m in members}
            sims = [m.similarity for m in members if m is not g.central]
            fams = {f.family_id: replace(f, members=[m for m in f.members if id(m) in ids]) for f in g.families}
            fams = {k: f for k, f in fams.items() if f.members}
            fdrift = [replace(d, family_a=fams.get(d.family_a.family_id, d.family_a), family_b=fams[d.family_b.family_id])
                      for d in g.family_drift if d.family_b.family_id in fams]
            parts.append((period, replace(g, members=members, min_similarity=min(sims, default=1.0),
                                          drift=[d for d in g.drift if id(d[0]) in ids],
                                          families=list(fams.values()), family_drift=fdrift)))
    return parts


def variant_tables_by_date(groups: Sequence[VariantGroup], dates: dict[str, str], unit: str,
                           view: str | None, everything: bool = False) -> list[dict[str, object]]:
    """The variants table of ``view`` (None: renderings, "summary", "drift") with a period column; a
    remark's translation families and the drift between them are those of the period's renderings
    (``everything``: function-word drift rows too, as ``--all``)."""
    rows: list[dict[str, object]] = []
    for period, part in split_groups(groups, dates, unit):
        if view == "drift":
            built = drift_rows([part], everything=everything)
        else:
            built = summary_rows([part]) if view == "summary" else variant_rows([part])
        rows.extend(dict(row, period=period) for row in built)
    if view == "drift":  # the drift table's order (by variant_id), then by period
        rows.sort(key=lambda r: (str(r["variant_id"]), str(r["period"])))
    return rows


def undated_documents(dates: dict[str, str], unit: str) -> int:
    """How many of the documents have no date ``period_of`` can read."""
    return sum(1 for d in dates.values() if not period_of(d, unit))


def sources_by_date(quotes: Iterable[Quote], unit: str) -> list[dict[str, object]]:
    """``quotes --summary`` per period: each period's rows as if its quotations were the whole corpus (a
    share is of the outlet's attributed quotations of that period), sorted by outlet, then period, then as
    the summary is (quotations, most first, then speaker), so an outlet's sources read down through time."""
    from quoteframe.quotes import summarise_sources

    by_period: dict[str, list[Quote]] = {}
    for q in quotes:
        by_period.setdefault(period_of(q.date, unit), []).append(q)
    rows = [(period, r) for period in by_period for r in summarise_sources(by_period[period])]
    rows.sort(key=lambda pr: (pr[1].outlet, pr[0], -pr[1].quotations, pr[1].speaker))
    return [dict(r.row(), period=period) for period, r in rows]
