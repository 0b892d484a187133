"""`make bench`: what visitors and editors feel, measured in one run on this machine, as tables.

Figures differ between machines and with the machine's load; compare the ratios within one run.
Every build happens in a snapshot of the project in a temporary directory, never in site/.
"""
from __future__ import annotations

import shutil
import sys
import time
from pathlib import Path

from . import build_timing, editor_loop, lighthouse, overhead, page_weight, profile, scale
from .search_quality import search_quality
from .tables import Budget, budgets, table
from .workspace import CommandFailed, make, measure, snapshot, temp_dir

RUNS = 5                    # measured runs per build figure, after one warm-up
OVERHEAD_BUDGET = 1.3
FIRST_VIEW_BUDGET_KB = 75
REPEAT_VIEW_BUDGET_KB = 15


def main() -> int:
    started = time.perf_counter()
    work = temp_dir("run")
    try:
        root = snapshot(work)
        say(f"make bench: snapshot of the project in {root}; {RUNS} runs per build figure after a warm-up.")
        found: list[Budget] = []
        site = build_site(root, work)
        build_section(root, work, site)
        found += overhead_section(root, work)
        found += scale_section(root, work)
        found += weight_section(site)
        searched, search_budgets = search_quality(site)
        say(searched)
        found += search_budgets
        found += lighthouse_section(site)
        editor_section(root)
        say(budgets(found))
        say(f"\nmake bench took {time.perf_counter() - started:.0f} s.")
        return 0
    except CommandFailed as error:
        say(f"\nThe build failed, so there is nothing to measure:\n{error}")
        return 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


def say(text: str) -> None:
    print(text, flush=True)


def build_site(root: Path, work: Path) -> Path:
    """The site that page weight and Lighthouse look at: one `make build` of the snapshot."""
    site = work / "site"
    measure(make(root, "build", site), root)
    return site


def build_section(root: Path, work: Path, site: Path) -> None:
    pages = {"da": _count_pages(site, lambda p: not p.is_relative_to(site / "en")), "en": _count_pages(site / "en")}
    pages["both"] = pages["da"] + pages["en"]
    counted = {"make build (da + en)": pages["both"], "Danish build (mkdocs.yml)": pages["da"],
               "English build (mkdocs.en.yml)": pages["en"], "make check": None}
    rows = []
    for name, run in build_timing.build_times(root, work / "timing", RUNS).items():
        count = counted[name]
        rows.append([name, run.wall, f"{run.peak_mb:.0f}", count or "", f"{1000 * run.wall / count:.0f}" if count else ""])
    say(table("Build (median wall time, peak memory of the largest process)",
              ["command", "wall s", "peak MB", "pages", "ms/page"], rows))


def overhead_section(root: Path, work: Path) -> list[Budget]:
    results = overhead.overhead(root, work / "overhead", RUNS)
    rows = [[lang, o.ours.wall, o.plain.wall, o.ratio, f"{o.ours.peak_mb:.0f}", f"{o.plain.peak_mb:.0f}"]
            for lang, o in results.items()]
    say(table("Overhead: our build vs plain Material building the macros' rendered Markdown",
              ["lang", "ours s", "plain s", "ours/plain", "ours MB", "plain MB"], rows,
              "Plain: the same config, theme, overrides and extensions without the macros plugin (identical HTML)."))
    found = [Budget(f"overhead ours/plain ({lang})", f"{o.ratio:.2f}", f"≤ {OVERHEAD_BUDGET}",
                    o.ratio <= OVERHEAD_BUDGET) for lang, o in results.items()]
    if not all(b.met for b in found):
        extra = {lang: o.ours.wall - o.plain.wall for lang, o in results.items()}
        why = ("a fixed cost per build, not per page: " +
               ", ".join(f"{lang} +{s:.2f} s" for lang, s in extra.items()) + " (see the profile above)")
        for b in found:
            b.why = why if not b.met else ""
        say(profile.profile_build(root, work / "profile"))
    return found


