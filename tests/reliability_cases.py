"""The reliability suite's cases: bad input, each run through ``factcheck verify`` in a child
process with its time and memory measured.

Each case writes its files into a fresh copy of the bundled corpus and says what a user
must see: the exit code and one line naming the file (and line and column where there is
one) with what was wrong. The bundled claims stay in the copy, so every case also shows
that the good claims are still checked and reported beside the bad input.

``tests/test_reliability.py`` asserts every case; ``scripts/reliability.py`` prints the
table of figures that ``docs/reliability.md`` holds. Both run :func:`run_all`.
"""

from __future__ import annotations

import codecs
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
CORPUS = PROJECT / "claims"
SLUG = "nrw-spd-faktencheck-integration"
#: Where the bad files go, as the child prints it (it runs in the copy's parent folder).
FOLDER = f"claims/{SLUG}"
#: A good claim of the bundled corpus that must be reported whatever else is in the folder.
GOOD_CLAIM = "komm-an-budget"

#: The issue's bound: every case is done within this many seconds of processor time.
CPU_SECONDS = 2.0
#: A child still running after this many seconds on the clock has hung. It is generous, as
#: CI machines are shared; the processor-time bound above is the one that must hold.
WALL_SECONDS = 20.0
#: The most memory a child may use (its largest resident set), in bytes.
MAX_RSS = 256 * 1024 * 1024
#: The address space a child is allowed, so a runaway allocation fails in the child
#: instead of taking the machine's memory.
ADDRESS_SPACE = 2 * 1024 * 1024 * 1024

CATEGORIES = (
    "YAML",
    "encodings",
    "numbers and expressions",
    "paths",
    "configuration",
    "reference files",
)


@dataclass(frozen=True)
class Case:
    """One bad input and what ``factcheck verify`` must say about it.

    ``build`` writes the input into the source folder of a corpus copy and returns the
    path whose size is the input's size. ``where`` is the location the message starts
    with (relative to the folder the child runs in), ``says`` a part of the message after
    it. A case that must simply work has ``code`` 0 and ``says`` the claim's verdict line.
    ``others_checked`` is False where nothing can be checked, as with a configuration that
    cannot be read: the rules it sets would be unknown.
    """

    category: str
    name: str
    build: Callable[[Path], Path]
    where: str
    says: str
    code: int = 2
    others_checked: bool = True


@dataclass(frozen=True)
class Result:
    """What happened when a case ran: exit code, output, and what the child used."""

    case: Case
    code: int | None
    out: str
    err: str
    cpu_seconds: float
    wall_seconds: float
    max_rss: int
    input_bytes: int

    @property
    def hung(self) -> bool:
        """The child was stopped at the clock bound, or used more than its processor time."""
        return self.code is None or self.cpu_seconds > CPU_SECONDS

    @property
    def crashed(self) -> bool:
        """A traceback, a signal, or an exit code factcheck never gives."""
        if self.code is None:
            return False
        return "Traceback" in self.err or self.code not in (0, 1, 2)

    @property
    def message_line(self) -> str | None:
        """The output line with the expected location and message, if there is one. An
        input problem (exit 2) is one line, location first; a finding (exit 0 or 1) names its
        location on one line and says the rest there or below."""
        output = self.out + self.err
        if self.case.code == 2:
            start = f"{self.case.where}: "
            return next(
                (
                    line
                    for line in output.splitlines()
                    if start in line and self.case.says in line[line.index(start) :]
                ),
                None,
            )
        if self.case.says not in output:
            return None
        return next((line for line in output.splitlines() if self.case.where in line), None)

    @property
    def good_claim_reported(self) -> bool:
        """The bundled good claim was still checked and found consistent."""
        return any(
            line.strip() == f"{GOOD_CLAIM} consistent"
            for line in (self.out + self.err).splitlines()
        )

    @property
    def answered_right(self) -> bool:
        """The exit code, the message and the good claim are as the case expects."""
        return (
            self.code == self.case.code
            and self.message_line is not None
            and self.good_claim_reported == self.case.others_checked
            and self.max_rss <= MAX_RSS
        )


def claim_text(claim_id: str) -> str:
    """The bundled good claim's text under another id."""
    text = (CORPUS / SLUG / f"{GOOD_CLAIM}.yaml").read_text(encoding="utf-8")
    return text.replace(f"id: {GOOD_CLAIM}", f"id: {claim_id}")


def _write(folder: Path, name: str, data: str | bytes) -> Path:
    path = folder / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def _text(name: str, data: str | bytes) -> Callable[[Path], Path]:
    """A builder writing one file into the source folder."""
    return lambda folder: _write(folder, name, data)


def _claim(claim_id: str, body: str) -> Callable[[Path], Path]:
    """A builder writing a claim file whose first lines are the usual id, source, claim."""
    return _text(f"{claim_id}.yaml", f"id: {claim_id}\nsource: {SLUG}\nclaim: x\n{body}")


