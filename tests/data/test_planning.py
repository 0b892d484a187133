"""The planning tools' data: suggestions drawn only from the booklet's advice, keys that cannot collide."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Iterator

from macros.content import load_content
from tests.conftest import ROOT

CONTENT = load_content(ROOT)
PLANNING = CONTENT["planning"]


def walk_ids(data: Any) -> Iterator[str]:
    if isinstance(data, Mapping):
        if isinstance(data.get("id"), str):
            yield data["id"]
        for value in data.values():
            yield from walk_ids(value)
    elif isinstance(data, (list, tuple)):
        for item in data:
            yield from walk_ids(item)


def ids_in(domain: str) -> set[str]:
    """Every id in a domain's file, at any depth (advice items, role sections)."""
    return set(walk_ids(CONTENT[domain]))


def test_every_suggestion_is_drawn_from_advice_or_a_role_section_that_exists():
    """The programme may only suggest what the booklet advises: each suggestion names its sources."""
    sources = ids_in("advice") | ids_in("roles")
    for suggestion in PLANNING["programme"]["suggestions"]:
        missing = [source for source in suggestion["from"] if source not in sources]
        assert missing == [], f"{suggestion['id']}: no advice or role section with the id(s) {missing}"


def test_every_suggestion_goes_in_a_part_of_the_day_the_grid_has():
    parts = {part["id"] for part in PLANNING["programme"]["parts"]}
    for suggestion in PLANNING["programme"]["suggestions"]:
        assert suggestion["part"] in parts, f"{suggestion['id']}: part '{suggestion['part']}' is not one of {parts}"


def test_the_programme_allows_the_days_of_every_travel_type():
    days = PLANNING["programme"]["days"]
    assert days["min"] <= days["max"]
    for travel_type in CONTENT["travel_types"]["types"]:
        assert all(days["min"] <= n <= days["max"] for n in travel_type["days"]), travel_type["id"]


def test_no_stored_key_prefix_is_a_prefix_of_another():
    """Clearing one tool (all keys under its prefix) must never touch another tool's answers."""
    prefixes = [kind["prefix"] for kind in PLANNING["storage"]["kinds"]]
    for a in prefixes:
        assert [b for b in prefixes if b != a and b.startswith(a)] == []


def test_the_agreement_box_is_a_note_of_the_advice():
    notes = {note["id"] for phase in CONTENT["advice"]["phases"] for note in phase.get("notes", [])}
    for group in PLANNING["agreement"]["groups"]:
        if "note" in group:
            assert group["note"] in notes, group["id"]


def test_every_tool_offered_has_a_page_with_a_title():
    for tool in PLANNING["offered"]:
        assert tool["page"] in CONTENT["site"]["pages"], tool["page"]
        assert (ROOT / "docs" / f"{tool['page']}.md").is_file(), tool["page"]
