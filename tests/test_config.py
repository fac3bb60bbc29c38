"""The configuration: found upward, checked with located errors, and reaching every reader."""

from __future__ import annotations

import json
import re
import typing
from decimal import Decimal
from pathlib import Path

import pytest

from factcheck.config import load_config, typed
from factcheck.rules import OptionSpec

SOURCE_TEXT = (
    "Für das Programm stehen insgesamt 13,3 Millionen Euro bereit: 7,7 Millionen Euro für "
    "das Ehrenamt, 1,5 Millionen Euro für die Agenturen und 4,2 Millionen Euro für Personal.\n"
    "Rund 600 Anträge wurden gestellt. Gezählt wurden 640 Anträge.\n"
)
BUDGET = """\
id: budget
source: release
claim: Das Programm hat 13,3 Millionen Euro in drei Posten.
figures:
  total: {quote: "insgesamt 13,3 Millionen Euro", value: "13,3 Mio. €"}
  ehrenamt: {quote: "7,7 Millionen Euro für das Ehrenamt", value: "7,7 Mio. €"}
  agenturen: {quote: "1,5 Millionen Euro für die Agenturen", value: "1,5 Mio. €"}
  personal: {quote: "4,2 Millionen Euro für Personal", value: "4,2 Mio. €"}
checks:
  - sum: [ehrenamt, agenturen, personal]
    equals: total
"""
ANTRAEGE = """\
id: antraege
source: release
claim: Rund 600 Anträge wurden gestellt.
figures:
  rund: {quote: "Rund 600 Anträge", value: "rund 600"}
  genau: {quote: "Gezählt wurden 640 Anträge", value: "640"}
checks:
  - qualified: rund
    exact: genau
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project folder with one source and two claims that hold under the defaults."""
    folder = tmp_path / "project" / "claims" / "release"
    folder.mkdir(parents=True)
    (folder / "source.yaml").write_text(
        "title: Eine Mitteilung\npublisher: Pressestelle\nlanguage: de\ntext: source.txt\n",
        "utf-8",
    )
    (folder / "source.txt").write_text(SOURCE_TEXT, "utf-8")
    (folder / "budget.yaml").write_text(BUDGET, "utf-8")
    (folder / "antraege.yaml").write_text(ANTRAEGE, "utf-8")
    return tmp_path / "project"


def _row(output: str, key: str) -> list[str]:
    """The value and origin ``factcheck config`` prints for ``key``."""
    [line] = [line for line in output.splitlines() if line.split(" ")[0] == key]
    return line.split()[1:]


def _finding_lines(output: str, code: str) -> list[str]:
    return [line.strip() for line in output.splitlines() if f" {code} " in line]


# --- finding the configuration -----------------------------------------------------------


def test_without_a_configuration_every_value_is_the_default(factcheck, tmp_path: Path):
    run = factcheck("config", cwd=tmp_path)
    assert run.code == 0, run.output
    assert run.out.startswith("configuration: none found")
    assert _row(run.out, "rounding") == ["up-or-down", "default"]
    assert _row(run.out, "rules.FC101.level") == ["error", "default"]


def test_pyproject_table_is_found_from_a_subfolder_with_each_origin(factcheck, project: Path):
    (project / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.factcheck]\nrounding = "half-up"\n'
        'ignore = ["FC107"]\n\n[tool.factcheck.rules.parts-do-not-sum-to-total]\n'
        'level = "warning"\n',
        "utf-8",
    )
    run = factcheck("config", "--format", "json", cwd=project / "claims" / "release")
    assert run.code == 0, run.output
    data = json.loads(run.out)
    assert data["file"] == "../../pyproject.toml"
    settings = {item["key"]: (item["value"], item["from"]) for item in data["settings"]}
    assert settings["rounding"] == ("half-up", "../../pyproject.toml:5:1")
    assert settings["rules.FC107"] == ("off", "../../pyproject.toml:6:11")
    assert settings["rules.FC101.level"] == ("warning", "../../pyproject.toml:9:1")
    assert settings["rules.FC101"] == ("on", "default")
    assert settings["lexicon.de"] == (None, "default")


