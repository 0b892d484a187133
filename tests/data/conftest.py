"""A copy of the project's data and schemas that one test may break."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """What `make check` reads, copied into a temporary project root: data/, schema/, and docs/ and templates/
    (it renders every page)."""
    for folder in ("data", "schema", "docs", "templates"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    return tmp_path
