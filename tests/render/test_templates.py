"""Each template renders in both languages, showing its data and nothing of the other language."""

from __future__ import annotations

import pytest

from guide.rendering import Renderer, RenderError
from tests.render.conftest import other


def test_front_page_shows_lead_facts_sections_and_roles(renderer: Renderer, content):
    lang = renderer.env.globals["lang"]
    markdown = renderer.render("front_page", "index.md", {})
    programme = content["scheme"]
    assert programme["lead"][lang] in markdown
    for fact in programme["facts"]:
        assert fact["value"][lang] in markdown
    for section in programme["sections"]:
        assert f"## {section['title'][lang]} {{ #{section['id']} }}" in markdown
        assert section["paragraphs"][0][other(lang)] not in markdown
    for role in content["roles"]["roles"]:
        assert role["name"][lang] in markdown


def test_travel_types_each_have_anchor_duration_and_examples(renderer: Renderer, content):
    lang = renderer.env.globals["lang"]
    markdown = renderer.render("travel_types", "rejsetyper.md", {})
    for travel_type in content["travel_types"]["types"]:
        assert f"## {travel_type['name'][lang]} {{ #{travel_type['id']} }}" in markdown
        assert travel_type["examples"][0][lang] in markdown
    ui = content["site"]["ui"]
    for travel_type in content["travel_types"]["types"]:
        # "3–4 dage", "2 days": the range as written in the data, with the unit that fits its last number.
        days = travel_type["days"]
        duration = "–".join(map(str, days)) + " " + (ui["day"] if days[-1] == 1 else ui["days"])[lang]
        assert f'<span class="ip-badge">{duration}</span>' in markdown
        call = (
            ui["travel_as_for"][lang]
            .replace("{travel_as}", travel_type["travel_as"][lang])
            .replace("{duration}", duration)
        )
        assert f'<strong class="ip-travel__call">{call}</strong>' in markdown
    # Each type's answers stand side by side under the same row names.
    for row in ("preparation", "purpose", "destination"):
        assert markdown.count(f"<dt>{content['travel_types']['compare'][row][lang]}</dt>") == len(
            content["travel_types"]["types"]
        )
        for travel_type in content["travel_types"]["types"]:
            assert travel_type["compare"][row][lang] in markdown
    # "Something else entirely" says what it means and leads to signing up.
    other = content["travel_types"]["other"]
    assert f'id="{other["id"]}"' in markdown and other["explanation"][lang] in markdown
    assert f'href="../tilmelding/">{other["link_label"][lang]}</a>' in markdown


@pytest.mark.parametrize(
    "page, target, expected",
    [
        ("index.md", "rejsetyper.md", "rejsetyper/"),
        ("rejsetyper.md", "index.md", "../"),
        ("rejsetyper.md", "index.md#hvad", "../#hvad"),
    ],
)
def test_links_between_pages_are_relative(renderer: Renderer, page, target, expected):
    assert renderer.relative_url(page, target) == expected


def test_a_link_to_a_page_that_does_not_exist_fails(renderer: Renderer):
    with pytest.raises(ValueError, match="not a page in docs/"):
        renderer.relative_url("index.md", "findes-ikke.md")


def test_a_page_for_a_role_that_is_not_in_the_data_fails_naming_it(renderer: Renderer):
    with pytest.raises(
        RenderError,
        match=r"^templates/role_page.jinja:\d+: no item with id 'praktikantt' .*"
        r"\(while rendering the page docs/bliv-praktikant.md\)",
    ):
        renderer.render("role_page", "bliv-praktikant.md", {"role": "praktikantt"})