#: A figure ``total`` as the bundled claim writes it, as one line of a claim's figures.
FIGURE = (
    '  total: {quote: "Hierfür wurden 13,4 Millionen Euro veranschlagt", value: "13,4 Mio. €"}\n'
)


def _figure_value(claim_id: str, value: str) -> Callable[[Path], Path]:
    """A claim whose figure ``total`` has ``value`` (written as a quoted YAML text)."""
    return _claim(
        claim_id,
        "figures:\n"
        "  total:\n"
        '    quote: "Hierfür wurden 13,4 Millionen Euro veranschlagt"\n'
        f"    value: '{value}'\n",
    )


def _derived(claim_id: str, expression: str) -> Callable[[Path], Path]:
    """A claim with a ``derived`` check over ``expression``."""
    return _claim(
        claim_id,
        f"figures:\n{FIGURE}checks:\n  - derived: '{expression}'\n    expected: total\n",
    )


def _alias_bomb(folder: Path) -> Path:
    """The billion laughs: nine levels of nine aliases, a few hundred bytes."""
    return _write(folder, "bomb.yaml", ALIAS_BOMB + "\n")


def _deep_lists(folder: Path) -> Path:
    return _write(folder, "deep.yaml", "id: deep\nx: " + "[" * 10_000 + "]" * 10_000 + "\n")


def _deep_mappings(folder: Path) -> Path:
    return _write(folder, "deepmap.yaml", "id: deepmap\nx: " + "{a: " * 10_000 + "1" + "}" * 10_000)


def _fifty_megabytes(folder: Path) -> Path:
    path = folder / "huge.yaml"
    with path.open("w", encoding="utf-8") as out:
        out.write(claim_text("huge"))
        line = "# " + "x" * 98 + "\n"
        for _ in range(500_000):
            out.write(line)
    return path


def _binary(folder: Path) -> Path:
    noise = random.Random(7).randbytes(4096)
    return _write(folder, "binary.yaml", b"\x7fELF\x02\x01\x01\x00" + noise)


def _latin1(encoding: str, claim_id: str) -> Callable[[Path], Path]:
    text = claim_text(claim_id).replace("€", "EUR")
    if encoding == "cp1252":
        text = text.replace('"Hierfür', "„Hierfür")
    return _text(f"{claim_id}.yaml", text.encode(encoding))


def _utf16(codec: str, claim_id: str, bom: bool = True) -> Callable[[Path], Path]:
    data = claim_text(claim_id).encode(codec)
    if bom:
        data = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}.get(
            codec, b""
        ) + data
    return _text(f"{claim_id}.yaml", data)


def _source(slug: str, source_yaml: str, text: bytes | None = b"Ein Text.\n") -> Callable:
    """A builder for a second source folder beside the bundled one."""

    def build(folder: Path) -> Path:
        other = folder.parent / slug
        other.mkdir()
        if text is not None:
            (other / "source.txt").write_bytes(text)
        return _write(other, "source.yaml", source_yaml)

    return build


def _source_yaml(text_line: str) -> str:
    return f"title: T\npublisher: P\nlanguage: de\ntext: {text_line}\n"


def _with_text(slug: str, text: bytes) -> Callable[[Path], Path]:
    """A second source whose archived text is ``text``; its size is the input's size."""

    def build(folder: Path) -> Path:
        _source(slug, _source_yaml("source.txt"), text)(folder)
        return folder.parent / slug / "source.txt"

    return build


