"""One version, one licence statement, one repository setting, one errata list.

The version is written once (``infolib.__version__``); pyproject.toml, CITATION.cff,
CHANGELOG.md's newest release and the site's footer (``_ext/edition.py``) must follow it.
The Errata page includes CHANGELOG.md's Errata section instead of copying it.
"""

from __future__ import annotations

import datetime
import re
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

import infolib

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "_ext"))

import edition  # noqa: E402

# The address the launch buttons pointed at before the book had a public repository.
PLACEHOLDER_URLS = ("github.com/infolib-book/entropy-kl-likelihood",)
RELEASE = re.compile(r"^## (\d+\.\d+\.\d+) \((\d{4}-\d{2}-\d{2})\)$", re.M)
ERRATA_RELEASE = re.compile(r"^### Corrected in edition (\S+) \((\d{4}-\d{2}-\d{2})\)", re.M)
UNRELEASED_ERRATA = "### Not yet released, relative to edition "
START, END = "<!-- errata-start -->", "<!-- errata-end -->"


def changelog() -> str:
    return (ROOT / "CHANGELOG.md").read_text()


def releases() -> list[tuple[str, str]]:
    """(version, date) of every release heading in CHANGELOG.md, newest first."""
    return RELEASE.findall(changelog())


def test_the_version_is_written_once_and_everything_follows_it():
    version = edition.read_version(ROOT)
    assert version == infolib.__version__
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert "version" not in project["project"], "pyproject.toml must not repeat the version"
    assert "version" in project["project"]["dynamic"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "infolib.__version__"}
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text())
    assert citation["version"] == version
    newest, date = releases()[0]
    assert newest == version, f"CHANGELOG.md's newest release is {newest}, infolib is {version}"
    assert citation["date-released"] == datetime.date.fromisoformat(date)


def test_citation_names_title_authors_and_both_licences():
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text())
    assert citation["cff-version"] == "1.2.0"
    assert citation["message"].strip() and citation["title"].strip()
    assert all(a.get("name") or a.get("family-names") for a in citation["authors"])
    assert set(citation["license"]) == {"CC-BY-4.0", "MIT"}
    url = citation.get("repository-code", "")
    assert not any(p in url for p in PLACEHOLDER_URLS)
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    assert url == (config["repository"]["url"] or ""), "CITATION.cff and repository.url differ"


def test_licence_file_readme_and_pyproject_state_the_licences():
    licence = (ROOT / "LICENSE").read_text()
    assert "Creative Commons Attribution 4.0" in licence and "CC BY 4.0" in licence
    assert "MIT License" in licence and "Permission is hereby granted" in licence
    assert tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["license"] == "MIT"
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## Licence and citation", 1)[1].split("\n## ", 1)[0]
    for needed in ("CC BY 4.0", "MIT", "CITATION.cff", "CHANGELOG.md", "LICENSE"):
        assert needed in section, needed
    assert "CC BY 4.0" in (ROOT / "intro.md").read_text()


def test_changelog_releases_are_in_order_and_errata_name_known_releases():
    found = releases()
    assert len(found) >= 2
    dates = [date for _, date in found]
    assert dates == sorted(dates, reverse=True), "newest release first"
    text = changelog()
    assert text.count(START) == 1 and text.count(END) == 1
    errata = text.split(START, 1)[1].split(END, 1)[0]
    headings = ERRATA_RELEASE.findall(errata)
    assert headings, "the Errata section lists no edition"
    for line in re.findall(r"^### .*$", errata, re.M):
        assert ERRATA_RELEASE.match(line) or line.startswith(UNRELEASED_ERRATA), line
    for version, date in headings:
        assert (version, date) in found, f"errata for {version} ({date}): no such release"
    # Every correction names where it is: a chapter or reference heading, then entries.
    for block in re.split(r"^### ", errata, flags=re.M)[1:]:
        chapters = re.findall(r"^#### (.+)$", block, re.M)
        assert chapters, block[:80]
        assert block.count("\n- ") >= len(chapters)


def test_errata_page_includes_the_changelog_section_instead_of_copying_it():
    page = (ROOT / "reference" / "errata.md").read_text()
    assert "```{include} ../CHANGELOG.md" in page
    assert f":start-after: {START}" in page and f":end-before: {END}" in page
    errata = changelog().split(START, 1)[1].split(END, 1)[0]
    first_entry = next(line for line in errata.splitlines() if line.startswith("- "))
    assert first_entry not in page, "the page copies the errata text"
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    (reference,) = [part for part in toc["parts"] if part["caption"] == "Reference"]
    assert {"file": "reference/errata"} in reference["chapters"]


def test_repository_url_is_set_in_one_place_and_is_no_placeholder():
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    url = config["repository"]["url"]
    assert not any(p in (url or "") for p in PLACEHOLDER_URLS)
    html = config.get("html", {})
    assert "use_repository_button" not in html, "the URL alone switches the button"
    for path in [ROOT / "_config.yml", ROOT / "README.md", ROOT / "intro.md"]:
        for placeholder in PLACEHOLDER_URLS:
            assert placeholder not in path.read_text(), path.name


def test_no_url_switches_every_repository_and_launch_button_off():
    options = {
        "repository_url": "  ",
        "use_repository_button": True,
        "launch_buttons": {
            "notebook_interface": "jupyterlab",
            "binderhub_url": "https://mybinder.org",
            "colab_url": "https://colab.research.google.com",
        },
    }
    assert edition.switch_repository_buttons(options) is False
    assert "repository_url" not in options
    assert not any(options[key] for key in edition.REPOSITORY_BUTTONS)
    assert options["launch_buttons"] == {"notebook_interface": "jupyterlab", "thebe": False}


def test_a_url_switches_the_repository_button_on_and_keeps_the_launch_buttons():
    launch = {"binderhub_url": "https://mybinder.org", "colab_url": "https://colab.example"}
    options = {
        "repository_url": "https://github.com/a/b ",
        "use_repository_button": False,  # Jupyter Book's default
        "launch_buttons": dict(launch),
    }
    assert edition.switch_repository_buttons(options) is True
    assert options["repository_url"] == "https://github.com/a/b"
    assert options["use_repository_button"] is True
    assert options["launch_buttons"] == launch


def test_footer_names_edition_licences_and_errata():
    html = edition.footer_html("1.2.3", "../reference/errata.html")
    assert "Edition 1.2.3" in html
    assert f'<a href="{edition.CC_BY_URL}" rel="license">CC BY 4.0</a>' in html
    assert "MIT" in html and 'href="../reference/errata.html"' in html


def test_read_version_refuses_a_missing_or_computed_version(tmp_path):
    (tmp_path / "infolib").mkdir()
    init = tmp_path / "infolib" / "__init__.py"
    init.write_text('"""No version here."""\n')
    with pytest.raises(RuntimeError, match="assigns no __version__"):
        edition.read_version(tmp_path)
    init.write_text("__version__ = '.'.join(['1', '0'])\n")
    with pytest.raises(RuntimeError, match="must be a string literal"):
        edition.read_version(tmp_path)
