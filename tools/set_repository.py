"""Set the book's public repository: the launch buttons appear and Colab can install infolib.

    .venv/bin/python tools/set_repository.py https://github.com/OWNER/REPO [--branch main]

Two things follow from the repository's address, and this tool does both:

1. It writes the address into ``repository.url`` of ``_config.yml``, the one place it is
   kept (``_ext/edition.py`` shows the repository, Binder and Colab buttons only when it is
   set), and the branch into ``repository.branch``; CITATION.cff gets ``repository-code``.
2. It gives every notebook in ``chapters/`` a first code cell, hidden on the site (tag
   ``remove-cell``), that installs infolib from that repository, but only when the notebook
   runs in Google Colab (``"google.colab" in sys.modules``), which does not have infolib.
   Elsewhere the cell does nothing and prints nothing, so the stored outputs stay valid. Run
   again with another address, the tool updates that cell; it never adds a second one.

Only the ``repository`` lines of ``_config.yml`` and the first cell of each notebook change;
the other cells are written back as they were read.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
COLAB_TAG = "colab-install"
HIDDEN_TAG = "remove-cell"
GITHUB_URL = re.compile(r"^https://github\.com/[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]+$")
BRANCH = re.compile(r"^[A-Za-z0-9._/-]+$")
# Imported by the notebooks (myst_nb.glue) but not installed in Colab.
COLAB_EXTRAS = ("myst-nb",)


def check_url(url: str) -> str:
    """The repository address without a trailing slash; ValueError unless it is on GitHub."""
    url = url.strip().rstrip("/")
    if url.endswith(".git"):
        url = url[: -len(".git")]
    if not GITHUB_URL.match(url):
        raise ValueError(
            f"url must be a GitHub repository address https://github.com/OWNER/REPO "
            f"(Binder and Colab open notebooks from GitHub), got {url!r}"
        )
    return url


def check_branch(branch: str) -> str:
    if not BRANCH.match(branch):
        raise ValueError(f"branch must be a git branch name, got {branch!r}")
    return branch


def pinned(root: Path, name: str) -> str:
    """The ``name==version`` line of ``root/requirements.txt``."""
    for line in (root / "requirements.txt").read_text().splitlines():
        if line.split("==", 1)[0].strip().lower() == name.lower() and "==" in line:
            return line.split("#", 1)[0].strip()
    raise ValueError(f"requirements.txt pins no {name!r}")


def colab_requirements(root: Path, url: str, branch: str) -> list[str]:
    """What Colab lacks: infolib from the repository, and the packages the notebooks import
    that Colab does not have, pinned as in requirements.txt."""
    return [f"infolib @ git+{url}@{branch}"] + [pinned(root, name) for name in COLAB_EXTRAS]


def colab_cell_source(requirements: list[str]) -> str:
    """Code of the hidden first cell: pip-install ``requirements``, in Colab only."""
    listed = "".join(f'            "{r}",\n' for r in requirements)
    return (
        "# In Google Colab only, which lacks infolib: install it from the book's repository.\n"
        "# Elsewhere this cell does nothing. (Hidden on the site; tools/set_repository.py.)\n"
        "import subprocess\n"
        "import sys\n"
        "\n"
        'if "google.colab" in sys.modules:\n'
        "    subprocess.run(\n"
        "        [\n"
        '            sys.executable, "-m", "pip", "install", "--quiet",\n'
        f"{listed}"
        "        ],\n"
        "        check=True,\n"
        "    )"
    )


def is_colab_cell(cell: nbformat.NotebookNode) -> bool:
    return cell.cell_type == "code" and COLAB_TAG in cell.get("metadata", {}).get("tags", [])


def install_colab_cell(nb: nbformat.NotebookNode, requirements: list[str]) -> None:
    """Make the notebook's first cell the Colab install cell (insert it, or update it)."""
    nb.cells = [cell for cell in nb.cells if not is_colab_cell(cell)]
    cell = nbformat.v4.new_code_cell(
        colab_cell_source(requirements), metadata={"tags": [HIDDEN_TAG, COLAB_TAG]}
    )
    cell.id = "colab-install"
    nb.cells.insert(0, cell)


def set_config_url(config: Path, url: str, branch: str) -> None:
    """Rewrite the ``url`` and ``branch`` lines of the ``repository:`` block, comments kept."""
    lines = config.read_text().split("\n")
    try:
        start = lines.index("repository:")
    except ValueError:
        raise ValueError(f"{config} has no top-level 'repository:' block") from None
    seen = set()
    for i in range(start + 1, len(lines)):
        if lines[i] and not lines[i].startswith((" ", "#")):
            break  # the next top-level key
        key = lines[i].strip().split(":", 1)[0]
        if key in ("url", "branch"):
            value = url if key == "url" else branch
            lines[i] = f"  {key}: {value}"
            seen.add(key)
    if seen != {"url", "branch"}:
        raise ValueError(f"{config}: the repository block lacks {sorted({'url', 'branch'} - seen)}")
    config.write_text("\n".join(lines))


def set_citation_url(citation: Path, url: str) -> None:
    """Write ``repository-code: url`` into CITATION.cff (a static file: a copy, checked by
    tests/test_release_metadata.py against ``repository.url``)."""
    lines = citation.read_text().rstrip("\n").split("\n")
    entry = f'repository-code: "{url}"'
    lines = [entry if line.startswith("repository-code:") else line for line in lines]
    if entry not in lines:
        lines.append(entry)
    citation.write_text("\n".join(lines) + "\n")


def set_repository(root: Path, url: str, branch: str = "main") -> list[Path]:
    """Write ``url`` into ``root/_config.yml`` (and CITATION.cff, if there is one) and the
    Colab cell into each chapter notebook."""
    url, branch = check_url(url), check_branch(branch)
    requirements = colab_requirements(root, url, branch)
    set_config_url(root / "_config.yml", url, branch)
    if (root / "CITATION.cff").exists():
        set_citation_url(root / "CITATION.cff", url)
    notebooks = sorted((root / "chapters").glob("*.ipynb"))
    for path in notebooks:
        nb = nbformat.read(path, as_version=4)
        install_colab_cell(nb, requirements)
        nbformat.write(nb, path)
    return notebooks


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url", help="https://github.com/OWNER/REPO")
    parser.add_argument("--branch", default="main")
    parser.add_argument("--root", default=str(ROOT), help="the book's folder (default: this one)")
    args = parser.parse_args(argv)
    try:
        notebooks = set_repository(Path(args.root), args.url, args.branch)
    except ValueError as error:
        print(f"set_repository: {error}", file=sys.stderr)
        return 2
    print(f"repository.url = {check_url(args.url)}; Colab cell in {len(notebooks)} notebook(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
