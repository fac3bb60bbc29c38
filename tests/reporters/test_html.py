"""The HTML report: what the file holds, and what a person sees when Chromium renders it.

The browser tests open the page in headless Chromium (Debian's ``chromium``; ``.ci/run``
installs it), fail on any console error and on any request that would leave the page, and
take a screenshot. They are skipped only where Chromium is not installed, and say so.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from chromium import Chromium, find_chromium
from conftest import CORPUS, CORPUS_CLAIMS

from factcheck.engine import run
from factcheck.load import load_corpus
from factcheck.model import Finding, Location, Numbers, Outcome, Span
from factcheck.reporters.html import pictures, render

CHROMIUM = find_chromium()


@pytest.fixture(scope="module")
def browser():
    """One headless Chromium for the module's tests."""
    if CHROMIUM is None:
        pytest.skip(
            "Chromium is not installed here (apt-get install chromium); .ci/run installs it"
        )
    chromium = Chromium(CHROMIUM)
    yield chromium
    chromium.close()


def html_report(factcheck, claims: Path, out: Path, expected_code: int) -> str:
    """Run ``verify --format html --output-file`` and return the page."""
    run = factcheck("verify", claims, "--format", "html", "--output-file", out)
    assert run.code == expected_code, run.output
    assert run.out == ""
    return out.read_text(encoding="utf-8")


def open_clean(browser: Chromium, page_file: Path, **size):
    """Open the page and assert what must hold for every report: it rendered, logged no
    error, and asked for nothing but its own file."""
    page = browser.open(page_file, **size)
    assert page.console_errors == []
    assert page.refused == []
    assert page.requests == [page_file.resolve().as_uri()]
    assert page.evaluate("document.querySelectorAll('script, link, img, iframe').length") == 0
    return page


def failing_corpus(source_dir: Path) -> Path:
    """The bundled corpus with KOMM-AN's part for the centres changed from 4,2 to 4,9."""
    claim = source_dir / "komm-an-budget.yaml"
    claim.write_text(claim.read_text(encoding="utf-8").replace("value: 4,2", "value: 4,9"))
    return source_dir.parent


def test_bundled_corpus_report_holds_summary_verdicts_arithmetic_quotes_and_provenance(
    factcheck, tmp_path: Path
):
    page = html_report(factcheck, CORPUS, tmp_path / "report.html", 0)
    assert page.startswith("<!DOCTYPE html>")
    # The one warning: the release's 54 against the state's 31 Kreise and 22 kreisfreie
    # Städte (FC201, at the level its reference fact sets).
    assert "No check fails; 1 warns." in page
    assert f'<span class="n">{CORPUS_CLAIMS}</span>claims' in page
    assert '<article class="claim ok" id="komm-an-budget">' in page
    assert '<article class="claim nc" id="infrastruktur-kein-land">' in page
    assert "7,7 + 1,5 + 4,2 = 13,4 Mio. €" in page
    assert "„7,7 Millionen Euro zur Unterstützung des Ehrenamtes“" in page
    assert (
        "<cite>Faktencheck – Was NRW für die Integration tut.</cite>, Pressestelle der NRWSPD"
        in page
    )
    assert re.search(r"factcheck \d+\.\d+\.\d+ · generated <time datetime=\"\d{4}-\d\d-\d\dT", page)
    assert (
        'settings: <span class="settings">config=none, levels=defaults, lexicon=defaults, '
        "options=defaults, rounding=up-or-down, rules=all, strict=false</span>"
    ) in page


def test_report_loads_nothing_from_anywhere(factcheck, tmp_path: Path):
    page = html_report(factcheck, CORPUS, tmp_path / "report.html", 0)
    assert "default-src 'none'" in page
    for outside in ("<script", "<link", " src=", "url(", "@import", "@font-face"):
        assert outside not in page


def test_bundled_corpus_renders_in_chromium_without_errors(factcheck, browser, tmp_path: Path):
    report = tmp_path / "report.html"
    html_report(factcheck, CORPUS, report, 0)
    page = open_clean(browser, report)
    assert page.evaluate("document.title") == f"factcheck report: {CORPUS_CLAIMS} claims"
    verdict = "document.querySelector('#komm-an-budget .badge').textContent"
    assert page.evaluate(verdict) == "consistent"
    assert page.evaluate("document.querySelectorAll('#komm-an-budget svg.chart').length") == 4
    shot = page.screenshot(tmp_path / "report.png")
    assert shot.startswith(b"\x89PNG") and len(shot) > 50_000