def test_factcheck_yaml_wins_over_pyproject_in_the_same_folder(factcheck, project: Path):
    (project / "pyproject.toml").write_text('[tool.factcheck]\nrounding = "half-up"\n', "utf-8")
    (project / ".factcheck.yaml").write_text("rounding: truncated\n", "utf-8")
    run = factcheck("config", cwd=project)
    assert run.code == 0, run.output
    assert run.out.splitlines()[0] == (
        "configuration: .factcheck.yaml (pyproject.toml's [tool.factcheck] in the same "
        "folder is not read)"
    )
    assert _row(run.out, "rounding") == ["truncated", ".factcheck.yaml:1:1"]


def test_a_pyproject_without_the_table_is_passed_over(factcheck, project: Path):
    (project / ".factcheck.yaml").write_text("rounding: half-up\n", "utf-8")
    inner = project / "claims"
    (inner / "pyproject.toml").write_text('[project]\nname = "claims"\n', "utf-8")
    run = factcheck("config", cwd=inner)
    assert run.code == 0, run.output
    assert run.out.startswith("configuration: ../.factcheck.yaml\n")


def test_config_option_names_the_file_and_a_missing_one_is_an_error(factcheck, project: Path):
    (project / "strict.yaml").write_text("rules:\n  FC101: {level: warning}\n", "utf-8")
    run = factcheck("--config", "strict.yaml", "config", cwd=project)
    assert run.code == 0, run.output
    assert _row(run.out, "rules.FC101.level") == ["warning", "strict.yaml:2:11"]
    missing = factcheck("--config", "nowhere.yaml", "verify", cwd=project)
    assert missing.code == 2
    assert missing.err == "factcheck: error: nowhere.yaml: no such configuration file\n"


