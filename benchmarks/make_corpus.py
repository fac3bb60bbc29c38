"""Generate a synthetic claim corpus of any size, for benchmarks and tests.

    python benchmarks/make_corpus.py --claims 10000 /tmp/corpus [--seed 1]

writes one folder per source (a German or English press release: ``source.yaml`` and the
archived ``source.txt``) with its claims, the way ``claims/`` is laid out. Every quote
stands in its source's text and every value is the number its quote states, so ``factcheck
verify`` does real work on it: each check is evaluated, not refused. About one claim in 250
is made to fail on purpose, in one of a few ways (its check does not hold, a quote is not
in the source, a value differs from its quote); :func:`generate` returns those intended
failures with the corpus, so a test can assert that verify finds exactly them.

The same seed gives the same bytes. Each kind of check is one function in ``KINDS``: to
cover a new kind, write a function that returns a :class:`Piece` and add it there.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

#: One claim in this many fails on purpose.
FAILURE_EVERY = 250
#: Claims per source, drawn uniformly: a press release states a handful to a few dozen.
CLAIMS_PER_SOURCE = (6, 18)
#: Sentences without figures around each claim's sentences, so texts read like releases.
FILLER_PER_CLAIM = (1, 3)
#: Reference facts per file: a statistics office publishes its tables in parts, and one
#: file of every fact of a large corpus would pass the size factcheck reads.
FACTS_PER_FILE = 250

Check = dict[str, str | list[str]]


@dataclass
class Piece:
    """What one claim adds: its sentences in the source text, and the claim record."""

    kind: str
    sentences: list[str]
    claim: str
    figures: dict[str, tuple[str, str]] = field(default_factory=dict)  # name -> (quote, value)
    checks: list[Check] = field(default_factory=list)
    quote: str | None = None
    #: The rule code the claim is meant to fail, or None when every check holds.
    fails: str | None = None
    #: Reference facts the claim's checks name as ``ref:NAME``: name -> (value, description);
    #: the corpus renames each after its claim, so names are unique.
    facts: dict[str, tuple[str, str]] = field(default_factory=dict)


@dataclass
class SourcePlan:
    """One source folder: its metadata, text and claims."""

    slug: str
    language: str
    title: str
    publisher: str
    published: str
    text: str
    claims: dict[str, Piece]


@dataclass
class Corpus:
    """A generated corpus and the failures it is meant to produce."""

    sources: list[SourcePlan]
    #: (claim id, rule code) of every failure verify must report, sorted.
    failures: list[tuple[str, str]]
    #: Reference facts by language: name -> (value, description).
    facts: dict[str, dict[str, tuple[str, str]]] = field(default_factory=dict)

    @property
    def claim_count(self) -> int:
        """How many claims the corpus holds."""
        return sum(len(source.claims) for source in self.sources)


# --- words -----------------------------------------------------------------------------

WORDS = {
    "de": {
        "programmes": [
            "Integrationsoffensive",
            "Kita-Ausbau",
            "Sprachförderung",
            "Digitalpakt Schule",
            "Ganztagsprogramm",
            "Brückenprojekte",
            "Wohnraumförderung",
            "Pflegeoffensive",
            "Radwegeprogramm",
            "Breitbandausbau",
            "Quartiersentwicklung",
            "Ehrenamtsförderung",
        ],
        "regions": [
            "Nord",
            "Süd",
            "West",
            "Ost",
            "Rheinland",
            "Westfalen",
            "Ruhr",
            "Lippe",
            "Eifel",
            "Sauerland",
            "Münsterland",
            "Niederrhein",
        ],
        "purposes": [
            "für mehr Personal",
            "für die Beratung vor Ort",
            "für Sachkosten",
            "für Investitionen in Gebäude",
            "für die Qualifizierung von Fachkräften",
            "für digitale Ausstattung",
            "für Sprachkurse",
            "für die Verwaltung",
        ],
        "things": [
            ("Plätze", "Platz"),
            ("Kinder", "Kind"),
            ("Anträge", "Antrag"),
            ("Fachkräfte", "Fachkraft"),
            ("Wohnungen", "Wohnung"),
            ("Projekte", "Projekt"),
        ],
        "publishers": ["Pressestelle der Landesregierung", "Pressestelle des Ministeriums"],
        "filler": [
            "Die Landesregierung setzt damit ihren Kurs fort.",
            "Das Ministerium hat die Kommunen frühzeitig eingebunden.",
            "Die Mittel stehen ab dem kommenden Haushaltsjahr bereit.",
            "Verbände und Träger begrüßen die Entscheidung ausdrücklich.",
            "Weitere Informationen stellt das Ministerium im Internet bereit.",
            "Die Umsetzung wird wissenschaftlich begleitet.",
            "Die Anträge werden in der Reihenfolge ihres Eingangs bearbeitet.",
            "Vor Ort übernehmen die Kreise und kreisfreien Städte die Koordination.",
        ],
    },
    "en": {
        "programmes": [
            "Integration Fund",
            "Childcare Expansion",
            "Language Support",
            "Schools Digital Plan",
            "All-Day Schools",
            "Bridge Projects",
            "Housing Grant",
            "Care Workforce Plan",
            "Cycle Routes Plan",
            "Broadband Rollout",
            "Neighbourhood Renewal",
            "Volunteering Fund",
        ],
        "regions": [
            "North",
            "South",
            "East",
            "West",
            "Midlands",
            "Coast",
            "Valley",
            "Highlands",
            "Lakes",
            "Borders",
            "Downs",
            "Fens",
        ],
        "purposes": [
            "for more staff",
            "for local advice services",
            "for running costs",
            "for investment in buildings",
            "for training specialists",
            "for digital equipment",
            "for language courses",
            "for administration",
        ],
        "things": [
            ("places", "place"),
            ("children", "child"),
            ("applications", "application"),
            ("specialists", "specialist"),
            ("homes", "home"),
            ("projects", "project"),
        ],
        "publishers": ["Government Press Office", "Ministry Press Office"],
        "filler": [
            "The government continues its course with this decision.",
            "Local councils were involved from the start.",
            "The money is available from the next financial year.",
            "Charities and providers welcomed the decision.",
            "The ministry publishes further details online.",
            "An independent evaluation will accompany the programme.",
            "Applications are processed in the order they arrive.",
            "Councils coordinate the work on the ground.",
        ],
    },
}


def number(value: Decimal | int, lang: str, decimals: int = 0) -> str:
    """A number as the language writes it: 13,4 and 5.213 in German, 13.4 and 5,213 in English."""
    text = f"{Decimal(value):,.{decimals}f}"
    if lang == "de":
        text = text.translate(str.maketrans({",": ".", ".": ","}))
    return text


def millions(value: Decimal, lang: str) -> tuple[str, str]:
    """An amount in millions of euros as the text writes it and as a value is written."""
    written = number(value, lang, 1)
    if lang == "de":
        return f"{written} Millionen Euro", f"{written} Mio. €"
    return f"€{written} million", f"€{written} million"


@dataclass
class Topic:
    """What a claim is about: a programme, and the things it pays for."""

    lang: str
    programme: str
    things: str
    thing: str

    def words(self, key: str) -> list[str]:
        """The word list ``key`` in the topic's language."""
        return WORDS[self.lang][key]  # type: ignore[return-value]


