"""Issue 22 in the templates: the sign-up page says what happens after the email and what to do when no
mail program opens, asks about the line manager, lets each party of "we have found each other" say who
it is; the role pages and the sign-up page state pay, costs and insurance from the small print; a
contact block shows the fields editors filled in; English pages tell a reader abroad what this is."""

from __future__ import annotations

import html
import re

import pytest

from guide.rendering import Renderer
from tests.conftest import ROOT
from tests.render.conftest import ROLE_PAGES, language, other


def md(renderer: Renderer, text: str) -> str:
    return str(renderer.env.filters["md"](text))


def form_of(page: str, choice_id: str) -> str:
    return page.split(f'id="{choice_id}"')[1].split("</section>")[0]


def test_each_form_ends_with_what_happens_next_and_help_beside_the_button(renderer: Renderer, content):
    lang = language(renderer)
    page = renderer.render("signup", "tilmelding.md", {})
    signup, address = content["signup"], content["site"]["publisher"]["email"]
    for choice in signup["choices"]:
        form = form_of(page, choice["id"])
        assert choice["next"], f"{choice['id']}: no steps after the email"
        assert signup["next_title"][lang] in form
        for step in choice["next"]:
            assert md(renderer, step[lang]) in form
        # The help for a missing mail program follows the button at once and names the address itself.
        button_end = form.index("</a>", form.index("data-signup-mail"))
        hint = re.search(r'<p class="ip-signup__fallback" id="([^"]+)">(.*?)</p>', form, re.S)
        assert hint and address in hint.group(2)
        assert hint.start() - button_end < 300, "the help is not beside the button"
        assert f'aria-describedby="{hint.group(1)}"' in form[:button_end]
    # The message after copying names the address too, not "the address above".
    copied = html.unescape(re.search(r'data-copied="([^"]*)"', page).group(1))
    assert copied == signup["copied"][lang].replace("{address}", address) and address in copied


def test_the_intern_is_asked_about_the_line_manager(renderer: Renderer, content):
    """The small print: an internship is always agreed with one's line manager. Every form an intern
    fills in asks about it and leads to that section."""
    page = renderer.render("signup", "tilmelding.md", {})
    manager_section = "aftale-med-lederen"
    assert manager_section in [section["id"] for section in content["fine_print"]["sections"]]
    target = renderer.relative_url("tilmelding.md", f"det-med-smaat.md#{manager_section}")
    for choice in content["signup"]["choices"]:
        if choice.get("role", "praktikant") != "praktikant":
            continue  # the host's own form: the host's manager is not asked
        asking = [q for q in choice["questions"] if q.get("see") == manager_section]
        assert asking, f"{choice['id']}: no question about the line manager"
        assert f'href="{target}"' in form_of(page, choice["id"])


def test_a_hint_links_to_the_small_print_in_words_that_fit_its_reader(renderer: Renderer, content):
    """A hint's link to the small print reads as the section's heading, or as the question's own see_label
    where that heading speaks to someone else (the host is not told about "your line manager")."""
    lang = language(renderer)
    page = renderer.render("signup", "tilmelding.md", {})
    labelled = [(choice, q) for choice in content["signup"]["choices"] for q in choice["questions"] if "see" in q]
    for choice, question in labelled:
        section = next(s for s in content["fine_print"]["sections"] if s["id"] == question["see"])
        expected = (question.get("see_label") or section["title"])[lang]
        target = renderer.relative_url("tilmelding.md", f"det-med-smaat.md#{question['see']}")
        hint = re.search(
            rf'<p class="ip-signup__hint" id="{question["id"]}-hint">.*?</p>', form_of(page, choice["id"]), re.S
        )
        assert hint, question["id"]
        assert f'<a href="{target}">{html.escape(expected, quote=False)}</a>' in hint.group(0), question["id"]


