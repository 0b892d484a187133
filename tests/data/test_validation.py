"""The data validates, and each kind of bad content gets a line that names file, line and fix."""
from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from macros.content import load_content
from macros.problems import ContentError
from tests.conftest import ROOT
from tests.data.conftest import FIXTURES


def test_the_projects_data_is_valid():
    content = load_content(ROOT)
    assert {"site", "programme", "roles", "travel_types"} <= set(content)


def problems_with(project, fixture: str) -> list[str]:
    shutil.copy(FIXTURES / fixture, project / "data" / "roles.yml")
    with pytest.raises(ContentError) as raised:
        load_content(project)
    return [str(problem) for problem in raised.value.problems]


@pytest.mark.parametrize("fixture, expected", [
    ("malformed.roles.yml",
     "data/roles.yml:5: (the whole file): this is not valid YAML (mapping values are not allowed here): "
     "a text that contains ': ' must be put in double quotes, or a line is indented too far"),
    ("missing-en.roles.yml", "data/roles.yml:3: roles[0].name.en: the English text (en) is missing"),
    ("empty-da.roles.yml", "data/roles.yml:4: roles[0].name.da: the Danish text (da) is empty"),
    ("unknown-key.roles.yml", "data/roles.yml:3: roles[0].naem: unknown key 'naem'; did you mean 'name'?"),
    ("wrong-type.roles.yml",
     "data/roles.yml:3: roles[0].name: should be a text with a Danish (da:) and an English (en:) line, but is a text"),
    ("duplicate-id.roles.yml",
     "data/roles.yml:9: roles[1].id: the id 'praktikant' is already used (data/roles.yml line 2); ids must be unique"),
    ("raw-html.roles.yml",
     "data/roles.yml:7: roles[0].summary.da: raw HTML is not allowed in texts; use Markdown instead "
     "(**bold**, *italics*, [link text](https://…))"),
    ("duplicate-key.roles.yml",
     "data/roles.yml:6: roles[0].name.da: the key 'da' appears twice here (first on line 4); keep one"),
])
def test_bad_content_is_named_with_file_line_and_fix(project_copy, fixture, expected):
    assert expected in problems_with(project_copy, fixture)


def test_a_missing_data_file_is_named(project_copy):
    (project_copy / "data" / "roles.yml").unlink()
    with pytest.raises(ContentError) as raised:
        load_content(project_copy)
    assert ("data/roles.yml:1: (the whole file): the file is missing; every data file in schema/ needs one"
            in str(raised.value))


def test_a_data_file_without_a_schema_is_named(project_copy):
    (project_copy / "data" / "extra.yml").write_text("a: 1\n")
    with pytest.raises(ContentError) as raised:
        load_content(project_copy)
    assert "data/extra.yml:1: (the whole file): there is no schema/extra.schema.json" in str(raised.value)


def test_make_check_exits_nonzero_with_one_line_per_problem(project_copy):
    shutil.copy(FIXTURES / "missing-en.roles.yml", project_copy / "data" / "roles.yml")
    result = subprocess.run([sys.executable, "-m", "macros.check"], cwd=project_copy, capture_output=True,
                            text=True, env={"PYTHONPATH": str(ROOT)})
    assert result.returncode == 1
    assert "data/roles.yml:3: roles[0].name.en: the English text (en) is missing" in result.stderr.splitlines()
