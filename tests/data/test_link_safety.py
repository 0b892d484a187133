"""A text can carry no script and no tracker: every unsafe link, image or attribute is refused with the
editor's line, and every safe form passes (guide/link_safety.py).

fixtures/links/CASE.roles.yml are the forms a contributor tried first (the issue's examples); the tables
below put every other form into the first travel type's Danish tagline of a copy of the real data, as a
pull request that changes one tagline would.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from guide import link_safety
from guide.content import check_content, load_content
from guide.page_check import render_every_page
from guide.problems import ContentError
from guide.yamlsource import load_yaml
from tests.conftest import ROOT
from tests.data.conftest import FIXTURES

ALLOWED = (
    "a text may link only to https:// and mailto: addresses, to a page of this site by its file in docs/ "
    "(/rejsetyper.md or /rejsetyper.md#turist) or to an id on the same page (#turist)"
)
REFUSED = f"is not allowed; {ALLOWED}"
HIDDEN = (
    "contains a space, tab or control character, which browsers drop or read differently; remove it "
    f"(a space inside an address is written %20); {ALLOWED}"
)
IMAGE = (
    "a remote image tells another site about every visitor, and no page has a place for an image in a text; "
    "link to it instead ([text](https://…)), or ask a developer to add the image to a template"
)
ATTRIBUTE = (
    "which texts may not do (links open in the same tab; scripts are never allowed); remove the braces "
    "and what is in them"
)
TAGLINE = ("types", 0, "tagline", "da")


@pytest.fixture
def project(project_copy: Path) -> Path:
    """The data copy (docs/ beside it, since a text's page links are checked against docs/)."""
    return project_copy


def problems_in(project: Path) -> list[str]:
    try:
        load_content(project)
    except ContentError as error:
        return [str(problem) for problem in error.problems]
    return []


def with_tagline(project: Path, text: str) -> tuple[list[str], str]:
    """The first travel type's Danish tagline replaced by `text`: the problems, and where they are reported."""
    path = project / "data" / "travel_types.yml"
    source, _ = load_yaml(path, "data/travel_types.yml")
    line = source.line_of(TAGLINE)
    lines = path.read_text(encoding="utf-8").split("\n")
    indent = lines[line - 1][: len(lines[line - 1]) - len(lines[line - 1].lstrip())]
    lines[line - 1] = f"{indent}da: {json.dumps(text, ensure_ascii=False)}"  # JSON strings are YAML strings
    path.write_text("\n".join(lines), encoding="utf-8")
    return problems_in(project), f"data/travel_types.yml:{line}: types[0].tagline.da"


# The examples of the issue, as fixture files: the exact line `make check` prints for each.
FIXTURE_CASES = {
    "javascript.roles.yml": "data/roles.yml:8: roles[0].summary.da: "
    f"the link 'javascript:alert(document.cookie)' {REFUSED}",
    "mixed-case-scheme.roles.yml": f"data/roles.yml:8: roles[0].summary.da: the link 'JaVaScRiPt:alert(2)' {REFUSED}",
    "data-url.roles.yml": "data/roles.yml:8: roles[0].summary.da: the link "
    f"'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==' {REFUSED}",
    "remote-image.roles.yml": "data/roles.yml:8: roles[0].summary.da: images are not allowed in texts "
    f"('https://tracker.example.com/p.png'): {IMAGE}",
    "character-reference.roles.yml": "data/roles.yml:8: roles[0].summary.da: the link 'javascript:alert(1)' "
    f"(written with character references, which a browser decodes) {REFUSED}",
    "reference-style.roles.yml": f"data/roles.yml:8: roles[0].summary.da: the link 'javascript:alert(1)' {REFUSED}",
    "attribute-list.roles.yml": "data/roles.yml:8: roles[0].summary.da: '{…}' after a link or a word sets "
    f"the HTML attribute 'onclick', {ATTRIBUTE}",
}


@pytest.mark.parametrize("fixture", FIXTURE_CASES)
def test_each_fixture_from_the_issue_is_refused_with_its_line(project, fixture):
    shutil.copy(FIXTURES / "links" / fixture, project / "data" / "roles.yml")
    # The fixture is the whole file: only its own lines are under test (what other files name in it may differ).
    assert [problem for problem in problems_in(project) if problem.startswith("data/roles.yml")] == [
        FIXTURE_CASES[fixture]
    ]


def test_every_link_fixture_has_a_case():
    assert sorted(path.name for path in (FIXTURES / "links").glob("*.yml")) == sorted(FIXTURE_CASES)


# Every other way to write an unsafe address, and the message after "data/…:LINE: path: ".
REFUSED_FORMS = {
    "upper-case scheme": ("[a](JAVASCRIPT:alert(1))", f"the link 'JAVASCRIPT:alert(1)' {REFUSED}"),
    "vbscript": ("[a](vbscript:msgbox(1))", f"the link 'vbscript:msgbox(1)' {REFUSED}"),
    "file": ("[a](file:///etc/passwd)", f"the link 'file:///etc/passwd' {REFUSED}"),
    "hex character reference for a tab": (
        "[a](java&#x09;script:alert(1))",
        f"the link 'java\\tscript:alert(1)' (written with character references, which a browser decodes) {REFUSED}",
    ),
    "named character reference": (
        "[a](javascript&colon;alert(1))",
        f"the link 'javascript:alert(1)' (written with character references, which a browser decodes) {REFUSED}",
    ),
    "leading space": ("[a]( javascript:alert(1))", f"the link 'javascript:alert(1)' {REFUSED}"),
    "leading space as a reference": (
        "[a](&#32;javascript:alert(1))",
        f"the link ' javascript:alert(1)' (written with character references, which a browser decodes) {REFUSED}",
    ),
    "tab inside": ("[a](java\tscript:alert(1))", f"the link 'java    script:alert(1)' {HIDDEN}"),
    "control character before": ("[a](\x01javascript:alert(1))", f"the link '\\x01javascript:alert(1)' {REFUSED}"),
    "reference definition another text could use": (
        "Turist\n\n[r]: javascript:alert(1)",
        f"the link 'javascript:alert(1)' {REFUSED}",
    ),
    "http": (
        "[a](http://coi.dk/)",
        f"the link 'http://coi.dk/' is not encrypted (http:); write its https:// address instead; {ALLOWED}",
    ),
    "https without //": (
        "[a](https:coi.dk)",
        f"the link 'https:coi.dk' is not a whole address; write it as https://…; {ALLOWED}",
    ),
    "space in an https address": ("[a](https://coi.dk/a b)", f"the link 'https://coi.dk/a b' {HIDDEN}"),
    "protocol-relative": (
        "[a](//tracker.example.com/)",
        f"the link '//tracker.example.com/' does not start with https:; write the whole address, https://…; {ALLOWED}",
    ),
    "reference-style image": (
        "![t][p]\n\n[p]: https://tracker.example.com/p.png",
        f"images are not allowed in texts ('https://tracker.example.com/p.png'): {IMAGE}",
    ),
    "local image": (
        "![t](/assets/images/favicon.png)",
        f"images are not allowed in texts ('/assets/images/favicon.png'): {IMAGE}",
    ),
    "new tab": (
        "[a](https://coi.dk/){: target=_blank }",
        f"'{{…}}' after a link or a word sets the HTML attribute 'target', {ATTRIBUTE}",
    ),
    "event handler on a word": (
        "*a*{ onmouseover=alert(1) }",
        f"'{{…}}' after a link or a word sets the HTML attribute 'onmouseover', {ATTRIBUTE}",
    ),
}


@pytest.mark.parametrize("form", REFUSED_FORMS)
def test_each_unsafe_form_is_refused_with_what_is_allowed(project, form):
    text, message = REFUSED_FORMS[form]
    problems, where = with_tagline(project, text)
    assert problems == [f"{where}: {message}"]


def first_page_and_id(project: Path) -> tuple[str, str]:
    """A page of the site and an id in the data, whatever they are today."""
    page = sorted(path.relative_to(project / "docs").as_posix() for path in (project / "docs").rglob("*.md"))[0]
    return page, load_content(project)["travel_types"]["types"][0]["id"]


@pytest.mark.parametrize(
    "form",
    [
        "[a](https://coi.dk/ipraktik)",
        "[a](HTTPS://coi.dk/)",
        "[a](https://coi.dk/?a=1&b=2)",
        "[a](mailto:coi@coi.dk)",
        "[a](mailto:coi@coi.dk?subject=Hej%20med%20dig)",
        "[a][r]\n\n[r]: https://coi.dk/ 'COI'",
        "[a](/{page})",
        "[a](/{page}#{id})",
        "[a](#{id})",
        "**fed**, *kursiv* og `kode`",
    ],
)
def test_each_safe_form_passes(project, form):
    page, anchor = first_page_and_id(project)
    problems, _ = with_tagline(project, form.format(page=page, id=anchor))
    assert problems == []


def test_a_page_link_names_a_page_that_exists(project):
    page, _ = first_page_and_id(project)
    problems, where = with_tagline(project, f"[a]({page})")
    assert problems == [
        f"{where}: the link '{page}' must start with / (a page's path inside docs/); perhaps you meant '/{page}'; "
        f"{ALLOWED}"
    ]
    (project / "README.md").write_text("# Not a page\n", encoding="utf-8")
    for missing in ("/findes-ikke.md", "/../README.md"):  # nor a file beside docs/
        problems, where = with_tagline(project, f"[a]({missing})")
        assert len(problems) == 1 and problems[0].startswith(f"{where}: the link '{missing}' names no page")


def test_an_anchor_names_an_id_in_the_data(project):
    _, anchor = first_page_and_id(project)
    problems, where = with_tagline(project, f"[a](#{anchor}x)")
    assert problems == [
        f"{where}: the link '#{anchor}x' names no id: there is no id '{anchor}x' in the data; "
        f"perhaps you meant '#{anchor}'; an #anchor is the id of a section (for example a travel type's "
        f"id); {ALLOWED}"
    ]


RAW_HTML = "is not allowed in texts; use Markdown instead (**bold**, *italics*, [link text](https://…))"


def test_raw_html_gets_the_raw_html_message_alone(project):
    problems, where = with_tagline(project, "<a href='javascript:alert(1)'>a</a>")
    assert problems == [f"{where}: raw HTML (<a href='javascript:>) {RAW_HTML}"]


@pytest.mark.parametrize("autolink", ["<https://coi.dk/>", "<coi@coi.dk>"])
def test_an_autolink_is_refused_as_raw_html_even_when_safe(project, autolink):
    """`<…>` reads as HTML to x-no-html; editors write [text](address) instead."""
    problems, where = with_tagline(project, autolink)
    assert problems == [f"{where}: raw HTML ({autolink}) {RAW_HTML}"]


@pytest.mark.parametrize(
    "text, address",
    [("<ftp://example.org/>", "ftp://example.org/"), ("[a](<javascript:alert(1)>)", "javascript:alert(1)")],
)
def test_an_unsafe_address_in_angle_brackets_is_also_named(project, text, address):
    """Should x-no-html ever let autolinks through, the address is still judged."""
    problems, where = with_tagline(project, text)
    assert f"{where}: the link '{address}' {REFUSED}" in problems


def test_make_check_refuses_a_remote_image_in_the_data(project):
    """The privacy promise is kept before the build: `make check` fails on a tracking pixel."""
    _, where = with_tagline(project, "Turist ![](https://tracker.example.com/p.png)")
    result = subprocess.run(
        [sys.executable, "-m", "guide.check"],
        cwd=project,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 1
    assert (
        f"{where}: images are not allowed in texts ('https://tracker.example.com/p.png'): {IMAGE}"
        in result.stderr.splitlines()
    )


class _IgnoreTags(yaml.SafeLoader):
    """mkdocs.yml names Python functions (!!python/name:…); reading the extensions needs none of them."""


_IgnoreTags.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def test_every_markdown_extension_of_the_build_is_judged_for_links():
    """A new extension (one that turns bare addresses into links, say) must be looked at in link_safety.py."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_IgnoreTags)
    names = [next(iter(item)) if isinstance(item, dict) else item for item in config["markdown_extensions"]]
    assert set(names) <= set(link_safety.EXTENSIONS) | set(link_safety.JUDGED_HARMLESS)


def test_make_check_refuses_an_anchor_that_is_not_on_the_linked_page(project):
    """The id exists, but on another page: the build would fail on the link; make check says where it is."""
    anchor = load_content(project)["travel_types"]["types"][0]["id"]
    anchors, _ = render_every_page(project, load_content(project), {})
    showing = sorted(page for page, ids in anchors.items() if anchor in ids)
    elsewhere = next(page for page in sorted(anchors) if anchor not in anchors[page])
    with_tagline(project, f"[a]({showing[0]}#{anchor})")
    check_content(project, thorough=True)  # the page that shows it: fine
    problems, where = with_tagline(project, f"[a]({elsewhere}#{anchor})")
    assert problems == []  # an id in the data: all the build's own check can know
    with pytest.raises(ContentError) as raised:
        check_content(project, thorough=True)
    assert [str(problem) for problem in raised.value.problems] == [
        f"{where}: the link '{elsewhere}#{anchor}' names the id '{anchor}', which is not on {elsewhere}; it is on "
        f"{', '.join(showing)}: link to {showing[0]}#{anchor}; {ALLOWED}"
    ]
