"""Copies of the project that a test may change, and building them the one way the site is built."""
from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from tests.conftest import ROOT
from tools.build import BuildFailed, build_site

COPIED = ("data", "schema", "docs", "templates", "overrides", "macros", "hooks")


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
