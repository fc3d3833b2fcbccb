"""Screenshots of a built site for docs/ (shown in the README).

    .build-venv/bin/python Tests/browser/screenshots.py SITE_DIR docs/

SITE_DIR is the sample content built with `caitien build --today 2026-11-25`; writes
screenshot-desktop.png (1280 wide, the first 1800 px), screenshot-phone.png (390 wide, the first
1688 px, two screens of a 390×844 phone) and screenshot-print.png (the first A4 page of a closed
request printed to PDF by Chromium, turned into an image by `pdftoppm` from poppler-utils).
"""
import functools
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading

from playwright.sync_api import sync_playwright

SHOTS = [("screenshot-desktop.png", 1280, 900, 1800), ("screenshot-phone.png", 390, 844, 1688)]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def _printed_request(site: str) -> str:
    """The closed, non-confidential request with the most actions and progress reports."""
    with open(os.path.join(site, "data.json"), encoding="utf-8") as f:
        tickets = json.load(f)["tickets"]
    closed = [t for t in tickets if t["stage"] == "closed" and not t.get("confidential")]
    closed.sort(key=lambda t: (-len(t.get("actions") or []) - len(t.get("progress") or []), t["id"]))
    return closed[0]["id"]


def main(site: str, out: str) -> None:
    handler = functools.partial(_Quiet, directory=site)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    root = f"http://127.0.0.1:{server.server_address[1]}/"
    os.makedirs(out, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=os.environ.get("CAITIEN_CHROMIUM", "/usr/bin/chromium"))
        for name, width, height, length in SHOTS:
            page = browser.new_page(viewport={"width": width, "height": height}, device_scale_factor=1)
            page.goto(root + "index.html")
            full = page.evaluate("document.documentElement.scrollHeight")
            page.screenshot(path=os.path.join(out, name), full_page=True,
                            clip={"x": 0, "y": 0, "width": width, "height": min(length, full)})
            page.close()
            print(os.path.join(out, name))
        page = browser.new_page()
        page.goto(root + f"tickets/{_printed_request(site)}/index.html")
        with tempfile.TemporaryDirectory() as work:
            pdf = os.path.join(work, "form.pdf")
            page.pdf(path=pdf, prefer_css_page_size=True)
            subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", pdf,
                            os.path.join(out, "screenshot-print")], check=True)
        print(os.path.join(out, "screenshot-print.png"))
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
