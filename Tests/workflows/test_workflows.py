"""The CI files are valid, test every change proposed, publish only from main, and run the
commands the README tells people to run.

If the README's commands change, these tests fail until the CI files follow, so what CI
publishes is always what `make test` and `make site` produce on a developer's machine.
Run by `make workflows` (part of `make test`) with the test venv's python, which has
check-jsonschema and PyYAML (Tests/workflows/requirements.txt).
"""
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"
GITLAB = ROOT / ".gitlab-ci.yml"
MAKEFILE = ROOT / "Makefile"
PACKAGE = ROOT / "Package.swift"
CI_RUN = ROOT / ".ci" / "run"

# The container image: Debian 12 with Swift, pinned to a full release (not a moving 6.3 tag).
IMAGE = re.compile(r"^swift:\d+\.\d+\.\d+-bookworm$")
# GitLab's top-level keys that are not jobs.
GITLAB_GLOBAL_KEYS = {"default", "include", "stages", "variables", "workflow", "image", "services",
                      "cache", "before_script", "after_script"}


def readme_commands():
    """`make ...` commands from the README's code blocks, e.g. {"make site", "make test"}."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```(?:sh)?\n(.*?)```", text, flags=re.S)
    return {m.group(1) for block in blocks for m in re.finditer(r"^(make [a-z-]+)", block, flags=re.M)}


def makefile_targets():
    return set(re.findall(r"^([a-z][a-z-]*):", MAKEFILE.read_text(encoding="utf-8"), flags=re.M))


def builds_with_base_url(script):
    """`make site BASE_URL=...`, or the same build spelled out with --base-url."""
    return re.search(r"make site BASE_URL=\S+", script) or re.search(r"plansite build .*--base-url \S+", script)


def load(path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def github():
    return load(WORKFLOW)


def github_jobs():
    return github()["jobs"]


def runs(job):
    """A GitHub job's shell commands, in order."""
    return "\n".join(step.get("run", "") for step in job.get("steps", []))


def uses(job, action):
    return [step for step in job.get("steps", []) if step.get("uses", "").startswith(action + "@")]


def gitlab():
    return load(GITLAB)


def gitlab_jobs():
    """Jobs only: not global keywords, not hidden (`.name`) templates; `extends` applied."""
    config = gitlab()
    jobs = {}
    for name, job in config.items():
        if name in GITLAB_GLOBAL_KEYS or name.startswith(".") or not isinstance(job, dict):
            continue
        merged = {}
        for parent in ([job["extends"]] if isinstance(job.get("extends"), str) else job.get("extends", [])):
            merged.update(config[parent])
        merged.update(job)
        jobs[name] = merged
    return jobs


def script(job):
    return "\n".join(job["script"])


# ---------- schema ----------

@pytest.mark.parametrize("path, schema", [(WORKFLOW, "vendor.github-workflows"), (GITLAB, "vendor.gitlab-ci")],
                         ids=["github", "gitlab"])
def test_ci_file_matches_its_schema(path, schema):
    # The schemas ship inside check-jsonschema, so this needs no network.
    result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(path)],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


# ---------- GitHub ----------

def test_github_runs_on_pull_requests_and_pushes_to_main():
    workflow = github()
    # YAML 1.1 reads the bare key `on` as True.
    triggers = workflow.get("on", workflow.get(True))
    assert "pull_request" in triggers
    assert triggers["push"]["branches"] == ["main"]


def test_github_only_the_deploy_job_may_write_to_pages():
    workflow = github()
    assert workflow["permissions"] == {"contents": "read"}
    for name, job in workflow["jobs"].items():
        permissions = job.get("permissions", {})
        if name == "deploy":
            assert permissions.get("pages") == "write" and permissions.get("id-token") == "write"
        else:
            assert permissions.get("pages") != "write", f"job {name} may write to Pages"
            assert "id-token" not in permissions, f"job {name} may get an OIDC token"
            assert all(v in ("read", "none") for v in permissions.values()), f"job {name}: {permissions}"


