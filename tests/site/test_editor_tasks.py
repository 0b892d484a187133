"""Every task in the editors' guides works from the browser alone.

An editor on GitHub's web editor changes files in data/ (and published-ids.yml where the guide says so) and
runs nothing. Each task below is made that way, all of them in one copy of the whole project: `make check`
must pass, the site must build, and the data, render and site layers of the copy's own suite must pass
against it. Nothing that `make ids` or `make glossary` would write is done: those are never the editor's job.
"""

from __future__ import annotations

import copy

import yaml

from guide.content import check_content
from tests.site.test_content_is_free import built_with_pdfs, run_layers, whole_copy


def edit(project, name, change):
    """The change made to the file's data; the file's opening comments (its schema line) stay, as in an edit by
    hand, and the layout is PyYAML's (another way an editor could have written the same)."""
    path = project / "data" / f"{name}.yml"
    text = path.read_text(encoding="utf-8")
    header = "".join(
        line
        for line in text.splitlines(keepends=True)[
            : next(index for index, line in enumerate(text.splitlines()) if not line.startswith("#"))
        ]
    )
    data = yaml.safe_load(text)
    change(data)
    path.write_text(header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")


def type_under(project, section: str, line: str) -> None:
    """A line typed under `section:` in published-ids.yml, as the guides say (renamed: / retired:)."""
    path = project / "published-ids.yml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(index for index, text in enumerate(lines) if text.startswith(f"{section}:")) + 1
    path.write_text("".join(lines[:at] + [f"  {line}\n"] + lines[at:]), encoding="utf-8")


def unreferenced_items(project, advice):
    """Checklist items no other file names: an editor may rename or retire them without other changes."""
    others = "".join(
        path.read_text(encoding="utf-8") for path in (project / "data").glob("*.yml") if path.name != "advice.yml"
    )
    return [
        item
        for phase in advice["phases"]
        for group in phase["advice"]
        for item in group["items"]
        if item["id"] not in others
    ]


def change_a_text(data):
    data["types"][0]["tagline"] = {"da": "En ny tekst om turisten", "en": "A new text about the tourist"}


def add_advice(data):
    items = data["phases"][0]["advice"][0]["items"]
    items.append({"id": "test-opgave-raad", "text": {"da": "Tag en notesbog med.", "en": "Bring a notebook."}})


def add_a_travel_type(data):
    new = copy.deepcopy(data["types"][-1])
    new.update(id="test-opgave-rejsetype", name={"da": "Pendler", "en": "Commuter"})
    data["types"].append(new)


def other_days(project):
    """A travel type's days changed to every length the programme planner plans."""
    days = yaml.safe_load((project / "data" / "planning.yml").read_text(encoding="utf-8"))["programme"]["days"]

    def change(data):
        data["types"][0]["days"] = [days["min"], days["max"]]

    return change


def add_a_keyword(data):
    page = next(iter(data["keywords"]))
    data["keywords"][page]["da"] = [*data["keywords"][page]["da"], "testordet"]
    data["keywords"][page]["en"] = [*data["keywords"][page]["en"], "testword"]


def add_a_glossary_term(data):
    term = copy.deepcopy(data["terms"][0])
    term.update(da="prøveord", en="trial word")
    for key in ("avoid", "allowed_in_english", "gloss"):
        term.pop(key, None)
    data["terms"].append(term)


def test_every_documented_task_made_in_the_browser_passes_check_build_and_tests(tmp_path):
    project = whole_copy(tmp_path)
    edit(project, "travel_types", change_a_text)
    edit(project, "advice", add_advice)
    edit(project, "travel_types", add_a_travel_type)
    edit(project, "travel_types", other_days(project))
    edit(project, "search", add_a_keyword)
    edit(project, "glossary", add_a_glossary_term)
    advice = yaml.safe_load((project / "data" / "advice.yml").read_text(encoding="utf-8"))
    renamed, retired = unreferenced_items(project, advice)[:2]

    def rename_and_retire(data):
        for phase in data["phases"]:
            for group in phase["advice"]:
                group["items"] = [
                    {**item, "id": "test-opgave-nyt-id"} if item["id"] == renamed["id"] else item
                    for item in group["items"]
                    if item["id"] != retired["id"]
                ]

    edit(project, "advice", rename_and_retire)
    type_under(project, "renamed", f"{renamed['id']}: test-opgave-nyt-id")
    type_under(project, "retired", f"- {retired['id']}")

    _, notes = check_content(project, thorough=True)
    assert {"test-opgave-raad", "test-opgave-rejsetype", "test-opgave-nyt-id"} <= {
        note.message.split("'")[1] for note in notes
    }, "new ids are notes, never problems"
    built_with_pdfs(project)
    result = run_layers(project, ["tests/data", "tests/render", "tests/site"])
    assert result.returncode == 0, "a task from the guides fails the tests:\n" + result.stdout[-6000:]
