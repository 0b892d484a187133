"""Check the data against schema/ and against itself (ids, references, raw HTML).

Each schema/NAME.schema.json describes data/NAME.yml. Five keywords of our own extend JSON Schema:
- `x-ref: NAME`: the value is the `id` of an item in data/NAME.yml;
- `x-no-html: true`: the text may use inline Markdown but no raw HTML, so a pasted <script> never
  reaches a page;
- `x-safe-links: true`: the text's links and images pass guide/link_safety.py (no javascript:, no remote
  image, no link to a page that does not exist);
- `x-page: true`: the value names a page, a key of `pages` in data/site.yml (`tjeklister/praktikant`);
- `x-ids-in: [NAME, …]`: the value is an id anywhere in those data files (a part of an item too), or, written
  `NAME#dotted.path`, an id of the items at that place in the file (`planning#programme.parts`);
A reference to an id renamed or retired in published-ids.yml says so and what to write instead.
Editors' tools ignore keywords they do not know, so the schemas stay valid for VS Code.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, ValidationError, validators
from referencing import Registry, Resource

from . import link_safety
from .invisible import visible
from .problems import Problem, counted, dotted
from .published_ids import REGISTER
from .yamlsource import YamlSource

HTML_TAG = re.compile(r"<\s*[A-Za-z!/?]")
LANGUAGE_NAMES = {"da": "Danish", "en": "English"}
TYPE_NAMES = {
    "object": "a group of keys",
    "array": "a list (lines starting with -)",
    "string": "a text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "null": "empty",
}


def load_schemas(schema_dir: Path) -> tuple[dict[str, dict], Registry]:
    """Every schema by domain name, its `$ref`s written out, and a registry for any `$ref` left."""
    documents = {
        path.name: json.loads(path.read_text(encoding="utf-8")) for path in sorted(schema_dir.glob("*.schema.json"))
    }
    registry = Registry().with_resources((name, Resource.from_contents(schema)) for name, schema in documents.items())
    schemas = {
        name.removesuffix(".schema.json"): _refs_written_out(schema, name, documents, ())
        for name, schema in documents.items()
        if not name.startswith("_")
    }
    return schemas, registry


def _refs_written_out(node: Any, document: str, documents: dict[str, dict], seen: tuple) -> Any:
    """The schema with each `$ref` (beside at most a title and a description) replaced by what it
    points at. Same meaning, same errors; but jsonschema looks a `$ref` up anew each time it meets it,
    and with ×10 content those look-ups were a third of the validation time (tools/bench profile).
    A `$ref` that points back into itself stays, written as file#pointer so the registry finds it."""
    if isinstance(node, list):
        return [_refs_written_out(item, document, documents, seen) for item in node]
    if not isinstance(node, dict):
        return node
    ref = node.get("$ref")
    if isinstance(ref, str) and set(node) <= {"$ref", "title", "description"}:
        file, _, pointer = ref.partition("#")
        target_document = file or document
        if (target_document, pointer) in seen:
            return {**node, "$ref": f"{target_document}#{pointer}"}
        target = documents[target_document]
        for key in filter(None, pointer.split("/")):  # a JSON pointer: /$defs/text
            key = key.replace("~1", "/").replace("~0", "~")
            target = target[int(key)] if isinstance(target, list) else target[key]
        written = _refs_written_out(target, target_document, documents, seen + ((target_document, pointer),))
        return {**written, **{key: value for key, value in node.items() if key != "$ref"}}
    return {key: _refs_written_out(value, document, documents, seen) for key, value in node.items()}


def collect_ids(sources: dict[str, YamlSource]) -> tuple[dict[str, set[str]], list[Problem]]:
    """The ids each domain offers to `x-ref`, and a problem for each id used twice on the site.

    An id names one thing on the whole site, so uniqueness covers every id at any depth. What another
    file may refer to is a domain's main items: the ids of the items of its top-level lists
    (roles[0].id), not the ids of their parts (roles[0].sections[0].id).
    """
    ids: dict[str, set[str]] = {}
    first_seen: dict[str, str] = {}
    problems = []
    for domain, source in sources.items():
        ids[domain] = set()
        for path, value in _walk_ids(source.data, ()):
            where = f"{source.name} line {source.line_of(path)}"
            if value in first_seen:
                problems.append(
                    Problem(
                        source.name,
                        source.line_of(path),
                        dotted(path),
                        f"the id '{value}' is already used ({first_seen[value]}); give this one "
                        "an id of its own (an id names one thing on the whole site)",
                    )
                )
            else:
                first_seen[value] = where
            if len(path) == 3:
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


def validate(
    sources: dict[str, YamlSource],
    schemas: dict[str, dict],
    registry: Registry,
    ids: dict[str, set[str]],
    docs_dir: Path,
    anchors=None,
    former: Mapping[str, str] | None = None,
) -> list[Problem]:
    """Every schema error in every file, each turned into a line an editor can act on. `anchors`, the ids each
    page shows (guide/page_check.py), makes a link's #anchor name an id on the page it links to. `former`
    maps an id renamed on purpose to its new id, and a retired one to '' (published-ids.yml)."""
    all_ids = {domain: {value for _, value in _walk_ids(source.data, ())} for domain, source in sources.items()}
    data = {domain: source.data for domain, source in sources.items()}
    every_id = frozenset().union(*all_ids.values())
    validator_class = _validator_class(
        ids, all_ids, data, former or {}, link_safety.Site(docs_dir, every_id, anchors), _page_keys(sources, docs_dir)
    )
    return [
        problem
        for domain, source in sources.items()
        for problem in _validate_file(source, validator_class(schemas[domain], registry=registry))
    ]