# --- kinds of claims: each returns a Piece -----------------------------------------------


def sum_claim(rng: random.Random, topic: Topic, fail: bool) -> Piece:
    """A budget split into parts that add up to its total (FC101)."""
    lang = topic.lang
    purposes = rng.sample(topic.words("purposes"), rng.randint(2, 4))
    parts = [Decimal(rng.randint(3, 120)) / 10 for _ in purposes]
    total = sum(parts, Decimal(0)) + (Decimal(rng.randint(15, 40)) / 10 if fail else 0)
    total_text, total_value = millions(total, lang)
    part_texts = [millions(part, lang) for part in parts]
    clauses = [f"{text} {purpose}" for (text, _), purpose in zip(part_texts, purposes, strict=True)]
    if lang == "de":
        first = f"Für das Programm {topic.programme} stehen insgesamt {total_text} bereit."
        split = f"Davon fließen {', '.join(clauses[:-1])} und {clauses[-1]}."
        claim = f"{topic.programme} ist mit {total_text} ausgestattet, aufgeteilt in Posten."
        total_quote = f"insgesamt {total_text} bereit"
    else:
        first = f"The {topic.programme} programme has a total budget of {total_text}."
        split = f"Of this, {', '.join(clauses[:-1])} and {clauses[-1]}."
        claim = f"The {topic.programme} has {total_text}, split into items."
        total_quote = f"a total budget of {total_text}"
    figures = {"total": (total_quote, total_value)}
    for index, (clause, (_, value)) in enumerate(zip(clauses, part_texts, strict=True), 1):
        figures[f"part_{index}"] = (clause, value)
    checks: list[Check] = [
        {"sum": [f"part_{i}" for i in range(1, len(parts) + 1)], "equals": "total"}
    ]
    return Piece("sum", [first, split], claim, figures, checks, fails="FC101" if fail else None)


