"""Headless Chromium with the network cut off, for the tests that load the built site.

Shared by the browser tests (`test_site_browser.py`) and the accessibility tests
(`test_site_accessibility.py`), so the launch flags, the request filter and the way a page
is opened (and its formulas awaited) are written once.
"""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1280, "height": 900}
NOT_PAGES = {"_static", "_sources", "_images"}


def missing_requirement(site: Path) -> str | None:
    """Why the browser tests cannot run on ``site`` (None when they can)."""
    if not (site / "intro.html").exists():
        return f"{site} not built: run `make book` / `make student` first (CI does)"
    if not Path(CHROMIUM).exists():
        return "no Chromium at /usr/bin/chromium (apt-get install chromium; CI does)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright not installed"
    return None


def site_pages(site: Path) -> list[str]:
    """The site's pages, as paths relative to ``site`` (index.html only redirects)."""
    return sorted(
        str(p.relative_to(site))
        for p in site.rglob("*.html")
        if p.parts[len(site.parts)] not in NOT_PAGES and p.name != "index.html"
    )


@contextlib.contextmanager
def launch() -> Iterator[Any]:
    """Debian's Chromium, headless, through playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@contextlib.contextmanager
def offline_context(browser: Any, base: str, **options: Any) -> Iterator[tuple[Any, list[str]]]:
    """A browser context that may only load ``base`` (and data: URLs).

    Yields the context and the list of the other URLs it tried to load (each blocked).
    ``options`` go to ``browser.new_context`` (e.g. ``color_scheme="dark"``).
    """
    context = browser.new_context(viewport=VIEWPORT, **options)
    outside: list[str] = []

    def only_local(route: Any) -> None:
        if route.request.url.startswith(base) or route.request.url.startswith("data:"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", only_local)
    try:
        yield context, outside
    finally:
        context.close()


def open_page(context: Any, url: str) -> tuple[Any, list[str], bool]:
    """Load ``url`` and wait for MathJax to typeset it.

    Returns the page, the console errors collected so far (the list keeps growing) and
    whether the page has formulas.
    """
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url, wait_until="load")
    has_math = page.evaluate("() => document.querySelectorAll('.math').length") > 0
    if has_math:
        page.wait_for_function("() => window.MathJax && MathJax.startup && MathJax.startup.promise")
        page.evaluate("() => MathJax.startup.promise")
    return page, errors, has_math
