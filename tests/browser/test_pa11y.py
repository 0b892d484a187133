"""A second accessibility engine beside axe: pa11y with HTML_CodeSniffer, WCAG 2 AA, every page.

npm `pa11y` (pinned in package.json, installed with PUPPETEER_SKIP_DOWNLOAD=1) drives Debian's
Chromium; tests/browser/pa11y.mjs audits every URL in one browser, through the same server as the
other browser tests (gzip, each language's 404 page).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.browser.visitor import all_pages
from tests.conftest import ROOT
from tools.browser import CHROMIUM, CHROMIUM_ARGS, serve

RUNNER = Path(__file__).with_name("pa11y.mjs")
STANDARD = "WCAG2AA"
TABS = 3  # pages audited at once in the one browser (most of a page's time is waiting)

# Errors kept, each as (HTML_CodeSniffer's code, a piece of the markup it points at) -> why.
# Only Material's own markup belongs here, never our templates: fix ours instead.
ALLOWED: dict[tuple[str, str], str] = {
    (
        "WCAG2AA.Principle3.Guideline3_2.3_2_2.H32.2",
        'class="md-search__form"',
    ): "Material's search form has no submit button by design: results appear as you type and Enter "
    "opens the first one. A static site has nothing to submit to, and a submit button would only "
    "reload the page. Nothing changes context on input, which is what WCAG 3.2.2 guards against.",
}


def audit(urls: list[str]) -> dict[str, list[dict]]:
    """pa11y's errors per URL (warnings and notices left out, as in pa11y's own default)."""
    if shutil.which("node") is None or not (ROOT / "node_modules" / "pa11y").is_dir():
        pytest.fail("no node or no node_modules/pa11y: `make test` installs the npm packages (npm ci)")
    request = {"urls": urls, "standard": STANDARD, "executablePath": CHROMIUM, "args": CHROMIUM_ARGS, "tabs": TABS}
    done = subprocess.run(
        ["node", str(RUNNER)], input=json.dumps(request), capture_output=True, text=True, cwd=ROOT, timeout=600
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return {
        url: [issue for issue in issues if issue["type"] == "error"] for url, issues in json.loads(done.stdout).items()
    }


def allowed(issue: dict) -> bool:
    return any(issue["code"] == code and marker in issue["context"] for code, marker in ALLOWED)


@pytest.fixture(scope="module")
def results(site, base_url, tmp_path_factory) -> dict[str, dict[str, list[dict]]]:
    """pa11y's errors for every page and for a broken page, from one run (one browser)."""
    broken = tmp_path_factory.mktemp("broken")
    page = (site / "index.html").read_text(encoding="utf-8")
    (broken / "index.html").write_text(page.replace("</article>", '<img src="x.png"></article>', 1), encoding="utf-8")
    pages = [base_url + path for _, path in all_pages()]
    with serve(broken) as broken_url:
        found = audit(pages + [broken_url + "/"])
    return {"site": {url: found[url] for url in pages}, "broken": found[broken_url + "/"]}


def test_pa11y_finds_no_wcag_aa_error_on_any_page(base_url, results):
    pages = results["site"]
    problems = [
        f"{url.removeprefix(base_url)}: {issue['code']}: {issue['message']} at {issue['context'][:120]!r}"
        for url, issues in pages.items()
        for issue in issues
        if not allowed(issue)
    ]
    print(
        f"\npa11y (HTML_CodeSniffer, {STANDARD}): {len(pages)} pages, "
        f"{sum(map(len, pages.values()))} errors, {len(problems)} outside the allowlist"
    )
    assert problems == [], "\n".join(problems)


def test_pa11y_would_report_an_error(results):
    """The audit can fail: a real page with an image without alternative text is reported."""
    assert any("H37" in issue["code"] for issue in results["broken"]), results["broken"]
