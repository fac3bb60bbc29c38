"""Figures as people write them, read into intervals.

``parse_figure("rund 13,4 Millionen Euro", "de")`` gives a :class:`Reading`: the nominal
value in the unit's base (13 400 000), the interval the words allow, the unit, the
qualifier and the precision of the last written digit. ``find_figures`` finds every figure
in a longer text, such as a quote, and labels each with its kind (amount, count, percent,
year, date, ordinal, ratio).

The words that differ by language (qualifiers, scale words, months, fractions) are data:
``data/lexicon-<lang>.yaml``, read once by :func:`load_lexicon` and overridable by a file of
the same shape. Number words ("einundzwanzigtausend", "twenty-one thousand") are converted
by the text2num library; what it does not read (articles before scale words, "Komma",
"einhalb", "a dozen") is handled here. docs/figures.md documents every rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal, localcontext
from fractions import Fraction
from functools import cache, lru_cache
from pathlib import Path

from factcheck.interval import INFINITY, Interval, add
from factcheck.records import by_fields, quick_init
from factcheck.units import CURRENCIES, PREFIX_UNIT_WORDS, UNIT_WORDS

#: The most digits one numeral may have; longer input is refused, not computed with.
MAX_DIGITS = 100
#: The longest text ``parse_figure`` reads; a figure is a few words, not a paragraph.
MAX_FIGURE_LENGTH = 200
#: The longest text ``find_figures`` searches.
MAX_TEXT_LENGTH = 1_000_000

#: Rounding conventions: how a written value x with last-digit step s was produced.
#: "up-or-down": rounded to the nearest, either way at the half -> [x - s/2, x + s/2].
#: "half-up": rounded half up -> [x - s/2, x + s/2).
#: "truncated": digits cut off towards zero -> [x, x + s) (for x < 0: (x - s, x]).
ROUNDINGS = ("up-or-down", "half-up", "truncated")
DEFAULT_ROUNDING = "up-or-down"

LANGUAGES = ("de", "en")

#: Kinds of figure, as ``Reading.kind`` and ``factcheck parse`` name them.
KINDS = ("amount", "count", "percent", "ratio", "share", "year", "date", "ordinal")

_SPACE = "\u00a0\u202f\u2009 "
_MINUS = "-−–‒﹣－"
_GROUP_MARKS = _SPACE + "'’"


class FigureError(ValueError):
    """A figure's text could not be read; the message says what was not understood."""


class LexiconError(ValueError):
    """A lexicon file is not in the expected shape; the message names file and entry."""


@quick_init
@dataclass(frozen=True, slots=True)
class Reading:
    """What the tool reads in a figure's text."""

    __reduce__ = by_fields

    text: str
    value: Decimal
    interval: Interval
    unit: str
    qualifier: str | None
    precision: Decimal
    scale: Decimal = Decimal(1)
    scale_word: str | None = None
    decimals: int = 0
    kind: str = "amount"
    #: For a date: ISO 8601 text, "2016-02-12", or "--02-12" when the year is not written.
    date: str | None = None
    #: The things a count or an ordinal counts, as written after it ("Kinder", "Standort").
    counted: str | None = None

    def same_figure(self, other: Reading) -> bool:
        """Whether two readings state the same figure (value, interval and qualifier).

        A date, a year and an ordinal are never the same figure as a quantity of the same
        number: "50." (the fiftieth) is not "50".
        """
        return (
            self.value == other.value
            and self.interval == other.interval
            and (self.qualifier or None) == (other.qualifier or None)
            and _category(self.kind) == _category(other.kind)
        )


def _category(kind: str) -> str:
    return kind if kind in ("year", "date", "ordinal") else "quantity"


@quick_init
@dataclass(frozen=True, slots=True)
class Found:
    """A figure found in a longer text, with its character offsets."""

    start: int
    end: int
    reading: Reading


# --- the lexicon -----------------------------------------------------------------------


@dataclass(frozen=True)
class End:
    """One end of a qualifier's interval: "rounding", "unbounded", or x + offset steps."""

    how: str
    offset: Decimal = Decimal(0)
    open: bool = False


@dataclass(frozen=True)
class Qualifier:
    """A qualifier word and the interval it makes of a written value."""

    word: str
    means: str
    step: str
    lo: End
    hi: End


@dataclass(frozen=True)
class Lexicon:
    """The words of one language (or of both, when the language is not known)."""

    lang: str | None
    qualifiers: dict[str, Qualifier]
    #: Scale word (lowercased) -> factor; None where the languages disagree ("billion").
    scales: dict[str, Decimal | None]
    months: dict[str, int]
    fractions: dict[str, Fraction]
    multiples: dict[str, Fraction]
    multiple_suffixes: tuple[str, ...]
    ordinal_determiners: frozenset[str]
    range_between: tuple[tuple[str, str], ...]
    range_words: tuple[str, ...]
    #: Share word (lowercased) -> the shares it allows, as fractions of 1.
    shares: dict[str, Interval]
    pattern: re.Pattern[str] = field(repr=False, compare=False, default=None)  # type: ignore[assignment]


def _bundled_text(lang: str) -> str:
    from importlib.resources import files

    return (files("factcheck") / "data" / f"lexicon-{lang}.yaml").read_text(encoding="utf-8")


def _yaml_load(text: str, where: str) -> dict:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(text, Loader=loader)
    except yaml.YAMLError as error:
        raise LexiconError(f"{where}: not valid YAML: {' '.join(str(error).split())}") from None
    if not isinstance(data, dict):
        raise LexiconError(f"{where}: expected a mapping with 'qualifiers', 'scales', ...")
    return data