def _validate_file(source: YamlSource, validator) -> list[Problem]:
    if source.data is None:
        needed = ", ".join(validator.schema.get("required", [])) or "its content"
        return [Problem(source.name, 1, "", f"the file is empty; it should hold {needed}")]
    problems = []
    for error in validator.iter_errors(source.data):
        for path, message in _describe(error):
            problem = Problem(source.name, source.line_of(path), dotted(path), message)
            if problem not in problems:  # an empty text breaks two rules (minLength, pattern): say it once
                problems.append(problem)
    return problems


def _page_keys(sources: dict[str, YamlSource], docs_dir: Path) -> set[str] | None:
    """The pages a reference may name: in docs/ and under `pages` in data/site.yml (which gives their titles);
    None when site.yml did not load (its own problem says why)."""
    site = sources.get("site")
    pages = site.data.get("pages") if site and isinstance(site.data, dict) else None
    if not isinstance(pages, dict):
        return None
    return {key for key in pages if (docs_dir / f"{key}.md").is_file()}


def _validator_class(
    ids: dict[str, set[str]],
    all_ids: dict[str, set[str]],
    data: dict[str, Any],
    former: Mapping[str, str],
    site: link_safety.Site,
    pages: set[str] | None,
):
    def missing(instance: str, domains: list[str], known: set[str], listed: bool) -> ValidationError:
        files = " or ".join(f"data/{domain}.yml" for domain in domains)
        if instance in former:
            new = former[instance]
            return ValidationError(
                f"the id '{visible(instance)}' was renamed to '{new}' ({REGISTER}); write '{new}'"
                if new
                else f"the id '{visible(instance)}' is retired ({REGISTER}); remove it "
                "here, or name an id that is in use"
            )
        hint = difflib.get_close_matches(instance, sorted(known), n=1)
        suggestion = f"perhaps you meant '{visible(hint[0])}'; " if hint else ""
        those = (
            f"the ids there are: {', '.join(map(visible, sorted(known))) or 'none'}"
            if listed
            else "an id is written exactly as it stands after 'id:' there"
        )
        return ValidationError(f"there is no id '{visible(instance)}' in {files}; {suggestion}{those}")

    def check_ref(validator, domain, instance, schema):
        # A file that did not load has its own problem already; every reference into it would only add noise.
        if domain not in ids or not isinstance(instance, str) or instance in ids[domain]:
            return
        yield missing(instance, [domain], ids[domain], listed=True)

    def check_ids_in(validator, places, instance, schema):
        domains = [place.partition("#")[0] for place in places]
        if not isinstance(instance, str) or any(domain not in all_ids for domain in domains):
            return
        known = set().union(*(_ids_at(place, all_ids, data) for place in places))
        if instance not in known:
            yield missing(instance, domains, known, listed=any("#" in place for place in places))

    def check_no_html(validator, enabled, instance, schema):
        found = HTML_TAG.search(instance) if enabled and isinstance(instance, str) else None
        if found:
            tag = instance[found.start() :].split(">", 1)[0][:20] + ">"
            yield ValidationError(
                f"raw HTML ({tag}) is not allowed in texts; use Markdown instead "
                "(**bold**, *italics*, [link text](https://…))"
            )

    def check_links(validator, enabled, instance, schema):
        if enabled and isinstance(instance, str):
            for message in link_safety.problems(instance, site):
                yield ValidationError(message)

    def check_page(validator, enabled, instance, schema):
        if not enabled or pages is None or not isinstance(instance, str) or instance in pages:
            return
        hint = difflib.get_close_matches(instance, sorted(pages), n=1)
        suggestion = f"perhaps you meant '{hint[0]}'; " if hint else ""
        yield ValidationError(
            f"there is no page '{instance}'; {suggestion}a page is its file in docs/ without .md "
            "(for example 'rejsetyper' or 'tjeklister/index'), with its entry under pages in "
            "data/site.yml"
        )

    return validators.extend(
        Draft202012Validator,
        {
            "x-ref": check_ref,
            "x-ids-in": check_ids_in,
            "x-no-html": check_no_html,
            "x-safe-links": check_links,
            "x-page": check_page,
        },
    )


def _ids_at(place: str, all_ids: dict[str, set[str]], data: dict[str, Any]) -> set[str]:
    """The ids `x-ids-in` names by `place`: a whole file's (`advice`), or those at a path in it (`planning#a.b`)."""
    domain, _, path = place.partition("#")
    if not path:
        return all_ids[domain]
    nodes = [data[domain]]
    for key in path.split("."):
        nodes = [item for node in nodes for item in (node if isinstance(node, list) else [node])]
        nodes = [node[key] for node in nodes if isinstance(node, dict) and key in node]
    items = [item for node in nodes for item in (node if isinstance(node, list) else [node])]
    return {item["id"] for item in items if isinstance(item, dict) and isinstance(item.get("id"), str)}


