"""The project's configuration: found upward from the current folder, checked, resolved.

A configuration is ``.factcheck.yaml`` or the ``[tool.factcheck]`` table of a
``pyproject.toml``; the nearest folder holding either wins, and where both stand in one
folder ``.factcheck.yaml`` is read (a file made for factcheck says more than a shared
one). Every key is checked: an unknown key, rule, option, level or type is an error naming
file, line and column, with the nearest valid name suggested. The resolved :class:`Config`
knows where each value came from, for ``factcheck config``, and builds the engine's
:class:`~factcheck.engine.Settings` and the :class:`~factcheck.numbers.Reader` figures are
read with. docs/configuration.md documents every key.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factcheck.model import Location
from factcheck.yamltree import CONTROL_CHARACTERS, InputError, suggestion

if TYPE_CHECKING:
    from factcheck.engine import Settings
    from factcheck.numbers import Reader
    from factcheck.rules import OptionSpec, Rule

CONFIG_FILE = ".factcheck.yaml"
PYPROJECT = "pyproject.toml"
#: The keys of a configuration, in the order ``factcheck config`` shows them.
KEYS = ("select", "ignore", "rounding", "lexicon", "rules", "claimreview", "cache", "cache-dir")
#: The keys of the ``claimreview`` table: who publishes the reviews, and where.
CLAIMREVIEW_KEYS = ("reviewer", "reviewer-url", "base-url")
DEFAULT = "default"
#: The cache folder's name, in the project's folder (see :func:`factcheck.cache.folder_for`).
DEFAULT_CACHE_DIR = ".factcheck_cache"

#: A key's path in the configuration: ``("rules", "FC101", "level")``, ``("select", 0)``.
KeyPath = tuple[str | int, ...]


class ConfigError(Exception):
    """A configuration that cannot be used; ``problems`` holds every error found."""

    def __init__(self, problems: list[InputError]) -> None:
        super().__init__("\n".join(str(problem) for problem in problems))
        self.problems = problems


@dataclass(frozen=True)
class Setting:
    """One resolved value and where it came from: ``default`` or ``file:line:column``."""

    value: Any
    origin: str = DEFAULT


@dataclass(frozen=True)
class RuleSetting:
    """How one rule runs: on or off, its level, its options (by option key)."""

    on: Setting
    level: Setting
    options: dict[str, Setting]


@dataclass(frozen=True)
class Config:
    """The resolved configuration: every setting with its origin."""

    file: Path | None
    rounding: Setting
    lexicon: dict[str, Setting]
    rules: dict[str, RuleSetting]
    select: Setting
    ignore: Setting
    #: A pyproject.toml with a [tool.factcheck] table beside the file read, not read.
    shadowed: Path | None = None
    #: The ClaimReview export's publisher settings, by key of CLAIMREVIEW_KEYS.
    claimreview: dict[str, Setting] = field(
        default_factory=lambda: {key: Setting(None) for key in CLAIMREVIEW_KEYS}
    )
    #: Whether ``verify`` keeps its results between runs (docs/performance.md#cache).
    cache: Setting = Setting(True)
    #: The folder of that cache; by default ``.factcheck_cache`` in the project's folder.
    cache_dir: Setting = Setting(DEFAULT_CACHE_DIR)

    @property
    def reader(self) -> Reader:
        """The reader figures are read with: this rounding and these lexicon files."""
        from factcheck.numbers import Reader

        files = tuple(sorted((lang, s.value) for lang, s in self.lexicon.items() if s.value))
        return Reader(self.rounding.value, files)

    def settings(self, strict: bool = False) -> Settings:
        """The engine's settings: rules off, levels and options the configuration sets."""
        from factcheck.engine import Settings
        from factcheck.rules import find_rule

        levels, options = {}, {}
        for code, rule_setting in self.rules.items():
            if rule_setting.level.origin != DEFAULT:
                levels[code] = rule_setting.level.value
            set_here = {
                spec.field: rule_setting.options[spec.key].value
                for spec in find_rule(code).options  # type: ignore[union-attr]
                if rule_setting.options[spec.key].origin != DEFAULT
            }
            if set_here:
                options[code] = find_rule(code).module.Options(**set_here)  # type: ignore[union-attr]
        return Settings(
            strict=strict,
            levels=levels,
            off=frozenset(code for code, s in self.rules.items() if not s.on.value),
            options=options,
            config_file=str(self.file) if self.file else None,
        )

    def items(self) -> list[tuple[str, Setting]]:
        """Every setting by its key, in the order the configuration lists them, for
        ``factcheck config``: ``rules.FC101`` is whether the rule runs (on or off)."""
        items = [("select", self.select), ("ignore", self.ignore), ("rounding", self.rounding)]
        items += [(f"lexicon.{lang}", setting) for lang, setting in self.lexicon.items()]
        for code, rule in self.rules.items():
            on = Setting("on" if rule.on.value else "off", rule.on.origin)
            items += [(f"rules.{code}", on), (f"rules.{code}.level", rule.level)]
            items += [(f"rules.{code}.{key}", setting) for key, setting in rule.options.items()]
        items += [(f"claimreview.{key}", setting) for key, setting in self.claimreview.items()]
        items += [("cache", self.cache), ("cache-dir", self.cache_dir)]
        return items