def _end(spec: object, where: str) -> End:
    if spec in ("rounding", "unbounded"):
        return End(str(spec))
    if isinstance(spec, dict) and set(spec) == {"offset", "open"}:
        written = _lexicon_number(spec["offset"])
        offset = Decimal(written) if written and "/" not in written else None
        if offset is not None and abs(offset) <= _MAX_OFFSET and isinstance(spec["open"], bool):
            return End("offset", offset, spec["open"])
    raise LexiconError(
        f"{where}: expected 'rounding', 'unbounded' or {{offset: NUMBER, open: true|false}}"
    )


def _qualifier(word: str, spec: object, where: str) -> Qualifier:
    if not isinstance(spec, dict) or not {"step", "lo", "hi"} <= set(spec):
        raise LexiconError(f"{where}: qualifier {word!r} needs 'step', 'lo' and 'hi'")
    if spec["step"] not in ("significant", "written"):
        raise LexiconError(f"{where}: qualifier {word!r}: step must be significant or written")
    return Qualifier(
        word=word,
        means=str(spec.get("means", "")),
        step=spec["step"],
        lo=_end(spec["lo"], f"{where}: qualifier {word!r} lo"),
        hi=_end(spec["hi"], f"{where}: qualifier {word!r} hi"),
    )


#: How a number in a lexicon is written: digits with an optional decimal part or
#: denominator, and no exponent, so "1e999999999" cannot ask for a billion-digit number.
_LEXICON_NUMBER = re.compile(r"-?\d{1,30}(?:\.\d{1,30})?(?:/\d{1,30})?")
#: The largest scale factor and qualifier offset a lexicon may give.
_MAX_SCALE = Decimal(10) ** 30
_MAX_OFFSET = Decimal(100)


def _lexicon_number(text: object) -> str | None:
    """``text`` as a lexicon number's text, or None when it is not written as one."""
    written = str(text).strip()
    return written if _LEXICON_NUMBER.fullmatch(written) else None


def _ratio(text: object, where: str) -> Fraction:
    written = _lexicon_number(text)
    try:
        ratio = Fraction(written or "")
    except (ValueError, ZeroDivisionError):
        raise LexiconError(f"{where}: expected a fraction such as 1/3, found {text!r}") from None
    if ratio <= 0:
        raise LexiconError(f"{where}: expected a positive fraction, found {text!r}")
    return ratio


_SHARE = re.compile(r"([\[(])\s*(\d+(?:\.\d+)?)\s*,\s*(\d+(?:\.\d+)?)\s*([\])])")


def _share(text: object, where: str) -> Interval:
    """A share word's interval, written in percent as "[90, 100)", as fractions of 1."""
    match = _SHARE.fullmatch(text.strip()) if isinstance(text, str) else None
    lo, hi = (Decimal(match[2]), Decimal(match[3])) if match else (None, None)
    if match is None or lo is None or hi is None or not 0 <= lo <= hi <= 100:
        raise LexiconError(
            f'{where}: expected shares in percent, in quotes, such as "[90, 100)" (a bracket '
            f"keeps its end, a parenthesis leaves it out; 0 to 100), found {text!r}"
        )
    hundred = Decimal(100)
    return Interval(lo / hundred, hi / hundred, match[1] == "(", match[4] == ")")


def share_value(interval: Interval) -> Decimal:
    """The value of a share word: its threshold. The lower end for a word that reaches up to
    all ("die Mehrheit": 0,5), the upper end for one that starts at none ("die
    Minderheit": 0,5), the middle otherwise."""
    if interval.hi == 1 and interval.lo > 0:
        return interval.lo
    if interval.lo == 0 and interval.hi < 1:
        return interval.hi
    return (interval.lo + interval.hi) / 2


def _merge(base: dict, override: dict) -> dict:
    """Entries of ``override`` replace or add to ``base``'s; a null entry removes one."""
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            inner = dict(merged[key])
            for word, entry in value.items():
                if entry is None:
                    inner.pop(word, None)
                else:
                    inner[word] = entry
            merged[key] = inner
        else:
            merged[key] = value
    return merged


def _raw_lexicon(lang: str, override_path: Path | None) -> dict:
    data = _yaml_load(_bundled_text(lang), f"lexicon-{lang}.yaml")
    if override_path is not None:
        from factcheck.yamltree import InputError, load_yaml, read_text

        path = Path(override_path)
        try:
            # Read as claim files are first: size, encoding, aliases (an alias bomb would
            # expand when its words are read) and duplicate keys are refused with their line.
            load_yaml(path)
            text = read_text(path)
        except InputError as error:
            raise LexiconError(str(error)) from None
        data = _merge(data, _yaml_load(text, str(path)))
    return data


def _lower_key(key: object) -> str:
    return " ".join(str(key).lower().split())


def _build(lang: str | None, data: dict, where: str) -> Lexicon:
    qualifiers = {
        _lower_key(word): _qualifier(str(word), spec, where)
        for word, spec in (data.get("qualifiers") or {}).items()
    }
    scales: dict[str, Decimal | None] = {}
    for word, factor in (data.get("scales") or {}).items():
        written = _lexicon_number(factor)
        value = Decimal(written) if written and "/" not in written else None
        if value is None or not 0 < value <= _MAX_SCALE:
            raise LexiconError(
                f"{where}: scale {word!r} must be a number over 0 and at most 10^30, written "
                f"in digits (1000000), found {factor!r}"
            )
        scales[_lower_key(word)] = value
    months = {}
    for number, names in enumerate(data.get("months") or [], start=1):
        for name in names if isinstance(names, list) else [names]:
            months[_lower_key(name)] = number
    return Lexicon(
        lang=lang,
        qualifiers=qualifiers,
        scales=scales,
        months=months,
        fractions={
            _lower_key(k): _ratio(v, f"{where}: fraction {k!r}")
            for k, v in (data.get("fractions") or {}).items()
        },
        multiples={
            _lower_key(k): _ratio(v, f"{where}: multiple {k!r}")
            for k, v in (data.get("multiples") or {}).items()
        },
        multiple_suffixes=tuple(str(s).lower() for s in data.get("multiple_suffixes") or ()),
        ordinal_determiners=frozenset(
            str(w).lower() for w in data.get("ordinal_determiners") or ()
        ),
        range_between=(tuple(str(w).lower() for w in data["range_between"]),)
        if data.get("range_between")
        else (),
        range_words=tuple(str(w).lower() for w in data.get("range_words") or ()),
        shares={
            _lower_key(k): _share(v, f"{where}: share {k!r}")
            for k, v in (data.get("shares") or {}).items()
        },
    )


