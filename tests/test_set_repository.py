"""tools/set_repository.py, run on a temporary copy of the book's config and notebooks.

The copy's notebooks get the Colab cell: first, hidden (``remove-cell``), guarded by
``"google.colab" in sys.modules``, naming the repository; every other cell is as it was;
outside Colab the cell installs nothing and the notebook still passes strict nbval.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import types
from pathlib import Path

import nbformat
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

import set_repository  # noqa: E402

URL = "https://github.com/some-teacher/entropy-book"


@pytest.fixture
def book(tmp_path: Path) -> Path:
    for name in ("_config.yml", "requirements.txt", "CITATION.cff"):
        shutil.copy2(ROOT / name, tmp_path / name)
    shutil.copytree(ROOT / "chapters", tmp_path / "chapters")
    return tmp_path


def notebooks(root: Path) -> dict[str, nbformat.NotebookNode]:
    return {
        p.name: nbformat.read(p, as_version=4) for p in sorted((root / "chapters").glob("*.ipynb"))
    }


def run_cell(source: str, in_colab: bool, monkeypatch) -> list[list[str]]:
    """Execute the cell's code here; return the commands it passed to subprocess.run."""
    calls: list[list[str]] = []
    monkeypatch.setattr(subprocess, "run", lambda args, **kw: calls.append(list(args)))
    if in_colab:
        monkeypatch.setitem(sys.modules, "google.colab", types.ModuleType("google.colab"))
    else:
        monkeypatch.delitem(sys.modules, "google.colab", raising=False)
    exec(compile(source, "<colab cell>", "exec"), {})
    return calls


def test_every_notebook_gets_a_first_hidden_guarded_cell(book):
    before = notebooks(book)
    assert before, "no notebooks copied"
    config_before = yaml.safe_load((book / "_config.yml").read_text())

    set_repository.set_repository(book, URL + "/")

    after = notebooks(book)
    assert after.keys() == before.keys()
    for name, nb in after.items():
        first = nb.cells[0]
        assert first.cell_type == "code", name
        assert "remove-cell" in first.metadata["tags"], name
        assert 'if "google.colab" in sys.modules:' in first.source, name
        assert f"infolib @ git+{URL}@main" in first.source, name
        assert first.outputs == [], name
        assert nb.cells[1:] == before[name].cells, f"{name}: other cells changed"
        nbformat.validate(nb)
    config = yaml.safe_load((book / "_config.yml").read_text())
    assert config["repository"] == {"url": URL, "branch": "main"}
    config["repository"] = config_before["repository"]
    assert config == config_before, "only the repository block may change"
    citation = yaml.safe_load((book / "CITATION.cff").read_text())
    citation_before = yaml.safe_load((ROOT / "CITATION.cff").read_text())
    assert citation.pop("repository-code") == URL
    citation_before.pop("repository-code", None)
    assert citation == citation_before


def test_running_again_updates_the_cell_and_adds_none(book):
    set_repository.set_repository(book, URL)
    set_repository.set_repository(book, "https://github.com/other/fork.git", branch="spring-2027")
    for name, nb in notebooks(book).items():
        colab = [c for c in nb.cells if set_repository.COLAB_TAG in c.metadata.get("tags", [])]
        assert len(colab) == 1 and colab[0] is nb.cells[0], name
        assert "git+https://github.com/other/fork@spring-2027" in colab[0].source
        assert URL not in colab[0].source
    config = yaml.safe_load((book / "_config.yml").read_text())
    assert config["repository"]["url"] == "https://github.com/other/fork"
    assert config["repository"]["branch"] == "spring-2027"
    citation = (book / "CITATION.cff").read_text()
    assert citation.count("repository-code:") == 1
    assert 'repository-code: "https://github.com/other/fork"' in citation


def test_the_cell_installs_in_colab_only(book, monkeypatch):
    set_repository.set_repository(book, URL)
    source = notebooks(book)["00_how_to_read.ipynb"].cells[0].source
    assert run_cell(source, in_colab=False, monkeypatch=monkeypatch) == []
    (command,) = run_cell(source, in_colab=True, monkeypatch=monkeypatch)
    assert command[:4] == [sys.executable, "-m", "pip", "install"]
    assert f"infolib @ git+{URL}@main" in command
    myst_nb = next(
        line
        for line in (ROOT / "requirements.txt").read_text().splitlines()
        if line.startswith("myst-nb==")
    )
    assert myst_nb in command, "the notebooks import myst_nb.glue, which Colab lacks"


@pytest.mark.parametrize(
    "url",
    [
        "https://github.com/infolib-book",  # no repository name
        "http://github.com/a/b",  # not https
        "https://gitlab.com/a/b",  # Colab opens notebooks from GitHub
        "",
        "https://github.com/a/b c",
    ],
)
def test_a_bad_address_is_refused_and_nothing_changes(book, url, capsys):
    config_before = (book / "_config.yml").read_text()
    with pytest.raises(ValueError, match="url must be a GitHub repository address"):
        set_repository.check_url(url)
    assert set_repository.main([url, "--root", str(book)]) == 2
    assert repr(url.strip().rstrip("/")) in capsys.readouterr().err
    assert (book / "_config.yml").read_text() == config_before
    assert all(
        set_repository.COLAB_TAG not in c.metadata.get("tags", [])
        for nb in notebooks(book).values()
        for c in nb.cells
    )


def test_a_bad_branch_is_refused(book):
    with pytest.raises(ValueError, match="branch must be a git branch name, got 'a b'"):
        set_repository.set_repository(book, URL, branch="a b")


def test_a_notebook_with_the_cell_still_passes_strict_nbval(book):
    """Outside Colab the cell prints nothing: the stored outputs of the chapter stay valid."""
    set_repository.set_repository(book, URL)
    original = nbformat.read(ROOT / "chapters" / "00_how_to_read.ipynb", as_version=4)
    changed = nbformat.read(book / "chapters" / "00_how_to_read.ipynb", as_version=4)
    assert len(changed.cells) == len(original.cells) + 1
    result = subprocess.run(
        [
            sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
            "--nbval", "--nbval-current-env",
            "--nbval-sanitize-with", str(ROOT / "tests" / "nbval_sanitize.cfg"),
            "--rootdir", str(book),
            str(book / "chapters" / "00_how_to_read.ipynb"),
        ],
        cwd=book, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    code_cells = sum(cell.cell_type == "code" for cell in changed.cells)
    assert f"{code_cells} passed" in result.stdout, result.stdout[-500:]
