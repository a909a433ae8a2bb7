"""Re-execute notebooks in place, deterministically (``make outputs``).

Each notebook runs top to bottom in a fresh kernel from its own folder; cell
execution timestamps are not recorded and execution counts restart at 1, so a
second run on an unchanged tree leaves ``git status`` clean. A cell that raises
stops the run with a non-zero exit.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient


def execute(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        timeout=600,
        kernel_name="python3",
        record_timing=False,
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
    nb.metadata.pop("widgets", None)
    nb.metadata.pop("jupytext", None)
    nbformat.write(nb, path)


def main(paths: list[str]) -> int:
    for name in paths:
        print(f"executing {name}", flush=True)
        execute(Path(name))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
