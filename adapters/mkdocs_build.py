"""Material for MkDocs as the engine of tools/build.py: each language's `mkdocs build --strict`, side by side,
and the reading of a failed build's log.

Each language builds in a process of its own (a change to guide/ or adapters/ always counts), never with
--quiet: the log is how a failure explains itself. On success the log is not shown.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

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


def target(root: Path, staging: Path, lang: str, below: str) -> Path:
    """Where a language builds: the root language into the staging folder itself, the others beside it (a
    build empties its folder, so English cannot build inside Danish's while both run), moved in afterwards."""
    return staging if not below else staging.with_name(f"{staging.name}-{lang}")


def build(root: Path, jobs: dict[str, tuple[str, Path]]) -> dict[str, list[str] | None]:
    """Every language at once: {lang: (config file, target)} -> {lang: None when built, else its problems}.
    The MkDocs adapter's hooks write everything a page needs (adapters/mkdocs_macros.py)."""
    runs = {lang: _start(root, config, target) for lang, (config, target) in jobs.items()}
    logs = {lang: run.communicate()[0] for lang, run in runs.items()}
    return {lang: None if run.returncode == 0 else problem_lines(logs[lang]) for lang, run in runs.items()}


def clean(root: Path) -> None:
    """Nothing to remove: MkDocs builds outside the project."""


def _start(root: Path, config: str, target: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config, "-d", str(target)],
        cwd=root,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, **ENV},
    )


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
