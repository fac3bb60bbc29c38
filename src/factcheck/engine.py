"""The engine: resolves figure names, runs the rules, stamps levels, builds the Report."""

from __future__ import annotations

import dataclasses
import datetime
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from types import ModuleType
from typing import Any

from factcheck import __version__
from factcheck.context import Context
from factcheck.load import Corpus
from factcheck.model import (
    Claim,
    ClaimResult,
    Finding,
    InputProblem,
    Location,
    Outcome,
    Report,
    RuleResult,
    Summary,
    SuppressionUse,
    Verdict,
)
from factcheck.numbers import Reader
from factcheck.rules import (
    AFTER_SUPPRESSIONS,
    INPUT,
    Rule,
    all_rules,
    find_rule,
    references,
    rule_for_check,
    unknown_figure_name,
)
from factcheck.yamltree import shown, suggestion


@dataclass(frozen=True)
class Settings:
    """How a run is configured: which rules, at which level, with which options.

    ``levels`` and ``options`` hold, by rule code, what the configuration sets (an
    ``Options`` instance of the rule's module); every other rule runs at its default level
    with its default options. ``off`` holds the codes of the rules the configuration does
    not run. ``config_file`` is the file the settings were read from, for the provenance.
    """

    strict: bool = False
    levels: dict[str, str] = field(default_factory=dict)
    off: frozenset[str] = frozenset()
    options: dict[str, Any] = field(default_factory=dict)
    config_file: str | None = None

    def as_dict(self) -> dict[str, object]:
        """The settings as plain data, for the report's provenance: options as their keys
        in the configuration, and only where they differ from the default."""
        on = [rule.code for rule in all_rules() if rule.code not in self.off]
        return {
            "config": self.config_file or "none",
            "strict": self.strict,
            "levels": dict(self.levels),
            "rules": on if self.off else "all",
            "options": {code: _changed(options) for code, options in self.options.items()},
        }


def _changed(options: Any) -> dict[str, Any]:
    """The fields of an Options instance that differ from their default, by option key."""
    default = type(options)()
    return {
        item.name.replace("_", "-"): getattr(options, item.name)
        for item in dataclasses.fields(options)
        if getattr(options, item.name) != getattr(default, item.name)
    }


class ReportDateError(ValueError):
    """``SOURCE_DATE_EPOCH`` is set but is not a whole number of seconds."""


def report_date(environ: Mapping[str, str] = os.environ) -> str:
    """When the report is made, in UTC to the second: now, or ``SOURCE_DATE_EPOCH``.

    ``SOURCE_DATE_EPOCH`` (seconds since 1970-01-01 UTC) is the reproducible-builds
    convention: with it set, the same claims give byte-identical reports, which snapshot
    tests and archived reports rely on.
    """
    epoch = environ.get("SOURCE_DATE_EPOCH")
    if epoch is None:
        moment = datetime.datetime.now(datetime.UTC)
    else:
        if not epoch.strip().isdigit():
            raise ReportDateError(
                f"SOURCE_DATE_EPOCH must be a whole number of seconds since "
                f"1970-01-01 UTC, not {epoch!r}"
            )
        try:
            moment = datetime.datetime.fromtimestamp(int(epoch), datetime.UTC)
        except (OverflowError, ValueError, OSError) as error:
            raise ReportDateError(f"SOURCE_DATE_EPOCH {epoch!r} is not a date: {error}") from None
    return moment.isoformat(timespec="seconds")


def validate_checks(claim: Claim, context: Context) -> list[InputProblem]:
    """Problems with a claim's checks: unknown kinds, missing or unknown keys, unknown names."""
    from factcheck.rules import all_rules

    kinds = [rule.check for rule in all_rules() if rule.check]
    problems = []
    for check in claim.checks:
        rule = rule_for_check(check.kind)
        if rule is None:
            problems.append(
                InputProblem(
                    check.location,
                    f"unknown check {shown(check.kind)}{suggestion(check.kind, kinds)}; "
                    f"a check starts with one of: {', '.join(kinds)}",
                )
            )
            continue
        for key in rule.params:
            if key not in check.params:
                problems.append(
                    InputProblem(check.location, f"the {check.kind!r} check needs {key!r}")
                )
        for key, value in check.params.items():
            where = check.param_locations.get(key, check.location)
            kind = rule.params.get(key)
            if kind is None:
                problems.append(
                    InputProblem(
                        where,
                        f"unknown key {shown(key)} in a {check.kind!r} check"
                        f"{suggestion(key, rule.params)}; expected: {', '.join(rule.params)}",
                    )
                )
                continue
            if kind in ("expression", "comparison", "figure-or-value"):
                problems += _value_problems(claim, context, kind, key, value, where)
                continue
            names = value if isinstance(value, list) else [value]
            if kind == "figure" and isinstance(value, list):
                problems.append(InputProblem(where, f"{key!r} names one figure, not a list"))
                continue
            if kind == "figures" and not isinstance(value, list):
                problems.append(InputProblem(where, f"{key!r} must be a list of figure names"))
                continue
            for index, name in enumerate(names):
                if context.figure(claim, name) is None:
                    at = check.param_locations.get(f"{key}[{index}]", where)
                    problems.append(
                        unknown_figure_name.problem(at, name, context.figure_names(claim))
                    )
    return problems