def _big_text(slug: str, size: int) -> Callable[[Path], Path]:
    def build(folder: Path) -> Path:
        _source(slug, _source_yaml("source.txt"), None)(folder)
        path = folder.parent / slug / "source.txt"
        with path.open("w", encoding="utf-8") as out:
            sentence = "Hierfür wurden 13,4 Millionen Euro veranschlagt. "
            out.write(sentence * (size // len(sentence) + 1))
        return path

    return build


def _quotes_against_big_text(folder: Path) -> Path:
    """A claim whose five long quotes are not in its 900 kB source: each is searched for the
    closest passage, the slowest thing a quote can ask for."""
    text = _big_text("big-quotes", 900_000)(folder)
    figures = "".join(
        f"  f{index}:\n    quote: '{'x' * index}{LONG_QUOTE}'\n    value: '13,4'\n"
        for index in range(5)
    )
    _write(text.parent, "far.yaml", f"id: far\nsource: big-quotes\nclaim: x\nfigures:\n{figures}")
    return text


def _bytes_name(folder: Path) -> Path:
    """A claim whose file name holds a byte that is not UTF-8 (as a Latin-1 system writes
    "ÿ")."""
    path = Path(os.fsdecode(os.fsencode(folder) + b"/\xff-bad.yaml"))
    path.write_text(claim_text("bad"), encoding="utf-8")
    return path


def _symlinked_text(target: str) -> Callable[[Path], Path]:
    def build(folder: Path) -> Path:
        _source("linked", _source_yaml("source.txt"), None)(folder)
        link = folder.parent / "linked" / "source.txt"
        link.symlink_to(target)
        return link

    return build


def _fifo_text(folder: Path) -> Path:
    _source("piped", _source_yaml("source.txt"), None)(folder)
    pipe = folder.parent / "piped" / "source.txt"
    os.mkfifo(pipe)
    return pipe


def _outside_file(folder: Path) -> Path:
    """A claim file outside the corpus copy (beside the claims/ folder)."""
    outside = folder.parent.parent / "outside.yaml"
    outside.write_text(claim_text("escaped"), encoding="utf-8")
    return outside


def _linked_claim(folder: Path) -> Path:
    link = folder / "escaped.yaml"
    link.symlink_to(_outside_file(folder))
    return link


def _linked_folder(folder: Path) -> Path:
    elsewhere = folder.parent.parent / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "escaped.yaml").write_text(claim_text("escaped"), encoding="utf-8")
    link = folder / "more"
    link.symlink_to(elsewhere, target_is_directory=True)
    return link


def _config(name: str, data: str | bytes, *more: tuple[str, str | bytes]) -> Callable:
    """A builder writing a configuration file, and any files it names, into the project."""

    def build(folder: Path) -> Path:
        for other, text in more:
            _write(folder.parent.parent, other, text)
        return _write(folder.parent.parent, name, data)

    return build


def _lexicon(data: str | bytes) -> Callable[[Path], Path]:
    """A builder for a configuration whose German lexicon is ``data``; the lexicon is the
    input whose size counts."""

    def build(folder: Path) -> Path:
        _write(folder.parent.parent, CONFIG, "lexicon: {de: lexicon-de.yaml}\n")
        return _write(folder.parent.parent, "lexicon-de.yaml", data)

    return build


def _reference(data: str | bytes) -> Callable[[Path], Path]:
    """A builder writing a bad file of reference facts beside the bundled ones."""
    return lambda folder: _write(folder.parent / "references", "bad.yaml", data)


def _big(prefix: str, line: str, lines: int = 500_000) -> bytes:
    """A file of about 50 MB: ``prefix`` and then ``line`` over and over."""
    return prefix.encode("utf-8") + line.encode("utf-8") * lines


def _linked_reference(folder: Path) -> Path:
    link = folder.parent / "references" / "link.yaml"
    link.symlink_to(_outside_file(folder))
    return link


def _works(name: str, builder: Callable[[Path], Path], claim_id: str) -> Case:
    """An encoding case that must simply work: the claim is read and found consistent."""
    return Case("encodings", name, builder, claim_id, f"{claim_id} consistent", 0)


def _crlf_with_bom(folder: Path) -> Path:
    text = "\ufeff" + claim_text("crlf-bom") + "unknwon: 1\n"
    return _write(folder, "crlf-bom.yaml", text.replace("\n", "\r\n"))


def _crlf_text(folder: Path) -> Path:
    text = (CORPUS / SLUG / "source.txt").read_bytes().replace(b"\n", b"\r\n")
    return _write(folder, "source.txt", codecs.BOM_UTF8 + text)


Y = "YAML"
E = "encodings"
N = "numbers and expressions"
P = "paths"
F = FOLDER
MEGABYTE = "m" * 1_000_000
LONG_QUOTE = "Millionen " * 999 + "x"

R = "reference files"
CONFIG = ".factcheck.yaml"
TOML = "pyproject.toml"
REFS = "claims/references"
ALIAS_BOMB = "\n".join(
    ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    + [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 10)]
)


def config_case(name: str, build: Callable[[Path], Path], where: str, says: str) -> Case:
    """A configuration case: exit 2 and nothing checked, as the rules it sets are unknown."""
    return Case("configuration", name, build, where, says, 2, others_checked=False)


