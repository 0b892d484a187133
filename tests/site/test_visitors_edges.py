"""Issue 22 on the built site: the contact details in every footer (only the fields filled in), and a
search index that finds tool pages by their purpose, not by their form, and the small print by its
own page rather than by every page that sums it up."""

from __future__ import annotations

import json
import re
from html import unescape

import pytest

from guide.content import load_content
from tests.conftest import LANGS, ROOT, lang_root, page_paths

CONTENT = load_content(ROOT)
CONTACT = CONTENT["site"]["contact"]
PLANNING = CONTENT["planning"]


def footer(lang: str, path: str) -> str:
    html = (lang_root(lang) / path / "index.html").read_text(encoding="utf-8")
    return html[html.index('<div class="md-copyright ip-footer">') :]


@pytest.mark.parametrize("lang", LANGS)
def test_every_footer_shows_the_teams_contact_fields_that_are_filled_in(site, lang):
    fields = {
        "email": f'href="mailto:{CONTACT["email"]}"',
        "phone": 'href="tel:',
        "person": CONTACT["person_label"][lang],
    }
    for path in page_paths(lang):
        text = footer(lang, path)
        for field, mark in fields.items():
            assert (mark in text) == bool(CONTACT[field]), f"{path}: contact field {field}"


def index_docs(lang: str, page: str) -> list[dict]:
    docs = json.loads((lang_root(lang) / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    return [doc for doc in docs if doc["location"].split("#")[0] == page]


def indexed_text(lang: str, page: str) -> str:
    return " ".join(
        unescape(re.sub(r"<[^>]+>", " ", doc["title"] + " " + doc["text"])) for doc in index_docs(lang, page)
    )


@pytest.mark.parametrize("lang", LANGS)
def test_the_programme_is_found_by_its_purpose_not_its_form(site, lang):
    programme = PLANNING["programme"]
    text = indexed_text(lang, "tjeklister/program/")
    assert programme["intro"][0][lang] in " ".join(text.split())
    # The form's labels and the travel types as options ("Turist (2 dage)") are not in the index.
    form = [programme[key]["label"][lang] for key in ("travel_type", "days", "interns", "start")]
    form += [f"{t['name'][lang]} (" for t in CONTENT["travel_types"]["types"]]
    assert [words for words in form if words in text] == []


@pytest.mark.parametrize("lang", LANGS)
def test_the_agreement_is_found_by_its_purpose_not_its_fields(site, lang):
    agreement = PLANNING["agreement"]
    text = " ".join(indexed_text(lang, "tjeklister/praktikaftale/").split())
    assert agreement["intro"][0][lang] in text
    fields = [
        field["label"][lang]
        for group in agreement["groups"]
        for field in group.get("fields", [])
        if len(field["label"][lang]) > 12
    ]  # short labels ("Navn") also occur in the intro
    assert fields and [label for label in fields if label in text] == []


@pytest.mark.parametrize("lang", LANGS)
def test_the_sign_up_form_is_indexed_without_its_lists_of_answers(site, lang):
    text = indexed_text(lang, "tilmelding/")
    assert CONTENT["site"]["pages"]["tilmelding"]["title"][lang] in text
    options = [f"{t['name'][lang]} (" for t in CONTENT["travel_types"]["types"]]
    options += [CONTENT["signup"]["choose_answer"][lang]]
    assert [option for option in options if option in text] == []


@pytest.mark.parametrize("lang", LANGS)
def test_pay_costs_and_insurance_are_indexed_on_the_small_print_alone(site, lang):
    glance = CONTENT["fine_print"]["at_a_glance"]
    docs = json.loads((lang_root(lang) / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    summing_up = {
        doc["location"] for doc in docs for fact in glance["facts"] if fact["text"][lang] in unescape(doc["text"])
    }
    assert summing_up == set()
    assert any(
        glance["title"][lang] in (lang_root(lang) / path / "index.html").read_text(encoding="utf-8")
        for path in ("tilmelding/", "bliv-praktikant/")
    ), "the summary is not on the pages at all"
