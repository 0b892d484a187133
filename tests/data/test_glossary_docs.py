"""The editors' guides show the glossary as it is in data/glossary.yml (`make glossary` writes it there)."""
from __future__ import annotations

from tools.glossary import guides


def test_the_guides_show_the_glossary_as_it_is_in_the_data():
    stale = [path.name for path, (now, wanted) in guides().items() if now != wanted]
    assert not stale, f"{', '.join(stale)}: the glossary table is out of date; run `make glossary`"