def shown(value: Any, key: str = "") -> str:
    """A value as the configuration writes it: ``true``, ``[FC1, FC201]``; no value is
    ``none``, and no lexicon file (key ``lexicon.de``) the ``bundled`` lexicon."""
    if value is None:
        return "bundled" if key.startswith("lexicon.") else "none"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, tuple | list):
        return "[" + ", ".join(str(item) for item in value) + "]"
    return str(value)


# --- finding the file --------------------------------------------------------------------


def find_config(start: Path) -> tuple[Path | None, Path | None]:
    """The configuration file nearest ``start``, searching upward, and a pyproject.toml in
    the same folder whose [tool.factcheck] table it shadows (or None)."""
    for folder in (start, *start.parents):
        own = folder / CONFIG_FILE
        pyproject = folder / PYPROJECT
        has_table = pyproject.is_file() and _has_factcheck_table(pyproject)
        if own.is_file():
            return own, pyproject if has_table else None
        if has_table:
            return pyproject, None
    return None, None


def _has_factcheck_table(path: Path) -> bool:
    """Whether a pyproject.toml has a [tool.factcheck] table; an unreadable one counts, so
    that its error is reported rather than the file passed over."""
    import tomllib

    from factcheck.yamltree import MAX_YAML_BYTES, read_text

    try:
        data = tomllib.loads(read_text(path))
    except (InputError, tomllib.TOMLDecodeError, RecursionError):
        try:
            with path.open("rb") as file:
                return b"[tool.factcheck" in file.read(MAX_YAML_BYTES)
        except OSError:
            return True
    return isinstance(data.get("tool"), dict) and "factcheck" in data["tool"]


def load_config(start: Path, given: Path | None = None) -> Config:
    """The configuration of the project ``start`` lies in (or the file ``given``),
    resolved; raise ConfigError with every problem found."""
    shadowed = None
    if given is None:
        path, shadowed = find_config(start)
    else:
        path = given
        if not path.is_file():
            raise ConfigError([InputError(Location(str(path)), "no such configuration file")])
    if path is None:
        return resolve({}, {}, None)
    shown = relative(path, start)
    if path.suffix == ".toml":
        data, where = _read_toml(path, shown)
    else:
        data, where = _read_yaml(path, shown)
    return resolve(data, where, shown, shadowed and relative(shadowed, start))


def relative(path: Path, start: Path) -> Path:
    """``path`` relative to the folder ``start`` (``../pyproject.toml``), as messages show
    it and as paths written in the configuration are opened from ``start``."""
    import os

    return Path(os.path.relpath((start / path).absolute(), start))


