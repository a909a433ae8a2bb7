"""The course bundle (`make bundle`) runs on its own: unpack, one pip command, every notebook.

The bundle is built afresh into a temporary folder. The slow tests install it into a new
virtual environment from PyPI, as a student would, and execute every notebook there
(minutes; CI runs them, `-m "not slow"` leaves them out locally). The copies linked from
the built sites are checked when the sites and the bundle are built (CI builds them).
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import nbformat
import pytest
from packaging.utils import canonicalize_name
from test_student_edition import chapter_solutions, exercise_labels, site_words

ROOT = Path(__file__).resolve().parents[1]
CHAPTERS = sorted(p.name for p in (ROOT / "chapters").glob("*.ipynb"))
SITES = {"reader": ROOT / "_build" / "html", "student": ROOT / "_build" / "student" / "html"}
# Packages of the book's own tooling, which a student's environment does not need.
TOOLING = ("jupyter-book", "sphinx-book-theme", "sphinx-proof", "sphinx-exercise", "pytest",
           "nbval", "hypothesis", "ruff", "nbqa", "playwright")
# Run inside the student's venv: execute one notebook, print how many code cells ran (of
# how many) and what they printed.
EXECUTE = """
import json, sys, nbformat
from nbclient import NotebookClient
nb = nbformat.read(sys.argv[1], as_version=4)
NotebookClient(nb, timeout=600, kernel_name="python3",
               resources={"metadata": {"path": "."}}).execute()
