#!/usr/bin/env python3
"""Screenshot a map page in headless Debian Chromium (for the README): screenshot.py PAGE.html OUT.png"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("page", type=Path)
    parser.add_argument("output", type=Path)
    parser.add_argument("--size", default="1200,850", help="window width,height in pixels")
    parser.add_argument("--wait", type=float, default=1.5, help="seconds to let Leaflet draw")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as profile:
        driver = headless_chromium(args.size, profile)
        try:
            driver.get(args.page.resolve().as_uri())
            time.sleep(args.wait)
            driver.save_screenshot(str(args.output))
        finally:
            driver.quit()
    print(f"wrote {args.output}")


def headless_chromium(size, profile, offline=False):
    """A Selenium driver of Debian's headless Chromium with a window of ``size`` ("w,h")."""
    from selenium import webdriver

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    flags = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--window-size={size}", f"--user-data-dir={profile}"]
    if offline:  # no host resolves: the page must work from the file alone
        flags.append("--host-resolver-rules=MAP * ~NOTFOUND")
    for flag in flags:
        options.add_argument(flag)
    return webdriver.Chrome(options=options, service=webdriver.ChromeService("/usr/bin/chromedriver"))


if __name__ == "__main__":
    main()
