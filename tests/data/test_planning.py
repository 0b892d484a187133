"""The planning tools' data: each rule that ties it to the rest of the guide is a `make check` rule, refused on
the line to change. Every case breaks today's data in a copy, whatever that data is."""

from __future__ import annotations

import pytest
import yaml

from guide.content import load_content
from guide.problems import ContentError


def broken(project, domain: str, change) -> list[str]:
    path = project / "data" / f"{domain}.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        load_content(project)
    return [str(problem) for problem in raised.value.problems]


def test_a_suggestion_drawn_from_advice_that_does_not_exist_is_refused(project_copy):
    """The programme may only suggest what the booklet advises: each suggestion names its sources."""

    def change(data):
        data["programme"]["suggestions"][0]["from"][0] += "x"

    problems = broken(project_copy, "planning", change)
    assert len(problems) == 1 and "programme.suggestions[0].from[0]: there is no id" in problems[0]


def test_a_suggestion_for_a_part_of_the_day_the_grid_lacks_is_refused(project_copy):
    def change(data):
        data["programme"]["suggestions"][0]["part"] += "x"

    problems = broken(project_copy, "planning", change)
    assert len(problems) == 1 and "programme.suggestions[0].part: there is no id" in problems[0]
    assert "perhaps you meant" in problems[0] and "the ids there are:" in problems[0]


def test_a_travel_type_the_programme_cannot_plan_is_refused_on_its_days(project_copy):
    beyond = load_content(project_copy)["planning"]["programme"]["days"]["max"] + 1

    def change(data):
        data["types"][0]["days"] = [1, beyond]

    problems = broken(project_copy, "travel_types", change)
    assert len(problems) == 1 and problems[0].startswith("data/travel_types.yml:")
    assert (
        "types[0].days: the programme planner plans" in problems[0] and f"cannot plan 1–{beyond} days;" in problems[0]
    )


def test_two_tools_sharing_a_storage_prefix_are_refused(project_copy):
    def change(data):
        data["storage"]["kinds"][1]["prefix"] = data["storage"]["kinds"][0]["prefix"]

    problems = broken(project_copy, "planning", change)
    assert len(problems) == 1 and "storage.kinds[1].prefix: the prefix" in problems[0]


def test_an_agreement_box_that_is_no_note_of_the_advice_is_refused(project_copy):
    def change(data):
        group = next(group for group in data["agreement"]["groups"] if "note" in group)
        group["note"] += "x"

    problems = broken(project_copy, "planning", change)
    assert len(problems) == 1 and ".note: there is no id" in problems[0]


def test_a_phase_whose_id_names_no_page_is_refused_on_its_id(project_copy):
    """The role pages link to a phase's page by its id: a new or renamed phase without its page is named."""

    def change(data):
        data["phases"].append(with_new_ids(data["phases"][0]))

    problems = broken(project_copy, "advice", change)
    assert [problem for problem in problems if "which does not exist; a phase's id names its page" in problem]


def with_new_ids(data):
    """A copy with every id, at any depth, made new: a second item that clashes with nothing."""
    if isinstance(data, dict):
        return {key: "test-" + value if key == "id" else with_new_ids(value) for key, value in data.items()}
    if isinstance(data, list):
        return [with_new_ids(item) for item in data]
    return data