def test_github_deploys_only_from_main_after_a_passing_route():
    jobs = github_jobs()
    deploy, site = jobs["deploy"], jobs["site"]
    condition = deploy.get("if", "")
    assert "github.event_name != 'pull_request'" in condition and "github.ref == 'refs/heads/main'" in condition
    assert "||" not in condition
    assert deploy["needs"] == "site"
    assert sorted(site["needs"]) == ["content", "scope", "test"]
    # the site is built only after the route that ran passed
    assert "needs.test.result == 'success'" in site["if"] and "needs.content.result == 'success'" in site["if"]
    pages = uses(site, "actions/upload-pages-artifact")
    assert pages and "github.event_name != 'pull_request'" in pages[0]["if"]
    assert "refs/heads/main" in pages[0]["if"]
    assert deploy["environment"]["name"] == "github-pages"
    assert uses(deploy, "actions/deploy-pages")


def test_github_run_workflow_republishes():
    workflow = github()
    triggers = workflow.get("on", workflow.get(True))
    assert "workflow_dispatch" in triggers
    # a run by hand is neither a pull request nor excluded by the deploy's condition
    assert "workflow_dispatch" not in github_jobs()["deploy"]["if"]
    assert route(EVENT="workflow_dispatch") == "content"


def test_github_routes_content_only_changes_past_the_swift_tests():
    jobs = github_jobs()
    assert jobs["test"]["if"] == "needs.scope.outputs.route == 'full'"
    assert jobs["content"]["if"] == "needs.scope.outputs.route == 'content'"
    assert "scripts/ci-route.sh" in runs(jobs["scope"])
    assert jobs["scope"]["steps"][0]["with"]["fetch-depth"] == 0
    content = runs(jobs["content"])
    assert "make content-test PLANSITE=.build/release/plansite" in content
    assert "make test" not in content and "swift test" not in content


def test_github_preview_for_pull_requests():
    site = github_jobs()["site"]
    upload = [s for s in uses(site, "actions/upload-artifact") if s["with"]["name"] == "site-preview"]
    assert upload and upload[0]["with"]["path"] == "site"
    assert upload[0]["if"] == "github.event_name == 'pull_request'"
    summary = next(s for s in site["steps"] if "GITHUB_STEP_SUMMARY" in s.get("run", ""))
    assert "make --no-print-directory changes BASE=" in summary["run"]
    assert "site-preview" in summary["run"] and "index.html" in summary["run"]


def test_github_jobs_run_the_readme_commands():
    jobs = github_jobs()
    assert re.search(r"^make test$", runs(jobs["test"]), flags=re.M)
    site = jobs["site"]
    assert builds_with_base_url(runs(site))
    assert "steps.pages.outputs.base_url" in str(site["steps"])
    assert uses(site, "actions/configure-pages")


def test_github_reports_check_problems_as_annotations_and_in_the_job_summary():
    test = github_jobs()["test"]
    check = next(step for step in test["steps"] if re.search(r"\b(make check|plansite check)\b", step.get("run", "")))
    # plansite prints ::error file=…,line=…,col=… annotations itself when GITHUB_ACTIONS=true,
    # so the check must run in a step (not be hidden inside a script that swallows stdout).
    assert ">> \"$GITHUB_STEP_SUMMARY\"" in check["run"]
    assert "GITHUB_ACTIONS" not in str(check.get("env", {})), "annotations need GITHUB_ACTIONS=true"
    # The tests still run when the check fails, so one run shows every problem.
    steps = test["steps"]
    test_step = next(step for step in steps if re.search(r"^make test$", step.get("run", ""), flags=re.M))
    assert steps.index(check) < steps.index(test_step)
    assert "!cancelled()" in test_step.get("if", "")


def test_github_every_job_has_a_timeout():
    for name, job in github_jobs().items():
        timeout = job.get("timeout-minutes")
        assert isinstance(timeout, int) and 0 < timeout <= 90, f"job {name}: timeout-minutes {timeout!r}"


