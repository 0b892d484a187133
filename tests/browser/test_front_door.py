"""The site's front door: a visitor knows on the first screen what this is and how to start, finds
grids of cards without a lonely card in the last row, and signs up by writing an email to COI that the
page fills in as they type, with nothing sent or stored by the site."""

from __future__ import annotations

import itertools
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from guide.content import load_content
from tests.browser.conftest import AXE
from tests.browser.test_accessibility import audit
from tests.browser.visitor import all_pages
from tests.conftest import LANGS, ROOT

CONTENT = load_content(ROOT)
SIGNUP = CONTENT["signup"]
PUBLISHER = CONTENT["site"]["publisher"]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def prefix(lang: str) -> str:
    return "/" if lang == "da" else "/en/"


def role_page(role_id: str) -> str:
    return next(role["page"] for role in CONTENT["roles"]["roles"] if role["id"] == role_id)


# The roles a visitor can sign up as (intern and host), and the places every visitor must find at once.
SIGNUP_ROLES = [choice["role"] for choice in SIGNUP["choices"] if "role" in choice]
FIRST_SCREEN = [role_page(role) + "/" for role in SIGNUP_ROLES] + ["tilmelding/", "tjeklister/"]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_first_screen_says_what_and_for_whom_and_leads_to_both_roles_signing_up_and_the_checklists(
    browser, base_url, lang, viewport
):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(base_url + prefix(lang))
    height = viewport["height"]
    for text in (CONTENT["scheme"]["what"], CONTENT["scheme"]["who"]):
        box = page.locator(".ip-hero p", has_text=text[lang].replace("**", "")[-40:]).bounding_box()
        assert box and box["y"] + box["height"] <= height, text[lang]
    for target in FIRST_SCREEN:
        link = page.locator(f'article a[href$="{target}"]').first
        box = link.bounding_box()
        assert link.is_visible() and box["y"] + box["height"] <= height, f"{target} is below the first screen"
    context.close()


def rows(grid) -> list[int]:
    """How many cards stand in each row of a grid, top to bottom, from the cards' boxes."""
    tops = grid.evaluate("g => [...g.children].map(card => Math.round(card.getBoundingClientRect().top))")
    counts: dict[int, int] = {}
    for top in tops:
        counts[top] = counts.get(top, 0) + 1
    return [counts[top] for top in sorted(counts)]