def _read_toml(path: Path, shown: Path) -> tuple[dict, dict[KeyPath, Location]]:
    import re
    import tomllib

    from factcheck.tomlmarks import key_locations
    from factcheck.yamltree import read_text

    try:
        text = read_text(path, what="a configuration is a few kilobytes")
    except InputError as error:
        raise ConfigError([_shown_at(error, shown)]) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        at = re.search(r"\(at line (\d+), column (\d+)\)", str(error))
        what = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(error))
        where = Location(str(shown), int(at[1]), int(at[2])) if at else Location(str(shown))
        raise ConfigError([InputError(where, f"TOML syntax error: {what}")]) from None
    except RecursionError:
        # tomllib reads nested arrays and inline tables by recursion.
        raise ConfigError([InputError(Location(str(shown)), _TOO_DEEP)]) from None
    table = data.get("tool", {}).get("factcheck") if isinstance(data.get("tool"), dict) else None
    if table is None:
        raise ConfigError(
            [InputError(Location(str(shown)), "no [tool.factcheck] table; nothing to configure")]
        )
    try:
        marks = key_locations(text, str(shown))
    except RecursionError:
        raise ConfigError([InputError(Location(str(shown)), _TOO_DEEP)]) from None
    prefix = ("tool", "factcheck")
    where = {key[2:]: mark for key, mark in marks.items() if key[:2] == prefix}
    if not isinstance(table, dict):
        raise ConfigError([InputError(where.get((), Location(str(shown))), _NOT_A_TABLE)])
    where.setdefault((), marks.get(prefix, Location(str(shown), 1, 1)))
    return table, where


_NOT_A_TABLE = "[tool.factcheck] must be a table of keys such as rounding and rules"
#: The deepest nesting a configuration may have; it needs four levels (rules, a rule, an
#: option, a list).
MAX_DEPTH = 20
_TOO_DEEP = f"the configuration nests deeper than {MAX_DEPTH} levels; it needs four at most"


def _read_yaml(path: Path, shown: Path) -> tuple[dict, dict[KeyPath, Location]]:
    from factcheck.yamltree import Mapping, Scalar, load_yaml, read_text

    try:
        lines = [line.strip() for line in read_text(path).splitlines()]
        if all(not line or line.startswith("#") for line in lines):
            return {}, {(): Location(str(shown), 1, 1)}  # nothing set: every value the default
        root = load_yaml(path)
    except InputError as error:
        raise ConfigError([_shown_at(error, shown)]) from None
    where: dict[KeyPath, Location] = {(): _moved(root.location, shown)}

    def plain(node: Any, key: KeyPath) -> Any:
        if len(key) > MAX_DEPTH:
            raise ConfigError([InputError(_moved(node.location, shown), _TOO_DEEP)])
        if isinstance(node, Scalar):
            return node.value
        if isinstance(node, Mapping):
            for name, location in node.key_locations.items():
                where[(*key, name)] = _moved(location, shown)
            return {name: plain(value, (*key, name)) for name, value in node.entries.items()}
        for index, item in enumerate(node.items):
            where[(*key, index)] = _moved(item.location, shown)
        return [plain(item, (*key, index)) for index, item in enumerate(node.items)]

    data = plain(root, ())
    if not isinstance(data, dict):
        raise ConfigError(
            [InputError(where[()], "expected a mapping of keys such as rounding and rules")]
        )
    return data, where


def _moved(location: Location, shown: Path) -> Location:
    return Location(str(shown), location.line, location.column)


def _shown_at(error: InputError, shown: Path) -> InputError:
    return InputError(_moved(error.location, shown), error.message)


# --- checking and resolving --------------------------------------------------------------


