"""On a pull request, each problem shows on its line under "Files changed" and a summary on the run's page.

GitHub reads workflow commands from the log: `::error file=…,line=…,col=…,title=…::message`. These tests hold
the format GitHub documents (its escapes included) and that nothing of it is printed outside GitHub Actions.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

from guide.github import annotation, summary
from guide.problems import Problem
from tests.conftest import ROOT
from tests.data.conftest import FIXTURES

COMMAND = re.compile(
    r"^::(error|notice) file=(?P<file>[^,]+),line=(?P<line>\d+)(,col=(?P<col>\d+))?,"
    r"title=(?P<title>[^:]+)::(?P<message>.+)$"
)


def test_an_annotation_names_file_line_column_and_message():
    problem = Problem("data/roles.yml", 5, "roles[0].name.en", "YAML reads No as true or false", 11)
    assert annotation(problem) == (
        "::error file=data/roles.yml,line=5,col=11,title=make check%3A roles[0].name.en::YAML reads No as true or false"
    )


def test_an_annotation_escapes_what_would_break_the_command():
    problem = Problem("data/roles.yml", 3, "a,b", "100% sure:\nno")
    assert annotation(problem) == "::error file=data/roles.yml,line=3,title=make check%3A a%2Cb::100%25 sure:%0Ano"


def run_check(project, tmp_path, **environ):
    summary_file = tmp_path / "summary.md"
    result = subprocess.run(
        [sys.executable, "-m", "guide.check"],
        cwd=project,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT), "GITHUB_STEP_SUMMARY": str(summary_file), **environ},
    )
    return result, summary_file


def test_under_github_actions_every_problem_is_an_annotation_and_the_summary_is_written(project_copy, tmp_path):
    shutil.copy(FIXTURES / "boolean-text.roles.yml", project_copy / "data" / "roles.yml")
    result, summary_file = run_check(project_copy, tmp_path, GITHUB_ACTIONS="true")
    assert result.returncode == 1
    # The fixture is the whole roles.yml: only its own line is under test (what other files name in it may differ).
    commands = [
        COMMAND.match(line) for line in result.stdout.splitlines() if line.startswith("::error file=data/roles.yml,")
    ]
    problems = [line for line in result.stderr.splitlines() if line.startswith("data/roles.yml")]
    assert len(commands) == len(problems) == 1 and commands[0]
    command = commands[0]
    assert f"{command['file']}:{command['line']}:{command['col']}: " in problems[0]
    assert problems[0].endswith(command["message"])
    text = summary_file.read_text(encoding="utf-8")
    assert text.startswith("### Indholdstjek: ") and "/ Content check: " in text.splitlines()[0]
    assert "REDIGERING.md" in text and "CONTRIBUTING.md" in text and "`data/roles.yml` | 5:11 |" in text


def test_outside_github_actions_nothing_of_it_is_printed(project_copy, tmp_path):
    shutil.copy(FIXTURES / "boolean-text.roles.yml", project_copy / "data" / "roles.yml")
    result, summary_file = run_check(project_copy, tmp_path)
    assert result.returncode == 1 and "::" not in result.stdout + result.stderr
    assert not summary_file.exists()


def test_the_summary_says_ok_and_lists_new_ids_as_notes_not_errors():
    note = Problem("data/travel_types.yml", 60, "types", "new id 'pendler': it will be published")
    text = summary([], [note])
    assert text.startswith("### Indholdstjek: i orden / Content check: OK")
    assert "- `data/travel_types.yml:60` new id 'pendler'" in text
    assert annotation(note, "notice").startswith("::notice file=data/travel_types.yml,line=60,")
