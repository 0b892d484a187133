"""`make glossary` writes the glossary (data/glossary.yml) into the editors' guides as a table.

An editor who adds a term in the browser cannot run it; CI runs it on main after the merge (the workflow's
`registers` job), so a pull request is never red for a table that lags its data. What is tested here is that
the command brings a new term into both guides, and that running it again changes nothing.
"""

from __future__ import annotations

import copy
import shutil

import yaml

from tests.conftest import ROOT
from tools.glossary import GUIDES, guides


def test_make_glossary_brings_a_new_term_into_both_guides_and_then_changes_nothing(project_copy):
    for name in GUIDES:
        shutil.copy(ROOT / name, project_copy / name)
    path = project_copy / "data" / "glossary.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    term = copy.deepcopy(data["terms"][0])
    term.update(da="prøveordet", en="the trial word")
    data["terms"].append(term)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    for guide, (now, wanted) in guides(project_copy).items():
        assert "prøveordet" not in now and "| prøveordet |" in wanted and "the trial word" in wanted
        guide.write_text(wanted, encoding="utf-8")
    assert all(now == wanted for now, wanted in guides(project_copy).values())
