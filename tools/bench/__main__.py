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
SCALED_RUNS = 3             # at ×10 content: each run takes several times longer, and varies less
OVERHEAD_AT = 10            # the content factor at which the overhead budget holds
OVERHEAD_BUDGET = 1.3
FIRST_VIEW_BUDGET_KB = 75
REPEAT_VIEW_BUDGET_KB = 15
EDITOR_LOOP_BUDGET_S = 0.6


def main() -> int:
    started = time.perf_counter()
    work = temp_dir("run")
    try:
        root = snapshot(work)
        say(f"make bench: snapshot of the project in {root}; {RUNS} runs per build figure after a warm-up.\n"
            "Pages are measured as a host serves them: gzip-compressed text (tools/server.py), as on GitHub Pages.")
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
        found += editor_section(root)
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
    """Ours against plain Material at ×1 and at ×10 content; the budget holds at ×10, where the fixed
    start-up cost (data loading and validation, once per build) no longer dominates."""
    measured = {1: overhead.overhead(root, work / "overhead-x1", RUNS)}
    scaled = scale.scaled_copy(root, work / "overhead-x10", OVERHEAD_AT)
    measured[OVERHEAD_AT] = overhead.overhead(scaled, work / "overhead-x10", SCALED_RUNS)
    rows = [[f"×{factor}", lang, o.pages, o.ours.cpu, o.plain.cpu, o.ratio, o.extra, o.ours.wall, o.plain.wall,
             o.wall_ratio, f"{o.ours.peak_mb:.0f}", f"{o.plain.peak_mb:.0f}"]
            for factor, results in measured.items() for lang, o in results.items()]
    fixed = {lang: overhead.fixed_and_per_page(measured[1][lang], measured[OVERHEAD_AT][lang])
             for lang in measured[1]}
    say(table("Overhead: our build vs plain Material building the macros' rendered Markdown",
              ["content", "lang", "pages", "ours CPU s", "plain CPU s", "ours/plain", "extra CPU s", "ours wall s",
               "plain wall s", "wall ratio", "ours MB", "plain MB"], rows,
              "Plain: the same config, theme, overrides and extensions without the macros plugin (identical HTML).\n"
              "ours/plain and the budget by CPU time (user + system): on a busy machine wall time also measures\n"
              "the other processes, which do not wait for our turns.\n"
              f"Medians of {RUNS} runs at ×1, {SCALED_RUNS} at ×{OVERHEAD_AT}, taken in turns. Our extra time as a "
              "fixed cost per build + a cost per page (a line through ×1 and ×10): " +
              "; ".join(f"{lang} {f:.2f} CPU s + {1000 * p:.1f} ms/page" for lang, (f, p) in fixed.items())))
    found = [Budget(f"overhead ours/plain at ×{OVERHEAD_AT} ({lang})", f"{o.ratio:.2f}", f"≤ {OVERHEAD_BUDGET}",
                    o.ratio <= OVERHEAD_BUDGET) for lang, o in measured[OVERHEAD_AT].items()]
    if not all(b.met for b in found):
        for b, (lang, (f, p)) in zip(found, fixed.items()):
            b.why = "" if b.met else f"fixed {f:.2f} CPU s per build, {1000 * p:.1f} ms per page (profile above)"
        say(profile.profile_build(scaled, work / "profile"))
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
    say(table("Page weight (KB as the server sent them, gzip for text; repeat view = the HTML alone)",
              ["page", "HTML bytes", "repeat KB", "first view KB", "+ search KB"], rows,
              "First view: every response Chromium got for the page (HTML, CSS, JS, fonts, images) with an empty\n"
              "cache, from a server that compresses like GitHub Pages (tools/server.py, gzip level 6);\n"
              "+ search: worker, lunr and index, fetched in the background (same for every page).\n"
              "Files of the heaviest page: " + ", ".join(max(weights, key=lambda w: w.first_view_gzip).files)))
    say(table("Search indexes", ["index", "bytes", "gzip KB"], [[i.path, i.raw, kb(i.gzip)] for i in indexes]))
    heaviest = max(weights, key=lambda w: w.first_view_gzip)
    heaviest_html = max(weights, key=lambda w: w.html_gzip)
    return [
        Budget(f"first view, every page (heaviest: {heaviest.path})", f"{kb(heaviest.first_view_gzip)} KB",
               f"≤ {FIRST_VIEW_BUDGET_KB} KB", heaviest.first_view_gzip <= FIRST_VIEW_BUDGET_KB * 1024),
        Budget(f"repeat view, every page (heaviest: {heaviest_html.path})", f"{kb(heaviest_html.html_gzip)} KB",
               f"≤ {REPEAT_VIEW_BUDGET_KB} KB", heaviest_html.html_gzip <= REPEAT_VIEW_BUDGET_KB * 1024),
    ]


def lighthouse_section(site: Path) -> list[Budget]:
    results = lighthouse.lighthouse(site)
    scored = [r for r in results if not r.missing]
    rows = [[r.kind, r.path, *(["-"] * len(lighthouse.CATEGORIES) if r.missing else
                               [f"{r.scores[c]:.2f}" for c in lighthouse.CATEGORIES]),
             *(r.metrics.get(m, "-").replace("\xa0", " ") for m in lighthouse.METRICS),
             r.missing or (f"best of {r.runs}" if r.runs > 1 else "")]
            for r in results]
    say(table("Lighthouse (mobile, simulated throttling; served with gzip, as GitHub Pages serves)",
              ["kind", "page", "perf", "a11y", "best pr.", "SEO", *lighthouse.METRICS.values(), ""], rows,
              "One page of every kind in both languages (tools/bench/lighthouse.py KINDS); a kind whose page\n"
              "is not built yet says so. The 404 page is audited as /404.html: Lighthouse refuses a 404 status.\n"
              f"A page below the performance budget is audited again, up to {lighthouse.RUNS_ON_A_MISS} runs, and "
              "the best run counts:\na busy machine takes the CPU from the page and only ever lowers the score."))
    found = []
    failed = [r for r in results if r.missing and not r.missing.startswith("not built")]
    if failed:
        found.append(Budget("Lighthouse ran on every page built", f"{len(failed)} failed", "0 failed", False,
                            "; ".join(f"{r.path}: {r.missing}" for r in failed)))
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


def editor_section(root: Path) -> list[Budget]:
    times = editor_loop.editor_loop(root)
    median = editor_loop.median(times)
    say(table("Editor loop: save data/site.yml until `mkdocs serve` serves the changed page",
              ["edits", "median s", "fastest s", "slowest s"], [[len(times), median, min(times), max(times)]],
              "`make serve` (tools/serve.py) notices a save by polling, then builds both languages as `make build`\n"
              "does; compare with the build times above."))
    return [Budget("editor loop, median save to served page", f"{median:.2f} s", f"≤ {EDITOR_LOOP_BUDGET_S} s",
                   median <= EDITOR_LOOP_BUDGET_S)]


def kb(size: int) -> str:
    return f"{size / 1024:.1f}"


def _count_pages(site: Path, keep=lambda path: True) -> int:
    return sum(1 for path in site.rglob("*.html") if keep(path))


if __name__ == "__main__":
    sys.exit(main())