# One case a row: category, name, what is written, where the message points, what it says
# (and the exit code where it is not 2).
# fmt: off
CASES: tuple[Case, ...] = (
    Case(Y, "syntax: an unclosed list", _text("syntax.yaml", "id: syntax\nsource: [x\n"),
         f"{F}/syntax.yaml:3:1", "YAML syntax error: did not find expected ',' or ']'"),
    Case(Y, "syntax: a mapping after a text", _text("indent.yaml", "id: indent\n  source: x\n"),
         f"{F}/indent.yaml:2:9", "YAML syntax error: mapping values are not allowed"),
    Case(Y, "syntax: an unclosed quote", _text("quote.yaml", 'id: quote\nclaim: "x\n'),
         f"{F}/quote.yaml:3:1", "YAML syntax error: found unexpected end of stream"),
    Case(Y, "wrong type: a list, not a claim", _text("list.yaml", "- id: list\n- claim: x\n"),
         f"{F}/list.yaml:1:1", "expected a claim as a mapping, found a list"),
    Case(Y, "wrong type: a text, not a claim", _text("plain.yaml", "just a sentence\n"),
         f"{F}/plain.yaml:1:1", "expected a claim as a mapping, found a text"),
    Case(Y, "wrong type: id is a mapping", _text("idmap.yaml", "id: {a: b}\nsource: x\nclaim: x\n"),
         f"{F}/idmap.yaml:1:5", "the claim's 'id' must be a text, found a mapping"),
    Case(Y, "wrong type: figures is a list", _claim("figlist", "figures: [a, b]\n"),
         f"{F}/figlist.yaml:4:10", "expected 'figures' as a mapping, found a list"),
    Case(Y, "wrong type: checks is a mapping", _claim("checkmap", "checks: {sum: a}\n"),
         f"{F}/checkmap.yaml:4:9", "'checks' must be a list, found a mapping"),
    Case(Y, "wrong type: a key is a list", _text("listkey.yaml", "id: listkey\n[a, b]: c\n"),
         f"{F}/listkey.yaml:2:1", "a key must be a plain text"),
    Case(Y, "missing key: no claim", _text("noclaim.yaml", f"id: noclaim\nsource: {SLUG}\n"),
         f"{F}/noclaim.yaml:1:1", "the claim has no 'claim'"),
    Case(Y, "missing key: a figure without value",
         _claim("novalue", "figures:\n  total: {quote: Hierfür}\n"),
         f"{F}/novalue.yaml:5:10", "figure 'total' has no 'value'"),
    Case(Y, "unknown key: a misspelt key", _claim("misspelt", "figrues: {}\n"),
         f"{F}/misspelt.yaml:4:1", "unknown key 'figrues' in the claim (did you mean 'figures'?)"),
    Case(Y, "unknown key: in a check",
         _claim("checkkey", f"figures:\n{FIGURE}checks:\n  - sum: [total]\n    equal: total\n"),
         f"{F}/checkkey.yaml:8:12", "unknown key 'equal' in a 'sum' check (did you mean"),
    Case(Y, "duplicate keys", _text("dup.yaml", f"id: dup\nsource: {SLUG}\nclaim: a\nclaim: b\n"),
         f"{F}/dup.yaml:4:1", "duplicate key 'claim' (first at line 3)"),
    Case(Y, "tabs for indentation", _text("tabs.yaml", "id: tabs\nfigures:\n\ttotal: x\n"),
         f"{F}/tabs.yaml:3:1", "YAML indents with spaces, not tabs"),
    Case(Y, "an anchor and an alias", _text("alias.yaml", "id: &i alias\nsource: x\nclaim: *i\n"),
         f"{F}/alias.yaml:1:5", "YAML anchors and aliases (&name, *name) are not allowed"),
    Case(Y, "an alias bomb (billion laughs)", _alias_bomb,
         f"{F}/bomb.yaml:1:5", "YAML anchors and aliases (&name, *name) are not allowed"),
    Case(Y, "10,000-deep nested lists", _deep_lists,
         f"{F}/deep.yaml:2:1003", "exceeded maximum nesting depth (1000 levels)"),
    Case(Y, "10,000-deep nested mappings", _deep_mappings,
         f"{F}/deepmap.yaml:2:4000", "YAML syntax error: exceeded maximum nesting depth"),
    Case(Y, "an empty file", _text("empty.yaml", ""),
         f"{F}/empty.yaml:1:1", "the file is empty; expected a YAML mapping"),
    Case(Y, "only a comment", _text("comment.yaml", "# nothing yet\n\n"),
         f"{F}/comment.yaml:1:1", "the file is empty; expected a YAML mapping"),
    Case(Y, "two documents", _text("two.yaml", "id: a\n---\nid: b\n"),
         f"{F}/two.yaml:2:1", "YAML syntax error: but found another document"),
    Case(Y, "a control character", _text("control.yaml", "id: control\nclaim: a\x07b\n"),
         f"{F}/control.yaml:2:9", "the character U+0007 is not allowed in YAML"),
    Case(Y, "a control character written as an escape", _text("esc.yaml", 'claim: "a\\e[2Jb"\n'),
         f"{F}/esc.yaml:1:8", "the value holds the control character U+001B, written as an"),
    Case(Y, "a 50 MB file", _fifty_megabytes,
         f"{F}/huge.yaml", "the file is 50,500,660 bytes; factcheck reads files of at most 1,"),
    Case(Y, "a binary file", _binary,
         f"{F}/binary.yaml", "a binary file, not text (a NUL byte at offset 7)"),
    Case(Y, "a bad source.yaml beside a good one", _source("other", "title: [T\n"),
         "claims/other/source.yaml:2:1", "YAML syntax error"),
    Case(Y, "a source.yaml without text", _source("notext", "title: T\npublisher: P\n"),
         "claims/notext/source.yaml:1:1", "the source has no 'language'"),
    Case(E, "a Latin-1 claim", _latin1("latin-1", "latin"),
         f"{F}/latin.yaml:6:18", "not UTF-8 text: byte 0xfc (offset 186) cannot stand here in "
         "UTF-8; in Latin-1 or Windows-1252 it is 'ü'"),
    Case(E, "a Windows-1252 claim", _latin1("cp1252", "windows"),
         f"{F}/windows.yaml:6:12", "in Latin-1 or Windows-1252 it is '„'"),
    Case(E, "a UTF-16 claim with its byte-order mark", _utf16("utf-16", "sixteen"),
         f"{F}/sixteen.yaml", "the file is UTF-16 text (it starts with the byte-order mark FF FE)"),
    Case(E, "a big-endian UTF-16 claim", _utf16("utf-16-be", "big"),
         f"{F}/big.yaml", "the file is UTF-16 text (it starts with the byte-order mark FE FF)"),
    Case(E, "a UTF-16 claim without byte-order mark", _utf16("utf-16-le", "nobom", bom=False),
         f"{F}/nobom.yaml", "UTF-16 text without a byte-order mark (little-endian)"),
    Case(E, "a UTF-32 claim", _utf16("utf-32", "wide"),
         f"{F}/wide.yaml", "the file is UTF-32 text"),
    Case(E, "a cut UTF-8 sequence", _text("cut.yaml", b"id: cut\nclaim: Gr\xc3\n"),
         f"{F}/cut.yaml:2:10", "not UTF-8 text: byte 0xc3 (offset 17)"),
    Case(E, "a Latin-1 source text", _with_text("latin-text", "Förderung\n".encode("latin-1")),
         "claims/latin-text/source.txt:1:2", "not UTF-8 text: byte 0xf6"),
    Case(E, "terminal escapes in a source text",
         _with_text("escapes", "Förderung\n\x1b]0;title\x07\x1b[2J 5 Mio. €\n".encode()),
         "claims/escapes/source.txt:2:1", "the control character U+001B cannot stand in a"),
    _works("a UTF-8 byte-order mark", _text("bom.yaml", "\ufeff" + claim_text("bom")), "bom"),
    _works("CRLF line ends", _text("crlf.yaml", claim_text("crlf").replace("\n", "\r\n")), "crlf"),
    _works("CR line ends", _text("cr.yaml", claim_text("cr").replace("\n", "\r")), "cr"),
    _works("a source text with a byte-order mark and CRLF", _crlf_text, GOOD_CLAIM),
    Case(E, "CRLF and a byte-order mark keep line numbers", _crlf_with_bom,
         f"{F}/crlf-bom.yaml:20:1", "unknown key 'unknwon' in the claim"),
    Case(N, "a 10,000-digit value", _figure_value("digits", "9" * 10_000),
         f"{F}/digits.yaml:7:12", "figure 'total': a figure is at most 200 characters"),
    Case(N, "a 150-digit value", _figure_value("digits150", "9" * 150),
         f"{F}/digits150.yaml:7:12", "has more than 100 digits"),
    Case(N, "9**9**9 as a value", _figure_value("power", "9**9**9"),
         f"{F}/power.yaml:7:12", "cannot read '9**9**9' as a figure"),
    Case(N, "1e999999999 as a value", _figure_value("exponent", "1e999999999"),
         f"{F}/exponent.yaml:7:12", "cannot read '1e999999999' as a figure"),
    Case(N, "9**9**9 in an expression", _derived("powexpr", "9**9**9"),
         f"{F}/powexpr.yaml:7:14", "not an expression over figures: '**' is not allowed"),
    Case(N, "9^9^9 in an expression", _derived("caret", "9^9^9"),
         f"{F}/caret.yaml:7:14", "'^' is not allowed"),
    Case(N, "a function call in an expression", _derived("call", "pow(9)"),
         f"{F}/call.yaml:7:14", "function calls are not allowed"),
    Case(N, "a 400-digit number in an expression", _derived("longnum", "total * " + "9" * 400),
         f"{F}/longnum.yaml:7:5", "FC106", 1),
    Case(N, "a 10,000-digit number in an expression", _derived("hugenum", "9" * 10_000),
         f"{F}/hugenum.yaml:7:14", "an expression is at most 500 characters; this one has 10000"),
    Case(N, "10,000 nested parentheses", _derived("parens", "(" * 10_000 + "total" + ")" * 10_000),
         f"{F}/parens.yaml:7:14", "a value of 20,005 characters; a value is at most 10,000"),
    Case(N, "4,000 nested parentheses", _derived("parens4k", "(" * 4000 + "total" + ")" * 4000),
         f"{F}/parens4k.yaml:7:14", "an expression is at most 500 characters; this one has 8005"),
    Case(N, "60 nested parentheses", _derived("parens60", "(" * 60 + "total" + ")" * 60),
         f"{F}/parens60.yaml:7:14", "an expression nests at most 50 levels deep"),
    Case(N, "a megabyte-long value", _figure_value("longvalue", MEGABYTE),
         f"{F}/longvalue.yaml:7:12", "a value of 1,000,000 characters; a value is at most 10,000"),
    Case(N, "a megabyte-long expression", _derived("longexpr", MEGABYTE),
         f"{F}/longexpr.yaml:7:14", "a value of 1,000,000 characters"),
    Case(N, "a 10,000-character quote not in the source",
         _claim("longquote", f"figures:\n  total: {{quote: '{LONG_QUOTE}', value: '13,4'}}\n"),
         f"{F}/longquote.yaml:5:18", "is not in the source text", 1),
    Case(N, "five 10,000-character quotes against a 900 kB text", _quotes_against_big_text,
         "claims/big-quotes/far.yaml:6:12", "is not in the source text", 1),
    Case(P, "text: ../../etc/passwd", _source("up", _source_yaml("../../etc/passwd")),
         "claims/up/source.yaml:4:7", "the text file '../../etc/passwd' must lie in the source's"),
    Case(P, "text: an absolute path", _source("absolute", _source_yaml("/etc/passwd")),
         "claims/absolute/source.yaml:4:7", "the text file '/etc/passwd' must lie in the source's"),
    Case(P, "text: a symbolic link out", _symlinked_text("/etc/passwd"),
         "claims/linked/source.yaml:4:7", "the text file 'source.txt' must lie in the source's "
         "folder (it leads to /etc/passwd)"),
    Case(P, "text: a folder", _source("folder", _source_yaml(".")),
         "claims/folder", "not a regular file; expected a text file"),
    Case(P, "text: a named pipe", _fifo_text,
         "claims/piped/source.txt", "not a regular file; expected a text file"),
    Case(P, "a claim file linking out", _linked_claim,
         f"{F}/escaped.yaml", "a symbolic link to"),
    Case(P, "a folder linking out", _linked_folder,
         f"{F}/more", "a symbolic link to"),
    Case(P, "a file name that is not UTF-8", _bytes_name,
         f"{F}/\\xff-bad.yaml", "the file name is not UTF-8 text; rename the file"),
    Case(P, "a source text of 5 MB", _big_text("big-text", 5_000_000),
         "claims/big-text/source.txt", "factcheck reads files of at most 4,000,000 bytes"),
    Case(P, "a source text over a million characters", _big_text("long-text", 1_100_000),
         "claims/long-text/source.txt", "the text has 1,100,"),
    config_case(".factcheck.yaml: a syntax error", _config(CONFIG, "rounding: [half-up\n"),
                f"{CONFIG}:2:1", "YAML syntax error"),
    config_case(".factcheck.yaml: an unknown key", _config(CONFIG, "rouding: half-up\n"),
                f"{CONFIG}:1:1", "unknown key 'rouding' (did you mean 'rounding'?)"),
    config_case(".factcheck.yaml: a wrong type", _config(CONFIG, "rounding: [half-up]\n"),
                f"{CONFIG}:1:1", "rounding ['half-up'] is not a rounding convention"),
    config_case(".factcheck.yaml: an unknown rule", _config(CONFIG, "ignore: [FC9999]\n"),
                f"{CONFIG}:1:10", "unknown rule 'FC9999'"),
    config_case(".factcheck.yaml: duplicate keys", _config(CONFIG, "rounding: a\nrounding: b\n"),
                f"{CONFIG}:2:1", "duplicate key 'rounding' (first at line 1)"),
    Case("configuration", ".factcheck.yaml: an empty file, the defaults", _config(CONFIG, ""),
         GOOD_CLAIM, f"{GOOD_CLAIM} consistent", 0),
    config_case(".factcheck.yaml: an alias bomb", _config(CONFIG, ALIAS_BOMB),
                f"{CONFIG}:1:5", "YAML anchors and aliases (&name, *name) are not"),
    config_case(".factcheck.yaml: 999-deep nesting",
                _config(CONFIG, "select: " + "[" * 999 + "]" * 999),
                f"{CONFIG}:1:29", "the configuration nests deeper than 20 levels"),
    config_case(".factcheck.yaml: 10,000-deep nesting",
                _config(CONFIG, "x: " + "[" * 10_000 + "]" * 10_000),
                f"{CONFIG}:1:1003", "exceeded maximum nesting depth"),
    config_case(".factcheck.yaml: a binary file", _config(CONFIG, b"\x00\x01\x02" * 100),
                CONFIG, "a binary file, not text (a NUL byte at offset 0)"),
    config_case(".factcheck.yaml: Latin-1", _config(CONFIG, "rounding: h\xe4lf\n".encode("cp1252")),
                f"{CONFIG}:1:12", "not UTF-8 text: byte 0xe4"),
    config_case(".factcheck.yaml: UTF-16", _config(CONFIG, "rounding: x\n".encode("utf-16")),
                CONFIG, "the file is UTF-16 text"),
    config_case(".factcheck.yaml: 50 MB",
                _config(CONFIG, _big("rounding: half-up\n", "# " + "x" * 98 + "\n")),
                CONFIG, "the file is 50,500,018 bytes; factcheck reads files of at most"),
    config_case("pyproject.toml: a syntax error",
                _config(TOML, "[tool.factcheck]\nrounding = half\n"),
                f"{TOML}:2:12", "TOML syntax error"),
    config_case("pyproject.toml: duplicate keys",
                _config(TOML, '[tool.factcheck]\nrounding = "a"\nrounding = "b"\n'),
                f"{TOML}:3:15", "TOML syntax error: Cannot overwrite a value"),
    config_case("pyproject.toml: 10,000-deep arrays",
                _config(TOML, "[tool.factcheck]\nselect = " + "[" * 10_000 + "]" * 10_000 + "\n"),
                TOML, "the configuration nests deeper than 20 levels"),
    config_case("pyproject.toml: Latin-1",
                _config(TOML, '[tool.factcheck]\nrounding = "h\xe4lf"\n'.encode("latin-1")),
                f"{TOML}:2:14", "not UTF-8 text: byte 0xe4"),
    config_case("pyproject.toml: 50 MB",
                _config(TOML, _big("[tool.factcheck]\n", "# " + "x" * 98 + "\n")),
                TOML, "the file is 50,500,017 bytes; factcheck reads files of at most 1,"),
    config_case("lexicon: an alias bomb", _lexicon(ALIAS_BOMB),
                f"{CONFIG}:1:11", "lexicon.de: lexicon-de.yaml:1:5: YAML anchors and aliases"),
    config_case("lexicon: a fraction 1e999999999",
                _lexicon("fractions:\n  Drittel: 1e999999999\n"),
                f"{CONFIG}:1:11", "expected a fraction such as 1/3, found '1e999999999'"),
    config_case("lexicon: a scale 1e999999", _lexicon("scales:\n  Mio.: 1e999999\n"),
                f"{CONFIG}:1:11", "scale 'Mio.' must be a number over 0 and at most 10^30"),
    config_case("lexicon: an offset 1e999999",
                _lexicon("qualifiers:\n  rund: {step: written, lo: {offset: 1e999999, open: false},"
                         " hi: rounding}\n"),
                f"{CONFIG}:1:11", "expected 'rounding', 'unbounded' or {offset: NUMBER"),
    config_case("lexicon: a binary file", _lexicon(bytes(range(256))),
                f"{CONFIG}:1:11", "a binary file, not text"),
    Case(R, "references: a syntax error", _reference("language: de\nfacts: {x: [\n"),
         f"{REFS}/bad.yaml:3:1", "YAML syntax error"),
    Case(R, "references: facts as a list", _reference("language: de\nfacts: [a]\n"),
         f"{REFS}/bad.yaml:2:8", "expected 'facts' as a mapping, found a list"),
    Case(R, "references: a missing key", _reference("facts: {}\n"),
         f"{REFS}/bad.yaml:1:1", "the reference file has no 'language'"),
    Case(R, "references: duplicate facts", _reference("language: de\nfacts:\n  x: {}\n  x: {}\n"),
         f"{REFS}/bad.yaml:4:3", "duplicate key 'x' (first at line 3)"),
    Case(R, "references: a 10,000-digit value",
         _reference(f"language: de\nfacts:\n  x:\n    value: '{'9' * 10_000}'\n    "
                    "description: d\n    sources: [{title: t, publisher: p}]\n"),
         f"{REFS}/bad.yaml:4:12", "a figure is at most 200 characters"),
    Case(R, "references: an alias bomb", _reference(ALIAS_BOMB),
         f"{REFS}/bad.yaml:1:5", "YAML anchors and aliases (&name, *name) are not allowed"),
    Case(R, "references: a binary file", _reference(bytes(range(256)) * 4),
         f"{REFS}/bad.yaml", "a binary file, not text (a NUL byte at offset 0)"),
    Case(R, "references: Latin-1",
         _reference("language: de\nfacts:\n  gr\xf6\xdfe: {}\n".encode("cp1252")),
         f"{REFS}/bad.yaml:3:5", "not UTF-8 text: byte 0xf6"),
    Case(R, "references: 50 MB", _reference(_big("language: de\n", "# " + "x" * 98 + "\n")),
         f"{REFS}/bad.yaml", "the file is 50,500,013 bytes; factcheck reads files of at most 1,"),
    Case(R, "references: a symbolic link out", _linked_reference,
         f"{REFS}/link.yaml", "a symbolic link to"),
)
# fmt: on


