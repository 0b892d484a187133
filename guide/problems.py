"""What is wrong with the content, worded for the editor who has to fix it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one data file, printed as `data/FILE.yml:LINE: path: message`.

    Where the column is the point (an invisible character, a cut text), it is known and printed too:
    `data/FILE.yml:LINE:COLUMN: path: message`, the form editors' tools turn into a link.
    """

    file: str
    line: int
    path: str
    message: str
    column: int = 0  # 0: not known, or not the point

    def __str__(self) -> str:
        where = f"{self.line}:{self.column}" if self.column else f"{self.line}"
        return f"{self.file}:{where}: {self.path or '(the whole file)'}: {self.message}"


class ContentError(Exception):
    """The content cannot be built; carries every problem found, not only the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def counted(number: int, word: str) -> str:
    """'1 problem', '3 problems': the plural a reader expects, not 'problem(s)'."""
    return f"{number} {word}" if number == 1 else f"{number} {word}s"


def dotted(path) -> str:
    """('roles', 0, 'name', 'en') -> 'roles[0].name.en', the way editors see nesting in YAML."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text
