"""Two engines, one guide: every page the Material build writes, Zensical writes too, with the same text in
its main content (the <article>, whitespace normalised). Material's site is the suite's (SITE_DIR, `make
build`); Zensical's is built here by the one way to build (tools/build.py, engine="zensical").

What cannot port yet is named, never skipped: the pages whose text differs (DIFFERENT_TEXT, each with why;
a test fails when one of them matches again, so the list shrinks as the port goes on) and the theme files
the Zensical build leaves out (adapters/zensical.py NOT_PORTED and SWITCHED_OFF), which README's
"Moving to Zensical" must name.
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from adapters.zensical import NOT_PORTED, SWITCHED_OFF
from guide import content_security
from tests.conftest import LANGS, ROOT, lang_root
from tests.projects import project_copy
from tests.site.test_content_security import policy_position_problems, policy_problems, read, unhashed_scripts
from tools.build import BuildFailed, build_site

# Pages whose main text differs between the engines, by their file below a language's root, and why.
DIFFERENT_TEXT: dict[str, str] = {}
ENGINE_PACKAGES = {"mkdocs", "material", "mkdocs_macros", "zensical", "zensical_ui"}


class _Article(HTMLParser):
    """The text of a page's <article> elements, as a reader sees it (no scripts or styles)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self._depth = self._hidden = 0
        self.texts: list[str] = []

    def handle_starttag(self, tag, attrs):
        self._depth += tag == "article"
        self._hidden += bool(self._depth) and tag in ("script", "style")

    def handle_endtag(self, tag):
        if tag == "article" and self._depth:
            self._depth -= 1
        elif tag in ("script", "style") and self._hidden:
            self._hidden -= 1

    def handle_data(self, data):
        if self._depth and not self._hidden:
            self.texts.append(data)


# The booklet's PDF link: `make pdf` puts it into the built page afterwards (tools/booklet_pdf.py), whichever
# engine built it; the suite's Material site has it, a fresh Zensical build not yet.
PDF_LINK = re.compile(r'<p class="ip-booklet-pdf">.*?</p>', re.DOTALL)


def article_text(path: Path) -> str:
    parser = _Article()
    parser.feed(PDF_LINK.sub("", path.read_text(encoding="utf-8")))
    return " ".join(" ".join(parser.texts).split())


def pages(root: Path) -> list[str]:
    """Every HTML page of one language's build, below its root ('index.html', 'tjeklister/index.html')."""
    found = []
    for html in sorted(root.rglob("*.html")):
        relative = html.relative_to(root).as_posix()
        if not relative.startswith(("assets/", "en/")):
            found.append(relative)
    return found


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory, site) -> Path:
    target = tmp_path_factory.mktemp("zensical") / "site-zensical"
    build_site(ROOT, target, engine="zensical")
    return target


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_material_writes_zensical_writes_too(site, zensical_site, lang):
    material = lang_root(lang)
    zensical = zensical_site if lang == "da" else zensical_site / "en"
    missing = [page for page in pages(material) if not (zensical / page).is_file()]
    assert pages(material) and not missing, f"Zensical does not write {missing}"


@pytest.mark.parametrize("lang", LANGS)
def test_each_page_says_the_same_in_both_engines(site, zensical_site, lang):
    material = lang_root(lang)
    zensical = zensical_site if lang == "da" else zensical_site / "en"
    differ = {}
    for page in pages(material):
        ours, theirs = article_text(material / page), article_text(zensical / page)
        assert ours, f"{page}: no text in <article> in the Material build (the comparison would prove nothing)"
        if ours != theirs:
            differ[page] = (ours, theirs)
    unexplained = {page: texts for page, texts in differ.items() if page not in DIFFERENT_TEXT}
    assert not unexplained, "\n".join(
        f"{page}:\n  Material: {a[:300]}\n  Zensical: {b[:300]}" for page, (a, b) in unexplained.items()
    )
    mended = [page for page in DIFFERENT_TEXT if (material / page).is_file() and page not in differ]
    assert not mended, f"{mended} now say the same in both engines: take them off DIFFERENT_TEXT"


def zensical_root(zensical_site: Path, lang: str) -> Path:
    return zensical_site if lang == "da" else zensical_site / "en"


@pytest.mark.parametrize("lang", LANGS)
def test_every_zensical_page_carries_a_strict_policy_with_a_hash_for_each_inline_script(zensical_site, lang):
    """Zensical's theme cannot compute the policy while it renders; the adapter writes it into each page."""
    root = zensical_root(zensical_site, lang)
    problems = []
    for path in pages(root):
        page = read((root / path).read_text(encoding="utf-8"), path)
        assert page.scripts, f"{path}: no inline script (the hash check would prove nothing)"
        problems += policy_position_problems(page) + policy_problems(page) + unhashed_scripts(page)
    assert not problems, "\n".join(problems)