@dataclass
class _Resolver:
    """Checks the raw configuration against the rules and collects every problem."""

    where: dict[KeyPath, Location]
    file: Path | None
    problems: list[InputError] = field(default_factory=list)

    def at(self, key: KeyPath) -> Location:
        """The location of ``key``, or of the nearest enclosing key that has one."""
        while key not in self.where and key:
            key = key[:-1]
        return self.where.get(key, Location(str(self.file) if self.file else ""))

    def origin(self, key: KeyPath) -> str:
        return str(self.at(key))

    def problem(self, key: KeyPath, message: str) -> None:
        self.problems.append(InputError(self.at(key), message))

    def name(self, key: KeyPath) -> str:
        return ".".join(str(part) for part in key if isinstance(part, str))

    def rule_list(self, data: dict, key: str) -> tuple[list[tuple[Rule, ...]], list[str]]:
        """The rules each entry of ``select`` or ``ignore`` refers to, and the entries."""
        from factcheck.rules import matching_rules, references

        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problem((key,), f"{key!r} must be a list of rule codes or names")
            return [], []
        matched = []
        for index, reference in enumerate(value):
            rules = matching_rules(reference)
            if not rules:
                self.problem(
                    (key, index),
                    f"unknown rule {reference!r} in {key!r}{suggestion(reference, references())}; "
                    "name a rule by its code (FC101), its name (parts-do-not-sum-to-total) "
                    "or a code prefix (FC1)",
                )
            matched.append(rules)
        return matched, list(value)

    def rounding(self, data: dict) -> Setting:
        from factcheck.numbers import DEFAULT_ROUNDING, ROUNDINGS

        if "rounding" not in data:
            return Setting(DEFAULT_ROUNDING)
        value = data["rounding"]
        if value not in ROUNDINGS:
            hint = suggestion(str(value), ROUNDINGS) if isinstance(value, str) else ""
            self.problem(
                ("rounding",),
                f"rounding {value!r} is not a rounding convention{hint}; "
                f"expected one of: {', '.join(ROUNDINGS)}",
            )
            return Setting(DEFAULT_ROUNDING)
        return Setting(value, self.origin(("rounding",)))

    def lexicon(self, data: dict) -> dict[str, Setting]:
        from factcheck.numbers import LANGUAGES, LexiconError, Reader

        settings = {lang: Setting(None) for lang in LANGUAGES}
        value = data.get("lexicon", {})
        if not isinstance(value, dict):
            self.problem(("lexicon",), "'lexicon' must map a language (de, en) to a file")
            return settings
        for lang, file in value.items():
            key = ("lexicon", lang)
            if lang not in LANGUAGES:
                self.problem(
                    key,
                    f"unknown language {lang!r} in 'lexicon'{suggestion(lang, LANGUAGES)}; "
                    f"expected one of: {', '.join(LANGUAGES)}",
                )
                continue
            if not isinstance(file, str) or not file.strip():
                self.problem(key, f"lexicon.{lang} must name a YAML file")
                continue
            path = self.beside_config(file)
            if not path.is_file():
                self.problem(key, f"lexicon.{lang}: no such file {str(path)!r}")
                continue
            try:
                Reader(lexicon_files=((lang, str(path)),)).lexicon(lang)
            except LexiconError as error:
                self.problem(key, f"lexicon.{lang}: {error}")
                continue
            settings[lang] = Setting(str(path), self.origin(key))
        return settings

    def claimreview(self, data: dict) -> dict[str, Setting]:
        """The ClaimReview export's publisher settings: each a non-empty text."""
        settings = {key: Setting(None) for key in CLAIMREVIEW_KEYS}
        value = data.get("claimreview", {})
        if not isinstance(value, dict):
            self.problem(
                ("claimreview",),
                f"'claimreview' must be a table of {', '.join(CLAIMREVIEW_KEYS)}",
            )
            return settings
        for name, text in value.items():
            key = ("claimreview", name)
            if name not in CLAIMREVIEW_KEYS:
                self.problem(
                    key,
                    f"unknown key {name!r} in 'claimreview'{suggestion(name, CLAIMREVIEW_KEYS)}; "
                    f"expected: {', '.join(CLAIMREVIEW_KEYS)}",
                )
            elif not isinstance(text, str) or not text.strip():
                self.problem(key, f"claimreview.{name} must be a text")
            elif control := CONTROL_CHARACTERS.search(text):
                self.problem(
                    key,
                    f"claimreview.{name} holds the control character "
                    f"U+{ord(control.group()):04X}; remove it",
                )
            else:
                settings[name] = Setting(text.strip(), self.origin(key))
        return settings

    def cache(self, data: dict) -> tuple[Setting, Setting]:
        """Whether verify keeps a result cache (true or false), and its folder (relative to
        the configuration file)."""
        on, folder = Setting(True), Setting(DEFAULT_CACHE_DIR)
        if "cache" in data:
            value = data["cache"]
            if isinstance(value, str) and value.lower() in ("true", "false"):
                value = value.lower() == "true"
            if isinstance(value, bool):
                on = Setting(value, self.origin(("cache",)))
            else:
                self.problem(("cache",), f"'cache' must be true or false, found {value!r}")
        if "cache-dir" in data:
            value = data["cache-dir"]
            if isinstance(value, str) and value.strip():
                folder = Setting(str(self.beside_config(value)), self.origin(("cache-dir",)))
            else:
                self.problem(("cache-dir",), "'cache-dir' must name a folder")
        return on, folder

    def beside_config(self, file: str) -> Path:
        """A path written in the configuration, relative to the configuration's folder."""
        path = Path(file)
        if self.file is None or path.is_absolute():
            return path
        return self.file.parent / path

    def rule_tables(self, data: dict) -> dict[str, tuple[dict, KeyPath]]:
        """Each configured rule's table by code, with the key it was written under."""
        from factcheck.rules import find_rule, references

        tables: dict[str, tuple[dict, KeyPath]] = {}
        value = data.get("rules", {})
        if not isinstance(value, dict):
            self.problem(("rules",), "'rules' must map rule codes or names to their settings")
            return tables
        for reference, table in value.items():
            key: KeyPath = ("rules", reference)
            rule = find_rule(reference)
            if rule is None:
                self.problem(
                    key,
                    f"unknown rule {reference!r} in 'rules'{suggestion(reference, references())}; "
                    "name a rule by its code or its name (factcheck rules lists them)",
                )
                continue
            if rule.code in tables:
                first = self.at(tables[rule.code][1])
                self.problem(
                    key, f"rule {rule.code} is configured twice (also at line {first.line})"
                )
                continue
            if not isinstance(table, dict):
                self.problem(key, f"rules.{reference} must be a table of 'level' and options")
                continue
            tables[rule.code] = (table, key)
        return tables

    def input_rule(
        self,
        rule: Rule,
        ignored: list[tuple[Rule, ...]],
        data: dict,
        tables: dict[str, tuple[dict, KeyPath]],
    ) -> RuleSetting:
        """An input rule (FC304) is always on at its level: what it finds cannot be used.
        Naming it in ``ignore`` or giving it a level is an error; a family prefix in
        ``ignore`` or ``select`` leaves it on."""
        why = f"{rule.title} finds input that cannot be used, so it"
        # ``ignored`` is empty when 'ignore' is not a list of names (already an error).
        written = data.get("ignore", []) if ignored else []
        for index, (found, reference) in enumerate(zip(ignored, written, strict=True)):
            if found == (rule,) and reference in (rule.code, rule.name):
                self.problem(("ignore", index), f"{why} cannot be turned off")
        table, key = tables.get(rule.code, ({}, ("rules", rule.code)))
        if "level" in table:
            self.problem((*key, "level"), f"{why} is always an error (exit code 2)")
        return RuleSetting(
            Setting(True, "always"), Setting(rule.level), self.options(rule, table, key)
        )

    def level(self, rule: Rule, table: dict, key: KeyPath) -> Setting:
        from factcheck.rules import LEVELS

        if "level" not in table:
            return Setting(rule.level)
        value = table["level"]
        if value not in LEVELS:
            hint = suggestion(str(value), LEVELS) if isinstance(value, str) else ""
            self.problem(
                (*key, "level"),
                f"level {value!r} of {rule.code} is not a level{hint}; expected one of: "
                f"{', '.join(LEVELS)} (to turn a rule off, add it to 'ignore')",
            )
            return Setting(rule.level)
        return Setting(value, self.origin((*key, "level")))

    def options(self, rule: Rule, table: dict, key: KeyPath) -> dict[str, Setting]:
        specs = {spec.key: spec for spec in rule.options}
        settings = {spec.key: Setting(spec.default) for spec in specs.values()}
        allowed = ["level", *specs]
        for name, value in table.items():
            if name == "level":
                continue
            spec = specs.get(name)
            if spec is None:
                expected = ", ".join(allowed)
                self.problem(
                    (*key, name),
                    f"unknown option {name!r} of {rule.code} {rule.name}"
                    f"{suggestion(name, allowed)}; expected: {expected}",
                )
                continue
            try:
                settings[name] = Setting(typed(value, spec), self.origin((*key, name)))
            except ValueError as error:
                self.problem((*key, name), f"option {name!r} of {rule.code}: {error}")
        return settings


