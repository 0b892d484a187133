"""The glossary's wordings to avoid are a rule of `make check` (guide/wording.py): a text of data/ that uses one
fails with its file, line, path and what to write instead; correct language passes.

Everything comes from data/glossary.yml: each rule's own two examples (`right` must pass, `wrong` must fail) are
what these tests put into the data, so an editor can change, add or remove a rule without touching this file.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from guide import wording
from guide.content import check_content
from guide.problems import ContentError
from guide.yamlsource import load_yaml
from tests.conftest import ROOT

GLOSSARY = ROOT / "data" / "glossary.yml"
RULES = wording.rules(yaml.safe_load(GLOSSARY.read_text(encoding="utf-8")))


def problems(project: Path) -> list[str]:
    try:
        check_content(project)
    except ContentError as error:
        return [str(problem) for problem in error.problems]
    return []


def first_text(project: Path, lang: str) -> tuple[str, str, tuple]:
    """A data file other than the glossary and the first text in it of the language: (file, text, path)."""
    for path in sorted((project / "data").glob("*.yml")):
        if path.stem == wording.GLOSSARY:
            continue
        source, _ = load_yaml(path, f"data/{path.name}")
        for where, text_lang, text in wording.texts(source.data):
            if text_lang == lang and "\n" not in text and len(text) > 20:
                return f"data/{path.name}", text, where
    raise AssertionError(f"no {lang} text in data/ to put an example into")


def test_every_rule_says_its_language_and_has_both_examples():
    assert RULES, "the glossary has no rule; these tests need one"
    for rule in RULES:
        assert rule.lang in wording.LANGUAGES and rule.right and rule.wrong, rule


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: f"{rule.lang}:{rule.words[0]}")
def test_each_rule_passes_its_right_example_and_rejects_its_wrong_one(rule):
    assert rule.found(rule.wrong), f"the rule finds none of its words in its own example: {rule.wrong!r}"
    assert not rule.found(rule.right), f"the rule rejects its example of good language: {rule.right!r}"


@pytest.mark.parametrize("lang", sorted({rule.lang for rule in RULES}))
def test_make_check_names_file_line_and_what_to_write_for_a_wrong_text_and_passes_a_right_one(project_copy, lang):
    rule = next(rule for rule in RULES if rule.lang == lang)
    file, text, where = first_text(project_copy, lang)
    path = project_copy / file
    original = path.read_text(encoding="utf-8")
    line = original[: original.index(text)].count("\n") + 1
    path.write_text(original.replace(text, rule.wrong, 1), encoding="utf-8")
    found = problems(project_copy)
    assert any(
        problem.startswith(f"{file}:{line}: ")
        and rule.instead in problem
        and any(f"'{word}'" in problem for word in rule.words)
        for problem in found
    ), found
    path.write_text(original.replace(text, rule.right, 1), encoding="utf-8")
    assert problems(project_copy) == []


def test_a_wording_in_a_link_target_or_address_is_not_wording():
    rule = next(rule for rule in RULES if rule.lang == "en")
    word = rule.words[0].replace(" ", "-")
    assert not rule.found(f"See [the page](/{word}.md) or write to {word}@example.dk.")


def test_a_rule_whose_examples_misbehave_is_reported_on_its_own_line(project_copy):
    path = project_copy / "data" / "glossary.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    index, term = next((i, t) for i, t in enumerate(data["terms"]) if t.get("avoid"))
    lang, rule = next(iter(term["avoid"].items()))
    rule["right"], rule["wrong"] = rule["wrong"], rule["right"]  # swapped: the right one is now rejected, and so on
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    found = problems(project_copy)
    for key in ("right", "wrong"):
        assert any(f"terms[{index}].avoid.{lang}.{key}: " in problem for problem in found), found
