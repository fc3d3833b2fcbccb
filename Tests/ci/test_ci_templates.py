"""Tests of the CI templates in docs/ci/ (run by scripts/ci-template-tests).

Each template is parsed with PyYAML and its structure checked; then every `caitien …` command
line of its `run:` / `script:` blocks is run for real, with the locally built binary (CAITIEN_BIN,
default .build/debug/caitien), in a temporary git repository holding a copy of the sample
content/, as a records repository would be checked out by CI. Also:

- every shell block is valid bash (`bash -n`) and takes no `${{ … }}` expression inline;
- no template runs in a Swift image or compiles caitien: each downloads the pinned release;
- the install step refuses to run with the placeholder CAITIEN_DOWNLOAD or CAITIEN_SHA256;
- the install step, run for real against a release folder served as file://, installs the
  binary whose SHA-256 is pinned and puts it on the PATH; it refuses a download that does not
  match (nothing installed), replaces a kept binary that does not match, and fails on a missing
  release;
- a request file deleted inside its retention period makes each template's check fail
  (the lost-record check reads the full history the templates fetch);
- Gitea's shell checkout step fetches the whole history of a repository;
- Gitea's rsync step copies public/ and deletes stale files (through a stand-in `ssh` that runs
  the remote command locally; skipped when rsync is not installed);
- with CAITIEN_CI_INSTALL=1, the documented fallback (docs/ci/README.md, building from source)
  really fetches this repository's HEAD commit and builds caitien with scripts/build-release
  (minutes);
- when check-jsonschema is installed (or named by CHECK_JSONSCHEMA), each template validates
  against the GitHub-workflow or GitLab-CI schema it ships.
"""
from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
CI = ROOT / "docs" / "ci"
CAITIEN_BIN = Path(os.environ.get("CAITIEN_BIN") or ROOT / ".build" / "debug" / "caitien").resolve()
TEMPLATES = ["github-actions.yml", "gitlab-ci.yml", "gitea-actions.yml"]
# The province's roll-up (GitHub Actions): not a records repository, so not in TEMPLATES' tests of
# check and build; it shares the generic ones (bash, the install step, the published schema).
PROVINCE = "province-rollup.yml"
GIT_ENV = {
    "GIT_AUTHOR_NAME": "Thư ký ISO", "GIT_AUTHOR_EMAIL": "iso@example.vn",
    "GIT_COMMITTER_NAME": "Thư ký ISO", "GIT_COMMITTER_EMAIL": "iso@example.vn",
}


# ---------------------------------------------------------------- reading the templates

