"""report.html and report.md, built from the report's rows (the CSV files' rows, never a second computation).

The page is one self-contained file: inline style, no script, no font or style from the network, figures
as files beside it. Every piece of corpus text (quotations, names, outlets, ids) passes through
``html.escape``, so a quotation holding ``<script>`` shows as text and never runs; the only markup is
this module's own.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Mapping, Sequence
from html import escape
from typing import TYPE_CHECKING

from quoteframe import __version__
from quoteframe.tables import Table, cell_text, write_table

if TYPE_CHECKING:
    from quoteframe.figures import Drawn
    from quoteframe.report import ReportTables

Row = Mapping[str, object]
WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")  # the words variant linking aligns (variants.WORD_RE)
MAX_SOURCE_ROWS = 12  # speakers per outlet shown in the page (sources.csv has them all)
MAX_REMARKS = 40
MAX_FRAME_ROWS = 60

COLUMNS_EXPLAINED: dict[str, list[tuple[str, str]]] = {
    "quotes.csv": [
        ("doc_id, outlet", "the document and the outlet that published it (from the manifest or the record)"),
        ("quote_id", "the quotation's id: doc_id and its number in the document"),
        ("kind", "direct (a clause or sentences of someone's speech), partial (a speaker's words inside the "
                 "reporter's sentence) or scare (the outlet's own distancing quotes)"),
        ("speaker", "one canonical name per person across the corpus (spellings merged, the most frequent kept); "
                    "empty when the speaker cannot be recovered: it is never guessed"),
        ("speaker_mention, mention_start, mention_end", "the words of this document that name the speaker "
                                                        "(he, the top U.S. diplomat) and their offsets"),
        ("cue", "the speech cue (said, told, according to)"),
        ("start, end, text", "the quotation's character offsets in the document, quotation marks excluded; "
                             "text is document[start:end]"),
    ],
    "sources.csv": [
        ("outlet, speaker", "who the outlet quoted; one row with an empty speaker holds its quotations without one"),
        ("quotations, direct, partial", "how many quotations, and how many of them direct or partial"),
        ("words", "words quoted in total"),
        ("share", "the speaker's share of the outlet's attributed quotations"),
    ],
    "variants.csv": [
        ("variant_id", "the remark: renderings of one remark across outlets share it"),
        ("start, end, text", "this rendering (a sentence or clause of a quotation) and its offsets"),
        ("similarity", "TF-IDF similarity to the remark's central rendering (1 for the central one)"),
        ("drift", "the words that differ from the central rendering, central → this one"),
    ],
    "remarks.csv": [
        ("outlets, renderings", "the outlets that rendered the remark, and how many renderings there are"),
        ("representative", "the central rendering (the medoid of the full renderings)"),
        ("min_similarity", "the lowest similarity of a rendering to the central one"),
        ("drift_terms", "the substitutions between renderings: the translation drift"),
    ],
    "drift.csv": [
        ("outlet_a, outlet_b", "the outlet of the central rendering, and of the rendering compared with it"),
        ("a_words, b_words, op", "the words that differ and how: substitute, insert or delete"),
    ],
    "frames.csv": [
        ("term, category", "a framing term of the lexicon and its category"),
        ("voice", "own (the outlet's narration), quoted (inside a quotation) or scare (inside scare quotes)"),
        ("count, rate", "occurrences, and per 10,000 words of the voice's text (the outlet's quoted words for "
                        "quoted hits, its own words outside quotations for own and scare hits)"),
        ("z", "log-odds z-score of the term for this outlet against all others in the same voice; |z| > 1.96 is "
              "beyond chance at the 5% level"),
    ],
    "frames_by_category.csv": [("category, voice, count, rate, z", "as frames.csv, terms pooled by category")],
    "corpus.csv": [("outlet, date, documents, quotations, words", "what was read, per outlet and date")],
}

ACCURACY = [  # docs/accuracy.md, measured with `make eval`
    ("seeds (5 articles, gold by hand)", "quotation spans", "1.000"),
    ("seeds", "speaker of direct quotations", "1.000 (22 of 22)"),
    ("seeds", "speaker of partial quotations", "0.972"),
    ("seeds", "renderings linked into one remark (pairs)", "0.977"),
    ("devcoverage (52 articles on two translated speeches)", "speaker of direct quotations",
     "1.000 (Putin), 0.980 (Xi)"),
    ("devcoverage", "speaker of partial quotations", "0.906 (Putin), 0.934 (Xi)"),
    ("PolNeAR dev (US political news)", "direct quotation with its speaker mention", "0.892"),
    ("MultiMWA-MTRef dev (translations)", "remark linking (judged pairs)", "0.859"),
    ("MultiMWA-MTRef dev", "drift word alignment", "0.804"),
]

CAVEATS = [
    "A quotation's speaker is left empty rather than guessed; such quotations are counted on their own row "
    "of sources.csv, so every outlet's quotations add up.",
    "Speakers are merged by name across the corpus: different spellings of one person become one name. Roles "
    "(the president) are resolved to a person only when the text names the holder.",
    "Renderings are linked into one remark only when they have the same speaker: a remark given to different "
    "speakers by two outlets is two remarks here.",
    "Framing terms are those of the lexicon (lexicons/frames.csv), counted in any sense of the word; a term "
    "the lexicon lacks is not counted.",
    "On a few articles few differences reach |z| > 1.96: read z as a pointer to where to look, not as a finding.",
    "Accuracy was measured on English news; other genres and machine-translated text may do worse.",
]

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:0;color:#1d1d1f;
background:#fff;line-height:1.45}
main{max-width:72rem;margin:0 auto;padding:1rem 1.5rem 3rem}
header{border-bottom:1px solid #ddd;margin-bottom:1rem}
h1{font-size:1.6rem;margin:.6rem 0 .2rem}h2{font-size:1.3rem;margin-top:2.2rem;border-bottom:2px solid #4c72b0;
padding-bottom:.2rem}h3{font-size:1rem;margin:1.2rem 0 .4rem}
nav a{margin-right:1rem;color:#4c72b0}.meta{color:#555;font-size:.9rem}
table{border-collapse:collapse;font-size:.85rem;margin:.5rem 0 1rem}
th,td{border:1px solid #ddd;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#f2f4f8}tbody tr:nth-child(even){background:#fafafa}td.num{text-align:right;
font-variant-numeric:tabular-nums}
figure{margin:1rem 0}figure img{max-width:100%;height:auto;border:1px solid #eee}
figcaption{font-size:.85rem;color:#444;max-width:60rem}
.remark{border:1px solid #ddd;border-radius:6px;padding:.6rem .8rem;margin:1rem 0}
.remark-head{font-size:.85rem;color:#444;margin-bottom:.4rem}
.outlets{display:grid;grid-template-columns:repeat(auto-fit,minmax(12rem,1fr));gap:.6rem}
.outlet{background:#f7f8fa;border-radius:4px;padding:.4rem .6rem}
.outlet h4{margin:0 0 .3rem;font-size:.85rem;color:#4c72b0}
blockquote{margin:.2rem 0 .5rem;font-size:.92rem}
blockquote.central{border-left:3px solid #4c72b0;padding-left:.4rem}
.small{font-size:.75rem;color:#666}mark{background:#ffe08a;padding:0 .1em}
.note{background:#fff7e0;border-left:3px solid #e0a800;padding:.3rem .6rem;font-size:.9rem}
dl{font-size:.9rem}dt{font-weight:600;margin-top:.4rem}dd{margin-left:1.2rem}
"""


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def html_table(columns: Sequence[str], rows: Iterable[Row]) -> str:
    """A table of rows exactly as the CSV writes their cells, every cell escaped."""
    head = "".join(f"<th>{escape(c)}</th>" for c in columns)
    body = []
    for row in rows:
        cells = []
        for c in columns:
            value = row.get(c)
            cls = ' class="num"' if _is_number(value) else ""
            cells.append(f"<td{cls}>{escape(cell_text(value))}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def parse_drift(drift: str) -> list[tuple[str, str]]:
    """(central words, rendering words) of a variants row's drift cell (``a → b; c → ∅``)."""
    pairs = []
    for part in drift.split("; ") if drift else []:
        a, sep, b = part.partition(" → ")
        if sep:
            pairs.append(("" if a == "∅" else a, "" if b == "∅" else b))
    return pairs


def highlight(text: str, phrases: Iterable[str]) -> str:
    """``text`` escaped, with each phrase's words marked where they occur in order (first unmarked
    occurrence, compared case-blind as variant linking compares them)."""
    tokens = [(m.start(), m.end(), m.group().lower()) for m in WORD_RE.finditer(text)]
    marked = [False] * len(tokens)
    for phrase in phrases:
        words = [w.lower() for w in WORD_RE.findall(phrase)]
        if not words:
            continue
        for i in range(len(tokens) - len(words) + 1):
            if all(not marked[i + k] and tokens[i + k][2] == w for k, w in enumerate(words)):
                for k in range(len(words)):
                    marked[i + k] = True
                break
    out, pos, k = [], 0, 0
    while k < len(tokens):
        if not marked[k]:
            k += 1
            continue
        j = k
        while j + 1 < len(tokens) and marked[j + 1]:
            j += 1
        start, end = tokens[k][0], tokens[j][1]
        out.append(escape(text[pos:start]))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        pos, k = end, j + 1
    out.append(escape(text[pos:]))
    return "".join(out)


def remarks_across_outlets(remarks: Sequence[Row]) -> list[Row]:
    """The remarks rendered by more than one outlet, those rendered by most outlets first, then those whose
    renderings differ (remarks.csv's order within each): where a reader sees translation drift."""
    across = [r for r in remarks if len(str(r["outlets"]).split("; ")) > 1]
    return sorted(across, key=lambda r: (-len(str(r["outlets"]).split("; ")), not r["drift_terms"]))


def _remarks_html(tables: ReportTables) -> str:
    by_id: dict[str, list[Row]] = {}
    for r in tables.variants:
        by_id.setdefault(str(r["variant_id"]), []).append(r)
    shown = remarks_across_outlets(tables.remarks)
    parts = [f"<p>{len(tables.remarks)} remarks were found in more than one rendering; the {len(shown)} rendered by "
             "more than one outlet are shown here, those rendered by most outlets first, each rendering under its "
             "outlet. Marked words differ from "
             "the central rendering (left bar): in the central rendering, the words another outlet rendered "
             "differently; in the others, their rendering. All remarks and every rendering are in remarks.csv, "
             "variants.csv and drift.csv.</p>"]
    if not shown:
        parts.append('<p class="note">No remark was rendered by more than one outlet.</p>')
    for remark in shown[:MAX_REMARKS]:
        vid = str(remark["variant_id"])
        members = by_id.get(vid, [])
        central = next((m for m in members if m["text"] == remark["representative"]), members[0] if members else None)
        central_marks = [a for m in members for a, _ in parse_drift(str(m["drift"]))]
        outlets: dict[str, list[Row]] = {}
        for m in members:
            outlets.setdefault(str(m["outlet"]), []).append(m)
        cols = []
        for outlet in sorted(outlets):
            quotes = []
            for m in outlets[outlet]:
                is_central = m is central
                marks = central_marks if is_central else [b for _, b in parse_drift(str(m["drift"]))]
                label = "central rendering" if is_central else f"similarity {cell_text(m['similarity'])}"
                cls = ' class="central"' if is_central else ""
                quotes.append(f'<blockquote{cls}>“{highlight(str(m["text"]), marks)}”'
                              f'<br><span class="small">{escape(label)} · {escape(str(m["quote_id"]))}</span></blockquote>')
            cols.append(f'<div class="outlet"><h4>{escape(outlet)}</h4>{"".join(quotes)}</div>')
        drift_terms = str(remark["drift_terms"])
        parts.append(
            f'<div class="remark" id="remark-{escape(vid)}"><div class="remark-head"><strong>{escape(str(remark["speaker"]) or "no speaker")}</strong>'
            f' · {escape(vid)} · {escape(cell_text(remark["renderings"]))} renderings · lowest similarity '
            f'{escape(cell_text(remark["min_similarity"]))}'
            f'{" · drift: " + escape(drift_terms) if drift_terms else ""}</div>'
            f'<div class="outlets">{"".join(cols)}</div></div>')
    if len(shown) > MAX_REMARKS:
        parts.append(f"<p>{len(shown) - MAX_REMARKS} more remarks across outlets are in remarks.csv.</p>")
    return "".join(parts)


def _sources_rows(tables: ReportTables) -> tuple[list[Row], int]:
    rows: list[Row] = []
    left_out = 0
    per_outlet: dict[str, int] = {}
    for r in tables.sources:
        n = per_outlet.get(r.outlet, 0)
        per_outlet[r.outlet] = n + 1
        if n < MAX_SOURCE_ROWS:
            rows.append(r.row())
        else:
            left_out += 1
    return rows, left_out


def _figure_html(fig: Drawn) -> str:
    return (f'<figure><img src="figures/{escape(fig.png.name)}" alt="{escape(fig.title)}">'
            f'<figcaption>{escape(fig.caption)} Also as <a href="figures/{escape(fig.svg.name)}">SVG</a>.'
            f'</figcaption></figure>')


def render_html(tables: ReportTables, figures: Sequence[Drawn], title: str) -> str:
    """The report page: five sections (corpus, sources, remarks, frames, method), no script."""
    from quoteframe.frames import CATEGORY_COLUMNS, FRAME_COLUMNS
    from quoteframe.quotes import SOURCE_COLUMNS
    from quoteframe.report import CORPUS_COLUMNS

    figs = {f.name: f for f in figures}
    n_docs = sum(int(r["documents"]) for r in tables.corpus)  # type: ignore[call-overload]
    outlets = sorted({str(r["outlet"]) for r in tables.corpus})
    notes = "".join(f'<p class="note">{escape(n)}</p>' for n in tables.notes)
    source_rows, sources_left = _sources_rows(tables)
    frame_rows = tables.frames[:MAX_FRAME_ROWS]
    body = [
        f"<header><h1>{escape(title)}</h1>",
        f'<p class="meta">{n_docs} documents from {len(outlets)} outlets, {len(tables.quotes)} quotations, '
        f"{len(tables.remarks)} remarks in several renderings. Made by quoteframe {escape(__version__)}; every table "
        "here is a CSV file beside this page.</p>",
        '<nav><a href="#corpus">Corpus</a><a href="#sources">Who gets quoted</a><a href="#remarks">Remarks</a>'
        '<a href="#frames">Framing</a><a href="#method">Method</a></nav></header>',
        notes,
        '<section id="corpus"><h2>Corpus</h2><p>Documents per outlet and date (corpus.csv).</p>',
        html_table(CORPUS_COLUMNS, tables.corpus), "</section>",
        '<section id="sources"><h2>Who gets quoted</h2>',
        _figure_html(figs["sources"]) if "sources" in figs else "",
        "<p>Each outlet's speakers, most quoted first (sources.csv). share is of the outlet's attributed "
        "quotations; the row with no speaker holds the rest.</p>",
        html_table(SOURCE_COLUMNS, source_rows),
        f"<p>{sources_left} less quoted speakers are in sources.csv.</p>" if sources_left else "",
        "</section>",
        '<section id="remarks"><h2>One remark, several renderings</h2>', _remarks_html(tables), "</section>",
        '<section id="frames"><h2>How the outlets label the actors</h2>',
        _figure_html(figs["frames"]) if "frames" in figs else "",
        "<h3>By category</h3><p>frames_by_category.csv: framing terms pooled by category, per outlet and voice.</p>",
        html_table(CATEGORY_COLUMNS, tables.frames_by_category),
        f"<h3>By term</h3><p>frames.csv{f' (its first {MAX_FRAME_ROWS} rows of {len(tables.frames)})' if len(tables.frames) > MAX_FRAME_ROWS else ''}.</p>",
        html_table(FRAME_COLUMNS, frame_rows), "</section>",
        '<section id="method"><h2>Method</h2>', _method_html(tables), "</section>",
    ]
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            f"<title>{escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n"
            + "\n".join(part for part in body if part) + "\n</main>\n</body>\n</html>\n")


