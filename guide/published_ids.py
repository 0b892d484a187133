"""The register of published ids (published-ids.yml): an id, once on the site, is never lost or reused by accident.

Every `id` in data/ becomes an anchor (`/rejsetyper/#turist`) and, for a checklist item, the key under which a
visitor's browser keeps the tick (`ipraktik:tjek:<id>`). The register lists them by domain (the data file) and
kind (where in the file the id stands, list positions left out: `phases.advice.items`), so it covers any data
file, including ones added later, without a list of its own here. Three sections:
- ids:     every published id, by domain and kind;
- renamed: `old-id: new-id`, a deliberate rename; the checklist moves saved ticks from the old key to the new;
- retired: ids deliberately removed; they may never come back (old ticks and links would land on something else).

`make check` fails when a registered id is gone without being renamed or retired, when a renamed or retired id is
used again, and when a rename points at an id that does not exist. A NEW id never fails: editors on GitHub's web
editor cannot run a command, so make check lists new ids as notes (on the pull request too) and `make ids`
(python -m guide.check --add-new-ids) adds them: CI runs it on main after each merge (the workflow's
`registers` job), or anyone may before.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .invisible import without_odd_characters
from .problems import Problem, dotted
from .yamlsource import YamlSource, load_yaml

REGISTER = "published-ids.yml"
HEADER = """\
# Published ids: every id in data/ that the site has shown. Each is an anchor (/rejsetyper/#turist) and, for a
# checklist item, the key of visitors' saved ticks. `make check` fails when one of them disappears or comes back
# after it was retired. Do not delete lines here.
# - New ids are added by `make ids`, which CI runs on main after each merge (a new id never fails a check).
# - Renamed on purpose: add `old-id: new-id` under renamed: (saved ticks move to the new id).
# - Removed on purpose: add `- old-id` under retired: (it can then never be used again).
"""


@dataclass
class Register:
    """What published-ids.yml says, and the line each entry stands on."""

    ids: dict[str, tuple[str, str]] = field(default_factory=dict)  # id -> (domain, kind)
    renamed: dict[str, str] = field(default_factory=dict)  # old id -> new id
    retired: set[str] = field(default_factory=set)
    source: YamlSource | None = None

    def line_of(self, *path) -> int:
        return self.source.line_of(path) if self.source else 1


def read_register(root: Path) -> tuple[Register, list[Problem]]:
    """The register, or an empty one (and why) when the file is missing or broken."""
    path = root / REGISTER
    if not path.is_file():
        return Register(), []
    source, problems = load_yaml(path, REGISTER)
    if source is None or problems:
        return Register(), problems
    data = source.data or {}
    register = Register(source=source)
    try:
        for domain, kinds in (data.get("ids") or {}).items():
            for kind, ids in (kinds or {}).items():
                for published in ids or []:
                    register.ids[str(published)] = (domain, kind)
        register.renamed = {str(old): str(new) for old, new in (data.get("renamed") or {}).items()}
        register.retired = {str(retired) for retired in data.get("retired") or []}
    except (AttributeError, TypeError):
        return Register(), [
            Problem(
                REGISTER,
                1,
                "",
                "the file should hold ids:, renamed: (old-id: new-id lines) and "
                "retired: (- old-id lines), laid out as make ids writes it; "
                "undo the change to its layout",
            )
        ]
    return register, []


def live_ids(sources: dict[str, YamlSource]) -> dict[str, tuple[str, str, int, str]]:
    """Every id in the data now: id -> (domain, kind, line, place). A duplicate is validation's business."""
    found = {}
    for domain, source in sources.items():
        for path, value in _ids(source.data, ()):
            found.setdefault(value, (domain, _kind(path), source.line_of(path + ("id",)), dotted(path + ("id",))))
    return found


def check(root: Path, sources: dict[str, YamlSource]) -> tuple[list[Problem], list[Problem]]:
    """(problems, notes): lost, reused and broken renames are problems; new ids are notes."""
    register, problems = read_register(root)
    live = live_ids(sources)
    # An id with an invisible character in it has its own problem (invisible.py); it is not also gone.
    meant = {without_odd_characters(value) for value in live}
    for published, (domain, kind) in sorted(register.ids.items()):
        # A data file that did not load has its own problem; its ids are not gone.
        if (
            published not in live
            and published not in meant
            and published not in register.renamed
            and published not in register.retired
            and domain in sources
        ):
            problems.append(_gone(published, domain, kind, sources[domain]))
    for old, new in sorted(register.renamed.items()):
        if _latest(register, old) not in live and register.ids.get(old, ("",))[0] in sources:
            problems.append(
                Problem(
                    REGISTER,
                    register.line_of("renamed", old),
                    f"renamed.{old}",
                    f"'{old}' is renamed to '{new}', but there is no id '{new}' in data/; "
                    "write the new id exactly as it stands in the data file",
                )
            )
    for value, (domain, _, line, place) in sorted(live.items()):
        if value in register.retired or value in register.renamed:
            problems.append(_reused(value, domain, line, place, register))
    notes = [
        Problem(
            f"data/{domain}.yml",
            line,
            kind,
            f"new id '{value}': it will be published; after the merge, CI adds it to {REGISTER} (make ids): "
            "nothing for you to do",
        )
        for value, (domain, kind, line, _) in sorted(live.items())
        if value not in register.ids and value not in register.retired and value not in register.renamed
    ]
    return problems, notes


