"""Rules that span two places in the data, which a schema cannot state: each problem on the line to change."""
from __future__ import annotations

from .problems import Problem
from .yamlsource import YamlSource


def check(sources: dict[str, YamlSource]) -> list[Problem]:
    """Every rule below, over the files that loaded (a file that did not has its own problem)."""
    problems = []
    if {"planning", "travel_types"} <= set(sources):
        problems += _travel_days_fit_the_programme(sources["planning"], sources["travel_types"])
    if "planning" in sources:
        problems += _storage_prefixes_differ(sources["planning"])
    return problems


def _travel_days_fit_the_programme(planning: YamlSource, travel_types: YamlSource) -> list[Problem]:
    """The programme sketch plans every travel type: its days must lie within the tool's range."""
    days = planning.data["programme"]["days"]
    low, high = days["min"], days["max"]
    return [Problem(travel_types.name, travel_types.line_of(("types", index, "days")), f"types[{index}].days",
                    f"the programme sketch plans {low} to {high} days (data/planning.yml, programme.days, line "
                    f"{planning.line_of(('programme', 'days'))}), so it cannot plan {travel['days']}; keep the days "
                    f"within {low}–{high}, or change programme.days")
            for index, travel in enumerate(travel_types.data["types"])
            if not all(low <= day <= high for day in travel["days"])]


def _storage_prefixes_differ(planning: YamlSource) -> list[Problem]:
    """Clearing one tool's answers removes every key under its prefix: two tools may never share one."""
    seen: dict[str, int] = {}
    problems = []
    for index, kind in enumerate(planning.data["storage"]["kinds"]):
        line = planning.line_of(("storage", "kinds", index, "prefix"))
        if kind["prefix"] in seen:
            problems.append(Problem(planning.name, line, f"storage.kinds[{index}].prefix",
                                    f"the prefix '{kind['prefix']}' is already used on line {seen[kind['prefix']]}; "
                                    "clearing one would clear the other: give this one a name of its own"))
        seen.setdefault(kind["prefix"], line)
    return problems