def test_github_caches_the_build_and_downloaded_packages_by_their_inputs():
    workflow = github()
    env = workflow.get("env", {})
    for name, build_path in (("test", ".build"), ("content", ".build/release/plansite"),
                             ("site", ".build/release/plansite")):
        caches = uses(workflow["jobs"][name], "actions/cache")
        cached = [step["with"]["path"] for step in caches]
        assert build_path in cached, f"job {name} does not cache {build_path}"
        for step in caches:
            key = step["with"]["key"]
            # keyed by what the cache is built from, never by the commit (every run would save a new one)
            assert "github.sha" not in key, f"job {name}: {key}"
            assert "hashFiles(" in key, f"job {name}: {key}"
        build_key = next(s["with"]["key"] for s in caches if s["with"]["path"] == build_path)
        assert "'Package.swift'" in build_key and "'Sources/**'" in build_key, build_key
        for variable in ("APT_CACHE_DIR", "PIP_CACHE_DIR"):
            folder = env.get(variable, "")
            assert folder and any(folder == c or folder.startswith(c.rstrip("/") + "/") for c in cached), \
                f"job {name}: {variable}={folder!r} is not in a cached path {cached}"


def test_github_containers_are_pinned_to_a_full_swift_release():
    jobs = github_jobs()
    for name in ("test", "content", "site"):
        assert IMAGE.match(str(jobs[name].get("container"))), f"job {name}: {jobs[name].get('container')!r}"
    for name, job in jobs.items():
        if "container" in job:
            image = job["container"] if isinstance(job["container"], str) else job["container"]["image"]
            assert IMAGE.match(image), f"job {name}: {image!r}"


# ---------- GitLab ----------

def test_gitlab_pipelines_for_merge_requests_and_the_default_branch():
    rules = [rule.get("if", "") for rule in gitlab()["workflow"]["rules"]]
    assert '$CI_PIPELINE_SOURCE == "merge_request_event"' in rules
    assert "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH" in rules


CODE_PATHS = {"Sources/**/*", "Tests/**/*", "Package.swift", "templates/**/*", ".gitlab-ci.yml"}


def test_gitlab_runs_every_test_when_code_changes():
    test = gitlab_jobs()["test"]
    assert re.search(r"^make test$", script(test), flags=re.M)
    [rule] = test["rules"]
    assert "merge_request_event" in rule["if"] and "$CI_DEFAULT_BRANCH" in rule["if"]
    assert CODE_PATHS <= set(rule["changes"])


def test_gitlab_content_only_changes_skip_the_swift_tests():
    job = gitlab_jobs()["content-test"]
    assert script(job) == "make content-test"
    never = [r for r in job["rules"] if r.get("when") == "never"]
    # a change to code on a push or a merge request goes to the full test job instead
    assert {r["if"] for r in never} == {'$CI_PIPELINE_SOURCE == "push"', '$CI_PIPELINE_SOURCE == "merge_request_event"'}
    assert all(CODE_PATHS <= set(r["changes"]) for r in never)
    assert job["rules"][-1] == {"if": '$CI_PIPELINE_SOURCE == "merge_request_event" || $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH'}


def test_gitlab_pages_publishes_public_from_the_default_branch_after_either_route():
    job = gitlab_jobs()["pages"]
    assert [rule.get("if") for rule in job["rules"]] == ["$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"]
    assert {n["job"]: n["optional"] for n in job["needs"]} == {"test": True, "content-test": True}
    text = script(job)
    assert builds_with_base_url(text)
    assert "CI_PAGES_URL" in text
    assert job["artifacts"]["paths"] == ["public"]


def test_gitlab_merge_requests_get_a_preview():
    job = gitlab_jobs()["preview"]
    assert [rule.get("if") for rule in job["rules"]] == ['$CI_PIPELINE_SOURCE == "merge_request_event"']
    assert "public/" in job["artifacts"]["paths"] and job["artifacts"]["expose_as"]
    assert job["environment"]["url"].endswith("/artifacts/file/public/index.html")
    assert "make --no-print-directory changes BASE=" in script(job)