def _value_problems(
    claim: Claim, context: Context, kind: str, key: str, value: object, where: Location
) -> list[InputProblem]:
    """Problems with an expression or a comparison over figures, or a figure name or
    written figure."""
    from factcheck.expression import ExpressionError, names, parse, parse_relation
    from factcheck.numbers import FigureError

    if not isinstance(value, str):
        return [InputProblem(where, f"{key!r} must be a text, not a list")]
    if kind == "figure-or-value":
        if context.figure(claim, value) is not None:
            return []
        try:
            context.reader.parse(value, context.language(claim))
        except FigureError as error:
            hint = suggestion(value, context.figure_names(claim))
            return [
                InputProblem(where, f"{key!r} is neither a figure name{hint} nor a figure: {error}")
            ]
        return []
    try:
        nodes = [parse(value)] if kind == "expression" else list(parse_relation(value).sides)
    except ExpressionError as error:
        what = "an expression" if kind == "expression" else "a comparison"
        return [InputProblem(where, f"{key!r} is not {what} over figures: {error}")]
    return [
        unknown_figure_name.problem(
            where, name.name, context.figure_names(claim), f"at column {name.column} of {key!r}"
        )
        for node in nodes
        for name in names(node)
        if context.figure(claim, name.name) is None
    ]


def validate_suppressions(claim: Claim) -> list[InputProblem]:
    """Problems with a claim's suppressions: a rule that does not exist, or one that looks
    at suppressions themselves and so cannot be suppressed."""
    problems = []
    for suppression in claim.suppressions:
        rule = find_rule(suppression.rule)
        if rule is None:
            problems.append(
                InputProblem(
                    suppression.rule_location,
                    f"unknown rule {suppression.rule!r} in a suppression"
                    f"{suggestion(suppression.rule, references())}; name a rule by its code "
                    "or its name (factcheck rules lists them)",
                )
            )
        elif rule.phase == AFTER_SUPPRESSIONS:
            problems.append(
                InputProblem(
                    suppression.rule_location,
                    f"{rule.title} cannot be suppressed: remove the suppression it reports, "
                    "or add the rule to 'ignore' in the configuration",
                )
            )
        elif rule.phase == INPUT:
            problems.append(
                InputProblem(
                    suppression.rule_location,
                    f"{rule.title} cannot be suppressed: it names input that cannot be used; "
                    "correct the input instead",
                )
            )
    return problems


def _suppress(
    claim: Claim, findings: list[Finding], ran: set[str]
) -> tuple[list[Finding], list[SuppressionUse]]:
    """Mark each failure or warning a suppression of the claim covers (a figure's or a
    check's own suppression before one of the whole claim), and say what each suppression
    came to. Only the rules in ``ran`` looked at the claim."""
    import dataclasses

    resolved = [
        (suppression, rule)
        for suppression in claim.suppressions
        if (rule := find_rule(suppression.rule)) and rule.phase not in (AFTER_SUPPRESSIONS, INPUT)
    ]
    used: set[int] = set()
    marked = []
    for finding in findings:
        if finding.outcome in (Outcome.FAIL, Outcome.WARN):
            covering = [
                index
                for index, (suppression, rule) in enumerate(resolved)
                if rule.code == finding.code and suppression.covers(finding.location)
            ]
            if covering:
                used.update(covering)
                narrowest = min(covering, key=lambda index: not resolved[index][0].scope)
                finding = dataclasses.replace(finding, suppressed=resolved[narrowest][0].reason)
        marked.append(finding)
    uses = []
    for index, (suppression, rule) in enumerate(resolved):
        undecided = any(
            f.code == rule.code
            and f.outcome is Outcome.NOT_EVALUATED
            and suppression.covers(f.location)
            for f in findings
        )
        if index in used:
            state = "used"
        elif rule.code not in ran or undecided:
            state = "unknown"
        else:
            state = "unused"
        uses.append(SuppressionUse(suppression, rule.code, state))
    return marked, uses


