"""The advice before, during and after the internship is the booklet's, complete, with ids that hold saved ticks."""
from __future__ import annotations

import re

import pytest
import yaml

from tests.conftest import ROOT

# Counted by hand in the booklet's sections "Før/Under/Efter praktikken": (advice, questions) per role,
# roles in the order the booklet and the site show them. A missing or invented bullet changes a count.
BOOKLET_COUNTS = {
    "foer": {"afgivende-arbejdsplads": (5, 3), "praktikant": (5, 2), "praktikvaert": (4, 3)},
    "under": {"afgivende-arbejdsplads": (1, 1), "praktikant": (5, 3), "praktikvaert": (4, 3)},
    "efter": {"afgivende-arbejdsplads": (2, 4), "praktikant": (3, 3), "praktikvaert": (3, 4)},
}
ROLE_SHORT = {"afgivende-arbejdsplads": "afgivende", "praktikant": "praktikant", "praktikvaert": "vaert"}


def load_phases() -> list[dict]:
    # Read the file itself, not load_content(): a problem in another data file (test_validation's job)
    # should not hide what is wrong or right here.
    return yaml.safe_load((ROOT / "data" / "advice.yml").read_text(encoding="utf-8"))["phases"]


@pytest.fixture(scope="module")
def phases():
    return {phase["id"]: phase for phase in load_phases()}


def counts(groups) -> dict[str, int]:
    """Items per role, in the order the groups come."""
    return {group["role"]: len(group["items"]) for group in groups}


def test_the_phases_are_before_during_after(phases):
    assert list(phases) == list(BOOKLET_COUNTS)


@pytest.mark.parametrize("phase_id", BOOKLET_COUNTS)
def test_each_role_has_the_booklets_number_of_advice_and_questions(phases, phase_id):
    expected = BOOKLET_COUNTS[phase_id]
    advice = counts(phases[phase_id]["advice"])
    questions = counts(phases[phase_id]["questions"])
    # Comparing lists of pairs also checks the role order.
    assert list(advice.items()) == [(role, pair[0]) for role, pair in expected.items()]
    assert list(questions.items()) == [(role, pair[1]) for role, pair in expected.items()]


def every_item() -> list[pytest.param]:
    """(phase id, role, kind, item) for every advice item and question, each test named by the item's id."""
    return [pytest.param(phase["id"], group["role"], kind, item, id=item["id"])
            for phase in load_phases()
            for kind in ("advice", "questions")
            for group in phase[kind]
            for item in group["items"]]


@pytest.mark.parametrize("phase_id, role, kind, item", every_item())
def test_an_item_id_names_its_phase_role_and_kind(phase_id, role, kind, item):
    # Saved checklist ticks are keyed by these ids: the pattern keeps them readable and apart.
    infix = "spm-" if kind == "questions" else ""
    pattern = rf"{phase_id}-{ROLE_SHORT[role]}-{infix}[a-z0-9]+(-[a-z0-9]+)*"
    assert re.fullmatch(pattern, item["id"])
    if kind == "advice":
        assert "-spm-" not in item["id"]


def test_the_conversation_model_has_four_steps(phases):
    with_steps = [item for group in phases["efter"]["advice"] for item in group["items"] if "steps" in item]
    assert [item["id"] for item in with_steps] == ["efter-praktikant-samtale"]
    steps = with_steps[0]["steps"]
    assert len(steps) == 4
    assert all(step["da"] and step["en"] for step in steps)
