"""The autograded assignments (`make assignments`, `make grade`).

Uses ``_build/assignments`` when `make assignments` has built it (as `.ci/run` does),
else generates every assignment into a temporary folder first. One grading run covers
every case: all solution notebooks (full marks), one unanswered student notebook, one
submission with a single wrong answer, one that raises, an empty one, an unreadable one
and one of no chapter. Grading executes notebooks: a few minutes on two cores.
"""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

pytest.importorskip("otter", reason="otter-grader is not installed (requirements.txt pins it)")

from assignments.exercises import ExerciseNotFound, exercise_text  # noqa: E402
from assignments.master import Assignment  # noqa: E402
from assignments.questions import FunctionQuestion, NumberQuestion  # noqa: E402
from assignments.specs import ASSIGNMENTS  # noqa: E402

CHAPTERS = [a.chapter for a in ASSIGNMENTS]
SPEC = {a.chapter: a for a in ASSIGNMENTS}
# The cases graded beyond the solutions all use this chapter.
CASE = "01_entropy"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The generated assignments (the committed specs), built once per test run."""
    out = ROOT / "_build" / "assignments"
    sources = [*(ROOT / "tools" / "assignments").glob("*.py"), *(ROOT / "chapters").glob("*")]
    newest_source = max(p.stat().st_mtime for p in sources)
    zips = [out / c / "autograder" / f"{c}-autograder.zip" for c in CHAPTERS]
    if all(z.is_file() and z.stat().st_mtime > newest_source for z in zips):
        return out
    out = tmp_path_factory.mktemp("assignments")
    subprocess.run([sys.executable, str(ROOT / "tools" / "make_assignments.py"), "--out",
                    str(out)], check=True)
    return out


def _student(built: Path, chapter: str) -> nbformat.NotebookNode:
    return nbformat.read(built / chapter / "student" / f"{chapter}.ipynb", as_version=4)


def _solution(built: Path, chapter: str) -> nbformat.NotebookNode:
    return nbformat.read(built / chapter / "autograder" / f"{chapter}.ipynb", as_version=4)


def test_at_least_six_chapters_have_assignments() -> None:
    assert len(set(CHAPTERS)) >= 6
    for assignment in ASSIGNMENTS:
        assert len(assignment.questions) >= 3, assignment.chapter
        kinds = {type(q).__name__ for q in assignment.questions}
        assert len(kinds) >= 2, f"{assignment.chapter} grades only {kinds}"


def test_otter_layout(built: Path) -> None:
    for chapter in CHAPTERS:
        assert (built / chapter / "student" / f"{chapter}.ipynb").is_file()
        assert (built / chapter / "autograder" / f"{chapter}.ipynb").is_file()
        assert zipfile.is_zipfile(built / chapter / "autograder" / f"{chapter}-autograder.zip")


def test_questions_quote_the_chapters_exercises(built: Path) -> None:
    for assignment in ASSIGNMENTS:
        text = "\n".join(c.source for c in _student(built, assignment.chapter).cells)
        for question in assignment.questions:
            first_line = exercise_text(assignment.chapter, question.label).split("\n")[0]
            assert "> " + first_line in text, (assignment.chapter, question.label)


def _solution_lines(question) -> list[str]:
    """Lines of the reference solution that a student notebook must not show."""
    cell = question.answer_cell()
    if isinstance(question, FunctionQuestion):
        return [line.strip() for line in question.body.split("\n") if line.strip()]
    return [line.split("  # SOLUTION")[0].split(" = ", 1)[1] for line in cell.split("\n")
            if line.endswith("# SOLUTION")]


def test_student_notebooks_have_no_solutions_and_no_hidden_tests(built: Path) -> None:
    for assignment in ASSIGNMENTS:
        notebook = _student(built, assignment.chapter)
        text = json.dumps(notebook.cells) + json.dumps(dict(notebook.metadata))
        assert "{solution}" not in text and "hidden: true" not in text
        assert "'hidden': True" not in text and '"hidden": true' not in text
        for question in assignment.questions:
            for line in _solution_lines(question):
                assert json.dumps(line)[1:-1] not in text, (assignment.chapter, line)
            for test in question.hidden_tests():
                name = test.split("def ", 1)[1].split("(")[0]
                assert name not in text, (assignment.chapter, name)
        # ... but the solution notebook and the autograder do have them (the check can fail).
        solution = json.dumps(_solution(built, assignment.chapter).cells)
        assert json.dumps(_solution_lines(assignment.questions[0])[0])[1:-1] in solution


def test_a_spec_naming_a_missing_exercise_fails_loudly() -> None:
    with pytest.raises(ExerciseNotFound, match="ex-entropy-nonexistent"):
        Assignment(CASE, (NumberQuestion(name="q", label="ex-entropy-nonexistent", task="x",
                                         answers={"x": ("1", "1")}),))


def _replace_answer(notebook: nbformat.NotebookNode, start: str, new: str) -> None:
    """Replace the answer line beginning ``start`` (exactly one such line must exist)."""
    hits = [(c, line) for c in notebook.cells if c.cell_type == "code"
            for line in c.source.split("\n") if line.startswith(start)]
    assert len(hits) == 1, hits
    cell, line = hits[0]
    cell.source = cell.source.replace(line, new)


@pytest.fixture(scope="module")
def graded(built: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, str]]:
    folder = tmp_path_factory.mktemp("submissions")
    for chapter in CHAPTERS:
        shutil.copy(built / chapter / "autograder" / f"{chapter}.ipynb",
                    folder / f"solution_{chapter}.ipynb")
    shutil.copy(built / CASE / "student" / f"{CASE}.ipynb", folder / f"unanswered_{CASE}.ipynb")
    wrong = _solution(built, CASE)
    _replace_answer(wrong, "sum_bits = ", "sum_bits = 3.0")
    nbformat.write(wrong, folder / f"wrong_{CASE}.ipynb")
    raising = _solution(built, CASE)
    _replace_answer(raising, "pair_bits = ", "pair_bits = 1 / 0")
    nbformat.write(raising, folder / f"raising_{CASE}.ipynb")
    nbformat.write(nbformat.v4.new_notebook(), folder / f"empty_{CASE}.ipynb")
    (folder / f"zero_bytes_{CASE}.ipynb").write_text("")
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = 1")]),
                   folder / "my_homework.ipynb")
    # A relative --assignments path, as `make grade` passes it.
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "grade_submissions.py"), str(folder),
         "--assignments", built.name], capture_output=True, text=True, cwd=built.parent,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    with open(folder / "grades.csv", newline="", encoding="utf-8") as sheet:
        reader = csv.DictReader(sheet)
        assert reader.fieldnames[:4] == ["file", "chapter", "score", "max_score"]
        rows = {row["file"]: row for row in reader}
    for name in rows:
        assert (folder / "feedback" / f"{Path(name).stem}.txt").is_file()
    rows["_log"] = {"text": result.stdout}
    return rows


def test_solution_notebooks_score_full_marks(graded: dict[str, dict[str, str]]) -> None:
    for chapter in CHAPTERS:
        row = graded[f"solution_{chapter}.ipynb"]
        assert row["chapter"] == chapter and row["status"] == "ok", row
        assert float(row["score"]) == float(row["max_score"]) == SPEC[chapter].max_score, row


def test_unanswered_notebook_scores_below_full(graded: dict[str, dict[str, str]]) -> None:
    row = graded[f"unanswered_{CASE}.ipynb"]
    assert row["chapter"] == CASE and float(row["score"]) < float(row["max_score"]), row


def test_one_wrong_answer_loses_exactly_that_questions_points(graded) -> None:
    points = {q.name: q.points for q in SPEC[CASE].questions}["two_dice"]
    row = graded[f"wrong_{CASE}.ipynb"]
    assert float(row["score"]) == SPEC[CASE].max_score - points, row


def test_broken_submissions_get_a_clear_line(graded: dict[str, dict[str, str]]) -> None:
    raising = graded[f"raising_{CASE}.ipynb"]
    assert raising["status"] == "raised" and "ZeroDivisionError" in raising["message"], raising
    points = {q.name: q.points for q in SPEC[CASE].questions}["two_dice"]
    assert float(raising["score"]) == SPEC[CASE].max_score - points, raising
    assert graded[f"empty_{CASE}.ipynb"]["status"] == "empty"
    assert graded[f"zero_bytes_{CASE}.ipynb"]["status"] == "unreadable"
    orphan = graded["my_homework.ipynb"]
    assert orphan["status"] == "no-chapter" and orphan["chapter"] == "", orphan
    log = graded["_log"]["text"]
    assert "my_homework.ipynb: - " in log and "no-chapter" in log
