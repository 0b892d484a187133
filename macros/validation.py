"""Check the data against schema/ and against itself (ids, references, raw HTML).

Each schema/NAME.schema.json describes data/NAME.yml. Two keywords of our own extend JSON Schema:
- `x-ref: NAME`: the value is the `id` of an item in data/NAME.yml;
- `x-no-html: true`: the text may use inline Markdown but no raw HTML, so a pasted <script> never
  reaches a page.
Editors' tools ignore keywords they do not know, so the schemas stay valid for VS Code.
"""
from __future__ import annotations

import difflib
import json
import re
from pathlib import Path
from typing import Any, Iterator

from jsonschema import Draft202012Validator, ValidationError, validators
from referencing import Registry, Resource

from .problems import Problem, dotted
from .yamlsource import YamlSource

HTML_TAG = re.compile(r"<\s*[A-Za-z!/?]")
LANGUAGE_NAMES = {"da": "Danish", "en": "English"}
TYPE_NAMES = {"object": "a group of keys", "array": "a list (lines starting with -)", "string": "a text",
              "integer": "a whole number", "number": "a number", "boolean": "true or false", "null": "empty"}


def load_schemas(schema_dir: Path) -> tuple[dict[str, dict], Registry]:
    """Every schema by domain name, and a registry so they can `$ref` each other by file name."""
    schemas = {}
    registry = Registry()
    for path in sorted(schema_dir.glob("*.schema.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        registry = registry.with_resource(path.name, Resource.from_contents(schema))
        if not path.name.startswith("_"):
            schemas[path.name.removesuffix(".schema.json")] = schema
    return schemas, registry


def collect_ids(sources: dict[str, YamlSource]) -> tuple[dict[str, set[str]], list[Problem]]:
    """The ids of each domain. An id names one thing on the whole site: a second use is a problem."""
    ids: dict[str, set[str]] = {}
    first_seen: dict[str, str] = {}
    problems = []
    for domain, source in sources.items():
        ids[domain] = set()
        for path, value in _walk_ids(source.data, ()):
            where = f"{source.name} line {source.line_of(path)}"
            if value in first_seen:
                problems.append(Problem(source.name, source.line_of(path), dotted(path),
                                        f"the id '{value}' is already used ({first_seen[value]}); ids must be unique"))
            else:
                first_seen[value] = where
            ids[domain].add(value)
    return ids, problems


def _walk_ids(data: Any, path: tuple) -> Iterator[tuple[tuple, str]]:
    if isinstance(data, dict):
        if isinstance(data.get("id"), str):
            yield path + ("id",), data["id"]
        for key, value in data.items():
            yield from _walk_ids(value, path + (key,))
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from _walk_ids(item, path + (index,))


def validate(source: YamlSource, schema: dict, registry: Registry, ids: dict[str, set[str]]) -> list[Problem]:
    """Every schema error in one file, each turned into a line an editor can act on."""
    validator = _validator_class(ids)(schema, registry=registry)
    problems = []
    for error in validator.iter_errors(source.data):
        for path, message in _describe(error):
            problems.append(Problem(source.name, source.line_of(path), dotted(path), message))
    return problems


def _validator_class(ids: dict[str, set[str]]):
    def check_ref(validator, domain, instance, schema):
        if isinstance(instance, str) and instance not in ids.get(domain, set()):
            known = ", ".join(sorted(ids.get(domain, set()))) or "none"
            yield ValidationError(f"there is no '{instance}' in data/{domain}.yml (known ids: {known})")

    def check_no_html(validator, enabled, instance, schema):
        if enabled and isinstance(instance, str) and HTML_TAG.search(instance):
            yield ValidationError("raw HTML is not allowed in texts; use Markdown instead "
                                  "(**bold**, *italics*, [link text](https://…))")

    return validators.extend(Draft202012Validator, {"x-ref": check_ref, "x-no-html": check_no_html})


def _describe(error: ValidationError) -> Iterator[tuple[tuple, str]]:
    """(path, message) for one schema error; an unknown key yields one line per key."""
    path = tuple(error.absolute_path)
    kind = error.validator
    if kind == "required":
        key = _quoted_key(error.message)
        if key in LANGUAGE_NAMES:
            yield path + (key,), f"the {LANGUAGE_NAMES[key]} text ({key}) is missing"
        else:
            yield path + (key,), f"the key '{key}' is missing here"
    elif kind == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        for key in sorted(set(error.instance) - set(allowed), key=str):
            hint = difflib.get_close_matches(str(key), allowed, n=1)
            suggestion = f"; did you mean '{hint[0]}'?" if hint else f"; allowed here: {', '.join(allowed)}"
            yield path + (key,), f"unknown key '{key}'{suggestion}"
    elif kind == "type":
        yield path, f"should be {_expected(error.schema)}, but is {_type_name(error.instance)}"
    elif kind in ("minLength", "pattern") and path and path[-1] in LANGUAGE_NAMES and not str(error.instance).strip():
        yield path, f"the {LANGUAGE_NAMES[path[-1]]} text ({path[-1]}) is empty"
    elif kind == "pattern" and path and path[-1] == "id":
        yield path, f"'{error.instance}' is not a usable id: use lowercase letters a–z, digits and hyphens"
    elif kind == "minItems":
        yield path, f"needs at least {error.validator_value} item(s)"
    elif kind == "enum":
        yield path, f"'{error.instance}' is not one of: {', '.join(map(str, error.validator_value))}"
    else:
        yield path, error.message


def _quoted_key(message: str) -> str:
    match = re.match(r"'([^']*)'", message)
    return match.group(1) if match else message


def _expected(schema: dict) -> str:
    if set(schema.get("required", [])) >= set(LANGUAGE_NAMES):
        return "a text with a Danish (da:) and an English (en:) line"
    kinds = schema.get("type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return " or ".join(TYPE_NAMES.get(k, str(k)) for k in kinds)


def _type_name(instance: Any) -> str:
    if instance is None:
        return "empty"
    if isinstance(instance, bool):
        return "true or false"
    for name, kind in (("a group of keys", dict), ("a list", list), ("a text", str), ("a number", (int, float))):
        if isinstance(instance, kind):
            return name
    return type(instance).__name__