def typed(value: Any, spec: OptionSpec) -> Any:
    """``value`` as the option's type; raise ValueError saying what was expected.

    TOML gives typed values; YAML gives every scalar as the text that was written, so a
    text is read as the type asks ("true", "12", "0.5").
    """
    kind = spec.type
    expected = f"expected {spec.type_name}, found {value!r}"
    if kind is bool:
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.lower() in ("true", "false"):
            return value.lower() == "true"
        raise ValueError(expected)
    if kind in (int, float, Decimal):
        if isinstance(value, bool | list | dict):
            raise ValueError(expected)
        if kind is int and isinstance(value, float):
            raise ValueError(expected)
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            raise ValueError(expected) from None
        if not number.is_finite() or (kind is int and number != number.to_integral_value()):
            raise ValueError(expected)
        return kind(number) if kind is not Decimal else number
    if kind is str:
        if not isinstance(value, str):
            raise ValueError(expected)
        return value
    if typing.get_origin(kind) is typing.Literal:
        choices = typing.get_args(kind)
        if value not in choices:
            hint = suggestion(str(value), [str(c) for c in choices])
            raise ValueError(f"{expected}{hint}")
        return value
    if typing.get_origin(kind) is tuple:
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise ValueError(expected)
        return tuple(value)
    raise ValueError(f"options of type {kind!r} cannot be configured")