def _method_html(tables: ReportTables) -> str:
    cols = "".join(
        f"<h3>{escape(name)}</h3><dl>" + "".join(f"<dt>{escape(c)}</dt><dd>{escape(d)}</dd>" for c, d in items) + "</dl>"
        for name, items in COLUMNS_EXPLAINED.items())
    acc = html_table(["data", "measure", "F1"], [{"data": d, "measure": m, "F1": f} for d, m, f in ACCURACY])
    caveats = list(CAVEATS)
    if not tables.wordnet:
        caveats.append("WordNet was not installed for this run: renderings were linked by stems only "
                       "(make wordnet adds synonyms offline).")
    return ("<p>quoteframe finds every quotation, names its speaker, links renderings of one remark across "
            "outlets and counts framing terms by voice. How, in detail: docs/method.md in the quoteframe "
            "repository.</p><h3>What each column means</h3>" + cols
            + "<h3>Measured accuracy</h3><p>F1 against gold annotations (docs/accuracy.md; reproduce with "
              "<code>make eval</code>).</p>" + acc
            + "<h3>Caveats</h3><ul>" + "".join(f"<li>{escape(c)}</li>" for c in caveats) + "</ul>")


def _md_cell(value: object) -> object:
    """A cell that keeps a Markdown table whole: a quotation's | or line break would end its row."""
    if isinstance(value, str):
        return " ".join(value.split()).replace("|", "\\|")
    return value


