"""The notebook regression test is strict: one changed digit in a stored output fails it.

Runs nbval (as `make test` does) in a subprocess on a copy of a chapter notebook, once
unchanged (must pass) and once with a single digit of a stored numeric output changed
(must fail with an output mismatch).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "chapters" / "00_how_to_read.ipynb"
SANITIZE = ROOT / "tests" / "nbval_sanitize.cfg"


def run_nbval(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "--nbval",
         "--nbval-current-env", "--nbval-sanitize-with", str(SANITIZE), str(path)],
        cwd=path.parent, capture_output=True, text=True, timeout=600,
    )


def change_one_digit(nb: dict) -> str:
    """Change the first digit of the first stored stream output that has one."""
    for cell in nb["cells"]:
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream":
                text = "".join(out["text"])
                m = re.search(r"\d", text)
                if m:
                    digit = m.group()
                    new = str((int(digit) + 1) % 10)
                    out["text"] = text[: m.start()] + new + text[m.end():]
                    return f"{digit}->{new} in {text.strip()[:60]!r}"
    raise AssertionError("no stored numeric output found to change")


@pytest.fixture(scope="module")
def notebook_json() -> dict:
    return json.loads(NOTEBOOK.read_text())


def test_unchanged_notebook_passes(tmp_path, notebook_json):
    copy = tmp_path / NOTEBOOK.name
    copy.write_text(json.dumps(notebook_json))
    proc = run_nbval(copy)
    assert proc.returncode == 0, proc.stdout[-3000:]


def test_one_changed_digit_fails(tmp_path, notebook_json):
    nb = json.loads(json.dumps(notebook_json))
    what = change_one_digit(nb)
    copy = tmp_path / NOTEBOOK.name
    copy.write_text(json.dumps(nb))
    proc = run_nbval(copy)
    assert proc.returncode != 0, f"nbval accepted a changed digit ({what})"
    assert "mismatch" in proc.stdout.lower(), proc.stdout[-3000:]
