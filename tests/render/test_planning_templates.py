"""The planning tools rendered from data/planning.yml in both languages: every field labelled, the
programme a real table, the agreement complete, and the tools reachable where the data says."""

from __future__ import annotations

import html as html_lib
import re

import pytest

from guide.rendering import Renderer
from tests.render.conftest import other


def labels(html: str) -> dict[str, str]:
    """Each `<label for=…>`'s target and its text."""
    return {
        target: re.sub(r"<[^>]+>", "", text).strip()
        for target, text in re.findall(r'<label[^>]* for="([^"]+)">(.*?)</label>', html, re.DOTALL)
    }


def field_ids(html: str) -> list[str]:
    return re.findall(r'<(?:input|select|textarea)[^>]* id="([^"]+)"', html)


def test_the_programme_is_a_table_with_a_row_per_day_and_a_column_per_part(renderer: Renderer, content):
    lang = renderer.env.globals["lang"]
    programme = content["planning"]["programme"]
    html = renderer.render("programme", "tjeklister/program.md", {})
    parts = programme["parts"]
    for part in parts:
        assert f'<th scope="col" id="program-del-{part["id"]}">{part["label"][lang]}</th>' in html
    rows = re.findall(r'<tr data-ip-day="(\d+)">', html)
    assert [int(n) for n in rows] == list(range(1, programme["days"]["max"] + 1))
    # Every cell is named by its row's and its column's visible headers.
    for n in rows:
        assert f'<th scope="row" id="program-dag-{n}">{programme["day"][lang].replace("{n}", n)} ' in html
        for part in parts:
            cell = f'id="dag-{n}-{part["id"]}"'
            assert html.count(cell) == 1
            assert re.search(
                rf'{cell} rows="\d+" data-ip-field="dag-{n}-{part["id"]}" data-ip-cell="{part["id"]}" '
                rf'aria-labelledby="program-dag-{n} program-del-{part["id"]}"',
                html,
            )


def test_every_field_of_the_programme_outside_the_table_has_a_visible_label(renderer: Renderer, content):
    html = renderer.render("programme", "tjeklister/program.md", {})
    found = labels(html)
    outside = [i for i in field_ids(html) if not i.startswith("dag-")]
    assert outside and all(found.get(i) for i in outside), [i for i in outside if not found.get(i)]


def test_the_programme_offers_every_travel_type_and_lists_every_suggestion(renderer: Renderer, content):
    lang = renderer.env.globals["lang"]
    html = renderer.render("programme", "tjeklister/program.md", {})
    for travel_type in content["travel_types"]["types"]:
        # Every length from the type's first to its last day (days: [3, 5] offers 3, 4 and 5).
        lengths = range(travel_type["days"][0], travel_type["days"][-1] + 1)
        assert f'<option value="{travel_type["id"]}" data-days="{" ".join(map(str, lengths))}">' in html
    for suggestion in content["planning"]["programme"]["suggestions"]:
        assert f'data-part="{suggestion["part"]}"' in html
        assert f">{suggestion['text'][lang]}</li>" in html
        assert suggestion["text"][other(lang)] not in html


def test_the_agreement_has_every_field_labelled_the_confidentiality_box_and_signatures(renderer: Renderer, content):
    lang = renderer.env.globals["lang"]
    agreement = content["planning"]["agreement"]
    html = renderer.render("agreement", "tjeklister/praktikaftale.md", {})
    found = labels(html)
    for group in agreement["groups"]:
        assert f"<legend>{group['title'][lang]}</legend>" in html
        for field in group["fields"]:
            assert found.get(field["id"]) == html_lib.unescape(field["label"][lang])
            assert f'data-ip-field="{field["id"]}"' in html
    boxes = [
        note
        for phase in content["advice"]["phases"]
        for note in phase.get("notes", [])
        if note["id"] in {g.get("note") for g in agreement["groups"]}
    ]
    assert boxes
    for note in boxes:
        for paragraph in note["paragraphs"]:
            assert renderer.env.filters["md"](paragraph[lang]) in html
    for section in content["fine_print"]["sections"]:
        assert f'href="../../det-med-smaat/#{section["id"]}">{section["title"][lang]}</a>' in html
    for signer in agreement["signatures"]["signers"]:
        assert f"<strong>{signer['label'][lang]}</strong>" in html


def test_the_privacy_page_lists_every_stored_key_prefix(renderer: Renderer, content):
    lang = renderer.env.globals["lang"]
    html = renderer.render("privacy", "privatliv.md", {})
    for kind in content["planning"]["storage"]["kinds"]:
        assert f'<tr id="{kind["id"]}">' in html
        assert f"<td><code>{kind['prefix']}</code>" in html
        assert renderer.env.filters["md"](kind["what"][lang]) in html


@pytest.mark.parametrize("tool", [0, 1])
def test_each_tool_is_linked_where_the_data_offers_it(renderer: Renderer, content, tool):
    offered = content["planning"]["offered"][tool]
    target = offered["page"].removeprefix("tjeklister/")
    card = f'<a class="ip-checklist-link" href="../tjeklister/{target}/">'
    for role in content["roles"]["roles"]:
        page = {"praktikant": "bliv-praktikant", "praktikvaert": "bliv-praktikvaert"}.get(role["id"], role["id"])
        html = renderer.render("role_page", f"{page}.md", {"role": role["id"]})
        assert (card in html) == (role["id"] in offered["roles"]), role["id"]
    for phase in content["advice"]["phases"]:
        html = renderer.render("advice_phase", f"{phase['id']}-praktikken.md", {"phase": phase["id"]})
        assert (card in html) == (phase["id"] in offered["phases"]), phase["id"]
    assert f'<a href="{target}/">' in renderer.render("checklists", "tjeklister/index.md", {})
    journey = renderer.render("journey", "saadan-deltager-du.md", {})
    steps = re.split(r'<li class="ip-journey__step" id="([a-z0-9-]+)">', journey)[1:]
    for step_id, body in zip(steps[::2], steps[1::2], strict=True):
        assert (f'href="../tjeklister/{target}/"' in body) == (step_id in offered["steps"]), step_id


def test_the_fourth_travel_type_is_offered_by_its_one_name_in_the_programme_and_the_agreement(
    renderer: Renderer, content
):
    lang = renderer.env.globals["lang"]
    other = content["travel_types"]["other"]
    name = html_lib.escape(other["name"][lang], quote=False)
    programme = renderer.render("programme", "tjeklister/program.md", {})
    agreement = renderer.render("agreement", "tjeklister/praktikaftale.md", {})
    assert re.search(rf'<option value=""[^>]*>{re.escape(name)} \(', programme)
    assert f'<option value="{other["id"]}">{name}</option>' in agreement