def _md_table(columns: Sequence[str], rows: Iterable[Row]) -> str:
    buf = io.StringIO()
    write_table(Table(columns, ({c: _md_cell(r.get(c)) for c in columns} for r in rows)), buf, "markdown")
    return buf.getvalue()


def render_markdown(tables: ReportTables, figures: Sequence[Drawn], title: str) -> str:
    """The headline tables and figures in Markdown, ready to paste into a write-up."""
    from quoteframe.frames import CATEGORY_COLUMNS
    from quoteframe.quotes import SOURCE_COLUMNS
    from quoteframe.report import CORPUS_COLUMNS

    figs = {f.name: f for f in figures}
    source_rows, sources_left = _sources_rows(tables)
    remarks = remarks_across_outlets(tables.remarks)[:MAX_REMARKS]
    parts = [f"# {title}\n", *[f"> {n}\n" for n in tables.notes], "## Corpus\n", _md_table(CORPUS_COLUMNS, tables.corpus),
             "## Who gets quoted\n"]
    if "sources" in figs:
        parts.append(f"![{figs['sources'].title}](figures/{figs['sources'].png.name})\n\n{figs['sources'].caption}\n")
    parts.append(_md_table(SOURCE_COLUMNS, source_rows))
    if sources_left:
        parts.append(f"{sources_left} less quoted speakers are in sources.csv.\n")
    parts += ["## Remarks rendered by several outlets\n",
              _md_table(["variant_id", "speaker", "outlets", "renderings", "representative", "drift_terms"], remarks),
              "## Framing\n"]
    if "frames" in figs:
        parts.append(f"![{figs['frames'].title}](figures/{figs['frames'].png.name})\n\n{figs['frames'].caption}\n")
    parts.append(_md_table(CATEGORY_COLUMNS, tables.frames_by_category))
    parts.append("Every table in full: quotes.csv, sources.csv, variants.csv, remarks.csv, drift.csv, frames.csv, "
                 "frames_by_category.csv, corpus.csv. What each column means: report.html#method.\n")
    return "\n".join(parts)
