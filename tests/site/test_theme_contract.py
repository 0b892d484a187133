"""What our theme files need from the engine's theme (THEME-CONTRACT.md), checked against the themes as
installed: the blocks overrides/ fills, the markup each string patch in overrides/main.html looks for, the
`config.extra` keys the templates read, and the message types our search worker speaks.

A string patch (`super() | replace(a, b)`) silently does nothing when the theme's markup changes, so each one
is checked on what the theme itself writes: a small project built with each engine's own templates, no
overrides. When an upgrade changes the markup, the test names the patch.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from guide.guide_build import THEME_EXTRA_KEYS
from tests.conftest import ROOT

OVERRIDES = ROOT / "overrides"
MAIN = OVERRIDES / "main.html"

# Each patch in overrides/main.html: the text it looks for, the page of the small project where the theme
# writes it, and per engine whether the theme writes it (False: not needed there, with why).
PATCHES = {
    # config: Material's worker is passed on to ours (overrides/assets/javascripts/workers/search-word-forms.js)
    "/workers/search.": ("index.html", {"material": True, "zensical": True}),
    # site_meta: the Content Security Policy goes right after the charset
    '<meta charset="utf-8">': ("index.html", {"material": True, "zensical": True}),
    # header: the search dialog gets an accessible name (Zensical's has one; main.html then keeps it)
    'role="dialog"': ("index.html", {"material": True, "zensical": True}),
    # site_nav: a menu group's label with an empty tabindex (invalid HTML) loses it
    ' tabindex=""': ("index.html", {"material": True, "zensical": True}),
    # site_nav: the #__toc checkbox beside the current page's entry goes where no label points at it.
    # Zensical writes it only on pages with a table of contents: nothing to remove on the others.
    '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">': (
        "index.html",
        {"material": True, "zensical": False},
    ),
}
# The blocks of the theme's base.html that overrides/main.html fills.
BLOCKS = (
    "styles",
    "config",
    "site_meta",
    "extrahead",
    "header",
    "announce",
    "site_nav",
    "container",
    "content",
    "scripts",
)
# config.extra keys the templates read that mkdocs.yml sets (the others the core sets, THEME_EXTRA_KEYS, or
# the MkDocs adapter: content_security_policy, twin.site_url) or Material's own options read in our partial.
CONFIG_EXTRA = {"accessibility_statement", "twin", "alternate", "generator"}
ADAPTER_EXTRA = {"content_security_policy"}
THEME_OPTIONS = {"consent", "version"}  # Material's; content-security-policy.html mirrors its conditions
# Our worker's view of the theme's search messages (SETUP = 0, QUERY = 2, RESULT = 3 in search-word-forms.js).
WORKER = OVERRIDES / "assets" / "javascripts" / "workers" / "search-word-forms.js"

SMALL_PROJECT = """\
site_name: Theme contract
site_url: https://example.org/
theme:
  name: material
  font: false
  features: [navigation.sections]
nav:
  - index.md
  - Group:
      - page.md
plugins:
  - search
