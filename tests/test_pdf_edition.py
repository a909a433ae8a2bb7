"""The PDF editions (make pdf, make pdf-student): every chapter is in them, and the site
links to the PDF built with it.

These tests read what `make pdf` / `make pdf-student` built (after `make book` /
`make student`, as .ci/run does); where nothing was built they skip and say so.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import nbformat
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "_build"
# (edition, folder of its LaTeX build, folder of its site)
EDITIONS = [
    ("reader", BUILD / "latex", BUILD / "html"),
    ("student", BUILD / "student" / "latex", BUILD / "student" / "html"),
]


def page_titles() -> list[str]:
    """The first heading of every page in _toc.yml, in order (the root page aside)."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    titles = []
    for part in toc["parts"]:
        for entry in part["chapters"]:
            stem = ROOT / entry["file"]
            if stem.with_suffix(".ipynb").is_file():
                nb = nbformat.read(stem.with_suffix(".ipynb"), as_version=4)
                lines = [
                    line
                    for c in nb.cells
                    if c.cell_type == "markdown"
                    for line in c.source.splitlines()
                ]
            else:
                lines = stem.with_suffix(".md").read_text().splitlines()
            titles.append(next(line[2:].strip() for line in lines if line.startswith("# ")))
    return titles


def words(text: str) -> str:
    """Text reduced to lowercase words, so line breaks and hyphenation do not matter."""
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def pdf_text(pdf: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext missing (poppler-utils; make pdf installs it)")
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout


@pytest.fixture(params=EDITIONS, ids=[e[0] for e in EDITIONS])
def edition(request: pytest.FixtureRequest) -> tuple[str, Path, Path]:
    name, latex, site = request.param
    if not (latex / "book.pdf").is_file():
        target = "make pdf" if name == "reader" else "make pdf-student"
        pytest.skip(f"{name} PDF not built ({target})")
    return request.param


def test_titles_are_found() -> None:
    """One title per page of the table of contents (the check below relies on them)."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    pages = [entry["file"] for part in toc["parts"] for entry in part["chapters"]]
    titles = page_titles()
    assert len(titles) == len(pages) and all(titles)
    assert titles[pages.index("chapters/01_entropy")] == "Shannon entropy"


def test_every_chapter_is_in_the_contents(edition: tuple[str, Path, Path]) -> None:
    _, latex, _ = edition
    # TeX commands (\sphinxhyphen {} for "-", \numberline, ...) are not words of a title.
    toc = words(re.sub(r"\\[A-Za-z]+", " ", (latex / "book.toc").read_text()))
    missing = [t for t in page_titles() if words(t) not in toc]
    assert not missing, f"not in {latex / 'book.toc'}: {missing}"


def test_every_chapter_is_in_the_pdf(edition: tuple[str, Path, Path]) -> None:
    name, latex, _ = edition
    text = words(pdf_text(latex / "book.pdf"))
    missing = [t for t in page_titles() if words(t) not in text]
    assert not missing, f"not in the {name} PDF: {missing}"
    assert "??" not in pdf_text(latex / "book.pdf")


def test_solutions_only_in_the_reader_edition(edition: tuple[str, Path, Path]) -> None:
    name, latex, _ = edition
    text = pdf_text(latex / "book.pdf")
    assert ("Solution to" in text) == (name == "reader")
    assert ("this is the student edition" in words(text)) == (name == "student")


def test_site_links_to_its_pdf(edition: tuple[str, Path, Path]) -> None:
    name, latex, site = edition
    intro = site / "intro.html"
    if not intro.is_file():
        pytest.skip(f"{name} site not built")
    assert 'href="book.pdf"' in intro.read_text()
    linked = site / "book.pdf"
    if not linked.is_file():
        pytest.skip(f"{name} site built without its PDF (site built after the PDF?)")
    assert linked.read_bytes() == (latex / "book.pdf").read_bytes()
