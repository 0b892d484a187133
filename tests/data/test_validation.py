"""The data validates, and each kind of bad content gets a line that names file, line and fix.

Each negative fixture in fixtures/ is named CASE.DOMAIN.yml and stands in for data/DOMAIN.yml; apart from its
one defect it is valid, so the line under test is the whole story for that file.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from guide.content import load_content
from guide.problems import ContentError
from guide.yamlsource import load_yaml
from tests.conftest import ROOT
from tests.data.conftest import FIXTURES


def test_the_projects_data_is_valid():
    content = load_content(ROOT)
    assert {"site", "scheme", "roles", "travel_types", "advice"} <= set(content)


def problems_in(project: Path, data_file: str) -> list[str]:
    """The problems load_content reports for one data file, as printed."""
    with pytest.raises(ContentError) as raised:
        load_content(project)
    return [str(problem) for problem in raised.value.problems if problem.file == data_file]


def with_fixture(project: Path, fixture: str) -> list[str]:
    domain = fixture.split(".")[-2]
    shutil.copy(FIXTURES / fixture, project / "data" / f"{domain}.yml")
    return problems_in(project, f"data/{domain}.yml")


def edited(project: Path, data_file: str, old: str, new: str) -> list[str]:
    """One editor's change to a real data file, and the problems it causes in that file."""
    path = project / data_file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is no longer in {data_file}: pick another line for this test"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return problems_in(project, data_file)


