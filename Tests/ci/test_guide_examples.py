"""The examples of the user guide docs/huong-dan.md are correct (run by scripts/ci-template-tests).

- Every record marked `<!-- ví dụ: PATH -->` (a ```markdown block right after the marker) is
  written at content/PATH in a copy of the sample content/ and passes `caitien check` for
  2026-11-25 with no error and no warning about it; the built site leaks nothing of a
  `confidential: true` example.
- Every ```yaml fragment parses, and uses only keys that SPEC §1 knows.
- The `caitien check` line the guide quotes is what the tool prints for that mistake.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "docs" / "huong-dan.md"
CAITIEN_BIN = Path(os.environ.get("CAITIEN_BIN") or ROOT / ".build" / "debug" / "caitien").resolve()
TODAY = "2026-11-25"

TICKET_KEYS = {
    "title", "kind", "source", "unit", "category", "severity", "opened", "reported_by", "disposition",
    "action_needed", "decided_by", "decided_on", "assigned_to", "assigned_on", "approved_by",
    "approved_on", "due", "actions", "progress", "changes", "completed_on", "verified_on",
    "verified_by", "result", "closed", "follow_up", "review", "cancelled", "cancel_reason", "confidential",
    "audit", "inspection",
}
REVIEW_KEYS = {"date", "format", "chair", "secretary", "attendees", "report_approved_by", "report_approved_on", "approved_by", "approved_on", "inputs",
               "decisions", "type", "text", "owner", "due", "ticket"}
INPUT_KEYS = {"previous_actions", "context_changes", "customer_feedback", "objectives", "nonconformities",
              "satisfaction_measurement", "audit_results", "provider_performance", "resources",
              "risk_actions", "improvement_opportunities"}
OBJECTIVE_KEYS = {"year", "unit", "approved_by", "approved_on", "evaluated_on", "objectives", "code", "text",
                  "measure", "target", "direction", "actual", "measurements", "date", "value", "plan"}
LIST_KEYS = {"what", "owner", "due", "done", "date", "note"}
SITE_KEYS = {"organisation", "locale", "timezone", "base_url", "units", "code", "name", "head", "settings",
             "recurrence_threshold", "due_soon_days", "long_action_days", "progress_interval_days",
             "review_interval_days", "retention_years", "audit_interval_days", "legal_update_months",
             "inspection_report_months", "finding_request_days", "qms", "announced_on", "announcement_ref",
             "scope_changed_on", "effectiveness_confirmed_on"}
# SPEC §5: internal audits, inspections, legal documents.
DUTY_KEYS = {"date", "end", "lead_auditor", "auditors", "scope", "approved_by", "approved_on", "findings", "unit",
             "clause", "type", "text", "ticket", "confidential", "by", "mode", "reference", "reported_on",
             "report_ref", "reports", "ref", "response", "response_on", "title", "issued_on", "effective_on",
             "affects", "units", "updated_on"}
KNOWN = TICKET_KEYS | REVIEW_KEYS | INPUT_KEYS | OBJECTIVE_KEYS | LIST_KEYS | SITE_KEYS | DUTY_KEYS


def guide() -> str:
    return GUIDE.read_text(encoding="utf-8")


def examples() -> dict[str, str]:
    found = {}
    for match in re.finditer(r"<!-- ví dụ: (\S+) -->\n```markdown\n(.*?)\n```\n", guide(), re.S):
        path, text = match.group(1), match.group(2) + "\n"
        assert path not in found, f"two examples for {path}"
        found[path] = text
    return found


def yaml_fragments() -> list[str]:
    return re.findall(r"```yaml\n(.*?)\n```", guide(), re.S)


def keys_of(node):
    if isinstance(node, dict):
        for key, value in node.items():
            yield key
            yield from keys_of(value)
    elif isinstance(node, list):
        for item in node:
            yield from keys_of(item)


def front_matter(text: str) -> dict:
    assert text.startswith("---\n")
    return yaml.safe_load(text[4:text.index("\n---\n", 4)])


@pytest.fixture
def site(tmp_path) -> Path:
    if not CAITIEN_BIN.is_file():
        pytest.fail(f"no caitien binary at {CAITIEN_BIN}: run `swift build` first or set CAITIEN_BIN")
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return tmp_path


def caitien(*args, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(CAITIEN_BIN), *args], cwd=cwd, capture_output=True, text=True)


def test_guide_has_the_examples():
    found = examples()
    kinds = {path.split("/")[0] for path in found}
    assert kinds == {"tickets", "reviews", "objectives", "audits", "inspections", "legal"}, found.keys()
    assert len(found) >= 8


def test_examples_pass_caitien_check(site):
    found = examples()
    for path, text in found.items():
        target = site / "content" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    result = caitien("check", "--content", "content", "--today", TODAY, "--format", "json", cwd=site)
    diagnostics = json.loads(result.stdout)
    errors = [d for d in diagnostics if d["severity"] == "error"]
    about_examples = [d for d in diagnostics if any(d["path"].endswith(p) for p in found)]
    assert not errors and not about_examples, json.dumps(errors + about_examples, ensure_ascii=False, indent=1)
    assert result.returncode == 0

    build = caitien("build", "--content", "content", "--today", TODAY, "--output", "public", cwd=site)
    assert build.returncode == 0, build.stderr
    for path, text in found.items():
        fields = front_matter(text)
        if fields.get("confidential") is True:
            body = text.split("\n---\n", 1)[1]
            secrets = [fields["title"], fields["reported_by"], fields["category"]]
            secrets += [line.strip() for line in body.splitlines() if len(line.strip()) > 20]
            for file in (site / "public").rglob("*"):
                if file.is_file() and file.suffix in {".html", ".json", ".csv", ".ics"}:
                    content = file.read_text(encoding="utf-8")
                    for secret in secrets:
                        assert secret not in content, f"{secret!r} of {path} leaks into {file}"


def test_yaml_fragments_parse_and_use_known_keys():
    fragments = yaml_fragments()
    assert len(fragments) >= 10
    for fragment in fragments:
        data = yaml.safe_load(fragment)
        assert isinstance(data, dict), fragment
        unknown = {k for k in keys_of(data) if k not in KNOWN and not str(k).startswith("x_")}
        assert not unknown, f"unknown keys {unknown} in:\n{fragment}"
    for text in examples().values():
        unknown = {k for k in keys_of(front_matter(text)) if k not in KNOWN and not str(k).startswith("x_")}
        assert not unknown, unknown


def test_quoted_check_line_is_what_the_tool_prints(site):
    quoted = re.search(r"^(content/tickets/\S+:\d+:\d+: error: .*\[bad-date\])$", guide(), re.M)
    assert quoted, "the guide quotes a bad-date error line"
    line = quoted.group(1)
    path = line.split(":")[0][len("content/"):]
    text = examples()[path]
    text = re.sub(r"^opened: .*$", "opened: 31/02/2026", text, count=1, flags=re.M)
    target = site / "content" / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    result = caitien("check", "--content", "content", "--today", TODAY, cwd=site)
    assert result.returncode == 1
    assert line in result.stderr.splitlines(), result.stderr


def test_new_ticket_command_of_the_guide_writes_the_example(site):
    """The guide's `caitien new ticket …` (A.2) gives the front-matter of its first example."""
    block = next(b for b in re.findall(r"```sh\n(.*?)\n```", guide(), re.S) if "caitien new ticket" in b)
    command = re.sub(r"\\\n\s*", " ", block).strip()
    assert command.startswith("caitien new ticket ")
    result = subprocess.run(["bash", "-c", f'"$CAITIEN" {command[len("caitien "):]} --today 2026-11-16'],
                            cwd=site, env=dict(os.environ, CAITIEN=str(CAITIEN_BIN)), capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    path = "tickets/2026/PYC-2026-036.md"
    written = (site / "content" / path).read_text(encoding="utf-8")
    expected = front_matter(examples()[path])
    actual = front_matter(written)
    for key, value in expected.items():
        assert str(actual.get(key)) == str(value), (key, actual.get(key), value)
    check = caitien("check", "--content", "content", "--today", "2026-11-16", "--format", "json", cwd=site)
    assert not [d for d in json.loads(check.stdout) if d["path"].endswith(path)], check.stdout
