"""WCAG 2.2 for keyboard and phone users (issue 22): a focused control is never hidden, even partly,
behind the sticky header, tabbing forwards or backwards (2.4.11, aiming at 2.4.12), at a phone's and a
desktop's width; and no page scrolls sideways at 320 px (1.4.10), also with the text spacing of 1.4.12."""

from __future__ import annotations

import pytest

from tests.browser.visitor import all_pages
from tests.conftest import page_paths

WIDTHS = {"phone": 390, "desktop": 1280}
# One page of every kind: front page, role, phase, journey, travel types, small print, privacy, sign-up,
# checklists overview, checklist, worksheet, programme, agreement, Spredningsguiden, booklet, 404.
KINDS = [
    "",
    "bliv-praktikant/",
    "foer-praktikken/",
    "saadan-deltager-du/",
    "rejsetyper/",
    "det-med-smaat/",
    "privatliv/",
    "tilmelding/",
    "tjeklister/",
    "tjeklister/praktikant/",
    "tjeklister/spredningsguiden/",
    "tjeklister/program/",
    "tjeklister/praktikaftale/",
    "spredningsguiden/",
    "haefte/",
    "does-not-exist/",
]
MAX_STOPS = 400

# Where the focused element is, against the sticky header's bottom edge. Controls in the header itself,
# and those outside the window sideways (the phone's closed menu drawer), are not covered by it.
_FOCUS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const headerEl = document.querySelector('.md-header');
  const header = headerEl.getBoundingClientRect();
  const rect = el.getBoundingClientRect();
  // Covered: some of its top edge lies under the header (the header is what the eye sees there), or
  // above the window. The skip link is drawn over the header, not under it.
  const y = rect.top + 1;
  const xs = [rect.left + 1, (rect.left + rect.right) / 2, rect.right - 1]
    .filter(x => x >= 0 && x < window.innerWidth);
  const under = xs.some(x => {
    const top = y >= 0 && y < window.innerHeight ? document.elementFromPoint(x, y) : null;
    return top && headerEl.contains(top) && !top.closest('.md-search') && !el.contains(top);
  });
  return {
    covered: rect.bottom > 0 && (rect.top < 0 || under),
    element: el.outerHTML.slice(0, 90),
    inHeader: !!el.closest('.md-header, .md-search, .md-dialog'),
    shown: el.getClientRects().length > 0 && rect.width > 0 && rect.height > 0
           && rect.right > 0 && rect.left < window.innerWidth && getComputedStyle(el).visibility !== 'hidden',
    top: rect.top, bottom: rect.bottom, headerBottom: header.bottom,
  };
}"""


def hidden_stops(page, key: str) -> tuple[int, list[str]]:
    """Press `key` until focus leaves the page; the stops, and each one the header covered."""
    stops, covered, seen, first = 0, [], set(), None
    for _ in range(MAX_STOPS):
        page.keyboard.press(key)
        focus = page.evaluate(_FOCUS)
        if focus is None:
            break
        if focus["element"] in seen and stops > 3 and focus["element"] == first:
            break
        if stops == 0:
            first = focus["element"]
        seen.add(focus["element"])
        stops += 1
        if focus["shown"] and not focus["inHeader"] and focus["covered"]:
            covered.append(
                f"{focus['element']} (top {focus['top']:.0f} px, header ends at {focus['headerBottom']:.0f} px)"
            )
    return stops, covered


@pytest.mark.parametrize("width", list(WIDTHS))
def test_tabbing_forwards_and_backwards_never_hides_the_focus_behind_the_header(site, base_url, browser, width):
    context = browser.new_context(viewport={"width": WIDTHS[width], "height": 800})
    page = context.new_page()
    problems, total = [], 0
    for path in KINDS:
        page.goto(f"{base_url}/{path}")
        page.wait_for_load_state("networkidle")
        if path == "tilmelding/":  # the forms show once chosen
            page.locator("[data-signup-choice]").first.check()
        forward, covered = hidden_stops(page, "Tab")
        problems += [f"/{path} Tab: {c}" for c in covered]
        backward, covered = hidden_stops(page, "Shift+Tab")
        problems += [f"/{path} Shift+Tab: {c}" for c in covered]
        assert forward > 3 and backward > 3, f"/{path}: tabbing reached {forward} / {backward} stops"
        total += forward + backward
    context.close()
    print(f"\n{width}: {total} tab stops checked")
    assert problems == [], "\n".join(problems[:20])


# WCAG 1.4.12: what a reader's own style sheet may set; content must still work with it.
TEXT_SPACING = """* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
                     word-spacing: 0.16em !important; }
                  p { margin-bottom: 2em !important; }"""

_WIDER = """() => {
  const width = document.documentElement.clientWidth;
  const wider = document.documentElement.scrollWidth > width;
  const offenders = [...document.querySelectorAll('body *')].filter(el => {
    const rect = el.getBoundingClientRect();
    return rect.width > 0 && rect.right > width + 1 && !el.closest('.md-sidebar, .md-search, .md-dialog');
  }).slice(-3).map(el => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} (${
      Math.round(el.getBoundingClientRect().right)} px)`);
  return wider ? offenders.join(', ') || `page ${document.documentElement.scrollWidth} px` : null;
}"""


@pytest.mark.parametrize("spacing", [False, True], ids=["as-built", "text-spacing"])
def test_no_page_scrolls_sideways_at_320_px(site, base_url, browser, spacing):
    # The text spacing is a reader's style sheet: the page's Content Security Policy rightly refuses an
    # injected inline style, so this reader's browser lets it through (as an extension would).
    context = browser.new_context(viewport={"width": 320, "height": 700}, bypass_csp=spacing)
    page = context.new_page()
    problems, checked = [], 0
    for _lang, path in all_pages():
        page.goto(base_url + path, wait_until="load")
        if spacing:
            page.add_style_tag(content=TEXT_SPACING)
        views = [None] + list(range(page.locator("[data-signup-choice]").count()))
        for view in views:  # the sign-up page: each form, as chosen
            if view is not None:
                page.locator("[data-signup-choice]").nth(view).check()
            wider = page.evaluate(_WIDER)
            if wider:
                problems.append(f"{path}{'' if view is None else f' (form {view + 1})'}: {wider}")
        checked += 1
    context.close()
    assert checked >= len(page_paths("da"))
    assert problems == [], "\n".join(problems)