def run_case(case: Case, workdir: Path) -> Result:
    """Build the case in a copy of the corpus under ``workdir`` and run ``verify`` on it."""
    corpus = workdir / "claims"
    shutil.copytree(CORPUS, corpus)
    built = case.build(corpus / SLUG)
    size = (
        built.lstat().st_size if built.is_symlink() or not built.is_file() else built.stat().st_size
    )
    return measure(factcheck_command("verify", "claims", "--format", "rich"), workdir, case, size)


# Runs factcheck as ``python -m factcheck`` does, in a child whose address space is capped
# and which writes its peak resident memory to a file at exit. The peak is read from
# /proc/self/status (VmHWM), which starts afresh at exec: the kernel's ru_maxrss would also
# count the pages the child shared with the test process before exec.
_CHILD = """
import atexit, resource, runpy, sys
limit = int(sys.argv.pop(1))
peak_file = sys.argv.pop(1)
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

def peak():
    kilobytes = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    try:
        with open("/proc/self/status") as status:
            kilobytes = next(int(l.split()[1]) for l in status if l.startswith("VmHWM:"))
    except (OSError, StopIteration):
        pass
    with open(peak_file, "w") as out:
        out.write(str(kilobytes * 1024))

atexit.register(peak)
sys.argv[0] = "factcheck"
runpy.run_module("factcheck", run_name="__main__", alter_sys=True)
"""


