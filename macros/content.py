"""The guide's content: every data/*.yml file, loaded and validated once per build."""
from __future__ import annotations

from pathlib import Path
from types import MappingProxyType
from typing import Any

from .problems import ContentError, Problem
from .validation import collect_ids, load_schemas, validate
from .yamlsource import load_yaml

DATA_DIR = "data"
SCHEMA_DIR = "schema"
DOCS_DIR = "docs"


def load_content(root: Path) -> MappingProxyType:
    """All data by domain (`content["travel_types"]`), or ContentError listing every problem.

    The domains are the schemas in schema/: a schema without its data file is a problem,
    and so is a data file without a schema (it would never be checked).
    """
    schemas, registry = load_schemas(root / SCHEMA_DIR)
    problems = []
    sources = {}
    for domain in schemas:
        name = f"{DATA_DIR}/{domain}.yml"
        source, found = load_yaml(root / name, name)
        problems += found
        if source is not None:
            sources[domain] = source
    for stray in sorted((root / DATA_DIR).glob("*.yml")):
        if stray.stem not in schemas:
            problems.append(_stray(stray))
    ids, found = collect_ids(sources)
    problems += found
    problems += validate(sources, schemas, registry, ids, root / DOCS_DIR)
    if problems:
        raise ContentError(problems)
    return MappingProxyType({domain: _frozen(source.data) for domain, source in sources.items()})


def _stray(path: Path) -> Problem:
    return Problem(f"{DATA_DIR}/{path.name}", 1, "",
                   f"there is no schema/{path.stem}.schema.json for this file, so nothing checks it")


def _frozen(data: Any) -> Any:
    """Read-only views, so no template or macro can change the content another page sees."""
    if isinstance(data, dict):
        return MappingProxyType({key: _frozen(value) for key, value in data.items()})
    if isinstance(data, list):
        return tuple(_frozen(item) for item in data)
    return data
