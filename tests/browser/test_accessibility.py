"""WCAG 2.2 AA on every built page, both languages, at a desktop and a phone width.

axe-core (node_modules/axe-core/axe.min.js, evaluated in the page: no request) audits each page; the
keyboard tests press Tab as a visitor would. One browser context per width serves every page.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import AXE
from tests.browser.visitor import all_pages

WIDTHS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 360, "height": 740}}
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# Rules switched off, each with its reason. None so far: every rule of the five tags applies.
EXCLUDED_RULES: dict[str, str] = {}
SKIP_TEXT = {"da": "Gå til indhold", "en": "Skip to content"}


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.is_file():
        pytest.fail(f"no {AXE}: `make test` installs the npm packages (npm ci)")
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="module", params=list(WIDTHS))
def tab(request, browser):
    """One page per width, reused for every URL; yields (width name, page)."""
    context = browser.new_context(viewport=WIDTHS[request.param])
    page = context.new_page()
    yield request.param, page
    context.close()


@pytest.fixture(scope="module")
def desktop(browser):
    """A desktop-width page for the keyboard tests: keyboard users are at a keyboard."""
    context = browser.new_context(viewport=WIDTHS["desktop"])
    yield context.new_page()
    context.close()


def audit(page, axe_source: str) -> list[dict]:
    # Evaluated through the DevTools protocol, not added as a <script>: the page's Content Security Policy
    # rightly refuses an inline script it has no hash for.
    page.evaluate(axe_source + "\n;void 0")
    result = page.evaluate(
        """([tags, off]) => axe.run(document, {
             runOnly: {type: "tag", values: tags},
             rules: Object.fromEntries(off.map(rule => [rule, {enabled: false}])),
             resultTypes: ["violations"],
           })""",
        [WCAG_TAGS, list(EXCLUDED_RULES)],
    )
    return result["violations"]


def test_axe_finds_no_wcag_22_aa_violation_on_any_page(site, base_url, tab, axe_source):
    width, page = tab
    audited, problems = 0, []
    for _lang, path in all_pages():
        page.goto(base_url + path, wait_until="load")
        for violation in audit(page, axe_source):
            targets = [" ".join(node["target"]) for node in violation["nodes"]][:3]
            problems.append(
                f"{path} ({width}): {violation['id']} ({violation['impact']}): {violation['help']} at {targets}"
            )
        audited += 1
    print(f"\naxe, {width}: {audited} pages audited, {len(problems)} violations")
    assert audited >= 6
    assert problems == [], "\n".join(problems)


def test_axe_would_report_a_violation(base_url, tab, axe_source):
    """The audit itself works: an image without alternative text on a real page is reported."""
    _, page = tab
    page.goto(base_url + "/")
    page.evaluate("document.querySelector('article').append(document.createElement('img'))")
    assert "image-alt" in [violation["id"] for violation in audit(page, axe_source)]


def test_the_first_tab_reaches_the_skip_link_which_leads_into_the_content(site, base_url, desktop):
    page = desktop
    for lang, path in all_pages():
        page.goto(base_url + path)
        page.keyboard.press("Tab")
        focused = page.evaluate("""() => {
            const el = document.activeElement;
            return {text: el.textContent.trim(), href: el.getAttribute("href")};
        }""")
        assert focused["text"] == SKIP_TEXT[lang], f"{path}: the first Tab reached {focused}"
        assert focused["href"] == "#ip-content", path
        skip = page.locator("a.ip-skip")
        expect(skip).to_be_focused()
        expect(skip).to_have_css("opacity", "1")  # it fades in on focus: shown, not only focusable
        expect(skip).to_be_in_viewport()
        page.keyboard.press("Enter")
        page.keyboard.press("Tab")
        inside = page.evaluate("document.getElementById('ip-content').contains(document.activeElement)")
        assert inside, f"{path}: after the skip link, Tab left the content"


def focus_styles(page) -> dict:
    return page.evaluate("""() => {
        const el = document.activeElement, style = getComputedStyle(el);
        return {element: el.outerHTML.slice(0, 80), outline: style.outlineStyle,
                width: parseFloat(style.outlineWidth), shadow: style.boxShadow};
    }""")


@pytest.mark.parametrize("path", ["/", "/en/rejsetyper/", "/tjeklister/praktikant/", "/en/privatliv/"])
def test_every_tab_stop_shows_where_the_focus_is(site, base_url, desktop, path):
    page = desktop
    page.goto(base_url + path)
    for _ in range(25):
        page.keyboard.press("Tab")
        focus = focus_styles(page)
        if focus["element"].startswith("<body"):
            break
        # Hidden controls (a drawer's checkbox) take focus invisibly; everything visible shows it.
        if not page.evaluate("document.activeElement.getClientRects().length > 0"):
            continue
        shown = (focus["outline"] != "none" and focus["width"] >= 2) or focus["shadow"] != "none"
        assert shown, f"{path}: no visible focus on {focus['element']}"
