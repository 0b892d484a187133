"""The front door's templates: the front page's ways in, the sign-up page, the role pages' way to sign
up, the phase pages' roles together, the nav's groups in each language, and grids without orphans."""

from __future__ import annotations

import html
import re
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
import yaml

from guide.navigation import translated_nav
from guide.rendering import Renderer
from tests.conftest import ROOT
from tests.render.conftest import language, other


def test_the_front_page_opens_with_what_who_and_each_way_in(renderer: Renderer, content):
    lang = language(renderer)
    markdown = renderer.render("front_page", "index.md", {})
    programme = content["scheme"]
    hero = markdown.split('<div class="ip-hero">')[1].split("</div>")[0]
    for text in (programme["what"], programme["who"]):
        assert str(renderer.env.filters["md"](text[lang])) in hero
    for way in content["site"]["ways_in"]["items"]:
        assert f'href="{renderer.relative_url("index.md", way["page"] + ".md")}"' in hero
        assert way["label"][lang] in hero and way["label"][other(lang)] not in hero
    # The key facts come after the ways in, not before.
    assert markdown.index('class="ip-hero"') < markdown.index('class="ip-facts')


def mailto(href: str) -> tuple[str, str, str]:
    parts = urlsplit(html.unescape(href))
    query = parse_qs(parts.query, keep_blank_values=True)
    return unquote(parts.path), query["subject"][0], query["body"][0]


def test_the_sign_up_page_has_a_labelled_field_for_each_question_and_a_mailto_per_choice(renderer: Renderer, content):
    lang = language(renderer)
    page = renderer.render("signup", "tilmelding.md", {})
    signup = content["signup"]
    address = content["site"]["publisher"]["email"]
    assert signup["nothing_stored"][lang] in page and f'<strong class="ip-signup__email">{address}</strong>' in page
    for choice in signup["choices"]:
        form = page.split(f'id="{choice["id"]}"')[1].split("</section>")[0]
        for question in choice["questions"]:
            assert f'<label class="ip-signup__label" for="{question["id"]}">{question["label"][lang]}</label>' in form
            assert f'id="{question["id"]}"' in form
        href = re.search(r'<a class="[^"]*" href="([^"]+)" data-signup-mail[^>]*>', form).group(1)
        to, subject, body = mailto(href)
        assert (to, subject) == (address, choice["subject"][lang])
        lines = body.split("\r\n")
        assert lines[0] == signup["greeting"][lang] and lines[-1] == signup["closing"][lang]
        labels = [q["label"][lang] for q in choice["questions"]]
        assert [line for line in lines if line in labels] == labels  # each question once, in order


@pytest.mark.parametrize(
    "role_id, page",
    [
        ("praktikant", "bliv-praktikant.md"),
        ("praktikvaert", "bliv-praktikvaert.md"),
        ("afgivende-arbejdsplads", "afgivende-arbejdsplads.md"),
    ],
)
def test_each_role_page_leads_to_signing_up_and_to_its_other_pages(renderer: Renderer, content, role_id, page):
    markdown = renderer.render("role_page", page, {"role": role_id})
    choice = next((c for c in content["signup"]["choices"] if c.get("role") == role_id), None)
    assert f'href="../tilmelding/{"#" + choice["id"] if choice else ""}"' in markdown
    role = next(r for r in content["roles"]["roles"] if r["id"] == role_id)
    for key in role.get("see_also", []):
        assert f'href="{renderer.relative_url(page, key + ".md")}"' in markdown


def test_the_sending_workplace_is_pointed_to_the_small_print(content):
    role = next(r for r in content["roles"]["roles"] if r["id"] == "afgivende-arbejdsplads")
    assert "det-med-smaat" in role.get("see_also", [])


def test_the_first_step_of_the_journey_leads_to_the_sign_up_page(renderer: Renderer, content):
    markdown = renderer.render("journey", "saadan-deltager-du.md", {})
    step = markdown.split(f'id="{content["journey"]["steps"][0]["id"]}"')[1].split('class="ip-journey__step"')[0]
    assert 'href="../tilmelding/"' in step


@pytest.mark.parametrize("phase_id", ["foer", "under", "efter"])
def test_a_phase_page_gives_each_role_its_advice_and_questions_together(renderer: Renderer, content, phase_id):
    lang = language(renderer)
    markdown = renderer.render("advice_phase", f"{phase_id}-praktikken.md", {"phase": phase_id})
    phase = next(p for p in content["advice"]["phases"] if p["id"] == phase_id)
    roles = [
        r for r in content["roles"]["roles"] if any(g["role"] == r["id"] for g in phase["advice"] + phase["questions"])
    ]
    jump = markdown.split('class="ip-role-jump"')[1].split("</nav>")[0]
    starts = []
    for role in roles:
        assert f'<a href="#{role["id"]}">{role["name"][lang]}</a>' in jump
        starts.append(markdown.index(f"## {role['name'][lang]} {{ #{role['id']} }}"))
    ends = starts[1:] + [len(markdown)]
    # Every item of a role stands between its own heading and the next role's.
    for role, start, end in zip(roles, starts, ends, strict=True):
        for group in phase["advice"] + phase["questions"]:
            for item in group["items"]:
                shown = str(renderer.env.filters["md"](item["text"][lang]))
                if group["role"] == role["id"]:
                    assert start < markdown.index(shown) < end, item["id"]


@pytest.mark.parametrize("count", range(1, 13))
def test_a_grid_never_leaves_a_shorter_row_below(renderer: Renderer, count):
    classes = renderer.env.from_string('{% from "partials/grid.jinja" import grid %}{{ grid(n, compact=c) }}')
    for compact in (False, True):
        names = classes.render(n=count, c=compact).split()
        for columns, name in ((2, "ip-grid--pairs"), (3, "ip-grid--thirds"), (2, "ip-grid--compact")):
            if name in names:
                assert count % columns == 0, (count, names)


def test_the_nav_groups_are_named_in_each_language_and_an_unnamed_group_stops_the_build(content):
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    names = content["site"]["nav_sections"]
    for lang in ("da", "en"):
        nav = translated_nav(config["nav"], names, lang)
        groups = [next(iter(item)) for item in nav if isinstance(item, dict)]
        assert groups == [names[key][lang] for item in config["nav"] if isinstance(item, dict) for key in item]
    with pytest.raises(ValueError, match="'ukendt'"):
        translated_nav([{"ukendt": ["index.md"]}], names, "da")


def test_the_privacy_page_says_signing_up_sends_and_stores_nothing(renderer: Renderer, content):
    markdown = renderer.render("privacy", "privatliv.md", {})
    assert content["signup"]["nothing_stored"][language(renderer)] in markdown
    assert "(../tilmelding/)" in markdown
