"""The indicator finder on the real site's indicators page (issue 24 part 1): typing "obesity"
leaves only the rows whose title, keywords or summary match and the one status region says how
many; with JavaScript off the whole list is there and no search input is visible. The Makefile
builds the real site into PLANSITE_SITE (make audit)."""
from __future__ import annotations

import tempfile
import time
from pathlib import Path

import pytest

from audit import SiteServer, make_driver
from conftest import built_site

PAGE = "indicators/index.html"


@pytest.fixture(scope="module")
def site() -> Path:
    return built_site("PLANSITE_SITE", "the real site", PAGE)


def visible_titles(driver) -> list[str]:
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('.data-table tbody tr'))"
        ".filter(r => !r.hidden && r.offsetParent !== null)"
        ".map(r => r.cells[0].textContent.trim());")


def test_finder_filters_rows_and_says_the_count(site):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    with tempfile.TemporaryDirectory(prefix="pf-") as tmp, SiteServer(site) as server:
        driver = make_driver(Path(tmp), "finder")
        try:
            driver.get(server.url(PAGE))
            every = visible_titles(driver)
            assert len(every) > 20, every
            field = driver.find_element(By.ID, "finder-input")
            assert field.is_displayed()
            label = driver.find_element(By.CSS_SELECTOR, "label[for=finder-input]")
            assert label.text.strip() == "Find an indicator"
            regions = driver.find_elements(By.CSS_SELECTOR, "[role=status], [aria-live]")
            assert len(regions) == 1, "one status region only"
            assert regions[0].get_attribute("aria-live") == "polite"
            field.send_keys("obesity")
            WebDriverWait(driver, 5).until(lambda d: regions[0].text.strip() != "")
            # "obesity" is a keyword of year6-obesity, whose title says "obese", not "obesity".
            assert visible_titles(driver) == ["Year 6 children classified as obese"]
            assert regions[0].text.strip() == "1 indicator matches"
            field.clear()
            field.send_keys("homelessness")
            WebDriverWait(driver, 5).until(lambda d: regions[0].text.strip() != "1 indicator matches")
            shown = visible_titles(driver)
            assert len(shown) >= 2 and all("rough" in t or "temporary" in t for t in shown), shown
            assert regions[0].text.strip() == f"{len(shown)} indicators match"
            # Every indicator is still listed by outcome, whatever the finder shows.
            by_outcome = driver.find_elements(By.CSS_SELECTOR, ".indicator-list li")
            assert len(by_outcome) >= len(every)
        finally:
            driver.quit()


def test_without_javascript_the_whole_list_and_no_search_input(site):
    from selenium.webdriver.common.by import By

    with tempfile.TemporaryDirectory(prefix="pf-") as tmp, SiteServer(site) as server:
        driver = make_driver(Path(tmp), "finder-nojs", javascript=False)
        try:
            driver.get(server.url(PAGE))
            rows = driver.find_elements(By.CSS_SELECTOR, ".data-table tbody tr")
            assert rows and all(r.is_displayed() for r in rows)
            inputs = [i for i in driver.find_elements(By.CSS_SELECTOR, "input, form") if i.is_displayed()]
            assert inputs == [], "no search control without JavaScript"
            groups = driver.find_elements(By.CSS_SELECTOR, "section h3")
            assert len(groups) >= 2
            links = {a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, ".indicator-list a")}
            assert {a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, ".data-table tbody a")} <= links
        finally:
            driver.quit()


@pytest.fixture(scope="module")
def search_site() -> Path:
    return built_site("PLANSITE_SEARCH_SITE", "the mini site with full_text_search on", PAGE, "pagefind/pagefind.js")


def test_full_text_search_finds_words_on_the_indicator_pages(search_site):
    """With `full_text_search: true`, Pagefind's index of the indicator pages adds the rows whose
    page holds the words: "spring" is only in the litter indicator's notes, not in any title,
    keyword or summary, so the plain filter alone would show nothing."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    assert (search_site / "pagefind" / "pagefind.js").is_file()
    assert not list((search_site / "pagefind").glob("pagefind-ui.*")), "Pagefind's unused interfaces are not published"
    with tempfile.TemporaryDirectory(prefix="pf-") as tmp, SiteServer(search_site) as server:
        driver = make_driver(Path(tmp), "finder-full-text")
        try:
            driver.get(server.url(PAGE))
            assert len(visible_titles(driver)) == 2
            field = driver.find_element(By.ID, "finder-input")
            region = driver.find_element(By.CSS_SELECTOR, "[role=status]")
            field.send_keys("spring")
            WebDriverWait(driver, 10).until(lambda d: region.text.strip() != "")
            assert visible_titles(driver) == ["Streets with litter"]
            assert region.text.strip() == "1 indicator matches"
            field.clear()
            field.send_keys("zzzqqq")
            WebDriverWait(driver, 10).until(lambda d: region.text.strip() == "0 indicators match")
            assert visible_titles(driver) == []
            field.clear()
            field.send_keys("bins")  # a title: the plain filter and the index agree
            WebDriverWait(driver, 10).until(lambda d: region.text.strip() == "1 indicator matches")
            assert visible_titles(driver) == ["New bins installed"]
        finally:
            driver.quit()