def scale_section(root: Path, work: Path) -> list[Budget]:
    results = scale.scale(root, work / "scale")
    rows = []
    base = results[0] if results and results[0].run else None
    for s in results:
        if not s.run:
            rows.append([f"×{s.factor}", "failed", "", "", "", "", s.error])
            continue
        rows.append([f"×{s.factor}", s.pages, f"{s.html_mb:.1f}", s.run.wall, f"{s.run.peak_mb:.0f}",
                     f"{s.ms_per_page:.0f}", f"{s.run.wall / base.run.wall:.1f}× time for "
                     f"{s.pages / base.pages:.1f}× pages" if base else ""])
    say(table("Scale: make build with the content multiplied (one run each)",
              ["content", "pages", "HTML MB", "wall s", "peak MB", "ms/page", "growth from ×1"], rows,
              "Copies: roles with their advice and checklist pages, travel types; ids unique (tools/bench/scale.py)."))
    found = []
    for s in results[1:]:
        if not (s.run and base):
            found.append(Budget(f"scale ×{s.factor}: time grows ≤ pages", "failed", "", False, s.error))
            continue
        time_growth, page_growth = s.run.wall / base.run.wall, s.pages / base.pages
        found.append(Budget(f"scale ×{s.factor}: time growth vs page growth", f"{time_growth:.1f}× vs {page_growth:.1f}×",
                            "time ≤ pages", time_growth <= page_growth))
    return found


def weight_section(site: Path) -> list[Budget]:
    weights, indexes = page_weight.page_weights(site)
    rows = [[w.path, w.html_bytes, kb(w.html_gzip), kb(w.first_view_gzip), kb(w.search_gzip)] for w in weights]
    say(table("Page weight (KB are gzip level 6; repeat view = the HTML alone)",
              ["page", "HTML bytes", "repeat KB", "first view KB", "+ search KB"], rows,
              "First view: every file Chromium fetched for the page (HTML, CSS, JS, fonts, images) with an empty\n"
              "cache; + search: worker, lunr and index, fetched in the background (same for every page).\n"
              "Files of the heaviest page: " + ", ".join(max(weights, key=lambda w: w.first_view_gzip).files)))
    say(table("Search indexes", ["index", "bytes", "gzip KB"], [[i.path, i.raw, kb(i.gzip)] for i in indexes]))
    heaviest = max(weights, key=lambda w: w.first_view_gzip)
    heaviest_html = max(weights, key=lambda w: w.html_gzip)
    return [
        Budget(f"first view, heaviest page ({heaviest.path})", f"{kb(heaviest.first_view_gzip)} KB",
               f"≤ {FIRST_VIEW_BUDGET_KB} KB", heaviest.first_view_gzip <= FIRST_VIEW_BUDGET_KB * 1024),
        Budget(f"repeat view, heaviest page ({heaviest_html.path})", f"{kb(heaviest_html.html_gzip)} KB",
               f"≤ {REPEAT_VIEW_BUDGET_KB} KB", heaviest_html.html_gzip <= REPEAT_VIEW_BUDGET_KB * 1024),
    ]


def lighthouse_section(site: Path) -> list[Budget]:
    results = lighthouse.lighthouse(site)
    scored = [r for r in results if not r.missing]
    rows = [[r.path, "-", "-", "-", "-", r.missing] if r.missing else
            [r.path, *(f"{r.scores[c]:.2f}" for c in lighthouse.CATEGORIES),
             " ".join(f"{lighthouse.METRICS[k]} {v}" for k, v in r.metrics.items()).replace("\xa0", " ")]
            for r in results]
    say(table("Lighthouse (mobile, simulated throttling)", ["page", "perf", "a11y", "best pr.", "SEO", "metrics"], rows))
    found = []
    for category in lighthouse.CATEGORIES:
        if not scored:
            break
        limit = lighthouse.BUDGET[category]
        worst = min(scored, key=lambda r: r.scores[category])
        failing = sorted({audit for r in scored if r.scores[category] < limit for audit in r.failing[category]})
        found.append(Budget(f"Lighthouse {category}, lowest ({worst.path})", f"{worst.scores[category]:.2f}",
                            f"≥ {limit:.2f}", worst.scores[category] >= limit,
                            "audits below 1 on the pages that miss: " + ", ".join(failing or ["none listed"])))
    return found


def editor_section(root: Path) -> None:
    times = editor_loop.editor_loop(root)
    say(table("Editor loop: save data/site.yml until `mkdocs serve` serves the changed page",
              ["edits", "median s", "fastest s", "slowest s"],
              [[len(times), editor_loop.median(times), min(times), max(times)]],
              "Compare with the Danish build time above: the rest is the server noticing the save."))


def kb(size: int) -> str:
    return f"{size / 1024:.1f}"


def _count_pages(site: Path, keep=lambda path: True) -> int:
    return sum(1 for path in site.rglob("*.html") if keep(path))


if __name__ == "__main__":
    sys.exit(main())