# Every kind of bad content an editor can write, and the exact line make check and the build print for it.
CASES = {
    "malformed.roles.yml": [
        "data/roles.yml:5: (the whole file): this is not valid YAML (mapping values are not allowed here): "
        "a text that contains ': ' must be put in double quotes, or a line is indented too far"
    ],
    "unclosed-quote.roles.yml": [
        "data/roles.yml:5: (the whole file): this is not valid YAML (while scanning a quoted scalar found "
        "unexpected end of stream): a quote (\" or ') opened on this line is never closed; "
        "end the text with the same quote"
    ],
    "tab-indent.roles.yml": [
        "data/roles.yml:4: (the whole file): this is not valid YAML (while scanning for the next token found "
        "character '\\t' that cannot start any token): indent with spaces, not tabs"
    ],
    "empty.roles.yml": ["data/roles.yml:1: (the whole file): the file is empty; it should hold roles"],
    "missing-en.roles.yml": [
        "data/roles.yml:3: roles[0].name.en: the English text (en) is missing; add a line 'en: …' with the English text"
    ],
    "empty-da.roles.yml": [
        "data/roles.yml:4: roles[0].name.da: the Danish text (da) is empty; write the Danish text after 'da:'"
    ],
    "empty-en.roles.yml": [
        "data/roles.yml:5: roles[0].name.en: the English text (en) is empty; write the English text after 'en:'"
    ],
    "unknown-key.roles.yml": ["data/roles.yml:3: roles[0].naem: unknown key 'naem'; did you mean 'name'?"],
    "unknown-key.advice.yml": [
        "data/advice.yml:10: phases[0].title: the key 'title' (Fasens navn / The phase's name) is missing here; add it",
        "data/advice.yml:11: phases[0].titel: unknown key 'titel'; did you mean 'title'?",
    ],
    "wrong-type.roles.yml": [
        "data/roles.yml:3: roles[0].name: should be a pair of lines, Danish (da:) and English (en:), "
        "but is a text; put 'da: …' and 'en: …' on two lines below it, indented by two more spaces"
    ],
    "duplicate-id.roles.yml": [
        "data/roles.yml:10: roles[1].id: the id 'praktikant' is already used (data/roles.yml line 2); "
        "give this one an id of its own (an id names one thing on the whole site)"
    ],
    "duplicate-key.roles.yml": [
        "data/roles.yml:6: roles[0].name.da: the key 'da' appears twice here (first on line 4); keep one"
    ],
    "unknown-role.advice.yml": [
        "data/advice.yml:18: phases[0].advice[0].role: there is no id 'praktikantt' in data/roles.yml; "
        "perhaps you meant 'praktikant'; the ids there are: afgivende-arbejdsplads, praktikant, praktikvaert"
    ],
    "raw-html.roles.yml": [
        "data/roles.yml:8: roles[0].summary.da: raw HTML (<script>) is not allowed in texts; use Markdown "
        "instead (**bold**, *italics*, [link text](https://…))"
    ],
    # Invisible trouble: each named with line and column, the character in words, and what to do.
    "nbsp-after-key.roles.yml": [
        "data/roles.yml:4:10: (the whole file): U+00A0 non-breaking space: it looks like a space, but YAML and "
        "the site's search do not read it as one; delete it and type an ordinary space"
    ],
    "nbsp-in-text.roles.yml": [
        "data/roles.yml:8:16: roles[0].summary.da: U+00A0 non-breaking space: it looks like a space, but YAML and "
        "the site's search do not read it as one; delete it and type an ordinary space"
    ],
    "zero-width-text.roles.yml": [
        "data/roles.yml:9:13: roles[0].summary.en: U+200B zero-width space: an invisible character, usually "
        "pasted in from Word, a PDF or a web page; delete it (retype the text around this column)"
    ],
    "zero-width-id.roles.yml": [
        "data/roles.yml:2:19: roles[0].id: U+200B zero-width space: an invisible character, usually "
        "pasted in from Word, a PDF or a web page; delete it (retype the text around this column)"
    ],
    "bom-inside.roles.yml": [
        "data/roles.yml:11:1: (the whole file): U+FEFF byte order mark (BOM): a byte order mark inside the file, "
        "usually left by pasting one file into another; it is invisible: delete the character at this column "
        "(or retype the line)"
    ],
    "curly-quotes.roles.yml": [
        "data/roles.yml:8:11: (the whole file): this is not valid YAML: the text starts with U+201C left double "
        "quotation mark (\u201c), a typographic quote that YAML does not read as a quote; put the whole text in "
        'straight double quotes ("…"); typographic quotes inside them are fine'
    ],
    "hash-cuts-text.roles.yml": [
        "data/roles.yml:9:17: roles[0].summary.en: the text stops before ' #': YAML reads ' #' and everything "
        "after it as a comment, so '#1 host' is not part of the text; put the whole text in double quotes"
    ],
    "boolean-text.roles.yml": [
        "data/roles.yml:5:11: roles[0].name.en: YAML reads No as true or false (yes/no, true/false or on/off "
        'without quotes), not as a text; put it in double quotes: "No"'
    ],
    "number-text.roles.yml": [
        "data/roles.yml:5:11: roles[0].name.en: YAML reads 2024 as a number, not as a text; put it in double "
        'quotes: "2024"'
    ],
    "inverted-range.travel_types.yml": [
        "data/travel_types.yml:90:11: types[2].days: the range [5, 4] runs backwards (from 5 to 4); write the "
        "smaller number first: [4, 5]"
    ],
}


@pytest.mark.parametrize("fixture", CASES)
def test_each_bad_fixture_gets_exactly_its_lines(project_copy, fixture):
    assert with_fixture(project_copy, fixture) == CASES[fixture]


def test_every_fixture_has_a_case():
    assert sorted(path.name for path in FIXTURES.glob("*.yml")) == sorted(CASES)


def test_a_missing_data_file_is_named(project_copy):
    (project_copy / "data" / "roles.yml").unlink()
    assert problems_in(project_copy, "data/roles.yml") == [
        "data/roles.yml:1: (the whole file): the file is missing, but the site needs it "
        "(schema/roles.schema.json describes it); restore it, or ask a developer before removing a content file"
    ]


def test_a_missing_file_does_not_also_flag_every_reference_to_it(project_copy):
    (project_copy / "data" / "roles.yml").unlink()
    with pytest.raises(ContentError) as raised:
        load_content(project_copy)
    assert [p for p in raised.value.problems if "in data/roles.yml" in p.message] == []


