"""YAML that remembers where each value stands, so a problem can name its line."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem, dotted

# What usually causes the parser's complaint, in an editor's words: the first entry whose key is in the
# parser's message wins, so the specific ones come first.
YAML_HINTS = (
    (
        "found unexpected end of stream",
        "a quote (\" or ') opened on this line is never closed; end the text with the same quote",
    ),
    ("found undefined alias", "a text that starts with * or & must be put in double quotes"),
    (
        "mapping values are not allowed here",
        "a text that contains ': ' must be put in double quotes, or a line is indented too far",
    ),
    ("found character '\\t' that cannot start any token", "indent with spaces, not tabs"),
    ("but found '<scalar>'", "text goes on after a closing quote; put the whole text inside one pair of double quotes"),
    (
        "expected <block end>",
        "this line is indented differently from the lines it belongs with; line them up with spaces",
    ),
    ("expected ',' or ']'", "a list opened with [ is never closed with ]"),
    ("expected ',' or '}'", "a group opened with { is never closed with }"),
)
DEFAULT_HINT = "check the indentation (spaces only) and that every quote is closed"
# libyaml, when PyYAML was built with it: parses our data files some sixty times faster than pure Python.
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class YamlSource:
    """The parsed data of one file and the line of every key and item in it."""

    name: str  # as editors see it: data/roles.yml
    data: Any
    lines: dict[tuple, int] = field(default_factory=dict)
    text: str = ""  # the file as written, for checks that look at characters
    root: yaml.Node | None = None  # the parsed node tree: what each value looked like in the file

    def line_of(self, path) -> int:
        """The line of `path`, or of its nearest parent that has one (a missing key: its mapping)."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return 1


def load_yaml(path: Path, name: str) -> tuple[YamlSource | None, list[Problem]]:
    """Parse one file. Returns the source, or None with the problems that stopped the parse."""
    if not path.is_file():
        schema = f"schema/{Path(name).stem}.schema.json"
        return None, [
            Problem(
                name,
                1,
                "",
                f"the file is missing, but the site needs it ({schema} describes it); "
                "restore it, or ask a developer before removing a content file",
            )
        ]
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return None, [Problem(name, 1, "", "the file is not saved as UTF-8; save it again with the encoding UTF-8")]
    try:
        data, root = _parse(text, FAST_LOADER)
    except yaml.YAMLError:
        return None, [_unparsable(name, text)]
    source = YamlSource(name, data, text=text, root=root)
    problems: list[Problem] = []
    if root is not None:
        _record(root, (), source, problems)
    return source, problems


def _parse(text: str, loader_class) -> tuple[Any, yaml.Node | None]:
    """The data and the node tree it was built from, from one parse (the nodes carry the lines)."""
    loader = loader_class(text)
    try:
        root = loader.get_single_node()
        return (loader.construct_document(root) if root is not None else None), root
    finally:
        loader.dispose()


def _unparsable(name: str, text: str) -> Problem:
    """The parser's complaint with a hint, on the line an editor has to change.

    libyaml words its errors differently, so the pure-Python parser reads the file again for them.
    An unclosed quote is only noticed at the end of the file: point at the line where the quote opens.
    """
    try:
        _parse(text, yaml.SafeLoader)
    except yaml.MarkedYAMLError as found:
        error = found
    else:  # only libyaml objected: say so without a hint we cannot back
        return Problem(name, 1, "", f"this is not valid YAML: {DEFAULT_HINT}")
    mark = error.problem_mark or error.context_mark
    if error.context_mark and error.context == "while scanning a quoted scalar":
        mark = error.context_mark
    line = mark.line + 1 if mark else 1
    what = " ".join(part for part in (error.context, error.problem) if part)
    hint = next((hint for key, hint in YAML_HINTS if key in what), DEFAULT_HINT)
    return Problem(name, line, "", f"this is not valid YAML ({what}): {hint}")


def _record(node: yaml.Node, path: tuple, source: YamlSource, problems: list[Problem]) -> None:
    """Walk the node tree beside the data, noting lines and the duplicate keys PyYAML lets through."""
    source.lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            line = key_node.start_mark.line + 1
            if key in seen:
                problems.append(
                    Problem(
                        source.name,
                        line,
                        dotted(path + (key,)),
                        f"the key '{key}' appears twice here (first on line {seen[key]}); keep one",
                    )
                )
            seen[key] = line
            _record(value_node, path + (key,), source, problems)
            source.lines[path + (key,)] = line
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record(item, path + (index,), source, problems)


def disagreement(source: YamlSource) -> Problem | None:
    """Where another YAML reader would read this file differently, or not at all; None where all agree.

    The build reads data with libyaml (fast); PyYAML's own reader, which tools and editors' machines without
    libyaml use, and VS Code's YAML extension are stricter in corners (a `?` inside `{…}`, say). A text in
    double quotes reads the same everywhere, so that is the fix to name.
    """
    try:
        data, root = _parse(source.text, yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        return Problem(
            source.name,
            line,
            "",
            "not every YAML reader can read this line (PyYAML without libyaml "
            f"refuses it: {error.problem}); put the text on this line in double quotes",
        )
    if data == source.data:
        return None
    path = _first_difference(data, source.data, ())
    return Problem(
        source.name,
        source.line_of(path),
        dotted(path),
        "YAML readers disagree about this value; put the text in double quotes",
    )


def _first_difference(one: Any, other: Any, path: tuple) -> tuple:
    if isinstance(one, dict) and isinstance(other, dict):
        for key in one.keys() | other.keys():
            if one.get(key) != other.get(key):
                return _first_difference(one.get(key), other.get(key), path + (key,))
    if isinstance(one, list) and isinstance(other, list) and len(one) == len(other):
        for index, (a, b) in enumerate(zip(one, other, strict=True)):
            if a != b:
                return _first_difference(a, b, path + (index,))
    return path
