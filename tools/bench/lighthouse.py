"""Lighthouse scores (mobile form factor, its default) for the pages visitors meet first.

npm lighthouse@12.2.3 from bench/ (the last release that runs on Node 20), with Debian's Chromium
as CHROME_PATH and the flags that keep it quiet offline (stack notes).
"""
from __future__ import annotations

import json
import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from tools.browser import CHROMIUM, CHROMIUM_ARGS, serve

from .workspace import PROJECT

LIGHTHOUSE = PROJECT / "bench" / "node_modules" / ".bin" / "lighthouse"
PAGES = ("/", "/bliv-praktikant/", "/tjeklister/praktikant/", "/spredningsguiden/")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# Budgets: performance at least 0.99, the other three perfect.
BUDGET = {"performance": 0.99, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}
METRICS = {"first-contentful-paint": "FCP", "largest-contentful-paint": "LCP", "total-blocking-time": "TBT",
           "cumulative-layout-shift": "CLS"}


@dataclass
class Scores:
    path: str
    scores: dict[str, float] = field(default_factory=dict)
    metrics: dict[str, str] = field(default_factory=dict)
    failing: dict[str, list[str]] = field(default_factory=dict)   # category -> audits below 1
    missing: str = ""                                            # why there is no score


def lighthouse(site: Path) -> list[Scores]:
    """Each page of PAGES and its /en/ twin that exists in `site`; the others marked missing."""
    results = []
    with serve(site) as base:
        for lang_root in ("", "/en"):
            for path in PAGES:
                path = lang_root + path
                if not (site / path.lstrip("/") / "index.html").is_file():
                    results.append(Scores(path, missing="no such page yet"))
                    continue
                results.append(_audit(base, path))
    return results


def _audit(base: str, path: str) -> Scores:
    command = [str(LIGHTHOUSE), base + path, "--quiet", "--output=json", "--output-path=stdout",
               f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={' '.join(CHROMIUM_ARGS)}"]
    done = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "CHROME_PATH": CHROMIUM},
                          timeout=180)
    if done.returncode != 0:
        return Scores(path, missing=f"lighthouse failed: {done.stderr.strip().splitlines()[-1:]}")
    report = json.loads(done.stdout)
    result = Scores(path)
    for name in CATEGORIES:
        category = report["categories"][name]
        result.scores[name] = category["score"]
        result.failing[name] = [ref["id"] for ref in category["auditRefs"]
                                if ref["weight"] > 0 and (report["audits"][ref["id"]].get("score") or 0) < 1
                                and report["audits"][ref["id"]].get("scoreDisplayMode") in ("binary", "numeric")]
    result.metrics = {name: report["audits"][name]["displayValue"] for name in METRICS}
    return result