def resolve(
    data: dict, where: dict[KeyPath, Location], file: Path | None, shadowed: Path | None = None
) -> Config:
    """Check raw configuration data (from TOML or YAML, with each key's location) and
    resolve every setting; raise ConfigError with every problem."""
    from factcheck.rules import INPUT, all_rules

    resolver = _Resolver(where, file)
    for key in data:
        if key not in KEYS:
            resolver.problem(
                (key,),
                f"unknown key {key!r}{suggestion(key, KEYS)}; expected keys: {', '.join(KEYS)}",
            )
    selected, select_written = resolver.rule_list(data, "select")
    ignored, ignore_written = resolver.rule_list(data, "ignore")
    rounding = resolver.rounding(data)
    lexicon = resolver.lexicon(data)
    claimreview = resolver.claimreview(data)
    cache, cache_dir = resolver.cache(data)
    tables = resolver.rule_tables(data)
    rules: dict[str, RuleSetting] = {}
    for rule in all_rules():
        if rule.phase == INPUT:
            rules[rule.code] = resolver.input_rule(rule, ignored, data, tables)
            continue
        on = Setting(True)
        if "select" in data:
            picked = [i for i, found in enumerate(selected) if rule in found]
            on = Setting(
                bool(picked), resolver.origin(("select", picked[0]) if picked else ("select",))
            )
        dropped = [i for i, found in enumerate(ignored) if rule in found]
        if dropped and on.value:
            on = Setting(False, resolver.origin(("ignore", dropped[0])))
        table, key = tables.get(rule.code, ({}, ("rules", rule.code)))
        rules[rule.code] = RuleSetting(
            on, resolver.level(rule, table, key), resolver.options(rule, table, key)
        )
    if resolver.problems:
        raise ConfigError(sorted(resolver.problems, key=lambda problem: problem.location))
    return Config(
        file=file,
        rounding=rounding,
        lexicon=lexicon,
        rules=rules,
        select=Setting(
            tuple(select_written) if "select" in data else ("FC",),
            resolver.origin(("select",)) if "select" in data else DEFAULT,
        ),
        ignore=Setting(
            tuple(ignore_written), resolver.origin(("ignore",)) if "ignore" in data else DEFAULT
        ),
        shadowed=shadowed,
        claimreview=claimreview,
        cache=cache,
        cache_dir=cache_dir,
    )
