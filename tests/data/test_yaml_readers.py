"""Every data file reads the same with every YAML reader an editor or a tool may use, and make check says so
on the line when one would read it differently."""

from __future__ import annotations

import json
import subprocess

import pytest
import yaml

from guide.content import check_content
from guide.problems import ContentError
from guide.published_ids import REGISTER
from tests.conftest import ROOT

FILES = sorted(ROOT.glob("data/*.yml")) + [ROOT / REGISTER]
NODE_READER = ROOT / "tests" / "data" / "read_yaml.mjs"


def read(path, loader):
    return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_pyyamls_two_readers_agree(path):
    assert read(path, yaml.SafeLoader) == read(path, yaml.CSafeLoader)


def test_vs_codes_reader_agrees():
    out = subprocess.run(
        ["node", str(NODE_READER), *map(str, FILES)], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    by_node = json.loads(out)
    for path in FILES:
        # Through JSON, as the node side came: the same types (no dates or sets in our data).
        assert by_node[str(path)] == json.loads(json.dumps(read(path, yaml.CSafeLoader))), path.name


def test_make_check_refuses_a_line_only_libyaml_reads(project_copy):
    planning = project_copy / "data" / "planning.yml"
    text = planning.read_text(encoding="utf-8")
    # A label written on one line, rewritten as an editor might: a question, unquoted, inside { }. libyaml
    # reads it; PyYAML's own reader does not.
    quoted = next(line for line in text.splitlines() if line.strip().startswith('label: {da: "'))
    unquoted = quoted.split("label:")[0] + "label: {da: Hvad nu?, en: What now?}"
    planning.write_text(text.replace(quoted, unquoted, 1), encoding="utf-8")
    line = text.splitlines().index(quoted) + 1
    check_content(project_copy)  # the build's reader is content
    with pytest.raises(ContentError) as raised:
        check_content(project_copy, thorough=True)
    assert [str(problem) for problem in raised.value.problems] == [
        f"data/planning.yml:{line}: (the whole file): not every YAML reader can read this line (PyYAML without "
        "libyaml refuses it: expected ',' or '}', but got '?'); put the text on this line in double quotes"
    ]
