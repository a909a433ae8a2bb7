"""Write an assignment's otter-assign master notebook and run ``otter assign`` on it.

The master notebook follows otter-grader's notebook format: a raw ``# ASSIGNMENT CONFIG``
cell, then per question raw ``# BEGIN QUESTION`` / ``# END QUESTION`` cells around the
prompt (the chapter's exercise text), the solution cell and the test cells. ``otter assign``
writes ``student/`` (answers replaced by ``...``, public tests only) and ``autograder/``
(the solution notebook and the autograder zip with every test) and first checks that the
solution passes every test.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import nbformat
import yaml

from .exercises import ROOT, exercise_text, exercise_title
from .questions import Question

SETUP_CODE = "import numpy as np\nimport sympy as sp\n\nimport infolib\nfrom infolib import check"


@dataclass(frozen=True)
class Assignment:
    """The graded questions of one chapter."""

    chapter: str  #: the chapter's file stem, ``01_entropy``
    questions: tuple[Question, ...]

    def __post_init__(self) -> None:
        names = [q.name for q in self.questions]
        if len(set(names)) != len(names):
            raise ValueError(f"{self.chapter}: question names repeat: {names}")
        for question in self.questions:
            if not question.name.isidentifier():
                raise ValueError(
                    f"{self.chapter}: question name {question.name!r} is no identifier"
                )
            exercise_text(self.chapter, question.label)  # fails loudly for a missing label

    @property
    def max_score(self) -> int:
        return sum(q.points for q in self.questions)


def chapter_title(chapter: str) -> str:
    """The chapter's H1 heading."""
    notebook = nbformat.read(ROOT / "chapters" / f"{chapter}.ipynb", as_version=4)
    for cell in notebook.cells:
        match = re.search(r"^# (.+)$", cell.source, re.M) if cell.cell_type == "markdown" else None
        if match:
            return match[1].strip()
    raise ValueError(f"chapter {chapter!r} has no '# Title' heading")


def _raw(config_name: str, config: dict) -> nbformat.NotebookNode:
    text = yaml.safe_dump(config, sort_keys=False).strip()
    return nbformat.v4.new_raw_cell(f"# {config_name}\n{text}")


def _prompt(assignment: Assignment, number: int, question: Question, quoted: bool) -> str:
    """The question's Markdown: the exercise text (once per exercise), the task, the grading."""
    title = exercise_title(assignment.chapter, question.label)
    points = f"{question.points} point{'s' if question.points != 1 else ''}"
    heading = f"## Question {number}: `{question.name}` ({points})"
    name = f"exercise `{question.label}` of the chapter" + (f" ({title})" if title else "")
    if quoted:
        text = f"*More of {name}, quoted above.*"
    else:
        text = f"*From {name}:*\n\n" + "\n".join(
            "> " + line if line else ">"
            for line in exercise_text(assignment.chapter, question.label).split("\n")
        )
    return (
        f"{heading}\n\n{text}\n\n**Hand in:** {question.task.strip()}\n\n"
        f"*{question.grading_note()}*"
    )


def master_notebook(assignment: Assignment) -> nbformat.NotebookNode:
    """The otter-assign master notebook of one chapter's assignment."""
    config = {
        "name": assignment.chapter,
        "init_cell": True,
        "check_all_cell": True,
        "export_cell": False,
        "run_tests": True,
        "generate": True,
        "tests": {"files": False, "ok_format": True},
    }
    title = chapter_title(assignment.chapter)
    intro = (
        f"# Homework: {title}\n\n"
        f"The questions are exercises of the chapter *{title}* "
        f"(`chapters/{assignment.chapter}.ipynb`). Replace each `...` with your answer and "
        "run the `grader.check(...)` cell below it: it runs the *public* tests, which check "
        "that the answer has the right type and shape. The *hidden* tests, which check the "
        f"values, run when your notebook is graded. {len(assignment.questions)} questions, "
        f"{assignment.max_score} points; each question scores all its points or none."
    )
    cells = [_raw("ASSIGNMENT CONFIG", config), nbformat.v4.new_markdown_cell(intro),
             nbformat.v4.new_code_cell(SETUP_CODE)]
    labels_quoted: set[str] = set()
    for number, question in enumerate(assignment.questions, start=1):
        cells.append(_raw("BEGIN QUESTION", {"name": question.name, "points": question.points,
                                             "all_or_nothing": True}))
        prompt = _prompt(assignment, number, question, question.label in labels_quoted)
        labels_quoted.add(question.label)
        cells.append(nbformat.v4.new_markdown_cell(prompt))
        cells.append(nbformat.v4.new_raw_cell("# BEGIN SOLUTION"))
        cells.append(nbformat.v4.new_code_cell(question.answer_cell()))
        cells.append(nbformat.v4.new_raw_cell("# END SOLUTION"))
        cells.append(nbformat.v4.new_raw_cell("# BEGIN TESTS"))
        cells += [nbformat.v4.new_code_cell(t) for t in question.public_tests()]
        cells += [nbformat.v4.new_code_cell(t) for t in question.hidden_tests()]
        cells.append(nbformat.v4.new_raw_cell("# END TESTS"))
        cells.append(nbformat.v4.new_raw_cell("# END QUESTION"))
    notebook = nbformat.v4.new_notebook(cells=cells)
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                       "language": "python"}
    return notebook


def autograder_zip(directory: Path) -> Path:
    """The autograder zip of an assignment folder (``autograder/NN_topic-autograder.zip``)."""
    zips = sorted((directory / "autograder").glob("*-autograder*.zip"))
    if len(zips) != 1:
        raise FileNotFoundError(f"expected one autograder zip in {directory}/autograder: {zips}")
    return zips[0]


def assign(assignment: Assignment, out: Path) -> Path:
    """Run ``otter assign`` for one chapter into ``out/<chapter>``; return that folder."""
    target = out / assignment.chapter
    if target.exists():
        shutil.rmtree(target)
    with tempfile.TemporaryDirectory() as tmp:
        master = Path(tmp) / f"{assignment.chapter}.ipynb"
        nbformat.write(master_notebook(assignment), master)
        result = subprocess.run(
            [sys.executable, "-m", "otter", "assign", str(master), str(target.resolve())],
            capture_output=True, text=True, cwd=tmp,
        )
    if result.returncode != 0:
        raise RuntimeError(
            f"otter assign failed for {assignment.chapter}:\n{result.stdout}\n{result.stderr}"
        )
    # otter names the zip after the time of the run; a fixed name is easier to hand around.
    produced = autograder_zip(target)
    produced.rename(produced.with_name(f"{assignment.chapter}-autograder.zip"))
    return target
