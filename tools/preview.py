"""Build a private preview of the book in /tmp/preview-NAME (for drafting in parallel).

Copies the working tree (without .venv, _build, .git) to /tmp/preview-NAME, replaces
every page listed in _toc.yml that does not exist yet by a one-line stub (so links to
chapters still being written resolve), and builds the HTML there with the same strict
flags as `make book`. Prints the path of the built site.

    .venv/bin/python tools/preview.py NAME

jupyter-book is taken from the environment of the Python that runs this script, so a
git worktree without its own .venv can use another checkout's environment (set
PYTHONPATH to the worktree so that its infolib is the one imported).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def toc_files(node: object) -> list[str]:
    found: list[str] = []
    if isinstance(node, dict):
        if "file" in node:
            found.append(node["file"])
        for value in node.values():
            found += toc_files(value)
    elif isinstance(node, list):
        for item in node:
            found += toc_files(item)
    return found


def main(name: str) -> int:
    dest = Path(f"/tmp/preview-{name}")
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(
        ROOT, dest, ignore=shutil.ignore_patterns(".venv", "_build", ".git", "__pycache__")
    )
    toc = yaml.safe_load((dest / "_toc.yml").read_text())
    for entry in toc_files(toc):
        page = dest / entry
        if not any(page.with_suffix(ext).exists() for ext in (".ipynb", ".md")):
            page.with_suffix(".md").write_text(f"# {page.stem} (not written yet)\n")
    cmd = [
        str(Path(sys.executable).parent / "jupyter-book"),  # the environment running this
        "build",
        str(dest),
        "--builder",
        "html",
        "-W",
        "--keep-going",
        "-n",
    ]
    code = subprocess.call(cmd)
    print(f"site: {dest / '_build/html/index.html'}")
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "draft"))
