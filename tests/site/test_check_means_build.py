"""`make check` passing means the build passes: realistic editor changes to a copy of the data, each checked
(as `make check` does) and built (as `make build` does). Whenever the check passes, the build must too.

Each change also says whether the check should pass, so the promise is tested from both sides: changes that
a template would trip over are refused by the check, on the data line, before any build.
"""

from __future__ import annotations

import copy

import pytest

from guide.content import check_content, load_content
from guide.problems import ContentError
from tests.conftest import ROOT
from tests.projects import build, edit_yaml, project_copy


def first_text(data, lang="da"):
    """The first {da, en} text pair below `data`, depth first."""
    if isinstance(data, dict):
        if set(data) == {"da", "en"}:
            return data
        values = data.values()
    elif isinstance(data, list):
        values = data
    else:
        return None
    return next((found for found in map(first_text, values) if found), None)


def new_travel_type(data):
    new = copy.deepcopy(data["types"][0])
    new["id"] = "test-check-rejsetype"
    new["name"] = {"da": "Pendler", "en": "Commuter"}
    data["types"].append(new)


PLANNED = load_content(ROOT)["planning"]["programme"]["days"]  # the lengths the programme planner plans


def every_planned_length(data):
    for travel_type in data["types"]:
        travel_type["days"] = [PLANNED["min"], PLANNED["max"]]


def days_beyond_the_programme(data):
    data["types"][0]["days"] = [PLANNED["min"], PLANNED["max"] + 1]


def misspelt_role_page(data):
    data["roles"][0]["page"] += "x"


def role_page_elsewhere(data):
    data["roles"][0]["page"] = data["roles"][-1]["page"]


def misspelt_advice_role(data):
    data["phases"][0]["advice"][0]["role"] += "x"


def new_advice_item(data):
    items = data["phases"][-1]["advice"][0]["items"]
    items.append({**copy.deepcopy(items[0]), "id": "test-check-raad"})


def removed_advice_item(data):
    data["phases"][-1]["advice"][0]["items"].pop()


def link_to_an_id_on_its_page(data):
    first_text(data["types"][0])["da"] = f"Se [{data['types'][0]['id']}](/rejsetyper.md#{data['types'][0]['id']})."


def link_to_an_id_on_another_page(data):
    first_text(data["types"][0])["da"] = f"Se [typen](/index.md#{data['types'][0]['id']})."


def journey_step_without_pages(data):
    for step in data["steps"]:
        step.pop("pages", None)


def renamed_phase(data):
    data["phases"][0]["id"] += "x"


# (data file, the change, whether make check should pass)
CHANGES = {
    "a new travel type": ("travel_types", new_travel_type, True),
    "every travel type spans every planned length": ("travel_types", every_planned_length, True),
    "a travel type longer than the programme plans": ("travel_types", days_beyond_the_programme, False),
    "a role's page misspelt": ("roles", misspelt_role_page, False),
    "a role's page moved to another page": ("roles", role_page_elsewhere, True),
    "an advice group's role misspelt": ("advice", misspelt_advice_role, False),
    "a new advice item": ("advice", new_advice_item, True),
    "a published advice item removed": ("advice", removed_advice_item, False),
    "a text links to an id on its page": ("travel_types", link_to_an_id_on_its_page, True),
    "a text links to an id on another page": ("travel_types", link_to_an_id_on_another_page, False),
    "journey steps without links": ("journey", journey_step_without_pages, True),
    "a phase's id changed": ("advice", renamed_phase, False),
}


@pytest.mark.parametrize("change", CHANGES)
def test_when_make_check_passes_the_build_passes(tmp_path, change):
    domain, edit, check_passes = CHANGES[change]
    project = project_copy(tmp_path)
    edit_yaml(project / "data" / f"{domain}.yml", edit)
    try:
        check_content(project, thorough=True)
    except ContentError as error:
        assert not check_passes, f"make check refused a change it should take:\n{error}"
        assert all(problem.file.startswith(("data/", "published-ids.yml")) for problem in error.problems), (
            f"make check must name the data line, not a template:\n{error}"
        )
        return
    assert check_passes, "make check let through a change that breaks the guide"
    problems = build(project)
    assert problems == [], "make check passed, but the build failed:\n" + "\n".join(problems)