def _union(first: Lexicon, second: Lexicon) -> Lexicon:
    """Both languages' words, for text whose language is not known; a scale word the
    languages read differently is kept as ambiguous (None)."""
    scales = dict(first.scales)
    for word, factor in second.scales.items():
        scales[word] = factor if scales.get(word, factor) == factor else None
    return Lexicon(
        lang=None,
        qualifiers={**first.qualifiers, **second.qualifiers},
        scales=scales,
        months={**first.months, **second.months},
        fractions={**first.fractions, **second.fractions},
        multiples={**first.multiples, **second.multiples},
        multiple_suffixes=tuple(dict.fromkeys(first.multiple_suffixes + second.multiple_suffixes)),
        ordinal_determiners=first.ordinal_determiners | second.ordinal_determiners,
        range_between=first.range_between + second.range_between,
        range_words=first.range_words + second.range_words,
        shares={**first.shares, **second.shares},
    )


@cache
def load_lexicon(lang: str | None, override_path: Path | str | None = None) -> Lexicon:
    """The lexicon of ``lang`` ("de" or "en"; None for both bundled ones, when the language
    is unknown).

    ``override_path`` names a YAML file of the same shape as ``data/lexicon-<lang>.yaml``
    whose entries replace or add to the bundled ones (null removes an entry). Read once per
    argument pair and cached. Raises LexiconError naming the file and the entry at fault.
    """
    if lang is None:
        if override_path is not None:
            raise LexiconError(f"{override_path}: an override lexicon belongs to one language")
        merged = _union(load_lexicon("de"), load_lexicon("en"))
        return _with_pattern(merged)
    if lang not in LANGUAGES:
        raise LexiconError(f"unknown language {lang!r}: expected one of {', '.join(LANGUAGES)}")
    where = str(override_path) if override_path else f"lexicon-{lang}.yaml"
    path = Path(override_path) if override_path else None
    return _with_pattern(_build(lang, _raw_lexicon(lang, path), where))


@dataclass(frozen=True)
class Reader:
    """How a project reads figures: its rounding convention and, per language, a lexicon
    file whose entries override the bundled ones (see :func:`load_lexicon`).

    A configuration builds one (``rounding`` and ``lexicon`` keys); every place that reads
    a figure during a run reads it through the same Reader, so a claim's value, a quote and
    a figure a rule writes out are all read alike.
    """

    rounding: str = DEFAULT_ROUNDING
    #: (language, path) pairs, sorted, so a Reader is hashable and its lexicons cached.
    lexicon_files: tuple[tuple[str, str], ...] = ()

    def lexicon(self, lang: str | None) -> Lexicon:
        """The lexicon of ``lang`` with this reader's override; raise LexiconError."""
        return _reader_lexicon(self.lexicon_files, lang)

    def parse(self, text: str, lang: str | None) -> Reading:
        """:func:`parse_figure` with this reader's lexicon and rounding."""
        return _parsed(self, text, lang)

    def find(self, text: str, lang: str | None) -> list[Found]:
        """:func:`find_figures` with this reader's lexicon and rounding."""
        return find_figures(text, lang, lexicon=self._words(lang), rounding=self.rounding)

    def _words(self, lang: str | None) -> Lexicon:
        try:
            return self.lexicon(lang)
        except LexiconError as error:
            raise FigureError(str(error)) from None


#: How many figures :meth:`Reader.parse` keeps the readings of, most recently read first.
#: A corpus states the same values ("die Mehrheit", "50 %", "verdoppelt") again and again,
#: and a claim's values are read again by rules after loading; about 4 MB, however large
#: the corpus. (Quotes repeat too seldom to be worth keeping.)
PARSED_KEPT = 4096


# A reading depends on the text, the language and the reader (its rounding and lexicon
# files, whose lexicons are read once per process), all in the key; readings are frozen, so
# one can be handed out many times. A text that cannot be read raises each time, uncached.
@lru_cache(maxsize=PARSED_KEPT)
def _parsed(reader: Reader, text: str, lang: str | None) -> Reading:
    return parse_figure(text, lang, lexicon=reader._words(lang), rounding=reader.rounding)


@cache
def _reader_lexicon(files: tuple[tuple[str, str], ...], lang: str | None) -> Lexicon:
    overrides = dict(files)
    if lang is None:
        if not overrides:
            return load_lexicon(None)
        both = _union(_reader_lexicon(files, "de"), _reader_lexicon(files, "en"))
        return _with_pattern(both)
    return load_lexicon(lang, overrides.get(lang))


# --- the pattern -----------------------------------------------------------------------

