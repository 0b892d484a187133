"""A participant ticks a checklist on screen, comes back to it, resets it and prints it."""

from __future__ import annotations

import html
import re

import markdown
import pytest

from guide.content import load_content
from tests.conftest import ROOT

CONTENT = load_content(ROOT)
ROLES = ("praktikant", "praktikvaert", "afgivende-arbejdsplads")
PREFIX = "ipraktik:tjek:"
PROGRESS = {"da": "{done} af {total} punkter", "en": "{done} of {total} items"}
MAX_PAGES = {"praktikant": 3}  # the intern's checklist, printed on A4


def role_items(role: str, kind: str) -> list:
    return [
        item
        for phase in CONTENT["advice"]["phases"]
        for group in phase[kind]
        if group["role"] == role
        for item in group["items"]
    ]


def plain(text: str) -> str:
    """What a reader sees of a text with inline Markdown (a link shows its words only)."""
    return html.unescape(re.sub(r"<[^>]+>", "", markdown.markdown(text)))


def url(base_url: str, lang: str, role: str) -> str:
    return f"{base_url}{'/en' if lang == 'en' else ''}/tjeklister/{role}/"


def stored(page) -> dict:
    return page.evaluate("() => Object.fromEntries(Object.entries(localStorage))")


@pytest.mark.parametrize("lang", ["da", "en"])
def test_ticks_survive_a_reload_and_reset_clears_them(watched, lang):
    page = watched.page
    items = role_items("praktikant", "advice")
    # The second is ticked by a click on its label's text: the last item whose text holds no link (a click on a
    # link follows the link, as it should).
    first, second = items[0], next(item for item in reversed(items[1:]) if "](" not in item["text"][lang])
    page.goto(url(watched.base_url, lang, "praktikant"))
    progress = page.locator("[data-ip-progress]")
    assert progress.inner_text() == PROGRESS[lang].format(done=0, total=len(items))
    page.get_by_role("checkbox", name=plain(first["text"][lang]), exact=True).check()
    page.locator(f"label[for='tjek-{second['id']}']").click()
    page.reload()
    assert page.locator(f"#tjek-{first['id']}").is_checked()
    assert page.locator(f"#tjek-{second['id']}").is_checked()
    assert progress.inner_text() == PROGRESS[lang].format(done=2, total=len(items))
    assert stored(page) == {PREFIX + first["id"]: "1", PREFIX + second["id"]: "1"}
    assert page.context.cookies() == []
    questions = []
    page.once("dialog", lambda dialog: (questions.append(dialog.message), dialog.accept()))
    page.get_by_role("button", name={"da": "Nulstil", "en": "Reset"}[lang], exact=True).click()
    assert questions == [CONTENT["site"]["ui"]["checklist_reset_confirm"][lang]]
    assert page.locator("input[data-ip-item]:checked").count() == 0
    assert progress.inner_text() == PROGRESS[lang].format(done=0, total=len(items))
    page.reload()
    assert page.locator("input[data-ip-item]:checked").count() == 0
    assert stored(page) == {}


def test_a_tick_saved_under_a_renamed_items_former_id_moves_to_the_new_id(watched):
    """As after a rename in published-ids.yml: the page names the item's former id (data-ip-was), and the tick
    a visitor saved under it shows, moved to the new id's key."""
    page = watched.page
    first = role_items("praktikant", "advice")[0]["id"]
    address = url(watched.base_url, "da", "praktikant")

    def renamed(route):
        body = route.fetch().text().replace(f'data-ip-item="{first}"', f'data-ip-item="{first}" data-ip-was="gl-id"')
        route.fulfill(body=body, content_type="text/html; charset=utf-8")

    page.goto(address)
    page.evaluate(f"() => localStorage.setItem('{PREFIX}gl-id', '1')")
    page.route(address, renamed)
    page.reload()
    assert page.locator(f"#tjek-{first}").is_checked()
    assert stored(page) == {PREFIX + first: "1"}


def test_reset_keeps_the_ticks_when_the_visitor_says_no(watched):
    page = watched.page
    page.goto(url(watched.base_url, "da", "praktikvaert"))
    page.locator("input[data-ip-item]").first.check()
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.get_by_role("button", name="Nulstil", exact=True).click()
    assert page.locator("input[data-ip-item]:checked").count() == 1