# --- bad configuration -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "text", "error"),
    [
        (
            ".factcheck.yaml",
            "rounding: half-up\nrouding: truncated\n",
            ".factcheck.yaml:2:1: unknown key 'rouding' (did you mean 'rounding'?); "
            "expected keys: select, ignore, rounding, lexicon, rules, claimreview, cache, "
            "cache-dir",
        ),
        (
            "pyproject.toml",
            '[tool.factcheck]\nrounding = "half-up"\n\n[tool.factcheck.rules.FC001]\n'
            "ignore_case = true\n",
            "pyproject.toml:5:1: unknown option 'ignore_case' of FC001 quote-not-in-source "
            "(did you mean 'ignore-case'?); expected: level, ignore-case",
        ),
        (
            ".factcheck.yaml",
            "rules:\n  FC001:\n    ignore-case: maybe\n",
            ".factcheck.yaml:3:5: option 'ignore-case' of FC001: expected true or false, "
            "found 'maybe'",
        ),
        (
            "pyproject.toml",
            "[tool.factcheck]\nrules = { FC001 = { ignore-case = 1 } }\n",
            "pyproject.toml:2:21: option 'ignore-case' of FC001: expected true or false, found 1",
        ),
        (
            ".factcheck.yaml",
            "rules:\n  FC101: {level: warn}\n",
            ".factcheck.yaml:2:11: level 'warn' of FC101 is not a level (did you mean "
            "'warning'?); expected one of: error, warning (to turn a rule off, add it to "
            "'ignore')",
        ),
        (
            "pyproject.toml",
            '[tool.factcheck]\nselect = ["FC1", "parts-do-not-sum-to-totl"]\n',
            "pyproject.toml:2:18: unknown rule 'parts-do-not-sum-to-totl' in 'select' "
            "(did you mean 'parts-do-not-sum-to-total'?); name a rule by its code (FC101), "
            "its name (parts-do-not-sum-to-total) or a code prefix (FC1)",
        ),
        (
            ".factcheck.yaml",
            "rules:\n  FC101: {level: warning}\n  parts-do-not-sum-to-total: {level: error}\n",
            ".factcheck.yaml:3:3: rule FC101 is configured twice (also at line 2)",
        ),
        (
            ".factcheck.yaml",
            "rounding: nearest\n",
            ".factcheck.yaml:1:1: rounding 'nearest' is not a rounding convention; expected "
            "one of: up-or-down, half-up, truncated",
        ),
        (
            ".factcheck.yaml",
            "lexicon:\n  fr: lexique.yaml\n",
            ".factcheck.yaml:2:3: unknown language 'fr' in 'lexicon'; expected one of: de, en",
        ),
        (
            ".factcheck.yaml",
            "lexicon:\n  de: missing.yaml\n",
            ".factcheck.yaml:2:3: lexicon.de: no such file 'missing.yaml'",
        ),
        (
            "pyproject.toml",
            '[tool.factcheck]\nrounding = "half-up\n',
            "pyproject.toml:2:20: TOML syntax error: Illegal character '\\n'",
        ),
        (
            ".factcheck.yaml",
            "claimreview:\n  reviewr: Faktencheck-Redaktion\n",
            ".factcheck.yaml:2:3: unknown key 'reviewr' in 'claimreview' (did you mean "
            "'reviewer'?); expected: reviewer, reviewer-url, base-url",
        ),
        (
            "pyproject.toml",
            "[tool.factcheck.claimreview]\nreviewer = 3\n",
            "pyproject.toml:2:1: claimreview.reviewer must be a text",
        ),
        (
            "pyproject.toml",
            '[tool.factcheck.claimreview]\nreviewer = "Fakten\\u001b[2Jcheck"\n',
            "pyproject.toml:2:1: claimreview.reviewer holds the control character U+001B; "
            "remove it",
        ),
        (
            ".factcheck.yaml",
            "rounding: [half-up\n",
            ".factcheck.yaml:2:1: YAML syntax error: did not find expected ',' or ']'",
        ),
        (
            # Found by tests/test_fuzzing.py: a text where a list belongs once crashed.
            ".factcheck.yaml",
            "ignore: FC101\n",
            ".factcheck.yaml:1:1: 'ignore' must be a list of rule codes or names",
        ),
    ],
)
def test_a_bad_configuration_is_one_located_line_and_exit_2(
    factcheck, project: Path, name: str, text: str, error: str
):
    (project / name).write_text(text, "utf-8")
    for command in (["verify"], ["config"], ["parse", "13,4"]):
        run = factcheck(*command, cwd=project)
        assert run.code == 2, run.output
        assert run.err == f"factcheck: error: {error}\n"
        assert run.out == ""


def test_every_problem_is_reported_in_file_order(factcheck, project: Path):
    (project / ".factcheck.yaml").write_text(
        "rules:\n  FC101: {level: fatal}\nrounding: up\nselect: [FC999]\n", "utf-8"
    )
    run = factcheck("verify", cwd=project)
    assert run.code == 2
    places = [line.split(": ")[2].split(":")[:2] for line in run.err.splitlines()]
    assert places == [[".factcheck.yaml", "2"], [".factcheck.yaml", "3"], [".factcheck.yaml", "4"]]


def test_a_malformed_lexicon_override_is_an_error_at_its_key(factcheck, project: Path):
    (project / "lexicon-de.yaml").write_text("qualifiers:\n  rund: {step: somewhere}\n", "utf-8")
    (project / ".factcheck.yaml").write_text("lexicon:\n  de: lexicon-de.yaml\n", "utf-8")
    run = factcheck("verify", cwd=project)
    assert run.code == 2
    assert run.err == (
        "factcheck: error: .factcheck.yaml:2:3: lexicon.de: lexicon-de.yaml: qualifier 'rund' "
        "needs 'step', 'lo' and 'hi'\n"
    )


# --- typed options -----------------------------------------------------------------------


def _spec(kind: object) -> OptionSpec:
    return OptionSpec("an-option", "an_option", kind, None, "")


