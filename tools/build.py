"""The one way to build the site: both languages, Danish at SITE/ and English at SITE/en/, or nothing.

    .venv/bin/python -m tools.build [--site DIR] [--root PROJECT]     # `make build` runs this

`make build`, `make serve` (tools/live_preview.py), `make pdf`, the bench and the tests all build through
`build_site`, so there is one set of flags (--strict) and one reading of a failure. Each language is built by
`mkdocs build` in a process of its own (a change to guide/ or adapters/ always counts; the two run side by side), into a
folder beside SITE; only when both succeed does the new site replace SITE, so a failed build never leaves a
half-built site behind.

A build never hides an error: the log is read, not silenced, and a failure is reported as the lines that say
what is wrong (`data/roles.yml:9: roles[0].page: …`, `templates/partials/scheme.jinja:60: …`), in the
terminal, in `make serve`'s browser page and, under GitHub Actions, as annotations on those lines.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

from guide.github import annotation
from guide.problems import Problem, counted

ROOT = Path(__file__).resolve().parents[1]
# Each language's config, and where its build goes below the site's root.
LANGUAGES = {"da": ("mkdocs.yml", ""), "en": ("mkdocs.en.yml", "en")}
# The engines that build the site: Material (MkDocs) publishes it; Zensical is built beside it (issue 23).
ENGINES = ("material", "zensical")
# Where Zensical builds each language (it writes only below the project's root), and its error lines.
ZENSICAL_WORK = ".zensical-build"
ZENSICAL_ERROR = re.compile(r"^(\w+(Error|Exception)|Error): ")
ZENSICAL_ERROR_NAMES = re.compile(r"^(?:(?:\w+(?:Error|Exception)|Python error|Error): )+")
# Material prints an end-of-life banner on every build; it says nothing we act on (stack notes).
ENV = {"NO_MKDOCS_2_WARNING": "1"}
# A record of MkDocs' log: `ERROR    -  message`, continued on the lines that follow it.
LOG_RECORD = re.compile(r"^(DEBUG|INFO|WARNING|ERROR|CRITICAL)\s+-\s+", re.MULTILINE)
# Lines that only frame the problems: the content's count (each problem follows) and the strict-mode summary.
FRAMING = re.compile(r"^(the content has \d+ problems?:|Aborted with .*)$")
# mkdocs-macros reports an exception in a macro as a warning: a Markdown block with a traceback, in which one
# line, `_RenderError_: message`, says what went wrong.
MACROS_REPORT = re.compile(r"^\[macros\] - ERROR")
MACROS_MESSAGE = re.compile(r"^_(?!File_)\w+_: (.*)$", re.MULTILINE)
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
    started = time.monotonic()
    staging = site.with_name(site.name + ".partial")
    targets = {
        lang: _target(staging, lang) if engine == "material" else _zensical_target(root, lang) for lang in languages
    }
    for target in (staging, *targets.values()):
        shutil.rmtree(target, ignore_errors=True)
    if engine == "material":
        runs = {lang: _start(root, lang, target) for lang, target in targets.items()}
        outputs = {lang: run.communicate()[0] for lang, run in runs.items()}
        failed = [lang for lang, run in runs.items() if run.returncode != 0]
    else:
        outputs, failed = _run_zensical(root, targets)
    if failed:
        for target in (staging, *targets.values()):
            shutil.rmtree(target, ignore_errors=True)
        if engine == "zensical":
            shutil.rmtree(root / ZENSICAL_WORK, ignore_errors=True)
        read = problem_lines if engine == "material" else zensical_problem_lines
        raise BuildFailed(_unique(problem for lang in failed for problem in read(outputs[lang])))
    # The root language first (Zensical's becomes the staging folder), then the others into it.
    for lang, target in sorted(targets.items(), key=lambda item: bool(LANGUAGES[item[0]][1])):
        if target != staging:
            shutil.move(target, staging / LANGUAGES[lang][1] if LANGUAGES[lang][1] else staging)
        staging.mkdir(exist_ok=True)
    shutil.rmtree(site, ignore_errors=True)
    staging.rename(site)
    if engine == "zensical":
        shutil.rmtree(root / ZENSICAL_WORK, ignore_errors=True)  # its theme copy (adapters/zensical.py)
    return time.monotonic() - started


def _target(staging: Path, lang: str) -> Path:
    """Where a language builds: the root language into the staging folder itself, the others beside it (a
    build empties its folder, so English cannot build inside Danish's while both run), moved in afterwards."""
    below = LANGUAGES[lang][1]
    return staging if not below else staging.with_name(f"{staging.name}-{lang}")


def _start(root: Path, lang: str, target: Path) -> subprocess.Popen:
    config, _ = LANGUAGES[lang]
    # Not --quiet: the log is how a failure explains itself; on success it is not shown.
    return subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config, "-d", str(target)],
        cwd=root,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, **ENV},
    )


