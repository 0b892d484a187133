"""The one way to build (tools/build.py): a failure exits non-zero and says, on its own line, the file and line
to fix, whatever broke (data, a template), and leaves the last good site as it was."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import ROOT
from tests.projects import build, project_copy

TEMPLATE = "templates/travel_types.jinja"


def test_a_template_error_names_the_template_line_and_the_page(tmp_path):
    project = project_copy(tmp_path)
    template = project / TEMPLATE
    template.write_text("{{ no_such_name.attribute }}\n" + template.read_text(encoding="utf-8"), encoding="utf-8")
    problems = build(project)
    assert problems, "a broken template must stop the build"
    assert all(problem.startswith(f"{TEMPLATE}:1: ") for problem in problems), problems
    assert "no_such_name" in problems[0] and "while rendering the page docs/" in problems[0]


def test_the_command_prints_each_problem_keeps_the_old_site_and_annotates_on_github(tmp_path):
    project = project_copy(tmp_path)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the last good build", encoding="utf-8")
    roles = project / "data" / "roles.yml"
    text = roles.read_text(encoding="utf-8")
    line = next(number for number, content in enumerate(text.splitlines(), 1) if content.strip().startswith("en: "))
    roles.write_text(
        text.replace(text.splitlines()[line - 1], text.splitlines()[line - 1].split("en:")[0] + "en: No", 1),
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "tools.build", "--root", str(project), "--site", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "GITHUB_ACTIONS": "true"},
    )
    assert result.returncode == 1
    problem = result.stderr.splitlines()[0]
    assert problem.startswith(f"data/roles.yml:{line}:") and "double quotes" in problem, result.stderr
    assert result.stdout.startswith(f"::error file=data/roles.yml,line={line},"), result.stdout
    assert (site / "index.html").read_text(encoding="utf-8") == "the last good build"
    assert not (tmp_path / "site.partial").exists()
