"""Build the student edition: the whole site with every solution removed (`make student`).

Solutions are not just collapsed: they are cut out of the notebooks and pages *before*
the build, so they are absent from the HTML, from the downloadable notebooks and from
the search index. Exercises stay. The stored notebook outputs are used as they are
(the reader edition's build and the test suite execute them), so this build runs no
kernel.

    .venv/bin/python tools/make_student_edition.py [--out _build/student/html]
    .venv/bin/python tools/make_student_edition.py --builder pdflatex   # the PDF (make pdf-student)
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import yaml

ROOT = Path(__file__).resolve().parents[1]
FENCE_OPEN = re.compile(r"^(?P<fence>`{3,}|:{3,})\{(?P<name>solution(?:-start)?)\}.*$")
GATE_END = re.compile(r"^(`{3,}|:{3,})\{solution-end\}\s*$")
# jupyter-book builder -> (folder it writes under _build, main file in that folder)
BUILDERS = {"html": ("html", "index.html"), "pdflatex": ("latex", "book.pdf")}
STUDENT_NOTE = (
    "\n\n```{note}\nThis is the **student edition**: the solutions to the exercises are "
    "not included. Use the self-checks (`infolib.check`) where an exercise names one.\n```\n"
)


def strip_solution_text(text: str) -> tuple[str, bool]:
    """Remove ``{solution}`` blocks from MyST text.

    Returns the remaining text and whether a ``{solution-start}`` gate was opened and
    not closed in this text (the cells that follow belong to the solution).
    """
    lines = text.split("\n")
    kept: list[str] = []
    i = 0
    while i < len(lines):
        match = FENCE_OPEN.match(lines[i].strip())
        if not match:
            kept.append(lines[i])
            i += 1
            continue
        fence = match["fence"]
        # Skip to the closing fence of this directive (same characters, same length).
        j = i + 1
        while j < len(lines) and lines[j].strip() != fence:
            j += 1
        if match["name"] == "solution":
            i = j + 1
            continue
        # solution-start: everything up to and including the solution-end directive
        rest, found = close_gate("\n".join(lines[j + 1 :]))
        if not found:
            return "\n".join(kept).rstrip() + "\n", True
        lines = lines[: j + 1] + rest.split("\n")
        i = j + 1
    return "\n".join(kept), False


def close_gate(text: str) -> tuple[str, bool]:
    """Drop text up to and including a ``{solution-end}`` directive; say if it was found."""
    lines = text.split("\n")
    for k, line in enumerate(lines):
        if GATE_END.match(line.strip()):
            rest = k + 1
            if rest < len(lines) and lines[rest].strip() and set(lines[rest].strip()) <= {"`", ":"}:
                rest += 1
            return "\n".join(lines[rest:]), True
    return "", False


def strip_notebook(nb: nbformat.NotebookNode) -> int:
    """Remove solution blocks and gated solution cells in place; return how many."""
    removed = 0
    cells = []
    inside_gate = False
    for cell in nb.cells:
        source = cell.source
        if inside_gate:
            if cell.cell_type != "markdown":
                continue
            source, found = close_gate(source)
            if not found:
                continue
            inside_gate = False
        if cell.cell_type == "markdown":
            before = source.count("{solution")
            source, inside_gate = strip_solution_text(source)
            removed += before - source.count("{solution")
            if not source.strip():
                continue
            cell.source = source
        cells.append(cell)
    nb.cells = cells
    return removed


def prepare_source(dest: Path) -> int:
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(
        ROOT,
        dest,
        ignore=shutil.ignore_patterns(".venv", "_build", ".git", "__pycache__", "*.egg-info"),
    )
    removed = 0
    for path in sorted(dest.rglob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        removed += strip_notebook(nb)
        nbformat.write(nb, path)
    for path in sorted(dest.rglob("*.md")):
        text, _ = strip_solution_text(path.read_text())
        path.write_text(text)
    config_path = dest / "_config.yml"
    config = yaml.safe_load(config_path.read_text())
    config["title"] = config["title"] + " (student edition)"
    config["execute"]["execute_notebooks"] = "off"
    config.setdefault("sphinx", {}).setdefault("config", {})["hide_solutions"] = True
    config_path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True))
    intro = dest / "intro.md"
    text = intro.read_text()
    first_break = text.index("\n\n")
    intro.write_text(text[:first_break] + STUDENT_NOTE + text[first_break:])
    return removed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--builder",
        choices=sorted(BUILDERS),
        default="html",
        help="html: the site; pdflatex: the PDF through XeLaTeX (folder latex, book.pdf)",
    )
    parser.add_argument("--out", help="default: _build/student/html or _build/student/latex")
    parser.add_argument("--work", default=str(ROOT / "_build" / "student_src"))
    args = parser.parse_args()
    folder, main_file = BUILDERS[args.builder]
    work = Path(args.work)
    out = Path(args.out) if args.out else ROOT / "_build" / "student" / folder
    removed = prepare_source(work)
    print(f"removed {removed} solution block(s)")
    jb = Path(sys.executable).with_name("jupyter-book")
    code = subprocess.call(
        [str(jb), "build", str(work), "--builder", args.builder, "-W", "--keep-going", "-n"]
    )
    if code != 0:
        return code
    if out.exists():
        shutil.rmtree(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(str(work / "_build" / folder), str(out))
    print(f"student edition: {out / main_file}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