@pytest.mark.parametrize(
    ("kind", "written", "value"),
    [
        (bool, True, True),
        (bool, "false", False),
        (int, 12, 12),
        (int, "12", 12),
        (float, "0.5", 0.5),
        (Decimal, 0.5, Decimal("0.5")),
        (str, "de", "de"),
        (typing.Literal["a", "b"], "b", "b"),
        (tuple[str, ...], ["x", "y"], ("x", "y")),
    ],
)
def test_option_values_are_read_as_their_type(kind: object, written: object, value: object):
    assert typed(written, _spec(kind)) == value
    assert type(typed(written, _spec(kind))) is type(value)


@pytest.mark.parametrize(
    ("kind", "written", "message"),
    [
        (int, True, "expected a whole number, found True"),
        (int, 1.5, "expected a whole number, found 1.5"),
        (int, "zwölf", "expected a whole number, found 'zwölf'"),
        (float, "nan", "expected a number, found 'nan'"),
        (str, ["x"], "expected a text, found ['x']"),
        (typing.Literal["up", "down"], "dwn", "expected one of 'up', 'down', found 'dwn' (did "),
        (tuple[str, ...], "x", "expected a list of texts, found 'x'"),
    ],
)
def test_an_option_of_the_wrong_type_says_what_was_expected(
    kind: object, written: object, message: str
):
    with pytest.raises(ValueError, match="^" + message.replace("(", r"\(").replace("[", r"\[")):
        typed(written, _spec(kind))


def test_every_rule_option_has_a_type_configuration_can_read_and_a_help_text():
    from factcheck.rules import all_rules

    for rule in all_rules():
        for spec in rule.options:
            assert spec.key != "level", f"{rule.code}: 'level' is the rule's level, not an option"
            assert typed(spec.default, spec) == spec.default, (rule.code, spec.key)
            assert spec.help, f"{rule.code} option {spec.key} needs metadata={{'help': ...}}"


def test_settings_carry_only_what_the_configuration_sets(project: Path):
    (project / ".factcheck.yaml").write_text(
        "select: [FC0, FC101]\nrules:\n  quote-not-in-source: {ignore-case: true}\n", "utf-8"
    )
    settings = load_config(project).settings(strict=True)
    from factcheck.rules import all_rules

    every = {rule.code for rule in all_rules()}
    assert settings.off == frozenset(every - {"FC001", "FC002", "FC101", "FC304"})
    assert settings.levels == {}
    assert settings.options["FC001"].ignore_case is True
    assert set(settings.options) == {"FC001"}
    assert settings.as_dict()["rules"] == ["FC001", "FC002", "FC101", "FC304"]


# --- what the configuration changes in a run ---------------------------------------------


def test_the_defaults_hold_for_the_test_project(factcheck, project: Path):
    run = factcheck("verify", cwd=project)
    assert run.code == 0, run.output


def test_truncated_rounding_turns_a_sum_that_rounding_explains_into_a_failure(
    factcheck, project: Path
):
    # Rounded either way, 7,7 + 1,5 + 4,2 can be as little as 13,25 and 13,3 as much as
    # 13,35; cut off, the parts are at least 13,4 and 13,3 is below 13,4.
    (project / "pyproject.toml").write_text('[tool.factcheck]\nrounding = "truncated"\n', "utf-8")
    run = factcheck("verify", cwd=project)
    assert run.code == 1, run.output
    [line] = [line for line in run.out.splitlines() if "7,7 + 1,5 + 4,2 = 13,4 Mio. €" in line]
    assert "but total is stated as 13,3 Mio. €" in line
    assert "rounding=truncated" in run.out