def derived_claim(rng: random.Random, topic: Topic, fail: bool) -> Piece:
    """A budget per thing, stated rounded, against budget / count (FC106)."""
    lang = topic.lang
    budget = Decimal(rng.randint(20, 900)) / 10
    count = rng.randint(300, 40000)
    per = budget * 1_000_000 / count
    step = Decimal(10) ** (len(str(int(per))) - 2)  # two significant digits
    stated = (per / step).quantize(Decimal(1)) * step
    if fail:
        stated = (stated * Decimal("1.6") / step).quantize(Decimal(1)) * step
    budget_text, budget_value = millions(budget, lang)
    count_text = number(count, lang)
    per_text = number(stated, lang)
    if lang == "de":
        sentence = f"Mit {budget_text} werden {count_text} {topic.things} gefördert."
        per_sentence = f"Das sind rund {per_text} Euro je {topic.thing}."
        claim = f"{topic.programme} fördert {count_text} {topic.things} mit {budget_text}."
        per_quote, per_value = f"rund {per_text} Euro je {topic.thing}", f"rund {per_text} €"
    else:
        sentence = f"{budget_text} will fund {count_text} {topic.things}."
        per_sentence = f"That is about €{per_text} per {topic.thing}."
        claim = f"The {topic.programme} funds {count_text} {topic.things} with {budget_text}."
        per_quote, per_value = f"about €{per_text} per {topic.thing}", f"about €{per_text}"
    figures = {
        "budget": (sentence.rstrip("."), budget_value),
        "count": (sentence.rstrip("."), count_text),
        "per_unit": (per_quote, per_value),
    }
    checks: list[Check] = [{"derived": "budget / count", "expected": "per_unit"}]
    return Piece(
        "derived", [sentence, per_sentence], claim, figures, checks, fails="FC106" if fail else None
    )