@pytest.mark.parametrize("width", [390, 900, 1280])
def test_no_card_grid_has_a_row_with_fewer_cards_than_the_row_above(browser, base_url, site, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    problems, grids = [], 0
    for _, path in all_pages():
        page.goto(base_url + path)
        for i in range(page.locator("article .ip-grid").count()):
            counts = rows(page.locator("article .ip-grid").nth(i))
            grids += 1
            if any(later < earlier for earlier, later in itertools.pairwise(counts)):
                problems.append(f"{path}: grid {i + 1} has rows of {counts}")
    context.close()
    assert grids >= 10
    assert problems == [], "\n".join(problems)


def test_the_row_measure_tells_an_orphan(browser, base_url):
    """The measure itself: three cards forced two to a row are reported as rows of 2 and 1."""
    page = browser.new_page(viewport=DESKTOP)
    page.goto(base_url + "/")
    grid = page.locator("article ul.ip-cards.ip-grid")
    grid.evaluate("g => g.style.setProperty('grid-template-columns', 'repeat(2, 1fr)', 'important')")
    assert rows(grid) == [2, 1]
    page.close()


# ---- Signing up -------------------------------------------------------------------------------


def answers_for(choice: dict) -> dict[str, str]:
    """A distinct answer for each text question, with a line break and characters a URL must encode."""
    return {q["id"]: f"Svar {q['id']} & æøå?\nlinje to" for q in choice["questions"] if q.get("kind", "text") == "text"}


def fill(page, choice: dict, lang: str) -> dict[str, str]:
    """Choose the form and answer it as a visitor does; what each question's answer reads as in the email."""
    page.get_by_label(choice["label"][lang], exact=True).check()
    expected = {}
    for question in choice["questions"]:
        field = page.locator(f"#{question['id']}")
        kind = question.get("kind", "text")
        if kind == "text":
            field.click()
            field.press_sequentially(answers_for(choice)[question["id"]])
            expected[question["id"]] = answers_for(choice)[question["id"]]
        elif kind == "count":
            field.select_option(str(question["range"][1]))
            expected[question["id"]] = str(question["range"][1])
        elif kind == "options":  # the last answer, as it reads in the list
            last = question["options"][-1]
            field.select_option(label=last["label"][lang])
            expected[question["id"]] = last["label"][lang]
        else:  # travel_type: the last type, as its name reads in the list
            last = CONTENT["travel_types"]["types"][-1]
            field.select_option(last["id"])
            expected[question["id"]] = field.evaluate("f => f.selectedOptions[0].text")
            assert last["name"][lang] in expected[question["id"]]
    return expected


def opening(choice: dict, lang: str) -> str:
    """The email's first sentence after fill(): the last chosen answer's own, if it has one, else the choice's."""
    own = [
        q["options"][-1]["opening"][lang]
        for q in choice["questions"]
        if q.get("kind") == "options" and "opening" in q["options"][-1]
    ]
    return own[-1] if own else choice["opening"][lang]


def decoded(href: str) -> tuple[str, str, str]:
    """(address, subject, body) of a mailto: link."""
    parts = urlsplit(href)
    assert parts.scheme == "mailto"
    query = parse_qs(parts.query, keep_blank_values=True)
    return unquote(parts.path), query["subject"][0], query["body"][0]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("choice", SIGNUP["choices"], ids=[c["id"] for c in SIGNUP["choices"]])
def test_the_email_link_carries_the_typed_answers_and_nothing_is_sent(watched, lang, choice):
    page = watched.page
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(f"{watched.base_url}{prefix(lang)}tilmelding/")
    page.wait_for_load_state("networkidle")
    before = len(watched.requests)
    expected = fill(page, choice, lang)

    forms = page.locator("[data-signup-form]:visible")
    assert forms.count() == 1 and forms.first.get_attribute("id") == choice["id"]
    link = forms.first.locator("a[data-signup-mail]")
    assert link.inner_text().strip() == SIGNUP["write"][lang]
    address, subject, body = decoded(link.get_attribute("href"))
    assert address == PUBLISHER["email"]
    assert subject == choice["subject"][lang]
    lines = body.split("\r\n")
    assert lines[0] == SIGNUP["greeting"][lang] and opening(choice, lang) in lines
    assert lines[-1] == SIGNUP["closing"][lang]
    for question in choice["questions"]:
        answer = expected[question["id"]].replace("\n", "\r\n")
        assert f"{question['label'][lang]}\r\n{answer}\r\n" in body, question["id"]

    forms.first.get_by_role("button", name=SIGNUP["copy_text"][lang]).click()
    # The message says where to paste the text: the address itself, not "above".
    page.get_by_text(SIGNUP["copied"][lang].replace("{address}", PUBLISHER["email"])).wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert choice["subject"][lang] in copied and body.replace("\r\n", "\n") in copied
    # Typing, choosing and copying asked nothing of any server.
    assert watched.requests[before:] == []
    # COI's address is shown on the page to copy by hand.
    assert page.locator(".ip-signup__email").inner_text() == PUBLISHER["email"]


def test_a_link_to_a_form_opens_that_form(watched):
    choice = SIGNUP["choices"][-1]
    watched.page.goto(f"{watched.base_url}/tilmelding/#{choice['id']}")
    forms = watched.page.locator("[data-signup-form]:visible")
    assert forms.count() == 1 and forms.first.get_attribute("id") == choice["id"]


@pytest.mark.parametrize("lang", LANGS)
def test_without_javascript_the_questions_and_a_plain_email_link_are_there(browser, base_url, lang):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(f"{base_url}{prefix(lang)}tilmelding/")
    # The <noscript> note is in the page; Chromium with scripts switched off by Playwright still parses
    # <noscript> as if scripts ran, so its showing cannot be checked here.
    assert SIGNUP["no_script"][lang].split(":")[0] in page.content()
    for choice in SIGNUP["choices"]:
        form = page.locator(f"#{choice['id']}")
        for question in choice["questions"]:
            assert form.get_by_text(question["label"][lang], exact=True).is_visible()
        address, subject, body = decoded(form.locator("a[data-signup-mail]").get_attribute("href"))
        assert (address, subject) == (PUBLISHER["email"], choice["subject"][lang])
        assert all(question["label"][lang] in body for question in choice["questions"])
    # The choice still picks a form: it is CSS, not script.
    page.get_by_label(SIGNUP["choices"][1]["label"][lang], exact=True).check()
    assert page.locator("[data-signup-form]:visible").count() == 1
    context.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_sign_up_page_in_use_has_no_accessibility_violation(browser, base_url, viewport):
    """axe on the page as a visitor leaves it: a form chosen, answers typed, the text copied."""
    context = browser.new_context(viewport=viewport)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    for lang in LANGS:
        page.goto(f"{base_url}{prefix(lang)}tilmelding/")
        fill(page, SIGNUP["choices"][1], lang)
        page.locator("[data-signup-form]:visible [data-signup-copy]").click()
        violations = audit(page, AXE.read_text(encoding="utf-8"))
        assert violations == [], [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations]
    context.close()


# ---- Issue 22: a sign-up that finishes ---------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_with_scripts_only_the_chosen_form_shows_with_help_by_its_button_and_what_happens_next(
    browser, base_url, lang, viewport
):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(f"{base_url}{prefix(lang)}tilmelding/")
    page.wait_for_load_state("networkidle")
    # Before a choice the visitor sees the choices, not three forms.
    assert page.locator("[data-signup-form]:visible").count() == 0
    for choice in SIGNUP["choices"]:
        page.get_by_label(choice["label"][lang], exact=True).check()
        forms = page.locator("[data-signup-form]:visible")
        assert forms.count() == 1 and forms.first.get_attribute("id") == choice["id"]
        form = forms.first
        # The help for when no mail program opens stands right below the buttons, naming the address.
        button = form.locator(".ip-signup__actions").bounding_box()
        hint = form.locator(".ip-signup__fallback")
        assert PUBLISHER["email"] in hint.inner_text()
        gap = hint.bounding_box()["y"] - (button["y"] + button["height"])
        assert 0 <= gap < 40, f"{choice['id']}: the help is {gap:.0f} px below the button"
        # What happens after the email, in this form.
        steps = form.locator(".ip-signup__next li")
        assert steps.count() == len(choice["next"])
        for step, text in zip(steps.all(), choice["next"], strict=True):
            assert step.is_visible() and step.inner_text().strip() == text[lang]
    context.close()


