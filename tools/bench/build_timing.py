"""Build speed as an editor feels it: `make build`, each language alone, and `make check`."""
from __future__ import annotations

from pathlib import Path

from .workspace import Run, make, median_run, mkdocs_build


def build_times(root: Path, out: Path, runs: int) -> dict[str, Run]:
    """Median of `runs` runs after a warm-up, each command in a fresh process."""
    return {
        "make build (da + en)": median_run(make(root, "build", out / "both"), root, runs),
        "Danish build (mkdocs.yml)": median_run(mkdocs_build(root, "mkdocs.yml", out / "da"), root, runs),
        "English build (mkdocs.en.yml)": median_run(mkdocs_build(root, "mkdocs.en.yml", out / "en"), root, runs),
        "make check": median_run(make(root, "check", out / "unused"), root, runs),
    }