def load(name: str) -> dict:
    data = yaml.safe_load((CI / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{name}: not a YAML mapping"
    return data


def triggers(workflow: dict) -> dict:
    """`on:` of a GitHub/Gitea workflow. YAML 1.1 (PyYAML) reads the bare key `on` as True."""
    on = workflow.get("on", workflow.get(True))
    assert isinstance(on, dict), "`on:` must be a mapping of events"
    return on


def shell_blocks(name: str, data: dict) -> list[tuple[str, str, dict]]:
    """(label, script, env) of every shell block, in the order CI runs them."""
    blocks = []
    if name == "gitlab-ci.yml":
        variables = {k: str(v) for k, v in (data.get("variables") or {}).items()}
        default = data.get("default") or {}
        jobs = {k: v for k, v in data.items() if isinstance(v, dict) and "script" in v}
        for job_name, job in jobs.items():
            env = dict(variables, **{k: str(v) for k, v in (job.get("variables") or {}).items()})
            for key in ("before_script", "script", "after_script"):
                lines = job.get(key, default.get(key) if key != "script" else None) or []
                if isinstance(lines, str):
                    lines = [lines]
                blocks.append((f"{job_name}.{key}", "\n".join(lines), env))
    else:
        top = {k: str(v) for k, v in (data.get("env") or {}).items()}
        for job_name, job in data["jobs"].items():
            job_env = dict(top, **{k: str(v) for k, v in (job.get("env") or {}).items()})
            for index, step in enumerate(job.get("steps") or []):
                if "run" in step:
                    env = dict(job_env, **{k: str(v) for k, v in (step.get("env") or {}).items()})
                    blocks.append((f"{job_name}.steps[{index}] {step.get('name', '')}", step["run"], env))
    return blocks


def logical_lines(script: str) -> list[str]:
    """Shell lines with backslash continuations joined."""
    out, pending = [], ""
    for line in script.splitlines():
        if line.rstrip().endswith("\\"):
            pending += line.rstrip()[:-1] + " "
            continue
        out.append(pending + line)
        pending = ""
    if pending:
        out.append(pending)
    return out


def caitien_commands(name: str) -> list[str]:
    commands = []
    for _, script, _ in shell_blocks(name, load(name)):
        for line in logical_lines(script):
            stripped = line.strip()
            if re.match(r"caitien(\s|$)", stripped):
                commands.append(stripped)
    return commands


def with_binary(command: str) -> str:
    return shlex.quote(str(CAITIEN_BIN)) + command[len("caitien"):]


def install_block(name: str) -> tuple[str, dict]:
    for label, script, env in shell_blocks(name, load(name)):
        if "sha256sum -c" in script:
            return script, env
    raise AssertionError(f"{name}: no step installs caitien")


def find_step(workflow: dict, predicate) -> dict | None:
    for job in workflow["jobs"].values():
        for step in job.get("steps") or []:
            if predicate(step):
                return step
    return None


# ---------------------------------------------------------------- fixtures

@pytest.fixture(scope="session", autouse=True)
def binary():
    if not CAITIEN_BIN.is_file() or not os.access(CAITIEN_BIN, os.X_OK):
        pytest.fail(f"no caitien binary at {CAITIEN_BIN}: run `swift build` first or set CAITIEN_BIN")
    return CAITIEN_BIN


def run(command, cwd: Path, env: dict | None = None, **kwargs) -> subprocess.CompletedProcess:
    full_env = dict(os.environ, **GIT_ENV, **(env or {}))
    return subprocess.run(command, cwd=cwd, env=full_env, capture_output=True, text=True, **kwargs)


@pytest.fixture
def git_env(tmp_path) -> dict:
    """A private global git config, so steps that run `git config --global` touch nothing real."""
    config = tmp_path / "gitconfig"
    config.write_text("")
    return {"GIT_CONFIG_GLOBAL": str(config)}


@pytest.fixture
def site(tmp_path, git_env) -> Path:
    """A records repository: the sample content/ committed on branch main."""
    repo = tmp_path / "site"
    repo.mkdir()
    shutil.copytree(ROOT / "content", repo / "content", symlinks=True)
    for command in (["git", "init", "-q", "-b", "main"], ["git", "add", "-A"],
                    ["git", "commit", "-q", "-m", "Hồ sơ mẫu"]):
        result = run(command, repo, git_env)
        assert result.returncode == 0, result.stderr
    return repo


def run_commands(name: str, repo: Path, env: dict) -> list[subprocess.CompletedProcess]:
    results = []
    for command in caitien_commands(name):
        result = run(["bash", "-c", with_binary(command)], repo, env, timeout=600)
        result.command = command
        results.append(result)
    return results


# ---------------------------------------------------------------- structure

def test_templates_exist_and_parse():
    for name in TEMPLATES + [PROVINCE]:
        load(name)
    assert (CI / "README.md").is_file()


def test_github_structure():
    wf = load("github-actions.yml")
    on = triggers(wf)
    assert "push" in on and "workflow_dispatch" in on
    crons = [entry["cron"] for entry in on["schedule"]]
    assert crons and all(len(c.split()) == 5 for c in crons)

    checkout = find_step(wf, lambda s: str(s.get("uses", "")).startswith("actions/checkout@"))
    assert checkout is not None and checkout["with"]["fetch-depth"] == 0

    runs = [script for _, script, _ in shell_blocks("github-actions.yml", wf)]
    assert any(re.search(r"^\s*caitien check\b.*--format github", s, re.M) for s in runs)
    assert any(re.search(r"^\s*caitien build\b.*--output public", s, re.M) for s in runs)
    # The runner's own Ubuntu, no container: the binary needs glibc only.
    assert all("container" not in job for job in wf["jobs"].values())

    upload = find_step(wf, lambda s: str(s.get("uses", "")).startswith("actions/upload-pages-artifact@"))
    assert upload is not None and upload["with"]["path"] == "public"
    deploy = find_step(wf, lambda s: str(s.get("uses", "")).startswith("actions/deploy-pages@"))
    assert deploy is not None
    deploy_job = next(j for j in wf["jobs"].values() if deploy in (j.get("steps") or []))
    permissions = dict(wf.get("permissions") or {}, **(deploy_job.get("permissions") or {}))
    assert permissions.get("pages") == "write" and permissions.get("id-token") == "write"
    assert deploy_job["environment"]["name"] == "github-pages"
    assert "build" in (deploy_job["needs"] if isinstance(deploy_job["needs"], list) else [deploy_job["needs"]])
    assert {"CAITIEN_DOWNLOAD", "CAITIEN_VERSION", "CAITIEN_SHA256"} <= set(wf["env"])


def test_gitlab_structure():
    ci = load("gitlab-ci.yml")
    assert str(ci["variables"]["GIT_DEPTH"]) == "0"
    assert ci["stages"].index("check") < ci["stages"].index("deploy")
    pages = ci["pages"]
    assert "public" in pages["artifacts"]["paths"]
    assert any(re.match(r"caitien build\b.*--output public", line) for line in pages["script"])
    check_jobs = [job for job in ci.values() if isinstance(job, dict) and job.get("stage") == "check"]
    assert check_jobs and any(
        re.match(r"caitien check\b", line) for job in check_jobs for line in job["script"])
    sources = " ".join(rule["if"] for rule in ci["workflow"]["rules"])
    assert '"push"' in sources and '"schedule"' in sources
    assert {"CAITIEN_DOWNLOAD", "CAITIEN_VERSION", "CAITIEN_SHA256"} <= set(ci["variables"])
    # The cached binary is kept per release (and checked against the pinned SHA-256 on use).
    assert "$CAITIEN_VERSION" in ci["default"]["cache"]["key"]


def test_gitea_structure():
    wf = load("gitea-actions.yml")
    on = triggers(wf)
    assert "push" in on and on["schedule"][0]["cron"]
    runs = [script for _, script, _ in shell_blocks("gitea-actions.yml", wf)]
    assert any(re.search(r"^\s*caitien check\b", s, re.M) for s in runs)
    assert any(re.search(r"^\s*caitien build\b.*--output public", s, re.M) for s in runs)
    rsync = find_step(wf, lambda s: "rsync" in str(s.get("run", "")))
    assert rsync is not None
    for secret in ("DEPLOY_HOST", "DEPLOY_USER", "DEPLOY_PATH", "DEPLOY_SSH_KEY", "DEPLOY_KNOWN_HOSTS"):
        assert rsync["env"][secret] == "${{ secrets.%s }}" % secret
    assert "StrictHostKeyChecking=yes" in rsync["run"]
    # No shallow fetch of the records: the lost-record check reads the whole history.
    checkout = runs[0]
    assert "git" in checkout and "--depth" not in checkout
    assert {"CAITIEN_DOWNLOAD", "CAITIEN_VERSION", "CAITIEN_SHA256"} <= set(wf["env"])


@pytest.mark.parametrize("name", TEMPLATES + [PROVINCE])
def test_no_swift_on_the_normal_path(name):
    """The jobs download the release binary: no Swift image, no compiler, no C libraries."""
    data = load(name)
    images = [str(data.get("default", {}).get("image", ""))] + [
        str((job.get("container") or {}).get("image", "")) for job in (data.get("jobs") or {}).values()]
    assert not any("swift" in image for image in images), images
    for label, script, _ in shell_blocks(name, data):
        for word in ("swift build", "apt-get install -y -qq --no-install-recommends libcmark-dev", "git clone"):
            assert word not in script, f"{name} {label}: {word}"
    script, env = install_block(name)
    assert "curl -fsSL" in script and 'sha256sum -c' in script
    assert '$CAITIEN_DOWNLOAD/$CAITIEN_VERSION/caitien-linux-x86_64' in script
    assert "YOUR-ORG" in env["CAITIEN_DOWNLOAD"] and env["CAITIEN_VERSION"].startswith("v")


@pytest.mark.parametrize("name", TEMPLATES + [PROVINCE])
def test_shell_blocks_are_valid_bash(name):
    for label, script, _ in shell_blocks(name, load(name)):
        assert "${{" not in script, f"{name} {label}: pass expressions through env:, not inline"
        result = subprocess.run(["bash", "-n"], input=script, capture_output=True, text=True)
        assert result.returncode == 0, f"{name} {label}: {result.stderr}"


@pytest.mark.parametrize("name", TEMPLATES + [PROVINCE])
def test_install_refuses_placeholder(name, tmp_path, git_env):
    script, env = install_block(name)
    assert "YOUR-ORG" in env["CAITIEN_DOWNLOAD"], "the template should ship with the marked placeholder"
    env = dict(env, CAITIEN_HOME=str(tmp_path / "caitien"), GITHUB_PATH=str(tmp_path / "path"), **git_env)
    result = run(["bash", "-c", "set -e\n" + script], tmp_path, env)
    assert result.returncode == 1
    assert "CAITIEN_DOWNLOAD" in result.stdout + result.stderr
    assert not (tmp_path / "caitien").exists()
    # The download place set, the checksum still the placeholder of zeros: refused before any download.
    env = dict(env, CAITIEN_DOWNLOAD="https://github.com/ubnd-ninh-hoa/caitien/releases/download")
    result = run(["bash", "-c", "set -e\n" + script], tmp_path, env)
    assert result.returncode == 1
    assert "CAITIEN_SHA256" in result.stdout + result.stderr
    assert not (tmp_path / "caitien").exists()


@pytest.fixture
def release(tmp_path) -> dict:
    """A release folder laid out as GitHub serves one, reached through file://: the binary under
    test (CAITIEN_RELEASE_BIN, e.g. the static release build, else CAITIEN_BIN) as
    v1.2.3/caitien-linux-x86_64, and its SHA-256."""
    source = Path(os.environ.get("CAITIEN_RELEASE_BIN") or CAITIEN_BIN)
    folder = tmp_path / "releases" / "v1.2.3"
    folder.mkdir(parents=True)
    shutil.copyfile(source, folder / "caitien-linux-x86_64")
    sha = subprocess.run(["sha256sum", "caitien-linux-x86_64"], cwd=folder, capture_output=True, text=True,
                         check=True).stdout.split()[0]
    return {"CAITIEN_DOWNLOAD": f"file://{tmp_path / 'releases'}", "CAITIEN_VERSION": "v1.2.3", "CAITIEN_SHA256": sha}


def install_and_check(name: str, site: Path, tmp_path: Path, env: dict) -> subprocess.CompletedProcess:
    """The template's install block, then its check command with the PATH the block leaves
    (GitHub and Gitea through $GITHUB_PATH, GitLab by exporting it)."""
    script, template_env = install_block(name)
    path_file = tmp_path / f"path-{name}"
    path_file.write_text("")
    home = tmp_path / "caitien-home"
    env = dict(template_env, CAITIEN_HOME=str(home), GITHUB_PATH=str(path_file), CI_PROJECT_DIR=str(site), **env)
    check = next(c for c in caitien_commands(name) if c.startswith("caitien check"))
    probe = (f'set -e\n{script}\nwhile read -r p; do [ -n "$p" ] && PATH="$p:$PATH"; done < "$GITHUB_PATH"\n'
             f'test "$(command -v caitien)" = "{home}/bin/caitien"\n{check}\n')
    return run(["bash", "-c", probe], site, env, timeout=600)


@pytest.mark.parametrize("name", TEMPLATES)
def test_install_downloads_the_pinned_release(name, site, tmp_path, git_env, release):
    bin_folder = tmp_path / "caitien-home" / "bin"
    result = install_and_check(name, site, tmp_path, dict(release, **git_env))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "caitien.download: OK" in result.stdout
    assert re.search(r"^caitien \S+ \(commit \S+\)$", result.stdout, re.M), result.stdout
    assert sorted(p.name for p in bin_folder.iterdir()) == ["caitien"]
    installed = (bin_folder / "caitien").read_bytes()
    assert installed == (Path(release["CAITIEN_DOWNLOAD"][len("file://"):]) / "v1.2.3" / "caitien-linux-x86_64").read_bytes()

    # Run again, as with a cache: the kept binary is checked and used, nothing downloaded.
    result = install_and_check(name, site, tmp_path, dict(release, **git_env, CAITIEN_DOWNLOAD="file:///nonexistent"))
    assert result.returncode == 0, result.stdout + result.stderr

    # The whole line of the .sha256 file pasted as CAITIEN_SHA256 works too.
    line = f'{release["CAITIEN_SHA256"]}  caitien-linux-x86_64'
    result = install_and_check(name, site, tmp_path, dict(release, **git_env, CAITIEN_SHA256=line))
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("name", TEMPLATES)
def test_install_refuses_a_binary_that_does_not_match(name, site, tmp_path, git_env, release):
    bin_folder = tmp_path / "caitien-home" / "bin"
    other = "0123456789abcdef" * 4
    result = install_and_check(name, site, tmp_path, dict(release, **git_env, CAITIEN_SHA256=other))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "FAILED" in result.stdout + result.stderr and "CAITIEN_SHA256" in result.stdout + result.stderr
    assert not bin_folder.exists() or list(bin_folder.iterdir()) == []

    # A binary kept from before that is not the pinned one (an older release, a tampered cache)
    # is replaced by the download.
    bin_folder.mkdir(parents=True, exist_ok=True)
    (bin_folder / "caitien").write_text("#!/bin/sh\necho 'not caitien'\n")
    (bin_folder / "caitien").chmod(0o755)
    result = install_and_check(name, site, tmp_path, dict(release, **git_env))
    assert result.returncode == 0, result.stdout + result.stderr
    assert b"not caitien" not in (bin_folder / "caitien").read_bytes()

    # A release that is not there: the job stops.
    (bin_folder / "caitien").unlink()
    result = install_and_check(name, site, tmp_path, dict(release, **git_env, CAITIEN_VERSION="v9.9.9"))
    assert result.returncode != 0
    assert not (bin_folder / "caitien").exists()


def test_province_structure():
    wf = load(PROVINCE)
    on = triggers(wf)
    assert "workflow_dispatch" in on and on["push"]["paths"] == ["wards.txt"]
    crons = [entry["cron"] for entry in on["schedule"]]
    assert crons and all(len(c.split()) == 5 for c in crons)
    runs = [script for _, script, _ in shell_blocks(PROVINCE, wf)]
    assert any(re.search(r"^\s*caitien rollup\b.*--sources wards.txt\b.*--output public", s, re.M) for s in runs)
    upload = find_step(wf, lambda s: str(s.get("uses", "")).startswith("actions/upload-pages-artifact@"))
    assert upload is not None and upload["with"]["path"] == "public"
    deploy = find_step(wf, lambda s: str(s.get("uses", "")).startswith("actions/deploy-pages@"))
    deploy_job = next(j for j in wf["jobs"].values() if deploy in (j.get("steps") or []))
    assert deploy_job["permissions"] == {"pages": "write", "id-token": "write"}
    assert {"CAITIEN_DOWNLOAD", "CAITIEN_VERSION", "CAITIEN_SHA256"} <= set(wf["env"])


def test_province_rollup_command_on_a_list_of_wards(tmp_path, git_env):
    """The template's `caitien rollup` in a province repository whose wards.txt names a ward
    built from the sample content and a ward whose address does not answer (no network: a
    closed port on 127.0.0.1): the run passes, the second ward is a row with the reason."""
    ward = tmp_path / "ward"
    shutil.copytree(ROOT / "content", ward / "content", symlinks=True)
    built = run([str(CAITIEN_BIN), "build", "--content", "content", "--output", "public"], ward, git_env)
    assert built.returncode == 0, built.stderr
    repo = tmp_path / "province"
    repo.mkdir()
    (repo / "wards.txt").write_text(
        "# Các phường, xã của tỉnh\n"
        f"{ward / 'public'}   UBND phường Ninh Hòa\n"
        "https://127.0.0.1:9/caitien/   UBND xã Đắk Ơ\n", encoding="utf-8")
    commands = caitien_commands(PROVINCE)
    assert commands and all(c.startswith("caitien rollup") for c in commands), commands
    for result in run_commands(PROVINCE, repo, git_env):
        assert result.returncode == 0, f"{result.command}\n{result.stdout}\n{result.stderr}"
        assert "https://127.0.0.1:9/caitien/" in result.stderr
    page = (repo / "public" / "index.html").read_text(encoding="utf-8")
    assert "UBND phường Ninh Hòa" in page and "UBND xã Đắk Ơ" in page
    wards = json.loads((repo / "public" / "data.json").read_text(encoding="utf-8"))["wards"]
    assert sorted(w["status"] for w in wards) == ["current", "unreachable"]


# ---------------------------------------------------------------- the real commands

@pytest.mark.parametrize("name", TEMPLATES)
def test_commands_run_on_sample_content(name, site, git_env):
    commands = caitien_commands(name)
    assert any(c.startswith("caitien check") for c in commands), commands
    assert any(c.startswith("caitien build") for c in commands), commands
    for result in run_commands(name, site, git_env):
        assert result.returncode == 0, f"{result.command}\n{result.stdout}\n{result.stderr}"
        # A full clone: the lost-record check ran (no "history-…" warning about git).
        assert "history-" not in result.stdout + result.stderr, result.stdout + result.stderr
        if "--format github" in result.command:
            lines = [line for line in result.stdout.splitlines() if line.strip()]
            assert all(line.startswith("::") for line in lines), result.stdout
    public = site / "public"
    for path in ("index.html", "data.json", "tickets.csv", "deadlines.ics", "reviews/next/index.html",
                 "tickets/PYC-2025-001/index.html"):
        assert (public / path).is_file(), path
    # The build ran inside a git repository (the dashboard names the content's commit).
    head = run(["git", "rev-parse", "--short=12", "HEAD"], site, git_env).stdout.strip()
    assert head and head in (public / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", TEMPLATES)
def test_check_command_fails_the_job_on_a_content_error(name, site, git_env):
    bad = site / "content" / "tickets" / "2026" / "PYC-2026-099.md"
    bad.write_text("---\ntitle: Thử\nkind: improvement\nsource: feedback\nunit: van-phong\n"
                   "opened: 31/02/2026\nreported_by: Lê Văn C\nstatus: open\n---\n", encoding="utf-8")
    checks = [c for c in caitien_commands(name) if c.startswith("caitien check")]
    for command in checks:
        result = run(["bash", "-c", with_binary(command)], site, git_env)
        assert result.returncode == 1, f"{command}: {result.returncode}\n{result.stdout}{result.stderr}"
        output = result.stdout + result.stderr
        assert "content/tickets/2026/PYC-2026-099.md" in output
        if "--format github" in command:
            assert "::error file=content/tickets/2026/PYC-2026-099.md,line=6" in output


@pytest.mark.parametrize("name", TEMPLATES)
def test_check_command_reports_a_lost_record(name, site, git_env):
    """A request deleted inside its retention period fails the job (SPEC §2), from git history."""
    assert run(["git", "rm", "-q", "content/tickets/2026/PYC-2026-033.md"], site, git_env).returncode == 0
    assert run(["git", "commit", "-q", "-m", "Xóa phiếu"], site, git_env).returncode == 0
    for command in (c for c in caitien_commands(name) if c.startswith("caitien check")):
        result = run(["bash", "-c", with_binary(command)], site, git_env)
        output = result.stdout + result.stderr
        assert result.returncode == 1, output
        assert "record-lost" in output and "PYC-2026-033" in output, output
        if "--format github" in command:
            assert "::error file=content/tickets/2026/PYC-2026-033.md,line=1" in output, output


def test_gitea_checkout_fetches_full_history(site, tmp_path, git_env):
    """The shell checkout of the Gitea template, against a bare copy of a records repository."""
    for i in range(3):  # a little history
        (site / "content" / f"_nhap-{i}.md").write_text(f"nháp {i}\n", encoding="utf-8")
        run(["git", "add", "-A"], site, git_env)
        assert run(["git", "commit", "-q", "-m", f"Nháp {i}"], site, git_env).returncode == 0
    server = tmp_path / "server"
    server.mkdir()
    assert run(["git", "clone", "-q", "--bare", str(site), str(server / "ward" / "records.git")],
               tmp_path, git_env).returncode == 0
    wf = load("gitea-actions.yml")
    label, script, env = shell_blocks("gitea-actions.yml", wf)[0]
    assert "fetch" in script, label
    workspace = tmp_path / "workspace"
    workspace.mkdir()
    sha = run(["git", "rev-parse", "HEAD"], site, git_env).stdout.strip()
    env = dict(env, TOKEN="token-not-used-by-file-urls", GITHUB_SERVER_URL=f"file://{server}",
               GITHUB_REPOSITORY="ward/records", GITHUB_REF="refs/heads/main", GITHUB_SHA=sha, **git_env)
    result = run(["bash", "-c", script], workspace, env)
    assert result.returncode == 0, result.stderr
    assert run(["git", "rev-parse", "HEAD"], workspace, git_env).stdout.strip() == sha
    count = lambda repo: run(["git", "rev-list", "--count", "HEAD"], repo, git_env).stdout.strip()
    assert count(workspace) == count(site) == "4"
    assert (workspace / "content" / "site.yml").is_file()
    for result in run_commands("gitea-actions.yml", workspace, git_env):
        assert result.returncode == 0, f"{result.command}\n{result.stderr}"
        assert "history-shallow" not in result.stdout + result.stderr


@pytest.mark.skipif(shutil.which("rsync") is None, reason="rsync is not installed")
def test_gitea_rsync_deploy(site, tmp_path, git_env):
    """The deploy step, with a stand-in `ssh` that runs the remote rsync locally."""
    assert run(["bash", "-c", with_binary("caitien build --content content --output public")],
               site, git_env).returncode == 0
    fake_bin = tmp_path / "fake-bin"
    fake_bin.mkdir()
    ssh = fake_bin / "ssh"
    ssh.write_text('#!/bin/bash\n'
                   '# Stand-in for ssh: drop the options and the host, run the command here.\n'
                   'while [ $# -gt 0 ]; do case "$1" in -[ipol]) shift 2 ;; -*) shift ;; *) break ;; esac; done\n'
                   'shift\nexec sh -c "$*"\n')
    ssh.chmod(0o755)
    served = tmp_path / "var-www" / "caitien"
    served.mkdir(parents=True)
    (served / "stale.html").write_text("old page")
    step = find_step(load("gitea-actions.yml"), lambda s: "rsync" in str(s.get("run", "")))
    env = dict(git_env, PATH=f"{fake_bin}:{os.environ['PATH']}", DEPLOY_HOST="web.example.vn",
               DEPLOY_USER="caitien", DEPLOY_PATH=str(served) + "/", DEPLOY_PORT="",
               DEPLOY_SSH_KEY="-----BEGIN OPENSSH PRIVATE KEY-----\nnot a key\n-----END OPENSSH PRIVATE KEY-----",
               DEPLOY_KNOWN_HOSTS="web.example.vn ssh-ed25519 AAAAnotakey")
    result = run(["bash", "-c", step["run"]], site, env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (served / "index.html").read_bytes() == (site / "public" / "index.html").read_bytes()
    assert (served / "reviews" / "next" / "index.html").is_file()
    assert not (served / "stale.html").exists()

    missing = dict(env, DEPLOY_SSH_KEY="")
    result = run(["bash", "-c", step["run"]], site, missing)
    assert result.returncode == 1 and "DEPLOY_SSH_KEY" in result.stderr


def fallback_block() -> str:
    """The shell block of docs/ci/README.md that builds caitien from its source."""
    readme = (CI / "README.md").read_text(encoding="utf-8")
    match = re.search(r"<!-- build-from-source -->\s*```sh\n(.*?)```", readme, re.S)
    assert match, "docs/ci/README.md: no ```sh block after <!-- build-from-source -->"
    return match.group(1)


def test_fallback_block_is_valid_bash():
    result = subprocess.run(["bash", "-n"], input=fallback_block(), capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


@pytest.mark.skipif(os.environ.get("CAITIEN_CI_INSTALL") != "1",
                    reason="set CAITIEN_CI_INSTALL=1 to build caitien from this repository's HEAD (minutes)")
def test_fallback_builds_caitien_from_source(site, tmp_path, git_env):
    head = run(["git", "rev-parse", "HEAD"], ROOT, git_env).stdout.strip()
    home = tmp_path / "caitien-home"
    env = dict(git_env, CAITIEN_SOURCE=f"file://{ROOT}", CAITIEN_VERSION=head, CAITIEN_HOME=str(home))
    check = "caitien check --content content"
    probe = f'set -e\n{fallback_block()}\nexport PATH="{home}/bin:$PATH"\ncaitien --version\n{check}\n'
    result = run(["bash", "-c", probe], site, env, timeout=3600)
    assert result.returncode == 0, f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    assert f"(commit {head})" in result.stdout
    assert not list(home.glob("src*"))


CHECK_JSONSCHEMA = os.environ.get("CHECK_JSONSCHEMA") or shutil.which("check-jsonschema")


@pytest.mark.skipif(CHECK_JSONSCHEMA is None, reason="check-jsonschema (PyPI) is not installed")
@pytest.mark.parametrize("name,schema", [("github-actions.yml", "vendor.github-workflows"),
                                         ("gitea-actions.yml", "vendor.github-workflows"),
                                         (PROVINCE, "vendor.github-workflows"),
                                         ("gitlab-ci.yml", "vendor.gitlab-ci")])
def test_template_matches_the_published_schema(name, schema):
    """The SchemaStore schemas that check-jsonschema ships (no download)."""
    result = subprocess.run([CHECK_JSONSCHEMA, "--builtin-schema", schema, str(CI / name)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
