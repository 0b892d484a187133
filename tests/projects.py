"""Copies of the project that a test may change, and building them the one way the site is built."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from tests.conftest import ROOT
from tools.build import BuildFailed, build_site

COPIED = ("data", "schema", "docs", "templates", "overrides", "guide", "adapters")


def project_copy(into: Path) -> Path:
    """The parts of the project a build reads, copied into `into` (the register of ids too)."""
    for folder in COPIED:
        shutil.copytree(ROOT / folder, into / folder)
    for config in ROOT.glob("mkdocs*.yml"):
        shutil.copy(config, into / config.name)
    shutil.copy(ROOT / "published-ids.yml", into / "published-ids.yml")
    return into


def edit_yaml(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")


def build(project: Path) -> list[str]:
    """Both languages into project/site/ (tools/build.py); the problems that stopped it, [] when it built."""
    try:
        build_site(project, project / "site")
    except BuildFailed as failure:
        return failure.problems
    return []


# What the content-independence test appends to every text: a character no text has, so a test that finds
# today's wording instead of the data's finds nothing.
MARKER = " ◊"


def every_text_marked(data, schema=None):
    """Every {da, en} text with MARKER appended (ids and numbers as they are), except where the schema holds
    the text to a length the marker would break (`maxLength`, e.g. the phone's short name): within the rules."""
    if isinstance(data, dict):
        if set(data) == {"da", "en"} and all(isinstance(text, str) for text in data.values()):
            return {
                lang: text if len(text + MARKER) > _max_length(schema, lang) else text + MARKER
                for lang, text in data.items()
            }
        return {key: every_text_marked(value, _below(schema, key)) for key, value in data.items()}
    if isinstance(data, list):
        return [every_text_marked(item, (schema or {}).get("items")) for item in data]
    return data


def _below(schema, key):
    """The schema of `key` inside an object's schema (None where it does not say)."""
    if not isinstance(schema, dict):
        return None
    return (schema.get("properties") or {}).get(key) or (
        schema.get("additionalProperties") if isinstance(schema.get("additionalProperties"), dict) else None
    )


def _max_length(schema, lang) -> float:
    limit = (_below(schema, lang) or {}).get("maxLength")
    return limit if isinstance(limit, int) else float("inf")


def every_number_shifted(data):
    """Every whole number one up: counts, ranges (`days: [3, 4]` -> [4, 5]), limits and phase numbers."""
    if isinstance(data, dict):
        return {key: every_number_shifted(value) for key, value in data.items()}
    if isinstance(data, list):
        return [every_number_shifted(item) for item in data]
    if isinstance(data, int) and not isinstance(data, bool):
        return data + 1
    return data