def test_a_data_file_without_a_schema_is_named(project_copy):
    (project_copy / "data" / "extra.yml").write_text("a: 1\n")
    assert problems_in(project_copy, "data/extra.yml") == [
        "data/extra.yml:1: (the whole file): there is no schema/extra.schema.json for this file, so nothing checks it; "
        "move the file out of data/, or ask a developer to add its schema"
    ]


# A value in the wrong form, and the English half of its schema's patternErrorMessage, which make check prints
# instead of jsonschema's regular expression: (data file, the line as written, the edited line, the message).
PATTERN_CASES = {
    "a website without https": (
        "data/site.yml",
        "  website: https://www.coi.dk/\n",
        "  website: http://www.coi.dk/\n",
        "publisher.website: 'http://www.coi.dk/': must be a full address beginning with https://.",
    ),
    "a PDF link without {pages}": (
        "data/booklet.yml",
        '  en: "Download as PDF ({pages} pages, {size} KB)"\n',
        '  en: "Download as PDF ({size} KB)"\n',
        "pdf_link.en: 'Download as PDF ({size} KB)': both {pages} and {size} must stay in the text.",
    ),
}


@pytest.mark.parametrize("case", PATTERN_CASES)
def test_a_value_in_the_wrong_form_gets_the_schemas_own_explanation(project_copy, case):
    data_file, old, new, message = PATTERN_CASES[case]
    text = (project_copy / data_file).read_text(encoding="utf-8")
    line = text[: text.index(old)].count("\n") + 1
    assert edited(project_copy, data_file, old, new) == [f"{data_file}:{line}: {message}"]


def test_a_file_not_saved_as_utf8_is_named(project_copy):
    (project_copy / "data" / "roles.yml").write_bytes("roles:\n  - id: praktikvært\n".encode("latin-1"))
    assert problems_in(project_copy, "data/roles.yml") == [
        "data/roles.yml:1: (the whole file): the file is not saved as UTF-8; save it again with the encoding UTF-8"
    ]


def test_one_mistake_in_the_real_data_gives_one_line(project_copy):
    """An editor deletes one English line from the real data: exactly that mistake is reported."""
    path = project_copy / "data" / "travel_types.yml"
    source, _ = load_yaml(path, "data/travel_types.yml")
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    english = source.line_of(("types", 0, "name", "en"))
    name_line = source.line_of(("types", 0, "name"))
    assert edited(project_copy, "data/travel_types.yml", "".join(lines[english - 2 : english]), lines[english - 2]) == [
        f"data/travel_types.yml:{name_line}: types[0].name.en: the English text (en) is missing; "
        "add a line 'en: …' with the English text"
    ]


def test_inline_markdown_is_allowed_in_texts(project_copy):
    markdown = "Læs **mere** og *lidt* [her](https://example.org/)."
    data_file = project_copy / "data" / "travel_types.yml"
    name = load_content(project_copy)["travel_types"]["types"][0]["name"]["da"]
    data_file.write_text(
        data_file.read_text(encoding="utf-8").replace(f"da: {name}\n", f'da: "{markdown}"\n', 1), encoding="utf-8"
    )
    assert load_content(project_copy)["travel_types"]["types"][0]["name"]["da"] == markdown


@pytest.mark.parametrize("html", ["<b>fed</b>", "<a href='x'>link</a>", "<br>", "<!-- note -->", "</p>"])
def test_any_raw_html_tag_is_refused(project_copy, html):
    name = load_content(project_copy)["travel_types"]["types"][0]["name"]["da"]
    problems = edited(project_copy, "data/travel_types.yml", f"da: {name}\n", f'da: "{name} {html}"\n')
    assert len(problems) == 1 and "raw HTML (<" in problems[0] and "is not allowed in texts" in problems[0]


