"""Where a build's time goes: cProfile of one Danish build, our code and the macros plugin only."""

from __future__ import annotations

import io
import pstats
import re
import subprocess
import sys
from pathlib import Path

from .workspace import ENV

SHOWN = 12


def profile_build(root: Path, out: Path) -> str:
    """The functions of macros/ and mkdocs_macros with the most cumulative time in one build."""
    stats_file = out / "build.prof"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "cProfile",
            "-o",
            str(stats_file),
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            "mkdocs.yml",
            "-d",
            str(out / "profiled-site"),
        ],
        cwd=root,
        env=ENV,
        check=True,
        capture_output=True,
    )
    text = io.StringIO()
    stats = pstats.Stats(str(stats_file), stream=text)
    total = stats.total_tt
    stats.sort_stats("cumulative").print_stats(r"/macros/|mkdocs_macros", SHOWN)
    lines = [line for line in text.getvalue().splitlines() if line.strip() and "/" in line and "(" in line]
    rows = []
    for line in lines:
        parts = line.split(None, 5)
        rows.append(f"  {float(parts[3]):6.3f} s  {parts[0]:>6} calls  {_short(parts[5])}")
    return (
        f"Profile of one Danish build (cProfile; {total:.2f} s in all, slower than unprofiled), "
        "cumulative time of our code and the macros plugin:\n" + "\n".join(rows)
    )


def _short(where: str) -> str:
    """`/tmp/…/project/guide/content.py:16(load_content)` -> `guide/content.py:16(load_content)`."""
    match = re.search(r"(mkdocs_macros/|macros/).*", where)
    return match.group(0) if match else where
