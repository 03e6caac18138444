"""Variant linking on the seeds: translations of one remark group together, other remarks stay apart."""

from __future__ import annotations

from quoteframe.records import Quote
from quoteframe.segment import Segmenter
from quoteframe.variants import LinkParams, Normaliser, Rendering, containment, find_variants, segment_quotes
from quoteframe.wordnet import WordNet
from tests.conftest import SEEDS, parse_csv, run_cli


def _group_of(rows: list[dict[str, str]], needle: str) -> set[str]:
    ids = {r["variant_id"] for r in rows if needle in r["text"]}
    assert len(ids) == 1, f"{needle!r} is in {len(ids)} groups"
    vid = ids.pop()
    return {r["text"] for r in rows if r["variant_id"] == vid}


def test_the_shoot_to_kill_order_is_one_remark_across_outlets(seed_texts) -> None:
    _, out, _ = run_cli("variants", str(SEEDS), "--jobs", "1", "--no-wordnet")
    rows = parse_csv(out)
    for r in rows:
        assert seed_texts[r["doc_id"]][int(r["start"]):int(r["end"])] == r["text"]
    order = _group_of(rows, "I gave the order to law enforcement agencies")
    assert any(t.startswith("I have ordered law enforcement organizations") for t in order)
    assert any(t.startswith("I have given the order to law enforcement agencies") for t in order)
    assert {"shoot to kill", "open fire to kill without warning", "Shoot-To-Kill"} <= order
    negotiations = _group_of(rows, "What negotiations could there be")
    assert any(t.startswith("What sorts of negotiations can there be") for t in negotiations)
    assert not negotiations & order
    outlets = {r["outlet"] for r in rows if r["text"] in order}
    assert len(outlets) == 5


def test_speakers_keep_remarks_apart() -> None:
    base = dict(outlet="o", kind="direct", speaker_mention="", mention_start=None, mention_end=None, cue="said")
    text = "We will restore order in the capital within days"
    quotes = [Quote(doc_id="a", quote_id="a:q1", speaker="Alice Smith", start=0, end=len(text), text=text, **base),
              Quote(doc_id="b", quote_id="b:q1", speaker="Bob Jones", start=0, end=len(text), text=text, **base)]
    assert find_variants(quotes, wordnet=WordNet(enabled=False)) == []
    quotes[1].speaker = "Alice Smith"
    groups = find_variants(quotes, wordnet=WordNet(enabled=False))
    assert len(groups) == 1 and len(groups[0].members) == 2


def test_no_chaining_through_a_middle_rendering() -> None:
    """A~B and B~C must not put A with C when A and C are not alike."""
    base = dict(outlet="o", kind="direct", speaker="X", speaker_mention="", mention_start=None, mention_end=None, cue="")
    a = "the army will open fire on armed bandits in the city centre tonight"
    b = "the army will open fire on armed bandits and restore order in the regions"
    c = "we will restore order in the regions and rebuild the economy next year"
    quotes = [Quote(doc_id=d, quote_id=f"{d}:q1", start=0, end=len(t), text=t, **base) for d, t in zip("abc", (a, b, c))]
    groups = find_variants(quotes, LinkParams(threshold=0.3), wordnet=WordNet(enabled=False))
    for g in groups:
        texts = {m.text for m in g.members}
        assert not ({a, c} <= texts)


def test_containment_respects_word_order() -> None:
    norm = Normaliser(WordNet(enabled=False))

    def r(text: str) -> Rendering:
        x = Rendering("d", "o", "q", "s", 0, len(text), text)
        x.words = text.lower().split()
        x.stems = [norm.stem(w) for w in x.words]
        return x

    long = r("we had to deal with armed and trained bandits and terrorists both local and foreign")
    assert containment(r("armed and trained bandits"), long, {}) == 1.0
    assert containment(r("foreign trained terrorists"), long, {}) < 0.75


def _quotes(texts: list[str]) -> list[Quote]:
    base = dict(outlet="o", kind="direct", speaker="X", speaker_mention="", mention_start=None, mention_end=None, cue="")
    return [Quote(doc_id=f"d{i}", quote_id=f"d{i}:q1", start=0, end=len(t), text=t, **base) for i, t in enumerate(texts)]


def test_one_shared_word_is_not_a_remark() -> None:
    """Two short quotations that share a single word ("foreign agents" / "foreign investors") stay apart
    even where the similarity threshold alone would let them through."""
    quotes = _quotes(["foreign agents", "foreign investors"])
    assert find_variants(quotes, LinkParams(threshold=0.3), wordnet=WordNet(enabled=False)) == []
    assert len(find_variants(quotes, LinkParams(threshold=0.3, min_shared=1), wordnet=WordNet(enabled=False))) == 1


def test_four_translations_of_one_remark_form_one_group_and_an_unrelated_remark_stays_out() -> None:
    texts = ["We will restore constitutional order in every region of the country within days.",
             "Constitutional order will be restored in all regions of the country within days.",
             "We are going to restore the constitutional order in all of the country's regions in a matter of days.",
             "The constitutional order will be restored in every region of the country in a few days.",
             "We will rebuild the economy of the country next year."]
    groups = find_variants(_quotes(texts), wordnet=WordNet(enabled=False))
    assert [sorted(m.text for m in g.members) for g in groups] == [sorted(texts[:4])]


def test_a_remark_split_between_two_roots_is_merged_by_average_linkage(seed_texts) -> None:
    """On the seeds, "annihilated" reaches the "destroyed" renderings through the merge step (or, without
    it, through the second pass by word alignment, which links its content words too)."""
    from quoteframe.corpus import read_corpus
    from quoteframe.pipeline import Analysis, DocumentAnalyser
    from quoteframe.quotes import canonicalise
    from quoteframe.records import Document

    analyser = DocumentAnalyser(Analysis())
    docs = [d for d in read_corpus([str(SEEDS)]) if isinstance(d, Document)]
    quotes = canonicalise(q for d in docs for q in analyser(d).quotes)

    def group_with(params: LinkParams) -> set[str]:
        for g in find_variants(quotes, params, wordnet=WordNet(enabled=False)):
            texts = {m.text for m in g.members}
            if "They need to be destroyed." in texts:
                return texts
        return set()

    assert "Thus they need to be annihilated." in group_with(LinkParams())
    assert "Thus they need to be annihilated." in group_with(LinkParams(align_pass=False))
    assert "Thus they need to be annihilated." in group_with(LinkParams(merge=False))
    assert "Thus they need to be annihilated." not in group_with(LinkParams(merge=False, align_pass=False))


