"""Remake the README's pictures of ``archlint report`` on the bundled examples:
``docs/report.png`` (the HTML page in headless Chromium) and ``docs/report-terminal.svg``
(the terminal report, as rich exports it), plus ``docs/report-terminal.txt``.

    python docs/make_pictures.py

Needs Debian's chromium and chromium-driver, and selenium (in the test extra).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from archlint import config, engine
from archlint.report import gather, terminal

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--force-device-scale-factor=1")


def screenshot(page: Path, picture: Path, width: int = 1100) -> None:
    from selenium import webdriver

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in FLAGS:
        options.add_argument(flag)
    with tempfile.TemporaryDirectory() as profile:
        options.add_argument(f"--user-data-dir={profile}")
        options.add_argument(f"--window-size={width},1000")
        driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(
            executable_path="/usr/bin/chromedriver"))
        try:
            driver.get(page.as_uri())
            height = driver.execute_script("return document.documentElement.scrollHeight")
            driver.set_window_size(width, height)
            driver.save_screenshot(str(picture))
        finally:
            driver.quit()


def main() -> None:
    os.chdir(ROOT)  # the pictures name the examples as a user there would
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "report.html"
        subprocess.run([sys.executable, "-m", "archlint", "report", "examples", "--html",
                        str(page)], cwd=ROOT, check=True)
        screenshot(page, DOCS / "report.png")
    linter = engine.Linter.create(config.discover(ROOT))
    picture = gather.gather(linter, [Path("examples")])
    (DOCS / "report-terminal.svg").write_text(terminal.svg(picture, 100), encoding="utf-8")
    (DOCS / "report-terminal.txt").write_text(terminal.render(picture, False, 100),
                                              encoding="utf-8")


if __name__ == "__main__":
    main()
