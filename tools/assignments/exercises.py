"""Read an exercise's text from its chapter, as plain Jupyter Markdown.

The chapters state their exercises as sphinx-exercise directives in Markdown cells::

    ```{exercise}
    :label: ex-entropy-two-dice

    Roll two fair dice. ...
    ```

An assignment quotes that text, so a change to an exercise reaches its assignment.
MyST roles that only Sphinx can resolve ({eq}, {numref}, {prf:ref}, ...) are turned into
plain words, and the book's MathJax macros (``\\KL``, ``\\E``) are expanded, so the text
reads correctly in JupyterLab.
"""

from __future__ import annotations

import importlib.util
import re
from functools import cache
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[2]

_OPEN = re.compile(r"^(?P<fence>`{3,}|:{3,})\{exercise\}(?P<title>.*)$")
_OPTION = re.compile(r"^:(?P<key>[\w-]+):\s*(?P<value>.*)$")
_ROLE = re.compile(r"\{(?P<role>[\w:-]+)\}`(?P<target>[^`]*)`")
_ROLE_WORDS = {
    "eq": "equation ({target}) of the chapter",
    "numref": "the figure `{target}` of the chapter",
    "prf:ref": "`{target}` in the chapter",
    "ref": "`{target}`",
    "doc": "`{target}`",
    "cite": "[{target}]",
    "cite:p": "[{target}]",
    "cite:t": "[{target}]",
}


class ExerciseNotFound(LookupError):
    """A spec names an exercise label that its chapter does not have."""


@cache
def _macros() -> dict[str, str]:
    """The book's TeX macros, from their one table in `_ext/book_macros.py` (site and PDF)."""
    spec = importlib.util.spec_from_file_location("book_macros", ROOT / "_ext" / "book_macros.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.mathjax_macros()


def _expand_macros(text: str) -> str:
    for name, body in _macros().items():
        body = body if isinstance(body, str) else body[0]
        text = re.sub(rf"\\{name}(?![A-Za-z])", lambda _m, b=body: b, text)
    return text


def _plain_role(match: re.Match[str]) -> str:
    role, target = match["role"], match["target"]
    if role.startswith("glue"):
        return "(the value printed in the chapter)"
    # `{eq}`text <label>`` style: keep only the label.
    label = re.sub(r"^.*<(.+)>$", r"\1", target)
    return _ROLE_WORDS.get(role, "`{target}`").format(target=label)


def to_jupyter_markdown(text: str) -> str:
    """MyST exercise text as Markdown that JupyterLab renders without Sphinx."""
    return _expand_macros(_ROLE.sub(_plain_role, text)).strip()


def _exercises_in(text: str) -> dict[str, tuple[str, str]]:
    """``label -> (title, body)`` for every exercise directive in one Markdown text."""
    found: dict[str, tuple[str, str]] = {}
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        match = _OPEN.match(lines[i].strip())
        if not match:
            i += 1
            continue
        fence, title = match["fence"], match["title"].strip()
        j = i + 1
        label, body = None, []
        while j < len(lines) and lines[j].strip() != fence:
            option = _OPTION.match(lines[j].strip())
            if option and not body and option["key"] == "label":
                label = option["value"].strip()
            elif not (option and not body):
                body.append(lines[j])
            j += 1
        if label:
            found[label] = (title, "\n".join(body).strip())
        i = j + 1
    return found


@cache
def chapter_exercises(chapter: str) -> dict[str, tuple[str, str]]:
    """Every exercise of ``chapters/<chapter>.ipynb``: ``label -> (title, MyST body)``."""
    path = ROOT / "chapters" / f"{chapter}.ipynb"
    if not path.is_file():
        raise FileNotFoundError(f"chapter {chapter!r}: no notebook {path}")
    notebook = nbformat.read(path, as_version=4)
    found: dict[str, tuple[str, str]] = {}
    for cell in notebook.cells:
        if cell.cell_type == "markdown" and "{exercise}" in cell.source:
            found.update(_exercises_in(cell.source))
    return found


def exercise_text(chapter: str, label: str) -> str:
    """The exercise ``label`` of ``chapter`` as Jupyter Markdown; fails loudly if absent."""
    exercises = chapter_exercises(chapter)
    if label not in exercises:
        raise ExerciseNotFound(
            f"chapter {chapter!r} has no exercise labelled {label!r}; "
            f"its exercises are: {', '.join(sorted(exercises)) or 'none'}"
        )
    _title, body = exercises[label]
    return to_jupyter_markdown(body)


def exercise_title(chapter: str, label: str) -> str:
    """The exercise's own title (often empty) as plain text."""
    exercise_text(chapter, label)  # the same loud failure for a missing label
    return to_jupyter_markdown(chapter_exercises(chapter)[label][0])
