"""The student edition has every exercise and no solution (`make student`).

The stripping itself is tested on a small notebook here; the built edition in
`_build/student/html` is checked when it exists (`make student`; CI builds it).
"""

from __future__ import annotations

import html
import importlib.util
import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
STUDENT = ROOT / "_build" / "student" / "html"
READER = ROOT / "_build" / "html"


def load_tool():
    spec = importlib.util.spec_from_file_location(
        "student_edition", ROOT / "tools" / "make_student_edition.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


tool = load_tool()

SAMPLE = [
    (
        "markdown",
        "Intro.\n\n```{exercise}\n:label: ex-a\n\nCompute A.\n```\n\n"
        "```{solution} ex-a\n:class: dropdown\n\nThe secret answer alpha.\n```\n\nAfter.",
    ),
    ("markdown", "````{exercise}\n:label: ex-b\n\nCompute B.\n````\n"),
    (
        "markdown",
        "````{solution} ex-b\n:class: dropdown\n\n```python\nprint('beta')\n```\n"
        "secret beta text\n````",
    ),
    (
        "markdown",
        "```{exercise}\n:label: ex-c\n\nCompute C.\n```\n\n"
        "```{solution-start} ex-c\n:class: dropdown\n```\n\nGated gamma words.",
    ),
    ("code", "print('gamma code')"),
    ("markdown", "More gamma.\n\n```{solution-end}\n```\n\nClosing text."),
]


def sample_notebook() -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    for kind, source in SAMPLE:
        maker = nbformat.v4.new_markdown_cell if kind == "markdown" else nbformat.v4.new_code_cell
        nb.cells.append(maker(source))
    return nb


def test_stripping_removes_every_kind_of_solution_and_keeps_exercises():
    nb = sample_notebook()
    removed = tool.strip_notebook(nb)
    text = "\n".join(cell.source for cell in nb.cells)
    assert removed == 3
    for secret in ("alpha", "beta", "gamma", "{solution"):
        assert secret not in text
    for kept in ("Compute A.", "Compute B.", "Compute C.", "Intro.", "After.", "Closing text."):
        assert kept in text
    assert all(cell.cell_type == "markdown" for cell in nb.cells)


def kept_words() -> str:
    """Plain words of every chapter with its solutions stripped (what students may see)."""
    texts = []
    for path in sorted((ROOT / "chapters").glob("*.ipynb")):
        nb = tool_stripped(nbformat.read(path, as_version=4))
        texts += [" ".join(re.findall(r"[A-Za-z]+", c.source)) for c in nb.cells]
    return "\n".join(texts)


def chapter_solutions() -> dict[str, list[str]]:
    """Distinctive phrases (8 plain words) found only in the solutions of the chapters."""
    phrases: dict[str, list[str]] = {}
    visible = kept_words()
    for path in sorted((ROOT / "chapters").glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        full = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
        stripped = "\n".join(c.source for c in tool_stripped(nb).cells if c.cell_type == "markdown")
        removed_lines = [line for line in full.split("\n") if line not in stripped.split("\n")]
        for line in removed_lines:
            words = re.findall(r"[A-Za-z]+", line) if not re.search(r"[$`{\\]", line) else []
            if len(words) >= 8 and " ".join(words[:8]) not in visible:
                phrases.setdefault(path.stem, []).append(" ".join(words[:8]))
    return phrases


def tool_stripped(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    copy = nbformat.from_dict(nb)
    tool.strip_notebook(copy)
    return copy


def exercise_labels() -> list[str]:
    labels = []
    for path in sorted((ROOT / "chapters").glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            labels += re.findall(r"\{exercise\}[^\n]*\n:label: (\S+)", cell.source)
    return labels


def site_words(root: Path) -> str:
    """All text of a built site (pages, sources, downloads, search index), as plain words."""
    chunks = []
    for path in root.rglob("*"):
        if path.suffix in {".html", ".ipynb", ".js", ".txt", ".md"} and "mathjax" not in path.parts:
            raw = html.unescape(re.sub(r"<[^>]+>", " ", path.read_text(errors="replace")))
            chunks.append(" ".join(re.findall(r"[A-Za-z]+", raw)))
    return "\n".join(chunks)


needs_student = pytest.mark.skipif(
    not (STUDENT / "index.html").exists(),
    reason="student edition not built: run `make student` (CI does)",
)


@needs_student
def test_student_edition_has_every_exercise():
    labels = exercise_labels()
    assert len(labels) >= 3
    pages = "\n".join(p.read_text() for p in (STUDENT / "chapters").glob("*.html"))
    missing = [label for label in labels if f'id="{label}"' not in pages]
    assert not missing, f"exercises missing from the student edition: {missing}"


@needs_student
def test_student_edition_has_no_solution_anywhere():
    pages = "\n".join(p.read_text() for p in STUDENT.rglob("*.html"))
    assert 'class="solution' not in pages and "solution dropdown" not in pages
    words = site_words(STUDENT)
    phrases = [p for plist in chapter_solutions().values() for p in plist]
    assert phrases, "found no solution text in the chapters to look for"
    leaked = [p for p in phrases if p in words]
    assert not leaked, f"solution text in the student edition: {leaked[:5]}"


@pytest.mark.skipif(not (READER / "index.html").exists(), reason="site not built: `make book`")
def test_reader_edition_does_show_the_solutions():
    """The leak test above could not fail if the phrases were never in any site."""
    words = site_words(READER)
    phrases = [p for plist in chapter_solutions().values() for p in plist]
    found = [p for p in phrases if p in words]
    assert len(found) >= len(phrases) // 2
