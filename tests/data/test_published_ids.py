"""A published id is never lost or reused by accident, and renaming or retiring one on purpose is possible.

The ids under test are taken from the data (the first checklist item there is), never named here, so editors can
change any of them.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest
import yaml

from guide.content import check_content, load_content
from guide.problems import ContentError, counted
from guide.published_ids import REGISTER, former_ids
from tests.conftest import ROOT


@pytest.fixture
def project(project_copy):
    shutil.copy(ROOT / REGISTER, project_copy / REGISTER)
    return project_copy


def first_item_id(project) -> str:
    """The first checklist item that no rename in the register points at (this test's renames stand alone)."""
    advice = yaml.safe_load((project / "data" / "advice.yml").read_text(encoding="utf-8"))
    renamed_to = set((yaml.safe_load((project / REGISTER).read_text(encoding="utf-8")).get("renamed") or {}).values())
    return next(
        item["id"]
        for phase in advice["phases"]
        for group in phase["advice"]
        for item in group["items"]
        if item["id"] not in renamed_to
    )


def first_type_id(project) -> str:
    return yaml.safe_load((project / "data" / "travel_types.yml").read_text(encoding="utf-8"))["types"][0]["id"]


def rename_in_data(project, old: str, new: str) -> int:
    """Change `id: old` to `id: new` in data/advice.yml; returns its line."""
    path = project / "data" / "advice.yml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if line.strip() == f"- id: {old}")
    lines[number] = lines[number].replace(f"id: {old}", f"id: {new}")
    path.write_text("".join(lines), encoding="utf-8")
    return number + 1


def add_to_register(project, section: str, entry) -> None:
    """As the guides tell an editor: a line `old-id: new-id` (renamed) or `- old-id` (retired) typed under the
    section's key in published-ids.yml, whatever the section holds already."""
    path = project / REGISTER
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(index for index, line in enumerate(lines) if line.startswith(f"{section}:")) + 1
    typed = [f"  {old}: {new}\n" for old, new in entry.items()] if section == "renamed" else [f"  - {entry}\n"]
    path.write_text("".join(lines[:at] + typed + lines[at:]), encoding="utf-8")


def problems(project) -> list[str]:
    with pytest.raises(ContentError) as raised:
        load_content(project)
    return [str(problem) for problem in raised.value.problems]


def test_every_id_in_the_project_is_registered_or_reported_as_new():
    """The committed register matches the data, or the difference is only new ids (notes, never errors)."""
    _, notes = check_content(ROOT)
    assert all("new id '" in note.message for note in notes)


def test_a_published_id_that_disappears_fails_and_says_how_to_rename_or_retire(project):
    old = first_item_id(project)
    rename_in_data(project, old, "helt-nyt-id")
    phases = (project / "data" / "advice.yml").read_text(encoding="utf-8").splitlines().index("phases:") + 1
    assert problems(project) == [
        f"data/advice.yml:{phases}: phases.advice.items: the published id '{old}' is gone: "
        f"links to #{old} and visitors' saved ticks depend on it. If that was a mistake, put the id back. "
        f"Renamed on purpose: add '{old}: NEW-ID' "
        f"under renamed: in {REGISTER} (saved ticks move to the new id). Removed on purpose: add '- {old}' under "
        f"retired: in {REGISTER}"
    ]


def test_a_rename_on_purpose_passes_and_the_checklist_learns_the_former_id(project):
    old = first_item_id(project)
    rename_in_data(project, old, "helt-nyt-id")
    add_to_register(project, "renamed", {old: "helt-nyt-id"})
    _, notes = check_content(project)
    assert "helt-nyt-id" in [note.message.split("'")[1] for note in notes]  # new, so not an error
    assert former_ids(project)["helt-nyt-id"] == [old]


def test_a_rename_of_a_rename_moves_the_oldest_ticks_too(project):
    old = first_item_id(project)
    rename_in_data(project, old, "tredje-navn")
    add_to_register(project, "renamed", {old: "andet-navn", "andet-navn": "tredje-navn"})
    check_content(project)
    assert former_ids(project)["tredje-navn"] == sorted(["andet-navn", old])


def test_a_rename_to_an_id_that_does_not_exist_is_named(project):
    old = first_item_id(project)
    rename_in_data(project, old, "helt-nyt-id")
    add_to_register(project, "renamed", {old: "helt-nyt-idd"})
    found = problems(project)
    assert len(found) == 1 and found[0].startswith(f"{REGISTER}:")
    assert found[0].endswith(
        f"renamed.{old}: '{old}' is renamed to 'helt-nyt-idd', but there is no id "
        "'helt-nyt-idd' in data/; write the new id exactly as it stands in the data file"
    )


def test_a_retired_id_passes_but_may_never_come_back(project):
    old = first_item_id(project)
    line = rename_in_data(project, old, "helt-nyt-id")
    add_to_register(project, "retired", old)
    check_content(project)
    rename_in_data(project, "helt-nyt-id", old)  # an editor gives a new item the old id again
    found = problems(project)
    assert len(found) == 1 and re.fullmatch(
        rf"data/advice\.yml:{line}: phases\[\d+\]\.advice\[\d+\]\.items\[\d+\]\.id: the id '{old}' was published "
        rf"before and has been retired \({REGISTER}\); old ticks and links would land on this item: give it a new id",
        found[0],
    ), found


def test_a_renamed_id_may_not_be_reused(project):
    old = first_item_id(project)
    rename_in_data(project, old, "helt-nyt-id")
    add_to_register(project, "renamed", {old: "helt-nyt-id"})
    data = project / "data" / "travel_types.yml"
    kept = first_type_id(project)
    data.write_text(data.read_text(encoding="utf-8").replace(f"- id: {kept}\n", f"- id: {old}\n", 1), encoding="utf-8")
    found = problems(project)
    assert [p for p in found if "has been renamed to 'helt-nyt-id'" in p and p.startswith("data/travel_types.yml")]
    assert len([p for p in found if f"'{old}'" in p]) == 1


def test_make_ids_adds_a_new_id_and_refuses_while_one_is_lost(project):
    path = project / "data" / "travel_types.yml"
    old = first_type_id(project)
    path.write_text(
        path.read_text(encoding="utf-8").replace(f"- id: {old}\n", f"- id: {old}-nyt\n", 1), encoding="utf-8"
    )
    run = [sys.executable, "-m", "guide.check", "--add-new-ids"]
    env = {"PYTHONPATH": str(ROOT)}
    refused = subprocess.run(run, cwd=project, capture_output=True, text=True, env=env)
    assert refused.returncode == 1 and f"the published id '{old}' is gone" in refused.stderr
    add_to_register(project, "renamed", {old: f"{old}-nyt"})
    new_ids = len(check_content(project)[1])  # this one, and any the data has that are not registered yet
    added = subprocess.run(run, cwd=project, capture_output=True, text=True, env=env)
    assert (added.returncode, added.stdout) == (0, f"{REGISTER}: {counted(new_ids, 'new id')} added.\n")
    register = yaml.safe_load((project / REGISTER).read_text(encoding="utf-8"))
    assert {old, f"{old}-nyt"} <= set(register["ids"]["travel_types"]["types"])
    assert register["renamed"][old] == f"{old}-nyt"
    assert check_content(project)[1] == []


def test_a_register_with_a_broken_layout_is_named_not_a_crash(project):
    (project / REGISTER).write_text("ids:\n  - turist\nrenamed: []\n", encoding="utf-8")
    assert problems(project) == [
        f"{REGISTER}:1: (the whole file): the file should hold ids:, renamed: (old-id: new-id lines) and retired: "
        "(- old-id lines), laid out as make ids writes it; undo the change to its layout"
    ]


def test_an_id_with_an_invisible_character_is_not_also_reported_as_gone(project):
    old = first_type_id(project)
    path = project / "data" / "travel_types.yml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(f"- id: {old}\n", f"- id: {old}\u200b\n", 1), encoding="utf-8"
    )
    found = problems(project)
    assert len(found) == 1 and "U+200B zero-width space" in found[0]


