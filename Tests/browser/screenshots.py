"""Screenshots of a built site's dashboard for docs/ (shown in the README).

    .build-venv/bin/python Tests/browser/screenshots.py SITE_DIR docs/

SITE_DIR is the sample content built with `caitien build --today 2026-11-25`; writes
screenshot-desktop.png (1280 wide, the first 1800 px) and screenshot-phone.png (390 wide, the
first 1688 px, two screens of a 390×844 phone).
"""
import functools
import http.server
import os
import sys
import threading

from playwright.sync_api import sync_playwright

SHOTS = [("screenshot-desktop.png", 1280, 900, 1800), ("screenshot-phone.png", 390, 844, 1688)]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def main(site: str, out: str) -> None:
    handler = functools.partial(_Quiet, directory=site)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/index.html"
    os.makedirs(out, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=os.environ.get("CAITIEN_CHROMIUM", "/usr/bin/chromium"))
        for name, width, height, length in SHOTS:
            page = browser.new_page(viewport={"width": width, "height": height}, device_scale_factor=1)
            page.goto(url)
            full = page.evaluate("document.documentElement.scrollHeight")
            page.screenshot(path=os.path.join(out, name), full_page=True,
                            clip={"x": 0, "y": 0, "width": width, "height": min(length, full)})
            page.close()
            print(os.path.join(out, name))
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
