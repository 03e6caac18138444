"""Every speaker of a run with the names it was given: what a researcher reviews before writing aliases.

One row per speaker (after canonical names and aliases), with each name it was given as quoteframe
found it (the names an aliases file can correct), its quotations per outlet, and the first of its
quotations in table order, so a doubtful speaker can be checked against its text.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from quoteframe.aliases import Aliases
from quoteframe.quotes import SpeakerNames, SpeakerVotes
from quoteframe.records import DocResult

SPEAKER_COLUMNS = ["speaker", "speaker_type", "quotes", "names", "outlets", "example_quote_id"]


@dataclass
class _Name:
    """What the run saw of one name as given: its quotations per outlet, its types, its first quotation."""

    outlets: Counter[str] = field(default_factory=Counter)
    types: Counter[str] = field(default_factory=Counter)
    first: tuple[str, int, int, str] | None = None  # (doc_id, start, end, quote_id)


class SpeakerList:
    """Speakers of a stream of document results; only per-name counts are held, never the quotations."""

    def __init__(self, results: Iterable[DocResult], aliases: Aliases | None = None) -> None:
        votes = SpeakerVotes()
        self._seen: dict[str, _Name] = {}
        for res in results:
            votes.add(res.quotes)
            for q in res.quotes:
                if not q.speaker:
                    continue
                entry = self._seen.setdefault(q.speaker, _Name())
                entry.outlets[q.outlet] += 1
                entry.types[q.speaker_type or "unknown"] += 1
                key = (q.doc_id, q.start, q.end, q.quote_id)
                if entry.first is None or key < entry.first:
                    entry.first = key
        self.names: SpeakerNames = votes.resolve(aliases)

    def rows(self) -> list[dict[str, object]]:
        """One row per speaker, most quoted first (then by name); a name aliased to "" is left out."""
        by_speaker: dict[str, list[str]] = {}
        for name in self._seen:
            speaker = self.names(name)
            if speaker:
                by_speaker.setdefault(speaker, []).append(name)
        rows: list[dict[str, object]] = []
        for speaker, names in by_speaker.items():
            entries = [self._seen[n] for n in names]
            outlets: Counter[str] = sum((e.outlets for e in entries), Counter())
            types: Counter[str] = sum((e.types for e in entries), Counter())
            counts = {n: sum(self._seen[n].outlets.values()) for n in names}
            first = min(e.first for e in entries if e.first is not None)
            rows.append({
                "speaker": speaker,
                "speaker_type": min(types, key=lambda t: (-types[t], t)),
                "quotes": sum(counts.values()),
                "names": "; ".join(f"{n} ({counts[n]})" for n in sorted(names, key=lambda n: (-counts[n], n))),
                "outlets": "; ".join(f"{o} ({outlets[o]})" for o in sorted(outlets, key=lambda o: (-outlets[o], o))),
                "example_quote_id": first[3],
            })
        rows.sort(key=lambda r: (-int(str(r["quotes"])), str(r["speaker"])))
        return rows


def speaker_rows(results: Iterable[DocResult], aliases: Aliases | None = None) -> list[dict[str, object]]:
    """The speakers table of a stream of document results (see ``SpeakerList``)."""
    return SpeakerList(results, aliases).rows()