def change_claim(rng: random.Random, topic: Topic, fail: bool) -> Piece:
    """A count that rose from one year to the next, by a stated percent or factor (FC105)."""
    lang = topic.lang
    year = rng.randint(2012, 2023)
    before = rng.randint(40, 4000)
    doubled = rng.random() < 0.2
    if doubled:
        after = before * 2 + (before if fail else 0)
    else:
        after = before + rng.randint(before // 20 + 1, before)
    percent = round((Decimal(after) / before - 1) * 100)
    if fail and not doubled:
        percent += rng.randint(8, 30)
    before_text, after_text = number(before, lang), number(after, lang)
    if lang == "de":
        sentence = (
            f"Die Zahl der {topic.things} stieg von {before_text} im Jahr {year} "
            f"auf {after_text} im Jahr {year + 1}."
        )
        by_sentence = (
            "Die Zahl hat sich damit verdoppelt."
            if doubled
            else f"Das ist ein Zuwachs um {percent} Prozent."
        )
        by_quote = "hat sich damit verdoppelt" if doubled else f"ein Zuwachs um {percent} Prozent"
        by_value = "verdoppelt" if doubled else f"{percent} %"
        claim = f"Im {topic.programme} wuchs die Zahl der {topic.things} binnen eines Jahres."
    else:
        sentence = (
            f"The number of {topic.things} rose from {before_text} in {year} "
            f"to {after_text} in {year + 1}."
        )
        by_sentence = "The number has doubled." if doubled else f"That is a rise of {percent}%."
        by_quote = "The number has doubled" if doubled else f"a rise of {percent}%"
        by_value = "doubled" if doubled else f"{percent}%"
        claim = f"In the {topic.programme} the number of {topic.things} grew within a year."
    before_quote = f"{before_text} im Jahr {year}" if lang == "de" else f"{before_text} in {year}"
    after_quote = (
        f"{after_text} im Jahr {year + 1}" if lang == "de" else f"{after_text} in {year + 1}"
    )
    figures = {
        "before": (before_quote, before_text),
        "after": (after_quote, after_text),
        "change": (by_quote, by_value),
    }
    checks: list[Check] = [{"change": ["before", "after"], "by": "change"}]
    return Piece(
        "change", [sentence, by_sentence], claim, figures, checks, fails="FC105" if fail else None
    )


def qualified_claim(rng: random.Random, topic: Topic, fail: bool) -> Piece:
    """A rounded or "more than" figure against the exact count it summarises (FC107)."""
    lang = topic.lang
    round_to = rng.choice((100, 1000))
    exact = rng.randint(3, 60) * round_to + rng.randint(1, round_to - 1)
    over = rng.random() < 0.5
    shown = exact // round_to * round_to
    if not over:
        shown = round(exact / round_to) * round_to
    if fail:  # twice the exact figure: outside any rounding of the stated one
        shown = exact * 2 // round_to * round_to
    shown_text, exact_text = number(shown, lang), number(exact, lang)
    if lang == "de":
        word = "über" if over else "rund"
        sentence = f"Gefördert werden {word} {shown_text} {topic.things}."
        exact_sentence = f"Nach der Statistik des Landes waren es {exact_text} {topic.things}."
        exact_quote = f"waren es {exact_text} {topic.things}"
        claim = f"{topic.programme} fördert {word} {shown_text} {topic.things}."
    else:
        word = "more than" if over else "about"
        sentence = f"The programme supports {word} {shown_text} {topic.things}."
        exact_sentence = f"According to official statistics there were {exact_text} {topic.things}."
        exact_quote = f"there were {exact_text} {topic.things}"
        claim = f"The {topic.programme} supports {word} {shown_text} {topic.things}."
    figures = {
        "stated": (f"{word} {shown_text} {topic.things}", f"{word} {shown_text}"),
        "exact": (exact_quote, exact_text),
    }
    checks: list[Check] = [{"qualified": "stated", "exact": "exact"}]
    return Piece(
        "qualified",
        [sentence, exact_sentence],
        claim,
        figures,
        checks,
        fails="FC107" if fail else None,
    )


def share_claim(rng: random.Random, topic: Topic, fail: bool) -> Piece:
    """Part of a whole against the percentage, or the share word, the text states (FC102)."""
    lang = topic.lang
    whole = rng.randint(20, 400)
    part = rng.randint(whole // 10 + 1, whole - 1)
    percent = round(Decimal(part) * 100 / whole)
    if fail:
        percent = percent + 12 if percent < 80 else percent - 20
    part_text, whole_text = number(part, lang), number(whole, lang)
    majority = part * 100 > whole * 60 and not fail and rng.random() < 0.4
    if lang == "de":
        counted = f"{part_text} von {whole_text} Kommunen"
        sentence = f"Inzwischen bieten {counted} {topic.programme} an."
        if majority:
            share_sentence = "Damit erreicht das Angebot die Mehrheit der Kommunen."
            share_quote, share_value = "die Mehrheit der Kommunen", "die Mehrheit"
        else:
            share_sentence = f"Das sind {percent} Prozent aller Kommunen."
            share_quote, share_value = f"Das sind {percent} Prozent", f"{percent} %"
        claim = f"{topic.programme} wird in {counted} angeboten."
    else:
        counted = f"{part_text} of {whole_text} councils"
        sentence = f"By now {counted} offer the {topic.programme}."
        if majority:
            share_sentence = "The offer thus reaches the majority of councils."
            share_quote, share_value = "the majority of councils", "the majority"
        else:
            share_sentence = f"That is {percent}% of all councils."
            share_quote, share_value = f"That is {percent}%", f"{percent}%"
        claim = f"The {topic.programme} is offered in {counted}."
    figures = {
        "part": (counted, part_text),
        "whole": (counted, whole_text),
        "share": (share_quote, share_value),
    }
    checks: list[Check] = [{"share": "part", "of": "whole", "is": "share"}]
    return Piece(
        "share", [sentence, share_sentence], claim, figures, checks, fails="FC102" if fail else None
    )


def same_claim(rng: random.Random, topic: Topic, fail: bool) -> Piece:
    """One amount stated twice, in the lead and in a quoted statement (FC103)."""
    lang = topic.lang
    amount = Decimal(rng.randint(10, 500)) / 10
    quoted = amount + (Decimal(rng.randint(5, 30)) / 10 if fail else 0)
    (lead_text, lead_value), (quoted_text, quoted_value) = (
        millions(amount, lang),
        millions(quoted, lang),
    )
    if lang == "de":
        lead = f"Das Land stellt {lead_text} für {topic.programme} bereit."
        statement = f"„Mit {quoted_text} setzen wir ein starkes Zeichen“, sagte die Ministerin."
        claim = f"Für {topic.programme} stehen {lead_text} bereit."
        quotes = (f"stellt {lead_text} für", f"„Mit {quoted_text} setzen wir")
    else:
        lead = f"The government provides {lead_text} for the {topic.programme}."
        statement = f"“With {quoted_text} we are making a strong statement,” the minister said."
        claim = f"The {topic.programme} receives {lead_text}."
        quotes = (f"provides {lead_text} for", f"“With {quoted_text} we are")
    figures = {"lead": (quotes[0], lead_value), "statement": (quotes[1], quoted_value)}
    checks: list[Check] = [{"same": ["lead", "statement"]}]
    return Piece("same", [lead, statement], claim, figures, checks, fails="FC103" if fail else None)


def compare_claim(rng: random.Random, topic: Topic, fail: bool) -> Piece:
    """A count said to have grown on the year before (FC104)."""
    lang = topic.lang
    year = rng.randint(2012, 2023)
    before = rng.randint(50, 5000)
    now = before + rng.randint(1, before) * (-1 if fail else 1)
    now_text, before_text = number(now, lang), number(before, lang)
    if lang == "de":
        sentence = (
            f"Im Jahr {year + 1} gab es {now_text} {topic.things}, "
            f"im Jahr {year} waren es noch {before_text}."
        )
        quotes = (f"gab es {now_text} {topic.things}", f"waren es noch {before_text}")
        claim = f"Im {topic.programme} gibt es mehr {topic.things} als im Vorjahr."
    else:
        sentence = (
            f"In {year + 1} there were {now_text} {topic.things}, up from {before_text} in {year}."
        )
        quotes = (f"there were {now_text} {topic.things}", f"up from {before_text}")
        claim = f"The {topic.programme} has more {topic.things} than the year before."
    figures = {"now": (quotes[0], now_text), "before": (quotes[1], before_text)}
    checks: list[Check] = [{"compare": "now > before"}]
    return Piece("compare", [sentence], claim, figures, checks, fails="FC104" if fail else None)


def reference_claim(rng: random.Random, topic: Topic, fail: bool) -> Piece:
    """A population the release states against the statistics office's count (FC201)."""
    lang = topic.lang
    counted = rng.randint(20_000, 2_000_000)
    stated = counted + (counted // rng.randint(8, 20) if fail else 0)
    stated_text, counted_text = number(stated, lang), number(counted, lang)
    if lang == "de":
        sentence = f"Im Fördergebiet von {topic.programme} leben {stated_text} Menschen."
        quote = f"leben {stated_text} Menschen"
        claim = f"Im Fördergebiet von {topic.programme} leben {stated_text} Menschen."
        description = f"Einwohner im Fördergebiet von {topic.programme} laut Landesstatistik"
    else:
        sentence = f"The {topic.programme} area is home to {stated_text} people."
        quote = f"home to {stated_text} people"
        claim = f"The {topic.programme} area has {stated_text} inhabitants."
        description = f"inhabitants of the {topic.programme} area, by the statistics office"
    figures = {"population": (quote, stated_text)}
    checks: list[Check] = [{"reference": "population", "equals": "ref:population"}]
    piece = Piece("reference", [sentence], claim, figures, checks, fails="FC201" if fail else None)
    piece.facts["population"] = (counted_text, description)
    return piece


def uncheckable_claim(rng: random.Random, topic: Topic, fail: bool) -> Piece:
    """A claim without figures: recorded with its quote, reported as not checkable."""
    if topic.lang == "de":
        sentence = f"Kein anderes Land hat ein so gutes Angebot an {topic.things} wie wir."
    else:
        sentence = f"No other region offers as many {topic.things} as ours."
    quote = sentence.rstrip(".")
    return Piece("uncheckable", [sentence], sentence, quote=quote)


#: Every kind of claim the generator writes, with its weight in the mix.
KINDS: dict[str, tuple[Callable[[random.Random, Topic, bool], Piece], int]] = {
    "sum": (sum_claim, 4),
    "derived": (derived_claim, 2),
    "change": (change_claim, 2),
    "qualified": (qualified_claim, 2),
    "share": (share_claim, 2),
    "same": (same_claim, 1),
    "compare": (compare_claim, 1),
    "reference": (reference_claim, 1),
    "uncheckable": (uncheckable_claim, 1),
}


# --- failures that any kind can carry ----------------------------------------------------


def misquote(rng: random.Random, piece: Piece) -> Piece:
    """Change a word of one figure's quote, so it no longer stands in the source (FC001)."""
    name = rng.choice(sorted(piece.figures))
    quote, value = piece.figures[name]
    words = quote.split(" ")
    index = max(range(len(words)), key=lambda i: (not any(c.isdigit() for c in words[i]), i))
    words[index] = words[index][::-1] + "x"
    piece.figures[name] = (" ".join(words), value)
    piece.fails = "FC001"
    return piece


def misvalued_claim(rng: random.Random, topic: Topic) -> Piece:
    """A "more than" claim whose value is written lower than its quote states (FC002); the
    lower figure still covers the exact one, so only the value is wrong."""
    piece = qualified_claim(rng, topic, False)
    quote, value = piece.figures["stated"]
    written = value.rpartition(" ")[2]
    word = "über" if topic.lang == "de" else "more than"
    separator = "." if topic.lang == "de" else ","
    stated = int(written.replace(separator, ""))
    piece.figures["stated"] = (quote, f"{word} {number(stated // 2, topic.lang)}")
    piece.fails = "FC002"
    return piece


# --- the corpus ---------------------------------------------------------------------------


def _choose_kind(rng: random.Random) -> str:
    names = list(KINDS)
    return rng.choices(names, weights=[KINDS[name][1] for name in names])[0]


def _failing_piece(rng: random.Random, topic: Topic, kind: str, failure: int) -> Piece:
    """The ``failure``-th failing claim: failures take turns through every way to fail
    (each kind's own check, then a quote not in the source, then a value not as quoted), so
    every way appears in any corpus with a few failures."""
    checked = [name for name in KINDS if name != "uncheckable"]
    ways = [*checked, "quote", "value"]
    way = ways[failure % len(ways)]
    if way == "quote":
        make = KINDS["sum" if kind == "uncheckable" else kind][0]
        return misquote(rng, make(rng, topic, False))
    if way == "value":
        return misvalued_claim(rng, topic)
    return KINDS[way][0](rng, topic, True)


def generate(claims: int, seed: int = 1, failure_every: int = FAILURE_EVERY) -> Corpus:
    """A corpus of ``claims`` claims, the same for the same seed; one claim in
    ``failure_every`` fails on purpose."""
    rng = random.Random(seed)
    sources: list[SourcePlan] = []
    failures: list[tuple[str, str]] = []
    facts: dict[str, dict[str, tuple[str, str]]] = {}
    made = 0
    while made < claims:
        index = len(sources) + 1
        lang = "de" if rng.random() < 0.6 else "en"
        words = WORDS[lang]
        region = rng.choice(words["regions"])
        slug = f"release-{index:05d}-{lang}"
        count = min(claims - made, rng.randint(*CLAIMS_PER_SOURCE))
        sentences: list[str] = []
        pieces: dict[str, Piece] = {}
        for number_in_source in range(1, count + 1):
            programme = f"{rng.choice(words['programmes'])} {region}"
            plural, singular = rng.choice(words["things"])
            topic = Topic(lang, programme, plural, singular)
            kind = _choose_kind(rng)
            if (made + number_in_source) % failure_every == 0:
                piece = _failing_piece(rng, topic, kind, len(failures))
            else:
                piece = KINDS[kind][0](rng, topic, False)
            claim_id = f"{slug}-{number_in_source:02d}-{piece.kind}"
            _name_facts(piece, claim_id, facts.setdefault(lang, {}))
            pieces[claim_id] = piece
            if piece.fails:
                failures.append((claim_id, piece.fails))
            sentences += piece.sentences
            sentences += rng.sample(words["filler"], rng.randint(*FILLER_PER_CLAIM))
        title = (
            f"Landesregierung stärkt {region}: {count} Vorhaben im Überblick"
            if lang == "de"
            else f"Government backs the {region}: {count} measures at a glance"
        )
        text = _paragraphs(rng, title, sentences)
        published = f"{rng.randint(2015, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        sources.append(
            SourcePlan(slug, lang, title, rng.choice(words["publishers"]), published, text, pieces)
        )
        made += count
    return Corpus(sources, sorted(failures), facts)


def _name_facts(piece: Piece, claim_id: str, facts: dict[str, tuple[str, str]]) -> None:
    """Give the piece's facts names unique in the corpus (its claim's id before each) and
    add them to ``facts``; its checks name them so."""
    for name, fact in piece.facts.items():
        unique = f"{claim_id}-{name}"
        facts[unique] = fact
        for check in piece.checks:
            for key, value in check.items():
                if value == f"ref:{name}":
                    check[key] = f"ref:{unique}"


def _paragraphs(rng: random.Random, title: str, sentences: list[str]) -> str:
    lines = [title, ""]
    paragraph: list[str] = []
    for sentence in sentences:
        paragraph.append(sentence)
        if len(paragraph) >= rng.randint(3, 6):
            lines += [_wrap(" ".join(paragraph)), ""]
            paragraph = []
    if paragraph:
        lines += [_wrap(" ".join(paragraph)), ""]
    return "\n".join(lines)


def _wrap(text: str, width: int = 88) -> str:
    """Break a paragraph into lines, as archived releases are; quotes may span the breaks."""
    lines, line = [], ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return "\n".join(lines)


def _scalar(text: str) -> str:
    """A YAML double-quoted scalar (a JSON string is one)."""
    return json.dumps(text, ensure_ascii=False)


def _plain(text: str) -> str:
    """A figure name as it stands; anything else (an expression) double-quoted."""
    return text if text.isidentifier() else _scalar(text)


def claim_yaml(claim_id: str, slug: str, piece: Piece) -> str:
    """The claim file as an editor would write it."""
    lines = [
        f"id: {claim_id}",
        f"source: {slug}",
        f"claim: {_scalar(piece.claim)}",
    ]
    if piece.quote:
        lines.append(f"quote: {_scalar(piece.quote)}")
    if piece.figures:
        lines.append("figures:")
        for name, (quote, value) in piece.figures.items():
            lines += [f"  {name}:", f"    quote: {_scalar(quote)}", f"    value: {_scalar(value)}"]
    if piece.checks:
        lines.append("checks:")
        for check in piece.checks:
            for position, (key, value) in enumerate(check.items()):
                written = f"[{', '.join(value)}]" if isinstance(value, list) else _plain(value)
                lines.append(f"  {'-' if position == 0 else ' '} {key}: {written}")
    return "\n".join(lines) + "\n"


def source_yaml(source: SourcePlan) -> str:
    """The source file naming its archived text."""
    return (
        f"title: {_scalar(source.title)}\n"
        f"publisher: {_scalar(source.publisher)}\n"
        f"language: {source.language}\n"
        f"published: {_scalar(source.published)}\n"
        "text: source.txt\n"
    )


def write(corpus: Corpus, outdir: Path) -> None:
    """Write the corpus under ``outdir``, one folder per source; refuse a non-empty folder."""
    if outdir.exists() and any(outdir.iterdir()):
        raise SystemExit(f"make_corpus: {outdir} is not empty; name a new folder")
    for source in corpus.sources:
        folder = outdir / source.slug
        folder.mkdir(parents=True)
        (folder / "source.yaml").write_text(source_yaml(source), encoding="utf-8")
        (folder / "source.txt").write_text(source.text, encoding="utf-8")
        for claim_id, piece in source.claims.items():
            text = claim_yaml(claim_id, source.slug, piece)
            (folder / f"{claim_id}.yaml").write_text(text, encoding="utf-8")
    for lang, facts in sorted(corpus.facts.items()):
        names = list(facts)
        for part, start in enumerate(range(0, len(names), FACTS_PER_FILE), start=1):
            (outdir / "references").mkdir(exist_ok=True)
            path = outdir / "references" / f"statistics-{lang}-{part:03d}.yaml"
            chunk = {name: facts[name] for name in names[start : start + FACTS_PER_FILE]}
            path.write_text(references_yaml(lang, chunk), encoding="utf-8")


def references_yaml(lang: str, facts: dict[str, tuple[str, str]]) -> str:
    """A reference file: the facts of one language, each with its statistics office."""
    office = "Statistisches Landesamt" if lang == "de" else "Office for Statistics"
    lines = [f"language: {lang}", "facts:"]
    for name, (value, description) in facts.items():
        lines += [
            f"  {name}:",
            f"    value: {_scalar(value)}",
            f"    description: {_scalar(description)}",
            "    sources:",
            f"      - title: {_scalar(f'{office}: population by area')}",
            f"        publisher: {_scalar(office)}",
        ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Command line: ``make_corpus.py --claims N OUTDIR [--seed S]``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, required=True, help="how many claims to write")
    parser.add_argument("outdir", type=Path, help="a new or empty folder to write into")
    parser.add_argument("--seed", type=int, default=1, help="the same seed gives the same corpus")
    parser.add_argument(
        "--fail-every",
        type=int,
        default=FAILURE_EVERY,
        help=f"one claim in this many fails on purpose (default {FAILURE_EVERY})",
    )
    args = parser.parse_args(argv)
    if args.claims < 1 or args.fail_every < 1:
        parser.error("--claims and --fail-every must be at least 1")
    corpus = generate(args.claims, args.seed, args.fail_every)
    write(corpus, args.outdir)
    print(
        f"{corpus.claim_count} claims in {len(corpus.sources)} sources written to {args.outdir}; "
        f"{len(corpus.failures)} fail on purpose",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