def _zensical_target(root: Path, lang: str) -> Path:
    """Zensical writes only below the project's root (its config's folder): a folder there per language,
    moved into the staging folder afterwards."""
    return root / ZENSICAL_WORK / lang


def _run_zensical(root: Path, targets: dict[str, Path]) -> tuple[dict[str, str], list[str]]:
    """Each language's Zensical build (its log, and the languages that failed), from a config written for it
    first (the core's nav, description and theme texts: adapters/zensical.py). One after the other:
    two Zensical builds in one project share its .cache/ and one panics. --clean: that cache knows the pages
    and the macros module, not data/, so a kept cache could serve pages with yesterday's texts."""
    from adapters.zensical import GuideBuildError, write_config

    outputs, failed = {}, []
    for lang, target in targets.items():
        try:
            config = write_config(root, LANGUAGES[lang][0], str(target.relative_to(root)))
        except GuideBuildError as error:
            raise BuildFailed([line for line in str(error).splitlines() if not FRAMING.match(line.strip())]) from None
        try:
            # `python -m` from the root puts it on sys.path: the extension imports adapters.zensical.
            run = subprocess.run(
                [sys.executable, "-m", "zensical", "build", "--strict", "--clean", "-f", str(config)],
                cwd=root,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
                env={**os.environ, **ENV},
                check=False,
            )
        finally:
            config.unlink()
        outputs[lang] = run.stdout
        if run.returncode != 0:
            failed.append(lang)
    return outputs, failed


def zensical_problem_lines(log: str) -> list[str]:
    """A failed Zensical build's log ends in the Python exception that stopped it (`RuntimeError: Python
    error: RenderError: templates/x.jinja:60: …`): its message, without the traceback and the exceptions'
    names, so that it starts with the file and line as Material's do; a log without one is returned whole."""
    found = [
        ZENSICAL_ERROR_NAMES.sub("", line.strip()) for line in log.splitlines() if ZENSICAL_ERROR.match(line.strip())
    ]
    return found or [log.strip() or "the build failed without saying why"]


def problem_lines(log: str) -> list[str]:
    """What an editor needs from a failed build's log: the message of every warning and error, one per line.

    Under --strict a warning fails the build too, so both count. A log with no such record (a crash before
    MkDocs' logging starts) is returned whole: something must be said."""
    records = LOG_RECORD.split(log)
    # split() gives [before, level, text, level, text, …]
    texts = [
        _message(text)
        for level, text in zip(records[1::2], records[2::2], strict=False)
        if level in ("WARNING", "ERROR", "CRITICAL")
    ]
    problems = [
        line.strip() for text in texts for line in text.splitlines() if line.strip() and not FRAMING.match(line.strip())
    ]
    return problems or [log.strip() or "the build failed without saying why"]


def _message(text: str) -> str:
    """A record's message; of mkdocs-macros' report, only its message line, not the traceback."""
    if MACROS_REPORT.match(text):
        found = MACROS_MESSAGE.search(text)
        return found[1] if found else text.splitlines()[0]
    return text.strip()


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