def test_failing_fixture_renders_the_inconsistency_and_its_picture(
    factcheck, browser, source_dir: Path, tmp_path: Path
):
    report = tmp_path / "report.html"
    html = html_report(factcheck, failing_corpus(source_dir), report, 1)
    # The sum fails, and so does the value 4,9 against its quote, which still says 4,2.
    assert "2 checks fail." in html
    assert "7,7 + 1,5 + 4,9 = 14,1 Mio. €" in html
    assert "sum of the parts: 14,1 Mio. € (rounding allows 13,95 – 14,25 Mio. €)" in html
    page = open_clean(browser, report)
    claim = "document.querySelector('#komm-an-budget')"
    assert page.evaluate(f"{claim}.querySelector('.badge').textContent") == "inconsistent"
    assert page.evaluate(f"{claim}.querySelector('.check .outcome').textContent") == "✘ fail"
    # The stacked parts run past the dashed line that marks the stated total.
    parts_end, stated_end = page.evaluate(
        f"(() => {{ const svg = {claim}.querySelector('figure.stacked svg');"
        "const rects = svg.querySelectorAll('rect'); const last = rects[rects.length - 1];"
        "return [last.x.baseVal.value + last.width.baseVal.value,"
        " svg.querySelector('line.mark').x1.baseVal.value]; })()"
    )
    assert parts_end > stated_end + 10
    shot = page.screenshot(tmp_path / "failing.png")
    assert shot.startswith(b"\x89PNG")


