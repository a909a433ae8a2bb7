"""Grade a folder of submitted notebooks with otter's local grader (`make grade SUBMISSIONS=DIR`).

Each notebook is matched to its chapter's assignment (by the assignment name that
``otter assign`` writes into the notebook's metadata, else by a chapter stem
``NN_topic`` in the file name), graded with ``otter run`` (no Docker) under a timeout,
and reported in ``DIR/grades.csv`` (columns ``file,chapter,score,max_score,status,message``)
with one feedback file per notebook in ``DIR/feedback/<file>.txt``. A notebook that cannot
be read, belongs to no chapter, raises or times out gets a line saying so; the run goes on.

    .venv/bin/python tools/grade_submissions.py DIR [--assignments _build/assignments]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
COLUMNS = ("file", "chapter", "score", "max_score", "status", "message")
TIMEOUT_S = 600


@dataclass
class Grade:
    """One line of the grade sheet, and the feedback text for its student."""

    file: str
    chapter: str = ""
    score: float | str = ""
    max_score: float | str = ""
    status: str = "ok"
    message: str = ""
    feedback: str = ""

    def row(self) -> dict[str, str]:
        return {c: str(getattr(self, c)) for c in COLUMNS}


def available_chapters(assignments: Path) -> dict[str, Path]:
    """``chapter -> autograder zip`` for every generated assignment."""
    found = {}
    for zip_path in sorted(assignments.glob("*/autograder/*-autograder.zip")):
        found[zip_path.parents[1].name] = zip_path
    return found


def chapter_of(path: Path, chapters: dict[str, Path]) -> str | None:
    """The chapter a submission belongs to (notebook metadata first, then the file name)."""
    try:
        notebook = nbformat.read(path, as_version=4)
        name = notebook.metadata.get("otter", {}).get("assignment_name")
        if name in chapters:
            return name
    except Exception:  # an unreadable notebook still may be named after its chapter
        pass
    matches = [c for c in chapters if re.search(rf"(^|[^0-9]){re.escape(c)}($|[^a-z_])", path.stem)]
    return max(matches, key=len) if matches else None


def _feedback(results: dict) -> str:
    lines = []
    for test in results.get("tests", []):
        score = test.get("score")
        head = test["name"] + (f": {score:g} / {test['max_score']:g}" if score is not None else "")
        lines += [head, "    " + test.get("output", "").strip().replace("\n", "\n    "), ""]
    return "\n".join(lines)


def grade_one(path: Path, chapters: dict[str, Path]) -> Grade:
    """Grade one notebook; every failure becomes a status, never an exception."""
    grade = Grade(file=path.name)
    chapter = chapter_of(path, chapters)
    if chapter is None:
        grade.status = "no-chapter"
        grade.message = (f"belongs to no assignment (name it NN_topic.ipynb; known: "
                         f"{', '.join(chapters)})")
        return grade
    grade.chapter = chapter
    try:
        notebook = nbformat.read(path, as_version=4)
    except Exception as error:  # empty file, not JSON, not a notebook
        grade.status, grade.message = "unreadable", f"not a readable notebook: {error}"[:300]
        return grade
    if not any(c.source.strip() for c in notebook.cells if c.cell_type == "code"):
        grade.score, grade.status = 0, "empty"
        grade.message = "the notebook has no code to grade"
        return grade
    run, results, errors = _otter_run(path, chapters[chapter])
    if results is None:
        grade.status, grade.message, grade.feedback = "error", _last_line(run), run
        return grade
    scored = [t for t in results.get("tests", []) if t.get("max_score") is not None]
    grade.score = sum(float(t.get("score") or 0) for t in scored)
    grade.max_score = sum(float(t["max_score"]) for t in scored)
    grade.feedback = _feedback(results)
    if errors:
        # otter grades past a failing cell: say which exception the student should fix.
        grade.status = "raised"
        grade.message = f"a cell raised {errors[0]}; graded the cells that ran"
        grade.feedback = "Exceptions:\n    " + "\n    ".join(errors) + "\n\n" + grade.feedback
    return grade


def _last_line(output: str) -> str:
    lines = [line for line in output.strip().splitlines() if "WARNING | Kernel" not in line]
    return (lines[-1] if lines else "no output")[:300]


def _student_errors(executed: nbformat.NotebookNode | None) -> list[str]:
    """Exceptions raised by the student's cells (``Name: message``), otter's own cells aside.

    otter's first cell (``otter.Notebook(...)``) fails when the file was renamed, and then
    every ``grader.check`` cell; neither affects the grade.
    """
    errors = []
    for cell in executed.cells if executed is not None else []:
        if "otter.Notebook(" in cell.source or cell.source.strip().startswith("grader.check"):
            continue
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                errors.append(f"{output['ename']}: {output['evalue']}"[:200])
    return errors


def _otter_run(notebook: Path, autograder: Path) -> tuple[str, dict | None, list[str]]:
    """``otter run`` on one notebook: its output, its results (None if it failed), and the
    exceptions the student's cells raised."""
    import dill

    with tempfile.TemporaryDirectory() as tmp:
        command = [sys.executable, "-m", "otter", "run", "--no-logo", "--pickle-results",
                   "-a", str(autograder.resolve()), "-o", tmp, str(notebook.resolve())]
        try:
            run = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_S,
                                 cwd=tmp)
        except subprocess.TimeoutExpired:
            return f"TimeoutExpired: grading took over {TIMEOUT_S} s", None, []
        output = run.stdout + run.stderr
        results_path = Path(tmp) / "results.json"
        if run.returncode != 0 or not results_path.is_file():
            return output, None, []
        with open(Path(tmp) / "results.pkl", "rb") as pickled:
            executed = getattr(dill.load(pickled), "notebook", None)
        return output, json.loads(results_path.read_text()), _student_errors(executed)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("submissions", type=Path)
    parser.add_argument("--assignments", type=Path, default=ROOT / "_build" / "assignments")
    args = parser.parse_args(argv)
    chapters = available_chapters(args.assignments)
    if not chapters:
        parser.error(f"no autograder zips under {args.assignments}: run `make assignments` first")
    if not args.submissions.is_dir():
        parser.error(f"SUBMISSIONS={args.submissions} is not a folder")
    feedback_dir = args.submissions / "feedback"
    feedback_dir.mkdir(exist_ok=True)
    grades = []
    for path in sorted(args.submissions.glob("*.ipynb")):
        grade = grade_one(path, chapters)
        grades.append(grade)
        (feedback_dir / f"{path.stem}.txt").write_text(
            f"{path.name} ({grade.chapter or 'no chapter'}): {grade.score} / {grade.max_score}"
            f" [{grade.status}] {grade.message}\n\n{grade.feedback}", encoding="utf-8")
        print(f"{path.name}: {grade.chapter or '-'} {grade.score}/{grade.max_score} "
              f"{grade.status} {grade.message}", flush=True)
    with open(args.submissions / "grades.csv", "w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(g.row() for g in grades)
    print(f"{len(grades)} notebook(s) graded -> {args.submissions / 'grades.csv'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