# ---------- the route script ----------

def route(tmp=None, **env):
    """scripts/ci-route.sh's answer for the environment given, in this repository."""
    out = subprocess.run(["bash", str(ROOT / "scripts" / "ci-route.sh")], capture_output=True, text=True,
                         cwd=tmp or ROOT, env={"PATH": "/usr/bin:/bin", **env})
    assert out.returncode == 0, out.stderr
    return out.stdout.strip().removeprefix("route=")


@pytest.fixture
def repo(tmp_path):
    def git(*args):
        subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", *args],
                       cwd=tmp_path, check=True, capture_output=True)
    git("init", "-q")
    for path in ("content/site.yml", "Sources/a.swift"):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text("1\n")
    git("add", "-A")
    git("commit", "-qm", "base")
    return tmp_path, git


def head(tmp):
    return subprocess.run(["git", "rev-parse", "HEAD"], cwd=tmp, capture_output=True, text=True).stdout.strip()


def test_route_content_only_change(repo):
    tmp, git = repo
    base = head(tmp)
    (tmp / "content/site.yml").write_text("2\n")
    git("commit", "-qam", "words")
    assert route(tmp, EVENT="push", BEFORE_SHA=base) == "content"
    assert route(tmp, EVENT="pull_request", BASE_SHA=base) == "content"


def test_route_code_change_runs_everything(repo):
    tmp, git = repo
    base = head(tmp)
    (tmp / "content/site.yml").write_text("2\n")
    (tmp / "Sources/a.swift").write_text("2\n")
    git("commit", "-qam", "both")
    assert route(tmp, EVENT="push", BEFORE_SHA=base) == "full"
    assert route(tmp, EVENT="pull_request", BASE_SHA=base) == "full"


def test_route_without_history_runs_everything(repo):
    tmp, _ = repo
    assert route(tmp, EVENT="push", BEFORE_SHA="0" * 40) == "full"
    assert route(tmp, EVENT="push", BEFORE_SHA="1234567" * 5 + "12345") == "full"
    assert route(tmp, EVENT="schedule") == "full"


def test_gitlab_every_job_has_a_timeout():
    default = gitlab().get("default", {})
    for name, job in gitlab_jobs().items():
        timeout = job.get("timeout", default.get("timeout"))
        assert timeout and re.fullmatch(r"\d+\s*(m|h|minutes?|hours?)", str(timeout)), f"job {name}: timeout {timeout!r}"


def test_gitlab_caches_the_build_folder_and_downloaded_packages():
    variables = gitlab().get("variables", {})
    for name, job in gitlab_jobs().items():
        caches = job.get("cache", gitlab().get("default", {}).get("cache", []))
        caches = [caches] if isinstance(caches, dict) else caches
        cached = [path.rstrip("/") for cache in caches for path in cache.get("paths", [])]
        assert ".build" in cached, f"job {name} does not cache .build"
        for variable in ("APT_CACHE_DIR", "PIP_CACHE_DIR"):
            folder = variables.get(variable, "")
            assert folder and any(folder == c or folder.startswith(c + "/") for c in cached), \
                f"job {name}: {variable}={folder!r} is not in a cached path {cached}"


def test_gitlab_image_is_pinned_to_a_full_swift_release():
    default = gitlab().get("default", {}).get("image", gitlab().get("image"))
    for name, job in gitlab_jobs().items():
        image = job.get("image", default)
        image = image["name"] if isinstance(image, dict) else image
        assert IMAGE.match(str(image)), f"job {name}: image {image!r}"


# ---------- both ----------

def test_both_ci_systems_use_the_same_image():
    github_images = {job["container"] for job in github_jobs().values() if "container" in job}
    gitlab_images = {gitlab()["default"]["image"]} | {job["image"] for job in gitlab_jobs().values() if "image" in job}
    assert github_images == gitlab_images


