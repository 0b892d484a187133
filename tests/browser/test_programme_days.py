"""The programme tool reads a travel type's `days` (data/travel_types.yml) as a range: [from, to], or [n] for
exactly n days. Every length from the first to the last day keeps the type; any other makes it "another
length".

Today's types may span no more than two days, leaving nothing strictly inside a range, so a copy of the
project gets one type that spans the programme's every length and is built (Danish) into a temporary site."""

from __future__ import annotations

import pytest

from guide.content import load_content
from tests.conftest import ROOT
from tests.projects import edit_yaml, project_copy
from tools.build import build_site
from tools.gzip_host import serve

CONTENT = load_content(ROOT)
PROGRAMME = CONTENT["planning"]["programme"]
LENGTHS = range(PROGRAMME["days"]["min"], PROGRAMME["days"]["max"] + 1)


def widen(data: dict) -> None:
    """The last travel type spans every length the programme offers, so lengths lie strictly inside."""
    data["types"][-1]["days"] = [LENGTHS[0], LENGTHS[-1]]


@pytest.fixture(scope="module")
def wide_site(tmp_path_factory):
    if len(LENGTHS) < 3:
        pytest.skip("the programme offers fewer than three lengths: no range has a length strictly inside")
    project = project_copy(tmp_path_factory.mktemp("wide-range"))
    edit_yaml(project / "data" / "travel_types.yml", widen)
    build_site(project, project / "site", languages=("da",))  # the one way to build; Danish is enough here
    with serve(project / "site") as url:
        yield url, load_content(project)


def test_every_length_within_a_types_range_keeps_the_type_and_any_other_is_another_length(browser, wide_site):
    url, content = wide_site
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{url}/tjeklister/program/")
    travel_type, days = f"#{PROGRAMME['travel_type']['id']}", f"#{PROGRAMME['days']['id']}"
    wrong = []
    for kind in content["travel_types"]["types"]:
        first, last = kind["days"][0], kind["days"][-1]
        for length in LENGTHS:
            page.select_option(travel_type, kind["id"])
            page.select_option(days, str(length))
            expected = kind["id"] if first <= length <= last else ""
            if page.input_value(travel_type) != expected:
                wrong.append(f"{kind['id']} ({kind['days']}), {length} days: {page.input_value(travel_type)!r}")
    context.close()
    assert any(k["days"][-1] - k["days"][0] >= 2 for k in content["travel_types"]["types"]), "no length inside"
    assert wrong == []
