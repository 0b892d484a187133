"""An editor's content change is a YAML edit only: no Python, no template, no page stub to touch.

A copy of the project gets a new piece of advice for the intern, a new travel type and a changed Spredningsguide
phase description, written into data/ only; both languages are built there with --strict, and each new text
must turn up wherever its neighbours already do: the phase page, the intern's checklist, the travel types page,
Spredningsguiden and its worksheet. The same copy with a typo in a role id must not build at all.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest

from tests.projects import build, edit_yaml, project_copy
from tests.site.conftest import parse

# Ids of the test's own, never the guides' examples (`foer-praktikant-madpakke`, `pendler`): an editor following
# REDIGERING.md must never collide with this test.
NEW_ADVICE = {
    "id": "test-yaml-only-raad",
    "text": {
        "da": "Aftal med værten, hvor du spiser frokost den første dag.",
        "en": "Agree with your host where you will have lunch on the first day.",
    },
}
NEW_TYPE = {
    "id": "test-yaml-only-rejsetype",
    "name": {"da": "Pendler", "en": "Commuter"},
    "travel_as": {"da": "som pendler", "en": "as a commuter"},
    "tagline": {
        "da": "Hvis du vil prøve en ny arbejdsplads én dag om ugen",
        "en": "If you want to try a new workplace one day a week",
    },
    "description": [
        {
            "da": "Pendleren besøger den samme arbejdsplads en dag om ugen i en måned.",
            "en": "The commuter visits the same workplace one day a week for a month.",
        }
    ],
    "examples": [
        {
            "da": "En bibliotekar, der hver fredag er i praktik på et borgerservicecenter.",
            "en": "A librarian who interns at a citizen service centre every Friday.",
        }
    ],
}
NEW_PHASE_DESCRIPTION = {
    "da": "Her undersøger I sammen, om løsningen passer til jeres hverdag.",
    "en": "Here you find out together whether the solution fits your everyday work.",
}


def plain(text: str) -> bool:
    """Text that reads the same on the page as in the YAML (no Markdown to render)."""
    return not set(text) & set("*_[]`<>&")


def add_advice(data: dict) -> str:
    """The new item goes to the intern's advice before the internship; returns a text already there."""
    phase = next(p for p in data["phases"] if p["id"] == "foer")
    group = next(g for g in phase["advice"] if g["role"] == "praktikant")
    neighbour = next(item["text"]["da"] for item in group["items"] if plain(item["text"]["da"]))
    group["items"].append(NEW_ADVICE)
    return neighbour


def add_travel_type(data: dict) -> None:
    """A copy of the first type with every text replaced: whatever the schema asks for, it has."""
    new = copy.deepcopy(data["types"][0])
    new.update(NEW_TYPE)
    data["types"].append(new)


def pages_with(site: Path, text: str) -> set[str]:
    """Every built page (both languages) whose visible text contains `text`, as 'en/rejsetyper/'."""
    return {
        html.parent.relative_to(site).as_posix() + "/" for html in site.rglob("index.html") if text in parse(html).text
    }


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict:
    project = project_copy(tmp_path_factory.mktemp("edited"))
    neighbours = {}

    def change_advice(data):
        neighbours["advice"] = add_advice(data)

    edit_yaml(project / "data" / "advice.yml", change_advice)
    edit_yaml(project / "data" / "travel_types.yml", add_travel_type)
    spreading = project / "data" / "spreading.yml"
    if spreading.is_file():

        def change_phase(data):
            phase = next(p for p in data["phases"] if plain(p["description"]["da"]))
            neighbours["phase"] = phase["description"]["da"]
            phase["description"] = NEW_PHASE_DESCRIPTION

        edit_yaml(spreading, change_phase)
    problems = build(project)
    assert problems == [], "the edited copy did not build:\n" + "\n".join(problems)
    return {"site": project / "site", "neighbours": neighbours}


@pytest.mark.parametrize(
    "lang, checklist, phase_page",
    [
        ("da", "tjeklister/praktikant/", "foer-praktikken/"),
        ("en", "en/tjeklister/praktikant/", "en/foer-praktikken/"),
    ],
)
def test_new_advice_appears_on_the_checklist_and_wherever_its_neighbours_do(built, lang, checklist, phase_page):
    site = built["site"]
    shown = pages_with(site, NEW_ADVICE["text"][lang])
    assert {checklist, phase_page} <= shown
    if lang == "da":  # in Danish the neighbour's text finds every page that lists the intern's advice
        assert shown == pages_with(site, built["neighbours"]["advice"])
    checklist_html = (site / checklist / "index.html").read_text(encoding="utf-8")
    assert f'"{NEW_ADVICE["id"]}"' in checklist_html or f'-{NEW_ADVICE["id"]}"' in checklist_html, (
        "the new item's id should mark its tick box, so a saved tick survives"
    )


@pytest.mark.parametrize("lang, page", [("da", "rejsetyper/"), ("en", "en/rejsetyper/")])
def test_a_new_travel_type_gets_its_own_section(built, lang, page):
    html = built["site"] / page / "index.html"
    parsed = parse(html)
    heading = parsed.first("h2", id=NEW_TYPE["id"])
    assert heading is not None
    for text in (
        NEW_TYPE["name"][lang],
        NEW_TYPE["tagline"][lang],
        NEW_TYPE["description"][0][lang],
        NEW_TYPE["examples"][0][lang],
    ):
        assert text in parsed.text


def test_a_changed_spreading_phase_description_replaces_the_old_one(built):
    if "phase" not in built["neighbours"]:
        pytest.skip("data/spreading.yml does not exist yet")
    site = built["site"]
    assert "spredningsguiden/" in pages_with(site, NEW_PHASE_DESCRIPTION["da"])
    assert "en/spredningsguiden/" in pages_with(site, NEW_PHASE_DESCRIPTION["en"])
    assert pages_with(site, built["neighbours"]["phase"]) == set()


def test_the_build_refuses_bad_content_with_the_editors_line(tmp_path):
    project = project_copy(tmp_path)
    text = (project / "data" / "advice.yml").read_text(encoding="utf-8")
    line = text.splitlines().index("      - role: praktikant") + 1
    (project / "data" / "advice.yml").write_text(
        text.replace("      - role: praktikant\n", "      - role: praktikantt\n", 1), encoding="utf-8"
    )
    problems = build(project)
    assert problems
    assert not (project / "site" / "index.html").exists()
    expected = (
        rf"^data/advice.yml:{line}: phases\[0\]\.advice\[\d\]\.role: there is no id 'praktikantt' "
        r"in data/roles.yml; perhaps you meant 'praktikant';"
    )
    assert re.search(expected, "\n".join(problems), re.MULTILINE), problems
