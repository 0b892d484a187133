"""The editors' guides show what passes: each worked example in REDIGERING.md and CONTRIBUTING.md is applied to a
copy of the real data, which must then pass the check and build in both languages with the example's texts on
the site.

A worked example is a ```yaml block whose first line names its file (`# data/travel_types.yml`). It shows the
path from the top of the file to the change; it is merged into the data as an editor would type it: a list item
with the `id` (or `role`) of an existing one changes that one, any other item is added, and a text written
as "…" (or ending in "…") stands for what is already there.
"""

from __future__ import annotations

import copy
import html
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from guide.content import check_content
from tests.conftest import ROOT
from tests.projects import build, project_copy
from tests.site.conftest import parse

GUIDES = ("REDIGERING.md", "CONTRIBUTING.md")
EXAMPLE = re.compile(r"^```yaml\n# (data/[a-z_]+\.yml)\n(.*?)^```", re.MULTILINE | re.DOTALL)
KEYS = ("id", "role")  # what names a list item


def examples(guide: str) -> list[tuple[str, Any]]:
    return [(file, yaml.safe_load(body)) for file, body in EXAMPLE.findall((ROOT / guide).read_text(encoding="utf-8"))]


def merged(data: Any, example: Any) -> Any:
    """The data after the editor typed the example into it."""
    if isinstance(example, str) and example.endswith("…"):
        return data
    if isinstance(example, dict) and isinstance(data, dict):
        return {**data, **{key: merged(data.get(key), value) for key, value in example.items()}}
    if isinstance(example, list) and isinstance(data, list) and all(_key(item) for item in example):
        result = copy.deepcopy(data)
        for item in example:
            match = next((i for i, old in enumerate(result) if _key(old) == _key(item)), None)
            if match is None:
                result.append(item)
            else:
                result[match] = merged(result[match], item)
        return result
    return example


def _key(item: Any) -> tuple | None:
    if isinstance(item, dict):
        return next(((key, item[key]) for key in KEYS if key in item), None)
    return None


def new_texts(example: Any) -> list[dict]:
    """Every {da, en} text the example writes (not the "…" placeholders)."""
    if isinstance(example, dict):
        if set(example) == {"da", "en"} and not str(example["da"]).endswith("…"):
            return [example]
        return [text for value in example.values() for text in new_texts(value)]
    if isinstance(example, list):
        return [text for item in example for text in new_texts(item)]
    return []


def visible(text: str) -> str:
    """The words of a text as a page shows them (Markdown marks and link targets left out)."""
    return re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text).replace("**", "").replace("*", "")


@pytest.mark.parametrize("guide", GUIDES)
def test_the_guide_has_worked_examples_for_texts_checklists_and_travel_types(guide):
    files = [file for file, _ in examples(guide)]
    assert {"data/travel_types.yml", "data/advice.yml"} <= set(files)


@pytest.mark.parametrize("guide", GUIDES)
def test_every_worked_example_passes_the_check_and_builds_with_its_texts_on_the_site(guide, tmp_path):
    project = project_copy(tmp_path)
    (project / "published-ids.yml").write_text(
        (ROOT / "published-ids.yml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    for file, example in examples(guide):
        path = project / file
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        path.write_text(
            yaml.safe_dump(merged(data, example), allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8"
        )
    check_content(project)  # raises with the editor's lines if an example does not pass
    problems = build(project)
    assert problems == [], "\n".join(problems)
    # What a visitor reads, and the page's description (in the head, for search engines and link previews).
    pages = {
        lang: " ".join(
            parse(page).text + " " + html.unescape(page.read_text(encoding="utf-8"))
            for page in _pages(project / "site", lang)
        )
        for lang in ("da", "en")
    }
    for _, example in examples(guide):
        for text in new_texts(example):
            for lang in ("da", "en"):
                assert visible(text[lang]) in pages[lang], f"{text[lang]!r} is on no {lang} page"


def _pages(site: Path, lang: str) -> list[Path]:
    pages = sorted(site.rglob("index.html"))
    english = site / "en"
    return [p for p in pages if (english in p.parents) == (lang == "en")]


def test_the_merge_changes_a_named_item_adds_a_new_one_and_keeps_placeholders():
    data = {"types": [{"id": "a", "name": "A", "tagline": "old"}, {"id": "b", "name": "B"}]}
    example = {"types": [{"id": "a", "name": "…", "tagline": "new"}, {"id": "c", "name": "C"}]}
    assert merged(data, example) == {
        "types": [{"id": "a", "name": "A", "tagline": "new"}, {"id": "b", "name": "B"}, {"id": "c", "name": "C"}]
    }
