"""The content check's problems where an editor on GitHub sees them: on the changed line, and on the run's page.

Under GitHub Actions (GITHUB_ACTIONS=true) each problem is also printed as a workflow command,
`::error file=data/FILE.yml,line=N,col=C,title=…::message`, which GitHub shows as an annotation on that line
under "Files changed" in the pull request; and a short summary in Danish and English is appended to the file
named by GITHUB_STEP_SUMMARY, which GitHub shows on the run's page. Elsewhere this module prints nothing.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import TextIO

from .problems import Problem
from .published_ids import REGISTER

HOW_TO_FIX_DA = (
    "Åbn filen, gå til linjen, og ret den fejl, beskeden beskriver. Gem (commit) igen – så kører "
    "tjekket af sig selv. Beskederne herunder er på engelsk; REDIGERING.md forklarer dem på dansk."
)
HOW_TO_FIX_EN = (
    "Open the file, go to the line, fix what the message says and commit again; the check then runs "
    "again automatically. The messages are explained in CONTRIBUTING.md."
)


def on_github(environ: Mapping[str, str] = os.environ) -> bool:
    return environ.get("GITHUB_ACTIONS") == "true"


def annotation(problem: Problem, level: str = "error", title: str = "make check") -> str:
    """One problem (or, as `notice`, a note) as a workflow command GitHub turns into an annotation on its line."""
    properties = {"file": problem.file, "line": str(problem.line)}
    if problem.column:
        properties["col"] = str(problem.column)
    properties["title"] = f"{title}: {problem.path or problem.file}"
    fields = ",".join(f"{key}={_escape_property(value)}" for key, value in properties.items())
    return f"::{level} {fields}::{_escape_data(problem.message)}"


def summary(problems: Sequence[Problem], notes: Sequence[Problem] = ()) -> str:
    """The Markdown for the run's page: what is wrong, where, and how to fix it, in Danish and English."""
    if not problems:
        lines = ["### Indholdstjek: i orden / Content check: OK", ""]
    else:
        count = len(problems)
        lines = [
            f"### Indholdstjek: {count} problem{'er' if count != 1 else ''} / "
            f"Content check: {count} problem{'s' if count != 1 else ''}",
            "",
            HOW_TO_FIX_DA,
            "",
            HOW_TO_FIX_EN,
            "",
            "| fil / file | linje / line | sted / place | besked / message |",
            "| --- | --- | --- | --- |",
        ]
        lines += [
            f"| `{p.file}` | {p.line}{f':{p.column}' if p.column else ''} | `{p.path or '–'}` | "
            f"{_table_cell(p.message)} |"
            for p in problems
        ]
        lines.append("")
    if notes:
        lines += [
            f"Nye id'er, som bliver udgivet (ingen fejl; CI skriver dem i {REGISTER} efter fletningen) / "
            f"New ids that will be published (not an error; CI adds them to {REGISTER} after the merge):",
            "",
        ]
        lines += [f"- `{note.file}:{note.line}` {note.message}" for note in notes] + [""]
    return "\n".join(lines).rstrip() + "\n"


def report(
    problems: Sequence[Problem],
    notes: Sequence[Problem] = (),
    out: TextIO | None = None,
    environ: Mapping[str, str] = os.environ,
) -> None:
    """On GitHub: every problem as an error and every note as a notice (to `out`, the log GitHub reads), and
    the summary to its file."""
    if not on_github(environ):
        return
    for problem in problems:
        print(annotation(problem), file=out)
    for note in notes:
        print(annotation(note, "notice"), file=out)
    summary_file = environ.get("GITHUB_STEP_SUMMARY")
    if summary_file:
        with open(summary_file, "a", encoding="utf-8") as file:
            file.write(summary(problems, notes))


def _escape_data(text: str) -> str:
    # GitHub's workflow command escapes: a newline would end the command, a % would start an escape.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _table_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