def former_ids(root: Path) -> dict[str, list[str]]:
    """new id -> the ids it was renamed from (a rename of a rename included), for the checklist's migration."""
    register, _ = read_register(root)
    former: dict[str, list[str]] = {}
    for old in sorted(register.renamed):
        former.setdefault(_latest(register, old), []).append(old)
    return former


def former(root: Path) -> dict[str, str]:
    """Every id that is no longer in use on purpose: a renamed one to what it is called now, a retired one to ''
    (for the message on a reference that still names it)."""
    register, _ = read_register(root)
    return {
        **{old: _latest(register, old) for old in register.renamed},
        **{retired: "" for retired in register.retired},
    }


def _latest(register: Register, old: str) -> str:
    """What `old` is called now: a -> b -> c gives c (a loop stops where it closes)."""
    new, seen = register.renamed[old], {old}
    while new in register.renamed and new not in seen:
        seen.add(new)
        new = register.renamed[new]
    return new


def write_register(root: Path, sources: dict[str, YamlSource]) -> int:
    """Add every new id to the register; returns how many. Refuses while a published id is lost."""
    problems, notes = check(root, sources)
    if problems:
        raise ValueError("fix these first (make check):\n" + "\n".join(map(str, problems)))
    register, _ = read_register(root)
    kept = dict(register.ids)  # the register only grows: a renamed or retired id stays listed where it was
    for value, (domain, kind, _, _) in live_ids(sources).items():
        kept.setdefault(value, (domain, kind))
    (root / REGISTER).write_text(_dump(kept, register.renamed, register.retired), encoding="utf-8")
    return len(notes)


def _gone(published: str, domain: str, kind: str, source: YamlSource) -> Problem:
    """Reported on the list the id stood in (its key's line: `types:`), where the editor removed it."""
    return Problem(
        f"data/{domain}.yml",
        source.line_of(kind.split(".")),
        kind,
        f"the published id '{published}' is gone: links to #{published} and visitors' saved ticks "
        f"depend on it. If that was a mistake, put the id back. Renamed on purpose: add "
        f"'{published}: NEW-ID' under renamed: in {REGISTER} (saved ticks move to the new id). "
        f"Removed on purpose: add '- {published}' under retired: in {REGISTER}",
    )


def _reused(value: str, domain: str, line: int, place: str, register: Register) -> Problem:
    why = f"renamed to '{register.renamed[value]}'" if value in register.renamed else "retired"
    return Problem(
        f"data/{domain}.yml",
        line,
        place,
        f"the id '{value}' was published before and has been {why} ({REGISTER}); old ticks and "
        "links would land on this item: give it a new id",
    )


def _ids(data: Any, path: tuple) -> Iterator[tuple[tuple, str]]:
    if isinstance(data, dict):
        if isinstance(data.get("id"), str):
            yield path, data["id"]
        for key, value in data.items():
            yield from _ids(value, path + (key,))
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from _ids(item, path + (index,))


def _kind(path: tuple) -> str:
    """('phases', 0, 'advice', 1, 'items', 2) -> 'phases.advice.items'; the file's top level -> '(top)'."""
    return dotted(part for part in path if not isinstance(part, int)) or "(top)"


def _dump(ids: dict[str, tuple[str, str]], renamed: dict[str, str], retired: set[str]) -> str:
    grouped: dict[str, dict[str, list[str]]] = {}
    for published, (domain, kind) in ids.items():
        grouped.setdefault(domain, {}).setdefault(kind, []).append(published)
    for kinds in grouped.values():
        for ids_of_kind in kinds.values():
            ids_of_kind.sort()
    body = {
        "ids": {domain: dict(sorted(kinds.items())) for domain, kinds in sorted(grouped.items())},
        "renamed": dict(sorted(renamed.items())) or None,
        "retired": sorted(retired) or None,
    }
    # An empty section is written as the bare key (`retired:`), not `retired: []`: the guides' instruction,
    # "add `- old-id` under retired:", then works as typed.
    text = yaml.dump(body, Dumper=_IndentedLists, allow_unicode=True, sort_keys=False, width=1000)
    return HEADER + text.replace("renamed: null\n", "renamed:\n").replace("retired: null\n", "retired:\n")


class _IndentedLists(yaml.SafeDumper):
    """Lists indented under their key, as in the data files editors know."""

    def increase_indent(self, flow=False, indentless=False):
        return super().increase_indent(flow, False)