def test_a_script_in_the_main_content_gets_no_hash():
    """The adapter hashes what the theme wrote, never a script that reached the <article> from a text."""
    theme, smuggled = "var theme = 1;", "alert(document.cookie)"
    page = read(
        content_security.with_policy(
            f"<html><head><script>{theme}</script></head><body><article><script>{smuggled}</script></article></body>"
        ),
        "/x/",
    )
    assert unhashed_scripts(page) == [f"/x/: inline script without its hash in the policy: {smuggled!r}"]


def sitemap_entries(path: Path) -> set[tuple[str, tuple[str, ...]]]:
    """Each <url> of a sitemap: its address and its alternates (hreflang=href), in any order of pages."""
    text = path.read_text(encoding="utf-8")
    return {
        (re.search(r"<loc>(.*?)</loc>", url)[1], tuple(re.findall(r'hreflang="([^"]+)" href="([^"]+)"', url)))
        for url in re.findall(r"<url>(.*?)</url>", text, re.DOTALL)
    }


@pytest.mark.parametrize("lang", LANGS)
def test_the_sitemaps_list_the_same_pages_with_the_same_hreflang_pairs(site, zensical_site, lang):
    material = sitemap_entries(lang_root(lang) / "sitemap.xml")
    assert material and all(len(alternates) == 3 for _, alternates in material)
    assert sitemap_entries(zensical_root(zensical_site, lang) / "sitemap.xml") == material


def offline_pages(worker: Path) -> set[str]:
    """The pages (not the theme's assets, whose names differ by engine) the offline copy keeps."""
    files = json.loads(re.search(r"^const FILES = (.*);$", worker.read_text(encoding="utf-8"), re.MULTILINE)[1])
    return {address for address in files if address.endswith(("/", ".html"))}


@pytest.mark.parametrize("lang", LANGS)
def test_the_zensical_build_keeps_the_same_pages_offline(site, zensical_site, lang):
    root = zensical_root(zensical_site, lang)
    assert (root / "manifest.webmanifest").is_file()
    material = offline_pages(lang_root(lang) / "sw.js")
    assert material and offline_pages(root / "sw.js") == material


def test_what_the_zensical_build_leaves_out_is_named_in_the_readme():
    overrides = ROOT / "overrides"
    assert all((overrides / name).is_file() for name in NOT_PORTED), "NOT_PORTED names a file overrides/ lacks"
    section = (ROOT / "README.md").read_text(encoding="utf-8").split("## Moving to Zensical", 1)
    assert len(section) == 2, "README.md has no section 'Moving to Zensical'"
    unnamed = [name for name in (*NOT_PORTED, *SWITCHED_OFF, *DIFFERENT_TEXT) if name not in section[1]]
    assert not unnamed, f"README's 'Moving to Zensical' does not name {unnamed}"


# Besides adapters/, only the bench may import an engine: it measures the engines themselves (plain Material
# against ours, Material against Zensical).
MAY_IMPORT_AN_ENGINE = ("adapters", "tools/bench", "tests")


def test_no_module_outside_the_adapters_imports_an_engine():
    """The core (guide/) and the tools never import an engine; adapters/ is the only code that does."""
    modules = [
        path
        for path in sorted(ROOT.glob("**/*.py"))
        if not path.relative_to(ROOT).as_posix().startswith((".", "node_modules", "site", *MAY_IMPORT_AN_ENGINE))
    ]
    assert any(path.parent.name == "guide" for path in modules), "the scan found no core modules"
    offenders = []
    for module in modules:
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            names = (
                [alias.name for alias in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom) and not node.level
                else []
            )
            offenders += [
                f"{module.relative_to(ROOT)}: {name}" for name in names if name.split(".")[0] in ENGINE_PACKAGES
            ]
    assert not offenders, f"only the adapters may import an engine: {offenders}"


def test_the_core_and_the_zensical_adapter_load_without_mkdocs():
    """Zensical builds without MkDocs installed: importing what it loads must not pull MkDocs in."""
    probe = (
        "import sys, adapters.zensical, guide.guide_build, guide.check; "
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'mkdocs', 'material', 'mkdocs_macros'}))"
    )
    run = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]", f"importing the core loads {run.stdout.strip()}"


def test_a_failed_zensical_build_names_the_template_line_and_keeps_the_last_site(tmp_path):
    """As loud as Material's: the problem starts with the file and line, and the last good site stays."""
    project = project_copy(tmp_path / "project")
    template = project / "templates" / "travel_types.jinja"
    template.write_text("{{ no_such_name.attribute }}\n" + template.read_text(encoding="utf-8"), encoding="utf-8")
    site = tmp_path / "site-zensical"
    site.mkdir()
    (site / "index.html").write_text("the last good build", encoding="utf-8")
    with pytest.raises(BuildFailed) as failed:
        build_site(project, site, engine="zensical")
    assert failed.value.problems[0].startswith("templates/travel_types.jinja:1: "), failed.value.problems
    assert "no_such_name" in failed.value.problems[0]
    assert (site / "index.html").read_text(encoding="utf-8") == "the last good build"
    assert not list(project.glob(".zensical*")), "the generated configs and the build folder are left behind"
