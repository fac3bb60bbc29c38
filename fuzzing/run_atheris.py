"""Coverage-guided fuzzing of factcheck's readers with atheris (libFuzzer for Python).

    .venv/bin/pip install -e '.[fuzz]'
    .venv/bin/python fuzzing/run_atheris.py claim -max_total_time=300
    .venv/bin/python fuzzing/run_atheris.py figure -runs=200000

The first argument names the target (tests/fuzz_targets.py): ``yaml`` (bytes read as a
YAML file), ``claim`` (bytes as a claim file through load, the rules and the reports),
``configuration`` (bytes as .factcheck.yaml or pyproject.toml), ``figure`` (a figure as
written) or ``expression`` (an expression over figures). The other arguments go to
libFuzzer. Unless they name corpus folders, the inputs found so far are kept in
``fuzzing/corpus/<target>/`` (not in git), seeded from the bundled claims, so each run
goes on from the last. Every input must be done within 2 seconds (``-timeout``) and 1 GiB
(``-rss_limit_mb``); an input that takes longer, or lets anything but the tool's own error
out, is written as ``crash-*`` or ``timeout-*`` and the run stops.

atheris is not a test dependency: it ships wheels for Linux and builds with clang
elsewhere. docs/reliability.md records a run's figures.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import atheris

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent
sys.path.insert(0, str(PROJECT / "tests"))

with atheris.instrument_imports(include=["factcheck"]):
    import factcheck.config
    import factcheck.engine
    import factcheck.expression
    import factcheck.load
    import factcheck.numbers
    import factcheck.reporters.html
    import factcheck.reporters.terminal
    import factcheck.rules
    import factcheck.tomlmarks
    import factcheck.yamltree

    # The rules are imported on first use; import them here so they are instrumented too.
    factcheck.rules.all_rules()

import fuzz_targets  # noqa: E402


def _text(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")


def _figure(data: bytes) -> None:
    language = fuzz_targets.LANGUAGES[data[0] % 3] if data else None
    fuzz_targets.figure(_text(data[1:]), language)


def _configuration(data: bytes) -> None:
    fuzz_targets.configuration(data[1:], toml=bool(data and data[0] % 2))


TARGETS: dict[str, Callable[[bytes], None]] = {
    "yaml": fuzz_targets.yaml_file,
    "claim": fuzz_targets.claim_file,
    "configuration": _configuration,
    "figure": _figure,
    "expression": lambda data: fuzz_targets.expression(_text(data)),
}


def _seeds(target: str) -> list[bytes]:
    """Inputs to start from: the bundled claims, configurations and figures."""
    claims = sorted((PROJECT / "claims").rglob("*.yaml"))
    if target in ("yaml", "claim"):
        return [path.read_bytes() for path in claims]
    if target == "configuration":
        return [
            b"\x00select: [FC0, FC1]\nrounding: half-up\nrules:\n  FC101: {level: warning}\n",
            b'\x01[tool.factcheck]\nignore = ["FC107"]\n[tool.factcheck.rules.FC001]\n'
            b"ignore-case = true\n",
        ]
    if target == "figure":
        return [b"\x00rund 13,4 Mio. \xe2\x82\xac", b"\x01over 5,000", b"\x0050 von 54"]
    return [b"budget / kinder", b"(a + b) * 2 - c", b"a <= b"]


def main() -> None:
    """Run the target named first on the command line, with libFuzzer's arguments."""
    if len(sys.argv) < 2 or sys.argv[1] not in TARGETS:
        sys.exit(f"usage: run_atheris.py {{{','.join(TARGETS)}}} [libFuzzer options]")
    target = sys.argv.pop(1)
    arguments = [sys.argv[0], "-timeout=2", "-rss_limit_mb=1024", *sys.argv[1:]]
    if not any(not argument.startswith("-") for argument in arguments[1:]):
        corpus = HERE / "corpus" / target
        corpus.mkdir(parents=True, exist_ok=True)
        for index, seed in enumerate(_seeds(target)):
            (corpus / f"seed-{index}").write_bytes(seed)
        arguments.append(str(corpus))
    atheris.Setup(arguments, TARGETS[target])
    atheris.Fuzz()


if __name__ == "__main__":
    main()
