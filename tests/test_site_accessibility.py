"""WCAG 2.1 A/AA on every page of both editions, in light and in dark mode (axe-core).

Runs axe-core (the copy bundled in the pinned ``axe-playwright-python`` package, injected
into the page: no CDN) with the rules tagged wcag2a, wcag2aa, wcag21a and wcag21aa, on every
page of the reader edition (`_build/html`, `make book`) and of the student edition
(`_build/student/html`, `make student`). Dark mode is the theme's own: the book's default
mode is "auto", so the browser is told the reader prefers a dark colour scheme. A failure
names the rule, the page and the first elements that break it.

Also checks that a solution dropdown can be reached with the Tab key, opened with Enter
and Space, and shows where the focus is.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from site_browser import launch, missing_requirement, offline_context, open_page, site_pages
from site_server import serve

ROOT = Path(__file__).resolve().parents[1]
EDITIONS = {"reader": ROOT / "_build" / "html", "student": ROOT / "_build" / "student" / "html"}
MODES = ["light", "dark"]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SHOWN_ELEMENTS = 5

pytest.importorskip("axe_playwright_python", reason="axe-playwright-python not installed")
from axe_playwright_python.base import AXE_SCRIPT  # noqa: E402  (after the skip above)

CASES = [
    pytest.param(edition, mode, path, id=f"{edition}-{mode}-{path}")
    for edition, site in EDITIONS.items()
    if missing_requirement(site) is None
    for mode in MODES
    for path in site_pages(site)
]
if not CASES:
    pytest.skip(missing_requirement(EDITIONS["reader"]), allow_module_level=True)

# axe leaves its experimental rules (label-content-name-mismatch is one) off unless asked:
# every rule with a WCAG 2.1 A/AA tag runs, experimental or not.
RUN_AXE = """tags => {
  const experimental = axe.getRules(tags)
    .filter(rule => rule.tags.includes('experimental')).map(rule => rule.ruleId);
  return axe.run(document, {
    runOnly: {type: 'tag', values: tags},
    rules: Object.fromEntries(experimental.map(id => [id, {enabled: true}])),
    resultTypes: ['violations'],
  }).then(r => r.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    targets: v.nodes.map(n => n.target.join(' ')),
  })));
}"""


@pytest.fixture(scope="module")
def browser():
    with launch() as chromium:
        yield chromium


@pytest.fixture(scope="module")
def contexts(browser):
    """(edition, mode) -> (base URL, browser context), made on first use."""
    made: dict[tuple[str, str], tuple[str, object]] = {}
    bases: dict[str, str] = {}
    with contextlib.ExitStack() as stack:

        def get(edition: str, mode: str) -> tuple[str, object]:
            if (edition, mode) not in made:
                if edition not in bases:
                    bases[edition] = stack.enter_context(serve(EDITIONS[edition]))
                context, _ = stack.enter_context(
                    offline_context(browser, bases[edition], color_scheme=mode)
                )
                made[edition, mode] = (bases[edition], context)
            return made[edition, mode]

        yield get


def axe_violations(page) -> list[dict]:
    page.add_script_tag(content=AXE_SCRIPT)
    return page.evaluate(RUN_AXE, WCAG_TAGS)


def describe(violations: list[dict], where: str) -> str:
    lines = [f"{len(violations)} WCAG 2.1 A/AA rule(s) broken on {where}:"]
    for v in violations:
        shown = ", ".join(v["targets"][:SHOWN_ELEMENTS])
        more = len(v["targets"]) - SHOWN_ELEMENTS
        lines.append(
            f"  {v['id']} ({v['impact']}, {len(v['targets'])} element(s)): {v['help']}\n"
            f"    {shown}" + (f" and {more} more" if more > 0 else "")
        )
    return "\n".join(lines)


@pytest.mark.parametrize(("edition", "mode", "path"), CASES)
def test_page_has_no_wcag_violations(contexts, edition, mode, path):
    base, context = contexts(edition, mode)
    page, _, _ = open_page(context, base + path)
    try:
        theme = page.evaluate("() => document.documentElement.dataset.theme")
        assert theme == mode, f"the theme shows {theme} mode, not {mode}"
        violations = axe_violations(page)
        assert violations == [], describe(violations, f"{edition} {path} ({mode} mode)")
    finally:
        page.close()


def test_axe_finds_a_violation(contexts):
    """Guard against the check above passing vacuously: a planted fault is reported."""
    base, context = contexts("reader", "light")
    page, _, _ = open_page(context, base + "intro.html")
    try:
        page.evaluate(
            """() => {
              const b = document.createElement('button');
              b.setAttribute('aria-label', 'Close');
              b.textContent = 'Open the menu';
              b.style.color = '#bbb';
              document.querySelector('main').prepend(b);
            }"""
        )
        ids = {v["id"] for v in axe_violations(page)}
        assert {"label-content-name-mismatch", "color-contrast"} <= ids
    finally:
        page.close()


ON_TOGGLE = """() => document.activeElement.matches(
  '.solution.dropdown .toggle-button, .solution.dropdown summary')"""
FOCUS_VISIBLE = """() => {
  const e = document.activeElement;
  const s = getComputedStyle(e);
  const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1;
  return e.matches(':focus-visible') && (outline || s.boxShadow !== 'none');
}"""


@pytest.mark.parametrize("key", ["Enter", " "], ids=["Enter", "Space"])
def test_solution_dropdown_opens_from_the_keyboard(contexts, key):
    base, context = contexts("reader", "light")
    site = EDITIONS["reader"]
    path = next(p for p in site_pages(site) if 'class="solution' in (site / p).read_text())
    page, _, _ = open_page(context, base + path)
    try:
        solution = page.locator(".solution.dropdown").first
        body = solution.locator("section").first
        assert not body.is_visible(), f"{path}: solution shown before a key was pressed"
        for _ in range(400):  # Tab through the page until the first solution's toggle
            page.keyboard.press("Tab")
            if page.evaluate(ON_TOGGLE):
                break
        else:
            pytest.fail(f"{path}: Tab never reaches the solution dropdown")
        focused_in = page.evaluate("() => document.activeElement.closest('.solution').id")
        assert focused_in == solution.get_attribute("id"), "Tab skipped the first solution"
        assert page.evaluate(FOCUS_VISIBLE), f"{path}: the focused toggle shows no focus ring"
        page.keyboard.press(key)
        body.wait_for(state="visible", timeout=5000)
        page.keyboard.press(key)
        body.wait_for(state="hidden", timeout=5000)
    finally:
        page.close()
