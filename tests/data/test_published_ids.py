"""A published id is never lost or reused by accident, and renaming or retiring one on purpose is possible.

The ids under test are taken from the data (the first checklist item there is), never named here, so editors can
change any of them.
"""
from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
import yaml

from macros.content import check_content, load_content
from macros.problems import ContentError
from macros.published_ids import REGISTER, former_ids
from tests.conftest import ROOT


@pytest.fixture
def project(project_copy):
    shutil.copy(ROOT / REGISTER, project_copy / REGISTER)
    return project_copy


def first_item_id(project) -> str:
    advice = yaml.safe_load((project / "data" / "advice.yml").read_text(encoding="utf-8"))
    return advice["phases"][0]["advice"][0]["items"][0]["id"]


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
    path = project / REGISTER
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if section == "renamed":
        data["renamed"].update(entry)
    else:
        data["retired"].append(entry)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


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
        f"data/advice.yml:{phases}: phases.advice.items: the published id '{old}' is gone: links to #{old} and visitors' "
        f"saved ticks depend on it. If that was a mistake, put the id back. Renamed on purpose: add '{old}: NEW-ID' "
        f"under renamed: in {REGISTER} (saved ticks move to the new id). Removed on purpose: add '- {old}' under "
        f"retired: in {REGISTER}"]


def test_a_rename_on_purpose_passes_and_the_checklist_learns_the_former_id(project):
    old = first_item_id(project)
    rename_in_data(project, old, "helt-nyt-id")
    add_to_register(project, "renamed", {old: "helt-nyt-id"})
    _, notes = check_content(project)
    assert [note.message.split("'")[1] for note in notes] == ["helt-nyt-id"]  # new, so not an error
    assert former_ids(project) == {"helt-nyt-id": [old]}


def test_a_rename_of_a_rename_moves_the_oldest_ticks_too(project):
    old = first_item_id(project)
    rename_in_data(project, old, "tredje-navn")
    add_to_register(project, "renamed", {old: "andet-navn", "andet-navn": "tredje-navn"})
    check_content(project)
    assert former_ids(project) == {"tredje-navn": sorted(["andet-navn", old])}


def test_a_rename_to_an_id_that_does_not_exist_is_named(project):
    old = first_item_id(project)
    rename_in_data(project, old, "helt-nyt-id")
    add_to_register(project, "renamed", {old: "helt-nyt-idd"})
    found = problems(project)
    assert len(found) == 1 and found[0].startswith(f"{REGISTER}:")
    assert found[0].endswith(f"renamed.{old}: '{old}' is renamed to 'helt-nyt-idd', but there is no id "
                             "'helt-nyt-idd' in data/; write the new id exactly as it stands in the data file")


def test_a_retired_id_passes_but_may_never_come_back(project):
    old = first_item_id(project)
    line = rename_in_data(project, old, "helt-nyt-id")
    add_to_register(project, "retired", old)
    check_content(project)
    rename_in_data(project, "helt-nyt-id", old)  # an editor gives a new item the old id again
    assert problems(project) == [
        f"data/advice.yml:{line}: phases[0].advice[0].items[0].id: the id '{old}' was published before and has been retired ({REGISTER}); "
        "old ticks and links would land on this item: give it a new id"]


def test_a_renamed_id_may_not_be_reused(project):
    old = first_item_id(project)
    rename_in_data(project, old, "helt-nyt-id")
    add_to_register(project, "renamed", {old: "helt-nyt-id"})
    data = project / "data" / "travel_types.yml"
    kept = first_type_id(project)
    data.write_text(data.read_text(encoding="utf-8").replace(f"- id: {kept}\n", f"- id: {old}\n", 1),
                    encoding="utf-8")
    found = problems(project)
    assert [p for p in found if "has been renamed to 'helt-nyt-id'" in p and p.startswith("data/travel_types.yml")]
    assert len([p for p in found if f"'{old}'" in p]) == 1


def test_make_ids_adds_a_new_id_and_refuses_while_one_is_lost(project):
    path = project / "data" / "travel_types.yml"
    old = first_type_id(project)
    path.write_text(path.read_text(encoding="utf-8").replace(f"- id: {old}\n", f"- id: {old}-nyt\n", 1),
                    encoding="utf-8")
    run = [sys.executable, "-m", "macros.check", "--add-new-ids"]
    env = {"PYTHONPATH": str(ROOT)}
    refused = subprocess.run(run, cwd=project, capture_output=True, text=True, env=env)
    assert refused.returncode == 1 and f"the published id '{old}' is gone" in refused.stderr
    add_to_register(project, "renamed", {old: f"{old}-nyt"})
    added = subprocess.run(run, cwd=project, capture_output=True, text=True, env=env)
    assert (added.returncode, added.stdout) == (0, f"{REGISTER}: 1 new id added.\n")
    register = yaml.safe_load((project / REGISTER).read_text(encoding="utf-8"))
    assert {old, f"{old}-nyt"} <= set(register["ids"]["travel_types"]["types"])
    assert register["renamed"] == {old: f"{old}-nyt"}
    assert check_content(project)[1] == []


def test_a_register_with_a_broken_layout_is_named_not_a_crash(project):
    (project / REGISTER).write_text("ids:\n  - turist\nrenamed: []\n", encoding="utf-8")
    assert problems(project) == [
        f"{REGISTER}:1: (the whole file): the file should hold ids:, renamed: (old-id: new-id lines) and retired: "
        "(- old-id lines), laid out as make ids writes it; undo the change to its layout"]


def test_an_id_with_an_invisible_character_is_not_also_reported_as_gone(project):
    old = first_type_id(project)
    path = project / "data" / "travel_types.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(f"- id: {old}\n", f"- id: {old}\u200b\n", 1),
                    encoding="utf-8")
    found = problems(project)
    assert len(found) == 1 and "U+200B zero-width space" in found[0]
