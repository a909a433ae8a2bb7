"""Every page of the built site, loaded in headless Chromium with the network cut off.

Serves `_build/html` on a loopback port and blocks every request that is not to it. For
each page: no console errors, every formula typeset by the site's own MathJax (no raw TeX
left in the visible text), every image loaded; solution dropdowns open and close; the
search page finds "Kullback". A screenshot of each page goes to `_build/screenshots/`.

Needs the built site (`make book`) and Debian's Chromium at /usr/bin/chromium (CI installs
it); otherwise the tests skip and say why.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from site_browser import launch, missing_requirement, offline_context, open_page, site_pages
from site_server import serve

ROOT = Path(__file__).resolve().parents[1]
SITE = Path(os.environ.get("BOOK_SITE", ROOT / "_build" / "html"))
SHOTS = ROOT / "_build" / "screenshots"

if reason := missing_requirement(SITE):
    pytest.skip(reason, allow_module_level=True)
PAGES = site_pages(SITE)

VISIBLE_RAW_TEX = """() => {
  const clone = document.querySelector('main, article, body').cloneNode(true);
  clone.querySelectorAll('pre, code, script, style, mjx-container, .highlight')
       .forEach(e => e.remove());
  const text = clone.textContent;
  const marks = ['\\\\(', '\\\\)', '\\\\[', '\\\\]', '$$', '\\\\begin{', '\\\\frac', '\\\\KL'];
  return marks.filter(m => text.includes(m));
}"""

UNTYPESET = """() => Array.from(document.querySelectorAll('.math'))
  .filter(e => !e.querySelector('mjx-container')).length"""

BROKEN_IMAGES = """() => Array.from(document.images)
  .filter(img => !(img.complete && img.naturalWidth > 0)).map(img => img.src)"""


@pytest.fixture(scope="module")
def site():
    shutil.rmtree(SHOTS, ignore_errors=True)  # only this run's screenshots
    with serve(SITE) as base, launch() as browser:
        with offline_context(browser, base) as (context, outside):
            yield base, context, outside


@pytest.mark.parametrize("path", PAGES)
def test_page_renders_offline(site, path):
    base, context, outside = site
    before = len(outside)
    page, errors, has_math = open_page(context, base + path)
    try:
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / (path.replace("/", "__") + ".png")), full_page=True)
        assert outside[before:] == [], f"requests to other hosts: {outside[before:]}"
        assert errors == [], f"console errors: {errors}"
        if has_math:
            assert page.evaluate(UNTYPESET) == 0, "formulas left untypeset"
        assert page.evaluate(VISIBLE_RAW_TEX) == [], "raw TeX visible in the text"
        assert page.evaluate(BROKEN_IMAGES) == [], "images that did not load"
    finally:
        page.close()


def test_chapters_have_typeset_math_and_figures(site):
    """Guard against the checks above passing vacuously."""
    base, context, _ = site
    page, _, has_math = open_page(context, base + "chapters/00_how_to_read.html")
    try:
        assert has_math
        assert page.evaluate("() => document.querySelectorAll('mjx-container').length") > 5
    finally:
        page.close()


def test_solution_dropdowns_open_and_close(site):
    base, context, _ = site
    pages_with_solutions = [p for p in PAGES if 'class="solution' in (SITE / p).read_text()]
    assert pages_with_solutions, "no page has a solution dropdown"
    for path in pages_with_solutions:
        page, _, _ = open_page(context, base + path)
        try:
            solution = page.locator(".solution.dropdown").first
            body = solution.locator("section").first
            assert not body.is_visible(), f"{path}: solution shown before a click"
            solution.locator(".admonition-title").click()
            body.wait_for(state="visible")
            solution.locator(".admonition-title").click()
            body.wait_for(state="hidden")
        finally:
            page.close()


def test_search_finds_kullback(site):
    base, context, _ = site
    page, errors, _ = open_page(context, base + "search.html?q=Kullback")
    try:
        page.wait_for_selector("#search-results ul.search li", timeout=15000)
        hits = page.locator("#search-results ul.search li").count()
        assert hits >= 1
        assert errors == []
    finally:
        page.close()
