"""The one way to build the site: both languages, Danish at SITE/ and English at SITE/en/, or nothing.

    .venv/bin/python -m tools.build [--site DIR] [--root PROJECT]     # `make build` runs this

`make build`, `make serve` (tools/live_preview.py), `make pdf`, the bench and the tests all build through
`build_site`, so there is one set of flags (--strict) and one reading of a failure. The engine's adapter
builds each language (adapters/mkdocs_build.py: `mkdocs build` in a process of its own, the two side by side;
adapters/zensical_build.py) into a folder of its own; only when both succeed does the new site replace SITE,
so a failed build never leaves a half-built site behind.

A build never hides an error: the log is read, not silenced, and a failure is reported as the lines that say
what is wrong (`data/roles.yml:9: roles[0].page: …`, `templates/partials/scheme.jinja:60: …`), in the
terminal, in `make serve`'s browser page and, under GitHub Actions, as annotations on those lines.
"""

from __future__ import annotations

import argparse
import importlib
import os
import re
import shutil
import sys
import time
from pathlib import Path

from guide.github import annotation
from guide.problems import Problem, counted

ROOT = Path(__file__).resolve().parents[1]
# Each language's config, and where its build goes below the site's root.
LANGUAGES = {"da": ("mkdocs.yml", ""), "en": ("mkdocs.en.yml", "en")}
# The engines that build the site, each by its adapter: Material (MkDocs) publishes it; Zensical is built
# beside it (issue 23). An engine module offers target(), build(), clean() and problem_lines().
ENGINES = {"material": "adapters.mkdocs_build", "zensical": "adapters.zensical_build"}
# A problem that names its place: `data/roles.yml:9: …`, `data/roles.yml:9:12: …`, `templates/x.jinja:60: …`.
PLACED = re.compile(
    r"^(?P<file>[\w./-]+\.(?:yml|jinja|html|md|json)):(?P<line>\d+)(?::(?P<column>\d+))?: "
    r"(?P<message>.*)$"
)


class BuildFailed(Exception):
    """The site did not build; `problems` are the lines that say why, one problem each."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


def build_site(
    root: Path, site: Path, languages: tuple[str, ...] = tuple(LANGUAGES), engine: str = "material"
) -> float:
    """Build `languages` of the project at `root` into `site` (replacing it); the seconds it took.

    `engine` is "material" (MkDocs with Material for MkDocs, the published site) or "zensical" (its successor,
    side by side until it passes the same tests: README, "Moving to Zensical").
    Raises BuildFailed, leaving `site` as it was, when either language fails.
    """
    if engine not in ENGINES:
        raise ValueError(f"engine is '{engine}'; it is one of {', '.join(ENGINES)}")
    runner = importlib.import_module(ENGINES[engine])
    started = time.monotonic()
    staging = site.with_name(site.name + ".partial")
    jobs = {lang: (LANGUAGES[lang][0], runner.target(root, staging, lang, LANGUAGES[lang][1])) for lang in languages}
    for target in (staging, *(target for _, target in jobs.values())):
        shutil.rmtree(target, ignore_errors=True)
    try:
        results = runner.build(root, jobs)
        failed = [problems for problems in results.values() if problems is not None]
        if failed:
            for target in (staging, *(target for _, target in jobs.values())):
                shutil.rmtree(target, ignore_errors=True)
            raise BuildFailed(_unique(problem for problems in failed for problem in problems))
        # The root language first (it may be the staging folder itself), then the others into it.
        for lang, (_, target) in sorted(jobs.items(), key=lambda item: bool(LANGUAGES[item[0]][1])):
            if target != staging:
                shutil.move(target, staging / LANGUAGES[lang][1] if LANGUAGES[lang][1] else staging)
            staging.mkdir(exist_ok=True)
    finally:
        runner.clean(root)
    shutil.rmtree(site, ignore_errors=True)
    staging.rename(site)
    return time.monotonic() - started


def _unique(lines) -> list[str]:
    """Both languages read the same data: a content problem is reported once."""
    return list(dict.fromkeys(lines))


def annotations(problems: list[str]) -> list[str]:
    """GitHub workflow commands for the problems that name a file and line (guide/github.py's form)."""
    lines = []
    for problem in problems:
        placed = PLACED.match(problem)
        if placed:
            lines.append(
                annotation(
                    Problem(placed["file"], int(placed["line"]), "", placed["message"], int(placed["column"] or 0)),
                    title="make build",
                )
            )
    return lines


def main(argv: list[str] | None = None) -> int:

    parser = argparse.ArgumentParser(description="Build both languages of the site, or say why not.")
    parser.add_argument("--site", default=os.environ.get("SITE_DIR", str(ROOT / "site")))
    parser.add_argument("--root", default=str(ROOT), help="the project (default: this repository)")
    parser.add_argument(
        "--engine",
        choices=ENGINES,
        default="material",
        help="material (the published site, default) or zensical (make build-zensical)",
    )
    args = parser.parse_args(argv)
    try:
        took = build_site(Path(args.root), Path(args.site), engine=args.engine)
    except BuildFailed as failure:
        print("\n".join(failure.problems), file=sys.stderr)
        print(
            f"The site was not built ({counted(len(failure.problems), 'problem')} above); {args.site} is unchanged.",
            file=sys.stderr,
        )
        if os.environ.get("GITHUB_ACTIONS") == "true":
            print("\n".join(annotations(failure.problems)))
        return 1
    engine = " with Zensical" if args.engine == "zensical" else ""
    print(f"Built both languages into {args.site} in {took:.1f} s{engine}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