SHARED = [choice for choice in SIGNUP["choices"] if "role" not in choice]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("choice", SHARED, ids=[c["id"] for c in SHARED])
def test_each_party_of_a_shared_choice_writes_its_own_first_sentence(watched, lang, choice):
    """ "Vi har allerede fundet hinanden" is for the intern and for the host: the email says the right
    thing for whoever writes it, and claims neither before they say which they are."""
    page = watched.page
    page.goto(f"{watched.base_url}{prefix(lang)}tilmelding/#{choice['id']}")
    form = page.locator(f"#{choice['id']}")
    link = form.locator("a[data-signup-mail]")
    parties = [
        (q, option)
        for q in choice["questions"]
        if q.get("kind") == "options"
        for option in q["options"]
        if "opening" in option
    ]
    assert parties
    openings = {option["opening"][lang] for _, option in parties}
    _, _, body = decoded(link.get_attribute("href"))
    assert choice["opening"][lang] in body.split("\r\n") and not openings & set(body.split("\r\n"))
    for question, option in parties:
        form.locator(f"#{question['id']}").select_option(label=option["label"][lang])
        _, _, body = decoded(link.get_attribute("href"))
        lines = body.split("\r\n")
        assert option["opening"][lang] in lines, option["role"]
        assert not (openings - {option["opening"][lang]}) & set(lines), f"{option['role']}: another party's sentence"
        assert choice["opening"][lang] not in lines
