"""Material and Zensical side by side: the build of both languages (tools/build.py) with each engine, taking
turns run by run, at ×1 and ×10 content (scale.py's copies), in one run of this command:

    .venv/bin/python -m tools.bench.engines [--runs 3] [--factors 1 10]

Wall time on a shared machine stretches with the neighbours' load; CPU time (the build and its children)
much less, so both are printed. Not part of `make bench` (yet): the move to Zensical is a plan, not the site.
"""

from __future__ import annotations

import argparse
import shutil
import sys

from .scale import scaled_copy
from .workspace import interleaved_medians, snapshot, temp_dir

ENGINES = ("material", "zensical")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--factors", type=int, nargs="+", default=[1, 10])
    args = parser.parse_args(argv)
    out = temp_dir("engines")
    try:
        root = snapshot(out)
        print("| content | pages (both languages) | engine | wall s (median) | CPU s (median) | peak MB |")
        print("| --- | --- | --- | --- | --- | --- |")
        for factor in args.factors:
            project = scaled_copy(root, out / f"x{factor}", factor) if factor > 1 else root
            commands = {
                engine: [
                    sys.executable,
                    "-m",
                    "tools.build",
                    "--engine",
                    engine,
                    "--site",
                    str(out / f"x{factor}-{engine}"),
                ]
                for engine in ENGINES
            }
            runs = interleaved_medians(commands, project, args.runs)
            for engine, run in runs.items():
                pages = len(list((out / f"x{factor}-{engine}").rglob("index.html")))
                print(
                    f"| ×{factor} | {pages} | {engine} | {run.wall:.1f} | {run.cpu:.1f} | {run.peak_mb:.0f} |",
                    flush=True,
                )
    finally:
        shutil.rmtree(out, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