def test_drift_in_worker_processes_equals_one_process(seed_texts) -> None:
    """Drift pairs split over forked workers come back in order, identical to one process."""
    from quoteframe.segment import Segmenter
    from quoteframe.variants import drift_all, segment_quotes

    norm = Normaliser(WordNet(enabled=False))
    sentences = [s.strip() for text in seed_texts.values() for s in text.split(".") if len(s.split()) > 5]
    base = dict(outlet="o", kind="direct", speaker_mention="", mention_start=None, mention_end=None, cue="said")
    quotes = [Quote(doc_id=f"d{k}", quote_id=f"q{k}", speaker="S", start=0, end=len(s), text=s, **base)
              for k, s in enumerate(sentences[:40])]
    rs = segment_quotes(quotes, Segmenter(), norm, LinkParams())
    tasks = [(tuple(a.words), tuple(a.stems), tuple(b.words), tuple(b.stems), len(b.words) < len(a.words) // 2)
             for a, b in zip(rs, rs[1:])]
    tasks += tasks[:5]  # repeated pairs are aligned once and returned for every occurrence
    serial = drift_all(tasks, norm, jobs=1)
    assert any(serial)  # different sentences do drift
    assert drift_all(tasks, norm, jobs=2, chunk=3) == serial
    assert serial[-5:] == serial[:5]


def test_speakers_clustered_in_worker_processes_equal_one_process(seed_texts) -> None:
    """Whole speakers go to separate processes; clusters and similarities are those of one process."""
    from quoteframe.segment import Segmenter
    from quoteframe.variants import link_weighted, segment_quotes

    base = dict(outlet="o", kind="direct", speaker_mention="", mention_start=None, mention_end=None, cue="said")
    sentences = [s.strip() for text in seed_texts.values() for s in text.split(".") if len(s.split()) > 5]
    quotes = []
    for k, s in enumerate(sentences[:60]):
        for copy, variant in enumerate((s, s.replace(" the ", " a ", 1), " ".join(s.split()[1:]))):
            quotes.append(Quote(doc_id=f"d{k}-{copy}", quote_id=f"q{k}-{copy}", speaker=f"S{k % 3}", start=0,
                                end=len(variant), text=variant, **base))

    def run(jobs: int) -> tuple[list[list[int]], list[float]]:
        norm = Normaliser(WordNet(enabled=False))
        rs = segment_quotes(quotes, Segmenter(), norm, LinkParams())
        return link_weighted(rs, norm, LinkParams(), jobs=jobs, min_parallel=0).clusters, [r.similarity for r in rs]

    serial = run(1)
    assert len(serial[0]) >= 30  # the copies of most sentences are linked
    assert run(2) == serial


def test_families_in_worker_processes_equal_one_process(seed_texts) -> None:
    """Remarks split between forked processes get the families, ids, representatives and per-rendering
    ``family`` of one process (the copies here make verbatim reprints, edited copies and fragments)."""
    from quoteframe.segment import Segmenter
    from quoteframe.variants import families_all, segment_quotes

    base = dict(kind="direct", speaker_mention="", mention_start=None, mention_end=None, cue="said")
    sentences = [s.strip() for text in seed_texts.values() for s in text.split(".") if len(s.split()) > 6]
    remarks = []
    norm = Normaliser(WordNet(enabled=False))
    for k, s in enumerate(sentences[:30]):
        words = s.split()
        variants = [s, s, s.replace(" the ", " a ", 1), " ".join(words[1:]), " ".join(words[2:5]),
                    " ".join(words[:-1] + ["elsewhere"])]
        quotes = [Quote(doc_id=f"d{k}-{c}", quote_id=f"q{k}-{c}", outlet=f"o{c % 4}", speaker="S", start=0,
                        end=len(v), text=v, **base) for c, v in enumerate(variants)]
        members = segment_quotes(quotes, Segmenter(), norm, LinkParams())
        remarks.append((members, members[0]))

    def run(jobs: int) -> list[list[tuple[str, list[str], str]]]:
        out = families_all(remarks, jobs=jobs, min_parallel=0)
        assert all(r.family == f.family_id for fams in out for f in fams for r in f.members)
        return [[(f.family_id, [f"{r.doc_id}:{r.start}" for r in f.members], f.representative.doc_id) for f in fams]
                for fams in out]

    serial = run(1)
    assert any(len(fams) >= 2 for fams in serial)  # different wordings are different families
    assert run(2) == serial


def test_active_and_passive_renderings_of_one_remark_link_and_other_remarks_stay_apart() -> None:
    """Translators turn "I gave the order to X" into "X were given an order by me": the same remark, while a
    remark by the same speaker that shares its subject and verb is another one (sentences written here)."""
    cases = [
        ["I gave the order to law enforcement agencies to open fire without warning.",
         "Law enforcement agencies were given an order by me to open fire without warning.",
         "We will hold talks with the opposition next week."],
        ["The government has decided to raise taxes on fuel from January.",
         "It was decided by the government that fuel taxes will be raised starting in January.",
         "The government has decided to build a new airport."],
        ["I have instructed the army to restore order in the capital.",
         "The army has been instructed by me to bring back order in the capital.",
         "I have instructed the ministers to cut spending."],
    ]
    for texts in cases:
        groups = find_variants(_quotes(texts), wordnet=WordNet(enabled=False))
        assert [sorted(m.text for m in g.members) for g in groups] == [sorted(texts[:2])], texts


def test_summary_and_drift_tables_keep_their_columns_and_show_the_translation_drift() -> None:
    code, out, err = run_cli("variants", str(SEEDS), "--summary", "--jobs", "1", "--no-wordnet")
    assert code == 0, err
    summary = parse_csv(out)
    assert list(summary[0]) == ["variant_id", "speaker", "outlets", "renderings", "representative",
                                "min_similarity", "drift_terms", "families", "family_outlets", "ambiguous"]
    rows = parse_csv(run_cli("variants", str(SEEDS), "--jobs", "1", "--no-wordnet")[1])
    counts: dict[str, int] = {}
    for r in rows:
        counts[r["variant_id"]] = counts.get(r["variant_id"], 0) + 1
    assert {s["variant_id"]: int(s["renderings"]) for s in summary} == counts
    code, out, err = run_cli("variants", str(SEEDS), "--drift", "--jobs", "1", "--no-wordnet")
    assert code == 0, err
    drift = parse_csv(out)
    assert list(drift[0])[:6] == ["variant_id", "outlet_a", "outlet_b", "a_words", "b_words", "op"]
    assert list(drift[0])[6:] == ["difference", "family_a", "family_b", "outlets_a", "outlets_b", "doc_a", "quote_a",
                                  "doc_b", "quote_b", "text_a", "text_b"]
    pairs = {frozenset((d["a_words"], d["b_words"])) for d in drift if d["op"] == "substitute"}
    assert {frozenset(("killers", "murderers")), frozenset(("bandits", "thugs"))} <= pairs
    assert all(d["op"] in {"substitute", "insert", "delete", "move"} for d in drift)
    assert all(d["outlet_a"] != d["outlet_b"] and d["family_a"] != d["family_b"] for d in drift)
    assert all(d["difference"] == "content" for d in drift)  # function-word-only rows need --all
    by_quote = {(r["doc_id"], r["quote_id"]) for r in rows}
    assert all((d["doc_a"], d["quote_a"]) in by_quote and (d["doc_b"], d["quote_b"]) in by_quote for d in drift)
    every = parse_csv(run_cli("variants", str(SEEDS), "--drift", "--all", "--jobs", "1", "--no-wordnet")[1])
    assert len(every) >= len(drift) and {d["difference"] for d in every} <= {"content", "function"}
    assert all(d["a_words"] or d["op"] == "insert" for d in drift) and all(d["b_words"] or d["op"] == "delete" for d in drift)
    assert set(d["variant_id"] for d in drift) <= set(counts)


def _q(doc: str, text: str, speaker: str = "Anna Berg", kind: str = "direct", outlet: str = "") -> Quote:
    return Quote(doc_id=doc, outlet=outlet or f"Outlet {doc}", quote_id=f"{doc}:q1", kind=kind, speaker=speaker,
                 speaker_mention="", mention_start=None, mention_end=None, cue="", start=0, end=len(text), text=text)


def test_a_rendering_without_a_speaker_joins_a_remark_by_its_words_and_says_so() -> None:
    said = "We will never surrender the northern valley to any foreign army whatever the cost"
    quotes = [_q("a", said), _q("b", said.replace("any foreign army", "a foreign army")),
              _q("c", "We will never surrender the northern valley to any foreign army, whatever the cost", speaker=""),
              _q("d", "The harvest this year will be the best in a decade", speaker=""),
              _q("e", "We will never surrender the northern valley to any foreign army", speaker="Carl Holm"),
              _q("f", "Farmers in the valley need new roads before the winter", speaker="Carl Holm")]
    groups = find_variants(quotes, wordnet=WordNet(enabled=False))
    assert len(groups) == 1
    by_doc = {m.doc_id: m for m in groups[0].members}
    assert set(by_doc) == {"a", "b", "c"}  # Carl Holm, quoted in two documents, keeps his own words
    assert by_doc["c"].speaker == "Anna Berg" and by_doc["c"].speaker_source == "remark"
    assert by_doc["a"].speaker_source == "text"


def test_a_speakerless_rendering_needs_more_than_a_few_shared_words() -> None:
    said = "We will never surrender the northern valley to any foreign army whatever the cost"
    quotes = [_q("a", said), _q("b", said), _q("c", "Foreign army officers visited the northern valley on Monday", speaker="")]
    groups = find_variants(quotes, wordnet=WordNet(enabled=False))
    assert [sorted(m.doc_id for m in g.members) for g in groups] == [["a", "b"]]


def test_short_fragments_join_the_one_remark_that_holds_them_else_count_as_ambiguous() -> None:
    one = "The rebels in the north are bandits and they will be punished by the courts"
    two = "Those bandits in the south have looted the shops and burned the market"
    quotes = [_q("a", one), _q("b", one), _q("c", two), _q("d", two),
              _q("e", "punished", kind="partial"), _q("f", "bandits", kind="partial")]
    groups = find_variants(quotes, wordnet=WordNet(enabled=False))
    by_text = {frozenset(m.text for m in g.members): g for g in groups}
    punished = [g for t, g in by_text.items() if "punished" in t]
    assert len(punished) == 1 and one in {m.text for m in punished[0].members}
    assert not any("bandits" in t for t in by_text)  # held by both remarks: linked to neither
    assert sum(g.ambiguous for g in groups) == 2


def test_a_short_fragment_held_by_two_remarks_joins_the_one_that_holds_its_wording_too() -> None:
    # "all the plans have been made" has one content word ("plans"; the rest are function words), held by
    # both remarks; only the second holds its wording in order, so it joins that one. "the plans" alone
    # (two words) stays ambiguous: too little wording to tell the remarks apart.
    one = "I made the plans with the generals myself and they obeyed me at once"
    two = "All the necessary plans have been made and the troops are ready to move"
    quotes = [_q("a", one), _q("b", one), _q("c", two), _q("d", two),
              _q("e", "all the plans have been made", kind="partial"), _q("f", "the plans", kind="partial")]
    groups = find_variants(quotes, wordnet=WordNet(enabled=False))
    holding = [g for g in groups if "all the plans have been made" in {m.text for m in g.members}]
    assert len(holding) == 1 and two in {m.text for m in holding[0].members}
    assert not any("the plans" in {m.text for m in g.members} for g in groups)
    assert sum(g.ambiguous for g in groups) == 2


def test_a_lone_translation_joins_its_remark_when_the_aligner_links_its_content_words() -> None:
    # Two translations of one sentence share too few stems for TF-IDF (demilitarisation / demilitarize,
    # complete / fully), yet the trained word aligner links most of their content words; an unrelated
    # sentence of the same speaker sharing "army", "northern" and "provinces" joins nothing.
    one = "Our army will carry out the complete demilitarisation of the occupied northern provinces"
    two = "Our military is going to fully demilitarize the northern provinces that were occupied"
    other = "Our army will build new schools in the northern provinces next year"
    quotes = [_q("a", one), _q("b", one.replace("Our", "Our own")), _q("c", two), _q("d", other)]
    groups = find_variants(quotes, wordnet=WordNet(enabled=False))
    assert [sorted(m.doc_id for m in g.members) for g in groups] == [["a", "b", "c"]]
    without = find_variants(quotes, LinkParams(align_pass=False), wordnet=WordNet(enabled=False))
    assert [sorted(m.doc_id for m in g.members) for g in without] == [["a", "b"]]


def test_an_ellipsis_cuts_a_quotation_into_the_pieces_of_speech_it_joins() -> None:
    # An editor's "..." joins words from different places in the speech: only the piece after it renders
    # the remark the other outlets print whole, and the rendering's offsets say so.
    one = "Anyone who attacks our ships at sea will face a swift and terrible answer from our navy"
    cut = "We have always been a peaceful and patient nation ... anyone who attacks our ships will face a swift and terrible answer"
    groups = find_variants([_q("a", one), _q("b", one), _q("c", cut, kind="partial")], wordnet=WordNet(enabled=False))
    assert len(groups) == 1
    (piece,) = [m for m in groups[0].members if m.doc_id == "c"]
    assert piece.text == "anyone who attacks our ships will face a swift and terrible answer"
    assert cut[piece.start - _q("c", cut).start:piece.end - _q("c", cut).start] == piece.text


def test_translation_families_and_drift_between_them() -> None:
    wire = "The army will open fire to kill without warning on armed bandits in the city"
    other = "The army will shoot to kill without warning at armed bandits in the city"
    quotes = [_q("a", wire, outlet="Paper A"), _q("b", wire, outlet="Paper B"), _q("c", wire.replace("city", "city,"), outlet="Paper C"),
              _q("d", other, outlet="Paper D"), _q("e", other, outlet="Paper A")]
    groups = find_variants(quotes, wordnet=WordNet(enabled=False))
    assert len(groups) == 1
    g = groups[0]
    assert len(g.families) == 2
    assert sorted(len(f.members) for f in g.families) == [2, 3]
    assert {m.family for m in g.members} == {f.family_id for f in g.families}
    drift = [(d.a_words, d.b_words, d.op) for d in g.family_drift if d.content]
    assert ("open fire", "shoot", "substitute") in drift or ("shoot", "open fire", "substitute") in drift
    assert all(d.a.outlet != d.b.outlet for d in g.family_drift)
    again = find_variants(list(reversed(quotes)), wordnet=WordNet(enabled=False))
    assert {f.family_id for f in again[0].families} == {f.family_id for f in g.families}  # stable ids


def test_a_moved_word_is_one_move() -> None:
    from quoteframe.variants import with_moves

    ops = [("therefore", "", "delete"), ("destroyed", "annihilated", "substitute"), ("", "therefore", "insert")]
    assert with_moves(ops) == [("therefore", "therefore", "move"), ("destroyed", "annihilated", "substitute")]


def test_a_comma_splice_of_two_subject_clauses_is_two_renderings_and_a_lead_in_is_not_cut() -> None:
    # One outlet joins two sentences of the speech with a comma; the others print them apart: each clause
    # joins the remark of its sentence. A lead-in phrase before the comma ("In this spirit, we ...") has no
    # subject of its own and stays with its sentence.
    quotes = [_q("a", "We will keep the mountain passes open to traders, we will not close the markets of the valley."),
              _q("b", "We will keep the mountain passes open to traders. We will not close the markets of the valley."),
              _q("c", "We shall keep the mountain passes open for traders. We will not shut the valley's markets.")]
    groups = find_variants(quotes, wordnet=WordNet(enabled=False))
    assert sorted(sorted(m.doc_id for m in g.members) for g in groups) == [["a", "b", "c"], ["a", "b", "c"]]
    (passes,) = [g for g in groups if any("passes" in m.text for m in g.members)]
    assert all("markets" not in m.text for m in passes.members)
    lead = [_q("a", "In this spirit, we have decided to open the border crossings to trade next month."),
            _q("b", "We have decided to open the border crossings to trade next month.")]
    (group,) = find_variants(lead, wordnet=WordNet(enabled=False))
    assert {m.text for m in group.members} == {q.text for q in lead}


def test_an_editors_words_in_square_brackets_are_not_compared_but_keep_their_place() -> None:
    from quoteframe.segment import Segmenter
    from quoteframe.variants import segment_quotes

    text = "The new road to [the disputed eastern] harbour will be finished before the winter"
    (r,) = segment_quotes([_q("a", text)], Segmenter(), Normaliser(WordNet(enabled=False)), LinkParams())
    assert r.text == text and (r.start, r.end) == (0, len(text))
    assert "disputed" not in r.words and "eastern" not in r.words and "harbour" in r.words


def test_blocking_takes_a_renderings_rarest_keys_one_per_word() -> None:
    from quoteframe.variants import rarest

    # "great" has three WordNet keys, all rare: they take one slot, not three
    shared = [(2, "~great.n.01"), (2, "~great.s.02"), (2, "~achiever.n.01"), (3, "harbour"), (3, "bridg"), (4, "river")]
    word_of = {"~great.n.01": "great", "~great.s.02": "great", "~achiever.n.01": "great"}
    assert rarest(shared, 3, word_of) == ["~achiever.n.01", "bridg", "harbour"]
    assert rarest(shared, 3, None) == ["~achiever.n.01", "~great.n.01", "~great.s.02"]


def _renderings_and_aligner():  # noqa: ANN202 - a test helper returning a function and an aligner
    """A maker of renderings from plain text (stems without WordNet) and the word aligner on the same keys."""
    from functools import partial

    from quoteframe.align import WordAligner
    from quoteframe.variants import _keys

    norm = Normaliser(WordNet(enabled=False))

    def r(text: str) -> Rendering:
        words = text.lower().rstrip(".").split()
        return Rendering("d", "o", "q", "s", 0, len(text), text, words, [norm.stem(w) for w in words])

    return r, WordAligner(partial(_keys, norm=norm))


def test_the_alignment_pass_needs_a_counterpart_tfidf_could_not_see() -> None:
    # Two different sentences of one speaker sharing his set phrase ("restore ... constitutional order"): every
    # content word the aligner links is one TF-IDF already counted, so the second pass has no new evidence.
    # Two translations of one sentence link a word to its synonym (destroyed / annihilated) and count.
    from quoteframe.variants import content_aligned

    r, aligner = _renderings_and_aligner()

    formula = (r("and the police are working to restore public order under the constitution"),
               r("Constitutional order has been largely restored across the provinces"))
    assert content_aligned(*formula, aligner) == 0.0
    synonyms = (r("The rebels in the mountains need to be destroyed without delay."),
                r("So the mountain rebels need to be annihilated at once."))
    assert content_aligned(*synonyms, aligner) >= LinkParams().align_share


def test_a_speaker_written_in_lower_case_is_no_name_and_its_rendering_joins_a_remark_by_its_words() -> None:
    # "the office said" gives the speaker "office": a common noun, not a name, even when two documents have it,
    # so its rendering of a named speaker's remark joins that remark (as a speakerless one would).
    said = "We have built more schools in the hill villages than in any decade before"
    quotes = [_q("a", said), _q("b", said.replace("any decade", "any other decade")),
              _q("c", "built more schools in the hill villages than in any decade before", speaker="office"),
              _q("d", "The office will answer the letters by the end of the month", speaker="office"),
              _q("e", "Farmers in the hills need new roads", speaker="Carl Holm"),
              _q("f", "The roads in the hills will be mended", speaker="Carl Holm")]
    groups = find_variants(quotes, wordnet=WordNet(enabled=False))
    (group,) = [g for g in groups if any(m.doc_id == "a" for m in g.members)]
    by_doc = {m.doc_id: m for m in group.members}
    assert set(by_doc) == {"a", "b", "c"}
    assert by_doc["c"].speaker == "Anna Berg" and by_doc["c"].speaker_source == "remark"


def test_a_fragment_is_aligned_by_its_own_words_in_a_full_rendering() -> None:
    # A remark known so far only from partial quotations: the full sentence has words of its own (who is
    # urged, how soon) that the fragment never quoted, so the share is of the fragment's words found in it.
    from quoteframe.variants import content_aligned

    r, aligner = _renderings_and_aligner()

    fragment = r("lay down their arms and walk home")
    sentence = r("I urge the tired young soldiers to disarm at once and walk home")
    assert content_aligned(fragment, sentence, aligner) < LinkParams().align_share
    assert content_aligned(fragment, sentence, aligner, of_a=True) >= LinkParams().align_share


def test_a_clause_of_a_long_sentence_joins_it_when_its_own_words_are_aligned() -> None:
    # Another translator quotes only the end of a long sentence, in other words ("rapid" for "swift",
    # "riposte" for "answer"): too short for the sentence's average linkage and too far from its words for
    # containment, it joins when the aligner finds nearly all of its own content words in the sentence. A
    # clause of the same speaker about something else, sharing "new canal", stays out.
    long = "Whoever tries to block the new canal or threatens the river towns must know that our answer will be swift and will cost them dearly"
    clause = "our riposte will be rapid and will cost them dearly"
    other = "The new canal will be opened to barges next spring"
    quotes = [_q("a", long), _q("b", long.replace("answer", "response")), _q("c", clause), _q("d", other)]
    groups = find_variants(quotes, wordnet=WordNet(enabled=False))
    assert [sorted(m.doc_id for m in g.members) for g in groups] == [["a", "b", "c"]]
    without = find_variants(quotes, LinkParams(align_clause=1.01, align_part=1.01), wordnet=WordNet(enabled=False))
    assert [sorted(m.doc_id for m in g.members) for g in without] == [["a", "b"]]


def test_british_and_american_spellings_of_one_translation_meet() -> None:
    """A British outlet's "demilitarisation" and an American one's "demilitarization" are one word to the
    linker: the same sentence in the two spellings is one remark. Short words are left alone (four is no
    "for"), and words that only share the ending stay apart."""
    from quoteframe.variants import Normaliser, american
    from quoteframe.wordnet import WordNet

    norm = Normaliser(WordNet(enabled=False))
    for british, us in [("demilitarisation", "demilitarization"), ("organised", "organized"), ("labour", "labor"),
                        ("defence", "defense"), ("centre", "center"), ("analysing", "analyzing")]:
        assert norm.stem(british) == norm.stem(us)
    assert norm.stem("de-nazification") == norm.stem("denazification")
    assert american("four") == "four" and american("promise") != american("premise")
    base = dict(outlet="o", kind="direct", speaker_mention="", mention_start=None, mention_end=None, cue="said")
    texts = ["Our aim is demilitarisation and denazification, organised in stages",
             "Our goal is demilitarization and de-nazification, organized in stages"]
    q = [Quote(doc_id=d, quote_id=f"{d}:q1", speaker="Ivan Petrov", start=0, end=len(t), text=t, **base)
         for d, t in zip("ab", texts)]
    groups = find_variants(q, wordnet=WordNet(enabled=False))
    assert len(groups) == 1 and len(groups[0].members) == 2


def test_blocking_skips_a_key_that_pairs_the_same_renderings_as_a_rarer_one() -> None:
    from quoteframe.variants import rarest

    # renderings 0 and 1 are one wire's translation and its reprint: every word and word pair only they
    # share has the same posting, and once one of them is taken the others pair nobody new; the slots go
    # to the keys rendering 0 shares with another translation (5, 6)
    shared = [(2, "harbour"), (2, "harbour_gate"), (2, "gate_close"), (3, "smuggler"), (4, "coast")]
    postings = {"harbour": [0, 1], "harbour_gate": [0, 1], "gate_close": [0, 1], "smuggler": [0, 1, 5],
                "coast": [0, 1, 5, 6]}
    assert rarest(shared, 3, {}, postings) == ["gate_close", "smuggler", "coast"]
    assert rarest(shared, 3, {}) == ["gate_close", "harbour", "harbour_gate"]


def test_a_translation_reprinted_by_several_outlets_still_moves_to_its_remark() -> None:
    # One translation printed by two outlets (the second adds "which" for "that") is one wording, not two
    # translations: the alignment pass moves it to the remark of the other translation as it would a
    # lone rendering. The unrelated sentence sharing "army", "northern" and "provinces" stays out.
    one = "Our army will carry out the complete demilitarisation of the occupied northern provinces"
    two = "Our military is going to fully demilitarize the northern provinces that were occupied"
    other = "Our army will build new schools in the northern provinces next year"
    quotes = [_q("a", one), _q("b", one.replace("Our", "Our own")), _q("c", two),
              _q("c2", two.replace("that were", "which were")), _q("d", other)]
    groups = find_variants(quotes, wordnet=WordNet(enabled=False))
    assert [sorted(m.doc_id for m in g.members) for g in groups] == [["a", "b", "c", "c2"]]
    without = find_variants(quotes, LinkParams(align_family=False), wordnet=WordNet(enabled=False))
    assert [sorted(m.doc_id for m in g.members) for g in without] == [["a", "b"], ["c", "c2"]]


def test_short_renderings_of_one_sentence_link_by_their_content_words_and_polarity() -> None:
    from quoteframe.variants import function_word, negated

    # Three translations of a four-word sentence share one content word and a negation, and hardly a
    # function word; a short sentence with the same content word but no negation is another remark.
    quotes = [_q("a", "We are not joking."), _q("b", "This is no joke."), _q("c", "It's not a joke."),
              _q("d", "Our neighbours are joking."),
              _q("e", "We will pay every pension on time, whatever the cost to the budget."),
              _q("f", "The new bridge over the river will open in the spring.")]
    groups = find_variants(quotes, wordnet=WordNet(enabled=False))
    assert [sorted(m.doc_id for m in g.members) for g in groups] == [["a", "b", "c"]]
    # by the cosines and raw shared words alone, "This is no joke" (no shared word but the one) stays out
    without = find_variants(quotes, LinkParams(short_share=1.01), wordnet=WordNet(enabled=False))
    assert all("b" not in {m.doc_id for m in g.members} for g in without)
    assert negated(["we", "don't", "know"]) and negated(["no", "joke"]) and not negated(["a", "joke"])
    assert function_word("it's") and function_word("don't") and not function_word("russia's")
    # a name is no content word, even where it opens the sentence and looks like any word
    from quoteframe.variants import short_similarity

    norm = Normaliser(WordNet(enabled=False))

    def r(text: str) -> Rendering:
        words = [w.lower() for w in text.rstrip(".!").split()]
        return Rendering("d", "o", "q", "s", 0, len(text), text, words, [norm.stem(w) for w in words])

    assert short_similarity(r("Brenna is ready."), r("We all trust Brenna."), {}, {}, {}) == 0.0
    assert short_similarity(r("We are not joking."), r("This is no joke."), {}, {}, {}) == 1.0


def test_a_final_double_consonant_is_one_stem_with_and_without_a_suffix() -> None:
    norm = Normaliser(WordNet(enabled=False))
    assert norm.stem("staff") == norm.stem("staffing") == norm.stem("staffed")
    assert norm.stem("stuff") == norm.stem("stuffing")
    assert norm.stem("staff") != norm.stem("stag")


def test_a_sentence_quoted_with_a_clause_left_out_joins_the_whole_sentence() -> None:
    # One outlet quotes a long sentence whole (reprinted by another), a third prints it in its own words with
    # the middle clause left out; the aligner finds the part's own words in one stretch of the whole. A
    # sentence of the same speaker built alike ("We will rebuild the economy of the country") is linked
    # only by the places of its words, which is no tie, and stays out.
    long = ("Whoever tries to block the new canal or threatens the river towns must know that our answer will "
            "be swift and will cost them dearly")
    part = "Anyone who tries to block the new canal should know that our response will be swift"
    other = "We will rebuild the bridges of the river towns within a year"
    quotes = [_q("a", long), _q("b", long.replace("answer", "reply")), _q("c", part), _q("d", other)]
    groups = find_variants(quotes, wordnet=WordNet(enabled=False))
    assert [sorted(m.doc_id for m in g.members) for g in groups] == [["a", "b", "c"]]


def test_a_part_is_aligned_within_one_stretch_of_the_whole_and_by_lexical_ties() -> None:
    from quoteframe.variants import part_aligned

    r, aligner = _renderings_and_aligner()
    whole = r("Anyone who tries to block the new canal or threatens the river towns must know that our answer will "
              "be swift and will cost them dearly")
    own, covered, hits = part_aligned(r("our riposte will be swift and will cost them very dearly"), whole, aligner)
    assert own >= LinkParams().align_part and covered >= LinkParams().align_window and hits >= 3
    # the same frame, other words: "rebuild" / "restore" and "economy" / "region" are linked by place only
    sentence = r("We will restore constitutional order in every region of the country within days")
    assert part_aligned(r("We will rebuild the economy of the country next year"), sentence, aligner) == (0.0, 0.0, 0)


def test_two_lone_translations_of_one_sentence_meet_by_the_aligner() -> None:
    # Each translation is printed by one outlet only: neither is a remark of two renderings the other could
    # join, yet the aligner links most of their content words (demilitarisation / demilitarize,
    # complete / fully). The sentence about schools shares words with both and stays out.
    one = "Our army will carry out the complete demilitarisation of the occupied northern provinces"
    two = "Our military is going to fully demilitarize the northern provinces that were occupied"
    other = "Our army will build new schools in the northern provinces next year"
    quotes = [_q("a", one), _q("c", two), _q("d", other)]
    groups = find_variants(quotes, wordnet=WordNet(enabled=False))
    assert [sorted(m.doc_id for m in g.members) for g in groups] == [["a", "c"]]
    assert find_variants(quotes, LinkParams(align_min_size=2), wordnet=WordNet(enabled=False)) == []


def test_three_outlets_short_renderings_of_one_sentence_are_one_remark_in_the_summary(tmp_path) -> None:
    # Through the real command: three outlets print a four-word sentence of the prime minister in three
    # translations that share one content word and a negation; her sentence about schools joins nothing.
    articles = {
        "a.txt": 'Varga vows to disarm the north\n\nPrime Minister Lena Varga said on Monday: "Our army will carry '
                 'out the complete demilitarisation of the occupied northern provinces."\n\n"We are not joking," '
                 'Varga told reporters in the capital.\n',
        "b.txt": 'Varga: army to move north\n\nLena Varga, the prime minister, said: "Our military is going to '
                 'fully demilitarize the northern provinces that were occupied."\n\n"This is no joke," Varga said.\n',
        "c.txt": 'Varga warns rebels\n\n"It\'s not a joke," Prime Minister Lena Varga said on Monday.\n\n"Our army '
                 'will build new schools in the northern provinces next year," Varga said.\n',
    }
    for name, text in articles.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    code, out, _ = run_cli("variants", str(tmp_path), "--summary", "--jobs", "1", "--no-wordnet")
    assert code == 0
    rows = parse_csv(out)
    by_outlets = {row["outlets"]: row for row in rows}
    assert set(by_outlets) == {"a; b", "a; b; c"}
    assert by_outlets["a; b; c"]["speaker"] == "Lena Varga" and by_outlets["a; b; c"]["renderings"] == "3"
    assert all("schools" not in row["representative"] for row in rows)


def test_a_sentence_with_a_mistaken_speaker_joins_the_one_remark_it_fits_under_the_usual_checks() -> None:
    # The quotes table gave an outlet's rendering to "Prime minister" (a role it could not name, quoted in
    # this one article): too far from the remark for the stricter checks across speakers, it fits that
    # remark, and no other, under the checks within a speaker, and takes the remark's speaker.
    said = "The farmers of the four valley towns will receive new tractors before the spring"
    quotes = [_q("a", said), _q("b", said.replace("before the spring", "before spring")),
              _q("c", "Growers in the four valley towns will be given new machines ahead of spring", speaker="Prime minister"),
              _q("d", "The new bridge over the river will open to traffic in the autumn"),
              _q("e", "The harvest this year will be the best in a decade", speaker="Carl Holm"),
              _q("f", "Farmers in the valley need new roads before the winter", speaker="Carl Holm")]
    groups = find_variants(quotes, wordnet=WordNet(enabled=False))
    (group,) = [g for g in groups if any(m.doc_id == "a" for m in g.members)]
    by_doc = {m.doc_id: m for m in group.members}
    assert set(by_doc) == {"a", "b", "c"}
    assert by_doc["c"].speaker == "Anna Berg" and by_doc["c"].speaker_source == "remark"
    strict = find_variants(quotes, LinkParams(adopt_single=False), wordnet=WordNet(enabled=False))
    (group,) = [g for g in strict if any(m.doc_id == "a" for m in g.members)]
    assert {m.doc_id for m in group.members} == {"a", "b"}


def test_two_sentences_naming_the_same_places_are_not_one_remark_by_the_names_alone() -> None:
    from quoteframe.variants import proper_names

    # A speaker names the same four towns in two sentences of a speech; the list, rare words all, carries
    # their cosine. Sharing names, they must share two content words besides, one word for one word:
    # "farmers" alone is not what either sentence says.
    texts = ["Nobody will talk again about the status of the farmers in Varna and Ostrel, Kamensk and Dubrava.",
             "Farmers working in Varna and Ostrel, Kamensk and Dubrava are getting cheaper fuel.",
             "The farmers of Varna, Ostrel, Kamensk and Dubrava get cheaper fuel."]
    quotes = [_q(f"d{i}", t) for i, t in enumerate(texts)]
    for wordnet in (WordNet(enabled=False), WordNet()):
        groups = find_variants(quotes, wordnet=wordnet)
        assert [sorted(m.doc_id for m in g.members) for g in groups] == [["d1", "d2"]]
    names_only = find_variants(quotes, LinkParams(min_common=0), wordnet=WordNet(enabled=False))
    assert [sorted(m.doc_id for m in g.members) for g in names_only] == [["d0", "d1", "d2"]]
    first = Rendering("d", "o", "q", "s", 0, 0, texts[1])
    assert proper_names(first) == {"varna", "ostrel", "kamensk", "dubrava"}  # "Farmers" opens the sentence


def test_a_short_sentence_quoted_inside_the_outlets_own_sentence_joins_the_remark_it_renders_whole(tmp_path) -> None:
    # "declared that “we are in mourning”" is a partial quotation with one content word, held by two remarks:
    # one whose renderings are those very words, one that holds them inside a longer sentence. It renders the
    # whole of the first; so does "we're in mourning", the same words contracted.
    docs = {
        "a.txt": "Flood week ends\n\nThe governor, Anna Berg, spoke on Sunday. “We are in mourning,” Anna Berg said.\n",
        "b.txt": "Valley grieves\n\n“We are in mourning,” said Anna Berg, the governor.\n\n“Nobody in this valley forgets "
                 "that we are in mourning since the flood took the old bridge,” Berg added.\n",
        "c.txt": "Governor speaks\n\nAnna Berg declared that “we are in mourning” after the flood.\n\n“Nobody in this valley "
                 "forgets that we are in mourning since the flood took the old bridge,” Berg said.\n",
        "d.txt": "Governor's words\n\nThe governor, Anna Berg, told residents “we're in mourning” on Sunday.\n",
    }
    for name, text in docs.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    code, out, _ = run_cli("variants", str(tmp_path), "--jobs", "1", "--no-wordnet")
    assert code == 0
    rows = parse_csv(out)
    mourning = {r["variant_id"] for r in rows if r["doc_id"] == "a"}
    assert len(mourning) == 1
    assert {(r["doc_id"], r["text"]) for r in rows if r["variant_id"] in mourning} == {
        ("a", "We are in mourning,"), ("b", "We are in mourning,"), ("c", "we are in mourning"), ("d", "we're in mourning")}
    summary = parse_csv(run_cli("variants", str(tmp_path), "--summary", "--jobs", "1", "--no-wordnet")[1])
    assert [r["ambiguous"] for r in summary] == ["0", "0"]


def test_a_fragment_held_only_inside_longer_sentences_of_two_remarks_stays_ambiguous() -> None:
    # Neither remark has a rendering the fragment is nearly the whole of: it may quote either, so it joins
    # neither; "in mourning" (two words) stays ambiguous even where one remark is those words and two more.
    one = "We are in mourning."
    two = "Nobody in this valley forgets that we are in mourning since the flood took the old bridge"
    three = "We are in mourning for the miners who never came home from the northern shaft"
    for wn in (False, True):
        quotes = [_q("c", two), _q("d", two), _q("h", three), _q("i", three), _q("e", "we are in mourning", kind="partial")]
        groups = find_variants(quotes, wordnet=WordNet(enabled=wn))
        assert sorted(len(g.members) for g in groups) == [2, 2]
        assert [g.ambiguous for g in groups] == [1, 1]
        quotes = [_q("a", one), _q("b", one), _q("c", two), _q("d", two), _q("g", "in mourning", kind="partial")]
        groups = find_variants(quotes, wordnet=WordNet(enabled=wn))
        assert sorted(len(g.members) for g in groups) == [2, 2] and sum(g.ambiguous for g in groups) == 2


def test_a_contraction_is_neither_a_difference_in_linking_nor_drift() -> None:
    # "won't" / "will not" and "it's" / "it is": the same words, written out alike before they are compared
    quotes = [_q("a", "We won't give up the harbour to anyone, it's ours."),
              _q("b", "We will not give up the harbour to anyone, it is ours."),
              _q("c", "We won't give up the harbour to anyone, it's ours.")]
    for wn in (False, True):
        groups = find_variants(quotes, wordnet=WordNet(enabled=wn))
        assert len(groups) == 1 and len(groups[0].members) == 3
        assert groups[0].drift == [] and len(groups[0].families) == 1
    norm = Normaliser(WordNet(enabled=False))
    assert [r.words for r in segment_quotes([_q("a", "They're sure we can't lose: the minister's plan isn't late.")],
                                            Segmenter(), norm, LinkParams())] == [
        ["they", "are", "sure", "we", "cannot", "lose", "the", "minister's", "plan", "is", "not", "late"]]


def test_two_sentences_of_one_quotation_are_two_remarks_however_alike() -> None:
    # One outlet quotes both sentences in one quotation: they are two things said, and each keeps the
    # renderings of its own, though the words of the two sentences are much alike.
    both = "The army is restoring order in the capital. The police are restoring order in the provinces."
    quotes = [_q("a", both), _q("b", "The army is restoring order in the capital."),
              _q("c", "The police are restoring order in the provinces."),
              _q("d", "The army has restored order in the capital."), _q("e", "Police are restoring order in the provinces.")]
    for wn in (False, True):
        groups = find_variants(quotes, wordnet=WordNet(enabled=wn))
        assert sorted(sorted(m.doc_id for m in g.members) for g in groups) == [["a", "b", "d"], ["a", "c", "e"]]


def test_a_fragment_without_a_speaker_joins_the_one_remark_it_is_the_whole_of() -> None:
    # With no speaker, words alone decide: "we are in mourning" is the whole of one remark's renderings and
    # takes that remark's speaker; "they are in mourning" (another subject) and the words of a longer
    # sentence only ("forgets that we are") join nothing.
    one = "We are in mourning."
    two = "Nobody in this valley forgets that we are in mourning since the flood took the old bridge"
    quotes = [_q("a", one), _q("b", one), _q("c", two), _q("d", two),
              _q("e", "we are in mourning", kind="partial", speaker=""),
              _q("f", "they are in mourning", kind="partial", speaker=""),
              _q("g", "forgets that we are", kind="partial", speaker="")]
    for wn in (False, True):
        groups = find_variants(quotes, wordnet=WordNet(enabled=wn))
        by_doc = {m.doc_id: (g, m) for g in groups for m in g.members}
        assert "f" not in by_doc and "g" not in by_doc
        group, fragment = by_doc["e"]
        assert {m.doc_id for m in group.members} == {"a", "b", "e"}
        assert fragment.speaker == "Anna Berg" and fragment.speaker_source == "remark"


def test_a_lone_translation_that_continues_a_short_sentence_joins_its_remark() -> None:
    # Most outlets stop at "We are not afraid"; one goes on with the complement ("of Cyclone ..."), whose rare
    # words keep its similarity below the threshold. The short sentence, whole and in order, is half of it
    # and more: it is that sentence continued. A sentence that only begins with it and goes on for longer
    # ("whatever the sea brings ...") is another sentence.
    quotes = [_q("a", "We are not afraid."), _q("b", "We are not afraid"),
              _q("c", "We are not afraid, whatever the sea brings us this winter."),
              _q("h", "We are not afraid, whatever the sea brings us this winter."),
              _q("d", "We are not afraid of Cyclone Wilhelmina’s floodwaters.")]
    for wn in (False, True):
        groups = find_variants(quotes, wordnet=WordNet(enabled=wn))
        assert sorted(sorted(m.doc_id for m in g.members) for g in groups) == [["a", "b", "d"], ["c", "h"]]
        params = LinkParams(continuation=False)
        assert sorted(sorted(m.doc_id for m in g.members) for g in find_variants(quotes, params, WordNet(enabled=wn))) \
            == [["a", "b"], ["c", "h"]]
def _remark_of(groups: list, doc: str, words: str) -> set[str]:
    """The doc ids of the remark holding the rendering of ``doc`` that has ``words``."""
    (group,) = [g for g in groups if any(m.doc_id == doc and words in m.text for m in g.members)]
    return {m.doc_id for m in group.members}


# two sentences of a mayor's speech, joined by one translator and printed apart by five other outlets
FERRY_JOINED = "The ferry line to the outer islands will run again from March because this is what the fishermen have asked for"
FERRY_APART = [("b", "The ferry line to the outer islands will run again from March."),
               ("c", "From March the ferry line to the outer islands is running again."),
               ("d", "This is what the fishermen have asked for."),
               ("e", "That is what the fishermen have been asking for."),
               ("f", "It is exactly what the fishermen asked for.")]


def test_a_rendering_that_joins_two_sentences_is_cut_and_does_not_join_their_remarks() -> None:
    # A translator joined two sentences of the mayor's speech with "because"; four other outlets print them
    # apart. The joined rendering is similar to both, and as the longest it drew both into one remark.
    joined = FERRY_JOINED
    quotes = [_q("a", joined)] + [_q(doc, text) for doc, text in FERRY_APART]
    for wordnet in (WordNet(enabled=False), WordNet()):
        groups = find_variants(quotes, wordnet=wordnet)
        assert _remark_of(groups, "b", "ferry") == {"a", "b", "c"}
        assert _remark_of(groups, "d", "fishermen") == {"a", "d", "e", "f"}
        # each side of the joined rendering keeps its own offsets in the quotation
        parts = sorted((m for g in groups for m in g.members if m.doc_id == "a"), key=lambda m: m.start)
        assert [joined[m.start:m.end] for m in parts] == [m.text for m in parts]
        assert parts[0].text.endswith("from March") and parts[1].text.startswith("because this is")
        assert all(g.central.doc_id != "a" for g in groups)  # the other outlets' sentences are central
        spans = [(m.doc_id, m.start, m.end) for g in groups for m in g.members]
        assert len(spans) == len(set(spans))  # no rendering in two remarks
    whole = find_variants(quotes, LinkParams(split_spanning=False), wordnet=WordNet(enabled=False))
    assert _remark_of(whole, "b", "ferry") == {"a", "b", "c", "d", "e", "f"}


def test_a_sentence_other_translators_render_whole_is_not_cut() -> None:
    # One sentence with a "because" clause: three outlets render it whole, one quotes only its first clause as
    # a sentence. The whole renderings are closer to the whole than to either side: nothing is cut.
    quotes = [_q("a", "The ferry line to the outer islands will run again from March because the new harbour is finished"),
              _q("b", "The ferry line to the outer islands will run again from March, because the new harbour has been finished"),
              _q("c", "From March the ferry line to the outer islands runs again since the new harbour is now finished"),
              _q("d", "The ferry line to the outer islands will run again from March.")]
    for wordnet in (WordNet(enabled=False), WordNet()):
        groups = find_variants(quotes, wordnet=wordnet)
        assert [sorted(m.doc_id for m in g.members) for g in groups] == [["a", "b", "c", "d"]]
        assert all(not m.piece for g in groups for m in g.members)


def test_cut_points_are_clause_links_and_punctuation_not_lists_of_names() -> None:
    from quoteframe.segment import Segmenter
    from quoteframe.variants import cut_points, segment_quotes

    norm = Normaliser(WordNet(enabled=False))
    texts = ["We will open the road to the valley towns because it is what the farmers want",
             "People living in Varna, Ostrel and Kamensk will get cheaper fuel from the state",
             "In keeping with the old treaty, the council has approved the new budget for schools",
             "I want the council to hear me: the farmers of the valley will have their road"]
    rs = segment_quotes(_quotes(texts), Segmenter(), norm, LinkParams())
    cuts = {r.text: [r.words[i] for i in cut_points(r, LinkParams())] for r in rs}
    assert cuts[texts[0]] == ["because"]
    assert cuts[texts[1]] == []  # "Varna, Ostrel and Kamensk" is a list of names
    assert cuts[texts[2]] == []  # a comma after a lead-in phrase, before no subject pronoun
    assert cuts[texts[3]] == ["the"]


def test_two_outlets_that_joined_the_same_two_sentences_are_both_cut() -> None:
    # Two translators joined the mayor's two sentences, one with "because", one with a colon; half the remark's
    # whole sentences are such joins. Neither counts as a vote for one sentence: both are cut.
    quotes = [_q("a", FERRY_JOINED),
              _q("g", "I want the ferry boats to sail to the outer islands once more in March: the fishermen asked for exactly this")]
    quotes += [_q(doc, text) for doc, text in FERRY_APART]
    for wordnet in (WordNet(enabled=False), WordNet()):
        groups = find_variants(quotes, wordnet=wordnet)
        assert _remark_of(groups, "b", "ferry") == {"a", "b", "c", "g"}
        assert _remark_of(groups, "d", "fishermen") == {"a", "d", "e", "f", "g"}
        assert {m.text for g in groups for m in g.members if m.doc_id == "g"} == {
            "I want the ferry boats to sail to the outer islands once more in March:", "the fishermen asked for exactly this"}
def _random_pairs(n: int, m: int, seed: int) -> tuple[object, object]:
    import numpy as np

    rng = np.random.default_rng(seed)
    a, b = rng.integers(0, n, m), rng.integers(0, n, m)
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    codes = np.unique(lo[lo < hi].astype(np.int64) * n + hi[lo < hi])
    pairs = np.stack([codes // n, codes % n], axis=1).astype(np.int32)
    sims = rng.random(len(pairs))
    sims[::7] = 0.0  # a pair that shares a blocking key but no weighted word or n-gram keeps its entry
    return pairs, sims


def test_the_similarity_matrix_is_built_in_place_as_the_coordinate_form_would_build_it() -> None:
    import numpy as np
    from scipy import sparse

    from quoteframe.variants import _strong_pairs, _symmetric

    for n, m, seed in [(2, 1, 0), (7, 12, 1), (60, 500, 2), (2000, 30000, 3)]:
        pairs, sims = _random_pairs(n, m, seed)
        # the coordinate form linking used before: both directions, then CSR (rows sorted, zeros kept)
        want = sparse.coo_matrix((np.concatenate([sims, sims]), (np.concatenate([pairs[:, 0], pairs[:, 1]]),
                                  np.concatenate([pairs[:, 1], pairs[:, 0]]))), shape=(n, n)).tocsr()
        got = _symmetric(pairs, sims, n, chunk=97)  # a small chunk: several rounds of each scatter
        assert got.indices.dtype == want.indices.dtype and got.indptr.dtype == want.indptr.dtype
        assert np.array_equal(got.indptr, want.indptr)
        assert np.array_equal(got.indices, want.indices)
        assert np.array_equal(got.data, want.data)
        # the strong pairs read back from above the diagonal are the pairs themselves, in their order
        mine = np.random.default_rng(seed).random(n) < 0.6
        strong = np.flatnonzero((sims >= 0.4) & mine[pairs[:, 0]])
        left, right, values = _strong_pairs(got, mine, 0.4, chunk=13)
        assert np.array_equal(left, pairs[strong, 0]) and np.array_equal(right, pairs[strong, 1])
        assert np.array_equal(values, sims[strong])


def test_pair_similarity_is_the_same_in_one_process_and_in_several() -> None:
    import numpy as np

    from quoteframe.segment import Segmenter
    from quoteframe.variants import _weights, pair_similarity, segment_quotes

    texts = ["We will restore order in the capital within days", "Order will be restored in the capital soon",
             "The capital will have order again within a few days", "Our army will build new schools",
             "New schools will be built by the army", "We are not joking about the schools"]
    quotes = [_q(f"d{i}", t) for i, t in enumerate(texts)]
    norm = Normaliser(WordNet(enabled=False))
    rs = segment_quotes(quotes, Segmenter(), norm, LinkParams())
    _, M, _ = _weights(rs, norm)
    pairs = np.array([(i, j) for i in range(len(rs)) for j in range(i + 1, len(rs))], dtype=np.int32)
    serial = pair_similarity(M, pairs, chunk=4, jobs=1)
    assert np.array_equal(pair_similarity(M, pairs, chunk=4, jobs=2), serial)
    dense = (M @ M.T).toarray()
    assert np.allclose(serial, dense[pairs[:, 0], pairs[:, 1]]) and serial[0] > serial[3]


def test_the_central_rendering_is_the_same_when_its_similarities_are_summed_a_block_at_a_time() -> None:
    import numpy as np
    from scipy import sparse
    from sklearn.preprocessing import normalize

    from quoteframe.variants import _central

    rng = np.random.default_rng(5)
    for seed in range(12):
        n = int(rng.integers(2, 120))
        W = normalize(sparse.random(n, 40, density=0.2, format="csr", random_state=seed))
        members = [Rendering("d", "o", f"q{i}", "s", 0, 1, "x", words=["w"] * int(rng.integers(3, 9)))
                   for i in range(n)]
        rows = [int(r) for r in rng.permutation(n)]
        longest = max(len(m.words) for m in members)
        full = [i for i, m in enumerate(members) if len(m.words) >= 0.6 * longest]
        sub = W[[rows[i] for i in full]]
        sums = (sub @ sub.T).toarray().sum(axis=1)  # the whole product at once, as linking computed it before
        for cells in (1, 7, n, 1 << 22):  # a row at a time, a few rows, one row's width, all at once
            k = _central(members, rows, W, 0.6, cells=cells)
            assert k in full and sums[full.index(k)] == max(sums)
            assert k == _central(members, rows, W, 0.6)


def test_a_partial_quotation_of_a_speaker_quoted_nowhere_else_joins_by_two_words_in_order() -> None:
    # A fragment whose speaker the quotes table got wrong (a government for its president) and who is quoted
    # nowhere else joins the remark that holds its two content words in order and nearly all its words; a
    # whole sentence of such a speaker needs three content words, so a newspaper's own short line joins nothing.
    said = "We will open four new schools since it is the will of millions of parents."
    base = [_q("a", said), _q("b", said), _q("c", "The harvest will be the best in a decade"),
            _q("d", "The harvest will be the best in a decade")]
    fragment = _q("e", "is the will of millions of parents", kind="partial", speaker="Government of Tarland")
    groups = find_variants(base + [fragment], wordnet=WordNet(enabled=False))
    by_doc = {m.doc_id: g for g in groups for m in g.members}
    assert {m.doc_id for m in by_doc["e"].members} == {"a", "b", "e"}
    line = _q("f", "Parents voted in their millions.", speaker="Morning Ledger")
    groups = find_variants(base + [line], wordnet=WordNet(enabled=False))
    assert not any("f" in {m.doc_id for m in g.members} and "a" in {m.doc_id for m in g.members} for g in groups)


def test_a_scare_quote_of_a_clause_that_fits_one_remark_joins_it_a_short_one_does_not() -> None:
    # the quotes table took the clause for the outlet's scare quote (its sentence named no speaker). It is
    # in only one short rendering of the remark, in the same words, the long ones translating it otherwise:
    # a clause that fits one remark of the corpus's speakers, and no other, is that speaker's words; a term
    # of two words is not
    long = ["We shall found three new provinces of the federation because the entire people desires it",
            "Three new provinces of the federation will be formed because the entire people asked for it",
            "We are forming three new provinces of the federation since the entire people demands it",
            "We shall form three new provinces of our federation as the entire people has voted for it",
            "Three new provinces of the federation are being formed because the entire people wants it",
            "We will create three new provinces of the federation because the entire people chose it",
            "The federation will form three new provinces because its entire people supports it"]
    other = "Our farmers will get new roads and bridges before the winter comes"
    quotes = [_q(f"l{i}", t) for i, t in enumerate(long)]
    quotes += [_q("b", "This is the wish of the whole nation"), _q("c", other), _q("d", other),
               _q("e", "is the wish of the whole nation", speaker="", kind="scare"),
               _q("f", "new roads", speaker="", kind="scare")]
    groups = find_variants(quotes, wordnet=WordNet(enabled=False))
    holding = [g for g in groups if any(m.doc_id == "e" for m in g.members)]
    assert len(holding) == 1 and "b" in {m.doc_id for m in holding[0].members}
    adopted = next(m for m in holding[0].members if m.doc_id == "e")
    assert adopted.speaker == "Anna Berg" and adopted.speaker_source == "remark"
    assert not any(m.doc_id == "f" for g in groups for m in g.members)