def test_an_overridden_rund_changes_the_verdict_and_what_parse_shows(factcheck, project: Path):
    # The bundled "rund 600" is 550 to 650 and covers 640; read to its last written digit
    # it is 599,5 to 600,5, which for a count is 600 alone.
    (project / "lexicon-de.yaml").write_text(
        "qualifiers:\n  rund: {means: rounded to the last written digit, step: written, "
        "lo: rounding, hi: rounding}\n",
        "utf-8",
    )
    assert factcheck("verify", cwd=project).code == 0
    (project / ".factcheck.yaml").write_text("lexicon:\n  de: lexicon-de.yaml\n", "utf-8")
    run = factcheck("verify", cwd=project)
    assert run.code == 1, run.output
    assert "genau 640 is outside rund rund 600 (600): a gap of 40" in run.out
    assert 'lexicon={"de": "lexicon-de.yaml"}' in run.out
    parsed = factcheck("parse", "rund 600", "--lang", "de", "--format", "json", cwd=project)
    assert parsed.code == 0, parsed.output
    assert (json.loads(parsed.out)["lo"], json.loads(parsed.out)["hi"]) == (600, 600)
    bundled = factcheck("parse", "rund 600", "--lang", "de", "--format", "json")
    assert (json.loads(bundled.out)["lo"], json.loads(bundled.out)["hi"]) == (550, 650)


def test_a_lexicon_word_added_in_config_is_read_by_extract(factcheck, project: Path):
    (project / "lexicon-de.yaml").write_text(
        "qualifiers:\n  gezählt wurden: {means: exactly, step: written, lo: rounding, "
        "hi: rounding}\n",
        "utf-8",
    )
    source = project / "claims" / "release" / "source.yaml"
    before = factcheck("extract", source, "--format", "json", cwd=project)
    assert all(f["qualifier"] is None for f in json.loads(before.out) if f["value"] == 640)
    (project / ".factcheck.yaml").write_text("lexicon:\n  de: lexicon-de.yaml\n", "utf-8")
    after = factcheck("extract", source, "--format", "json", cwd=project)
    assert after.code == 0, after.output
    assert [f["qualifier"] for f in json.loads(after.out) if f["value"] == 640] == [
        "gezählt wurden"
    ]


def test_a_rule_at_level_warning_warns_and_fails_only_with_strict(factcheck, project: Path):
    (project / "claims" / "release" / "budget.yaml").write_text(
        BUDGET.replace("sum: [ehrenamt, agenturen, personal]", "sum: [ehrenamt, agenturen]"),
        "utf-8",
    )
    assert factcheck("verify", cwd=project).code == 1
    (project / ".factcheck.yaml").write_text("rules:\n  FC101: {level: warning}\n", "utf-8")
    run = factcheck("verify", "--format", "rich", cwd=project)
    assert run.code == 0, run.output
    assert _finding_lines(run.out, "FC101")[0].startswith("! warn FC101")
    assert 'levels={"FC101": "warning"}' in run.out
    assert factcheck("verify", "--strict", cwd=project).code == 1


def test_a_rule_option_changes_what_the_rule_finds(factcheck, project: Path):
    budget = project / "claims" / "release" / "budget.yaml"
    budget.write_text(BUDGET.replace("insgesamt 13,3", "Insgesamt 13,3"), "utf-8")
    run = factcheck("verify", cwd=project)
    assert run.code == 1
    assert "the quote 'Insgesamt 13,3 Millionen Euro' is not in the source text" in run.out
    (project / ".factcheck.yaml").write_text(
        "rules:\n  quote-not-in-source:\n    ignore-case: true\n", "utf-8"
    )
    run = factcheck("verify", cwd=project)
    assert run.code == 0, run.output
    assert 'options={"FC001": {"ignore-case": true}}' in run.out


def test_a_check_whose_rule_is_ignored_is_not_evaluated_never_passed(factcheck, project: Path):
    (project / ".factcheck.yaml").write_text("ignore: [qualifier-does-not-hold]\n", "utf-8")
    run = factcheck("verify", "--format", "rich", cwd=project)
    assert run.code == 0, run.output
    assert "antraege not evaluated" in run.out
    assert (
        "qualified not evaluated: rule FC107 qualifier-does-not-hold is turned off in the "
        "configuration"
    ) in run.out
    from factcheck.rules import all_rules

    running = [rule.code for rule in all_rules() if rule.code != "FC107"]
    assert f"rules={json.dumps(running)}" in run.out