def test_a_rename_is_followed_to_every_reference_to_the_old_id(project):
    """A programme suggestion drawn from the renamed advice item: make check names that line and the new id."""
    planning = project / "data" / "planning.yml"
    suggestions = yaml.safe_load(planning.read_text(encoding="utf-8"))
    drawn = next(
        source for group in _suggestion_lists(suggestions) for suggestion in group for source in suggestion["from"]
    )
    rename_in_data_anywhere(project, drawn, "helt-nyt-id")
    add_to_register(project, "renamed", {drawn: "helt-nyt-id"})
    found = problems(project)
    assert found and all(problem.startswith("data/planning.yml:") for problem in found), found
    assert all(
        f"the id '{drawn}' was renamed to 'helt-nyt-id' ({REGISTER}); write 'helt-nyt-id'" in problem
        for problem in found
    )
    planning.write_text(planning.read_text(encoding="utf-8").replace(drawn, "helt-nyt-id"), encoding="utf-8")
    check_content(project)


def test_a_retired_id_is_followed_to_every_reference_to_it(project):
    planning = yaml.safe_load((project / "data" / "planning.yml").read_text(encoding="utf-8"))
    drawn = next(
        source for group in _suggestion_lists(planning) for suggestion in group for source in suggestion["from"]
    )
    rename_in_data_anywhere(project, drawn, "helt-nyt-id")
    add_to_register(project, "retired", drawn)
    found = problems(project)
    assert found and all(f"the id '{drawn}' is retired ({REGISTER}); remove it here" in problem for problem in found)


def _suggestion_lists(data):
    """Every list of items with a `from:` in the data, wherever it stands."""
    if isinstance(data, dict):
        for value in data.values():
            yield from _suggestion_lists(value)
    elif isinstance(data, list):
        if data and all(isinstance(item, dict) and "from" in item for item in data):
            yield data
        for item in data:
            yield from _suggestion_lists(item)


def rename_in_data_anywhere(project, old: str, new: str) -> None:
    """`id: old` to `id: new` in whichever data file defines it."""
    for path in sorted((project / "data").glob("*.yml")):
        text = path.read_text(encoding="utf-8")
        if f"id: {old}\n" in text:
            path.write_text(text.replace(f"id: {old}\n", f"id: {new}\n", 1), encoding="utf-8")
            return
    raise AssertionError(f"no data file defines the id {old}")