"""


def _theme_dir(engine: str) -> Path:
    if engine == "material":
        import material

        return Path(material.__file__).parent / "templates"
    import zensical_ui

    return Path(zensical_ui.get_theme_dir())


@pytest.fixture(scope="module", params=["material", "zensical"])
def theme_site(request, tmp_path_factory) -> tuple[str, Path]:
    """A two-page project built with the engine's own theme, nothing of ours: what the patches meet."""
    engine = request.param
    project = tmp_path_factory.mktemp(f"contract-{engine}")
    (project / "docs").mkdir()
    (project / "mkdocs.yml").write_text(SMALL_PROJECT, encoding="utf-8")
    (project / "docs" / "index.md").write_text("# Home\n\nText.\n", encoding="utf-8")
    (project / "docs" / "page.md").write_text("# Page\n\n## Part\n\nText.\n", encoding="utf-8")
    command = ["mkdocs", "build", "--strict", "-q"] if engine == "material" else ["zensical", "build", "--strict"]
    run = subprocess.run(
        [sys.executable, "-m", *command, "-f", "mkdocs.yml"],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert run.returncode == 0, run.stdout + run.stderr
    return engine, project / "site"


def patch_targets() -> list[str]:
    """The first argument of every `replace(…)` in overrides/main.html, as written there."""
    return [
        found[1] or found[2]
        for found in re.finditer(r"""replace\((?:'([^']*)'|"([^"]*)"),""", MAIN.read_text(encoding="utf-8"))
    ]


def test_every_patch_in_main_html_is_in_the_contract():
    targets = patch_targets()
    assert targets, "no replace() found in overrides/main.html: the pattern above no longer reads it"
    assert set(targets) == set(PATCHES), (
        f"overrides/main.html patches {set(targets) ^ set(PATCHES)} "
        "without an entry here and in THEME-CONTRACT.md (or the reverse)"
    )


@pytest.mark.parametrize("target", list(PATCHES))
def test_the_theme_writes_what_each_patch_looks_for(theme_site, target):
    engine, site = theme_site
    page, expected = PATCHES[target]
    html = (site / page).read_text(encoding="utf-8")
    assert (target in html) == expected[engine], (
        f"{engine}'s theme {'no longer writes' if expected[engine] else 'now writes'} {target!r} on {page}: "
        "the patch in overrides/main.html "
        + (
            "does nothing now; fix it and THEME-CONTRACT.md"
            if expected[engine]
            else "applies there now: update PATCHES"
        )
    )


@pytest.mark.parametrize("engine", ["material", "zensical"])
def test_the_theme_has_every_block_main_html_fills(engine):
    filled = set(re.findall(r"\{% block (\w+) %\}", MAIN.read_text(encoding="utf-8")))
    assert filled == set(BLOCKS), f"overrides/main.html fills {filled ^ set(BLOCKS)}: update BLOCKS and the contract"
    base = (_theme_dir(engine) / "base.html").read_text(encoding="utf-8")
    missing = [block for block in BLOCKS if f"{{% block {block} %}}" not in base]
    assert not missing, f"{engine}'s base.html has no block {missing}"


def test_every_extra_key_the_templates_read_has_a_source():
    read = set()
    for template in OVERRIDES.rglob("*.html"):
        read |= set(re.findall(r"config\.extra\.(\w+)", template.read_text(encoding="utf-8")))
    read |= set(re.findall(r"config\.extra\.(\w+)", (OVERRIDES / "sitemap.xml").read_text(encoding="utf-8")))
    sources = set(THEME_EXTRA_KEYS) | ADAPTER_EXTRA | CONFIG_EXTRA | THEME_OPTIONS
    assert read <= sources, f"the templates read config.extra.{read - sources}, which nothing sets"
    contract = (ROOT / "THEME-CONTRACT.md").read_text(encoding="utf-8")
    unlisted = [key for key in sorted(read) if f"`{key}`" not in contract]
    assert not unlisted, f"THEME-CONTRACT.md does not list the extra keys {unlisted}"


def test_the_core_sets_each_extra_key_it_says_it_sets():
    """THEME_EXTRA_KEYS is what the contract's check above trusts: the core's config changes must hold them."""
    import yaml

    from guide.guide_build import GuideBuild

    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("!!python/name:", ""))
    extra = GuideBuild(ROOT, config).config_changes()["extra"]
    assert set(THEME_EXTRA_KEYS) <= set(extra), f"the core does not set {set(THEME_EXTRA_KEYS) - set(extra)}"


def test_materials_search_worker_speaks_the_messages_ours_rewrites():
    ours = WORKER.read_text(encoding="utf-8")
    assert "const SETUP = 0, QUERY = 2, RESULT = 3;" in ours, "search-word-forms.js changed its message types"
    workers = _theme_dir("material") / "assets" / "javascripts" / "workers"
    worker = next(workers.glob("search.*.min.js")).read_text(encoding="utf-8")
    # The worker answers a query (2) with its result (3), after setting up from a message of type 0, and
    # receives its messages by addEventListener and loads lunr's languages by importScripts: what ours wraps.
    for needed in ("case 0:", "case 2:", "{type:3,data:", 'addEventListener("message"', "importScripts("):
        assert needed in worker, (
            f"Material's search worker no longer has {needed!r}: search-word-forms.js "
            "cannot wrap it as it is (THEME-CONTRACT.md, the search worker)"
        )
