"""How build time and memory grow with the content: the site multiplied ×1, ×10, ×50.

Copy K of the content (K = 2…N) adds its own roles (ids ending -kK) with their own advice and
questions, and its own copy of every page stub that takes a role (`role="…"`: tjeklister/praktikant.md
becomes tjeklister/praktikant-kK.md) with its entry in data/site.yml `pages:`: a copied checklist is as
long as the original. The travel types are
multiplied too. Pages that list everything (the front page, the travel types) exist once and grow N
times, as they would with N times the content; copying them as well would make the site grow with N².
Every copied id is unique across the site. Copies stay out of the navigation, as the role pages do.
"""

from __future__ import annotations

import copy
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .workspace import CommandFailed, Run, build, measure

FACTORS = (1, 10, 50)
ROLE_PARAM = re.compile(r'role="([a-z0-9-]+)"')


@dataclass
class Scaled:
    factor: int
    pages: int
    html_mb: float
    run: Run | None
    error: str = ""

    @property
    def ms_per_page(self) -> float:
        return 1000 * self.run.wall / self.pages if self.run else float("nan")


def scale(root: Path, out: Path, factors: tuple[int, ...] = FACTORS, warmup: bool = True) -> list[Scaled]:
    """One build (both languages) per factor (after a warm-up at ×1), each from its own copy of the snapshot."""
    results = []
    for factor in factors:
        copy_root = scaled_copy(root, out / f"x{factor}", factor)
        site = out / f"x{factor}" / "site"
        try:
            if factor == 1 and warmup:
                measure(build(copy_root, site), copy_root)  # warm-up: disk caches, .pyc files
            run = measure(build(copy_root, site), copy_root)
        except CommandFailed as error:
            results.append(Scaled(factor, 0, 0.0, None, str(error).splitlines()[-1]))
            continue
        pages = sorted(site.rglob("*.html"))
        results.append(Scaled(factor, len(pages), sum(p.stat().st_size for p in pages) / 1e6, run))
    return results


def scaled_copy(root: Path, out: Path, factor: int) -> Path:
    """A copy of the snapshot in OUT/project with its content multiplied by FACTOR."""
    copy_root = out / "project"
    shutil.copytree(root, copy_root, symlinks=True, ignore=shutil.ignore_patterns("bench*"))
    multiply(copy_root, factor)
    return copy_root


def multiply(root: Path, factor: int) -> None:
    data = root / "data"
    roles = _load(data / "roles.yml")
    advice = _load(data / "advice.yml")
    travel = _load(data / "travel_types.yml")
    site = _load(data / "site.yml")
    role_ids = [role["id"] for role in roles["roles"]]
    for k in range(2, factor + 1):
        suffix = f"-k{k}"
        pages = _copy_pages(root / "docs", site, role_ids, suffix, f"kopi-{k}")
        roles["roles"] += [_repointed(_suffixed(role, suffix), pages) for role in roles["roles"][: len(role_ids)]]
        for phase in advice["phases"]:
            for kind in ("advice", "questions"):
                originals = [g for g in phase.get(kind, []) if g["role"] in role_ids]
                phase[kind] = phase.get(kind, []) + [
                    {**_suffixed(group, suffix), "role": group["role"] + suffix} for group in originals
                ]
        originals = [t for t in travel["types"] if not re.search(r"-k\d+$", t["id"])]
        travel["types"] += [_suffixed(t, suffix) for t in originals]
    for name, value in (("roles", roles), ("advice", advice), ("travel_types", travel), ("site", site)):
        (data / f"{name}.yml").write_text(yaml.safe_dump(value, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _copy_pages(docs: Path, site: dict, role_ids: list[str], suffix: str, prefix: str) -> dict[str, str]:
    """Every original stub that takes a role, again for this copy's role; returns {page key: copy's key}.

    Templates find a role's pages by its id (tjeklister/ROLE.md), so the copy's path has the copied id
    where the original has the id; a stub whose path does not name its role goes under PREFIX/.
    """
    copies = {}
    for stub in sorted(docs.rglob("*.md")):
        key = stub.relative_to(docs).with_suffix("").as_posix()
        text = stub.read_text(encoding="utf-8")
        found = ROLE_PARAM.search(text)
        if not found or key not in site["pages"] or found.group(1) not in role_ids:
            continue
        role = found.group(1)
        copy_key = re.sub(rf"(?<![a-z0-9]){re.escape(role)}(?![a-z0-9])", role + suffix, key)
        copy_key = copy_key if copy_key != key else f"{prefix}/{key}"
        target = docs / f"{copy_key}.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(ROLE_PARAM.sub(lambda m: f'role="{m.group(1)}{suffix}"', text), encoding="utf-8")
        site["pages"][copy_key] = copy.deepcopy(site["pages"][key])
        copies[key] = copy_key
    return copies


def _repointed(item: Any, pages: dict[str, str]) -> Any:
    """A copied role's references to its pages (e.g. `page: bliv-praktikant`) turned to the copies."""
    if isinstance(item, dict):
        return {key: _repointed(value, pages) for key, value in item.items()}
    if isinstance(item, list):
        return [_repointed(value, pages) for value in item]
    return pages.get(item, item) if isinstance(item, str) else item


def _suffixed(item: Any, suffix: str) -> Any:
    """A deep copy with every `id` in it made unique."""
    item = copy.deepcopy(item)

    def walk(node):
        if isinstance(node, dict):
            if isinstance(node.get("id"), str):
                node["id"] += suffix
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(item)
    return item


def _load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))