def test_a_choice_for_both_parties_lets_each_say_who_it_is_in_the_email(renderer: Renderer, content):
    """ "Vi har allerede fundet hinanden" is chosen by the intern and by the host: the email's first
    sentence follows the party chosen, and before a choice (and without scripts) it fits both."""
    lang = language(renderer)
    page = renderer.render("signup", "tilmelding.md", {})
    shared = [choice for choice in content["signup"]["choices"] if "role" not in choice]
    assert shared
    signing_roles = {choice["role"] for choice in content["signup"]["choices"] if "role" in choice}
    for choice in shared:
        parties = [
            option
            for q in choice["questions"]
            if q.get("kind") == "options"
            for option in q["options"]
            if "opening" in option
        ]
        assert {option["role"] for option in parties} == signing_roles
        openings = [option["opening"][lang] for option in parties]
        assert len(set(openings)) == len(openings)
        assert choice["opening"][lang] not in openings  # the default claims neither party
        form = form_of(page, choice["id"])
        for option in parties:
            assert f'data-opening="{html.escape(option["opening"][lang], quote=True)}"' in form
            assert f">{option['label'][lang]}</option>" in form


def at_a_glance_shown(renderer: Renderer, content, markdown: str, page_src: str) -> None:
    lang = language(renderer)
    glance = content["fine_print"]["at_a_glance"]
    assert glance["title"][lang] in markdown and glance["title"][other(lang)] not in markdown
    for fact in glance["facts"]:
        assert md(renderer, fact["text"][lang]) in markdown
    small_print = renderer.relative_url(page_src, "det-med-smaat.md")
    title = content["site"]["pages"]["det-med-smaat"]["title"][lang]
    assert f"[{title}]({small_print})" in markdown


@pytest.mark.parametrize("role_id", list(ROLE_PAGES))
def test_each_role_page_states_pay_costs_and_insurance_and_links_the_small_print(renderer, content, role_id):
    markdown = renderer.render("role_page", ROLE_PAGES[role_id], {"role": role_id})
    at_a_glance_shown(renderer, content, markdown, ROLE_PAGES[role_id])


def test_the_sign_up_page_states_pay_costs_and_insurance_and_links_the_small_print(renderer, content):
    at_a_glance_shown(renderer, content, renderer.render("signup", "tilmelding.md", {}), "tilmelding.md")


def test_each_condition_sums_up_a_section_of_the_small_print(content):
    sections = {section["id"] for section in content["fine_print"]["sections"]}
    assert {fact["section"] for fact in content["fine_print"]["at_a_glance"]["facts"]} <= sections


def contact_of(markdown: str) -> str:
    return markdown.split('<section class="ip-contact"')[1].split("</section>")[0]


def with_contact(content, **fields):
    """The content with some of the contact block's fields changed (the loaded content is read-only)."""
    site = {**content["site"], "contact": {**content["site"]["contact"], **fields}}
    return {**content, "site": site}


def test_the_contact_block_shows_the_filled_fields_and_leaves_out_the_empty(content):
    contact = content["site"]["contact"]
    for lang in ("da", "en"):
        filled = with_contact(content, email="team@example.dk", phone="+45 12 34 56 78", person="Navn Navnesen")
        block = contact_of(
            Renderer(ROOT / "templates", ROOT / "docs", filled, lang).render("signup", "tilmelding.md", {})
        )
        assert 'href="mailto:team@example.dk"' in block and 'href="tel:+4512345678"' in block
        assert "Navn Navnesen" in block and contact["person_label"][lang] in block
        empty = with_contact(content, phone="", person="")
        block = contact_of(
            Renderer(ROOT / "templates", ROOT / "docs", empty, lang).render("signup", "tilmelding.md", {})
        )
        assert "tel:" not in block
        assert contact["phone_label"][lang] not in block and contact["person_label"][lang] not in block


def test_english_pages_tell_a_reader_abroad_what_this_is_and_danish_pages_do_not(renderer, content):
    lang = language(renderer)
    email = content["site"]["contact"]["email"] or content["site"]["publisher"]["email"]
    first_words = content["site"]["international"]["en"].split("{email}")[0]
    for template, src in (("front_page", "index.md"), ("signup", "tilmelding.md")):
        markdown = renderer.render(template, src, {})
        assert (first_words.strip() in markdown) == (lang == "en"), f"{template} in {lang}"
        if lang == "en":
            note = markdown.split('class="ip-international"')[1].split("</p>")[0]
            assert f'href="mailto:{email}"' in note and "{email}" not in note
