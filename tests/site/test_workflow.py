"""CI and the editor's tooling, as far as they can be checked without GitHub: they parse and run our commands.

The workflow must do what `bash .ci/run` does (the suite we run here), test every pull request, and publish
only a site that passed; pre-commit must run `make check`.
"""

from __future__ import annotations

import json
import re
import shlex

import pytest
import yaml

from tests.conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"
PINNED = re.compile(r"^[\w.-]+/[\w.-]+@(v\d+\.\d+\.\d+|[0-9a-f]{40})$")


@pytest.fixture(scope="module")
def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def triggers(workflow: dict) -> dict:
    return workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on:` key as true


def steps(workflow: dict, job: str) -> list[dict]:
    return workflow["jobs"][job]["steps"]


def run_lines(workflow: dict, job: str) -> list[str]:
    return [line.strip() for step in steps(workflow, job) for line in step.get("run", "").splitlines()]


def ci_run_commands() -> list[str]:
    """The commands in .ci/run, without its shell scaffolding (shebang, set, cd, if/fi, comments)."""
    commands = []
    for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith(("#", "set ", "cd ", "if ", "fi")):
            continue
        commands.append(line)
    return commands


def test_it_runs_on_every_pull_request_and_on_pushes_to_main(workflow):
    on = triggers(workflow)
    assert "pull_request" in on
    assert on["push"]["branches"] == ["main"]


def test_the_test_job_runs_the_same_commands_as_ci_run(workflow):
    commands = ci_run_commands()
    assert commands == ["bash tools/system-deps.sh", "make lint", "make test", "make bench QUICK=1"], (
        "one script installs what the suite needs; lint before the tests; the bench runs once through after them"
    )
    script = (ROOT / "tools" / "system-deps.sh").read_text(encoding="utf-8")
    packages = shlex.split(re.search(r"^APT_PACKAGES=\((.*)\)$", script, re.MULTILINE).group(1))
    assert {"chromium", "poppler-utils"} <= set(packages)  # the browser; pdftotext and pdfinfo
    assert set(commands) <= set(run_lines(workflow, "test"))


def test_the_bench_runs_once_through_after_the_tests(workflow):
    """`make bench QUICK=1` in CI keeps the bench running: it exits non-zero when a step cannot measure."""
    for commands in (ci_run_commands(), run_lines(workflow, "test")):
        assert commands.index("make bench QUICK=1") > commands.index("make test")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("\nbench:", 1)[1].split("\n\n", 1)[0]
    assert "$(if $(QUICK),--quick)" in recipe


def test_lint_runs_before_the_tests_and_checks_python_and_page_scripts(workflow):
    """ruff (lint and format) and ESLint, in seconds, before the long suite, in CI and in .ci/run."""
    for commands in (ci_run_commands(), run_lines(workflow, "test")):
        assert commands.index("make lint") < commands.index("make test")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("\nlint:", 1)[1].split("\n\n", 1)[0]
    assert "ruff check" in recipe and "ruff format --check" in recipe and "eslint" in recipe
    config = (ROOT / "eslint.config.mjs").read_text(encoding="utf-8")
    assert "overrides/assets/javascripts/*.js" in config


def test_dependabot_updates_pip_npm_and_the_workflows_actions():
    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    ecosystems = {update["package-ecosystem"] for update in config["updates"]}
    assert {"pip", "npm", "github-actions"} <= ecosystems
    npm = next(update for update in config["updates"] if update["package-ecosystem"] == "npm")
    assert {"/", "/bench"} <= set(npm.get("directories", [npm.get("directory")]))


def make_prerequisites(target: str) -> list[str]:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    line = re.search(rf"^{target}:(.*)$", makefile, re.MULTILINE)
    assert line, f"the Makefile has no target {target}"
    return line.group(1).split()


def test_make_test_builds_the_site_it_tests(workflow):
    """The uploaded site/ is the one `make test` built and tested: its target depends on `build`."""
    assert "build" in make_prerequisites("test")
    assert "make test" in run_lines(workflow, "test")


def test_make_check_runs_first_in_a_job_of_its_own_before_anything_is_installed(workflow):
    """A mistake in data/ is reported in seconds: the check job installs nothing (the runner's Python will
    do), and the slow job with Chromium waits for it."""
    check = workflow["jobs"]["check"]
    assert "container" not in check
    assert run_lines(workflow, "check") == ["make check"]
    assert not [line for line in run_lines(workflow, "check") if "apt-get" in line or "pip" in line]
    needs = workflow["jobs"]["test"]["needs"]
    assert needs == "check" or "check" in needs


def test_make_test_makes_the_booklets_pdf_from_the_site_it_built_before_testing():
    """So the uploaded site holds the PDFs its booklet pages link to, and the PDF tests have them to read."""
    assert "build" in make_prerequisites("pdf")
    test = make_prerequisites("test")
    assert "pdf" in test and test.index("build") < test.index("pdf")


def test_a_pull_request_uploads_a_preview_that_serves_itself(workflow):
    """The preview is the site `make test` built and tested (PDFs included), packaged without a rebuild."""
    assert make_prerequisites("preview-zip") == []
    test_steps = steps(workflow, "test")
    uploads = [s for s in test_steps if s.get("uses", "").startswith("actions/upload-artifact@")]
    assert len(uploads) == 1
    assert uploads[0]["if"] == "github.event_name == 'pull_request'"
    assert uploads[0]["with"]["path"].rstrip("/") == "site-preview"
    packaging = [s for s in test_steps if s.get("run") == "make preview-zip"]
    assert packaging and test_steps.index(packaging[0]) < test_steps.index(uploads[0])
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("\npreview-zip:", 1)[1].split("\n\n", 1)[0]
    assert "site-preview/serve-preview.py" in recipe and "LAES-MIG.txt" in recipe


def test_a_push_to_main_uploads_the_tested_site_to_pages_and_deploys_it(workflow):
    test_steps = steps(workflow, "test")
    names = [s.get("run", s.get("uses", "")) for s in test_steps]
    pages = [i for i, s in enumerate(test_steps) if s.get("uses", "").startswith("actions/upload-pages-artifact@")]
    assert len(pages) == 1
    assert "refs/heads/main" in test_steps[pages[0]]["if"] and "push" in test_steps[pages[0]]["if"]
    assert test_steps[pages[0]]["with"]["path"].rstrip("/") == "site"
    assert names.index("make test") < pages[0], "the site must be uploaded only after the tests pass"
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "test" or deploy["needs"] == ["test"]
    assert "refs/heads/main" in deploy["if"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert any(s.get("uses", "").startswith("actions/deploy-pages@") for s in deploy["steps"])


def test_every_action_is_pinned_to_a_version(workflow):
    uses = [s["uses"] for job in workflow["jobs"].values() for s in job["steps"] if "uses" in s]
    assert uses, "the workflow uses no actions at all?"
    assert [u for u in uses if not PINNED.match(u)] == []


def test_pre_commit_runs_make_check_and_yaml_hygiene_on_the_data():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = {hook["id"]: (repo, hook) for repo in config["repos"] for hook in repo["hooks"]}
    repo, make_check = hooks["make-check"]
    assert repo["repo"] == "local"
    assert (make_check["entry"], make_check["language"], make_check["pass_filenames"]) == (
        "make check",
        "system",
        False,
    )
    repo, check_yaml = hooks["check-yaml"]
    assert re.match(r"v\d+\.\d+\.\d+$", repo["rev"])
    assert re.search(check_yaml["files"], "data/advice.yml")


def test_editorconfig_keeps_yaml_indented_with_spaces():
    text = (ROOT / ".editorconfig").read_text(encoding="utf-8")
    assert "root = true" in text
    yaml_section = text.split("[*.{yml,yaml,", 1)[1].split("\n[", 1)[0]
    assert "indent_size = 2" in yaml_section
    assert "indent_style = space" in text.split("[*]", 1)[1].split("\n[", 1)[0]


def test_the_pull_request_template_holds_the_editors_checklist():
    text = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    boxes = [line for line in text.splitlines() if line.startswith("- [ ] ")]
    assert len(boxes) >= 3
    assert any("`da:`" in b and "`en:`" in b for b in boxes)
    assert any("make check" in b for b in boxes)
    assert any("make serve" in b for b in boxes)


def test_the_dev_container_installs_the_site_and_forwards_make_serves_port():
    """Codespaces and "Reopen in Container" read JSON with comments; the rest must agree with the project."""
    text = (ROOT / ".devcontainer" / "devcontainer.json").read_text(encoding="utf-8")
    config = json.loads("\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//")))
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    target = config["postCreateCommand"].removeprefix("make ")
    assert re.search(rf"^{re.escape(target)}:", makefile, re.MULTILINE)
    assert re.match(r"mcr\.microsoft\.com/devcontainers/python:\d+-3\.(1[1-9])-", config["image"])
    extensions = json.loads((ROOT / ".vscode" / "extensions.json").read_text(encoding="utf-8"))["recommendations"]
    assert config["customizations"]["vscode"]["extensions"] == extensions
    assert config["forwardPorts"] == [8000]
    assert 'default=int(os.environ.get("PORT", "8000"))' in (ROOT / "tools" / "live_preview.py").read_text(
        encoding="utf-8"
    )


def test_after_a_merge_ci_registers_new_ids_and_writes_the_glossary_tables(workflow):
    """What an editor in the browser cannot run is done on main, after the tests, and committed."""
    job = workflow["jobs"]["registers"]
    assert job["needs"] == "test" and "refs/heads/main" in job["if"]
    assert job["permissions"] == {"contents": "write"}
    lines = run_lines(workflow, "registers")
    assert "make ids glossary" in lines
    assert any(line.startswith("git commit") for line in lines) and "git push" in lines
