"""Rules that span two places in the data, which a schema cannot state: each problem on the line to change."""

from __future__ import annotations

from pathlib import Path

from .problems import Problem
from .yamlsource import YamlSource


def check(sources: dict[str, YamlSource], docs_dir: Path) -> list[Problem]:
    """Every rule below, over the files that loaded (a file that did not has its own problem)."""
    problems = []
    if "advice" in sources:
        problems += _each_phase_has_its_page(sources["advice"], docs_dir)
    if {"planning", "travel_types"} <= set(sources):
        problems += _travel_days_fit_the_programme(sources["planning"], sources["travel_types"])
    if "planning" in sources:
        problems += _storage_prefixes_differ(sources["planning"])
    return problems


def _travel_days_fit_the_programme(planning: YamlSource, travel_types: YamlSource) -> list[Problem]:
    """The programme planner plans every travel type: its days must lie within the tool's range."""
    days = planning.data["programme"]["days"]
    low, high = days["min"], days["max"]
    return [
        Problem(
            travel_types.name,
            travel_types.line_of(("types", index, "days")),
            f"types[{index}].days",
            f"the programme planner plans {low}–{high} days (data/planning.yml, programme.days, line "
            f"{planning.line_of(('programme', 'days'))}), so it cannot plan "
            f"{'–'.join(map(str, travel['days']))} days; keep the days within {low}–{high}, or change "
            "programme.days",
        )
        for index, travel in enumerate(travel_types.data["types"])
        if not all(low <= day <= high for day in travel["days"])
    ]


def _each_phase_has_its_page(advice: YamlSource, docs_dir: Path) -> list[Problem]:
    """A phase's id names its page (`foer` is docs/foer-praktikken.md): the role pages link to it by the id."""
    return [
        Problem(
            advice.name,
            advice.line_of(("phases", index, "id")),
            f"phases[{index}].id",
            f"the phase's page would be docs/{phase['id']}-praktikken.md, which does not exist; a phase's id "
            "names its page, so keep the id (a new phase needs a developer to add its page)",
        )
        for index, phase in enumerate(advice.data["phases"])
        if not (docs_dir / f"{phase['id']}-praktikken.md").is_file()
    ]


def _storage_prefixes_differ(planning: YamlSource) -> list[Problem]:
    """Clearing one tool's answers removes every key under its prefix: two tools may never share one."""
    seen: dict[str, int] = {}
    problems = []
    for index, kind in enumerate(planning.data["storage"]["kinds"]):
        line = planning.line_of(("storage", "kinds", index, "prefix"))
        if kind["prefix"] in seen:
            problems.append(
                Problem(
                    planning.name,
                    line,
                    f"storage.kinds[{index}].prefix",
                    f"the prefix '{kind['prefix']}' is already used on line {seen[kind['prefix']]}; "
                    "clearing one would clear the other: give this one a name of its own",
                )
            )
        seen.setdefault(kind["prefix"], line)
    return problems
