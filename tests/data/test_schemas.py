"""The schemas are what editors see while typing: every field explained in Danish and English, every file wired.

VS Code (with the YAML extension) shows a field's title and description on hover and in autocompletion, and
flags a missing `en:` as soon as it is missing; that only helps if every field has them and every data file
points at its schema.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

from tests.conftest import ROOT

SCHEMA_DIR = ROOT / "schema"
SCHEMAS = sorted(SCHEMA_DIR.glob("*.schema.json"))
DOMAINS = [path.name.removesuffix(".schema.json") for path in SCHEMAS if not path.name.startswith("_")]
# "Dansk tekst / English text": two non-empty halves around " / ".
BILINGUAL = re.compile(r"\S.* / .*\S", re.DOTALL)


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def resolve(ref: str, here: Path) -> dict:
    """The schema a `$ref` points to: `#/$defs/x` in this file or `other.schema.json#/$defs/x`."""
    file, _, pointer = ref.partition("#")
    target = load(SCHEMA_DIR / file) if file else load(here)
    for part in pointer.strip("/").split("/") if pointer.strip("/") else []:
        target = target[part]
    return target


def effective(schema: dict, here: Path, key: str) -> str | None:
    """A property's title or description as an editor sees it: its own, else the one of what it refers to."""
    while key not in schema and "$ref" in schema:
        ref = schema["$ref"]
        here = SCHEMA_DIR / ref.partition("#")[0] if ref.partition("#")[0] else here
        schema = resolve(ref, here)
    return schema.get(key)


def properties(schema: Any, path: str = "") -> Iterator[tuple[str, dict]]:
    """Every property anywhere in a schema (inside items, $defs, nested objects), with where it stands."""
    if isinstance(schema, dict):
        for name, sub in schema.get("properties", {}).items():
            yield f"{path}.{name}".lstrip("."), sub
        for key, value in schema.items():
            yield from properties(value, f"{path}.{key}" if key not in ("properties",) else path)
    elif isinstance(schema, list):
        for item in schema:
            yield from properties(item, path)


def missing_texts(path: Path) -> list[str]:
    schema = load(path)
    gaps = []
    for where in ("title", "description"):
        if not BILINGUAL.fullmatch(schema.get(where, "")):
            gaps.append(f"{path.name}: (top) has no Danish / English {where}")
    for name, sub in properties(schema):
        for where in ("title", "description"):
            text = effective(sub, path, where)
            if not text or not BILINGUAL.fullmatch(text):
                gaps.append(f"{path.name}: {name} has no Danish / English {where}")
    return gaps


@pytest.mark.parametrize("path", SCHEMAS, ids=[p.name for p in SCHEMAS])
def test_every_field_has_a_danish_and_english_title_and_description(path):
    assert missing_texts(path) == []


@pytest.mark.parametrize("path", SCHEMAS, ids=[p.name for p in SCHEMAS])
def test_every_schema_is_valid_json_schema_2020_12(path):
    schema = load(path)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


def test_the_checker_finds_a_field_without_texts(tmp_path):
    """The test above can fail: a property with no title or description is reported."""
    schema = tmp_path / "bad.schema.json"
    schema.write_text(
        json.dumps(
            {
                "title": "T / T",
                "description": "D / D",
                "properties": {"a": {"type": "object", "properties": {"b": {"title": "B"}}}},
            }
        )
    )
    assert missing_texts(schema) == [
        "bad.schema.json: a has no Danish / English title",
        "bad.schema.json: a has no Danish / English description",
        "bad.schema.json: a.b has no Danish / English title",
        "bad.schema.json: a.b has no Danish / English description",
    ]


@pytest.mark.parametrize("domain", DOMAINS)
def test_every_data_file_names_its_schema_for_the_editor(domain):
    first_line = (ROOT / "data" / f"{domain}.yml").read_text(encoding="utf-8").splitlines()[0]
    assert first_line == f"# yaml-language-server: $schema=../schema/{domain}.schema.json"


def test_vs_code_maps_every_schema_to_its_data_file_and_recommends_the_yaml_extension():
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.schemas"] == {f"./schema/{domain}.schema.json": f"data/{domain}.yml" for domain in DOMAINS}
    # YAML 1.1, as the build's PyYAML reads it: `en: No` is then false in VS Code too, and gets a squiggle.
    assert settings["yaml.yamlVersion"] == "1.1"
    extensions = json.loads((ROOT / ".vscode" / "extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in extensions["recommendations"]


# What VS Code's YAML extension (yaml-language-server) shows while typing: it knows standard JSON Schema plus
# `errorMessage` and `patternErrorMessage`, but not our x-ref and x-no-html, which only `make check` applies.


def keyword_values(schema: Any, keyword: str) -> Iterator[tuple[dict, Any]]:
    """(the schema object, its value) for every use of `keyword` anywhere in a schema."""
    if isinstance(schema, dict):
        if keyword in schema:
            yield schema, schema[keyword]
        for value in schema.values():
            yield from keyword_values(value, keyword)
    elif isinstance(schema, list):
        for item in schema:
            yield from keyword_values(item, keyword)


def top_level_ids(domain: str) -> list[str]:
    """The ids an x-ref to `domain` may name: those of the items of its top-level lists (see collect_ids)."""
    data = yaml.safe_load((ROOT / "data" / f"{domain}.yml").read_text(encoding="utf-8"))
    return sorted(
        item["id"]
        for value in data.values()
        if isinstance(value, list)
        for item in value
        if isinstance(item, dict) and "id" in item
    )


def refs_out_of_sync(schema: dict) -> list[str]:
    return [
        f"x-ref {domain}: enum {node.get('enum')} but data/{domain}.yml has {top_level_ids(domain)}"
        for node, domain in keyword_values(schema, "x-ref")
        if sorted(node.get("enum", [])) != top_level_ids(domain)
    ]


@pytest.mark.parametrize("path", SCHEMAS, ids=[p.name for p in SCHEMAS])
def test_every_reference_lists_the_ids_it_may_name_for_vs_code(path):
    """A mistyped role gets a squiggle in VS Code too: each x-ref carries an enum of the data's current ids."""
    assert refs_out_of_sync(load(path)) == []


def test_the_sync_check_notices_a_new_role():
    schema = {"properties": {"role": {"x-ref": "roles", "enum": top_level_ids("roles")[:-1]}}}
    assert len(refs_out_of_sync(schema)) == 1


@pytest.mark.parametrize("path", SCHEMAS, ids=[p.name for p in SCHEMAS])
def test_every_message_for_the_editor_is_in_danish_and_english(path):
    schema = load(path)
    messages = [
        value for keyword in ("errorMessage", "patternErrorMessage") for _, value in keyword_values(schema, keyword)
    ]
    assert all(BILINGUAL.fullmatch(message) for message in messages)
    refused = [node for _, node in keyword_values(schema, "not")]  # a pattern that must NOT match needs none
    unexplained = [
        node["pattern"]
        for node, _ in keyword_values(schema, "pattern")
        if node not in refused and "patternErrorMessage" not in node
    ]
    assert unexplained == []


def test_standard_json_schema_alone_refuses_html_and_empty_texts_as_vs_code_does():
    """Without our x-no-html (VS Code does not know it), the `not` pattern still refuses HTML."""
    common = load(SCHEMA_DIR / "_common.schema.json")
    text = Draft202012Validator({**common["$defs"]["language_text"], "$defs": common["$defs"]})
    assert text.is_valid("Læs **mere** og [her](https://example.org/).")
    for bad in ("Linje<br>linje", "<b>fed</b>", "  ", 2024, False):
        assert not text.is_valid(bad), bad