def _verdict(claim: Claim, findings: Iterable[Finding]) -> Verdict:
    findings = [finding for finding in findings if finding.suppressed is None]
    outcomes = {finding.outcome for finding in findings}
    if any(f.outcome is Outcome.FAIL and f.gross for f in findings):
        return Verdict.GROSSLY_INCONSISTENT
    if Outcome.FAIL in outcomes:
        return Verdict.INCONSISTENT
    if Outcome.WARN in outcomes:
        return Verdict.WARNING
    if not claim.checks:
        return Verdict.NOT_CHECKABLE
    if any(f.outcome is Outcome.NOT_EVALUATED and f.consistency for f in findings):
        return Verdict.NOT_EVALUATED
    return Verdict.CONSISTENT


def _stamp(rule: Rule, level: str, claim: Claim, result: RuleResult) -> Finding:
    outcome = result.outcome
    level = result.level or level
    if outcome is Outcome.FAIL and level == "warning":
        outcome = Outcome.WARN
    return Finding(
        code=rule.code,
        rule=rule.name,
        outcome=outcome,
        claim_id=claim.id,
        location=result.location,
        message=result.message,
        gross=result.gross,
        level=level,
        arithmetic=result.arithmetic,
        numbers=result.numbers,
        consistency=rule.check is not None,
        details=result.details,
    )


def claim_order(claim: Claim) -> tuple[str, str, str]:
    """The key claims are reported in: by source, then id, then file."""
    return (claim.source_slug, claim.id, claim.location.path)


def run(corpus: Corpus, settings: Settings | None = None) -> Report:
    """Check every claim of the corpus and build the report, in a deterministic order.

    Raises ReportDateError when ``SOURCE_DATE_EPOCH`` is set to something that is no date.
    """
    settings = settings or Settings()
    claims = sorted(corpus.claims, key=claim_order)
    context = corpus_context(corpus, claims)
    problems = list(corpus.problems)
    results = []
    for claim in claims:
        result, claim_problems = check_claim(claim, context, settings)
        problems += claim_problems
        results.append(result)
    return build_report(results, problems, settings, corpus.reader)


def corpus_context(corpus: Corpus, claims: list[Claim]) -> Context:
    """What the rules may look up while checking ``corpus``, whose claims are ``claims`` in
    report order (a claim id named twice stands for the last of its claims)."""
    return Context(
        corpus.sources, {claim.id: claim for claim in claims}, corpus.reader, corpus.references
    )


#: How the message of a rule that stopped with an error begins.
INTERNAL_ERROR = "internal error: "


def is_internal_error(problem: InputProblem) -> bool:
    """Whether ``problem`` is a rule that stopped with an error (a bug in factcheck), not
    a verdict on the claim's input."""
    return problem.message.startswith(INTERNAL_ERROR)


def _guarded(
    rule: Rule, claim: Claim, context: Context, options: object
) -> tuple[list[RuleResult], list[InputProblem]]:
    """What ``rule`` finds on ``claim``; a rule that stops with an error (a bug in
    factcheck) gives a finding that is not evaluated and a problem that makes the run exit
    2, so the other rules and claims are still checked and no traceback reaches the user."""
    try:
        return list(rule.module.evaluate(claim, context, options)), []
    except Exception as error:  # any bug in a rule: report it and go on with the others
        what = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
        message = (
            f"{INTERNAL_ERROR}rule {rule.code} {rule.name} stopped on this claim ({what}); "
            "this is a bug in factcheck, please report it with the claim file"
        )
        finding = RuleResult(Outcome.NOT_EVALUATED, claim.location, message)
        return [finding], [InputProblem(claim.location, message, code=rule.code)]


def _options(settings: Settings, rule: Rule) -> object:
    """The options ``rule`` runs with: the configuration's, else the rule's defaults."""
    return settings.options.get(rule.code) or _default_options(rule.module)


@cache
def _default_options(module: ModuleType) -> object:
    # Made once per rule rather than once per rule and claim: options are frozen records.
    return module.Options()


