"""The report's figures, drawn with matplotlib's Agg canvas (no display, no pyplot state), as PNG and SVG.

Both figures are drawn from the rows of the report's CSV tables (sources.csv, frames.csv), never from a
computation of their own. Output is reproducible: SVG ids are salted with a constant and no file carries a
date.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from matplotlib import rc_context
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

if TYPE_CHECKING:
    from quoteframe.report import ReportTables

MAX_SPEAKERS = 8  # speakers with a colour of their own; the rest are "other speakers"
MAX_OUTLETS = 15  # outlets in the sources figure (most quotations first)
MAX_PANELS = 6  # outlets in the frames figure (most framing terms first)
MAX_TERMS = 12  # terms in the frames figure (most frequent in the corpus first)
Z_BEYOND_CHANCE = 1.96
DPI = 120
VOICE_COLOURS = {"own": "#4c72b0", "quoted": "#dd8452", "scare": "#8c8c8c"}
PALETTE = ["#4c72b0", "#dd8452", "#55a868", "#c44e52", "#8172b3", "#937860", "#da8bc3", "#ccb974", "#64b5cd"]
RC: dict[Any, Any] = {"svg.hashsalt": "quoteframe", "text.parse_math": False, "font.size": 9, "axes.spines.top": False, "axes.spines.right": False}


@dataclass(frozen=True)
class Drawn:
    """A figure written as PNG and SVG, with the words the page shows beside it."""

    name: str
    png: Path
    svg: Path
    title: str
    caption: str


def _save(fig: Figure, out: Path, name: str) -> tuple[Path, Path]:
    FigureCanvasAgg(fig)
    fig.set_dpi(DPI)
    fig.draw_without_rendering()  # the constrained layout, once (each save would lay it out again: ~30% of the cost)
    fig.set_layout_engine("none")
    png, svg = out / f"{name}.png", out / f"{name}.svg"
    fig.savefig(png, dpi=DPI, metadata={"Software": None})
    fig.savefig(svg, metadata={"Date": None, "Creator": None})
    return png, svg


def _short(text: str, n: int = 28) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def sources_figure(tables: ReportTables, out: Path) -> Drawn | None:
    """Stacked bars: each outlet's quotations by speaker, the most quoted speakers of the corpus in colour."""
    rows = tables.sources
    if not rows:
        return None
    per_outlet: Counter[str] = Counter()
    per_speaker: Counter[str] = Counter()
    for r in rows:
        per_outlet[r.outlet] += r.quotations
        if r.speaker:
            per_speaker[r.speaker] += r.quotations
    outlets = sorted(per_outlet, key=lambda o: (-per_outlet[o], o))[:MAX_OUTLETS]
    named = [s for s, _ in sorted(per_speaker.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_SPEAKERS]]
    series = [*named, "other speakers", "no speaker"]
    values: dict[str, dict[str, int]] = {s: defaultdict(int) for s in series}
    for r in rows:
        key = r.speaker if r.speaker in named else ("no speaker" if not r.speaker else "other speakers")
        values[key][r.outlet] += r.quotations
    colours = PALETTE[: len(named)] + ["#d0d0d0", "#ffffff"]
    with rc_context(RC):
        fig = Figure(figsize=(8.0, 2.0 + 0.42 * len(outlets)), layout="constrained")
        ax = fig.add_subplot()
        y = list(range(len(outlets)))[::-1]
        left = [0] * len(outlets)
        for name, colour in zip(series, colours):
            widths = [values[name].get(o, 0) for o in outlets]
            if not any(widths):
                continue
            ax.barh(y, widths, left=left, color=colour, edgecolor="#555555", linewidth=0.5, label=_short(name))
            left = [a + b for a, b in zip(left, widths)]
        ax.set_yticks(y, [_short(o, 32) for o in outlets])
        ax.set_xlabel("quotations")
        ax.set_title("Who gets quoted: each outlet's quotations by speaker", loc="left")
        fig.legend(loc="outside lower center", ncol=4, frameon=False, fontsize=8)
        png, svg = _save(fig, out, "sources")
    more = f" The {len(per_outlet) - len(outlets)} outlets with fewest quotations are left out." if len(per_outlet) > len(outlets) else ""
    return Drawn("sources", png, svg, "Who gets quoted",
                 f"Quotations per outlet, by speaker (sources.csv). The {len(named)} speakers quoted most across the "
                 f"corpus have a colour each; white is quotations with no speaker (scare quotes and speakers "
                 f"that could not be recovered).{more}")