# The pieces German and English number words are built of; text2num converts what matches.
_WORDS_DE = (
    *("null", "ein", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht"),
    *("neun", "zehn", "elf", "zwölf", "sechzehn", "siebzehn", "zwanzig", "dreißig"),
    *("dreissig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig", "neunzig"),
    *("hundert", "tausend", "und"),
)
_WORDS_EN = (
    *("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
    *("eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen"),
    *("eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy"),
    *("eighty", "ninety", "hundred", "thousand"),
)
_DIGIT_WORDS = {
    "de": ("null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun"),
    "en": ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"),
}
_ARTICLES_DE = ("ein", "eine", "einer", "einem", "einen", "eines")
_ARTICLES_EN = ("a", "an", "one")


def _alt(words: object) -> str:
    """A regex alternation of the words, longest first, spaces matching any whitespace."""
    unique = sorted({str(w) for w in words}, key=len, reverse=True)  # type: ignore[attr-defined]
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in unique) or "(?!)"


def _numeral(tag: str) -> str:
    group = f"[{re.escape(_GROUP_MARKS)}.,]"
    return (
        rf"(?P<numeral{tag}>(?<![\w.,])(?:[{_MINUS}+](?=\d))?"
        rf"(?:\d{{1,3}}(?:{group}\d{{3}})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?!\d))"
    )


def _words(tag: str, lexicon: Lexicon) -> str:
    langs = [lexicon.lang] if lexicon.lang else list(LANGUAGES)
    scales = _alt(w for w, f in lexicon.scales.items() if f is not None and not _abbrev(w))
    dozen = r"dutzend|dozen"
    parts = []
    if "de" in langs:
        morph = _alt(_WORDS_DE)
        digits = _alt(_DIGIT_WORDS["de"])
        parts.append(
            rf"(?:{_alt(_ARTICLES_DE)})(?=\s+(?:{scales}|{dozen})(?!\w))"
            rf"|anderthalb|(?:{morph}){{1,16}}(?:einhalb)?"
            rf"(?:\s+komma\s+(?:{digits})(?:\s+(?:{digits})){{0,9}})?"
        )
    if "en" in langs:
        # "and" only after "hundred" ("one hundred and five"), so "five and six" is two
        # figures; at most eight words, so a run of number words cannot make the search slow.
        word = rf"(?:hundred\s+and(?=\s)|{_alt(_WORDS_EN)})"
        glue = r"(?:\s+|-)"
        digits = _alt(_DIGIT_WORDS["en"])
        parts.append(
            rf"(?:an?|half\s+an?|a\s+half)(?=\s+(?:{scales}|{dozen}|hundred|thousand)(?!\w))"
            rf"|(?:an?\s+(?=hundred|thousand))?{word}(?:{glue}{word}){{0,7}}"
            rf"(?:\s+and\s+a\s+half)?(?:\s+point\s+(?:{digits})(?:\s+(?:{digits})){{0,9}})?"
        )
    return rf"(?P<words{tag}>\b(?:{'|'.join(parts)})(?!\w))(?:\s+(?P<dozen{tag}>{dozen})(?!\w))?"


def _abbrev(word: str) -> bool:
    return word.endswith(".") or len(word) <= 2


def _with_pattern(lexicon: Lexicon) -> Lexicon:
    object.__setattr__(lexicon, "pattern", _compile(lexicon))
    return lexicon


def _compile(lexicon: Lexicon) -> re.Pattern[str]:
    # Month names are capitalised in both languages; matching them case-sensitively keeps
    # "10 may be" from reading as a date.
    months = "(?-i:" + _alt(w.capitalize() for w in lexicon.months) + ")"
    ordinal_suffix = r"st|nd|rd|th"
    day = r"(?<![\w.,])\d{1,2}"
    dates = [
        r"(?P<iso>(?<![\w.,-])\d{4}-\d{2}-\d{2})(?![\w-])",
        rf"(?P<dmy_day>{day})(?:\.|(?:{ordinal_suffix}))?\s*(?P<dmy_month>{months})"
        rf"(?:,?\s+(?P<dmy_year>\d{{4}}))?(?![\w])",
        rf"(?P<mdy_month>\b(?:{months}))\s+(?P<mdy_day>\d{{1,2}})(?:{ordinal_suffix})?"
        rf"(?:,\s*(?P<mdy_year>\d{{4}}))?(?!\d)",
        rf"(?P<num_day>{day})\.(?P<num_month>\d{{1,2}})\.(?P<num_year>\d{{4}})(?!\d)",
    ]
    phrases = _alt([*lexicon.fractions, *lexicon.multiples])
    scales = _alt(w for w in lexicon.scales)
    units = _alt(UNIT_WORDS)
    prefix_units = _alt(PREFIX_UNIT_WORDS)
    suffixes = _alt(lexicon.multiple_suffixes)
    between = _alt(b for b, _ in lexicon.range_between)
    ands = _alt(a for _, a in lexicon.range_between)
    range_words = _alt(lexicon.range_words)

    def number(tag: str) -> str:
        return rf"(?:{_numeral(tag)}|{_words(tag, lexicon)})"

    figure = (
        rf"(?:(?P<qualifier>\b(?:{_alt(lexicon.qualifiers)}))\s+)?"
        rf"(?:(?P<phrase>\b(?:{phrases}))(?!\w)(?!\s+an?\s+(?:{scales}))"
        rf"|(?:\b(?:das|the)\s+(?=\S+\s?(?:{suffixes})(?!\w)))?"
        rf"(?:(?P<between>\b(?:{between}))\s+)?"
        rf"(?:(?P<pre_unit>{prefix_units})\s?)?"
        rf"{number('')}"
        rf"(?:(?P<range_sep>(?(between)\s+(?:{ands})\s+|(?:\s*[–—]\s*|-|\s+(?:{range_words})\s+)))"
        rf"{number('2')})?"
        rf"(?:(?P<ordinal>\.)(?!\d)|(?P<ord_suffix>{ordinal_suffix})(?!\w)"
        rf"|\s?(?P<times>{suffixes})(?!\w))?"
        rf"(?:\s*(?P<scale>{scales})(?!\w))?"
        rf"(?:\s*(?P<unit>{units})(?![\w$€£]))?)"
    )
    # A share word comes before the figure, so "nahezu flächendeckend" is read whole rather
    # than as the qualifier "nahezu" before a word.
    shares = rf"(?P<share>\b(?:{_alt(lexicon.shares)}))(?!\w)"
    return re.compile("|".join([*dates, shares, figure]), re.IGNORECASE)


#: Where a figure may start, a superset: at a word's start, at a character that is neither
#: a word character nor a space (a sign, a currency symbol), or at a currency code written
#: before the number, the one part of :func:`_compile`'s pattern with no word boundary
#: before it (so it may start inside a word). Every other way into that pattern asserts a
#: word boundary or no word character before it; a change there must keep this a superset,
#: which tests/test_numbers.py checks.
_FIGURE_STARTS = re.compile(
    rf"(?<!\w)(?=\S)|(?=[^\w\s])|(?=(?:{_alt(PREFIX_UNIT_WORDS)}))", re.IGNORECASE
)


def _search(pattern: re.Pattern[str], text: str, position: int) -> re.Match[str] | None:
    """``pattern.search(text, position)``, trying the pattern only where a figure may
    start: ``search`` tries all of its alternatives at every character, and most of a
    quote is the inside of words, where none can start."""
    for start in _FIGURE_STARTS.finditer(text, position):
        match = pattern.match(text, start.start())
        if match:
            return match
    return None


# --- reading numbers -------------------------------------------------------------------


_DIGITS_AND_MARKS = re.compile(r"[\d.,]+")


def read_numeral(text: str, lang: str | None) -> tuple[Decimal, int]:
    """Read a written numeral by the language's separators; return value and decimals.

    A mark that cannot group thousands (not followed by exactly three digits) is a decimal
    mark whatever the language, so "13.4" reads as 13,4 in German too. A single mark before
    three digits ("1.234", "1,234") is settled by the language; with no language it is an
    error that names both readings.
    """
    compact = text.strip()
    negative = compact[:1] in _MINUS
    digits = compact.lstrip("+" + _MINUS)
    if sum(c.isdigit() for c in digits) > MAX_DIGITS:
        raise FigureError(f"{text!r} has more than {MAX_DIGITS} digits")
    spaced = any(c in _GROUP_MARKS for c in digits)
    digits = "".join(c for c in digits if c not in _GROUP_MARKS)
    if not _DIGITS_AND_MARKS.fullmatch(digits) or not digits[0].isdigit():
        raise FigureError(f"{text!r} is not a number")
    marks = [c for c in digits if c in ".,"]
    if not marks:
        whole, fraction = digits, ""
    elif len(set(marks)) == 2:
        decimal_mark = digits[max(digits.rfind(","), digits.rfind("."))]
        group_mark = "," if decimal_mark == "." else "."
        whole, _, fraction = digits.rpartition(decimal_mark)
        if group_mark not in whole or decimal_mark in whole:
            raise FigureError(f"{text!r} is not a number: the separators are out of order")
        whole = _ungroup(whole, group_mark, text)
    elif len(marks) > 1:
        whole, fraction = _ungroup(digits, marks[0], text), ""
    else:
        mark = marks[0]
        head, _, tail = digits.partition(mark)
        if len(tail) != 3 or head == "0" or spaced or len(head) > 3:
            whole, fraction = head, tail
        elif lang is None:
            grouped = int(head + tail)
            raise FigureError(
                f"{text!r} is ambiguous: {grouped} if {mark!r} groups thousands (German "
                f"'1.234', English '1,234'), {head}.{tail} if it is a decimal mark; "
                "give the language (--lang de or --lang en)"
            )
        elif (mark == ".") == (lang == "de"):
            whole, fraction = head + tail, ""
        else:
            whole, fraction = head, tail
    value = Decimal(whole + ("." + fraction if fraction else ""))
    return (-value if negative else value), len(fraction)


def _ungroup(whole: str, mark: str, text: str) -> str:
    if not re.fullmatch(r"\d{1,3}(?:" + re.escape(mark) + r"\d{3})+", whole):
        raise FigureError(f"{text!r} is not a number: thousands groups must have three digits")
    return whole.replace(mark, "")


def _read_words(phrase: str, lang: str | None) -> tuple[Decimal, int]:
    """A number written in words; returns value and the decimals it states."""
    text = " ".join(phrase.lower().split())
    if text in _ARTICLES_DE or text in _ARTICLES_EN:
        return Decimal(1), 0
    if text in ("half a", "half an", "a half"):
        return Decimal("0.5"), 1
    if text == "anderthalb":
        return Decimal("1.5"), 1
    decimals_part = ""
    for mark in (" komma ", " point "):
        if mark in text:
            text, _, decimals_part = text.partition(mark)
    half = False
    for ending in ("einhalb", " and a half"):
        if text.endswith(ending) and text != ending.strip():
            text, half = text[: -len(ending)], True
    if text.startswith(("a ", "an ")):
        text = "one " + text.partition(" ")[2]
    whole = _text2num(text, lang)
    if decimals_part:
        digit_lang = lang or ("de" if "komma" in phrase.lower() else "en")
        names = _DIGIT_WORDS[digit_lang]
        digits = "".join(str(names.index(w)) for w in decimals_part.split())
        return Decimal(f"{whole}.{digits}"), len(digits)
    if half:
        return Decimal(whole) + Decimal("0.5"), 1
    return Decimal(whole), 0


def _text2num(text: str, lang: str | None) -> int:
    from text_to_num import text2num

    for candidate in [lang] if lang else list(LANGUAGES):
        try:
            return text2num(text, candidate)
        except ValueError:
            continue
    raise FigureError(f"{text!r} is not a number written in words")


# --- intervals -------------------------------------------------------------------------


def rounding_interval(value: Decimal, step: Decimal, rounding: str = DEFAULT_ROUNDING) -> Interval:
    """Every value that the rounding convention writes as ``value`` at ``step``."""
    half = step / 2
    if rounding == "up-or-down":
        below, above, lo_open, hi_open = -half, half, False, False
    elif rounding == "half-up":
        below, above, lo_open, hi_open = -half, half, False, True
    elif rounding == "truncated" and value < 0:
        below, above, lo_open, hi_open = -step, Decimal(0), True, False
    elif rounding == "truncated":
        below, above, lo_open, hi_open = Decimal(0), step, False, True
    else:
        raise ValueError(
            f"unknown rounding convention {rounding!r}: expected {', '.join(ROUNDINGS)}"
        )
    # Each end is rounded outward, as a sum of intervals is, so a figure with more digits
    # than Decimal keeps still gets an interval that holds it.
    return Interval(
        add(value, below, ROUND_FLOOR), add(value, above, ROUND_CEILING), lo_open, hi_open
    )


def significant_step(value: Decimal, precision: Decimal) -> Decimal:
    """The place of the last significant digit: 600 -> 100, 21 000 -> 1 000, 13,4 -> 0,1."""
    if value == 0 or precision <= 0:
        return precision
    step = precision
    while (value / (step * 10)) == (value / (step * 10)).to_integral_value():
        step *= 10
    return step


def _qualified(
    value: Decimal, step: Decimal, qualifier: Qualifier | None, rounding: str
) -> Interval:
    if qualifier is None:
        return rounding_interval(value, step, rounding)
    if qualifier.step == "significant":
        step = significant_step(value, step)
    rounded = rounding_interval(value, step, rounding)

    def end(spec: End, low: bool) -> tuple[Decimal, bool]:
        if spec.how == "rounding":
            return (rounded.lo, rounded.lo_open) if low else (rounded.hi, rounded.hi_open)
        if spec.how == "unbounded":
            return (-INFINITY if low else INFINITY), True
        return add(value, spec.offset * step, ROUND_FLOOR if low else ROUND_CEILING), spec.open

    lo, lo_open = end(qualifier.lo, True)
    hi, hi_open = end(qualifier.hi, False)
    return Interval(lo, hi, lo_open, hi_open)


def _whole_numbers(interval: Interval) -> Interval:
    """Counts are whole: keep only the integers a bounded interval holds."""
    if not interval.bounded:
        return interval
    lo = interval.lo.to_integral_value(rounding=ROUND_CEILING)
    hi = interval.hi.to_integral_value(rounding=ROUND_FLOOR)
    if interval.lo_open and lo == interval.lo:
        lo += 1
    if interval.hi_open and hi == interval.hi:
        hi -= 1
    if lo > hi:
        return interval
    return Interval(lo, hi)


def _exact(ratio: Fraction) -> tuple[Decimal, Interval]:
    """A fraction as a Decimal, and the tightest Decimal interval that holds it exactly."""
    with localcontext() as context:
        context.rounding = ROUND_FLOOR
        lo = Decimal(ratio.numerator) / Decimal(ratio.denominator)
        context.rounding = ROUND_CEILING
        hi = Decimal(ratio.numerator) / Decimal(ratio.denominator)
    value = Decimal(ratio.numerator) / Decimal(ratio.denominator)
    return value, Interval(lo, hi)


# --- from a match to a reading ---------------------------------------------------------

#: The step a fraction or factor word is read at when a qualifier or a share check needs
#: one: "knapp die Hälfte" is [0,45; 0,5).
RATIO_STEP = Decimal("0.1")


def _date_reading(match: re.Match[str], lexicon: Lexicon) -> Reading:
    import datetime

    if match["iso"]:
        year, month, day = (int(p) for p in match["iso"].split("-"))
    elif match["num_day"]:
        year, month, day = int(match["num_year"]), int(match["num_month"]), int(match["num_day"])
    else:
        prefix = "dmy" if match["dmy_day"] else "mdy"
        day = int(match[f"{prefix}_day"])
        month = lexicon.months[_lower_key(match[f"{prefix}_month"])]
        year = int(match[f"{prefix}_year"]) if match[f"{prefix}_year"] else 0
    try:
        datetime.date(year or 2000, month, day)
    except ValueError:
        raise FigureError(f"{match.group(0)!r} is not a date: no such day") from None
    iso = f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"
    value = Decimal(year * 10000 + month * 100 + day)
    return Reading(
        text=match.group(0),
        value=value,
        interval=Interval.point(value),
        unit="",
        qualifier=None,
        precision=Decimal(1),
        kind="date",
        date=iso,
    )


def _number(match: re.Match[str], tag: str, lang: str | None) -> tuple[Decimal, int]:
    if match[f"numeral{tag}"]:
        return read_numeral(match[f"numeral{tag}"], lang)
    value, decimals = _read_words(match[f"words{tag}"], lang)
    if match[f"dozen{tag}"]:
        value *= 12
    return value, decimals


def _year_like(match: re.Match[str], value: Decimal) -> bool:
    numeral = match["numeral"]
    return bool(numeral) and re.fullmatch(r"\d{4}", numeral) is not None and 1000 <= value < 2200


def _is_ordinal_place(text: str, match: re.Match[str], lexicon: Lexicon) -> bool:
    """Inside a text, "50." is an ordinal after a determiner ("der 50. Standort") or at the
    start of a line (a heading); elsewhere the dot ends a sentence ("seit 2012.")."""
    start = match.start()
    # Only the last word before the number matters: look at a bounded stretch, so that a
    # long text is searched in linear time.
    window = text[max(0, start - _DETERMINER_WINDOW) : start]
    before = window.rstrip(" \t\u00a0")
    if not before:  # only blanks before the number: the start of the text is a line start
        return start == len(window)
    if before.endswith("\n"):
        return True
    previous = re.search(r"(\w+)$", before)
    return bool(previous) and previous.group(1).lower() in lexicon.ordinal_determiners


#: How far before a number ``_is_ordinal_place`` looks for the determiner.
_DETERMINER_WINDOW = 64


def _reading(
    match: re.Match[str], lexicon: Lexicon, rounding: str, text: str, whole: bool
) -> tuple[Reading, int]:
    """The reading of one match and where it ends; ``whole`` when the match is the whole
    figure text (a claim value), where "50." is always an ordinal."""
    if match["iso"] or match["dmy_day"] or match["mdy_day"] or match["num_day"]:
        return _date_reading(match, lexicon), match.end()
    if match["share"]:
        interval = lexicon.shares[_lower_key(match["share"])]
        reading = Reading(
            text=match.group(0),
            value=share_value(interval),
            interval=interval,
            unit="",
            qualifier=None,
            precision=Decimal(0),
            kind="share",
        )
        return reading, match.end()
    qualifier_word = _lower_key(match["qualifier"]) if match["qualifier"] else None
    qualifier = lexicon.qualifiers[qualifier_word] if qualifier_word else None
    if match["phrase"]:
        phrase = _lower_key(match["phrase"])
        ratio = lexicon.fractions.get(phrase) or lexicon.multiples[phrase]
        value, exact = _exact(ratio)
        interval = exact
        if qualifier is not None:
            interval = _qualified(value, RATIO_STEP, qualifier, rounding)
        reading = Reading(
            text=match.group(0),
            value=value,
            interval=interval,
            unit="",
            qualifier=qualifier_word,
            precision=Decimal(0),
            kind="ratio",
        )
        return reading, match.end()
    end = match.end()
    ordinal = bool(match["ordinal"] or match["ord_suffix"])
    if match["ordinal"] and (
        lexicon.lang == "en" or (not whole and not _is_ordinal_place(text, match, lexicon))
    ):
        ordinal, end = False, match.start("ordinal")
    if match["between"] and not match["range_sep"]:
        raise FigureError(f"{match.group(0)!r}: a range needs two numbers")
    number, decimals = _number(match, "", lexicon.lang)
    # A dot that is no ordinal ends the sentence: what the pattern read after it is not
    # part of the figure.
    tail_ignored = bool(match["ordinal"]) and not ordinal
    if tail_ignored and whole and (match["scale"] or match["unit"] or match["times"]):
        raise FigureError(f"{match.group(0)!r}: a dot stands between the number and its unit")
    scale_word = None if tail_ignored else match["scale"]
    scale = Decimal(1)
    if scale_word:
        factor = lexicon.scales[_lower_key(scale_word)]
        if factor is None:
            raise FigureError(
                f"{scale_word!r} is ambiguous: 10^12 in German ('Billion'), 10^9 in English "
                "('billion'); give the language (--lang de or --lang en)"
            )
        scale = factor
    unit = _unit(match, tail_ignored)
    precision = Decimal(1).scaleb(-decimals) * scale
    value = number * scale
    if ordinal:
        if scale_word or unit or decimals or qualifier:
            raise FigureError(f"{match.group(0)!r}: an ordinal has no scale, unit or qualifier")
        return _plain(match, end, value, "ordinal"), end
    if match["numeral2"] or match["words2"]:
        if qualifier:
            raise FigureError(f"{match.group(0)!r}: a range takes no qualifier")
        second, decimals2 = _number(match, "2", lexicon.lang)
        second_precision = Decimal(1).scaleb(-decimals2) * scale
        first = rounding_interval(value, precision, rounding)
        last = rounding_interval(second * scale, second_precision, rounding)
        if second * scale < value:
            raise FigureError(f"{match.group(0)!r}: the range ends below its start")
        interval = Interval(first.lo, last.hi, first.lo_open, last.hi_open)
        value = (value + second * scale) / 2
        precision = min(precision, second_precision)
        decimals = max(decimals, decimals2)
        qualifier_word = "range"
    else:
        interval = _qualified(value, precision, qualifier, rounding)
    kind = _kind(match, unit, value, decimals, scale, qualifier_word, tail_ignored)
    if kind == "year":
        interval = Interval.point(value)
    elif kind == "count":
        interval = _whole_numbers(interval)
    reading = Reading(
        text=text[match.start() : end],
        value=value,
        interval=interval,
        unit=unit,
        qualifier=qualifier_word,
        precision=precision,
        scale=scale,
        scale_word=scale_word,
        decimals=decimals,
        kind=kind,
    )
    return reading, end


def _unit(match: re.Match[str], tail_ignored: bool) -> str:
    before = PREFIX_UNIT_WORDS[_lower_key(match["pre_unit"])] if match["pre_unit"] else ""
    after = UNIT_WORDS[_lower_key(match["unit"])] if match["unit"] and not tail_ignored else ""
    if before and after and before != after:
        raise FigureError(f"{match.group(0)!r} names two units: {before} and {after}")
    return before or after


def _kind(
    match: re.Match[str],
    unit: str,
    value: Decimal,
    decimals: int,
    scale: Decimal,
    qualifier: str | None,
    tail_ignored: bool,
) -> str:
    if match["times"] and not tail_ignored:
        return "ratio"
    if unit in ("percent", "percentage_point"):
        return "percent"
    if unit in CURRENCIES or decimals or scale != 1:
        return "amount"
    if not qualifier and not unit and _year_like(match, value):
        return "year"
    return "count"


def _plain(match: re.Match[str], end: int, value: Decimal, kind: str) -> Reading:
    return Reading(
        text=match.string[match.start() : end],
        value=value,
        interval=Interval.point(value),
        unit="",
        qualifier=None,
        precision=Decimal(1),
        kind=kind,
    )


# --- the public functions --------------------------------------------------------------


def _lexicon_for(lang: str | None, lexicon: Lexicon | None) -> Lexicon:
    if lexicon is not None:
        return lexicon
    try:
        return load_lexicon(lang)
    except LexiconError as error:
        raise FigureError(str(error)) from None


def parse_figure(
    text: str,
    lang: str | None = "de",
    *,
    lexicon: Lexicon | None = None,
    rounding: str = DEFAULT_ROUNDING,
) -> Reading:
    """Read a figure written on its own, such as a claim's ``value``; raise FigureError.

    ``lang`` is "de", "en", or None when the language is not known (then both languages'
    words are read and a numeral that the languages read differently is an error).
    ``lexicon`` replaces the bundled lexicon (see :func:`load_lexicon`); ``rounding`` is one
    of :data:`ROUNDINGS`.
    """
    if rounding not in ROUNDINGS:
        raise FigureError(
            f"unknown rounding convention {rounding!r}: expected {', '.join(ROUNDINGS)}"
        )
    if len(text) > MAX_FIGURE_LENGTH:
        raise FigureError(
            f"a figure is at most {MAX_FIGURE_LENGTH} characters; this one has {len(text)}"
        )
    words = _lexicon_for(lang, lexicon)
    stripped = " ".join(text.split())
    match = words.pattern.fullmatch(stripped)
    if match:
        reading, _ = _reading(match, words, rounding, stripped, whole=True)
        return reading
    counted = _counted_figure(stripped, words, rounding)
    if counted is None:
        raise FigureError(_not_understood(text, stripped, words))
    return counted


#: The things counted after a count: up to four words of letters (with hyphens and
#: apostrophes), the first of two letters or more; no digits, so "1e999" is no count of "e999".
_NOUN_WORD = r"[^\W\d_](?:[^\W\d_]|['’-])*"
_COUNTED = re.compile(rf"(?=[^\W\d_]{{2}}){_NOUN_WORD}(?:\s{_NOUN_WORD}){{0,3}}")


def _counted_figure(stripped: str, lexicon: Lexicon, rounding: str) -> Reading | None:
    """A count, ordinal or ratio followed by what it counts, perhaps after a determiner:
    "über 5.000 Kinder", "der 50. Standort", "jede dritte Kommune"; None otherwise.

    Only a figure without a unit takes a noun, and the noun is kept as ``counted``: a
    currency the tool does not know ("13,4 Millionen Zloty") is never read as one it knows.
    """
    first, _, rest = stripped.partition(" ")
    starts = [stripped]
    if rest and first.lower() in lexicon.ordinal_determiners:
        starts.append(rest)
    for candidate in starts:
        prefix = lexicon.pattern.match(candidate)
        if prefix is None or prefix.end() == 0:
            continue
        figure_text = candidate[: prefix.end()].rstrip()
        noun = candidate[prefix.end() :].strip()
        whole = lexicon.pattern.fullmatch(figure_text)
        if whole is None or not _COUNTED.fullmatch(noun):
            continue
        try:
            reading, _ = _reading(whole, lexicon, rounding, figure_text, whole=True)
        except FigureError:
            continue
        if reading.unit or reading.kind not in ("count", "year", "ordinal", "ratio", "amount"):
            continue
        if reading.kind == "amount" and reading.decimals and reading.scale == 1:
            continue
        if candidate is not stripped and reading.kind != "ordinal":
            continue
        # A year is a label, not a number of things: "2016 Kinder" counts children.
        kind = "count" if reading.kind == "year" else reading.kind
        return replace(reading, text=stripped, kind=kind, counted=noun)
    return None


def _not_understood(text: str, stripped: str, lexicon: Lexicon) -> str:
    prefix = lexicon.pattern.match(stripped)
    if prefix and prefix.end() > 0:
        rest = stripped[prefix.end() :].strip()
        return (
            f"cannot read {text!r} as a figure: read {prefix.group(0)!r} but not {rest!r} "
            "after it (expected a scale word such as 'Mio.' and a unit such as '€' or '%')"
        )
    inside = lexicon.pattern.search(stripped)
    if inside:
        before = stripped[: inside.start()].strip()
        return (
            f"cannot read {text!r} as a figure: {before!r} before {inside.group(0)!r} is not "
            "a qualifier this language knows (such as 'rund', 'über', 'about')"
        )
    return (
        f"cannot read {text!r} as a figure: no number found; expected digits or number words "
        "with an optional qualifier before them and a scale and unit after, such as '13,4 Mio. €'"
    )


def find_figures(
    text: str,
    lang: str | None = "de",
    *,
    lexicon: Lexicon | None = None,
    rounding: str = DEFAULT_ROUNDING,
) -> list[Found]:
    """Every figure that can be read in ``text``, in order of appearance.

    Dates, years and ordinals are labelled by ``Reading.kind``; a lone article ("ein",
    "one") is not a figure. Text that reads as no figure is skipped, never guessed.
    """
    if len(text) > MAX_TEXT_LENGTH:
        raise FigureError(f"a text to search is at most {MAX_TEXT_LENGTH} characters")
    words = _lexicon_for(lang, lexicon)
    found: list[Found] = []
    position = 0
    while match := _search(words.pattern, text, position):
        if match.end() == match.start():
            position = match.end() + 1
            continue
        read = _read_in_text(match, words, rounding, text)
        if read is None:
            position = match.start() + 1
            continue
        match, reading, end = read
        if not _lone_article(match, reading):
            found.append(Found(match.start(), end, reading))
        position = end
    return found


def _read_in_text(
    match: re.Match[str], lexicon: Lexicon, rounding: str, text: str
) -> tuple[re.Match[str], Reading, int] | None:
    """The reading of a match inside a text; a range that does not hold ("2015-16")
    falls back to its first number. None when nothing can be read there."""
    try:
        return (match, *_reading(match, lexicon, rounding, text, whole=False))
    except FigureError:
        if not match["range_sep"]:
            return None
    first = lexicon.pattern.match(text, match.start(), match.start("range_sep"))
    if first is None:
        return None
    try:
        return (first, *_reading(first, lexicon, rounding, text, whole=False))
    except FigureError:
        return None


def _lone_article(match: re.Match[str], reading: Reading) -> bool:
    words = match["words"]
    plain = words and _lower_key(words) in (*_ARTICLES_DE, *_ARTICLES_EN, "eins")
    return bool(plain) and not reading.scale_word and not match["dozen"] and not reading.unit
