"""The guide sends readers to its own pages for what it has itself, not back to the booklet's web address.

The printed booklet pointed to COI's web page for its materials (programme outline, sign-up, more material). The
guide now has them (the planning tools in data/planning.yml, the sign-up page), so a text that still points to that
address must also link to a page of this site; and the journey's first step links to the pages it offers.
"""

from __future__ import annotations

import re

import yaml

from guide import wording
from guide.content import load_content
from tests.conftest import ROOT

# Where the booklet sent readers for its materials ("på coi.dk/ipraktik"): the address is the booklet's fact.
BOOKLET_ADDRESS = "coi.dk/ipraktik"
SITE_LINK = re.compile(r"\]\(/[a-z0-9/-]+\.md(#[a-z0-9-]+)?\)")


def test_a_text_that_points_to_the_booklets_address_also_links_to_the_guides_own_page():
    # The files as plain YAML: wording.texts walks dicts and lists, not load_content's read-only mappings.
    content = {path.stem: yaml.safe_load(path.read_text(encoding="utf-8")) for path in (ROOT / "data").glob("*.yml")}
    texts = [
        (domain, path, text)
        for domain, data in sorted(content.items())
        if domain != wording.GLOSSARY
        for path, _, text in wording.texts(data)
    ]
    assert texts, "no texts found in data/"
    stray = [
        f"data/{domain}.yml: {'.'.join(map(str, path))}"
        for domain, path, text in texts
        if BOOKLET_ADDRESS in text and not SITE_LINK.search(text)
    ]
    assert not stray, (
        "these texts send readers to coi.dk for what the guide has; link the guide's page too:\n" + "\n".join(stray)
    )


def test_the_journeys_first_step_links_to_the_pages_it_offers():
    # The journey begins on the guide's own page, and in the first step's own text: the role pages show that step
    # without the intro, and the intro right above it no longer repeats the link (the sixth Danish read).
    first = load_content(ROOT)["journey"]["steps"][0]
    assert first["pages"], "the first step offers no page of the guide"
    for lang in ("da", "en"):
        text = " ".join(paragraph[lang] for paragraph in first["text"])
        for page in first["pages"]:
            assert f"](/{page}.md)" in text, (lang, page)


def test_the_journeys_intro_gives_the_contact_to_coi():
    # The schema asks the intro for the contact to COI: a mail link to one of the site's own addresses.
    content = load_content(ROOT)
    addresses = {content["site"]["publisher"]["email"], content["site"]["contact"]["email"]}
    for lang in ("da", "en"):
        intro = " ".join(paragraph[lang] for paragraph in content["journey"]["intro"])
        assert any(f"](mailto:{address})" in intro for address in addresses), lang


def test_the_check_finds_a_text_that_only_points_away():
    assert not SITE_LINK.search(f"Se materialet på [{BOOKLET_ADDRESS}](https://{BOOKLET_ADDRESS}).")
    assert SITE_LINK.search("Brug [programmet](/tjeklister/program.md) her i guiden.")
