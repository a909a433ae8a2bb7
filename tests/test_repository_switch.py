"""repository.url really drives sphinx-book-theme's buttons, in a real Jupyter Book build.

A two-page book (a Markdown page and an unexecuted notebook) with the book's
``_ext/edition.py`` and the book's ``launch_buttons`` is built twice: with
``repository.url`` empty there is no repository, Binder or Colab link; with a URL, the
repository button and both launch buttons point at that repository. Each build takes about
10-20 s.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
JUPYTER_BOOK = Path(sys.executable).with_name("jupyter-book")
URL = "https://github.com/a-teacher/a-course-book"


def build(tmp_path: Path, url: str) -> dict[str, str]:
    """Build the small book with ``repository.url = url``; return its pages' HTML."""
    book = tmp_path / "book"
    (book / "_ext").mkdir(parents=True)
    shutil.copy2(ROOT / "_ext" / "edition.py", book / "_ext" / "edition.py")
    (book / "infolib").mkdir()
    (book / "infolib" / "__init__.py").write_text('__version__ = "9.8.7"\n')
    (book / "reference").mkdir()
    (book / "reference" / "errata.md").write_text("# Errata\n\nNone yet.\n")
    (book / "intro.md").write_text("# Home\n\nA page.\n")
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# A notebook"), nbformat.v4.new_code_cell("1 + 1")]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    nb.metadata["kernelspec"]["language"] = "python"
    nb.metadata["language_info"] = {"name": "python"}
    nbformat.write(nb, book / "notebook.ipynb")
    toc = {
        "format": "jb-book",
        "root": "intro",
        "chapters": [{"file": "notebook"}, {"file": "reference/errata"}],
    }
    (book / "_toc.yml").write_text(yaml.safe_dump(toc))
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    small = {
        "title": "switch test",
        "execute": {"execute_notebooks": "off"},
        "html": config["html"] | {"favicon": ""},
        "repository": {"url": url, "branch": "main"},
        "launch_buttons": config["launch_buttons"],
        "sphinx": {"local_extensions": {"edition": "_ext"}},
    }
    (book / "_config.yml").write_text(yaml.safe_dump(small))
    result = subprocess.run(
        [str(JUPYTER_BOOK), "build", str(book), "--builder", "html", "-W", "-n", "-q"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    html = book / "_build" / "html"
    return {name: (html / f"{name}.html").read_text() for name in ("intro", "notebook")}


@pytest.fixture(scope="module")
def launch_hosts() -> tuple[str, ...]:
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    launch = config["launch_buttons"]
    hosts = tuple(launch[k].split("//", 1)[1] for k in ("binderhub_url", "colab_url"))
    assert hosts == ("mybinder.org", "colab.research.google.com")
    return hosts


def test_no_url_no_repository_or_launch_button(tmp_path, launch_hosts):
    pages = build(tmp_path, "")
    for name, html in pages.items():
        assert "source-repository-button" not in html, name
        assert "launch-buttons" not in html, name
        assert not any(host in html for host in launch_hosts), name
        assert "github.com" not in html, name
        assert "Edition 9.8.7." in html, name


def test_a_url_gives_repository_binder_and_colab_buttons_to_it(tmp_path, launch_hosts):
    pages = build(tmp_path, URL)
    assert f'href="{URL}"' in pages["intro"]
    notebook = pages["notebook"]
    assert "source-repository-button" in notebook and f'href="{URL}"' in notebook
    assert "https://mybinder.org/v2/gh/a-teacher/a-course-book/main" in notebook
    assert (
        "https://colab.research.google.com/github/a-teacher/a-course-book/blob/main/notebook.ipynb"
        in notebook
    )