def test_readme_names_the_commands_ci_relies_on():
    assert {"make site", "make test"} <= readme_commands()


def test_ci_make_commands_are_makefile_targets():
    targets = makefile_targets()
    for path in (WORKFLOW, GITLAB, CI_RUN):
        text = "\n".join(line for line in path.read_text(encoding="utf-8").splitlines()
                         if not line.lstrip().startswith("#"))
        used = {m.split()[-1] for m in re.findall(r"\bmake (?:--no-print-directory )?[a-z][a-z-]+", text)}
        assert used <= targets, f"{path.name} runs make {used - targets}, which the Makefile does not have"


def test_ci_run_runs_make_test_with_only_the_system_path_and_swift():
    text = CI_RUN.read_text(encoding="utf-8")
    assert re.search(r'env -i HOME="\$HOME" PATH="/usr/sbin:/usr/bin:/sbin:/bin:\$\(dirname "\$swift"\)" make test$',
                     text, flags=re.M), text


def test_every_swift_package_dependency_is_pinned_exactly():
    text = PACKAGE.read_text(encoding="utf-8")
    packages = re.findall(r"\.package\((.*?)\)", text, flags=re.S)
    assert packages, "no .package( in Package.swift"
    for package in packages:
        assert re.search(r'\bexact:\s*"\d+\.\d+\.\d+"', package), f".package({package}) is not pinned with exact:"


def test_github_site_job_builds_the_statement_from_the_test_jobs_audit_results():
    """The published accessibility statement shows the figures of the audit that ran before it."""
    jobs = github_jobs()
    up = uses(jobs["test"], "actions/upload-artifact")
    down = uses(jobs["site"], "actions/download-artifact")
    assert up and up[0]["with"]["path"] == ".build/accessibility-results.json"
    assert up[0]["with"]["if-no-files-found"] == "error"
    assert down and down[0]["with"]["name"] == up[0]["with"]["name"] and down[0]["with"]["path"] == ".build"
    steps = jobs["site"]["steps"]
    assert steps.index(down[0]) < next(i for i, s in enumerate(steps) if "make site" in s.get("run", ""))


# ---------- the container image and the release ----------

DOCKERFILE = ROOT / "Dockerfile"


def test_dockerfile_passes_hadolint():
    # The image cannot be built here (no Docker engine); hadolint reads the Dockerfile itself.
    hadolint = Path(sys.executable).parent / "hadolint"
    result = subprocess.run([str(hadolint), "--no-color", str(DOCKERFILE)], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def runtime_packages():
    """The packages `scripts/install-build-deps.sh --runtime` installs (what the binary needs to run)."""
    text = (ROOT / "scripts" / "install-build-deps.sh").read_text(encoding="utf-8")
    return set(re.search(r'--runtime.*?packages=\(([^)]*)\)', text, flags=re.S).group(1).split())


def test_image_and_readme_install_the_binarys_runtime_packages():
    image = set(re.findall(r"^\s+(lib[\w.+-]+) \\$", DOCKERFILE.read_text(encoding="utf-8"), flags=re.M))
    assert image == runtime_packages()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for package in runtime_packages():
        assert package in readme, f"README does not list the runtime package {package}"


def test_release_builds_the_static_binary_for_both_architectures():
    workflow = load(ROOT / ".github" / "workflows" / "release.yml")
    triggers = workflow.get("on", workflow.get(True))
    assert triggers == {"push": {"tags": ["v*"]}}
    job = workflow["jobs"]["binary"]
    assert {m["arch"] for m in job["strategy"]["matrix"]["include"]} == {"x86_64", "aarch64"}
    text = runs(job)
    assert "make release-binary" in text and "sha256sum" in text and "gh release upload" in text
    assert "--static-swift-stdlib" in MAKEFILE.read_text(encoding="utf-8")
    assert "make release-binary" in DOCKERFILE.read_text(encoding="utf-8")
