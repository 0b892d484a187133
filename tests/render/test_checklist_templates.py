"""The checklists, rendered from the same advice data as the phase pages, in both languages."""

from __future__ import annotations

import re

import pytest

from guide.rendering import Renderer
from tests.conftest import ROOT
from tests.render.conftest import other

ROLES = ("praktikant", "praktikvaert", "afgivende-arbejdsplads")


def role_items(content, role: str, kind: str) -> list:
    """Every item of one kind ('advice' or 'questions') the data holds for a role, in order."""
    return [
        item
        for phase in content["advice"]["phases"]
        for group in phase[kind]
        if group["role"] == role
        for item in group["items"]
    ]


@pytest.mark.parametrize("role", ROLES)
def test_every_advice_item_of_the_role_is_one_tick_box(renderer: Renderer, content, role):
    html = renderer.render("checklist", f"tjeklister/{role}.md", {"role": role})
    items = role_items(content, role, "advice")
    boxes = re.findall(
        r'<input class="ip-check__box" type="checkbox" id="tjek-([a-z0-9-]+)" '
        r'data-ip-item="([a-z0-9-]+)">',
        html,
    )
    assert [item_id for item_id, _ in boxes] == [item["id"] for item in items]
    assert all(box_id == storage_id for box_id, storage_id in boxes)
    for item in items:
        assert f'<label class="ip-check__text" for="tjek-{item["id"]}">' in html


@pytest.mark.parametrize("role", ROLES)
def test_every_question_of_the_role_appears_once_with_a_notes_field_and_lines(renderer: Renderer, content, role):
    lang = renderer.env.globals["lang"]
    html = renderer.render("checklist", f"tjeklister/{role}.md", {"role": role})
    questions = role_items(content, role, "questions")
    for question in questions:
        assert html.count(f'id="{question["id"]}"') == 1
        assert html.count(renderer.env.filters["md"](question["text"][lang])) == 1
        # The question is the visible label of its notes field, which is saved under the question's id.
        assert (
            f'<label class="ip-question__text" for="note-{question["id"]}">'
            f"{renderer.env.filters['md'](question['text'][lang])}</label>"
        ) in html
        assert html.count(f'id="note-{question["id"]}" rows="3" data-ip-note="{question["id"]}"') == 1
    assert html.count('<div class="ip-lines" aria-hidden="true">') == len(questions)


@pytest.mark.parametrize("role", ROLES)
def test_a_checklist_holds_only_its_own_role_and_language(renderer: Renderer, content, role):
    lang = renderer.env.globals["lang"]
    html = renderer.render("checklist", f"tjeklister/{role}.md", {"role": role})
    for other_role in ROLES:
        if other_role != role:
            for item in role_items(content, other_role, "advice") + role_items(content, other_role, "questions"):
                assert item["id"] not in html
    for item in role_items(content, role, "advice"):
        assert item["text"][other(lang)] not in html
    for phase in content["advice"]["phases"]:
        assert f"## {phase['title'][lang]} {{ #{phase['id']} }}" in html


def test_the_tools_carry_the_texts_the_script_needs(renderer: Renderer):
    ui = renderer.env.globals["ui"]
    html = renderer.render("checklist", "tjeklister/praktikant.md", {"role": "praktikant"})
    assert '<div class="ip-checklist__tools" data-ip-tools' in html
    assert f'data-progress="{ui["checklist_progress"]}"' in html
    assert f'data-confirm="{ui["checklist_reset_confirm"]}"' in html
    assert (
        f'<button class="md-button md-button--primary" type="button" data-ip-print>{ui["checklist_print"]}</button>'
        in html
    )


def test_the_checklists_page_links_every_checklist(renderer: Renderer, content):
    lang = renderer.env.globals["lang"]
    html = renderer.render("checklists", "tjeklister/index.md", {})
    for key in [f"tjeklister/{role}" for role in ROLES] + ["tjeklister/spredningsguiden"]:
        page = key.removeprefix("tjeklister/")
        assert f'<a href="{page}/">{content["site"]["pages"][key]["title"][lang]}</a>' in html


def test_the_worksheet_has_a_tick_and_notes_for_each_spreading_phase(renderer: Renderer, content):
    if "spreading" not in content:
        pytest.skip("data/spreading.yml is not there yet")
    lang = renderer.env.globals["lang"]
    html = renderer.render("spreading_worksheet", "tjeklister/spredningsguiden.md", {})
    phases = content["spreading"]["phases"]
    assert len(phases) == 6
    for phase in phases:
        assert html.count(f'data-ip-item="{phase["id"]}"') == 1
        assert f"{phase['number']}. {phase['name'][lang]}" in html
        # Each phase's notes: a field of its own, saved under the phase's id, its label naming the phase.
        label = re.search(rf'<label class="ip-worksheet__notes" for="note-{phase["id"]}">([^<]*)</label>', html)
        assert label and phase["name"][lang] in label.group(1)
        assert html.count(f'data-ip-note="{phase["id"]}"') == 1


def test_a_renamed_item_names_its_former_ids_for_the_script_that_moves_saved_ticks(content):
    """published-ids.yml's renames reach the tick box; an item never renamed carries nothing extra."""
    item_id = role_items(content, "praktikant", "advice")[0]["id"]
    renderer = Renderer(ROOT / "templates", ROOT / "docs", content, "da", {item_id: ["gammelt-id", "aeldre-id"]})
    html = renderer.render("checklist", "tjeklister/praktikant.md", {"role": "praktikant"})
    assert f'data-ip-item="{item_id}" data-ip-was="gammelt-id aeldre-id">' in html
    assert html.count("data-ip-was=") == 1


def test_a_renamed_question_names_its_former_ids_for_the_script_that_moves_saved_notes(content):
    """The same for notes: a question's former ids reach its notes field, and only that one."""
    question_id = role_items(content, "praktikant", "questions")[0]["id"]
    renderer = Renderer(ROOT / "templates", ROOT / "docs", content, "en", {question_id: ["old-question"]})
    html = renderer.render("checklist", "tjeklister/praktikant.md", {"role": "praktikant"})
    assert f'data-ip-note="{question_id}" data-ip-was="old-question">' in html
    assert html.count("data-ip-was=") == 1