code = [c for c in nb.cells if c.cell_type == "code"]
printed = [o.get("text", "") for c in code for o in c.outputs if o.output_type == "stream"]
print(json.dumps([sum(c.execution_count is not None for c in code), len(code), printed]))
"""


def load_tool():
    spec = importlib.util.spec_from_file_location("make_bundle", ROOT / "tools" / "make_bundle.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


tool = load_tool()


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    return tool.build_bundle(tmp_path_factory.mktemp("bundle"))


@pytest.fixture(scope="module")
def unpacked(bundle, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("unpacked")
    with zipfile.ZipFile(bundle) as archive:
        archive.extractall(target)
    (folder,) = target.iterdir()
    return folder


def bundle_version(bundle: Path) -> str:
    return re.fullmatch(r"infolib-book-course-(.+)\.zip", bundle.name)[1]


def clean_env(venv: Path) -> dict[str, str]:
    """The environment of a student's shell with only the new venv active."""
    env = {k: v for k, v in os.environ.items()
           if k not in {"VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "MPLBACKEND"}}
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    env["VIRTUAL_ENV"] = str(venv)
    return env


def test_bundle_holds_exactly_the_expected_files(bundle):
    version = bundle_version(bundle)
    wheel = f"infolib-{version}-py3-none-any.whl"
    expected = {"README.md", "requirements.txt", wheel}
    expected |= {f"notebooks/{name}" for name in CHAPTERS}
    expected |= {f"reference/{name}" for name in ("notation.md", "glossary.md")}
    with zipfile.ZipFile(bundle) as archive:
        names = set(archive.namelist())
        wheel_bytes = archive.read(f"infolib-book-course-{version}/{wheel}")
    assert names == {f"infolib-book-course-{version}/{name}" for name in expected}
    assert len(CHAPTERS) >= 10
    assert wheel_bytes[:2] == b"PK", "the wheel is not a zip file"


def test_wheel_is_built_from_this_checkout(unpacked):
    (wheel,) = unpacked.glob("*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        packaged = {n: archive.read(n) for n in names if n.startswith("infolib/")}
    sources = {
        p.relative_to(ROOT).as_posix(): p.read_bytes()
        for p in (ROOT / "infolib").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    assert packaged == sources, "the wheel's infolib differs from infolib/ of the checkout"
    assert "infolib/exercise_key.json" in names, "the self-checks need their answer key"
    assert "infolib/data/book_text/09_numerical_stability.txt" in names, (
        "chapter 11 trains its language models on the packaged snapshot of the book's prose")


def test_notebooks_have_every_exercise_and_no_solution(unpacked):
    notebooks = {p.name: nbformat.read(p, as_version=4) for p in unpacked.glob("notebooks/*")}
    text = "\n".join(c.source for nb in notebooks.values() for c in nb.cells)
    assert "{solution" not in text
    phrases = [p for plist in chapter_solutions().values() for p in plist]
    assert phrases, "found no solution text in the chapters to look for"
    words = site_words(unpacked)
    leaked = [p for p in phrases if p in words]
    assert not leaked, f"solution text in the bundle: {leaked[:5]}"
    missing = [label for label in exercise_labels() if f":label: {label}" not in text]
    assert not missing, f"exercises missing from the bundle: {missing}"


def test_notebooks_keep_the_chapters_code_and_stored_outputs(unpacked):
    """Every code cell of the bundle is a chapter's cell, unchanged, outputs included."""
    kept = total = 0
    for name in CHAPTERS:
        original = nbformat.read(ROOT / "chapters" / name, as_version=4)
        student = nbformat.read(unpacked / "notebooks" / name, as_version=4)
        cells = [(c.source, c.outputs) for c in original.cells if c.cell_type == "code"]
        for cell in (c for c in student.cells if c.cell_type == "code"):
            assert (cell.source, cell.outputs) in cells, f"{name}: a changed code cell"
            kept += bool(cell.outputs)
        total += len(cells)
    assert kept >= total // 2, f"only {kept} of {total} code cells kept their outputs"


def test_requirements_pin_only_what_the_notebooks_need_as_the_book_does(unpacked):
    pins = set()
    for filename in ("requirements.txt", "constraints.txt"):
        for line in (ROOT / filename).read_text().splitlines():
            if "==" in line and not line.startswith("#"):
                name, version = line.split("#")[0].strip().split("==")
                pins.add((canonicalize_name(name), version))
    lines = [line for line in (unpacked / "requirements.txt").read_text().splitlines()
             if line.strip() and not line.startswith("#")]
    (wheel,) = unpacked.glob("*.whl")
    assert lines[-1] == f"./{wheel.name}"
    requirements = [line.split(";")[0].strip().split("==") for line in lines[:-1]]
    names = {canonicalize_name(name) for name, _ in requirements}
    unlike = [f"{n}=={v}" for n, v in requirements if (canonicalize_name(n), v) not in pins]
    assert not unlike, f"pinned unlike the book: {unlike}"
    for needed in ("numpy", "scipy", "sympy", "mpmath", "matplotlib", "jupyterlab",
                   "ipykernel", "nbclient", "myst-nb"):
        assert needed in names
    assert not names & set(TOOLING), f"book tooling in the bundle: {names & set(TOOLING)}"


@pytest.fixture(scope="module")
def student_venv(unpacked, tmp_path_factory) -> Path:
    """A new virtual environment with the bundle installed by its one command."""
    venv = tmp_path_factory.mktemp("student") / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet",
         "--disable-pip-version-check", "-r", "requirements.txt"],
        cwd=unpacked, env=clean_env(venv), check=True, timeout=1800,
    )
    return venv


@pytest.mark.slow
def test_one_pip_command_installs_the_bundles_infolib(student_venv, unpacked, bundle):
    probe = ("import importlib.metadata as m, json, infolib; print(json.dumps("
             "[m.version('infolib'), infolib.__version__, infolib.__file__]))")
    out = subprocess.run([str(student_venv / "bin" / "python"), "-c", probe], cwd=unpacked,
                         env=clean_env(student_venv), capture_output=True, text=True, check=True)
    installed, reported, location = json.loads(out.stdout)
    assert installed == bundle_version(bundle)
    assert Path(location).is_relative_to(student_venv), f"infolib imported from {location}"
    assert reported == installed, (
        f"infolib.__version__ is {reported} but the package (pyproject.toml) is {installed}"
    )


@pytest.mark.slow
def test_kernel_runs_in_the_students_environment(student_venv, unpacked, tmp_path):
    """The notebooks below must run in the new venv, not in the book's environment."""
    nb = nbformat.v4.new_notebook()
    nb.cells.append(nbformat.v4.new_code_cell("import sys, infolib\nprint(sys.prefix)"))
    path = tmp_path / "probe.ipynb"
    nbformat.write(nb, path)
    out = subprocess.run([str(student_venv / "bin" / "python"), "-c", EXECUTE, str(path)],
                         cwd=unpacked, env=clean_env(student_venv), capture_output=True,
                         text=True, check=True, timeout=300)
    assert json.loads(out.stdout.splitlines()[-1]) == [1, 1, [f"{student_venv}\n"]]


@pytest.mark.slow
@pytest.mark.parametrize("name", CHAPTERS)
def test_every_notebook_runs_in_the_students_environment(name, student_venv, unpacked):
    result = subprocess.run(
        [str(student_venv / "bin" / "python"), "-c", EXECUTE, name],
        cwd=unpacked / "notebooks", env=clean_env(student_venv), capture_output=True,
        text=True, timeout=1200,
    )
    assert result.returncode == 0, f"{name} failed in the bundle:\n{result.stderr[-3000:]}"
    ran, cells, _ = json.loads(result.stdout.splitlines()[-1])
    assert ran == cells > 0, f"{name}: {ran} of {cells} code cells ran"


@pytest.mark.parametrize("edition", sorted(SITES))
def test_built_site_links_to_the_bundle(edition):
    site = SITES[edition]
    if not (site / "index.html").exists():
        pytest.skip(f"{edition} site not built (`make book` / `make student`; CI builds both)")
    built = sorted((ROOT / "_build" / "bundle").glob("infolib-book-course-*.zip"))
    if not built:
        pytest.skip("bundle not built: run `make bundle` after the sites (CI does)")
    copy = site / "_downloads" / tool.SITE_NAME
    assert copy.exists(), f"{copy} missing: run `make bundle` after building the site"
    assert copy.read_bytes() == built[-1].read_bytes(), "the site's bundle is not the latest"
    for page, href in (("intro.html", f"_downloads/{tool.SITE_NAME}"),
                       ("reference/instructors.html", f"../_downloads/{tool.SITE_NAME}")):
        assert f'href="{href}"' in (site / page).read_text(), f"{page} does not link the bundle"
