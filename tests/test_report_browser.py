"""The HTML report in a real browser: Debian's headless Chromium, driven by selenium
through Debian's chromedriver (no browser is downloaded). The page must show the same
figures as ``archlint status``, one card per document with its sections' states, filters
that work, and run no script that came from a document."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = ROOT / "fixtures" / "report" / "hostile"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")

pytestmark = pytest.mark.skipif(
    CHROMIUM is None or CHROMEDRIVER is None,
    reason="needs Debian's chromium and chromium-driver (`apt-get install -y chromium "
           "chromium-driver`; .ci/run installs them)")

webdriver = pytest.importorskip("selenium.webdriver",
                                reason="needs selenium (pip install -e '.[test]')")

from selenium.common.exceptions import NoAlertPresentException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import Select  # noqa: E402

FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--window-size=1200,1600")


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options,
                              service=webdriver.ChromeService(executable_path=CHROMEDRIVER))
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def archlint(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "archlint", *arguments], cwd=ROOT,
                          capture_output=True, text=True, check=False)


def render(tmp_path: Path, *arguments: str) -> Path:
    page = tmp_path / "report.html"
    result = archlint("report", "--no-cache", *arguments, "--html", str(page))
    assert result.returncode == 0, result.stderr
    return page


def statuses(*arguments: str) -> list[dict]:
    """What ``archlint status`` says of the same documents: the figures to expect."""
    result = archlint("status", "--output-format", "json", *arguments)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def findings(*arguments: str) -> list[dict]:
    return json.loads(archlint("check", "--no-cache", "--output-format", "json",
                               *arguments).stdout)


def open_page(browser, page: Path) -> None:
    browser.get_log("browser")  # forget what earlier pages logged
    browser.get(page.as_uri())


def shown_cards(browser) -> list[str]:
    return [card.find_element(By.CSS_SELECTOR, "h3 a").text
            for card in browser.find_elements(By.CSS_SELECTOR, "article.card")
            if card.is_displayed()]


def console_errors(browser) -> list[str]:
    return [entry["message"] for entry in browser.get_log("browser")
            if entry["level"] == "SEVERE"]


def assert_page_matches(browser, expected: list[dict]) -> None:
    """The summary's figures and every card's sections are those of ``archlint status``."""
    required = sum(document["required"] for document in expected)
    done = sum(document["done"] for document in expected)
    assert browser.find_element(By.ID, "overall-required").text == str(required)
    assert browser.find_element(By.ID, "overall-done").text == str(done)
    assert browser.find_element(By.ID, "overall-percent").text == f"{done / required:.0%}"
    assert browser.find_element(By.ID, "documents").text.startswith(f"{len(expected)}:")
    cards = browser.find_elements(By.CSS_SELECTOR, "article.card")
    assert sorted(card.find_element(By.CSS_SELECTOR, "h3 a").text for card in cards) \
        == sorted(document["path"] for document in expected)
    by_path = {document["path"]: document for document in expected}
    for card in cards:
        document = by_path[card.find_element(By.CSS_SELECTOR, "h3 a").text]
        rows = card.find_elements(By.CSS_SELECTOR, "table.sections tbody tr")
        shown = [(row.find_element(By.CSS_SELECTOR, "td:nth-child(2)").text
                  .removesuffix(" (optional)"),
                  row.find_element(By.CSS_SELECTOR, "td.state").text.lstrip("✓✎○✗! "))
                 for row in rows]
        assert shown == [(s["title"], s["state"]) for s in document["sections"]]
        percent = card.find_element(By.CSS_SELECTOR, ".percent").text
        assert percent == f"{document['completeness']:.0%}"


def choose(browser, name: str, value: str) -> None:
    Select(browser.find_element(By.NAME, name)).select_by_value(value)


def test_the_report_of_the_bundled_examples(browser, tmp_path: Path) -> None:
    page = render(tmp_path, "examples")
    open_page(browser, page)
    expected = statuses("examples")
    assert_page_matches(browser, expected)
    # least finished first
    assert shown_cards(browser)[0] == min(expected, key=lambda d: d["completeness"])["path"]
    # the style applied (its hash is in the policy) and the script ran (it shows the filters)
    card = browser.find_element(By.CSS_SELECTOR, "article.card")
    assert card.value_of_css_property("border-top-left-radius") == "8px"
    assert browser.find_element(By.ID, "filters").is_displayed()
    assert browser.find_element(By.ID, "shown").text == "3 of 3 shown"
    assert console_errors(browser) == []


def test_the_filters_work(browser, tmp_path: Path) -> None:
    open_page(browser, render(tmp_path, "examples"))
    everything = statuses("examples")
    all_paths = sorted(document["path"] for document in everything)

    found = findings("examples")
    choose(browser, "rule", "AL301")
    assert sorted(shown_cards(browser)) == sorted({f["path"] for f in found
                                                   if f["code"] == "AL301"})
    visible_rules = {row.get_attribute("data-rule")
                     for row in browser.find_elements(By.CSS_SELECTOR, "tr.finding")
                     if row.is_displayed()}
    assert visible_rules == {"AL301"}
    choose(browser, "rule", "")

    choose(browser, "state", "complete")
    assert sorted(shown_cards(browser)) == sorted(
        d["path"] for d in everything if d["done"] == d["required"])
    choose(browser, "state", "")

    choose(browser, "section", "missing")
    assert shown_cards(browser) == [d["path"] for d in everything
                                    if any(s["state"] == "missing" for s in d["sections"])]
    choose(browser, "section", "")

    search = browser.find_element(By.NAME, "q")
    search.send_keys("ENVIRONMENTS")  # a section of one document only, in any case
    assert shown_cards(browser) == ["examples/05-deployment-view.md"]
    assert browser.find_element(By.ID, "shown").text == "1 of 3 shown"
    search.clear()
    search.send_keys("Data consistency")  # a section's title
    assert shown_cards(browser) == ["examples/04-process-view.md"]
    search.clear()
    search.send_keys(" ")  # clear() sends no input event
    assert sorted(shown_cards(browser)) == all_paths


def test_no_script_from_a_document_runs(browser, tmp_path: Path) -> None:
    config = str(HOSTILE / "archlint.toml")
    page = render(tmp_path, "--config", config, str(HOSTILE.relative_to(ROOT)))
    open_page(browser, page)
    try:
        text = browser.switch_to.alert.text
        pytest.fail(f"a document's script ran: alert({text!r})")
    except NoAlertPresentException:
        pass
    assert browser.execute_script("return document.body.dataset.pwned") is None
    assert browser.execute_script("return document.scripts.length") == 1  # the page's own
    assert browser.execute_script(
        "return Array.from(document.querySelectorAll('*')).flatMap("
        "  e => Array.from(e.attributes).filter(a => a.name.startsWith('on'))"
        "  .map(a => e.tagName + ' ' + a.name))") == []
    assert browser.find_elements(By.CSS_SELECTOR, "img, iframe, object, embed") == []
    hrefs = [a.get_attribute("href") for a in browser.find_elements(By.TAG_NAME, "a")]
    assert hrefs and all(href.startswith("file://") for href in hrefs)
    # what the documents and the configuration say is shown as text
    titles = [cell.text for cell in browser.find_elements(
        By.CSS_SELECTOR, "table.sections td:nth-child(2)")]
    assert "<script>alert(1)</script>" in titles
    assert "<svg onload=alert(4)" in titles  # a section title from the pack file
    assert """<img src="x" onerror="document.body.dataset.pwned = 'yes'">""" in titles
    assert "rule pack <i>pack</i>" in browser.find_element(By.TAG_NAME, "main").text
    assert_page_matches(browser, statuses("--config", config,
                                          str(HOSTILE.relative_to(ROOT))))
    assert console_errors(browser) == []  # nothing was even blocked: nothing tried


def test_the_page_is_whole_without_scripts(browser, tmp_path: Path) -> None:
    page = render(tmp_path, "examples")
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        open_page(browser, page)
        assert not browser.find_element(By.ID, "filters").is_displayed()
        assert len(shown_cards(browser)) == 3
        assert_page_matches(browser, statuses("examples"))
    finally:
        browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


def test_the_page_prints(browser, tmp_path: Path) -> None:
    import base64

    open_page(browser, render(tmp_path, "examples"))
    from selenium.webdriver.common.print_page_options import PrintOptions

    pdf = base64.b64decode(browser.print_page(PrintOptions()))
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
