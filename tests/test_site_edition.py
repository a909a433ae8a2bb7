"""The built sites: every page names the edition and the licence, no link to a placeholder.

Reads every HTML page of `_build/html` and of the student edition `_build/student/html`
(skipped, with the reason, when a site is not built): the footer of each page names the
edition (``infolib.__version__``), links the CC BY 4.0 licence and the Errata page; no
``href`` or ``src`` contains the placeholder repository address; and while
``repository.url`` is empty no page has a repository, Binder or Colab button.
"""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "_ext"))

import edition  # noqa: E402
from test_release_metadata import PLACEHOLDER_URLS  # noqa: E402

SITES = [ROOT / "_build" / "html", ROOT / "_build" / "student" / "html"]
LINK = re.compile(r"""\b(?:href|src)\s*=\s*["']([^"']*)["']""", re.I)
FOOTER = re.compile(r'<p class="edition-footer">(.*?)</p>', re.S)
LAUNCH_HOSTS = ("mybinder.org", "colab.research.google.com", "deepnote.com")
# Jupyter Book writes index.html as a one-line redirect to the root page: not a page.
REDIRECT = re.compile(r'^<meta http-equiv="Refresh"', re.I)
BUTTON_LABELS = ("source-repository-button", "launch-buttons", "source-issues-button")


def pages(site: Path) -> list[Path]:
    if not (site / "index.html").exists():
        pytest.skip(f"{site.relative_to(ROOT)} not built (make book / make student)")
    found = sorted(
        p
        for p in site.rglob("*.html")
        if "_static" not in p.parts and not REDIRECT.search(p.read_text()[:500])
    )
    assert len(found) > 10, f"only {len(found)} pages in {site}"
    return found


def repository_url() -> str:
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    return str(config.get("repository", {}).get("url") or "").strip()


@pytest.mark.parametrize("site", SITES, ids=["reader", "student"])
def test_every_footer_names_edition_licence_and_errata(site):
    version = edition.read_version(ROOT)
    problems = []
    for page in pages(site):
        footers = FOOTER.findall(page.read_text())
        name = page.relative_to(site)
        if len(footers) != 1:
            problems.append(f"{name}: {len(footers)} edition footers")
            continue
        footer = footers[0]
        if f"Edition {version}." not in footer:
            problems.append(f"{name}: no 'Edition {version}.'")
        if f'href="{edition.CC_BY_URL}"' not in footer or "CC BY 4.0" not in footer:
            problems.append(f"{name}: no CC BY 4.0 link")
        errata = re.search(r'href="([^"]*)">Errata<', footer)
        href = unquote(urlsplit(errata.group(1)).path) if errata else None
        target = None if href is None else (page.parent / href) if href else page
        if target is None or target.resolve() != (site / "reference" / "errata.html").resolve():
            problems.append(f"{name}: the Errata link does not lead to reference/errata.html")
    assert problems == [], "\n".join(problems[:20])


@pytest.mark.parametrize("site", SITES, ids=["reader", "student"])
def test_no_link_to_a_placeholder_and_no_button_without_a_repository(site):
    url = repository_url()
    problems = []
    for page in pages(site):
        text = page.read_text()
        name = page.relative_to(site)
        for link in LINK.findall(text):
            if any(p in link for p in PLACEHOLDER_URLS):
                problems.append(f"{name}: link to the placeholder {link}")
            if not url and any(host in link for host in LAUNCH_HOSTS):
                problems.append(f"{name}: launch link {link} but repository.url is empty")
        if not url:
            problems += [f"{name}: {label}" for label in BUTTON_LABELS if label in text]
    assert problems == [], "\n".join(problems[:20])


@pytest.mark.parametrize("site", SITES, ids=["reader", "student"])
def test_a_set_repository_url_gives_every_chapter_its_repository_button(site):
    url = repository_url()
    chapters = [p for p in pages(site) if p.parent.name == "chapters"]
    if not url:
        pytest.skip("repository.url is empty: no repository button is expected")
    for page in chapters:
        text = page.read_text()
        assert "source-repository-button" in text and f'href="{url}"' in text, page.name


def test_errata_page_shows_the_changelog_errata():
    site = SITES[0]
    pages(site)
    page = (site / "reference" / "errata.html").read_text()
    text = (ROOT / "CHANGELOG.md").read_text()
    errata = text.split("<!-- errata-start -->", 1)[1].split("<!-- errata-end -->", 1)[0]
    headings = re.findall(r"^#### (.+)$", errata, re.M)
    assert headings
    for heading in headings:
        assert html.escape(heading, quote=False) in page, heading
    assert "Unreleased" not in page, "only the Errata section belongs on the page"
