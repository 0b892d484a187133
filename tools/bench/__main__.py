"""`make bench`: what visitors and editors feel, measured in one run on this machine, as tables.

Figures differ between machines and with the machine's load; compare the ratios within one run.
Every build happens in a snapshot of the project in a temporary directory, never in site/.

    python -m tools.bench                      every step, as `make bench`
    python -m tools.bench --quick              one run of each measurement (`make bench QUICK=1`, CI)
    python -m tools.bench [--quick] STEP …     only these steps: build overhead scale weight search lighthouse editor

Exits 1 when something could not be measured (a build, an audit or a step failed), never for a missed budget.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import time
import traceback
from dataclasses import dataclass
from pathlib import Path

from tools import live_preview

from . import build_timing, editor_loop, lighthouse, overhead, page_weight, profile, scale
from .search_quality import search_quality
from .tables import Budget, budgets, table
from .workspace import CommandFailed, build, measure, snapshot, temp_dir

# ours/plain by CPU time, at Plan.overhead_at (×10 in the full run). Not 1.3: every page is rendered from data
# through our templates (29 % of a ×10 build's time in its profile) and every build checks all content so that
# `make check` passing means the build passes (16 %); plain Material does neither. 1.64 measured (2026-12-08).
OVERHEAD_BUDGET = 1.7
FIRST_VIEW_BUDGET_KB = 75
REPEAT_VIEW_BUDGET_KB = 15
EDITOR_LOOP_BUDGET_S = 1.0


@dataclass(frozen=True)
class Plan:
    """How many runs of what: the full bench, or quick mode (one of each, to see that it all still runs)."""

    runs: int  # measured runs per ×1 build figure, after one warm-up
    scaled_runs: int  # at ×overhead_at: each run takes several times longer, and varies less
    overhead_at: int  # the content factor at which the overhead budget holds
    factors: tuple[int, ...]  # content factors of the scale table
    lighthouse_pages: tuple[tuple[str, str], ...] | None  # (language root, kind); None: every kind, both
    lighthouse_runs: int  # audits at most of a page below the performance budget (the best counts)
    edits: int  # saves timed in the editor loop
    quick: bool = False


FULL = Plan(
    runs=3,
    scaled_runs=3,
    overhead_at=10,
    factors=scale.FACTORS,
    lighthouse_pages=None,
    lighthouse_runs=lighthouse.RUNS_ON_A_MISS,
    edits=5,
)
QUICK = Plan(
    runs=1,
    scaled_runs=1,
    overhead_at=2,
    factors=(1, 2),
    lighthouse_pages=(("", "front page"), ("/en", "checklist")),
    lighthouse_runs=1,
    edits=1,
    quick=True,
)
STEPS = ("build", "overhead", "scale", "weight", "search", "lighthouse", "editor")
NEEDS_SITE = {"build", "weight", "search", "lighthouse"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one run of each measurement, Lighthouse on two pages")
    parser.add_argument(
        "steps", nargs="*", choices=[[], *STEPS], metavar="STEP", help="steps to run (default: all): " + " ".join(STEPS)
    )
    args = parser.parse_args(argv)
    plan = QUICK if args.quick else FULL
    steps = [step for step in STEPS if step in (args.steps or STEPS)]
    started = time.perf_counter()
    work = temp_dir("run")
    try:
        root = snapshot(work)
        say(
            f"make bench{' QUICK=1' if plan.quick else ''}: {', '.join(steps)}; snapshot of the project in {root}; "
            f"{plan.runs} run(s) per build figure after a warm-up. Load average: {_load()}.\n"
            "Pages are measured as a host serves them: gzip-compressed text (tools/gzip_host.py), as on GitHub Pages."
        )
        site = build_site(root, work) if NEEDS_SITE & set(steps) else None
        found: list[Budget] = []
        sections = {
            "build": lambda: build_section(root, work, site, plan),
            "overhead": lambda: overhead_section(root, work, plan),
            "scale": lambda: scale_section(root, work, plan),
            "weight": lambda: weight_section(site, plan),
            "search": lambda: search_section(site),
            "lighthouse": lambda: lighthouse_section(site, plan),
            "editor": lambda: editor_section(root, plan),
        }
        for step in steps:
            found += timed(step, sections[step])
        if plan.quick:
            say(
                "\nQUICK=1: one run of each figure, overhead and scale at small factors: the verdicts below are "
                "indicative only; act on `make bench`."
            )
        say(budgets(found))
        say(f"\nmake bench took {time.perf_counter() - started:.0f} s (load average now {_load()}).")
        broken = [b for b in found if b.broken]
        if broken:
            say("\nThe bench could not measure everything:\n" + "\n".join(f"- {b.figure}: {b.why}" for b in broken))
        return 1 if broken else 0
    except CommandFailed as error:
        say(f"\nThe build failed, so there is nothing to measure:\n{error}")
        return 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


def timed(step: str, section) -> list[Budget]:
    """A step, then what it took: wall time, and the CPU time of everything it ran (neighbours excluded)."""
    wall, cpu, load = time.perf_counter(), _cpu(), _load()
    try:
        found = section() or []
    except Exception as error:  # the other steps still run; the bench then exits 1
        traceback.print_exc()
        found = [Budget(f"step {step}", "failed", "", False, f"{type(error).__name__}: {error}", broken=True)]
    say(
        f"[step {step}: {time.perf_counter() - wall:.0f} s wall, {_cpu() - cpu:.0f} CPU s; "
        f"load average {load} before, {_load()} after]"
    )
    return found


def _cpu() -> float:
    mine, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return mine.ru_utime + mine.ru_stime + children.ru_utime + children.ru_stime


def _load() -> str:
    return " ".join(f"{load:.2f}" for load in os.getloadavg())


def say(text: str) -> None:
    print(text, flush=True)


def build_site(root: Path, work: Path) -> Path:
    """The site that page weight and Lighthouse look at: one build of the snapshot, as `make build`."""
    site = work / "site"
    measure(build(root, site), root)
    return site


def build_section(root: Path, work: Path, site: Path, plan: Plan) -> None:
    counted = {"build, both languages (tools.build)": _count_pages(site), "make check": None}
    rows = []
    for name, run in build_timing.build_times(root, work / "timing", plan.runs).items():  # after build_site
        count = counted[name]
        rows.append(
            [
                name,
                run.cpu,
                run.wall,
                f"{run.peak_mb:.0f}",
                count or "",
                f"{1000 * run.wall / count:.0f}" if count else "",
            ]
        )
    say(
        table(
            f"Build (medians of {plan.runs}: CPU time, wall time, peak memory of the largest process)",
            ["command", "CPU s", "wall s", "peak MB", "pages", "ms/page"],
            rows,
            "Each language's build alone: the overhead table's \"ours\" columns.",
        )
    )


def overhead_section(root: Path, work: Path, plan: Plan) -> list[Budget]:
    """Ours against plain Material at ×1 and at ×10 content; the budget holds at ×10, where the fixed
    start-up cost (data loading and validation, once per build) no longer dominates."""
    at = plan.overhead_at
    measured = {1: overhead.overhead(root, work / "overhead-x1", plan.runs)}
    scaled = scale.scaled_copy(root, work / f"overhead-x{at}", at)
    measured[at] = overhead.overhead(scaled, work / f"overhead-x{at}", plan.scaled_runs)
    rows = [
        [
            f"×{factor}",
            lang,
            o.pages,
            o.ours.cpu,
            o.plain.cpu,
            o.ratio,
            o.extra,
            o.ours.wall,
            o.plain.wall,
            o.wall_ratio,
            f"{o.ours.peak_mb:.0f}",
            f"{o.plain.peak_mb:.0f}",
        ]
        for factor, results in measured.items()
        for lang, o in results.items()
    ]
    fixed = {lang: overhead.fixed_and_per_page(measured[1][lang], measured[at][lang]) for lang in measured[1]}
    say(
        table(
            "Overhead: our build vs plain Material building the macros' rendered Markdown",
            [
                "content",
                "lang",
                "pages",
                "ours CPU s",
                "plain CPU s",
                "ours/plain",
                "extra CPU s",
                "ours wall s",
                "plain wall s",
                "wall ratio",
                "ours MB",
                "plain MB",
            ],
            rows,
            "Plain: the same config, theme, overrides and extensions without the macros plugin (identical HTML).\n"
            "ours/plain and the budget by CPU time (user + system): on a busy machine wall time also measures\n"
            "the other processes, which do not wait for our turns.\n"
            f"Medians of {plan.runs} runs at ×1, {plan.scaled_runs} at ×{at}, taken in turns after the capture build "
            "(the warm-up). Our extra time as a "
            f"fixed cost per build + a cost per page (a line through ×1 and ×{at}): "
            + "; ".join(f"{lang} {f:.2f} CPU s + {1000 * p:.1f} ms/page" for lang, (f, p) in fixed.items()),
        )
    )
    found = [
        Budget(
            f"overhead ours/plain at ×{at} ({lang})",
            f"{o.ratio:.2f}",
            f"≤ {OVERHEAD_BUDGET}",
            o.ratio <= OVERHEAD_BUDGET,
        )
        for lang, o in measured[at].items()
    ]
    if not all(b.met for b in found) and not plan.quick:
        for b, (f, p) in zip(found, fixed.values(), strict=True):
            b.why = "" if b.met else f"fixed {f:.2f} CPU s per build, {1000 * p:.1f} ms per page (profile above)"
        say(profile.profile_build(scaled, work / "profile"))
    return found


def scale_section(root: Path, work: Path, plan: Plan) -> list[Budget]:
    results = scale.scale(root, work / "scale", plan.factors, warmup=not plan.quick)
    rows = []
    base = results[0] if results and results[0].run else None
    for s in results:
        if not s.run:
            rows.append([f"×{s.factor}", "failed", "", "", "", "", s.error])
            continue
        rows.append(
            [
                f"×{s.factor}",
                s.pages,
                f"{s.html_mb:.1f}",
                s.run.cpu,
                s.run.wall,
                f"{s.run.peak_mb:.0f}",
                f"{1000 * s.run.cpu / s.pages:.0f}",
                f"{s.run.cpu / base.run.cpu:.1f}× CPU time for {s.pages / base.pages:.1f}× pages" if base else "",
            ]
        )
    say(
        table(
            "Scale: the build (tools.build, both languages) with the content multiplied (one run each)",
            ["content", "pages", "HTML MB", "CPU s", "wall s", "peak MB", "CPU ms/page", "growth from ×1"],
            rows,
            "Copies: roles with their advice and checklist pages, travel types; ids unique (tools/bench/scale.py).\n"
            "Growth by CPU time: on a busy machine wall time also measures the other processes.",
        )
    )
    found = []
    for s in results[1:]:
        if not (s.run and base):
            found.append(Budget(f"scale ×{s.factor}: time grows ≤ pages", "failed", "", False, s.error, broken=True))
            continue
        time_growth, page_growth = s.run.cpu / base.run.cpu, s.pages / base.pages
        found.append(
            Budget(
                f"scale ×{s.factor}: CPU time growth vs page growth",
                f"{time_growth:.1f}× vs {page_growth:.1f}×",
                "time ≤ pages",
                time_growth <= page_growth,
            )
        )
    return found


def weight_section(site: Path, plan: Plan) -> list[Budget]:
    weights, indexes = page_weight.page_weights(site, lighthouse.one_of_each_kind(site) if plan.quick else None)
    rows = [[w.path, w.html_bytes, kb(w.html_gzip), kb(w.first_view_gzip), kb(w.search_gzip)] for w in weights]
    say(
        table(
            "Page weight (KB as the server sent them, gzip for text; repeat view = the HTML alone)"
            + (", quick: one page of each kind" if plan.quick else ""),
            ["page", "HTML bytes", "repeat KB", "first view KB", "+ search KB"],
            rows,
            "First view: every response Chromium got for the page (HTML, CSS, JS, fonts, images) with an empty\n"
            "cache, from a server that compresses like GitHub Pages (tools/gzip_host.py, gzip level 6);\n"
            "+ search: worker, lunr and index, fetched in the background (same for every page).\n"
            "Files of the heaviest page of each group:\n"
            + "\n".join(f"  {w.path}: " + ", ".join(w.files) for w in _heaviest_of_each_group(weights)),
        )
    )
    say(table("Search indexes", ["index", "bytes", "gzip KB"], [[i.path, i.raw, kb(i.gzip)] for i in indexes]))
    found = []
    for group in WEIGHT_BUDGETS:
        pages = [w for w in weights if _weight_group(w.path) is group]
        if not pages:
            continue
        heaviest = max(pages, key=lambda w: w.first_view_gzip)
        heaviest_html = max(pages, key=lambda w: w.html_gzip)
        found += [
            Budget(
                f"first view, {group.pages} (heaviest: {heaviest.path})",
                f"{kb(heaviest.first_view_gzip)} KB",
                f"≤ {group.first_view_kb} KB",
                heaviest.first_view_gzip <= group.first_view_kb * 1024,
            ),
            Budget(
                f"repeat view, {group.pages} (heaviest: {heaviest_html.path})",
                f"{kb(heaviest_html.html_gzip)} KB",
                f"≤ {group.repeat_view_kb} KB",
                heaviest_html.html_gzip <= group.repeat_view_kb * 1024,
            ),
        ]
    return found


@dataclass(frozen=True)
class WeightBudget:
    pages: str  # which pages, in words
    prefixes: tuple[str, ...]  # URL paths (below the language root) that start so; () = every other page
    first_view_kb: float
    repeat_view_kb: float


# Every page carries the same 66 KB before its own HTML: Material's CSS and JS (57.8 KB gzip), our site.css,
# print.css, the print date, the offline script and the favicon. A reading page's HTML is 5-8 KB. The booklet
# is the whole guide in one page (its HTML alone is 15.6 KB); a checklist or planning page adds its tools' CSS
# and scripts (checklist.css, modules.js, ip-storage.js and its own module: 9.4 KB at most when a page loads
# only the modules it uses; modules.js imports all three today): README.md.
WEIGHT_BUDGETS = (
    WeightBudget("the booklet page", ("/haefte/",), 85, 18),
    WeightBudget("checklist and planning pages", ("/tjeklister/",), 83, 15),
    WeightBudget("every other page", (), FIRST_VIEW_BUDGET_KB, REPEAT_VIEW_BUDGET_KB),
)


def _weight_group(path: str) -> WeightBudget:
    below = path.removeprefix("/en") if path.startswith("/en/") else path
    return next(group for group in WEIGHT_BUDGETS if not group.prefixes or below.startswith(group.prefixes))


def _heaviest_of_each_group(weights: list) -> list:
    groups = {}
    for w in weights:
        group = _weight_group(w.path)
        if group not in groups or w.first_view_gzip > groups[group].first_view_gzip:
            groups[group] = w
    return list(groups.values())


def search_section(site: Path) -> list[Budget]:
    searched, found = search_quality(site)
    say(searched)
    return found


def lighthouse_section(site: Path, plan: Plan) -> list[Budget]:
    results = lighthouse.lighthouse(site, plan.lighthouse_pages, plan.lighthouse_runs)
    scored = [r for r in results if not r.missing]
    rows = [
        [
            r.kind,
            r.path,
            *(
                ["-"] * len(lighthouse.CATEGORIES)
                if r.missing
                else [f"{r.scores[c]:.2f}" for c in lighthouse.CATEGORIES]
            ),
            *(r.metrics.get(m, "-").replace("\xa0", " ") for m in lighthouse.METRICS),
            r.missing or (f"best of {r.runs}" if r.runs > 1 else ""),
        ]
        for r in results
    ]
    say(
        table(
            "Lighthouse (mobile, simulated throttling; served with gzip, as GitHub Pages serves)",
            ["kind", "page", "perf", "a11y", "best pr.", "SEO", *lighthouse.METRICS.values(), ""],
            rows,
            ("Quick: two pages. " if plan.quick else "")
            + "One page of every kind in both languages (tools/bench/lighthouse.py KINDS); a kind whose page\n"
            "is not built yet says so. The 404 page is audited as /404.html: Lighthouse refuses a 404 status.\n"
            f"A page below the performance budget is audited again, up to {plan.lighthouse_runs} runs, and "
            "the best run counts:\na busy machine takes the CPU from the page and only ever lowers the score.",
        )
    )
    found = []
    failed = [r for r in results if r.missing and not r.missing.startswith("not built")]
    if failed:
        found.append(
            Budget(
                "Lighthouse ran on every page built",
                f"{len(failed)} failed",
                "0 failed",
                False,
                "; ".join(f"{r.path}: {r.missing}" for r in failed),
                broken=True,
            )
        )
    for category in lighthouse.CATEGORIES:
        if not scored:
            break
        limit = lighthouse.BUDGET[category]
        worst = min(scored, key=lambda r: r.scores[category])
        failing = sorted({audit for r in scored if r.scores[category] < limit for audit in r.failing[category]})
        found.append(
            Budget(
                f"Lighthouse {category}, lowest ({worst.path})",
                f"{worst.scores[category]:.2f}",
                f"≥ {limit:.2f}",
                worst.scores[category] >= limit,
                "audits below 1 on the pages that miss: " + ", ".join(failing or ["none listed"]),
            )
        )
    return found


def editor_section(root: Path, plan: Plan) -> list[Budget]:
    times = editor_loop.editor_loop(root, plan.edits)
    median = editor_loop.median(times)
    say(
        table(
            "Editor loop: save data/site.yml until `make serve` serves the changed Danish page",
            ["edits", "median s", "fastest s", "slowest s"],
            [[len(times), median, min(times), max(times)]],
            f"`make serve` (tools/live_preview.py) notices a save within {live_preview.POLL_SECONDS} s "
            f"(+ {live_preview.SETTLE_SECONDS} s "
            "to settle), builds both languages side by side\nthrough tools/build.py and serves each as soon as it "
            "is built: compare with the overhead table's one-language builds.\nAn open page then reloads within "
            "a quarter of a second (not counted).",
        )
    )
    return [
        Budget(
            "editor loop, median save to served page",
            f"{median:.2f} s",
            f"≤ {EDITOR_LOOP_BUDGET_S} s",
            median <= EDITOR_LOOP_BUDGET_S,
        )
    ]


def kb(size: int) -> str:
    return f"{size / 1024:.1f}"


def _count_pages(site: Path) -> int:
    return sum(1 for _ in site.rglob("*.html"))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
