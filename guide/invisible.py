"""Trouble an editor cannot see: odd characters, and what YAML quietly does to a text without quotes.

Each problem names its line and column, the character in words ("U+00A0 non-breaking space") and what to do.
- characters(): invisible or look-alike characters anywhere in the file (pasted from Word, a PDF, a web page);
- curly_quotes(): a text put in typographic quotes, which YAML does not read as quotes, when the file fails
  to parse because of it (the parser's own complaint would say "put it in double quotes", which the editor did);
- silent_changes(): what parses but is not what the editor wrote: ` #` cuts a text (the rest is a comment),
  yes/no/on/off become true/false and a bare number a number, and a range [5, 3] runs backwards.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

import yaml

from .problems import Problem, dotted
from .yamlsource import YamlSource

# The names editors know; any other invisible character is named by Unicode (lowercased).
NAMES = {
    "\u00a0": "non-breaking space",
    "\u202f": "narrow non-breaking space",
    "\u2007": "figure space",
    "\u200b": "zero-width space",
    "\u200c": "zero-width non-joiner",
    "\u200d": "zero-width joiner",
    "\u2060": "word joiner",
    "\u00ad": "soft hyphen",
    "\ufeff": "byte order mark (BOM)",
    "\u201c": "left double quotation mark",
    "\u201d": "right double quotation mark",
    "\u201e": "double low-9 quotation mark",
    "\u2018": "left single quotation mark",
    "\u2019": "right single quotation mark",
    "\u00ab": "left-pointing double angle quotation mark",
    "\u00bb": "right-pointing double angle quotation mark",
}
CURLY_QUOTES = "\u201c\u201d\u201e\u2018\u2019\u00ab\u00bb"
LANGUAGES = ("da", "en")
YAML_TRUE_FALSE = "yes/no, true/false or on/off"


def named(char: str) -> str:
    """'U+00A0 non-breaking space'."""
    name = NAMES.get(char) or unicodedata.name(char, "unnamed character").lower()
    return f"U+{ord(char):04X} {name}"


def characters(name: str, text: str, source: YamlSource | None) -> list[Problem]:
    """Every space that is not a space and every invisible character, and a BOM anywhere but at the start."""
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        for column, char in enumerate(line, start=1):
            if number == 1 and column == 1 and char == "\ufeff":
                continue  # a BOM at the very start is how some editors save UTF-8; YAML skips it
            advice = _character_advice(char)
            if advice:
                problems.append(
                    Problem(name, number, _path_on_line(source, number), f"{named(char)}: {advice}", column)
                )
    return problems


def _character_advice(char: str) -> str | None:
    if char == "\ufeff":
        return (
            "a byte order mark inside the file, usually left by pasting one file into another; "
            "it is invisible: delete the character at this column (or retype the line)"
        )
    if unicodedata.category(char) == "Zs" and char != " ":
        return (
            "it looks like a space, but YAML and the site's search do not read it as one; "
            "delete it and type an ordinary space"
        )
    if unicodedata.category(char) == "Cf":
        return (
            "an invisible character, usually pasted in from Word, a PDF or a web page; "
            "delete it (retype the text around this column)"
        )
    return None


def curly_quotes(name: str, text: str, line: int) -> Problem | None:
    """A text on `line` (the parser's error line) that opens with a typographic quote, as the YAML problem."""
    lines = text.splitlines()
    if not 0 < line <= len(lines):
        return None
    found = re.search(rf"(?:^\s*(?:-\s+)?|:\s+)([{CURLY_QUOTES}])", lines[line - 1])
    if not found:
        return None
    quote = found.group(1)
    return Problem(
        name,
        line,
        "",
        f"this is not valid YAML: the text starts with {named(quote)} ({quote}), "
        "a typographic quote that YAML does not read as a quote; put the whole text in "
        'straight double quotes ("…"); typographic quotes inside them are fine',
        found.start(1) + 1,
    )


def silent_changes(source: YamlSource, text: str) -> list[Problem]:
    """What YAML read differently from what the editor meant, walking the parsed file beside its lines."""
    if source.root is None:
        return []
    lines = text.splitlines()
    return [
        Problem(source.name, node.start_mark.line + 1, dotted(path), message, column)
        for path, node in _walk(source.root, ())
        for column, message in _silent_change(path, node, lines)
    ]


def _walk(node: yaml.Node, path: tuple) -> Iterator[tuple[tuple, yaml.Node]]:
    yield path, node
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from _walk(value, path + (key.value,))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            yield from _walk(item, path + (index,))


def _silent_change(path: tuple, node: yaml.Node, lines: list[str]) -> Iterator[tuple[int, str]]:
    column = node.start_mark.column + 1
    if isinstance(node, yaml.SequenceNode):
        yield from _backwards_range(node, column)
        return
    # Quoted texts mean what they say. A plain one has no style: None from PyYAML, "" from libyaml.
    if not isinstance(node, yaml.ScalarNode) or node.style:
        return
    kind = node.tag.rsplit(":", 1)[-1]
    is_text = bool(path) and path[-1] in LANGUAGES
    if kind == "bool":
        yield (
            column,
            (
                f"YAML reads {node.value} as true or false ({YAML_TRUE_FALSE} without quotes), "
                f'not as a text; put it in double quotes: "{node.value}"'
            ),
        )
    elif is_text and kind in ("int", "float"):
        yield column, (f'YAML reads {node.value} as a number, not as a text; put it in double quotes: "{node.value}"')
    elif is_text:
        rest = lines[node.end_mark.line][node.end_mark.column :]
        comment = re.match(r"\s+#", rest) or (re.match(r"#", rest) if kind == "null" else None)
        if comment:
            cut = rest[comment.end() - 1 :].strip()
            yield (
                node.end_mark.column + comment.end(),
                (
                    f"the text stops before ' #': YAML reads ' #' and everything after it as a comment, "
                    f"so '{cut}' is not part of the text; put the whole text in double quotes"
                ),
            )


def _backwards_range(node: yaml.SequenceNode, column: int) -> Iterator[tuple[int, str]]:
    """A [from, to] pair of whole numbers (the days of a travel type) whose `from` is the larger."""
    values = node.value
    if len(values) == 2 and all(isinstance(v, yaml.ScalarNode) and v.tag.endswith(":int") for v in values):
        low, high = (int(v.value) for v in values)
        if low > high:
            yield (
                column,
                (
                    f"the range [{low}, {high}] runs backwards (from {low} to {high}); "
                    f"write the smaller number first: [{high}, {low}]"
                ),
            )


def without_odd_characters(text: str) -> str:
    """The text as the editor meant it: each invisible or odd character left out."""
    return "".join(char for char in text if not _character_advice(char))


def visible(text: str) -> str:
    """The text with each invisible or odd character written out: 'turist[U+200B zero-width space]'."""
    return "".join(f"[{named(char)}]" if _character_advice(char) else char for char in text)


def _path_on_line(source: YamlSource | None, line: int) -> str:
    """The deepest key or item that starts on `line`, as 'roles[0].name.da', or '' when none does."""
    if source is None:
        return ""
    paths = [path for path, at in source.lines.items() if at == line]
    return dotted(max(paths, key=len)) if paths else ""
