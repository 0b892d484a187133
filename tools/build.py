"""The one way to build the site: both languages, Danish at SITE/ and English at SITE/en/, or nothing.

    .venv/bin/python -m tools.build [--site DIR] [--root PROJECT]     # `make build` runs this

`make build`, `make serve` (tools/serve.py), `make pdf`, the bench and the tests all build through
`build_site`, so there is one set of flags (--strict) and one reading of a failure. Each language is built by
`mkdocs build` in a process of its own (a change to macros/ always counts; the two run side by side), into a
folder beside SITE; only when both succeed does the new site replace SITE, so a failed build never leaves a
half-built site behind.

A build never hides an error: the log is read, not silenced, and a failure is reported as the lines that say
what is wrong (`data/roles.yml:9: roles[0].page: …`, `templates/partials/programme.jinja:60: …`), in the
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

ROOT = Path(__file__).resolve().parents[1]
# Each language's config, and where its build goes below the site's root.
LANGUAGES = {"da": ("mkdocs.yml", ""), "en": ("mkdocs.en.yml", "en")}
# Material prints an end-of-life banner on every build; it says nothing we act on (stack notes).
ENV = {"NO_MKDOCS_2_WARNING": "1"}
# A record of MkDocs' log: `ERROR    -  message`, continued on the lines that follow it.
LOG_RECORD = re.compile(r"^(DEBUG|INFO|WARNING|ERROR|CRITICAL)\s+-\s+", re.MULTILINE)
# Lines that only frame the problems: the content's count (each problem follows) and the strict-mode summary.
FRAMING = re.compile(r"^(the content has \d+ problem\(s\):|Aborted with .*)$")
# mkdocs-macros reports an exception in a macro as a warning: a Markdown block with a traceback, in which one
# line, `_RenderError_: message`, says what went wrong.
MACROS_REPORT = re.compile(r"^\[macros\] - ERROR")
MACROS_MESSAGE = re.compile(r"^_(?!File_)\w+_: (.*)$", re.MULTILINE)
# A problem that names its place: `data/roles.yml:9: …`, `data/roles.yml:9:12: …`, `templates/x.jinja:60: …`.
PLACED = re.compile(r"^(?P<file>[\w./-]+\.(?:yml|jinja|html|md|json)):(?P<line>\d+)(?::(?P<column>\d+))?: "
                    r"(?P<message>.*)$")


class BuildFailed(Exception):
    """The site did not build; `problems` are the lines that say why, one problem each."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


def build_site(root: Path, site: Path, languages: tuple[str, ...] = tuple(LANGUAGES)) -> float:
    """Build `languages` of the project at `root` into `site` (replacing it); the seconds it took.

    Raises BuildFailed, leaving `site` as it was, when either language fails.
    """
    started = time.monotonic()
    staging = site.with_name(site.name + ".partial")
    targets = {lang: _target(staging, lang) for lang in languages}
    for target in (staging, *targets.values()):
        shutil.rmtree(target, ignore_errors=True)
    runs = {lang: _start(root, lang, target) for lang, target in targets.items()}
    outputs = {lang: run.communicate()[0] for lang, run in runs.items()}
    failed = [lang for lang, run in runs.items() if run.returncode != 0]
    if failed:
        for target in (staging, *targets.values()):
            shutil.rmtree(target, ignore_errors=True)
        raise BuildFailed(_unique(problem for lang in failed for problem in problem_lines(outputs[lang])))
    staging.mkdir(exist_ok=True)
    for lang, target in targets.items():
        if target != staging:
            target.rename(staging / LANGUAGES[lang][1])
    shutil.rmtree(site, ignore_errors=True)
    staging.rename(site)
    return time.monotonic() - started


def _target(staging: Path, lang: str) -> Path:
    """Where a language builds: the root language into the staging folder itself, the others beside it (a
    build empties its folder, so English cannot build inside Danish's while both run), moved in afterwards."""
    below = LANGUAGES[lang][1]
    return staging if not below else staging.with_name(f"{staging.name}-{lang}")


def _start(root: Path, lang: str, target: Path) -> subprocess.Popen:
    config, _ = LANGUAGES[lang]
    # Not --quiet: the log is how a failure explains itself; on success it is not shown.
    return subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config, "-d", str(target)],
                            cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env={**os.environ, **ENV})


def problem_lines(log: str) -> list[str]:
    """What an editor needs from a failed build's log: the message of every warning and error, one per line.

    Under --strict a warning fails the build too, so both count. A log with no such record (a crash before
    MkDocs' logging starts) is returned whole: something must be said."""
    records = LOG_RECORD.split(log)
    # split() gives [before, level, text, level, text, …]
    texts = [_message(text) for level, text in zip(records[1::2], records[2::2])
             if level in ("WARNING", "ERROR", "CRITICAL")]
    problems = [line.strip() for text in texts for line in text.splitlines()
                if line.strip() and not FRAMING.match(line.strip())]
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
    """GitHub workflow commands for the problems that name a file and line (macros/github.py's form)."""
    from macros.github import annotation
    from macros.problems import Problem

    lines = []
    for problem in problems:
        placed = PLACED.match(problem)
        if placed:
            lines.append(annotation(Problem(placed["file"], int(placed["line"]), "", placed["message"],
                                            int(placed["column"] or 0)), title="make build"))
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build both languages of the site, or say why not.")
    parser.add_argument("--site", default=os.environ.get("SITE_DIR", str(ROOT / "site")))
    parser.add_argument("--root", default=str(ROOT), help="the project (default: this repository)")
    args = parser.parse_args(argv)
    try:
        took = build_site(Path(args.root), Path(args.site))
    except BuildFailed as failure:
        print("\n".join(failure.problems), file=sys.stderr)
        print(f"The site was not built ({len(failure.problems)} problem(s) above); {args.site} is unchanged.",
              file=sys.stderr)
        if os.environ.get("GITHUB_ACTIONS") == "true":
            print("\n".join(annotations(failure.problems)))
        return 1
    print(f"Built both languages into {args.site} in {took:.1f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
