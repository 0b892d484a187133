"""The content pages' templates render in both languages, showing all of their data."""

from __future__ import annotations

import re
from collections.abc import Mapping

import pytest

from guide.rendering import Renderer
from tests.render.conftest import ROLE_PAGES, language, other


def html(renderer: Renderer, text) -> str:
    """A text as a template shows it inside HTML: its inline Markdown (links, emphasis) rendered."""
    return str(renderer.env.filters["md"](text[language(renderer)]))


def texts_in(data, lang: str) -> list[str]:
    """Every text of one language below a part of the content (which load_content gives read-only)."""
    if isinstance(data, Mapping):
        if isinstance(data.get(lang), str):
            return [data[lang]]
        return [text for value in data.values() for text in texts_in(value, lang)]
    if isinstance(data, (list, tuple)):
        return [text for item in data for text in texts_in(item, lang)]
    return []


def role(content, role_id):
    return next(r for r in content["roles"]["roles"] if r["id"] == role_id)


@pytest.mark.parametrize("role_id", ROLE_PAGES)
def test_role_page_shows_conditions_sections_quote_and_checklist(renderer: Renderer, content, role_id):
    lang = language(renderer)
    markdown = renderer.render("role_page", ROLE_PAGES[role_id], {"role": role_id})
    data = role(content, role_id)
    assert data["summary"][lang] in markdown
    assert f'href="../tjeklister/{role_id}/"' in markdown
    for condition in data.get("conditions", {}).get("items", []):
        assert f"- {condition[lang]}" in markdown
        assert condition[other(lang)] not in markdown
    for section in data.get("sections", []):
        assert f"## {section['title'][lang]} {{ #{section['id']} }}" in markdown
    if "quote" in data:
        assert data["quote"]["text"][lang] in markdown
        assert data["quote"]["attribution"][lang] in markdown


@pytest.mark.parametrize("role_id", ROLE_PAGES)
def test_role_page_shows_the_roles_own_advice_in_every_phase(renderer: Renderer, content, role_id):
    markdown = renderer.render("role_page", ROLE_PAGES[role_id], {"role": role_id})
    for phase in content["advice"]["phases"]:
        for kind in ("advice", "questions"):
            for group in phase[kind]:
                for item in group["items"]:
                    assert (html(renderer, item["text"]) in markdown) == (group["role"] == role_id), item["id"]


def test_role_page_shows_only_its_own_journey_texts(renderer: Renderer, content):
    intern = renderer.render("role_page", "bliv-praktikant.md", {"role": "praktikant"})
    sending = renderer.render("role_page", "afgivende-arbejdsplads.md", {"role": "afgivende-arbejdsplads"})
    for step in content["journey"]["steps"]:
        assert f'id="{step["id"]}"' in intern
        for group in step.get("by_role", []):
            for item in group["items"]:
                assert (html(renderer, item) in intern) == (group["role"] == "praktikant")
    assert 'class="ip-journey"' not in sending  # the booklet's steps are for interns and hosts


def test_journey_shows_every_step_in_order_with_each_roles_texts(renderer: Renderer, content):
    lang = language(renderer)
    markdown = renderer.render("journey", "saadan-deltager-du.md", {})
    positions = [markdown.index(f'id="{step["id"]}"') for step in content["journey"]["steps"]]
    assert positions == sorted(positions) and len(positions) == 6
    for step in content["journey"]["steps"]:
        assert step["name"][lang] in markdown
        for group in step.get("by_role", []):
            assert role(content, group["role"])["name"][lang] in markdown
            for item in group["items"]:
                assert html(renderer, item) in markdown
    outside = {
        target
        for text in texts_in(content["journey"], lang)
        for target in re.findall(r"\]\(((?:https?|mailto):[^)\s]+)\)", text)
    }
    assert outside and all(f'href="{target}"' in markdown for target in outside), outside
    for page in ("foer-praktikken", "under-praktikken", "efter-praktikken"):
        assert f'href="../{page}/"' in markdown


@pytest.mark.parametrize("phase_id", ["foer", "under", "efter"])
def test_advice_phase_shows_every_roles_advice_notes_and_checklists(renderer: Renderer, content, phase_id):
    lang = language(renderer)
    markdown = renderer.render("advice_phase", f"{phase_id}-praktikken.md", {"phase": phase_id})
    phase = next(p for p in content["advice"]["phases"] if p["id"] == phase_id)
    assert phase["intro"][0][lang] in markdown
    for kind in ("advice", "questions"):
        for group in phase[kind]:
            for item in group["items"]:
                assert html(renderer, item["text"]) in markdown
                assert item["text"][other(lang)] not in markdown
                steps = [step[lang] for step in item.get("steps", [])]
                assert all(f"<li>{step}</li>" in markdown for step in steps)
    for note in phase.get("notes", []):
        assert note["title"][lang] in markdown and f'id="{note["id"]}"' in markdown
    for role_id in ROLE_PAGES:
        assert f'href="../tjeklister/{role_id}/"' in markdown


def test_the_models_steps_are_a_numbered_list(renderer: Renderer):
    markdown = renderer.render("advice_phase", "efter-praktikken.md", {"phase": "efter"})
    assert '<ol class="ip-advice__steps">' in markdown


def test_spreading_shows_sides_every_phase_in_order_and_the_four_ways(renderer: Renderer, content):
    lang = language(renderer)
    markdown = renderer.render("spreading", "spredningsguiden.md", {})
    spreading = content["spreading"]
    for paragraph in spreading["purpose"]:
        assert paragraph[lang] in markdown
    for side in spreading["sides"]["items"]:
        assert side["text"][lang] in markdown
    positions = []
    for phase in spreading["phases"]:
        number = f'<span class="ip-flow__number" aria-hidden="true">{phase["number"]}</span>'
        assert number in markdown
        assert f'<strong class="ip-flow__name">{phase["name"][lang]}</strong>' in markdown
        assert phase["description"][lang] in markdown
        positions.append(markdown.index(number))
    assert positions == sorted(positions) and len(positions) == 6
    assert '<ol class="ip-flow">' in markdown
    for way in spreading["ways"]["items"]:
        assert f"- {way['text'][lang]}" in markdown
    assert "https://coi.dk/spredning" in markdown
    assert 'href="../tjeklister/spredningsguiden/"' in markdown


def test_fine_print_shows_every_section_and_the_advice_to_check(renderer: Renderer, content):
    lang = language(renderer)
    markdown = renderer.render("fine_print", "det-med-smaat.md", {})
    for section in content["fine_print"]["sections"]:
        assert f"## {section['title'][lang]} {{ #{section['id']} }}" in markdown
        assert section["paragraphs"][0][lang] in markdown
    assert content["fine_print"]["check"][lang] in markdown


def test_front_page_links_each_role_card_and_shows_results_and_call_to_join(renderer: Renderer, content):
    lang = language(renderer)
    markdown = renderer.render("front_page", "index.md", {})
    for data in content["roles"]["roles"]:
        assert f'href="{data["page"]}/">{data["name"][lang]}</a>' in markdown
    programme = content["scheme"]
    for result in programme["results"]["items"]:
        assert result["figure"][lang] in markdown and result["text"][lang] in markdown
    for paragraph in programme["join"]["paragraphs"]:
        assert paragraph[lang] in markdown
    assert programme["hashtag"]["tag"] in markdown and programme["hashtag"]["text"][lang] in markdown