def test_a_box_ticks_from_the_keyboard_and_the_count_is_a_polite_status(watched):
    page = watched.page
    page.goto(url(watched.base_url, "en", "afgivende-arbejdsplads"))
    box = page.locator("input[data-ip-item]").first
    box.focus()
    page.keyboard.press("Space")
    assert box.is_checked()
    status = page.get_by_role("status").filter(has_text=" of ")  # the count; the other status is for Copy
    assert status.inner_text().startswith("1 of ")


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("role", ROLES)
def test_every_item_of_the_role_is_on_its_page_once(watched, lang, role):
    page = watched.page
    page.goto(url(watched.base_url, lang, role))
    advice, questions = role_items(role, "advice"), role_items(role, "questions")
    assert page.locator("input[data-ip-item]").count() == len(advice)
    for item in advice:
        assert page.get_by_role("checkbox", name=plain(item["text"][lang]), exact=True).count() == 1
    for item in questions:
        assert page.locator(f"li#{item['id']}").count() == 1
    assert page.locator(".ip-question").count() == len(questions)


@pytest.mark.parametrize("lang", ["da", "en"])
def test_without_javascript_the_list_is_complete_and_shows_no_dead_buttons(browser, base_url, lang):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(url(base_url, lang, "praktikant"))
    assert page.locator("input[type=checkbox][data-ip-item]").count() == len(role_items("praktikant", "advice"))
    assert page.locator(".ip-question").count() == len(role_items("praktikant", "questions"))
    for phase in CONTENT["advice"]["phases"]:
        assert page.locator(f"h2#{phase['id']}").inner_text() == phase["title"][lang]
    assert page.get_by_role("button").count() == 0
    context.close()


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))


@pytest.mark.parametrize("lang", ["da", "en"])
def test_printed_the_checklist_is_the_list_alone_on_few_a4_pages(watched, lang):
    page = watched.page
    page.goto(url(watched.base_url, lang, "praktikant"))
    page.locator("input[data-ip-item]").first.check()
    page.emulate_media(media="print")
    for frame in (
        ".md-header",
        ".md-sidebar--primary",
        ".md-search",
        ".md-footer",
        "[data-ip-print]",
        "[data-ip-reset]",
        "[data-ip-progress]",
    ):
        assert not page.locator(frame).first.is_visible(), frame
    trace = page.locator(".ip-print-trace")
    assert trace.is_visible()
    assert "/tjeklister/praktikant/" in trace.inner_text()
    assert "__" not in trace.inner_text()  # the script filled in today's date
    borders = page.locator("input[data-ip-item]").evaluate_all(
        "boxes => boxes.map(box => { const s = getComputedStyle(box);"
        " return [s.appearance, s.borderTopStyle, s.borderLeftStyle, parseFloat(s.borderTopWidth)]; })"
    )
    assert borders and all(b[0] == "none" and b[1] == b[2] == "solid" and b[3] >= 1 for b in borders)
    # A heading is never left alone at the foot of a page, and no item or question is cut in two.
    headings = page.locator("article h2, article h3").evaluate_all("hs => hs.map(h => getComputedStyle(h).breakAfter)")
    assert headings and set(headings) == {"avoid"}
    items = page.locator(".ip-check, .ip-question").evaluate_all(
        "items => items.map(item => getComputedStyle(item).breakInside)"
    )
    assert items and set(items) == {"avoid"}
    assert pdf_pages(page.pdf(format="A4")) <= MAX_PAGES["praktikant"]


def test_the_worksheet_has_a_box_and_notes_for_each_spreading_phase(watched):
    page = watched.page
    page.goto(f"{watched.base_url}/en/tjeklister/spredningsguiden/")
    for phase in CONTENT["spreading"]["phases"]:
        box = page.locator(f"#tjek-{phase['id']}")
        assert box.get_attribute("data-ip-item") == phase["id"]
        assert phase["name"]["en"] in page.locator(f"label[for='tjek-{phase['id']}']").inner_text()
    assert page.locator(".ip-worksheet .ip-lines").count() == len(CONTENT["spreading"]["phases"])
    page.locator(f"#tjek-{CONTENT['spreading']['phases'][0]['id']}").check()
    assert stored(page) == {PREFIX + CONTENT["spreading"]["phases"][0]["id"]: "1"}


def test_the_checklist_does_not_jump_while_it_loads(watched):
    """The buttons have their place before the script runs: nothing moves under the reader's eyes."""
    page = watched.page
    page.goto(url(watched.base_url, "da", "praktikant"), wait_until="load")
    # The observer reports buffered shifts at once; with none it stays silent, hence the timeout.
    shift = page.evaluate("""() => new Promise(resolve => {
        new PerformanceObserver(list => resolve(list.getEntries().reduce((sum, e) => sum + e.value, 0)))
            .observe({type: "layout-shift", buffered: true});
        setTimeout(() => resolve(0), 1000);
    })""")
    assert shift < 0.01