def _describe(error: ValidationError) -> Iterator[tuple[tuple, str]]:
    """(path, message) for one schema error; an unknown key yields one line per key."""
    path = tuple(error.absolute_path)
    kind = error.validator
    if kind == "not" or (kind == "enum" and "x-ref" in error.schema):
        return  # VS Code's copy of a rule that x-no-html and x-ref state better (the tag; a suggestion)
    if kind == "required":
        key = _quoted_key(error.message)
        if key in LANGUAGE_NAMES:
            yield (
                path + (key,),
                (
                    f"the {LANGUAGE_NAMES[key]} text ({key}) is missing; "
                    f"add a line '{key}: …' with the {LANGUAGE_NAMES[key]} text"
                ),
            )
        else:
            title = error.schema.get("properties", {}).get(key, {}).get("title")
            what = f" ({title})" if title else ""
            yield path + (key,), f"the key '{key}'{what} is missing here; add it"
    elif kind == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        for key in sorted(set(error.instance) - set(allowed), key=str):
            hint = difflib.get_close_matches(str(key), allowed, n=1)
            suggestion = (
                f"; did you mean '{hint[0]}'?"
                if hint
                else f"; allowed here: {', '.join(allowed)}"
                if allowed
                else "; no keys are allowed here"
            )
            yield path + (key,), f"unknown key '{key}'{suggestion}"
    elif kind in ("type", "minLength", "pattern") and _is_empty_text(path, error.instance):
        # `en:` with nothing after it is null to YAML, `en: ""` an empty string: to the editor both are empty.
        language = LANGUAGE_NAMES[path[-1]]
        yield path, f"the {language} text ({path[-1]}) is empty; write the {language} text after '{path[-1]}:'"
    elif kind == "x-page":
        # Checked as a key (propertyNames), the problem is on the key's own line; as a value, on the value's.
        yield (path + (error.instance,) if "propertyNames" in error.schema_path else path), error.message
    elif kind == "type":
        yield path, f"should be {_expected(error.schema)}, but is {_type_name(error.instance)}{_type_hint(error)}"
    elif kind == "pattern" and path and path[-1] == "id":
        yield path, f"'{visible(error.instance)}' is not a usable id: use lowercase letters a–z, digits and hyphens"
    elif kind == "minItems":
        yield path, f"needs at least {counted(error.validator_value, 'item')}, but has {len(error.instance)}"
    elif kind == "maxItems":
        yield path, f"may have at most {counted(error.validator_value, 'item')}, but has {len(error.instance)}"
    elif kind == "minimum":
        yield path, f"{error.instance} is too small; the smallest allowed is {error.validator_value}"
    elif kind == "maximum":
        yield path, f"{error.instance} is too large; the largest allowed is {error.validator_value}"
    elif kind == "maxLength":
        yield (
            path,
            (
                f"the text has {len(error.instance)} characters, but only {error.validator_value} fit here; "
                "write a shorter one"
            ),
        )
    elif kind == "pattern" and error.schema.get("patternErrorMessage"):
        # The schema's own explanation (VS Code shows it too), "Dansk … / English …": the English half.
        english = error.schema["patternErrorMessage"].rpartition(" / ")[2]
        yield path, f"'{visible(str(error.instance))}': {english[:1].lower()}{english[1:]}"
    elif kind == "enum":
        yield path, f"'{error.instance}' is not one of: {', '.join(map(str, error.validator_value))}"
    else:
        yield path, error.message


def _is_empty_text(path: tuple, instance: Any) -> bool:
    return (
        bool(path)
        and path[-1] in LANGUAGE_NAMES
        and (instance is None or isinstance(instance, str) and not instance.strip())
    )


def _quoted_key(message: str) -> str:
    match = re.match(r"'([^']*)'", message)
    return match.group(1) if match else message


def _is_text_pair(schema: dict) -> bool:
    """Whether a schema asks for a {da, en} text (_common.schema.json#/$defs/text)."""
    return set(schema.get("required", [])) >= set(LANGUAGE_NAMES)


def _expected(schema: dict) -> str:
    if _is_text_pair(schema):
        return "a pair of lines, Danish (da:) and English (en:)"
    kinds = schema.get("type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return " or ".join(TYPE_NAMES.get(k, str(k)) for k in kinds)


def _type_hint(error: ValidationError) -> str:
    """How to turn a one-line text into the Danish/English pair the schema asks for."""
    if _is_text_pair(error.schema) and isinstance(error.instance, str):
        return "; put 'da: …' and 'en: …' on two lines below it, indented by two more spaces"
    return ""


def _type_name(instance: Any) -> str:
    if instance is None:
        return "empty"
    if isinstance(instance, bool):
        return "true or false"
    for name, kind in (("a group of keys", dict), ("a list", list), ("a text", str), ("a number", (int, float))):
        if isinstance(instance, kind):
            return name
    return type(instance).__name__
