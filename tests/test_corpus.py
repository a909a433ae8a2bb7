"""Tests for infolib.corpus and tools/make_book_corpus.py (the snapshot of the book's prose)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import nbformat
import pytest

from infolib.corpus import BOOK_TEXT_CHAPTERS, book_text

ROOT = Path(__file__).resolve().parents[1]


def load_tool():
    spec = importlib.util.spec_from_file_location("make_book_corpus",
                                                  ROOT / "tools" / "make_book_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("chapter", BOOK_TEXT_CHAPTERS)
def test_snapshot_exists_and_is_prose(chapter):
    text = book_text(chapter)
    assert isinstance(text, str) and len(text) > 1_000
    assert "$" not in text and "```" not in text and ":label:" not in text
    assert (ROOT / "chapters" / f"{chapter}.ipynb").exists()


def test_unknown_chapter_is_refused_naming_it():
    with pytest.raises(ValueError, match=r"chapter must be one of .* \(got '99_nothing'\)"):
        book_text("99_nothing")


FIXTURE_MARKDOWN = [
    "(fixture-label)=\n# A title\n\nSome prose with $x^2$ inline,\nwrapped over lines.",
    "```{prf:theorem} Name\n:label: thm-x\n\nBody of $H(p)$, see {prf:ref}`thm-y`.\n\n"
    "$$\na = b\n$$ (eq-x)\n\n```",
    "A [link](https://example.org) and a price of \\$5.",
]
FIXTURE_EXPECTED = (
    "A title\n\nSome prose with § inline, wrapped over lines.\n\n"
    "Body of §, see §.\n\n§\n\n"
    "A link and a price of \\$5.\n"
)


def fixture_notebook() -> dict:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell(FIXTURE_MARKDOWN[0]),
                nbformat.v4.new_code_cell("x = '$not prose$'"),
                nbformat.v4.new_markdown_cell(FIXTURE_MARKDOWN[1]),
                nbformat.v4.new_markdown_cell(FIXTURE_MARKDOWN[2])]
    return json.loads(nbformat.writes(nb))


def test_tool_extracts_the_prose_of_a_fixture_notebook_deterministically():
    tool = load_tool()
    first = tool.notebook_prose(fixture_notebook())
    assert first == FIXTURE_EXPECTED
    assert tool.notebook_prose(fixture_notebook()) == first