def check_claim(
    claim: Claim,
    context: Context,
    settings: Settings,
    claim_problems: list[InputProblem] | None = None,
) -> tuple[ClaimResult, list[InputProblem]]:
    """Validate one claim's checks and suppressions and run every rule on it: its result,
    and the problems with its checks (a claim with such problems gets no consistency
    checks) and suppressions. ``claim_problems`` are the problems with its checks when
    :func:`validate_checks` was called already."""
    if claim_problems is None:
        claim_problems = validate_checks(claim, context)
    crashes: list[InputProblem] = []
    findings: list[Finding] = []
    ran: set[str] = set()
    for rule in all_rules():
        if rule.phase in (AFTER_SUPPRESSIONS, INPUT) or (claim_problems and rule.check is not None):
            continue
        level = settings.levels.get(rule.code, rule.level)
        configured = rule.code in settings.levels
        if rule.code in settings.off:
            results_of_rule: Iterable[RuleResult] = _not_run(rule, claim)
        else:
            options = _options(settings, rule)
            results_of_rule, crash = _guarded(rule, claim, context, options)
            crashes += crash
            ran.add(rule.code)
        for result in results_of_rule:
            if configured:
                # The configuration's level for a rule comes before the data's.
                result = dataclasses.replace(result, level=None)
            findings.append(_stamp(rule, level, claim, result))
    findings, uses = _suppress(claim, findings, ran)
    for rule in all_rules():
        if rule.phase == AFTER_SUPPRESSIONS and rule.code not in settings.off:
            level = settings.levels.get(rule.code, rule.level)
            options = _options(settings, rule)
            for result in rule.module.evaluate(claim, uses, options):
                findings.append(_stamp(rule, level, claim, result))
    findings.sort(key=lambda f: (f.location, f.code))
    record = {rule.code for rule in all_rules() if rule.about_the_record}
    judged = [finding for finding in findings if finding.code not in record]
    verdict = _verdict(claim, judged)
    if (claim_problems or crashes) and verdict is Verdict.CONSISTENT:
        # Its checks could not be used, or a rule stopped: never call it consistent.
        verdict = Verdict.NOT_EVALUATED
    result = ClaimResult(claim, context.source(claim), tuple(findings), verdict)
    return result, claim_problems + crashes + validate_suppressions(claim)


def counts(findings: Iterable[Finding], verdict: Verdict) -> tuple[int, int, int, int, int, int]:
    """What one claim adds to the summary: its checks passed, failed, warned and not
    evaluated (none of them suppressed), its failures and warnings a suppression accepts,
    and 1 if no rule can check it."""
    tally = dict.fromkeys(Outcome, 0)
    suppressed = 0
    for finding in findings:
        if finding.suppressed is None:
            tally[finding.outcome] += 1
        else:
            suppressed += 1
    return (
        tally[Outcome.PASS],
        tally[Outcome.FAIL],
        tally[Outcome.WARN],
        tally[Outcome.NOT_EVALUATED],
        suppressed,
        int(verdict is Verdict.NOT_CHECKABLE),
    )


def build_report(
    results: Sequence[ClaimResult],
    problems: list[InputProblem],
    settings: Settings,
    reader: Reader,
    totals: Sequence[int] | None = None,
) -> Report:
    """The report of checked claims (in report order) and every input problem. ``totals``
    are the :func:`counts` of every result added up, when they were added up already
    (``results`` is then read only by the reporters).

    Raises ReportDateError when ``SOURCE_DATE_EPOCH`` is set to something that is no date.
    """
    generated = report_date()
    if totals is None:
        rows = [counts(result.findings, result.verdict) for result in results]
        totals = [sum(column) for column in zip(*rows, strict=True)]
    passed, failed, warned, not_evaluated, suppressed, not_checkable = totals or (0,) * 6
    summary = Summary(
        claims=len(results),
        passed=passed,
        failed=failed,
        warned=warned,
        not_evaluated=not_evaluated,
        not_checkable=not_checkable,
        input_problems=len(problems),
        suppressed=suppressed,
    )
    return Report(
        results=tuple(results) if isinstance(results, list) else results,
        problems=tuple(sorted(problems, key=lambda p: p.location)),
        summary=summary,
        tool_version=__version__,
        generated=generated,
        settings={
            **settings.as_dict(),
            "rounding": reader.rounding,
            "lexicon": dict(reader.lexicon_files),
        },
    )


def _not_run(rule: Rule, claim: Claim) -> list[RuleResult]:
    """For a rule the configuration turns off: each of its checks is not evaluated, since
    a claim whose checks were skipped must not read as consistent."""
    return [
        RuleResult(
            Outcome.NOT_EVALUATED,
            check.location,
            f"{check.kind} not evaluated: rule {rule.title} is turned off in the configuration",
        )
        for check in claim.checks
        if check.kind == rule.check
    ]


def exit_code(report: Report, strict: bool = False, exit_zero: bool = False) -> int:
    """0 consistent; 1 inconsistent (warnings too when strict); 2 input could not be used.

    ``exit_zero`` turns 1 into 0, for adopting factcheck on a corpus that does not pass yet;
    input that could not be used is still 2.
    """
    if report.problems:
        return 2
    if exit_zero:
        return 0
    if report.summary.failed or (strict and report.summary.warned):
        return 1
    return 0
