"""The glossary's wordings to avoid (data/glossary.yml), checked in every text of data/ by `make check` and the build.

A term's `avoid` holds one rule per language: `avoid.da` is about the Danish texts (`da:`), `avoid.en` about the
English ones (`en:`). Its `words` are matched as whole words, exactly as written, case included ('spar' never
matches 'sparkle', 'Innovations praktik' never matches 'en god innovationspraktik'). Link targets and web
addresses are not wording (innovationspraktik.coi.dk). Each rule carries an example that must pass (`right`) and
one that must fail (`wrong`); a rule whose examples do not behave is reported on its own line, so a rule can never
reject the language it was written for without someone noticing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from .problems import Problem, dotted
from .yamlsource import YamlSource

GLOSSARY = "glossary"
LANGUAGES = {"da": "Danish", "en": "English"}
LETTERS = "A-Za-zÆØÅæøåÉéÜü"
# What a text holds that is not wording: a Markdown link's target, an email or web address.
NOT_WORDING = re.compile(r"\]\([^)]*\)|\S+@\S+|https?://\S+|\b[\w.-]+\.dk/\S*")


@dataclass(frozen=True)
class Rule:
    """One language's wordings to avoid for one glossary term, what to write instead and its two examples."""

    term: str  # the glossary's Danish term, to find the entry: 'praktikant, innovationspraktikant'
    lang: str  # the language of the texts the rule is about
    words: tuple[str, ...]
    instead: str
    right: str
    wrong: str
    index: int = 0  # the term's place in the glossary, for the line of a rule's own problem

    def found(self, text: str) -> list[str]:
        """The wordings of this rule in a text, each once, in the rule's order."""
        text = NOT_WORDING.sub(" ", text)
        return [word for word in self.words if phrase(word).search(text)]

    def message(self, word: str) -> str:
        return (
            f"the glossary says to avoid '{word}' in {LANGUAGES[self.lang]} texts. Instead: {self.instead} "
            f"(see the term '{self.term}' in data/glossary.yml)"
        )


def phrase(words: str) -> re.Pattern:
    """A wording as whole words, exactly as written."""
    return re.compile(rf"(?<![{LETTERS}]){re.escape(words)}(?![{LETTERS}])")


def rules(glossary: Any) -> list[Rule]:
    """Every rule of the glossary's data; entries the schema rejects are left to the schema's own problems."""
    terms = glossary.get("terms") if isinstance(glossary, dict) else None
    found = []
    for index, term in enumerate(terms if isinstance(terms, list) else []):
        avoid = term.get("avoid") if isinstance(term, dict) else None
        for lang, rule in avoid.items() if isinstance(avoid, dict) else ():
            if lang in LANGUAGES and isinstance(rule, dict) and isinstance(rule.get("words"), list):
                found.append(
                    Rule(
                        term=str(term.get("da")),
                        lang=lang,
                        words=tuple(map(str, rule["words"])),
                        instead=str(rule.get("instead") or term.get(lang)),
                        right=str(rule.get("right", "")),
                        wrong=str(rule.get("wrong", "")),
                        index=index,
                    )
                )
    return found


def problems(sources: dict[str, YamlSource]) -> list[Problem]:
    """A line for each avoided wording in a text of data/, and for each rule whose examples misbehave."""
    glossary = sources.get(GLOSSARY)
    if glossary is None:
        return []
    every_rule = rules(glossary.data)
    found = _misbehaving_examples(glossary, every_rule)
    for domain, source in sources.items():
        if domain == GLOSSARY:
            continue  # the glossary quotes the wordings it forbids
        for path, lang, text in texts(source.data):
            for rule in every_rule:
                if rule.lang == lang:
                    found += [
                        Problem(source.name, source.line_of(path), dotted(path), rule.message(word))
                        for word in rule.found(text)
                    ]
    return found


def texts(data: Any, path: tuple = ()) -> Iterator[tuple[tuple, str, str]]:
    """Every visible text of a data file: (path, language, text) for each `da:`/`en:` line of a text pair."""
    if isinstance(data, Mapping):  # also the loaded content's read-only mappings
        for key, value in data.items():
            if key in LANGUAGES and isinstance(value, str):
                yield path + (key,), key, value
            else:
                yield from texts(value, path + (key,))
    elif isinstance(data, (list, tuple)):
        for index, item in enumerate(data):
            yield from texts(item, path + (index,))


def _misbehaving_examples(glossary: YamlSource, every_rule: list[Rule]) -> list[Problem]:
    found = []
    for rule in every_rule:
        where = ("terms", rule.index, "avoid", rule.lang)
        if rule.wrong and not rule.found(rule.wrong):
            found.append(
                Problem(
                    glossary.name,
                    glossary.line_of(where + ("wrong",)),
                    dotted(where + ("wrong",)),
                    "this example of what the rule rejects holds none of its words; write a sentence "
                    "that uses one of them, so the rule is seen to work",
                )
            )
        if rule.right and (caught := rule.found(rule.right)):
            found.append(
                Problem(
                    glossary.name,
                    glossary.line_of(where + ("right",)),
                    dotted(where + ("right",)),
                    f"this example of correct {LANGUAGES[rule.lang]} holds '{caught[0]}', which the "
                    "rule rejects; the rule would reject good language: narrow its words or fix the example",
                )
            )
    return found