def factcheck_command(*args: str) -> list[str]:
    """The command :func:`measure` runs: ``factcheck ARGS`` in a measured child."""
    return [sys.executable, "-c", _CHILD, *args]


def measure(command: list[str], cwd: Path, case: Case, size: int) -> Result:
    """Run ``command`` (from :func:`factcheck_command`); stop it at the clock bound; return
    what it printed, with the processor time the kernel counted and its peak memory."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        peak_file = Path(tempfile.mkdtemp()) / "peak"
        command = [*command[:3], str(ADDRESS_SPACE), str(peak_file), *command[3:]]
        started = time.monotonic()
        child = subprocess.Popen(
            command,
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            env={**os.environ, "COLUMNS": "200", "PYTHONIOENCODING": "utf-8"},
        )
        code: int | None = None
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                code = os.waitstatus_to_exitcode(status)
                break
            if time.monotonic() - started > WALL_SECONDS:
                child.kill()
                _, _, usage = os.wait4(child.pid, 0)
                break
            time.sleep(0.01)
        child.returncode = code if code is not None else -9
        wall = time.monotonic() - started
        peak = int(peak_file.read_text()) if peak_file.exists() else usage.ru_maxrss * 1024
        shutil.rmtree(peak_file.parent)
        out.seek(0)
        err.seek(0)
        return Result(
            case,
            code,
            out.read().decode("utf-8", errors="replace"),
            err.read().decode("utf-8", errors="replace"),
            usage.ru_utime + usage.ru_stime,
            wall,
            peak,
            size,
        )


def run_all(cases: tuple[Case, ...] = CASES, workers: int = 2) -> list[Result]:
    """Run every case, each in its own folder and child process, ``workers`` at a time."""
    with tempfile.TemporaryDirectory() as top:

        def one(indexed: tuple[int, Case]) -> Result:
            index, case = indexed
            workdir = Path(top) / str(index)
            workdir.mkdir()
            return run_case(case, workdir)

        with ThreadPoolExecutor(workers) as pool:
            return list(pool.map(one, enumerate(cases)))


def _size(count: int) -> str:
    if count >= 1_000_000:
        return f"{count / 1_000_000:.1f} MB"
    if count >= 1_000:
        return f"{count / 1_000:.1f} kB"
    return f"{count} B"


def table(results: list[Result]) -> str:
    """The figures per category as a Markdown table: cases tried, crashes, hangs, wrong
    answers (exit code, message or the good claim not as expected), and the largest input
    handled. Counts and sizes only, so the table is the same on every run that passes."""
    lines = [
        "| category | cases | crashes | hangs | wrong answers | largest input handled |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for category in CATEGORIES:
        rows = [r for r in results if r.case.category == category]
        handled = [r.input_bytes for r in rows if not r.crashed and not r.hung]
        lines.append(
            f"| {category} | {len(rows)} | {sum(r.crashed for r in rows)} | "
            f"{sum(r.hung for r in rows)} | {sum(not r.answered_right for r in rows)} | "
            f"{_size(max(handled, default=0))} |"
        )
    handled = [r.input_bytes for r in results if not r.crashed and not r.hung]
    lines.append(
        f"| all | {len(results)} | {sum(r.crashed for r in results)} | "
        f"{sum(r.hung for r in results)} | {sum(not r.answered_right for r in results)} | "
        f"{_size(max(handled, default=0))} |"
    )
    return "\n".join(lines) + "\n"