def _voice_rank(count: int, voice: str) -> tuple[int, int]:
    """More occurrences first, then own before quoted before scare."""
    order = list(VOICE_COLOURS)
    return count, -(order.index(voice) if voice in order else len(order))


def frames_figure(tables: ReportTables, out: Path) -> Drawn | None:
    """One panel per outlet: the corpus's most frequent framing terms, bars split by voice, z at the end."""
    rows = tables.frames
    if not rows:
        return None
    per_term: Counter[str] = Counter()
    per_outlet: Counter[str] = Counter()
    counts: dict[tuple[str, str, str], int] = {}
    z: dict[tuple[str, str], tuple[int, float, str]] = {}  # (outlet, term) -> the z of its most used voice
    for r in rows:
        outlet, term, voice, n = str(r["outlet"]), str(r["term"]), str(r["voice"]), int(r["count"])  # type: ignore[call-overload]
        per_term[term] += n
        per_outlet[outlet] += n
        counts[(outlet, term, voice)] = n
        # z is per voice: the label shows the voice the outlet used the term most in (own first on a tie)
        best = z.get((outlet, term))
        if best is None or _voice_rank(n, voice) > _voice_rank(best[0], best[2]):
            z[(outlet, term)] = (n, float(r["z"]), voice)  # type: ignore[arg-type]
    terms = [t for t, _ in sorted(per_term.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_TERMS]]
    outlets = sorted(per_outlet, key=lambda o: (-per_outlet[o], o))[:MAX_PANELS]
    ncols = min(3, len(outlets))
    nrows = (len(outlets) + ncols - 1) // ncols
    xmax = max(sum(counts.get((o, t, v), 0) for v in VOICE_COLOURS) for o in outlets for t in terms) or 1
    with rc_context(RC):
        fig = Figure(figsize=(3.6 * ncols, 0.9 + (0.24 * len(terms) + 0.7) * nrows), layout="constrained")
        axes = fig.subplots(nrows, ncols, sharey=True, squeeze=False)
        y = list(range(len(terms)))[::-1]
        for k, ax in enumerate(axes.flat):
            if k >= len(outlets):
                ax.set_visible(False)
                continue
            outlet = outlets[k]
            left = [0] * len(terms)
            for voice, colour in VOICE_COLOURS.items():
                widths = [counts.get((outlet, t, voice), 0) for t in terms]
                ax.barh(y, widths, left=left, color=colour, label=voice if k == 0 else None)
                left = [a + b for a, b in zip(left, widths)]
            for yy, t, end in zip(y, terms, left):
                found = z.get((outlet, t))
                if found is None:
                    continue
                _, zz, voice = found
                strong = abs(zz) > Z_BEYOND_CHANCE
                label = f"z={zz:+.1f}{'*' if strong else ''}" + ("" if voice == "own" else f" ({voice})")
                ax.text(end + xmax * 0.03, yy, label, va="center", fontsize=7,
                        fontweight="bold" if strong else "normal", color="#000000" if strong else "#777777")
            ax.set_xlim(0, xmax * 1.45)
            ax.set_title(_short(outlet, 34), loc="left", fontsize=9)
            ax.set_yticks(y, terms)
            ax.tick_params(axis="y", length=0)
            if k >= len(outlets) - ncols:
                ax.set_xlabel("occurrences")
        fig.suptitle("Framing terms per outlet, by voice (z: log-odds against the other outlets; * |z| > 1.96)",
                     x=0.01, ha="left", fontsize=10)
        fig.legend(loc="outside lower center", ncol=3, frameon=False)
        png, svg = _save(fig, out, "frames")
    more = (f" Only the {len(outlets)} outlets with most framing terms are drawn; frames.csv has all {len(per_outlet)}."
            if len(per_outlet) > len(outlets) else "")
    return Drawn("frames", png, svg, "Framing terms by voice",
                 f"The {len(terms)} framing terms most frequent in the corpus, counted per outlet and split by voice: "
                 "the outlet's own narration, inside quotations, or inside its scare quotes (frames.csv). z is the "
                 "term's log-odds z-score for the outlet against all others in one voice: the voice the outlet used it "
                 "most in (own unless marked quoted or scare); a star and bold type "
                 f"mark |z| > 1.96, beyond chance at the 5% level.{more}")


def draw_figures(tables: ReportTables, out: Path) -> list[Drawn]:
    """Every figure the report has rows for, written into ``out`` (created)."""
    out.mkdir(parents=True, exist_ok=True)
    drawn: Sequence[Drawn | None] = [sources_figure(tables, out), frames_figure(tables, out)]
    return [d for d in drawn if d is not None]
