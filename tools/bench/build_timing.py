"""Build speed as an editor feels it: `make build` is `make check`, then both languages through tools/build.py.

Each language's build alone is timed by the overhead step (its "ours" columns), not again here.
"""

from __future__ import annotations

from pathlib import Path

from .workspace import Run, build, make, median_run


def build_times(root: Path, out: Path, runs: int) -> dict[str, Run]:
    """Median of `runs` runs, each command in a fresh process; the bench has just built the site (the
    warm-up of the build), `make check` gets one."""
    return {
        "build, both languages (tools.build)": median_run(build(root, out / "both"), root, runs, warmup=0),
        "make check": median_run(make(root, "check", out / "unused"), root, runs),
    }