def test_select_by_family_runs_only_those_rules(factcheck, project: Path):
    budget = project / "claims" / "release" / "budget.yaml"
    budget.write_text(BUDGET.replace('value: "4,2 Mio. €"', 'value: "4,3 Mio. €"'), "utf-8")
    assert " FC002 " in factcheck("verify", cwd=project).out
    (project / ".factcheck.yaml").write_text("select: [FC1]\n", "utf-8")
    run = factcheck("verify", cwd=project)
    assert run.code == 0, run.output
    assert " FC002 " not in run.out and " FC001 " not in run.out
    assert "FC101" in run.out


def test_show_and_export_read_the_configuration_too(factcheck, project: Path):
    (project / ".factcheck.yaml").write_text("rounding: truncated\n", "utf-8")
    assert factcheck("show", "budget", cwd=project).code == 1
    export = factcheck(
        "export",
        "claimreview",
        "--reviewer",
        "R",
        "--reviewer-url",
        "https://r.example",
        "--base-url",
        "https://r.example/c",
        cwd=project,
    )
    assert export.code == 0, export.output
    reviews = json.loads(export.out)
    budget = next(r for r in reviews if r["url"].endswith("#budget"))
    assert budget["reviewRating"]["alternateName"] != "Consistent"


def test_every_figure_is_read_through_the_projects_reader():
    # The configured rounding and lexicon reach a figure only through numbers.Reader
    # (context.reader in a rule, corpus.reader elsewhere); a direct call would read it with
    # the bundled defaults whatever the project configured.
    from conftest import PROJECT

    direct = re.compile(r"\b(parse_figure|find_figures|load_lexicon)\(")
    offenders = [
        f"{path.relative_to(PROJECT)}:{number}: {line.strip()}"
        for path in sorted((PROJECT / "src" / "factcheck").rglob("*.py"))
        if path.name != "numbers.py"
        for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1)
        if direct.search(line)
    ]
    assert not offenders, "read figures with a Reader instead:\n" + "\n".join(offenders)


def test_a_configuration_that_is_not_utf8_is_a_located_error(factcheck, project: Path):
    (project / "pyproject.toml").write_bytes(b'[tool.factcheck]\nrounding = "half\xff"\n')
    run = factcheck("verify", cwd=project)
    assert run.code == 2
    assert run.err == (
        "factcheck: error: pyproject.toml:2:17: not UTF-8 text: byte 0xff (offset 33) cannot "
        "stand here in UTF-8; in Latin-1 or Windows-1252 it is 'ÿ', so the file is likely in "
        "one of those; save the file as UTF-8\n"
    )


def test_an_empty_factcheck_yaml_is_a_configuration_of_defaults(factcheck, project: Path):
    (project / ".factcheck.yaml").write_text("# nothing set yet\n", "utf-8")
    run = factcheck("config", cwd=project)
    assert run.code == 0, run.output
    assert run.out.startswith("configuration: .factcheck.yaml\n")
    assert _row(run.out, "rounding") == ["up-or-down", "default"]


def test_an_input_rule_stays_on_and_cannot_be_ignored_or_lowered(factcheck, project: Path):
    (project / ".factcheck.yaml").write_text("ignore: [FC3, FC1]\n", "utf-8")
    run = factcheck("config", cwd=project)
    assert run.code == 0, run.output
    assert _row(run.out, "rules.FC304") == ["on", "always"]
    assert _row(run.out, "rules.FC101") == ["off", ".factcheck.yaml:1:15"]
    (project / ".factcheck.yaml").write_text(
        "ignore: [unknown-figure-name]\nrules:\n  FC304: {level: warning}\n", "utf-8"
    )
    run = factcheck("verify", cwd=project)
    assert run.code == 2
    assert run.err.splitlines() == [
        "factcheck: error: .factcheck.yaml:1:10: FC304 unknown-figure-name finds input that "
        "cannot be used, so it cannot be turned off",
        "factcheck: error: .factcheck.yaml:3:11: FC304 unknown-figure-name finds input that "
        "cannot be used, so it is always an error (exit code 2)",
    ]