def test_reads_on_a_phone_without_sideways_scrolling(factcheck, browser, tmp_path: Path):
    report = tmp_path / "report.html"
    html_report(factcheck, CORPUS, report, 0)
    page = open_clean(browser, report, width=360, height=740, mobile=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    widest_chart = page.evaluate(
        "Math.max(...[...document.querySelectorAll('svg.chart')]"
        ".map(s => s.getBoundingClientRect().right))"
    )
    assert widest_chart <= 360
    page.screenshot(tmp_path / "phone.png", full_page=False)


def test_print_lays_the_claims_list_out_in_two_columns_and_prints_to_pdf(
    factcheck, browser, tmp_path: Path
):
    report = tmp_path / "report.html"
    html_report(factcheck, CORPUS, report, 0)
    page = open_clean(browser, report)
    columns = "getComputedStyle(document.querySelector('.toc')).columnCount"
    assert page.evaluate(columns) == "auto"
    page.emulate_media("print")
    assert page.evaluate(columns) == "2"
    assert page.pdf().startswith(b"%PDF")


def test_input_problems_are_listed_with_file_and_line_and_other_claims_still_shown(
    factcheck, browser, source_dir: Path, tmp_path: Path
):
    (source_dir / "kita-plaetze.yaml").write_text("id: kita-plaetze\nfigures: [\n")
    report = tmp_path / "report.html"
    html = html_report(factcheck, source_dir.parent, report, 2)
    assert "Some input could not be used." in html
    assert re.search(r"<li><code>[^<]*kita-plaetze\.yaml:\d+:\d+: YAML syntax error", html)
    assert "7,7 + 1,5 + 4,2 = 13,4 Mio. €" in html
    page = open_clean(browser, report)
    assert page.evaluate("document.querySelectorAll('.problems li').length") == 1


def test_claim_text_is_escaped_and_unsafe_links_are_not_made(
    factcheck, browser, source_dir: Path, tmp_path: Path
):
    claim = source_dir / "komm-an-budget.yaml"
    text = claim.read_text(encoding="utf-8").replace(
        "claim: Das Programm", "claim: <script>console.error('x')</script><img src=x> Das Programm"
    )
    claim.write_text(text, encoding="utf-8")
    source = source_dir / "source.yaml"
    source.write_text(
        source.read_text(encoding="utf-8") + 'url: "javascript:console.error(1)"\n',
        encoding="utf-8",
    )
    report = tmp_path / "report.html"
    html = html_report(factcheck, source_dir.parent, report, 0)
    assert "&lt;script&gt;console.error(&#x27;x&#x27;)&lt;/script&gt;&lt;img src=x&gt;" in html
    assert 'href="javascript:' not in html
    page = open_clean(browser, report)
    shown = page.evaluate("document.querySelector('#komm-an-budget .claim-text').textContent")
    assert shown.startswith("<script>console.error('x')</script><img src=x> Das Programm")


def test_the_browser_check_catches_console_errors_and_requests_leaving_the_page(
    browser, tmp_path: Path
):
    bad = tmp_path / "bad.html"
    bad.write_text(
        '<!DOCTYPE html><title>bad</title><img src="http://example.invalid/x.png">'
        "<script>console.error('broken')</script>",
        encoding="utf-8",
    )
    page = browser.open(bad)
    assert page.refused == ["http://example.invalid/x.png"]
    assert "console: broken" in page.console_errors


def finding(numbers: Numbers, outcome: Outcome = Outcome.FAIL) -> Finding:
    """A finding as a rule and the engine would make it, carrying picture fields."""
    return Finding("FC000", "example", outcome, "c", Location("c.yaml", 1, 1), "m", numbers=numbers)


def test_share_finding_draws_a_filled_bar_with_its_threshold_marked():
    numbers = Numbers(
        part=Decimal(50), whole=Decimal(54), share=Decimal(50) / 54, threshold=Decimal("0.95")
    )
    html = pictures(finding(numbers), "de")
    assert "share: 50 von 54 = 92,6 %; threshold 95,0 %" in html
    filled = re.search(r'<rect class="bad" x="1.0" y="4" width="([\d.]+)"', html)
    threshold = re.search(r'<line class="threshold" x1="([\d.]+)"', html)
    assert filled and threshold
    assert float(filled.group(1)) == pytest.approx(598 * 50 / 54, abs=0.1)
    assert float(threshold.group(1)) == pytest.approx(1 + 598 * 0.95, abs=0.1)


def test_interval_bar_with_an_open_end_draws_an_arrow_to_the_edge():
    numbers = Numbers(
        intervals=(
            Span("stated", Decimal(5000), Decimal(5000), Decimal("Infinity"), "über 5.000"),
            Span("computed", Decimal(4800), Decimal(4750), Decimal(4850), "4.800"),
        )
    )
    html = pictures(finding(numbers, Outcome.PASS), "de")
    assert html.count('class="row-label"') == 2
    assert "stated: über 5.000" in html
    assert '<path class="ok" d="M 598.0 14 l -10 -10 v 20 z"/>' in html


def test_share_bar_renders_in_chromium_filled_to_the_share_with_the_threshold_marked(
    browser, tmp_path: Path
):
    report = run(load_corpus([CORPUS]))
    share = Numbers(
        part=Decimal(50), whole=Decimal(54), share=Decimal(50) / 54, threshold=Decimal("0.9")
    )
    results = tuple(
        replace(r, findings=(*r.findings, replace(finding(share, Outcome.PASS), consistency=True)))
        if r.claim.id == "ki-50-von-54"
        else r
        for r in report.results
    )
    page_file = tmp_path / "share.html"
    with page_file.open("w", encoding="utf-8") as out:
        render(replace(report, results=results), out)
    page = open_clean(browser, page_file)
    fill, track_left, track_width, line = page.evaluate(
        "(() => { const svg = document.querySelector('#ki-50-von-54 figure.share svg');"
        "const box = e => e.getBoundingClientRect();"
        "const track = box(svg.querySelector('rect.track'));"
        "const l = box(svg.querySelector('line.threshold'));"
        "return [box(svg.querySelector('rect.ok')).width, track.left, track.width,"
        " l.left + l.width / 2]; })()"
    )
    assert fill / track_width == pytest.approx(50 / 54, abs=0.01)
    assert (line - track_left) / track_width == pytest.approx(0.9, abs=0.01)
    label = page.evaluate(
        "document.querySelector('#ki-50-von-54 figure.share .row-label').textContent"
    )
    assert label == "share: 50 von 54 = 92,6 %; threshold 90,0 %"


def test_a_finding_without_picture_fields_draws_nothing():
    assert pictures(finding(Numbers(stated=Decimal(1), computed=Decimal(2))), "de") == ""
