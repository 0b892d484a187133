"""The guide's content: every data/*.yml file, loaded and validated once per build."""

from __future__ import annotations

from pathlib import Path
from types import MappingProxyType
from typing import Any

from . import invisible, published_ids, rules, wording
from .page_check import render_every_page
from .problems import ContentError, Problem
from .validation import collect_ids, load_schemas, validate
from .yamlsource import YamlSource, disagreement, load_yaml

DATA_DIR = "data"
SCHEMA_DIR = "schema"
DOCS_DIR = "docs"


def load_content(root: Path) -> MappingProxyType:
    """All data by domain (`content["travel_types"]`), or ContentError listing every problem."""
    return check_content(root)[0]


def check_content(root: Path, thorough: bool = False) -> tuple[MappingProxyType, list[Problem]]:
    """The content and the notes worth telling (new ids to register), or ContentError listing every problem.

    The domains are the schemas in schema/: a schema without its data file is a problem,
    and so is a data file without a schema (it would never be checked).

    `thorough` is `make check`'s promise that the build will pass. It also reads each file with PyYAML's own
    reader (slower than the build's libyaml, but it reads like the other tools: a file they would read
    differently is a problem), and, once the data is valid, renders every page in both languages as the build
    will (guide/page_check.py): a template that fails is a problem, and a link to /page.md#id must name an
    id that page shows.
    """
    schemas, registry = load_schemas(root / SCHEMA_DIR)
    sources, problems = load_sources(root, schemas)
    ids, found = collect_ids(sources)
    problems += found
    # A place the invisible checks explained gets no second, vaguer line from the schema ("should be a text").
    explained = {(problem.file, problem.path) for problem in problems if problem.column}
    former = published_ids.former(root)
    problems += [
        problem
        for problem in validate(sources, schemas, registry, ids, root / DOCS_DIR, former=former)
        if (problem.file, problem.path) not in explained
    ]
    problems += wording.problems(sources)  # the glossary's wordings to avoid, with what to write instead
    if not problems:  # the rules read the data as the schemas describe it
        problems += rules.check(sources, root / DOCS_DIR)
    found, notes = published_ids.check(root, sources)
    problems += found
    if thorough:
        problems += _read_differently(root, sources)
    content = MappingProxyType({domain: _frozen(source.data) for domain, source in sources.items()})
    if thorough and not problems:
        anchors, problems = render_every_page(root, content, published_ids.former_ids(root))
        problems += validate(sources, schemas, registry, ids, root / DOCS_DIR, anchors, former)
    if problems:
        raise ContentError(problems)
    return content, notes


def load_sources(root: Path, schemas: dict | None = None) -> tuple[dict[str, YamlSource], list[Problem]]:
    """Every data file that parses, by domain, and the problems of reading them (not yet of their content)."""
    schemas = schemas if schemas is not None else load_schemas(root / SCHEMA_DIR)[0]
    problems = []
    sources = {}
    for domain in schemas:
        name = f"{DATA_DIR}/{domain}.yml"
        source, found = _load(root / name, name)
        problems += found
        if source is not None:
            sources[domain] = source
    for stray in sorted((root / DATA_DIR).glob("*.yml")):
        if stray.stem not in schemas:
            problems.append(_stray(stray))
    return sources, problems


def _load(path: Path, name: str) -> tuple[YamlSource | None, list[Problem]]:
    """One data file and its problems, invisible trouble included.

    When the file does not parse and holds an odd character or a typographic quote, that is most likely
    why: the editor gets the character, with its column, instead of the parser's puzzled complaint.
    """
    source, problems = load_yaml(path, name)
    if source is not None:
        return source, problems + invisible.characters(name, source.text, source) + invisible.silent_changes(
            source, source.text
        )
    if not problems or "not valid YAML" not in problems[0].message:
        return None, problems  # missing or not UTF-8: nothing to look into
    text = path.read_text(encoding="utf-8")
    found = invisible.characters(name, text, None) or [invisible.curly_quotes(name, text, problems[0].line)]
    return None, [problem for problem in found if problem] or problems


def _read_differently(root: Path, sources: dict[str, YamlSource]) -> list[Problem]:
    """A problem for each file (the data and the register of ids) that YAML readers do not all read alike."""
    register, _ = load_yaml(root / published_ids.REGISTER, published_ids.REGISTER)
    files = [*sources.values(), *([register] if register is not None else [])]
    return [problem for problem in map(disagreement, files) if problem]


def _stray(path: Path) -> Problem:
    return Problem(
        f"{DATA_DIR}/{path.name}",
        1,
        "",
        f"there is no schema/{path.stem}.schema.json for this file, so nothing checks it; move the file out of data/, "
        "or ask a developer to add its schema",
    )


def _frozen(data: Any) -> Any:
    """Read-only views, so no template or macro can change the content another page sees."""
    if isinstance(data, dict):
        return MappingProxyType({key: _frozen(value) for key, value in data.items()})
    if isinstance(data, list):
        return tuple(_frozen(item) for item in data)
    return data