def test_an_id_with_an_invisible_character_is_shown_with_the_character_named(project_copy):
    """Where another file refers to it, the id is written out: the difference must be visible."""
    shutil.copy(FIXTURES / "zero-width-id.roles.yml", project_copy / "data" / "roles.yml")
    with pytest.raises(ContentError) as raised:
        load_content(project_copy)
    references = [
        p.message for p in raised.value.problems if "there is no id" in p.message and " in data/roles.yml;" in p.message
    ]
    assert references and all("'praktikant[U+200B zero-width space]'" in m for m in references)


def test_a_bom_at_the_very_start_is_fine(project_copy):
    path = project_copy / "data" / "roles.yml"
    path.write_text("\ufeff" + path.read_text(encoding="utf-8"), encoding="utf-8")
    assert load_content(project_copy)["roles"]


def test_quoted_texts_keep_what_yaml_would_otherwise_change(project_copy):
    """The advice each message gives works: in double quotes, No, 2024 and ' #' stay text."""
    path = project_copy / "data" / "roles.yml"
    text = path.read_text(encoding="utf-8")
    first_en = next(line for line in text.splitlines() if line.startswith("      en: "))
    path.write_text(text.replace(first_en, '      en: "No #1 2024"', 1), encoding="utf-8")
    assert load_content(project_copy)["roles"]["roles"][0]["name"]["en"] == "No #1 2024"


def test_make_check_exits_nonzero_with_one_line_per_problem(project_copy):
    shutil.copy(FIXTURES / "missing-en.roles.yml", project_copy / "data" / "roles.yml")
    result = subprocess.run(
        [sys.executable, "-m", "guide.check"],
        cwd=project_copy,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert CASES["missing-en.roles.yml"][0] in lines
    problems = len(lines) - 1
    noun = "problem" if problems == 1 else "problems"
    assert lines[-1] == f"{problems} {noun} in the content: fix each line above, then run make check again."


def test_search_keywords_for_a_page_that_does_not_exist_are_refused(project_copy):
    """A misspelt page key in data/search.yml would leave that page's keywords out of search without a word."""
    key = next(iter(load_content(project_copy)["search"]["keywords"]))
    lines = (project_copy / "data" / "search.yml").read_text(encoding="utf-8").splitlines()
    line = lines.index(f"  {key}:") + 1
    assert edited(project_copy, "data/search.yml", f"  {key}:\n", f"  {key}x:\n") == [
        f"data/search.yml:{line}: keywords.{key}x: there is no page '{key}x'; perhaps you meant '{key}'; "
        f"a page is its file in docs/ without .md (for example 'rejsetyper' or 'tjeklister/index'), with its entry "
        f"under pages in data/site.yml"
    ]


# Every kind of value that names a page, as (data file, its YAML path, how it is written): the templates link to
# each, so a misspelt one must be refused by make check, on its line, before a build fails on it.
PAGE_REFERENCES = {
    "a role's page": ("data/roles.yml", ("roles", 0, "page"), "page: {}"),
    "a role's see-also page": ("data/roles.yml", ("roles", -1, "see_also", 0), "see_also: [{}"),
    "a way in on the front page": ("data/site.yml", ("ways_in", "items", 0, "page"), "page: {}"),
    "a journey step's page": ("data/journey.yml", ("steps", 0, "pages", 0), "pages: [{}"),
    "a planning tool's page": ("data/planning.yml", ("offered", 0, "page"), "page: {}"),
}


@pytest.mark.parametrize("kind", PAGE_REFERENCES)
def test_a_misspelt_page_reference_is_refused_on_its_line_with_a_suggestion(project_copy, kind):
    data_file, path, written = PAGE_REFERENCES[kind]
    data = load_content(project_copy)[data_file.removeprefix("data/").removesuffix(".yml")]
    for key in path:
        data = data[key]
    page = data
    text = (project_copy / data_file).read_text(encoding="utf-8")
    line = text[: text.index(written.format(page))].count("\n") + 1
    problems = edited(project_copy, data_file, written.format(page), written.format(page + "x"))
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"{data_file}:{line}: ")
    assert f"there is no page '{page}x'; perhaps you meant '{page}';" in problems[0]
